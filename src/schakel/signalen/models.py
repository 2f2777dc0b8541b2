"""Signals, the answers to them (comply or explain) and the commitments made."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce, Least

from schakel.core import clock

from .workflow import Status

MAX_TEKST = 10_000

# Minimum content of a signal (issue 22: "x" with practice "y" started a 30-day clock). Checked by
# services.valideer_signaal on every path that files one; the forms and the API say so up front.
MIN_TITEL = 10
MIN_PRAKTIJK = 80
MIN_GETROFFEN = 10
MIN_MELDINGEN = {
    "titel": f"Gebruik ten minste {MIN_TITEL} tekens voor de titel: een korte zin die het probleem samenvat.",
    "praktijk": (f"Beschrijf in ten minste {MIN_PRAKTIJK} tekens wat er in de praktijk gebeurt: wat ziet u, "
                 f"bij welke burgers, en waarom schaadt het hen?"),
    "getroffen_burgers": (f"Beschrijf in ten minste {MIN_GETROFFEN} tekens welke burgers worden geraakt, "
                          f"bijvoorbeeld ‘mensen met een WIA-uitkering en schulden’."),
}
MINIMA = {"titel": MIN_TITEL, "praktijk": MIN_PRAKTIJK, "getroffen_burgers": MIN_GETROFFEN}


class Oorzaak(models.Model):
    """One of the seven causes of 'Klem tussen balie en beleid' (TCU, 2021)."""

    code = models.SlugField("code", max_length=40, unique=True)
    naam = models.CharField("naam", max_length=120)
    omschrijving = models.TextField("omschrijving", blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        verbose_name = "oorzaak (TCU)"
        verbose_name_plural = "oorzaken (TCU)"
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.naam


class SignaalSoort(models.TextChoices):
    SIGNAAL = "signaal", "Signaal"
    NOODREM = "noodrem", "Noodrem"


class Besluit(models.TextChoices):
    OVERNEMEN = "overnemen", "Overgenomen"
    NIET_OVERNEMEN = "niet_overnemen", "Niet overgenomen, met reden"


class Grond(models.TextChoices):
    """Why a signal is not admissible (niet ontvankelijk)."""

    SPAM = "spam", "Spam of geen serieus signaal"
    GEEN_OVERHEIDSREGEL = "geen_overheidsregel", "Gaat niet over een regel of de uitvoering van de overheid"
    DUBBEL = "dubbel", "Dubbel: hetzelfde als een ander signaal"


class Niveau(models.TextChoices):
    AMBTELIJK = "ambtelijk", "Ambtelijk"
    POLITIEK = "politiek", "Politiek (bewindspersoon)"


class SignaalQuerySet(models.QuerySet):
    def openbaar(self):
        return self.filter(openbaar=True)

    def met_relaties(self):
        return self.select_related("regeling", "eigenaar", "indienende_organisatie")

    # Filing dates are Dutch calendar days, compared as moments (from local midnight) rather
    # than as each row's date, so that an index on ingediend_op applies (docs/performance.md).
    # The first and last days a date can hold restrict nothing (and would overflow in UTC).
    def ingediend_vanaf(self, datum: dt.date):
        """Filed on or after the Dutch calendar day ``datum``."""
        if datum <= dt.date.min + dt.timedelta(days=1):
            return self
        return self.filter(ingediend_op__gte=clock.einde_van_dag(datum - dt.timedelta(days=1)))

    def ingediend_tot_en_met(self, datum: dt.date):
        """Filed on or before the Dutch calendar day ``datum``."""
        if datum >= dt.date.max - dt.timedelta(days=1):
            return self
        return self.filter(ingediend_op__lt=clock.einde_van_dag(datum))


def vroegste_termijndatum() -> Coalesce:
    """The earliest answer deadline a signal has had: the first one it missed (kept by the sweep
    in ``termijn_overschreden_op``) or else its current one; 31 December 9999 without either.

    An unanswered signal is overdue once this date has passed. The one expression serves the
    filter and the list indexes (an index applies only to the identical expression), so an
    overdue list is read from an index instead of testing each row for either date
    (docs/performance.md). The inner COALESCEs are there because SQLite's MIN() of a NULL is NULL.
    """
    return Coalesce(
        Least(Coalesce("termijn_overschreden_op", "uiterste_reactiedatum"),
              Coalesce("uiterste_reactiedatum", "termijn_overschreden_op")),
        models.Value(dt.date.max), output_field=models.DateField(),
    )


# The deadline columns vroegste_termijndatum() is computed from, as plain index columns: an
# index-only scan must find every column a query reads in the index itself.
TERMIJNKOLOMMEN = (F("termijn_overschreden_op"), F("uiterste_reactiedatum"))


class Signaal(models.Model):
    """A report that a rule, or its execution, harms citizens or cannot be carried out."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField("soort", max_length=20, choices=SignaalSoort.choices, default=SignaalSoort.SIGNAAL)
    titel = models.CharField("titel", max_length=200)
    praktijk = models.TextField("wat gebeurt er in de praktijk", validators=[MaxLengthValidator(MAX_TEKST)])
    getroffen_burgers = models.TextField("welke burgers worden geraakt", validators=[MaxLengthValidator(2000)])
    aantal_getroffen = models.PositiveIntegerField(
        "geschat aantal getroffen burgers", null=True, blank=True, validators=[MaxValueValidator(20_000_000)],
    )
    # Optional: a filer who does not know the regulation leaves it empty; the text router then
    # suggests the owner, or the signal waits in the triage queue (see services.dien_in, trieer).
    regeling = models.ForeignKey("regelingen.Regeling", verbose_name="regeling", on_delete=models.PROTECT,
                                 related_name="signalen", null=True, blank=True)
    artikelen = models.CharField("artikel(en)", max_length=300, blank=True,
                                 help_text="Bijvoorbeeld 'art. 35 lid 2; art. 36'.")
    verbetervoorstel = models.TextField("verbetervoorstel", blank=True, validators=[MaxLengthValidator(MAX_TEKST)])
    oorzaken = models.ManyToManyField(Oorzaak, verbose_name="oorzaken (TCU)", blank=True, related_name="signalen")
    indienende_organisatie = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="indienende organisatie", on_delete=models.PROTECT,
        related_name="ingediende_signalen", null=True, blank=True,
        help_text="Leeg bij een anonieme noodrem zonder organisatie en bij een signaal uit retourstickers.",
    )
    indiener = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="indiener", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="ingediende_signalen")
    eigenaar = models.ForeignKey(
        "organisaties.Organisatie", verbose_name="eigenaar (moet reageren)", on_delete=models.PROTECT,
        related_name="signalen_in_eigendom", null=True, blank=True,
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.INGEDIEND)
    openbaar = models.BooleanField("openbaar", default=True,
                                   help_text="Openbare signalen en hun reacties zijn voor iedereen zichtbaar.")
    ingediend_op = models.DateTimeField("ingediend op", default=clock.now)
    uiterste_reactiedatum = models.DateField("uiterste reactiedatum", null=True, blank=True)
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    # Deadlines and escalation, kept by schakel.termijnen: the rung the request has reached and
    # the first due date that passed unanswered (None while every deadline was met).
    escalatietrede = models.PositiveSmallIntegerField(
        "escalatietrede", null=True, blank=True,
        help_text="1 behandelaar, 2 bestuur, 3 ministerie (DG/SG), 4 bewindspersoon, 5 kamercommissie.",
    )
    termijn_overschreden_op = models.DateField(
        "termijn overschreden op", null=True, blank=True,
        help_text="De eerste uiterste reactiedatum die verstreek zonder reactie.",
    )
    zoektekst = models.TextField("zoektekst (gestemd)", blank=True, editable=False)

    objects = SignaalQuerySet.as_manager()

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["-ingediend_op", "-id"]
        permissions = [("trieren", "Kan signalen zonder eigenaar routeren (triage)")]
        indexes = [
            models.Index(fields=["status", "uiterste_reactiedatum"], name="signaal_status_termijn_idx"),
            models.Index(fields=["openbaar", "-ingediend_op"], name="signaal_openbaar_datum_idx"),
            models.Index(fields=["-ingediend_op", "-id"], name="signaal_datum_idx"),
            # Lists by owner, filer, status or regulation, newest first, also of the overdue (teLaat):
            # read in date order from the index, the deadline tested inside the index. The last two
            # columns make the page count and the figures per organisation or regulation
            # (web.selecties.tellingen) index-only scans (docs/performance.md).
            models.Index(F("eigenaar"), F("status"), F("openbaar"), F("ingediend_op"), vroegste_termijndatum(),
                         *TERMIJNKOLOMMEN, name="signaal_eigenaar_lijst_idx"),
            models.Index(F("indienende_organisatie"), F("status"), F("openbaar"), F("ingediend_op"),
                         vroegste_termijndatum(), *TERMIJNKOLOMMEN, name="signaal_indiener_lijst_idx"),
            models.Index(F("status"), F("openbaar"), F("ingediend_op"), vroegste_termijndatum(), *TERMIJNKOLOMMEN,
                         name="signaal_status_lijst_idx"),
            # ingediendVanaf/-Tot compare moments.
            models.Index(F("regeling"), F("ingediend_op"), F("openbaar"), F("status"), *TERMIJNKOLOMMEN,
                         name="signaal_regeling_datum_idx"),
            # The most cited articles of a regulation (knelpunten.selecties.artikelranglijst).
            models.Index(fields=["regeling", "openbaar", "artikelen"], name="signaal_regeling_artikel_idx"),
            # The overdue overview and the inbox's overdue section (termijnen.selecties.overschreden):
            # unanswered signals, longest overdue first; the first page walks this index instead of
            # sorting every unanswered signal (docs/performance.md, "Web pages at 1,000,000 signals").
            models.Index(fields=["termijn_overschreden_op", "uiterste_reactiedatum", "id"],
                         condition=models.Q(status="in_behandeling"), name="signaal_te_laat_idx"),
        ]
        # PostgreSQL also stores the search vector in a GIN-indexed column: see migration 0007.

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.titel}"

    @property
    def kenmerk(self) -> str:
        """Human reference, stable for the life of the signal."""
        return f"SIG-{self.pk:06d}" if self.pk else "SIG-(nieuw)"

    def actuele_reactie(self) -> "Reactie | None":
        return self.reacties.order_by("-versie").first()


