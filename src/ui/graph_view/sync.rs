//! Building the canvas's view of the domain graph: layout order, places kept and new nodes
//! placed near their neighbours, the view graph's nodes and the drawn edges.

use std::collections::HashMap;

use egui::Pos2;
use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::{EdgeHandle, GraphPanel, LABEL_ALL_BELOW, NodeHandle, ViewGraph, node_radius, to_u32};
use crate::graph::{NewsGraph, NodeKey};
use crate::layout::place_new_nodes;
use crate::ui::theme;

impl GraphPanel {
    /// Rebuilds the view when the domain graph changed; nodes keep their places, new nodes
    /// start near their neighbours.
    pub fn sync(&mut self, graph: &NewsGraph) {
        if self.synced_revision == Some(graph.revision()) {
            return;
        }
        let first = self.keys.is_empty();
        let before = self.keys.len();
        self.synced_revision = Some(graph.revision());
        let g = graph.graph();
        let mut order: Vec<NodeIndex> = g.node_indices().collect();
        order.sort_by(|a, b| g[*a].key.cmp(&g[*b].key));
        let old: HashMap<NodeKey, ([f32; 2], bool)> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                (
                    k.clone(),
                    (self.layout.positions()[i], self.layout.is_pinned(i)),
                )
            })
            .collect();
        let keys: Vec<NodeKey> = order.iter().map(|&i| g[i].key.clone()).collect();
        let by_key: HashMap<NodeKey, usize> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        let domain_to_layout: HashMap<NodeIndex, usize> =
            order.iter().enumerate().map(|(i, &d)| (d, i)).collect();
        let mut edges: Vec<(u32, u32, f32)> = Vec::new();
        for e in g.edge_references() {
            if let (Some(&a), Some(&b)) = (
                domain_to_layout.get(&e.source()),
                domain_to_layout.get(&e.target()),
            ) {
                edges.push((to_u32(a), to_u32(b), 1.0));
            }
        }
        let mut positions = vec![[0.0_f32; 2]; keys.len()];
        let mut known = vec![false; keys.len()];
        let mut pinned = vec![false; keys.len()];
        for (k, &(p, _)) in &old {
            self.remembered.insert(k.clone(), p);
        }
        for (i, k) in keys.iter().enumerate() {
            if let Some(&(p, pin)) = old.get(k) {
                positions[i] = p;
                known[i] = true;
                pinned[i] = pin;
            } else if let Some(&p) = self.remembered.get(k) {
                positions[i] = p;
                known[i] = true;
            }
        }
        let params = self.layout.params();
        place_new_nodes(
            &mut positions,
            &known,
            &edges,
            params.edge_length,
            graph.revision(),
        );
        self.layout.set_graph(positions, &edges, pinned);

        // The view graph.
        let mut top: Vec<(u32, usize)> = order
            .iter()
            .enumerate()
            .map(|(i, &d)| (g[d].mentions, i))
            .collect();
        top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let label_all = keys.len() < LABEL_ALL_BELOW;
        let mut always = vec![label_all; keys.len()];
        for &(_, i) in top.iter().take(40) {
            always[i] = true;
        }
        let mut sg: StableGraph<NodeHandle, EdgeHandle> = StableGraph::default();
        for (i, &d) in order.iter().enumerate() {
            let n = &g[d];
            sg.add_node(NodeHandle {
                index: d,
                kind: n.kind,
                radius: node_radius(n.kind, n.mentions),
                always_label: always[i],
                hidden: false,
                fill: theme::node_color(n.kind),
            });
        }
        let mut drawn_edges = Vec::with_capacity(g.edge_count());
        for e in g.edge_references() {
            if let (Some(&a), Some(&b)) = (
                domain_to_layout.get(&e.source()),
                domain_to_layout.get(&e.target()),
            ) {
                let width = theme::edge_width(e.weight().mentions);
                drawn_edges.push((
                    to_u32(a),
                    to_u32(b),
                    EdgeHandle {
                        edge: e.id(),
                        kind: e.weight().kind,
                        width,
                    },
                ));
            }
        }
        let mut view = ViewGraph::from(&sg);
        let view_nodes: Vec<NodeIndex> = view.g().node_indices().collect();
        self.labels = order.iter().map(|&d| theme::short_label(&g[d])).collect();
        for (i, &v) in view_nodes.iter().enumerate() {
            if let Some(node) = view.node_mut(v) {
                node.set_label(String::new());
                let p = self.layout.positions()[i];
                node.set_location(Pos2::new(p[0], p[1]));
            }
        }
        self.view = view;
        self.edges = drawn_edges;
        self.keys = keys;
        self.by_key = by_key;
        self.view_nodes = view_nodes;
        self.domain = order;
        self.lens.clear();
        self.lens_epoch += 1;
        self.glide = None;
        self.hovered_edge = None;
        self.selected_view = None;
        if first || self.keys.len() > before {
            self.pending_fit = true;
            self.follow = true;
        }
    }
}
