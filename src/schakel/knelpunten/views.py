"""Knelpunt pages, the committee's agenda and the legislation agenda. Thin: rules live in
``services``, ``rechten``, ``agendering`` and ``selecties``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from schakel.audit.models import Gebeurtenis
from schakel.organisaties.models import Organisatie, OrganisatieSoort
from schakel.regelingen.models import Regeling
from schakel.signalen import rechten as signaalrechten
from schakel.signalen.models import Signaal, Toezegging, ToezeggingStatus
from schakel.signalen.zoeken import zoek
from schakel.web.formulieren import eenmalig, verwerk_formulier
from schakel.web.selecties import signalen_voor_lijst

from . import cijfers, rechten, selecties, services
from .forms import KnelpuntFormulier, SplitsFormulier, WijzigFormulier
from .models import Abonnement, Agendering, Drempels, Knelpunt, KnelpuntStatus


def _knelpunt(uuid) -> Knelpunt:
    return get_object_or_404(Knelpunt.objects.select_related("regeling", "eigenaar", "kamercommissie"), uuid=uuid)


def _zichtbaar_signaal(request, uuid) -> Signaal:
    return get_object_or_404(signaalrechten.zichtbare_signalen(request.user, Signaal.objects.met_relaties()),
                             uuid=uuid)


def knelpunten(request):
    zoekvraag = (request.GET.get("q") or "").strip()[:200]
    lijst = Knelpunt.objects.filter(status=KnelpuntStatus.OPEN).select_related("regeling", "eigenaar", "agendering")
    lijst = zoek(lijst, zoekvraag).order_by("-gewijzigd_op")[:200]
    ongebundeld = []
    user = request.user
    if user.is_authenticated and user.organisatie_id and user.rol in rechten.BUNDELENDE_ROLLEN:
        ongebundeld = selecties.knelpunten_voor_elk(
            list(Signaal.objects.filter(selecties.ongebundeld(), eigenaar=user.organisatie_id)
                 .met_relaties().order_by("-ingediend_op")[:25]), limiet=1)
    return render(request, "knelpunten/lijst.html", {"knelpunten": lijst, "ongebundeld": ongebundeld,
                                                     "zoekvraag": zoekvraag})


def knelpunt_detail(request, uuid):
    knelpunt = _knelpunt(uuid)
    leden = selecties.zichtbare_leden(knelpunt, request.user).order_by("ingediend_op")
    mag_beheren = rechten.mag_beheren(request.user, knelpunt)
    return render(request, "knelpunten/detail.html", {
        "knelpunt": knelpunt, "signalen": signalen_voor_lijst(leden), "cijfers": cijfers.bereken(leden),
        "agendering": Agendering.objects.filter(knelpunt=knelpunt).first(),
        "antwoord": selecties.antwoord_van_ministerie(knelpunt),
        "toezeggingen": Toezegging.objects.filter(signaal__in=leden, status=ToezeggingStatus.OPEN)
        .select_related("signaal"),
        "artikelen": selecties.artikelranglijst(leden, limiet=10),
        "mag_beheren": mag_beheren,
        "suggesties": selecties.suggesties(knelpunt, request.user) if mag_beheren else [],
        "tijdlijn": Gebeurtenis.objects.filter(object_type="knelpunten.knelpunt", object_id=str(knelpunt.pk))
        .order_by("tijdstip", "id"),
        "drempels": Drempels.actueel(),
    })


@login_required
def knelpunt_nieuw(request, signaal):
    bron = _zichtbaar_signaal(request, signaal)
    if not rechten.mag_knelpunt_maken(request.user, bron):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar van het signaal kunnen een knelpunt maken.")
    form = KnelpuntFormulier(request.POST or None, initial={"titel": bron.titel})
    verder = verwerk_formulier(
        request, form, lambda data: services.maak(actor=request.user, signalen=[bron], **data),
        melding=lambda knelpunt: f"Knelpunt {knelpunt.kenmerk} is gemaakt. Bevestig hieronder de signalen "
                                 "die over hetzelfde probleem gaan.",
        naar=lambda knelpunt: reverse("knelpunten:knelpunt", kwargs={"uuid": knelpunt.uuid}))
    return verder or render(request, "knelpunten/nieuw.html", {
        "form": form, "signaal": bron, "bestaande": selecties.knelpunten_voor(bron)})


@login_required
@require_POST
def toevoegen(request, uuid):
    knelpunt = _knelpunt(uuid)
    signaal = _zichtbaar_signaal(request, request.POST.get("signaal"))  # 404 for an unknown or hidden signal

    def voeg_toe():
        try:
            services.voeg_toe(knelpunt, signaal, actor=request.user)
        except ValidationError as fout:
            for tekst in fout.messages:
                messages.error(request, tekst)
            return None
        messages.success(request, f"{signaal.kenmerk} is toegevoegd aan dit knelpunt.")
        return redirect("knelpunten:knelpunt", uuid=knelpunt.uuid)

    return eenmalig(request, voeg_toe) or redirect("knelpunten:knelpunt", uuid=knelpunt.uuid)


@login_required
def splitsen(request, uuid):
    knelpunt = _knelpunt(uuid)
    if not rechten.mag_beheren(request.user, knelpunt):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar kunnen dit knelpunt splitsen.")
    leden = list(knelpunt.signalen.order_by("ingediend_op"))
    form = SplitsFormulier(request.POST or None, leden=leden)

    def splits(data):
        gekozen = [s for s in leden if str(s.uuid) in data["signalen"]]
        return services.splits(knelpunt, gekozen, actor=request.user, titel=data["titel"],
                               beleidsbetekenis=data["beleidsbetekenis"], dilemma=data["dilemma"])

    verder = verwerk_formulier(
        request, form, splits, melding=lambda nieuw: f"Het nieuwe knelpunt {nieuw.kenmerk} is afgesplitst.",
        naar=lambda nieuw: reverse("knelpunten:knelpunt", kwargs={"uuid": nieuw.uuid}))
    return verder or render(request, "knelpunten/splitsen.html", {"form": form, "knelpunt": knelpunt})


@login_required
def wijzigen(request, uuid):
    knelpunt = _knelpunt(uuid)
    if not rechten.mag_beheren(request.user, knelpunt):
        raise PermissionDenied("Alleen de behandelaars van de eigenaar kunnen dit knelpunt wijzigen.")
    form = WijzigFormulier(request.POST or None, initial={
        veld: getattr(knelpunt, veld) for veld in ("titel", "beleidsbetekenis", "dilemma", "artikelen", "status")})
    verder = verwerk_formulier(
        request, form, lambda data: services.werk_bij(knelpunt, actor=request.user, **data),
        melding="Het knelpunt is bijgewerkt.", naar=reverse("knelpunten:knelpunt", kwargs={"uuid": knelpunt.uuid}))
    return verder or render(request, "knelpunten/wijzigen.html", {"form": form, "knelpunt": knelpunt})


def commissie_agenda(request, afkorting):
    """A committee's agenda of knelpunten: public, as parliament's agenda is. Its figures count only
    the signals the visitor may see (selecties.zichtbare_leden); the answer shown is a public one."""
    commissie = get_object_or_404(Organisatie, afkorting=afkorting, soort=OrganisatieSoort.KAMERCOMMISSIE)
    abonnementen = (Abonnement.objects.filter(gebruiker=request.user).select_related("regeling", "organisatie")
                    if request.user.is_authenticated else Abonnement.objects.none())
    return render(request, "knelpunten/agenda.html", {
        "commissie": commissie, "items": selecties.agenda(commissie, request.user),
        "commissies": Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam"),
        "abonnementen": abonnementen,
    })


def mijn_agenda(request):
    """A clerk's own committee's agenda; for everyone else the first committee's."""
    user = request.user
    if user.is_authenticated and user.organisatie_id and user.organisatie.soort == OrganisatieSoort.KAMERCOMMISSIE:
        return redirect("knelpunten:agenda", afkorting=user.organisatie.afkorting)
    eerste = Organisatie.objects.filter(soort=OrganisatieSoort.KAMERCOMMISSIE).order_by("naam").first()
    if eerste is None:
        raise PermissionDenied("Er is nog geen Kamercommissie.")
    return redirect("knelpunten:agenda", afkorting=eerste.afkorting)


