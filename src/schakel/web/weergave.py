"""Presentation helpers: a signal's state, deadline and history in plain Dutch words.

Pure functions over model instances; no requests, no templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format

from schakel.core import clock
from schakel.signalen.models import Besluit, Signaal
from schakel.signalen.workflow import Status

# Audit actions (schakel.audit) in words for the public timeline. Unknown actions fall
# back to their code with spaces, so a new action never breaks the page.
ACTIES = {
    "ingediend": "Signaal ingediend",
    "gerouteerd": "Toegewezen aan de eigenaar van de regeling",
    "doorgestuurd": "Doorgestuurd naar een andere organisatie",
    "niet_ontvankelijk": "Niet ontvankelijk verklaard",
    "gerouteerd_op_tekst": "Toegewezen op grond van de tekst (geen regeling genoemd)",
    "naar_triage": "In de triage: nog geen organisatie die moet reageren",
    "getrieerd": "Toegewezen bij de triage",
    "beantwoord": "Reactie gegeven",
    "herzien": "Reactie herzien",
    "toezegging_nagekomen": "Toezegging nagekomen",
    "voorstel_geregistreerd": "Voorstel geregistreerd, uitvoeringstoetsen gevraagd",
    "voorstel_gewijzigd": "Voorstel gewijzigd, uitvoeringstoets heropend",
    "toets_ingediend": "Uitvoeringstoets ingediend",
    "toets_beantwoord": "Uitvoeringstoets beantwoord door de bewindspersoon",
    "toets_geescaleerd": "Termijn verstreken, geëscaleerd",
    "invoeringstoets_gepland": "Invoeringstoets gepland",
    "invoeringstoets_gevraagd": "Rapportage gevraagd voor de invoeringstoets",
    "invoeringsrapportage_ingediend": "Invoeringsrapportage ingediend",
    "noodrem_getrokken": "Noodrem getrokken",
    "noodrem_geagendeerd": "Op de agenda van de Kamercommissie",
    "bericht_van_melder": "Bericht van de melder",
    "bericht_aan_melder": "Bericht aan de melder",
    "gebundeld": "Gebundeld in een knelpunt",
    "knelpunt_aangemaakt": "Knelpunt gemaakt",
    "knelpunt_gesplitst": "Knelpunt gesplitst",
    "knelpunt_gewijzigd": "Knelpunt gewijzigd",
    "knelpunt_geagendeerd": "Knelpunt op de agenda van de Kamercommissie",
    "casus_ingebracht": "Casus ingebracht in de Maatwerkplaats",
    "herhaling_gesignaleerd": "Vergelijkbare casussen bereiken de drempel: risico op ongelijke behandeling",
    "beraad_gepland": "Moreel beraad gepland",
    "inbreng_gegeven": "Inbreng in het moreel beraad gegeven",
    "conclusie_vastgesteld": "Conclusie van het moreel beraad vastgesteld",
    "fix_toegekend": "Fix toegekend voor deze burger",
    "solve_ingediend": "Solve ingediend: signaal met de casussen erachter",
}


def actie_in_woorden(actie: str) -> str:
    return ACTIES.get(actie) or actie.replace("_", " ").capitalize()


def lange_datum(datum: dt.date) -> str:
    """'22 april 2026' (in the active language)."""
    return date_format(datum, "j F Y")


@dataclass(frozen=True)
class StatusWeergave:
    """What the status area of a signal shows (the deadline itself: ``{% termijnstatus %}``)."""

    tekst: str  # "In behandeling bij …", "Overgenomen", "Niet overgenomen, met reden"
    soort: str  # CSS modifier: behandeling | overgenomen | niet-overgenomen | verlopen | ingediend
    verlopen: bool  # the answer term has passed without an answer


def termijn_verstreken(signaal: Signaal, vandaag: dt.date | None = None) -> bool:
    """Whether an unanswered signal is past its term: escalated, or its due date has passed.
    Reads only the signal's own fields, so lists need no extra queries."""
    if signaal.status == Status.BEANTWOORD:
        return False
    if getattr(signaal, "termijn_overschreden_op", None):
        return True
    datum = signaal.uiterste_reactiedatum
    return datum is not None and datum < (vandaag or clock.today())


