#!/usr/bin/env bash
# Long libFuzzer runs of every target, two at a time, at the lowest CPU priority (they use only
# what other work leaves idle). Inputs up to 1 MB, with libFuzzer's length control off so long
# inputs are tried from the start and the slow paths are reached; a run that
# takes over 60 s on one input or 2 GB of memory counts as a failure, as a crash does.
# usage: fuzz/run-long.sh SECONDS_PER_TARGET [TARGET...]   (build first: fuzz/build.sh)
# Output: fuzz/logs/TARGET.SECONDSs.log (libFuzzer's, with the final stats), fuzz/corpus/TARGET (the
# corpus it grew), fuzz/artifacts/TARGET/ (any crashing, slow or oversized input).
set -uo pipefail
cd "$(dirname "$0")"
seconds="${1:?seconds per target}"
shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(text markdown html layout project model lexicon extract)
bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs
run() {
    local t="$1"
    mkdir -p "corpus/$t" "artifacts/$t"
    nice -n 19 "$bin/$t" "corpus/$t" "seeds/$t" \
        -max_len=1048576 -len_control=0 -timeout=60 -rss_limit_mb=2048 -max_total_time="$seconds" \
        -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"logs/$t.${seconds}s.log" 2>&1
    echo "$(date -u +%FT%TZ) $t ${seconds}s exit $?" >>logs/summary.txt
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[i]}" &
    if ((i + 1 < ${#targets[@]})); then
        run "${targets[i + 1]}" &
    fi
    wait
done
