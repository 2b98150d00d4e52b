#!/usr/bin/env bash
# Starts a throwaway S3 API server for tests: OpenStack Swift with its s3api layer (account, container and object
# servers, a proxy and memcached) in a temp folder, on free 127.0.0.1 ports, with one empty bucket. Prints shell
# assignments on stdout, the S3_* ones as the server reads them (with STORAGE=s3):
#   S3_ENDPOINT=http://127.0.0.1:PORT  S3_REGION=us-east-1  S3_ACCESS_KEY_ID=test:tester
#   S3_SECRET_ACCESS_KEY=testing  S3_BUCKET=oneway  S3_FORCE_PATH_STYLE=true
#   TEST_S3_ENDPOINT=http://127.0.0.1:PORT (the same; it turns on the *.s3.test.ts files)
#   S3_STATE_DIR=/tmp/oneway-s3.XXXXXX
# and writes the state folder's path to $S3_STATE_FILE when set. Ports are taken from $SWIFT_PORT (58080) up.
# Stop it with:
#   scripts/start-s3.sh --stop S3_STATE_DIR
# Usage: eval "$(scripts/start-s3.sh)"
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh" # is_port_taken
# shellcheck source=lib/s3.sh
source "$here/lib/s3.sh"

if [[ "${1:-}" == "--stop" ]]; then
  stop_s3 "${2:?usage: start-s3.sh --stop STATE_DIR}"
  exit 0
fi

for program in swift-proxy-server swift-account-server swift-container-server swift-object-server memcached; do
  command -v "$program" >/dev/null 2>&1 || {
    echo "$program not found. Install Swift and memcached (Debian/Ubuntu: apt-get install swift-proxy swift-account swift-container swift-object memcached)." >&2
    exit 1
  }
done
# The Python that runs Swift: the one named by its scripts (pyenv and the like may have no swift module).
python=$(sed -n '1s/^#! *//p' "$(command -v swift-proxy-server)")
python=${python:-python3}
bucket=oneway
user=$(s3_service_user)

start=$(date +%s.%N)
dir=$(mktemp -d /tmp/oneway-s3.XXXXXX)
[[ -n "$dir" && -d "$dir" ]] || exit 1
trap 'stop_s3 "$dir"' EXIT
mkdir -p "$dir/etc" "$dir/srv/d1" "$dir/log"

# One Python process imports Swift once (about a second of CPU), builds the rings, then forks the four servers:
# four separate processes would each pay for the imports. Swift reads swift.conf from a fixed path (/etc/swift),
# so it is pointed at ours first. SIGTERM stops the servers with it; they also go if it dies. Without
# EVENTLET_NO_GREENDNS eventlet imports dnspython and httpx, over a second more (all addresses here are IPs).
cat >"$dir/etc/swift-servers.py" <<'PY'
import ctypes, os, signal, sys
etc, *ports = sys.argv[1:]
# The patches Swift applies at start, applied before the imports: patching greens every existing lock, which
# costs a second per server when done later (with everything imported).
import eventlet
eventlet.patcher.monkey_patch(all=False, socket=True, select=True, thread=True)
import swift.common.utils as utils
utils.SWIFT_CONF_FILE = os.path.join(etc, 'swift.conf')
from swift.common.ring import RingBuilder
from swift.common.wsgi import run_wsgi
from swift.obj import server as object_server
# Imported here once rather than in each server after the fork.
import swift.account.server, swift.container.server, swift.proxy.server  # noqa
import swift.common.middleware.s3api.s3api, swift.common.middleware.tempauth, swift.common.middleware.slo  # noqa

names = ('account', 'container', 'object')
# One-replica rings with one device each: what swift-ring-builder create/add/rebalance make.
for name, port in zip(names, ports):
    builder = RingBuilder(8, 1, 1)
    builder.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': int(port),
                     'device': 'd1', 'weight': 100})
    builder.rebalance()
    builder.get_ring().save(os.path.join(etc, f'{name}.ring.gz'))

children = []
for name in names + ('proxy',):
    pid = os.fork()
    if pid == 0:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: go when this process goes
        extra = {'global_conf_callback': object_server.global_conf_callback} if name == 'object' else {}
        os._exit(run_wsgi(os.path.join(etc, f'{name}-server.conf'), f'{name}-server', **extra) or 0)
    children.append(pid)

def stop(*_):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for child in children:
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for child in children:
        try:
            os.waitpid(child, 0)
        except ChildProcessError:
            pass
    # Gone with the servers, skipping the interpreter's slow tear-down: nothing here needs flushing.
    os._exit(0)

signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
pid, status = os.wait()
print(f'a Swift server (pid {pid}) exited with status {status}', file=sys.stderr, flush=True)
stop()
PY

# Ready means the whole path works: sign in with tempauth, create the bucket (a Swift container), write, read and
# delete an object. Gives up after 30 s, or as soon as a server has exited.
cat >"$dir/etc/wait-ready.py" <<'PY'
import os, sys, time, urllib.request
port, bucket, pids = sys.argv[1:]
base = f'http://127.0.0.1:{port}'

