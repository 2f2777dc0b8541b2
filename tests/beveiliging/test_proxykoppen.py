"""Forged proxy headers never lift a rate limit (issue 22), and behind a configured proxy the
right hop is the client (schakel.core.klantadres).

Every per-address limit of the API and the web is tried with a new ``X-Forwarded-For`` (and
``X-Real-IP``, ``Forwarded``) on each request: the limit must hold as if the headers were
not there. ``test_every_rate_limited_view_is_covered`` fails when a view gains a limit that
is not in ``GRENZEN``.
"""

from __future__ import annotations

import ipaddress
import itertools

import pytest
from django.test import override_settings
from django.urls import get_resolver
from hypothesis import given, settings as hsettings, strategies as st
from rest_framework.test import APIClient

from schakel.core import klantadres

PROXY = "10.0.0.1"
_teller = itertools.count(1)


def vervalst() -> dict:
    """Headers a client can set itself, different on every call."""
    n = next(_teller)
    adres = f"198.51.{n // 250}.{n % 250 + 1}"
    return {"HTTP_X_FORWARDED_FOR": adres, "HTTP_X_REAL_IP": adres, "HTTP_FORWARDED": f"for={adres}",
            "HTTP_CLIENT_IP": adres}


@pytest.fixture
def lage_api_limiet(monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {**AnonRateThrottle.THROTTLE_RATES, "anon": "3/min"})


def _api_get(client, url, **meta):
    return client.get(url, **meta)


def _api_post(client, url, **meta):
    return client.post(url, {"ontvangstcode": "0000-0000-0000-0000-0000"}, format="json", **meta)


def _web_post(client, url, **meta):
    return client.post(url, {}, **meta)


# (name, url, how to send, how many requests the limit allows, settings that set it)
GRENZEN = [
    ("api-anoniem", "/api/v1/oorzaken", _api_get, 3, {}),
    ("api-noodrem-anoniem", "/api/v1/noodremmen", _api_post, 3, {"SCHAKEL_RATELIMIT_ANONIEM": "3/h"}),
    ("api-ontvangstcode", "/api/v1/noodremmen/inzage", _api_post, 3, {"SCHAKEL_RATELIMIT_ONTVANGSTCODE": "3/m"}),
    ("api-ontvangstcode-berichten", "/api/v1/noodremmen/inzage/berichten", _api_post, 3,
     {"SCHAKEL_RATELIMIT_ONTVANGSTCODE": "3/m"}),
    ("web-noodrem", "/noodrem/professional", _web_post, 3, {"SCHAKEL_RATELIMIT_ANONIEM": "3/h"}),
    ("web-retoursticker", "/noodrem/retoursticker", _web_post, 3, {"SCHAKEL_RATELIMIT_ANONIEM": "3/h"}),
    ("web-ontvangstcode", "/noodrem/ontvangstcode", _web_post, 3, {"SCHAKEL_RATELIMIT_ONTVANGSTCODE": "3/m"}),
    ("web-inloggen", "/inloggen", _web_post, 3, {"SCHAKEL_RATELIMIT_LOGIN": "3/m"}),
] + [(f"open-data-{bestand}", f"/open-data/{bestand}", _api_get, 3, {"SCHAKEL_RATELIMIT_OPEN_DATA": "3/m"})
     for bestand in ("signalen.csv", "agenda.atom", "knelpunten.atom", "signalen.atom", "reacties.atom")]


@pytest.mark.parametrize("naam,url,stuur,toegestaan,instellingen", GRENZEN, ids=[g[0] for g in GRENZEN])
def test_forged_forwarding_headers_do_not_lift_the_limit(wereld, lage_api_limiet, naam, url, stuur, toegestaan,
                                                         instellingen):
    client = APIClient(REMOTE_ADDR="203.0.113.9")
    with override_settings(**instellingen):
        for _ in range(toegestaan):
            assert stuur(client, url, **vervalst()).status_code != 429, naam
        assert stuur(client, url, **vervalst()).status_code == 429, naam
        # The limit is the address's: another client is not affected.
        assert stuur(APIClient(REMOTE_ADDR="203.0.113.10"), url).status_code != 429


