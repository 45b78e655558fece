//! Background work: reading and extracting articles on worker threads (all cores), opening
//! projects and reading layouts, with progress the UI can show and a cancel flag, and system
//! file dialogs run off the UI thread.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::history::{History, Logged};
use crate::extract::{Extraction, Lexicon, extract_with};
use crate::files::layout_file::{self, LayoutFile};
use crate::files::project::{self, ProjectFile};
use crate::files::{ExportFormat, ImageExport, atomic, export};
use crate::graph::NewsGraph;
use crate::ingest::Article;
use crate::ingest::{self, Format, IngestError, expand_inputs};
use crate::pipeline::{self, FileResult, Tracker};
use rayon::prelude::*;

/// What a job reads.
#[derive(Debug, Clone)]
pub enum JobInput {
    /// Files and folders on disk.
    Paths(Vec<PathBuf>),
    /// A project file: read, checked, its articles extracted again (unless it keeps their
    /// extractions), merged, and its corrections replayed.
    Project(PathBuf),
    /// A layout file: read (bounded, regular files only) and checked.
    Layout(PathBuf),
    /// An article bundled in the binary.
    Bundled {
        /// Name shown as its source.
        name: String,
        /// Its bytes.
        bytes: &'static [u8],
        /// Its format.
        format: Format,
    },
}

/// What a finished job hands back.
#[derive(Debug)]
pub struct JobOutput {
    /// Results in input order.
    pub results: Vec<FileResult>,
    /// Inputs that could not be listed (unsupported files, unreadable folders).
    pub errors: Vec<IngestError>,
    /// Whether the user cancelled.
    pub cancelled: bool,
    /// Wall time.
    pub elapsed: Duration,
    /// For a project: its path and the file (its articles are in `results`), or why it could
    /// not be opened.
    pub project: Option<(PathBuf, Result<ProjectFile, String>)>,
    /// For a project read to the end: its graph, built on the worker.
    pub opened: Option<OpenedProject>,
    /// For a layout: its path and the file, or why it could not be read.
    pub layout: Option<(PathBuf, Result<LayoutFile, String>)>,
}

/// What a job is doing, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Reading and extracting articles.
    Articles,
    /// Opening a project.
    Project,
    /// Reading a layout file.
    Layout,
}

/// A running extraction.
pub struct Job {
    receiver: Receiver<JobOutput>,
    tracker: Arc<Tracker>,
    started: Instant,
    kind: JobKind,
}

impl Job {
    /// Starts reading `input` on a worker thread; `wake` is called on progress so the UI
    /// repaints.
    pub fn start(
        input: JobInput,
        lexicon: Arc<Lexicon>,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (tx, receiver) = channel();
        let tracker = Arc::new(Tracker::default());
        let t = tracker.clone();
        let started = Instant::now();
        let kind = match &input {
            JobInput::Project(_) => JobKind::Project,
            JobInput::Layout(_) => JobKind::Layout,
            JobInput::Paths(_) | JobInput::Bundled { .. } => JobKind::Articles,
        };
        std::thread::spawn(move || {
            let mut project = None;
            let mut opened = None;
            let mut layout = None;
            let (results, errors) = match input {
                JobInput::Layout(path) => {
                    t.set_total(1);
                    wake();
                    // Bounded and from regular files only: a FIFO or a link to a device is
                    // refused at once, and a large file is read here, not on the UI thread.
                    let file = layout_file::read(&path).map_err(|e| e.to_string());
                    layout = Some((path, file));
                    (Vec::new(), Vec::new())
                }
                JobInput::Project(path) => match read_project(&path) {
                    Ok((mut file, articles)) => {
                        t.set_total(articles.len());
                        wake();
                        // Extractions by this same extractor are used as they are.
                        let stored = file
                            .extractions_by(super::extractor::extractor_id())
                            .is_some();
                        let results = match file.extractions.take().filter(|_| stored) {
                            Some(kept) => articles
                                .into_iter()
                                .zip(Arc::unwrap_or_clone(kept.items))
                                .map(Ok)
                                .collect(),
                            // A cancelled article is left out; the job then reports
                            // itself cancelled and the project is not opened.
                            None => articles
                                .into_par_iter()
                                .filter_map(|article| {
                                    let extraction = t.file(&wake, |control| {
                                        extract_with(&article, &lexicon, control)
                                    });
                                    extraction.ok().map(|e| Ok((article, e)))
                                })
                                .collect(),
                        };
                        // The graph is built and the corrections replayed here too, so the UI
                        // thread only puts the result on the canvas.
                        if !t.is_cancelled() {
                            opened = Some(open_graph(&file, results));
                        }
                        project = Some((path, Ok(file)));
                        (Vec::new(), Vec::new())
                    }
                    Err(e) => {
                        project = Some((path, Err(e)));
                        (Vec::new(), Vec::new())
                    }
                },
                JobInput::Paths(paths) => {
                    let (files, errors) = expand_inputs(&paths);
                    let results = pipeline::run_tracked(&files, &lexicon, &t, &wake);
                    (results, errors)
                }
                JobInput::Bundled {
                    name,
                    bytes,
                    format,
                } => {
                    t.set_total(1);
                    let result = match ingest::parse(&name, bytes, format) {
                        Ok(a) => t
                            .file(&wake, |control| extract_with(&a, &lexicon, control))
                            .ok()
                            .map(|e| Ok((a, e))),
                        Err(e) => Some(Err(e)),
                    };
                    (result.into_iter().collect(), Vec::new())
                }
            };
            let cancelled = t.is_cancelled();
            // The UI may have gone away; nothing to do then.
            let _ = tx.send(JobOutput {
                results,
                errors,
                cancelled,
                elapsed: started.elapsed(),
                project,
                opened,
                layout,
            });
            wake();
        });
        Self {
            receiver,
            tracker,
            started,
            kind,
        }
    }

