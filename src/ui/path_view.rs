//! The path in the detail pane: every shortest path between the two ends (up to
//! [`MAX_PATHS`], saying so when there are more), each step with the relations and the
//! sentences behind it; or, while only the start is chosen, how to choose the end.

use egui::RichText;

use super::explore::Explore;
use super::{Action, detail, theme};
use crate::graph::analysis::{PathStep, ShortestPaths};
use crate::graph::{EdgeKind, NewsGraph, NodeKey};

/// Most shortest paths drawn and listed.
pub const MAX_PATHS: usize = 12;
/// Sentences shown per edge of a path step.
const STEP_SENTENCES: usize = 3;

/// What the pane shows of a path.
pub struct PathPane<'a> {
    /// Where it starts.
    pub from: &'a NodeKey,
    /// Where it ends, once chosen.
    pub to: Option<&'a NodeKey>,
    /// The paths found (`None` or none found: not connected).
    pub found: Option<&'a ShortestPaths>,
}

impl PathPane<'_> {
    /// Draws the path at the top of the detail pane.
    pub fn show(&self, ui: &mut egui::Ui, graph: &NewsGraph) -> Vec<Action> {
        let mut actions = Vec::new();
        let name = |k: &NodeKey| {
            graph
                .node(k)
                .map_or_else(|| k.0.clone(), |n| theme::displayable(&n.name))
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new("Path").strong());
            if ui.small_button("Clear path").clicked() {
                actions.push(Action::Explore(Explore::ClearPath));
            }
        });
        let Some(to) = self.to else {
            ui.label(format!(
                "From {}: select the other end (click it or find it with Ctrl+F), then press Path to here.",
                name(self.from)
            ));
            ui.separator();
            return actions;
        };
        let paths = self.found.map_or(&[][..], |f| &f.paths[..]);
        let Some(first) = paths.first().filter(|p| !p.is_empty()) else {
            ui.label(format!(
                "{} and {} are not connected.",
                name(self.from),
                name(to)
            ));
            ui.separator();
            return actions;
        };
        let unit = if first.len() == 1 { "step" } else { "steps" };
        ui.label(format!(
            "{} to {} in {} {unit}",
            name(self.from),
            name(to),
            first.len()
        ));
        let total = self.found.map_or(0, |f| f.total);
        if paths.len() == 1 {
            steps_ui(ui, graph, first, &mut actions);
        } else {
            let shown = u64::try_from(paths.len()).unwrap_or(u64::MAX);
            let count = if total > shown {
                format!("{shown} of {total} shortest paths shown, the most mentioned first")
            } else {
                format!("{total} shortest paths, the most mentioned first")
            };
            ui.label(RichText::new(count).weak());
            for (k, steps) in paths.iter().enumerate() {
                let via: Vec<String> = steps
                    .iter()
                    .skip(1)
                    .filter_map(|s| graph.graph().node_weight(s.from))
                    .map(|n| theme::displayable(&n.name))
                    .collect();
                let title = format!("{}. via {}", k + 1, via.join(", "));
                egui::CollapsingHeader::new(title)
                    .id_salt(("path", k))
                    .default_open(k == 0)
                    .show(ui, |ui| steps_ui(ui, graph, steps, &mut actions));
            }
        }
        ui.separator();
        actions
    }
}

/// Each step of one path: its two ends, then every relation between them with its sentences.
fn steps_ui(ui: &mut egui::Ui, graph: &NewsGraph, steps: &[PathStep], actions: &mut Vec<Action>) {
    let g = graph.graph();
    for (i, step) in steps.iter().enumerate() {
        let (Some(a), Some(b)) = (g.node_weight(step.from), g.node_weight(step.to)) else {
            continue;
        };
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}.", i + 1)).strong());
            for (n, arrow) in [(a, true), (b, false)] {
                detail::kind_icon(ui, n.kind);
                if ui.link(theme::displayable(&n.name)).clicked() {
                    actions.push(Action::Select(Some(n.key.clone())));
                }
                if arrow {
                    ui.label("—");
                }
            }
        });
        for &e in &step.edges {
            let Some(edge) = g.edge_weight(e) else {
                continue;
            };
            let forward = g.edge_endpoints(e).is_some_and(|(s, _)| s == step.from);
            let relation = if forward {
                edge.kind.label()
            } else {
                edge.kind.reverse_label()
            };
            let count = match edge.kind {
                EdgeKind::SharedEvents { .. } if edge.mentions == 1 => "1 shared event".to_string(),
                EdgeKind::SharedEvents { .. } => format!("{} shared events", edge.mentions),
                _ => format!("{} mentions", edge.mentions),
            };
            ui.label(RichText::new(format!("{relation} · {count}")).weak());
            for ev in edge.evidence.iter().take(STEP_SENTENCES) {
                let Some(article) = graph.article(ev.article) else {
                    continue;
                };
                let job = detail::highlighted(
                    &article.text,
                    &ev.sentence,
                    &ev.mention,
                    ui.visuals().text_color(),
                );
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .small_button("Read")
                        .on_hover_text(format!("Read in article: {}", article.title))
                        .clicked()
                    {
                        actions.push(Action::ShowArticle {
                            article: ev.article,
                            highlight: ev.sentence.clone(),
                        });
                    }
                    ui.label(job);
                });
            }
        }
    }
}
