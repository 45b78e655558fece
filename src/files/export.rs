//! The graph as documented JSON (`newsgraph extract --json`, File ▸ Export graph): articles,
//! nodes with kind, name, aliases, role and evidence, edges with kind and evidence. Node order
//! is by key and edge order by endpoints, so the same articles give the same bytes.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::extract::{Modality, QuadClass};
use crate::graph::{EdgeKind, NewsGraph, NodeKind};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

/// Format name written into every export.
pub const FORMAT: &str = "newsgraph-graph";
/// Current export version.
pub const FORMAT_VERSION: u32 = 1;

/// The whole export.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GraphExport {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Articles, indexed by `EvidenceOut::article`.
    pub articles: Vec<ArticleOut>,
    /// Nodes, sorted by key.
    pub nodes: Vec<NodeOut>,
    /// Edges, sorted by source, target and kind.
    pub edges: Vec<EdgeOut>,
}

/// One article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleOut {
    /// Index used by evidence.
    pub id: u32,
    /// Where it came from.
    pub source: String,
    /// Title.
    pub title: String,
    /// Publication date, when known.
    pub date: Option<String>,
    /// Link targets found in it (its sources).
    pub links: Vec<String>,
}

/// One piece of evidence.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EvidenceOut {
    /// Article index.
    pub article: u32,
    /// Sentence byte range `[start, end)` in the article's text.
    pub sentence: [usize; 2],
    /// Mention byte range.
    pub mention: [usize; 2],
    /// The sentence's text, or at most [`EXCERPT_BYTES`] of it around the mention (with "…"
    /// where it is cut) when it is longer.
    pub text: String,
}

/// Event details.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventOut {
    /// PLOVER category.
    pub category: String,
    /// Quad class.
    pub quad: QuadClass,
    /// Plain-words kind.
    pub kind: String,
    /// Acting actor's key.
    pub source: Option<String>,
    /// Keys of the actors acted upon.
    pub targets: Vec<String>,
    /// Place.
    pub place: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// How it is stated (`planned`, `called_for`, ...), when not simply reported as done.
    #[serde(default)]
    pub modality: Option<Modality>,
}

/// One node.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NodeOut {
    /// Stable key.
    pub key: String,
    /// person, country, organization, event or issue.
    pub kind: NodeKind,
    /// Display name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Role (people).
    pub role: Option<String>,
    /// Key of the affiliated country.
    pub affiliation: Option<String>,
    /// Mentions over all articles.
    pub mentions: u32,
    /// Event details (events only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub event: Option<EventOut>,
    /// Supporting sentences.
    pub evidence: Vec<EvidenceOut>,
}

/// One edge.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EdgeOut {
    /// Source node key.
    pub source: String,
    /// Target node key.
    pub target: String,
    /// `participates_in`, `involved_in`, `about`, `affiliated_with` or `acted`.
    pub kind: String,
    /// PLOVER category for `acted` edges.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub category: Option<String>,
    /// Readable relation ("met", "condemned").
    pub label: String,
    /// Supporting mentions.
    pub mentions: u32,
    /// Supporting sentences.
    pub evidence: Vec<EvidenceOut>,
}

/// Longest evidence text written, in bytes: a longer sentence is cut to this much around its
/// mention (the ranges stay exact). Without it, a mention in a run of text with no full stop
/// copied the whole run, once per mention.
pub const EXCERPT_BYTES: usize = 600;

