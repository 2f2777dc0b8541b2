"""GET /api/v1/teamleden: whom a team can invite to a deliberation, so an API client can plan one
(POST /casussen/{uuid}/beraad names participants by user name)."""

import pytest

from schakel.accounts.models import Rol, User
from schakel.maatwerkplaats.models import Beraad

from .test_api import als

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def test_the_team_sees_its_active_members_by_name_and_nobody_else(team):
    User.objects.create_user(username="oud-uwv", password="geheim-wachtwoord-123", rol=Rol.MELDER,
                             organisatie=team.uwv, is_active=False)
    User.objects.create_user(username="zonder-naam-uwv", password="geheim-wachtwoord-123", rol=Rol.BEHANDELAAR,
                             organisatie=team.uwv, first_name="Anna", last_name="de Vries")
    for wie in (team.melder_uwv, team.bestuur_uwv, team.jurist_uwv):
        antwoord = als(wie).get("/api/v1/teamleden")
        assert antwoord.status_code == 200, antwoord.content
        data = antwoord.json()
        assert data["count"] == 5
        assert data["results"] == [
            {"gebruikersnaam": "zonder-naam-uwv", "naam": "Anna de Vries", "rol": "behandelaar"},
            {"gebruikersnaam": "bestuur-uwv", "naam": "Bestuur-uwv", "rol": "bestuur"},
            {"gebruikersnaam": "frontlijn-uwv", "naam": "Frontlijn-uwv", "rol": "melder"},
            {"gebruikersnaam": "jurist-uwv", "naam": "Jurist-uwv", "rol": "behandelaar"},
            {"gebruikersnaam": "melder-uwv", "naam": "Melder-uwv", "rol": "melder"},
        ]
    svb = als(team.behandelaar_svb).get("/api/v1/teamleden").json()
    assert [lid["gebruikersnaam"] for lid in svb["results"]] == ["behandelaar-svb"]


def test_the_names_listed_plan_a_deliberation(team, casus):
    leden = als(team.melder_uwv).get("/api/v1/teamleden").json()["results"]
    jurist, frontlijn = (next(lid["gebruikersnaam"] for lid in leden if lid["rol"] == rol)
                         for rol in ("behandelaar", "melder"))
    antwoord = als(team.melder_uwv).post(f"/api/v1/casussen/{casus.uuid}/beraad", {
        "geplandOp": "2026-03-13", "deelnemers": [{"gebruikersnaam": jurist, "discipline": "juridisch"},
                                                  {"gebruikersnaam": frontlijn, "discipline": "frontlijn"}]},
        format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert set(Beraad.objects.get(casus=casus).deelnemers.values_list("gebruiker__username", flat=True)) == {
        jurist, frontlijn}


def test_outside_a_team_401_or_403_as_problem_json(team):
    assert als().get("/api/v1/teamleden").status_code == 401
    for buiten in (team.minister_szw, team.griffie_szw):
        antwoord = als(buiten).get("/api/v1/teamleden")
        assert antwoord.status_code == 403 and antwoord["Content-Type"].startswith(PROBLEM)
        assert "Maatwerkplaats-team" in antwoord.json()["detail"]
    beheerder = User.objects.create_superuser(username="beheer", password="geheim-wachtwoord-123")
    assert als(beheerder).get("/api/v1/teamleden").status_code == 403  # no organisation, no team


def test_unknown_query_parameters_are_refused_and_pages_work(team):
    assert als(team.melder_uwv).get("/api/v1/teamleden?organisatie=svb").status_code == 400
    pagina = als(team.melder_uwv).get("/api/v1/teamleden?pageSize=2&page=2").json()
    assert pagina["count"] == 4 and [lid["gebruikersnaam"] for lid in pagina["results"]] == ["jurist-uwv",
                                                                                             "melder-uwv"]
