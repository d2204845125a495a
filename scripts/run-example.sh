#!/usr/bin/env bash
# The README's example: starts the GreeterService provider (Examples/Greeter), runs the consumer
# against it, which prints each round trip, then stops the provider. Runs from any directory; the
# first run builds both programs. PORT picks the provider's port (default 20880, Dubbo's).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-20880}"

echo "== Building the example (swift build --product greeter-provider / greeter-consumer)"
swift build --product greeter-provider
swift build --product greeter-consumer
bin="$(swift build --show-bin-path)"

echo
echo "== Starting the provider: greeter-provider --host 127.0.0.1 --port $port"
"$bin/greeter-provider" --host 127.0.0.1 --port "$port" &
provider=$!
trap 'kill "$provider" 2>/dev/null; wait "$provider" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$provider" 2>/dev/null || { echo "the provider exited; is port $port in use?" >&2; exit 1; }
  sleep 0.1
done

echo
echo "== Running the consumer: greeter-consumer --provider 127.0.0.1:$port"
"$bin/greeter-consumer" --provider "127.0.0.1:$port"

echo
echo "== Stopping the provider (SIGTERM: graceful shutdown)"
kill -TERM "$provider"
wait "$provider" || true
trap - EXIT
