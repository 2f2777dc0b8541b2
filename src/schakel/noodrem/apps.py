from django.apps import AppConfig


class NoodremConfig(AppConfig):
    name = "schakel.noodrem"
    verbose_name = "Noodrem"

    def ready(self):
        from schakel.core import scheduler
        from schakel.termijnen import engine

        from . import retourstickers, sweep

        engine.registreer(retourstickers.CONTACT)  # the term to call back a citizen
        scheduler.registreer("retoursticker-sweep", sweep.run_retoursticker_sweep,
                             volgorde=scheduler.RETOURSTICKERS)
