from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "schakel.accounts"
    verbose_name = "Gebruikers"
