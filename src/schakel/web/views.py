"""Server-rendered pages. Thin: every rule is in ``schakel.signalen.services`` and ``rechten``.

Every view checks visibility per object (a signal you may not see is a 404) and the
action (an action you may not do is a 403).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from schakel.accounts import tweestap
from schakel.accounts.views import begin_tweede_stap
from schakel.core import klantadres
from schakel.core.paginering import BegrensdePaginator
from schakel.organisaties.models import Organisatie
from schakel.regelingen.models import Regeling
from schakel.signalen import rechten, routering, services, workflow
from schakel.signalen.models import NietOntvankelijk, Signaal, Toezegging, ToezeggingStatus
from schakel.signalen.workflow import OngeldigeOvergang

from . import selecties, weergave
from .formulieren import eenmalig, verwerk_formulier
from .forms import (
    DoorsturenFormulier,
    InlogFormulier,
    NakomenFormulier,
    NietOntvankelijkFormulier,
    ReactieFormulier,
    SignaalFilterFormulier,
    SignaalFormulier,
    ToezeggingFormset,
    TrierenFormulier,
    ingevulde_toezeggingen,
    toon_servicefouten,
)

PER_PAGINA = 20
LAATSTE_OP_START = 5
LIJST_OP_OVERZICHT = 10


def _zichtbare(request):
    return rechten.zichtbare_signalen(request.user, Signaal.objects.all())


def _zichtbaar_signaal(request, uuid) -> Signaal:
    """The signal with ``uuid`` if the user may see it; otherwise 404 (its existence stays hidden)."""
    return get_object_or_404(_zichtbare(request).met_relaties(), uuid=uuid)


def _pagina(request, queryset):
    return BegrensdePaginator(queryset, PER_PAGINA).get_page(request.GET.get("pagina"))


# --- Public pages -----------------------------------------------------------------------------

def start(request):
    openbaar = Signaal.objects.openbaar()
    return render(request, "start.html", {
        "tellingen": selecties.tellingen(openbaar),
        "laatste": selecties.signalen_voor_lijst(openbaar)[:LAATSTE_OP_START],
        "mag_indienen": rechten.mag_indienen(request.user),
    })


def signalen(request):
    filters = SignaalFilterFormulier(request.GET)
    criteria = filters.geldige_criteria()
    resultaat = selecties.filter_signalen(_zichtbare(request), criteria)
    return render(request, "signalen/lijst.html", {
        "filters": filters,
        "zoekvraag": criteria.get("q", ""),
        "pagina": _pagina(request, selecties.signalen_voor_lijst(resultaat)),
        "mag_indienen": rechten.mag_indienen(request.user),
    })


def signaal_detail(request, uuid):
    signaal = _zichtbaar_signaal(request, uuid)
    reacties = list(signaal.reacties.select_related("organisatie").prefetch_related("toezeggingen")
                    .order_by("-versie"))
    actueel = reacties[0] if reacties else None
    if actueel:
        for toezegging in actueel.toezeggingen.all():
            toezegging.mag_afronden = (toezegging.status == ToezeggingStatus.OPEN
                                       and rechten.mag_toezegging_afronden(request.user, toezegging))
    return render(request, "signalen/detail.html", {
        "signaal": signaal,
        "status": weergave.status_van(signaal, actueel.besluit if actueel else None),
        "reactie": actueel,
        "eerdere_reacties": reacties[1:],
        "tijdlijn": _tijdlijn(signaal),
        "oorzaken": signaal.oorzaken.all(),
        "mag_beantwoorden": rechten.mag_beantwoorden(request.user, signaal),
        "mag_doorsturen": rechten.mag_doorsturen(request.user, signaal),
        "mag_niet_ontvankelijk": rechten.mag_niet_ontvankelijk_verklaren(request.user, signaal),
        "niet_ontvankelijk": _niet_ontvankelijk(request, signaal),
        "mag_trieren": signaal.eigenaar_id is None and rechten.mag_trieren(request.user),
    })


def _niet_ontvankelijk(request, signaal):
    """The owner's decision that the signal is not admissible, with the duplicate (if visible) and
    that signal's current answer; ``None`` for an admissible signal."""
    if signaal.status != workflow.Status.NIET_ONTVANKELIJK:
        return None
    besluit = (NietOntvankelijk.objects.select_related("organisatie", "dubbel_van__eigenaar")
               .filter(signaal=signaal).first())
    if besluit and besluit.dubbel_van_id and not rechten.mag_inzien(request.user, besluit.dubbel_van):
        besluit.dubbel_van = None  # e.g. made private later: name nothing the visitor may not see
    if besluit and besluit.dubbel_van:
        besluit.dubbel_reactie = besluit.dubbel_van.actuele_reactie()
    return besluit


