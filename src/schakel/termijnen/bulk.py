"""Fast inserts of many rows for the sweep: COPY on PostgreSQL, executemany on SQLite.

``QuerySet.bulk_create`` builds a model instance and compiles SQL per chunk (on SQLite
chunks of about 70 rows, because of its 999-parameter limit); for a million escalations
that is most of the sweep's time. Here rows are plain dicts of field attnames; values
are converted with the fields' own ``get_db_prep_save`` (so JSON, dates and time zones
are stored exactly as the ORM would), skipping the conversion for plain ints and strings.
Fields that are left out get their default. No signals are sent and no ids returned.
"""

from __future__ import annotations

from typing import Iterable

from django.db import DEFAULT_DB_ALIAS, connections

# Field types whose Python value is already what the database driver wants.
_ONVERANDERD = frozenset({
    "AutoField", "BigAutoField", "SmallAutoField", "BooleanField", "CharField", "SlugField", "TextField",
    "IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
    "PositiveBigIntegerField", "ForeignKey", "OneToOneField",
})


def _velden(model, attnames: set[str]):
    velden = []
    for veld in model._meta.concrete_fields:
        if veld.primary_key and veld.attname not in attnames:
            continue  # let the database assign it
        velden.append(veld)
    return velden


def insert_rows(model, rows: Iterable[dict]) -> int:
    """Insert ``rows`` (dicts of attname → value) into ``model``'s table; returns the count."""
    rows = list(rows)
    if not rows:
        return 0
    conn = connections[DEFAULT_DB_ALIAS]
    velden = _velden(model, set(rows[0]))
    standaard = {v.attname: v.get_default() for v in velden if v.attname not in rows[0]}
    namen = [v.attname for v in velden]
    omzetten = [None if v.get_internal_type() in _ONVERANDERD else v for v in velden]
    omgezet: dict[tuple, object] = {}  # conversions of repeated values (the batch's moment, due dates)

    def zet_om(i: int, veld, waarde):
        if isinstance(waarde, (dict, list)):
            return veld.get_db_prep_save(waarde, conn)
        sleutel = (i, waarde)
        if sleutel not in omgezet:
            omgezet[sleutel] = veld.get_db_prep_save(waarde, conn)
        return omgezet[sleutel]

    def voorbereid(rij: dict) -> tuple:
        waarden = []
        for i, (naam, veld) in enumerate(zip(namen, omzetten)):
            waarde = rij[naam] if naam in rij else standaard[naam]
            waarden.append(waarde if veld is None or waarde is None else zet_om(i, veld, waarde))
        return tuple(waarden)

    qn = conn.ops.quote_name
    tabel = qn(model._meta.db_table)
    kolommen = ", ".join(qn(v.column) for v in velden)
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy:
                for rij in rows:
                    copy.write_row(voorbereid(rij))
        else:
            sql = f"INSERT INTO {tabel} ({kolommen}) VALUES ({', '.join(['%s'] * len(velden))})"
            cursor.executemany(sql, [voorbereid(rij) for rij in rows])
    return len(rows)
