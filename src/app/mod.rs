//! The eframe shell: owns the state, applies [`Action`]s once per frame, runs file dialogs and
//! background jobs, and is the only part of the window that touches the disk.

mod articles;
pub mod bench_project;
mod corrections_list;
mod edit;
mod export;
pub mod extractor;
pub mod history;
pub mod jobs;
mod menu;
pub mod project;
pub mod prompt;
pub mod recovery;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use crate::extract::Lexicon;
use crate::files::ExportFormat;
use crate::files::layout_file::{self, LayoutFile};
use crate::graph::{NewsGraph, NodeKey, NodeKind};
use crate::ingest::Format;
use crate::pipeline;
use crate::ui::explore::Explorer;
use crate::ui::graph_view::GraphPanel;
use crate::ui::reader::Reader;
use crate::ui::shown::ShownGraph;
use crate::ui::{Action, detail, theme};
use jobs::{Dialog, DialogOutcome, Job, JobInput, JobKind, Purpose, system_dialogs_possible};
use project::ProjectState;
use prompt::{PathPrompt, PromptOutcome};

/// The example article opened when no files are given.
pub const EXAMPLE_NAME: &str = "welcome.md (bundled example)";
/// Its bytes.
pub const EXAMPLE: &[u8] = include_bytes!("../../assets/examples/welcome.md");

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const OPEN_FOLDER: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const LOAD_LAYOUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::L);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const FIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F);
const PAUSE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Space);
const CLEAR: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Escape);
const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Plus);
const ZOOM_IN_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Equals);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Minus);
/// Zoom step of one key press.
const ZOOM_STEP: f32 = 1.25;

/// How serious a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something worked.
    Info,
    /// Something was skipped or may be wrong.
    Warning,
    /// Something failed.
    Error,
}

/// A message shown to the user until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// How serious.
    pub level: Level,
    /// What happened, in words.
    pub text: String,
}

/// Options for starting the app.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// Files and folders to open at start.
    pub files: Vec<PathBuf>,
    /// Open the bundled example when `files` is empty.
    pub open_example: bool,
    /// Use the system file dialogs (else always the path field).
    pub system_dialogs: bool,
    /// Where the recovery file and the list of recent projects live (`None`: nowhere, no
    /// autosave).
    pub data_dir: Option<PathBuf>,
}

/// The whole application.
pub struct NewsgraphApp {
    lexicon: Arc<Lexicon>,
    /// The graph shown and corrected; shared with the threads that save and export it, and
    /// copied only when it changes while one of them still reads it.
    graph: Arc<NewsGraph>,
    panel: GraphPanel,
    selected: Option<NodeKey>,
    explore: Explorer,
    /// The graph drawn: the domain graph or its actor view.
    shown: ShownGraph,
    reader: Option<Reader>,
    job: Option<Job>,
    dialog: Option<Dialog>,
    prompt: Option<PathPrompt>,
    messages: Vec<Message>,
    system_dialogs: bool,
    quit_requested: bool,
    last_layout_path: Option<PathBuf>,
    pending_report: Option<LoadReport>,
    project: ProjectState,
    exports: export::Exports,
    edit: edit::EditState,
    why: crate::ui::why::WhyPane,
}

/// What a finished load tells the user once its graph is on screen.
#[derive(Debug, Clone, Copy)]
struct LoadReport {
    started: Instant,
    extraction: Duration,
    read: usize,
    added: usize,
}

/// Opens the window.
///
/// # Errors
/// When no window can be created (no display, no OpenGL).
pub fn run(files: Vec<PathBuf>) -> eframe::Result<()> {
    let app_options = AppOptions {
        open_example: files.is_empty(),
        files,
        system_dialogs: system_dialogs_possible(),
        data_dir: data_dir(),
    };
    eframe::run_native(
        "newsgraph",
        native_options(),
        Box::new(move |cc| Ok(Box::new(NewsgraphApp::new(&cc.egui_ctx, app_options)))),
    )
}