@login_required
def niet_ontvankelijk(request, uuid):
    signaal = _zichtbaar_signaal(request, uuid)
    if not rechten.mag_niet_ontvankelijk_verklaren(request.user, signaal):
        raise PermissionDenied("Alleen de behandelaars, het bestuur of de bewindspersoon van de organisatie die moet "
                               "reageren, kunnen een onbeantwoord signaal niet ontvankelijk verklaren.")
    form = NietOntvankelijkFormulier(request.POST if request.method == "POST" else None)
    verder = verwerk_formulier(
        request, form, lambda data: services.verklaar_niet_ontvankelijk(signaal, actor=request.user, **data),
        melding="Het signaal is niet ontvankelijk verklaard. De reden staat openbaar bij het signaal.",
        naar=reverse("web:signaal", kwargs={"uuid": signaal.uuid}),
        bij_weigering=reverse("web:signaal", kwargs={"uuid": signaal.uuid}))
    return verder or render(request, "signalen/niet_ontvankelijk.html", {"signaal": signaal, "form": form})


def _tijdlijn(signaal):
    gebeurtenissen = list(signaal.gebeurtenissen.order_by("tijdstip", "id"))
    namen = dict(Organisatie.objects.filter(afkorting__in=weergave.genoemde_organisaties(gebeurtenissen))
                 .values_list("afkorting", "naam"))
    return weergave.tijdlijn(gebeurtenissen, namen)


def organisatie_detail(request, afkorting):
    organisatie = get_object_or_404(Organisatie.objects.select_related("opdrachtgever", "kamercommissie"),
                                    afkorting=afkorting)
    zichtbaar = _zichtbare(request)
    ingediend = zichtbaar.filter(indienende_organisatie=organisatie)
    in_eigendom = zichtbaar.filter(eigenaar=organisatie)
    return render(request, "organisaties/detail.html", {
        "organisatie": organisatie,
        "tellingen_eigendom": selecties.tellingen(in_eigendom),
        "tellingen_ingediend": selecties.tellingen(ingediend),
        "in_eigendom": selecties.signalen_voor_lijst(in_eigendom)[:LIJST_OP_OVERZICHT],
        "ingediend": selecties.signalen_voor_lijst(ingediend)[:LIJST_OP_OVERZICHT],
        "opdrachtnemers": organisatie.opdrachtnemers.order_by("naam"),
        "regelingen": organisatie.regelingen.order_by("titel"),
    })


def regeling_detail(request, bwb_id):
    regeling = get_object_or_404(Regeling.objects.select_related("eigenaar", "kamercommissie"), bwb_id=bwb_id)
    over_regeling = _zichtbare(request).filter(regeling=regeling)
    return render(request, "regelingen/detail.html", {
        "regeling": regeling,
        "uitvoerders": regeling.uitvoerders.order_by("naam"),
        "tellingen": selecties.tellingen(over_regeling),
        "pagina": _pagina(request, selecties.signalen_voor_lijst(over_regeling)),
    })


# --- Filing, answering, forwarding, keeping commitments ----------------------------------------

