"""The signal list: filters, Dutch full-text search, pagination, invalid input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from schakel.core import clock
from schakel.signalen import services
from schakel.signalen.models import Oorzaak
from schakel.signalen.services import NieuweToezegging
from schakel.termijnen.sweep import run_sweep
from tests.conftest import GOEDE_UITLEG, VANDAAG

from .html import zichtbare_tekst

pytestmark = pytest.mark.django_db


def _dien_in(wereld, titel, *, melder=None, regeling=None, **kwargs):
    return services.dien_in(indiener=melder or wereld.melder_uwv, titel=titel,
                            praktijk=kwargs.pop("praktijk", f"Praktijk bij {titel}. Aanvullende beschrijving van de situatie, zoals de melder die ziet aan de balie."),
                            getroffen_burgers="Burgers in de uitvoering", regeling=regeling or wereld.wia, **kwargs)


@pytest.fixture
def signalen(wereld):
    with clock.travel(VANDAAG - dt.timedelta(days=60)):
        oud = _dien_in(wereld, "Keuringen rijbewijs lopen vast", melder=wereld.melder_cbr, regeling=wereld.wvw,
                       praktijk="Wachtlijsten voor medische keuringen worden steeds langer. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                       oorzaken=[Oorzaak.objects.get(code="complexe-regels")])
    nieuw = _dien_in(wereld, "Herbeoordeling WIA duurt te lang",
                     praktijk="Herbeoordelingen van arbeidsongeschikten blijven maanden liggen. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.")
    beantwoord = _dien_in(wereld, "Voorschot terugvorderen in één keer")
    services.reageer(beantwoord, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                     toelichting_tekst=GOEDE_UITLEG)
    return {"oud": oud, "nieuw": nieuw, "beantwoord": beantwoord}


def _titels(client, **params):
    response = client.get(reverse("web:signalen"), params)
    assert response.status_code == 200
    return zichtbare_tekst(response.content.decode())


def test_filters_narrow_the_list(client, signalen, wereld):
    alle = _titels(client)
    assert "3 signalen gevonden" in alle
    tekst = _titels(client, organisatie="cbr")
    assert "Keuringen rijbewijs lopen vast" in tekst and "Herbeoordeling" not in tekst
    tekst = _titels(client, eigenaar="szw")
    assert "Herbeoordeling WIA duurt te lang" in tekst and "Keuringen" not in tekst
    tekst = _titels(client, regeling="BWBR0006622")
    assert "1 signaal gevonden" in tekst
    tekst = _titels(client, oorzaak="complexe-regels")
    assert "Keuringen rijbewijs lopen vast" in tekst and "1 signaal gevonden" in tekst
    tekst = _titels(client, status="niet_overgenomen")
    assert "Voorschot terugvorderen in één keer" in tekst and "1 signaal gevonden" in tekst
    assert "0 signalen gevonden" in _titels(client, status="overgenomen")
    tekst = _titels(client, status="verlopen")
    assert "Keuringen rijbewijs lopen vast" in tekst and "1 signaal gevonden" in tekst
    assert "2 signalen gevonden" in _titels(client, status="in_behandeling")


def test_an_escalated_signal_stays_overdue_in_the_list(client, signalen):
    """After escalation the next rung has a deadline in the future, but the signal missed one:
    the list's "Termijn verstreken" and its count agree with the API's teLaat."""
    run_sweep()
    signalen["oud"].refresh_from_db()
    assert signalen["oud"].termijn_overschreden_op is not None
    assert signalen["oud"].uiterste_reactiedatum >= clock.today()
    tekst = _titels(client, status="verlopen")
    assert "Keuringen rijbewijs lopen vast" in tekst and "1 signaal gevonden" in tekst


def test_period_filter_uses_the_filing_date(client, signalen):
    tekst = _titels(client, van="2026-03-01")
    assert "2 signalen gevonden" in tekst and "Keuringen" not in tekst
    tekst = _titels(client, tot="31-01-2026")
    assert "1 signaal gevonden" in tekst and "Keuringen rijbewijs lopen vast" in tekst


def test_period_filter_counts_dutch_calendar_days(client, wereld):
    # 23:30 on 10 March in the Netherlands is 22:30 UTC: a signal of the 10th, not the 11th.
    with clock.travel(dt.datetime(2026, 3, 10, 22, 30, tzinfo=dt.timezone.utc)):
        _dien_in(wereld, "Laat op de avond ingediend")
    assert "1 signaal gevonden" in _titels(client, van="2026-03-10", tot="2026-03-10")
    assert "0 signalen gevonden" in _titels(client, van="2026-03-11")
    assert "0 signalen gevonden" in _titels(client, tot="2026-03-09")


def test_dutch_full_text_search_uses_stems(client, signalen):
    # 'herbeoordeling' and 'herbeoordelingen' share their stem; so do 'keuring' and 'keuringen'.
    tekst = _titels(client, q="herbeoordeling")
    assert "Herbeoordeling WIA duurt te lang" in tekst and "1 signaal gevonden" in tekst
    assert "Keuringen rijbewijs lopen vast" in _titels(client, q="medische keuring")
    assert "0 signalen gevonden" in _titels(client, q="belastingaangifte")


def test_invalid_filters_give_dutch_messages_not_a_500(client, signalen):
    response = client.get(reverse("web:signalen"), {"organisatie": "bestaat-niet", "van": "gisteren",
                                                    "status": "kapot", "regeling": "BWBR0019057"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fout: Signalen — Schakel</title>" in html
    assert '<a href="#id_organisatie">Deze organisatie kennen we niet. Kies een organisatie uit de lijst.</a>' in html
    assert '<a href="#id_van">Vul een geldige datum in, bijvoorbeeld 31-12-2026.</a>' in html
    assert '<a href="#id_status">Kies een status uit de lijst.</a>' in html
    # The valid filter still applies.
    assert "2 signalen gevonden" in zichtbare_tekst(html)


def test_end_before_start_is_explained(client, signalen):
    html = client.get(reverse("web:signalen"), {"van": "2026-03-10", "tot": "2026-03-01"}).content.decode()
    assert "De einddatum ligt vóór de begindatum." in html


@pytest.mark.parametrize("pagina", ["2", "999", "abc", "-1", ""])
def test_pagination_never_fails(client, wereld, pagina):
    for i in range(23):
        _dien_in(wereld, f"Signaal nummer {i}")
    response = client.get(reverse("web:signalen"), {"pagina": pagina, "regeling": "BWBR0019057"})
    assert response.status_code == 200
    tekst = zichtbare_tekst(response.content.decode())
    assert "23 signalen gevonden" in tekst
    assert "Pagina 1 van 2" in tekst or "Pagina 2 van 2" in tekst


def test_page_links_keep_the_filters(client, wereld):
    for i in range(21):
        _dien_in(wereld, f"Signaal nummer {i}")
    html = client.get(reverse("web:signalen"), {"regeling": "BWBR0019057"}).content.decode()
    assert 'href="?regeling=BWBR0019057&amp;pagina=2"' in html


def test_logged_in_staff_also_see_their_closed_signals(client_voor, wereld):
    besloten = _dien_in(wereld, "Besloten signaal over de WIA", openbaar=False)
    tekst = zichtbare_tekst(client_voor(wereld.melder_uwv).get(reverse("web:signalen")).content.decode())
    assert besloten.titel in tekst and "Niet openbaar" in tekst
    tekst = zichtbare_tekst(client_voor(wereld.melder_cbr).get(reverse("web:signalen")).content.decode())
    assert besloten.titel not in tekst


def test_list_query_count_does_not_grow_with_the_page(client, wereld, django_assert_max_num_queries):
    for i in range(20):
        signaal = _dien_in(wereld, f"Signaal nummer {i}")
        if i % 2:
            services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                             toelichting_tekst="We passen het aan.",
                             toezeggingen=[NieuweToezegging("Aanpassen", "Directie", dt.date(2026, 6, 1))])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("web:signalen"))
    html = response.content.decode()
    assert html.count("statuslabel--overgenomen") == 10 and html.count("statuslabel--behandeling") == 10
