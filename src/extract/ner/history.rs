//! Prediction history (Ratinov and Roth 2009): what the tagger said of the earlier mentions of
//! a capitalized word in the same document, as features of its next mention. "Kent" read as
//! an organization in a results table's first lines leans the later "Kent" the same way.
//!
//! Tagging goes through a document's sentences in order and records each sentence's labels
//! once decoded ([`History::record`]); training does the same with the labels the model of
//! the moment predicts, never the gold ones, so the features mean the same in both.
//!
//! The features are the kind (PER, ORG, LOC, MISC) given to most of the earlier mentions,
//! with whether all of them had it. They form a small fixed set ([`History::all_keys`]), so
//! training gives each a weight whatever its count.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::KeyHasher;
use super::features::{T, hash, hash_with};
use crate::extract::Lexicon;

/// The kinds a label counts as: none (`O`), PER, ORG, LOC, MISC.
const KINDS: usize = 5;

/// How many of the earlier mentions had a kind: all, or most (more than half).
const SHARES: u32 = 2;

/// The kind of label index `label` (`B-X` and `I-X` alike).
fn kind_of(label: usize) -> usize {
    label.div_ceil(2)
}

/// The key a word's mentions are counted under: capitalized words that are no common word
/// ("The", "Government", "Oh" would carry one mistake to every sentence), by their exact form.
pub fn word_key(w: &str, lex: &Lexicon) -> Option<u64> {
    (w.chars().next().is_some_and(char::is_uppercase) && !lex.is_common_word(w))
        .then(|| hash(T::HistoryWord, &[w]))
}

/// The kinds the tagger gave each capitalized word of a document so far.
#[derive(Debug, Default, Clone)]
pub struct History {
    counts: HashMap<u64, [u16; KINDS], BuildHasherDefault<KeyHasher>>,
}

impl History {
    /// The features of a mention of the word of key `word` ([`word_key`]), from its earlier
    /// mentions; none for a word not seen before.
    pub fn keys(&self, word: Option<u64>, mut f: impl FnMut(u64)) {
        let Some(counts) = word.and_then(|w| self.counts.get(&w)) else {
            return;
        };
        let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
        for (kind, &c) in counts.iter().enumerate() {
            let c = u32::from(c);
            // The kinds of names only, and only the one most mentions had.
            if kind == 0 || 2 * c <= total {
                continue;
            }
            let share = u32::from(c != total);
            f(key(kind, share));
        }
    }

    /// Records one sentence's labels: `words` holds each token's [`word_key`].
    pub fn record(&mut self, words: &[Option<u64>], labels: &[usize]) {
        for (word, &label) in words.iter().zip(labels) {
            if let Some(w) = word {
                let counts = self.counts.entry(*w).or_default();
                let c = &mut counts[kind_of(label)];
                *c = c.saturating_add(1);
            }
        }
    }

    /// Every feature key [`Self::keys`] can give.
    pub fn all_keys() -> impl Iterator<Item = u64> {
        (1..KINDS).flat_map(|kind| (0..SHARES).map(move |share| key(kind, share)))
    }
}

fn key(kind: usize, share: u32) -> u64 {
    hash_with(
        T::History,
        &[],
        &[u32::try_from(kind).unwrap_or(u32::MAX), share],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::label_index;

    #[test]
    fn earlier_mentions_give_the_kind_most_of_them_had() {
        let lex = Lexicon::embedded();
        let mut history = History::default();
        let kent = word_key("Kent", &lex);
        assert!(kent.is_some());
        assert!(word_key("kent", &lex).is_none(), "lower case");
        assert!(word_key("The", &lex).is_none(), "a common word");
        let mut seen = Vec::new();
        history.keys(kent, |k| seen.push(k));
        assert!(seen.is_empty(), "no mention before the first");
        let org = label_index("B-ORG");
        let loc = label_index("B-LOC");
        history.record(&[kent, None], &[org, 0]);
        history.keys(kent, |k| seen.push(k));
        assert_eq!(seen, vec![key(2, 0)], "one ORG mention: all ORG");
        history.record(&[kent], &[org]);
        history.record(&[kent], &[loc]);
        seen.clear();
        history.keys(kent, |k| seen.push(k));
        assert_eq!(seen, vec![key(2, 1)], "two ORG, one LOC: most ORG");
        history.record(&[kent, kent], &[0, 0]);
        seen.clear();
        history.keys(kent, |k| seen.push(k));
        assert!(seen.is_empty(), "no kind has most of five");
        let all: Vec<u64> = History::all_keys().collect();
        assert_eq!(all.len(), (KINDS - 1) * SHARES as usize);
        assert!(all.contains(&key(2, 1)));
        assert_eq!(kind_of(label_index("I-MISC")), 4);
    }
}
