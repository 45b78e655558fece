//! libFuzzer target: `newsgraph::fuzz::project`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::project(data));
