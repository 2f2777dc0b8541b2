from django.apps import AppConfig


class ToetsenConfig(AppConfig):
    name = "schakel.toetsen"
    verbose_name = "Uitvoeringstoetsen en invoeringstoetsen"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
