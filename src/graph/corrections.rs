//! Corrections: the user's fixes to what extraction got wrong, as a log of small operations
//! keyed by [`NodeKey`] (rename, change kind, merge, split an alias off, delete, and for events
//! change category or who acts on whom). The log is replayed over the graph of the articles
//! whenever that graph is rebuilt (articles added, a project opened with a newer extractor),
//! so a fix survives; a correction whose nodes are gone is skipped with a reason, never an
//! error that stops the rest.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use super::{ArticleId, Edge, EdgeKind, Evidence, NewsGraph, Node, NodeKey, NodeKind};
use crate::extract::Plover;

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// Give a node another display name (the old one stays as an alias).
    Rename {
        /// The node.
        key: NodeKey,
        /// Its new name.
        name: String,
    },
    /// Make an actor a person, a country or an organization (its key stays).
    SetKind {
        /// The node.
        key: NodeKey,
        /// Its new kind.
        kind: NodeKind,
    },
    /// Two nodes are one: `from` goes, its names, evidence and edges join `into`.
    Merge {
        /// The node that goes.
        from: NodeKey,
        /// The node that stays.
        into: NodeKey,
    },
    /// An alias names someone else: it becomes a node of its own, with the mentions that read
    /// exactly that alias.
    Split {
        /// The node that had the alias.
        key: NodeKey,
        /// The alias.
        alias: String,
        /// The new node's key (chosen when the correction was made, so replays agree).
        new_key: NodeKey,
    },
    /// Not an actor (or not an event): the node and its edges go.
    Delete {
        /// The node.
        key: NodeKey,
    },
    /// An event belongs to another category.
    SetCategory {
        /// The event.
        key: NodeKey,
        /// Its category.
        category: Plover,
    },
    /// Who acts and who is acted on in an event.
    SetRoles {
        /// The event.
        key: NodeKey,
        /// Who acts.
        source: Option<NodeKey>,
        /// Who is acted on.
        targets: Vec<NodeKey>,
    },
}

/// Why a correction could not be applied to this graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionError {
    /// A node it names is not in the graph (any more).
    #[error("there is no node {0} in the graph")]
    NoNode(NodeKey),
    /// It makes no sense for these nodes.
    #[error("{0}")]
    Invalid(String),
}

impl Correction {
    /// The nodes it names.
    pub fn keys(&self) -> Vec<&NodeKey> {
        match self {
            Correction::Rename { key, .. }
            | Correction::SetKind { key, .. }
            | Correction::Delete { key }
            | Correction::SetCategory { key, .. } => vec![key],
            Correction::Merge { from, into } => vec![from, into],
            Correction::Split { key, new_key, .. } => vec![key, new_key],
            Correction::SetRoles {
                key,
                source,
                targets,
            } => std::iter::once(key)
                .chain(source.iter())
                .chain(targets.iter())
                .collect(),
        }
    }

    /// In words, with the names the first of `graphs` that has a node gives it ("merge Gen
    /// Musharraf into Pervez Musharraf"), for the Edit menu and messages.
    pub fn describe(&self, graphs: &[&NewsGraph]) -> String {
        let name = |k: &NodeKey| {
            graphs
                .iter()
                .find_map(|g| g.node(k))
                .map_or_else(|| k.0.clone(), |n| n.name.clone())
        };
        match self {
            Correction::Rename { key, name: new } => format!("rename {} to {new}", name(key)),
            Correction::SetKind { key, kind } => {
                format!("make {} {}", name(key), kind.label().to_lowercase())
            }
            Correction::Merge { from, into } => {
                format!("merge {} into {}", name(from), name(into))
            }
            Correction::Split { key, alias, .. } => {
                format!("split {alias} off {}", name(key))
            }
            Correction::Delete { key } => format!("delete {}", name(key)),
            Correction::SetCategory { key, category } => {
                format!("make {} {}", name(key), category.name())
            }
            Correction::SetRoles { key, .. } => format!("change who acts in {}", name(key)),
        }
    }
}

