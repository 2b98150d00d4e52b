# Helpers for a throwaway PostgreSQL server. Sourced by scripts/start-postgres.sh and scripts/test-all.sh.

# Prints the folder holding initdb/pg_ctl/pg_isready: $PG_BIN, else the newest /usr/lib/postgresql/<version>/bin
# (Debian, Ubuntu), else the folder of pg_ctl on PATH (Homebrew, other distributions). Fails when there is none.
find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" ]] && { echo "$PG_BIN"; return 0; }
    return 1
  fi
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    echo "$dir"
    return 0
  fi
  local ctl
  ctl=$(command -v pg_ctl 2>/dev/null) || return 1
  dir=$(dirname "$(readlink -f "$ctl")")
  [[ -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
  return 1
}

# Runs a command as the user that owns the server: initdb and postgres refuse to run as root.
pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# True when something already listens on 127.0.0.1:$1.
is_port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Stops the server whose state folder is $1 (made by start-postgres.sh) and removes the folder.
stop_postgres() {
  local dir=$1 bin
  [[ -d "$dir" ]] || return 0
  bin=$(cat "$dir/bin" 2>/dev/null || find_pg_bin) || true
  if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
    pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
