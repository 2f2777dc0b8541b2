import pytest

from schakel.toetsen import services
from schakel.toetsen.models import VoorstelSoort


@pytest.fixture
def amendement(wereld):
    """An amendment to the WIA, to be carried out by UWV and SVB, registered by SZW."""
    return services.registreer(
        actor=wereld.behandelaar_szw, soort=VoorstelSoort.AMENDEMENT, kamerstuk="36 123, nr. 5",
        titel="Amendement: WIA-voorschot in termijnen terugbetalen",
        omschrijving="Het voorschot op de WIA-uitkering wordt in termijnen terugbetaald, naar draagkracht.",
        ministerie=wereld.szw, kamercommissie=wereld.cie_szw, regelingen=[wereld.wia],
        uitvoerders=[wereld.uwv, wereld.svb])


TOETS = dict(oordeel="onder_voorwaarden", voorwaarden="Twaalf maanden voor aanpassing van de systemen.",
             invoeringstijd_maanden=12, doenvermogen="Burgers hoeven niets te doen; de termijnen gaan vanzelf.",
             kosten_eenmalig=2_000_000, kosten_structureel=300_000, risicos="Samenloop met beslagregels.",
             alternatieven="", dilemmas="Snelheid tegen zorgvuldigheid.", afwijkend_standpunt="")
