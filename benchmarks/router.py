"""Benchmark: train the text router on 100,000 synthetic signals and time a prediction.

    SCHAKEL_DEBUG=1 .venv/bin/python benchmarks/router.py [aantal]

The texts are the demo cases' titles and descriptions, shuffled and mixed per signal,
so the vocabulary and text length resemble real signals. No database needed.
"""

from __future__ import annotations

import os
import random
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.settings")
os.environ.setdefault("SCHAKEL_DEBUG", "1")

import django  # noqa: E402

django.setup()

from schakel.demo.casussen import CASUSSEN  # noqa: E402
from schakel.knelpunten import router  # noqa: E402

EIGENAREN = ("szw", "ienw", "fin", "vws", "jenv", "ocw", "bzk", "ezk")


def main(aantal: int) -> None:
    rng = random.Random(7)
    voorbeelden = []
    for i in range(aantal):
        casus = rng.choice(CASUSSEN)
        tekst = router.tekst_van(rng.choice(casus.titels), rng.choice(casus.praktijk), rng.choice(casus.getroffen),
                                 rng.choice(casus.voorstellen))
        eigenaar = EIGENAREN[sum(map(ord, casus.regeling)) % len(EIGENAREN)] if rng.random() > 0.1 else rng.choice(EIGENAREN)
        voorbeelden.append(router.Voorbeeld(tekst, eigenaar, tuple(casus.oorzaken[:2])))
    begin = time.perf_counter()
    model = router.Router().train(voorbeelden)
    print(f"training on {aantal} signals: {time.perf_counter() - begin:.1f} s")
    tekst = voorbeelden[0].tekst
    model.adviseer(tekst)
    begin = time.perf_counter()
    for _ in range(200):
        model.adviseer(tekst)
    print(f"prediction: {(time.perf_counter() - begin) * 1000 / 200:.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
