//! Putting nodes back where they were: undoing and redoing a drag or a loaded layout, pins
//! released, and telling the owner about finished drags so they can be undone.

use std::collections::BTreeMap;

use petgraph::stable_graph::NodeIndex;

use super::{GraphPanel, PIN_AFTER_POINTS};
use crate::files::layout_file::{Placement, ViewState};
use crate::graph::NodeKey;
use crate::ui::Action;

impl GraphPanel {
    /// Puts the listed nodes at their places, pinned as listed; with `whole`, every node not
    /// listed is released. A given view replaces the current one (and stops the view from
    /// following the layout).
    pub fn place(
        &mut self,
        nodes: &BTreeMap<NodeKey, Placement>,
        view: Option<ViewState>,
        whole: bool,
    ) {
        let mut places = Vec::new();
        let mut pins = Vec::new();
        for (i, key) in self.keys.iter().enumerate() {
            match nodes.get(key) {
                Some(p) => {
                    places.push((i, p.pos));
                    pins.push((i, p.pinned));
                }
                None if whole => pins.push((i, false)),
                None => {}
            }
        }
        self.layout.place(&places);
        self.layout.pin(&pins);
        self.layout.reheat();
        // A focus starts again from the new places.
        self.lens.clear();
        self.layout.set_focus(None);
        self.lens_epoch += 1;
        self.copy_positions_to_view();
        if let Some(v) = view {
            self.restore_view(v);
        }
    }

    /// Releases every pinned node and lets the layout run again.
    pub fn unpin_all(&mut self) {
        let all: Vec<(usize, bool)> = (0..self.keys.len()).map(|i| (i, false)).collect();
        self.layout.pin(&all);
        self.layout.reheat();
    }

    /// Number of pinned nodes.
    pub fn pinned_count(&self) -> usize {
        (0..self.keys.len())
            .filter(|&i| self.layout.is_pinned(i))
            .count()
    }

    /// Shows exactly this zoom and pan from the next frame on, instead of fitting the graph.
    pub fn restore_view(&mut self, view: ViewState) {
        self.pending_view = Some(view);
        self.pending_fit = false;
        self.follow = false;
        self.glide = None;
    }

    /// Where a node is and whether it is pinned.
    pub fn placement(&self, key: &NodeKey) -> Option<Placement> {
        let i = *self.by_key.get(key)?;
        Some(Placement {
            pos: self.layout.positions()[i],
            pinned: self.layout.is_pinned(i),
        })
    }

    /// A press on a node: remember where it was.
    pub(super) fn drag_started(&mut self, node: NodeIndex) {
        self.drag_travel = 0.0;
        self.drag_from = self.view_nodes.iter().position(|&x| x == node).map(|i| {
            (
                i,
                Placement {
                    pos: self.layout.positions()[i],
                    pinned: self.layout.is_pinned(i),
                },
            )
        });
    }

    /// The release: a node that really moved is reported, with where it was and is.
    pub(super) fn drag_ended(&mut self) -> Option<Action> {
        let (i, from) = self.drag_from.take()?;
        if self.drag_travel < PIN_AFTER_POINTS {
            return None;
        }
        let to = Placement {
            pos: self.layout.positions()[i],
            pinned: self.layout.is_pinned(i),
        };
        (to != from).then(|| Action::NodeDragged {
            key: self.keys[i].clone(),
            from,
            to,
        })
    }
}
