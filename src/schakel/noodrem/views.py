"""Pages of the brake. Thin: rules in the modules of :mod:`schakel.noodrem` and ``regels``.

Anonymous pages store nothing about the visitor: no IP address or user agent is saved
(the rate limiter keeps a short-lived counter per address in the cache, not in the
database). A receipt code is shown once, in the response to the submission, and never
stored; after a correct code the session remembers which brake it opened.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from schakel.core import clock
from schakel.organisaties.models import Organisatie
from schakel.signalen import rechten as signaalrechten
from schakel.signalen.models import Signaal
from schakel.web import weergave
from schakel.web.formulieren import eenmalig, verwerk_formulier
from schakel.web.forms import toon_servicefouten
from schakel.web.views import _seconden, rate_limited

# Aliased: the views ``professional``, ``berichten`` and ``retourstickers`` share those names.
from . import berichten as berichtendienst
from . import professional as professionaldienst
from . import rechten, regels, rode_kaart
from . import retourstickers as retourstickerdienst
from .forms import (BerichtFormulier, CodeFormulier, ContactFormulier, OrganisatieFormulier,
                    ProfessionalFormulier, RetourstickerFormulier)
from .models import Retoursticker

SESSIE_SLEUTEL = "noodrem_inzage"


def _codesnelheid(group, request) -> str:
    return settings.SCHAKEL_RATELIMIT_ONTVANGSTCODE


def _anoniemsnelheid(group, request) -> str:
    return settings.SCHAKEL_RATELIMIT_ANONIEM


def _te_veel(request, rate: str):
    """429 with the Retry-After of this limit."""
    response = rate_limited(request)
    response["Retry-After"] = str(_seconden(rate))
    return response


ONTVANGEN_SLEUTEL = "noodrem_ontvangen"


def _naar_ontvangen(request, soort: str, pk: int, code: str):
    """Post-redirect-get for a receipt code: the code waits in the (server-side) session until
    :func:`ontvangen` shows it once, so reloading that page never re-submits the form."""
    request.session[ONTVANGEN_SLEUTEL] = {"soort": soort, "id": pk, "code": code}
    return redirect("noodrem:ontvangen")


@never_cache
def ontvangen(request):
    """The page that shows a receipt code: once, never cached."""
    gegevens = request.session.pop(ONTVANGEN_SLEUTEL, None)
    if not gegevens:
        messages.info(request, "Uw ontvangstcode is al getoond; Schakel kan hem niet opnieuw laten zien. Heeft u "
                               "hem bewaard? Vul hem hier in om uw melding te openen.")
        return redirect("noodrem:ontvangstcode")
    if gegevens["soort"] == "retoursticker":
        template, context = "noodrem/retoursticker_ontvangen.html", {
            "sticker": get_object_or_404(Retoursticker.objects.select_related("organisatie"), pk=gegevens["id"])}
    else:
        template, context = "noodrem/ontvangen.html", {
            "signaal": get_object_or_404(Signaal.objects.select_related("eigenaar"), pk=gegevens["id"])}
    response = render(request, template, {**context, "code": gegevens["code"]})
    response["Cache-Control"] = "no-store"
    return response


def start(request):
    return render(request, "noodrem/start.html", {
        "mag_rode_kaart": rechten.mag_rode_kaart_trekken(request.user),
    })


@never_cache
@ratelimit(group="noodrem:anoniem", key="ip", rate=_anoniemsnelheid, method="POST", block=False)
def professional(request):
    ingelogd = request.user.is_authenticated
    form = ProfessionalFormulier(request.POST if request.method == "POST" else None, ingelogd=ingelogd)
    if form.is_bound and getattr(request, "limited", False):
        return _te_veel(request, settings.SCHAKEL_RATELIMIT_ANONIEM)
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        anoniem = data.pop("anoniem", True)

        def trek():
            try:
                signaal, code = professionaldienst.trek_professional(gebruiker=request.user, anoniem=anoniem, **data)
            except ValidationError as fout:
                toon_servicefouten(fout, form)
                return None
            if code:
                return _naar_ontvangen(request, "noodrem", signaal.pk, code)
            messages.success(request, f"U heeft de noodrem getrokken. Het bestuur van {signaal.eigenaar.naam} moet "
                                      f"uiterlijk {weergave.lange_datum(signaal.uiterste_reactiedatum)} reageren.")
            return redirect("web:signaal", uuid=signaal.uuid)

        if verder := eenmalig(request, trek, form=form):
            return verder
    return render(request, "noodrem/professional.html", {"form": form})


@login_required
def organisatie(request):
    if not rechten.mag_rode_kaart_trekken(request.user):
        raise PermissionDenied("Alleen het bestuur van een uitvoeringsorganisatie met een opdrachtgevend ministerie "
                               "kan een opdracht teruggeven.")
    form = OrganisatieFormulier(request.POST if request.method == "POST" else None)
    verder = verwerk_formulier(
        request, form, lambda data: rode_kaart.trek_organisatie(actor=request.user, **data),
        melding=lambda signaal: f"De noodrem is getrokken. {signaal.eigenaar.naam} moet uiterlijk "
                                f"{weergave.lange_datum(signaal.uiterste_reactiedatum)} reageren.",
        naar=lambda signaal: reverse("web:signaal", kwargs={"uuid": signaal.uuid}))
    return verder or render(request, "noodrem/organisatie.html", {
        "form": form, "budget": rode_kaart.budget(request.user.organisatie),
    })


# --- Following with the receipt code ----------------------------------------------------------

@never_cache
@ratelimit(group="noodrem:code", key="ip", rate=_codesnelheid, method="POST", block=False)
def ontvangstcode(request):
    """Enter the receipt code. Wrong codes and brute force: one message, rate-limited per address."""
    form = CodeFormulier(request.POST if request.method == "POST" else None)
    if form.is_bound:
        if getattr(request, "limited", False):
            return _te_veel(request, settings.SCHAKEL_RATELIMIT_ONTVANGSTCODE)
        if form.is_valid():
            gevonden = berichtendienst.open_met_code(form.cleaned_data["code"])
            if gevonden is None:
                form.add_error("code", "Deze code kennen we niet. Controleer de code en probeer het opnieuw.")
            else:
                request.session.cycle_key()
                soort = "retoursticker" if isinstance(gevonden, Retoursticker) else "signaal"
                request.session[SESSIE_SLEUTEL] = [soort, gevonden.pk]
                if not request.user.is_authenticated:
                    request.session.set_expiry(0)  # forgotten when the browser closes
                return redirect("noodrem:inzage")
    return render(request, "noodrem/ontvangstcode.html", {"form": form})


def _geopend(request):
    soort, pk = request.session.get(SESSIE_SLEUTEL) or (None, None)
    if soort == "signaal":
        return Signaal.objects.met_relaties().filter(pk=pk).first()
    if soort == "retoursticker":
        return Retoursticker.objects.select_related("organisatie").filter(pk=pk).first()
    return None


@never_cache
def inzage(request):
    gevonden = _geopend(request)
    if gevonden is None:
        messages.info(request, "Vul uw ontvangstcode in om uw melding te openen.")
        return redirect("noodrem:ontvangstcode")
    if isinstance(gevonden, Retoursticker):
        return render(request, "noodrem/inzage_retoursticker.html", {"sticker": gevonden})
    signaal = gevonden
    form = BerichtFormulier(request.POST if request.method == "POST" else None)
    verder = verwerk_formulier(
        request, form, lambda data: berichtendienst.bericht_van_melder(signaal, tekst=data["tekst"]),
        melding="Uw bericht is verstuurd.", naar="noodrem:inzage")
    if verder:
        return verder
    reactie = signaal.actuele_reactie()
    return render(request, "noodrem/inzage.html", {
        "signaal": signaal, "rem": signaal.noodrem, "reactie": reactie,
        "status": weergave.status_van(signaal, reactie.besluit if reactie else None),
        "berichten": signaal.berichten.select_related("organisatie"), "form": form,
    })


@never_cache
def sluit_inzage(request):
    if request.method == "POST":
        request.session.pop(SESSIE_SLEUTEL, None)
        messages.info(request, "Uw melding is gesloten. Open haar opnieuw met uw ontvangstcode.")
    return redirect("noodrem:ontvangstcode")


# --- The receiver's side ------------------------------------------------------------------------

@login_required
def berichten(request, uuid):
    """The brake's details and the thread with the anonymous filer, for the receiving organisation."""
    signaal = get_object_or_404(
        signaalrechten.zichtbare_signalen(request.user, Signaal.objects.met_relaties()).filter(soort="noodrem"),
        uuid=uuid)
    if not rechten.mag_berichten_lezen(request.user, signaal):
        raise PermissionDenied("Alleen de organisatie die de noodrem ontving, kan de berichten lezen.")
    form = BerichtFormulier(request.POST if request.method == "POST" else None)
    form.fields["tekst"].label = "Vraag of bericht aan de melder"
    verder = verwerk_formulier(
        request, form,
        lambda data: berichtendienst.bericht_van_behandelaar(signaal, actor=request.user, tekst=data["tekst"]),
        melding="Uw bericht staat klaar; de melder leest het met de ontvangstcode.",
        naar=reverse("noodrem:berichten", kwargs={"uuid": signaal.uuid}))
    return verder or render(request, "noodrem/berichten.html", {
        "signaal": signaal, "rem": getattr(signaal, "noodrem", None), "form": form,
        "berichten": signaal.berichten.select_related("organisatie"),
        "anoniem": hasattr(signaal, "ontvangstbewijs"),
    })


