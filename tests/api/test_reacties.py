"""Answers (comply or explain), revisions, forwarding and the timeline over the API."""

from __future__ import annotations

import pytest

from schakel.signalen.models import Reactie, Toezegging
from schakel.signalen.workflow import Status

from .conftest import GOEDE_UITLEG, assert_problem, maak_signaal, param, toezegging

pytestmark = pytest.mark.django_db


def url(signaal, sub: str = "") -> str:
    return f"/api/v1/signalen/{signaal.uuid}{sub}"


def overnemen(*toezeggingen, **extra) -> dict:
    return {"besluit": "overnemen", "toelichting": "We maken betaling in termijnen mogelijk.",
            "toezeggingen": list(toezeggingen), **extra}


def uitleg(tekst: str = GOEDE_UITLEG, **extra) -> dict:
    return {"besluit": "niet_overnemen", "toelichting": tekst, **extra}


# --- comply and explain ----------------------------------------------------------------------

def test_comply_with_commitments(als, api, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), overnemen(
        toezegging(), toezegging("2026-12-31", omschrijving="Brief aan betrokkenen", eigenaar="Team communicatie"),
    ), format="json")

    assert response.status_code == 201, response.content
    assert response["Location"] == f"http://testserver{url(signaal, '/reacties')}"
    data = response.json()
    assert data["versie"] == 1 and data["besluit"] == "overnemen" and data["niveau"] == "ambtelijk"
    assert data["organisatie"] == "szw"
    assert [t["uiterlijk"] for t in data["toezeggingen"]] == ["2026-06-30", "2026-12-31"]
    eerste = data["toezeggingen"][0]
    assert eerste["status"] == "open" and eerste["verlopen"] is False and eerste["organisatie"] == "szw"
    assert eerste["signaal"].endswith(url(signaal))
    assert eerste["url"].endswith(f"/api/v1/toezeggingen/{eerste['uuid']}")
    assert Toezegging.objects.filter(signaal=signaal).count() == 2
    signaal_data = api.get(url(signaal)).json()
    assert signaal_data["status"] == "beantwoord"
    assert signaal_data["actueleReactie"]["toezeggingen"][1]["eigenaar"] == "Team communicatie"


def test_explain(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), uitleg(), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["besluit"] == "niet_overnemen"
    assert response.json()["toezeggingen"] == []


def test_political_answer_by_the_minister(als, signaal, wereld):
    response = als(wereld.minister_szw).post(url(signaal, "/reacties"), uitleg(
        niveau="politiek", ondertekendDoor="De minister van Sociale Zaken en Werkgelegenheid"), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["niveau"] == "politiek"
    assert response.json()["ondertekendDoor"] == "De minister van Sociale Zaken en Werkgelegenheid"


def test_political_answer_needs_a_signatory(als, signaal, wereld):
    response = als(wereld.minister_szw).post(url(signaal, "/reacties"), uitleg(niveau="politiek"), format="json")

    assert_problem(response, 400, "ondertekendDoor")  # the service's snake_case key, camelCased


def test_revision_is_version_2_and_version_1_stays_listed(als, api, signaal, wereld):
    behandelaar = als(wereld.behandelaar_szw)
    assert behandelaar.post(url(signaal, "/reacties"), uitleg(), format="json").status_code == 201

    response = behandelaar.post(url(signaal, "/reacties"), overnemen(toezegging()), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["versie"] == 2
    versies = api.get(url(signaal, "/reacties")).json()
    assert versies["count"] == 2
    assert [(r["versie"], r["besluit"]) for r in versies["results"]] == [(1, "niet_overnemen"), (2, "overnemen")]
    assert api.get(url(signaal)).json()["actueleReactie"]["versie"] == 2


def test_other_organisation_cannot_answer(als, signaal, wereld):
    response = als(wereld.behandelaar_svb).post(url(signaal, "/reacties"), uitleg(), format="json")

    assert_problem(response, 403)
    assert not Reactie.objects.exists()


def test_permission_is_checked_before_the_body(als, signaal, wereld):
    response = als(wereld.behandelaar_svb).post(url(signaal, "/reacties"), {"besluit": 12}, format="json")

    assert_problem(response, 403)


def test_filer_cannot_answer_own_signal(als, signaal, wereld):
    assert_problem(als(wereld.melder_uwv).post(url(signaal, "/reacties"), uitleg(), format="json"), 403)


def test_anonymous_cannot_answer(api, signaal):
    assert_problem(api.post(url(signaal, "/reacties"), uitleg(), format="json"), 401)


def test_answering_an_invisible_signal_is_404(als, wereld):
    geheim = maak_signaal(wereld.melder_cbr, wereld.wvw, openbaar=False)

    assert_problem(als(wereld.behandelaar_szw).post(url(geheim, "/reacties"), uitleg(), format="json"), 404)


# --- one test per bad answer -------------------------------------------------------------------

def test_comply_without_commitments(als, signaal, wereld):
    data = assert_problem(als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), overnemen(), format="json"),
                          400, "toezeggingen")
    assert "toezegging" in param(data, "toezeggingen")["reason"]


