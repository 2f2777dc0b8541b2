"""Fixtures for the web tests: clients logged in per role, signals in each state."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client

from schakel.signalen import services
from schakel.signalen.services import NieuweToezegging
from tests.conftest import GOEDE_UITLEG


@pytest.fixture(autouse=True)
def lege_cache():
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client_voor():
    """``client_voor(user)``: a test client logged in as ``user``."""

    def maak(user, **kwargs) -> Client:
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return maak


@pytest.fixture
def besloten_signaal(wereld):
    """A non-public signal of UWV about the WIA (owned by SZW)."""
    return services.dien_in(
        indiener=wereld.melder_uwv, titel="Besloten: fraudesignalen worden niet teruggekoppeld",
        praktijk="Interne werkwijze rond fraudesignalen, met gevoelige details over de aanpak. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
        getroffen_burgers="WIA-aanvragers", regeling=wereld.wia, openbaar=False,
    )


@pytest.fixture
def uitgelegd_signaal(signaal, wereld):
    """The ``signaal`` fixture, answered with an explain by SZW."""
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen",
                     toelichting_tekst=GOEDE_UITLEG)
    signaal.refresh_from_db()
    return signaal


@pytest.fixture
def overgenomen_signaal(signaal, wereld):
    """The ``signaal`` fixture, answered with comply and one commitment due in April 2026."""
    services.reageer(
        signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
        toelichting_tekst="We passen de terugvordering aan: aflossen in termijnen wordt mogelijk.",
        toezeggingen=[NieuweToezegging("Beleidsregel terugvordering aanpassen", "Directie Uitvoering",
                                       dt.date(2026, 4, 30))],
    )
    signaal.refresh_from_db()
    return signaal
