"""API of the uitvoeringstoets: register, assess, answer, read; problem+json on errors."""

import datetime as dt

import pytest
from schakel.accounts import apitokens
from rest_framework.test import APIClient

from schakel.toetsen import services
from tests.conftest import GOEDE_UITLEG

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def als(user=None) -> APIClient:
    client = APIClient(raise_request_exception=False)
    if user is not None:
        _, api_sleutel = apitokens.maak(user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_sleutel}")
    return client


BODY = {"soort": "amendement", "kamerstuk": "36 123, nr. 5", "titel": "Amendement WIA-voorschot",
        "omschrijving": "Terugbetalen in termijnen.", "regelingen": ["BWBR0019057"], "ministerie": "szw",
        "kamercommissie": "cie-szw", "uitvoerders": ["uwv", "svb"]}


def test_register_assess_answer_and_read_publicly(wereld):
    r = als(wereld.behandelaar_szw).post("/api/v1/voorstellen", BODY, format="json")
    assert r.status_code == 201, r.content
    assert r["Location"] == f"http://testserver/api/v1/voorstellen/{r.json()['uuid']}"
    uuid = r.json()["uuid"]
    assert [t["organisatie"] for t in r.json()["uitvoeringstoetsen"]] == ["svb", "uwv"]
    assert r.json()["uitvoeringstoetsen"][0]["termijnen"][0]["uitersteDatum"] == "2026-04-24"

    toets = {"organisatie": "uwv", "oordeel": "niet_uitvoerbaar", "doenvermogen": "Burgers betalen zelf.",
             "kostenEenmalig": 4_000_000, "kostenStructureel": 0, "risicos": "Systeem kan het niet.",
             "alternatieven": "Verrekenen.", "afwijkendStandpunt": "Team X is het oneens."}
    assert als(wereld.behandelaar_svb).post(f"/api/v1/voorstellen/{uuid}/uitvoeringstoetsen", toets,
                                            format="json").status_code == 403
    r = als(wereld.bestuur_uwv).post(f"/api/v1/voorstellen/{uuid}/uitvoeringstoetsen", toets, format="json")
    assert r.status_code == 201, r.content
    assert r.json()["afwijkendStandpunt"] == "Team X is het oneens." and r.json()["status"] == "ingediend"
    toets_uuid = r.json()["uuid"]

    antwoord = f"/api/v1/voorstellen/{uuid}/uitvoeringstoetsen/{toets_uuid}/antwoord"
    r = als(wereld.minister_szw).post(antwoord, {"besluit": "niet_overnemen", "toelichting": "Nee.",
                                                 "ondertekendDoor": "Minister"}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert {p["name"] for p in r.json()["invalidParams"]} == {"toelichting"}
    r = als(wereld.minister_szw).post(antwoord, {"besluit": "niet_overnemen", "toelichting": GOEDE_UITLEG,
                                                 "ondertekendDoor": "Minister"}, format="json")
    assert r.status_code == 201, r.content
    assert r.json()["antwoord"]["besluit"] == "niet_overnemen"

    r = als().get(f"/api/v1/voorstellen/{uuid}")
    assert r.status_code == 200
    assert {t["organisatie"]: t["status"] for t in r.json()["uitvoeringstoetsen"]} == {
        "uwv": "beantwoord", "svb": "gevraagd"}


def test_errors_are_problems(wereld):
    assert als().post("/api/v1/voorstellen", BODY, format="json").status_code in (401, 403)
    assert als(wereld.melder_uwv).post("/api/v1/voorstellen", BODY, format="json").status_code == 403
    r = als(wereld.behandelaar_szw).post("/api/v1/voorstellen", {**BODY, "kamerstuk": "36123"}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert [p["name"] for p in r.json()["invalidParams"]] == ["kamerstuk"]
    assert als().get("/api/v1/voorstellen/00000000-0000-0000-0000-000000000000").status_code == 404
    assert als().get("/api/v1/voorstellen?onbekend=1").status_code == 400


def test_invoeringstoetsen_with_comparison(wereld):
    services.plan_invoeringstoets(actor=wereld.behandelaar_szw, regeling=wereld.wia,
                                  inwerkingtreding=dt.date(2026, 1, 1))
    r = als().get("/api/v1/invoeringstoetsen")
    assert r.status_code == 200
    [toets] = r.json()["results"] if "results" in r.json() else r.json()
    assert toets["geplandOp"] == "2027-01-04" and toets["regeling"] == "BWBR0019057"
    assert toets["vergelijking"] == [{"organisatie": "uwv", "oordeelVooraf": None, "signalenSindsInvoering": 0,
                                      "noodremmen": 0, "rapportageIngediend": False,
                                      "uitkomst": "Geen uitvoeringstoets vooraf"}]
    assert als().get(f"/api/v1/invoeringstoetsen/{toets['uuid']}").status_code == 200
