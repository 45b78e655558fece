//! Colours, node shapes and labels shared by the canvas, the legend and the detail pane.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};

use crate::extract::QuadClass;
use crate::graph::{EdgeKind, Node, NodeKind};

/// Outline and text colour of the selected node.
pub const SELECTED: Color32 = Color32::from_rgb(255, 214, 10);
/// Background of a highlighted mention in evidence sentences.
pub const MENTION_BG: Color32 = Color32::from_rgb(110, 84, 0);
/// Background of the words of who acts, in an event's sentence.
pub const SOURCE_BG: Color32 = Color32::from_rgb(30, 96, 150);
/// Background of the words of who is acted on, in an event's sentence.
pub const TARGET_BG: Color32 = Color32::from_rgb(140, 40, 60);

/// The style of a picture of the graph as the window draws it (its background, node colours
/// and how many labels), `size` pixels wide and high, of the whole graph (`view` unset).
pub fn picture_style(size: [u32; 2]) -> crate::files::svg::SvgStyle {
    crate::files::svg::SvgStyle {
        width: size[0],
        height: size[1],
        background: [27, 27, 27],
        colors: NodeKind::ALL
            .iter()
            .map(|&k| {
                let c = node_color(k);
                (k, [c.r(), c.g(), c.b()])
            })
            .collect(),
        labels: 40,
        view: None,
    }
}

/// Fill colour of a node kind.
pub fn node_color(kind: NodeKind) -> Color32 {
    match kind {
        NodeKind::Country => Color32::from_rgb(76, 139, 245),
        NodeKind::Person => Color32::from_rgb(242, 157, 56),
        NodeKind::Organization => Color32::from_rgb(63, 182, 122),
        NodeKind::Event => Color32::from_rgb(169, 112, 255),
        NodeKind::Issue => Color32::from_rgb(229, 83, 75),
    }
}

/// Stroke colour of an edge kind.
pub fn edge_color(kind: EdgeKind) -> Color32 {
    match kind {
        EdgeKind::Acted(p) => match p.quad() {
            QuadClass::VerbalCooperation | QuadClass::MaterialCooperation => {
                Color32::from_rgba_unmultiplied(90, 200, 140, 170)
            }
            QuadClass::VerbalConflict | QuadClass::MaterialConflict => {
                Color32::from_rgba_unmultiplied(240, 96, 90, 180)
            }
        },
        EdgeKind::AffiliatedWith => Color32::from_rgba_unmultiplied(120, 160, 230, 120),
        // Sand, not red: an actor concerned by an issue is no conflict.
        EdgeKind::InvolvedIn | EdgeKind::About => {
            Color32::from_rgba_unmultiplied(222, 190, 120, 80)
        }
        EdgeKind::ParticipatesIn => Color32::from_rgba_unmultiplied(170, 170, 190, 80),
        EdgeKind::SharedEvents { tone } => {
            tone_color(f32::from(tone) / crate::graph::actor_view::TONE_SCALE)
        }
    }
}

/// The colour of a mean tone from −1 (conflict, red) through 0 (mixed, sand) to +1
/// (cooperation, green), for the edges of the actor view.
pub fn tone_color(tone: f32) -> Color32 {
    const CONFLICT: [f32; 3] = [240.0, 86.0, 80.0];
    const MIXED: [f32; 3] = [214.0, 196.0, 140.0];
    const COOPERATION: [f32; 3] = [80.0, 200.0, 130.0];
    let t = if tone.is_finite() {
        tone.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (from, to, f) = if t < 0.0 {
        (MIXED, CONFLICT, -t)
    } else {
        (MIXED, COOPERATION, t)
    };
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "channels stay within 0..=255"
    )]
    let mix = |i: usize| (from[i] + (to[i] - from[i]) * f).round() as u8;
    Color32::from_rgba_unmultiplied(mix(0), mix(1), mix(2), 190)
}

/// The shape of a node kind: countries are circles, people circles with a ring, organizations
/// squares, events diamonds, issues triangles.
pub fn kind_shape(kind: NodeKind, c: Pos2, r: f32, fill: Color32, stroke: Stroke) -> Shape {
    match kind {
        NodeKind::Country => Shape::circle_filled(c, r, fill).with_stroke(stroke),
        NodeKind::Person => Shape::Vec(vec![
            Shape::circle_filled(c, r, fill).with_stroke(stroke),
            Shape::circle_stroke(
                c,
                r * 0.55,
                Stroke::new((r * 0.18).max(1.0), Color32::from_black_alpha(90)),
            ),
        ]),
        NodeKind::Organization => {
            let h = r * 0.88;
            Shape::convex_polygon(
                vec![
                    c + Vec2::new(-h, -h),
                    c + Vec2::new(h, -h),
                    c + Vec2::new(h, h),
                    c + Vec2::new(-h, h),
                ],
                fill,
                stroke,
            )
        }
        NodeKind::Event => Shape::convex_polygon(
            vec![
                c + Vec2::new(0.0, -r),
                c + Vec2::new(r, 0.0),
                c + Vec2::new(0.0, r),
                c + Vec2::new(-r, 0.0),
            ],
            fill,
            stroke,
        ),
        NodeKind::Issue => {
            let h = r * 1.1;
            Shape::convex_polygon(
                vec![
                    c + Vec2::new(0.0, -h),
                    c + Vec2::new(h * 0.95, h * 0.6),
                    c + Vec2::new(-h * 0.95, h * 0.6),
                ],
                fill,
                stroke,
            )
        }
    }
}

trait WithStroke {
    fn with_stroke(self, stroke: Stroke) -> Shape;
}

impl WithStroke for Shape {
    fn with_stroke(self, stroke: Stroke) -> Shape {
        match self {
            Shape::Circle(mut c) => {
                c.stroke = stroke;
                Shape::Circle(c)
            }
            other => other,
        }
    }
}

/// The label drawn on the canvas: the name, shortened for long event labels.
pub fn short_label(node: &Node) -> String {
    const MAX: usize = 42;
    let name = displayable(&node.name);
    if name.chars().count() <= MAX {
        return name;
    }
    let cut: String = name.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// `text` with the symbols that egui's built-in fonts lack swapped for ones they have (the
/// arrow of "China → Taiwan" would otherwise draw as an empty box). Each swap keeps the
/// UTF-8 length, so byte ranges into the text stay valid.
pub fn displayable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '→' => '➡',
            '▸' => '›',
            other => other,
        })
        .collect()
}

/// A colour pushed back into the background, for what a selection or path does not involve.
pub fn dim(color: Color32) -> Color32 {
    color.gamma_multiply(0.18)
}

/// The edge colours named in the legend, in its order.
pub fn edge_legend() -> [(&'static str, Color32, &'static str); 5] {
    use crate::extract::Plover;
    [
        (
            "cooperation",
            edge_color(EdgeKind::Acted(Plover::Consult)),
            "Acts of cooperation between actors (meetings, agreements, aid…)",
        ),
        (
            "conflict",
            edge_color(EdgeKind::Acted(Plover::Assault)),
            "Acts of conflict between actors (condemnations, threats, attacks…)",
        ),
        (
            "issue",
            edge_color(EdgeKind::InvolvedIn),
            "An actor or event concerned by an issue",
        ),
        (
            "affiliation",
            edge_color(EdgeKind::AffiliatedWith),
            "A person or body belonging to a country",
        ),
        (
            "takes part",
            edge_color(EdgeKind::ParticipatesIn),
            "An actor taking part in an event",
        ),
    ]
}
