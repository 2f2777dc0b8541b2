"""Routing: which body must answer a signal. Explicit and visible, like FixMyStreet's table.

A signal that names a regulation goes to the regulation's owner (the responsible ministry).
A filer who does not know the regulation may leave it empty: Schakel then suggests the owner
and the TCU causes from the text, with a calibrated confidence. It recognises the regulations
the text names (``schakel.knelpunten.herkenning``, from the reference data: works on day one)
and refines that with the text router trained on answered signals (``schakel.knelpunten.router``,
``schakel train-router``) when there is one. The filer accepts a suggestion (or
names an organisation), or the signal waits in the triage queue until a handler with the
``signalen.trieren`` permission routes it. A text that names no known regulation and no
trained model: there is no suggestion and the signal goes to triage.

The text models (recognition and the trained router) live in ``schakel.knelpunten``, which
sits above this app; it hands them to this module with :func:`registreer_tekstmodellen` in
its ``AppConfig.ready``, so ``signalen`` never imports ``knelpunten``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings

logger = logging.getLogger(__name__)

# Below this probability the router's best guess is shown but not preselected, and an API
# client asking to follow the advice (``volgAdvies``) lands in triage instead. The confidence is
# calibrated (docs/knelpunten.md): at 0.8 the preselected suggestions were right >= 90 % of the
# time on the held-out half of the independent evaluation set.
STANDAARD_MIN_ZEKERHEID = 0.8
# Below this probability an owner is not shown at all: spelling alone that faintly resembles a
# regulation's name is not advice (and a form that says there is no model shows none).
MIN_KANS_TONEN = 0.15
HERKENNING = "herkenning"  # the advice's version when it comes from recognition alone (no trained model)

GEEN_MODEL = ("Schakel kan nog geen organisatie voorstellen: uw tekst noemt geen regeling die Schakel kent en er is "
              "geen routeringsmodel getraind. "
              "Kies een regeling als u die weet; anders gaat uw signaal naar de triage, waar een "
              "behandelaar bepaalt welke organisatie moet reageren.")
ONZEKER = ("Schakel weet niet zeker welke organisatie over dit signaal gaat. Kies zelf een organisatie "
           "of een regeling, of laat het signaal naar de triage gaan.")


_tekstmodellen = None


def registreer_tekstmodellen(modellen) -> None:
    """``modellen`` offers ``herkenning`` (the recognition module), ``actueel()`` and
    ``tekst_van(...)`` (the trained text router) and
    ``rangschik(...)`` and ``signaaltekst(...)`` (TF-IDF similarity): see
    ``schakel.knelpunten.ontvangers``."""
    global _tekstmodellen
    _tekstmodellen = modellen


def bepaal_eigenaar(regeling):
    """The organisation that must answer a signal about ``regeling``."""
    return regeling.eigenaar


def min_zekerheid() -> float:
    return float(getattr(settings, "ROUTER_MIN_ZEKERHEID", STANDAARD_MIN_ZEKERHEID))


@dataclass(frozen=True)
class Kandidaat:
    organisatie: object  # an Organisatie; for causes an Oorzaak, for regulations a Regeling
    kans: float

    @property
    def procent(self) -> int:
        return round(self.kans * 100)


@dataclass(frozen=True)
class Suggestie:
    """The router's suggestion for a text: owners (best first) and likely TCU causes."""

    eigenaren: list[Kandidaat] = field(default_factory=list)
    oorzaken: list[Kandidaat] = field(default_factory=list)  # organisatie holds an Oorzaak here
    versie: str = ""
    melding: str = ""  # a plain Dutch explanation when there is no (confident) suggestion
    regelingen: list[Kandidaat] = field(default_factory=list)  # organisatie holds a Regeling here

    @property
    def beste(self) -> Kandidaat | None:
        return self.eigenaren[0] if self.eigenaren else None

    @property
    def zeker(self) -> bool:
        return self.beste is not None and self.beste.kans >= min_zekerheid()

    def als_audit(self) -> dict:
        """What the audit trail keeps of the advice (so reroutes can be compared with it)."""
        return {"versie": self.versie,
                "eigenaren": [{"eigenaar": k.organisatie.afkorting, "kans": round(k.kans, 3)} for k in self.eigenaren],
                "oorzaken": [k.organisatie.code for k in self.oorzaken],
                "regelingen": [k.organisatie.bwb_id for k in self.regelingen]}


