"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Skipped only when /usr/bin/chromium is missing outside CI; in CI they must run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (browser tests run in CI)")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def nieuw_tabblad(browser, base_url, breedte=1280):
    """A new context (own cookies) and tab on base_url. ``page.problemen`` collects every CSP
    violation and JavaScript error."""
    context = browser.new_context(base_url=base_url, locale="nl-NL", viewport={"width": breedte, "height": 900})
    page = context.new_page()
    problemen: list[str] = []
    page.on("console", lambda bericht: problemen.append(bericht.text)
            if bericht.type == "error" or "Content Security Policy" in bericht.text else None)
    page.on("pageerror", lambda fout: problemen.append(str(fout)))
    page.problemen = problemen
    return context, page


@pytest.fixture
def pagina(browser, live_server):
    """A fresh browser tab (own cookies) on the live server; fails the test on any CSP violation
    or JavaScript error."""
    context, page = nieuw_tabblad(browser, live_server.url)
    yield page
    context.close()
    assert page.problemen == [], page.problemen


@pytest.fixture
def screenshot():
    """``screenshot(page, name)`` saves a full-page PNG to test-results/."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def maak(page, naam: str) -> Path:
        pad = SCREENSHOTS / f"{naam}.png"
        page.screenshot(path=str(pad), full_page=True)
        return pad

    return maak
