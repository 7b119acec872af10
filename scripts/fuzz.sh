#!/usr/bin/env bash
# Builds qorgan-fuzz with libFuzzer + AddressSanitizer and fuzzes each target for a bounded time.
# Usage: scripts/fuzz.sh [seconds-per-target] [target ...]     (default 60 s; targets iin csv xml soap xmlwriter)
#   QORGAN_FUZZ_UPDATE_CORPUS=1  keep the new interesting inputs in Tests/FuzzCorpus/<target> (to commit them)
#   QORGAN_FUZZ_SEED=N           libFuzzer's seed (default 1, so a run is repeatable)
# A crash leaves its input in fuzz-artifacts/<target>/ (gitignored) and fails the script; replay it with
# `.build/debug/qorgan-fuzz <target> fuzz-artifacts/<target>/crash-…` after a fix.
set -euo pipefail
cd "$(dirname "$0")/.."
# libxml2 trees are allocated with malloc here, not in arenas (CXMLArena): AddressSanitizer then sees every node, so a
# read of a freed tree from instrumented Swift code is caught. QORGAN_XML_ARENA=1 fuzzes the arena path instead.
export QORGAN_XML_ARENA=${QORGAN_XML_ARENA:-0}

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(iin csv xml soap xmlwriter)
scratch=.build-fuzz
triple=$(uname -m)-unknown-linux-gnu
binary=$scratch/qorgan-fuzz

# SwiftPM links every executable with `--defsym main=<module>_main`, which collides with libFuzzer's own main;
# so SwiftPM compiles (sanitizer and coverage instrumentation on all Swift code) and the link is redone here
# from the object list SwiftPM wrote, without that alias.
mkdir -p "$scratch"
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -DQORGAN_FUZZ)
if ! swift build --scratch-path "$scratch" "${flags[@]}" --product qorgan-fuzz > "$scratch/build.log" 2>&1; then
    if ! grep -q "undefined symbol 'qorgan_fuzz_main'" "$scratch/build.log"; then
        cat "$scratch/build.log" >&2
        echo "fuzz.sh: building qorgan-fuzz failed" >&2
        exit 1
    fi
fi
objects=$scratch/$triple/debug/qorgan-fuzz.product/Objects.LinkFileList
swiftc -emit-executable -o "$binary" "@$objects" -target "$triple" -g -sanitize=fuzzer,address 2> >(grep -v "Cannot export local symbol" >&2)

status=0
for target in "${targets[@]}"; do
    corpus=Tests/FuzzCorpus/$target
    [ -d "$corpus" ] || { echo "fuzz.sh: no corpus folder $corpus" >&2; exit 2; }
    work=$(mktemp -d)
    cp "$corpus"/* "$work"/ 2>/dev/null || true
    mkdir -p "fuzz-artifacts/$target"
    echo "fuzz.sh: $target for ${seconds}s (corpus $(ls "$corpus" | wc -l) inputs)"
    if QORGAN_FUZZ_TARGET=$target "$binary" "$work" -max_total_time="$seconds" -seed="${QORGAN_FUZZ_SEED:-1}" \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="fuzz-artifacts/$target/" > "fuzz-artifacts/$target.log" 2>&1; then
        grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ *DONE" "fuzz-artifacts/$target.log" | tr '\n' ' ' | sed 's/^/  /'
        echo
        if [ "${QORGAN_FUZZ_UPDATE_CORPUS:-0}" = 1 ]; then
            QORGAN_FUZZ_TARGET=$target "$binary" -merge=1 "$corpus" "$work" > /dev/null 2>&1
        fi
    else
        status=1
        echo "fuzz.sh: $target FAILED — input and log in fuzz-artifacts/$target*" >&2
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written" "fuzz-artifacts/$target.log" | head -20 >&2 || true
    fi
    rm -rf "$work"
done
exit $status
