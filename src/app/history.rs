//! The session's undo history: corrections and layout moves (a dragged node, a loaded layout),
//! undone and redone without limit. The graph of the articles as extracted (the base) is kept;
//! the graph on screen is the base with the correction log applied. Undoing a correction
//! rebuilds the graph from the base and the shorter log, so an undo gives back exactly the
//! graph before it; redoing applies the correction again. Added articles go into the base and
//! the log is replayed over it, so corrections survive. Any correction of the log, one the
//! project came with included, can be reverted: it leaves the log and the rest is replayed;
//! the revert is a step like the others, so Ctrl+Z puts the correction back where it was.

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::files::layout_file::{LayoutFile, Placement, ViewState};
use crate::graph::corrections::{Correction, CorrectionError, Skipped, replay};
use crate::graph::{NewsGraph, NodeKey};
use crate::ingest::IngestError;
use crate::pipeline::{self, FileResult};

/// One undoable step.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A correction of the graph.
    Correct(Correction),
    /// A node dragged from one place to another.
    Move {
        /// The node.
        key: NodeKey,
        /// Where it was (and whether it was pinned).
        from: Placement,
        /// Where it was put.
        to: Placement,
    },
    /// A layout loaded over the one before.
    Layout {
        /// The layout before loading.
        before: Box<LayoutFile>,
        /// The layout loaded.
        after: Box<LayoutFile>,
    },
    /// A correction taken out of the log (made in this session or an earlier one).
    Revert {
        /// Where it was in the log.
        index: usize,
        /// The correction, with when it was made.
        entry: Logged,
    },
}

/// A correction in the log, with when it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    /// The correction.
    pub correction: Correction,
    /// When it was made, in seconds since 1970 (UTC); `None` for corrections of projects
    /// saved before newsgraph kept the time.
    pub made_secs: Option<u64>,
}

impl Logged {
    /// A correction made now.
    pub fn now(correction: Correction) -> Self {
        let made_secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs());
        Self {
            correction,
            made_secs,
        }
    }
}

/// What an undo or redo changed, for the window to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The graph was replaced or corrected.
    Graph,
    /// Nodes go to these places (and the view to this one).
    Layout {
        /// New places by key.
        nodes: BTreeMap<NodeKey, Placement>,
        /// The view, when it changes too.
        view: Option<ViewState>,
        /// Every node not listed keeps its place but is released (a whole layout comes back).
        whole: bool,
    },
}

/// The undo history and the uncorrected graph.
#[derive(Debug, Clone, Default)]
pub struct History {
    base: NewsGraph,
    /// Every correction in effect, in order: the project's, then this session's. A step
    /// that changed it is undone before any step made earlier, so undoing a correction takes
    /// the last entry off and undoing a revert puts the entry back at its index.
    log: Vec<Logged>,
    done: Vec<Step>,
    undone: Vec<Step>,
    skipped: Vec<Skipped>,
}

impl History {
    /// An empty history over an empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts over from `base` with the corrections of a project; returns the corrected graph.
    pub fn start(base: NewsGraph, kept: Vec<Correction>) -> (Self, NewsGraph) {
        let kept = kept
            .into_iter()
            .map(|correction| Logged {
                correction,
                made_secs: None,
            })
            .collect();
        Self::start_logged(base, kept)
    }

    /// Starts over from `base` with the corrections of a project and when they were made;
    /// returns the corrected graph.
    pub fn start_logged(base: NewsGraph, log: Vec<Logged>) -> (Self, NewsGraph) {
        let corrections: Vec<Correction> = log.iter().map(|l| l.correction.clone()).collect();
        let (graph, skipped) = replay(&base, &corrections);
        (
            Self {
                base,
                log,
                done: Vec::new(),
                undone: Vec::new(),
                skipped,
            },
            graph,
        )
    }

    /// The graph of the articles as extracted, before corrections.
    pub fn base(&self) -> &NewsGraph {
        &self.base
    }

    /// Every correction in effect, in order (the project's, then this session's).
    pub fn log(&self) -> Vec<Correction> {
        self.log.iter().map(|l| l.correction.clone()).collect()
    }

    /// The log with when each correction was made.
    pub fn entries(&self) -> &[Logged] {
        &self.log
    }

