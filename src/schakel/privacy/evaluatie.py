"""Measure the personal-data guard on the labelled set (``schakel evalueer-privacy``)."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from schakel.privacy import evaluatieset
from schakel.privacy.persoonsgegevens import Soort, vind_persoonsgegevens

# The evaluation set's dates are fixed, so the reference date is too.
PEILDATUM = dt.date(2026, 1, 1)

Voorspeller = Callable[[str], Iterable[tuple[str, int, int]]]


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precisie(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def schakel_voorspeller(tekst: str) -> list[tuple[str, int, int]]:
    return [(v.soort.value, v.start, v.eind) for v in vind_persoonsgegevens(tekst, peildatum=PEILDATUM)]


def _overlapt(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _vergelijk(vb: evaluatieset.Voorbeeld, voorspeld: list[tuple[str, int, int]]):
    """(outcome, kind, start, end) per finding ("tp"/"fp") and per missed label ("fn")."""
    for soort, start, eind in voorspeld:
        raak = any(lb.soort == soort and _overlapt((start, eind), (lb.start, lb.eind)) for lb in vb.labels)
        yield ("tp" if raak else "fp"), soort, start, eind
    for lb in vb.labels:
        if not any(s == lb.soort and _overlapt((a, b), (lb.start, lb.eind)) for s, a, b in voorspeld):
            yield "fn", lb.soort, lb.start, lb.eind


def scoor(voorbeelden: Iterable[evaluatieset.Voorbeeld], voorspeller: Voorspeller) -> dict[str, Score]:
    """Per kind: a finding counts when it overlaps a labelled value of the same kind."""
    telling: dict[str, Counter[str]] = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    for vb in voorbeelden:
        for uitkomst, soort, _, _ in _vergelijk(vb, list(voorspeller(vb.tekst))):
            telling[uitkomst][soort] += 1
    tp, fp, fn = telling["tp"], telling["fp"], telling["fn"]
    soorten = sorted(set(tp) | set(fp) | set(fn))
    scores = {s: Score(tp[s], fp[s], fn[s]) for s in soorten}
    geclaimd = [s for s in soorten if s != Soort.NAAM.value]
    scores["totaal (zonder namen)"] = Score(
        sum(tp[s] for s in geclaimd), sum(fp[s] for s in geclaimd), sum(fn[s] for s in geclaimd)
    )
    return scores


def fouten(voorbeelden: Iterable[evaluatieset.Voorbeeld], voorspeller: Voorspeller) -> list[str]:
    """Readable false alarms and misses, to study on the dev half."""
    naam = {"fp": "vals alarm", "fn": "gemist"}
    return [
        f"{naam[uitkomst]} {soort} {vb.tekst[start:eind]!r} in: {vb.tekst}"
        for vb in voorbeelden
        for uitkomst, soort, start, eind in _vergelijk(vb, list(voorspeller(vb.tekst)))
        if uitkomst != "tp"
    ]


def deduce_voorspeller() -> Voorspeller:
    """deduce's person annotations as name findings (slow to load: 10-30 s)."""
    import deduce  # noqa: PLC0415 - optional and heavy

    model = deduce.Deduce()

    def voorspel(tekst: str) -> list[tuple[str, int, int]]:
        doc = model.deidentify(tekst)
        return [("naam", a.start_char, a.end_char) for a in doc.annotations if a.tag.startswith("persoon")
                or a.tag in ("patient", "voornaam", "achternaam", "naam")]

    return voorspel


def tijd_per_tekst(voorbeelden: list[evaluatieset.Voorbeeld], voorspeller: Voorspeller) -> float:
    begin = time.perf_counter()
    for vb in voorbeelden:
        list(voorspeller(vb.tekst))
    return (time.perf_counter() - begin) / max(1, len(voorbeelden))
