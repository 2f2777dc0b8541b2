"""``schakel veeg-retourstickers``: put missed citizen call-backs before the board and file
signals for letters that crossed the threshold.

Idempotent and safe to run twice; ``schakel escaleer`` and ``schakel draai-planner`` run it too.
"""

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from schakel.core import clock
from schakel.noodrem.sweep import run_retoursticker_sweep
from schakel.core.commando import database_error


class Command(BaseCommand):
    help = ("Escalate retourstickers whose contact term passed to the organisation's board, and file a signal "
            "for every letter sent back more often than the threshold.")

    def handle(self, *args, verbosity, **options):
        try:
            result = run_retoursticker_sweep()
        except DatabaseError as fout:
            raise database_error(fout) from fout
        if verbosity >= 1:
            self.stdout.write(f"Retoursticker sweep for {clock.today():%Y-%m-%d}: {result.summary()}.")
