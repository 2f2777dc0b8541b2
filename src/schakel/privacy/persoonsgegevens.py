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
    (?!\w)(?![.,/-][0-9])
    """,
    re.VERBOSE,
)
_BEDRAG_VOOR = re.compile(r"(?:€|\beur\.?|\beuro)\s*$", re.IGNORECASE)
_RSIN_VOOR = re.compile(r"\b(?:rsin|fiscaal\s+nummer)\W{0,3}$", re.IGNORECASE)
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
    rf"(?<![\w-])[1-9][0-9]{{3}}{_SP}?(?!SA|SD|SS|KB|MB|GB|TB|KW|MW|GW|PK)[A-Z]{{2}}(?![\w-])"
)
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
_KENTEKEN = re.compile(rf"(?<![\w-])(?:{'|'.join(_KENTEKEN_VORMEN)})(?![\w-])")

_ALNUM = re.compile(r"[^\W_]")
_WITRUIMTE = re.compile(r"\s+")

# --------------------------------------------------------------------------- detectors

_Kandidaat = tuple[Soort, int, int]


def _bsn(tekst: str) -> Iterator[_Kandidaat]:
    for m in _BSN.finditer(tekst):
        cijfers = re.sub(r"[^0-9]", "", m.group())
        if not stdnum_bsn.is_valid(cijfers):
            continue
        if _BEDRAG_VOOR.search(tekst, max(0, m.start() - 8), m.start()) or _BEDRAG_NA.match(
            tekst, m.end(), m.end() + 8
        ):
            continue  # an amount of money
        if _RSIN_VOOR.search(tekst, max(0, m.start() - 20), m.start()):
            continue  # an organisation's RSIN uses the same 11-proef
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
        yield Soort.IBAN, m.start(), beste
        pos = beste


def _iban_cijfers(letters: str) -> str:
    """IBAN letter encoding: A=10 … Z=35."""
    return "".join(str(int(c, 36)) for c in letters)


def _email(tekst: str) -> Iterator[_Kandidaat]:
    for m in _EMAIL.finditer(tekst):
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
                    yield Soort.TELEFOON, start, eind
                    i = j
                    break
            else:
                i += 1


def _postcode(tekst: str) -> Iterator[_Kandidaat]:
    for m in _POSTCODE.finditer(tekst):
        if _ARTIKEL_VOOR.search(tekst, max(0, m.start() - 12), m.start()):
            continue  # "art. 1401 BW"
        yield Soort.POSTCODE, m.start(), m.end()


def _adres(tekst: str) -> Iterator[_Kandidaat]:
    for m in _ADRES.finditer(tekst):
        nummer = m.group("nummer")
        if not m.group("toevoeging") and len(nummer) == 4 and nummer[:2] in ("19", "20"):
            continue  # "Arbeidsmarkt 2025": a year, not a house number
        if _NA_MAAND.match(tekst, m.end()):
            continue  # "Gerechtshof 12 maart": a date
        yield Soort.ADRES, m.start(), m.end()


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
        ):
            yield Soort.GEBOORTEDATUM, m.start(), m.end()


def _kenteken(tekst: str) -> Iterator[_Kandidaat]:
    for m in _KENTEKEN.finditer(tekst):
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
    ]
    kandidaten.sort(key=lambda k: (_RANG[k[0]], k[1] - k[2], k[1]))
    bezet = bytearray(len(tekst))
    gekozen: list[_Kandidaat] = []
    for soort, start, eind in kandidaten:
        if bezet.find(1, start, eind) != -1:
            continue
        bezet[start:eind] = b"\x01" * (eind - start)
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
