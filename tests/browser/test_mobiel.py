"""On a phone (400 px), logged in: the header folds its menu away behind a button, and without
JavaScript the menu is simply open."""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import expect

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _ingelogd(browser, live_server, user, **opties):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 400, "height": 800},
                                  **opties)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context, context.new_page()


def test_at_400_px_the_menu_folds_away_and_opens_with_the_button(browser, live_server, wereld):
    context, page = _ingelogd(browser, live_server, wereld.behandelaar_szw)
    page.goto("/signalen")
    hoogte = page.locator("header.kop").bounding_box()["height"]
    assert hoogte < 120, f"the header takes {hoogte} of 800 px"  # was 585
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu).to_be_hidden()
    knop = page.get_by_role("button", name="Menu")
    expect(knop).to_have_attribute("aria-expanded", "false")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "mobiel-400-menu-dicht.png"), full_page=True)
    knop.click()
    expect(knop).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Signalen", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "mobiel-400-menu-open.png"), full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 400
    # On a wide screen there is no button and the menu is always there.
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(knop).to_be_hidden()
    expect(menu).to_be_visible()
    context.close()


def test_without_javascript_the_menu_is_open(browser, live_server, wereld):
    context, page = _ingelogd(browser, live_server, wereld.behandelaar_szw, java_script_enabled=False)
    page.goto("/signalen")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signalen", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    context.close()
