#!/usr/bin/env bash
# Builds the Oneway image with podman on a Debian base made offline, starts it and waits for /api/health/ready.
# Run as root on Debian/Ubuntu (apt-get install podman debootstrap). Steps, each also usable by hand:
#   1. debootstrap --variant=minbase bookworm ROOTFS http://deb.debian.org/debian     (only Debian's mirror needed)
#   2. tar -C ROOTFS -c . | podman import - docker.io/library/debian:bookworm-slim   (the name the Dockerfile uses)
#   3. podman build --network=host --pull=never -t oneway:dev .
#   4. podman run -d --network=host -e PORT=PORT oneway:dev, then GET /api/health/ready until it says ready
# Prints the image size, the time to ready and the server's RSS. Options (environment):
#   ROOTFS (default /var/tmp/oneway-base/rootfs, kept between runs), PORT (default 3900), KEEP=1 leaves it running,
#   RUN_CMD to start the server another way (e.g. "node --import tsx apps/server/src/main.ts").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rootfs=${ROOTFS:-/var/tmp/oneway-base/rootfs}
base=docker.io/library/debian:bookworm-slim
image=oneway:dev
port=${PORT:-3900}
name=oneway-smoke-$$

for tool in podman debootstrap curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install podman debootstrap curl)" >&2; exit 1; }
done

if ! podman image exists "$base"; then
  if [[ ! -x "$rootfs/bin/bash" ]]; then
    echo "Making a Debian bookworm root in $rootfs (a few minutes)…"
    debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
  fi
  echo "Importing it as $base…"
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$base" >/dev/null
fi

echo "Building $image…"
started=$SECONDS
# The host's CA bundle goes into the build for npm: a network whose proxy inspects TLS signs with its own CA.
ca=/etc/ssl/certs/ca-certificates.crt
podman build --isolation=chroot --network=host --pull=never --volume "$ca:/run/host-ca.crt:ro" \
  --build-arg NPM_CAFILE=/run/host-ca.crt --build-arg "ONEWAY_COMMIT=$(git rev-parse HEAD 2>/dev/null || true)" \
  -t "$image" . >.tmp-container-build.log 2>&1 || { tail -n 40 .tmp-container-build.log >&2; exit 1; }
rm -f .tmp-container-build.log
echo "Built in $((SECONDS - started)) s; image size: $(podman image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"

run_cmd=()
if [[ -n "${RUN_CMD:-}" ]]; then read -r -a run_cmd <<<"$RUN_CMD"; fi
[[ ${#run_cmd[@]} -gt 0 ]] || run_cmd=(node apps/server/dist/main.js)
buildah_pid=
cleanup() {
  [[ "${KEEP:-}" == 1 ]] && return
  podman rm -f "$name" >/dev/null 2>&1 || true
  if [[ -n "$buildah_pid" ]]; then kill "$buildah_pid" 2>/dev/null || true; wait "$buildah_pid" 2>/dev/null || true; fi
  buildah rm "$name" >/dev/null 2>&1 || true
}
trap cleanup EXIT
t0=$(date +%s.%N)
# podman run needs crun to set rlimits and cgroups; in a sandbox that forbids them, run the image's file system
# with buildah's chroot isolation instead (same image, same user, same command; no cgroup limits).
if podman run -d --name "$name" --network=host -e PORT="$port" -e LOG_LEVEL=warn "$image" "${run_cmd[@]}" \
  >/dev/null 2>.tmp-container-run.log; then
  mode=podman
else
  echo "podman run refused ($(tail -n 1 .tmp-container-run.log)); running it with buildah --isolation chroot"
  command -v buildah >/dev/null || { echo "buildah is missing (apt-get install buildah)" >&2; exit 1; }
  buildah from --name "$name" --pull-never "$image" >/dev/null
  buildah run --isolation chroot --network host --env PORT="$port" --env LOG_LEVEL=warn "$name" -- "${run_cmd[@]}" \
    >.tmp-container-run.log 2>&1 &
  buildah_pid=$!
  mode=buildah
fi
ready=
for _ in $(seq 1 3000); do
  if body=$(curl -fsS "http://127.0.0.1:$port/api/health/ready" 2>/dev/null); then ready=$body; break; fi
  sleep 0.1
done
t1=$(date +%s.%N)
if [[ -z "$ready" ]]; then
  echo "The container did not become ready; its log:" >&2
  if [[ $mode == podman ]]; then podman logs "$name" >&2 || true; else cat .tmp-container-run.log >&2; fi
  exit 1
fi
# The server is the process listening on the port (inside the container or the chroot alike).
pid=$(ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
rss=$(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")
user=$(ps -o user= -p "$pid")
echo "Ready after $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f s", b - a}') ($mode): $ready"
echo "Server RSS once ready: $rss; runs as: $user; $(curl -fsS "http://127.0.0.1:$port/api/version")"
