//! CSV export in the header conventions of Neo4j's bulk import (`neo4j-admin database import`):
//! a nodes file with `key:ID` and `:LABEL` columns and typed properties (`mentions:long`, lists
//! as `string[]` joined by `;`, Neo4j's default array delimiter), and an edges file with
//! `:START_ID`, `:END_ID` and `:TYPE`. Evidence spans lines, so import with
//! `--multiline-fields=true`. Also reads as plain CSV (pandas, spreadsheets).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::flat::{ColumnType, EDGE_COLUMNS, FlatGraph, NODE_COLUMNS, Value};

/// Columns holding `;`-joined lists.
const LIST_COLUMNS: [&str; 2] = ["aliases", "targets"];

fn header(name: &str, t: ColumnType) -> String {
    match t {
        ColumnType::Int => format!("{name}:long"),
        ColumnType::Text if LIST_COLUMNS.contains(&name) => format!("{name}:string[]"),
        ColumnType::Text => name.to_string(),
    }
}

fn cell(v: Option<&Value>) -> String {
    v.map(Value::to_text).unwrap_or_default()
}

/// The Neo4j label of a node kind: `person` → `Person`.
fn label(kind: &str) -> String {
    let mut c = kind.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn csv_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes the nodes file.
///
/// # Errors
/// When `out` fails.
pub fn write_nodes(graph: &FlatGraph, out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut head = vec!["key:ID".to_string(), ":LABEL".to_string()];
    head.extend(NODE_COLUMNS.iter().map(|(n, t)| header(n, *t)));
    w.write_record(&head).map_err(csv_err)?;
    for n in &graph.nodes {
        let kind = cell(n.values.first().and_then(Option::as_ref));
        let mut row = vec![n.key.clone(), label(&kind)];
        row.extend(n.values.iter().map(|v| cell(v.as_ref())));
        w.write_record(&row).map_err(csv_err)?;
    }
    w.flush()
}

/// Writes the edges file.
///
/// # Errors
/// When `out` fails.
pub fn write_edges(graph: &FlatGraph, out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut head = vec![
        ":START_ID".to_string(),
        ":END_ID".to_string(),
        ":TYPE".to_string(),
    ];
    head.extend(EDGE_COLUMNS.iter().map(|(n, t)| header(n, *t)));
    w.write_record(&head).map_err(csv_err)?;
    for e in &graph.edges {
        let kind = cell(e.values.first().and_then(Option::as_ref));
        let mut row = vec![e.source.clone(), e.target.clone(), kind.to_uppercase()];
        row.extend(e.values.iter().map(|v| cell(v.as_ref())));
        w.write_record(&row).map_err(csv_err)?;
    }
    w.flush()
}

/// The two files a CSV export writes for the chosen path: `NAME.nodes.csv` and
/// `NAME.edges.csv` beside it (`.csv` on the chosen name is dropped first).
pub fn paths(chosen: &Path) -> (PathBuf, PathBuf) {
    let stem = if chosen
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        chosen.with_extension("")
    } else {
        chosen.to_path_buf()
    };
    let with = |suffix: &str| {
        let mut s = stem.clone().into_os_string();
        s.push(suffix);
        PathBuf::from(s)
    };
    (with(".nodes.csv"), with(".edges.csv"))
}
