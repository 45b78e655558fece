//! UI benchmarks, headless. `newsgraph bench frame`: whole frames of the graph canvas, each the
//! egui pass (our layout step when it runs, the egui_graphs widget or the still drawing,
//! labels) plus tessellation into meshes, on a synthetic graph of the asked size in a
//! 1440×900 window. No GPU is involved: what is left for the GPU is uploading the meshes.
//! Frames are drawn back to back, and once more paced at 60 a second as the window draws them
//! (the UI thread sleeping between frames; back to back, it competes for a core with the
//! layout thread as a busy thread does, and waits out whole time slices the window does not).
//! `newsgraph bench open`: articles on disk to the first drawn frame of their graph.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use egui::{Event, Pos2, RawInput, Rect, Vec2};

use super::graph_view::GraphPanel;
use crate::bench::process_cpu;
use crate::extract::Lexicon;
use crate::graph::NewsGraph;
use crate::ingest::expand_inputs;
use crate::pipeline;

/// Window size of the measured frames, in points.
const WINDOW: Vec2 = Vec2::new(1440.0, 900.0);

/// How a series of frames is driven.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// The layout runs; nobody touches the canvas.
    Running,
    /// The same, one frame every sixtieth of a second, as the window draws them.
    RunningPaced,
    /// The layout is paused and the pointer moves over the canvas (the live widget).
    PausedLive,
    /// The layout is paused and nobody touches the canvas (the still drawing).
    PausedIdle,
}

impl Scenario {
    fn label(self) -> &'static str {
        match self {
            Scenario::Running => "layout running",
            Scenario::RunningPaced => "layout running, 60 frames/s",
            Scenario::PausedLive => "layout paused, pointer moving",
            Scenario::PausedIdle => "layout paused, idle",
        }
    }
}

/// Timings of one scenario, medians over the frames.
#[derive(Debug, Clone, Copy)]
pub struct FrameTimes {
    /// The egui pass on the calling thread, wall time.
    pub pass: Duration,
    /// Tessellation, wall time.
    pub tessellate: Duration,
    /// Pass plus tessellation, wall time.
    pub total: Duration,
    /// CPU time of the calling thread per frame, pass plus tessellation, the mean over all
    /// frames (the scheduler's count is too coarse for single frames, and is brought up to
    /// date only when the thread leaves the core; Linux; else wall time).
    pub cpu: Duration,
    /// CPU time of the whole process per frame, all threads, the mean over all frames.
    pub process_cpu: Duration,
    /// Triangles handed to the GPU.
    pub triangles: usize,
}

/// CPU time this thread has used, from the scheduler (Linux), if available.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// This thread's CPU time, brought up to date: the scheduler adds a running thread's time
/// when it leaves the core (or at a tick), so it sleeps a moment first.
fn thread_cpu_now() -> Option<Duration> {
    std::thread::sleep(Duration::from_micros(200));
    thread_cpu()
}

/// Peak resident memory of this process so far, in bytes (Linux `VmHWM`).
pub fn peak_resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn peak_line() -> String {
    peak_resident().map_or_else(
        || "peak resident memory: unknown (no /proc)".to_string(),
        |b| {
            #[allow(clippy::cast_precision_loss, reason = "a size in MB for reading")]
            let mb = b as f64 / 1e6;
            format!("peak resident memory: {mb:.0} MB")
        },
    )
}

pub(super) fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// Drives a canvas through frames.
pub(super) struct Bench {
    ctx: egui::Context,
    pub(super) panel: GraphPanel,
    time: f64,
    frame: u64,
}

impl Bench {
    /// A canvas showing `graph`.
    pub(super) fn new(graph: &NewsGraph) -> Self {
        let ctx = egui::Context::default();
        let mut panel = GraphPanel::new();
        panel.sync(graph);
        Self {
            ctx,
            panel,
            time: 0.0,
            frame: 0,
        }
    }

