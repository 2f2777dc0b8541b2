"""Every figure of the Staat van de Uitvoering, computed with database aggregations.

A report covers a *period* (a calendar year, Europe/Amsterdam) and a *scope*: the whole
government, one organisation, one ministry or one parliamentary committee. Each figure is
computed for the period and for the period before it (for trends). No query loads the
signals into Python: every figure is a ``COUNT``/``SUM``/``GROUP BY`` or a percentile in
the database (see :mod:`.statistiek`), so the cost is a fixed number of queries.

Definitions (also in docs/staat-van-de-uitvoering.md):

* The *cohort* of a period: signals filed in it. Their state is taken on the reference
  date (``peildatum``, today): answered, still open, overdue.
* Time to answer: calendar days from filing to the first answer (``beantwoord_op``).
* Comply/explain and civil-service/political level: the current (latest) answer version.
* Top regulations and articles: for the period itself (not the previous one).
* Commitments: those made in answers given in the period; kept, kept on time, overdue
  (open past their due date on the reference date) and running.
* Escalations: terms that started in the period at a higher rung than an earlier term of the
  same signal (a brake that starts at the board is not an escalation).
* The register: implementing organisations in scope that delivered their own Stand van de
  Uitvoering for the period's year, and those that did not.

Aggregates count all signals, published or not: they reveal no content. Lists name only
regulations and articles, never a signal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear, TruncMonth

from schakel.core import clock
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen.models import (Besluit, Niveau, Oorzaak, Reactie, Signaal, SignaalSoort, Toezegging,
                                     ToezeggingStatus)
from schakel.signalen.workflow import Status
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn
from schakel.termijnen.selecties import is_overschreden_q

from .models import StandVanDeUitvoering
from .statistiek import DagenTussen, percentielen

TIJDZONE = ZoneInfo("Europe/Amsterdam")
TOP = 10
EERSTE_JAAR = 2000

MAANDEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
TREDEN = [Trede.BESTUUR, Trede.MINISTERIE, Trede.BEWINDSPERSOON, Trede.KAMERCOMMISSIE]
TREDE_SLEUTEL = {Trede.BESTUUR: "bestuur", Trede.MINISTERIE: "ministerie", Trede.BEWINDSPERSOON: "bewindspersoon",
                 Trede.KAMERCOMMISSIE: "kamercommissie"}

Voortgang = Callable[[str], None]


# --- Period and scope -------------------------------------------------------------------------

@dataclass(frozen=True)
class Periode:
    """A calendar year in Dutch time."""

    jaar: int

    @classmethod
    def lees(cls, tekst) -> "Periode":
        tekst = str(tekst if tekst is not None else "").strip()
        if not tekst.isdigit() or len(tekst) != 4:
            raise ValidationError({"periode": "Geef de periode als jaartal, bijvoorbeeld 2025."})
        jaar = int(tekst)
        if not EERSTE_JAAR <= jaar <= clock.today().year:
            raise ValidationError({"periode": f"Kies een jaar van {EERSTE_JAAR} tot en met {clock.today().year}."})
        return cls(jaar)

    @property
    def begin(self) -> dt.datetime:
        return dt.datetime(self.jaar, 1, 1, tzinfo=TIJDZONE)

    @property
    def einde(self) -> dt.datetime:
        """Exclusive."""
        return dt.datetime(self.jaar + 1, 1, 1, tzinfo=TIJDZONE)

    @property
    def vorige(self) -> "Periode":
        return Periode(self.jaar - 1)

    @property
    def naam(self) -> str:
        return str(self.jaar)

    def q(self, veld: str) -> Q:
        return Q(**{f"{veld}__gte": self.begin, f"{veld}__lt": self.einde})


class Soort:
    RIJK = "rijk"
    ORGANISATIE = "organisatie"
    MINISTERIE = "ministerie"
    COMMISSIE = "commissie"


@dataclass(frozen=True)
class Reikwijdte:
    """Whose figures: the whole government, or one organisation, ministry or committee."""

    soort: str = Soort.RIJK
    organisatie: Organisatie | None = None

    @classmethod
    def kies(cls, *, organisatie: str = "", ministerie: str = "", commissie: str = "") -> "Reikwijdte":
        """From abbreviations (case-insensitive); at most one may be given."""
        gegeven = [(soort, (code or "").strip()) for soort, code in
                   ((Soort.ORGANISATIE, organisatie), (Soort.MINISTERIE, ministerie), (Soort.COMMISSIE, commissie))
                   if (code or "").strip()]
        if not gegeven:
            return cls()
        if len(gegeven) > 1:
            raise ValidationError({gegeven[1][0]: "Kies één organisatie, één ministerie of één commissie, niet meer."})
        soort, code = gegeven[0]
        org = Organisatie.objects.filter(afkorting__iexact=code).first()
        if org is None:
            raise ValidationError({soort: f"Er is geen organisatie met de afkorting '{code[:40]}'."})
        if soort == Soort.MINISTERIE and org.soort != OrganisatieSoort.MINISTERIE:
            raise ValidationError({soort: f"{org.naam} is geen ministerie."})
        if soort == Soort.COMMISSIE and org.soort != OrganisatieSoort.KAMERCOMMISSIE:
            raise ValidationError({soort: f"{org.naam} is geen Kamercommissie."})
        return cls(soort, org)

    @property
    def naam(self) -> str:
        return "de hele rijksoverheid" if self.organisatie is None else self.organisatie.naam

    @property
    def omschrijving(self) -> str:
        if self.soort == Soort.ORGANISATIE:
            return f"signalen die {self.naam} indiende of moest beantwoorden"
        if self.soort == Soort.MINISTERIE:
            return (f"signalen over regelingen van {self.naam}, en signalen van en aan het ministerie "
                    "en de organisaties waarvan het opdrachtgever is")
        if self.soort == Soort.COMMISSIE:
            return f"signalen over regelingen die de {self.naam[0].lower()}{self.naam[1:]} controleert"
        return "alle signalen in Schakel"

    def signalen_q(self, via: str = "") -> Q:
        """The signals in scope, as a Q on Signaal (``via``: the path to it, e.g. ``"signaal__"``).

        Organisations and regulations are resolved to id lists first (a few dozen), so the
        signal query needs no joins."""
        org = self.organisatie
        if self.soort == Soort.ORGANISATIE:
            return Q(**{f"{via}eigenaar_id": org.pk}) | Q(**{f"{via}indienende_organisatie_id": org.pk})
        if self.soort == Soort.MINISTERIE:
            orgs = [org.pk, *Organisatie.objects.filter(opdrachtgever=org).values_list("pk", flat=True)]
            regelingen = list(Regeling.objects.filter(eigenaar=org).values_list("pk", flat=True))
            return (Q(**{f"{via}regeling_id__in": regelingen}) | Q(**{f"{via}eigenaar_id__in": orgs})
                    | Q(**{f"{via}indienende_organisatie_id__in": orgs}))
        if self.soort == Soort.COMMISSIE:
            return Q(**{f"{via}regeling_id__in": list(Regeling.objects.filter(kamercommissie=org)
                                                       .values_list("pk", flat=True))})
        return Q()

    def uitvoerders(self):
        """The implementing organisations in scope, for the register."""
        qs = Organisatie.objects.filter(soort=OrganisatieSoort.UITVOERINGSORGANISATIE)
        if self.soort == Soort.ORGANISATIE:
            return qs.filter(pk=self.organisatie.pk)
        if self.soort == Soort.MINISTERIE:
            return qs.filter(opdrachtgever=self.organisatie)
        if self.soort == Soort.COMMISSIE:
            return qs.filter(opdrachtgever__kamercommissie=self.organisatie)
        return qs

    def als_dict(self) -> dict:
        org = self.organisatie
        return {"soort": self.soort, "afkorting": org.afkorting if org else None, "naam": self.naam,
                "omschrijving": self.omschrijving}


# --- The figures ------------------------------------------------------------------------------

def _aandeel(deel: int, geheel: int) -> float | None:
    return round(100.0 * deel / geheel, 1) if geheel else None


def _afgerond(waarde: float | None) -> float | None:
    return None if waarde is None else round(waarde, 1)


@dataclass(frozen=True)
class Vergelijking:
    """A period and the one before it. Most queries cover both at once and group by year,
    so each table is scanned once for the report, not once per period."""

    periode: Periode

    @property
    def perioden(self) -> tuple[Periode, Periode]:
        return self.periode, self.periode.vorige

    def q(self, veld: str) -> Q:
        return Q(**{f"{veld}__gte": self.periode.vorige.begin, f"{veld}__lt": self.periode.einde})

    @staticmethod
    def jaar(veld: str) -> ExtractYear:
        return ExtractYear(veld, tzinfo=TIJDZONE)

    def per_jaar(self, rijen, sleutel=lambda r: r) -> dict[int, list]:
        uit = {p.jaar: [] for p in self.perioden}
        for rij in rijen:
            if rij["jaar"] in uit:
                uit[rij["jaar"]].append(sleutel(rij))
        return uit


SIGNAALTELLERS = ("ingediend", "beantwoord", "beantwoordNaTermijn", "open", "openTeLaat", "getroffenBurgers",
                  "metReactie", "noodremmen", "noodremmenOpen", "noodremmenOpenTeLaat")


def _signalen_per_maand(v: Vergelijking, cohort, peildatum: dt.date) -> dict[int, dict]:
    """Signal counts per month of filing for both periods, in one scan; the year's totals are their sums."""
    overschreden = is_overschreden_q(peildatum)
    noodrem = Q(soort=SignaalSoort.NOODREM)
    rijen = (cohort.annotate(maand=TruncMonth("ingediend_op", tzinfo=TIJDZONE)).values("maand")
             .annotate(ingediend=Count("pk"),
                       beantwoord=Count("pk", filter=Q(status=Status.BEANTWOORD)),
                       beantwoordNaTermijn=Count("pk", filter=Q(status=Status.BEANTWOORD,
                                                                termijn_overschreden_op__isnull=False)),
                       open=Count("pk", filter=~Q(status=Status.BEANTWOORD)),
                       openTeLaat=Count("pk", filter=overschreden),
                       getroffenBurgers=Sum("aantal_getroffen"),
                       metReactie=Count("pk", filter=Q(beantwoord_op__isnull=False)),
                       noodremmen=Count("pk", filter=noodrem),
                       noodremmenOpen=Count("pk", filter=noodrem & ~Q(status=Status.BEANTWOORD)),
                       noodremmenOpenTeLaat=Count("pk", filter=noodrem & overschreden))
             .order_by("maand"))
    uit = {p.jaar: {"maanden": {}, **{k: 0 for k in SIGNAALTELLERS}} for p in v.perioden}
    for r in rijen:
        jaar = uit.get(r["maand"].year)
        if jaar is None:
            continue
        jaar["maanden"][r["maand"].month] = r
        for k in SIGNAALTELLERS:
            jaar[k] += r[k] or 0
    return uit


