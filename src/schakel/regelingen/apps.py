from django.apps import AppConfig


class RegelingenConfig(AppConfig):
    name = "schakel.regelingen"
    verbose_name = "Regelingen"
