//! The graph the canvas and the panes show: the domain graph itself, or its actor view (events
//! folded into actor–actor edges), folded again only when the domain graph or the hidden event
//! categories change.

use super::explore::ExploreState;
use crate::graph::view_filter::ViewFilter;
use crate::graph::{NewsGraph, actor_view};

/// Revisions of folded graphs start here, far above any domain graph's, so that a view keyed
/// by revision rebuilds whenever the shown graph changes from one to the other.
const FOLDED_REVISIONS: u64 = 1 << 62;

/// Which graph is shown, with the folded one cached.
#[derive(Default)]
pub struct ShownGraph {
    actor_view: bool,
    folded: Option<Folded>,
    folds: u64,
}

struct Folded {
    domain_revision: u64,
    /// The filter's event part (categories, period, articles) it was folded with.
    events: ViewFilter,
    graph: NewsGraph,
}

impl ShownGraph {
    /// Follows the explore state: folds the domain graph when the actor view is on and the
    /// cached fold is stale.
    pub fn refresh(&mut self, domain: &NewsGraph, state: &ExploreState) {
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
        let fresh = self
            .folded
            .as_ref()
            .is_some_and(|f| f.domain_revision == domain.revision() && f.events == events);
        if fresh {
            return;
        }
        self.folds += 1;
        let graph = actor_view::fold(
            domain,
            |i| events.event_passes(domain, i),
            FOLDED_REVISIONS + self.folds,
        );
        self.folded = Some(Folded {
            domain_revision: domain.revision(),
            events,
            graph,
        });
    }

    /// The graph to show: the actor view when it is on, else `domain`.
    pub fn get<'a>(&'a self, domain: &'a NewsGraph) -> &'a NewsGraph {
        match &self.folded {
            Some(f) if self.actor_view => &f.graph,
            _ => domain,
        }
    }
}
