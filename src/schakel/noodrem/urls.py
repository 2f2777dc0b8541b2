"""Pages of the brake: Dutch, slash-less paths."""

from django.urls import path

from . import views

app_name = "noodrem"

urlpatterns = [
    path("noodrem", views.start, name="start"),
    path("noodrem/professional", views.professional, name="professional"),
    path("noodrem/organisatie", views.organisatie, name="organisatie"),
    path("noodrem/ontvangstcode", views.ontvangstcode, name="ontvangstcode"),
    path("noodrem/ontvangen", views.ontvangen, name="ontvangen"),
    path("noodrem/inzage", views.inzage, name="inzage"),
    path("noodrem/inzage/sluiten", views.sluit_inzage, name="inzage-sluiten"),
    path("noodrem/retoursticker", views.retoursticker, name="retoursticker"),
    path("noodrem/<uuid:uuid>/berichten", views.berichten, name="berichten"),
    path("retourstickers/<uuid:uuid>/contact", views.contact, name="contact"),
    path("organisaties/<slug:afkorting>/retourstickers", views.retourstickers, name="retourstickers"),
]
