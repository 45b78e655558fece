//! `newsgraph bench hostile`: the shapes of the reliability reproducers (deep `<div>` nesting,
//! stray end tags, Markdown backtick runs and tables, sentences with no full stop, combining
//! marks), generated at 1×, 4×, 16× and 64× a base size (16× is the size of the reliability
//! report's large files; sizes over the 8 MiB limit are left out), timed through ingest and
//! through extraction (on all cores, then on one), with the process's peak memory. Linear
//! cost shows as times that grow about 4× per step.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use crate::extract::{Lexicon, extract};
use crate::ingest::{Format, MAX_ARTICLE_BYTES, parse};

/// One hostile shape: a name, its format, and how to write it at scale `n`.
struct Shape {
    name: &'static str,
    format: Format,
    /// The input for a size factor of `n` (1, 4 or 16).
    make: fn(usize) -> Vec<u8>,
}

fn repeat(piece: &str, times: usize) -> String {
    piece.repeat(times)
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "html nested <div>",
        format: Format::Html,
        make: |n| {
            let depth = 12_500 * n;
            format!(
                "<html><body>{}China condemned Japan.{}",
                repeat("<div>", depth),
                repeat("</div>", depth)
            )
            .into_bytes()
        },
    },
    Shape {
        name: "html stray end tags",
        format: Format::Html,
        make: |n| {
            let depth = 1_562 * n;
            format!(
                "{}text{}",
                repeat("<div>", depth),
                repeat("</section>", 2 * depth)
            )
            .into_bytes()
        },
    },
    Shape {
        name: "html <div> and text",
        format: Format::Html,
        make: |n| repeat("<div>China met Japan. ", 6_250 * n).into_bytes(),
    },
    Shape {
        name: "md backtick runs",
        format: Format::Markdown,
        // Runs of every length up to k: the size grows with k², so k doubles per 4× size.
        make: |n| {
            let longest = 875 * n.isqrt();
            let runs: Vec<String> = (1..longest).map(|k| "`".repeat(k)).collect();
            format!("# T\n\n{}", runs.join(" ")).into_bytes()
        },
    },
    Shape {
        name: "md table rows",
        format: Format::Markdown,
        make: |n| {
            format!(
                "| a | b | c |\n|---|---|---|\n{}",
                repeat("| China | met | Japan |\n", 625 * n)
            )
            .into_bytes()
        },
    },
    Shape {
        name: "sentence of names",
        format: Format::Text,
        make: |n| {
            const WORDS: &[&str] = &[
                "Alpha",
                "Beta",
                "China",
                "Japan",
                "Xi",
                "Mr",
                "President",
                "Minister",
                "Ministry",
                "of",
                "the",
                "met",
                "condemned",
                "United",
                "Nations",
            ];
            let words: Vec<&str> = (0..3_125 * n)
                .map(|i| WORDS[(i * 7 + i / 13) % WORDS.len()])
                .collect();
            format!("Title\n\n{}.\n", words.join(" ")).into_bytes()
        },
    },
    Shape {
        name: "sentence of commas",
        format: Format::Text,
        make: |n| format!("Title\n\n{}met Japan.\n", repeat("China, ", 1_250 * n)).into_bytes(),
    },
    Shape {
        name: "combining marks",
        format: Format::Text,
        make: |n| {
            let word = format!(
                "C{}hina met Japan. ",
                repeat("\u{301}\u{302}\u{303}\u{304}", 50)
            );
            repeat(&word, 125 * n).into_bytes()
        },
    },
];

/// Extraction past this time at one size is not tried at the larger sizes.
const EXTRACT_BUDGET: Duration = Duration::from_secs(5);

/// Forgets the process's peak memory so far, so the next reading is of what follows (Linux;
/// elsewhere nothing happens and the peak column stays empty).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's peak resident memory since [`reset_peak_memory`], in MB.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs every shape at 1×, 4×, 16× and 64×; returns the table to print. Extraction is timed
/// on all the cores of the current rayon pool and, again, on one thread.
pub fn run(lex: &Lexicon) -> String {
    let mut out = String::new();
    let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().ok();
    let _ = writeln!(
        out,
        "{:<22} {:>6} {:>10} {:>11} {:>11} {:>11} {:>8}",
        "shape", "size", "bytes", "ingest ms", "extract ms", "1 core ms", "peak MB"
    );
    for shape in SHAPES {
        let mut extract_over_budget = false;
        for factor in [1, 4, 16, 64] {
            let bytes = (shape.make)(factor);
            if bytes.len() as u64 > MAX_ARTICLE_BYTES {
                let _ = writeln!(out, "{:<22} {factor:>5}× over the 8 MiB limit", shape.name);
                continue;
            }
            reset_peak_memory();
            let started = Instant::now();
            let article = parse(shape.name, &bytes, shape.format);
            let ingest = started.elapsed();
            let timed = |article| {
                let started = Instant::now();
                drop(extract(article, lex));
                started.elapsed()
            };
            let (extract_ms, one_core_ms) = match (&article, extract_over_budget) {
                (Ok(article), false) => {
                    let took = timed(article);
                    let alone = one_thread
                        .as_ref()
                        .map(|pool| pool.install(|| timed(article)));
                    extract_over_budget = took > EXTRACT_BUDGET;
                    (
                        format!("{:.1}", took.as_secs_f64() * 1000.0),
                        alone.map_or_else(String::new, |t| {
                            format!("{:.1}", t.as_secs_f64() * 1000.0)
                        }),
                    )
                }
                (Ok(_), true) => ("skipped".to_owned(), String::new()),
                (Err(e), _) => (format!("not read: {e}"), String::new()),
            };
            drop(article);
            let peak = peak_memory_mb().map_or_else(String::new, |mb| format!("{mb:.0}"));
            let _ = writeln!(
                out,
                "{:<22} {factor:>5}× {:>10} {:>11.1} {:>11} {:>11} {peak:>8}",
                shape.name,
                bytes.len(),
                ingest.as_secs_f64() * 1000.0,
                extract_ms,
                one_core_ms
            );
        }
    }
    out
}
