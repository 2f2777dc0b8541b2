"""Organisations: implementers, ministries, municipalities and parliamentary committees."""

from django.db import models


class OrganisatieSoort(models.TextChoices):
    UITVOERINGSORGANISATIE = "uitvoeringsorganisatie", "Uitvoeringsorganisatie"
    MINISTERIE = "ministerie", "Ministerie"
    GEMEENTE = "gemeente", "Gemeente"
    KAMERCOMMISSIE = "kamercommissie", "Kamercommissie"
    OVERIG = "overig", "Overig"


class Kamer(models.TextChoices):
    TWEEDE_KAMER = "tweede_kamer", "Tweede Kamer"
    EERSTE_KAMER = "eerste_kamer", "Eerste Kamer"


class Organisatie(models.Model):
    """A body in the triangle parliament – ministries – implementing organisations.

    ``opdrachtgever`` is the principal: the ministry that commissions an implementing
    organisation. ``kamercommissie`` is the committee that controls a ministry.
    """

    afkorting = models.SlugField("afkorting", max_length=40, unique=True,
                                 help_text="Korte, unieke code, bijvoorbeeld 'uwv' of 'szw'.")
    naam = models.CharField("naam", max_length=200, unique=True)
    soort = models.CharField("soort", max_length=32, choices=OrganisatieSoort.choices)
    opdrachtgever = models.ForeignKey(
        "self", verbose_name="opdrachtgever", null=True, blank=True, on_delete=models.PROTECT,
        related_name="opdrachtnemers",
        help_text="Het ministerie dat opdrachtgever (principaal) is van deze organisatie.",
    )
    kamercommissie = models.ForeignKey(
        "self", verbose_name="kamercommissie", null=True, blank=True, on_delete=models.PROTECT,
        related_name="gecontroleerde_organisaties",
        limit_choices_to={"soort": OrganisatieSoort.KAMERCOMMISSIE},
        help_text="De vaste Kamercommissie die dit ministerie controleert.",
    )
    kamer = models.CharField("kamer", max_length=20, choices=Kamer.choices, blank=True,
                             help_text="Alleen voor Kamercommissies.")
    website = models.URLField("website", blank=True)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_ministerie(self) -> bool:
        return self.soort == OrganisatieSoort.MINISTERIE

    @property
    def verantwoordelijk_ministerie(self) -> "Organisatie | None":
        """The ministry answerable for this organisation: itself, or its principal."""
        if self.is_ministerie:
            return self
        return self.opdrachtgever
