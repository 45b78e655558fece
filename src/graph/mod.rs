//! `NewsGraph`: the domain graph. A petgraph `StableGraph` of typed nodes (people, countries,
//! organizations, events, issues) and typed edges, each with its mention count and evidence,
//! addressed by stable human-readable [`NodeKey`]s. Articles merge into it one at a time; nodes
//! with the same key merge across articles.

pub mod actor_view;
pub mod analysis;
pub mod articles;
pub mod corrections;
pub mod event_names;
pub mod search;
pub mod structure;
pub mod timeline;
pub mod view_filter;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::extract::{ActorKind, Extraction, Modality, Plover};
use crate::ingest::{Article, Link};

/// Stable, human-readable node identity (`person:pete-hegseth`, `country:CHN`). Saved files use
/// it; petgraph indices never leave the process.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeKey(pub String);

impl fmt::Display for NodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for NodeKey {
    fn from(s: &str) -> Self {
        Self(s.to_string())
    }
}

/// Index of an article in [`NewsGraph::articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleId(pub u32);

/// The kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A person.
    Person,
    /// A country or territory.
    Country,
    /// An organization.
    Organization,
    /// A country's people of one kind ("Sudanese rebels").
    Group,
    /// An event.
    Event,
    /// An issue.
    Issue,
}

impl NodeKind {
    /// All kinds, in legend order.
    pub const ALL: [NodeKind; 6] = [
        NodeKind::Country,
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Group,
        NodeKind::Event,
        NodeKind::Issue,
    ];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Country => "Country",
            NodeKind::Organization => "Organization",
            NodeKind::Group => "Group",
            NodeKind::Event => "Event",
            NodeKind::Issue => "Issue",
        }
    }

    /// True for people, countries, organizations and people groups.
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            NodeKind::Person | NodeKind::Country | NodeKind::Organization | NodeKind::Group
        )
    }
}

impl From<ActorKind> for NodeKind {
    fn from(k: ActorKind) -> Self {
        match k {
            ActorKind::Person => NodeKind::Person,
            ActorKind::Country => NodeKind::Country,
            ActorKind::Organization => NodeKind::Organization,
            ActorKind::Group => NodeKind::Group,
        }
    }
}

/// One piece of evidence: an article, the sentence, and the mention inside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The article.
    pub article: ArticleId,
    /// Byte range of the supporting sentence in the article's text.
    pub sentence: Range<usize>,
    /// Byte range of the mention itself, inside the sentence.
    pub mention: Range<usize>,
    /// For an event's evidence: the words of who acts and who is acted on, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<EvidenceRole>,
}

/// Which side of an event an actor's words are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// Who acts.
    Source,
    /// Who is acted on.
    Target,
    /// A side of a mutual act.
    Party,
}

/// An actor's words in an event's sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EvidenceRole {
    /// Source, target or party.
    pub role: RoleKind,
    /// Byte range of the words in the article's text.
    pub span: Range<usize>,
    /// The actor.
    pub key: NodeKey,
    /// Why the parse gives it this role ("subject of 'condemned'").
    pub why: String,
}

/// Event details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventInfo {
    /// PLOVER category.
    pub category: Plover,
    /// Plain-words kind.
    pub kind: String,
    /// Acting actor.
    pub source: Option<NodeKey>,
    /// Actors acted upon.
    pub targets: Vec<NodeKey>,
    /// Place, when stated.
    pub place: Option<String>,
    /// Date, when stated.
    pub date: Option<String>,
    /// How it is stated (planned, called for, ...), when not simply reported as done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Who says it happened, when it is only reported as someone's claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<NodeKey>,
    /// Ids of the argument patterns that read its roles off the parse.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<String>,
    /// How its name is worded, so the name follows corrections to its actors; `None` for a
    /// name that stays as it is (worded otherwise, or given by the user).
    #[serde(skip)]
    pub title: Option<event_names::EventTitle>,
}

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable key.
    pub key: NodeKey,
    /// Kind.
    pub kind: NodeKind,
    /// Display name (for events, the readable label).
    pub name: String,
    /// Other names, sorted.
    pub aliases: BTreeSet<String>,
    /// Role of a person.
    pub role: Option<String>,
    /// Country a person or organization belongs to.
    pub affiliation: Option<NodeKey>,
    /// Event details.
    pub event: Option<EventInfo>,
    /// Number of mentions over all articles.
    pub mentions: u32,
    /// Where it is mentioned.
    pub evidence: Vec<Evidence>,
}

