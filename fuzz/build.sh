#!/usr/bin/env bash
# Builds the libFuzzer targets without cargo-fuzz: the flags `cargo fuzz build -s none` uses
# (coverage counters and comparison tracing, debug assertions and overflow checks on), with
# the target given so build scripts and proc macros stay uninstrumented. Needs nightly.
# Run a target: fuzz/target/x86_64-unknown-linux-gnu/release/NAME corpus/NAME seeds/NAME
set -euo pipefail
cd "$(dirname "$0")"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
exec cargo +nightly build --release --target x86_64-unknown-linux-gnu "$@"
