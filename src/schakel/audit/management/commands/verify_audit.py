"""``schakel verify-audit``: walk the audit trail's hash chain and report the first broken link.

Exit status 0 when the chain is intact, 1 when it is broken (so cron or monitoring can
alert). Prints the number of events and the last hash; keep that hash somewhere outside
the database (a log, a ticket) to be able to prove later that nothing before it changed.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from schakel.audit import keten


class Command(BaseCommand):
    help = "Verify the hash chain of the audit trail: detects edited, deleted, inserted or reordered events."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=5000, help="Events read per query (default 5000).")

    def handle(self, *args, batch_size, verbosity, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        begin = time.monotonic()

        def voortgang(aantal):
            if verbosity >= 2 and aantal % 100_000 < batch_size:
                self.stderr.write(f"  {aantal} events verified")

        try:
            verslag = keten.verifieer(batch=batch_size, voortgang=voortgang)
        except DatabaseError as fout:
            raise CommandError(f"Database unavailable or not migrated ({type(fout).__name__}: {fout}).") from fout
        duur = time.monotonic() - begin
        if verslag.in_orde:
            self.stdout.write(self.style.SUCCESS(
                f"Audit trail intact: {verslag.aantal} events, last hash {verslag.laatste_hash} ({duur:.1f}s)."))
            return
        raise CommandError(
            f"Audit trail BROKEN at {verslag.breuk} {verslag.aantal} events before it are intact "
            f"(last good hash {verslag.laatste_hash}).", returncode=1)