def _signalen(t: dict) -> dict:
    c = {k: t[k] for k in ("ingediend", "beantwoord", "beantwoordNaTermijn", "open", "openTeLaat",
                           "getroffenBurgers")}
    c["termijnOverschreden"] = c["beantwoordNaTermijn"] + c["openTeLaat"]
    c["aandeelBeantwoord"] = _aandeel(c["beantwoord"], c["ingediend"])
    c["aandeelTermijnOverschreden"] = _aandeel(c["termijnOverschreden"], c["ingediend"])
    return c


def _per_maand(periode: Periode, t: dict) -> list[dict]:
    m = t["maanden"]
    return [{"maand": f"{periode.jaar}-{i:02d}", "naam": MAANDEN[i - 1],
             "ingediend": m[i]["ingediend"] if i in m else 0,
             "beantwoord": m[i]["beantwoord"] if i in m else 0} for i in range(1, 13)]


def _doorlooptijd(cohort, aantal: int) -> dict:
    beantwoord = cohort.filter(beantwoord_op__isnull=False)
    p = percentielen(beantwoord, DagenTussen(F("ingediend_op"), F("beantwoord_op")), (0.5, 0.9))
    return {"aantal": aantal, "mediaanDagen": _afgerond(p[0.5]), "p90Dagen": _afgerond(p[0.9])}


