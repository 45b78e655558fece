//! A picture of the graph as SVG, at a chosen size: the whole graph fitted into it, edges as
//! lines in their kind's colour and width, nodes with their kind's shape and colour and their
//! size by mentions, and the names of the most mentioned nodes. Positions come from the
//! layout; colours, and which edges a filter leaves out, from the caller (the window's theme
//! and view), so this module draws without knowing any UI toolkit.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::flat::xml_safe;
use crate::graph::{Edge, NewsGraph, NodeKey, NodeKind};

/// How one edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgePaint {
    /// Colour (RGB).
    pub rgb: [u8; 3],
    /// Opacity, 0 to 1.
    pub opacity: f32,
    /// Width in screen points of the window (scaled by [`SvgStyle::line_scale`]).
    pub width: f32,
}

/// How to draw: size, colours, how many names.
#[derive(Debug, Clone)]
pub struct SvgStyle {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Background colour (RGB).
    pub background: [u8; 3],
    /// How each edge is drawn (the window's colour of its kind and width by mentions).
    pub edge: fn(&Edge) -> EdgePaint,
    /// The edges drawn, by `EdgeIndex::index()` (those a filter leaves out are not);
    /// `None` draws every edge between two placed nodes.
    pub shown_edges: Option<Vec<bool>>,
    /// Picture pixels per screen point, for the edges' widths.
    pub line_scale: f32,
    /// Outline of the nodes (RGB).
    pub outline: [u8; 3],
    /// Colour of the names (RGB).
    pub label: [u8; 3],
    /// Node colour of each kind (RGB).
    pub colors: Vec<(NodeKind, [u8; 3])>,
    /// Names drawn for this many of the most mentioned nodes.
    pub labels: usize,
    /// The part of the canvas to draw (its two corners, in layout units), fitted into the
    /// picture; `None` draws the whole graph.
    pub view: Option<[[f32; 2]; 2]>,
    /// With a view: the smallest node radius in pixels (the canvas never draws a node
    /// smaller than a few screen pixels, however far out it is zoomed).
    pub min_radius: f32,
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn radius(kind: NodeKind, mentions: u32) -> f32 {
    let base = match kind {
        NodeKind::Event => 5.0,
        NodeKind::Issue => 7.0,
        _ => 6.0,
    };
    (base + 3.0 * (1.0 + mentions as f32).ln()).min(26.0)
}

fn escape(s: &str) -> String {
    xml_safe(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes the graph at `positions` (nodes without one are left out) as SVG.
///
/// # Errors
/// When `out` fails.
pub fn write(
    graph: &NewsGraph,
    positions: &BTreeMap<NodeKey, [f32; 2]>,
    style: &SvgStyle,
    mut out: impl Write,
) -> io::Result<()> {
    let (width, height) = (style.width.max(1) as f32, style.height.max(1) as f32);
    let placed: Vec<(&crate::graph::Node, [f32; 2])> = graph
        .nodes_sorted()
        .into_iter()
        .filter_map(|n| positions.get(&n.key).map(|p| (n, *p)))
        .filter(|(_, p)| p[0].is_finite() && p[1].is_finite())
        .collect();
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for (_, p) in &placed {
        for a in 0..2 {
            min[a] = min[a].min(p[a]);
            max[a] = max[a].max(p[a]);
        }
    }
    let mut margin = 40.0;
    if let Some([a, b]) = style.view {
        min = [a[0].min(b[0]), a[1].min(b[1])];
        max = [a[0].max(b[0]), a[1].max(b[1])];
        margin = 0.0;
    }
    let span = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
    let scale = ((width - 2.0 * margin) / span[0])
        .min((height - 2.0 * margin) / span[1])
        .max(1e-3);
    let offset = [
        (width - span[0] * scale) / 2.0 - min[0] * scale,
        (height - span[1] * scale) / 2.0 - min[1] * scale,
    ];
    let at = |p: [f32; 2]| [p[0] * scale + offset[0], p[1] * scale + offset[1]];
    // A picture of the view draws nodes as the canvas does, sized in layout units and so
    // zoomed with it (fixed sizes covered a zoomed-out view in overlapping discs); a picture
    // of the whole graph keeps them at a readable size in pixels.
    let node_scale = if style.view.is_some() { scale } else { 1.0 };
    let min_radius = if style.view.is_some() {
        style.min_radius.max(0.75)
    } else {
        0.0
    };
    let radius =
        |kind: NodeKind, mentions: u32| (radius(kind, mentions) * node_scale).max(min_radius);
    let color = |k: NodeKind| {
        style
            .colors
            .iter()
            .find(|(kind, _)| *kind == k)
            .map_or([160, 160, 160], |(_, c)| *c)
    };
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="sans-serif">"#,
        style.width, style.height, style.width, style.height
    );
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        hex(style.background)
    );
    write_edges(&mut svg, graph, positions, style, &at);
    // A thin outline, thinner still on the small nodes of a zoomed-out view.
    let outline = if style.view.is_some() {
        (0.25 * min_radius).clamp(0.3, 1.0)
    } else {
        1.0
    };
    let _ = writeln!(
        svg,
        "<g stroke=\"{}\" stroke-width=\"{outline:.2}\">",
        hex(style.outline)
    );
    for (n, p) in &placed {
        let [x, y] = at(*p);
        let r = radius(n.kind, n.mentions);
        let fill = hex(color(n.kind));
        let _ = match n.kind {
            NodeKind::Organization => writeln!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}"/>"#,
                x - r * 0.85,
                y - r * 0.85,
                r * 1.7,
                r * 1.7
            ),
            NodeKind::Event => writeln!(
                svg,
                r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{fill}"/>"#,
                x,
                y - r,
                x + r,
                y,
                x,
                y + r,
                x - r,
                y
            ),
            NodeKind::Issue => writeln!(
                svg,
                r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{fill}"/>"#,
                x,
                y - r,
                x + r * 0.9,
                y + r * 0.6,
                x - r * 0.9,
                y + r * 0.6
            ),
            NodeKind::Group => {
                let points: Vec<String> = crate::ui::theme::PENTAGON
                    .iter()
                    .map(|&(dx, dy)| format!("{:.1},{:.1}", x + dx * r, y + dy * r))
                    .collect();
                writeln!(
                    svg,
                    r#"<polygon points="{}" fill="{fill}"/>"#,
                    points.join(" ")
                )
            }
            NodeKind::Person | NodeKind::Country => writeln!(
                svg,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}"/>"#
            ),
        };
    }
    let _ = writeln!(
        svg,
        r#"</g>
<g fill="{}" font-size="12" text-anchor="middle">"#,
        hex(style.label)
    );
    let mut ranked: Vec<&(&crate::graph::Node, [f32; 2])> = placed.iter().collect();
    ranked.sort_by(|a, b| b.0.mentions.cmp(&a.0.mentions).then(a.0.key.cmp(&b.0.key)));
    for (n, p) in ranked.into_iter().take(style.labels) {
        let [x, y] = at(*p);
        let r = radius(n.kind, n.mentions);
        let _ = writeln!(
            svg,
            r#"<text x="{x:.1}" y="{:.1}">{}</text>"#,
            y + r + 13.0,
            escape(&n.name)
        );
    }
    svg.push_str("</g>\n</svg>\n");
    out.write_all(svg.as_bytes())
}

