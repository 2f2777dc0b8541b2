"""The brake's bar in a real browser: a professional pulls the brake anonymously, receives the
receipt code, the board of the organisation explains, and the filer reads it with the code."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_reis import inloggen, uitloggen
from tests.noodrem.conftest import UITLEG_NOODREM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITEL = "Uitkeringen worden stopgezet zonder hoor en wederhoor"


def test_pull_anonymously_board_explains_filer_reads_with_receipt(pagina, wereld, screenshot):
    from schakel.signalen.models import Signaal

    page = pagina

    # 1. Someone from SVB, without an account, pulls the brake against UWV's practice.
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Noodrem").click()
    page.get_by_role("link", name="Noodrem trekken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noodrem trekken")
    page.get_by_role("button", name="Noodrem trekken").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text(
        "Kies ten minste één beginsel dat wordt geschonden.")

    page.get_by_label("Tegen de werkwijze of instructie van welke organisatie?").select_option(
        label="Uitvoeringsinstituut Werknemersverzekeringen")
    page.get_by_label("Titel").fill(TITEL)
    page.get_by_label("Wat gebeurt er?").fill(
        "Bij een vermoeden van fraude zet het team de WIA-uitkering direct stop, zonder de burger te horen.")
    page.get_by_label("Wat moet er stoppen?").fill("Stopzetten voordat de burger is gehoord. Bel mij: 06-12345678.")
    page.get_by_label("Evenredigheid").check()
    page.get_by_label("Zorgvuldigheid").check()
    page.get_by_label("Welke burgers worden geraakt?").fill("WIA-gerechtigden bij wie een fraudesignaal binnenkomt")
    page.get_by_label("Om welke regeling gaat het?").select_option(
        label="Wet WIA — Wet werk en inkomen naar arbeidsvermogen (BWBR0019057)")
    page.get_by_label("Bij welke organisatie werkt u?").select_option(label="Sociale Verzekeringsbank")
    page.get_by_role("button", name="Noodrem trekken").click()

    # The personal-data guard names the field and what to remove.
    expect(page.locator("#id_moet_stoppen_error")).to_contain_text("telefoonnummer")
    page.get_by_label("Wat moet er stoppen?").fill("Stopzetten voordat de burger is gehoord.")
    page.get_by_role("button", name="Noodrem trekken").click()

    # 2. The receipt code, shown once.
    expect(page.get_by_role("heading", level=1)).to_have_text("De noodrem is getrokken")
    code = page.locator("[data-ontvangstcode]").inner_text().strip()
    assert len(code) == 24
    expect(page.locator("main")).to_contain_text("Uitvoeringsinstituut Werknemersverzekeringen")
    screenshot(page, "noodrem-01-ontvangstcode")
    signaal = Signaal.objects.get(titel=TITEL)
    assert signaal.indiener is None and signaal.eigenaar_id == wereld.uwv.pk

    # 3. The board of UWV answers with an explain.
    inloggen(page, "bestuur-uwv")
    page.goto(f"/signalen/{signaal.uuid}")
    expect(page.locator("main")).to_contain_text("Evenredigheid, Zorgvuldigheid")
    page.get_by_role("link", name="Reageren: overnemen of uitleggen").click()
    page.get_by_label("Niet overnemen (explain)").check()
    page.get_by_label("Toelichting", exact=True).fill(UITLEG_NOODREM)
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".status")).to_contain_text("Niet overgenomen, met reden")
    screenshot(page, "noodrem-02-bestuur-legt-uit")
    uitloggen(page)

    # 4. The filer opens the brake with the receipt code and reads the explanation.
    page.goto("/noodrem/ontvangstcode")
    page.get_by_label("Ontvangstcode").fill("0000-0000-0000-0000-0000")
    page.get_by_role("button", name="Openen").click()
    expect(page.locator("#id_code_error")).to_contain_text("Deze code kennen we niet")
    page.get_by_label("Ontvangstcode").fill(code)
    page.get_by_role("button", name="Openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITEL)
    expect(page.locator(".status")).to_contain_text("Niet overgenomen, met reden")
    expect(page.locator(".reactie")).to_contain_text("passen de hoorplicht aan")
    page.get_by_label("Uw bericht").fill("Dank u. In regio Oost gebeurt het nog steeds.")
    page.get_by_role("button", name="Bericht versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw bericht is verstuurd.")
    expect(page.locator(".tijdlijn")).to_contain_text("In regio Oost gebeurt het nog steeds.")
    screenshot(page, "noodrem-03-melder-leest-reactie")
