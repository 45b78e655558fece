//! Fuzz harnesses: one function per reader of outside bytes, each taking arbitrary bytes,
//! never panicking on them, and checking what the reader made of them (byte ranges inside the
//! text and on character boundaries, files that read back as written). The `fuzz/` crate runs
//! them under libFuzzer for long runs (nightly); the unit tests below replay the committed
//! seeds and reproducers in `fuzz/seeds/` and a few thousand mutations of them on stable, so
//! CI runs every harness briefly. A broken guarantee panics with the reason.

#![allow(
    clippy::missing_panics_doc,
    reason = "a harness panics to report a broken guarantee: that is what it is for"
)]

use std::path::Path;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::extract::{Lexicon, check_extraction, extract};
use crate::files::{layout_file, project};
use crate::graph::NewsGraph;
use crate::ingest::{self, Article, Format, IngestError, invariants};

/// A harness: bytes in, a panic when a guarantee breaks.
pub type Harness = fn(&[u8]);

/// Every harness by name (the names of the `fuzz/` targets and of the seed folders).
pub const HARNESSES: &[(&str, Harness)] = &[
    ("text", text),
    ("markdown", markdown),
    ("html", html),
    ("layout", layout),
    ("project", project),
    ("model", model),
    ("lexicon", lexicon),
    ("extract", extract_text),
];

/// Article texts larger than this are read but not extracted by the harnesses that extract
/// (`project`, `lexicon`, `model`): their subject is the file, not the pipeline's speed.
const EXTRACT_LIMIT: usize = 64 * 1024;

/// Reads `bytes` as `format` and checks the article's guarantees; refusals must be the
/// refusals a reader may give (binary, empty, too large).
fn read(bytes: &[u8], format: Format) -> Option<Article> {
    match ingest::parse("fuzz", bytes, format) {
        Ok(article) => {
            if let Err(broken) = invariants::check(&article, format) {
                panic!("{format:?} reader: {broken}");
            }
            Some(article)
        }
        Err(
            IngestError::Binary { .. } | IngestError::Empty { .. } | IngestError::TooLarge { .. },
        ) => None,
        Err(other) => panic!("{format:?} reader: unexpected error {other}"),
    }
}

/// Plain text in each encoding the decoder knows: the first byte picks how the rest is
/// written (as it is, after a UTF-8 byte-order mark, as UTF-16 with a little- or big-endian
/// mark or with none, or as Windows-1252).
pub fn text(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let as_text = || String::from_utf8_lossy(rest);
    let utf16 = |little: bool, mark: bool| -> Vec<u8> {
        let mut out = Vec::with_capacity(rest.len() * 2 + 2);
        let text = as_text();
        let units = mark
            .then_some(0xFEFF)
            .into_iter()
            .chain(text.encode_utf16());
        for unit in units {
            let bytes = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    };
    let bytes: Vec<u8> = match pick % 6 {
        0 => rest.to_vec(),
        1 => [&[0xEF, 0xBB, 0xBF][..], rest].concat(),
        2 => utf16(true, true),
        3 => utf16(false, true),
        4 => utf16(true, false),
        _ => encoding_rs::WINDOWS_1252.encode(&as_text()).0.into_owned(),
    };
    read(&bytes, Format::Text);
}

/// Markdown.
pub fn markdown(data: &[u8]) {
    read(data, Format::Markdown);
}

/// HTML.
pub fn html(data: &[u8]) {
    read(data, Format::Html);
}

/// A layout file: refused with a message, or accepted with finite numbers, and then written
/// and read back to the same bytes.
///
/// # Panics
/// When an accepted layout does not read back to the same bytes (a bug the fuzzer found).
pub fn layout(data: &[u8]) {
    let path = Path::new("fuzz.layout.json");
    let Ok(file) = layout_file::parse(data, path) else {
        return;
    };
    let bytes = layout_file::to_bytes(&file);
    let again = layout_file::parse(&bytes, path)
        .unwrap_or_else(|e| panic!("a layout that was read does not read back: {e}"));
    assert_eq!(
        layout_file::to_bytes(&again),
        bytes,
        "a layout reads back differently"
    );
}

/// A project file: refused with a message, or accepted with articles whose ranges all point
/// into their texts and stored extractions that fit their articles; it then writes and reads
/// back, and its small articles go through the pipeline and into a graph.
///
/// # Panics
/// When an accepted project breaks one of these promises (a bug the fuzzer found).
pub fn project(data: &[u8]) {
    let path = Path::new("fuzz.newsgraph");
    let Ok((file, articles)) = project::parse(data, path) else {
        return;
    };
    let mut graph = NewsGraph::new();
    for (i, article) in articles.iter().enumerate() {
        check_ranges(article).unwrap_or_else(|e| panic!("project article {i}: {e}"));
        let stored = file
            .extractions
            .as_ref()
            .and_then(|s| s.items.get(i))
            .cloned();
        if let Some(stored) = &stored {
            check_extraction(&article.text, stored)
                .unwrap_or_else(|e| panic!("stored extraction {i}: {e}"));
        }
        let extraction = match stored {
            Some(e) => e,
            None if article.text.len() <= EXTRACT_LIMIT => extract(article, shared_lexicon()),
            None => continue,
        };
        graph.add_article(article, &extraction);
    }
    check_graph(&graph);
    let bytes = project::to_bytes(&file);
    if let Err(e) = project::parse(&bytes, path) {
        panic!("a project that was read does not read back: {e}");
    }
}

/// A model file (the first byte picks the entity tagger or the parser): refused, or used on a
/// short article without a panic.
pub fn model(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    with_lexicon(|lex| {
        if pick % 2 == 0 {
            let Ok(tagger) = crate::extract::ner::NerModel::from_bytes(rest) else {
                return;
            };
            let kept = std::mem::replace(&mut lex.tagger, tagger);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                extract_small(lex);
            }));
            lex.tagger = kept;
            if let Err(panic) = result {
                std::panic::resume_unwind(panic);
            }
        } else {
            let Ok(parser) =
                crate::extract::parse::Parser::from_bytes(rest, lex.parser.word_classes().clone())
            else {
                return;
            };
            let kept = std::mem::replace(&mut lex.parser, parser);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                extract_small(lex);
            }));
            lex.parser = kept;
            if let Err(panic) = result {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

/// A lexicon file (the first byte picks which of the override folder's files the rest
/// replaces): refused with a message naming the file, or used on a short article.
///
/// # Panics
/// When a refusal does not name the file, or the article's extraction breaks a promise (a bug
/// the fuzzer found).
pub fn lexicon(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let names = Lexicon::file_names();
    let name = names[usize::from(pick) % names.len()];
    let text = String::from_utf8_lossy(rest);
    with_lexicon(|base| match Lexicon::with_file(name, &text, base) {
        Ok(mut lex) => {
            extract_small(&lex);
            lex.give_models_back(base);
        }
        Err(e) => assert!(
            e.to_string().contains(name),
            "the message does not name {name}: {e}"
        ),
    });
}

/// The whole pipeline on arbitrary text (the first byte picks the format): every range of the
/// extraction inside the text and on character boundaries, mentions inside their sentences,
/// and the graph's evidence inside its articles.
///
/// # Panics
/// When the extraction or the graph breaks one of these promises (a bug the fuzzer found).
pub fn extract_text(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let format = match pick % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let Some(article) = read(rest, format) else {
        return;
    };
    let extraction = extract(&article, shared_lexicon());
    check_extraction(&article.text, &extraction).unwrap_or_else(|e| panic!("{e}"));
    let mut graph = NewsGraph::new();
    graph.add_article(&article, &extraction);
    check_graph(&graph);
}

/// The embedded lexicon, made once per process.
fn shared_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::embedded)
}

