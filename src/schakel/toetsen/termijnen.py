"""Terms of the uitvoeringstoets and their escalation, on the calendar and ladder of ``schakel.termijnen``.

* An implementer's assessment climbs the same ladder as a signal owned by that
  implementer: handlers → board → principal ministry (DG/SG) → minister → committee.
  The first term is ``SCHAKEL_TOETSTERMIJNEN["uitvoeringstoets"]``; each rung after an
  escalation gets the organisation's escalation term (``schakel.termijnen.regels``).
* The minister's answer is asked of the bewindspersoon of the proposal's ministry within
  ``SCHAKEL_TOETSTERMIJNEN["antwoord"]``; a missing answer escalates to the proposal's
  committee (its griffie), the last rung: there it stays on the agenda until answered.

Due dates are stored when a clock starts; overdue is computed from the date; the sweep
only records the escalation. The sweep is idempotent: a term is closed with a conditional
update, and ``UNIQUE (uitvoeringstoets, fase, trede)`` forbids a second escalation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, transaction

from schakel.audit import trail
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Soort
from schakel.termijnen import kalender, ladder, regels
from schakel.termijnen.ladder import ROL_PER_TREDE, Adres, Trede, klein
from schakel.termijnen.services import datum_nl, organisaties_rond

from .models import Fase, Invoeringstoets, InvoeringstoetsStatus, TermijnUitkomst, Toetstermijn

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


# --- the two ladders ------------------------------------------------------------------------

def _ladder_beoordeling(toets) -> list[Adres]:
    org = toets.organisatie
    return ladder.ladder(eigenaar_id=org.pk, regeling_kamercommissie_id=toets.voorstel.kamercommissie_id,
                         organisaties=organisaties_rond(org))


def _ladder_antwoord(toets) -> list[Adres]:
    voorstel = toets.voorstel
    return [Adres(int(Trede.BEWINDSPERSOON), voorstel.ministerie_id, ROL_PER_TREDE[Trede.BEWINDSPERSOON]),
            Adres(int(Trede.KAMERCOMMISSIE), voorstel.kamercommissie_id, ROL_PER_TREDE[Trede.KAMERCOMMISSIE])]


def treden(toets, fase: str) -> list[Adres]:
    return _ladder_beoordeling(toets) if fase == Fase.BEOORDELING else _ladder_antwoord(toets)


def _werkdagen(toets, fase: str, adres: Adres, eerste: bool) -> int:
    if eerste:
        return termijn("uitvoeringstoets" if fase == Fase.BEOORDELING else "antwoord")
    if fase == Fase.ANTWOORD:
        return termijn("kamercommissie")
    return regels.voor(toets.organisatie_id).escalatietermijn(adres.trede)


def _open(toets, fase: str, adres: Adres, *, eerste: bool, moment: dt.datetime) -> Toetstermijn:
    rij = treden(toets, fase)
    index = next(i for i, a in enumerate(rij) if a.trede == adres.trede)
    werkdagen = _werkdagen(toets, fase, adres, eerste)
    return Toetstermijn.objects.create(
        uitvoeringstoets=toets, fase=fase, trede=adres.trede, organisatie_id=adres.organisatie_id, rol=adres.rol,
        gestart_op=moment, werkdagen=werkdagen, uiterste_datum=kalender.uiterste_datum(moment, werkdagen),
        eindtrede=index == len(rij) - 1,
    )


def start(toets, fase: str, *, onderwerp: str, tekst: str) -> Toetstermijn:
    """Start the first term of ``fase`` for ``toets`` and tell its addressees. Call inside a transaction."""
    adres = treden(toets, fase)[0]
    t = _open(toets, fase, adres, eerste=True, moment=clock.now())
    notificaties.meld(notificaties.Adresboek().gebruikers(adres.organisatie_id, adres.rol),
                      soort=Soort.TOETS_TE_BEANTWOORDEN, link=link(toets.voorstel), onderwerp=onderwerp,
                      tekst=f"{tekst}\nUiterlijk {datum_nl(t.uiterste_datum)}.")
    return t


def sluit(toets, uitkomst: str) -> Toetstermijn | None:
    """Close the open term of ``toets`` (on an answer or when the round lapses). Call inside a transaction."""
    t = toets.termijnen.filter(gesloten_op__isnull=True).first()
    if t is None:
        return None
    Toetstermijn.objects.filter(pk=t.pk, gesloten_op__isnull=True).update(gesloten_op=clock.now(), uitkomst=uitkomst)
    return t


def was_te_laat(toets, fase: str) -> bool:
    """Did any term of ``fase`` pass its due date before it was closed (or until today)?"""
    vandaag = clock.today()
    for t in toets.termijnen.filter(fase=fase):
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


def _escaleer_een(termijn_id: int, peildatum: dt.date, moment: dt.datetime) -> bool:
    qs = Toetstermijn.objects.filter(pk=termijn_id, gesloten_op__isnull=True, eindtrede=False,
                                     uiterste_datum__lt=peildatum)
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True, of=("self",))
    t = qs.select_related("uitvoeringstoets__voorstel", "uitvoeringstoets__organisatie").first()
    if t is None:
        return False  # answered, escalated or locked by another sweep meanwhile
    toets = t.uitvoeringstoets
    rij = treden(toets, t.fase)
    hoger = next((a for a in rij if a.trede > t.trede), None)
    if hoger is None:
        return False
    if not Toetstermijn.objects.filter(pk=t.pk, gesloten_op__isnull=True).update(
            gesloten_op=moment, uitkomst=TermijnUitkomst.GEESCALEERD):
        return False
    nieuw = _open(toets, t.fase, hoger, eerste=False, moment=moment)
    voorstel = toets.voorstel
    wat = ("de uitvoeringstoets van " + toets.organisatie.naam if t.fase == Fase.BEOORDELING
           else "het antwoord van de bewindspersoon op de uitvoeringstoets van " + toets.organisatie.naam)
    trail.record("toets_geescaleerd", toets, voor={"fase": t.fase, "trede": t.trede, "uiterste_datum": t.uiterste_datum},
                 na={"fase": t.fase, "trede": nieuw.trede, "uiterste_datum": nieuw.uiterste_datum},
                 toelichting=(f"Termijn voor {wat} verstreken op {datum_nl(t.uiterste_datum)}; "
                              f"geëscaleerd naar {klein(nieuw.trede_naam)}."))
    adresboek = notificaties.Adresboek()
    notificaties.meld(
        adresboek.gebruikers(nieuw.organisatie_id, nieuw.rol), soort=Soort.GEESCALEERD, link=link(voorstel),
        onderwerp=f"Geëscaleerd: uitvoeringstoets {voorstel.kamerstuk}",
        tekst=(f"De termijn voor {wat} over {voorstel.kamerstuk} ({voorstel.titel}) is op "
               f"{datum_nl(t.uiterste_datum)} verstreken. De vraag ligt nu bij u, uiterlijk "
               f"{datum_nl(nieuw.uiterste_datum)}."),
    )
    notificaties.meld(adresboek.gebruikers(t.organisatie_id, t.rol), soort=Soort.TERMIJN_OVERSCHREDEN,
                      link=link(voorstel), onderwerp=f"Termijn overschreden: uitvoeringstoets {voorstel.kamerstuk}",
                      tekst=f"De termijn voor {wat} is verstreken en is geëscaleerd.")
    return True


def run_toets_sweep() -> ToetsSweepResult:
    """Escalate every overdue uitvoeringstoets term one rung and ask for due invoeringstoets reports.

    Idempotent: running it twice on the same day changes nothing the second time.
    """
    from . import services

    resultaat = ToetsSweepResult()
    peildatum, moment = clock.today(), clock.now()
    ids = list(Toetstermijn.objects.filter(gesloten_op__isnull=True, eindtrede=False, uiterste_datum__lt=peildatum)
               .order_by("uiterste_datum", "id").values_list("id", flat=True))
    for termijn_id in ids:
        try:
            with transaction.atomic():
                resultaat.escalated += _escaleer_een(termijn_id, peildatum, moment)
        except IntegrityError:
            continue  # a concurrent sweep escalated it; the unique constraint kept it single
    for toets_id in (Invoeringstoets.objects.filter(status=InvoeringstoetsStatus.GEPLAND, gepland_op__lte=peildatum)
                     .order_by("gepland_op", "id").values_list("id", flat=True)):
        resultaat.reviews_requested += services.vraag_rapportages(toets_id)
    return resultaat
