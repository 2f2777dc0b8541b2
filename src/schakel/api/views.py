"""API endpoints. Thin: visibility from ``rechten``, changes through ``services``.

A signal the user may not see is a 404; an action the user may not take is a 403,
checked before the body is validated so that the answer does not depend on the input.
"""

from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, permissions, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.reverse import reverse

from schakel.audit.models import Gebeurtenis
from schakel.organisaties.models import Organisatie
from schakel.regelingen.models import BWB_ID_PATTERN, Regeling
from schakel.signalen import rechten, routering, services
from schakel.signalen.models import Oorzaak, Reactie, Signaal, Toezegging, ToezeggingStatus
from schakel.termijnen import selecties

from . import serializers as s
from .filters import OrganisatieFilter, RegelingFilter, SignaalFilter, ToezeggingFilter, check_query_params
from .problems import Conflict

def aangemaakt(request, data, naam: str, **kwargs) -> Response:
    """A ``201 Created`` whose ``Location`` names the new resource, or the resource that shows it
    (an answer version: the signal's list of answers). Every 201 of the API is made here."""
    return Response(data, status=status.HTTP_201_CREATED,
                    headers={"Location": str(reverse(naam, kwargs=kwargs, request=request))})


class StrictQueryMixin:
    """Refuse query parameters the endpoint does not know (see ``check_query_params``)."""

    def allowed_query_params(self) -> set[str]:
        """By default only a paginated list (GET) takes query parameters: the page, the page size
        and its filters. Everything else (details, POST-only endpoints) takes none."""
        if getattr(self, "action", None) not in (None, "list"):
            return set()
        if (self.request.method != "GET" or getattr(self, "pagination_class", None) is None
                or not hasattr(self, "list")):
            return set()
        allowed = {self.paginator.page_query_param, self.paginator.page_size_query_param}
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query_params(request, self.allowed_query_params())


def _reacties_prefetch() -> Prefetch:
    toezeggingen = Toezegging.objects.select_related("signaal", "reactie__organisatie")
    return Prefetch(
        "reacties",
        queryset=Reactie.objects.select_related("organisatie").prefetch_related(
            Prefetch("toezeggingen", queryset=toezeggingen)),
    )


def signalen_voor(user):
    """Signals ``user`` may see, with what the representation needs."""
    queryset = (Signaal.objects.met_relaties().select_related("niet_ontvankelijk__dubbel_van",
                                                              "niet_ontvankelijk__organisatie")
                .annotate(te_laat=ExpressionWrapper(selecties.is_overschreden_q(), output_field=BooleanField()))
                .prefetch_related("oorzaken", _reacties_prefetch()))
    return rechten.zichtbare_signalen(user, queryset)


class OpSignaalMixin:
    """Views nested under /signalen/{uuid}: the signal must be visible, else 404."""

    lookup_url_kwarg = "uuid"

    def get_signaal(self) -> Signaal:
        if not hasattr(self, "_signaal"):
            self._signaal = get_object_or_404(signalen_voor(self.request.user), uuid=self.kwargs["uuid"])
        return self._signaal


# --- signals -------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Signalen zoeken en opvragen",
                       description="Openbare signalen, plus de signalen die uw organisatie mag inzien."),
    retrieve=extend_schema(summary="Eén signaal opvragen",
                           description="Met de actuele reactie en haar toezeggingen. Een signaal dat u niet mag "
                                       "inzien, geeft 404."),
    create=extend_schema(
        summary="Een signaal indienen",
        description="Dient een signaal in namens uw organisatie en stuurt het naar de eigenaar van de regeling. "
                    "Zonder regeling gaat het naar `eigenaar`, of met `volgAdvies` naar de organisatie die de "
                    "routering op tekst voorstelt (als die zeker genoeg is); anders naar de triage (status "
                    "'ingediend', eigenaar null).",
        request=s.NieuwSignaalSerializer,
        responses={201: OpenApiResponse(s.SignaalSerializer, description="Het signaal is ingediend.")},
    ),
)
class SignaalViewSet(StrictQueryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                     viewsets.GenericViewSet):
    serializer_class = s.SignaalSerializer
    queryset = Signaal.objects.none()
    filterset_class = SignaalFilter
    lookup_field = "uuid"
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        return signalen_voor(self.request.user)

    def create(self, request, *args, **kwargs):
        invoer = s.NieuwSignaalSerializer(data=request.data, context=self.get_serializer_context())
        invoer.is_valid(raise_exception=True)
        signaal = services.dien_in(indiener=request.user, **invoer.validated_data)
        signaal = signalen_voor(request.user).get(pk=signaal.pk)
        return aangemaakt(request, self.get_serializer(signaal).data, "api:signaal-detail", uuid=signaal.uuid)


