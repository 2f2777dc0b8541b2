"""Routing from knowledge of the regulations: recognise the regulations (and implementing
organisations) a text names, and turn that into a calibrated suggestion of the owner.

This works on day one, before any signal has been answered: the knowledge is the reference
data (``schakel.regelingen.data/referentiedata.yaml``), where each regulation has its official
title, its short title, ``namen`` (common names and abbreviations: "Wet Mulder", "IACK",
"kinderopvangtoeslag") and ``trefwoorden`` (everyday words that point to it less surely:
"bijstand", "rijbewijs"). Regulations without a certain BWB id take part too; they are
identified by their ``sleutel``.

Matching works on a normalised text (lower case, no diacritics): a name matches as a whole
word or as the start of a compound or inflection ("bijstand" in "bijstandsuitkering",
"huurtoeslag" in "huurtoeslagen"); short abbreviations ("WW", "Sv", "OM") only as written, in
capitals, as a whole word. An article reference ("art. 18 lid 4 PW", "artikel 4:84 Awb") is
recognised through the name that follows it.

Evidence per owner is summed (a name weighs ``GEWICHT_NAAM``, an everyday word
``GEWICHT_TREFWOORD``, an implementer's name ``GEWICHT_ORGANISATIE`` for its principal), turned
into probabilities by a softmax, and the best owner's probability is calibrated by the table
in ``data/kalibratie.json`` (isotonic, monotone; see docs/knelpunten.md for how it is fitted).

The learned model (``schakel.knelpunten.router``) refines the choice when signals have been
answered: :func:`combineer` mixes both, and a text that names a known regulation keeps its
owner unless the model is very sure (``MODEL_ZEKER``) of another.

The TCU causes are scored by keyword rules written from the cause definitions
(:data:`OORZAAK_WOORDEN`), plus the model's probabilities when there is a model.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

GEWICHT_NAAM = 3.0
GEWICHT_TREFWOORD = 1.0
GEWICHT_ORGANISATIE = 1.0
GEWICHT_GELIJKENIS = 4.0  # times the cosine similarity of character n-grams with a regulation's names
MIN_GELIJKENIS = 0.08
MIN_GELIJKENIS_ALLEEN = MIN_GELIJKENIS  # without any name or word: a tentative, low-confidence suggestion
GELIJKENIS_TOP = 3
EXTRA_BIJ_HERHALING = 0.5  # each further different name of the same regulation adds this share
TEMPERATUUR = 0.6  # softmax temperature over the owners' evidence
MODEL_ZEKER = 0.9  # a model at least this sure of another owner overrules a named regulation
GEWICHT_HERKENNING_NAAM = 0.8  # share of the recognition when the text names a regulation
GEWICHT_HERKENNING_WOORD = 0.5  # ... when it has only everyday words or organisation names

KALIBRATIE = Path(__file__).resolve().parent / "data" / "kalibratie.json"

# Short abbreviations that are also ordinary words: matched only in capitals, as written.
ALLEEN_HOOFDLETTERS = {"map", "lid", "web", "bol", "bag", "now", "kot", "pip", "kor", "wet", "pvt",
                       "sde", "fiu", "ems", "ema", "emg", "mit", "ode", "pas", "tw", "bbl", "img"}


def normaliseer(tekst: str) -> str:
    """Lower case without diacritics; every other character kept (positions stay comparable)."""
    zonder = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in zonder if not unicodedata.combining(c)).lower()


def _spaties(tekst: str) -> str:
    return re.sub(r"[\s\-]+", " ", tekst)


@dataclass(frozen=True)
class Regelingkennis:
    sleutel: str  # the BWB id, or the entry's `sleutel` when the id is not certain
    bwb_id: str
    titel: str
    citeertitel: str
    eigenaar: str  # afkorting of the owning ministry

    @property
    def naam(self) -> str:
        return self.citeertitel or self.titel


@dataclass(frozen=True)
class Treffer:
    regeling: str | None  # Regelingkennis.sleutel, or None for an organisation's name
    eigenaar: str
    soort: str  # "naam", "trefwoord" or "organisatie"
    gewicht: float
    tekst: str  # the alias that matched


@dataclass
class Kennis:
    regelingen: dict[str, Regelingkennis] = field(default_factory=dict)
    hoofdletters: dict[str, list[tuple]] = field(default_factory=dict)  # case-sensitive alias → targets
    woorden: dict[str, list[tuple]] = field(default_factory=dict)  # normalised alias → targets
    eigenaren: list[str] = field(default_factory=list)  # ministries, commonest owner first
    _patroon: re.Pattern | None = None
    _hoofdpatroon: re.Pattern | None = None
    _woordlijst: list[tuple[str, str]] = field(default_factory=list)
    profielen: dict[str, str] = field(default_factory=dict)  # regulation → all its names and words
    _vectoriseerder: object = None
    _profielmatrix: object = None
    _profielsleutels: list[str] = field(default_factory=list)

    def gelijkenissen(self, tekst: str, *, top: int = 3) -> list[tuple[str, float]]:
        """The regulations whose names and words look most like the text, by character
        4- and 5-grams (catches compounds and spellings the exact names miss), best first."""
        from sklearn.metrics.pairwise import linear_kernel

        if self._vectoriseerder is None or not tekst.strip():
            return []
        scores = linear_kernel(self._vectoriseerder.transform([normaliseer(tekst)]), self._profielmatrix)[0]
        volgorde = scores.argsort()[::-1][:top]
        return [(self._profielsleutels[i], float(scores[i])) for i in volgorde if scores[i] > 0]

    def voeg_toe(self, alias: str, doel: tuple) -> None:
        alias = alias.strip()
        letters = re.sub(r"[^A-Za-z]", "", alias)
        if not letters:
            return
        if len(letters) <= 2 or (alias.lower() in ALLEEN_HOOFDLETTERS):
            self.hoofdletters.setdefault(alias, []).append(doel)
        else:
            self.woorden.setdefault(normaliseer(alias), []).append(doel)

    def bouw(self) -> "Kennis":
        def alternatief(alias: str) -> str:
            kern = re.escape(alias).replace(r"\ ", r"[\s\-]+")
            # Compounds and inflections: a longer name may continue ("bijstand" → "bijstandsuitkering").
            return kern + (r"[a-z]*" if len(alias) >= 5 and alias[-1].isalpha() else "")

        woorden = sorted(self.woorden, key=len, reverse=True)  # longest first: "wet op de zorgtoeslag" before "zorgtoeslag"
        self._patroon = re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatief(w) for w in woorden) + r")(?![a-z0-9])")
        hoofd = sorted(self.hoofdletters, key=len, reverse=True)
        self._hoofdpatroon = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(w) for w in hoofd)
                                        + r")(?![A-Za-z0-9])") if hoofd else None
        self._woordlijst = [(_spaties(w), w) for w in woorden]
        if self.profielen:
            from sklearn.feature_extraction.text import TfidfVectorizer

            self._profielsleutels = list(self.profielen)
            self._vectoriseerder = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True)
            self._profielmatrix = self._vectoriseerder.fit_transform(
                [normaliseer(self.profielen[s]) for s in self._profielsleutels])
        return self

    def _doelen_van(self, gevonden: str) -> list[tuple]:
        if gevonden in self.woorden:
            return self.woorden[gevonden]
        # A compound, an inflection or other spacing: the longest alias it starts with.
        gevonden = _spaties(gevonden)
        for vorm, alias in self._woordlijst:
            if gevonden.startswith(vorm):
                return self.woorden[alias]
        return []

    def treffers(self, tekst: str) -> list[Treffer]:
        """Every distinct (alias, target) named in ``tekst``."""
        gezien: dict[tuple, Treffer] = {}
        for m in self._patroon.finditer(normaliseer(tekst)):
            for doel in self._doelen_van(m.group(0)):
                gezien.setdefault(doel, Treffer(*doel))
        if self._hoofdpatroon is not None:
            for m in self._hoofdpatroon.finditer(tekst):
                for doel in self.hoofdletters.get(m.group(0), []):
                    gezien.setdefault(doel, Treffer(*doel))
        return list(gezien.values())


@lru_cache(maxsize=4)
def kennis(pad: str | None = None) -> Kennis:
    """The knowledge from the reference data file (default: the shipped one), built once."""
    from schakel.regelingen import importeren
    from schakel.organisaties.models import OrganisatieSoort

    invoer = importeren.lees([Path(pad) if pad else importeren.STANDAARD_BESTAND])
    k = Kennis()
    soort = {r.tekst("afkorting"): r.tekst("soort") for r in invoer.organisaties}
    opdrachtgever = {r.tekst("afkorting"): r.tekst("opdrachtgever") for r in invoer.organisaties}
    aantal = Counter(r.tekst("eigenaar") for r in invoer.regelingen)
    k.eigenaren = sorted((a for a, s in soort.items() if s == OrganisatieSoort.MINISTERIE),
                         key=lambda a: (-aantal[a], a))
    for r in invoer.regelingen:
        sleutel = r.tekst("bwb_id") or r.tekst("sleutel")
        rk = Regelingkennis(sleutel, r.tekst("bwb_id"), r.tekst("titel"), r.tekst("citeertitel"), r.tekst("eigenaar"))
        k.regelingen[sleutel] = rk
        for naam in {rk.titel, rk.citeertitel, *r.lijst("namen")} - {""}:
            k.voeg_toe(naam, (sleutel, rk.eigenaar, "naam", GEWICHT_NAAM, naam))
        for woord in r.lijst("trefwoorden"):
            k.voeg_toe(woord, (sleutel, rk.eigenaar, "trefwoord", GEWICHT_TREFWOORD, woord))
        k.profielen[sleutel] = " ".join([rk.titel, rk.citeertitel, *r.lijst("namen"), *r.lijst("trefwoorden")])
    for r in invoer.organisaties:
        afkorting = r.tekst("afkorting")
        ministerie = afkorting if soort.get(afkorting) == OrganisatieSoort.MINISTERIE else opdrachtgever.get(afkorting)
        if soort.get(afkorting) not in (OrganisatieSoort.MINISTERIE, OrganisatieSoort.UITVOERINGSORGANISATIE):
            continue  # municipalities carry out the laws of many ministries; committees own none
        if ministerie and soort.get(ministerie) == OrganisatieSoort.MINISTERIE:
            for naam in r.lijst("namen"):
                k.voeg_toe(naam, (None, ministerie, "organisatie", GEWICHT_ORGANISATIE, naam))
    return k.bouw()


# --- calibration -------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _kalibratietabel(pad: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    try:
        data = json.loads(Path(pad).read_text())
        return tuple(data["ruw"]), tuple(data["gekalibreerd"])
    except (OSError, ValueError, KeyError):
        return (), ()


def kalibreer(ruw: float, pad: Path = KALIBRATIE) -> float:
    """The calibrated probability for a raw softmax probability: piecewise linear through the
    knots of the isotonic fit (monotone non-decreasing); the raw value when there is no table."""
    xs, ys = _kalibratietabel(str(pad))
    if not xs:
        return ruw
    if ruw <= xs[0]:
        return ys[0]
    if ruw >= xs[-1]:
        return ys[-1]
    i = bisect.bisect_right(xs, ruw)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (ruw - x0) / (x1 - x0)


def fit_kalibratie(paren: list[tuple[float, bool]]) -> dict:
    """An isotonic fit of "was the best owner right" on the raw probability, as knots; between
    0.1 (the best of nine ministries is never less likely than that) and 0.99."""
    from sklearn.isotonic import IsotonicRegression

    xs = [p for p, _ in paren]
    ys = [1.0 if goed else 0.0 for _, goed in paren]
    iso = IsotonicRegression(y_min=0.1, y_max=0.99, out_of_bounds="clip", increasing=True).fit(xs, ys)
    knopen_x = [float(x) for x in iso.X_thresholds_]
    knopen_y = [round(float(y), 4) for y in iso.y_thresholds_]
    return {"ruw": knopen_x, "gekalibreerd": knopen_y, "paren": len(paren)}


# --- advice ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Herkenning:
    """What the text names and the owners it points to, best first."""

    treffers: list[Treffer]
    eigenaren: list[tuple[str, float]]  # (ministry, probability), best first; empty without evidence
    ruw: float  # the best owner's raw (uncalibrated) probability
    regelingen: list[tuple[str, float]]  # (Regelingkennis.sleutel, evidence), best first

    @property
    def noemt_regeling(self) -> bool:
        """Whether the best owner's evidence includes a name (not only everyday words)."""
        if not self.eigenaren:
            return False
        beste = self.eigenaren[0][0]
        return any(t.soort == "naam" and t.eigenaar == beste for t in self.treffers)


