#!/usr/bin/env bash
# Shows what `dubbo hessian decode` does: prints two captured Hessian payloads from
# Examples/HessianPayloads/ as JSON. Runs from any directory; the first run builds the tool.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Building the dubbo tool (swift build --product dubbo)"
swift build --product dubbo

echo
echo "== The body of a Dubbo request, DemoService.sayHello(\"world\"): a stream of 7 values"
echo "\$ swift run dubbo hessian decode --stream Examples/HessianPayloads/dubbo-request-body.bin"
swift run --skip-build dubbo hessian decode --stream Examples/HessianPayloads/dubbo-request-body.bin

echo
echo "== A java.util.ArrayList of com.foo.User objects: class definition, instances, a back-reference"
echo "\$ swift run dubbo hessian decode Examples/HessianPayloads/user.bin"
swift run --skip-build dubbo hessian decode Examples/HessianPayloads/user.bin
