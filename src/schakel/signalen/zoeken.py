"""Dutch full-text search over signals, the same on SQLite and PostgreSQL.

Each signal stores ``zoektekst``: the Snowball (Dutch) stems of its text. A query is
stemmed the same way and every stem must occur. On PostgreSQL this uses a GIN index
on ``to_tsvector('simple', zoektekst)``; elsewhere a whole-word ``LIKE``.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from schakel.core.text import search_text, stems

MAX_ZOEKTERMEN = 12


def zoektekst_voor(signaal) -> str:
    return search_text(signaal.titel, signaal.praktijk, signaal.getroffen_burgers,
                       signaal.verbetervoorstel, signaal.artikelen)


def zoek(queryset: QuerySet, zoekvraag: str) -> QuerySet:
    """Restrict ``queryset`` to signals matching every stemmed word of ``zoekvraag``."""
    termen = list(dict.fromkeys(stems(zoekvraag or "")))[:MAX_ZOEKTERMEN]
    if not termen:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        return queryset.annotate(_zoekvector=SearchVector("zoektekst", config="simple")).filter(
            _zoekvector=SearchQuery(" & ".join(termen), config="simple", search_type="raw")
        )
    for term in termen:
        queryset = queryset.filter(zoektekst__contains=f" {term} ")
    return queryset
