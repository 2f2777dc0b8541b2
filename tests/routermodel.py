"""Shared fixtures for the text router (registered from tests/conftest.py).

``modellen`` points ``DATA_DIR`` at a fresh temporary directory (so the router's model folder,
``DATA_DIR/modellen``, is empty) and clears the router's cache before and after; ``geen_model``
is the same when a test only cares that no model exists; ``model`` trains a small, deterministic
router there on the texts below: signals about the WIA belong to SZW (cause "complexe-regels"),
signals about driving licences to IenW (cause "geen-evaluatie").
"""

from __future__ import annotations

import pytest
from django.test import override_settings

from schakel.knelpunten import router

WIA = [
    "Terugvordering van het WIA-voorschot ineens duwt mensen met schulden dieper in de problemen",
    "De WIA-uitkering komt te laat en het voorschot wordt in een keer verrekend",
    "Arbeidsongeschikte werknemers wachten maanden op de WIA-keuring door de verzekeringsarts",
    "Loonsanctie en WIA-aanvraag lopen vast bij zieke werknemers van kleine werkgevers",
    "Herbeoordeling van de WIA-uitkering zonder medisch onderzoek leidt tot onterechte stopzetting",
    "Het WIA-voorschot wordt teruggevorderd terwijl de uitkering nog niet is toegekend",
    "Mensen in de WIA met schulden kunnen het voorschot niet in termijnen terugbetalen",
    "Verzekeringsartsen hebben te weinig tijd voor de WIA-beoordeling van arbeidsongeschikten",
    "De uitkering bij arbeidsongeschiktheid wordt verlaagd zonder dat de werknemer het begrijpt",
    "Zieke werknemers krijgen hun WIA-beslissing pas na de wettelijke termijn",
    "De re-integratie van arbeidsongeschikte werknemers stopt zodra de WIA-uitkering start",
    "Het voorschot op de uitkering moet ineens terug, ook bij een laag inkomen",
]
RIJBEWIJS = [
    "Ouderen wachten maanden op de medische keuring voor hun rijbewijs en mogen niet rijden",
    "De verlenging van het rijbewijs voor 75-plussers loopt vast bij het CBR",
    "Het rijexamen kan pas over maanden worden afgelegd door tekort aan examinatoren",
    "De Gezondheidsverklaring voor het rijbewijs wordt te laat beoordeeld door het CBR",
    "Beroepschauffeurs verliezen hun baan omdat de rijbewijskeuring te lang duurt",
    "Een rijbewijs voor mensen met diabetes wordt maar voor een jaar verlengd",
    "Wachttijd voor de rijvaardigheidstoets na een ongeval is te lang",
    "Ouderen moeten voor elke verlenging van het rijbewijs opnieuw naar de keuringsarts",
    "De medische keuring voor het rijbewijs kost ouderen veel geld",
    "Het CBR stuurt besluiten over de rijgeschiktheid te laat, het rijbewijs verloopt",
    "Rijinstructeurs kunnen geen examen reserveren voor leerlingen",
    "Mensen met epilepsie wachten te lang op een besluit over hun rijbewijs",
]
PRAKTIJK_RIJBEWIJS = ("Ouderen van 75 jaar en ouder die hun rijbewijs willen verlengen, wachten maanden op een "
                      "medische keuring door het CBR en mogen ondertussen niet rijden.")


def voorbeelden() -> list[router.Voorbeeld]:
    """The training examples of the ``model`` fixture."""
    return ([router.Voorbeeld(router.tekst_van(t, t), "szw", ("complexe-regels",)) for t in WIA]
            + [router.Voorbeeld(router.tekst_van(t, t), "ienw", ("geen-evaluatie",)) for t in RIJBEWIJS])


@pytest.fixture
def modellen(tmp_path):
    """An empty model folder of our own; yields its path (created only when a model is stored)."""
    with override_settings(DATA_DIR=tmp_path):
        router._cache.clear()
        yield router.modelmap()
    router._cache.clear()


@pytest.fixture
def geen_model(modellen):
    """No router model exists."""
    yield


@pytest.fixture
def model(modellen):
    """A small router trained on ``voorbeelden()`` is the current model."""
    router.Router(seed=0).train(voorbeelden()).bewaar()
    yield
