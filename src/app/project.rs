//! Projects in the window: New, Open, Save, Save as, Recent projects, the title bar with the
//! unsaved mark, the question before work would be lost (closing, quitting, New, Open), and
//! the autosave to the window's recovery file (`recovery`: one file per window, offered after
//! a crash). Saves run on their own threads; the UI thread only gathers what is saved.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use egui::RichText;

use super::history::Logged;
use super::jobs::{JobInput, JobOutput, Purpose};
use super::recovery::{self, Claim, Orphan};
use super::{Level, NewsgraphApp};
use crate::extract::Extraction;
use crate::files::atomic::{self, write_atomic};
use crate::files::layout_file::LayoutFile;
use crate::files::project::{self, Exploration, ProjectFile, SavedArticle};
use crate::graph::NewsGraph;
use crate::graph::corrections::Correction;
use crate::pipeline::FileResult;
use crate::ui::Action;
use crate::ui::graph_view::GraphPanel;

/// What a save takes on the UI thread: the positions, the selection, the corrections and the
/// exploration. The articles and their extractions (nearly all of a project's bytes) are
/// shared with the saving thread, not copied; serializing and writing happen there.
pub fn gather(
    panel: &GraphPanel,
    articles: &Arc<Vec<SavedArticle>>,
    extractions: &Arc<Vec<Extraction>>,
    selection: Option<crate::graph::NodeKey>,
    corrections: &[Logged],
    exploration: Exploration,
) -> ProjectFile {
    let layout = panel.snapshot();
    ProjectFile::new(
        Arc::clone(articles),
        layout.view,
        layout.nodes,
        selection,
        corrections.iter().map(|l| l.correction.clone()).collect(),
    )
    .with_corrections_made(corrections.iter().map(|l| l.made_secs).collect())
    .with_exploration(exploration)
    .with_extractions(
        super::extractor::extractor_id().to_owned(),
        Arc::clone(extractions),
    )
}

/// How often unsaved work goes to the recovery file.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(5);
/// How often the unsaved mark is brought up to date (seconds of the window's clock).
const CHECK_EVERY_SECS: f64 = 0.5;
/// Projects listed under File ▸ Recent projects.
const RECENT_LIMIT: usize = 10;
/// Temporary files of ours older than this are left over from a killed save.
const STALE_AFTER: Duration = Duration::from_secs(600);
const RECENT_FILE: &str = "recent-projects.json";

/// What the user wanted to do when asked about unsaved work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Close the window.
    Quit,
    /// Start an empty project.
    New,
    /// Open a project (ask for the path when `None`).
    Open(Option<PathBuf>),
}

/// A question the window asks before going on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// There are unsaved changes; save them first?
    Unsaved(Intent),
    /// Unsaved work of windows that did not close normally was found (listed in
    /// [`ProjectState::orphans`]).
    Recover,
}

/// A save running on its own thread.
struct Saving {
    path: PathBuf,
    fingerprint: u64,
    recovery: bool,
    then: Option<Intent>,
    receiver: Receiver<Result<(), String>>,
}

/// The project side of the app's state.
pub struct ProjectState {
    /// Where the project lives, once saved or opened.
    path: Option<PathBuf>,
    /// The articles as read, in the order they were merged.
    pub(super) articles: Arc<Vec<SavedArticle>>,
    /// Their extractions, in the same order (kept in the project so it opens fast).
    pub(super) extractions: Arc<Vec<Extraction>>,
    /// Fingerprint of the state last saved or opened.
    saved_fingerprint: u64,
    /// Fingerprint of the state last written to the recovery file.
    autosaved_fingerprint: u64,
    /// Fingerprint now (refreshed each frame it may have changed).
    fingerprint: u64,
    /// The user's data folder (recovery files, recent projects); `None` turns both off.
    data_dir: Option<PathBuf>,
    /// This window's recovery file, once it has autosaved (or restored one).
    pub(super) claim: Option<Claim>,
    /// Unsaved work of windows that ended without closing, offered at start.
    pub(super) orphans: Vec<Orphan>,
    recent: Vec<PathBuf>,
    saving: Vec<Saving>,
    last_autosave: f64,
    last_check: f64,
    /// The next project opened comes from the recovery file: untitled and unsaved.
    pub(super) restoring: bool,
    pub(super) question: Option<Question>,
    /// Files named when newsgraph started, opened once the recovery question is answered.
    pub(super) deferred_files: Vec<PathBuf>,
    /// The user agreed to close.
    close_confirmed: bool,
    /// The first read of the session (the example or the command line's files) counts as
    /// saved once it is in.
    pub(super) baseline_pending: bool,
    title: String,
}

