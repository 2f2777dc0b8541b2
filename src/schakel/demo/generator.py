"""Generate large, realistic data sets fast: ``schakel genereer-data --signalen 1000000 --seed 1``.

For benchmarks and load tests, not for demos (the demo data set in :mod:`opbouw` goes through
the services one signal at a time and writes a real audit trail; that takes minutes for a few
thousand signals). This module writes rows directly: ``COPY`` on PostgreSQL, ``executemany``
on SQLite (:func:`schakel.termijnen.bulk.insert_rows`), in chunks of :data:`CHUNK` signals,
one transaction per chunk, and ends with ``VACUUM (ANALYZE)`` (``ANALYZE`` on SQLite).

What is generated, for *N* signals filed over the ``jaren`` years before the clock's now:

* the reference data (organisations, regulations) if it is missing, and accounts
  ``gen.melder.<afkorting>`` (one per filing organisation) and ``gen.behandelaar.<afkorting>``
  (one per owning ministry), without a usable password;
* *N* signals written from the demo's cases (:mod:`casussen`: Dutch texts about real
  regulations, filed by the organisations that implement them), owned by the regulation's
  ministry, with their stemmed search text, 0–2 causes;
* about 80 % answered (lognormal answer time, a median of about 25 days; 5 % revised, 60 %
  comply with one or two commitments, 10 % signed politically), the rest still open;
* the answer terms on the working-day calendar, and for every missed deadline the
  escalation up the real ladder (:mod:`schakel.termijnen.ladder`), exactly as the sweep
  would have done it (a deadline has passed from the Dutch midnight after it): a sweep
  right after generation finds nothing to escalate;
* overdue open commitments marked as the sweep marks them (``VerlopenToezegging``);
* one knelpunt per about 250 signals, each bundling about 30 % of the signals of its case.

Brakes (``noodrem``) are not generated: a brake needs its own record with principles and
receiver, which the benchmarks do not exercise.

**Audit trail.** Generated rows get no audit events of their own: a history of millions of
invented events would dominate the load time and would be fiction anyway. The generator
appends exactly one event, ``data_gegenereerd`` (seed, period, counts), through the normal
hash chain, so ``schakel controleer-audit`` stays intact and the trail says that (and when) bulk
data entered the database. Timelines of generated signals are therefore empty.

The same seed, size, period and clock give the same data (the same UUIDs, texts, dates and
links) on both databases.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import time
import uuid
from dataclasses import asdict, dataclass
from typing import Callable, Iterable

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from schakel.accounts.models import Rol, User
from schakel.audit import trail
from schakel.core import clock
from schakel.core.analyse import zoekdocument
from schakel.knelpunten.models import Bundeling, Knelpunt, zoektekst_van
from schakel.organisaties import importeren
from schakel.organisaties.models import Organisatie
from schakel.regelingen.models import Regeling
from schakel.signalen.models import Oorzaak, Reactie, Signaal, Toezegging
from schakel.signalen.toelichting import vingerafdruk
from schakel.termijnen import kalender, ladder, regels
from schakel.termijnen.ladder import OrgInfo
from schakel.termijnen.bulk import insert_rows
from schakel.termijnen.models import Termijn, VerlopenToezegging

from . import opbouw
from .casussen import CASUSSEN, Casus

CHUNK = 50_000
VARIANTEN = 24  # distinct filled-in texts per case (the search text is computed once per variant)
SIGNALEN_PER_KNELPUNT = 250
GEBUNDELD = 0.3
VOORVOEGSEL = "gen."


@dataclass
class Resultaat:
    signalen: int = 0
    reacties: int = 0
    toezeggingen: int = 0
    verlopen_toezeggingen: int = 0
    termijnen: int = 0
    oorzaken: int = 0
    knelpunten: int = 0
    bundelingen: int = 0
    gebruikers: int = 0
    seconden: float = 0.0

    def als_dict(self) -> dict:
        return asdict(self)


# --- writing rows -------------------------------------------------------------------------

class _Tabel:
    """Writes rows (tuples in the order of ``velden``, attnames) into ``model``'s table.

    Every other concrete field gets its (constant) default, so a model that gains a field
    with a default keeps working. PostgreSQL: ``COPY``; SQLite: ``executemany`` (``insert_rows``).
    """

    def __init__(self, model, velden: list[str]):
        self.model = model
        alle = {f.attname: f for f in model._meta.concrete_fields}
        onbekend = set(velden) - set(alle)
        if onbekend:
            raise ValueError(f"{model.__name__}: unknown fields {sorted(onbekend)}")
        self.velden = list(velden)
        self.extra = []
        for naam, veld in alle.items():
            if naam in velden or (veld.primary_key and veld.get_internal_type().endswith("AutoField")):
                continue  # the database numbers rows whose id is not given
            if veld.has_default() and not callable(veld.default):
                self.extra.append((naam, veld.get_default()))
            elif veld.null:
                self.extra.append((naam, None))
            elif not veld.has_default() and veld.blank and veld.empty_strings_allowed:
                self.extra.append((naam, ""))
            else:
                raise ValueError(f"{model.__name__}.{naam} needs a value")
        self.aantal = 0

    def schrijf(self, rijen: list[tuple]) -> None:
        if not rijen:
            return
        self.aantal += len(rijen)
        namen = self.velden + [n for n, _ in self.extra]
        extra = tuple(w for _, w in self.extra)
        if connection.vendor == "postgresql":
            q = connection.ops.quote_name
            kolommen = ", ".join(q(self.model._meta.get_field(n).column) for n in namen)
            with connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY {q(self.model._meta.db_table)} ({kolommen}) FROM STDIN") as copy:
                    for rij in rijen:
                        copy.write_row(rij + extra)
        else:
            # executemany with the fields' own conversions; bulk_create builds model instances and
            # compiles SQL per 70 rows on SQLite, about three times slower.
            insert_rows(self.model, [dict(zip(namen, rij + extra)) for rij in rijen])


def _volgend_id(model) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


# --- texts --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Variant:
    titel: str
    praktijk: str
    getroffen: str
    voorstel: str
    artikelen: str
    aantal: int
    zoektekst: str
    uitleg: tuple[str, ...]
    toezeggingen: tuple[tuple[str, str], ...]




def _varianten(rng: random.Random, casus: Casus, indiener: Organisatie, eigenaar: Organisatie,
               jaar: int) -> list[_Variant]:
    uit = []
    for _ in range(VARIANTEN):
        if indiener.soort == "gemeente":
            stad = indiener.naam.replace("Gemeente ", "")
            plaats = rng.choice(opbouw.WIJKEN.get(stad, (stad,)))
            collega = opbouw.COLLEGA_GEMEENTE
        else:
            stad = plaats = rng.choice(opbouw.PLAATSEN)
            collega = opbouw.COLLEGA_ALGEMEEN + opbouw.COLLEGA_PER_ORGANISATIE.get(indiener.afkorting, ())
        aantal = opbouw._rond_af(rng.randint(*casus.aantal))
        waarden = {
            "plaats": plaats, "stad": stad, "org": opbouw._kort(indiener), "eigenaar": opbouw._kort(eigenaar),
            "aantal": opbouw._getal(aantal), "aantal_getal": aantal,
            "bedrag": opbouw._bedrag(rng, *casus.bedragen), "weken": rng.randint(6, 26),
            "maanden": rng.randint(3, 9), "procent": rng.randint(12, 45), "periode": rng.choice(opbouw.PERIODES),
            "collega": rng.choice(collega), "jaar": jaar + 1, "kern": casus.kern,
        }

        def vul(tekst: str) -> str:
            return opbouw._zinnen(tekst.format(**waarden))

        titel = vul(rng.choice(casus.titels))[:200]
        praktijk, getroffen = vul(rng.choice(casus.praktijk)), vul(rng.choice(casus.getroffen))
        voorstel, artikelen = vul(rng.choice(casus.voorstellen)), rng.choice(casus.artikelen)
        uit.append(_Variant(
            titel=titel, praktijk=praktijk, getroffen=getroffen, voorstel=voorstel, artikelen=artikelen,
            aantal=aantal, zoektekst=zoekdocument(titel, praktijk, getroffen, voorstel, artikelen),
            uitleg=tuple(vul(u) for u in casus.uitleg),
            toezeggingen=tuple((vul(wat), vul(wie)[:200]) for wat, wie in casus.toezeggingen),
        ))
    return uit


# --- the world ----------------------------------------------------------------------------

def _accounts(organisaties: Iterable[Organisatie], rol: str) -> dict[int, int]:
    """One generated account per organisation with ``rol``: organisation id → user id."""
    uit = {}
    for org in organisaties:
        gebruiker, _ = User.objects.get_or_create(
            username=f"{VOORVOEGSEL}{rol}.{org.afkorting}"[:150],
            defaults={"rol": rol, "organisatie": org, "email": f"{rol}@{org.afkorting}.example.org",
                      "password": "!generated"})  # unusable password
        uit[org.pk] = gebruiker.pk
    return uit


@functools.lru_cache(maxsize=None)
def _uiterste(datum: dt.date, werkdagen: int) -> dt.date:
    return kalender.tel_werkdagen_op(datum, werkdagen)


@functools.lru_cache(maxsize=None)
def _na_afloop(datum: dt.date) -> dt.datetime:
    """The first moment after ``datum`` (local midnight): from then on a sweep sees it as passed."""
    return dt.datetime.combine(datum + dt.timedelta(days=1), dt.time(0), kalender.AMSTERDAM)


# --- generating ---------------------------------------------------------------------------

def genereer(aantal: int, *, seed: int = 1, jaren: float = 2.0, knelpunten: bool = True,
             voortgang: Callable[[int], None] | None = None) -> Resultaat:
    """Generate ``aantal`` signals with their history (see the module docstring)."""
    if aantal < 0:
        raise ValueError("aantal must be 0 or more")
    begin_tijd = time.monotonic()
    rng = random.Random(seed)
    nu = clock.now()
    peil = kalender.lokale_datum(nu)
    vanaf = nu - dt.timedelta(days=round(365 * jaren))
    seconden = int((nu - vanaf).total_seconds())
    resultaat = Resultaat()

    with transaction.atomic():
        if not Regeling.objects.exists():
            importeren.laad(None)
        organisaties = {o.afkorting: o for o in Organisatie.objects.all()}
        orginfo = {o.pk: OrgInfo.van(o) for o in organisaties.values()}
        regelingen = {r.bwb_id: r for r in Regeling.objects.all()}
        casussen = [c for c in CASUSSEN if c.regeling in regelingen
                    and any(a in organisaties for a in c.indieners) and regelingen[c.regeling].eigenaar_id]
        if not casussen:
            raise ValueError("the reference data has none of the regulations of the demo cases")
        indieners = sorted({organisaties[a] for c in casussen for a in c.indieners if a in organisaties},
                           key=lambda o: o.afkorting)
        eigenaren = sorted({regelingen[c.regeling].eigenaar for c in casussen}, key=lambda o: o.afkorting)
        melders = _accounts(indieners, Rol.MELDER)
        auteurs = _accounts(eigenaren, Rol.BEHANDELAAR)
        resultaat.gebruikers = len(melders) + len(auteurs)
    oorzaken = dict(Oorzaak.objects.values_list("code", "pk"))
    gewichten = [c.gewicht for c in casussen]

    # Texts per (case, filing organisation), computed once.
    teksten: dict[tuple[str, int], list[_Variant]] = {}
    for casus in casussen:
        eigenaar = regelingen[casus.regeling].eigenaar
        for afkorting in casus.indieners:
            if afkorting in organisaties:
                teksten[(casus.sleutel, organisaties[afkorting].pk)] = _varianten(
                    rng, casus, organisaties[afkorting], eigenaar, peil.year)

    ladders: dict[tuple[int, int | None], list[ladder.Adres]] = {}
    termijnset = regels.standaard()

    def werkdagen(trede: int) -> int:
        return termijnset.signaal if trede == ladder.Trede.BEHANDELAAR else termijnset.escalatietermijn(trede)

    sig_id, rea_id, toe_id, ter_id = (_volgend_id(m) for m in (Signaal, Reactie, Toezegging, Termijn))
    eerste_signaal = sig_id
    kn_id, bu_id = _volgend_id(Knelpunt), _volgend_id(Bundeling)

    signaal_tabel = _Tabel(Signaal, [
        "id", "uuid", "soort", "titel", "praktijk", "getroffen_burgers", "aantal_getroffen", "regeling_id",
        "artikelen", "verbetervoorstel", "indienende_organisatie_id", "indiener_id", "eigenaar_id", "status",
        "openbaar", "ingediend_op", "uiterste_reactiedatum", "beantwoord_op", "escalatietrede",
        "termijn_overschreden_op", "zoektekst"])
    reactie_tabel = _Tabel(Reactie, ["id", "uuid", "signaal_id", "versie", "besluit", "toelichting", "niveau",
                                     "ondertekend_door", "organisatie_id", "auteur_id", "gegeven_op", "vingerafdruk"])
    toezegging_tabel = _Tabel(Toezegging, ["id", "uuid", "reactie_id", "signaal_id", "omschrijving", "eigenaar",
                                           "uiterlijk", "status", "nagekomen_op", "toelichting_nakoming"])
    termijn_tabel = _Tabel(Termijn, ["id", "signaal_id", "trede", "organisatie_id", "rol", "gestart_op", "werkdagen",
                                     "oorspronkelijke_uiterste_datum", "uiterste_datum", "gesloten_op", "uitkomst",
                                     "eindtrede"])
    oorzaak_model = Signaal.oorzaken.through
    oorzaak_tabel = _Tabel(oorzaak_model, ["signaal_id", "oorzaak_id"])
    knelpunt_tabel = _Tabel(Knelpunt, ["id", "uuid", "titel", "beleidsbetekenis", "dilemma", "regeling_id",
                                       "artikelen", "eigenaar_id", "kamercommissie_id", "status", "aangemaakt_op",
                                       "gewijzigd_op", "zoektekst"])
    verlopen_tabel = _Tabel(VerlopenToezegging, ["toezegging_id", "vastgesteld_op"])
    bundeling_tabel = _Tabel(Bundeling, ["id", "knelpunt_id", "signaal_id", "gelijkenis", "toegevoegd_op"])

    # Knelpunten first: one per about SIGNALEN_PER_KNELPUNT signals, over the cases by weight.
    knelpunten_per_casus: dict[str, list[int]] = {}
    if knelpunten and aantal:
        rijen = []
        for _ in range(max(1, aantal // SIGNALEN_PER_KNELPUNT)):
            casus = rng.choices(casussen, weights=gewichten)[0]
            regeling = regelingen[casus.regeling]
            variant = rng.choice(next(v for (s, _), v in teksten.items() if s == casus.sleutel))
            knelpunten_per_casus.setdefault(casus.sleutel, []).append(kn_id)
            betekenis = (f"Uitvoeringsorganisaties lopen steeds opnieuw vast op "
                         f"{regeling.citeertitel or regeling.titel}: {variant.praktijk} Het voorstel uit de praktijk "
                         f"is om {casus.kern}.")
            rijen.append((
                kn_id, uuid.UUID(int=rng.getrandbits(128), version=4), variant.titel, betekenis,
                "", regeling.pk, variant.artikelen, regeling.eigenaar_id, regeling.kamercommissie_id, "open",
                vanaf, vanaf, zoektekst_van(Knelpunt(titel=variant.titel, beleidsbetekenis=betekenis,
                                                     artikelen=variant.artikelen, regeling=regeling))))
            kn_id += 1
        with transaction.atomic():
            knelpunt_tabel.schrijf(rijen)

    gedaan = 0
    while gedaan < aantal:
        stuk = min(CHUNK, aantal - gedaan)
        s_rijen, r_rijen, t_rijen, tm_rijen, o_rijen, b_rijen, v_rijen = [], [], [], [], [], [], []
        for _ in range(stuk):
            casus = rng.choices(casussen, weights=gewichten)[0]
            regeling = regelingen[casus.regeling]
            indiener = organisaties[rng.choice([a for a in casus.indieners if a in organisaties])]
            variant = rng.choice(teksten[(casus.sleutel, indiener.pk)])
            eigenaar_id = regeling.eigenaar_id
            ingediend = vanaf + dt.timedelta(seconds=rng.randrange(seconden))
            # Answered after a lognormal number of days (median ~25), if that moment has passed.
            beantwoord_op = None
            if rng.random() < 0.82:
                moment = ingediend + dt.timedelta(days=rng.lognormvariate(3.2, 0.7))
                if moment < nu:
                    beantwoord_op = moment
            sleutel = (eigenaar_id, regeling.kamercommissie_id)
            if sleutel not in ladders:
                ladders[sleutel] = ladder.ladder(eigenaar_id=eigenaar_id, organisaties=orginfo,
                                                 regeling_kamercommissie_id=regeling.kamercommissie_id)
            treden = ladders[sleutel]
            # Terms: walk up the ladder while deadlines pass before the answer (or before today).
            einde = kalender.lokale_datum(beantwoord_op) if beantwoord_op else peil
            start = ingediend
            overschreden = None
            for i, adres in enumerate(treden):
                dagen = werkdagen(adres.trede)
                uiterste = _uiterste(kalender.lokale_datum(start), dagen)
                laatste = i == len(treden) - 1
                escalatie = _na_afloop(uiterste)  # as a sweep run right after midnight would have
                if uiterste < einde and not laatste and escalatie <= (beantwoord_op or nu):
                    gesloten, uitkomst = escalatie, "geescaleerd"
                    overschreden = overschreden or uiterste + dt.timedelta(days=1)
                elif beantwoord_op:
                    gesloten, uitkomst = beantwoord_op, "beantwoord"
                else:
                    gesloten, uitkomst = None, ""
                tm_rijen.append((ter_id, sig_id, adres.trede, adres.organisatie_id, adres.rol, start, dagen,
                                 uiterste, uiterste, gesloten, uitkomst, laatste))
                ter_id += 1
                if uitkomst != "geescaleerd":
                    break
                start = gesloten
            s_rijen.append((
                sig_id, uuid.UUID(int=rng.getrandbits(128), version=4), "signaal", variant.titel, variant.praktijk,
                variant.getroffen, variant.aantal, regeling.pk, variant.artikelen, variant.voorstel, indiener.pk,
                melders[indiener.pk], eigenaar_id, "beantwoord" if beantwoord_op else "in_behandeling", True,
                ingediend, uiterste, beantwoord_op, adres.trede, overschreden, variant.zoektekst))
            for code in rng.sample(casus.oorzaken, min(len(casus.oorzaken), rng.choice((0, 1, 1, 2)))):
                if code in oorzaken:
                    o_rijen.append((sig_id, oorzaken[code]))
            if beantwoord_op:
                versies = 2 if rng.random() < 0.05 else 1
                for versie in range(1, versies + 1):
                    gegeven = min(nu, beantwoord_op + dt.timedelta(days=(versie - 1) * rng.randint(3, 40)))
                    overnemen = rng.random() < 0.6
                    politiek = rng.random() < 0.1
                    if overnemen:
                        toelichting = "Wij nemen het voorstel over. " + variant.voorstel
                    else:
                        toelichting = rng.choice(variant.uitleg)
                    r_rijen.append((rea_id, uuid.UUID(int=rng.getrandbits(128), version=4), sig_id, versie,
                                    "overnemen" if overnemen else "niet_overnemen", toelichting,
                                    "politiek" if politiek else "ambtelijk", "de minister" if politiek else "",
                                    eigenaar_id, auteurs[eigenaar_id], gegeven, _vingerafdruk(toelichting)))
                    if overnemen:
                        for wat, wie in rng.sample(variant.toezeggingen, min(len(variant.toezeggingen),
                                                                              rng.choice((1, 1, 2)))):
                            uiterlijk = kalender.lokale_datum(gegeven) + dt.timedelta(days=rng.randrange(30, 300))
                            nagekomen = rng.random() < 0.5 and uiterlijk - dt.timedelta(days=20) < peil
                            nagekomen_op = min(peil, uiterlijk - dt.timedelta(days=rng.randrange(-20, 20)))
                            t_rijen.append((toe_id, uuid.UUID(int=rng.getrandbits(128), version=4), rea_id, sig_id,
                                            wat, wie, uiterlijk, "nagekomen" if nagekomen else "open",
                                            max(nagekomen_op, kalender.lokale_datum(gegeven)) if nagekomen else None,
                                            "De toezegging is uitgevoerd." if nagekomen else ""))
                            vastgesteld = _na_afloop(uiterlijk)
                            if not nagekomen and uiterlijk < peil:  # as the sweep records it
                                v_rijen.append((toe_id, vastgesteld))
                            toe_id += 1
                    rea_id += 1
            groep = knelpunten_per_casus.get(casus.sleutel)
            if groep and rng.random() < GEBUNDELD:
                b_rijen.append((bu_id, rng.choice(groep), sig_id, round(rng.uniform(0.3, 0.9), 3),
                                min(nu, ingediend + dt.timedelta(days=rng.randint(1, 30)))))
                bu_id += 1
            sig_id += 1
        with transaction.atomic():
            signaal_tabel.schrijf(s_rijen)
            termijn_tabel.schrijf(tm_rijen)
            oorzaak_tabel.schrijf(o_rijen)
            reactie_tabel.schrijf(r_rijen)
            toezegging_tabel.schrijf(t_rijen)
            bundeling_tabel.schrijf(b_rijen)
            verlopen_tabel.schrijf(v_rijen)
        gedaan += stuk
        if voortgang:
            voortgang(gedaan)

    with transaction.atomic():
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(
                    no_style(), [Signaal, Reactie, Toezegging, Termijn, Knelpunt, Bundeling]):
                cursor.execute(sql)
        resultaat.signalen, resultaat.reacties = signaal_tabel.aantal, reactie_tabel.aantal
        resultaat.toezeggingen, resultaat.termijnen = toezegging_tabel.aantal, termijn_tabel.aantal
        resultaat.oorzaken, resultaat.knelpunten = oorzaak_tabel.aantal, knelpunt_tabel.aantal
        resultaat.bundelingen = bundeling_tabel.aantal
        resultaat.verlopen_toezeggingen = verlopen_tabel.aantal
        if aantal:
            trail.record("data_gegenereerd", Signaal(pk=eerste_signaal), toelichting=(
                f"Gegenereerde testdata: signalen {eerste_signaal}–{sig_id - 1}, seed {seed}."),
                na={"seed": seed, "jaren": jaren, **{k: v for k, v in resultaat.als_dict().items()
                                                     if k != "seconden"}})
    with connection.cursor() as cursor:
        # Statistics for the planner; on PostgreSQL also the visibility map, so that counts can be
        # index-only scans straight away (VACUUM cannot run inside a transaction, e.g. in tests).
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")
    resultaat.seconden = time.monotonic() - begin_tijd
    return resultaat


@functools.lru_cache(maxsize=4096)
def _vingerafdruk(tekst: str) -> str:
    return vingerafdruk(tekst)
