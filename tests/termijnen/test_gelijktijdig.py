"""Concurrent sweeps on PostgreSQL: two processes, row locks, no double escalation."""

import datetime as dt
import os
import re
import subprocess
import sys

import pytest
from django.db import connection, transaction

from schakel.audit.models import Gebeurtenis
from schakel.signalen.models import Signaal
from schakel.termijnen.ladder import Trede
from schakel.termijnen.models import Termijn

from .conftest import op

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

VERLOPEN = dt.date(2026, 4, 24)
SWEEPDAG = dt.date(2026, 4, 28)


def maak_verlopen_termijnen(wereld, aantal: int) -> list[int]:
    """``aantal`` unanswered signals owned by SZW whose first term ended on 24 April 2026."""
    begin = op(dt.date(2026, 3, 11))
    signalen = Signaal.objects.bulk_create([
        Signaal(titel=f"Knelpunt {i}", praktijk="Praktijk. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="Burgers in de uitvoering", regeling=wereld.wia,
                indienende_organisatie=wereld.uwv, indiener=wereld.melder_uwv, eigenaar=wereld.szw,
                status="in_behandeling", ingediend_op=begin, uiterste_reactiedatum=VERLOPEN, escalatietrede=1)
        for i in range(aantal)])
    Termijn.objects.bulk_create([
        Termijn(signaal=s, trede=Trede.BEHANDELAAR, organisatie=wereld.szw, rol="behandelaar", gestart_op=begin,
                werkdagen=30, oorspronkelijke_uiterste_datum=VERLOPEN, uiterste_datum=VERLOPEN)
        for s in signalen])
    return [s.pk for s in signalen]


def sweep_proces(*args: str) -> subprocess.Popen:
    """``schakel escalate`` in its own process, on the test database, with the clock on the sweep day."""
    db = connection.settings_dict
    offset = (op(SWEEPDAG) - dt.datetime.now(dt.timezone.utc)).total_seconds() / 86400
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "schakel.conf.settings", "SCHAKEL_DEBUG": "1",
           "SCHAKEL_DB_ENGINE": "postgresql", "SCHAKEL_DB_NAME": db["NAME"], "SCHAKEL_DB_HOST": db["HOST"],
           "SCHAKEL_DB_PORT": str(db["PORT"]), "SCHAKEL_DB_USER": db["USER"],
           "SCHAKEL_DB_PASSWORD": db["PASSWORD"], "SCHAKEL_CLOCK_OFFSET_DAYS": repr(offset)}
    return subprocess.Popen([sys.executable, "-m", "schakel.cli", "escalate", "--no-mail", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def escalated(uitvoer: str) -> int:
    return int(re.search(r"Sweep for 2026-04-28: (\d+) escalated", uitvoer)[1])


def test_two_sweeps_at_once_escalate_every_term_exactly_once(wereld):
    aantal = 3000
    maak_verlopen_termijnen(wereld, aantal)
    processen = [sweep_proces("--batch-size", "25") for _ in range(2)]
    uitvoer = [p.communicate(timeout=300) for p in processen]
    for p, (out, err) in zip(processen, uitvoer):
        assert p.returncode == 0, err
    per_proces = [escalated(out) for out, _ in uitvoer]
    print("escalated per process:", per_proces)
    assert sum(per_proces) == aantal
    assert Termijn.objects.filter(trede=Trede.BESTUUR).count() == aantal
    assert Termijn.objects.filter(trede=Trede.BEHANDELAAR, uitkomst="geescaleerd").count() == aantal
    assert Gebeurtenis.objects.filter(actie="geescaleerd").count() == aantal
    assert Signaal.objects.filter(escalatietrede=Trede.BESTUUR, termijn_overschreden_op=VERLOPEN).count() == aantal
    # And a third run finds nothing left to do.
    derde = sweep_proces()
    out, err = derde.communicate(timeout=120)
    assert derde.returncode == 0, err
    assert escalated(out) == 0


def test_locked_rows_are_skipped_not_waited_for_and_done_next_run(wereld):
    ids = maak_verlopen_termijnen(wereld, 50)
    bezet = ids[:10]
    with transaction.atomic():
        # Like an answer being written right now: the signals are locked by another transaction.
        list(Signaal.objects.filter(pk__in=bezet).select_for_update())
        proces = sweep_proces("--batch-size", "7")
        out, err = proces.communicate(timeout=120)  # returns although the rows stay locked: no waiting
        assert proces.returncode == 0, err
        assert escalated(out) == 40
    assert set(Termijn.objects.filter(trede=Trede.BEHANDELAAR, gesloten_op__isnull=True)
               .values_list("signaal_id", flat=True)) == set(bezet)
    proces = sweep_proces()
    out, err = proces.communicate(timeout=120)
    assert escalated(out) == 10
    assert Termijn.objects.filter(trede=Trede.BESTUUR).count() == 50

