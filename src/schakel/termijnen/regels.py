"""Terms per kind of request and per rung, in working days.

Defaults follow the Awb complaint term (a signal is answered within 6 weeks, the owner
may extend once by at most 4 weeks); the noodrem has the shortest term and starts at the
board. ``settings.SCHAKEL_TERMIJNEN`` overrides the defaults for the whole installation;
a :class:`~schakel.termijnen.models.Termijninstelling` overrides them for one
organisation (the organisation addressed by the term).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from . import kalender
from .ladder import Trede

# Working days. 6 weeks = 30 working days (Awb 9:11), 4 weeks = 20 (Awb 9:11 lid 2).
STANDAARD = {
    "signaal": 30,
    "noodrem": 5,
    "verlenging_max": 20,
    "verlenging_max_noodrem": 0,
    "bestuur": 10,
    "ministerie": 10,
    "bewindspersoon": 5,
    "kamercommissie": 5,
}
# Upper bound for any configured term: one year of working days.
MAX_WERKDAGEN = 260

_TREDE_SLEUTEL = {
    Trede.BESTUUR: "bestuur",
    Trede.MINISTERIE: "ministerie",
    Trede.BEWINDSPERSOON: "bewindspersoon",
    Trede.KAMERCOMMISSIE: "kamercommissie",
}


@dataclass(frozen=True)
class Termijnset:
    """All terms that apply to one organisation, in working days."""

    signaal: int
    noodrem: int
    verlenging_max: int
    verlenging_max_noodrem: int
    bestuur: int
    ministerie: int
    bewindspersoon: int
    kamercommissie: int

    def antwoordtermijn(self, soort: str) -> int:
        """The first term for a request of ``soort`` (signaal or noodrem)."""
        return self.noodrem if soort == "noodrem" else self.signaal

    def verlenging_max_voor(self, soort: str) -> int:
        return self.verlenging_max_noodrem if soort == "noodrem" else self.verlenging_max

    def escalatietermijn(self, trede: int) -> int:
        """The fresh term for the addressee of ``trede`` after an escalation."""
        return getattr(self, _TREDE_SLEUTEL[Trede(trede)])


def controleer(waarden: dict) -> list[str]:
    """Problems with a mapping of term settings (used by the system check and the admin)."""
    fouten = []
    for sleutel, waarde in waarden.items():
        if sleutel not in STANDAARD:
            fouten.append(f"onbekende sleutel {sleutel!r} (bekend: {', '.join(STANDAARD)})")
            continue
        minimum = 0 if sleutel.startswith("verlenging") else 1
        if not isinstance(waarde, int) or isinstance(waarde, bool) or not minimum <= waarde <= MAX_WERKDAGEN:
            fouten.append(f"{sleutel} moet een geheel aantal werkdagen zijn van {minimum} tot en met {MAX_WERKDAGEN}")
    return fouten


def standaard() -> Termijnset:
    """The installation-wide terms: the defaults, overridden by ``settings.SCHAKEL_TERMIJNEN``."""
    waarden = {**STANDAARD, **getattr(settings, "SCHAKEL_TERMIJNEN", {})}
    return Termijnset(**{k: waarden[k] for k in STANDAARD})


def met_afwijkingen(basis: Termijnset, afwijkingen: dict) -> Termijnset:
    """``basis`` with the non-empty values of ``afwijkingen`` applied."""
    return dataclasses.replace(basis, **{k: v for k, v in afwijkingen.items() if v is not None and k in STANDAARD})


def afwijkingen_per_organisatie() -> dict[int, Termijnset]:
    """The term set of every organisation that has its own settings (one query)."""
    from .models import Termijninstelling

    basis = standaard()
    return {
        rij["organisatie_id"]: met_afwijkingen(basis, rij)
        for rij in Termijninstelling.objects.values("organisatie_id", *STANDAARD)
    }


def voor(organisatie) -> Termijnset:
    """The terms that apply to ``organisatie`` (an Organisatie, its id, or ``None``)."""
    from .models import Termijninstelling

    basis = standaard()
    organisatie_id = getattr(organisatie, "pk", organisatie)
    if organisatie_id is None:
        return basis
    rij = Termijninstelling.objects.filter(organisatie_id=organisatie_id).values(*STANDAARD).first()
    return met_afwijkingen(basis, rij) if rij else basis


def termijn_werkdagen(soort: str, organisatie=None) -> int:
    """The answer term in working days for a signal of ``soort`` (signaal, noodrem)."""
    return voor(organisatie).antwoordtermijn(soort)


def eerste_trede(soort: str) -> Trede:
    """The rung a new request starts at: a noodrem goes straight to the board (configurable)."""
    if soort == "noodrem":
        return Trede[getattr(settings, "SCHAKEL_NOODREM_EERSTE_TREDE", "bestuur").upper()]
    return Trede.BEHANDELAAR


def uiterste_reactiedatum(soort: str, ingediend_op: dt.datetime, organisatie=None) -> dt.date:
    return kalender.uiterste_datum(ingediend_op, termijn_werkdagen(soort, organisatie))
