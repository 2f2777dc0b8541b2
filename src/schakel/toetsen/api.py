"""API of the uitvoeringstoets: /voorstellen, /voorstellen/{uuid}/uitvoeringstoetsen, /invoeringstoetsen.

Thin, like ``schakel.api.views``: visibility from ``rechten``, changes through ``services``,
errors as problem+json by the project's exception handler. Output names organisations by
afkorting and roles, never people.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from django.db.models import Prefetch
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from schakel.api.fields import Datum, Getal, JaNee, Keuze, Lijst, OrganisatieField, RegelingField, Tekst
from schakel.api.idempotency import IdempotentPostMixin
from schakel.api.serializers import Invoer, _Afkorting, _Sleutel
from schakel.api.views import StrictQueryMixin, aangemaakt
from schakel.signalen.models import Besluit
from schakel.termijnen.models import Termijn

from . import rechten, services
from .models import (
    MAX_TEKST, Invoeringstoets, InvoeringstoetsStatus, Oordeel, ToetsStatus, Uitvoeringstoets, Voorstel,
    VoorstelSoort, VoorstelStatus,
)


class TermijnSerializer(serializers.Serializer):
    fase = serializers.CharField(read_only=True, help_text="'beoordeling' (de uitvoerder) of 'antwoord' (de bewindspersoon).")
    trede = serializers.IntegerField(read_only=True, help_text="2 bestuur … 4 bewindspersoon, 5 kamercommissie.")
    organisatie = _Afkorting()
    rol = serializers.CharField(read_only=True)
    uitersteDatum = serializers.DateField(source="uiterste_datum", read_only=True)
    geslotenOp = serializers.DateTimeField(source="gesloten_op", read_only=True, allow_null=True)
    uitkomst = serializers.CharField(read_only=True, allow_blank=True)


class AntwoordSerializer(serializers.Serializer):
    besluit = serializers.ChoiceField(choices=Besluit.choices, read_only=True)
    toelichting = serializers.CharField(read_only=True)
    voorwaardenOvergenomen = serializers.BooleanField(source="voorwaarden_overgenomen", read_only=True)
    invoeringsdatum = serializers.DateField(read_only=True, allow_null=True)
    ondertekendDoor = serializers.CharField(source="ondertekend_door", read_only=True)
    gegevenOp = serializers.DateTimeField(source="gegeven_op", read_only=True)
    teLaat = serializers.BooleanField(source="te_laat", read_only=True)


class UitvoeringstoetsSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    organisatie = _Afkorting()
    ronde = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=ToetsStatus.choices, read_only=True)
    oordeel = serializers.ChoiceField(choices=Oordeel.choices, read_only=True, allow_blank=True)
    voorwaarden = serializers.CharField(read_only=True)
    invoeringstijdMaanden = serializers.IntegerField(source="invoeringstijd_maanden", read_only=True, allow_null=True)
    doenvermogen = serializers.CharField(read_only=True)
    kostenEenmalig = serializers.IntegerField(source="kosten_eenmalig", read_only=True, allow_null=True)
    kostenStructureel = serializers.IntegerField(source="kosten_structureel", read_only=True, allow_null=True)
    risicos = serializers.CharField(read_only=True)
    alternatieven = serializers.CharField(read_only=True)
    dilemmas = serializers.CharField(read_only=True)
    afwijkendStandpunt = serializers.CharField(source="afwijkend_standpunt", read_only=True)
    ingediendOp = serializers.DateTimeField(source="ingediend_op", read_only=True, allow_null=True)
    antwoord = serializers.SerializerMethodField()
    termijnen = TermijnSerializer(many=True, read_only=True)

    @extend_schema_field(AntwoordSerializer(allow_null=True))
    def get_antwoord(self, toets) -> dict | None:
        antwoord = getattr(toets, "antwoord", None) if hasattr(toets, "antwoord") else None
        return AntwoordSerializer(antwoord).data if antwoord else None


class VoorstelSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    soort = serializers.ChoiceField(choices=VoorstelSoort.choices, read_only=True)
    kamerstuk = serializers.CharField(read_only=True, help_text="Bijvoorbeeld '36 123, nr. 5'.")
    titel = serializers.CharField(read_only=True)
    omschrijving = serializers.CharField(read_only=True)
    regelingen = _Sleutel("bwb_id", many=True)
    ministerie = _Afkorting()
    kamercommissie = _Afkorting()
    uitvoerders = _Afkorting(many=True)
    status = serializers.ChoiceField(choices=VoorstelStatus.choices, read_only=True)
    ronde = serializers.IntegerField(read_only=True)
    geregistreerdOp = serializers.DateTimeField(source="geregistreerd_op", read_only=True)
    uitvoeringstoetsen = serializers.SerializerMethodField()

    def get_uitvoeringstoetsen(self, voorstel) -> list[dict]:
        return UitvoeringstoetsSerializer(_toetsen(voorstel).filter(ronde=voorstel.ronde), many=True).data


class NieuwVoorstelSerializer(Invoer):
    soort = Keuze(choices=VoorstelSoort.choices)
    kamerstuk = Tekst(max_length=40, help_text="Bijvoorbeeld '36 123, nr. 5'.")
    titel = Tekst(max_length=300)
    omschrijving = Tekst(max_length=MAX_TEKST)
    regelingen = Lijst(child=RegelingField(), required=False, default=list, max_length=50)
    ministerie = OrganisatieField()
    kamercommissie = OrganisatieField()
    uitvoerders = Lijst(child=OrganisatieField(), max_length=50)
    openbaar = JaNee(required=False, default=True)


class NieuweUitvoeringstoetsSerializer(Invoer):
    organisatie = OrganisatieField(help_text="De uitvoerder die de toets indient (de eigen organisatie).")
    oordeel = Keuze(choices=Oordeel.choices)
    voorwaarden = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    invoeringstijdMaanden = Getal(source="invoeringstijd_maanden", required=False, allow_null=True, default=None,
                                  min_value=0, max_value=120)
    doenvermogen = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    kostenEenmalig = Getal(source="kosten_eenmalig", required=False, allow_null=True, default=None, min_value=0)
    kostenStructureel = Getal(source="kosten_structureel", required=False, allow_null=True, default=None, min_value=0)
    risicos = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    alternatieven = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    dilemmas = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    afwijkendStandpunt = Tekst(source="afwijkend_standpunt", required=False, allow_blank=True, default="",
                               max_length=MAX_TEKST)


class NieuwAntwoordSerializer(Invoer):
    besluit = Keuze(choices=Besluit.choices)
    toelichting = Tekst(max_length=MAX_TEKST, allow_blank=True)
    ondertekendDoor = Tekst(source="ondertekend_door", max_length=200, allow_blank=True)
    voorwaardenOvergenomen = JaNee(source="voorwaarden_overgenomen", required=False, default=False)
    invoeringsdatum = Datum(required=False, allow_null=True, default=None)


class RegelVergelijkingSerializer(serializers.Serializer):
    organisatie = serializers.SerializerMethodField()
    oordeelVooraf = serializers.SerializerMethodField()
    signalenSindsInvoering = serializers.IntegerField(source="signalen")
    noodremmen = serializers.IntegerField()
    rapportageIngediend = serializers.SerializerMethodField()
    uitkomst = serializers.CharField()

    def get_organisatie(self, regel) -> str:
        return regel.organisatie.afkorting

    def get_oordeelVooraf(self, regel) -> str | None:
        return regel.toets.oordeel if regel.toets else None

    def get_rapportageIngediend(self, regel) -> bool:
        return bool(regel.rapportage and regel.rapportage.ingediend_op)


class InvoeringstoetsSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    regeling = _Sleutel("bwb_id")
    artikelen = serializers.CharField(read_only=True)
    voorstel = _Sleutel("uuid", allow_null=True)
    inwerkingtreding = serializers.DateField(read_only=True)
    geplandOp = serializers.DateField(source="gepland_op", read_only=True)
    status = serializers.ChoiceField(choices=InvoeringstoetsStatus.choices, read_only=True)
    rapportageUiterlijk = serializers.DateField(source="rapportage_uiterlijk", read_only=True, allow_null=True)
    vergelijking = serializers.SerializerMethodField()

    def get_vergelijking(self, toets) -> list[dict]:
        from .vergelijking import vergelijk

        return RegelVergelijkingSerializer(vergelijk(toets, self.context["request"].user), many=True).data


def _toetsen(voorstel):
    return (voorstel.uitvoeringstoetsen.select_related("organisatie", "antwoord")
            .prefetch_related(Prefetch("termijnen", queryset=Termijn.objects.select_related("organisatie")
                                                 .order_by("gestart_op", "id"))).order_by("-ronde", "organisatie__naam"))


def voorstellen_voor(user):
    return rechten.zichtbare_voorstellen(user, Voorstel.objects.select_related("ministerie", "kamercommissie")
                                         .prefetch_related("regelingen", "uitvoerders"))


@extend_schema_view(
    get=extend_schema(summary="Voorstellen met hun uitvoeringstoetsen",
                      description="Openbare voorstellen, plus die van uw ministerie, commissie of organisatie."),
    post=extend_schema(summary="Een voorstel registreren", request=NieuwVoorstelSerializer,
                       description="Een ministerie of Kamercommissie registreert een voorstel; elke uitvoerder "
                                   "wordt om een uitvoeringstoets gevraagd, met een termijn in werkdagen.",
                       responses={201: OpenApiResponse(VoorstelSerializer, description="Geregistreerd.")}),
)
class VoorstellenView(IdempotentPostMixin, StrictQueryMixin, generics.ListCreateAPIView):
    serializer_class = VoorstelSerializer
    queryset = Voorstel.objects.none()
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        return voorstellen_voor(self.request.user)

    def create(self, request, *args, **kwargs):
        if not rechten.mag_registreren(request.user):
            raise PermissionDenied("Alleen een ministerie of een Kamercommissie (griffie) kan een voorstel registreren.")
        invoer = NieuwVoorstelSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        voorstel = services.registreer(actor=request.user, **invoer.validated_data)
        return aangemaakt(request, self.get_serializer(voorstellen_voor(request.user).get(pk=voorstel.pk)).data,
                          "api:voorstel-detail", uuid=voorstel.uuid)


@extend_schema(summary="Eén voorstel, met de uitvoeringstoetsen van de huidige ronde")
class VoorstelView(StrictQueryMixin, generics.RetrieveAPIView):
    serializer_class = VoorstelSerializer
    queryset = Voorstel.objects.none()
    lookup_field = "uuid"

    def get_queryset(self):
        return voorstellen_voor(self.request.user)


@extend_schema_view(
    get=extend_schema(summary="Alle uitvoeringstoetsen van een voorstel, alle rondes"),
    post=extend_schema(summary="Een uitvoeringstoets indienen", request=NieuweUitvoeringstoetsSerializer,
                       description="De gevraagde uitvoerder dient haar oordeel in (uitvoerbaar, onder voorwaarden, "
                                   "niet uitvoerbaar), met kosten, risico's, alternatieven, dilemma's en een "
                                   "eventueel afwijkend standpunt. Daarna loopt de termijn van de bewindspersoon.",
                       responses={201: OpenApiResponse(UitvoeringstoetsSerializer, description="Ingediend.")}),
)
class UitvoeringstoetsenView(IdempotentPostMixin, StrictQueryMixin, generics.ListCreateAPIView):
    serializer_class = UitvoeringstoetsSerializer
    queryset = Uitvoeringstoets.objects.none()
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def get_voorstel(self):
        return get_object_or_404(voorstellen_voor(self.request.user), uuid=self.kwargs["uuid"])

    def get_queryset(self):
        return _toetsen(self.get_voorstel())

    def create(self, request, *args, **kwargs):
        voorstel = self.get_voorstel()
        toets = voorstel.toetsen_in_ronde().filter(organisatie_id=request.user.organisatie_id).first()
        if toets is None or not rechten.mag_beoordelen(request.user, toets):
            raise PermissionDenied("Alleen behandelaars en bestuur van een gevraagde uitvoerder dienen een open "
                                   "uitvoeringstoets in.")
        invoer = NieuweUitvoeringstoetsSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        if gegevens.pop("organisatie").pk != toets.organisatie_id:
            raise PermissionDenied("U dient alleen de uitvoeringstoets van uw eigen organisatie in.")
        toets = services.dien_toets_in(toets, actor=request.user, **gegevens)
        return aangemaakt(request, self.get_serializer(_toetsen(voorstel).get(pk=toets.pk)).data,
                          "api:voorstel-detail", uuid=voorstel.uuid)


@extend_schema(summary="De bewindspersoon beantwoordt een uitvoeringstoets (comply or explain)",
               description="'overnemen' neemt de voorwaarden en de invoeringstijd over (invoeringsdatum niet eerder "
                           "dan de gevraagde tijd toelaat); 'niet_overnemen' vraagt een inhoudelijke reden.",
               request=NieuwAntwoordSerializer,
               responses={201: OpenApiResponse(UitvoeringstoetsSerializer, description="Beantwoord.")})
class AntwoordView(IdempotentPostMixin, StrictQueryMixin, generics.GenericAPIView):
    serializer_class = UitvoeringstoetsSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, *args, **kwargs):
        voorstel = get_object_or_404(voorstellen_voor(request.user), uuid=self.kwargs["uuid"])
        toets = get_object_or_404(voorstel.uitvoeringstoetsen.select_related("voorstel"), uuid=self.kwargs["toets"])
        if not rechten.mag_beantwoorden(request.user, toets):
            raise PermissionDenied("Alleen de bewindspersoon van het ministerie beantwoordt een ingediende toets.")
        invoer = NieuwAntwoordSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        services.beantwoord(toets, actor=request.user, besluit=d["besluit"], toelichting_tekst=d["toelichting"],
                            ondertekend_door=d["ondertekend_door"], voorwaarden_overgenomen=d["voorwaarden_overgenomen"],
                            invoeringsdatum=d["invoeringsdatum"])
        return aangemaakt(request, self.get_serializer(_toetsen(voorstel).get(pk=toets.pk)).data,
                          "api:voorstel-detail", uuid=voorstel.uuid)


@extend_schema_view(get=extend_schema(summary="Invoeringstoetsen met de vergelijking vooraf en achteraf"))
class InvoeringstoetsenView(StrictQueryMixin, generics.ListAPIView):
    serializer_class = InvoeringstoetsSerializer
    queryset = Invoeringstoets.objects.none()

    def get_queryset(self):
        return Invoeringstoets.objects.select_related("regeling", "voorstel").order_by("-gepland_op", "-id")

    def allowed_query_params(self):
        return {self.paginator.page_query_param, self.paginator.page_size_query_param}


@extend_schema(summary="Eén invoeringstoets, met de vergelijking vooraf en achteraf")
class InvoeringstoetsView(StrictQueryMixin, generics.RetrieveAPIView):
    serializer_class = InvoeringstoetsSerializer
    queryset = Invoeringstoets.objects.select_related("regeling", "voorstel")
    lookup_field = "uuid"
