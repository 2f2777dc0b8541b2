"""``schakel verstuur-dagoverzicht``: one e-mail per user who chose a daily overview (at most once a day)."""

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from schakel.notificaties import verzending
from schakel.core.commando import database_error


class Command(BaseCommand):
    help = "Send the daily digest of waiting notifications to users who chose one."

    def add_arguments(self, parser):
        parser.add_argument("--again", action="store_true",
                            help="Also send to users who already had today's digest (only newer notifications).")

    def handle(self, *args, again, verbosity, **options):
        try:
            resultaat = verzending.verstuur_overzichten(opnieuw=again)
        except DatabaseError as fout:
            raise database_error(fout) from fout
        if verbosity >= 1:
            self.stdout.write(f"Digest: {resultaat.summary()}.")
