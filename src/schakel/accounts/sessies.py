"""Session lifetimes: a logged-in session ends after ``SCHAKEL_SESSIE_INACTIEF_MINUTEN`` without a
request, and ``SCHAKEL_SESSIE_MAX_UREN`` after logging in whatever happens (``SESSION_COOKIE_AGE``
is the same absolute lifetime for the cookie). Times come from ``schakel.core.clock``.

The last-activity time is written at most once a minute, so an active session is not saved on
every request.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

from schakel.core import clock

BEGIN = "schakel_sessie_begin"
ACTIEF = "schakel_sessie_actief"
SCHRIJF_NA = 60  # seconds


class SessieTijdenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._controleer(request)
        return self.get_response(request)

    def _controleer(self, request) -> None:
        sessie = request.session
        nu = clock.now().timestamp()
        begin = sessie.get(BEGIN)
        actief = sessie.get(ACTIEF)
        if begin is None:
            sessie[BEGIN] = sessie[ACTIEF] = nu
            return
        inactief = nu - (actief or begin) > settings.SCHAKEL_SESSIE_INACTIEF_MINUTEN * 60
        te_oud = nu - begin > settings.SCHAKEL_SESSIE_MAX_UREN * 3600
        if inactief or te_oud:
            logout(request)
            messages.info(request, "U was te lang niet actief en bent uitgelogd. Log opnieuw in." if inactief else
                          "U was lang ingelogd en bent voor de veiligheid uitgelogd. Log opnieuw in.")
            return
        if actief is None or nu - actief >= SCHRIJF_NA:
            sessie[ACTIEF] = nu


def bij_inloggen(sender, request, user, **kwargs) -> None:
    """``user_logged_in``: the absolute lifetime counts from here."""
    if request is not None and hasattr(request, "session"):
        request.session[BEGIN] = request.session[ACTIEF] = clock.now().timestamp()
