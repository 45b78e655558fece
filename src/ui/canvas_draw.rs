//! Drawing helpers of the canvas: edges, arrowheads and small nodes appended to shared meshes,
//! and labels placed by importance so that none overlaps another.

use egui::epaint::TextShape;
use egui::{Color32, FontId, Mesh, Pos2, Rect, Shape, Vec2};
use egui_graphs::MetadataFrame;

use super::graph_view::ViewGraph;
use super::lens::Lens;
use super::theme;
use crate::graph::NodeKind;

/// A label that wants to be drawn, with what decides who wins a clash.
struct LabelCandidate {
    /// Lower draws first: selected, then hovered or dragged, then actors before issues before
    /// events, then by size.
    rank: (u8, u8, u32),
    center: Pos2,
    radius: f32,
    text: String,
    emphasised: bool,
    selected: bool,
}

/// Labels for the visible (and not dimmed) nodes, placed greedily by importance so that none overlaps another:
/// the selected and hovered nodes first, then the most mentioned. A label that fits neither
/// below nor above its node is left out at this zoom.
pub(super) fn label_shapes(
    ctx: &egui::Context,
    view: &ViewGraph,
    lens: &Lens,
    meta: &MetadataFrame,
    visible: Rect,
    colors: &theme::Canvas,
) -> Vec<Shape> {
    /// Labels considered per frame: enough to fill any screen, few enough to stay cheap.
    const MAX_CANDIDATES: usize = 600;
    let mut candidates: Vec<LabelCandidate> = Vec::new();
    for (v, n) in view.nodes_iter() {
        // View indices are layout indices: the view graph is built in layout order.
        let (shown, stressed) = (lens.is_shown(v.index()), lens.is_stressed(v.index()));
        if !shown {
            continue;
        }
        let d = n.display();
        let center = meta.canvas_to_screen_pos(d.pos);
        if !visible.contains(center) {
            continue;
        }
        let radius = meta.canvas_to_screen_size(d.handle.radius).max(2.5);
        let emphasised = d.selected || d.hovered || d.dragged;
        // With a selection or a path, its nodes are labelled first and the dimmed rest not.
        let stress_label = lens.dims() && stressed;
        if !(emphasised || stress_label || (stressed && (d.handle.always_label || radius >= 9.0))) {
            continue;
        }
        let tier = if d.selected {
            0
        } else if emphasised {
            1
        } else if stress_label || d.handle.always_label {
            2
        } else {
            3
        };
        // Bigger nodes (more mentions) win ties; radius in hundredths keeps the order total.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "radii are small and positive"
        )]
        let size_rank = u32::MAX - (d.handle.radius * 100.0) as u32;
        let kind_rank = match d.handle.kind {
            NodeKind::Country | NodeKind::Person | NodeKind::Organization => 0,
            NodeKind::Issue => 1,
            NodeKind::Event => 2,
        };
        candidates.push(LabelCandidate {
            rank: (tier, kind_rank, size_rank),
            center,
            radius,
            text: d.label.clone(),
            emphasised,
            selected: d.selected,
        });
    }
    candidates.sort_by(|a, b| a.rank.cmp(&b.rank).then(a.text.cmp(&b.text)));
    candidates.truncate(MAX_CANDIDATES);

    let mut placed: Vec<Rect> = Vec::with_capacity(candidates.len());
    let mut shapes = Vec::with_capacity(candidates.len() * 2);
    for c in candidates {
        let size = if c.emphasised { 14.0 } else { 12.5 };
        let color = if c.selected {
            colors.selected
        } else {
            colors.label
        };
        let galley = ctx.fonts_mut(|f| f.layout_no_wrap(c.text, FontId::proportional(size), color));
        let w = galley.size().x;
        let h = galley.size().y;
        let below = Pos2::new(c.center.x - w / 2.0, c.center.y + c.radius + 3.0);
        let above = Pos2::new(c.center.x - w / 2.0, c.center.y - c.radius - 3.0 - h);
        // The selected and hovered labels always show; the others only where there is room.
        let spot = [below, above].into_iter().find(|&p| {
            let r = Rect::from_min_size(p, galley.size()).expand(2.0);
            c.emphasised || !placed.iter().any(|q| q.intersects(r))
        });
        let Some(pos) = spot else { continue };
        let bg = Rect::from_min_size(pos, galley.size()).expand(2.0);
        placed.push(bg);
        shapes.push(Shape::rect_filled(bg, 3.0, colors.label_chip));
        shapes.push(TextShape::new(pos, galley, color).into());
    }
    shapes
}

