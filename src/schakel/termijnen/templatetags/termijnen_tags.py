"""Template tags that show deadlines on any page.

    {% load termijnen_tags %}
    {% termijnstatus signaal %}                     the full status block of the signal page
    {% termijn_kort signaal %}                      one label for lists (no queries)
    {% verlopen_toezeggingen organisatie=org %}     overdue commitments an organisation made
    {% verlopen_toezeggingen commissie=org %}       ... that a committee controls
"""

from __future__ import annotations

from django import template

from schakel.core import clock
from schakel.core.paginering import MAX_EXACT_GETELD
from schakel.signalen import rechten
from schakel.signalen.models import Toezegging
from schakel.signalen.workflow import Status

from .. import kalender, selecties, services
from ..ladder import trede_naam
from ..status import Fase

register = template.Library()

MAX_TOEZEGGINGEN = 50


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("termijnen/_termijnstatus.html", takes_context=True)
def termijnstatus(context, signaal):
    """The deadline block: running / extended / overdue and escalated, the ladder, overdue commitments."""
    status = services.status_van(signaal)
    user = _user(context)
    verlengen = False
    if user is not None and status.fase == Fase.LOOPT and rechten.behandelt_als_eigenaar(user, signaal):
        open_termijn = next((t for t in status.termijnen if t.is_open), None)
        verlengen = services.kan_verlengen(open_termijn, signaal) is None
    return {"status": status, "signaal": signaal, "mag_verlengen": verlengen, "request": context.get("request")}


@register.inclusion_tag("termijnen/_kort.html")
def termijn_kort(signaal):
    """A one-line deadline label from the signal's own fields, for lists."""
    vandaag = clock.today()
    tekst, soort = "", ""
    if signaal.status == Status.IN_BEHANDELING and signaal.uiterste_reactiedatum:
        overschreden_op = signaal.termijn_overschreden_op or (
            signaal.uiterste_reactiedatum if signaal.uiterste_reactiedatum < vandaag else None)
        if overschreden_op:
            laat = kalender.werkdagen_te_laat(overschreden_op, vandaag)
            tekst = f"Termijn overschreden, {laat} werkdag{'en' if laat != 1 else ''} te laat"
            if signaal.termijn_overschreden_op and signaal.escalatietrede:
                label = trede_naam(signaal.escalatietrede, signaal.eigenaar)
                tekst += f" · geëscaleerd naar {label[0].lower()}{label[1:]}"
            soort = "verlopen"
        else:
            tekst = f"Reageren uiterlijk {services.datum_nl(signaal.uiterste_reactiedatum)}"
    elif signaal.status == Status.BEANTWOORD and signaal.termijn_overschreden_op:
        tekst, soort = "Na de termijn beantwoord", "ingediend"
    return {"tekst": tekst, "soort": soort}


@register.inclusion_tag("termijnen/_verlopen_toezeggingen.html", takes_context=True)
def verlopen_toezeggingen(context, organisatie=None, commissie=None, titel="Verlopen toezeggingen"):
    """Open commitments past their due date, on signals the viewer may see."""
    zichtbaar = Toezegging.objects.filter(rechten.zichtbaar_q(_user(context), via="signaal__"))
    qs = selecties.verlopen_toezeggingen(zichtbaar,
                                         organisatie=organisatie, commissie=commissie)
    vandaag = clock.today()
    rijen = [(t, kalender.werkdagen_te_laat(t.uiterlijk, vandaag)) for t in qs[:MAX_TOEZEGGINGEN]]
    aantal, exact = len(rijen), True
    if aantal == MAX_TOEZEGGINGEN:  # count on, up to the cap of the lists (schakel.core.paginering)
        geteld = qs.order_by().values("pk")[:MAX_EXACT_GETELD + 1].count()
        aantal, exact = min(geteld, MAX_EXACT_GETELD), geteld <= MAX_EXACT_GETELD
    return {"rijen": rijen, "aantal": aantal, "aantal_exact": exact, "titel": titel}
