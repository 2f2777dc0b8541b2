"""Crash tests: SIGKILL the app server under load, and the escalation sweep mid-run, then restart.

Both run on SQLite and on PostgreSQL (whichever the test run uses); see crash.py for how the child
processes share the test database.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import uuid

import pytest
from schakel.accounts import apitokens

from schakel.signalen import services
from schakel.termijnen.kalender import AMSTERDAM

from ..api.conftest import signaal_body
from .crash import GedeeldeDatabase, kill_groep, post_json, start_gunicorn, vrije_poort

pytestmark = pytest.mark.django_db(transaction=True)

AANTAL = 80           # creates fired at the server
KILL_NA = 20          # SIGKILL once this many were acknowledged
DRADEN = 8


def _titel(sleutel: str) -> str:
    return f"Crashtest {sleutel}: boete bij te late wijziging"


def test_sigkill_under_load_loses_no_acknowledged_create_and_retries_never_duplicate(wereld, tmp_path):
    # The server runs on the real clock, the test on a frozen one: a token valid for years.
    token = apitokens.maak(wereld.melder_uwv, dagen=36500)[1]
    db = GedeeldeDatabase(tmp_path)
    db.publiceer()
    log = tmp_path / "gunicorn.log"
    poort = vrije_poort()
    server = start_gunicorn(db, poort, log)
    url = f"http://127.0.0.1:{poort}/api/v1/signalen"
    sleutels = [str(uuid.uuid4()) for _ in range(AANTAL)]

    def stuur(sleutel: str, basis: str) -> tuple[int, dict]:
        return post_json(basis, signaal_body(titel=_titel(sleutel)),
                         {"Authorization": f"Token {token}", "Idempotency-Key": sleutel})

    bevestigd: dict[str, str] = {}   # key -> uuid of the signal the server acknowledged
    slot = threading.Lock()
    genoeg = threading.Event()

    def vuur(sleutel: str) -> None:
        status, body = stuur(sleutel, url)
        if 200 <= status < 300:
            with slot:
                bevestigd[sleutel] = body["uuid"]
                if len(bevestigd) >= KILL_NA:
                    genoeg.set()

    try:
        with cf.ThreadPoolExecutor(DRADEN) as pool:
            taken = [pool.submit(vuur, s) for s in sleutels]
            assert genoeg.wait(60), f"only {len(bevestigd)} creates acknowledged: {log.read_text()[-2000:]}"
            kill_groep(server)  # master and workers, mid-load
            cf.wait(taken)
        voor_herstart = dict(bevestigd)
        assert KILL_NA <= len(voor_herstart) < AANTAL, "the kill must fall in the middle of the load"

        # Nothing acknowledged is lost, nothing is there twice (also what was written but never acknowledged).
        for sleutel, signaal_uuid in voor_herstart.items():
            assert db.rijen("SELECT uuid FROM signalen_signaal WHERE titel = ?", (_titel(sleutel),)) in (
                [(signaal_uuid,)], [(uuid.UUID(signaal_uuid),)], [(signaal_uuid.replace("-", ""),)]), sleutel
        dubbel = db.rijen("SELECT titel, count(*) FROM signalen_signaal GROUP BY titel HAVING count(*) > 1")
        assert dubbel == []

        # Restart; the clients retry everything that was not acknowledged, with the same key.
        server = start_gunicorn(db, poort, log)
        for sleutel in sleutels:
            if sleutel in voor_herstart:
                continue
            for _ in range(3):
                status, body = stuur(sleutel, url)
                if 200 <= status < 300:
                    bevestigd[sleutel] = body["uuid"]
                    break
            assert sleutel in bevestigd, f"retry of {sleutel} failed with {status}"
        # A retry of an acknowledged create returns the stored answer: the same signal.
        for sleutel in list(voor_herstart)[:10]:
            status, body = stuur(sleutel, url)
            assert 200 <= status < 300 and body["uuid"] == voor_herstart[sleutel]
    finally:
        kill_groep(server)

    per_titel = dict(db.rijen("SELECT titel, count(*) FROM signalen_signaal WHERE titel LIKE ? GROUP BY titel",
                              ("Crashtest %",)))
    assert per_titel == {_titel(s): 1 for s in sleutels}
    assert db.rijen("SELECT count(*) FROM api_idempotentverzoek") == [(AANTAL,)]
    verificatie = db.schakel("verify-audit")
    assert verificatie.returncode == 0, verificatie.stdout + verificatie.stderr


# --- The escalation sweep ----------------------------------------------------------------------

SIGNALEN = 80
DOEL = dt.date(2026, 4, 28)  # after the answer deadline of a signal filed on 2026-03-11: one rung up


def _klokverschuiving(doel: dt.date) -> str:
    """SCHAKEL_CLOCK_OFFSET_DAYS that puts a child process's clock at 10:00 on ``doel`` in Amsterdam."""
    moment = dt.datetime(doel.year, doel.month, doel.day, 10, tzinfo=AMSTERDAM)
    return str((moment - dt.datetime.now(dt.timezone.utc)).total_seconds() / 86400)


