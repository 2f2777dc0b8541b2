"""Checking the regulations of the reference data against the open data of wetten.overheid.nl.

The Basiswettenbestand (BWB) is searchable through the SRU service of overheid.nl
(``https://zoekservice.overheid.nl/sru/Search`` with ``x-connection=BWB``). For a regulation
with a BWB id we ask for that id and compare the title; for one without (``bwb_id_onzeker``)
we search by its title and list the ids found, so a person can confirm one. The network is
only used by ``schakel controleer-regelingen``, never at run time; the parser reads elements
by their local name, so it does not depend on namespace prefixes.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable, Iterable

SRU = "https://zoekservice.overheid.nl/sru/Search"
MAX_RECORDS = 5


@dataclass(frozen=True)
class Record:
    bwb_id: str
    titel: str
    citeertitel: str = ""


@dataclass(frozen=True)
class Bevinding:
    sleutel: str  # BWB id or `sleutel`
    titel: str
    soort: str  # "klopt", "andere-titel", "onbekend-id", "kandidaten", "niet-gevonden"
    melding: str

    @property
    def in_orde(self) -> bool:
        return self.soort == "klopt"


def url_voor_id(bwb_id: str) -> str:
    return _url(f'dcterms.identifier=="{bwb_id}"')


def url_voor_titel(titel: str) -> str:
    return _url(f'dcterms.title="{titel}"')


def _url(query: str) -> str:
    parameters = {"operation": "searchRetrieve", "version": "2.0", "x-connection": "BWB",
                  "query": query, "maximumRecords": str(MAX_RECORDS)}
    return f"{SRU}?{urllib.parse.urlencode(parameters)}"


def haal(url: str, *, timeout: float = 15.0) -> str:
    """The response body of ``url`` (raises OSError without a network)."""
    verzoek = urllib.request.Request(url, headers={"User-Agent": "schakel controleer-regelingen"})
    with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:  # noqa: S310 - a fixed https URL
        return antwoord.read().decode("utf-8")


def _lokaal(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def lees_antwoord(xml: str) -> list[Record]:
    """The regulations in an SRU response: per record its identifier, title and short title."""
    wortel = ET.fromstring(xml)
    records = []
    for record in wortel.iter():
        if _lokaal(record.tag) != "record":
            continue
        velden: dict[str, str] = {}
        for el in record.iter():
            naam = _lokaal(el.tag)
            if naam in ("identifier", "title", "citeertitel") and (el.text or "").strip() and naam not in velden:
                velden[naam] = el.text.strip()
        if re.fullmatch(r"BWB[RV]\d{7}", velden.get("identifier", "")):
            records.append(Record(velden["identifier"], velden.get("title", ""), velden.get("citeertitel", "")))
    return records


def _vergelijkbaar(tekst: str) -> str:
    zonder = unicodedata.normalize("NFKD", tekst)
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in zonder if not unicodedata.combining(c)).lower()).strip()


def controleer(regelingen: Iterable, ophalen: Callable[[str], str] = haal) -> list[Bevinding]:
    """Check each regulation (``importeren.Invoerregel``); ``ophalen`` fetches a URL (a test
    passes recorded responses). Raises OSError when the service cannot be reached."""
    uit = []
    for r in regelingen:
        bwb_id, titel = r.tekst("bwb_id"), r.tekst("titel")
        namen = {_vergelijkbaar(titel), _vergelijkbaar(r.tekst("citeertitel"))} - {""}
        if bwb_id:
            gevonden = [rec for rec in lees_antwoord(ophalen(url_voor_id(bwb_id))) if rec.bwb_id == bwb_id]
            if not gevonden:
                uit.append(Bevinding(bwb_id, titel, "onbekend-id", f"{bwb_id} ({titel}) staat niet in het BWB."))
            elif namen & {_vergelijkbaar(gevonden[0].titel), _vergelijkbaar(gevonden[0].citeertitel)}:
                uit.append(Bevinding(bwb_id, titel, "klopt", f"{bwb_id} {titel}: klopt."))
            else:
                uit.append(Bevinding(bwb_id, titel, "andere-titel",
                                     f"{bwb_id}: het BWB noemt '{gevonden[0].titel}', de referentiedata '{titel}'."))
        else:
            sleutel = r.tekst("sleutel")
            gevonden = lees_antwoord(ophalen(url_voor_titel(titel)))
            passend = [rec for rec in gevonden
                       if namen & {_vergelijkbaar(rec.titel), _vergelijkbaar(rec.citeertitel)}] or gevonden
            if passend:
                ids = ", ".join(f"{rec.bwb_id} ({rec.titel})" for rec in passend)
                uit.append(Bevinding(sleutel, titel, "kandidaten",
                                     f"{sleutel} ({titel}) heeft geen BWB-id; gevonden: {ids}. Controleer en vul het in."))
            else:
                uit.append(Bevinding(sleutel, titel, "niet-gevonden",
                                     f"{sleutel} ({titel}) heeft geen BWB-id en het BWB vond niets op deze titel."))
    return uit
