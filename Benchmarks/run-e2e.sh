#!/usr/bin/env bash
# End-to-end load over the Dubbo protocol against a raw SwiftNIO echo of frames of the same size.
#
# Builds DubboLoadProvider, RawEchoServer and DubboLoad in release, starts the two servers as
# separate processes on loopback ports, waits until they accept connections, runs DubboLoad (which
# prints the table) and stops the servers when it exits, however it exits.
#
# Arguments are passed to DubboLoad, for example:
#   Benchmarks/run-e2e.sh --warmup 1 --duration 3 --concurrency 100
# Environment knobs (all optional):
#   DUBBO_PORT   the provider's port, default 30880
#   RAW_PORT     the raw echo server's port, default 30881
#   RAW_MODE     the raw echo server's --mode: batch (default), flush or task (see RawEchoServer)
#   SKIP_BUILD   set to 1 to use the binaries already in .build/release
set -euo pipefail
cd "$(dirname "$0")"

DUBBO_PORT=${DUBBO_PORT:-30880}
RAW_PORT=${RAW_PORT:-30881}
LOGS=.build/e2e-logs
PRODUCTS=(DubboLoadProvider RawEchoServer DubboLoad)

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  for product in "${PRODUCTS[@]}"; do
    echo "== swift build -c release --product $product =="
    swift build -c release --product "$product"
  done
fi
BIN=$(swift build -c release --show-bin-path)
for product in "${PRODUCTS[@]}"; do
  [[ -x "$BIN/$product" ]] || { echo "run-e2e.sh: $BIN/$product is missing" >&2; exit 1; }
done

pids=()
stop_servers() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_servers EXIT

# Succeeds once something accepts TCP connections on 127.0.0.1:$1.
accepts() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

mkdir -p "$LOGS"
for port in "$DUBBO_PORT" "$RAW_PORT"; do
  if accepts "$port"; then
    echo "run-e2e.sh: port $port is already in use" >&2
    exit 1
  fi
done
"$BIN/DubboLoadProvider" "$DUBBO_PORT" >"$LOGS/provider.log" 2>&1 &
pids+=($!)
"$BIN/RawEchoServer" "$RAW_PORT" --mode "${RAW_MODE:-batch}" >"$LOGS/raw-echo.log" 2>&1 &
pids+=($!)

for port in "$DUBBO_PORT" "$RAW_PORT"; do
  for _ in $(seq 100); do
    accepts "$port" && break
    sleep 0.1
  done
  accepts "$port" || { echo "run-e2e.sh: nothing accepts on port $port (logs in $LOGS)" >&2; exit 1; }
done
echo "== provider pid ${pids[0]} on :$DUBBO_PORT, raw echo pid ${pids[1]} on :$RAW_PORT =="

"$BIN/DubboLoad" --dubbo "127.0.0.1:$DUBBO_PORT" --raw "127.0.0.1:$RAW_PORT" "$@"
