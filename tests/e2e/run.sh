#!/usr/bin/env bash
# Runs the end-to-end suite: starts a private Xvfb display and tauri-driver
# (which drives WebKitWebDriver, the engine users get on Linux), runs every
# spec against the one already-built app binary, and always cleans up.
# A full run then audits accessibility again in the dark scheme: WebKitGTK
# reports prefers-color-scheme: dark under a dark GTK theme, so the a11y spec
# runs once more with GTK_THEME=Adwaita:dark on a display and driver of its own,
# and with GTK animations off, which WebKitGTK reports as prefers-reduced-motion.
# Usage: tests/e2e/run.sh [spec files…]   (HALLWAY_BIN overrides the binary;
# HALLWAY_E2E_SCHEME=dark runs the given specs in the dark scheme)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export HALLWAY_BIN=${HALLWAY_BIN:-$root/target/debug/hallway}
export HALLWAY_CLI=${HALLWAY_CLI:-$root/target/debug/hallway-cli}
[ -x "$HALLWAY_BIN" ] || { echo "e2e: no app binary at $HALLWAY_BIN (run cargo build first)" >&2; exit 1; }
mkdir -p "$here/artifacts"
log="$here/artifacts"

if [ "${HALLWAY_E2E_SCHEME:-light}" = dark ]; then
  export GTK_THEME=Adwaita:dark
  # GTK reads gtk-enable-animations from here; the app's data goes to --db, not this folder.
  export XDG_CONFIG_HOME="$log/gtk-reduced-motion"
  mkdir -p "$XDG_CONFIG_HOME/gtk-3.0"
  printf '[Settings]\ngtk-enable-animations=false\n' > "$XDG_CONFIG_HOME/gtk-3.0/settings.ini"
fi
. "$here/lib/display.sh"

cd "$here"
if [ $# -gt 0 ]; then specs=("$@"); else specs=(specs/*.test.mjs); fi
node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}"
if [ $# -eq 0 ]; then
  HALLWAY_E2E_SCHEME=dark E2E_DRIVER_PORT=$((E2E_DRIVER_PORT + 10)) "$here/run.sh" specs/a11y.test.mjs
fi
