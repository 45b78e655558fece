#!/usr/bin/env bash
# Long libFuzzer runs of every target, PARALLEL at a time (default 2), at CPU priority NICE
# (default 19: they use only what other work leaves idle; 0 for a round with the machine to
# itself). Inputs up to 1 MB, with libFuzzer's length control off so long inputs are tried from
# the start and the slow paths are reached; a run that takes over 60 s on one input or 2 GB of
# memory counts as a failure, as a crash does.
# usage: [NICE=n] [PARALLEL=k] fuzz/run-long.sh SECONDS_PER_TARGET [TARGET...]
# (build first: fuzz/build.sh; fuzz/big-seeds.py adds seeds of up to 1 MB, read when present)
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
    local seeds=("seeds/$t")
    [[ -d "big-seeds/$t" ]] && seeds+=("big-seeds/$t")
    nice -n "${NICE:-19}" "$bin/$t" "corpus/$t" "${seeds[@]}" \
        -max_len=1048576 -len_control=0 -timeout=60 -rss_limit_mb=2048 -max_total_time="$seconds" \
        -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"logs/$t.${seconds}s.log" 2>&1
    echo "$(date -u +%FT%TZ) $t ${seconds}s exit $?" >>logs/summary.txt
}
parallel="${PARALLEL:-2}"
for ((i = 0; i < ${#targets[@]}; i += parallel)); do
    for ((j = i; j < i + parallel && j < ${#targets[@]}; j++)); do
        run "${targets[j]}" &
    done
    wait
done
