"""Knelpunten (bundles of signals about the same rule or problem), their place on a
committee's agenda, the thresholds that put them there, and subscriptions."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models

from schakel.core import clock

MAX_TEKST = 5000


class KnelpuntStatus(models.TextChoices):
    OPEN = "open", "Open"
    OPGELOST = "opgelost", "Opgelost"


class Knelpunt(models.Model):
    """Signals about the same rule or problem, grouped by a handler: the unit parliament sees.

    The figures (signals, organisations, citizens affected, answers, commitments) are derived
    from the member signals, see ``cijfers.py``; nothing is copied."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    titel = models.CharField("titel", max_length=200)
    beleidsbetekenis = models.TextField(
        "wat betekent dit voor beleid", validators=[MaxLengthValidator(MAX_TEKST)],
        help_text="Eén alinea in gewone taal voor Kamerleden: wat gaat er mis en wat vraagt dat van beleid?",
    )
    dilemma = models.TextField("dilemma", blank=True, validators=[MaxLengthValidator(MAX_TEKST)],
                               help_text="De keuze die voorligt: wat kost een oplossing, wat levert zij op?")
    # The regulation of its first signal that names one; None while none of them does.
    regeling = models.ForeignKey("regelingen.Regeling", verbose_name="regeling", on_delete=models.PROTECT,
                                 related_name="knelpunten", null=True, blank=True)
    artikelen = models.CharField("artikel(en)", max_length=300, blank=True)
    eigenaar = models.ForeignKey("organisaties.Organisatie", verbose_name="eigenaar", on_delete=models.PROTECT,
                                 related_name="knelpunten",
                                 help_text="De organisatie die het knelpunt beheert: de eigenaar van de regeling.")
    kamercommissie = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="kamercommissie", on_delete=models.PROTECT, null=True, blank=True,
        related_name="knelpunten_onder_controle")
    status = models.CharField("status", max_length=20, choices=KnelpuntStatus.choices, default=KnelpuntStatus.OPEN)
    signalen = models.ManyToManyField("signalen.Signaal", through="Bundeling", related_name="knelpunten",
                                      verbose_name="signalen")
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=clock.now)
    gewijzigd_op = models.DateTimeField("gewijzigd op", default=clock.now)
    zoektekst = models.TextField("zoektekst", blank=True, editable=False,
                                 help_text="De woorden van titel, beleidsbetekenis, dilemma en regeling, voor zoeken.")

    class Meta:
        verbose_name = "knelpunt"
        verbose_name_plural = "knelpunten"
        ordering = ["-gewijzigd_op", "-id"]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.titel}"

    @property
    def kenmerk(self) -> str:
        return f"KNP-{self.pk:05d}" if self.pk else "KNP-(nieuw)"

    def save(self, *args, **kwargs):
        """Keep ``zoektekst`` in step with the text on every save (``schakel.core.analyse``)."""
        self.zoektekst = zoektekst_van(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "zoektekst"}
        super().save(*args, **kwargs)


def zoektekst_van(knelpunt) -> str:
    from schakel.core.analyse import zoekdocument

    regeling = knelpunt.regeling if knelpunt.regeling_id else None
    return zoekdocument(knelpunt.titel, knelpunt.beleidsbetekenis, knelpunt.dilemma, knelpunt.artikelen,
                        regeling.citeertitel if regeling else "", regeling.titel if regeling else "")


class Bundeling(models.Model):
    """A signal's membership of a knelpunt; a signal belongs to at most one knelpunt."""

    knelpunt = models.ForeignKey(Knelpunt, verbose_name="knelpunt", on_delete=models.CASCADE,
                                 related_name="bundelingen")
    signaal = models.OneToOneField("signalen.Signaal", verbose_name="signaal", on_delete=models.PROTECT,
                                   related_name="bundeling")
    gelijkenis = models.FloatField("gelijkenis bij toevoegen", null=True, blank=True,
                                   help_text="De tekstgelijkenis (0-1) toen de behandelaar het voorstel bevestigde.")
    toegevoegd_op = models.DateTimeField("toegevoegd op", default=clock.now)
    toegevoegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="toegevoegd door", null=True,
                                        on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "bundeling"
        verbose_name_plural = "bundelingen"
        ordering = ["toegevoegd_op", "id"]


