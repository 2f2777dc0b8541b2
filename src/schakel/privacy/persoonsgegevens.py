"""Detect personal data in free text, mask it, and tell the filer what to remove.

DESIGN.md: personal data (BSN, IBAN, e-mail, phone, address, dates of birth) is
detected and must be removed before anything is published; the filer is told
exactly what to remove.

Design notes
------------
* Every pattern is precompiled and written so that the regex engine cannot
  backtrack catastrophically: repetitions are bounded or possessive/atomic, and
  each pattern starts behind a look-behind that rejects positions inside a token.
  Scanning is linear in the length of the text.
* Checksummed identifiers are validated with ``python-stdnum`` (BSN 11-proef,
  IBAN mod-97), so amounts and reference numbers do not trip the guard.
* Candidates of different kinds may overlap (an IBAN contains something that looks
  like a phone number). Overlaps are resolved by a fixed priority, then by length;
  the result is a sorted list of non-overlapping findings.
* Dates of birth cannot be told from other dates with certainty. A date is flagged
  when a birth keyword ("geboren", "geboortedatum", "geb.") precedes it, or when it
  is a full date whose year lies between 1900 and ten years ago and it is not cited
  as a legal or policy date ("Wet van 2 juli 1992", "per 1 januari 2010"). Recent
  dates without a keyword ("1 januari 2026") are never flagged. See docs/privacy.md.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from schakel.core import clock
from schakel.privacy import lijsten, namen, organisatie

__all__ = [
    "Soort",
    "Vondst",
    "bevat_persoonsgegevens",
    "controleer_velden",
    "maskeer",
    "meldingen",
    "vind_persoonsgegevens",
]


class Soort(enum.StrEnum):
    """Kind of personal data; the value is the stable Dutch code."""

    BSN = "bsn"
    IBAN = "iban"
    EMAIL = "email"
    TELEFOON = "telefoon"
    ADRES = "adres"
    POSTCODE = "postcode"
    GEBOORTEDATUM = "geboortedatum"
    KENTEKEN = "kenteken"
    NAAM = "naam"


# (indefinite article, definite article, noun) per kind, for plain-Dutch messages.
_NAAM: dict[Soort, tuple[str, str, str]] = {
    Soort.BSN: ("een", "het", "burgerservicenummer (BSN)"),
    Soort.IBAN: ("een", "het", "bankrekeningnummer (IBAN)"),
    Soort.EMAIL: ("een", "het", "e-mailadres"),
    Soort.TELEFOON: ("een", "het", "telefoonnummer"),
    Soort.ADRES: ("een", "het", "adres (straat en huisnummer)"),
    Soort.POSTCODE: ("een", "de", "postcode"),
    Soort.GEBOORTEDATUM: ("een", "de", "geboortedatum"),
    Soort.KENTEKEN: ("een", "het", "kenteken"),
    Soort.NAAM: ("een", "de", "naam van een burger"),
}

# When candidates overlap, the earlier kind in this tuple wins.
_VOORRANG: tuple[Soort, ...] = (
    Soort.EMAIL,
    Soort.IBAN,
    Soort.BSN,
    Soort.KENTEKEN,
    Soort.GEBOORTEDATUM,
    Soort.TELEFOON,
    Soort.POSTCODE,
    Soort.ADRES,
    Soort.NAAM,
)
_RANG = {soort: i for i, soort in enumerate(_VOORRANG)}


@dataclass(frozen=True, slots=True)
class Vondst:
    """One piece of personal data found in a text: ``tekst[start:eind] == fragment``."""

    soort: Soort
    start: int
    eind: int
    fragment: str

    @property
    def omschrijving(self) -> str:
        """Plain Dutch, e.g. 'een burgerservicenummer (BSN)'."""
        lidwoord, _, naam = _NAAM[self.soort]
        return f"{lidwoord} {naam}"

    @property
    def melding(self) -> str:
        """What the filer must do, quoting a shortened fragment."""
        _, lidwoord, naam = _NAAM[self.soort]
        return f"Verwijder {lidwoord} {naam} '{_verkort(self.fragment)}' uit de tekst."


# --------------------------------------------------------------------------- patterns

_SP = "[ \u00a0]"  # a space or a no-break space
_SEP = "[ \u00a0.-]"  # separators inside numbers written in groups

_BSN = re.compile(
    rf"""
    (?<![\w+])(?<![0-9][.,-])              # not the tail of a longer number or word
    (?: [0-9]{{9}}
      | [0-9]{{3}}{_SEP}[0-9]{{3}}{_SEP}[0-9]{{3}}     # 123.456.782
      | [0-9]{{4}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{3}}     # 1234 56 782
    )
    (?!\w)(?:(?=(?P<staart>[.,/-][0-9])))?   # looked at, not consumed
    """,
    re.VERBOSE,
)
# A BSN whose leading zero was dropped (spreadsheets do that): 8 digits, only after a BSN keyword.
_BSN_ACHT = re.compile(r"(?<![\w+])(?<![0-9][.,-])[0-9]{8}(?!\w)(?![.,-][0-9])")
_BSN_WOORD = re.compile(
    r"\b(?:bsn|burgerservicenummer|burger\s*service\s*nummer|sofi-?nummer|sofinummer|persoonsnummer)"
    r"(?:\W{0,4}(?:is|was|nummer|nr\.?|van\s+\w+|:))*\W{0,4}$",
    re.IGNORECASE,
)
# Reference numbers that happen to pass the 11-proef.
_KENMERK_VOOR = re.compile(
    r"\b(?:(?:zaak|dossier|aanvraag|klant|relatie|polis|factuur|order|registratie|volg|referentie"
    r"|besluit|beschikkings?|vestigings|kvk|btw|loonheffingen|contract|debiteur|crediteur|betalings"
    r"|bericht|document|ticket|melding|signaal)-?(?:nummer|nr\.?|kenmerk)"
    r"|kenmerk|referentie|kvk|handelsregister|kamer\s+van\s+koophandel|rsin|fiscaal\s+nummer|btw|zaak"
    r"|dossier)(?:\W{0,4}(?:is|was|nummer|nr\.?|van\s+\w+(?:\s+\w+)?))*\W{0,4}$",
    re.IGNORECASE,
)
_BEDRAG_VOOR = re.compile(r"(?:€|\beur\.?|\beuro)\s*$", re.IGNORECASE)
_BEDRAG_NA = re.compile(r"\s*(?:€|eur\b|euro|,-)", re.IGNORECASE)

_IBAN = re.compile(
    rf"""
    (?<!\w)
    [A-Za-z]{{2}}[0-9]{{2}}
    (?:{_SP}?[A-Za-z0-9]){{11,30}}
    """,
    re.VERBOSE,
)

_EMAIL = re.compile(
    rf"""
    (?<![\w.%+-])
    [\w.%+-]{{1,64}}
    (?:@|{_SP}?[\[(][aA][tT][\])]{_SP}?)     # also 'naam(at)domein.nl'
    (?>[^\W_][\w-]{{0,62}}\.){{1,8}}
    [^\W\d_]{{2,24}}
    (?![\w-])
    """,
    re.VERBOSE,
)

# "jan punt jansen apenstaartje gmail punt com": an address read out or disguised.
_EMAIL_WOORD = re.compile(
    r"""
    (?<![\w@])
    [\w-]{1,40}(?:\s+(?:punt|dot)\s+[\w-]{1,40}){0,4}
    \s*(?:\s(?:apenstaartje|at)\s|[\[(](?:at|apenstaartje)[\])]|@)\s*
    [\w-]{1,40}(?:(?:\s+(?:punt|dot)\s+|\.)[\w-]{1,40}){0,3}(?:\s+(?:punt|dot)\s+|\.)
    (?:nl|com|net|org|eu|be|de|fr|info|biz|me|io|uk|online|email)
    (?![\w-])
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A phone-like run: digit groups joined by single separators, '+' only up front.
_TEL_GROEP = r"(?>\([0-9]{1,4}\)(?:[ \u00a0]?[0-9]++)?|[0-9]++)"
_TEL = re.compile(
    rf"""
    (?<![\w+/.,:-])
    \+?{_TEL_GROEP}
    (?:(?:{_SP}?[-./]{_SP}?|{_SP}){_TEL_GROEP}){{0,7}}
    (?!\w)(?![.,/:-][0-9])
    """,
    re.VERBOSE,
)
_TEL_DEEL = re.compile(r"\+?(?:\([0-9]{1,4}\)(?:[ \u00a0]?[0-9]+)?|[0-9]+)")
# Dutch numbers are 0 + 9 digits: geographic (01-07), mobile (06) and the
# location-independent ranges 084/085/087/088/091. Service numbers (0800/090x)
# and machine-to-machine numbers (097) are not personal.
_NL_NIET_GEOGRAFISCH = frozenset({"084", "085", "087", "088", "091"})

