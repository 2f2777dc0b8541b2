from django.apps import AppConfig


class TermijnenConfig(AppConfig):
    name = "schakel.termijnen"
    verbose_name = "Termijnen en escalatie"
