"""Pages of the uitvoeringstoets and invoeringstoets. Thin: rules in ``services`` and ``rechten``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from schakel.audit.models import Gebeurtenis
from schakel.regelingen.models import Regeling
from schakel.web import weergave
from schakel.web.formulieren import verwerk_formulier

from schakel.termijnen.models import Termijn

from . import rechten, services, vergelijking
from .forms import (
    AntwoordFormulier, InvoeringstoetsFormulier, RapportageFormulier, ToetsFormulier, VoorstelFormulier,
    WijzigingFormulier,
)
from .models import Invoeringsrapportage, Invoeringstoets, Uitvoeringstoets, Voorstel


def _zichtbare_voorstellen(request):
    return rechten.zichtbare_voorstellen(request.user, Voorstel.objects.select_related("ministerie", "kamercommissie"))


def _voorstel(request, uuid) -> Voorstel:
    return get_object_or_404(_zichtbare_voorstellen(request), uuid=uuid)


def _toets(voorstel, uuid) -> Uitvoeringstoets:
    return get_object_or_404(voorstel.uitvoeringstoetsen.select_related("organisatie", "voorstel"), uuid=uuid)


def voorstellen(request):
    lijst = (_zichtbare_voorstellen(request).prefetch_related("uitvoerders")[:200])
    return render(request, "toetsen/voorstellen.html", {
        "voorstellen": lijst, "mag_registreren": rechten.mag_registreren(request.user)})


def voorstel_detail(request, uuid):
    voorstel = _voorstel(request, uuid)
    toetsen = list(voorstel.uitvoeringstoetsen.select_related("organisatie", "antwoord").prefetch_related(
        Prefetch("termijnen", queryset=Termijn.objects.select_related("organisatie").order_by("gestart_op", "id")))
        .order_by("-ronde", "organisatie__naam"))
    for toets in toetsen:
        toets.open = next((t for t in toets.termijnen.all() if t.gesloten_op is None), None)
        toets.geescaleerd = [t for t in toets.termijnen.all() if t.uitkomst == "geescaleerd"]
        toets.kan_invullen = rechten.mag_beoordelen(request.user, toets)
        toets.kan_beantwoorden = rechten.mag_beantwoorden(request.user, toets)
    huidig = [t for t in toetsen if t.ronde == voorstel.ronde]
    eerder = [t for t in toetsen if t.ronde != voorstel.ronde]
    tijdlijn = Gebeurtenis.objects.filter(object_type="toetsen.voorstel", object_id=str(voorstel.pk)) | \
        Gebeurtenis.objects.filter(object_type="toetsen.uitvoeringstoets", object_id__in=[str(t.pk) for t in toetsen])
    return render(request, "toetsen/voorstel.html", {
        "voorstel": voorstel, "huidig": huidig, "eerder": eerder, "regelingen": voorstel.regelingen.all(),
        "tijdlijn": tijdlijn.order_by("tijdstip", "id"), "mag_wijzigen": rechten.mag_wijzigen(request.user, voorstel),
        "invoeringstoetsen": voorstel.invoeringstoetsen.select_related("regeling"),
    })


@login_required
def voorstel_nieuw(request):
    if not rechten.mag_registreren(request.user):
        raise PermissionDenied("Alleen een ministerie of een Kamercommissie (griffie) kan een voorstel registreren.")
    form = VoorstelFormulier(request.POST or None, user=request.user)
    verder = verwerk_formulier(
        request, form, lambda data: services.registreer(actor=request.user, **data),
        melding=lambda voorstel: f"Het voorstel is geregistreerd; {voorstel.uitvoerders.count()} uitvoerder(s) "
                                 "zijn om een uitvoeringstoets gevraagd.",
        naar=lambda voorstel: reverse("toetsen:voorstel", kwargs={"uuid": voorstel.uuid}))
    return verder or render(request, "toetsen/voorstel_nieuw.html", {"form": form})


@login_required
def voorstel_wijzigen(request, uuid):
    voorstel = _voorstel(request, uuid)
    if not rechten.mag_wijzigen(request.user, voorstel):
        raise PermissionDenied("Alleen het ministerie of de Kamercommissie van dit voorstel kan het wijzigen.")
    form = WijzigingFormulier(request.POST or None, initial={"omschrijving": voorstel.omschrijving})
    verder = verwerk_formulier(
        request, form, lambda data: services.wijzig(voorstel, actor=request.user, **data),
        melding="De wijziging is vastgelegd; de uitvoerders zijn opnieuw om een toets gevraagd.",
        naar=reverse("toetsen:voorstel", kwargs={"uuid": voorstel.uuid}))
    return verder or render(request, "toetsen/voorstel_wijzigen.html", {"voorstel": voorstel, "form": form})


@login_required
def toets_invullen(request, uuid, toets):
    voorstel = _voorstel(request, uuid)
    toets = _toets(voorstel, toets)
    if not rechten.mag_beoordelen(request.user, toets):
        raise PermissionDenied("Alleen behandelaars en bestuur van de gevraagde uitvoerder vullen deze toets in, "
                               "zolang hij openstaat.")
    form = ToetsFormulier(request.POST or None)
    verder = verwerk_formulier(
        request, form, lambda data: services.dien_toets_in(toets, actor=request.user, **data),
        melding="Uw uitvoeringstoets is ingediend; de bewindspersoon moet erop antwoorden.",
        naar=reverse("toetsen:voorstel", kwargs={"uuid": voorstel.uuid}))
    return verder or render(request, "toetsen/toets_invullen.html", {"voorstel": voorstel, "toets": toets,
                                                                     "form": form})


@login_required
def toets_beantwoorden(request, uuid, toets):
    voorstel = _voorstel(request, uuid)
    toets = _toets(voorstel, toets)
    if not rechten.mag_beantwoorden(request.user, toets):
        raise PermissionDenied("Alleen de bewindspersoon van het ministerie van dit voorstel beantwoordt een "
                               "ingediende uitvoeringstoets.")
    form = AntwoordFormulier(request.POST or None, initial={
        "ondertekend_door": request.user.weergavenaam if request.user.get_full_name() else ""})
    verder = verwerk_formulier(
        request, form, lambda data: services.beantwoord(
            toets, actor=request.user, besluit=data["besluit"], toelichting_tekst=data["toelichting"],
            ondertekend_door=data["ondertekend_door"], voorwaarden_overgenomen=data["voorwaarden_overgenomen"],
            invoeringsdatum=data["invoeringsdatum"]),
        melding=f"Uw antwoord op de uitvoeringstoets van {toets.organisatie.naam} is vastgelegd.",
        naar=reverse("toetsen:voorstel", kwargs={"uuid": voorstel.uuid}))
    return verder or render(request, "toetsen/toets_beantwoorden.html", {
        "voorstel": voorstel, "toets": toets, "form": form,
        "vroegste": services.vroegste_invoeringsdatum(toets) if toets.invoeringstijd_maanden is not None else None})


# --- invoeringstoets -------------------------------------------------------------------------

def invoeringstoetsen(request):
    lijst = Invoeringstoets.objects.select_related("regeling", "voorstel").order_by("-gepland_op")[:200]
    return render(request, "toetsen/invoeringstoetsen.html", {
        "invoeringstoetsen": lijst, "mag_plannen": _te_plannen(request.user).exists()})


def _te_plannen(user):
    return Regeling.objects.filter(pk__in=[r.pk for r in Regeling.objects.select_related("eigenaar")
                                           if rechten.mag_invoeringstoets_plannen(user, r)]).order_by("titel")


@login_required
def invoeringstoets_nieuw(request):
    regelingen = _te_plannen(request.user)
    if not regelingen.exists():
        raise PermissionDenied("Alleen het ministerie dat eigenaar is van een regeling plant haar invoeringstoets.")
    form = InvoeringstoetsFormulier(request.POST or None, regelingen=regelingen)

    def gepland(uitkomst) -> str:
        toets, nieuw = uitkomst
        return (f"De invoeringstoets is gepland op {weergave.lange_datum(toets.gepland_op)}." if nieuw
                else "Deze invoeringstoets was al gepland.")

    verder = verwerk_formulier(
        request, form, lambda data: services.plan_invoeringstoets(actor=request.user, **data),
        melding=gepland,
        naar=lambda uitkomst: reverse("toetsen:invoeringstoets", kwargs={"uuid": uitkomst[0].uuid}))
    return verder or render(request, "toetsen/invoeringstoets_nieuw.html", {"form": form})


def invoeringstoets_detail(request, uuid):
    toets = get_object_or_404(Invoeringstoets.objects.select_related("regeling", "voorstel"), uuid=uuid)
    regels = vergelijking.vergelijk(toets, request.user)
    for regel in regels:
        regel.kan_rapporteren = regel.rapportage is not None and rechten.mag_rapporteren(request.user, regel.rapportage)
    return render(request, "toetsen/invoeringstoets.html", {
        "toets": toets, "regels": regels, "signalen": vergelijking.signalen_sinds(toets, request.user)[:500],
    })


@login_required
def rapporteren(request, uuid, rapportage):
    rapportage = get_object_or_404(Invoeringsrapportage.objects.select_related("invoeringstoets__regeling"),
                                   uuid=rapportage, invoeringstoets__uuid=uuid)
    if not rechten.mag_rapporteren(request.user, rapportage):
        raise PermissionDenied("Alleen de gevraagde uitvoerder rapporteert, één keer.")
    form = RapportageFormulier(request.POST or None)
    verder = verwerk_formulier(
        request, form, lambda data: services.rapporteer(rapportage, actor=request.user, **data),
        melding="Uw rapportage is ingediend.", naar=reverse("toetsen:invoeringstoets", kwargs={"uuid": uuid}))
    return verder or render(request, "toetsen/rapporteren.html", {
        "rapportage": rapportage, "toets": rapportage.invoeringstoets, "form": form})
