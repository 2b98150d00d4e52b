#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for tests: a fresh cluster in a temp folder, trust auth, on a free port, tuned for
# speed over durability. Prints shell assignments on stdout:
#   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres
#   PG_STATE_DIR=/tmp/oneway-pg.XXXXXX
# and writes the state folder's path to $PG_STATE_FILE when set. Stop it with:
#   scripts/start-postgres.sh --stop PG_STATE_DIR
# Usage: eval "$(scripts/start-postgres.sh)"
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"

if [[ "${1:-}" == "--stop" ]]; then
  stop_postgres "${2:?usage: start-postgres.sh --stop STATE_DIR}"
  exit 0
fi

bin=$(find_pg_bin) || {
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN." >&2
  exit 1
}
if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  echo "Running as root, but there is no 'postgres' user to run the server as (initdb refuses root)." >&2
  exit 1
fi

# As root the folder must belong to postgres, and sit where postgres can reach it (root's TMPDIR may not).
if [[ $EUID -eq 0 ]]; then
  dir=$(mktemp -d /tmp/oneway-pg.XXXXXX)
  chown postgres: "$dir"
else
  dir=$(mktemp -d "${TMPDIR:-/tmp}/oneway-pg.XXXXXX")
fi
echo "$bin" >"$dir/bin"
# Whatever goes wrong from here on, leave no server or folder behind.
trap 'stop_postgres "$dir"' EXIT

# initdb takes a second or more; a copy of a pristine cluster made by an earlier run takes a tenth of that. The copy
# sits in the user's own cache (cp -a keeps the owner, postgres when run as root).
version=$("$bin/postgres" --version | awk '{print $3}')
template="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/oneway/pg-cluster-$version-trust-utf8-c"
if [[ -f "$template/PG_VERSION" ]] && cp -a "$template" "$dir/data" 2>/dev/null; then
  :
else
  rm -rf "$dir/data"
  pg_as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  # Copy under a temporary name, then rename: concurrent runs never see half a template.
  if mkdir -p "$(dirname "$template")" 2>/dev/null && staging=$(mktemp -d "$template.XXXXXX" 2>/dev/null); then
    cp -a "$dir/data" "$staging/data" && mv -T "$staging/data" "$template" 2>/dev/null || true
    rm -rf "$staging"
  fi
fi

# Another process may take the port between the probe and the bind; then the server exits (pg_ctl -w notices)
# and we try the next port.
port=${PG_PORT:-55432}
started=false
for _ in 1 2 3 4 5; do
  while is_port_taken "$port"; do port=$((port + 1)); done
  if pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
    >/dev/null; then
    started=true
    break
  fi
  port=$((port + 1))
done
# pg_ctl -w waits for the server to say it is ready; make sure it answers on TCP too before handing the URL out.
deadline=$((SECONDS + 30))
while [[ $started == true ]] && ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; do
  ((SECONDS < deadline)) || started=false
  sleep 0.05
done
if [[ $started != true ]]; then
  echo "PostgreSQL did not become ready; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi

trap - EXIT
[[ -n "${PG_STATE_FILE:-}" ]] && echo "$dir" >"$PG_STATE_FILE"
echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "PG_STATE_DIR=$dir"
echo "PostgreSQL $version on 127.0.0.1:$port; stop it with: $here/start-postgres.sh --stop $dir" >&2
