//! Files the user keeps: layout and project files (versioned JSON keyed by `NodeKey`), the
//! exports other tools read (newsgraph JSON, GraphML, GEXF, Neo4j CSV, node-link JSON), and
//! the atomic write every save goes through.

pub mod atomic;
pub mod csv_neo4j;
pub mod export;
pub mod flat;
pub mod gexf;
pub mod graphml;
pub mod jsonl;
pub mod layout_file;
pub mod node_link;
pub mod project;
pub mod raster;
pub mod svg;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use atomic::write_atomic;

use crate::graph::NewsGraph;

/// A format the graph can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// newsgraph's own JSON, with articles and evidence ranges.
    Json,
    /// GraphML.
    GraphMl,
    /// GEXF 1.3 with event dates as time.
    Gexf,
    /// Two CSV files in Neo4j's bulk-import conventions.
    Csv,
    /// Node-link JSON for networkx and d3.
    NodeLink,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Json,
        ExportFormat::GraphMl,
        ExportFormat::Gexf,
        ExportFormat::Csv,
        ExportFormat::NodeLink,
    ];

    /// The name used on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Csv => "csv",
            ExportFormat::NodeLink => "node-link",
        }
    }

    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json | ExportFormat::NodeLink => "json",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Csv => "csv",
        }
    }

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Json => "newsgraph JSON (with evidence)…",
            ExportFormat::GraphMl => "GraphML (Gephi, yEd, networkx)…",
            ExportFormat::Gexf => "GEXF 1.3 (Gephi, with timeline)…",
            ExportFormat::Csv => "CSV nodes and edges (Neo4j import)…",
            ExportFormat::NodeLink => "Node-link JSON (networkx, d3)…",
        }
    }

    /// A file name offered for the export.
    pub fn default_file_name(self) -> &'static str {
        match self {
            ExportFormat::Json => "graph.json",
            ExportFormat::GraphMl => "graph.graphml",
            ExportFormat::Gexf => "graph.gexf",
            ExportFormat::Csv => "graph.csv",
            ExportFormat::NodeLink => "graph.node-link.json",
        }
    }
}

/// A picture to export: its size in pixels, and whether it is a PNG of the part of the graph
/// in view (else an SVG of the whole graph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageExport {
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// PNG of the view, or SVG of the whole graph.
    pub png: bool,
}

/// Writes the graph in `format` into `out`. CSV has two files: see [`export_to_path`].
///
/// # Errors
/// When `out` fails, or for CSV (which needs two outputs).
pub fn write_export(
    graph: &NewsGraph,
    format: ExportFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let full = export::export(graph);
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &full)?;
            out.write_all(b"\n")
        }
        ExportFormat::GraphMl => graphml::write(&flat::flatten(&full), out),
        ExportFormat::Gexf => gexf::write(&flat::flatten(&full), out),
        ExportFormat::NodeLink => node_link::write(&flat::flatten(&full), out),
        ExportFormat::Csv => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "CSV export writes two files; give a path",
        )),
    }
}

