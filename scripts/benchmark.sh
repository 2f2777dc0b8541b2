#!/usr/bin/env bash
# Run the benchmarks in benchmarks/ against SQLite and a private PostgreSQL server that this
# script starts in a temporary directory and stops afterwards. Figures are printed.
#
#   scripts/benchmark.sh                 # sweep (10k/100k/1M), report (1M), router (100k)
#   scripts/benchmark.sh --quick         # the same at 10k, to check the set-up in a minute
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
start_postgres || die "could not start PostgreSQL (install the 'postgresql' package)"
PG_ARGS=(--pg-host 127.0.0.1 --pg-port "$SCHAKEL_DB_PORT" --pg-user postgres)
# The benchmarks create and drop their own databases; the app's settings stay on SQLite.
unset SCHAKEL_DB_ENGINE SCHAKEL_DB_NAME SCHAKEL_DB_USER SCHAKEL_DB_PASSWORD

if [ "$QUICK" = 1 ]; then
    SWEEP_SIZES=(10000) REPORT_SIZES=(10000) ROUTER_ARGS=(10000)
else
    SWEEP_SIZES=(10000 100000 1000000) REPORT_SIZES=(1000000) ROUTER_ARGS=()
fi

status=0
say "Escalation sweep: ${SWEEP_SIZES[*]} open requests, SQLite and PostgreSQL"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/sweep.py" --sizes "${SWEEP_SIZES[@]}" "${PG_ARGS[@]}" || status=1
say "Staat van de Uitvoering: ${REPORT_SIZES[*]} signals, PostgreSQL"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/report.py" --sizes "${REPORT_SIZES[@]}" "${PG_ARGS[@]}" || status=1
say "Text router: training and prediction"
"$VENV/bin/python" "$REPO_ROOT/benchmarks/router.py" "${ROUTER_ARGS[@]}" || status=1
exit "$status"
