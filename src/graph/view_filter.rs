//! Which nodes pass the user's filter: node kinds, event categories (by PLOVER quad class or
//! one by one), a period (events outside it, or undated, are hidden), articles (nodes seen
//! only in hidden articles are hidden), minimum mentions, and isolates (nodes left with no edge to any other shown
//! node). A plain serde struct, so a project can keep it; counts say what is hidden and why.

use serde::{Deserialize, Serialize};

use petgraph::stable_graph::NodeIndex;

use super::timeline::{self, Period};
use super::{NewsGraph, NodeKind};
use crate::extract::Plover;

/// What the user hides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewFilter {
    /// Node kinds hidden.
    pub hidden_kinds: Vec<NodeKind>,
    /// Event categories hidden (events of these categories are hidden).
    pub hidden_categories: Vec<Plover>,
    /// Nodes with fewer mentions are hidden.
    pub min_mentions: u32,
    /// Hide nodes that have no edge to another shown node.
    pub hide_isolates: bool,
    /// Only events of this period (undated events are hidden while it is set).
    pub period: Option<Period>,
    /// Articles hidden (by index): nodes seen only in them are hidden.
    pub hidden_articles: Vec<u32>,
}

/// How many nodes a filter hides, by reason (each node counted once, under its first reason).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hidden {
    /// Hidden by kind.
    pub by_kind: usize,
    /// Events hidden by category.
    pub by_category: usize,
    /// Hidden for too few mentions.
    pub by_mentions: usize,
    /// Hidden as isolates.
    pub isolates: usize,
    /// Events outside the period, or undated.
    pub by_period: usize,
    /// Seen only in hidden articles.
    pub by_article: usize,
}

impl Hidden {
    /// All hidden nodes.
    pub fn total(self) -> usize {
        self.by_kind
            + self.by_category
            + self.by_mentions
            + self.isolates
            + self.by_period
            + self.by_article
    }
}

impl ViewFilter {
    /// Whether the filter hides anything at all.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// Whether events of a category pass.
    pub fn category_shown(&self, p: Plover) -> bool {
        !self.hidden_categories.contains(&p)
    }

    /// Whether an event node passes the category, period and article filters (true for
    /// other nodes): the events the actor view folds.
    pub fn event_passes(&self, graph: &NewsGraph, i: NodeIndex) -> bool {
        let Some(n) = graph.graph().node_weight(i) else {
            return false;
        };
        let Some(info) = &n.event else { return true };
        self.category_shown(info.category)
            && self.period_passes(graph, i)
            && !self.only_in_hidden_articles(n)
    }

    fn period_passes(&self, graph: &NewsGraph, i: NodeIndex) -> bool {
        self.period
            .as_ref()
            .is_none_or(|p| timeline::event_date(graph, i).is_some_and(|d| p.contains(&d)))
    }

    fn only_in_hidden_articles(&self, n: &super::Node) -> bool {
        !self.hidden_articles.is_empty()
            && !n.evidence.is_empty()
            && n.evidence
                .iter()
                .all(|e| self.hidden_articles.contains(&e.article.0))
    }

    /// Shows or hides one article.
    pub fn set_article(&mut self, article: u32, shown: bool) {
        self.hidden_articles.retain(|&a| a != article);
        if !shown {
            self.hidden_articles.push(article);
            self.hidden_articles.sort_unstable();
        }
    }

    /// Follows the removal of an article: the articles after it move down one place, so the
    /// same articles stay hidden (and no hidden index points past the end).
    pub fn article_removed(&mut self, article: u32) {
        self.hidden_articles.retain(|&a| a != article);
        for a in &mut self.hidden_articles {
            if *a > article {
                *a -= 1;
            }
        }
    }

    /// Shows or hides one kind.
    pub fn set_kind(&mut self, kind: NodeKind, shown: bool) {
        self.hidden_kinds.retain(|&k| k != kind);
        if !shown {
            self.hidden_kinds.push(kind);
            self.hidden_kinds.sort();
        }
    }

    /// Shows or hides one event category.
    pub fn set_category(&mut self, p: Plover, shown: bool) {
        self.hidden_categories.retain(|&c| c != p);
        if !shown {
            self.hidden_categories.push(p);
            self.hidden_categories.sort();
        }
    }

