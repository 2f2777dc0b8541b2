"""The one way a thin view hands a submitted form to a service, safe against a repeated POST.

Most pages that change something do the same: bind the form, and if it is valid call one
service with its cleaned data; a ``ValidationError`` from the service goes onto the form,
success is a flash message and a redirect. :func:`verwerk_formulier` is that, so a view
only says which form, which service with what, which message and where to go next.

Repeated POSTs (a reload of the page after submitting, a double click, the back button):
every form carries a one-time token (``{% formuliertoken %}``, a signed random value issued
with the form). :func:`eenmalig` consumes it in the transaction that creates the object,
by inserting it into :class:`~schakel.web.models.GebruiktFormuliertoken` (unique, in the
database, so it holds across app servers and parallel requests), together with the address
the success led to. The same token again creates nothing: the visitor is sent to that
address with a plain Dutch message. A refused submission (errors on the form) rolls the
token back with everything else, so the corrected form can be sent with it. Success always
ends in a redirect (post-redirect-get), so a reload repeats the GET, not the POST.

A POST without a token is processed as before (scripts, tests): the token guards against
accidental repeats by a browser, which always sends the token it was given; a deliberate
repeater could fetch a fresh token for every POST anyway (the API has Idempotency-Key).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect

from schakel.core import clock
from schakel.core.fouten import OngeldigeOvergang

from .models import GebruiktFormuliertoken

VELD = "formuliertoken"
GELDIG_SECONDEN = 2 * 24 * 3600  # a form left open over a weekend day still works
_ZOUT = "schakel.web.formuliertoken"
AL_VERSTUURD = ("Dit formulier was al verstuurd. Er is niets opnieuw aangemaakt; hier ziet u wat de eerste "
                "keer is vastgelegd.")
VERLOPEN = ("Dit formulier is verlopen of beschadigd. Er is niets opgeslagen. Controleer uw invoer en verstuur "
            "het formulier opnieuw.")


def nieuw_token() -> str:
    """A fresh one-time token for a form: a random value, signed with a timestamp."""
    return signing.TimestampSigner(salt=_ZOUT).sign(secrets.token_hex(16))


def _waarde(token: str) -> str | None:
    try:
        return signing.TimestampSigner(salt=_ZOUT).unsign(token, max_age=GELDIG_SECONDEN)
    except signing.BadSignature:  # also SignatureExpired
        return None


class _Terugdraaien(Exception):
    def __init__(self, antwoord):
        self.antwoord = antwoord


def _al_verstuurd(request: HttpRequest, gebruikt: GebruiktFormuliertoken) -> HttpResponseRedirect:
    messages.info(request, AL_VERSTUURD)
    return redirect(gebruikt.resultaat or "/")


def eenmalig(request: HttpRequest, uitvoeren: Callable[[], HttpResponse | None], *,
             form: forms.Form | None = None) -> HttpResponse | None:
    """Run ``uitvoeren`` (which creates something and returns a redirect, or ``None``/another
    response when it refused the input) at most once per form token in ``request.POST``.

    A used token: a redirect to what its first use led to, with :data:`AL_VERSTUURD`. A forged
    or expired token: an error on ``form`` (or a message) and ``None``, nothing is run."""
    token = request.POST.get(VELD, "")
    if not token:
        return uitvoeren()
    waarde = _waarde(token)
    if waarde is None:
        if form is not None:
            form.add_error(None, VERLOPEN)
        else:
            messages.error(request, VERLOPEN)
        return None
    if gebruikt := GebruiktFormuliertoken.objects.filter(token=waarde).first():
        return _al_verstuurd(request, gebruikt)
    try:
        with transaction.atomic():
            claim = GebruiktFormuliertoken.objects.create(token=waarde, gebruikt_op=clock.now())
            antwoord = uitvoeren()
            if not isinstance(antwoord, HttpResponseRedirect):
                raise _Terugdraaien(antwoord)  # refused: the token stays usable
            claim.resultaat = antwoord["Location"][:500]
            claim.save(update_fields=["resultaat"])
            return antwoord
    except _Terugdraaien as terug:
        return terug.antwoord
    except IntegrityError:
        # A parallel request with the same token won the insert (it waited for that one to commit).
        gebruikt = GebruiktFormuliertoken.objects.filter(token=waarde).first()
        if gebruikt is None:
            raise
        return _al_verstuurd(request, gebruikt)


def verwerk_formulier(
    request: HttpRequest,
    form: forms.Form,
    actie: Callable[[dict], Any],
    *,
    melding: str | Callable[[Any], str],
    naar: str | Callable[[Any], str],
    bij_weigering: str | None = None,
) -> HttpResponseRedirect | None:
    """Call ``actie(form.cleaned_data)`` if ``form`` is bound and valid; redirect after success.

    ``melding`` (the success message) and ``naar`` (a URL or a URL pattern name) are used
    as they are, or, when they are functions, called with what ``actie`` returned (for a
    text or an address that names the new object). A ``ValidationError`` from the service
    is put on the form with :func:`toon_servicefouten`. With ``bij_weigering`` (a URL) an
    action the current status does not allow (``OngeldigeOvergang``) becomes an error
    message and a redirect there; without it that exception is not caught.

    Returns the redirect, or ``None`` when the view should render the form again: not
    submitted, invalid, or refused by the service (errors on the form). A repeated POST of
    the same form (its one-time token already used) creates nothing: see :func:`eenmalig`.
    """
    if not (form.is_bound and form.is_valid()):
        return None
    weigeringen = (OngeldigeOvergang,) if bij_weigering is not None else ()

    def uitvoeren():
        try:
            resultaat = actie(form.cleaned_data)
        except ValidationError as fout:
            toon_servicefouten(fout, form)
            return None
        except weigeringen as fout:
            messages.error(request, str(fout))
            return redirect(bij_weigering)
        messages.success(request, melding(resultaat) if callable(melding) else melding)
        return redirect(naar(resultaat) if callable(naar) else naar)

    return eenmalig(request, uitvoeren, form=form)


class HerhaaldePostMiddleware:
    """A POST whose form token was already used never reaches its view: it is sent to what the
    first POST led to, with :data:`AL_VERSTUURD`. Before the view, because after the first POST
    the view may refuse the repeat for another reason (the deliberation is planned, the test is
    filled in: 403), which would hide that the first one succeeded. Web pages only (the API
    has Idempotency-Key); runs after authentication, CSRF and messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.path.startswith("/api/"):
            return None
        if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
            return None
        token = request.POST.get(VELD, "")
        waarde = _waarde(token) if token else None
        if waarde and (gebruikt := GebruiktFormuliertoken.objects.filter(token=waarde).first()):
            return _al_verstuurd(request, gebruikt)
        return None


