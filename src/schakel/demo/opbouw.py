"""Build the demo data set: accounts per role and organisation, and a few hundred signals
with answers, commitments and a real audit trail.

Everything goes through :mod:`schakel.signalen.services`, with the clock moved back to
the moment each step happened (:func:`schakel.core.clock.travel`). The whole history is
planned first from a seeded random generator and then played in chronological order,
so that reference numbers follow filing dates, every explain is checked against the
explains that existed at that moment, and the same seed gives the same data set.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q

from schakel.accounts.models import Rol, User
from schakel.core import clock
from schakel.regelingen import importeren
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen import services
from schakel.signalen.models import (
    Besluit,
    Niveau,
    Oorzaak,
    Reactie,
    Signaal,
    SignaalSoort,
    Toezegging,
    ToezeggingStatus,
)
from schakel.signalen.workflow import Status
from schakel.termijnen import kalender
from schakel.termijnen.selecties import is_overschreden_q

from .casussen import CASUSSEN, Casus

DEMO_WACHTWOORD = "schakel-demo-2026"
BEHEERDER = "beheer"
PERIODE_DAGEN = 425  # about fourteen months of history

# Which accounts each kind of organisation gets: (username prefix, role).
UITVOERDERSACCOUNTS = (("melder", Rol.MELDER), ("behandelaar", Rol.BEHANDELAAR), ("bestuur", Rol.BESTUUR))
ACCOUNTS_PER_SOORT = {
    OrganisatieSoort.UITVOERINGSORGANISATIE: UITVOERDERSACCOUNTS,
    OrganisatieSoort.GEMEENTE: UITVOERDERSACCOUNTS,
    OrganisatieSoort.OVERIG: UITVOERDERSACCOUNTS,
    OrganisatieSoort.MINISTERIE: (("behandelaar", Rol.BEHANDELAAR), ("bestuur", Rol.BESTUUR),
                                  ("minister", Rol.BEWINDSPERSOON)),
    OrganisatieSoort.KAMERCOMMISSIE: (("griffie", Rol.GRIFFIE),),
}

PLAATSEN = (
    "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
    "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort", "Zaandam", "'s-Hertogenbosch",
    "Zwolle", "Leeuwarden", "Maastricht", "Dordrecht", "Leiden", "Emmen", "Venlo", "Deventer", "Heerlen",
    "Alkmaar", "Delft", "Hoorn", "Middelburg", "Assen", "Lelystad", "Roermond", "Den Helder", "Goes", "Sneek",
    "Doetinchem", "Helmond", "Oss", "Gouda",
)
PERIODES = (
    "het afgelopen kwartaal", "de afgelopen zes maanden", "het afgelopen halfjaar", "de laatste drie maanden",
    "de eerste maanden van dit jaar", "de periode sinds de zomer", "het afgelopen jaar",
)
COLLEGA_ALGEMEEN = (
    "een klantmanager", "een casemanager", "een medewerker van het klantcontactcentrum",
    "een jurist van de afdeling bezwaar", "een teamleider", "een ervaren collega",
)
COLLEGA_PER_ORGANISATIE = {
    "uwv": ("een arbeidsdeskundige", "een verzekeringsarts", "een re-integratiebegeleider"),
    "svb": ("een medewerker van het SVB-kantoor",),
    "toeslagen": ("een medewerker van het team Persoonlijke Zaakbehandeling",),
    "belastingdienst": ("een medewerker van de BelastingTelefoon", "een invorderaar"),
    "duo": ("een medewerker van het team Terugbetalen",),
    "cbr": ("een medisch adviseur", "een medewerker van de afdeling Rijgeschiktheid"),
    "ind": ("een beslismedewerker", "een medewerker van het loket"),
    "cjib": ("een incassomedewerker", "een medewerker van het Klantcontactcentrum"),
    "politie": ("een wijkagent", "een intakemedewerker"),
    "cak": ("een medewerker van de afdeling Klantcontact",),
}
# Districts, so that signals of one municipality are not all about the same place.
WIJKEN = {
    "Amsterdam": ("Amsterdam-Noord", "Amsterdam Nieuw-West", "Amsterdam-Zuidoost", "Amsterdam-Oost",
                  "Amsterdam-West"),
    "Rotterdam": ("Rotterdam-Zuid", "Rotterdam-Noord", "Rotterdam-West", "Feijenoord", "IJsselmonde",
                  "Delfshaven"),
    "Utrecht": ("Overvecht", "Kanaleneiland", "Leidsche Rijn", "Utrecht-Noordwest", "Utrecht-Zuid"),
    "Groningen": ("Beijum", "Selwerd", "Vinkhuizen", "Lewenborg", "Haren"),
    "Eindhoven": ("Woensel-Noord", "Woensel-Zuid", "Strijp", "Tongelre", "Stratum"),
    "Zwolle": ("Holtenbroek", "Stadshagen", "Assendorp", "Diezerpoort", "Zwolle-Zuid"),
}
COLLEGA_GEMEENTE = ("een consulent werk en inkomen", "een wijkteammedewerker", "een schuldhulpverlener",
                    "een klantmanager")
KORTE_NAMEN = {
    "szw": "SZW", "fin": "Financiën", "ocw": "OCW", "ienw": "IenW", "jenv": "JenV", "vws": "VWS", "bzk": "BZK",
    "ezk": "EZK", "toeslagen": "Dienst Toeslagen", "belastingdienst": "Belastingdienst",
    "politie": "Nationale Politie", "cak": "CAK",
}
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")

# Building blocks of answers. Every explain combines an opening, the case's own reasons,
# what is done instead and a follow-up, so that explains differ in substance and wording.
OPENINGEN = (
    "Het signaal van {org} uit {plaats} vraagt om {kern}.",
    "In het signaal stelt {org} voor om {kern}. Wij hebben dat voorstel getoetst aan de wet en aan de "
    "praktijk in {plaats}.",
    "Volgens het signaal komen ongeveer {aantal} mensen klem te zitten, en het voorstel is om {kern}.",
    "Wij herkennen het beeld dat {org} schetst, maar het voorstel om {kern} nemen wij niet over.",
)
ALTERNATIEVEN = (
    "Wat wel kan: {org} mag in schrijnende gevallen afwijken op grond van het evenredigheidsbeginsel, en legt "
    "die gevallen vast zodat zichtbaar wordt hoe vaak dit voorkomt.",
    "We vragen {org} om de gevallen uit {plaats} de komende {maanden} maanden bij te houden; blijkt het "
    "probleem groter, dan wegen we het voorstel opnieuw.",
    "De brieven en de uitleg op de website worden samen met ervaringsdeskundigen herschreven, zodat mensen "
    "eerder weten waar zij aan toe zijn en op tijd hulp vragen.",
    "Voor de mensen uit het signaal zoekt {org} samen met schuldhulpverleners en wijkteams een oplossing "
    "binnen de bestaande regels, bijvoorbeeld met uitstel van betaling.",
    "In de tussentijd kan {org} een betalingsregeling of uitstel geven; {eigenaar} ziet erop toe dat die "
    "ruimte ook echt wordt gebruikt.",
    "De ervaringen van {org} vormen een vaste bron voor de wetsevaluatie in {jaar}, waarin het voorstel "
    "opnieuw wordt gewogen tegen de kosten en de uitvoerbaarheid.",
)
VERVOLGEN = (
    "De vaste commissie ontvangt deze afweging in de eerstvolgende voortgangsbrief.",
    "De uitkomst bespreken wij in het periodieke overleg met de uitvoering; het verslag wordt openbaar.",
    "Komen er meer signalen over dit onderwerp binnen, dan leggen wij de afweging opnieuw voor aan de "
    "bewindspersoon.",
    "Deze reactie is afgestemd met de uitvoerders en met de juristen van de directie Wetgeving.",
    "",
)
OVERNEMEN = (
    "Het signaal van {org} uit {plaats} laat zien dat de regel anders uitpakt dan bedoeld. Wij nemen het "
    "voorstel over om {kern}; hieronder staat wat er gebeurt, door wie en wanneer.",
    "Ongeveer {aantal} mensen komen volgens het signaal klem te zitten. Dat is niet de bedoeling van de wet. "
    "Het voorstel om {kern} wordt overgenomen en uitgewerkt zoals hieronder is toegezegd.",
    "Wij erkennen het probleem dat {org} beschrijft. Het voorstel om {kern} wordt overgenomen; de "
    "toezeggingen hieronder maken dat concreet.",
)
HERZIEN_NAAR_OVERNEMEN = (
    "Herziene reactie. Na het commissiedebat en nieuwe signalen uit {plaats} is de afweging opnieuw gemaakt: "
    "het voorstel om {kern} wordt alsnog overgenomen.",
    "Herziene reactie. De aanvullende cijfers van {org} laten zien dat het probleem groter is dan eerst "
    "gedacht. Daarom nemen wij het voorstel om {kern} nu wel over.",
)
HERZIEN_AANVULLING = (
    "Aanvulling op de eerdere reactie: de uitvoering van het voorstel om {kern} vraagt een extra stap, die "
    "hieronder is toegezegd.",
    "Aanvulling op de eerdere reactie: op verzoek van {org} is een extra toezegging gedaan zodat ook de "
    "mensen in {plaats} sneller worden geholpen.",
)
HERZIEN_UITLEG = "Herziene onderbouwing op verzoek van de commissie. "
# The same building blocks for an organisation that answers a signal of its own staff
# (after the ministry forwarded it back): the filer is then "we", not a third party.
OPENINGEN_EIGEN = (
    "Dit signaal van onze eigen medewerkers in {plaats} vraagt om {kern}.",
    "Onze medewerkers in {plaats} stellen voor om {kern}. {eigenaar} heeft het signaal van het ministerie "
    "doorgestuurd gekregen omdat het om de eigen werkwijze gaat.",
    "Volgens onze medewerkers komen ongeveer {aantal} mensen klem te zitten, en zij stellen voor om {kern}.",
)
ALTERNATIEVEN_EIGEN = (
    "Wel passen wij in schrijnende gevallen het evenredigheidsbeginsel toe en leggen we die gevallen vast, "
    "zodat zichtbaar wordt hoe vaak dit voorkomt.",
    "We houden de gevallen uit {plaats} de komende {maanden} maanden bij; blijkt het probleem groter, dan "
    "leggen we het voorstel opnieuw voor aan het ministerie.",
    "De brieven en de uitleg op de website worden samen met ervaringsdeskundigen herschreven, zodat mensen "
    "eerder weten waar zij aan toe zijn en op tijd hulp vragen.",
    "Mensen die nu klem zitten, bieden wij een betalingsregeling of uitstel aan; de teamleiders zien erop toe "
    "dat die ruimte ook echt wordt gebruikt.",
)
OVERNEMEN_EIGEN = (
    "Onze medewerkers in {plaats} laten zien dat onze werkwijze anders uitpakt dan bedoeld. Wij nemen het "
    "voorstel over om {kern}; hieronder staat wat er gebeurt, door wie en wanneer.",
    "Ongeveer {aantal} mensen komen volgens onze medewerkers klem te zitten. Het voorstel om {kern} wordt "
    "overgenomen en uitgewerkt zoals hieronder is toegezegd.",
)
HERZIEN_NAAR_OVERNEMEN_EIGEN = (
    "Herziene reactie. Nieuwe cijfers uit {plaats} laten zien dat het probleem groter is dan eerst gedacht. "
    "Daarom nemen wij het voorstel om {kern} nu wel over.",
)
HERZIEN_AANVULLING_EIGEN = (
    "Aanvulling op de eerdere reactie: de uitvoering van het voorstel om {kern} vraagt een extra stap, die "
    "hieronder is toegezegd.",
)
NAKOMINGEN = (
    "Uitgevoerd: de werkinstructie is aangepast en gepubliceerd.",
    "Afgerond; de nieuwe werkwijze geldt sinds {datum} voor alle nieuwe gevallen.",
    "Gedaan. De eerste resultaten staan in de voortgangsbrief aan de commissie van {datum}.",
    "Afgerond in overleg met de uitvoering; het nieuwe proces is op {datum} gestart.",
    "Nagekomen: de betrokken medewerkers zijn geïnstrueerd en de brieven zijn aangepast.",
)

# Shares of the outcomes of a signal (an old one is less often left open, see _plan_afloop).
UITKOMSTEN = (("open", 27), ("overnemen", 38), ("niet_overnemen", 27), ("doorsturen", 12))


@dataclass
class Samenvatting:
    gebruikers: int
    signalen: int
    noodremmen: int
    open: int
    over_termijn: int
    overgenomen: int
    niet_overgenomen: int
    herzien: int
    doorgestuurd: int
    toezeggingen: int
    nagekomen: int
    toezeggingen_verlopen: int
    knelpunten: int = 0
    geagendeerd: int = 0
    retourstickers: int = 0
    brieven: int = 0
    stickers_geescaleerd: int = 0
    signalen_uit_tellingen: int = 0
    triage: int = 0


# --------------------------------------------------------------------------- accounts


def gebruikersnaam(voorvoegsel: str, organisatie: Organisatie) -> str:
    return f"{voorvoegsel}.{organisatie.afkorting.removeprefix('cie-')}"


# Demo accounts are recognised by their names: "<role>.<organisation>" and the admin.
# They have no e-mail address, so their notifications stay in the inbox.
_VOORVOEGSELS = sorted({v for accounts in ACCOUNTS_PER_SOORT.values() for v, _ in accounts})
_DEMO_NAAM = rf"^({'|'.join(_VOORVOEGSELS)})\.[-\w]+$"


def demo_gebruikers():
    return User.objects.filter(Q(username__regex=_DEMO_NAAM) | Q(username=BEHEERDER))


def demo_signalen():
    """Signals filed by demo accounts, and those made from the counts of demo retourstickers."""
    from schakel.noodrem.models import Retoursticker

    from .retourstickers import DEMO_CONTACT

    uit_tellingen = (Retoursticker.objects.filter(contactgegevens__endswith=DEMO_CONTACT, signaal__isnull=False)
                     .values("signaal_id"))
    return Signaal.objects.filter(Q(indiener__in=demo_gebruikers()) | Q(pk__in=uit_tellingen))


def demo_retourstickers():
    from schakel.noodrem.models import Retoursticker

    from .retourstickers import DEMO_CONTACT

    return Retoursticker.objects.filter(contactgegevens__endswith=DEMO_CONTACT)


def maak_gebruikers() -> dict[tuple[str, str], User]:
    """Create or update one account per role for every organisation, plus the admin ``beheer``."""
    wachtwoord = make_password(DEMO_WACHTWOORD)  # hashed once: the same password for every demo account
    accounts: dict[tuple[str, str], User] = {}
    for organisatie in Organisatie.objects.order_by("soort", "afkorting"):
        for voorvoegsel, rol in ACCOUNTS_PER_SOORT.get(organisatie.soort, ()):
            naam = gebruikersnaam(voorvoegsel, organisatie)
            user, _ = User.objects.update_or_create(username=naam, defaults={
                "rol": rol, "organisatie": organisatie, "password": wachtwoord, "is_active": True,
                "first_name": voorvoegsel.capitalize(), "last_name": KORTE_NAMEN.get(
                    organisatie.afkorting, organisatie.afkorting.upper()),
                "email": "",
            })
            accounts[(organisatie.afkorting, voorvoegsel)] = user
    User.objects.update_or_create(username=BEHEERDER, defaults={
        "password": wachtwoord, "is_staff": True, "is_superuser": True, "is_active": True,
        "first_name": "Beheer", "email": "",
    })
    from .triage import geef_triagerecht

    geef_triagerecht(accounts)
    return accounts


def trieerder() -> str:
    """The user name of the demo account with the triage permission."""
    from .triage import TRIEERDER

    organisatie, voorvoegsel = TRIEERDER
    return f"{voorvoegsel}.{organisatie}"


def inlogoverzicht() -> list[tuple[Organisatie, list[str]]]:
    """Demo accounts grouped by organisation, for printing."""
    per_org: dict[int, list[str]] = {}
    for user in demo_gebruikers().exclude(username=BEHEERDER).order_by("username"):
        per_org.setdefault(user.organisatie_id, []).append(user.username)
    volgorde = list(ACCOUNTS_PER_SOORT)
    organisaties = sorted(Organisatie.objects.filter(pk__in=per_org),
                          key=lambda o: (volgorde.index(o.soort) if o.soort in volgorde else 99, o.naam))
    return [(o, per_org[o.pk]) for o in organisaties]


# --------------------------------------------------------------------------- removal


# --------------------------------------------------------------------------- planning


@dataclass
class _Stap:
    moment: dt.datetime
    volgorde: int
    uitvoeren: Callable[[], None]


@dataclass
class _Dossier:
    """One signal being built: its case, variables and what happened to it."""

    casus: Casus
    organisatie: Organisatie
    regeling: Regeling
    variabelen: dict
    signaal: Signaal | None = None
    reacties: list[Reactie] = field(default_factory=list)
    eigen: bool = False  # answered by the filing organisation itself (after a forward)

    def teksten(self, voor_derde: tuple[str, ...], voor_eigen: tuple[str, ...]) -> tuple[str, ...]:
        return voor_eigen if self.eigen else voor_derde


def _zinnen(tekst: str) -> str:
    """Capitalise the first letter of each sentence (placeholders may start one)."""
    tekst = re.sub(r"\s+", " ", tekst).strip()
    return re.sub(r"(^|[.!?]\s+)([a-zé])", lambda m: m.group(1) + m.group(2).upper(), tekst)


def _bedrag(rng: random.Random, laag: int, hoog: int) -> str:
    waarde = rng.randint(laag, hoog)
    stap = 5 if hoog <= 500 else 10 if hoog <= 3000 else 50
    waarde = max(stap, round(waarde / stap) * stap)
    return "€ " + f"{waarde:,}".replace(",", ".")


def _getal(waarde: int) -> str:
    return f"{waarde:,}".replace(",", ".")


def _rond_af(waarde: int) -> int:
    stap = 1 if waarde < 100 else 10 if waarde < 2000 else 50
    return max(1, round(waarde / stap) * stap)


def _datum_tekst(datum: dt.date) -> str:
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def _kort(organisatie: Organisatie) -> str:
    if organisatie.soort == OrganisatieSoort.GEMEENTE:
        return organisatie.naam.replace("Gemeente ", "gemeente ")
    return KORTE_NAMEN.get(organisatie.afkorting, organisatie.afkorting.upper())


def _werkmoment(rng: random.Random, datum: dt.date) -> dt.datetime:
    """A moment during office hours on ``datum`` or the first working day after it."""
    datum = kalender.tel_werkdagen_op(datum, 0)
    tijd = dt.time(rng.randint(8, 16), rng.randrange(0, 60, 5))
    return dt.datetime.combine(datum, tijd, tzinfo=clock.AMSTERDAM).astimezone(dt.timezone.utc)


class _Bouwer:
    """Plans the history of ``aantal`` signals and then plays it through the services."""

    def __init__(self, *, aantal: int, seed: int, nu: dt.datetime, accounts: dict[tuple[str, str], User]):
        self.rng = random.Random(seed)
        self.aantal = aantal
        self.nu = nu
        self.vandaag = kalender.lokale_datum(nu)
        self.accounts = accounts
        self.stappen: list[_Stap] = []
        self.organisaties = {o.afkorting: o for o in Organisatie.objects.all()}
        self.regelingen = {r.bwb_id: r for r in Regeling.objects.select_related("eigenaar")}
        self.oorzaken = {o.code: o for o in Oorzaak.objects.all()}
        self.titels: set[str] = set()
        self.dossiers: list[_Dossier] = []
        self.casussen = [c for c in CASUSSEN if c.regeling in self.regelingen
                         and any(a in self.organisaties for a in c.indieners)]
        if not self.casussen:
            raise ValueError("Geen enkele demo-casus past bij de referentiedata in de database.")

    # -- helpers

    def _stap(self, moment: dt.datetime, uitvoeren: Callable[[], None]) -> bool:
        """Schedule a step; steps in the future are dropped (they have not happened yet)."""
        if moment >= self.nu:
            return False
        self.stappen.append(_Stap(moment, len(self.stappen), uitvoeren))
        return True

    def _account(self, organisatie: Organisatie, voorvoegsel: str) -> User | None:
        return self.accounts.get((organisatie.afkorting, voorvoegsel))

    def _vul_in(self, tekst: str, dossier: _Dossier, **extra) -> str:
        return _zinnen(tekst.format(**{**dossier.variabelen, **extra}))

    def _variabelen(self, casus: Casus, organisatie: Organisatie, eigenaar: Organisatie) -> dict:
        rng = self.rng
        if organisatie.soort == OrganisatieSoort.GEMEENTE:
            stad = organisatie.naam.replace("Gemeente ", "")
            plaats = rng.choice(WIJKEN.get(stad, (stad,)))
            collega = COLLEGA_GEMEENTE
        else:
            stad = plaats = rng.choice(PLAATSEN)
            collega = COLLEGA_ALGEMEEN + COLLEGA_PER_ORGANISATIE.get(organisatie.afkorting, ())
        aantal = _rond_af(rng.randint(*casus.aantal))
        return {
            "plaats": plaats, "stad": stad, "org": _kort(organisatie), "eigenaar": _kort(eigenaar),
            "aantal": _getal(aantal),
            "aantal_getal": aantal, "bedrag": _bedrag(rng, *casus.bedragen), "weken": rng.randint(6, 26),
            "maanden": rng.randint(3, 9), "procent": rng.randint(12, 45), "periode": rng.choice(PERIODES),
            "collega": rng.choice(collega), "jaar": self.vandaag.year + 1, "kern": casus.kern,
        }

    def _ingediend_op(self) -> dt.datetime:
        # More signals in recent months: the platform is used more as it becomes known.
        datum = self.vandaag - dt.timedelta(days=max(1, int(PERIODE_DAGEN * (1 - self.rng.random() ** 0.7))))
        moment = _werkmoment(self.rng, datum)
        while moment >= self.nu:  # 'the next working day' may be today, later than now
            datum -= dt.timedelta(days=1)
            moment = _werkmoment(self.rng, datum)
        return moment

    def _reactiedatum(self, vanaf: dt.date, noodrem: bool) -> dt.date:
        rng = self.rng
        if noodrem:
            werkdagen = rng.randint(1, 5) if rng.random() < 0.7 else rng.randint(6, 15)
        else:
            werkdagen = rng.randint(4, 29) if rng.random() < 0.72 else rng.randint(31, 75)
        return kalender.tel_werkdagen_op(vanaf, werkdagen)

    # -- planning

    def plan(self) -> None:
        gewichten = [c.gewicht for c in self.casussen]
        gepland = pogingen = 0
        while gepland < self.aantal and pogingen < 5 * self.aantal:
            pogingen += 1
            casus = self.rng.choices(self.casussen, weights=gewichten)[0]
            gepland += self._plan_signaal(casus)

    def _plan_signaal(self, casus: Casus) -> bool:
        rng = self.rng
        indieners = [self.organisaties[a] for a in casus.indieners if a in self.organisaties]
        organisatie = rng.choice(indieners)
        regeling = self.regelingen[casus.regeling]
        dossier = _Dossier(casus, organisatie, regeling, self._variabelen(casus, organisatie, regeling.eigenaar))
        noodrem = rng.random() < casus.noodrem
        indiener = self._account(organisatie, "bestuur" if noodrem and rng.random() < 0.5 else "melder")
        titel = self._unieke_titel(dossier)
        if indiener is None or titel is None:
            return False
        ingediend = self._ingediend_op()
        velden = {
            "titel": titel,
            "praktijk": self._vul_in(rng.choice(casus.praktijk), dossier),
            "getroffen_burgers": self._vul_in(rng.choice(casus.getroffen), dossier),
            "aantal_getroffen": dossier.variabelen["aantal_getal"] if rng.random() < 0.85 else None,
            "artikelen": rng.choice(casus.artikelen),
            "verbetervoorstel": self._vul_in(rng.choice(casus.voorstellen), dossier),
            "oorzaken": [self.oorzaken[c] for c in rng.sample(casus.oorzaken, k=rng.randint(
                min(1, len(casus.oorzaken)), len(casus.oorzaken))) if c in self.oorzaken],
            "openbaar": rng.random() < 0.9,
            "soort": SignaalSoort.NOODREM if noodrem else SignaalSoort.SIGNAAL,
        }

        def dien_in():
            dossier.signaal = services.dien_in(indiener=indiener, regeling=regeling, **velden)

        if not self._stap(ingediend, dien_in):
            return False
        self.dossiers.append(dossier)
        self._plan_afloop(dossier, kalender.lokale_datum(ingediend), noodrem)
        return True

    def _unieke_titel(self, dossier: _Dossier) -> str | None:
        for _ in range(25):
            titel = self._vul_in(self.rng.choice(dossier.casus.titels), dossier)
            if titel not in self.titels:
                self.titels.add(titel)
                return titel
            if dossier.organisatie.soort != OrganisatieSoort.GEMEENTE:
                dossier.variabelen["plaats"] = dossier.variabelen["stad"] = self.rng.choice(PLAATSEN)
            else:
                dossier.variabelen["plaats"] = self.rng.choice(WIJKEN.get(dossier.variabelen["stad"],
                                                                          (dossier.variabelen["stad"],)))
            dossier.variabelen["bedrag"] = _bedrag(self.rng, *dossier.casus.bedragen)
            dossier.variabelen["weken"] = self.rng.randint(6, 26)
        return None

    def _plan_afloop(self, dossier: _Dossier, ingediend: dt.date, noodrem: bool) -> None:
        rng = self.rng
        oud = (self.vandaag - ingediend).days > 90  # old signals have mostly been answered by now
        uitkomsten = [(u, 10 if u == "open" and oud else g) for u, g in UITKOMSTEN
                      if u != "doorsturen" or dossier.casus.doorsturen]
        uitkomst = rng.choices([u for u, _ in uitkomsten], weights=[g for _, g in uitkomsten])[0]
        if uitkomst == "open":
            return
        eigenaar = dossier.regeling.eigenaar
        if uitkomst == "doorsturen":
            naar = self.organisaties.get(dossier.casus.doorsturen[0])
            behandelaar = self._account(eigenaar, "behandelaar")
            if naar is None or naar == eigenaar or behandelaar is None:
                return
            doorgestuurd = _werkmoment(rng, kalender.tel_werkdagen_op(ingediend, rng.randint(1, 6)))
            reden = self._vul_in(dossier.casus.doorsturen[1], dossier)

            def stuur_door():
                services.stuur_door(dossier.signaal, naar=naar, actor=behandelaar, reden=reden)

            if not self._stap(doorgestuurd, stuur_door) or rng.random() < 0.35:
                return
            dossier.variabelen["eigenaar"] = _kort(naar)
            dossier.eigen = naar == dossier.organisatie
            eigenaar, ingediend = naar, kalender.lokale_datum(doorgestuurd)
            uitkomst = "overnemen" if rng.random() < 0.6 else "niet_overnemen"
        datum = self._reactiedatum(ingediend, noodrem)
        self._plan_reactie(dossier, eigenaar, uitkomst, datum)

    def _plan_reactie(self, dossier: _Dossier, eigenaar: Organisatie, besluit: str, datum: dt.date) -> None:
        rng = self.rng
        moment = _werkmoment(rng, datum)
        politiek = eigenaar.is_ministerie and rng.random() < 0.22
        actor = self._account(eigenaar, "minister" if politiek else "behandelaar")
        if actor is None:
            return
        ondertekend_door = ""
        if politiek:
            functie = "staatssecretaris" if rng.random() < 0.3 else "minister"
            ondertekend_door = f"De {functie} {eigenaar.naam.removeprefix('Ministerie ')}"
        niveau = Niveau.POLITIEK if politiek else Niveau.AMBTELIJK
        datum = kalender.lokale_datum(moment)
        toezeggingen = self._plan_toezeggingen(dossier, eigenaar, datum, 0) if besluit == Besluit.OVERNEMEN else []
        seed = rng.random()

        def reageer():
            if besluit == Besluit.OVERNEMEN:
                tekst = self._vul_in(random.Random(seed).choice(dossier.teksten(OVERNEMEN, OVERNEMEN_EIGEN)), dossier)
                reactie = services.reageer(dossier.signaal, actor=actor, besluit=besluit, toelichting_tekst=tekst,
                                           niveau=niveau, ondertekend_door=ondertekend_door,
                                           toezeggingen=toezeggingen)
            else:
                reactie = self._leg_uit(dossier, actor, niveau, ondertekend_door, random.Random(seed))
            if reactie is not None:
                dossier.reacties.append(reactie)

        if not self._stap(moment, reageer):
            return
        if rng.random() < 0.14:
            self._plan_herziening(dossier, eigenaar, besluit, datum)

    def _plan_toezeggingen(self, dossier: _Dossier, eigenaar: Organisatie, datum: dt.date,
                           versie_index: int, aantal: int | None = None) -> list[services.NieuweToezegging]:
        rng = self.rng
        opties = dossier.casus.toezeggingen
        k = min(len(opties), aantal or rng.choice((1, 1, 2, 2, 3)))
        toezeggingen = []
        for i, (wat, wie) in enumerate(rng.sample(opties, k)):
            uiterlijk = datum + dt.timedelta(days=rng.choice((21, 30, 45, 60, 90, 120, 180, 270)))
            toezeggingen.append(services.NieuweToezegging(self._vul_in(wat, dossier), self._vul_in(wie, dossier),
                                                          uiterlijk))
            self._plan_nakoming(dossier, eigenaar, datum, uiterlijk, versie_index, i)
        return toezeggingen

    def _plan_nakoming(self, dossier: _Dossier, eigenaar: Organisatie, gegeven: dt.date, uiterlijk: dt.date,
                       versie_index: int, index: int) -> None:
        rng = self.rng
        if uiterlijk <= self.vandaag:
            if rng.random() >= 0.62:
                return  # not kept: overdue
            if rng.random() < 0.25:
                nagekomen = uiterlijk + dt.timedelta(days=rng.randint(1, 30))
            else:
                nagekomen = uiterlijk - dt.timedelta(days=rng.randint(0, 25))
        elif rng.random() < 0.2:
            nagekomen = gegeven + dt.timedelta(days=rng.randint(5, max(5, (uiterlijk - gegeven).days)))
        else:
            return
        nagekomen = max(nagekomen, gegeven + dt.timedelta(days=3))
        actor = self._account(eigenaar, "behandelaar")
        sjabloon = rng.choice(NAKOMINGEN)
        moment = _werkmoment(rng, nagekomen)

        def rond_af():
            if len(dossier.reacties) <= versie_index:
                return
            toezegging = dossier.reacties[versie_index].toezeggingen.order_by("id")[index]
            tekst = self._vul_in(sjabloon, dossier, datum=_datum_tekst(kalender.lokale_datum(moment)))
            services.rond_toezegging_af(toezegging, actor=actor, toelichting_tekst=tekst)

        self._stap(moment, rond_af)

    def _plan_herziening(self, dossier: _Dossier, eigenaar: Organisatie, eerste: str, gegeven: dt.date) -> None:
        rng = self.rng
        moment = _werkmoment(rng, gegeven + dt.timedelta(days=rng.randint(14, 90)))
        actor = self._account(eigenaar, "behandelaar")
        datum = kalender.lokale_datum(moment)
        if moment >= self.nu or actor is None:
            return
        seed = rng.random()
        if eerste == Besluit.NIET_OVERNEMEN and rng.random() < 0.7:
            sjablonen = dossier.teksten(HERZIEN_NAAR_OVERNEMEN, HERZIEN_NAAR_OVERNEMEN_EIGEN)
            toezeggingen = self._plan_toezeggingen(dossier, eigenaar, datum, 1)
        elif eerste == Besluit.OVERNEMEN:
            sjablonen = dossier.teksten(HERZIEN_AANVULLING, HERZIEN_AANVULLING_EIGEN)
            toezeggingen = self._plan_toezeggingen(dossier, eigenaar, datum, 1, 1)
        else:
            sjablonen, toezeggingen = None, []

        def herzie():
            if not dossier.reacties:
                return
            if sjablonen is None:
                reactie = self._leg_uit(dossier, actor, Niveau.AMBTELIJK, "", random.Random(seed),
                                        voorvoegsel=HERZIEN_UITLEG)
            else:
                tekst = self._vul_in(random.Random(seed).choice(sjablonen), dossier)
                reactie = services.reageer(dossier.signaal, actor=actor, besluit=Besluit.OVERNEMEN,
                                           toelichting_tekst=tekst, toezeggingen=toezeggingen)
            if reactie is not None:
                dossier.reacties.append(reactie)

        self._stap(moment, herzie)

    # -- explains

    def _uitleg(self, dossier: _Dossier, rng: random.Random) -> str:
        delen = [rng.choice(dossier.teksten(OPENINGEN, OPENINGEN_EIGEN)), rng.choice(dossier.casus.uitleg),
                 rng.choice(dossier.teksten(ALTERNATIEVEN, ALTERNATIEVEN_EIGEN)), rng.choice(VERVOLGEN)]
        return self._vul_in(" ".join(d for d in delen if d), dossier)

    def _leg_uit(self, dossier: _Dossier, actor: User, niveau: str, ondertekend_door: str, rng: random.Random,
                 voorvoegsel: str = "") -> Reactie | None:
        """Answer with an explain that passes the rules; a text too close to an earlier
        explain is refused by the service, so another combination is tried."""
        for _ in range(12):
            tekst = voorvoegsel + self._uitleg(dossier, rng)
            try:
                return services.reageer(dossier.signaal, actor=actor, besluit=Besluit.NIET_OVERNEMEN,
                                        toelichting_tekst=tekst, niveau=niveau, ondertekend_door=ondertekend_door)
            except ValidationError as exc:
                if set(exc.message_dict) != {"toelichting"}:
                    raise
        return None

    def plan_retourstickers(self) -> None:
        """Citizens' retourstickers, their call-backs and the retoursticker sweep: ``schakel.demo.retourstickers``."""
        from . import retourstickers

        retourstickers.plan(self._stap, vandaag=self.vandaag, nu=self.nu, organisaties=self.organisaties,
                            accounts=self.accounts)

    def plan_triage(self) -> None:
        """Signals without a regulation, waiting in the triage queue: ``schakel.demo.triage``."""
        from . import triage

        triage.plan(self._stap, vandaag=self.vandaag, accounts=self.accounts)

    def plan_sweeps(self) -> None:
        """The escalation sweep, every working day early in the morning, as the scheduler runs it:
        missed terms climb the ladder and overdue commitments are recorded on the right dates."""
        from schakel.termijnen.sweep import run_sweep

        if not self.stappen:
            return
        datum = kalender.lokale_datum(min(s.moment for s in self.stappen))
        while datum <= self.vandaag:
            if kalender.is_werkdag(datum):
                moment = dt.datetime.combine(datum, dt.time(6, 0), tzinfo=clock.AMSTERDAM).astimezone(dt.timezone.utc)
                self._stap(moment, run_sweep)
            datum += dt.timedelta(days=1)

    # -- playing

    def speel_af(self) -> None:
        for stap in sorted(self.stappen, key=lambda s: (s.moment, s.volgorde)):
            with clock.travel(stap.moment):
                stap.uitvoeren()

    def bundel(self) -> None:
        """Demo knelpunten from the played signals, see ``schakel.demo.knelpunten``."""
        from .knelpunten import maak_demo_knelpunten

        per_casus: dict[str, list[Signaal]] = {}
        for dossier in self.dossiers:
            if dossier.signaal is not None:
                dossier.signaal.refresh_from_db()
                per_casus.setdefault(dossier.casus.sleutel, []).append(dossier.signaal)
        maak_demo_knelpunten(per_casus, nu=self.nu)


