"""Two-step login with TOTP: enrolment, login, admin, the mandatory flag, rate limits, audit events."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts import tweestap
from schakel.audit.models import Gebeurtenis
from schakel.core import clock

WACHTWOORD = "geheim-wachtwoord-123"


def code(device: TOTPDevice, stap: int = 0) -> str:
    """The code an app shows now (``stap`` 30-second steps later: django-otp accepts one step of drift)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + stap * device.step
    return f"{totp.token():0{device.digits}d}"


def fout_code(device: TOTPDevice) -> str:
    goed = {code(device, s) for s in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(123456, 999999) if f"{n:06d}" not in goed)


def ontdooi(device: TOTPDevice) -> None:
    """Undo django-otp's back-off after a wrong code (it waits on the real clock)."""
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None, throttling_failure_count=0)


@pytest.fixture
def met_totp(wereld):
    """The SZW handler with TOTP on (confirmed device)."""
    user = wereld.behandelaar_szw
    return TOTPDevice.objects.create(user=user, name=tweestap.APPARAATNAAM, confirmed=True)


def _inloggen(client: Client, user, volgende: str = "") -> object:
    url = reverse("web:inloggen") + (f"?next={volgende}" if volgende else "")
    return client.post(url, {"username": user.username, "password": WACHTWOORD})


def test_enrol_on_account_page(wereld):
    user = wereld.behandelaar_szw
    client = Client()
    client.force_login(user)
    pagina = client.get(reverse("accounts:account")).content.decode()
    assert "Staat uit" in pagina and reverse("accounts:totp-instellen") in pagina

    instellen = client.get(reverse("accounts:totp-instellen"))
    html = instellen.content.decode()
    assert "<svg" in html and "<?xml" not in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    sleutel = re.search(r'id="totp-sleutel">([A-Z2-7 ]+)<', html).group(1)
    assert sleutel == tweestap.geheim(device)
    assert client.get(reverse("accounts:totp-instellen")) and TOTPDevice.objects.filter(user=user).count() == 1

    fout = client.post(reverse("accounts:totp-instellen"), {"code": fout_code(device)})
    assert fout.status_code == 200 and "klopt niet" in fout.content.decode()
    assert not tweestap.staat_aan(user)
    ontdooi(device)

    goed = client.post(reverse("accounts:totp-instellen"), {"code": code(device)})
    assert goed.status_code == 200 and "Tweestapsverificatie staat aan" in goed.content.decode()
    assert "no-store" in goed["Cache-Control"]  # the recovery codes on this page are shown once
    assert tweestap.staat_aan(user) and tweestap.herstelcodes_over(user) == tweestap.AANTAL_HERSTELCODES
    gebeurtenis = Gebeurtenis.objects.get(actie="tweestap_aangezet")
    assert gebeurtenis.object_id == str(user.pk) and gebeurtenis.actor == user
    assert "Staat aan" in client.get(reverse("accounts:account")).content.decode()


def test_login_asks_for_the_code(wereld, met_totp):
    user = wereld.behandelaar_szw
    client = Client()
    eerste = _inloggen(client, user, volgende="/inbox")
    assert eerste.status_code == 302 and eerste["Location"] == reverse("accounts:tweestap")
    # Password alone is not a login.
    assert client.get(reverse("accounts:account"))["Location"].startswith(reverse("web:inloggen"))
    assert "_auth_user_id" not in client.session

    fout = client.post(reverse("accounts:tweestap"), {"code": fout_code(met_totp)})
    assert fout.status_code == 200 and "_auth_user_id" not in client.session
    ontdooi(met_totp)

    goed = client.post(reverse("accounts:tweestap"), {"code": code(met_totp)})
    assert goed.status_code == 302 and goed["Location"] == "/inbox"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_code_counts_once(wereld, met_totp):
    c = code(met_totp)
    assert tweestap.controleer(wereld.behandelaar_szw, c)
    ontdooi(met_totp)
    with pytest.raises(Exception, match="klopt niet"):
        tweestap.controleer(wereld.behandelaar_szw, c)


def test_without_totp_password_is_enough(wereld):
    client = Client()
    antwoord = _inloggen(client, wereld.behandelaar_szw)
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("web:start")
    assert client.session["_auth_user_id"] == str(wereld.behandelaar_szw.pk)


