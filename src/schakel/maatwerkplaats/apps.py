from django.apps import AppConfig


class MaatwerkplaatsConfig(AppConfig):
    name = "schakel.maatwerkplaats"
    verbose_name = "Maatwerkplaats"
