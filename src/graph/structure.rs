//! The graph's structure: degree, PageRank, betweenness and communities, computed on the simple
//! undirected graph under a [`NewsGraph`] (an edge wherever two nodes are related, whatever the
//! direction or how many relations), the way Gephi and networkx treat such a graph.
//!
//! Written here rather than taken from a crate, for measured or stated reasons: petgraph's
//! `page_rank` scans every pair of nodes on each iteration (O(n²·degree)), far too slow at
//! 20,000 nodes; rustworkx-core has no sampled betweenness and no Louvain; the Rust Louvain and
//! Leiden crates found are young one-author crates or GPL-licensed. The results are checked
//! against networkx on small graphs (`tests/fixtures/structure/`, written by
//! `tools/structure_fixtures.py`).

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::NewsGraph;

/// What decides a node's size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBy {
    /// Mentions in the articles.
    #[default]
    Mentions,
    /// Number of neighbours.
    Degree,
    /// PageRank.
    PageRank,
    /// Betweenness centrality.
    Betweenness,
}

impl SizeBy {
    /// All, in menu order.
    pub const ALL: [SizeBy; 4] = [
        SizeBy::Mentions,
        SizeBy::Degree,
        SizeBy::PageRank,
        SizeBy::Betweenness,
    ];

    /// Menu name.
    pub fn label(self) -> &'static str {
        match self {
            SizeBy::Mentions => "Mentions",
            SizeBy::Degree => "Degree",
            SizeBy::PageRank => "PageRank",
            SizeBy::Betweenness => "Betweenness",
        }
    }
}

/// A simple undirected graph: no loops, no parallel edges, neighbours sorted.
#[derive(Debug, Clone, Default)]
pub struct Simple {
    /// The domain node of each vertex.
    pub nodes: Vec<NodeIndex>,
    /// The neighbours of each vertex.
    pub adj: Vec<Vec<u32>>,
}

impl Simple {
    /// The simple undirected graph under `graph`, vertices in index order.
    pub fn of(graph: &NewsGraph) -> Self {
        let g = graph.graph();
        let nodes: Vec<NodeIndex> = g.node_indices().collect();
        let mut at = vec![u32::MAX; g.node_bound()];
        for (v, n) in nodes.iter().enumerate() {
            at[n.index()] = to_u32(v);
        }
        let edges: Vec<(u32, u32)> = g
            .edge_indices()
            .filter_map(|e| g.edge_endpoints(e))
            .map(|(a, b)| (at[a.index()], at[b.index()]))
            .collect();
        let mut simple = Self::from_edges(nodes.len(), &edges);
        simple.nodes = nodes;
        simple
    }

    /// A simple graph of `n` vertices from an edge list (loops and repeats dropped).
    pub fn from_edges(n: usize, edges: &[(u32, u32)]) -> Self {
        let mut adj = vec![Vec::new(); n];
        for &(a, b) in edges {
            if a != b && (a as usize) < n && (b as usize) < n {
                adj[a as usize].push(b);
                adj[b as usize].push(a);
            }
        }
        for list in &mut adj {
            list.sort_unstable();
            list.dedup();
        }
        Self {
            nodes: Vec::new(),
            adj,
        }
    }

    /// Number of vertices.
    pub fn len(&self) -> usize {
        self.adj.len()
    }

