#!/usr/bin/env bash
# The README's test command: installs the system packages the tests need, checks formatting,
# builds and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[[ -f /usr/share/java/hessian.jar ]] || missing+=(libhessian-java)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
if ((${#missing[@]})); then
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo=sudo
  echo "Installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

echo "Checking formatting (swift format lint)"
swift format lint --strict --recursive Package.swift Sources Tests Examples

# `swift test` builds only what the tests need; a bare `swift build` would also compile
# swift-protobuf's bundled protoc from C++ source (several minutes).
swift test
