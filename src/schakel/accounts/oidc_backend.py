"""The authentication backend for sign-in through an organisation's identity provider.

mozilla-django-oidc does the OpenID Connect code flow (state, nonce, PKCE, token exchange,
signature check against the provider's JWKS). Schakel adds what it leaves out or keeps in
global settings: one provider per organisation (chosen at the start of the flow and kept in
the session), the ID token's ``exp``, ``iss`` and ``aud`` checked, the person identified by
(provider, ``sub``) and never by e-mail address, and accounts made or updated only from
claims that map to an organisation and a role (``oidc.koppel``)."""

from __future__ import annotations

import jwt
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from schakel.audit import trail
from schakel.core import clock

from . import oidc
from .models import Identiteitsaanbieder, OidcIdentiteit

LEEWAY_SECONDEN = 30


class OrganisatieOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # mozilla's __init__ reads one global provider from the settings; ours is per request.
        self.UserModel = get_user_model()
        self.aanbieder = None

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs:
            return None  # not an OIDC callback (e.g. a password login)
        slug = request.session.get(oidc.SESSIESLEUTEL)
        self.aanbieder = Identiteitsaanbieder.objects.filter(slug=slug, actief=True).first() if slug else None
        if self.aanbieder is None:
            return None
        document = oidc.configuratie(self.aanbieder)
        self.OIDC_OP_TOKEN_ENDPOINT = document["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = document["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = document["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = self.aanbieder.client_id
        self.OIDC_RP_CLIENT_SECRET = oidc.geheim(self.aanbieder)
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None
        request.schakel_oidc_weigering = ""
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload, key):
        """mozilla checks the signature only; the token must also be current and for us."""
        try:
            return jwt.decode(payload, key, algorithms=[self.OIDC_RP_SIGN_ALGO], audience=self.OIDC_RP_CLIENT_ID,
                              issuer=oidc.configuratie(self.aanbieder)["issuer"], leeway=LEEWAY_SECONDEN,
                              options={"require": ["exp", "iat", "iss", "aud", "sub"]})
        except jwt.ExpiredSignatureError:
            self._weiger("Uw inlogbewijs van de identiteitsaanbieder is verlopen. Log opnieuw in.")
        except jwt.InvalidTokenError:
            self._weiger("Het inlogbewijs van de identiteitsaanbieder klopt niet. Log opnieuw in.")

    def _weiger(self, reden: str):
        self.request.schakel_oidc_weigering = reden
        raise SuspiciousOperation(reden)

    def get_userinfo(self, access_token, id_token, payload):
        """The userinfo claims, with the ID token's (amr, acr, sub) beside them."""
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload.get("sub"):
            self._weiger("De identiteitsaanbieder gaf tegenstrijdige gegevens. Log opnieuw in.")
        claims = {**payload, **info}
        self.request.schakel_oidc_claims = claims
        return claims

    def verify_claims(self, claims):
        try:
            self.koppeling = oidc.koppel(claims, self.aanbieder)
        except oidc.Weigering as weigering:
            self.request.schakel_oidc_weigering = str(weigering)
            return False
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(oidc_identiteiten__aanbieder=self.aanbieder,
                                             oidc_identiteiten__sub=claims["sub"])

    @transaction.atomic
    def create_user(self, claims):
        gebruikersnaam = f"{self.aanbieder.slug}.{claims['sub']}"[:150]
        user = self.UserModel.objects.create_user(
            username=gebruikersnaam, email=claims.get("email", ""), first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150], organisatie=self.koppeling.organisatie,
            rol=self.koppeling.rol)
        user.set_unusable_password()
        user.save(update_fields=["password"])
        OidcIdentiteit.objects.create(aanbieder=self.aanbieder, sub=claims["sub"], gebruiker=user)
        trail.record("account_aangemaakt_via_oidc", user, actor=user,
                     na={"aanbieder": self.aanbieder.slug, "organisatie": self.koppeling.organisatie.afkorting,
                         "rol": self.koppeling.rol})
        return user

    @transaction.atomic
    def update_user(self, user, claims):
        """The provider is the source of organisation and role: a change there applies at the next login."""
        voor = {"organisatie": user.organisatie.afkorting if user.organisatie_id else None, "rol": user.rol}
        na = {"organisatie": self.koppeling.organisatie.afkorting, "rol": self.koppeling.rol}
        if voor != na:
            user.organisatie, user.rol = self.koppeling.organisatie, self.koppeling.rol
            user.save(update_fields=["organisatie", "rol"])
            trail.record("account_bijgewerkt_via_oidc", user, actor=user, voor=voor, na=na,
                         toelichting=f"Organisatie of rol gewijzigd door {self.aanbieder.naam}.")
        OidcIdentiteit.objects.filter(aanbieder=self.aanbieder, sub=claims["sub"]).update(laatst_gezien=clock.now())
        return user
