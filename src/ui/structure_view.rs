//! Structure on the canvas: nodes sized by mentions, degree, PageRank or betweenness, and
//! coloured by community with a legend naming each community by its top actors. The figures
//! are computed on a worker thread (`graph::structure`), once per graph shown.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Color32, RichText};
use petgraph::stable_graph::NodeIndex;

use super::graph_view::{GraphPanel, node_radius};
use super::{Action, theme};
pub use crate::graph::structure::SizeBy;
use crate::graph::structure::{Simple, Structure};
use crate::graph::{NewsGraph, NodeKey};

/// Community colours, largest community first; the rest are grey.
const PALETTE: [Color32; 12] = [
    Color32::from_rgb(76, 139, 245),
    Color32::from_rgb(242, 157, 56),
    Color32::from_rgb(63, 182, 122),
    Color32::from_rgb(229, 83, 75),
    Color32::from_rgb(169, 112, 255),
    Color32::from_rgb(240, 210, 70),
    Color32::from_rgb(80, 200, 210),
    Color32::from_rgb(236, 112, 190),
    Color32::from_rgb(150, 190, 60),
    Color32::from_rgb(180, 130, 90),
    Color32::from_rgb(120, 150, 200),
    Color32::from_rgb(220, 160, 160),
];
/// Colour of the communities past the palette.
const OTHER: Color32 = Color32::from_rgb(120, 120, 128);
/// Communities named in the legend.
const LEGEND_ROWS: usize = 10;
/// Actors naming a community.
const NAMED_BY: usize = 3;

/// The colour of a community.
pub fn community_color(c: u32) -> Color32 {
    PALETTE.get(c as usize).copied().unwrap_or(OTHER)
}

/// The structure of one graph revision, ready to show.
pub struct Computed {
    /// The revision of the graph it was computed on.
    pub revision: u64,
    /// Vertex of each domain node.
    pub vertex: HashMap<NodeIndex, usize>,
    /// The figures, per vertex.
    pub figures: Structure,
    /// Per community (largest first): its size and its top actors' names.
    pub legend: Vec<(usize, String)>,
}

impl Computed {
    /// The figures of a node, by key.
    pub fn of(&self, graph: &NewsGraph, key: &NodeKey) -> Option<usize> {
        graph.index(key).and_then(|i| self.vertex.get(&i).copied())
    }
}

/// The structure of the graph shown, computed off the UI thread when first needed.
#[derive(Default)]
pub struct StructureView {
    computed: Option<Computed>,
    pending: Option<(u64, Receiver<Computed>)>,
}

