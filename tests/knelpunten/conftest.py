"""Fixtures: signals about the WIA from several organisations, and a knelpunt maker."""

from __future__ import annotations

import pytest

from schakel.accounts.models import Rol, User
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.signalen import services as signaalservices

UITLEG = ("Mensen die een voorschot op hun WIA-uitkering kregen, moeten dat in een keer terugbetalen zodra de "
          "uitkering wordt toegekend. Wie al schulden heeft, raakt daardoor verder in de problemen. De wet vraagt "
          "verrekening ineens en laat geen ruimte voor een betalingsregeling.")
BETEKENIS = ("De terugvordering van WIA-voorschotten in een keer duwt mensen met schulden dieper in de problemen. "
             "De wet laat uitvoerders geen ruimte voor een regeling in termijnen; dat vraagt een wetswijziging.")


@pytest.fixture
def gemeente(wereld):
    org = Organisatie.objects.create(afkorting="utrecht", naam="Gemeente Utrecht", soort=OrganisatieSoort.GEMEENTE)
    wereld.gemeente = org
    wereld.melder_gemeente = User.objects.create_user(username="melder-utrecht", password="geheim-wachtwoord-123",
                                                      rol=Rol.MELDER, organisatie=org)
    return org


@pytest.fixture
def dien_in(wereld):
    def maak(indiener, titel="Terugvordering WIA-voorschot ineens treft mensen met schulden", praktijk=None,
             regeling=None, aantal=None, artikelen="art. 35",
             getroffen="WIA-aanvragers met een voorschot en schulden",
             voorstel="Sta terugbetaling in termijnen toe, afgestemd op de beslagvrije voet.", **kw):
        return signaalservices.dien_in(
            indiener=indiener, titel=titel, praktijk=praktijk or UITLEG,
            getroffen_burgers=getroffen, aantal_getroffen=aantal,
            regeling=regeling or wereld.wia, artikelen=artikelen,
            verbetervoorstel=voorstel, **kw)
    return maak


@pytest.fixture
def maak_knelpunt(wereld):
    from schakel.knelpunten import services

    def maak(*signalen, titel="Terugvordering WIA-voorschot ineens", **kw):
        return services.maak(actor=wereld.behandelaar_szw, signalen=list(signalen), titel=titel,
                             beleidsbetekenis=kw.pop("beleidsbetekenis", BETEKENIS), **kw)
    return maak
