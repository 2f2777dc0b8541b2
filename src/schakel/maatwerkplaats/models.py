"""Maatwerkplaats: from one citizen's case to a fix now and a solve for everyone.

A professional brings a :class:`Casus` that causes "professional stomach ache": what the rule
demands, what it does to this citizen, what the law intends. A :class:`Beraad` (moral
deliberation) with :class:`Deelnemer`\\s from several disciplines records each one's
:class:`Inbreng` and one :class:`Conclusie` naming the principles weighed. The outcome is a
:class:`Fix` for this citizen and, when similar cases recur, a :class:`Solve`: a signal to the
regulation's owner that cites the cases (:class:`SolveCasus`) and the fixes already granted.

Personal data of the citizen is allowed only in :attr:`Casus.interne_gegevens`, which never
leaves the team; every other text is pseudonymised (``privacy.persoonsgegevens.maskeer``)
before anyone outside the team sees it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

from schakel.core import clock

MAX_TEKST = 10_000


class Reden(models.TextChoices):
    """Why the rule pinches: with the regulation, the key for recognising recurrence."""

    TERUGVORDERING = "terugvordering", "Terugvordering of verrekening valt onevenredig uit"
    SAMENLOOP = "samenloop", "Samenloop van regelingen"
    TERMIJN = "termijn", "Termijn of peildatum is te hard"
    BEWIJS = "bewijs", "Bewijslast of informatieplicht is niet op te brengen"
    AUTOMATISERING = "automatisering", "Systeem of automatische beslissing laat geen ruimte"
    BEREKENING = "berekening", "Berekening of grens pakt onbedoeld uit"
    OVERIG = "overig", "Anders"


class CasusStatus(models.TextChoices):
    INGEBRACHT = "ingebracht", "Ingebracht, nog geen beraad"
    IN_BERAAD = "in_beraad", "Moreel beraad gepland"
    GECONCLUDEERD = "geconcludeerd", "Conclusie vastgesteld"
    GEFIXT = "gefixt", "Fix toegekend"


class Casus(models.Model):
    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie (team)",
                                    on_delete=models.PROTECT, related_name="casussen")
    ingebracht_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="ingebracht door",
                                        on_delete=models.PROTECT, related_name="ingebrachte_casussen")
    ingebracht_op = models.DateTimeField("ingebracht op", default=clock.now)
    titel = models.CharField("titel", max_length=200)
    regeling = models.ForeignKey("regelingen.Regeling", verbose_name="regeling", on_delete=models.PROTECT,
                                 related_name="casussen")
    artikel = models.CharField("artikel(en)", max_length=200, blank=True, help_text="Bijvoorbeeld 'art. 35 lid 2'.")
    reden = models.CharField("waar knelt het", max_length=20, choices=Reden.choices)
    wat_de_regel_vraagt = models.TextField("wat vraagt de regel", validators=[MaxLengthValidator(MAX_TEKST)])
    gevolg_voor_burger = models.TextField("wat doet de regel met deze burger", validators=[MaxLengthValidator(MAX_TEKST)])
    bedoeling_van_de_wet = models.TextField("wat is de bedoeling van de wet", validators=[MaxLengthValidator(MAX_TEKST)])
    interne_gegevens = models.TextField(
        "interne gegevens (alleen voor het team)", blank=True, validators=[MaxLengthValidator(2000)],
        help_text="Klantnummer, naam of andere persoonsgegevens die het team nodig heeft. Dit veld verlaat het team nooit.")
    status = models.CharField("status", max_length=20, choices=CasusStatus.choices, default=CasusStatus.INGEBRACHT)

    class Meta:
        verbose_name = "casus"
        verbose_name_plural = "casussen"
        ordering = ["-ingebracht_op", "-id"]
        indexes = [models.Index(fields=["organisatie", "regeling", "reden"], name="casus_herhaling_idx")]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.titel}"

    @property
    def kenmerk(self) -> str:
        return f"MW-{self.pk:06d}" if self.pk else "MW-(nieuw)"


class Discipline(models.TextChoices):
    JURIDISCH = "juridisch", "Juridisch"
    FINANCIEEL = "financieel", "Financieel"
    SOCIAAL = "sociaal", "Sociaal (maatschappelijk werk, zorg)"
    FRONTLIJN = "frontlijn", "Frontlijn (balie, klantcontact)"
    OVERIG = "overig", "Anders"


class Beraad(models.Model):
    """A moral deliberation on one case."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    casus = models.OneToOneField(Casus, verbose_name="casus", on_delete=models.PROTECT, related_name="beraad")
    gepland_op = models.DateField("datum van het beraad")
    gepland_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="gepland door",
                                     on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=clock.now)

    class Meta:
        verbose_name = "moreel beraad"
        verbose_name_plural = "morele beraden"
        ordering = ["-gepland_op", "-id"]

    def __str__(self) -> str:
        return f"Beraad over {self.casus.kenmerk} op {self.gepland_op:%d-%m-%Y}"