    /// What the job is doing.
    pub fn kind(&self) -> JobKind {
        self.kind
    }

    /// (files done, files in total; 0 while the folders are still being listed).
    pub fn progress(&self) -> (usize, usize) {
        self.tracker.files()
    }

    /// The share of the work done, from 0 to 1, with the parts of the files under way.
    pub fn fraction(&self) -> f32 {
        self.tracker.fraction()
    }

    /// Asks the workers to stop: the files under way stop at their next sentence.
    pub fn cancel(&self) {
        self.tracker.cancel();
    }

    /// Whether cancel was asked for.
    pub fn is_cancelling(&self) -> bool {
        self.tracker.is_cancelled()
    }

    /// Seconds since start.
    pub fn elapsed_secs(&self) -> f32 {
        self.started.elapsed().as_secs_f32()
    }

    /// The output, once finished.
    pub fn try_finish(&self) -> Option<JobOutput> {
        match self.receiver.try_recv() {
            Ok(out) => Some(out),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(JobOutput {
                results: Vec::new(),
                errors: Vec::new(),
                cancelled: true,
                elapsed: self.started.elapsed(),
                project: None,
                opened: None,
                layout: None,
            }),
        }
    }
}

/// A project's graph, built off the UI thread: the articles merged, the corrections replayed.
#[derive(Debug)]
pub struct OpenedProject {
    /// The history starting over from the articles' graph with the project's corrections.
    pub history: History,
    /// The corrected graph.
    pub graph: NewsGraph,
    /// The articles' extractions, in their order, as the project keeps them.
    pub extractions: Vec<Extraction>,
    /// Articles that could not be merged.
    pub errors: Vec<IngestError>,
}

/// Merges a project's articles and replays its corrections (with when they were made).
fn open_graph(file: &ProjectFile, results: Vec<FileResult>) -> OpenedProject {
    let extractions = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|(_, e)| e.clone())
        .collect();
    let mut base = NewsGraph::new();
    let errors = pipeline::merge(&mut base, results);
    let log = file
        .corrections
        .iter()
        .cloned()
        .zip(file.corrections_made())
        .map(|(correction, made_secs)| Logged {
            correction,
            made_secs,
        })
        .collect();
    let (history, graph) = History::start_logged(base, log);
    OpenedProject {
        history,
        graph,
        extractions,
        errors,
    }
}

/// Reads and checks a project file (a regular file, bounded) and rebuilds its articles.
fn read_project(path: &std::path::Path) -> Result<(ProjectFile, Vec<Article>), String> {
    let bytes = atomic::read_bounded(path, project::MAX_PROJECT_BYTES)
        .map_err(|e| format!("{e}. Nothing was changed."))?;
    project::parse(&bytes, path).map_err(|e| e.to_string())
}

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open articles.
    OpenArticles,
    /// Open a folder of articles.
    OpenFolder,
    /// Save the layout.
    SaveLayout,
    /// Load a layout.
    LoadLayout,
    /// Export the graph in a format.
    Export(ExportFormat),
    /// Export a picture of the graph (SVG) or of the view (PNG).
    ExportImage(ImageExport),
    /// Open a project.
    OpenProject,
    /// Save the project under a new name.
    SaveProjectAs,
    /// Write the corrections as a lexicon override.
    ExportCorrections,
}

