"""A signal's deadline status in words, computed from stored dates (never from a flag).

:func:`status_van` is what pages and the API show: "termijn loopt tot …", "verlengd tot …
(reden)", "termijn overschreden, N werkdagen te laat, geëscaleerd naar …", and the
commitments that passed their due date unfulfilled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import date_format

from schakel.core import clock

from . import kalender, ladder
from .ladder import Trede, trede_naam


class Fase:
    GEEN = "geen"  # not routed yet: no clock
    LOOPT = "loopt"
    OVERSCHREDEN = "overschreden"
    OP_AGENDA = "op_agenda"  # overdue and at the top of the ladder: on the committee's agenda
    BEANTWOORD = "beantwoord"
    NIET_ONTVANKELIJK = "niet_ontvankelijk"  # the owner closed it: off the ladder, no clock


def _datum(datum: dt.date) -> str:
    return date_format(datum, "j F Y")


def omschrijf_adres(trede: int, organisatie) -> str:
    """Who is asked at a rung, in words: 'het bestuur van UWV', 'de bewindspersoon van …'."""
    naam = organisatie.naam
    if trede == Trede.BEHANDELAAR:
        return f"de behandelaars van {naam}"
    if trede == Trede.BESTUUR:
        return (f"de {ladder.klein(ladder.AMBTELIJKE_TOP)} van {naam}" if organisatie.is_ministerie
                else f"het bestuur van {naam}")
    if trede == Trede.MINISTERIE:
        return f"de {ladder.klein(ladder.AMBTELIJKE_TOP)} van {naam}, als opdrachtgever"
    if trede == Trede.BEWINDSPERSOON:
        return f"de bewindspersoon van {naam}"
    return f"de {naam[0].lower()}{naam[1:]}" if naam.startswith("Vaste ") else naam


def _werkdagen(n: int) -> str:
    return f"{n} werkdag" if n == 1 else f"{n} werkdagen"


@dataclass(frozen=True)
class TermijnStatus:
    """Everything a page needs to show about a signal's deadline."""

    fase: str
    peildatum: dt.date
    uiterste_datum: dt.date | None = None
    oorspronkelijke_datum: dt.date | None = None
    werkdagen_resterend: int | None = None
    verlengd: bool = False
    verlenging_reden: str = ""
    werkdagen_te_laat: int = 0
    termijn_overschreden_op: dt.date | None = None
    trede: int | None = None
    trede_naam: str = ""
    gericht_aan: object | None = None  # Organisatie
    gericht_aan_omschrijving: str = ""
    geescaleerd: bool = False
    eindtrede: bool = False
    beantwoord_op: dt.date | None = None
    berekening: str = ""
    termijnen: list = field(default_factory=list)
    verlopen_toezeggingen: list = field(default_factory=list)

    @property
    def is_overschreden(self) -> bool:
        return self.fase in (Fase.OVERSCHREDEN, Fase.OP_AGENDA) or (
            self.fase == Fase.BEANTWOORD and self.termijn_overschreden_op is not None)

    @property
    def tekst(self) -> str:
        """One Dutch sentence for the status line."""
        if self.fase == Fase.GEEN:
            return "Nog niet doorgestuurd naar een eigenaar: er loopt nog geen termijn."
        if self.fase == Fase.NIET_ONTVANKELIJK:
            return "Niet ontvankelijk verklaard door de eigenaar: er loopt geen termijn meer."
        if self.fase == Fase.BEANTWOORD:
            if self.termijn_overschreden_op:
                laat = kalender.werkdagen_te_laat(self.termijn_overschreden_op, self.beantwoord_op)
                return (f"Beantwoord op {_datum(self.beantwoord_op)}, {_werkdagen(laat)} na de uiterste "
                        f"reactiedatum van {_datum(self.termijn_overschreden_op)}"
                        + (f" (geëscaleerd tot {self.gericht_aan_omschrijving})." if self.geescaleerd else "."))
            return f"Beantwoord op {_datum(self.beantwoord_op)}, binnen de termijn."
        if self.fase == Fase.LOOPT:
            if self.verlengd:
                tekst = (f"Termijn verlengd tot {_datum(self.uiterste_datum)} "
                         f"(was {_datum(self.oorspronkelijke_datum)}). Reden: {self.verlenging_reden}")
            else:
                tekst = f"Termijn loopt tot {_datum(self.uiterste_datum)}"
            rest = self.werkdagen_resterend
            achter = "vandaag is de laatste dag" if rest == 0 else f"nog {_werkdagen(rest)}"
            return f"{tekst.rstrip('.')} ({achter})."
        tekst = f"Termijn overschreden, {_werkdagen(self.werkdagen_te_laat)} te laat"
        if self.fase == Fase.OP_AGENDA:
            return f"{tekst}; staat op de agenda van {self.gericht_aan_omschrijving}."
        if self.geescaleerd:
            tekst = (f"{tekst}, geëscaleerd naar {self.gericht_aan_omschrijving} "
                     f"(reageren uiterlijk {_datum(self.uiterste_datum)})")
        if self.eindtrede:
            return f"{tekst}; er is geen hogere trede."
        if self.geescaleerd:
            return f"{tekst}."
        return f"{tekst}; wordt geëscaleerd naar de volgende trede."


