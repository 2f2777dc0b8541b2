"""In a real browser: a signal passes its deadline (clock moved), the sweep runs, the board finds it
in its inbox, and the public pages show it as overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from schakel.core import clock
from tests.termijnen.conftest import bestuurders, op  # noqa: F401  (fixture shared with the deadline tests)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def inloggen(page, gebruikersnaam: str) -> None:
    page.goto("/inloggen")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_overdue_signal_escalates_to_the_boards_inbox_and_shows_publicly(
        pagina, browser, live_server, signaal, bestuurders, screenshot):  # noqa: F811
    page = pagina
    # Six weeks pass without an answer: the deadline was Friday 24 April 2026.
    clock.freeze(op(dt.date(2026, 4, 28)))
    call_command("escalate", "--no-mail")

    inloggen(page, "bestuur-szw")
    page.goto("/inbox")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox")
    geescaleerd = page.locator("section", has=page.get_by_role("heading", name="Naar u geëscaleerd (1)"))
    expect(geescaleerd.get_by_role("link", name=signaal.titel)).to_be_visible()
    expect(geescaleerd).to_contain_text("Termijn overschreden, 1 werkdag te laat, geëscaleerd naar de ambtelijke "
                                        "top (DG/SG) van Ministerie van Sociale Zaken en Werkgelegenheid "
                                        "(reageren uiterlijk 13 mei 2026).")
    expect(page.get_by_text(f"Naar u geëscaleerd: {signaal.kenmerk} {signaal.titel}")).to_be_visible()
    screenshot(page, "escalatie-01-inbox-bestuur")

    geescaleerd.get_by_role("link", name=signaal.titel).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(signaal.titel)
    expect(page.locator(".tijdlijn")).to_contain_text("verstreek op 24-04-2026 zonder reactie")

    # Anyone, not logged in, sees that the deadline was missed.
    publiek = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    publiek.goto(f"/signalen/{signaal.uuid}")
    expect(publiek.locator(".tijdlijn")).to_contain_text(
        "De termijn van de behandelaars van Ministerie van Sociale Zaken en Werkgelegenheid verstreek op "
        "24-04-2026 zonder reactie.")
    publiek.goto(f"/signalen/{signaal.uuid}/termijn")
    expect(publiek.locator(".status")).to_contain_text("Termijn overschreden, 1 werkdag te laat")
    expect(publiek.get_by_role("table")).to_contain_text("Niet op tijd: geëscaleerd")
    screenshot(publiek, "escalatie-02-termijn-openbaar")
    publiek.goto("/termijnen")
    expect(publiek.get_by_role("heading", name="1 signaal te laat")).to_be_visible()
    expect(publiek.get_by_role("link", name=signaal.titel)).to_be_visible()
    screenshot(publiek, "escalatie-03-overzicht-te-laat")
    publiek.context.close()
