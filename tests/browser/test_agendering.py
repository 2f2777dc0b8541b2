"""The agendering bar in a real browser: a Kamerlid follows a regulation, three organisations
file signals about the same problem, the handler bundles them into a knelpunt, it crosses the
organisations threshold and appears on the committee's agenda and in the Atom feed."""

from __future__ import annotations

import feedparser
import pytest
from playwright.sync_api import expect

from schakel.knelpunten.models import Knelpunt
from schakel.signalen.models import Signaal

from tests.browser.test_reis import inloggen, uitloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITEL_KNELPUNT = "WIA-voorschot moet in één keer terug"
BETEKENIS = ("Wie een voorschot op de WIA kreeg, moet dat in één keer terugbetalen. Mensen met schulden raken zo "
             "dieper in de problemen. De wet laat geen betaling in termijnen toe; dat moet de wetgever regelen.")


def _dien_in_via_service(indiener, regeling, titel):
    from schakel.signalen import services

    return services.dien_in(
        indiener=indiener, titel=titel, regeling=regeling, artikelen="art. 35", aantal_getroffen=300,
        praktijk="Het voorschot op de WIA-uitkering moet in één keer worden terugbetaald zodra de uitkering is "
                 "toegekend; mensen met schulden komen daardoor verder in de knel.",
        getroffen_burgers="WIA-aanvragers met een voorschot en schulden",
        verbetervoorstel="Sta terugbetaling van het voorschot in termijnen toe.")


def test_kamerlid_follows_regulation_knelpunt_crosses_threshold_and_lands_on_agenda(pagina, wereld, screenshot):
    from schakel.accounts.models import Rol, User
    from schakel.knelpunten.models import Agendering
    from schakel.organisaties.models import Organisatie, OrganisatieSoort

    page = pagina
    utrecht = Organisatie.objects.create(afkorting="utrecht", naam="Gemeente Utrecht",
                                         soort=OrganisatieSoort.GEMEENTE)
    melder_utrecht = User.objects.create_user(username="melder-utrecht", password="geheim-wachtwoord-123",
                                              rol=Rol.MELDER, organisatie=utrecht)

    # 1. The Kamerlid (committee SZW) follows the Wet WIA on its regulation page.
    inloggen(page, "griffie-szw")
    page.goto(f"/regelingen/{wereld.wia.bwb_id}")
    expect(page.get_by_role("heading", name="Open knelpunten")).to_be_visible()
    page.get_by_role("button", name="Deze regeling volgen").click()
    expect(page.get_by_role("status")).to_contain_text("U volgt nu Wet WIA")
    expect(page.locator("main")).to_contain_text("U volgt deze regeling.")
    uitloggen(page)

    # 2. Three organisations file signals about the same problem: UWV in the browser, SVB and Utrecht.
    inloggen(page, "melder-uwv")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal indienen").click()
    page.get_by_label("Titel").fill("Voorschot WIA in één keer terugvorderen treft mensen met schulden")
    page.get_by_label("Wat gebeurt er in de praktijk?").fill(
        "Wie een voorschot op de WIA-uitkering kreeg, moet dat in één keer terugbetalen zodra de uitkering "
        "is toegekend. Mensen met schulden raken daardoor verder in de problemen.")
    page.get_by_label("Welke burgers worden geraakt?").fill("WIA-aanvragers met een voorschot en schulden")
    page.get_by_label("Hoeveel burgers worden ongeveer geraakt?").fill("1200")
    page.get_by_label("Over welke regeling gaat het?").select_option(
        label="Wet WIA — Wet werk en inkomen naar arbeidsvermogen (BWBR0019057)")
    page.get_by_label("Artikel(en)").fill("art. 35")
    page.get_by_role("button", name="Signaal indienen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw signaal is ingediend")
    uitloggen(page)
    svb = _dien_in_via_service(wereld.behandelaar_svb, wereld.wia, "Terugvordering WIA-voorschot ineens: schulden")
    gemeente = _dien_in_via_service(melder_utrecht, wereld.wia, "Schuldhulp ziet WIA-voorschot ineens teruggevorderd")

    # 3. The handler at SZW makes a knelpunt of the first signal and confirms the suggestions.
    inloggen(page, "behandelaar-szw")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Knelpunten").click()
    eerste = Signaal.objects.get(titel__startswith="Voorschot WIA in één keer terugvorderen")
    page.get_by_role("link", name=f"Knelpunt maken of toevoegen voor {eerste.kenmerk}").click()
    page.get_by_role("button", name="Knelpunt maken").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("Schrijf in één alinea wat dit knelpunt betekent voor beleid.")
    page.get_by_label("Titel").fill(TITEL_KNELPUNT)
    page.get_by_label("Wat betekent dit voor beleid").fill(BETEKENIS)
    page.get_by_role("button", name="Knelpunt maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITEL_KNELPUNT)
    suggesties = page.locator("section", has=page.get_by_role("heading", name="Voorgestelde signalen"))
    expect(suggesties).to_contain_text(svb.kenmerk)
    expect(suggesties).to_contain_text(gemeente.kenmerk)
    screenshot(page, "agendering-01-voorstellen")
    page.get_by_role("button", name=f"Toevoegen {svb.kenmerk}").click()
    expect(page.get_by_role("status").first).to_contain_text(f"{svb.kenmerk} is toegevoegd")
    assert not Agendering.objects.exists()
    page.get_by_role("button", name=f"Toevoegen {gemeente.kenmerk}").click()
    expect(page.locator("main")).to_contain_text(
        "Op de agenda van de Vaste commissie voor Sociale Zaken en Werkgelegenheid")
    expect(page.locator("main")).to_contain_text("3 organisaties meldden dit knelpunt")
    screenshot(page, "agendering-02-geagendeerd")
    uitloggen(page)

    # 4. The Kamerlid finds it on the committee's agenda and in the feed of the followed regulation.
    inloggen(page, "griffie-szw")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Agenda commissie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaste commissie voor Sociale Zaken en Werkgelegenheid")
    item = page.locator(".agenda__item").first
    expect(item).to_contain_text(TITEL_KNELPUNT)
    expect(item).to_contain_text("Wat dit betekent voor beleid")
    expect(item).to_contain_text("Nog geen antwoord.")
    screenshot(page, "agendering-03-agenda")
    feed_url = page.get_by_role("link", name="Atom-feed").last.get_attribute("href")
    assert "regeling=BWBR0019057" in feed_url
    antwoord = page.request.get(feed_url)
    assert antwoord.ok
    feed = feedparser.parse(antwoord.body())
    knelpunt = Knelpunt.objects.get(titel=TITEL_KNELPUNT)
    assert not feed.bozo and [e.title for e in feed.entries] == [f"{knelpunt.kenmerk} {TITEL_KNELPUNT}"]