impl Purpose {
    /// Title of the dialog or path field.
    pub fn title(self) -> &'static str {
        match self {
            Purpose::OpenArticles => "Open articles",
            Purpose::OpenFolder => "Open folder",
            Purpose::SaveLayout => "Save layout",
            Purpose::LoadLayout => "Load layout",
            Purpose::Export(f) => match f {
                ExportFormat::Json => "Export graph (newsgraph JSON)",
                ExportFormat::GraphMl => "Export graph (GraphML)",
                ExportFormat::Gexf => "Export graph (GEXF)",
                ExportFormat::Csv => "Export graph (CSV for Neo4j)",
                ExportFormat::NodeLink => "Export graph (node-link JSON)",
            },
            Purpose::ExportImage(i) if i.png => "Export image of the view (PNG)",
            Purpose::ExportImage(_) => "Export image (SVG)",
            Purpose::OpenProject => "Open project",
            Purpose::SaveProjectAs => "Save project as",
            Purpose::ExportCorrections => "Export corrections",
        }
    }

    /// What the path field asks for.
    pub fn path_hint(self) -> &'static str {
        match self {
            Purpose::OpenArticles => "Path of an article or folder (separate several with ;)",
            Purpose::OpenFolder => "Path of a folder of articles",
            Purpose::SaveLayout
            | Purpose::Export(_)
            | Purpose::ExportImage(_)
            | Purpose::SaveProjectAs
            | Purpose::ExportCorrections => {
                "Path of the file to write (or of a folder to put it in)"
            }
            Purpose::LoadLayout => "Path of a saved layout",
            Purpose::OpenProject => "Path of a newsgraph project",
        }
    }

    /// Whether the user names a file to write.
    pub fn is_save(self) -> bool {
        matches!(
            self,
            Purpose::SaveLayout
                | Purpose::Export(_)
                | Purpose::ExportImage(_)
                | Purpose::SaveProjectAs
                | Purpose::ExportCorrections
        )
    }

    /// The kind of file, in words.
    pub fn kind_name(self) -> &'static str {
        match self {
            Purpose::OpenArticles | Purpose::OpenFolder => "article",
            Purpose::SaveLayout | Purpose::LoadLayout => "newsgraph layout",
            Purpose::Export(ExportFormat::Json) => "newsgraph JSON export",
            Purpose::Export(ExportFormat::NodeLink) => "node-link JSON export",
            Purpose::Export(ExportFormat::GraphMl) => "GraphML file",
            Purpose::Export(ExportFormat::Gexf) => "GEXF file",
            Purpose::Export(ExportFormat::Csv) => "CSV file",
            Purpose::ExportImage(i) if i.png => "PNG image",
            Purpose::ExportImage(_) => "SVG image",
            Purpose::OpenProject | Purpose::SaveProjectAs => "newsgraph project",
            Purpose::ExportCorrections => "newsgraph corrections file",
        }
    }

    /// The extension of the files it writes or reads.
    pub fn extension(self) -> &'static str {
        match self {
            Purpose::OpenArticles | Purpose::OpenFolder => "txt",
            Purpose::SaveLayout | Purpose::LoadLayout | Purpose::ExportCorrections => "json",
            Purpose::Export(f) => f.extension(),
            Purpose::ExportImage(i) if i.png => "png",
            Purpose::ExportImage(_) => "svg",
            Purpose::OpenProject | Purpose::SaveProjectAs => project::EXTENSION,
        }
    }

    /// A file name offered for a new file.
    pub fn default_file_name(self) -> &'static str {
        match self {
            Purpose::SaveLayout | Purpose::LoadLayout => "layout.newsgraph.json",
            Purpose::Export(f) => f.default_file_name(),
            Purpose::ExportImage(i) if i.png => "view.png",
            Purpose::ExportImage(_) => "graph.svg",
            Purpose::OpenProject | Purpose::SaveProjectAs => "project.newsgraph",
            Purpose::ExportCorrections => crate::extract::overrides::FILE_NAME,
            Purpose::OpenArticles | Purpose::OpenFolder => "",
        }
    }

    /// The format name newsgraph writes near the start of such files, when it has one.
    pub fn format_marker(self) -> Option<&'static str> {
        match self {
            Purpose::SaveLayout | Purpose::LoadLayout => Some(layout_file::FORMAT),
            Purpose::OpenProject | Purpose::SaveProjectAs => Some(project::FORMAT),
            Purpose::ExportCorrections => Some(crate::extract::overrides::FORMAT),
            Purpose::Export(ExportFormat::Json) => Some(export::FORMAT),
            Purpose::Export(ExportFormat::NodeLink) => Some("\"multigraph\""),
            Purpose::Export(ExportFormat::GraphMl) => Some("<graphml"),
            Purpose::Export(ExportFormat::Gexf) => Some("<gexf"),
            Purpose::Export(ExportFormat::Csv) => Some(":ID"),
            Purpose::ExportImage(i) if i.png => Some("PNG"),
            Purpose::ExportImage(_) => Some("<svg"),
            Purpose::OpenArticles | Purpose::OpenFolder => None,
        }
    }
}

