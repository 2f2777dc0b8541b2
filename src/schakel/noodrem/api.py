"""API of the brake, under /api/v1/: principles, pulling a professional's brake (also
without an account), following it with the receipt code, and an organisation's counts of
retourstickers per letter (read-only, for its own and its ministry's staff).

The receipt code travels only in a POST body, never in a URL or query string (which end
up in logs). Attempts are throttled per client address.
"""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, permissions, serializers, status
from django.shortcuts import get_object_or_404
from rest_framework.exceptions import ErrorDetail, NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from schakel.api.idempotency import HEADER, IdempotentPostMixin
from schakel.api.throttles import KlantadresMixin
from schakel.api.fields import JaNee, Lijst, OrganisatieField, RegelingField, Tekst, signaaltekst
from schakel.api.serializers import Invoer, ReactieSerializer, _Afkorting
from schakel.api.views import StrictQueryMixin
from schakel.organisaties.models import Organisatie
from schakel.signalen.models import MAX_TEKST, Signaal

from . import berichten, professional, rechten, regels, retourstickers
from .models import Beginsel, Retoursticker


class _PerAdres(KlantadresMixin, SimpleRateThrottle):
    """Throttle per client address with a rate from the settings (read per request)."""

    instelling = ""

    def get_rate(self):
        return getattr(settings, self.instelling)

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class CodeThrottle(_PerAdres):
    scope = "noodrem-ontvangstcode"
    instelling = "SCHAKEL_RATELIMIT_ONTVANGSTCODE"


class AnoniemThrottle(_PerAdres):
    scope = "noodrem-anoniem"
    instelling = "SCHAKEL_RATELIMIT_ANONIEM"


# --- Serializers ----------------------------------------------------------------------------

class BeginselSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    naam = serializers.CharField(read_only=True)
    omschrijving = serializers.CharField(read_only=True)


class BeginselField(serializers.SlugRelatedField):
    default_error_messages = {
        "does_not_exist": "Onbekend beginsel '{value}'; zie /beginselen.",
        "invalid": "Geef de code van een beginsel op, bijvoorbeeld 'evenredigheid'.",
    }

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=Beginsel.objects.all(), **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


class NieuweNoodremSerializer(Invoer):
    praktijkVan = OrganisatieField(source="praktijk_van",
                                   help_text="Afkorting van de organisatie waarvan de werkwijze moet stoppen.")
    titel = signaaltekst("titel", max_length=200)
    praktijk = signaaltekst("praktijk", max_length=MAX_TEKST, help_text="Wat er gebeurt.")
    moetStoppen = Tekst(source="moet_stoppen", max_length=5000, help_text="Wat er moet stoppen.")
    beginselen = Lijst(child=BeginselField(), max_length=20,
                       help_text="Codes van de geschonden beginselen, zie /beginselen.")
    getroffenBurgers = signaaltekst("getroffen_burgers", source="getroffen_burgers", max_length=2000)
    regeling = RegelingField(help_text="BWB-id van de regeling.")
    artikelen = Tekst(required=False, allow_blank=True, default="", max_length=300)
    verbetervoorstel = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    bewijs = Tekst(required=False, allow_blank=True, default="", max_length=400,
                   help_text="Kenmerken van onderbouwende signalen, bijvoorbeeld 'SIG-000012, SIG-000034'.")
    bewijsToelichting = Tekst(source="bewijs_toelichting", required=False, allow_blank=True, default="",
                              max_length=5000, help_text="Casussen en cijfers, zonder persoonsgegevens.")
    indienendeOrganisatie = OrganisatieField(
        source="indienende_organisatie", required=False, allow_null=True,
        help_text="Bij een anonieme noodrem, niet verplicht: de organisatie waar u werkt. Weglaten mag. "
                  "Niet anoniem geldt de organisatie van uw account.")
    anoniem = JaNee(required=False, default=True,
                    help_text="Zonder account altijd anoniem; met account kiest u. Anoniem geeft een ontvangstcode.")
    openbaar = JaNee(required=False, default=True)


class GetrokkenSerializer(serializers.Serializer):
    signaal = serializers.URLField(help_text="De noodrem (een signaal van soort 'noodrem').")
    eigenaar = serializers.CharField(help_text="Afkorting van de organisatie waarvan het bestuur moet reageren.")
    uitersteReactiedatum = serializers.DateField()
    ontvangstcode = serializers.CharField(
        allow_null=True, help_text="Alleen bij een anonieme noodrem, en alleen in dit antwoord: bewaar hem.")


