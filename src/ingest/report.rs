//! What the readers made of each file, as JSON (`newsgraph ingest FILES... --json OUT`): one
//! object per file with its title, metadata, text, blocks, links and warnings, or its error.

use serde_json::{Value, json};

use super::{Article, BlockKind, IngestError};

/// One file's entry: the article as read, or the error that stopped it.
#[must_use]
pub fn entry(source: &str, result: &Result<Article, IngestError>) -> Value {
    match result {
        Ok(article) => article_json(source, article),
        Err(error) => json!({ "source": source, "error": error.to_string() }),
    }
}

fn article_json(source: &str, a: &Article) -> Value {
    let blocks: Vec<Value> = a
        .blocks
        .iter()
        .map(|b| {
            let (kind, level) = match b.kind {
                BlockKind::Title => ("title", None),
                BlockKind::Heading { level } => ("heading", Some(level)),
                BlockKind::Paragraph => ("paragraph", None),
                BlockKind::ListItem => ("list_item", None),
            };
            let mut block = json!({ "kind": kind, "start": b.span.start, "end": b.span.end });
            if let (Some(level), Some(map)) = (level, block.as_object_mut()) {
                map.insert("level".to_owned(), json!(level));
            }
            block
        })
        .collect();
    let links: Vec<Value> = a
        .links
        .iter()
        .map(|l| match &l.span {
            Some(span) => json!({ "url": l.url, "start": span.start, "end": span.end }),
            None => json!({ "url": l.url }),
        })
        .collect();
    json!({
        "source": source,
        "title": a.title,
        "byline": a.byline,
        "site": a.site,
        "date": a.date,
        "language": a.language,
        "text": a.text,
        "blocks": blocks,
        "links": links,
        "warnings": a.warnings,
    })
}