@login_required
def signaal_nieuw(request):
    """File a signal. Without a regulation, the first submit shows the text router's
    suggestion (owner and TCU causes, with its confidence); the second files it."""
    if not rechten.mag_indienen(request.user):
        raise PermissionDenied("Alleen medewerkers van een organisatie kunnen een signaal indienen.")
    form = SignaalFormulier(request.POST) if request.method == "POST" else SignaalFormulier()
    suggestie = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["regeling"] is None and not data["routering"]:
            suggestie = routering.suggereer(titel=data["titel"], praktijk=data["praktijk"],
                                            getroffen_burgers=data["getroffen_burgers"],
                                            verbetervoorstel=data["verbetervoorstel"])
            form = _met_suggestie(request.POST, suggestie, oorzaken_gekozen=bool(data["oorzaken"]))
        else:
            def dien_in():
                nonlocal suggestie
                try:
                    signaal = services.dien_in(indiener=request.user, eigenaar=form.gekozen_eigenaar(),
                                               **form.als_signaal())
                except ValidationError as fout:
                    zonder_regeling = data["regeling"] is None
                    toon_servicefouten(fout, form)
                    if zonder_regeling:  # keep the suggestion step on the page
                        suggestie = _suggestie_uit_invoer(form.data)
                    return None
                if signaal.eigenaar_id:
                    messages.success(
                        request,
                        f"Uw signaal is ingediend en doorgestuurd naar {signaal.eigenaar.naam}; uiterste "
                        f"reactiedatum {weergave.lange_datum(signaal.uiterste_reactiedatum)}.",
                    )
                else:
                    messages.success(request, "Uw signaal is ingediend. Het staat in de triage: een behandelaar "
                                              "bepaalt welke organisatie moet reageren. Daarna gaat de termijn lopen.")
                return redirect("web:signaal", uuid=signaal.uuid)

            if verder := eenmalig(request, dien_in, form=form):
                return verder
    elif form.is_bound and form.data.get("routering"):
        suggestie = _suggestie_uit_invoer(form.data)
    return render(request, "signalen/nieuw.html", {"form": form, "suggestie": suggestie})


def _suggestie_uit_invoer(invoer) -> routering.Suggestie:
    return routering.suggereer(titel=invoer.get("titel", ""), praktijk=invoer.get("praktijk", ""),
                               getroffen_burgers=invoer.get("getroffen_burgers", ""),
                               verbetervoorstel=invoer.get("verbetervoorstel", ""))


def _met_suggestie(post, suggestie, *, oorzaken_gekozen: bool) -> SignaalFormulier:
    """The form again, with the suggested owner preselected when the router is confident
    (else the triage) and, if the filer chose none, the suggested causes ticked."""
    data = post.copy()
    data["routering"] = suggestie.beste.organisatie.afkorting if suggestie.zeker else SignaalFormulier.TRIAGE
    if not oorzaken_gekozen and suggestie.oorzaken:
        data.setlist("oorzaken", [str(k.organisatie.pk) for k in suggestie.oorzaken])
    form = SignaalFormulier(data)
    form.is_valid()
    return form


def _initiele_reactie(reactie) -> tuple[dict, list[dict]]:
    """Start a revision from the current answer and its open commitments."""
    if reactie is None:
        return {}, []
    form = {"besluit": reactie.besluit, "toelichting": reactie.toelichting, "niveau": reactie.niveau,
            "ondertekend_door": reactie.ondertekend_door}
    rijen = [{"omschrijving": t.omschrijving, "eigenaar": t.eigenaar, "uiterlijk": t.uiterlijk}
             for t in reactie.toezeggingen.filter(status=ToezeggingStatus.OPEN)]
    return form, rijen


@login_required
def reageren(request, uuid):
    signaal = _zichtbaar_signaal(request, uuid)
    rechten.controleer_beantwoorden(request.user, signaal)
    actueel = signaal.actuele_reactie()
    if request.method == "POST":
        form = ReactieFormulier(request.POST)
        formset = ToezeggingFormset(request.POST, prefix="toezeggingen")
        geldig = form.is_valid()
        geldig = formset.is_valid() and geldig
        if geldig:
            rijen = ingevulde_toezeggingen(formset)

            def reageer():
                try:
                    services.reageer(
                        signaal, actor=request.user, besluit=form.cleaned_data["besluit"],
                        toelichting_tekst=form.cleaned_data["toelichting"], niveau=form.cleaned_data["niveau"],
                        ondertekend_door=form.cleaned_data["ondertekend_door"],
                        toezeggingen=[toezegging for _, toezegging in rijen],
                    )
                except ValidationError as fout:
                    toon_servicefouten(fout, form, formset, [rij for rij, _ in rijen])
                    return None
                except OngeldigeOvergang as fout:
                    messages.error(request, str(fout))
                    return redirect("web:signaal", uuid=signaal.uuid)
                messages.success(request, "Uw reactie is opgeslagen en staat bij het signaal."
                                 if actueel is None else "Uw herziene reactie is opgeslagen; de eerdere versie "
                                 "blijft zichtbaar.")
                return redirect("web:signaal", uuid=signaal.uuid)

            if verder := eenmalig(request, reageer, form=form):
                return verder
    else:
        initieel, rijen = _initiele_reactie(actueel)
        form = ReactieFormulier(initial=initieel)
        formset = ToezeggingFormset(initial=rijen, prefix="toezeggingen")
    return render(request, "signalen/reageren.html", {
        "signaal": signaal, "form": form, "formset": formset, "reactie": actueel,
    })


