from django.apps import AppConfig


class NoodremConfig(AppConfig):
    name = "schakel.noodrem"
    verbose_name = "Noodrem"
