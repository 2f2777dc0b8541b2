"""``schakel laad-referentiedata``: load organisations and regulations from YAML or CSV."""

from django.core.management.base import BaseCommand, CommandError

from schakel.regelingen import importeren


class Command(BaseCommand):
    help = (
        "Laad organisaties en regelingen uit YAML- of CSV-bestanden (standaard: de meegeleverde "
        "referentiedata). Eerst wordt alles gecontroleerd; bij fouten wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bestand", action="append", dest="bestanden", metavar="PAD",
            help="YAML- of CSV-bestand; mag vaker worden opgegeven. Standaard: "
                 f"{importeren.STANDAARD_BESTAND.name} uit het pakket.",
        )
        parser.add_argument("--droog", action="store_true",
                            help="Alleen controleren en tellen wat er zou veranderen; niets opslaan.")

    def handle(self, *args, bestanden=None, droog=False, **options):
        try:
            resultaat = importeren.laad(bestanden, droog=droog)
        except importeren.OngeldigeReferentiedata as exc:
            for fout in exc.fouten:
                self.stderr.write(f"  - {fout}")
            raise CommandError(str(exc)) from None
        voorvoegsel = "Droog gedraaid, niets opgeslagen. Zou worden: " if resultaat.droog else ""
        self.stdout.write(f"{voorvoegsel}organisaties: {resultaat.organisaties}; regelingen: {resultaat.regelingen}.")
        if resultaat.zonder_bwb_id:
            self.stdout.write(f"{resultaat.zonder_bwb_id} regelingen zonder zeker BWB-id: alleen bekend bij de "
                              "tekstrouter, niet opgeslagen (controleer met 'schakel controleer-regelingen').")
        if not resultaat.droog:
            self.stdout.write(self.style.SUCCESS("Referentiedata geladen." if resultaat.gewijzigd
                                                 else "Referentiedata was al actueel; niets gewijzigd."))
