"""Repeated POSTs (issue 22): reloading a confirmation page, a double click or the back button
re-sends a form. Every web form that creates something carries a one-time token
(``web.formulieren``); the same form posted twice creates one thing, and the second POST is
sent to what the first made with a plain Dutch message.

Each case fetches the form page as a browser would, takes the token from it, posts the same
data twice and counts the rows.
"""

from __future__ import annotations

import re
from typing import Callable

import pytest
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from schakel.knelpunten.models import Abonnement, Bundeling, Knelpunt
from schakel.maatwerkplaats.models import Beraad, Casus, Fix
from schakel.noodrem.models import Bericht, Ontvangstbewijs, Retoursticker
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Reactie, Signaal, Toezegging
from schakel.toetsen.models import Uitvoeringstoets, Voorstel
from schakel.web.formulieren import AL_VERSTUURD, VELD, VERLOPEN
from tests.knelpunten.conftest import dien_in, gemeente, maak_knelpunt  # noqa: F401 (fixtures)
from tests.maatwerkplaats.conftest import CASUS, breng_in, doorloop_beraad, team  # noqa: F401 (fixtures)
from tests.noodrem.conftest import beginselen  # noqa: F401 (fixture)
from tests.toetsen.conftest import TOETS, amendement  # noqa: F401 (fixture)
from tests.web.html import zichtbare_tekst
from tests.web.test_formulieren import _reactie_post, _signaal_post

from ..conftest import GOEDE_UITLEG

pytestmark = pytest.mark.django_db
TOKEN = re.compile(rf'name="{VELD}" value="([^"]+)"')


