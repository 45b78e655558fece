//! The articles of a graph as a set: each recognised by a hash of its text (the same content
//! opened again is not added twice), any one removable (the graph is rebuilt from the others,
//! keeping every node key, so a view keeps its layout), and the whole cleared.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use super::{ArticleId, NewsGraph};

/// A hash of an article's text: the same content, whatever the file or its name, hashes the
/// same.
pub fn content_hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl NewsGraph {
    /// The article with this text, if one with the same content was merged.
    pub fn article_with_content(&self, text: &str) -> Option<ArticleId> {
        let hash = content_hash(text);
        self.articles
            .iter()
            .position(|a| content_hash(&a.text) == hash && a.text == text)
            .map(|i| ArticleId(u32::try_from(i).unwrap_or(u32::MAX)))
    }

    /// An empty graph whose revision follows this one's, so views keyed by revision see a
    /// change.
    #[must_use]
    pub fn cleared(&self) -> NewsGraph {
        NewsGraph {
            revision: self.revision + 1,
            ..NewsGraph::default()
        }
    }

    /// The graph of every article but `id`, merged again in the same order (node keys stay,
    /// so a layout keyed by them carries over). `None` when there is no such article.
    pub fn without_article(&self, id: ArticleId) -> Option<NewsGraph> {
        let skip = id.0 as usize;
        if skip >= self.sources.len() {
            return None;
        }
        let mut graph = self.cleared();
        for (i, source) in self.sources.iter().enumerate() {
            if i != skip {
                let (article, extraction) = source.as_ref();
                graph.add_article(article, extraction);
            }
        }
        graph.revision = graph.revision.max(self.revision + 1);
        Some(graph)
    }

    /// The number of nodes with evidence in each article.
    pub fn nodes_per_article(&self) -> Vec<usize> {
        let mut counts = vec![0usize; self.articles.len()];
        let mut seen: Vec<u32> = Vec::new();
        for n in self.graph.node_weights() {
            seen.clear();
            seen.extend(n.evidence.iter().map(|e| e.article.0));
            seen.sort_unstable();
            seen.dedup();
            for &a in &seen {
                if let Some(c) = counts.get_mut(a as usize) {
                    *c += 1;
                }
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::NodeKey;
    use crate::graph::tests::graph_of;

    const ONE: &str = "Visit\n\nBeijing welcomed the move by Japan.\n";
    const TWO: &str = "Reply\n\nChina rejected the claims made by Germany.\n";

    #[test]
    fn removing_an_article_gives_the_graph_of_the_others() {
        let both = graph_of(&[ONE, TWO]);
        let second = graph_of(&[TWO]);
        let without = both.without_article(ArticleId(0)).expect("there is one");
        assert!(without.revision() > both.revision());
        let keys = |g: &NewsGraph| -> Vec<(NodeKey, u32)> {
            g.nodes_sorted()
                .iter()
                .map(|n| (n.key.clone(), n.mentions))
                .collect()
        };
        assert_eq!(keys(&without), keys(&second));
        assert_eq!(without.articles().len(), 1);
        assert_eq!(without.articles()[0].title, "Reply");
        assert!(both.without_article(ArticleId(2)).is_none());
    }

    #[test]
    fn the_same_content_is_recognised_and_nodes_are_counted_per_article() {
        let g = graph_of(&[ONE, TWO]);
        let text = g.articles()[1].text.clone();
        assert_eq!(g.article_with_content(&text), Some(ArticleId(1)));
        assert_eq!(g.article_with_content("Something else"), None);
        let counts = g.nodes_per_article();
        assert_eq!(counts.len(), 2);
        assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
        let cleared = g.cleared();
        assert_eq!(cleared.node_count(), 0);
        assert!(cleared.revision() > g.revision());
    }
}