class Reactie(models.Model):
    """An answer: comply (overnemen, with commitments) or explain (niet overnemen, with reasons).

    Answers are never edited: a revision is a new version; older versions stay visible.
    """

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    signaal = models.ForeignKey(Signaal, verbose_name="signaal", on_delete=models.PROTECT, related_name="reacties")
    versie = models.PositiveSmallIntegerField("versie")
    besluit = models.CharField("besluit", max_length=20, choices=Besluit.choices)
    toelichting = models.TextField("toelichting", validators=[MaxLengthValidator(MAX_TEKST)])
    niveau = models.CharField("niveau", max_length=20, choices=Niveau.choices, default=Niveau.AMBTELIJK)
    ondertekend_door = models.CharField("ondertekend door", max_length=200, blank=True,
                                        help_text="Bij een politieke reactie: de bewindspersoon die tekent.")
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie",
                                    on_delete=models.PROTECT, related_name="reacties")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="auteur", null=True,
                               on_delete=models.PROTECT, related_name="reacties")
    gegeven_op = models.DateTimeField("gegeven op", default=clock.now)
    vingerafdruk = models.CharField("vingerafdruk toelichting", max_length=64, db_index=True, editable=False)

    class Meta:
        verbose_name = "reactie"
        verbose_name_plural = "reacties"
        ordering = ["signaal", "versie"]
        constraints = [models.UniqueConstraint(fields=["signaal", "versie"], name="reactie_unieke_versie")]
        # The newest answers first (the open-data feed reacties.atom): read in order, not sorted.
        indexes = [models.Index(fields=["-gegeven_op", "-id"], name="reactie_datum_idx")]

    def __str__(self) -> str:
        return f"{self.signaal.kenmerk} v{self.versie}: {self.get_besluit_display()}"


