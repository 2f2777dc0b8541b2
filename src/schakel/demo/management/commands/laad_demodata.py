"""``schakel laad-demodata``: demo accounts and a realistic history of signals."""

import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from schakel.demo import opbouw
from schakel.signalen.models import Signaal

MAX_AANTAL = 5000


class Command(BaseCommand):
    help = (
        "Maak demo-accounts per rol en organisatie en een realistische set signalen van de afgelopen "
        "veertien maanden, met reacties, toezeggingen, knelpunten, retourstickers, signalen in de triage en audittrail. Laadt de referentiedata als die ontbreekt. "
        "Staat er al demodata, dan verandert er niets: de audittrail wordt nooit gewist, dus begin voor "
        "een nieuwe demo met een lege database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=300, help="Aantal signalen (standaard 300).")
        parser.add_argument("--seed", type=int, default=42,
                            help="Startwaarde van de toevalsgenerator; dezelfde seed geeft dezelfde data "
                                 "(standaard 42).")

    def handle(self, *args, aantal, seed, **options):
        if not 0 <= aantal <= MAX_AANTAL:
            raise CommandError(f"--aantal moet tussen 0 en {MAX_AANTAL} liggen.")
        andere = Signaal.objects.exclude(pk__in=opbouw.demo_signalen().values("pk")).count()
        if andere:
            raise CommandError(
                f"Deze database bevat {andere} signalen die geen demodata zijn. Demodata wordt alleen in een "
                "demo-omgeving geladen; gebruik een lege database (SCHAKEL_DATA_DIR of SCHAKEL_DB_NAME)."
            )
        bestaand = opbouw.demo_signalen().count()
        if bestaand:
            self.stdout.write(f"Demodata staat er al ({bestaand} signalen); er is niets gewijzigd. "
                              "Voor een nieuwe demo: verwijder het databasebestand (var/schakel.sqlite3) "
                              "en start opnieuw.")
            self._toon_inloggegevens()
            return

        begin = time.monotonic()
        try:
            with transaction.atomic():
                samenvatting = opbouw.maak_demodata(aantal=aantal, seed=seed)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        duur = time.monotonic() - begin

        s = samenvatting
        self.stdout.write(self.style.SUCCESS(f"Demodata geladen in {duur:.1f} s (seed {seed})."))
        self.stdout.write(
            f"  {s.signalen} signalen, waarvan {s.noodremmen} noodremmen; {s.open} nog zonder reactie "
            f"({s.over_termijn} over de termijn).\n"
            f"  Reacties: {s.overgenomen} overgenomen, {s.niet_overgenomen} niet overgenomen met reden; "
            f"{s.herzien} herzien; {s.doorgestuurd} doorgestuurd.\n"
            f"  Toezeggingen: {s.toezeggingen}, waarvan {s.nagekomen} nagekomen en {s.toezeggingen_verlopen} "
            "over de datum.\n"
            f"  Knelpunten: {s.knelpunten}, waarvan {s.geagendeerd} op de agenda van een Kamercommissie.\n"
            f"  Retourstickers: {s.retourstickers} over {s.brieven} brieven; {s.stickers_geescaleerd} niet op tijd "
            f"gebeld en voorgelegd aan het bestuur; {s.signalen_uit_tellingen} signaal uit de telling per brief.\n"
            f"  Triage: {s.triage} signalen zonder regeling wachten op een behandelaar met het triagerecht "
            f"({opbouw.trieerder()})."
        )
        self._toon_inloggegevens()

    def _toon_inloggegevens(self):
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(
            f"Demo-accounts (wachtwoord voor allemaal: {opbouw.DEMO_WACHTWOORD})"))
        self.stdout.write(f"  {opbouw.BEHEERDER:<22} beheerder, alle rechten; beheer op /beheer/")
        for organisatie, namen in opbouw.inlogoverzicht():
            self.stdout.write(f"  {organisatie.naam}: {', '.join(namen)}")
        self.stdout.write(f"  {opbouw.trieerder()} mag ook signalen zonder regeling routeren (triage, /signalen/triage).")
        self.stdout.write("")
        poort = os.environ.get("SCHAKEL_PORT", "").strip() or "8000"
        self.stdout.write(f"Open http://localhost:{poort}/ als de server draait (scripts/demo.sh start hem; "
                          "inloggen via /inloggen, beheer via /beheer/).")