def test_commitment_without_due_date(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), overnemen(toezegging(None)),
                                                format="json")
    data = assert_problem(response, 400, "toezeggingen.0.uiterlijk")
    assert param(data, "toezeggingen.0.uiterlijk")["code"] == "required"


def test_commitment_with_null_due_date(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), overnemen(
        toezegging(), {**toezegging(), "uiterlijk": None}), format="json")

    assert_problem(response, 400, "toezeggingen.1.uiterlijk")


def test_commitment_due_in_the_past(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), overnemen(toezegging("2026-03-10")),
                                                format="json")
    data = assert_problem(response, 400, "toezeggingen.0.uiterlijk")
    assert "verleden" in param(data, "toezeggingen.0.uiterlijk")["reason"]


def test_commitment_due_today_is_fine(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), overnemen(toezegging("2026-03-11")),
                                                format="json")
    assert response.status_code == 201, response.content


def test_commitment_with_bad_date_and_missing_owner(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), overnemen(
        toezegging(), toezegging("30-06-2026", eigenaar="")), format="json")

    data = assert_problem(response, 400, "toezeggingen.1.uiterlijk", "toezeggingen.1.eigenaar")
    assert "JJJJ-MM-DD" in param(data, "toezeggingen.1.uiterlijk")["reason"]
    assert not any(p["name"].startswith("toezeggingen.0") for p in data["invalidParams"])


def test_empty_explain(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), uitleg("   "), format="json")

    data = assert_problem(response, 400, "toelichting")
    assert "reden" in param(data, "toelichting")["reason"]


def test_boilerplate_explain(als, signaal, wereld):
    standaard = ("Bedankt voor uw signaal. Wij hebben kennisgenomen van uw signaal. Er is geen aanleiding om "
                 "het beleid aan te passen, dit is conform beleid. Wij nemen dit mee. Dit is niet mogelijk.")
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), uitleg(standaard), format="json")

    data = assert_problem(response, 400, "toelichting")
    assert "standaardzinnen" in param(data, "toelichting")["reason"]


def test_copied_explain(als, signaal, wereld):
    ander = maak_signaal(wereld.melder_uwv, wereld.wia, titel="Ander signaal")
    behandelaar = als(wereld.behandelaar_szw)
    assert behandelaar.post(url(ander, "/reacties"), uitleg(), format="json").status_code == 201

    response = behandelaar.post(url(signaal, "/reacties"), uitleg(), format="json")

    data = assert_problem(response, 400, "toelichting")
    assert ander.kenmerk in param(data, "toelichting")["reason"]


def test_explain_with_commitments_is_refused(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), uitleg(toezeggingen=[toezegging()]),
                                                format="json")
    assert_problem(response, 400, "toezeggingen")


def test_unknown_decision(als, signaal, wereld):
    data = assert_problem(als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), uitleg(besluit="misschien"),
                                                           format="json"), 400, "besluit")
    assert "'overnemen'" in param(data, "besluit")["reason"]


