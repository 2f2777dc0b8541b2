"""Statistics computed by the database, on PostgreSQL and on SQLite: working days and percentiles.

:func:`percentielen`: PostgreSQL has ``percentile_cont``; SQLite has no ordered-set
aggregates, so there the value is read with an ordered ``LIMIT 2 OFFSET k`` query per
percentile and interpolated the same way ``percentile_cont`` does. Neither loads the rows
into Python.

Working days (whole numbers) take a cheaper road: the database counts how many rows took
how many working days (:func:`werkdagen_histogram`, a few hundred rows whatever the size)
and the percentiles are read off that histogram with the same interpolation
(:func:`percentielen_uit_histogram`). At 1M signals this is several times faster than
sorting every row for ``percentile_cont``.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Sequence

from django.db import NotSupportedError, connections
from django.db.models import Aggregate, Count, FloatField, Func, IntegerField, QuerySet
from django.db.models.functions import TruncDate

from .perioden import TIJDZONE


# A Monday long before any signal: day numbers count from it, so whole weeks are easy to find.
_MAANDAG = "1970-01-05"


def werkdagen_sql(vendor: str, van: tuple[str, list], tot: tuple[str, list],
                  feestdagen: Sequence[dt.date]) -> tuple[str, list]:
    """SQL for the Dutch working days after date ``van`` up to and including date ``tot`` (each
    an SQL expression with its parameters), as :func:`schakel.termijnen.kalender.werkdagen_tussen`.

    Weekdays come from arithmetic on day numbers (``n`` days from a Monday hold ``5 * (n / 7)
    + min(n % 7, 5)`` weekdays); the public holidays on a weekday are given (``feestdagen``,
    from the same calendar as the deadlines, sorted) and counted with ``width_bucket`` over an
    array on PostgreSQL, with a sum of comparisons on SQLite. Both dates must lie within the
    years the list covers. No table, no join: one expression."""
    (van_sql, van_p), (tot_sql, tot_p) = van, tot
    if vendor == "postgresql":
        kleinste, dagnummer = "LEAST", (lambda d: f"({d} - DATE '{_MAANDAG}')")
    elif vendor == "sqlite":
        kleinste, dagnummer = "MIN", (lambda d: f"CAST(julianday({d}) - julianday('{_MAANDAG}') AS INTEGER)")
    else:
        raise NotSupportedError(f"Working days are not implemented for {vendor}.")

    def voor(datum: str) -> str:  # weekdays from the Monday up to and including datum
        n = f"({dagnummer(datum)} + 1)"
        return f"(5 * ({n} / 7) + {kleinste}({n} %% 7, 5))"

    sql = f"({voor(tot_sql)} - {voor(van_sql)})"
    params = [*tot_p, *tot_p, *van_p, *van_p]
    if not feestdagen:
        return sql, params
    feestdagen = sorted(set(feestdagen))
    if vendor == "postgresql":
        return (f"({sql} - (width_bucket({tot_sql}, %s::date[]) - width_bucket({van_sql}, %s::date[])))",
                [*params, *tot_p, feestdagen, *van_p, feestdagen])

    def vanaf(datum: str, datum_p: list) -> tuple[str, list]:
        return (" + ".join(f"({datum} >= %s)" for _ in feestdagen),
                [p for f in feestdagen for p in (*datum_p, f.isoformat())])

    (tot_f, tot_fp), (van_f, van_fp) = vanaf(tot_sql, tot_p), vanaf(van_sql, van_p)
    return f"({sql} - (({tot_f}) - ({van_f})))", [*params, *tot_fp, *van_fp]


class Werkdagen(Func):
    """Dutch working days between two moments (datetimes), in the database: as
    :func:`schakel.termijnen.kalender.werkdagen_tussen` of their calendar dates in Dutch time
    (the days after the first up to and including the second; 0 on the same day). See
    :func:`werkdagen_sql`."""

    output_field = IntegerField()

    def __init__(self, begin, eind, *, feestdagen: Sequence[dt.date], tijdzone=None, **extra):
        self.feestdagen = list(feestdagen)
        tijdzone = tijdzone or TIJDZONE
        super().__init__(TruncDate(begin, tzinfo=tijdzone), TruncDate(eind, tzinfo=tijdzone), **extra)

    def as_sql(self, compiler, connection, **extra_context):
        van, van_params = compiler.compile(self.source_expressions[0])
        tot, tot_params = compiler.compile(self.source_expressions[1])
        sql, params = werkdagen_sql(connection.vendor, (van, list(van_params)), (tot, list(tot_params)),
                                    self.feestdagen)
        return sql, tuple(params)


def werkdagen_histogram(queryset: QuerySet, begin: str, eind: str, *, feestdagen: Sequence[dt.date],
                        groep) -> dict:
    """How many rows took how many working days from ``begin`` to ``eind`` (datetime fields,
    rows without ``eind`` left out), per ``groep``: ``{groep: {werkdagen: aantal}}``.

    Two steps in one query: the rows are first grouped by their two calendar dates in Dutch
    time (the time zone conversion once per row, a hash aggregate), then the working days are
    computed per pair of dates and counted. A few hundred rows come back, whatever the size."""
    paren = (queryset.filter(**{f"{eind}__isnull": False})
             .annotate(_groep=groep, _van=TruncDate(begin, tzinfo=TIJDZONE), _tot=TruncDate(eind, tzinfo=TIJDZONE))
             .values("_groep", "_van", "_tot").annotate(_n=Count("pk")).order_by())
    connection = connections[queryset.db]
    binnen, binnen_params = paren.query.sql_with_params()
    q = connection.ops.quote_name
    w_sql, w_params = werkdagen_sql(connection.vendor, (f"t.{q('_van')}", []), (f"t.{q('_tot')}", []), feestdagen)
    sql = (f"SELECT t.{q('_groep')}, {w_sql}, SUM(t.{q('_n')}) FROM ({binnen}) t "
           f"GROUP BY t.{q('_groep')}, {w_sql}")
    uit: dict = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, (*w_params, *binnen_params, *w_params))
        for g, werkdagen, n in cursor.fetchall():
            uit.setdefault(g, {})[int(werkdagen)] = int(n)
    return uit


def percentielen_uit_histogram(histogram: dict[int, int], fracties: Sequence[float]) -> dict[float, float | None]:
    """The continuous percentiles (as ``percentile_cont``, linear interpolation between the two
    nearest ranks) of the values a histogram ``{waarde: aantal}`` describes."""
    n = sum(histogram.values())
    if not n:
        return {f: None for f in fracties}
    waarden = sorted(histogram)

    def op_rang(k: int) -> int:  # the value at 0-based rank k
        gezien = 0
        for w in waarden:
            gezien += histogram[w]
            if k < gezien:
                return w
        raise IndexError(k)

    uit = {}
    for f in fracties:
        positie = float(f) * (n - 1)
        laag = math.floor(positie)
        a = op_rang(laag)
        uit[f] = float(a) if positie == laag else _tussen(a, op_rang(laag + 1), positie - laag)
    return uit


class PercentielCont(Aggregate):
    """PostgreSQL's ``percentile_cont(f) WITHIN GROUP (ORDER BY expr)``."""

    function = "percentile_cont"
    template = "%(function)s(%(fractie)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fractie: float, **extra):
        fractie = float(fractie)
        if not 0.0 <= fractie <= 1.0:
            raise ValueError("A percentile lies between 0 and 1.")
        super().__init__(expression, fractie=repr(fractie), **extra)


