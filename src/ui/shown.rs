//! The graph the canvas and the panes show: the domain graph itself, or its actor view (events
//! folded into actor–actor edges), folded again only when the domain graph or the event filter
//! changes. Large graphs are folded on a worker thread (from a copy), so the window keeps
//! drawing; until the fold arrives the previous one, or the full graph, stays on screen.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::explore::ExploreState;
use crate::graph::view_filter::{Hidden, ViewFilter};
use crate::graph::{NewsGraph, actor_view};

/// Revisions of folded graphs start here, far above any domain graph's, so that a view keyed
/// by revision rebuilds whenever the shown graph changes from one to the other.
const FOLDED_REVISIONS: u64 = 1 << 62;
/// Domain graphs above this many nodes are folded on a worker thread (a fold of 20,000 nodes
/// takes about a tenth of a second).
const FOLD_OFF_THREAD_ABOVE: usize = 5_000;

/// Which graph is shown, with the folded one cached.
#[derive(Default)]
pub struct ShownGraph {
    actor_view: bool,
    folded: Option<Folded>,
    folds: u64,
    /// A fold under way on a worker: what it folds, and where it will arrive.
    pending: Option<(u64, ViewFilter, Receiver<Fold>)>,
}

/// A fold's graph and the actors its filter left out, as a worker sends them.
type Fold = (NewsGraph, Hidden);

struct Folded {
    domain_revision: u64,
    /// The filter's event part (categories, period, articles) it was folded with.
    events: ViewFilter,
    graph: NewsGraph,
    /// The actors that filter left out of the fold.
    left_out: Hidden,
}

impl ShownGraph {
    /// Follows the explore state: folds the domain graph when the actor view is on and the
    /// cached fold is stale (on a worker for large graphs, which wakes `ctx` when done).
    pub fn refresh(&mut self, ctx: &egui::Context, domain: &NewsGraph, state: &ExploreState) {
        self.actor_view = state.actor_view;
        if !state.actor_view {
            return;
        }
        let events = ViewFilter {
            hidden_categories: state.filter.hidden_categories.clone(),
            period: state.filter.period.clone(),
            hidden_articles: state.filter.hidden_articles.clone(),
            ..ViewFilter::default()
        };
        let wanted = |rev: u64, ev: &ViewFilter| rev == domain.revision() && *ev == events;
        if let Some((rev, ev, rx)) = &self.pending {
            match rx.try_recv() {
                Ok((graph, left_out)) => {
                    if wanted(*rev, ev) {
                        self.folded = Some(Folded {
                            domain_revision: *rev,
                            events: ev.clone(),
                            graph,
                            left_out,
                        });
                    }
                    self.pending = None;
                }
                Err(TryRecvError::Disconnected) => self.pending = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let fresh = self
            .folded
            .as_ref()
            .is_some_and(|f| wanted(f.domain_revision, &f.events));
        let under_way = self
            .pending
            .as_ref()
            .is_some_and(|(rev, ev, _)| wanted(*rev, ev));
        if fresh || under_way {
            return;
        }
        self.folds += 1;
        let revision = FOLDED_REVISIONS + self.folds;
        if domain.node_count() <= FOLD_OFF_THREAD_ABOVE {
            let graph = actor_view::fold(domain, |i| events.event_passes(domain, i), revision);
            let left_out = events.actors_left_out(domain);
            self.folded = Some(Folded {
                domain_revision: domain.revision(),
                events,
                graph,
                left_out,
            });
            return;
        }
        let copy = domain.clone();
        let filter = events.clone();
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("actor-view".into())
            .spawn(move || {
                let graph = actor_view::fold(&copy, |i| filter.event_passes(&copy, i), revision);
                let left_out = filter.actors_left_out(&copy);
                // Nobody waits any more when the window has closed.
                let _ = tx.send((graph, left_out));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending = Some((domain.revision(), events, rx)),
            Err(e) => log::error!("could not start folding the actor view: {e}"),
        }
    }

    /// Whether a fold is under way on a worker.
    pub fn is_folding(&self) -> bool {
        self.pending.is_some()
    }

    /// The actors the shown actor view left out for the filter's sake (nothing outside the
    /// actor view).
    pub fn left_out(&self) -> Hidden {
        match &self.folded {
            Some(f) if self.actor_view => f.left_out,
            _ => Hidden::default(),
        }
    }

    /// The graph to show: the actor view when it is on, else `domain`.
    pub fn get<'a>(&'a self, domain: &'a NewsGraph) -> &'a NewsGraph {
        match &self.folded {
            Some(f) if self.actor_view => &f.graph,
            _ => domain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_graph_is_folded_on_a_worker_like_a_small_one_here() {
        let domain = NewsGraph::synthetic(FOLD_OFF_THREAD_ABOVE + 1000, 12_000, 3);
        let state = ExploreState {
            actor_view: true,
            ..ExploreState::default()
        };
        let ctx = egui::Context::default();
        let mut shown = ShownGraph::default();
        shown.refresh(&ctx, &domain, &state);
        assert!(shown.is_folding(), "folded off the UI thread");
        assert_eq!(
            shown.get(&domain).revision(),
            domain.revision(),
            "the full graph meanwhile"
        );
        let start = std::time::Instant::now();
        while shown.is_folding() {
            assert!(start.elapsed().as_secs() < 60, "the fold arrives");
            std::thread::sleep(std::time::Duration::from_millis(5));
            shown.refresh(&ctx, &domain, &state);
        }
        let here = actor_view::fold(&domain, |_| true, 0);
        let folded = shown.get(&domain);
        assert!(folded.revision() > FOLDED_REVISIONS);
        assert_eq!(
            (folded.node_count(), folded.edge_count()),
            (here.node_count(), here.edge_count())
        );
        assert!(here.edge_count() > 0);
    }
}
