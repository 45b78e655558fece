//! `newsgraph image FILES... --out OUT.png|OUT.svg [--size WxH] [--theme light|dark]`: a
//! picture of the graph without a window. The force layout runs until it settles (as the
//! window's would), then the whole graph is drawn at the chosen size, in the colours of the
//! window's light theme (the default: a picture mostly goes onto a page or a slide) or dark one.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::{USAGE, build_graph, split_args};
use crate::files::svg;
use crate::files::{atomic, raster};
use crate::graph::{NewsGraph, NodeKey};
use crate::layout::{ForceLayout, LayoutParams, place_new_nodes};
use crate::ui::theme;

/// Layout steps at most (the layout usually settles well before).
const MAX_STEPS: u64 = 3000;

/// Runs the command.
pub(super) fn image(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--out", "--size", "--theme"])?;
    let option = |name: &str| {
        options
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let out = option("--out").ok_or_else(|| format!("image needs --out OUT.png\n\n{USAGE}"))?;
    let size = match option("--size") {
        None => [1920, 1080],
        Some(text) => parse_size(&text)
            .ok_or_else(|| format!("--size takes WIDTHxHEIGHT (e.g. 1920x1080), not {text}"))?,
    };
    let dark = match option("--theme").as_deref() {
        None | Some("light") => false,
        Some("dark") => true,
        Some(other) => return Err(format!("--theme takes light or dark, not {other}")),
    };
    let png = Path::new(&out)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    let (graph, all_read) = build_graph(&paths)?;
    let positions = settled_positions(&graph);
    let style = theme::picture_style(size, dark);
    let mut text = Vec::new();
    svg::write(&graph, &positions, &style, &mut text).map_err(|e| e.to_string())?;
    let bytes = if png {
        raster::png_from_svg(&String::from_utf8_lossy(&text))?
    } else {
        text
    };
    atomic::write_atomic(Path::new(&out), &bytes)
        .map_err(|e| format!("could not write the picture ({e}): {out}"))?;
    eprintln!(
        "newsgraph: a {} × {} picture of {} nodes written to {out}",
        size[0],
        size[1],
        graph.node_count()
    );
    Ok(if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn parse_size(text: &str) -> Option<[u32; 2]> {
    let (w, h) = text.split_once(['x', 'X', '×'])?;
    let (w, h): (u32, u32) = (w.trim().parse().ok()?, h.trim().parse().ok()?);
    ((1..=16_384).contains(&w) && (1..=16_384).contains(&h)).then_some([w, h])
}

/// Where the force layout puts every node once settled (nodes in key order, deterministic).
fn settled_positions(graph: &NewsGraph) -> BTreeMap<NodeKey, [f32; 2]> {
    let g = graph.graph();
    let mut order: Vec<NodeIndex> = g.node_indices().collect();
    order.sort_by(|a, b| g[*a].key.cmp(&g[*b].key));
    let at: BTreeMap<NodeIndex, u32> = order
        .iter()
        .enumerate()
        .map(|(i, &n)| (n, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let edges: Vec<(u32, u32, f32)> = g
        .edge_references()
        .filter_map(|e| Some((*at.get(&e.source())?, *at.get(&e.target())?, 1.0)))
        .collect();
    let params = LayoutParams::default();
    let mut positions = vec![[0.0_f32; 2]; order.len()];
    place_new_nodes(
        &mut positions,
        &vec![false; order.len()],
        &edges,
        params.edge_length,
        1,
    );
    let mut layout = ForceLayout::new(params);
    layout.set_graph(positions, &edges);
    while !layout.is_settled() && layout.steps_taken() < MAX_STEPS {
        layout.step();
    }
    order
        .iter()
        .zip(layout.positions())
        .map(|(&n, &p)| (g[n].key.clone(), p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{image, parse_size, theme};

    #[test]
    fn pictures_are_light_unless_dark_is_asked_for() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/two-routes.txt");
        let background = |theme: Option<&str>| {
            let out = dir.path().join("graph.png");
            let mut args: Vec<String> = [
                article,
                "--out",
                &out.to_string_lossy(),
                "--size",
                "200x120",
            ]
            .iter()
            .map(|s| (*s).to_string())
            .collect();
            if let Some(t) = theme {
                args.extend(["--theme".to_string(), t.to_string()]);
            }
            image(&args).expect("drawn");
            let png = std::fs::read(&out).expect("written");
            let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
            let p = pixmap.pixel(1, 1).expect("in the picture");
            [p.red(), p.green(), p.blue()]
        };
        // The window's own backgrounds (`tests/ui.rs` checks them against its panels).
        let (light, dark) = (
            theme::picture_style([1, 1], false).background,
            theme::picture_style([1, 1], true).background,
        );
        assert_ne!(light, dark);
        assert_eq!(background(None), light);
        assert_eq!(background(Some("light")), light);
        assert_eq!(background(Some("dark")), dark);
        let err = image(&[
            article.to_string(),
            "--out".into(),
            "x.png".into(),
            "--theme".into(),
            "blue".into(),
        ])
        .expect_err("not a theme");
        assert!(
            err.contains("--theme takes light or dark, not blue"),
            "{err}"
        );
    }

    #[test]
    fn sizes_are_width_by_height() {
        assert_eq!(parse_size("1920x1080"), Some([1920, 1080]));
        assert_eq!(parse_size("800×600"), Some([800, 600]));
        assert_eq!(parse_size("0x10"), None);
        assert_eq!(parse_size("wide"), None);
    }
}
