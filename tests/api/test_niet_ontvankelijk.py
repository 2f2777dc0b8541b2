"""POST /api/v1/signalen/{uuid}/niet-ontvankelijk: only the owner, problem+json otherwise;
tried as hostile users (issue 22)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from schakel.signalen import services
from schakel.signalen.models import NietOntvankelijk, Signaal
from schakel.signalen.workflow import Status

from ..signalen.test_niet_ontvankelijk import REDEN, SPAM
from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def url(signaal) -> str:
    return f"/api/v1/signalen/{signaal.uuid}/niet-ontvankelijk"


@pytest.fixture
def tweede(signaal, wereld):
    return services.dien_in(indiener=wereld.melder_uwv, titel="Voorschot WIA in één keer terugbetalen",
                            praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers,
                            regeling=wereld.wia)


def test_owner_declares_a_duplicate_and_the_signal_shows_it(als, signaal, tweede, wereld):
    response = als(wereld.behandelaar_szw).post(url(tweede), {"grond": "dubbel", "reden": REDEN,
                                                              "dubbelVan": signaal.kenmerk}, format="json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "niet_ontvankelijk"
    assert data["nietOntvankelijk"]["grond"] == "dubbel"
    assert data["nietOntvankelijk"]["dubbelVanKenmerk"] == signaal.kenmerk
    assert data["nietOntvankelijk"]["dubbelVan"].endswith(f"/api/v1/signalen/{signaal.uuid}")
    publiek = APIClient().get(f"/api/v1/signalen/{tweede.uuid}").json()
    assert publiek["nietOntvankelijk"]["reden"] == REDEN
    assert APIClient().get(f"/api/v1/signalen/{signaal.uuid}").json()["nietOntvankelijk"] is None


@pytest.mark.parametrize("wie", ["behandelaar_ienw", "melder_uwv", "griffie_szw", "bestuur_uwv"])
def test_others_are_refused(als, signaal, wereld, wie):
    assert_problem(als(getattr(wereld, wie)).post(url(signaal), {"grond": "spam", "reden": SPAM}, format="json"),
                   403)
    assert Signaal.objects.get(pk=signaal.pk).status == Status.IN_BEHANDELING


def test_anonymous_is_refused(signaal):
    response = APIClient().post(url(signaal), {"grond": "spam", "reden": SPAM}, format="json")
    assert response.status_code in (401, 403) and not NietOntvankelijk.objects.exists()


def test_bad_input_is_a_problem_naming_the_field(als, signaal, tweede, wereld):
    client = als(wereld.behandelaar_szw)
    assert_problem(client.post(url(tweede), {"grond": "spam", "reden": "Spam."}, format="json"), 400, "reden")
    assert_problem(client.post(url(tweede), {"grond": "onzin", "reden": SPAM}, format="json"), 400, "grond")
    assert_problem(client.post(url(tweede), {"grond": "dubbel", "reden": REDEN, "dubbelVan": str(tweede.uuid)},
                               format="json"), 400, "dubbelVan")
    verborgen = services.dien_in(indiener=wereld.melder_cbr, titel="Besloten signaal over het rijbewijs",
                                 praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers,
                                 regeling=wereld.wvw, openbaar=False)
    assert_problem(client.post(url(tweede), {"grond": "dubbel", "reden": REDEN, "dubbelVan": str(verborgen.uuid)},
                               format="json"), 400, "dubbelVan")
    assert not NietOntvankelijk.objects.exists()


def test_a_second_declaration_is_refused(als, signaal, wereld):
    client = als(wereld.behandelaar_szw)
    assert client.post(url(signaal), {"grond": "spam", "reden": SPAM}, format="json").status_code == 200
    response = client.post(url(signaal), {"grond": "spam", "reden": SPAM}, format="json")
    assert response.status_code in (403, 409) and NietOntvankelijk.objects.count() == 1
