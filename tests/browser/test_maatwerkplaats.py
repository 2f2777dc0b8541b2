"""The Maatwerkplaats's bar in a real browser: two professionals bring similar cases, the
deliberation grants a fix on the first, the second triggers a solve that lands as a signal
citing both cases, without the citizen's personal data. A solve addressed to the team's own
board stays internal and lands in the board's inbox."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_reis import inloggen, uitloggen
from tests.maatwerkplaats.conftest import CASUS, INTERN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


WIA = "Wet WIA — Wet werk en inkomen naar arbeidsvermogen (BWBR0019057)"


def casus_inbrengen(page, titel: str, gevolg: str, intern: str = "") -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Maatwerkplaats").click()
    page.get_by_role("link", name="Casus inbrengen").click()
    page.get_by_label("Titel").fill(titel)
    page.get_by_label("Om welke regeling gaat het?").select_option(label=WIA)
    page.get_by_label("Artikel(en)").fill("art. 35")
    page.get_by_label("Waar knelt het?").select_option(label="Terugvordering of verrekening valt onevenredig uit")
    page.get_by_label("Wat vraagt de regel?").fill(CASUS["wat_de_regel_vraagt"])
    page.get_by_label("Wat doet de regel met deze burger?").fill(gevolg)
    page.get_by_label("Wat is de bedoeling van de wet?").fill(CASUS["bedoeling_van_de_wet"])
    if intern:
        page.get_by_label("Interne gegevens (alleen voor het team)").fill(intern)
    page.get_by_role("button", name="Casus inbrengen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(titel)


def inbreng(page, casus, standpunt: str) -> None:
    page.goto(f"/maatwerkplaats/casussen/{casus.uuid}")
    page.get_by_role("link", name="Naar het beraad").click()
    page.get_by_label("Uw standpunt").fill(standpunt)
    page.get_by_role("button", name="Inbreng vastleggen").click()
    expect(page.get_by_text("Uw inbreng is vastgelegd.")).to_be_visible()


def test_two_similar_cases_a_fix_for_the_first_a_solve_from_the_second(pagina, wereld, screenshot):
    from schakel.accounts.models import Rol, User
    from schakel.maatwerkplaats.models import Casus
    from schakel.signalen.models import Signaal

    for naam, rol in (("jurist-uwv", Rol.BEHANDELAAR), ("frontlijn-uwv", Rol.MELDER)):
        User.objects.create_user(username=naam, password="geheim-wachtwoord-123", rol=rol, organisatie=wereld.uwv,
                                 first_name=naam.split("-")[0].capitalize())
    page = pagina

    # 1. A professional brings the first case; personal data stays in the team.
    inloggen(page, "melder-uwv")
    casus_inbrengen(page, "Voorschot in één keer verrekend", CASUS["gevolg_voor_burger"], INTERN)
    eerste = Casus.objects.get()
    expect(page.locator("main")).to_contain_text(INTERN)

    # 2. A deliberation with a jurist and the front line.
    page.get_by_role("link", name="Moreel beraad plannen").click()
    page.get_by_label("Datum van het beraad").fill("2026-03-13")
    page.get_by_role("button", name="Beraad plannen").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("ten minste twee disciplines")
    page.get_by_label("Jurist (behandelaar)").select_option(label="Juridisch")
    page.get_by_label("Frontlijn (melder)").select_option(label="Frontlijn (balie, klantcontact)")
    page.get_by_role("button", name="Beraad plannen").click()
    expect(page.get_by_text("Het moreel beraad is gepland.")).to_be_visible()
    uitloggen(page)

    inloggen(page, "frontlijn-uwv")
    inbreng(page, eerste, "Aan de balie zien we dat zij de huur deze maand niet kan betalen.")
    uitloggen(page)
    inloggen(page, "jurist-uwv")
    inbreng(page, eerste, "Awb 3:4 lid 2 laat ruimte: de gevolgen zijn onevenredig voor het doel.")
    page.get_by_label("Conclusie van het beraad").fill(
        "Verrekening in één keer is hier onevenredig; de wet beoogt inkomenszekerheid. Verreken in termijnen.")
    page.get_by_label("Evenredigheid").check()
    page.get_by_label("Gelijkheid").check()
    page.get_by_label("Publiceer de conclusie in de casusprudentie").check()
    page.get_by_role("button", name="Conclusie vaststellen").click()
    expect(page.get_by_text("De conclusie van het beraad is vastgesteld.")).to_be_visible()
    screenshot(page, "maatwerkplaats-01-beraad")

    # 3. The fix for this citizen.
    page.get_by_role("link", name="Fix toekennen").click()
    page.get_by_label("Wat doen we voor deze burger?").fill("Terugbetaling in 24 maandelijkse termijnen.")
    page.get_by_label("Awb 3:4 lid 2: de gevolgen zijn onevenredig").check()
    page.get_by_label("Waarom past dit binnen die ruimte?").fill(
        "Verrekening in één keer is onevenredig in verhouding tot het doel van de wet.")
    page.get_by_role("button", name="Fix toekennen").click()
    expect(page.get_by_text("De fix is toegekend.")).to_be_visible()
    expect(page.locator(".status")).to_have_text("Fix toegekend")
    uitloggen(page)

    # 4. A second professional brings a similar case: the team is warned, and files a solve.
    inloggen(page, "frontlijn-uwv")
    casus_inbrengen(page, "Weer een voorschot in één keer verrekend",
                    "Meneer (06-98765432) kan zijn energierekening niet meer betalen na de verrekening.")
    tweede = Casus.objects.exclude(pk=eerste.pk).get()
    expect(page.locator("[data-herhaling]")).to_contain_text("ongelijke behandeling")
    screenshot(page, "maatwerkplaats-02-herhaling")
    page.get_by_role("link", name="Solve indienen").click()
    expect(page.get_by_label(f"{eerste.kenmerk} Voorschot in één keer verrekend (fix toegekend)")).to_be_checked()
    expect(page.get_by_label(f"{tweede.kenmerk} Weer een voorschot in één keer verrekend")).to_be_checked()
    page.get_by_label("Ministerie van Sociale Zaken en Werkgelegenheid, verantwoordelijk voor de regeling").check()
    page.get_by_label("Titel van het signaal").fill("Verrekening WIA-voorschot in één keer treft mensen met schulden")
    page.get_by_label("Welke burgers worden geraakt?").fill("WIA-gerechtigden met een voorschot en schulden")
    page.get_by_label("Verbetervoorstel").fill("Verreken het voorschot in termijnen naar draagkracht.")
    page.get_by_role("button", name="Solve indienen").click()

    # 5. The solve is a public signal to the ministry, citing both cases and the fix; no personal data.
    signaal = Signaal.objects.get()
    expect(page).to_have_url(f"{page.url.split('/signalen/')[0]}/signalen/{signaal.uuid}")
    main = page.locator("main")
    expect(main).to_contain_text(eerste.kenmerk)
    expect(main).to_contain_text(tweede.kenmerk)
    expect(main).to_contain_text("24 maandelijkse termijnen")
    screenshot(page, "maatwerkplaats-03-solve")
    uitloggen(page)
    page.goto(f"/signalen/{signaal.uuid}")
    tekst = page.locator("main").inner_text()
    for gegeven in ("123456782", "NL91ABNA0417164300", "06-12345678", "06-98765432", "Jansen", "K-88231"):
        assert gegeven not in tekst
    assert signaal.eigenaar == wereld.szw and set(signaal.solve.casussen.all()) == {eerste, tweede}


def test_a_solve_to_the_own_board_stays_internal_and_reaches_the_board(pagina, wereld):
    from schakel.signalen.models import Signaal

    page = pagina
    inloggen(page, "melder-uwv")
    casus_inbrengen(page, "Werkinstructie verrekent voorschot in één keer", CASUS["gevolg_voor_burger"], INTERN)
    page.get_by_role("link", name="Solve indienen").click()
    page.get_by_role("button", name="Solve indienen").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("Kies aan wie de solve is gericht")
    page.get_by_label("Het bestuur van Uitvoeringsinstituut Werknemersverzekeringen").check()
    page.get_by_label("Titel van het signaal").fill("Werkinstructie: verreken het voorschot in termijnen")
    page.get_by_label("Welke burgers worden geraakt?").fill("WIA-gerechtigden met een voorschot en schulden")
    page.get_by_role("button", name="Solve indienen").click()
    signaal = Signaal.objects.get()
    expect(page.get_by_text(f"De solve is ingediend als signaal {signaal.kenmerk} bij het bestuur van "
                            "Uitvoeringsinstituut Werknemersverzekeringen")).to_be_visible()
    assert signaal.eigenaar == wereld.uwv and not signaal.openbaar
    uitloggen(page)

    # The board finds it in its inbox, to answer; the public does not see it.
    inloggen(page, "bestuur-uwv")
    page.goto("/inbox")
    page.get_by_role("link", name=f"Te beantwoorden: {signaal.kenmerk}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Werkinstructie: verreken het voorschot")
    uitloggen(page)
    assert page.request.get(f"/signalen/{signaal.uuid}").status == 404  # logged out: not published