/// The words of `sentence` around `mention`, at most [`EXCERPT_BYTES`] of them (plus "…" at a
/// cut end), cut at spaces where one is near.
pub fn excerpt(text: &str, sentence: &Range<usize>, mention: &Range<usize>) -> String {
    let Some(whole) = text.get(sentence.clone()) else {
        return String::new();
    };
    if whole.len() <= EXCERPT_BYTES {
        return whole.to_owned();
    }
    // Offsets inside the sentence; the mention centred when it fits.
    let m_start = mention.start.clamp(sentence.start, sentence.end) - sentence.start;
    let mut start = m_start.saturating_sub(EXCERPT_BYTES / 3);
    let end_limit = (start + EXCERPT_BYTES).min(whole.len());
    start = end_limit.saturating_sub(EXCERPT_BYTES).min(start);
    let floor = |mut i: usize| {
        while !whole.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (mut start, mut end) = (floor(start), floor(end_limit));
    // Move each cut to a space within a few words, so no word is broken.
    if start > 0
        && let Some(space) = whole[start..floor((start + 40).min(end))].find(' ')
    {
        start += space + 1;
    }
    if end < whole.len()
        && let Some(space) = whole[floor(end.saturating_sub(40).max(start))..end].rfind(' ')
    {
        end = floor(end.saturating_sub(40).max(start)) + space;
    }
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    out.push_str(whole[start..end].trim());
    if end < whole.len() {
        out.push('…');
    }
    out
}

fn evidence_out(graph: &NewsGraph, ev: &crate::graph::Evidence) -> EvidenceOut {
    let text = graph
        .article(ev.article)
        .map(|a| excerpt(&a.text, &ev.sentence, &ev.mention))
        .unwrap_or_default();
    EvidenceOut {
        article: ev.article.0,
        sentence: [ev.sentence.start, ev.sentence.end],
        mention: [ev.mention.start, ev.mention.end],
        text,
    }
}

/// Builds the export of the whole graph.
pub fn export(graph: &NewsGraph) -> GraphExport {
    let articles = graph
        .articles()
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleOut {
            id: u32::try_from(i).unwrap_or(u32::MAX),
            source: a.source.clone(),
            title: a.title.clone(),
            date: a.date.clone(),
            links: a.links.iter().map(|l| l.url.clone()).collect(),
        })
        .collect();
    let nodes = graph
        .nodes_sorted()
        .into_iter()
        .map(|n| NodeOut {
            key: n.key.0.clone(),
            kind: n.kind,
            name: n.name.clone(),
            aliases: n.aliases.iter().cloned().collect(),
            role: n.role.clone(),
            affiliation: n.affiliation.as_ref().map(|k| k.0.clone()),
            mentions: n.mentions,
            event: n.event.as_ref().map(|e| EventOut {
                category: e.category.name().to_string(),
                quad: e.category.quad(),
                kind: e.kind.clone(),
                source: e.source.as_ref().map(|k| k.0.clone()),
                targets: e.targets.iter().map(|k| k.0.clone()).collect(),
                place: e.place.clone(),
                date: e.date.clone(),
                modality: e.modality,
            }),
            evidence: n.evidence.iter().map(|e| evidence_out(graph, e)).collect(),
        })
        .collect();
    let g = graph.graph();
    let mut edges: Vec<EdgeOut> = g
        .edge_references()
        .map(|e| {
            let w = e.weight();
            let (kind, category) = match w.kind {
                EdgeKind::ParticipatesIn => ("participates_in", None),
                EdgeKind::InvolvedIn => ("involved_in", None),
                EdgeKind::About => ("about", None),
                EdgeKind::AffiliatedWith => ("affiliated_with", None),
                EdgeKind::Acted(p) => ("acted", Some(p.name().to_string())),
                // Only in the actor view, which is not exported; named for completeness.
                EdgeKind::SharedEvents { .. } => ("shares_events", None),
            };
            EdgeOut {
                source: g[e.source()].key.0.clone(),
                target: g[e.target()].key.0.clone(),
                kind: kind.to_string(),
                category,
                label: w.kind.label().to_string(),
                mentions: w.mentions,
                evidence: w
                    .evidence
                    .iter()
                    .map(|ev| evidence_out(graph, ev))
                    .collect(),
            }
        })
        .collect();
    edges.sort_by(|a, b| {
        (&a.source, &a.target, &a.kind, &a.category).cmp(&(
            &b.source,
            &b.target,
            &b.kind,
            &b.category,
        ))
    });
    GraphExport {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        articles,
        nodes,
        edges,
    }
}

/// The export as pretty JSON bytes.
///
/// # Errors
/// Never in practice: every field serializes.
pub fn to_json(graph: &NewsGraph) -> serde_json::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(&export(graph))?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_sentence_is_written_whole() {
        let text = "Title. China met Japan in Tokyo.";
        assert_eq!(
            excerpt(text, &(7..32), &(7..12)),
            "China met Japan in Tokyo."
        );
    }

    #[test]
    fn a_long_sentence_is_cut_around_its_mention_issue_13() {
        // One "sentence" of 4,000 names with no full stop; the mention near its middle.
        let words: Vec<String> = (0..4000).map(|i| format!("Näme{i}")).collect();
        let text = words.join(" ");
        let at = text.find("Näme2000").expect("the word is there");
        let mention = at..at + "Näme2000".len();
        let cut = excerpt(&text, &(0..text.len()), &mention);
        assert!(
            cut.len() <= EXCERPT_BYTES + 2 * '…'.len_utf8(),
            "{}",
            cut.len()
        );
        assert!(cut.contains("Näme2000"), "{cut}");
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        // Cut at spaces: no broken word at either end.
        let inner = cut.trim_matches('…');
        assert!(
            inner.starts_with("Näme") && inner.split(' ').all(|w| w.len() > 5),
            "{cut}"
        );
        // At the start of the sentence, only the end is cut.
        let first = excerpt(&text, &(0..text.len()), &(0..6));
        assert!(
            first.starts_with("Näme0 ") && first.ends_with('…'),
            "{first}"
        );
        // A range outside the text gives nothing rather than a panic.
        assert_eq!(excerpt(&text, &(5..text.len() + 1), &(6..7)), "");
    }
}
