"""``schakel train-router``: train the text router on the signals in the database and store
it as a new versioned model file under ``DATA_DIR/modellen/``."""

import time

from django.core.management.base import BaseCommand, CommandError

from schakel.knelpunten import router


class Command(BaseCommand):
    help = "Train de tekstrouter (eigenaar en TCU-oorzaken) op de signalen in de database."

    def handle(self, *args, **options):
        begin = time.perf_counter()
        voorbeelden = router.voorbeelden()
        try:
            model = router.Router().train(voorbeelden)
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        seconden = time.perf_counter() - begin
        pad = model.bewaar(extra={"signalen": len(voorbeelden), "trainseconden": round(seconden, 2),
                                  "doorgestuurd": sum(v.gewicht > 1 for v in voorbeelden)})
        self.stdout.write(f"Getraind op {len(voorbeelden)} signalen in {seconden:.1f} s; model: {pad}")
