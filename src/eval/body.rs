//! Body text and dates on a folder of saved pages laid out like Readability's test pages
//! (`NAME/source.html`, `NAME/expected-metadata.json`): the predictions file that
//! `score_body.py` scores, and the publication dates checked against the expected metadata.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::ingest::read_file;

/// What `eval body` prints and writes.
pub struct BodyReport {
    /// Lines for a person: pages read, failures, dates found and right.
    pub summary: String,
    /// `{folder: {"text": body}}` as JSON, the input of `score_body.py`.
    pub predictions: Vec<u8>,
}

/// Reads every `PAGES/*/source.html`.
///
/// # Errors
/// When the folder cannot be listed.
pub fn run(pages: &Path) -> Result<BodyReport, String> {
    let entries = std::fs::read_dir(pages)
        .map_err(|e| format!("could not list the pages ({e}): {}", pages.display()))?;
    let mut folders: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    folders.sort();
    let mut predictions = BTreeMap::new();
    let (mut failed, mut with_date, mut right, mut found) = (0usize, 0usize, 0usize, 0usize);
    let mut summary = String::new();
    for folder in &folders {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected_date = std::fs::read(folder.join("expected-metadata.json"))
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| v.get("publishedTime")?.as_str().map(str::to_owned))
            .and_then(|d| d.get(..10).map(str::to_owned));
        match read_file(&folder.join("source.html")) {
            Ok(article) => {
                // The text as the pipeline reads it, title line included.
                predictions.insert(name.clone(), serde_json::json!({ "text": &article.text }));
                found += usize::from(article.date.is_some());
                if let Some(expected) = &expected_date {
                    with_date += 1;
                    if article.date.as_deref() == Some(expected.as_str()) {
                        right += 1;
                    } else {
                        let _ = writeln!(
                            summary,
                            "date {name}: expected {expected}, got {}",
                            article.date.as_deref().unwrap_or("none")
                        );
                    }
                }
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(summary, "failed {name}: {e}");
            }
        }
    }
    let _ = writeln!(
        summary,
        "{} pages, {failed} not read; publication date right on {right} of the {with_date} \
         pages whose expected metadata has one ({found} pages with a date)",
        folders.len()
    );
    let predictions = serde_json::to_vec(&predictions).map_err(|e| e.to_string())?;
    Ok(BodyReport {
        summary,
        predictions,
    })
}
