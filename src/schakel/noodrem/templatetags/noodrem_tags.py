"""Template tags of the brake: the counts per letter on an organisation's page."""

from django import template

from schakel.core import clock
from schakel.noodrem import rechten, regels, retourstickers

register = template.Library()


@register.inclusion_tag("noodrem/_retourstickers_overzicht.html", takes_context=True)
def retourstickers_overzicht(context, organisatie):
    """For the organisation's (and its ministry's) handlers, board and minister: retourstickers
    per letter, with missed call-backs put before the board and the signal each letter made."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not rechten.mag_tellingen_zien(user, organisatie):
        return {"tonen": False}
    return {
        "tonen": True, "organisatie": organisatie, "tellingen": retourstickers.tellingen_per_brief(organisatie),
        "drempel": regels.Drempel.uit_instellingen(),
        "te_escaleren": organisatie.retourstickers.te_laat(clock.today()).count(),
    }
