"""Production defaults (issue 22): without SCHAKEL_DEMO and SCHAKEL_DEBUG the site is HTTPS-only
unless an operator explicitly turns a part off, and ``schakel check --deploy`` is clean."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest

import schakel
from tests.test_cli import schakel_zonder_instellingen

SRC = os.path.dirname(os.path.dirname(schakel.__file__))  # the code under test, in the child process too


def _productie(tmp_path, **extra) -> dict[str, str]:
    """The environment of a production server: a real key, a host name, nothing else."""
    # Not the test run's own variables either (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    omgeving = {k: v for k, v in os.environ.items()
                if not k.startswith(("SCHAKEL_", "DJANGO_"))}
    omgeving.update(SCHAKEL_SECRET_KEY=secrets.token_urlsafe(50), SCHAKEL_ALLOWED_HOSTS="schakel.example.org",
                    SCHAKEL_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="schakel.conf.settings",
                    PYTHONPATH=os.path.abspath(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    omgeving.update(extra)
    return omgeving


def _instellingen(omgeving) -> dict:
    code = ("import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n) for n in "
            "['SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', "
            "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE']}))")
    uit = subprocess.run([sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    return json.loads(uit.stdout)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    uit = subprocess.run([sys.executable, "-m", "schakel.cli", "check", "--deploy", "--fail-level", "WARNING"],
                         env=_productie(tmp_path), capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "no issues" in uit.stdout


def test_production_is_https_only_by_default(tmp_path):
    assert _instellingen(_productie(tmp_path)) == {
        "SECURE_SSL_REDIRECT": True, "SECURE_HSTS_SECONDS": 31536000, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True, "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True}


@pytest.mark.parametrize("schakelaar", [{"SCHAKEL_DEMO": "1"}, {"SCHAKEL_DEBUG": "1"}])
def test_the_demo_and_development_run_over_plain_http(tmp_path, schakelaar):
    instellingen = _instellingen(_productie(tmp_path, **schakelaar))
    assert not any(instellingen.values()), instellingen


def test_each_part_can_be_turned_off_explicitly(tmp_path):
    """E.g. TLS ends at a proxy that itself redirects and sends HSTS."""
    instellingen = _instellingen(_productie(tmp_path, SCHAKEL_SSL_REDIRECT="0", SCHAKEL_HSTS_SECONDS="0",
                                            SCHAKEL_SECURE_COOKIES="0"))
    assert instellingen["SECURE_SSL_REDIRECT"] is False and instellingen["SECURE_HSTS_SECONDS"] == 0
    assert instellingen["SESSION_COOKIE_SECURE"] is False


def test_without_a_key_production_does_not_start():
    assert schakel_zonder_instellingen("check").returncode == 2