# --- Service errors onto forms ----------------------------------------------------------------

_TOEZEGGING_SLEUTEL = re.compile(r"^toezeggingen\.(\d+)\.(\w+)$")


def toon_servicefouten(fout: ValidationError, form: forms.Form, formset=None,
                       rijen: list[int] | None = None) -> None:
    """Put the errors of a service ``ValidationError`` on the fields they are about.

    Keys are form field names, ``toezeggingen`` (the commitments as a whole) or
    ``toezeggingen.<i>.<veld>``, where ``i`` indexes the submitted commitments and
    ``rijen[i]`` is the formset row it came from. Unknown keys become form-wide errors.
    """
    meldingen = fout.message_dict if hasattr(fout, "error_dict") else {NON_FIELD_ERRORS: fout.messages}
    for sleutel, teksten in meldingen.items():
        match = _TOEZEGGING_SLEUTEL.match(sleutel)
        if formset is not None and match:
            i, veld = int(match[1]), match[2]
            rij = rijen[i] if rijen is not None and i < len(rijen) else i
            if rij < len(formset.forms) and veld in formset.forms[rij].fields:
                for tekst in teksten:
                    formset.forms[rij].add_error(veld, tekst)
                continue
        if formset is not None and sleutel == "toezeggingen":
            formset.non_form_errors().extend(teksten)
            continue
        veld = sleutel if sleutel in form.fields else None
        for tekst in teksten:
            form.add_error(veld, tekst)
