"""API of the Maatwerkplaats: /casussen (the team's internal cases; read and bring in) and
/casusprudentie (conclusions: the team's own in full, other organisations' published ones
pseudonymised).

Thin, like ``schakel.api.views``: visibility from ``rechten``, changes through ``services``,
errors as problem+json by the project's exception handler.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from schakel.api.fields import Keuze, RegelingField, Tekst
from schakel.api.idempotency import IdempotentPostMixin
from schakel.api.serializers import Invoer, _Afkorting, _Sleutel
from schakel.api.views import StrictQueryMixin
from schakel.signalen.zoeken import zoek

from . import herhaling, pseudoniem, rechten, services
from .models import MAX_TEKST, Casus, CasusStatus, Conclusie, Deelnemer, Discipline, Grondslag, Reden


class InbrengSerializer(serializers.Serializer):
    discipline = serializers.ChoiceField(choices=Discipline.choices, read_only=True)
    standpunt = serializers.SerializerMethodField()

    def get_standpunt(self, deelnemer) -> str | None:
        inbreng = getattr(deelnemer, "inbreng", None) if hasattr(deelnemer, "inbreng") else None
        return inbreng.standpunt if inbreng else None


class ConclusieKortSerializer(serializers.Serializer):
    tekst = serializers.CharField(read_only=True)
    beginselen = _Sleutel("code", many=True)
    fixAanbevolen = serializers.BooleanField(source="fix_aanbevolen", read_only=True)
    openbaar = serializers.BooleanField(read_only=True)
    vastgesteldOp = serializers.DateTimeField(source="vastgesteld_op", read_only=True)


class BeraadSerializer(serializers.Serializer):
    geplandOp = serializers.DateField(source="gepland_op", read_only=True)
    inbreng = InbrengSerializer(source="deelnemers", many=True, read_only=True,
                                help_text="Eén regel per deelnemer: discipline en standpunt (namen blijven intern).")
    conclusie = serializers.SerializerMethodField()

    @extend_schema_field(ConclusieKortSerializer(allow_null=True))
    def get_conclusie(self, beraad) -> dict | None:
        conclusie = getattr(beraad, "conclusie", None) if hasattr(beraad, "conclusie") else None
        return ConclusieKortSerializer(conclusie).data if conclusie else None


class FixSerializer(serializers.Serializer):
    wat = serializers.CharField(read_only=True)
    grondslag = serializers.ChoiceField(choices=Grondslag.choices, read_only=True)
    onderbouwing = serializers.CharField(read_only=True)
    toegekendOp = serializers.DateTimeField(source="toegekend_op", read_only=True)


class HerhalingSerializer(serializers.Serializer):
    aantal = serializers.IntegerField(read_only=True, help_text="Vergelijkbare casussen (zelfde regeling en reden), "
                                                               "deze meegeteld.")
    fixes = serializers.IntegerField(read_only=True)
    drempel = serializers.IntegerField(read_only=True)
    ongelijkeBehandeling = serializers.BooleanField(source="ongelijke_behandeling", read_only=True)
    melding = serializers.CharField(read_only=True)


class CasusSerializer(serializers.Serializer):
    """A case as its team sees it (internal)."""

    uuid = serializers.UUIDField(read_only=True)
    kenmerk = serializers.CharField(read_only=True)
    organisatie = _Afkorting()
    titel = serializers.CharField(read_only=True)
    regeling = _Sleutel("bwb_id")
    artikel = serializers.CharField(read_only=True)
    reden = serializers.ChoiceField(choices=Reden.choices, read_only=True)
    watDeRegelVraagt = serializers.CharField(source="wat_de_regel_vraagt", read_only=True)
    gevolgVoorBurger = serializers.CharField(source="gevolg_voor_burger", read_only=True)
    bedoelingVanDeWet = serializers.CharField(source="bedoeling_van_de_wet", read_only=True)
    interneGegevens = serializers.CharField(source="interne_gegevens", read_only=True)
    status = serializers.ChoiceField(choices=CasusStatus.choices, read_only=True)
    ingebrachtOp = serializers.DateTimeField(source="ingebracht_op", read_only=True)
    beraad = serializers.SerializerMethodField()
    fix = serializers.SerializerMethodField()
    solves = serializers.SerializerMethodField(help_text="Kenmerken van de signalen (solves) die deze casus citeren.")
    herhaling = serializers.SerializerMethodField()

    @extend_schema_field(BeraadSerializer(allow_null=True))
    def get_beraad(self, casus) -> dict | None:
        beraad = getattr(casus, "beraad", None) if hasattr(casus, "beraad") else None
        return BeraadSerializer(beraad).data if beraad else None

    @extend_schema_field(FixSerializer(allow_null=True))
    def get_fix(self, casus) -> dict | None:
        fix = getattr(casus, "fix", None) if hasattr(casus, "fix") else None
        return FixSerializer(fix).data if fix else None

    def get_solves(self, casus) -> list[str]:
        return [s.signaal.kenmerk for s in casus.solves.all()]

    @extend_schema_field(HerhalingSerializer)
    def get_herhaling(self, casus) -> dict:
        return HerhalingSerializer(herhaling.voor_casus(casus)).data


class NieuweCasusSerializer(Invoer):
    titel = Tekst(max_length=200)
    regeling = RegelingField()
    artikel = Tekst(required=False, allow_blank=True, default="", max_length=200)
    reden = Keuze(choices=Reden.choices)
    watDeRegelVraagt = Tekst(source="wat_de_regel_vraagt", max_length=MAX_TEKST)
    gevolgVoorBurger = Tekst(source="gevolg_voor_burger", max_length=MAX_TEKST)
    bedoelingVanDeWet = Tekst(source="bedoeling_van_de_wet", max_length=MAX_TEKST)
    interneGegevens = Tekst(source="interne_gegevens", required=False, allow_blank=True, default="", max_length=2000,
                            help_text="Persoonsgegevens die het team nodig heeft; verlaten het team nooit.")


class UitspraakSerializer(serializers.Serializer):
    """A conclusion in the casusprudentie; pseudonymised unless the reader is in the case's team."""

    uuid = serializers.UUIDField(read_only=True)
    casus = serializers.CharField(read_only=True, help_text="Kenmerk van de casus.")
    organisatie = serializers.CharField(read_only=True)
    regeling = serializers.CharField(read_only=True)
    reden = serializers.ChoiceField(choices=Reden.choices, read_only=True)
    titel = serializers.CharField(read_only=True)
    gevolgVoorBurger = serializers.CharField(read_only=True)
    bedoelingVanDeWet = serializers.CharField(read_only=True)
    conclusie = serializers.CharField(read_only=True)
    beginselen = serializers.ListField(child=serializers.CharField(), read_only=True)
    fixAanbevolen = serializers.BooleanField(read_only=True)
    openbaar = serializers.BooleanField(read_only=True)
    vastgesteldOp = serializers.DateTimeField(read_only=True)

    def to_representation(self, conclusie):
        casus = conclusie.beraad.casus
        user = self.context["request"].user
        if rechten.in_team(user, casus.organisatie_id):
            tekst = {"titel": casus.titel, "gevolgVoorBurger": casus.gevolg_voor_burger,
                     "bedoelingVanDeWet": casus.bedoeling_van_de_wet, "conclusie": conclusie.tekst}
        else:
            p = pseudoniem.casus(casus)
            tekst = {"titel": p["titel"], "gevolgVoorBurger": p["gevolg_voor_burger"],
                     "bedoelingVanDeWet": p["bedoeling_van_de_wet"], "conclusie": pseudoniem.openbaar(conclusie.tekst)}
        return {"uuid": str(conclusie.uuid), "casus": casus.kenmerk, "organisatie": casus.organisatie.afkorting,
                "regeling": casus.regeling.bwb_id, "reden": casus.reden, **tekst,
                "beginselen": [b.code for b in conclusie.beginselen.all()], "fixAanbevolen": conclusie.fix_aanbevolen,
                "openbaar": conclusie.openbaar, "vastgesteldOp": serializers.DateTimeField().to_representation(
                    conclusie.vastgesteld_op)}