/// Runs `f` on a lexicon of the process's own that it may change and must restore (the
/// models are large: swapping them in and out is far cheaper than loading them each time).
fn with_lexicon(f: impl FnOnce(&mut Lexicon)) {
    static LEXICON: OnceLock<Mutex<Lexicon>> = OnceLock::new();
    let lock = LEXICON.get_or_init(|| Mutex::new(Lexicon::embedded()));
    let mut lex = lock.lock().unwrap_or_else(PoisonError::into_inner);
    f(&mut lex);
}

/// A short article through the pipeline with `lex`, checked.
fn extract_small(lex: &Lexicon) {
    const SMALL: &str = "Talks in Manila\n\nJapanese Defense Minister Haruto Sakai met \
        Philippine President Ferdinand Marcos in Manila on 3 March 2025. China condemned the \
        visit, and the United Nations called for talks on the South China Sea.\n";
    let article = ingest::parse("small.txt", SMALL.as_bytes(), Format::Text)
        .expect("the small article reads (a fixed text)");
    let extraction = extract(&article, lex);
    check_extraction(&article.text, &extraction).unwrap_or_else(|e| panic!("{e}"));
}

fn in_text(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end && text.get(r.clone()).is_some()
}

/// The ranges of an article rebuilt from a file: blocks and links inside the text.
fn check_ranges(article: &Article) -> Result<(), String> {
    for b in &article.blocks {
        if !in_text(&article.text, &b.span) {
            return Err(format!("block {:?} outside the text", b.span));
        }
    }
    for l in &article.links {
        if let Some(span) = &l.span
            && !in_text(&article.text, span)
        {
            return Err(format!("link {span:?} outside the text"));
        }
    }
    Ok(())
}

/// Every piece of evidence in the graph points into its article's text.
fn check_graph(graph: &NewsGraph) {
    let g = graph.graph();
    let evidence = g
        .node_weights()
        .flat_map(|n| &n.evidence)
        .chain(g.edge_weights().flat_map(|e| &e.evidence));
    for ev in evidence {
        let article = graph
            .article(ev.article)
            .unwrap_or_else(|| panic!("evidence names article {:?}, not in the graph", ev.article));
        let text = &article.text;
        assert!(
            in_text(text, &ev.sentence) && in_text(text, &ev.mention),
            "evidence {:?}/{:?} outside its article",
            ev.sentence,
            ev.mention
        );
        for role in &ev.roles {
            assert!(
                in_text(text, &role.span),
                "role {:?} outside its article",
                role.span
            );
        }
    }
}

#[cfg(test)]
mod tests;