    /// The nodes that pass, as a mask indexed by `NodeIndex::index()`, and how many are
    /// hidden for which reason.
    pub fn apply(&self, graph: &NewsGraph) -> (Vec<bool>, Hidden) {
        use petgraph::visit::NodeIndexable;
        let g = graph.graph();
        let mut mask = vec![false; g.node_bound()];
        let mut hidden = Hidden::default();
        for i in g.node_indices() {
            let n = &g[i];
            if self.hidden_kinds.contains(&n.kind) {
                hidden.by_kind += 1;
            } else if n
                .event
                .as_ref()
                .is_some_and(|e| !self.category_shown(e.category))
            {
                hidden.by_category += 1;
            } else if n.event.is_some() && !self.period_passes(graph, i) {
                hidden.by_period += 1;
            } else if self.only_in_hidden_articles(n) {
                hidden.by_article += 1;
            } else if n.mentions < self.min_mentions {
                hidden.by_mentions += 1;
            } else {
                mask[i.index()] = true;
            }
        }
        if self.hide_isolates {
            let isolated: Vec<usize> = g
                .node_indices()
                .filter(|i| mask[i.index()] && !g.neighbors_undirected(*i).any(|m| mask[m.index()]))
                .map(petgraph::stable_graph::NodeIndex::index)
                .collect();
            hidden.isolates = isolated.len();
            for i in isolated {
                mask[i] = false;
            }
        }
        (mask, hidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, EventInfo};

    #[test]
    fn removing_an_article_keeps_the_same_articles_hidden() {
        let mut f = ViewFilter::default();
        for a in [0, 2, 5] {
            f.set_article(a, false);
        }
        f.article_removed(2);
        assert_eq!(f.hidden_articles, vec![0, 4]);
        f.article_removed(1);
        assert_eq!(f.hidden_articles, vec![0, 3]);
        f.article_removed(0);
        assert_eq!(f.hidden_articles, vec![2]);
        f.article_removed(2);
        assert!(!f.is_active());
    }

    fn graph() -> NewsGraph {
        let mut g = NewsGraph::new();
        let a = g.upsert_node("person:a", NodeKind::Person, "A");
        let b = g.upsert_node("country:B", NodeKind::Country, "B");
        let e = g.upsert_node("event:attack", NodeKind::Event, "A attacked B");
        g.graph[e].event = Some(EventInfo {
            category: Plover::Assault,
            kind: "attack".into(),
            source: None,
            targets: Vec::new(),
            place: None,
            date: None,
            modality: None,
            claimed_by: None,
            patterns: Vec::new(),
        });
        let lone = g.upsert_node("person:lone", NodeKind::Person, "Lone");
        g.graph[lone].mentions = 5;
        g.graph[a].mentions = 3;
        g.graph[b].mentions = 1;
        g.graph[e].mentions = 2;
        g.upsert_edge(a, e, EdgeKind::ParticipatesIn, &[]);
        g.upsert_edge(b, e, EdgeKind::ParticipatesIn, &[]);
        g
    }

    fn shown(g: &NewsGraph, mask: &[bool]) -> Vec<String> {
        g.nodes_sorted()
            .into_iter()
            .filter(|n| g.index(&n.key).is_some_and(|i| mask[i.index()]))
            .map(|n| n.key.0.clone())
            .collect()
    }

    #[test]
    fn an_empty_filter_shows_everything() {
        let g = graph();
        let f = ViewFilter::default();
        assert!(!f.is_active());
        let (mask, hidden) = f.apply(&g);
        assert_eq!(shown(&g, &mask).len(), 4);
        assert_eq!(hidden.total(), 0);
    }

    #[test]
    fn kinds_categories_mentions_and_isolates_hide_and_are_counted() {
        let g = graph();
        let mut f = ViewFilter::default();
        f.set_category(Plover::Assault, false);
        let (mask, hidden) = f.apply(&g);
        assert_eq!(
            shown(&g, &mask),
            vec!["country:B", "person:a", "person:lone"]
        );
        assert_eq!(hidden.by_category, 1);
        // Without the event, A and B have no edge left: isolates now.
        f.hide_isolates = true;
        let (mask, hidden) = f.apply(&g);
        assert!(shown(&g, &mask).is_empty());
        assert_eq!((hidden.by_category, hidden.isolates), (1, 3));
        f = ViewFilter {
            min_mentions: 2,
            ..ViewFilter::default()
        };
        f.set_kind(NodeKind::Country, false);
        let (mask, hidden) = f.apply(&g);
        assert_eq!(
            shown(&g, &mask),
            vec!["event:attack", "person:a", "person:lone"]
        );
        assert_eq!((hidden.by_kind, hidden.by_mentions), (1, 0));
        f.set_kind(NodeKind::Country, true);
        let (mask, hidden) = f.apply(&g);
        assert_eq!(hidden.by_mentions, 1);
        assert!(!shown(&g, &mask).contains(&"country:B".to_string()));
    }

    #[test]
    fn a_period_hides_undated_and_other_events() {
        let mut g = graph();
        let e = g
            .index(&crate::graph::NodeKey::from("event:attack"))
            .expect("event");
        let f = ViewFilter {
            period: Some(Period {
                from: "2003-01-01".into(),
                to: "2003-12-31".into(),
            }),
            ..ViewFilter::default()
        };
        // Undated: hidden while a period is set.
        let (mask, hidden) = f.apply(&g);
        assert!(!mask[e.index()]);
        assert_eq!(hidden.by_period, 1);
        for (date, shown) in [("2003-05", true), ("2004", false)] {
            if let Some(info) = g.graph[e].event.as_mut() {
                info.date = Some(date.into());
            }
            let (mask, _) = f.apply(&g);
            assert_eq!(mask[e.index()], shown, "{date}");
            assert_eq!(f.event_passes(&g, e), shown, "{date}");
        }
    }
}