    /// One frame; returns (pass, tessellate, cpu, triangles).
    pub(super) fn frame(&mut self, pointer: bool) -> (Duration, Duration, Duration, usize) {
        self.time += 1.0 / 60.0;
        self.frame += 1;
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            time: Some(self.time),
            ..RawInput::default()
        };
        if pointer {
            // A small circle in the middle of the canvas: the pointer is always moving.
            #[allow(clippy::cast_precision_loss, reason = "frame counts are small")]
            let a = self.frame as f32 * 0.3;
            input.events.push(Event::PointerMoved(Pos2::new(
                WINDOW.x / 2.0 + 40.0 * a.cos(),
                WINDOW.y / 2.0 + 40.0 * a.sin(),
            )));
        }
        let cpu_start = thread_cpu();
        let start = Instant::now();
        let panel = &mut self.panel;
        let mut output = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let _ = panel.show(ui, None);
            });
        });
        let pass = start.elapsed();
        // No GPU takes the font atlas updates here; they are dropped on purpose.
        output.textures_delta.clear();
        let start = Instant::now();
        let meshes = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let tessellate = start.elapsed();
        let cpu = match (cpu_start, thread_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => pass + tessellate,
        };
        let triangles = meshes
            .iter()
            .map(|m| match &m.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len() / 3,
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        (pass, tessellate, cpu, triangles)
    }

    pub(super) fn measure(&mut self, scenario: Scenario, frames: usize) -> FrameTimes {
        let running = matches!(scenario, Scenario::Running | Scenario::RunningPaced);
        let paced = scenario == Scenario::RunningPaced;
        if self.panel.is_running() != running {
            self.panel.toggle_running();
        }
        let pointer = scenario == Scenario::PausedLive;
        // Warm-up: fonts, the first fit, the switch between the live and the still drawing.
        for _ in 0..5 {
            self.frame(pointer);
        }
        if scenario == Scenario::PausedIdle {
            // Let the "recent input" window run out.
            self.time += 5.0;
            self.frame(false);
        }
        let (mut pass, mut tess, mut total, mut cpu, mut triangles) =
            (Vec::new(), Vec::new(), Vec::new(), Duration::ZERO, 0);
        let process_start = process_cpu();
        let ui_start = thread_cpu_now();
        let tick = Duration::from_secs_f64(1.0 / 60.0);
        let mut next = Instant::now();
        for _ in 0..frames {
            if paced {
                let now = Instant::now();
                if next > now {
                    std::thread::sleep(next - now);
                }
                next = next.max(now) + tick;
            }
            let (p, t, c, tri) = self.frame(pointer);
            pass.push(p);
            tess.push(t);
            total.push(p + t);
            cpu += c;
            triangles = tri;
        }
        let n = u32::try_from(frames.max(1)).unwrap_or(u32::MAX);
        // Over the whole series: a paced frame starts after a sleep, where the count is up to
        // date, but ends while the thread runs, where it may lag by a tick.
        if let (Some(a), Some(b)) = (ui_start, thread_cpu_now()) {
            cpu = b.saturating_sub(a);
        }
        let process = match (process_start, process_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a) / n,
            _ => cpu / n,
        };
        FrameTimes {
            process_cpu: process,
            pass: median(pass),
            tessellate: median(tess),
            total: median(total),
            cpu: cpu / n,
            triangles,
        }
    }
}

/// Measures the three scenarios on a synthetic graph and returns the printed table.
pub fn run(nodes: usize, edges: usize, frames: usize) -> String {
    let started = Instant::now();
    let graph = NewsGraph::synthetic(nodes, edges, 1);
    let built = started.elapsed();
    let sync = Instant::now();
    let mut bench = Bench::new(&graph);
    let synced = sync.elapsed();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} nodes, {} edges, {}×{} window, median of {frames} frames (graph built in {:.0} ms, view in {:.0} ms); ui/all cpu: mean ms per frame of the UI thread / of all threads",
        graph.node_count(),
        graph.edge_count(),
        WINDOW.x,
        WINDOW.y,
        built.as_secs_f64() * 1000.0,
        synced.as_secs_f64() * 1000.0,
    );
    let _ = writeln!(
        out,
        "{:<32} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "scenario", "pass ms", "tess ms", "total ms", "ui cpu", "all cpu", "triangles"
    );
    for scenario in [
        Scenario::Running,
        Scenario::RunningPaced,
        Scenario::PausedLive,
        Scenario::PausedIdle,
    ] {
        let t = bench.measure(scenario, frames);
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let _ = writeln!(
            out,
            "{:<32} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.1} {:>10}",
            scenario.label(),
            ms(t.pass),
            ms(t.tessellate),
            ms(t.total),
            ms(t.cpu),
            ms(t.process_cpu),
            t.triangles
        );
    }
    let _ = writeln!(out, "{}", peak_line());
    out
}

