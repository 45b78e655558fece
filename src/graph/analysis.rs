//! Questions asked of the graph while exploring it: who is within a few hops of a node, and the
//! shortest chain of relations between two nodes, each step with the edges (and so the
//! sentences) behind it. Edges are walked in both directions: "A attacked B" links B to A too.

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

/// A shortest path between two nodes (the first of [`shortest_paths`]). `None` when the two
/// are not connected or either is missing; an empty path when they are the same node.
pub fn shortest_path(graph: &NewsGraph, from: NodeIndex, to: NodeIndex) -> Option<Vec<PathStep>> {
    shortest_paths(graph, from, to, 1)?.paths.into_iter().next()
}

/// The shortest paths between two nodes: some of them, and how many there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortestPaths {
    /// Up to the asked number of paths, all of the fewest steps, those through the most
    /// mentioned nodes first.
    pub paths: Vec<Vec<PathStep>>,
    /// How many shortest paths there are in all (saturating).
    pub total: u64,
}

/// Every shortest path between two nodes, up to `limit` of them, with the number there are in
/// all. Paths differ in the nodes they pass (the edges of a step are all listed with it). At
/// each fork the more mentioned node comes first (then the lower index), so the same graph
/// gives the same paths in the same order. `None` when the two are not connected or either is
/// missing; one empty path when they are the same node.
pub fn shortest_paths(
    graph: &NewsGraph,
    from: NodeIndex,
    to: NodeIndex,
    limit: usize,
) -> Option<ShortestPaths> {
    let g = graph.graph();
    g.node_weight(from)?;
    g.node_weight(to)?;
    if from == to {
        return Some(ShortestPaths {
            paths: vec![Vec::new()],
            total: 1,
        });
    }
    let neighbours = |n: NodeIndex| {
        let mut list: Vec<NodeIndex> = g.neighbors_undirected(n).filter(|&m| m != n).collect();
        list.sort_unstable();
        list.dedup();
        list
    };
    // Breadth-first from `from`, a level at a time, until the level that reaches `to`,
    // counting the shortest paths to every node reached.
    let mut dist = vec![u32::MAX; g.node_bound()];
    let mut count = vec![0u64; g.node_bound()];
    dist[from.index()] = 0;
    count[from.index()] = 1;
    let mut frontier = vec![from];
    let mut level = 0;
    while !frontier.is_empty() && dist[to.index()] == u32::MAX {
        level += 1;
        let mut next = Vec::new();
        for n in frontier {
            for m in neighbours(n) {
                if dist[m.index()] == u32::MAX {
                    dist[m.index()] = level;
                    next.push(m);
                }
                if dist[m.index()] == level {
                    count[m.index()] = count[m.index()].saturating_add(count[n.index()]);
                }
            }
        }
        frontier = next;
    }
    if dist[to.index()] == u32::MAX {
        return None;
    }
    // The nodes on some shortest path: back from `to`, one level down at a time.
    let mut on_path = vec![false; g.node_bound()];
    on_path[to.index()] = true;
    let mut layer = vec![to];
    while let Some(&first) = layer.first() {
        let below = dist[first.index()].wrapping_sub(1);
        if dist[first.index()] == 0 {
            break;
        }
        let mut next = Vec::new();
        for n in layer {
            for m in neighbours(n) {
                if dist[m.index()] == below && !on_path[m.index()] {
                    on_path[m.index()] = true;
                    next.push(m);
                }
            }
        }
        layer = next;
    }
    // Forward from `from` along those nodes, the more mentioned first, until `limit` paths.
    let forks = |n: NodeIndex| {
        let mut list: Vec<NodeIndex> = neighbours(n)
            .into_iter()
            .filter(|m| on_path[m.index()] && dist[m.index()] == dist[n.index()] + 1)
            .collect();
        list.sort_by(|a, b| g[*b].mentions.cmp(&g[*a].mentions).then(a.cmp(b)));
        list
    };
    let mut paths = Vec::new();
    let mut stack: Vec<(NodeIndex, Vec<NodeIndex>)> = vec![(from, forks(from))];
    while let Some((_, options)) = stack.last_mut() {
        if paths.len() >= limit {
            break;
        }
        if options.is_empty() {
            stack.pop();
            continue;
        }
        let m = options.remove(0);
        if m == to {
            let nodes: Vec<NodeIndex> = stack.iter().map(|(n, _)| *n).chain([to]).collect();
            paths.push(
                nodes
                    .windows(2)
                    .map(|w| PathStep {
                        from: w[0],
                        to: w[1],
                        edges: edges_between(graph, w[0], w[1]),
                    })
                    .collect(),
            );
        } else {
            let next = forks(m);
            stack.push((m, next));
        }
    }
    Some(ShortestPaths {
        paths,
        total: count[to.index()],
    })
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

    #[test]
    #[allow(
        clippy::many_single_char_names,
        reason = "the nodes of small graphs drawn in the comments"
    )]
    fn all_shortest_paths_are_found_up_to_a_limit() {
        // a – x – b, a – y – b, a – z – b: three paths of two steps; the direct-looking
        // detour a – w – v – b is longer and left out.
        let mut g = NewsGraph::new();
        let [a, x, y, z, w, v, b] = [
            ("person:a", 1),
            ("person:x", 2),
            ("person:y", 9),
            ("person:z", 5),
            ("person:w", 50),
            ("person:v", 50),
            ("person:b", 1),
        ]
        .map(|(k, mentions)| {
            let n = g.upsert_node(k, NodeKind::Person, k);
            g.graph[n].mentions = mentions;
            n
        });
        for (p, q) in [
            (a, x),
            (x, b),
            (y, a),
            (b, y),
            (a, z),
            (z, b),
            (a, w),
            (w, v),
            (v, b),
        ] {
            g.upsert_edge(p, q, EdgeKind::Acted(Plover::Consult), &[]);
        }
        let mentions = |n: NodeIndex| g.graph()[n].mentions;
        assert!(
            mentions(y) > mentions(z) && mentions(z) > mentions(x),
            "set up by mentions"
        );
        let all = shortest_paths(&g, a, b, 10).expect("connected");
        assert_eq!(all.total, 3);
        let middles: Vec<NodeIndex> = all.paths.iter().map(|p| p[0].to).collect();
        // The most mentioned middle first.
        assert_eq!(middles, vec![y, z, x]);
        assert!(all.paths.iter().all(|p| p.len() == 2 && p[1].to == b));
        // Edges either way are found for each step.
        assert_eq!(all.paths[0][0].edges.len(), 1);
        let two = shortest_paths(&g, a, b, 2).expect("connected");
        assert_eq!((two.paths.len(), two.total), (2, 3));
        assert_eq!(shortest_path(&g, a, b).map(|p| p[0].to), Some(y));
        // Counting multiplies through a chain of forks: a – {p1,p2} – m – {q1,q2,q3} – c.
        let mut h = NewsGraph::new();
        let node = |h: &mut NewsGraph, k: &str| h.upsert_node(k, NodeKind::Person, k);
        let (a, m, c) = (
            node(&mut h, "person:a"),
            node(&mut h, "person:m"),
            node(&mut h, "person:c"),
        );
        for k in ["person:p1", "person:p2"] {
            let p = node(&mut h, k);
            h.upsert_edge(a, p, EdgeKind::AffiliatedWith, &[]);
            h.upsert_edge(p, m, EdgeKind::AffiliatedWith, &[]);
        }
        for k in ["person:q1", "person:q2", "person:q3"] {
            let q = node(&mut h, k);
            h.upsert_edge(m, q, EdgeKind::AffiliatedWith, &[]);
            h.upsert_edge(c, q, EdgeKind::AffiliatedWith, &[]);
        }
        let found = shortest_paths(&h, a, c, 4).expect("connected");
        assert_eq!((found.paths.len(), found.total), (4, 6));
        let distinct: std::collections::HashSet<Vec<NodeIndex>> = found
            .paths
            .iter()
            .map(|p| p.iter().map(|s| s.to).collect())
            .collect();
        assert_eq!(distinct.len(), 4, "no path twice");
    }
}
