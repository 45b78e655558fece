//! Colours, node shapes and labels shared by the canvas, the legend and the detail pane.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};

use crate::extract::QuadClass;
use crate::graph::{EdgeKind, Node, NodeKind};

/// Outline of the selected node and colour of its label, on a dark or a light canvas.
pub fn selected_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 214, 10)
    } else {
        Color32::from_rgb(196, 112, 0)
    }
}

/// Backgrounds and text of the marked words in evidence sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// Behind a mention of the node.
    pub mention: Color32,
    /// Behind the words of who acts, in an event's sentence.
    pub source: Color32,
    /// Behind the words of who is acted on.
    pub target: Color32,
    /// The marked words themselves.
    pub text: Color32,
}

/// The marks that read well around text of `text_color`: deep backgrounds under white for
/// light text (a dark theme), pale ones under black for dark text (a light theme).
pub fn marks(text_color: Color32) -> Marks {
    let light_text =
        u32::from(text_color.r()) + u32::from(text_color.g()) + u32::from(text_color.b()) > 384;
    if light_text {
        Marks {
            mention: Color32::from_rgb(110, 84, 0),
            source: Color32::from_rgb(30, 96, 150),
            target: Color32::from_rgb(140, 40, 60),
            text: Color32::WHITE,
        }
    } else {
        Marks {
            mention: Color32::from_rgb(255, 222, 120),
            source: Color32::from_rgb(176, 214, 246),
            target: Color32::from_rgb(246, 190, 200),
            text: Color32::BLACK,
        }
    }
}

/// What the canvas draws with besides the nodes' own fills, in the dark or the light theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canvas {
    /// Whether it is the dark theme's.
    pub dark: bool,
    /// Label text.
    pub label: Color32,
    /// The chip behind a label.
    pub label_chip: Color32,
    /// The outline of a hovered or dragged node.
    pub hovered: Color32,
    /// The outline and label of the selected node.
    pub selected: Color32,
}

impl Canvas {
    /// The canvas colours of the dark (`true`) or the light theme.
    pub fn of(dark: bool) -> Self {
        if dark {
            Self {
                dark,
                label: Color32::from_gray(235),
                label_chip: Color32::from_black_alpha(160),
                hovered: Color32::WHITE,
                selected: selected_color(true),
            }
        } else {
            Self {
                dark,
                label: Color32::from_gray(25),
                label_chip: Color32::from_white_alpha(200),
                hovered: Color32::from_gray(20),
                selected: selected_color(false),
            }
        }
    }

    /// The outline of a node of this fill: its own colour, half as strong, on dark; a darker
    /// shade of it on light, so pale fills keep an edge on a pale canvas.
    pub fn outline(&self, fill: Color32) -> Color32 {
        if self.dark {
            fill.gamma_multiply(0.5)
        } else {
            let shade = |c: u8| u8::try_from(u16::from(c) * 11 / 20).unwrap_or(c);
            Color32::from_rgb(shade(fill.r()), shade(fill.g()), shade(fill.b()))
        }
    }
}

/// The style of a picture of the graph as the window draws it in the dark (`dark`) or the
/// light theme (its background, edge, outline and label colours, node colours and how many
/// labels), `size` pixels wide and high, of the whole graph (`view` unset).
pub fn picture_style(size: [u32; 2], dark: bool) -> crate::files::svg::SvgStyle {
    let rgb = |c: Color32| [c.r(), c.g(), c.b()];
    // The canvas is the central panel: its fill is the background.
    let background = if dark {
        egui::Visuals::dark().panel_fill
    } else {
        egui::Visuals::light().panel_fill
    };
    let canvas = Canvas::of(dark);
    let outline = if dark { [32, 32, 32] } else { [70, 70, 70] };
    crate::files::svg::SvgStyle {
        width: size[0],
        height: size[1],
        background: rgb(background),
        edge: if dark {
            |e| edge_paint(e, true)
        } else {
            |e| edge_paint(e, false)
        },
        shown_edges: None,
        line_scale: 1.0,
        outline,
        label: rgb(canvas.label),
        colors: NodeKind::ALL
            .iter()
            .map(|&k| (k, rgb(node_color(k))))
            .collect(),
        labels: 40,
        view: None,
        min_radius: 0.0,
    }
}

/// How a picture draws an edge: the canvas's colour of its kind and its width by mentions.
fn edge_paint(edge: &crate::graph::Edge, dark: bool) -> crate::files::svg::EdgePaint {
    let [r, g, b, a] = edge_color(edge.kind, dark).to_srgba_unmultiplied();
    crate::files::svg::EdgePaint {
        rgb: [r, g, b],
        opacity: f32::from(a) / 255.0,
        width: edge_width(edge.mentions),
    }
}

/// Stroke width of an edge in points, by its mentions.
pub fn edge_width(mentions: u32) -> f32 {
    #[allow(clippy::cast_precision_loss, reason = "mention counts are small")]
    let m = mentions as f32;
    (0.8 + m.ln_1p() * 0.6).min(4.0)
}

/// The corners of a people group's pentagon, point up, on the unit circle.
pub const PENTAGON: [(f32, f32); 5] = [
    (0.0, -1.0),
    (0.951, -0.309),
    (0.588, 0.809),
    (-0.588, 0.809),
    (-0.951, -0.309),
];

/// Fill colour of a node kind.
pub fn node_color(kind: NodeKind) -> Color32 {
    match kind {
        NodeKind::Country => Color32::from_rgb(76, 139, 245),
        NodeKind::Person => Color32::from_rgb(242, 157, 56),
        NodeKind::Organization => Color32::from_rgb(63, 182, 122),
        NodeKind::Group => Color32::from_rgb(46, 188, 204),
        NodeKind::Event => Color32::from_rgb(169, 112, 255),
        NodeKind::Issue => Color32::from_rgb(229, 83, 75),
    }
}

