//! The graph canvas: the egui_graphs view of the `NewsGraph`, driven by our own force layout.
//!
//! The view graph holds small `Copy` handles into the domain graph; colours, selection and hover
//! live here, never in the model. Positions come from [`crate::layout::LayoutWorker`]: the force
//! layout steps on a thread of its own while it is unsettled, and every frame takes the
//! positions it last published, so a frame costs the drawing alone.
//!
//! Idle means idle: egui_graphs' `GraphView::show` requests a repaint on every frame it draws.
//! So once the layout has settled and nobody has touched the canvas for a moment, the canvas
//! is drawn by [`GraphPanel::draw_still`] instead, with the very same node and edge shapes but
//! without the widget, and nothing asks for another frame. The first pointer movement, press or
//! scroll over the canvas brings the live widget back.

use std::collections::HashMap;

use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, DrawContext, EdgeProps, GraphChange, GraphView, Layout, LayoutState,
    MetadataFrame, Node, NodeProps, SettingsInteraction, SettingsNavigation, SettingsStyle,
};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, EdgeIndex, NodeIndex, StableGraph};
use serde::{Deserialize, Serialize};

mod canvas;
mod explore_ops;
mod placing;
mod sync;

use super::Action;
use super::edge_detail::EdgeKey;
use super::explore::Explore;
use super::lens::Lens;
use super::theme;
use crate::files::layout_file::{ApplyReport, LayoutFile, Placement, ViewState, match_keys};
use crate::graph::{EdgeKind, NodeKey, NodeKind};
use crate::layout::{LayoutParams, LayoutWorker, place_new_nodes};

/// egui_graphs id under which the view keeps its zoom and pan.
const VIEW_ID: &str = "newsgraph";
/// Id scope of the canvas widget, live or still.
const CANVAS_ID: &str = "newsgraph-canvas";
/// Seconds the live widget stays after the last interaction.
const LIVE_AFTER_INPUT_SECS: f64 = 1.0;
/// A node dragged less than this far, in screen points, was clicked, not moved.
const PIN_AFTER_POINTS: f32 = 3.0;
/// Empty space kept around a fitted graph, in screen points.
const FIT_MARGIN: f32 = 48.0;
/// Graphs up to this size label every node.
const LABEL_ALL_BELOW: usize = 120;

/// What a view node stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeHandle {
    /// Index into the domain graph.
    pub index: NodeIndex,
    /// Kind, for colour and shape.
    pub kind: NodeKind,
    /// Radius in canvas units (by mentions).
    pub radius: f32,
    /// Whether its label shows at any zoom.
    pub always_label: bool,
    /// Hidden by a focus or filter: not drawn, not hit.
    pub hidden: bool,
    /// Fill colour (by kind, or by community).
    pub fill: Color32,
}

/// What a view edge stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeHandle {
    /// Index into the domain graph.
    pub edge: EdgeIndex,
    /// Kind, for colour and arrow.
    pub kind: EdgeKind,
    /// Stroke width in points.
    pub width: f32,
}

/// The egui_graphs graph type of the view.
pub type ViewGraph =
    egui_graphs::Graph<NodeHandle, EdgeHandle, Directed, DefaultIx, NodeShape, EdgeShape>;

/// Drawing of one node: shape and colour by kind, size by mentions, a readable label.
#[derive(Debug, Clone)]
pub struct NodeShape {
    pub(super) pos: Pos2,
    pub(super) handle: NodeHandle,
    pub(super) selected: bool,
    pub(super) hovered: bool,
    pub(super) dragged: bool,
}

impl From<NodeProps<NodeHandle>> for NodeShape {
    fn from(props: NodeProps<NodeHandle>) -> Self {
        Self {
            pos: props.location(),
            handle: props.payload,
            selected: props.selected,
            hovered: props.hovered,
            dragged: props.dragged,
        }
    }
}

