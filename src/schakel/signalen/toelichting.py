"""Rules for a good answer. An explain needs substance; stock phrases and copies are refused.

Pure functions: the caller supplies earlier answers to compare with.
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


def bezwaren_tegen_uitleg(tekst: str, eerdere: Iterable[EerdereToelichting] = ()) -> list[str]:
    """Why an explain (niet overnemen) is not acceptable; an empty list means it is.

    ``eerdere`` are explains given to *other* signals: a copy of one of them is boilerplate.
    """
    tekst = (tekst or "").strip()
    if not tekst:
        return ["Geef een inhoudelijke reden waarom het voorstel niet wordt overgenomen."]
    bezwaren = []
    if len(tekst) < MIN_TEKENS:
        bezwaren.append(
            f"De reden is te kort ({len(tekst)} tekens). Leg in ten minste {MIN_TEKENS} tekens uit "
            "waarom het voorstel niet wordt overgenomen: welke regel, welk belang of welke afweging."
        )
    elif len(inhoudswoorden(tekst)) < MIN_INHOUDSWOORDEN:
        bezwaren.append(
            "De reden bestaat vooral uit standaardzinnen. Leg uit welke regel, welk belang of "
            "welke afweging maakt dat het voorstel niet wordt overgenomen."
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