impl fmt::Display for Correction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Correction::Rename { key, name } => write!(f, "rename {key} to {name:?}"),
            Correction::SetKind { key, kind } => write!(f, "{key} is a {}", kind.label()),
            Correction::Merge { from, into } => write!(f, "merge {from} into {into}"),
            Correction::Split {
                key,
                alias,
                new_key,
            } => write!(f, "split {alias:?} off {key} as {new_key}"),
            Correction::Delete { key } => write!(f, "delete {key}"),
            Correction::SetCategory { key, category } => {
                write!(f, "{key} is {}", category.name())
            }
            Correction::SetRoles {
                key,
                source,
                targets,
            } => {
                let src = source.as_ref().map_or("nobody", |k| k.0.as_str());
                let tg: Vec<&str> = targets.iter().map(|k| k.0.as_str()).collect();
                write!(f, "in {key}, {src} acts on [{}]", tg.join(", "))
            }
        }
    }
}

/// A correction of a replayed log that did not apply, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its place in the log.
    pub index: usize,
    /// Why.
    pub error: CorrectionError,
}

/// The graph of `base` with `log` applied in order; corrections that no longer apply are
/// skipped and listed.
pub fn replay(base: &NewsGraph, log: &[Correction]) -> (NewsGraph, Vec<Skipped>) {
    let mut graph = base.clone();
    let mut skipped = Vec::new();
    for (index, c) in log.iter().enumerate() {
        if let Err(error) = graph.correct(c) {
            skipped.push(Skipped { index, error });
        }
    }
    (graph, skipped)
}

/// The key a node split off `key` under `alias` gets: the same kind prefix and the alias's
/// slug, made unique in `graph`.
pub fn split_key(graph: &NewsGraph, key: &NodeKey, alias: &str) -> NodeKey {
    let prefix = key.0.split_once(':').map_or("node", |(p, _)| p);
    let slug = crate::extract::slug(alias);
    let slug = if slug.is_empty() { "split" } else { &slug };
    let mut candidate = NodeKey(format!("{prefix}:{slug}"));
    let mut n = 2;
    while graph.index(&candidate).is_some() || candidate == *key {
        candidate = NodeKey(format!("{prefix}:{slug}-{n}"));
        n += 1;
    }
    candidate
}

/// The corrections that apply to future articles, as a lexicon override: every actor the log
/// renamed, re-kinded or merged away becomes an alias entry (its extracted name and key, and the
/// actor it is now); every actor deleted becomes a "not an actor". Splits and event fixes name
/// one article's mentions, not a name, and are left out: their number is returned alongside.
pub fn lexicon_overrides(
    base: &NewsGraph,
    corrected: &NewsGraph,
    log: &[Correction],
) -> (crate::extract::overrides::Overrides, usize) {
    use crate::extract::ActorKind;
    use crate::extract::overrides::{AliasEntry, NotActor, Overrides};
    let mut merged_into: BTreeMap<&NodeKey, &NodeKey> = BTreeMap::new();
    let mut named: BTreeSet<&NodeKey> = BTreeSet::new();
    let mut left_out = 0;
    for c in log {
        match c {
            Correction::Merge { from, into } => {
                merged_into.insert(from, into);
                named.insert(from);
                named.insert(into);
            }
            Correction::Rename { key, .. }
            | Correction::SetKind { key, .. }
            | Correction::Delete { key } => {
                named.insert(key);
            }
            Correction::Split { .. }
            | Correction::SetCategory { .. }
            | Correction::SetRoles { .. } => left_out += 1,
        }
    }
    let actor_kind = |k: NodeKind| match k {
        NodeKind::Person => Some(ActorKind::Person),
        NodeKind::Country => Some(ActorKind::Country),
        NodeKind::Organization => Some(ActorKind::Organization),
        NodeKind::Group => Some(ActorKind::Group),
        NodeKind::Event | NodeKind::Issue => None,
    };
    let mut out = Overrides::new();
    for key in named {
        let Some(old) = base.node(key).filter(|n| n.kind.is_actor()) else {
            continue;
        };
        // Where the actor went: itself, or the end of its chain of merges.
        let mut at = key;
        let mut steps = 0;
        while corrected.node(at).is_none() && steps <= log.len() {
            match merged_into.get(at) {
                Some(next) => at = next,
                None => break,
            }
            steps += 1;
        }
        match corrected
            .node(at)
            .and_then(|n| Some((n, actor_kind(n.kind)?)))
        {
            Some((now, kind)) => {
                if at != key || now.name != old.name || now.kind != old.kind {
                    out.aliases.push(AliasEntry {
                        alias: old.name.clone(),
                        from_key: key.0.clone(),
                        key: at.0.clone(),
                        name: now.name.clone(),
                        kind,
                    });
                }
            }
            None => out.not_actors.push(NotActor {
                name: old.name.clone(),
                key: key.0.clone(),
            }),
        }
    }
    (out, left_out)
}

