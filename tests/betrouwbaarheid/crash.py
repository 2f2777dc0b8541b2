"""Helpers for the crash tests: share the test database with child processes, start and SIGKILL them.

On PostgreSQL the children use the test database itself. On SQLite the test database lives in
memory, so ``GedeeldeDatabase.publiceer`` copies it (schema and committed rows, with the online
backup API) to a file in WAL mode, the same configuration the app runs with.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

import schakel

SRC = str(Path(schakel.__file__).resolve().parents[1])


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GedeeldeDatabase:
    def __init__(self, map_: Path):
        self.sqlite = connection.vendor == "sqlite"
        self.bestand = map_ / "gedeeld.sqlite3"

    def publiceer(self) -> None:
        """Make the rows committed so far visible to child processes (on PostgreSQL they already are),
        with the cache table the production settings use (the test settings cache in memory)."""
        if self.sqlite:
            connection.ensure_connection()
            doel = sqlite3.connect(self.bestand)
            connection.connection.backup(doel)
            doel.execute("PRAGMA journal_mode=WAL")
            doel.close()
        uit = self.schakel("createcachetable")
        assert uit.returncode == 0, uit.stderr

    def omgeving(self, **extra: str) -> dict[str, str]:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "schakel.conf.settings", "SCHAKEL_DEBUG": "1",
               "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", ""), "PYTHONUNBUFFERED": "1"}
        if self.sqlite:
            env.update(SCHAKEL_DB_ENGINE="sqlite", SCHAKEL_DB_NAME=str(self.bestand))
        else:
            d = connection.settings_dict
            env.update(SCHAKEL_DB_ENGINE="postgresql", SCHAKEL_DB_NAME=d["NAME"], SCHAKEL_DB_HOST=d["HOST"] or "",
                       SCHAKEL_DB_PORT=str(d["PORT"] or ""), SCHAKEL_DB_USER=d["USER"] or "",
                       SCHAKEL_DB_PASSWORD=d["PASSWORD"] or "", SCHAKEL_DB_CONN_MAX_AGE="0")
        env.update(extra)
        return env

    def rijen(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Read what the children wrote (on SQLite from the file, which the test's connection does not see)."""
        if self.sqlite:
            with sqlite3.connect(self.bestand) as c:
                return c.execute(sql, params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall()

    def schakel(self, *args: str, **extra: str) -> subprocess.CompletedProcess:
        """``schakel ARGS`` (the installed command: hyphenated names) in a child process."""
        return subprocess.run([sys.executable, "-m", "schakel.cli", *args], env=self.omgeving(**extra),
                              capture_output=True, text=True, timeout=120)


def start_gunicorn(db: GedeeldeDatabase, poort: int, log: Path) -> subprocess.Popen:
    """gunicorn (the production server) in its own process group, so one killpg reaches master and workers."""
    proces = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "schakel.wsgi", "-b", f"127.0.0.1:{poort}", "-w", "2", "--preload",
         "--log-level", "warning", "--timeout", "60"],
        env=db.omgeving(), stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proces.poll() is not None:
            raise AssertionError(f"gunicorn stopped: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{poort}/api/v1/organisaties", timeout=2) as r:
                if r.status == 200:
                    return proces
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    kill_groep(proces)
    raise AssertionError(f"gunicorn did not come up: {log.read_text()[-2000:]}")


def kill_groep(proces: subprocess.Popen) -> None:
    """SIGKILL the process and everything in its group (gunicorn's master and workers): no clean shutdown."""
    try:
        os.killpg(proces.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proces.wait(timeout=30)


def post_json(url: str, body: dict, headers: dict[str, str], timeout: float = 15) -> tuple[int, dict]:
    """(status, JSON body); status 0 when the connection failed or broke off before an answer."""
    verzoek = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json",
                                              **headers})
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as fout:
        return fout.code, {}
    except (OSError, urllib.error.URLError, ValueError):
        return 0, {}
