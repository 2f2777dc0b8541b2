"""Organisation's brake (red card, budget, give-back), the budget-floor variant, and the
citizen's brake (retoursticker): routing, terms, limits, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.noodrem import berichten, regels, retourstickers, rode_kaart
from schakel.noodrem.models import OrganisatieVariant, Retoursticker
from schakel.notificaties.models import Melding
from schakel.signalen import services as signaalservices
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn
from schakel.termijnen.sweep import run_sweep

pytestmark = pytest.mark.django_db

UITLEG = ("De instructie blijft staan omdat de wet zelf de termijn voorschrijft; wij leggen de knelpunten "
          "voor aan de commissie en bekijken in de evaluatie van 2027 of een hardheidsclausule nodig is.")


def _rode_kaart(wereld, beginselen, **kw):
    velden = dict(
        actor=wereld.bestuur_uwv, variant=OrganisatieVariant.RODE_KAART, regeling=wereld.wia,
        titel="Wij geven de herbeoordelingsinstructie terug",
        praktijk="De instructie dwingt ons herbeoordelingen af te ronden binnen een termijn die voor mensen "
                 "met complexe klachten niet haalbaar is.",
        moet_stoppen="De verplichte afrondingstermijn voor herbeoordelingen.",
        getroffen_burgers="WIA-gerechtigden met complexe klachten", beginselen=beginselen,
        bewijs_toelichting="In 2025 liepen 340 herbeoordelingen vast op deze termijn.",
    )
    velden.update(kw)
    return rode_kaart.trek_organisatie(**velden)


@pytest.fixture
def griffier(wereld):
    return wereld.griffie_szw


def test_red_card_goes_to_the_ministry_board_and_the_committee_is_told(griffier, wereld, beginselen):
    signaal = _rode_kaart(wereld, beginselen)
    assert signaal.eigenaar == wereld.szw and signaal.escalatietrede == Trede.BESTUUR
    assert signaal.noodrem.praktijk_van == wereld.uwv
    termijn = Termijn.objects.get(signaal=signaal)
    assert (termijn.organisatie, termijn.rol, termijn.werkdagen) == (wereld.szw, "bestuur", 5)
    assert Melding.objects.filter(ontvanger=griffier, signaal=signaal).exists()
    assert Gebeurtenis.objects.filter(signaal=signaal, actie="noodrem_geagendeerd").exists()


def test_only_the_board_of_an_implementer_may_pull_a_red_card(wereld, beginselen):
    for actor in (wereld.melder_uwv, wereld.behandelaar_szw, wereld.minister_szw):
        with pytest.raises(PermissionDenied):
            _rode_kaart(wereld, beginselen, actor=actor)


def test_a_red_card_needs_principles_and_evidence(wereld):
    with pytest.raises(ValidationError) as fout:
        _rode_kaart(wereld, [], bewijs_toelichting="", bewijs="")
    assert {"beginselen", "bewijs"} <= set(fout.value.message_dict)


@override_settings(SCHAKEL_NOODREM={"rode_kaart_per_periode": 2})
def test_the_budget_limits_pulls_and_an_upheld_card_is_given_back(wereld, beginselen):
    eerste = _rode_kaart(wereld, beginselen)
    _rode_kaart(wereld, beginselen, titel="Tweede rode kaart over de hersteltermijn")
    assert rode_kaart.budget(wereld.uwv).resterend == 0
    with pytest.raises(ValidationError) as fout:
        _rode_kaart(wereld, beginselen, titel="Derde rode kaart")
    assert "alle 2 rode kaarten" in fout.value.message_dict["variant"][0]
    # A budget-floor signal is the same brake, without the budget limit.
    vloer = _rode_kaart(wereld, beginselen, variant=OrganisatieVariant.BUDGETVLOER,
                        titel="Budgetvloer: wachttijd herbeoordeling loopt op naar 30 weken")
    assert vloer.eigenaar == wereld.szw
    # The ministry upholds the first card (comply): the card comes back.
    signaalservices.reageer(eerste, actor=wereld.behandelaar_szw, besluit="overnemen",
                            toelichting_tekst="Wij schorten de afrondingstermijn op.",
                            toezeggingen=[signaalservices.NieuweToezegging(
                                "Instructie intrekken", "DG Sociale Zekerheid", dt.date(2026, 4, 1))])
    stand = rode_kaart.budget(wereld.uwv)
    assert (stand.getrokken, stand.teruggegeven, stand.resterend) == (2, 1, 1)
    _rode_kaart(wereld, beginselen, titel="Derde rode kaart, nu wel")


def test_explained_cards_stay_used_and_the_budget_renews_next_period(wereld, beginselen):
    kaart = _rode_kaart(wereld, beginselen)
    signaalservices.reageer(kaart, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=UITLEG)
    assert rode_kaart.budget(wereld.uwv).resterend == 1
    assert rode_kaart.budget(wereld.uwv, dt.date(2027, 1, 5)).resterend == 2


def test_budget_periods():
    with override_settings(SCHAKEL_NOODREM={"rode_kaart_periode_maanden": 6}):
        assert regels.periode_van(dt.date(2026, 8, 3)) == regels.Periode(dt.date(2026, 7, 1), dt.date(2027, 1, 1))
    with override_settings(SCHAKEL_NOODREM={"rode_kaart_periode_maanden": 3}):
        assert regels.periode_van(dt.date(2026, 3, 31)) == regels.Periode(dt.date(2026, 1, 1), dt.date(2026, 4, 1))


def test_budget_periods_run_from_dutch_midnight_to_dutch_midnight():
    """In summer, Dutch midnight is 22:00 UTC the evening before."""
    periode = regels.Periode(dt.date(2026, 7, 1), dt.date(2027, 1, 1))
    assert periode.vanaf == dt.datetime(2026, 6, 30, 22, 0, tzinfo=dt.timezone.utc)  # CEST
    assert periode.tot == dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.timezone.utc)  # CET


@override_settings(SCHAKEL_NOODREM={"rode_kaart_periode_maanden": 6, "rode_kaart_per_periode": 2})
def test_a_red_card_counts_in_the_period_of_its_dutch_filing_date(wereld, beginselen):
    """Pulled one second before and at Dutch midnight on 1 July (22:00 UTC on 30 June): the first
    card uses the budget of the first half year, the second that of the second half, although
    both were filed on 30 June in UTC."""
    clock.freeze(dt.datetime(2026, 6, 30, 21, 59, 59, tzinfo=dt.timezone.utc))
    voor = _rode_kaart(wereld, beginselen)
    clock.freeze(dt.datetime(2026, 6, 30, 22, 0, tzinfo=dt.timezone.utc))
    na = _rode_kaart(wereld, beginselen, titel="Rode kaart om middernacht")
    assert voor.ingediend_op.date() == na.ingediend_op.date() == dt.date(2026, 6, 30)  # UTC
    eerste, tweede = rode_kaart.budget(wereld.uwv, dt.date(2026, 6, 30)), rode_kaart.budget(wereld.uwv, dt.date(2026, 7, 1))
    assert (eerste.getrokken, tweede.getrokken) == (1, 1)
    assert [n.signaal for n in rode_kaart.getrokken_rode_kaarten(wereld.uwv, regels.periode_van(dt.date(2026, 7, 1)))] \
        == [na]
    assert rode_kaart.budget(wereld.uwv).getrokken == 1  # today is 1 July in the Netherlands
    assert rode_kaart.budget(wereld.uwv, dt.date(2027, 1, 1)).getrokken == 0


def test_the_budget_query_compares_filing_moments_not_each_rows_date(wereld):
    """The period is compared as moments, so an index on ``ingediend_op`` applies: no cast of
    each row's timestamp to a local date (SQLite: django_datetime_cast_date; PostgreSQL:
    AT TIME ZONE ... ::date)."""
    sql = str(rode_kaart.getrokken_rode_kaarten(wereld.uwv, regels.periode_van(clock.today())).query).lower()
    assert "ingediend_op" in sql
    assert "cast_date" not in sql and "at time zone" not in sql and "::date" not in sql


def test_red_card_escalates_to_the_minister_when_the_term_is_missed(wereld, beginselen):
    kaart = _rode_kaart(wereld, beginselen)
    clock.freeze(dt.datetime(2026, 3, 19, 10, 0, tzinfo=dt.timezone.utc))
    run_sweep()
    kaart.refresh_from_db()
    assert kaart.escalatietrede == Trede.BEWINDSPERSOON  # the ministry is the owner: rung 3 is skipped


# --- Citizen's brake --------------------------------------------------------------------------

def _sticker(wereld, **kw):
    velden = dict(organisatie=wereld.uwv, brief="Besluit herbeoordeling WIA", reden="onbegrijpelijk",
                  toelichting="Ik snap niet waarom mijn uitkering lager wordt. Bel me op 06-12345678.",
                  contactgegevens="mevrouw De Vries, 06-12345678")
    velden.update(kw)
    return retourstickers.stuur_retoursticker(**velden)


def test_citizen_sends_a_letter_back_and_must_be_contacted_within_three_working_days(wereld):
    sticker, code = _sticker(wereld)  # Wednesday 11 March: Monday 16 March at the latest
    assert sticker.contact_uiterlijk == dt.date(2026, 3, 16)
    assert berichten.open_met_code(code) == sticker
    assert Melding.objects.filter(ontvanger=wereld.behandelaar_svb).count() == 0
    gebeurtenis = Gebeurtenis.objects.get(actie="retoursticker_ontvangen")
    assert gebeurtenis.actor_omschrijving == "anonieme burger"
    assert "06-12345678" not in str(gebeurtenis.na)  # contact details never in the public trail


def test_personal_data_may_be_in_internal_fields_not_in_the_counted_letter_name(wereld):
    with pytest.raises(ValidationError) as fout:
        _sticker(wereld, brief="Brief aan 1234 AB 12")
    assert "brief" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        _sticker(wereld, contactgegevens="", reden="boos")
    assert {"contactgegevens", "reden"} <= set(fout.value.message_dict)


def test_counts_per_letter_and_late_contact(wereld):
    _sticker(wereld)
    _sticker(wereld, brief="besluit  herbeoordeling WIA.", reden="onrechtvaardig")
    derde, _ = _sticker(wereld, brief="Vooraankondiging terugvordering")
    clock.freeze(dt.datetime(2026, 3, 17, 9, 0, tzinfo=dt.timezone.utc))
    retourstickers.registreer_contact(derde, actor=wereld.bestuur_uwv, uitkomst="Uitgelegd en bezwaar besproken.")
    tellingen = {t["brief_sleutel"]: t for t in retourstickers.tellingen_per_brief(wereld.uwv)}
    wia = tellingen["besluit herbeoordeling wia"]
    assert (wia["aantal"], wia["onbegrijpelijk"], wia["onrechtvaardig"], wia["open"], wia["te_laat"]) == (2, 1, 1, 2, 2)
    assert tellingen["vooraankondiging terugvordering"]["open"] == 0
    assert Gebeurtenis.objects.get(actie="retoursticker_contact").na["te_laat"] is True
    assert Retoursticker.objects.te_laat().count() == 2


def test_only_the_organisation_records_contact_and_only_once(wereld):
    sticker, _ = _sticker(wereld)
    with pytest.raises(PermissionDenied):
        retourstickers.registreer_contact(sticker, actor=wereld.behandelaar_szw, uitkomst="Gebeld.")
    retourstickers.registreer_contact(sticker, actor=wereld.bestuur_uwv, uitkomst="Gebeld.")
    with pytest.raises(ValidationError):
        retourstickers.registreer_contact(sticker, actor=wereld.bestuur_uwv, uitkomst="Nog eens gebeld.")