def _reacties_en_noodremmen(v: Vergelijking, reikwijdte: Reikwijdte, tellers: dict[int, dict]) -> dict[int, tuple]:
    """Comply/explain and level of the current answer version, per year of filing."""
    nieuwer = Reactie.objects.filter(signaal=OuterRef("signaal"), versie__gt=OuterRef("versie"))
    rijen = (Reactie.objects.filter(reikwijdte.signalen_q("signaal__"), v.q("signaal__ingediend_op"))
             .filter(~Exists(nieuwer))
             .values("besluit", "niveau", "signaal__soort", jaar=v.jaar("signaal__ingediend_op"))
             .annotate(n=Count("pk")).order_by())
    uit = {}
    for jaar, lijst in v.per_jaar(rijen).items():
        tellingen = {(r["besluit"], r["niveau"], r["signaal__soort"]): r["n"] for r in lijst}

        def som(besluit=None, niveau=None, soort=None) -> int:
            return sum(n for (b, nv, s), n in tellingen.items()
                       if besluit in (None, b) and niveau in (None, nv) and soort in (None, s))

        totaal = som()
        reacties = {
            "totaal": totaal,
            "overnemen": som(Besluit.OVERNEMEN), "nietOvernemen": som(Besluit.NIET_OVERNEMEN),
            "aandeelOvernemen": _aandeel(som(Besluit.OVERNEMEN), totaal),
            "aandeelNietOvernemen": _aandeel(som(Besluit.NIET_OVERNEMEN), totaal),
            "ambtelijk": som(niveau=Niveau.AMBTELIJK), "politiek": som(niveau=Niveau.POLITIEK),
            "aandeelPolitiek": _aandeel(som(niveau=Niveau.POLITIEK), totaal),
        }
        t = tellers[jaar]
        noodremmen = {
            "getrokken": t["noodremmen"],
            "beantwoord": som(soort=SignaalSoort.NOODREM),
            "overnemen": som(Besluit.OVERNEMEN, soort=SignaalSoort.NOODREM),
            "nietOvernemen": som(Besluit.NIET_OVERNEMEN, soort=SignaalSoort.NOODREM),
            "open": t["noodremmenOpen"], "openTeLaat": t["noodremmenOpenTeLaat"],
        }
        uit[jaar] = (reacties, noodremmen)
    return uit


