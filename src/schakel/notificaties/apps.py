from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "schakel.notificaties"
    verbose_name = "Notificaties"

    def ready(self):
        from schakel.core import scheduler

        from . import verzending

        scheduler.registreer("mail", verzending.verstuur_direct, volgorde=scheduler.MAIL)
        scheduler.registreer("digest", verzending.verstuur_overzichten, volgorde=scheduler.DIGEST, dagelijks=True)
