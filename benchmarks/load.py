#!/usr/bin/env python
"""Load benchmark: the app under gunicorn on PostgreSQL with generated data, driven by wrk.

For each size the script creates a fresh PostgreSQL database, migrates it, fills it with
``schakel genereer-data`` (COPY), and then

1. measures the ceiling: ``pgbench`` with a single-row ``INSERT`` per transaction, and
   compares our bulk-import rate (rows per second) with it;
2. starts gunicorn (production settings, ``--workers``) on a free loopback port and drives it
   with ``wrk`` (a second process, C, so the load generator takes little CPU from the app)
   through four scenarios, each at 1, 10 and 50 concurrent connections:
   ``create`` (POST /api/v1/signalen with a token and a fresh Idempotency-Key),
   ``list`` (GET /api/v1/signalen with filters), ``search`` (Dutch full-text ``zoek``) and
   ``page`` (the signal page, logged in as a ministry handler); prints throughput and the
   p50/p95/p99 latency;
3. times the escalation sweep (``schakel escaleer``: the scheduled run on the generated data)
   and the figures of the Staat van de Uitvoering (whole government, last year).

Figures are printed, never asserted. See docs/performance.md.

    .venv/bin/python benchmarks/load.py --pg-port 54329 --pg-user postgres --sizes 100000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from _common import ROOT, django_env, fresh_database, percentiel, run_child

LUA = Path(__file__).resolve().parent / "wrk"
SCENARIOS = ("create", "list", "search", "page")


# --- child processes ------------------------------------------------------------------------

def _setup_django():
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.settings")
    import django

    django.setup()


def child_prepare() -> dict:
    """A token for a filing system, a logged-in session for a ministry handler, sample keys."""
    _setup_django()
    import datetime as dt
    import random

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db.models import Count
    from importlib import import_module
    from schakel.accounts import apitokens

    from schakel.accounts.models import User
    from schakel.signalen.models import Signaal

    rnd = random.Random(3)
    melder = User.objects.get(username="gen.melder.uwv")
    _, api_sleutel = apitokens.maak(melder)
    # The ministry that owns the most signals; its handler sees them all.
    eigenaar = (Signaal.objects.values("eigenaar__afkorting").annotate(n=Count("id")).order_by("-n")[0])
    behandelaar = User.objects.get(username=f"gen.behandelaar.{eigenaar['eigenaar__afkorting']}")
    sessie = import_module(settings.SESSION_ENGINE).SessionStore()
    sessie[SESSION_KEY] = str(behandelaar.pk)
    sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sessie[HASH_SESSION_KEY] = behandelaar.get_session_auth_hash()
    sessie.create()
    hoogste = Signaal.objects.order_by("-id").values_list("id", flat=True).first()
    ids = sorted({rnd.randint(1, hoogste) for _ in range(3000)})
    uuids = [str(u) for u in Signaal.objects.filter(id__in=ids, eigenaar__afkorting=eigenaar["eigenaar__afkorting"])
             .values_list("uuid", flat=True)[:500]]
    eigenaren = list(Signaal.objects.values_list("eigenaar__afkorting", flat=True).order_by().distinct())
    organisaties = list(Signaal.objects.values_list("indienende_organisatie__afkorting", flat=True).order_by().distinct())
    regelingen = list(Signaal.objects.values_list("regeling__bwb_id", flat=True).order_by().distinct())
    from schakel.core import clock

    return {"token": api_sleutel, "vanaf": (clock.today() - dt.timedelta(days=90)).isoformat(), "sessie": sessie.session_key, "sessie_cookie": settings.SESSION_COOKIE_NAME,
            "uuids": uuids, "eigenaren": sorted(eigenaren), "organisaties": sorted(organisaties),
            "regelingen": sorted(regelingen), "regeling": "BWBR0019057" if "BWBR0019057" in regelingen else regelingen[0]}


def child_batch() -> dict:
    """The escalation sweep and the figures of the Staat van de Uitvoering, timed."""
    _setup_django()
    from schakel.core import clock
    from schakel.rapportage.cijfers import Periode, Reikwijdte, bereken
    from schakel.termijnen.sweep import run_sweep

    uit = {}
    begin = time.monotonic()
    sweep = run_sweep()
    uit["sweep"] = {"seconds": time.monotonic() - begin, "escalated": sweep.escalated}
    begin = time.monotonic()
    sweep = run_sweep()
    uit["sweep (again)"] = {"seconds": time.monotonic() - begin, "escalated": sweep.escalated}
    jaar = clock.today().year - 1
    begin = time.monotonic()
    staat = bereken(Periode.van_jaar(jaar), Reikwijdte())
    uit[f"staat {jaar}"] = {"seconds": time.monotonic() - begin, "ingediend": staat["huidig"]["signalen"]["ingediend"]}
    return uit


# --- parent ---------------------------------------------------------------------------------

def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pgbench(args, clients: int, seconds: int) -> float:
    """Single-row INSERT transactions per second with ``clients`` connections."""
    pgbench = shutil.which("pgbench") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/pgbench"))), None)
    if not pgbench:
        return float("nan")
    verbinding = ["-h", args.pg_host, "-p", str(args.pg_port), "-U", args.pg_user, args.pg_database]
    subprocess.run(["psql", "-q", *verbinding[:-1], "-d", args.pg_database, "-c",
                    "CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, titel text, "
                    "ingediend_op timestamptz DEFAULT now()); TRUNCATE bench_insert"], check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write("INSERT INTO bench_insert (titel) VALUES ('Knelpunt uit de uitvoering');\n")
    try:
        uit = subprocess.run([pgbench, "-n", "-f", f.name, "-c", str(clients), "-j", str(min(clients, 2)),
                              "-T", str(seconds), *verbinding], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
        subprocess.run(["psql", "-q", *verbinding[:-1], "-d", args.pg_database, "-c", "DROP TABLE bench_insert"])
    for regel in uit.splitlines():
        if regel.startswith("tps ="):
            return float(regel.split()[2])
    return float("nan")


def _wacht_op(url: str, proces: subprocess.Popen, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces.poll() is not None:
            sys.exit("gunicorn stopped while starting")
        try:
            with urllib.request.urlopen(url, timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"gunicorn did not answer {url} within {seconden} s")


def _wrk(scenario: str, clients: int, seconds: int, url: str, wrk_env: dict) -> dict:
    threads = max(1, min(clients, 2))
    uit = subprocess.run(["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", str(LUA / f"{scenario}.lua"), url], env=wrk_env, capture_output=True, text=True)
    if uit.returncode != 0:
        sys.exit(f"wrk {scenario} failed:\n{uit.stdout}\n{uit.stderr}")
    regel = next(r for r in reversed(uit.stdout.splitlines()) if r.startswith("{"))
    return json.loads(regel)


def _controleer(basis: str, voorbereid: dict) -> None:
    """One request per scenario with urllib: a redirect to the login page or a 4xx is a broken set-up."""
    pagina = urllib.request.Request(f"{basis}/signalen/{voorbereid['uuids'][0]}",
                                    headers={"Cookie": f"{voorbereid['sessie_cookie']}={voorbereid['sessie']}"})
    with urllib.request.urlopen(pagina, timeout=30) as antwoord:
        if antwoord.status != 200 or "uitloggen" not in antwoord.read().decode().lower():
            sys.exit(f"the signal page answered {antwoord.status} at {antwoord.url}: session not accepted")
    with urllib.request.urlopen(f"{basis}/api/v1/signalen?zoek=voorschot", timeout=30) as antwoord:
        if json.load(antwoord)["count"] == 0:
            sys.exit("full-text search finds nothing: is zoektekst generated?")


def _leeg(basis: str) -> None:
    """Wait until gunicorn has worked off the requests the previous run left queued (wrk stops
    sending after its duration, the workers do not): a few requests in a row, one at a time."""
    for _ in range(3):
        with urllib.request.urlopen(f"{basis}/api/v1/oorzaken", timeout=120) as antwoord:
            antwoord.read()


# gunicorn's access log, one line per request: method, path?query, status, time in microseconds.
TOEGANGSFORMAAT = "%(m)s %(U)s?%(q)s %(s)s %(D)s"


def _soort_verzoek(pad: str) -> str:
    """A list request by its filter names (values rotate), a search by its words."""
    query = urllib.parse.parse_qs(pad.partition("?")[2])
    if "zoek" in query:
        return "zoek=" + " ".join(query["zoek"]) + "".join(f" &{k}" for k in sorted(query) if k != "zoek")
    return "&".join(sorted(query)) or pad


def _per_verzoek(toegangslog: Path, vanaf: int, zoeken: bool) -> None:
    """Server time per kind of request of the run just done (with one client the server time is
    the request's own cost), slowest p95 first: which requests make the scenario's tail."""
    tijden: dict[str, list[float]] = {}
    with toegangslog.open() as log:
        log.seek(vanaf)
        for regel in log:
            delen = regel.split()
            if len(delen) == 4 and delen[0] == "GET" and delen[1].startswith("/api/v1/signalen?"):
                soort = _soort_verzoek(delen[1])
                if soort.startswith("zoek=") == zoeken:  # not a straggler of the run before
                    tijden.setdefault(soort, []).append(int(delen[3]) / 1000)
    for soort, ms in sorted(tijden.items(), key=lambda kv: -percentiel(kv[1], 95)):
        print(f"      server p50 {percentiel(ms, 50):6.1f} ms  p95 {percentiel(ms, 95):6.1f} ms"
              f"  ({len(ms):>3}x) {soort}", flush=True)


def _belast(args, env: dict, voorbereid: dict) -> list[dict]:
    poort = _vrije_poort()
    basis = f"http://127.0.0.1:{poort}"
    server_env = {**env, "SCHAKEL_DB_CONN_MAX_AGE": "60",
                  # One client address and one token generate all the load: the API limits are off
                  # (see docs/performance.md for what the throttle costs).
                  "SCHAKEL_API_RATE_ANONIEM": "geen", "SCHAKEL_API_RATE_GEBRUIKER": "geen",
                  "SCHAKEL_DATA_DIR": tempfile.mkdtemp(prefix="schakel-load-")}
    toegangslog = Path(server_env["SCHAKEL_DATA_DIR"]) / "toegang.log"
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "schakel.wsgi:application", "--bind", f"127.0.0.1:{poort}",
         "--workers", str(args.workers), "--timeout", "60", "--log-level", "warning",
         "--access-logfile", str(toegangslog), "--access-logformat", TOEGANGSFORMAAT],
        env=server_env, cwd=ROOT, start_new_session=True)
    try:
        _wacht_op(f"{basis}/api/v1/oorzaken", gunicorn)
        uuids_bestand = str(Path(server_env["SCHAKEL_DATA_DIR"]) / "uuids.txt")
        Path(uuids_bestand).write_text("\n".join(voorbereid["uuids"]) + "\n")
        wrk_env = {**os.environ, "SCHAKEL_TOKEN": voorbereid["token"],
                   "SCHAKEL_SESSIE": f"{voorbereid['sessie_cookie']}={voorbereid['sessie']}",
                   "SCHAKEL_UUIDS": uuids_bestand, "SCHAKEL_EIGENAREN": ",".join(voorbereid["eigenaren"]),
                   "SCHAKEL_ORGANISATIES": ",".join(voorbereid["organisaties"]),
                   "SCHAKEL_REGELINGEN": ",".join(voorbereid["regelingen"]),
                   "SCHAKEL_REGELING": voorbereid["regeling"], "SCHAKEL_RUN": str(int(time.time())),
                   "SCHAKEL_VANAF": voorbereid["vanaf"], "SCHAKEL_LUA_DIR": str(LUA)}
        _controleer(basis, voorbereid)
        for scenario in SCENARIOS:  # warm up every worker (imports, templates, connections)
            _wrk(scenario, min(10, max(args.clients)), 2, basis, wrk_env)
        resultaten = []
        for scenario in args.scenarios:
            for clients in args.clients:
                _leeg(basis)
                begin_log = toegangslog.stat().st_size
                r = _wrk(scenario, clients, args.duration, basis, wrk_env)
                r.update(scenario=scenario, clients=clients)
                resultaten.append(r)
                print(f"  {scenario:<7} {clients:>3} clients: {r['requests'] / r['seconds']:8.1f} req/s   "
                      f"p50 {r['p50'] / 1000:7.1f} ms  p95 {r['p95'] / 1000:7.1f} ms  p99 {r['p99'] / 1000:7.1f} ms"
                      f"   errors {r['errors']} (non-2xx {r['status_errors']})", flush=True)
                if clients == 1 and scenario in ("list", "search"):
                    _per_verzoek(toegangslog, begin_log, zoeken=scenario == "search")
        return resultaten
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(gunicorn.pid, signal.SIGKILL)
            gunicorn.wait()
        shutil.rmtree(server_env["SCHAKEL_DATA_DIR"], ignore_errors=True)


def _tel_rijen(env: dict) -> int:
    import psycopg

    with psycopg.connect(host=env["SCHAKEL_DB_HOST"], port=env["SCHAKEL_DB_PORT"], user=env["SCHAKEL_DB_USER"],
                         password=env["SCHAKEL_DB_PASSWORD"], dbname=env["SCHAKEL_DB_NAME"]) as conn:
        tabellen = ["signalen_signaal", "signalen_reactie", "signalen_toezegging", "termijnen_termijn",
                    "signalen_signaal_oorzaken", "knelpunten_knelpunt", "knelpunten_bundeling",
                    "termijnen_verlopentoezegging"]
        return sum(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tabellen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--clients", nargs="+", type=int, default=[1, 10, 50])
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario and concurrency")
    parser.add_argument("--scenarios", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--pg-host", default=os.environ.get("SCHAKEL_DB_HOST", "127.0.0.1"))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("SCHAKEL_DB_PORT", "5432")))
    parser.add_argument("--pg-user", default=os.environ.get("SCHAKEL_DB_USER", "postgres"))
    parser.add_argument("--pg-password", default=os.environ.get("SCHAKEL_DB_PASSWORD", ""))
    parser.add_argument("--pg-database", default="schakel_bench_load")
    parser.add_argument("--skip-load", action="store_true", help="Reuse the database of an earlier run.")
    parser.add_argument("--child", choices=["prepare", "batch"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child == "prepare":
        print(json.dumps(child_prepare()))
        return
    if args.child == "batch":
        print(json.dumps(child_batch()))
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop gunicorn on the way out
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk; scripts/benchmark.sh does this)")

    for size in args.sizes:
        env = django_env(args, "postgresql", "")
        print(f"Load benchmark, {size:,} signals, gunicorn with {args.workers} workers, PostgreSQL, "
              f"{os.cpu_count()} CPUs (load average {os.getloadavg()[0]:.1f})", flush=True)
        if not args.skip_load:
            fresh_database(args, "postgresql", env)
            subprocess.run([sys.executable, "-m", "schakel.cli", "createcachetable"], env=env, check=True)
            begin = time.monotonic()
            subprocess.run([sys.executable, "-m", "schakel.cli", "genereer-data", "--signalen", str(size),
                            "--seed", str(args.seed), "-v0"], env=env, check=True)
            duur = time.monotonic() - begin
            rijen = _tel_rijen(env)
            print(f"  generated {rijen:,} rows in {duur:.1f} s: {size / duur:,.0f} signals/s, "
                  f"{rijen / duur:,.0f} rows/s", flush=True)
            for clients in (1, 10):
                tps = _pgbench(args, clients, 10)
                print(f"  pgbench single-row INSERT, {clients:>2} clients: {tps:,.0f} TPS; bulk import "
                      f"{rijen / duur:,.0f} rows/s = {rijen / duur / tps:.1f}x that", flush=True)
        voorbereid = run_child(__file__, env, "--child", "prepare")
        _belast(args, env, voorbereid)
        for naam, waarden in run_child(__file__, env, "--child", "batch").items():
            extra = ", ".join(f"{k} {v:,}" for k, v in waarden.items() if k != "seconds")
            print(f"  {naam:<16} {waarden['seconds']:7.2f} s  ({extra})", flush=True)


if __name__ == "__main__":
    main()
