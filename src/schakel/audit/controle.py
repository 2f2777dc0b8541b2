"""Replay the audit trail against the data: does each signal's row say what its events say?

The hash chain (``keten``) proves that no event was changed; it cannot see a row changed
behind the application's back (``UPDATE signalen_signaal SET status='beantwoord'``). This
module replays the events of every signal and compares the result with the row: status,
owner (``eigenaar``), escalation rung (``escalatietrede``) and current answer (version and
decision of the newest ``Reactie``). Every difference is a :class:`Afwijking`.

What the events say:

- the filing event (``ingediend``, ``noodrem_getrokken``) starts a signal: status
  *ingediend*, no owner, no rung, no answer;
- any event about the signal with ``status``, ``eigenaar`` or ``escalatietrede`` in its
  ``na`` sets that field (routing, triage, forwarding, answering, closing);
- ``geescaleerd`` (the sweep) sets the rung to ``na.trede``;
- ``beantwoord``/``herzien`` set the answer to ``na.reactie_versie`` and ``na.besluit``.

A field the trail never stated is not checked (trails written before the rung was
recorded on routing; signals made by ``schakel genereer-data``, which records one
``data_gegenereerd`` event for the range instead of one per signal). A signal without any
event outside such a range is itself a finding.

Signals are read in primary-key batches (constant memory): per batch one query for the
rows, one for their events and one for their newest answers, so a million signals take
three thousand queries (docs/operations.md gives timings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from django.db.models import Max

ONBEKEND = object()
OPENINGEN = frozenset({"ingediend", "noodrem_getrokken"})
_BEREIK = re.compile(r"signalen (\d+)\D(\d+)")


@dataclass(frozen=True)
class Afwijking:
    kenmerk: str
    veld: str
    verwacht: Any
    gevonden: Any

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.veld}: volgens de audittrail {_tekst(self.verwacht)}, in de data {_tekst(self.gevonden)}"


def _tekst(waarde) -> str:
    return "(leeg)" if waarde is None else str(waarde)


@dataclass
class _Stand:
    """What the trail says about one signal so far; ONBEKEND for what it never stated."""

    status: Any = ONBEKEND
    eigenaar: Any = ONBEKEND
    escalatietrede: Any = ONBEKEND
    reactie: Any = ONBEKEND
    gebeurtenissen: int = 0
    geopend: bool = False

    def verwerk(self, actie: str, na: dict | None) -> None:
        self.gebeurtenissen += 1
        na = na if isinstance(na, dict) else {}
        if actie in OPENINGEN and not self.geopend:
            self.geopend = True
            self.status, self.eigenaar, self.escalatietrede, self.reactie = "ingediend", None, None, None
        if "status" in na:
            self.status = na["status"]
        if "eigenaar" in na:
            self.eigenaar = na["eigenaar"]
        if "escalatietrede" in na:
            self.escalatietrede = na["escalatietrede"]
        elif actie in ("gerouteerd", "getrieerd", "gerouteerd_op_tekst"):
            self.escalatietrede = ONBEKEND  # an older trail: the rung it started at was not recorded
        if actie == "geescaleerd" and "trede" in na:
            self.escalatietrede = na["trede"]
        if "reactie_versie" in na:
            self.reactie = f"versie {na['reactie_versie']} ({na.get('besluit')})"


def _gegenereerde_bereiken() -> list[tuple[int, int]]:
    """Signal id ranges made by ``schakel genereer-data`` (no per-signal trail)."""
    from .models import Gebeurtenis

    bereiken = []
    for toelichting in Gebeurtenis.objects.filter(actie="data_gegenereerd").values_list("toelichting", flat=True):
        if m := _BEREIK.search(toelichting):
            bereiken.append((int(m.group(1)), int(m.group(2))))
    return bereiken


@dataclass
class Controleverslag:
    signalen: int = 0
    afwijkingen: int = 0
    gevonden: list[Afwijking] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return self.afwijkingen == 0


def afwijkingen(*, batch: int = 2000) -> Iterator[Afwijking | int]:
    """Yield every :class:`Afwijking`, and after each batch the number of signals checked."""
    from schakel.signalen.models import Reactie, Signaal

    from .models import Gebeurtenis

    gegenereerd = _gegenereerde_bereiken()
    vorige, gedaan = 0, 0
    while True:
        rijen = list(Signaal.objects.filter(pk__gt=vorige).order_by("pk")
                     .values_list("pk", "status", "eigenaar__afkorting", "escalatietrede")[:batch])
        if not rijen:
            return
        laag, hoog = rijen[0][0], rijen[-1][0]
        standen: dict[int, _Stand] = {}
        events = (Gebeurtenis.objects.filter(signaal_id__gte=laag, signaal_id__lte=hoog,
                                             object_type="signalen.signaal")
                  .order_by("volgnummer").values_list("signaal_id", "actie", "na"))
        for signaal_id, actie, na in events.iterator(chunk_size=5000):
            standen.setdefault(signaal_id, _Stand()).verwerk(actie, na)
        nieuwste = dict(Reactie.objects.filter(signaal_id__gte=laag, signaal_id__lte=hoog)
                        .values("signaal_id").annotate(v=Max("versie")).values_list("signaal_id", "v"))
        besluiten = {}
        if nieuwste:
            for sid, versie, besluit in (Reactie.objects.filter(signaal_id__gte=laag, signaal_id__lte=hoog)
                                         .values_list("signaal_id", "versie", "besluit")):
                if nieuwste.get(sid) == versie:
                    besluiten[sid] = f"versie {versie} ({besluit})"
        for pk, status, eigenaar, trede in rijen:
            kenmerk = f"SIG-{pk:06d}"
            stand = standen.get(pk)
            is_gegenereerd = any(a <= pk <= b for a, b in gegenereerd)
            if stand is None or not stand.geopend:
                if not is_gegenereerd:
                    yield Afwijking(kenmerk, "audittrail", "een gebeurtenis 'ingediend'",
                                    "geen" if stand is None else f"{stand.gebeurtenissen} andere gebeurtenis(sen)")
                if stand is None:
                    continue
            gevonden = {"status": status, "eigenaar": eigenaar, "escalatietrede": trede,
                        "reactie": besluiten.get(pk)}
            for veld, waarde in gevonden.items():
                verwacht = getattr(stand, veld)
                if verwacht is not ONBEKEND and verwacht != waarde:
                    yield Afwijking(kenmerk, veld, verwacht, waarde)
        gedaan += len(rijen)
        vorige = hoog
        yield gedaan


def controleer(*, batch: int = 2000, voortgang: Callable[[int], None] | None = None,
               bij_afwijking: Callable[[Afwijking], None] | None = None) -> Controleverslag:
    """Check every signal; call ``bij_afwijking`` for each finding as it is found."""
    verslag = Controleverslag()
    for item in afwijkingen(batch=batch):
        if isinstance(item, Afwijking):
            verslag.afwijkingen += 1
            if bij_afwijking:
                bij_afwijking(item)
            else:
                verslag.gevonden.append(item)
        else:
            verslag.signalen = item
            if voortgang:
                voortgang(item)
    return verslag
