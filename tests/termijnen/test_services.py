"""The first term, extensions (and every way to get them wrong), answering and forwarding."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schakel.audit.models import Gebeurtenis
from schakel.notificaties.models import Melding, Soort
from schakel.signalen import services as signalen
from schakel.termijnen import services
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn, Termijninstelling, Uitkomst

from ..conftest import GOEDE_UITLEG

D = dt.date
REDEN = "De uitvoeringsgegevens van UWV over 2025 komen pas eind april beschikbaar; die zijn nodig."


def test_routing_starts_the_first_term(signaal, wereld):
    termijn = Termijn.objects.get(signaal=signaal)
    assert (termijn.trede, termijn.organisatie, termijn.rol) == (Trede.BEHANDELAAR, wereld.szw, "behandelaar")
    assert termijn.werkdagen == 30
    assert termijn.uiterste_datum == termijn.oorspronkelijke_uiterste_datum == D(2026, 4, 24)
    assert termijn.gestart_op == signaal.ingediend_op
    assert not termijn.eindtrede and termijn.is_open
    assert signaal.uiterste_reactiedatum == D(2026, 4, 24)
    assert signaal.escalatietrede == Trede.BEHANDELAAR
    melding = Melding.objects.get(ontvanger=wereld.behandelaar_szw)
    assert melding.soort == Soort.TE_BEANTWOORDEN
    assert "24 april 2026" in melding.tekst
    assert melding.link == f"/signalen/{signaal.uuid}"


def test_noodrem_goes_straight_to_the_board_with_the_shortest_term(wereld, bestuurders):
    noodrem = signalen.dien_in(
        indiener=wereld.melder_uwv, soort="noodrem", titel="Noodrem: stopzetting uitkeringen zonder hoorzitting",
        praktijk="Uitkeringen worden stopgezet voordat de burger is gehoord. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="WIA-gerechtigden",
        regeling=wereld.wia)
    termijn = Termijn.objects.get(signaal=noodrem)
    assert (termijn.trede, termijn.organisatie, termijn.rol, termijn.werkdagen) == (
        Trede.BESTUUR, wereld.szw, "bestuur", 5)
    assert noodrem.uiterste_reactiedatum == D(2026, 3, 18)
    assert Melding.objects.filter(ontvanger=wereld.bestuur_szw, soort=Soort.TE_BEANTWOORDEN).exists()
    with pytest.raises(ValidationError) as fout:
        services.verleng(noodrem, actor=wereld.behandelaar_szw, tot=D(2026, 3, 25), reden=REDEN)
    assert "noodrem" in fout.value.message_dict["termijn"][0]


def test_per_organisation_term_applies_to_the_owner(wereld):
    Termijninstelling.objects.create(organisatie=wereld.ienw, signaal=10)
    signaal = signalen.dien_in(indiener=wereld.melder_cbr, titel="Medische keuring 75-plussers duurt maanden",
                               praktijk="Wachttijden bij het CBR. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="75-plussers",
                               regeling=wereld.wvw)
    assert signaal.uiterste_reactiedatum == D(2026, 3, 25)


def test_extension_once_with_a_public_reason(signaal, wereld):
    termijn = services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 5, 22), reden=REDEN)
    signaal.refresh_from_db()
    assert termijn.uiterste_datum == signaal.uiterste_reactiedatum == D(2026, 5, 22)
    assert termijn.oorspronkelijke_uiterste_datum == D(2026, 4, 24)
    assert termijn.verlenging_reden == REDEN and termijn.verlengd_door == wereld.behandelaar_szw
    gebeurtenis = Gebeurtenis.objects.get(signaal=signaal, actie="termijn_verlengd")
    assert gebeurtenis.toelichting == REDEN
    assert gebeurtenis.na["uiterste_reactiedatum"] == "2026-05-22"
    assert Melding.objects.filter(ontvanger=wereld.melder_uwv, soort=Soort.TERMIJN_VERLENGD).exists()
    status = services.status_van(signaal)
    assert status.tekst.startswith("Termijn verlengd tot 22 mei 2026 (was 24 april 2026). Reden: De uitvoering")

    with pytest.raises(ValidationError) as fout:
        services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 5, 26), reden=REDEN)
    assert "al eens verlengd" in fout.value.message_dict["termijn"][0]


def test_extension_at_most_four_weeks(signaal, wereld):
    # 20 working days after 24 April 2026, skipping King's Day, Liberation Day (every year
    # under the Algemene termijnenwet), Ascension Day, the Friday after it and Whit Monday.
    assert services.maximale_verlengdatum(Termijn.objects.get(signaal=signaal), "signaal") == D(2026, 5, 29)
    with pytest.raises(ValidationError) as fout:
        services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 6, 1), reden=REDEN)
    assert fout.value.message_dict["tot"] == [
        "Verlengen kan met ten hoogste 20 werkdagen: uiterlijk tot 29-05-2026."]
    services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 5, 27), reden=REDEN)


@pytest.mark.parametrize("tot, reden, veld, melding", [
    (D(2026, 5, 20), "", "reden", "Geef een reden"),
    (D(2026, 5, 20), "   ", "reden", "Geef een reden"),
    (D(2026, 5, 20), "Drukte.", "reden", "ten minste 20 tekens"),
    (D(2026, 5, 20), "x" * 2001, "reden", "te lang"),
    (None, REDEN, "tot", "Kies de nieuwe uiterste datum"),
    (D(2026, 3, 10), REDEN, "tot", "ligt in het verleden"),
    (D(2026, 4, 24), REDEN, "tot", "na de huidige uiterste datum (24-04-2026)"),
    (D(2026, 5, 14), REDEN, "tot", "geen werkdag (Hemelvaartsdag)"),
    (D(2026, 5, 16), REDEN, "tot", "geen werkdag (zaterdag)"),
])
def test_bad_extensions_are_refused_without_changing_anything(signaal, wereld, tot, reden, veld, melding):
    with pytest.raises(ValidationError) as fout:
        services.verleng(signaal, actor=wereld.behandelaar_szw, tot=tot, reden=reden)
    assert melding in " ".join(fout.value.message_dict[veld])
    termijn = Termijn.objects.get(signaal=signaal)
    assert termijn.uiterste_datum == D(2026, 4, 24) and not termijn.is_verlengd
    signaal.refresh_from_db()
    assert signaal.uiterste_reactiedatum == D(2026, 4, 24)
    assert not Gebeurtenis.objects.filter(actie="termijn_verlengd").exists()


def test_only_the_owner_may_extend(signaal, wereld):
    for actor in (wereld.behandelaar_svb, wereld.melder_uwv, wereld.griffie_szw):
        with pytest.raises(PermissionDenied):
            services.verleng(signaal, actor=actor, tot=D(2026, 5, 20), reden=REDEN)


def test_extension_on_the_last_day_is_allowed(signaal, wereld, ga_naar):
    ga_naar(D(2026, 4, 24))
    services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 5, 20), reden=REDEN)  # last day: fine


def test_no_extension_once_overdue(signaal, wereld, ga_naar):
    ga_naar(D(2026, 4, 28))
    with pytest.raises(ValidationError) as fout:
        services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 5, 20), reden=REDEN)
    assert "24 april 2026 verstreken" in fout.value.message_dict["termijn"][0]


def test_no_extension_of_an_answered_signal(signaal, wereld):
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    with pytest.raises(ValidationError) as fout:
        services.verleng(signaal, actor=wereld.behandelaar_szw, tot=D(2026, 5, 20), reden=REDEN)
    assert "geen termijn" in fout.value.message_dict["termijn"][0]


def test_an_answer_closes_the_term_and_tells_the_filer(signaal, wereld):
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    termijn = Termijn.objects.get(signaal=signaal)
    assert termijn.uitkomst == Uitkomst.BEANTWOORD and termijn.gesloten_op is not None
    signaal.refresh_from_db()
    assert signaal.termijn_overschreden_op is None
    assert services.status_van(signaal).tekst == "Beantwoord op 11 maart 2026, binnen de termijn."
    assert Melding.objects.filter(ontvanger=wereld.melder_uwv, soort=Soort.BEANTWOORD).exists()


def test_a_late_answer_before_the_sweep_is_recorded_as_late(signaal, wereld, ga_naar):
    ga_naar(D(2026, 4, 29))
    signalen.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    signaal.refresh_from_db()
    assert signaal.termijn_overschreden_op == D(2026, 4, 24)
    assert services.status_van(signaal).tekst == (
        "Beantwoord op 29 april 2026, 2 werkdagen na de uiterste reactiedatum van 24 april 2026.")


def test_forwarding_keeps_the_deadline_and_asks_the_new_owner(signaal, wereld, bestuurders):
    signalen.stuur_door(signaal, naar=wereld.uwv, actor=wereld.behandelaar_szw,
                        reden="UWV voert de WIA uit en kan de terugvordering zelf aanpassen.")
    termijn = Termijn.objects.get(signaal=signaal)
    assert (termijn.organisatie, termijn.trede, termijn.uiterste_datum) == (wereld.uwv, 1, D(2026, 4, 24))
    assert not termijn.eindtrede
    assert Melding.objects.filter(ontvanger=wereld.behandelaar_uwv, soort=Soort.TE_BEANTWOORDEN).exists()