def herken(tekst: str, *, k: Kennis | None = None, top: int = 3) -> Herkenning:
    k = k or kennis()
    treffers = k.treffers(tekst)
    per_regeling: dict[str, list[float]] = defaultdict(list)
    organisaties: dict[str, float] = defaultdict(float)
    for t in treffers:
        if t.regeling is None:
            organisaties[t.eigenaar] += t.gewicht
        else:
            per_regeling[t.regeling].append(t.gewicht)
    regelingbewijs = {s: max(g) + EXTRA_BIJ_HERHALING * (sum(g) - max(g)) for s, g in per_regeling.items()}
    score: dict[str, float] = defaultdict(float)
    for sleutel, bewijs in regelingbewijs.items():
        score[k.regelingen[sleutel].eigenaar] += bewijs
    for eigenaar, bewijs in organisaties.items():
        score[eigenaar] += bewijs
    gelijk = k.gelijkenissen(tekst, top=GELIJKENIS_TOP)
    if not treffers and (not gelijk or gelijk[0][1] < MIN_GELIJKENIS_ALLEEN):
        return Herkenning(treffers, [], 0.0, [])  # a vague text: only everyday Dutch in common
    for sleutel, gelijkenis in gelijk:
        if gelijkenis >= MIN_GELIJKENIS:
            score[k.regelingen[sleutel].eigenaar] += GEWICHT_GELIJKENIS * gelijkenis
    regelingen = sorted(regelingbewijs.items(), key=lambda kv: -kv[1])
    if not score:
        return Herkenning(treffers, [], 0.0, regelingen)
    volgorde = {a: i for i, a in enumerate(k.eigenaren)}
    alle = sorted(set(k.eigenaren) | set(score), key=lambda a: (-score.get(a, 0.0), volgorde.get(a, 99), a))
    exp = {a: math.exp(score.get(a, 0.0) / TEMPERATUUR) for a in alle}
    totaal = sum(exp.values())
    kansen = [(a, exp[a] / totaal) for a in alle]
    ruw = kansen[0][1]
    beste = kalibreer(ruw)
    # The others share what the calibrated best leaves, in proportion to their softmax share.
    rest = sum(p for _, p in kansen[1:]) or 1.0
    # (never more than the best: the calibrated best may be lower than its raw share)
    geschaald = [(kansen[0][0], beste)] + [(a, min(beste, (1 - beste) * p / rest)) for a, p in kansen[1:]]
    return Herkenning(treffers, geschaald[:top], ruw, regelingen)


