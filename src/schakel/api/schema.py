"""The OpenAPI document: drf-spectacular plus what the Dutch API Design Rules ask for.

``postprocess`` (a drf-spectacular postprocessing hook) adds the ``API-Version`` header to
every 2xx/3xx response, the ``application/problem+json`` error responses each operation
can give, ``Location`` on creation, tag descriptions and the licence. The result is
checked in as ``openapi.yaml`` (``schakel schrijf-openapi``) and linted with the ADR ruleset
(``scripts/lint-api.sh``).
"""

from __future__ import annotations

import re

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView
from rest_framework.negotiation import BaseContentNegotiation

from .problems import PROBLEEMSOORTEN, PROBLEM_CONTENT_TYPE

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}

API_VERSION_HEADER = {
    "description": "De volledige versie van de API (semver), zie de API Design Rule /core/version-header.",
    "required": True,
    "schema": {"type": "string", "example": "1.0.0"},
}

IDEMPOTENCY_KEY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Maakt het verzoek veilig herhaalbaar: stuur een eigen unieke waarde (bijvoorbeeld een UUID) mee en "
        "herhaal het verzoek bij twijfel met dezelfde sleutel en dezelfde inhoud; u krijgt dan het eerder "
        "gegeven antwoord terug en er wordt niets dubbel vastgelegd. Dezelfde sleutel met een andere inhoud "
        "geeft 422. Sleutels gelden per gebruiker en worden 24 uur bewaard; alleen geslaagde (2xx) antwoorden "
        "worden bewaard."),
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7e]+$",
               "example": "7c9e6679-7425-40de-944b-e07fc1f90ae7"},
}

LOCATION_HEADER = {
    "description": "URL van het aangemaakte object.",
    "schema": {"type": "string", "format": "uri"},
}

PROBLEEM_EIGENSCHAPPEN = {
    "type": {"type": "string", "format": "uri-reference", "description": "Identificatie van de soort fout.",
             "example": PROBLEEMSOORTEN[404][0]},
    "title": {"type": "string", "description": "Korte omschrijving van de soort fout.",
              "example": PROBLEEMSOORTEN[404][1]},
    "status": {"type": "integer", "description": "De HTTP-statuscode.", "minimum": 100, "maximum": 599,
               "example": 404},
    "detail": {"type": "string", "description": "Uitleg bij deze fout, in gewone taal.",
               "example": "Deze URL of dit object bestaat niet, of u heeft er geen toegang toe."},
    "instance": {"type": "string", "format": "uri-reference", "description": "Het pad van het verzoek.",
                 "example": "/api/v1/signalen/7c9e6679-7425-40de-944b-e07fc1f90ae7"},
}

SCHEMAS = {
    "Probleem": {
        "type": "object",
        "description": "Een fout volgens RFC 9457 (Problem Details for HTTP APIs).",
        "required": ["type", "title", "status", "detail", "instance"],
        "properties": PROBLEEM_EIGENSCHAPPEN,
    },
    "ValidatieProbleem": {
        "type": "object",
        "description": "Een fout in de invoer, met per veld of parameter wat er mis is.",
        "required": ["type", "title", "status", "detail", "instance", "invalidParams"],
        "properties": {
            **PROBLEEM_EIGENSCHAPPEN,
            "type": {**PROBLEEM_EIGENSCHAPPEN["type"], "example": PROBLEEMSOORTEN[400][0]},
            "title": {**PROBLEEM_EIGENSCHAPPEN["title"], "example": PROBLEEMSOORTEN[400][1]},
            "status": {**PROBLEEM_EIGENSCHAPPEN["status"], "example": 400},
            "detail": {**PROBLEEM_EIGENSCHAPPEN["detail"],
                       "example": "toezeggingen.0.uiterlijk: De datum 01-03-2026 ligt in het verleden; "
                                  "kies vandaag of later."},
            "instance": {**PROBLEEM_EIGENSCHAPPEN["instance"],
                         "example": "/api/v1/signalen/7c9e6679-7425-40de-944b-e07fc1f90ae7/reacties"},
            "invalidParams": {
                "type": "array",
                "description": "Alleen bij ongeldige invoer (400): de velden of parameters die niet kloppen.",
                "items": {"$ref": "#/components/schemas/OngeldigeParameter"},
            },
        },
    },
    "OngeldigeParameter": {
        "type": "object",
        "required": ["name", "code", "reason"],
        "properties": {
            "name": {"type": "string", "example": "toezeggingen.0.uiterlijk",
                     "description": "Naam van het veld (met punten en volgnummers voor geneste velden) "
                                    "of van de queryparameter, zoals in de API."},
            "code": {"type": "string", "example": "invalid", "description": "Code van de fout, voor software."},
            "reason": {"type": "string", "description": "Wat er mis is, in gewone taal.",
                       "example": "De datum 01-03-2026 ligt in het verleden; kies vandaag of later."},
        },
    },
}

