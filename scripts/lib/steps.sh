# Runs the steps of the test script, timing each and recording its outcome for scripts/count-results.mjs.
# Sourced by scripts/test-all.sh. Needs RESULTS_DIR.

# Records one step as a JSON line: kind is "check" (counts as one test), "runner" (its JSON results file holds
# the tests) or "setup" (counts only when it fails).
record_step() {
  local name=$1 kind=$2 status=$3 seconds=$4 results=${5:-}
  printf '{"name":"%s","kind":"%s","exitCode":%d,"seconds":%s,"results":"%s"}\n' \
    "$name" "$kind" "$status" "$seconds" "$results" >>"$RESULTS_DIR/steps.jsonl"
}

# The process (and session) id of the program step running now, if any; see run_step.
step_pid=

# run_step NAME KIND RESULTS_FILE COMMAND...: runs the command, keeps going whatever it returns. A shell function
# runs in this shell (it may set variables); a program runs in a session of its own, waited for, so that a signal
# to this script can be passed to the whole step (stop_step) instead of waiting for the program to end.
run_step() {
  local name=$1 kind=$2 results=$3
  shift 3
  local start status=0 seconds
  printf '\n\033[1m== %s ==\033[0m\n' "$name"
  start=$(date +%s.%N)
  if declare -F "$1" >/dev/null || ! command -v setsid >/dev/null; then
    "$@" || status=$?
  else
    setsid --wait "$@" &
    step_pid=$!
    wait "$step_pid" || status=$?
    step_pid=
  fi
  seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  record_step "$name" "$kind" "$status" "$seconds" "$results"
  if ((status == 0)); then
    printf '\033[32m== %s: ok (%ss)\033[0m\n' "$name" "$seconds"
  else
    printf '\033[31m== %s: failed with exit code %d (%ss)\033[0m\n' "$name" "$status" "$seconds"
  fi
  return 0
}

# stop_step SIGNAL: passes SIGNAL to every process of the running program step, and KILL after 15 s to those left.
stop_step() {
  local pid=$step_pid
  [[ -n "$pid" ]] || return 0
  kill "-$1" -- "-$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + 15))
  while kill -0 -- "-$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