impl DisplayNode<NodeHandle, EdgeHandle, Directed, DefaultIx> for NodeShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        // egui_graphs asks this of every node on every frame (for the graph's bounds);
        // `Vec2::normalized` goes through `hypot`, several times slower than this.
        let len = (dir.x * dir.x + dir.y * dir.y).sqrt();
        if len > 0.0 {
            self.pos + dir * (self.handle.radius / len)
        } else {
            self.pos
        }
    }

    fn shapes(&mut self, _ctx: &DrawContext) -> Vec<Shape> {
        // The panel draws every node afterwards, in batches with the edges and the labels
        // (see `GraphPanel::canvas_shapes`); the widget keeps hovering, clicking and dragging.
        Vec::new()
    }

    fn update(&mut self, state: &NodeProps<NodeHandle>) {
        self.pos = state.location();
        self.handle = state.payload;
        self.selected = state.selected;
        self.hovered = state.hovered;
        self.dragged = state.dragged;
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        // A little slack so small nodes are easy to hit.
        let reach = self.handle.radius + 2.0;
        !self.handle.hidden && (pos - self.pos).length_sq() <= reach * reach
    }
}

fn node_shapes(n: &NodeShape, meta: &MetadataFrame, colors: &theme::Canvas) -> Vec<Shape> {
    let center = meta.canvas_to_screen_pos(n.pos);
    let r = meta.canvas_to_screen_size(n.handle.radius).max(2.5);
    let fill = n.handle.fill;
    let stroke = if n.selected {
        Stroke::new(3.0, colors.selected)
    } else if n.hovered {
        Stroke::new(2.0, colors.hovered)
    } else {
        Stroke::new(1.0, colors.outline(fill))
    };
    vec![theme::kind_shape(n.handle.kind, center, r, fill, stroke)]
}

/// The widget's edge type. The view graph holds no edges: the panel draws them all in one
/// batch (egui_graphs would clone both end nodes of every edge on every frame).
#[derive(Debug, Clone)]
pub struct EdgeShape;

impl From<EdgeProps<EdgeHandle>> for EdgeShape {
    fn from(_props: EdgeProps<EdgeHandle>) -> Self {
        Self
    }
}

type ViewNode = Node<NodeHandle, EdgeHandle, Directed, DefaultIx, NodeShape>;

impl DisplayEdge<NodeHandle, EdgeHandle, Directed, DefaultIx, NodeShape> for EdgeShape {
    fn shapes(&mut self, _start: &ViewNode, _end: &ViewNode, _ctx: &DrawContext) -> Vec<Shape> {
        Vec::new()
    }

    fn update(&mut self, _state: &EdgeProps<EdgeHandle>) {}

    fn is_inside(&self, _start: &ViewNode, _end: &ViewNode, _pos: Pos2) -> bool {
        false
    }
}

/// Screen radius below which a node is drawn as a plain square in the batch: at that size
/// the kinds' outlines cannot be told apart, and thousands of them cost a mesh each.
const DOT_RADIUS: f32 = 3.0;
/// Edges shorter than this on screen get no arrowhead.
const ARROW_MIN_LENGTH: f32 = 24.0;

/// Up to this many visible edges get soft rims; beyond it they are plain quads, half the
/// vertices, in a picture too dense for the rims to show.
const FEATHERED_EDGES: usize = 6000;

/// Layout state for egui_graphs: empty, because positions come from our own engine.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExternalLayoutState;

impl LayoutState for ExternalLayoutState {}

/// An egui_graphs layout that leaves positions alone (our engine sets them).
#[derive(Debug, Default)]
pub struct ExternalLayout;

impl Layout<ExternalLayoutState> for ExternalLayout {
    fn from_state(_state: ExternalLayoutState) -> impl Layout<ExternalLayoutState> {
        ExternalLayout
    }

    fn next<N, E, Ty, Ix, Dn, De>(
        &mut self,
        _g: &mut egui_graphs::Graph<N, E, Ty, Ix, Dn, De>,
        _ui: &egui::Ui,
    ) where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::stable_graph::IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> ExternalLayoutState {
        ExternalLayoutState
    }
}