def combineer(herkenning: Herkenning, model: list[tuple[str, float]] | None, *, top: int = 3,
              vertrouwen: float = 1.0) -> list[tuple[str, float]]:
    """Owners best first from the recognition and (optionally) the learned model's probabilities.

    Without evidence in the text the model decides alone; without a model the recognition does.
    A text that names a regulation keeps that owner unless the model is at least ``MODEL_ZEKER``
    sure of another one. ``vertrouwen`` (see :func:`modelvertrouwen`) scales the model's share."""
    if not model:
        return herkenning.eigenaren[:top]
    if not herkenning.eigenaren:
        return model[:top]
    modelkans = dict(model)
    herkend = dict(herkenning.eigenaren)
    if herkenning.noemt_regeling:
        model_beste, model_kans = model[0]
        w = 0.2 if (model_beste != herkenning.eigenaren[0][0] and model_kans >= MODEL_ZEKER) else GEWICHT_HERKENNING_NAAM
    else:
        w = GEWICHT_HERKENNING_WOORD
    w = 1 - (1 - w) * vertrouwen  # a young model refines less
    labels = set(modelkans) | set(herkend)
    gemengd = {a: w * herkend.get(a, 0.0) + (1 - w) * modelkans.get(a, 0.0) for a in labels}
    return sorted(gemengd.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


# --- causes ------------------------------------------------------------------------------------

# Words (normalised, matched at a word start) that point to each TCU cause, written from the
# cause definitions in ``schakel.signalen.migrations.0002_oorzaken_en_zoekindex``.
OORZAAK_WOORDEN: dict[str, tuple[str, ...]] = {
    "complexe-regels": (
        "ingewikkeld", "complex", "onbegrijpelijk", "snappen", "snapt", "begrijpen", "begrijpt", "niet te volgen",
        "niet te doen", "regels verschillen", "verschillen per", "verschilt per", "verschillende", "stapeling",
        "samenloop", "definitie", "inkomensbegrip", "formulier", "procedure", "loketten", "onduidelijk",
        "in de war", "weten niet", "weet niet", "tussen wal en schip", "voorwaarden", "regels", "criteria",
        "apart", "ingewikkelde", "eisen", "uitzondering", "papierwerk", "onmogelijk", "vallen buiten",
        "valt buiten", "weten niet", "begrijpt niet", "onbekend",
    ),
    "signalen-niet-afgehandeld": (
        "gemeld", "melden al", "meldingen", "klachten", "niet opgepakt", "reageert niet", "reactie",
        "horen niets", "horen nooit", "hoort niets", "niemand weet", "wijzen naar elkaar", "wijst naar",
        "verwijst naar", "verwijzen naar", "niet behandeld", "lopen dood", "loopt dood", "niet ontvankelijk",
        "geen antwoord", "nergens terecht", "niet serieus", "bij welk loket", "bij wie", "niet aangepakt",
        "al jaren bekend", "melden al", "blijft liggen",
    ),
    "blinde-vlek-kamer": (
        "tweede kamer", "kamerleden", "kamervragen", "politiek", "wetgever", "motie", "parlement",
        "den haag", "kamerdebat",
    ),
    "departementen-domineren": (
        "ministerie", "departement", "het rijk", "landelijk opgelegd", "opgelegd", "voorgeschreven",
        "schrijft voor", "schrijven voor", "instructies", "zonder overleg", "geraadpleegd", "raadplegen",
        "bepaalt", "strak", "luistert niet", "van boven", "handleiding", "ingevoerd zonder",
    ),
    "uitvoering-verwaarloosd": (
        "wachttijd", "wachtlijst", "achterstand", "capaciteit", "tekort", "personeel", "systeem", "systemen",
        "ict", "it-", "storing", "onbereikbaar", "wachten", "wacht", "duurt", "te laat", "budget",
        "geen geld", "vastgelopen", "lopen achter", "loopt achter", "overschreden", "gesloten", "levertijd",
        "uitvallen", "op de plank", "inspecteurs", "op is", "zijn op", "gebrek aan", "achter",
        "niet genoeg", "werkt niet", "app ", "koppeling", "klopt niet", "te weinig", "pas maanden",
        "weken", "maanden",
    ),
    "kennis-professionals-onbenut": (
        "mogen niet afwijken", "mag niet afwijken", "niet afwijken", "afwijken", "geen ruimte", "ruimte",
        "maatwerk", "mogen geen", "mogen niet", "mag geen", "professionals", "consulenten", "klantmanager",
        "niet gevraagd", "niemand vraagt", "protocol", "gedogen", "zien dat", "zien dit", "onze medewerkers",
        "medewerkers zien", "inspecteurs zien", "casemanagers", "advies gegeven", "afwegingskader",
        "geen rekening houden", "rekening houden met", "elk jaar opnieuw", "opnieuw aantonen", "balie",
        "wij zien", "we zien", "niet gewezen", "zonder uitzondering", "ook als",
    ),
    "geen-evaluatie": (
        "gevolg", "effect", "onbedoeld", "terugbetalen", "terugvordering", "teruggevorderd", "terugvorder",
        "raakt", "treft", "verliezen", "verliest", "achteruit", "armoede", "schuld", "doorgerekend",
        "niet voorzien", "nagegaan", "evaluatie", "uitval", "verdwijnen", "ontmoedigt", "leidt ertoe",
        "leidt tot", "zorgt ervoor", "zorgt dat", "nooit bedoeld", "onevenredig", "boete",
        "nieuwe regels", "sinds de", "sinds het", "niet berekend", "verhoogd", "verhoging", "zien af",
        "stopgezet", "verhindert", "te hoge", "hogere", "duur", "dure", "risico", "gedupeerd", "kost",
    ),
}
# Frequent words that point to a cause less surely count half.
ZWAKKE_OORZAAKWOORDEN = frozenset(normaliseer(w) for w in (
    "weken", "maanden", "wacht", "wachten", "duurt", "achter", "te laat", "systeem", "kost", "duur", "dure",
    "hogere", "boete", "schuld", "verliezen", "verliest", "regels", "apart", "eisen", "voorwaarden",
    "verschillende", "ruimte", "mogen niet", "mogen geen", "mag geen", "reactie", "bepaalt", "strak",
))
OORZAAK_VOORKEUR = {"complexe-regels": 0.3}  # the most frequent cause wins a tie
MODEL_OORZAAK_GEWICHT = 2.0
VOLWASSEN_MODEL = 1000  # answered signals from which the trained model gets its full weight


def modelvertrouwen(model) -> float:
    """How much the trained model counts, 0..1: a model trained on few signals (the demo's 300,
    in its own wording) weighs less than one trained on a year of answered signals."""
    return min(1.0, getattr(model, "aantal_voorbeelden", 0) / VOLWASSEN_MODEL) if model is not None else 0.0


@lru_cache(maxsize=1)
def _oorzaakpatronen() -> dict[str, re.Pattern]:
    return {code: re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(normaliseer(w)) for w in woorden) + ")")
            for code, woorden in OORZAAK_WOORDEN.items()}


def oorzaken(tekst: str, model: dict[str, float] | None = None, *, vertrouwen: float = 1.0) -> list[tuple[str, float]]:
    """The TCU causes best first, with a score (not a probability): keyword hits, a small
    preference for the commonest cause, and the model's probability when there is a model."""
    genormaliseerd = normaliseer(tekst)
    score = {}
    for code, patroon in _oorzaakpatronen().items():
        score[code] = sum(0.5 if w in ZWAKKE_OORZAAKWOORDEN else 1.0 for w in set(patroon.findall(genormaliseerd)))
        score[code] += OORZAAK_VOORKEUR.get(code, 0.0)
        if model:
            score[code] += MODEL_OORZAAK_GEWICHT * vertrouwen * model.get(code, 0.0)
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
