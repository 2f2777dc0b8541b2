"""The term engine: one model (:class:`~schakel.termijnen.models.Termijn`) and one sweep for
every deadline in Schakel, whatever its subject.

An app that needs a deadline registers a *kind of term* (:class:`Termijnsoort`) in its
``AppConfig.ready``::

    from schakel.termijnen import engine

    class VraagAanMelder(engine.Termijnsoort):
        code = "vraag_aan_melder"
        label = "Vraag aan de melder"
        onderwerp = "signaal"                 # the Termijn foreign key of the subject

        def treden(self, ctx):                # who is addressed at each rung
            ...
        def werkdagen(self, adres, ctx, *, eerste, run=None):   # working days per rung
            ...
        def na_escalatie(self, run, escalaties):                # audit rows and notifications
            ...

    engine.registreer(VraagAanMelder())

and then starts a term with :func:`start`, closes it with :func:`sluit`, may extend it
(:func:`controleer_verlenging`, :func:`verleng`) or suspend and resume it
(:func:`schort_op`, :func:`hervat`), and lets :func:`sweep` escalate it. See
docs/deadlines-and-escalation.md.

The sweep (design unchanged from the signal sweep it generalises):

* Due dates are stored; the sweep only *records* what the dates already say: it closes
  the missed term, opens the next rung's term and lets the kind write its audit events,
  notifications and subject updates. It never recomputes a due date.
* Work is done in batches per kind in keyset order ``(uiterste_datum, id)`` over the
  partial index ``(soort, uiterste_datum, id)`` of open, running terms. Each batch is one
  transaction, so a crash loses at most the batch in flight, and running again resumes
  where it stopped.
* Idempotent and safe to run concurrently: on PostgreSQL each batch locks its terms (and,
  if the kind asks, their subjects) with ``SELECT … FOR UPDATE SKIP LOCKED``; on SQLite
  writers are serialised by the database. A term is closed with a conditional update
  (only if still open), and ``UNIQUE (subject, trede)`` makes a second escalation to the
  same rung impossible: any conflict rolls the batch back, and it is retried.
* Fast: a batch costs a fixed number of queries whatever its size (bulk inserts, grouped
  updates, one organisation map per run).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, OperationalError, connection, reset_queries, transaction
from django.db.models import Q

from schakel.audit import keten
from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.notificaties.models import Melding
from schakel.organisaties.models import Organisatie

from . import kalender, regels
from .bulk import insert_rows
from .ladder import Adres, OrgInfo
from .models import ONDERWERPEN, Termijn, Uitkomst

log = logging.getLogger(__name__)

SYSTEEM = "systeem"
MAX_POGINGEN = 5

# The fields of a term the sweep always reads, in this order, before the kind's own ``velden``.
BASISVELDEN = ("id", "onderwerp_id", "trede", "uiterste_datum", "organisatie_id", "rol")


class BatchConflict(Exception):
    """Another process changed rows of this batch: roll it back and try again."""


# --- kinds of term ------------------------------------------------------------------------------

@dataclass(slots=True)
class Rij:
    """One overdue term as the sweep read it: the base fields, then the kind's ``velden``."""

    id: int
    onderwerp_id: int
    trede: int
    uiterste_datum: dt.date
    organisatie_id: int
    rol: str
    extra: tuple  # the kind's ``velden``, in order


@dataclass
class Escalatie:
    """One escalation in a batch: the missed term (``rij``), the next rung and its new due date."""

    rij: Rij
    ctx: Any
    naar: Adres
    werkdagen: int
    uiterste: dt.date


