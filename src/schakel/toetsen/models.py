"""Uitvoeringstoets (before a law) and invoeringstoets (after it).

A :class:`Voorstel` (bill, amendment, motion, AMvB, coalition-agreement item) asks each
implementing organisation for a structured :class:`Uitvoeringstoets`; the minister must
answer every assessment with an :class:`Antwoord` (comply or explain). Every request has
a clock: a term of the term engine (``schakel.termijnen.models.Termijn``) per rung, due dates in working days, stored when the clock
starts. A change to the proposal opens a new *ronde*: the open requests of the previous
round lapse (``vervallen``) and every implementer is asked again.

An :class:`Invoeringstoets` is scheduled when a regulation (or article) enters into force;
when due, the implementers are asked for an :class:`Invoeringsrapportage`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from schakel.core import clock
from schakel.signalen.models import Besluit
from schakel.termijnen.models import Uitkomst as TermijnUitkomst  # noqa: F401  (a toets term's outcomes)

MAX_TEKST = 10_000

# "36 123, nr. 5", "36 123-VIII, nr. 12", "29 544, nr. 1234"
KAMERSTUK_PATTERN = r"^\d{2} \d{3}(-[A-Z0-9]{1,8})?, nr\. [1-9]\d{0,3}$"
kamerstuk_validator = RegexValidator(
    KAMERSTUK_PATTERN,
    "Schrijf het Kamerstuknummer als dossiernummer, komma, 'nr.' en volgnummer, bijvoorbeeld '36 123, nr. 5'.",
)


class VoorstelSoort(models.TextChoices):
    WETSVOORSTEL = "wetsvoorstel", "Wetsvoorstel"
    AMENDEMENT = "amendement", "Amendement"
    MOTIE = "motie", "Motie"
    AMVB = "amvb", "Algemene maatregel van bestuur (AMvB)"
    REGEERAKKOORD = "regeerakkoord", "Regeerakkoordpunt"


class VoorstelStatus(models.TextChoices):
    IN_TOETS = "in_toets", "Uitvoeringstoets loopt"
    AFGEROND = "afgerond", "Alle toetsen beantwoord"


class Voorstel(models.Model):
    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField("soort", max_length=20, choices=VoorstelSoort.choices)
    titel = models.CharField("titel", max_length=300)
    kamerstuk = models.CharField("Kamerstuknummer", max_length=40, validators=[kamerstuk_validator],
                                 help_text="Bijvoorbeeld 36 123, nr. 5.")
    omschrijving = models.TextField("wat verandert er", validators=[MaxLengthValidator(MAX_TEKST)])
    regelingen = models.ManyToManyField("regelingen.Regeling", verbose_name="gewijzigde regelingen",
                                        related_name="voorstellen", blank=True)
    ministerie = models.ForeignKey("organisaties.Organisatie", verbose_name="ministerie", on_delete=models.PROTECT,
                                   related_name="voorstellen")
    kamercommissie = models.ForeignKey("organisaties.Organisatie", verbose_name="kamercommissie",
                                       on_delete=models.PROTECT, related_name="voorstellen_onder_controle")
    uitvoerders = models.ManyToManyField("organisaties.Organisatie", verbose_name="uitvoerders",
                                         related_name="te_toetsen_voorstellen")
    openbaar = models.BooleanField("openbaar", default=True,
                                   help_text="Openbare voorstellen, hun toetsen en antwoorden zijn voor iedereen zichtbaar.")
    status = models.CharField("status", max_length=20, choices=VoorstelStatus.choices, default=VoorstelStatus.IN_TOETS)
    ronde = models.PositiveSmallIntegerField("ronde", default=1,
                                             help_text="Telt op bij elke wijziging die de toets heropent.")
    geregistreerd_op = models.DateTimeField("geregistreerd op", default=clock.now)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="geregistreerd door",
                                           on_delete=models.PROTECT, related_name="+", null=True)

    class Meta:
        verbose_name = "voorstel"
        verbose_name_plural = "voorstellen"
        ordering = ["-geregistreerd_op", "-id"]

    def __str__(self) -> str:
        return f"{self.kamerstuk} {self.titel}"

    def toetsen_in_ronde(self):
        return self.uitvoeringstoetsen.filter(ronde=self.ronde)


class Oordeel(models.TextChoices):
    UITVOERBAAR = "uitvoerbaar", "Uitvoerbaar"
    ONDER_VOORWAARDEN = "onder_voorwaarden", "Uitvoerbaar onder voorwaarden"
    NIET_UITVOERBAAR = "niet_uitvoerbaar", "Niet uitvoerbaar"


class ToetsStatus(models.TextChoices):
    GEVRAAGD = "gevraagd", "Gevraagd aan de uitvoerder"
    INGEDIEND = "ingediend", "Ingediend, wacht op antwoord van de bewindspersoon"
    BEANTWOORD = "beantwoord", "Beantwoord door de bewindspersoon"
    VERVALLEN = "vervallen", "Vervallen: het voorstel is gewijzigd"


class Uitvoeringstoets(models.Model):
    """One organisation's feasibility assessment of one round of a proposal."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    voorstel = models.ForeignKey(Voorstel, verbose_name="voorstel", on_delete=models.PROTECT,
                                 related_name="uitvoeringstoetsen")
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="uitvoerder", on_delete=models.PROTECT,
                                    related_name="uitvoeringstoetsen")
    ronde = models.PositiveSmallIntegerField("ronde")
    status = models.CharField("status", max_length=20, choices=ToetsStatus.choices, default=ToetsStatus.GEVRAAGD)
    gevraagd_op = models.DateTimeField("gevraagd op")
    oordeel = models.CharField("oordeel", max_length=20, choices=Oordeel.choices, blank=True)
    voorwaarden = models.TextField("voorwaarden", blank=True, validators=[MaxLengthValidator(MAX_TEKST)])
    invoeringstijd_maanden = models.PositiveSmallIntegerField(
        "benodigde invoeringstijd (maanden)", null=True, blank=True, validators=[MinValueValidator(0)])
    doenvermogen = models.TextField("gevolgen voor het doenvermogen van burgers", blank=True,
                                    validators=[MaxLengthValidator(MAX_TEKST)])
    kosten_eenmalig = models.PositiveBigIntegerField("eenmalige kosten (euro)", null=True, blank=True)
    kosten_structureel = models.PositiveBigIntegerField("structurele kosten (euro per jaar)", null=True, blank=True)
    risicos = models.TextField("risico's", blank=True, validators=[MaxLengthValidator(MAX_TEKST)])
    alternatieven = models.TextField("alternatieven", blank=True, validators=[MaxLengthValidator(MAX_TEKST)])
    dilemmas = models.TextField("dilemma's en keuzes voor de politiek", blank=True,
                                validators=[MaxLengthValidator(MAX_TEKST)])
    afwijkend_standpunt = models.TextField("afwijkend standpunt", blank=True,
                                           validators=[MaxLengthValidator(MAX_TEKST)])
    ingediend_op = models.DateTimeField("ingediend op", null=True, blank=True)
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="ingediend door", null=True,
                                       blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "uitvoeringstoets"
        verbose_name_plural = "uitvoeringstoetsen"
        ordering = ["voorstel", "-ronde", "organisatie__naam"]
        constraints = [
            models.UniqueConstraint(fields=["voorstel", "organisatie", "ronde"], name="toets_een_per_ronde"),
            models.CheckConstraint(condition=Q(status="gevraagd") | Q(status="vervallen", oordeel="") | ~Q(oordeel=""),
                                   name="toets_ingediend_met_oordeel"),
        ]

    def __str__(self) -> str:
        return f"Uitvoeringstoets {self.organisatie} over {self.voorstel.kamerstuk} (ronde {self.ronde})"

    @property
    def kenmerk(self) -> str:
        return f"UT-{self.pk:06d}" if self.pk else "UT-(nieuw)"

    def open_termijn(self):
        return self.termijnen.filter(gesloten_op__isnull=True).first()


