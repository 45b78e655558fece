//! `newsgraph train parse`, `eval parse` and `bench parse`: the tagger and parser on CoNLL-U
//! files and on the news articles.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::{USAGE, load_lexicon, split_args};
use crate::extract::Doc;
use crate::extract::clusters::WordClasses;
use crate::extract::parse::Parser;
use crate::extract::parse::average::{Averaging, train_averaged};
use crate::extract::parse::beam::Update;
use crate::extract::parse::conllu::{ConlluSentence, read_conllu};
use crate::extract::parse::score::{score_gold, score_tokenized};
use crate::extract::parse::train::TrainOptions;
use crate::files::write_atomic;

fn read(path: &Path) -> Result<Vec<ConlluSentence>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("could not read the CoNLL-U file ({e}): {}", path.display()))?;
    read_conllu(&text)
        .map_err(|e| format!("the CoNLL-U file is not valid ({e}): {}", path.display()))
}

fn number(options: &[(String, String)], flag: &str, default: usize) -> Result<usize, String> {
    match options.iter().find(|(k, _)| k == flag) {
        Some((_, v)) => v
            .parse()
            .map_err(|_| format!("{flag} needs a number, not {v}")),
        None => Ok(default),
    }
}

/// `newsgraph train parse --train FILE [--dev FILE] --out MODEL [--tag-epochs N] [--epochs N]
/// [--relabel-epochs N] [--relabel-share PER_CENT] [--beam K] [--update early|max]
/// [--greedy-epochs G]`.
pub fn train_parse(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(
        args,
        &[
            "--train",
            "--dev",
            "--out",
            "--epochs",
            "--tag-epochs",
            "--min-updates",
            "--tag-min-updates",
            "--relabel-epochs",
            "--relabel-share",
            "--seed",
            "--explore",
            "--folds",
            "--models",
            "--keep-in",
            "--first-tagger",
            "--beam",
            "--update",
            "--greedy-epochs",
            "--restart-average",
        ],
    )?;
    if !paths.is_empty() {
        return Err(format!(
            "train parse takes its files as --train and --dev\n\n{USAGE}"
        ));
    }
    let get = |k: &str| options.iter().find(|(o, _)| o == k).map(|(_, v)| v.clone());
    let train_path = get("--train").ok_or("train parse needs --train FILE")?;
    let out = get("--out").ok_or("train parse needs --out MODEL")?;
    let defaults = TrainOptions::default();
    let opts = TrainOptions {
        parse_epochs: number(&options, "--epochs", defaults.parse_epochs)?,
        tag_epochs: number(&options, "--tag-epochs", defaults.tag_epochs)?,
        min_updates: u32::try_from(number(
            &options,
            "--min-updates",
            defaults.min_updates as usize,
        )?)
        .unwrap_or(u32::MAX),
        tag_min_updates: u32::try_from(number(
            &options,
            "--tag-min-updates",
            defaults.tag_min_updates as usize,
        )?)
        .unwrap_or(u32::MAX),
        relabel_epochs: number(&options, "--relabel-epochs", defaults.relabel_epochs)?,
        relabel_share: number(&options, "--relabel-share", defaults.relabel_share)?,
        folds: number(&options, "--folds", defaults.folds)?,
        explore_per_mille: u64::try_from(number(
            &options,
            "--explore",
            usize::try_from(defaults.explore_per_mille).unwrap_or(usize::MAX),
        )?)
        .unwrap_or(u64::MAX),
        seed: u64::try_from(number(
            &options,
            "--seed",
            usize::try_from(defaults.seed).unwrap_or(usize::MAX),
        )?)
        .unwrap_or(u64::MAX),
        beam: number(&options, "--beam", defaults.beam)?.max(1),
        greedy_epochs: number(&options, "--greedy-epochs", defaults.greedy_epochs)?,
        restart_average: number(&options, "--restart-average", 0)? != 0,
        update: match get("--update").as_deref() {
            None => defaults.update,
            Some("early") => Update::Early,
            Some("max") => Update::MaxViolation,
            Some(other) => return Err(format!("--update is early or max, not {other}")),
        },
    };
    let train_set = read(Path::new(&train_path))?;
    let dev = match get("--dev") {
        Some(d) => read(Path::new(&d))?,
        None => Vec::new(),
    };
    let started = Instant::now();
    let models = number(&options, "--models", 1)?;
    let keep_in = number(&options, "--keep-in", 1)?;
    let parser = train_averaged(
        &train_set,
        &dev,
        &WordClasses::embedded(),
        opts,
        Averaging {
            models,
            keep_in,
            tagger_of_first: number(&options, "--first-tagger", 0)? != 0,
        },
        &mut |line| {
            eprintln!("{:>6.1} s  {line}", started.elapsed().as_secs_f64());
        },
    );
    let bytes = parser.to_bytes();
    write_atomic(Path::new(&out), &bytes)
        .map_err(|e| format!("could not write the model ({e}): {out}"))?;
    let [t, m, l, r] = parser.feature_counts();
    #[allow(clippy::cast_precision_loss, reason = "a file size")]
    let megabytes = bytes.len() as f64 / 1e6;
    eprintln!(
        "newsgraph: {t} tagger, {m} transition, {l} label and {r} second-pass label features, \
         {megabytes:.1} MB written to {out}"
    );
    Ok(ExitCode::SUCCESS)
}

