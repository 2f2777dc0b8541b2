"""Account pages: the account, turning TOTP on and off, and the login's second step.

The first step (password) is ``schakel.web.views.Inloggen``: for a user with TOTP it does not
log in but keeps the user's id in the session (``begin_tweede_stap``) and sends them here.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_ratelimit.core import is_ratelimited

from schakel.core import clock

from . import apitokens, tweestap
from .forms import ApiTokenFormulier, AppOfHerstelcodeFormulier, CodeFormulier, HerstelcodeFormulier

SESSIESLEUTEL = "schakel_tweede_stap"
GELDIG = dt.timedelta(minutes=5)


def _code_snelheid(group, request) -> str:
    return settings.SCHAKEL_RATELIMIT_TOTP


def _te_vaak(request, sleutel: str) -> bool:
    """Code attempts per account (and per address): beyond the limit, no code is even checked."""
    per_account = is_ratelimited(request, group="accounts:code", key=lambda g, r: sleutel,
                                 rate=_code_snelheid, method=["POST"], increment=True)
    per_adres = is_ratelimited(request, group="accounts:code-ip", key="ip", rate=_code_snelheid,
                               method=["POST"], increment=True)
    return per_account or per_adres


def _fouten(fout: ValidationError, form) -> None:
    for tekst in fout.message_dict.get("code", fout.messages):
        form.add_error("code", tekst)


def _verwerk_code(request, user, actie, formulier=CodeFormulier):
    """Bind the code form, throttle attempts and run ``actie(code)`` with a valid code.

    Returns ``(form, status, gelukt, uitkomst)``: ``gelukt`` when ``actie`` accepted the code,
    ``status`` 429 when there were too many attempts (then no code is checked at all). App codes
    and recovery codes share one counter per account and per address."""
    form = formulier(request.POST if request.method == "POST" else None)
    if not form.is_bound:
        return form, 200, False, None
    if _te_vaak(request, str(user.pk)):
        form.is_valid()
        form.add_error(None, tweestap.TE_VAAK)
        return form, 429, False, None
    if form.is_valid():
        try:
            return form, 200, True, actie(form.cleaned_data["code"])
        except ValidationError as fout:
            _fouten(fout, form)
    return form, 200, False, None


def _veilige_volgende(request, volgende: str | None) -> str:
    if volgende and url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()},
                                                    require_https=request.is_secure()):
        return volgende
    return settings.LOGIN_REDIRECT_URL


def begin_tweede_stap(request, user, volgende: str) -> None:
    """After a correct password of a user with TOTP: remember who, not yet logged in."""
    request.session.cycle_key()
    request.session[SESSIESLEUTEL] = {
        "gebruiker": user.pk, "backend": user.backend, "sinds": clock.now().isoformat(), "volgende": volgende,
    }


def _wachtende_gebruiker(request):
    """The user between password and code, or None when there is none or it took too long."""
    gegevens = request.session.get(SESSIESLEUTEL)
    if not gegevens:
        return None
    if clock.now() - dt.datetime.fromisoformat(gegevens["sinds"]) > GELDIG:
        del request.session[SESSIESLEUTEL]
        return None
    user = get_user_model().objects.filter(pk=gegevens["gebruiker"], is_active=True).first()
    if user is not None:
        user.backend = gegevens["backend"]
    return user


def _toon_herstelcodes(request, codes: list[str], titel: str, inleiding: str = ""):
    """The one and only time the codes are shown: rendered in the response to the POST that made
    them, never stored in plain text, never cached."""
    response = render(request, "account/herstelcodes.html", {"codes": codes, "titel": titel, "inleiding": inleiding})
    add_never_cache_headers(response)
    return response


def tweede_stap(request):
    """Second step: the code from the app. Also for a logged-in user whose session is not verified yet."""
    return _tweede_stap(request, CodeFormulier, tweestap.controleer, "account/tweestap.html")


def tweede_stap_herstelcode(request):
    """Second step with a recovery code instead of the app (lost phone)."""
    return _tweede_stap(request, HerstelcodeFormulier, tweestap.controleer_herstelcode,
                        "account/tweestap_herstelcode.html")


def _meld_herstelcodes_over(request, user) -> None:
    over = tweestap.herstelcodes_over(user)
    tekst = (f"U bent ingelogd met een herstelcode; die werkt niet nog een keer. "
             f"U heeft nog {over} herstelcode{'s' if over != 1 else ''} over.")
    if over <= tweestap.WEINIG_HERSTELCODES:
        messages.warning(request, tekst + " Maak op uw accountpagina nieuwe herstelcodes, of zet "
                         "tweestapsverificatie uit en opnieuw aan met uw nieuwe telefoon.")
    else:
        messages.info(request, tekst)


def _tweede_stap(request, formulier, controle, template):
    ingelogd = request.user.is_authenticated
    if ingelogd:
        user = request.user
        if not tweestap.staat_aan(user) or user.is_verified():
            return redirect(_veilige_volgende(request, request.GET.get("next")))
        volgende = request.GET.get("next") or request.POST.get("next")
    else:
        user = _wachtende_gebruiker(request)
        if user is None:
            messages.info(request, "Log opnieuw in: de inlogpoging is verlopen.")
            return redirect("web:inloggen")
        volgende = request.session[SESSIESLEUTEL].get("volgende")
    form, status, gelukt, device = _verwerk_code(request, user, lambda code: controle(user, code), formulier)
    if gelukt:
        if not ingelogd:
            request.session.pop(SESSIESLEUTEL, None)
            auth_login(request, user)
        otp_login(request, device)
        if formulier is HerstelcodeFormulier:
            _meld_herstelcodes_over(request, user)
        return redirect(_veilige_volgende(request, volgende))
    return render(request, template, {"form": form, "volgende": volgende}, status=status)


@login_required
def account(request):
    user = request.user
    over = tweestap.herstelcodes_over(user)
    return render(request, "account/account.html", {
        "totp_aan": tweestap.staat_aan(user),
        "herstelcodes_over": over,
        "weinig_herstelcodes": over <= tweestap.WEINIG_HERSTELCODES,
        "geverifieerd": user.is_verified(),
        "verplicht": user.is_staff and settings.SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER,
    })


@login_required
def totp_instellen(request):
    user = request.user
    if tweestap.staat_aan(user):
        messages.info(request, "Tweestapsverificatie staat al aan.")
        return redirect("accounts:account")
    device = tweestap.nieuw_apparaat(user)
    form, status, gelukt, uitkomst = _verwerk_code(request, user, lambda code: tweestap.zet_aan(user, device, code))
    if gelukt:
        aan, codes = uitkomst
        otp_login(request, aan)
        return _toon_herstelcodes(request, codes, "Tweestapsverificatie staat aan",
                                  "Bij het inloggen vragen we voortaan na uw wachtwoord ook een code uit uw app.")
    return render(request, "account/totp_instellen.html", {
        "form": form, "qr": tweestap.qr_svg(device), "geheim": tweestap.geheim(device),
    }, status=status)


@login_required
def totp_uitzetten(request):
    user = request.user
    if not tweestap.staat_aan(user):
        return redirect("accounts:account")
    if settings.SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER and user.is_staff:
        messages.error(request, "Voor beheerders is tweestapsverificatie verplicht; u kunt haar niet uitzetten.")
        return redirect("accounts:account")
    form, status, gelukt, _ = _verwerk_code(request, user, lambda code: tweestap.zet_uit(user, code),
                                            AppOfHerstelcodeFormulier)
    if gelukt:
        messages.success(request, "Tweestapsverificatie staat uit.")
        return redirect("accounts:account")
    return render(request, "account/totp_uitzetten.html", {"form": form}, status=status)


@login_required
def herstelcodes_vernieuwen(request):
    """A new set of recovery codes, confirmed with a code; the old set stops working."""
    user = request.user
    if not tweestap.staat_aan(user):
        return redirect("accounts:account")
    form, status, gelukt, codes = _verwerk_code(request, user, lambda code: tweestap.vernieuw_herstelcodes(user, code),
                                                AppOfHerstelcodeFormulier)
    if gelukt:
        return _toon_herstelcodes(request, codes, "Nieuwe herstelcodes")
    return render(request, "account/herstelcodes_vernieuwen.html", {
        "form": form, "herstelcodes_over": tweestap.herstelcodes_over(user),
    }, status=status)


@login_required
def api_tokens(request):
    """The user's own API tokens: make, renew (a new key, the old one stops) and revoke. A new key
    is shown once, in the response to the POST that made it, never cached."""
    user = request.user
    form = ApiTokenFormulier(request.POST if request.method == "POST" else None)
    nieuw = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        token = None
        if data["actie"] != "maken":
            token = apitokens.actief(user.api_tokens.all()).filter(pk=data["token"]).first()
            if token is None:
                form.add_error(None, "Dit token bestaat niet, of werkt al niet meer.")
        if not form.errors:
            if data["actie"] == "intrekken":
                apitokens.trek_in(token, actor=user)
                messages.success(request, f"Het token {token.voorvoegsel}… werkt niet meer.")
                return redirect("accounts:api-tokens")
            if data["actie"] == "vernieuwen":
                nieuw = apitokens.roteer(user, token=token, actor=user)
            else:
                nieuw = apitokens.maak(user, naam=data["naam"], actor=user)
            form = ApiTokenFormulier()
    response = render(request, "account/api_tokens.html", {
        "form": form, "tokens": user.api_tokens.all(), "nu": clock.now(), "nieuw": nieuw,
        "dagen": settings.SCHAKEL_API_TOKEN_DAGEN,
    })
    add_never_cache_headers(response)
    return response
