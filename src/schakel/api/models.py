"""Stored answers to POST requests with an ``Idempotency-Key`` (see ``idempotency``).

The model lives in the API app because only the API uses it: the web forms protect
against double submission with the post/redirect/get pattern and CSRF tokens.
"""

from django.conf import settings
from django.db import models


class IdempotentVerzoek(models.Model):
    """One POST with an Idempotency-Key: its fingerprint and, once it succeeded, its answer."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.CASCADE,
                                  related_name="+")
    sleutel = models.CharField("sleutel", max_length=255)
    vingerafdruk = models.CharField("vingerafdruk", max_length=64,
                                    help_text="SHA-256 over methode, pad en body van het verzoek.")
    pad = models.CharField("pad", max_length=500)
    # Empty while the request is being handled (only visible inside its own transaction).
    status = models.PositiveSmallIntegerField("HTTP-status", null=True)
    inhoud = models.BinaryField("antwoord", null=True)
    content_type = models.CharField("content-type", max_length=100, blank=True)
    location = models.CharField("Location-header", max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op")
    verloopt_op = models.DateTimeField("verloopt op", db_index=True)

    class Meta:
        verbose_name = "idempotent verzoek"
        verbose_name_plural = "idempotente verzoeken"
        constraints = [models.UniqueConstraint(fields=["gebruiker", "sleutel"], name="idempotentie_sleutel_per_gebruiker")]

    def __str__(self) -> str:
        return f"{self.sleutel} ({self.pad})"
