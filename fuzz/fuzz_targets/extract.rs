//! libFuzzer target: `newsgraph::fuzz::extract_text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::extract_text(data));
