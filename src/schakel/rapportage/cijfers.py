"""Every figure of the Staat van de Uitvoering, computed with database aggregations.

A report covers a *period* (a year, quarter, month or range of days, Europe/Amsterdam; see
:mod:`.perioden`) and a *scope*: the whole
government, one organisation, one ministry or one parliamentary committee. Each figure is
computed for the period and for the period before it (for trends). No query loads the
signals into Python: every figure is a ``COUNT``/``SUM``/``GROUP BY`` or a percentile in
the database (see :mod:`.statistiek`), so the cost is a fixed number of queries.

Definitions (also in docs/staat-van-de-uitvoering.md):

* The *cohort* of a period: signals filed in it. Their state is taken on the reference
  date (``peildatum``, today): answered, still open, overdue.
* Time to answer: Dutch working days (``schakel.termijnen.kalender``, the calendar of the
  deadlines) from the day of filing to the day of the first answer (``beantwoord_op``), as
  ``kalender.werkdagen_tussen``; computed in the database (:class:`.statistiek.Werkdagen`).
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
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, Sum, Value, When
from django.db.models.functions import TruncDate

from schakel.core import clock
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen.models import (Besluit, Grond, NietOntvankelijk, Niveau, Oorzaak, Reactie, Signaal,
                                     SignaalSoort, Toezegging, ToezeggingStatus)
from schakel.signalen.workflow import Status
from schakel.termijnen import kalender
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn
from schakel.termijnen.selecties import is_overschreden_q

from .models import StandVanDeUitvoering
from .perioden import EERSTE_JAAR, TIJDZONE, Periode  # noqa: F401 (re-exported)
from .statistiek import percentielen_uit_histogram, werkdagen_sql

TOP = 10
TREDEN = [Trede.BESTUUR, Trede.MINISTERIE, Trede.BEWINDSPERSOON, Trede.KAMERCOMMISSIE]
TREDE_SLEUTEL = {Trede.BESTUUR: "bestuur", Trede.MINISTERIE: "ministerie", Trede.BEWINDSPERSOON: "bewindspersoon",
                 Trede.KAMERCOMMISSIE: "kamercommissie"}

Voortgang = Callable[[str], None]


# --- Period and scope -------------------------------------------------------------------------

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


HUIDIG, VORIGE = "huidig", "vorige"


@dataclass(frozen=True)
class Vergelijking:
    """A period and the one before it. Most queries cover both at once and group by which of
    the two a row falls in, so each table is scanned once for the report, not once per period."""

    periode: Periode

    @property
    def perioden(self) -> dict[str, Periode]:
        return {HUIDIG: self.periode, VORIGE: self.periode.vorige}

    def q(self, veld: str) -> Q:
        """Rows with ``veld`` in either period (the previous one ends where this one begins)."""
        return Q(**{f"{veld}__gte": self.periode.vorige.begin, f"{veld}__lt": self.periode.einde})

    def welke(self, veld: str) -> Case:
        """'huidig' or 'vorige' for a row already restricted by :meth:`q`."""
        return Case(When(**{f"{veld}__gte": self.periode.begin}, then=Value(HUIDIG)), default=Value(VORIGE),
                    output_field=CharField())

    def per_periode(self, rijen, sleutel=lambda r: r) -> dict[str, list]:
        uit = {HUIDIG: [], VORIGE: []}
        for rij in rijen:
            uit[rij["periode"]].append(sleutel(rij))
        return uit


SIGNAALTELLERS = ("ingediend", "beantwoord", "beantwoordNaTermijn", "open", "openTeLaat", "getroffenBurgers",
                  "metReactie", "noodremmen", "noodremmenOpen", "noodremmenOpenTeLaat", "nietOntvankelijk")
# No longer waiting for an answer: answered, or declared not admissible (counted on its own).
AFGEHANDELD = (Status.BEANTWOORD, Status.NIET_ONTVANKELIJK)


def _signalen_en_werkdagen(v: Vergelijking, cohort, peildatum: dt.date) -> tuple[dict[str, dict], dict[str, dict]]:
    """Signal counts per bucket of filing (day, month or year) for both periods, and the histogram
    of working days to the first answer, from one scan of the signals.

    The signals are grouped by (period, day filed, day first answered) — the time-zone conversion
    once per row, a hash aggregate of some ten thousand groups — and that result is read twice
    in the same statement: summed per day filed (the counts; days are put in buckets here) and
    per number of working days (:func:`.statistiek.werkdagen_sql`). Returns (tellers per period,
    histogram per period)."""
    overschreden = is_overschreden_q(peildatum)
    noodrem = Q(soort=SignaalSoort.NOODREM)
    paren = (cohort.annotate(periode=v.welke("ingediend_op"), dag=TruncDate("ingediend_op", tzinfo=TIJDZONE),
                             antwoorddag=TruncDate("beantwoord_op", tzinfo=TIJDZONE))
             .values("periode", "dag", "antwoorddag")
             .annotate(ingediend=Count("pk"),
                       beantwoord=Count("pk", filter=Q(status=Status.BEANTWOORD)),
                       beantwoordNaTermijn=Count("pk", filter=Q(status=Status.BEANTWOORD,
                                                                termijn_overschreden_op__isnull=False)),
                       open=Count("pk", filter=~Q(status__in=AFGEHANDELD)),
                       nietOntvankelijk=Count("pk", filter=Q(status=Status.NIET_ONTVANKELIJK)),
                       openTeLaat=Count("pk", filter=overschreden),
                       getroffenBurgers=Sum("aantal_getroffen"),
                       metReactie=Count("pk", filter=Q(beantwoord_op__isnull=False)),
                       noodremmen=Count("pk", filter=noodrem),
                       noodremmenOpen=Count("pk", filter=noodrem & ~Q(status__in=AFGEHANDELD)),
                       noodremmenOpenTeLaat=Count("pk", filter=noodrem & overschreden))
             .order_by())
    verbinding = connections[paren.db]
    q = verbinding.ops.quote_name
    binnen, binnen_params = paren.query.sql_with_params()
    w_sql, w_params = werkdagen_sql(verbinding.vendor, (f"p.{q('dag')}", []), (f"p.{q('antwoorddag')}", []),
                                    feestdagen(v, peildatum))
    sommen = ", ".join(f"SUM(p.{q(k)})" for k in SIGNAALTELLERS)
    leeg = ", ".join("NULL" for _ in SIGNAALTELLERS[1:])
    sql = (f"WITH p AS ({binnen}) "
           f"SELECT p.{q('periode')}, p.{q('dag')}, NULL, {sommen} FROM p GROUP BY 1, 2 "
           f"UNION ALL "
           f"SELECT p.{q('periode')}, NULL, {w_sql}, SUM(p.{q('ingediend')}), {leeg} FROM p "
           f"WHERE p.{q('antwoorddag')} IS NOT NULL GROUP BY 1, 3")
    tellers = {k: {"vakken": {}, **{t: 0 for t in SIGNAALTELLERS}} for k in v.perioden}
    histogrammen: dict[str, dict[int, int]] = {k: {} for k in v.perioden}
    vak_van = VAK_VAN[v.periode.indeling]
    with verbinding.cursor() as cursor:
        cursor.execute(sql, (*binnen_params, *w_params))
        for periode, dag, werkdagen, *waarden in cursor.fetchall():
            if dag is None:
                histogrammen[periode][int(werkdagen)] = int(waarden[0])
                continue
            t = tellers[periode]
            dag = dt.date.fromisoformat(dag) if isinstance(dag, str) else dag
            vak = t["vakken"].setdefault(vak_van(dag), {k: 0 for k in SIGNAALTELLERS})
            for k, waarde in zip(SIGNAALTELLERS, waarden):
                vak[k] += int(waarde or 0)
                t[k] += int(waarde or 0)
    return tellers, histogrammen


VAK_VAN = {"dag": lambda d: d, "maand": lambda d: d.replace(day=1), "jaar": lambda d: d.replace(month=1, day=1)}


def _signalen(t: dict) -> dict:
    c = {k: t[k] for k in ("ingediend", "beantwoord", "beantwoordNaTermijn", "open", "openTeLaat",
                           "getroffenBurgers", "nietOntvankelijk")}
    c["termijnOverschreden"] = c["beantwoordNaTermijn"] + c["openTeLaat"]
    c["aandeelBeantwoord"] = _aandeel(c["beantwoord"], c["ingediend"])
    c["aandeelTermijnOverschreden"] = _aandeel(c["termijnOverschreden"], c["ingediend"])
    return c


def _verloop(periode: Periode, indeling: str, t: dict) -> list[dict]:
    """Filed and answered per bucket of the period, every bucket listed (also when zero)."""
    vakken = t["vakken"]
    meer_jaren = periode.eerste_dag.year != periode.laatste_dag.year
    uit = []
    for vak in periode.vakken():
        code, naam = Periode.vak_naam(vak, indeling)
        if indeling == "maand" and meer_jaren:
            naam = f"{naam} {vak.year % 100:02d}"
        r = vakken.get(vak)
        uit.append({"vak": code, "naam": naam, "ingediend": r["ingediend"] if r else 0,
                    "beantwoord": r["beantwoord"] if r else 0})
    return uit


def feestdagen(v: Vergelijking, peildatum: dt.date) -> list[dt.date]:
    """The Dutch public holidays on a weekday from the start of the previous period up to the end
    of next year: every date a time to answer in either period can span."""
    van = v.periode.vorige.eerste_dag - dt.timedelta(days=1)
    tot = dt.date(max(peildatum.year, v.periode.laatste_dag.year) + 1, 12, 31)
    return [datum for datum, _ in kalender.feestdagen_tussen(van, tot)]


def _doorlooptijden(v: Vergelijking, tellers: dict[str, dict], histogrammen: dict[str, dict]) -> dict[str, dict]:
    """Median and 90th percentile of the working days from filing to the first answer, per period."""
    uit = {}
    for k in v.perioden:
        p = percentielen_uit_histogram(histogrammen[k], (0.5, 0.9))
        uit[k] = {"eenheid": "werkdagen", "aantal": tellers[k]["metReactie"],
                  "mediaanWerkdagen": _afgerond(p[0.5]), "p90Werkdagen": _afgerond(p[0.9])}
    return uit


def _reacties_en_noodremmen(v: Vergelijking, reikwijdte: Reikwijdte, tellers: dict[int, dict]) -> dict[int, tuple]:
    """Comply/explain and level of the current answer version, per year of filing."""
    # A newer version of the same answer. Versions count from 1 (services.reageer), so a newer one
    # is never version 1: saying so lets PostgreSQL hash only the few revisions (5 % at 1M) for
    # the anti-join instead of every answer — about a third off this query.
    nieuwer = Reactie.objects.filter(signaal=OuterRef("signaal"), versie__gt=OuterRef("versie")).filter(versie__gt=1)
    rijen = (Reactie.objects.filter(reikwijdte.signalen_q("signaal__"), v.q("signaal__ingediend_op"))
             .filter(~Exists(nieuwer))
             .values("besluit", "niveau", "signaal__soort", periode=v.welke("signaal__ingediend_op"))
             .annotate(n=Count("pk")).order_by())
    uit = {}
    for sleutel, lijst in v.per_periode(rijen).items():
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
        t = tellers[sleutel]
        noodremmen = {
            "getrokken": t["noodremmen"],
            "beantwoord": som(soort=SignaalSoort.NOODREM),
            "overnemen": som(Besluit.OVERNEMEN, soort=SignaalSoort.NOODREM),
            "nietOvernemen": som(Besluit.NIET_OVERNEMEN, soort=SignaalSoort.NOODREM),
            "open": t["noodremmenOpen"], "openTeLaat": t["noodremmenOpenTeLaat"],
        }
        uit[sleutel] = (reacties, noodremmen)
    return uit


def _toezeggingen(v: Vergelijking, reikwijdte: Reikwijdte, peildatum: dt.date) -> dict[int, dict]:
    rijen = (Toezegging.objects.filter(reikwijdte.signalen_q("signaal__"), v.q("reactie__gegeven_op"))
             .values(periode=v.welke("reactie__gegeven_op"))
             .annotate(
                 gedaan=Count("pk"),
                 nagekomen=Count("pk", filter=Q(status=ToezeggingStatus.NAGEKOMEN)),
                 opTijdNagekomen=Count("pk", filter=Q(status=ToezeggingStatus.NAGEKOMEN,
                                                      nagekomen_op__lte=F("uiterlijk"))),
                 verlopen=Count("pk", filter=Q(status=ToezeggingStatus.OPEN, uiterlijk__lt=peildatum)),
                 lopend=Count("pk", filter=Q(status=ToezeggingStatus.OPEN, uiterlijk__gte=peildatum)),
             ).order_by())
    uit = {}
    for sleutel, lijst in v.per_periode(rijen).items():
        c = {k: 0 for k in ("gedaan", "nagekomen", "opTijdNagekomen", "verlopen", "lopend")}
        for r in lijst:
            for k in c:
                c[k] += r[k]
        c["aandeelNagekomen"] = _aandeel(c["nagekomen"], c["gedaan"])
        uit[sleutel] = c
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

    # One scan for the regulations (a row per regulation with signals, a few hundred at most);
    # the two rankings are sorted here.
    regelingen = [rij(r) for r in per_regeling.order_by()]
    top = {}
    if knelpunten is not None:
        top["regelingenPerKnelpunten"] = sorted((r for r in regelingen if r["knelpunten"]),
                                                key=lambda r: (-r["knelpunten"], -r["signalen"], r["bwbId"]))[:TOP]
    artikelen = (cohort.exclude(artikelen="").values("regeling_id", "artikelen", *velden)
                 .annotate(signalen=Count("pk"), getroffenBurgers=Sum("aantal_getroffen"))
                 .order_by("-signalen", F("getroffenBurgers").desc(nulls_last=True), "regeling__bwb_id", "artikelen"))
    return {
        **top,
        "regelingenPerSignalen": sorted(regelingen, key=lambda r: (-r["signalen"], -r["getroffenBurgers"],
                                                                   r["bwbId"]))[:TOP],
        "regelingenPerGetroffenen": sorted((r for r in regelingen if r["getroffenBurgers"] > 0),
                                           key=lambda r: (-r["getroffenBurgers"], -r["signalen"], r["bwbId"]))[:TOP],
        "artikelen": [{**_regeling(r), "artikelen": r["artikelen"], "signalen": r["signalen"],
                       "getroffenBurgers": r["getroffenBurgers"] or 0} for r in artikelen[:TOP]],
    }


def _oorzaken(v: Vergelijking, cohort) -> dict[str, dict]:
    """Signals per cause, and signals without one, per period: one LEFT JOIN of the signals to
    their cause links, grouped by (cause, period); the group without a cause (NULL) is the
    signals without one. (A separate anti-join for those cost a second scan of the signals.)"""
    rijen = (cohort.values(periode=v.welke("ingediend_op"), oorzaak=F("oorzaken__id"))
             .annotate(n=Count("pk")).order_by())
    oorzaken = list(Oorzaak.objects.order_by("volgorde", "pk").values("pk", "code", "naam"))
    uit = {}
    for sleutel, lijst in v.per_periode(rijen).items():
        telling = {r["oorzaak"]: r["n"] for r in lijst}
        uit[sleutel] = {"perOorzaak": [{"code": o["code"], "naam": o["naam"], "signalen": telling.get(o["pk"], 0)}
                                       for o in oorzaken],
                        "zonderOorzaak": telling.get(None, 0)}
    return uit


def _escalaties(v: Vergelijking, reikwijdte: Reikwijdte) -> dict[int, dict]:
    # An escalation is a term that follows a lower rung of the same signal (a brake starts at the board).
    lager = Termijn.objects.filter(signaal=OuterRef("signaal"), trede__lt=OuterRef("trede"))
    rijen = (Termijn.objects.filter(reikwijdte.signalen_q("signaal__"), v.q("gestart_op"), Exists(lager),
                                    trede__gte=Trede.BESTUUR)
             .values("trede", periode=v.welke("gestart_op")).annotate(n=Count("pk")).order_by())
    uit = {}
    for sleutel, lijst in v.per_periode(rijen).items():
        per_trede = {r["trede"]: r["n"] for r in lijst}
        c = {TREDE_SLEUTEL[t]: per_trede.get(int(t), 0) for t in TREDEN}
        c["totaal"] = sum(per_trede.values())
        uit[sleutel] = c
    return uit


GRONDSLEUTEL = {Grond.SPAM: "spam", Grond.GEEN_OVERHEIDSREGEL: "geenOverheidsregel", Grond.DUBBEL: "dubbel"}


def _niet_ontvankelijk(v: Vergelijking, reikwijdte: Reikwijdte) -> dict[str, dict]:
    """Signals declared not admissible in the period, per ground and per owner that did it: a
    closing is no answer, so the report shows who closes how many (issue 22)."""
    rijen = (NietOntvankelijk.objects.filter(reikwijdte.signalen_q("signaal__"), v.q("besloten_op"))
             .values("grond", "organisatie__afkorting", "organisatie__naam", periode=v.welke("besloten_op"))
             .annotate(n=Count("pk")).order_by())
    uit = {}
    for sleutel, lijst in v.per_periode(rijen).items():
        c = {"totaal": sum(r["n"] for r in lijst), **{k: 0 for k in GRONDSLEUTEL.values()}}
        per_eigenaar: dict[str, dict] = {}
        for r in lijst:
            c[GRONDSLEUTEL[r["grond"]]] += r["n"]
            e = per_eigenaar.setdefault(r["organisatie__afkorting"], {
                "organisatie": r["organisatie__afkorting"], "naam": r["organisatie__naam"], "totaal": 0,
                **{k: 0 for k in GRONDSLEUTEL.values()}})
            e["totaal"] += r["n"]
            e[GRONDSLEUTEL[r["grond"]]] += r["n"]
        c["perEigenaar"] = sorted(per_eigenaar.values(), key=lambda e: (-e["totaal"], e["naam"]))
        uit[sleutel] = c
    return uit


def _cohort(reikwijdte: Reikwijdte, q: Q):
    return Signaal.objects.filter(reikwijdte.signalen_q(), q).order_by()


def cijfers(periode: Periode, reikwijdte: Reikwijdte, peildatum: dt.date,
            voortgang: Voortgang = lambda stap: None) -> tuple[dict, dict]:
    """All figures for the period and the one before: (huidig, vorige)."""
    v = Vergelijking(periode)
    beide = _cohort(reikwijdte, v.q("ingediend_op"))
    with _hash_groepen():
        voortgang("signalen per " + periode.indeling + " en doorlooptijd in werkdagen")
        tellers, histogrammen = _signalen_en_werkdagen(v, beide, peildatum)
        voortgang("reacties en noodremmen")
        reacties = _reacties_en_noodremmen(v, reikwijdte, tellers)
        voortgang("toezeggingen")
        toezeggingen = _toezeggingen(v, reikwijdte, peildatum)
        voortgang("oorzaken")
        oorzaken = _oorzaken(v, beide)
        voortgang("escalaties")
        escalaties = _escalaties(v, reikwijdte)
        voortgang("niet ontvankelijk")
        niet_ontvankelijk = _niet_ontvankelijk(v, reikwijdte)
    doorlooptijden = _doorlooptijden(v, tellers, histogrammen)
    voortgang(f"{periode.naam}: regelingen en artikelen")
    top = _top(_cohort(reikwijdte, periode.q("ingediend_op")))
    uit = []
    for sleutel, p in v.perioden.items():
        t = tellers[sleutel]
        c = {"periode": p.naam, "signalen": _signalen(t), "doorlooptijd": doorlooptijden[sleutel]}
        c["reacties"], c["noodremmen"] = reacties[sleutel]
        c["toezeggingen"] = toezeggingen[sleutel]
        if sleutel == HUIDIG:
            c["top"] = top
        c["oorzaken"] = oorzaken[sleutel]
        c["escalaties"] = escalaties[sleutel]
        c["nietOntvankelijk"] = niet_ontvankelijk[sleutel]
        c["verloop"] = _verloop(p, periode.indeling, t)
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


@contextmanager
def _rapportsessie():
    """One transaction for the figures, with PostgreSQL settings that EXPLAIN ANALYZE at 1M
    signals asked for (``SET LOCAL``: they end with the transaction):

    * ``work_mem`` 64 MB: the default 4 MB spilled every grouping and hash join to disk;
    * ``jit = off``: JIT compiled every query anew, 0.1–0.2 s each, more than it saved.

    See also :func:`_hash_groepen`.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '64MB'")
                cursor.execute("SET LOCAL jit = off")
        yield