/// Everything that makes two graphs the same, independent of petgraph indices: nodes in key
/// order, edges by (source key, target key, kind), articles. For tests and checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// Nodes in key order.
    pub nodes: Vec<Node>,
    /// Edges in (source, target, kind) order.
    pub edges: Vec<(NodeKey, NodeKey, Edge)>,
    /// Article titles and sources, in order.
    pub articles: Vec<(String, String)>,
}

/// The canonical form of `graph`.
pub fn canonical(graph: &NewsGraph) -> Canonical {
    let g = graph.graph();
    let nodes = graph.nodes_sorted().into_iter().cloned().collect();
    let mut edges: Vec<(NodeKey, NodeKey, Edge)> = g
        .edge_references()
        .map(|e| {
            (
                g[e.source()].key.clone(),
                g[e.target()].key.clone(),
                e.weight().clone(),
            )
        })
        .collect();
    edges.sort_by(|a, b| (&a.0, &a.1, a.2.kind).cmp(&(&b.0, &b.1, b.2.kind)));
    let articles = graph
        .articles()
        .iter()
        .map(|a| (a.source.clone(), a.title.clone()))
        .collect();
    Canonical {
        nodes,
        edges,
        articles,
    }
}

/// A sentence of an article: (article, start, end).
type Sentence = (ArticleId, usize, usize);

/// Which kinds may merge with which: actors with actors, events with events, issues with
/// issues.
fn family(kind: NodeKind) -> u8 {
    match kind {
        NodeKind::Person | NodeKind::Country | NodeKind::Organization | NodeKind::Group => 0,
        NodeKind::Event => 1,
        NodeKind::Issue => 2,
    }
}

impl NewsGraph {
    /// Applies one correction.
    ///
    /// # Errors
    /// When a node it names is missing or the correction makes no sense for these nodes; the
    /// graph is then unchanged.
    pub fn correct(&mut self, c: &Correction) -> Result<(), CorrectionError> {
        // The events whose names list the actors this correction changes; those of them that
        // stay are worded again after it.
        let reword = match c {
            Correction::Rename { key, .. }
            | Correction::Delete { key }
            | Correction::Split { key, .. }
            | Correction::SetRoles { key, .. } => self.events_naming(&[key]),
            Correction::Merge { from, into } => self.events_naming(&[from, into]),
            Correction::SetKind { .. } | Correction::SetCategory { .. } => Vec::new(),
        };
        match c {
            Correction::Rename { key, name } => self.rename(key, name)?,
            Correction::SetKind { key, kind } => self.set_kind(key, *kind)?,
            Correction::Merge { from, into } => self.merge_nodes(from, into)?,
            Correction::Split {
                key,
                alias,
                new_key,
            } => self.split_alias(key, alias, new_key)?,
            Correction::Delete { key } => self.delete_node(key)?,
            Correction::SetCategory { key, category } => self.set_category(key, *category)?,
            Correction::SetRoles {
                key,
                source,
                targets,
            } => self.set_roles(key, source.as_ref(), targets)?,
        }
        self.reword_events(&reword);
        self.revision += 1;
        Ok(())
    }

    /// Makes `revision` at least `at_least` (a graph rebuilt from its articles must still look
    /// new to the views that showed the one it replaces).
    pub fn bump_revision(&mut self, at_least: u64) {
        self.revision = self.revision.max(at_least) + 1;
    }

    /// Checks the internal indexes against the graph (for tests): every key indexed once, every
    /// edge in the edge index, no edge from a node to itself.
    pub fn is_consistent(&self) -> bool {
        let g = &self.graph;
        self.by_key.len() == g.node_count()
            && self
                .by_key
                .iter()
                .all(|(k, &i)| g.node_weight(i).is_some_and(|n| &n.key == k))
            && self.edges.len() == g.edge_count()
            && g.edge_references().all(|e| {
                e.source() != e.target()
                    && self.edges.get(&(e.source(), e.target(), e.weight().kind)) == Some(&e.id())
            })
    }

