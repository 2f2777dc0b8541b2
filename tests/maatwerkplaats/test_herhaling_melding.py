"""Recurrence in the inbox (once per crossing into unequal treatment) and the solve's addressee:
the team's own board (internal, board rung) or the ministry responsible for the regulation."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, example, given, settings, strategies as st

from schakel.audit.models import Gebeurtenis
from schakel.maatwerkplaats import herhaling, services
from schakel.maatwerkplaats.models import Geadresseerde, Herhalingsmelding, Reden
from schakel.notificaties.models import Melding, Soort
from schakel.signalen import rechten as signaalrechten
from schakel.signalen.models import Signaal
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn

from .conftest import breng_in, doorloop_beraad, ken_fix_toe

pytestmark = pytest.mark.django_db


def herhalingsmeldingen():
    return Melding.objects.filter(soort=Soort.HERHALING)


def dien_solve_in(w, casussen, geadresseerde=Geadresseerde.MINISTERIE):
    return services.dien_solve_in(actor=w.melder_uwv, casussen=casussen, titel="Verrekening in één keer",
                                  getroffen_burgers="WIA-gerechtigden met schulden", geadresseerde=geadresseerde)


def test_team_and_board_hear_once_when_fixes_become_unequal_treatment(team, casus):
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    assert not herhalingsmeldingen().exists()  # one case: no recurrence

    tweede = breng_in(team.frontlijn_uwv, team.wia)  # similar, and the first got a fix: crossing
    ontvangers = set(herhalingsmeldingen().values_list("ontvanger__username", flat=True))
    assert ontvangers == {"melder-uwv", "bestuur-uwv", "jurist-uwv", "frontlijn-uwv"}
    melding = herhalingsmeldingen().first()
    assert melding.link == f"/maatwerkplaats/casussen/{tweede.uuid}"
    assert "ongelijke behandeling" in melding.tekst and casus.kenmerk in melding.tekst
    assert "123456782" not in melding.tekst + melding.onderwerp and "Jansen" not in melding.tekst
    assert Gebeurtenis.objects.filter(actie="herhaling_gemeld").count() == 1

    breng_in(team.frontlijn_uwv, team.wia)  # still the same crossing: nothing new
    breng_in(team.behandelaar_svb, team.wia)  # another organisation: not this team's group
    assert herhalingsmeldingen().count() == 4
    assert Gebeurtenis.objects.filter(actie="herhaling_gemeld").count() == 1

    dien_solve_in(team, herhaling.voor_casus(casus).casussen)  # a solve covers the group: the crossing closes
    assert Herhalingsmelding.objects.get().afgesloten_op is not None
    assert Gebeurtenis.objects.filter(actie="herhaling_afgesloten").count() == 1

    breng_in(team.melder_uwv, team.wia)  # a new similar case after the solve: a new crossing
    assert herhalingsmeldingen().count() == 8
    assert Herhalingsmelding.objects.filter(afgesloten_op__isnull=True).count() == 1


def test_the_crossing_can_come_from_the_fix(team, casus):
    breng_in(team.frontlijn_uwv, team.wia)
    breng_in(team.frontlijn_uwv, team.wia, reden=Reden.SAMENLOOP)
    assert not herhalingsmeldingen().exists()  # recurrence, but no fix yet: no unequal treatment
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    assert herhalingsmeldingen().count() == 4
    assert Herhalingsmelding.objects.get().casus == casus


def test_signalling_twice_is_harmless(team, casus):
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    tweede = breng_in(team.frontlijn_uwv, team.wia)
    assert services.signaleer_herhaling(tweede) is None
    assert services.signaleer_herhaling(casus) is None
    assert herhalingsmeldingen().count() == 4 and Herhalingsmelding.objects.count() == 1


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stappen=st.lists(st.sampled_from(["casus", "fix", "solve"]), min_size=1, max_size=7))
@example(stappen=["casus", "fix", "casus", "casus", "fix", "solve", "casus"])
def test_one_notification_round_per_crossing(team, stappen):
    """Whatever the order of new cases, fixes and solves: a round of notifications exactly when
    the group turns into unequal treatment, never while it stays there."""
    from django.db import transaction

    with transaction.atomic():
        sid = transaction.savepoint()
        casussen, beraden, rondes, was = [], set(), 0, False
        for stap in stappen:
            if stap == "casus":
                casussen.append(breng_in(team.frontlijn_uwv, team.wia))
            elif stap == "fix":
                zonder = [c for c in casussen if c.pk not in beraden]
                if not zonder:
                    continue
                beraden.add(zonder[0].pk)
                doorloop_beraad(team, zonder[0])
                ken_fix_toe(team, zonder[0])
            elif casussen:
                dien_solve_in(team, casussen, Geadresseerde.BESTUUR)
            nu = herhaling.voor_casus(casussen[0]).ongelijke_behandeling if casussen else False
            rondes += int(nu and not was)
            was = nu
        assert Gebeurtenis.objects.filter(actie="herhaling_gemeld").count() == rondes
        assert herhalingsmeldingen().count() == 4 * rondes
        transaction.savepoint_rollback(sid)


def test_solve_to_the_own_board_starts_at_the_board_and_stays_internal(team, casus):
    doorloop_beraad(team, casus)
    ken_fix_toe(team, casus)
    solve = dien_solve_in(team, [casus], Geadresseerde.BESTUUR)
    signaal = Signaal.objects.get(pk=solve.signaal_id)
    assert solve.geadresseerde == Geadresseerde.BESTUUR
    assert signaal.eigenaar == team.uwv and not signaal.openbaar and signaal.escalatietrede == Trede.BESTUUR
    termijn = Termijn.objects.get(signaal=signaal)
    assert (termijn.trede, termijn.organisatie, termijn.rol) == (Trede.BESTUUR, team.uwv, "bestuur")
    assert signaal.uiterste_reactiedatum == termijn.uiterste_datum
    te_beantwoorden = Melding.objects.filter(soort=Soort.TE_BEANTWOORDEN, signaal=signaal)
    assert set(te_beantwoorden.values_list("ontvanger__username", flat=True)) == {"bestuur-uwv"}
    for wie, ziet in ((team.melder_uwv, True), (team.bestuur_uwv, True), (team.behandelaar_szw, True),
                      (team.behandelaar_svb, False), (team.melder_cbr, False)):
        assert signaalrechten.mag_inzien(wie, signaal) is ziet, wie
    assert signaalrechten.mag_beantwoorden(team.bestuur_uwv, signaal)
    assert not signaalrechten.mag_beantwoorden(team.behandelaar_szw, signaal)
    gerouteerd = Gebeurtenis.objects.get(actie="gerouteerd", signaal=signaal)
    assert "bestuur van" in gerouteerd.toelichting
    assert Gebeurtenis.objects.get(actie="solve_ingediend", signaal=signaal).na["geadresseerde"] == "bestuur"


def test_solve_to_the_ministry_is_public_at_its_handlers(team, casus):
    solve = dien_solve_in(team, [casus], Geadresseerde.MINISTERIE)
    signaal = Signaal.objects.get(pk=solve.signaal_id)
    assert signaal.eigenaar == team.szw and signaal.openbaar and signaal.escalatietrede == Trede.BEHANDELAAR
    termijn = Termijn.objects.get(signaal=signaal)
    assert (termijn.trede, termijn.organisatie) == (Trede.BEHANDELAAR, team.szw)
    assert signaalrechten.mag_inzien(team.melder_cbr, signaal)


def test_the_addressee_must_be_chosen_from_the_list(team, casus):
    with pytest.raises(ValidationError) as fout:
        dien_solve_in(team, [casus], "kamercommissie")
    assert "geadresseerde" in fout.value.message_dict and not Signaal.objects.exists()
