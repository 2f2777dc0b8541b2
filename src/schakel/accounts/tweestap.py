"""Two-step login with a time-based one-time password (TOTP, RFC 6238) through django-otp.

Optional for everyone; required for the admin (/beheer/) of a staff member who turned it on,
and of every staff member when ``SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER`` is set. No web code here:
the views in ``accounts/views.py`` call these functions and turn ``ValidationError`` into form errors.

Turning TOTP on also yields ten single-use recovery codes (``herstelcodes``) for someone who lost
the phone: django-otp's static device, with the codes stored only as keyed hashes (``Herstelcode``).
"""

from __future__ import annotations

import io
import re
import secrets
from base64 import b32encode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.crypto import salted_hmac
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.audit import trail

from .models import Herstelcode

APPARAATNAAM = "Authenticator-app"
ONGELDIG = "Deze code klopt niet of is verlopen. Vul de zescijferige code in die de app nu toont."
TE_VAAK = "Te veel onjuiste codes achter elkaar. Wacht even en probeer het dan opnieuw."
HERSTEL_APPARAATNAAM = "Herstelcodes"
HERSTEL_ONGELDIG = ("Deze herstelcode klopt niet of is al gebruikt. Elke herstelcode werkt één keer; "
                    "vul een andere in.")
GEEN_HERSTELCODES = "U heeft geen herstelcodes meer. Vraag de beheerder van uw organisatie om hulp."

# Recovery codes: 12 characters of Crockford's base32 (no I, L, O or U) = 60 bits from ``secrets``,
# shown in groups of four (``7KQ2-M9XD-4TRA``). Ten per set; the account page warns from three left.
AANTAL_HERSTELCODES = 10
WEINIG_HERSTELCODES = 3
HERSTEL_ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
HERSTEL_TEKENS = 12
_GROEP = 4
_VERWARRING = str.maketrans({"O": "0", "I": "1", "L": "1"})
_GEEN_CODETEKEN = re.compile(r"[\s\-.]+")


def apparaat(user) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if TOTP is on."""
    if user is None or getattr(user, "pk", None) is None:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def staat_aan(user) -> bool:
    return apparaat(user) is not None


def verplicht_voor_beheer(user) -> bool:
    """Does this user need a verified code to use /beheer/?"""
    if not getattr(user, "is_staff", False):
        return False
    return bool(getattr(settings, "SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER", False)) or staat_aan(user)


def nieuw_apparaat(user) -> TOTPDevice:
    """The unconfirmed device to enrol (the same one on every visit until it is confirmed)."""
    bestaand = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if bestaand is not None:
        return bestaand
    return TOTPDevice.objects.create(user=user, name=APPARAATNAAM, confirmed=False)


def geheim(device: TOTPDevice) -> str:
    """The shared secret in base32, in groups of four, for typing into an app."""
    tekst = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(tekst[i:i + 4] for i in range(0, len(tekst), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The ``otpauth://`` URL of the device as an inline SVG QR code (no JavaScript, no image request)."""
    import qrcode
    import qrcode.image.svg

    beeld = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    uit = io.BytesIO()
    beeld.save(uit)
    svg = uit.getvalue().decode("utf-8")
    return svg[svg.index("<svg"):]  # drop the XML declaration: the SVG goes inside HTML


def _controleer(user, device: TOTPDevice, code: str) -> TOTPDevice:
    code = "".join((code or "").split())
    device.refresh_from_db()
    toegestaan, _ = device.verify_is_allowed()
    if not toegestaan:
        raise ValidationError({"code": TE_VAAK}, code="te_vaak")
    if not (code.isdigit() and len(code) == device.digits):
        device.throttle_increment()
        raise ValidationError({"code": ONGELDIG}, code="ongeldig")
    geverifieerd = verify_token(user, device.persistent_id, code)
    if geverifieerd is None:
        raise ValidationError({"code": ONGELDIG}, code="ongeldig")
    return geverifieerd


