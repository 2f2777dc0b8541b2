"""The Staat van de Uitvoering in a real browser: a bad period gets a Dutch error in the form,
a quarter and a range of dates give their report, compared with the equally long period before."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.rapportage.conftest import geschiedenis  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.usefixtures("geschiedenis")
def test_choose_a_quarter_and_a_range(pagina, screenshot):
    page = pagina
    page.goto("/staat-van-de-uitvoering")
    expect(page.get_by_role("heading", level=1)).to_have_text("Staat van de Uitvoering 2025")

    periode = page.get_by_role("textbox", name="Periode")
    periode.fill("2025-Q5")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator("[data-foutsamenvatting]")).to_contain_text("‘2025-Q5’ is geen periode.")
    expect(page).to_have_title(re.compile(r"^Fout: Staat van de Uitvoering"))
    # The page with the error is answered with 400, which Chromium logs; that one is expected.
    assert page.problemen == ["Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    page.problemen.clear()

    page.get_by_role("textbox", name="Periode").fill("2025-Q1")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staat van de Uitvoering eerste kwartaal 2025")
    expect(page.get_by_text("vergeleken met vierde kwartaal 2024", exact=False).first).to_be_visible()
    expect(page.get_by_role("table", name="Tijd tot de eerste reactie (werkdagen)")).to_contain_text("Mediaan (werkdagen)")

    page.get_by_role("textbox", name="Periode").fill("2025-02-01..2025-04-30")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Staat van de Uitvoering 1 februari 2025 tot en met 30 april 2025")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als PDF").click()
    assert download.value.suggested_filename == "staat-van-de-uitvoering-2025-02-01-tot-2025-04-30.pdf"
    screenshot(page, "staat-van-de-uitvoering-bereik")
