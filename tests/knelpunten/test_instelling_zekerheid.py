"""SCHAKEL_ROUTER_MIN_ZEKERHEID: the router's confidence threshold comes from the environment,
like every other setting, and a wrong value stops start-up with one clear line."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from schakel.conf.settings import env_fraction
from schakel.signalen.routering import Kandidaat, Suggestie

NAAM = "SCHAKEL_ROUTER_MIN_ZEKERHEID"


def test_default_is_half_when_unset_or_empty(monkeypatch):
    monkeypatch.delenv(NAAM, raising=False)
    assert env_fraction(NAAM, 0.5) == 0.5
    monkeypatch.setenv(NAAM, "  ")
    assert env_fraction(NAAM, 0.5) == 0.5


@given(st.floats(min_value=0, max_value=1))
def test_every_fraction_from_zero_to_one_is_accepted(waarde):
    os.environ[NAAM] = repr(waarde)
    try:
        assert env_fraction(NAAM, 0.5) == waarde
    finally:
        del os.environ[NAAM]


def test_decimal_comma_is_accepted(monkeypatch):
    monkeypatch.setenv(NAAM, "0,7")
    assert env_fraction(NAAM, 0.5) == 0.7


@given(st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).filter(lambda x: math.isnan(x) or not 0 <= x <= 1).map(repr),
    st.sampled_from(["50%", "half", "1/2", "0.5.1", "--1"]),
))
def test_anything_else_stops_startup_naming_the_variable(waarde):
    os.environ[NAAM] = waarde
    try:
        with pytest.raises(ImproperlyConfigured) as fout:
            env_fraction(NAAM, 0.5)
    finally:
        del os.environ[NAAM]
    assert NAAM in str(fout.value) and "from 0 to 1" in str(fout.value)


def _schakel(*argumenten, **omgeving):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHAKEL_") and k != "DJANGO_SETTINGS_MODULE"}
    env.update(SCHAKEL_DEBUG="1", **omgeving)
    return subprocess.run([sys.executable, "-m", "schakel.cli", *argumenten], env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_environment_reaches_the_django_setting():
    code = "from django.conf import settings; print(settings.ROUTER_MIN_ZEKERHEID)"
    uitvoer = _schakel("shell", "-c", code, SCHAKEL_ROUTER_MIN_ZEKERHEID="0.8")
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert uitvoer.stdout.strip().splitlines()[-1] == "0.8"


def test_a_wrong_value_gives_one_clear_line_not_a_traceback():
    uitvoer = _schakel("check", SCHAKEL_ROUTER_MIN_ZEKERHEID="80")
    assert uitvoer.returncode == 2
    assert uitvoer.stderr.strip() == (
        "schakel: SCHAKEL_ROUTER_MIN_ZEKERHEID must be a number from 0 to 1 (e.g. 0.5), not '80'.")


@pytest.mark.parametrize(("drempel", "zeker"), [(0.5, True), (0.6, True), (0.61, False), (0.9, False)])
def test_the_setting_decides_whether_a_suggestion_is_confident(drempel, zeker):
    suggestie = Suggestie(eigenaren=[Kandidaat(organisatie=object(), kans=0.6)])
    with override_settings(ROUTER_MIN_ZEKERHEID=drempel):
        assert suggestie.zeker is zeker
