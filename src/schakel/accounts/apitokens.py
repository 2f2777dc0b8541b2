"""API tokens: made, rotated, revoked and checked here (model: ``accounts.ApiToken``).

The key is returned once by :func:`maak` / :func:`roteer` and never stored; the database holds
its SHA-256 hash. A key works until it expires (``SCHAKEL_API_TOKEN_DAGEN`` days, per key
adjustable) or is revoked. Every change is recorded in the audit trail (never the key).
The API reads ``Authorization: Token <key>`` through :class:`TokenAuthenticatie`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from rest_framework import authentication, exceptions

from schakel.audit import trail
from schakel.core import clock

from .models import ApiToken

VOORVOEGSEL = 8
ONGELDIG = "Dit token is ongeldig, verlopen of ingetrokken."


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode("utf-8", "surrogatepass")).hexdigest()


def nieuwe_sleutel() -> str:
    return secrets.token_hex(32)


def actief(qs=None):
    """Tokens that still work now."""
    qs = ApiToken.objects.all() if qs is None else qs
    return qs.filter(ingetrokken_op__isnull=True, verloopt_op__gt=clock.now())


@transaction.atomic
def maak(gebruiker, *, naam: str = "", dagen: int | None = None, actor=None, door: str | None = None) -> tuple[ApiToken, str]:
    """A new token for ``gebruiker``; returns it with its key (shown once, never stored)."""
    dagen = settings.SCHAKEL_API_TOKEN_DAGEN if dagen is None else dagen
    if dagen < 1:
        from django.core.exceptions import ValidationError

        raise ValidationError({"dagen": "Een token moet minstens één dag geldig zijn."})
    sleutel = nieuwe_sleutel()
    nu = clock.now()
    token = ApiToken.objects.create(gebruiker=gebruiker, naam=naam.strip()[:100], sleutel_hash=sleutel_hash(sleutel),
                                    voorvoegsel=sleutel[:VOORVOEGSEL], aangemaakt_op=nu,
                                    verloopt_op=nu + dt.timedelta(days=dagen))
    trail.record("api_token_gemaakt", token, actor=actor, actor_omschrijving=door,
                 na={"gebruiker": gebruiker.username, "naam": token.naam, "voorvoegsel": token.voorvoegsel,
                     "verloopt_op": token.verloopt_op.isoformat()})
    return token, sleutel


@transaction.atomic
def trek_in(token: ApiToken, *, actor=None, door: str | None = None) -> None:
    if token.ingetrokken_op is not None:
        return
    token.ingetrokken_op = clock.now()
    token.save(update_fields=["ingetrokken_op"])
    trail.record("api_token_ingetrokken", token, actor=actor, actor_omschrijving=door,
                 na={"gebruiker": token.gebruiker.username, "voorvoegsel": token.voorvoegsel})


@transaction.atomic
def roteer(gebruiker, *, token: ApiToken | None = None, naam: str | None = None, dagen: int | None = None,
           actor=None, door: str | None = None) -> tuple[ApiToken, str]:
    """A new token in place of ``token`` (or of all the user's working tokens), which stop working now."""
    oude = [token] if token is not None else list(actief(gebruiker.api_tokens.all()))
    if naam is None:
        naam = oude[0].naam if oude else ""
    for oud in oude:
        trek_in(oud, actor=actor, door=door)
    return maak(gebruiker, naam=naam, dagen=dagen, actor=actor, door=door)


def vind(sleutel: str) -> ApiToken | None:
    """The working token with this key, or None."""
    return (actief(ApiToken.objects.select_related("gebruiker"))
            .filter(sleutel_hash=sleutel_hash(sleutel)).first())


class TokenAuthenticatie(authentication.TokenAuthentication):
    """``Authorization: Token <key>`` against the hashed keys; Dutch errors, the same for every failure."""

    def authenticate_credentials(self, key):
        token = vind(key)
        if token is None or not token.gebruiker.is_active:
            raise exceptions.AuthenticationFailed(ONGELDIG)
        return token.gebruiker, token
