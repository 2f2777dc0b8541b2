"""Pages: a signal's term and escalation history, extending a term, and the overdue overview."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from schakel.core.paginering import BegrensdePaginator
from schakel.organisaties.models import Organisatie
from schakel.signalen import rechten
from schakel.signalen.models import Signaal
from schakel.web.formulieren import verwerk_formulier

from . import ladder, selecties, services
from .forms import OverzichtFilter, VerlengFormulier
from .ladder import OrgInfo

PER_PAGINA = 25


def _zichtbaar_signaal(request, uuid) -> Signaal:
    """The signal if the user may see it, else 404 (its existence stays hidden)."""
    zichtbaar = rechten.zichtbare_signalen(request.user, Signaal.objects.all())
    return get_object_or_404(zichtbaar.select_related("eigenaar", "regeling", "indienende_organisatie"), uuid=uuid)


def _signaal_url(signaal) -> str:
    return f"/signalen/{signaal.uuid}"


def _vervolg(signaal, status):
    """The rungs still ahead if the request stays unanswered: shown as 'what happens next'."""
    if status.fase not in ("loopt", "overschreden") or not signaal.eigenaar_id or not status.trede:
        return []
    regeling_kamercommissie_id = signaal.regeling.kamercommissie_id if signaal.regeling_id else None
    ids = {signaal.eigenaar_id, signaal.eigenaar.opdrachtgever_id, regeling_kamercommissie_id} - {None}
    ids |= set(Organisatie.objects.filter(pk__in=ids, kamercommissie__isnull=False)
               .values_list("kamercommissie_id", flat=True))
    orgs = {o.pk: o for o in Organisatie.objects.filter(pk__in=ids)}
    treden = ladder.ladder(eigenaar_id=signaal.eigenaar_id, organisaties={pk: OrgInfo.van(o) for pk, o in orgs.items()},
                           regeling_kamercommissie_id=regeling_kamercommissie_id, vanaf=status.trede + 1)
    return [(adres, services.omschrijf_adres(adres.trede, orgs[adres.organisatie_id])) for adres in treden]


def termijn(request, uuid):
    signaal = _zichtbaar_signaal(request, uuid)
    status = services.status_van(signaal)
    return render(request, "termijnen/termijn.html", {
        "signaal": signaal, "status": status, "vervolg": _vervolg(signaal, status),
        "signaal_url": _signaal_url(signaal),
    })


@login_required
def verlengen(request, uuid):
    signaal = _zichtbaar_signaal(request, uuid)
    if not rechten.behandelt_als_eigenaar(request.user, signaal):
        raise PermissionDenied("Alleen de behandelaars van de organisatie die moet reageren, kunnen de termijn "
                               "verlengen.")
    termijn = signaal.termijnen.open().select_related("organisatie").first()
    context = {"signaal": signaal, "termijn": termijn, "signaal_url": _signaal_url(signaal)}
    probleem = services.kan_verlengen(termijn, signaal)
    if probleem:
        return render(request, "termijnen/verlengen.html", {**context, "probleem": probleem},
                      status=400 if request.method == "POST" else 200)
    maximum = services.maximale_verlengdatum(termijn, signaal.soort)
    form = VerlengFormulier(request.POST if request.method == "POST" else None, initial={"tot": maximum})
    verder = verwerk_formulier(
        request, form, lambda data: services.verleng(signaal, actor=request.user, tot=data["tot"], reden=data["reden"]),
        melding=lambda verlengd: f"De termijn is verlengd tot {services.datum_nl(verlengd.uiterste_datum)}. "
                                 "De reden staat openbaar bij het signaal.",
        naar=_signaal_url(signaal))
    # A submitted form that comes back with its errors is a 200, as every other form answers.
    return verder or render(request, "termijnen/verlengen.html", {**context, "form": form, "maximum": maximum})


def overzicht(request):
    """Public overview: unanswered signals past their deadline, and commitments past their due date."""
    filters = OverzichtFilter(request.GET or None)
    criteria = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    zichtbaar = rechten.zichtbare_signalen(request.user, Signaal.objects.all())
    signalen = selecties.overschreden(zichtbaar)
    if criteria.get("eigenaar"):
        signalen = signalen.filter(eigenaar=criteria["eigenaar"])
    if criteria.get("commissie"):
        signalen = selecties.voor_commissie(criteria["commissie"], signalen)
    pagina = BegrensdePaginator(selecties.met_termijnen(signalen.select_related("eigenaar", "regeling")),
                       PER_PAGINA).get_page(request.GET.get("pagina"))
    for s in pagina.object_list:
        s.termijnstatus = services.status_van(s)
    return render(request, "termijnen/overzicht.html", {
        "filters": filters, "pagina": pagina, "criteria": criteria,
        "toezeggingen_organisatie": criteria.get("eigenaar"), "toezeggingen_commissie": criteria.get("commissie"),
    })
