"""Dutch working-day arithmetic. Pure Python: no Django imports.

A working day is Monday to Friday, except the days the Algemene termijnenwet treats as
public holidays (art. 3):

- lid 1: New Year's Day, Easter Monday, Whit Monday, both Christmas days, Ascension Day,
  King's Day and **5 May every year** (the ``holidays`` package lists Liberation Day only
  in lustrum years, as most collective agreements do; the Act does not);
- lid 2: Good Friday;
- lid 3: the days a *Besluit gelijkstelling* adds (the Friday after Ascension Day, bridge
  days next to a holiday), kept as data in :data:`GELIJKGESTELDE_DAGEN`; add a line when
  the next decree is published in the Staatscourant (one decree covers about three years).

Easter Sunday and Whit Sunday always fall on a weekend anyway.

Dates are calendar dates in Europe/Amsterdam. A deadline is a *date*: the request is
answered in time when it is answered on or before that date, local time; it is
overdue from the first moment of the next calendar day (see :func:`einde_van_dag`),
whatever the UTC offset is on that day (CET or CEST).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

from schakel.core.clock import AMSTERDAM, einde_van_dag, lokale_datum  # noqa: F401  (re-exported)

_DAG = dt.timedelta(days=1)


#: Days equated with a public holiday by a Besluit gelijkstelling (Algemene termijnenwet,
#: art. 3 lid 3), with the decree that does so.
GELIJKGESTELDE_DAGEN: dict[dt.date, str] = {
    dt.date(2023, 4, 28): "Besluit gelijkstelling 2023–2025",
    dt.date(2023, 5, 19): "Besluit gelijkstelling 2023–2025",
    dt.date(2024, 5, 10): "Besluit gelijkstelling 2023–2025",
    dt.date(2024, 12, 27): "Besluit gelijkstelling 2023–2025",
    dt.date(2025, 5, 30): "Besluit gelijkstelling 2023–2025",
    dt.date(2026, 1, 2): "Besluit gelijkstelling 2026–2028",
    dt.date(2026, 5, 15): "Besluit gelijkstelling 2026–2028",
    dt.date(2027, 5, 7): "Besluit gelijkstelling 2026–2028",
    dt.date(2028, 4, 28): "Besluit gelijkstelling 2026–2028",
    dt.date(2028, 5, 26): "Besluit gelijkstelling 2026–2028",
}


@lru_cache(maxsize=256)
def _feestdagen(jaar: int) -> dict[dt.date, str]:
    """Days of ``jaar`` that the Algemene termijnenwet treats as holidays, with Dutch names."""
    dagen = dict(holidays.country_holidays("NL", years=jaar, language="nl"))
    dagen.setdefault(dt.date(jaar, 5, 5), "Bevrijdingsdag")
    for datum in GELIJKGESTELDE_DAGEN:
        if datum.year == jaar:
            dagen.setdefault(datum, "met een feestdag gelijkgestelde dag")
    return dagen


def feestdag_naam(datum: dt.date) -> str | None:
    """The Dutch name of the public holiday on ``datum``, or ``None``."""
    return _feestdagen(datum.year).get(datum)


def is_werkdag(datum: dt.date) -> bool:
    return datum.weekday() < 5 and datum not in _feestdagen(datum.year)


def waarom_geen_werkdag(datum: dt.date) -> str | None:
    """Why ``datum`` is not a working day ('zaterdag', 'Koningsdag', …), or ``None`` if it is one."""
    naam = feestdag_naam(datum)
    if naam and datum.weekday() < 5:
        return naam
    if datum.weekday() == 5:
        return "zaterdag"
    if datum.weekday() == 6:
        return "zondag"
    return None


def is_verstreken(uiterste: dt.date, moment: dt.datetime) -> bool:
    """Has a deadline on ``uiterste`` passed at ``moment``?"""
    return lokale_datum(moment) > uiterste


def eerste_werkdag_vanaf(datum: dt.date) -> dt.date:
    """``datum`` itself if it is a working day, else the next working day."""
    while not is_werkdag(datum):
        datum += _DAG
    return datum


def tel_werkdagen_op(start: dt.date, aantal: int) -> dt.date:
    """The date ``aantal`` working days after ``start`` (``start`` itself not counted).

    With ``aantal == 0`` the result is ``start`` itself, moved forward to a working day.
    Negative ``aantal`` counts backwards.
    """
    if aantal == 0:
        return eerste_werkdag_vanaf(start)
    datum = start
    stap = _DAG if aantal > 0 else -_DAG
    resterend = abs(aantal)
    while resterend:
        datum += stap
        if is_werkdag(datum):
            resterend -= 1
    return datum


def _weekdagen_na(van: dt.date, tot: dt.date) -> int:
    """Monday-to-Friday days in the half-open range (van, tot]; requires van <= tot."""
    dagen = (tot - van).days
    weken, rest = divmod(dagen, 7)
    aantal = weken * 5
    weekdag = van.weekday()
    for _ in range(rest):
        weekdag = (weekdag + 1) % 7
        if weekdag < 5:
            aantal += 1
    return aantal


def feestdagen_tussen(van: dt.date, tot: dt.date) -> list[tuple[dt.date, str]]:
    """Holidays on a weekday in the half-open range (van, tot], in date order."""
    gevonden = []
    for jaar in range(van.year, tot.year + 1):
        for datum, naam in _feestdagen(jaar).items():
            if van < datum <= tot and datum.weekday() < 5:
                gevonden.append((datum, naam))
    return sorted(gevonden)


def werkdagen_tussen(van: dt.date, tot: dt.date) -> int:
    """Working days after ``van`` up to and including ``tot`` (negative if ``tot`` < ``van``).

    Inverse of :func:`tel_werkdagen_op`: ``werkdagen_tussen(d, tel_werkdagen_op(d, n)) == n``.
    """
    if tot == van:
        return 0
    if tot < van:
        return -werkdagen_tussen(tot, van)
    return _weekdagen_na(van, tot) - len(feestdagen_tussen(van, tot))


def werkdagen_te_laat(uiterste: dt.date, peildatum: dt.date) -> int:
    """How many working days ``peildatum`` lies past a deadline on ``uiterste`` (0 if not late).

    The deadline falling on Friday and today being Monday makes one working day late.
    """
    if peildatum <= uiterste:
        return 0
    return werkdagen_tussen(uiterste, peildatum)


def uiterste_datum(moment: dt.datetime, werkdagen: int) -> dt.date:
    """Deadline for a request made at ``moment``: ``werkdagen`` working days later, local time."""
    return tel_werkdagen_op(lokale_datum(moment), werkdagen)


@dataclass(frozen=True)
class Berekening:
    """How a deadline was computed, to show people (Alaveteli's lesson)."""

    start: dt.date
    werkdagen: int
    uiterste: dt.date
    feestdagen: tuple[tuple[dt.date, str], ...]

    @property
    def kalenderdagen(self) -> int:
        return (self.uiterste - self.start).days

    def uitleg(self) -> str:
        """One Dutch sentence, e.g. '30 werkdagen na 11-03-2026: …, feestdagen niet meegeteld: …'."""
        tekst = (f"{self.werkdagen} werkdagen na {self.start:%d-%m-%Y}: uiterlijk {self.uiterste:%d-%m-%Y}"
                 f" ({self.kalenderdagen} kalenderdagen); weekenden")
        if self.feestdagen:
            namen = ", ".join(f"{naam} ({datum:%d-%m-%Y})" for datum, naam in self.feestdagen)
            return f"{tekst} en feestdagen niet meegeteld: {namen}."
        return f"{tekst} niet meegeteld."


def bereken(start: dt.date, werkdagen: int) -> Berekening:
    """Compute the deadline ``werkdagen`` working days after ``start``, with the holidays skipped."""
    uiterste = tel_werkdagen_op(start, werkdagen)
    return Berekening(start, werkdagen, uiterste, tuple(feestdagen_tussen(start, uiterste)))
