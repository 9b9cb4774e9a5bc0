#!/usr/bin/env bash
# Stops a lab started in the background: `bash scripts/lab-stop.sh <profile>` (by the pid it recorded).
set -u
profile=${1:-demo}
pidfile=".lab/$profile/runner.pid"
[ -f "$pidfile" ] || { echo "no lab running for profile $profile"; exit 0; }
pid=$(cat "$pidfile")
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
fi
rm -f "$pidfile"
echo "lab $profile stopped"
