"""Regulations, identified by their BWB id in the national legislation database."""

from django.core.validators import RegexValidator
from django.db import models

BWB_ID_PATTERN = r"^BWB[RV]\d{7}$"
bwb_id_validator = RegexValidator(
    BWB_ID_PATTERN,
    "Een BWB-id bestaat uit 'BWBR' of 'BWBV' gevolgd door zeven cijfers, bijvoorbeeld BWBR0015703.",
)


class Regeling(models.Model):
    """A law or regulation; its owning ministry answers signals about it."""

    bwb_id = models.CharField("BWB-id", max_length=11, unique=True, validators=[bwb_id_validator])
    titel = models.CharField("titel", max_length=300)
    citeertitel = models.CharField("citeertitel", max_length=200, blank=True)
    eigenaar = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="eigenaar (ministerie)", on_delete=models.PROTECT,
        related_name="regelingen",
    )
    kamercommissie = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="kamercommissie", on_delete=models.PROTECT,
        related_name="regelingen_onder_controle", null=True, blank=True,
    )
    uitvoerders = models.ManyToManyField(
        "organisaties.Organisatie", verbose_name="uitvoerders", blank=True,
        related_name="uitgevoerde_regelingen",
    )

    class Meta:
        verbose_name = "regeling"
        verbose_name_plural = "regelingen"
        ordering = ["titel"]

    def __str__(self) -> str:
        return f"{self.citeertitel or self.titel} ({self.bwb_id})"

    def betrokken(self, organisatie) -> bool:
        """Whether ``organisatie`` owns or executes this regulation. What one municipality
        executes, every municipality does (the reference data names a few as examples)."""
        if organisatie.pk == self.eigenaar_id:
            return True
        uitvoerders = list(self.uitvoerders.all())
        return any(u.pk == organisatie.pk for u in uitvoerders) or (
            organisatie.soort == "gemeente" and any(u.soort == "gemeente" for u in uitvoerders))

    @property
    def wetten_url(self) -> str:
        return f"https://wetten.overheid.nl/{self.bwb_id}"
