//! "Police are investigating the leaflet", "the security services and police backed his
//! measures": the police of no named country are the home country's, as "the government"
//! and "ministers" are.

use std::ops::Range;

use crate::extract::events::arguments::SentenceResolver;

impl SentenceResolver<'_, '_, '_, '_> {
    /// For a police noun `w` (`home_force_nouns`, one word or a modifier and a word:
    /// "police", "security services") that nothing qualifies (no adjective, name, possessive,
    /// "of" or "in" phrase, and no determiner but "the"), the country the article's actors
    /// belong to. None when the article has no home country.
    pub(in crate::extract::events::arguments) fn home_force(
        &self,
        w: usize,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let tree = self.tree;
        if self.hit_of_word[w].is_some() {
            return None;
        }
        let word = tree.lower[w].as_ref();
        let mut two = None;
        for &c in &tree.children[w] {
            match tree.parse.words[c].deprel.name() {
                "det" if tree.lower[c] == "the" => {}
                "compound" | "amod" if c + 1 == w && two.is_none() => two = Some(c),
                "amod" | "compound" | "nmod:poss" | "nmod" | "flat" | "appos" | "det"
                | "nummod" => return None,
                _ => {}
            }
        }
        let listed = match two {
            Some(c) => {
                self.hit_of_word[c].is_none()
                    && self
                        .rules
                        .has("home_force_nouns", &format!("{} {word}", tree.lower[c]))
            }
            None => self.rules.has("home_force_nouns", word),
        };
        if !listed {
            return None;
        }
        let span = tree.parse.words[two.unwrap_or(w)].span.start..tree.parse.words[w].span.end;
        self.base.home.clone().map(|key| vec![(key, span)])
    }
}