class Termijnsoort:
    """A kind of term: its subject, its ladder, its working days per rung, its extension rule
    and what an escalation writes. Subclass it and :func:`registreer` an instance."""

    code: str = ""
    label: str = ""
    onderwerp: str = ""  # one of models.ONDERWERPEN
    fase: str = ""  # the step of the subject's process, when a subject has terms of several kinds
    velden: tuple[str, ...] = ()  # extra values the sweep reads per overdue term (ORM lookups)
    filter: dict = {}  # extra filter on overdue terms (e.g. only signals in behandeling)

    def context(self, rij: Rij, run: "Run") -> Any:
        """What :meth:`treden` and :meth:`werkdagen` need to know about a row's subject."""
        return rij

    def treden(self, ctx) -> list[Adres]:
        """The ladder for this subject: every rung that has an addressee, in order."""
        raise NotImplementedError

    def volgende(self, trede: int, ctx) -> Adres | None:
        """The next rung above ``trede`` with an addressee, or ``None`` at the top."""
        return next((a for a in self.treden(ctx) if a.trede > trede), None)

    def werkdagen(self, adres: Adres, ctx, *, eerste: bool, run: "Run | None" = None) -> int:
        """Working days for the term at ``adres`` (``eerste``: the first term, else after an escalation)."""
        raise NotImplementedError

    def max_verlenging(self, termijn: Termijn) -> int:
        """Working days a term may be extended by, once, before its due date (0: never)."""
        return 0

    def vergrendel(self, onderwerp_ids: list[int]) -> set[int] | None:
        """Lock the batch's subjects (skip locked ones); ``None``: no subject locking needed."""
        return None

    def na_escalatie(self, run: "Run", escalaties: list[Escalatie]) -> tuple[list[dict], list[dict]]:
        """Subject updates for a batch of escalations (in its transaction); returns the audit
        event rows (see :func:`gebeurtenis`) and the notification rows (``notificaties.rijen``)."""
        return [], []


_SOORTEN: dict[str, Termijnsoort] = {}


def registreer(termijnsoort: Termijnsoort) -> Termijnsoort:
    """Register a kind of term (call from ``AppConfig.ready``); registering a code twice replaces it."""
    if termijnsoort.onderwerp not in ONDERWERPEN:
        raise ValueError(f"Onbekend onderwerp {termijnsoort.onderwerp!r}: kies uit {', '.join(ONDERWERPEN)}")
    if not termijnsoort.code or len(termijnsoort.code) > Termijn._meta.get_field("soort").max_length:
        raise ValueError(f"Ongeldige code {termijnsoort.code!r}")
    _SOORTEN[termijnsoort.code] = termijnsoort
    return termijnsoort


def soort(code: str) -> Termijnsoort:
    return _SOORTEN[code]


def soorten() -> list[Termijnsoort]:
    return list(_SOORTEN.values())


# --- one term's life: start, close, extend, suspend, resume -------------------------------------

def start(termijnsoort: Termijnsoort, onderwerp, adres: Adres, *, moment: dt.datetime | None = None,
          werkdagen: int | None = None, ctx=None) -> Termijn:
    """Start a term of ``termijnsoort`` on ``onderwerp`` at ``adres``. Call inside a transaction.

    ``werkdagen`` defaults to the kind's first term; ``ctx`` to ``onderwerp``."""
    moment = moment or clock.now()
    ctx = onderwerp if ctx is None else ctx
    if werkdagen is None:
        werkdagen = termijnsoort.werkdagen(adres, ctx, eerste=True)
    uiterste = kalender.uiterste_datum(moment, werkdagen)
    return Termijn.objects.create(
        soort=termijnsoort.code, **{termijnsoort.onderwerp: onderwerp}, trede=adres.trede,
        organisatie_id=adres.organisatie_id, rol=adres.rol, gestart_op=moment, werkdagen=werkdagen,
        oorspronkelijke_uiterste_datum=uiterste, uiterste_datum=uiterste,
        eindtrede=termijnsoort.volgende(adres.trede, ctx) is None,
    )


def open_termijn(termijnsoort: Termijnsoort, onderwerp, *, vergrendel: bool = False) -> Termijn | None:
    qs = Termijn.objects.open().filter(**{termijnsoort.onderwerp: onderwerp}).select_related("organisatie")
    if vergrendel:
        qs = qs.select_for_update(of=("self",))
    return qs.first()


def sluit(termijn: Termijn | None, uitkomst: str, *, moment: dt.datetime | None = None) -> bool:
    """Close ``termijn`` with ``uitkomst`` if it is still open (a conditional update); True if it was."""
    if termijn is None:
        return False
    moment = moment or clock.now()
    gesloten = Termijn.objects.filter(pk=termijn.pk, gesloten_op__isnull=True).update(
        gesloten_op=moment, uitkomst=uitkomst, opgeschort_op=None)
    if gesloten:
        termijn.gesloten_op, termijn.uitkomst, termijn.opgeschort_op = moment, uitkomst, None
    return bool(gesloten)


