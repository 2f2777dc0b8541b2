"""The term engine on its own (schakel.termijnen.engine): a kind of term registered by a test,
its ladder and working days, extension, suspension and resumption, and the one sweep
(idempotent, resumable, crash-safe, safe to run concurrently)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from hypothesis import given, settings as hsettings, strategies as st

from schakel.accounts.models import Rol
from schakel.audit.models import Gebeurtenis
from schakel.core import clock
from schakel.notificaties.models import Melding
from schakel.signalen.models import Signaal
from schakel.termijnen import engine, kalender
from schakel.termijnen.ladder import Adres, Trede
from schakel.termijnen.models import Termijn, Uitkomst

from .conftest import op

D = dt.date
WERKDAGEN = {Trede.BEHANDELAAR: 5, Trede.BESTUUR: 3, Trede.BEWINDSPERSOON: 2}


class ProefTermijnen(engine.Termijnsoort):
    """A test kind on signals: team → board → minister of the owner, with fixed working days."""

    code = "proef"
    label = "Proef"
    onderwerp = "signaal"
    velden = ("signaal__titel",)

    def context(self, rij, run):
        return rij.organisatie_id

    def treden(self, organisatie_id):
        return [Adres(int(t), organisatie_id, rol) for t, rol in (
            (Trede.BEHANDELAAR, Rol.BEHANDELAAR), (Trede.BESTUUR, Rol.BESTUUR),
            (Trede.BEWINDSPERSOON, Rol.BEWINDSPERSOON))]

    def werkdagen(self, adres, ctx, *, eerste, run=None):
        return WERKDAGEN[adres.trede]

    def max_verlenging(self, termijn):
        return 4

    def na_escalatie(self, run, escalaties):
        return [engine.gebeurtenis(run, "proef_geescaleerd", "signalen.signaal", e.rij.onderwerp_id,
                                   e.rij.onderwerp_id, voor={"trede": e.rij.trede}, na={"trede": e.naar.trede},
                                   toelichting=e.rij.extra[0])
                for e in escalaties], []


PROEF = ProefTermijnen()


@pytest.fixture
def proef(monkeypatch):
    monkeypatch.setattr(engine, "_SOORTEN", dict(engine._SOORTEN))
    engine.registreer(PROEF)
    return PROEF


def _start(wereld, aantal: int, moment: dt.datetime) -> list[Termijn]:
    clock.freeze(moment)
    termijnen = []
    for i in range(aantal):
        signaal = Signaal.objects.create(titel=f"Proef {i}", praktijk="p", getroffen_burgers="g",
                                         regeling=wereld.wia, indienende_organisatie=wereld.uwv,
                                         ingediend_op=moment)
        termijnen.append(engine.start(PROEF, signaal, PROEF.treden(wereld.szw.pk)[0], ctx=wereld.szw.pk))
    return termijnen


def test_a_term_climbs_its_ladder_with_the_working_days_of_each_rung(proef, wereld, ga_naar):
    (t,) = _start(wereld, 1, op(D(2026, 4, 20)))  # Monday; 5 working days, King's Day (27th) skipped
    assert (t.trede, t.uiterste_datum, t.eindtrede) == (Trede.BEHANDELAAR, D(2026, 4, 28), False)
    ga_naar(D(2026, 4, 28))
    assert engine.sweep(["proef"]).escalated == 0  # due today: not yet overdue
    ga_naar(D(2026, 4, 29))
    assert engine.sweep(["proef"]).escalated == 1
    bestuur = Termijn.objects.get(signaal=t.signaal, gesloten_op__isnull=True)
    assert (bestuur.soort, bestuur.trede, bestuur.rol, bestuur.werkdagen) == ("proef", Trede.BESTUUR, Rol.BESTUUR, 3)
    assert bestuur.uiterste_datum == kalender.tel_werkdagen_op(D(2026, 4, 29), 3) == D(2026, 5, 4)
    assert Termijn.objects.get(pk=t.pk).uitkomst == Uitkomst.GEESCALEERD
    ga_naar(D(2026, 5, 5))
    assert engine.sweep(["proef"]).per_rung == {Trede.BEWINDSPERSOON: 1}
    top = Termijn.objects.get(signaal=t.signaal, gesloten_op__isnull=True)
    assert (top.trede, top.eindtrede) == (Trede.BEWINDSPERSOON, True)
    ga_naar(D(2026, 6, 1))
    assert engine.sweep(["proef"]).escalated == 0  # the last rung stays
    assert Gebeurtenis.objects.filter(actie="proef_geescaleerd").count() == 2


def test_the_sweep_is_idempotent_and_touches_only_its_own_kind(proef, wereld, ga_naar):
    _start(wereld, 3, op(D(2026, 4, 20)))
    ga_naar(D(2026, 4, 29))
    assert engine.sweep(["proef"]).escalated == 3
    voor = (Termijn.objects.count(), Gebeurtenis.objects.count(), Melding.objects.count())
    assert engine.sweep(["proef"]).escalated == 0
    assert engine.sweep().escalated == 0  # all kinds: nothing else is due
    assert (Termijn.objects.count(), Gebeurtenis.objects.count(), Melding.objects.count()) == voor


def test_a_crash_mid_run_keeps_committed_batches_and_the_next_run_resumes(proef, wereld, ga_naar, monkeypatch):
    _start(wereld, 5, op(D(2026, 4, 20)))
    ga_naar(D(2026, 4, 29))
    echte = ProefTermijnen.na_escalatie
    batches = []

    def kapot_in_de_tweede_batch(self, run, escalaties):
        batches.append(len(escalaties))
        if len(batches) == 2:
            raise RuntimeError("crash")
        return echte(self, run, escalaties)

    monkeypatch.setattr(ProefTermijnen, "na_escalatie", kapot_in_de_tweede_batch)
    with pytest.raises(RuntimeError):
        engine.sweep(["proef"], batch_size=2)
    assert Termijn.objects.filter(soort="proef", trede=Trede.BESTUUR).count() == 2  # batch 1 kept, 2 rolled back
    assert Gebeurtenis.objects.filter(actie="proef_geescaleerd").count() == 2
    monkeypatch.setattr(ProefTermijnen, "na_escalatie", echte)
    assert engine.sweep(["proef"], batch_size=2).escalated == 3
    assert Termijn.objects.filter(soort="proef", trede=Trede.BESTUUR).count() == 5
    assert Termijn.objects.filter(soort="proef", gesloten_op__isnull=True).count() == 5


def test_a_stopped_sweep_resumes(proef, wereld, ga_naar):
    _start(wereld, 5, op(D(2026, 4, 20)))
    ga_naar(D(2026, 4, 29))
    assert engine.sweep(["proef"], batch_size=2, max_batches=1).escalated == 2
    assert engine.sweep(["proef"], batch_size=2).escalated == 3


def test_extension_follows_the_kinds_rule(proef, wereld):
    (t,) = _start(wereld, 1, op(D(2026, 4, 20)))  # due 28 April; at most 4 working days more: 4 May
    vandaag = D(2026, 4, 21)
    assert engine.maximale_verlengdatum(t) == D(2026, 5, 4)
    assert "tot" in engine.controleer_verlenging(t, None, vandaag)
    assert "verleden" in engine.controleer_verlenging(t, D(2026, 4, 20), vandaag)["tot"][0]
    assert "na de huidige" in engine.controleer_verlenging(t, D(2026, 4, 28), vandaag)["tot"][0]
    assert "ten hoogste 4 werkdagen" in engine.controleer_verlenging(t, D(2026, 5, 5), vandaag)["tot"][0]
    assert "geen werkdag" in engine.controleer_verlenging(t, D(2026, 5, 2), vandaag)["tot"][0]
    assert engine.controleer_verlenging(t, D(2026, 5, 4), vandaag) == {}
    assert engine.verleng(t, tot=D(2026, 5, 4), actor=wereld.behandelaar_szw, reden="Meer tijd nodig.") == D(2026, 4, 28)
    t.refresh_from_db()
    assert (t.uiterste_datum, t.oorspronkelijke_uiterste_datum, t.verlengd_door) == (
        D(2026, 5, 4), D(2026, 4, 28), wereld.behandelaar_szw)


def test_a_kind_without_extension_says_so(proef, wereld, monkeypatch):
    (t,) = _start(wereld, 1, op(D(2026, 4, 20)))
    monkeypatch.setattr(ProefTermijnen, "max_verlenging", lambda self, termijn: 0)
    assert engine.maximale_verlengdatum(t) is None
    assert engine.controleer_verlenging(t, D(2026, 4, 30), D(2026, 4, 21)) == {
        "tot": ["Deze termijn kan niet worden verlengd."]}


def test_a_suspended_term_does_not_escalate_and_resumes_later_across_holidays(proef, wereld, ga_naar):
    (t,) = _start(wereld, 1, op(D(2026, 4, 20)))  # due Tuesday 28 April
    ga_naar(D(2026, 4, 24))  # Friday
    engine.schort_op(t)
    with pytest.raises(ValidationError):
        engine.schort_op(t)  # once
    assert not t.is_overschreden(D(2026, 5, 1))
    ga_naar(D(2026, 4, 29))
    assert engine.sweep(["proef"]).escalated == 0  # paused: the clock does not run
    assert not Termijn.objects.overschreden().exists()
    # Resumed on Wednesday 29 April: suspended for the working days after Friday 24 up to and
    # including Wednesday 29 — Tuesday 28 and Wednesday 29 (the weekend and King's Day do not count).
    engine.hervat(t)
    t.refresh_from_db()
    assert (t.opgeschort_op, t.opgeschorte_werkdagen, t.uiterste_datum) == (None, 2, D(2026, 4, 30))
    assert t.oorspronkelijke_uiterste_datum == D(2026, 4, 28)
    with pytest.raises(ValidationError):
        engine.hervat(t)  # not suspended any more
    assert engine.sweep(["proef"]).escalated == 0
    ga_naar(D(2026, 5, 1))
    assert engine.sweep(["proef"]).escalated == 1


def test_an_overdue_or_closed_term_cannot_be_suspended(proef, wereld, ga_naar):
    eerste, tweede = _start(wereld, 2, op(D(2026, 4, 20)))
    ga_naar(D(2026, 4, 29))
    with pytest.raises(ValidationError, match="verstreken"):
        engine.schort_op(eerste)
    assert engine.sluit(tweede, Uitkomst.BEANTWOORD)
    assert not engine.sluit(tweede, Uitkomst.BEANTWOORD)  # once
    with pytest.raises(ValidationError, match="gesloten"):
        engine.schort_op(tweede)


werkdag = st.dates(D(2025, 1, 1), D(2028, 12, 31)).filter(kalender.is_werkdag)


@hsettings(max_examples=200, deadline=None)
@given(uiterste=werkdag, opgeschort=st.dates(D(2025, 1, 1), D(2028, 12, 31)), duur=st.integers(0, 120))
def test_resuming_moves_the_due_date_by_the_working_days_suspended(uiterste, opgeschort, duur):
    hervat = opgeschort + dt.timedelta(days=duur)
    nieuw, verschoven = engine.hervat_datum(uiterste, opgeschort, hervat)
    assert verschoven == kalender.werkdagen_tussen(opgeschort, hervat) >= 0
    assert kalender.werkdagen_tussen(uiterste, nieuw) == verschoven
    assert nieuw >= uiterste and kalender.is_werkdag(nieuw)
    if verschoven == 0:
        assert nieuw == uiterste


def test_a_kind_must_name_a_known_subject():
    class Fout(engine.Termijnsoort):
        code = "fout"
        onderwerp = "knelpunt"

    with pytest.raises(ValueError):
        engine.registreer(Fout())


def test_the_apps_register_their_kinds():
    assert {s.code for s in engine.soorten()} >= {"signaal", "uitvoeringstoets", "toetsantwoord", "retoursticker"}
    assert engine.soort("toetsantwoord").fase == "antwoord"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (SCHAKEL_DB_ENGINE=postgresql)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_sweeps_escalate_each_term_once(proef, wereld):
    _start(wereld, 40, op(D(2026, 4, 20)))
    clock.freeze(op(D(2026, 4, 29)))
    resultaten, fouten = [], []
    start = threading.Barrier(3)

    def veeg():
        from django.db import connection as eigen

        try:
            start.wait()
            resultaten.append(engine.sweep(["proef"], batch_size=3).escalated)
        except Exception as fout:  # noqa: BLE001 - reported below
            fouten.append(fout)
        finally:
            eigen.close()

    draden = [threading.Thread(target=veeg) for _ in range(3)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=120)
    assert not fouten
    assert sum(resultaten) == 40
    assert Termijn.objects.filter(soort="proef", trede=Trede.BESTUUR).count() == 40
    assert Gebeurtenis.objects.filter(actie="proef_geescaleerd").count() == 40
