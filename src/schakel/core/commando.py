"""Helpers of the management commands, and their names.

Command names are Dutch, imperative and kebab-case on the command line (``schakel
laad-demodata``; the module is ``laad_demodata.py``, ``schakel.cli`` maps the hyphens). The
English or differently built names of before keep working as aliases: each is a module
that re-exports the new command, listed in :data:`ALIASSEN` (tested in tests/test_cli.py).
"""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import DatabaseError, InterfaceError, OperationalError, ProgrammingError

# Old command name → new command name (both as modules, with underscores).
ALIASSEN = {
    "run_scheduler": "draai_planner",
    "escalate": "escaleer",
    "toets_sweep": "veeg_toetsen",
    "retoursticker_sweep": "veeg_retourstickers",
    "agendering_sweep": "agendeer_knelpunten",
    "report": "rapporteer",
    "verify_audit": "controleer_audit",
    "openapi_schema": "schrijf_openapi",
    "purge_idempotency_keys": "wis_idempotentiesleutels",
    "triage_lijst": "toon_triagelijst",
    "send_notifications": "verstuur_meldingen",
    "send_digest": "verstuur_dagoverzicht",
    "tweestap_herstellen": "herstel_tweestap",
}


def database_error(fout: DatabaseError) -> CommandError:
    """A clear one-line error for a failing database; the command exits with status 1."""
    eerste_regel = str(fout).strip().splitlines()[0] if str(fout).strip() else type(fout).__name__
    if isinstance(fout, ProgrammingError) or "no such table" in eerste_regel:
        wat, raad = "Database not ready", "run `schakel migrate`"
    elif isinstance(fout, (OperationalError, InterfaceError)):
        wat, raad = "Database unavailable", "is it running and reachable?"
    else:
        wat, raad = "Database error", "see the log"
    return CommandError(
        f"{wat} ({type(fout).__name__}: {eerste_regel}). The batch in progress was rolled back and nothing "
        f"was half-done; batches completed earlier are kept. Fix the database ({raad}) and run the command "
        "again.")