@login_required
def doorsturen(request, uuid):
    signaal = _zichtbaar_signaal(request, uuid)
    if not rechten.mag_doorsturen(request.user, signaal):
        raise PermissionDenied("Alleen de organisatie die moet reageren, kan een onbeantwoord signaal doorsturen.")
    form = DoorsturenFormulier(request.POST if request.method == "POST" else None,
                               huidige_eigenaar=signaal.eigenaar)

    def daarna(doorgestuurd) -> str:
        """The signal, unless the user may no longer see it."""
        if rechten.mag_inzien(request.user, doorgestuurd):
            return reverse("web:signaal", kwargs={"uuid": doorgestuurd.uuid})
        return reverse("web:signalen")

    verder = verwerk_formulier(
        request, form,
        lambda data: services.stuur_door(signaal, naar=data["naar"], actor=request.user, reden=data["reden"]),
        melding=lambda doorgestuurd: f"Het signaal is doorgestuurd naar {doorgestuurd.eigenaar.naam}.",
        naar=daarna, bij_weigering=reverse("web:signaal", kwargs={"uuid": signaal.uuid}))
    return verder or render(request, "signalen/doorsturen.html", {"signaal": signaal, "form": form})


@login_required
def triage(request):
    """The triage queue: signals that name neither a regulation nor an organisation."""
    if not rechten.mag_trieren(request.user):
        raise PermissionDenied("Alleen behandelaars met de triagerol zien de triage.")
    wachtend = _zichtbare(request).filter(eigenaar__isnull=True, status="ingediend").order_by("ingediend_op", "id")
    return render(request, "signalen/triage.html", {
        "pagina": _pagina(request, wachtend.select_related("indienende_organisatie")),
        "model_ontbreekt": not _heeft_routeringsmodel(),
    })


def _heeft_routeringsmodel() -> bool:
    from schakel.knelpunten import router

    return router.actueel() is not None


@login_required
def trieren(request, uuid):
    signaal = _zichtbaar_signaal(request, uuid)
    if not rechten.mag_trieren(request.user):
        raise PermissionDenied("Alleen behandelaars met de triagerol kunnen signalen zonder eigenaar routeren.")
    if signaal.eigenaar_id is not None:
        messages.info(request, f"Dit signaal is al toegewezen aan {signaal.eigenaar.naam}.")
        return redirect("web:signaal", uuid=signaal.uuid)
    suggestie = routering.suggereer_voor(signaal)
    initieel = {"naar": suggestie.beste.organisatie.pk} if suggestie.zeker else {}
    form = TrierenFormulier(request.POST if request.method == "POST" else None, initial=initieel)
    verder = verwerk_formulier(
        request, form, lambda data: services.trieer(signaal, naar=data["naar"], actor=request.user,
                                                    reden=data["reden"], regeling=data["regeling"]),
        melding=lambda getrieerd: f"Het signaal is toegewezen aan {getrieerd.eigenaar.naam}; de termijn loopt.",
        naar="web:triage", bij_weigering=reverse("web:signaal", kwargs={"uuid": signaal.uuid}))
    return verder or render(request, "signalen/trieren.html", {"signaal": signaal, "form": form,
                                                               "suggestie": suggestie})


@login_required
def toezegging_nakomen(request, uuid):
    toezegging = get_object_or_404(
        Toezegging.objects.select_related("signaal", "reactie__organisatie")
        .filter(signaal__in=_zichtbare(request).values("pk")),
        uuid=uuid,
    )
    if not rechten.mag_toezegging_afronden(request.user, toezegging):
        raise PermissionDenied("Alleen de organisatie die de toezegging deed, kan haar afronden.")
    al_nagekomen = toezegging.status != ToezeggingStatus.OPEN
    form = NakomenFormulier(request.POST if request.method == "POST" and not al_nagekomen else None)
    verder = verwerk_formulier(
        request, form, lambda data: services.rond_toezegging_af(toezegging, actor=request.user,
                                                                toelichting_tekst=data["toelichting"]),
        melding="De toezegging staat nu op ‘nagekomen’.",
        naar=reverse("web:signaal", kwargs={"uuid": toezegging.signaal.uuid}))
    return verder or render(request, "toezeggingen/nakomen.html", {
        "toezegging": toezegging, "signaal": toezegging.signaal, "form": form,
    })


