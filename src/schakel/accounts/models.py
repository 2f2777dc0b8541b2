"""Users and their role in the triangle."""

from django.contrib.auth.models import AbstractUser
from django.db import models


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
