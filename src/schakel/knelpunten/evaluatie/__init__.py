"""Measuring the text router on signals it was not built from (``schakel evalueer-router``).

``routerset.yaml`` here is an independent evaluation set: signals written from scenario
sketches in other words than the demo data and the reference data (the method is in
docs/knelpunten.md). It is split into a development half (``deel: ontwikkeling``, which may be
looked at while improving the router) and a held-out half (``deel: toets``). Nothing that
trains or builds the router reads this package; a test checks that.

``demo_gevallen()`` gives the demo templates' own wording, for comparison.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import yaml

SET = Path(__file__).resolve().parent / "routerset.yaml"
DELEN = ("ontwikkeling", "toets")
BAKJES = 10  # reliability table: confidence in tenths


@dataclass(frozen=True)
class Geval:
    id: str
    tekst: str
    eigenaar: str
    ook: tuple[str, ...] = ()  # acceptable alternatives where the owner is truly ambiguous
    oorzaken: tuple[str, ...] = ()
    deel: str = "toets"
    buiten: bool = False  # the regulation concerned is not in the reference data
    stijl: tuple[str, ...] = ()

    @property
    def goed(self) -> set[str]:
        return {self.eigenaar, *self.ook}


@dataclass(frozen=True)
class Voorspelling:
    eigenaren: list[tuple[str, float]]  # best first
    oorzaken: list[str]  # best first


def lees_set(pad: Path = SET) -> list[Geval]:
    data = yaml.safe_load(Path(pad).read_text(encoding="utf-8"))
    return [Geval(id=str(s["id"]), tekst=s["tekst"], eigenaar=s["eigenaar"], ook=tuple(s.get("ook") or ()),
                  oorzaken=tuple(s.get("oorzaken") or ()), deel=s.get("deel", "toets"), buiten=bool(s.get("buiten")),
                  stijl=tuple(s.get("stijl") or ())) for s in data["signalen"]]


class _Leeg(dict):
    def __missing__(self, sleutel):
        return {"plaats": "Utrecht", "stad": "Utrecht", "org": "onze organisatie", "eigenaar": "het ministerie",
                "aantal": "120", "aantal_getal": 120, "bedrag": "€ 1.200", "weken": 12, "maanden": 5,
                "procent": 20, "periode": "het afgelopen jaar", "collega": "een collega", "jaar": 2027}.get(sleutel, "")


def demo_gevallen() -> list[Geval]:
    """The demo templates' wording: per case, each title with the matching practice text,
    labelled with the owner of the case's regulation and the case's causes."""
    from schakel.demo.casussen import CASUSSEN
    from schakel.knelpunten import herkenning

    kennis = herkenning.kennis()
    uit = []
    for casus in CASUSSEN:
        eigenaar = kennis.regelingen[casus.regeling].eigenaar
        for i in range(max(len(casus.titels), len(casus.praktijk))):
            tekst = " ".join((casus.titels[i % len(casus.titels)], casus.titels[i % len(casus.titels)],
                              casus.praktijk[i % len(casus.praktijk)]))
            uit.append(Geval(id=f"{casus.sleutel}-{i}", tekst=tekst.format_map(_Leeg()), eigenaar=eigenaar,
                             oorzaken=tuple(casus.oorzaken), deel="demo"))
    return uit


@dataclass
class Uitslag:
    """The figures for one set of cases."""

    aantal: int = 0
    top1: float = 0.0
    top3: float = 0.0
    basislijn: float = 0.0  # always the commonest owner of these cases
    voorgeselecteerd: int = 0  # suggestions confident enough to be preselected
    voorgeselecteerd_goed: float = 0.0  # precision of those
    oorzaak: float = 0.0  # best cause is one of the case's causes
    oorzaak_basislijn: float = 0.0  # always "complexe-regels"
    zonder_voorstel: int = 0  # no owner suggested at all
    betrouwbaarheid: list[tuple[str, int, float, float]] = field(default_factory=list)  # bin, n, mean conf, accuracy
    ece: float = 0.0  # expected calibration error
    per_ministerie: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # n, top-1, top-3
    ms_per_signaal: float = 0.0


def meet(gevallen: Sequence[Geval], voorspel: Callable[[str], Voorspelling], *, drempel: float) -> Uitslag:
    u = Uitslag(aantal=len(gevallen))
    if not gevallen:
        return u
    meeste = Counter(g.eigenaar for g in gevallen).most_common(1)[0][0]
    bakjes: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    per: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    top1 = top3 = voor = voor_goed = oorzaak = oorzaak_basis = met_oorzaak = 0
    duren = []
    for g in gevallen:
        begin = time.perf_counter()
        v = voorspel(g.tekst)
        duren.append(time.perf_counter() - begin)
        labels = [a for a, _ in v.eigenaren]
        raak1 = bool(labels) and labels[0] in g.goed
        raak3 = bool(g.goed & set(labels[:3]))
        top1 += raak1
        top3 += raak3
        per[g.eigenaar].append((raak1, raak3))
        if not labels:
            u.zonder_voorstel += 1
        else:
            kans = v.eigenaren[0][1]
            bakjes[min(int(kans * BAKJES), BAKJES - 1)].append((kans, raak1))
            if kans >= drempel:
                voor += 1
                voor_goed += raak1
        if g.oorzaken:
            met_oorzaak += 1
            oorzaak += bool(v.oorzaken) and v.oorzaken[0] in g.oorzaken
            oorzaak_basis += "complexe-regels" in g.oorzaken
    n = len(gevallen)
    u.top1, u.top3 = top1 / n, top3 / n
    u.basislijn = sum(meeste in g.goed for g in gevallen) / n
    u.voorgeselecteerd, u.voorgeselecteerd_goed = voor, (voor_goed / voor if voor else 0.0)
    u.oorzaak = oorzaak / met_oorzaak if met_oorzaak else 0.0
    u.oorzaak_basislijn = oorzaak_basis / met_oorzaak if met_oorzaak else 0.0
    ece = 0.0
    for b in range(BAKJES):
        inhoud = bakjes.get(b, [])
        if not inhoud:
            continue
        gem = statistics.fmean(k for k, _ in inhoud)
        juist = statistics.fmean(1.0 if r else 0.0 for _, r in inhoud)
        u.betrouwbaarheid.append((f"{b / BAKJES:.1f}–{(b + 1) / BAKJES:.1f}", len(inhoud), gem, juist))
        ece += len(inhoud) / n * abs(gem - juist)
    u.ece = ece
    u.per_ministerie = {m: (len(r), sum(a for a, _ in r) / len(r), sum(b for _, b in r) / len(r))
                        for m, r in sorted(per.items())}
    u.ms_per_signaal = statistics.median(duren) * 1000
    return u


def voorspeller(*, model=None, met_herkenning: bool = True) -> Callable[[str], Voorspelling]:
    """The router as the filing form uses it: recognition, the learned ``model`` when given, or both."""
    from schakel.knelpunten import herkenning

    def voorspel(tekst: str) -> Voorspelling:
        h = herkenning.herken(tekst) if met_herkenning else herkenning.Herkenning([], [], 0.0, [])
        modeladvies = model.adviseer(tekst, top=3, alle_oorzaken=True) if model is not None else None
        modeleigenaren = [(k.label, k.kans) for k in modeladvies.eigenaren] if modeladvies else None
        vertrouwen = herkenning.modelvertrouwen(model) if met_herkenning else 1.0
        eigenaren = herkenning.combineer(h, modeleigenaren, vertrouwen=vertrouwen)
        modeloorzaken = {k.label: k.kans for k in modeladvies.oorzaken} if modeladvies else None
        oorzaken = [c for c, _ in herkenning.oorzaken(tekst, modeloorzaken, vertrouwen=vertrouwen)]
        return Voorspelling(eigenaren, oorzaken)

    return voorspel


def kalibratieparen(gevallen: Sequence[Geval]) -> list[tuple[float, bool]]:
    """(raw probability of the best owner, whether it was right) for the recognition alone."""
    from schakel.knelpunten import herkenning

    paren = []
    for g in gevallen:
        h = herkenning.herken(g.tekst)
        if h.eigenaren:
            paren.append((h.ruw, h.eigenaren[0][0] in g.goed))
    return paren
