"""Terms: one per rung of the ladder a request climbs, and per-organisation term settings.

A term's due date is stored when its clock starts and changes only on a legal event
(an extension). Whether it is overdue is computed from the date; the sweep records the
escalation that follows.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from schakel.accounts.models import Rol
from schakel.core import clock

from . import kalender
from .ladder import Trede, trede_naam
from .regels import MAX_WERKDAGEN


class Uitkomst(models.TextChoices):
    BEANTWOORD = "beantwoord", "Beantwoord"
    GEESCALEERD = "geescaleerd", "Termijn overschreden, geëscaleerd"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Signaal niet ontvankelijk verklaard"


class TermijnQuerySet(models.QuerySet):
    def open(self):
        return self.filter(gesloten_op__isnull=True)

    def overschreden(self, peildatum: dt.date | None = None):
        """Open terms whose due date has passed (computed from the date, not a flag)."""
        return self.open().filter(uiterste_datum__lt=peildatum or clock.today())

    def gericht_aan(self, user):
        """Open terms addressed to ``user``'s organisation and role."""
        if not getattr(user, "organisatie_id", None):
            return self.none()
        return self.open().filter(organisatie_id=user.organisatie_id, rol=user.rol)


class Termijn(models.Model):
    """The term an addressee has to answer a signal, at one rung of the escalation ladder."""

    signaal = models.ForeignKey("signalen.Signaal", verbose_name="signaal", on_delete=models.PROTECT,
                                related_name="termijnen")
    trede = models.PositiveSmallIntegerField("trede", choices=Trede.choices)
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="gericht aan (organisatie)",
                                    on_delete=models.PROTECT, related_name="termijnen")
    rol = models.CharField("gericht aan (rol)", max_length=20, choices=Rol.choices)
    gestart_op = models.DateTimeField("gestart op")
    werkdagen = models.PositiveSmallIntegerField("termijn in werkdagen")
    oorspronkelijke_uiterste_datum = models.DateField("oorspronkelijke uiterste datum")
    uiterste_datum = models.DateField("uiterste datum")
    verlengd_op = models.DateTimeField("verlengd op", null=True, blank=True)
    verlengd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="verlengd door", null=True,
                                      blank=True, on_delete=models.PROTECT, related_name="+")
    verlenging_reden = models.TextField("reden van verlenging", blank=True)
    gesloten_op = models.DateTimeField("gesloten op", null=True, blank=True)
    uitkomst = models.CharField("uitkomst", max_length=20, choices=Uitkomst.choices, blank=True)
    eindtrede = models.BooleanField(
        "hoogste trede", default=False,
        help_text="Er is geen hogere trede: de termijn escaleert niet verder (staat op de agenda).",
    )

    objects = TermijnQuerySet.as_manager()

    class Meta:
        verbose_name = "termijn"
        verbose_name_plural = "termijnen"
        ordering = ["signaal", "trede"]
        constraints = [
            models.UniqueConstraint(fields=["signaal", "trede"], name="termijn_een_per_trede"),
            models.UniqueConstraint(fields=["signaal"], condition=Q(gesloten_op__isnull=True),
                                    name="termijn_een_open_per_signaal"),
            models.CheckConstraint(
                condition=(Q(gesloten_op__isnull=True, uitkomst="") | (Q(gesloten_op__isnull=False) & ~Q(uitkomst=""))),
                name="termijn_gesloten_met_uitkomst",
            ),
            models.CheckConstraint(condition=Q(uiterste_datum__gte=models.F("oorspronkelijke_uiterste_datum")),
                                   name="termijn_alleen_later"),
        ]
        indexes = [
            # The sweep's keyset scan: open, escalating terms in due-date order.
            models.Index(fields=["uiterste_datum", "id"], name="termijn_sweep_idx",
                         condition=Q(gesloten_op__isnull=True, eindtrede=False)),
            # Inboxes: open terms per addressee.
            models.Index(fields=["organisatie", "rol"], name="termijn_open_adres_idx",
                         condition=Q(gesloten_op__isnull=True)),
        ]

    @property
    def trede_naam(self) -> str:
        """The rung's name for the organisation asked (see ladder.trede_naam)."""
        return trede_naam(self.trede, self.organisatie)

    def __str__(self) -> str:
        return f"{self.get_trede_display()} tot {self.uiterste_datum:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return self.gesloten_op is None

    @property
    def is_verlengd(self) -> bool:
        return self.verlengd_op is not None

    def is_overschreden(self, peildatum: dt.date | None = None) -> bool:
        return self.is_open and self.uiterste_datum < (peildatum or clock.today())

    def werkdagen_te_laat(self, peildatum: dt.date | None = None) -> int:
        return kalender.werkdagen_te_laat(self.uiterste_datum, peildatum or clock.today())

    def berekening(self) -> kalender.Berekening:
        """How the original due date was computed, to show people."""
        return kalender.bereken(kalender.lokale_datum(self.gestart_op), self.werkdagen)


def _werkdagen_validators(minimum: int):
    return [MinValueValidator(minimum), MaxValueValidator(MAX_WERKDAGEN)]


class Termijninstelling(models.Model):
    """An organisation's own terms in working days; empty fields follow the installation's settings."""

    organisatie = models.OneToOneField("organisaties.Organisatie", verbose_name="organisatie",
                                       on_delete=models.CASCADE, related_name="termijninstelling")
    signaal = models.PositiveSmallIntegerField("antwoordtermijn signaal", null=True, blank=True,
                                               validators=_werkdagen_validators(1))
    noodrem = models.PositiveSmallIntegerField("antwoordtermijn noodrem", null=True, blank=True,
                                               validators=_werkdagen_validators(1))
    verlenging_max = models.PositiveSmallIntegerField("maximale verlenging signaal", null=True, blank=True,
                                                      validators=_werkdagen_validators(0))
    verlenging_max_noodrem = models.PositiveSmallIntegerField("maximale verlenging noodrem", null=True,
                                                              blank=True, validators=_werkdagen_validators(0))
    bestuur = models.PositiveSmallIntegerField("termijn bestuur na escalatie", null=True, blank=True,
                                               validators=_werkdagen_validators(1))
    ministerie = models.PositiveSmallIntegerField("termijn ministerie (DG/SG) na escalatie", null=True,
                                                  blank=True, validators=_werkdagen_validators(1))
    bewindspersoon = models.PositiveSmallIntegerField("termijn bewindspersoon na escalatie", null=True,
                                                      blank=True, validators=_werkdagen_validators(1))
    kamercommissie = models.PositiveSmallIntegerField("termijn kamercommissie na escalatie", null=True,
                                                      blank=True, validators=_werkdagen_validators(1))

    class Meta:
        verbose_name = "termijninstelling"
        verbose_name_plural = "termijninstellingen"

    def __str__(self) -> str:
        return f"Termijnen van {self.organisatie}"


class VerlopenToezegging(models.Model):
    """Marks that the sweep recorded a commitment passing its due date unfulfilled (once)."""

    toezegging = models.OneToOneField("signalen.Toezegging", verbose_name="toezegging", primary_key=True,
                                      on_delete=models.PROTECT, related_name="verlopen_melding")
    vastgesteld_op = models.DateTimeField("vastgesteld op")

    class Meta:
        verbose_name = "verlopen toezegging"
        verbose_name_plural = "verlopen toezeggingen"