    fn need(&self, key: &NodeKey) -> Result<NodeIndex, CorrectionError> {
        self.index(key)
            .ok_or_else(|| CorrectionError::NoNode(key.clone()))
    }

    fn rename(&mut self, key: &NodeKey, name: &str) -> Result<(), CorrectionError> {
        let i = self.need(key)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(CorrectionError::Invalid("a name cannot be empty".into()));
        }
        let node = &mut self.graph[i];
        if node.name == name {
            return Err(CorrectionError::Invalid(format!(
                "it is already called {name}"
            )));
        }
        let old = std::mem::replace(&mut node.name, name.to_string());
        // A name the user gives an event is kept as given, whatever its actors are called.
        if let Some(info) = node.event.as_mut() {
            info.title = None;
        }
        node.aliases.remove(name);
        if !old.is_empty() {
            node.aliases.insert(old);
        }
        Ok(())
    }

    fn set_kind(&mut self, key: &NodeKey, kind: NodeKind) -> Result<(), CorrectionError> {
        let i = self.need(key)?;
        let node = &mut self.graph[i];
        if !kind.is_actor() || !node.kind.is_actor() {
            return Err(CorrectionError::Invalid(
                "only people, countries and organizations change kind".into(),
            ));
        }
        if node.kind == kind {
            return Err(CorrectionError::Invalid(format!(
                "it is already a {}",
                kind.label().to_lowercase()
            )));
        }
        node.kind = kind;
        Ok(())
    }

    /// Removes a node, its edges and their entries in the indexes.
    fn drop_node(&mut self, i: NodeIndex) {
        let incident: Vec<EdgeIndex> = self
            .graph
            .edges_directed(i, Direction::Outgoing)
            .chain(self.graph.edges_directed(i, Direction::Incoming))
            .map(|e| e.id())
            .collect();
        for e in incident {
            self.drop_edge(e);
        }
        if let Some(node) = self.graph.remove_node(i) {
            self.by_key.remove(&node.key);
        }
    }

    fn drop_edge(&mut self, e: EdgeIndex) {
        if let Some((a, b)) = self.graph.edge_endpoints(e)
            && let Some(edge) = self.graph.remove_edge(e)
        {
            self.edges.remove(&(a, b, edge.kind));
        }
    }

    /// The edges of a node, both ways: (id, source, target, weight).
    fn incident(&self, i: NodeIndex) -> Vec<(EdgeIndex, NodeIndex, NodeIndex, Edge)> {
        self.graph
            .edges_directed(i, Direction::Outgoing)
            .chain(self.graph.edges_directed(i, Direction::Incoming))
            .map(|e| (e.id(), e.source(), e.target(), e.weight().clone()))
            .collect()
    }

    /// Orders the ends of an edge: both ways of a mutual relation are one edge, from the
    /// smaller key, as extraction makes them.
    fn ends(&self, a: NodeIndex, b: NodeIndex, kind: EdgeKind) -> (NodeIndex, NodeIndex) {
        match kind {
            EdgeKind::Acted(p) if p.is_mutual() && self.graph[b].key < self.graph[a].key => (b, a),
            _ => (a, b),
        }
    }

    /// Points every reference to `from` (affiliations, who acts in events, the roles marked
    /// in evidence) at `to`, or removes it when `to` is `None`.
    fn redirect(&mut self, from: &NodeKey, to: Option<&NodeKey>) {
        let fix_evidence = |evidence: &mut Vec<Evidence>| {
            for ev in evidence {
                match to {
                    Some(t) => ev
                        .roles
                        .iter_mut()
                        .filter(|r| &r.key == from)
                        .for_each(|r| r.key = t.clone()),
                    None => ev.roles.retain(|r| &r.key != from),
                }
            }
        };
        let indices: Vec<NodeIndex> = self.graph.node_indices().collect();
        for i in indices {
            let node = &mut self.graph[i];
            if node.affiliation.as_ref() == Some(from) {
                node.affiliation = to.filter(|t| **t != node.key).cloned();
            }
            if let Some(info) = node.event.as_mut() {
                if info.source.as_ref() == Some(from) {
                    info.source = to.cloned();
                }
                if info.claimed_by.as_ref() == Some(from) {
                    info.claimed_by = to.cloned();
                }
                let mut targets = Vec::with_capacity(info.targets.len());
                for t in info.targets.drain(..) {
                    let t = if &t == from { to.cloned() } else { Some(t) };
                    if let Some(t) = t
                        && !targets.contains(&t)
                        && info.source.as_ref() != Some(&t)
                    {
                        targets.push(t);
                    }
                }
                info.targets = targets;
                if let Some(title) = info.title.as_mut() {
                    title.redirect(from, to);
                }
            }
            fix_evidence(&mut node.evidence);
        }
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        for e in edges {
            fix_evidence(&mut self.graph[e].evidence);
        }
    }

    fn merge_nodes(&mut self, from: &NodeKey, into: &NodeKey) -> Result<(), CorrectionError> {
        let fi = self.need(from)?;
        let ii = self.need(into)?;
        if fi == ii {
            return Err(CorrectionError::Invalid(
                "a node cannot merge into itself".into(),
            ));
        }
        let (fk, ik) = (self.graph[fi].kind, self.graph[ii].kind);
        if family(fk) != family(ik) {
            return Err(CorrectionError::Invalid(format!(
                "{} and {} cannot be one node: actors merge with actors, events with events, issues with issues",
                fk.label().to_lowercase(),
                ik.label().to_lowercase()
            )));
        }
        let gone = self.graph[fi].clone();
        let edges = self.incident(fi);
        self.drop_node(fi);
        // The node that goes leaves no index behind; `ii` stays valid (stable graph).
        for (_, s, t, edge) in edges {
            let a = if s == fi { ii } else { s };
            let b = if t == fi { ii } else { t };
            if a == b {
                continue;
            }
            let (a, b) = self.ends(a, b, edge.kind);
            let bare = if edge.evidence.is_empty() {
                edge.mentions
            } else {
                0
            };
            self.add_to_edge(a, b, edge.kind, &edge.evidence, bare);
        }
        let node = &mut self.graph[ii];
        node.aliases.extend(gone.aliases);
        node.aliases.insert(gone.name);
        let own = node.name.clone();
        node.aliases.remove(&own);
        node.mentions += gone.mentions;
        node.evidence.extend(gone.evidence);
        if node.role.is_none() {
            node.role = gone.role;
        }
        if node.affiliation.is_none() && gone.affiliation.as_ref() != Some(&node.key) {
            node.affiliation = gone.affiliation;
        }
        if let (Some(info), Some(other)) = (node.event.as_mut(), gone.event) {
            for p in other.patterns {
                if !info.patterns.contains(&p) {
                    info.patterns.push(p);
                }
            }
            if info.source.is_none() {
                info.source = other.source;
            }
            for t in other.targets {
                if !info.targets.contains(&t) && info.source.as_ref() != Some(&t) {
                    info.targets.push(t);
                }
            }
            if let (Some(title), Some(gone)) = (info.title.as_mut(), other.title) {
                for p in gone.parties {
                    if !title.parties.contains(&p) {
                        title.parties.push(p);
                    }
                }
                for (k, n) in gone.names {
                    title.names.entry(k).or_insert(n);
                }
            }
        }
        self.redirect(from, Some(into));
        Ok(())
    }

    fn delete_node(&mut self, key: &NodeKey) -> Result<(), CorrectionError> {
        let i = self.need(key)?;
        self.drop_node(i);
        self.redirect(key, None);
        Ok(())
    }

    fn split_alias(
        &mut self,
        key: &NodeKey,
        alias: &str,
        new_key: &NodeKey,
    ) -> Result<(), CorrectionError> {
        let i = self.need(key)?;
        if new_key == key {
            return Err(CorrectionError::Invalid(
                "the new node needs a key of its own".into(),
            ));
        }
        if !self.graph[i].aliases.contains(alias) {
            return Err(CorrectionError::Invalid(format!(
                "{} has no alias {alias:?}",
                self.graph[i].name
            )));
        }
        let reads_alias = |articles: &[super::ArticleRecord], ev: &Evidence| {
            articles
                .get(ev.article.0 as usize)
                .and_then(|a| a.text.get(ev.mention.clone()))
                .is_some_and(|t| t.trim() == alias)
        };
        let (moved, kept): (Vec<Evidence>, Vec<Evidence>) = self.graph[i]
            .evidence
            .iter()
            .cloned()
            .partition(|ev| reads_alias(&self.articles, ev));
        if moved.is_empty() {
            return Err(CorrectionError::Invalid(format!(
                "no mention of {} reads exactly {alias:?}",
                self.graph[i].name
            )));
        }
        let sentence = |ev: &Evidence| (ev.article, ev.sentence.start, ev.sentence.end);
        let moved_sentences: HashSet<Sentence> = moved.iter().map(sentence).collect();
        let kept_sentences: HashSet<Sentence> = kept.iter().map(sentence).collect();
        let kind = self.graph[i].kind;
        let count = u32::try_from(moved.len()).unwrap_or(u32::MAX);
        {
            let node = &mut self.graph[i];
            node.evidence = kept;
            node.mentions = node.mentions.saturating_sub(count);
            node.aliases.remove(alias);
        }
        let n = self.upsert_node(&new_key.0, kind, alias);
        {
            let node = &mut self.graph[n];
            node.mentions += count;
            node.evidence.extend(moved);
        }
        // Edges whose sentences now belong to the new node alone follow it.
        let mut followed_events: BTreeSet<NodeIndex> = BTreeSet::new();
        for (e, s, t, edge) in self.incident(i) {
            let (going, staying): (Vec<Evidence>, Vec<Evidence>) =
                edge.evidence.into_iter().partition(|ev| {
                    let at = sentence(ev);
                    moved_sentences.contains(&at) && !kept_sentences.contains(&at)
                });
            if going.is_empty() {
                continue;
            }
            let gone = u32::try_from(going.len()).unwrap_or(u32::MAX);
            if staying.is_empty() && edge.mentions <= gone {
                self.drop_edge(e);
                let other = if s == i { t } else { s };
                if self.graph[other].kind == NodeKind::Event {
                    followed_events.insert(other);
                }
            } else {
                let w = &mut self.graph[e];
                w.evidence = staying;
                w.mentions = w.mentions.saturating_sub(gone);
            }
            let a = if s == i { n } else { s };
            let b = if t == i { n } else { t };
            let (a, b) = self.ends(a, b, edge.kind);
            self.add_to_edge(a, b, edge.kind, &going, 0);
        }
        // Events the old node no longer takes part in name the new one instead.
        for ev in followed_events {
            if let Some(info) = self.graph[ev].event.as_mut() {
                for k in info
                    .source
                    .iter_mut()
                    .chain(info.targets.iter_mut())
                    .chain(info.claimed_by.iter_mut())
                {
                    if k == key {
                        *k = new_key.clone();
                    }
                }
                if let Some(title) = info.title.as_mut() {
                    title.redirect(key, Some(new_key));
                }
            }
        }
        // Roles marked on the alias's words are the new node's.
        let articles = std::mem::take(&mut self.articles);
        let fix = |evidence: &mut Vec<Evidence>| {
            for ev in evidence {
                let text = articles.get(ev.article.0 as usize).map(|a| a.text.as_str());
                for r in &mut ev.roles {
                    if &r.key == key
                        && text
                            .and_then(|t| t.get(r.span.clone()))
                            .is_some_and(|w| w.trim() == alias)
                    {
                        r.key = new_key.clone();
                    }
                }
            }
        };
        let indices: Vec<NodeIndex> = self.graph.node_indices().collect();
        for x in indices {
            fix(&mut self.graph[x].evidence);
        }
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        for e in edges {
            fix(&mut self.graph[e].evidence);
        }
        self.articles = articles;
        Ok(())
    }

    fn event_index(&self, key: &NodeKey) -> Result<NodeIndex, CorrectionError> {
        let i = self.need(key)?;
        if self.graph[i].event.is_none() {
            return Err(CorrectionError::Invalid(format!(
                "{} is not an event",
                self.graph[i].name
            )));
        }
        Ok(i)
    }

    fn set_category(&mut self, key: &NodeKey, category: Plover) -> Result<(), CorrectionError> {
        let i = self.event_index(key)?;
        if self.graph[i]
            .event
            .as_ref()
            .is_some_and(|e| e.category == category)
        {
            return Err(CorrectionError::Invalid(format!(
                "it is already {}",
                category.name()
            )));
        }
        let actors = self.take_acted(i);
        if let Some(info) = self.graph[i].event.as_mut() {
            info.category = category;
        }
        self.put_acted(i, &actors);
        Ok(())
    }

    fn set_roles(
        &mut self,
        key: &NodeKey,
        source: Option<&NodeKey>,
        targets: &[NodeKey],
    ) -> Result<(), CorrectionError> {
        let i = self.event_index(key)?;
        let mut seen = BTreeSet::new();
        for k in source.into_iter().chain(targets) {
            let a = self.need(k)?;
            if !self.graph[a].kind.is_actor() {
                return Err(CorrectionError::Invalid(format!(
                    "{} is not an actor",
                    self.graph[a].name
                )));
            }
            if !seen.insert(k) {
                return Err(CorrectionError::Invalid(format!(
                    "{} cannot both act and be acted on",
                    self.graph[a].name
                )));
            }
        }
        if let Some(info) = &self.graph[i].event
            && info.source.as_ref() == source
            && info.targets == targets
        {
            return Err(CorrectionError::Invalid("nothing changes".into()));
        }
        let actors = self.take_acted(i);
        if let Some(info) = self.graph[i].event.as_mut() {
            info.source = source.cloned();
            info.targets = targets.to_vec();
        }
        // Whoever acts or is acted on takes part.
        let evidence = self.graph[i].evidence.clone();
        for k in source.into_iter().chain(targets) {
            if let Some(a) = self.index(k)
                && !self.edges.contains_key(&(a, i, EdgeKind::ParticipatesIn))
            {
                self.add_to_edge(a, i, EdgeKind::ParticipatesIn, &evidence, 0);
            }
        }
        self.put_acted(i, &actors);
        Ok(())
    }

    /// Takes an event's share out of the actor-to-actor edges (the evidence they hold from
    /// it) and returns the actors those edges joined.
    fn take_acted(&mut self, event: NodeIndex) -> BTreeSet<NodeIndex> {
        let own: HashSet<Evidence> = self.graph[event].evidence.iter().cloned().collect();
        let mut actors = BTreeSet::new();
        let acted: Vec<EdgeIndex> = self
            .graph
            .edge_indices()
            .filter(|&e| matches!(self.graph[e].kind, EdgeKind::Acted(_)))
            .collect();
        for e in acted {
            let edge = &mut self.graph[e];
            let before = edge.evidence.len();
            edge.evidence.retain(|ev| !own.contains(ev));
            let removed = before - edge.evidence.len();
            if removed == 0 {
                continue;
            }
            edge.mentions = edge
                .mentions
                .saturating_sub(u32::try_from(removed).unwrap_or(u32::MAX));
            let empty = edge.evidence.is_empty();
            if let Some((a, b)) = self.graph.edge_endpoints(e) {
                actors.insert(a);
                actors.insert(b);
            }
            if empty {
                self.drop_edge(e);
            }
        }
        actors
    }

    /// Puts an event's share back into the actor-to-actor edges, as its category and roles
    /// now say: a mutual act joins every pair of the actors, a directed one goes from the
    /// source to each target.
    fn put_acted(&mut self, event: NodeIndex, actors: &BTreeSet<NodeIndex>) {
        let Some(info) = self.graph[event].event.clone() else {
            return;
        };
        let evidence = self.graph[event].evidence.clone();
        let kind = EdgeKind::Acted(info.category);
        let source = info.source.as_ref().and_then(|k| self.index(k));
        let targets: Vec<NodeIndex> = info.targets.iter().filter_map(|k| self.index(k)).collect();
        if info.category.is_mutual() {
            // In key order, so the same actors always give the same edges.
            let mut all: BTreeMap<NodeKey, NodeIndex> = BTreeMap::new();
            for &a in actors.iter().chain(source.iter()).chain(targets.iter()) {
                all.insert(self.graph[a].key.clone(), a);
            }
            let list: Vec<NodeIndex> = all.into_values().collect();
            for (k, &a) in list.iter().enumerate() {
                for &b in &list[k + 1..] {
                    self.add_to_edge(a, b, kind, &evidence, 0);
                }
            }
        } else if let Some(src) = source {
            for t in targets {
                self.add_to_edge(src, t, kind, &evidence, 0);
            }
        }
    }
}

#[cfg(test)]
mod tests;