def _terug(request, standaard: str) -> str:
    """Where to go after (un)following: ``volgende`` if it is a path on this site."""
    volgende = request.POST.get("volgende", "")
    if volgende.startswith("/") and url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
        return volgende
    return standaard


def _volg_of_zeg_op(request, *, naam: str, **onderwerp) -> None:
    if request.POST.get("actie") == "opzeggen":
        services.zeg_op(actor=request.user, **onderwerp)
        messages.success(request, f"U volgt {naam} niet meer.")
    else:
        services.abonneer(actor=request.user, **onderwerp)
        messages.success(request, f"U volgt nu {naam}: u krijgt bericht (in uw inbox en per e-mail, zoals u "
                                  "dat hebt ingesteld) zodra een knelpunt daarover op de agenda komt.")


@login_required
@require_POST
def abonneren(request, bwb_id):
    regeling = get_object_or_404(Regeling, bwb_id=bwb_id)
    terug = redirect(_terug(request, reverse("web:regeling", args=[regeling.bwb_id])))
    # A repeated POST must not undo the first (follow, then stop following): once per form token.
    return eenmalig(request, lambda: _volg_of_zeg_op(request, naam=regeling.citeertitel or regeling.titel,
                                                     regeling=regeling) or terug) or terug


@login_required
@require_POST
def abonneren_organisatie(request, afkorting):
    """Follow or stop following a committee or an organisation."""
    organisatie = get_object_or_404(Organisatie, afkorting=afkorting)
    terug = redirect(_terug(request, reverse("web:organisatie", args=[organisatie.afkorting])))
    return eenmalig(request, lambda: _volg_of_zeg_op(request, naam=organisatie.naam, organisatie=organisatie)
                    or terug) or terug


@login_required
def abonnementen(request):
    """What the user follows, each with its Atom feed and a button to stop."""
    return render(request, "knelpunten/abonnementen.html", {
        "abonnementen": Abonnement.objects.filter(gebruiker=request.user).select_related("regeling", "organisatie"),
    })


def wetgevingsagenda(request):
    return render(request, "knelpunten/wetgevingsagenda.html", {"regelingen": selecties.wetgevingsagenda()})


def open_data(request):
    from . import opendata

    return render(request, "knelpunten/open_data.html", {
        "tabellen": opendata.TABELLEN, "licentie": opendata.LICENTIE, "licentie_url": opendata.LICENTIE_URL})
