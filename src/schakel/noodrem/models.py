"""The emergency brake (noodrem) at three levels, and the anonymous filer's receipt and messages.

A professional's or an organisation's brake *is* a signal (``Signaal.soort = noodrem``):
it uses the signal's workflow, its term and its escalation ladder. :class:`Noodrem` holds
what only a brake has (its level, the principles harmed, what must stop, the evidence).
A citizen's brake (:class:`Retoursticker`) is not published: it asks the organisation to
contact one citizen within a short term, and is counted per letter or process.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

from schakel.core import clock


class Beginsel(models.Model):
    """A principle of good administration (algemeen beginsel van behoorlijk bestuur). Reference data."""

    code = models.SlugField("code", max_length=40, unique=True)
    naam = models.CharField("naam", max_length=120)
    omschrijving = models.TextField("omschrijving", blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        verbose_name = "beginsel van behoorlijk bestuur"
        verbose_name_plural = "beginselen van behoorlijk bestuur"
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Niveau(models.TextChoices):
    PROFESSIONAL = "professional", "Noodrem van een professional"
    ORGANISATIE = "organisatie", "Noodrem van een organisatie (rode kaart)"


class OrganisatieVariant(models.TextChoices):
    RODE_KAART = "rode_kaart", "Rode kaart: opdracht terug naar het ministerie"
    BUDGETVLOER = "budgetvloer", "Budgetvloer: minimaal dienstverleningsniveau (bijna) doorbroken"


class Noodrem(models.Model):
    """What a brake adds to its signal."""

    signaal = models.OneToOneField("signalen.Signaal", verbose_name="signaal", on_delete=models.PROTECT,
                                   related_name="noodrem")
    niveau = models.CharField("niveau", max_length=20, choices=Niveau.choices)
    variant = models.CharField("variant", max_length=20, choices=OrganisatieVariant.choices, blank=True,
                               help_text="Alleen bij de noodrem van een organisatie.")
    beginselen = models.ManyToManyField(Beginsel, verbose_name="geschonden beginselen", related_name="noodremmen")
    moet_stoppen = models.TextField("wat moet stoppen", validators=[MaxLengthValidator(5000)])
    praktijk_van = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="praktijk of instructie van", on_delete=models.PROTECT,
        related_name="noodremmen_tegen",
        help_text="De organisatie waarvan de werkwijze of instructie ter discussie staat.",
    )
    bewijs = models.ManyToManyField("signalen.Signaal", verbose_name="onderbouwende signalen", blank=True,
                                    related_name="onderbouwt_noodremmen")
    bewijs_toelichting = models.TextField("onderbouwing (casussen, cijfers)", blank=True,
                                          validators=[MaxLengthValidator(5000)])
    anoniem = models.BooleanField("anoniem getrokken", default=False)

    class Meta:
        verbose_name = "noodrem"
        verbose_name_plural = "noodremmen"

    def __str__(self) -> str:
        return f"{self.get_niveau_display()}: {self.signaal}"


class Ontvangstbewijs(models.Model):
    """The anonymous filer's access to a brake. Only a keyed hash of the code is stored."""

    signaal = models.OneToOneField("signalen.Signaal", verbose_name="signaal", on_delete=models.PROTECT,
                                   related_name="ontvangstbewijs")
    code_hash = models.CharField("sleutelhash van de code", max_length=64, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=clock.now)

    class Meta:
        verbose_name = "ontvangstbewijs"
        verbose_name_plural = "ontvangstbewijzen"

    def __str__(self) -> str:
        return f"Ontvangstbewijs bij {self.signaal.kenmerk}"


class Afzender(models.TextChoices):
    MELDER = "melder", "Melder"
    BEHANDELAAR = "behandelaar", "Behandelaar"


class Bericht(models.Model):
    """A message between the handler and the (anonymous) filer of a brake. Not public."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    signaal = models.ForeignKey("signalen.Signaal", verbose_name="signaal", on_delete=models.PROTECT,
                                related_name="berichten")
    afzender = models.CharField("afzender", max_length=20, choices=Afzender.choices)
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie van de behandelaar",
                                    null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="auteur", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField("tekst", validators=[MaxLengthValidator(5000)])
    geplaatst_op = models.DateTimeField("geplaatst op", default=clock.now)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["geplaatst_op", "id"]

    def __str__(self) -> str:
        return f"{self.get_afzender_display()} {self.geplaatst_op:%Y-%m-%d %H:%M}"


class Reden(models.TextChoices):
    ONBEGRIJPELIJK = "onbegrijpelijk", "Ik begrijp de brief of het besluit niet"
    ONRECHTVAARDIG = "onrechtvaardig", "Ik vind de brief of het besluit onrechtvaardig"


class RetourstickerQuerySet(models.QuerySet):
    def open(self):
        return self.filter(contact_op__isnull=True)

    def te_laat(self, peildatum=None):
        return self.open().filter(contact_uiterlijk__lt=peildatum or clock.today())

    def te_escaleren(self, peildatum=None):
        """Open stickers whose contact term passed and that the board has not yet been told about."""
        return self.te_laat(peildatum).filter(geescaleerd_op__isnull=True)


class Retoursticker(models.Model):
    """The citizen's brake: a letter or decision sent back as incomprehensible or unjust.

    The organisation must contact the citizen within a short term. The contact details and
    the citizen's own words are internal: they are shown only to the organisation, never
    published, and never in feeds or exports. What is counted (per letter or process) is public.
    """

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie",
                                    on_delete=models.PROTECT, related_name="retourstickers")
    brief = models.CharField("brief, besluit of proces", max_length=200,
                             help_text="De naam of het kenmerk van de brief, bijvoorbeeld ‘Besluit herziening "
                                       "kinderopvangtoeslag’.")
    brief_sleutel = models.CharField("brief (genormaliseerd)", max_length=200, db_index=True, editable=False)
    reden = models.CharField("reden", max_length=20, choices=Reden.choices)
    toelichting = models.TextField("toelichting van de burger (intern)", blank=True,
                                   validators=[MaxLengthValidator(3000)])
    contactgegevens = models.CharField("contactgegevens (intern)", max_length=300)
    ingediend_op = models.DateTimeField("ingediend op", default=clock.now)
    contact_uiterlijk = models.DateField("contact uiterlijk")
    contact_op = models.DateTimeField("contact opgenomen op", null=True, blank=True)
    contact_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="contact opgenomen door", null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    uitkomst = models.TextField("uitkomst van het contact (intern)", blank=True,
                                validators=[MaxLengthValidator(3000)])
    code_hash = models.CharField("sleutelhash van de code", max_length=64, unique=True, editable=False)
    geescaleerd_op = models.DateTimeField(
        "geëscaleerd op", null=True, blank=True, editable=False,
        help_text="Wanneer de gemiste contacttermijn aan het bestuur van de organisatie is voorgelegd.")
    signaal = models.ForeignKey(
        "signalen.Signaal", verbose_name="signaal over deze brief", null=True, blank=True, editable=False,
        on_delete=models.PROTECT, related_name="retourstickers",
        help_text="Het signaal dat uit de telling per brief is ontstaan (drempel overschreden).")

    objects = RetourstickerQuerySet.as_manager()

    class Meta:
        verbose_name = "retoursticker (noodrem van een burger)"
        verbose_name_plural = "retourstickers (noodrem van burgers)"
        ordering = ["-ingediend_op", "-id"]
        indexes = [models.Index(fields=["organisatie", "brief_sleutel"], name="retoursticker_brief_idx")]

    def __str__(self) -> str:
        return f"{self.organisatie.afkorting}: {self.brief} ({self.get_reden_display()})"
