# Shared helpers for scripts/demo.sh, scripts/test.sh and scripts/benchmark.sh. Source it; do not run it.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SCHAKEL_VENV:-$REPO_ROOT/.venv}"
MIN_PYTHON="3.11"

if [ -t 1 ]; then
    _bold=$'\033[1m' _red=$'\033[31m' _yellow=$'\033[33m' _reset=$'\033[0m'
else
    _bold="" _red="" _yellow="" _reset=""
fi

say() { printf '%s==> %s%s\n' "$_bold" "$*" "$_reset"; }
warn() { printf '%sWARNING: %s%s\n' "$_yellow" "$*" "$_reset" >&2; }
die() { printf '%sERROR: %s%s\n' "$_red" "$*" "$_reset" >&2; exit 1; }

# A loud, unmissable notice for things that were skipped.
shout() {
    local line="################################################################################"
    printf '%s%s\n# %s\n%s%s\n' "$_yellow" "$line" "$*" "$line" "$_reset" >&2
}

in_ci() { [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; }

# --- Debian packages -------------------------------------------------------------------

_APT_UPDATED=""

# How to run a command as root: "" when we are root, "sudo -n" with password-less sudo,
# "sudo" on an interactive terminal. Returns 1 when there is no way.
_root_prefix() {
    if [ "$(id -u)" -eq 0 ]; then
        ROOT=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        ROOT="sudo -n"
    elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
        ROOT="sudo"
    else
        return 1
    fi
}

# apt_install PACKAGE...: install Debian packages (update the index once per run).
# Returns non-zero when apt is unavailable or we cannot become root.
apt_install() {
    [ "$#" -gt 0 ] || return 0
    command -v apt-get >/dev/null 2>&1 || { warn "apt-get not found; cannot install: $*"; return 1; }
    _root_prefix || { warn "not root and no sudo; cannot install: $*"; return 1; }
    local apt=($ROOT env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -q)
    if [ -z "$_APT_UPDATED" ]; then
        say "apt-get update"
        "${apt[@]}" update -qq || return 1
        _APT_UPDATED=1
    fi
    say "apt-get install $*"
    "${apt[@]}" install -y -qq --no-install-recommends "$@" || return 1
}

# --- Python virtual environment ----------------------------------------------------------

_python_ok() {
    "$1" -c "import sys; sys.exit(sys.version_info < tuple(map(int, '$MIN_PYTHON'.split('.'))))" 2>/dev/null
}

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 && _python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

# ensure_venv: create or reuse .venv and install the project with its test extras.
# Re-installs only when pyproject.toml changed since the last install.
ensure_venv() {
    if [ -x "$VENV/bin/python" ] && ! _python_ok "$VENV/bin/python"; then
        warn "$VENV is broken or too old; recreating it"
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        local python
        if ! python="$(find_python)"; then
            apt_install python3 python3-venv || true
            python="$(find_python)" || die "Python >= $MIN_PYTHON is required (set PYTHON=/path/to/python3.11)."
        fi
        if ! "$python" -c "import ensurepip, venv" 2>/dev/null; then
            local version
            version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
            apt_install python3-venv "python$version-venv" || apt_install python3-venv || true
        fi
        say "Creating $VENV with $python"
        "$python" -m venv "$VENV" || die "Could not create a virtual environment (on Debian: apt-get install python3-venv)."
    fi
    local stamp="$VENV/.schakel-installed" wanted
    wanted="$(cat "$REPO_ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ -x "$VENV/bin/schakel" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        say "Reusing $VENV (dependencies up to date)"
    else
        say "Installing Schakel and its dependencies into $VENV"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$REPO_ROOT[test]" \
            || die "pip install failed"
        echo "$wanted" >"$stamp"
    fi
    export PATH="$VENV/bin:$PATH"
}

# --- Node packages for the browser tests ---------------------------------------------------

# ensure_node_packages: install package.json's packages (axe-core, injected into pages by the
# browser tests) into node_modules/ with `npm ci`, again only when package-lock.json changed.
ensure_node_packages() {
    local stamp="$REPO_ROOT/node_modules/.schakel-installed" wanted
    command -v npm >/dev/null 2>&1 || { warn "npm not found; cannot install the browser tests' Node packages"; return 1; }
    wanted="$(sha256sum <"$REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        say "Reusing node_modules (Node packages up to date)"
        return 0
    fi
    say "npm ci (Node packages for the browser tests: axe-core)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    echo "$wanted" >"$stamp"
}

# has_command NAME: whether the Django management command NAME (with underscores) exists.
has_command() {
    "$VENV/bin/schakel" help --commands 2>/dev/null | grep -qx "$1"
}

# free_port: an unused TCP port on 127.0.0.1.
free_port() {
    "${VENV}/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- PostgreSQL: a private server in a temporary directory --------------------------------

PG_BIN=""
PG_DIR=""
PG_RUN=()

stop_postgres() {
    if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        (cd "$PG_DIR" && "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1)
    fi
    if [ -n "$PG_DIR" ]; then rm -rf "$PG_DIR"; fi
    PG_DIR=""
}

# start_postgres: initdb + pg_ctl on a free port of 127.0.0.1 with trust authentication, as a
# non-root user (PostgreSQL refuses to run as root). Exports the SCHAKEL_DB_* variables.
# PG_SERVER_OPTS (optional) adds server settings, e.g. "-c shared_buffers=1GB".
start_postgres() {
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -x "$PG_BIN/initdb" ] || { warn "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin"; return 1; }
    if [ "$(id -u)" -eq 0 ]; then
        # In /tmp rather than $TMPDIR, which the server's user may not be able to enter.
        PG_DIR="$(mktemp -d /tmp/schakel-pg.XXXXXX)"
        local pg_user=postgres
        if ! id "$pg_user" >/dev/null 2>&1; then
            pg_user=schakel-pg
            id "$pg_user" >/dev/null 2>&1 \
                || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user" \
                || { warn "could not create a system user to run PostgreSQL"; return 1; }
        fi
        chown "$pg_user" "$PG_DIR"
        PG_RUN=(runuser -u "$pg_user" --)
    else
        PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/schakel-pg.XXXXXX")"
        PG_RUN=(env)
    fi
    chmod 700 "$PG_DIR"
    local port
    port="$(free_port)"
    say "Starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PG_DIR)"
    (cd "$PG_DIR" && "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale \
        >"$PG_DIR/initdb.log" 2>&1) || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    # Durability is worthless for a test database: turn it off for speed.
    (cd "$PG_DIR" && "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_SERVER_OPTS:-}" \
        start >/dev/null) || { cat "$PG_DIR/data/server.log" >&2; return 1; }
    # The application role may create (test) databases but is no superuser, as in production.
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE schakel LOGIN CREATEDB" -c "CREATE DATABASE schakel OWNER schakel" || return 1
    export SCHAKEL_DB_ENGINE=postgresql SCHAKEL_DB_HOST=127.0.0.1 SCHAKEL_DB_PORT="$port" \
        SCHAKEL_DB_NAME=schakel SCHAKEL_DB_USER=schakel SCHAKEL_DB_PASSWORD=""
}
