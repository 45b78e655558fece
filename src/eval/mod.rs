//! Scoring a graph against a hand-made reference (`*.gold.json`, `*.expected.json`): actors
//! matched by any listed name with the right kind, events by participants and accepted PLOVER
//! categories, issues by name, relations by kind and direction.

pub mod body;
pub mod events;
pub mod ner;

use std::collections::HashSet;
use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Deserialize;

use crate::extract::Plover;
use crate::graph::{EdgeKind, NewsGraph, NodeKind};

/// A reference actor.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    /// Every accepted name; the first is preferred.
    pub names: Vec<String>,
    /// person, country or organization.
    pub kind: String,
    /// Expected affiliation (a name of another actor).
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Expected role.
    #[serde(default)]
    pub role: Option<String>,
}

/// A reference event.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// Description.
    pub label: String,
    /// Names of the participants.
    pub participants: Vec<String>,
    /// Accepted PLOVER categories.
    #[serde(default)]
    pub plover: Vec<String>,
}

/// A reference issue.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldIssue {
    /// Accepted names.
    pub names: Vec<String>,
}

/// A reference relation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    /// Source (a name).
    pub a: String,
    /// Target (a name).
    pub b: String,
    /// met, condemned, affiliated, ...
    pub kind: String,
}

/// A reference file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// Expected actors.
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    /// Strings that must not be actors.
    #[serde(default)]
    pub not_actors: Vec<String>,
    /// Expected events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    /// Expected issues.
    #[serde(default)]
    pub issues: Vec<GoldIssue>,
    /// Expected relations.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
}

/// The outcome of scoring.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Actors found with the right kind.
    pub actors_found: usize,
    /// Reference actors.
    pub actors_total: usize,
    /// Reference actors not found (first names).
    pub missing_actors: Vec<String>,
    /// `not_actors` strings that became actors.
    pub false_actors: Vec<String>,
    /// Actors whose role matched, out of those with a reference role.
    pub roles_right: (usize, usize),
    /// Actors whose affiliation matched, out of those with a reference affiliation.
    pub affiliations_right: (usize, usize),
    /// Events whose participants are linked to one event node.
    pub events_found: usize,
    /// Of those, events with an accepted category.
    pub events_with_category: usize,
    /// Reference events.
    pub events_total: usize,
    /// Reference events not found (labels).
    pub missing_events: Vec<String>,
    /// Issues found.
    pub issues_found: usize,
    /// Reference issues.
    pub issues_total: usize,
    /// Reference issues not found.
    pub missing_issues: Vec<String>,
    /// Relations found.
    pub relations_found: usize,
    /// Reference relations.
    pub relations_total: usize,
    /// Reference relations not found.
    pub missing_relations: Vec<String>,
}

fn kind_of(name: &str) -> Option<NodeKind> {
    match name {
        "person" => Some(NodeKind::Person),
        "country" => Some(NodeKind::Country),
        "organization" => Some(NodeKind::Organization),
        "group" => Some(NodeKind::Group),
        _ => None,
    }
}

/// Nodes whose name or an alias equals one of `names`, case-insensitively.
fn find(graph: &NewsGraph, names: &[String], kind: Option<NodeKind>) -> Vec<NodeIndex> {
    let wanted: HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
    graph
        .graph()
        .node_indices()
        .filter(|&i| {
            let n = &graph.graph()[i];
            kind.is_none_or(|k| n.kind == k)
                && (wanted.contains(&n.name.to_lowercase())
                    || n.aliases.iter().any(|a| wanted.contains(&a.to_lowercase())))
        })
        .collect()
}

