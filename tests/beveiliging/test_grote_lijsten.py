"""Huge lists are refused before their elements are looked up.

An element of a list field can cost a query (a natural key such as a cause code or a
principle). The attack: 60,000 ``beginselen`` in 1 MB took 14.7 s anonymously before the
400. Now every writable list checks its length first (``schakel.api.fields.Lijst``, form
fields through ``schakel.web.forms.BegrensdeKeuzes``), and the structural tests below make
sure every list field of every serializer and form does.
"""

from __future__ import annotations

import importlib
import inspect
import re
import time
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from rest_framework import serializers
from rest_framework.test import APIClient

import schakel
from schakel.api.fields import Lijst
from schakel.web.forms import BegrensdeKeuzes

from ..api.conftest import als  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


def _groot(client, pad, body, django_assert_max_num_queries):
    client.post(pad, {}, format="json")  # warm up (imports, URL resolver) outside the measurement
    with django_assert_max_num_queries(MAX_QUERIES):
        begin = time.perf_counter()
        antwoord = client.post(pad, body, format="json")
        duur = time.perf_counter() - begin
    assert antwoord.status_code == 400, antwoord.content[:300]
    assert antwoord["Content-Type"] == "application/problem+json"
    assert duur < 1.0  # about 40 ms on the server here; the limit leaves room for a busy CI machine
    return {p["name"]: p["reason"] for p in antwoord.json()["invalidParams"]}


def test_sixty_thousand_beginselen_are_refused_with_a_constant_number_of_queries(wereld,
                                                                                django_assert_max_num_queries):
    fouten = _groot(APIClient(), "/api/v1/noodremmen", {"beginselen": ["evenredigheid"] * 60_000},
                    django_assert_max_num_queries)
    assert fouten["beginselen"] == "Geef ten hoogste 20 elementen op."


def test_fifty_five_thousand_oorzaken_are_refused_with_a_constant_number_of_queries(wereld, als,
                                                                                  django_assert_max_num_queries):
    fouten = _groot(als(wereld.melder_uwv), "/api/v1/signalen", {"oorzaken": ["complexe-regels"] * 55_000},
                    django_assert_max_num_queries)
    assert fouten["oorzaken"].startswith("Geef ten hoogste")


def _serializers():
    for config in apps.get_app_configs():
        if not config.name.startswith("schakel."):
            continue
        for module in ("api", "serializers"):
            try:
                importlib.import_module(f"{config.name}.{module}")
            except ModuleNotFoundError:
                pass
    gezien, werk = set(), [serializers.Serializer]
    while werk:
        klasse = werk.pop()
        for sub in klasse.__subclasses__():
            if sub not in gezien:
                gezien.add(sub)
                werk.append(sub)
    return [s for s in gezien if s.__module__.startswith("schakel.")]


def _invoerserializers():
    """Every serializer that reads a request body (``X(data=request.data)`` in the source)."""
    bron = "".join(p.read_text() for p in Path(schakel.__file__).parent.rglob("*.py"))
    namen = set(re.findall(r"(\w+)\(data=request\.data", bron))
    klassen = [k for k in _serializers() if k.__name__ in namen]
    assert {k.__name__ for k in klassen} == namen
    return klassen


def test_every_writable_list_field_of_every_serializer_is_bounded_before_its_elements():
    gecontroleerd = 0
    werk = list(_invoerserializers())
    assert len(werk) >= 15
    while werk:
        klasse = werk.pop()
        for naam, veld in klasse().fields.items():
            if veld.read_only:
                continue
            assert not isinstance(veld, serializers.ManyRelatedField), f"{klasse.__name__}.{naam}: use Lijst"
            assert not isinstance(veld, serializers.ListSerializer), f"{klasse.__name__}.{naam}: use Lijst"
            if isinstance(veld, serializers.ListField):
                assert isinstance(veld, Lijst) and veld.max_length, f"{klasse.__name__}.{naam}"
                gecontroleerd += 1
                veld = veld.child
            if isinstance(veld, serializers.Serializer):
                werk.append(type(veld))  # nested items (a commitment, a participant)
    assert gecontroleerd >= 7  # oorzaken, beginselen (2), regelingen, uitvoerders, deelnemers, casussen, ...


def _formulieren():
    for config in apps.get_app_configs():
        if config.name.startswith("schakel."):
            try:
                module = importlib.import_module(f"{config.name}.forms")
            except ModuleNotFoundError:
                continue
            for _, klasse in inspect.getmembers(module, inspect.isclass):
                if issubclass(klasse, forms.BaseForm) and klasse.__module__ == module.__name__:
                    yield klasse


def test_every_multiple_choice_field_of_every_form_is_bounded():
    gecontroleerd = 0
    for klasse in _formulieren():
        for naam, veld in klasse.base_fields.items():
            if isinstance(veld, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
                assert isinstance(veld, BegrensdeKeuzes), f"{klasse.__name__}.{naam}"
                gecontroleerd += 1
    assert gecontroleerd >= 6


def test_a_form_refuses_too_many_choices_before_looking_them_up(wereld, django_assert_max_num_queries):
    from schakel.web.forms import SignaalFormulier

    veld = SignaalFormulier.base_fields["oorzaken"]
    with django_assert_max_num_queries(0):
        with pytest.raises(forms.ValidationError) as fout:
            veld.clean(["complexe-regels"] * (veld.max_keuzes + 1))
    assert fout.value.messages == [f"Kies ten hoogste {veld.max_keuzes}."]
