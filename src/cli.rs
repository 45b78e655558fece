//! The command line: `newsgraph extract`, `newsgraph eval seed`. Runs the same pipeline as the
//! window, without one. Like `app/`, this is a shell: it reads and writes files and prints.

mod batch;
mod explain;
mod image;
mod parse;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use crate::eval::{Gold, score};
use crate::extract::Lexicon;
use crate::files::{ExportFormat, export_to_path, write_atomic, write_export};
use crate::graph::NewsGraph;
use crate::ingest::expand_inputs;
use crate::pipeline;

/// Usage text.
pub const USAGE: &str = "\
newsgraph — see who is doing what to whom in the news

USAGE:
    newsgraph [FILES or FOLDERS...]              open the window (with these articles)
    newsgraph extract FILES... [--format F --out OUT | --json OUT] [--rules-off PACK]
                                                 extract without a window; write the graph as
                                                 F = json (default), graphml, gexf, node-link
                                                 or csv (OUT.nodes.csv + OUT.edges.csv); OUT
                                                 - is standard output; without OUT, a
                                                 summary to standard output
    newsgraph extract FILES... --jsonl OUT       one line per article: the article and its
                                                 extraction, nothing shared (the map step of a
                                                 batch engine); OUT - is standard output
    newsgraph image FILES... --out OUT.png|OUT.svg [--size WxH] [--theme light|dark]
                                                 a picture of the whole graph once its layout
                                                 has settled (default 1920x1080, in the
                                                 window's light theme; dark on request)
    newsgraph merge IN.jsonl... --out OUT [--format F]
                                                 the graph of those lines, the same as extract
                                                 would make from the files directly
    newsgraph eval seed --gold REF.json FILES... score the graph of FILES against a reference
                                                 (exit code 1 when a reference actor is missing)
    newsgraph ingest FILES... [--json OUT]       what the readers make of each file: title, byline,
                                                 date, language, text, blocks, links, warnings
                                                 (a JSON array, to OUT or standard output)
    newsgraph eval body PAGES [--out PRED.json]  read every PAGES/*/source.html and print how many
                                                 publication dates match expected-metadata.json;
                                                 PRED.json is the input of score_body.py
    newsgraph explain FILE NAME [--rules-off PACK]
                                                 why each mention of NAME in FILE came out as
                                                 it did: the tagger's label, each rule (by id)
                                                 or check that decided, and the result
    newsgraph eval ner FILE [--predictions OUT] [--tagger] [--rules-off PACK]
                                                 tag a CoNLL file (TOKEN TAG lines) and print
                                                 exact-span precision, recall and F1 per type;
                                                 OUT gets TOKEN GOLD PRED lines for conlleval;
                                                 --tagger scores the trained tagger alone
    newsgraph eval events FILE.jsonl [--errors OUT]
                                                 extract each hand-coded sentence (PLOVER
                                                 gold-standard layout) and print type accuracy,
                                                 source and target precision/recall and triple
                                                 F1 per type; OUT lists the codings missed
    newsgraph train ner --train FILE [--dev FILE] --out MODEL [--epochs N]
                        [--features LIST] [--seed N]
                                                 train the entity tagger on CoNLL files;
                                                 LIST names the optional feature groups
                                                 (comma-separated, 'none' for none;
                                                 default: all)
    newsgraph train parse --train FILE [--dev FILE] --out MODEL [--epochs N] [--tag-epochs N]
            [--min-updates N] [--tag-min-updates N] [--relabel-epochs N]
            [--relabel-share PER_CENT] [--folds N] [--explore PER_MILLE] [--seed N]
            [--models K] [--keep-in N] [--first-tagger 0|1] [--beam W] [--update early|max]
            [--greedy-epochs G]
                                                 train the tagger and dependency parser on
                                                 CoNLL-U files (UD English EWT); K > 1 trains
                                                 K seeds and averages their weights (features
                                                 at least N of them have); W > 1 trains and
                                                 parses with a beam of W (global updates,
                                                 after G greedy epochs)
    newsgraph eval parse FILE.conllu [--conllu OUT] [--beam W]
                                                 UPOS, UAS and LAS on gold tokens and on our
                                                 own tokenization; OUT gets the gold-token parses
    newsgraph bench parse [FOLDERS...] [--runs N] [--beam W]
                                                 time tagging and parsing the articles' sentences
                                                 on one core
    newsgraph bench extract [FOLDERS...] [--conll FILE]... [--runs N]
                                                 time the whole pipeline on one core and on all
                                                 (default: ../shared/data/news and the CoNLL
                                                 train and dev files)
    newsgraph bench layout GRAPH.edges [--init GRAPH.init] [--pairs GRAPH.pairs]
                           [--iters N] [--threads N]
                                                 time the force layout on an edge list (the
                                                 peer harness's files); prints ms/iter, the
                                                 quality after N iterations (default 300) and
                                                 the time until quality <= 0.42. GRAPH.pairs
                                                 next to the edges is used when present
    newsgraph bench frame [--nodes N] [--edges M] [--frames K]
                                                 time whole UI frames of the graph canvas,
                                                 headless (UI pass + tessellation), on a
                                                 synthetic graph (default 20,000 / 40,000)
    newsgraph bench open [FOLDERS...] [--articles N]
                                                 time articles on disk to the first drawn
                                                 frame of their graph (default: the news
                                                 folder; N repeats its files up to N articles)
    newsgraph bench hostile                      time hostile inputs (deep nesting, stray end tags,
                                                 backtick runs, sentences without a full stop) at
                                                 1×, 4×, 16× and 64× size through ingest and
                                                 extraction (all cores, then one), with peak
                                                 memory
    newsgraph bench project [FOLDERS...] [--articles N] [--runs R] [--dir DIR]
                                                 time saving and opening a project of N
                                                 articles (default 1,000 from the news
                                                 folder) in DIR (default: the temp folder)
    newsgraph bench explore [--nodes N] [--edges M]
                                                 time Find per keystroke, a selection or focus
                                                 change to the next frame and shortest paths,
                                                 on a synthetic graph (default 20,000 / 40,000)
    newsgraph bench window [--nodes N] [--edges M]
                                                 open the window on that synthetic graph, to
                                                 watch the layout and drawing at that size
    newsgraph help                               this text

Articles: .txt, .md, .html/.htm (UTF-8, UTF-16 with BOM, or Windows-1252). Folders are read
recursively. Lexicons and rules (rules/*.json) can be overridden with
NEWSGRAPH_LEXICON_DIR=folder. Rule packs (uk: seats, wards, post-nominals) are on; switch one
off with --rules-off PACK (extract, eval ner, explain) or NEWSGRAPH_RULES_OFF=uk.
";

/// True when `first` names a subcommand (anything else opens the window).
pub fn is_subcommand(first: &str) -> bool {
    matches!(
        first,
        "extract"
            | "explain"
            | "merge"
            | "image"
            | "ingest"
            | "eval"
            | "train"
            | "bench"
            | "help"
            | "--help"
            | "-h"
            | "--version"
            | "-V"
    )
}

/// The lexicons, honouring `NEWSGRAPH_LEXICON_DIR` and `NEWSGRAPH_RULES_OFF` (rule packs to
/// switch off, separated by commas: `uk`).
///
/// # Errors
/// When an override file is broken, or a pack to switch off does not exist.
pub fn load_lexicon() -> Result<Lexicon, String> {
    let mut lex = match std::env::var_os("NEWSGRAPH_LEXICON_DIR") {
        Some(dir) => Lexicon::with_overrides(Path::new(&dir)).map_err(|e| e.to_string())?,
        None => Lexicon::embedded(),
    };
    if let Some(off) = std::env::var_os("NEWSGRAPH_RULES_OFF") {
        let off = off.to_string_lossy().into_owned();
        rules_off(&mut lex, off.split(',').filter(|p| !p.trim().is_empty()))?;
    }
    Ok(lex)
}

/// Switches off the rule packs named (`--rules-off uk`).
///
/// # Errors
/// When no pack has that name.
pub fn rules_off<'p>(
    lex: &mut Lexicon,
    packs: impl IntoIterator<Item = &'p str>,
) -> Result<(), String> {
    for pack in packs {
        let pack = pack.trim();
        if !lex.rules.set_pack(pack, false) {
            return Err(format!(
                "unknown rule pack {pack}; the packs are {}",
                lex.rules.packs().join(", ")
            ));
        }
    }
    Ok(())
}

/// The lexicons, with the packs of every `--rules-off PACK` option switched off.
fn load_lexicon_with(options: &[(String, String)]) -> Result<Lexicon, String> {
    let mut lex = load_lexicon()?;
    rules_off(
        &mut lex,
        options
            .iter()
            .filter(|(k, _)| k == "--rules-off")
            .map(|(_, v)| v.as_str()),
    )?;
    Ok(lex)
}

/// Runs a subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let result = match args.first().map(String::as_str) {
        Some("extract") => extract(&args[1..]),
        Some("explain") => explain::explain(&args[1..]),
        Some("merge") => batch::merge(&args[1..]),
        Some("image") => image::image(&args[1..]),
        Some("ingest") => ingest(&args[1..]),
        Some("eval") => match args.get(1).map(String::as_str) {
            Some("seed") => eval_seed(&args[2..]),
            Some("ner") => eval_ner(&args[2..]),
            Some("parse") => parse::eval_parse(&args[2..]),
            Some("events") => eval_events(&args[2..]),
            Some("body") => eval_body(&args[2..]),
            _ => Err(format!(
                "unknown eval target; try 'newsgraph eval seed' or 'newsgraph eval ner'\n\n{USAGE}"
            )),
        },
        Some("bench") => match args.get(1).map(String::as_str) {
            Some("extract") => bench_extract(&args[2..]),
            Some("layout") => bench_layout(&args[2..]),
            Some("frame") => bench_frame(&args[2..]),
            Some("open") => bench_open(&args[2..]),
            Some("project") => bench_project(&args[2..]),
            Some("explore") => bench_explore(&args[2..]),
            Some("window") => bench_window(&args[2..]),
            Some("parse") => parse::bench_parse(&args[2..]),
            Some("hostile") => bench_hostile(),
            _ => Err(format!(
                "unknown benchmark; try 'newsgraph bench extract' or 'newsgraph bench layout'\n\n{USAGE}"
            )),
        },
        Some("train") => match args.get(1).map(String::as_str) {
            Some("ner") => train_ner(&args[2..]),
            Some("parse") => parse::train_parse(&args[2..]),
            _ => Err(format!(
                "unknown training target; try 'newsgraph train ner'\n\n{USAGE}"
            )),
        },
        Some("--version" | "-V") => {
            println!("newsgraph {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newsgraph: {message}");
            ExitCode::from(2)
        }
    }
}

/// Splits `args` into input paths and the value of `--flag VALUE` options.
/// Input paths and `--flag value` pairs.
type ParsedArgs = (Vec<PathBuf>, Vec<(String, String)>);

fn split_args(args: &[String], flags: &[&str]) -> Result<ParsedArgs, String> {
    let mut paths = Vec::new();
    let mut options = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if flags.contains(&a.as_str()) {
            let value = it.next().ok_or_else(|| format!("{a} needs a value"))?;
            options.push((a.clone(), value.clone()));
        } else if a.starts_with("--") {
            return Err(format!("unknown option {a}\n\n{USAGE}"));
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    Ok((paths, options))
}

/// Reads, extracts and merges; reports bad files on stderr. Returns the graph and whether
/// every file was read.
fn build_graph(paths: &[PathBuf]) -> Result<(NewsGraph, bool), String> {
    build_graph_with(paths, &[])
}

/// [`build_graph`], honouring `--rules-off` among `options`.
fn build_graph_with(
    paths: &[PathBuf],
    options: &[(String, String)],
) -> Result<(NewsGraph, bool), String> {
    if paths.is_empty() {
        return Err(format!("no input files\n\n{USAGE}"));
    }
    let lex = load_lexicon_with(options)?;
    let (files, mut errors) = expand_inputs(paths);
    let cancel = AtomicBool::new(false);
    let results = pipeline::run(&files, &lex, &cancel, &|_, _| {});
    for w in pipeline::warnings(&results) {
        eprintln!("newsgraph: warning: {w}");
    }
    let mut graph = NewsGraph::new();
    errors.extend(pipeline::merge(&mut graph, results));
    for e in &errors {
        eprintln!("newsgraph: skipped: {e}");
    }
    Ok((graph, errors.is_empty()))
}

fn extract(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(
        args,
        &["--json", "--format", "--out", "--jsonl", "--rules-off"],
    )?;
    let option = |name: &str| {
        options
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    if let Some(out) = option("--jsonl") {
        if options.len() > 1 {
            return Err("--jsonl writes the extractions alone; give no other option".into());
        }
        return batch::extract_jsonl(&paths, &out);
    }
    let format = match option("--format") {
        Some(name) => Some(ExportFormat::from_name(&name).ok_or_else(|| {
            format!("unknown format {name}; use json, graphml, gexf, csv or node-link")
        })?),
        None => None,
    };
    // `--json OUT` is `--format json --out OUT`.
    let target = match (format, option("--out"), option("--json")) {
        (_, Some(_), Some(_)) => return Err("give --out or --json, not both".into()),
        (f, Some(out), None) => Some((f.unwrap_or(ExportFormat::Json), out)),
        (None | Some(ExportFormat::Json), None, Some(out)) => Some((ExportFormat::Json, out)),
        (Some(_), None, Some(_)) => {
            return Err("--json writes JSON; for other formats use --out".into());
        }
        (Some(f), None, None) => return Err(format!("--format {} needs --out FILE", f.name())),
        (None, None, None) => None,
    };
    let (graph, all_read) = build_graph_with(&paths, &options)?;
    if let Some((format, out)) = target {
        if out == "-" {
            let mut stdout = std::io::stdout().lock();
            write_export(&graph, format, &mut stdout).map_err(|e| e.to_string())?;
        } else {
            let written = export_to_path(&graph, format, Path::new(&out))
                .map_err(|e| format!("could not write the graph ({e}): {out}"))?;
            let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            eprintln!(
                "newsgraph: {} articles, {} nodes, {} edges written to {}",
                graph.articles().len(),
                graph.node_count(),
                graph.edge_count(),
                names.join(" and ")
            );
        }
    } else {
        let mut out = std::io::stdout().lock();
        for node in graph.nodes_sorted() {
            let role = node
                .role
                .as_deref()
                .map(|r| format!(" [{r}]"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<13} {}{role}  ({} mentions)  {}",
                node.kind.label(),
                node.name,
                node.mentions,
                node.key
            );
        }
    }
    Ok(if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn ingest(args: &[String]) -> Result<ExitCode, String> {
    use rayon::prelude::*;
    let (paths, options) = split_args(args, &["--json"])?;
    if paths.is_empty() {
        return Err(format!("no input files\n\n{USAGE}"));
    }
    let (files, errors) = expand_inputs(&paths);
    for e in &errors {
        eprintln!("newsgraph: skipped: {e}");
    }
    let entries: Vec<serde_json::Value> = files
        .par_iter()
        .map(|path| {
            let result = crate::ingest::read_file(path);
            crate::ingest::report::entry(&path.display().to_string(), &result)
        })
        .collect();
    let failed = entries.iter().any(|e| e.get("error").is_some());
    let mut bytes = serde_json::to_vec_pretty(&entries).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    match options
        .iter()
        .find(|(k, _)| k == "--json")
        .map(|(_, v)| v.as_str())
    {
        Some(out) if out != "-" => {
            write_atomic(Path::new(out), &bytes)
                .map_err(|e| format!("could not write the report ({e}): {out}"))?;
            eprintln!("newsgraph: {} files written to {out}", entries.len());
        }
        _ => std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| e.to_string())?,
    }
    Ok(if failed || !errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn eval_body(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--out"])?;
    let [pages] = paths.as_slice() else {
        return Err(format!("eval body needs one folder of pages\n\n{USAGE}"));
    };
    let report = crate::eval::body::run(pages)?;
    print!("{}", report.summary);
    if let Some((_, out)) = options.iter().find(|(k, _)| k == "--out") {
        write_atomic(Path::new(out), &report.predictions)
            .map_err(|e| format!("could not write the predictions ({e}): {out}"))?;
        eprintln!("newsgraph: predictions for score_body.py written to {out}");
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_seed(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--gold"])?;
    let gold_path = options
        .iter()
        .find(|(k, _)| k == "--gold")
        .map(|(_, v)| v.clone())
        .ok_or("eval seed needs --gold REFERENCE.json")?;
    let gold_text = std::fs::read_to_string(&gold_path)
        .map_err(|e| format!("could not read the reference ({e}): {gold_path}"))?;
    let gold: Gold = serde_json::from_str(&gold_text)
        .map_err(|e| format!("the reference is not valid ({e}): {gold_path}"))?;
    let (graph, _) = build_graph(&paths)?;
    let s = score(&graph, &gold);
    print!("{}", s.report());
    Ok(if s.missing_actors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn eval_events(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--errors"])?;
    let [path] = paths.as_slice() else {
        return Err("eval events needs one FILE.jsonl".to_owned());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("could not read the codings ({e}): {}", path.display()))?;
    let gold = crate::eval::events::read_jsonl(&text)
        .map_err(|e| format!("the codings are not valid ({e}): {}", path.display()))?;
    let lex = load_lexicon()?;
    let report = crate::eval::events::evaluate(&gold, &lex);
    print!("{}", report.table());
    if let Some((_, out)) = options.iter().find(|(k, _)| k == "--errors") {
        write_atomic(Path::new(out), report.errors().as_bytes())
            .map_err(|e| format!("could not write the error listing ({e}): {out}"))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn read_conll_file(path: &Path) -> Result<Vec<crate::eval::ner::Document>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("could not read the CoNLL file ({e}): {}", path.display()))?;
    crate::eval::ner::read_conll(&text)
        .map_err(|e| format!("the CoNLL file is not valid ({e}): {}", path.display()))
}

fn train_ner(args: &[String]) -> Result<ExitCode, String> {
    use crate::eval::ner;
    use crate::extract::ner::train::{TrainOptions, train};
    let (paths, options) = split_args(
        args,
        &[
            "--train",
            "--dev",
            "--out",
            "--epochs",
            "--features",
            "--seed",
        ],
    )?;
    if !paths.is_empty() {
        return Err(format!(
            "train ner takes its files as --train and --dev\n\n{USAGE}"
        ));
    }
    let get = |k: &str| options.iter().find(|(o, _)| o == k).map(|(_, v)| v.clone());
    let train_path = get("--train").ok_or("train ner needs --train FILE")?;
    let out = get("--out").ok_or("train ner needs --out MODEL")?;
    let mut opts = TrainOptions::default();
    if let Some(e) = get("--epochs") {
        opts.epochs = e
            .parse()
            .map_err(|_| format!("--epochs needs a number, not {e}"))?;
    }
    if let Some(seed) = get("--seed") {
        opts.seed = seed
            .parse()
            .map_err(|_| format!("--seed needs a number, not {seed}"))?;
    }
    if let Some(f) = get("--features") {
        opts.features = crate::extract::ner::FeatureSet::parse(&f)?;
    }
    let lex = load_lexicon()?;
    let train_docs = read_conll_file(Path::new(&train_path))?;
    let dev_docs = match get("--dev") {
        Some(d) => read_conll_file(Path::new(&d))?,
        None => Vec::new(),
    };
    let started = std::time::Instant::now();
    let data = ner::training_data(&train_docs, &lex, opts.features);
    eprintln!(
        "newsgraph: {} training sentences, features in {:.1} s",
        data.len(),
        started.elapsed().as_secs_f64()
    );
    let model = train(&data, opts, &mut |epoch, model| {
        let line = if dev_docs.is_empty() {
            String::new()
        } else {
            let predicted: Vec<Vec<Vec<String>>> = {
                use rayon::prelude::*;
                dev_docs
                    .par_iter()
                    .map(|d| ner::tagger_tags(d, model, &lex))
                    .collect()
            };
            let s = ner::score(&dev_docs, &predicted);
            let (p, r, f) = s.over(&ner::HEADLINE_TYPES).prf();
            format!(", dev PER+ORG+LOC P {p:.3} R {r:.3} F1 {f:.3}")
        };
        eprintln!(
            "epoch {epoch:>2}: {:.1} s{line}",
            started.elapsed().as_secs_f64()
        );
    });
    let bytes = model.to_bytes();
    write_atomic(Path::new(&out), &bytes)
        .map_err(|e| format!("could not write the model ({e}): {out}"))?;
    #[allow(clippy::cast_precision_loss, reason = "a file size")]
    let megabytes = bytes.len() as f64 / 1e6;
    eprintln!(
        "newsgraph: {} features, {megabytes:.1} MB written to {out}",
        model.feature_count()
    );
    Ok(ExitCode::SUCCESS)
}

fn eval_ner(args: &[String]) -> Result<ExitCode, String> {
    use crate::eval::ner;
    let tagger_only = args.iter().any(|a| a == "--tagger");
    let args: Vec<String> = args.iter().filter(|a| *a != "--tagger").cloned().collect();
    let (paths, options) = split_args(&args, &["--predictions", "--rules-off"])?;
    let [path] = paths.as_slice() else {
        return Err(format!("eval ner takes one CoNLL file\n\n{USAGE}"));
    };
    let docs = read_conll_file(path)?;
    let lex = load_lexicon_with(&options)?;
    // The lexicon's tagger: the embedded one, or `ner.bin` in NEWSGRAPH_LEXICON_DIR.
    let model = tagger_only.then_some(&lex.tagger);
    let started = std::time::Instant::now();
    let predicted: Vec<Vec<Vec<String>>> = {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|d| match &model {
                Some(m) => ner::tagger_tags(d, m, &lex),
                None => ner::pipeline_tags(d, &lex),
            })
            .collect()
    };
    let elapsed = started.elapsed();
    let s = ner::score(&docs, &predicted);
    print!("{}", s.report());
    #[allow(
        clippy::cast_precision_loss,
        reason = "token counts are far below 2^52"
    )]
    let rate = s.tokens as f64 / elapsed.as_secs_f64().max(1e-9);
    println!(
        "tagged in {:.2} s ({rate:.0} tokens/s, all cores)",
        elapsed.as_secs_f64()
    );
    if let Some((_, out)) = options.iter().find(|(k, _)| k == "--predictions") {
        write_atomic(
            Path::new(out),
            ner::predictions_file(&docs, &predicted).as_bytes(),
        )
        .map_err(|e| format!("could not write the predictions ({e}): {out}"))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn bench_extract(args: &[String]) -> Result<ExitCode, String> {
    let mut folders = Vec::new();
    let mut conll = Vec::new();
    let mut runs = 3;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--conll" => conll.push(PathBuf::from(it.next().ok_or("--conll needs a file")?)),
            "--runs" => {
                let v = it.next().ok_or("--runs needs a number")?;
                runs = v
                    .parse()
                    .map_err(|_| format!("--runs needs a number, not {v}"))?;
            }
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n\n{USAGE}"));
            }
            other => folders.push(PathBuf::from(other)),
        }
    }
    if folders.is_empty() && conll.is_empty() {
        let shared = Path::new("../shared/data");
        folders.push(shared.join("news"));
        conll.push(shared.join("conll2003/train.txt"));
        conll.push(shared.join("conll2003/dev.txt"));
    }
    let lex = load_lexicon()?;
    let mut problems = Vec::new();
    let folder_refs: Vec<&Path> = folders.iter().map(PathBuf::as_path).collect();
    let conll_refs: Vec<&Path> = conll.iter().map(PathBuf::as_path).collect();
    let inputs = crate::bench::load_corpus(&folder_refs, &conll_refs, &mut problems);
    for p in &problems {
        eprintln!("newsgraph: skipped: {p}");
    }
    if inputs.is_empty() {
        return Err("nothing to measure: no readable inputs".into());
    }
    print!("{}", crate::bench::report(&inputs, &lex, runs));
    Ok(ExitCode::SUCCESS)
}

fn bench_layout(args: &[String]) -> Result<ExitCode, String> {
    use crate::bench::layout::{LayoutInput, parse_index_pairs, parse_points, report, run};
    let (paths, options) = split_args(args, &["--init", "--pairs", "--iters", "--threads"])?;
    let [edges_path] = paths.as_slice() else {
        return Err(format!("bench layout needs one edge-list file\n\n{USAGE}"));
    };
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("could not read {}: {e}", p.display()))
    };
    let option = |name: &str| {
        options
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let number = |name: &str, default: usize| number_option(&options, name, default);
    let edges = parse_index_pairs(&read(edges_path)?)
        .map_err(|e| format!("{}: {e}", edges_path.display()))?;
    let init = match option("--init") {
        Some(p) => {
            let p = PathBuf::from(p);
            Some(parse_points(&read(&p)?).map_err(|e| format!("{}: {e}", p.display()))?)
        }
        None => None,
    };
    let pairs_path = option("--pairs")
        .map(PathBuf::from)
        .or_else(|| Some(edges_path.with_extension("pairs")).filter(|p| p.is_file()));
    let pairs = match &pairs_path {
        Some(p) => Some(parse_index_pairs(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?),
        None => None,
    };
    let start = if init.is_some() {
        "the --init file"
    } else {
        "our neighbour-aware placement"
    };
    let input = LayoutInput::new(edges, init, pairs)?;
    if input.nodes == 0 {
        return Err(format!("{}: no edges", edges_path.display()));
    }
    let iters = number("--iters", 300)?;
    let threads = number("--threads", 0)?;
    let r = run(&input, iters, threads);
    print!("{}", report(&r, start));
    if pairs_path.is_none() {
        println!("(quality over 20,000 random pairs: no .pairs file next to the edges)");
    }
    Ok(ExitCode::SUCCESS)
}

/// The value of `--name N` among `options`, or `default` when it is not given.
fn number_option(
    options: &[(String, String)],
    name: &str,
    default: usize,
) -> Result<usize, String> {
    options
        .iter()
        .find(|(k, _)| k == name)
        .map_or(Ok(default), |(_, v)| {
            v.parse()
                .map_err(|_| format!("{name} needs a number, not {v}"))
        })
}

fn bench_frame(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--nodes", "--edges", "--frames"])?;
    if let Some(p) = paths.first() {
        return Err(format!(
            "bench frame takes no files ({})\n\n{USAGE}",
            p.display()
        ));
    }
    let number = |name: &str, default: usize| number_option(&options, name, default);
    let nodes = number("--nodes", 20_000)?;
    let edges = number("--edges", 2 * nodes)?;
    let frames = number("--frames", 30)?.max(1);
    print!("{}", crate::ui::bench_frame::run(nodes, edges, frames));
    Ok(ExitCode::SUCCESS)
}

fn bench_hostile() -> Result<ExitCode, String> {
    let lex = load_lexicon()?;
    print!("{}", crate::bench::hostile::run(&lex));
    Ok(ExitCode::SUCCESS)
}

fn bench_explore(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--nodes", "--edges"])?;
    if let Some(p) = paths.first() {
        return Err(format!(
            "bench explore takes no files ({})\n\n{USAGE}",
            p.display()
        ));
    }
    let number = |name: &str, default: usize| number_option(&options, name, default);
    let nodes = number("--nodes", 20_000)?;
    let edges = number("--edges", 2 * nodes)?;
    print!("{}", crate::ui::bench_explore::run(nodes, edges));
    Ok(ExitCode::SUCCESS)
}

fn bench_window(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--nodes", "--edges"])?;
    if let Some(p) = paths.first() {
        return Err(format!(
            "bench window takes no files ({})\n\n{USAGE}",
            p.display()
        ));
    }
    let number = |name: &str, default: usize| number_option(&options, name, default);
    let nodes = number("--nodes", 20_000)?;
    let edges = number("--edges", 2 * nodes)?;
    crate::app::run_synthetic(nodes, edges)
        .map_err(|e| format!("could not open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn bench_open(args: &[String]) -> Result<ExitCode, String> {
    let (mut paths, options) = split_args(args, &["--articles"])?;
    if paths.is_empty() {
        paths.push(PathBuf::from("../shared/data/news"));
    }
    let articles = match options.iter().find(|(k, _)| k == "--articles") {
        Some((_, v)) => Some(
            v.parse::<usize>()
                .map_err(|_| format!("--articles needs a number, not {v}"))?,
        ),
        None => None,
    };
    let lex = load_lexicon()?;
    print!("{}", crate::ui::bench_frame::open(&paths, articles, &lex)?);
    Ok(ExitCode::SUCCESS)
}

fn bench_project(args: &[String]) -> Result<ExitCode, String> {
    let (mut paths, options) = split_args(args, &["--articles", "--runs", "--dir"])?;
    if paths.is_empty() {
        paths.push(PathBuf::from("../shared/data/news"));
    }
    let number = |flag: &str, default: usize| match options.iter().find(|(k, _)| k == flag) {
        Some((_, v)) => v
            .parse::<usize>()
            .map_err(|_| format!("{flag} needs a number, not {v}")),
        None => Ok(default),
    };
    let articles = number("--articles", 1000)?;
    let runs = number("--runs", 3)?;
    let dir = options
        .iter()
        .find(|(k, _)| k == "--dir")
        .map_or_else(std::env::temp_dir, |(_, v)| PathBuf::from(v));
    std::fs::create_dir_all(&dir).map_err(|e| {
        format!(
            "cannot make the folder {} for the project: {e}",
            dir.display()
        )
    })?;
    let lex = load_lexicon()?;
    print!(
        "{}",
        crate::app::bench_project::bench(&paths, articles, runs, &dir, &lex)?
    );
    Ok(ExitCode::SUCCESS)
}
