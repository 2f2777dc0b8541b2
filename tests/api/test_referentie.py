"""Reference data over the API: organisations, regulations, causes."""

from __future__ import annotations

import pytest

from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_organisaties(api, wereld):
    data = api.get("/api/v1/organisaties", {"pageSize": 100}).json()

    afkortingen = [o["afkorting"] for o in data["results"]]
    assert afkortingen == sorted(afkortingen) and {"szw", "uwv", "cie-szw"} <= set(afkortingen)
    uwv = api.get("/api/v1/organisaties/uwv").json()
    assert uwv["naam"] == "Uitvoeringsinstituut Werknemersverzekeringen"
    assert uwv["soort"] == "uitvoeringsorganisatie" and uwv["opdrachtgever"] == "szw"
    assert uwv["url"].endswith("/api/v1/organisaties/uwv")
    assert api.get("/api/v1/organisaties/szw").json()["kamercommissie"] == "cie-szw"


def test_organisaties_filter_on_soort(api, wereld):
    data = api.get("/api/v1/organisaties", {"soort": "ministerie"}).json()

    assert [o["afkorting"] for o in data["results"]] == ["ienw", "szw"]
    assert_problem(api.get("/api/v1/organisaties", {"soort": "bank"}), 400, "soort")


def test_unknown_organisatie_is_404(api, wereld):
    assert_problem(api.get("/api/v1/organisaties/nasa"), 404)


def test_regelingen(api, wereld):
    wia = api.get("/api/v1/regelingen/BWBR0019057").json()

    assert wia["bwbId"] == "BWBR0019057" and wia["citeertitel"] == "Wet WIA"
    assert wia["eigenaar"] == "szw" and wia["kamercommissie"] == "cie-szw" and wia["uitvoerders"] == ["uwv"]
    assert wia["wettenUrl"] == "https://wetten.overheid.nl/BWBR0019057"
    assert wia["url"].endswith("/api/v1/regelingen/BWBR0019057")
    assert [r["bwbId"] for r in api.get("/api/v1/regelingen", {"eigenaar": "ienw"}).json()["results"]] == [
        "BWBR0006622"]
    assert [r["bwbId"] for r in api.get("/api/v1/regelingen", {"uitvoerder": "uwv"}).json()["results"]] == [
        "BWBR0019057"]
    assert_problem(api.get("/api/v1/regelingen/BWBR9999999"), 404)
    assert_problem(api.get("/api/v1/regelingen", {"eigenaar": "onbekend"}), 400, "eigenaar")


def test_oorzaken(api, wereld):
    data = api.get("/api/v1/oorzaken").json()

    assert data["count"] == 7
    assert data["results"][0] == {
        "code": "complexe-regels", "naam": "Complexe wet- en regelgeving",
        "omschrijving": "Burgers en uitvoeringsorganisaties stuiten op complexe wet- en regelgeving.",
    }


def test_reference_data_is_read_only(als, wereld):
    client = als(wereld.behandelaar_szw)
    assert_problem(client.post("/api/v1/organisaties", {"afkorting": "x"}, format="json"), 405)
    assert_problem(client.delete("/api/v1/regelingen/BWBR0019057"), 405)
