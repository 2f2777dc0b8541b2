"""API of the Maatwerkplaats: /casussen (the team's internal cases; read and bring in), /teamleden
(whom the team can invite to a deliberation), the
deliberation (/casussen/{uuid}/beraad, …/beraad/inbreng, …/beraad/conclusie), the fix
(/casussen/{uuid}/fix), /solves (the team's solves; file one) and /casusprudentie
(conclusions: the team's own in full, other organisations' published ones pseudonymised).

Thin, like ``schakel.api.views``: visibility from ``rechten``, changes through ``services``,
errors as problem+json by the project's exception handler.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import ErrorDetail, NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from schakel.api.fields import Datum, Getal, JaNee, Keuze, Lijst, RegelingField, Tekst, signaaltekst
from schakel.api.idempotency import IdempotentPostMixin
from schakel.api.problems import Conflict
from schakel.api.serializers import Afkorting, Invoer, Sleutel
from schakel.api.views import StrictQueryMixin, aangemaakt
from schakel.noodrem.api import BeginselField
from schakel.signalen.zoeken import zoek

from . import herhaling, pseudoniem, rechten, services
from .models import (
    MAX_TEKST, Beraad, Casus, CasusStatus, Conclusie, Deelnemer, Discipline, Geadresseerde, Grondslag, Reden, Solve,
)


class InbrengSerializer(serializers.Serializer):
    discipline = serializers.ChoiceField(choices=Discipline.choices, read_only=True)
    standpunt = serializers.SerializerMethodField()

    def get_standpunt(self, deelnemer) -> str | None:
        inbreng = getattr(deelnemer, "inbreng", None) if hasattr(deelnemer, "inbreng") else None
        return inbreng.standpunt if inbreng else None


class ConclusieKortSerializer(serializers.Serializer):
    tekst = serializers.CharField(read_only=True)
    beginselen = Sleutel("code", many=True)
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
    organisatie = Afkorting()
    titel = serializers.CharField(read_only=True)
    regeling = Sleutel("bwb_id")
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

    def create(self, request, *args, **kwargs):
        if not rechten.mag_inbrengen(request.user):
            raise PermissionDenied("Alleen medewerkers van een uitvoeringsorganisatie of gemeente brengen een casus in.")
        invoer = NieuweCasusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        casus = services.breng_in(actor=request.user, **invoer.validated_data)
        return aangemaakt(request, self.get_serializer(casussen_voor(request.user).get(pk=casus.pk)).data,
                          "api:casus-detail", uuid=casus.uuid)


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


class TeamlidSerializer(serializers.Serializer):
    gebruikersnaam = serializers.CharField(source="username", read_only=True,
                                           help_text="Te gebruiken in deelnemers bij het plannen van een beraad.")
    naam = serializers.SerializerMethodField(help_text="Volledige naam, of de gebruikersnaam als die ontbreekt.")
    rol = serializers.ChoiceField(choices=[(r.value, r.label) for r in sorted(rechten.TEAMROLLEN)], read_only=True,
                                  help_text="Behandelaars en bestuur kennen ook een fix toe.")

    def get_naam(self, lid) -> str:
        return lid.get_full_name() or lid.username


@extend_schema(summary="Teamleden die u voor een moreel beraad kunt uitnodigen",
               description="De actieve medewerkers en bestuurders van uw eigen organisatie, op naam gesorteerd. "
                           "Alleen voor het team zelf (melders, behandelaars en bestuur van een organisatie met een "
                           "Maatwerkplaats); bewindspersonen en Kamerleden krijgen 403.")
class TeamledenView(StrictQueryMixin, generics.ListAPIView):
    serializer_class = TeamlidSerializer
    queryset = get_user_model().objects.none()
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return rechten.teamleden(self.request.user.organisatie_id)

    def list(self, request, *args, **kwargs):
        if not rechten.heeft_team(request.user):
            raise PermissionDenied("Alleen medewerkers en bestuur van een organisatie met een Maatwerkplaats-team "
                                   "zien de teamleden.")
        return super().list(request, *args, **kwargs)


# --- deliberation, fix and solve ------------------------------------------------------------
# The same services as the web pages: permissions and rules live there; a view only checks who
# may act before it reads the body (so an outsider gets 403, not a list of input errors).

def _casus(request, uuid) -> Casus:
    """The team's case, or 404: outside the team (and its board) an internal case does not exist."""
    return get_object_or_404(casussen_voor(request.user), uuid=uuid)


