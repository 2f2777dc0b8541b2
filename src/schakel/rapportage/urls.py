"""The Staat van de Uitvoering: slash-less Dutch paths."""

from django.urls import path

from . import views

app_name = "rapportage"

urlpatterns = [
    path("staat-van-de-uitvoering", views.staat, name="staat"),
    path("staat-van-de-uitvoering.pdf", views.download, {"formaat": "pdf"}, name="staat-pdf"),
    path("staat-van-de-uitvoering.csv", views.download, {"formaat": "csv"}, name="staat-csv"),
    path("staat-van-de-uitvoering.json", views.download, {"formaat": "json"}, name="staat-json"),
]
