"""Sessions end after a configurable idle time and at the latest after an absolute lifetime (issue 22)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from schakel.core import clock

WACHTWOORD = "geheim-wachtwoord-123"


@pytest.fixture
def ingelogd(wereld):
    client = Client()
    assert client.post(reverse("web:inloggen"), {"username": "melder-uwv", "password": WACHTWOORD}).status_code == 302
    return client


def _ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def _na(minuten: float):
    return clock.travel(clock.now() + dt.timedelta(minutes=minuten))


@override_settings(SCHAKEL_SESSIE_INACTIEF_MINUTEN=30, SCHAKEL_SESSIE_MAX_UREN=12)
def test_idle_session_ends(ingelogd):
    with _na(29):
        ingelogd.get(reverse("accounts:account"))
        assert _ingelogd(ingelogd)
    with _na(29 + 31):
        antwoord = ingelogd.get(reverse("accounts:account"), follow=True)
        assert not _ingelogd(ingelogd)
        assert "te lang niet actief" in antwoord.content.decode()


@override_settings(SCHAKEL_SESSIE_INACTIEF_MINUTEN=30, SCHAKEL_SESSIE_MAX_UREN=2)
def test_an_active_session_still_ends_after_the_absolute_lifetime(ingelogd):
    for minuten in range(20, 120, 20):  # a request every 20 minutes: never idle
        with _na(minuten):
            ingelogd.get(reverse("accounts:account"))
            assert _ingelogd(ingelogd), minuten
    with _na(121):
        ingelogd.get(reverse("accounts:account"))
        assert not _ingelogd(ingelogd)


def test_the_cookie_lifetime_is_the_absolute_lifetime(settings):
    assert settings.SESSION_COOKIE_AGE == int(__import__("os").environ.get("SCHAKEL_SESSIE_MAX_UREN", "12")) * 3600
