//! The map step shared by the window and the command line: files in, (article, extraction)
//! pairs out, on all cores, with progress reports and cancellation. One bad file never stops
//! the batch; it comes back as an error in its slot.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::extract::{Extraction, Lexicon, extract};
use crate::graph::NewsGraph;
use crate::ingest::{Article, IngestError, read_file};

/// One file's result.
pub type FileResult = Result<(Article, Extraction), IngestError>;

/// Reads and extracts every file in parallel. `progress(done, total)` is called after each
/// file (from worker threads); when `cancel` becomes true, files not yet started are skipped
/// and the result holds only the finished ones.
pub fn run(
    paths: &[PathBuf],
    lex: &Lexicon,
    cancel: &AtomicBool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<FileResult> {
    let done = AtomicUsize::new(0);
    let total = paths.len();
    let results: Vec<Option<FileResult>> = paths
        .par_iter()
        .map(|path| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let result = read_file(path).map(|article| {
                let extraction = extract(&article, lex);
                (article, extraction)
            });
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(n, total);
            Some(result)
        })
        .collect();
    results.into_iter().flatten().collect()
}

/// What went wrong but did not stop an article from being read ("read as Windows-1252"),
/// one line per warning, naming the file.
pub fn warnings(results: &[FileResult]) -> Vec<String> {
    results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .flat_map(|(article, _)| {
            article
                .warnings
                .iter()
                .map(move |w| format!("{w} File: {}", article.source))
        })
        .collect()
}

/// Merges results into a graph in input order (so the graph is deterministic) and returns the
/// errors.
pub fn merge(graph: &mut NewsGraph, results: Vec<FileResult>) -> Vec<IngestError> {
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((article, extraction)) => {
                graph.add_article(&article, &extraction);
            }
            Err(e) => errors.push(e),
        }
    }
    errors
}
