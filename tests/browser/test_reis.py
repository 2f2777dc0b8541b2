"""The journey the issue sets as the bar, in a real browser.

A professional of UWV files a signal about the Wet WIA; the handler at SZW (the owner)
answers with an explain; an anonymous visitor reads signal and answer on the public page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import GOEDE_UITLEG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WACHTWOORD = "geheim-wachtwoord-123"
TITEL = "Voorschot WIA in één keer terugvorderen treft mensen met schulden"


def inloggen(page, gebruikersnaam: str) -> None:
    page.goto("/inloggen")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def uitloggen(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()
    expect(page.get_by_role("link", name="Inloggen", exact=True)).to_be_visible()


def test_file_answer_with_explain_and_read_it_publicly(pagina, wereld, screenshot):
    page = pagina

    # 1. The professional of UWV logs in and files a signal about the Wet WIA.
    inloggen(page, "melder-uwv")
    expect(page.locator(".gebruiker")).to_contain_text("Melder, Uitvoeringsinstituut Werknemersverzekeringen")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal indienen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal indienen")

    # Sending the empty form shows the error summary, focused, with links to the fields.
    page.get_by_role("button", name="Signaal indienen").click()
    samenvatting = page.locator("[data-foutsamenvatting]")
    expect(samenvatting).to_be_focused()
    expect(samenvatting).to_contain_text("Er zijn 3 problemen")
    samenvatting.get_by_role("link", name="Geef het signaal een titel.").click()
    expect(page.get_by_label("Titel")).to_be_focused()
    screenshot(page, "01-signaal-indienen-fouten")

    page.get_by_label("Titel").fill(TITEL)
    page.get_by_label("Wat gebeurt er in de praktijk?").fill(
        "Wie een voorschot op de WIA-uitkering kreeg, moet dat in één keer terugbetalen zodra de uitkering "
        "is toegekend. Mensen met schulden raken daardoor verder in de problemen.")
    page.get_by_label("Welke burgers worden geraakt?").fill("WIA-aanvragers met een voorschot en schulden")
    page.get_by_label("Hoeveel burgers worden ongeveer geraakt?").fill("1200")
    page.get_by_label("Over welke regeling gaat het?").select_option(
        label="Wet WIA — Wet werk en inkomen naar arbeidsvermogen (BWBR0019057)")
    page.get_by_label("Artikel(en)").fill("art. 35")
    page.get_by_label("Wat stelt u voor?").fill("Sta terugbetaling in termijnen toe, afgestemd op de beslagvrije voet.")
    page.get_by_label("Complexe wet- en regelgeving").check()
    expect(page.get_by_label("Maak dit signaal openbaar")).to_be_checked()
    page.get_by_role("button", name="Signaal indienen").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Uw signaal is ingediend en doorgestuurd naar Ministerie van Sociale Zaken en Werkgelegenheid; "
        "uiterste reactiedatum 24 april 2026.")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITEL)
    expect(page.locator(".status")).to_contain_text("In behandeling bij Ministerie van Sociale Zaken en Werkgelegenheid")
    signaal_url = page.url
    assert re.search(r"/signalen/[0-9a-f-]{36}$", signaal_url)
    screenshot(page, "02-signaal-ingediend")
    uitloggen(page)

    # 2. The handler at SZW answers with an explain.
    inloggen(page, "behandelaar-szw")
    page.goto(signaal_url)
    page.get_by_role("link", name="Reageren: overnemen of uitleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reageren op het signaal")
    toezeggingen = page.locator("[data-toezeggingen]")
    expect(toezeggingen).to_be_visible()
    page.get_by_label("Niet overnemen (explain)").check()
    expect(toezeggingen).to_be_hidden()  # progressive enhancement: no commitments with an explain

    page.get_by_label("Toelichting", exact=True).fill("Geen aanleiding.")
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("De reden is te kort")
    expect(page.locator("#id_toelichting_error")).to_contain_text("De reden is te kort")
    expect(toezeggingen).to_be_hidden()
    screenshot(page, "03-reageren-fout")

    page.get_by_label("Toelichting", exact=True).fill(GOEDE_UITLEG)
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw reactie is opgeslagen")
    expect(page.locator(".status")).to_contain_text("Niet overgenomen, met reden")
    uitloggen(page)

    # 3. An anonymous visitor finds it in the list and reads signal and answer.
    page.goto("/signalen")
    page.get_by_role("textbox", name="Zoeken").fill("voorschot schulden")
    page.get_by_role("button", name="Toon signalen").click()
    expect(page.get_by_role("heading", name="1 signaal gevonden")).to_be_visible()
    screenshot(page, "04-signalen-openbaar")
    page.get_by_role("link", name=TITEL).click()
    assert page.url == signaal_url
    expect(page.locator(".status")).to_contain_text("Niet overgenomen, met reden")
    reactie = page.locator(".reactie")
    expect(reactie).to_contain_text("Waarom het voorstel niet wordt overgenomen")
    expect(reactie).to_contain_text("de wet zelf schrijft verrekening voor")
    expect(page.locator(".tijdlijn")).to_contain_text("Reactie gegeven")
    expect(page.locator(".tijdlijn")).to_contain_text("Behandelaar, Ministerie van Sociale Zaken en Werkgelegenheid")
    expect(page.get_by_role("link", name="Reageren: overnemen of uitleggen")).to_have_count(0)
    for naam in ("melder-uwv", "behandelaar-szw", "Melder-uwv", "Behandelaar-szw"):
        expect(page.locator("main")).not_to_contain_text(naam)
    screenshot(page, "05-signaal-openbaar-met-reactie")


def test_keyboard_user_reaches_the_skip_link_first(pagina, wereld):
    pagina.goto("/")
    pagina.keyboard.press("Tab")
    skiplink = pagina.get_by_role("link", name="Direct naar de inhoud")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_visible()
    pagina.keyboard.press("Enter")
    assert pagina.url.endswith("#inhoud")


def test_comply_with_commitments_in_the_browser(pagina, wereld, signaal, screenshot):
    page = pagina
    inloggen(page, "behandelaar-szw")
    page.goto(f"/signalen/{signaal.uuid}/reageren")
    page.get_by_label("Overnemen (comply)").check()
    page.get_by_label("Toelichting", exact=True).fill("We maken aflossen in termijnen mogelijk.")
    eerste = page.get_by_role("group", name="Toezegging 1")
    eerste.get_by_label("Wat wordt er gedaan?").fill("Beleidsregel terugvordering aanpassen")
    eerste.get_by_label("Door wie?").fill("Directie Uitvoering")
    eerste.get_by_label("Uiterlijk").fill("2026-04-30")
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".status")).to_contain_text("Overgenomen")
    tabel = page.get_by_role("table")
    expect(tabel).to_contain_text("Beleidsregel terugvordering aanpassen")
    expect(tabel).to_contain_text("30 april 2026")
    screenshot(page, "06-signaal-overgenomen")