/// The kind of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Actor → event.
    ParticipatesIn,
    /// Actor → issue.
    InvolvedIn,
    /// Event → issue.
    About,
    /// Person or organization → country.
    AffiliatedWith,
    /// Actor → actor, through an event of this category (source → target, or both ways for
    /// mutual categories such as meetings).
    Acted(Plover),
    /// Actor — actor in the actor view only (never in the domain graph): the two take part in
    /// common events; `tone` is those events' mean quad-class tone, −100 (material conflict)
    /// to 100 (material cooperation).
    SharedEvents {
        /// Mean tone, scaled by [`actor_view::TONE_SCALE`].
        tone: i8,
    },
}

impl EdgeKind {
    /// Readable relation, as seen from the edge's source.
    pub fn label(self) -> &'static str {
        match self {
            EdgeKind::ParticipatesIn => "takes part in",
            EdgeKind::InvolvedIn => "involved in",
            EdgeKind::About => "about",
            EdgeKind::AffiliatedWith => "affiliated with",
            EdgeKind::Acted(p) => p.relation(),
            EdgeKind::SharedEvents { .. } => "shares events with",
        }
    }

    /// Readable relation, as seen from the edge's target.
    pub fn reverse_label(self) -> &'static str {
        match self {
            EdgeKind::ParticipatesIn => "participants",
            EdgeKind::InvolvedIn => "actors involved",
            EdgeKind::About => "events about it",
            EdgeKind::AffiliatedWith => "affiliated people and bodies",
            EdgeKind::Acted(p) if p.is_mutual() => p.relation(),
            EdgeKind::Acted(Plover::Reject) => "rejected by",
            EdgeKind::Acted(Plover::Disapprove) => "criticized by",
            EdgeKind::Acted(Plover::Threaten) => "threatened by",
            EdgeKind::Acted(Plover::Sanction) => "sanctioned by",
            EdgeKind::Acted(Plover::Assault) => "attacked by",
            EdgeKind::Acted(Plover::Support) => "supported by",
            EdgeKind::Acted(Plover::Aid) => "aided by",
            EdgeKind::Acted(_) => "acted on by",
            EdgeKind::SharedEvents { .. } => "shares events with",
        }
    }
}

/// An edge of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Kind.
    pub kind: EdgeKind,
    /// Number of supporting mentions.
    pub mentions: u32,
    /// The supporting sentences.
    pub evidence: Vec<Evidence>,
}

/// An article kept in the graph so its sentences can be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRecord {
    /// Where it came from.
    pub source: String,
    /// Title.
    pub title: String,
    /// Full text; evidence ranges point into it.
    pub text: String,
    /// Links (its sources).
    pub links: Vec<Link>,
    /// Publication date, when known.
    pub date: Option<String>,
}

/// The graph of everything read so far.
#[derive(Debug, Clone, Default)]
pub struct NewsGraph {
    graph: StableGraph<Node, Edge>,
    by_key: HashMap<NodeKey, NodeIndex>,
    edges: HashMap<(NodeIndex, NodeIndex, EdgeKind), EdgeIndex>,
    articles: Vec<ArticleRecord>,
    /// What each article was merged from, so the graph can be rebuilt without one.
    sources: Vec<std::sync::Arc<(Article, Extraction)>>,
    /// Bumped on every change, so views know when to rebuild.
    revision: u64,
}