@extend_schema_view(
    get=extend_schema(summary="Alle versies van de reactie op een signaal",
                      description="Oudste eerst. Een herziening is een nieuwe versie; eerdere versies blijven zichtbaar."),
    post=extend_schema(
        summary="Reageren op een signaal (comply or explain), of de reactie herzien",
        description=(
            "'overnemen' (comply) vraagt ten minste één toezegging: wat, door wie, uiterlijk wanneer. "
            "'niet_overnemen' (explain) vraagt een inhoudelijke reden; een lege reden, standaardzinnen of een "
            "kopie van een eerdere reactie worden geweigerd. Alleen behandelaars van de eigenaar mogen reageren. "
            "Is er al een reactie, dan wordt dit een nieuwe versie."
        ),
        request=s.NieuweReactieSerializer,
        responses={201: OpenApiResponse(s.ReactieSerializer, description="De reactie is vastgelegd.")},
    ),
)
class ReactiesView(StrictQueryMixin, OpSignaalMixin, generics.ListCreateAPIView):
    serializer_class = s.ReactieSerializer
    queryset = Reactie.objects.none()
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        return (Reactie.objects.filter(signaal=self.get_signaal()).select_related("organisatie")
                .prefetch_related(Prefetch("toezeggingen", queryset=Toezegging.objects.select_related(
                    "signaal", "reactie__organisatie")))
                .order_by("versie"))

    def create(self, request, *args, **kwargs):
        signaal = self.get_signaal()
        rechten.controleer_beantwoorden(request.user, signaal)
        invoer = s.NieuweReactieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        reactie = services.reageer(
            signaal, actor=request.user, besluit=d["besluit"], toelichting_tekst=d["toelichting"],
            niveau=d["niveau"], ondertekend_door=d["ondertekend_door"],
            toezeggingen=[services.NieuweToezegging(**t) for t in d["toezeggingen"]],
        )
        reactie = self.get_queryset().get(pk=reactie.pk)
        return aangemaakt(request, self.get_serializer(reactie).data, "api:signaal-reacties", uuid=signaal.uuid)


@extend_schema(
    summary="Een signaal doorsturen naar een andere organisatie",
    description="Alleen de eigenaar kan een nog niet beantwoord signaal doorsturen, met een openbare reden.",
    request=s.NieuweDoorverwijzingSerializer,
    responses={201: OpenApiResponse(s.DoorverwijzingSerializer, description="Het signaal is doorgestuurd.")},
)
class DoorverwijzingenView(OpSignaalMixin, StrictQueryMixin, generics.GenericAPIView):
    serializer_class = s.DoorverwijzingSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, *args, **kwargs):
        signaal = self.get_signaal()
        if not rechten.behandelt_als_eigenaar(request.user, signaal):
            raise PermissionDenied("Alleen de eigenaar van dit signaal kan het doorsturen.")
        invoer = s.NieuweDoorverwijzingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        van = signaal.eigenaar.afkorting if signaal.eigenaar_id else None
        signaal = services.stuur_door(signaal, naar=invoer.validated_data["naar"], actor=request.user,
                                      reden=invoer.validated_data["reden"])
        gebeurtenis = signaal.gebeurtenissen.filter(actie="doorgestuurd").order_by("-tijdstip", "-id").first()
        data = {
            "signaal": reverse("api:signaal-detail", kwargs={"uuid": signaal.uuid}, request=request),
            "van": van,
            "naar": signaal.eigenaar.afkorting,
            "reden": gebeurtenis.toelichting,
            "tijdstip": gebeurtenis.tijdstip,
        }
        return aangemaakt(request, self.get_serializer(data).data, "api:signaal-detail", uuid=signaal.uuid)


