#!/usr/bin/env bash
# Regenerates the golden files of DubboCodeGenTests from the test protos:
# - Tests/DubboCodeGenTests/Golden/<name>.desc: the descriptor set protoc makes of each proto
#   (with imports and source info), which the tests feed to the generator;
# - Tests/DubboCodeGenTests/Golden/<name>.dubbo.swift.golden: what protoc-gen-dubbo-swift writes
#   for the protos under Tests/DubboGeneratedTests/Protos (the ones the build plugin also compiles
#   and runs).
# The protos under Tests/DubboCodeGenTests/Protos are invalid on purpose: their expected errors are
# written in the tests themselves.
#
# Run it after changing the generator or its templates, read the diff of the .golden files, and
# commit them together with the change.
set -euo pipefail
cd "$(dirname "$0")/.."

golden=Tests/DubboCodeGenTests/Golden
swift build --product protoc-gen-dubbo-swift >/dev/null
plugin="$(swift build --show-bin-path)/protoc-gen-dubbo-swift"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rm -f "$golden"/*.desc "$golden"/*.golden
for dir in Tests/DubboGeneratedTests/Protos Tests/DubboCodeGenTests/Protos; do
  for proto in "$dir"/*.proto; do
    name="$(basename "$proto" .proto)"
    protoc -I Protos -I "$dir" --include_imports --include_source_info \
      --descriptor_set_out="$golden/$name.desc" "$(basename "$proto")"
  done
done

for proto in Tests/DubboGeneratedTests/Protos/*.proto; do
  name="$(basename "$proto" .proto)"
  protoc -I Protos -I Tests/DubboGeneratedTests/Protos \
    --plugin=protoc-gen-dubbo-swift="$plugin" --dubbo-swift_out="$work" --dubbo-swift_opt=Visibility=Public \
    "$(basename "$proto")"
  mv "$work/$name.dubbo.swift" "$golden/$name.dubbo.swift.golden"
done
ls -1 "$golden"
