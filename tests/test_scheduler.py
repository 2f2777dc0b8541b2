"""The scheduler's registry in core: every app registers its sweeps; the planner runs them in order."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from schakel.core import scheduler


def test_the_apps_register_their_sweeps_in_order():
    namen = [s.naam for s in scheduler.sweeps(dagelijks=False)]
    assert namen == ["sweep", "toets-sweep", "retoursticker-sweep", "agendering", "mail"]
    assert [s.naam for s in scheduler.sweeps(dagelijks=True)] == ["digest"]


def test_a_summary_is_a_string_or_what_summary_returns():
    class Uitkomst:
        def summary(self):
            return "3 gedaan"

    assert scheduler.samenvatting(Uitkomst()) == "3 gedaan"
    assert scheduler.samenvatting("2 knelpunt(en)") == "2 knelpunt(en)"


@pytest.mark.django_db
def test_a_newly_registered_sweep_runs_on_the_next_tick_and_a_failing_one_does_not_stop_the_rest(monkeypatch):
    monkeypatch.setattr(scheduler, "_SWEEPS", dict(scheduler._SWEEPS))
    gedaan = []
    scheduler.registreer("proef", lambda: gedaan.append(1) or "1 proef", volgorde=1)

    def kapot():
        raise RuntimeError("stuk")

    scheduler.registreer("kapot", kapot, volgorde=2)
    uit, fout = io.StringIO(), io.StringIO()
    call_command("draai_planner", "--once", "--digest-hour", "23", stdout=uit, stderr=fout)
    assert gedaan == [1]
    assert "proef: 1 proef." in uit.getvalue()
    assert "kapot failed: stuk" in fout.getvalue()
    assert "sweep: " in uit.getvalue() and "mail: " in uit.getvalue()  # the others still ran
