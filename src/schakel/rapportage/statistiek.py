"""Percentiles computed by the database, on PostgreSQL and on SQLite, through one function.

PostgreSQL has ``percentile_cont``; SQLite has no ordered-set aggregates, so there the value
is read with an ordered ``LIMIT 2 OFFSET k`` query per percentile and interpolated the same
way ``percentile_cont`` does. Neither loads the rows into Python.
"""

from __future__ import annotations

import math
from typing import Sequence

from django.db import NotSupportedError, connections
from django.db.models import Aggregate, Count, FloatField, Func, QuerySet


class DagenTussen(Func):
    """``eind - begin`` in days (fractional), for two datetime columns."""

    output_field = FloatField()

    def __init__(self, begin, eind, **extra):
        super().__init__(begin, eind, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        begin, begin_params = compiler.compile(self.source_expressions[0])
        eind, eind_params = compiler.compile(self.source_expressions[1])
        if connection.vendor == "postgresql":
            sql = f"(EXTRACT(EPOCH FROM ({eind} - {begin})) / 86400.0)"
        elif connection.vendor == "sqlite":
            sql = f"(julianday({eind}) - julianday({begin}))"
        else:
            raise NotSupportedError(f"DagenTussen is not implemented for {connection.vendor}.")
        return sql, (*eind_params, *begin_params)


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


def percentielen(queryset: QuerySet, expressie, fracties: Sequence[float]) -> dict[float, float | None]:
    """The continuous percentiles (as PostgreSQL's ``percentile_cont``) of ``expressie`` over the
    rows of ``queryset`` where it is not NULL; ``None`` for each when there are no rows."""
    qs = queryset.annotate(_waarde=expressie).filter(_waarde__isnull=False)
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        uitkomst = qs.aggregate(**{f"p{i}": PercentielCont("_waarde", f) for i, f in enumerate(fracties)})
        return {f: uitkomst[f"p{i}"] for i, f in enumerate(fracties)}
    if vendor != "sqlite":
        raise NotSupportedError(f"percentielen() is not implemented for {vendor}.")
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
            resultaat[f] = waarden[0]
        else:
            resultaat[f] = _tussen(waarden[0], waarden[1], positie - laag)
    return resultaat
