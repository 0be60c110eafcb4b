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

port=${E2E_DRIVER_PORT:-4444}
export E2E_DRIVER_PORT=$port
tauri-driver --port "$port" --native-port $((port + 1)) >"$log/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
  sleep 0.1
done