/// The canvas and everything it keeps between frames.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of one widget's state"
)]
pub struct GraphPanel {
    view: ViewGraph,
    /// Node keys in layout order (layout index = position in this list).
    keys: Vec<NodeKey>,
    /// Node labels in layout order (kept here, not in the view graph, which egui_graphs
    /// copies node by node on every frame).
    labels: Vec<String>,
    by_key: HashMap<NodeKey, usize>,
    /// Layout index -> view node index.
    view_nodes: Vec<NodeIndex>,
    layout: LayoutWorker,
    /// Edges between layout indices, drawn by the panel in one batch.
    edges: Vec<(u32, u32, EdgeHandle)>,
    /// Screen position of every node in the last frame drawn (layout order).
    screen: Vec<Pos2>,
    /// The drawn edge under the pointer, if any.
    hovered_edge: Option<usize>,
    /// The mesh of edges and small nodes, kept between frames.
    batch: canvas::Batch,
    /// Scratch list of the edges in view, kept between frames.
    shown_edges: Vec<u32>,
    /// Whether the egui_graphs widget has been shown (it fits the view on its first frame).
    widget_seen: bool,
    synced_revision: Option<u64>,
    live_until: f64,
    selected_view: Option<NodeIndex>,
    pending_fit: bool,
    /// Keep fitting the view while the layout unfolds, until the user pans, zooms or drags.
    follow: bool,
    pending_view: Option<ViewState>,
    last_view: ViewState,
    last_rect: Rect,
    frames_live: u64,
    frames_still: u64,
    /// Screen points the dragged node has travelled since the press.
    drag_travel: f32,
    /// The node pressed and where it was then (layout index, place).
    drag_from: Option<(usize, Placement)>,
    /// A saved view was put in place this frame: the widget must not fit over it.
    view_forced: bool,
    /// Domain index of each layout index.
    domain: Vec<NodeIndex>,
    /// What is shown and stressed.
    lens: Lens,
    /// Bumped whenever the lens was reset, so the owner knows to set it again.
    lens_epoch: u64,
    /// A smooth move of the view towards a node.
    glide: Option<Glide>,
    /// Where nodes no longer drawn last were (left out of the actor view, or of a graph rebuilt
    /// without their article), so they come back to their places.
    remembered: HashMap<NodeKey, [f32; 2]>,
    /// The colours of the theme of the last frame.
    colors: theme::Canvas,
}

/// A smooth move of the view: from one zoom and pan to another over [`GLIDE_SECS`].
#[derive(Debug, Clone, Copy)]
struct Glide {
    from: ViewState,
    to_node: usize,
    to_zoom: f32,
    started: Option<f64>,
}

/// Seconds a glide to a found node takes.
const GLIDE_SECS: f64 = 0.45;
/// Zoom a glide ends at, at least (so that the node and its neighbours can be read).
const GLIDE_MIN_ZOOM: f32 = 1.2;
/// Zoom factor per point of plain mouse-wheel scrolling.
const WHEEL_ZOOM_PER_POINT: f32 = 0.0035;

/// What the canvas stresses, dimming the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stress {
    /// Nothing: every node at full strength.
    Nothing,
    /// A node, its edges and its neighbours.
    Neighbours(NodeKey),
    /// The nodes of paths and the edges between consecutive ones.
    Paths(Vec<Vec<NodeKey>>),
    /// A group of nodes (a community) and the edges among them.
    Group(Vec<NodeKey>),
}

impl Default for GraphPanel {
    fn default() -> Self {
        Self::new()
    }
}

/// The layout thread of a canvas. Its repulsion may use every core but one, which is left to
/// drawing (on two cores, a frame waited for the layout's helper thread otherwise).
fn layout_worker() -> LayoutWorker {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let mut worker = LayoutWorker::new(LayoutParams::default());
    worker.set_max_threads(cores.saturating_sub(1).max(1));
    worker
}

/// The radius of a node by its mentions (the default size).
pub fn node_radius(kind: NodeKind, mentions: u32) -> f32 {
    #[allow(clippy::cast_precision_loss, reason = "mention counts are small")]
    let m = mentions as f32;
    let base = match kind {
        NodeKind::Event => 5.0,
        NodeKind::Issue => 7.0,
        _ => 6.0,
    };
    (base + 3.0 * (1.0 + m).ln()).min(26.0)
}

impl GraphPanel {
    /// An empty canvas.
    pub fn new() -> Self {
        Self {
            view: ViewGraph::from(&StableGraph::default()),
            keys: Vec::new(),
            labels: Vec::new(),
            by_key: HashMap::new(),
            view_nodes: Vec::new(),
            layout: layout_worker(),
            edges: Vec::new(),
            batch: canvas::Batch::default(),
            shown_edges: Vec::new(),
            screen: Vec::new(),
            hovered_edge: None,
            widget_seen: false,
            synced_revision: None,
            live_until: 0.0,
            selected_view: None,
            pending_fit: true,
            follow: true,
            pending_view: None,
            last_view: ViewState::default(),
            last_rect: Rect::NOTHING,
            frames_live: 0,
            frames_still: 0,
            drag_travel: 0.0,
            drag_from: None,
            view_forced: false,
            domain: Vec::new(),
            lens: Lens::default(),
            lens_epoch: 0,
            glide: None,
            remembered: HashMap::new(),
            colors: theme::Canvas::of(true),
        }
    }