class CodeSerializer(Invoer):
    ontvangstcode = Tekst(max_length=60)


class BerichtInvoerSerializer(CodeSerializer):
    tekst = Tekst(max_length=5000)


class BerichtSerializer(serializers.Serializer):
    afzender = serializers.CharField(help_text="'melder' of 'behandelaar'.")
    organisatie = _Afkorting(allow_null=True, help_text="Bij een bericht van de behandelaar: diens organisatie.")
    tekst = serializers.CharField()
    geplaatstOp = serializers.DateTimeField(source="geplaatst_op")


class InzageSerializer(serializers.Serializer):
    kenmerk = serializers.CharField()
    titel = serializers.CharField()
    status = serializers.CharField()
    eigenaar = _Afkorting(help_text="Afkorting van de organisatie die moet reageren.")
    uitersteReactiedatum = serializers.DateField(source="uiterste_reactiedatum")
    reactie = ReactieSerializer(source="actuele_reactie", allow_null=True)
    berichten = BerichtSerializer(many=True)


# --- Views ------------------------------------------------------------------------------------

class _IdempotentMetAccount(IdempotentPostMixin):
    """``Idempotency-Key`` as everywhere, but only where the stored answer may be kept: keys
    are per account, and an answer holding a receipt code must never be stored."""

    def zou_code_geven(self, request) -> bool:
        return True

    def initial(self, request, *args, **kwargs):
        if request.method == "POST" and request.headers.get(HEADER) is not None and (
                not request.user.is_authenticated or self.zou_code_geven(request)):
            raise ValidationError({HEADER: [ErrorDetail(
                "Een Idempotency-Key kan niet bij een anoniem verzoek: Schakel bewaart geen antwoord met een "
                "ontvangstcode en niets dat naar u herleidbaar is. Stuur het verzoek zonder deze header.",
                code="niet_toegestaan")]})
        super().initial(request, *args, **kwargs)

@extend_schema(summary="Beginselen van behoorlijk bestuur",
               description="De beginselen die een noodrem kan noemen.")
class BeginselLijst(StrictQueryMixin, generics.ListAPIView):
    serializer_class = BeginselSerializer
    queryset = Beginsel.objects.all()
    pagination_class = None


def _signaal_met_code(code: str) -> Signaal:
    gevonden = berichten.open_met_code(code)
    if gevonden is None or isinstance(gevonden, Retoursticker):
        raise NotFound("Deze ontvangstcode kennen we niet.")
    return gevonden


class NoodremmenView(_IdempotentMetAccount, APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnoniemThrottle]

    def zou_code_geven(self, request) -> bool:
        return not isinstance(request.data, dict) or request.data.get("anoniem", True) is not False

    @extend_schema(
        summary="De noodrem van een professional trekken",
        description="Iedereen mag hem trekken, ook zonder account. Hij gaat naar het bestuur van de organisatie "
                    "waarvan de werkwijze moet stoppen, met de kortste termijn; het opdrachtgevende ministerie wordt "
                    "geïnformeerd. Anoniem: het antwoord bevat eenmalig een ontvangstcode; er worden geen "
                    "IP-adressen of user agents bewaard.",
        request=NieuweNoodremSerializer,
        responses={201: OpenApiResponse(GetrokkenSerializer, description="De noodrem is getrokken.")},
    )
    def post(self, request):
        invoer = NieuweNoodremSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        signaal, code = professional.trek_professional(gebruiker=request.user, anoniem=data.pop("anoniem"), **data)
        url = reverse("api:signaal-detail", kwargs={"uuid": signaal.uuid}, request=request)
        uit = GetrokkenSerializer({"signaal": url, "eigenaar": signaal.eigenaar.afkorting,
                                   "uitersteReactiedatum": signaal.uiterste_reactiedatum, "ontvangstcode": code}).data
        response = Response(uit, status=status.HTTP_201_CREATED, headers={"Location": str(url)})
        response["Cache-Control"] = "no-store"
        return response