@contextmanager
def _hash_groepen():
    """``enable_sort = off`` for the queries that group by period: they group by a ``CASE``
    (which period) and a few columns. The planner cannot estimate how many groups a ``CASE``
    makes, guesses hundreds of thousands, and sorts every row for a GroupAggregate — in each
    parallel worker — where a hash aggregate over 16 to 80,000 groups needs far less CPU
    (EXPLAIN ANALYZE at 1M: 5.9 s sorting in three processes against 5.1 s hashing in one).
    Switched on again afterwards: the other queries keep the planner's own choice."""
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_sort = on")


def bereken(periode: Periode, reikwijdte: Reikwijdte | None = None, *, voortgang: Voortgang = lambda stap: None) -> dict:
    """The whole report as plain data (JSON-ready): this period, the previous one, the register."""
    reikwijdte = reikwijdte or Reikwijdte()
    peildatum = clock.today()
    staat = {
        "titel": f"Staat van de Uitvoering {periode.omschrijving}",
        "periode": periode.naam, "vorigePeriode": periode.vorige.naam,
        "perioden": {HUIDIG: periode.als_dict(), VORIGE: periode.vorige.als_dict()},
        "verloopPer": periode.indeling, "doorlooptijdEenheid": "werkdagen",
        "reikwijdte": reikwijdte.als_dict(),
        "peildatum": peildatum.isoformat(), "gemaaktOp": clock.now().isoformat(timespec="seconds"),
    }
    with _rapportsessie():
        staat["huidig"], staat["vorige"] = cijfers(periode, reikwijdte, peildatum, voortgang)
    voortgang("register")
    staat["register"] = register(periode.jaar, reikwijdte)
    voortgang("uitvoeringstoetsen")
    if toetsen_beschikbaar():
        staat["uitvoeringstoetsen"] = {"huidig": uitvoeringstoetsen(periode, reikwijdte),
                                       "vorige": uitvoeringstoetsen(periode.vorige, reikwijdte)}
    return staat


AANTAL_STAPPEN = 6 + 2
