"""``schakel controleer-regelingen``: check every regulation's BWB id and title in the reference
data against the open data of wetten.overheid.nl (the BWB SRU service). Needs a network;
writes nothing. Exit code 1 when something does not match or the service cannot be reached."""

from django.core.management.base import BaseCommand, CommandError

from schakel.regelingen import bwb, importeren


class Command(BaseCommand):
    help = ("Controleer de BWB-id's en titels van de regelingen in de referentiedata bij wetten.overheid.nl "
            "(BWB SRU-dienst); zoek voor regelingen zonder zeker id naar kandidaten. Vraagt een netwerk.")

    def add_arguments(self, parser):
        parser.add_argument("--bestand", action="append", dest="bestanden", metavar="PAD",
                            help=f"YAML- of CSV-bestand (standaard {importeren.STANDAARD_BESTAND.name}).")
        parser.add_argument("--timeout", type=float, default=15.0, help="Seconden per verzoek (standaard 15).")

    def handle(self, *args, bestanden=None, timeout=15.0, **options):
        invoer = importeren.lees(bestanden or [importeren.STANDAARD_BESTAND])
        if invoer.fouten:
            raise CommandError("; ".join(str(f) for f in invoer.fouten))
        try:
            bevindingen = bwb.controleer(invoer.regelingen, lambda url: bwb.haal(url, timeout=timeout))
        except OSError as fout:
            raise CommandError(f"wetten.overheid.nl is niet bereikbaar ({fout}); er is niets gecontroleerd.") from None
        for b in bevindingen:
            if not b.in_orde:
                self.stdout.write(f"  - {b.melding}")
        goed = sum(b.in_orde for b in bevindingen)
        self.stdout.write(f"{goed} van {len(bevindingen)} regelingen kloppen met het BWB.")
        if goed != len(bevindingen):
            raise CommandError(f"{len(bevindingen) - goed} regelingen vragen aandacht (zie hierboven).")
