//! The map step shared by the window and the command line: files in, (article, extraction)
//! pairs out, on all cores, with progress reports and cancellation. One bad file never stops
//! the batch; it comes back as an error in its slot.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::extract::{Control, Extraction, Lexicon, extract_with};
use crate::graph::NewsGraph;
use crate::ingest::{Article, IngestError, read_file};

/// One file's result.
pub type FileResult = Result<(Article, Extraction), IngestError>;

/// Thousandths of a file: the unit of progress inside the files being read.
const PER_FILE: usize = 1000;

/// How far a batch has come and whether it should stop, shared by the workers and whoever
/// watches them (the window's progress bar and Cancel button).
#[derive(Debug, Default)]
pub struct Tracker {
    cancel: AtomicBool,
    total: AtomicUsize,
    done: AtomicUsize,
    /// Thousandths of a file, summed over the files under way.
    partial: AtomicUsize,
}

impl Tracker {
    /// Asks the workers to stop: files not started are skipped, and the files under way stop
    /// at their next sentence and are left out.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`Tracker::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The flag itself, for extractions run outside [`run_tracked`].
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// Sets how many files the batch has.
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// (files done, files in total).
    pub fn files(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// The share of the batch done, from 0 to 1, counting the parts of the files under way.
    pub fn fraction(&self) -> f32 {
        let (done, total) = self.files();
        if total == 0 {
            return 0.0;
        }
        let thousandths = done * PER_FILE + self.partial.load(Ordering::Relaxed);
        #[allow(clippy::cast_precision_loss, reason = "a fraction for a progress bar")]
        let fraction = thousandths as f32 / (total * PER_FILE) as f32;
        fraction.min(1.0)
    }

    /// Runs `work` for one file with a [`Control`] that reports into this tracker (`wake` is
    /// called when the shown figure changes), then counts the file as done.
    pub fn file<T>(&self, wake: &(dyn Fn() + Sync), work: impl FnOnce(Control<'_>) -> T) -> T {
        let mine = AtomicUsize::new(0);
        let report = |fraction: f32| {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a fraction between 0 and 1, scaled to thousandths"
            )]
            let now = ((fraction.clamp(0.0, 1.0) * PER_FILE as f32) as usize).min(PER_FILE);
            let before = mine.swap(now, Ordering::Relaxed);
            if now > before {
                self.partial.fetch_add(now - before, Ordering::Relaxed);
                wake();
            }
        };
        let result = work(Control::new(&self.cancel, &report));
        self.partial
            .fetch_sub(mine.load(Ordering::Relaxed), Ordering::Relaxed);
        self.done.fetch_add(1, Ordering::Relaxed);
        wake();
        result
    }
}

/// Reads and extracts every file in parallel. `progress(done, total)` is called after each
/// file (from worker threads); when `cancel` becomes true, files not yet started are skipped
/// and the result holds only the finished ones.
pub fn run(
    paths: &[PathBuf],
    lex: &Lexicon,
    cancel: &AtomicBool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<FileResult> {
    let tracker = Tracker::default();
    tracker.set_total(paths.len());
    let results = paths
        .par_iter()
        .map(|path| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let result = one_file(path, lex, Control::new(cancel, &|_| {}));
            tracker.done.fetch_add(1, Ordering::Relaxed);
            let (done, total) = tracker.files();
            progress(done, total);
            result
        })
        .collect::<Vec<_>>();
    results.into_iter().flatten().collect()
}

/// [`run`] with progress inside each file: `tracker` takes the total, counts the files and
/// their parts, and its cancel stops the files under way at their next sentence (they are
/// left out of the result). `wake` is called whenever the progress changes.
pub fn run_tracked(
    paths: &[PathBuf],
    lex: &Lexicon,
    tracker: &Tracker,
    wake: &(dyn Fn() + Sync),
) -> Vec<FileResult> {
    tracker.set_total(paths.len());
    wake();
    let results = paths
        .par_iter()
        .map(|path| {
            if tracker.is_cancelled() {
                return None;
            }
            tracker.file(wake, |control| one_file(path, lex, control))
        })
        .collect::<Vec<_>>();
    results.into_iter().flatten().collect()
}

