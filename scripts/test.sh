#!/usr/bin/env bash
# The README's test command: installs the system packages the tests need, checks formatting,
# builds and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[[ -f /usr/share/java/hessian.jar ]] || missing+=(libhessian-java)
# protoc (and its well-known types) for the code generation plugin the tests build with.
command -v protoc >/dev/null && [[ -f /usr/include/google/protobuf/timestamp.proto ]] ||
  missing+=(protobuf-compiler libprotobuf-dev)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
if ((${#missing[@]})); then
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo=sudo
  echo "Installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

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

# `swift test` builds only what the tests need; a bare `swift build` would also compile
# swift-protobuf's bundled protoc from C++ source (several minutes).
swift test
