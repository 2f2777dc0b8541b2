from django.apps import AppConfig
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_migrate


def _cachetabellen(sender, **kwargs):
    """After ``migrate``: the cache table, wherever the router puts it (on SQLite a file of its own,
    which an upgrade would otherwise leave without one)."""
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)


def _controleer_proxies(app_configs, **kwargs):
    from . import klantadres

    try:
        klantadres.vertrouwde_proxies()
    except ImproperlyConfigured as fout:
        return [checks.Error(str(fout), id="schakel.E001")]
    return []


class CoreConfig(AppConfig):
    name = "schakel.core"
    verbose_name = "Schakel kern"

    def ready(self):
        post_migrate.connect(_cachetabellen, sender=self)
        checks.register(_controleer_proxies)
