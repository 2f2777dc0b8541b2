"""Commitments over the API: list with filters, detail, fulfilment."""

from __future__ import annotations

import datetime as dt

import pytest

from schakel.core import clock
from schakel.signalen import services
from schakel.signalen.models import ToezeggingStatus

from .conftest import assert_problem, maak_signaal

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/toezeggingen"


def beloof(signaal, actor, *data: str):
    reactie = services.reageer(
        signaal, actor=actor, besluit="overnemen", toelichting_tekst="We passen de regeling aan.",
        toezeggingen=[services.NieuweToezegging(f"Actie {d}", "Directie AV", dt.date.fromisoformat(d)) for d in data],
    )
    return list(reactie.toezeggingen.order_by("uiterlijk"))


@pytest.fixture
def toezeggingen(signaal, wereld):
    """SZW promised three things; one is overdue by the time the clock moves to 2026-05-01."""
    return beloof(signaal, wereld.behandelaar_szw, "2026-04-01", "2026-06-30", "2026-09-30")


def nakoming(toezegging) -> str:
    return f"{LIJST}/{toezegging.uuid}/nakoming"


def uuids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [t["uuid"] for t in response.json()["results"]]


def test_list_and_detail(api, toezeggingen):
    assert uuids(api.get(LIJST)) == [str(t.uuid) for t in toezeggingen]  # earliest due date first

    data = api.get(f"{LIJST}/{toezeggingen[0].uuid}").json()
    assert data["omschrijving"] == "Actie 2026-04-01"
    assert data["eigenaar"] == "Directie AV"
    assert data["uiterlijk"] == "2026-04-01"
    assert data["status"] == "open" and data["verlopen"] is False
    assert data["nagekomenOp"] is None and data["toelichtingNakoming"] == ""


def test_filter_overdue(api, toezeggingen):
    with clock.travel(dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.timezone.utc)):
        assert uuids(api.get(LIJST, {"verlopen": "true"})) == [str(toezeggingen[0].uuid)]
        assert uuids(api.get(LIJST, {"verlopen": "false"})) == [str(t.uuid) for t in toezeggingen[1:]]
        assert api.get(f"{LIJST}/{toezeggingen[0].uuid}").json()["verlopen"] is True


def test_filter_status_organisation_and_signal(api, als, toezeggingen, wereld):
    ander = maak_signaal(wereld.melder_cbr, wereld.wvw)
    [ienw] = beloof(ander, wereld.behandelaar_ienw, "2026-07-01")
    als(wereld.behandelaar_szw).post(nakoming(toezeggingen[1]), {"toelichting": "Gedaan."}, format="json")

    assert uuids(api.get(LIJST, {"organisatie": "ienw"})) == [str(ienw.uuid)]
    assert uuids(api.get(LIJST, {"status": "nagekomen"})) == [str(toezeggingen[1].uuid)]
    assert len(uuids(api.get(LIJST, {"status": "open", "organisatie": "szw"}))) == 2
    assert uuids(api.get(LIJST, {"signaal": str(ander.uuid)})) == [str(ienw.uuid)]


@pytest.mark.parametrize("params, naam", [
    ({"verlopen": "ja"}, "verlopen"),
    ({"status": "klaar"}, "status"),
    ({"organisatie": "onbekend"}, "organisatie"),
    ({"signaal": "geen-uuid"}, "signaal"),
    ({"eigenaar": "szw"}, "eigenaar"),
])
def test_bad_filters(api, wereld, params, naam):
    assert_problem(api.get(LIJST, params), 400, naam)


def test_commitments_of_invisible_signals_are_hidden(api, als, wereld):
    geheim = maak_signaal(wereld.melder_uwv, wereld.wia, openbaar=False)
    [t] = beloof(geheim, wereld.behandelaar_szw, "2026-07-01")

    assert uuids(api.get(LIJST)) == []
    assert_problem(api.get(f"{LIJST}/{t.uuid}"), 404)
    assert_problem(als(wereld.behandelaar_ienw).post(nakoming(t), {"toelichting": "x"}, format="json"), 404)
    assert uuids(als(wereld.behandelaar_szw).get(LIJST)) == [str(t.uuid)]


def test_fulfil(api, als, toezeggingen, wereld):
    response = als(wereld.behandelaar_szw).post(nakoming(toezeggingen[0]), {
        "toelichting": "De beleidsregel is per 1 maart aangepast."}, format="json")

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "nagekomen"
    assert data["nagekomenOp"] == "2026-03-11"
    assert data["toelichtingNakoming"] == "De beleidsregel is per 1 maart aangepast."
    toezeggingen[0].refresh_from_db()
    assert toezeggingen[0].status == ToezeggingStatus.NAGEKOMEN
    tijdlijn = api.get(f"/api/v1/signalen/{toezeggingen[0].signaal.uuid}/tijdlijn").json()["results"]
    assert "toezegging_nagekomen" in [e["actie"] for e in tijdlijn]


def test_fulfil_twice_is_a_conflict(als, toezeggingen, wereld):
    client = als(wereld.behandelaar_szw)
    assert client.post(nakoming(toezeggingen[0]), {"toelichting": "Gedaan."}, format="json").status_code == 200

    assert_problem(client.post(nakoming(toezeggingen[0]), {"toelichting": "Nog eens."}, format="json"), 409)


def test_fulfil_needs_an_explanation(als, toezeggingen, wereld):
    response = als(wereld.behandelaar_szw).post(nakoming(toezeggingen[0]), {"toelichting": ""}, format="json")
    assert_problem(response, 400, "toelichting")


def test_only_the_promising_organisation_may_fulfil(als, api, toezeggingen, wereld):
    assert_problem(als(wereld.behandelaar_svb).post(nakoming(toezeggingen[0]), {"toelichting": "Gedaan."},
                                                    format="json"), 403)
    assert_problem(als(wereld.melder_uwv).post(nakoming(toezeggingen[0]), {"toelichting": "Gedaan."},
                                               format="json"), 403)
    assert_problem(api.post(nakoming(toezeggingen[0]), {"toelichting": "Gedaan."}, format="json"), 401)
