//! The graph as documented JSON (`newsgraph extract --json`, File ▸ Export graph): articles,
//! nodes with kind, name, aliases, role and evidence, edges with kind and evidence. Node order
//! is by key and edge order by endpoints, so the same articles give the same bytes.

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
    /// The sentence text.
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

fn evidence_out(graph: &NewsGraph, ev: &crate::graph::Evidence) -> EvidenceOut {
    let text = graph
        .article(ev.article)
        .and_then(|a| a.text.get(ev.sentence.clone()))
        .unwrap_or_default()
        .to_string();
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
