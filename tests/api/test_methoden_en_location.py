"""405 before authentication, the same CSRF answer with or without an Idempotency-Key, a
Location on every 201 that creates something, and 200 for a triage that creates nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver

from schakel.api.middleware import toegestane_methoden

from .conftest import PROBLEM

pytestmark = pytest.mark.django_db


def _api_routes():
    api = next(p for p in get_resolver().url_patterns if str(p.pattern).startswith("api/"))
    for patroon in api.url_patterns:
        assert isinstance(patroon, URLPattern)
        if getattr(patroon.callback, "cls", None) is not None:
            pad = str(patroon.pattern)
            for naam, voorbeeld in (("<uuid:uuid>", "00000000-0000-4000-8000-000000000000"),
                                    ("<uuid:toets>", "00000000-0000-4000-8000-000000000001"),
                                    ("<slug:afkorting>", "uwv"), ("<str:bwbId>", "BWBR0019057")):
                pad = pad.replace(naam, voorbeeld)
            yield f"/api/v1/{pad}", toegestane_methoden(patroon.callback)


ROUTES = sorted(_api_routes())


@pytest.mark.parametrize("pad,methoden", ROUTES, ids=[p for p, _ in ROUTES])
def test_a_method_the_endpoint_does_not_have_is_405_before_authentication(client, pad, methoden):
    for methode in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        if methode in methoden:
            continue
        antwoord = client.generic(methode, pad)
        assert antwoord.status_code == 405, (methode, pad, antwoord.status_code)
        assert antwoord["Content-Type"] == PROBLEM and antwoord["API-Version"]
        assert set(antwoord["Allow"].split(", ")) == set(methoden)
        assert antwoord.json()["type"] == "urn:schakel:probleem:methode-niet-toegestaan"


def test_an_anonymous_delete_on_a_post_only_endpoint_is_405_not_401(client):
    antwoord = client.delete("/api/v1/routeringsadvies")
    assert antwoord.status_code == 405 and antwoord["Allow"] == "OPTIONS, POST"


@pytest.mark.parametrize("sleutel", [{}, {"HTTP_IDEMPOTENCY_KEY": "9b1f6a0e-csrf-test"}], ids=["zonder", "met"])
@pytest.mark.parametrize("pad", ["/api/v1/signalen", "/api/v1/abonnementen", "/api/v1/casussen",
                                 "/api/v1/voorstellen"])
def test_a_failed_csrf_check_is_403_with_or_without_an_idempotency_key(wereld, pad, sleutel):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(wereld.melder_uwv)
    antwoord = browser.post(pad, "{}", content_type="application/json", **sleutel)
    assert antwoord.status_code == 403 and antwoord["Content-Type"] == PROBLEM
    assert "CSRF" in antwoord.json()["detail"]
