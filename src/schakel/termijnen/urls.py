"""Deadline pages: slash-less Dutch paths."""

from django.urls import path

from . import views

app_name = "termijnen"

urlpatterns = [
    path("termijnen", views.overzicht, name="overzicht"),
    path("signalen/<uuid:uuid>/termijn", views.termijn, name="termijn"),
    path("signalen/<uuid:uuid>/termijn-verlengen", views.verlengen, name="verlengen"),
]