def suggereer(*, titel: str, praktijk: str, getroffen_burgers: str = "", verbetervoorstel: str = "",
              top: int = 3) -> Suggestie:
    """The suggestion for a signal's text; never raises (a broken model means no model's advice).

    The owners come from the regulations the text names (``schakel.knelpunten.herkenning``,
    works without any answered signal), refined by the trained model when there is one."""
    from schakel.organisaties.models import Organisatie, OrganisatieSoort

    from .models import Oorzaak

    regelingen = waarschijnlijke_regelingen(titel, praktijk, getroffen_burgers, verbetervoorstel)
    try:
        if _tekstmodellen is None:
            return Suggestie(melding=GEEN_MODEL, regelingen=regelingen)
        herkenning = _tekstmodellen.herkenning
        tekst = _tekstmodellen.tekst_van(titel, praktijk, getroffen_burgers, verbetervoorstel)
        herkend = herkenning.herken(tekst, top=top)
        model = _tekstmodellen.actueel()
        advies = model.adviseer(tekst, top=top, alle_oorzaken=True) if model is not None else None
    except Exception:  # noqa: BLE001 — routing advice must never block filing
        logger.exception("Het routeringsadvies kon niet worden berekend.")
        return Suggestie(melding=GEEN_MODEL, regelingen=regelingen)
    vertrouwen = herkenning.modelvertrouwen(model)
    eigenaren = herkenning.combineer(herkend, [(k.label, k.kans) for k in advies.eigenaren] if advies else None,
                                     top=top, vertrouwen=vertrouwen)
    eigenaren = [(a, kans) for a, kans in eigenaren if kans >= MIN_KANS_TONEN]  # a few per cent is noise, not advice
    organisaties = {o.afkorting: o for o in Organisatie.objects.filter(afkorting__in=[a for a, _ in eigenaren])
                    .exclude(soort=OrganisatieSoort.KAMERCOMMISSIE)}
    eigenaren = [(a, kans) for a, kans in eigenaren if a in organisaties]
    if not eigenaren:
        return Suggestie(melding=GEEN_MODEL if advies is None else ONZEKER, regelingen=regelingen)
    modeloorzaken = {k.label: k.kans for k in advies.oorzaken} if advies else None
    gerangschikt = herkenning.oorzaken(tekst, modeloorzaken, vertrouwen=vertrouwen)
    if advies is not None:  # the model's probable causes, the combined best one first
        codes = {c: k for c, k in modeloorzaken.items() if k >= 0.5}
        volgorde = [c for c, _ in gerangschikt if c in codes]
        oorzaakkansen = [(c, codes[c]) for c in volgorde]
    else:  # the best cause by the rules, when a rule points to it
        beste, score = gerangschikt[0]
        totaal = sum(max(s, 0.0) for _, s in gerangschikt) or 1.0
        oorzaakkansen = [(beste, score / totaal)] if score >= 1 else []
    oorzaken = {o.code: o for o in Oorzaak.objects.filter(code__in=[c for c, _ in oorzaakkansen])}
    versie = advies.versie if advies else ""
    suggestie = Suggestie(
        eigenaren=[Kandidaat(organisaties[a], kans) for a, kans in eigenaren if a in organisaties],
        oorzaken=[Kandidaat(oorzaken[c], kans) for c, kans in oorzaakkansen if c in oorzaken],
        versie=versie or HERKENNING, regelingen=regelingen,
    )
    if not suggestie.zeker:
        return Suggestie(suggestie.eigenaren, suggestie.oorzaken, suggestie.versie, ONZEKER, regelingen)
    return suggestie


VERGELIJK_REGELINGEN = 500  # the most recent published signals that name a regulation
TOP_GELIJKE_SIGNALEN = 10


def waarschijnlijke_regelingen(titel: str, praktijk: str, getroffen_burgers: str = "",
                               verbetervoorstel: str = "", *, top: int = 2) -> list[Kandidaat]:
    """Regulations the text is likely about: the regulations of the most similar recent
    published signals (TF-IDF cosine, see ``schakel.knelpunten.gelijkenis``), each weighted
    by its similarity; ``kans`` is its share of the votes. Works without a trained model."""
    from .models import Signaal

    if _tekstmodellen is None:
        return []
    try:
        recent = (Signaal.objects.openbaar().filter(regeling__isnull=False).select_related("regeling")
                  .order_by("-ingediend_op", "-id")[:VERGELIJK_REGELINGEN])
        doel = " ".join(p for p in (titel, titel, praktijk, getroffen_burgers, verbetervoorstel) if p)
        gelijk = _tekstmodellen.rangschik(doel, [(s, _tekstmodellen.signaaltekst(s)) for s in recent],
                                      limiet=TOP_GELIJKE_SIGNALEN)
    except Exception:  # noqa: BLE001 — a suggestion must never block filing
        logger.exception("Waarschijnlijke regelingen konden niet worden bepaald.")
        return []
    stemmen: dict[int, float] = {}
    regelingen = {}
    for g in gelijk:
        stemmen[g.object.regeling_id] = stemmen.get(g.object.regeling_id, 0.0) + g.gelijkenis
        regelingen[g.object.regeling_id] = g.object.regeling
    totaal = sum(stemmen.values())
    volgorde = sorted(stemmen, key=lambda pk: (-stemmen[pk], pk))[:top]
    return [Kandidaat(regelingen[pk], stemmen[pk] / totaal) for pk in volgorde] if totaal else []


def suggereer_voor(signaal) -> Suggestie:
    return suggereer(titel=signaal.titel, praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers,
                     verbetervoorstel=signaal.verbetervoorstel)
