"""Web pages: Dutch, slash-less paths."""

from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen", views.Inloggen.as_view(), name="inloggen"),
    path("uitloggen", views.Uitloggen.as_view(), name="uitloggen"),
    path("signalen", views.signalen, name="signalen"),
    path("signalen/nieuw", views.signaal_nieuw, name="signaal-nieuw"),
    path("signalen/triage", views.triage, name="triage"),
    path("signalen/<uuid:uuid>", views.signaal_detail, name="signaal"),
    path("signalen/<uuid:uuid>/reageren", views.reageren, name="reageren"),
    path("signalen/<uuid:uuid>/doorsturen", views.doorsturen, name="doorsturen"),
    path("signalen/<uuid:uuid>/niet-ontvankelijk", views.niet_ontvankelijk, name="niet-ontvankelijk"),
    path("signalen/<uuid:uuid>/trieren", views.trieren, name="trieren"),
    path("toezeggingen/<uuid:uuid>/nakomen", views.toezegging_nakomen, name="toezegging-nakomen"),
    path("organisaties/<slug:afkorting>", views.organisatie_detail, name="organisatie"),
    path("regelingen/<str:bwb_id>", views.regeling_detail, name="regeling"),
]