def maximale_verlengdatum(termijn: Termijn) -> dt.date | None:
    """The latest date ``termijn`` may be extended to, or ``None`` if its kind allows no extension."""
    maximum = soort(termijn.soort).max_verlenging(termijn)
    if maximum <= 0:
        return None
    return kalender.tel_werkdagen_op(termijn.oorspronkelijke_uiterste_datum, maximum)


_VAN_DE_SOORT: Any = object()


def controleer_verlenging(termijn: Termijn, tot: dt.date | None, vandaag: dt.date,
                          maximum: dt.date | None = _VAN_DE_SOORT) -> dict[str, list[str]]:
    """The problems with extending ``termijn`` to ``tot`` (field ``tot``). ``maximum``: the
    latest date allowed, if the caller knows it; by default the kind's rule decides."""
    if maximum is _VAN_DE_SOORT:
        maximum = maximale_verlengdatum(termijn)
    if tot is None:
        return {"tot": ["Kies de nieuwe uiterste datum."]}
    if tot < vandaag:
        return {"tot": [f"De datum {tot:%d-%m-%Y} ligt in het verleden."]}
    if tot <= termijn.uiterste_datum:
        return {"tot": [f"Kies een datum na de huidige uiterste datum ({termijn.uiterste_datum:%d-%m-%Y})."]}
    if maximum is None:
        return {"tot": ["Deze termijn kan niet worden verlengd."]}
    if tot > maximum:
        max_werkdagen = kalender.werkdagen_tussen(termijn.oorspronkelijke_uiterste_datum, maximum)
        return {"tot": [f"Verlengen kan met ten hoogste {max_werkdagen} werkdagen: uiterlijk tot {maximum:%d-%m-%Y}."]}
    if not kalender.is_werkdag(tot):
        return {"tot": [f"{tot:%d-%m-%Y} is geen werkdag ({kalender.waarom_geen_werkdag(tot)}); kies een werkdag."]}
    return {}


def verleng(termijn: Termijn, *, tot: dt.date, actor, reden: str) -> dt.date:
    """Move the due date of ``termijn`` to ``tot`` (checked by the caller); returns the old one."""
    vorige = termijn.uiterste_datum
    termijn.uiterste_datum = tot
    termijn.verlengd_op = clock.now()
    termijn.verlengd_door = actor
    termijn.verlenging_reden = reden
    termijn.save(update_fields=["uiterste_datum", "verlengd_op", "verlengd_door", "verlenging_reden"])
    return vorige


def schort_op(termijn: Termijn, *, moment: dt.datetime | None = None) -> Termijn:
    """Suspend a running term (Awb 4:15: e.g. while the filer is asked for information).

    The clock stops: the sweep skips the term until :func:`hervat`. Raises ``ValidationError``
    (field ``termijn``) for a closed, already suspended or already overdue term."""
    moment = moment or clock.now()
    if not termijn.is_open:
        raise ValidationError({"termijn": "De termijn is al gesloten."})
    if termijn.is_opgeschort:
        raise ValidationError({"termijn": "De termijn is al opgeschort."})
    if termijn.uiterste_datum < kalender.lokale_datum(moment):
        raise ValidationError({"termijn": "De termijn is al verstreken; opschorten kan alleen zolang hij loopt."})
    if not Termijn.objects.filter(pk=termijn.pk, gesloten_op__isnull=True, opgeschort_op__isnull=True).update(
            opgeschort_op=moment):
        raise ValidationError({"termijn": "De termijn is intussen gewijzigd; probeer het opnieuw."})
    termijn.opgeschort_op = moment
    return termijn


def hervat_datum(uiterste: dt.date, opgeschort: dt.date, hervat: dt.date) -> tuple[dt.date, int]:
    """The new due date when a term due ``uiterste``, suspended on ``opgeschort``, resumes on
    ``hervat``, and the working days it moved: the working days the term was suspended
    (those after ``opgeschort`` up to and including ``hervat``). Pure."""
    verschoven = kalender.werkdagen_tussen(opgeschort, hervat) if hervat > opgeschort else 0
    return (kalender.tel_werkdagen_op(uiterste, verschoven) if verschoven else uiterste), verschoven


