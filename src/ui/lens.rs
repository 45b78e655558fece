//! What the canvas shows and stresses, apart from where things are: the nodes shown (a focus
//! on a neighbourhood hides the rest), the nodes and edges stressed (the selection and its
//! neighbours, or a path; the rest is dimmed), and the small force layout that runs on the
//! shown nodes alone while part of the graph is hidden.
//!
//! Everything is indexed by layout index (the canvas's node order) and by drawn-edge index.

use crate::layout::{ForceLayout, LayoutParams};

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
    /// The layout of the shown nodes while some are hidden.
    sub: Option<SubLayout>,
}

/// A force layout over the shown nodes only.
pub struct SubLayout {
    /// Layout index of each of its nodes.
    pub members: Vec<usize>,
    /// The layout.
    pub layout: ForceLayout,
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

    /// Shows only these nodes and edges (`None`: all), and starts a layout of the shown ones
    /// from the current `positions` and `pinned` flags. Returns whether anything changed.
    pub fn set_shown(
        &mut self,
        shown: Option<Vec<bool>>,
        shown_edges: Option<Vec<bool>>,
        positions: &[[f32; 2]],
        pinned: &[bool],
        edges: &[(u32, u32)],
        params: LayoutParams,
    ) -> bool {
        if shown == self.shown && shown_edges == self.shown_edges {
            return false;
        }
        let hiding = shown.is_some() || shown_edges.is_some();
        let all = vec![true; positions.len()];
        let mask = shown.as_ref().unwrap_or(&all);
        let edge_ok = |e: usize| {
            shown_edges
                .as_ref()
                .is_none_or(|s| s.get(e).copied().unwrap_or(false))
        };
        self.sub = hiding.then(|| {
            let members: Vec<usize> = (0..positions.len())
                .filter(|&i| mask.get(i).copied().unwrap_or(false))
                .collect();
            let mut local = vec![u32::MAX; positions.len()];
            for (j, &i) in members.iter().enumerate() {
                local[i] = u32::try_from(j).unwrap_or(u32::MAX);
            }
            let sub_edges: Vec<(u32, u32, f32)> = edges
                .iter()
                .enumerate()
                .filter_map(|(e, &(a, b))| {
                    let (la, lb) = (local[a as usize], local[b as usize]);
                    (la != u32::MAX && lb != u32::MAX && edge_ok(e)).then_some((la, lb, 1.0))
                })
                .collect();
            let mut layout = ForceLayout::new(params);
            layout.set_graph(members.iter().map(|&i| positions[i]).collect(), &sub_edges);
            for (j, &i) in members.iter().enumerate() {
                layout.set_pinned(j, pinned.get(i).copied().unwrap_or(false));
            }
            layout.reheat();
            SubLayout { members, layout }
        });
        self.shown = shown;
        self.shown_edges = shown_edges;
        true
    }

    /// The layout of the shown nodes, while some are hidden.
    pub fn sub_layout(&mut self) -> Option<&mut SubLayout> {
        self.sub.as_mut()
    }

    /// Whether the layout of the shown nodes has come to rest (true when there is none).
    pub fn sub_settled(&self) -> bool {
        self.sub.as_ref().is_none_or(|s| s.layout.is_settled())
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

/// The nodes of a path as stressed nodes, and the edges between consecutive ones as stressed
/// edges.
pub fn path_stress(
    node_count: usize,
    edges: &[(u32, u32)],
    path: &[usize],
) -> (Vec<bool>, Vec<bool>) {
    let mut nodes = vec![false; node_count];
    for &i in path {
        if let Some(n) = nodes.get_mut(i) {
            *n = true;
        }
    }
    let steps: Vec<(u32, u32)> = path
        .windows(2)
        .map(|w| {
            let (a, b) = (
                u32::try_from(w[0]).unwrap_or(u32::MAX),
                u32::try_from(w[1]).unwrap_or(u32::MAX),
            );
            (a.min(b), a.max(b))
        })
        .collect();
    let stressed_edges = edges
        .iter()
        .map(|&(a, b)| steps.contains(&(a.min(b), a.max(b))))
        .collect();
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
        let (nodes, e) = path_stress(4, &edges, &[0, 1, 2]);
        assert_eq!(nodes, vec![true, true, true, false]);
        assert_eq!(e, vec![true, true, false, false]);
    }

    #[test]
    fn hiding_nodes_starts_a_layout_of_the_rest() {
        let mut lens = Lens::default();
        let positions = [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]];
        let changed = lens.set_shown(
            Some(vec![true, false, true]),
            None,
            &positions,
            &[false, false, true],
            &[(0, 1), (0, 2)],
            LayoutParams::default(),
        );
        assert!(changed);
        assert!(lens.is_shown(0) && !lens.is_shown(1) && lens.is_shown(2));
        assert!(!lens.edge_shown(0, 0, 1) && lens.edge_shown(1, 0, 2));
        assert_eq!(lens.shown_count(3), 2);
        let sub = lens.sub_layout().expect("a layout of the shown nodes");
        assert_eq!(sub.members, vec![0, 2]);
        assert!(sub.layout.is_pinned(1) && !sub.layout.is_pinned(0));
        assert!(lens.set_shown(None, None, &positions, &[], &[], LayoutParams::default()));
        assert!(lens.sub_layout().is_none() && lens.is_shown(1));
        // Hiding an edge alone keeps every node but drops its spring.
        assert!(lens.set_shown(
            None,
            Some(vec![false, true]),
            &positions,
            &[],
            &[(0, 1), (0, 2)],
            LayoutParams::default()
        ));
        assert!(lens.is_shown(1) && !lens.edge_shown(0, 0, 1) && lens.edge_shown(1, 0, 2));
        assert_eq!(lens.sub_layout().map(|s| s.members.len()), Some(3));
    }
}