# --- Citizen's brake --------------------------------------------------------------------------

@never_cache
@ratelimit(group="noodrem:anoniem", key="ip", rate=_anoniemsnelheid, method="POST", block=False)
def retoursticker(request):
    form = RetourstickerFormulier(request.POST if request.method == "POST" else None)
    if form.is_bound and getattr(request, "limited", False):
        return _te_veel(request, settings.SCHAKEL_RATELIMIT_ANONIEM)
    if form.is_bound and form.is_valid():
        def stuur():
            try:
                sticker, code = retourstickerdienst.stuur_retoursticker(**form.cleaned_data)
            except ValidationError as fout:
                toon_servicefouten(fout, form)
                return None
            return _naar_ontvangen(request, "retoursticker", sticker.pk, code)

        if verder := eenmalig(request, stuur, form=form):
            return verder
    return render(request, "noodrem/retoursticker.html", {"form": form})


def retourstickers(request, afkorting):
    """Per letter or process: how often it was sent back. Public counts; the organisation's own
    staff also see the open stickers with contact details, and record the contact."""
    organisatie = get_object_or_404(Organisatie, afkorting=afkorting)
    behandelaar = rechten.mag_retourstickers_behandelen(request.user, organisatie)
    open_stickers = (list(organisatie.retourstickers.open().order_by("contact_uiterlijk", "id"))
                     if behandelaar else [])
    return render(request, "noodrem/retourstickers.html", {
        "organisatie": organisatie, "tellingen": retourstickerdienst.tellingen_per_brief(organisatie),
        "behandelaar": behandelaar, "open_stickers": open_stickers, "vandaag": clock.today(),
        "drempel": regels.Drempel.uit_instellingen(),
    })


@login_required
def contact(request, uuid):
    sticker = get_object_or_404(Retoursticker.objects.select_related("organisatie"), uuid=uuid)
    if not rechten.mag_retourstickers_behandelen(request.user, sticker.organisatie):
        raise PermissionDenied("Alleen de organisatie die de brief stuurde, kan het contact vastleggen.")
    form = ContactFormulier(request.POST if request.method == "POST" else None)
    verder = verwerk_formulier(
        request, form,
        lambda data: retourstickerdienst.registreer_contact(sticker, actor=request.user, uitkomst=data["uitkomst"]),
        melding="Het contact is vastgelegd.",
        naar=reverse("noodrem:retourstickers", kwargs={"afkorting": sticker.organisatie.afkorting}))
    return verder or render(request, "noodrem/contact.html", {"sticker": sticker, "form": form})
