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
    /// [`letters`] of each haystack.
    letters: Vec<u64>,
}

/// The searchable text of every node of one graph revision.
pub struct SearchIndex {
    revision: u64,
    entries: Vec<Entry>,
    matcher: Matcher,
    /// The last query and the entries that matched it: a query typed on from it can only
    /// match among those.
    last: Option<(String, Vec<u32>)>,
}

/// The ASCII letters (case ignored) and digits of a text, one bit each; a text with any other
/// letter or digit (é, ß, ٣) gets every bit, since matching may fold it into an ASCII one.
fn letters(text: &str) -> u64 {
    let mut bits = 0u64;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            bits |= 1 << (c.to_ascii_lowercase() as u32 - 'a' as u32);
        } else if c.is_ascii_digit() {
            bits |= 1 << (26 + c as u32 - '0' as u32);
        } else if !c.is_ascii() && c.is_alphanumeric() {
            return u64::MAX;
        }
    }
    bits
}

/// Whether every node matching a query of these letters, digits and spaces also matched
/// `before`, which it extends: each further letter narrows a fuzzy atom, a space starts a new
/// atom that must match too. nucleo's special characters (`^ $ ! ' \`) are left out.
fn narrows(before: &str, query: &str) -> bool {
    !before.is_empty()
        && query.starts_with(before)
        && query
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b' ')
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
                let letters = haystacks.iter().map(|(_, s)| letters(s)).collect();
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
                    letters,
                }
            })
            .collect();
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        Self {
            revision: graph.revision(),
            entries,
            matcher: Matcher::new(Config::DEFAULT),
            last: None,
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
        let query = query.trim();
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        if pattern.atoms.is_empty() || limit == 0 {
            self.last = None;
            return Vec::new();
        }
        let candidates = match self.last.take() {
            Some((before, matched)) if narrows(&before, query) => matched,
            _ => (0..u32::try_from(self.entries.len()).unwrap_or(u32::MAX)).collect(),
        };
        // A haystack lacking a letter or digit of a plain query cannot match it: skipped
        // before nucleo looks (a query with special characters is not filtered).
        let plain = query
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b' ');
        let needed = if plain { letters(query) } else { 0 };
        // Scores first, without a copy of any name; hits only for the best.
        let mut scored: Vec<(u32, u32, usize)> = Vec::new();
        for e in candidates {
            let Some(entry) = self.entries.get(e as usize) else {
                continue;
            };
            let mut best: Option<(u32, usize)> = None;
            for (h, (field, _, hay)) in entry.haystacks.iter().enumerate() {
                if entry.letters[h] & needed != needed {
                    continue;
                }
                if let Some(s) = pattern.score(hay.slice(..), &mut self.matcher) {
                    let s = s * field.weight();
                    if best.is_none_or(|(b, _)| s > b) {
                        best = Some((s, h));
                    }
                }
            }
            if let Some((score, h)) = best {
                scored.push((score, e, h));
            }
        }
        self.last = Some((
            query.to_string(),
            scored.iter().map(|&(_, e, _)| e).collect(),
        ));
        let kind_rank = |k: NodeKind| match k {
            NodeKind::Country | NodeKind::Person | NodeKind::Organization | NodeKind::Group => 0,
            NodeKind::Issue => 1,
            NodeKind::Event => 2,
        };
        let entries = &self.entries;
        let order = |a: &(u32, u32, usize), b: &(u32, u32, usize)| {
            let (x, y) = (&entries[a.1 as usize], &entries[b.1 as usize]);
            b.0.cmp(&a.0)
                .then(kind_rank(x.kind).cmp(&kind_rank(y.kind)))
                .then(y.mentions.cmp(&x.mentions))
                .then(x.key.cmp(&y.key))
        };
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_by(order);
        scored
            .into_iter()
            .map(|(score, e, h)| {
                let entry = &entries[e as usize];
                let (field, text, _) = &entry.haystacks[h];
                Hit {
                    key: entry.key.clone(),
                    index: entry.index,
                    kind: entry.kind,
                    name: entry.name.clone(),
                    mentions: entry.mentions,
                    matched: (*field != Field::Name).then(|| text.clone()),
                    score,
                }
            })
            .collect()
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

    #[test]
    fn typing_on_finds_what_a_fresh_search_finds() {
        let g = NewsGraph::synthetic(3000, 6000, 7);
        let mut typed = SearchIndex::new(&g);
        for word in [
            "person 12",
            "organization 7",
            "evnt 9 x",
            "is!sue",
            "per^son",
        ] {
            for end in 1..=word.len() {
                let query = &word[..end];
                let mut fresh = SearchIndex::new(&g);
                assert_eq!(typed.find(query, 15), fresh.find(query, 15), "{query:?}");
            }
        }
        // Backspace and a new word start over.
        assert_eq!(typed.find("pers", 5), SearchIndex::new(&g).find("pers", 5));
        assert!(narrows("per", "pers") && narrows("per", "per 1"));
        assert!(!narrows("per", "pe") && !narrows("per", "per!") && !narrows("", "p"));
    }

    #[test]
    fn letters_skip_only_what_cannot_match() {
        assert_eq!(letters("ab") & letters("BA9"), letters("ab"));
        assert_ne!(
            letters("Gordon Brown") & letters("gbrwnz"),
            letters("gbrwnz")
        );
        assert_eq!(
            letters("Hervé"),
            u64::MAX,
            "an accented letter may match a plain one"
        );
        let mut g = NewsGraph::new();
        g.upsert_node("person:herve-morin", NodeKind::Person, "Hervé Morin");
        g.upsert_node("person:gordon-brown", NodeKind::Person, "Gordon Brown");
        let mut index = SearchIndex::new(&g);
        assert_eq!(keys(&index.find("herve", 5)), vec!["person:herve-morin"]);
        assert_eq!(keys(&index.find("BROWN", 5)), vec!["person:gordon-brown"]);
        assert!(index.find("gbrwnz", 5).is_empty());
    }
}
