"""Web pages have no trailing slash: ``/signalen/`` redirects to ``/signalen`` (with its query).

A middleware, not a catch-all URL pattern: a pattern that matches every path with a slash would
make Django's APPEND_SLASH send every unknown path (``/bestaat-niet``) to ``/bestaat-niet/``
first. The API (``/api/``) keeps its 404 and the admin (``/beheer/``) its own slashes.
"""

from __future__ import annotations

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

UITGEZONDERD = ("/api/", "/beheer/")


def zonder_slotstreep(pad: str) -> str | None:
    """The page ``pad`` means without its trailing slash, or None."""
    if pad == "/" or not pad.endswith("/") or pad.startswith(UITGEZONDERD) or pad.startswith("//"):
        return None
    doel = pad.rstrip("/")
    try:
        resolve(doel)
    except Resolver404:
        return None
    return doel


class ZonderSlotstreepMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            doel = zonder_slotstreep(request.path_info)
            if doel:
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(doel + (f"?{query}" if query else ""))
        return response