def call(method, url, headers, data=None):
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.headers, response.read()

deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    for line in open(pids):
        pid, name = line.split()
        if not os.path.exists(f'/proc/{pid}') or open(f'/proc/{pid}/stat').read().split(') ')[1][0] == 'Z':
            sys.exit(f'{name} exited')
    try:
        headers, _ = call('GET', f'{base}/auth/v1.0', {'X-Auth-User': 'test:tester', 'X-Auth-Key': 'testing'})
        auth = {'X-Auth-Token': headers['X-Auth-Token']}
        container = f"{headers['X-Storage-Url']}/{bucket}"
        call('PUT', container, auth)
        call('PUT', f'{container}/ready', auth, b'ok')
        if call('GET', f'{container}/ready', auth)[1] == b'ok':
            call('DELETE', f'{container}/ready', auth)
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit('no answer in 30 s')
PY

cat >"$dir/etc/swift.conf" <<'EOF'
[swift-hash]
swift_hash_path_prefix = oneway-test
swift_hash_path_suffix = oneway-test

[storage-policy:0]
name = Policy-0
default = yes
EOF

server_conf() { # NAME PORT
  cat <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $2
workers = 0
user = $user
swift_dir = $dir/etc
devices = $dir/srv
mount_check = false
log_level = WARNING

[pipeline:main]
pipeline = $1-server

[app:$1-server]
use = egg:swift#$1
EOF
}

proxy_conf() { # PORT MEMCACHED_PORT
  cat <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $1
workers = 0
user = $user
swift_dir = $dir/etc
log_level = WARNING

[pipeline:main]
pipeline = catch_errors gatekeeper proxy-logging cache listing_formats bulk s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:s3api]
use = egg:swift#s3api
location = us-east-1
s3_acl = false

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$2

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF
}

# In their own session (like a daemon), output in log/, pids with a word of their command line for --stop. As root
# both run as $user: memcached switches itself, the Swift servers are started as that user.
launch() { # NAME COMMAND...
  local name=$1
  shift
  setsid "$@" >"$dir/log/$name.log" 2>&1 </dev/null &
  echo "$! $name" >>"$dir/pids"
  disown "$!" # not this shell's job: no "Killed" notice when a failed attempt is stopped
}
memcached_args=(-l 127.0.0.1 -U 0 -m 16 -t 1)
as_user=()
if [[ $EUID -eq 0 ]]; then
  memcached_args+=(-u "$user")
  as_user=(setpriv --reuid="$user" --regid="$user" --init-groups --)
fi

# Five free ports: proxy, memcached, account, container, object. Another run may take one between the probe and
# the bind; then a server exits, and the next attempt takes the ports after these.
port=${SWIFT_PORT:-58080}
ready=false
for attempt in 1 2 3; do
  ports=()
  while ((${#ports[@]} < 5)); do
    is_port_taken "$port" || ports+=("$port")
    port=$((port + 1))
  done
  read -r proxy_port memcached_port account_port container_port object_port <<<"${ports[*]}"
  server_conf account "$account_port" >"$dir/etc/account-server.conf"
  server_conf container "$container_port" >"$dir/etc/container-server.conf"
  server_conf object "$object_port" >"$dir/etc/object-server.conf"
  proxy_conf "$proxy_port" "$memcached_port" >"$dir/etc/proxy-server.conf"
  rm -rf "${dir:?}/srv/d1" && mkdir -p "$dir/srv/d1"
  if [[ $EUID -eq 0 ]]; then chown -R "$user": "$dir"; fi

  launch memcached memcached "${memcached_args[@]}" -p "$memcached_port"
  launch swift-servers env EVENTLET_NO_GREENDNS=yes "${as_user[@]}" "$python" "$dir/etc/swift-servers.py" \
    "$dir/etc" "$account_port" "$container_port" "$object_port"
  if "$python" "$dir/etc/wait-ready.py" "$proxy_port" "$bucket" "$dir/pids"; then
    ready=true
    break
  fi
  echo "Swift did not start (attempt $attempt); its logs:" >&2
  tail -n 20 "$dir"/log/*.log >&2 || true
  stop_s3_processes "$dir"
done
[[ $ready == true ]] || exit 1

trap - EXIT
seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
[[ -n "${S3_STATE_FILE:-}" ]] && echo "$dir" >"$S3_STATE_FILE"
echo "S3_ENDPOINT=http://127.0.0.1:$proxy_port"
echo "S3_REGION=us-east-1"
echo "S3_ACCESS_KEY_ID=test:tester"
echo "S3_SECRET_ACCESS_KEY=testing"
echo "S3_BUCKET=$bucket"
echo "S3_FORCE_PATH_STYLE=true"
echo "TEST_S3_ENDPOINT=http://127.0.0.1:$proxy_port"
echo "S3_STATE_DIR=$dir"
echo "Swift (S3 API) on http://127.0.0.1:$proxy_port, up in ${seconds}s; stop it with: $here/start-s3.sh --stop $dir" >&2
