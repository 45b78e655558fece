//! libFuzzer target: `newsgraph::fuzz::text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::text(data));