class NietOntvankelijk(models.Model):
    """The owner's decision that a signal is not admissible, with its public reason.

    One per signal; never edited. This row and the signal's status are what the filer's verdict
    (a later feature, docs/deadlines-and-escalation.md) needs to let the filer contest it: who
    decided, when, on what ground, why, and which signal a duplicate points to.
    """

    signaal = models.OneToOneField(Signaal, verbose_name="signaal", on_delete=models.PROTECT,
                                   related_name="niet_ontvankelijk")
    grond = models.CharField("grond", max_length=30, choices=Grond.choices)
    reden = models.TextField("reden (openbaar)", validators=[MaxLengthValidator(MAX_TEKST)])
    dubbel_van = models.ForeignKey(Signaal, verbose_name="dubbel van", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="dubbelen")
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie (eigenaar)",
                                    on_delete=models.PROTECT, related_name="niet_ontvankelijk_verklaard")
    besloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="besloten door",
                                      on_delete=models.PROTECT, related_name="+")
    besloten_op = models.DateTimeField("besloten op", default=clock.now)

    class Meta:
        verbose_name = "niet-ontvankelijkverklaring"
        verbose_name_plural = "niet-ontvankelijkverklaringen"
        indexes = [models.Index(fields=["organisatie", "besloten_op"], name="niet_ontvankelijk_org_idx")]

    def __str__(self) -> str:
        return f"{self.signaal.kenmerk}: {self.get_grond_display()}"


