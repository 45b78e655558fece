//! The actor view: "who with whom". Every event is folded into direct edges between the actors
//! taking part in it, one edge per pair of actors, weighted by the number of events they share
//! and toned by the mean of those events' quad-class tones (−1 material conflict … +1 material
//! cooperation). Issues, events and affiliations drop out; the actors keep their keys, names
//! and evidence, so a selection, a path end or a layout carries over between the two views.

use std::collections::{HashMap, HashSet};

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::{Edge, EdgeKind, NewsGraph, NodeKind};

/// Scale of the tone stored in [`EdgeKind::SharedEvents`]: ±100 is ±1.
pub const TONE_SCALE: f32 = 100.0;

/// The actors taking part in an event (by `ParticipatesIn` edges), in index order.
pub(crate) fn participants(graph: &NewsGraph, event: NodeIndex) -> Vec<NodeIndex> {
    let g = graph.graph();
    let mut actors: Vec<NodeIndex> = g
        .edges_directed(event, Direction::Incoming)
        .filter(|e| e.weight().kind == EdgeKind::ParticipatesIn && g[e.source()].kind.is_actor())
        .map(|e| e.source())
        .collect();
    actors.sort();
    actors.dedup();
    actors
}

/// The actor graph of `graph`: an edge between every two actors that take part in a common
/// event that `keep` accepts, and the actors with at least one such edge (an actor
/// who shares no event with another has no place on a map of who is with whom). `revision` becomes the new graph's
/// revision (the caller keeps it distinct from the domain graph's, so views rebuild).
pub fn fold(graph: &NewsGraph, keep: impl Fn(NodeIndex) -> bool, revision: u64) -> NewsGraph {
    let g = graph.graph();
    let mut out = NewsGraph {
        articles: graph.articles.clone(),
        revision,
        ..NewsGraph::default()
    };
    // Per pair of actors (smaller index first): the shared events, in key order.
    let mut pairs: HashMap<(NodeIndex, NodeIndex), Vec<NodeIndex>> = HashMap::new();
    let mut events: Vec<NodeIndex> = g
        .node_indices()
        .filter(|&i| g[i].kind == NodeKind::Event && keep(i))
        .collect();
    events.sort_by(|a, b| g[*a].key.cmp(&g[*b].key));
    for &e in &events {
        let people = participants(graph, e);
        for (k, &a) in people.iter().enumerate() {
            for &b in &people[k + 1..] {
                pairs.entry((a.min(b), a.max(b))).or_default().push(e);
            }
        }
    }
    // The actors with someone to share an event with, in key order (deterministic indices).
    let mut actors: Vec<NodeIndex> = pairs.keys().flat_map(|&(a, b)| [a, b]).collect();
    actors.sort_by(|a, b| g[*a].key.cmp(&g[*b].key));
    actors.dedup();
    let mut index: HashMap<NodeIndex, NodeIndex> = HashMap::with_capacity(actors.len());
    for &a in &actors {
        let node = g[a].clone();
        let key = node.key.clone();
        let i = out.graph.add_node(node);
        out.by_key.insert(key, i);
        index.insert(a, i);
    }
    // In pair order, so edge indices are deterministic.
    let mut pairs: Vec<((NodeIndex, NodeIndex), Vec<NodeIndex>)> = pairs.into_iter().collect();
    pairs.sort_unstable_by_key(|(pair, _)| *pair);
    for ((a, b), shared) in pairs {
        let (a, b) = (index[&a], index[&b]);
        let (a, b) = if out.graph[a].key <= out.graph[b].key {
            (a, b)
        } else {
            (b, a)
        };
        let kind = EdgeKind::SharedEvents {
            tone: mean_tone(graph, &shared),
        };
        let mut evidence = Vec::new();
        let mut seen = HashSet::new();
        for &e in &shared {
            for ev in &g[e].evidence {
                if seen.insert(ev) {
                    evidence.push(ev.clone());
                }
            }
        }
        let edge = out.graph.add_edge(
            a,
            b,
            Edge {
                kind,
                mentions: u32::try_from(shared.len()).unwrap_or(u32::MAX),
                evidence,
            },
        );
        out.edges.insert((a, b, kind), edge);
    }
    out
}

/// The mean quad-class tone of some events, scaled by [`TONE_SCALE`] and rounded.
fn mean_tone(graph: &NewsGraph, events: &[NodeIndex]) -> i8 {
    let tones: Vec<f32> = events
        .iter()
        .filter_map(|&e| graph.graph()[e].event.as_ref())
        .map(|info| info.category.quad().tone())
        .collect();
    if tones.is_empty() {
        return 0;
    }
    let mean = tones.iter().sum::<f32>() / tones.len() as f32;
    #[allow(clippy::cast_possible_truncation, reason = "clamped to ±100 first")]
    let tone = (mean * TONE_SCALE).round().clamp(-TONE_SCALE, TONE_SCALE) as i8;
    tone
}

