"""Demo triage: a handful of signals that name no regulation and no organisation, and the one
demo account that may route them (permission ``signalen.trieren``).

Real filers do not always know which law causes a problem: the trouble often sits where
several laws and organisations meet. These signals are filed through
:func:`schakel.signalen.services.dien_in` without a regulation and without a chosen
organisation, as a filer who answers *weet ik niet: triage* does, so they wait in the triage
queue (``/signalen/triage``, ``schakel toon-triagelijst``) whatever the text router would advise.
The router's advice, if a model exists at load time, is recorded in their audit trail as
usual; the demo itself trains none.

A fixed handful, not drawn from the seed, filed on recent working days relative to today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from django.contrib.auth.models import Permission

from schakel.core import clock
from schakel.termijnen import kalender

# The account that triages: BZK's handler, as the ministry responsible for how government as a
# whole works for citizens (the Staat van de Uitvoering), routes what no one else claims.
TRIEERDER = ("bzk", "behandelaar")


@dataclass(frozen=True)
class TriageSignaal:
    indiener: tuple[str, str]  # (organisation, account prefix)
    werkdagen_geleden: int
    tijd: dt.time
    titel: str
    praktijk: str
    getroffen_burgers: str
    verbetervoorstel: str
    aantal_getroffen: int | None = None


SIGNALEN = (
    TriageSignaal(
        ("rotterdam", "melder"), 6, dt.time(9, 40),
        "Huishoudens met schulden krijgen terugvorderingen van vier instanties tegelijk",
        "Onze schuldhulpverleners in Rotterdam-Zuid zien steeds vaker huishoudens die in dezelfde maand een "
        "terugvordering krijgen van de Dienst Toeslagen, het UWV, de SVB en de gemeente zelf. Elke instantie "
        "rekent met de eigen beslagvrije voet en niemand kijkt naar het totaal, zodat er minder overblijft dan "
        "nodig is om van te leven. Wij weten niet welke regeling hier moet veranderen; het probleem ontstaat "
        "juist doordat de regels naast elkaar worden toegepast.",
        "Huishoudens met problematische schulden en meer dan één terugvordering van de overheid",
        "Laat één instantie de terugvorderingen van de overheid bundelen en bewaak samen de beslagvrije voet.",
        aantal_getroffen=850,
    ),
    TriageSignaal(
        ("cjib", "melder"), 3, dt.time(14, 5),
        "Boetes en aanmaningen bereiken mensen zonder vast woonadres niet",
        "Mensen die dakloos zijn of tijdelijk bij anderen slapen, staan vaak niet of op een oud adres in de "
        "Basisregistratie Personen. Onze brieven komen daardoor niet aan en een boete van 95 euro loopt met "
        "verhogingen op tot ruim 300 euro voordat iemand ervan weet. Een briefadres regelen blijkt in de "
        "praktijk lastig, en wij kunnen niet zien welke regels daar het probleem veroorzaken.",
        "Mensen zonder vaste woon- of verblijfplaats die een verkeersboete of strafbeschikking krijgen",
        "Zorg dat mensen zonder vast adres eenvoudig een briefadres krijgen en stel verhogingen uit zolang een "
        "brief aantoonbaar niet is aangekomen.",
    ),
    TriageSignaal(
        ("svb", "melder"), 1, dt.time(10, 25),
        "Nabestaanden moeten een overlijden bij zes instanties apart regelen",
        "Na een overlijden krijgen nabestaanden binnen enkele weken brieven van de SVB, de Belastingdienst, "
        "de Dienst Toeslagen, het CAK, de gemeente en soms het UWV. Elke instantie vraagt om andere gegevens "
        "en stelt een eigen termijn, en sommige vorderen al betaalde bedragen terug van de erfgenamen. Onze "
        "medewerkers horen aan de telefoon dat mensen in hun rouw het overzicht verliezen.",
        "Nabestaanden en erfgenamen die de zaken van een overledene afhandelen",
        "Laat één melding van het overlijden gelden voor alle instanties en stem de termijnen op elkaar af.",
        aantal_getroffen=12000,
    ),
)


def geef_triagerecht(accounts: dict) -> None:
    """Give the demo's triaging account the permission ``signalen.trieren``."""
    user = accounts.get(TRIEERDER)
    if user is not None:
        user.user_permissions.add(Permission.objects.get(codename="trieren", content_type__app_label="signalen"))


def moment(vandaag: dt.date, signaal: TriageSignaal) -> dt.datetime:
    datum = kalender.tel_werkdagen_op(vandaag, -signaal.werkdagen_geleden)
    return dt.datetime.combine(datum, signaal.tijd, tzinfo=clock.AMSTERDAM).astimezone(dt.timezone.utc)


def plan(stap: Callable[[dt.datetime, Callable[[], None]], bool], *, vandaag: dt.date, accounts: dict) -> int:
    """Schedule the demo's triage signals on the demo's timeline (``stap(moment, function)``).
    Returns how many were planned."""
    from schakel.signalen import services

    gepland = 0
    for signaal in SIGNALEN:
        indiener = accounts.get(signaal.indiener)
        if indiener is None:
            continue

        def dien_in(signaal=signaal, indiener=indiener):
            services.dien_in(indiener=indiener, regeling=None, titel=signaal.titel, praktijk=signaal.praktijk,
                             getroffen_burgers=signaal.getroffen_burgers, aantal_getroffen=signaal.aantal_getroffen,
                             verbetervoorstel=signaal.verbetervoorstel)

        gepland += stap(moment(vandaag, signaal), dien_in)
    return gepland