class Deelnemer(models.Model):
    beraad = models.ForeignKey(Beraad, verbose_name="beraad", on_delete=models.CASCADE, related_name="deelnemers")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="deelnemer", on_delete=models.PROTECT,
                                  related_name="beraaddeelnames")
    discipline = models.CharField("discipline", max_length=20, choices=Discipline.choices)

    class Meta:
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        ordering = ["discipline", "id"]
        constraints = [models.UniqueConstraint(fields=["beraad", "gebruiker"], name="deelnemer_een_keer_per_beraad")]

    def __str__(self) -> str:
        return f"{self.gebruiker.get_full_name() or self.gebruiker.username} ({self.get_discipline_display()})"


class Inbreng(models.Model):
    """One participant's view in the deliberation."""

    deelnemer = models.OneToOneField(Deelnemer, verbose_name="deelnemer", on_delete=models.CASCADE,
                                     related_name="inbreng")
    standpunt = models.TextField("standpunt", validators=[MaxLengthValidator(MAX_TEKST)])
    gegeven_op = models.DateTimeField("gegeven op", default=clock.now)

    class Meta:
        verbose_name = "inbreng"
        verbose_name_plural = "inbreng"


class Conclusie(models.Model):
    """The single conclusion of a deliberation; published ones form the public casusprudentie."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    beraad = models.OneToOneField(Beraad, verbose_name="beraad", on_delete=models.PROTECT, related_name="conclusie")
    tekst = models.TextField("conclusie", validators=[MaxLengthValidator(MAX_TEKST)])
    beginselen = models.ManyToManyField("noodrem.Beginsel", verbose_name="gewogen beginselen",
                                        related_name="conclusies")
    fix_aanbevolen = models.BooleanField("fix voor deze burger", default=True)
    openbaar = models.BooleanField("gepubliceerd in de casusprudentie", default=False)
    vastgesteld_op = models.DateTimeField("vastgesteld op", default=clock.now)
    vastgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="vastgesteld door",
                                         on_delete=models.PROTECT, related_name="+")
    # Stemmed, pseudonymised text of case and conclusion (schakel.signalen.zoeken.zoek).
    zoektekst = models.TextField("zoektekst (gestemd)", blank=True, editable=False)

    class Meta:
        verbose_name = "conclusie"
        verbose_name_plural = "conclusies (casusprudentie)"
        ordering = ["-vastgesteld_op", "-id"]

    def __str__(self) -> str:
        return f"Conclusie over {self.beraad.casus.kenmerk}"


class Grondslag(models.TextChoices):
    """The room the Awb (or the law itself) gives to do right by this citizen."""

    EVENREDIGHEID = "awb_3_4", "Awb 3:4 lid 2: de gevolgen zijn onevenredig"
    BIJZONDERE_OMSTANDIGHEDEN = "awb_4_84", "Awb 4:84: afwijken van een beleidsregel wegens bijzondere omstandigheden"
    HARDHEIDSCLAUSULE = "hardheidsclausule", "Hardheidsclausule in de wet"
    BEVOEGDHEID = "bevoegdheid", "Discretionaire bevoegdheid (kan-bepaling)"
    DIENSTVERLENING = "dienstverlening", "Binnen de regel: betalingsregeling, uitstel of extra hulp"


class Fix(models.Model):
    """What is done for this citizen, now, on which ground."""

    casus = models.OneToOneField(Casus, verbose_name="casus", on_delete=models.PROTECT, related_name="fix")
    wat = models.TextField("wat doen we voor deze burger", validators=[MaxLengthValidator(MAX_TEKST)])
    grondslag = models.CharField("grondslag", max_length=30, choices=Grondslag.choices)
    onderbouwing = models.TextField("onderbouwing binnen de ruimte van de Awb", validators=[MaxLengthValidator(MAX_TEKST)])
    toegekend_op = models.DateTimeField("toegekend op", default=clock.now)
    toegekend_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="toegekend door",
                                       on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "fix"
        verbose_name_plural = "fixes"


class Geadresseerde(models.TextChoices):
    """Who a solve asks to change the rule: the team's own board (internal policy, work
    instructions, systems) or the ministry responsible for the regulation (the law itself)."""

    BESTUUR = "bestuur", "Het bestuur van onze eigen organisatie"
    MINISTERIE = "ministerie", "Het ministerie dat verantwoordelijk is voor de regeling"


class Solve(models.Model):
    """A signal for everyone: the rule or policy must change. Cites the cases behind it."""

    uuid = models.UUIDField("uuid", default=uuid.uuid4, unique=True, editable=False)
    signaal = models.OneToOneField("signalen.Signaal", verbose_name="signaal", on_delete=models.PROTECT,
                                   related_name="solve")
    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie (team)",
                                    on_delete=models.PROTECT, related_name="solves")
    casussen = models.ManyToManyField(Casus, verbose_name="casussen", through="SolveCasus", related_name="solves")
    geadresseerde = models.CharField("geadresseerde", max_length=20, choices=Geadresseerde.choices,
                                     default=Geadresseerde.MINISTERIE)
    ingediend_op = models.DateTimeField("ingediend op", default=clock.now)
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="ingediend door",
                                       on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "solve"
        verbose_name_plural = "solves"
        ordering = ["-ingediend_op", "-id"]

    def __str__(self) -> str:
        return f"Solve {self.signaal.kenmerk}"


class SolveCasus(models.Model):
    solve = models.ForeignKey(Solve, verbose_name="solve", on_delete=models.CASCADE, related_name="citaten")
    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "geciteerde casus"
        verbose_name_plural = "geciteerde casussen"
        ordering = ["casus_id"]
        constraints = [models.UniqueConstraint(fields=["solve", "casus"], name="solve_casus_een_keer")]


class Herhalingsmelding(models.Model):
    """One crossing into unequal treatment of a group of similar cases (same team, regulation
    and reason): fixes for some while equal cases lack a solve. The open row (``afgesloten_op``
    empty) makes the team's inbox notification idempotent; a solve covering the group closes it,
    so a later crossing is reported again."""

    organisatie = models.ForeignKey("organisaties.Organisatie", verbose_name="organisatie (team)",
                                    on_delete=models.PROTECT, related_name="+")
    regeling = models.ForeignKey("regelingen.Regeling", verbose_name="regeling", on_delete=models.PROTECT,
                                 related_name="+")
    reden = models.CharField("waar knelt het", max_length=20, choices=Reden.choices)
    casus = models.ForeignKey(Casus, verbose_name="casus die de grens passeerde", on_delete=models.PROTECT,
                              related_name="+")
    aantal = models.PositiveIntegerField("vergelijkbare casussen")
    fixes = models.PositiveIntegerField("fixes")
    gemeld_op = models.DateTimeField("gemeld op", default=clock.now)
    afgesloten_op = models.DateTimeField("afgesloten op", null=True, blank=True)

    class Meta:
        verbose_name = "herhalingsmelding"
        verbose_name_plural = "herhalingsmeldingen"
        ordering = ["-gemeld_op", "-id"]
        constraints = [models.UniqueConstraint(
            fields=["organisatie", "regeling", "reden"], condition=models.Q(afgesloten_op__isnull=True),
            name="herhalingsmelding_een_open_per_groep")]
