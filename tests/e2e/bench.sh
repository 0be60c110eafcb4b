#!/usr/bin/env bash
# The app-level benchmarks (cold start, memory, search-as-you-type latency,
# sizes, baselines) on the release app in the real webview: starts Xvfb and
# tauri-driver like run.sh, then runs bench/app.mjs. Called by `make bench`
# after the release build and package.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export HALLWAY_ROOT=$root
export HALLWAY_BIN=${HALLWAY_BIN:-$root/target/release/hallway}
export HALLWAY_CLI=${HALLWAY_CLI:-$root/target/release/hallway-cli}
export HALLWAY_BARE_BIN=${HALLWAY_BARE_BIN:-$root/target/release/bare-window}
[ -x "$HALLWAY_BIN" ] || { echo "bench: no release app at $HALLWAY_BIN" >&2; exit 1; }
export BENCH_WORK=${BENCH_WORK:-$(mktemp -d /tmp/hallway-app-bench.XXXXXX)}
log="$here/artifacts"
mkdir -p "$log"

. "$here/lib/display.sh"

cd "$here"
node bench/app.mjs
rm -rf "$BENCH_WORK"