# name -> (status, description, schema)
FOUTANTWOORDEN = {
    "OngeldigeInvoer": (400, "De invoer, een queryparameter of de JSON is ongeldig.", "ValidatieProbleem"),
    "NietGeauthenticeerd": (401, "Niet ingelogd, of een ongeldig token.", "Probleem"),
    "GeenToestemming": (403, "U mag deze actie niet uitvoeren.", "Probleem"),
    "NietGevonden": (404, "Bestaat niet, of u mag het niet inzien.", "Probleem"),
    "Conflict": (409, "Niet mogelijk in de huidige status (bijvoorbeeld al beantwoord of al afgerond).",
                 "Probleem"),
    "VerzoekTeGroot": (413, "De body is groter dan 1 MB.", "Probleem"),
    "SleutelHergebruikt": (422, "Deze Idempotency-Key is al gebruikt voor een ander verzoek.", "Probleem"),
    "MediatypeNietOndersteund": (415, "Stuur JSON met 'Content-Type: application/json'.", "Probleem"),
    "TeVeelVerzoeken": (429, "Te veel verzoeken; probeer het na 'Retry-After' seconden opnieuw.", "Probleem"),
    "Serverfout": (500, "Onverwachte fout aan de kant van de server.", "Probleem"),
}

TAGS = [
    {"name": "signalen", "description": "Signalen uit de uitvoering, de reacties erop (comply or explain), "
                                        "doorverwijzingen en de tijdlijn."},
    {"name": "toezeggingen", "description": "Toezeggingen gedaan bij 'overnemen', tot ze zijn nagekomen."},
    {"name": "organisaties", "description": "Uitvoeringsorganisaties, ministeries en Kamercommissies."},
    {"name": "regelingen", "description": "Wetten en regelingen, op BWB-id."},
    {"name": "oorzaken", "description": "De zeven oorzaken uit 'Klem tussen balie en beleid' (TCU, 2021)."},
]

# POST endpoints that act on a status (answered, forwarded, fulfilled; a deliberation planned or
# concluded, a fix granted) can conflict.
CONFLICTEREND = re.compile(r"/(reacties|doorverwijzingen|nakoming|beraad|inbreng|conclusie|fix)$")
# Every 201 names what it created in a Location header (``schakel.api.views.aangemaakt``), except
# a message sent with a receipt code: nothing can be read back without that code, so no URL shows it.
ZONDER_LOCATION = frozenset({"/noodremmen/inzage/berichten"})
# GET endpoints that refuse some signed-in users (not only hide objects from them): a 403.
GEWEIGERD_BIJ_GET = frozenset({"/teamleden", "/organisaties/{afkorting}/retourstickers"})
# Resources found by a code in the request body (a receipt code): an unknown code is a 404.
MET_CODE_GEZOCHT = re.compile(r"/inzage(/|$)")


def _ref(naam: str) -> dict:
    return {"$ref": f"#/components/responses/{naam}"}


def _foutantwoorden(path: str, method: str) -> list[str]:
    heeft_padparameter = "{" in path or MET_CODE_GEZOCHT.search(path) is not None
    namen = ["OngeldigeInvoer", "NietGeauthenticeerd"]
    if method == "post" or (method == "get" and path in GEWEIGERD_BIJ_GET):
        namen.append("GeenToestemming")
    if heeft_padparameter:
        namen.append("NietGevonden")
    if method == "post":
        if CONFLICTEREND.search(path):
            namen.append("Conflict")
        namen += ["VerzoekTeGroot", "MediatypeNietOndersteund", "SleutelHergebruikt"]
    namen += ["TeVeelVerzoeken", "Serverfout"]
    return namen


def postprocess(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS['POSTPROCESSING_HOOKS'])."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {}).update(SCHEMAS)
    components["headers"] = {"API-Version": API_VERSION_HEADER}
    components["responses"] = {
        naam: {
            "description": omschrijving,
            "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
        for naam, (_, omschrijving, schema) in FOUTANTWOORDEN.items()
    }
    statussen = {naam: str(code) for naam, (code, _, _) in FOUTANTWOORDEN.items()}

    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            if method == "post":
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("name") == "Idempotency-Key" for p in parameters):
                    parameters.append(IDEMPOTENCY_KEY_PARAMETER)
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                if code[0] in "23":
                    headers = response.setdefault("headers", {})
                    headers["API-Version"] = {"$ref": "#/components/headers/API-Version"}
                    if code == "201" and path not in ZONDER_LOCATION:
                        headers["Location"] = LOCATION_HEADER
            for naam in _foutantwoorden(path, method):
                responses.setdefault(statussen[naam], _ref(naam))
            operation["responses"] = dict(sorted(responses.items()))

    schemes = components.get("securitySchemes", {})
    if "tokenAuth" in schemes:
        schemes["tokenAuth"]["description"] = (
            "Voor systemen: de header 'Authorization: Token <token>'. Een token maakt de beheerder aan "
            "met 'schakel api-token <gebruikersnaam>' of maakt de gebruiker zelf op de accountpagina; "
            "het token is beperkt geldig en wordt alleen bij het maken getoond.")
    if "cookieAuth" in schemes:
        schemes["cookieAuth"]["description"] = (
            "Voor de browser: de sessie van de webapplicatie. Bij POST is ook de header 'X-CSRFToken' nodig.")
    result["tags"] = TAGS
    result["info"]["license"] = {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"}
    return result


class _FirstRenderer(BaseContentNegotiation):
    """The schema URL decides the format (.yaml or .json), not the Accept header."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class SchemaView(SpectacularAPIView):
    """GET /api/v1/openapi.yaml and /api/v1/openapi.json."""

    content_negotiation_class = _FirstRenderer
    renderer_classes = [OpenApiYamlRenderer]


def generate_schema() -> dict:
    """The public schema, exactly as served and as checked in."""
    generator = SchemaGenerator()
    return generator.get_schema(request=None, public=True)


def render_yaml(schema: dict) -> bytes:
    return OpenApiYamlRenderer().render(schema, renderer_context={})
