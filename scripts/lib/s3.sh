# Helpers for a throwaway S3 API server (OpenStack Swift with s3api). Sourced by scripts/start-s3.sh and
# scripts/test-all.sh.

# The user the Swift servers and memcached run as when started by root (memcached refuses to run as root).
s3_service_user() {
  if [[ $EUID -ne 0 ]]; then
    id -un
  elif id swift >/dev/null 2>&1; then
    echo swift
  else
    echo nobody
  fi
}

# True when the process $1 is still one of ours: its command line mentions $2 (a pid may be reused).
s3_is_our_process() {
  local cmdline
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline") || return 1
  [[ "$cmdline" == *"$2"* ]]
}

# True while the process $1 runs (a zombie has stopped: the init process of a container may reap it late).
s3_is_running() {
  local state
  state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

# Stops the servers listed in $1/pids and empties the list.
stop_s3_processes() {
  local dir=$1 pid mark pids=()
  if [[ -f "$dir/pids" ]]; then
    # Nothing in there is worth keeping: memcached is killed outright (on TERM it takes a second to go), the
    # Swift process kills its servers and waits for them.
    while read -r pid mark; do
      if s3_is_our_process "$pid" "$mark"; then
        kill "-$([[ $mark == memcached ]] && echo KILL || echo TERM)" "$pid" 2>/dev/null && pids+=("$pid")
      fi
    done <"$dir/pids"
    # Give them a moment to go before the folder does; whatever is left then is killed.
    local deadline=$((SECONDS + 5))
    for pid in "${pids[@]}"; do
      while s3_is_running "$pid" && ((SECONDS < deadline)); do sleep 0.05; done
      if s3_is_running "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
    rm -f "$dir/pids"
  fi
}

# Stops the servers whose state folder is $1 (made by start-s3.sh) and removes the folder.
stop_s3() {
  [[ -d "$1" ]] || return 0
  stop_s3_processes "$1"
  rm -rf "$1"
}
