"""``schakel wis-idempotentiesleutels``: delete stored Idempotency-Key answers past their expiry.

Expired keys are already ignored (a retry after expiry is a new request); this only frees
the space. Run it daily, e.g. next to ``schakel escaleer``.
"""

from django.core.management.base import BaseCommand

from schakel.api.models import IdempotentVerzoek
from schakel.core import clock


class Command(BaseCommand):
    help = "Delete stored Idempotency-Key answers that have expired."

    def handle(self, *args, **options):
        aantal, _ = IdempotentVerzoek.objects.filter(verloopt_op__lte=clock.now()).delete()
        self.stdout.write(f"{aantal} expired idempotency keys deleted.")
