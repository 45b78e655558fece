//! "…, the party leader said. He went on to …": a "he" or "she" going on from a sentence
//! about someone a description names stands for whom that description stands for.

use crate::extract::actors::{Found, Hit};
use crate::extract::events::arguments::SentenceResolver;
use crate::extract::tokenize::TokenKind;

impl SentenceResolver<'_, '_, '_, '_> {
    /// The person sentence `s` is about when a description names them: one it gives its
    /// words to after a comma or a closing quotation mark ("…, the Tory leader said.", "'…,'
    /// the minister told reporters.") or one it opens with ("The party leader also attacked
    /// …"). That is the one person of the article given the description's role so far (see
    /// [`Self::one_holder`]), as one of `fits`. None when the sentence has no such
    /// description, or it fits no one person.
    pub(in crate::extract::events::arguments) fn described_speaker(
        &self,
        s: usize,
        fits: &dyn Fn(&&&Hit) -> bool,
    ) -> Option<&Hit> {
        let doc = self.base.doc;
        let range = doc.sentences[s].tokens.clone();
        let tokens = &doc.tokens[range.clone()];
        let text = |k: usize| doc.text.get(tokens[k].span.clone()).unwrap_or("");
        let words_of = |from: usize, to: usize| {
            (from..to)
                .map(|m| text(m).to_lowercase())
                .collect::<Vec<_>>()
        };
        // The person the actor stage found in words `from..to` ("the Tory leader" it took
        // for the party's leader named before).
        let person_in = |from: usize, to: usize| {
            self.base.by_sentence[s].iter().copied().find(|h| {
                matches!(h.found, Found::Person { .. })
                    && (from..to).any(|m| h.tokens.contains(&(range.start + m)))
            })
        };
        let plain = |from: usize, to: usize| {
            to > from && (from..to).all(|m| tokens[m].kind == TokenKind::Word)
        };
        // "…, the party leader said": the words between "the" and a reporting verb.
        let spoken = (1..tokens.len()).find_map(|k| {
            if !matches!(text(k - 1), "," | "\"" | "\u{201d}")
                || !text(k).eq_ignore_ascii_case("the")
            {
                return None;
            }
            let end = (k + 1..tokens.len().min(k + 6))
                .find(|&m| self.rules.has("reporting_verbs", text(m)))?;
            plain(k + 1, end).then_some((k, end))
        });
        // "The party leader also attacked …": a sentence opening with a description, the
        // longest run of its first words that is a role.
        let opening = || {
            let k = (0..tokens.len()).find(|&k| tokens[k].kind == TokenKind::Word)?;
            if !text(k).eq_ignore_ascii_case("the") {
                return None;
            }
            (k + 2..tokens.len().min(k + 6))
                .rev()
                .find(|&end| {
                    plain(k + 1, end)
                        && (person_in(k + 1, end).is_some()
                            || self.one_holder(&words_of(k + 1, end), s).is_some())
                })
                .map(|end| (k, end))
        };
        let (k, end) = spoken.or_else(opening)?;
        if let Some(hit) = person_in(k + 1, end) {
            return fits(&&hit).then_some(hit);
        }
        let key = self.one_holder(&words_of(k + 1, end), s)?;
        (0..=s).rev().find_map(|p| {
            self.base.by_sentence[p]
                .iter()
                .filter(fits)
                .find(|h| h.key == key)
                .copied()
        })
    }

    /// The one person of the article given the role `words` (lower case) by sentence `s`:
    /// the whole words, or their last word when no role is the whole of them ("the party
    /// leader" for a "Labour Party Leader").
    fn one_holder(&self, words: &[String], s: usize) -> Option<&str> {
        let phrase = words.join(" ");
        let head = words.last()?.as_str();
        let lists: Vec<&Vec<(usize, &str)>> = match self.base.roles.get(&phrase) {
            Some(list) => vec![list],
            None => self
                .base
                .roles
                .iter()
                .filter(|(role, _)| {
                    role.rsplit(' ').next() == Some(head) && !self.base.qualified.contains(*role)
                })
                .map(|(_, list)| list)
                .collect(),
        };
        let mut holders: Vec<&str> = Vec::new();
        for &(sentence, key) in lists.into_iter().flatten() {
            if sentence <= s && !holders.contains(&key) {
                holders.push(key);
            }
        }
        match holders.as_slice() {
            [key] => Some(key),
            _ => None,
        }
    }
}
