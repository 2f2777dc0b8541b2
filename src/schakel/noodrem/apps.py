from django.apps import AppConfig


class NoodremConfig(AppConfig):
    name = "schakel.noodrem"
    verbose_name = "Noodrem"

    def ready(self):
        from schakel.termijnen import engine

        from . import retourstickers

        engine.registreer(retourstickers.CONTACT)  # the term to call back a citizen
