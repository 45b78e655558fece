//! The batch commands: `newsgraph extract FILES --jsonl OUT` (one line per article, the map
//! step a batch engine runs) and `newsgraph merge IN.jsonl... --out OUT` (the graph of those
//! lines, equal to what `newsgraph extract FILES --out OUT` makes directly).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use super::{USAGE, load_lexicon, split_args};
use crate::files::{ExportFormat, export_to_path, jsonl, write_atomic};
use crate::ingest::expand_inputs;
use crate::pipeline;

/// `newsgraph extract FILES --jsonl OUT`.
pub(super) fn extract_jsonl(paths: &[PathBuf], out: &str) -> Result<ExitCode, String> {
    if paths.is_empty() {
        return Err(format!("no input files\n\n{USAGE}"));
    }
    let lex = load_lexicon()?;
    let (files, mut errors) = expand_inputs(paths);
    let results = pipeline::run(&files, &lex, &AtomicBool::new(false), &|_, _| {});
    for w in pipeline::warnings(&results) {
        eprintln!("newsgraph: warning: {w}");
    }
    let mut text = String::new();
    let mut lines = 0;
    // Not cancelled: one result per file, in the files' order.
    for (path, result) in files.iter().zip(results) {
        match result {
            Ok((article, extraction)) => {
                text.push_str(&jsonl::to_line(path, &article, &extraction));
                text.push('\n');
                lines += 1;
            }
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        eprintln!("newsgraph: skipped: {e}");
    }
    if out == "-" {
        std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("could not write to standard output ({e})"))?;
    } else {
        write_atomic(Path::new(out), text.as_bytes())
            .map_err(|e| format!("could not write the extractions ({e}): {out}"))?;
        eprintln!("newsgraph: {lines} articles written to {out}");
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `newsgraph merge IN.jsonl... --out OUT [--format F]`.
pub(super) fn merge(args: &[String]) -> Result<ExitCode, String> {
    let (inputs, options) = split_args(args, &["--out", "--format"])?;
    let option = |name: &str| {
        options
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    if inputs.is_empty() {
        return Err(format!("merge needs IN.jsonl files\n\n{USAGE}"));
    }
    let out = option("--out").ok_or("merge needs --out OUT")?;
    let format = match option("--format") {
        Some(name) => ExportFormat::from_name(&name).ok_or_else(|| {
            format!("unknown format {name}; use json, graphml, gexf, csv or node-link")
        })?,
        None => ExportFormat::Json,
    };
    let mut records = Vec::new();
    for input in &inputs {
        let text = std::fs::read_to_string(input)
            .map_err(|e| format!("could not read the extractions ({e}): {}", input.display()))?;
        records.extend(jsonl::parse(&text, input).map_err(|e| e.to_string())?);
    }
    let articles = records.len();
    let graph = jsonl::merge(records);
    let written = export_to_path(&graph, format, Path::new(&out))
        .map_err(|e| format!("could not write the graph ({e}): {out}"))?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    eprintln!(
        "newsgraph: {articles} articles, {} nodes, {} edges written to {}",
        graph.node_count(),
        graph.edge_count(),
        names.join(" and ")
    );
    Ok(ExitCode::SUCCESS)
}
