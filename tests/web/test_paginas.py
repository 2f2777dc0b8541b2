"""Every page renders, in Dutch, with the content it promises and nothing a strict CSP blocks."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from schakel.signalen import services

from .html import csp_schendingen, element_met_id, zichtbare_tekst

pytestmark = pytest.mark.django_db


def _pagina(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    html = response.content.decode()
    assert csp_schendingen(html) == [], url
    assert '<html lang="nl">' in html
    return html


def test_start_shows_counts_latest_public_signals_and_links(client, signaal, besloten_signaal):
    html = _pagina(client, reverse("web:start"))
    tekst = zichtbare_tekst(html)
    assert "Van de balie naar het beleid" in tekst
    assert signaal.titel in tekst
    assert besloten_signaal.titel not in tekst
    assert "Openbare signalen 1" in tekst
    assert reverse("web:signalen") in html
    assert "Inloggen om een signaal in te dienen" in tekst


def test_start_for_a_professional_links_to_filing(client_voor, wereld):
    html = _pagina(client_voor(wereld.melder_uwv), reverse("web:start"))
    assert f'href="{reverse("web:signaal-nieuw")}"' in html


def test_every_public_page_renders_for_anonymous_visitors(client, uitgelegd_signaal, wereld):
    for url in [
        reverse("web:start"),
        reverse("web:signalen"),
        reverse("web:signaal", args=[uitgelegd_signaal.uuid]),
        reverse("web:organisatie", args=["szw"]),
        reverse("web:organisatie", args=["uwv"]),
        reverse("web:organisatie", args=["cie-szw"]),
        reverse("web:regeling", args=[wereld.wia.bwb_id]),
        reverse("web:inloggen"),
        reverse("web:uitloggen"),
    ]:
        _pagina(client, url)


def test_every_page_renders_for_a_handler(client_voor, overgenomen_signaal, wereld):
    client = client_voor(wereld.behandelaar_szw)
    toezegging = overgenomen_signaal.toezeggingen.get()
    for url in [
        reverse("web:start"),
        reverse("web:signalen"),
        reverse("web:signaal", args=[overgenomen_signaal.uuid]),
        reverse("web:reageren", args=[overgenomen_signaal.uuid]),
        reverse("web:toezegging-nakomen", args=[toezegging.uuid]),
        reverse("web:organisatie", args=["szw"]),
        reverse("web:regeling", args=[wereld.wia.bwb_id]),
        reverse("web:uitloggen"),
    ]:
        _pagina(client, url)


def test_forward_and_file_pages_render(client_voor, signaal, wereld):
    _pagina(client_voor(wereld.behandelaar_szw), reverse("web:doorsturen", args=[signaal.uuid]))
    html = _pagina(client_voor(wereld.melder_uwv), reverse("web:signaal-nieuw"))
    tekst = zichtbare_tekst(html)
    # All seven TCU causes with their description, and the explanation of 'openbaar'.
    for naam in ["Complexe wet- en regelgeving", "Blinde vlek van de Kamer", "Geen evaluatie van onbedoelde effecten"]:
        assert naam in tekst
    assert "beleid wordt niet of nauwelijks geëvalueerd op onbedoelde effecten" in tekst.lower()
    assert html.count('name="oorzaken"') == 7
    assert "uw naam wordt nooit getoond" in tekst
    # The regulation is chosen by title and BWB id.
    assert "Wet WIA — Wet werk en inkomen naar arbeidsvermogen (BWBR0019057)" in tekst


def test_signal_page_shows_fields_status_deadline_and_timeline(client, signaal, wereld):
    tekst = zichtbare_tekst(_pagina(client, reverse("web:signaal", args=[signaal.uuid])))
    assert signaal.kenmerk in tekst
    assert "In behandeling bij Ministerie van Sociale Zaken en Werkgelegenheid" in tekst
    # Filed Wednesday 11 March 2026; 30 working days later (Easter Monday and King's Day off).
    assert "Termijn loopt tot 24 april 2026 (nog 30 werkdagen)" in tekst
    assert signaal.uiterste_reactiedatum.isoformat() == "2026-04-24"
    assert "Sta terugbetaling in termijnen toe" in tekst
    assert "1.200" in tekst
    assert "Er is nog geen reactie." in tekst
    assert "Signaal ingediend" in tekst and "Toegewezen aan de eigenaar van de regeling" in tekst
    assert "Door: Melder, Uitvoeringsinstituut Werknemersverzekeringen" in tekst


def test_signal_page_never_shows_person_names(client, uitgelegd_signaal, wereld):
    tekst = zichtbare_tekst(_pagina(client, reverse("web:signaal", args=[uitgelegd_signaal.uuid])))
    for user in (wereld.melder_uwv, wereld.behandelaar_szw):
        assert user.username not in tekst
        assert user.first_name not in tekst


def test_explained_signal_shows_answer_and_status(client, uitgelegd_signaal):
    tekst = zichtbare_tekst(_pagina(client, reverse("web:signaal", args=[uitgelegd_signaal.uuid])))
    assert "Niet overgenomen, met reden" in tekst
    assert "Waarom het voorstel niet wordt overgenomen" in tekst
    assert "de wet zelf schrijft verrekening voor" in tekst
    assert "Niveau Ambtelijk" in tekst
    assert "Reactie gegeven" in tekst


def test_complied_signal_shows_commitments_open_kept_and_overdue(client, overgenomen_signaal, wereld):
    from schakel.core import clock
    from tests.conftest import VANDAAG
    import datetime as dt

    url = reverse("web:signaal", args=[overgenomen_signaal.uuid])
    tekst = zichtbare_tekst(_pagina(client, url))
    assert "Overgenomen" in tekst
    assert "Beleidsregel terugvordering aanpassen" in tekst
    assert "Directie Uitvoering" in tekst and "30 april 2026" in tekst
    assert "Open" in tekst and "Verlopen" not in tekst

    with clock.travel(VANDAAG + dt.timedelta(days=60)):
        assert "Verlopen" in zichtbare_tekst(_pagina(client, url))

    services.rond_toezegging_af(overgenomen_signaal.toezeggingen.get(), actor=wereld.behandelaar_szw,
                                toelichting_tekst="Beleidsregel gepubliceerd in de Staatscourant.")
    tekst = zichtbare_tekst(_pagina(client, url))
    assert "Nagekomen op 11 maart 2026" in tekst
    assert "Beleidsregel gepubliceerd in de Staatscourant." in tekst
    assert "Toezegging nagekomen" in tekst


def test_revised_answer_keeps_earlier_version_visible(client, uitgelegd_signaal, wereld):
    import datetime as dt
    from schakel.signalen.services import NieuweToezegging

    services.reageer(uitgelegd_signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                     toelichting_tekst="Na overleg met UWV nemen we het voorstel toch over.",
                     toezeggingen=[NieuweToezegging("Wetsvoorstel aanpassen", "Directie Wetgeving",
                                                    dt.date(2026, 9, 1))])
    tekst = zichtbare_tekst(_pagina(client, reverse("web:signaal", args=[uitgelegd_signaal.uuid])))
    assert "Eerdere versies van de reactie" in tekst
    assert "Niet overgenomen, met reden — versie 1" in tekst
    assert "de wet zelf schrijft verrekening voor" in tekst
    assert "Na overleg met UWV nemen we het voorstel toch over." in tekst
    assert "Reactie herzien" in tekst


def test_forwarded_signal_shows_new_owner_and_reason(client, signaal, wereld):
    services.stuur_door(signaal, naar=wereld.ienw, actor=wereld.behandelaar_szw,
                        reden="De knelpunten gaan over het rijbewijs, niet over de WIA.")
    tekst = zichtbare_tekst(_pagina(client, reverse("web:signaal", args=[signaal.uuid])))
    assert "Nieuwe eigenaar: Ministerie van Infrastructuur en Waterstaat" in tekst
    assert "De knelpunten gaan over het rijbewijs, niet over de WIA." in tekst
    assert "In behandeling bij Ministerie van Infrastructuur en Waterstaat" in tekst


def test_overdue_signal_is_shown_as_overdue(client, signaal):
    import datetime as dt
    from schakel.core import clock
    from tests.conftest import VANDAAG

    with clock.travel(VANDAAG + dt.timedelta(days=50)):
        tekst = zichtbare_tekst(_pagina(client, reverse("web:signaal", args=[signaal.uuid])))
    assert "Termijn overschreden, 3 werkdagen te laat" in tekst
    assert "uiterlijk 24-04-2026" in tekst


def test_navigation_shows_who_is_logged_in(client_voor, wereld):
    html = _pagina(client_voor(wereld.behandelaar_szw), reverse("web:signalen"))
    tekst = zichtbare_tekst(html)
    assert "Behandelaar-szw" in tekst
    assert "Behandelaar, Ministerie van Sociale Zaken en Werkgelegenheid" in tekst
    assert "Mijn organisatie" in tekst
    assert 'aria-current="page">Signalen' in html
    # A handler at a ministry may also file; a committee clerk may not.
    assert "Signaal indienen" in tekst
    tekst = zichtbare_tekst(_pagina(client_voor(wereld.griffie_szw), reverse("web:signalen")))
    assert "Kamerlid / griffie" in tekst
    assert "Signaal indienen" not in tekst


def test_landmarks_skip_link_and_title(client):
    html = _pagina(client, reverse("web:signalen"))
    assert 'class="skiplink" href="#inhoud"' in html
    assert element_met_id(html, "inhoud")[0] == "main"
    assert "<header" in html and "<footer" in html and '<nav class="navigatie" id="hoofdmenu" aria-label="Hoofdmenu">' in html
    assert "<title>Signalen — Schakel</title>" in html


def test_organisation_page_counts_and_overdue_commitments(client, overgenomen_signaal, wereld):
    import datetime as dt
    from schakel.core import clock
    from tests.conftest import VANDAAG

    url = reverse("web:organisatie", args=["szw"])
    tekst = zichtbare_tekst(_pagina(client, url))
    assert "Signalen waarop Ministerie van Sociale Zaken en Werkgelegenheid moet reageren" in tekst
    assert "Geen verlopen toezeggingen:" in tekst
    with clock.travel(VANDAAG + dt.timedelta(days=60)):
        tekst = zichtbare_tekst(_pagina(client, url))
    assert "Beleidsregel terugvordering aanpassen" in tekst
    assert overgenomen_signaal.kenmerk in tekst
    # UWV's page lists the signal it filed.
    tekst = zichtbare_tekst(_pagina(client, reverse("web:organisatie", args=["uwv"])))
    assert "Signalen ingediend door Uitvoeringsinstituut Werknemersverzekeringen" in tekst
    assert overgenomen_signaal.titel in tekst


def test_regulation_page_lists_its_signals(client, signaal, wereld):
    tekst = zichtbare_tekst(_pagina(client, reverse("web:regeling", args=["BWBR0019057"])))
    assert "Wet werk en inkomen naar arbeidsvermogen" in tekst
    assert signaal.titel in tekst
    assert "Uitvoeringsinstituut Werknemersverzekeringen" in tekst  # uitvoerder
    tekst = zichtbare_tekst(_pagina(client, reverse("web:regeling", args=["BWBR0006622"])))
    assert "Er zijn (nog) geen signalen over deze regeling." in tekst


@pytest.mark.parametrize("url", ["/organisaties/bestaat-niet", "/regelingen/BWBR9999999", "/regelingen/onzin",
                                 "/signalen/00000000-0000-0000-0000-000000000000", "/signalen/geen-uuid",
                                 "/bestaat-niet"])
def test_unknown_things_give_a_dutch_404(client, wereld, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_committee_page_shows_overdue_commitments_under_its_control(client, signaal, wereld):
    import datetime as dt

    from schakel.core import clock
    from schakel.signalen import services
    from schakel.signalen.services import NieuweToezegging

    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                     toelichting_tekst="We passen de regeling aan.",
                     toezeggingen=[NieuweToezegging("Beslagvrije voet in de regeling opnemen", "Directie Arbeidsmarkt",
                                                    dt.date(2026, 6, 1))])
    pagina = reverse("web:organisatie", args=[wereld.cie_szw.afkorting])
    assert "Beslagvrije voet in de regeling opnemen" not in zichtbare_tekst(_pagina(client, pagina))
    with clock.travel(dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.timezone.utc)):
        tekst = zichtbare_tekst(_pagina(client, pagina))
    assert "Verlopen toezeggingen onder deze commissie (1)" in tekst
    assert "Beslagvrije voet in de regeling opnemen" in tekst and "te laat" in tekst


@pytest.mark.parametrize("pad", ["/signalen", "/termijnen", "/voorstellen", "/knelpunten", "/casusprudentie",
                                 "/staat-van-de-uitvoering"])
def test_list_pages_with_a_trailing_slash_redirect_to_the_page(client, wereld, pad):
    antwoord = client.get(pad + "/?status=ingediend")
    assert antwoord.status_code == 301 and antwoord["Location"] == pad + "?status=ingediend"
    assert client.get(pad).status_code == 200


def test_trailing_slash_of_no_page_or_another_host_is_a_404(client, wereld):
    assert client.get("/bestaat-niet/").status_code == 404
    from schakel.web.slotstreep import zonder_slotstreep

    assert zonder_slotstreep("//example.org/") is None  # would leave the site
    # No detour: an unknown path without a slash is a 404 at once, not a redirect to one with it.
    assert client.get("/bestaat-niet").status_code == 404
    assert client.get("/api/v1/signalen/").status_code == 404


def test_late_answers_are_linked_from_the_menu_and_the_start_page_count(client, signaal):
    html = _pagina(client, reverse("web:start"))
    termijnen = reverse("termijnen:overzicht")
    assert f'<a class="navigatie__link" href="{termijnen}">Termijn overschreden</a>' in html
    assert re.search(rf'<dt>Termijn verstreken</dt><dd><a href="{termijnen}">0<', html)
