"""Errors as ``application/problem+json`` (RFC 9457), for DRF views and for Django's own errors.

Every 4xx/5xx under ``/api/`` carries ``type``, ``title``, ``status``, ``detail`` and
``instance``; validation errors add ``invalidParams: [{name, code, reason}]`` with the
camelCase API name of each field (``toezeggingen.0.uiterlijk``).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, Iterator

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from schakel.core.fouten import OngeldigeOvergang

from .naming import camel_path

PROBLEM_CONTENT_TYPE = "application/problem+json"
NON_FIELD_NAME = "nonFieldErrors"

# status -> (type, title). Types are stable identifiers, documented in docs/api.md.
PROBLEEMSOORTEN: dict[int, tuple[str, str]] = {
    400: ("urn:schakel:probleem:ongeldige-invoer", "Ongeldige invoer"),
    401: ("urn:schakel:probleem:niet-geauthenticeerd", "Niet geauthenticeerd"),
    403: ("urn:schakel:probleem:geen-toestemming", "Geen toestemming"),
    404: ("urn:schakel:probleem:niet-gevonden", "Niet gevonden"),
    405: ("urn:schakel:probleem:methode-niet-toegestaan", "Methode niet toegestaan"),
    406: ("urn:schakel:probleem:niet-aanvaardbaar", "Antwoordformaat niet beschikbaar"),
    409: ("urn:schakel:probleem:conflict", "Niet mogelijk in de huidige status"),
    413: ("urn:schakel:probleem:verzoek-te-groot", "Verzoek te groot"),
    415: ("urn:schakel:probleem:mediatype-niet-ondersteund", "Mediatype niet ondersteund"),
    422: ("urn:schakel:probleem:idempotentie-sleutel-hergebruikt", "Idempotency-Key hergebruikt"),
    429: ("urn:schakel:probleem:te-veel-verzoeken", "Te veel verzoeken"),
    500: ("urn:schakel:probleem:serverfout", "Interne serverfout"),
}

# Plain Dutch details for errors whose stock message is technical or English.
STANDAARD_DETAILS: dict[int, str] = {
    401: "Log in of stuur een geldig token mee: 'Authorization: Token <token>'.",
    403: "U heeft geen toestemming voor deze actie.",
    404: "Deze URL of dit object bestaat niet, of u heeft er geen toegang toe.",
    406: "Deze API antwoordt alleen in JSON (application/json).",
    413: "Het verzoek is groter dan de toegestane 1 MB.",
    415: "Stuur de gegevens als JSON met de header 'Content-Type: application/json'.",
    500: "Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het misgaan, meld het dan.",
}


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = STANDAARD_DETAILS[413]
    default_code = "te_groot"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Deze actie is niet mogelijk in de huidige status."
    default_code = "conflict"


def problem(status_code: int, detail: str, instance: str, invalid_params: list[dict] | None = None) -> dict:
    """The body of a problem response."""
    soort, titel = PROBLEEMSOORTEN.get(status_code, ("about:blank", _reason_phrase(status_code)))
    data: dict[str, Any] = {
        "type": soort,
        "title": titel,
        "status": status_code,
        "detail": detail,
        "instance": instance,
    }
    if invalid_params is not None:
        data["invalidParams"] = invalid_params
    return data


def _reason_phrase(status_code: int) -> str:
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return "Fout"


# --- validation errors -> invalidParams -------------------------------------------------

def _drf_params(detail: Any, prefix: str = "") -> Iterator[dict]:
    """Flatten DRF's nested error detail into invalidParams with dotted names."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = NON_FIELD_NAME if key in ("non_field_errors", NON_FIELD_ERRORS) else str(key)
            yield from _drf_params(value, f"{prefix}.{name}" if prefix else name)
    elif isinstance(detail, list):
        if detail and all(isinstance(item, str) for item in detail):
            for item in detail:
                yield {"name": prefix or NON_FIELD_NAME, "code": getattr(item, "code", None) or "invalid",
                       "reason": str(item)}
        else:
            for index, item in enumerate(detail):
                if item:  # DRF puts an empty dict for valid items of a list
                    yield from _drf_params(item, f"{prefix}.{index}" if prefix else str(index))
    else:
        yield {"name": prefix or NON_FIELD_NAME, "code": getattr(detail, "code", None) or "invalid",
               "reason": str(detail)}


def django_params(error: DjangoValidationError) -> list[dict]:
    """invalidParams from a domain ``ValidationError`` with snake_case field keys."""
    params = []
    if hasattr(error, "error_dict"):
        for key, errors in error.error_dict.items():
            name = NON_FIELD_NAME if key == NON_FIELD_ERRORS else camel_path(key)
            for e in errors:
                params.append({"name": name, "code": e.code or "invalid", "reason": _message(e)})
    else:
        for e in error.error_list:
            params.append({"name": NON_FIELD_NAME, "code": e.code or "invalid", "reason": _message(e)})
    return params


def _message(error: DjangoValidationError) -> str:
    message = error.message
    if error.params:
        message = message % error.params
    return str(message)


