//! Find: fuzzy, as-you-type search over node names, other names and roles, ranked. The
//! matching is nucleo's (the matcher of the Helix editor), over haystacks converted once per
//! graph revision.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use petgraph::stable_graph::NodeIndex;

use super::{NewsGraph, NodeKey, NodeKind};

/// Where a haystack came from; a hit on the name counts more than one on a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Alias,
    Role,
}

impl Field {
    /// Score multiplier, in quarters.
    fn weight(self) -> u32 {
        match self {
            Field::Name => 4,
            Field::Alias => 3,
            Field::Role => 2,
        }
    }
}

/// One node found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The node.
    pub key: NodeKey,
    /// Its index in the graph the index was built from.
    pub index: NodeIndex,
    /// Its kind.
    pub kind: NodeKind,
    /// Its name.
    pub name: String,
    /// Its mentions.
    pub mentions: u32,
    /// The other name or role that matched, when the name itself did not match best.
    pub matched: Option<String>,
    /// Match quality (higher is better).
    pub score: u32,
}

struct Entry {
    index: NodeIndex,
    key: NodeKey,
    kind: NodeKind,
    name: String,
    mentions: u32,
    haystacks: Vec<(Field, String, Utf32String)>,
}

/// The searchable text of every node of one graph revision.
pub struct SearchIndex {
    revision: u64,
    entries: Vec<Entry>,
    matcher: Matcher,
}

impl SearchIndex {
    /// Indexes every node's name, other names and role.
    pub fn new(graph: &NewsGraph) -> Self {
        let mut entries: Vec<Entry> = graph
            .graph()
            .node_indices()
            .map(|index| {
                let n = &graph.graph()[index];
                let mut haystacks = vec![(Field::Name, n.name.clone())];
                haystacks.extend(n.aliases.iter().map(|a| (Field::Alias, a.clone())));
                haystacks.extend(n.role.iter().map(|r| (Field::Role, r.clone())));
                Entry {
                    index,
                    key: n.key.clone(),
                    kind: n.kind,
                    name: n.name.clone(),
                    mentions: n.mentions,
                    haystacks: haystacks
                        .into_iter()
                        .map(|(f, s)| {
                            let u = Utf32String::from(s.as_str());
                            (f, s, u)
                        })
                        .collect(),
                }
            })
            .collect();
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        Self {
            revision: graph.revision(),
            entries,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// The graph revision this index was built from.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The best `limit` nodes for `query`: by match quality (a name counts more than another
    /// name, which counts more than a role), then actors before issues before events, then by
    /// mentions, then by key. An empty query finds nothing.
    pub fn find(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        let pattern = Pattern::parse(query.trim(), CaseMatching::Ignore, Normalization::Smart);
        if pattern.atoms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for e in &self.entries {
            let mut best: Option<(u32, Field, &str)> = None;
            for (field, text, hay) in &e.haystacks {
                if let Some(s) = pattern.score(hay.slice(..), &mut self.matcher) {
                    let s = s * field.weight();
                    if best.is_none_or(|(b, _, _)| s > b) {
                        best = Some((s, *field, text));
                    }
                }
            }
            if let Some((score, field, text)) = best {
                hits.push(Hit {
                    key: e.key.clone(),
                    index: e.index,
                    kind: e.kind,
                    name: e.name.clone(),
                    mentions: e.mentions,
                    matched: (field != Field::Name).then(|| text.to_string()),
                    score,
                });
            }
        }
        let kind_rank = |k: NodeKind| match k {
            NodeKind::Country | NodeKind::Person | NodeKind::Organization => 0,
            NodeKind::Issue => 1,
            NodeKind::Event => 2,
        };
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(kind_rank(a.kind).cmp(&kind_rank(b.kind)))
                .then(b.mentions.cmp(&a.mentions))
                .then(a.key.cmp(&b.key))
        });
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> NewsGraph {
        let mut g = NewsGraph::new();
        let brown = g.upsert_node("person:gordon-brown", NodeKind::Person, "Gordon Brown");
        g.graph[brown].role = Some("Chancellor".into());
        g.graph[brown].mentions = 40;
        let blair = g.upsert_node("person:tony-blair", NodeKind::Person, "Tony Blair");
        g.graph[blair].aliases.insert("Blair".into());
        g.graph[blair].mentions = 60;
        let uk = g.upsert_node("country:GBR", NodeKind::Country, "United Kingdom");
        g.graph[uk].aliases.insert("Britain".into());
        g.upsert_node(
            "event:brown-meets-blair",
            NodeKind::Event,
            "Gordon Brown met Tony Blair",
        );
        g
    }

    fn keys(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.key.0.as_str()).collect()
    }

    #[test]
    fn names_rank_before_events_and_typos_still_match() {
        let mut index = SearchIndex::new(&graph());
        let hits = index.find("gordon brown", 10);
        assert_eq!(
            keys(&hits),
            vec!["person:gordon-brown", "event:brown-meets-blair"]
        );
        // Fuzzy: letters in order, gaps allowed.
        assert_eq!(keys(&index.find("gbrwn", 1)), vec!["person:gordon-brown"]);
        assert!(index.find("", 10).is_empty());
        assert!(index.find("zzzq", 10).is_empty());
    }

    #[test]
    fn other_names_and_roles_are_searched_and_reported() {
        let mut index = SearchIndex::new(&graph());
        let hits = index.find("britain", 5);
        assert_eq!(keys(&hits), vec!["country:GBR"]);
        assert_eq!(hits[0].matched.as_deref(), Some("Britain"));
        let hits = index.find("chancellor", 5);
        assert_eq!(keys(&hits), vec!["person:gordon-brown"]);
        assert_eq!(hits[0].matched.as_deref(), Some("Chancellor"));
        assert_eq!(index.find("chancellor", 0), Vec::new());
    }
}
