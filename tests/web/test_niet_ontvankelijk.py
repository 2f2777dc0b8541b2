"""The owner's button and form to declare a signal niet ontvankelijk; the public page shows the
reason and links a duplicate to the other signal and its answer (issue 22)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.signalen import services
from schakel.signalen.models import NietOntvankelijk
from tests.conftest import GOEDE_UITLEG

from ..signalen.test_niet_ontvankelijk import REDEN
from .html import csp_schendingen, zichtbare_tekst

pytestmark = pytest.mark.django_db


def als(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def tweede(signaal, wereld):
    return services.dien_in(indiener=wereld.melder_uwv, titel="Voorschot WIA in één keer terugbetalen",
                            praktijk=signaal.praktijk, getroffen_burgers=signaal.getroffen_burgers,
                            regeling=wereld.wia)


def test_owner_closes_a_duplicate_and_the_public_page_links_the_answer(signaal, tweede, wereld):
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    eigenaar = als(wereld.behandelaar_szw)
    pagina = reverse("web:signaal", args=[tweede.uuid])
    formulier = reverse("web:niet-ontvankelijk", args=[tweede.uuid])
    assert formulier in eigenaar.get(pagina).content.decode()
    html = eigenaar.get(formulier).content.decode()
    assert csp_schendingen(html) == []
    fout = eigenaar.post(formulier, {"grond": "dubbel", "dubbel_van": tweede.kenmerk, "reden": REDEN})
    assert fout.status_code == 200 and "zichzelf" in zichtbare_tekst(fout.content.decode())
    response = eigenaar.post(formulier, {"grond": "dubbel", "dubbel_van": signaal.kenmerk, "reden": REDEN})
    assert response.status_code == 302 and response["Location"] == pagina
    openbaar = als().get(pagina).content.decode()
    tekst = zichtbare_tekst(openbaar)
    assert "Niet ontvankelijk" in tekst and REDEN[:60] in tekst
    assert reverse("web:signaal", args=[signaal.uuid]) in openbaar
    assert "niet overgenomen" in tekst.lower()  # the other signal's answer
    assert formulier not in eigenaar.get(pagina).content.decode()  # no second time
    assert "er loopt geen termijn meer" in tekst
    lijst = zichtbare_tekst(als().get(reverse("web:signalen"), {"status": "niet_ontvankelijk"}).content.decode())
    assert tweede.titel in lijst and signaal.titel not in lijst


@pytest.mark.parametrize("wie", [None, "behandelaar_ienw", "melder_uwv", "griffie_szw", "bestuur_uwv"])
def test_nobody_else_gets_the_button_or_the_form(signaal, wereld, wie):
    client = als(getattr(wereld, wie) if wie else None)
    formulier = reverse("web:niet-ontvankelijk", args=[signaal.uuid])
    assert formulier not in client.get(reverse("web:signaal", args=[signaal.uuid])).content.decode()
    for response in (client.get(formulier), client.post(formulier, {"grond": "spam", "reden": REDEN})):
        assert response.status_code in (302, 403)  # anonymous: to the login page
    assert not NietOntvankelijk.objects.exists()
