"""Signals over the API: file, read, list with filters and search, and who sees what."""

from __future__ import annotations

import datetime as dt

import pytest

from schakel.core import clock
from schakel.signalen.models import Signaal

from .conftest import GOEDE_UITLEG, assert_problem, maak_signaal, param, signaal_body

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/signalen"


def detail(signaal) -> str:
    return f"/api/v1/signalen/{signaal.uuid}"


def kenmerken(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [s["kenmerk"] for s in response.json()["results"]]


# --- filing -------------------------------------------------------------------------------

def test_file_signal(als, wereld):
    response = als(wereld.melder_uwv).post(LIJST, signaal_body(), format="json")

    assert response.status_code == 201, response.content
    data = response.json()
    signaal = Signaal.objects.get(uuid=data["uuid"])
    assert response["Location"] == data["url"]
    assert type(response["Location"]) is str  # WSGI servers refuse str subclasses in headers
    assert data["url"].endswith(f"/api/v1/signalen/{signaal.uuid}")
    assert data["kenmerk"] == signaal.kenmerk
    assert data["regeling"] == "BWBR0019057"
    assert data["indienendeOrganisatie"] == "uwv"
    assert data["eigenaar"] == "szw"  # routed to the owner of the regulation
    assert data["status"] == "in_behandeling"
    assert data["uitersteReactiedatum"] == signaal.uiterste_reactiedatum.isoformat()
    assert data["oorzaken"] == ["complexe-regels"]
    assert data["getroffenBurgers"] == "Ouderen en mensen zonder computer"
    assert data["aantalGetroffen"] == 300
    assert data["openbaar"] is True
    assert data["actueleReactie"] is None
    assert data["beantwoordOp"] is None
    assert signaal.indiener == wereld.melder_uwv
    assert response["API-Version"] == "1.0.0"


def test_file_noodrem_with_minimal_fields(als, wereld):
    body = {k: v for k, v in signaal_body(soort="noodrem").items()
            if k in {"soort", "titel", "praktijk", "getroffenBurgers", "regeling"}}
    response = als(wereld.bestuur_uwv).post(LIJST, body, format="json")

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["soort"] == "noodrem"
    assert data["oorzaken"] == [] and data["aantalGetroffen"] is None and data["artikelen"] == ""


def test_filing_for_another_organisation_is_refused(als, wereld):
    response = als(wereld.melder_uwv).post(LIJST, signaal_body(indienendeOrganisatie="svb"), format="json")

    assert_problem(response, 400, "indienendeOrganisatie")


def test_griffie_may_not_file(als, wereld):
    response = als(wereld.griffie_szw).post(LIJST, signaal_body(), format="json")

    assert_problem(response, 403)
    assert not Signaal.objects.exists()


def test_anonymous_cannot_file(api, wereld):
    response = api.post(LIJST, signaal_body(), format="json")

    data = assert_problem(response, 401)
    assert response["WWW-Authenticate"] == "Token"
    assert "Token" in data["detail"]
    assert not Signaal.objects.exists()


def test_invalid_token_is_401(api, wereld):
    api.credentials(HTTP_AUTHORIZATION="Token ongeldig")

    assert_problem(api.get(LIJST), 401)


def test_session_login_works_for_browsers(wereld):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(wereld.melder_uwv)

    zonder_csrf = client.post(LIJST, signaal_body(), format="json")
    assert_problem(zonder_csrf, 403)
    assert "CSRF" in zonder_csrf.json()["detail"]

    from django.utils.crypto import get_random_string

    secret = get_random_string(32)  # Django's CSRF cookie holds a 32-character secret
    client.cookies["csrftoken"] = secret
    response = client.post(LIJST, signaal_body(), format="json", HTTP_X_CSRFTOKEN=secret)
    assert response.status_code == 201, response.content


# --- reading ------------------------------------------------------------------------------

def test_retrieve_signal_with_current_answer(api, als, signaal, wereld):
    als(wereld.behandelaar_szw).post(f"{detail(signaal)}/reacties", {
        "besluit": "niet_overnemen", "toelichting": GOEDE_UITLEG}, format="json")

    response = api.get(detail(signaal))

    assert response.status_code == 200
    data = response.json()
    assert data["uuid"] == str(signaal.uuid)
    assert data["status"] == "beantwoord"
    assert data["beantwoordOp"] is not None
    reactie = data["actueleReactie"]
    assert reactie["versie"] == 1 and reactie["besluit"] == "niet_overnemen"
    assert reactie["organisatie"] == "szw" and reactie["toezeggingen"] == []


def test_no_personal_data_in_output(api, als, signaal, wereld):
    als(wereld.behandelaar_szw).post(f"{detail(signaal)}/reacties", {
        "besluit": "overnemen", "toelichting": "We maken termijnbetaling mogelijk.",
        "toezeggingen": [{"omschrijving": "Regeling aanpassen", "eigenaar": "Directie AV",
                          "uiterlijk": "2026-09-01"}]}, format="json")

    teksten = [api.get(url).content.decode().lower() for url in (
        LIJST, detail(signaal), f"{detail(signaal)}/reacties", f"{detail(signaal)}/tijdlijn", "/api/v1/toezeggingen")]

    for tekst in teksten:
        for gebruiker in (wereld.melder_uwv, wereld.behandelaar_szw):
            assert gebruiker.username not in tekst
            assert f'"{gebruiker.first_name.lower()}"' not in tekst
        assert "indiener" not in tekst and "auteur" not in tekst
    assert "melder, uitvoeringsinstituut werknemersverzekeringen" in teksten[3]  # role and organisation


def test_unpublished_signal_is_invisible_to_outsiders(api, als, wereld):
    geheim = maak_signaal(wereld.melder_uwv, wereld.wia, openbaar=False, titel="Niet openbaar")

    assert_problem(api.get(detail(geheim)), 404)
    assert_problem(als(wereld.melder_cbr).get(detail(geheim)), 404)
    assert_problem(api.get(f"{detail(geheim)}/reacties"), 404)
    assert_problem(api.get(f"{detail(geheim)}/tijdlijn"), 404)
    assert geheim.kenmerk not in kenmerken(api.get(LIJST))
    # ... but visible to the filer's organisation and the owning ministry
    assert als(wereld.bestuur_uwv).get(detail(geheim)).status_code == 200
    assert als(wereld.behandelaar_szw).get(detail(geheim)).status_code == 200
    assert geheim.kenmerk in kenmerken(als(wereld.behandelaar_szw).get(LIJST))


def test_unknown_signal_is_404(api, wereld):
    assert_problem(api.get("/api/v1/signalen/7c9e6679-7425-40de-944b-e07fc1f90ae7"), 404)
    assert_problem(api.get("/api/v1/signalen/geen-uuid"), 404)


# --- listing, filters, search ------------------------------------------------------------------

@pytest.fixture
def drie_signalen(wereld):
    with clock.travel(dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.timezone.utc)):
        oud = maak_signaal(wereld.melder_uwv, wereld.wia, titel="Schulden door terugvordering",
                           praktijk="Mensen met schulden moeten het voorschot in één keer terugbetalen. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.")
    rijbewijs = maak_signaal(wereld.melder_cbr, wereld.wvw, titel="Wachttijd keuring rijbewijs",
                             praktijk="Ouderen wachten maanden op een medische keuring voor hun rijbewijs. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                             oorzaken=[_oorzaak("uitvoering-verwaarloosd")])
    nieuw = maak_signaal(wereld.bestuur_uwv, wereld.wia, titel="Herbeoordeling duurt te lang",
                         praktijk="De herbeoordeling van de arbeidsongeschiktheid duurt meer dan een jaar. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                         oorzaken=[_oorzaak("complexe-regels")], soort="noodrem")
    return oud, rijbewijs, nieuw


def _oorzaak(code):
    from schakel.signalen.models import Oorzaak

    return Oorzaak.objects.get(code=code)


def test_list_newest_first_with_pagination(api, drie_signalen):
    oud, rijbewijs, nieuw = drie_signalen

    response = api.get(LIJST, {"pageSize": 2})

    data = response.json()
    assert data["count"] == 3
    assert [s["kenmerk"] for s in data["results"]] == [nieuw.kenmerk, rijbewijs.kenmerk]
    assert data["previous"] is None and "page=2" in data["next"] and "pageSize=2" in data["next"]
    tweede = api.get(LIJST, {"pageSize": 2, "page": 2}).json()
    assert [s["kenmerk"] for s in tweede["results"]] == [oud.kenmerk]
    assert tweede["next"] is None


@pytest.mark.parametrize("params, verwacht", [
    ({"organisatie": "cbr"}, ["rijbewijs"]),
    ({"organisatie": "uwv"}, ["nieuw", "oud"]),
    ({"eigenaar": "ienw"}, ["rijbewijs"]),
    ({"eigenaar": "szw"}, ["nieuw", "oud"]),
    ({"regeling": "BWBR0006622"}, ["rijbewijs"]),
    ({"oorzaak": "complexe-regels"}, ["nieuw"]),
    ({"soort": "noodrem"}, ["nieuw"]),
    ({"status": "in_behandeling"}, ["nieuw", "rijbewijs", "oud"]),
    ({"status": "beantwoord"}, []),
    ({"ingediendTot": "2026-01-15"}, ["oud"]),
    ({"ingediendVanaf": "2026-01-16"}, ["nieuw", "rijbewijs"]),
    ({"ingediendVanaf": "2026-01-15", "ingediendTot": "2026-03-11"}, ["nieuw", "rijbewijs", "oud"]),
    ({"zoek": "Schulden"}, ["oud"]),
    ({"zoek": "keuringen rijbewijzen"}, ["rijbewijs"]),  # Dutch stems: plural finds singular
    ({"zoek": "rijbewijs schulden"}, []),  # every word must match
    ({"zoek": "duurt", "organisatie": "uwv", "oorzaak": "complexe-regels"}, ["nieuw"]),
])
def test_filters(api, drie_signalen, params, verwacht):
    namen = dict(zip(["oud", "rijbewijs", "nieuw"], drie_signalen))

    assert kenmerken(api.get(LIJST, params)) == [namen[n].kenmerk for n in verwacht]


def test_status_filter_after_answer(api, als, drie_signalen, wereld):
    oud = drie_signalen[0]
    als(wereld.behandelaar_szw).post(f"{detail(oud)}/reacties", {
        "besluit": "niet_overnemen", "toelichting": GOEDE_UITLEG}, format="json")

    assert kenmerken(api.get(LIJST, {"status": "beantwoord"})) == [oud.kenmerk]


@pytest.mark.parametrize("params, naam", [
    ({"organisatie": "bestaat-niet"}, "organisatie"),
    ({"eigenaar": "xyz"}, "eigenaar"),
    ({"regeling": "BWBR9999999"}, "regeling"),
    ({"regeling": "wia"}, "regeling"),
    ({"oorzaak": "pech"}, "oorzaak"),
    ({"status": "open"}, "status"),
    ({"soort": "klacht"}, "soort"),
    ({"ingediendVanaf": "gisteren"}, "ingediendVanaf"),
    ({"ingediendTot": "2026-02-30"}, "ingediendTot"),
    ({"ingediendVanaf": "2026-03-01", "ingediendTot": "2026-02-01"}, "ingediendTot"),
    ({"zoek": "x" * 201}, "zoek"),
    ({"zoek": "nul\x00teken"}, "zoek"),
    ({"statsu": "beantwoord"}, "statsu"),  # a typo is not silently ignored
    ({"page_size": "10"}, "page_size"),
])
def test_bad_filter_values_are_400_naming_the_parameter(api, wereld, params, naam):
    data = assert_problem(api.get(LIJST, params), 400, naam)

    assert param(data, naam)["reason"]


def test_unknown_organisation_filter_message_is_plain_dutch(api, wereld):
    data = assert_problem(api.get(LIJST, {"organisatie": "bestaat-niet"}), 400, "organisatie")

    assert param(data, "organisatie")["reason"].startswith("Onbekende organisatie 'bestaat-niet'")
    assert data["detail"].startswith("organisatie: Onbekende organisatie")


def test_repeated_parameter_is_refused(api, wereld):
    assert_problem(api.get(f"{LIJST}?status=ingediend&status=beantwoord"), 400, "status")


@pytest.mark.parametrize("params, naam", [
    ({"page": "0"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "abc"}, "page"),
    ({"page": "1.5"}, "page"),
    ({"page": "99"}, "page"),
    ({"pageSize": "0"}, "pageSize"),
    ({"pageSize": "101"}, "pageSize"),
    ({"pageSize": "veel"}, "pageSize"),
])
def test_bad_pagination_is_400(api, drie_signalen, params, naam):
    assert_problem(api.get(LIJST, params), 400, naam)


def test_page_size_100_is_allowed(api, drie_signalen):
    assert api.get(LIJST, {"pageSize": 100}).json()["count"] == 3


def test_detail_refuses_query_parameters(api, signaal):
    assert_problem(api.get(detail(signaal), {"status": "beantwoord"}), 400, "status")


def test_list_query_count_does_not_grow_with_the_number_of_signals(api, wereld, django_assert_max_num_queries):
    from schakel.signalen import services

    def vul(n):
        for i in range(n):
            s = maak_signaal(wereld.melder_uwv, wereld.wia, titel=f"Signaal nummer {i}",
                             oorzaken=[_oorzaak("complexe-regels"), _oorzaak("geen-evaluatie")])
            services.reageer(s, actor=wereld.behandelaar_szw, besluit="overnemen", toelichting_tekst="Doen we.",
                             toezeggingen=[services.NieuweToezegging("Actie", "DG", dt.date(2026, 6, 1))] * 2)

    vul(2)
    with django_assert_max_num_queries(12) as weinig:
        api.get(LIJST)
    vul(8)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        assert api.get(LIJST).json()["count"] == 10


def test_overdue_signals_are_shown_and_filterable(api, als, drie_signalen, wereld):
    oud, rijbewijs, nieuw = drie_signalen
    als(wereld.behandelaar_ienw).post(f"{detail(rijbewijs)}/reacties", {
        "besluit": "niet_overnemen", "toelichting": GOEDE_UITLEG}, format="json")

    with clock.travel(dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.timezone.utc)):  # past every first term
        assert kenmerken(api.get(LIJST, {"teLaat": "true"})) == [nieuw.kenmerk, oud.kenmerk]
        assert kenmerken(api.get(LIJST, {"teLaat": "false"})) == [rijbewijs.kenmerk]
        data = api.get(detail(oud)).json()
        assert data["teLaat"] is True and data["escalatietrede"] >= 1
        assert api.get(detail(rijbewijs)).json()["teLaat"] is False
    assert api.get(detail(oud)).json()["teLaat"] is True  # filed in January: past its term already today
    assert api.get(detail(nieuw)).json()["teLaat"] is False  # filed today: within its term
    assert_problem(api.get(LIJST, {"teLaat": "ja"}), 400, "teLaat")


@pytest.mark.parametrize("params, erin", [
    ({"ingediendVanaf": "2026-01-16"}, True), ({"ingediendTot": "2026-01-15"}, False),
    ({"ingediendVanaf": "2026-01-15", "ingediendTot": "2026-01-15"}, False),
    ({"ingediendVanaf": "0001-01-01", "ingediendTot": "9999-12-31"}, True),  # the calendar's ends: no overflow
    ({"ingediendVanaf": "0001-01-02", "ingediendTot": "9999-12-30"}, True),
])
def test_date_filters_use_the_dutch_calendar_day(api, signaal, params, erin):
    # 23:30 UTC on 15 January is 00:30 on 16 January in the Netherlands.
    Signaal.objects.filter(pk=signaal.pk).update(ingediend_op=dt.datetime(2026, 1, 15, 23, 30, tzinfo=dt.timezone.utc))
    assert (signaal.kenmerk in kenmerken(api.get(LIJST, params))) is erin
