"""A labelled evaluation set for the personal-data guard, built by slot filling.

Method (see docs/privacy.md): sentence frames written as a caseworker, a client
adviser or an ombudsman would report a problem, with typed slots. Filling a slot
draws a value from a seeded random generator (valid BSNs and IBANs are computed,
not copied) in one of several notations, and records its span and kind. Slots for
organisations' public contact details, policy dates, case numbers and officials'
names produce text that must NOT be flagged and carry no label.

The frames and the value pools are split in two disjoint halves: ``dev`` (looked at
while writing the rules) and ``toets`` (held out; only its figures are reported).
Neither half reuses the wording of tests/privacy.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from stdnum import iban as stdnum_iban


@dataclass(frozen=True)
class Label:
    soort: str
    start: int
    eind: int


@dataclass(frozen=True)
class Voorbeeld:
    tekst: str
    labels: tuple[Label, ...]
    deel: str  # "dev" or "toets"
    sjabloon: int


@dataclass
class _Pools:
    voornamen: list[str]
    achternamen: list[str]
    straten: list[str]
    plaatsen: list[str]
    organisaties: list[tuple[str, str]]  # (name, mail domain)
    ambten: list[str]
    extra: dict[str, list[str]] = field(default_factory=dict)


_POOLS = {
    "dev": _Pools(
        voornamen=["Sanne", "Mohamed", "Ingrid", "Kees", "Fatma", "Dirk", "Anouk", "Youssef", "Wilma", "Thijs"],
        achternamen=["Jansen", "de Jong", "Bakker", "van Dijk", "Visser", "El Amrani", "Smit", "Meijer",
                     "de Boer", "Yilmaz", "van den Berg", "Kok"],
        straten=["Dorpsstraat", "Kerkbrink", "Beukenlaan", "Achter de Hoven", "Molenweg", "Nieuwe Binnenweg",
                 "Vismarkt", "Spoorsingel"],
        plaatsen=["Zwolle", "Tilburg", "Assen", "Leiden", "Almere"],
        organisaties=[("het UWV", "uwv.nl"), ("de SVB", "svb.nl"), ("de gemeente Tilburg", "tilburg.nl"),
                      ("de Belastingdienst", "belastingdienst.nl"), ("het CAK", "hetcak.nl")],
        ambten=["minister Van Hijum", "staatssecretaris Nijboer", "wethouder De Graaf", "Kamerlid Omtzigt"],
    ),
    "toets": _Pools(
        voornamen=["Petra", "Ahmed", "Marloes", "Henk", "Samira", "Bram", "Esther", "Mehmet", "Joke", "Ruben"],
        achternamen=["Peters", "de Vries", "Mulder", "van Leeuwen", "Hendriks", "Ouali", "Dekker", "Bos",
                     "van der Meer", "Kaya", "de Groot", "Willems"],
        straten=["Hoofdstraat", "Beukenhorst", "Oudegracht", "Lange Voorhout", "Turfmarkt", "Molenwerf",
                 "Koningshof", "Ganzenmarkt"],
        plaatsen=["Deventer", "Breda", "Emmen", "Haarlem", "Venlo"],
        organisaties=[("DUO", "duo.nl"), ("het CJIB", "cjib.nl"), ("de gemeente Breda", "breda.nl"),
                      ("Dienst Toeslagen", "toeslagen.nl"), ("de IND", "ind.nl")],
        ambten=["minister-president Schoof", "staatssecretaris Van Oostenbruggen", "burgemeester Halsema",
                "Kamerlid Kwint"],
    ),
}
_POOLS["dev"].extra = {"functie": ["info", "klantcontact", "wmo", "bezwaar"]}
_POOLS["toets"].extra = {"functie": ["contact", "servicedesk", "klachten", "schuldhulp"]}

# --------------------------------------------------------------------------- value makers
# Each returns (text, kind or None). Kind None: must not be flagged.

_Maker = Callable[[random.Random, _Pools], tuple[str, str | None]]


def _bsn_cijfers(rng: random.Random, voorloopnul: bool = False) -> str:
    while True:
        cijfers = ("0" if voorloopnul else str(rng.randint(1, 9))) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1))) - int(cijfers[8])
        if som % 11 == 0 and cijfers[:8] != "00000000":
            return cijfers


def _bsn(rng, _p):
    c = _bsn_cijfers(rng)
    vorm = rng.choice(["{}", "{}.{}.{}", "{} {} {}", "{}-{}-{}"])
    return (c if vorm == "{}" else vorm.format(c[:3], c[3:6], c[6:])), "bsn"


def _bsn_acht(rng, _p):
    return _bsn_cijfers(rng, voorloopnul=True)[1:], "bsn"


def _iban(rng, _p, bank: str | None = None):
    bank = bank or rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"])
    basis = f"NL00{bank}{rng.randint(10**9, 10**10 - 1)}"
    nummer = f"NL{stdnum_iban.calc_check_digits(basis)}{basis[4:]}"
    if rng.random() < 0.5:
        nummer = " ".join(nummer[i : i + 4] for i in range(0, len(nummer), 4))
    return (nummer.lower() if rng.random() < 0.15 else nummer), "iban"


def _email(rng, p):
    v, a = rng.choice(p.voornamen).lower(), rng.choice(p.achternamen).lower().replace(" ", "")
    domein = rng.choice(["gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "outlook.com", "live.nl"])
    vorm = rng.choice(["{v}.{a}@{d}", "{v}{a}@{d}", "{v0}.{a}{n}@{d}", "{a}.{v}@{d}"])
    return vorm.format(v=v, a=a, v0=v[0], n=rng.randint(1, 99), d=domein), "email"


def _email_gespeld(rng, p):
    v, a = rng.choice(p.voornamen).lower(), rng.choice(p.achternamen).split()[-1].lower()
    d, tld = rng.choice([("gmail", "com"), ("hotmail", "com"), ("ziggo", "nl"), ("live", "nl")])
    at = rng.choice(["apenstaartje", "at"])
    return f"{v} punt {a} {at} {d} punt {tld}", "email"


def _mobiel(rng, _p):
    c = f"06{rng.randint(10**7, 10**8 - 1)}"
    vorm = rng.choice(["{}-{}", "{} {}", "+31 6 {}", "{}{}", "06 {} {}"])
    if vorm == "+31 6 {}":
        return f"+31 6 {c[2:]}", "telefoon"
    if vorm == "06 {} {}":
        return f"06 {c[2:6]} {c[6:]}", "telefoon"
    return vorm.format(c[:2], c[2:]), "telefoon"


def _vast(rng, _p):
    net = rng.choice(["010", "020", "030", "040", "050", "070", "0591", "0570", "076"])
    rest = "".join(str(rng.randint(0, 9)) for _ in range(10 - len(net)))
    rest = str(rng.randint(2, 9)) + rest[1:]
    return rng.choice([f"{net}-{rest}", f"{net} {rest}", f"({net}) {rest}"]), "telefoon"


def _postcode_waarde(rng) -> str:
    while True:
        letters = "".join(rng.choice("ABCEGHJKLMNPRTVWXZ") for _ in range(2))
        if letters not in {"SA", "SD", "SS"}:
            return f"{rng.randint(1000, 9999)}{rng.choice([' ', ''])}{letters}"


def _postcode(rng, _p):
    return _postcode_waarde(rng), "postcode"


def _adres(rng, p):
    straat = rng.choice(p.straten)
    nummer = str(rng.randint(1, 220)) + rng.choice(["", "", "", "a", " B", "-2", " bis"])
    if rng.random() < 0.2:
        straat = straat.lower()
    return f"{straat} {nummer}", "adres"


def _kenteken(rng, _p):
    l = lambda n: "".join(rng.choice("BDFGHJKLNPRSTVXZ") for _ in range(n))  # noqa: E731
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    vorm = rng.choice([(d(2), l(2), d(2)), (l(2), d(3), l(1)), (d(1), l(3), d(2)), (l(2), d(2), l(2)), (d(2), l(3), d(1))])
    return ("-" if rng.random() < 0.5 else "").join(vorm), "kenteken"


_MAAND = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def _datum(rng, jaar_van: int, jaar_tot: int) -> str:
    d, m, j = rng.randint(1, 28), rng.randint(1, 12), rng.randint(jaar_van, jaar_tot)
    return rng.choice([f"{d}-{m}-{j}", f"{d:02d}-{m:02d}-{j}", f"{d} {_MAAND[m - 1]} {j}", f"{d:02d}/{m:02d}/{j}"])


def _geboortedatum(rng, _p):
    return _datum(rng, 1935, 2004), "geboortedatum"


def _beleidsdatum(rng, _p):
    return _datum(rng, 1995, 2015), None


def _naam_aanspreek(rng, p):
    return rng.choice(p.achternamen), "naam"


def _naam_vol(rng, p):
    return f"{rng.choice(p.voornamen)} {rng.choice(p.achternamen)}", "naam"


def _voornaam(rng, p):
    return rng.choice(p.voornamen), "naam"


def _ambt(rng, p):
    return rng.choice(p.ambten), None


def _org(rng, p):
    return rng.choice(p.organisaties)[0], None


def _org_mail(rng, p):
    return f"{rng.choice(p.extra['functie'])}@{rng.choice(p.organisaties)[1]}", None


def _org_088(rng, _p):
    return rng.choice(["088 ", "088-", "088 - "]) + str(rng.randint(1000000, 9999999)), None


def _org_14(rng, _p):
    return rng.choice(["14 0", "140"]) + str(rng.randint(10, 599)), None


def _org_postbus(rng, p):
    return f"Postbus {rng.randint(10, 99999)}, {_postcode_waarde(rng)} {rng.choice(p.plaatsen)}", None


def _org_iban(rng, p):
    return _iban(rng, p, bank=rng.choice(["INGB", "ABNA", "BNGH"]))[0], None


def _rsin_kvk(rng, _p):
    soort = rng.choice(["RSIN ", "KvK-nummer ", "KvK ", "fiscaal nummer "])
    cijfers = _bsn_cijfers(rng)
    return soort + (cijfers[1:] if soort.startswith("KvK") else cijfers), None  # KvK numbers have 8 digits


def _zaaknummer(rng, _p):
    return rng.choice(["zaaknummer ", "dossiernummer ", "ons kenmerk ", "aanvraagnummer "]) + _bsn_cijfers(rng), None


def _kantooradres(rng, p):
    return f"{rng.choice(p.straten)} {rng.randint(1, 300)}, {_postcode_waarde(rng)} {rng.choice(p.plaatsen)}", None


def _burger_postbus(rng, _p):
    return f"Postbus {rng.randint(10, 9999)}", "adres"


_MAKERS: dict[str, _Maker] = {
    "bsn": _bsn, "bsn8": _bsn_acht, "iban": _iban, "email": _email, "email_gespeld": _email_gespeld,
    "mobiel": _mobiel, "vast": _vast, "postcode": _postcode, "adres": _adres, "kenteken": _kenteken,
    "geboortedatum": _geboortedatum, "beleidsdatum": _beleidsdatum, "naam_a": _naam_aanspreek,
    "naam": _naam_vol, "voornaam": _voornaam, "ambt": _ambt, "org": _org, "org_mail": _org_mail,
    "org_088": _org_088, "org_14": _org_14, "org_postbus": _org_postbus, "org_iban": _org_iban,
    "rsin_kvk": _rsin_kvk, "zaaknummer": _zaaknummer, "kantooradres": _kantooradres,
    "burger_postbus": _burger_postbus, "plaats": lambda rng, p: (rng.choice(p.plaatsen), None),
}

# --------------------------------------------------------------------------- frames

_DEV = [
    "Bij het spreekuur kwam mevrouw {naam_a} langs met een brief van {org}. Haar BSN {bsn} staat verkeerd in de basisregistratie.",
    "De heer {naam_a} (geb. {geboortedatum}) kreeg een terugvordering. Hij woont op {adres}, {postcode} {plaats}.",
    "{naam} belde ons. Ze is bereikbaar op {mobiel}; haar rekening is {iban}.",
    "Cliënt {naam_a} kan de regeling niet aanvragen. Sinds de invoering op {beleidsdatum} is het formulier gewijzigd.",
    "Voor vragen kunt u {org} bellen op {org_088} of mailen naar {org_mail}.",
    "Burgers kunnen de gemeente bellen via {org_14}. Bezwaar schrijft u naar {org}, {org_postbus}.",
    "Het bedrag moet worden overgemaakt op {org_iban} t.n.v. {org}. Vermeld {zaaknummer}.",
    "De stichting staat ingeschreven onder {rsin_kvk}. {ambt} heeft in een brief van {beleidsdatum} beloofd te kijken.",
    "Zijn auto met kenteken {kenteken} werd in beslag genomen, terwijl de boete al betaald was.",
    "Ik stuurde een mail naar {email} maar kreeg geen antwoord. Mijn nummer is {vast}.",
    "Haar zoon {voornaam} staat bij ons ingeschreven; zij gebruikt een eigen {burger_postbus}, {postcode} {plaats}.",
    "Het burgerservicenummer {bsn8} werd in Excel zonder voorloopnul opgeslagen (bsn: {bsn8}).",
    "Mail de klant op {email_gespeld} zodat hij zijn stukken kan sturen.",
    "Het kantoor van {org} aan de {kantooradres} is sinds {beleidsdatum} gesloten.",
    "Volgens {ambt} moet {org} sneller beslissen. Mevrouw {naam_a} wacht al een jaar.",
    "Aanvrager {naam} woont aan de {adres} en heeft geen vaste telefoon.",
    "Meneer {naam_a} is geboren op {geboortedatum} en heeft bsn {bsn}/ volgens de brief.",
    "De werkgever van {naam} betaalde loon uit op {iban}. Het UWV hield geen rekening met de regeling van {beleidsdatum}.",
    "Neem contact op met {org} via {org_088}. Uw eigen gegevens stuurt u niet per e-mail.",
    "Betrokkene {naam_a} reed in {kenteken} en kreeg een aanslag voor het verkeerde voertuig.",
]
_TOETS = [
    "Vanmorgen meldde de heer {naam_a} zich aan de balie. Zijn burgerservicenummer is {bsn} en hij kreeg twee beschikkingen.",
    "Mevrouw {naam_a}, geboren {geboortedatum}, woont sinds kort op {adres} in {plaats}.",
    "{naam} heeft telefoonnummer {mobiel}; zij vroeg ons de toeslag te storten op {iban}.",
    "Klant {naam_a} snapt de brief niet: per {beleidsdatum} geldt een andere inkomensgrens.",
    "Het algemene nummer van {org} is {org_088}; het mailadres is {org_mail}.",
    "Inwoners bellen het gemeentelijke nummer {org_14} of schrijven naar {org}, {org_postbus}.",
    "Betalen kan op {org_iban} ten name van {org}, onder vermelding van {zaaknummer}.",
    "De vereniging heeft {rsin_kvk}. Sinds de wetswijziging van {beleidsdatum} moet ze dat elk jaar melden.",
    "Het voertuig {kenteken} staat op naam van de cliënt, maar de boete ging naar een ander.",
    "Hij schreef vanaf {email} dat hij niet kon inloggen. Terugbellen kan op {vast}.",
    "Haar dochter {voornaam} ontvangt de post op {burger_postbus}, {postcode} {plaats}, omdat zij dakloos is.",
    "Op het formulier stond BSN {bsn8}, de nul vooraan was weggevallen.",
    "Hij gaf zijn adres door als {email_gespeld}.",
    "De vestiging van {org} op de {kantooradres} gaat dicht.",
    "{ambt} stelde dat {org} de termijn moet halen, maar de heer {naam_a} hoorde niets.",
    "Verzoeker {naam} staat ingeschreven op {adres}, {postcode}.",
    "Meneer {naam_a} ({geboortedatum}) gaf BSN {bsn}/ op, met de schuine streep erachter.",
    "De uitkering van {naam} kwam terecht op {iban}, een rekening die al sinds {beleidsdatum} is opgeheven.",
    "U bereikt {org} op werkdagen via {org_088}.",
    "Bewoner {naam_a} parkeerde {kenteken} op eigen terrein en kreeg toch een naheffing.",
]


def _vul(sjabloon: str, rng: random.Random, pools: _Pools) -> tuple[str, tuple[Label, ...]]:
    delen: list[str] = []
    labels: list[Label] = []
    lengte = 0
    vorige = 0
    for m in re.finditer(r"\{(\w+)\}", sjabloon):
        tussen = sjabloon[vorige : m.start()]
        delen.append(tussen)
        lengte += len(tussen)
        waarde, soort = _MAKERS[m.group(1)](rng, pools)
        if soort:
            labels.append(Label(soort, lengte, lengte + len(waarde)))
        delen.append(waarde)
        lengte += len(waarde)
        vorige = m.end()
    delen.append(sjabloon[vorige:])
    return "".join(delen), tuple(labels)


def bouw(aantal_per_deel: int = 150, seed: int = 23) -> list[Voorbeeld]:
    """The evaluation set: ``aantal_per_deel`` texts for ``dev`` and for ``toets``."""
    uit: list[Voorbeeld] = []
    for deel, sjablonen in (("dev", _DEV), ("toets", _TOETS)):
        rng = random.Random(f"{seed}-{deel}")
        for i in range(aantal_per_deel):
            nr = i % len(sjablonen)
            tekst, labels = _vul(sjablonen[nr], rng, _POOLS[deel])
            uit.append(Voorbeeld(tekst, labels, deel, nr))
    return uit