# --- forwarding ------------------------------------------------------------------------------

def test_forward(als, api, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/doorverwijzingen"), {
        "naar": "uwv", "reden": "De uitvoering van artikel 35 ligt bij UWV."}, format="json")

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["van"] == "szw" and data["naar"] == "uwv"
    assert data["reden"] == "De uitvoering van artikel 35 ligt bij UWV."
    assert data["signaal"].endswith(url(signaal))
    assert api.get(url(signaal)).json()["eigenaar"] == "uwv"
    # the new owner may now answer, the old one may not
    assert_problem(als(wereld.behandelaar_szw).post(url(signaal, "/reacties"), uitleg(), format="json"), 403)


def test_forward_to_unknown_organisation(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/doorverwijzingen"), {
        "naar": "nasa", "reden": "Hoort elders."}, format="json")

    data = assert_problem(response, 400, "naar")
    assert "Onbekende organisatie 'nasa'" in param(data, "naar")["reason"]


def test_forward_without_reason(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/doorverwijzingen"), {"naar": "uwv", "reden": ""},
                                                format="json")
    assert_problem(response, 400, "reden")


def test_forward_to_current_owner(als, signaal, wereld):
    response = als(wereld.behandelaar_szw).post(url(signaal, "/doorverwijzingen"), {
        "naar": "szw", "reden": "Blijft hier."}, format="json")
    assert_problem(response, 400, "naar")


def test_forward_after_answer_is_a_conflict(als, signaal, wereld):
    behandelaar = als(wereld.behandelaar_szw)
    behandelaar.post(url(signaal, "/reacties"), uitleg(), format="json")

    response = behandelaar.post(url(signaal, "/doorverwijzingen"), {"naar": "uwv", "reden": "Toch elders."},
                                format="json")

    data = assert_problem(response, 409)
    assert "doorgestuurd" in data["detail"]
    signaal.refresh_from_db()
    assert signaal.status == Status.BEANTWOORD and signaal.eigenaar == wereld.szw


def test_forward_by_other_organisation(als, signaal, wereld):
    response = als(wereld.behandelaar_svb).post(url(signaal, "/doorverwijzingen"), {
        "naar": "svb", "reden": "Wij willen het."}, format="json")
    assert_problem(response, 403)


def test_get_on_forwarding_is_405(als, signaal, wereld):
    data = assert_problem(als(wereld.behandelaar_szw).get(url(signaal, "/doorverwijzingen")), 405)
    assert "GET" in data["detail"]


# --- timeline --------------------------------------------------------------------------------

def test_timeline(als, api, signaal, wereld):
    behandelaar = als(wereld.behandelaar_szw)
    behandelaar.post(url(signaal, "/doorverwijzingen"), {"naar": "uwv", "reden": "Uitvoering ligt bij UWV."},
                     format="json")
    als(wereld.bestuur_uwv).post(url(signaal, "/reacties"), overnemen(toezegging()), format="json")

    response = api.get(url(signaal, "/tijdlijn"))

    assert response.status_code == 200
    events = response.json()["results"]
    acties = [e["actie"] for e in events]
    kern = [a for a in acties if a in {"ingediend", "gerouteerd", "doorgestuurd", "beantwoord"}]
    assert kern == ["ingediend", "gerouteerd", "doorgestuurd", "beantwoord"]  # oldest first
    doorgestuurd = events[acties.index("doorgestuurd")]
    assert doorgestuurd["actor"] == "Behandelaar, Ministerie van Sociale Zaken en Werkgelegenheid"
    assert doorgestuurd["toelichting"] == "Uitvoering ligt bij UWV."
    assert doorgestuurd["voor"]["eigenaar"] == "szw" and doorgestuurd["na"]["eigenaar"] == "uwv"
    assert "uitersteReactiedatum" in doorgestuurd["na"]  # snapshot keys are camelCase too
    assert events[acties.index("beantwoord")]["na"]["reactieVersie"] == 1
    assert set(events[0]) == {"tijdstip", "actie", "actor", "toelichting", "voor", "na"}
