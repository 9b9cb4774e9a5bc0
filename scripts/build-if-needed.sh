#!/usr/bin/env bash
# Builds the panel unless the current build is newer than every source file.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ "${1:-}" != "--force" ] && [ -f .next/BUILD_ID ] &&
  [ -z "$(find app components lib server proxy.ts instrumentation.ts next.config.ts package-lock.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "build: next build"
node node_modules/next/dist/bin/next build >/tmp/switchboard-build.log 2>&1 || { tail -50 /tmp/switchboard-build.log; exit 1; }
