"""Routing by text in a real browser: a filer who does not know the regulation sees the
suggested organisation with its confidence, accepts it and the signal is routed there; a
second filer sends one to the triage, where a handler with the triage permission routes it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from schakel.signalen.models import Signaal

from tests.browser.test_reis import inloggen, uitloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RIJBEWIJS = "Ouderen wachten maanden op de medische keuring voor hun rijbewijs bij het CBR en mogen niet rijden"


def _vul_in(page, titel: str, praktijk: str) -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal indienen").click()
    page.get_by_label("Titel").fill(titel)
    page.get_by_label("Wat gebeurt er in de praktijk?").fill(praktijk)
    page.get_by_label("Welke burgers worden geraakt?").fill("Bestuurders van 75 jaar en ouder")
    page.get_by_role("button", name="Signaal indienen").click()


def test_filer_accepts_the_suggestion_or_leaves_it_to_triage(pagina, wereld, model, screenshot):
    page = pagina
    inloggen(page, "melder-cbr")
    _vul_in(page, "Keuring rijbewijs 75-plussers duurt maanden", RIJBEWIJS)
    suggestie = page.get_by_role("region", name="Suggestie: wie moet reageren?")
    expect(suggestie).to_contain_text(wereld.ienw.naam)
    expect(suggestie).to_contain_text("% zeker")
    expect(page.get_by_label(f"{wereld.ienw.naam}", exact=False)).to_be_checked()
    screenshot(page, "routering-suggestie")
    page.get_by_role("button", name="Signaal indienen").click()
    expect(page.get_by_role("status")).to_contain_text(f"doorgestuurd naar {wereld.ienw.naam}")
    expect(page.locator("main")).to_contain_text("Niet genoemd door de indiener")

    _vul_in(page, "Iets anders dat misgaat bij de keuring", RIJBEWIJS + " en meer")
    page.get_by_label("Weet ik niet: laat een behandelaar bij de triage kiezen").check()
    page.get_by_role("button", name="Signaal indienen").click()
    expect(page.get_by_role("status")).to_contain_text("Het staat in de triage")
    uitloggen(page)

    trieerder = wereld.behandelaar_szw
    trieerder.user_permissions.add(Permission.objects.get(codename="trieren", content_type__app_label="signalen"))
    inloggen(page, "behandelaar-szw")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Triage").click()
    page.get_by_role("link", name="Iets anders dat misgaat bij de keuring").click()
    expect(page.locator("aside.melding")).to_contain_text(wereld.ienw.naam)
    page.get_by_label("Welke organisatie moet reageren?").select_option(label=wereld.ienw.naam)
    page.get_by_label("Over welke regeling gaat het?").select_option(
        label="Wegenverkeerswet 1994 (BWBR0006622)")
    page.get_by_label("Waarom hoort het signaal daar?").fill("Rijbewijzen vallen onder de Wegenverkeerswet.")
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_role("status")).to_contain_text(f"toegewezen aan {wereld.ienw.naam}")
    expect(page.locator("main")).to_contain_text("Er wachten geen signalen op triage.")
    signaal = Signaal.objects.get(titel="Iets anders dat misgaat bij de keuring")
    assert signaal.eigenaar == wereld.ienw and signaal.regeling == wereld.wvw
