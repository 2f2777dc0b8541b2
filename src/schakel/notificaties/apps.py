from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "schakel.notificaties"
    verbose_name = "Notificaties"
