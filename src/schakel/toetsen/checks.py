"""System check: ``SCHAKEL_TOETSTERMIJNEN`` and ``SCHAKEL_INVOERINGSTOETS_NA`` are valid."""

from django.conf import settings
from django.core.checks import Error, register

from .termijnen import controleer


@register()
def toetstermijnen(app_configs, **kwargs):
    fouten = [Error(f"SCHAKEL_TOETSTERMIJNEN: {f}", id="toetsen.E001")
              for f in controleer(getattr(settings, "SCHAKEL_TOETSTERMIJNEN", {}))]
    na = getattr(settings, "SCHAKEL_INVOERINGSTOETS_NA", {"maanden": 12})
    if (not isinstance(na, dict) or len(na) != 1 or next(iter(na)) not in ("maanden", "werkdagen")
            or not isinstance(next(iter(na.values())), int) or next(iter(na.values())) < 1):
        fouten.append(Error("SCHAKEL_INVOERINGSTOETS_NA must be {'maanden': n} or {'werkdagen': n} with n >= 1",
                            id="toetsen.E002"))
    return fouten
