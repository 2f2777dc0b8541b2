"""Pages of the Maatwerkplaats. Thin: rules in ``services``, ``rechten`` and ``herhaling``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format

from schakel.audit.models import Gebeurtenis
from schakel.core.paginering import BegrensdePaginator
from schakel.signalen.zoeken import zoek
from schakel.web.formulieren import verwerk_formulier

from . import herhaling, pseudoniem, rechten, services
from .forms import BeraadFormulier, CasusFormulier, ConclusieFormulier, FixFormulier, InbrengFormulier, SolveFormulier, ZoekFormulier
from .models import Casus, Conclusie, Deelnemer, Geadresseerde, Reden


def _casussen(request):
    return rechten.zichtbare_casussen(request.user, Casus.objects.select_related("regeling", "organisatie", "fix"))


def _casus(request, uuid) -> Casus:
    """Internal: outside the team (and its board) a case does not exist (404)."""
    return get_object_or_404(_casussen(request), uuid=uuid)


def _beraad(casus):
    beraad = getattr(casus, "beraad", None)
    if beraad is not None:
        beraad = (type(beraad).objects.select_related("casus__regeling", "conclusie")
                  .prefetch_related(Prefetch("deelnemers", queryset=Deelnemer.objects.select_related(
                      "gebruiker", "inbreng")), "conclusie__beginselen").get(pk=beraad.pk))
    return beraad


@login_required
def overzicht(request):
    if not rechten.mag_inbrengen(request.user):
        raise PermissionDenied("De Maatwerkplaats is er voor de medewerkers van een uitvoeringsorganisatie of gemeente.")
    casussen = BegrensdePaginator(_casussen(request), 50).get_page(request.GET.get("pagina"))
    return render(request, "maatwerkplaats/overzicht.html", {
        "casussen": casussen, "herhalingen": herhaling.voor_organisatie(request.user.organisatie_id),
        "redenen": dict(Reden.choices), "drempel": herhaling.drempel()})


@login_required
def casus_nieuw(request):
    if not rechten.mag_inbrengen(request.user):
        raise PermissionDenied("Alleen medewerkers van een uitvoeringsorganisatie of gemeente brengen een casus in.")
    form = CasusFormulier(request.POST or None)
    verder = verwerk_formulier(
        request, form, lambda data: services.breng_in(actor=request.user, **data),
        melding=lambda casus: f"Uw casus {casus.kenmerk} is ingebracht. Plan een moreel beraad.",
        naar=lambda casus: reverse("maatwerkplaats:casus", kwargs={"uuid": casus.uuid}))
    return verder or render(request, "maatwerkplaats/casus_nieuw.html", {"form": form})


@login_required
def casus_detail(request, uuid):
    casus = _casus(request, uuid)
    beraad = _beraad(casus)
    stand = herhaling.voor_casus(casus)
    tijdlijn = Gebeurtenis.objects.filter(object_type="maatwerkplaats.casus", object_id=str(casus.pk))
    return render(request, "maatwerkplaats/casus.html", {
        "casus": casus, "beraad": beraad, "conclusie": getattr(beraad, "conclusie", None) if beraad else None,
        "fix": getattr(casus, "fix", None), "herhaling": stand,
        "solves": casus.solves.select_related("signaal__eigenaar").order_by("-ingediend_op"),
        "mag_plannen": rechten.mag_beraad_plannen(request.user, casus),
        "mag_fix": rechten.mag_fix_toekennen(request.user, casus),
        "mag_solve": rechten.mag_solve_indienen(request.user),
        "tijdlijn": tijdlijn.order_by("tijdstip", "id")})


@login_required
def beraad_plannen(request, uuid):
    casus = _casus(request, uuid)
    if not rechten.mag_beraad_plannen(request.user, casus):
        raise PermissionDenied("Voor deze casus is al een beraad gepland.")
    form = BeraadFormulier(request.POST or None, casus=casus)
    verder = verwerk_formulier(
        request, form, lambda data: services.plan_beraad(casus, actor=request.user, gepland_op=data["gepland_op"],
                                                         deelnemers=form.deelnemers()),
        melding="Het moreel beraad is gepland.", naar=reverse("maatwerkplaats:beraad", kwargs={"uuid": casus.uuid}))
    return verder or render(request, "maatwerkplaats/beraad_plannen.html", {"casus": casus, "form": form})


@login_required
def beraad(request, uuid):
    casus = _casus(request, uuid)
    beraad = _beraad(casus)
    if beraad is None:
        return redirect("maatwerkplaats:beraad-plannen", uuid=casus.uuid)
    inbreng_form = conclusie_form = None
    if rechten.mag_inbreng_geven(request.user, beraad):
        inbreng_form = InbrengFormulier(request.POST if request.POST.get("actie") == "inbreng" else None,
                                        prefix="inbreng")
    if rechten.mag_concluderen(request.user, beraad):
        conclusie_form = ConclusieFormulier(request.POST if request.POST.get("actie") == "conclusie" else None,
                                            prefix="conclusie", initial={"fix_aanbevolen": True})
    terug = reverse("maatwerkplaats:beraad", kwargs={"uuid": casus.uuid})
    verder = None
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "inbreng" and inbreng_form is not None:
            verder = verwerk_formulier(
                request, inbreng_form, lambda data: services.geef_inbreng(beraad, actor=request.user, **data),
                melding="Uw inbreng is vastgelegd.", naar=terug)
        elif actie == "conclusie" and conclusie_form is not None:
            verder = verwerk_formulier(
                request, conclusie_form, lambda data: services.stel_conclusie_vast(beraad, actor=request.user, **data),
                melding="De conclusie van het beraad is vastgesteld.", naar=terug)
        else:
            raise PermissionDenied("U kunt in dit beraad (nu) geen inbreng of conclusie vastleggen.")
    return verder or render(request, "maatwerkplaats/beraad.html", {
        "casus": casus, "beraad": beraad, "conclusie": getattr(beraad, "conclusie", None),
        "deelnemers": list(beraad.deelnemers.all()), "inbreng_form": inbreng_form, "conclusie_form": conclusie_form,
        "mag_fix": rechten.mag_fix_toekennen(request.user, casus)})


@login_required
def fix(request, uuid):
    casus = _casus(request, uuid)
    if not rechten.mag_fix_toekennen(request.user, casus):
        raise PermissionDenied("Een behandelaar of bestuurder van het team kent een fix toe, nadat het beraad tot "
                               "een fix heeft geconcludeerd.")
    form = FixFormulier(request.POST or None)
    verder = verwerk_formulier(
        request, form, lambda data: services.ken_fix_toe(casus, actor=request.user, **data),
        melding="De fix is toegekend.", naar=reverse("maatwerkplaats:casus", kwargs={"uuid": casus.uuid}))
    return verder or render(request, "maatwerkplaats/fix.html", {"casus": casus, "form": form})


@login_required
def solve(request, uuid):
    """File a solve from a case: its similar cases are offered, and ticked, to cite."""
    casus = _casus(request, uuid)
    if not rechten.mag_solve_indienen(request.user):
        raise PermissionDenied("Alleen medewerkers van het team dienen een solve in.")
    kandidaten = _casussen(request).filter(regeling_id=casus.regeling_id).order_by("ingebracht_op", "id")
    vergelijkbaar = [c.pk for c in herhaling.vergelijkbare(casus)]
    form = SolveFormulier(request.POST or None, casussen=kandidaten, organisatie=casus.organisatie,
                          regeling=casus.regeling, initial={
                              "casussen": vergelijkbaar, "titel": pseudoniem.kort(casus.titel, 200)})

    def ingediend(nieuw) -> str:
        signaal = nieuw.signaal
        bij = (f"het bestuur van {signaal.eigenaar.naam}" if nieuw.geadresseerde == Geadresseerde.BESTUUR
               else signaal.eigenaar.naam)
        return (f"De solve is ingediend als signaal {signaal.kenmerk} bij {bij}. "
                f"Reactie uiterlijk {date_format(signaal.uiterste_reactiedatum, 'j F Y')}.")

    verder = verwerk_formulier(
        request, form, lambda data: services.dien_solve_in(actor=request.user, **data), melding=ingediend,
        naar=lambda nieuw: reverse("web:signaal", kwargs={"uuid": nieuw.signaal.uuid}))
    return verder or render(request, "maatwerkplaats/solve.html", {"casus": casus, "form": form})


def casusprudentie(request):
    form = ZoekFormulier(request.GET or None)
    conclusies = rechten.zichtbare_conclusies(request.user, Conclusie.objects.select_related(
        "beraad__casus__regeling", "beraad__casus__organisatie").prefetch_related("beginselen"))
    zoekvraag = form.cleaned_data["zoek"] if form.is_valid() else ""
    conclusies = zoek(conclusies, zoekvraag)
    pagina = BegrensdePaginator(conclusies.order_by("-vastgesteld_op", "-id"), 25).get_page(request.GET.get("pagina"))
    return render(request, "maatwerkplaats/casusprudentie.html", {
        "form": form, "zoekvraag": zoekvraag, "pagina": pagina,
        "uitspraken": [_uitspraak(request.user, c) for c in pagina]})


def _uitspraak(user, conclusie) -> dict:
    """A conclusion as this user may read it: in full for the team, pseudonymised for others."""
    casus = conclusie.beraad.casus
    if rechten.in_team(user, casus.organisatie_id):
        tekst = {"kenmerk": casus.kenmerk, "titel": casus.titel, "gevolg_voor_burger": casus.gevolg_voor_burger,
                 "bedoeling_van_de_wet": casus.bedoeling_van_de_wet, "conclusie": conclusie.tekst, "intern": True,
                 "uuid": casus.uuid}
    else:
        tekst = {**pseudoniem.casus(casus), "conclusie": pseudoniem.openbaar(conclusie.tekst), "intern": False}
    return {**tekst, "organisatie": casus.organisatie, "regeling": casus.regeling, "reden": casus.get_reden_display(),
            "beginselen": list(conclusie.beginselen.all()), "vastgesteld_op": conclusie.vastgesteld_op,
            "openbaar": conclusie.openbaar, "fix_aanbevolen": conclusie.fix_aanbevolen, "uuid_conclusie": conclusie.uuid}
