//! libFuzzer target: `newsgraph::fuzz::html`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::html(data));