/// Opens the window on the synthetic graph of the benchmarks (`newsgraph bench window`), with
/// nothing saved or recovered, to watch the layout and the drawing at that size.
///
/// # Errors
/// When no window can be created (no display, no OpenGL).
pub fn run_synthetic(nodes: usize, edges: usize) -> eframe::Result<()> {
    let app_options = AppOptions {
        files: Vec::new(),
        open_example: false,
        system_dialogs: false,
        data_dir: None,
    };
    eframe::run_native(
        "newsgraph",
        native_options(),
        Box::new(move |cc| {
            let mut app = NewsgraphApp::new(&cc.egui_ctx, app_options);
            app.graph = Arc::new(NewsGraph::synthetic(nodes, edges, 1));
            Ok(Box::new(app))
        }),
    )
}

fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("newsgraph")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    }
}

impl NewsgraphApp {
    /// Creates the app and starts reading the initial files (or the example).
    pub fn new(ctx: &egui::Context, options: AppOptions) -> Self {
        let lexicon = match crate::cli::load_lexicon() {
            Ok(l) => l,
            Err(e) => {
                log::error!("{e}; using the built-in lexicons");
                Lexicon::embedded()
            }
        };
        let mut app = Self {
            lexicon: Arc::new(lexicon),
            graph: Arc::new(NewsGraph::new()),
            panel: GraphPanel::new(),
            selected: None,
            explore: Explorer::default(),
            shown: ShownGraph::default(),
            reader: None,
            job: None,
            dialog: None,
            prompt: None,
            messages: Vec::new(),
            system_dialogs: options.system_dialogs,
            quit_requested: false,
            last_layout_path: None,
            pending_report: None,
            project: ProjectState::new(options.data_dir),
            exports: export::Exports::default(),
            edit: edit::EditState::default(),
            why: crate::ui::why::WhyPane::default(),
        };
        if app.project.offers_recovery() {
            // The answer to the recovery question decides what opens: the files named here
            // wait for it.
            app.project.deferred_files = options.files;
        } else if !options.files.is_empty() {
            app.start_job(ctx, JobInput::Paths(options.files));
        } else if options.open_example {
            app.start_job(
                ctx,
                JobInput::Bundled {
                    name: EXAMPLE_NAME.to_string(),
                    bytes: EXAMPLE,
                    format: Format::Markdown,
                },
            );
        }
        app.project.baseline_pending = app.job.is_some();
        if app.job.is_none() {
            // An empty window has nothing to save.
            app.refresh_fingerprint();
            app.project.mark_clean();
        }
        app
    }

    /// The graph (for tests).
    pub fn graph(&self) -> &NewsGraph {
        &self.graph
    }

    /// The canvas (for tests).
    pub fn panel(&self) -> &GraphPanel {
        &self.panel
    }

    /// The selected node.
    pub fn selected(&self) -> Option<&NodeKey> {
        self.selected.as_ref()
    }

    /// Find, focus and path (for tests).
    pub fn explorer(&self) -> &Explorer {
        &self.explore
    }

    /// The graph drawn: the domain graph, or its actor view when that is on.
    pub fn shown_graph(&self) -> &NewsGraph {
        self.shown.get(&self.graph)
    }

    /// The article open in the reader, if any.
    pub fn reader(&self) -> Option<&Reader> {
        self.reader.as_ref()
    }

    /// Messages currently shown.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// Whether an extraction is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the user asked to quit.
    pub fn quit_requested(&self) -> bool {
        self.quit_requested
    }

