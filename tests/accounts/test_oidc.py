"""Sign-in through an organisation's identity provider, against a real OpenID Connect provider.

The provider (django-oauth-toolkit, ``oidc_idp/``) runs as its own process on a free port:
the token exchange, the JWKS and the userinfo are real HTTP calls from Schakel's backend. The
browser is played by ``requests`` at the provider and by Django's test client at Schakel."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

from schakel.accounts import oidc
from schakel.accounts.models import Identiteitsaanbieder, OidcIdentiteit, Rol, User
from schakel.audit.models import Gebeurtenis

REPO = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "schakel-test", "geheim-van-de-test-idp"
REDIRECT = "http://testserver/inloggen/organisatie/terug"
GEBRUIKERS = {
    "anna.uwv": {"organisatie": "uwv", "rol": "behandelaar", "given_name": "Anna", "family_name": "Smit",
                 "amr": ["pwd", "otp"]},
    "bram.uwv": {"organisatie": "uwv", "rol": "melder", "amr": ["pwd"]},
    "zonder.rol": {"organisatie": "uwv"},
    "twee.rollen": {"organisatie": "uwv", "rol": ["melder", "bestuur"]},
    "van.cbr": {"organisatie": "cbr", "rol": "melder"},
}


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_idp(tmp_path_factory, **extra) -> tuple[str, subprocess.Popen]:
    poort = _vrije_poort()
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    issuer = f"http://127.0.0.1:{poort}/o"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "src"), os.environ.get("PYTHONPATH", "")]),
           "IDP_DATABASE": str(tmp_path_factory.mktemp("idp") / "idp.sqlite3"), "IDP_RSA_KEY": sleutel,
           "IDP_ISSUER": issuer, "IDP_PORT": str(poort), "IDP_CLIENT_ID": CLIENT_ID,
           "IDP_CLIENT_SECRET": CLIENT_SECRET, "IDP_REDIRECT_URI": REDIRECT, "IDP_CLAIMS": json.dumps(GEBRUIKERS),
           **extra}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    proces = subprocess.Popen([sys.executable, "-m", "tests.accounts.oidc_idp.serve"], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(300):
        try:
            if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                return issuer, proces
        except requests.ConnectionError:
            pass
        if proces.poll() is not None:
            raise RuntimeError(f"test provider did not start: {proces.stderr.read()}")
        time.sleep(0.1)
    proces.kill()
    raise RuntimeError("test provider did not answer within 30 s")


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    issuer, proces = _start_idp(tmp_path_factory)
    yield issuer
    proces.kill()
    proces.wait()


@pytest.fixture(scope="module")
def verlopen_idp(tmp_path_factory):
    """A provider whose ID tokens have already expired when they are issued."""
    issuer, proces = _start_idp(tmp_path_factory, IDP_ID_TOKEN_SECONDS="-600")
    yield issuer
    proces.kill()
    proces.wait()


def _aanbieder(wereld, issuer, monkeypatch, slug="uwv"):
    monkeypatch.setenv("SCHAKEL_OIDC_TEST_GEHEIM", CLIENT_SECRET)
    aanbieder = Identiteitsaanbieder.objects.create(
        naam="UWV-account", slug=slug, uitgever=issuer, client_id=CLIENT_ID,
        geheim_omgevingsvariabele="SCHAKEL_OIDC_TEST_GEHEIM")
    aanbieder.toegestane_organisaties.add(wereld.uwv)
    return aanbieder


@pytest.fixture
def aanbieder(wereld, idp, monkeypatch):
    return _aanbieder(wereld, idp, monkeypatch)


def log_in(client: Client, slug: str, gebruiker: str, issuer: str):
    """The whole browser round trip; returns Schakel's answer to the callback."""
    begin = client.get(f"/inloggen/organisatie/{slug}")
    assert begin.status_code == 302 and begin["Location"].startswith(issuer), begin
    browser = requests.Session()
    naar_login = browser.get(begin["Location"], allow_redirects=False)
    assert naar_login.status_code == 302
    login_adres = urljoin(issuer, naar_login.headers["Location"])
    volgende = parse_qs(urlparse(login_adres).query)["next"][0]
    ingelogd = browser.post(login_adres, data={"username": gebruiker, "password": gebruiker, "next": volgende},
                            allow_redirects=False)
    terug = browser.get(urljoin(issuer, ingelogd.headers["Location"]), allow_redirects=False)
    assert terug.status_code == 302 and terug.headers["Location"].startswith(REDIRECT), terug.text
    adres = urlparse(terug.headers["Location"])
    return client.get(f"{adres.path}?{adres.query}")


def _meldingen(response) -> str:
    return " ".join(str(m) for m in response.wsgi_request._messages)


@pytest.mark.django_db
def test_the_login_page_offers_the_organisations_provider(aanbieder, client):
    html = client.get("/inloggen").content.decode()
    assert "Inloggen via uw organisatie" in html and "/inloggen/organisatie/uwv" in html


