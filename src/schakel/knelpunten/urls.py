"""Knelpunten, the committee's agenda, the legislation agenda and open data: slash-less paths."""

from django.conf import settings
from django.urls import path
from django.views.decorators.cache import cache_page
from django_ratelimit.decorators import ratelimit

from . import opendata, views

app_name = "knelpunten"

OPEN_DATA_CACHE = 300  # seconds


def _snelheid(group, request) -> str:
    return settings.SCHAKEL_RATELIMIT_OPEN_DATA


def _open(view):
    """Public open data: cached, rate-limited per address."""
    return ratelimit(group="knelpunten:open-data", key="ip", rate=_snelheid, block=True)(cache_page(OPEN_DATA_CACHE)(view))


def _csv(request, naam):
    return opendata.csv_antwoord(naam)


urlpatterns = [
    path("knelpunten", views.knelpunten, name="knelpunten"),
    path("knelpunten/nieuw/<uuid:signaal>", views.knelpunt_nieuw, name="knelpunt-nieuw"),
    path("knelpunten/<uuid:uuid>", views.knelpunt_detail, name="knelpunt"),
    path("knelpunten/<uuid:uuid>/toevoegen", views.toevoegen, name="toevoegen"),
    path("knelpunten/<uuid:uuid>/splitsen", views.splitsen, name="splitsen"),
    path("knelpunten/<uuid:uuid>/wijzigen", views.wijzigen, name="wijzigen"),
    path("commissies/agenda", views.mijn_agenda, name="mijn-agenda"),
    path("commissies/<slug:afkorting>/agenda", views.commissie_agenda, name="agenda"),
    path("regelingen/<str:bwb_id>/abonnement", views.abonneren, name="abonneren"),
    path("organisaties/<slug:afkorting>/abonnement", views.abonneren_organisatie, name="abonneren-organisatie"),
    path("abonnementen", views.abonnementen, name="abonnementen"),
    path("wetgevingsagenda", views.wetgevingsagenda, name="wetgevingsagenda"),
    path("open-data", views.open_data, name="open-data"),
    path("open-data/<slug:naam>.csv", _open(_csv), name="csv"),
    path("open-data/agenda.atom", _open(opendata.AgendaFeed()), name="feed-agenda"),
    path("open-data/knelpunten.atom", _open(opendata.KnelpuntenFeed()), name="feed-knelpunten"),
    path("open-data/signalen.atom", _open(opendata.SignalenFeed()), name="feed-signalen"),
    path("open-data/reacties.atom", _open(opendata.ReactiesFeed()), name="feed-reacties"),
]
