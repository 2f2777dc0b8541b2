"""Dutch full-text search over signals (and the Maatwerkplaats's casusprudentie), the same
on SQLite and PostgreSQL.

Each record stores ``zoektekst``: the tokens of its text by ``schakel.core.analyse`` (each
word's forms and lemma, and those of its compound parts). A query is, per word, the set of
its forms; every word must match one of them. On PostgreSQL this is a ``tsquery``
``(a | b) & (c | d)``: signals match against their stored ``zoekvector`` column (migration
0007, GIN-indexed), other models against ``to_tsvector('simple', zoektekst)``; elsewhere a
whole-word ``LIKE`` per form.
"""

from __future__ import annotations

import operator
from functools import reduce

from django.db import connection
from django.db.models import ExpressionWrapper, F, FloatField, Func, Q, QuerySet, Value
from django.db.models.functions import Length, Replace

from schakel.core.analyse import zoektermen

from .herindexeren import signaaltekst

MAX_ZOEKTERMEN = 12


def zoektekst_voor(signaal) -> str:
    return signaaltekst(signaal)


class OpgeslagenZoekvector(Func):
    """The stored ``zoekvector`` column of a signal (PostgreSQL only, not a model field).

    It resolves ``zoektekst`` so that Django qualifies it with the right table alias (also
    inside subqueries), then names the column beside it.
    """

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(F("zoektekst"), output_field=SearchVectorField())

    def as_sql(self, compiler, connection, **extra_context):
        kolom, params = compiler.compile(self.source_expressions[0])
        zoektekst = connection.ops.quote_name("zoektekst")
        if not kolom.endswith(zoektekst):
            raise ValueError(f"Onverwachte kolom voor de zoekvector: {kolom}")
        return kolom.removesuffix(zoektekst) + connection.ops.quote_name("zoekvector"), params


def _tsquery(termen: list[tuple[str, ...]]) -> str:
    # Tokens are letters and digits only (``core.text``'s word pattern), safe in a raw tsquery.
    return " & ".join("(" + " | ".join(vormen) + ")" for vormen in termen)


def _vector(queryset: QuerySet):
    from django.contrib.postgres.search import SearchVector

    from .models import Signaal

    return OpgeslagenZoekvector() if queryset.model is Signaal else SearchVector("zoektekst", config="simple")


def zoek(queryset: QuerySet, zoekvraag: str) -> QuerySet:
    """Restrict ``queryset`` to records in which every word of ``zoekvraag`` occurs in one of
    its forms (see ``schakel.core.analyse``)."""
    termen = zoektermen(zoekvraag or "", maximum=MAX_ZOEKTERMEN)
    if not termen:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        return queryset.alias(_zoekvector=_vector(queryset)).filter(
            _zoekvector=SearchQuery(_tsquery(termen), config="simple", search_type="raw")
        )
    for vormen in termen:
        queryset = queryset.filter(reduce(operator.or_, (Q(zoektekst__contains=f" {v} ") for v in vormen)))
    return queryset


def op_relevantie(queryset: QuerySet, zoekvraag: str, *daarna: str) -> QuerySet:
    """Order search results best first, then by ``daarna``. PostgreSQL ranks with ``ts_rank``
    on the stored vector; SQLite counts the occurrences of the query's forms."""
    termen = zoektermen(zoekvraag or "", maximum=MAX_ZOEKTERMEN)
    if not termen:
        return queryset.order_by(*daarna)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        rang = SearchRank(_vector(queryset), SearchQuery(_tsquery(termen), config="simple", search_type="raw"))
    else:
        rang = reduce(operator.add, (
            (Length("zoektekst") - Length(Replace("zoektekst", Value(f" {v} "), Value("")))) / len(f" {v} ")
            for vormen in termen for v in vormen))
    return queryset.annotate(relevantie=ExpressionWrapper(rang, output_field=FloatField())).order_by(
        "-relevantie", *daarna)
