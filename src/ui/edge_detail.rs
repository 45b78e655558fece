//! Edges that speak: the detail pane for a selected edge (its two ends, relation, kind,
//! PLOVER category and tone, direction, mentions and every supporting sentence), and the
//! tooltip of the edge under the pointer (its relation and first sentence).

use egui::RichText;
use petgraph::stable_graph::EdgeIndex;
use serde::{Deserialize, Serialize};

use super::{Action, detail, theme};
use crate::extract::QuadClass;
use crate::graph::view_filter::ViewFilter;
use crate::graph::{Edge, EdgeKind, NewsGraph, NodeKey, actor_view, analysis};

/// Sentences listed before "and N more".
const SENTENCES_SHOWN: usize = 60;
/// Sentences listed per event behind an edge of the actor view.
const EVENT_SENTENCES: usize = 6;

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
        EdgeKind::SharedEvents { tone } => Some(match tone {
            t if t >= 50 => "mostly cooperation",
            t if t > 0 => "more cooperation than conflict",
            0 => "as much cooperation as conflict",
            t if t > -50 => "more conflict than cooperation",
            _ => "mostly conflict",
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

/// Draws the pane for a selected edge of `graph` (the graph drawn) and returns what the user
/// clicked. An edge of the actor view lists the events of `domain` behind it (those `filter`
/// lets through), each with its sentences.
pub fn show(
    ui: &mut egui::Ui,
    graph: &NewsGraph,
    domain: &NewsGraph,
    filter: &ViewFilter,
    key: &EdgeKey,
) -> Vec<Action> {
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
    if let EdgeKind::SharedEvents { .. } = key.kind {
        shared_events(ui, domain, filter, key, &mut actions);
    } else {
        sentences(ui, graph, edge, &mut actions);
    }
    actions
}

/// The events two actors share (the edge of the actor view), each with its category, tone and
/// sentences.
fn shared_events(
    ui: &mut egui::Ui,
    domain: &NewsGraph,
    filter: &ViewFilter,
    key: &EdgeKey,
    actions: &mut Vec<Action>,
) {
    let (Some(a), Some(b)) = (domain.index(&key.source), domain.index(&key.target)) else {
        return;
    };
    let g = domain.graph();
    let events: Vec<_> = actor_view::shared_events(domain, a, b)
        .into_iter()
        .filter(|&e| {
            g[e].event
                .as_ref()
                .is_some_and(|info| filter.category_shown(info.category))
        })
        .collect();
    ui.separator();
    ui.label(RichText::new(format!("Events in common · {}", events.len())).strong());
    for e in events {
        let node = &g[e];
        let Some(info) = &node.event else { continue };
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            detail::kind_icon(ui, node.kind);
            ui.label(RichText::new(theme::displayable(&node.name)).strong());
        });
        let quad = info.category.quad();
        ui.label(
            RichText::new(format!(
                "PLOVER {} · {}",
                info.category.name(),
                quad.label()
            ))
            .color(theme::tone_color(quad.tone(), ui.visuals().dark_mode)),
        );
        detail::evidence_list(ui, domain, &node.evidence, EVENT_SENTENCES, actions);
    }
}

/// The kind of an edge in words.
pub fn kind_words(kind: EdgeKind) -> String {
    match kind {
        EdgeKind::ParticipatesIn => "takes part in an event".to_string(),
        EdgeKind::InvolvedIn => "involved in an issue".to_string(),
        EdgeKind::About => "event about an issue".to_string(),
        EdgeKind::AffiliatedWith => "affiliation".to_string(),
        EdgeKind::Acted(p) => format!("act between actors · PLOVER {}", p.name()),
        EdgeKind::SharedEvents { .. } => "events in common (actor view)".to_string(),
    }
}

fn facts(ui: &mut egui::Ui, key: &EdgeKey, edge: &Edge) {
    ui.label(RichText::new("Kind").weak());
    ui.label(kind_words(key.kind));
    ui.end_row();
    if let Some(t) = tone(key.kind) {
        ui.label(RichText::new("Tone").weak());
        ui.label(
            RichText::new(t).color(theme::edge_color(key.kind, ui.visuals().dark_mode).to_opaque()),
        );
        ui.end_row();
    }
    ui.label(RichText::new("Direction").weak());
    let direction = match key.kind {
        EdgeKind::Acted(p) if p.is_mutual() => "both ways (a mutual act)",
        EdgeKind::SharedEvents { .. } => "none (events both take part in)",
        EdgeKind::Acted(_) => "from the first to the second",
        _ => "from the first to the second (a membership, not an act)",
    };
    ui.label(direction);
    ui.end_row();
    if let EdgeKind::SharedEvents { tone } = key.kind {
        ui.label(RichText::new("Mean tone").weak());
        ui.label(format!(
            "{:+.2} (−1 conflict … +1 cooperation)",
            f32::from(tone) / actor_view::TONE_SCALE
        ));
        ui.end_row();
        ui.label(RichText::new("Shared events").weak());
    } else {
        ui.label(RichText::new("Mentions").weak());
    }
    ui.label(edge.mentions.to_string());
    ui.end_row();
}

fn sentences(ui: &mut egui::Ui, graph: &NewsGraph, edge: &Edge, actions: &mut Vec<Action>) {
    detail::evidence_list(ui, graph, &edge.evidence, SENTENCES_SHOWN, actions);
}
