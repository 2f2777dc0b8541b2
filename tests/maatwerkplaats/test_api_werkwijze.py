"""API of the deliberation, the fix and the solve: the same services and permissions as the web,
problem+json with field names, Idempotency-Key, and the solve's choice of addressee."""

import json

import pytest

from schakel.maatwerkplaats.models import Beraad, CasusStatus, Conclusie, Fix, Geadresseerde, Solve
from schakel.signalen.models import Signaal
from schakel.termijnen.ladder import Trede

from .conftest import INTERN, PERSOONSGEGEVENS, breng_in, doorloop_beraad, ken_fix_toe
from .test_api import als

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def namen(antwoord) -> set[str]:
    assert antwoord["Content-Type"].startswith(PROBLEM), antwoord.content
    return {p["name"] for p in antwoord.json().get("invalidParams", [])}


BERAAD = {"geplandOp": "2026-03-13", "deelnemers": [{"gebruikersnaam": "jurist-uwv", "discipline": "juridisch"},
                                                   {"gebruikersnaam": "frontlijn-uwv", "discipline": "frontlijn"}]}
CONCLUSIE = {"tekst": "Verrekening in één keer is onevenredig; de wet beoogt inkomenszekerheid. In termijnen.",
             "beginselen": ["evenredigheid", "gelijkheid"], "fixAanbevolen": True, "openbaar": True}
FIX = {"wat": "Terugbetaling in 24 maandelijkse termijnen.", "grondslag": "awb_3_4",
       "onderbouwing": "Verrekening in één keer is onevenredig in verhouding tot het doel."}


def solve_invoer(*casussen, geadresseerde="ministerie", **kw):
    return {"casussen": [str(c.uuid) for c in casussen], "geadresseerde": geadresseerde,
            "titel": "Verrekening WIA-voorschot in één keer treft mensen met schulden",
            "getroffenBurgers": "WIA-gerechtigden met een voorschot en schulden",
            "verbetervoorstel": "Verreken in termijnen naar draagkracht.", **kw}


