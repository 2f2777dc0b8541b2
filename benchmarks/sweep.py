#!/usr/bin/env python
"""Benchmark the escalation sweep (``schakel escaleer``) at 10k, 100k and 1M open requests.

For each database and size the script builds a fresh database (SQLite file, or a
PostgreSQL database it creates and drops), migrates it, bulk-loads open requests (COPY
on PostgreSQL, executemany on SQLite), then runs the sweep in a child process with the
clock moved past the deadlines and prints wall time, rows/s and peak memory. A second
sweep right after shows the steady-state cost when nothing is due (and that it is
idempotent). See benchmarks/README.md.

    .venv/bin/python benchmarks/sweep.py --db sqlite --sizes 10000 100000
    .venv/bin/python benchmarks/sweep.py --db postgresql --pg-port 54329 --pg-user postgres

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import sys
import time
import uuid
from pathlib import Path

from _common import ROOT, django_env, fresh_database, run_child

SWEEPDAG = dt.date(2026, 4, 28)  # a Tuesday after King's Day
CHUNK = 50_000


# --- Child processes: load data, run the sweep ------------------------------------------------

def _setup_django():
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.settings")
    import django

    django.setup()


def _writer(connection, model, kolommen):
    """A function that writes a list of rows (tuples of DB-ready values) into ``model``'s table."""
    tabel = connection.ops.quote_name(model._meta.db_table)
    namen = ", ".join(connection.ops.quote_name(k) for k in kolommen)
    if connection.vendor == "postgresql":
        def schrijf(rijen):
            with connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY {tabel} ({namen}) FROM STDIN") as copy:
                    for rij in rijen:
                        copy.write_row(rij)
    else:
        sql = f"INSERT INTO {tabel} ({namen}) VALUES ({', '.join(['%s'] * len(kolommen))})"

        def schrijf(rijen):
            with connection.cursor() as cursor:
                cursor.executemany(sql, rijen)
    return schrijf


def _rijen(connection, model, waarden_per_rij):
    """DB-ready rows for ``model`` from dicts of attname → value; other fields get their default."""
    velden = [f for f in model._meta.concrete_fields]
    vast = {f.attname: f.get_default() for f in velden if f.has_default() and not callable(f.default)}
    voorbereid = []
    for waarden in waarden_per_rij:
        rij = []
        for f in velden:
            if f.attname in waarden:
                waarde = waarden[f.attname]
            elif f.attname in vast:
                waarde = vast[f.attname]
            else:
                waarde = f.get_default()
            rij.append(f.get_db_prep_save(waarde, connection))
        voorbereid.append(tuple(rij))
    return [f.column for f in velden], voorbereid