_POSTCODE = re.compile(
    rf"(?<![\w-])[1-9][0-9]{{3}}{_SP}?(?!SA|SD|SS)[A-Z]{{2}}(?![\w-])"
)
# Letter pairs that are also units ("1024 MB", "1500 PK"): a postcode only after a house
# number, after the word postcode, or before a place name.
_EENHEID_LETTERS = frozenset({"KB", "MB", "GB", "TB", "KW", "MW", "GW", "PK"})
_NA_HUISNUMMER = re.compile(r"(?:[0-9][a-zA-Z]?(?:-[0-9]{1,4})?,?|postcode:?)\s*$", re.IGNORECASE)
_PLAATSNAAM_NA = re.compile(rf"{_SP}+[A-Z][a-z]{{2,}}")
_ARTIKEL_VOOR = re.compile(r"(?:\bart\.?|\bartikel|\bartikelen)\s*$", re.IGNORECASE)

_STRAAT_SUFFIX = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|park|markt"
    "|wal|plantsoen|boulevard"
)
_STRAAT_SUFFIX_HOOFD = "|".join(s.capitalize() for s in _STRAAT_SUFFIX.split("|"))
_TUSSENWOORD = r"(?:van|de|der|den|het|'t|te|ter|ten|op|aan|bij|naar|in|over|la|le|du)"
_NAAMWOORD = r"[A-Z][\w'’-]{0,40}"
_ADRES = re.compile(
    rf"""
    (?<![\w'’-])
    (?P<straat>
        (?:{_STRAAT_SUFFIX_HOOFD})(?:{_SP}{_TUSSENWOORD}){{1,3}}(?:{_SP}{_NAAMWOORD}){{1,3}}  # Laan van Meerdervoort
      | [A-Z][\w'’-]{{0,40}}(?:{_STRAAT_SUFFIX})                                            # Dorpsstraat
      | (?:{_STRAAT_SUFFIX_HOOFD})                                                         # (Oude) Gracht
    )
    {_SP}{{1,3}}(?:(?:nr|no|nummer)\.?{_SP}?)?
    (?P<nummer>[1-9][0-9]{{0,4}})
    (?P<toevoeging>
        (?:{_SP}?-{_SP}?|{_SP})?(?:bis|hs|huis|bg|I{{1,3}})   # 12 bis, 12-hs, 12 II
      | {_SP}?-{_SP}?(?:[A-Za-z]|[0-9]{{1,4}})                # 12-A, 12-2
      | {_SP}?[A-Z]                                          # 12 A, 12A
      | [a-z]                                                # 120a
    )?
    (?!\w)(?![.,:/-][0-9])
    """,
    re.VERBOSE,
)

