"""Lifecycle, recurrence, pseudonymisation and permissions of the Maatwerkplaats (services)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from schakel.audit.models import Gebeurtenis
from schakel.maatwerkplaats import herhaling, rechten, services
from schakel.maatwerkplaats.models import Casus, CasusStatus, Conclusie, Discipline, Reden, SolveCasus
from schakel.signalen.models import Signaal

from .conftest import CONCLUSIE, PERSOONSGEGEVENS, breng_in, doorloop_beraad, ken_fix_toe

pytestmark = pytest.mark.django_db


def acties(casus):
    return list(Gebeurtenis.objects.filter(object_type="maatwerkplaats.casus", object_id=str(casus.pk))
                .order_by("id").values_list("actie", flat=True))


def test_lifecycle_case_deliberation_fix_solve(team, casus):
    assert casus.status == CasusStatus.INGEBRACHT and casus.organisatie == team.uwv
    conclusie = doorloop_beraad(team, casus)
    casus.refresh_from_db()
    assert casus.status == CasusStatus.GECONCLUDEERD
    assert {b.code for b in conclusie.beginselen.all()} == {"evenredigheid", "zorgvuldigheid", "gelijkheid"}
    assert {d.discipline for d in conclusie.beraad.deelnemers.all()} == {Discipline.JURIDISCH, Discipline.FRONTLIJN}
    fix = ken_fix_toe(team, casus)
    casus.refresh_from_db()
    assert casus.status == CasusStatus.GEFIXT and fix.casus == casus

    tweede = breng_in(team.frontlijn_uwv, team.wia, titel="Weer een verrekening in één keer")
    solve = services.dien_solve_in(actor=team.frontlijn_uwv, casussen=[casus, tweede],
                                   titel="Verrekening WIA-voorschot in één keer treft mensen met schulden",
                                   getroffen_burgers="WIA-gerechtigden met een voorschot en schulden",
                                   verbetervoorstel="Verreken in termijnen naar draagkracht.")
    signaal = solve.signaal
    assert signaal.eigenaar == team.szw and signaal.regeling == team.wia and signaal.openbaar
    assert casus.kenmerk in signaal.praktijk and tweede.kenmerk in signaal.praktijk
    assert "1 burger kreeg al een fix" in signaal.praktijk and "24 maandelijkse termijnen" in signaal.praktijk
    assert set(SolveCasus.objects.filter(solve=solve).values_list("casus_id", flat=True)) == {casus.pk, tweede.pk}
    assert acties(casus) == ["casus_ingebracht", "beraad_gepland", "inbreng_gegeven", "inbreng_gegeven",
                             "conclusie_vastgesteld", "fix_toegekend", "solve_ingediend"]
    assert Gebeurtenis.objects.filter(actie="solve_ingediend", signaal=signaal).exists()


def test_solve_signal_holds_no_personal_data(team, casus):
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    solve = services.dien_solve_in(actor=team.melder_uwv, casussen=[casus], titel="Verrekening in één keer",
                                   getroffen_burgers="WIA-gerechtigden met schulden",
                                   toelichting="Zie de casus; de burger belde vanaf 06-12345678.")
    signaal = Signaal.objects.get(pk=solve.signaal_id)
    tekst = " ".join([signaal.titel, signaal.praktijk, signaal.getroffen_burgers, signaal.artikelen,
                      signaal.verbetervoorstel])
    for gegeven in PERSOONSGEGEVENS:
        assert gegeven not in tekst
    assert "Jansen" not in tekst and "K-88231" not in tekst
    assert "[verwijderd: bsn]" in signaal.praktijk
    # and the audit trail of everything holds codes, not the case's text
    for g in Gebeurtenis.objects.all():
        assert "123456782" not in str(g.na) + g.toelichting and "Jansen" not in str(g.na) + g.toelichting


def test_solve_text_typed_by_the_user_is_guarded_not_silently_published(team, casus):
    with pytest.raises(ValidationError) as fout:
        services.dien_solve_in(actor=team.melder_uwv, casussen=[casus], titel="Verrekening",
                               getroffen_burgers="Mevrouw met BSN 123456782")
    assert "getroffen_burgers" in fout.value.message_dict
    assert not Signaal.objects.exists()


def test_conclusion_needs_principles_and_views_from_two_disciplines(team, casus):
    beraad = services.plan_beraad(casus, actor=team.melder_uwv, gepland_op=dt.date(2026, 3, 13),
                                  deelnemers=[(team.jurist_uwv, Discipline.JURIDISCH),
                                              (team.frontlijn_uwv, Discipline.FRONTLIJN)])
    services.geef_inbreng(beraad, actor=team.jurist_uwv, standpunt="Onevenredig, zie Awb 3:4 lid 2.")
    with pytest.raises(ValidationError) as fout:
        services.stel_conclusie_vast(beraad, actor=team.jurist_uwv, tekst=CONCLUSIE, beginselen=[])
    assert set(fout.value.message_dict) == {"tekst", "beginselen"}
    with pytest.raises(ValidationError):
        services.geef_inbreng(beraad, actor=team.jurist_uwv, standpunt="Nog een keer mijn standpunt.")
    with pytest.raises(PermissionDenied):
        services.geef_inbreng(beraad, actor=team.bestuur_uwv, standpunt="Ik doe niet mee, maar toch.")


def test_deliberation_needs_several_disciplines_from_the_team(team, casus):
    with pytest.raises(ValidationError) as fout:
        services.plan_beraad(casus, actor=team.melder_uwv, gepland_op=dt.date(2026, 3, 13),
                             deelnemers=[(team.jurist_uwv, Discipline.JURIDISCH),
                                         (team.frontlijn_uwv, Discipline.JURIDISCH)])
    assert "deelnemers" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        services.plan_beraad(casus, actor=team.melder_uwv, gepland_op=dt.date(2026, 3, 13),
                             deelnemers=[(team.jurist_uwv, Discipline.JURIDISCH),
                                         (team.behandelaar_svb, Discipline.SOCIAAL)])
    assert "medewerkers van de organisatie" in str(fout.value)


def test_fix_only_after_a_conclusion_recommending_it_and_by_a_handler(team, casus):
    with pytest.raises(PermissionDenied):
        ken_fix_toe(team, casus)
    doorloop_beraad(team, casus, fix_aanbevolen=False)
    with pytest.raises(PermissionDenied):
        ken_fix_toe(team, casus)
    ander = breng_in(team.melder_uwv, team.wia)
    doorloop_beraad(team, ander)
    with pytest.raises(PermissionDenied):
        services.ken_fix_toe(ander, actor=team.frontlijn_uwv, wat="x", grondslag="awb_3_4", onderbouwing="y" * 30)
    ken_fix_toe(team, ander)
    with pytest.raises(ValidationError):
        ken_fix_toe(team, ander)


def test_recurrence_counts_same_regulation_and_reason_within_the_team(team, casus):
    assert herhaling.voor_casus(casus).aantal == 1
    tweede = breng_in(team.frontlijn_uwv, team.wia)
    breng_in(team.frontlijn_uwv, team.wia, reden=Reden.SAMENLOOP)          # other reason
    breng_in(team.frontlijn_uwv, team.wvw)                                 # other regulation
    breng_in(team.behandelaar_svb, team.wia)                               # other organisation
    stand = herhaling.voor_casus(tweede)
    assert stand.aantal == 2 and stand.bereikt and stand.fixes == 0 and not stand.ongelijke_behandeling
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    stand = herhaling.voor_casus(tweede)
    assert stand.fixes == 1 and stand.ongelijke_behandeling
    assert "ongelijke behandeling" in stand.melding
    groepen = herhaling.voor_organisatie(team.uwv.pk)
    assert [(g.regeling, g.reden, g.aantal, g.fixes, g.zonder_solve) for g in groepen] == [
        (team.wia, Reden.TERUGVORDERING, 2, 1, 2)]
    # the crossing is recorded once, on the case that reached the threshold
    assert Gebeurtenis.objects.filter(actie="herhaling_gesignaleerd").count() == 1
    services.dien_solve_in(actor=team.melder_uwv, casussen=[casus, tweede], titel="Verrekening in één keer",
                           getroffen_burgers="WIA-gerechtigden met schulden")
    assert not herhaling.voor_casus(tweede).ongelijke_behandeling
    assert herhaling.voor_organisatie(team.uwv.pk)[0].zonder_solve == 0


@override_settings(SCHAKEL_MAATWERK_HERHALINGSDREMPEL=3)
def test_threshold_is_configurable(team, casus):
    tweede = breng_in(team.frontlijn_uwv, team.wia)
    assert not herhaling.voor_casus(tweede).bereikt and herhaling.voor_organisatie(team.uwv.pk) == []
    derde = breng_in(team.frontlijn_uwv, team.wia)
    assert herhaling.voor_casus(derde).bereikt


def test_only_the_team_and_its_board_see_internal_cases(team, casus):
    alle = Casus.objects.all()
    for binnen in (team.melder_uwv, team.jurist_uwv, team.frontlijn_uwv, team.bestuur_uwv):
        assert list(rechten.zichtbare_casussen(binnen, alle)) == [casus]
    for buiten in (team.behandelaar_svb, team.behandelaar_szw, team.minister_szw, team.griffie_szw, team.melder_cbr):
        assert not rechten.zichtbare_casussen(buiten, alle).exists() and not rechten.mag_inzien(buiten, casus)
    with pytest.raises(PermissionDenied):
        services.plan_beraad(casus, actor=team.behandelaar_svb, gepland_op=dt.date(2026, 3, 13), deelnemers=[])
    with pytest.raises(PermissionDenied):
        services.dien_solve_in(actor=team.behandelaar_svb, casussen=[casus], titel="x", getroffen_burgers="y")
    with pytest.raises(PermissionDenied):
        breng_in(team.griffie_szw, team.wia)


def test_conclusions_visible_to_team_and_published_ones_to_everyone(team, casus):
    from django.contrib.auth.models import AnonymousUser

    intern = doorloop_beraad(team, casus, openbaar=False)
    ander = breng_in(team.melder_uwv, team.wia)
    gepubliceerd = doorloop_beraad(team, ander, openbaar=True)
    alle = Conclusie.objects.all()
    assert set(rechten.zichtbare_conclusies(team.bestuur_uwv, alle)) == {intern, gepubliceerd}
    assert list(rechten.zichtbare_conclusies(team.behandelaar_svb, alle)) == [gepubliceerd]
    assert list(rechten.zichtbare_conclusies(AnonymousUser(), alle)) == [gepubliceerd]


def test_casusprudentie_search_uses_dutch_stems_and_never_indexes_personal_data(team, casus):
    from schakel.signalen.zoeken import zoek

    conclusie = doorloop_beraad(team, casus)
    assert "123456782" not in conclusie.zoektekst and "jansen" not in conclusie.zoektekst
    assert list(zoek(Conclusie.objects.all(), "onevenredige verrekeningen")) == [conclusie]
    assert list(zoek(Conclusie.objects.all(), "evenredigheid")) == [conclusie]     # principle weighed
    assert not zoek(Conclusie.objects.all(), "kinderopvang").exists()
    assert not zoek(Conclusie.objects.all(), "123456782").exists()
