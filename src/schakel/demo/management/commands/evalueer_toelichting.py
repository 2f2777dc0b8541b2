"""``schakel evalueer-toelichting``: how well evasive explanations are recognised."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from schakel.signalen import toelichting, toelichting_evaluatieset


class Command(BaseCommand):
    help = "Meet de herkenning van ontwijkende toelichtingen op de gelabelde set (precisie en recall)."

    def add_arguments(self, parser):
        parser.add_argument("--deel", choices=["dev", "toets", "alle"], default="toets",
                            help="dev: gebruikt bij het schrijven van de regel; toets: achtergehouden (standaard).")
        parser.add_argument("--fouten", action="store_true", help="Toon elke verkeerd beoordeelde toelichting.")

    def handle(self, *args, deel, fouten, **options):
        set_ = [u for u in toelichting_evaluatieset.bouw() if deel == "alle" or u.deel == deel]
        tp = fp = fn = tn = 0
        for u in set_:
            oordeel = toelichting.is_ontwijkend(u.tekst)
            tp += oordeel and u.ontwijkend
            fp += oordeel and not u.ontwijkend
            fn += not oordeel and u.ontwijkend
            tn += not oordeel and not u.ontwijkend
            if fouten and oordeel != u.ontwijkend:
                self.stdout.write(f"  {'vals alarm' if oordeel else 'gemist'}: {u.tekst}")
        precisie = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        self.stdout.write(
            f"Toelichtingen, deel {deel}: {len(set_)} ({tp + fn} ontwijkend, {fp + tn} inhoudelijk).\n"
            f"Ontwijkend herkend: precisie {precisie:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn}, tn {tn})."
        )
        demo = [u for c in _demo_casussen() for u in c.uitleg]
        afgewezen = [u for u in demo if toelichting.is_ontwijkend(u)]
        self.stdout.write(f"Demo-toelichtingen: {len(demo) - len(afgewezen)} van {len(demo)} inhoudelijk.")
        for u in afgewezen:
            self.stdout.write(f"  afgewezen: {u}")


def _demo_casussen():
    from schakel.demo import casussen  # noqa: PLC0415  (lives in demo: it reads the demo's cases)

    return [c for waarde in vars(casussen).values() if isinstance(waarde, (list, tuple))
            for c in waarde if isinstance(c, casussen.Casus)]
