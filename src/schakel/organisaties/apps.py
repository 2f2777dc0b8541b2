from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "schakel.organisaties"
    verbose_name = "Organisaties"
