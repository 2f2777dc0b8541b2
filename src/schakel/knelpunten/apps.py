from django.apps import AppConfig


class KnelpuntenConfig(AppConfig):
    name = "schakel.knelpunten"
    verbose_name = "Knelpunten en agendering"
