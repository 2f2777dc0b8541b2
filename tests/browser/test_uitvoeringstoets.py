"""The issue's bar in a real browser: an amendment, two assessments (one 'not feasible' with a
dissent), the minister answers one and misses the term on the other, which escalates to the committee."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from schakel.core import clock
from schakel.toetsen.models import Toetstermijn
from tests.browser.test_reis import inloggen, uitloggen
from tests.conftest import GOEDE_UITLEG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DISSENT = "Het team Handhaving vindt het voorstel wel uitvoerbaar als de termijnen handmatig worden vastgesteld."


def test_amendment_assessed_answered_and_escalated(pagina, wereld, screenshot):
    page = pagina

    # 1. SZW registers an amendment to the WIA, to be carried out by UWV and SVB.
    inloggen(page, "behandelaar-szw")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Voorstellen").click()
    page.get_by_role("link", name="Voorstel registreren").click()
    page.get_by_role("button", name="Voorstel registreren").click()
    samenvatting = page.locator("[data-foutsamenvatting]")
    expect(samenvatting).to_be_focused()
    page.get_by_label("Amendement").check()
    page.get_by_label("Kamerstuknummer").fill("36123 nr 5")
    page.get_by_label("Titel").fill("Amendement: WIA-voorschot in termijnen terugbetalen")
    page.get_by_label("Wat verandert er?").fill("Het voorschot op de WIA-uitkering wordt in termijnen terugbetaald.")
    page.get_by_label("Welke regelingen wijzigt het voorstel?").select_option(
        label="Wet WIA — Wet werk en inkomen naar arbeidsvermogen (BWBR0019057)")
    page.get_by_label("Uitvoeringsinstituut Werknemersverzekeringen").check()
    page.get_by_label("Sociale Verzekeringsbank").check()
    page.get_by_role("button", name="Voorstel registreren").click()
    expect(samenvatting).to_contain_text("36 123, nr. 5")  # the number is validated
    page.get_by_label("Kamerstuknummer").fill("36 123, nr. 5")
    page.get_by_role("button", name="Voorstel registreren").click()
    expect(page.get_by_role("status")).to_contain_text("2 uitvoerders zijn om een uitvoeringstoets gevraagd")
    expect(page.get_by_role("heading", level=1)).to_have_text("Amendement: WIA-voorschot in termijnen terugbetalen")
    voorstel_url = page.url
    assert re.search(r"/voorstellen/[0-9a-f-]{36}$", voorstel_url)
    uitloggen(page)

    # 2. UWV: not feasible, with a dissent.
    inloggen(page, "bestuur-uwv")
    page.goto(voorstel_url)
    page.get_by_role("link", name="Uitvoeringstoets invullen").click()
    page.get_by_label("Niet uitvoerbaar").check()
    page.get_by_label("Gevolgen voor het doenvermogen van burgers").fill("Burgers moeten elke maand zelf betalen.")
    page.get_by_label("Eenmalige kosten (euro)").fill("4000000")
    page.get_by_label("Structurele kosten (euro per jaar)").fill("500000")
    page.get_by_label("Risico's").fill("Het betaalsysteem kan geen termijnen naar draagkracht aan.")
    page.get_by_label("Alternatieven").fill("Verrekenen met de uitkering in plaats van termijnen.")
    page.get_by_label("Dilemma's en keuzes voor de politiek").fill("Maatwerk tegen uitvoerbaarheid.")
    page.get_by_label("Afwijkend standpunt").fill(DISSENT)
    page.get_by_role("button", name="Uitvoeringstoets indienen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw uitvoeringstoets is ingediend")
    uitloggen(page)

    # 3. SVB: feasible under conditions.
    inloggen(page, "behandelaar-svb")
    page.goto(voorstel_url)
    page.get_by_role("link", name="Uitvoeringstoets invullen").click()
    page.get_by_label("Uitvoerbaar onder voorwaarden").check()
    page.get_by_role("button", name="Uitvoeringstoets indienen").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("Noem de voorwaarden")
    page.get_by_role("textbox", name="Voorwaarden").fill("Een jaar voor aanpassing van de systemen.")
    page.get_by_label("Benodigde invoeringstijd (maanden)").fill("12")
    page.get_by_label("Gevolgen voor het doenvermogen van burgers").fill("Geen: het gaat automatisch.")
    page.get_by_label("Eenmalige kosten (euro)").fill("1000000")
    page.get_by_label("Structurele kosten (euro per jaar)").fill("0")
    page.get_by_label("Risico's").fill("Samenloop met de AOW.")
    page.get_by_role("button", name="Uitvoeringstoets indienen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw uitvoeringstoets is ingediend")
    uitloggen(page)

    # 4. The minister answers UWV's assessment (explain), and not SVB's.
    inloggen(page, "minister-szw")
    page.goto(voorstel_url)
    tabel = page.locator("table.toetsen-naast-elkaar").first
    expect(tabel.locator("th[scope=col]").nth(1)).to_have_text("Sociale Verzekeringsbank")
    expect(tabel.locator("th[scope=col]").nth(2)).to_have_text("Uitvoeringsinstituut Werknemersverzekeringen")
    expect(tabel.locator(".afwijkend-standpunt").nth(1)).to_contain_text(DISSENT)
    page.get_by_role("link", name="Beantwoorden voor Uitvoeringsinstituut Werknemersverzekeringen").click()
    page.get_by_label("Niet overnemen: ik leg uit waarom niet").check()
    page.get_by_label("Toelichting").fill("Geen aanleiding.")
    page.get_by_label("Ondertekend door (bewindspersoon)").fill("Minister van Sociale Zaken en Werkgelegenheid")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("De reden is te kort")
    page.get_by_label("Toelichting").fill(GOEDE_UITLEG)
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw antwoord op de uitvoeringstoets van Uitvoeringsinstituut")
    screenshot(page, "toets-01-oordelen-naast-elkaar")
    uitloggen(page)

    # 5. The term for the SVB answer passes; the sweep escalates it to the committee.
    termijn = Toetstermijn.objects.get(uitvoeringstoets__organisatie=wereld.svb, fase="antwoord")
    dag_erna = termijn.uiterste_datum + dt.timedelta(days=1)
    clock.freeze(dt.datetime(dag_erna.year, dag_erna.month, dag_erna.day, 9, tzinfo=dt.timezone.utc))
    call_command("toets_sweep", verbosity=0)
    call_command("toets_sweep", verbosity=0)  # idempotent

    inloggen(page, "griffie-szw")
    page.goto(voorstel_url)
    tabel = page.locator("table.toetsen-naast-elkaar").first
    svb, uwv = tabel.locator("tbody tr").nth(1).locator("td").nth(0), tabel.locator("tbody tr").nth(1).locator("td").nth(1)
    expect(svb).to_contain_text("Ligt bij: Kamercommissie, Vaste commissie voor Sociale Zaken en Werkgelegenheid")
    expect(svb).to_contain_text("Geëscaleerd")
    expect(uwv).to_contain_text("Beantwoord door de bewindspersoon")
    expect(tabel.locator(".antwoord").nth(1)).to_contain_text("Niet overgenomen, met reden")
    expect(page.get_by_role("list").filter(has_text="Termijn verstreken, geëscaleerd")).to_have_count(1)
    screenshot(page, "toets-02-geescaleerd-naar-commissie")
