//! Exports from the window: the graph in any of the formats other tools read, and a picture of
//! it, each written on its own thread (a large export must not freeze the window) and
//! reported in the message list when done.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{Level, Message, NewsgraphApp};
use crate::files::svg::{self, SvgStyle};
use crate::files::{ExportFormat, atomic, export_to_path};
use crate::graph::NodeKind;
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
    fn run_export(&mut self, ctx: &egui::Context, work: impl FnOnce() -> Message + Send + 'static) {
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
        let graph = self.graph.clone();
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

    /// Writes an SVG picture of the whole graph at `size` off the UI thread.
    pub(super) fn export_image(&mut self, ctx: &egui::Context, size: [u32; 2], path: PathBuf) {
        if self.graph.node_count() == 0 {
            self.say(
                Level::Warning,
                "There is no graph to draw yet. Open articles first.",
            );
            return;
        }
        let positions: BTreeMap<_, _> = self
            .panel
            .snapshot()
            .nodes
            .into_iter()
            .map(|(k, p)| (k, p.pos))
            .collect();
        let style = SvgStyle {
            width: size[0],
            height: size[1],
            background: [27, 27, 27],
            colors: NodeKind::ALL
                .iter()
                .map(|&k| {
                    let c = theme::node_color(k);
                    (k, [c.r(), c.g(), c.b()])
                })
                .collect(),
            labels: 40,
        };
        let graph = self.graph.clone();
        self.run_export(ctx, move || {
            let written =
                atomic::write_atomic_with(&path, |w| svg::write(&graph, &positions, &style, w));
            match written {
                Ok(()) => Message {
                    level: Level::Info,
                    text: format!(
                        "Saved a {} × {} picture of the graph: {}",
                        size[0],
                        size[1],
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
