"""``{% knelpunten_van_regeling regeling %}``: the knelpunten part of a regulation's page."""

from django import template

from schakel.signalen import rechten as signaalrechten

from .. import rechten, selecties
from ..models import Abonnement, KnelpuntStatus

register = template.Library()


@register.inclusion_tag("knelpunten/_regeling.html", takes_context=True)
def knelpunten_van_regeling(context, regeling):
    user = context["request"].user
    signalen = signaalrechten.zichtbare_signalen(user, regeling.signalen.all())
    return {
        "regeling": regeling,
        "knelpunten": regeling.knelpunten.filter(status=KnelpuntStatus.OPEN).select_related("agendering")
        .order_by("-gewijzigd_op"),
        "artikelen": selecties.artikelranglijst(signalen),
        "mag_abonneren": rechten.mag_abonneren(user),
        "geabonneerd": user.is_authenticated and Abonnement.objects.filter(gebruiker=user, regeling=regeling).exists(),
        "csrf_token": context.get("csrf_token"),
    }
