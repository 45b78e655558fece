//! The loaded articles as a set: the same content opened again is not merged twice, the
//! bundled welcome example gives way to the user's own articles, and one article can be
//! removed (the graph is rebuilt from the others; nodes keep their places).

use std::collections::HashSet;
use std::sync::Arc;

use super::{EXAMPLE_NAME, Level, NewsgraphApp};
use crate::graph::ArticleId;
use crate::graph::articles::content_hash;
use crate::pipeline::FileResult;

impl NewsgraphApp {
    /// Prepares a finished read for merging: when the graph holds only the bundled example and
    /// the user opened articles of their own, the example goes; articles whose content is
    /// already in the graph (or earlier in the same read) are left out, and the user is told.
    pub(super) fn prepare_merge(&mut self, results: &mut Vec<FileResult>) {
        let own = results
            .iter()
            .any(|r| r.as_ref().is_ok_and(|(a, _)| a.source != EXAMPLE_NAME));
        let only_example = !self.graph.articles().is_empty()
            && self
                .graph
                .articles()
                .iter()
                .all(|a| a.source == EXAMPLE_NAME);
        if own && only_example {
            // The example leaves the graph as extracted too, or merging would bring it back.
            let base = self.edit.history.base().cleared();
            self.edit
                .history
                .replace_base(Arc::make_mut(&mut self.graph), base);
            Arc::make_mut(&mut self.project.articles).clear();
            Arc::make_mut(&mut self.project.extractions).clear();
            self.selected = None;
            self.reader = None;
        }
        let mut seen: HashSet<u64> = HashSet::new();
        let mut again = Vec::new();
        results.retain(|r| {
            let Ok((article, _)) = r else { return true };
            let fresh = seen.insert(content_hash(&article.text))
                && self.graph.article_with_content(&article.text).is_none();
            if !fresh {
                again.push(article.title.clone());
            }
            fresh
        });
        if !again.is_empty() {
            let shown: Vec<String> = again.iter().take(3).map(|t| format!("“{t}”")).collect();
            let more = if again.len() > 3 {
                format!(" and {} more", again.len() - 3)
            } else {
                String::new()
            };
            self.say(
                Level::Info,
                format!(
                    "Already in the graph, so not added again: {}{more}.",
                    shown.join(", ")
                ),
            );
        }
    }

    /// Removes an article: the graph is rebuilt from the others, the layout kept.
    pub(super) fn remove_article(&mut self, id: ArticleId) {
        let Some(title) = self.graph.article(id).map(|a| a.title.clone()) else {
            return;
        };
        // The article leaves the graph as extracted; the corrections are replayed over what
        // is left, so they survive.
        let Some(base) = self.edit.history.base().without_article(id) else {
            return;
        };
        let before = self.graph.node_count();
        self.edit
            .history
            .replace_base(Arc::make_mut(&mut self.graph), base);
        let saved = Arc::make_mut(&mut self.project.articles);
        if (id.0 as usize) < saved.len() {
            saved.remove(id.0 as usize);
        }
        let extractions = Arc::make_mut(&mut self.project.extractions);
        if (id.0 as usize) < extractions.len() {
            extractions.remove(id.0 as usize);
        }
        self.explore.state.filter.article_removed(id.0);
        self.reader = None;
        self.forget_missing_selection();
        self.refresh_fingerprint();
        self.say(
            Level::Info,
            format!(
                "Removed “{title}”: {} nodes fewer, {} left.",
                before.saturating_sub(self.graph.node_count()),
                self.graph.node_count()
            ),
        );
    }
}
