"""In-app notifications per user, which double as the e-mail outbox.

A :class:`Melding` is written in the same transaction as the change it reports, so it
is never lost and never sent for a change that was rolled back. E-mail is sent later
from these rows (immediately by ``schakel verstuur-meldingen``, or bundled by
``schakel verstuur-dagoverzicht``), see :mod:`schakel.notificaties.verzending`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Soort(models.TextChoices):
    TE_BEANTWOORDEN = "te_beantwoorden", "Nieuw signaal te beantwoorden"
    GEESCALEERD = "geescaleerd", "Naar u geëscaleerd"
    TERMIJN_OVERSCHREDEN = "termijn_overschreden", "Termijn overschreden"
    TERMIJN_VERLENGD = "termijn_verlengd", "Termijn verlengd"
    BEANTWOORD = "beantwoord", "Signaal beantwoord"
    TOEZEGGING_VERLOPEN = "toezegging_verlopen", "Toezegging verlopen"
    HERHALING = "herhaling", "Casus komt vaker voor"


class MailStatus(models.TextChoices):
    WACHT = "wacht", "Wacht op verzending"
    VERZONDEN = "verzonden", "Verzonden"
    OVERGESLAGEN = "overgeslagen", "Niet gemaild"
    MISLUKT = "mislukt", "Verzenden mislukt"


class MeldingQuerySet(models.QuerySet):
    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)


class Melding(models.Model):
    """One notification for one user: shown in the inbox, and e-mailed per their preference."""

    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="ontvanger", on_delete=models.CASCADE,
                                  related_name="meldingen")
    soort = models.CharField("soort", max_length=30, choices=Soort.choices)
    signaal = models.ForeignKey("signalen.Signaal", verbose_name="signaal", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+")
    onderwerp = models.CharField("onderwerp", max_length=200)
    tekst = models.TextField("tekst")
    link = models.CharField("link", max_length=300, blank=True, help_text="Pad binnen Schakel, bijv. /signalen/…")
    aangemaakt_op = models.DateTimeField("aangemaakt op")
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)
    mail_status = models.CharField("e-mailstatus", max_length=20, choices=MailStatus.choices,
                                   default=MailStatus.WACHT)
    gemaild_op = models.DateTimeField("gemaild op", null=True, blank=True)
    mailpogingen = models.PositiveSmallIntegerField("verzendpogingen", default=0)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(fields=["ontvanger", "-aangemaakt_op"], name="melding_inbox_idx"),
            models.Index(fields=["id"], name="melding_mail_wacht_idx", condition=Q(mail_status="wacht")),
        ]

    def __str__(self) -> str:
        return f"{self.ontvanger}: {self.onderwerp}"


class Frequentie(models.TextChoices):
    DIRECT = "direct", "Direct, één e-mail per melding"
    DAGELIJKS = "dagelijks", "Eén overzicht per dag"
    NOOIT = "nooit", "Geen e-mail, alleen in Schakel"


class Emailvoorkeur(models.Model):
    """How a user wants to receive their notifications by e-mail (default: directly)."""

    gebruiker = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="gebruiker", primary_key=True,
                                     on_delete=models.CASCADE, related_name="emailvoorkeur")
    frequentie = models.CharField("e-mail", max_length=20, choices=Frequentie.choices, default=Frequentie.DIRECT)
    laatste_overzicht_op = models.DateField("laatste overzicht verstuurd op", null=True, blank=True)

    class Meta:
        verbose_name = "e-mailvoorkeur"
        verbose_name_plural = "e-mailvoorkeuren"

    def __str__(self) -> str:
        return f"{self.gebruiker}: {self.get_frequentie_display()}"