# --- Logging in and out --------------------------------------------------------------------------

def _inlogsnelheid(group, request) -> str:
    """The login rate limit, read per request so that it follows the settings."""
    return settings.SCHAKEL_RATELIMIT_LOGIN


def _inlogsnelheid_adres(group, request) -> str:
    return settings.SCHAKEL_RATELIMIT_LOGIN_ADRES


def _account_en_adres(group, request) -> str:
    """One counter per account *and* client address: someone guessing a password locks only
    themselves out of that account, not its owner nor the colleagues behind the same gateway."""
    account = request.POST.get("username", "").strip().casefold()[:150]
    return f"{klantadres.adres(request)}|{account}"


def _te_veel_inlogpogingen(request) -> bool:
    """Both counters go up with every attempt: per account and address (``SCHAKEL_RATELIMIT_LOGIN``)
    and, much wider, per address alone (``SCHAKEL_RATELIMIT_LOGIN_ADRES``, against one address
    trying many accounts)."""
    per_account = is_ratelimited(request, group="web:inloggen", key=_account_en_adres, rate=_inlogsnelheid,
                                 method=["POST"], increment=True)
    per_adres = is_ratelimited(request, group="web:inloggen-adres", key="ip", rate=_inlogsnelheid_adres,
                               method=["POST"], increment=True)
    return per_account or per_adres


class Inloggen(LoginView):
    template_name = "account/inloggen.html"
    authentication_form = InlogFormulier
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if _te_veel_inlogpogingen(request):
            return rate_limited(request)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from schakel.accounts.oidc import actieve_aanbieders

        return {**super().get_context_data(**kwargs), "aanbieders": list(actieve_aanbieders())}

    def form_valid(self, form):
        """Password right: log in, or, with TOTP on, ask for the code first (schakel.accounts)."""
        user = form.get_user()
        if tweestap.staat_aan(user):
            begin_tweede_stap(self.request, user, self.get_success_url())
            return redirect("accounts:tweestap")
        return super().form_valid(form)


class Uitloggen(LogoutView):
    """POST logs out; GET shows a page with the button (so a link never logs anyone out)."""

    http_method_names = ["get", "post", "options"]
    template_name = "account/uitloggen.html"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "U bent uitgelogd.")
        return response


# --- Error pages --------------------------------------------------------------------------------

def venster_seconden(rate: str) -> int:
    """Window length of a django-ratelimit rate such as '10/m' or '100/5m'."""
    eenheden = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        periode = rate.split("/", 1)[1].strip().lower()
        aantal = int(periode[:-1] or 1)
        return aantal * eenheden[periode[-1]]
    except (IndexError, KeyError, ValueError):
        return 60


def rate_limited(request, exception=None):
    """429: too many attempts (``RATELIMIT_VIEW``; also used by the login view itself)."""
    seconden = venster_seconden(str(settings.SCHAKEL_RATELIMIT_LOGIN))
    response = render(request, "fouten/429.html", {"minuten": max(1, round(seconden / 60))}, status=429)
    response["Retry-After"] = str(seconden)
    return response


def bad_request(request, exception=None):
    return render(request, "fouten/400.html", status=400)


def permission_denied(request, exception=None):
    if isinstance(exception, Ratelimited):
        return rate_limited(request, exception)
    reden = str(exception) if exception is not None else ""
    return render(request, "fouten/403.html", {"reden": reden}, status=403)


def page_not_found(request, exception=None):
    return render(request, "fouten/404.html", status=404)


def server_error(request):
    """500, rendered without context processors or database: whatever broke may break again."""
    try:
        html = loader.get_template("fouten/500.html").render({})
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        html = "<h1>Er ging iets mis</h1><p>Probeer het later opnieuw.</p>"
    return HttpResponseServerError(html)


