"""Recovery codes: made when TOTP is turned on and on demand, shown once, stored hashed, each usable
once at the login's second step (same rate limit as app codes), audited, removed when TOTP goes off."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import given
from hypothesis import strategies as st

from schakel.accounts import tweestap
from schakel.accounts.models import Herstelcode
from schakel.audit.models import Gebeurtenis

from .test_tweestap import WACHTWOORD, code, fout_code, ontdooi

CODEPATROON = re.compile(r"<li><code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code></li>")


def ontdooi_herstel(user) -> None:
    StaticDevice.objects.filter(user=user).update(throttling_failure_timestamp=None, throttling_failure_count=0)


@pytest.fixture
def aan(wereld):
    """The SZW handler with TOTP turned on through the service: ``(device, codes)``."""
    user = wereld.behandelaar_szw
    device = tweestap.nieuw_apparaat(user)
    return tweestap.zet_aan(user, device, code(device))


def _inloggen(client: Client, user, volgende: str = "") -> None:
    url = reverse("web:inloggen") + (f"?next={volgende}" if volgende else "")
    antwoord = client.post(url, {"username": user.username, "password": WACHTWOORD})
    assert antwoord["Location"] == reverse("accounts:tweestap")


def test_turning_on_makes_ten_codes_stored_only_as_hashes(wereld, aan):
    user = wereld.behandelaar_szw
    _, codes = aan
    assert len(codes) == len(set(codes)) == tweestap.AANTAL_HERSTELCODES
    assert all(tweestap.normaliseer_herstelcode(c) for c in codes)
    assert not StaticToken.objects.exists(), "django-otp's static tokens are plain text: none may be stored"
    opgeslagen = set(Herstelcode.objects.filter(apparaat__user=user).values_list("code_hash", flat=True))
    assert len(opgeslagen) == tweestap.AANTAL_HERSTELCODES
    for c in codes:
        schoon = tweestap.normaliseer_herstelcode(c)
        assert tweestap.herstelcode_hash(schoon) in opgeslagen
        assert not any(schoon in h.upper() for h in opgeslagen)
    assert Gebeurtenis.objects.get(actie="tweestap_aangezet").na["herstelcodes_over"] == 10


def test_enrolment_page_shows_the_codes_once(wereld):
    user = wereld.behandelaar_szw
    client = Client()
    client.force_login(user)
    client.get(reverse("accounts:totp-instellen"))
    device = TOTPDevice.objects.get(user=user)
    antwoord = client.post(reverse("accounts:totp-instellen"), {"code": code(device)})
    getoond = CODEPATROON.findall(antwoord.content.decode())
    assert len(getoond) == 10
    assert "no-store" in antwoord["Cache-Control"]
    account = client.get(reverse("accounts:account")).content.decode()
    assert not any(c in account for c in getoond)
    assert "nog 10 herstelcodes over" in account
    # Each shown code is a working one.
    assert tweestap.controleer_herstelcode(user, getoond[3])


def test_login_with_a_recovery_code_works_once(wereld, aan):
    user = wereld.behandelaar_szw
    _, codes = aan
    client = Client()
    _inloggen(client, user, volgende="/inbox")
    pagina = client.get(reverse("accounts:tweestap")).content.decode()
    assert reverse("accounts:tweestap-herstelcode") in pagina
    formulier = client.get(reverse("accounts:tweestap-herstelcode")).content.decode()
    assert "Herstelcode" in formulier

    goed = client.post(reverse("accounts:tweestap-herstelcode"), {"code": codes[0].lower().replace("-", " ")})
    assert goed.status_code == 302 and goed["Location"] == "/inbox"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "nog 9 herstelcodes over" in client.get("/inbox").content.decode()
    gebeurtenis = Gebeurtenis.objects.get(actie="herstelcode_gebruikt")
    assert gebeurtenis.object_id == str(user.pk) and gebeurtenis.actor == user
    assert gebeurtenis.na == {"herstelcodes_over": 9}
    assert codes[0] not in str(gebeurtenis.na)

    ander = Client()
    _inloggen(ander, user)
    opnieuw = ander.post(reverse("accounts:tweestap-herstelcode"), {"code": codes[0]})
    assert opnieuw.status_code == 200 and "al gebruikt" in opnieuw.content.decode()
    assert "_auth_user_id" not in ander.session
    assert tweestap.herstelcodes_over(user) == 9
    assert Gebeurtenis.objects.filter(actie="herstelcode_gebruikt").count() == 1


def test_recovery_code_verifies_a_session_for_the_admin(wereld, aan):
    user = wereld.behandelaar_szw
    user.is_staff = user.is_superuser = True
    user.save()
    _, codes = aan
    client = Client()
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 302
    antwoord = client.post(reverse("accounts:tweestap-herstelcode"), {"code": codes[1], "next": reverse("admin:index")})
    assert antwoord["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_recovery_codes_share_the_rate_limit_of_app_codes(wereld, aan, settings):
    settings.SCHAKEL_RATELIMIT_TOTP = "3/5m"
    user = wereld.behandelaar_szw
    device, codes = aan
    client = Client()
    _inloggen(client, user)
    assert client.post(reverse("accounts:tweestap"), {"code": fout_code(device)}).status_code == 200
    ontdooi(device)
    for _ in range(2):
        assert client.post(reverse("accounts:tweestap-herstelcode"), {"code": "AAAA-BBBB-CCCC"}).status_code == 200
        ontdooi_herstel(user)
    geblokkeerd = client.post(reverse("accounts:tweestap-herstelcode"), {"code": codes[0]})
    assert geblokkeerd.status_code == 429 and "_auth_user_id" not in client.session
    assert tweestap.herstelcodes_over(user) == 10, "beyond the limit no code is checked (nor used up)"


def test_django_otp_backs_off_after_a_wrong_recovery_code(wereld, aan):
    user = wereld.behandelaar_szw
    _, codes = aan
    with pytest.raises(Exception, match="klopt niet"):
        tweestap.controleer_herstelcode(user, "AAAA-BBBB-CCCC")
    with pytest.raises(Exception, match="Te veel"):
        tweestap.controleer_herstelcode(user, codes[0])
    assert tweestap.herstelcodes_over(user) == 10


def test_recovery_codes_need_totp_on(wereld, aan):
    user = wereld.behandelaar_szw
    _, codes = aan
    TOTPDevice.objects.filter(user=user).delete()  # what an administrator does for a locked-out user
    with pytest.raises(Exception, match="staat niet aan"):
        tweestap.controleer_herstelcode(user, codes[0])


def test_new_codes_on_demand_invalidate_the_old_set(wereld, aan):
    user = wereld.behandelaar_szw
    device, oud = aan
    client = Client()
    client.force_login(user)
    assert "Nieuwe herstelcodes maken" in client.get(reverse("accounts:herstelcodes")).content.decode()
    fout = client.post(reverse("accounts:herstelcodes"), {"code": fout_code(device)})
    assert fout.status_code == 200 and "klopt niet" in fout.content.decode()
    ontdooi(device)
    goed = client.post(reverse("accounts:herstelcodes"), {"code": code(device, 1)})  # the fixture used step 0
    nieuw = CODEPATROON.findall(goed.content.decode())
    assert goed.status_code == 200 and len(nieuw) == 10 and not set(nieuw) & set(oud)
    assert "no-store" in goed["Cache-Control"]
    with pytest.raises(Exception, match="klopt niet"):
        tweestap.controleer_herstelcode(user, oud[0])
    ontdooi_herstel(user)
    assert tweestap.controleer_herstelcode(user, nieuw[0])
    gebeurtenis = Gebeurtenis.objects.get(actie="herstelcodes_vernieuwd")
    assert gebeurtenis.voor == {"herstelcodes_over": 10} and gebeurtenis.na == {"herstelcodes_over": 10}


def test_new_codes_keep_a_session_verified_by_a_recovery_code(wereld, aan):
    user = wereld.behandelaar_szw
    _, codes = aan
    client = Client()
    _inloggen(client, user)
    client.post(reverse("accounts:tweestap-herstelcode"), {"code": codes[0]})
    assert client.post(reverse("accounts:herstelcodes"), {"code": codes[1]}).status_code == 200
    assert tweestap.herstelcodes_over(user) == 10
    assert "Staat aan" in client.get(reverse("accounts:account")).content.decode()
    assert client.get(reverse("accounts:tweestap"))["Location"] == "/", "the session is still verified"


def test_account_page_warns_when_few_are_left(wereld, aan):
    user = wereld.behandelaar_szw
    _, codes = aan
    client = Client()
    client.force_login(user)
    for c in codes[:6]:
        tweestap.controleer_herstelcode(user, c)
    pagina = client.get(reverse("accounts:account")).content.decode()
    assert "nog 4 herstelcodes over" in pagina and "melding--warning" not in pagina
    tweestap.controleer_herstelcode(user, codes[6])
    pagina = client.get(reverse("accounts:account")).content.decode()
    assert "nog maar 3 herstelcodes over" in pagina and "melding--warning" in pagina
    for c in codes[7:]:
        tweestap.controleer_herstelcode(user, c)
    assert "geen herstelcodes meer" in client.get(reverse("accounts:account")).content.decode()
    with pytest.raises(Exception, match="geen herstelcodes meer"):
        tweestap.controleer_herstelcode(user, codes[0])


def test_turning_off_removes_the_codes_and_a_recovery_code_may_confirm_it(wereld, aan):
    user = wereld.behandelaar_szw
    _, codes = aan
    client = Client()
    client.force_login(user)
    antwoord = client.post(reverse("accounts:totp-uitzetten"), {"code": codes[2]})  # phone lost
    assert antwoord.status_code == 302 and not tweestap.staat_aan(user)
    assert not StaticDevice.objects.filter(user=user).exists() and not Herstelcode.objects.exists()
    gebeurtenis = Gebeurtenis.objects.get(actie="tweestap_uitgezet")
    assert gebeurtenis.voor["herstelcodes_over"] == 9 and gebeurtenis.na["herstelcodes_over"] == 0


def test_turning_on_again_replaces_the_old_codes(wereld, aan):
    user = wereld.behandelaar_szw
    device, oud = aan
    tweestap.zet_uit(user, code(device, 1))
    opnieuw = tweestap.nieuw_apparaat(user)
    _, nieuw = tweestap.zet_aan(user, opnieuw, code(opnieuw))
    assert tweestap.herstelcodes_over(user) == 10
    with pytest.raises(Exception, match="klopt niet"):
        tweestap.controleer_herstelcode(user, oud[0])


def test_codes_survive_rotating_the_secret_key(wereld, aan, settings):
    user = wereld.behandelaar_szw
    _, codes = aan
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "een-nieuwe-sleutel-" + "x" * 40
    assert tweestap.controleer_herstelcode(user, codes[0])


@given(st.text(max_size=20))
def test_normalising_never_accepts_something_that_is_not_a_code(tekst):
    schoon = tweestap.normaliseer_herstelcode(tekst)
    if schoon is not None:
        assert len(schoon) == tweestap.HERSTEL_TEKENS and set(schoon) <= set(tweestap.HERSTEL_ALFABET)


@given(st.sampled_from(["upper", "lower", "spaces", "o-for-0"]))
def test_typing_variants_of_a_code_normalise_to_it(variant):
    c = tweestap.nieuwe_herstelcode()
    getypt = {"upper": c, "lower": c.lower(), "spaces": c.replace("-", " "),
              "o-for-0": c.replace("0", "O")}[variant]
    assert tweestap.normaliseer_herstelcode(getypt) == c.replace("-", "")


def test_admin_shows_how_many_are_left_but_no_tokens(wereld, aan, admin_client):
    device = StaticDevice.objects.get(user=wereld.behandelaar_szw)
    lijst = admin_client.get(reverse("admin:otp_static_staticdevice_changelist"))
    assert lijst.status_code == 200 and "behandelaar-szw" in lijst.content.decode()
    detail = admin_client.get(reverse("admin:otp_static_staticdevice_change", args=[device.pk]))
    html = detail.content.decode()
    assert detail.status_code == 200 and "herstelcodes over" in html.lower() and "token_set" not in html
    assert admin_client.get(reverse("admin:otp_static_staticdevice_add")).status_code == 403


def test_an_administrator_resets_two_step_for_a_user_who_lost_everything(wereld, aan):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    user = wereld.behandelaar_szw
    with pytest.raises(CommandError, match="--reden"):
        call_command("tweestap_herstellen", user.username, reden="kwijt")
    assert tweestap.staat_aan(user)
    call_command("tweestap_herstellen", user.username,
                 reden="Telefoon en herstelcodes kwijt; identiteit aan de balie vastgesteld met legitimatie.")
    assert not tweestap.staat_aan(user) and tweestap.herstelcodes_over(user) == 0
    assert not Herstelcode.objects.exists()
    gebeurtenis = Gebeurtenis.objects.get(actie="tweestap_hersteld_door_beheer")
    assert gebeurtenis.actor is None and gebeurtenis.actor_omschrijving.startswith("beheer: ")
    assert gebeurtenis.voor == {"tweestapsverificatie": True, "herstelcodes_over": 10}
    assert "legitimatie" in gebeurtenis.toelichting
    with pytest.raises(CommandError, match="niets te herstellen"):
        call_command("tweestap_herstellen", user.username, reden="Nog een keer, voor de zekerheid.")
    with pytest.raises(CommandError, match="Onbekende gebruiker"):
        call_command("tweestap_herstellen", "bestaat-niet", reden="Telefoon kwijt, identiteit vastgesteld.")
