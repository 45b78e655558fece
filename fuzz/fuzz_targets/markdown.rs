//! libFuzzer target: `newsgraph::fuzz::markdown`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::markdown(data));
