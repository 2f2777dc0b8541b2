"""``schakel evalueer-privacy``: precision and recall of the personal-data guard per kind."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from schakel.privacy import evaluatie, evaluatieset


class Command(BaseCommand):
    help = "Meet de persoonsgegevens-controle op de gelabelde evaluatieset (precisie en recall per soort)."

    def add_arguments(self, parser):
        parser.add_argument("--deel", choices=["dev", "toets", "alle"], default="toets",
                            help="dev: gebruikt bij het schrijven van de regels; toets: achtergehouden (standaard).")
        parser.add_argument("--fouten", action="store_true", help="Toon elk vals alarm en elke misser.")
        parser.add_argument("--deduce", action="store_true",
                            help="Meet ook deduce op namen (laden duurt 10-30 seconden).")

    def handle(self, *args, deel, fouten, deduce, **options):
        voorbeelden = [vb for vb in evaluatieset.bouw() if deel == "alle" or vb.deel == deel]
        met_labels = sum(1 for vb in voorbeelden if vb.labels)
        self.stdout.write(
            f"Evaluatieset, deel {deel}: {len(voorbeelden)} teksten, {met_labels} met persoonsgegevens, "
            f"{sum(len(vb.labels) for vb in voorbeelden)} gelabelde waarden."
        )
        begin = time.perf_counter()
        evaluatie.schakel_voorspeller("warm")  # load the word lists once
        self.stdout.write(f"Woordenlijsten geladen in {time.perf_counter() - begin:.2f} s.")
        self._tabel("Schakel", evaluatie.scoor(voorbeelden, evaluatie.schakel_voorspeller))
        per_tekst = evaluatie.tijd_per_tekst(voorbeelden, evaluatie.schakel_voorspeller)
        self.stdout.write(f"Gemiddelde tijd per tekst: {per_tekst * 1000:.2f} ms")
        if fouten:
            for regel in evaluatie.fouten(voorbeelden, evaluatie.schakel_voorspeller):
                self.stdout.write(f"  {regel}")
        if deduce:
            begin = time.perf_counter()
            voorspeller = evaluatie.deduce_voorspeller()
            self.stdout.write(f"deduce geladen in {time.perf_counter() - begin:.1f} s.")
            scores = evaluatie.scoor(voorbeelden, voorspeller)
            self._tabel("deduce (alleen namen)", {"naam": scores.get("naam", evaluatie.Score(0, 0, 0))})
            self.stdout.write(
                f"deduce, gemiddelde tijd per tekst: {evaluatie.tijd_per_tekst(voorbeelden, voorspeller) * 1000:.2f} ms"
            )

    def _tabel(self, kop: str, scores: dict[str, evaluatie.Score]) -> None:
        self.stdout.write(f"\n{kop}")
        self.stdout.write(f"  {'soort':<24}{'precisie':>9}{'recall':>9}{'tp':>6}{'fp':>5}{'fn':>5}")
        for soort, s in scores.items():
            self.stdout.write(f"  {soort:<24}{s.precisie:>9.3f}{s.recall:>9.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