/// Exports the graph to `path` (for CSV, the two files [`csv_neo4j::paths`] names), each
/// written atomically; returns the files written.
///
/// # Errors
/// When a file cannot be written.
pub fn export_to_path(
    graph: &NewsGraph,
    format: ExportFormat,
    path: &Path,
) -> io::Result<Vec<PathBuf>> {
    if format == ExportFormat::Csv {
        let flat = flat::flatten(&export::export(graph));
        let (nodes, edges) = csv_neo4j::paths(path);
        atomic::write_atomic_with(&nodes, |w| csv_neo4j::write_nodes(&flat, w))?;
        atomic::write_atomic_with(&edges, |w| csv_neo4j::write_edges(&flat, w))?;
        return Ok(vec![nodes, edges]);
    }
    atomic::write_atomic_with(path, |w| write_export(graph, format, w))?;
    Ok(vec![path.to_path_buf()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Lexicon, extract};
    use crate::ingest::{Format, parse};

    fn graph() -> NewsGraph {
        let text = "US Defence Secretary Pete Hegseth met Philippine Foreign Secretary Maria Reyes in Manila on 2 May 2025. China condemned the talks & warned <Manila> over the South China Sea. Reyes said the Philippines would hold drills with Japan.\n";
        let article = parse("talks.txt", text.as_bytes(), Format::Text).unwrap();
        let mut g = NewsGraph::new();
        g.add_article(&article, &extract(&article, &Lexicon::embedded()));
        g
    }

    fn xml_elements(bytes: &[u8], name: &[u8]) -> usize {
        let mut reader = quick_xml::Reader::from_reader(bytes);
        let mut buf = Vec::new();
        let mut count = 0;
        loop {
            match reader.read_event_into(&mut buf).unwrap() {
                quick_xml::events::Event::Eof => return count,
                quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                    if e.name().as_ref() == name =>
                {
                    count += 1;
                }
                _ => {}
            }
            buf.clear();
        }
    }

    #[test]
    fn every_format_holds_every_node_and_edge_and_the_same_bytes_each_time() {
        let g = graph();
        assert!(g.node_count() > 4 && g.edge_count() > 3);
        let bytes = |f: ExportFormat| {
            let mut out = Vec::new();
            write_export(&g, f, &mut out).unwrap();
            out
        };
        for f in [
            ExportFormat::Json,
            ExportFormat::GraphMl,
            ExportFormat::Gexf,
            ExportFormat::NodeLink,
        ] {
            assert_eq!(bytes(f), bytes(f), "{f:?} is deterministic");
        }
        for f in [ExportFormat::GraphMl, ExportFormat::Gexf] {
            let b = bytes(f);
            assert_eq!(xml_elements(&b, b"node"), g.node_count(), "{f:?} nodes");
            assert_eq!(xml_elements(&b, b"edge"), g.edge_count(), "{f:?} edges");
        }
        let gexf = String::from_utf8(bytes(ExportFormat::Gexf)).unwrap();
        assert!(
            gexf.contains("start=\"2025-05-02\""),
            "event dates are time"
        );
        let nl: serde_json::Value = serde_json::from_slice(&bytes(ExportFormat::NodeLink)).unwrap();
        assert_eq!(nl["nodes"].as_array().unwrap().len(), g.node_count());
        assert_eq!(nl["edges"].as_array().unwrap().len(), g.edge_count());
        assert_eq!(nl["nodes"][0]["id"], nl["nodes"][0]["id"].as_str().unwrap());

        let flat = flat::flatten(&export::export(&g));
        let (mut nodes, mut edges) = (Vec::new(), Vec::new());
        csv_neo4j::write_nodes(&flat, &mut nodes).unwrap();
        csv_neo4j::write_edges(&flat, &mut edges).unwrap();
        let mut r = csv::Reader::from_reader(nodes.as_slice());
        let head = r.headers().unwrap().clone();
        assert_eq!(&head[0], "key:ID");
        assert_eq!(&head[1], ":LABEL");
        assert!(head.iter().any(|h| h == "mentions:long"));
        assert_eq!(r.records().count(), g.node_count());
        let mut r = csv::Reader::from_reader(edges.as_slice());
        assert_eq!(
            r.headers().unwrap().iter().take(3).collect::<Vec<_>>(),
            [":START_ID", ":END_ID", ":TYPE"]
        );
        assert_eq!(r.records().count(), g.edge_count());
        assert!(write_export(&g, ExportFormat::Csv, &mut Vec::new()).is_err());
    }

    #[test]
    fn csv_files_are_named_after_the_chosen_path() {
        let (n, e) = csv_neo4j::paths(Path::new("/tmp/out/graph.csv"));
        assert_eq!(n, Path::new("/tmp/out/graph.nodes.csv"));
        assert_eq!(e, Path::new("/tmp/out/graph.edges.csv"));
        assert_eq!(
            ExportFormat::from_name("GraphML"),
            Some(ExportFormat::GraphMl)
        );
        assert_eq!(ExportFormat::from_name("pdf"), None);
    }
}