def _beraad(casus: Casus) -> Beraad:
    beraad = (Beraad.objects.filter(casus=casus).select_related("casus", "conclusie")
              .prefetch_related(Prefetch("deelnemers", queryset=Deelnemer.objects.select_related("inbreng")),
                                "conclusie__beginselen").first())
    if beraad is None:
        raise Conflict("Voor deze casus is nog geen moreel beraad gepland; plan het eerst met POST …/beraad.")
    return beraad


class DeelnemerInvoer(Invoer):
    gebruikersnaam = Tekst(max_length=150, help_text="Gebruikersnaam van een medewerker of bestuurder van het team.")
    discipline = Keuze(choices=Discipline.choices)


class NieuwBeraadSerializer(Invoer):
    geplandOp = Datum(source="gepland_op", help_text="Datum van het beraad (JJJJ-MM-DD).")
    deelnemers = Lijst(child=DeelnemerInvoer(), max_length=50,
                       help_text="Deelnemers uit het team met hun discipline; ten minste twee disciplines.")


class NieuweInbrengSerializer(Invoer):
    standpunt = Tekst(max_length=MAX_TEKST, help_text="Uw standpunt, vanuit uw discipline.")


class NieuweConclusieSerializer(Invoer):
    tekst = Tekst(max_length=MAX_TEKST, help_text="Wat besloot het beraad, en waarom.")
    beginselen = Lijst(child=BeginselField(), max_length=20,
                       help_text="Codes van de gewogen beginselen, zie /beginselen (bijvoorbeeld 'evenredigheid').")
    fixAanbevolen = JaNee(source="fix_aanbevolen", required=False, default=True,
                          help_text="Adviseert het beraad een fix voor deze burger?")
    openbaar = JaNee(required=False, default=False,
                     help_text="Publiceer de (gepseudonimiseerde) conclusie in de casusprudentie.")


class NieuweFixSerializer(Invoer):
    wat = Tekst(max_length=MAX_TEKST, help_text="Wat er voor deze burger gebeurt.")
    grondslag = Keuze(choices=Grondslag.choices)
    onderbouwing = Tekst(max_length=MAX_TEKST, help_text="Waarom dit binnen die ruimte van de Awb of de wet past.")


def _deelnemers(casus: Casus, invoer: list[dict]) -> list[tuple[object, str]]:
    """Participants by user name, looked up among the case's team only (so the API reveals no
    accounts of other organisations)."""
    namen = [d["gebruikersnaam"] for d in invoer]
    team = {u.username: u for u in rechten.teamleden(casus.organisatie_id).filter(username__in=namen)}
    fouten = [{} if d["gebruikersnaam"] in team else {"gebruikersnaam": [ErrorDetail(
        f"Geen medewerker van het team met gebruikersnaam '{d['gebruikersnaam'][:40]}'.", code="does_not_exist")]}
        for d in invoer]
    if any(fouten):
        raise ValidationError({"deelnemers": fouten})
    return [(team[d["gebruikersnaam"]], d["discipline"]) for d in invoer]


@extend_schema_view(
    get=extend_schema(summary="Het moreel beraad over een casus",
                      description="Datum, inbreng per discipline (namen blijven intern) en de conclusie."),
    post=extend_schema(summary="Een moreel beraad plannen", request=NieuwBeraadSerializer,
                       description="Met deelnemers uit het team (op gebruikersnaam), elk met een discipline; ten "
                                   "minste twee disciplines. Eén beraad per casus.",
                       responses={201: OpenApiResponse(BeraadSerializer, description="Het beraad is gepland.")}),
)
class BeraadView(StrictQueryMixin, generics.GenericAPIView):
    serializer_class = BeraadSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request, uuid):
        casus = _casus(request, uuid)
        if not hasattr(casus, "beraad"):
            raise NotFound("Voor deze casus is nog geen moreel beraad gepland.")
        return Response(BeraadSerializer(_beraad(casus)).data)

    def post(self, request, uuid):
        casus = _casus(request, uuid)
        if not rechten.in_team(request.user, casus.organisatie_id):
            raise PermissionDenied("Alleen het team van deze casus plant een beraad.")
        if not rechten.mag_beraad_plannen(request.user, casus):
            raise Conflict("Voor deze casus is al een moreel beraad gepland.")
        invoer = NieuwBeraadSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.plan_beraad(casus, actor=request.user, gepland_op=invoer.validated_data["gepland_op"],
                             deelnemers=_deelnemers(casus, invoer.validated_data["deelnemers"]))
        return aangemaakt(request, BeraadSerializer(_beraad(casus)).data, "api:casus-beraad", uuid=casus.uuid)