    /// Whether there are no vertices.
    pub fn is_empty(&self) -> bool {
        self.adj.is_empty()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.adj.iter().map(Vec::len).sum::<usize>() / 2
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The number of neighbours of each vertex.
pub fn degree(s: &Simple) -> Vec<u32> {
    s.adj.iter().map(|l| to_u32(l.len())).collect()
}

/// PageRank with damping `alpha` (0.85 is usual), every edge walked both ways; a vertex with
/// no edge hands its rank to all alike. Power iteration until the ranks move by less than
/// 1e-12 in all, as networkx's `pagerank` with `weight=None`.
pub fn pagerank(s: &Simple, alpha: f64) -> Vec<f64> {
    let n = s.len();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..1000 {
        let dangling: f64 = (0..n).filter(|&v| s.adj[v].is_empty()).map(|v| x[v]).sum();
        let base = (1.0 - alpha) / nf + alpha * dangling / nf;
        for (v, out) in next.iter_mut().enumerate() {
            let inflow: f64 = s.adj[v]
                .iter()
                .map(|&u| x[u as usize] / s.adj[u as usize].len() as f64)
                .sum();
            *out = base + alpha * inflow;
        }
        let change: f64 = x.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < 1e-12 {
            break;
        }
    }
    x
}

/// Betweenness as networkx normalizes it for an undirected graph (divided by (n−1)(n−2)), by
/// Brandes' algorithm from every vertex, or, when that would cost more than `max_work` edge
/// visits, from an evenly spread sample of sources scaled up by n/k. Returns the values and
/// the sample size when sampled. Runs on all cores.
pub fn betweenness(s: &Simple, max_work: usize) -> (Vec<f64>, Option<usize>) {
    let n = s.len();
    if n < 3 {
        return (vec![0.0; n], None);
    }
    let work = n.saturating_mul(s.edge_count().max(1));
    let sources: Vec<u32> = if work <= max_work {
        (0..n).map(to_u32).collect()
    } else {
        let k = (max_work / s.edge_count().max(1)).clamp(1, n);
        // Every (n/k)th vertex, from a fixed offset: deterministic and spread over the graph.
        (0..k).map(|i| to_u32(i * n / k)).collect()
    };
    let sampled = (sources.len() < n).then_some(sources.len());
    let mut total = sources
        .par_iter()
        .fold(
            || (vec![0.0_f64; n], Brandes::new(n)),
            |(mut acc, mut b), &src| {
                b.accumulate(s, src as usize, &mut acc);
                (acc, b)
            },
        )
        .map(|(acc, _)| acc)
        .reduce(
            || vec![0.0; n],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        );
    let nf = n as f64;
    let mut scale = 1.0 / ((nf - 1.0) * (nf - 2.0));
    if let Some(k) = sampled {
        scale *= nf / k as f64;
    }
    for x in &mut total {
        *x *= scale;
    }
    (total, sampled)
}

/// Work arrays of one Brandes pass, reused from source to source.
struct Brandes {
    order: Vec<u32>,
    sigma: Vec<f64>,
    dist: Vec<i32>,
    delta: Vec<f64>,
}

impl Brandes {
    fn new(n: usize) -> Self {
        Self {
            order: Vec::with_capacity(n),
            sigma: vec![0.0; n],
            dist: vec![-1; n],
            delta: vec![0.0; n],
        }
    }

    /// Adds the dependencies of every vertex on shortest paths from `src` to `acc`.
    fn accumulate(&mut self, s: &Simple, src: usize, acc: &mut [f64]) {
        self.order.clear();
        self.order.push(to_u32(src));
        self.sigma[src] = 1.0;
        self.dist[src] = 0;
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            for &w in &s.adj[v] {
                let w = w as usize;
                if self.dist[w] < 0 {
                    self.dist[w] = self.dist[v] + 1;
                    self.order.push(to_u32(w));
                }
                if self.dist[w] == self.dist[v] + 1 {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
        // Back from the farthest: a predecessor is a neighbour one step nearer the source.
        for &w in self.order.iter().rev() {
            let w = w as usize;
            for &v in &s.adj[w] {
                let v = v as usize;
                if self.dist[v] == self.dist[w] - 1 {
                    self.delta[v] += self.sigma[v] / self.sigma[w] * (1.0 + self.delta[w]);
                }
            }
            if w != src {
                acc[w] += self.delta[w];
            }
        }
        for &w in &self.order {
            let w = w as usize;
            self.sigma[w] = 0.0;
            self.dist[w] = -1;
            self.delta[w] = 0.0;
        }
    }
}

/// Communities by the Louvain method (Blondel et al. 2008) at resolution 1: vertices move to
/// the neighbouring community that most raises modularity, in index order, until none does;
/// then each community becomes one vertex and it starts again, until nothing moves.
/// Communities are numbered by size, largest first (ties: lowest first member).
pub fn louvain(s: &Simple) -> Vec<u32> {
    let n = s.len();
    // The current level: weighted neighbours and loop weights.
    let mut adj: Vec<Vec<(u32, f64)>> = s
        .adj
        .iter()
        .map(|l| l.iter().map(|&u| (u, 1.0)).collect())
        .collect();
    let mut loops = vec![0.0_f64; n];
    let mut member: Vec<u32> = (0..n).map(to_u32).collect();
    let m2: f64 = adj.iter().flatten().map(|&(_, w)| w).sum();
    if m2 == 0.0 {
        return renumber(&member);
    }
    loop {
        let level = local_moves(&adj, &loops, m2);
        let (level, count) = compact(&level);
        if count == adj.len() {
            break;
        }
        for c in &mut member {
            *c = level[*c as usize];
        }
        // One vertex per community: edges inside become its loop.
        let mut next: Vec<HashMap<u32, f64>> = vec![HashMap::new(); count];
        let mut next_loops = vec![0.0; count];
        for (v, list) in adj.iter().enumerate() {
            let cv = level[v];
            next_loops[cv as usize] += loops[v];
            for &(u, w) in list {
                let cu = level[u as usize];
                if cu == cv {
                    // Seen from both ends: half each time makes the loop weight whole.
                    next_loops[cv as usize] += w / 2.0;
                } else {
                    *next[cv as usize].entry(cu).or_default() += w;
                }
            }
        }
        adj = next
            .into_iter()
            .map(|m| {
                let mut l: Vec<(u32, f64)> = m.into_iter().collect();
                l.sort_by_key(|&(u, _)| u);
                l
            })
            .collect();
        loops = next_loops;
    }
    renumber(&member)
}

/// One level of local moves; returns each vertex's community.
fn local_moves(adj: &[Vec<(u32, f64)>], loops: &[f64], m2: f64) -> Vec<u32> {
    let n = adj.len();
    let k: Vec<f64> = (0..n)
        .map(|v| adj[v].iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * loops[v])
        .collect();
    let mut comm: Vec<u32> = (0..n).map(to_u32).collect();
    let mut tot = k.clone();
    let mut weight_to = vec![0.0_f64; n];
    let mut touched: Vec<u32> = Vec::new();
    for _ in 0..100 {
        let mut moved = false;
        for v in 0..n {
            let cv = comm[v] as usize;
            for &(u, w) in &adj[v] {
                let cu = comm[u as usize];
                if weight_to[cu as usize] == 0.0 {
                    touched.push(cu);
                }
                weight_to[cu as usize] += w;
            }
            tot[cv] -= k[v];
            let gain = |c: usize, w: f64| w - tot[c] * k[v] / m2;
            let mut best = cv;
            let mut best_gain = gain(cv, weight_to[cv]);
            for &c in &touched {
                let c = c as usize;
                let g = gain(c, weight_to[c]);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            tot[best] += k[v];
            if best != cv {
                comm[v] = to_u32(best);
                moved = true;
            }
            for &c in &touched {
                weight_to[c as usize] = 0.0;
            }
            touched.clear();
        }
        if !moved {
            break;
        }
    }
    comm
}

/// Community labels made dense (0..count) in order of first appearance, and the count.
fn compact(labels: &[u32]) -> (Vec<u32>, usize) {
    let mut map: HashMap<u32, u32> = HashMap::new();
    let out = labels
        .iter()
        .map(|&c| {
            let next = to_u32(map.len());
            *map.entry(c).or_insert(next)
        })
        .collect();
    (out, map.len())
}

/// Labels numbered by community size, largest first, ties to the lowest first member.
fn renumber(labels: &[u32]) -> Vec<u32> {
    let (dense, count) = compact(labels);
    let mut size = vec![0usize; count];
    for &c in &dense {
        size[c as usize] += 1;
    }
    // Dense labels follow first appearance, so a lower label has a lower first member.
    let mut order: Vec<u32> = (0..to_u32(count)).collect();
    order.sort_by(|&a, &b| size[b as usize].cmp(&size[a as usize]).then(a.cmp(&b)));
    let mut rank = vec![0u32; count];
    for (r, &c) in order.iter().enumerate() {
        rank[c as usize] = to_u32(r);
    }
    dense.iter().map(|&c| rank[c as usize]).collect()
}

/// Newman's modularity of a partition of the simple graph (resolution 1).
pub fn modularity(s: &Simple, community: &[u32]) -> f64 {
    let m2 = (2 * s.edge_count()) as f64;
    if m2 == 0.0 {
        return 0.0;
    }
    let count = community.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut inside = vec![0.0_f64; count];
    let mut degree = vec![0.0_f64; count];
    for (v, list) in s.adj.iter().enumerate() {
        let c = community[v] as usize;
        degree[c] += list.len() as f64;
        inside[c] += list
            .iter()
            .filter(|&&u| community[u as usize] as usize == c)
            .count() as f64;
    }
    inside
        .iter()
        .zip(&degree)
        .map(|(l, d)| l / m2 - (d / m2).powi(2))
        .sum()
}

/// Everything the window shows of the structure, per vertex of [`Simple`].
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Neighbours.
    pub degree: Vec<u32>,
    /// PageRank (sums to 1).
    pub pagerank: Vec<f64>,
    /// Normalized betweenness.
    pub betweenness: Vec<f64>,
    /// Sources sampled for betweenness, when not exact.
    pub betweenness_sample: Option<usize>,
    /// Community of each vertex, 0 the largest.
    pub community: Vec<u32>,
    /// Modularity of the communities.
    pub modularity: f64,
}

/// Edge visits above which betweenness is sampled: under two seconds on this project's
/// 2-core machine even under load (at 20,000 nodes and 40,000 edges, 1,000 of the sources).
pub const BETWEENNESS_WORK: usize = 40_000_000;

impl Structure {
    /// Computes it all.
    pub fn compute(s: &Simple) -> Self {
        let (betweenness, betweenness_sample) = betweenness(s, BETWEENNESS_WORK);
        let community = louvain(s);
        Self {
            degree: degree(s),
            pagerank: pagerank(s, 0.85),
            betweenness,
            betweenness_sample,
            modularity: modularity(s, &community),
            community,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Fixture {
        graphs: Vec<Case>,
    }

    #[derive(serde::Deserialize)]
    struct Case {
        name: String,
        nodes: usize,
        edges: Vec<(u32, u32)>,
        degree: Vec<u32>,
        pagerank: Vec<f64>,
        betweenness: Vec<f64>,
        louvain: Vec<u32>,
        modularity: f64,
    }

    fn cases() -> Vec<(Case, Simple)> {
        let fixture: Fixture =
            serde_json::from_str(include_str!("../../tests/fixtures/structure/networkx.json"))
                .expect("the fixture parses");
        fixture
            .graphs
            .into_iter()
            .map(|c| {
                let s = Simple::from_edges(c.nodes, &c.edges);
                (c, s)
            })
            .collect()
    }

    fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= tol)
    }

    #[test]
    fn degree_pagerank_and_betweenness_match_networkx() {
        for (c, s) in cases() {
            assert_eq!(degree(&s), c.degree, "{}", c.name);
            let pr = pagerank(&s, 0.85);
            assert!(close(&pr, &c.pagerank, 1e-9), "{}: {pr:?}", c.name);
            let (bc, sampled) = betweenness(&s, usize::MAX);
            assert_eq!(sampled, None);
            assert!(close(&bc, &c.betweenness, 1e-9), "{}: {bc:?}", c.name);
        }
    }

    #[test]
    fn sampled_betweenness_keeps_the_order_of_the_hubs() {
        let (c, s) = cases().remove(0);
        let (bc, sampled) = betweenness(&s, s.edge_count() * 17);
        assert_eq!(sampled, Some(17));
        let top = |v: &[f64]| {
            (0..v.len())
                .max_by(|&a, &b| v[a].total_cmp(&v[b]))
                .unwrap_or(0)
        };
        assert_eq!(top(&bc), top(&c.betweenness), "{}", c.name);
    }

    #[test]
    fn louvain_finds_communities_as_good_as_networkx() {
        for (c, s) in cases() {
            // Our modularity agrees with networkx's on networkx's own partition.
            assert!(
                (modularity(&s, &c.louvain) - c.modularity).abs() < 1e-9,
                "{}",
                c.name
            );
            let ours = louvain(&s);
            let q = modularity(&s, &ours);
            assert!(
                q >= c.modularity - 0.02,
                "{}: modularity {q} against networkx's {}",
                c.name,
                c.modularity
            );
        }
        // Two cliques joined by one edge are two communities (the path joins the second).
        let (c, s) = cases().remove(2);
        let ours = louvain(&s);
        assert!(ours[..5].iter().all(|&x| x == ours[0]), "{ours:?}");
        assert!(ours[5..10].iter().all(|&x| x == ours[5]), "{ours:?}");
        assert_ne!(ours[0], ours[5], "{}", c.name);
    }

    #[test]
    fn communities_are_numbered_largest_first() {
        let s = Simple::from_edges(
            7,
            &[
                (0, 1),
                (1, 2),
                (0, 2),
                (3, 4),
                (4, 5),
                (5, 6),
                (3, 6),
                (3, 5),
            ],
        );
        let c = louvain(&s);
        assert_eq!(c, vec![1, 1, 1, 0, 0, 0, 0]);
    }
}
