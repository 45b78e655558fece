//! libFuzzer target: `newsgraph::fuzz::layout`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::layout(data));
