"""The escalation ladder: who is asked to answer at each rung. No database access.

    1 behandelaar     the team of the owning organisation
    2 bestuur         the board of the owning organisation (for a ministry: DG/SG)
    3 ministerie      the ministry that is the owner's principal (its bestuur: DG/SG)
    4 bewindspersoon  the minister of that ministry
    5 kamercommissie  the committee that controls the ministry (or the regulation)

A rung without an addressee is skipped: when the owner is itself a ministry, rung 3
would ask the same board again, so the ladder goes from its board to its minister. A
body without a principal ministry (e.g. a committee) has no rungs 3 and 4. The
committee is the last rung: the request stays on its agenda.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from django.db import models

from schakel.accounts.models import Rol
from schakel.organisaties.models import OrganisatieSoort


class Trede(models.IntegerChoices):
    BEHANDELAAR = 1, "Behandelaar"
    BESTUUR = 2, "Bestuur"
    MINISTERIE = 3, "Ministerie (DG/SG)"
    BEWINDSPERSOON = 4, "Bewindspersoon"
    KAMERCOMMISSIE = 5, "Kamercommissie"


AMBTELIJKE_TOP = "Ambtelijke top (DG/SG)"


def klein(naam: str) -> str:
    """A rung's name inside a sentence: 'Ambtelijke top (DG/SG)' -> 'ambtelijke top (DG/SG)'."""
    return naam[:1].lower() + naam[1:]


def trede_naam(trede: int, organisatie) -> str:
    """The one name of a rung for the organisation asked there: a ministry's board is its
    ambtelijke top (DG/SG), everyone else's is its bestuur. Used wherever a rung is named."""
    if trede == Trede.BESTUUR and getattr(organisatie, "is_ministerie", False):
        return AMBTELIJKE_TOP
    return Trede(trede).label


# The role addressed at each rung.
ROL_PER_TREDE: dict[int, str] = {
    Trede.BEHANDELAAR: Rol.BEHANDELAAR,
    Trede.BESTUUR: Rol.BESTUUR,
    Trede.MINISTERIE: Rol.BESTUUR,
    Trede.BEWINDSPERSOON: Rol.BEWINDSPERSOON,
    Trede.KAMERCOMMISSIE: Rol.GRIFFIE,
}

LAATSTE_TREDE = Trede.KAMERCOMMISSIE


@dataclass(frozen=True)
class OrgInfo:
    """What the ladder needs to know about an organisation."""

    id: int
    soort: str
    opdrachtgever_id: int | None
    kamercommissie_id: int | None

    @classmethod
    def van(cls, organisatie) -> "OrgInfo":
        return cls(organisatie.pk, organisatie.soort, organisatie.opdrachtgever_id, organisatie.kamercommissie_id)


@dataclass(frozen=True)
class Adres:
    """The addressee of one rung: an organisation and a role in it."""

    trede: int
    organisatie_id: int
    rol: str


def _ministerie_id(eigenaar: OrgInfo) -> int | None:
    if eigenaar.soort == OrganisatieSoort.MINISTERIE:
        return eigenaar.id
    return eigenaar.opdrachtgever_id


def adres(trede: int, *, eigenaar_id: int, regeling_kamercommissie_id: int | None,
          organisaties: Mapping[int, OrgInfo]) -> Adres | None:
    """The addressee of ``trede`` for a signal owned by ``eigenaar_id``, or ``None`` if the rung is skipped."""
    eigenaar = organisaties[eigenaar_id]
    ministerie_id = _ministerie_id(eigenaar)
    organisatie_id: int | None
    if trede in (Trede.BEHANDELAAR, Trede.BESTUUR):
        organisatie_id = eigenaar_id
    elif trede == Trede.MINISTERIE:
        organisatie_id = ministerie_id if ministerie_id != eigenaar_id else None
    elif trede == Trede.BEWINDSPERSOON:
        organisatie_id = ministerie_id
    elif trede == Trede.KAMERCOMMISSIE:
        ministerie = organisaties.get(ministerie_id) if ministerie_id else None
        organisatie_id = (ministerie.kamercommissie_id if ministerie else None) or regeling_kamercommissie_id
    else:
        raise ValueError(f"Onbekende trede {trede!r}")
    if organisatie_id is None:
        return None
    return Adres(int(trede), organisatie_id, ROL_PER_TREDE[trede])


def volgende(trede: int, *, eigenaar_id: int, regeling_kamercommissie_id: int | None,
             organisaties: Mapping[int, OrgInfo]) -> Adres | None:
    """The next rung above ``trede`` that has an addressee, or ``None`` at the top of the ladder."""
    for hoger in range(int(trede) + 1, LAATSTE_TREDE + 1):
        gevonden = adres(hoger, eigenaar_id=eigenaar_id, regeling_kamercommissie_id=regeling_kamercommissie_id,
                         organisaties=organisaties)
        if gevonden:
            return gevonden
    return None


def ladder(*, eigenaar_id: int, regeling_kamercommissie_id: int | None,
           organisaties: Mapping[int, OrgInfo], vanaf: int = Trede.BEHANDELAAR) -> list[Adres]:
    """All rungs from ``vanaf`` upwards that have an addressee, in order."""
    treden = []
    for trede in range(int(vanaf), LAATSTE_TREDE + 1):
        gevonden = adres(trede, eigenaar_id=eigenaar_id, regeling_kamercommissie_id=regeling_kamercommissie_id,
                         organisaties=organisaties)
        if gevonden:
            treden.append(gevonden)
    return treden
