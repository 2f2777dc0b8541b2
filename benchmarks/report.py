#!/usr/bin/env python
"""Benchmark the Staat van de Uitvoering (``schakel rapporteer``) over 1,000,000 signals on PostgreSQL.

The script creates a fresh database, migrates it, and fills it with the data generator
(``schakel.demo.generator``, COPY): signals filed from 1 January 2024 to the reference date
with answers (some revised), commitments, terms and escalations, causes and knelpunten. Then it times, in a child process, the figures of the report
(``cijfers.bereken``, this year and the previous one) for the whole government and for one
organisation, and the complete PDF and JSON through the ``report`` command. It prints the
times; it asserts nothing. See benchmarks/README.md.

    .venv/bin/python benchmarks/report.py --pg-port 54331 --pg-user postgres
    .venv/bin/python benchmarks/report.py --sizes 10000 --db sqlite      # quick check on SQLite
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

from _common import ROOT, django_env, fresh_database, run_child

VANDAAG = dt.datetime(2026, 3, 11, 10, tzinfo=dt.timezone.utc)
BEGIN = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def _setup_django():
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.settings")
    import django

    django.setup()


def child_load(aantal: int, seed: int) -> dict:
    """``aantal`` signals with their history from 1 January 2024 to the reference date (the generator)."""
    _setup_django()
    from schakel.core import clock
    from schakel.demo import generator

    clock.freeze(VANDAAG)
    uit = generator.genereer(aantal, seed=seed, jaren=(VANDAAG - BEGIN).days / 365)
    return {"signalen": uit.signalen, "reacties": uit.reacties, "toezeggingen": uit.toezeggingen,
            "termijnen": uit.termijnen, "oorzaken": uit.oorzaken, "knelpunten": uit.knelpunten,
            "seconds": uit.seconden}


def child_report() -> dict:
    _setup_django()
    if os.environ.get("SCHAKEL_BENCH_SQL"):  # print every query with its time on stderr (profiling)
        _log_queries()
    import resource

    from django.core.management import call_command

    from schakel.core import clock
    from schakel.rapportage.cijfers import Periode, Reikwijdte, bereken

    clock.freeze(VANDAAG)
    uit = {}
    for naam, periode, reikwijdte in (
            ("rijk 2025", "2025", Reikwijdte()),
            ("organisatie uwv", "2025", Reikwijdte.kies(organisatie="uwv")),
            ("ministerie szw", "2025", Reikwijdte.kies(ministerie="szw")),
            ("rijk 2025-Q3", "2025-Q3", Reikwijdte()),
            ("rijk 2025-03", "2025-03", Reikwijdte()),
            ("rijk range", "2024-07-01..2025-12-31", Reikwijdte())):
        begin, cpu = time.monotonic(), _cpu()
        staat = bereken(Periode.lees(periode), reikwijdte)
        uit[naam] = {"seconds": time.monotonic() - begin, "cpu": _cpu() - cpu,
                     "ingediend": staat["huidig"]["signalen"]["ingediend"],
                     "periode": periode, "mediaan": staat["huidig"]["doorlooptijd"]["mediaanWerkdagen"],
                     "p90": staat["huidig"]["doorlooptijd"]["p90Werkdagen"]}
    for formaat in ("pdf", "json"):
        begin, cpu = time.monotonic(), _cpu()
        call_command("report", periode="2025", formaat=formaat, output=f"/tmp/benchmark-report.{formaat}",
                     no_progress=True, verbosity=0)
        uit[f"command {formaat}"] = {"seconds": time.monotonic() - begin, "cpu": _cpu() - cpu}
    uit["load"] = {"seconds": os.getloadavg()[0]}
    uit["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return uit


def _cpu() -> float:
    """CPU seconds used so far by this process and by the PostgreSQL server (the postmaster of our
    connection, its live children and those it reaped): a figure that, unlike wall time, does not
    depend on what else the machine is running."""
    import resource

    from django.db import connection

    eigen = resource.getrusage(resource.RUSAGE_SELF)
    totaal = eigen.ru_utime + eigen.ru_stime
    if connection.vendor != "postgresql":
        return totaal
    tik = os.sysconf("SC_CLK_TCK")

    def velden(pid: int) -> list[str]:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    try:
        postmaster = int(velden(backend)[1])
        v = velden(postmaster)
        totaal += sum(int(x) for x in v[11:15]) / tik  # utime, stime, cutime, cstime
        for naam in os.listdir("/proc"):
            if naam.isdigit():
                try:
                    v = velden(int(naam))
                except OSError:
                    continue
                if int(v[1]) == postmaster:
                    totaal += (int(v[11]) + int(v[12])) / tik
    except OSError:  # the server runs elsewhere: our own CPU only
        pass
    return totaal


def _log_queries() -> None:
    from django.db import connection

    def loggen(execute, sql, params, many, context):
        begin = time.monotonic()
        try:
            return execute(sql, params, many, context)
        finally:
            print(f"{time.monotonic() - begin:6.2f} s  {sql[:300]}", file=sys.stderr, flush=True)

    connection.execute_wrappers.append(loggen)


def _env(args, db: str, size: int) -> dict:
    return django_env(args, db, f"report-{size}.sqlite3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", nargs="+", choices=["sqlite", "postgresql"], default=["postgresql"])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sqlite-dir", default="/tmp/schakel-bench")
    parser.add_argument("--pg-host", default=os.environ.get("SCHAKEL_DB_HOST", "127.0.0.1"))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("SCHAKEL_DB_PORT", "5432")))
    parser.add_argument("--pg-user", default=os.environ.get("SCHAKEL_DB_USER", "postgres"))
    parser.add_argument("--pg-password", default=os.environ.get("SCHAKEL_DB_PASSWORD", ""))
    parser.add_argument("--pg-database", default="schakel_bench_report")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument("--skip-load", action="store_true", help="Reuse the database of a --keep run.")
    parser.add_argument("--child", choices=["load", "report"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child == "load":
        print(json.dumps(child_load(args.size, args.seed)))
        return
    if args.child == "report":
        print(json.dumps(child_report()))
        return

    print(f"Staat van de Uitvoering benchmark: period 2025 (and 2024 for trends), reference date {VANDAAG.date()}.")
    for db in args.db:
        for size in args.sizes:
            env = _env(args, db, size)
            if not args.skip_load:
                fresh_database(args, db, env)
                geladen = run_child(__file__, env, "--child", "load", "--size", str(size), "--seed", str(args.seed))
                print(f"{db} {size:,} signals: loaded {geladen['signalen']:,} signals, {geladen['reacties']:,} answers, "
                      f"{geladen['toezeggingen']:,} commitments, {geladen['termijnen']:,} terms, "
                      f"{geladen['oorzaken']:,} cause links, {geladen['knelpunten']:,} knelpunten "
                      f"in {geladen['seconds']:.1f} s", flush=True)
            uitslag = run_child(__file__, env, "--child", "report")
            for naam, waarden in uitslag.items():
                if naam in ("maxrss_mb", "load"):
                    continue
                extra = (f"  ({waarden['periode']}: {waarden['ingediend']:,} filed, median {waarden['mediaan']} "
                         f"working days, p90 {waarden['p90']})") if "ingediend" in waarden else ""
                print(f"  {naam:<20} {waarden['seconds']:7.1f} s wall, {waarden['cpu']:5.1f} s CPU{extra}", flush=True)
            print(f"  peak memory {uitslag['maxrss_mb']:.0f} MB; load average at the end "
                  f"{uitslag['load']['seconds']:.1f}")
            if db == "sqlite" and not args.keep:
                for suffix in ("", "-wal", "-shm"):
                    Path(env["SCHAKEL_DB_NAME"] + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