class ToezeggingStatus(models.TextChoices):
    OPEN = "open", "Open"
    NAGEKOMEN = "nagekomen", "Nagekomen"


class ToezeggingQuerySet(models.QuerySet):
    def actueel(self):
        """Commitments of the current (latest) answer of their signal; a revised answer supersedes
        the commitments of the versions before it."""
        laatste = Reactie.objects.filter(signaal=models.OuterRef("signaal")).order_by("-versie").values("pk")[:1]
        return self.filter(reactie=models.Subquery(laatste))

    def verlopen(self, peildatum=None):
        """Open commitments whose due date has passed."""
        return self.filter(status=ToezeggingStatus.OPEN, uiterlijk__lt=peildatum or clock.today())


class Toezegging(models.Model):
    """A commitment made under 'overnemen': what will be done, by whom, by when."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    reactie = models.ForeignKey(Reactie, verbose_name="reactie", on_delete=models.PROTECT,
                                related_name="toezeggingen")
    signaal = models.ForeignKey(Signaal, verbose_name="signaal", on_delete=models.PROTECT,
                                related_name="toezeggingen")
    omschrijving = models.TextField("wat wordt er gedaan", validators=[MaxLengthValidator(2000)])
    eigenaar = models.CharField("door wie", max_length=200)
    uiterlijk = models.DateField("uiterlijk")
    status = models.CharField("status", max_length=20, choices=ToezeggingStatus.choices,
                              default=ToezeggingStatus.OPEN)
    nagekomen_op = models.DateField("nagekomen op", null=True, blank=True)
    toelichting_nakoming = models.TextField("toelichting bij nakoming", blank=True)

    objects = ToezeggingQuerySet.as_manager()

    class Meta:
        verbose_name = "toezegging"
        verbose_name_plural = "toezeggingen"
        ordering = ["uiterlijk", "id"]
        indexes = [models.Index(fields=["status", "uiterlijk"], name="toezegging_status_datum_idx")]

    def __str__(self) -> str:
        return f"{self.omschrijving[:60]} (uiterlijk {self.uiterlijk:%d-%m-%Y})"

    @property
    def is_verlopen(self) -> bool:
        return self.status == ToezeggingStatus.OPEN and self.uiterlijk < clock.today()
