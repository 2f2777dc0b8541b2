"""Two-step login with a time-based one-time password (TOTP, RFC 6238) through django-otp.

Optional for everyone; required for the admin (/beheer/) of a staff member who turned it on,
and of every staff member when ``SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER`` is set. No web code here:
the views in ``accounts/views.py`` call these functions and turn ``ValidationError`` into form errors.
"""

from __future__ import annotations

import io
from base64 import b32encode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.audit import trail

APPARAATNAAM = "Authenticator-app"
ONGELDIG = "Deze code klopt niet of is verlopen. Vul de zescijferige code in die de app nu toont."
TE_VAAK = "Te veel onjuiste codes achter elkaar. Wacht even en probeer het dan opnieuw."


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


def zet_aan(user, device: TOTPDevice, code: str) -> TOTPDevice:
    """Confirm enrolment with a first code from the app; records ``tweestap_aangezet``."""
    if device.user_id != user.pk or device.confirmed:
        raise ValidationError({"code": "Begin opnieuw met instellen."}, code="verlopen")
    geverifieerd = _controleer(user, device, code)
    with transaction.atomic():
        geverifieerd.confirmed = True
        geverifieerd.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=geverifieerd.pk).delete()
        trail.record("tweestap_aangezet", user, actor=user, na={"tweestapsverificatie": True})
    return geverifieerd


def zet_uit(user, code: str) -> None:
    """Turn TOTP off; needs a current code (a stolen session alone cannot). Records ``tweestap_uitgezet``."""
    controleer(user, code)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        trail.record("tweestap_uitgezet", user, actor=user, voor={"tweestapsverificatie": True},
                     na={"tweestapsverificatie": False})
