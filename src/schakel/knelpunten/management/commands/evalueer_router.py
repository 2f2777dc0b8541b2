"""``schakel evalueer-router``: measure the text router.

* ``--set database`` (default): train on a random part of the signals in the database and
  measure on the rest (top-1, top-3, majority baseline, causes, time per prediction).
* ``--set onafhankelijk``: measure the router as the filing form uses it (recognition of the
  regulations, plus the current trained model with ``--model``) on the independent evaluation
  set, per half (development / held-out) and together: top-1, top-3, the precision of the
  suggestions confident enough to be preselected, a reliability table, best cause, per-ministry
  figures and the baselines. ``--diagram PAD`` draws the reliability diagram (PNG).
* ``--set demo``: the same figures on the demo templates' own wording.
* ``--kalibreer``: fit the calibration table on the development half only and store it.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schakel.knelpunten import evaluatie, herkenning, router
from schakel.signalen import routering


class Command(BaseCommand):
    help = "Meet de tekstrouter: op de signalen in de database, op de onafhankelijke evaluatieset of op de demoteksten."

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="welke", choices=("database", "onafhankelijk", "demo"), default="database")
        parser.add_argument("--toetsdeel", type=float, default=0.2, help="Deel om apart te houden (standaard 0,2).")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--model", action="store_true",
                            help="Combineer de herkenning met het huidige getrainde model (schakel train-router).")
        parser.add_argument("--zonder-herkenning", action="store_true", help="Alleen het getrainde model.")
        parser.add_argument("--diagram", metavar="PAD", help="Schrijf het betrouwbaarheidsdiagram als PNG.")
        parser.add_argument("--kalibreer", action="store_true",
                            help="Pas de kalibratietabel aan op de ontwikkelhelft van de evaluatieset.")

    def handle(self, *args, welke, toetsdeel, seed, model, zonder_herkenning, diagram, kalibreer, **options):
        if kalibreer:
            return self._kalibreer()
        if welke == "database":
            return self._database(toetsdeel, seed)
        getraind = None
        if model or zonder_herkenning:
            getraind = router.actueel()
            if getraind is None:
                raise CommandError("Er is geen getraind model: draai eerst 'schakel train-router'.")
        voorspel = evaluatie.voorspeller(model=getraind, met_herkenning=not zonder_herkenning)
        drempel = routering.min_zekerheid()
        if welke == "demo":
            delen = {"demoteksten": evaluatie.demo_gevallen()}
        else:
            alle = evaluatie.lees_set()
            delen = {"ontwikkeling": [g for g in alle if g.deel == "ontwikkeling"],
                     "toets (apart gehouden)": [g for g in alle if g.deel == "toets"], "alle": alle,
                     "regeling niet in de referentiedata": [g for g in alle if g.buiten]}
        wijze = ("model" if zonder_herkenning else "herkenning + model" if getraind else "herkenning (dag één)")
        self.stdout.write(f"Router: {wijze}; voorselectie vanaf {drempel:.0%} zekerheid.")
        uitslagen = {}
        for naam, gevallen in delen.items():
            u = evaluatie.meet(gevallen, voorspel, drempel=drempel)
            uitslagen[naam] = u
            self._schrijf(naam, u)
        if diagram:
            naam = "toets (apart gehouden)" if "toets (apart gehouden)" in uitslagen else next(iter(uitslagen))
            self._diagram(Path(diagram), uitslagen[naam], naam)
            self.stdout.write(f"Diagram: {diagram}")

    def _schrijf(self, naam, u):
        w = self.stdout.write
        w(f"\n== {naam}: {u.aantal} signalen")
        w(f"Eigenaar  top-1: {u.top1:.1%}  top-3: {u.top3:.1%}  basislijn (meest voorkomende eigenaar): {u.basislijn:.1%}"
          f"  zonder voorstel: {u.zonder_voorstel}")
        w(f"Voorgeselecteerd: {u.voorgeselecteerd} ({u.voorgeselecteerd / u.aantal:.0%}), daarvan juist: "
          f"{u.voorgeselecteerd_goed:.1%}" if u.aantal else "Voorgeselecteerd: 0")
        w(f"Oorzaak   beste oorzaak raak: {u.oorzaak:.1%}  basislijn ('complexe-regels'): {u.oorzaak_basislijn:.1%}")
        w(f"Kalibratie (ECE {u.ece:.3f}):  zekerheid  aantal  gem. zekerheid  juist")
        for bakje, aantal, gem, juist in u.betrouwbaarheid:
            w(f"    {bakje:>9}  {aantal:>6}  {gem:>14.1%}  {juist:>5.1%}")
        w("Per ministerie:  " + "  ".join(f"{m} {n}× {t1:.0%}/{t3:.0%}" for m, (n, t1, t3) in u.per_ministerie.items()))
        w(f"Voorspelling: {u.ms_per_signaal:.2f} ms per signaal (mediaan)")

    def _diagram(self, pad: Path, u, naam: str) -> None:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(5, 5))
        ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect gekalibreerd")
        xs = [gem for _, _, gem, _ in u.betrouwbaarheid]
        ys = [juist for _, _, _, juist in u.betrouwbaarheid]
        ns = [n for _, n, _, _ in u.betrouwbaarheid]
        ax.plot(xs, ys, marker="o", label=f"router ({naam})")
        for x, y, n in zip(xs, ys, ns):
            ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=8)
        ax.set_xlabel("zekerheid van de beste eigenaar")
        ax.set_ylabel("aandeel juist")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
        ax.set_title(f"Betrouwbaarheid (ECE {u.ece:.3f})")
        ax.legend(loc="upper left")
        pad.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(pad, dpi=100, bbox_inches="tight")
        plt.close(fig)

    def _kalibreer(self):
        ontwikkeling = [g for g in evaluatie.lees_set() if g.deel == "ontwikkeling"]
        tabel = herkenning.fit_kalibratie(evaluatie.kalibratieparen(ontwikkeling))
        herkenning.KALIBRATIE.parent.mkdir(parents=True, exist_ok=True)
        herkenning.KALIBRATIE.write_text(json.dumps(tabel, indent=1) + "\n")
        herkenning._kalibratietabel.cache_clear()
        self.stdout.write(f"Kalibratietabel ({len(tabel['ruw'])} knopen, {tabel['paren']} signalen van de "
                          f"ontwikkelhelft) geschreven naar {herkenning.KALIBRATIE}.")

    def _database(self, toetsdeel, seed):
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
