"""Two-step login in a real browser: turn TOTP on with the key from the account page, note a recovery
code, log out, log in with password and code; then with the recovery code, which works only once.
The QR code is inline SVG (no script, no image request: CSP stays strict)."""

from __future__ import annotations

import base64
import time

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from schakel.accounts import tweestap

from .test_reis import WACHTWOORD, inloggen, uitloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def code_uit_app(sleutel: str, stap: int = 0) -> str:
    """What an authenticator app shows for the key typed over from the page."""
    geheim = sleutel.replace(" ", "")
    geheim += "=" * (-len(geheim) % 8)
    totp = TOTP(base64.b32decode(geheim), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * stap
    return f"{totp.token():06d}"


def test_enrol_then_log_in_with_a_code(pagina, wereld, screenshot):
    page = pagina
    inloggen(page, "behandelaar-szw")
    page.get_by_role("link", name="Uw account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw account")
    page.get_by_role("link", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_role("img", name="QR-code voor uw authenticator-app")).to_be_visible()
    sleutel = page.locator("#totp-sleutel").inner_text()
    screenshot(page, "tweestap-instellen")

    page.get_by_label("Code uit de app").fill("000000" if code_uit_app(sleutel) != "000000" else "111111")
    page.get_by_role("button", name="Bevestigen en aanzetten").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("klopt niet")
    assert not tweestap.staat_aan(wereld.behandelaar_szw)
    # django-otp waits after a wrong code (1 s, doubling): let the back-off pass.
    time.sleep(1.2)

    page.get_by_label("Code uit de app").fill(code_uit_app(sleutel))
    page.get_by_role("button", name="Bevestigen en aanzetten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie staat aan")
    codes = page.get_by_role("list", name="Uw herstelcodes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    herstelcode = codes.nth(0).inner_text().strip()
    screenshot(page, "tweestap-herstelcodes")
    page.get_by_role("link", name="Ik heb ze bewaard: naar uw account").click()
    expect(page.locator("#herstelcodes-over")).to_contain_text("nog 10 herstelcodes over")
    expect(page.get_by_text(herstelcode)).to_have_count(0)  # shown once
    uitloggen(page)

    page.goto("/inloggen?next=/inbox")
    page.get_by_label("Gebruikersnaam").fill("behandelaar-szw")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    screenshot(page, "tweestap-code")
    page.get_by_label("Code uit de app").fill(code_uit_app(sleutel, stap=1))  # a new code: each counts once
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    assert page.url.endswith("/inbox")

    uitloggen(page)

    # Phone lost: the noted recovery code logs in instead of a code from the app, once.
    for poging in range(2):
        page.goto("/inloggen?next=/inbox")
        page.get_by_label("Gebruikersnaam").fill("behandelaar-szw")
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("link", name="Inloggen met een herstelcode").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Herstelcode invullen")
        page.get_by_label("Herstelcode").fill(herstelcode.lower())
        page.get_by_role("button", name="Inloggen met herstelcode").click()
        if poging == 0:
            expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
            expect(page.get_by_text("U heeft nog 9 herstelcodes over.")).to_be_visible()
            assert page.url.endswith("/inbox")
            page.get_by_role("link", name="Uw account").click()
            expect(page.locator("#herstelcodes-over")).to_contain_text("nog 9 herstelcodes over")
            uitloggen(page)
        else:
            expect(page.locator("[data-foutsamenvatting]")).to_contain_text("al gebruikt")
            expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
            screenshot(page, "tweestap-herstelcode-al-gebruikt")
    assert tweestap.herstelcodes_over(wereld.behandelaar_szw) == 9
