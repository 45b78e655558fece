//! The graph as flat rows of named attributes, shared by the exports other tools read
//! (GraphML, GEXF, CSV, node-link JSON): every node and edge gets the same columns, with
//! lists joined into one string and evidence kept as its sentences. Built from the JSON export,
//! so all formats say the same thing in the same order.

use super::export::{EvidenceOut, GraphExport};

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text.
    Text,
    /// A whole number.
    Int,
}

/// A column: name and type.
pub type Column = (&'static str, ColumnType);

/// Node columns, in output order.
pub const NODE_COLUMNS: [Column; 15] = [
    ("kind", ColumnType::Text),
    ("name", ColumnType::Text),
    ("aliases", ColumnType::Text),
    ("role", ColumnType::Text),
    ("affiliation", ColumnType::Text),
    ("mentions", ColumnType::Int),
    ("category", ColumnType::Text),
    ("quad", ColumnType::Text),
    ("event_kind", ColumnType::Text),
    ("source", ColumnType::Text),
    ("targets", ColumnType::Text),
    ("place", ColumnType::Text),
    ("date", ColumnType::Text),
    ("modality", ColumnType::Text),
    ("evidence", ColumnType::Text),
];

/// Edge columns, in output order.
pub const EDGE_COLUMNS: [Column; 5] = [
    ("kind", ColumnType::Text),
    ("category", ColumnType::Text),
    ("label", ColumnType::Text),
    ("mentions", ColumnType::Int),
    ("evidence", ColumnType::Text),
];

/// Separator of list items inside one value (aliases, targets).
pub const LIST_SEPARATOR: &str = ";";

/// One value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A whole number.
    Int(u64),
}

impl Value {
    /// As text.
    pub fn to_text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Int(n) => n.to_string(),
        }
    }
}

/// A node as a row.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatNode {
    /// Its key (the id in every format).
    pub key: String,
    /// Values by [`NODE_COLUMNS`] position; `None` where it has none.
    pub values: Vec<Option<Value>>,
    /// When it happened, as a full `YYYY-MM-DD` date (events only; for timelines).
    pub start: Option<String>,
}

/// An edge as a row.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatEdge {
    /// Position in the edge list (its id: `e0`, `e1`, ...).
    pub index: usize,
    /// Source key.
    pub source: String,
    /// Target key.
    pub target: String,
    /// Values by [`EDGE_COLUMNS`] position.
    pub values: Vec<Option<Value>>,
}

/// The whole graph as rows.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatGraph {
    /// Nodes by key.
    pub nodes: Vec<FlatNode>,
    /// Edges by source, target and kind.
    pub edges: Vec<FlatEdge>,
}

fn text(s: &str) -> Option<Value> {
    (!s.is_empty()).then(|| Value::Text(s.to_string()))
}

fn opt(s: Option<&String>) -> Option<Value> {
    s.and_then(|s| text(s))
}

fn evidence(ev: &[EvidenceOut]) -> Option<Value> {
    let joined: Vec<String> = ev
        .iter()
        .map(|e| format!("[article {}] {}", e.article, e.text.trim()))
        .collect();
    text(&joined.join("\n"))
}

/// Completes a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date to a full date; `None` for anything else.
pub fn full_date(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if digits(y, 4) => Some(format!("{y}-01-01")),
        [y, m] if digits(y, 4) && digits(m, 2) => Some(format!("{y}-{m}-01")),
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => Some(date.to_string()),
        _ => None,
    }
}

/// Flattens an export.
pub fn flatten(export: &GraphExport) -> FlatGraph {
    let nodes = export
        .nodes
        .iter()
        .map(|n| {
            let kind = serde_json::to_value(n.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let e = n.event.as_ref();
            let quad = e.and_then(|e| {
                serde_json::to_value(e.quad)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
            });
            let modality = e.and_then(|e| {
                e.modality.and_then(|m| {
                    serde_json::to_value(m)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                })
            });
            // An undated event happened when its earliest dated article says.
            let start = e.and_then(|e| {
                e.date.as_deref().and_then(full_date).or_else(|| {
                    n.evidence
                        .iter()
                        .filter_map(|ev| export.articles.get(ev.article as usize))
                        .filter_map(|a| a.date.as_deref().and_then(full_date))
                        .min()
                })
            });
            let values = vec![
                text(&kind),
                text(&n.name),
                text(&n.aliases.join(LIST_SEPARATOR)),
                opt(n.role.as_ref()),
                opt(n.affiliation.as_ref()),
                Some(Value::Int(u64::from(n.mentions))),
                e.and_then(|e| text(&e.category)),
                quad.as_deref().and_then(text),
                e.and_then(|e| text(&e.kind)),
                e.and_then(|e| opt(e.source.as_ref())),
                e.and_then(|e| text(&e.targets.join(LIST_SEPARATOR))),
                e.and_then(|e| opt(e.place.as_ref())),
                e.and_then(|e| opt(e.date.as_ref())),
                modality.as_deref().and_then(text),
                evidence(&n.evidence),
            ];
            FlatNode {
                key: n.key.clone(),
                values,
                start,
            }
        })
        .collect();
    let edges = export
        .edges
        .iter()
        .enumerate()
        .map(|(index, e)| FlatEdge {
            index,
            source: e.source.clone(),
            target: e.target.clone(),
            values: vec![
                text(&e.kind),
                opt(e.category.as_ref()),
                text(&e.label),
                Some(Value::Int(u64::from(e.mentions))),
                evidence(&e.evidence),
            ],
        })
        .collect();
    FlatGraph { nodes, edges }
}

/// Removes characters XML 1.0 cannot hold even escaped (control characters other than tab,
/// newline and carriage return).
pub fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let bad =
        |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r') || c == '\u{fffe}' || c == '\u{ffff}';
    if s.chars().any(bad) {
        s.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_completed_or_dropped() {
        assert_eq!(full_date("2025"), Some("2025-01-01".into()));
        assert_eq!(full_date("2025-05"), Some("2025-05-01".into()));
        assert_eq!(full_date("2025-05-02"), Some("2025-05-02".into()));
        assert_eq!(full_date("May 2025"), None);
        assert_eq!(full_date("25-05-02"), None);
    }

    #[test]
    fn xml_unsafe_characters_go() {
        assert_eq!(xml_safe("a\u{1}b\tc"), "ab\tc");
        assert!(matches!(xml_safe("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
