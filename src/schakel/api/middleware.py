"""Middleware of the API: the ``API-Version`` header (Dutch API Design Rules,
/core/version-header) on every response, and ``405`` before authentication."""

from django.conf import settings
from django.http import JsonResponse


class APIVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
        return response


VEILIG = ("HEAD", "OPTIONS")


def toegestane_methoden(view_func) -> list[str] | None:
    """The HTTP methods a DRF view answers (``None`` for anything else)."""
    klasse = getattr(view_func, "cls", None)
    if klasse is None:
        return None
    acties = getattr(view_func, "actions", None)
    if acties:  # a viewset route: only the methods mapped on this path
        methoden = {m.upper() for m in acties}
    else:
        methoden = {m.upper() for m in klasse.http_method_names if m not in ("head", "options", "trace")
                    and hasattr(klasse, m)}
    if "GET" in methoden:
        methoden.add("HEAD")
    return sorted(methoden | {"OPTIONS"})


class MethodeMiddleware:
    """A method an API endpoint does not have is a ``405`` problem (with ``Allow``) before
    anything else: an anonymous ``DELETE`` on a POST-only endpoint is not a 401."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith("/api/") or request.method in VEILIG:
            return None
        methoden = toegestane_methoden(view_func)
        if methoden is None or request.method in methoden:
            return None
        from .problems import PROBLEM_CONTENT_TYPE, problem  # imports DRF's settings: not at start-up

        antwoord = JsonResponse(problem(405, f"De methode {request.method[:20]} is hier niet toegestaan.", request.path),
                                status=405, content_type=PROBLEM_CONTENT_TYPE, json_dumps_params={"ensure_ascii": False})
        antwoord["Allow"] = ", ".join(methoden)
        return antwoord
