//! What the canvas shows and stresses, apart from where things are: the nodes shown (a focus
//! on a neighbourhood hides the rest), the nodes and edges stressed (the selection and its
//! neighbours, or a path; the rest is dimmed), and the part of the graph the layout runs on
//! alone while the rest is hidden.
//!
//! Everything is indexed by layout index (the canvas's node order) and by drawn-edge index.

use crate::layout::Focus;

/// Shown and stressed nodes and edges of the canvas.
#[derive(Default)]
pub struct Lens {
    /// Per layout index: shown. `None`: everything is shown.
    shown: Option<Vec<bool>>,
    /// Per drawn edge: shown when both ends are. `None`: every such edge is.
    shown_edges: Option<Vec<bool>>,
    /// Per layout index: stressed. `None`: nothing is dimmed.
    stressed: Option<Vec<bool>>,
    /// Per drawn edge: stressed (only read when `stressed` is set).
    stressed_edges: Vec<bool>,
}

impl Lens {
    /// Whether a node is shown.
    pub fn is_shown(&self, node: usize) -> bool {
        self.shown
            .as_ref()
            .is_none_or(|s| s.get(node).copied().unwrap_or(false))
    }

    /// Whether drawn edge `edge`, between nodes `a` and `b`, is shown.
    pub fn edge_shown(&self, edge: usize, a: u32, b: u32) -> bool {
        self.is_shown(a as usize)
            && self.is_shown(b as usize)
            && self
                .shown_edges
                .as_ref()
                .is_none_or(|s| s.get(edge).copied().unwrap_or(false))
    }

    /// Whether some nodes are dimmed.
    pub fn dims(&self) -> bool {
        self.stressed.is_some()
    }

    /// Whether a node is drawn at full strength.
    pub fn is_stressed(&self, node: usize) -> bool {
        self.stressed
            .as_ref()
            .is_none_or(|s| s.get(node).copied().unwrap_or(false))
    }

    /// Whether a drawn edge is drawn at full strength.
    pub fn edge_stressed(&self, edge: usize) -> bool {
        self.stressed.is_none() || self.stressed_edges.get(edge).copied().unwrap_or(false)
    }

    /// Number of nodes shown, out of `total`.
    pub fn shown_count(&self, total: usize) -> usize {
        self.shown
            .as_ref()
            .map_or(total, |s| s.iter().filter(|&&x| x).count())
    }

    /// Whether part of the graph is hidden.
    pub fn hides(&self) -> bool {
        self.shown.is_some() || self.shown_edges.is_some()
    }

    /// Stresses these nodes and edges and dims the rest; `None` dims nothing.
    pub fn set_stress(&mut self, stress: Option<(Vec<bool>, Vec<bool>)>) {
        if let Some((nodes, edges)) = stress {
            self.stressed = Some(nodes);
            self.stressed_edges = edges;
        } else {
            self.stressed = None;
            self.stressed_edges.clear();
        }
    }

    /// Shows only these nodes and edges (`None`: all). Returns whether anything changed.
    pub fn set_shown(&mut self, shown: Option<Vec<bool>>, shown_edges: Option<Vec<bool>>) -> bool {
        if shown == self.shown && shown_edges == self.shown_edges {
            return false;
        }
        self.shown = shown;
        self.shown_edges = shown_edges;
        true
    }

    /// The part of the graph the layout runs on alone while some of it is hidden: the shown
    /// nodes and the shown edges between them (`edges` are the drawn edges by layout index).
    /// `None` when everything is shown.
    pub fn focus(&self, node_count: usize, edges: &[(u32, u32)]) -> Option<Focus> {
        if !self.hides() {
            return None;
        }
        let members: Vec<usize> = (0..node_count).filter(|&i| self.is_shown(i)).collect();
        let mut local = vec![u32::MAX; node_count];
        for (j, &i) in members.iter().enumerate() {
            local[i] = u32::try_from(j).unwrap_or(u32::MAX);
        }
        let edges = edges
            .iter()
            .enumerate()
            .filter_map(|(e, &(a, b))| {
                let (la, lb) = (local[a as usize], local[b as usize]);
                (la != u32::MAX && lb != u32::MAX && self.edge_shown(e, a, b))
                    .then_some((la, lb, 1.0))
            })
            .collect();
        Some(Focus { members, edges })
    }

