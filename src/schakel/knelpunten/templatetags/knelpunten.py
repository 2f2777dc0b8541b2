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
        "volgende": context["request"].path,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("knelpunten/_volgknop.html", takes_context=True)
def volgknop(context, organisatie):
    """Follow / stop following a committee or an organisation, with its agenda feed."""
    request = context["request"]
    user = request.user
    return {
        "organisatie": organisatie, "mag_abonneren": rechten.mag_abonneren(user),
        "geabonneerd": user.is_authenticated and Abonnement.objects.filter(gebruiker=user,
                                                                         organisatie=organisatie).exists(),
        "commissie": organisatie.soort == "kamercommissie", "volgende": request.path,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("knelpunten/_routeringsadvies.html")
def routeringsadvies(signaal):
    """The text router's advice for ``signaal`` (owner and TCU causes, with confidence), for
    a handler deciding where to forward it. Nothing when no model has been trained."""
    from schakel.organisaties.models import Organisatie
    from schakel.signalen.models import Oorzaak

    from .. import router

    advies = router.adviseer_signaal(signaal)
    if advies is None:
        return {"advies": None}
    namen = dict(Organisatie.objects.filter(afkorting__in=[k.label for k in advies.eigenaren])
                 .values_list("afkorting", "naam"))
    oorzaken = dict(Oorzaak.objects.filter(code__in=[k.label for k in advies.oorzaken]).values_list("code", "naam"))
    return {
        "advies": advies, "huidig": signaal.eigenaar.afkorting if signaal.eigenaar_id else None,
        "eigenaren": [(namen.get(k.label, k.label), k) for k in advies.eigenaren],
        "oorzaken": [(oorzaken.get(k.label, k.label), k) for k in advies.oorzaken],
    }