def _tussen(laag: float, hoog: float, deel: float) -> float:
    return laag + (hoog - laag) * deel


def percentielen(queryset: QuerySet, expressie, fracties: Sequence[float], *, groep=None) -> dict:
    """The continuous percentiles (as PostgreSQL's ``percentile_cont``) of ``expressie`` over the
    rows of ``queryset`` where it is not NULL; ``None`` for each when there are no rows.

    Without ``groep``: ``{fractie: waarde}``. With ``groep`` (an expression): ``{groep: {fractie:
    waarde}}`` for every group that has rows, in one query on PostgreSQL (``GROUP BY``)."""
    qs = queryset.annotate(_waarde=expressie).filter(_waarde__isnull=False)
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        aggregaten = {f"p{i}": PercentielCont("_waarde", f) for i, f in enumerate(fracties)}
        if groep is None:
            uitkomst = qs.aggregate(**aggregaten)
            return {f: uitkomst[f"p{i}"] for i, f in enumerate(fracties)}
        rijen = qs.annotate(_groep=groep).values("_groep").annotate(**aggregaten).order_by()
        return {r["_groep"]: {f: r[f"p{i}"] for i, f in enumerate(fracties)} for r in rijen}
    if vendor != "sqlite":
        raise NotSupportedError(f"percentielen() is not implemented for {vendor}.")
    if groep is None:
        return _sqlite_percentielen(qs, fracties)
    qs = qs.annotate(_groep=groep)
    groepen = qs.values_list("_groep", flat=True).distinct().order_by()
    return {g: _sqlite_percentielen(qs.filter(_groep=g), fracties) for g in list(groepen)}


def _sqlite_percentielen(qs: QuerySet, fracties: Sequence[float]) -> dict[float, float | None]:
    n = qs.aggregate(n=Count("pk"))["n"]
    if not n:
        return {f: None for f in fracties}
    geordend = qs.order_by("_waarde").values_list("_waarde", flat=True)
    resultaat = {}
    for f in fracties:
        positie = float(f) * (n - 1)
        laag = math.floor(positie)
        waarden = list(geordend[laag:laag + 2])
        if len(waarden) == 1 or positie == laag:
            resultaat[f] = float(waarden[0])
        else:
            resultaat[f] = _tussen(waarden[0], waarden[1], positie - laag)
    return resultaat