@extend_schema(
    summary="Een signaal niet ontvankelijk verklaren",
    description="Alleen de behandelaars, het bestuur of de bewindspersoon van de eigenaar, zolang het signaal nog "
                "niet is beantwoord, en nooit wie het indiende. Grond: spam, geen overheidsregel of dubbel (noem "
                "dan het andere, voor u zichtbare signaal). De reden is openbaar en inhoudelijk. Het signaal "
                "verlaat de escalatieladder; elke verklaring staat in de tijdlijn en telt per eigenaar mee in de "
                "Staat van de Uitvoering.",
    request=s.NieuwNietOntvankelijkSerializer,
    responses={200: OpenApiResponse(s.SignaalSerializer, description="Het signaal is niet ontvankelijk verklaard.")},
)
class NietOntvankelijkView(OpSignaalMixin, StrictQueryMixin, generics.GenericAPIView):
    serializer_class = s.SignaalSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, *args, **kwargs):
        signaal = self.get_signaal()
        if not rechten.mag_niet_ontvankelijk_verklaren(request.user, signaal) and not (
                rechten.behandelt_als_eigenaar(request.user, signaal) and signaal.indiener_id != request.user.pk):
            raise PermissionDenied("Alleen de eigenaar van dit signaal kan het niet ontvankelijk verklaren.")
        invoer = s.NieuwNietOntvankelijkSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.verklaar_niet_ontvankelijk(signaal, actor=request.user, **invoer.validated_data)
        signaal = signalen_voor(request.user).get(pk=signaal.pk)
        return Response(self.get_serializer(signaal).data)


def _advies_als_data(suggestie) -> dict:
    return {
        "eigenaren": [{"code": k.organisatie.afkorting, "naam": k.organisatie.naam, "kans": round(k.kans, 4)}
                      for k in suggestie.eigenaren],
        "oorzaken": [{"code": k.organisatie.code, "naam": k.organisatie.naam, "kans": round(k.kans, 4)}
                     for k in suggestie.oorzaken],
        "regelingen": [{"code": k.organisatie.bwb_id, "naam": k.organisatie.citeertitel or k.organisatie.titel, "kans": round(k.kans, 4)}
                       for k in suggestie.regelingen],
        "zeker": suggestie.zeker, "modelversie": suggestie.versie, "melding": suggestie.melding,
    }


@extend_schema(
    summary="Advies: welke organisatie moet op deze tekst reageren?",
    description="Het routeringsmodel (getraind op eerdere signalen en hun doorverwijzingen) stelt op grond van de "
                "tekst eigenaren en oorzaken voor, met hun zekerheid. Niets wordt opgeslagen. Zonder getraind "
                "model: lege lijsten en een melding.",
    request=s.RouteringsvraagSerializer,
    responses={200: OpenApiResponse(s.RouteringsadviesSerializer, description="Het advies.")},
)
class RouteringsadviesView(StrictQueryMixin, generics.GenericAPIView):
    serializer_class = s.RouteringsadviesSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, *args, **kwargs):
        if not rechten.mag_indienen(request.user) and not rechten.mag_trieren(request.user):
            raise PermissionDenied("Alleen wie signalen indient of routeert, kan om routeringsadvies vragen.")
        invoer = s.RouteringsvraagSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        suggestie = routering.suggereer(**invoer.validated_data)
        return Response(self.get_serializer(_advies_als_data(suggestie)).data)


@extend_schema(
    summary="Een signaal uit de triage toewijzen",
    description="Voor een signaal zonder regeling en zonder eigenaar: kies de organisatie die moet reageren "
                "(en eventueel de regeling). Alleen voor behandelaars met het recht 'signalen.trieren'. De keuze "
                "staat met het advies van de routering in de tijdlijn en traint het volgende model.",
    request=s.NieuweToewijzingSerializer,
    responses={200: OpenApiResponse(s.SignaalSerializer, description="Het signaal is toegewezen (er ontstaat geen "
                                                                     "nieuw object, dus 200).")},
)
class ToewijzingView(OpSignaalMixin, StrictQueryMixin, generics.GenericAPIView):
    serializer_class = s.SignaalSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, *args, **kwargs):
        signaal = self.get_signaal()
        if not rechten.mag_trieren(request.user):
            raise PermissionDenied("Alleen behandelaars met de triagerol kunnen signalen zonder eigenaar routeren.")
        invoer = s.NieuweToewijzingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        signaal = services.trieer(signaal, naar=d["naar"], actor=request.user, reden=d["reden"],
                                  regeling=d["regeling"])
        signaal = signalen_voor(request.user).get(pk=signaal.pk)
        return Response(self.get_serializer(signaal).data)


@extend_schema(summary="Tijdlijn van een signaal",
               description="Alle vastgelegde gebeurtenissen, oudste eerst. De actor is een rol en organisatie, "
                           "nooit een naam.")
