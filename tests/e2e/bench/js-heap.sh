#!/usr/bin/env bash
# What the page's JavaScript holds (`make js-heap`): builds the release app
# with WebKit's inspector enabled (tauri's `devtools` feature, without LTO:
# the page is the same, the build 5 minutes rather than 15) into its own target
# folder, starts it in Xvfb on an ASH-scale program with WebKit's remote
# inspector served on a local port, and prints the JavaScript heap by kind of
# object after start, on the program's list and after the room grid
# (js-heap.mjs). The shipped app has no inspector; this build is for looking
# only. Not part of `make bench`: its figures come from a different build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}/js-heap
work=$(mktemp -d /tmp/hallway-js-heap.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
export CARGO_TARGET_DIR=$target CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
cargo build --release -p hallway --bin hallway --features tauri/devtools
cargo build --release -p hallway-cli
app=$target/release/hallway
cli=$target/release/hallway-cli

# The bench's program (its flow imports it through the window; here the CLI has).
"$cli" --db "$work/gen.sqlite3" generate --format ics -o "$work/ash-scale.ics" >/dev/null
"$cli" --db "$work/plan.sqlite3" congress add --name 'ASH 2026' --short-name ASH26 --starts 2026-12-05 \
  --ends 2026-12-08 --time-zone America/New_York >/dev/null
"$cli" --db "$work/plan.sqlite3" program import --congress ASH26 "$work/ash-scale.ics" >/dev/null

exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>"$work/xvfb.log")
pids+=($!)
read -r -t 20 display <&3 || { echo "js-heap: Xvfb did not start" >&2; exit 1; }
port=${JS_HEAP_PORT:-9337}
# The app opens at 1280 x 800, the size the bench sets, so the grid draws the
# same rooms and hours.
DISPLAY=":$display" WEBKIT_INSPECTOR_HTTP_SERVER=127.0.0.1:$port \
  "$app" --db "$work/plan.sqlite3" >"$work/app.log" 2>&1 &
pids+=($!)
cd "$here"
APP_PID=${pids[-1]} INSPECTOR=127.0.0.1:$port node bench/js-heap.mjs
