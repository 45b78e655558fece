//! `newsgraph bench project`: how long a project of N articles takes to save and to open, with
//! the window's own steps (gathering the state, serializing, the atomic write with its fsyncs;
//! reading with the bound, checking, extracting again on all cores, merging, rebuilding the
//! canvas and putting the layout back), without a window.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::extract::{Lexicon, extract};
use crate::files::atomic::{read_bounded, write_atomic};
use crate::files::layout_file::LayoutFile;
use crate::files::project::{self, Exploration, ProjectFile, SavedArticle};
use crate::graph::NewsGraph;
use crate::ingest::expand_inputs;
use crate::pipeline;
use crate::ui::graph_view::GraphPanel;

/// Times saving and opening a project of `articles` articles (the files under `inputs`,
/// repeated) in `dir`, `runs` times each; returns the printed table.
///
/// # Errors
/// When there is nothing to read or the project cannot be written or read back.
pub fn bench(
    inputs: &[PathBuf],
    articles: usize,
    runs: usize,
    dir: &Path,
    lex: &Lexicon,
) -> Result<String, String> {
    let (files, _) = expand_inputs(inputs);
    if files.is_empty() {
        return Err("no articles to read".into());
    }
    let files: Vec<PathBuf> = files.iter().cycle().take(articles).cloned().collect();
    let results = pipeline::run(&files, lex, &AtomicBool::new(false), &|_, _| {});
    let saved: Arc<Vec<SavedArticle>> = Arc::new(
        results
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|(a, _)| SavedArticle::from(a))
            .collect(),
    );
    let extractions: Arc<Vec<crate::extract::Extraction>> = Arc::new(
        results
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|(_, e)| e.clone())
            .collect(),
    );
    let extractor = super::extractor::extractor_id();
    let mut graph = NewsGraph::new();
    pipeline::merge(&mut graph, results);
    // Held as the window holds it.
    let graph = Arc::new(graph);
    let mut panel = GraphPanel::new();
    panel.sync(&graph);
    let path = dir.join("bench.newsgraph");
    let (mut save_times, mut open_times) = (Vec::new(), Vec::new());
    // What the UI thread is blocked for: gathering a save as the window does (the articles
    // and extractions shared), and, for comparison, the deep copies it made before; the same
    // for an export (the graph shared, or copied as before).
    let mut ui_blocked: Vec<[Duration; 4]> = Vec::new();
    // Where opening spends its time: [read and check, extract, merge, canvas and layout].
    let mut phases: Vec<[Duration; 4]> = Vec::new();
    // One more run, as projects without their extractions (or from another build) open.
    let (mut plain_save, mut plain_open, mut plain_phases) = (Vec::new(), Vec::new(), Vec::new());
    let (mut size, mut plain_size) = (0, 0);
    let runs = runs.max(1);
    for run in 0..=runs {
        let keep = run < runs;
        // Save: what the UI thread gathers, then what the saving thread does.
        let started = Instant::now();
        let file = if keep {
            super::project::gather(
                &panel,
                &saved,
                &extractions,
                None,
                &[],
                Exploration::default(),
            )
        } else {
            let layout = panel.snapshot();
            ProjectFile::new(saved.clone(), layout.view, layout.nodes, None, Vec::new())
        };
        let gathered = started.elapsed();
        let bytes = project::to_bytes(&file);
        if keep {
            size = bytes.len();
        } else {
            plain_size = bytes.len();
        }
        write_atomic(&path, &bytes).map_err(|e| format!("{e}: {}", path.display()))?;
        if keep {
            save_times.push(started.elapsed());
            let copy = Instant::now();
            let deep = (saved.as_ref().clone(), extractions.as_ref().clone());
            let copied = copy.elapsed();
            drop(deep);
            let share = Instant::now();
            let for_export = std::hint::black_box(Arc::clone(&graph));
            let arc_export = share.elapsed();
            drop(for_export);
            let copy = Instant::now();
            let deep_graph = std::hint::black_box(graph.as_ref().clone());
            let graph_copied = copy.elapsed();
            drop(deep_graph);
            ui_blocked.push([gathered, copied, arc_export, graph_copied]);
        } else {
            plain_save.push(started.elapsed());
        }

        // Open: the job's thread, then what the UI thread does with its result.
        let started = Instant::now();
        let bytes = read_bounded(&path, project::MAX_PROJECT_BYTES).map_err(|e| e.to_string())?;
        let (mut file, articles) = project::parse(&bytes, &path).map_err(|e| e.to_string())?;
        let read = started.elapsed();
        // As the window's job does: extractions by this extractor are used as they are.
        let stored = file.extractions_by(extractor).is_some();
        let results: Vec<pipeline::FileResult> = match file.extractions.take().filter(|_| stored) {
            Some(kept) => articles
                .into_iter()
                .zip(Arc::unwrap_or_clone(kept.items))
                .map(Ok)
                .collect(),
            None => articles
                .into_par_iter()
                .map(|a| {
                    let e = extract(&a, lex);
                    Ok((a, e))
                })
                .collect(),
        };
        let extracted = started.elapsed();
        let mut opened = NewsGraph::new();
        pipeline::merge(&mut opened, results);
        let (opened, _) = crate::graph::corrections::replay(&opened, &file.corrections);
        let merged = started.elapsed();
        let mut view = GraphPanel::new();
        view.sync(&opened);
        view.apply(&LayoutFile::new(file.view, file.nodes));
        let total = started.elapsed();
        let split = [
            read,
            extracted.saturating_sub(read),
            merged.saturating_sub(extracted),
            total.saturating_sub(merged),
        ];
        if keep {
            open_times.push(total);
            phases.push(split);
        } else {
            plain_open.push(total);
            plain_phases.push(split);
        }
        if opened.node_count() != graph.node_count() {
            return Err("the project opened into a different graph".into());
        }
    }
    let _ = std::fs::remove_file(&path);
    let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
    let line = |times: &[Duration]| {
        times
            .iter()
            .map(|t| format!("{:.0}", ms(t)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} articles, {} nodes, {} edges; {} threads",
        saved.len(),
        graph.node_count(),
        graph.edge_count(),
        rayon::current_num_threads()
    );
    let _ = writeln!(
        out,
        "with the extractions kept (the window's projects): file {:.1} MB",
        size as f64 / 1e6
    );
    let _ = writeln!(out, "save (ms per run): {}", line(&save_times));
    let ui = |k: usize| {
        ui_blocked
            .iter()
            .map(|p| format!("{:.2}", ms(&p[k])))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        out,
        "  UI thread blocked by a save, gathering it (ms per run): {}",
        ui(0)
    );
    let _ = writeln!(
        out,
        "  (before: copying the articles and extractions, ms per run: {})",
        ui(1)
    );
    let _ = writeln!(
        out,
        "  UI thread blocked by an export, sharing the graph (ms per run): {}",
        ui(2)
    );
    let _ = writeln!(out, "  (before: copying the graph, ms per run: {})", ui(3));
    let _ = writeln!(out, "open (ms per run): {}", line(&open_times));
    let names = [
        "read and check the file",
        "extract the articles (again, when not kept)",
        "merge and replay corrections (on the worker)",
        "build the canvas, place the layout (the UI thread)",
    ];
    for (k, name) in names.iter().enumerate() {
        let times: Vec<Duration> = phases.iter().map(|p| p[k]).collect();
        let _ = writeln!(out, "  {name} (ms per run): {}", line(&times));
    }
    let _ = writeln!(
        out,
        "without them (another build, or an older project): file {:.1} MB",
        plain_size as f64 / 1e6
    );
    let _ = writeln!(out, "save (ms): {}", line(&plain_save));
    let _ = writeln!(out, "open (ms): {}", line(&plain_open));
    for (k, name) in names.iter().enumerate() {
        let times: Vec<Duration> = plain_phases.iter().map(|p| p[k]).collect();
        let _ = writeln!(out, "  {name} (ms): {}", line(&times));
    }
    Ok(out)
}
