#!/usr/bin/env bash
# The README's test command: installs the system packages the tests need (Caucho Hessian, protoc
# and the well-known types for the code generation plugin, a JDK, the ZooKeeper C client and
# server), checks formatting, builds and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh \
  /usr/share/java/hessian.jar=libhessian-java \
  /usr/include/google/protobuf/timestamp.proto=protobuf-compiler,libprotobuf-dev \
  protoc=protobuf-compiler \
  javac=openjdk-17-jdk-headless \
  /usr/include/zookeeper/zookeeper.h=libzookeeper-mt-dev \
  /usr/share/java/zookeeper.jar=zookeeper

# Third-party Python Dubbo clients (PyPI) that Tests/DubboGeneratedTests/PythonClientTests.swift runs
# against a Swift provider.
python_clients=()
python3 -c "import dubbo_ssl.client, importlib.metadata as m; assert m.version('dubbo-ssl-python') == '0.9.6'" \
  2>/dev/null || python_clients+=(dubbo-ssl-python==0.9.6)
python3 -c "import dubbo.client, importlib.metadata as m; assert m.version('python3-dubbo') == '0.0.8'" \
  2>/dev/null || python_clients+=(python3-dubbo==0.0.8)
if ((${#python_clients[@]})); then
  echo "Installing ${python_clients[*]} (pip)"
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet "${python_clients[@]}"
fi

echo "Checking formatting (swift format lint)"
swift format lint --strict --recursive Package.swift Sources Plugins Templates Tests Examples

# The ZooKeeper server Tests/DubboZooKeeperTests share (the tests that stop a server start their
# own); one already running on the port is used as it is and left running.
export DUBBO_TEST_ZOOKEEPER=127.0.0.1:2181
if ! scripts/zookeeper.sh status --port 2181; then
  echo "Starting ZooKeeper on $DUBBO_TEST_ZOOKEEPER"
  scripts/zookeeper.sh start --port 2181 >/dev/null
  trap 'scripts/zookeeper.sh stop --port 2181' EXIT
fi

# The example provider Tests/DubboCLITests/ExampleProviderTests.swift runs `dubbo` against.
echo "Building the example provider (Examples/UserService)"
swift build --package-path Examples/UserService --product user-service-provider
DUBBO_TEST_EXAMPLE_PROVIDER="$(swift build --package-path Examples/UserService --show-bin-path)/user-service-provider"
export DUBBO_TEST_EXAMPLE_PROVIDER

# `swift test` builds only what the tests need; a bare `swift build` would also compile
# swift-protobuf's bundled protoc from C++ source (several minutes).
swift test