/// One straight edge as a plain quad, appended to `mesh`.
pub(super) fn push_plain_line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = (d.x * d.x + d.y * d.y).sqrt();
    if len < 0.1 {
        return;
    }
    // A quad narrower than a pixel would flicker; fade it instead.
    let (half, color) = if width < 1.0 {
        (0.5, color.gamma_multiply(width))
    } else {
        (width / 2.0, color)
    };
    let n = Vec2::new(-d.y, d.x) * (half / len);
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    mesh.colored_vertex(a + n, color);
    mesh.colored_vertex(a - n, color);
    mesh.colored_vertex(b - n, color);
    mesh.colored_vertex(b + n, color);
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// One straight edge as a quad with a one-pixel soft rim on each side (what epaint's
/// anti-aliasing would add), appended to `mesh`.
pub(super) fn push_line(
    mesh: &mut Mesh,
    from: Pos2,
    to: Pos2,
    width: f32,
    color: Color32,
    feather: f32,
) {
    let along = to - from;
    // `Vec2::length` goes through `hypot`, several times slower and not needed here.
    let len = (along.x * along.x + along.y * along.y).sqrt();
    if len < 0.1 {
        return;
    }
    let normal = Vec2::new(-along.y, along.x) / len;
    // Hairlines keep one pixel of body and fade instead of thinning further.
    let (half, color) = if width < feather {
        (feather / 2.0, color.gamma_multiply(width / feather))
    } else {
        (width / 2.0, color)
    };
    let clear = Color32::TRANSPARENT;
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for p in [from, to] {
        mesh.colored_vertex(p + normal * (half + feather), clear);
        mesh.colored_vertex(p + normal * half, color);
        mesh.colored_vertex(p - normal * half, color);
        mesh.colored_vertex(p - normal * (half + feather), clear);
    }
    for k in 0..3 {
        let (i, j) = (base + k, base + 4 + k);
        mesh.add_triangle(i, i + 1, j);
        mesh.add_triangle(i + 1, j + 1, j);
    }
}

/// A small node in its kind's silhouette (the same as [`theme::kind_shape`], without the
/// outline): an octagon for people and countries, a square for organizations, a diamond for
/// events, a triangle for issues.
pub(super) fn push_dot(mesh: &mut Mesh, kind: NodeKind, c: Pos2, r: f32, color: Color32) {
    const OCTAGON: [(f32, f32); 8] = [
        (1.0, 0.0),
        (0.707, 0.707),
        (0.0, 1.0),
        (-0.707, 0.707),
        (-1.0, 0.0),
        (-0.707, -0.707),
        (0.0, -1.0),
        (0.707, -0.707),
    ];
    let corners: &[(f32, f32)] = match kind {
        NodeKind::Person | NodeKind::Country => &OCTAGON,
        NodeKind::Organization => &[(-0.88, -0.88), (0.88, -0.88), (0.88, 0.88), (-0.88, 0.88)],
        NodeKind::Event => &[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)],
        NodeKind::Issue => &[(0.0, -1.1), (1.05, 0.66), (-1.05, 0.66)],
    };
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for &(dx, dy) in corners {
        mesh.colored_vertex(c + Vec2::new(dx * r, dy * r), color);
    }
    for k in 1..u32::try_from(corners.len()).unwrap_or(0) - 1 {
        mesh.add_triangle(base, base + k, base + k + 1);
    }
}
