"""Error messages are plain Dutch and never show Python's internals (issue 22): a 5,000-digit
number or a lone UTF-16 surrogate gets a field-level message, in the API and in the web forms."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st
from rest_framework.test import APIClient

from schakel.accounts import apitokens

INTERN = ("Exceeds", "digits", "Surrogate", "surrogates not allowed", "sys.", "Traceback", "codec", "int_max_str")
GROOT = "9" * 5000
GROOT_MERK = "<5000 cijfers>"  # in generated bodies: written out as GROOT, a bare JSON number


@pytest.fixture
def api(wereld):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {apitokens.maak(wereld.melder_uwv)[1]}")
    return client


def _post(api, body: str, url: str = "/api/v1/signalen"):
    antwoord = api.post(url, body.encode("utf-8"), content_type="application/json")
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400, tekst
    assert not any(woord in tekst for woord in INTERN), tekst
    return antwoord.json()


def _reden(data, naam):
    return next(p["reason"] for p in data["invalidParams"] if p["name"] == naam)


@pytest.mark.parametrize("veld", ["aantalGetroffen", "titel", "regeling"])
def test_a_5000_digit_number_is_too_large_on_its_field(api, veld):
    data = _post(api, f'{{"{veld}": {GROOT}}}')
    assert _reden(data, veld) == "Dit getal is te groot."


def test_too_large_numbers_anywhere(api):
    assert _reden(_post(api, f'{{"beginselen": [1, {GROOT}]}}', "/api/v1/noodremmen"), "beginselen") == \
        "Dit getal is te groot."
    assert _reden(_post(api, '{"aantalGetroffen": 1e999}'), "aantalGetroffen") == "Dit getal is te groot."
    assert _reden(_post(api, f"[{GROOT}]"), "body") == "Dit getal is te groot."


@pytest.mark.parametrize("veld", ["titel", "eigenaar", "regeling", "praktijk"])
def test_lone_surrogates_are_refused_on_their_field(api, veld):
    data = _post(api, f'{{"{veld}": "a\\ud800b"}}')
    assert "ongeldige tekens" in _reden(data, veld)


def test_lone_surrogates_in_keys_and_nested_values(api):
    assert "ongeldige tekens" in _reden(_post(api, '{"\\udc00": 1}'), "body")
    assert "ongeldige tekens" in _reden(_post(api, '{"beginselen": ["\\udfff"]}', "/api/v1/noodremmen"), "beginselen")
    # A valid pair (an emoji written as two escapes) is ordinary text.
    data = _post(api, '{"titel": "\\ud83d\\ude00"}')
    assert all(p["name"] != "titel" or "ongeldige tekens" not in p["reason"] for p in data["invalidParams"])


def test_receipt_code_endpoint_too(wereld):
    client = APIClient()
    data = _post(client, '{"ontvangstcode": "\\ud800"}', "/api/v1/noodremmen/inzage")
    assert "ongeldige tekens" in _reden(data, "ontvangstcode")


json_waarden = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10),
              st.just(GROOT_MERK), st.sampled_from(["\ud800", "x\udc00y"])),
    lambda binnen: st.one_of(st.lists(binnen, max_size=3), st.dictionaries(st.text(max_size=5), binnen, max_size=3)),
    max_leaves=8)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(st.sampled_from(["titel", "praktijk", "regeling", "eigenaar", "aantalGetroffen"]),
                            json_waarden, min_size=1, max_size=4))
def test_no_body_shows_internals(api, body):
    tekst = json.dumps(body, ensure_ascii=True).replace(json.dumps(GROOT_MERK), GROOT)
    antwoord = api.post("/api/v1/signalen", tekst.encode(), content_type="application/json")
    assert antwoord.status_code == 400
    assert not any(woord in antwoord.content.decode() for woord in INTERN)


# --- Web forms -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url,veld", [("/signalen/nieuw", "aantal_getroffen")])
def test_web_forms_answer_huge_numbers_and_broken_text_in_dutch(wereld, url, veld):
    client = Client()
    client.force_login(wereld.melder_uwv)
    antwoord = client.post(url, f"titel=a%ED%A0%80b&{veld}={GROOT}", content_type="application/x-www-form-urlencoded")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert not any(woord in html for woord in INTERN)
    assert "Vul een getal in" in html or "geheel getal" in html
