"""Demo retourstickers: letters of UWV, SVB, CJIB and the Belastingdienst sent back by citizens
(the citizen's brake, docs/noodrem.md), played through the modules of :mod:`schakel.noodrem` as a
citizen and a handler would, on the demo's timeline.

A fixed handful, not drawn from the seed, placed relative to today:

- one UWV letter is sent back once more than the threshold (``SCHAKEL_RETOURSTICKER_DREMPEL``)
  within the threshold's window, so the count files a signal to UWV, which is open and
  within its term; the last sticker is linked to that signal;
- most call-backs are recorded within the contact term, one too late, and a few are
  missed: the daily retoursticker sweep (as ``schakel escaleer`` runs it) puts those before
  the organisation's board;
- the most recent stickers are still open within their term.

Demo stickers are recognised by their (fictional) contact details, which end in
``DEMO_CONTACT``; a signal made from their counts is demo data too (``opbouw.demo_signalen``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from schakel.core import clock
from schakel.noodrem import regels
from schakel.noodrem.models import Reden
from schakel.termijnen import kalender

DEMO_CONTACT = "(demo)"

ONBEGRIJPELIJK, ONRECHTVAARDIG = Reden.ONBEGRIJPELIJK, Reden.ONRECHTVAARDIG

# The letter that crosses the threshold: UWV's decision to set off an advance against the benefit.
DREMPELBRIEF = ("uwv", "Besluit verrekening voorschot met uw uitkering")
DREMPELBRIEF_TOELICHTINGEN = (
    (ONRECHTVAARDIG, "Ik moet het hele voorschot in één keer terugbetalen. Dan kan ik de huur niet betalen."),
    (ONBEGRIJPELIJK, "Ik begrijp niet waarom ik minder krijg dan vorige maand en wat ik nu moet doen."),
    (ONRECHTVAARDIG, "Het voorschot is verrekend terwijl ik een betalingsregeling had gevraagd."),
)

# (organisation, letter, reason, days ago, the citizen's words, call-back after n working days or None)
STICKERS = (
    ("uwv", "Wijziging hoogte WW-uitkering", ONBEGRIJPELIJK, 61,
     "Er staan drie bedragen in de brief en ik weet niet welke ik krijg.", 1),
    ("uwv", "Wijziging hoogte WW-uitkering", ONBEGRIJPELIJK, 33, "", 2),
    ("svb", "Besluit AOW voor samenwonenden", ONRECHTVAARDIG, 52,
     "Mijn zoon woont tijdelijk bij mij omdat hij geen huis kan vinden. Nu krijg ik minder AOW.", 2),
    ("svb", "Besluit AOW voor samenwonenden", ONRECHTVAARDIG, 24,
     "Mijn moeder woont bij ons omdat zij zorg nodig heeft. Waarom wordt haar AOW verlaagd?", None),
    ("svb", "Besluit AOW voor samenwonenden", ONBEGRIJPELIJK, 9, "", 5),
    ("svb", "Herziening kinderbijslag", ONBEGRIJPELIJK, 2,
     "Ik snap niet waarom ik kinderbijslag moet terugbetalen.", None),
    ("cjib", "Aanmaning met eerste verhoging", ONRECHTVAARDIG, 47,
     "Ik heb de boete binnen de termijn betaald, maar krijg toch een verhoging.", 1),
    ("cjib", "Aanmaning met eerste verhoging", ONRECHTVAARDIG, 29, "", None),
    ("cjib", "Aanmaning met eerste verhoging", ONBEGRIJPELIJK, 18,
     "Op de brief staan twee verschillende bedragen en twee betaaltermijnen.", None),
    ("cjib", "Aanmaning met eerste verhoging", ONRECHTVAARDIG, 1, "", None),
    ("belastingdienst", "Navorderingsaanslag inkomstenbelasting", ONBEGRIJPELIJK, 40,
     "Ik weet niet waarvoor deze aanslag is. Ik heb alles ingevuld zoals de vooringevulde aangifte.", 1),
    ("belastingdienst", "Navorderingsaanslag inkomstenbelasting", ONRECHTVAARDIG, 12,
     "De aanslag is hoger dan mijn spaargeld. Ik kan dit niet in één keer betalen.", 2),
    ("belastingdienst", "Voorlopige aanslag met betalingsschema", ONBEGRIJPELIJK, 3, "", None),
)

UITKOMSTEN = {
    ONBEGRIJPELIJK: "Gebeld en de brief samen doorgelopen; de burger weet nu wat er verandert en wat zij moet doen.",
    ONRECHTVAARDIG: "Gebeld. Betalingsregeling afgesproken en uitgelegd hoe bezwaar werkt; de burger maakt bezwaar.",
}
TIJDEN = (dt.time(9, 10), dt.time(10, 40), dt.time(13, 25), dt.time(15, 50), dt.time(19, 5), dt.time(21, 30))


@dataclass(frozen=True)
class _Plan:
    organisatie: str
    brief: str
    reden: str
    moment: dt.datetime
    toelichting: str
    contact_na: int | None  # working days after sending; None: nobody called back (yet)


def _moment(vandaag: dt.date, dagen_geleden: int, volgnummer: int) -> dt.datetime:
    """Citizens send stickers at any hour, weekends included."""
    datum = vandaag - dt.timedelta(days=max(1, dagen_geleden))
    return dt.datetime.combine(datum, TIJDEN[volgnummer % len(TIJDEN)],
                               tzinfo=clock.AMSTERDAM).astimezone(dt.timezone.utc)


def plannen(vandaag: dt.date) -> list[_Plan]:
    """Every demo sticker, oldest first: the fixed ones and the threshold letter's."""
    plannen = [_Plan(org, brief, reden, _moment(vandaag, dagen, i), toelichting, contact)
               for i, (org, brief, reden, dagen, toelichting, contact) in enumerate(STICKERS)]
    drempel = regels.Drempel.uit_instellingen()
    aantal = drempel.aantal + 1  # one above the threshold: the last one is linked to the signal
    oudste = min(38, drempel.dagen - 1)  # all of them inside the threshold's window
    for i in range(aantal):
        dagen = round(oudste - (oudste - 1) * i / max(1, aantal - 1))
        reden, toelichting = DREMPELBRIEF_TOELICHTINGEN[i % len(DREMPELBRIEF_TOELICHTINGEN)]
        # Called back the next working day, except two that were missed and the most recent one.
        contact = None if i in (3, aantal - 1) or (i == 6 and aantal > 7) else 1
        plannen.append(_Plan(*DREMPELBRIEF, reden, _moment(vandaag, dagen, i), toelichting if i % 2 == 0 else "",
                             contact))
    return sorted(plannen, key=lambda p: p.moment)