/// Stroke colour of an edge kind on a dark (`dark`) or light canvas: on light, deeper and
/// more opaque, since a pale stroke vanishes into a pale background.
pub fn edge_color(kind: EdgeKind, dark: bool) -> Color32 {
    let rgba = |d: [u8; 4], l: [u8; 4]| {
        let c = if dark { d } else { l };
        Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
    };
    match kind {
        EdgeKind::Acted(p) => match p.quad() {
            QuadClass::VerbalCooperation | QuadClass::MaterialCooperation => {
                rgba([90, 200, 140, 170], [20, 140, 80, 200])
            }
            QuadClass::VerbalConflict | QuadClass::MaterialConflict => {
                rgba([240, 96, 90, 180], [205, 45, 40, 210])
            }
        },
        EdgeKind::AffiliatedWith => rgba([120, 160, 230, 120], [60, 100, 200, 150]),
        // Sand, not red: an actor concerned by an issue is no conflict.
        EdgeKind::InvolvedIn | EdgeKind::About => rgba([222, 190, 120, 80], [170, 125, 40, 140]),
        EdgeKind::ParticipatesIn => rgba([170, 170, 190, 80], [100, 100, 125, 110]),
        EdgeKind::SharedEvents { tone } => {
            tone_color(f32::from(tone) / crate::graph::actor_view::TONE_SCALE, dark)
        }
    }
}

/// The colour of a mean tone from −1 (conflict, red) through 0 (mixed, sand) to +1
/// (cooperation, green), for the edges of the actor view, on a dark or a light canvas.
pub fn tone_color(tone: f32, dark: bool) -> Color32 {
    let (conflict, mixed, cooperation, alpha) = if dark {
        (
            [240.0, 86.0, 80.0],
            [214.0, 196.0, 140.0],
            [80.0, 200.0, 130.0],
            190,
        )
    } else {
        (
            [205.0, 45.0, 40.0],
            [160.0, 130.0, 60.0],
            [20.0, 140.0, 80.0],
            215,
        )
    };
    let t = if tone.is_finite() {
        tone.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (from, to, f): ([f32; 3], [f32; 3], f32) = if t < 0.0 {
        (mixed, conflict, -t)
    } else {
        (mixed, cooperation, t)
    };
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "channels stay within 0..=255"
    )]
    let mix = |i: usize| (from[i] + (to[i] - from[i]) * f).round() as u8;
    Color32::from_rgba_unmultiplied(mix(0), mix(1), mix(2), alpha)
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
        NodeKind::Group => Shape::convex_polygon(
            PENTAGON
                .iter()
                .map(|&(dx, dy)| c + Vec2::new(dx * r, dy * r))
                .collect(),
            fill,
            stroke,
        ),
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

/// The edge colours named in the legend, in its order, on a dark or a light canvas.
pub fn edge_legend(dark: bool) -> [(&'static str, Color32, &'static str); 5] {
    use crate::extract::Plover;
    [
        (
            "cooperation",
            edge_color(EdgeKind::Acted(Plover::Consult), dark),
            "Acts of cooperation between actors (meetings, agreements, aid…)",
        ),
        (
            "conflict",
            edge_color(EdgeKind::Acted(Plover::Assault), dark),
            "Acts of conflict between actors (condemnations, threats, attacks…)",
        ),
        (
            "issue",
            edge_color(EdgeKind::InvolvedIn, dark),
            "An actor or event concerned by an issue",
        ),
        (
            "affiliation",
            edge_color(EdgeKind::AffiliatedWith, dark),
            "A person or body belonging to a country",
        ),
        (
            "takes part",
            edge_color(EdgeKind::ParticipatesIn, dark),
            "An actor taking part in an event",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Plover;

    fn luma(c: Color32) -> f32 {
        let c = c.to_opaque();
        0.299 * f32::from(c.r()) + 0.587 * f32::from(c.g()) + 0.114 * f32::from(c.b())
    }

    #[test]
    fn light_edges_are_deeper_and_at_least_as_opaque() {
        let kinds = [
            EdgeKind::Acted(Plover::Consult),
            EdgeKind::Acted(Plover::Assault),
            EdgeKind::AffiliatedWith,
            EdgeKind::InvolvedIn,
            EdgeKind::ParticipatesIn,
            EdgeKind::SharedEvents { tone: 0 },
        ];
        for kind in kinds {
            let (dark, light) = (edge_color(kind, true), edge_color(kind, false));
            // Compared unmultiplied: the colour itself, apart from its alpha.
            let unmultiplied = |c: Color32| {
                let [r, g, b, a] = c.to_srgba_unmultiplied();
                (Color32::from_rgb(r, g, b), a)
            };
            let ((d, da), (l, la)) = (unmultiplied(dark), unmultiplied(light));
            assert!(
                luma(l) < luma(d) - 30.0,
                "{kind:?}: {d:?} on dark, {l:?} on light"
            );
            assert!(la >= da, "{kind:?}");
        }
    }

    #[test]
    fn marks_read_on_either_theme() {
        let on_dark = marks(Color32::from_gray(220));
        let on_light = marks(Color32::from_gray(30));
        assert_eq!(
            (on_dark.text, on_light.text),
            (Color32::WHITE, Color32::BLACK)
        );
        for (bg, text) in [
            (on_dark.mention, on_dark.text),
            (on_light.mention, on_light.text),
            (on_light.source, on_light.text),
            (on_light.target, on_light.text),
        ] {
            assert!(
                (luma(bg) - luma(text)).abs() > 110.0,
                "{bg:?} under {text:?}"
            );
        }
    }
}
