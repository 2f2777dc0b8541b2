"""Fixtures and helpers for the API tests: token clients and problem+json assertions."""

from __future__ import annotations

import datetime as dt

import pytest
from schakel.accounts import apitokens
from rest_framework.test import APIClient

from schakel.signalen import services

from ..conftest import GOEDE_UITLEG  # noqa: F401  (re-exported for the tests)

PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    """An anonymous client that returns error responses instead of raising them."""
    return APIClient(raise_request_exception=False)


@pytest.fixture
def als():
    """``als(user)``: a client that authenticates with the user's API token."""

    def maak(user) -> APIClient:
        _, api_sleutel = apitokens.maak(user)
        client = APIClient(raise_request_exception=False)
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_sleutel}")
        return client

    return maak


def signaal_body(**overrides) -> dict:
    body = {
        "titel": "Boete bij te late wijziging raakt mensen zonder internet",
        "praktijk": "Mensen zonder internet kunnen een wijziging niet binnen de termijn doorgeven en krijgen "
                    "daardoor een boete, ook als ze wel gebeld hebben.",
        "getroffenBurgers": "Ouderen en mensen zonder computer",
        "aantalGetroffen": 300,
        "regeling": "BWBR0019057",
        "artikelen": "art. 27",
        "verbetervoorstel": "Laat een telefonische melding gelden als tijdige melding.",
        "oorzaken": ["complexe-regels"],
    }
    body.update(overrides)
    return body


def maak_signaal(indiener, regeling, **kwargs):
    """File a signal through the service (not the API) for tests that need one to exist."""
    values = {
        "titel": "Een signaal",
        "praktijk": "Wat er in de praktijk misgaat bij de uitvoering van deze regeling. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
        "getroffen_burgers": "Mensen met een uitkering",
    }
    values.update(kwargs)
    return services.dien_in(indiener=indiener, regeling=regeling, **values)


def toezegging(uiterlijk: dt.date | str | None = "2026-06-30", **overrides) -> dict:
    body = {"omschrijving": "Beleidsregel aanpassen zodat termijnbetaling mogelijk is",
            "eigenaar": "Directie Werk en Inkomen", "uiterlijk": uiterlijk}
    if uiterlijk is None:
        del body["uiterlijk"]
    body.update(overrides)
    return body


def assert_problem(response, status: int, *namen: str) -> dict:
    """The response is a problem+json with ``status``; ``namen`` are in invalidParams."""
    assert response.status_code == status, (response.status_code, response.content[:2000])
    assert response["Content-Type"].startswith(PROBLEM), response["Content-Type"]
    data = response.json()
    for key in ("type", "title", "status", "detail", "instance"):
        assert key in data, f"missing {key}: {data}"
        assert data[key] not in (None, ""), f"empty {key}: {data}"
    assert data["status"] == status
    assert data["instance"] == response.wsgi_request.path
    assert response.has_header("API-Version")
    if namen:
        gevonden = {p["name"] for p in data["invalidParams"]}
        for naam in namen:
            assert naam in gevonden, f"{naam} not in {gevonden}: {data}"
        for param in data["invalidParams"]:
            assert param["code"] and param["reason"]
    return data


def param(data: dict, naam: str) -> dict:
    """The first invalidParams entry for ``naam``."""
    return next(p for p in data["invalidParams"] if p["name"] == naam)