def test_pending_login_expires(wereld, met_totp):
    client = Client()
    _inloggen(client, wereld.behandelaar_szw)
    with clock.travel(clock.now() + dt.timedelta(minutes=6)):
        antwoord = client.post(reverse("accounts:tweestap"), {"code": code(met_totp)})
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("web:inloggen")
    assert "_auth_user_id" not in client.session


def test_code_attempts_are_rate_limited(wereld, met_totp, settings):
    settings.SCHAKEL_RATELIMIT_TOTP = "3/5m"
    client = Client()
    _inloggen(client, wereld.behandelaar_szw)
    for _ in range(3):
        assert client.post(reverse("accounts:tweestap"), {"code": fout_code(met_totp)}).status_code == 200
        ontdooi(met_totp)
    geblokkeerd = client.post(reverse("accounts:tweestap"), {"code": code(met_totp)})
    assert geblokkeerd.status_code == 429 and "_auth_user_id" not in client.session


def test_django_otp_backs_off_after_a_wrong_code(wereld, met_totp):
    with pytest.raises(Exception, match="klopt niet"):
        tweestap.controleer(wereld.behandelaar_szw, fout_code(met_totp))
    with pytest.raises(Exception, match="Te veel"):
        tweestap.controleer(wereld.behandelaar_szw, code(met_totp))


def test_next_must_stay_on_the_site(wereld, met_totp):
    client = Client()
    _inloggen(client, wereld.behandelaar_szw, volgende="https://elders.example/")
    antwoord = client.post(reverse("accounts:tweestap"), {"code": code(met_totp)})
    assert antwoord["Location"] == reverse("web:start")


def test_turning_off_needs_a_code_and_is_recorded(wereld, met_totp):
    user = wereld.behandelaar_szw
    client = Client()
    client.force_login(user)
    fout = client.post(reverse("accounts:totp-uitzetten"), {"code": fout_code(met_totp)})
    assert fout.status_code == 200 and tweestap.staat_aan(user)
    ontdooi(met_totp)
    goed = client.post(reverse("accounts:totp-uitzetten"), {"code": code(met_totp)})
    assert goed.status_code == 302 and not tweestap.staat_aan(user)
    assert Gebeurtenis.objects.filter(actie="tweestap_uitgezet", object_id=str(user.pk)).count() == 1


@pytest.fixture
def beheerder(wereld):
    user = wereld.behandelaar_szw
    user.is_staff = True
    user.is_superuser = True
    user.save()
    return user


def test_admin_needs_a_verified_session_when_totp_is_on(beheerder, met_totp):
    client = Client()
    client.force_login(beheerder)  # a session without the second step
    index = client.get(reverse("admin:index"))
    assert index.status_code == 302 and index["Location"].startswith(reverse("admin:login"))
    login = client.get(index["Location"])
    assert login["Location"].startswith(reverse("accounts:tweestap"))
    verder = client.post(login["Location"], {"code": code(met_totp), "next": reverse("admin:index")})
    assert verder["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_login_goes_through_the_web_login(beheerder, met_totp):
    client = Client()
    login = client.get(reverse("admin:login") + "?next=/beheer/")
    assert login["Location"] == reverse("web:inloggen") + "?next=%2Fbeheer%2F"
    _inloggen(client, beheerder, volgende="/beheer/")
    antwoord = client.post(reverse("accounts:tweestap"), {"code": code(met_totp)})
    assert antwoord["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_admin_without_totp_when_optional(beheerder):
    client = Client()
    client.force_login(beheerder)
    assert client.get(reverse("admin:index")).status_code == 200


def test_mandatory_for_staff(beheerder, settings):
    settings.SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER = True
    client = Client()
    client.force_login(beheerder)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 302
    assert client.get(index["Location"])["Location"] == reverse("accounts:totp-instellen")
    device = tweestap.nieuw_apparaat(beheerder)
    client.post(reverse("accounts:totp-instellen"), {"code": code(device)})
    assert client.get(reverse("admin:index")).status_code == 200  # enrolling verified this session
    assert client.post(reverse("accounts:totp-uitzetten"), {"code": code(device, 1)}).status_code == 302
    assert tweestap.staat_aan(beheerder), "staff may not turn a mandatory TOTP off"


def test_mandatory_flag_leaves_non_staff_alone(wereld, settings):
    settings.SCHAKEL_TOTP_VERPLICHT_VOOR_BEHEER = True
    client = Client()
    assert _inloggen(client, wereld.melder_uwv)["Location"] == reverse("web:start")
    assert not tweestap.verplicht_voor_beheer(wereld.melder_uwv)
