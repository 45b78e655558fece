//! Exports from the window: the graph in any of the formats other tools read, and a picture of
//! it, each written on its own thread (a large export must not freeze the window) and
//! reported in the message list when done.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{Level, Message, NewsgraphApp};
use crate::files::svg;
use crate::files::{ExportFormat, ImageExport, atomic, export_to_path, raster};
use crate::ui::theme;

/// Exports running in the background.
#[derive(Default)]
pub struct Exports {
    running: Vec<Receiver<Message>>,
}

impl Exports {
    /// Messages of the exports finished since the last call.
    fn finished(&mut self) -> Vec<Message> {
        let mut done = Vec::new();
        self.running.retain(|r| match r.try_recv() {
            Ok(m) => {
                done.push(m);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(Message {
                    level: Level::Error,
                    text: "An export stopped unexpectedly; try again.".into(),
                });
                false
            }
        });
        done
    }
}

impl NewsgraphApp {
    /// Runs `work` on a thread of its own; its message is shown when it is done.
    pub(super) fn run_export(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce() -> Message + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            // The window may be gone by now; nobody to tell then.
            let _ = tx.send(work());
            repaint.request_repaint();
        });
        self.exports.running.push(rx);
    }

    /// Exports the graph in `format` to `path` off the UI thread.
    pub(super) fn export_graph(
        &mut self,
        ctx: &egui::Context,
        format: ExportFormat,
        path: PathBuf,
    ) {
        if self.graph.node_count() == 0 {
            self.say(
                Level::Warning,
                "There is no graph to export yet. Open articles first.",
            );
            return;
        }
        let graph = Arc::clone(&self.graph);
        self.run_export(ctx, move || match export_to_path(&graph, format, &path) {
            Ok(files) => Message {
                level: Level::Info,
                text: format!(
                    "Exported {} nodes and {} edges as {}: {}",
                    graph.node_count(),
                    graph.edge_count(),
                    format.name(),
                    files
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            },
            Err(e) => Message {
                level: Level::Error,
                text: format!(
                    "Could not write the export ({e}). Choose another folder or name: {}",
                    path.display()
                ),
            },
        });
    }

    /// Writes a picture off the UI thread, in the window's theme: an SVG of the whole graph
    /// shown, or a PNG of what the canvas shows, at the chosen size.
    pub(super) fn export_image(&mut self, ctx: &egui::Context, image: ImageExport, path: PathBuf) {
        let ImageExport { size, png } = image;
        if self.graph.node_count() == 0 {
            self.say(
                Level::Warning,
                "There is no graph to draw yet. Open articles first.",
            );
            return;
        }
        // What the canvas shows: the actor view when it is on, without what a filter or a
        // focus hides, in the window's theme.
        let positions: BTreeMap<_, _> = self
            .panel
            .snapshot()
            .nodes
            .into_iter()
            .filter(|(k, _)| self.panel.is_shown(k))
            .map(|(k, p)| (k, p.pos))
            .collect();
        let mut style = theme::picture_style(size, ctx.theme() == egui::Theme::Dark);
        style.view = png.then(|| {
            let rect = self.panel.canvas_rect();
            let (a, b) = (
                self.panel.canvas_at(rect.min),
                self.panel.canvas_at(rect.max),
            );
            [[a.x, a.y], [b.x, b.y]]
        });
        if png {
            // The canvas draws no node under 2.5 screen pixels: the same, in picture pixels.
            let rect = self.panel.canvas_rect();
            let per_screen_pixel = (size[0] as f32 / rect.width().max(1.0))
                .min(size[1] as f32 / rect.height().max(1.0));
            style.min_radius = 2.5 * per_screen_pixel;
        }
        // The domain graph is shared as it is; the actor view's fold is copied.
        let shown = self.shown.get(&self.graph);
        let graph = if std::ptr::eq(shown, Arc::as_ptr(&self.graph)) {
            Arc::clone(&self.graph)
        } else {
            Arc::new(shown.clone())
        };
        self.run_export(ctx, move || {
            let written = if png {
                let mut text = Vec::new();
                svg::write(&graph, &positions, &style, &mut text)
                    .and_then(|()| {
                        raster::png_from_svg(&String::from_utf8_lossy(&text))
                            .map_err(std::io::Error::other)
                    })
                    .and_then(|bytes| atomic::write_atomic(&path, &bytes))
            } else {
                atomic::write_atomic_with(&path, |w| svg::write(&graph, &positions, &style, w))
            };
            match written {
                Ok(()) => Message {
                    level: Level::Info,
                    text: format!(
                        "Saved a {} × {} picture of the {}: {}",
                        size[0],
                        size[1],
                        if png { "view" } else { "graph" },
                        path.display()
                    ),
                },
                Err(e) => Message {
                    level: Level::Error,
                    text: format!(
                        "Could not write the picture ({e}). Choose another folder or name: {}",
                        path.display()
                    ),
                },
            }
        });
    }

    /// Reports finished exports.
    pub(super) fn poll_exports(&mut self) {
        for m in self.exports.finished() {
            self.say(m.level, m.text);
        }
    }
}
