"""The one clock of Schakel.

All domain code asks this module for the current time instead of calling
``timezone.now()`` directly, so that tests and the demo can move time forward
("time travel") without sleeping. The offset lives in the environment variable
``SCHAKEL_CLOCK_OFFSET_DAYS`` for whole processes (demo, sweep) and can be set
in-process with :func:`travel` for tests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_frozen: dt.datetime | None = None


def _env_offset() -> dt.timedelta:
    raw = os.environ.get("SCHAKEL_CLOCK_OFFSET_DAYS", "").strip()
    if not raw:
        return dt.timedelta(0)
    return dt.timedelta(days=float(raw))


def now() -> dt.datetime:
    """Current aware datetime (UTC), honouring a frozen or shifted clock."""
    if _frozen is not None:
        return _frozen
    return dt.datetime.now(dt.timezone.utc) + _env_offset()


def today() -> dt.date:
    """Today's date in the Netherlands."""
    return now().astimezone(AMSTERDAM).date()


def freeze(moment: dt.datetime | None) -> None:
    """Pin the clock to ``moment`` (aware datetime) or release it with ``None``."""
    global _frozen
    if moment is not None and moment.tzinfo is None:
        raise ValueError("freeze() needs an aware datetime")
    _frozen = moment


@contextlib.contextmanager
def travel(moment: dt.datetime):
    """Context manager: the clock shows ``moment`` inside the block."""
    previous = _frozen
    freeze(moment)
    try:
        yield
    finally:
        freeze(previous)


_DAG = dt.timedelta(days=1)


def lokale_datum(moment: dt.datetime) -> dt.date:
    """The calendar date in the Netherlands of an aware datetime (handles DST)."""
    if moment.tzinfo is None:
        raise ValueError("lokale_datum() needs an aware datetime")
    return moment.astimezone(AMSTERDAM).date()


def einde_van_dag(datum: dt.date) -> dt.datetime:
    """The first instant after ``datum`` in the Netherlands, as an aware UTC datetime.

    A deadline on ``datum`` has passed at this instant. The day before a DST change is
    handled by the time zone database: it is 23 or 25 hours long.
    """
    volgende = datum + _DAG
    return dt.datetime(volgende.year, volgende.month, volgende.day, tzinfo=AMSTERDAM).astimezone(dt.timezone.utc)