def controleer(user, code: str) -> TOTPDevice:
    """The device that accepts ``code`` (each code once: django-otp refuses a reused time step)."""
    device = apparaat(user)
    if device is None:
        raise ValidationError({"code": "Tweestapsverificatie staat niet aan voor dit account."}, code="uit")
    return _controleer(user, device, code)


# --- Recovery codes -----------------------------------------------------------------------------

def nieuwe_herstelcode() -> str:
    tekens = "".join(secrets.choice(HERSTEL_ALFABET) for _ in range(HERSTEL_TEKENS))
    return "-".join(tekens[i:i + _GROEP] for i in range(0, HERSTEL_TEKENS, _GROEP))


def normaliseer_herstelcode(code: str) -> str | None:
    """The code as typed, without spaces or dashes, upper case and with look-alikes fixed;
    ``None`` if it cannot be a recovery code (wrong length or characters)."""
    schoon = _GEEN_CODETEKEN.sub("", (code or "").upper()).translate(_VERWARRING)
    if len(schoon) != HERSTEL_TEKENS or any(teken not in HERSTEL_ALFABET for teken in schoon):
        return None
    return schoon


def herstelcode_hash(schoon: str, sleutel: str | None = None) -> str:
    """Keyed hash (HMAC-SHA256 with the secret key) of a normalised code: all that is stored.

    60 random bits make a slow password hash unnecessary: without the key a leaked table cannot be
    tried offline, and online the rate limits and django-otp's back-off apply."""
    return salted_hmac("schakel.accounts.herstelcode", schoon, secret=sleutel, algorithm="sha256").hexdigest()


def _hashes(schoon: str) -> list[str]:
    """The hash under the current secret key and under each ``SECRET_KEY_FALLBACKS`` key, so that
    rotating the key does not lock anyone out."""
    sleutels = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [herstelcode_hash(schoon, sleutel) for sleutel in sleutels]


def herstelapparaat(user) -> StaticDevice | None:
    if user is None or getattr(user, "pk", None) is None:
        return None
    return StaticDevice.objects.filter(user=user).order_by("id").first()


def herstelcodes_over(user) -> int:
    """How many unused recovery codes the user has left."""
    return Herstelcode.objects.filter(apparaat__user=user).count() if getattr(user, "pk", None) else 0


def _maak_herstelcodes(user) -> list[str]:
    """A new set of codes (the old set stops working). Keeps the device itself, so a session that
    was verified with a recovery code stays verified. Call inside a transaction."""
    device = herstelapparaat(user)
    if device is None:
        device = StaticDevice.objects.create(user=user, name=HERSTEL_APPARAATNAAM, confirmed=True)
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()  # plain-text tokens (e.g. from ``addstatictoken``) are not ours to keep
    device.herstelcodes.all().delete()
    codes = [nieuwe_herstelcode() for _ in range(AANTAL_HERSTELCODES)]
    Herstelcode.objects.bulk_create(
        Herstelcode(apparaat=device, code_hash=herstelcode_hash(normaliseer_herstelcode(c))) for c in codes)
    return codes


def controleer_herstelcode(user, code: str) -> StaticDevice:
    """The recovery-code device when ``code`` is one of the user's unused codes; the code is then
    used up. Records ``herstelcode_gebruikt`` with the number left."""
    if not staat_aan(user):
        raise ValidationError({"code": "Tweestapsverificatie staat niet aan voor dit account."}, code="uit")
    device = herstelapparaat(user)
    if device is None or not device.herstelcodes.exists():
        raise ValidationError({"code": GEEN_HERSTELCODES}, code="geen_herstelcodes")
    toegestaan, _ = device.verify_is_allowed()
    if not toegestaan:
        raise ValidationError({"code": TE_VAAK}, code="te_vaak")
    schoon = normaliseer_herstelcode(code)
    with transaction.atomic():
        # Deleting is the check: of two simultaneous requests with the same code only one deletes a row.
        gebruikt = 0
        if schoon is not None:
            gebruikt, _ = Herstelcode.objects.filter(apparaat=device, code_hash__in=_hashes(schoon)).delete()
        if not gebruikt:
            device.throttle_increment()
        else:
            device.throttle_reset(commit=False)
            device.set_last_used_timestamp(commit=False)
            device.save()
            trail.record("herstelcode_gebruikt", user, actor=user,
                         na={"herstelcodes_over": herstelcodes_over(user)})
    if not gebruikt:
        raise ValidationError({"code": HERSTEL_ONGELDIG}, code="ongeldig")
    return device


