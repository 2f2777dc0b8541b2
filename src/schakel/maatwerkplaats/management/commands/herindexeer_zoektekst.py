"""``schakel herindexeer-zoektekst``: recompute the search text of signals and casusprudentie.

It lives here, in the app above ``signalen``, because it re-indexes both."""

from django.core.management.base import BaseCommand

from schakel.maatwerkplaats.models import Conclusie
from schakel.maatwerkplaats.pseudoniem import zoektekst as conclusietekst
from schakel.signalen.herindexeren import SIGNAALVELDEN, herindexeer, signaaltekst
from schakel.signalen.models import Signaal


class Command(BaseCommand):
    help = ("Bereken de zoektekst van alle signalen en conclusies (casusprudentie) opnieuw, na een wijziging "
            "van de taalanalyse. Per blok van 2.000 rijen, met voortgang; afgebroken kan hij opnieuw.")

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="rijen per transactie (standaard 2000)")

    def handle(self, *args, batch: int, **options):
        def voortgang(naam):
            def meld(gedaan, totaal, seconden):
                if gedaan == totaal or gedaan % (batch * 25) == 0:
                    tempo = gedaan / seconden if seconden else 0
                    self.stdout.write(f"{naam}: {gedaan:,}/{totaal:,} ({tempo:,.0f} per seconde)".replace(",", "."))
            return meld

        herindexeer(Signaal.objects.only("pk", *SIGNAALVELDEN), signaaltekst, batch=batch,
                    voortgang=voortgang("signalen"))
        herindexeer(Conclusie.objects.select_related("beraad__casus__regeling").prefetch_related("beginselen"),
                    conclusietekst, batch=batch, voortgang=voortgang("conclusies"))
        self.stdout.write(self.style.SUCCESS("Zoektekst opnieuw berekend."))
