"""``schakel agendeer-knelpunten``: place every knelpunt that crossed a threshold on its
committee's agenda. Idempotent; safe to run twice or next to the on-change evaluation."""

from django.core.management.base import BaseCommand

from schakel.knelpunten import agendering


class Command(BaseCommand):
    help = "Zet knelpunten die een drempel overschreden op de agenda van de Kamercommissie."

    def handle(self, *args, **options):
        geplaatst = agendering.sweep()
        self.stdout.write(f"{geplaatst} knelpunt(en) op de agenda gezet.")
