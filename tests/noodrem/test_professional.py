"""Professional's brake: routing to the board, ministry informed, shortest term, comply or
explain with the existing flow, escalation by the existing sweep, anonymity."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.noodrem import berichten, professional, regels
from schakel.noodrem.models import Bericht, Niveau, Ontvangstbewijs
from schakel.notificaties.models import Melding
from schakel.signalen import services as signaalservices
from schakel.signalen.models import Signaal
from schakel.termijnen import kalender
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn
from schakel.termijnen.sweep import run_sweep

from .conftest import UITLEG_NOODREM

pytestmark = pytest.mark.django_db


def test_anonymous_brake_goes_to_the_board_of_the_practice_with_the_shortest_term(anonieme_rem, wereld):
    signaal, code = anonieme_rem
    assert signaal.soort == "noodrem" and signaal.status == "in_behandeling"
    assert signaal.eigenaar == wereld.uwv  # the organisation whose practice is at stake, not the law's owner
    assert signaal.indiener is None and signaal.indienende_organisatie == wereld.svb
    assert signaal.escalatietrede == Trede.BESTUUR
    assert signaal.uiterste_reactiedatum == kalender.uiterste_datum(signaal.ingediend_op, 5)
    termijn = Termijn.objects.get(signaal=signaal)
    assert (termijn.trede, termijn.organisatie, termijn.rol, termijn.werkdagen) == (
        Trede.BESTUUR, wereld.uwv, "bestuur", 5)
    rem = signaal.noodrem
    assert rem.niveau == Niveau.PROFESSIONAL and rem.anoniem
    assert sorted(b.code for b in rem.beginselen.all()) == ["evenredigheid", "zorgvuldigheid"]
    assert regels.normaliseer(code) is not None


def test_the_board_and_the_principal_ministry_are_told(bestuur_szw, anonieme_rem, wereld):
    signaal, _ = anonieme_rem
    assert Melding.objects.filter(ontvanger=wereld.bestuur_uwv, signaal=signaal).exists()
    aan_ministerie = Melding.objects.get(ontvanger=bestuur_szw, signaal=signaal)
    assert "noodrem getrokken" in aan_ministerie.tekst
    assert not Melding.objects.filter(ontvanger=wereld.behandelaar_szw, signaal=signaal).exists()


def test_anonymous_brake_stores_nothing_identifying(anonieme_rem):
    signaal, code = anonieme_rem
    getrokken = Gebeurtenis.objects.get(signaal=signaal, actie="noodrem_getrokken")
    assert getrokken.actor is None and getrokken.actor_omschrijving == "anonieme melder"
    assert getrokken.na["anoniem"] is True
    bewijs = Ontvangstbewijs.objects.get(signaal=signaal)
    assert code not in bewijs.code_hash and regels.normaliseer(code) not in bewijs.code_hash
    assert len(bewijs.code_hash) == 64
    # No field anywhere holds the code, an IP address or a user agent.
    for gebeurtenis in Gebeurtenis.objects.filter(signaal=signaal):
        tekst = f"{gebeurtenis.na} {gebeurtenis.voor} {gebeurtenis.toelichting}"
        assert regels.normaliseer(code) not in tekst.replace("-", "")
        assert "127.0.0.1" not in tekst


def test_the_board_explains_with_the_existing_answer_flow(anonieme_rem, wereld):
    signaal, _ = anonieme_rem
    reactie = signaalservices.reageer(signaal, actor=wereld.bestuur_uwv, besluit="niet_overnemen",
                                      toelichting_tekst=UITLEG_NOODREM)
    assert reactie.organisatie == wereld.uwv
    assert Termijn.objects.get(signaal=signaal).uitkomst == "beantwoord"


def test_an_anonymous_filer_may_name_no_organisation_and_routing_still_works(rem_velden, wereld, bestuur_szw):
    signaal, code = professional.trek_professional(gebruiker=None, anoniem=True,
                                               **{**rem_velden, "indienende_organisatie": None})
    assert code and signaal.indienende_organisatie is None and signaal.indiener is None
    # To the board of the organisation whose practice is at stake; its principal ministry is told.
    assert signaal.eigenaar == wereld.uwv and signaal.escalatietrede == Trede.BESTUUR
    assert Melding.objects.filter(ontvanger=wereld.bestuur_uwv, signaal=signaal).exists()
    assert Melding.objects.filter(ontvanger=bestuur_szw, signaal=signaal).exists()
    getrokken = Gebeurtenis.objects.get(signaal=signaal, actie="noodrem_getrokken")
    assert getrokken.actor is None and getrokken.actor_omschrijving == "anonieme melder"
    assert getrokken.na["indienende_organisatie"] is None and getrokken.na["praktijk_van"] == "uwv"
    # The term escalates as for every brake.
    clock.freeze(clock.now() + dt.timedelta(days=14))
    run_sweep()
    signaal.refresh_from_db()
    assert signaal.escalatietrede == Trede.MINISTERIE


def test_a_closed_brake_without_filing_organisation_is_seen_only_by_receiver_and_ministry(rem_velden, wereld):
    from schakel.signalen import rechten

    signaal, _ = professional.trek_professional(gebruiker=None, anoniem=True,
                                            **{**rem_velden, "indienende_organisatie": None, "openbaar": False})
    zien = {naam: rechten.zichtbare_signalen(getattr(wereld, naam), Signaal.objects.all()).filter(pk=signaal.pk)
            .exists() for naam in ("bestuur_uwv", "behandelaar_szw", "behandelaar_svb", "melder_cbr")}
    assert zien == {"bestuur_uwv": True, "behandelaar_szw": True, "behandelaar_svb": False, "melder_cbr": False}


def test_a_named_filing_organisation_cannot_be_a_committee(rem_velden, wereld):
    with pytest.raises(ValidationError) as fout:
        professional.trek_professional(anoniem=True, **{**rem_velden, "indienende_organisatie": wereld.cie_szw})
    assert "indienende_organisatie" in fout.value.message_dict


def test_the_practice_at_stake_cannot_be_a_committee(rem_velden, wereld):
    with pytest.raises(ValidationError) as fout:
        professional.trek_professional(anoniem=True, **{**rem_velden, "praktijk_van": wereld.cie_szw})
    assert "praktijk_van" in fout.value.message_dict


def test_missed_term_escalates_by_the_sweep_to_the_ministry(bestuur_szw, anonieme_rem, wereld):
    signaal, _ = anonieme_rem
    clock.freeze(dt.datetime(2026, 3, 19, 10, 0, tzinfo=dt.timezone.utc))  # 5 working days have passed
    run_sweep()
    signaal.refresh_from_db()
    assert signaal.escalatietrede == Trede.MINISTERIE
    assert signaal.termijn_overschreden_op is not None
    open_termijn = Termijn.objects.get(signaal=signaal, gesloten_op__isnull=True)
    assert (open_termijn.organisatie, open_termijn.rol) == (wereld.szw, "bestuur")


def test_all_problems_at_once_with_dutch_messages(wereld):
    with pytest.raises(ValidationError) as fout:
        professional.trek_professional(anoniem=True, praktijk_van=None, regeling=None, titel="", praktijk="",
                                   getroffen_burgers="", beginselen=[], moet_stoppen="")
    fouten = fout.value.message_dict
    for veld in ("praktijk_van", "regeling", "titel", "praktijk", "getroffen_burgers", "beginselen",
                 "moet_stoppen"):
        assert veld in fouten, veld
    assert "indienende_organisatie" not in fouten  # a filer from anywhere need not name an organisation
    assert fouten["beginselen"] == ["Noem ten minste één beginsel van behoorlijk bestuur dat wordt geschonden."]


def test_personal_data_in_any_published_field_is_refused_precisely(rem_velden):
    with pytest.raises(ValidationError) as fout:
        professional.trek_professional(anoniem=True, **{
            **rem_velden, "moet_stoppen": "Stop het stopzetten, zoals bij BSN 111222333.",
            "bewijs_toelichting": "Mail naar jan.jansen@example.nl voor de casus."})
    fouten = fout.value.message_dict
    assert "burgerservicenummer" in fouten["moet_stoppen"][0]
    assert "e-mailadres" in fouten["bewijs_toelichting"][0]


def test_evidence_signals_must_exist_and_be_visible(rem_velden, signaal, wereld):
    with pytest.raises(ValidationError) as fout:
        professional.trek_professional(anoniem=True, **{**rem_velden, "bewijs": "SIG-999999"})
    assert "SIG-999999" in fout.value.message_dict["bewijs"][0]
    rem, _ = professional.trek_professional(anoniem=True, **{**rem_velden, "bewijs": f"{signaal.kenmerk}, "})
    assert list(rem.noodrem.bewijs.all()) == [signaal]


def test_with_an_account_and_not_anonymous_the_filer_is_known_and_gets_no_code(rem_velden, wereld):
    signaal, code = professional.trek_professional(gebruiker=wereld.melder_cbr, anoniem=False, **rem_velden)
    assert code is None and signaal.indiener == wereld.melder_cbr
    assert signaal.indienende_organisatie == wereld.cbr  # their own, whatever the form said
    getrokken = Gebeurtenis.objects.get(signaal=signaal, actie="noodrem_getrokken")
    assert getrokken.actor_omschrijving.endswith("Centraal Bureau Rijvaardigheidsbewijzen")


def test_a_logged_in_user_may_still_pull_anonymously(rem_velden, wereld):
    signaal, code = professional.trek_professional(gebruiker=wereld.melder_cbr, anoniem=True, **rem_velden)
    assert code and signaal.indiener is None


def test_a_committee_clerk_cannot_pull_under_their_account(rem_velden, wereld):
    with pytest.raises(PermissionDenied):
        professional.trek_professional(gebruiker=wereld.griffie_szw, anoniem=False, **rem_velden)


def test_receipt_code_opens_the_brake_and_nothing_else(anonieme_rem):
    signaal, code = anonieme_rem
    assert berichten.open_met_code(code) == signaal
    assert berichten.open_met_code(code.lower().replace("-", " ")) == signaal  # typed loosely
    assert berichten.open_met_code("") is None
    assert berichten.open_met_code("0000-0000-0000-0000-0000") is None
    assert berichten.open_met_code(code[:-1]) is None


def test_receipt_code_survives_a_key_rotation_with_the_old_key_as_fallback(anonieme_rem, settings):
    signaal, code = anonieme_rem
    oude_sleutel = settings.SECRET_KEY
    settings.SECRET_KEY = "een-nieuwe-lange-willekeurige-sleutel-voor-de-test"
    settings.SECRET_KEY_FALLBACKS = []
    assert berichten.open_met_code(code) is None  # a new key alone cuts the filer off
    settings.SECRET_KEY_FALLBACKS = [oude_sleutel]
    assert berichten.open_met_code(code) == signaal


def test_receipt_codes_have_at_least_80_bits_and_differ():
    codes = {regels.nieuwe_code() for _ in range(200)}
    assert len(codes) == 200
    assert regels.TEKENS * 5 >= 80 and len(regels.ALFABET) == 32
    assert all(len(c.split("-")) == 5 for c in codes)


def test_message_thread_between_handler_and_anonymous_filer(anonieme_rem, wereld):
    signaal, _ = anonieme_rem
    vraag = berichten.bericht_van_behandelaar(signaal, actor=wereld.bestuur_uwv, tekst="Om welk team gaat het?")
    antwoord = berichten.bericht_van_melder(signaal, tekst="Het team in de regio Oost.")
    assert list(Bericht.objects.filter(signaal=signaal)) == [vraag, antwoord]
    assert Gebeurtenis.objects.get(actie="bericht_van_melder").actor_omschrijving == "anonieme melder"
    assert Melding.objects.filter(ontvanger=wereld.bestuur_uwv, onderwerp__startswith="Bericht van de melder").exists()
    with pytest.raises(PermissionDenied):
        berichten.bericht_van_behandelaar(signaal, actor=wereld.behandelaar_szw, tekst="Mag ik ook?")
    with pytest.raises(ValidationError):
        berichten.bericht_van_melder(signaal, tekst="   ")


def test_answers_are_guarded_for_personal_data_too(signaal, wereld):
    with pytest.raises(ValidationError) as fout:
        signaalservices.reageer(signaal, actor=wereld.behandelaar_szw, besluit="overnemen",
                                toelichting_tekst="Wij nemen het over; bel 06-12345678 voor vragen.",
                                toezeggingen=[signaalservices.NieuweToezegging(
                                    "Brief sturen naar Dorpsstraat 12, 1234 AB Ergens.", "Team brieven",
                                    dt.date(2026, 6, 1))])
    fouten = fout.value.message_dict
    assert "telefoonnummer" in fouten["toelichting"][0]
    assert "toezeggingen.0.omschrijving" in fouten