def _validation_detail(params: list[dict]) -> str:
    if not params:
        return "De invoer is ongeldig."
    if len(params) == 1:
        return f"{params[0]['name']}: {params[0]['reason']}"
    return f"De invoer bevat {len(params)} fouten; zie invalidParams."


# --- DRF exception handler ----------------------------------------------------------------

def exception_handler(exc: Exception, context: dict) -> Response | None:
    """REST_FRAMEWORK['EXCEPTION_HANDLER']: turn every known error into a problem response."""
    request = context.get("request")
    instance = request.path if request is not None else ""

    if isinstance(exc, DjangoValidationError):
        params = django_params(exc)
        return _response(400, _validation_detail(params), instance, params)
    if isinstance(exc, OngeldigeOvergang):
        exc = Conflict(str(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*(exc.args or (STANDAARD_DETAILS[403],)))
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()

    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: Django's handler500 (see server_error) answers with a problem

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = "%d" % exc.wait

    if isinstance(exc, exceptions.ValidationError):
        params = list(_drf_params(exc.detail))
        return _response(400, _validation_detail(params), instance, params, headers)
    if isinstance(exc, exceptions.ParseError):
        # A 400 is a ValidatieProbleem in the schema: unreadable JSON names the body as the bad parameter.
        detail = _detail_for(exc, request)
        return _response(400, detail, instance, [{"name": "body", "code": "parse_error", "reason": detail}], headers)
    return _response(exc.status_code, _detail_for(exc, request), instance, headers=headers)


def _detail_for(exc: exceptions.APIException, request) -> str:
    detail = exc.detail
    if isinstance(detail, (list, dict)):
        detail = " ".join(str(item) for item in (detail.values() if isinstance(detail, dict) else detail))
    detail = str(detail)
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        if isinstance(exc, exceptions.AuthenticationFailed):
            return f"{detail.rstrip('. ')}. {STANDAARD_DETAILS[401]}"
        return STANDAARD_DETAILS[401]
    if isinstance(exc, exceptions.NotFound):
        return STANDAARD_DETAILS[404] if detail == str(exceptions.NotFound.default_detail) else detail
    if isinstance(exc, exceptions.PermissionDenied):
        if detail.startswith("CSRF Failed"):
            return "De CSRF-controle is mislukt. Stuur het CSRF-token mee, of gebruik een API-token."
        if detail == str(exceptions.PermissionDenied.default_detail):
            return STANDAARD_DETAILS[403]
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return STANDAARD_DETAILS[415]
    if isinstance(exc, exceptions.NotAcceptable):
        return STANDAARD_DETAILS[406]
    if isinstance(exc, exceptions.MethodNotAllowed):
        method = request.method if request is not None else "deze methode"
        return f"De methode {method} is hier niet toegestaan."
    if isinstance(exc, exceptions.Throttled):
        return f"U heeft te veel verzoeken gedaan. Probeer het over {exc.wait or 60:.0f} seconden opnieuw."
    return detail


def _response(status_code: int, detail: str, instance: str, params: list[dict] | None = None,
              headers: dict | None = None) -> Response:
    set_rollback()
    return Response(problem(status_code, detail, instance, params), status=status_code, headers=headers,
                    content_type=PROBLEM_CONTENT_TYPE)


# --- Django error handlers (handler400/403/404/500) ----------------------------------------

def is_api(request) -> bool:
    return request.path.startswith("/api/")


def _problem_response(request, status_code: int, detail: str) -> JsonResponse:
    return JsonResponse(problem(status_code, detail, request.path), status=status_code,
                        content_type=PROBLEM_CONTENT_TYPE, json_dumps_params={"ensure_ascii": False})


def _web_handler(name: str):
    """The web app's HTML handler if it defines one, else Django's default."""
    try:
        from schakel.web import views as web_views
    except Exception:  # pragma: no cover - the web app failing to import must not hide the error
        web_views = None
    return getattr(web_views, name, None) or getattr(defaults, name)


def bad_request(request, exception, *args, **kwargs):
    if is_api(request):
        if isinstance(exception, RequestDataTooBig):
            return _problem_response(request, 413, STANDAARD_DETAILS[413])
        return _problem_response(request, 400, "Het verzoek is ongeldig of onleesbaar.")
    return _web_handler("bad_request")(request, exception, *args, **kwargs)


def permission_denied(request, exception, *args, **kwargs):
    if is_api(request):
        return _problem_response(request, 403, STANDAARD_DETAILS[403])
    return _web_handler("permission_denied")(request, exception, *args, **kwargs)


def page_not_found(request, exception, *args, **kwargs):
    if is_api(request):
        return _problem_response(request, 404, STANDAARD_DETAILS[404])
    return _web_handler("page_not_found")(request, exception, *args, **kwargs)


def server_error(request, *args, **kwargs):
    if is_api(request):
        return _problem_response(request, 500, STANDAARD_DETAILS[500])
    return _web_handler("server_error")(request, *args, **kwargs)
