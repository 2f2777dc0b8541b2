"""Pages of the Maatwerkplaats: Dutch, slash-less paths."""

from django.urls import path

from . import views

app_name = "maatwerkplaats"

urlpatterns = [
    path("maatwerkplaats", views.overzicht, name="overzicht"),
    path("maatwerkplaats/casussen/nieuw", views.casus_nieuw, name="casus-nieuw"),
    path("maatwerkplaats/casussen/<uuid:uuid>", views.casus_detail, name="casus"),
    path("maatwerkplaats/casussen/<uuid:uuid>/beraad/plannen", views.beraad_plannen, name="beraad-plannen"),
    path("maatwerkplaats/casussen/<uuid:uuid>/beraad", views.beraad, name="beraad"),
    path("maatwerkplaats/casussen/<uuid:uuid>/fix", views.fix, name="fix"),
    path("maatwerkplaats/casussen/<uuid:uuid>/solve", views.solve, name="solve"),
    path("casusprudentie", views.casusprudentie, name="casusprudentie"),
]
