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
        EdgeKind::InvolvedIn | EdgeKind::About => Color32::from_rgba_unmultiplied(229, 83, 75, 70),
        EdgeKind::ParticipatesIn => Color32::from_rgba_unmultiplied(170, 170, 190, 80),
    }
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