def _toezeggingen(v: Vergelijking, reikwijdte: Reikwijdte, peildatum: dt.date) -> dict[int, dict]:
    rijen = (Toezegging.objects.filter(reikwijdte.signalen_q("signaal__"), v.q("reactie__gegeven_op"))
             .values(jaar=v.jaar("reactie__gegeven_op"))
             .annotate(
                 gedaan=Count("pk"),
                 nagekomen=Count("pk", filter=Q(status=ToezeggingStatus.NAGEKOMEN)),
                 opTijdNagekomen=Count("pk", filter=Q(status=ToezeggingStatus.NAGEKOMEN,
                                                      nagekomen_op__lte=F("uiterlijk"))),
                 verlopen=Count("pk", filter=Q(status=ToezeggingStatus.OPEN, uiterlijk__lt=peildatum)),
                 lopend=Count("pk", filter=Q(status=ToezeggingStatus.OPEN, uiterlijk__gte=peildatum)),
             ).order_by())
    uit = {}
    for jaar, lijst in v.per_jaar(rijen).items():
        c = {k: 0 for k in ("gedaan", "nagekomen", "opTijdNagekomen", "verlopen", "lopend")}
        for r in lijst:
            for k in c:
                c[k] += r[k]
        c["aandeelNagekomen"] = _aandeel(c["nagekomen"], c["gedaan"])
        uit[jaar] = c
    return uit


