//! The canvas's exploring side: what it shows and stresses (focus, filter, selection, path),
//! the glide to a found node, plain mouse-wheel zoom, and the edge under the pointer.

use egui::{Pos2, Rect};
use egui_graphs::MetadataFrame;

use super::{GLIDE_MIN_ZOOM, Glide, GraphPanel, Stress, VIEW_ID, WHEEL_ZOOM_PER_POINT};
use crate::graph::NodeKey;
use crate::ui::edge_detail::EdgeKey;
use crate::ui::lens;

impl GraphPanel {
    /// Shows only the nodes marked in `shown` (indexed by domain `NodeIndex::index()`; `None`
    /// shows all) and the edges marked in `shown_edges` (by `EdgeIndex::index()`) between them, and stresses `stress`, dimming the rest. While some nodes are hidden the
    /// layout runs on the shown ones alone; showing everything again lets the whole layout run
    /// from where the shown nodes went.
    pub fn set_lens(
        &mut self,
        shown: Option<&[bool]>,
        shown_edges: Option<&[bool]>,
        stress: &Stress,
    ) {
        let n = self.keys.len();
        let shown: Option<Vec<bool>> = shown.map(|mask| {
            self.domain
                .iter()
                .map(|d| mask.get(d.index()).copied().unwrap_or(false))
                .collect()
        });
        let shown_edges: Option<Vec<bool>> = shown_edges.map(|mask| {
            self.edges
                .iter()
                .map(|(_, _, h)| mask.get(h.edge.index()).copied().unwrap_or(false))
                .collect()
        });
        let pairs: Vec<(u32, u32)> = self.edges.iter().map(|&(a, b, _)| (a, b)).collect();
        if self.lens.set_shown(shown, shown_edges) {
            for (i, &v) in self.view_nodes.iter().enumerate() {
                let hidden = !self.lens.is_shown(i);
                if let Some(node) = self.view.node_mut(v) {
                    node.payload_mut().hidden = hidden;
                    node.display_mut().handle.hidden = hidden;
                }
            }
            // While part of the graph is hidden, the layout runs on the rest alone; showing
            // everything again lets the whole layout move on from there.
            self.layout.set_focus(self.lens.focus(n, &pairs));
            self.fit();
        }
        let layout_index = |k: &NodeKey| self.by_key.get(k).copied();
        let stress = match stress {
            Stress::Nothing => None,
            Stress::Neighbours(k) => layout_index(k).map(|i| lens::neighbours_stress(n, &pairs, i)),
            Stress::Paths(paths) => {
                let paths: Vec<Vec<usize>> = paths
                    .iter()
                    .map(|keys| keys.iter().filter_map(layout_index).collect())
                    .collect();
                (paths.iter().any(|p| !p.is_empty())).then(|| lens::path_stress(n, &pairs, &paths))
            }
            Stress::Group(keys) => {
                let members: Vec<usize> = keys.iter().filter_map(layout_index).collect();
                Some(lens::group_stress(n, &pairs, &members))
            }
        };
        self.lens.set_stress(stress);
    }

    /// Sizes and colours every node: `radius` and `fill` are given the domain index of each.
    pub fn set_appearance(
        &mut self,
        radius: &dyn Fn(petgraph::stable_graph::NodeIndex) -> f32,
        fill: &dyn Fn(petgraph::stable_graph::NodeIndex) -> egui::Color32,
    ) {
        for (i, &v) in self.view_nodes.iter().enumerate() {
            let d = self.domain[i];
            let (r, f) = (radius(d), fill(d));
            if let Some(node) = self.view.node_mut(v) {
                node.payload_mut().radius = r;
                node.payload_mut().fill = f;
                node.display_mut().handle.radius = r;
                node.display_mut().handle.fill = f;
            }
        }
    }

    /// The fill colour a node is drawn with (for tests).
    pub fn fill_of(&self, key: &NodeKey) -> Option<egui::Color32> {
        let &i = self.by_key.get(key)?;
        self.view.node(self.view_nodes[i]).map(|n| n.payload().fill)
    }

    /// The radius a node is drawn with, in canvas units (for tests).
    pub fn radius_of(&self, key: &NodeKey) -> Option<f32> {
        let &i = self.by_key.get(key)?;
        self.view
            .node(self.view_nodes[i])
            .map(|n| n.payload().radius)
    }

    /// Changes whenever the lens was reset (graph rebuilt, layout loaded): set it again.
    pub fn lens_epoch(&self) -> u64 {
        self.lens_epoch
    }

    /// Number of nodes shown (all unless a focus or filter hides some).
    pub fn shown_count(&self) -> usize {
        self.lens.shown_count(self.keys.len())
    }

