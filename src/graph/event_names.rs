//! Event names that follow the actors they name. Extraction words an event's name with the
//! names its actors had in that article ("Praise: Gordon Brown"); the graph keeps the parts of
//! that name ([`EventTitle`]) so that when a correction renames, merges, splits or deletes an
//! actor, or changes who acts in an event, the event is worded again with the names the actors
//! have now. Undo rebuilds the graph from its articles, so the old wording comes back with it.

use std::collections::BTreeMap;

use petgraph::stable_graph::NodeIndex;

use super::{EventInfo, NewsGraph, NodeKey};
use crate::extract::Event;
use crate::extract::events::{join_names, label_tail as tail};

/// How an event's name is made: `{head}: {who}{tail}`, `who` listing its actors as the event
/// now stands (who acts → who is acted on, or the parties when nobody acts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventTitle {
    /// What happened, as extraction words it ("Praise", "Meeting (planned)").
    pub head: String,
    /// Where and when (" in Paris (2022-03)"), or empty.
    pub tail: String,
    /// Who takes part, for an event where nobody acts on anyone.
    pub parties: Vec<NodeKey>,
    /// The names extraction gave the actors, for a key that is no node of the graph.
    pub names: BTreeMap<NodeKey, String>,
    /// Whether extraction found who acts (an event without lists its parties, whoever it
    /// acts on).
    pub had_source: bool,
}

impl EventTitle {
    /// The parts of `event`'s label, when the label is worded as this module words it from
    /// `names` (extraction's actor names by key); `None` for a label worded any other way,
    /// which then stays as it is.
    pub fn read(event: &Event, names: &BTreeMap<&str, &str>) -> Option<Self> {
        let name = |k: &String| {
            names
                .get(k.as_str())
                .map_or_else(|| k.clone(), |n| (*n).into())
        };
        let keys = event
            .source
            .iter()
            .chain(&event.targets)
            .chain(&event.participants);
        let title = Self {
            head: event.label.split_once(": ")?.0.to_owned(),
            tail: tail(event.place.as_deref(), event.date.as_deref()),
            parties: event
                .participants
                .iter()
                .map(|k| NodeKey(k.clone()))
                .collect(),
            names: keys.map(|k| (NodeKey(k.clone()), name(k))).collect(),
            had_source: event.source.is_some(),
        };
        let info = EventInfo {
            source: event.source.as_ref().map(|k| NodeKey(k.clone())),
            targets: event.targets.iter().map(|k| NodeKey(k.clone())).collect(),
            ..EventInfo::blank(event.category)
        };
        (title.word(&info, |k| title.names.get(k).cloned()) == event.label).then_some(title)
    }

    /// The name, with `name` giving each actor's name (the stored one when it gives none).
    fn word(&self, info: &EventInfo, name: impl Fn(&NodeKey) -> Option<String>) -> String {
        let name = |k: &NodeKey| {
            name(k)
                .or_else(|| self.names.get(k).cloned())
                .unwrap_or_else(|| k.0.clone())
        };
        let targets = || join_names(&info.targets.iter().map(name).collect::<Vec<_>>());
        let who = match &info.source {
            Some(source) if info.targets.is_empty() => name(source),
            Some(source) => format!("{} → {}", name(source), targets()),
            // Who acted was deleted: the name keeps the direction ("Praise → Opus Dei"), not
            // making the one acted on its actor.
            None if self.had_source && !info.targets.is_empty() => {
                return format!("{} → {}{}", self.head, targets(), self.tail);
            }
            None => join_names(&self.parties.iter().map(name).collect::<Vec<_>>()),
        };
        if who.is_empty() {
            format!("{}{}", self.head, self.tail)
        } else {
            format!("{}: {who}{}", self.head, self.tail)
        }
    }

    /// Points the parties at `to` instead of `from`, or drops `from` when `to` is `None`.
    pub(super) fn redirect(&mut self, from: &NodeKey, to: Option<&NodeKey>) {
        let mut parties = Vec::with_capacity(self.parties.len());
        for p in self.parties.drain(..) {
            let p = if &p == from { to.cloned() } else { Some(p) };
            if let Some(p) = p
                && !parties.contains(&p)
            {
                parties.push(p);
            }
        }
        self.parties = parties;
    }

    /// The actors the name can list.
    fn names_key(&self, info: &EventInfo, key: &NodeKey) -> bool {
        info.source.as_ref() == Some(key)
            || info.targets.contains(key)
            || self.parties.contains(key)
    }
}

impl EventInfo {
    /// An event of `category` with nothing else known (for tests and for reading a label).
    pub fn blank(category: crate::extract::Plover) -> Self {
        Self {
            category,
            kind: String::new(),
            source: None,
            targets: Vec::new(),
            place: None,
            date: None,
            modality: None,
            claimed_by: None,
            patterns: Vec::new(),
            title: None,
        }
    }
}

impl NewsGraph {
    /// The events whose names list any of `keys`, and those of `keys` that are events.
    pub(super) fn events_naming(&self, keys: &[&NodeKey]) -> Vec<NodeIndex> {
        self.graph
            .node_indices()
            .filter(|&i| {
                let node = &self.graph[i];
                node.event.as_ref().is_some_and(|info| {
                    keys.contains(&&node.key)
                        || info
                            .title
                            .as_ref()
                            .is_some_and(|t| keys.iter().any(|k| t.names_key(info, k)))
                })
            })
            .collect()
    }

    /// Words these events again with the names their actors have now (events worded some other
    /// way, renamed by the user or gone are left alone).
    pub(super) fn reword_events(&mut self, events: &[NodeIndex]) {
        for &i in events {
            let Some(info) = self.graph.node_weight(i).and_then(|n| n.event.as_ref()) else {
                continue;
            };
            let Some(title) = &info.title else { continue };
            let name = title.word(info, |k| self.node(k).map(|n| n.name.clone()));
            self.graph[i].name = name;
        }
    }
}

#[cfg(test)]
mod tests;
