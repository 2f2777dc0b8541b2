"""The register of which implementing organisations delivered their own Stand van de Uitvoering."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from schakel.organisaties.models import OrganisatieSoort


class StandVanDeUitvoering(models.Model):
    """One organisation's own yearly report on its execution (Stand van de Uitvoering), as received."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="organisatie", on_delete=models.PROTECT,
        related_name="standen_van_de_uitvoering",
        limit_choices_to={"soort": OrganisatieSoort.UITVOERINGSORGANISATIE},
    )
    jaar = models.PositiveSmallIntegerField("jaar", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    ontvangen_op = models.DateField("ontvangen op")
    url = models.URLField("vindplaats", blank=True, help_text="Waar het rapport openbaar staat.")
    opmerking = models.CharField("opmerking", max_length=300, blank=True)

    class Meta:
        verbose_name = "Stand van de Uitvoering (ontvangen)"
        verbose_name_plural = "Standen van de Uitvoering (register)"
        ordering = ["-jaar", "organisatie__naam"]
        constraints = [models.UniqueConstraint(fields=["organisatie", "jaar"], name="stand_een_per_jaar")]

    def __str__(self) -> str:
        return f"Stand van de Uitvoering {self.jaar} van {self.organisatie}"
