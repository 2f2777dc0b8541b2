#!/usr/bin/env bash
# Lint the checked-in OpenAPI document (openapi.yaml) with the Dutch API Design Rules.
#
# Usage: scripts/lint-api.sh [spectral options...]
#
# The ruleset lives in the shared standards directory, by default ../shared next to the
# repository (as in CI); set SCHAKEL_SHARED_DIR to use another copy. Fails on any error.
# Regenerate the document first with `schakel schrijf-openapi` if the API changed
# (tests/api/test_schema.py fails when the checked-in file is out of date).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_DIR="${SCHAKEL_SHARED_DIR:-$REPO_ROOT/../shared}"
RULESET="$SHARED_DIR/standards/nl-api-design-rules.spectral.yaml"
SCHEMA="$REPO_ROOT/openapi.yaml"

if [ ! -f "$RULESET" ]; then
    echo "ERROR: ruleset not found: $RULESET (set SCHAKEL_SHARED_DIR to the shared/ directory)" >&2
    exit 2
fi
if [ ! -f "$SCHEMA" ]; then
    echo "ERROR: $SCHEMA not found; generate it with 'schakel schrijf-openapi'" >&2
    exit 2
fi
command -v npx >/dev/null 2>&1 || { echo "ERROR: npx (Node.js) is needed to run Spectral" >&2; exit 2; }

cd "$REPO_ROOT"
exec npx --yes @stoplight/spectral-cli@6 lint -r "$RULESET" openapi.yaml --fail-severity=error "$@"