@extend_schema(summary="Uw inbreng in het beraad vastleggen", request=NieuweInbrengSerializer,
               description="Alleen deelnemers aan het beraad, één keer, en zolang er nog geen conclusie is.",
               responses={201: OpenApiResponse(BeraadSerializer, description="De inbreng is vastgelegd.")})
class InbrengView(StrictQueryMixin, generics.GenericAPIView):
    serializer_class = BeraadSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, uuid):
        casus = _casus(request, uuid)
        beraad = _beraad(casus)
        if rechten.deelname(request.user, beraad) is None:
            raise PermissionDenied("Alleen deelnemers aan dit beraad geven hun inbreng.")
        if not rechten.mag_inbreng_geven(request.user, beraad):
            raise Conflict("U gaf uw inbreng al, of de conclusie van het beraad is al vastgesteld.")
        invoer = NieuweInbrengSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.geef_inbreng(beraad, actor=request.user, **invoer.validated_data)
        return aangemaakt(request, BeraadSerializer(_beraad(casus)).data, "api:casus-beraad", uuid=casus.uuid)


@extend_schema(summary="De conclusie van het beraad vaststellen", request=NieuweConclusieSerializer,
               description="Eén conclusie per beraad, door een deelnemer, behandelaar of bestuurder van het team, "
                           "nadat deelnemers uit ten minste twee disciplines hun inbreng gaven. Noemt de gewogen "
                           "beginselen.",
               responses={201: OpenApiResponse(ConclusieKortSerializer, description="De conclusie is vastgesteld.")})
class ConclusieView(StrictQueryMixin, generics.GenericAPIView):
    serializer_class = ConclusieKortSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, uuid):
        casus = _casus(request, uuid)
        beraad = _beraad(casus)
        if not (rechten.is_beslisser(request.user, casus.organisatie_id)
                or (rechten.in_team(request.user, casus.organisatie_id)
                    and rechten.deelname(request.user, beraad) is not None)):
            raise PermissionDenied("Een deelnemer, behandelaar of bestuurder van het team stelt de conclusie vast.")
        if not rechten.mag_concluderen(request.user, beraad):
            raise Conflict("De conclusie van dit beraad is al vastgesteld.")
        invoer = NieuweConclusieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        conclusie = services.stel_conclusie_vast(beraad, actor=request.user, **invoer.validated_data)
        conclusie = Conclusie.objects.prefetch_related("beginselen").get(pk=conclusie.pk)
        return aangemaakt(request, ConclusieKortSerializer(conclusie).data, "api:casus-beraad", uuid=casus.uuid)


@extend_schema_view(
    get=extend_schema(summary="De fix voor de burger van deze casus"),
    post=extend_schema(summary="Een fix toekennen", request=NieuweFixSerializer,
                       description="Door een behandelaar of bestuurder van het team, nadat het beraad tot een fix "
                                   "heeft geconcludeerd: wat er voor deze burger gebeurt, op welke grond binnen de "
                                   "ruimte van de Awb of de wet, en waarom het daar past.",
                       responses={201: OpenApiResponse(FixSerializer, description="De fix is toegekend.")}),
)
class FixView(StrictQueryMixin, generics.GenericAPIView):
    serializer_class = FixSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request, uuid):
        casus = _casus(request, uuid)
        if not hasattr(casus, "fix"):
            raise NotFound("Voor deze casus is (nog) geen fix toegekend.")
        return Response(FixSerializer(casus.fix).data)

    def post(self, request, uuid):
        casus = _casus(request, uuid)
        if not rechten.is_beslisser(request.user, casus.organisatie_id):
            raise PermissionDenied("Een behandelaar of bestuurder van het team kent een fix toe.")
        if not rechten.mag_fix_toekennen(request.user, casus):
            raise Conflict("Voor deze casus is al een fix toegekend." if hasattr(casus, "fix") else
                           "Een fix volgt op een conclusie van het beraad die een fix adviseert; die is er (nog) niet.")
        invoer = NieuweFixSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        fix = services.ken_fix_toe(casus, actor=request.user, **invoer.validated_data)
        return aangemaakt(request, FixSerializer(fix).data, "api:casus-fix", uuid=casus.uuid)


