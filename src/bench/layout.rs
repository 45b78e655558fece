//! `newsgraph bench layout`: our force layout on the graphs of the peer harness
//! (`../shared/peers/layout/gen_graphs.py` writes `ba_N.edges`, `ba_N.init`, `ba_N.pairs`), with
//! the harness's quality figure, so the numbers sit next to the peers' in one table.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use crate::layout::{ForceLayout, LayoutParams, place_new_nodes, quality, quality_with_pairs};

/// Quality the "time to" line waits for.
pub const TARGET_QUALITY: f32 = 0.42;
/// How often (in iterations) the quality is checked on the way.
pub const CHECK_EVERY: usize = 10;
/// Pairs drawn when the graph comes without a `.pairs` file (the harness uses 20,000).
const RANDOM_PAIRS: usize = 20_000;

/// A graph to lay out, as read from the harness's files.
#[derive(Debug, Clone, Default)]
pub struct LayoutInput {
    /// Node count: one more than the largest index named anywhere, or the start's length.
    pub nodes: usize,
    pub edges: Vec<(u32, u32)>,
    /// Start positions in any unit (the harness writes the unit square).
    pub init: Option<Vec<[f32; 2]>>,
    /// Fixed node pairs for the quality figure.
    pub pairs: Option<Vec<(u32, u32)>>,
}

/// Reads lines of two whitespace-separated values, skipping blank lines and `#` comments;
/// `what` names the expected pair in the error.
fn parse_two<T: std::str::FromStr>(
    text: &str,
    accept: impl Fn(&T) -> bool,
    what: &str,
) -> Result<Vec<(T, T)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace().map(str::parse::<T>);
        match (parts.next(), parts.next()) {
            (Some(Ok(a)), Some(Ok(b))) if accept(&a) && accept(&b) => out.push((a, b)),
            _ => return Err(format!("line {}: expected {what}, found {line:?}", n + 1)),
        }
    }
    Ok(out)
}

/// Reads `a b` lines of node indices (edges or pairs). Blank lines and `#` comments are skipped.
///
/// # Errors
/// A line that is not two non-negative integers, named by its number.
pub fn parse_index_pairs(text: &str) -> Result<Vec<(u32, u32)>, String> {
    parse_two(text, |_| true, "two node numbers")
}

/// Reads `x y` lines of coordinates.
///
/// # Errors
/// A line that is not two finite numbers, named by its number.
pub fn parse_points(text: &str) -> Result<Vec<[f32; 2]>, String> {
    let pairs = parse_two(text, |v: &f32| v.is_finite(), "two numbers")?;
    Ok(pairs.into_iter().map(|(x, y)| [x, y]).collect())
}

impl LayoutInput {
    /// Puts the parts together and checks that they agree.
    ///
    /// # Errors
    /// A start file with a different node count than the edges name.
    pub fn new(
        edges: Vec<(u32, u32)>,
        init: Option<Vec<[f32; 2]>>,
        pairs: Option<Vec<(u32, u32)>>,
    ) -> Result<Self, String> {
        let named = edges
            .iter()
            .map(|&(a, b)| a.max(b) as usize + 1)
            .max()
            .unwrap_or(0);
        let nodes = match &init {
            Some(p) if p.len() < named => {
                return Err(format!(
                    "the start file has {} positions, but the edges name node {}",
                    p.len(),
                    named - 1
                ));
            }
            Some(p) => p.len(),
            None => named,
        };
        Ok(Self {
            nodes,
            edges,
            init,
            pairs,
        })
    }
}

/// What one run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutReport {
    pub nodes: usize,
    pub edges: usize,
    pub iterations: usize,
    pub threads: usize,
    /// Wall time of the steps alone, per step.
    pub ms_per_iter: f64,
    /// CPU time of all threads per step, over the whole run (quality checks included, which
    /// cost about one edge pass every ten steps); `None` where it cannot be read.
    pub cpu_ms_per_iter: Option<f64>,
    /// Quality after all iterations.
    pub quality: f32,
    /// Quality of the start.
    pub start_quality: f32,
    /// Step time until the quality first reached [`TARGET_QUALITY`] (checked every
    /// [`CHECK_EVERY`] iterations), and after how many iterations.
    pub time_to_target: Option<(Duration, usize)>,
    /// Iteration at which the layout called itself settled.
    pub settled_at: Option<usize>,
    /// Wall time of placing the start positions, when the layout placed them itself.
    pub placement: Option<Duration>,
}

/// Start positions in canvas units: the file's, centred and scaled to a square of side
/// sqrt(n) edge lengths (about the area a settled layout takes; the quality figure does not
/// depend on scale), or else our own neighbour-aware placement.
fn start_positions(
    input: &LayoutInput,
    weighted: &[(u32, u32, f32)],
    edge_length: f32,
) -> (Vec<[f32; 2]>, Option<Duration>) {
    let n = input.nodes;
    let Some(points) = &input.init else {
        let timer = Instant::now();
        let mut pos = vec![[0.0; 2]; n];
        place_new_nodes(&mut pos, &[], weighted, edge_length, 1);
        return (pos, Some(timer.elapsed()));
    };
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in points {
        for k in 0..2 {
            min[k] = min[k].min(p[k]);
            max[k] = max[k].max(p[k]);
        }
    }
    let extent = (max[0] - min[0]).max(max[1] - min[1]).max(f32::EPSILON);
    let side = (n as f32).sqrt() * edge_length;
    let scale = side / extent;
    let centre = [f32::midpoint(min[0], max[0]), f32::midpoint(min[1], max[1])];
    let pos = points
        .iter()
        .map(|p| [(p[0] - centre[0]) * scale, (p[1] - centre[1]) * scale])
        .collect();
    (pos, None)
}

