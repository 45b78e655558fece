//! The data table under the canvas: the nodes of the graph shown (name, kind, mentions,
//! degree, PageRank, betweenness, community, first and last date) or its edges, sorted by any
//! column; a click on a row selects its node or edge; the whole table copies as CSV.

use std::cmp::Ordering;

use egui::{RichText, Sense};
use serde::{Deserialize, Serialize};

use super::edge_detail::EdgeKey;
use super::explore::Explore;
use super::structure_view::Computed;
use super::{Action, theme};
use crate::graph::{NewsGraph, NodeKey, analysis};

/// Which table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableTab {
    /// One row per node.
    #[default]
    Nodes,
    /// One row per edge.
    Edges,
}

/// The table's settings, kept with a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableState {
    /// Whether the table is open.
    pub open: bool,
    /// Nodes or edges.
    pub tab: TableTab,
    /// The column sorted by.
    pub sort: usize,
    /// Largest (or last) first.
    pub descending: bool,
}

impl Default for TableState {
    fn default() -> Self {
        Self {
            open: false,
            tab: TableTab::Nodes,
            sort: 2,
            descending: true,
        }
    }
}

const NODE_COLUMNS: [(&str, f32); 9] = [
    ("Name", 220.0),
    ("Kind", 90.0),
    ("Mentions", 70.0),
    ("Degree", 60.0),
    ("PageRank", 80.0),
    ("Betweenness", 90.0),
    ("Community", 80.0),
    ("First date", 90.0),
    ("Last date", 90.0),
];
const EDGE_COLUMNS: [(&str, f32); 5] = [
    ("Source", 220.0),
    ("Relation", 160.0),
    ("Target", 220.0),
    ("Kind", 140.0),
    ("Mentions", 70.0),
];
const ROW_HEIGHT: f32 = 18.0;

/// One cell: text, or a number (absent until computed) shown with some decimals.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, sorted without regard to case.
    Text(String),
    /// A number and its decimals.
    Num(Option<f64>, usize),
}

impl Cell {
    /// As shown and copied.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(Some(x), d) => format!("{x:.d$}", d = *d),
            Cell::Num(None, _) => String::new(),
        }
    }

    fn cmp(&self, other: &Cell) -> Ordering {
        match (self, other) {
            (Cell::Text(a), Cell::Text(b)) => a.to_lowercase().cmp(&b.to_lowercase()),
            (Cell::Num(a, _), Cell::Num(b, _)) => match (a, b) {
                (Some(a), Some(b)) => a.total_cmp(b),
                (a, b) => a.is_some().cmp(&b.is_some()),
            },
            (Cell::Text(_), Cell::Num(..)) => Ordering::Less,
            (Cell::Num(..), Cell::Text(_)) => Ordering::Greater,
        }
    }
}

/// What a row stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKey {
    /// A node.
    Node(NodeKey),
    /// An edge.
    Edge(EdgeKey),
}

/// A row of the table.
#[derive(Debug, Clone)]
pub struct Row {
    /// Its node or edge.
    pub key: RowKey,
    /// Its cells, in column order.
    pub cells: Vec<Cell>,
}

/// The rows, rebuilt when the graph, its structure or the sort changes.
#[derive(Default)]
pub struct TableView {
    rows: Vec<Row>,
    built: Option<(u64, bool, TableState)>,
}

