"""API of the Maatwerkplaats: /casussen (team only), /casusprudentie (pseudonymised outside the team)."""

import json

import pytest
from schakel.accounts import apitokens
from rest_framework.test import APIClient

from schakel.maatwerkplaats.models import Casus

from .conftest import CASUS, INTERN, PERSOONSGEGEVENS, breng_in, doorloop_beraad, ken_fix_toe

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def als(user=None) -> APIClient:
    client = APIClient(raise_request_exception=False)
    if user is not None:
        _, api_sleutel = apitokens.maak(user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_sleutel}")
    return client


NIEUW = {"titel": CASUS["titel"], "regeling": "BWBR0019057", "artikel": "art. 35", "reden": "terugvordering",
         "watDeRegelVraagt": CASUS["wat_de_regel_vraagt"], "gevolgVoorBurger": CASUS["gevolg_voor_burger"],
         "bedoelingVanDeWet": CASUS["bedoeling_van_de_wet"], "interneGegevens": INTERN}


def test_bring_in_and_read_as_the_team(team):
    antwoord = als(team.melder_uwv).post("/api/v1/casussen", NIEUW, format="json")
    assert antwoord.status_code == 201, antwoord.content
    casus = Casus.objects.get()
    assert antwoord["Location"] == f"http://testserver/api/v1/casussen/{casus.uuid}"
    assert antwoord.json()["kenmerk"] == casus.kenmerk and antwoord.json()["interneGegevens"] == INTERN
    assert antwoord.json()["herhaling"]["aantal"] == 1
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    data = als(team.bestuur_uwv).get(f"/api/v1/casussen/{casus.uuid}").json()
    assert data["beraad"]["conclusie"]["beginselen"] == ["evenredigheid", "zorgvuldigheid", "gelijkheid"]
    assert {i["discipline"] for i in data["beraad"]["inbreng"]} == {"juridisch", "frontlijn"}
    assert data["fix"]["grondslag"] == "awb_3_4"
    assert "jurist-uwv" not in json.dumps(data)
    assert als(team.melder_uwv).get("/api/v1/casussen").json()["count"] == 1


def test_problems_in_dutch(team):
    antwoord = als(team.melder_uwv).post("/api/v1/casussen", {**NIEUW, "reden": "onbekend", "regeling": "x"},
                                         format="json")
    assert antwoord.status_code == 400 and antwoord["Content-Type"].startswith(PROBLEM)
    antwoord = als(team.minister_szw).post("/api/v1/casussen", NIEUW, format="json")
    assert antwoord.status_code == 403 and antwoord["Content-Type"].startswith(PROBLEM)
    assert als().get("/api/v1/casussen").status_code == 401
    assert als(team.melder_uwv).get("/api/v1/casussen?filter=x").status_code == 400


def test_outsiders_never_see_internal_cases(team, casus):
    for buiten in (team.behandelaar_svb, team.minister_szw, team.griffie_szw):
        assert als(buiten).get("/api/v1/casussen").json()["count"] == 0
        antwoord = als(buiten).get(f"/api/v1/casussen/{casus.uuid}")
        assert antwoord.status_code == 404 and antwoord["Content-Type"].startswith(PROBLEM)


def test_casusprudentie_pseudonymised_outside_the_team(team, casus):
    doorloop_beraad(team, casus, openbaar=True)
    intern = breng_in(team.melder_uwv, team.wia, titel="Niet gepubliceerd")
    doorloop_beraad(team, intern, openbaar=False)
    for buiten in (None, team.behandelaar_svb):
        antwoord = als(buiten).get("/api/v1/casusprudentie", {"zoek": "verrekening"})
        assert antwoord.status_code == 200
        data = antwoord.json()
        assert [u["casus"] for u in data["results"]] == [casus.kenmerk]
        tekst = json.dumps(data, ensure_ascii=False)
        assert "[verwijderd: bsn]" in tekst
        for gegeven in PERSOONSGEGEVENS + ["Jansen", "K-88231"]:
            assert gegeven not in tekst
    eigen = als(team.jurist_uwv).get("/api/v1/casusprudentie").json()
    assert eigen["count"] == 2 and "123456782" in json.dumps(eigen)
