"""``Idempotency-Key`` on every POST of the API: a retried request never creates anything twice.

A client that sends ``Idempotency-Key: <its own unique value>`` with a POST may safely
send the same request again (after a time-out, a dropped connection, a crash):

* same key, same request (method, path and JSON body, whitespace and key order aside):
  the stored answer comes back, with the same status and body, and nothing new is made;
* same key, another request: ``422`` problem+json, nothing happens;
* keys are scoped per user (two users may use the same key) and kept for
  ``SCHAKEL_IDEMPOTENTIE_UREN`` hours (default 24); ``schakel purge-idempotency-keys``
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
    body = request._request.body  # read once; DRF's parser reads the cached copy afterwards
    try:
        inhoud = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    except (ValueError, UnicodeDecodeError):
        inhoud = body
    h = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    h.update(inhoud)
    return h.hexdigest()


def _sleutel(request) -> str | None:
    sleutel = request.headers.get(HEADER)
    if sleutel is None:
        return None
    if not SLEUTEL.match(sleutel):
        raise exceptions.ValidationError({HEADER: [exceptions.ErrorDetail(
            "Een Idempotency-Key is 1 tot 255 zichtbare ASCII-tekens, bijvoorbeeld een UUID.", code="invalid")]})
    return sleutel


def _herhaal(verzoek: IdempotentVerzoek) -> HttpResponse:
    antwoord = HttpResponse(bytes(verzoek.inhoud), status=verzoek.status, content_type=verzoek.content_type)
    if verzoek.location:
        antwoord["Location"] = verzoek.location
    return antwoord


def claim(request) -> IdempotentVerzoek | None:
    """Claim the request's key, or raise ``_Herhaling``/``SleutelHergebruikt``. ``None``: no key sent."""
    sleutel = _sleutel(request)
    if sleutel is None:
        return None
    afdruk = vingerafdruk(request)
    nu = clock.now()
    for _ in range(2):
        bestaand = IdempotentVerzoek.objects.filter(gebruiker=request.user, sleutel=sleutel).first()
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
                    gebruiker=request.user, sleutel=sleutel, vingerafdruk=afdruk, pad=request.path[:500],
                    aangemaakt_op=nu, verloopt_op=nu + bewaartermijn())
        except IntegrityError:
            continue  # a concurrent duplicate committed first: read its answer
    raise exceptions.APIException("De Idempotency-Key kon niet worden vastgelegd; probeer het opnieuw.")


def bewaar(verzoek: IdempotentVerzoek, antwoord) -> None:
    """Complete the claim with a 2xx answer; drop it for anything else (the request may be retried)."""
    if not 200 <= antwoord.status_code < 300:
        if not transaction.get_rollback():  # an error response already rolls the claim back
            IdempotentVerzoek.objects.filter(pk=verzoek.pk).delete()
        return
    if hasattr(antwoord, "render") and not getattr(antwoord, "is_rendered", True):
        antwoord.render()
    IdempotentVerzoek.objects.filter(pk=verzoek.pk).update(
        status=antwoord.status_code, inhoud=bytes(antwoord.content),
        content_type=antwoord.get("Content-Type", "application/json"), location=antwoord.get("Location", ""))


class IdempotentPostMixin:
    """For API views with POST: honour ``Idempotency-Key`` (see module docstring).

    The whole POST runs in one transaction (a savepoint under ATOMIC_REQUESTS), so the
    claim, the work and the stored answer commit or roll back together.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            with transaction.atomic():
                return super().dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._idempotent_verzoek = claim(request) if request.method == "POST" else None

    def handle_exception(self, exc):
        if isinstance(exc, _Herhaling):
            return exc.antwoord
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        verzoek = getattr(self, "_idempotent_verzoek", None)
        if verzoek is not None:
            self._idempotent_verzoek = None
            bewaar(verzoek, response)
        return response