def contactgegevens(volgnummer: int) -> str:
    """Fictional contact details, recognisable as demo data."""
    return f"Tel. 06-0000 {1000 + volgnummer:04d} {DEMO_CONTACT}"


def plan(stap: Callable[[dt.datetime, Callable[[], None]], bool], *, vandaag: dt.date, nu: dt.datetime,
         organisaties: dict, accounts: dict) -> int:
    """Schedule the demo stickers, their call-backs and the daily retoursticker sweep on the
    demo's timeline (``stap(moment, function)``). Returns how many stickers were planned."""
    from schakel.noodrem import retourstickers
    from schakel.noodrem.sweep import run_retoursticker_sweep

    geplande = plannen(vandaag)
    for volgnummer, p in enumerate(geplande):
        organisatie = organisaties[p.organisatie]
        gestuurd: dict = {}

        def stuur(p=p, organisatie=organisatie, gestuurd=gestuurd, volgnummer=volgnummer):
            gestuurd["sticker"], _ = retourstickers.stuur_retoursticker(
                organisatie=organisatie, brief=p.brief, reden=p.reden, toelichting=p.toelichting,
                contactgegevens=contactgegevens(volgnummer))

        stap(p.moment, stuur)
        behandelaar = accounts.get((p.organisatie, "behandelaar"))
        if p.contact_na is None or behandelaar is None:
            continue
        datum = kalender.uiterste_datum(p.moment, p.contact_na)
        moment = dt.datetime.combine(datum, dt.time(11, 15), tzinfo=clock.AMSTERDAM).astimezone(dt.timezone.utc)

        def bel(p=p, gestuurd=gestuurd, behandelaar=behandelaar):
            retourstickers.registreer_contact(gestuurd["sticker"], actor=behandelaar, uitkomst=UITKOMSTEN[p.reden])

        stap(max(moment, p.moment + dt.timedelta(hours=1)), bel)

    datum = kalender.lokale_datum(geplande[0].moment) + dt.timedelta(days=1)
    while datum <= vandaag:
        if kalender.is_werkdag(datum):
            moment = dt.datetime.combine(datum, dt.time(6, 5), tzinfo=clock.AMSTERDAM).astimezone(dt.timezone.utc)
            stap(moment, run_retoursticker_sweep)
        datum += dt.timedelta(days=1)
    return len(geplande)