class InzageView(_IdempotentMetAccount, APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []  # the code is the only key; no session or token needed
    throttle_classes = [CodeThrottle]

    @extend_schema(summary="Een anonieme noodrem volgen met de ontvangstcode",
                   description="Status, reactie en berichten. De code staat in de body, nooit in de URL.",
                   request=CodeSerializer, responses={200: InzageSerializer})
    def post(self, request):
        invoer = CodeSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        signaal = _signaal_met_code(invoer.validated_data["ontvangstcode"])
        return Response(InzageSerializer(signaal).data, headers={"Cache-Control": "no-store"})


class InzageBerichtenView(_IdempotentMetAccount, APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [CodeThrottle]

    @extend_schema(summary="Een vraag beantwoorden of informatie toevoegen met de ontvangstcode",
                   request=BerichtInvoerSerializer, responses={201: BerichtSerializer})
    def post(self, request):
        invoer = BerichtInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        signaal = _signaal_met_code(invoer.validated_data["ontvangstcode"])
        bericht = berichten.bericht_van_melder(signaal, tekst=invoer.validated_data["tekst"])
        return Response(BerichtSerializer(bericht).data, status=status.HTTP_201_CREATED)


# --- Counts per letter (retourstickers) ---------------------------------------------------------

class RetourstickerDrempelSerializer(serializers.Serializer):
    aantal = serializers.IntegerField(help_text="Zoveel retourstickers over één brief ...")
    dagen = serializers.IntegerField(help_text="... binnen zoveel dagen maken een signaal.")


class BriefTellingSerializer(serializers.Serializer):
    brief = serializers.CharField(source="brief_sleutel",
                                  help_text="De brief of het proces, genormaliseerd (kleine letters, zonder leestekens).")
    aantal = serializers.IntegerField(help_text="Alle retourstickers over deze brief.")
    onbegrijpelijk = serializers.IntegerField()
    onrechtvaardig = serializers.IntegerField()
    open = serializers.IntegerField(help_text="Nog geen contact opgenomen.")
    teLaat = serializers.IntegerField(source="te_laat", help_text="Nog geen contact en de termijn is verstreken.")
    voorgelegdAanBestuur = serializers.IntegerField(
        source="geescaleerd", help_text="Contact niet op tijd: voorgelegd aan het bestuur.")
    inPeriode = serializers.IntegerField(source="in_periode", help_text="Binnen het venster van de drempel.")
    signaal = serializers.URLField(allow_null=True, help_text="Het (laatste) signaal over deze brief, of leeg.")


class RetourstickerTellingenSerializer(serializers.Serializer):
    organisatie = serializers.CharField(help_text="Afkorting van de organisatie die de brieven stuurde.")
    drempel = RetourstickerDrempelSerializer()
    brieven = BriefTellingSerializer(many=True)


@extend_schema(
    summary="Retourstickers per brief van een organisatie",
    description="Hoe vaak burgers elke brief of elk proces terugstuurden, waarom, hoeveel nog contact wachten "
                "of aan het bestuur zijn voorgelegd, en het signaal dat bij de drempel is gemaakt. Alleen "
                "aantallen, nooit contactgegevens of woorden van burgers. Voor behandelaars, bestuur en "
                "bewindspersoon van de organisatie en van haar opdrachtgevende ministerie.",
    responses={200: RetourstickerTellingenSerializer},
)
class RetourstickerTellingenView(StrictQueryMixin, APIView):
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = None  # one row per letter of one organisation

    def get(self, request, afkorting):
        organisatie = get_object_or_404(Organisatie, afkorting=afkorting)
        if not rechten.mag_tellingen_zien(request.user, organisatie):
            raise PermissionDenied("Alleen behandelaars, bestuur en bewindspersoon van de organisatie of van haar "
                                   "opdrachtgevende ministerie zien de retourstickers per brief.")
        brieven = []
        for rij in retourstickers.tellingen_per_brief(organisatie):
            signaal = rij.pop("signaal")
            rij["signaal"] = (reverse("api:signaal-detail", kwargs={"uuid": signaal["uuid"]}, request=request)
                              if signaal else None)
            brieven.append(rij)
        drempel = regels.Drempel.uit_instellingen()
        return Response(RetourstickerTellingenSerializer({
            "organisatie": organisatie.afkorting, "drempel": {"aantal": drempel.aantal, "dagen": drempel.dagen},
            "brieven": brieven}).data)
