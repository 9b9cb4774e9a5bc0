#!/usr/bin/env bash
# The whole suite, as CI runs it: setup → lint → typecheck → unit → build → lab → integration → e2e.
# Starts the services the tests need (the "test" lab on ports 21000+ and the panel on :3300) and stops
# them again, whatever happens.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 SWITCHBOARD_LAB_PROFILE=test
results=.lab/results
step() { printf '\n== %s\n' "$*"; }
fail() { echo "test: $*" >&2; exit 1; }

bash scripts/setup.sh || fail "setup failed"
mkdir -p "$results"
rm -f "$results"/*.json

step "lint";       npx eslint --max-warnings 0 . || fail "lint failed"
step "format";     npx prettier --check --log-level warn . || fail "formatting differs: run npm run format"
step "typecheck";  npx tsc --noEmit -p . || fail "typecheck failed"
step "unit tests"; npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json" || fail "unit tests failed"
step "build";      bash scripts/build-if-needed.sh --force || fail "build failed"

step "lab"
trap 'bash scripts/lab-stop.sh test >/dev/null' EXIT
bash scripts/lab-start.sh test --panel || fail "the lab did not start"

status=0
step "integration tests"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json" || status=1
step "e2e tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json || status=1

step "summary"
node scripts/test-summary.mjs "$results" || status=1
exit $status
