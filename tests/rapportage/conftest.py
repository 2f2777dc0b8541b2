"""A small, hand-countable history played through the services with a frozen clock.

2024: P1 (UWV, WIA) answered after 10 days, comply; its commitment kept on time.
2025: A (WIA art. 35, 1200 citizens, two causes) comply after 10 days, two commitments, one kept on time;
      B (WIA art. 35, 300, one cause) explain after 20 days, political level;
      C (noodrem, WIA art. 36, 50) explain after 4 days, then revised to comply with one commitment;
      D (CBR, Wegenverkeerswet, no article) never answered: escalated to the board on 1 Sep and to the
        minister on 31 Dec 2025;
      E (WIA art. 35, 10) escalated to the board on 31 Dec 2025, answered (comply) on 12 Jan 2026: 70 days.
2026: F (UWV, WIA) filed in January: in no 2024/2025 figure.
With schakel.knelpunten, A and B are bundled into one knelpunt (May 2025).
UWV registered its own Stand van de Uitvoering 2025. The report is made on 11 March 2026.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from schakel.core import clock
from tests.conftest import GOEDE_UITLEG

UTC = dt.timezone.utc

TWEEDE_UITLEG = (
    "Een noodrem vraagt om de terugvordering direct stil te zetten. Dat doen wij niet voor de hele groep: "
    "de Wet WIA verplicht tot verrekening, en een generale stop treft ook mensen zonder schulden. Wij "
    "bieden per persoon een betalingsregeling aan en evalueren dat na een half jaar met UWV."
)


def moment(jaar, maand, dag, uur=9) -> dt.datetime:
    return dt.datetime(jaar, maand, dag, uur, tzinfo=UTC)


@pytest.fixture
def geschiedenis(wereld):
    from schakel.rapportage.models import StandVanDeUitvoering
    from schakel.signalen import services
    from schakel.signalen.models import Oorzaak
    from schakel.termijnen.sweep import run_sweep

    w = wereld
    h = SimpleNamespace(wereld=w)
    oorzaak = {o.code: o for o in Oorzaak.objects.all()}

    def dien_in(op, *, melder=None, regeling=None, artikelen="", aantal=None, oorzaken=(), soort="signaal",
                titel="Terugvordering voorschot treft mensen met schulden"):
        with clock.travel(op):
            return services.dien_in(
                indiener=melder or w.melder_uwv, titel=titel,
                praktijk="Mensen moeten een voorschot in één keer terugbetalen zodra de uitkering wordt "
                         "toegekend. Wie schulden heeft, raakt verder in de problemen.",
                getroffen_burgers="Aanvragers met een voorschot en schulden", aantal_getroffen=aantal,
                regeling=regeling or w.wia, artikelen=artikelen, oorzaken=oorzaken, soort=soort,
                verbetervoorstel="Sta terugbetaling in termijnen toe.")

    def overnemen(signaal, op, *uiterlijk, actor=None):
        with clock.travel(op):
            return services.reageer(
                signaal, actor=actor or w.behandelaar_szw, besluit="overnemen",
                toelichting_tekst="Wij passen de werkinstructie aan en bieden een betalingsregeling aan.",
                toezeggingen=[services.NieuweToezegging(f"Werkinstructie aanpassen ({d})", "Directie Uitvoering", d)
                              for d in uiterlijk])

    def nakomen(toezegging, op):
        with clock.travel(op):
            return services.rond_toezegging_af(toezegging, actor=w.behandelaar_szw,
                                               toelichting_tekst="De werkinstructie is aangepast.")

    def sweep(op):
        with clock.travel(op):
            run_sweep()

    # 2024
    h.p1 = dien_in(moment(2024, 5, 6), aantal=100, artikelen="art. 35")
    r = overnemen(h.p1, moment(2024, 5, 16), dt.date(2024, 9, 1))
    nakomen(r.toezeggingen.get(), moment(2024, 8, 1))

    # 2025
    h.a = dien_in(moment(2025, 2, 3), aantal=1200, artikelen="art. 35",
                  oorzaken=[oorzaak["complexe-regels"], oorzaak["geen-evaluatie"]])
    r = overnemen(h.a, moment(2025, 2, 13), dt.date(2025, 6, 30), dt.date(2025, 9, 30))
    h.t1, h.t2 = r.toezeggingen.order_by("uiterlijk")
    nakomen(h.t1, moment(2025, 6, 1))

    h.b = dien_in(moment(2025, 3, 3), aantal=300, artikelen="art. 35", oorzaken=[oorzaak["complexe-regels"]])
    with clock.travel(moment(2025, 3, 23)):
        services.reageer(h.b, actor=w.minister_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG,
                         niveau="politiek", ondertekend_door="De minister van SZW")

    h.c = dien_in(moment(2025, 4, 1), aantal=50, artikelen="art. 36", soort="noodrem")
    with clock.travel(moment(2025, 4, 5)):
        services.reageer(h.c, actor=w.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=TWEEDE_UITLEG)
    overnemen(h.c, moment(2025, 5, 1), dt.date(2025, 12, 31))

    from django.apps import apps
    if apps.is_installed("schakel.knelpunten"):  # A and B bundled into one knelpunt
        from schakel.knelpunten import services as knelpunten

        with clock.travel(moment(2025, 5, 15)):
            h.knelpunt = knelpunten.maak(actor=w.behandelaar_szw, signalen=[h.a, h.b],
                                         titel="Terugvordering WIA-voorschot in één keer",
                                         beleidsbetekenis="Wie een voorschot kreeg, moet het in één keer terugbetalen. Mensen met "
                                                          "schulden raken zo verder in de problemen; beleid moet "
                                                          "terugbetaling in termijnen toestaan.")

    h.d = dien_in(moment(2025, 6, 2), melder=w.melder_cbr, regeling=w.wvw,
                  titel="Herkeuring rijbewijs duurt maanden")
    sweep(moment(2025, 9, 1, 4))
    h.e = dien_in(moment(2025, 11, 3), aantal=10, artikelen="art. 35")
    sweep(moment(2025, 12, 31, 4))
    overnemen(h.e, moment(2026, 1, 12), dt.date(2026, 6, 30))

    # 2026
    h.f = dien_in(moment(2026, 1, 5), aantal=5000, artikelen="art. 35")

    StandVanDeUitvoering.objects.create(organisatie=w.uwv, jaar=2025, ontvangen_op=dt.date(2026, 2, 15),
                                        url="https://www.uwv.nl/stand-van-de-uitvoering-2025")
    for signaal in (h.a, h.b, h.c, h.d, h.e):
        signaal.refresh_from_db()
    return h
