"""The client's address, the one place that decides it (rate limits of the API and the web).

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only as far as
it was written by a proxy we trust. ``SCHAKEL_TRUSTED_PROXIES`` (``settings.SCHAKEL_TRUSTED_PROXIES``)
lists those proxies' addresses or networks; by default there are none and the address is
``REMOTE_ADDR``, whatever headers the client sends.

With trusted proxies, the header is read from the right (each proxy appends the address it
received the request from): the first hop that is not a trusted proxy is the client. Hops a
client added itself stand to the left of that and are never read. A request that reaches the
application directly (``REMOTE_ADDR`` not a trusted proxy) is keyed on ``REMOTE_ADDR``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Netwerk = ipaddress.IPv4Network | ipaddress.IPv6Network


def vertrouwde_proxies(waarden: Iterable[str] | None = None) -> list[Netwerk]:
    """The trusted proxies as networks (a single address is a /32 or /128 network)."""
    if waarden is None:
        waarden = getattr(settings, "SCHAKEL_TRUSTED_PROXIES", [])
    netwerken = []
    for waarde in waarden:
        try:
            netwerken.append(ipaddress.ip_network(waarde.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"SCHAKEL_TRUSTED_PROXIES: {waarde!r} is not an IP address or network (e.g. 10.0.0.5 or 10.0.0.0/24).")
    return netwerken


def _ip(waarde: str):
    try:
        return ipaddress.ip_address(waarde.strip())
    except ValueError:
        return None


def _vertrouwd(ip, netwerken: list[Netwerk]) -> bool:
    return ip is not None and any(ip in netwerk for netwerk in netwerken)


def adres(request) -> str:
    """The client's IP address, as a string."""
    direct = request.META.get("REMOTE_ADDR") or ""
    netwerken = vertrouwde_proxies()
    if not netwerken or not _vertrouwd(_ip(direct), netwerken):
        return direct
    klant = direct
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        ip = _ip(hop)
        if ip is None:  # garbage: stop at the last hop we could trust
            break
        klant = str(ip)
        if not _vertrouwd(ip, netwerken):
            break
    return klant


def limietsleutel(request) -> str:
    """The key of a per-address rate limit: the address, an IPv6 address as its /64 network
    (one subscriber usually has a whole /64; django-ratelimit does the same for ``key="ip"``)."""
    tekst = adres(request)
    ip = _ip(tekst)
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return tekst