def test_deliberation_fix_and_solve_through_the_api(team, casus):
    url = f"/api/v1/casussen/{casus.uuid}"
    melder, jurist, frontlijn = als(team.melder_uwv), als(team.jurist_uwv), als(team.frontlijn_uwv)
    assert melder.get(f"{url}/beraad").status_code == 404

    # planning: field-level problems, then the deliberation
    antwoord = melder.post(f"{url}/beraad", {**BERAAD, "deelnemers": BERAAD["deelnemers"][:1]}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"deelnemers"}
    antwoord = melder.post(f"{url}/beraad", {"geplandOp": "13-03-2026", "deelnemers": [
        {"gebruikersnaam": "behandelaar-svb", "discipline": "juridisch"},
        {"gebruikersnaam": "frontlijn-uwv", "discipline": "astrologie"}]}, format="json")
    assert antwoord.status_code == 400
    assert namen(antwoord) == {"geplandOp", "deelnemers.1.discipline"}
    antwoord = melder.post(f"{url}/beraad", {**BERAAD, "deelnemers": [
        {"gebruikersnaam": "behandelaar-svb", "discipline": "juridisch"}, BERAAD["deelnemers"][1]]}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"deelnemers.0.gebruikersnaam"}
    antwoord = melder.post(f"{url}/beraad", {**BERAAD, "geplandOp": "2026-03-01"}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"geplandOp"}
    antwoord = melder.post(f"{url}/beraad", BERAAD, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord["Location"].endswith(f"{url}/beraad")
    assert antwoord.json()["geplandOp"] == "2026-03-13"
    assert {i["discipline"] for i in antwoord.json()["inbreng"]} == {"juridisch", "frontlijn"}
    assert melder.post(f"{url}/beraad", BERAAD, format="json").status_code == 409
    assert Beraad.objects.filter(casus=casus).count() == 1

    # views: participants only, once each
    assert als(team.bestuur_uwv).post(f"{url}/beraad/inbreng", {"standpunt": "Ik was er niet bij."},
                                      format="json").status_code == 403
    antwoord = jurist.post(f"{url}/beraad/inbreng", {"standpunt": "Kort"}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"standpunt"}
    assert jurist.post(f"{url}/beraad/inbreng", {"standpunt": "Awb 3:4 lid 2 laat ruimte."},
                       format="json").status_code == 201
    assert jurist.post(f"{url}/beraad/inbreng", {"standpunt": "Nog een keer mijn standpunt."},
                       format="json").status_code == 409

    # the conclusion needs views from two disciplines and principles
    antwoord = jurist.post(f"{url}/beraad/conclusie", {**CONCLUSIE, "beginselen": []}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"tekst", "beginselen"}
    antwoord = frontlijn.post(f"{url}/beraad/inbreng", {"standpunt": "De huur kan niet meer betaald worden."},
                              format="json")
    assert antwoord.status_code == 201
    assert {i["discipline"]: bool(i["standpunt"]) for i in antwoord.json()["inbreng"]} == {
        "juridisch": True, "frontlijn": True}
    antwoord = jurist.post(f"{url}/beraad/conclusie", {**CONCLUSIE, "beginselen": ["geluk"]}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"beginselen.0"}
    antwoord = jurist.post(f"{url}/beraad/conclusie", {**CONCLUSIE, "openbaar": "ja"}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"openbaar"}
    assert melder.post(f"{url}/beraad/conclusie", CONCLUSIE, format="json").status_code == 403  # not a participant
    antwoord = jurist.post(f"{url}/beraad/conclusie", CONCLUSIE, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["beginselen"] == ["evenredigheid", "gelijkheid"] and antwoord.json()["openbaar"] is True
    assert jurist.post(f"{url}/beraad/conclusie", CONCLUSIE, format="json").status_code == 409
    assert Conclusie.objects.count() == 1

    # the fix: a handler or the board, after a conclusion recommending it
    assert frontlijn.post(f"{url}/fix", FIX, format="json").status_code == 403
    antwoord = jurist.post(f"{url}/fix", {**FIX, "grondslag": "willekeur", "wat": 12}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"grondslag", "wat"}
    antwoord = jurist.post(f"{url}/fix", {**FIX, "onderbouwing": "Kort."}, format="json")  # the service's rule
    assert antwoord.status_code == 400 and namen(antwoord) == {"onderbouwing"}
    antwoord = jurist.post(f"{url}/fix", FIX, format="json")
    assert antwoord.status_code == 201 and antwoord.json()["grondslag"] == "awb_3_4"
    assert antwoord["Location"].endswith(f"{url}/fix")
    assert melder.get(f"{url}/fix").json()["wat"] == FIX["wat"]
    assert jurist.post(f"{url}/fix", FIX, format="json").status_code == 409
    casus.refresh_from_db()
    assert casus.status == CasusStatus.GEFIXT and Fix.objects.count() == 1

    # the case as the team sees it, still without participants' names
    data = melder.get(url).json()
    assert data["status"] == "gefixt" and data["beraad"]["conclusie"]["fixAanbevolen"] is True
    assert "jurist-uwv" not in json.dumps(data)


def test_outsiders_get_404_and_the_rest_of_the_team_403(team, casus):
    url = f"/api/v1/casussen/{casus.uuid}"
    for buiten in (team.behandelaar_svb, team.minister_szw, team.behandelaar_szw, team.griffie_szw):
        for pad, body in (("beraad", BERAAD), ("fix", FIX)):
            antwoord = als(buiten).post(f"{url}/{pad}", body, format="json")
            assert antwoord.status_code == 404 and antwoord["Content-Type"].startswith(PROBLEM)
        antwoord = als(buiten).post("/api/v1/solves", solve_invoer(casus), format="json")
        assert antwoord.status_code in (400, 403)
        assert not Solve.objects.exists()
    assert als().post(f"{url}/beraad", BERAAD, format="json").status_code == 401
    # inbreng before the deliberation is planned: a conflict, not a missing page
    antwoord = als(team.jurist_uwv).post(f"{url}/beraad/inbreng", {"standpunt": "Awb 3:4 lid 2."}, format="json")
    assert antwoord.status_code == 409 and antwoord["Content-Type"].startswith(PROBLEM)
    # a fix before a conclusion: a conflict
    assert als(team.jurist_uwv).post(f"{url}/fix", FIX, format="json").status_code == 409
    # a member of another team cannot cite this case
    antwoord = als(team.behandelaar_svb).post("/api/v1/solves", solve_invoer(casus), format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"casussen.0"}
    assert als(team.behandelaar_svb).get("/api/v1/solves").json()["count"] == 0


def test_solve_to_the_ministry_is_public_and_starts_with_its_handlers(team, casus):
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    tweede = breng_in(team.frontlijn_uwv, team.wia)
    antwoord = als(team.frontlijn_uwv).post("/api/v1/solves", solve_invoer(casus, tweede), format="json")
    assert antwoord.status_code == 201, antwoord.content
    data = antwoord.json()
    solve = Solve.objects.get()
    assert data["geadresseerde"] == "ministerie" and data["eigenaar"] == "szw" and data["openbaar"] is True
    assert data["escalatietrede"] == Trede.BEHANDELAAR and data["uitersteReactiedatum"]
    assert set(data["casussen"]) == {str(casus.uuid), str(tweede.uuid)}
    assert antwoord["Location"].endswith(f"/api/v1/solves/{solve.uuid}")
    assert als().get(f"/api/v1/signalen/{solve.signaal.uuid}").status_code == 200
    tekst = json.dumps(als().get(f"/api/v1/signalen/{solve.signaal.uuid}").json(), ensure_ascii=False)
    for gegeven in PERSOONSGEGEVENS + [INTERN]:
        assert gegeven not in tekst
    assert als(team.bestuur_uwv).get(f"/api/v1/solves/{solve.uuid}").json()["kenmerk"] == solve.signaal.kenmerk
    assert als(team.behandelaar_svb).get(f"/api/v1/solves/{solve.uuid}").status_code == 404


def test_solve_to_the_own_board_stays_internal(team, casus):
    antwoord = als(team.melder_uwv).post("/api/v1/solves", solve_invoer(casus, geadresseerde="bestuur"), format="json")
    assert antwoord.status_code == 201, antwoord.content
    data = antwoord.json()
    assert data["geadresseerde"] == "bestuur" and data["eigenaar"] == "uwv" and data["openbaar"] is False
    assert data["escalatietrede"] == Trede.BESTUUR
    signaal = Signaal.objects.get()
    assert als().get(f"/api/v1/signalen/{signaal.uuid}").status_code == 404
    assert als(team.behandelaar_svb).get(f"/api/v1/signalen/{signaal.uuid}").status_code == 404
    assert als(team.bestuur_uwv).get(f"/api/v1/signalen/{signaal.uuid}").status_code == 200
    assert als(team.behandelaar_szw).get(f"/api/v1/signalen/{signaal.uuid}").status_code == 200  # the principal


def test_solve_problems_name_the_field(team, casus):
    client = als(team.melder_uwv)
    antwoord = client.post("/api/v1/solves", solve_invoer(casus, geadresseerde="kamer"), format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"geadresseerde"}
    antwoord = client.post("/api/v1/solves", {**solve_invoer(casus), "casussen": []}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"casussen"}
    antwoord = client.post("/api/v1/solves", {**solve_invoer(casus), "casussen": ["geen-uuid"]}, format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"casussen.0"}
    antwoord = client.post("/api/v1/solves", solve_invoer(casus, getroffenBurgers="Mevrouw met BSN 123456782"),
                           format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"getroffenBurgers"}
    andere = breng_in(team.melder_uwv, team.wvw)
    antwoord = client.post("/api/v1/solves", solve_invoer(casus, andere), format="json")
    assert antwoord.status_code == 400 and namen(antwoord) == {"casussen"}
    assert als(team.minister_szw).post("/api/v1/solves", solve_invoer(casus), format="json").status_code == 403
    assert not Signaal.objects.exists()


def test_idempotency_key_makes_a_retry_safe(team, casus):
    client = als(team.melder_uwv)
    eerste = client.post("/api/v1/solves", solve_invoer(casus, geadresseerde="bestuur"), format="json",
                         HTTP_IDEMPOTENCY_KEY="solve-1")
    tweede = client.post("/api/v1/solves", solve_invoer(casus, geadresseerde="bestuur"), format="json",
                         HTTP_IDEMPOTENCY_KEY="solve-1")
    assert eerste.status_code == tweede.status_code == 201 and eerste.json() == tweede.json()
    assert Solve.objects.count() == 1 and Signaal.objects.count() == 1
    anders = client.post("/api/v1/solves", solve_invoer(casus, geadresseerde="ministerie"), format="json",
                         HTTP_IDEMPOTENCY_KEY="solve-1")
    assert anders.status_code == 422 and Solve.objects.count() == 1
    url = f"/api/v1/casussen/{casus.uuid}/beraad"
    for _ in range(2):
        antwoord = client.post(url, BERAAD, format="json", HTTP_IDEMPOTENCY_KEY="beraad-1")
        assert antwoord.status_code == 201
    assert Beraad.objects.count() == 1
    assert client.post(url, BERAAD, format="json", HTTP_IDEMPOTENCY_KEY="beraad-2").status_code == 409


def test_solve_addressee_of_a_solve_in_the_list(team, casus):
    als(team.melder_uwv).post("/api/v1/solves", solve_invoer(casus, geadresseerde="bestuur"), format="json")
    data = als(team.bestuur_uwv).get("/api/v1/solves").json()
    assert data["count"] == 1 and data["results"][0]["geadresseerde"] == Geadresseerde.BESTUUR
    assert als(team.melder_uwv).get("/api/v1/solves?geadresseerde=bestuur").status_code == 400
