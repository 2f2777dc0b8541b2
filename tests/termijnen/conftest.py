"""Helpers for deadline tests: move the clock to a local date and run the sweep."""

import datetime as dt

import pytest

from schakel.core import clock
from schakel.termijnen.kalender import AMSTERDAM


def op(datum: dt.date, uur: int = 10) -> dt.datetime:
    """An aware moment on ``datum`` at ``uur`` o'clock in Amsterdam."""
    return dt.datetime(datum.year, datum.month, datum.day, uur, tzinfo=AMSTERDAM)


@pytest.fixture
def ga_naar():
    """Move the (frozen) clock to a local date: ``ga_naar(date(2026, 4, 27))``."""

    def verplaats(datum: dt.date, uur: int = 10) -> dt.datetime:
        moment = op(datum, uur)
        clock.freeze(moment)
        return moment

    return verplaats


@pytest.fixture
def bestuurders(wereld):
    """Board members of SZW and IenW (the fixture world has only UWV's), and IenW's minister."""
    from schakel.accounts.models import Rol, User

    def user(naam, rol, organisatie):
        return User.objects.create_user(username=naam, password="geheim-wachtwoord-123", rol=rol,
                                        organisatie=organisatie, email=f"{naam}@example.org")

    wereld.bestuur_szw = user("bestuur-szw", Rol.BESTUUR, wereld.szw)
    wereld.bestuur_ienw = user("bestuur-ienw", Rol.BESTUUR, wereld.ienw)
    wereld.minister_ienw = user("minister-ienw", Rol.BEWINDSPERSOON, wereld.ienw)
    wereld.behandelaar_uwv = user("behandelaar-uwv", Rol.BEHANDELAAR, wereld.uwv)
    return wereld
