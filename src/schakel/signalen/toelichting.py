"""Rules for a good answer. An explain needs substance; stock phrases, evasions and copies are refused.

Pure functions: the caller supplies earlier answers (and the signal's own text) to compare with.

Evasive answers ("Het kabinet ziet op dit moment geen aanleiding om het beleid aan te passen
en houdt daarom vast aan de huidige wet- en regelgeving. Wij blijven de ontwikkelingen
uiteraard nauwlettend volgen.") are recognised in any wording by three features
(``kenmerken``), see docs/toelichting.md:

* *reasons*: a causal connective ("omdat", "want", "doordat", "zodat", "dat betekent",
  "de oorzaak", "anders") followed, in the same sentence, by at least
  ``MIN_REDENWOORDEN`` content words that are not generic policy language;
* *anchors*: something only this case has: an article, a number or amount, a named
  regulation ("Participatiewet", "AOW"), a named body, or (when the signal's text is
  given) at least two content words shared with the signal;
* *generic phrases*: hedging and policy boilerplate ("geen aanleiding", "huidige beleid",
  "nauwlettend volgen", "zorgvuldige afweging", "op dit moment").

An answer is evasive when it has neither a reason nor an anchor, or when generic
phrases outnumber reasons and anchors together by two or more.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable

from schakel.core.text import STOPWORDS, fold, jaccard, shingles, words

MIN_TEKENS = 100
MIN_INHOUDSWOORDEN = 10
MAX_GELIJKENIS = 0.8

# Stock phrases that say nothing about the substance. Matched on folded text.
STANDAARDZINNEN = [
    "bedankt voor uw signaal",
    "dank voor uw signaal",
    "wij nemen dit mee",
    "wij nemen uw signaal mee",
    "we nemen dit mee",
    "dit wordt meegenomen",
    "wordt meegenomen in de afweging",
    "er is geen aanleiding",
    "geen aanleiding om",
    "conform beleid",
    "conform bestaand beleid",
    "in lijn met het beleid",
    "past niet binnen het beleid",
    "wij zien geen mogelijkheden",
    "dit is niet mogelijk",
    "de wet staat dit niet toe",
    "dit is een politieke keuze",
    "wij hebben kennisgenomen",
    "wij hebben kennis genomen",
    "niet van toepassing",
    "zie eerder antwoord",
    "n.v.t",
]
_STANDAARD_RE = re.compile("|".join(re.escape(z) for z in sorted(STANDAARDZINNEN, key=len, reverse=True)))

# Generic policy language and hedging, matched on folded text. Each hit counts once.
_GENERIEK = re.compile(
    r"""\b(?:
        (?:geen|onvoldoende|weinig)\s+(?:\w+\s+){0,2}(?:aanleiding|reden|noodzaak|grond|mogelijkheid|mogelijkheden|ruimte)
      | (?:huidige|bestaande|geldende|vigerende|staande|ingezette|gekozen|gevoerde)\s+(?:\w+\s+){0,2}
        (?:beleid|regelgeving|wet-?\s+en\s+regelgeving|werkwijze|aanpak|koers|lijn|systematiek|kaders?|praktijk)
      | (?:vasthouden|houdt?\s+(?:\w+\s+){0,3}vast|handhaven|handhaaft|voortzetten|blijft?\s+(?:\w+\s+){0,2}staan)
      | (?:nauwlettend|nauwgezet|kritisch|zorgvuldig|goed)\s+(?:blijven\s+)?(?:volgen|monitoren|in\s+de\s+gaten\s+houden|bezien|bekijken)
      | (?:blijven|blijft)\s+(?:\w+\s+){0,3}(?:volgen|monitoren|in\s+de\s+gaten\s+houden|alert|betrokken|in\s+gesprek)
      | (?:de\s+)?ontwikkelingen | uiteraard | vanzelfsprekend | natuurlijk
      | op\s+dit\s+moment | momenteel | vooralsnog | thans | te\s+zijner\s+tijd | in\s+de\s+toekomst | op\s+termijn
      | (?:zorgvuldige|integrale|brede|bredere|zorgvuldig|weloverwogen)\s+(?:\w+\s+)?(?:afweging|weging|beschouwing|analyse)
      | na\s+(?:zorgvuldige|ampele|uitgebreide)\s+(?:afweging|overweging|bestudering|beschouwing)
      | alle\s+(?:belangen|aspecten|relevante\s+\w+)
      | (?:betrokken|relevante)\s+(?:partijen|partners|stakeholders|ketenpartners)
      | in\s+(?:overleg|gesprek|samenspraak)\s+met
      | (?:wij|we|het\s+kabinet|het\s+ministerie|de\s+minister|de\s+staatssecretaris)\s+(?:\w+\s+){0,2}
        (?:(?:zien|ziet|acht|achten|vindt|vinden|herkennen|herkent|begrijpen|begrijpt|waarderen|waardeert|onderkennen|onderkent|bezien|beziet)\b)
      | (?:serieus|ter\s+harte|ter\s+kennisgeving|in\s+behandeling|in\s+overweging)
      | (?:kennis\s*genomen|kennisgenomen|meegenomen|meenemen|nemen\s+(?:\w+\s+){0,3}mee)
      | (?:conform|overeenkomstig|in\s+lijn\s+met|passend\s+binnen|past\s+(?:niet\s+)?binnen)
      | (?:belangrijk|waardevol|relevant)e?\s+(?:signaal|onderwerp|punt|vraagstuk)
      | (?:complex|breed|ingewikkeld)e?\s+(?:vraagstuk|onderwerp|probleem|materie)
      | (?:waar|indien|zo)\s+(?:nodig|mogelijk|wenselijk|opportuun)
      | (?:bredere?|lopende|diverse|verschillende)\s+(?:context|trajecten|ontwikkelingen|initiatieven|verkenningen)
      | geen\s+(?:wijziging|aanpassing|verandering)(?:en)?
      | (?:het|dit)\s+(?:beleid|kabinet)\s+(?:is|blijft)\s+(?:ongewijzigd|onveranderd|helder)
      | (?:politieke|bestuurlijke)\s+(?:keuze|afweging|realiteit)
      | (?:aan|in)\s+(?:de\s+)?(?:wet|regels|kaders)\s+(?:gebonden|vast)
    )\b""",
    re.VERBOSE,
)
# A causal or consequential connective: a reason follows.
_REDEN = re.compile(
    r"\b(?:omdat|want|doordat|aangezien|zodat|waardoor|daardoor|dat\s+betekent|dit\s+betekent|dat\s+komt"
    r"|de\s+oorzaak|de\s+reden\s+is|om\s+te\s+voorkomen|anders\s+(?:zou|zouden|moet|moeten|krijgt|krijgen|wordt|worden)"
    r"|met\s+als\s+gevolg|dat\s+raakt|dat\s+kost|dat\s+vraagt|dit\s+vraagt|vraagt\s+een|gevolg\s+is"
    r"|zou\s+(?:betekenen|leiden|vragen|kosten)|leidt\s+tot|leiden\s+tot|ten\s+koste\s+van|in\s+strijd\s+met"
    r"|niet\s+mogelijk\s+zonder|alleen\s+(?:mogelijk|kan)\s+(?:met|als|door|bij)"
    r"|betekent|betekenen|zou|zouden|voorkomt|voorkomen|beschermt|beschermen|terwijl|tenzij|zonder\s+dat"
    r"|(?:bestaat|bestaan|kan|kunnen|regelt|regelen|geldt|gelden|is|zijn)\s+(?:\w+\s+)?al|al\s+mogelijk"
    r"|sluit\s+aan\s+bij|pas\s+(?:als|na|wanneer|nadat)|alleen\s+als|volgt\s+uit|volgen\s+uit|staat\s+in"
    r"|vastgelegd\s+in|gekoppeld\s+aan|gebaseerd\s+op|blijkt|kost|kosten|raakt|treft|benadeelt|verhoogt"
    r"|verlaagt|vergroot|verkleint|vertraagt|verdubbelt|daalt|stijgt|ontbreekt|ontneemt|ontnemen)\b"
)
# Words of policy boilerplate: they do not make a reason concrete.
_ALGEMENE_WOORDEN = frozenset(
    """beleid beleidsmatig beleidsmatige kabinet ministerie minister staatssecretaris wijziging wijzigingen
    aanpassing aanpassingen aanpassen wijzigen veranderen verandering bijsturing bijsturen aanleiding reden
    noodzaak ruimte situatie punt onderwerp signaal signalen voorstel suggestie afweging afwegingen keuze keuzes
    lijn koers kaders kader regels regelgeving praktijk werkwijze aanpak systematiek stelsel belangen belang
    moment termijn later toekomst tijd stappen maatregelen effect effecten ontwikkelingen partijen betrokken
    organisaties uitvoerder uitvoeringsorganisatie gesprek overleg aandacht orde mogelijkheid mogelijkheden
    nodig wenselijk opportuun huidige bestaande geldende gekozen ingezette gemaakte staande helder duidelijk
    anders voorlopig blijft blijven worden wordt kunnen zullen hebben geven gaan komen nemen zien vinden
    besluit besluiten besloten conclusie geconcludeerd oplossing passende verdere nadere""".split()
)
_AFKORTING = re.compile(r"\b[A-Z]{2,6}\b")
MIN_REDENWOORDEN = 3
_ZIN = re.compile(r"[^.;:!?]+")
# Anchors: what only this case has.
_ANKER = re.compile(
    r"""(?:
        \bart(?:ikel|\.)\s*\d | \d | €
      | \b[a-z]{3,}wet(?:ten|geving)?\b | \bwet\s+[a-z]{2,}\b | \bwetboek\b
      | \b(?:aow|anw|wia|wao|wajong|ww|zw|ioaw|ioaz|iow|wlz|wmo|awb|awir|bw|zvw|iack|tozo|bbz|pw|wsnp|wsf|wtl|wkkgz)\b
      | \b(?:raad\s+van\s+state|centrale\s+raad|crvb|hoge\s+raad|ombudsman|rekenkamer|autoriteit\s+persoonsgegevens|eerste\s+kamer|tweede\s+kamer|de\s+kamer)\b
      | \b(?:toeslag|uitkering|beslagvrije\s+voet|kostendelersnorm|voorschot|terugvordering|boete|verrekening|inkomensgrens|toetsingsinkomen|vermogensgrens|beslistermijn|bezwaartermijn)\w*
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class EerdereToelichting:
    label: str  # e.g. the signal's kenmerk, shown in the refusal
    tekst: str


def vingerafdruk(tekst: str) -> str:
    """A stable hash of the wording, blind to case, accents, punctuation and spacing."""
    return hashlib.sha256(" ".join(words(tekst)).encode()).hexdigest()


def inhoudswoorden(tekst: str) -> list[str]:
    """The words that remain once stock phrases and function words are taken out."""
    zonder_standaard = _STANDAARD_RE.sub(" ", fold(tekst))
    return [w for w in words(zonder_standaard) if w not in STOPWORDS and len(w) > 1]


@dataclass(frozen=True)
class Kenmerken:
    """The features the evasion rule looks at (see the module docstring)."""

    redenen: int
    ankers: int
    generiek: int

    @property
    def ontwijkend(self) -> bool:
        inhoud = self.redenen + self.ankers
        return inhoud == 0 or self.generiek - inhoud >= 2


def _zonder_generiek(zin: str) -> list[str]:
    return [w for w in words(_GENERIEK.sub(" ", zin)) if w not in STOPWORDS and w not in _ALGEMENE_WOORDEN
            and len(w) > 2]


def kenmerken(tekst: str, signaal_tekst: str = "") -> Kenmerken:
    """Reasons, anchors and generic phrases in an explanation (folded, stock phrases ignored)."""
    gevouwen = fold(tekst)
    redenen = 0
    for zin in _ZIN.findall(gevouwen):
        for m in _REDEN.finditer(zin):
            if len(_zonder_generiek(zin[m.end() :])) >= MIN_REDENWOORDEN:
                redenen += 1
                break
    ankers = len(_ANKER.findall(_GENERIEK.sub(" ", gevouwen))) + len(_AFKORTING.findall(tekst))
    if signaal_tekst:
        eigen = {w for w in _zonder_generiek(gevouwen) if len(w) > 4}
        gedeeld = eigen & {w for w in words(signaal_tekst) if len(w) > 4 and w not in STOPWORDS}
        ankers += len(gedeeld) // 2
    return Kenmerken(redenen, ankers, len(_GENERIEK.findall(gevouwen)))


def is_ontwijkend(tekst: str, signaal_tekst: str = "") -> bool:
    """True when an explanation gives no reason and nothing specific, only policy language."""
    return kenmerken(tekst, signaal_tekst).ontwijkend


WAAROM_NIET_OVERNEMEN = "waarom het voorstel niet wordt overgenomen"
WAAROM_NIET_ONTVANKELIJK = "waarom het signaal niet ontvankelijk is"


def bezwaren_tegen_uitleg(tekst: str, eerdere: Iterable[EerdereToelichting] = (), *,
                          signaal_tekst: str = "", waarom: str = WAAROM_NIET_OVERNEMEN) -> list[str]:
    """Why an explain (niet overnemen) is not acceptable; an empty list means it is.

    ``eerdere`` are explains given to *other* signals: a copy of one of them is boilerplate.
    ``signaal_tekst`` (the signal's title, description and proposal) lets an answer that
    takes up the signal's own words count as specific. ``waarom`` names what the text must
    explain in the messages (also the public reason of a signal declared not admissible,
    :data:`WAAROM_NIET_ONTVANKELIJK`).
    """
    tekst = (tekst or "").strip()
    if not tekst:
        return [f"Geef een inhoudelijke reden {waarom}."]
    bezwaren = []
    if len(tekst) < MIN_TEKENS:
        bezwaren.append(
            f"De reden is te kort ({len(tekst)} tekens). Leg in ten minste {MIN_TEKENS} tekens uit "
            f"{waarom}: welke regel, welk belang of welke afweging."
        )
    elif len(inhoudswoorden(tekst)) < MIN_INHOUDSWOORDEN:
        bezwaren.append(
            "De reden bestaat vooral uit standaardzinnen. Leg uit welke regel, welk belang of "
            f"welke afweging maakt dat {waarom.removeprefix('waarom ')}."
        )
    elif is_ontwijkend(tekst, signaal_tekst):
        bezwaren.append(
            "De reden is algemeen: er staat geen concrete regel, feit of afweging in die over dit signaal "
            f"gaat. Leg uit {waarom} (bijvoorbeeld: 'omdat artikel … "
            "vraagt dat …', of wat het zou kosten of wie erdoor geraakt wordt)."
        )
    eigen = shingles(tekst)
    eigen_afdruk = vingerafdruk(tekst)
    for eerder in eerdere:
        if vingerafdruk(eerder.tekst) == eigen_afdruk or jaccard(eigen, shingles(eerder.tekst)) >= MAX_GELIJKENIS:
            bezwaren.append(
                f"De reden is (vrijwel) gelijk aan de reactie op {eerder.label}. Een reactie moet "
                "ingaan op dit signaal; schrijf een eigen onderbouwing."
            )
            break
    return bezwaren
