"""Server-side state of the web toolkit: the one-time form tokens that have been used."""

from django.db import models


class GebruiktFormuliertoken(models.Model):
    """A form token that created something (see ``web.formulieren``): a second POST with the same
    token creates nothing and is sent to ``resultaat``, the page the first one led to.

    In the database, so that every app server sees the same tokens; the unique token makes the
    first use atomic (a parallel second insert waits for the first and then fails)."""

    token = models.CharField("token", max_length=64, unique=True)
    gebruikt_op = models.DateTimeField("gebruikt op", db_index=True)
    resultaat = models.CharField("resultaat (adres)", max_length=500, blank=True)

    class Meta:
        verbose_name = "gebruikt formuliertoken"
        verbose_name_plural = "gebruikte formuliertokens"

    def __str__(self) -> str:
        return f"{self.token[:8]}… {self.gebruikt_op:%Y-%m-%d %H:%M}"
