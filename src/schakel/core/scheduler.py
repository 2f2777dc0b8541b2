"""The scheduler's registry: every periodic job (a *sweep*) of every app, behind one interface.

A sweep is a function without arguments that does its work idempotently and returns
something that says what it did: an object with a ``summary()`` method, or a string.
Each app registers its sweeps in its ``AppConfig.ready``::

    from schakel.core import scheduler

    scheduler.registreer("toets-sweep", run_toets_sweep, volgorde=20)

``schakel draai-planner`` (:mod:`schakel.core.management.commands.draai_planner`) runs
them in ``volgorde`` on every tick, and the ``dagelijks`` ones once a day from the digest
hour. Core imports no domain app: the apps come to the registry, not the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

# Order of the registered sweeps (lower first): deadlines before the mail that reports them.
ESCALATIE, TOETSEN, RETOURSTICKERS, AGENDERING, MAIL, DIGEST = 10, 20, 30, 40, 90, 95


@dataclass(frozen=True)
class Sweep:
    naam: str  # shown in the scheduler's log, e.g. "toets-sweep"
    functie: Callable[[], object]
    volgorde: int
    dagelijks: bool = False  # once a day, from the digest hour, instead of on every tick


_SWEEPS: dict[str, Sweep] = {}


def registreer(naam: str, functie: Callable[[], object], *, volgorde: int, dagelijks: bool = False) -> Sweep:
    """Register a sweep under ``naam`` (registering a name again replaces it)."""
    sweep = Sweep(naam, functie, volgorde, dagelijks)
    _SWEEPS[naam] = sweep
    return sweep


def sweeps(*, dagelijks: bool | None = None) -> list[Sweep]:
    """The registered sweeps in order (``dagelijks``: only the daily ones, or only the others)."""
    gekozen = [s for s in _SWEEPS.values() if dagelijks is None or s.dagelijks == dagelijks]
    return sorted(gekozen, key=lambda s: (s.volgorde, s.naam))


def sweep(naam: str) -> Sweep | None:
    """The sweep registered under ``naam``, or ``None``."""
    return _SWEEPS.get(naam)


def samenvatting(uitkomst) -> str:
    """What a sweep returned, as one line."""
    return uitkomst.summary() if hasattr(uitkomst, "summary") else str(uitkomst)
