"""Comply or explain: the named rules every answer obeys, as ``toelichting`` is for explain.

An answer to a signal (``signalen.services.reageer``) and a minister's answer to an
implementation assessment (``toetsen.services.beantwoord``) are the same kind of act:
*overnemen* (comply: say what happens, and commit to it) or *niet overnemen* (explain:
say why not, convincingly). Each rule below adds its messages to a
:class:`schakel.core.fouten.Fouten` under the field it is about; the use case applies the
rules it needs and raises all problems at once. Who may answer is not a rule here but a
permission (``signalen.rechten.controleer_beantwoorden``, ``toetsen.rechten``).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping, Protocol, Sequence

from schakel.core.fouten import Fouten
from schakel.privacy import persoonsgegevens

from . import toelichting
from .models import Besluit

MAX_TOELICHTING = 10_000
MAX_TOEZEGGINGEN = 20
MAX_OMSCHRIJVING = 2000
MAX_UITVOERDER = 200


class Toezegging(Protocol):
    omschrijving: str
    eigenaar: str
    uiterlijk: dt.date | None


def besluit_is_bekend(fouten: Fouten, besluit: str) -> bool:
    """The decision is comply or explain. Returns whether it is."""
    if besluit in Besluit.values:
        return True
    fouten.voeg_toe("besluit", "Kies 'overnemen' (comply) of 'niet_overnemen' (explain).")
    return False


def toelichting_past(fouten: Fouten, tekst: str) -> None:
    """The answer's text fits (it is published with the signal or the assessment)."""
    if len(tekst) > MAX_TOELICHTING:
        fouten.voeg_toe("toelichting", "De toelichting is te lang (maximaal 10.000 tekens).")


def ondertekend(fouten: Fouten, ondertekend_door: str, melding: str) -> None:
    """A political answer names the minister who signs it."""
    if not ondertekend_door:
        fouten.voeg_toe("ondertekend_door", melding)


def overnemen_vat_samen(fouten: Fouten, tekst: str, melding: str) -> None:
    """Comply: summarise what happens with the proposal or advice."""
    if not tekst:
        fouten.voeg_toe("toelichting", melding)


def uitleg_overtuigt(fouten: Fouten, tekst: str, eerdere: Sequence[toelichting.EerdereToelichting], *,
                     onderwerp: str = "") -> None:
    """Explain: the reason passes :func:`toelichting.bezwaren_tegen_uitleg` (long enough, no
    stock phrases, not a copy of an earlier explain). ``onderwerp``: the text of what is
    answered (a signal's title, description and proposal), so taking up its words counts as specific."""
    for bezwaar in toelichting.bezwaren_tegen_uitleg(tekst, eerdere, signaal_tekst=onderwerp):
        fouten.voeg_toe("toelichting", bezwaar)


def uitleg_neemt_niets_over(fouten: Fouten, veld: str, overgenomen: bool, melding: str) -> None:
    """Explain adopts nothing: no commitments, no conditions, no date."""
    if overgenomen:
        fouten.voeg_toe(veld, melding)


def toezeggingen_compleet(fouten: Fouten, toezeggingen: Sequence[Toezegging], vandaag: dt.date) -> None:
    """Comply on a signal: at least one commitment, each saying what, who and by when (not
    in the past). Item errors under ``toezeggingen.<i>.<veld>``."""
    if not toezeggingen:
        fouten.voeg_toe("toezeggingen", "Wie overneemt, zegt toe wat er gebeurt: voeg ten minste één toezegging "
                                        "toe (wat, door wie, uiterlijk wanneer).")
    if len(toezeggingen) > MAX_TOEZEGGINGEN:
        fouten.voeg_toe("toezeggingen", f"Maximaal {MAX_TOEZEGGINGEN} toezeggingen per reactie.")
    for i, t in enumerate(toezeggingen):
        if not (t.omschrijving or "").strip():
            fouten.voeg_toe(f"toezeggingen.{i}.omschrijving", "Beschrijf wat er wordt gedaan.")
        elif len(t.omschrijving) > MAX_OMSCHRIJVING:
            fouten.voeg_toe(f"toezeggingen.{i}.omschrijving", "Maximaal 2.000 tekens.")
        if not (t.eigenaar or "").strip():
            fouten.voeg_toe(f"toezeggingen.{i}.eigenaar", "Vul in wie dit doet (afdeling of functie).")
        elif len(t.eigenaar) > MAX_UITVOERDER:
            fouten.voeg_toe(f"toezeggingen.{i}.eigenaar", "Maximaal 200 tekens.")
        if t.uiterlijk is None:
            fouten.voeg_toe(f"toezeggingen.{i}.uiterlijk", "Vul in uiterlijk wanneer dit gebeurt.")
        elif t.uiterlijk < vandaag:
            fouten.voeg_toe(f"toezeggingen.{i}.uiterlijk",
                            f"De datum {t.uiterlijk:%d-%m-%Y} ligt in het verleden; kies vandaag of later.")


def zonder_persoonsgegevens(fouten: Fouten, velden: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
    """An answer is public: no personal data in its texts. Fields that already have an error
    are skipped, so each field shows one clear problem at a time."""
    velden = dict(velden)
    fouten.neem_over(persoonsgegevens.controleer_velden({v: t for v, t in velden.items() if v not in fouten}))


def publieke_velden(tekst: str, toezeggingen: Sequence[Toezegging] = ()) -> dict[str, str]:
    """The published texts of an answer: its explanation and each commitment's what and who."""
    velden = {"toelichting": tekst}
    for i, t in enumerate(toezeggingen):
        velden[f"toezeggingen.{i}.omschrijving"] = t.omschrijving
        velden[f"toezeggingen.{i}.eigenaar"] = t.eigenaar
    return velden
