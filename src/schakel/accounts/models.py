"""Users and their role in the triangle."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from schakel.core import clock


class Rol(models.TextChoices):
    MELDER = "melder", "Melder"
    BEHANDELAAR = "behandelaar", "Behandelaar"
    BESTUUR = "bestuur", "Bestuur"
    BEWINDSPERSOON = "bewindspersoon", "Bewindspersoon"
    GRIFFIE = "griffie", "Kamerlid / griffie"


class User(AbstractUser):
    """A person (or a system, through an API token) acting for one organisation in one role."""

    rol = models.CharField("rol", max_length=20, choices=Rol.choices, default=Rol.MELDER)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="organisatie", null=True, blank=True,
        on_delete=models.PROTECT, related_name="medewerkers",
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    @property
    def weergavenaam(self) -> str:
        return self.get_full_name() or self.username


class Herstelcode(models.Model):
    """One single-use recovery code, stored only as a keyed hash (HMAC-SHA256 with the secret key).

    The device is django-otp's ``StaticDevice`` (throttling, "last used", a verified session through
    ``django_otp.login``), but its own ``StaticToken`` keeps codes in plain text: a copy of the
    database would be a set of working second factors. So its token set stays empty and the codes
    live here, hashed; ``accounts.tweestap`` checks them and deletes a code when it is used.
    """

    apparaat = models.ForeignKey("otp_static.StaticDevice", verbose_name="apparaat", on_delete=models.CASCADE,
                                 related_name="herstelcodes")
    code_hash = models.CharField("hash van de code", max_length=64)

    class Meta:
        verbose_name = "herstelcode"
        verbose_name_plural = "herstelcodes"
        constraints = [models.UniqueConstraint(fields=["apparaat", "code_hash"], name="herstelcode_uniek_per_apparaat")]

    def __str__(self) -> str:
        return f"herstelcode {self.pk}"


class ApiToken(models.Model):
    """An API key of a user (a system such as ``uwv-koppeling``), stored only as its SHA-256 hash.

    The key itself is shown once, when it is made (``schakel api-token``, or the account page);
    a copy of the database holds no working key. Keys are 256 random bits, so a plain (unkeyed)
    hash is enough and rotating ``SCHAKEL_SECRET_KEY`` leaves them valid. Each key expires
    (``SCHAKEL_API_TOKEN_DAGEN``) and can be revoked; rotating makes a new key and revokes the old.
    ``accounts.apitokens`` holds the rules.
    """

    gebruiker = models.ForeignKey(User, verbose_name="gebruiker", on_delete=models.CASCADE, related_name="api_tokens")
    naam = models.CharField("naam", max_length=100, blank=True)
    sleutel_hash = models.CharField("hash van de sleutel", max_length=64, unique=True)
    voorvoegsel = models.CharField("begin van de sleutel", max_length=8,
                                   help_text="De eerste tekens, om een sleutel te herkennen; niet geheim.")
    aangemaakt_op = models.DateTimeField("aangemaakt op")
    verloopt_op = models.DateTimeField("verloopt op")
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return f"{self.voorvoegsel}… ({self.gebruiker})"


class Identiteitsaanbieder(models.Model):
    """An organisation's identity provider (OpenID Connect): staff sign in with it.

    The client secret is never stored: ``geheim_omgevingsvariabele`` names the environment
    variable that holds it. Claims map to an organisation and a role (``schakel.accounts.oidc``);
    a person whose claims map to neither is refused."""

    naam = models.CharField("naam", max_length=100, help_text="Zoals op de inlogpagina: ‘UWV-account’.")
    slug = models.SlugField("code", unique=True, help_text="In het inlogadres: /inloggen/organisatie/<code>.")
    actief = models.BooleanField("actief", default=True)
    uitgever = models.URLField("uitgever (issuer)", help_text="De issuer-URL; de rest komt uit "
                               "<issuer>/.well-known/openid-configuration.")
    client_id = models.CharField("client-id", max_length=255)
    geheim_omgevingsvariabele = models.CharField(
        "omgevingsvariabele met het client-geheim", max_length=100,
        help_text="Bijvoorbeeld SCHAKEL_OIDC_UWV_GEHEIM. Het geheim zelf staat nooit in de database.")
    scopes = models.CharField("scopes", max_length=255, default="openid profile email")
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="vaste organisatie", null=True, blank=True,
        on_delete=models.PROTECT, related_name="identiteitsaanbieders",
        help_text="Iedereen van deze aanbieder hoort bij deze organisatie. Leeg: de claim hieronder bepaalt het.")
    claim_organisatie = models.CharField(
        "claim met de organisatie", max_length=100, blank=True, default="organisatie",
        help_text="Claim met de afkorting van de organisatie (gebruikt als er geen vaste organisatie is).")
    toegestane_organisaties = models.ManyToManyField(
        "organisaties.Organisatie", verbose_name="toegestane organisaties", blank=True,
        related_name="+", help_text="Welke organisaties deze aanbieder mag toekennen (leeg: alleen de vaste).")
    claim_rol = models.CharField("claim met de rol", max_length=100, default="rol")
    rollen = models.JSONField(
        "rollen", default=dict, blank=True,
        help_text='Waarde van de rolclaim → rol in Schakel, bijvoorbeeld {"UWV-Signaleerder": "melder"}. '
                  "Leeg: de waarden melder, behandelaar, bestuur, bewindspersoon en griffie zelf.")
    mfa_acr_waarden = models.CharField(
        "acr-waarden die tweestapsverificatie bewijzen", max_length=255, blank=True,
        help_text="Gescheiden door komma's. De amr-waarden mfa, otp, hwk, swk, sms en face gelden altijd.")

    class Meta:
        verbose_name = "identiteitsaanbieder"
        verbose_name_plural = "identiteitsaanbieders"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class OidcIdentiteit(models.Model):
    """Links a person at an identity provider (its ``sub``) to a Schakel account."""

    aanbieder = models.ForeignKey(Identiteitsaanbieder, verbose_name="aanbieder", on_delete=models.PROTECT,
                                  related_name="identiteiten")
    sub = models.CharField("subject (sub)", max_length=255)
    gebruiker = models.ForeignKey("accounts.User", verbose_name="gebruiker", on_delete=models.CASCADE,
                                  related_name="oidc_identiteiten")
    eerst_gezien = models.DateTimeField("eerst gezien", default=clock.now)
    laatst_gezien = models.DateTimeField("laatst gezien", default=clock.now)

    class Meta:
        verbose_name = "OIDC-identiteit"
        verbose_name_plural = "OIDC-identiteiten"
        constraints = [models.UniqueConstraint(fields=["aanbieder", "sub"], name="oidc_identiteit_uniek")]

    def __str__(self) -> str:
        return f"{self.aanbieder.slug}:{self.sub}"
