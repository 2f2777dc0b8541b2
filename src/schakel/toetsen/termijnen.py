"""Terms of the uitvoeringstoets and their escalation, on the calendar and ladder of ``schakel.termijnen``.

* An implementer's assessment climbs the same ladder as a signal owned by that
  implementer: handlers → board → principal ministry (DG/SG) → minister → committee.
  The first term is ``SCHAKEL_TOETSTERMIJNEN["uitvoeringstoets"]``; each rung after an
  escalation gets the organisation's escalation term (``schakel.termijnen.regels``).
* The minister's answer is asked of the bewindspersoon of the proposal's ministry within
  ``SCHAKEL_TOETSTERMIJNEN["antwoord"]``; a missing answer escalates to the proposal's
  committee (its griffie), the last rung: there it stays on the agenda until answered.

Both are kinds of term of the term engine (:mod:`schakel.termijnen.engine`), registered
in ``ToetsenConfig.ready``: ``uitvoeringstoets`` and ``toetsantwoord``. Due dates are stored
when a clock starts; overdue is computed from the date; the engine's batched sweep only
records the escalation. It is idempotent: a term is closed with a conditional update, and
``UNIQUE (uitvoeringstoets, soort, trede)`` forbids a second escalation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.termijnen import engine, kalender, ladder, regels
from schakel.termijnen.ladder import ROL_PER_TREDE, Adres, Trede
from schakel.termijnen.services import datum_nl, organisaties_rond

from schakel.termijnen.models import Termijn

from .models import Fase, Invoeringstoets, InvoeringstoetsStatus, Uitvoeringstoets

STANDAARD = {
    "uitvoeringstoets": 30,  # working days for an implementer's assessment (6 weeks)
    "antwoord": 20,  # working days for the minister's answer (4 weeks)
    "kamercommissie": 10,  # working days the committee gets once a missing answer reaches it
    "rapportage": 30,  # working days for an implementer's invoeringstoets report
}


def termijn(sleutel: str) -> int:
    return {**STANDAARD, **getattr(settings, "SCHAKEL_TOETSTERMIJNEN", {})}[sleutel]


def controleer(waarden: dict) -> list[str]:
    """Problems with ``SCHAKEL_TOETSTERMIJNEN`` (unknown keys, values outside 1..260)."""
    fouten = []
    for sleutel, waarde in waarden.items():
        if sleutel not in STANDAARD:
            fouten.append(f"onbekende sleutel {sleutel!r} (bekend: {', '.join(STANDAARD)})")
        elif not isinstance(waarde, int) or isinstance(waarde, bool) or not 1 <= waarde <= regels.MAX_WERKDAGEN:
            fouten.append(f"{sleutel} moet een geheel aantal werkdagen zijn van 1 tot en met {regels.MAX_WERKDAGEN}")
    return fouten


def link(voorstel) -> str:
    return f"/voorstellen/{voorstel.uuid}"


# --- the two kinds of term -----------------------------------------------------------------------

class _Toetstermijnen(engine.Termijnsoort):
    """Common to both kinds: the subject is the uitvoeringstoets (``ctx``: the toets)."""

    onderwerp = "uitvoeringstoets"
    fase = ""
    velden = ("uitvoeringstoets__voorstel__kamerstuk", "uitvoeringstoets__voorstel__titel",
              "uitvoeringstoets__voorstel__uuid", "uitvoeringstoets__organisatie__naam")

    def context(self, rij: engine.Rij, run: engine.Run):
        toetsen = run.cache.setdefault("toetsen", {})
        if rij.onderwerp_id not in toetsen:
            toetsen[rij.onderwerp_id] = (Uitvoeringstoets.objects.select_related("voorstel", "organisatie")
                                         .get(pk=rij.onderwerp_id))
        return toetsen[rij.onderwerp_id]

    def na_escalatie(self, run: engine.Run, escalaties: list[engine.Escalatie]) -> tuple[list[dict], list[dict]]:
        adresboek = run.cache.setdefault("adresboek", notificaties.Adresboek())
        gebeurtenissen, meldingen = [], []
        for e in escalaties:
            rij, toets, nieuw = e.rij, e.ctx, e.naar
            voorstel = toets.voorstel
            wat = ("de uitvoeringstoets van " + toets.organisatie.naam if self.fase == Fase.BEOORDELING
                   else "het antwoord van de bewindspersoon op de uitvoeringstoets van " + toets.organisatie.naam)
            gebeurtenissen.append(engine.gebeurtenis(
                run, "toets_geescaleerd", "toetsen.uitvoeringstoets", toets.pk, None,
                voor={"fase": self.fase, "trede": rij.trede, "uiterste_datum": rij.uiterste_datum},
                na={"fase": self.fase, "trede": nieuw.trede, "uiterste_datum": e.uiterste},
                toelichting=(f"Termijn voor {wat} verstreken op {datum_nl(rij.uiterste_datum)}; "
                             f"geëscaleerd naar {Trede(nieuw.trede).label.lower()}.")))
            meldingen += notificaties.rijen(
                adresboek.gebruikers(nieuw.organisatie_id, nieuw.rol), soort=Soort.GEESCALEERD, link=link(voorstel),
                moment=run.moment, onderwerp=f"Geëscaleerd: uitvoeringstoets {voorstel.kamerstuk}",
                tekst=(f"De termijn voor {wat} over {voorstel.kamerstuk} ({voorstel.titel}) is op "
                       f"{datum_nl(rij.uiterste_datum)} verstreken. De vraag ligt nu bij u, uiterlijk "
                       f"{datum_nl(e.uiterste)}."))
            meldingen += notificaties.rijen(
                adresboek.gebruikers(rij.organisatie_id, rij.rol), soort=Soort.TERMIJN_OVERSCHREDEN,
                link=link(voorstel), moment=run.moment,
                onderwerp=f"Termijn overschreden: uitvoeringstoets {voorstel.kamerstuk}",
                tekst=f"De termijn voor {wat} is verstreken en is geëscaleerd.")
        return gebeurtenissen, meldingen


class Beoordelingstermijnen(_Toetstermijnen):
    """An implementer's assessment: the ladder of a signal owned by that implementer."""

    code = "uitvoeringstoets"
    label = Fase.BEOORDELING.label
    fase = Fase.BEOORDELING

    def treden(self, toets) -> list[Adres]:
        org = toets.organisatie
        return ladder.ladder(eigenaar_id=org.pk, regeling_kamercommissie_id=toets.voorstel.kamercommissie_id,
                             organisaties=organisaties_rond(org))

    def werkdagen(self, adres: Adres, toets, *, eerste: bool, run: engine.Run | None = None) -> int:
        if eerste:
            return termijn("uitvoeringstoets")
        if run is not None:
            return run.escalatietermijn(toets.organisatie_id, adres.trede)
        return regels.voor(toets.organisatie_id).escalatietermijn(adres.trede)


