"""The hash chain over the audit trail: tampering with recorded events is detectable.

Every event gets a ``volgnummer`` (1, 2, 3, … without gaps), the ``hash`` of the event
before it (``vorige_hash``; 64 zeros for the first) and its own ``hash``: SHA-256 over a
canonical serialisation of its content plus ``vorige_hash``. One row, the chain head
(``Ketenkop``), holds the last volgnummer and hash; every append locks it
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the write transaction, which Schakel
opens as ``BEGIN IMMEDIATE``, already serialises writers), so two writers can never give
two events the same predecessor: the chain cannot fork.

``verifieer()`` walks the chain in volgnummer order, in batches (constant memory), and
returns the first broken link: an edited event (its hash no longer matches its content),
a deleted one (a gap in the numbers, or a link to a hash that is not the previous one),
an inserted or reordered one (a link that does not match), or a chain that ends before
or after the head (events removed from or added to the end).

Lock order: take the head last in a service (``trail.record`` is the last write), or
first in a job that locks many rows (the sweep); never wait for another lock while
holding the head.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection

GENESIS = "0" * 64
KOP_ID = 1

# The fields covered by the hash, in this order. ``volgnummer`` is not among them: the
# links (each hash includes the previous one) fix the order.
INHOUD = ("tijdstip", "actor_id", "actor_omschrijving", "actie", "object_type", "object_id", "signaal_id",
          "voor", "na", "toelichting")


def _json_waarde(waarde: Any) -> Any:
    """A JSON value as the database gives it back: dates as strings, integral floats as ints.

    PostgreSQL's jsonb returns ``1e16`` as ``10000000000000000``; normalising here makes
    the hash of what was written equal to the hash of what is read.
    """
    if waarde is None:
        return None
    waarde = json.loads(json.dumps(waarde, cls=DjangoJSONEncoder))

    def norm(v):
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        return v

    return norm(waarde)


def _tijdstip(waarde: dt.datetime) -> str:
    if waarde.tzinfo is None:
        raise ValueError("audit events need an aware tijdstip")
    return waarde.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def canoniek(inhoud: dict[str, Any], vorige_hash: str) -> bytes:
    """The exact bytes that are hashed: a JSON array of the content fields and the previous hash."""
    waarden = [
        _tijdstip(inhoud["tijdstip"]),
        inhoud.get("actor_id"),
        inhoud.get("actor_omschrijving") or "",
        inhoud["actie"],
        inhoud["object_type"],
        str(inhoud["object_id"]),
        inhoud.get("signaal_id"),
        _json_waarde(inhoud.get("voor")),
        _json_waarde(inhoud.get("na")),
        inhoud.get("toelichting") or "",
        vorige_hash,
    ]
    return json.dumps(waarden, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def bereken_hash(inhoud: dict[str, Any], vorige_hash: str) -> str:
    return hashlib.sha256(canoniek(inhoud, vorige_hash)).hexdigest()


# --- appending ---------------------------------------------------------------------------

def _kop(model=None):
    """The chain head, locked for this transaction. Created (empty chain) if missing."""
    if model is None:
        from .models import Ketenkop as model
    qs = model.objects.select_for_update(of=("self",)) if connection.features.has_select_for_update else model.objects
    kop = qs.filter(pk=KOP_ID).first()
    if kop is None:
        kop, _ = model.objects.get_or_create(pk=KOP_ID, defaults={"volgnummer": 0, "hash": GENESIS})
        if connection.features.has_select_for_update:
            kop = model.objects.select_for_update(of=("self",)).get(pk=KOP_ID)
    return kop


def vergrendel():
    """Lock the chain head now (call inside a transaction). For jobs that lock many rows
    and append later: take the head first, so that nothing waits on it while holding it."""
    return _kop()


def verzegel(rijen: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give rows (dicts of Gebeurtenis attnames, in append order) their place in the chain.

    Locks the head and moves it past the rows: call inside the transaction that inserts
    them, and insert them in that same transaction.
    """
    from .models import Ketenkop

    rijen = list(rijen)
    if not rijen:
        return rijen
    kop = _kop()
    volgnummer, vorige = kop.volgnummer, kop.hash
    for rij in rijen:
        volgnummer += 1
        rij["volgnummer"] = volgnummer
        rij["vorige_hash"] = vorige
        rij["hash"] = vorige = bereken_hash(rij, vorige)
    Ketenkop.objects.filter(pk=KOP_ID).update(volgnummer=volgnummer, hash=vorige)
    return rijen