class SolveSerializer(serializers.Serializer):
    """A solve as its team sees it: the signal it became, where it went and the cases behind it."""

    url = serializers.HyperlinkedIdentityField(view_name="api:solve-detail", lookup_field="uuid")
    uuid = serializers.UUIDField(read_only=True)
    geadresseerde = serializers.ChoiceField(choices=Geadresseerde.choices, read_only=True,
                                            help_text="'bestuur': het bestuur van de eigen organisatie (intern); "
                                                      "'ministerie': het ministerie dat verantwoordelijk is voor de "
                                                      "regeling (openbaar).")
    signaal = serializers.HyperlinkedRelatedField(view_name="api:signaal-detail", lookup_field="uuid",
                                                  read_only=True, help_text="Het signaal dat de solve werd.")
    kenmerk = serializers.CharField(source="signaal.kenmerk", read_only=True, help_text="Kenmerk van het signaal.")
    eigenaar = Afkorting(source="signaal.eigenaar", allow_null=True,
                         help_text="Afkorting van de organisatie die moet reageren.")
    openbaar = serializers.BooleanField(source="signaal.openbaar", read_only=True)
    uitersteReactiedatum = serializers.DateField(source="signaal.uiterste_reactiedatum", read_only=True,
                                                 allow_null=True)
    escalatietrede = serializers.IntegerField(source="signaal.escalatietrede", read_only=True, allow_null=True,
                                              help_text="1 behandelaar, 2 bestuur, 3 ministerie (DG/SG), "
                                                        "4 bewindspersoon, 5 Kamercommissie.")
    casussen = Sleutel("uuid", many=True, help_text="Uuid's van de geciteerde casussen.")
    ingediendOp = serializers.DateTimeField(source="ingediend_op", read_only=True)


class NieuweSolveSerializer(Invoer):
    casussen = Lijst(child=serializers.UUIDField(error_messages={"invalid": "Geef het uuid van een casus op."}),
                     min_length=1, max_length=services.MAX_GECITEERD,
                     help_text="Uuid's van de casussen van uw team die de solve onderbouwen (één regeling).")
    geadresseerde = Keuze(choices=Geadresseerde.choices,
                          help_text="'bestuur': eigen beleidsregels, werkinstructies of systemen; het signaal blijft "
                                    "intern en begint bij het bestuur. 'ministerie': de regeling zelf moet "
                                    "veranderen; het signaal is openbaar en gaat naar de eigenaar van de regeling.")
    titel = signaaltekst("titel", max_length=200)
    toelichting = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST,
                        help_text="Wat moet er voor iedereen veranderen, en waarom.")
    getroffenBurgers = signaaltekst("getroffen_burgers", source="getroffen_burgers", max_length=2000)
    aantalGetroffen = Getal(source="aantal_getroffen", required=False, allow_null=True, default=None, min_value=0,
                            max_value=20_000_000)
    verbetervoorstel = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)


def solves_voor(user):
    return rechten.zichtbare_solves(user, Solve.objects.select_related("signaal__eigenaar").prefetch_related(
        "casussen").order_by("-ingediend_op", "-id"))


@extend_schema_view(
    get=extend_schema(summary="Solves van uw team",
                      description="De signalen die uw team uit de Maatwerkplaats indiende, met de geciteerde casussen."),
    post=extend_schema(summary="Een solve indienen", request=NieuweSolveSerializer,
                       description="Een signaal dat de gekozen casussen en de toegekende fixes citeert, "
                                   "gepseudonimiseerd. Aan het bestuur van de eigen organisatie (intern, termijn "
                                   "begint bij het bestuur, escaleert naar de opdrachtgever) of aan het ministerie "
                                   "dat verantwoordelijk is voor de regeling (openbaar).",
                       responses={201: OpenApiResponse(SolveSerializer, description="Ingediend.")}),
)
class SolvesView(IdempotentPostMixin, StrictQueryMixin, generics.ListCreateAPIView):
    serializer_class = SolveSerializer
    queryset = Solve.objects.none()
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return solves_voor(self.request.user)

    def create(self, request, *args, **kwargs):
        if not rechten.mag_solve_indienen(request.user):
            raise PermissionDenied("Alleen medewerkers van het team dienen een solve in.")
        invoer = NieuweSolveSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        uuids = d.pop("casussen")
        gevonden = {c.uuid: c for c in casussen_voor(request.user).filter(uuid__in=uuids)}
        fouten = {i: [ErrorDetail(f"Onbekende casus '{u}': geen casus van uw team.", code="does_not_exist")]
                  for i, u in enumerate(uuids) if u not in gevonden}
        if fouten:
            raise ValidationError({"casussen": fouten})
        solve = services.dien_solve_in(actor=request.user, casussen=list(gevonden.values()), **d)
        solve = solves_voor(request.user).get(pk=solve.pk)
        return aangemaakt(request, self.get_serializer(solve).data, "api:solve-detail", uuid=solve.uuid)


@extend_schema(summary="Eén solve van uw team")
class SolveView(StrictQueryMixin, generics.RetrieveAPIView):
    serializer_class = SolveSerializer
    queryset = Solve.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "uuid"

    def get_queryset(self):
        return solves_voor(self.request.user)
