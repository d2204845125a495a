#!/usr/bin/env bash
# Runs the Swift Hessian benchmarks (ordo-one/benchmark, release build) and, right after, the Java
# Caucho baseline on the same values, then prints ns/op side by side with the ratios of Caucho's
# time to each Swift path's: typed (the hand-written User), generated (the User generated from a
# .proto) and value (HessianValue); > 1 means the Swift path is faster.
#
# Environment knobs (all optional):
#   CAUCHO_WARMUP_MS   JIT warm-up per operation, default 3000
#   CAUCHO_BATCH_MS    length of one timed batch, default 100
#   CAUCHO_BATCHES     timed batches per operation (the median is reported), default 15
set -euo pipefail
cd "$(dirname "$0")"

HESSIAN_JAR=/usr/share/java/hessian.jar
# Each Swift benchmark runs this many operations per sample (scalingFactor in HessianBenchmarks.swift).
SCALE=1000
RESULTS=.build/bench-results
BYTES=.build/bench-bytes
CLASSES=.build/caucho-classes

if [[ ! -f "$HESSIAN_JAR" ]]; then
  echo "== installing libhessian-java (Caucho Hessian) =="
  apt_get=(apt-get)
  if [[ "$(id -u)" != 0 ]]; then apt_get=(sudo apt-get); fi
  "${apt_get[@]}" update
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y --no-install-recommends libhessian-java
fi
for tool in java javac python3 swift; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is required" >&2; exit 1; }
done

echo "== building the Caucho baseline =="
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$HESSIAN_JAR" $(find CauchoBaseline/src -name '*.java')

echo "== Swift benchmarks (release) =="
rm -rf "$RESULTS" "$BYTES"
mkdir -p "$RESULTS"
# The benchmark executable writes the bytes it encodes to $DUBBO_BENCH_DUMP_DIR, so that Caucho can
# check it reads them back to the same values.
DUBBO_BENCH_DUMP_DIR="$PWD/$BYTES" swift package --allow-writing-to-package-directory benchmark run \
  --target HessianBenchmarks --format jmh --path "$RESULTS" --no-progress
jmh_file="$RESULTS/Current_run.jmh.json"
[[ -f "$jmh_file" ]] || { echo "run.sh: no results at $jmh_file" >&2; exit 1; }

echo "== Caucho baseline (Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2)) =="
caucho_out=$(mktemp)
trap 'rm -f "$caucho_out"' EXIT
java --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED \
  -cp "$CLASSES:$HESSIAN_JAR" CauchoBaseline \
  "${CAUCHO_WARMUP_MS:-3000}" "${CAUCHO_BATCH_MS:-100}" "${CAUCHO_BATCHES:-15}" "$BYTES" | tee "$caucho_out"

echo
python3 - "$jmh_file" "$caucho_out" "$SCALE" <<'PY'
import json
import sys

jmh_path, caucho_path, scale = sys.argv[1], sys.argv[2], float(sys.argv[3])

# JMH export: one element per benchmark, named package.benchmark.<target>.<operation>/<path>.
# Wall clock percentiles are in microseconds per sample of `scale` operations; malloc counts are
# per sample too.
swift = {}
for element in json.load(open(jmh_path)):
    name = element["benchmark"].split(".", 3)[3]
    operation, path = name.split("/")
    metrics = element["secondaryMetrics"]
    wall = metrics["Time (wall clock)"]
    assert wall["scoreUnit"] == "μs", wall["scoreUnit"]
    swift[(operation, path)] = {
        "ns": wall["scorePercentiles"]["50.0"] * 1000 / scale,
        "mallocs": metrics["Malloc (total)"]["scorePercentiles"]["50.0"] / scale,
        "samples": element["measurementIterations"],
    }

caucho = {}
for line in open(caucho_path):
    if line.startswith("CAUCHO "):
        fields = dict(item.split("=", 1) for item in line.split()[1:])
        caucho[fields["op"]] = fields

operations = ["encode_user", "decode_user", "encode_users100", "decode_users100"]
paths = ["typed", "generated", "value"]
header = (
    f"{'operation':<16}"
    + "".join(f" {'Swift ' + path:>15}" for path in paths)
    + f" {'Caucho':>10}"
    + "".join(f" {'Caucho/' + path:>17}" for path in paths)
    + "".join(f" {'mallocs/op ' + path:>21}" for path in paths)
    + f" {'Caucho B/op':>12}"
)
print("ns/op (median); mallocs/op = Swift malloc calls per operation; Caucho B/op = JVM heap bytes per operation")
print(header)
print("-" * len(header))
missing = False
for operation in operations:
    results = [swift.get((operation, path)) for path in paths]
    java = caucho.get(operation)
    if not (all(results) and java):
        print(f"{operation:<16} (missing results)")
        missing = True
        continue
    java_ns = float(java["ns_per_op"])
    print(
        f"{operation:<16}"
        + "".join(f" {result['ns']:>15.1f}" for result in results)
        + f" {java_ns:>10.1f}"
        + "".join(f" {java_ns / result['ns']:>16.2f}x" for result in results)
        + "".join(f" {result['mallocs']:>21.2f}" for result in results)
        + f" {float(java['alloc_bytes_per_op']):>12.0f}"
    )
print()
print("Caucho/<path> > 1 means that Swift path is faster; the target for typed code is >= 2.")
sys.exit(1 if missing else 0)
PY
