from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "schakel.privacy"
    verbose_name = "Schakel privacy"
