"""``Idempotency-Key`` on every POST of the API: a retried request never creates anything twice.

A client that sends ``Idempotency-Key: <its own unique value>`` with a POST may safely
send the same request again (after a time-out, a dropped connection, a crash):

* same key, same request (method, path and JSON body, whitespace and key order aside):
  the stored answer comes back, with the same status and body, and nothing new is made;
* same key, another request: ``422`` problem+json, nothing happens;
* keys are scoped per user (two users may use the same key) and kept for
  ``SCHAKEL_IDEMPOTENTIE_UREN`` hours (default 24); ``schakel wis-idempotentiesleutels``
  removes expired ones.

Only successful (2xx) answers are stored: a request that failed (400, 403, 409, …) was
rolled back and may be retried with the same key.

Concurrency: the key is claimed (a row with ``UNIQUE (gebruiker, sleutel)``) at the start
of the request, in the request's own transaction, and completed with the answer at its
end. A concurrent duplicate blocks on that unique index (PostgreSQL) or on the write lock
(SQLite) until the first commits, then gets the stored answer; if the first failed, its
claim is rolled back and the duplicate runs normally.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from rest_framework import exceptions, status

from schakel.core import clock

from .models import IdempotentVerzoek

HEADER = "Idempotency-Key"
SLEUTEL = re.compile(r"^[\x21-\x7e]{1,255}$")  # visible ASCII, as in the IETF draft's examples


class SleutelHergebruikt(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = ("Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor elk nieuw "
                      "verzoek een nieuwe sleutel; herhaal een verzoek alleen met precies dezelfde inhoud.")
    default_code = "idempotentie_sleutel_hergebruikt"


class _Herhaling(Exception):
    """Internal: answer with the stored response instead of running the view."""

    def __init__(self, antwoord: HttpResponse):
        self.antwoord = antwoord


def bewaartermijn() -> dt.timedelta:
    return dt.timedelta(hours=getattr(settings, "SCHAKEL_IDEMPOTENTIE_UREN", 24))


def vingerafdruk(request) -> str:
    body = request.body  # read once; DRF's parser reads the cached copy afterwards
    try:
        inhoud = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    except (ValueError, UnicodeDecodeError):
        inhoud = body
    h = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    h.update(inhoud)
    return h.hexdigest()


def _sleutel(request) -> str:
    sleutel = request.headers[HEADER]
    if not SLEUTEL.match(sleutel):
        raise exceptions.ValidationError({HEADER: [exceptions.ErrorDetail(
            "Een Idempotency-Key is 1 tot 255 zichtbare ASCII-tekens, bijvoorbeeld een UUID.", code="invalid")]})
    return sleutel


def _herhaal(verzoek: IdempotentVerzoek) -> HttpResponse:
    antwoord = HttpResponse(bytes(verzoek.inhoud), status=verzoek.status, content_type=verzoek.content_type)
    if verzoek.location:
        antwoord["Location"] = verzoek.location
    return antwoord


def claim(request, gebruiker) -> IdempotentVerzoek:
    """Claim the request's key, or raise ``_Herhaling``/``SleutelHergebruikt``."""
    sleutel = _sleutel(request)
    afdruk = vingerafdruk(request)
    nu = clock.now()
    for _ in range(2):
        bestaand = IdempotentVerzoek.objects.filter(gebruiker=gebruiker, sleutel=sleutel).first()
        if bestaand is not None and bestaand.verloopt_op <= nu:
            IdempotentVerzoek.objects.filter(pk=bestaand.pk).delete()
            bestaand = None
        if bestaand is not None:
            if bestaand.vingerafdruk != afdruk:
                raise SleutelHergebruikt()
            raise _Herhaling(_herhaal(bestaand))
        try:
            with transaction.atomic():
                return IdempotentVerzoek.objects.create(
                    gebruiker=gebruiker, sleutel=sleutel, vingerafdruk=afdruk, pad=request.path[:500],
                    aangemaakt_op=nu, verloopt_op=nu + bewaartermijn())
        except IntegrityError:
            continue  # a concurrent duplicate committed first: read its answer
    raise exceptions.APIException("De Idempotency-Key kon niet worden vastgelegd; probeer het opnieuw.")


def bewaar(verzoek: IdempotentVerzoek, antwoord) -> None:
    """Complete the claim with a 2xx answer; drop it for anything else (the request may be retried)."""
    if not 200 <= antwoord.status_code < 300:
        if not transaction.get_rollback():
            IdempotentVerzoek.objects.filter(pk=verzoek.pk).delete()
        return
    if hasattr(antwoord, "render") and not getattr(antwoord, "is_rendered", True):
        antwoord.render()
    IdempotentVerzoek.objects.filter(pk=verzoek.pk).update(
        status=antwoord.status_code, inhoud=bytes(antwoord.content),
        content_type=antwoord.get("Content-Type", "application/json"), location=antwoord.get("Location", ""))


_GEEN = object()


def _gebruiker(request):
    """Who sends this request, as the API's authentication classes will decide (token first, then
    the session with its CSRF check). ``None``: not authenticated; the view answers 401/403 itself."""
    from rest_framework.request import Request
    from rest_framework.settings import api_settings

    drf = Request(request, authenticators=[cls() for cls in api_settings.DEFAULT_AUTHENTICATION_CLASSES])
    # DRF writes what it decides back onto the Django request (``request.user``): an anonymous
    # user after a failed CSRF check, which would make the view answer 401 instead of the 403
    # it gives without an Idempotency-Key. Put the session's user back; the view decides.
    vorige = request.__dict__.get("user", _GEEN)
    try:
        user = drf.user
    except exceptions.APIException:
        return None
    finally:
        if vorige is _GEEN:
            request.__dict__.pop("user", None)
        else:
            request.user = vorige
    return user if getattr(user, "is_authenticated", False) else None


class IdempotencyMiddleware:
    """Honours ``Idempotency-Key`` on every POST under /api/ (see the module docstring).

    A middleware rather than a view mixin, so that every POST endpoint, including ones added
    later, gets it. The claim, the view (whose ATOMIC_REQUESTS transaction becomes a savepoint
    inside this one) and the stored answer commit or roll back together.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.path.startswith("/api/") or HEADER not in request.headers:
            return self.get_response(request)
        gebruiker = _gebruiker(request)
        if gebruiker is None:
            return self.get_response(request)
        with transaction.atomic():
            try:
                verzoek = claim(request, gebruiker)
            except _Herhaling as herhaling:
                return herhaling.antwoord
            except (exceptions.APIException, RequestDataTooBig) as fout:
                return _probleem(fout, request)  # rolls back this transaction only (nothing in it yet)
            antwoord = self.get_response(request)
            bewaar(verzoek, antwoord)
            return antwoord


def _probleem(fout: Exception, request) -> HttpResponse:
    from django.http import JsonResponse

    from .problems import PROBLEM_CONTENT_TYPE, exception_handler

    probleem = exception_handler(fout, {"request": request})
    return JsonResponse(probleem.data, status=probleem.status_code, content_type=PROBLEM_CONTENT_TYPE,
                        json_dumps_params={"ensure_ascii": False})


class IdempotentPostMixin:
    """No longer needed: ``IdempotencyMiddleware`` handles every POST under /api/. Kept so that
    views which declared it keep importing; it adds nothing."""
