"""Knelpunten are searched with the same Dutch analyser as signals, on the web and in the API."""

import pytest
from rest_framework.test import APIClient

from schakel.knelpunten.models import Knelpunt


@pytest.fixture
def knelpunt(wereld, dien_in, maak_knelpunt):
    return maak_knelpunt(dien_in(wereld.melder_uwv), titel="Terugvordering van WIA-voorschotten ineens")


def test_a_knelpunt_keeps_its_search_text_in_step_with_its_text(knelpunt):
    assert " voorschot " in knelpunt.zoektekst and " schuld " in knelpunt.zoektekst
    knelpunt.titel = "Wachttijden voor keuringen"
    knelpunt.save(update_fields=["titel"])
    knelpunt.refresh_from_db()
    assert " keuring " in knelpunt.zoektekst


def test_the_api_finds_knelpunten_by_any_form_of_a_word(knelpunt):
    api = APIClient(raise_request_exception=False)
    gevonden = api.get("/api/v1/knelpunten", {"zoek": "voorschot schulden"}).json()
    lijst = gevonden["results"] if isinstance(gevonden, dict) else gevonden
    assert [k["uuid"] for k in lijst] == [str(knelpunt.uuid)]
    niets = api.get("/api/v1/knelpunten", {"zoek": "kinderopvang"}).json()
    assert (niets["results"] if isinstance(niets, dict) else niets) == []


def test_the_web_list_searches_and_marks_the_found_words(knelpunt, client):
    html = client.get("/knelpunten", {"q": "schuld"}).content.decode()
    assert knelpunt.titel in html and "<mark>schulden</mark>" in html
    html = client.get("/knelpunten", {"q": "kinderopvang"}).content.decode()
    assert knelpunt.titel not in html and "Geen open knelpunten gevonden" in html
    assert Knelpunt.objects.count() == 1