    /// Takes the correction at `index` out of the log and replays the rest over the base;
    /// `graph` becomes the result. Undoable. Returns the entry taken out.
    pub fn revert(&mut self, graph: &mut NewsGraph, index: usize) -> Option<Logged> {
        if index >= self.log.len() {
            return None;
        }
        let entry = self.log.remove(index);
        self.rebuild(graph);
        self.done.push(Step::Revert {
            index,
            entry: entry.clone(),
        });
        self.undone.clear();
        Some(entry)
    }

    /// Corrections of the log that did not apply at the last rebuild.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The step an undo would take back.
    pub fn next_undo(&self) -> Option<&Step> {
        self.done.last()
    }

    /// The step a redo would do again.
    pub fn next_redo(&self) -> Option<&Step> {
        self.undone.last()
    }

    /// Merges read articles into the base and replays the log over it; `graph` becomes the
    /// result. Returns the files that could not be read.
    pub fn add_results(
        &mut self,
        graph: &mut NewsGraph,
        results: Vec<FileResult>,
    ) -> Vec<IngestError> {
        let errors = pipeline::merge(&mut self.base, results);
        self.rebuild(graph);
        errors
    }

    /// Replaces the base (an article was removed from it) and replays the log over the new
    /// one; `graph` becomes the result.
    pub fn replace_base(&mut self, graph: &mut NewsGraph, base: NewsGraph) {
        self.base = base;
        self.rebuild(graph);
    }

    fn rebuild(&mut self, graph: &mut NewsGraph) {
        let (mut fresh, skipped) = replay(&self.base, &self.log());
        fresh.bump_revision(graph.revision());
        *graph = fresh;
        self.skipped = skipped;
    }

    /// Applies a correction to `graph` and records it (a new step drops what was undone).
    ///
    /// # Errors
    /// When it does not apply; nothing is recorded then and the graph is unchanged.
    pub fn correct(
        &mut self,
        graph: &mut NewsGraph,
        correction: Correction,
    ) -> Result<(), CorrectionError> {
        graph.correct(&correction)?;
        self.log.push(Logged::now(correction.clone()));
        self.done.push(Step::Correct(correction));
        self.undone.clear();
        Ok(())
    }

    /// Records a layout step the window has already carried out.
    pub fn record(&mut self, step: Step) {
        self.done.push(step);
        self.undone.clear();
    }

    /// Takes the last step back.
    pub fn undo(&mut self, graph: &mut NewsGraph) -> Option<Change> {
        let step = self.done.pop()?;
        let change = match &step {
            Step::Correct(_) => {
                self.log.pop();
                self.rebuild(graph);
                Change::Graph
            }
            Step::Revert { index, entry } => {
                self.log.insert((*index).min(self.log.len()), entry.clone());
                self.rebuild(graph);
                Change::Graph
            }
            Step::Move { key, from, .. } => Change::Layout {
                nodes: BTreeMap::from([(key.clone(), *from)]),
                view: None,
                whole: false,
            },
            Step::Layout { before, .. } => Change::Layout {
                nodes: before.nodes.clone(),
                view: Some(before.view),
                whole: true,
            },
        };
        self.undone.push(step);
        Some(change)
    }

    /// Does the last undone step again.
    pub fn redo(&mut self, graph: &mut NewsGraph) -> Option<Change> {
        let step = self.undone.pop()?;
        let change = match &step {
            Step::Correct(c) => {
                self.log.push(Logged::now(c.clone()));
                if graph.correct(c).is_err() {
                    // It applied before the undo; the graph must have been rebuilt since
                    // (articles added). Rebuild again so the log and the graph agree.
                    self.done.push(step);
                    self.rebuild(graph);
                    return Some(Change::Graph);
                }
                Change::Graph
            }
            Step::Revert { index, .. } => {
                if *index < self.log.len() {
                    self.log.remove(*index);
                }
                self.rebuild(graph);
                Change::Graph
            }
            Step::Move { key, to, .. } => Change::Layout {
                nodes: BTreeMap::from([(key.clone(), *to)]),
                view: None,
                whole: false,
            },
            Step::Layout { after, .. } => Change::Layout {
                nodes: after.nodes.clone(),
                view: Some(after.view),
                whole: true,
            },
        };
        self.done.push(step);
        Some(change)
    }
}

#[cfg(test)]
mod tests;