def maak_demodata(*, aantal: int = 300, seed: int = 42) -> Samenvatting:
    """Create demo accounts and ``aantal`` signals with their history, ending now."""
    if aantal < 0:
        raise ValueError("Het aantal signalen kan niet negatief zijn.")
    with transaction.atomic():
        if not importeren.standaard_aanwezig():
            importeren.laad()
        accounts = maak_gebruikers()
        bouwer = _Bouwer(aantal=aantal, seed=seed, nu=clock.now(), accounts=accounts)
        bouwer.plan()
        bouwer.plan_retourstickers()
        bouwer.plan_triage()
        bouwer.plan_sweeps()
        bouwer.speel_af()
        bouwer.bundel()
    return samenvatting()


def samenvatting() -> Samenvatting:
    vandaag = clock.today()
    signalen = demo_signalen()
    per_status = Counter(signalen.values_list("status", flat=True))
    besluiten = Counter(_actuele_besluiten(signalen))
    toezeggingen = Toezegging.objects.filter(signaal__in=signalen)
    return Samenvatting(
        gebruikers=demo_gebruikers().count(),
        signalen=signalen.count(),
        noodremmen=signalen.filter(soort=SignaalSoort.NOODREM).count(),
        open=per_status[Status.IN_BEHANDELING] + per_status[Status.INGEDIEND],
        over_termijn=signalen.filter(is_overschreden_q()).count(),
        overgenomen=besluiten[Besluit.OVERNEMEN],
        niet_overgenomen=besluiten[Besluit.NIET_OVERNEMEN],
        herzien=signalen.annotate(n=Count("reacties")).filter(n__gt=1).count(),
        doorgestuurd=signalen.filter(gebeurtenissen__actie="doorgestuurd").distinct().count(),
        toezeggingen=toezeggingen.count(),
        nagekomen=toezeggingen.filter(status=ToezeggingStatus.NAGEKOMEN).count(),
        toezeggingen_verlopen=toezeggingen.verlopen(vandaag).count(),
        **_knelpunttellingen(signalen),
        **_retourstickertellingen(),
        triage=signalen.filter(eigenaar__isnull=True, status=Status.INGEDIEND).count(),
    )


def _retourstickertellingen() -> dict:
    stickers = demo_retourstickers()
    return {"retourstickers": stickers.count(),
            "brieven": stickers.values("organisatie_id", "brief_sleutel").distinct().count(),
            "stickers_geescaleerd": stickers.filter(geescaleerd_op__isnull=False).count(),
            "signalen_uit_tellingen": stickers.exclude(signaal=None).values("signaal_id").distinct().count()}


def _knelpunttellingen(signalen) -> dict:
    from schakel.knelpunten.models import Knelpunt

    knelpunten = Knelpunt.objects.filter(bundelingen__signaal__in=signalen).distinct()
    return {"knelpunten": knelpunten.count(), "geagendeerd": knelpunten.filter(agendering__isnull=False).count()}


def _actuele_besluiten(signalen) -> list[str]:
    """The decision of the current (latest) answer of each answered signal."""
    laatste: dict[int, tuple[int, str]] = {}
    for signaal_id, versie, besluit in Reactie.objects.filter(signaal__in=signalen).values_list(
            "signaal", "versie", "besluit"):
        if signaal_id not in laatste or versie > laatste[signaal_id][0]:
            laatste[signaal_id] = (versie, besluit)
    return [besluit for _, besluit in laatste.values()]
