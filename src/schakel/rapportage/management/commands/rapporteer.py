"""``schakel rapporteer``: the Staat van de Uitvoering for a period and scope, as PDF, HTML, CSV or JSON.

    schakel rapporteer --period 2025 --org UWV --format pdf --output staat-2025-uwv.pdf
    schakel rapporteer --period 2025-Q3 --ministerie SZW --format csv       # CSV to stdout
    schakel rapporteer --period 2025-03 --format json
    schakel rapporteer --period 2025-01-01..2025-06-30
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from schakel.rapportage import cijfers, uitvoer
from schakel.rapportage.perioden import bestandsnaam
from schakel.rapportage.voortgang import Voortgangsbalk

FORMATEN = ("pdf", "html", "csv", "json")
OPMAAK_STAPPEN = {"pdf": 2, "html": 1, "csv": 1, "json": 1}


class Command(BaseCommand):
    help = ("Maak de Staat van de Uitvoering voor een periode (jaar, kwartaal, maand of reeks data): "
            "PDF, HTML, CSV of JSON.")

    def add_arguments(self, parser):
        parser.add_argument("--period", "--periode", dest="periode", required=True, help="Jaar (2025), kwartaal (2025-Q3), maand (2025-03) of twee data (2025-01-01..2025-06-30).")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--org", "--organisatie", dest="organisatie", default="",
                           help="Afkorting van een organisatie (bijvoorbeeld UWV).")
        scope.add_argument("--ministerie", default="", help="Afkorting van een ministerie (bijvoorbeeld SZW).")
        scope.add_argument("--commissie", default="", help="Afkorting van een Kamercommissie (bijvoorbeeld cie-szw).")
        parser.add_argument("--format", "--formaat", dest="formaat", choices=FORMATEN, default="pdf")
        parser.add_argument("--output", "-o", default="",
                            help="Bestand om naar te schrijven; zonder: een standaardnaam voor PDF, stdout voor de rest.")
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk op stderr.")

    def handle(self, *args, periode, organisatie, ministerie, commissie, formaat, output, no_progress, **options):
        try:
            periode = cijfers.Periode.lees(periode)
            reikwijdte = cijfers.Reikwijdte.kies(organisatie=organisatie, ministerie=ministerie, commissie=commissie)
        except ValidationError as fout:
            raise CommandError(" ".join(m for lijst in fout.message_dict.values() for m in lijst)) from None
        logging.getLogger("weasyprint").setLevel(logging.WARNING)
        logging.getLogger("fontTools").setLevel(logging.WARNING)

        balk = Voortgangsbalk(cijfers.AANTAL_STAPPEN + OPMAAK_STAPPEN[formaat], uit=self.stderr._out,
                              aan=not no_progress and options.get("verbosity", 1) > 0)
        staat = cijfers.bereken(periode, reikwijdte, voortgang=balk)
        if formaat == "pdf":
            balk("grafieken en opmaak")
            inhoud: bytes | str = uitvoer.pdf(staat)
            balk("PDF geschreven")
        elif formaat == "html":
            inhoud = uitvoer.html(staat)
            balk("HTML")
        elif formaat == "csv":
            inhoud = uitvoer.als_csv(staat)
            balk("CSV")
        else:
            inhoud = uitvoer.als_json(staat) + "\n"
            balk("JSON")
        balk.klaar()

        if not output and formaat == "pdf":
            achtervoegsel = f"-{reikwijdte.organisatie.afkorting}" if reikwijdte.organisatie else ""
            output = f"staat-van-de-uitvoering-{bestandsnaam(periode)}{achtervoegsel}.pdf"
        if not output or output == "-":
            if isinstance(inhoud, bytes):
                sys.stdout.buffer.write(inhoud)
            else:
                self.stdout.write(inhoud, ending="")
            return
        pad = Path(output)
        try:
            if isinstance(inhoud, bytes):
                pad.write_bytes(inhoud)
            else:
                pad.write_text(inhoud, encoding="utf-8")
        except OSError as fout:
            raise CommandError(f"Kan niet schrijven naar {pad}: {fout.strerror}.") from None
        if options.get("verbosity", 1) > 0:
            self.stderr.write(f"{staat['titel']} ({reikwijdte.naam}) geschreven naar {pad}.")