def _regeling(r: dict) -> dict:
    return {"bwbId": r["regeling__bwb_id"], "titel": r["regeling__citeertitel"] or r["regeling__titel"]}


KNELPUNTEN_APP = "schakel.knelpunten"


def knelpunten_beschikbaar() -> bool:
    return apps.is_installed(KNELPUNTEN_APP)


def _top(cohort) -> dict:
    cohort = cohort.filter(regeling__isnull=False)  # a signal may name no regulation (routed by text)
    velden = ("regeling__bwb_id", "regeling__citeertitel", "regeling__titel")
    per_regeling = (cohort.values("regeling_id", *velden)
                    .annotate(signalen=Count("pk"), getroffenBurgers=Sum("aantal_getroffen"),
                              noodremmen=Count("pk", filter=Q(soort=SignaalSoort.NOODREM))))
    knelpunten = None
    if knelpunten_beschikbaar():  # distinct knelpunten bundling the period's signals, per regulation
        Bundeling = apps.get_model("knelpunten", "Bundeling")
        knelpunten = dict(Bundeling.objects.filter(signaal__in=cohort.values("pk"))
                          .values_list("signaal__regeling_id").annotate(n=Count("knelpunt", distinct=True))
                          .order_by())

    def rij(r: dict) -> dict:
        uit = {**_regeling(r), "signalen": r["signalen"], "getroffenBurgers": r["getroffenBurgers"] or 0,
               "noodremmen": r["noodremmen"]}
        if knelpunten is not None:
            uit["knelpunten"] = knelpunten.get(r["regeling_id"], 0)
        return uit

    top = {}
    if knelpunten is not None:
        rijen = [rij(r) for r in per_regeling.filter(regeling_id__in=list(knelpunten)).order_by()]
        top["regelingenPerKnelpunten"] = sorted(rijen, key=lambda r: (-r["knelpunten"], -r["signalen"],
                                                                      r["bwbId"]))[:TOP]
    artikelen = (cohort.exclude(artikelen="").values("regeling_id", "artikelen", *velden)
                 .annotate(signalen=Count("pk"), getroffenBurgers=Sum("aantal_getroffen"))
                 .order_by("-signalen", F("getroffenBurgers").desc(nulls_last=True), "regeling__bwb_id", "artikelen"))
    return {
        **top,
        "regelingenPerSignalen": [rij(r) for r in per_regeling.order_by(
            "-signalen", F("getroffenBurgers").desc(nulls_last=True), "regeling__bwb_id")[:TOP]],
        "regelingenPerGetroffenen": [rij(r) for r in per_regeling.filter(getroffenBurgers__gt=0).order_by(
            F("getroffenBurgers").desc(nulls_last=True), "-signalen", "regeling__bwb_id")[:TOP]],
        "artikelen": [{**_regeling(r), "artikelen": r["artikelen"], "signalen": r["signalen"],
                       "getroffenBurgers": r["getroffenBurgers"] or 0} for r in artikelen[:TOP]],
    }


