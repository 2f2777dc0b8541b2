"""GET /api/v1/staat-van-de-uitvoering: every figure of the report as JSON. Public."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.response import Response
from rest_framework.views import APIView

from schakel.api.filters import check_query_params

from .cijfers import Periode, Reikwijdte, bereken

PARAMETERS = ("periode", "organisatie", "ministerie", "commissie")


class StaatVanDeUitvoeringView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="staat_van_de_uitvoering_retrieve",
        summary="Staat van de Uitvoering: alle cijfers van een periode",
        description=(
            "De cijfers van de Staat van de Uitvoering voor een periode en de even lange periode ervoor (`huidig`, "
            "`vorige`; beschreven in `perioden`): signalen ingediend, beantwoord en te laat; mediaan en 90e percentiel "
            "van de tijd tot de eerste reactie in werkdagen (`mediaanWerkdagen`, `p90Werkdagen`); "
            "overnemen tegen uitleggen; ambtelijk tegen politiek; toezeggingen; noodremmen; escalaties per trede; "
            "regelingen en artikelen met de meeste signalen; oorzaken (TCU); het register van eigen Standen van de "
            "Uitvoering. Geef ten hoogste één van `organisatie`, `ministerie` of `commissie`; zonder: de hele "
            "rijksoverheid. Een ongeldige periode, een onbekende afkorting of meer dan één reikwijdte geeft 400 "
            "(problem+json met de fout per parameter). Zie "
            "docs/staat-van-de-uitvoering.md voor de definities."),
        parameters=[
            OpenApiParameter("periode", OpenApiTypes.STR, required=True,
                             description="Jaar (2025), kwartaal (2025-Q3), maand (2025-03) of twee data, beide "
                                         "inbegrepen (2025-01-01..2025-06-30)."),
            OpenApiParameter("organisatie", OpenApiTypes.STR, description="Afkorting van een organisatie, bijvoorbeeld uwv."),
            OpenApiParameter("ministerie", OpenApiTypes.STR, description="Afkorting van een ministerie, bijvoorbeeld szw."),
            OpenApiParameter("commissie", OpenApiTypes.STR, description="Afkorting van een Kamercommissie, bijvoorbeeld cie-szw."),
        ],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT,
                                 description="Alle cijfers van de periode en de even lange periode ervoor."),
        },
        tags=["staat-van-de-uitvoering"],
    )
    def get(self, request):
        check_query_params(request, set(PARAMETERS))
        periode = Periode.lees(request.query_params.get("periode"))
        reikwijdte = Reikwijdte.kies(**{p: request.query_params.get(p, "") for p in PARAMETERS[1:]})
        return Response(bereken(periode, reikwijdte))
