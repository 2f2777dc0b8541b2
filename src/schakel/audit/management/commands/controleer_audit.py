"""``schakel controleer-audit``: walk the audit trail's hash chain and report the first broken link,
then replay each signal's events against its row and report every difference.

Exit status 0 when the chain is intact and the data agree with it, 1 otherwise (so cron or
monitoring can alert). Prints the number of events and the last hash; keep that hash somewhere
outside the database (a log, a ticket) to be able to prove later that nothing before it changed.
Each data finding is one line: the signal's kenmerk, the field, what the trail says and what
the row holds (see ``schakel.audit.controle``).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from schakel.audit import controle, keten


class Command(BaseCommand):
    help = ("Verify the hash chain of the audit trail (edited, deleted, inserted or reordered events) and "
            "replay each signal's events against its status, owner, rung and current answer.")

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=5000, help="Events read per query (default 5000).")
        parser.add_argument("--alleen-keten", action="store_true",
                            help="Only verify the hash chain; skip replaying the signals.")

    def handle(self, *args, batch_size, verbosity, alleen_keten=False, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        begin = time.monotonic()

        def voortgang(aantal):
            if verbosity >= 2 and aantal % 100_000 < batch_size:
                self.stderr.write(f"  {aantal} events verified")

        try:
            verslag = keten.verifieer(batch=batch_size, voortgang=voortgang)
            if not verslag.in_orde:
                raise CommandError(
                    f"Audit trail BROKEN at {verslag.breuk} {verslag.aantal} events before it are intact "
                    f"(last good hash {verslag.laatste_hash}).", returncode=1)
            duur = time.monotonic() - begin
            self.stdout.write(self.style.SUCCESS(
                f"Audit trail intact: {verslag.aantal} events, last hash {verslag.laatste_hash} ({duur:.1f}s)."))
            if alleen_keten:
                return
            begin = time.monotonic()
            data = controle.controleer(batch=min(batch_size, 2000),
                                       bij_afwijking=lambda a: self.stdout.write(f"AFWIJKING {a}"))
        except DatabaseError as fout:
            raise CommandError(f"Database unavailable or not migrated ({type(fout).__name__}: {fout}).") from fout
        duur = time.monotonic() - begin
        if data.in_orde:
            self.stdout.write(self.style.SUCCESS(
                f"Data agree with the audit trail: {data.signalen} signals replayed ({duur:.1f}s)."))
            return
        raise CommandError(
            f"Data DIFFER from the audit trail: {data.afwijkingen} finding(s) in {data.signalen} signals "
            f"({duur:.1f}s).", returncode=1)
