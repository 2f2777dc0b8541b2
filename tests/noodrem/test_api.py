"""API of the brake: principles, pull anonymously, follow with the code, throttling, problems."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import override_settings
from rest_framework.test import APIClient

from schakel.noodrem.models import Bericht
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Signaal

from .conftest import UITLEG_NOODREM

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


def _body(**kw):
    body = {"praktijkVan": "uwv", "titel": "Uitkeringen stopgezet zonder horen",
            "praktijk": "Bij een vermoeden van fraude wordt de uitkering direct stopgezet. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
            "moetStoppen": "Stopzetten zonder horen.", "beginselen": ["evenredigheid", "zorgvuldigheid"],
            "getroffenBurgers": "WIA-gerechtigden", "regeling": "BWBR0019057", "indienendeOrganisatie": "svb"}
    body.update(kw)
    return body


def test_principles_are_listed(wereld):
    response = APIClient().get("/api/v1/beginselen")
    assert response.status_code == 200
    assert response["API-Version"]
    assert [b["code"] for b in response.json()][:3] == ["evenredigheid", "zorgvuldigheid", "rechtszekerheid"]


def test_pull_anonymously_and_follow_with_the_code(wereld):
    client = APIClient()
    response = client.post("/api/v1/noodremmen", _body(), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["eigenaar"] == "uwv" and data["ontvangstcode"] and response["Location"] == data["signaal"]
    assert "no-store" in response["Cache-Control"]
    signaal = Signaal.objects.get()
    assert signaal.indiener is None

    signaalservices.reageer(signaal, actor=wereld.bestuur_uwv, besluit="niet_overnemen",
                            toelichting_tekst=UITLEG_NOODREM)
    inzage = client.post("/api/v1/noodremmen/inzage", {"ontvangstcode": data["ontvangstcode"]}, format="json")
    assert inzage.status_code == 200
    assert inzage.json()["reactie"]["besluit"] == "niet_overnemen"
    assert inzage.json()["eigenaar"] == "uwv"

    bericht = client.post("/api/v1/noodremmen/inzage/berichten",
                          {"ontvangstcode": data["ontvangstcode"], "tekst": "Het gebeurt nog steeds."}, format="json")
    assert bericht.status_code == 201 and bericht.json()["afzender"] == "melder"
    assert Bericht.objects.count() == 1


def test_pull_anonymously_without_naming_an_organisation(wereld):
    body = _body()
    del body["indienendeOrganisatie"]
    response = APIClient().post("/api/v1/noodremmen", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["eigenaar"] == "uwv" and response.json()["ontvangstcode"]
    assert APIClient().post("/api/v1/noodremmen", _body(indienendeOrganisatie=None), format="json").status_code == 201
    for signaal in Signaal.objects.all():
        assert signaal.indienende_organisatie is None and signaal.indiener is None
        detail = APIClient().get(f"/api/v1/signalen/{signaal.uuid}")
        assert detail.status_code == 200 and detail.json()["indienendeOrganisatie"] is None
    lijst = APIClient().get("/api/v1/signalen")
    assert lijst.status_code == 200 and len(lijst.json()["results"]) == 2


def test_wrong_code_is_a_404_problem(wereld):
    response = APIClient().post("/api/v1/noodremmen/inzage", {"ontvangstcode": "0000-0000-0000-0000-0000"},
                                format="json")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Deze ontvangstcode kennen we niet."


@override_settings(SCHAKEL_RATELIMIT_ONTVANGSTCODE="3/m")
def test_code_attempts_are_throttled(wereld):
    client = APIClient()
    for _ in range(3):
        assert client.post("/api/v1/noodremmen/inzage", {"ontvangstcode": "x"}, format="json").status_code in (400, 404)
    response = client.post("/api/v1/noodremmen/inzage", {"ontvangstcode": "x"}, format="json")
    assert response.status_code == 429 and "Retry-After" in response


def test_domain_errors_are_problems_with_camel_case_names(wereld):
    response = APIClient().post("/api/v1/noodremmen", _body(beginselen=[], moetStoppen="Bel 06-12345678."),
                                format="json")
    assert response.status_code == 400
    namen = {p["name"] for p in response.json()["invalidParams"]}
    assert {"beginselen", "moetStoppen"} <= namen
    assert APIClient().post("/api/v1/noodremmen", _body(beginselen=["onbekend"]), format="json").status_code == 400


def test_idempotency_key_is_refused_where_the_answer_holds_a_code(wereld):
    anoniem = APIClient()
    response = anoniem.post("/api/v1/noodremmen", _body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "Idempotency-Key"
    assert Signaal.objects.count() == 0
    ingelogd = APIClient()
    ingelogd.force_authenticate(wereld.melder_cbr)
    assert ingelogd.post("/api/v1/noodremmen", _body(anoniem=True), format="json",
                         HTTP_IDEMPOTENCY_KEY="k-2").status_code == 400
    # With an account and not anonymous, a retried pull is not pulled twice.
    eerste = ingelogd.post("/api/v1/noodremmen", _body(anoniem=False), format="json", HTTP_IDEMPOTENCY_KEY="k-3")
    tweede = ingelogd.post("/api/v1/noodremmen", _body(anoniem=False), format="json", HTTP_IDEMPOTENCY_KEY="k-3")
    assert eerste.status_code == tweede.status_code == 201
    assert eerste.json() == tweede.json() and eerste.json()["ontvangstcode"] is None
    assert Signaal.objects.count() == 1