/// How a line is drawn, as sortable integers: opacity in thousandths, colour, width in
/// hundredths of a pixel.
type Paint = (u16, [u8; 3], u32);

/// The edges between placed nodes that `style` shows, as lines grouped by how they are drawn:
/// the faintest first, so that the strong colours (acts) lie on top.
fn write_edges(
    svg: &mut String,
    graph: &NewsGraph,
    positions: &BTreeMap<NodeKey, [f32; 2]>,
    style: &SvgStyle,
    at: &impl Fn([f32; 2]) -> [f32; 2],
) {
    let petgraph = graph.graph();
    // Per line: its paint, then its two ends.
    let mut lines: Vec<(Paint, [f32; 2], [f32; 2])> = petgraph
        .edge_references()
        .filter(|edge| {
            style
                .shown_edges
                .as_ref()
                .is_none_or(|mask| mask.get(edge.id().index()).copied().unwrap_or(false))
        })
        .filter_map(|edge| {
            let from = positions.get(&petgraph[edge.source()].key)?;
            let to = positions.get(&petgraph[edge.target()].key)?;
            let paint = (style.edge)(edge.weight());
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "opacity in 0..=1 and widths of a few pixels, in thousandths and hundredths"
            )]
            let key = (
                (paint.opacity.clamp(0.0, 1.0) * 1000.0).round() as u16,
                paint.rgb,
                (paint.width.max(0.0) * style.line_scale.max(0.0) * 100.0).round() as u32,
            );
            Some((key, at(*from), at(*to)))
        })
        .collect();
    lines.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    let mut current = None;
    for (key, from, to) in lines {
        if current != Some(key) {
            if current.is_some() {
                svg.push_str("</g>\n");
            }
            let (opacity, rgb, width) = key;
            let _ = writeln!(
                svg,
                r#"<g stroke="{}" stroke-opacity="{:.3}" stroke-width="{:.2}">"#,
                hex(rgb),
                f32::from(opacity) / 1000.0,
                width as f32 / 100.0
            );
            current = Some(key);
        }
        let _ = writeln!(
            svg,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
            from[0], from[1], to[0], to[1]
        );
    }
    if current.is_some() {
        svg.push_str("</g>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Lexicon, extract};
    use crate::ingest::{Format, parse};

    /// The radius of the first circle drawn.
    fn first_radius(svg: &str) -> f32 {
        let at = svg.find("<circle").expect("a circle");
        let r = &svg[at..][svg[at..].find(" r=\"").expect("r") + 4..];
        r[..r.find('"').expect("end")].parse().expect("a number")
    }

    #[test]
    fn a_picture_of_the_view_zooms_the_nodes_with_it() {
        let text = "China warned Japan over the islands. Japan said China had sent ships.\n";
        let article = parse("a.txt", text.as_bytes(), Format::Text).unwrap();
        let mut graph = NewsGraph::new();
        graph.add_article(&article, &extract(&article, &Lexicon::embedded()));
        let positions: BTreeMap<NodeKey, [f32; 2]> = graph
            .nodes_sorted()
            .iter()
            .enumerate()
            .map(|(i, n)| (n.key.clone(), [i as f32 * 10.0, 0.0]))
            .collect();
        let style = |view| SvgStyle {
            width: 400,
            height: 400,
            background: [0, 0, 0],
            edge: |_| EdgePaint {
                rgb: [128, 128, 128],
                opacity: 0.5,
                width: 1.0,
            },
            shown_edges: None,
            line_scale: 1.0,
            outline: [32, 32, 32],
            label: [255, 255, 255],
            colors: Vec::new(),
            labels: 0,
            view,
            min_radius: 0.0,
        };
        let draw = |style: &SvgStyle| {
            let mut out = Vec::new();
            write(&graph, &positions, style, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let whole = first_radius(&draw(&style(None)));
        // 400 pixels showing 4,000 layout units (zoomed far out), then 40 (zoomed in).
        let far = first_radius(&draw(&style(Some([[-2000.0, -2000.0], [2000.0, 2000.0]]))));
        let near = first_radius(&draw(&style(Some([[-20.0, -20.0], [20.0, 20.0]]))));
        assert!(
            whole >= 6.0,
            "the whole graph keeps readable sizes: {whole}"
        );
        assert!(far < 1.0, "a zoomed-out view draws small nodes: {far}");
        assert!(
            near > 10.0 * far && near > whole,
            "{near} vs {far}, {whole}"
        );
    }

    #[test]
    fn edges_are_drawn_in_their_paint_and_a_hidden_one_is_not() {
        use petgraph::visit::EdgeIndexable;
        let text = "China warned Japan over the islands. Japan said China had sent ships. \
                    Xi Jinping met Kishida in Beijing on the trade dispute.\n";
        let article = parse("a.txt", text.as_bytes(), Format::Text).unwrap();
        let mut graph = NewsGraph::new();
        graph.add_article(&article, &extract(&article, &Lexicon::embedded()));
        let g = graph.graph();
        // Distinct places, so every line has ends of its own, in a 1,000-pixel view of
        // 1,000 layout units (a picture pixel per unit).
        let positions: BTreeMap<NodeKey, [f32; 2]> = graph
            .nodes_sorted()
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let i = i as f32;
                (
                    n.key.clone(),
                    [20.0 + 31.0 * i, 40.0 + (i * i * 7.0) % 900.0],
                )
            })
            .collect();
        let line = |e: petgraph::stable_graph::EdgeIndex| {
            let (source, target) = g.edge_endpoints(e).unwrap();
            let (from, to) = (positions[&g[source].key], positions[&g[target].key]);
            format!(
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
                from[0], from[1], to[0], to[1]
            )
        };
        let edges: Vec<_> = g.edge_indices().collect();
        assert!(edges.len() >= 3, "{} edges", edges.len());
        // An act hidden, as a filter hides one between two shown actors.
        let hidden = *edges
            .iter()
            .find(|&&e| matches!(g[e].kind, crate::graph::EdgeKind::Acted(_)))
            .expect("an act");
        let mut mask = vec![true; g.edge_bound()];
        mask[hidden.index()] = false;
        let style = |shown_edges| SvgStyle {
            width: 1000,
            height: 1000,
            background: [0, 0, 0],
            // Each kind of edge in a colour of its own, wider with its mentions.
            edge: |e| EdgePaint {
                rgb: match e.kind {
                    crate::graph::EdgeKind::Acted(_) => [200, 40, 40],
                    crate::graph::EdgeKind::ParticipatesIn => [40, 40, 200],
                    _ => [40, 200, 40],
                },
                opacity: 0.75,
                width: e.mentions as f32,
            },
            shown_edges,
            line_scale: 2.0,
            outline: [32, 32, 32],
            label: [255, 255, 255],
            colors: Vec::new(),
            labels: 0,
            view: Some([[0.0, 0.0], [1000.0, 1000.0]]),
            min_radius: 0.0,
        };
        let draw = |style: &SvgStyle| {
            let mut out = Vec::new();
            write(&graph, &positions, style, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let all = draw(&style(None));
        let filtered = draw(&style(Some(mask)));
        for &e in &edges {
            assert!(all.contains(&line(e)), "{}", line(e));
            assert_eq!(filtered.contains(&line(e)), e != hidden, "{}", line(e));
        }
        // Every line sits in the group of its kind's colour and its width.
        for &e in &edges {
            let w = &g[e];
            let rgb = match w.kind {
                crate::graph::EdgeKind::Acted(_) => "#c82828",
                crate::graph::EdgeKind::ParticipatesIn => "#2828c8",
                _ => "#28c828",
            };
            let group = format!(
                r#"<g stroke="{rgb}" stroke-opacity="0.750" stroke-width="{:.2}">"#,
                2.0 * w.mentions as f32
            );
            let at = all.find(&line(e)).unwrap();
            let opened = all[..at].rfind("<g ").unwrap();
            assert!(
                all[opened..].starts_with(&group),
                "{} in {}",
                line(e),
                &all[opened..at]
            );
        }
        let kinds: std::collections::HashSet<_> = edges
            .iter()
            .map(|&e| std::mem::discriminant(&g[e].kind))
            .collect();
        assert!(kinds.len() >= 2, "edges of two kinds at least");
    }
}