def hervat(termijn: Termijn, *, moment: dt.datetime | None = None) -> Termijn:
    """Resume a suspended term: its due date moves by the working days it was suspended."""
    moment = moment or clock.now()
    if not termijn.is_open or not termijn.is_opgeschort:
        raise ValidationError({"termijn": "De termijn is niet opgeschort."})
    nieuw, verschoven = hervat_datum(termijn.uiterste_datum, kalender.lokale_datum(termijn.opgeschort_op),
                                     kalender.lokale_datum(moment))
    if not Termijn.objects.filter(pk=termijn.pk, gesloten_op__isnull=True, opgeschort_op__isnull=False).update(
            opgeschort_op=None, uiterste_datum=nieuw, opgeschorte_werkdagen=termijn.opgeschorte_werkdagen + verschoven):
        raise ValidationError({"termijn": "De termijn is intussen gewijzigd; probeer het opnieuw."})
    termijn.opgeschort_op, termijn.uiterste_datum = None, nieuw
    termijn.opgeschorte_werkdagen += verschoven
    return termijn


# --- the sweep ------------------------------------------------------------------------------------

@dataclass
class SweepResult:
    escalated: int = 0
    at_top: int = 0
    batches: int = 0
    retries: int = 0
    seconds: float = 0.0
    per_rung: dict[int, int] = field(default_factory=dict)


class Run:
    """What one sweep run loads once and reuses for all batches and kinds."""

    def __init__(self, peildatum: dt.date, moment: dt.datetime):
        self.peildatum = peildatum
        self.moment = moment
        self.organisaties = {o.pk: o for o in Organisatie.objects.all()}
        self.org_info = {pk: OrgInfo.van(o) for pk, o in self.organisaties.items()}
        self.standaard = regels.standaard()
        self.afwijkingen = regels.afwijkingen_per_organisatie()
        self._uiterste: dict[int, dt.date] = {}
        self.cache: dict[str, Any] = {}  # for the kinds' own per-run data (e.g. an address book)

    def escalatietermijn(self, organisatie_id: int, trede: int) -> int:
        """The organisation's working days at ``trede`` after an escalation (its settings or the default)."""
        return self.afwijkingen.get(organisatie_id, self.standaard).escalatietermijn(trede)

    def uiterste_datum(self, werkdagen: int) -> dt.date:
        if werkdagen not in self._uiterste:
            self._uiterste[werkdagen] = kalender.tel_werkdagen_op(self.peildatum, werkdagen)
        return self._uiterste[werkdagen]


def gebeurtenis(run: Run, actie: str, object_type: str, object_id, signaal_id, **velden) -> dict:
    """An audit event row with the same fields ``schakel.audit.trail.record`` writes, by the system."""
    return {"tijdstip": run.moment, "actor_id": None, "actor_omschrijving": SYSTEEM, "actie": actie,
            "object_type": object_type, "object_id": str(object_id), "signaal_id": signaal_id, **velden}


def ketenkop_eerst() -> None:
    """Take the audit chain's head before any row lock: the batch appends events to the chain
    at the end, and must not wait for the head while holding locks a service waits for."""
    if connection.features.has_select_for_update:
        keten.vergrendel()


def skip_locked(qs, of: tuple[str, ...]):
    if connection.features.has_select_for_update_skip_locked:
        return qs.select_for_update(skip_locked=True, of=of)
    return qs  # SQLite: the write transaction itself serialises sweeps


def _is_lock_conflict(fout: DatabaseError) -> bool:
    tekst = str(fout).lower()
    return any(s in tekst for s in ("database is locked", "deadlock", "could not serialize", "lock timeout"))


def in_batch(werk: Callable[[], Any], result) -> Any:
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


_GEEN_ONDERWERP = {f"{onderwerp}_id": None for onderwerp in ONDERWERPEN}


