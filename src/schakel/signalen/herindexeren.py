"""Re-index the search text of stored records after the analyser changed (``core.analyse``).

Batched by primary key, one ``UPDATE`` per row through ``executemany`` (on PostgreSQL the
stored ``zoekvector`` column follows by itself), each batch in its own transaction so that
an interrupted run keeps what it did and a new run simply does it again. Used by the
migrations that changed the analyser and by ``schakel herindexeer-zoektekst``.
"""

from __future__ import annotations

import time
from typing import Callable

from django.db import connections, transaction

BATCH = 2000

Voortgang = Callable[[int, int, float], None]  # (done, total, seconds so far)


def herindexeer(queryset, tekst: Callable[[object], str], *, batch: int = BATCH,
                voortgang: Voortgang | None = None) -> int:
    """Recompute ``zoektekst`` of every row of ``queryset`` as ``tekst(row)`` (load what
    ``tekst`` reads with ``only``/``select_related``). Returns the number of rows."""
    qs = queryset.order_by("pk")
    using = qs.db
    totaal = qs.count()
    verbinding = connections[using]
    tabel = verbinding.ops.quote_name(qs.model._meta.db_table)
    sql = f"UPDATE {tabel} SET {verbinding.ops.quote_name('zoektekst')} = %s WHERE {verbinding.ops.quote_name('id')} = %s"
    begin, gedaan, vanaf = time.perf_counter(), 0, None
    while True:
        stuk = qs.filter(pk__gt=vanaf) if vanaf is not None else qs
        rijen = list(stuk[:batch])
        if not rijen:
            break
        with transaction.atomic(using=using), verbinding.cursor() as cursor:
            cursor.executemany(sql, [(tekst(r), r.pk) for r in rijen])
        gedaan += len(rijen)
        vanaf = rijen[-1].pk
        if voortgang:
            voortgang(gedaan, totaal, time.perf_counter() - begin)
    return gedaan


def signaaltekst(signaal) -> str:
    from schakel.core.analyse import zoekdocument

    return zoekdocument(signaal.titel, signaal.praktijk, signaal.getroffen_burgers, signaal.verbetervoorstel,
                        signaal.artikelen)


SIGNAALVELDEN = ("titel", "praktijk", "getroffen_burgers", "verbetervoorstel", "artikelen")
