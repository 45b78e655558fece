//! `newsgraph bench explore`: what exploring costs on a synthetic graph of the asked size —
//! Find per keystroke, a focus or selection change to the next drawn frame, a shortest path.
//! One line per figure, medians (and the worst case where it matters).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use petgraph::stable_graph::NodeIndex;

use super::bench_frame::{Bench, Scenario, median};
use super::graph_view::Stress;
use super::path_view::MAX_PATHS;
use crate::graph::NewsGraph;
use crate::graph::analysis;
use crate::graph::search::SearchIndex;
use crate::graph::structure::{self, Simple};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The best-connected node (ties to the lowest index).
fn hub(graph: &NewsGraph) -> Option<NodeIndex> {
    let g = graph.graph();
    g.node_indices()
        .max_by_key(|&n| (g.neighbors_undirected(n).count(), std::cmp::Reverse(n)))
}

/// Measures Find, focus, highlight and path on a synthetic graph; returns the printed lines.
pub fn run(nodes: usize, edges: usize) -> String {
    let graph = NewsGraph::synthetic(nodes, edges, 1);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} nodes, {} edges (synthetic, seed 1), 1440×900 canvas",
        graph.node_count(),
        graph.edge_count()
    );

    frame_with_layout(&graph, &mut out);

    // Find: the index is built once per graph change, then every keystroke is one query.
    let start = Instant::now();
    let mut index = SearchIndex::new(&graph);
    let built = start.elapsed();
    let mut keystrokes = Vec::new();
    for word in ["Person 1234", "organization 77", "Evnt 9", "issue", "zq"] {
        for end in word.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let start = Instant::now();
            let hits = index.find(&word[..end], 12);
            keystrokes.push(start.elapsed());
            std::hint::black_box(hits);
        }
    }
    let worst = keystrokes.iter().max().copied().unwrap_or_default();
    let _ = writeln!(out, "search index: {:.1} ms per graph change", ms(built));
    let _ = writeln!(
        out,
        "search: {:.2} ms per keystroke (median of {}, worst {:.2} ms)",
        ms(median(keystrokes.clone())),
        keystrokes.len(),
        ms(worst)
    );

    // Focus and highlight: from the change to the next frame drawn, layout paused (so the
    // figure is the change and the drawing, not layout work).
    let mut bench = Bench::new(&graph);
    bench.panel.toggle_running();
    for _ in 0..5 {
        bench.frame(false);
    }
    let Some(centre) = hub(&graph) else {
        return out;
    };
    let key = graph.graph()[centre].key.clone();
    let mut change = |label: &str, shown: Option<Vec<bool>>, stress: Stress| {
        let mut times = Vec::new();
        for _ in 0..5 {
            // Away and back, so every repetition is a real change.
            bench.panel.set_lens(None, None, &Stress::Nothing);
            bench.frame(false);
            let start = Instant::now();
            bench.panel.set_lens(shown.as_deref(), None, &stress);
            bench.frame(false);
            times.push(start.elapsed());
        }
        let shown_count = bench.panel.shown_count();
        let _ = writeln!(
            out,
            "{label}: {:.1} ms to the next frame ({shown_count} nodes shown)",
            ms(median(times))
        );
    };
    change(
        "select (highlight neighbours)",
        None,
        Stress::Neighbours(key.clone()),
    );
    for hops in 1..=3 {
        let start = Instant::now();
        let mask = analysis::neighbourhood(&graph, centre, hops);
        let found = start.elapsed();
        change(
            &format!("focus {hops} hops (neighbourhood {:.2} ms)", ms(found)),
            Some(mask),
            Stress::Neighbours(key.clone()),
        );
    }

    // Paths between nodes far apart in index order (the synthetic graph grows by index): every
    // shortest path, up to the number the detail pane lists.
    let g = graph.graph();
    let ids: Vec<NodeIndex> = g.node_indices().collect();
    let mut times = Vec::new();
    let mut lengths = Vec::new();
    let mut counts = Vec::new();
    for k in 0..20 {
        let (a, b) = (
            ids[(k * 7919) % ids.len()],
            ids[ids.len() - 1 - (k * 104_729) % ids.len()],
        );
        let start = Instant::now();
        let found = analysis::shortest_paths(&graph, a, b, MAX_PATHS);
        times.push(start.elapsed());
        lengths.push(
            found
                .as_ref()
                .and_then(|f| f.paths.first())
                .map_or(0, Vec::len),
        );
        counts.push(found.map_or(0, |f| f.total));
    }
    lengths.sort_unstable();
    counts.sort_unstable();
    let _ = writeln!(
        out,
        "paths: {:.2} ms for every shortest path between two nodes, up to {MAX_PATHS} (median of {}, {}–{} steps, {}–{} paths)",
        ms(median(times)),
        lengths.len(),
        lengths.first().copied().unwrap_or(0),
        lengths.last().copied().unwrap_or(0),
        counts.first().copied().unwrap_or(0),
        counts.last().copied().unwrap_or(0)
    );
    structure_lines(&graph, &mut out);
    out
}

