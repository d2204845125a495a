#!/usr/bin/env bash
# Regenerates the Swift code the package needs for its own protos:
# - the protobuf wrapper messages that Java Dubbo's "protobuf" serialization (id 22) uses:
#   Protos/dubbo/wrapper/*.proto -> Sources/Dubbo/Serialization/Protobuf/Generated/*.pb.swift;
# - the Java-class annotations the code generator reads:
#   Protos/dubbo/options.proto -> Sources/DubboCodeGen/Options/options.pb.swift.
#
# Run it after changing any file under Protos/, or when moving to another swift-protobuf release
# (keep SWIFT_PROTOBUF_VERSION in step with the SwiftProtobuf dependency in Package.swift).
# The generated files are committed; the build itself never runs this script.
#
# It builds protoc-gen-swift from apple/swift-protobuf at SWIFT_PROTOBUF_VERSION in a temporary
# directory (set PROTOC_GEN_SWIFT=/path/to/protoc-gen-swift to use an existing build instead)
# and installs Debian's protobuf-compiler when protoc is missing. Output is deterministic.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT_PROTOBUF_VERSION=1.39.0

if ! command -v protoc >/dev/null; then
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo=sudo
  echo "Installing protobuf-compiler"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq protobuf-compiler
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Fetching apple/swift-protobuf ${SWIFT_PROTOBUF_VERSION}"
git -c advice.detachedHead=false clone -q --depth 1 --branch "$SWIFT_PROTOBUF_VERSION" \
  https://github.com/apple/swift-protobuf.git "$work/swift-protobuf"

plugin="${PROTOC_GEN_SWIFT:-}"
if [[ -z "$plugin" ]]; then
  echo "Building protoc-gen-swift ${SWIFT_PROTOBUF_VERSION}"
  swift build --package-path "$work/swift-protobuf" -c release --product protoc-gen-swift
  plugin="$(swift build --package-path "$work/swift-protobuf" -c release --show-bin-path)/protoc-gen-swift"
fi

# The well-known types (google/protobuf/any.proto, descriptor.proto) come from swift-protobuf's own
# copy, which matches the SwiftProtobuf runtime the generated code links against.
generate() {
  local out_dir="$1"
  shift
  mkdir -p "$out_dir"
  rm -f "$out_dir"/*.pb.swift
  echo "Generating ${out_dir} with $(protoc --version)"
  protoc \
    --plugin=protoc-gen-swift="$plugin" \
    --swift_out="$out_dir" \
    --swift_opt=Visibility=Internal \
    --swift_opt=FileNaming=DropPath \
    -I Protos \
    -I "$work/swift-protobuf/Protos/Sources/SwiftProtobuf" \
    "$@"
  ls -1 "$out_dir"/*.pb.swift
}

generate Sources/Dubbo/Serialization/Protobuf/Generated Protos/dubbo/wrapper/*.proto
generate Sources/DubboCodeGen/Options Protos/dubbo/options.proto
