"""Lists count exactly up to a cap; beyond it they say "more than" (web and API)."""

import pytest
from django.db.models import Count
from rest_framework.test import APIClient

from schakel.core import paginering
from schakel.signalen import services
from schakel.signalen.models import Signaal


@pytest.fixture
def klein_plafond(monkeypatch):
    monkeypatch.setattr(paginering.BegrensdePaginator, "max_geteld", 3)


@pytest.fixture
def vijf_signalen(wereld):
    for i in range(5):
        services.dien_in(indiener=wereld.melder_uwv, titel=f"Terugvordering voorschot {i}",
                         praktijk="Het voorschot wordt in één keer verrekend. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="Mensen met schulden",
                         regeling=wereld.wia)


def test_exact_below_the_cap(vijf_signalen):
    paginator = paginering.BegrensdePaginator(Signaal.objects.order_by("id"), 2)
    assert (paginator.count, paginator.count_is_exact, paginator.num_pages) == (5, True, 3)


def test_capped_above_it(vijf_signalen, klein_plafond):
    paginator = paginering.BegrensdePaginator(Signaal.objects.order_by("id"), 2)
    assert (paginator.count, paginator.count_is_exact, paginator.num_pages) == (3, False, 2)
    assert len(paginator.page(2).object_list) == 1  # the page past the cap is cut at the cap


def test_capped_count_ignores_ordering_and_annotations(vijf_signalen, klein_plafond, django_assert_num_queries):
    lijst = Signaal.objects.annotate(n=Count("oorzaken")).order_by("-n", "titel")
    with django_assert_num_queries(1) as vastgelegd:
        assert paginering.BegrensdePaginator(lijst, 2).count == 3
    sql = vastgelegd.captured_queries[0]["sql"].upper()
    assert "ORDER BY" not in sql and "LIMIT 4" in sql


def test_api_says_whether_the_count_is_exact(vijf_signalen, klein_plafond):
    antwoord = APIClient().get("/api/v1/signalen?pageSize=2")
    assert antwoord.status_code == 200
    assert (antwoord.json()["count"], antwoord.json()["countIsExact"]) == (3, False)
    voorbij = APIClient().get("/api/v1/signalen?pageSize=2&page=3")
    assert voorbij.status_code == 400
    assert "verfijn de filters" in voorbij.json()["invalidParams"][0]["reason"]


def test_api_exact_count(vijf_signalen):
    antwoord = APIClient().get("/api/v1/signalen?pageSize=2").json()
    assert (antwoord["count"], antwoord["countIsExact"]) == (5, True)


def test_web_list_says_more_than(vijf_signalen, klein_plafond, client):
    inhoud = client.get("/signalen").content.decode()
    assert "Meer dan 3 signalen gevonden; verfijn de filters" in inhoud
