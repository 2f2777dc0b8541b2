"""Import reference data (organisations and regulations) from YAML or CSV files.

Two steps, so that a bad file never leaves half an import behind:

1. :func:`lees` parses the files and :func:`valideer` checks the whole set, collecting
   *all* problems (unknown keys, missing fields, bad BWB ids, unknown kinds, references
   to unknown organisations, cycles of principals), each with file, line and entry.
2. :func:`importeer` upserts everything in one transaction: organisations are matched on
   ``afkorting``, regulations on ``bwb_id``; rows that differ are updated, nothing is
   ever deleted, and a second run changes nothing.

An entry describes its row completely: an optional field that is left out is stored
empty. A reference (``opdrachtgever``, ``eigenaar``, ``uitvoerders``…) may point to an
entry in any of the files being loaded or to an organisation already in the database.
The file format is documented in ``docs/reference-data.md``.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from schakel.organisaties.models import Kamer, Organisatie, OrganisatieSoort

from .models import Regeling

STANDAARD_BESTAND = Path(__file__).resolve().parent / "data" / "referentiedata.yaml"

ORGANISATIE_VELDEN = ("afkorting", "naam", "soort", "opdrachtgever", "kamercommissie", "kamer", "website", "namen")
ORGANISATIE_VERPLICHT = ("afkorting", "naam", "soort")
REGELING_VELDEN = ("bwb_id", "sleutel", "bwb_id_onzeker", "titel", "citeertitel", "eigenaar", "kamercommissie",
                   "uitvoerders", "namen", "trefwoorden")
REGELING_VERPLICHT = ("titel", "eigenaar")  # and either a bwb_id, or bwb_id_onzeker with a sleutel
# Fields holding a list: organisation codes (split on separators) or names (split on ; and |).
LIJSTVELDEN = ("uitvoerders", "namen", "trefwoorden")
JA_NEE = {"ja": True, "true": True, "1": True, "nee": False, "false": False, "0": False, "": False}
SECTIES = {"organisaties": ORGANISATIE_VELDEN, "regelingen": REGELING_VELDEN}

# Separators between organisation codes inside one cell (afkortingen are slugs).
_LIJST_SCHEIDING = re.compile(r"[\s,;|]+")
_NAMEN_SCHEIDING = re.compile(r"\s*[;|]\s*")  # names contain spaces and commas


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Herkomst:
    """Where an entry comes from: file, line and a short label such as ``organisatie 'uwv'``."""

    bestand: str
    regel: int | None = None
    label: str = ""

    def __str__(self) -> str:
        delen = [self.bestand]
        if self.regel:
            delen.append(f"regel {self.regel}")
        if self.label:
            delen.append(self.label)
        return ", ".join(delen)


@dataclass(frozen=True)
class Fout:
    herkomst: Herkomst
    melding: str

    def __str__(self) -> str:
        return f"{self.herkomst}: {self.melding}"


class OngeldigeReferentiedata(Exception):
    """The input has errors; nothing was written. ``fouten`` lists every one of them."""

    def __init__(self, fouten: Sequence[Fout]):
        self.fouten = list(fouten)
        super().__init__(f"{len(self.fouten)} fout(en) in de referentiedata; er is niets opgeslagen.")


@dataclass
class Invoerregel:
    """One organisation or regulation as read from a file, before validation."""

    velden: dict[str, object]
    herkomst: Herkomst
    # line of each key, where the format knows it (YAML)
    sleutelregels: dict[str, int] = field(default_factory=dict)

    def tekst(self, veld: str) -> str:
        waarde = self.velden.get(veld)
        return waarde if isinstance(waarde, str) else ""

    def onzeker(self) -> bool:
        """A regulation whose BWB id was not certain: it is identified by its ``sleutel``."""
        return self.velden.get("bwb_id_onzeker") is True

    def lijst(self, veld: str) -> list[str]:
        waarde = self.velden.get(veld)
        return list(waarde) if isinstance(waarde, (list, tuple)) else []

    def plaats(self, veld: str | None = None) -> Herkomst:
        regel = self.sleutelregels.get(veld, self.herkomst.regel) if veld else self.herkomst.regel
        return dataclasses.replace(self.herkomst, regel=regel)


@dataclass
class Invoer:
    organisaties: list[Invoerregel] = field(default_factory=list)
    regelingen: list[Invoerregel] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)

    def voeg_toe(self, andere: "Invoer") -> None:
        self.organisaties += andere.organisaties
        self.regelingen += andere.regelingen
        self.fouten += andere.fouten


@dataclass
class Telling:
    aangemaakt: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0

    def __str__(self) -> str:
        return f"{self.aangemaakt} nieuw, {self.bijgewerkt} bijgewerkt, {self.ongewijzigd} ongewijzigd"


@dataclass
class Resultaat:
    organisaties: Telling = field(default_factory=Telling)
    regelingen: Telling = field(default_factory=Telling)
    droog: bool = False
    zonder_bwb_id: int = 0  # regulations known to the router only: not stored until their id is certain

    @property
    def gewijzigd(self) -> bool:
        return any(t.aangemaakt or t.bijgewerkt for t in (self.organisaties, self.regelingen))


# --------------------------------------------------------------------------- reading


class _RegelDict(dict):
    """A YAML mapping that remembers its line and the line of each key."""

    regel: int = 0
    sleutelregels: dict
    dubbele_sleutels: list


class _Lezer(yaml.SafeLoader):
    pass


def _mapping_met_regels(lezer: _Lezer, node: yaml.MappingNode) -> _RegelDict:
    lezer.flatten_mapping(node)
    resultaat = _RegelDict()
    resultaat.regel = node.start_mark.line + 1
    resultaat.sleutelregels = {}
    resultaat.dubbele_sleutels = []
    for sleutel_node, waarde_node in node.value:
        sleutel = lezer.construct_object(sleutel_node, deep=True)
        if not isinstance(sleutel, (str, int, float, bool)) and sleutel is not None:
            sleutel = str(sleutel)
        if sleutel in resultaat:
            resultaat.dubbele_sleutels.append((sleutel, sleutel_node.start_mark.line + 1))
        resultaat[sleutel] = lezer.construct_object(waarde_node, deep=True)
        resultaat.sleutelregels[sleutel] = sleutel_node.start_mark.line + 1
    return resultaat


_Lezer.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_met_regels)


def _label(sectie: str, index: int, velden: dict) -> str:
    if sectie == "organisaties":
        sleutel = velden.get("afkorting")
        return f"organisatie '{sleutel}'" if isinstance(sleutel, str) and sleutel else f"organisatie nr. {index}"
    sleutel = velden.get("bwb_id") or velden.get("sleutel")
    return f"regeling '{sleutel}'" if isinstance(sleutel, str) and sleutel else f"regeling nr. {index}"


def _suggestie(woord: str, opties: Iterable[str]) -> str:
    gelijkend = difflib.get_close_matches(str(woord), list(opties), n=1, cutoff=0.6)
    return f" Bedoelt u '{gelijkend[0]}'?" if gelijkend else ""


def _normaliseer_waarde(sectie: str, veld: str, waarde, invoer: Invoer, plaats: Herkomst):
    """A field value as str (or list of str for ``uitvoerders``); errors go to ``invoer.fouten``."""
    if veld == "bwb_id_onzeker":
        if isinstance(waarde, bool):
            return waarde
        if waarde is None or str(waarde).strip().lower() in JA_NEE:
            return JA_NEE[str(waarde or "").strip().lower()]
        invoer.fouten.append(Fout(plaats, "'bwb_id_onzeker' moet ja of nee (true of false) zijn."))
        return False
    if waarde is None:
        return [] if veld in LIJSTVELDEN else ""
    if veld in LIJSTVELDEN:
        scheiding = _LIJST_SCHEIDING if veld == "uitvoerders" else _NAMEN_SCHEIDING
        if isinstance(waarde, str):
            return [w for w in scheiding.split(waarde.strip()) if w]
        if isinstance(waarde, list) and all(isinstance(w, (str, int, float)) and not isinstance(w, bool)
                                            for w in waarde):
            return [str(w).strip() for w in waarde if str(w).strip()]
        soort = "afkortingen" if veld == "uitvoerders" else "namen"
        invoer.fouten.append(Fout(plaats, f"'{veld}' moet een lijst van {soort} zijn."))
        return []
    if isinstance(waarde, bool) or not isinstance(waarde, (str, int, float)):
        invoer.fouten.append(Fout(plaats, f"veld '{veld}' moet tekst zijn, niet {type(waarde).__name__}."))
        return ""
    return str(waarde).strip()


def _maak_regel(sectie: str, index: int, ruw: dict, herkomst: Herkomst, invoer: Invoer,
                sleutelregels: dict | None = None) -> Invoerregel:
    toegestaan = SECTIES[sectie]
    sleutelregels = dict(sleutelregels or {})
    herkomst = dataclasses.replace(herkomst, label=_label(sectie, index, ruw))
    regel = Invoerregel(velden={}, herkomst=herkomst, sleutelregels=sleutelregels)
    for sleutel, waarde in ruw.items():
        plaats = regel.plaats(sleutel)
        if sleutel not in toegestaan:
            invoer.fouten.append(Fout(plaats, f"onbekende sleutel '{sleutel}'.{_suggestie(sleutel, toegestaan)} "
                                              f"Toegestaan: {', '.join(toegestaan)}."))
            continue
        regel.velden[sleutel] = _normaliseer_waarde(sectie, sleutel, waarde, invoer, plaats)
    return regel


def lees_yaml(tekst: str, bestand: str) -> Invoer:
    """Parse a YAML document with the sections ``organisaties`` and ``regelingen``."""
    invoer = Invoer()
    try:
        document = yaml.load(tekst, Loader=_Lezer)  # noqa: S506 - _Lezer is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        probleem = getattr(exc, "problem", None) or str(exc)
        invoer.fouten.append(Fout(Herkomst(bestand, mark.line + 1 if mark else None),
                                  f"geen geldige YAML: {probleem}."))
        return invoer
    if document is None:
        invoer.fouten.append(Fout(Herkomst(bestand), "het bestand is leeg."))
        return invoer
    if not isinstance(document, dict):
        invoer.fouten.append(Fout(Herkomst(bestand, 1), "verwacht de secties 'organisaties' en/of 'regelingen'."))
        return invoer
    _meld_dubbele_sleutels(document, Herkomst(bestand), invoer)
    for sectie, inhoud in document.items():
        regelnummer = document.sleutelregels.get(sectie)
        if sectie not in SECTIES:
            invoer.fouten.append(Fout(Herkomst(bestand, regelnummer),
                                      f"onbekende sectie '{sectie}'.{_suggestie(sectie, SECTIES)} "
                                      "Toegestaan: organisaties, regelingen."))
            continue
        if inhoud is None:
            continue
        if not isinstance(inhoud, list):
            invoer.fouten.append(Fout(Herkomst(bestand, regelnummer), f"'{sectie}' moet een lijst zijn."))
            continue
        for index, ruw in enumerate(inhoud, start=1):
            if not isinstance(ruw, dict):
                invoer.fouten.append(Fout(Herkomst(bestand, regelnummer, f"{sectie} nr. {index}"),
                                          "elk item moet een verzameling 'sleutel: waarde' zijn."))
                continue
            herkomst = Herkomst(bestand, ruw.regel)
            _meld_dubbele_sleutels(ruw, dataclasses.replace(herkomst, label=_label(sectie, index, ruw)), invoer)
            regel = _maak_regel(sectie, index, ruw, herkomst, invoer, ruw.sleutelregels)
            getattr(invoer, sectie).append(regel)
    return invoer


def _meld_dubbele_sleutels(mapping: _RegelDict, herkomst: Herkomst, invoer: Invoer) -> None:
    for sleutel, regelnummer in mapping.dubbele_sleutels:
        invoer.fouten.append(Fout(dataclasses.replace(herkomst, regel=regelnummer),
                                  f"sleutel '{sleutel}' staat dubbel in dit item."))


def lees_csv(tekst: str, bestand: str) -> Invoer:
    """Parse a CSV file of organisations (column ``afkorting``) or regulations (``bwb_id``).

    The header names the columns; comma and semicolon (Dutch spreadsheets) both work as
    separator. In ``uitvoerders`` several codes are separated by ``;``, ``,`` or spaces.
    """
    invoer = Invoer()
    tekst = tekst.lstrip("\ufeff")
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste_regel.count(";") > eerste_regel.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    try:
        kop = next(lezer, None)
    except csv.Error as exc:
        invoer.fouten.append(Fout(Herkomst(bestand, 1), f"geen geldige CSV: {exc}."))
        return invoer
    if not kop or not any(k.strip() for k in kop):
        invoer.fouten.append(Fout(Herkomst(bestand, 1), "het bestand is leeg: verwacht een kopregel met kolomnamen."))
        return invoer
    kolommen = [k.strip() for k in kop]
    if "bwb_id" in kolommen or "sleutel" in kolommen:
        sectie, verplicht = "regelingen", REGELING_VERPLICHT
    elif "afkorting" in kolommen:
        sectie, verplicht = "organisaties", ORGANISATIE_VERPLICHT
    else:
        invoer.fouten.append(Fout(Herkomst(bestand, 1),
                                  "onbekend soort CSV: de kopregel moet de kolom 'afkorting' (organisaties) "
                                  "of 'bwb_id' of 'sleutel' (regelingen) bevatten."))
        return invoer
    kopfout = False
    for kolom, aantal in Counter(kolommen).items():
        if aantal > 1:
            invoer.fouten.append(Fout(Herkomst(bestand, 1), f"kolom '{kolom}' staat dubbel in de kopregel."))
            kopfout = True
    for kolom in kolommen:
        if kolom not in SECTIES[sectie]:
            invoer.fouten.append(Fout(Herkomst(bestand, 1),
                                      f"onbekende kolom '{kolom}'.{_suggestie(kolom, SECTIES[sectie])} "
                                      f"Toegestaan: {', '.join(SECTIES[sectie])}."))
            kopfout = True
    for kolom in verplicht:
        if kolom not in kolommen:
            invoer.fouten.append(Fout(Herkomst(bestand, 1), f"verplichte kolom '{kolom}' ontbreekt."))
            kopfout = True
    if kopfout:
        return invoer
    index = 0
    try:
        for cellen in lezer:
            if not any(c.strip() for c in cellen):
                continue
            index += 1
            herkomst = Herkomst(bestand, lezer.line_num)
            if len(cellen) != len(kolommen):
                invoer.fouten.append(Fout(herkomst, f"verwacht {len(kolommen)} kolommen, gevonden {len(cellen)}."))
                continue
            ruw = {k: c for k, c in zip(kolommen, cellen) if c.strip()}
            getattr(invoer, sectie).append(_maak_regel(sectie, index, ruw, herkomst, invoer))
    except csv.Error as exc:
        invoer.fouten.append(Fout(Herkomst(bestand, lezer.line_num), f"geen geldige CSV: {exc}."))
    return invoer


def lees_tekst(tekst: str, *, bestand: str, formaat: str) -> Invoer:
    """Parse ``tekst`` as ``formaat`` ('yaml' or 'csv'); ``bestand`` names it in messages."""
    if formaat == "yaml":
        return lees_yaml(tekst, bestand)
    if formaat == "csv":
        return lees_csv(tekst, bestand)
    raise ValueError(f"Onbekend formaat: {formaat}")


def lees(paden: Iterable[str | Path]) -> Invoer:
    """Read one or more YAML/CSV files into one :class:`Invoer` (not yet validated)."""
    invoer = Invoer()
    for pad in map(Path, paden):
        naam = pad.name if pad.resolve() == STANDAARD_BESTAND else str(pad)
        formaat = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv"}.get(pad.suffix.lower())
        if formaat is None:
            invoer.fouten.append(Fout(Herkomst(naam), "onbekend bestandstype: gebruik .yaml, .yml of .csv."))
            continue
        try:
            tekst = pad.read_text(encoding="utf-8")
        except FileNotFoundError:
            invoer.fouten.append(Fout(Herkomst(naam), "bestand niet gevonden."))
            continue
        except UnicodeDecodeError:
            invoer.fouten.append(Fout(Herkomst(naam), "het bestand is geen UTF-8-tekst."))
            continue
        except OSError as exc:
            invoer.fouten.append(Fout(Herkomst(naam), f"bestand kan niet worden gelezen: {exc.strerror}."))
            continue
        invoer.voeg_toe(lees_tekst(tekst, bestand=naam, formaat=formaat))
    return invoer


# --------------------------------------------------------------------------- validation


def _veldfouten(model_instantie, uitsluiten: Iterable[str]) -> dict[str, list[str]]:
    try:
        model_instantie.clean_fields(exclude=list(uitsluiten))
    except ValidationError as exc:
        return exc.message_dict
    return {}


def _keuzes(choices) -> str:
    return ", ".join(choices.values)


def valideer(invoer: Invoer) -> list[Fout]:
    """Every problem in ``invoer`` (read errors included); an empty list means it can be imported."""
    fouten = list(invoer.fouten)
    if not invoer.organisaties and not invoer.regelingen and not fouten:
        fouten.append(Fout(Herkomst("invoer"), "er zijn geen organisaties of regelingen gevonden."))

    # What each organisation code means: the database, overlaid with the input.
    soorten: dict[str, str] = dict(Organisatie.objects.values_list("afkorting", "soort"))
    opdrachtgevers: dict[str, str | None] = {
        o.afkorting: o.opdrachtgever.afkorting if o.opdrachtgever_id else None
        for o in Organisatie.objects.select_related("opdrachtgever")
    }
    kamercommissies: dict[str, str | None] = {
        o.afkorting: o.kamercommissie.afkorting if o.kamercommissie_id else None
        for o in Organisatie.objects.select_related("kamercommissie")
    }
    naam_in_db = dict(Organisatie.objects.values_list("naam", "afkorting"))

    gezien_afkorting: dict[str, Invoerregel] = {}
    gezien_naam: dict[str, Invoerregel] = {}
    for regel in invoer.organisaties:
        fouten += _valideer_organisatie_velden(regel)
        afkorting, naam = regel.tekst("afkorting"), regel.tekst("naam")
        if afkorting:
            if afkorting in gezien_afkorting:
                fouten.append(Fout(regel.plaats("afkorting"), f"afkorting '{afkorting}' komt al voor "
                                   f"({gezien_afkorting[afkorting].herkomst})."))
            else:
                gezien_afkorting[afkorting] = regel
                soorten[afkorting] = regel.tekst("soort")
                opdrachtgevers[afkorting] = regel.tekst("opdrachtgever") or None
                kamercommissies[afkorting] = regel.tekst("kamercommissie") or None
        if naam:
            if naam in gezien_naam:
                fouten.append(Fout(regel.plaats("naam"), f"naam '{naam}' komt al voor "
                                   f"({gezien_naam[naam].herkomst})."))
            else:
                gezien_naam[naam] = regel
            eigenaar_naam = naam_in_db.get(naam)
            if afkorting and eigenaar_naam and eigenaar_naam != afkorting:
                fouten.append(Fout(regel.plaats("naam"), f"naam '{naam}' is al in gebruik door organisatie "
                                   f"'{eigenaar_naam}' in de database."))

    for regel in invoer.organisaties:
        fouten += _valideer_organisatie_verwijzingen(regel, soorten)
    fouten += _valideer_kringen(invoer.organisaties, opdrachtgevers)

    gezien: dict[tuple[str, str], Invoerregel] = {}
    for regel in invoer.regelingen:
        fouten += _valideer_regeling(regel, soorten)
        for veld, naam in (("bwb_id", "BWB-id"), ("sleutel", "sleutel")):
            waarde = regel.tekst(veld)
            if not waarde:
                continue
            if (veld, waarde) in gezien:
                fouten.append(Fout(regel.plaats(veld), f"{naam} '{waarde}' komt al voor "
                                   f"({gezien[veld, waarde].herkomst})."))
            else:
                gezien[veld, waarde] = regel
    return _gesorteerd(fouten)


def _gesorteerd(fouten: list[Fout]) -> list[Fout]:
    """Errors in reading order: by file (as first mentioned), then by line."""
    volgorde = {b: i for i, b in enumerate(dict.fromkeys(f.herkomst.bestand for f in fouten))}
    return sorted(fouten, key=lambda f: (volgorde[f.herkomst.bestand], f.herkomst.regel or 0))


def _ontbrekend(regel: Invoerregel, verplicht: Sequence[str]) -> list[Fout]:
    return [Fout(regel.plaats(), f"verplicht veld '{veld}' ontbreekt of is leeg.")
            for veld in verplicht if not regel.velden.get(veld)]


def _valideer_organisatie_velden(regel: Invoerregel) -> list[Fout]:
    fouten = _ontbrekend(regel, ORGANISATIE_VERPLICHT)
    soort, kamer = regel.tekst("soort"), regel.tekst("kamer")
    if soort and soort not in OrganisatieSoort.values:
        fouten.append(Fout(regel.plaats("soort"), f"onbekende soort '{soort}'."
                           f"{_suggestie(soort, OrganisatieSoort.values)} Kies uit: {_keuzes(OrganisatieSoort)}."))
    if kamer and kamer not in Kamer.values:
        fouten.append(Fout(regel.plaats("kamer"), f"onbekende kamer '{kamer}'. Kies uit: {_keuzes(Kamer)}."))
    instantie = Organisatie(**{v: regel.tekst(v) for v in ("afkorting", "naam", "website")})
    leeg = [v for v in ("afkorting", "naam") if not regel.tekst(v)]
    for veld, meldingen in _veldfouten(instantie, ["soort", "kamer", "opdrachtgever", "kamercommissie",
                                                   "id", *leeg]).items():
        fouten += [Fout(regel.plaats(veld), f"veld '{veld}': {m}") for m in meldingen]
    if soort == OrganisatieSoort.KAMERCOMMISSIE:
        if not kamer:
            fouten.append(Fout(regel.plaats(), "een kamercommissie hoort bij een kamer: vul 'kamer' in "
                                               f"({_keuzes(Kamer)})."))
        for veld in ("opdrachtgever", "kamercommissie"):
            if regel.tekst(veld):
                fouten.append(Fout(regel.plaats(veld), f"een kamercommissie heeft geen '{veld}'."))
    elif kamer and soort in OrganisatieSoort.values:
        fouten.append(Fout(regel.plaats("kamer"), "'kamer' geldt alleen voor een kamercommissie."))
    return fouten


def _onbekend(afkorting: str, soorten: dict[str, str]) -> str:
    return f"organisatie '{afkorting}' bestaat niet in de invoer of de database.{_suggestie(afkorting, soorten)}"


def _valideer_organisatie_verwijzingen(regel: Invoerregel, soorten: dict[str, str]) -> list[Fout]:
    fouten = []
    afkorting = regel.tekst("afkorting")
    opdrachtgever = regel.tekst("opdrachtgever")
    if opdrachtgever:
        if opdrachtgever not in soorten:
            fouten.append(Fout(regel.plaats("opdrachtgever"), f"opdrachtgever: {_onbekend(opdrachtgever, soorten)}"))
        elif soorten[opdrachtgever] == OrganisatieSoort.KAMERCOMMISSIE:
            fouten.append(Fout(regel.plaats("opdrachtgever"),
                               f"opdrachtgever '{opdrachtgever}' is een kamercommissie; een opdrachtgever is "
                               "een ministerie (of een andere organisatie), geen commissie."))
    commissie = regel.tekst("kamercommissie")
    if commissie:
        if commissie not in soorten:
            fouten.append(Fout(regel.plaats("kamercommissie"), f"kamercommissie: {_onbekend(commissie, soorten)}"))
        elif soorten[commissie] != OrganisatieSoort.KAMERCOMMISSIE:
            fouten.append(Fout(regel.plaats("kamercommissie"),
                               f"'{commissie}' is geen kamercommissie (soort '{soorten[commissie]}')."))
    if afkorting and commissie == afkorting:
        fouten.append(Fout(regel.plaats("kamercommissie"), "een organisatie kan niet haar eigen kamercommissie zijn."))
    return fouten


def _valideer_kringen(regels: list[Invoerregel], opdrachtgevers: dict[str, str | None]) -> list[Fout]:
    """Cycles in the principal graph (a → b → … → a), reported once each on their first entry."""
    fouten = []
    gemeld: set[frozenset[str]] = set()
    for regel in regels:
        start = regel.tekst("afkorting")
        if not start or not regel.tekst("opdrachtgever"):
            continue
        pad, huidig = [start], opdrachtgevers.get(start)
        while huidig is not None and huidig not in pad:
            pad.append(huidig)
            huidig = opdrachtgevers.get(huidig)
        if huidig is None:
            continue
        kring = pad[pad.index(huidig):] + [huidig]
        sleutel = frozenset(kring)
        if start in sleutel and sleutel not in gemeld:
            gemeld.add(sleutel)
            fouten.append(Fout(regel.plaats("opdrachtgever"),
                               f"opdrachtgevers vormen een kring: {' → '.join(kring)}."))
    return fouten


def _valideer_regeling(regel: Invoerregel, soorten: dict[str, str]) -> list[Fout]:
    fouten = _ontbrekend(regel, REGELING_VERPLICHT)
    if regel.onzeker():
        if regel.tekst("bwb_id"):
            fouten.append(Fout(regel.plaats("bwb_id"), "een regeling met 'bwb_id_onzeker: ja' heeft geen bwb_id: "
                                                       "laat het leeg tot het id zeker is."))
        if not regel.tekst("sleutel"):
            fouten.append(Fout(regel.plaats(), "een regeling zonder BWB-id heeft een 'sleutel' nodig "
                                               "(bijvoorbeeld 'wet-inburgering-2021')."))
    elif not regel.tekst("bwb_id"):
        fouten.append(Fout(regel.plaats(), "verplicht veld 'bwb_id' ontbreekt of is leeg (weet u het id niet "
                                           "zeker, zet dan 'bwb_id_onzeker: ja' en een 'sleutel')."))
    sleutel = regel.tekst("sleutel")
    if sleutel and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", sleutel):
        fouten.append(Fout(regel.plaats("sleutel"), f"sleutel '{sleutel}' mag alleen kleine letters, cijfers "
                                                    "en streepjes bevatten."))
    instantie = Regeling(**{v: regel.tekst(v) for v in ("bwb_id", "titel", "citeertitel")})
    leeg = [v for v in ("bwb_id", "titel") if not regel.tekst(v)]
    for veld, meldingen in _veldfouten(instantie, ["eigenaar", "kamercommissie", "uitvoerders", "id",
                                                   *leeg]).items():
        fouten += [Fout(regel.plaats(veld), f"veld '{veld}': {m}") for m in meldingen]
    eigenaar = regel.tekst("eigenaar")
    if eigenaar:
        if eigenaar not in soorten:
            fouten.append(Fout(regel.plaats("eigenaar"), f"eigenaar: {_onbekend(eigenaar, soorten)}"))
        elif soorten[eigenaar] != OrganisatieSoort.MINISTERIE:
            fouten.append(Fout(regel.plaats("eigenaar"),
                               f"eigenaar '{eigenaar}' is geen ministerie (soort '{soorten[eigenaar]}'); "
                               "een regeling is eigendom van het ministerie dat haar maakt."))
    commissie = regel.tekst("kamercommissie")
    if commissie:
        if commissie not in soorten:
            fouten.append(Fout(regel.plaats("kamercommissie"), f"kamercommissie: {_onbekend(commissie, soorten)}"))
        elif soorten[commissie] != OrganisatieSoort.KAMERCOMMISSIE:
            fouten.append(Fout(regel.plaats("kamercommissie"),
                               f"'{commissie}' is geen kamercommissie (soort '{soorten[commissie]}')."))
    for uitvoerder in regel.lijst("uitvoerders"):
        if uitvoerder not in soorten:
            fouten.append(Fout(regel.plaats("uitvoerders"), f"uitvoerder: {_onbekend(uitvoerder, soorten)}"))
        elif soorten[uitvoerder] == OrganisatieSoort.KAMERCOMMISSIE:
            fouten.append(Fout(regel.plaats("uitvoerders"),
                               f"uitvoerder '{uitvoerder}' is een kamercommissie; die voert geen regelingen uit."))
    return fouten


# --------------------------------------------------------------------------- import


def _zet(obj, waarden: dict) -> list[str]:
    """Assign ``waarden`` to ``obj``; return the names of the fields that changed."""
    gewijzigd = []
    for veld, waarde in waarden.items():
        if getattr(obj, veld) != waarde:
            setattr(obj, veld, waarde)
            gewijzigd.append(veld)
    return gewijzigd


def importeer(invoer: Invoer, *, droog: bool = False) -> Resultaat:
    """Validate ``invoer`` and upsert it in one transaction (rolled back when ``droog``).

    Raises :class:`OngeldigeReferentiedata` with every error if the input is not valid.
    """
    fouten = valideer(invoer)
    if fouten:
        raise OngeldigeReferentiedata(fouten)
    resultaat = Resultaat(droog=droog)
    with transaction.atomic():
        organisaties = {o.afkorting: o for o in Organisatie.objects.all()}
        aangemaakt: set[str] = set()
        gewijzigd: set[str] = set()

        # Pass 1: the organisations themselves; pass 2: their references to each other.
        for regel in invoer.organisaties:
            afkorting = regel.tekst("afkorting")
            waarden = {v: regel.tekst(v) for v in ("naam", "soort", "kamer", "website")}
            obj = organisaties.get(afkorting)
            if obj is None:
                obj = Organisatie.objects.create(afkorting=afkorting, **waarden)
                organisaties[afkorting] = obj
                aangemaakt.add(afkorting)
            elif velden := _zet(obj, waarden):
                obj.save(update_fields=velden)
                gewijzigd.add(afkorting)
        for regel in invoer.organisaties:
            afkorting = regel.tekst("afkorting")
            obj = organisaties[afkorting]
            waarden = {
                "opdrachtgever": organisaties.get(regel.tekst("opdrachtgever")),
                "kamercommissie": organisaties.get(regel.tekst("kamercommissie")),
            }
            if velden := _zet(obj, waarden):
                obj.save(update_fields=velden)
                if afkorting not in aangemaakt:
                    gewijzigd.add(afkorting)
        resultaat.organisaties = Telling(len(aangemaakt), len(gewijzigd),
                                         len(invoer.organisaties) - len(aangemaakt) - len(gewijzigd))

        regelingen = {r.bwb_id: r for r in Regeling.objects.prefetch_related("uitvoerders")}
        telling = resultaat.regelingen
        for regel in invoer.regelingen:
            if not regel.tekst("bwb_id"):
                resultaat.zonder_bwb_id += 1
                continue
            eigenaar = organisaties[regel.tekst("eigenaar")]
            commissie = organisaties.get(regel.tekst("kamercommissie")) or eigenaar.kamercommissie
            waarden = {"titel": regel.tekst("titel"), "citeertitel": regel.tekst("citeertitel"),
                       "eigenaar": eigenaar, "kamercommissie": commissie}
            uitvoerders = {organisaties[a] for a in regel.lijst("uitvoerders")}
            obj = regelingen.get(regel.tekst("bwb_id"))
            if obj is None:
                obj = Regeling.objects.create(bwb_id=regel.tekst("bwb_id"), **waarden)
                obj.uitvoerders.set(uitvoerders)
                regelingen[obj.bwb_id] = obj
                telling.aangemaakt += 1
                continue
            velden = _zet(obj, waarden)
            if velden:
                obj.save(update_fields=velden)
            if set(obj.uitvoerders.all()) != uitvoerders:
                obj.uitvoerders.set(uitvoerders)
                velden.append("uitvoerders")
            if velden:
                telling.bijgewerkt += 1
            else:
                telling.ongewijzigd += 1
        if droog:
            transaction.set_rollback(True)
    return resultaat


def laad(paden: Sequence[str | Path] | None = None, *, droog: bool = False) -> Resultaat:
    """Read, validate and import ``paden`` (default: the shipped reference data)."""
    return importeer(lees(paden or [STANDAARD_BESTAND]), droog=droog)


def standaard_aanwezig() -> bool:
    """Whether every organisation and regulation of the shipped file is in the database."""
    invoer = lees([STANDAARD_BESTAND])
    afkortingen = {r.tekst("afkorting") for r in invoer.organisaties}
    bwb_ids = {r.tekst("bwb_id") for r in invoer.regelingen if r.tekst("bwb_id")}
    return (Organisatie.objects.filter(afkorting__in=afkortingen).count() == len(afkortingen)
            and Regeling.objects.filter(bwb_id__in=bwb_ids).count() == len(bwb_ids))
