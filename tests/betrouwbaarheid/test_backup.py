"""Backup and restore (docs/reliability-and-security.md): dump, wipe, restore; the audit chain is
intact and every table has the same number of rows."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection

from schakel.audit import keten
from schakel.audit.models import Gebeurtenis
from schakel.demo import triage as demo_triage
from schakel.signalen import services

from ..conftest import GOEDE_UITLEG

pytestmark = pytest.mark.django_db(transaction=True)


def tellingen() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.managed}


@pytest.fixture
def gevulde_database(signaal, wereld):
    services.reageer(signaal, actor=wereld.behandelaar_szw, besluit="niet_overnemen", toelichting_tekst=GOEDE_UITLEG)
    assert keten.verifieer().in_orde and Gebeurtenis.objects.count() >= 3
    return tellingen()


def _schakel(*args: str, db: Path) -> subprocess.CompletedProcess:
    omgeving = {**os.environ, "DJANGO_SETTINGS_MODULE": "schakel.conf.settings", "SCHAKEL_DEBUG": "1",
                "SCHAKEL_DB_ENGINE": "sqlite", "SCHAKEL_DB_NAME": str(db)}
    return subprocess.run([sys.executable, "-m", "schakel.cli", *args], env=omgeving, capture_output=True, text=True)


def _sqlite_tellingen(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as verbinding:
        return {m._meta.label: verbinding.execute(f'SELECT count(*) FROM "{m._meta.db_table}"').fetchone()[0]
                for m in apps.get_models() if m._meta.managed}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup API")
def test_sqlite_backup_wipe_restore(tmp_path):
    """A populated database file (the demo data set, in its own process) is backed up, restored into
    an empty ("wiped") file, and the copy checked: same row counts, `schakel verify-audit` passes.
    The test database itself is not touched."""
    bron, backup, hersteld = tmp_path / "schakel.sqlite3", tmp_path / "backup.sqlite3", tmp_path / "hersteld.sqlite3"
    for stap in (("migrate", "-v0"), ("laad-demodata", "--aantal", "12")):
        uit = _schakel(*stap, db=bron)
        assert uit.returncode == 0, uit.stderr
    voor = _sqlite_tellingen(bron)
    # 12, one from the retourstickers' counts and those waiting in the triage
    assert voor["audit.Gebeurtenis"] > 12 and voor["signalen.Signaal"] == 13 + len(demo_triage.SIGNALEN)
    with sqlite3.connect(bron) as origineel, sqlite3.connect(backup) as doel:
        origineel.backup(doel)  # what `sqlite3 schakel.sqlite3 ".backup backup.sqlite3"` does
    with sqlite3.connect(backup) as kopie, sqlite3.connect(hersteld) as leeg:
        assert leeg.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
        kopie.backup(leeg)
    assert _sqlite_tellingen(hersteld) == voor
    uit = _schakel("verify-audit", db=hersteld)
    assert uit.returncode == 0, uit.stderr
    assert f"intact: {voor['audit.Gebeurtenis']} events" in uit.stdout


def _pg_bin(naam: str) -> str:
    kandidaten = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{naam}")) or [shutil.which(naam) or naam]
    return kandidaten[-1]


@pytest.mark.postgres_only
def test_postgres_dump_wipe_restore(gevulde_database, tmp_path):
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    verbinding = ["-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"]]
    dump = tmp_path / "schakel.dump"
    subprocess.run([_pg_bin("pg_dump"), *verbinding, "-Fc", "-f", str(dump), db["NAME"]], env=env, check=True)
    herstel = f"{db['NAME']}_herstel"
    psql = [_pg_bin("psql"), *verbinding, "-v", "ON_ERROR_STOP=1", "-qAt"]
    subprocess.run([*psql, "-d", "postgres", "-c", f'DROP DATABASE IF EXISTS "{herstel}"'], env=env, check=True)
    subprocess.run([*psql, "-d", "postgres", "-c", f'CREATE DATABASE "{herstel}"'], env=env, check=True)
    try:
        subprocess.run([_pg_bin("pg_restore"), *verbinding, "--no-owner", "--exit-on-error", "-d", herstel, str(dump)],
                       env=env, check=True)
        for label, aantal in gevulde_database.items():
            tabel = apps.get_model(label)._meta.db_table
            uit = subprocess.run([*psql, "-d", herstel, "-c", f'SELECT count(*) FROM "{tabel}"'], env=env, check=True,
                                 capture_output=True, text=True).stdout.strip()
            assert int(uit) == aantal, label
        trigger = subprocess.run(
            [*psql, "-d", herstel, "-c", "DELETE FROM audit_gebeurtenis"], env=env, capture_output=True, text=True)
        assert trigger.returncode != 0 and "append-only" in trigger.stderr
        omgeving = {**env, "DJANGO_SETTINGS_MODULE": "schakel.conf.settings", "SCHAKEL_DEBUG": "1",
                    "SCHAKEL_DB_ENGINE": "postgresql", "SCHAKEL_DB_NAME": herstel, "SCHAKEL_DB_HOST": db["HOST"],
                    "SCHAKEL_DB_PORT": str(db["PORT"]), "SCHAKEL_DB_USER": db["USER"],
                    "SCHAKEL_DB_PASSWORD": db["PASSWORD"] or ""}
        uit = subprocess.run([sys.executable, "-m", "schakel.cli", "verify-audit"], env=omgeving,
                             capture_output=True, text=True)
        assert uit.returncode == 0, uit.stderr
        assert f"intact: {gevulde_database['audit.Gebeurtenis']} events" in uit.stdout
    finally:
        subprocess.run([*psql, "-d", "postgres", "-c", f'DROP DATABASE IF EXISTS "{herstel}"'], env=env)