impl StructureView {
    /// Starts computing for `graph` if nothing for its revision is done or under way, and
    /// picks up a finished computation. Returns whether one finished.
    pub fn poll(&mut self, ctx: &egui::Context, graph: &NewsGraph) -> bool {
        let mut finished = false;
        if let Some((_, rx)) = &self.pending {
            match rx.try_recv() {
                Ok(done) => {
                    self.computed = Some(done);
                    self.pending = None;
                    finished = true;
                }
                Err(TryRecvError::Disconnected) => self.pending = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let revision = graph.revision();
        let have = self
            .computed
            .as_ref()
            .is_some_and(|c| c.revision == revision)
            || self.pending.as_ref().is_some_and(|(r, _)| *r == revision);
        if !have {
            let simple = Simple::of(graph);
            let names = legend_names(graph, &simple);
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("structure".into())
                .spawn(move || {
                    let figures = Structure::compute(&simple);
                    let legend = names(&figures.community);
                    let vertex = simple
                        .nodes
                        .iter()
                        .enumerate()
                        .map(|(v, &n)| (n, v))
                        .collect();
                    // The window may have closed meanwhile: nothing to tell then.
                    let _ = tx.send(Computed {
                        revision,
                        vertex,
                        figures,
                        legend,
                    });
                    ctx.request_repaint();
                });
            match spawned {
                Ok(_) => self.pending = Some((revision, rx)),
                Err(e) => log::error!("could not start the structure computation: {e}"),
            }
        }
        finished
    }

    /// The figures for this revision, when done.
    pub fn ready(&self, revision: u64) -> Option<&Computed> {
        self.computed.as_ref().filter(|c| c.revision == revision)
    }

    /// Whether a computation is under way.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Sizes and colours the canvas's nodes.
    pub fn paint(
        &self,
        graph: &NewsGraph,
        panel: &mut GraphPanel,
        size_by: SizeBy,
        communities: bool,
    ) {
        let computed = self.ready(graph.revision());
        let g = graph.graph();
        let metric = |c: &Computed, v: usize| -> f64 {
            let f = &c.figures;
            match size_by {
                SizeBy::Mentions => 0.0,
                SizeBy::Degree => f64::from(f.degree[v]),
                SizeBy::PageRank => f.pagerank[v],
                SizeBy::Betweenness => f.betweenness[v],
            }
        };
        let max = computed.map_or(0.0, |c| {
            (0..c.figures.degree.len())
                .map(|v| metric(c, v))
                .fold(0.0, f64::max)
        });
        let radius = |i: NodeIndex| -> f32 {
            let Some(n) = g.node_weight(i) else {
                return 6.0;
            };
            match (size_by, computed) {
                (SizeBy::Mentions, _) | (_, None) => node_radius(n.kind, n.mentions),
                (_, Some(c)) => {
                    let v = c.vertex.get(&i).map_or(0.0, |&v| metric(c, v));
                    let share = if max > 0.0 { (v / max).sqrt() } else { 0.0 };
                    #[allow(clippy::cast_possible_truncation, reason = "a share in 0..=1")]
                    let share = share as f32;
                    4.0 + 24.0 * share
                }
            }
        };
        let fill = |i: NodeIndex| -> Color32 {
            let kind = g.node_weight(i).map(|n| n.kind);
            match (communities, computed) {
                (true, Some(c)) => c
                    .vertex
                    .get(&i)
                    .map_or(OTHER, |&v| community_color(c.figures.community[v])),
                _ => kind.map_or(OTHER, theme::node_color),
            }
        };
        panel.set_appearance(&radius, &fill);
    }

    /// The community legend, over the bottom left of the canvas. A click on a community
    /// picks it (the canvas stresses its members), a click on the picked one, or on Show all,
    /// lets it go.
    pub fn legend(
        &self,
        ctx: &egui::Context,
        graph: &NewsGraph,
        panel: &GraphPanel,
        picked: Option<u32>,
    ) -> Vec<Action> {
        use super::explore::Explore;
        let mut actions = Vec::new();
        let Some(c) = self.ready(graph.revision()) else {
            return actions;
        };
        let rect = panel.canvas_rect();
        if !rect.is_positive() {
            return actions;
        }
        egui::Area::new(egui::Id::new("community-legend"))
            .order(egui::Order::Foreground)
            .pivot(egui::Align2::LEFT_BOTTOM)
            .fixed_pos(rect.left_bottom() + egui::vec2(10.0, -10.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(360.0);
                    let count = c.legend.len();
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!(
                                "{count} communities · modularity {:.2}",
                                c.figures.modularity
                            ))
                            .strong(),
                        );
                        if picked.is_some()
                            && ui
                                .small_button("Show all")
                                .on_hover_text("Stop stressing the community")
                                .clicked()
                        {
                            actions.push(Action::Explore(Explore::PickCommunity(None)));
                        }
                    });
                    for (k, (size, names)) in c.legend.iter().enumerate().take(LEGEND_ROWS) {
                        let k = u32::try_from(k).unwrap_or(u32::MAX);
                        ui.horizontal(|ui| {
                            let (r, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter()
                                .circle_filled(r.center(), 5.0, community_color(k));
                            let on = picked == Some(k);
                            let tip = if on {
                                "Click again to stop stressing it"
                            } else {
                                "Stress this community on the canvas, dimming the rest"
                            };
                            if ui
                                .selectable_label(on, format!("{names} ({size})"))
                                .on_hover_text(tip)
                                .clicked()
                            {
                                let next = if on { None } else { Some(k) };
                                actions.push(Action::Explore(Explore::PickCommunity(next)));
                            }
                        });
                    }
                    if count > LEGEND_ROWS {
                        ui.label(
                            RichText::new(format!("… and {} smaller ones", count - LEGEND_ROWS))
                                .weak(),
                        );
                    }
                });
            });
        actions
    }

    /// The size and community controls of the explore bar.
    pub fn controls(&self, ui: &mut egui::Ui, size_by: SizeBy, communities: bool) -> Vec<Action> {
        use super::explore::Explore;
        let mut actions = Vec::new();
        ui.label("Size:");
        egui::ComboBox::from_id_salt("size-by")
            .selected_text(size_by.label())
            .width(110.0)
            .show_ui(ui, |ui| {
                for s in SizeBy::ALL {
                    if ui.selectable_label(s == size_by, s.label()).clicked() {
                        actions.push(Action::Explore(Explore::SizeBy(s)));
                    }
                }
            })
            .response
            .on_hover_text("What a node's size shows");
        if ui
            .add(egui::Button::selectable(communities, "Communities"))
            .on_hover_text("Colour the nodes by community (Louvain), with a legend (C)")
            .clicked()
        {
            actions.push(Action::Explore(Explore::ToggleCommunities));
        }
        if self.busy() && (communities || size_by != SizeBy::Mentions) {
            ui.spinner().on_hover_text("Computing the structure…");
        }
        actions
    }
}

/// A function naming each community by its top actors (most mentioned first; other nodes when
/// a community has no actor), with its size; built on the UI thread, run on the worker.
fn legend_names(
    graph: &NewsGraph,
    simple: &Simple,
) -> impl FnOnce(&[u32]) -> Vec<(usize, String)> + Send + use<> {
    let g = graph.graph();
    let nodes: Vec<(bool, u32, String)> = simple
        .nodes
        .iter()
        .map(|&i| {
            let n = &g[i];
            (n.kind.is_actor(), n.mentions, theme::displayable(&n.name))
        })
        .collect();
    move |community: &[u32]| {
        let count = community.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (v, &c) in community.iter().enumerate() {
            members[c as usize].push(v);
        }
        members
            .into_iter()
            .map(|mut list| {
                list.sort_by(|&a, &b| {
                    (nodes[b].0, nodes[b].1)
                        .cmp(&(nodes[a].0, nodes[a].1))
                        .then(a.cmp(&b))
                });
                let names: Vec<&str> = list
                    .iter()
                    .take(NAMED_BY)
                    .map(|&v| nodes[v].2.as_str())
                    .collect();
                (list.len(), names.join(", "))
            })
            .collect()
    }
}