def casussen_voor(user):
    from django.db.models import Prefetch

    return rechten.zichtbare_casussen(user, Casus.objects.select_related(
        "organisatie", "regeling", "fix", "beraad__conclusie").prefetch_related(
        Prefetch("beraad__deelnemers", queryset=Deelnemer.objects.select_related("inbreng")),
        "beraad__conclusie__beginselen", "solves__signaal"))


@extend_schema_view(
    get=extend_schema(summary="Casussen van uw team (intern)",
                      description="Alleen het team van de organisatie en haar bestuur zien hun casussen. Met beraad, "
                                  "inbreng per discipline, conclusie, fix, solves en het aantal vergelijkbare casussen."),
    post=extend_schema(summary="Een casus inbrengen", request=NieuweCasusSerializer,
                       description="Wat de regel vraagt, wat die met deze burger doet, wat de bedoeling van de wet is. "
                                   "Persoonsgegevens alleen in interneGegevens; alles wat het team verlaat, wordt "
                                   "gepseudonimiseerd.",
                       responses={201: OpenApiResponse(CasusSerializer, description="Ingebracht.")}),
)
class CasussenView(IdempotentPostMixin, StrictQueryMixin, generics.ListCreateAPIView):
    serializer_class = CasusSerializer
    queryset = Casus.objects.none()
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return casussen_voor(self.request.user)

    def allowed_query_params(self):
        if self.request.method != "GET":
            return set()
        return {self.paginator.page_query_param, self.paginator.page_size_query_param}

    def create(self, request, *args, **kwargs):
        if not rechten.mag_inbrengen(request.user):
            raise PermissionDenied("Alleen medewerkers van een uitvoeringsorganisatie of gemeente brengen een casus in.")
        invoer = NieuweCasusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        casus = services.breng_in(actor=request.user, **invoer.validated_data)
        return Response(self.get_serializer(casussen_voor(request.user).get(pk=casus.pk)).data,
                        status=status.HTTP_201_CREATED)


@extend_schema(summary="Eén casus van uw team (intern)")
class CasusView(StrictQueryMixin, generics.RetrieveAPIView):
    serializer_class = CasusSerializer
    queryset = Casus.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "uuid"

    def get_queryset(self):
        return casussen_voor(self.request.user)


@extend_schema(summary="Casusprudentie: conclusies van morele beraden",
               description="Gepubliceerde conclusies van alle organisaties (gepseudonimiseerd), plus alle conclusies "
                           "van uw eigen team. 'zoek' zoekt op Nederlandse woordstammen.",
               parameters=[OpenApiParameter("zoek", str, description="Zoekwoorden; elke stam moet voorkomen.")])
class CasusprudentieView(StrictQueryMixin, generics.ListAPIView):
    serializer_class = UitspraakSerializer
    queryset = Conclusie.objects.none()

    def get_queryset(self):
        conclusies = rechten.zichtbare_conclusies(self.request.user, Conclusie.objects.select_related(
            "beraad__casus__organisatie", "beraad__casus__regeling").prefetch_related("beginselen"))
        return zoek(conclusies, self.request.query_params.get("zoek", "")[:200]).order_by("-vastgesteld_op", "-id")

    def allowed_query_params(self):
        return {"zoek", self.paginator.page_query_param, self.paginator.page_size_query_param}
