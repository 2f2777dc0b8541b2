"""Security on the web side: CSRF, CSP, login rate limit, POST-only logout, Dutch error pages."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from schakel.signalen.models import Reactie, Signaal
from schakel.web import views
from tests.conftest import GOEDE_UITLEG

from .html import csp_schendingen

pytestmark = pytest.mark.django_db


def test_csp_header_is_strict_on_pages(client, signaal):
    for url in [reverse("web:start"), reverse("web:signalen"), reverse("web:signaal", args=[signaal.uuid]),
                "/bestaat-niet"]:
        csp = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "style-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp


def test_csrf_is_enforced_on_every_form(wereld, signaal):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.behandelaar_szw)
    posts = [
        (reverse("web:reageren", args=[signaal.uuid]),
         {"besluit": "niet_overnemen", "toelichting": GOEDE_UITLEG, "niveau": "ambtelijk",
          "toezeggingen-TOTAL_FORMS": "0", "toezeggingen-INITIAL_FORMS": "0"}),
        (reverse("web:doorsturen", args=[signaal.uuid]), {"naar": wereld.ienw.pk, "reden": "Hoort bij IenW."}),
        (reverse("web:signaal-nieuw"), {"titel": "x"}),
        (reverse("web:uitloggen"), {}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "Het formulier is verlopen" in response.content.decode()
    assert not Reactie.objects.exists()
    signaal.refresh_from_db()
    assert signaal.eigenaar == wereld.szw
    # Still logged in: the logout POST without token was refused too.
    assert client.get(reverse("web:reageren", args=[signaal.uuid])).status_code == 200


def test_csrf_token_lets_the_form_through(wereld, signaal):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.behandelaar_szw)
    url = reverse("web:reageren", args=[signaal.uuid])
    client.get(url)
    token = client.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token, "besluit": "niet_overnemen",
                                 "toelichting": GOEDE_UITLEG, "niveau": "ambtelijk",
                                 "toezeggingen-TOTAL_FORMS": "0", "toezeggingen-INITIAL_FORMS": "0"})
    assert response.status_code == 302
    assert Reactie.objects.count() == 1


def test_login_with_csrf_and_wrong_password_in_dutch(wereld):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("web:inloggen"), {"username": "melder-uwv", "password": "x"}).status_code == 403
    client.get(reverse("web:inloggen"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("web:inloggen"), {"csrfmiddlewaretoken": token, "username": "melder-uwv",
                                                     "password": "fout-wachtwoord"})
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet." in response.content.decode()
    response = client.post(reverse("web:inloggen"), {"csrfmiddlewaretoken": token, "username": "melder-uwv",
                                                     "password": "geheim-wachtwoord-123"})
    assert response.status_code == 302 and response["Location"] == reverse("web:start")


def test_login_redirects_only_to_safe_next(client, wereld):
    response = client.post(reverse("web:inloggen") + "?next=https://evil.example/",
                           {"username": "melder-uwv", "password": "geheim-wachtwoord-123",
                            "next": "https://evil.example/"})
    assert response["Location"] == reverse("web:start")
    client.logout()
    response = client.post(reverse("web:inloggen"), {"username": "melder-uwv", "password": "geheim-wachtwoord-123",
                                                      "next": "/signalen/nieuw"})
    assert response["Location"] == "/signalen/nieuw"


@override_settings(SCHAKEL_RATELIMIT_LOGIN="3/m")
def test_login_is_rate_limited_per_address(client, wereld):
    url = reverse("web:inloggen")
    for _ in range(3):
        assert client.post(url, {"username": "melder-uwv", "password": "fout"}).status_code == 200
    response = client.post(url, {"username": "melder-uwv", "password": "geheim-wachtwoord-123"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Te veel pogingen" in html and csp_schendingen(html) == []
    # The correct password did not log anyone in, and another address is not affected.
    assert "_auth_user_id" not in client.session
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post(url, {"username": "melder-uwv", "password": "geheim-wachtwoord-123"}).status_code == 302
    # Reading the login page is not limited.
    assert client.get(url).status_code == 200


def test_logout_is_post_only(client_voor, wereld):
    client = client_voor(wereld.melder_uwv)
    response = client.get(reverse("web:uitloggen"))
    assert response.status_code == 200
    assert "Wilt u uitloggen?" in response.content.decode()
    assert "_auth_user_id" in client.session
    response = client.post(reverse("web:uitloggen"), follow=True)
    assert "U bent uitgelogd." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_error_pages_are_dutch_and_csp_clean(rf: RequestFactory, wereld):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    request = rf.get("/iets")
    request.user = AnonymousUser()
    for response, titel in [
        (views.bad_request(request, None), "Ongeldig verzoek"),
        (views.permission_denied(request, PermissionDenied("U mag dit niet.")), "U mag dit niet."),
        (views.page_not_found(request, None), "Pagina niet gevonden"),
        (views.server_error(request), "Er ging iets mis"),
        (views.rate_limited(request, None), "Te veel pogingen"),
    ]:
        html = response.content.decode()
        assert titel in html
        assert csp_schendingen(html) == []
    assert views.server_error(request).status_code == 500
    assert views.rate_limited(request).status_code == 429


def test_oversized_form_is_a_400_not_a_500(client_voor, wereld):
    data = {f"veld{i}": "x" for i in range(600)}
    response = client_voor(wereld.melder_uwv).post(reverse("web:signaal-nieuw"), data)
    assert response.status_code == 400
    assert "Ongeldig verzoek" in response.content.decode()
    assert not Signaal.objects.exists()


def test_no_inline_scripts_or_styles_anywhere_forms_with_errors_included(client_voor, signaal, wereld):
    client = client_voor(wereld.behandelaar_szw)
    for response in [
        client.post(reverse("web:reageren", args=[signaal.uuid]), {"toezeggingen-TOTAL_FORMS": "3",
                                                                    "toezeggingen-INITIAL_FORMS": "0"}),
        client.post(reverse("web:signaal-nieuw"), {}),
        client.get(reverse("web:signalen"), {"van": "gisteren", "regeling": "xyz"}),
    ]:
        assert response.status_code == 200
        assert csp_schendingen(response.content.decode()) == []
