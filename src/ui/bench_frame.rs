//! `newsgraph bench frame`: whole UI frames of the graph canvas, headless. Each frame is the
//! egui pass (our layout step when it runs, the egui_graphs widget or the still drawing,
//! labels) plus tessellation into meshes, on a synthetic graph of the asked size in a
//! 1440×900 window. No GPU is involved: what is left for the GPU is uploading the meshes.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use egui::{Event, Pos2, RawInput, Rect, Vec2};

use super::graph_view::GraphPanel;
use crate::graph::NewsGraph;

/// Window size of the measured frames, in points.
const WINDOW: Vec2 = Vec2::new(1440.0, 900.0);

/// How a series of frames is driven.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// The layout runs; nobody touches the canvas.
    Running,
    /// The layout is paused and the pointer moves over the canvas (the live widget).
    PausedLive,
    /// The layout is paused and nobody touches the canvas (the still drawing).
    PausedIdle,
}

impl Scenario {
    fn label(self) -> &'static str {
        match self {
            Scenario::Running => "layout running",
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
    /// frames (the scheduler's count is too coarse for single frames; Linux; else wall time).
    pub cpu: Duration,
    /// Triangles handed to the GPU.
    pub triangles: usize,
}

/// CPU time this thread has used, from the scheduler (Linux), if available.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// Drives a canvas through frames.
struct Bench {
    ctx: egui::Context,
    panel: GraphPanel,
    time: f64,
    frame: u64,
}

impl Bench {
    fn new(graph: &NewsGraph) -> Self {
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
    fn frame(&mut self, pointer: bool) -> (Duration, Duration, Duration, usize) {
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
        let output = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let _ = panel.show(ui, None);
            });
        });
        let pass = start.elapsed();
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

    fn measure(&mut self, scenario: Scenario, frames: usize) -> FrameTimes {
        let running = scenario == Scenario::Running;
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
        for _ in 0..frames {
            let (p, t, c, tri) = self.frame(pointer);
            pass.push(p);
            tess.push(t);
            total.push(p + t);
            cpu += c;
            triangles = tri;
        }
        FrameTimes {
            pass: median(pass),
            tessellate: median(tess),
            total: median(total),
            cpu: cpu / u32::try_from(frames.max(1)).unwrap_or(u32::MAX),
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
        "{} nodes, {} edges, {}×{} window, median of {frames} frames (graph built in {:.0} ms, view in {:.0} ms)",
        graph.node_count(),
        graph.edge_count(),
        WINDOW.x,
        WINDOW.y,
        built.as_secs_f64() * 1000.0,
        synced.as_secs_f64() * 1000.0,
    );
    let _ = writeln!(
        out,
        "{:<32} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "scenario", "pass ms", "tess ms", "total ms", "cpu mean", "triangles"
    );
    for scenario in [
        Scenario::Running,
        Scenario::PausedLive,
        Scenario::PausedIdle,
    ] {
        let t = bench.measure(scenario, frames);
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let _ = writeln!(
            out,
            "{:<32} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>10}",
            scenario.label(),
            ms(t.pass),
            ms(t.tessellate),
            ms(t.total),
            ms(t.cpu),
            t.triangles
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_graph_draws_in_every_scenario() {
        let text = run(300, 600, 3);
        assert!(text.starts_with("300 nodes, "), "{text}");
        for scenario in [
            Scenario::Running,
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
