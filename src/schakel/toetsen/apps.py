from django.apps import AppConfig


class ToetsenConfig(AppConfig):
    name = "schakel.toetsen"
    verbose_name = "Uitvoeringstoetsen en invoeringstoetsen"

    def ready(self):
        from schakel.core import scheduler
        from schakel.termijnen import engine

        from . import checks  # noqa: F401  (registers the system checks)
        from . import termijnen

        engine.registreer(termijnen.BEOORDELING)  # the implementer's assessment
        engine.registreer(termijnen.ANTWOORD)  # the minister's answer
        scheduler.registreer("toets-sweep", termijnen.run_toets_sweep, volgorde=scheduler.TOETSEN)
