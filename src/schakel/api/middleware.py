"""Adds the ``API-Version`` header (Dutch API Design Rules, /core/version-header) to API responses."""

from django.conf import settings


class APIVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
        return response
