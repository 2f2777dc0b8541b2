"""Dutch working-day arithmetic. Pure Python: no Django imports.

A working day is Monday to Friday, except the national public holidays of the
Netherlands as listed by the ``holidays`` package (New Year, Good Friday is *not*
a public holiday there, Easter Monday, King's Day, Liberation Day in lustrum years,
Ascension, Whit Monday, Christmas). Dates are calendar dates in Europe/Amsterdam.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("NL", years=jaar).keys())


def feestdag_naam(datum: dt.date) -> str | None:
    """The name of the public holiday on ``datum``, or ``None``."""
    return holidays.country_holidays("NL", years=datum.year).get(datum)


def is_werkdag(datum: dt.date) -> bool:
    return datum.weekday() < 5 and datum not in _feestdagen(datum.year)


def lokale_datum(moment: dt.datetime) -> dt.date:
    """The calendar date in the Netherlands of an aware datetime (handles DST)."""
    if moment.tzinfo is None:
        raise ValueError("lokale_datum() needs an aware datetime")
    return moment.astimezone(AMSTERDAM).date()


def tel_werkdagen_op(start: dt.date, aantal: int) -> dt.date:
    """The date ``aantal`` working days after ``start`` (``start`` itself not counted).

    With ``aantal == 0`` the result is ``start`` itself, moved forward to a working day.
    Negative ``aantal`` counts backwards.
    """
    datum = start
    if aantal == 0:
        while not is_werkdag(datum):
            datum += dt.timedelta(days=1)
        return datum
    stap = dt.timedelta(days=1 if aantal > 0 else -1)
    resterend = abs(aantal)
    while resterend:
        datum += stap
        if is_werkdag(datum):
            resterend -= 1
    return datum


def werkdagen_tussen(van: dt.date, tot: dt.date) -> int:
    """Working days after ``van`` up to and including ``tot`` (negative if ``tot`` < ``van``)."""
    if tot == van:
        return 0
    teken = 1
    if tot < van:
        van, tot, teken = tot, van, -1
    aantal = 0
    datum = van
    while datum < tot:
        datum += dt.timedelta(days=1)
        if is_werkdag(datum):
            aantal += 1
    return teken * aantal


def uiterste_datum(moment: dt.datetime, werkdagen: int) -> dt.date:
    """Deadline for a request made at ``moment``: ``werkdagen`` working days later, local time."""
    return tel_werkdagen_op(lokale_datum(moment), werkdagen)
