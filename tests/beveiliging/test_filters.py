"""Filters are strict on every API list: an invalid or empty value is a 400 naming the parameter.

``/knelpunten?geagendeerd=AAA`` and an empty ``organisatie=``, ``signaal=`` or
``ingediendVanaf=`` used to return everything. The endpoints are enumerated from the URL
map, so a new list or filter is covered without touching this file.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, get_resolver
from django_filters import rest_framework as filters
from rest_framework.test import APIClient

from schakel.api.filters import StrikteFilterSet

from ..api.conftest import PROBLEM, als  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _lijsten():
    """(path, view class) of every API route without path parameters that answers GET."""
    api = next(p for p in get_resolver().url_patterns if str(p.pattern).startswith("api/"))
    for patroon in api.url_patterns:
        assert isinstance(patroon, URLPattern)
        klasse = getattr(patroon.callback, "cls", None)
        acties = getattr(patroon.callback, "actions", None) or {}
        if "<" in str(patroon.pattern) or klasse is None or "openapi" in str(patroon.pattern):
            continue
        if "get" in acties or (not acties and hasattr(klasse, "get")):
            yield f"/api/v1/{patroon.pattern}", klasse


def _parameters(klasse) -> dict[str, object]:
    filterset = getattr(klasse, "filterset_class", None)
    return dict(filterset.base_filters) if filterset else {}


LIJSTEN = sorted(_lijsten())


def test_the_lists_are_found():
    paden = [pad for pad, _ in LIJSTEN]
    assert {"/api/v1/signalen", "/api/v1/knelpunten", "/api/v1/toezeggingen", "/api/v1/casussen"} <= set(paden)


def _probleem(antwoord, parameter):
    assert antwoord.status_code == 400, (antwoord.request["PATH_INFO"], parameter, antwoord.status_code)
    assert antwoord["Content-Type"] == PROBLEM
    namen = [p["name"] for p in antwoord.json()["invalidParams"]]
    assert parameter in namen, (parameter, antwoord.json())


@pytest.mark.parametrize("pad,klasse", LIJSTEN, ids=[p for p, _ in LIJSTEN])
def test_an_empty_parameter_is_a_400_naming_it(wereld, als, pad, klasse):  # noqa: F811
    client = als(wereld.behandelaar_szw)
    parameters = set(_parameters(klasse)) | {"page"}
    if pad.endswith("staat-van-de-uitvoering"):
        parameters = {"periode", "organisatie"}
    for parameter in parameters:
        _probleem(client.get(pad, {parameter: ""}), parameter)


@pytest.mark.parametrize("pad,klasse", LIJSTEN, ids=[p for p, _ in LIJSTEN])
def test_an_invalid_filter_value_is_a_400_naming_it(wereld, als, pad, klasse):  # noqa: F811
    client = als(wereld.behandelaar_szw)
    for parameter, filter_ in _parameters(klasse).items():
        if type(filter_) is filters.CharFilter:  # free text (zoek): any text is a valid query
            continue
        _probleem(client.get(pad, {parameter: "AAA"}), parameter)


def test_geagendeerd_filters_both_ways(wereld):
    client = APIClient()
    assert client.get("/api/v1/knelpunten", {"geagendeerd": "true"}).json()["count"] == 0
    assert client.get("/api/v1/knelpunten", {"geagendeerd": "false"}).status_code == 200


def test_no_filter_set_uses_a_filter_that_ignores_what_it_does_not_understand():
    werk, gezien = [StrikteFilterSet], []
    while werk:
        klasse = werk.pop()
        for sub in klasse.__subclasses__():
            werk.append(sub)
            gezien.append(sub)
            for naam, filter_ in sub.base_filters.items():
                assert not isinstance(filter_, filters.BooleanFilter), f"{sub.__name__}.{naam}"
    assert len(gezien) >= 6
