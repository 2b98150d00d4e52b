# Checks for the programs the test run needs and, where allowed, installs the missing ones.
# Sourced by scripts/test-all.sh; uses find_pg_bin from lib/postgres.sh.

# Debian packages the tests use: the browser, media tools (recording tests make their fixtures with espeak-ng,
# sox and ffmpeg), the PostgreSQL server, and OpenStack Swift with memcached (a real S3 API for the S3 tests).
TEST_APT_PACKAGES=(chromium ffmpeg postgresql espeak-ng sox
  swift-proxy swift-account swift-container swift-object memcached)

# Prints one line per missing requirement: "<apt package>|<what is missing>". Node is reported as "-" (no apt
# package: Debian's is too old).
list_missing_requirements() {
  local version
  if ! version=$(node -p 'process.versions.node' 2>/dev/null); then
    echo "-|Node.js >= 20.19 (node is not on PATH)"
  elif ! node -e '
      const [a, b] = process.versions.node.split(".").map(Number);
      process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1);'; then
    echo "-|Node.js >= 20.19 (found $version)"
  fi
  if [[ "${PLAYWRIGHT_USE_BUNDLED:-}" != 1 ]]; then
    local chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
    [[ -x "$chromium" ]] || echo "chromium|Chromium at $chromium (set CHROMIUM_PATH, or PLAYWRIGHT_USE_BUNDLED=1 after npx playwright install chromium)"
  fi
  command -v ffmpeg >/dev/null 2>&1 || echo "ffmpeg|ffmpeg (not on PATH)"
  find_pg_bin >/dev/null 2>&1 || echo "postgresql|PostgreSQL server binaries: initdb, pg_ctl (or set PG_BIN)"
  local swift
  for swift in proxy account container object; do
    command -v "swift-$swift-server" >/dev/null 2>&1 || echo "swift-$swift|swift-$swift-server (OpenStack Swift, the S3 tests' server)"
  done
  command -v memcached >/dev/null 2>&1 || echo "memcached|memcached (for Swift)"
  return 0
}

# Installs the test packages with apt-get; quiet unless it fails.
install_test_packages() {
  local log
  log=$(mktemp)
  echo "Installing ${TEST_APT_PACKAGES[*]} with apt-get…"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${TEST_APT_PACKAGES[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# Makes sure every requirement is there: installs missing packages when root on a system with apt-get,
# otherwise names each missing one with the command to install it and fails.
ensure_requirements() {
  local missing
  missing=$(list_missing_requirements)
  [[ -z "$missing" ]] && return 0
  if ! grep -q '^-|' <<<"$missing" && [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Missing: $(cut -d'|' -f2 <<<"$missing" | paste -sd ';' | sed 's/;/; /g')"
    install_test_packages || return 1
    missing=$(list_missing_requirements)
    [[ -z "$missing" ]] && return 0
  fi
  echo "The tests need these, which are missing:" >&2
  cut -d'|' -f2 <<<"$missing" | sed 's/^/  - /' >&2
  local packages
  packages=$(cut -d'|' -f1 <<<"$missing" | grep -v '^-$' | paste -sd ' ' || true)
  if [[ -n "$packages" ]]; then
    echo "On Debian/Ubuntu: sudo apt-get install -y ${TEST_APT_PACKAGES[*]}" >&2
    echo "Elsewhere install the equivalents of: $packages" >&2
  fi
  return 1
}