def _oorzaken(v: Vergelijking, reikwijdte: Reikwijdte, cohort) -> dict[int, dict]:
    koppeling = Signaal.oorzaken.through.objects
    per_oorzaak = (koppeling.filter(reikwijdte.signalen_q("signaal__"), v.q("signaal__ingediend_op"))
                   .values("oorzaak_id", jaar=v.jaar("signaal__ingediend_op")).annotate(n=Count("pk")).order_by())
    zonder = (cohort.filter(~Exists(koppeling.filter(signaal_id=OuterRef("pk"))))
              .values(jaar=v.jaar("ingediend_op")).annotate(n=Count("pk")).order_by())
    zonder_per_jaar = {jaar: sum(r["n"] for r in lijst) for jaar, lijst in v.per_jaar(zonder).items()}
    oorzaken = list(Oorzaak.objects.order_by("volgorde", "pk").values("pk", "code", "naam"))
    uit = {}
    for jaar, lijst in v.per_jaar(per_oorzaak).items():
        telling = {r["oorzaak_id"]: r["n"] for r in lijst}
        uit[jaar] = {"perOorzaak": [{"code": o["code"], "naam": o["naam"], "signalen": telling.get(o["pk"], 0)}
                                    for o in oorzaken],
                     "zonderOorzaak": zonder_per_jaar[jaar]}
    return uit


def _escalaties(v: Vergelijking, reikwijdte: Reikwijdte) -> dict[int, dict]:
    # An escalation is a term that follows a lower rung of the same signal (a brake starts at the board).
    lager = Termijn.objects.filter(signaal=OuterRef("signaal"), trede__lt=OuterRef("trede"))
    rijen = (Termijn.objects.filter(reikwijdte.signalen_q("signaal__"), v.q("gestart_op"), Exists(lager),
                                    trede__gte=Trede.BESTUUR)
             .values("trede", jaar=v.jaar("gestart_op")).annotate(n=Count("pk")).order_by())
    uit = {}
    for jaar, lijst in v.per_jaar(rijen).items():
        per_trede = {r["trede"]: r["n"] for r in lijst}
        c = {TREDE_SLEUTEL[t]: per_trede.get(int(t), 0) for t in TREDEN}
        c["totaal"] = sum(per_trede.values())
        uit[jaar] = c
    return uit


def _cohort(reikwijdte: Reikwijdte, q: Q):
    return Signaal.objects.filter(reikwijdte.signalen_q(), q).order_by()


def cijfers(periode: Periode, reikwijdte: Reikwijdte, peildatum: dt.date,
            voortgang: Voortgang = lambda stap: None) -> tuple[dict, dict]:
    """All figures for the period and the one before: (huidig, vorige)."""
    v = Vergelijking(periode)
    beide = _cohort(reikwijdte, v.q("ingediend_op"))
    voortgang("signalen per maand")
    tellers = _signalen_per_maand(v, beide, peildatum)
    voortgang("reacties en noodremmen")
    reacties = _reacties_en_noodremmen(v, reikwijdte, tellers)
    voortgang("toezeggingen")
    toezeggingen = _toezeggingen(v, reikwijdte, peildatum)
    voortgang("oorzaken")
    oorzaken = _oorzaken(v, reikwijdte, beide)
    voortgang("escalaties")
    escalaties = _escalaties(v, reikwijdte)
    uit = []
    for p in v.perioden:
        t = tellers[p.jaar]
        voortgang(f"{p.naam}: doorlooptijd")
        c = {"periode": p.naam, "signalen": _signalen(t),
             "doorlooptijd": _doorlooptijd(_cohort(reikwijdte, p.q("ingediend_op")), t["metReactie"])}
        c["reacties"], c["noodremmen"] = reacties[p.jaar]
        c["toezeggingen"] = toezeggingen[p.jaar]
        if p == periode:
            voortgang(f"{p.naam}: regelingen en artikelen")
            c["top"] = _top(_cohort(reikwijdte, p.q("ingediend_op")))
        c["oorzaken"] = oorzaken[p.jaar]
        c["escalaties"] = escalaties[p.jaar]
        c["perMaand"] = _per_maand(p, t)
        uit.append(c)
    return uit[0], uit[1]


