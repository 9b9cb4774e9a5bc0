#!/usr/bin/env bash
# One command from a fresh clone to a running panel: installs what is missing, builds, starts the
# lab (every service on 127.0.0.1) and the panel at http://127.0.0.1:3000. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
bash scripts/setup.sh
bash scripts/build-if-needed.sh
echo "demo: starting the lab and the panel (first start seeds the registry; give it a minute)"
exec node --import tsx lab/main.ts --profile demo --panel "$@"
