from django.apps import AppConfig


class KnelpuntenConfig(AppConfig):
    name = "schakel.knelpunten"
    verbose_name = "Knelpunten en agendering"

    def ready(self):
        from schakel.core import scheduler

        from . import agendering

        scheduler.registreer("agendering", agendering.run_agendering_sweep, volgorde=scheduler.AGENDERING)
