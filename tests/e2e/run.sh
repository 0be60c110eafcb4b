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

. "$here/lib/display.sh"

cd "$here"
if [ $# -gt 0 ]; then specs=("$@"); else specs=(specs/*.test.mjs); fi
node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}"
