"""Find the names of citizens in Dutch text.

Three rules, in order of certainty:

1. a form of address: "mevrouw Jansen", "de heer De Vries", "dhr. J.P. van den Berg",
   "familie El Amrani";
2. a role that only a private person has, followed by a name: "cliënt Yilmaz",
   "haar zoon Mohammed", "aanvrager Van Dijk";
3. a known first name followed by a surname: "Jan Pietersen", "Fatima el Idrissi".

First names and surnames come from deduce's lists (see ``lijsten``). A name that
follows a public office ("minister Van Hijum", "staatssecretaris Nijboer",
"wethouder De Jong", "Kamerlid Omtzigt") is that official acting in public and is
not flagged, nor is a name that is part of the name of a law or motion ("Wet
Mulder", "motie-Omtzigt"). See docs/privacy.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from schakel.privacy import lijsten

_HOOFD = r"[A-ZÀ-ÖØ-Þ]"
_KLEIN = r"[a-zß-öø-ÿ]"
_TUSSEN = (
    r"(?i:van\s+der|van\s+den|van\s+de|van\s+het|van\s+'t|in\s+'t|in\s+de|op\s+de|op\s+den|uit\s+de"
    r"|van|de|der|den|het|ter|ten|te|el|al|la|le|du|da|di|dos|von|v\.d\.|vd|'t)"
)
_WOORD = rf"{_HOOFD}{_KLEIN}+(?:['’]{_KLEIN}+)?"
_ACHTERNAAM = rf"(?:{_TUSSEN}\s+)*{_WOORD}(?:-(?:{_TUSSEN}\s+)*{_WOORD})?"
_INITIALEN = rf"(?:{_HOOFD}{_KLEIN}?\.\s?){{1,4}}"
_AANSPREEK = (
    r"(?i:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|de\s+heer|dhr\.?|mejuffrouw|mej\.?|familie|fam\.?)"
)
_ROL = (
    r"(?i:cliënte?|cliente?|klant|aanvrager|aanvraagster|melder|bewoner|bewoonster|huurder|verhuurder"
    r"|(?:mijn|haar|zijn|hun|de|diens)\s+(?:zoon|dochter|moeder|vader|broer|zus|partner|man|vrouw"
    r"|echtgenoot|echtgenote|vriend|vriendin|buurman|buurvrouw|kleinzoon|kleindochter|oma|opa|kind"
    r"|pleegkind|pleegzoon|pleegdochter|stiefzoon|stiefdochter|stiefvader|stiefmoeder|baby)"
    r"|weduwe|weduwnaar|werknemer|werkzoekende|uitkeringsgerechtigde|student|studente|leerling"
    r"|patiënt|patiënte|betrokkene|verzoeker|verzoekster|belanghebbende|burger|inwoner|inwoonster"
    r"|ondernemer|zzp['’]?er|mantelzorger|statushouder|bewindvoerder)"
)

_MET_AANSPREEKVORM = re.compile(
    rf"(?<![\w-]){_AANSPREEK}\s+(?P<naam>(?:{_INITIALEN}\s?)?(?:{_WOORD}\s+(?={_TUSSEN}\s|{_HOOFD}))?{_ACHTERNAAM})"
)
_MET_ROL = re.compile(
    rf"(?<![\w-]){_ROL}\s+(?P<naam>(?:{_INITIALEN}\s?)?(?:{_TUSSEN}\s+)*{_WOORD}(?:\s+{_ACHTERNAAM})?)"
)
_VOOR_EN_ACHTER = re.compile(
    rf"(?<![\w-])(?P<naam>(?P<voornaam>{_WOORD})(?:\s+{_INITIALEN})?\s+(?P<achter>{_ACHTERNAAM}))"
)

# A public office right before a name: that person acts in public, not as a citizen.
_AMBT_VOOR = re.compile(
    r"(?i:minister(?:-president)?|staatssecretaris|premier|bewindspersoon|kamerlid|kamerleden"
    r"|tweede-kamerlid|eerste-kamerlid|fractievoorzitter|kamervoorzitter|voorzitter|wethouder"
    r"|burgemeester|gedeputeerde|commissaris|ombudsman|ombudsvrouw|directeur(?:-generaal)?|dg"
    r"|secretaris-generaal|sg|topman|topvrouw|bestuursvoorzitter|hoogleraar|prof\.?|dr\.?|mr\.?"
    r"|professor|rapporteur|kinderombudsman|koning|koningin|prinses|prins|europarlementariër"
    r"|gemeenteraadslid|raadslid|statenlid|senator)"
    r"(?:\s+(?:van|voor)\s+[\wÀ-ÿ,&\s]{1,60}?)?\s*$"
)
_WERK_VOOR = re.compile(r"(?i:wet|motie|amendement|commissie|rapport|arrest|regeling|ziekte\s+van|methode)[\s-]$")
_AMBT_NA = re.compile(r"\s*[,(]\s*(?i:minister|staatssecretaris|kamerlid|wethouder|burgemeester|voorzitter|directeur)")
# Capitalised words that follow a first name but are not surnames.
_GEEN_ACHTERNAAM = frozenset(
    """wet regeling besluit uwv svb duo cak cjib ind cbr rvo belastingdienst toeslagen gemeente
    ministerie kamer januari februari maart april mei juni juli augustus september oktober november
    december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag nederland""".split()
)


def _hoofdwoord(naam: str) -> str:
    """The last capitalised word of a name, lower case ('van der Berg' → 'berg')."""
    delen = re.findall(rf"{_HOOFD}{_KLEIN}+", naam)
    return delen[-1].casefold() if delen else ""


def _is_herkomst(rol_en_naam: str) -> bool:
    """'inwoner van Amsterdam', 'klant uit Zwolle': a place, not a surname.

    Only after words for residents ("inwoner van", "burger van") is "van" + a place read as
    origin; "aanvrager van Dijk" and "de heer van Leeuwen" stay names.
    """
    m = re.search(r"(?i:(inwoner|inwoonster|burger)\s+van|\buit)\s+(\S+)", rol_en_naam)
    return bool(m and m.group(2).casefold() in lijsten.plaatsnamen())


def _is_openbaar_ambt(tekst: str, start: int, eind: int) -> bool:
    voor = tekst[max(0, start - 80) : start]
    return bool(_AMBT_VOOR.search(voor) or _WERK_VOOR.search(voor) or _AMBT_NA.match(tekst, eind))


@functools.cache
def _niet_voornaam() -> frozenset[str]:
    # A first name that is also a common word or a place ("Mei", "Roos", "Ede") only counts
    # with a form of address or a role word before it.
    return lijsten.gewone_woorden() | lijsten.plaatsnamen() | _GEEN_ACHTERNAAM


def vind_namen(tekst: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every citizen's name, possibly overlapping; the caller resolves overlaps."""
    for patroon in (_MET_AANSPREEKVORM, _MET_ROL):
        for m in patroon.finditer(tekst):
            start, eind = m.span("naam")
            if _hoofdwoord(m.group("naam")) in _GEEN_ACHTERNAAM:
                continue
            if patroon is _MET_ROL and _is_herkomst(m.group()):
                continue
            if not _is_openbaar_ambt(tekst, m.start(), eind):
                yield start, eind
    voornamen = lijsten.voornamen()
    niet_voornaam = _niet_voornaam()
    achternamen = lijsten.achternamen()
    pos = 0
    while (m := _VOOR_EN_ACHTER.search(tekst, pos)) is not None:
        pos = m.start("achter")
        voornaam = m.group("voornaam")
        achter = _hoofdwoord(m.group("achter"))
        met_tussenvoegsel = m.group("achter")[:1].islower()  # "van Dijk": a surname, even if Dijk is a place
        if (
            voornaam in voornamen
            and voornaam.casefold() not in niet_voornaam
            and achter not in _GEEN_ACHTERNAAM
            and (achter in achternamen or achter not in lijsten.gewone_woorden())
            and (met_tussenvoegsel or achter not in lijsten.plaatsnamen())
            and not _is_openbaar_ambt(tekst, m.start(), m.end())
        ):
            yield m.start("naam"), m.end("naam")
            pos = m.end()
