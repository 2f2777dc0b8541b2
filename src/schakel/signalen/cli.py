"""Shared pieces of the triage commands (``schakel trieer``, ``schakel toon-triagelijst``).

The commands act as a named user (``--als``, by default the operating-system login name)
and apply the same rule as the web and API: only a user who may triage
(``rechten.mag_trieren``) sees the queue or routes from it.
"""

from __future__ import annotations

import getpass
import re

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from . import rechten

_KENMERK = re.compile(r"(?:SIG-?)?0*(\d{1,9})", re.IGNORECASE)


def add_als_argument(parser) -> None:
    parser.add_argument("--als", metavar="GEBRUIKERSNAAM", default=None,
                        help="Gebruikersnaam van wie triëert (standaard: uw inlognaam op deze machine).")


def trieerder(gebruikersnaam: str | None):
    """The acting user, who must be allowed to triage; else a CommandError in plain Dutch."""
    naam = (gebruikersnaam or "").strip() or _inlognaam()
    if not naam:
        raise CommandError("Geef met --als aan namens welke gebruiker u triëert.")
    user = get_user_model().objects.filter(username=naam).select_related("organisatie").first()
    if user is None:
        raise CommandError(f"Er is geen gebruiker '{naam}'. Geef met --als de gebruikersnaam op van een "
                           "behandelaar met het triagerecht.")
    if not user.is_active:
        raise CommandError(f"De gebruiker '{naam}' is niet actief.")
    if not rechten.mag_trieren(user):
        raise CommandError(f"De gebruiker '{naam}' mag niet triëren: alleen behandelaars met het recht "
                           "'Kan signalen zonder eigenaar routeren' (signalen.trieren) en beheerders.")
    return user


def signaalnummer(kenmerk: str) -> int:
    """The primary key in a kenmerk: 'SIG-000012', 'sig-12' and '12' all give 12."""
    m = _KENMERK.fullmatch((kenmerk or "").strip())
    if not m:
        raise CommandError(f"'{kenmerk}' is geen kenmerk van een signaal; gebruik de vorm SIG-000123.")
    return int(m[1])


def _inlognaam() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid, e.g. in a container
        return ""
