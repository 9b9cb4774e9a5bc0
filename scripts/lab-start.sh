#!/usr/bin/env bash
# Starts the lab in the background and waits until it is ready: `bash scripts/lab-start.sh <profile> [lab args…]`.
# Stop it with `bash scripts/lab-stop.sh <profile>`.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$1
shift
mkdir -p ".lab/$profile"
rm -f ".lab/$profile/ready"
log=".lab/$profile.log"
node --import tsx lab/main.ts --profile "$profile" "$@" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  [ -f ".lab/$profile/ready" ] && { grep -v '^\[lab\]' "$log" | sed -n '/is up/,/Ctrl-C/p'; exit 0; }
  kill -0 "$pid" 2>/dev/null || { echo "lab $profile failed to start:" >&2; tail -40 "$log" >&2; exit 1; }
  sleep 0.25
done
echo "lab $profile did not become ready in 300 s" >&2
tail -40 "$log" >&2
kill -TERM "$pid"
exit 1
