//! Drawing helpers of the canvas: edges, arrowheads and small nodes appended to shared meshes,
//! and labels placed by importance so that none overlaps another.

use egui::epaint::{TextShape, Vertex, WHITE_UV};
use egui::{Color32, FontId, Mesh, Pos2, Rect, Shape, Vec2};

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
    /// Layout index of the node (its label is in the panel's list).
    node: usize,
    emphasised: bool,
    selected: bool,
}

/// Labels for the visible (and not dimmed) nodes at their places on screen (`screen`, `radii`,
/// by layout index), placed greedily by importance so that none overlaps another:
/// the selected and hovered nodes first, then the most mentioned. A label that fits neither
/// below nor above its node is left out at this zoom.
pub(super) fn label_shapes(
    ctx: &egui::Context,
    view: &ViewGraph,
    labels: &[String],
    lens: &Lens,
    (screen, radii): (&[Pos2], &[f32]),
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
        let (Some(&center), Some(&radius)) = (screen.get(v.index()), radii.get(v.index())) else {
            continue;
        };
        if !visible.contains(center) {
            continue;
        }
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
            NodeKind::Country | NodeKind::Person | NodeKind::Organization | NodeKind::Group => 0,
            NodeKind::Issue => 1,
            NodeKind::Event => 2,
        };
        candidates.push(LabelCandidate {
            rank: (tier, kind_rank, size_rank),
            center,
            radius,
            node: v.index(),
            emphasised,
            selected: d.selected,
        });
    }
    let text = |c: &LabelCandidate| labels.get(c.node).map_or("", String::as_str);
    candidates.sort_by(|a, b| a.rank.cmp(&b.rank).then(text(a).cmp(text(b))));
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
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(text(&c).to_owned(), FontId::proportional(size), color)
        });
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

/// A vertex of the canvas mesh (its texture is one white pixel, so any place in it will do).
fn vertex(pos: Pos2, color: Color32) -> Vertex {
    Vertex {
        pos,
        uv: WHITE_UV,
        color,
    }
}

/// The index the next vertex appended to `mesh` will have.
fn next_index(mesh: &Mesh) -> u32 {
    u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX)
}

/// One straight edge as a plain quad, appended to `mesh`.
pub(super) fn push_plain_line(mesh: &mut Mesh, from: Pos2, to: Pos2, width: f32, color: Color32) {
    let along = to - from;
    let len = (along.x * along.x + along.y * along.y).sqrt();
    if len < 0.1 {
        return;
    }
    // A quad narrower than a pixel would flicker; fade it instead.
    let (half, color) = if width < 1.0 {
        (0.5, color.gamma_multiply(width))
    } else {
        (width / 2.0, color)
    };
    let normal = Vec2::new(-along.y, along.x) * (half / len);
    let first = next_index(mesh);
    mesh.vertices.extend_from_slice(&[
        vertex(from + normal, color),
        vertex(from - normal, color),
        vertex(to - normal, color),
        vertex(to + normal, color),
    ]);
    mesh.indices
        .extend_from_slice(&[first, first + 1, first + 2, first, first + 2, first + 3]);
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
    let i = next_index(mesh);
    let (rim, body) = (normal * (half + feather), normal * half);
    mesh.vertices.extend_from_slice(&[
        vertex(from + rim, clear),
        vertex(from + body, color),
        vertex(from - body, color),
        vertex(from - rim, clear),
        vertex(to + rim, clear),
        vertex(to + body, color),
        vertex(to - body, color),
        vertex(to - rim, clear),
    ]);
    for k in 0..3 {
        let (a, b) = (i + k, i + 4 + k);
        mesh.indices
            .extend_from_slice(&[a, a + 1, b, a + 1, b + 1, b]);
    }
}

/// The arrowhead of an edge ending at a node of screen radius `rb` centred at `end`, coming
/// from `dir` (a unit vector) over `len` points, appended to `mesh`.
pub(super) fn push_arrowhead(
    mesh: &mut Mesh,
    end: Pos2,
    dir: Vec2,
    rb: f32,
    len: f32,
    color: Color32,
) {
    let tip = end - dir * rb;
    let head = 8.0_f32.min((len - rb) / 3.0);
    let back = tip - dir * head;
    let side = Vec2::new(-dir.y, dir.x) * head * 0.45;
    let i = next_index(mesh);
    mesh.vertices.extend_from_slice(&[
        vertex(tip, color),
        vertex(back + side, color),
        vertex(back - side, color),
    ]);
    mesh.indices.extend_from_slice(&[i, i + 1, i + 2]);
}

/// A small node in its kind's silhouette (the same as [`theme::kind_shape`], without the
/// outline): an octagon (a hexagon when tiny) for people and countries, a square for
/// organizations, a pentagon for people groups, a diamond for events, a triangle for issues.
pub(super) fn push_dot(mesh: &mut Mesh, kind: NodeKind, c: Pos2, r: f32, color: Color32) {
    /// Below this screen radius a round node is a hexagon: five or six pixels across, it
    /// cannot be told from an octagon, and it costs two triangles less.
    const HEXAGON_BELOW: f32 = 3.0;
    const HEXAGON: [(f32, f32); 6] = [
        (1.0, 0.0),
        (0.5, 0.866),
        (-0.5, 0.866),
        (-1.0, 0.0),
        (-0.5, -0.866),
        (0.5, -0.866),
    ];
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
        NodeKind::Person | NodeKind::Country if r < HEXAGON_BELOW => &HEXAGON,
        NodeKind::Person | NodeKind::Country => &OCTAGON,
        NodeKind::Organization => &[(-0.88, -0.88), (0.88, -0.88), (0.88, 0.88), (-0.88, 0.88)],
        NodeKind::Group => &theme::PENTAGON,
        NodeKind::Event => &[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)],
        NodeKind::Issue => &[(0.0, -1.1), (1.05, 0.66), (-1.05, 0.66)],
    };
    let i = next_index(mesh);
    mesh.vertices.extend(
        corners
            .iter()
            .map(|&(dx, dy)| vertex(c + Vec2::new(dx * r, dy * r), color)),
    );
    for k in 1..u32::try_from(corners.len()).unwrap_or(0) - 1 {
        mesh.indices.extend_from_slice(&[i, i + k, i + k + 1]);
    }
}