/// Frames drawn while the layout unfolds the whole graph from its first places, back to back
/// and then at 60 a second as the window draws them: the time per
/// frame (the egui pass and tessellation, as `bench frame` counts it, wall time on the calling
/// thread), the CPU the UI thread and all threads spent per frame (on a loaded machine the wall
/// time waits for a core; the UI thread's CPU does not), and how many layout steps were taken
/// per second of those frames.
fn frame_with_layout(graph: &NewsGraph, out: &mut String) {
    const FRAMES: usize = 60;
    let mut bench = Bench::new(graph);
    for (scenario, how) in [
        (Scenario::Running, "back to back"),
        (Scenario::RunningPaced, "60 frames/s"),
    ] {
        let steps_before = bench.panel.layout_steps();
        let start = Instant::now();
        let times = bench.measure(scenario, FRAMES);
        let wall = start.elapsed().as_secs_f64();
        #[allow(clippy::cast_precision_loss, reason = "step counts are small")]
        let steps = (bench.panel.layout_steps() - steps_before) as f64;
        let _ = writeln!(
            out,
            "frame with layout running ({how}): {:.1} ms (median of {FRAMES} frames; CPU per frame {:.1} ms on the UI thread, {:.1} ms in all threads; {:.0} layout steps per second)",
            ms(times.total),
            ms(times.cpu),
            ms(times.process_cpu),
            steps / wall
        );
    }
}

/// The structure figures: each computed once (they run off the UI thread in the window).
fn structure_lines(graph: &NewsGraph, out: &mut String) {
    // The window copies the graph for the worker that folds it (the only part on the UI
    // thread), then folds the copy.
    let start = Instant::now();
    let copy = graph.clone();
    let copied = start.elapsed();
    let start = Instant::now();
    let folded = crate::graph::actor_view::fold(&copy, |_| true, u64::MAX);
    let _ = writeln!(
        out,
        "actor view: copy {:.1} ms on the UI thread, fold {:.1} ms on a worker ({} actors, {} edges)",
        ms(copied),
        ms(start.elapsed()),
        folded.node_count(),
        folded.edge_count()
    );
    let start = Instant::now();
    let simple = Simple::of(graph);
    let _ = writeln!(
        out,
        "structure input (simple undirected graph): {:.1} ms, {} edges",
        ms(start.elapsed()),
        simple.edge_count()
    );
    let start = Instant::now();
    std::hint::black_box(structure::pagerank(&simple, 0.85));
    let _ = writeln!(out, "pagerank: {:.1} ms", ms(start.elapsed()));
    let start = Instant::now();
    let communities = structure::louvain(&simple);
    let took = start.elapsed();
    let count = communities.iter().map(|&c| c + 1).max().unwrap_or(0);
    let _ = writeln!(
        out,
        "communities (Louvain): {:.2} s, {count} communities, modularity {:.3}",
        took.as_secs_f64(),
        structure::modularity(&simple, &communities)
    );
    let start = Instant::now();
    let (_, sampled) = structure::betweenness(&simple, structure::BETWEENNESS_WORK);
    let how = sampled.map_or_else(
        || "exact".to_string(),
        |k| format!("sampled from {k} of {} sources", simple.len()),
    );
    let _ = writeln!(
        out,
        "betweenness: {:.2} s ({how}, {} threads)",
        start.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );
}
