//! Benchmarks behind `newsgraph bench`. This file: `newsgraph bench extract`, the full pipeline (bytes → article → extraction → graph) over a
//! corpus held in memory, on one core and on all cores, with throughput in tokens and bytes
//! per second. Reading the files from disk is left out so the figure is the pipeline's own.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub mod hostile;
pub mod layout;

/// CPU time of the whole process so far (all threads, also those that have ended), from
/// `/proc/self/stat` in clock ticks of 1/100 s; `None` where there is no `/proc`.
pub fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

use crate::eval::ner::{document_text, read_conll};
use crate::extract::{Lexicon, extract};
use crate::graph::NewsGraph;
use crate::ingest::{Format, expand_inputs, parse};

/// One input held in memory.
pub struct Input {
    /// Name for messages.
    pub name: String,
    /// Raw bytes.
    pub bytes: Vec<u8>,
    /// How to read them.
    pub format: Format,
}

/// Loads every supported article under `folders` and every CoNLL file (as one plain-text
/// article per document); unreadable inputs are reported and skipped.
pub fn load_corpus(folders: &[&Path], conll: &[&Path], problems: &mut Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::new();
    let paths: Vec<_> = folders.iter().map(|p| p.to_path_buf()).collect();
    let (files, errors) = expand_inputs(&paths);
    problems.extend(errors.iter().map(ToString::to_string));
    for f in files {
        match std::fs::read(&f) {
            Ok(bytes) => inputs.push(Input {
                name: f.display().to_string(),
                format: Format::from_path(&f).unwrap_or(Format::Text),
                bytes,
            }),
            Err(e) => problems.push(format!("could not read ({e}): {}", f.display())),
        }
    }
    for path in conll {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("could not read ({e}): {}", path.display()));
                continue;
            }
        };
        match read_conll(&text) {
            Ok(docs) => {
                for (i, d) in docs.iter().enumerate() {
                    inputs.push(Input {
                        name: format!("{}#{i}", path.display()),
                        bytes: document_text(d).0.into_bytes(),
                        format: Format::Text,
                    });
                }
            }
            Err(e) => problems.push(format!("not a CoNLL file ({e}): {}", path.display())),
        }
    }
    inputs
}

/// One measured pass.
#[derive(Debug, Clone, Copy)]
pub struct Pass {
    /// Wall time.
    pub elapsed: Duration,
    /// Tokens extracted.
    pub tokens: usize,
    /// Input bytes.
    pub bytes: usize,
    /// Nodes in the resulting graph.
    pub nodes: usize,
}

/// Runs the pipeline once over `inputs`, in parallel or on this thread only.
pub fn run_pass(inputs: &[Input], lex: &Lexicon, parallel: bool) -> Pass {
    // One core: in a pool of one thread, since an article's sentences otherwise still go to
    // every core.
    let one_thread = (!parallel)
        .then(|| rayon::ThreadPoolBuilder::new().num_threads(1).build().ok())
        .flatten();
    let started = Instant::now();
    let work = |input: &Input| {
        parse(&input.name, &input.bytes, input.format)
            .ok()
            .map(|article| {
                let extraction = extract(&article, lex);
                (article, extraction)
            })
    };
    let results: Vec<_> = match &one_thread {
        None if parallel => inputs.par_iter().map(work).collect(),
        Some(pool) => pool.install(|| inputs.iter().map(work).collect()),
        None => inputs.iter().map(work).collect(),
    };
    let mut graph = NewsGraph::new();
    let mut tokens = 0;
    for (article, extraction) in results.iter().flatten() {
        tokens += extraction.token_count;
        graph.add_article(article, extraction);
    }
    Pass {
        elapsed: started.elapsed(),
        tokens,
        bytes: inputs.iter().map(|i| i.bytes.len()).sum(),
        nodes: graph.node_count(),
    }
}

/// The median pass of `runs` (by time).
pub fn median_pass(inputs: &[Input], lex: &Lexicon, parallel: bool, runs: usize) -> Pass {
    let mut passes: Vec<Pass> = (0..runs.max(1))
        .map(|_| run_pass(inputs, lex, parallel))
        .collect();
    passes.sort_by_key(|p| p.elapsed);
    passes[passes.len() / 2]
}

/// One table line: `one core: 812,345 tokens/s, 4.9 MB/s`.
pub fn line(label: &str, pass: Pass) -> String {
    let secs = pass.elapsed.as_secs_f64().max(1e-9);
    #[allow(
        clippy::cast_precision_loss,
        reason = "corpus sizes are far below 2^52"
    )]
    let (tokens, bytes) = (pass.tokens as f64 / secs, pass.bytes as f64 / secs / 1e6);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a rate"
    )]
    let tokens = thousands(tokens.round() as u64);
    format!("{label}: {tokens} tokens/s, {bytes:.1} MB/s")
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The whole report.
pub fn report(inputs: &[Input], lex: &Lexicon, runs: usize) -> String {
    let one = median_pass(inputs, lex, false, runs);
    let all = median_pass(inputs, lex, true, runs);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} inputs, {} tokens, {:.1} MB; median of {runs} runs; {} nodes",
        inputs.len(),
        thousands(one.tokens as u64),
        one.bytes as f64 / 1e6,
        thousands(one.nodes as u64)
    );
    let _ = writeln!(out, "{}", line("one core", one));
    let _ = writeln!(
        out,
        "{}",
        line(
            &format!("all cores ({})", rayon::current_num_threads()),
            all
        )
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(812_345), "812,345");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn a_pass_counts_tokens_and_builds_the_graph() {
        let inputs = vec![Input {
            name: "a.txt".into(),
            bytes: b"Talks\n\nGermany and France held talks in Paris.\n".to_vec(),
            format: Format::Text,
        }];
        let lex = Lexicon::embedded();
        let pass = run_pass(&inputs, &lex, false);
        assert!(pass.tokens >= 8);
        assert!(pass.nodes >= 2);
        assert!(line("one core", pass).starts_with("one core: "));
    }
}
