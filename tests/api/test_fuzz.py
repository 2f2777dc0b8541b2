"""Property: no JSON body, however odd, makes POST /signalen (or an answer) fail with a 5xx."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import PROBLEM, signaal_body

pytestmark = pytest.mark.django_db

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(json_scalars, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=20), children, max_size=4), max_leaves=12)

SIGNAAL_VELDEN = list(signaal_body()) + ["soort", "openbaar", "indienendeOrganisatie"]
REACTIE_VELDEN = ["besluit", "toelichting", "niveau", "ondertekendDoor", "toezeggingen"]
interesting_strings = st.sampled_from([
    "", " ", "\u0000", "BWBR0019057", "BWBR9999999", "uwv", "svb", "complexe-regels", "overnemen",
    "niet_overnemen", "politiek", "2026-03-10", "2026-03-11", "9999-12-31", "0001-01-01", "x" * 10_001,
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Robert'); DROP TABLE signalen;--", "%s %(x)s {0}", "111222333",
])


def mutated(velden: list[str], basis: dict):
    """A valid body with some fields replaced by arbitrary or tricky JSON values, or dropped."""
    waarde = json_values | interesting_strings | st.lists(interesting_strings | json_values, max_size=3)
    return st.fixed_dictionaries({}, optional={veld: waarde for veld in velden}).map(
        lambda wijzigingen: {**basis, **wijzigingen})


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]
    if response.status_code >= 400:
        assert response["Content-Type"].startswith(PROBLEM)
        assert response.json()["status"] == response.status_code


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@FUZZ
@given(body=json_values | mutated(SIGNAAL_VELDEN, signaal_body()))
def test_random_bodies_to_post_signalen_never_give_5xx(als, wereld, body):
    response = als(wereld.melder_uwv).post("/api/v1/signalen", json.dumps(body), content_type="application/json")
    assert_no_server_error(response)


@FUZZ
@given(body=json_values | mutated(REACTIE_VELDEN, {"besluit": "overnemen", "toelichting": "Wij passen het aan.",
                                                   "toezeggingen": [{"omschrijving": "Aanpassen", "eigenaar": "DG",
                                                                     "uiterlijk": "2026-06-30"}]}))
def test_random_answers_never_give_5xx(als, signaal, wereld, body):
    response = als(wereld.behandelaar_szw).post(f"/api/v1/signalen/{signaal.uuid}/reacties", json.dumps(body),
                                                content_type="application/json")
    assert_no_server_error(response)


@FUZZ
@given(params=st.dictionaries(
    st.sampled_from(["organisatie", "eigenaar", "regeling", "status", "oorzaak", "ingediendVanaf", "ingediendTot",
                     "zoek", "page", "pageSize", "soort"]),
    interesting_strings | st.text(max_size=30), max_size=4))
def test_random_filters_never_give_5xx(api, wereld, params):
    assert_no_server_error(api.get("/api/v1/signalen", params))
