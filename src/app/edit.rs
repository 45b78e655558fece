//! Corrections and undo in the window: applying a correction, Edit ▸ Undo and Redo (Ctrl+Z,
//! Ctrl+Shift+Z or Ctrl+Y), the Delete key, recording drags and loaded layouts so they can be
//! undone, the question before a layout that fits under half of the graph moves anything, and
//! File ▸ Export corrections….

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use super::history::{Change, History, Step};
use super::jobs::Purpose;
use super::{Level, NewsgraphApp};
use crate::extract::overrides;
use crate::files::atomic::write_atomic;
use crate::files::layout_file::LayoutFile;
use crate::graph::NewsGraph;
use crate::graph::corrections::{Correction, lexicon_overrides};
use crate::ui::Action;

/// Edit ▸ Undo.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Edit ▸ Redo.
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Edit ▸ Redo, the other usual key.
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Delete the selected node.
const DELETE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Delete);

/// The editing side of the app's state.
#[derive(Default)]
pub struct EditState {
    /// Undo history and the uncorrected graph.
    pub history: History,
    /// A layout read but not applied: it fits under half of the graph, so the user is asked.
    pending_layout: Option<PendingLayout>,
    /// Whether the Corrections window is open.
    pub(super) show_corrections: bool,
}

struct PendingLayout {
    file: LayoutFile,
    path: PathBuf,
    matched: usize,
}

impl NewsgraphApp {
    /// The undo history (for tests).
    pub fn history(&self) -> &History {
        &self.edit.history
    }

    /// Whether the window asks before loading a layout that fits under half of the graph.
    pub fn asks_about_layout(&self) -> bool {
        self.edit.pending_layout.is_some()
    }