impl TableView {
    /// The rows in their sorted order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    fn refresh(&mut self, graph: &NewsGraph, computed: Option<&Computed>, state: &TableState) {
        let mut shape = state.clone();
        shape.open = true;
        let inputs = (graph.revision(), computed.is_some(), shape);
        if self.built.as_ref() == Some(&inputs) {
            return;
        }
        self.rows = match state.tab {
            TableTab::Nodes => node_rows(graph, computed),
            TableTab::Edges => edge_rows(graph),
        };
        let col = state.sort;
        self.rows.sort_by(|a, b| {
            let o = match (a.cells.get(col), b.cells.get(col)) {
                (Some(x), Some(y)) => x.cmp(y),
                _ => Ordering::Equal,
            };
            let o = if state.descending { o.reverse() } else { o };
            // Ties by the first column, always A to Z.
            o.then_with(|| a.cells[0].cmp(&b.cells[0]))
        });
        self.built = Some(inputs);
    }

    /// The table as CSV: a header line and one line per row, in the shown order.
    pub fn csv(&self, tab: TableTab) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let header: Vec<&str> = columns(tab).iter().map(|c| c.0).collect();
        // Writing to memory cannot fail short of running out of it.
        let _ = w.write_record(&header);
        for row in &self.rows {
            let _ = w.write_record(row.cells.iter().map(Cell::text));
        }
        w.into_inner()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }

    /// Draws the table panel and returns what the user asked for.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        graph: &NewsGraph,
        computed: Option<&Computed>,
        state: &TableState,
        selected: Option<&NodeKey>,
        selected_edge: Option<&EdgeKey>,
    ) -> Vec<Action> {
        self.refresh(graph, computed, state);
        let mut actions = Vec::new();
        let set = |f: &dyn Fn(&mut TableState)| {
            let mut s = state.clone();
            f(&mut s);
            Action::Explore(Explore::SetTable(s))
        };
        ui.horizontal(|ui| {
            for (tab, name, count) in [
                (TableTab::Nodes, "Nodes", graph.node_count()),
                (TableTab::Edges, "Edges", graph.edge_count()),
            ] {
                if ui
                    .add(egui::Button::selectable(
                        state.tab == tab,
                        format!("{name} ({count})"),
                    ))
                    .clicked()
                    && state.tab != tab
                {
                    actions.push(set(&|s| {
                        s.tab = tab;
                        s.sort = if tab == TableTab::Nodes { 2 } else { 4 };
                        s.descending = true;
                    }));
                }
            }
            ui.separator();
            if ui
                .button("Copy as CSV")
                .on_hover_text("Copy the whole table, in this order, for a spreadsheet")
                .clicked()
            {
                ui.ctx().copy_text(self.csv(state.tab));
            }
            if state.tab == TableTab::Nodes && computed.is_none() {
                ui.spinner();
                ui.label(RichText::new("computing degree, centrality and communities…").weak());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("✖")
                    .on_hover_text("Close the table (T)")
                    .clicked()
                {
                    actions.push(Action::Explore(Explore::ToggleTable));
                }
            });
        });
        let cols = columns(state.tab);
        egui::ScrollArea::horizontal().show(ui, |ui| {
            ui.horizontal(|ui| {
                for (c, (name, width)) in cols.iter().enumerate() {
                    let arrow = match (state.sort == c, state.descending) {
                        (true, true) => " ⏷",
                        (true, false) => " ⏶",
                        _ => "",
                    };
                    if ui
                        .add_sized(
                            [*width, ROW_HEIGHT + 2.0],
                            egui::Button::new(RichText::new(format!("{name}{arrow}")).strong())
                                .frame(false),
                        )
                        .on_hover_text("Sort by this column (again: reverse)")
                        .clicked()
                    {
                        actions.push(set(&|s| {
                            s.descending = if s.sort == c { !s.descending } else { c >= 2 };
                            s.sort = c;
                        }));
                    }
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, ROW_HEIGHT, self.rows.len(), |ui, range| {
                    for i in range {
                        let row = &self.rows[i];
                        let is_selected = match &row.key {
                            RowKey::Node(k) => selected == Some(k),
                            RowKey::Edge(e) => selected.is_none() && selected_edge == Some(e),
                        };
                        let inner = ui.horizontal(|ui| {
                            for (cell, (_, width)) in row.cells.iter().zip(cols) {
                                let text = theme::displayable(&cell.text());
                                let text = if is_selected {
                                    RichText::new(text)
                                        .color(theme::selected_color(ui.visuals().dark_mode))
                                } else {
                                    RichText::new(text)
                                };
                                // Text reads from the left, numbers line up on the right.
                                let layout = match cell {
                                    Cell::Text(_) => {
                                        egui::Layout::left_to_right(egui::Align::Center)
                                    }
                                    Cell::Num(..) => {
                                        egui::Layout::right_to_left(egui::Align::Center)
                                    }
                                };
                                ui.allocate_ui_with_layout(
                                    egui::vec2(*width, ROW_HEIGHT),
                                    layout,
                                    |ui| {
                                        ui.set_min_size(egui::vec2(*width, ROW_HEIGHT));
                                        ui.add(egui::Label::new(text).truncate().selectable(false));
                                    },
                                );
                            }
                        });
                        let response = ui.interact(
                            inner.response.rect,
                            ui.id().with(("table-row", i)),
                            Sense::click(),
                        );
                        if response.hovered() {
                            ui.painter().rect_filled(
                                inner.response.rect,
                                2.0,
                                ui.visuals()
                                    .widgets
                                    .hovered
                                    .weak_bg_fill
                                    .gamma_multiply(0.4),
                            );
                        }
                        if response.clicked() {
                            actions.extend(select_row(&row.key));
                        }
                    }
                });
        });
        actions
    }
}