class Antwoord(models.Model):
    """The minister's answer to one assessment: comply (adopt conditions and lead time) or explain."""

    uitvoeringstoets = models.OneToOneField(Uitvoeringstoets, verbose_name="uitvoeringstoets",
                                            on_delete=models.PROTECT, related_name="antwoord")
    besluit = models.CharField("besluit", max_length=20, choices=Besluit.choices)
    toelichting = models.TextField("toelichting", validators=[MaxLengthValidator(MAX_TEKST)])
    voorwaarden_overgenomen = models.BooleanField("voorwaarden overgenomen", default=False)
    invoeringsdatum = models.DateField("toegezegde invoeringsdatum", null=True, blank=True,
                                       help_text="Bij overnemen: niet eerder dan de gevraagde invoeringstijd toelaat.")
    ondertekend_door = models.CharField("ondertekend door", max_length=200)
    gegeven_op = models.DateTimeField("gegeven op")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.PROTECT,
                               related_name="+")
    te_laat = models.BooleanField("na de termijn gegeven", default=False)

    class Meta:
        verbose_name = "antwoord op uitvoeringstoets"
        verbose_name_plural = "antwoorden op uitvoeringstoetsen"


class Fase(models.TextChoices):
    BEOORDELING = "beoordeling", "Toets van de uitvoerder"
    ANTWOORD = "antwoord", "Antwoord van de bewindspersoon"


class InvoeringstoetsStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    GEVRAAGD = "gevraagd", "Rapportage gevraagd aan de uitvoerders"


class Invoeringstoets(models.Model):
    """A post-implementation review of a regulation (or some of its articles), scheduled at entry into force."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    regeling = models.ForeignKey("regelingen.Regeling", verbose_name="regeling", on_delete=models.PROTECT,
                                 related_name="invoeringstoetsen")
    artikelen = models.CharField("artikel(en)", max_length=200, blank=True,
                                 help_text="Leeg als de hele regeling in werking treedt.")
    voorstel = models.ForeignKey(Voorstel, verbose_name="voorstel", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="invoeringstoetsen")
    inwerkingtreding = models.DateField("datum van inwerkingtreding")
    gepland_op = models.DateField("gepland op")
    status = models.CharField("status", max_length=20, choices=InvoeringstoetsStatus.choices,
                              default=InvoeringstoetsStatus.GEPLAND)
    gevraagd_op = models.DateTimeField("rapportage gevraagd op", null=True, blank=True)
    rapportage_uiterlijk = models.DateField("rapportage uiterlijk", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op")

    class Meta:
        verbose_name = "invoeringstoets"
        verbose_name_plural = "invoeringstoetsen"
        ordering = ["gepland_op", "id"]
        constraints = [models.UniqueConstraint(fields=["regeling", "artikelen", "inwerkingtreding"],
                                               name="invoeringstoets_een_per_inwerkingtreding")]

    def __str__(self) -> str:
        wat = f"{self.regeling.citeertitel or self.regeling.titel}" + (f" {self.artikelen}" if self.artikelen else "")
        return f"Invoeringstoets {wat} (in werking {self.inwerkingtreding:%d-%m-%Y})"


class Invoeringsrapportage(models.Model):
    """An implementer's report on how a regulation works in practice, asked for by an invoeringstoets."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    invoeringstoets = models.ForeignKey(Invoeringstoets, verbose_name="invoeringstoets", on_delete=models.PROTECT,
                                        related_name="rapportages")
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="uitvoerder", on_delete=models.PROTECT,
                                    related_name="invoeringsrapportages")
    werking_burgers = models.TextField("hoe werkt het voor burgers", blank=True,
                                       validators=[MaxLengthValidator(MAX_TEKST)])
    werking_uitvoering = models.TextField("hoe werkt het voor de uitvoering", blank=True,
                                          validators=[MaxLengthValidator(MAX_TEKST)])
    ingediend_op = models.DateTimeField("ingediend op", null=True, blank=True)
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="ingediend door", null=True,
                                       blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "invoeringsrapportage"
        verbose_name_plural = "invoeringsrapportages"
        ordering = ["invoeringstoets", "organisatie__naam"]
        constraints = [models.UniqueConstraint(fields=["invoeringstoets", "organisatie"],
                                               name="rapportage_een_per_uitvoerder")]
