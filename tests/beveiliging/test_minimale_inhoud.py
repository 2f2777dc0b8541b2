"""Junk signals (issue 22): a signal titled "x" with practice "y" was accepted and started a
30-working-day clock. Minimum content on every path that files one, with Dutch messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from schakel.signalen import services
from schakel.signalen.models import MIN_GETROFFEN, MIN_MELDINGEN, MIN_PRAKTIJK, MIN_TITEL, Signaal
from tests.api.conftest import assert_problem, signaal_body
from tests.web.html import zichtbare_tekst
from tests.web.test_formulieren import _signaal_post

pytestmark = pytest.mark.django_db


def test_the_junk_from_the_report_is_refused_by_the_service(wereld):
    with pytest.raises(ValidationError) as e:
        services.dien_in(indiener=wereld.melder_uwv, titel="x", praktijk="y", getroffen_burgers="z",
                         regeling=wereld.wia)
    assert e.value.message_dict == {veld: [MIN_MELDINGEN[veld]] for veld in ("titel", "praktijk", "getroffen_burgers")}
    assert not Signaal.objects.exists()


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titel=st.text(min_size=1, max_size=MIN_TITEL - 1).filter(str.strip),
       praktijk=st.text(min_size=1, max_size=MIN_PRAKTIJK - 1).filter(str.strip))
def test_anything_shorter_than_the_minimum_is_refused(wereld, titel, praktijk):
    with pytest.raises(ValidationError) as e:
        services.dien_in(indiener=wereld.melder_uwv, titel=titel, praktijk=praktijk,
                         getroffen_burgers="Mensen met schulden", regeling=wereld.wia)
    assert {"titel", "praktijk"} <= set(e.value.message_dict)


def test_spaces_do_not_count(wereld):
    with pytest.raises(ValidationError) as e:
        services.dien_in(indiener=wereld.melder_uwv, titel="   kort    " + " " * 50, praktijk="p" * 79 + " " * 30,
                         getroffen_burgers=" " * 20 + "a" * (MIN_GETROFFEN - 1), regeling=wereld.wia)
    assert set(e.value.message_dict) == {"titel", "praktijk", "getroffen_burgers"}


def test_web_form_says_so_in_dutch(wereld):
    client = Client()
    client.force_login(wereld.melder_cbr)
    response = client.post(reverse("web:signaal-nieuw"), _signaal_post(wereld, titel="x", praktijk="y",
                                                                      getroffen_burgers="z"))
    tekst = zichtbare_tekst(response.content.decode())
    assert response.status_code == 200 and not Signaal.objects.exists()
    for melding in MIN_MELDINGEN.values():
        assert melding in tekst


def test_api_refuses_with_a_problem_naming_each_field(wereld):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(wereld.melder_uwv)
    response = client.post("/api/v1/signalen", signaal_body(titel="x", praktijk="y", getroffenBurgers="z"),
                           format="json")
    data = assert_problem(response, 400, "titel", "praktijk", "getroffenBurgers")
    redenen = {p["name"]: p["reason"] for p in data["invalidParams"]}
    assert redenen["praktijk"] == MIN_MELDINGEN["praktijk"]
    assert not Signaal.objects.exists()


def test_the_schema_documents_the_minimums():
    schema = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
    schemas = schema["components"]["schemas"]
    for naam in ("NieuwSignaalRequest", "NieuweNoodremRequest", "NieuweSolveRequest"):
        velden = schemas[naam]["properties"]
        assert velden["titel"]["minLength"] == MIN_TITEL, naam
        assert velden["getroffenBurgers"]["minLength"] == MIN_GETROFFEN, naam
    for naam in ("NieuwSignaalRequest", "NieuweNoodremRequest"):
        assert schemas[naam]["properties"]["praktijk"]["minLength"] == MIN_PRAKTIJK
