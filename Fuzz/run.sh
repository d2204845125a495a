#!/usr/bin/env bash
# Builds a fuzzer (libFuzzer + AddressSanitizer) and runs it: FUZZER=HessianDecoderFuzzer (the default),
# FUZZER=DubboRequestFuzzer or FUZZER=RegistryURLFuzzer.
#
#   FUZZ_SECONDS=600 bash Fuzz/run.sh                 # fuzz for 10 minutes (default 60 s)
#   FUZZER=DubboRequestFuzzer FUZZ_SECONDS=600 bash Fuzz/run.sh
#   bash Fuzz/run.sh .build/fuzz-artifacts/crash-…    # re-run one saved input
#   bash Fuzz/run.sh -max_len=65536                   # extra arguments go to libFuzzer
#
# Sanitizer flags: `swift build --sanitize fuzzer --sanitize address` hands swiftc two separate
# `-sanitize=` options and swiftc keeps only the last, in an order that varies between builds, so
# Swift code ends up with coverage but no ASan or the reverse. The explicit
# `-Xswiftc -sanitize=fuzzer,address` comes last and turns both on. `-O` (FUZZ_OPT) runs about 4x
# faster than -Onone; preconditions, bounds and overflow checks stay on.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

name="${FUZZER:-HessianDecoderFuzzer}"
case "$name" in
  HessianDecoderFuzzer)
    seeds=Corpus dict=hessian.dict work=.build/fuzz-corpus artifacts=.build/fuzz-artifacts extra=() ;;
  DubboRequestFuzzer)
    seeds=Corpus-Dubbo dict=dubbo.dict work=.build/fuzz-corpus-dubbo artifacts=.build/fuzz-artifacts-dubbo
    # -detect_leaks=0: Swift's runtime caches and the dispatcher's Tasks leave malloc and free counts
    # unequal after most inputs, and libFuzzer then runs a full LeakSanitizer scan each time (10x slower).
    # ASAN_OPTIONS below also turns off the scan at exit, which reports the 112 bytes that
    # `DubboGeneric.invoke`, a `static let` the generic path initializes once, allocates as leaked.
    extra=(-max_len=65536 -detect_leaks=0) ;;
  RegistryURLFuzzer)
    seeds=Corpus-Registry dict=registry.dict work=.build/fuzz-corpus-registry
    artifacts=.build/fuzz-artifacts-registry extra=(-max_len=4096 -detect_leaks=0) ;;
  *) echo "unknown FUZZER=$name (HessianDecoderFuzzer, DubboRequestFuzzer or RegistryURLFuzzer)" >&2; exit 2 ;;
esac

swift build -c debug --product "$name" \
  --sanitize fuzzer --sanitize address \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc "${FUZZ_OPT:--O}" \
  2>&1 | { grep -v "ld.gold: warning: Cannot export local symbol" || true; }
fuzzer=".build/debug/$name"

# $work grows as the fuzzer finds new coverage; the seed folder stays small.
mkdir -p "$work" "$artifacts"
cp "$seeds"/*.bin "$work"/

export SWIFT_BACKTRACE=enable=no  # let ASan/libFuzzer report crashes cleanly
export SWIFT_DETERMINISTIC_HASHING=1  # same dictionary order in every run, so crashes reproduce
if [[ " ${extra[*]-} " == *" -detect_leaks=0 "* ]]; then export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; fi

if [[ $# -gt 0 && -f "${!#}" ]]; then
  # The last argument is a file: run that input once instead of fuzzing.
  exec "$fuzzer" -rss_limit_mb=2048 -timeout=5 "$@"
fi

exec "$fuzzer" \
  -max_total_time="${FUZZ_SECONDS:-60}" \
  -rss_limit_mb=2048 \
  -timeout=5 \
  -dict="$dict" \
  -artifact_prefix="$artifacts/" \
  -print_final_stats=1 \
  ${extra[@]+"${extra[@]}"} \
  "$@" \
  "$work"