class Antwoordtermijnen(_Toetstermijnen):
    """The minister's answer: the proposal's minister, then its committee (the last rung)."""

    code = "toetsantwoord"
    label = Fase.ANTWOORD.label
    fase = Fase.ANTWOORD

    def treden(self, toets) -> list[Adres]:
        voorstel = toets.voorstel
        return [Adres(int(Trede.BEWINDSPERSOON), voorstel.ministerie_id, ROL_PER_TREDE[Trede.BEWINDSPERSOON]),
                Adres(int(Trede.KAMERCOMMISSIE), voorstel.kamercommissie_id, ROL_PER_TREDE[Trede.KAMERCOMMISSIE])]

    def werkdagen(self, adres: Adres, toets, *, eerste: bool, run: engine.Run | None = None) -> int:
        return termijn("antwoord" if eerste else "kamercommissie")


BEOORDELING = Beoordelingstermijnen()
ANTWOORD = Antwoordtermijnen()
PER_FASE = {Fase.BEOORDELING: BEOORDELING, Fase.ANTWOORD: ANTWOORD}
FASE_PER_SOORT = {s.code: fase for fase, s in PER_FASE.items()}


def treden(toets, fase: str) -> list[Adres]:
    return PER_FASE[fase].treden(toets)


def start(toets, fase: str, *, onderwerp: str, tekst: str) -> Termijn:
    """Start the first term of ``fase`` for ``toets`` and tell its addressees. Call inside a transaction."""
    soort = PER_FASE[fase]
    adres = soort.treden(toets)[0]
    t = engine.start(soort, toets, adres)
    notificaties.meld(notificaties.Adresboek().gebruikers(adres.organisatie_id, adres.rol),
                      soort=Soort.TE_BEANTWOORDEN, link=link(toets.voorstel), onderwerp=onderwerp,
                      tekst=f"{tekst}\nUiterlijk {datum_nl(t.uiterste_datum)}.")
    return t


def sluit(toets, uitkomst: str) -> Termijn | None:
    """Close the open term of ``toets`` (on an answer or when the round lapses). Call inside a transaction."""
    t = toets.termijnen.filter(gesloten_op__isnull=True).first()
    if t is None:
        return None
    engine.sluit(t, uitkomst)
    return t


def was_te_laat(toets, fase: str) -> bool:
    """Did any term of ``fase`` pass its due date before it was closed (or until today)?"""
    vandaag = clock.today()
    for t in toets.termijnen.filter(soort=PER_FASE[fase].code):
        einde = kalender.lokale_datum(t.gesloten_op) if t.gesloten_op else vandaag
        if einde > t.uiterste_datum:
            return True
    return False


# --- the sweep ------------------------------------------------------------------------------

@dataclass
class ToetsSweepResult:
    escalated: int = 0
    reviews_requested: int = 0

    def summary(self) -> str:
        return (f"{self.escalated} uitvoeringstoets terms escalated, "
                f"{self.reviews_requested} invoeringstoetsen asked for reports")


def run_toets_sweep() -> ToetsSweepResult:
    """Escalate every overdue uitvoeringstoets term one rung (through the term engine) and ask
    for due invoeringstoets reports. Idempotent: running it twice on the same day changes
    nothing the second time."""
    from . import services

    resultaat = ToetsSweepResult()
    peildatum = clock.today()
    resultaat.escalated = engine.sweep([BEOORDELING.code, ANTWOORD.code], peildatum=peildatum).escalated
    for toets_id in (Invoeringstoets.objects.filter(status=InvoeringstoetsStatus.GEPLAND, gepland_op__lte=peildatum)
                     .order_by("gepland_op", "id").values_list("id", flat=True)):
        resultaat.reviews_requested += services.vraag_rapportages(toets_id)
    return resultaat
