//! Which nodes pass the user's filter: node kinds, event categories (by PLOVER quad class or
//! one by one), a period (events outside it, or undated, are hidden), articles (nodes seen
//! only in hidden articles are hidden), minimum mentions, and isolates (nodes left with no edge to any other shown
//! node). A plain serde struct, so a project can keep it; counts say what is hidden and why.

use serde::{Deserialize, Serialize};

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::timeline::{self, Period};
use super::{EdgeKind, NewsGraph, NodeKind, actor_view};
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

impl std::ops::Add for Hidden {
    type Output = Self;

    fn add(self, o: Self) -> Self {
        Self {
            by_kind: self.by_kind + o.by_kind,
            by_category: self.by_category + o.by_category,
            by_mentions: self.by_mentions + o.by_mentions,
            isolates: self.isolates + o.isolates,
            by_period: self.by_period + o.by_period,
            by_article: self.by_article + o.by_article,
        }
    }
}

/// Why the event part of a filter hides an event, in the order the counts take them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EventReason {
    Category,
    Period,
    Article,
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

    /// Why the category, period and article filters hide an event node (`None`: it passes,
    /// or it is no event).
    fn event_reason(&self, graph: &NewsGraph, i: NodeIndex) -> Option<EventReason> {
        let n = graph.graph().node_weight(i)?;
        let info = n.event.as_ref()?;
        if !self.category_shown(info.category) {
            Some(EventReason::Category)
        } else if !self.period_passes(graph, i) {
            Some(EventReason::Period)
        } else if self.only_in_hidden_articles(n) {
            Some(EventReason::Article)
        } else {
            None
        }
    }

    /// Whether the filter hides any event at all (by category, period or article).
    pub fn hides_events(&self) -> bool {
        !self.hidden_categories.is_empty()
            || self.period.is_some()
            || !self.hidden_articles.is_empty()
    }

    /// Whether a direct actor–actor edge (an act) passes: it goes with the events it was
    /// drawn from (those of its category that both its actors take part in), shown when one
    /// of them is. An act with no such event (made by hand) has no date, so a period hides
    /// it, and its own sentences say which articles it is seen in. Other edges pass.
    pub fn act_passes(&self, graph: &NewsGraph, edge: EdgeIndex) -> bool {
        let g = graph.graph();
        let (Some(w), Some((a, b))) = (g.edge_weight(edge), g.edge_endpoints(edge)) else {
            return false;
        };
        let EdgeKind::Acted(category) = w.kind else {
            return true;
        };
        let events_of = |actor: NodeIndex| {
            g.edges_directed(actor, Direction::Outgoing)
                .filter(|r| r.weight().kind == EdgeKind::ParticipatesIn)
                .map(|r| r.target())
                .filter(|&e| g[e].event.as_ref().is_some_and(|i| i.category == category))
        };
        let theirs: Vec<NodeIndex> = events_of(b).collect();
        let mut backed = false;
        for e in events_of(a) {
            if theirs.contains(&e) {
                if self.event_passes(graph, e) {
                    return true;
                }
                backed = true;
            }
        }
        !backed
            && self.category_shown(category)
            && self.period.is_none()
            && !(!self.hidden_articles.is_empty()
                && !w.evidence.is_empty()
                && w.evidence
                    .iter()
                    .all(|e| self.hidden_articles.contains(&e.article.0)))
    }

    /// The edges that pass, as a mask indexed by `EdgeIndex::index()`: acts go with their
    /// events (see [`Self::act_passes`]). `None` when no event is hidden.
    pub fn edge_mask(&self, graph: &NewsGraph) -> Option<Vec<bool>> {
        use petgraph::visit::EdgeIndexable;
        if !self.hides_events() {
            return None;
        }
        let g = graph.graph();
        let mut mask = vec![false; g.edge_bound()];
        for e in g.edge_indices() {
            mask[e.index()] = self.act_passes(graph, e);
        }
        Some(mask)
    }

    /// The actors the actor view leaves out because of this filter's event part: those who
    /// share an event with another actor, but no event that passes. Counted by the first
    /// reason that hides one of their shared events (category, then period, then article).
    pub fn actors_left_out(&self, graph: &NewsGraph) -> Hidden {
        use std::collections::HashMap;
        let mut hidden = Hidden::default();
        if !self.hides_events() {
            return hidden;
        }
        let g = graph.graph();
        // Per actor sharing an event: `None` once one of its shared events passes, else the
        // first reason among its shared events.
        let mut actors: HashMap<NodeIndex, Option<EventReason>> = HashMap::new();
        for e in g.node_indices().filter(|&e| g[e].kind == NodeKind::Event) {
            let people = actor_view::participants(graph, e);
            if people.len() < 2 {
                continue;
            }
            let reason = self.event_reason(graph, e);
            for p in people {
                let slot = actors.entry(p).or_insert(reason);
                *slot = match (*slot, reason) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    _ => None,
                };
            }
        }
        for reason in actors.into_values().flatten() {
            match reason {
                EventReason::Category => hidden.by_category += 1,
                EventReason::Period => hidden.by_period += 1,
                EventReason::Article => hidden.by_article += 1,
            }
        }
        hidden
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
            kind: "attack".into(),
            ..EventInfo::blank(Plover::Assault)
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

    #[test]
    fn acts_go_with_their_events_and_the_actor_view_counts_whom_it_leaves_out() {
        let mut g = graph();
        let a = g
            .index(&crate::graph::NodeKey::from("person:a"))
            .expect("a");
        let b = g
            .index(&crate::graph::NodeKey::from("country:B"))
            .expect("b");
        let e = g
            .index(&crate::graph::NodeKey::from("event:attack"))
            .expect("event");
        if let Some(info) = g.graph[e].event.as_mut() {
            info.date = Some("2003-05".into());
        }
        let mut edge = |x, y, kind| {
            g.upsert_edge(x, y, kind, &[]);
            g.edges[&(x, y, kind)]
        };
        let act = edge(a, b, EdgeKind::Acted(Plover::Assault));
        let by_hand = edge(b, a, EdgeKind::Acted(Plover::Consult));
        let part = edge(a, e, EdgeKind::ParticipatesIn);
        let in_2003 = ViewFilter {
            period: Some(Period {
                from: "2003-01-01".into(),
                to: "2003-12-31".into(),
            }),
            ..ViewFilter::default()
        };
        let in_2004 = ViewFilter {
            period: Some(Period {
                from: "2004-01-01".into(),
                to: "2004-12-31".into(),
            }),
            ..ViewFilter::default()
        };
        assert!(in_2003.act_passes(&g, act) && !in_2004.act_passes(&g, act));
        // An act no event backs has no date: a period hides it; its category still counts.
        assert!(!in_2003.act_passes(&g, by_hand));
        assert!(ViewFilter::default().act_passes(&g, by_hand));
        let mut no_consult = ViewFilter::default();
        no_consult.set_category(Plover::Consult, false);
        assert!(!no_consult.act_passes(&g, by_hand) && no_consult.act_passes(&g, act));
        assert!(in_2004.act_passes(&g, part), "other edges pass");
        let mask = in_2004.edge_mask(&g).expect("a period hides events");
        assert!(!mask[act.index()] && mask[part.index()]);
        assert!(ViewFilter::default().edge_mask(&g).is_none());
        // A and B share only the attack: out of 2004's actor view, by period.
        assert_eq!(in_2003.actors_left_out(&g), Hidden::default());
        let left = in_2004.actors_left_out(&g);
        assert_eq!((left.by_period, left.total()), (2, 2));
        let mut no_assault = in_2004.clone();
        no_assault.set_category(Plover::Assault, false);
        let left = no_assault.actors_left_out(&g);
        assert_eq!((left.by_category, left.total()), (2, 2), "the first reason");
    }
}