    /// Whether a node is shown (false for unknown keys).
    pub fn is_shown(&self, key: &NodeKey) -> bool {
        self.by_key.get(key).is_some_and(|&i| self.lens.is_shown(i))
    }

    /// Whether some drawn edge between two nodes (either way) is shown (for tests).
    pub fn edge_is_shown(&self, a: &NodeKey, b: &NodeKey) -> bool {
        let (Some(&a), Some(&b)) = (self.by_key.get(a), self.by_key.get(b)) else {
            return false;
        };
        let (Ok(a), Ok(b)) = (u32::try_from(a), u32::try_from(b)) else {
            return false;
        };
        self.edges.iter().enumerate().any(|(e, &(x, y, _))| {
            ((x, y) == (a, b) || (x, y) == (b, a)) && self.lens.edge_shown(e, x, y)
        })
    }

    /// Whether a node is drawn at full strength (not dimmed by a selection or path).
    pub fn is_stressed(&self, key: &NodeKey) -> bool {
        self.by_key
            .get(key)
            .is_some_and(|&i| self.lens.is_stressed(i))
    }

    /// Moves the view smoothly so that a node ends in the middle of the canvas, zooming in
    /// when the view is far out.
    pub fn glide_to(&mut self, key: &NodeKey) {
        let Some(&i) = self.by_key.get(key) else {
            return;
        };
        let from = self.pending_view.unwrap_or(self.last_view);
        self.glide = Some(Glide {
            from,
            to_node: i,
            to_zoom: from.zoom.max(GLIDE_MIN_ZOOM),
            started: None,
        });
        self.follow = false;
        self.pending_fit = false;
    }

    /// Whether the layout still has work to do (on the shown nodes while some are hidden).
    pub(super) fn layout_active(&self) -> bool {
        self.layout.is_running() && !self.layout.is_settled() && !self.keys.is_empty()
    }

    /// A plain mouse wheel zooms around the pointer (Ctrl+wheel and pinch are the widget's).
    pub(super) fn wheel_zoom(&mut self, ui: &mut egui::Ui, rect: Rect) {
        let Some(pointer) = ui.input(|i| i.pointer.hover_pos()) else {
            return;
        };
        if !rect.contains(pointer) || !ui.rect_contains_pointer(rect) {
            return;
        }
        let dy = ui.input(|i| {
            if i.modifiers.any() {
                0.0
            } else {
                i.smooth_scroll_delta.y
            }
        });
        if dy == 0.0 {
            return;
        }
        let mut meta = MetadataFrame::new(Some(VIEW_ID.to_string())).load(ui);
        let zoom = (meta.zoom * (dy * WHEEL_ZOOM_PER_POINT).exp()).clamp(0.005, 20.0);
        let local = pointer - rect.min;
        meta.pan = local - (local - meta.pan) * (zoom / meta.zoom);
        meta.zoom = zoom;
        meta.save(ui);
        self.follow = false;
        self.pending_fit = false;
        self.glide = None;
    }

    /// The shown edge nearest the pointer, within a few points, when no node is under it.
    pub(super) fn edge_under_pointer(&self, ui: &egui::Ui, rect: Rect) -> Option<usize> {
        /// How near the pointer must be to an edge, in screen points.
        const EDGE_HIT_POINTS: f32 = 4.0;
        if self.view.hovered_node().is_some() || self.view.dragged_node().is_some() {
            return None;
        }
        let pointer = ui.input(|i| i.pointer.hover_pos())?;
        if !ui.rect_contains_pointer(rect) {
            return None;
        }
        let mut best: Option<(f32, usize)> = None;
        for &e in &self.shown_edges {
            let Some(&(a, b, h)) = self.edges.get(e as usize) else {
                continue;
            };
            // With a selection or path, only its own (undimmed) edges answer the pointer.
            if !self.lens.edge_stressed(e as usize) {
                continue;
            }
            let (pa, pb) = (self.screen[a as usize], self.screen[b as usize]);
            let d = distance_to_segment(pointer, pa, pb);
            if d <= EDGE_HIT_POINTS + h.width / 2.0 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, e as usize));
            }
        }
        best.map(|(_, e)| e)
    }

    /// The edge under the pointer in the last frame, named by its ends and kind.
    pub fn hovered_edge(&self) -> Option<EdgeKey> {
        let &(a, b, h) = self.edges.get(self.hovered_edge?)?;
        Some(EdgeKey {
            source: self.keys[a as usize].clone(),
            target: self.keys[b as usize].clone(),
            kind: h.kind,
        })
    }
}

/// Distance from `p` to the segment from `a` to `b`.
fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    let t = if len2 > 0.0 {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p - (a + ab * t)).length()
}