class TijdlijnView(OpSignaalMixin, StrictQueryMixin, generics.ListAPIView):
    serializer_class = s.GebeurtenisSerializer
    queryset = Gebeurtenis.objects.none()

    def get_queryset(self):
        return Gebeurtenis.objects.filter(signaal=self.get_signaal()).order_by("tijdstip", "id")

    def allowed_query_params(self):
        return {self.paginator.page_query_param, self.paginator.page_size_query_param}


# --- commitments ---------------------------------------------------------------------------

def toezeggingen_voor(user):
    zichtbaar = rechten.zichtbare_signalen(user, Signaal.objects.all())
    return Toezegging.objects.filter(signaal__in=zichtbaar).select_related("signaal", "reactie__organisatie")


@extend_schema_view(
    list=extend_schema(summary="Toezeggingen opvragen",
                       description="Toezeggingen op signalen die u mag inzien; filter op verlopen, status of "
                                   "organisatie."),
    retrieve=extend_schema(summary="Eén toezegging opvragen",
                           description="Een toezegging op een signaal dat u niet mag inzien, geeft 404."),
)
class ToezeggingViewSet(StrictQueryMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ToezeggingSerializer
    queryset = Toezegging.objects.none()
    filterset_class = ToezeggingFilter
    lookup_field = "uuid"

    def get_queryset(self):
        return toezeggingen_voor(self.request.user)


@extend_schema(
    summary="Een toezegging als nagekomen vastleggen",
    description="Alleen de organisatie die de toezegging deed, kan haar afronden.",
    request=s.NakomingSerializer,
    responses={200: OpenApiResponse(s.ToezeggingSerializer, description="De toezegging is nagekomen.")},
)
class NakomingView(StrictQueryMixin, generics.GenericAPIView):
    serializer_class = s.ToezeggingSerializer
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, *args, **kwargs):
        toezegging = get_object_or_404(toezeggingen_voor(request.user), uuid=kwargs["uuid"])
        if not rechten.mag_toezegging_afronden(request.user, toezegging):
            raise PermissionDenied("Alleen de organisatie die de toezegging deed, kan haar afronden.")
        if toezegging.status != ToezeggingStatus.OPEN:
            raise Conflict("Deze toezegging is al afgerond.")
        invoer = s.NakomingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.rond_toezegging_af(toezegging, actor=request.user,
                                    toelichting_tekst=invoer.validated_data["toelichting"])
        toezegging = toezeggingen_voor(request.user).get(pk=toezegging.pk)
        return Response(self.get_serializer(toezegging).data)


# --- reference data ------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Organisaties",
                       description="Uitvoeringsorganisaties, ministeries en Kamercommissies, op afkorting."),
    retrieve=extend_schema(summary="Eén organisatie", parameters=[
        OpenApiParameter("afkorting", OpenApiTypes.STR, OpenApiParameter.PATH,
                         description="Afkorting van de organisatie, bijvoorbeeld 'uwv'.")]),
)
class OrganisatieViewSet(StrictQueryMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.OrganisatieSerializer
    queryset = Organisatie.objects.select_related("opdrachtgever", "kamercommissie").order_by("afkorting")
    filterset_class = OrganisatieFilter
    lookup_field = "afkorting"


@extend_schema_view(
    list=extend_schema(summary="Regelingen", description="Wetten en regelingen met hun eigenaar (ministerie)."),
    retrieve=extend_schema(summary="Eén regeling, op BWB-id", parameters=[
        OpenApiParameter("bwbId", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=BWB_ID_PATTERN,
                         description="BWB-id van de regeling, bijvoorbeeld 'BWBR0019057'.")]),
)
class RegelingViewSet(StrictQueryMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.RegelingSerializer
    queryset = (Regeling.objects.select_related("eigenaar", "kamercommissie")
                .prefetch_related("uitvoerders").order_by("bwb_id"))
    filterset_class = RegelingFilter
    lookup_field = "bwb_id"
    lookup_url_kwarg = "bwbId"


@extend_schema_view(list=extend_schema(
    summary="Oorzaken (TCU 'Klem tussen balie en beleid')",
    description="De zeven oorzaken waarmee een signaal kan worden gelabeld.",
))
class OorzaakViewSet(StrictQueryMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = s.OorzaakSerializer
    queryset = Oorzaak.objects.all()
