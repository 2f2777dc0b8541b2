"""The brake's pages: pull anonymously, receive the code once, read and reply with it, wrong
codes, brute force throttled; the receiver's thread; the red card; the retoursticker."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from schakel.audit.models import Gebeurtenis
from schakel.noodrem import berichten
from schakel.noodrem.models import Bericht, Retoursticker
from schakel.signalen.models import Signaal
from tests.web.html import csp_schendingen, element_met_id, zichtbare_tekst

from .conftest import UITLEG_NOODREM

pytestmark = pytest.mark.django_db
CODE = re.compile(r"data-ontvangstcode>([0-9A-Z-]{24})<")


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


def _formulier(wereld, beginselen, **kw):
    data = {"praktijk_van": wereld.uwv.pk, "regeling": wereld.wia.pk, "indienende_organisatie": wereld.svb.pk,
            "titel": "Uitkeringen stopgezet zonder hoor en wederhoor",
            "praktijk": "Bij een vermoeden van fraude wordt de uitkering direct stopgezet zonder de burger te horen.",
            "moet_stoppen": "Stopzetten zonder horen.", "getroffen_burgers": "WIA-gerechtigden",
            "beginselen": [b.pk for b in beginselen], "openbaar": "on"}
    data.update(kw)
    return data


def _trek(client, wereld, beginselen, **kw):
    response = client.post(reverse("noodrem:professional"), _formulier(wereld, beginselen, **kw), follow=True)
    assert response.status_code == 200
    return response


def test_pull_anonymously_get_the_code_once_and_follow_up_with_it(wereld, beginselen):
    client = Client()
    response = _trek(client, wereld, beginselen)
    html = response.content.decode()
    assert csp_schendingen(html) == []
    assert "no-store" in response["Cache-Control"]
    code = CODE.search(html)[1]
    signaal = Signaal.objects.get()
    assert "U ziet hem maar één keer" in zichtbare_tekst(html)
    assert signaal.eigenaar == wereld.uwv and signaal.indiener is None
    # Nothing about the visitor is stored, and the code appears nowhere in the database.
    assert all(ev.actor_id is None for ev in Gebeurtenis.objects.filter(signaal=signaal))

    # The board asks a question; a new visitor (no cookies) opens the brake with the code.
    berichten.bericht_van_behandelaar(signaal, actor=wereld.bestuur_uwv, tekst="Welk team bedoelt u?")
    lezer = Client()
    response = lezer.post(reverse("noodrem:ontvangstcode"), {"code": code.lower()})
    assert response.status_code == 302 and response["Location"] == reverse("noodrem:inzage")
    html = lezer.get(reverse("noodrem:inzage")).content.decode()
    assert csp_schendingen(html) == []
    assert "Welk team bedoelt u?" in html and "Er is nog geen reactie" in html

    # The filer replies; the board explains; the filer reads the explanation.
    response = lezer.post(reverse("noodrem:inzage"), {"tekst": "Het team in regio Oost."})
    assert response.status_code == 302
    assert Bericht.objects.filter(signaal=signaal, afzender="melder").get().tekst == "Het team in regio Oost."
    bestuur = Client()
    bestuur.force_login(wereld.bestuur_uwv)
    assert bestuur.post(reverse("web:reageren", args=[signaal.uuid]), {
        "besluit": "niet_overnemen", "toelichting": UITLEG_NOODREM, "niveau": "ambtelijk",
        "toezeggingen-TOTAL_FORMS": "0", "toezeggingen-INITIAL_FORMS": "0"}).status_code == 302
    html = lezer.get(reverse("noodrem:inzage")).content.decode()
    assert "Niet overgenomen, met reden" in html and "hoorplicht" in html

    # Closing forgets the brake in this session.
    lezer.post(reverse("noodrem:inzage-sluiten"))
    assert lezer.get(reverse("noodrem:inzage"))["Location"] == reverse("noodrem:ontvangstcode")


def test_pull_without_naming_an_organisation_and_nothing_leaks(wereld, beginselen):
    client = Client()
    response = _trek(client, wereld, beginselen, indienende_organisatie="")
    assert CODE.search(response.content.decode()), response.content.decode()[:2000]
    signaal = Signaal.objects.get()
    assert signaal.indienende_organisatie is None and signaal.eigenaar == wereld.uwv
    pagina = Client().get(reverse("web:signaal", kwargs={"uuid": signaal.uuid})).content.decode()
    assert "een anonieme melder" in pagina
    for pad in ("/signalen", "/organisaties/uwv", "/organisaties/svb"):
        assert Client().get(pad).status_code == 200, pad
    behandelaar = Client()
    behandelaar.force_login(wereld.bestuur_uwv)
    assert behandelaar.get(reverse("noodrem:berichten", kwargs={"uuid": signaal.uuid})).status_code == 200
    assert behandelaar.get(reverse("web:reageren", kwargs={"uuid": signaal.uuid})).status_code == 200


def test_a_wrong_code_gets_one_message_and_no_hint(wereld, beginselen):
    _trek(Client(), wereld, beginselen)
    client = Client()
    for fout in ("0000-0000-0000-0000-0000", "kort", "!" * 24):
        response = client.post(reverse("noodrem:ontvangstcode"), {"code": fout})
        assert response.status_code == 200
        assert "Deze code kennen we niet" in response.content.decode()
    assert client.get(reverse("noodrem:inzage")).status_code == 302


@override_settings(SCHAKEL_RATELIMIT_ONTVANGSTCODE="3/m")
def test_brute_force_on_codes_is_throttled_per_address(wereld, beginselen):
    code = CODE.search(_trek(Client(), wereld, beginselen).content.decode())[1]
    aanvaller = Client(REMOTE_ADDR="10.0.0.66")
    for _ in range(3):
        assert aanvaller.post(reverse("noodrem:ontvangstcode"), {"code": "0000-0000-0000-0000-0000"}).status_code == 200
    response = aanvaller.post(reverse("noodrem:ontvangstcode"), {"code": code})
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "noodrem_inzage" not in aanvaller.session  # even the right code is refused while throttled
    assert Client(REMOTE_ADDR="10.0.0.7").post(reverse("noodrem:ontvangstcode"), {"code": code}).status_code == 302


@override_settings(SCHAKEL_RATELIMIT_ANONIEM="2/h")
def test_anonymous_pulls_are_throttled_per_address(wereld, beginselen):
    client = Client()
    _trek(client, wereld, beginselen)
    _trek(client, wereld, beginselen)
    assert client.post(reverse("noodrem:professional"), _formulier(wereld, beginselen)).status_code == 429
    assert Signaal.objects.count() == 2


def test_form_errors_in_dutch_on_the_right_field(wereld, beginselen):
    url = reverse("noodrem:professional")
    data = _formulier(wereld, beginselen)
    data["beginselen"] = []
    tekst = zichtbare_tekst(Client().post(url, data).content.decode())
    assert "Kies ten minste één beginsel dat wordt geschonden." in tekst
    html = Client().post(url, _formulier(wereld, beginselen,
                                         moet_stoppen="Stoppen; bel de melder op 06-12345678.")).content.decode()
    assert element_met_id(html, "id_moet_stoppen_error") is not None
    blok = html[html.index('id="id_moet_stoppen_error"'):]
    assert "telefoonnummer" in blok[:blok.index("</div>")]
    assert Signaal.objects.count() == 0


def test_the_receiving_board_reads_the_brake_and_writes_to_the_filer(wereld, anonieme_rem):
    signaal, _ = anonieme_rem
    bestuur = Client()
    bestuur.force_login(wereld.bestuur_uwv)
    detail = bestuur.get(reverse("web:signaal", args=[signaal.uuid])).content.decode()
    assert reverse("noodrem:berichten", args=[signaal.uuid]) in detail
    assert "Evenredigheid" in detail  # the principles are shown with the signal
    url = reverse("noodrem:berichten", args=[signaal.uuid])
    html = bestuur.get(url).content.decode()
    assert csp_schendingen(html) == [] and "Het direct stopzetten zonder dat de burger is gehoord." in html
    assert bestuur.post(url, {"tekst": "Kunt u een voorbeeld geven?"}).status_code == 302
    assert Bericht.objects.get().afzender == "behandelaar"
    # Others may not read the thread.
    anderen = Client()
    anderen.force_login(wereld.behandelaar_szw)
    assert anderen.get(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the login page


def test_red_card_page_shows_the_budget_and_files(wereld, beginselen):
    client = Client()
    client.force_login(wereld.bestuur_uwv)
    html = client.get(reverse("noodrem:organisatie")).content.decode()
    assert csp_schendingen(html) == [] and "nog 2 van de 2" in zichtbare_tekst(html)
    response = client.post(reverse("noodrem:organisatie"), {
        "variant": "rode_kaart", "titel": "Herbeoordelingsinstructie terug", "regeling": wereld.wia.pk,
        "praktijk": "De instructie is niet uitvoerbaar. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", "moet_stoppen": "De afrondingstermijn.",
        "getroffen_burgers": "WIA-gerechtigden", "beginselen": [b.pk for b in beginselen],
        "bewijs_toelichting": "340 vastgelopen herbeoordelingen in 2025."})
    assert response.status_code == 302
    assert Signaal.objects.get().eigenaar == wereld.szw
    melder = Client()
    melder.force_login(wereld.melder_uwv)
    assert melder.get(reverse("noodrem:organisatie")).status_code == 403


def test_retoursticker_flow(wereld):
    response = Client().post(reverse("noodrem:retoursticker"), {
        "organisatie": wereld.uwv.pk, "brief": "Besluit herbeoordeling WIA", "reden": "onbegrijpelijk",
        "contactgegevens": "Mevrouw De Vries, 06-12345678"}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and csp_schendingen(html) == []
    code = CODE.search(html)[1]
    sticker = Retoursticker.objects.get()
    # Public counts show no contact details; the organisation's staff see them.
    openbaar = Client().get(reverse("noodrem:retourstickers", args=["uwv"])).content.decode()
    assert "Besluit herbeoordeling wia" in openbaar and "06-12345678" not in openbaar
    bestuur = Client()
    bestuur.force_login(wereld.bestuur_uwv)
    assert "06-12345678" in bestuur.get(reverse("noodrem:retourstickers", args=["uwv"])).content.decode()
    assert bestuur.post(reverse("noodrem:contact", args=[sticker.uuid]), {"uitkomst": "Gebeld."}).status_code == 302
    burger = Client()
    burger.post(reverse("noodrem:ontvangstcode"), {"code": code})
    assert "Opgenomen op" in burger.get(reverse("noodrem:inzage")).content.decode()


def test_pages_render_for_everyone(wereld):
    for url in (reverse("noodrem:start"), reverse("noodrem:professional"), reverse("noodrem:ontvangstcode"),
                reverse("noodrem:retoursticker")):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert csp_schendingen(response.content.decode()) == [], url