    /// Applies an action as if the user had asked for it.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let now = ctx.input(|i| i.time);
        match action {
            Action::OpenArticles => self.ask_path(ctx, Purpose::OpenArticles),
            Action::OpenFolder => self.ask_path(ctx, Purpose::OpenFolder),
            Action::SaveLayout => self.ask_path(ctx, Purpose::SaveLayout),
            Action::LoadLayout => self.ask_path(ctx, Purpose::LoadLayout),
            Action::Export(format) => self.ask_path(ctx, Purpose::Export(format)),
            Action::ExportImage(image) => self.ask_path(ctx, Purpose::ExportImage(image)),
            Action::OpenPaths(paths) => self.start_job(ctx, JobInput::Paths(paths)),
            Action::SaveLayoutTo(path) => self.save_layout(ctx, path),
            Action::LoadLayoutFrom(path) => self.load_layout(ctx, path),
            Action::ExportTo(format, path) => self.export_graph(ctx, format, path),
            Action::ExportImageTo(image, path) => self.export_image(ctx, image, path),
            Action::NewProject
            | Action::OpenProject
            | Action::OpenProjectFrom(_)
            | Action::SaveProject
            | Action::SaveProjectAs
            | Action::SaveProjectTo(_)
            | Action::Quit => self.apply_project(ctx, action),
            Action::Select(key) => {
                let shown = self.shown.get(&self.graph);
                self.selected = key.filter(|k| shown.index(k).is_some());
                self.panel.wake(now);
            }
            Action::ShowArticle { article, highlight } => {
                self.reader = Some(Reader {
                    article,
                    highlight,
                    scrolled: false,
                });
            }
            Action::CloseArticle => self.reader = None,
            Action::ToggleLayout => {
                self.panel.toggle_running();
                self.panel.wake(now);
            }
            Action::FitView => {
                self.panel.fit();
                self.panel.wake(now);
            }
            Action::Zoom(factor) => {
                self.panel.zoom_by(factor);
                self.panel.wake(now);
            }
            Action::UnpinAll => {
                self.panel.unpin_all();
                self.panel.wake(now);
            }
            Action::CancelJob => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
            }
            Action::DismissMessage(i) => {
                if i < self.messages.len() {
                    self.messages.remove(i);
                }
            }
            Action::Correct(_)
            | Action::ShowCorrections(_)
            | Action::RevertCorrection(_)
            | Action::Undo
            | Action::Redo
            | Action::NodeDragged { .. }
            | Action::ExportCorrections
            | Action::ExportCorrectionsTo(_) => self.apply_edit(ctx, action),
            Action::RemoveArticle(id) => self.remove_article(id),
            Action::Explore(a) => {
                let selected = self.selected.as_ref();
                let shown = self.shown.get(&self.graph);
                self.explore.apply(a, shown, &mut self.panel, selected);
                // Filters, the actor view, sizes and colours are kept with the project.
                self.refresh_fingerprint();
                // The actor view may have been switched: a selection it lacks goes.
                self.shown.refresh(ctx, &self.graph, &self.explore.state);
                let shown = self.shown.get(&self.graph);
                if self
                    .selected
                    .as_ref()
                    .is_some_and(|k| shown.index(k).is_none())
                {
                    self.selected = None;
                }
                self.panel.wake(now);
            }
        }
        ctx.request_repaint();
    }

    fn say(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        match level {
            Level::Error => log::error!("{text}"),
            Level::Warning => log::warn!("{text}"),
            Level::Info => log::info!("{text}"),
        }
        self.messages.push(Message { level, text });
        // Keep the list short: the oldest go first.
        if self.messages.len() > 6 {
            self.messages.remove(0);
        }
    }

    fn start_job(&mut self, ctx: &egui::Context, input: JobInput) {
        if let Some(job) = &self.job {
            let busy = match job.kind() {
                JobKind::Articles => "Articles are still being read",
                JobKind::Project => "A project is still being opened",
                JobKind::Layout => "A layout is still being read",
            };
            self.say(
                Level::Warning,
                format!("{busy}. Wait for it, or cancel, before opening more."),
            );
            return;
        }
        let repaint = ctx.clone();
        self.job = Some(Job::start(input, self.lexicon.clone(), move || {
            repaint.request_repaint();
        }));
    }

    fn ask_path(&mut self, ctx: &egui::Context, purpose: Purpose) {
        if self.dialog.is_some() {
            return;
        }
        if self.system_dialogs {
            let repaint = ctx.clone();
            self.dialog = Some(Dialog::open(purpose, move || repaint.request_repaint()));
        } else {
            self.prompt = Some(PathPrompt::new(purpose, self.suggested_path(purpose), None));
        }
    }

    fn suggested_path(&self, purpose: Purpose) -> String {
        match purpose {
            Purpose::SaveLayout | Purpose::LoadLayout => {
                self.last_layout_path.as_ref().map_or_else(
                    || "layout.newsgraph.json".to_string(),
                    |p| p.display().to_string(),
                )
            }
            Purpose::SaveProjectAs | Purpose::OpenProject => self.project.path().map_or_else(
                || purpose.default_file_name().to_string(),
                |p| p.display().to_string(),
            ),
            Purpose::Export(_) | Purpose::ExportImage(_) | Purpose::ExportCorrections => {
                purpose.default_file_name().to_string()
            }
            Purpose::OpenArticles | Purpose::OpenFolder => String::new(),
        }
    }

    fn path_chosen(&mut self, ctx: &egui::Context, purpose: Purpose, mut paths: Vec<PathBuf>) {
        let action = match purpose {
            Purpose::OpenArticles | Purpose::OpenFolder => Action::OpenPaths(paths),
            Purpose::SaveLayout => Action::SaveLayoutTo(with_json_extension(paths.remove(0))),
            Purpose::LoadLayout => Action::LoadLayoutFrom(paths.remove(0)),
            Purpose::Export(format) => {
                let path = paths.remove(0);
                let path = if path.extension().is_some() {
                    path
                } else {
                    path.with_extension(format.extension())
                };
                Action::ExportTo(format, path)
            }
            Purpose::ExportImage(image) => {
                let path = paths.remove(0);
                let path = if path.extension().is_some() {
                    path
                } else {
                    path.with_extension(purpose.extension())
                };
                Action::ExportImageTo(image, path)
            }
            Purpose::OpenProject => Action::OpenProjectFrom(paths.remove(0)),
            Purpose::ExportCorrections => Action::ExportCorrectionsTo(paths.remove(0)),
            Purpose::SaveProjectAs => {
                let path = paths.remove(0);
                Action::SaveProjectTo(if path.extension().is_some() {
                    path
                } else {
                    path.with_extension(crate::files::project::EXTENSION)
                })
            }
        };
        self.apply(ctx, action);
    }

    /// Writes the layout on a thread of its own; the UI thread only takes the positions.
    fn save_layout(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.graph.node_count() == 0 {
            self.say(
                Level::Warning,
                "There is no graph to save a layout of yet. Open articles first.",
            );
            return;
        }
        let file = self.panel.snapshot();
        self.last_layout_path = Some(path.clone());
        self.run_export(ctx, move || match layout_file::write(&path, &file) {
            Ok(()) => Message {
                level: Level::Info,
                text: format!(
                    "Saved the layout of {} nodes: {}",
                    file.nodes.len(),
                    path.display()
                ),
            },
            Err(e) => Message {
                level: Level::Error,
                text: format!("{e}. Choose another folder or file name."),
            },
        });
    }

    /// Reads a layout off the UI thread, as projects are opened; it is offered once read.
    fn load_layout(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.start_job(ctx, JobInput::Layout(path));
    }

    fn apply_layout(&mut self, file: &LayoutFile, path: &Path) {
        let report = self.panel.apply(file);
        self.last_layout_path = Some(path.to_path_buf());
        let mut text = format!("Loaded the layout: {} nodes placed", report.matched);
        if report.new_nodes > 0 {
            let _ = write!(
                text,
                ", {} new nodes placed near their neighbours",
                report.new_nodes
            );
        }
        if report.unknown.is_empty() {
            self.say(Level::Info, format!("{text}: {}", path.display()));
        } else {
            let shown: Vec<&str> = report
                .unknown
                .iter()
                .take(5)
                .map(|k| k.0.as_str())
                .collect();
            let more = report.unknown.len().saturating_sub(shown.len());
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            self.say(
                Level::Warning,
                format!(
                    "{text}. {} saved nodes are not in this graph ({}{tail}): {}",
                    report.unknown.len(),
                    shown.join(", "),
                    path.display()
                ),
            );
        }
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(dialog) = &self.dialog {
            let purpose = dialog.purpose;
            match dialog.poll() {
                DialogOutcome::Pending => {}
                DialogOutcome::Chosen(paths) => {
                    self.dialog = None;
                    self.path_chosen(ctx, purpose, paths);
                }
                DialogOutcome::Cancelled => self.dialog = None,
                DialogOutcome::Unavailable => {
                    self.dialog = None;
                    self.system_dialogs = false;
                    self.prompt = Some(PathPrompt::new(
                        purpose,
                        self.suggested_path(purpose),
                        Some("No system file dialog is available here (no desktop portal is running). Type the path instead.".into()),
                    ));
                }
            }
        }
        if let Some(job) = &self.job
            && let Some(mut out) = job.try_finish()
        {
            self.job = None;
            if let Some((path, file)) = out.project.take() {
                self.project_opened(ctx, out, &path, file);
                return;
            }
            if let Some((path, file)) = out.layout.take() {
                match file {
                    _ if out.cancelled => self.say(
                        Level::Warning,
                        format!(
                            "Loading the layout was cancelled. Nothing was moved: {}",
                            path.display()
                        ),
                    ),
                    Ok(file) => self.offer_layout(file, &path),
                    Err(e) => self.say(Level::Error, e),
                }
                ctx.request_repaint();
                return;
            }
            self.prepare_merge(&mut out.results);
            self.project.add_articles(&out.results);
            let read = out.results.iter().filter(|r| r.is_ok()).count();
            let before = self.graph.node_count();
            let mut errors = out.errors;
            for w in pipeline::warnings(&out.results) {
                self.say(Level::Warning, w);
            }
            errors.extend(
                self.edit
                    .history
                    .add_results(Arc::make_mut(&mut self.graph), out.results),
            );
            for e in &errors {
                self.say(Level::Error, e.to_string());
            }
            let added = self.graph.node_count() - before;
            if out.cancelled {
                self.say(
                    Level::Warning,
                    format!("Cancelled: {read} articles were read and added ({added} new nodes)."),
                );
            } else if read > 1 || !errors.is_empty() {
                // Reported once the graph has been drawn, so the figure is what the user waited.
                self.pending_report = Some(LoadReport {
                    started: Instant::now()
                        .checked_sub(out.elapsed)
                        .unwrap_or_else(Instant::now),
                    extraction: out.elapsed,
                    read,
                    added,
                });
            }
            if read > 0 && self.selected.is_none() {
                self.panel.fit();
            }
            self.panel.sync(&self.graph);
            self.refresh_fingerprint();
            if std::mem::take(&mut self.project.baseline_pending) {
                self.project.mark_clean();
            }
            ctx.request_repaint();
        }
    }

    fn shortcuts(ctx: &egui::Context) -> Vec<Action> {
        // Single keys are shortcuts unless a text field has them (a focused button or canvas
        // must not swallow Space or F).
        let typing = ctx.text_edit_focused();
        let mut actions = Vec::new();
        ctx.input_mut(|i| {
            for (shortcut, action) in [
                (OPEN_FOLDER, Action::OpenFolder),
                (OPEN, Action::OpenArticles),
                (SAVE_AS, Action::SaveProjectAs),
                (SAVE, Action::SaveProject),
                (NEW, Action::NewProject),
                (LOAD_LAYOUT, Action::LoadLayout),
                (EXPORT, Action::Export(ExportFormat::Json)),
                (QUIT, Action::Quit),
            ] {
                if i.consume_shortcut(&shortcut) {
                    actions.push(action);
                }
            }
            if !typing {
                if i.consume_shortcut(&FIT) {
                    actions.push(Action::FitView);
                }
                if i.consume_shortcut(&PAUSE) {
                    actions.push(Action::ToggleLayout);
                }
                if i.consume_shortcut(&CLEAR) {
                    actions.push(Action::Select(None));
                }
                if i.consume_shortcut(&ZOOM_IN) || i.consume_shortcut(&ZOOM_IN_EQUALS) {
                    actions.push(Action::Zoom(ZOOM_STEP));
                }
                if i.consume_shortcut(&ZOOM_OUT) {
                    actions.push(Action::Zoom(1.0 / ZOOM_STEP));
                }
            }
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            if !dropped.is_empty() {
                actions.push(Action::OpenPaths(dropped));
            }
        });
        actions
    }

    /// Draws one frame and applies what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.explore.apply_theme(&ctx);
        self.poll_background(&ctx);
        self.project_frame(&ctx);
        self.poll_exports();
        let mut actions = Explorer::shortcuts(&ctx);
        actions.extend(Self::shortcuts(&ctx));
        actions.extend(self.edit_shortcuts(&ctx));
        self.shown.refresh(&ctx, &self.graph, &self.explore.state);
        let graph = self.shown.get(&self.graph);
        self.panel.sync(graph);
        self.explore.poll_structure(&ctx, graph);
        let selected = self.selected.as_ref();
        let left_out = self.shown.left_out();
        self.explore
            .update_lens(graph, left_out, selected, &mut self.panel);

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                actions.extend(self.menu(ui));
                actions.extend(self.explore.menus(ui));
            });
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            actions.extend(self.toolbar(ui));
        });
        egui::Panel::top("explore").show(ui, |ui| {
            ui.horizontal(|ui| {
                actions.extend(self.explore.search.ui(ui, graph));
                ui.separator();
                let selected = self.selected.as_ref();
                actions.extend(self.explore.focus_bar(ui, &self.panel, graph, selected));
            });
        });
        if !self.messages.is_empty() {
            egui::Panel::bottom("messages").show(ui, |ui| {
                actions.extend(self.message_list(ui));
            });
        }
        actions.extend(self.explore.table_panel(ui, graph, self.selected.as_ref()));
        actions.extend(self.explore.time_panel(ui, &self.graph));
        actions.extend(self.explore.articles_panel(ui, &self.graph));
        actions.extend(self.explore.filter_panel(ui, graph, &self.graph));
        egui::Panel::right("detail")
            .resizable(true)
            .default_size(400.0)
            .min_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    actions.extend(self.explore.path_ui(ui, graph));
                    if let Some(key) = &self.selected {
                        actions.extend(self.explore.node_tools(ui, graph, key));
                        let (why, lexicon) = (&mut self.why, &self.lexicon);
                        actions.extend(detail::show(ui, graph, key, &mut |ui| {
                            why.show(ui, graph, key, lexicon);
                        }));
                    } else if let Some(edge) = &self.explore.state.selected_edge {
                        actions.extend(self.explore.edge_pane(ui, graph, &self.graph, edge));
                    } else {
                        ui.add_space(8.0);
                        ui.label(RichText::new("Nothing selected").strong());
                        ui.label("Click a node to see its details, the sentences behind it and its connections.");
                    }
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if self.graph.node_count() == 0 && self.job.is_none() {
                ui.centered_and_justified(|ui| {
                    ui.label(RichText::new("Open articles with File › Open articles… (Ctrl+O), or drop files here.").size(16.0));
                });
            } else {
                actions.extend(self.panel.show(ui, self.selected.as_ref()));
            }
        });
        actions.extend(self.explore.overlays(&ctx, graph, &self.panel));
        if let Some(reader) = &mut self.reader {
            actions.extend(reader.show(&ctx, &self.graph));
        }
        if let Some(prompt) = &mut self.prompt {
            match prompt.show(&ctx) {
                PromptOutcome::Open => {}
                PromptOutcome::Cancelled => self.prompt = None,
                PromptOutcome::Chosen(paths) => {
                    let purpose = prompt.purpose;
                    self.prompt = None;
                    self.path_chosen(&ctx, purpose, paths);
                }
            }
        }
        self.question_window(&ctx);
        self.layout_question(&ctx);
        actions.extend(self.corrections_window(&ctx));
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::new("drop"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(170));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop articles or folders to open them",
                egui::FontId::proportional(22.0),
                egui::Color32::WHITE,
            );
        }
        if let Some(report) = self.pending_report.take() {
            let LoadReport {
                started,
                extraction,
                read,
                added,
            } = report;
            self.say(
                Level::Info,
                format!(
                    "Read {read} articles in {:.2} s; the graph was drawn {:.2} s after opening: {added} new nodes.",
                    extraction.as_secs_f32(),
                    started.elapsed().as_secs_f32()
                ),
            );
        }
        for action in actions {
            self.apply(&ctx, action);
        }
    }

    fn toolbar(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            let run_label = if self.panel.is_running() {
                "⏸ Pause layout"
            } else {
                "▶ Resume layout"
            };
            if ui
                .button(run_label)
                .on_hover_text("Pause or resume the force layout (Space)")
                .clicked()
            {
                actions.push(Action::ToggleLayout);
            }
            if ui
                .button("⛶ Fit to view")
                .on_hover_text("Show the whole graph (F)")
                .clicked()
            {
                actions.push(Action::FitView);
            }
            let pinned = self.panel.pinned_count();
            if pinned > 0
                && ui
                    .button(format!("📌 Unpin {pinned}"))
                    .on_hover_text("Release the nodes you dragged or loaded")
                    .clicked()
            {
                actions.push(Action::UnpinAll);
            }
            ui.separator();
            if let Some(job) = &self.job {
                let (done, total) = job.progress();
                let fraction = job.fraction();
                let text = if job.is_cancelling() && job.kind() == JobKind::Layout {
                    "Cancelling…".to_string()
                } else if job.is_cancelling() {
                    format!("Cancelling… {done} / {total} read")
                } else if job.kind() == JobKind::Layout {
                    "Reading the layout…".to_string()
                } else if total == 0 && job.kind() == JobKind::Project {
                    "Reading the project…".to_string()
                } else if total == 0 {
                    "Listing files…".to_string()
                } else {
                    // The percentage moves inside a long article, where the count stands still.
                    format!(
                        "Reading articles: {done} / {total} · {:.0} %",
                        fraction * 100.0
                    )
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .text(text)
                        .desired_width(260.0)
                        .animate(true),
                );
                let cancel = ui.add_enabled(!job.is_cancelling(), egui::Button::new("Cancel"));
                if cancel
                    .on_hover_text("Stop reading; the articles already read are kept")
                    .clicked()
                {
                    actions.push(Action::CancelJob);
                }
                ui.separator();
            }
            // The kinds drawn: in the actor view, its actors alone.
            let counts = self.shown.get(&self.graph).counts();
            let state = if !self.panel.is_running() {
                "layout paused"
            } else if self.panel.is_settled() {
                "layout settled"
            } else {
                "layout running"
            };
            ui.label(format!(
                "{} articles · {} nodes · {} edges · {state}",
                self.graph.articles().len(),
                self.graph.node_count(),
                self.graph.edge_count()
            ));
            // Coloured by community, nodes keep their kind's shape only: the legend then
            // shows shapes, in the text's colour, so no colour reads as a kind.
            let by_community = self.explore.state.communities;
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                for kind in NodeKind::ALL.iter().rev() {
                    let n = counts.get(kind).copied().unwrap_or(0);
                    let tip = if by_community {
                        format!(
                            "{} (colours show communities; the shape shows the kind)",
                            legend_tip(*kind)
                        )
                    } else {
                        legend_tip(*kind).to_owned()
                    };
                    ui.label(format!("{} {n}", kind.label())).on_hover_text(tip);
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
                    let color = if by_community {
                        ui.visuals().text_color()
                    } else {
                        theme::node_color(*kind)
                    };
                    ui.painter().add(theme::kind_shape(
                        *kind,
                        rect.center(),
                        6.0,
                        color,
                        egui::Stroke::NONE,
                    ));
                }
            });
        });
        actions
    }

    fn message_list(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        for (i, m) in self.messages.iter().enumerate().rev() {
            ui.horizontal(|ui| {
                let (icon, color) = match m.level {
                    Level::Info => ("ℹ", ui.visuals().text_color()),
                    Level::Warning => ("⚠", ui.visuals().warn_fg_color),
                    Level::Error => ("⛔", ui.visuals().error_fg_color),
                };
                if ui.small_button("✖").on_hover_text("Dismiss").clicked() {
                    actions.push(Action::DismissMessage(i));
                }
                ui.label(
                    RichText::new(format!("{icon} {}", crate::ui::theme::displayable(&m.text)))
                        .color(color),
                );
            });
        }
        actions
    }
}

/// The user's data folder for newsgraph (`NEWSGRAPH_DATA_DIR` overrides it).
fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("NEWSGRAPH_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "newsgraph").map(|d| d.data_dir().to_path_buf())
}

fn with_json_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("json")
    }
}

fn legend_tip(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Country => "Countries and territories (circles)",
        NodeKind::Person => "People (ringed circles)",
        NodeKind::Organization => "Organizations (squares)",
        NodeKind::Group => "People groups: rebels, protesters, refugees of a country (pentagons)",
        NodeKind::Event => "Events: meetings, agreements, drills, condemnations… (diamonds)",
        NodeKind::Issue => "Issues: disputes, trade, nuclear programmes… (triangles)",
    }
}

impl eframe::App for NewsgraphApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
