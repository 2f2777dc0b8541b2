"""Terms: one per rung of the ladder a request climbs, and per-organisation term settings.

One model for every deadline in Schakel (see :mod:`schakel.termijnen.engine`): a term has a
kind (``soort``, registered by the app that owns the subject), a subject (one of the
nullable foreign keys ``signaal``, ``uitvoeringstoets``, ``retoursticker``; exactly one is
set), a rung and addressee, and its dates. A term's due date is stored when its clock
starts and changes only on a legal event (an extension, or the resumption of a suspended
term). Whether it is overdue is computed from the date; the sweep records the escalation
that follows.

Why nullable foreign keys per subject kind and not a generic foreign key: the sweep
reads the subject's fields in the same indexed query (a join on a real foreign key),
the database keeps referential integrity (``PROTECT``), and the one-term-per-rung and
one-open-term rules are plain partial unique indexes per subject. A new subject kind
costs one nullable column (a metadata-only change on PostgreSQL).
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
from .ladder import Trede
from .regels import MAX_WERKDAGEN


class Uitkomst(models.TextChoices):
    BEANTWOORD = "beantwoord", "Beantwoord"
    GEESCALEERD = "geescaleerd", "Termijn overschreden, geëscaleerd"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Signaal niet ontvankelijk verklaard"
    AFGEROND = "afgerond", "Op tijd of te laat afgerond"
    VERVALLEN = "vervallen", "Vervallen: het voorstel is gewijzigd"


# The subject kinds a term can belong to: the names of its nullable foreign keys.
ONDERWERPEN = ("signaal", "uitvoeringstoets", "retoursticker")


class TermijnQuerySet(models.QuerySet):
    def open(self):
        return self.filter(gesloten_op__isnull=True)

    def overschreden(self, peildatum: dt.date | None = None):
        """Open, running terms whose due date has passed (computed from the date, not a flag)."""
        return self.open().filter(uiterste_datum__lt=peildatum or clock.today(), opgeschort_op__isnull=True)

    def gericht_aan(self, user):
        """Open terms addressed to ``user``'s organisation and role."""
        if not getattr(user, "organisatie_id", None):
            return self.none()
        return self.open().filter(organisatie_id=user.organisatie_id, rol=user.rol)


class Termijn(models.Model):
    """The term an addressee has to answer a request, at one rung of its escalation ladder."""

    soort = models.CharField("soort termijn", max_length=30, default="signaal", db_default="signaal",
                             help_text="De soort termijn (zie schakel.termijnen.engine): bepaalt ladder en termijnen.")
    signaal = models.ForeignKey("signalen.Signaal", verbose_name="signaal", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="termijnen")
    uitvoeringstoets = models.ForeignKey("toetsen.Uitvoeringstoets", verbose_name="uitvoeringstoets", null=True,
                                         blank=True, on_delete=models.PROTECT, related_name="termijnen")
    retoursticker = models.ForeignKey("noodrem.Retoursticker", verbose_name="retoursticker", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="termijnen")
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
    opgeschort_op = models.DateTimeField(
        "opgeschort op", null=True, blank=True,
        help_text="Loopt de termijn niet (opgeschort, bijvoorbeeld in afwachting van een antwoord van de melder)?")
    opgeschorte_werkdagen = models.PositiveSmallIntegerField(
        "opgeschorte werkdagen", default=0, db_default=0,
        help_text="Werkdagen die de termijn in totaal opgeschort was; zo veel schoof de uiterste datum op.")
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
            models.CheckConstraint(
                condition=(Q(signaal__isnull=False, uitvoeringstoets__isnull=True, retoursticker__isnull=True)
                           | Q(signaal__isnull=True, uitvoeringstoets__isnull=False, retoursticker__isnull=True)
                           | Q(signaal__isnull=True, uitvoeringstoets__isnull=True, retoursticker__isnull=False)),
                name="termijn_een_onderwerp"),
            models.UniqueConstraint(fields=["signaal", "trede"], name="termijn_een_per_trede"),
            models.UniqueConstraint(fields=["signaal"], condition=Q(gesloten_op__isnull=True),
                                    name="termijn_een_open_per_signaal"),
            models.UniqueConstraint(fields=["uitvoeringstoets", "soort", "trede"], name="termijn_toets_een_per_trede"),
            models.UniqueConstraint(fields=["uitvoeringstoets"], condition=Q(gesloten_op__isnull=True),
                                    name="termijn_toets_een_open"),
            models.UniqueConstraint(fields=["retoursticker", "trede"], name="termijn_sticker_een_per_trede"),
            models.UniqueConstraint(fields=["retoursticker"], condition=Q(gesloten_op__isnull=True),
                                    name="termijn_sticker_een_open"),
            models.CheckConstraint(
                condition=(Q(gesloten_op__isnull=True, uitkomst="") | (Q(gesloten_op__isnull=False) & ~Q(uitkomst=""))),
                name="termijn_gesloten_met_uitkomst",
            ),
            models.CheckConstraint(condition=Q(uiterste_datum__gte=models.F("oorspronkelijke_uiterste_datum")),
                                   name="termijn_alleen_later"),
        ]
        indexes = [
            # The sweep's keyset scan: open, running, escalating terms of one kind in due-date order.
            models.Index(fields=["soort", "uiterste_datum", "id"], name="termijn_sweep_idx",
                         condition=Q(gesloten_op__isnull=True, eindtrede=False, opgeschort_op__isnull=True)),
            # Inboxes: open terms per addressee.
            models.Index(fields=["organisatie", "rol"], name="termijn_open_adres_idx",
                         condition=Q(gesloten_op__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.get_trede_display()} tot {self.uiterste_datum:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return self.gesloten_op is None

    @property
    def is_verlengd(self) -> bool:
        return self.verlengd_op is not None

    @property
    def is_opgeschort(self) -> bool:
        return self.opgeschort_op is not None

    @property
    def soort_label(self) -> str:
        """The registered kind's label, e.g. 'Toets van de uitvoerder'."""
        from .engine import soort

        return soort(self.soort).label

    @property
    def fase(self) -> str:
        """The step of its subject's process the term's kind belongs to (e.g. a toets's
        'beoordeling' or 'antwoord'); '' for kinds with one step."""
        from .engine import soort

        return soort(self.soort).fase

    def is_overschreden(self, peildatum: dt.date | None = None) -> bool:
        return self.is_open and not self.is_opgeschort and self.uiterste_datum < (peildatum or clock.today())

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
