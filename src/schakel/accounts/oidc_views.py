"""Sign-in through an organisation's identity provider: start, callback, logout.

``/inloggen/organisatie/<code>`` remembers the provider in the session and sends the browser
to it (mozilla-django-oidc's request view, with state, nonce and PKCE);
``/inloggen/organisatie/terug`` finishes the flow. When the provider asserted a second
factor, Schakel does not ask for its own code; otherwise a user with TOTP on gets the code
step, as after a password. Every refusal lands on the login page with a plain Dutch reason.
"""

from __future__ import annotations

from django.contrib import auth, messages
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView
from requests import RequestException

from schakel.audit import trail

from . import oidc, tweestap
from .models import Identiteitsaanbieder
from .views import begin_tweede_stap

ONBEREIKBAAR = ("De identiteitsaanbieder van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw of "
                "log in met uw Schakel-wachtwoord.")
MISLUKT = "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw."


def _instelling(aanbieder: Identiteitsaanbieder):
    """``get_settings`` for mozilla's views: the provider's values, else Schakel's settings."""
    def lees(attr, *args):
        if attr == "OIDC_OP_AUTHORIZATION_ENDPOINT":
            return oidc.configuratie(aanbieder)["authorization_endpoint"]
        if attr == "OIDC_RP_CLIENT_ID":
            return aanbieder.client_id
        if attr == "OIDC_RP_SCOPES":
            return aanbieder.scopes
        return import_from_settings(attr, *args)
    return lees


class Start(OIDCAuthenticationRequestView):
    def __init__(self, *args, **kwargs):  # mozilla reads one global provider here; ours comes per request
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request, slug):
        aanbieder = get_object_or_404(Identiteitsaanbieder, slug=slug, actief=True)
        self.get_settings = _instelling(aanbieder)
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (RequestException, ValueError, KeyError, ImproperlyConfigured):
            messages.error(request, ONBEREIKBAAR)
            return redirect("web:inloggen")
        self.OIDC_RP_CLIENT_ID = aanbieder.client_id
        request.session[oidc.SESSIESLEUTEL] = aanbieder.slug
        return super().get(request)


class Terug(OIDCAuthenticationCallbackView):
    def get(self, request):
        if not request.session.get(oidc.SESSIESLEUTEL):
            raise Http404("Er loopt geen inlogpoging via een organisatie.")
        try:
            return super().get(request)
        except SuspiciousOperation:
            return self._mislukt(getattr(request, "schakel_oidc_weigering", "") or MISLUKT)
        except (RequestException, ValueError, KeyError, ImproperlyConfigured):
            return self._mislukt(ONBEREIKBAAR)

    def login_failure(self):
        return self._mislukt(getattr(self.request, "schakel_oidc_weigering", "") or MISLUKT)

    def _mislukt(self, reden: str):
        request = self.request
        if request.user.is_authenticated:
            auth.logout(request)
        slug = request.session.pop(oidc.SESSIESLEUTEL, None)
        if aanbieder := Identiteitsaanbieder.objects.filter(slug=slug).first():
            trail.record("inloggen_via_oidc_geweigerd", aanbieder, toelichting=reden,
                         actor_omschrijving=f"iemand via {aanbieder.naam}")
        messages.error(request, reden)
        return redirect("web:inloggen")

    def login_success(self):
        request, user = self.request, self.user
        aanbieder = Identiteitsaanbieder.objects.get(slug=request.session.get(oidc.SESSIESLEUTEL))
        claims = getattr(request, "schakel_oidc_claims", {})
        if not oidc.mfa_bevestigd(claims, aanbieder) and tweestap.staat_aan(user):
            begin_tweede_stap(request, user, self.success_url)
            return redirect("accounts:tweestap")
        response = super().login_success()
        if oidc.mfa_bevestigd(claims, aanbieder):
            request.session[oidc.MFA_SESSIESLEUTEL] = aanbieder.slug
        trail.record("ingelogd_via_oidc", user, actor=user, na={"aanbieder": aanbieder.slug,
                                                                "mfa": oidc.mfa_bevestigd(claims, aanbieder)})
        return response