/// The lexicons, with the parser's beam width set by `--beam W` when given (the model's
/// own width otherwise).
fn lexicon_with_beam(options: &[(String, String)]) -> Result<crate::extract::Lexicon, String> {
    let mut lex = load_lexicon()?;
    if options.iter().any(|(k, _)| k == "--beam") {
        lex.parser.set_beam(number(options, "--beam", 1)?);
    }
    Ok(lex)
}

/// `newsgraph eval parse FILE.conllu [--conllu OUT] [--beam W]`.
pub fn eval_parse(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--conllu", "--beam"])?;
    let [path] = paths.as_slice() else {
        return Err(format!("eval parse takes one CoNLL-U file\n\n{USAGE}"));
    };
    let sentences = read(path)?;
    let loading = Instant::now();
    let lex = lexicon_with_beam(&options)?;
    let load_ms = loading.elapsed().as_secs_f64() * 1e3;
    let parser = &lex.parser;
    let started = Instant::now();
    let gold = score_gold(parser, &sentences);
    let secs = started.elapsed().as_secs_f64();
    let ours = score_tokenized(parser, &sentences);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} sentences, {} words (lexicon and models loaded in {load_ms:.0} ms)",
        path.display(),
        sentences.len(),
        gold.words
    );
    let _ = writeln!(
        out,
        "gold tokens:        UPOS {:.4} (all words)   UAS {:.4}   LAS {:.4}   \
         (punctuation excluded: {} words scored; with it UAS {:.4} LAS {:.4})",
        gold.upos(),
        gold.uas(),
        gold.las(),
        gold.scored,
        gold.uas_all(),
        gold.las_all()
    );
    let _ = writeln!(
        out,
        "our tokenization:   UPOS {:.4}               UAS {:.4}   LAS {:.4}   \
         (F1 over words aligned by characters, punctuation excluded; words F1 {:.4})",
        ours.upos(),
        ours.uas(),
        ours.las(),
        ours.words_f1()
    );
    #[allow(clippy::cast_precision_loss, reason = "word counts")]
    let rate = gold.words as f64 / secs.max(1e-9);
    let _ = writeln!(
        out,
        "tagged and parsed gold words in {secs:.2} s, one core ({rate:.0} words/s)"
    );
    print!("{out}");
    if let Some((_, to)) = options.iter().find(|(k, _)| k == "--conllu") {
        let to = Path::new(to);
        write_atomic(to, predicted_conllu(parser, &sentences).as_bytes())
            .map_err(|e| format!("could not write the parses ({e}): {}", to.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The parses of the gold words as CoNLL-U (form, predicted UPOS, head and relation; the
/// other columns `_`), for reading the errors beside the gold file.
fn predicted_conllu(parser: &Parser, sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for sentence in sentences {
        let forms = sentence.forms();
        let (upos, heads, deprels) = parser.parse_words(&forms);
        for (i, form) in forms.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}\t{form}\t_\t{}\t_\t_\t{}\t{}\t_\t_",
                i + 1,
                upos[i].name(),
                heads[i],
                deprels[i].name()
            );
        }
        out.push('\n');
    }
    out
}

/// `newsgraph bench parse [FOLDERS...] [--runs N]`: tokenize, tag and parse every sentence
/// of the articles on one core; prints the median time per token.
pub fn bench_parse(args: &[String]) -> Result<ExitCode, String> {
    let (mut folders, options) = split_args(args, &["--runs", "--beam"])?;
    let runs = number(&options, "--runs", 5)?.max(1);
    if folders.is_empty() {
        folders.push(PathBuf::from("../shared/data/news"));
    }
    let lex = lexicon_with_beam(&options)?;
    let refs: Vec<&Path> = folders.iter().map(PathBuf::as_path).collect();
    let mut problems = Vec::new();
    let inputs = crate::bench::load_corpus(&refs, &[], &mut problems);
    for p in &problems {
        eprintln!("newsgraph: skipped: {p}");
    }
    let articles: Vec<crate::ingest::Article> = inputs
        .iter()
        .filter_map(|i| crate::ingest::parse(&i.name, &i.bytes, i.format).ok())
        .collect();
    if articles.is_empty() {
        return Err("nothing to measure: no readable articles".into());
    }
    let docs: Vec<Doc> = articles.iter().map(Doc::new).collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let mut times = Vec::with_capacity(runs);
    let mut words = 0;
    for _ in 0..runs {
        let started = Instant::now();
        words = 0;
        for doc in &docs {
            for s in 0..doc.sentences.len() {
                words += lex.parser.parse_sentence(doc, s).words.len();
            }
        }
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    #[allow(clippy::cast_precision_loss, reason = "token counts")]
    let per_token = median * 1e6 / tokens as f64;
    #[allow(clippy::cast_precision_loss, reason = "token counts")]
    let rate = tokens as f64 / median;
    println!(
        "{} articles, {tokens} tokens, {words} UD words; median of {runs} runs on one core: \
         {median:.3} s, {per_token:.3} µs per token ({rate:.0} tokens/s)",
        articles.len()
    );
    Ok(ExitCode::SUCCESS)
}