/// Scores `graph` against `gold`.
pub fn score(graph: &NewsGraph, gold: &Gold) -> Score {
    let g = graph.graph();
    let mut s = Score {
        actors_total: gold.actors.len(),
        events_total: gold.events.len(),
        issues_total: gold.issues.len(),
        relations_total: gold.relations.len(),
        ..Score::default()
    };
    // Reference actor (by any of its names) -> matching nodes.
    let actor_nodes = |name: &str| -> Vec<NodeIndex> {
        let lower = name.to_lowercase();
        let names = gold
            .actors
            .iter()
            .find(|a| a.names.iter().any(|n| n.to_lowercase() == lower))
            .map_or_else(|| vec![name.to_string()], |a| a.names.clone());
        find(graph, &names, None)
            .into_iter()
            .filter(|&i| g[i].kind.is_actor())
            .collect()
    };
    for a in &gold.actors {
        let found = find(graph, &a.names, kind_of(&a.kind));
        if found.is_empty() {
            s.missing_actors.push(a.names[0].clone());
            continue;
        }
        s.actors_found += 1;
        if let Some(role) = &a.role {
            s.roles_right.1 += 1;
            if found.iter().any(|&i| {
                g[i].role
                    .as_deref()
                    .is_some_and(|r| r.eq_ignore_ascii_case(role))
            }) {
                s.roles_right.0 += 1;
            }
        }
        if let Some(aff) = &a.affiliation {
            s.affiliations_right.1 += 1;
            let targets = actor_nodes(aff);
            if found.iter().any(|&i| {
                g[i].affiliation
                    .as_ref()
                    .and_then(|k| graph.index(k))
                    .is_some_and(|t| targets.contains(&t))
            }) {
                s.affiliations_right.0 += 1;
            }
        }
    }
    for bad in &gold.not_actors {
        if !find(graph, std::slice::from_ref(bad), None)
            .into_iter()
            .filter(|&i| g[i].kind.is_actor())
            .collect::<Vec<_>>()
            .is_empty()
        {
            s.false_actors.push(bad.clone());
        }
    }
    for e in &gold.events {
        let participant_sets: Vec<Vec<NodeIndex>> =
            e.participants.iter().map(|p| actor_nodes(p)).collect();
        let accepted: Vec<Plover> = e
            .plover
            .iter()
            .filter_map(|p| Plover::from_name(p))
            .collect();
        let mut linked = false;
        let mut categorized = false;
        for ev in g.node_indices().filter(|&i| g[i].kind == NodeKind::Event) {
            let parts: HashSet<NodeIndex> = g
                .edges_directed(ev, petgraph::Direction::Incoming)
                .filter(|r| r.weight().kind == EdgeKind::ParticipatesIn)
                .map(|r| r.source())
                .collect();
            if participant_sets
                .iter()
                .all(|set| set.iter().any(|n| parts.contains(n)))
            {
                linked = true;
                if g[ev]
                    .event
                    .as_ref()
                    .is_some_and(|info| accepted.is_empty() || accepted.contains(&info.category))
                {
                    categorized = true;
                }
            }
        }
        if linked {
            s.events_found += 1;
        }
        if categorized {
            s.events_with_category += 1;
        } else {
            s.missing_events.push(e.label.clone());
        }
    }
    for i in &gold.issues {
        if find(graph, &i.names, Some(NodeKind::Issue)).is_empty() {
            s.missing_issues.push(i.names[0].clone());
        } else {
            s.issues_found += 1;
        }
    }
    for r in &gold.relations {
        let from = actor_nodes(&r.a);
        let to = actor_nodes(&r.b);
        let ok = |kind: &EdgeKind, directed: bool| -> bool {
            g.edge_references().any(|e| {
                &e.weight().kind == kind
                    && ((from.contains(&e.source()) && to.contains(&e.target()))
                        || (!directed && to.contains(&e.source()) && from.contains(&e.target())))
            })
        };
        let found = match r.kind.as_str() {
            "met" => ok(&EdgeKind::Acted(Plover::Consult), false),
            "affiliated" => ok(&EdgeKind::AffiliatedWith, true),
            "condemned" | "criticized" | "accused" => {
                ok(&EdgeKind::Acted(Plover::Reject), true)
                    || ok(&EdgeKind::Acted(Plover::Disapprove), true)
            }
            "challenges" => [
                Plover::Coerce,
                Plover::Mobilize,
                Plover::Assault,
                Plover::Threaten,
            ]
            .iter()
            .any(|p| ok(&EdgeKind::Acted(*p), true)),
            "supports" => {
                ok(&EdgeKind::Acted(Plover::Support), true)
                    || ok(&EdgeKind::Acted(Plover::Aid), true)
            }
            other => {
                Plover::from_name(other).is_some_and(|p| ok(&EdgeKind::Acted(p), !p.is_mutual()))
            }
        };
        if found {
            s.relations_found += 1;
        } else {
            s.missing_relations
                .push(format!("{} {} {}", r.a, r.kind, r.b));
        }
    }
    s
}

impl Score {
    /// A readable report.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "actors     {:>3} / {:<3} (right kind)",
            self.actors_found, self.actors_total
        );
        let _ = writeln!(
            out,
            "  roles    {:>3} / {:<3}",
            self.roles_right.0, self.roles_right.1
        );
        let _ = writeln!(
            out,
            "  affil.   {:>3} / {:<3}",
            self.affiliations_right.0, self.affiliations_right.1
        );
        let _ = writeln!(
            out,
            "not_actors {:>3} wrongly found",
            self.false_actors.len()
        );
        let _ = writeln!(
            out,
            "events     {:>3} / {:<3} with participants, {} with an accepted PLOVER category",
            self.events_found, self.events_total, self.events_with_category
        );
        let _ = writeln!(
            out,
            "issues     {:>3} / {:<3}",
            self.issues_found, self.issues_total
        );
        let _ = writeln!(
            out,
            "relations  {:>3} / {:<3}",
            self.relations_found, self.relations_total
        );
        let list = |out: &mut String, title: &str, items: &[String]| {
            if !items.is_empty() {
                let _ = writeln!(out, "{title}: {}", items.join("; "));
            }
        };
        list(&mut out, "missing actors", &self.missing_actors);
        list(&mut out, "wrong actors", &self.false_actors);
        list(&mut out, "missing events", &self.missing_events);
        list(&mut out, "missing issues", &self.missing_issues);
        list(&mut out, "missing relations", &self.missing_relations);
        out
    }
}