def register(jaar: int, reikwijdte: Reikwijdte) -> dict:
    """Which implementing organisations in scope delivered their own Stand van de Uitvoering."""
    stukken = StandVanDeUitvoering.objects.filter(jaar=jaar, organisatie__in=reikwijdte.uitvoerders())
    geleverd = {s.organisatie_id: s for s in stukken}
    orgs = list(reikwijdte.uitvoerders().order_by("naam").values("pk", "afkorting", "naam"))
    return {
        "jaar": jaar,
        "geleverd": [{"afkorting": o["afkorting"], "naam": o["naam"], "ontvangenOp": geleverd[o["pk"]].ontvangen_op.isoformat(),
                      "url": geleverd[o["pk"]].url} for o in orgs if o["pk"] in geleverd],
        "nietGeleverd": [{"afkorting": o["afkorting"], "naam": o["naam"]} for o in orgs if o["pk"] not in geleverd],
    }


TOETSEN_APP = "schakel.toetsen"


def toetsen_beschikbaar() -> bool:
    return apps.is_installed(TOETSEN_APP)


def uitvoeringstoetsen(periode: Periode, reikwijdte: Reikwijdte) -> dict | None:
    """Feasibility verdicts asked in the period and the minister's answers; None without the app."""
    if not toetsen_beschikbaar():
        return None
    Uitvoeringstoets = apps.get_model("toetsen", "Uitvoeringstoets")
    org = reikwijdte.organisatie
    filters = {Soort.ORGANISATIE: Q(organisatie=org), Soort.MINISTERIE: Q(voorstel__ministerie=org),
               Soort.COMMISSIE: Q(voorstel__kamercommissie=org)}.get(reikwijdte.soort, Q())
    toetsen = Uitvoeringstoets.objects.filter(filters, periode.q("gevraagd_op")).exclude(status="vervallen")
    c = toetsen.aggregate(
        gevraagd=Count("pk"), ingediend=Count("pk", filter=~Q(oordeel="")),
        uitvoerbaar=Count("pk", filter=Q(oordeel="uitvoerbaar")),
        onderVoorwaarden=Count("pk", filter=Q(oordeel="onder_voorwaarden")),
        nietUitvoerbaar=Count("pk", filter=Q(oordeel="niet_uitvoerbaar")),
        beantwoord=Count("antwoord"),
        antwoordOvernemen=Count("antwoord", filter=Q(antwoord__besluit=Besluit.OVERNEMEN)),
        antwoordNietOvernemen=Count("antwoord", filter=Q(antwoord__besluit=Besluit.NIET_OVERNEMEN)),
        antwoordTeLaat=Count("antwoord", filter=Q(antwoord__te_laat=True)),
    )
    c["periode"] = periode.naam
    return c


def bereken(periode: Periode, reikwijdte: Reikwijdte | None = None, *, voortgang: Voortgang = lambda stap: None) -> dict:
    """The whole report as plain data (JSON-ready): this period, the previous one, the register."""
    reikwijdte = reikwijdte or Reikwijdte()
    peildatum = clock.today()
    staat = {
        "titel": f"Staat van de Uitvoering {periode.naam}",
        "periode": periode.naam, "vorigePeriode": periode.vorige.naam,
        "reikwijdte": reikwijdte.als_dict(),
        "peildatum": peildatum.isoformat(), "gemaaktOp": clock.now().isoformat(timespec="seconds"),
    }
    staat["huidig"], staat["vorige"] = cijfers(periode, reikwijdte, peildatum, voortgang)
    voortgang("register")
    staat["register"] = register(periode.jaar, reikwijdte)
    voortgang("uitvoeringstoetsen")
    if toetsen_beschikbaar():
        staat["uitvoeringstoetsen"] = {"huidig": uitvoeringstoetsen(periode, reikwijdte),
                                       "vorige": uitvoeringstoetsen(periode.vorige, reikwijdte)}
    return staat


AANTAL_STAPPEN = 5 + 3 + 2
