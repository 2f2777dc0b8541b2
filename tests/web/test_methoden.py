"""Read-only pages answer 405 to POST/PUT/PATCH/DELETE; every web route is classified (schakel.web.methoden)."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.urls.converters import UUIDConverter

from schakel.web.methoden import ALLEEN_LEZEN, FORMULIEREN
from tests.beveiliging.matrix_basis import url_namen


def _web_routes() -> dict:
    return {naam: p for naam, p in url_namen().items() if p is not None and not naam.startswith("api:")}


def _url(route: str) -> str:
    patroon = _web_routes()[route]
    converters = getattr(patroon.pattern, "converters", {})
    # 405 comes before any lookup, so the objects need not exist.
    kwargs = {naam: (uuid.uuid4() if isinstance(c, UUIDConverter) else "szw") for naam, c in converters.items()}
    return reverse(route, kwargs=kwargs or None)


def test_every_web_route_is_classified():
    routes = set(_web_routes())
    assert not ALLEEN_LEZEN & FORMULIEREN
    zonder = sorted(routes - ALLEEN_LEZEN - FORMULIEREN)
    assert not zonder, f"classify these routes in schakel/web/methoden.py: {zonder}"
    weg = sorted((ALLEEN_LEZEN | FORMULIEREN) - routes)
    assert not weg, f"schakel/web/methoden.py names routes that no longer exist: {weg}"


@pytest.mark.parametrize("route", sorted(ALLEEN_LEZEN))
@pytest.mark.parametrize("methode", ["post", "put", "patch", "delete"])
def test_read_only_page_refuses_writes(db, wereld, route, methode):
    for client in (Client(), _ingelogd(wereld.behandelaar_szw)):
        antwoord = getattr(client, methode)(_url(route), {} if methode == "post" else "")
        assert antwoord.status_code == 405, (route, methode, antwoord.status_code)
        assert set(antwoord["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("route", sorted(ALLEEN_LEZEN))
def test_read_only_page_still_reads(db, wereld, route):
    antwoord = _ingelogd(wereld.behandelaar_szw).get(_url(route))
    assert antwoord.status_code != 405


@pytest.mark.parametrize("route", sorted(FORMULIEREN))
def test_form_page_takes_post(db, wereld, route):
    antwoord = _ingelogd(wereld.behandelaar_szw, enforce_csrf_checks=False).post(_url(route), {})
    assert antwoord.status_code != 405, (route, antwoord.status_code)


def test_csrf_is_still_checked_on_forms(db, wereld):
    client = _ingelogd(wereld.behandelaar_szw, enforce_csrf_checks=True)
    assert client.post(reverse("web:signaal-nieuw"), {}).status_code == 403


def _ingelogd(user, **kwargs) -> Client:
    client = Client(raise_request_exception=False, **kwargs)
    client.force_login(user)
    return client
