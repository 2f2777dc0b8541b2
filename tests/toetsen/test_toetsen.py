"""Lifecycle of a proposal: registration, assessments, the minister's answer, escalation, re-opening."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.notificaties.models import Melding
from schakel.signalen.models import Besluit
from schakel.termijnen import kalender
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn
from schakel.toetsen import services
from schakel.toetsen.models import (
    Fase, Oordeel, TermijnUitkomst, ToetsStatus, VoorstelSoort, VoorstelStatus,
)
from schakel.toetsen.termijnen import run_toets_sweep
from tests.conftest import GOEDE_UITLEG

from .conftest import TOETS

pytestmark = pytest.mark.django_db


def _op(datum: dt.date):
    return clock.travel(dt.datetime(datum.year, datum.month, datum.day, 10, tzinfo=dt.timezone.utc))


def test_registration_asks_every_implementer_with_a_working_day_term(wereld, amendement):
    toetsen = list(amendement.uitvoeringstoetsen.order_by("organisatie__naam"))
    assert [t.organisatie for t in toetsen] == [wereld.svb, wereld.uwv]
    for toets in toetsen:
        t = toets.open_termijn()
        assert (t.fase, t.trede, t.organisatie, t.rol) == (Fase.BEOORDELING, Trede.BEHANDELAAR, toets.organisatie,
                                                           "behandelaar")
        # 30 working days after Wed 11 March 2026, Good Friday and Easter Monday skipped
        assert t.uiterste_datum == kalender.tel_werkdagen_op(dt.date(2026, 3, 11), 30) == dt.date(2026, 4, 24)
    assert Gebeurtenis.objects.voor_object(amendement).get().actie == "voorstel_geregistreerd"
    assert Melding.objects.filter(ontvanger=wereld.behandelaar_svb, link=f"/voorstellen/{amendement.uuid}").exists()


@pytest.mark.parametrize("kamerstuk", ["36123, nr. 5", "36 123 nr 5", "nr. 5", "36 123, nr. 0"])
def test_kamerstuk_number_is_validated(wereld, kamerstuk):
    with pytest.raises(ValidationError) as fout:
        services.registreer(actor=wereld.behandelaar_szw, soort=VoorstelSoort.MOTIE, kamerstuk=kamerstuk, titel="Motie",
                            omschrijving="Verzoekt de regering iets.", ministerie=wereld.szw,
                            kamercommissie=wereld.cie_szw, uitvoerders=[wereld.uwv])
    assert "kamerstuk" in fout.value.message_dict


def test_only_ministry_or_committee_registers_for_itself(wereld):
    kw = dict(soort=VoorstelSoort.MOTIE, kamerstuk="36 123, nr. 9", titel="Motie", omschrijving="Verzoekt iets.",
              ministerie=wereld.szw, kamercommissie=wereld.cie_szw, uitvoerders=[wereld.uwv])
    with pytest.raises(PermissionDenied):
        services.registreer(actor=wereld.melder_uwv, **kw)
    with pytest.raises(ValidationError) as fout:
        services.registreer(actor=wereld.behandelaar_ienw, **kw)
    assert "ministerie" in fout.value.message_dict
    motie = services.registreer(actor=wereld.griffie_szw, **kw)  # the committee registers a motion
    assert motie.uitvoeringstoetsen.count() == 1


def test_assessment_is_structured_and_starts_the_ministers_term(wereld, amendement):
    toets = amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv)
    with pytest.raises(PermissionDenied):
        services.dien_toets_in(toets, actor=wereld.behandelaar_svb, **TOETS)
    with pytest.raises(ValidationError) as fout:
        services.dien_toets_in(toets, actor=wereld.bestuur_uwv, **{**TOETS, "voorwaarden": "", "kosten_eenmalig": None,
                                                                   "risicos": ""})
    assert set(fout.value.message_dict) == {"voorwaarden", "kosten_eenmalig", "risicos"}
    with pytest.raises(ValidationError) as fout:
        services.dien_toets_in(toets, actor=wereld.bestuur_uwv,
                               **{**TOETS, "oordeel": "niet_uitvoerbaar", "dilemmas": "", "alternatieven": ""})
    assert "alternatieven" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:  # assessments are public: no personal data
        services.dien_toets_in(toets, actor=wereld.bestuur_uwv, **{**TOETS, "risicos": "Zie klant BSN 111222333."})
    assert "risicos" in fout.value.message_dict

    toets = services.dien_toets_in(toets, actor=wereld.bestuur_uwv, **{**TOETS, "afwijkend_standpunt": "Team X vindt "
                                                                                                  "zes maanden genoeg."})
    assert toets.status == ToetsStatus.INGEDIEND and toets.afwijkend_standpunt.startswith("Team X")
    beoordeling, antwoord = toets.termijnen.order_by("id")
    assert beoordeling.uitkomst == TermijnUitkomst.AFGEROND
    assert (antwoord.fase, antwoord.trede, antwoord.organisatie, antwoord.rol, antwoord.gesloten_op) == (
        Fase.ANTWOORD, Trede.BEWINDSPERSOON, wereld.szw, "bewindspersoon", None)
    assert antwoord.uiterste_datum == kalender.tel_werkdagen_op(dt.date(2026, 3, 11), 20)
    assert Melding.objects.filter(ontvanger=wereld.minister_szw).exists()
    with pytest.raises(ValidationError):  # once only
        services.dien_toets_in(toets, actor=wereld.bestuur_uwv, **TOETS)


def test_minister_complies_by_adopting_conditions_and_lead_time(wereld, amendement):
    toets = services.dien_toets_in(amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv),
                                   actor=wereld.bestuur_uwv, **TOETS)
    with pytest.raises(PermissionDenied):
        services.beantwoord(toets, actor=wereld.behandelaar_szw, besluit=Besluit.OVERNEMEN, toelichting_tekst="x",
                            ondertekend_door="Minister")
    with pytest.raises(ValidationError) as fout:
        services.beantwoord(toets, actor=wereld.minister_szw, besluit=Besluit.OVERNEMEN,
                            toelichting_tekst="We nemen het over.", ondertekend_door="Minister van SZW",
                            voorwaarden_overgenomen=False, invoeringsdatum=dt.date(2026, 9, 1))
    assert set(fout.value.message_dict) == {"voorwaarden_overgenomen", "invoeringsdatum"}
    antwoord = services.beantwoord(toets, actor=wereld.minister_szw, besluit=Besluit.OVERNEMEN,
                                   toelichting_tekst="We nemen het over.", ondertekend_door="Minister van SZW",
                                   voorwaarden_overgenomen=True, invoeringsdatum=dt.date(2027, 3, 11))
    toets.refresh_from_db()
    assert toets.status == ToetsStatus.BEANTWOORD and not antwoord.te_laat
    assert toets.open_termijn() is None
    amendement.refresh_from_db()
    assert amendement.status == VoorstelStatus.IN_TOETS  # SVB has not answered yet


def test_minister_explains_with_substance_or_not_at_all(wereld, amendement):
    toets = services.dien_toets_in(amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv),
                                   actor=wereld.bestuur_uwv, **TOETS)
    with pytest.raises(ValidationError) as fout:
        services.beantwoord(toets, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                            toelichting_tekst="Er is geen aanleiding om dit over te nemen.", ondertekend_door="M")
    assert "toelichting" in fout.value.message_dict
    services.beantwoord(toets, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                        toelichting_tekst=GOEDE_UITLEG, ondertekend_door="Minister van SZW")
    # the same explain for the other assessment is a copy, refused
    svb = services.dien_toets_in(amendement.uitvoeringstoetsen.get(organisatie=wereld.svb),
                                 actor=wereld.behandelaar_svb, **TOETS)
    with pytest.raises(ValidationError) as fout:
        services.beantwoord(svb, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                            toelichting_tekst=GOEDE_UITLEG, ondertekend_door="Minister van SZW")
    assert "(vrijwel) gelijk" in str(fout.value.message_dict["toelichting"])


def test_missing_answer_escalates_to_the_committee_once(wereld, amendement):
    toets = services.dien_toets_in(amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv),
                                   actor=wereld.bestuur_uwv, **TOETS)
    termijn = toets.open_termijn()
    with _op(termijn.uiterste_datum):
        assert run_toets_sweep().escalated == 0  # due today: not yet late
    with _op(termijn.uiterste_datum + dt.timedelta(days=1)):
        resultaat = run_toets_sweep()
        assert run_toets_sweep().escalated == 0  # idempotent
    # only UWV's answer (20 working days) is late; SVB's assessment term (30 working days) still runs
    assert resultaat.escalated == 1
    commissie = toets.open_termijn()
    assert (commissie.trede, commissie.organisatie, commissie.rol, commissie.eindtrede) == (
        Trede.KAMERCOMMISSIE, wereld.cie_szw, "griffie", True)
    assert Termijn.objects.get(pk=termijn.pk).uitkomst == TermijnUitkomst.GEESCALEERD
    assert Melding.objects.filter(ontvanger=wereld.griffie_szw, soort="geescaleerd").count() == 1
    assert Gebeurtenis.objects.voor_object(toets).filter(actie="toets_geescaleerd").count() == 1
    with _op(dt.date(2026, 12, 1)):
        run_toets_sweep()  # the committee is the last rung: it stays there
        assert toets.open_termijn().pk == commissie.pk
        antwoord = services.beantwoord(toets, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                                       toelichting_tekst=GOEDE_UITLEG, ondertekend_door="Minister van SZW")
    assert antwoord.te_laat
    assert Melding.objects.filter(ontvanger=wereld.griffie_szw, soort="beantwoord").exists()


def test_missing_assessment_climbs_the_implementers_ladder(wereld, amendement):
    toets = amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv)
    eerste = toets.open_termijn()
    with _op(eerste.uiterste_datum + dt.timedelta(days=3)):
        run_toets_sweep()
    bestuur = toets.open_termijn()
    assert (bestuur.fase, bestuur.trede, bestuur.organisatie) == (Fase.BEOORDELING, Trede.BESTUUR, wereld.uwv)
    assert Melding.objects.filter(ontvanger=wereld.bestuur_uwv, soort="geescaleerd").exists()


def test_a_change_reopens_the_check(wereld, amendement):
    uwv = services.dien_toets_in(amendement.uitvoeringstoetsen.get(organisatie=wereld.uwv),
                                 actor=wereld.bestuur_uwv, **{**TOETS, "oordeel": Oordeel.UITVOERBAAR, "voorwaarden": ""})
    with pytest.raises(PermissionDenied):
        services.wijzig(amendement, actor=wereld.behandelaar_ienw, omschrijving="x", reden="y" * 30)
    with pytest.raises(ValidationError) as fout:
        services.wijzig(amendement, actor=wereld.behandelaar_szw, omschrijving="Nieuw", reden="kort")
    assert "reden" in fout.value.message_dict
    voorstel = services.wijzig(amendement, actor=wereld.griffie_szw, kamerstuk="36 123, nr. 8",
                               omschrijving="Termijnen van ten hoogste 24 maanden.",
                               reden="Gewijzigd amendement: de terugbetaling is nu begrensd op 24 maanden.")
    assert (voorstel.ronde, voorstel.kamerstuk) == (2, "36 123, nr. 8")
    uwv.refresh_from_db()
    assert uwv.status == ToetsStatus.VERVALLEN and uwv.oordeel == Oordeel.UITVOERBAAR  # kept, visible
    assert uwv.open_termijn() is None
    assert voorstel.toetsen_in_ronde().count() == 2
    assert all(t.status == ToetsStatus.GEVRAAGD and t.open_termijn() for t in voorstel.toetsen_in_ronde())
    with pytest.raises(PermissionDenied):  # the old round can no longer be answered
        services.beantwoord(uwv, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                            toelichting_tekst=GOEDE_UITLEG, ondertekend_door="M")
