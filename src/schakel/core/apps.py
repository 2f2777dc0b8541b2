from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "schakel.core"
    verbose_name = "Schakel kern"