@pytest.mark.parametrize("naam,url,stuur,toegestaan,instellingen", GRENZEN, ids=[g[0] for g in GRENZEN])
def test_behind_a_trusted_proxy_the_hop_it_appended_is_the_client(wereld, lage_api_limiet, naam, url, stuur,
                                                                  toegestaan, instellingen):
    """All requests come from the proxy; the client's own forged hops stand left of the one the proxy appended."""
    achter_proxy = APIClient(REMOTE_ADDR=PROXY)
    with override_settings(SCHAKEL_TRUSTED_PROXIES=[PROXY], **instellingen):
        for _ in range(toegestaan):
            meta = vervalst()
            meta["HTTP_X_FORWARDED_FOR"] += ", 203.0.113.9"
            assert stuur(achter_proxy, url, **meta).status_code != 429, naam
        assert stuur(achter_proxy, url, HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9").status_code == 429, naam
        # Another client behind the same proxy keeps its own limit.
        assert stuur(achter_proxy, url, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code != 429, naam


def test_every_rate_limited_view_is_covered():
    """Every view behind django-ratelimit or a DRF per-address throttle has a row in GRENZEN."""
    from django.urls import resolve

    gedekt = {resolve(url).func for _, url, *_ in GRENZEN}
    gelimiteerd = set()
    for patroon in _alle_patronen(get_resolver()):
        view = patroon.callback
        cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
        throttles = getattr(cls, "throttle_classes", None) if cls is not None else None
        eigen_throttles = cls is not None and "throttle_classes" in vars(cls)
        if eigen_throttles and throttles or _achter_ratelimit(view):
            gelimiteerd.add(view)
    ontbrekend = {getattr(v, "__name__", repr(v)) for v in gelimiteerd - gedekt}
    assert not ontbrekend, f"rate-limited views without a forged-header test: {sorted(ontbrekend)}"


def _alle_patronen(resolver):
    for patroon in resolver.url_patterns:
        if hasattr(patroon, "url_patterns"):
            yield from _alle_patronen(patroon)
        else:
            yield patroon


def _achter_ratelimit(view) -> bool:
    """Whether one of the wrappers around a view is django-ratelimit's decorator."""
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "django_ratelimit" in code.co_filename:
            return True
        view = getattr(view, "__wrapped__", None)
    return False


# --- The address itself -----------------------------------------------------------------------

def _verzoek(remote: str, xff: str | None = None):
    from django.test import RequestFactory

    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


hops = st.lists(st.one_of(st.ip_addresses().map(str), st.text(max_size=20)), max_size=6).map(", ".join)


@hsettings(max_examples=60, deadline=None)
@given(vals=hops)
def test_without_trusted_proxies_the_header_is_ignored(vals):
    with override_settings(SCHAKEL_TRUSTED_PROXIES=[]):
        assert klantadres.adres(_verzoek("203.0.113.9", vals)) == "203.0.113.9"


@hsettings(max_examples=60, deadline=None)
@given(vals=hops, klant=st.ip_addresses().map(str))
def test_behind_trusted_proxies_the_first_untrusted_hop_from_the_right_wins(vals, klant):
    """Two proxies in a row (a load balancer in 10.1.0.0/16 and the front proxy)."""
    if any(ipaddress.ip_address(klant) in ipaddress.ip_network(n) for n in ("10.0.0.1/32", "10.1.0.0/16")):
        return
    xff = ", ".join(filter(None, [vals, klant, "10.1.2.3"]))
    with override_settings(SCHAKEL_TRUSTED_PROXIES=["10.0.0.1", "10.1.0.0/16"]):
        assert klantadres.adres(_verzoek("10.0.0.1", xff)) == klant
        # Straight to the application, past the proxy: the header is not believed.
        assert klantadres.adres(_verzoek("203.0.113.9", xff)) == "203.0.113.9"


def test_ipv6_clients_are_limited_per_64():
    with override_settings(SCHAKEL_TRUSTED_PROXIES=[]):
        assert klantadres.limietsleutel(_verzoek("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::"
        assert klantadres.limietsleutel(_verzoek("192.0.2.7")) == "192.0.2.7"


def test_a_wrong_trusted_proxy_stops_start_up():
    from django.core import checks

    with override_settings(SCHAKEL_TRUSTED_PROXIES=["proxy.example"]):
        fouten = [f for f in checks.run_checks() if f.id == "schakel.E001"]
    assert fouten and "proxy.example" in fouten[0].msg
