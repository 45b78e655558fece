//! Node-link JSON in the shape networkx's `node_link_graph` reads with its defaults
//! (networkx 3.6: `nodes` with `id`, `edges` with `source`, `target` and `key`), as a directed
//! multigraph: two nodes can be linked by several kinds of edge. d3 reads the same shape.

use std::io::{self, Write};

use serde_json::{Map, Value as Json, json};

use super::flat::{Column, EDGE_COLUMNS, FlatGraph, NODE_COLUMNS, Value};

fn attrs(columns: &[Column], values: &[Option<Value>], into: &mut Map<String, Json>) {
    for ((name, _), v) in columns.iter().zip(values) {
        match v {
            Some(Value::Text(s)) => {
                into.insert((*name).to_string(), Json::from(s.as_str()));
            }
            Some(Value::Int(n)) => {
                into.insert((*name).to_string(), Json::from(*n));
            }
            None => {}
        }
    }
}

/// Writes the graph as node-link JSON (pretty, trailing newline).
///
/// # Errors
/// When `out` fails.
pub fn write(graph: &FlatGraph, mut out: impl Write) -> io::Result<()> {
    let nodes: Vec<Json> = graph
        .nodes
        .iter()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".into(), Json::from(n.key.as_str()));
            attrs(&NODE_COLUMNS, &n.values, &mut m);
            if let Some(start) = &n.start {
                m.insert("start".into(), Json::from(start.as_str()));
            }
            Json::Object(m)
        })
        .collect();
    let edges: Vec<Json> = graph
        .edges
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("source".into(), Json::from(e.source.as_str()));
            m.insert("target".into(), Json::from(e.target.as_str()));
            m.insert("key".into(), Json::from(format!("e{}", e.index)));
            attrs(&EDGE_COLUMNS, &e.values, &mut m);
            Json::Object(m)
        })
        .collect();
    let doc = json!({
        "directed": true,
        "multigraph": true,
        "graph": { "name": "newsgraph" },
        "nodes": nodes,
        "edges": edges,
    });
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")
}