def child_load(aantal: int, due_fraction: float, seed: int) -> dict:
    """Create a world of organisations and users, and ``aantal`` unanswered signals with open terms."""
    _setup_django()
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from schakel.accounts.models import User
    from schakel.organisaties.models import Organisatie
    from schakel.regelingen.models import Regeling
    from schakel.signalen.models import Signaal
    from schakel.termijnen import kalender, ladder
    from schakel.termijnen.ladder import OrgInfo
    from schakel.termijnen.models import Termijn

    rnd = random.Random(seed)
    begin = time.monotonic()
    with transaction.atomic():
        ministeries, uitvoerders, regelingen, melders = [], [], {}, []
        for i in range(8):
            cie = Organisatie.objects.create(afkorting=f"cie-{i}", naam=f"Vaste commissie {i}", soort="kamercommissie")
            m = Organisatie.objects.create(afkorting=f"min-{i}", naam=f"Ministerie {i}", soort="ministerie",
                                           kamercommissie=cie)
            ministeries.append(m)
            regelingen[m.pk] = [Regeling.objects.create(bwb_id=f"BWBR{i:03d}{j:04d}", titel=f"Wet {i}-{j}",
                                                        eigenaar=m, kamercommissie=cie) for j in range(5)]
            User.objects.create(username=f"griffie-{i}", rol="griffie", organisatie=cie, email=f"g{i}@example.org")
            User.objects.create(username=f"minister-{i}", rol="bewindspersoon", organisatie=m)
        for i in range(30):
            uitvoerders.append(Organisatie.objects.create(
                afkorting=f"uo-{i}", naam=f"Uitvoeringsorganisatie {i}", soort="uitvoeringsorganisatie",
                opdrachtgever=ministeries[i % len(ministeries)]))
        for org in ministeries + uitvoerders:
            for rol, n in (("behandelaar", 3), ("bestuur", 2)):
                for k in range(n):
                    User.objects.create(username=f"{rol}-{org.afkorting}-{k}", rol=rol, organisatie=org,
                                        email=f"{rol}{k}@{org.afkorting}.example.org")
        for org in uitvoerders:
            melders += [User.objects.create(username=f"melder-{org.afkorting}-{k}", rol="melder", organisatie=org).pk
                        for k in range(5)]
    orgs = {o.pk: OrgInfo.van(o) for o in Organisatie.objects.all()}

    eerste_id = (Signaal.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    verlopen = [d for d in (kalender.tel_werkdagen_op(dt.date(2026, 3, 2), n) for n in range(40)) if d < SWEEPDAG]
    toekomst = [kalender.tel_werkdagen_op(SWEEPDAG, n) for n in range(1, 40)]
    ingediend = dt.datetime(2026, 2, 2, 9, tzinfo=dt.timezone.utc)
    signalen_schrijf = termijnen_schrijf = None
    te_laat = 0
    ladders = {}
    for start in range(0, aantal, CHUNK):
        signalen, termijnen = [], []
        for sid in range(eerste_id + start, eerste_id + min(aantal, start + CHUNK)):
            eigenaar = rnd.choice(ministeries) if rnd.random() < 0.7 else rnd.choice(uitvoerders)
            ministerie = eigenaar if eigenaar.soort == "ministerie" else eigenaar.opdrachtgever
            regeling = rnd.choice(regelingen[ministerie.pk])
            sleutel = (eigenaar.pk, regeling.kamercommissie_id)
            if sleutel not in ladders:  # every rung but the committee's, which does not escalate
                ladders[sleutel] = ladder.ladder(eigenaar_id=eigenaar.pk, organisaties=orgs,
                                                 regeling_kamercommissie_id=regeling.kamercommissie_id)[:-1]
            treden = ladders[sleutel]
            adres = treden[min(len(treden) - 1, int(rnd.random() ** 2 * len(treden)))]
            is_laat = rnd.random() < due_fraction
            te_laat += is_laat
            uiterste = rnd.choice(verlopen if is_laat else toekomst)
            signalen.append({
                "id": sid, "uuid": uuid.UUID(int=rnd.getrandbits(128), version=4), "titel": f"Knelpunt {sid}",
                "praktijk": "Beschrijving van wat er in de praktijk gebeurt.", "getroffen_burgers": "Burgers",
                "regeling_id": regeling.pk, "indienende_organisatie_id": rnd.choice(uitvoerders).pk,
                "indiener_id": rnd.choice(melders), "eigenaar_id": eigenaar.pk, "status": "in_behandeling",
                "ingediend_op": ingediend, "uiterste_reactiedatum": uiterste, "escalatietrede": adres.trede,
                "termijn_overschreden_op": dt.date(2026, 3, 1) if adres.trede > 1 else None,
            })
            termijnen.append({
                "id": sid, "signaal_id": sid, "trede": adres.trede, "organisatie_id": adres.organisatie_id,
                "rol": adres.rol, "gestart_op": ingediend, "werkdagen": 10, "oorspronkelijke_uiterste_datum": uiterste,
                "uiterste_datum": uiterste, "eindtrede": False,
            })
        with transaction.atomic():
            kolommen, rijen = _rijen(connection, Signaal, signalen)
            signalen_schrijf = signalen_schrijf or _writer(connection, Signaal, kolommen)
            signalen_schrijf(rijen)
            kolommen, rijen = _rijen(connection, Termijn, termijnen)
            termijnen_schrijf = termijnen_schrijf or _writer(connection, Termijn, kolommen)
            termijnen_schrijf(rijen)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Signaal, Termijn]):
            cursor.execute(sql)
        cursor.execute("ANALYZE")
    return {"loaded": aantal, "due": te_laat, "seconds": time.monotonic() - begin}