/// Reads and extracts one file; `None` when cancelled on the way.
fn one_file(path: &std::path::Path, lex: &Lexicon, control: Control<'_>) -> Option<FileResult> {
    match read_file(path) {
        Ok(article) => extract_with(&article, lex, control)
            .ok()
            .map(|extraction| Ok((article, extraction))),
        Err(e) => Some(Err(e)),
    }
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

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::extract::Cancelled;
    use crate::ingest::{Format, parse};

    /// A long article: 4,000 sentences, each with actors and an event.
    fn long_text() -> String {
        format!(
            "Talks\n\n{}\n",
            "China met Japan in Tokyo. Russia condemned the talks. ".repeat(2000)
        )
    }

    #[test]
    fn a_cancel_set_before_the_start_stops_the_extraction_issue_13() {
        let article = parse("long.txt", long_text().as_bytes(), Format::Text).expect("reads");
        let lex = Lexicon::embedded();
        let cancel = AtomicBool::new(true);
        let result = extract_with(&article, &lex, Control::new(&cancel, &|_| {}));
        assert_eq!(result.err(), Some(Cancelled));
    }

    #[test]
    fn a_cancel_mid_file_stops_at_the_next_sentence_issue_13() {
        let article = parse("long.txt", long_text().as_bytes(), Format::Text).expect("reads");
        let lex = Lexicon::embedded();
        let cancel = AtomicBool::new(false);
        let furthest = Mutex::new(0.0_f32);
        let progress = |fraction: f32| {
            let mut f = furthest.lock().expect("not poisoned");
            *f = f.max(fraction);
            // The user presses Cancel a tenth of the way in.
            if fraction > 0.1 {
                cancel.store(true, Ordering::Relaxed);
            }
        };
        let result = extract_with(&article, &lex, Control::new(&cancel, &progress));
        assert_eq!(result.err(), Some(Cancelled));
        let furthest = *furthest.lock().expect("not poisoned");
        // Stopped within a sentence or two of the press, not at the end of a stage.
        assert!(furthest > 0.1 && furthest < 0.11, "went on to {furthest}");
    }

    #[test]
    fn a_long_article_reads_the_same_on_any_number_of_threads_issue_13() {
        let text = format!(
            "{}\n\nMr Campbell said China condemned Japan on 2 March 2026. {}",
            long_text(),
            "Alastair Campbell met Xi Jinping in Beijing; they agreed on talks. ".repeat(300)
        );
        let article = parse("long.txt", text.as_bytes(), Format::Text).expect("reads");
        let lex = Lexicon::embedded();
        let with_threads = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool")
                .install(|| crate::extract::extract(&article, &lex))
        };
        let one = with_threads(1);
        assert!(one.sentences.len() > 4000 && !one.events.is_empty());
        assert_eq!(one, with_threads(2));
        assert_eq!(one, with_threads(7));
    }

    #[test]
    fn progress_moves_inside_one_file_and_ends_at_one_issue_13() {
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("long.txt");
        std::fs::write(&path, long_text()).expect("written");
        let lex = Lexicon::embedded();
        let tracker = Tracker::default();
        let seen = Mutex::new(Vec::new());
        let wake = || seen.lock().expect("not poisoned").push(tracker.fraction());
        let results = run_tracked(std::slice::from_ref(&path), &lex, &tracker, &wake);
        assert_eq!(results.len(), 1);
        let seen = seen.into_inner().expect("not poisoned");
        let inside = seen.iter().filter(|f| **f > 0.0 && **f < 1.0).count();
        assert!(
            inside >= 10,
            "only {inside} steps inside the file: {seen:?}"
        );
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "progress went back");
        assert!((tracker.fraction() - 1.0).abs() < f32::EPSILON);
        assert_eq!(tracker.files(), (1, 1));
    }

    #[test]
    fn a_cancelled_batch_leaves_the_graph_unchanged_issue_13() {
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("long.txt");
        std::fs::write(&path, long_text()).expect("written");
        let lex = Lexicon::embedded();
        let tracker = Tracker::default();
        // Cancel as soon as the file is under way.
        let wake = || {
            if tracker.fraction() > 0.0 {
                tracker.cancel();
            }
        };
        let results = run_tracked(std::slice::from_ref(&path), &lex, &tracker, &wake);
        assert!(results.is_empty(), "a file stopped mid-way is left out");
        let mut graph = NewsGraph::new();
        assert!(merge(&mut graph, results).is_empty());
        assert_eq!(graph.node_count(), 0);
        assert!(graph.articles().is_empty());
    }
}