# Streets that do not end in a standard suffix ("Kerkbrink 5", "Achter de Hoven 12") are
# recognised from deduce's street list.
_EXTRA_SUFFIX = "erf|hoven|horst|brink|zoom|akker|kamp|hage|weide|gaarde|donk|hout|wetering|allee|promenade|passage|straatweg"
_ADRES_EXTRA = re.compile(
    rf"""
    (?<![\w'’-])
    (?P<straat>
        [A-Z][\w'’-]{{0,40}}(?:{_EXTRA_SUFFIX})                        # Beukenhorst, Kerkbrink
      | [a-z][\w'’-]{{1,40}}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|plantsoen)  # dorpsstraat
      | [A-Z][\w'’-]{{1,40}}(?:{_SP}(?:{_TUSSENWOORD}{_SP}){{0,2}}[A-Z][\w'’-]{{1,40}}){{0,3}}  # from the list
    )
    {_SP}{{1,3}}(?:(?:nr|no|nummer)\.?{_SP}?)?
    (?P<nummer>[1-9][0-9]{{0,4}})
    (?P<toevoeging>(?:{_SP}?-{_SP}?|{_SP})?(?:bis|hs|huis|bg)|{_SP}?-{_SP}?(?:[A-Za-z]|[0-9]{{1,4}})|{_SP}?[A-Z]|[a-z])?
    (?!\w)(?![.,:/-][0-9])
    """,
    re.VERBOSE,
)
# "woont aan de beukenlaan 3", "adres: de Kolk 12": any street after an address phrase.
_ADRES_NA_WOORD = re.compile(
    rf"""
    (?i:\b(?:woont|wonen|woonde|wonend|woonachtig|verhuisd|verhuist|verhuizen|woonadres|huisadres
        |thuisadres|adres|ingeschreven)(?:{_SP}\w+){{0,3}}?(?:{_SP}(?:aan|op|in|naar|te)|{_SP}?:)
        {_SP}(?:(?:de|het|'t){_SP})?)
    (?P<straat>[^\W\d_][\w'’-]{{1,40}}(?:{_SP}(?:{_TUSSENWOORD}{_SP}){{0,2}}[^\W\d_][\w'’-]{{1,40}}){{0,2}})
    {_SP}{{1,3}}(?P<nummer>[1-9][0-9]{{0,4}})(?P<toevoeging>{_SP}?-?{_SP}?[a-zA-Z](?!\w)|-[0-9]{{1,4}})?
    (?!\w)(?![.,:/-][0-9])
    """,
    re.VERBOSE,
)
_EXTRA_OF_KLEIN = re.compile(rf"(?:{_EXTRA_SUFFIX})$|^[a-z]")
_STANDAARD_SUFFIX_EIND = re.compile(rf"(?:{_STRAAT_SUFFIX})$")
_GEEN_ONDERWERP = frozenset(
    """artikel art hoofdstuk paragraaf lid bijlage fase stap week jaar maand dag pagina blz nummer
    groep kamer niveau klasse schaal trede versie deel ronde punt tabel figuur regel zin bladzijde
    kwartaal""".split()
)
_NA_NUMMER_EENHEID = re.compile(
    r"\s*(?:%|procent|euro|eur\b|maanden|maand|jaar|jaren|weken|week|dagen|dag|uur|keer|mensen"
    r"|personen|huishoudens|aanvragen|signalen|gemeenten|gevallen|cent|miljoen|duizend)",
    re.IGNORECASE,
)
_POSTBUS = re.compile(r"(?<![\w-])(?i:postbus|antwoordnummer)[ \u00a0]*[0-9]{1,6}(?![\w-])")
_ADRES_VERVOLG = re.compile(rf"(?:,|{_SP})*[1-9][0-9]{{3}}{_SP}?[A-Z]{{2}}(?![\w-])")