def _termijnen(signaal) -> list:
    cache = getattr(signaal, "_prefetched_objects_cache", {})
    if "termijnen" in cache:
        return sorted(cache["termijnen"], key=lambda t: t.trede)
    return list(signaal.termijnen.select_related("organisatie").order_by("trede"))


def _verlopen_toezeggingen(signaal, peildatum: dt.date) -> list:
    cache = getattr(signaal, "_prefetched_objects_cache", {})
    if "toezeggingen" in cache:
        return [t for t in cache["toezeggingen"] if t.status == "open" and t.uiterlijk < peildatum]
    return list(signaal.toezeggingen.actueel().verlopen(peildatum))


def status_van(signaal, peildatum: dt.date | None = None) -> TermijnStatus:
    """The deadline status of ``signaal`` on ``peildatum`` (default: today). Two queries at most;
    none when ``termijnen`` and ``toezeggingen`` are prefetched."""
    peildatum = peildatum or clock.today()
    termijnen = _termijnen(signaal)
    toezeggingen = _verlopen_toezeggingen(signaal, peildatum)
    if not termijnen:
        if signaal.uiterste_reactiedatum is None:
            return TermijnStatus(fase=Fase.GEEN, peildatum=peildatum, verlopen_toezeggingen=toezeggingen)
        # Routed before terms were recorded: show the stored date only.
        laat = kalender.werkdagen_te_laat(signaal.uiterste_reactiedatum, peildatum)
        fase = Fase.BEANTWOORD if signaal.beantwoord_op else (Fase.OVERSCHREDEN if laat else Fase.LOOPT)
        return TermijnStatus(
            fase=fase, peildatum=peildatum, uiterste_datum=signaal.uiterste_reactiedatum,
            oorspronkelijke_datum=signaal.uiterste_reactiedatum, werkdagen_te_laat=laat,
            werkdagen_resterend=max(0, kalender.werkdagen_tussen(peildatum, signaal.uiterste_reactiedatum)),
            beantwoord_op=kalender.lokale_datum(signaal.beantwoord_op) if signaal.beantwoord_op else None,
            verlopen_toezeggingen=toezeggingen,
        )

    eerste, huidige = termijnen[0], termijnen[-1]
    geescaleerd = len(termijnen) > 1
    gemist = [t.uiterste_datum for t in termijnen if t.uitkomst == "geescaleerd"]
    overschreden_op = signaal.termijn_overschreden_op or (gemist[0] if gemist else None)
    if overschreden_op is None and huidige.is_open and huidige.uiterste_datum < peildatum:
        overschreden_op = huidige.uiterste_datum  # overdue, the sweep has not escalated it yet
    if signaal.beantwoord_op is not None or (not huidige.is_open and huidige.uitkomst == "beantwoord"):
        fase = Fase.BEANTWOORD
    elif not huidige.is_open and huidige.uitkomst == "niet_ontvankelijk":
        fase = Fase.NIET_ONTVANKELIJK
    elif overschreden_op is None:
        fase = Fase.LOOPT
    elif huidige.trede == Trede.KAMERCOMMISSIE:
        fase = Fase.OP_AGENDA
    else:
        fase = Fase.OVERSCHREDEN
    return TermijnStatus(
        fase=fase,
        peildatum=peildatum,
        uiterste_datum=huidige.uiterste_datum,
        oorspronkelijke_datum=eerste.oorspronkelijke_uiterste_datum,
        werkdagen_resterend=max(0, kalender.werkdagen_tussen(peildatum, huidige.uiterste_datum)),
        verlengd=eerste.is_verlengd,
        verlenging_reden=eerste.verlenging_reden,
        werkdagen_te_laat=kalender.werkdagen_te_laat(overschreden_op, peildatum) if overschreden_op else 0,
        termijn_overschreden_op=overschreden_op,
        trede=huidige.trede,
        trede_naam=huidige.trede_naam,
        gericht_aan=huidige.organisatie,
        gericht_aan_omschrijving=omschrijf_adres(huidige.trede, huidige.organisatie),
        geescaleerd=geescaleerd,
        eindtrede=huidige.eindtrede,
        beantwoord_op=kalender.lokale_datum(signaal.beantwoord_op) if signaal.beantwoord_op else None,
        berekening=eerste.berekening().uitleg(),
        termijnen=termijnen,
        verlopen_toezeggingen=toezeggingen,
    )