    /// Applies an editing action.
    pub(super) fn apply_edit(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Correct(c) => self.correct(c),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::NodeDragged { key, from, to } => {
                self.edit.history.record(Step::Move { key, from, to });
            }
            Action::ExportCorrections => self.ask_path(ctx, Purpose::ExportCorrections),
            Action::ExportCorrectionsTo(path) => self.export_corrections(&path),
            Action::ShowCorrections(show) => self.edit.show_corrections = show,
            Action::RevertCorrection(index) => self.revert(index),
            _ => {}
        }
        let now = ctx.input(|i| i.time);
        self.panel.wake(now);
    }

    fn correct(&mut self, c: Correction) {
        let what = c.describe(&[&self.graph]);
        let follow = match &c {
            Correction::Merge { from, into } if self.selected.as_ref() == Some(from) => {
                Some(into.clone())
            }
            _ => self.selected.clone(),
        };
        let view = self.panel.snapshot().view;
        match self.edit.history.correct(Arc::make_mut(&mut self.graph), c) {
            Ok(()) => {
                self.keep_view(view);
                self.selected = follow.filter(|k| self.graph.index(k).is_some());
                self.refresh_fingerprint();
                self.say(Level::Info, format!("Done: {what} (Ctrl+Z undoes it)."));
            }
            Err(e) => self.say(Level::Warning, format!("Could not {what}: {e}.")),
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let step = if undo {
            self.edit.history.next_undo()
        } else {
            self.edit.history.next_redo()
        };
        let Some(what) = step.map(|s| self.step_words(s, undo)) else {
            return;
        };
        let view = self.panel.snapshot().view;
        let change = if undo {
            self.edit.history.undo(Arc::make_mut(&mut self.graph))
        } else {
            self.edit.history.redo(Arc::make_mut(&mut self.graph))
        };
        match change {
            Some(Change::Graph) => {
                self.keep_view(view);
                self.forget_missing_selection();
            }
            Some(Change::Layout { nodes, view, whole }) => {
                self.panel.place(&nodes, view, whole);
            }
            None => return,
        }
        self.refresh_fingerprint();
        let verb = if undo { "Undone" } else { "Redone" };
        self.say(Level::Info, format!("{verb}: {what}."));
    }

    /// After a correction the canvas is rebuilt; the view stays where it was (a rebuild with
    /// more nodes would otherwise fit the whole graph).
    pub(super) fn keep_view(&mut self, view: crate::files::layout_file::ViewState) {
        self.panel.sync(&self.graph);
        self.panel.restore_view(view);
    }

    /// A selection whose node the graph no longer has (merged away, deleted, its article
    /// removed) is dropped.
    pub(super) fn forget_missing_selection(&mut self) {
        if self
            .selected
            .as_ref()
            .is_some_and(|k| self.graph.index(k).is_none())
        {
            self.selected = None;
        }
    }

    /// A step in words, for the Edit menu and messages. A correction is told with the names
    /// from before it: the graph shown, when it is to be redone; when it is to be undone, the
    /// graph shows its result ("rename Chancellor Brown to Chancellor Brown"), so the names
    /// come from the articles' graph first.
    fn step_words(&self, step: &Step, undo: bool) -> String {
        let (shown, base) = (&*self.graph, self.edit.history.base());
        let graphs = if undo { [base, shown] } else { [shown, base] };
        match step {
            Step::Correct(c) => c.describe(&graphs),
            Step::Move { key, .. } => format!(
                "move {}",
                self.graph
                    .node(key)
                    .map_or_else(|| key.0.clone(), |n| n.name.clone())
            ),
            Step::Layout { .. } => "load layout".to_owned(),
            Step::Revert { entry, .. } => format!(
                "revert “{}”",
                entry
                    .correction
                    .describe(&[self.edit.history.base(), &self.graph])
            ),
        }
    }

    /// Undo, redo and Delete, unless a text field has the keys.
    pub(super) fn edit_shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        if ctx.text_edit_focused() {
            return actions;
        }
        ctx.input_mut(|i| {
            // Ctrl+Shift+Z first: Ctrl+Z would match it too.
            if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
                actions.push(Action::Redo);
            } else if i.consume_shortcut(&UNDO) {
                actions.push(Action::Undo);
            }
            if let Some(key) = &self.selected
                && i.consume_shortcut(&DELETE)
            {
                actions.push(Action::Correct(Correction::Delete { key: key.clone() }));
            }
        });
        actions
    }

    /// The Edit menu.
    pub(super) fn edit_menu(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let ctx = ui.ctx().clone();
        ui.menu_button("Edit", |ui| {
            let history = &self.edit.history;
            let undo = history.next_undo().map_or_else(
                || "Undo".to_owned(),
                |s| format!("Undo {}", self.step_words(s, true)),
            );
            let redo = history.next_redo().map_or_else(
                || "Redo".to_owned(),
                |s| format!("Redo {}", self.step_words(s, false)),
            );
            if ui
                .add_enabled(
                    history.can_undo(),
                    egui::Button::new(undo).shortcut_text(ctx.format_shortcut(&UNDO)),
                )
                .on_hover_text("Take back the last correction, node move or loaded layout")
                .clicked()
            {
                actions.push(Action::Undo);
            }
            if ui
                .add_enabled(
                    history.can_redo(),
                    egui::Button::new(redo).shortcut_text(ctx.format_shortcut(&REDO)),
                )
                .on_hover_text("Do again what was last undone")
                .clicked()
            {
                actions.push(Action::Redo);
            }
            ui.separator();
            let n = history.entries().len();
            let noun = if n == 1 { "correction" } else { "corrections" };
            ui.label(RichText::new(format!("{n} {noun} in this project")).weak());
            if ui
                .add_enabled(n > 0, egui::Button::new("Corrections…"))
                .on_hover_text(
                    "Every correction of the project, the earlier sessions' too, with when it was made; revert any of them",
                )
                .clicked()
            {
                actions.push(Action::ShowCorrections(true));
                ui.close();
            }
            if !history.skipped().is_empty() {
                ui.label(
                    RichText::new(format!(
                        "{} of them no longer apply (their nodes are gone)",
                        history.skipped().len()
                    ))
                    .weak(),
                );
            }
        });
        actions
    }

    /// A layout read from `path`: applied at once when it fits at least half of the graph,
    /// else the user is asked first.
    pub(super) fn offer_layout(&mut self, file: LayoutFile, path: &Path) {
        let matched = file
            .nodes
            .keys()
            .filter(|k| self.graph.index(k).is_some())
            .count();
        if matched * 2 < self.graph.node_count() {
            self.edit.pending_layout = Some(PendingLayout {
                file,
                path: path.to_path_buf(),
                matched,
            });
        } else {
            self.load_layout_undoably(&file, path);
        }
    }

    fn load_layout_undoably(&mut self, file: &LayoutFile, path: &Path) {
        let before = self.panel.snapshot();
        self.apply_layout(file, path);
        self.panel.restore_view(file.view);
        let after = LayoutFile::new(file.view, self.panel.snapshot().nodes);
        self.edit.history.record(Step::Layout {
            before: Box::new(before),
            after: Box::new(after),
        });
    }

    /// The question about a layout that fits under half of the graph, when one is open.
    pub(super) fn layout_question(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.edit.pending_layout else {
            return;
        };
        let mut answer = None;
        egui::Window::new("Load this layout?")
            .id(egui::Id::new("layout-question"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(format!(
                        "This layout places only {} of the graph's {} nodes.",
                        pending.matched,
                        self.graph.node_count()
                    ))
                    .strong(),
                );
                ui.label("It was probably saved for other articles. Loading it moves those nodes and the view; Ctrl+Z undoes it.");
                ui.horizontal(|ui| {
                    if ui.button("Load it").clicked() {
                        answer = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(false);
                    }
                });
            });
        if let Some(load) = answer
            && let Some(p) = self.edit.pending_layout.take()
        {
            if load {
                self.load_layout_undoably(&p.file, &p.path);
            } else {
                self.say(
                    Level::Info,
                    format!("The layout was not loaded: {}", p.path.display()),
                );
            }
        }
    }

    /// Writes the corrections as a lexicon override file.
    fn export_corrections(&mut self, path: &Path) {
        let log = self.edit.history.log();
        let (file, left_out) = lexicon_overrides(self.edit.history.base(), &self.graph, &log);
        if file.is_empty() {
            self.say(
                Level::Warning,
                "There are no renames, merges, kind changes or deletions of actors to export yet.",
            );
            return;
        }
        let mut bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
        bytes.push(b'\n');
        // A few kilobytes: written at once.
        match write_atomic(path, &bytes) {
            Ok(()) => {
                let skipped = if left_out > 0 {
                    format!(
                        " {left_out} splits and event fixes stay in the project only (they concern single mentions)."
                    )
                } else {
                    String::new()
                };
                let named =
                    if path.file_name().and_then(|n| n.to_str()) == Some(overrides::FILE_NAME) {
                        String::new()
                    } else {
                        format!(" (it must be named {})", overrides::FILE_NAME)
                    };
                self.say(
                    Level::Info,
                    format!(
                        "Exported {} and {}. Put the file in the folder NEWSGRAPH_LEXICON_DIR names{named} and they apply to every article read from then on.{skipped} File: {}",
                        count(file.aliases.len(), "alias", "aliases"),
                        count(file.not_actors.len(), "not-actor", "not-actors"),
                        path.display()
                    ),
                );
            }
            Err(e) => self.say(
                Level::Error,
                format!(
                    "Could not write the corrections ({e}). Choose another folder: {}",
                    path.display()
                ),
            ),
        }
    }

    /// A new graph of articles (a project opened): the history its worker started with the
    /// project's corrections, and the corrected graph; returns how many of them no longer
    /// apply.
    pub(super) fn install_history(&mut self, history: History, mut graph: NewsGraph) -> usize {
        let revision = self.graph.revision();
        graph.bump_revision(revision);
        self.graph = Arc::new(graph);
        let skipped = history.skipped().len();
        self.edit.history = history;
        skipped
    }
}

/// "1 alias", "2 aliases".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
