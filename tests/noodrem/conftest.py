"""Fixtures for the brake: principles (loaded by migration), a board member per organisation."""

from __future__ import annotations

import pytest
from django.test import Client

from schakel.noodrem import professional
from schakel.noodrem.models import Beginsel

UITLEG_NOODREM = (
    "De werkwijze om bij twijfel de uitkering direct stop te zetten volgt uit de fraudewet en de instructie "
    "van het ministerie uit 2024. Wij laten haar tijdelijk staan, maar passen de hoorplicht aan: voortaan "
    "wordt elke burger eerst gebeld. Wij evalueren dat in het najaar met de cliëntenraad."
)


@pytest.fixture
def beginselen(db):
    return list(Beginsel.objects.filter(code__in=["evenredigheid", "zorgvuldigheid"]))


@pytest.fixture
def bestuur_szw(wereld):
    from schakel.accounts.models import Rol, User

    return User.objects.create_user(username="bestuur-szw", password="geheim-wachtwoord-123", rol=Rol.BESTUUR,
                                    organisatie=wereld.szw)


@pytest.fixture
def rem_velden(wereld, beginselen):
    """A valid professional's brake against UWV's practice, pulled by someone from SVB."""
    return dict(
        praktijk_van=wereld.uwv, regeling=wereld.wia, indienende_organisatie=wereld.svb,
        titel="Uitkeringen worden stopgezet zonder hoor en wederhoor",
        praktijk="Bij een vermoeden van fraude zet het team de WIA-uitkering direct stop, zonder de burger te "
                 "horen. Mensen staan daardoor weken zonder inkomen.",
        moet_stoppen="Het direct stopzetten zonder dat de burger is gehoord.",
        getroffen_burgers="WIA-gerechtigden bij wie een fraudesignaal binnenkomt",
        beginselen=beginselen, artikelen="art. 27",
    )


@pytest.fixture
def anonieme_rem(rem_velden):
    """(signaal, code) of an anonymously pulled professional's brake."""
    return professional.trek_professional(gebruiker=None, anoniem=True, **rem_velden)


@pytest.fixture
def client_voor():
    def maak(user=None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return maak


# Filled by test_persoonsgegevens_corpus; printed at the end of the run.
CORPUS_UITSLAG: dict = {}


def pytest_terminal_summary(terminalreporter):
    if not CORPUS_UITSLAG:
        return
    u = CORPUS_UITSLAG
    terminalreporter.write_sep("-", "personal-data guard on the test corpus")
    terminalreporter.write_line(
        f"precision {u['precisie']:.3f}, recall {u['recall']:.3f} over {u['teksten']} texts "
        f"({u['terecht']} found, {u['onterecht']} false positives, {u['gemist']} missed)")
    for fout in u["fouten"]:
        terminalreporter.write_line(f"  {fout}")
