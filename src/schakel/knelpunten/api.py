"""Read-only API: /knelpunten and /agenderingen. Public open data (CC0): figures count only
published signals; organisations by afkorting, never people. Throttled like the rest of the
API and cacheable for a minute."""

from __future__ import annotations

from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from schakel.api.filters import StrikteFilterSet, _keuze, _organisatie
from schakel.api.serializers import _Afkorting, _Sleutel
from schakel.api.views import StrictQueryMixin
from schakel.regelingen.models import Regeling

from . import cijfers as cijfermodule
from .models import Agendering, DrempelSoort, Knelpunt, KnelpuntStatus


class CijfersSerializer(serializers.Serializer):
    signalen = serializers.IntegerField(read_only=True, help_text="Openbare signalen in het knelpunt.")
    organisaties = serializers.ListField(child=serializers.CharField(), read_only=True,
                                         help_text="Namen van de indienende organisaties.")
    getroffenBurgers = serializers.IntegerField(source="burgers", read_only=True,
                                                help_text="Per organisatie de hoogste schatting, opgeteld.")
    beantwoord = serializers.IntegerField(read_only=True)
    overgenomen = serializers.IntegerField(read_only=True)
    nietOvergenomen = serializers.IntegerField(source="niet_overgenomen", read_only=True)
    openToezeggingen = serializers.IntegerField(source="open_toezeggingen", read_only=True)


class AgenderingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    knelpunt = _Sleutel("uuid", help_text="uuid van het knelpunt.")
    kamercommissie = _Afkorting()
    drempel = serializers.ChoiceField(choices=DrempelSoort.choices, read_only=True)
    reden = serializers.CharField(read_only=True)
    geagendeerdOp = serializers.DateTimeField(source="geagendeerd_op", read_only=True)


class KnelpuntSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    kenmerk = serializers.CharField(read_only=True)
    titel = serializers.CharField(read_only=True)
    beleidsbetekenis = serializers.CharField(read_only=True, help_text="Wat dit betekent voor beleid.")
    dilemma = serializers.CharField(read_only=True)
    status = serializers.ChoiceField(choices=KnelpuntStatus.choices, read_only=True)
    regeling = _Sleutel("bwb_id", allow_null=True, help_text="BWB-id, of null als geen van de signalen een regeling noemt.")
    artikelen = serializers.CharField(read_only=True)
    eigenaar = _Afkorting()
    kamercommissie = _Afkorting(allow_null=True)
    signalen = serializers.SerializerMethodField(help_text="uuid's van de openbare signalen.")
    cijfers = serializers.SerializerMethodField()
    agendering = serializers.SerializerMethodField()
    aangemaaktOp = serializers.DateTimeField(source="aangemaakt_op", read_only=True)
    gewijzigdOp = serializers.DateTimeField(source="gewijzigd_op", read_only=True)

    def get_signalen(self, knelpunt) -> list[str]:
        return [str(u) for u in knelpunt.signalen.filter(openbaar=True).order_by("id").values_list("uuid", flat=True)]

    @extend_schema_field(CijfersSerializer)
    def get_cijfers(self, knelpunt) -> dict:
        return CijfersSerializer(cijfermodule.bereken(knelpunt.signalen.filter(openbaar=True))).data

    @extend_schema_field(AgenderingSerializer(allow_null=True))
    def get_agendering(self, knelpunt) -> dict | None:
        agendering = Agendering.objects.filter(knelpunt=knelpunt).select_related("kamercommissie", "knelpunt").first()
        return AgenderingSerializer(agendering).data if agendering else None


class KnelpuntFilter(StrikteFilterSet):
    regeling = filters.ModelChoiceFilter(
        queryset=Regeling.objects.all(), to_field_name="bwb_id", field_name="regeling",
        help_text="BWB-id van de regeling.",
        error_messages={"invalid_choice": "Onbekende regeling '%(value)s': dit BWB-id staat niet in Schakel."})
    status = _keuze(KnelpuntStatus.choices, "Status van het knelpunt.", field_name="status")
    geagendeerd = filters.BooleanFilter(field_name="agendering", lookup_expr="isnull", exclude=True,
                                        help_text="Alleen knelpunten die (niet) op de agenda staan.")

    class Meta:
        model = Knelpunt
        fields: list[str] = []


class AgenderingFilter(StrikteFilterSet):
    kamercommissie = _organisatie("Afkorting van de Kamercommissie.", field_name="kamercommissie")

    class Meta:
        model = Agendering
        fields: list[str] = []




@extend_schema_view(
    list=extend_schema(summary="Knelpunten", description="Gebundelde signalen over dezelfde regel of hetzelfde "
                       "probleem, met afgeleide cijfers over de openbare signalen. Open data, CC0."),
    retrieve=extend_schema(summary="Eén knelpunt"),
)
@method_decorator(cache_control(public=True, max_age=60), name="dispatch")
class KnelpuntViewSet(StrictQueryMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = KnelpuntSerializer
    queryset = Knelpunt.objects.select_related("regeling", "eigenaar", "kamercommissie").order_by("id")
    filterset_class = KnelpuntFilter
    lookup_field = "uuid"


@extend_schema_view(
    list=extend_schema(summary="Agenderingen", description="Knelpunten op de agenda van een Kamercommissie, met "
                       "het moment waarop en de drempel waardoor. Open data, CC0."),
    retrieve=extend_schema(summary="Eén agendering"),
)
@method_decorator(cache_control(public=True, max_age=60), name="dispatch")
class AgenderingViewSet(StrictQueryMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = AgenderingSerializer
    queryset = Agendering.objects.select_related("knelpunt", "kamercommissie").order_by("-geagendeerd_op", "-id")
    filterset_class = AgenderingFilter
    lookup_field = "uuid"