@pytest.mark.django_db
def test_a_first_sign_in_makes_an_account_from_the_claims(aanbieder, idp):
    client = Client()
    antwoord = log_in(client, "uwv", "anna.uwv", idp)
    assert antwoord.status_code == 302 and antwoord["Location"] == "/"
    user = User.objects.get(oidc_identiteiten__aanbieder=aanbieder)
    assert (user.organisatie.afkorting, user.rol, user.first_name) == ("uwv", Rol.BEHANDELAAR, "Anna")
    assert not user.has_usable_password()
    assert client.get("/account").status_code == 200
    assert client.session[oidc.MFA_SESSIESLEUTEL] == "uwv"  # the provider asserted a second factor
    assert Gebeurtenis.objects.filter(actie="account_aangemaakt_via_oidc", object_id=str(user.pk)).exists()

    tweede = Client()
    log_in(tweede, "uwv", "anna.uwv", idp)
    assert User.objects.filter(oidc_identiteiten__aanbieder=aanbieder).count() == 1  # the same account again


@pytest.mark.django_db
@pytest.mark.parametrize("gebruiker, reden", [
    ("zonder.rol", "geen rol in Schakel"),
    ("twee.rollen", "meer dan één rol"),
    ("van.cbr", "Uw organisatie (cbr) kan via UWV-account niet"),
])
def test_claims_that_map_to_no_organisation_or_role_are_refused(aanbieder, idp, gebruiker, reden):
    client = Client()
    antwoord = log_in(client, "uwv", gebruiker, idp)
    assert antwoord.status_code == 302 and antwoord["Location"] == "/inloggen"
    assert reden in _meldingen(antwoord)
    assert not OidcIdentiteit.objects.exists() and not User.objects.filter(username__startswith="uwv.").exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_without_a_second_factor_at_the_provider_schakel_asks_its_own_code(aanbieder, idp):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    log_in(Client(), "uwv", "bram.uwv", idp)
    user = User.objects.get(oidc_identiteiten__aanbieder=aanbieder)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    antwoord = log_in(client, "uwv", "bram.uwv", idp)
    assert antwoord.status_code == 302 and antwoord["Location"] == "/inloggen/code"
    assert "_auth_user_id" not in client.session  # not logged in before the code


@pytest.mark.django_db
def test_an_expired_id_token_is_refused(wereld, verlopen_idp, monkeypatch):
    _aanbieder(wereld, verlopen_idp, monkeypatch)
    client = Client()
    antwoord = log_in(client, "uwv", "anna.uwv", verlopen_idp)
    assert antwoord["Location"] == "/inloggen" and "verlopen" in _meldingen(antwoord)
    assert not User.objects.filter(oidc_identiteiten__isnull=False).exists()


@pytest.mark.django_db
def test_logout_ends_the_schakel_session(aanbieder, idp):
    client = Client()
    log_in(client, "uwv", "anna.uwv", idp)
    assert client.post("/uitloggen").status_code == 302
    assert client.get("/account").status_code == 302  # back to the login page


@pytest.mark.django_db
def test_an_unreachable_provider_gives_a_clear_message(wereld, monkeypatch, client):
    _aanbieder(wereld, f"http://127.0.0.1:{_vrije_poort()}/o", monkeypatch)
    antwoord = client.get("/inloggen/organisatie/uwv")
    assert antwoord["Location"] == "/inloggen" and "niet bereikbaar" in _meldingen(antwoord)


@pytest.mark.django_db
def test_a_callback_without_a_started_sign_in_is_404(client):
    assert client.get("/inloggen/organisatie/terug?code=x&state=y").status_code == 404


def test_mfa_is_read_from_amr_and_configured_acr_values():
    aanbieder = Identiteitsaanbieder(mfa_acr_waarden="urn:eherkenning:loa:3, substantial")
    assert oidc.mfa_bevestigd({"amr": ["pwd", "otp"]}, aanbieder)
    assert oidc.mfa_bevestigd({"amr": "mfa"}, aanbieder)
    assert oidc.mfa_bevestigd({"acr": "substantial"}, aanbieder)
    assert not oidc.mfa_bevestigd({"amr": ["pwd"], "acr": "low"}, aanbieder)
    assert not oidc.mfa_bevestigd({}, aanbieder)


@pytest.mark.django_db
def test_role_values_are_translated_by_the_providers_table(wereld):
    aanbieder = Identiteitsaanbieder.objects.create(naam="SZW", slug="szw", uitgever="http://x", client_id="c",
                                                    geheim_omgevingsvariabele="X", organisatie=wereld.szw,
                                                    rollen={"SZW-Beleid": "behandelaar", "SZW-DG": "bestuur"})
    koppeling = oidc.koppel({"rol": ["Medewerker", "SZW-Beleid"]}, aanbieder)
    assert (koppeling.organisatie, koppeling.rol) == (wereld.szw, "behandelaar")
    with pytest.raises(oidc.Weigering):
        oidc.koppel({"rol": "melder"}, aanbieder)  # not in the table: the table is the whole truth


@pytest.mark.django_db
def test_a_second_factor_asserted_by_the_provider_opens_the_admin(aanbieder, idp, settings):
    settings.SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER = True
    client = Client()
    log_in(client, "uwv", "anna.uwv", idp)
    User.objects.filter(oidc_identiteiten__aanbieder=aanbieder).update(is_staff=True, is_superuser=True)
    assert client.get("/beheer/").status_code == 200

    zonder = Client()
    log_in(zonder, "uwv", "bram.uwv", idp)  # the provider asserted no second factor
    User.objects.filter(oidc_identiteiten__aanbieder=aanbieder).update(is_staff=True, is_superuser=True)
    assert zonder.get("/beheer/").status_code == 302
