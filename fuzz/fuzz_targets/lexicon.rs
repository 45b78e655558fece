//! libFuzzer target: `newsgraph::fuzz::lexicon`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::lexicon(data));
