"""Answer terms per kind of request, in working days, from settings (Awb defaults)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from . import kalender


def termijn_werkdagen(soort: str) -> int:
    """The answer term in working days for a signal of ``soort`` (signaal, noodrem)."""
    termijnen = settings.SCHAKEL_TERMIJNEN
    return termijnen.get(soort, termijnen["signaal"])


def uiterste_reactiedatum(soort: str, ingediend_op: dt.datetime) -> dt.date:
    return kalender.uiterste_datum(ingediend_op, termijn_werkdagen(soort))
