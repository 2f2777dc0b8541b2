"""``schakel genereer-data``: a large, realistic data set for benchmarks and load tests."""

import sys

from django.core.management.base import BaseCommand, CommandError

from schakel.demo import generator
from schakel.signalen.models import Signaal


class Command(BaseCommand):
    help = (
        "Genereer snel een groot, realistisch gegevensbestand voor benchmarks en belastingtests: signalen met "
        "reacties, toezeggingen, termijnen (met escalaties) en knelpunten. COPY op PostgreSQL, bulk_create op "
        "SQLite. Dezelfde seed geeft dezelfde data. Schrijft één auditgebeurtenis (data_gegenereerd), niet één "
        "per rij. Nooit op een productiedatabase gebruiken."
    )

    def add_arguments(self, parser):
        parser.add_argument("--signalen", type=int, required=True, help="Aantal signalen, bijvoorbeeld 1000000.")
        parser.add_argument("--seed", type=int, default=1, help="Startwaarde van de toevalsgenerator (standaard 1).")
        parser.add_argument("--jaren", type=float, default=2.0,
                            help="Over hoeveel jaar vóór vandaag de signalen zijn ingediend (standaard 2).")
        parser.add_argument("--zonder-knelpunten", action="store_true", help="Geen knelpunten en bundelingen.")
        parser.add_argument("--bij", action="store_true",
                            help="Ook toevoegen als de database al signalen bevat.")

    def handle(self, *args, signalen, seed, jaren, zonder_knelpunten, bij, verbosity, **options):
        if signalen < 0:
            raise CommandError("--signalen moet 0 of meer zijn.")
        if not 0 < jaren <= 20:
            raise CommandError("--jaren moet groter dan 0 en hoogstens 20 zijn.")
        if not bij and Signaal.objects.exists():
            raise CommandError("De database bevat al signalen. Gebruik een lege database, of --bij om "
                               "gegenereerde signalen toe te voegen.")

        def voortgang(aantal):
            if verbosity >= 1:
                sys.stderr.write(f"\r  {aantal:,} / {signalen:,} signalen")
                sys.stderr.flush()

        uit = generator.genereer(signalen, seed=seed, jaren=jaren, knelpunten=not zonder_knelpunten,
                                 voortgang=voortgang)
        if verbosity >= 1 and signalen:
            sys.stderr.write("\n")
        per_seconde = uit.signalen / uit.seconden if uit.seconden else 0
        self.stdout.write(self.style.SUCCESS(
            f"{uit.signalen:,} signalen, {uit.reacties:,} reacties, {uit.toezeggingen:,} toezeggingen, "
            f"{uit.termijnen:,} termijnen, {uit.oorzaken:,} oorzaken, {uit.knelpunten:,} knelpunten "
            f"({uit.bundelingen:,} gebundelde signalen) in {uit.seconden:.1f} s ({per_seconde:,.0f} signalen/s)."))
