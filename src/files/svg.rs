//! A picture of the graph as SVG, at a chosen size: the whole graph fitted into it, edges as
//! thin lines, nodes with their kind's shape and colour and their size by mentions, and the
//! names of the most mentioned nodes. Positions come from the layout; colours from the caller
//! (the window's theme), so this module draws without knowing any UI toolkit.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::flat::xml_safe;
use crate::graph::{NewsGraph, NodeKey, NodeKind};

/// How to draw: size, colours, how many names.
#[derive(Debug, Clone)]
pub struct SvgStyle {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Background colour (RGB).
    pub background: [u8; 3],
    /// Edge colour (RGB) and its opacity, 0 to 1.
    pub edge: ([u8; 3], f32),
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
    let _ = writeln!(
        svg,
        r#"<g stroke="{}" stroke-opacity="{:.2}" stroke-width="1">"#,
        hex(style.edge.0),
        style.edge.1.clamp(0.0, 1.0)
    );
    let petgraph = graph.graph();
    let mut lines: Vec<([f32; 2], [f32; 2])> = petgraph
        .edge_references()
        .filter_map(|edge| {
            let from = positions.get(&petgraph[edge.source()].key)?;
            let to = positions.get(&petgraph[edge.target()].key)?;
            Some((at(*from), at(*to)))
        })
        .collect();
    lines.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    for (from, to) in lines {
        let _ = writeln!(
            svg,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
            from[0], from[1], to[0], to[1]
        );
    }
    let _ = writeln!(
        svg,
        r#"</g>
<g stroke="{}" stroke-width="1">"#,
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
