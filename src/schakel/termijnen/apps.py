from django.apps import AppConfig


class TermijnenConfig(AppConfig):
    name = "schakel.termijnen"
    verbose_name = "Termijnen en escalatie"

    def ready(self):
        from schakel.core import scheduler

        from . import checks  # noqa: F401  (registers the system checks)
        from . import engine, sweep

        engine.registreer(sweep.SIGNAAL)  # the signal's kind of term
        scheduler.registreer("sweep", sweep.run_sweep, volgorde=scheduler.ESCALATIE)
