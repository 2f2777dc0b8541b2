"""DRF throttles keyed on the client address that :mod:`schakel.core.klantadres` decides.

DRF's own ``get_ident`` believes ``X-Forwarded-For`` when ``NUM_PROXIES`` is unset, so a
client could pick a new address per request; these never do.
"""

from __future__ import annotations

from rest_framework import throttling

from schakel.core import klantadres


class KlantadresMixin:
    def get_ident(self, request):
        return klantadres.limietsleutel(request)


class AnoniemLimiet(KlantadresMixin, throttling.AnonRateThrottle):
    """Anonymous requests per client address (rate ``anon``)."""


class GebruikerLimiet(KlantadresMixin, throttling.UserRateThrottle):
    """Requests per user, or per address when anonymous (rate ``user``)."""
