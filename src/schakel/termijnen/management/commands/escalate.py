"""``schakel escalate``: escalate every missed deadline one rung, record overdue commitments, put
missed citizen call-backs (retourstickers) before the board, send mail.

Schedule it (cron or a systemd timer, see docs/deadlines-and-escalation.md); it is
idempotent, safe to run concurrently and resumes after a crash.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, InterfaceError, OperationalError, ProgrammingError

from schakel.core import clock
from schakel.noodrem.sweep import run_retoursticker_sweep
from schakel.notificaties import verzending
from schakel.termijnen.sweep import run_sweep


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
            retour = run_retoursticker_sweep()
            if verbosity >= 1:
                self.stdout.write(f"Retoursticker sweep: {retour.summary()}.")
            if not no_mail:
                mail = verzending.verstuur_direct()
                if verbosity >= 1:
                    self.stdout.write(f"Mail: {mail.summary()}.")
        except DatabaseError as fout:
            raise database_error(fout) from fout
