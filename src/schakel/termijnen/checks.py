"""System checks: the term settings must be usable before any deadline is computed."""

from django.conf import settings
from django.core.checks import Error, register

from . import regels
from .ladder import Trede


@register()
def controleer_instellingen(app_configs, **kwargs):
    fouten = [Error(f"SCHAKEL_TERMIJNEN: {fout}.", id="termijnen.E001")
              for fout in regels.controleer(dict(getattr(settings, "SCHAKEL_TERMIJNEN", {})))]
    eerste = str(getattr(settings, "SCHAKEL_NOODREM_EERSTE_TREDE", "bestuur")).upper()
    if eerste not in Trede.names or eerste == "KAMERCOMMISSIE":
        fouten.append(Error(
            "SCHAKEL_NOODREM_EERSTE_TREDE must be one of behandelaar, bestuur, ministerie, bewindspersoon.",
            id="termijnen.E002"))
    return fouten
