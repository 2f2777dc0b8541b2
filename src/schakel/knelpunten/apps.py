from django.apps import AppConfig


class KnelpuntenConfig(AppConfig):
    name = "schakel.knelpunten"
    verbose_name = "Knelpunten en agendering"

    def ready(self):
        from . import ontvangers

        ontvangers.verbind()
