"""API tokens (issue 22): stored only as a hash, shown once, with an expiry, rotation and
revocation, by the CLI and on the account page; DRF's plain-text tokens are migrated."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from schakel.accounts import apitokens
from schakel.accounts.models import ApiToken
from schakel.audit.models import Gebeurtenis
from schakel.core import clock

BEVEILIGD = "/api/v1/signalen"  # POST needs credentials: 401 without, 400 (empty body) with


def _met(sleutel: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    return client


def _werkt(sleutel: str) -> bool:
    status = _met(sleutel).post(BEVEILIGD, {}, format="json").status_code
    assert status in (400, 401), status
    return status == 400


def test_only_the_hash_is_stored_and_the_key_works(wereld):
    token, sleutel = apitokens.maak(wereld.melder_uwv, naam="koppeling")
    assert len(sleutel) == 64
    rij = ApiToken.objects.values().get(pk=token.pk)
    assert sleutel not in str(rij)
    assert rij["sleutel_hash"] == hashlib.sha256(sleutel.encode()).hexdigest()
    assert rij["voorvoegsel"] == sleutel[:8]
    assert _werkt(sleutel)
    assert Gebeurtenis.objects.filter(actie="api_token_gemaakt", object_id=str(token.pk)).exists()
    assert sleutel not in str(list(Gebeurtenis.objects.values("voor", "na", "toelichting")))


def test_a_token_expires(wereld, settings):
    settings.SCHAKEL_API_TOKEN_DAGEN = 30
    _, sleutel = apitokens.maak(wereld.melder_uwv)
    with clock.travel(clock.now() + dt.timedelta(days=29, hours=23)):
        assert _werkt(sleutel)
    with clock.travel(clock.now() + dt.timedelta(days=30)):
        assert not _werkt(sleutel)
        antwoord = _met(sleutel).post(BEVEILIGD, {}, format="json").json()
        assert "ongeldig, verlopen of ingetrokken" in antwoord["detail"]


def test_rotation_and_revocation(wereld):
    oud_token, oud = apitokens.maak(wereld.melder_uwv, naam="zaaksysteem")
    nieuw_token, nieuw = apitokens.roteer(wereld.melder_uwv)
    assert not _werkt(oud) and _werkt(nieuw)
    assert nieuw_token.naam == "zaaksysteem"
    apitokens.trek_in(nieuw_token)
    assert not _werkt(nieuw)
    assert Gebeurtenis.objects.filter(actie="api_token_ingetrokken").count() == 2


def test_an_inactive_user_s_token_does_not_work(wereld):
    _, sleutel = apitokens.maak(wereld.melder_uwv)
    wereld.melder_uwv.is_active = False
    wereld.melder_uwv.save()
    assert not _werkt(sleutel)


# --- The command ---------------------------------------------------------------------------------

def _schakel(*args) -> tuple[str, str]:
    uit, fout = io.StringIO(), io.StringIO()
    call_command("api_token", *args, stdout=uit, stderr=fout)
    return uit.getvalue().strip(), fout.getvalue()


def test_the_command_prints_the_key_once_and_only_the_key(wereld):
    sleutel, melding = _schakel("melder-uwv", "--naam", "koppeling", "--dagen", "7")
    assert re.fullmatch(r"[0-9a-f]{64}", sleutel)
    assert "niet bewaard" in melding
    assert _werkt(sleutel)
    lijst, _ = _schakel("melder-uwv", "--lijst")
    assert sleutel[:8] in lijst and sleutel not in lijst and "werkt" in lijst
    nieuw, _ = _schakel("melder-uwv", "--roteer")
    assert not _werkt(sleutel) and _werkt(nieuw)
    _schakel("melder-uwv", "--intrekken", nieuw[:8])
    assert not _werkt(nieuw)
    with pytest.raises(CommandError, match="Onbekende gebruiker"):
        _schakel("niemand")
    with pytest.raises(CommandError, match="minstens één dag"):
        _schakel("melder-uwv", "--dagen", "0")


# --- The account page ----------------------------------------------------------------------------

def _client_voor(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_account_page_makes_renews_and_revokes_tokens(wereld):
    client = _client_voor(wereld.melder_uwv)
    url = reverse("accounts:api-tokens")
    antwoord = client.post(url, {"actie": "maken", "naam": "zaaksysteem"})
    assert antwoord.status_code == 200 and "no-store" in antwoord["Cache-Control"]
    sleutel = re.search(r"<code data-api-token>([0-9a-f]{64})</code>", antwoord.content.decode())[1]
    assert _werkt(sleutel)
    assert sleutel not in client.get(url).content.decode()  # shown once
    token = ApiToken.objects.get()
    antwoord = client.post(url, {"actie": "vernieuwen", "token": token.pk})
    nieuw = re.search(r"<code data-api-token>([0-9a-f]{64})</code>", antwoord.content.decode())[1]
    assert not _werkt(sleutel) and _werkt(nieuw)
    nieuw_token = ApiToken.objects.get(ingetrokken_op__isnull=True)
    assert client.post(url, {"actie": "intrekken", "token": nieuw_token.pk}).status_code == 302
    assert not _werkt(nieuw)


def test_nobody_touches_another_user_s_token(wereld):
    token, sleutel = apitokens.maak(wereld.behandelaar_szw)
    client = _client_voor(wereld.melder_uwv)
    antwoord = client.post(reverse("accounts:api-tokens"), {"actie": "intrekken", "token": token.pk})
    assert "bestaat niet" in antwoord.content.decode()
    assert _werkt(sleutel)


# --- The data migration --------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_migration_hashes_drf_plain_text_tokens(wereld):
    """An installation upgraded from DRF authtoken: its keys keep working, stored only as hashes."""
    from importlib import import_module

    from django.apps import apps

    migratie = import_module("schakel.accounts.migrations.0003_api_token")
    oud = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    with connection.schema_editor() as schema_editor:
        schema_editor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamp, "
                              "user_id integer)")
        schema_editor.execute(f"INSERT INTO authtoken_token VALUES ('{oud}', CURRENT_TIMESTAMP, "
                              f"{wereld.melder_uwv.pk})")
        migratie.hash_oude_tokens(apps, schema_editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert ApiToken.objects.get().sleutel_hash == hashlib.sha256(oud.encode()).hexdigest()
    assert _werkt(oud)
