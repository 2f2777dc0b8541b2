"""``schakel evalueer-router``: top-1 and top-3 accuracy of the text router on a held-out
split, against the majority-class baseline, and the time per prediction."""

from django.core.management.base import BaseCommand, CommandError

from schakel.knelpunten import router


class Command(BaseCommand):
    help = "Meet de tekstrouter op een apart gehouden deel van de signalen (top-1, top-3, basislijn)."

    def add_arguments(self, parser):
        parser.add_argument("--toetsdeel", type=float, default=0.2, help="Deel om apart te houden (standaard 0,2).")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, toetsdeel, seed, **options):
        if not 0 < toetsdeel < 1:
            raise CommandError("--toetsdeel moet tussen 0 en 1 liggen.")
        try:
            e = router.evalueer(router.voorbeelden(), toetsdeel=toetsdeel, seed=seed)
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            f"Getraind op {e.trainen}, getoetst op {e.toetsen} signalen ({e.trainseconden:.1f} s training).\n"
            f"Eigenaar  top-1: {e.top1:.1%}  top-3: {e.top3:.1%}  basislijn (meest voorkomend): {e.basislijn:.1%}\n"
            f"Oorzaak   top-1 raak: {e.oorzaak_top1:.1%}  basislijn: {e.oorzaak_basislijn:.1%}\n"
            f"Voorspelling: {e.ms_per_voorspelling:.2f} ms per signaal (mediaan)"
        )
