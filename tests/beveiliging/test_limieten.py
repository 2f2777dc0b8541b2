"""Rate limits that hold (issue 22, issue 24): failed requests count on both databases, and the
log-in limit is per account and address, so one attacker locks out only themselves."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import Client, override_settings
from django.urls import reverse
from rest_framework.test import APIClient

WACHTWOORD = "geheim-wachtwoord-123"
DATABASECACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "schakel_cache"}}


@pytest.fixture
def databasecache(settings):
    """The production cache (the test settings cache in memory), with its table where the router puts it."""
    settings.CACHES = DATABASECACHE
    call_command("createcachetable", verbosity=0)
    yield caches["default"]
    caches["default"].clear()


@pytest.mark.django_db(databases=["default", "cache"], transaction=True)
@override_settings(SCHAKEL_RATELIMIT_ONTVANGSTCODE="5/m")
def test_wrong_receipt_codes_count_although_the_request_is_rolled_back(wereld, databasecache):
    """A wrong code answers 404, which rolls the request's transaction back (ATOMIC_REQUESTS): the
    counter lives outside it, on SQLite in a file of its own, so attempt six is refused."""
    assert not connections["cache"].settings_dict["ATOMIC_REQUESTS"]
    client = APIClient()
    codes = [client.post("/api/v1/noodremmen/inzage", {"ontvangstcode": "0000-0000-0000-0000-0000"},
                         format="json").status_code for _ in range(25)]
    assert codes[:5] == [404] * 5
    assert set(codes[5:]) == {429}


@pytest.mark.django_db(databases=["default", "cache"], transaction=True)
@override_settings(SCHAKEL_RATELIMIT_LOGIN="3/m")
def test_wrong_passwords_count_with_the_database_cache(wereld, databasecache):
    client = Client()
    for _ in range(3):
        assert client.post(reverse("web:inloggen"), {"username": "melder-uwv", "password": "fout"}).status_code == 200
    assert client.post(reverse("web:inloggen"), {"username": "melder-uwv", "password": WACHTWOORD}).status_code == 429


def test_createcachetable_puts_the_table_where_the_router_says(settings):
    """``schakel createcachetable`` without options: on SQLite in the cache file, on PostgreSQL in the
    one database (the ``cache`` connection is the same database there)."""
    from django.db import router
    from django.core.cache.backends.db import BaseDatabaseCache

    model = BaseDatabaseCache("x", {}).cache_model_class
    eigen_bestand = connections["default"].vendor == "sqlite"
    assert router.allow_migrate_model("cache", model) is eigen_bestand
    assert router.allow_migrate_model("default", model) is not eigen_bestand


# --- Log-in: per account and address ------------------------------------------------------------

def _inloggen(client, gebruiker, wachtwoord, **meta):
    return client.post(reverse("web:inloggen"), {"username": gebruiker, "password": wachtwoord}, **meta)


@override_settings(SCHAKEL_RATELIMIT_LOGIN="5/m")
def test_an_attacker_does_not_lock_out_the_owner_of_the_account(wereld):
    """Seven wrong passwords for melder-uwv from one address; the owner, elsewhere, still logs in."""
    aanvaller = Client(REMOTE_ADDR="203.0.113.66")
    codes = [_inloggen(aanvaller, "melder-uwv", "fout").status_code for _ in range(7)]
    assert codes == [200] * 5 + [429] * 2
    assert _inloggen(aanvaller, "melder-uwv", WACHTWOORD).status_code == 429
    assert _inloggen(Client(REMOTE_ADDR="198.51.100.4"), "melder-uwv", WACHTWOORD).status_code == 302


@override_settings(SCHAKEL_RATELIMIT_LOGIN="5/m", SCHAKEL_TRUSTED_PROXIES=["10.0.0.1"])
def test_behind_the_proxy_an_attacker_does_not_lock_out_the_owner(wereld):
    """The documented set-up: every request arrives from the proxy."""
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(7):
        _inloggen(proxy, "melder-uwv", "fout", HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert _inloggen(proxy, "melder-uwv", WACHTWOORD, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 302


@override_settings(SCHAKEL_RATELIMIT_LOGIN="5/m")
def test_colleagues_behind_one_gateway_are_not_locked_out_together(wereld):
    gateway = "192.0.2.1"
    for _ in range(7):
        _inloggen(Client(REMOTE_ADDR=gateway), "melder-uwv", "fout")
    collega = Client(REMOTE_ADDR=gateway)
    assert _inloggen(collega, "behandelaar-szw", WACHTWOORD).status_code == 302
    # The account name is compared without case or spaces: no extra tries by writing it differently.
    assert _inloggen(Client(REMOTE_ADDR=gateway), " MELDER-uwv ", "fout").status_code == 429


@override_settings(SCHAKEL_RATELIMIT_LOGIN="5/m", SCHAKEL_RATELIMIT_LOGIN_ADRES="8/m")
def test_one_address_trying_many_accounts_hits_the_wider_limit(wereld):
    client = Client(REMOTE_ADDR="203.0.113.66")
    codes = [_inloggen(client, f"gebruiker-{n}", "fout").status_code for n in range(9)]
    assert codes == [200] * 8 + [429]
