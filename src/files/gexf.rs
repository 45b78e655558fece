//! GEXF 1.3 export (Gephi): typed attributes, and each event's date as the start of its node
//! and of its edges, so Gephi's timeline plays the events in order. Actors, issues and their
//! links carry no time and are always shown.

use std::collections::HashMap;
use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::flat::{Column, ColumnType, EDGE_COLUMNS, FlatGraph, NODE_COLUMNS, Value, xml_safe};

fn gexf_type(t: ColumnType) -> &'static str {
    match t {
        ColumnType::Text => "string",
        ColumnType::Int => "long",
    }
}

fn write_attributes<W: Write>(
    w: &mut Writer<W>,
    class: &str,
    columns: &[Column],
) -> io::Result<()> {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|w| {
            for (i, (name, t)) in columns.iter().enumerate() {
                w.create_element("attribute")
                    .with_attribute(("id", i.to_string().as_str()))
                    .with_attribute(("title", *name))
                    .with_attribute(("type", gexf_type(*t)))
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_values<W: Write>(w: &mut Writer<W>, values: &[Option<Value>]) -> io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                w.create_element("attvalue")
                    .with_attribute(("for", i.to_string().as_str()))
                    .with_attribute(("value", xml_safe(&v.to_text()).as_ref()))
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// Writes the graph as GEXF 1.3.
///
/// # Errors
/// When `out` fails.
pub fn write(graph: &FlatGraph, out: impl Write) -> io::Result<()> {
    let starts: HashMap<&str, &str> = graph
        .nodes
        .iter()
        .filter_map(|n| n.start.as_deref().map(|s| (n.key.as_str(), s)))
        .collect();
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("gexf")
        .with_attribute(("xmlns", "http://gexf.net/1.3"))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute((
            "xsi:schemaLocation",
            "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        ))
        .with_attribute(("version", "1.3"))
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(BytesText::new("newsgraph"))?;
                w.create_element("description")
                    .write_text_content(BytesText::new(
                        "Actors, events and issues read from news articles",
                    ))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attribute(("defaultedgetype", "directed"))
                .with_attribute(("mode", "dynamic"))
                .with_attribute(("timeformat", "date"))
                .write_inner_content(|w| {
                    write_attributes(w, "node", &NODE_COLUMNS)?;
                    write_attributes(w, "edge", &EDGE_COLUMNS)?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for n in &graph.nodes {
                            let label = n.values.get(1).cloned().flatten().map(|v| v.to_text());
                            let mut el = w
                                .create_element("node")
                                .with_attribute(("id", xml_safe(&n.key).as_ref()))
                                .with_attribute((
                                    "label",
                                    xml_safe(label.as_deref().unwrap_or(&n.key)).as_ref(),
                                ));
                            if let Some(start) = &n.start {
                                el = el.with_attribute(("start", start.as_str()));
                            }
                            el.write_inner_content(|w| write_values(w, &n.values))?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for e in &graph.edges {
                            let mentions = match e.values.get(3) {
                                Some(Some(Value::Int(m))) => *m,
                                _ => 1,
                            };
                            let label = e.values.get(2).cloned().flatten().map(|v| v.to_text());
                            let mut el = w
                                .create_element("edge")
                                .with_attribute(("id", format!("e{}", e.index).as_str()))
                                .with_attribute(("source", xml_safe(&e.source).as_ref()))
                                .with_attribute(("target", xml_safe(&e.target).as_ref()))
                                .with_attribute(("weight", mentions.to_string().as_str()))
                                .with_attribute((
                                    "label",
                                    xml_safe(label.as_deref().unwrap_or_default()).as_ref(),
                                ));
                            // An edge to or from an event appears with the event.
                            let start = starts
                                .get(e.source.as_str())
                                .or_else(|| starts.get(e.target.as_str()));
                            if let Some(start) = start {
                                el = el.with_attribute(("start", *start));
                            }
                            el.write_inner_content(|w| write_values(w, &e.values))?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")
}
