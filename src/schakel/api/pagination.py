"""Page-number pagination with ``page`` and ``pageSize``; bad values are a 400, never ignored.

Totals are exact up to :data:`schakel.core.paginering.MAX_EXACT_GETELD`; beyond that ``count``
is the cap and ``countIsExact`` is false (counting a million matches costs seconds)."""

from __future__ import annotations

from django.core.paginator import InvalidPage
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from schakel.core.paginering import MAX_EXACT_GETELD, BegrensdePaginator

STANDAARD_PAGINAGROOTTE = 20
MAX_PAGINAGROOTTE = 100


def _positive_int(raw: str, name: str, maximum: int | None = None) -> int:
    try:
        value = int(raw.strip()) if raw.strip().isdigit() else None
    except ValueError:  # pragma: no cover - isdigit() guards
        value = None
    if value is None or value < 1:
        raise ValidationError({name: [f"Geef een positief geheel getal op, niet '{raw[:40]}'."]}, code="invalid")
    if maximum is not None and value > maximum:
        raise ValidationError({name: [f"Ten hoogste {maximum} per pagina."]}, code="max_value")
    return value


class Paginering(pagination.PageNumberPagination):
    page_size = STANDAARD_PAGINAGROOTTE
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = MAX_PAGINAGROOTTE
    page_query_description = "Paginanummer, vanaf 1."
    page_size_query_description = f"Aantal resultaten per pagina (1–{MAX_PAGINAGROOTTE}, standaard {STANDAARD_PAGINAGROOTTE})."
    last_page_strings = ()
    template = None
    django_paginator_class = BegrensdePaginator

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return _positive_int(raw, self.page_size_query_param, self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        return 1 if raw is None else _positive_int(raw, self.page_query_param)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        number = self.get_page_number(request, paginator)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            melding = f"Pagina {number} bestaat niet; er zijn {paginator.num_pages} pagina's."
            if not paginator.count_is_exact:
                melding = (f"Pagina {number} ligt voorbij de eerste {MAX_EXACT_GETELD:,} resultaten "
                           f"({paginator.num_pages} pagina's); verfijn de filters.".replace(",", "."))
            raise ValidationError({self.page_query_param: [melding]}, code="out_of_range") from None
        return list(self.page)

    def get_paginated_response(self, data):
        return Response({
            "count": self.page.paginator.count,
            "countIsExact": self.page.paginator.count_is_exact,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        })

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param, "required": False, "in": "query",
                "description": self.page_query_description,
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param, "required": False, "in": "query",
                "description": self.page_size_query_description,
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size,
                           "default": self.page_size},
            },
        ]

    def get_paginated_response_schema(self, schema):
        result = super().get_paginated_response_schema(schema)
        result["required"] = ["count", "countIsExact", "next", "previous", "results"]
        result["properties"]["count"]["description"] = (
            f"Totaal aantal resultaten; boven {MAX_EXACT_GETELD:,} is dit {MAX_EXACT_GETELD:,} "
            "en is countIsExact false.".replace(",", "."))
        result["properties"] = {
            "count": result["properties"]["count"],
            "countIsExact": {"type": "boolean", "example": True,
                             "description": f"Of count exact is (false: meer dan {MAX_EXACT_GETELD:,} resultaten; "
                                            "pagina's daarna worden niet geleverd).".replace(",", ".")},
            **{k: v for k, v in result["properties"].items() if k != "count"},
        }
        result["properties"]["next"]["description"] = "URL van de volgende pagina."
        result["properties"]["next"]["example"] = "https://schakel.example.org/api/v1/signalen?page=3"
        result["properties"]["previous"]["description"] = "URL van de vorige pagina."
        result["properties"]["previous"]["example"] = "https://schakel.example.org/api/v1/signalen?page=1"
        return result
