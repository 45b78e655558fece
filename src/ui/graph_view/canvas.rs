//! The canvas's shapes for one frame. Every visible edge and small node goes into one mesh kept
//! between frames (its buffers are refilled, never given back), with a texture of its own, a
//! single white pixel: egui then gives it a draw call of its own and copies it once into a
//! buffer of exactly its size, instead of growing a buffer shared with the shapes around it by
//! reallocation. Larger nodes with their outlines, the selected, hovered and dragged ones and
//! the labels follow as ordinary shapes.

use std::sync::Arc;

use egui::{Color32, ColorImage, Mesh, Pos2, Rect, Shape, Stroke, TextureHandle, TextureOptions};
use egui_graphs::MetadataFrame;

use super::{ARROW_MIN_LENGTH, DOT_RADIUS, FEATHERED_EDGES, GraphPanel, node_shapes, to_u32};
use crate::graph::EdgeKind;
use crate::ui::canvas_draw::{label_shapes, push_arrowhead, push_dot, push_line, push_plain_line};
use crate::ui::theme;

/// What the canvas keeps between frames for its batched drawing.
#[derive(Default)]
pub(super) struct Batch {
    /// The edges and small nodes of the last frame; refilled once egui has let go of it.
    mesh: Arc<Mesh>,
    /// The one white pixel the mesh is drawn with.
    white: Option<TextureHandle>,
    /// Screen radius of every node in the last frame (layout order).
    radii: Vec<f32>,
}

impl Batch {
    /// The mesh to fill this frame, emptied, its buffers kept when egui is done with them.
    fn take_mesh(&mut self, ctx: &egui::Context) -> Arc<Mesh> {
        let texture = self
            .white
            .get_or_insert_with(|| {
                ctx.load_texture(
                    "newsgraph-canvas-white",
                    ColorImage::new([1, 1], vec![Color32::WHITE]),
                    TextureOptions::NEAREST,
                )
            })
            .id();
        let mut arc = std::mem::take(&mut self.mesh);
        if let Some(mesh) = Arc::get_mut(&mut arc) {
            // Not `Mesh::clear`, which gives the vertex buffer back.
            mesh.vertices.clear();
            mesh.indices.clear();
        } else {
            arc = Arc::new(Mesh::default());
        }
        if let Some(mesh) = Arc::get_mut(&mut arc) {
            mesh.texture_id = texture;
        }
        arc
    }
}

impl GraphPanel {
    /// Everything the canvas shows, in few shapes: the visible edges and small nodes in one
    /// mesh, larger nodes with their kind's outline, the selected, hovered and dragged ones on
    /// top, then the labels. Nothing outside `visible` is drawn.
    pub(super) fn canvas_shapes(
        &mut self,
        ctx: &egui::Context,
        meta: &MetadataFrame,
        visible: Rect,
    ) -> Vec<Shape> {
        let feather = 1.0 / ctx.pixels_per_point();
        let colors = self.colors;
        let dark = colors.dark;
        let mut screen = std::mem::take(&mut self.screen);
        let mut radii = std::mem::take(&mut self.batch.radii);
        screen.clear();
        radii.clear();
        for &v in &self.view_nodes {
            let (p, r) = self.view.node(v).map_or((Pos2::ZERO, 0.0), |n| {
                (
                    meta.canvas_to_screen_pos(n.location()),
                    meta.canvas_to_screen_size(n.payload().radius).max(2.5),
                )
            });
            screen.push(p);
            radii.push(r);
        }
        let mut arc = self.batch.take_mesh(ctx);
        let mut outlined = Vec::new();
        let mut emphasised = Vec::new();
        let mut selected = Vec::new();
        if let Some(mesh) = Arc::get_mut(&mut arc) {
            let mut shown = std::mem::take(&mut self.shown_edges);
            shown.clear();
            let every = !self.lens.hides();
            for (e, &(a, b, _)) in self.edges.iter().enumerate() {
                if (every || self.lens.edge_shown(e, a, b))
                    && visible
                        .intersects(Rect::from_two_pos(screen[a as usize], screen[b as usize]))
                {
                    shown.push(to_u32(e));
                }
            }
            // Stressed edges last, on top of the dimmed ones.
            if self.lens.dims() {
                shown.sort_by_key(|&e| self.lens.edge_stressed(e as usize));
            }
            let soft = shown.len() <= FEATHERED_EDGES;
            let per_edge = if soft { (8, 18) } else { (4, 6) };
            mesh.vertices.reserve(shown.len() * per_edge.0);
            mesh.indices.reserve(shown.len() * per_edge.1);
            for &e in &shown {
                let (a, b, h) = self.edges[e as usize];
                let (pa, pb) = (screen[a as usize], screen[b as usize]);
                let base = theme::edge_color(h.kind, dark);
                let (color, width) = match (self.lens.dims(), self.lens.edge_stressed(e as usize)) {
                    (false, _) => (base, h.width),
                    (true, true) => (base.to_opaque(), h.width + 1.0),
                    (true, false) => (theme::dim(base), h.width),
                };
                if soft {
                    push_line(mesh, pa, pb, width, color, feather);
                } else {
                    push_plain_line(mesh, pa, pb, width, color);
                }
                if let EdgeKind::Acted(p) = h.kind
                    && !p.is_mutual()
                {
                    let d = pb - pa;
                    let len = (d.x * d.x + d.y * d.y).sqrt();
                    let rb = radii[b as usize];
                    if len - rb >= ARROW_MIN_LENGTH {
                        push_arrowhead(mesh, pb, d / len, rb, len, color);
                    }
                }
            }
            self.shown_edges = shown;
            mesh.vertices.reserve(8 * self.view_nodes.len());
            mesh.indices.reserve(18 * self.view_nodes.len());
            for (i, &v) in self.view_nodes.iter().enumerate() {
                let Some(n) = self.view.node(v) else { continue };
                let c = screen[i];
                if !self.lens.is_shown(i) || !visible.expand(radii[i]).contains(c) {
                    continue;
                }
                let d = n.display();
                let dimmed = !self.lens.is_stressed(i);
                if d.selected {
                    selected.extend(node_shapes(d, meta, &colors));
                } else if d.hovered || d.dragged {
                    emphasised.extend(node_shapes(d, meta, &colors));
                } else if radii[i] < DOT_RADIUS || dimmed {
                    let color = d.handle.fill;
                    let color = if dimmed { theme::dim(color) } else { color };
                    push_dot(mesh, d.handle.kind, c, radii[i], color);
                } else {
                    outlined.extend(node_shapes(d, meta, &colors));
                }
            }
        }
        let mut shapes = Vec::with_capacity(outlined.len() + emphasised.len() + 8);
        if !arc.is_empty() {
            shapes.push(Shape::Mesh(Arc::clone(&arc)));
        }
        self.batch.mesh = arc;
        self.batch.radii = radii;
        self.screen = screen;
        if let Some(e) = self.hovered_edge
            && let Some(&(a, b, h)) = self.edges.get(e)
        {
            // The hovered edge, drawn once more on top, brighter and wider.
            let (pa, pb) = (self.screen[a as usize], self.screen[b as usize]);
            let color = theme::edge_color(h.kind, dark).to_opaque();
            shapes.push(Shape::line_segment(
                [pa, pb],
                Stroke::new(h.width + 2.5, color),
            ));
        }
        shapes.extend(outlined);
        shapes.extend(emphasised);
        shapes.extend(selected);
        shapes.extend(label_shapes(
            ctx,
            &self.view,
            &self.labels,
            &self.lens,
            (&self.screen, &self.batch.radii),
            visible,
            &colors,
        ));
        shapes
    }
}
