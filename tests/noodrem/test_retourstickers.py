"""Citizen's brake (retoursticker): a missed contact term escalates to the board (idempotent,
in the sweeps, visible); counts per letter feed the organisation's signals at a threshold
(one open signal per letter, routed like every signal, no personal data); the counts in the
API for the organisation's and its ministry's staff."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from hypothesis import given, settings as hsettings, strategies as st
from rest_framework.test import APIClient

from schakel.accounts.models import Rol, User
from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.noodrem import regels, retourstickers
from schakel.noodrem.models import Retoursticker
from schakel.noodrem.sweep import run_retoursticker_sweep
from schakel.notificaties.models import Melding, Soort
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Signaal
from schakel.termijnen.models import Termijn

from .conftest import UITLEG_NOODREM

pytestmark = pytest.mark.django_db

CONTACT = "mevrouw De Vries, 06-12345678"
WOORDEN = "Ik snap niet waarom mijn uitkering lager wordt. Mijn BSN is 111222333."
DREMPEL_3 = override_settings(SCHAKEL_NOODREM={"retoursticker_drempel": 3, "retoursticker_drempel_dagen": 90})


def _op(datum: dt.date, uur: int = 10) -> None:
    clock.freeze(dt.datetime(datum.year, datum.month, datum.day, uur, 0, tzinfo=dt.timezone.utc))


def _sticker(wereld, **kw):
    velden = dict(organisatie=wereld.uwv, brief="Besluit herbeoordeling WIA", reden="onbegrijpelijk",
                  toelichting=WOORDEN, contactgegevens=CONTACT)
    velden.update(kw)
    return retourstickers.stuur_retoursticker(**velden)[0]


@pytest.fixture
def behandelaar_uwv(wereld):
    return User.objects.create_user(username="behandelaar-uwv", password="geheim-wachtwoord-123",
                                    rol=Rol.BEHANDELAAR, organisatie=wereld.uwv)


# --- 1. A missed contact term escalates -----------------------------------------------------------

def test_missed_contact_term_goes_to_the_board_once(wereld, behandelaar_uwv):
    sticker = _sticker(wereld)  # Wednesday 11 March: contact by Monday 16 March
    gebeld = _sticker(wereld, brief="Vooraankondiging terugvordering")
    _op(dt.date(2026, 3, 16))
    retourstickers.registreer_contact(gebeld, actor=behandelaar_uwv, uitkomst="Gebeld en uitgelegd.")
    assert run_retoursticker_sweep().escalated == 0  # due today: not late yet

    _op(dt.date(2026, 3, 17))
    assert run_retoursticker_sweep().escalated == 1
    sticker.refresh_from_db()
    assert sticker.geescaleerd_op == clock.now()
    aan_bestuur = Melding.objects.get(ontvanger=wereld.bestuur_uwv)
    assert aan_bestuur.soort == Soort.GEESCALEERD and "Besluit herbeoordeling WIA" in aan_bestuur.tekst
    assert aan_bestuur.link == "/organisaties/uwv/retourstickers"
    assert CONTACT not in aan_bestuur.tekst and "111222333" not in aan_bestuur.tekst
    assert Melding.objects.filter(ontvanger=behandelaar_uwv, soort=Soort.TERMIJN_OVERSCHREDEN).count() == 1
    gebeurtenis = Gebeurtenis.objects.get(actie="retoursticker_geescaleerd")
    assert (gebeurtenis.object_id, gebeurtenis.actor_omschrijving) == (str(sticker.pk), "systeem")
    assert gebeurtenis.na["trede"] == "bestuur"
    assert CONTACT not in str(gebeurtenis.na) + gebeurtenis.toelichting

    # Idempotent: the sweep may run many times, on the same day or later.
    meldingen = Melding.objects.count()
    assert run_retoursticker_sweep().escalated == 0
    _op(dt.date(2026, 3, 20))
    assert run_retoursticker_sweep().escalated == 0
    assert Melding.objects.count() == meldingen
    assert Gebeurtenis.objects.filter(actie="retoursticker_geescaleerd").count() == 1


def test_only_late_stickers_of_each_organisation_are_escalated_to_their_own_board(wereld):
    _sticker(wereld)
    _sticker(wereld, organisatie=wereld.cbr, brief="Uitnodiging rijtest")
    _op(dt.date(2026, 3, 17))
    assert retourstickers.escaleer_retourstickers() == 2
    assert Melding.objects.filter(ontvanger=wereld.bestuur_uwv, soort=Soort.GEESCALEERD).count() == 1
    assert Retoursticker.objects.filter(geescaleerd_op__isnull=False).count() == 2


def test_the_sweep_is_part_of_escalate_run_scheduler_and_its_own_command(wereld):
    _sticker(wereld)
    _op(dt.date(2026, 3, 17))
    uit = StringIO()
    call_command("escalate", "--no-mail", stdout=uit)
    assert "Retoursticker sweep: 1 retourstickers without timely contact put before the board" in uit.getvalue()
    uit = StringIO()
    call_command("retoursticker_sweep", stdout=uit)
    assert "Retoursticker sweep for 2026-03-17: 0 retourstickers" in uit.getvalue()
    uit = StringIO()
    call_command("run_scheduler", "--once", "--digest-hour", "23", stdout=uit)
    assert "retoursticker-sweep: 0 retourstickers" in uit.getvalue()


def test_escalation_is_visible_on_the_organisation_pages(wereld, behandelaar_uwv):
    _sticker(wereld)
    _op(dt.date(2026, 3, 17))
    run_retoursticker_sweep()
    client = Client()
    client.force_login(behandelaar_uwv)
    pagina = client.get("/organisaties/uwv/retourstickers").content.decode()
    assert "voorgelegd aan het bestuur op 17 maart 2026" in pagina
    overzicht = client.get("/organisaties/uwv").content.decode()
    assert "Teruggestuurde brieven (retourstickers)" in overzicht and "Contact te laat: 1." in overzicht
    # The public and other organisations do not get the handlers' block.
    assert "Teruggestuurde brieven (retourstickers)" not in Client().get("/organisaties/uwv").content.decode()
    andere = Client()
    andere.force_login(wereld.behandelaar_ienw)
    assert "Teruggestuurde brieven (retourstickers)" not in andere.get("/organisaties/uwv").content.decode()


# --- 2. Counts per letter feed the organisation's signals ----------------------------------------

@DREMPEL_3
def test_the_threshold_files_one_signal_routed_to_the_organisation(wereld, behandelaar_uwv):
    _sticker(wereld)
    _sticker(wereld, brief="besluit herbeoordeling  WIA!", reden="onrechtvaardig")  # the same letter
    assert not Signaal.objects.exists()
    derde = _sticker(wereld)
    signaal = Signaal.objects.get()
    assert (signaal.soort, signaal.status, signaal.eigenaar, signaal.regeling) == (
        "signaal", "in_behandeling", wereld.uwv, wereld.wia)
    assert signaal.indienende_organisatie is None and signaal.indiener is None and signaal.openbaar
    assert set(signaal.retourstickers.all()) == set(Retoursticker.objects.all())
    assert Retoursticker.objects.get(pk=derde.pk).signaal == signaal
    # Routed like every signal: a term at the organisation's handlers, who are told.
    termijn = Termijn.objects.get(signaal=signaal)
    assert (termijn.organisatie, termijn.rol) == (wereld.uwv, "behandelaar")
    assert Melding.objects.filter(ontvanger=behandelaar_uwv, signaal=signaal, soort=Soort.TE_BEANTWOORDEN).exists()
    ingediend = Gebeurtenis.objects.get(signaal=signaal, actie="ingediend")
    assert ingediend.actor is None and ingediend.actor_omschrijving == "retourstickers"
    assert (ingediend.na["aantal"], ingediend.na["onbegrijpelijk"], ingediend.na["onrechtvaardig"]) == (3, 2, 1)
    assert Gebeurtenis.objects.filter(signaal=signaal, actie="gerouteerd").exists()
    # Only counts, the letter's name and the reasons: nothing a citizen wrote or left to be called back.
    tekst = " ".join([signaal.titel, signaal.praktijk, signaal.getroffen_burgers, signaal.verbetervoorstel,
                      str(ingediend.na)])
    assert "Besluit herbeoordeling WIA" in signaal.titel and "3 keer" in signaal.praktijk
    for persoonlijk in (CONTACT, "06-12345678", "111222333", "De Vries", "uitkering lager"):
        assert persoonlijk not in tekst


@DREMPEL_3
def test_later_stickers_join_the_open_signal_and_no_duplicate_is_made(wereld):
    for _ in range(3):
        _sticker(wereld)
    signaal = Signaal.objects.get()
    for _ in range(4):
        _sticker(wereld, reden="onrechtvaardig")
    assert Signaal.objects.count() == 1
    assert signaal.retourstickers.count() == 7
    assert Gebeurtenis.objects.filter(signaal=signaal, actie="retourstickers_gekoppeld").count() == 4
    telling = {t["brief_sleutel"]: t for t in retourstickers.tellingen_per_brief(wereld.uwv)}["besluit herbeoordeling wia"]
    assert telling["aantal"] == 7 and telling["signaal"]["uuid"] == signaal.uuid
    assert telling["signaal"]["kenmerk"] == signaal.kenmerk
    # Another letter of the same organisation is counted on its own.
    _sticker(wereld, brief="Vooraankondiging terugvordering")
    assert Signaal.objects.count() == 1
    # The sweep files nothing more.
    assert run_retoursticker_sweep().signals_filed == 0


@DREMPEL_3
def test_after_an_answer_new_stickers_count_towards_a_new_signal(wereld):
    for _ in range(3):
        _sticker(wereld)
    eerste = Signaal.objects.get()
    signaalservices.reageer(eerste, actor=wereld.bestuur_uwv, besluit="niet_overnemen",
                            toelichting_tekst=UITLEG_NOODREM)
    _sticker(wereld)
    _sticker(wereld)
    assert Signaal.objects.count() == 1
    _sticker(wereld)
    tweede = Signaal.objects.exclude(pk=eerste.pk).get()
    assert eerste.retourstickers.count() == 3 and tweede.retourstickers.count() == 3


@DREMPEL_3
def test_only_stickers_within_the_period_count(wereld):
    _sticker(wereld)
    _sticker(wereld)
    _op(dt.date(2026, 6, 20))  # 101 days later: the first two are out of the window
    _sticker(wereld)
    _sticker(wereld)
    assert not Signaal.objects.exists()
    _sticker(wereld)
    signaal = Signaal.objects.get()
    assert signaal.retourstickers.count() == 3


def test_a_lowered_threshold_is_picked_up_by_the_sweep_once(wereld):
    for _ in range(3):
        _sticker(wereld)
    assert not Signaal.objects.exists()  # default: 10 in 90 days
    with DREMPEL_3:
        assert run_retoursticker_sweep().signals_filed == 1
        assert run_retoursticker_sweep().signals_filed == 0
        call_command("retoursticker_sweep", verbosity=0)
    assert Signaal.objects.count() == 1


@DREMPEL_3
def test_an_organisation_without_a_known_regulation_gets_no_signal_but_the_citizen_is_served(wereld):
    for _ in range(3):
        sticker = _sticker(wereld, organisatie=wereld.svb, brief="Besluit AOW")
    assert sticker.pk and not Signaal.objects.exists()


def test_the_regulation_of_a_letter_is_the_one_the_organisation_executes(wereld, signaal):
    assert retourstickers.regeling_voor_brief(wereld.uwv) == wereld.wia
    wereld.wvw.uitvoerders.add(wereld.uwv)  # two: the one most of its signals are about
    assert retourstickers.regeling_voor_brief(wereld.uwv) == wereld.wia
    assert retourstickers.regeling_voor_brief(wereld.svb) is None


@given(aantallen=st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=5),
       drempel=st.integers(min_value=1, max_value=30), dagen=st.integers(min_value=1, max_value=400))
def test_threshold_rule(aantallen, drempel, dagen):
    with override_settings(SCHAKEL_NOODREM={"retoursticker_drempel": drempel, "retoursticker_drempel_dagen": dagen}):
        regel = regels.Drempel.uit_instellingen()
    assert (regel.aantal, regel.dagen) == (drempel, dagen)
    for aantal in aantallen:
        assert regel.bereikt(aantal) == (aantal >= drempel)
    nu = dt.datetime(2026, 3, 11, 12, tzinfo=dt.timezone.utc)
    assert (nu - regel.venster_begin(nu)).days == dagen


@hsettings(max_examples=25, deadline=None)
@given(st.text(alphabet="abcABC .,!-", min_size=1, max_size=30))
def test_letters_differing_only_in_case_and_punctuation_are_counted_together(tekst):
    assert regels.brief_sleutel(tekst) == regels.brief_sleutel(tekst.upper() + " !")


# --- The counts in the API ------------------------------------------------------------------------

@DREMPEL_3
def test_counts_per_letter_in_the_api_for_the_organisation_and_its_ministry(wereld, behandelaar_uwv):
    for _ in range(3):
        _sticker(wereld)
    _sticker(wereld, brief="Vooraankondiging terugvordering", reden="onrechtvaardig")
    signaal = Signaal.objects.get()
    for gebruiker in (behandelaar_uwv, wereld.bestuur_uwv, wereld.behandelaar_szw):
        client = APIClient()
        client.force_authenticate(gebruiker)
        response = client.get("/api/v1/organisaties/uwv/retourstickers")
        assert response.status_code == 200, response.content
        data = response.json()
        assert data["organisatie"] == "uwv" and data["drempel"] == {"aantal": 3, "dagen": 90}
        brieven = {b["brief"]: b for b in data["brieven"]}
        wia = brieven["besluit herbeoordeling wia"]
        assert (wia["aantal"], wia["onbegrijpelijk"], wia["open"], wia["teLaat"], wia["voorgelegdAanBestuur"],
                wia["inPeriode"]) == (3, 3, 3, 0, 0, 3)
        assert wia["signaal"].endswith(f"/api/v1/signalen/{signaal.uuid}")
        assert brieven["vooraankondiging terugvordering"]["signaal"] is None
        assert CONTACT not in response.content.decode()


def test_counts_api_is_role_checked(wereld):
    _sticker(wereld)
    anoniem = APIClient().get("/api/v1/organisaties/uwv/retourstickers")
    assert anoniem.status_code in (401, 403)
    assert anoniem["Content-Type"].startswith("application/problem+json")
    for gebruiker in (wereld.melder_uwv, wereld.behandelaar_ienw, wereld.behandelaar_svb, wereld.griffie_szw):
        client = APIClient()
        client.force_authenticate(gebruiker)
        response = client.get("/api/v1/organisaties/uwv/retourstickers")
        assert response.status_code == 403, gebruiker
        assert response["Content-Type"].startswith("application/problem+json")
    client = APIClient()
    client.force_authenticate(wereld.bestuur_uwv)
    assert client.get("/api/v1/organisaties/onbekend/retourstickers").status_code == 404
    assert client.get("/api/v1/organisaties/uwv/retourstickers?brief=x").status_code == 400


@DREMPEL_3
def test_the_signal_page_and_the_public_counts_link_the_letter_and_its_signal(wereld):
    for _ in range(3):
        _sticker(wereld)
    signaal = Signaal.objects.get()
    pagina = Client().get(f"/signalen/{signaal.uuid}").content.decode()
    assert "burgers, via retourstickers" in pagina and "burgers stuurden deze brief 3 keer terug" in pagina
    assert CONTACT not in pagina and "111222333" not in pagina
    telling = Client().get("/organisaties/uwv/retourstickers").content.decode()
    assert signaal.kenmerk in telling
    assert CONTACT not in telling