def als(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def token_van(client: Client, pagina: str) -> str:
    response = client.get(pagina)
    assert response.status_code == 200, pagina
    gevonden = TOKEN.search(response.content.decode())
    assert gevonden, f"no one-time token on {pagina}"
    return gevonden[1]


def twee_keer(client: Client, pagina: str, data: dict, tel: Callable[[], int], *, naar: str | None = None,
              verwacht: int = 1):
    """Post the form of ``pagina`` (to ``naar``, default the page itself) twice with one token."""
    data = {**data, VELD: token_van(client, pagina)}
    voor = tel()
    eerste = client.post(naar or pagina, data)
    assert eerste.status_code == 302, zichtbare_tekst(eerste.content.decode())[:2000]
    assert tel() == voor + verwacht
    tweede = client.post(naar or pagina, data)
    assert tweede.status_code == 302 and tweede["Location"] == eerste["Location"]
    assert tel() == voor + verwacht, "the repeated POST created something"
    assert AL_VERSTUURD in zichtbare_tekst(client.get(tweede["Location"], follow=True).content.decode())
    return eerste


def aantal(model: type[Model], **filters) -> Callable[[], int]:
    return lambda: model.objects.filter(**filters).count()


# --- Signals, answers, commitments ---------------------------------------------------------------

def test_filing_a_signal_twice_files_one(wereld):
    twee_keer(als(wereld.melder_cbr), reverse("web:signaal-nieuw"), _signaal_post(wereld), aantal(Signaal))


def test_answering_twice_gives_one_answer_with_one_set_of_commitments(wereld, signaal):
    data = _reactie_post("overnemen", "Wij nemen het voorstel over en passen de regeling aan.",
                         rijen=[("Terugbetaling in termijnen mogelijk maken", "Directie Werk", "01-06-2026")])
    twee_keer(als(wereld.behandelaar_szw), reverse("web:reageren", args=[signaal.uuid]), data, aantal(Reactie))
    assert Toezegging.objects.count() == 1


# --- Brakes and retourstickers -------------------------------------------------------------------

def _rem(wereld, beginselen):  # noqa: F811
    return {"praktijk_van": wereld.uwv.pk, "regeling": wereld.wia.pk, "titel": "Uitkeringen stopgezet zonder horen",
            "praktijk": "Bij een vermoeden van fraude wordt de uitkering direct stopgezet zonder de burger te horen, "
                        "ook als er geen bewijs is.",
            "moet_stoppen": "Stopzetten zonder horen.", "getroffen_burgers": "WIA-gerechtigden",
            "beginselen": [b.pk for b in beginselen], "openbaar": "on"}


def test_anonymous_noodrem_reloaded_files_one_and_shows_the_code_once(wereld, beginselen):  # noqa: F811
    """The attack from issue 22: pull anonymously, then reload the confirmation page."""
    client = als()
    eerste = twee_keer(client, reverse("noodrem:professional"), _rem(wereld, beginselen), aantal(Signaal))
    assert Ontvangstbewijs.objects.count() == 1
    # Post-redirect-get: the confirmation is a GET, and shows the code only once.
    client = als()
    data = {**_rem(wereld, beginselen), "titel": "Nog een noodrem over het stopzetten",
            VELD: token_van(client, reverse("noodrem:professional"))}
    response = client.post(reverse("noodrem:professional"), data)
    assert response.status_code == 302 and response["Location"] == reverse("noodrem:ontvangen")
    bevestiging = client.get(response["Location"])
    assert bevestiging["Cache-Control"].count("no-store") and "data-ontvangstcode>" in bevestiging.content.decode()
    herladen = client.get(response["Location"], follow=True).content.decode()
    assert "data-ontvangstcode>" not in herladen and "al getoond" in zichtbare_tekst(herladen)
    assert Signaal.objects.count() == 2 and eerste


def test_noodrem_with_account_twice_files_one(wereld, beginselen):  # noqa: F811
    data = {**_rem(wereld, beginselen), "anoniem": ""}
    twee_keer(als(wereld.melder_uwv), reverse("noodrem:professional"), data, aantal(Signaal))


def test_red_card_twice_files_one(wereld, beginselen):  # noqa: F811
    data = {"variant": "rode_kaart", "titel": "Herbeoordelingsinstructie terug", "regeling": wereld.wia.pk,
            "praktijk": "De instructie voor de herbeoordeling is niet uitvoerbaar binnen de termijn die de "
                        "regeling stelt, en dossiers blijven liggen.",
            "moet_stoppen": "De afrondingstermijn.", "getroffen_burgers": "WIA-gerechtigden",
            "beginselen": [b.pk for b in beginselen], "bewijs_toelichting": "340 vastgelopen herbeoordelingen."}
    twee_keer(als(wereld.bestuur_uwv), reverse("noodrem:organisatie"), data, aantal(Signaal))


def test_retoursticker_twice_sends_one(wereld):
    data = {"organisatie": wereld.uwv.pk, "brief": "Besluit herbeoordeling WIA", "reden": "onbegrijpelijk",
            "contactgegevens": "06-12345678"}
    twee_keer(als(), reverse("noodrem:retoursticker"), data, aantal(Retoursticker))


def test_message_to_the_anonymous_filer_twice_sends_one(wereld, beginselen):  # noqa: F811
    from schakel.noodrem import services

    signaal, _ = services.trek_professional(anoniem=True, **{
        k: v for k, v in _rem(wereld, beginselen).items() if k not in ("openbaar",)} | {
        "praktijk_van": wereld.uwv, "regeling": wereld.wia, "beginselen": list(beginselen)})
    twee_keer(als(wereld.bestuur_uwv), reverse("noodrem:berichten", args=[signaal.uuid]),
              {"tekst": "Kunt u vertellen om welke brief het gaat?"}, aantal(Bericht))


# --- Maatwerkplaats ------------------------------------------------------------------------------

def test_case_twice_brings_in_one(team):  # noqa: F811
    twee_keer(als(team.melder_uwv), reverse("maatwerkplaats:casus-nieuw"), {**CASUS, "regeling": team.wia.pk},
              aantal(Casus))


def test_deliberation_planned_twice_plans_one(team):  # noqa: F811
    casus = breng_in(team.melder_uwv, team.wia)
    data = {"gepland_op": "13-03-2026", f"deelnemer_{team.jurist_uwv.pk}": "juridisch",
            f"deelnemer_{team.frontlijn_uwv.pk}": "frontlijn"}
    twee_keer(als(team.melder_uwv), reverse("maatwerkplaats:beraad-plannen", args=[casus.uuid]), data,
              aantal(Beraad))


def test_fix_twice_grants_one(team):  # noqa: F811
    casus = breng_in(team.melder_uwv, team.wia)
    doorloop_beraad(team, casus)
    data = {"wat": "Terugbetaling in 24 termijnen.", "grondslag": "awb_3_4",
            "onderbouwing": "In één keer is onevenredig in verhouding tot het doel."}
    twee_keer(als(team.jurist_uwv), reverse("maatwerkplaats:fix", args=[casus.uuid]), data, aantal(Fix))


def test_solve_twice_files_one_signal(team):  # noqa: F811
    casus = breng_in(team.melder_uwv, team.wia)
    data = {"casussen": [casus.pk], "titel": "Verrekening WIA-voorschot in één keer",
            "getroffen_burgers": "WIA-gerechtigden met schulden", "geadresseerde": "ministerie"}
    twee_keer(als(team.melder_uwv), reverse("maatwerkplaats:solve", args=[casus.uuid]), data, aantal(Signaal))


# --- Proposals and implementation tests ----------------------------------------------------------

def test_proposal_twice_registers_one(wereld):
    data = {"soort": "motie", "kamerstuk": "36 123, nr. 11", "titel": "Motie over termijnen",
            "omschrijving": "Verzoekt de regering.", "ministerie": wereld.szw.pk,
            "kamercommissie": wereld.cie_szw.pk, "uitvoerders": [wereld.uwv.pk], "openbaar": "on"}
    twee_keer(als(wereld.griffie_szw), reverse("toetsen:voorstel-nieuw"), data, aantal(Voorstel))


def test_toets_answer_twice_is_recorded_once(wereld, amendement):  # noqa: F811
    from schakel.audit.models import Gebeurtenis

    toets = amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv)
    data = {k: ("" if v is None else v) for k, v in TOETS.items()}
    twee_keer(als(wereld.bestuur_uwv), reverse("toetsen:toets-invullen", args=[amendement.uuid, toets.uuid]), data,
              aantal(Gebeurtenis, actie="toets_ingediend"))
    assert Uitvoeringstoets.objects.filter(pk=toets.pk).exists()