_MAANDEN = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MAAND_ALT = "|".join(sorted(_MAANDEN, key=len, reverse=True))
_DATUM = re.compile(
    rf"""
    (?<![\w/.-])
    (?:
        (?P<d1>[0-9]{{1,2}})(?P<sep>[-/.])(?P<m1>[0-9]{{1,2}})(?P=sep)(?P<j1>[0-9]{{4}}|[0-9]{{2}})
      | (?P<d2>[0-9]{{1,2}}){_SP}(?P<m2>{_MAAND_ALT})\.?{_SP}(?P<j2>[0-9]{{4}})
      | (?P<j3>[0-9]{{4}})-(?P<m3>[0-9]{{2}})-(?P<d3>[0-9]{{2}})
    )
    (?!\w)(?![-/.][0-9])
    """,
    re.VERBOSE | re.IGNORECASE,
)
_NA_MAAND = re.compile(rf"{_SP}+(?:{_MAAND_ALT})\b", re.IGNORECASE)
_GEBOORTE_VOOR = re.compile(
    r"\b(?:geboren|geboorte\w*|geb\.?|d\.?o\.?b\.?)(?!\w)",
    re.IGNORECASE,
)
_BELEID_VOOR = re.compile(
    r"""(?:
        \b(?:wet|wetten|besluit|regeling|verordening|beschikking|brief|kamerbrief|uitspraak
           |arrest|vonnis|beslissing|akkoord|convenant)\s+van
      | \b(?:per|sinds|vanaf|tot|tussen|t/m|m\.i\.v\.|d\.d\.|datum:?|stb\.|stcrt\.)
      | \b(?:ingang|periode)\s+van | \bwerking\s+(?:getreden\s+)?op | \btot\s+en\s+met
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_GEBOORTE_VENSTER = 40  # characters before a date searched for a birth keyword
# A date in the same clause as one of these words is a policy or case date.
_BELEID_WOORD = re.compile(
    r"\b(?:invoering|ingevoerd|inwerkingtreding|werking|wetswijziging|wijziging|gewijzigd|afgeschaft"
    r"|afschaffing|peildatum|ingangsdatum|einddatum|vervaldatum|deadline|termijn|besluit|beschikking"
    r"|uitspraak|kamerbrief|brief|wet|regeling|beleid|sinds|vanaf|per|verzonden|ontvangen|gedateerd"
    r"|dagtekening|overgangs\w*|aangenomen|vastgesteld|gepubliceerd|staatsblad|circulaire|motie"
    r"|besloten|vonnis|zitting|hoorzitting|bezwaar\w*|aanvraag|ingediend|toegekend|stopgezet)\b",
    re.IGNORECASE,
)
_BELEID_VENSTER = 50

_L = "[BDFGHJKLMNPRSTVWXZ]"  # letters on Dutch licence plates
_KENTEKEN_VORMEN = (
    rf"{_L}{{2}}-[0-9]{{2}}-[0-9]{{2}}",  # sidecode 1: XX-99-99
    rf"[0-9]{{2}}-[0-9]{{2}}-{_L}{{2}}",  # 2: 99-99-XX
    rf"[0-9]{{2}}-{_L}{{2}}-[0-9]{{2}}",  # 3: 99-XX-99
    rf"{_L}{{2}}-[0-9]{{2}}-{_L}{{2}}",  # 4: XX-99-XX
    rf"{_L}{{2}}-{_L}{{2}}-[0-9]{{2}}",  # 5: XX-XX-99
    rf"[0-9]{{2}}-{_L}{{2}}-{_L}{{2}}",  # 6: 99-XX-XX
    rf"[0-9]{{2}}-{_L}{{3}}-[0-9]",  # 7: 99-XXX-9
    rf"[0-9]-{_L}{{3}}-[0-9]{{2}}",  # 8: 9-XXX-99
    rf"{_L}{{2}}-[0-9]{{3}}-{_L}",  # 9: XX-999-X
    rf"{_L}-[0-9]{{3}}-{_L}{{2}}",  # 10: X-999-XX
    rf"{_L}{{3}}-[0-9]{{2}}-{_L}",  # 11: XXX-99-X
    rf"{_L}-[0-9]{{2}}-{_L}{{3}}",  # 12: X-99-XXX
    rf"[0-9]-{_L}{{2}}-[0-9]{{3}}",  # 13: 9-XX-999
    rf"[0-9]{{3}}-{_L}{{2}}-[0-9]",  # 14: 999-XX-9
)
# Also written without hyphens ("12BV34"): drop the separators, not the '-' inside [0-9].
_KENTEKEN_ZONDER = tuple(v.replace("]-", "]").replace("}-", "}") for v in _KENTEKEN_VORMEN)
_POSTCODE_VORM = re.compile(r"[0-9]{4}[A-Z]{2}")
_KENTEKEN_WOORD = re.compile(r"\b(?:kenteken\w*|nummerbord|auto|voertuig|wagen|motor|scooter|reed|rijdt)\b", re.IGNORECASE)
_KENTEKEN = re.compile(rf"(?<![\w-])(?:{'|'.join(_KENTEKEN_VORMEN + _KENTEKEN_ZONDER)})(?![\w-])")

# A municipality's 14-number ("14 020", "14 0299"): public, and never part of another number.
_ORGANISATIENUMMER = re.compile(r"(?<![\w+/.,:-])14[ \u00a0-]?0[0-9]{2,3}(?![\w-])(?![.,/:-][0-9])")

_ALNUM = re.compile(r"[^\W_]")
_WITRUIMTE = re.compile(r"\s+")

# --------------------------------------------------------------------------- detectors

_Kandidaat = tuple[Soort | None, int, int]  # soort None: an organisation's detail, kept out


def _bsn(tekst: str) -> Iterator[_Kandidaat]:
    for m in _BSN.finditer(tekst):
        eind = m.end()
        cijfers = re.sub(r"[^0-9]", "", tekst[m.start() : eind])
        if not stdnum_bsn.is_valid(cijfers):
            continue
        voor = tekst[max(0, m.start() - 40) : m.start()]
        met_woord = _BSN_WOORD.search(voor) is not None
        if m.group("staart") and not (met_woord or re.match(r"[/,][0-9]{9}(?![0-9])", tekst[eind : eind + 11])):
            continue  # "200.123.456/01": a case number, unless called a BSN or followed by another one
        if _BEDRAG_VOOR.search(tekst, max(0, m.start() - 8), m.start()) or _BEDRAG_NA.match(
            tekst, eind, eind + 8
        ):
            continue  # an amount of money
        if not met_woord and _KENMERK_VOOR.search(voor):
            continue  # an RSIN, KvK or case number: same 11-proef, not a person's number
        yield Soort.BSN, m.start(), eind
    for m in _BSN_ACHT.finditer(tekst):
        if stdnum_bsn.is_valid("0" + m.group()) and _BSN_WOORD.search(tekst, max(0, m.start() - 40), m.start()):
            yield Soort.BSN, m.start(), m.end()


def _iban(tekst: str) -> Iterator[_Kandidaat]:
    pos = 0
    while (m := _IBAN.search(tekst, pos)) is not None:
        # The pattern may swallow following words ("... 00 is"); keep the longest
        # prefix that ends on a token boundary and carries a valid IBAN. The
        # mod-97 remainder is kept incrementally so stdnum only sees real hits.
        kop = tekst[m.start() : m.start() + 4]
        kop_rest = int(f"{_iban_cijfers(kop[:2])}{kop[2:]}")
        rest = 0
        lengte = 4
        beste = None
        for i in range(m.start() + 4, m.end()):
            teken = tekst[i]
            if teken.isspace():
                continue
            rest = (rest * 100 + int(teken, 36)) % 97 if teken.isalpha() else (rest * 10 + int(teken)) % 97
            lengte += 1
            volgende = tekst[i + 1] if i + 1 < len(tekst) else " "
            if (
                lengte >= 15
                and not volgende.isalnum()
                and (rest * 1_000_000 + kop_rest) % 97 == 1
                and stdnum_iban.is_valid(tekst[m.start() : i + 1])
            ):
                beste = i + 1
        if beste is None:
            pos = m.start() + 1
            continue
        if not organisatie.in_organisatiecontext(tekst, m.start(), beste):
            yield Soort.IBAN, m.start(), beste
        pos = beste


def _iban_cijfers(letters: str) -> str:
    """IBAN letter encoding: A=10 … Z=35."""
    return "".join(str(int(c, 36)) for c in letters)


def _email(tekst: str) -> Iterator[_Kandidaat]:
    for patroon in (_EMAIL, _EMAIL_WOORD):
        for m in patroon.finditer(tekst):
            if patroon is _EMAIL_WOORD and not re.search(r"\s(?:punt|dot|apenstaartje)\s|\s(?:at)\s", m.group(), re.I):
                continue  # an ordinary address is found by _EMAIL
            if organisatie.is_functioneel_mailadres(m.group()):
                continue  # info@..., klantcontact@...: an organisation's mailbox
            yield Soort.EMAIL, m.start(), m.end()


def _nl_nationaal(cijfers: str) -> bool:
    return (
        len(cijfers) == 10
        and cijfers[0] == "0"
        and (cijfers[1] in "1234567" or cijfers[:3] in _NL_NIET_GEOGRAFISCH)
    )


def _is_telefoonnummer(geschreven: str) -> bool:
    cijfers = re.sub(r"[^0-9]", "", geschreven)
    if geschreven.startswith("+"):
        internationaal = cijfers
    elif cijfers.startswith("00"):
        internationaal = cijfers[2:]
    else:
        return _nl_nationaal(cijfers)
    if internationaal.startswith("31"):
        rest = internationaal[2:]
        if rest.startswith("0"):  # +31 (0)20 ...
            rest = rest[1:]
        return _nl_nationaal("0" + rest)
    # Foreign number (E.164: at most 15 digits including the country code).
    return 8 <= len(internationaal) <= 15 and internationaal[:1] not in ("", "0")


def _is_organisatietelefoon(tekst: str, start: int, eind: int) -> bool:
    cijfers = re.sub(r"[^0-9]", "", tekst[start:eind])
    if cijfers.startswith("0031") or cijfers.startswith("31"):
        cijfers = "0" + cijfers.removeprefix("00").removeprefix("31").removeprefix("0")
    if organisatie.is_organisatienummer(cijfers):
        return True
    # A mobile number is a person's; a landline named with an organisation is the organisation's.
    return not cijfers.startswith("06") and organisatie.in_organisatiecontext(tekst, start, eind)


def _telefoon(tekst: str) -> Iterator[_Kandidaat]:
    for m in _TEL.finditer(tekst):
        delen = [
            (d.start() + m.start(), d.end() + m.start(), sum(c.isdigit() for c in d.group()))
            for d in _TEL_DEEL.finditer(m.group())
        ]
        # A run may hold several numbers ("06 12345678 020 1234567"): take, from
        # left to right, the longest run of consecutive groups that is a number.
        i = 0
        while i < len(delen):
            for j in range(len(delen), i, -1):
                if not 8 <= sum(d[2] for d in delen[i:j]) <= 17:
                    continue  # cheap reject: no phone number has this many digits
                start, eind = delen[i][0], delen[j - 1][1]
                if _is_telefoonnummer(tekst[start:eind]):
                    if not _is_organisatietelefoon(tekst, start, eind):
                        yield Soort.TELEFOON, start, eind
                    i = j
                    break
            else:
                i += 1


def _postcode(tekst: str) -> Iterator[_Kandidaat]:
    for m in _POSTCODE.finditer(tekst):
        if _ARTIKEL_VOOR.search(tekst, max(0, m.start() - 12), m.start()):
            continue  # "art. 1401 BW"
        if m.group()[-2:] in _EENHEID_LETTERS and not (
            _NA_HUISNUMMER.search(tekst, max(0, m.start() - 12), m.start()) or _PLAATSNAAM_NA.match(tekst, m.end())
        ):
            continue  # "1024 MB": a unit
        if organisatie.in_organisatiecontext(tekst, m.start(), m.end()):
            continue
        yield Soort.POSTCODE, m.start(), m.end()


def _is_huisnummer(tekst: str, m: re.Match[str]) -> bool:
    nummer = m.group("nummer")
    if not m.group("toevoeging") and len(nummer) == 4 and nummer[:2] in ("19", "20"):
        return False  # "Arbeidsmarkt 2025": a year, not a house number
    if _NA_MAAND.match(tekst, m.end()) or _NA_NUMMER_EENHEID.match(tekst, m.end()):
        return False  # "Gerechtshof 12 maart", "arbeidsmarkt 12 procent"
    return True


def _adres_of_organisatie(tekst: str, start: int, eind: int) -> _Kandidaat:
    """An address, or the region of an organisation's address (with its postcode)."""
    if organisatie.in_organisatiecontext(tekst, start, eind):
        vervolg = _ADRES_VERVOLG.match(tekst, eind)
        return None, start, vervolg.end() if vervolg else eind
    return Soort.ADRES, start, eind


def _adres(tekst: str) -> Iterator[_Kandidaat]:
    for m in _ADRES.finditer(tekst):
        if _is_huisnummer(tekst, m):
            yield _adres_of_organisatie(tekst, m.start(), m.end())
    for m in _ADRES_NA_WOORD.finditer(tekst):
        if m.group("straat").casefold() not in _GEEN_ONDERWERP and _is_huisnummer(tekst, m):
            yield _adres_of_organisatie(tekst, m.start("straat"), m.end())
    straten = None
    for m in _ADRES_EXTRA.finditer(tekst):
        if not _is_huisnummer(tekst, m):
            continue
        straat = m.group("straat")
        if _EXTRA_OF_KLEIN.search(straat):
            yield _adres_of_organisatie(tekst, m.start(), m.end())
            continue
        if " " not in straat and _STANDAARD_SUFFIX_EIND.search(straat):
            continue  # found by _ADRES already; longer names ("Burgemeester de Withstraat") are looked up
        straten = straten if straten is not None else lijsten.straten()
        # "In Kerkbrink 5": try the name from each of its words onwards.
        for w in re.finditer(r"(?<!\S)[A-Z]", straat):
            kandidaat = straat[w.start() :].casefold()
            if kandidaat in straten and kandidaat.split()[0] not in _GEEN_ONDERWERP:
                yield _adres_of_organisatie(tekst, m.start() + w.start(), m.end())
                break
    for m in _POSTBUS.finditer(tekst):
        yield _adres_of_organisatie(tekst, m.start(), m.end())


def _als_datum(m: re.Match[str], peiljaar: int) -> tuple[dt.date | None, bool]:
    """The date in a match, and whether its year was written with four digits."""
    if m.group("d1"):
        dag, maand, jaar = int(m.group("d1")), int(m.group("m1")), m.group("j1")
    elif m.group("d2"):
        dag, maand, jaar = int(m.group("d2")), _MAANDEN[m.group("m2").lower()], m.group("j2")
    else:
        dag, maand, jaar = int(m.group("d3")), int(m.group("m3")), m.group("j3")
    volledig = len(jaar) == 4
    jaartal = int(jaar)
    if not volledig:  # two-digit year: the most recent past century that fits
        jaartal += 2000 if jaartal <= peiljaar % 100 else 1900
    try:
        return dt.date(jaartal, maand, dag), volledig
    except ValueError:
        return None, volledig


def _geboortedatum(tekst: str, peildatum: dt.date) -> Iterator[_Kandidaat]:
    vorige_eind = 0
    for m in _DATUM.finditer(tekst):
        datum, volledig = _als_datum(m, peildatum.year)
        if datum is None:
            continue
        # A birth keyword belongs to the first date after it, not to later ones.
        venster_start = max(vorige_eind, m.start() - _GEBOORTE_VENSTER)
        vorige_eind = m.end()
        if _GEBOORTE_VOOR.search(tekst, venster_start, m.start()):
            yield Soort.GEBOORTEDATUM, m.start(), m.end()
        elif (
            volledig
            and 1900 <= datum.year <= peildatum.year - 10
            and not _BELEID_VOOR.search(tekst, max(0, m.start() - 30), m.start())
            and not _BELEID_WOORD.search(tekst, _clausebegin(tekst, m.start()), m.start())
        ):
            yield Soort.GEBOORTEDATUM, m.start(), m.end()


def _clausebegin(tekst: str, start: int) -> int:
    begin = max(0, start - _BELEID_VENSTER)
    for m in re.finditer(r"[.;:!?\n(](?:\s|$)", tekst[begin:start]):
        begin_nieuw = begin + m.end()
        begin = begin_nieuw if begin_nieuw <= start else begin
    return begin


def _kenteken(tekst: str) -> Iterator[_Kandidaat]:
    for m in _KENTEKEN.finditer(tekst):
        if _POSTCODE_VORM.fullmatch(m.group()) and not _KENTEKEN_WOORD.search(tekst, max(0, m.start() - 30), m.start()):
            continue  # "1234AB" is a postcode unless it is called a licence plate
        yield Soort.KENTEKEN, m.start(), m.end()


# --------------------------------------------------------------------------- public API


def vind_persoonsgegevens(tekst: str, *, peildatum: dt.date | None = None) -> list[Vondst]:
    """All personal data in ``tekst``, sorted by position, never overlapping.

    ``peildatum`` (default: today, from the Schakel clock) anchors the
    "at least ten years ago" rule for dates of birth.
    """
    if not tekst:
        return []
    peildatum = peildatum or clock.today()
    kandidaten: list[_Kandidaat] = [
        *_email(tekst),
        *_iban(tekst),
        *_bsn(tekst),
        *_kenteken(tekst),
        *_geboortedatum(tekst, peildatum),
        *_telefoon(tekst),
        *_postcode(tekst),
        *_adres(tekst),
        *((Soort.NAAM, start, eind) for start, eind in namen.vind_namen(tekst)),
        *((None, m.start(), m.end()) for m in _ORGANISATIENUMMER.finditer(tekst)),
    ]
    kandidaten.sort(key=lambda k: (_RANG.get(k[0], -1), k[1] - k[2], k[1]))
    bezet = bytearray(len(tekst))
    gekozen: list[_Kandidaat] = []
    for soort, start, eind in kandidaten:
        if bezet.find(1, start, eind) != -1:
            continue
        bezet[start:eind] = b"\x01" * (eind - start)
        if soort is not None:
            gekozen.append((soort, start, eind))
    gekozen.sort(key=lambda k: k[1])
    return [Vondst(soort, start, eind, tekst[start:eind]) for soort, start, eind in gekozen]


def bevat_persoonsgegevens(tekst: str) -> bool:
    """True when ``tekst`` holds any personal data."""
    return bool(vind_persoonsgegevens(tekst))


def maskeer(tekst: str) -> str:
    """``tekst`` with every finding replaced by ``[verwijderd: <soort>]``."""
    delen: list[str] = []
    vorige = 0
    for vondst in vind_persoonsgegevens(tekst):
        delen.append(tekst[vorige : vondst.start])
        delen.append(f"[verwijderd: {vondst.soort}]")
        vorige = vondst.eind
    delen.append(tekst[vorige:])
    return "".join(delen)


def meldingen(tekst: str) -> list[str]:
    """Plain-Dutch instructions, one per distinct finding, in order of appearance."""
    aantallen: dict[tuple[Soort, str], int] = {}
    eerste: dict[tuple[Soort, str], Vondst] = {}
    for vondst in vind_persoonsgegevens(tekst):
        sleutel = (vondst.soort, _WITRUIMTE.sub(" ", vondst.fragment).casefold())
        aantallen[sleutel] = aantallen.get(sleutel, 0) + 1
        eerste.setdefault(sleutel, vondst)
    uit: list[str] = []
    for sleutel, vondst in eerste.items():
        melding = vondst.melding
        if (n := aantallen[sleutel]) > 1:
            melding = f"{melding[:-1]} (het staat er {n} keer in)."
        uit.append(melding)
    return uit


def controleer_velden(velden: Mapping[str, str | None]) -> dict[str, list[str]]:
    """Field name → messages, only for fields that contain personal data.

    Suited to form ``add_error`` and to ``ValidationError`` dicts; empty and
    ``None`` values are skipped.
    """
    fouten: dict[str, list[str]] = {}
    for veld, waarde in velden.items():
        if not waarde:
            continue
        if berichten := meldingen(str(waarde)):
            fouten[veld] = berichten
    return fouten


def _verkort(fragment: str) -> str:
    """Quote enough of a fragment to find it, not enough to leak it.

    Keeps the first four and last three letters/digits ('1234…782'); short
    fragments keep two at each end ('12…AB').
    """
    fragment = _WITRUIMTE.sub(" ", fragment).strip()
    posities = [m.start() for m in _ALNUM.finditer(fragment)]
    n = len(posities)
    if n <= 4:
        return fragment[:1] + "…"
    kop, staart = (4, 3) if n > 8 else (2, 2)
    return fragment[: posities[kop - 1] + 1] + "…" + fragment[posities[n - staart] :]
