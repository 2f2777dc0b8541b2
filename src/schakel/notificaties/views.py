"""The inbox: what the user must answer, what is overdue, what was escalated to them, and notifications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from schakel.accounts.models import Rol
from schakel.core import clock
from schakel.core.paginering import MAX_EXACT_GETELD
from schakel.signalen import rechten
from schakel.signalen.models import Toezegging
from schakel.termijnen import selecties, services as termijnen

from . import services
from .forms import VoorkeurFormulier
from .models import Emailvoorkeur, Frequentie, Melding

PER_SECTIE = 25
MELDINGEN = 30


def _sectie(user, qs):
    qs = selecties.met_termijnen(rechten.zichtbare_signalen(user, qs).select_related("eigenaar", "regeling"))
    signalen = list(qs[:PER_SECTIE])
    for s in signalen:
        s.termijnstatus = termijnen.status_van(s)
    aantal, exact = len(signalen), True
    if aantal == PER_SECTIE:  # count on, up to the lists' cap: a ministry may have 100,000 open signals
        geteld = qs.order_by().values("pk")[:MAX_EXACT_GETELD + 1].count()
        aantal, exact = min(geteld, MAX_EXACT_GETELD), geteld <= MAX_EXACT_GETELD
    return {"signalen": signalen, "aantal": aantal, "aantal_exact": exact}


def _voorkeur(user) -> str:
    voorkeur = Emailvoorkeur.objects.filter(gebruiker=user).first()
    return voorkeur.frequentie if voorkeur else Frequentie.DIRECT


@login_required
def inbox(request):
    user = request.user
    toezeggingen = Toezegging.objects.filter(rechten.zichtbaar_q(user, via="signaal__"))
    if user.rol == Rol.GRIFFIE and user.organisatie_id:
        verlopen = selecties.verlopen_toezeggingen(toezeggingen, commissie=user.organisatie)
    elif user.organisatie_id and user.rol in selecties.BEHANDELENDE_ROLLEN:
        verlopen = selecties.verlopen_toezeggingen(toezeggingen, organisatie=user.organisatie)
    else:
        verlopen = Toezegging.objects.none()
    meldingen = list(Melding.objects.filter(ontvanger=user).select_related("signaal")[:MELDINGEN])
    return render(request, "notificaties/inbox.html", {
        "te_beantwoorden": _sectie(user, selecties.te_beantwoorden(user)),
        "te_laat": _sectie(user, selecties.te_laat(user)),
        "geescaleerd": _sectie(user, selecties.naar_mij_geescaleerd(user)),
        "is_griffie": user.rol == Rol.GRIFFIE,
        "verlopen_toezeggingen": list(verlopen[:PER_SECTIE]),
        "meldingen": meldingen,
        "ongelezen": Melding.objects.filter(ontvanger=user).ongelezen().count(),
        "voorkeur": VoorkeurFormulier(initial={"frequentie": _voorkeur(user)}),
        "vandaag": clock.today(),
    })


@login_required
@require_POST
def gelezen(request):
    ids = request.POST.getlist("melding")
    try:
        ids = [int(i) for i in ids] if ids else None
    except ValueError:
        messages.error(request, "Die melding bestaat niet.")
        return redirect("notificaties:inbox")
    aantal = services.markeer_gelezen(request.user, ids)
    messages.success(request, f"{aantal} melding{'en' if aantal != 1 else ''} als gelezen gemarkeerd.")
    return redirect("notificaties:inbox")


@login_required
@require_POST
def voorkeur(request):
    form = VoorkeurFormulier(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["frequentie"]))
        return redirect("notificaties:inbox")
    Emailvoorkeur.objects.update_or_create(gebruiker=request.user,
                                           defaults={"frequentie": form.cleaned_data["frequentie"]})
    keuze = Frequentie(form.cleaned_data["frequentie"]).label.lower()
    if not request.user.email and form.cleaned_data["frequentie"] != Frequentie.NOOIT:
        messages.warning(request, f"Opgeslagen: {keuze}. Let op: er is geen e-mailadres bekend bij uw account, "
                                  "dus u ziet meldingen alleen hier.")
    else:
        messages.success(request, f"Opgeslagen: {keuze}.")
    return redirect("notificaties:inbox")
