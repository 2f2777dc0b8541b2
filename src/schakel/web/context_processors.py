"""Template context for every page: the navigation for the user's role."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from schakel.maatwerkplaats import rechten as maatwerkrechten
from schakel.notificaties.selecties import aantal_ongelezen
from schakel.signalen import rechten


@dataclass(frozen=True)
class NavigatieLink:
    tekst: str
    url: str
    actief: bool = False


def _past(pad: str, url: str) -> bool:
    return pad == url or pad.startswith(url.rstrip("/") + "/")


def navigatie(request) -> list[NavigatieLink]:
    """Links of the main navigation; the longest link that matches the current path is active.

    Other apps add role-relevant links here.
    """
    user = request.user
    links = [("Signalen", reverse("web:signalen")), ("Termijn overschreden", reverse("termijnen:overzicht"))]
    if rechten.mag_indienen(user):
        links.append(("Signaal indienen", reverse("web:signaal-nieuw")))
    if user.is_authenticated and rechten.mag_trieren(user):
        links.append(("Triage", reverse("web:triage")))
    links.append(("Noodrem", reverse("noodrem:start")))
    links.append(("Voorstellen", reverse("toetsen:voorstellen")))
    links.append(("Knelpunten", reverse("knelpunten:knelpunten")))
    links.append(("Staat van de Uitvoering", reverse("rapportage:staat")))
    links.append(("Agenda commissie", reverse("knelpunten:mijn-agenda")))
    if maatwerkrechten.mag_inbrengen(user):
        links.append(("Maatwerkplaats", reverse("maatwerkplaats:overzicht")))
    if user.is_authenticated:
        ongelezen = aantal_ongelezen(user)
        links.append((f"Inbox ({ongelezen} nieuw)" if ongelezen else "Inbox", reverse("notificaties:inbox")))
    if user.is_authenticated and user.organisatie_id:
        links.append(("Mijn organisatie", reverse("web:organisatie", args=[user.organisatie.afkorting])))
    passend = [url for _, url in links if _past(request.path, url)]
    actief = max(passend, key=len) if passend else None
    return [NavigatieLink(tekst, url, url == actief) for tekst, url in links]


def schakel(request):
    if not hasattr(request, "user"):
        return {}
    return {"navigatie": navigatie(request)}
