//! GraphML export (yEd, Gephi, networkx's `read_graphml`, igraph): one `<key>` per attribute
//! with its type, nodes by key, edges with ids `e0`, `e1`, ... in the export's order.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::flat::{Column, ColumnType, EDGE_COLUMNS, FlatGraph, NODE_COLUMNS, Value, xml_safe};

fn graphml_type(t: ColumnType) -> &'static str {
    match t {
        ColumnType::Text => "string",
        ColumnType::Int => "long",
    }
}

fn write_data<W: Write>(
    w: &mut Writer<W>,
    prefix: &str,
    columns: &[Column],
    values: &[Option<Value>],
) -> io::Result<()> {
    for (i, v) in values.iter().enumerate() {
        if let (Some(v), Some(_)) = (v, columns.get(i)) {
            let text = v.to_text();
            w.create_element("data")
                .with_attribute(("key", format!("{prefix}{i}").as_str()))
                .write_text_content(BytesText::new(&xml_safe(&text)))?;
        }
    }
    Ok(())
}

/// Writes the graph as GraphML.
///
/// # Errors
/// When `out` fails.
pub fn write(graph: &FlatGraph, out: impl Write) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("graphml")
        .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute((
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        ))
        .write_inner_content(|w| {
            for (prefix, domain, columns) in [
                ("n", "node", &NODE_COLUMNS[..]),
                ("e", "edge", &EDGE_COLUMNS[..]),
            ] {
                for (i, (name, t)) in columns.iter().enumerate() {
                    w.create_element("key")
                        .with_attribute(("id", format!("{prefix}{i}").as_str()))
                        .with_attribute(("for", domain))
                        .with_attribute(("attr.name", *name))
                        .with_attribute(("attr.type", graphml_type(*t)))
                        .write_empty()?;
                }
            }
            w.create_element("graph")
                .with_attribute(("id", "newsgraph"))
                .with_attribute(("edgedefault", "directed"))
                .write_inner_content(|w| {
                    for n in &graph.nodes {
                        w.create_element("node")
                            .with_attribute(("id", xml_safe(&n.key).as_ref()))
                            .write_inner_content(|w| {
                                write_data(w, "n", &NODE_COLUMNS, &n.values)
                            })?;
                    }
                    for e in &graph.edges {
                        w.create_element("edge")
                            .with_attribute(("id", format!("e{}", e.index).as_str()))
                            .with_attribute(("source", xml_safe(&e.source).as_ref()))
                            .with_attribute(("target", xml_safe(&e.target).as_ref()))
                            .write_inner_content(|w| {
                                write_data(w, "e", &EDGE_COLUMNS, &e.values)
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")
}
