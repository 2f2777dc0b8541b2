"""Read-only API: /knelpunten and /agenderingen. Public open data (CC0): figures count only
published signals; organisations by afkorting, never people. Throttled like the rest of the
API and cacheable for a minute."""

from __future__ import annotations

from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from django.urls import reverse
from rest_framework import mixins, permissions, serializers, viewsets

from schakel.api.filters import StrikteFilterSet, ja_nee_filter, keuzefilter, organisatiefilter
from schakel.api.fields import OrganisatieField, RegelingField
from schakel.api.serializers import Afkorting, Invoer, Sleutel
from schakel.api.views import StrictQueryMixin, aangemaakt
from schakel.regelingen.models import Regeling
from schakel.signalen.zoeken import zoek

from . import cijfers as cijfermodule
from . import services
from .models import Abonnement, Agendering, DrempelSoort, Knelpunt, KnelpuntStatus


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
    knelpunt = Sleutel("uuid", help_text="uuid van het knelpunt.")
    kamercommissie = Afkorting()
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
    regeling = Sleutel("bwb_id", allow_null=True, help_text="BWB-id, of null als geen van de signalen een regeling noemt.")
    artikelen = serializers.CharField(read_only=True)
    eigenaar = Afkorting()
    kamercommissie = Afkorting(allow_null=True)
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
    status = keuzefilter(KnelpuntStatus.choices, "Status van het knelpunt.", field_name="status")
    geagendeerd = ja_nee_filter("'true': alleen knelpunten op de agenda van een Kamercommissie; 'false': de overige.",
                          method="filter_geagendeerd")
    zoek = filters.CharFilter(method="filter_zoek", max_length=200,
                              help_text="Zoekt in titel, beleidsbetekenis, dilemma en regeling, zoals /signalen: "
                                        "elk woord moet voorkomen, in welke vorm ook.",
                              error_messages={"max_length": "Maximaal 200 tekens."})

    class Meta:
        model = Knelpunt
        fields: list[str] = []

    def filter_zoek(self, queryset, name, value: str):
        return zoek(queryset, value)

    def filter_geagendeerd(self, queryset, name, value: str):
        return queryset.filter(agendering__isnull=value != "true")


class AgenderingFilter(StrikteFilterSet):
    kamercommissie = organisatiefilter("Afkorting van de Kamercommissie.", field_name="kamercommissie")

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


# --- subscriptions (personal: only one's own) ---------------------------------------------------

class AbonnementSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    soort = serializers.SerializerMethodField(help_text="'regeling', 'kamercommissie' of 'organisatie'.")
    regeling = Sleutel("bwb_id", allow_null=True, help_text="BWB-id van de gevolgde regeling, of null.")
    organisatie = Afkorting(allow_null=True, help_text="Afkorting van de gevolgde commissie of organisatie, of null.")
    feed = serializers.SerializerMethodField(help_text="De Atom-feed van wat u volgt (open data).")
    sinds = serializers.DateTimeField(read_only=True)

    def get_soort(self, abonnement) -> str:
        if abonnement.regeling_id:
            return "regeling"
        return "kamercommissie" if abonnement.organisatie.soort == "kamercommissie" else "organisatie"

    def get_feed(self, abonnement) -> str:
        request = self.context.get("request")
        pad = reverse("knelpunten:feed-agenda")
        if abonnement.regeling_id:
            pad += f"?regeling={abonnement.regeling.bwb_id}"
        else:
            sleutel = "commissie" if abonnement.organisatie.soort == "kamercommissie" else "organisatie"
            pad += f"?{sleutel}={abonnement.organisatie.afkorting}"
        return request.build_absolute_uri(pad) if request else pad


class NieuwAbonnementSerializer(Invoer):
    regeling = RegelingField(required=False, allow_null=True, default=None,
                             help_text="BWB-id van de regeling die u wilt volgen.")
    organisatie = OrganisatieField(required=False, allow_null=True, default=None,
                                   help_text="Afkorting van de Kamercommissie of organisatie die u wilt volgen.")

    def validate(self, data):
        if (data["regeling"] is None) == (data["organisatie"] is None):
            raise serializers.ValidationError({"regeling": "Geef precies één van 'regeling' en 'organisatie' op."})
        return data


@extend_schema_view(
    list=extend_schema(summary="Wat u volgt",
                       description="Uw abonnementen op regelingen, Kamercommissies en organisaties. Komt een "
                                   "knelpunt daarover op de agenda, dan krijgt u bericht (inbox en e-mail)."),
    create=extend_schema(summary="Een regeling, commissie of organisatie volgen",
                         description="Idempotent: volgt u het al, dan krijgt u het bestaande abonnement terug.",
                         request=NieuwAbonnementSerializer,
                         responses={201: AbonnementSerializer}),
    retrieve=extend_schema(summary="Eén abonnement"),
    destroy=extend_schema(summary="Niet meer volgen"),
)
class AbonnementViewSet(StrictQueryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                        mixins.CreateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    serializer_class = AbonnementSerializer
    queryset = Abonnement.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "uuid"

    def get_queryset(self):
        return (Abonnement.objects.filter(gebruiker=self.request.user).select_related("regeling", "organisatie")
                .order_by("sinds", "id"))

    def create(self, request, *args, **kwargs):
        invoer = NieuwAbonnementSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        abonnement = services.abonneer(actor=request.user, **invoer.validated_data)
        data = self.get_serializer(self.get_queryset().get(pk=abonnement.pk)).data
        return aangemaakt(request, data, "api:abonnement-detail", uuid=abonnement.uuid)

    def perform_destroy(self, abonnement):
        services.zeg_op(actor=self.request.user, abonnement=abonnement)