def status_van(signaal: Signaal, besluit: str | None = None) -> StatusWeergave:
    """The state of ``signaal`` in words; ``besluit`` is the decision of its current answer."""
    if signaal.status == Status.BEANTWOORD and besluit:
        soort = "overgenomen" if besluit == Besluit.OVERNEMEN else "niet-overgenomen"
        return StatusWeergave(Besluit(besluit).label, soort, False)
    if signaal.status == Status.NIET_ONTVANKELIJK:
        return StatusWeergave("Niet ontvankelijk", "niet-ontvankelijk", False)
    verlopen = termijn_verstreken(signaal)
    if signaal.status == Status.IN_BEHANDELING and signaal.eigenaar_id:
        return StatusWeergave(f"In behandeling bij {signaal.eigenaar.naam}",
                              "verlopen" if verlopen else "behandeling", verlopen)
    return StatusWeergave("Ingediend, nog niet toegewezen", "ingediend", verlopen)


@dataclass(frozen=True)
class TijdlijnItem:
    tijdstip: dt.datetime
    actie: str  # in words
    door: str  # public description of the actor (role and organisation), never a name
    detail: str
    toelichting: str


def tijdlijn(gebeurtenissen, organisatienamen: dict[str, str]) -> list[TijdlijnItem]:
    """The public history of a signal. ``organisatienamen`` maps afkorting → naam."""
    items = []
    for g in gebeurtenissen:
        na = g.na if isinstance(g.na, dict) else {}
        detail = ""
        if g.actie in ("doorgestuurd", "gerouteerd_op_tekst", "getrieerd") and na.get("eigenaar"):
            detail = f"Nieuwe eigenaar: {organisatienamen.get(na['eigenaar'], na['eigenaar'])}"
        elif g.actie == "niet_ontvankelijk" and na.get("dubbel_van"):
            detail = f"Dubbel van {na['dubbel_van']}"
        elif g.actie in ("beantwoord", "herzien") and na.get("besluit") in Besluit.values:
            detail = f"{Besluit(na['besluit']).label} (versie {na.get('reactie_versie', '?')})"
        door = "Schakel (automatisch)" if g.actor_omschrijving == "systeem" else g.actor_omschrijving
        items.append(TijdlijnItem(g.tijdstip, actie_in_woorden(g.actie), door, detail, g.toelichting))
    return items


def genoemde_organisaties(gebeurtenissen) -> set[str]:
    """Afkortingen of organisations the events refer to (to look up their names at once)."""
    return {g.na["eigenaar"] for g in gebeurtenissen if isinstance(g.na, dict) and g.na.get("eigenaar")}


FRAGMENT_TEKENS = 240


def zoekfragment(tekst: str, zoekvraag: str, lengte: int = FRAGMENT_TEKENS) -> str:
    """A piece of ``tekst`` around the first word the query finds, with the found words in
    ``<mark>`` (escaped HTML, safe to show). Empty when the query finds nothing in it."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    from schakel.core.analyse import treffers

    tekst = tekst or ""
    spans = treffers(tekst, zoekvraag)
    if not spans:
        return ""
    begin = max(0, spans[0][0] - lengte // 3)
    if begin:
        spatie = tekst.find(" ", begin)
        begin = spatie + 1 if 0 <= spatie < spans[0][0] else begin
    einde = min(len(tekst), begin + lengte)
    delen, positie = ["…" if begin else ""], begin
    for van, tot in spans:
        if van < begin or tot > einde:
            continue
        delen += [escape(tekst[positie:van]), "<mark>", escape(tekst[van:tot]), "</mark>"]
        positie = tot
    delen += [escape(tekst[positie:einde]), "…" if einde < len(tekst) else ""]
    return mark_safe("".join(delen))  # noqa: S308 — every piece of user text is escaped above