impl ProjectState {
    /// An empty, untitled project; recovery and recent projects live in `data_dir`.
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        let recent = data_dir
            .as_deref()
            .map(|d| read_recent(&d.join(RECENT_FILE)))
            .unwrap_or_default();
        let orphans = data_dir
            .as_deref()
            .map(recovery::orphans)
            .unwrap_or_default();
        let question = (!orphans.is_empty()).then_some(Question::Recover);
        // Saves killed in an earlier session may have left temporary files beside their
        // targets: clear them in the folders newsgraph knows.
        let folders = data_dir.iter().cloned().chain(
            recent
                .iter()
                .filter_map(|p| p.parent().map(Path::to_path_buf)),
        );
        for dir in folders {
            atomic::remove_stale_temporaries(&dir, STALE_AFTER);
        }
        Self {
            path: None,
            articles: Arc::new(Vec::new()),
            extractions: Arc::new(Vec::new()),
            saved_fingerprint: 0,
            autosaved_fingerprint: 0,
            fingerprint: 0,
            data_dir,
            claim: None,
            orphans,
            recent,
            saving: Vec::new(),
            last_autosave: 0.0,
            last_check: 0.0,
            restoring: false,
            question,
            deferred_files: Vec::new(),
            close_confirmed: false,
            baseline_pending: false,
            title: String::new(),
        }
    }

    /// Whether a recovery file waits for an answer.
    pub fn offers_recovery(&self) -> bool {
        matches!(self.question, Some(Question::Recover))
    }

    /// The project's file, once it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether there are changes not saved to the project file.
    pub fn is_dirty(&self) -> bool {
        self.fingerprint != self.saved_fingerprint
    }

    /// The question on screen, if any.
    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    /// Recent projects, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// The window title: project name, unsaved mark, app name.
    pub fn title(&self) -> String {
        let name = self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mark = if self.is_dirty() { " ●" } else { "" };
        format!("{name}{mark} — newsgraph")
    }

    /// Keeps the articles of a finished read, before they are merged into the graph.
    pub fn add_articles(&mut self, results: &[FileResult]) {
        let list = Arc::make_mut(&mut self.articles);
        let extractions = Arc::make_mut(&mut self.extractions);
        for (article, extraction) in results.iter().filter_map(|r| r.as_ref().ok()) {
            list.push(SavedArticle::from(article));
            extractions.push(extraction.clone());
        }
    }

    /// Counts the current state as saved (after the first articles of a session).
    pub fn mark_clean(&mut self) {
        self.saved_fingerprint = self.fingerprint;
        self.autosaved_fingerprint = self.fingerprint;
    }

    /// A writer to this window's recovery file, claimed at its first autosave.
    fn recovery_writer(&mut self) -> Option<recovery::Writer> {
        if self.claim.is_none() {
            let dir = self.data_dir.as_deref()?;
            match Claim::new(dir) {
                Ok(claim) => self.claim = Some(claim),
                Err(e) => {
                    log::warn!(
                        "Could not keep unsaved work for recovery ({e}): {}",
                        dir.display()
                    );
                    return None;
                }
            }
        }
        self.claim.as_ref().map(Claim::writer)
    }

    /// Removes the window's recovery file (its work was saved or thrown away).
    pub(super) fn remove_recovery(&self) {
        if let Some(claim) = &self.claim {
            claim.clear();
        }
    }

    /// Removes the window's recovery file and its lock: the window closes normally.
    fn close_recovery(&mut self) {
        if let Some(claim) = self.claim.take() {
            claim.release();
        }
    }

    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
        if let Some(d) = &self.data_dir {
            let file = d.join(RECENT_FILE);
            let bytes = serde_json::to_vec_pretty(&self.recent).unwrap_or_default();
            let written = std::fs::create_dir_all(d).and_then(|()| write_atomic(&file, &bytes));
            if let Err(e) = written {
                log::warn!(
                    "Could not keep the list of recent projects ({e}): {}",
                    file.display()
                );
            }
        }
    }
}

