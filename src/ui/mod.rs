//! egui panels and widgets. They read state and return [`Action`]s; `app/` applies them once per
//! frame and does everything that touches the disk or opens dialogs.

pub mod articles;
pub mod bench_explore;
pub mod bench_frame;
mod canvas_draw;
pub mod correct;
pub mod detail;
pub mod edge_detail;
pub mod explore;
pub mod filters;
pub mod graph_view;
pub mod help;
pub mod lens;
pub mod path_view;
pub mod reader;
pub mod search;
pub mod shown;
pub mod structure_view;
pub mod table;
pub mod theme;
pub mod timeline;
pub mod why;

use std::ops::Range;
use std::path::PathBuf;

use crate::files::layout_file::Placement;
use crate::files::{ExportFormat, ImageExport};
use crate::graph::corrections::Correction;
use crate::graph::{ArticleId, NodeKey};
use explore::Explore;

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// File ▸ Open articles…
    OpenArticles,
    /// File ▸ Open folder…
    OpenFolder,
    /// Open these files or folders (drag and drop, path field).
    OpenPaths(Vec<PathBuf>),
    /// File ▸ Save layout…
    SaveLayout,
    /// File ▸ Load layout…
    LoadLayout,
    /// File ▸ Export ▸ a graph format…
    Export(ExportFormat),
    /// File ▸ Export ▸ Image (SVG of the graph, or PNG of the view) of this size…
    ExportImage(ImageExport),
    /// Save the layout to this path.
    SaveLayoutTo(PathBuf),
    /// Load the layout from this path.
    LoadLayoutFrom(PathBuf),
    /// Export the graph in a format to this path.
    ExportTo(ExportFormat, PathBuf),
    /// Export an image of this size to this path.
    ExportImageTo(ImageExport, PathBuf),
    /// File ▸ New project.
    NewProject,
    /// File ▸ Open project…
    OpenProject,
    /// Open this project (recent projects, path field).
    OpenProjectFrom(PathBuf),
    /// File ▸ Save project.
    SaveProject,
    /// File ▸ Save project as…
    SaveProjectAs,
    /// Save the project to this path.
    SaveProjectTo(PathBuf),
    /// File ▸ Quit.
    Quit,
    /// Select a node (or clear the selection).
    Select(Option<NodeKey>),
    /// Open the reader on an article, highlighting a range.
    ShowArticle {
        /// The article.
        article: ArticleId,
        /// Byte range to highlight and scroll to.
        highlight: Range<usize>,
    },
    /// Close the reader.
    CloseArticle,
    /// Pause or resume the layout.
    ToggleLayout,
    /// Fit the graph into the canvas.
    FitView,
    /// Zoom the canvas by this factor around its middle.
    Zoom(f32),
    /// Release every pinned node.
    UnpinAll,
    /// Stop the running extraction.
    CancelJob,
    /// Dismiss a message.
    DismissMessage(usize),
    /// Find, focus or follow a path.
    Explore(Explore),
    /// Correct the graph (rename, merge, delete, ...).
    Correct(Correction),
    /// Edit ▸ Undo.
    Undo,
    /// Edit ▸ Redo.
    Redo,
    /// A node was dragged from one place to another (for undo).
    NodeDragged {
        /// The node.
        key: NodeKey,
        /// Where it was.
        from: Placement,
        /// Where it is now.
        to: Placement,
    },
    /// File ▸ Export corrections…
    ExportCorrections,
    /// Write the corrections as a lexicon override to this path.
    ExportCorrectionsTo(PathBuf),
    /// Edit ▸ Corrections…: show or hide the list of corrections.
    ShowCorrections(bool),
    /// Take the correction at this place in the log back (undoable).
    RevertCorrection(usize),
    /// Remove an article (the graph is rebuilt without it).
    RemoveArticle(ArticleId),
}