def test_implementation_test_twice_plans_one(wereld):
    from schakel.toetsen.models import Invoeringstoets

    twee_keer(als(wereld.behandelaar_szw), reverse("toetsen:invoeringstoets-nieuw"),
              {"regeling": wereld.wia.pk, "inwerkingtreding": "2026-03-01"}, aantal(Invoeringstoets))


# --- Knelpunten and subscriptions ----------------------------------------------------------------

def test_knelpunt_twice_makes_one(wereld, dien_in):  # noqa: F811
    signaal = dien_in(wereld.melder_uwv)
    data = {"titel": "Voorschot ineens terug", "beleidsbetekenis": "De regel raakt vooral mensen met schulden, "
                                                                   "die het voorschot niet kunnen terugbetalen."}
    twee_keer(als(wereld.behandelaar_szw), reverse("knelpunten:knelpunt-nieuw", args=[signaal.uuid]), data,
              aantal(Knelpunt))


def test_adding_a_signal_twice_bundles_it_once(wereld, dien_in, maak_knelpunt):  # noqa: F811
    eerste, tweede = dien_in(wereld.melder_uwv), dien_in(wereld.melder_uwv, titel="Voorschot WIA in één keer terug")
    knelpunt = maak_knelpunt(eerste)
    client = als(wereld.behandelaar_szw)
    twee_keer(client, reverse("knelpunten:knelpunt", args=[knelpunt.uuid]), {"signaal": tweede.uuid},
              aantal(Bundeling), naar=reverse("knelpunten:toevoegen", args=[knelpunt.uuid]))


def test_following_twice_follows_once_and_a_repeat_does_not_undo(wereld):
    client = als(wereld.melder_uwv)
    regeling = reverse("web:regeling", args=[wereld.wia.bwb_id])
    twee_keer(client, regeling, {}, aantal(Abonnement), naar=reverse("knelpunten:abonneren", args=[wereld.wia.bwb_id]))
    twee_keer(client, regeling, {"actie": "opzeggen"}, aantal(Abonnement), verwacht=-1,
              naar=reverse("knelpunten:abonneren", args=[wereld.wia.bwb_id]))


# --- The mechanism itself ------------------------------------------------------------------------

def test_a_refused_form_keeps_its_token_usable(wereld):
    client = als(wereld.melder_cbr)
    token = token_van(client, reverse("web:signaal-nieuw"))
    fout = client.post(reverse("web:signaal-nieuw"), {**_signaal_post(wereld, titel="Kort"), VELD: token})
    assert fout.status_code == 200 and not Signaal.objects.exists()
    goed = client.post(reverse("web:signaal-nieuw"), {**_signaal_post(wereld), VELD: token})
    assert goed.status_code == 302 and Signaal.objects.count() == 1


def test_a_forged_token_creates_nothing(wereld):
    client = als(wereld.melder_cbr)
    response = client.post(reverse("web:signaal-nieuw"), {**_signaal_post(wereld), VELD: "nep:token:123"})
    assert response.status_code == 200 and not Signaal.objects.exists()
    assert VERLOPEN in zichtbare_tekst(response.content.decode())


def test_every_creating_form_template_carries_the_token():
    """A new form that creates something must carry the token too: every template with a POST
    form outside the account pages (login, two-step) and the inbox (marks as read) has it."""
    from pathlib import Path

    import schakel

    zonder = []
    for pad in Path(schakel.__file__).parent.rglob("*.html"):
        tekst = pad.read_text()
        if "{% csrf_token %}" in tekst and "{% formuliertoken %}" not in tekst:
            zonder.append(pad.name)
    assert sorted(zonder) == ["403_csrf.html", "gebruiker.html", "herstelcodes_vernieuwen.html", "inbox.html",
                              "inloggen.html", "ontvangstcode.html", "totp_instellen.html", "totp_uitzetten.html",
                              "tweestap.html", "tweestap_herstelcode.html", "uitloggen.html"] or zonder