def test_escalation_sweep_killed_mid_run_then_rerun_escalates_each_once(wereld, tmp_path):
    for i in range(SIGNALEN):
        services.dien_in(indiener=wereld.melder_uwv, titel=f"Knelpunt {i} in de WIA-uitvoering",
                         praktijk="Beschrijving van de praktijk. Dit gebeurt elke week opnieuw en raakt burgers die er zelf niets aan kunnen doen.", getroffen_burgers="WIA-aanvragers",
                         regeling=wereld.wia)
    db = GedeeldeDatabase(tmp_path)
    db.publiceer()
    env = db.omgeving(SCHAKEL_CLOCK_OFFSET_DAYS=_klokverschuiving(DOEL))
    geescaleerd = "SELECT count(*) FROM audit_gebeurtenis WHERE actie = 'geescaleerd'"

    sweep = subprocess.Popen([sys.executable, "-m", "schakel.cli", "escalate", "--batch-size", "2", "--no-mail", "-v2"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True)
    try:
        regel = sweep.stdout.readline()  # the first batch is committed
        assert "batch 1:" in regel, regel + sweep.stdout.read()
        os.killpg(sweep.pid, signal.SIGKILL)
    finally:
        if sweep.poll() is None:
            os.killpg(sweep.pid, signal.SIGKILL)
        sweep.wait(timeout=30)
    na_kill = db.rijen(geescaleerd)[0][0]
    assert 2 <= na_kill < SIGNALEN, f"the kill must fall in the middle of the sweep ({na_kill} escalated)"

    opnieuw = db.schakel("escalate", "--no-mail", SCHAKEL_CLOCK_OFFSET_DAYS=env["SCHAKEL_CLOCK_OFFSET_DAYS"])
    assert opnieuw.returncode == 0, opnieuw.stdout + opnieuw.stderr
    assert f": {SIGNALEN - na_kill} escalated" in opnieuw.stdout, opnieuw.stdout

    assert db.rijen(geescaleerd) == [(SIGNALEN,)]
    per_signaal = db.rijen("SELECT signaal_id, count(*) FROM audit_gebeurtenis WHERE actie = 'geescaleerd' "
                           "GROUP BY signaal_id HAVING count(*) <> 1")
    assert per_signaal == []
    # Every signal: its first term closed as escalated, exactly one open term at the next rung.
    assert db.rijen("SELECT count(*) FROM termijnen_termijn WHERE gesloten_op IS NULL") == [(SIGNALEN,)]
    assert db.rijen("SELECT count(*) FROM termijnen_termijn") == [(2 * SIGNALEN,)]
    verificatie = db.schakel("verify-audit")
    assert verificatie.returncode == 0 and "intact" in verificatie.stdout, verificatie.stdout + verificatie.stderr
