"""``schakel escaleer``: escalate every missed deadline one rung, record overdue commitments, put
missed citizen call-backs (retourstickers) before the board, send mail.

Schedule it (cron or a systemd timer, see docs/deadlines-and-escalation.md); it is
idempotent, safe to run concurrently and resumes after a crash.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from schakel.core import clock, scheduler
from schakel.core.commando import database_error
from schakel.notificaties import verzending
from schakel.termijnen.sweep import run_sweep


class Command(BaseCommand):
    help = ("Escalate missed deadlines one rung up the ladder, record overdue commitments, put missed "
            "retoursticker call-backs before the board and mail notifications.")

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000,
                            help="Terms per transaction (default 1000).")
        parser.add_argument("--max-batches", type=int, default=None,
                            help="Stop after this many batches (the next run resumes).")
        parser.add_argument("--no-mail", action="store_true",
                            help="Only record escalations and in-app notifications; send no e-mail now.")

    def handle(self, *args, batch_size, max_batches, no_mail, verbosity, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if max_batches is not None and max_batches < 1:
            raise CommandError("--max-batches must be at least 1.")

        def progress(result):
            if verbosity >= 2:
                self.stdout.write(f"  batch {result.batches}: {result.escalated} escalated, "
                                  f"{result.overdue_commitments} overdue commitments so far")

        try:
            result = run_sweep(batch_size=batch_size, max_batches=max_batches, progress=progress)
            if verbosity >= 1:
                self.stdout.write(f"Sweep for {clock.today():%Y-%m-%d}: {result.summary()}.")
            retour = scheduler.sweep("retoursticker-sweep")  # registered by noodrem
            if retour is not None:
                uitkomst = retour.functie()
                if verbosity >= 1:
                    self.stdout.write(f"Retoursticker sweep: {scheduler.samenvatting(uitkomst)}.")
            if not no_mail:
                mail = verzending.verstuur_direct()
                if verbosity >= 1:
                    self.stdout.write(f"Mail: {mail.summary()}.")
        except DatabaseError as fout:
            raise database_error(fout) from fout