impl NewsGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The petgraph graph, read-only.
    pub fn graph(&self) -> &StableGraph<Node, Edge> {
        &self.graph
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Articles merged so far.
    pub fn articles(&self) -> &[ArticleRecord] {
        &self.articles
    }

    /// One article.
    pub fn article(&self, id: ArticleId) -> Option<&ArticleRecord> {
        self.articles.get(id.0 as usize)
    }

    /// The article as it was read (text, blocks, metadata) and its extraction, shared, for
    /// reading it again off the UI thread.
    pub fn article_source(&self, id: ArticleId) -> Option<std::sync::Arc<(Article, Extraction)>> {
        self.sources.get(id.0 as usize).cloned()
    }

    /// Changes whenever the graph changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Index of the node with this key.
    pub fn index(&self, key: &NodeKey) -> Option<NodeIndex> {
        self.by_key.get(key).copied()
    }

    /// The node with this key.
    pub fn node(&self, key: &NodeKey) -> Option<&Node> {
        self.index(key).and_then(|i| self.graph.node_weight(i))
    }

    /// The node at an index.
    pub fn node_at(&self, index: NodeIndex) -> Option<&Node> {
        self.graph.node_weight(index)
    }

    /// All nodes in key order (deterministic).
    pub fn nodes_sorted(&self) -> Vec<&Node> {
        let mut nodes: Vec<&Node> = self.graph.node_weights().collect();
        nodes.sort_by(|a, b| a.key.cmp(&b.key));
        nodes
    }

    /// Neighbours of a node: (relation label, other node, edge), outgoing and incoming.
    pub fn neighbours(&self, index: NodeIndex) -> Vec<(&'static str, NodeIndex, &Edge)> {
        let mut out = Vec::new();
        for e in self.graph.edges_directed(index, Direction::Outgoing) {
            out.push((e.weight().kind.label(), e.target(), e.weight()));
        }
        for e in self.graph.edges_directed(index, Direction::Incoming) {
            out.push((e.weight().kind.reverse_label(), e.source(), e.weight()));
        }
        out
    }

    fn upsert_node(&mut self, key: &str, kind: NodeKind, name: &str) -> NodeIndex {
        let key = NodeKey(key.to_string());
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.graph.add_node(Node {
            key: key.clone(),
            kind,
            name: name.to_string(),
            aliases: BTreeSet::new(),
            role: None,
            affiliation: None,
            event: None,
            mentions: 0,
            evidence: Vec::new(),
        });
        self.by_key.insert(key, i);
        i
    }

    fn upsert_edge(&mut self, a: NodeIndex, b: NodeIndex, kind: EdgeKind, evidence: &[Evidence]) {
        self.add_to_edge(a, b, kind, evidence, u32::from(evidence.is_empty()));
    }

    /// Adds evidence (and, for evidence-less edges, a mention count) to the edge `a → b` of
    /// `kind`, making it when needed. Evidence already there is not counted twice.
    fn add_to_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: EdgeKind,
        evidence: &[Evidence],
        bare_mentions: u32,
    ) {
        if a == b {
            return;
        }
        let e = *self.edges.entry((a, b, kind)).or_insert_with(|| {
            self.graph.add_edge(
                a,
                b,
                Edge {
                    kind,
                    mentions: 0,
                    evidence: Vec::new(),
                },
            )
        });
        let edge = &mut self.graph[e];
        if evidence.len() <= 16 {
            for ev in evidence {
                if !edge.evidence.contains(ev) {
                    edge.evidence.push(ev.clone());
                    edge.mentions += 1;
                }
            }
        } else {
            // Many pieces onto a long list (an event reported in 100,000 sentences of one
            // article): compare through a set, not each against all.
            let mut seen: HashSet<&Evidence> = edge.evidence.iter().collect();
            let fresh: Vec<Evidence> = evidence
                .iter()
                .filter(|ev| seen.insert(ev))
                .cloned()
                .collect();
            edge.mentions += u32::try_from(fresh.len()).unwrap_or(u32::MAX);
            edge.evidence.extend(fresh);
        }
        edge.mentions += bare_mentions;
    }

    /// A graph of `nodes` nodes and about `edges` edges for benchmarks and scale tests, grown by
    /// preferential attachment (each new node links to earlier ones picked in proportion to
    /// their degree, as in a Barabási–Albert graph): a few hubs with many mentions, many nodes
    /// with one or two. Kinds follow the mix of real news graphs (two in five events).
    /// Deterministic for a given `seed`.
    pub fn synthetic(nodes: usize, edges: usize, seed: u64) -> Self {
        let mut g = Self::new();
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move |below: usize| {
            // xorshift64*: plenty for picking endpoints.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
            usize::try_from(r % (below.max(1) as u64)).unwrap_or(0)
        };
        let kinds = [
            NodeKind::Event,
            NodeKind::Person,
            NodeKind::Event,
            NodeKind::Organization,
            NodeKind::Person,
            NodeKind::Country,
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Issue,
            NodeKind::Person,
        ];
        let mut index = Vec::with_capacity(nodes);
        for i in 0..nodes {
            let kind = kinds[i % kinds.len()];
            let key = format!("{}:synthetic-{i}", kind.label().to_lowercase());
            index.push(g.upsert_node(&key, kind, &format!("{} {i}", kind.label())));
        }
        // Endpoints of every edge so far: picking from it is picking by degree.
        let mut ends: Vec<usize> = Vec::with_capacity(2 * edges);
        let per_node = if nodes > 1 {
            edges.div_ceil(nodes - 1).max(1)
        } else {
            0
        };
        let mut made = 0;
        for i in 1..nodes {
            for _ in 0..per_node.min(i) {
                if made >= edges {
                    break;
                }
                let j = if ends.is_empty() {
                    0
                } else {
                    ends[next(ends.len())]
                };
                let j = if j == i { next(i) } else { j };
                let before = g.graph.edge_count();
                let kind = match (g.graph[index[i]].kind, g.graph[index[j]].kind) {
                    (NodeKind::Event, _) | (_, NodeKind::Event) => EdgeKind::ParticipatesIn,
                    (NodeKind::Issue, _) | (_, NodeKind::Issue) => EdgeKind::InvolvedIn,
                    (_, NodeKind::Country) => EdgeKind::AffiliatedWith,
                    _ => EdgeKind::Acted(Plover::Consult),
                };
                g.upsert_edge(index[i], index[j], kind, &[]);
                if g.graph.edge_count() > before {
                    ends.push(i);
                    ends.push(j);
                    made += 1;
                }
            }
        }
        for &i in &index {
            let degree = g.graph.edges_directed(i, Direction::Outgoing).count()
                + g.graph.edges_directed(i, Direction::Incoming).count();
            g.graph[i].mentions = u32::try_from(degree).unwrap_or(u32::MAX);
        }
        g.revision += 1;
        g
    }

    /// Merges one article and its extraction. Returns the article's id.
    pub fn add_article(&mut self, article: &Article, extraction: &Extraction) -> ArticleId {
        let id = ArticleId(u32::try_from(self.articles.len()).unwrap_or(u32::MAX));
        self.articles.push(ArticleRecord {
            source: article.source.clone(),
            title: article.title.clone(),
            text: article.text.clone(),
            links: article.links.clone(),
            date: article.date.clone(),
        });
        self.sources
            .push(std::sync::Arc::new((article.clone(), extraction.clone())));
        let evidence = |m: &crate::extract::Mention| Evidence {
            article: id,
            sentence: extraction
                .sentences
                .get(m.sentence)
                .cloned()
                .unwrap_or_else(|| m.span.clone()),
            mention: m.span.clone(),
            roles: Vec::new(),
        };
        let sentence_evidence = |sentences: &BTreeSet<usize>| -> Vec<Evidence> {
            sentences
                .iter()
                .filter_map(|&s| {
                    extraction.sentences.get(s).map(|r| Evidence {
                        article: id,
                        sentence: r.clone(),
                        mention: r.clone(),
                        roles: Vec::new(),
                    })
                })
                .collect()
        };
        let mut actor_sentences: HashMap<&str, BTreeSet<usize>> = HashMap::new();

        // Full names first: a surname-only person ("person:campbell") then joins the full name
        // this same article gives ("person:alastair-campbell") however the extraction ordered
        // them, so reading an article twice gives the graph of reading it once (issue 13).
        let mut actors: Vec<&crate::extract::Actor> = extraction.actors.iter().collect();
        actors.sort_by_key(|a| a.kind == ActorKind::Person && !a.key.contains('-'));
        for actor in actors {
            let key = self.canonical_person_key(&actor.key, actor.kind, &actor.name);
            let i = self.upsert_node(&key, actor.kind.into(), &actor.name);
            let node = &mut self.graph[i];
            // A fuller name seen later becomes the display name.
            if actor.name.len() > node.name.len() && actor.kind == ActorKind::Person {
                let old = std::mem::replace(&mut node.name, actor.name.clone());
                node.aliases.insert(old);
            }
            for a in &actor.aliases {
                if *a != node.name {
                    node.aliases.insert(a.clone());
                }
            }
            if node.role.is_none() {
                node.role.clone_from(&actor.role);
            }
            if node.affiliation.is_none() {
                node.affiliation = actor.affiliation.as_deref().map(NodeKey::from);
            }
            for m in &actor.mentions {
                node.evidence.push(evidence(m));
                node.mentions += 1;
            }
            actor_sentences
                .entry(actor.key.as_str())
                .or_default()
                .extend(actor.mentions.iter().map(|m| m.sentence));
            if let Some(aff) = &actor.affiliation {
                let country = extraction
                    .actors
                    .iter()
                    .find(|a| &a.key == aff)
                    .map(|a| a.name.clone())
                    .or_else(|| actor.affiliation_name.clone())
                    .unwrap_or_else(|| aff.trim_start_matches("country:").to_string());
                let c = self.upsert_node(aff, NodeKind::Country, &country);
                let ev: Vec<Evidence> = actor.mentions.first().map(evidence).into_iter().collect();
                self.upsert_edge(i, c, EdgeKind::AffiliatedWith, &ev);
            }
        }
        let resolve = |graph: &Self, key: &str| -> Option<NodeIndex> {
            let actor = extraction.actors.iter().find(|a| a.key == key)?;
            let canonical = graph.lookup_person_key(&actor.key, actor.kind);
            graph.index(&NodeKey(canonical))
        };

        let actor_names: BTreeMap<&str, &str> = extraction
            .actors
            .iter()
            .map(|a| (a.key.as_str(), a.name.as_str()))
            .collect();
        for event in &extraction.events {
            let i = self.upsert_node(&event.key, NodeKind::Event, &event.label);
            let ev: Vec<Evidence> = event
                .mentions
                .iter()
                .enumerate()
                .map(|(k, m)| {
                    let mut e = evidence(m);
                    if let Some(r) = event.readings.get(k) {
                        let mark = |role: RoleKind, s: &crate::extract::RoleSpan| EvidenceRole {
                            role,
                            span: s.span.clone(),
                            key: NodeKey(s.key.clone()),
                            why: s.why.clone(),
                        };
                        e.roles
                            .extend(r.source.iter().map(|s| mark(RoleKind::Source, s)));
                        e.roles
                            .extend(r.targets.iter().map(|s| mark(RoleKind::Target, s)));
                        e.roles
                            .extend(r.parties.iter().map(|s| mark(RoleKind::Party, s)));
                    }
                    e
                })
                .collect();
            {
                let node = &mut self.graph[i];
                node.mentions += u32::try_from(ev.len()).unwrap_or(u32::MAX);
                node.evidence.extend(ev.iter().cloned());
                let key_of = |k: &String| NodeKey(k.clone());
                node.event.get_or_insert_with(|| EventInfo {
                    category: event.category,
                    kind: event.kind.clone(),
                    source: event.source.as_ref().map(key_of),
                    targets: event.targets.iter().map(key_of).collect(),
                    place: event.place.clone(),
                    date: event.date.clone(),
                    modality: event.modality,
                    claimed_by: event.claimed_by.as_ref().map(key_of),
                    patterns: Vec::new(),
                    title: event_names::EventTitle::read(event, &actor_names),
                });
                if let Some(info) = node.event.as_mut() {
                    for r in &event.readings {
                        for p in &r.patterns {
                            if !info.patterns.contains(p) {
                                info.patterns.push(p.clone());
                            }
                        }
                    }
                    // Stated as fact by any article, it is no mere claim.
                    if event.claimed_by.is_none() {
                        info.claimed_by = None;
                    }
                }
                // Reported as done by any article, it was done.
                if event.modality.is_none()
                    && let Some(info) = node.event.as_mut()
                {
                    info.modality = None;
                }
            }
            let participants: Vec<NodeIndex> = event
                .participants
                .iter()
                .filter_map(|p| resolve(self, p))
                .collect();
            for &p in &participants {
                self.upsert_edge(p, i, EdgeKind::ParticipatesIn, &ev);
            }
            let represented: Vec<NodeIndex> = event
                .represented
                .iter()
                .filter_map(|p| resolve(self, p))
                .collect();
            for p in represented {
                self.upsert_edge(p, i, EdgeKind::ParticipatesIn, &ev);
            }
            // Direct actor-to-actor relations.
            let kind = EdgeKind::Acted(event.category);
            if event.category.is_mutual() {
                for (k, &a) in participants.iter().enumerate() {
                    for &b in &participants[k + 1..] {
                        let (x, y) = if self.graph[a].key <= self.graph[b].key {
                            (a, b)
                        } else {
                            (b, a)
                        };
                        self.upsert_edge(x, y, kind, &ev);
                    }
                }
            } else if let Some(src) = event.source.as_deref().and_then(|s| resolve(self, s)) {
                for t in &event.targets {
                    if let Some(t) = resolve(self, t) {
                        self.upsert_edge(src, t, kind, &ev);
                    }
                }
            }
        }

        for issue in &extraction.issues {
            let i = self.upsert_node(&issue.key, NodeKind::Issue, &issue.name);
            {
                let node = &mut self.graph[i];
                for a in &issue.aliases {
                    if *a != node.name {
                        node.aliases.insert(a.clone());
                    }
                }
                for m in &issue.mentions {
                    node.evidence.push(evidence(m));
                    node.mentions += 1;
                }
            }
            let issue_sentences: BTreeSet<usize> =
                issue.mentions.iter().map(|m| m.sentence).collect();
            for a in &issue.actors {
                if let Some(ai) = resolve(self, a) {
                    let shared: BTreeSet<usize> = actor_sentences
                        .get(a.as_str())
                        .map(|s| s.intersection(&issue_sentences).copied().collect())
                        .unwrap_or_default();
                    let ev = sentence_evidence(if shared.is_empty() {
                        &issue_sentences
                    } else {
                        &shared
                    });
                    self.upsert_edge(ai, i, EdgeKind::InvolvedIn, &ev[..ev.len().min(3)]);
                }
            }
            for e in &issue.events {
                if let Some(ei) = self.index(&NodeKey(e.clone())) {
                    let ev = sentence_evidence(&issue_sentences);
                    self.upsert_edge(ei, i, EdgeKind::About, &ev[..ev.len().min(3)]);
                }
            }
        }
        self.revision += 1;
        id
    }

    /// A person known only by surname ("person:blair") joins the one person of the graph whose
    /// full name ends with it; a full name takes over nothing, so keys stay stable.
    fn canonical_person_key(&self, key: &str, kind: ActorKind, _name: &str) -> String {
        self.lookup_person_key(key, kind)
    }

    fn lookup_person_key(&self, key: &str, kind: ActorKind) -> String {
        if kind != ActorKind::Person || key.contains('-') {
            return key.to_string();
        }
        let surname = key.trim_start_matches("person:");
        let suffix = format!("-{surname}");
        let mut matches = self
            .by_key
            .keys()
            .filter(|k| k.0.starts_with("person:") && k.0.ends_with(&suffix));
        match (matches.next(), matches.next()) {
            (Some(k), None) => k.0.clone(),
            _ => key.to_string(),
        }
    }

    /// Node and edge counts by kind, for status lines.
    pub fn counts(&self) -> HashMap<NodeKind, usize> {
        let mut c = HashMap::new();
        for n in self.graph.node_weights() {
            *c.entry(n.kind).or_insert(0) += 1;
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Lexicon, extract};
    use crate::ingest::{Format, parse};

    /// The graph of these article texts (`a0.txt`, `a1.txt`, ...), for the graph's tests.
    pub(in crate::graph) fn graph_of(texts: &[&str]) -> NewsGraph {
        let lex = Lexicon::embedded();
        let mut graph = NewsGraph::new();
        for (i, text) in texts.iter().enumerate() {
            let article =
                parse(&format!("a{i}.txt"), text.as_bytes(), Format::Text).expect("parses");
            graph.add_article(&article, &extract(&article, &lex));
        }
        graph
    }

    /// Node keys with their mention counts.
    fn mentions(graph: &NewsGraph) -> Vec<(String, u32)> {
        graph
            .nodes_sorted()
            .iter()
            .map(|n| (n.key.0.clone(), n.mentions))
            .collect()
    }

    #[test]
    fn the_same_article_twice_doubles_mentions_and_adds_no_node_issue_13() {
        let text = "Campbell denies dirty tricks role\n\n\
            Mr Campbell said on Monday that he had no part in the campaign. The claims were \
            made by the Conservatives in London.\n\n\
            Former Downing Street director of communications Alastair Campbell has been working \
            for Labour since January. Tony Blair praised Mr Campbell.\n";
        // The reliability reproducer, where the shared data is at hand.
        let shared = std::env::var("NEWSGRAPH_SHARED").unwrap_or_else(|_| "../shared".to_owned());
        let reproducer = std::fs::read(
            std::path::Path::new(&shared).join("reliability/same-article-twice-campbell.txt"),
        )
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned());
        for text in std::iter::once(text).chain(reproducer.as_deref()) {
            let once = mentions(&graph_of(&[text]));
            let twice = mentions(&graph_of(&[text, text]));
            let doubled: Vec<(String, u32)> =
                once.iter().map(|(k, m)| (k.clone(), m * 2)).collect();
            assert_eq!(twice, doubled);
        }
    }

    fn edge_kinds(graph: &NewsGraph, a: &str, b: &str) -> Vec<EdgeKind> {
        let (Some(ia), Some(ib)) = (
            graph.index(&NodeKey::from(a)),
            graph.index(&NodeKey::from(b)),
        ) else {
            return Vec::new();
        };
        graph
            .graph()
            .edges_connecting(ia, ib)
            .map(|e| e.weight().kind)
            .collect()
    }

    #[test]
    fn a_synthetic_graph_has_the_asked_size_and_hubs() {
        let g = NewsGraph::synthetic(2000, 4000, 7);
        assert_eq!(g.node_count(), 2000);
        assert!(
            (3900..=4000).contains(&g.edge_count()),
            "{}",
            g.edge_count()
        );
        let max = g
            .graph()
            .node_weights()
            .map(|n| n.mentions)
            .max()
            .unwrap_or(0);
        assert!(
            max > 40,
            "preferential attachment makes hubs: max degree {max}"
        );
        assert_eq!(
            NewsGraph::synthetic(300, 600, 7).graph().edge_count(),
            NewsGraph::synthetic(300, 600, 7).graph().edge_count()
        );
    }

    #[test]
    fn people_are_tied_to_their_countries_and_to_each_other() {
        let g = graph_of(&[
            "Talks\n\nUS defense Secretary Pete Hegseth met Chinese Defense Minister Dong Jun in Malaysia.\n",
        ]);
        assert!(
            edge_kinds(&g, "person:pete-hegseth", "country:USA")
                .contains(&EdgeKind::AffiliatedWith)
        );
        assert!(
            edge_kinds(&g, "person:dong-jun", "country:CHN").contains(&EdgeKind::AffiliatedWith)
        );
        let met: Vec<EdgeKind> = edge_kinds(&g, "person:dong-jun", "person:pete-hegseth")
            .into_iter()
            .chain(edge_kinds(&g, "person:pete-hegseth", "person:dong-jun"))
            .collect();
        assert!(met.contains(&EdgeKind::Acted(Plover::Consult)), "{met:?}");
        // The countries take part in the meeting through their ministers, but nobody "met"
        // their own country.
        let own: Vec<EdgeKind> = edge_kinds(&g, "country:USA", "person:pete-hegseth")
            .into_iter()
            .chain(edge_kinds(&g, "person:pete-hegseth", "country:USA"))
            .collect();
        assert!(
            !own.iter().any(|k| matches!(k, EdgeKind::Acted(_))),
            "{own:?}"
        );
        let meeting = g
            .nodes_sorted()
            .into_iter()
            .find(|n| {
                n.event
                    .as_ref()
                    .is_some_and(|e| e.category == Plover::Consult)
            })
            .map(|n| n.key.clone())
            .expect("a meeting");
        assert!(edge_kinds(&g, "country:CHN", &meeting.0).contains(&EdgeKind::ParticipatesIn));
        let node = g.node(&NodeKey::from("person:pete-hegseth")).expect("node");
        assert_eq!(node.evidence.len(), 1);
        assert!(g.revision() > 0);
    }

    #[test]
    fn the_same_key_in_two_articles_is_one_node_with_both_evidences() {
        let one = "Visit\n\nBeijing welcomed the move.\n";
        let two = "Reply\n\nChina rejected the claims.\n";
        let g = graph_of(&[one, two]);
        let china = g.node(&NodeKey::from("country:CHN")).expect("China");
        assert_eq!(china.mentions, 2);
        let articles: BTreeSet<ArticleId> = china.evidence.iter().map(|e| e.article).collect();
        assert_eq!(articles.len(), 2);
        assert_eq!(g.articles().len(), 2);
    }
}
