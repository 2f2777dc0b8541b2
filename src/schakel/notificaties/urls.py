from django.urls import path

from . import views

app_name = "notificaties"

urlpatterns = [
    path("inbox", views.inbox, name="inbox"),
    path("inbox/gelezen", views.gelezen, name="gelezen"),
    path("inbox/e-mail", views.voorkeur, name="voorkeur"),
]
