"""Sign-in through an organisation's identity provider (OpenID Connect): the rules.

No web code here. ``koppel`` maps a person's claims to an organisation and a role, or
refuses with a reason in plain Dutch; ``mfa_bevestigd`` tells whether the provider asserted
a second factor (then Schakel does not ask for its own code again); ``configuratie`` reads
the provider's discovery document. The flow itself (mozilla-django-oidc) is in
``oidc_backend.py`` and the views in ``oidc_views.py``; see docs/reliability-and-security.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import requests
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from .models import Identiteitsaanbieder, Rol

SESSIESLEUTEL = "schakel_oidc_aanbieder"
MFA_SESSIESLEUTEL = "schakel_tweestap_door_aanbieder"
# RFC 8176 authentication method references that mean more than one factor was used.
MFA_AMR = frozenset({"mfa", "otp", "hwk", "swk", "sms", "face", "fpt", "iris", "retina", "vbm", "sc"})
DISCOVERY_SECONDEN = 3600
TIMEOUT = 10


class Weigering(Exception):
    """The claims do not entitle this person to an account; ``str()`` says why, in Dutch."""


@dataclass(frozen=True)
class Koppeling:
    organisatie: object  # an Organisatie
    rol: str


def _claim(claims: dict, naam: str):
    waarde = claims.get(naam) if naam else None
    if isinstance(waarde, list):
        return [str(w) for w in waarde]
    return None if waarde in (None, "") else str(waarde)


def koppel(claims: dict, aanbieder: Identiteitsaanbieder) -> Koppeling:
    """The organisation and role the claims entitle to, or ``Weigering``."""
    organisatie = aanbieder.organisatie
    if organisatie is None:
        afkorting = _claim(claims, aanbieder.claim_organisatie)
        if isinstance(afkorting, list):
            afkorting = afkorting[0] if len(afkorting) == 1 else None
        toegestaan = aanbieder.toegestane_organisaties.all()
        organisatie = toegestaan.filter(afkorting=afkorting).first() if afkorting else None
        if organisatie is None:
            raise Weigering(f"Uw organisatie ({afkorting or 'niet doorgegeven'}) kan via {aanbieder.naam} niet "
                            f"inloggen in Schakel. Vraag de beheerder van uw organisatie om u toegang te geven.")
    waarden = _claim(claims, aanbieder.claim_rol)
    waarden = waarden if isinstance(waarden, list) else [waarden] if waarden else []
    tabel = aanbieder.rollen or {r: r for r in Rol.values}
    rollen = {tabel[w] for w in waarden if w in tabel and tabel[w] in Rol.values}
    if len(rollen) != 1:
        reden = "geen rol in Schakel" if not rollen else "meer dan één rol in Schakel"
        raise Weigering(f"Uw account bij {aanbieder.naam} geeft {reden}. Vraag de beheerder van uw organisatie "
                        f"om precies één Schakel-rol toe te kennen.")
    return Koppeling(organisatie=organisatie, rol=rollen.pop())


def mfa_bevestigd(claims: dict, aanbieder: Identiteitsaanbieder) -> bool:
    """Whether the provider asserted a second factor (``amr``, RFC 8176, or a configured ``acr``)."""
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if MFA_AMR.intersection(str(a).lower() for a in amr):
        return True
    acr = str(claims.get("acr") or "")
    toegestaan = {w.strip() for w in aanbieder.mfa_acr_waarden.split(",") if w.strip()}
    return bool(acr) and acr in toegestaan


def geheim(aanbieder: Identiteitsaanbieder) -> str:
    waarde = os.environ.get(aanbieder.geheim_omgevingsvariabele, "")
    if not waarde:
        raise ImproperlyConfigured(f"De omgevingsvariabele {aanbieder.geheim_omgevingsvariabele} met het "
                                   f"client-geheim van {aanbieder.naam} is niet gezet.")
    return waarde


def configuratie(aanbieder: Identiteitsaanbieder) -> dict:
    """The provider's discovery document (cached for an hour); its issuer must be the one
    configured (OpenID Connect Discovery 1.0, section 4.3)."""
    sleutel = f"schakel:oidc:discovery:{aanbieder.pk}:{aanbieder.uitgever}"
    if (document := cache.get(sleutel)) is not None:
        return document
    adres = aanbieder.uitgever.rstrip("/") + "/.well-known/openid-configuration"
    antwoord = requests.get(adres, timeout=TIMEOUT)
    antwoord.raise_for_status()
    document = antwoord.json()
    if document.get("issuer", "").rstrip("/") != aanbieder.uitgever.rstrip("/"):
        raise ImproperlyConfigured(f"{adres} noemt issuer {document.get('issuer')!r}, niet {aanbieder.uitgever!r}.")
    cache.set(sleutel, document, DISCOVERY_SECONDEN)
    return document


def actieve_aanbieders():
    return Identiteitsaanbieder.objects.filter(actief=True).order_by("naam")
