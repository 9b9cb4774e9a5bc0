#!/usr/bin/env bash
# `npm run bench [area…]`: starts a lab (profile "bench", ports 27000+, no panel), runs each benchmark
# (each prints one JSON line), stops the lab. Results go to stdout and .lab/bench-results.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWITCHBOARD_LAB_PROFILE=bench NEXT_TELEMETRY_DISABLED=1
areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=($(ls bench/*.ts | xargs -n1 basename | sed 's/\.ts$//'))
bash scripts/setup.sh
trap 'bash scripts/lab-stop.sh bench >/dev/null' EXIT
bash scripts/lab-start.sh bench --port-base 27000 >/dev/null
out=.lab/bench-results.jsonl
: >"$out"
for a in "${areas[@]}"; do
  echo "bench: $a" >&2
  node --conditions=react-server --import tsx "bench/$a.ts" | tail -n 1 | tee -a "$out"
done
