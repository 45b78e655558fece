//! Questions asked of the graph while exploring it: who is within a few hops of a node, and the
//! shortest chain of relations between two nodes, each step with the edges (and so the
//! sentences) behind it. Edges are walked in both directions: "A attacked B" links B to A too.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, NodeIndexable};

use super::{Edge, NewsGraph};

/// The nodes within `hops` steps of `start` (itself included), in either direction, as a mask
/// indexed by `NodeIndex::index()` (the length is the graph's node bound).
pub fn neighbourhood(graph: &NewsGraph, start: NodeIndex, hops: usize) -> Vec<bool> {
    let g = graph.graph();
    let mut inside = vec![false; g.node_bound()];
    if g.node_weight(start).is_none() {
        return inside;
    }
    inside[start.index()] = true;
    let mut frontier = vec![start];
    for _ in 0..hops {
        let mut next = Vec::new();
        for n in frontier {
            for m in g.neighbors_undirected(n) {
                if !inside[m.index()] {
                    inside[m.index()] = true;
                    next.push(m);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    inside
}

/// One step of a path: from one node to the next, with the edges that join them (either
/// direction), most mentioned first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    /// Where the step starts.
    pub from: NodeIndex,
    /// Where it ends.
    pub to: NodeIndex,
    /// The edges between the two, in either direction.
    pub edges: Vec<EdgeIndex>,
}

/// A shortest path between two nodes, fewest steps first; ties are broken by the graph's own
/// (deterministic) edge order, so the same graph gives the same path. `None` when the two are
/// not connected or either is missing; an empty path when they are the same node.
pub fn shortest_path(graph: &NewsGraph, from: NodeIndex, to: NodeIndex) -> Option<Vec<PathStep>> {
    let g = graph.graph();
    g.node_weight(from)?;
    g.node_weight(to)?;
    let mut previous: Vec<Option<NodeIndex>> = vec![None; g.node_bound()];
    let mut seen = vec![false; g.node_bound()];
    seen[from.index()] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        for m in g.neighbors_undirected(n) {
            if !seen[m.index()] {
                seen[m.index()] = true;
                previous[m.index()] = Some(n);
                queue.push_back(m);
            }
        }
    }
    if !seen[to.index()] {
        return None;
    }
    let mut nodes = vec![to];
    let mut at = to;
    while let Some(p) = previous[at.index()] {
        nodes.push(p);
        at = p;
    }
    nodes.reverse();
    Some(
        nodes
            .windows(2)
            .map(|w| PathStep {
                from: w[0],
                to: w[1],
                edges: edges_between(graph, w[0], w[1]),
            })
            .collect(),
    )
}

/// The first and last date a node is seen: the publication dates of the articles of its
/// evidence and, for an event, the date it states, when written as ISO dates (which sort as
/// text). `None` when none is known.
pub fn node_dates(graph: &NewsGraph, node: NodeIndex) -> Option<(String, String)> {
    let n = graph.graph().node_weight(node)?;
    let iso = |d: &&str| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-';
    let mut dates: Vec<&str> = n
        .evidence
        .iter()
        .filter_map(|e| graph.article(e.article)?.date.as_deref())
        .chain(n.event.as_ref().and_then(|e| e.date.as_deref()))
        .filter(iso)
        .collect();
    dates.sort_unstable();
    Some(((*dates.first()?).to_string(), (*dates.last()?).to_string()))
}

/// The edges joining two nodes in either direction, most mentioned first.
pub fn edges_between(graph: &NewsGraph, a: NodeIndex, b: NodeIndex) -> Vec<EdgeIndex> {
    let g = graph.graph();
    let mut edges: Vec<(EdgeIndex, &Edge)> = g
        .edges_directed(a, Direction::Outgoing)
        .filter(|e| e.target() == b)
        .chain(
            g.edges_directed(a, Direction::Incoming)
                .filter(|e| e.source() == b),
        )
        .map(|e| (e.id(), e.weight()))
        .collect();
    edges.sort_by(|x, y| {
        y.1.mentions
            .cmp(&x.1.mentions)
            .then(x.1.kind.cmp(&y.1.kind))
            .then(x.0.cmp(&y.0))
    });
    edges.into_iter().map(|(e, _)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Plover;
    use crate::graph::{EdgeKind, NodeKind};

    /// a → e1 ← b → e2 ← c, and d alone: actors linked through events.
    fn chain() -> (NewsGraph, Vec<NodeIndex>) {
        let mut g = NewsGraph::new();
        let ids: Vec<NodeIndex> = [
            ("person:a", NodeKind::Person),
            ("event:e1", NodeKind::Event),
            ("person:b", NodeKind::Person),
            ("event:e2", NodeKind::Event),
            ("country:C", NodeKind::Country),
            ("person:d", NodeKind::Person),
        ]
        .iter()
        .map(|(k, kind)| g.upsert_node(k, *kind, k))
        .collect();
        g.upsert_edge(ids[0], ids[1], EdgeKind::ParticipatesIn, &[]);
        g.upsert_edge(ids[2], ids[1], EdgeKind::ParticipatesIn, &[]);
        g.upsert_edge(ids[2], ids[3], EdgeKind::ParticipatesIn, &[]);
        g.upsert_edge(ids[4], ids[3], EdgeKind::ParticipatesIn, &[]);
        g.upsert_edge(ids[2], ids[4], EdgeKind::Acted(Plover::Consult), &[]);
        g.upsert_edge(ids[4], ids[2], EdgeKind::Acted(Plover::Assault), &[]);
        g.upsert_edge(ids[4], ids[2], EdgeKind::Acted(Plover::Assault), &[]);
        (g, ids)
    }

    fn members(mask: &[bool], ids: &[NodeIndex]) -> Vec<usize> {
        ids.iter()
            .enumerate()
            .filter(|(_, n)| mask[n.index()])
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn neighbourhoods_grow_by_hops_in_both_directions() {
        let (g, ids) = chain();
        assert_eq!(members(&neighbourhood(&g, ids[0], 0), &ids), vec![0]);
        assert_eq!(members(&neighbourhood(&g, ids[0], 1), &ids), vec![0, 1]);
        assert_eq!(members(&neighbourhood(&g, ids[0], 2), &ids), vec![0, 1, 2]);
        assert_eq!(
            members(&neighbourhood(&g, ids[0], 3), &ids),
            vec![0, 1, 2, 3, 4]
        );
        // Incoming edges count: the event reaches both its participants.
        assert_eq!(members(&neighbourhood(&g, ids[1], 1), &ids), vec![0, 1, 2]);
        assert_eq!(members(&neighbourhood(&g, ids[5], 3), &ids), vec![5]);
    }

    #[test]
    fn shortest_path_steps_carry_their_edges() {
        let (g, ids) = chain();
        let path = shortest_path(&g, ids[0], ids[4]).expect("a and C are connected");
        let nodes: Vec<NodeIndex> = path.iter().map(|s| s.from).chain([ids[4]]).collect();
        // a → e1 → b → C: the direct b–C relations beat the detour through e2.
        assert_eq!(nodes, vec![ids[0], ids[1], ids[2], ids[4]]);
        let last = &path[2];
        let kinds: Vec<EdgeKind> = last.edges.iter().map(|&e| g.graph()[e].kind).collect();
        // Both directions, most mentioned first.
        assert_eq!(
            kinds,
            vec![
                EdgeKind::Acted(Plover::Assault),
                EdgeKind::Acted(Plover::Consult)
            ]
        );
        assert_eq!(shortest_path(&g, ids[0], ids[5]), None);
        assert_eq!(shortest_path(&g, ids[2], ids[2]), Some(Vec::new()));
    }
}
