"""Rules of the brake, free of web code: who receives it, the red-card budget, receipt codes.

Settings (``settings.SCHAKEL_NOODREM``, all optional):

* ``rode_kaart_per_periode`` — red cards an organisation may pull per period (default 2);
* ``rode_kaart_periode_maanden`` — length of the period in months, counted from 1 January (default 12);
* ``retoursticker_werkdagen`` — working days within which a citizen must be contacted (default 3);
* ``retoursticker_drempel`` and ``retoursticker_drempel_dagen`` — retourstickers about one letter or
  process of one organisation within that many days (default 10 in 90) that make a signal.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import salted_hmac

from schakel.organisaties.models import OrganisatieSoort
from schakel.termijnen import kalender

STANDAARD = {"rode_kaart_per_periode": 2, "rode_kaart_periode_maanden": 12, "retoursticker_werkdagen": 3,
             "retoursticker_drempel": 10, "retoursticker_drempel_dagen": 90}


def instelling(sleutel: str) -> int:
    return int(getattr(settings, "SCHAKEL_NOODREM", {}).get(sleutel, STANDAARD[sleutel]))


@dataclass(frozen=True)
class Drempel:
    """When retourstickers about one letter become a signal: ``aantal`` within ``dagen`` days."""

    aantal: int
    dagen: int

    @classmethod
    def uit_instellingen(cls) -> "Drempel":
        return cls(max(1, instelling("retoursticker_drempel")), max(1, instelling("retoursticker_drempel_dagen")))

    def venster_begin(self, nu: dt.datetime) -> dt.datetime:
        return nu - dt.timedelta(days=self.dagen)

    def bereikt(self, aantal: int) -> bool:
        return aantal >= self.aantal


# --- Who receives a brake ------------------------------------------------------------------

def ontvanger_professional(praktijk_van):
    """A professional's brake goes to the organisation whose practice is at stake (its board:
    the term starts at the board rung); its principal ministry is informed by the term."""
    return praktijk_van


def ontvanger_organisatie(organisatie, regeling=None):
    """An organisation's brake goes back to the ministry that gave the assignment: the owner
    of the regulation it executes (the principal when no regulation is known), or ``None``."""
    if organisatie.soort == OrganisatieSoort.MINISTERIE:
        return None
    if regeling is not None and regeling.eigenaar.soort == OrganisatieSoort.MINISTERIE:
        return regeling.eigenaar
    return organisatie.opdrachtgever


def buiten_regeling(organisatie, regeling) -> str:
    """Why a brake about ``regeling`` cannot be aimed at ``organisatie``, or '': the
    organisation must own or execute the regulation, so no one can steer a brake to a body
    that has nothing to do with it."""
    if regeling is None or organisatie is None or regeling.betrokken(organisatie):
        return ""
    return f"{organisatie.naam} voert {regeling} niet uit en is er ook geen eigenaar van."


# --- The red-card budget ------------------------------------------------------------------------

@dataclass(frozen=True)
class Periode:
    begin: dt.date
    einde: dt.date  # exclusive

    # The period as moments, from Dutch midnight to Dutch midnight (CET or CEST), so that a
    # query compares ``ingediend_op`` itself, which an index serves, not each row's local date.
    @property
    def vanaf(self) -> dt.datetime:
        """The first moment of the period (midnight in the Netherlands at ``begin``), in UTC."""
        return kalender.einde_van_dag(self.begin - dt.timedelta(days=1))

    @property
    def tot(self) -> dt.datetime:
        """The first moment after the period (midnight in the Netherlands at ``einde``), in UTC."""
        return kalender.einde_van_dag(self.einde - dt.timedelta(days=1))


def periode_van(datum: dt.date) -> Periode:
    """The budget period that holds ``datum``: blocks of N months from 1 January."""
    maanden = max(1, min(12, instelling("rode_kaart_periode_maanden")))
    blok = (datum.month - 1) // maanden
    begin_maand = blok * maanden + 1
    eind_maand = begin_maand + maanden
    einde = dt.date(datum.year + (eind_maand - 1) // 12, (eind_maand - 1) % 12 + 1, 1)
    return Periode(dt.date(datum.year, begin_maand, 1), einde)


@dataclass(frozen=True)
class Budget:
    toegestaan: int
    getrokken: int  # red cards pulled in the period
    teruggegeven: int  # of which upheld: the ministry complied, so the card is given back

    @property
    def resterend(self) -> int:
        return max(0, self.toegestaan - (self.getrokken - self.teruggegeven))


# --- Receipt codes ----------------------------------------------------------------------------

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TEKENS = 20  # 20 × 5 bits = 100 bits of entropy
GROEP = 4
_VERWARRING = str.maketrans({"O": "0", "I": "1", "L": "1"})
_GEEN_CODETEKEN = re.compile(r"[\s\-.]+")


def nieuwe_code() -> str:
    """A fresh receipt code, e.g. ``7KQ2-M9XD-…``: 100 bits from ``secrets``, in groups of four."""
    tekens = "".join(secrets.choice(ALFABET) for _ in range(TEKENS))
    return "-".join(tekens[i:i + GROEP] for i in range(0, TEKENS, GROEP))


def normaliseer(code: str) -> str | None:
    """The code as typed, without spaces or dashes and with look-alikes fixed; ``None`` if it
    cannot be a code (wrong length or characters)."""
    schoon = _GEEN_CODETEKEN.sub("", (code or "").upper()).translate(_VERWARRING)
    if len(schoon) != TEKENS or any(teken not in ALFABET for teken in schoon):
        return None
    return schoon


def code_hash(code: str, sleutel: str | None = None) -> str:
    """Keyed hash (HMAC-SHA256 with the secret key) of a normalised code: what is stored and looked up.

    A code has 100 bits of entropy, so a fast keyed hash suffices: nobody can enumerate codes
    against a leaked table without the key, nor online against the rate limit."""
    return salted_hmac("schakel.noodrem.ontvangstcode", code, secret=sleutel, algorithm="sha256").hexdigest()


def code_hashes(code: str) -> list[str]:
    """The hash under the current key and under each ``SECRET_KEY_FALLBACKS`` key, so that a key
    rotation does not cut filers off from their brake."""
    return [code_hash(code, sleutel) for sleutel in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS)]


def zelfde_hash(opgeslagen: str, berekend: str) -> bool:
    return hmac.compare_digest(opgeslagen.encode(), berekend.encode())


# --- Citizen's brake ------------------------------------------------------------------------------

_BRIEF_RUIS = re.compile(r"[^\w]+")


def brief_sleutel(brief: str) -> str:
    """How letters are counted: case, punctuation and spacing do not matter."""
    return _BRIEF_RUIS.sub(" ", (brief or "").lower()).strip()[:200]