/// The events two actors of `graph` both take part in, in key order (the events behind an
/// edge of the actor view).
pub fn shared_events(graph: &NewsGraph, a: NodeIndex, b: NodeIndex) -> Vec<NodeIndex> {
    let g = graph.graph();
    let events_of = |n: NodeIndex| -> Vec<NodeIndex> {
        g.edges_directed(n, Direction::Outgoing)
            .filter(|e| e.weight().kind == EdgeKind::ParticipatesIn)
            .map(|e| e.target())
            .filter(|&t| g[t].kind == NodeKind::Event)
            .collect()
    };
    let theirs = events_of(b);
    let mut shared: Vec<NodeIndex> = events_of(a)
        .into_iter()
        .filter(|e| theirs.contains(e))
        .collect();
    shared.sort_by(|x, y| g[*x].key.cmp(&g[*y].key));
    shared.dedup();
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Plover;
    use crate::graph::{EventInfo, NodeKey};

    fn event(g: &mut NewsGraph, key: &str, category: Plover, actors: &[NodeIndex]) {
        let e = g.upsert_node(key, NodeKind::Event, key);
        g.graph[e].event = Some(EventInfo {
            kind: key.into(),
            ..EventInfo::blank(category)
        });
        for &a in actors {
            g.upsert_edge(a, e, EdgeKind::ParticipatesIn, &[]);
        }
    }

    /// A and B meet twice and fight once; B and C agree; D takes part in an event alone; an
    /// issue and an affiliation that the fold drops.
    fn graph() -> NewsGraph {
        let mut graph = NewsGraph::new();
        let a = graph.upsert_node("person:a", NodeKind::Person, "A");
        let b = graph.upsert_node("country:B", NodeKind::Country, "B");
        let org = graph.upsert_node("organization:c", NodeKind::Organization, "C");
        let alone = graph.upsert_node("person:d", NodeKind::Person, "D");
        let issue = graph.upsert_node("issue:x", NodeKind::Issue, "X");
        event(&mut graph, "event:meet-1", Plover::Consult, &[a, b]);
        event(&mut graph, "event:meet-2", Plover::Consult, &[b, a]);
        event(&mut graph, "event:fight", Plover::Fight, &[a, b]);
        event(&mut graph, "event:deal", Plover::Agree, &[b, org]);
        event(&mut graph, "event:alone", Plover::Protest, &[alone]);
        graph.upsert_edge(a, issue, EdgeKind::InvolvedIn, &[]);
        graph.upsert_edge(a, b, EdgeKind::AffiliatedWith, &[]);
        graph
    }

    fn edge(folded: &NewsGraph, a: &str, b: &str) -> Option<(EdgeKind, u32)> {
        let (ia, ib) = (
            folded.index(&NodeKey::from(a))?,
            folded.index(&NodeKey::from(b))?,
        );
        let e = folded.graph().find_edge_undirected(ia, ib)?.0;
        Some((folded.graph()[e].kind, folded.graph()[e].mentions))
    }

    #[test]
    fn events_fold_into_weighted_toned_actor_edges() {
        let g = graph();
        let folded = fold(&g, |_| true, 99);
        assert_eq!(folded.revision(), 99);
        // Actors sharing an event only: the issue, the events and D (alone) are gone.
        let keys: Vec<&str> = folded
            .nodes_sorted()
            .iter()
            .map(|n| n.key.0.as_str())
            .collect();
        assert_eq!(keys, vec!["country:B", "organization:c", "person:a"]);
        assert_eq!(folded.edge_count(), 2);
        // Two meetings (+0.5 each) and a fight (−1): mean 0.
        assert_eq!(
            edge(&folded, "person:a", "country:B"),
            Some((EdgeKind::SharedEvents { tone: 0 }, 3))
        );
        assert_eq!(
            edge(&folded, "country:B", "organization:c"),
            Some((EdgeKind::SharedEvents { tone: 50 }, 1))
        );
        // Hiding a category takes its events out of the fold.
        let fight = g.index(&NodeKey::from("event:fight")).expect("fight");
        let peaceful = fold(&g, |e| e != fight, 100);
        assert_eq!(
            edge(&peaceful, "person:a", "country:B"),
            Some((EdgeKind::SharedEvents { tone: 50 }, 2))
        );
    }

    #[test]
    fn the_events_behind_an_edge_are_listed() {
        let g = graph();
        let (a, b) = (
            g.index(&NodeKey::from("person:a")).expect("a"),
            g.index(&NodeKey::from("country:B")).expect("b"),
        );
        let names: Vec<&str> = shared_events(&g, a, b)
            .into_iter()
            .map(|e| g.graph()[e].key.0.as_str())
            .collect();
        assert_eq!(names, vec!["event:fight", "event:meet-1", "event:meet-2"]);
    }
}
