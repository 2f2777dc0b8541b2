"""``schakel veeg-toetsen``: escalate overdue uitvoeringstoets terms and ask for due invoeringstoets reports.

Idempotent and safe to run twice; schedule it next to ``schakel escaleer`` (cron or systemd timer).
"""

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from schakel.core import clock
from schakel.core.commando import database_error
from schakel.toetsen.termijnen import run_toets_sweep


class Command(BaseCommand):
    help = "Escalate overdue uitvoeringstoets terms one rung and ask implementers for due invoeringstoets reports."

    def handle(self, *args, verbosity, **options):
        try:
            result = run_toets_sweep()
        except DatabaseError as fout:
            raise database_error(fout) from fout
        if verbosity >= 1:
            self.stdout.write(f"Toets sweep for {clock.today():%Y-%m-%d}: {result.summary()}.")
