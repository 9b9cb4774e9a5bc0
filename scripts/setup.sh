#!/usr/bin/env bash
# Installs what is missing on a Debian/Ubuntu machine with Node 20: Debian packages (when root or
# passwordless sudo is available) and npm dependencies. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  chromium xvfb xauth fonts-liberation        # chrome-service (headed, under Xvfb) and the e2e browser
  docker-registry apache2-utils                # registry (distribution 2.8), htpasswd and ab
  redis-server redis-sentinel redis-tools      # Redis clusters with sentinels
  haproxy socat                                # HAProxy in front of Redis, its runtime API
  curl prometheus                              # benchmarks' baseline, promtool for the metrics
)

need_node() {
  local v
  v=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then
    echo "setup: Node.js >= 20.19 is required (found $v)." >&2
    exit 1
  fi
}

missing_apt() {
  local p out=()
  for p in "${APT_PACKAGES[@]}"; do
    [[ $p == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]:-}"
}

install_apt() {
  local missing
  missing=$(missing_apt)
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "setup: these Debian packages are missing and I cannot install them without root: $missing" >&2
      exit 1
    fi
  fi
  echo "setup: installing Debian packages: $missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
}

install_npm() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: installing npm dependencies"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit --loglevel=error
  fi
}

need_node
install_apt
install_npm