class DrempelSoort(models.TextChoices):
    SIGNALEN = "signalen", "Aantal signalen"
    ORGANISATIES = "organisaties", "Aantal organisaties"
    BURGERS = "burgers", "Aantal getroffen burgers"
    NOODREM = "noodrem", "Noodrem niet overgenomen"


class Drempels(models.Model):
    """The agendering thresholds, editable by the administrator (one row, like a petition
    site's settings). A knelpunt crosses when any one threshold is met."""

    signalen = models.PositiveIntegerField("minimaal aantal signalen", default=10, validators=[MinValueValidator(1)])
    organisaties = models.PositiveIntegerField("minimaal aantal organisaties", default=3,
                                               validators=[MinValueValidator(1)])
    burgers = models.PositiveIntegerField("minimaal aantal getroffen burgers", default=10_000,
                                          validators=[MinValueValidator(1)])
    noodrem_uitgelegd = models.BooleanField(
        "noodrem met 'niet overnemen' agenderen", default=True,
        help_text="Elke noodrem in het knelpunt die met 'niet overnemen' is beantwoord, zet het op de agenda.")
    gewijzigd_op = models.DateTimeField("gewijzigd op", default=clock.now)

    class Meta:
        verbose_name = "drempels voor agendering"
        verbose_name_plural = "drempels voor agendering"

    def __str__(self) -> str:
        return (f"{self.signalen} signalen, {self.organisaties} organisaties of {self.burgers} burgers"
                + (", of een uitgelegde noodrem" if self.noodrem_uitgelegd else ""))

    @classmethod
    def actueel(cls) -> "Drempels":
        """The stored thresholds, or the defaults while none are stored. The defaults are not
        saved here: reading a page must not write (it runs on read-only replicas too)."""
        return cls.objects.order_by("id").first() or cls()


class Agendering(models.Model):
    """A knelpunt on a committee's agenda. Once placed it stays: there is no way back, a
    separate sub-state from the knelpunt's own status (like a petition's debate threshold)."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    knelpunt = models.OneToOneField(Knelpunt, verbose_name="knelpunt", on_delete=models.PROTECT,
                                    related_name="agendering")
    kamercommissie = models.ForeignKey("organisaties.Organisatie", verbose_name="kamercommissie",
                                       on_delete=models.PROTECT, related_name="agenderingen")
    drempel = models.CharField("drempel", max_length=20, choices=DrempelSoort.choices)
    reden = models.CharField("reden", max_length=300)
    geagendeerd_op = models.DateTimeField("geagendeerd op", default=clock.now)
    # The figures at the moment of crossing, for the record (the knelpunt's own figures move on).
    cijfers = models.JSONField("cijfers bij agendering", default=dict)

    class Meta:
        verbose_name = "agendering"
        verbose_name_plural = "agenderingen"
        ordering = ["-geagendeerd_op", "-id"]

    def __str__(self) -> str:
        return f"{self.knelpunt.kenmerk} op de agenda van {self.kamercommissie}"


class Abonnement(models.Model):
    """A user follows a regulation, a committee or an organisation: told (inbox and e-mail,
    as per their preference) when a knelpunt concerning it is put on a committee's agenda.

    Exactly one of ``regeling`` and ``organisatie`` is set; a committee is an organisation of
    kind *kamercommissie*. What "concerning" means: see ``agendering.abonnees``."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.CASCADE,
                                  related_name="abonnementen")
    regeling = models.ForeignKey("regelingen.Regeling", verbose_name="regeling", on_delete=models.CASCADE,
                                 related_name="abonnementen", null=True, blank=True)
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie of kamercommissie",
                                    on_delete=models.CASCADE, related_name="abonnementen", null=True, blank=True)
    sinds = models.DateTimeField("sinds", default=clock.now)

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"
        ordering = ["sinds", "id"]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "regeling"], name="abonnement_uniek"),
            models.UniqueConstraint(fields=["gebruiker", "organisatie"], name="abonnement_organisatie_uniek"),
            models.CheckConstraint(
                condition=(models.Q(regeling__isnull=False, organisatie__isnull=True)
                           | models.Q(regeling__isnull=True, organisatie__isnull=False)),
                name="abonnement_een_onderwerp"),
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} volgt {self.onderwerp}"

    @property
    def onderwerp(self):
        return self.regeling if self.regeling_id else self.organisatie