    /// Pauses or resumes the layout.
    pub fn toggle_running(&mut self) {
        self.layout.set_running(!self.layout.is_running());
    }

    /// Whether the layout is allowed to run.
    pub fn is_running(&self) -> bool {
        self.layout.is_running()
    }

    /// Whether the layout has come to rest (that of the shown nodes while some are hidden), as
    /// far as the last frame knows.
    pub fn is_settled(&self) -> bool {
        self.layout.is_settled()
    }

    /// Waits until the layout thread has taken every change made so far and takes its
    /// positions (for tests and benchmarks; a frame never waits). Returns whether it did
    /// within `timeout`.
    pub fn sync_layout(&mut self, timeout: std::time::Duration) -> bool {
        let done = self.layout.sync(timeout);
        self.copy_positions_to_view();
        done
    }

    /// Fits the whole graph into the canvas on the next frame, and keeps it fitted while the
    /// layout is still moving.
    pub fn fit(&mut self) {
        self.pending_fit = true;
        self.follow = true;
    }

    /// Zooms by `factor` around the middle of the canvas, from the next frame on; the view
    /// stops following the layout.
    pub fn zoom_by(&mut self, factor: f32) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let v = self.pending_view.unwrap_or(self.last_view);
        let zoom = (v.zoom * factor).clamp(0.005, 20.0);
        let applied = zoom / v.zoom;
        let centre = self.last_rect.size() / 2.0;
        let pan = Vec2::new(v.pan[0], v.pan[1]);
        let pan = centre - (centre - pan) * applied;
        self.pending_view = Some(ViewState {
            zoom,
            pan: [pan.x, pan.y],
        });
        self.follow = false;
        self.pending_fit = false;
    }

    /// The zoom of the last frame (screen points per canvas unit).
    pub fn zoom(&self) -> f32 {
        self.last_view.zoom
    }

    /// Layout steps taken since the canvas was made, as far as the last frame knows (for
    /// benchmarks).
    pub fn layout_steps(&self) -> u64 {
        self.layout.steps_taken()
    }

    /// Frames drawn with the live widget and still, since start (for tests and diagnostics).
    pub fn frame_counts(&self) -> (u64, u64) {
        (self.frames_live, self.frames_still)
    }

    /// Current canvas position of a node.
    pub fn position(&self, key: &NodeKey) -> Option<[f32; 2]> {
        self.by_key.get(key).map(|&i| self.layout.positions()[i])
    }

    /// Where the last frame drew a node, in canvas units (what the user saw, as opposed to
    /// [`Self::position`], where the layout has it).
    pub fn drawn_position(&self, key: &NodeKey) -> Option<[f32; 2]> {
        let &i = self.by_key.get(key)?;
        let node = self.view.node(self.view_nodes[i])?;
        let p = node.display().pos;
        Some([p.x, p.y])
    }

    /// Where a node was drawn on screen in the last frame.
    pub fn screen_position(&self, key: &NodeKey) -> Option<Pos2> {
        let p = self.position(key)?;
        let v = self.last_view;
        Some(self.last_rect.min + Vec2::new(p[0] * v.zoom + v.pan[0], p[1] * v.zoom + v.pan[1]))
    }

    /// The colours the last frame was drawn with (those of the window's theme).
    pub fn colors(&self) -> theme::Canvas {
        self.colors
    }

    /// The canvas's rectangle on screen in the last frame.
    pub fn canvas_rect(&self) -> Rect {
        self.last_rect
    }

    /// The canvas point under a screen point, with the view of the last frame.
    pub fn canvas_at(&self, screen: Pos2) -> Pos2 {
        let v = self.last_view;
        ((screen - self.last_rect.min - Vec2::new(v.pan[0], v.pan[1])) / v.zoom).to_pos2()
    }

    /// The layout as a file: positions, pins and view.
    pub fn snapshot(&self) -> LayoutFile {
        let nodes = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                (
                    k.clone(),
                    Placement {
                        pos: self.layout.positions()[i],
                        pinned: self.layout.is_pinned(i),
                    },
                )
            })
            // The places of nodes the view leaves out for now (the actor view's events).
            .chain(
                self.remembered
                    .iter()
                    .filter(|(k, _)| !self.by_key.contains_key(*k))
                    .map(|(k, &pos)| (k.clone(), Placement { pos, pinned: false })),
            )
            .collect();
        LayoutFile::new(self.last_view, nodes)
    }

    /// Applies a saved layout: matching nodes take their saved places (pinned ones stay
    /// pinned), the rest are placed near their neighbours; the view follows on the next frame.
    pub fn apply(&mut self, file: &LayoutFile) -> ApplyReport {
        let (placements, report) = match_keys(file, &self.keys);
        let mut positions = self.layout.positions().to_vec();
        let mut known = vec![false; positions.len()];
        for (i, p) in placements.iter().enumerate() {
            if let Some(p) = p {
                positions[i] = p.pos;
                known[i] = true;
            }
        }
        let edges = self.layout_edges();
        place_new_nodes(
            &mut positions,
            &known,
            &edges,
            self.layout.params().edge_length,
            7,
        );
        let places: Vec<(usize, [f32; 2])> = positions.into_iter().enumerate().collect();
        self.layout.place(&places);
        // Only nodes pinned when saved come back pinned; the rest may settle.
        let pins: Vec<(usize, bool)> = placements
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p.as_ref().is_some_and(|p| p.pinned)))
            .collect();
        self.layout.pin(&pins);
        self.layout.reheat();
        // A focus starts again from the loaded places.
        self.lens.clear();
        self.layout.set_focus(None);
        self.lens_epoch += 1;
        self.copy_positions_to_view();
        self.pending_view = Some(file.view);
        report
    }

    fn layout_edges(&self) -> Vec<(u32, u32, f32)> {
        self.edges.iter().map(|&(a, b, _)| (a, b, 1.0)).collect()
    }

    fn copy_positions_to_view(&mut self) {
        let dragged = self.view.dragged_node();
        for (i, &v) in self.view_nodes.iter().enumerate() {
            if Some(v) == dragged {
                continue;
            }
            let p = self.layout.positions()[i];
            if let Some(node) = self.view.node_mut(v) {
                node.set_location(Pos2::new(p[0], p[1]));
            }
        }
    }

    fn sync_selection(&mut self, selected: Option<&NodeKey>) {
        let want = selected
            .and_then(|k| self.by_key.get(k))
            .map(|&i| self.view_nodes[i]);
        if want == self.selected_view {
            return;
        }
        if let Some(old) = self.selected_view
            && let Some(n) = self.view.node_mut(old)
        {
            n.set_selected(false);
        }
        if let Some(new) = want
            && let Some(n) = self.view.node_mut(new)
        {
            n.set_selected(true);
        }
        self.view.set_selected_nodes(want.into_iter().collect());
        self.selected_view = want;
    }

    fn key_of_view(&self, v: NodeIndex) -> Option<NodeKey> {
        self.view_nodes
            .iter()
            .position(|&x| x == v)
            .map(|i| self.keys[i].clone())
    }

    /// Whether the canvas needs frames right now (layout moving or recent input).
    pub fn is_live(&self, now: f64) -> bool {
        self.layout_active()
            || now < self.live_until
            || self.glide.is_some()
            || self.pending_fit
            || self.pending_view.is_some()
            || self.view.dragged_node().is_some()
    }

    /// Keeps the live widget for a moment (after a change made from outside the canvas).
    pub fn wake(&mut self, now: f64) {
        self.live_until = self.live_until.max(now + LIVE_AFTER_INPUT_SECS);
    }

    /// Draws the canvas and returns what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui, selected: Option<&NodeKey>) -> Vec<Action> {
        let rect = ui.available_rect_before_wrap();
        self.last_rect = rect;
        self.colors = theme::Canvas::of(ui.visuals().dark_mode);
        let now = ui.input(|i| i.time);
        let touched = ui.rect_contains_pointer(rect)
            && ui.input(|i| {
                i.pointer.is_moving()
                    || i.pointer.any_down()
                    || i.pointer.any_released()
                    || i.smooth_scroll_delta != Vec2::ZERO
                    || (i.zoom_delta() - 1.0).abs() > f32::EPSILON
            });
        if touched {
            self.wake(now);
        }
        let steered = ui.rect_contains_pointer(rect)
            && ui.input(|i| {
                i.pointer.any_down()
                    || i.smooth_scroll_delta != Vec2::ZERO
                    || (i.zoom_delta() - 1.0).abs() > f32::EPSILON
            });
        if steered {
            self.follow = false;
        }
        self.sync_selection(selected);

        if steered {
            self.glide = None;
        }
        self.wheel_zoom(ui, rect);
        if self.layout.poll() {
            self.copy_positions_to_view();
            // Follow the unfolding layout, including the frame in which it comes to rest.
            if self.follow {
                self.pending_fit = true;
            }
        }
        self.apply_pending_view(ui, rect);

        if self.is_live(now) {
            self.frames_live += 1;
            self.show_live(ui)
        } else {
            self.frames_still += 1;
            self.draw_still(ui);
            Vec::new()
        }
    }

    fn apply_pending_view(&mut self, ui: &mut egui::Ui, rect: Rect) {
        let mut meta = MetadataFrame::new(Some(VIEW_ID.to_string())).load(ui);
        let mut changed = false;
        if let Some(v) = self.pending_view.take() {
            meta.zoom = v.zoom;
            meta.pan = Vec2::new(v.pan[0], v.pan[1]);
            changed = true;
            self.view_forced = true;
        } else if self.pending_fit && !self.keys.is_empty() && rect.width() > 10.0 {
            self.pending_fit = false;
            let (mut min, mut max) = (Pos2::new(f32::MAX, f32::MAX), Pos2::new(f32::MIN, f32::MIN));
            for (i, p) in self.layout.positions().iter().enumerate() {
                if !self.lens.is_shown(i) {
                    continue;
                }
                min = min.min(Pos2::new(p[0], p[1]));
                max = max.max(Pos2::new(p[0], p[1]));
            }
            // A margin in screen points, so labels at the rim stay inside at any zoom.
            let size = (max - min).max(Vec2::splat(50.0));
            let room = (rect.size() - Vec2::splat(2.0 * FIT_MARGIN)).max(Vec2::splat(20.0));
            let zoom = (room.x / size.x).min(room.y / size.y).clamp(0.02, 2.5);
            let center = min + (max - min) / 2.0;
            meta.zoom = zoom;
            meta.pan = rect.size() / 2.0 - center.to_vec2() * zoom;
            log::debug!("fit: rect {rect:?}, bounds {min:?}..{max:?}, zoom {zoom}");
            changed = true;
        } else if let Some(glide) = &mut self.glide
            && rect.width() > 10.0
        {
            let now = ui.input(|i| i.time);
            let started = *glide.started.get_or_insert(now);
            #[allow(clippy::cast_possible_truncation, reason = "a fraction in 0..=1")]
            let t = ((now - started) / GLIDE_SECS).clamp(0.0, 1.0) as f32;
            // Ease in and out.
            let e = t * t * (3.0 - 2.0 * t);
            let from = glide.from;
            let half = rect.size() / 2.0;
            let start_centre = (half - Vec2::new(from.pan[0], from.pan[1])) / from.zoom;
            let p = self
                .layout
                .positions()
                .get(glide.to_node)
                .copied()
                .unwrap_or_default();
            let target = Vec2::new(p[0], p[1]);
            let centre = start_centre + (target - start_centre) * e;
            let zoom = from.zoom * (glide.to_zoom / from.zoom).powf(e);
            meta.zoom = zoom;
            meta.pan = half - centre * zoom;
            changed = true;
            if t >= 1.0 {
                self.glide = None;
            }
            ui.ctx().request_repaint();
        } else if self.keys.is_empty() {
            self.pending_fit = false;
        }
        if changed {
            meta.clone().save(ui);
        }
        self.last_view = ViewState {
            zoom: meta.zoom,
            pan: [meta.pan.x, meta.pan.y],
        };
    }

    fn show_live(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let interactions = SettingsInteraction::new()
            .with_dragging_enabled(true)
            .with_hover_enabled(true)
            .with_node_clicking_enabled(true)
            .with_node_selection_enabled(true);
        let navigation = SettingsNavigation::new()
            .with_fit_to_screen_enabled(false)
            .with_zoom_and_pan_enabled(true)
            .with_zoom_speed(0.08);
        let style = SettingsStyle::new().with_labels_always(false);
        // A widget id of its own, the same every frame whatever was drawn before it: egui_graphs
        // fits the view to the screen on the first frame of every new id, which would undo
        // the user's zoom.
        let intended = MetadataFrame::new(Some(VIEW_ID.to_string())).load(ui);
        let view = &mut self.view;
        let response = ui
            .push_id(CANVAS_ID, |ui| {
                GraphView::<ExternalLayoutState, ExternalLayout>::new()
                    .with_interactions(&interactions)
                    .with_navigations(&navigation)
                    .with_styles(&style)
                    .with_id(Some(VIEW_ID.to_string()))
                    .show(ui, view)
            })
            .inner;
        // egui_graphs fits the graph to the screen on the widget's first frame (with its own
        // margins); the view is ours, so put it back.
        if !self.widget_seen || std::mem::take(&mut self.view_forced) {
            self.widget_seen = true;
            intended.save(ui);
        }
        let mut actions = Vec::new();
        let mut selected = None;
        let mut deselected = false;
        for change in response.changes {
            match change {
                GraphChange::NodeSelected { node } | GraphChange::NodeClicked { node } => {
                    selected = Some(node);
                }
                GraphChange::NodeDeselected { .. } => deselected = true,
                // A press starts a "drag" even when the node never moves; only a real move
                // (a few points on screen) pins the node.
                GraphChange::NodeDragStarted { node } => self.drag_started(node),
                GraphChange::NodeDragEnded { .. } => actions.extend(self.drag_ended()),
                GraphChange::NodeMoved {
                    node,
                    new_position,
                    delta,
                } => {
                    self.drag_travel += delta.length() * self.last_view.zoom;
                    if self.drag_travel < PIN_AFTER_POINTS {
                        continue;
                    }
                    if let Some(i) = self.view_nodes.iter().position(|&x| x == node) {
                        self.layout
                            .set_position(i, [new_position.x, new_position.y]);
                        self.layout.set_pinned(i, true);
                        self.layout.reheat();
                    }
                }
                _ => {}
            }
        }
        if let Some(node) = selected {
            if let Some(key) = self.key_of_view(node) {
                self.selected_view = Some(node);
                actions.push(Action::Select(Some(key)));
            }
        } else if deselected {
            self.selected_view = None;
            actions.push(Action::Select(None));
        }
        let mut meta = MetadataFrame::new(Some(VIEW_ID.to_string())).load(ui);
        self.last_view = ViewState {
            zoom: meta.zoom,
            pan: [meta.pan.x, meta.pan.y],
        };
        let rect = self.last_rect;
        meta.pan += rect.left_top().to_vec2();
        let shapes = self.canvas_shapes(ui.ctx(), &meta, rect.expand(40.0));
        ui.painter_at(rect).extend(shapes);
        self.hovered_edge = self.edge_under_pointer(ui, rect);
        if let Some(e) = self.hovered_edge
            && ui.input(|i| i.pointer.primary_clicked())
            && let Some(&(a, b, h)) = self.edges.get(e)
        {
            actions.push(Action::Explore(Explore::SelectEdge(Some(EdgeKey {
                source: self.keys[a as usize].clone(),
                target: self.keys[b as usize].clone(),
                kind: h.kind,
            }))));
        }
        actions
    }

    /// Draws the settled graph with the same shapes as the live widget, without asking for
    /// more frames.
    fn draw_still(&mut self, ui: &mut egui::Ui) {
        self.hovered_edge = None;
        // Same allocation as the live widget, so a press here and a release in the live widget
        // still make one click.
        let (response, painter) = ui
            .push_id(CANVAS_ID, |ui| {
                ui.allocate_painter(ui.available_size(), Sense::click_and_drag())
            })
            .inner;
        // The displays hold what the live widget last drew; the graph may have been rebuilt or
        // moved since (a load that settles within its first frame never reaches the widget).
        for i in 0..self.view_nodes.len() {
            if let Some(node) = self.view.node_mut(self.view_nodes[i]) {
                let props = node.props().clone();
                node.display_mut().update(&props);
            }
        }
        let mut meta = MetadataFrame::new(Some(VIEW_ID.to_string())).load(ui);
        meta.pan += response.rect.left_top().to_vec2();
        let shapes = self.canvas_shapes(ui.ctx(), &meta, response.rect.expand(40.0));
        painter.extend(shapes);
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