def _escaleer_batch(termijnsoort: Termijnsoort, run: Run, cursor, grootte: int):
    ketenkop_eerst()
    onderwerp_id = f"{termijnsoort.onderwerp}_id"
    qs = Termijn.objects.filter(soort=termijnsoort.code, gesloten_op__isnull=True, eindtrede=False,
                                opgeschort_op__isnull=True, uiterste_datum__lt=run.peildatum, **termijnsoort.filter)
    if cursor:
        datum, pk = cursor
        qs = qs.filter(Q(uiterste_datum__gt=datum) | Q(uiterste_datum=datum, id__gt=pk), uiterste_datum__gte=datum)
    qs = skip_locked(qs.order_by("uiterste_datum", "id"), of=("self",))
    ruw = list(qs.values_list("id", onderwerp_id, "trede", "uiterste_datum", "organisatie_id", "rol",
                              *termijnsoort.velden)[:grootte])
    if not ruw:
        return None
    laatste = ruw[-1]
    rijen = [Rij(*r[:6], extra=tuple(r[6:])) for r in ruw]
    if connection.features.has_select_for_update_skip_locked:
        vrij = termijnsoort.vergrendel([r.onderwerp_id for r in rijen])
        if vrij is not None:
            rijen = [r for r in rijen if r.onderwerp_id in vrij]

    top, gesloten, nieuwe, escalaties = [], [], [], []
    per_trede: dict[int, int] = defaultdict(int)
    for rij in rijen:
        ctx = termijnsoort.context(rij, run)
        naar = termijnsoort.volgende(rij.trede, ctx)
        if naar is None:
            top.append(rij.id)
            continue
        werkdagen = termijnsoort.werkdagen(naar, ctx, eerste=False, run=run)
        uiterste = run.uiterste_datum(werkdagen)
        gesloten.append(rij.id)
        per_trede[naar.trede] += 1
        nieuwe.append({
            "soort": termijnsoort.code, **_GEEN_ONDERWERP, onderwerp_id: rij.onderwerp_id,
            "trede": naar.trede, "organisatie_id": naar.organisatie_id,
            "rol": naar.rol, "gestart_op": run.moment, "werkdagen": werkdagen,
            "oorspronkelijke_uiterste_datum": uiterste, "uiterste_datum": uiterste,
            "eindtrede": termijnsoort.volgende(naar.trede, ctx) is None, "verlengd_op": None,
            "verlengd_door_id": None, "verlenging_reden": "", "opgeschort_op": None, "opgeschorte_werkdagen": 0,
            "gesloten_op": None, "uitkomst": "",
        })
        escalaties.append(Escalatie(rij, ctx, naar, werkdagen, uiterste))

    if top:
        Termijn.objects.filter(pk__in=top, gesloten_op__isnull=True).update(eindtrede=True)
    if gesloten:
        aantal = Termijn.objects.filter(pk__in=gesloten, gesloten_op__isnull=True).update(
            gesloten_op=run.moment, uitkomst=Uitkomst.GEESCALEERD)
        if aantal != len(gesloten):
            raise BatchConflict(f"{len(gesloten) - aantal} terms were closed by another process")
        insert_rows(Termijn, nieuwe)
        gebeurtenissen, meldingen = termijnsoort.na_escalatie(run, escalaties)
        insert_rows(Gebeurtenis, keten.verzegel(gebeurtenissen))  # in the hash chain
        insert_rows(Melding, meldingen)
    return (laatste[3], laatste[0]), len(gesloten), len(top), dict(per_trede)


def sweep(codes: Sequence[str] | None = None, *, peildatum: dt.date | None = None, batch_size: int = 1000,
          max_batches: int | None = None, progress: Callable[[SweepResult], None] | None = None,
          run: Run | None = None, result: SweepResult | None = None) -> SweepResult:
    """Escalate every term of the kinds ``codes`` (default: all registered) due before
    ``peildatum`` (default: today) one rung. ``max_batches`` stops early (the next run
    resumes); ``progress`` is called after each batch. Raises ``DatabaseError`` if the
    database fails; batches committed before stay committed."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    begin = time.monotonic()
    result = result or SweepResult()
    run = run or Run(peildatum or clock.today(), clock.now())
    for code in (codes if codes is not None else list(_SOORTEN)):
        termijnsoort = soort(code)
        cursor = None
        while max_batches is None or result.batches < max_batches:
            uitkomst = in_batch(lambda: _escaleer_batch(termijnsoort, run, cursor, batch_size), result)
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
    result.seconds += time.monotonic() - begin
    return result
