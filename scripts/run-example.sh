#!/usr/bin/env bash
# The README's example (Examples/UserService): starts the provider of
# org.apache.dubbo.sample.GreeterService and org.apache.dubbo.sample.user.UserService, runs the
# consumer against it, which prints each call (the Java method, the arguments, the result), then
# stops the provider. Runs from any directory; the first run builds both programs, generating their
# Swift from the example's .proto files. PORT picks the provider's port (default 20880, Dubbo's).
set -euo pipefail
cd "$(dirname "$0")/.."
example=Examples/UserService
port="${PORT:-20880}"

# protoc for the example's generated code, and the ZooKeeper C client its --registry option links.
scripts/ensure-system-packages.sh \
  /usr/include/google/protobuf/timestamp.proto=protobuf-compiler,libprotobuf-dev \
  protoc=protobuf-compiler \
  /usr/include/zookeeper/zookeeper.h=libzookeeper-mt-dev

echo "== Building the example ($example: user-service-provider, user-service-consumer)"
swift build --package-path "$example" --product user-service-provider
swift build --package-path "$example" --product user-service-consumer
bin="$(swift build --package-path "$example" --show-bin-path)"

echo
echo "== Starting the provider: user-service-provider --host 127.0.0.1 --port $port"
"$bin/user-service-provider" --host 127.0.0.1 --port "$port" &
provider=$!
trap 'kill "$provider" 2>/dev/null; wait "$provider" 2>/dev/null || true' EXIT
listening=false
for _ in $(seq 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then listening=true; break; fi
  kill -0 "$provider" 2>/dev/null || { echo "the provider exited; is port $port in use?" >&2; exit 1; }
  sleep 0.1
done
$listening || { echo "the provider is not listening on port $port after 30 s" >&2; exit 1; }

echo
echo "== Running the consumer: user-service-consumer --provider 127.0.0.1:$port"
echo
"$bin/user-service-consumer" --provider "127.0.0.1:$port"

echo "== Stopping the provider (SIGTERM: graceful shutdown)"
kill -TERM "$provider"
wait "$provider" || true
trap - EXIT
