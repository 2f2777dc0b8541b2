"""Account pages: Dutch, slash-less paths."""

from django.urls import path

from . import oidc_views, views

app_name = "accounts"

urlpatterns = [
    path("account", views.account, name="account"),
    path("account/tweestapsverificatie", views.totp_instellen, name="totp-instellen"),
    path("account/tweestapsverificatie/uitzetten", views.totp_uitzetten, name="totp-uitzetten"),
    path("account/herstelcodes", views.herstelcodes_vernieuwen, name="herstelcodes"),
    path("account/api-tokens", views.api_tokens, name="api-tokens"),
    path("inloggen/code", views.tweede_stap, name="tweestap"),
    path("inloggen/herstelcode", views.tweede_stap_herstelcode, name="tweestap-herstelcode"),
    path("inloggen/organisatie/terug", oidc_views.Terug.as_view(), name="oidc-terug"),
    path("inloggen/organisatie/<slug:slug>", oidc_views.Start.as_view(), name="oidc-start"),
]
