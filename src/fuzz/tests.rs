//! The harnesses on stable, briefly: each replays its committed seeds and reproducers
//! (`fuzz/seeds/<harness>/`) and a fixed number of mutations of them, made by a seeded
//! generator so a failure replays. The long runs are libFuzzer's (`fuzz/`, nightly).

use crate::layout::rng::XorShift;
use std::path::PathBuf;

use super::HARNESSES;

/// Pieces of every syntax the readers know, spliced in by the mutator.
const PIECES: &[&[u8]] = &[
    b"<div>",
    b"</div>",
    b"</p>",
    b"<a href=\"x\">",
    b"<script>",
    b"<!--",
    b"&amp;",
    b"&#x",
    b"&#9999999999;",
    b"```",
    b"`",
    b"| a |",
    b"|---|",
    b"[x](",
    b"# ",
    b"> ",
    b"- ",
    b"\n\n",
    b"\r",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xC3",
    b"\xE2\x80",
    b"\xCC\x81\xCC\x82",
    b"1e99",
    b"-0",
    b"NaN",
    b"null",
    b"[]",
    b"{}",
    b"\"format_version\": 0",
    b"\"format_version\": 99",
    b"\"span\": [5, 2]",
    b"18446744073709551615",
    b"China",
    b"Mr",
    b"met",
    b"condemned",
    b", ",
    b". ",
    b"U.S.",
];

fn mutate(rng: &mut XorShift, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next_u64().to_le_bytes()[0]),
            2 if at < out.len() => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            3 if at < out.len() => {
                // A piece repeated: the shape of the slow inputs.
                let end = (at + 1 + rng.below(16)).min(out.len());
                let piece = out[at..end].to_vec();
                for _ in 0..rng.below(200) {
                    out.splice(at..at, piece.iter().copied());
                }
            }
            4 => {
                let piece = PIECES[rng.below(PIECES.len())];
                out.splice(at..at, piece.iter().copied());
            }
            5 => out.truncate(at),
            6 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + 1 + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            _ if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next_u64().to_le_bytes()[0];
            }
            _ => out.push(rng.next_u64().to_le_bytes()[0]),
        }
    }
    out
}

fn seeds(harness: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(harness);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("no seed folder ({e}): {}", folder.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{e}: {}", p.display()));
            (p, bytes)
        })
        .collect()
}

/// Replays `harness`'s seeds, then `mutations` mutants of them (a third as many in a debug
/// build, where the pipeline runs ten or more times slower, so CI stays brief).
fn run(harness: &str, mutations: usize) {
    let mutations = if cfg!(debug_assertions) {
        mutations / 3
    } else {
        mutations
    };
    let (_, body) = HARNESSES
        .iter()
        .find(|(name, _)| *name == harness)
        .unwrap_or_else(|| panic!("no harness {harness}"));
    let seeds = seeds(harness);
    assert!(!seeds.is_empty(), "{harness} has no seeds");
    for (path, bytes) in &seeds {
        eprintln!("{harness}: {}", path.display());
        body(bytes);
    }
    let mut rng = XorShift::new(0x5EED_0013 ^ harness.len() as u64);
    for case in 0..mutations {
        let seed = &seeds[case % seeds.len()].1;
        let other = &seeds[rng.below(seeds.len())].1;
        let input = mutate(&mut rng, seed, other);
        // On a failure the case number and the input's start say which mutant broke it.
        eprintln!(
            "{harness} mutant {case}: {} bytes, {:?}",
            input.len(),
            String::from_utf8_lossy(&input[..input.len().min(60)])
        );
        body(&input);
    }
}

#[test]
fn every_harness_has_seeds() {
    for (name, _) in HARNESSES {
        assert!(!seeds(name).is_empty(), "{name}");
    }
}

#[test]
fn text_harness_survives_its_seeds_and_mutants() {
    run("text", 400);
}

#[test]
fn markdown_harness_survives_its_seeds_and_mutants() {
    run("markdown", 300);
}

#[test]
fn html_harness_survives_its_seeds_and_mutants() {
    run("html", 300);
}

#[test]
fn layout_harness_survives_its_seeds_and_mutants() {
    run("layout", 400);
}

#[test]
fn project_harness_survives_its_seeds_and_mutants() {
    run("project", 150);
}

#[test]
fn model_harness_survives_its_seeds_and_mutants() {
    run("model", 150);
}

#[test]
fn lexicon_harness_survives_its_seeds_and_mutants() {
    run("lexicon", 60);
}

#[test]
fn extract_harness_survives_its_seeds_and_mutants() {
    run("extract", 150);
}
