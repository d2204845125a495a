#!/usr/bin/env bash
# Builds the Hessian decoder fuzzer (libFuzzer + AddressSanitizer) and runs it.
#
#   FUZZ_SECONDS=600 bash Fuzz/run.sh                 # fuzz for 10 minutes (default 60 s)
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

swift build -c debug --product HessianDecoderFuzzer \
  --sanitize fuzzer --sanitize address \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc "${FUZZ_OPT:--O}" \
  2>&1 | { grep -v "ld.gold: warning: Cannot export local symbol" || true; }
fuzzer=.build/debug/HessianDecoderFuzzer

work=.build/fuzz-corpus        # grows as the fuzzer finds new coverage; Corpus/ stays small
artifacts=.build/fuzz-artifacts
mkdir -p "$work" "$artifacts"
cp Corpus/*.bin "$work"/

export SWIFT_BACKTRACE=enable=no  # let ASan/libFuzzer report crashes cleanly

if [[ $# -gt 0 && -f "${!#}" ]]; then
  # The last argument is a file: run that input once instead of fuzzing.
  exec "$fuzzer" -rss_limit_mb=2048 -timeout=5 "$@"
fi

exec "$fuzzer" \
  -max_total_time="${FUZZ_SECONDS:-60}" \
  -rss_limit_mb=2048 \
  -timeout=5 \
  -dict=hessian.dict \
  -artifact_prefix="$artifacts/" \
  -print_final_stats=1 \
  "$@" \
  "$work"
