"""Bad input gives a clear application/problem+json, never a 500; every response has API-Version."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.test import override_settings

from schakel.signalen.models import Signaal

from .conftest import assert_problem, param, signaal_body

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/signalen"


@pytest.fixture
def melder(als, wereld):
    return als(wereld.melder_uwv)


def post_json(client, body, url=LIJST, **extra):
    return client.post(url, body if isinstance(body, (str, bytes)) else json.dumps(body),
                       content_type="application/json", **extra)


# --- references by natural key -----------------------------------------------------------------

def test_unknown_bwb_id(melder):
    data = assert_problem(post_json(melder, signaal_body(regeling="BWBR9999999")), 400, "regeling")

    reden = param(data, "regeling")
    assert reden["code"] == "does_not_exist"
    assert reden["reason"].startswith("Onbekende regeling 'BWBR9999999'")
    assert not Signaal.objects.exists()


def test_malformed_bwb_id(melder):
    data = assert_problem(post_json(melder, signaal_body(regeling="Participatiewet")), 400, "regeling")
    assert "BWBR" in param(data, "regeling")["reason"]


def test_unknown_organisation(melder):
    data = assert_problem(post_json(melder, signaal_body(indienendeOrganisatie="belastingdienst")), 400,
                          "indienendeOrganisatie")
    assert param(data, "indienendeOrganisatie")["code"] == "does_not_exist"


def test_unknown_cause(melder):
    data = assert_problem(post_json(melder, signaal_body(oorzaken=["complexe-regels", "pech"])), 400,
                          "oorzaken.1")
    assert "Onbekende oorzaak 'pech'" in param(data, "oorzaken.1")["reason"]


def test_missing_and_blank_fields_are_named_in_camel_case(melder):
    body = signaal_body(titel="  ")
    del body["getroffenBurgers"]

    data = assert_problem(post_json(melder, body), 400, "titel", "getroffenBurgers")
    assert param(data, "getroffenBurgers")["code"] == "required"
    assert param(data, "getroffenBurgers")["reason"] == "Dit veld is verplicht."
    assert data["detail"] == "De invoer bevat 2 fouten; zie invalidParams."


@pytest.mark.parametrize("veld, waarde", [
    ("titel", 42),
    ("openbaar", "ja"),
    ("aantalGetroffen", "veel"),
    ("aantalGetroffen", -1),
    ("aantalGetroffen", 10**30),
    ("aantalGetroffen", True),
    ("oorzaken", "complexe-regels"),
    ("oorzaken", [{"code": "complexe-regels"}]),
    ("regeling", ["BWBR0019057"]),
    ("soort", "klacht"),
])
def test_wrong_types(melder, veld, waarde):
    response = post_json(melder, signaal_body(**{veld: waarde}))
    data = assert_problem(response, 400)
    assert any(p["name"].split(".")[0] == veld for p in data["invalidParams"]), data


# --- sizes ------------------------------------------------------------------------------

def test_oversize_text(melder):
    data = assert_problem(post_json(melder, signaal_body(praktijk="x" * 10_001)), 400, "praktijk")
    assert param(data, "praktijk")["code"] == "max_length"
    assert "10000" in param(data, "praktijk")["reason"]


def test_oversize_title(melder):
    assert_problem(post_json(melder, signaal_body(titel="t" * 201)), 400, "titel")


def test_too_large_body(melder):
    body = json.dumps(signaal_body(verbetervoorstel="y" * (1024 * 1024)))

    data = assert_problem(post_json(melder, body), 413)
    assert "1 MB" in data["detail"]


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2048)
def test_body_limit_follows_the_django_setting(melder):
    assert_problem(post_json(melder, signaal_body(verbetervoorstel="y" * 3000)), 413)


def test_large_form_body_is_refused_without_reading_it(melder):
    response = melder.post(LIJST, "a=" + "b" * (1024 * 1024 + 10), content_type="application/x-www-form-urlencoded")
    assert_problem(response, 415)


@pytest.mark.parametrize("handler, status, args", [
    ("bad_request", 413, (RequestDataTooBig(),)),
    ("bad_request", 400, (SuspiciousOperation(),)),
    ("permission_denied", 403, (PermissionDenied(),)),
    ("page_not_found", 404, (Http404(),)),
    ("server_error", 500, ()),
])
def test_django_error_handlers_answer_problems_under_api(rf, handler, status, args):
    from schakel.api import problems

    response = getattr(problems, handler)(rf.get("/api/v1/signalen"), *args)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["instance"] == "/api/v1/signalen"


@pytest.mark.parametrize("handler, args", [
    ("bad_request", (SuspiciousOperation(),)),
    ("permission_denied", (PermissionDenied(),)),
    ("page_not_found", (Http404(),)),
    ("server_error", ()),
])
def test_django_error_handlers_leave_html_pages_to_the_web_app(rf, handler, args):
    from schakel.api import problems

    request = rf.get("/signalen")
    request.user = AnonymousUser()
    response = getattr(problems, handler)(request, *args)

    assert response["Content-Type"].startswith("text/html")


# --- content type and JSON -----------------------------------------------------------------

def test_wrong_content_type(melder):
    response = melder.post(LIJST, "titel=Hallo", content_type="text/plain")

    data = assert_problem(response, 415)
    assert "application/json" in data["detail"]


def test_form_data_is_refused(melder):
    assert_problem(melder.post(LIJST, {"titel": "Hallo"}), 415)  # multipart


@pytest.mark.parametrize("body", [
    '{"titel": "Hallo",',
    "{'titel': 'Hallo'}",
    '{"aantalGetroffen": NaN}',  # 1e999 is valid JSON: a field error (tests/beveiliging/test_foutmeldingen.py)
    "[" * 100_000 + "]" * 100_000,
    b'{"titel": "\xff\xfe"}',
])
def test_malformed_json(melder, body):
    data = assert_problem(post_json(melder, body), 400)
    assert "JSON" in data["detail"] or "tekst" in data["detail"]


@pytest.mark.parametrize("body", ["[]", '"tekst"', "42", "null"])
def test_body_must_be_an_object(melder, body):
    data = assert_problem(post_json(melder, body), 400, "nonFieldErrors")
    assert param(data, "nonFieldErrors")["reason"].startswith("Stuur een JSON-object, geen ")


def test_empty_body(melder):
    assert_problem(melder.post(LIJST, "", content_type="application/json"), 400, "titel", "praktijk")


def test_null_and_surrogate_characters(melder):
    assert_problem(post_json(melder, signaal_body(titel="a\u0000b")), 400, "titel")
    assert_problem(post_json(melder, '{"titel": "\\ud800"}'), 400, "titel")


# --- URLs and methods ----------------------------------------------------------------------

@pytest.mark.parametrize("pad", [
    "/api/v1/bestaat-niet",
    "/api/v1/signalen/",  # no trailing slashes
    "/api/v2/signalen",
    "/api/",
])
def test_unknown_url_under_api_is_a_problem(api, wereld, pad):
    data = assert_problem(api.get(pad), 404)
    assert data["type"].startswith("urn:schakel:probleem:")


def test_method_not_allowed(api, wereld):
    data = assert_problem(api.delete("/api/v1/organisaties"), 405)
    assert "DELETE" in data["detail"]


def test_unexpected_error_is_a_problem(api, wereld, monkeypatch):
    from schakel.api import views

    def kapot(user):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "signalen_voor", kapot)

    data = assert_problem(api.get(LIJST), 500)
    assert "boom" not in json.dumps(data)  # no internals leak


def test_throttling_is_a_problem(api, wereld, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    monkey_rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "2/min"}
    try:
        AnonRateThrottle.THROTTLE_RATES = monkey_rates
        api.get("/api/v1/oorzaken")
        api.get("/api/v1/oorzaken")
        response = api.get("/api/v1/oorzaken")
    finally:
        AnonRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    assert_problem(response, 429)
    assert response.has_header("Retry-After")


def test_html_paths_still_get_html_errors(api, wereld):
    response = api.get("/bestaat-niet-in-de-web-app")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/problem+json")


# --- API-Version ---------------------------------------------------------------------------

def test_every_response_under_api_has_the_version_header(api, als, signaal, wereld):
    melder = als(wereld.melder_uwv)
    responses = [
        api.get(LIJST),
        api.get(f"{LIJST}/{signaal.uuid}"),
        api.get(f"{LIJST}/{signaal.uuid}/reacties"),
        api.get(f"{LIJST}/{signaal.uuid}/tijdlijn"),
        api.get("/api/v1/toezeggingen"),
        api.get("/api/v1/organisaties"),
        api.get("/api/v1/organisaties/uwv"),
        api.get("/api/v1/regelingen"),
        api.get("/api/v1/regelingen/BWBR0019057"),
        api.get("/api/v1/oorzaken"),
        api.get("/api/v1/openapi.yaml"),
        api.get("/api/v1/openapi.json"),
        melder.post(LIJST, signaal_body(), format="json"),
        api.post(LIJST, signaal_body(), format="json"),
        melder.post(LIJST, "{", content_type="application/json"),
        melder.post(LIJST, "x", content_type="text/plain"),
        api.get(LIJST, {"status": "fout"}),
        api.get("/api/v1/bestaat-niet"),
        melder.put(LIJST, {}, format="json"),
        api.options(LIJST),
        api.head(LIJST),
    ]
    for response in responses:
        assert response["API-Version"] == "1.0.0", (response.wsgi_request.path, response.status_code)
    assert {r.status_code for r in responses} >= {200, 201, 400, 401, 404, 405, 415}


def test_personal_data_is_refused_per_field(melder):
    body = signaal_body(getroffenBurgers="Mevrouw met BSN 111222333",
                        verbetervoorstel="Mail de uitkomst naar j.jansen@example.com.")

    data = assert_problem(post_json(melder, body), 400, "getroffenBurgers", "verbetervoorstel")
    assert not any(p["name"] == "getroffen_burgers" for p in data["invalidParams"])
    assert not Signaal.objects.exists()


@pytest.mark.parametrize("veld, waarde", [
    ("indienendeOrganisatie", "uwv\u0000"),
    ("oorzaken", ["complexe-regels\u0000"]),
    ("regeling", "BWBR0019057\u0000"),
])
def test_null_characters_in_references_are_refused_before_the_database(melder, veld, waarde):
    data = assert_problem(post_json(melder, signaal_body(**{veld: waarde})), 400)
    assert data["invalidParams"][0]["name"].startswith(veld)