/// A system file dialog running on its own thread.
pub struct Dialog {
    /// What it is for.
    pub purpose: Purpose,
    receiver: Receiver<Option<Vec<PathBuf>>>,
    started: Instant,
}

/// How a dialog ended.
#[derive(Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// Still open.
    Pending,
    /// The user chose these paths.
    Chosen(Vec<PathBuf>),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown (no desktop portal): offer the path field instead.
    Unavailable,
}

/// A dialog answering "nothing" faster than this most likely never appeared.
const INSTANT_ANSWER: Duration = Duration::from_millis(700);

impl Dialog {
    /// Opens the system dialog for `purpose` on a thread.
    pub fn open(purpose: Purpose, wake: impl Fn() + Send + 'static) -> Self {
        let (tx, receiver) = channel();
        std::thread::spawn(move || {
            let article_exts = ["txt", "md", "markdown", "html", "htm"];
            let picked = match purpose {
                Purpose::OpenArticles => rfd::FileDialog::new()
                    .set_title("Open articles")
                    .add_filter("Articles", &article_exts)
                    .pick_files(),
                Purpose::OpenFolder => rfd::FileDialog::new()
                    .set_title("Open a folder of articles")
                    .pick_folder()
                    .map(|p| vec![p]),
                Purpose::LoadLayout => rfd::FileDialog::new()
                    .set_title("Load layout")
                    .add_filter("newsgraph layout", &["json"])
                    .pick_file()
                    .map(|p| vec![p]),
                Purpose::SaveLayout => rfd::FileDialog::new()
                    .set_title("Save layout")
                    .add_filter("newsgraph layout", &["json"])
                    .set_file_name("layout.newsgraph.json")
                    .save_file()
                    .map(|p| vec![p]),
                Purpose::OpenProject => rfd::FileDialog::new()
                    .set_title("Open project")
                    .add_filter("newsgraph project", &[project::EXTENSION])
                    .pick_file()
                    .map(|p| vec![p]),
                Purpose::SaveProjectAs => rfd::FileDialog::new()
                    .set_title("Save project as")
                    .add_filter("newsgraph project", &[project::EXTENSION])
                    .set_file_name("project.newsgraph")
                    .save_file()
                    .map(|p| vec![p]),
                Purpose::Export(_) | Purpose::ExportImage(_) | Purpose::ExportCorrections => {
                    rfd::FileDialog::new()
                        .set_title(purpose.title())
                        .add_filter(purpose.kind_name(), &[purpose.extension()])
                        .set_file_name(purpose.default_file_name())
                        .save_file()
                        .map(|p| vec![p])
                }
            };
            let _ = tx.send(picked);
            wake();
        });
        Self {
            purpose,
            receiver,
            started: Instant::now(),
        }
    }

    /// Checks whether the dialog has closed.
    pub fn poll(&self) -> DialogOutcome {
        match self.receiver.try_recv() {
            Ok(Some(paths)) if !paths.is_empty() => DialogOutcome::Chosen(paths),
            Ok(_) if self.started.elapsed() < INSTANT_ANSWER => DialogOutcome::Unavailable,
            Ok(_) => DialogOutcome::Cancelled,
            Err(TryRecvError::Empty) => DialogOutcome::Pending,
            Err(TryRecvError::Disconnected) => DialogOutcome::Unavailable,
        }
    }
}

/// Whether a system file dialog can appear at all (Linux needs a session bus for the portal).
pub fn system_dialogs_possible() -> bool {
    if std::env::var_os("NEWSGRAPH_NO_DIALOG").is_some() {
        return false;
    }
    if cfg!(target_os = "linux") {
        return std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    }
    true
}