fn read_recent(path: &Path) -> Vec<PathBuf> {
    atomic::read_bounded(path, 1024 * 1024)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn fingerprint(
    articles: usize,
    layout: &LayoutFile,
    corrections: &[Correction],
    exploration: &Exploration,
) -> u64 {
    let mut h = DefaultHasher::new();
    articles.hash(&mut h);
    corrections.hash(&mut h);
    // What the filters hide and how nodes are drawn count; opening or closing the panel does
    // not.
    serde_json::to_vec(&exploration.filter)
        .unwrap_or_default()
        .hash(&mut h);
    exploration.actor_view.hash(&mut h);
    exploration.size_by.hash(&mut h);
    exploration.communities.hash(&mut h);
    // Only what the user placed counts: free nodes drift while the layout runs.
    for (key, p) in layout.nodes.iter().filter(|(_, p)| p.pinned) {
        key.hash(&mut h);
        p.pos[0].to_bits().hash(&mut h);
        p.pos[1].to_bits().hash(&mut h);
    }
    h.finish()
}

impl NewsgraphApp {
    /// The project state (for tests).
    pub fn project(&self) -> &ProjectState {
        &self.project
    }

    /// The state as a project file.
    fn project_file(&self) -> ProjectFile {
        gather(
            &self.panel,
            &self.project.articles,
            &self.project.extractions,
            self.selected.clone(),
            self.edit.history.entries(),
            self.exploration(),
        )
    }

    /// How the graph is being explored, as a project keeps it.
    fn exploration(&self) -> Exploration {
        let s = &self.explore.state;
        Exploration {
            filter: s.filter.clone(),
            show_filters: s.show_filters,
            actor_view: s.actor_view,
            size_by: s.size_by,
            communities: s.communities,
        }
    }

    /// Explores the graph as a project says: its filters (the panel opens when they hide
    /// anything, so a filtered project says so), the actor view, sizes and colours.
    fn set_exploration(&mut self, e: Exploration) {
        let s = &mut self.explore.state;
        s.show_filters = e.show_filters || e.filter.is_active();
        s.filter = e.filter;
        s.actor_view = e.actor_view;
        s.size_by = e.size_by;
        s.communities = e.communities;
        s.community = None;
    }

    /// Applies a project action.
    pub(super) fn apply_project(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::NewProject => self.leave_project(ctx, Intent::New),
            Action::OpenProject => self.leave_project(ctx, Intent::Open(None)),
            Action::OpenProjectFrom(path) => self.leave_project(ctx, Intent::Open(Some(path))),
            Action::SaveProject => match self.project.path.clone() {
                Some(path) => self.save_project(ctx, &path, None),
                None => self.ask_path(ctx, Purpose::SaveProjectAs),
            },
            Action::SaveProjectAs => self.ask_path(ctx, Purpose::SaveProjectAs),
            Action::SaveProjectTo(path) => self.save_project(ctx, &path, None),
            Action::Quit => self.leave_project(ctx, Intent::Quit),
            _ => {}
        }
    }

    /// Does `intent` now, or asks first when it would lose unsaved work.
    fn leave_project(&mut self, ctx: &egui::Context, intent: Intent) {
        self.refresh_fingerprint();
        if self.project.is_dirty() && !self.project.close_confirmed {
            self.project.question = Some(Question::Unsaved(intent));
        } else {
            self.carry_out(ctx, intent);
        }
    }

    fn carry_out(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Quit => {
                self.project.close_confirmed = true;
                self.quit_requested = true;
                self.project.close_recovery();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Intent::New => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
                self.graph = Arc::new(NewsGraph::new());
                self.edit = super::edit::EditState::default();
                self.panel = GraphPanel::new();
                self.selected = None;
                self.reader = None;
                self.set_exploration(Exploration::default());
                let data_dir = self.project.data_dir.take();
                let recent = std::mem::take(&mut self.project.recent);
                let claim = self.project.claim.take();
                self.project = ProjectState::new(None);
                self.project.data_dir = data_dir;
                self.project.recent = recent;
                self.project.claim = claim;
                self.project.remove_recovery();
                self.refresh_fingerprint();
                self.project.mark_clean();
            }
            Intent::Open(None) => self.ask_path(ctx, Purpose::OpenProject),
            Intent::Open(Some(path)) => {
                if self.job.is_some() {
                    self.say(
                        Level::Warning,
                        "Articles are still being read. Wait for them, or cancel, before opening a project.",
                    );
                    return;
                }
                self.start_job(ctx, JobInput::Project(path));
            }
        }
    }

    fn save_project(&mut self, ctx: &egui::Context, path: &Path, then: Option<Intent>) {
        if self.project.saving.iter().any(|s| !s.recovery) {
            self.say(
                Level::Warning,
                "A save is still running; try again in a moment.",
            );
            return;
        }
        self.refresh_fingerprint();
        self.start_save(ctx, path.to_path_buf(), None, then);
    }

    /// Saves the project to `path` on its own thread, or with `autosave` to the window's
    /// recovery file (unless that is removed meanwhile).
    fn start_save(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        autosave: Option<recovery::Writer>,
        then: Option<Intent>,
    ) {
        let file = self.project_file();
        let (tx, receiver) = channel();
        let target = path.clone();
        let repaint = ctx.clone();
        let recovery = autosave.is_some();
        std::thread::spawn(move || {
            // Temporary files of saves killed earlier in this folder go first.
            if let Some(dir) = target.parent() {
                atomic::remove_stale_temporaries(dir, STALE_AFTER);
            }
            let bytes = project::to_bytes(&file);
            let result = match autosave {
                Some(writer) => writer.write(&bytes).map(drop),
                None => write_atomic(&target, &bytes),
            }
            .map_err(|e| e.to_string());
            // The window may have closed meanwhile; nothing to tell then.
            let _ = tx.send(result);
            repaint.request_repaint();
        });
        self.project.saving.push(Saving {
            path,
            fingerprint: self.project.fingerprint,
            recovery,
            then,
            receiver,
        });
    }

    /// Recomputes the fingerprint of what a project file would hold.
    pub(super) fn refresh_fingerprint(&mut self) {
        self.project.fingerprint = fingerprint(
            self.project.articles.len(),
            &self.panel.snapshot(),
            &self.edit.history.log(),
            &self.exploration(),
        );
    }

    /// Once per frame: finished saves, the autosave, the title, the close button.
    pub(super) fn project_frame(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let saving = std::mem::take(&mut self.project.saving);
        for s in saving {
            match s.receiver.try_recv() {
                Err(TryRecvError::Empty) => self.project.saving.push(s),
                Ok(result) => self.save_finished(ctx, s, result),
                Err(TryRecvError::Disconnected) => {
                    self.save_finished(ctx, s, Err("the save stopped unexpectedly".into()));
                }
            }
        }
        if now - self.project.last_check >= CHECK_EVERY_SECS {
            self.project.last_check = now;
            self.refresh_fingerprint();
        }
        // Autosave: every few seconds, what changed since the last one, off the UI thread.
        if now - self.project.last_autosave >= AUTOSAVE_EVERY.as_secs_f64() {
            self.project.last_autosave = now;
            self.refresh_fingerprint();
            let due = self.project.is_dirty()
                && self.project.fingerprint != self.project.autosaved_fingerprint
                && self.project.saving.is_empty()
                && self.job.is_none()
                && !self.project.offers_recovery();
            if due && let Some(writer) = self.project.recovery_writer() {
                self.start_save(ctx, writer.path().to_path_buf(), Some(writer), None);
            }
            // Back to what was saved (undone to the start): nothing is left to recover.
            if !self.project.is_dirty()
                && self.project.fingerprint != self.project.autosaved_fingerprint
                && self.project.saving.is_empty()
            {
                self.project.remove_recovery();
                self.project.autosaved_fingerprint = self.project.fingerprint;
            }
        }
        // Wake up for the next autosave only while there is something to write.
        if self.project.is_dirty() && self.project.fingerprint != self.project.autosaved_fingerprint
        {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
        let title = self.project.title();
        if title != self.project.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.project.title = title;
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.project.close_confirmed {
            self.refresh_fingerprint();
            if self.project.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.project.question = Some(Question::Unsaved(Intent::Quit));
            } else {
                self.project.close_recovery();
            }
        }
    }

    fn save_finished(&mut self, ctx: &egui::Context, s: Saving, result: Result<(), String>) {
        match (result, s.recovery) {
            (Ok(()), true) => self.project.autosaved_fingerprint = s.fingerprint,
            (Err(e), true) => log::warn!("Autosave failed ({e}): {}", s.path.display()),
            (Ok(()), false) => {
                self.project.path = Some(s.path.clone());
                self.project.saved_fingerprint = s.fingerprint;
                self.project.remember(&s.path);
                self.project.remove_recovery();
                self.say(
                    Level::Info,
                    format!(
                        "Saved the project ({} articles): {}",
                        self.project.articles.len(),
                        s.path.display()
                    ),
                );
                if let Some(then) = s.then {
                    self.carry_out(ctx, then);
                }
            }
            (Err(e), false) => self.say(
                Level::Error,
                format!(
                    "Could not save the project ({e}). Nothing was lost: choose another folder or name with Save project as…: {}",
                    s.path.display()
                ),
            ),
        }
    }

    /// Takes a finished project read: replaces the graph, or says why it could not.
    pub(super) fn project_opened(
        &mut self,
        ctx: &egui::Context,
        out: JobOutput,
        path: &Path,
        file: Result<ProjectFile, String>,
    ) {
        let restoring = std::mem::take(&mut self.project.restoring);
        let file = match file {
            Ok(_) if out.cancelled => {
                self.say(
                    Level::Warning,
                    "Opening the project was cancelled. Nothing was changed.",
                );
                return;
            }
            Ok(f) => f,
            Err(e) => {
                self.say(Level::Error, e);
                return;
            }
        };
        // The worker merged the articles and replayed the corrections.
        let Some(opened) = out.opened else {
            self.say(
                Level::Error,
                format!(
                    "The project could not be opened. Nothing was changed: {}",
                    path.display()
                ),
            );
            return;
        };
        for e in &opened.errors {
            self.say(Level::Error, e.to_string());
        }
        let extractions = opened.extractions;
        let stale = self.install_history(opened.history, opened.graph);
        if stale > 0 {
            self.say(
                Level::Warning,
                format!("{stale} corrections of the project no longer apply: the nodes they name are not in the graph extracted now."),
            );
        }
        let filtered = file.exploration.filter.is_active();
        self.set_exploration(file.exploration);
        // The layout is placed on the graph the canvas will show (the actor view, when saved on).
        self.shown.refresh(ctx, &self.graph, &self.explore.state);
        self.panel = GraphPanel::new();
        self.panel.sync(self.shown.get(&self.graph));
        self.reader = None;
        let layout = LayoutFile::new(file.view, file.nodes);
        let report = self.panel.apply(&layout);
        self.panel.restore_view(layout.view);
        self.selected = file.selection.filter(|k| self.graph.index(k).is_some());
        self.project.articles = file.articles;
        self.project.extractions = Arc::new(extractions);
        self.refresh_fingerprint();
        if restoring {
            self.project.path = None;
            self.project.saved_fingerprint = 0;
            self.say(
                Level::Info,
                "Restored the unsaved work of the last session. Save it with Save project as… to keep it.",
            );
        } else {
            self.project.path = Some(path.to_path_buf());
            self.project.mark_clean();
            self.project.remember(path);
            self.project.remove_recovery();
            let filters = if filtered {
                " Its filters are on, as saved (see Filters)."
            } else {
                ""
            };
            self.say(
                Level::Info,
                format!(
                    "Opened the project: {} articles, {} nodes ({} placed as saved): {}.{filters}",
                    self.project.articles.len(),
                    self.graph.node_count(),
                    report.matched,
                    path.display()
                ),
            );
        }
        ctx.request_repaint();
    }

    /// The question window, when one is open.
    pub(super) fn question_window(&mut self, ctx: &egui::Context) {
        let Some(Question::Unsaved(intent)) = self.project.question.clone() else {
            if self.project.offers_recovery() {
                self.recovery_window(ctx);
            }
            return;
        };
        let mut answer: Option<&str> = None;
        egui::Window::new("Unsaved changes")
            .id(egui::Id::new("project-question"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                let name = self
                    .project
                    .path
                    .as_deref()
                    .and_then(Path::file_name)
                    .map_or_else(|| "this untitled project".into(), |n| n.to_string_lossy().into_owned());
                let what = match intent {
                    Intent::Quit => "before closing",
                    Intent::New => "before starting a new project",
                    Intent::Open(_) => "before opening another project",
                };
                ui.label(RichText::new(format!("Save the changes to {name} {what}?")).strong());
                ui.label("Without saving, the articles read, the corrections made and the nodes placed since the last save are lost.");
                ui.horizontal(|ui| {
                    for b in ["Save", "Don't save", "Cancel"] {
                        if ui.button(b).clicked() {
                            answer = Some(b);
                        }
                    }
                });
            });
        let Some(answer) = answer else { return };
        self.project.question = None;
        match answer {
            "Save" => {
                if let Some(path) = self.project.path.clone() {
                    self.save_project(ctx, &path, Some(intent));
                } else {
                    self.say(
                        Level::Info,
                        "Choose where to save the project, then do it again.",
                    );
                    self.ask_path(ctx, Purpose::SaveProjectAs);
                }
            }
            // The work stays in memory (and marked unsaved) until the intent replaces it: an
            // Open that fails changes nothing.
            "Don't save" => self.carry_out(ctx, intent),
            _ => {}
        }
    }
}
