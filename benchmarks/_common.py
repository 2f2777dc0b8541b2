"""What the benchmark scripts share: the environment of a child process, a fresh database,
running one step in a child process (so its peak memory is its own), and percentiles."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Production settings over plain HTTP on loopback, as behind a TLS-terminating proxy: no redirect
# to HTTPS, no HSTS (docs/operations.md).
PLAIN_HTTP = {"SCHAKEL_SSL_REDIRECT": "0", "SCHAKEL_HSTS_SECONDS": "0"}


def django_env(args, db: str, sqlite_name: str) -> dict:
    """Environment for a child process on ``db`` ('sqlite' or 'postgresql'), production settings."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "schakel.conf.settings", "SCHAKEL_DEBUG": "0",
           "SCHAKEL_SECRET_KEY": "benchmark-only-not-secret", "SCHAKEL_LOG_LEVEL": "WARNING",
           "PYTHONPATH": str(ROOT / "src"), **PLAIN_HTTP}
    if db == "sqlite":
        Path(args.sqlite_dir).mkdir(parents=True, exist_ok=True)
        env.update({"SCHAKEL_DB_ENGINE": "sqlite", "SCHAKEL_DB_NAME": str(Path(args.sqlite_dir) / sqlite_name)})
    else:
        env.update({"SCHAKEL_DB_ENGINE": "postgresql", "SCHAKEL_DB_HOST": args.pg_host,
                    "SCHAKEL_DB_PORT": str(args.pg_port), "SCHAKEL_DB_USER": args.pg_user,
                    "SCHAKEL_DB_PASSWORD": args.pg_password, "SCHAKEL_DB_NAME": args.pg_database,
                    "SCHAKEL_DB_CONN_MAX_AGE": "0"})
    return env


def fresh_database(args, db: str, env: dict) -> None:
    """Remove or recreate the benchmark database, then migrate it."""
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(env["SCHAKEL_DB_NAME"] + suffix).unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect(host=args.pg_host, port=args.pg_port, user=args.pg_user, password=args.pg_password,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{args.pg_database}"')
            conn.execute(f'CREATE DATABASE "{args.pg_database}"')
    subprocess.run([sys.executable, "-m", "schakel.cli", "migrate", "-v0"], env=env, check=True)


def run_child(script: str, env: dict, *argv: str) -> dict:
    """Run ``script`` with ``argv`` in a child process; its last output line is a JSON result."""
    uit = subprocess.run([sys.executable, script, *argv], env=env, capture_output=True, text=True)
    if uit.returncode != 0:
        sys.exit(f"benchmark step {' '.join(argv)} failed:\n{uit.stderr}")
    return json.loads(uit.stdout.strip().splitlines()[-1])


def percentiel(waarden: list[float], p: float) -> float:
    """Nearest-rank percentile (``nan`` for no values)."""
    geordend = sorted(waarden)
    if not geordend:
        return float("nan")
    return geordend[max(0, math.ceil(p / 100 * len(geordend)) - 1)]
