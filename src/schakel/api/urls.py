"""Routes of /api/v1/: Dutch, kebab-case, no trailing slashes."""

from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer

from schakel.knelpunten import api as knelpunten_api
from schakel.maatwerkplaats import api as maatwerk_api
from schakel.noodrem import api as noodrem_api

from schakel.rapportage.api import StaatVanDeUitvoeringView
from schakel.toetsen import api as toetsen_api

from . import views
from .schema import SchemaView

app_name = "api"

LIJST = {"get": "list"}
DETAIL = {"get": "retrieve"}

urlpatterns = [
    path("signalen", views.SignaalViewSet.as_view({"get": "list", "post": "create"}), name="signaal-list"),
    path("signalen/<uuid:uuid>", views.SignaalViewSet.as_view(DETAIL), name="signaal-detail"),
    path("signalen/<uuid:uuid>/reacties", views.ReactiesView.as_view(), name="signaal-reacties"),
    path("signalen/<uuid:uuid>/doorverwijzingen", views.DoorverwijzingenView.as_view(),
         name="signaal-doorverwijzingen"),
    path("signalen/<uuid:uuid>/niet-ontvankelijk", views.NietOntvankelijkView.as_view(),
         name="signaal-niet-ontvankelijk"),
    path("signalen/<uuid:uuid>/tijdlijn", views.TijdlijnView.as_view(), name="signaal-tijdlijn"),
    path("signalen/<uuid:uuid>/toewijzing", views.ToewijzingView.as_view(), name="signaal-toewijzing"),
    path("routeringsadvies", views.RouteringsadviesView.as_view(), name="routeringsadvies"),
    path("toezeggingen", views.ToezeggingViewSet.as_view(LIJST), name="toezegging-list"),
    path("toezeggingen/<uuid:uuid>", views.ToezeggingViewSet.as_view(DETAIL), name="toezegging-detail"),
    path("toezeggingen/<uuid:uuid>/nakoming", views.NakomingView.as_view(), name="toezegging-nakoming"),
    path("organisaties", views.OrganisatieViewSet.as_view(LIJST), name="organisatie-list"),
    path("organisaties/<slug:afkorting>", views.OrganisatieViewSet.as_view(DETAIL), name="organisatie-detail"),
    path("organisaties/<slug:afkorting>/retourstickers", noodrem_api.RetourstickerTellingenView.as_view(),
         name="organisatie-retourstickers"),
    path("regelingen", views.RegelingViewSet.as_view(LIJST), name="regeling-list"),
    path("regelingen/<str:bwbId>", views.RegelingViewSet.as_view(DETAIL), name="regeling-detail"),
    path("oorzaken", views.OorzaakViewSet.as_view(LIJST), name="oorzaak-list"),
    path("beginselen", noodrem_api.BeginselLijst.as_view(), name="beginsel-list"),
    path("noodremmen", noodrem_api.NoodremmenView.as_view(), name="noodrem-list"),
    path("noodremmen/inzage", noodrem_api.InzageView.as_view(), name="noodrem-inzage"),
    path("noodremmen/inzage/berichten", noodrem_api.InzageBerichtenView.as_view(), name="noodrem-inzage-berichten"),
    path("staat-van-de-uitvoering", StaatVanDeUitvoeringView.as_view(), name="staat-van-de-uitvoering"),
    path("voorstellen", toetsen_api.VoorstellenView.as_view(), name="voorstel-list"),
    path("voorstellen/<uuid:uuid>", toetsen_api.VoorstelView.as_view(), name="voorstel-detail"),
    path("voorstellen/<uuid:uuid>/uitvoeringstoetsen", toetsen_api.UitvoeringstoetsenView.as_view(),
         name="voorstel-uitvoeringstoetsen"),
    path("voorstellen/<uuid:uuid>/uitvoeringstoetsen/<uuid:toets>/antwoord", toetsen_api.AntwoordView.as_view(),
         name="uitvoeringstoets-antwoord"),
    path("invoeringstoetsen", toetsen_api.InvoeringstoetsenView.as_view(), name="invoeringstoets-list"),
    path("invoeringstoetsen/<uuid:uuid>", toetsen_api.InvoeringstoetsView.as_view(), name="invoeringstoets-detail"),
    path("knelpunten", knelpunten_api.KnelpuntViewSet.as_view(LIJST), name="knelpunt-list"),
    path("knelpunten/<uuid:uuid>", knelpunten_api.KnelpuntViewSet.as_view(DETAIL), name="knelpunt-detail"),
    path("agenderingen", knelpunten_api.AgenderingViewSet.as_view(LIJST), name="agendering-list"),
    path("agenderingen/<uuid:uuid>", knelpunten_api.AgenderingViewSet.as_view(DETAIL), name="agendering-detail"),
    path("abonnementen", knelpunten_api.AbonnementViewSet.as_view({"get": "list", "post": "create"}),
         name="abonnement-list"),
    path("abonnementen/<uuid:uuid>", knelpunten_api.AbonnementViewSet.as_view({"get": "retrieve", "delete": "destroy"}),
         name="abonnement-detail"),
    path("casussen", maatwerk_api.CasussenView.as_view(), name="casus-list"),
    path("casussen/<uuid:uuid>", maatwerk_api.CasusView.as_view(), name="casus-detail"),
    path("casussen/<uuid:uuid>/beraad", maatwerk_api.BeraadView.as_view(), name="casus-beraad"),
    path("casussen/<uuid:uuid>/beraad/inbreng", maatwerk_api.InbrengView.as_view(), name="casus-beraad-inbreng"),
    path("casussen/<uuid:uuid>/beraad/conclusie", maatwerk_api.ConclusieView.as_view(),
         name="casus-beraad-conclusie"),
    path("casussen/<uuid:uuid>/fix", maatwerk_api.FixView.as_view(), name="casus-fix"),
    path("solves", maatwerk_api.SolvesView.as_view(), name="solve-list"),
    path("solves/<uuid:uuid>", maatwerk_api.SolveView.as_view(), name="solve-detail"),
    path("casusprudentie", maatwerk_api.CasusprudentieView.as_view(), name="casusprudentie"),
    path("teamleden", maatwerk_api.TeamledenView.as_view(), name="teamlid-list"),
    path("openapi.yaml", SchemaView.as_view(renderer_classes=[OpenApiYamlRenderer]), name="schema-yaml"),
    path("openapi.json", SchemaView.as_view(renderer_classes=[OpenApiJsonRenderer]), name="schema-json"),
]
