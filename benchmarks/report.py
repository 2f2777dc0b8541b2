#!/usr/bin/env python
"""Benchmark the Staat van de Uitvoering (``schakel report``) over 1,000,000 signals on PostgreSQL.

The script creates a fresh database, migrates it, and bulk-loads (COPY) a two-year history:
signals spread over 2024 and 2025 with answers (some revised), commitments, terms and
escalations, brakes, causes. Then it times, in a child process, the figures of the report
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
import random
import sys
import time
import uuid
from pathlib import Path

from _common import ROOT, django_env, fresh_database, run_child

CHUNK = 100_000
VANDAAG = dt.datetime(2026, 3, 11, 10, tzinfo=dt.timezone.utc)
BEGIN = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
SECONDEN = int((dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) - BEGIN).total_seconds())
ARTIKELEN = ["", "art. 1", "art. 5", "art. 12 lid 2", "art. 35", "art. 36", "art. 40", "art. 7:658"]


def _setup_django():
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.settings")
    import django

    django.setup()


def _writer(connection, tabel: str, kolommen: list[str]):
    q = connection.ops.quote_name
    namen = ", ".join(q(k) for k in kolommen)
    if connection.vendor == "postgresql":
        def schrijf(rijen):
            with connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY {q(tabel)} ({namen}) FROM STDIN") as copy:
                    for rij in rijen:
                        copy.write_row(rij)
    else:
        sql = f"INSERT INTO {q(tabel)} ({namen}) VALUES ({', '.join(['%s'] * len(kolommen))})"

        def sqlite_waarde(w):
            if isinstance(w, uuid.UUID):
                return w.hex
            if isinstance(w, dt.datetime):
                return w.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat(" ")
            if isinstance(w, dt.date):
                return w.isoformat()
            return w

        def schrijf(rijen):
            with connection.cursor() as cursor:
                cursor.executemany(sql, [tuple(sqlite_waarde(w) for w in rij) for rij in rijen])
    return schrijf


def child_load(aantal: int, seed: int) -> dict:
    """A world of organisations and regulations, and ``aantal`` signals with their history."""
    _setup_django()
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from schakel.accounts.models import User
    from schakel.organisaties.models import Organisatie
    from schakel.regelingen.models import Regeling
    from schakel.signalen.models import Oorzaak, Reactie, Signaal, Toezegging
    from schakel.termijnen.models import Termijn

    rnd = random.Random(seed)
    begin = time.monotonic()
    with transaction.atomic():
        ministeries, uitvoerders, regelingen = [], [], []
        for i in range(8):
            cie = Organisatie.objects.create(afkorting=f"cie-{i}", naam=f"Vaste commissie {i}", soort="kamercommissie")
            m = Organisatie.objects.create(afkorting=f"min-{i}", naam=f"Ministerie {i}", soort="ministerie",
                                           kamercommissie=cie)
            ministeries.append(m)
            regelingen += [Regeling.objects.create(bwb_id=f"BWBR{i:03d}{j:04d}", titel=f"Wet {i}-{j}", eigenaar=m,
                                                   kamercommissie=cie) for j in range(5)]
        for i in range(30):
            uitvoerders.append(Organisatie.objects.create(
                afkorting=f"uo-{i}", naam=f"Uitvoeringsorganisatie {i}", soort="uitvoeringsorganisatie",
                opdrachtgever=ministeries[i % len(ministeries)]))
        auteur = User.objects.create(username="behandelaar", rol="behandelaar", organisatie=ministeries[0])
    oorzaken = list(Oorzaak.objects.values_list("pk", flat=True))

    s_kol = ["id", "uuid", "soort", "titel", "praktijk", "getroffen_burgers", "aantal_getroffen", "regeling_id",
             "artikelen", "verbetervoorstel", "indienende_organisatie_id", "eigenaar_id", "status", "openbaar",
             "ingediend_op", "uiterste_reactiedatum", "beantwoord_op", "escalatietrede", "termijn_overschreden_op",
             "zoektekst"]
    r_kol = ["id", "uuid", "signaal_id", "versie", "besluit", "toelichting", "niveau", "ondertekend_door",
             "organisatie_id", "auteur_id", "gegeven_op", "vingerafdruk"]
    t_kol = ["id", "uuid", "reactie_id", "signaal_id", "omschrijving", "eigenaar", "uiterlijk", "status",
             "nagekomen_op", "toelichting_nakoming"]
    tm_kol = ["signaal_id", "trede", "organisatie_id", "rol", "gestart_op", "werkdagen", "oorspronkelijke_uiterste_datum",
              "uiterste_datum", "gesloten_op", "uitkomst", "eindtrede", "verlenging_reden"]
    o_kol = ["signaal_id", "oorzaak_id"]
    schrijvers = {
        "s": _writer(connection, Signaal._meta.db_table, s_kol), "r": _writer(connection, Reactie._meta.db_table, r_kol),
        "t": _writer(connection, Toezegging._meta.db_table, t_kol),
        "tm": _writer(connection, Termijn._meta.db_table, tm_kol),
        "o": _writer(connection, Signaal.oorzaken.through._meta.db_table, o_kol),
    }
    tellers = {k: 0 for k in schrijvers}
    reactie_id = toezegging_id = 0
    peil = VANDAAG.date()
    for start in range(0, aantal, CHUNK):
        rijen = {k: [] for k in schrijvers}
        for sid in range(start + 1, min(aantal, start + CHUNK) + 1):
            regeling = rnd.choice(regelingen)
            eigenaar = regeling.eigenaar_id
            ingediend = BEGIN + dt.timedelta(seconds=rnd.randrange(SECONDEN))
            noodrem = rnd.random() < 0.02
            termijn = dt.timedelta(days=7 if noodrem else 42)
            uiterste = (ingediend + termijn).date()
            beantwoord = rnd.random() < 0.8
            dagen = rnd.lognormvariate(3.2, 0.7)
            beantwoord_op = ingediend + dt.timedelta(days=dagen) if beantwoord else None
            if beantwoord_op and beantwoord_op > VANDAAG:
                beantwoord_op, beantwoord = None, False
            te_laat = (beantwoord_op.date() > uiterste) if beantwoord else uiterste < peil
            trede = 2 if te_laat else (2 if noodrem else 1)
            rijen["s"].append((
                sid, uuid.UUID(int=rnd.getrandbits(128), version=4), "noodrem" if noodrem else "signaal",
                f"Knelpunt {sid}", "Wat er in de praktijk gebeurt.", "Burgers", rnd.choice((None, 10, 100, 1000, 5000)),
                regeling.pk, rnd.choice(ARTIKELEN), "", rnd.choice(uitvoerders).pk, eigenaar,
                "beantwoord" if beantwoord else "in_behandeling", True, ingediend, uiterste, beantwoord_op, trede,
                uiterste + dt.timedelta(days=1) if te_laat else None, ""))
            eerste = 2 if noodrem else 1
            rijen["tm"].append((sid, eerste, eigenaar, "behandelaar" if eerste == 1 else "bestuur", ingediend, 30,
                                uiterste, uiterste, (beantwoord_op if not te_laat else
                                                     dt.datetime.combine(uiterste, dt.time(4), dt.timezone.utc)
                                                     + dt.timedelta(days=1)) if (beantwoord or te_laat) else None,
                                "beantwoord" if beantwoord and not te_laat else ("geescaleerd" if te_laat else ""), False,
                                ""))
            if te_laat:
                moment = dt.datetime.combine(uiterste, dt.time(4), dt.timezone.utc) + dt.timedelta(days=1)
                rijen["tm"].append((sid, eerste + 1, eigenaar, "bestuur", moment, 10, uiterste + dt.timedelta(days=14),
                                    uiterste + dt.timedelta(days=14), beantwoord_op,
                                    "beantwoord" if beantwoord else "", False, ""))
            for oorzaak in rnd.sample(oorzaken, rnd.choice((0, 0, 1, 1, 2))):
                rijen["o"].append((sid, oorzaak))
            if beantwoord:
                versies = 2 if rnd.random() < 0.05 else 1
                for versie in range(1, versies + 1):
                    reactie_id += 1
                    besluit = "overnemen" if rnd.random() < 0.6 else "niet_overnemen"
                    rijen["r"].append((reactie_id, uuid.UUID(int=rnd.getrandbits(128), version=4), sid, versie, besluit,
                                       "Toelichting.", "politiek" if rnd.random() < 0.1 else "ambtelijk", "", eigenaar,
                                       auteur.pk, beantwoord_op + dt.timedelta(days=versie - 1), f"{reactie_id:064x}"))
                    if besluit == "overnemen":
                        toezegging_id += 1
                        uiterlijk = (beantwoord_op + dt.timedelta(days=rnd.randrange(30, 300))).date()
                        nagekomen = rnd.random() < 0.5 and uiterlijk - dt.timedelta(days=20) < peil
                        rijen["t"].append((toezegging_id, uuid.UUID(int=rnd.getrandbits(128), version=4), reactie_id,
                                           sid, "Actie.", "Directie", uiterlijk, "nagekomen" if nagekomen else "open",
                                           uiterlijk - dt.timedelta(days=rnd.randrange(-20, 20)) if nagekomen else None,
                                           "Gedaan." if nagekomen else ""))
        with transaction.atomic():
            for k in ("s", "tm", "o", "r", "t"):
                schrijvers[k](rijen[k])
                tellers[k] += len(rijen[k])
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Signaal, Reactie, Toezegging, Termijn]):
            cursor.execute(sql)
        cursor.execute("ANALYZE")
    return {"signalen": tellers["s"], "reacties": tellers["r"], "toezeggingen": tellers["t"],
            "termijnen": tellers["tm"], "oorzaken": tellers["o"], "seconds": time.monotonic() - begin}


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
            ("organisatie uo-3", "2025", Reikwijdte.kies(organisatie="uo-3")),
            ("ministerie min-2", "2025", Reikwijdte.kies(ministerie="min-2")),
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
                      f"{geladen['oorzaken']:,} cause links in {geladen['seconds']:.1f} s", flush=True)
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
