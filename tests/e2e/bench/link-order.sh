#!/usr/bin/env bash
# Regenerates src-tauri/link-order.txt (`make link-order`): builds the release
# app with its symbols into its own target folder, runs it under valgrind's
# callgrind in Xvfb through tauri-driver (link-order.mjs), and writes the
# app's functions in the order they first ran. Takes about 15 minutes on 2
# cores (the LTO build, then a session some 50 times slower than usual). Run
# it after changes that move much code, then compare `make bench`'s row
# "its own code (app process)".
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}/link-order
work=$(mktemp -d /tmp/hallway-link-order.XXXXXX)
trap 'rm -rf "$work"' EXIT

cd "$root"
# The shipped build's profile, its symbols kept (src-tauri/build.rs).
CARGO_TARGET_DIR=$target HALLWAY_KEEP_SYMBOLS=1 \
  ui/node_modules/.bin/tauri build --no-bundle --config '{"build":{"beforeBuildCommand":""}}'
CARGO_TARGET_DIR=$target cargo build --release -p hallway-cli
app=$target/release/hallway
cli=$target/release/hallway-cli

"$cli" --db "$work/plan.sqlite3" congress add --name 'ASH 2026' --starts 2026-12-05 --ends 2026-12-08 \
  --time-zone America/New_York >/dev/null
"$cli" --db "$work/gen.sqlite3" generate --format ics -o "$work/ash-scale.ics"
mkdir -p "$work/cg"
cat >"$work/app" <<WRAP
#!/bin/sh
exec valgrind --tool=callgrind --callgrind-out-file=$work/cg/cg.%p --dump-instr=no --compress-strings=no \
  --compress-pos=no --demangle=no --log-file=$work/cg/valgrind.%p.log "$app" "\$@"
WRAP
chmod +x "$work/app"

log="$here/artifacts"
mkdir -p "$log"
. "$here/lib/display.sh"
cd "$here"
HALLWAY_BIN=$work/app APP_BIN=$app DB=$work/plan.sqlite3 ICS=$work/ash-scale.ics CG_DIR=$work/cg \
  OUT=$root/src-tauri/link-order.txt node bench/link-order.mjs
