#!/usr/bin/env bash
# Runs the end-to-end suite: starts a private Xvfb display and tauri-driver
# (which drives WebKitWebDriver, the engine users get on Linux), runs every
# spec against the one already-built app binary, and always cleans up.
# Usage: tests/e2e/run.sh [spec files…]   (HALLWAY_BIN overrides the binary)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export HALLWAY_BIN=${HALLWAY_BIN:-$root/target/debug/hallway}
export HALLWAY_CLI=${HALLWAY_CLI:-$root/target/debug/hallway-cli}
[ -x "$HALLWAY_BIN" ] || { echo "e2e: no app binary at $HALLWAY_BIN (run cargo build first)" >&2; exit 1; }
mkdir -p "$here/artifacts"
log="$here/artifacts"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# Let Xvfb choose a free display number and tell us which.
exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>"$log/xvfb.log")
pids+=($!)
read -r -t 20 display <&3 || { echo "e2e: Xvfb did not start (see $log/xvfb.log)" >&2; exit 1; }
export DISPLAY=":$display"

port=${E2E_DRIVER_PORT:-4444}
export E2E_DRIVER_PORT=$port
tauri-driver --port "$port" --native-port $((port + 1)) >"$log/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
  sleep 0.1
done

cd "$here"
if [ $# -gt 0 ]; then specs=("$@"); else specs=(specs/*.test.mjs); fi
node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}"
