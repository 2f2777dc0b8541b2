"""``schakel verstuur-meldingen``: e-mail waiting notifications to users who want them directly."""

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from schakel.notificaties import verzending
from schakel.core.commando import database_error


class Command(BaseCommand):
    help = "E-mail waiting notifications (users who chose direct mail); the rest stay in the inbox."

    def handle(self, *args, verbosity, **options):
        try:
            resultaat = verzending.verstuur_direct()
        except DatabaseError as fout:
            raise database_error(fout) from fout
        if verbosity >= 1:
            self.stdout.write(f"Mail: {resultaat.summary()}.")