fn columns(tab: TableTab) -> &'static [(&'static str, f32)] {
    match tab {
        TableTab::Nodes => &NODE_COLUMNS,
        TableTab::Edges => &EDGE_COLUMNS,
    }
}

fn select_row(key: &RowKey) -> Vec<Action> {
    match key {
        RowKey::Node(k) => vec![
            Action::Select(Some(k.clone())),
            Action::Explore(Explore::Glide(k.clone())),
        ],
        RowKey::Edge(e) => vec![
            Action::Select(None),
            Action::Explore(Explore::SelectEdge(Some(e.clone()))),
        ],
    }
}

fn node_rows(graph: &NewsGraph, computed: Option<&Computed>) -> Vec<Row> {
    let g = graph.graph();
    g.node_indices()
        .map(|i| {
            let n = &g[i];
            let v = computed.and_then(|c| c.vertex.get(&i).map(|&v| (c, v)));
            let num =
                |f: &dyn Fn(&Computed, usize) -> f64, d| Cell::Num(v.map(|(c, v)| f(c, v)), d);
            let (first, last) = analysis::node_dates(graph, i).unzip();
            Row {
                key: RowKey::Node(n.key.clone()),
                cells: vec![
                    Cell::Text(n.name.clone()),
                    Cell::Text(n.kind.label().to_string()),
                    Cell::Num(Some(f64::from(n.mentions)), 0),
                    num(&|c, v| f64::from(c.figures.degree[v]), 0),
                    num(&|c, v| c.figures.pagerank[v], 5),
                    num(&|c, v| c.figures.betweenness[v], 5),
                    // Numbered from 1 for people; 1 is the largest community.
                    num(&|c, v| f64::from(c.figures.community[v]) + 1.0, 0),
                    Cell::Text(first.unwrap_or_default()),
                    Cell::Text(last.unwrap_or_default()),
                ],
            }
        })
        .collect()
}

fn edge_rows(graph: &NewsGraph) -> Vec<Row> {
    use petgraph::visit::{EdgeRef, IntoEdgeReferences};
    let g = graph.graph();
    g.edge_references()
        .map(|e| {
            let (a, b, w) = (&g[e.source()], &g[e.target()], e.weight());
            Row {
                key: RowKey::Edge(EdgeKey {
                    source: a.key.clone(),
                    target: b.key.clone(),
                    kind: w.kind,
                }),
                cells: vec![
                    Cell::Text(a.name.clone()),
                    Cell::Text(w.kind.label().to_string()),
                    Cell::Text(b.name.clone()),
                    Cell::Text(super::edge_detail::kind_words(w.kind)),
                    Cell::Num(Some(f64::from(w.mentions)), 0),
                ],
            }
        })
        .collect()
}
