"""Pages of the uitvoeringstoets and invoeringstoets: Dutch, slash-less paths."""

from django.urls import path

from . import views

app_name = "toetsen"

urlpatterns = [
    path("voorstellen", views.voorstellen, name="voorstellen"),
    path("voorstellen/nieuw", views.voorstel_nieuw, name="voorstel-nieuw"),
    path("voorstellen/<uuid:uuid>", views.voorstel_detail, name="voorstel"),
    path("voorstellen/<uuid:uuid>/wijzigen", views.voorstel_wijzigen, name="voorstel-wijzigen"),
    path("voorstellen/<uuid:uuid>/toetsen/<uuid:toets>/invullen", views.toets_invullen, name="toets-invullen"),
    path("voorstellen/<uuid:uuid>/toetsen/<uuid:toets>/beantwoorden", views.toets_beantwoorden,
         name="toets-beantwoorden"),
    path("invoeringstoetsen", views.invoeringstoetsen, name="invoeringstoetsen"),
    path("invoeringstoetsen/nieuw", views.invoeringstoets_nieuw, name="invoeringstoets-nieuw"),
    path("invoeringstoetsen/<uuid:uuid>", views.invoeringstoets_detail, name="invoeringstoets"),
    path("invoeringstoetsen/<uuid:uuid>/rapportages/<uuid:rapportage>", views.rapporteren, name="rapporteren"),
]
