"""The feasibility-verdict section appears only with schakel.toetsen, with figures from its data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps

from schakel.core import clock
from schakel.rapportage import uitvoer
from schakel.rapportage.cijfers import Periode, Reikwijdte, bereken

from .conftest import moment

pytestmark = pytest.mark.skipif(not apps.is_installed("schakel.toetsen"), reason="schakel.toetsen not installed")


@pytest.fixture
def toetsen(wereld):
    from schakel.toetsen import services

    w = wereld
    with clock.travel(moment(2025, 5, 1)):
        voorstel = services.registreer(
            actor=w.behandelaar_szw, soort="amendement", kamerstuk="36 123, nr. 5",
            titel="Amendement: WIA-voorschot in termijnen terugbetalen",
            omschrijving="Het voorschot op de WIA-uitkering wordt in termijnen terugbetaald, naar draagkracht.",
            ministerie=w.szw, kamercommissie=w.cie_szw, regelingen=[w.wia], uitvoerders=[w.uwv, w.svb])
    toets_uwv = voorstel.uitvoeringstoetsen.get(organisatie=w.uwv)
    with clock.travel(moment(2025, 5, 20)):
        services.dien_toets_in(toets_uwv, actor=w.bestuur_uwv, oordeel="onder_voorwaarden",
                               voorwaarden="Twaalf maanden voor aanpassing van de systemen.", invoeringstijd_maanden=12,
                               doenvermogen="Burgers hoeven niets te doen.", kosten_eenmalig=2_000_000,
                               kosten_structureel=300_000, risicos="Samenloop met beslagregels.",
                               dilemmas="Snelheid tegen zorgvuldigheid.")
    with clock.travel(moment(2025, 6, 10)):
        services.beantwoord(toets_uwv, actor=w.minister_szw, besluit="overnemen",
                            toelichting_tekst="Wij nemen de voorwaarden over en kiezen een invoeringsdatum na twaalf "
                                              "maanden, zodat UWV de systemen kan aanpassen.",
                            ondertekend_door="De minister van SZW", voorwaarden_overgenomen=True,
                            invoeringsdatum=dt.date(2026, 7, 1))
    return voorstel


def test_verdicts_and_answers_are_counted(toetsen):
    staat = bereken(Periode.van_jaar(2025))
    assert staat["uitvoeringstoetsen"]["huidig"] == {
        "periode": "2025", "gevraagd": 2, "ingediend": 1, "uitvoerbaar": 0, "onderVoorwaarden": 1,
        "nietUitvoerbaar": 0, "beantwoord": 1, "antwoordOvernemen": 1, "antwoordNietOvernemen": 0,
        "antwoordTeLaat": 0,
    }
    assert staat["uitvoeringstoetsen"]["vorige"]["gevraagd"] == 0
    svb = bereken(Periode.van_jaar(2025), Reikwijdte.kies(organisatie="svb"))["uitvoeringstoetsen"]["huidig"]
    assert (svb["gevraagd"], svb["ingediend"]) == (1, 0)
    assert bereken(Periode.van_jaar(2025), Reikwijdte.kies(commissie="cie-ienw"))["uitvoeringstoetsen"]["huidig"]["gevraagd"] == 0
    assert "uitvoeringstoetsen" in [s.id for s in uitvoer.secties(staat)]


def test_without_the_app_there_is_no_section(wereld, monkeypatch):
    from schakel.rapportage import cijfers

    monkeypatch.setattr(cijfers, "toetsen_beschikbaar", lambda: False)
    staat = bereken(Periode.van_jaar(2025))
    assert "uitvoeringstoetsen" not in staat
    assert "uitvoeringstoetsen" not in [s.id for s in uitvoer.secties(staat)]
