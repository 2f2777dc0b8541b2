"""Dutch full-text search over signals, the same on SQLite and PostgreSQL.

Each signal stores ``zoektekst``: the Snowball (Dutch) stems of its text. A query is
stemmed the same way and every stem must occur. On PostgreSQL this is a ``tsquery``:
signals match against their stored ``zoekvector`` column (migration 0007, GIN-indexed),
other models against ``to_tsvector('simple', zoektekst)``; elsewhere a whole-word ``LIKE``.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import F, Func, QuerySet

from schakel.core.text import search_text, stems

MAX_ZOEKTERMEN = 12


def zoektekst_voor(signaal) -> str:
    return search_text(signaal.titel, signaal.praktijk, signaal.getroffen_burgers,
                       signaal.verbetervoorstel, signaal.artikelen)


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


def zoek(queryset: QuerySet, zoekvraag: str) -> QuerySet:
    """Restrict ``queryset`` to signals matching every stemmed word of ``zoekvraag``."""
    termen = list(dict.fromkeys(stems(zoekvraag or "")))[:MAX_ZOEKTERMEN]
    if not termen:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        from .models import Signaal

        vector = (OpgeslagenZoekvector() if queryset.model is Signaal
                  else SearchVector("zoektekst", config="simple"))
        return queryset.alias(_zoekvector=vector).filter(
            _zoekvector=SearchQuery(" & ".join(termen), config="simple", search_type="raw")
        )
    for term in termen:
        queryset = queryset.filter(zoektekst__contains=f" {term} ")
    return queryset
