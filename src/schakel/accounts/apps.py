from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "schakel.accounts"
    verbose_name = "Gebruikers"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessies import bij_inloggen

        user_logged_in.connect(bij_inloggen, dispatch_uid="schakel.accounts.sessies")
