//! Edges that speak: the detail pane for a selected edge (its two ends, relation, kind,
//! PLOVER category and tone, direction, mentions and every supporting sentence), and the
//! tooltip of the edge under the pointer (its relation and first sentence).

use egui::RichText;
use petgraph::stable_graph::EdgeIndex;
use serde::{Deserialize, Serialize};

use super::{Action, detail, theme};
use crate::extract::QuadClass;
use crate::graph::analysis;
use crate::graph::{Edge, EdgeKind, NewsGraph, NodeKey};

/// Sentences listed before "and N more".
const SENTENCES_SHOWN: usize = 60;

/// A stable name for an edge: its ends (in the edge's direction) and kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EdgeKey {
    /// Where the edge starts.
    pub source: NodeKey,
    /// Where it ends.
    pub target: NodeKey,
    /// What it says.
    pub kind: EdgeKind,
}

impl EdgeKey {
    /// The edge in `graph`, if it is there.
    pub fn find(&self, graph: &NewsGraph) -> Option<EdgeIndex> {
        let (a, b) = (graph.index(&self.source)?, graph.index(&self.target)?);
        analysis::edges_between(graph, a, b).into_iter().find(|&e| {
            graph.graph().edge_endpoints(e) == Some((a, b)) && graph.graph()[e].kind == self.kind
        })
    }
}

/// Plain words for an edge's tone: cooperation or conflict, verbal or material.
pub fn tone(kind: EdgeKind) -> Option<&'static str> {
    match kind {
        EdgeKind::Acted(p) => Some(match p.quad() {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }),
        _ => None,
    }
}

fn name(graph: &NewsGraph, key: &NodeKey) -> String {
    graph
        .node(key)
        .map_or_else(|| key.0.clone(), |n| theme::displayable(&n.name))
}

/// "Source relation target", as read along the edge.
pub fn sentence_of(graph: &NewsGraph, key: &EdgeKey) -> String {
    format!(
        "{} {} {}",
        name(graph, &key.source),
        key.kind.label(),
        name(graph, &key.target)
    )
}

/// The tooltip of a hovered edge: what it says, how often, and its first sentence.
pub fn tooltip(ui: &mut egui::Ui, graph: &NewsGraph, key: &EdgeKey) {
    let Some(edge) = key.find(graph).map(|e| &graph.graph()[e]) else {
        return;
    };
    ui.set_max_width(420.0);
    ui.label(RichText::new(sentence_of(graph, key)).strong());
    ui.label(
        RichText::new(format!(
            "{} mentions · click for every sentence",
            edge.mentions
        ))
        .weak(),
    );
    if let Some(ev) = edge.evidence.first()
        && let Some(article) = graph.article(ev.article)
    {
        ui.label(detail::highlighted(
            &article.text,
            &ev.sentence,
            &ev.mention,
            ui.visuals().text_color(),
        ));
    }
}

/// Draws the pane for a selected edge and returns what the user clicked.
pub fn show(ui: &mut egui::Ui, graph: &NewsGraph, key: &EdgeKey) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(edge) = key.find(graph).map(|e| &graph.graph()[e]) else {
        ui.label("This edge is no longer in the graph.");
        return actions;
    };
    ui.horizontal_wrapped(|ui| {
        for (k, after) in [(&key.source, Some(key.kind.label())), (&key.target, None)] {
            if let Some(n) = graph.node(k) {
                detail::kind_icon(ui, n.kind);
            }
            if ui
                .link(RichText::new(name(graph, k)).heading().strong())
                .on_hover_text("Go to this node")
                .clicked()
            {
                actions.push(Action::Select(Some(k.clone())));
            }
            if let Some(relation) = after {
                ui.label(RichText::new(relation).heading());
            }
        }
    });
    egui::Grid::new("edge-facts")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| facts(ui, key, edge));
    sentences(ui, graph, edge, &mut actions);
    actions
}

fn facts(ui: &mut egui::Ui, key: &EdgeKey, edge: &Edge) {
    ui.label(RichText::new("Kind").weak());
    let kind = match key.kind {
        EdgeKind::ParticipatesIn => "takes part in an event".to_string(),
        EdgeKind::InvolvedIn => "involved in an issue".to_string(),
        EdgeKind::About => "event about an issue".to_string(),
        EdgeKind::AffiliatedWith => "affiliation".to_string(),
        EdgeKind::Acted(p) => format!("act between actors · PLOVER {}", p.name()),
    };
    ui.label(kind);
    ui.end_row();
    if let Some(t) = tone(key.kind) {
        ui.label(RichText::new("Tone").weak());
        ui.label(RichText::new(t).color(theme::edge_color(key.kind).to_opaque()));
        ui.end_row();
    }
    ui.label(RichText::new("Direction").weak());
    let direction = match key.kind {
        EdgeKind::Acted(p) if p.is_mutual() => "both ways (a mutual act)",
        EdgeKind::Acted(_) => "from the first to the second",
        _ => "from the first to the second (a membership, not an act)",
    };
    ui.label(direction);
    ui.end_row();
    ui.label(RichText::new("Mentions").weak());
    ui.label(edge.mentions.to_string());
    ui.end_row();
}

fn sentences(ui: &mut egui::Ui, graph: &NewsGraph, edge: &Edge, actions: &mut Vec<Action>) {
    detail::evidence_list(ui, graph, &edge.evidence, SENTENCES_SHOWN, actions);
}
