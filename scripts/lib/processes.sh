# The processes of one test run, found by a mark they inherit rather than by name, so that a run stops only what
# it started. Sourced by scripts/test-all.sh, which exports ONEWAY_TEST_RUN (a fresh id) before starting anything:
# every process started from the run (servers, browsers, databases, runners, whatever process group or session
# they moved to) carries it in its environment. Linux only (/proc); elsewhere nothing is found.

# Prints "pid command line" for each live process (zombies are done) whose environment holds this run's mark,
# except this shell. Uses builtins only, so the scan itself starts no process that could be found.
list_run_processes() {
  local mark="ONEWAY_TEST_RUN=${ONEWAY_TEST_RUN:?}" dir pid stat state vars cmdline
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    # The state is the first field after the command's name, which is in parentheses and may hold spaces.
    read -r stat 2>/dev/null <"$dir/stat" || continue
    state=${stat##*) }
    state=${state%% *}
    [[ $state == Z || $state == X ]] && continue
    mapfile -d '' -t vars 2>/dev/null <"$dir/environ" || continue
    [[ " ${vars[*]} " == *" $mark "* ]] || continue
    mapfile -d '' -t cmdline 2>/dev/null <"$dir/cmdline" || cmdline=()
    echo "$pid ${cmdline[*]:0:6}"
  done
}

# The pids of list_run_processes, one a line. No pipe: a process at the other end would carry the mark too.
list_run_pids() {
  local lines line
  lines=$(list_run_processes)
  while read -r line; do
    if [[ -n "$line" ]]; then echo "${line%% *}"; fi
  done <<<"$lines"
}

# Sends TERM to every process of the run, then KILL to those still there after $1 seconds (default 5).
stop_run_processes() {
  local grace=${1:-5} pids
  pids=$(list_run_pids)
  [[ -z "$pids" ]] && return 0
  # shellcheck disable=SC2086 # one pid a word
  kill -TERM $pids 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while ((SECONDS < deadline)) && [[ -n "$(list_run_pids)" ]]; do sleep 0.2; done
  pids=$(list_run_pids)
  # shellcheck disable=SC2086
  if [[ -n "$pids" ]]; then kill -KILL $pids 2>/dev/null || true; fi
  return 0
}

# The closing check: fails when a process the run started is still alive once every step has ended (after $1
# seconds, default 10, for teardowns still finishing), naming each one; then stops them.
check_no_leftover_processes() {
  if [[ ! -d /proc/self ]]; then
    echo "No /proc here: leftover processes cannot be looked for."
    return 0
  fi
  local wait=${1:-10} left line
  local deadline=$((SECONDS + wait))
  left=$(list_run_processes)
  while [[ -n "$left" ]] && ((SECONDS < deadline)); do
    sleep 0.5
    left=$(list_run_processes)
  done
  if [[ -z "$left" ]]; then
    echo "No process of this run is left."
    return 0
  fi
  echo "Still running after every step ended (stopping them now):"
  while read -r line; do echo "  $line"; done <<<"$left"
  stop_run_processes 5
  return 1
}