/// Reads the articles under `inputs` (repeated until there are `articles` of them, when
/// given), extracts them on all cores, merges them into a graph, builds the view and draws its
/// first frame; returns the printed timings.
///
/// # Errors
/// When the inputs hold no readable article.
pub fn open(inputs: &[PathBuf], articles: Option<usize>, lex: &Lexicon) -> Result<String, String> {
    let (mut files, errors) = expand_inputs(inputs);
    if files.is_empty() {
        return Err(match errors.first() {
            Some(e) => format!("no articles to read: {e}"),
            None => "no articles to read".to_string(),
        });
    }
    let distinct = files.len();
    if let Some(n) = articles {
        files = files.iter().cycle().take(n).cloned().collect();
    }
    let started = Instant::now();
    let results = pipeline::run(&files, lex, &AtomicBool::new(false), &|_, _| {});
    let extracted = started.elapsed();
    let mut graph = NewsGraph::new();
    let failed = pipeline::merge(&mut graph, results).len();
    let merged = started.elapsed();
    let mut bench = Bench::new(&graph);
    let viewed = started.elapsed();
    bench.frame(false);
    let drawn = started.elapsed();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} articles ({distinct} distinct files{}), {} nodes, {} edges, {} threads",
        files.len(),
        if failed > 0 {
            format!(", {failed} unreadable")
        } else {
            String::new()
        },
        graph.node_count(),
        graph.edge_count(),
        rayon::current_num_threads()
    );
    let _ = writeln!(out, "read and extracted: {:>8.0} ms", ms(extracted));
    let _ = writeln!(
        out,
        "merged into graph:  {:>8.0} ms",
        ms(merged.saturating_sub(extracted))
    );
    let _ = writeln!(
        out,
        "view built:         {:>8.0} ms",
        ms(viewed.saturating_sub(merged))
    );
    let _ = writeln!(
        out,
        "first frame drawn:  {:>8.0} ms",
        ms(drawn.saturating_sub(viewed))
    );
    let _ = writeln!(
        out,
        "articles to a drawn graph: {:.2} s",
        drawn.as_secs_f64()
    );
    let _ = writeln!(out, "{}", peak_line());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_open_to_a_drawn_graph() {
        let dir = std::env::temp_dir().join(format!("newsgraph-bench-open-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(
            dir.join("a.txt"),
            "Talks\n\nGermany and France held talks in Paris on Monday.\n",
        )
        .expect("write");
        let text = open(std::slice::from_ref(&dir), Some(5), &Lexicon::embedded()).expect("runs");
        assert!(text.starts_with("5 articles (1 distinct files"), "{text}");
        assert!(text.contains("articles to a drawn graph: "), "{text}");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(open(&[dir], None, &Lexicon::embedded()).is_err());
    }

    #[test]
    fn a_small_graph_draws_in_every_scenario() {
        let text = run(300, 600, 3);
        assert!(text.starts_with("300 nodes, "), "{text}");
        for scenario in [
            Scenario::Running,
            Scenario::RunningPaced,
            Scenario::PausedLive,
            Scenario::PausedIdle,
        ] {
            let line = text
                .lines()
                .find(|l| l.starts_with(scenario.label()))
                .unwrap_or_else(|| panic!("{text}"));
            let triangles: usize = line
                .split_whitespace()
                .last()
                .and_then(|t| t.parse().ok())
                .unwrap_or(0);
            assert!(triangles > 300, "nothing drawn: {line}");
        }
    }
}
