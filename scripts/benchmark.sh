#!/usr/bin/env bash
# Run the benchmarks in benchmarks/ against SQLite and a private PostgreSQL server that this
# script starts in a temporary directory and stops afterwards. Figures are printed.
#
#   scripts/benchmark.sh                 # sweep (10k/100k/1M), report (1M), router (100k),
#                                        # load (gunicorn + wrk, 100k and 1M generated signals),
#                                        # web pages (every read-only page, on load's last database)
#   scripts/benchmark.sh --quick         # the same at 10k, to check the set-up in a few minutes
set -uo pipefail
# shellcheck source=scripts/_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/_lib.sh"

QUICK=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        *) die "unknown option: $arg (use --quick or nothing)" ;;
    esac
done

trap stop_postgres EXIT
trap 'exit 130' INT TERM

ensure_venv
# A database server is sized to its data and its machine, as in production (docs/operations.md):
# a quarter of the memory for PostgreSQL's own cache (at most 8 GB), the rest counted as the
# operating system's file cache, and sorts and bitmaps of a broad search kept in memory.
MEM_MB=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
SHARED_MB=$(( MEM_MB / 4 > 8192 ? 8192 : MEM_MB / 4 ))
PG_SERVER_OPTS="-c shared_buffers=${SHARED_MB}MB -c effective_cache_size=$(( MEM_MB / 2 ))MB -c work_mem=16MB \
-c maintenance_work_mem=512MB -c random_page_cost=1.1"
say "PostgreSQL settings for the benchmarks: $PG_SERVER_OPTS"
start_postgres || die "could not start PostgreSQL (install the 'postgresql' package)"
PG_ARGS=(--pg-host 127.0.0.1 --pg-port "$SCHAKEL_DB_PORT" --pg-user postgres)
# The benchmarks create and drop their own databases; the app's settings stay on SQLite.
unset SCHAKEL_DB_ENGINE SCHAKEL_DB_NAME SCHAKEL_DB_USER SCHAKEL_DB_PASSWORD

if [ "$QUICK" = 1 ]; then
    SWEEP_SIZES=(10000) REPORT_SIZES=(10000) ROUTER_ARGS=(10000) LOAD_ARGS=(--sizes 10000 --duration 5)
    PAGINAS_ARGS=(--requests 5)
else
    SWEEP_SIZES=(10000 100000 1000000) REPORT_SIZES=(1000000) ROUTER_ARGS=() LOAD_ARGS=(--sizes 100000 1000000)
    PAGINAS_ARGS=(--requests 20)
fi

# The load benchmark drives the app with wrk (Debian package), from a second process.
if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "Installing wrk"
        apt-get install -y -q wrk >/dev/null || warn "could not install wrk"
    else
        warn "wrk is missing: install it (sudo apt-get install wrk) for the load benchmark"
    fi
fi

status=0
say "Escalation sweep: ${SWEEP_SIZES[*]} open requests, SQLite and PostgreSQL"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/sweep.py" --sizes "${SWEEP_SIZES[@]}" "${PG_ARGS[@]}" || status=1
say "Staat van de Uitvoering: ${REPORT_SIZES[*]} signals, PostgreSQL"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/report.py" --sizes "${REPORT_SIZES[@]}" "${PG_ARGS[@]}" || status=1
say "Text router: training and prediction"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/router.py" "${ROUTER_ARGS[@]}" || status=1
say "Load: gunicorn + wrk on generated data (${LOAD_ARGS[*]}), pgbench ceiling, PostgreSQL"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/load.py" "${LOAD_ARGS[@]}" "${PG_ARGS[@]}" || status=1
# load.py keeps its database (schakel_bench_load) with the last size it generated.
say "Web pages: every read-only page, in-process, on the load benchmark's database"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/paginas.py" "${PAGINAS_ARGS[@]}" "${PG_ARGS[@]}" \
    --pg-database schakel_bench_load --add-users || status=1
exit "$status"
