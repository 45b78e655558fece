//! Extractions as JSON Lines, for large archives: `newsgraph extract --jsonl OUT` writes one
//! line per article (the article as read and its extraction, nothing shared between articles),
//! so any batch engine can run that step over many machines; `newsgraph merge` reads the lines
//! back and builds the graph. Lines are merged in the order of their files' paths, the order the
//! direct `newsgraph extract` uses, so the merged graph equals the direct one whatever order the
//! engine wrote them in.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::project::SavedArticle;
use crate::extract::Extraction;
use crate::graph::NewsGraph;
use crate::ingest::Article;

/// Format name written into every line.
pub const FORMAT: &str = "newsgraph-extraction";
/// Current version.
pub const FORMAT_VERSION: u32 = 1;

/// One line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The version of newsgraph that extracted it.
    pub extractor: String,
    /// The file it was read from, as given.
    pub path: String,
    /// The article as read.
    pub article: SavedArticle,
    /// What was found in it.
    pub extraction: Extraction,
}

/// A line that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("Line {line} is not a newsgraph extraction ({reason}): {path}")]
pub struct LineError {
    /// Its number, from 1.
    pub line: usize,
    /// Why.
    pub reason: String,
    /// The file.
    pub path: PathBuf,
}

/// The line of one article (without the newline).
pub fn to_line(path: &Path, article: &Article, extraction: &Extraction) -> String {
    let record = Record {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        extractor: env!("CARGO_PKG_VERSION").to_owned(),
        path: path.display().to_string(),
        article: SavedArticle::from(article),
        extraction: extraction.clone(),
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// Parses the lines of one file (blank lines are skipped); `path` names it in messages.
///
/// # Errors
/// The first line that is not an extraction of a version this build reads.
pub fn parse(text: &str, path: &Path) -> Result<Vec<(PathBuf, Article, Extraction)>, LineError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fail = |reason: String| LineError {
            line: i + 1,
            reason,
            path: path.to_path_buf(),
        };
        let record: Record = serde_json::from_str(line).map_err(|e| fail(e.to_string()))?;
        if record.format != FORMAT {
            return Err(fail(format!("its format is not \"{FORMAT}\"")));
        }
        if record.format_version == 0 || record.format_version > FORMAT_VERSION {
            return Err(fail(format!(
                "format version {}; this newsgraph reads up to {FORMAT_VERSION}",
                record.format_version
            )));
        }
        let article = record.article.to_article().map_err(fail)?;
        out.push((PathBuf::from(record.path), article, record.extraction));
    }
    Ok(out)
}

/// The graph of the records, merged in the order of their paths (as `newsgraph extract` orders
/// its files).
pub fn merge(mut records: Vec<(PathBuf, Article, Extraction)>) -> NewsGraph {
    records.sort_by(|a, b| a.0.cmp(&b.0));
    let mut graph = NewsGraph::new();
    for (_, article, extraction) in &records {
        graph.add_article(article, extraction);
    }
    graph
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Lexicon, extract};
    use crate::graph::corrections::canonical;
    use crate::ingest::{expand_inputs, read_file};

    #[test]
    fn merged_lines_in_any_order_give_the_direct_graph() {
        // The 300 articles when the shared data is there, else the test fixtures.
        let news = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news");
        let input = if news.is_dir() {
            news
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
        };
        let (files, _) = expand_inputs(&[input]);
        let files: Vec<PathBuf> = files.into_iter().take(60).collect();
        let lex = Lexicon::embedded();
        let results: Vec<crate::pipeline::FileResult> = files
            .iter()
            .map(|p| {
                read_file(p).map(|a| {
                    let e = extract(&a, &lex);
                    (a, e)
                })
            })
            .collect();
        let mut lines: Vec<String> = files
            .iter()
            .zip(&results)
            .filter_map(|(p, r)| r.as_ref().ok().map(|(a, e)| to_line(p, a, e)))
            .collect();
        let mut direct = NewsGraph::new();
        crate::pipeline::merge(&mut direct, results);
        // An engine writes lines in its own order: reversed here, split over two files.
        lines.reverse();
        let half = lines.len() / 2;
        let mut records = parse(&lines[..half].join("\n"), Path::new("a.jsonl")).unwrap();
        records.extend(parse(&lines[half..].join("\n"), Path::new("b.jsonl")).unwrap());
        let merged = merge(records);
        assert!(direct.node_count() > 50);
        assert_eq!(canonical(&merged), canonical(&direct));
    }

    #[test]
    fn a_bad_line_is_named_with_its_file() {
        let err = parse("\n{\"format\":\"x\"}\n", Path::new("/tmp/parts.jsonl")).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().ends_with("/tmp/parts.jsonl"), "{err}");
    }
}
