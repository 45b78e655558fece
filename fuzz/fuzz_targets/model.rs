//! libFuzzer target: `newsgraph::fuzz::model`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::model(data));