def child_sweep(batch_size: int) -> dict:
    _setup_django()
    from django.db import connection

    from schakel.termijnen.models import Termijn
    from schakel.termijnen.sweep import run_sweep

    eerste = run_sweep(batch_size=batch_size)
    tweede = run_sweep(batch_size=batch_size)
    with connection.cursor() as cursor:  # every signal has exactly one open term: nothing escalated twice
        cursor.execute(f"SELECT COUNT(*) FROM (SELECT signaal_id FROM {Termijn._meta.db_table} "
                       "WHERE gesloten_op IS NULL GROUP BY signaal_id HAVING COUNT(*) > 1) dubbel")
        dubbel = cursor.fetchone()[0]
    return {
        "escalated": eerste.escalated, "seconds": eerste.seconds, "batches": eerste.batches,
        "second_escalated": tweede.escalated, "second_seconds": tweede.seconds, "double_open": dubbel,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# --- Parent: set up databases, run children, print the table ----------------------------------

def _env(args, db: str, size: int) -> dict:
    env = django_env(args, db, f"bench-{size}.sqlite3")
    # Move the clock to the sweep day, whatever the real date is.
    nu = dt.datetime.now(dt.timezone.utc)
    doel = dt.datetime(SWEEPDAG.year, SWEEPDAG.month, SWEEPDAG.day, 6, tzinfo=dt.timezone.utc)
    env["SCHAKEL_CLOCK_OFFSET_DAYS"] = repr((doel - nu).total_seconds() / 86400)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--due-fraction", type=float, default=1.0,
                        help="Share of open requests whose deadline has passed (1.0: worst case, all due).")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--sqlite-dir", default="/tmp/schakel-bench")
    parser.add_argument("--pg-host", default=os.environ.get("SCHAKEL_DB_HOST", "127.0.0.1"))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("SCHAKEL_DB_PORT", "5432")))
    parser.add_argument("--pg-user", default=os.environ.get("SCHAKEL_DB_USER", "postgres"))
    parser.add_argument("--pg-password", default=os.environ.get("SCHAKEL_DB_PASSWORD", ""))
    parser.add_argument("--pg-database", default="schakel_bench")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark databases afterwards.")
    parser.add_argument("--child", choices=["load", "sweep"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child == "load":
        print(json.dumps(child_load(args.size, args.due_fraction, args.seed)))
        return
    if args.child == "sweep":
        print(json.dumps(child_sweep(args.batch_size)))
        return

    kop = (f"{'database':<11}{'open':>10}{'due':>10}{'escalated':>11}{'load s':>9}{'sweep s':>9}"
           f"{'rows/s':>9}{'peak MB':>9}{'2nd run s':>10}  check")
    print(f"Sweep benchmark, batch size {args.batch_size}, due fraction {args.due_fraction:g}, "
          f"sweep day {SWEEPDAG} (clock moved).")
    print(kop)
    print("-" * len(kop))
    for db in args.db:
        for size in args.sizes:
            env = _env(args, db, size)
            fresh_database(args, db, env)
            geladen = run_child(__file__, env, "--child", "load", "--size", str(size), "--due-fraction", str(args.due_fraction),
                             "--seed", str(args.seed))
            uitslag = run_child(__file__, env, "--child", "sweep", "--batch-size", str(args.batch_size))
            goed = (uitslag["escalated"] == geladen["due"] and uitslag["second_escalated"] == 0
                    and uitslag["double_open"] == 0)
            per_seconde = uitslag["escalated"] / uitslag["seconds"] if uitslag["seconds"] else 0
            print(f"{db:<11}{size:>10,}{geladen['due']:>10,}{uitslag['escalated']:>11,}{geladen['seconds']:>9.1f}"
                  f"{uitslag['seconds']:>9.1f}{per_seconde:>9,.0f}{uitslag['maxrss_mb']:>9.0f}"
                  f"{uitslag['second_seconds']:>10.2f}  {'ok' if goed else 'MISMATCH'}", flush=True)
            if not args.keep:
                if db == "sqlite":
                    for suffix in ("", "-wal", "-shm"):
                        Path(env["SCHAKEL_DB_NAME"] + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