# --- verifying ---------------------------------------------------------------------------

@dataclass
class Breuk:
    """The first broken link."""

    soort: str  # gewijzigd | ontbreekt | link | kop
    volgnummer: int | None
    gebeurtenis_id: int | None
    uitleg: str

    def __str__(self) -> str:
        waar = f"volgnummer {self.volgnummer} (id {self.gebeurtenis_id})" if self.volgnummer else "de ketenkop"
        return f"{waar}: {self.uitleg}"


@dataclass
class Verslag:
    aantal: int
    laatste_hash: str
    breuk: Breuk | None

    @property
    def in_orde(self) -> bool:
        return self.breuk is None


KOLOMMEN = ("id", "volgnummer", "vorige_hash", "hash", *INHOUD)


def verifieer(*, batch: int = 5000, voortgang: Callable[[int], None] | None = None) -> Verslag:
    """Walk the whole chain; stop at the first broken link."""
    from .models import Gebeurtenis, Ketenkop

    verwacht_nummer, vorige, aantal = 1, GENESIS, 0
    laatste = None
    while True:
        qs = Gebeurtenis.objects.all() if laatste is None else Gebeurtenis.objects.filter(volgnummer__gt=laatste)
        rijen = list(qs.order_by("volgnummer").values_list(*KOLOMMEN)[:batch])
        if not rijen:
            break
        for rij in rijen:
            inhoud = dict(zip(KOLOMMEN, rij))
            nummer, pk = inhoud["volgnummer"], inhoud["id"]
            if nummer < verwacht_nummer:
                return Verslag(aantal, vorige, Breuk(
                    "link", nummer, pk, f"volgnummer {nummer} hoort niet in de keten (ingevoegd)."))
            if nummer != verwacht_nummer:
                mist = f"{verwacht_nummer}" if nummer == verwacht_nummer + 1 else f"{verwacht_nummer} t/m {nummer - 1}"
                return Verslag(aantal, vorige, Breuk(
                    "ontbreekt", nummer, pk, f"gebeurtenis(sen) met volgnummer {mist} ontbreken (verwijderd)."))
            if bereken_hash(inhoud, inhoud["vorige_hash"]) != inhoud["hash"]:
                return Verslag(aantal, vorige, Breuk(
                    "gewijzigd", nummer, pk, "de inhoud past niet bij de opgeslagen hash (gewijzigd)."))
            if inhoud["vorige_hash"] != vorige:
                return Verslag(aantal, vorige, Breuk(
                    "link", nummer, pk, "verwijst niet naar de hash van de voorgaande gebeurtenis "
                                        "(een gebeurtenis is ingevoegd, verwijderd of van plaats verwisseld)."))
            vorige = inhoud["hash"]
            verwacht_nummer += 1
            aantal += 1
        laatste = rijen[-1][1]
        if voortgang:
            voortgang(aantal)
    kop = Ketenkop.objects.filter(pk=KOP_ID).values_list("volgnummer", "hash").first() or (0, GENESIS)
    if kop != (aantal, vorige):
        return Verslag(aantal, vorige, Breuk(
            "kop", None, None,
            f"de keten eindigt bij volgnummer {aantal}, maar de ketenkop staat op {kop[0]} "
            f"(gebeurtenissen aan het eind verwijderd of buiten de keten om toegevoegd)."))
    return Verslag(aantal, vorige, None)
