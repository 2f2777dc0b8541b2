"""The sweep: escalate every term that passed its due date, and record overdue commitments.

Design (see docs/deadlines-and-escalation.md):

* Due dates are stored; the sweep only *records* what the dates already say: it closes
  the missed term, opens the next rung's term, updates the signal, writes the audit
  events and the notifications. It never recomputes a due date.
* Work is done in batches in keyset order ``(uiterste_datum, id)`` over a partial index
  of open terms. Each batch is one transaction, so a crash loses at most the batch in
  flight, and running again resumes where it stopped.
* Idempotent and safe to run concurrently: on PostgreSQL each batch locks its terms, then
  their signals, with ``SELECT … FOR UPDATE SKIP LOCKED`` (two sweeps take different rows;
  a signal being answered at that moment is skipped, not waited for, so the sweep never
  waits on a lock and cannot deadlock; the next run picks it up if still due), on SQLite
  writers are serialised by the database. A term is closed with a conditional update
  (only if still open), and ``UNIQUE (signaal, trede)`` makes a second escalation to the
  same rung impossible: any conflict rolls the batch back, and it is retried.
* Fast: a batch costs a fixed number of queries whatever its size (bulk inserts, grouped
  updates, one address book and one organisation map per run).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from django.db import DatabaseError, IntegrityError, OperationalError, connection, reset_queries, transaction
from django.db.models import DateField, F, Q, Value
from django.db.models.functions import Coalesce

from schakel.audit import keten
from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.notificaties import services as notificaties
from schakel.notificaties.models import Melding, Soort
from schakel.organisaties.models import Organisatie

from . import kalender, ladder, regels
from .ladder import OrgInfo
from .bulk import insert_rows
from .models import Termijn, Uitkomst, VerlopenToezegging
from .status import omschrijf_adres

log = logging.getLogger(__name__)

SYSTEEM = "systeem"
MAX_POGINGEN = 5


class BatchConflict(Exception):
    """Another process changed rows of this batch: roll it back and try again."""


@dataclass
class SweepResult:
    escalated: int = 0
    at_top: int = 0
    overdue_commitments: int = 0
    batches: int = 0
    retries: int = 0
    seconds: float = 0.0
    per_rung: dict[int, int] = field(default_factory=dict)

    def summary(self) -> str:
        rungs = ", ".join(f"{ladder.Trede(t).name.lower()}: {n}" for t, n in sorted(self.per_rung.items()))
        return (f"{self.escalated} escalated ({rungs or 'none'}), {self.at_top} without a higher rung, "
                f"{self.overdue_commitments} overdue commitments recorded, {self.batches} batches, "
                f"{self.retries} retries, {self.seconds:.1f}s")


class _Run:
    """What one sweep run loads once and reuses for all batches."""

    def __init__(self, peildatum: dt.date, moment: dt.datetime):
        self.peildatum = peildatum
        self.moment = moment
        self.organisaties = {o.pk: o for o in Organisatie.objects.all()}
        self.org_info = {pk: OrgInfo.van(o) for pk, o in self.organisaties.items()}
        self.standaard = regels.standaard()
        self.afwijkingen = regels.afwijkingen_per_organisatie()
        self.adresboek = notificaties.Adresboek()
        self._uiterste: dict[int, dt.date] = {}

    def uiterste_datum(self, organisatie_id: int, trede: int) -> tuple[int, dt.date]:
        werkdagen = self.afwijkingen.get(organisatie_id, self.standaard).escalatietermijn(trede)
        if werkdagen not in self._uiterste:
            self._uiterste[werkdagen] = kalender.tel_werkdagen_op(self.peildatum, werkdagen)
        return werkdagen, self._uiterste[werkdagen]

    def adres_tekst(self, trede: int, organisatie_id: int) -> str:
        return omschrijf_adres(trede, self.organisaties[organisatie_id])


def _gebeurtenis(run: _Run, actie: str, object_type: str, object_id, signaal_id, **velden) -> dict:
    """An audit event row with the same fields ``schakel.audit.trail.record`` writes, by the system."""
    return {"tijdstip": run.moment, "actor_id": None, "actor_omschrijving": SYSTEEM, "actie": actie,
            "object_type": object_type, "object_id": str(object_id), "signaal_id": signaal_id, **velden}


def _ketenkop_eerst() -> None:
    """Take the audit chain's head before any row lock: the batch appends events to the chain
    at the end, and must not wait for the head while holding locks a service waits for."""
    if connection.features.has_select_for_update:
        keten.vergrendel()


def _skip_locked(qs, of: tuple[str, ...]):
    if connection.features.has_select_for_update_skip_locked:
        return qs.select_for_update(skip_locked=True, of=of)
    return qs  # SQLite: the write transaction itself serialises sweeps


def _in_batch(werk: Callable[[], tuple | None], result: SweepResult):
    """Run one batch in its own transaction, retrying on lock conflicts. ``None``: nothing left."""
    reset_queries()  # with DEBUG on, Django keeps every query: not a million of them
    for poging in range(1, MAX_POGINGEN + 1):
        try:
            with transaction.atomic():
                return werk()
        except (BatchConflict, IntegrityError, OperationalError) as fout:
            if isinstance(fout, OperationalError) and not _is_lock_conflict(fout):
                raise
            if poging == MAX_POGINGEN:
                raise
            result.retries += 1
            log.warning("Sweep batch conflict (%s), retry %d", fout, poging)
            time.sleep(0.05 * poging)
    raise AssertionError("unreachable")


def _is_lock_conflict(fout: DatabaseError) -> bool:
    tekst = str(fout).lower()
    return any(s in tekst for s in ("database is locked", "deadlock", "could not serialize", "lock timeout"))


_TERMIJN_VELDEN = (
    "id", "signaal_id", "trede", "uiterste_datum", "organisatie_id", "rol",
    "signaal__eigenaar_id", "signaal__regeling__kamercommissie_id", "signaal__uuid", "signaal__titel",
    "signaal__indiener_id",
)


def _escaleer_batch(run: _Run, cursor, grootte: int):
    _ketenkop_eerst()
    qs = Termijn.objects.filter(gesloten_op__isnull=True, eindtrede=False, uiterste_datum__lt=run.peildatum,
                                signaal__status="in_behandeling")
    if cursor:
        datum, pk = cursor
        qs = qs.filter(Q(uiterste_datum__gt=datum) | Q(uiterste_datum=datum, id__gt=pk), uiterste_datum__gte=datum)
    qs = _skip_locked(qs.order_by("uiterste_datum", "id"), of=("self",))
    rijen = list(qs.values_list(*_TERMIJN_VELDEN)[:grootte])
    if not rijen:
        return None
    laatste = rijen[-1]
    if connection.features.has_select_for_update_skip_locked:
        # Lock the signals too, skipping any that an answer is being written to right now: that
        # transaction holds the signal and waits for the term, so waiting here could deadlock.
        from schakel.signalen.models import Signaal

        vrij = set(Signaal.objects.filter(pk__in=[r[1] for r in rijen]).select_for_update(skip_locked=True)
                   .values_list("pk", flat=True))
        rijen = [r for r in rijen if r[1] in vrij]

    top, gesloten, nieuwe, gebeurtenissen, meldingen = [], [], [], [], []
    signaalgroepen: dict[tuple, list[int]] = defaultdict(list)
    per_trede: dict[int, int] = defaultdict(int)
    adressen = [ladder.volgende(r[2], eigenaar_id=r[6], regeling_kamercommissie_id=r[7],
                                organisaties=run.org_info) for r in rijen]
    run.adresboek.laad({(a.organisatie_id, a.rol) for a in adressen if a})
    for rij, adres in zip(rijen, adressen):
        (pk, signaal_id, trede, gemist, organisatie_id, rol, eigenaar_id, kamercommissie_id, uuid, titel,
         indiener_id) = rij
        if adres is None:
            top.append(pk)
            continue
        kw = {"eigenaar_id": eigenaar_id, "regeling_kamercommissie_id": kamercommissie_id,
              "organisaties": run.org_info}
        werkdagen, uiterste = run.uiterste_datum(adres.organisatie_id, adres.trede)
        gesloten.append(pk)
        per_trede[adres.trede] += 1
        nieuwe.append({
            "signaal_id": signaal_id, "trede": adres.trede, "organisatie_id": adres.organisatie_id, "rol": adres.rol,
            "gestart_op": run.moment, "werkdagen": werkdagen, "oorspronkelijke_uiterste_datum": uiterste,
            "uiterste_datum": uiterste, "eindtrede": ladder.volgende(adres.trede, **kw) is None,
            "verlengd_op": None, "verlengd_door_id": None, "verlenging_reden": "", "gesloten_op": None, "uitkomst": "",
        })
        signaalgroepen[(adres.trede, uiterste, gemist)].append(signaal_id)
        van = run.adres_tekst(trede, organisatie_id)
        naar = run.adres_tekst(adres.trede, adres.organisatie_id)
        gebeurtenissen.append(_gebeurtenis(
            run, "geescaleerd", "signalen.signaal", signaal_id, signaal_id,
            voor={"trede": trede, "gericht_aan": run.organisaties[organisatie_id].afkorting, "rol": rol,
                  "uiterste_reactiedatum": gemist},
            na={"trede": adres.trede, "gericht_aan": run.organisaties[adres.organisatie_id].afkorting,
                "rol": adres.rol, "uiterste_reactiedatum": uiterste},
            toelichting=(f"De termijn van {van} verstreek op {gemist:%d-%m-%Y} zonder reactie. "
                         f"Doorgezet naar {naar}; reageren uiterlijk {uiterste:%d-%m-%Y}."),
        ))
        link = notificaties.signaal_link(uuid)
        kenmerk = f"SIG-{signaal_id:06d}"
        meldingen += notificaties.rijen(
            run.adresboek.gebruikers(adres.organisatie_id, adres.rol), soort=Soort.GEESCALEERD,
            signaal_id=signaal_id, link=link, moment=run.moment,
            onderwerp=f"Naar u geëscaleerd: {kenmerk} {titel}",
            tekst=(f"De termijn van {van} voor het signaal '{titel}' verstreek op {gemist:%d-%m-%Y} zonder "
                   f"reactie. Het verzoek ligt nu bij {naar}: zorg dat er uiterlijk {uiterste:%d-%m-%Y} "
                   f"een reactie is (overnemen met toezeggingen, of niet overnemen met reden)."),
        )
        if indiener_id:
            meldingen += notificaties.rijen(
                [indiener_id], soort=Soort.TERMIJN_OVERSCHREDEN, signaal_id=signaal_id, link=link,
                moment=run.moment, onderwerp=f"Termijn overschreden: {kenmerk} {titel}",
                tekst=(f"Uw signaal '{titel}' is niet op tijd beantwoord (uiterste datum {gemist:%d-%m-%Y}). "
                       f"Het is doorgezet naar {naar}."),
            )

    if top:
        Termijn.objects.filter(pk__in=top, gesloten_op__isnull=True).update(eindtrede=True)
    if gesloten:
        aantal = Termijn.objects.filter(pk__in=gesloten, gesloten_op__isnull=True).update(
            gesloten_op=run.moment, uitkomst=Uitkomst.GEESCALEERD)
        if aantal != len(gesloten):
            raise BatchConflict(f"{len(gesloten) - aantal} terms were closed by another process")
        insert_rows(Termijn, nieuwe)
        from schakel.signalen.models import Signaal

        for (trede, uiterste, gemist), signaal_ids in signaalgroepen.items():
            Signaal.objects.filter(pk__in=signaal_ids).update(
                escalatietrede=trede, uiterste_reactiedatum=uiterste,
                termijn_overschreden_op=Coalesce(F("termijn_overschreden_op"), Value(gemist, output_field=DateField())),
            )
        insert_rows(Gebeurtenis, keten.verzegel(gebeurtenissen))  # in the hash chain
        insert_rows(Melding, meldingen)
    return (laatste[3], laatste[0]), len(gesloten), len(top), dict(per_trede)


def _toezeggingen_batch(run: _Run, cursor, grootte: int):
    from schakel.signalen.models import Toezegging

    _ketenkop_eerst()
    qs = Toezegging.objects.actueel().verlopen(run.peildatum).filter(verlopen_melding__isnull=True)
    if cursor:
        qs = qs.filter(id__gt=cursor)
    qs = _skip_locked(qs.order_by("id"), of=("self",))
    rijen = list(qs.values_list("id", "signaal_id", "uiterlijk", "omschrijving", "eigenaar",
                                "reactie__organisatie_id", "signaal__uuid", "signaal__titel",
                                "signaal__indiener_id")[:grootte])
    if not rijen:
        return None
    from schakel.accounts.models import Rol

    run.adresboek.laad({(r[5], Rol.BEHANDELAAR) for r in rijen})
    markeringen, gebeurtenissen, meldingen = [], [], []
    for pk, signaal_id, uiterlijk, omschrijving, door_wie, organisatie_id, uuid, titel, indiener_id in rijen:
        kort = omschrijving if len(omschrijving) <= 120 else omschrijving[:119] + "…"
        markeringen.append({"toezegging_id": pk, "vastgesteld_op": run.moment})
        gebeurtenissen.append(_gebeurtenis(
            run, "toezegging_verlopen", "signalen.toezegging", pk, signaal_id,
            voor={"status": "open", "uiterlijk": uiterlijk}, na={"verlopen": True},
            toelichting=f"Toezegging '{kort}' ({door_wie}) is niet nagekomen vóór {uiterlijk:%d-%m-%Y}.",
        ))
        link = notificaties.signaal_link(uuid)
        kenmerk = f"SIG-{signaal_id:06d}"
        meldingen += notificaties.rijen(
            run.adresboek.gebruikers(organisatie_id, Rol.BEHANDELAAR), soort=Soort.TOEZEGGING_VERLOPEN,
            signaal_id=signaal_id, link=link, moment=run.moment,
            onderwerp=f"Toezegging verlopen: {kenmerk} {titel}",
            tekst=(f"De toezegging '{kort}' ({door_wie}) had uiterlijk {uiterlijk:%d-%m-%Y} nagekomen moeten "
                   f"zijn. Rond haar af in Schakel met een toelichting op wat er is gedaan."),
        )
        if indiener_id:
            meldingen += notificaties.rijen(
                [indiener_id], soort=Soort.TOEZEGGING_VERLOPEN, signaal_id=signaal_id, link=link,
                moment=run.moment, onderwerp=f"Is het gebeurd? {kenmerk} {titel}",
                tekst=(f"Bij uw signaal '{titel}' is toegezegd: '{kort}', uiterlijk {uiterlijk:%d-%m-%Y}. "
                       f"Die datum is verstreken zonder dat de toezegging is afgerond. Weet u of het is "
                       f"gebeurd? Laat het de organisatie weten."),
            )
    insert_rows(VerlopenToezegging, markeringen)
    insert_rows(Gebeurtenis, keten.verzegel(gebeurtenissen))  # in the hash chain
    insert_rows(Melding, meldingen)
    return rijen[-1][0], len(rijen)


def run_sweep(*, peildatum: dt.date | None = None, batch_size: int = 1000, max_batches: int | None = None,
              progress: Callable[[SweepResult], None] | None = None) -> SweepResult:
    """Escalate all terms due before ``peildatum`` (default: today) and record overdue commitments.

    ``max_batches`` stops early (to test resuming); ``progress`` is called after each batch.
    Raises ``DatabaseError`` if the database fails; batches committed before stay committed.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    begin = time.monotonic()
    result = SweepResult()
    run = _Run(peildatum or clock.today(), clock.now())

    def meer() -> bool:
        return max_batches is None or result.batches < max_batches

    cursor = None
    while meer():
        uitkomst = _in_batch(lambda: _escaleer_batch(run, cursor, batch_size), result)
        if uitkomst is None:
            break
        cursor, geescaleerd, top, per_trede = uitkomst
        result.batches += 1
        result.escalated += geescaleerd
        result.at_top += top
        for trede, n in per_trede.items():
            result.per_rung[trede] = result.per_rung.get(trede, 0) + n
        if progress:
            progress(result)

    cursor = None
    while meer():
        uitkomst = _in_batch(lambda: _toezeggingen_batch(run, cursor, batch_size), result)
        if uitkomst is None:
            break
        cursor, aantal = uitkomst
        result.batches += 1
        result.overdue_commitments += aantal
        if progress:
            progress(result)
    result.seconds = time.monotonic() - begin
    return result
