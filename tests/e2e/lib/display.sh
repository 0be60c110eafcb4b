# Sourced by run.sh and bench.sh: starts a private Xvfb display and
# tauri-driver (which drives WebKitWebDriver, the engine users get on Linux)
# and stops both on exit. Expects $here (tests/e2e) and $log set.
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# Let Xvfb choose a free display number and tell us which.
exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>"$log/xvfb.log")
pids+=($!)
read -r -t 20 display <&3 || { echo "e2e: Xvfb did not start (see $log/xvfb.log)" >&2; exit 1; }
export DISPLAY=":$display"

# A private D-Bus session with an unlocked gnome-keyring, so the app finds a
# real Secret Service for the server password (the sync spec); the keyring's
# files go under the artifacts folder, never the user's own keyring.
if command -v gnome-keyring-daemon >/dev/null && command -v dbus-daemon >/dev/null; then
  export XDG_DATA_HOME="$log/keyring-data" XDG_RUNTIME_DIR="$log/keyring-run"
  rm -rf "$XDG_DATA_HOME" && mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  exec 4< <(dbus-daemon --session --nofork --print-address=1 2>"$log/dbus.log")
  pids+=($!)
  read -r -t 10 bus <&4 || { echo "e2e: dbus-daemon did not start (see $log/dbus.log)" >&2; exit 1; }
  export DBUS_SESSION_BUS_ADDRESS="$bus"
  printf 'hallway-e2e' | gnome-keyring-daemon --unlock --components=secrets >"$log/keyring.env" 2>"$log/keyring.log" || true
fi

port=${E2E_DRIVER_PORT:-4444}
export E2E_DRIVER_PORT=$port
tauri-driver --port "$port" --native-port $((port + 1)) >"$log/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
  sleep 0.1
done