def _is_app_code(code: str) -> bool:
    schoon = "".join((code or "").split())
    return schoon.isdigit() and len(schoon) <= 8


def controleer_app_of_herstelcode(user, code: str):
    """For confirming a change to two-step verification itself: a code from the app or, for someone
    who lost the phone, one of their recovery codes (which is then used up)."""
    if _is_app_code(code):
        return controleer(user, code)
    return controleer_herstelcode(user, code)


def vernieuw_herstelcodes(user, code: str) -> list[str]:
    """A new set of recovery codes on demand, confirmed with a code; the old set stops working.
    Records ``herstelcodes_vernieuwd``. Returns the codes in plain text: show them once, store nothing."""
    controleer_app_of_herstelcode(user, code)
    with transaction.atomic():
        voor = herstelcodes_over(user)
        codes = _maak_herstelcodes(user)
        trail.record("herstelcodes_vernieuwd", user, actor=user, voor={"herstelcodes_over": voor},
                     na={"herstelcodes_over": len(codes)})
    return codes


# --- Turning two-step verification on and off ------------------------------------------------------

def zet_aan(user, device: TOTPDevice, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm enrolment with a first code from the app; records ``tweestap_aangezet``. Returns the
    device and a fresh set of recovery codes in plain text (show them once, store nothing)."""
    if device.user_id != user.pk or device.confirmed:
        raise ValidationError({"code": "Begin opnieuw met instellen."}, code="verlopen")
    geverifieerd = _controleer(user, device, code)
    with transaction.atomic():
        geverifieerd.confirmed = True
        geverifieerd.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=geverifieerd.pk).delete()
        codes = _maak_herstelcodes(user)
        trail.record("tweestap_aangezet", user, actor=user,
                     na={"tweestapsverificatie": True, "herstelcodes_over": len(codes)})
    return geverifieerd, codes


def herstel_door_beheer(user, *, reden: str, door: str) -> int:
    """An administrator's reset for a user who lost their phone (and their recovery codes): remove
    the TOTP device and the recovery codes without a code. Needs a reason; recorded as
    ``tweestap_hersteld_door_beheer`` with who did it. Returns how many devices were removed."""
    reden = (reden or "").strip()
    if len(reden) < 10:
        raise ValidationError({"reden": "Geef een reden van ten minste 10 tekens, bijvoorbeeld hoe de identiteit "
                                        "van de gebruiker is vastgesteld."})
    with transaction.atomic():
        voor = herstelcodes_over(user)
        weg = TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]
        trail.record("tweestap_hersteld_door_beheer", user, actor_omschrijving=f"beheer: {door}"[:200],
                     voor={"tweestapsverificatie": weg > 0, "herstelcodes_over": voor},
                     na={"tweestapsverificatie": False, "herstelcodes_over": 0}, toelichting=reden)
    return weg


def zet_uit(user, code: str) -> None:
    """Turn TOTP off; needs a current code from the app or a recovery code (a stolen session alone
    cannot). Removes the recovery codes too. Records ``tweestap_uitgezet``."""
    controleer_app_of_herstelcode(user, code)
    with transaction.atomic():
        voor = herstelcodes_over(user)
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()  # and with it every recovery code
        trail.record("tweestap_uitgezet", user, actor=user,
                     voor={"tweestapsverificatie": True, "herstelcodes_over": voor},
                     na={"tweestapsverificatie": False, "herstelcodes_over": 0})