fn score(input: &LayoutInput, positions: &[[f32; 2]]) -> f32 {
    match &input.pairs {
        Some(pairs) => quality_with_pairs(positions, &input.edges, pairs),
        None => quality(positions, &input.edges, RANDOM_PAIRS, 1),
    }
}

/// Runs `iterations` steps with at most `threads` threads (0: all) and measures them.
pub fn run(input: &LayoutInput, iterations: usize, threads: usize) -> LayoutReport {
    let params = LayoutParams::default();
    let weighted: Vec<(u32, u32, f32)> = input.edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
    let (start, placement) = start_positions(input, &weighted, params.edge_length);
    let start_quality = score(input, &start);
    let mut layout = ForceLayout::new(params);
    layout.set_max_threads(threads);
    layout.set_graph(start, &weighted);
    let mut stepping = Duration::ZERO;
    let cpu_start = super::process_cpu();
    let mut time_to_target = None;
    let mut settled_at = None;
    for i in 1..=iterations {
        let timer = Instant::now();
        layout.step();
        stepping += timer.elapsed();
        if settled_at.is_none() && layout.is_settled() {
            settled_at = Some(i);
        }
        if time_to_target.is_none()
            && i % CHECK_EVERY == 0
            && score(input, layout.positions()) <= TARGET_QUALITY
        {
            time_to_target = Some((stepping + placement.unwrap_or_default(), i));
        }
    }
    let cpu = match (cpu_start, super::process_cpu()) {
        (Some(a), Some(b)) => {
            Some(b.saturating_sub(a).as_secs_f64() * 1000.0 / iterations.max(1) as f64)
        }
        _ => None,
    };
    let used = if threads == 0 {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        threads
    };
    LayoutReport {
        nodes: input.nodes,
        edges: input.edges.len(),
        iterations,
        threads: used,
        ms_per_iter: stepping.as_secs_f64() * 1000.0 / iterations.max(1) as f64,
        cpu_ms_per_iter: cpu,
        quality: score(input, layout.positions()),
        start_quality,
        time_to_target,
        settled_at,
        placement,
    }
}

/// The printed report: a header, then `ms/iter`, `quality` and `time to q<=0.42` lines.
pub fn report(r: &LayoutReport, start: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} nodes, {} edges, {} iterations, {} thread{}; start: {start} (quality {:.3})",
        super::thousands(r.nodes as u64),
        super::thousands(r.edges as u64),
        r.iterations,
        r.threads,
        if r.threads == 1 { "" } else { "s" },
        r.start_quality
    );
    if let Some(p) = r.placement {
        let _ = writeln!(out, "placement: {:.1} ms", p.as_secs_f64() * 1000.0);
    }
    let _ = writeln!(out, "ms/iter: {:.2}", r.ms_per_iter);
    if let Some(cpu) = r.cpu_ms_per_iter {
        let _ = writeln!(out, "cpu ms/iter (all threads): {cpu:.2}");
    }
    let _ = writeln!(out, "quality: {:.3}", r.quality);
    match r.time_to_target {
        Some((t, i)) => {
            let _ = writeln!(
                out,
                "time to q<={TARGET_QUALITY}: {:.2} s ({i} iterations)",
                t.as_secs_f64()
            );
        }
        None => {
            let _ = writeln!(
                out,
                "time to q<={TARGET_QUALITY}: not reached in {} iterations",
                r.iterations
            );
        }
    }
    if let Some(i) = r.settled_at {
        let _ = writeln!(out, "settled after {i} iterations");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_parse_and_bad_lines_are_named() {
        assert_eq!(
            parse_index_pairs("0 1\n# note\n\n1 2\n").unwrap(),
            vec![(0, 1), (1, 2)]
        );
        let err = parse_index_pairs("0 1\n1 x\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert_eq!(parse_points("0.5 0.25\n").unwrap(), vec![[0.5, 0.25]]);
        assert!(parse_points("0.5 inf\n").is_err());
        assert!(LayoutInput::new(vec![(0, 5)], Some(vec![[0.0; 2]; 3]), None).is_err());
    }

    #[test]
    fn a_ring_gets_better_than_its_random_start() {
        let n = 200u32;
        let edges: Vec<(u32, u32)> = (0..n).map(|i| (i, (i + 1) % n)).collect();
        // A scrambled start: neighbours far apart.
        let init: Vec<[f32; 2]> = (0..n)
            .map(|i| {
                let k = (i * 73 % n) as f32;
                [k.cos() * k, k.sin() * k]
            })
            .collect();
        let input = LayoutInput::new(edges, Some(init), None).unwrap();
        let r = run(&input, 100, 1);
        assert_eq!(r.nodes, 200);
        assert!(r.start_quality > 0.5, "{r:?}");
        assert!(r.quality < r.start_quality / 2.0, "{r:?}");
        let text = report(&r, "file");
        assert!(text.contains("\nms/iter: "), "{text}");
        assert!(text.contains("\nquality: "), "{text}");
        assert!(text.contains("time to q<=0.42"), "{text}");
    }
}
