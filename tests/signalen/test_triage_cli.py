"""``schakel triage-lijst`` and ``schakel trieer``: the triage queue from the command line, with
the same permission rule as the web and API (``rechten.mag_trieren``) and the same service
(``services.trieer``: audit ``getrieerd`` with the router's advice, answer term)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from hypothesis import given, strategies as st

from schakel.signalen import cli, services
from schakel.signalen.models import Signaal
from schakel.signalen.workflow import Status

from tests.routermodel import PRAKTIJK_RIJBEWIJS

pytestmark = pytest.mark.django_db


def _wachtend(wereld, titel="Keuring rijbewijs ouderen duurt te lang", openbaar=True, **tekst):
    velden = {"praktijk": PRAKTIJK_RIJBEWIJS, "getroffen_burgers": "Bestuurders van 75 jaar en ouder",
              "verbetervoorstel": "Verleng het rijbewijs zolang de keuring loopt.", **tekst}
    return services.dien_in(indiener=wereld.melder_cbr, titel=titel, regeling=None, openbaar=openbaar, **velden)


def _run(*argumenten) -> str:
    uit = io.StringIO()
    call_command(*argumenten, stdout=uit, stderr=io.StringIO())
    return uit.getvalue()


# --- triage-lijst ------------------------------------------------------------------------------

def test_list_shows_waiting_signals_oldest_first_with_the_routers_advice(wereld, model, trieerder):
    eerste = _wachtend(wereld)
    tweede = _wachtend(wereld, titel="Rijexamen pas over maanden door tekort aan examinatoren", openbaar=False)
    services.dien_in(indiener=wereld.melder_uwv, titel="Routed at once", praktijk="WIA voorschot Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", regeling=wereld.wia,
                     getroffen_burgers="x in de uitvoering", verbetervoorstel="y")  # has an owner: not in the queue
    uitvoer = _run("triage_lijst", "--als", trieerder.username)
    regels = uitvoer.splitlines()
    assert regels[0].startswith(f"{eerste.kenmerk}  11-03-2026  cbr  Keuring rijbewijs")
    assert regels[1].startswith("    advies: ienw ") and "(zeker genoeg)" in regels[1]
    assert regels[2].startswith(f"{tweede.kenmerk} ")  # non-public waiting signals too, as on the web
    assert "Routed at once" not in uitvoer
    assert uitvoer.count("advies:") == 2


def test_list_without_a_model_says_so_and_an_empty_queue_says_empty(wereld, geen_model, trieerder):
    assert _run("triage_lijst", "--als", trieerder.username).strip() == "De triage is leeg."
    _wachtend(wereld, titel="Xqz vrrt plomf", praktijk="Qqq zzv xqj wrp tlk brrm snv qqz vvx jjk plm grr trk zzt qqp xxv brk sss lll mmm nnn ppp.",
              getroffen_burgers="Xxq vvz pprt", verbetervoorstel="Qq")
    assert "advies: geen (Schakel kan nog geen organisatie voorstellen" in _run("triage_lijst", "--als",
                                                                                  trieerder.username)
    _wachtend(wereld)  # names the driving licence: recognised without any model
    assert "advies: ienw" in _run("triage_lijst", "--als", trieerder.username)


def test_list_is_capped_and_says_there_is_more(wereld, geen_model, trieerder):
    for i in range(3):
        _wachtend(wereld, titel=f"Keuring rijbewijs ouderen duurt te lang, geval {i}")
    uitvoer = _run("triage_lijst", "--als", trieerder.username, "--aantal", "2")
    assert uitvoer.count("advies:") == 2 and "--aantal 4" in uitvoer


@pytest.mark.parametrize("wie", ["behandelaar-ienw", "melder-cbr", "minister-szw", "niemand"])
def test_list_refuses_users_who_may_not_triage(wereld, geen_model, wie):
    _wachtend(wereld)
    with pytest.raises(CommandError) as fout:
        _run("triage_lijst", "--als", wie)
    assert wie in str(fout.value)
    assert ("mag niet triëren" in str(fout.value)) is (wie != "niemand")


def test_without_als_the_login_name_is_used(wereld, geen_model, trieerder, monkeypatch):
    monkeypatch.setattr(cli.getpass, "getuser", lambda: trieerder.username)
    assert _run("triage_lijst").strip() == "De triage is leeg."
    monkeypatch.setattr(cli.getpass, "getuser", lambda: "root")
    with pytest.raises(CommandError, match="Er is geen gebruiker 'root'"):
        _run("triage_lijst")


# --- trieer ------------------------------------------------------------------------------------

def test_trieer_routes_through_the_service_with_audit_and_term(wereld, model, trieerder):
    signaal = _wachtend(wereld)
    uitvoer = _run("trieer", signaal.kenmerk.lower(), "--naar", "IenW", "--reden", "Rijbewijzen: Wegenverkeerswet.",
                   "--regeling", "bwbr0006622", "--als", trieerder.username)
    signaal.refresh_from_db()
    assert signaal.eigenaar == wereld.ienw and signaal.regeling == wereld.wvw
    assert signaal.status == Status.IN_BEHANDELING and signaal.uiterste_reactiedatum is not None
    assert uitvoer.strip() == (f"{signaal.kenmerk} is toegewezen aan {wereld.ienw.naam} (ienw); de reactietermijn "
                               f"loopt tot {signaal.uiterste_reactiedatum:%d-%m-%Y}. Regeling: BWBR0006622.")
    g = signaal.gebeurtenissen.get(actie="getrieerd")
    assert g.actor_id == trieerder.pk
    assert g.na["eigenaar"] == "ienw" and g.na["regeling"] == "BWBR0006622"
    assert g.na["advies_gevolgd"] is True and g.na["advies"]["eigenaren"][0]["eigenaar"] == "ienw"
    with pytest.raises(CommandError, match="al toegewezen aan"):
        _run("trieer", signaal.kenmerk, "--naar", "szw", "--reden", "Nog eens", "--als", trieerder.username)


def test_trieer_refuses_users_who_may_not_triage_and_changes_nothing(wereld, geen_model):
    signaal = _wachtend(wereld)
    with pytest.raises(CommandError, match="'behandelaar-ienw' mag niet triëren"):
        _run("trieer", signaal.kenmerk, "--naar", "ienw", "--reden", "Rijbewijzen", "--als", "behandelaar-ienw")
    assert Signaal.objects.get(pk=signaal.pk).eigenaar is None
    assert not signaal.gebeurtenissen.filter(actie="getrieerd").exists()


@pytest.mark.parametrize(("argumenten", "melding"), [
    (["--naar", "onbekend", "--reden", "x"], "--naar: onbekende organisatie 'onbekend'"),
    (["--naar", "cie-ienw", "--reden", "x"], "--naar: "),
    (["--naar", "ienw", "--reden", "   "], "--reden: Geef aan waarom"),
    (["--naar", "ienw", "--reden", "x", "--regeling", "WVW"], "--regeling: 'WVW' is geen BWB-id"),
    (["--naar", "ienw", "--reden", "x", "--regeling", "BWBR9999999"], "--regeling: onbekende regeling"),
])
def test_trieer_bad_input_gives_a_clear_dutch_message(wereld, geen_model, trieerder, argumenten, melding):
    signaal = _wachtend(wereld)
    with pytest.raises(CommandError) as fout:
        _run("trieer", signaal.kenmerk, *argumenten, "--als", trieerder.username)
    assert melding in str(fout.value)
    assert Signaal.objects.get(pk=signaal.pk).eigenaar is None


def test_trieer_unknown_or_invisible_signal(wereld, geen_model, trieerder, signaal):
    with pytest.raises(CommandError, match="bestaat niet"):
        _run("trieer", f"SIG-{signaal.pk + 1000:06d}", "--naar", "ienw", "--reden", "x", "--als", trieerder.username)
    with pytest.raises(CommandError, match="geen kenmerk"):
        _run("trieer", "SIG-abc", "--naar", "ienw", "--reden", "x", "--als", trieerder.username)


@given(st.integers(min_value=1, max_value=999_999_999), st.sampled_from(["SIG-{:06d}", "sig-{}", "{}", "SIG{:09d}"]))
def test_kenmerk_forms(nummer, vorm):
    assert cli.signaalnummer(vorm.format(nummer)) == nummer


def test_bad_input_exits_non_zero_from_the_command_line(wereld, geen_model, trieerder, capsys):
    signaal = _wachtend(wereld)
    with pytest.raises(SystemExit) as exit:
        ManagementUtility(["schakel", "trieer", signaal.kenmerk, "--naar", "onbekend", "--reden", "x",
                           "--als", trieerder.username]).execute()
    assert exit.value.code == 1
    assert "--naar: onbekende organisatie 'onbekend'" in capsys.readouterr().err
