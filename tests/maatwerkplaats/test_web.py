"""Pages of the Maatwerkplaats: forms with Dutch errors, the internal case hidden from outsiders,
the published casusprudentie pseudonymised, no CSP violations."""

import pytest
from django.core.cache import cache
from django.test import Client

from schakel.maatwerkplaats.models import Casus, CasusStatus
from schakel.signalen.models import Signaal
from tests.web.html import csp_schendingen, zichtbare_tekst

from .conftest import CASUS, INTERN, PERSOONSGEGEVENS, breng_in, doorloop_beraad, ken_fix_toe

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


def als(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def pagina(client, url, status=200):
    antwoord = client.get(url)
    assert antwoord.status_code == status, (url, antwoord.status_code)
    html = antwoord.content.decode()
    assert csp_schendingen(html) == []
    return zichtbare_tekst(html)


def test_bring_in_a_case_with_dutch_errors_then_the_case_page(team):
    client = als(team.melder_uwv)
    assert "Maatwerkplaats" in pagina(client, "/maatwerkplaats")
    antwoord = client.post("/maatwerkplaats/casussen/nieuw", {"titel": ""})
    tekst = zichtbare_tekst(antwoord.content.decode())
    assert antwoord.status_code == 200 and "Kies de regeling waarover de casus gaat." in tekst
    assert "Kies waar de regel knelt." in tekst
    gegevens = {**CASUS, "regeling": team.wia.pk}
    antwoord = client.post("/maatwerkplaats/casussen/nieuw", gegevens)
    casus = Casus.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == f"/maatwerkplaats/casussen/{casus.uuid}"
    tekst = pagina(client, antwoord.url)
    assert casus.kenmerk in tekst and INTERN in tekst and "Moreel beraad plannen" in tekst


def test_deliberation_fix_and_solve_through_the_pages(team):
    casus = breng_in(team.melder_uwv, team.wia)
    client = als(team.melder_uwv)
    antwoord = client.post(f"/maatwerkplaats/casussen/{casus.uuid}/beraad/plannen",
                           {"gepland_op": "13-03-2026", f"deelnemer_{team.jurist_uwv.pk}": "juridisch"})
    assert "ten minste twee disciplines" in zichtbare_tekst(antwoord.content.decode())
    antwoord = client.post(f"/maatwerkplaats/casussen/{casus.uuid}/beraad/plannen",
                           {"gepland_op": "13-03-2026", f"deelnemer_{team.jurist_uwv.pk}": "juridisch",
                            f"deelnemer_{team.frontlijn_uwv.pk}": "frontlijn"})
    assert antwoord.status_code == 302
    jurist, frontlijn = als(team.jurist_uwv), als(team.frontlijn_uwv)
    beraad_url = f"/maatwerkplaats/casussen/{casus.uuid}/beraad"
    assert "Inbreng vastleggen" in pagina(jurist, beraad_url)
    assert jurist.post(beraad_url, {"actie": "inbreng", "inbreng-standpunt": "Onevenredig: Awb 3:4 lid 2."}).status_code == 302
    assert frontlijn.post(beraad_url, {"actie": "inbreng", "inbreng-standpunt": "De huur kan niet meer betaald worden."}).status_code == 302
    from schakel.noodrem.models import Beginsel

    evenredigheid = Beginsel.objects.get(code="evenredigheid")
    antwoord = jurist.post(beraad_url, {"actie": "conclusie", "conclusie-tekst": "Te kort."})
    tekst = zichtbare_tekst(antwoord.content.decode())
    assert "Noem ten minste één beginsel" in tekst
    antwoord = jurist.post(beraad_url, {"actie": "conclusie", "conclusie-tekst": "Verrekening in één keer is onevenredig; in termijnen.",
                                        "conclusie-beginselen": [evenredigheid.pk], "conclusie-fix_aanbevolen": "on",
                                        "conclusie-openbaar": "on"})
    assert antwoord.status_code == 302
    antwoord = jurist.post(f"/maatwerkplaats/casussen/{casus.uuid}/fix",
                           {"wat": "Terugbetaling in 24 termijnen.", "grondslag": "awb_3_4",
                            "onderbouwing": "In één keer is onevenredig in verhouding tot het doel."})
    assert antwoord.status_code == 302
    casus.refresh_from_db()
    assert casus.status == CasusStatus.GEFIXT
    tweede = breng_in(team.frontlijn_uwv, team.wia)
    tekst = pagina(frontlijn, f"/maatwerkplaats/casussen/{tweede.uuid}")
    assert "ongelijke behandeling" in tekst and "Solve indienen" in tekst
    assert "ongelijke behandeling" in pagina(frontlijn, "/maatwerkplaats")
    inbox = pagina(als(team.bestuur_uwv), "/inbox")
    assert "Casus komt vaker voor: 2 vergelijkbare casussen over Wet WIA" in inbox
    assert "Casus komt vaker voor" not in pagina(als(team.behandelaar_svb), "/inbox")
    solve_url = f"/maatwerkplaats/casussen/{tweede.uuid}/solve"
    tekst = pagina(frontlijn, solve_url)
    assert "Het bestuur van Uitvoeringsinstituut Werknemersverzekeringen" in tekst
    assert "Ministerie van Sociale Zaken en Werkgelegenheid, verantwoordelijk voor de regeling" in tekst
    invoer = {"casussen": [casus.pk, tweede.pk], "titel": "Verrekening WIA-voorschot in één keer",
              "getroffen_burgers": "WIA-gerechtigden met schulden"}
    antwoord = frontlijn.post(solve_url, invoer)
    assert "Kies aan wie de solve is gericht" in zichtbare_tekst(antwoord.content.decode())
    assert not Signaal.objects.exists()
    antwoord = frontlijn.post(solve_url, {**invoer, "geadresseerde": "ministerie"})
    signaal = Signaal.objects.get()
    assert signaal.eigenaar == team.szw and signaal.openbaar
    assert antwoord.status_code == 302 and antwoord.url == f"/signalen/{signaal.uuid}"
    openbaar = pagina(als(), f"/signalen/{signaal.uuid}")
    assert casus.kenmerk in openbaar and tweede.kenmerk in openbaar
    for gegeven in PERSOONSGEGEVENS + ["Jansen"]:
        assert gegeven not in openbaar


def test_outsiders_do_not_see_internal_cases(team, casus):
    for buiten in (team.behandelaar_svb, team.minister_szw, team.behandelaar_szw):
        assert als(buiten).get(f"/maatwerkplaats/casussen/{casus.uuid}").status_code == 404
        assert als(buiten).get(f"/maatwerkplaats/casussen/{casus.uuid}/beraad").status_code == 404
    assert als(team.minister_szw).get("/maatwerkplaats").status_code == 403
    assert als().get("/maatwerkplaats").status_code == 302  # to the log-in page
    assert "Maatwerkplaats" not in [link.tekst for link in als(team.minister_szw).get("/").context["navigatie"]]
    assert als(team.bestuur_uwv).get(f"/maatwerkplaats/casussen/{casus.uuid}").status_code == 200


def test_casusprudentie_public_and_pseudonymised_for_outsiders(team, casus):
    doorloop_beraad(team, casus, openbaar=True)
    ken_fix_toe(team, casus)
    intern = breng_in(team.melder_uwv, team.wia, titel="Interne casus die niet gepubliceerd is")
    doorloop_beraad(team, intern, openbaar=False)
    for buiten in (None, team.behandelaar_svb):
        tekst = pagina(als(buiten), "/casusprudentie?zoek=onevenredig")
        assert casus.kenmerk in tekst and "[verwijderd: bsn]" in tekst and "Evenredigheid" in tekst
        assert "Interne casus" not in tekst
        for gegeven in PERSOONSGEGEVENS + ["Jansen", "K-88231"]:
            assert gegeven not in tekst
    eigen = pagina(als(team.jurist_uwv), "/casusprudentie")
    assert "Interne casus" in eigen and "Niet gepubliceerd" in eigen
    assert "0 conclusies" in pagina(als(), "/casusprudentie?zoek=kinderopvang")


def test_solve_to_the_own_board_through_the_pages(team, casus):
    client = als(team.frontlijn_uwv)
    antwoord = client.post(f"/maatwerkplaats/casussen/{casus.uuid}/solve", {
        "casussen": [casus.pk], "geadresseerde": "bestuur", "titel": "Werkinstructie verrekening voorschot",
        "getroffen_burgers": "WIA-gerechtigden met schulden"}, follow=True)
    signaal = Signaal.objects.get()
    assert signaal.eigenaar == team.uwv and not signaal.openbaar
    tekst = zichtbare_tekst(antwoord.content.decode())
    assert f"ingediend als signaal {signaal.kenmerk} bij het bestuur van Uitvoeringsinstituut" in tekst
    assert "Reactie uiterlijk" in tekst
    assert als().get(f"/signalen/{signaal.uuid}").status_code == 404
    assert als(team.behandelaar_svb).get(f"/signalen/{signaal.uuid}").status_code == 404
    assert als(team.bestuur_uwv).get(f"/signalen/{signaal.uuid}").status_code == 200
    casuspagina = pagina(client, f"/maatwerkplaats/casussen/{casus.uuid}")
    assert "aan het bestuur van Uitvoeringsinstituut Werknemersverzekeringen (intern)" in casuspagina


def test_a_new_case_does_not_list_itself_as_similar(team, casus):
    client = als(team.melder_uwv)
    tekst = pagina(client, f"/maatwerkplaats/casussen/{casus.uuid}")
    assert "Vergelijkbare casussen (0)" in tekst and "nog geen andere casus" in tekst
    tweede = breng_in(team.frontlijn_uwv, team.wia, titel="Tweede casus")
    tekst = pagina(client, f"/maatwerkplaats/casussen/{casus.uuid}")
    assert "Vergelijkbare casussen (1)" in tekst and tweede.kenmerk in tekst
    assert f"{casus.kenmerk} (deze casus)" not in tekst
