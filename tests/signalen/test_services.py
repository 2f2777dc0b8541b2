"""Use cases on signals through the service layer: routing, answers, versions, commitments."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.audit.models import Gebeurtenis
from schakel.signalen import services, toelichting
from schakel.signalen.models import Besluit, Niveau, Oorzaak, Reactie, ToezeggingStatus
from schakel.signalen.services import NieuweToezegging
from schakel.signalen.workflow import OngeldigeOvergang, Status
from tests.conftest import GOEDE_UITLEG

ANDERE_UITLEG = (
    "Het CBR kan keuringsartsen niet zelf aanwijzen; de Regeling eisen geschiktheid schrijft een "
    "specialistisch rapport voor. Wij onderzoeken met VWS of huisartsen dit mogen doen, maar dat "
    "vergt een wijziging van de regeling die pas in 2027 kan ingaan."
)


def toezegging(**kw):
    data = {"omschrijving": "Regeling aanpassen zodat terugbetaling in termijnen kan",
            "eigenaar": "Directie Arbeidsmarkt, SZW", "uiterlijk": dt.date(2026, 9, 1)}
    data.update(kw)
    return NieuweToezegging(**data)


def test_filing_records_events_and_routes_to_owner(signaal, wereld):
    assert signaal.indienende_organisatie == wereld.uwv
    assert signaal.eigenaar == wereld.szw
    assert signaal.status == Status.IN_BEHANDELING
    # 30 working days after Wed 11 March 2026 (Easter Monday 6 April and King's Day 27 April off)
    assert signaal.uiterste_reactiedatum == dt.date(2026, 4, 24)
    acties = list(Gebeurtenis.objects.filter(signaal=signaal).values_list("actie", flat=True))
    assert acties == ["ingediend", "gerouteerd"]
    assert signaal.zoektekst.startswith(" ") and " terugvordering " in signaal.zoektekst


def test_only_staff_of_an_organisation_may_file(wereld, db):
    from schakel.accounts.models import User

    zonder_org = User.objects.create_user("los", password="x")
    with pytest.raises(PermissionDenied):
        services.dien_in(indiener=zonder_org, titel="t", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="g in de uitvoering", regeling=wereld.wia)
    with pytest.raises(PermissionDenied):
        services.dien_in(indiener=wereld.griffie_szw, titel="t", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="g in de uitvoering",
                         regeling=wereld.wia)


def test_filing_for_another_organisation_is_refused(wereld):
    with pytest.raises(ValidationError) as e:
        services.dien_in(indiener=wereld.melder_uwv, indienende_organisatie=wereld.svb, titel="t",
                         praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="g in de uitvoering", regeling=wereld.wia)
    assert "indienende_organisatie" in e.value.message_dict


def test_filing_validates_fields_and_leaves_nothing_behind(wereld):
    with pytest.raises(ValidationError) as e:
        services.dien_in(indiener=wereld.melder_uwv, titel="", praktijk="x" * 10_001, getroffen_burgers="g in de uitvoering",
                         regeling=wereld.wia)
    assert {"titel", "praktijk"} <= set(e.value.message_dict)
    assert not Gebeurtenis.objects.exists()


def test_causes_are_stored(wereld):
    oorzaken = Oorzaak.objects.filter(code__in=["complexe-regels", "geen-evaluatie"])
    s = services.dien_in(indiener=wereld.melder_cbr, titel="Wachttijd keuring 75-plussers",
                         praktijk="Verlenging rijbewijs duurt maanden Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="75-plussers",
                         regeling=wereld.wvw, oorzaken=oorzaken)
    assert s.eigenaar == wereld.ienw
    assert set(s.oorzaken.values_list("code", flat=True)) == {"complexe-regels", "geen-evaluatie"}


def test_explain_answer_sets_status_and_keeps_text(signaal, wereld):
    reactie = services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                               toelichting_tekst=GOEDE_UITLEG)
    signaal.refresh_from_db()
    assert signaal.status == Status.BEANTWOORD
    assert signaal.beantwoord_op is not None
    assert (reactie.versie, reactie.organisatie, reactie.niveau) == (1, wereld.szw, Niveau.AMBTELIJK)


def test_comply_requires_commitments_with_owner_and_future_date(signaal, wereld):
    with pytest.raises(ValidationError) as e:
        services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.OVERNEMEN,
                         toelichting_tekst="We passen de regeling aan.")
    assert "toezeggingen" in e.value.message_dict

    with pytest.raises(ValidationError) as e:
        services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.OVERNEMEN,
                         toelichting_tekst="We passen de regeling aan.",
                         toezeggingen=[toezegging(eigenaar=" "), toezegging(uiterlijk=dt.date(2026, 3, 10)),
                                       toezegging(uiterlijk=None)])
    fouten = e.value.message_dict
    assert set(fouten) == {"toezeggingen.0.eigenaar", "toezeggingen.1.uiterlijk", "toezeggingen.2.uiterlijk"}
    assert "verleden" in fouten["toezeggingen.1.uiterlijk"][0]
    assert not Reactie.objects.exists()


def test_comply_with_commitments_and_fulfilment(signaal, wereld):
    reactie = services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.OVERNEMEN,
                               toelichting_tekst="We passen de regeling aan.", toezeggingen=[toezegging()])
    t = reactie.toezeggingen.get()
    assert t.status == ToezeggingStatus.OPEN and not t.is_verlopen
    with pytest.raises(PermissionDenied):
        services.rond_toezegging_af(t, actor=wereld.melder_uwv, toelichting_tekst="gedaan")
    with pytest.raises(ValidationError):
        services.rond_toezegging_af(t, actor=wereld.behandelaar_szw, toelichting_tekst="")
    services.rond_toezegging_af(t, actor=wereld.behandelaar_szw, toelichting_tekst="Regeling gepubliceerd.")
    t.refresh_from_db()
    assert t.status == ToezeggingStatus.NAGEKOMEN and t.nagekomen_op == dt.date(2026, 3, 11)
    with pytest.raises(ValidationError):
        services.rond_toezegging_af(t, actor=wereld.behandelaar_szw, toelichting_tekst="nogmaals")


def test_commitment_becomes_overdue_when_date_passes(signaal, wereld):
    from schakel.core import clock
    from schakel.signalen.models import Toezegging

    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.OVERNEMEN,
                     toelichting_tekst="We passen de regeling aan.", toezeggingen=[toezegging()])
    assert not Toezegging.objects.verlopen().exists()
    with clock.travel(dt.datetime(2026, 9, 2, 9, 0, tzinfo=dt.timezone.utc)):
        assert Toezegging.objects.verlopen().count() == 1
        assert Toezegging.objects.get().is_verlopen


def test_revision_is_a_new_version_and_keeps_the_old(signaal, wereld):
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                     toelichting_tekst=GOEDE_UITLEG)
    v2 = services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.OVERNEMEN,
                          toelichting_tekst="Na overleg met UWV toch overgenomen.", toezeggingen=[toezegging()])
    assert v2.versie == 2
    assert list(signaal.reacties.values_list("versie", "besluit")) == [(1, "niet_overnemen"), (2, "overnemen")]
    assert signaal.actuele_reactie() == v2
    assert list(Gebeurtenis.objects.filter(signaal=signaal).values_list("actie", flat=True))[-2:] == [
        "beantwoord", "herzien"]


def test_political_answer_needs_signatory_and_ministry(signaal, wereld):
    with pytest.raises(ValidationError) as e:
        services.reageer(signaal, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                         toelichting_tekst=GOEDE_UITLEG, niveau=Niveau.POLITIEK)
    assert "ondertekend_door" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        services.reageer(signaal, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                         toelichting_tekst=GOEDE_UITLEG, niveau=Niveau.AMBTELIJK)
    assert "niveau" in e.value.message_dict
    reactie = services.reageer(signaal, actor=wereld.minister_szw, besluit=Besluit.NIET_OVERNEMEN,
                               toelichting_tekst=GOEDE_UITLEG, niveau=Niveau.POLITIEK,
                               ondertekend_door="De minister van SZW")
    assert reactie.niveau == Niveau.POLITIEK


def test_copied_explain_from_other_signal_is_refused(signaal, wereld):
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                     toelichting_tekst=GOEDE_UITLEG)
    tweede = services.dien_in(indiener=wereld.melder_uwv, titel="Ander signaal", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                              getroffen_burgers="g in de uitvoering", regeling=wereld.wia)
    with pytest.raises(ValidationError) as e:
        services.reageer(tweede, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                         toelichting_tekst=GOEDE_UITLEG)
    assert signaal.kenmerk in " ".join(e.value.message_dict["toelichting"])
    # Revising one's own explain with the same words is not copying.
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                     toelichting_tekst=GOEDE_UITLEG)


def test_wrong_body_cannot_answer_and_unknown_decision_refused(signaal, wereld):
    for actor in (wereld.behandelaar_svb, wereld.melder_uwv, wereld.griffie_szw, wereld.behandelaar_ienw):
        with pytest.raises(PermissionDenied):
            services.reageer(signaal, actor=actor, besluit=Besluit.NIET_OVERNEMEN, toelichting_tekst=GOEDE_UITLEG)
    with pytest.raises(ValidationError) as e:
        services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="misschien", toelichting_tekst="x")
    assert "besluit" in e.value.message_dict


def test_forwarding_moves_ownership_before_answer_only(signaal, wereld):
    with pytest.raises(ValidationError) as e:
        services.stuur_door(signaal, naar=wereld.uwv, actor=wereld.behandelaar_szw, reden="  ")
    assert "reden" in e.value.message_dict
    with pytest.raises(ValidationError):
        services.stuur_door(signaal, naar=wereld.szw, actor=wereld.behandelaar_szw, reden="zelfde")
    with pytest.raises(ValidationError) as e:
        services.stuur_door(signaal, naar=wereld.cie_szw, actor=wereld.behandelaar_szw, reden="naar de Kamer")
    assert "Kamercommissie" in e.value.message_dict["naar"][0]
    services.stuur_door(signaal, naar=wereld.ienw, actor=wereld.behandelaar_szw,
                        reden="Gaat over de uitvoering door het CBR.")
    signaal.refresh_from_db()
    assert signaal.eigenaar == wereld.ienw
    with pytest.raises(PermissionDenied):
        services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                         toelichting_tekst=GOEDE_UITLEG)
    services.reageer(signaal, actor=wereld.behandelaar_ienw, besluit=Besluit.NIET_OVERNEMEN,
                     toelichting_tekst=ANDERE_UITLEG)
    signaal.refresh_from_db()
    with pytest.raises(OngeldigeOvergang):  # answered: no longer forwardable
        services.stuur_door(signaal, naar=wereld.szw, actor=wereld.behandelaar_ienw, reden="terug")


def test_answering_a_signal_that_was_never_routed_is_an_invalid_transition(wereld):
    from schakel.signalen import workflow
    from schakel.signalen.models import Signaal

    s = Signaal.objects.create(titel="t", praktijk="p Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="g in de uitvoering", regeling=wereld.wia,
                               indienende_organisatie=wereld.uwv, eigenaar=wereld.szw)
    assert s.status == Status.INGEDIEND
    with pytest.raises(OngeldigeOvergang):
        workflow.volgende_status(s.status, workflow.Actie.BEANTWOORD)


def test_personal_data_is_refused_with_exact_instructions(wereld):
    with pytest.raises(ValidationError) as e:
        services.dien_in(indiener=wereld.melder_uwv, titel="Mevrouw met BSN 111222333",
                         praktijk="Zij woont op de Dorpsstraat 12 en mailde jan@example.nl. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.",
                         getroffen_burgers="g in de uitvoering", regeling=wereld.wia)
    fouten = e.value.message_dict
    assert set(fouten) == {"titel", "praktijk"}
    assert "burgerservicenummer" in fouten["titel"][0]
    assert len(fouten["praktijk"]) == 2
    assert not Gebeurtenis.objects.exists()


def test_evasive_explain_is_refused_and_the_signals_own_words_count(signaal, wereld):
    ontwijkend = ("Het kabinet ziet op dit moment geen aanleiding om het beleid aan te passen en houdt daarom "
                  "vast aan de huidige wet- en regelgeving. Wij blijven de ontwikkelingen uiteraard nauwlettend volgen.")
    with pytest.raises(ValidationError) as e:
        services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                         toelichting_tekst=ontwijkend)
    assert e.value.message_dict["toelichting"][0].startswith("De reden is algemeen")
    # An answer in the signal's own words ("schulden", "terugbetalen", "problemen") is about this
    # signal, even without an article, a number or a because-clause.
    eigen = ("Mensen met schulden die ineens moeten terugbetalen, raken verder in de problemen. De teams maken "
             "met hen een betaalplan dat past bij wat zij per maand kunnen missen, en sturen dat mee met het besluit.")
    assert toelichting.is_ontwijkend(eigen)  # on its own it names nothing specific
    reactie = services.reageer(signaal, actor=wereld.behandelaar_szw, besluit=Besluit.NIET_OVERNEMEN,
                               toelichting_tekst=eigen)
    assert reactie.toelichting == eigen