    /// Forgets everything (the graph was rebuilt; the caller sets the lens again).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// The selection and its neighbours as stressed nodes, and the edges touching the selection as
/// stressed edges.
pub fn neighbours_stress(
    node_count: usize,
    edges: &[(u32, u32)],
    selected: usize,
) -> (Vec<bool>, Vec<bool>) {
    let mut nodes = vec![false; node_count];
    if let Some(n) = nodes.get_mut(selected) {
        *n = true;
    }
    let sel = u32::try_from(selected).unwrap_or(u32::MAX);
    let stressed_edges: Vec<bool> = edges
        .iter()
        .map(|&(a, b)| {
            let touches = a == sel || b == sel;
            if touches {
                nodes[a as usize] = true;
                nodes[b as usize] = true;
            }
            touches
        })
        .collect();
    (nodes, stressed_edges)
}

/// The nodes of some paths as stressed nodes, and the edges between consecutive ones as
/// stressed edges.
pub fn path_stress(
    node_count: usize,
    edges: &[(u32, u32)],
    paths: &[Vec<usize>],
) -> (Vec<bool>, Vec<bool>) {
    let mut nodes = vec![false; node_count];
    for &i in paths.iter().flatten() {
        if let Some(n) = nodes.get_mut(i) {
            *n = true;
        }
    }
    let mut steps: Vec<(u32, u32)> = paths
        .iter()
        .flat_map(|path| path.windows(2))
        .map(|w| {
            let (a, b) = (
                u32::try_from(w[0]).unwrap_or(u32::MAX),
                u32::try_from(w[1]).unwrap_or(u32::MAX),
            );
            (a.min(b), a.max(b))
        })
        .collect();
    steps.sort_unstable();
    steps.dedup();
    let stressed_edges = edges
        .iter()
        .map(|&(a, b)| steps.binary_search(&(a.min(b), a.max(b))).is_ok())
        .collect();
    (nodes, stressed_edges)
}

/// A group's nodes as stressed nodes, and the edges with both ends in it as stressed edges.
pub fn group_stress(
    node_count: usize,
    edges: &[(u32, u32)],
    members: &[usize],
) -> (Vec<bool>, Vec<bool>) {
    let mut nodes = vec![false; node_count];
    for &i in members {
        if let Some(n) = nodes.get_mut(i) {
            *n = true;
        }
    }
    let inside = |i: u32| nodes.get(i as usize).copied().unwrap_or(false);
    let stressed_edges = edges.iter().map(|&(a, b)| inside(a) && inside(b)).collect();
    (nodes, stressed_edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stresses_its_neighbours_only() {
        let edges = [(0, 1), (2, 0), (2, 3)];
        let (nodes, e) = neighbours_stress(5, &edges, 0);
        assert_eq!(nodes, vec![true, true, true, false, false]);
        assert_eq!(e, vec![true, true, false]);
    }

    #[test]
    fn paths_stress_their_steps_in_either_direction() {
        let edges = [(0, 1), (2, 1), (0, 2), (3, 2)];
        let (nodes, e) = path_stress(4, &edges, &[vec![0, 1, 2]]);
        assert_eq!(nodes, vec![true, true, true, false]);
        assert_eq!(e, vec![true, true, false, false]);
        // Several paths: every step of each is stressed.
        let (nodes, e) = path_stress(4, &edges, &[vec![0, 1, 2], vec![0, 2]]);
        assert_eq!(nodes, vec![true, true, true, false]);
        assert_eq!(e, vec![true, true, true, false]);
    }

    #[test]
    fn a_group_stresses_its_members_and_the_edges_among_them() {
        let edges = [(0, 1), (2, 1), (0, 2), (3, 2)];
        let (nodes, e) = group_stress(5, &edges, &[0, 2, 3]);
        assert_eq!(nodes, vec![true, false, true, true, false]);
        assert_eq!(e, vec![false, false, true, true]);
    }

    #[test]
    fn hiding_nodes_lays_out_the_rest_alone() {
        let mut lens = Lens::default();
        let edges = [(0, 1), (0, 2)];
        assert!(lens.focus(3, &edges).is_none(), "nothing hidden, no focus");
        assert!(lens.set_shown(Some(vec![true, false, true]), None));
        assert!(!lens.set_shown(Some(vec![true, false, true]), None));
        assert!(lens.is_shown(0) && !lens.is_shown(1) && lens.is_shown(2));
        assert!(!lens.edge_shown(0, 0, 1) && lens.edge_shown(1, 0, 2));
        assert_eq!(lens.shown_count(3), 2);
        let focus = lens.focus(3, &edges).expect("a layout of the shown nodes");
        assert_eq!(focus.members, vec![0, 2]);
        assert_eq!(focus.edges, vec![(0, 1, 1.0)]);
        assert!(lens.set_shown(None, None));
        assert!(lens.focus(3, &edges).is_none() && lens.is_shown(1));
        // Hiding an edge alone keeps every node but drops its spring.
        assert!(lens.set_shown(None, Some(vec![false, true])));
        assert!(lens.is_shown(1) && !lens.edge_shown(0, 0, 1) && lens.edge_shown(1, 0, 2));
        let focus = lens
            .focus(3, &edges)
            .expect("a layout without the hidden edge");
        assert_eq!(focus.members, vec![0, 1, 2]);
        assert_eq!(focus.edges, vec![(0, 2, 1.0)]);
    }
}
