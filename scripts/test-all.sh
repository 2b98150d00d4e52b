#!/usr/bin/env bash
# `npm test`: every check the project has, in order, counted together.
#   lint, typecheck, Vitest on SQLite (with *.s3.test.ts against a throwaway Swift S3 API), Vitest on a throwaway
#   PostgreSQL (with *.pg.test.ts), web build, `npm start` on SQLite and on PostgreSQL, Playwright.
# A failing step does not stop the run, so the totals are complete; the last line is "N passed, N failed" and the
# exit code is non-zero when anything failed. Reports land in .tmp/results/.
# Every process the run starts carries ONEWAY_TEST_RUN (see lib/processes.sh): the last check fails when one of
# them outlived the steps, and whatever is left is stopped when the script ends, interrupted or not.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=lib/s3.sh
source scripts/lib/s3.sh
# shellcheck source=lib/deps.sh
source scripts/lib/deps.sh
# shellcheck source=lib/steps.sh
source scripts/lib/steps.sh
# shellcheck source=lib/processes.sh
source scripts/lib/processes.sh

# A fresh mark for this run's processes (a run started from another one gets its own).
ONEWAY_TEST_RUN=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || node -p 'crypto.randomUUID()')
export ONEWAY_TEST_RUN

RESULTS_DIR="$root/.tmp/results"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

PG_STATE_DIR=
test_database_url=
S3_STATE_DIR=
test_s3_endpoint=
cleanup() {
  if [[ -n "$PG_STATE_DIR" ]]; then stop_postgres "$PG_STATE_DIR"; fi
  if [[ -n "$S3_STATE_DIR" ]]; then stop_s3 "$S3_STATE_DIR"; fi
  stop_run_processes 5
}
trap cleanup EXIT
# INT or TERM: the running step (a session of its own, see run_step) gets it too, then the script ends.
trap 'stop_step INT; exit 130' INT
trap 'stop_step TERM; exit 143' TERM

summarise() { node scripts/count-results.mjs "$RESULTS_DIR"; }

last_step_passed() { tail -n 1 "$RESULTS_DIR/steps.jsonl" | grep -q '"exitCode":0'; }

run_step requirements setup "" ensure_requirements
if ! last_step_passed; then
  summarise
  exit 1
fi
if [[ ! -d node_modules ]]; then
  run_step "npm ci" setup "" npm ci
  if ! last_step_passed; then
    summarise
    exit 1
  fi
fi

# vitest_step NAME ENV-ARGS...: a runner step of Vitest with the given environment changes (see env(1)),
# reporting to NAME.json.
vitest_step() {
  local name=$1
  shift
  run_step "$name" runner "$RESULTS_DIR/$name.json" env "$@" \
    npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS_DIR/$name.json"
}

start_test_postgres() {
  local out
  out=$(PG_STATE_FILE="$RESULTS_DIR/postgres.dir" scripts/start-postgres.sh) || return 1
  PG_STATE_DIR=$(sed -n 's/^PG_STATE_DIR=//p' <<<"$out")
  test_database_url=$(sed -n 's/^TEST_DATABASE_URL=//p' <<<"$out")
  [[ -n "$test_database_url" ]] || return 1
  echo "TEST_DATABASE_URL=$test_database_url"
}

start_test_s3() {
  local out
  out=$(S3_STATE_FILE="$RESULTS_DIR/s3.dir" scripts/start-s3.sh) || return 1
  S3_STATE_DIR=$(sed -n 's/^S3_STATE_DIR=//p' <<<"$out")
  test_s3_endpoint=$(sed -n 's/^TEST_S3_ENDPOINT=//p' <<<"$out")
  [[ -n "$test_s3_endpoint" ]] || return 1
  echo "TEST_S3_ENDPOINT=$test_s3_endpoint"
}

run_step lint check "" npm run lint --silent
run_step typecheck check "" npm run typecheck --silent
# The S3 tests run in the SQLite pass only; without a server they are left out (and the failed start counted).
run_step s3 setup "" start_test_s3
s3_env=(-u TEST_S3_ENDPOINT)
if [[ -n "$test_s3_endpoint" ]]; then s3_env=(TEST_S3_ENDPOINT="$test_s3_endpoint"); fi
vitest_step vitest-sqlite -u TEST_DATABASE_URL "${s3_env[@]}"
if [[ -n "$S3_STATE_DIR" ]]; then
  stop_s3 "$S3_STATE_DIR"
  S3_STATE_DIR=
fi
run_step postgres setup "" start_test_postgres
if [[ -n "$test_database_url" ]]; then
  vitest_step vitest-postgres -u TEST_S3_ENDPOINT TEST_DATABASE_URL="$test_database_url"
fi
run_step build setup "" npm run build --silent
# The README's first command on a fresh data folder, then the same server on PostgreSQL: both must answer health.
run_step start-sqlite check "" env -u DATABASE_URL node scripts/smoke-start.mjs
if [[ -n "$test_database_url" ]]; then
  run_step start-postgres check "" env DATABASE_URL="$test_database_url" node scripts/smoke-start.mjs
  stop_postgres "$PG_STATE_DIR"
  PG_STATE_DIR=
fi
run_step e2e runner "$RESULTS_DIR/e2e.json" env PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS_DIR/e2e.json" \
  npx playwright test -c e2e/playwright.config.ts --reporter=list,json
# If the global setup failed no test ran; the listing lets the summary count each of them as failed.
if ! last_step_passed; then
  if [[ -s .tmp/e2e/server.log ]]; then
    echo "Last lines of the Oneway server's log (.tmp/e2e/server.log):"
    tail -n 30 .tmp/e2e/server.log
  fi
  npx playwright test -c e2e/playwright.config.ts --list --reporter=json >"$RESULTS_DIR/e2e-list.json" 2>/dev/null || true
fi

# Servers, browsers and databases end with the step that started them; one still running is a failed check.
run_step leftovers check "" check_no_leftover_processes 15

summarise
