#!/usr/bin/env bash
# Set up and start the Schakel demo on http://localhost:8000/.
#
# Usage: scripts/demo.sh [--port N] [--setup-only]
#
# Creates .venv and installs Schakel, migrates the SQLite database in var/, loads the
# reference data (organisations, regulations) and the demo data set (users, signals,
# answers), collects static files and starts the server. Safe to run again: it reuses
# the environment and the data. Settings come from the environment as usual
# (docs/operations.md); SCHAKEL_DATA_DIR moves the database and static files.
set -euo pipefail

# shellcheck source=scripts/_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/_lib.sh"
cd "$REPO_ROOT"

PORT="${SCHAKEL_PORT:-8000}"
SERVE=1
while [ "$#" -gt 0 ]; do
    case "$1" in
        --port) PORT="${2:?--port needs a number}"; shift ;;
        --port=*) PORT="${1#--port=}" ;;
        --setup-only) SERVE=0 ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $1 (see --help)" ;;
    esac
    shift
done
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port needs a number, not '$PORT'"

ensure_venv

# The demo runs with production-like settings (DEBUG off, WhiteNoise serves static files)
# and the demo switches on: the fixed development secret and plain-HTTP cookies.
export SCHAKEL_DEMO=1
export SCHAKEL_DEBUG="${SCHAKEL_DEBUG:-0}"
export SCHAKEL_DATA_DIR="${SCHAKEL_DATA_DIR:-$REPO_ROOT/var}"
# Reachable under any host name: the demo listens on all interfaces of a test machine.
export SCHAKEL_ALLOWED_HOSTS="${SCHAKEL_ALLOWED_HOSTS:-*}"
unset SCHAKEL_DB_ENGINE  # the demo always uses its own SQLite database
mkdir -p "$SCHAKEL_DATA_DIR"

say "Database: $SCHAKEL_DATA_DIR/schakel.sqlite3"
schakel migrate --noinput --verbosity 0
schakel createcachetable

load() {  # load COMMAND_NAME: run a data-loading management command if it exists
    if has_command "$1"; then
        say "schakel ${1//_/-}"
        schakel "${1//_/-}"
    else
        shout "'schakel ${1//_/-}' does not exist in this version yet: skipped."
    fi
}
export SCHAKEL_PORT="$PORT"  # laad-demodata prints the address with this port
load laad_referentiedata
load laad_demodata
# The text router, trained on the demo signals, so that filing and triage show advice.
load train_router

say "Static files"
schakel collectstatic --noinput --verbosity 0

HOST_IP="$(hostname -I 2>/dev/null | awk '{print $1}' || true)"
PASSWORD="$(schakel shell --verbosity 0 -c 'from schakel.demo.opbouw import DEMO_WACHTWOORD; print(DEMO_WACHTWOORD)' \
    2>/dev/null || true)"
cat <<EOF

${_bold}Schakel demo is ready.${_reset}
  Open:      http://localhost:$PORT/${HOST_IP:+   (or http://$HOST_IP:$PORT/)}
  API:       http://localhost:$PORT/api/v1/   (described in openapi.yaml)
  Data:      $SCHAKEL_DATA_DIR (delete it to start afresh)
EOF
if [ -n "$PASSWORD" ]; then
    cat <<EOF
  Log in on  http://localhost:$PORT/inloggen  with password ${_bold}$PASSWORD${_reset} as, for example:
    melder.uwv        melder: files signals for UWV
    behandelaar.szw   behandelaar: answers for the Ministry of SZW (comply or explain)
    behandelaar.bzk   behandelaar with the triage permission: routes signals without a regulation
    bestuur.uwv       bestuur: UWV's board, receives escalations
    minister.szw      bewindspersoon: political answers
    griffie.szw       griffie: clerk of the SZW committee
    beheer            administrator, also on /beheer/
  Every organisation has such accounts: see the full list above.
EOF
fi
echo

if [ "$SERVE" = 1 ]; then
    # gunicorn, as in production (docs/operations.md); WhiteNoise serves the collected static files.
    say "Starting gunicorn on 0.0.0.0:$PORT (Ctrl-C stops it)"
    exec "$VENV/bin/gunicorn" schakel.wsgi -b "0.0.0.0:$PORT" -w 2 --access-logfile - --log-level warning
fi
