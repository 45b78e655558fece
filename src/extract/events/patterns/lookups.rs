//! Look-ups made once from the argument patterns and word lists when they load, for the
//! reader's hot paths: which patterns a trigger may read, which patterns read no capitals,
//! where an idiom may start, and the approximations split into words.

use super::{ArgumentRules, Pattern, WordLists};
use crate::extract::lexicon::shape_bit;
use crate::extract::parse::Upos;
use crate::extract::plover::Plover;

/// What [`ArgumentRules`] prepares from its patterns and lists.
#[derive(Debug, Clone, Default)]
pub(super) struct Lookups {
    /// For each category and part of speech of a trigger word, the patterns (indices, in
    /// order) whose category and part-of-speech tests it passes: a trigger reads these, not
    /// all the patterns ([`ArgumentRules::patterns_for`]).
    by_trigger: Vec<Vec<usize>>,
    /// The ids of the patterns marked `not_capitals` ([`ArgumentRules::reads_no_capitals`]).
    not_capitals: Vec<String>,
    /// One bit for the length and first byte of each idiom's first word ([`shape_bit`]): a
    /// word whose bit is clear opens none ([`ArgumentRules::idioms_at`]).
    idiom_starts: u64,
    /// The list `unparsed_approximators` split into words, in the order
    /// [`ArgumentRules::list`] gives it: split once here, not for every number of every
    /// parsed sentence.
    approximators: Vec<Vec<String>>,
}

impl Lookups {
    /// The look-ups of `patterns`, `lists` and the idioms (split from `lists`).
    pub(super) fn new(patterns: &[Pattern], lists: &WordLists, idioms: &[Vec<String>]) -> Self {
        Self {
            by_trigger: index_by_trigger(patterns),
            not_capitals: (patterns.iter().filter(|p| p.not_capitals))
                .map(|p| p.id.clone())
                .collect(),
            idiom_starts: first_word_shapes(idioms),
            approximators: split(lists, "unparsed_approximators"),
        }
    }
}

impl ArgumentRules {
    /// The patterns a trigger word of `category` tagged `pos` may read, in order: the others
    /// fail its category or part-of-speech test ([`Pattern::applies_to`], `pos`).
    pub fn patterns_for(&self, category: Plover, pos: Upos) -> impl Iterator<Item = &Pattern> {
        self.lookups
            .by_trigger
            .get(trigger_slot(category, pos))
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i])
    }

    /// The idioms that may start at the lower-case `word`: none when no idiom's first word
    /// has its length and first byte, else all of them, in order.
    pub fn idioms_at(&self, word: &str) -> &[Vec<String>] {
        let first = word.bytes().next().unwrap_or(0);
        if self.lookups.idiom_starts & shape_bit(word.len(), first) == 0 {
            return &[];
        }
        &self.idioms
    }

    /// Whether the pattern `id` is marked `not_capitals` (a capital it reaches names a place).
    pub fn reads_no_capitals(&self, id: &str) -> bool {
        self.lookups.not_capitals.iter().any(|p| p == id)
    }

    /// The list `unparsed_approximators` split into words, in the order [`Self::list`] gives it.
    pub fn approximators(&self) -> &[Vec<String>] {
        &self.lookups.approximators
    }
}

/// The hash of the word lists' names ([`super::WordLists`]): the name's length and its first
/// and last eight bytes (the whole name when shorter), in one multiplication. The names are
/// the file's own and few, so two that share all three only cost a comparison more; the words
/// of a list are hashed with the lexicons' word hash, which reads every byte.
#[derive(Debug, Clone, Copy, Default)]
pub struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        // The multiplication's best bits are its high ones; the table indexes by the low.
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let (head, tail) = if n >= 8 {
            let word = |at: usize| {
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes[at..at + 8]);
                u64::from_le_bytes(w)
            };
            (word(0), word(n - 8))
        } else {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(bytes);
            (u64::from_le_bytes(w), 0)
        };
        self.0 =
            (self.0 ^ head ^ tail.rotate_left(31) ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_u8(&mut self, _: u8) {
        // The end mark a string's hash adds: the length is in the hash already.
    }
}

/// The phrases of the list `name` split into words, in the order the list gives them.
pub(super) fn split(lists: &WordLists, name: &str) -> Vec<Vec<String>> {
    (lists.get(name).into_iter().flatten())
        .map(|p| p.split(' ').map(str::to_owned).collect())
        .collect()
}

/// One bit for the length and first byte of each phrase's first word ([`shape_bit`]).
fn first_word_shapes(phrases: &[Vec<String>]) -> u64 {
    phrases.iter().filter_map(|p| p.first()).fold(0, |bits, w| {
        bits | shape_bit(w.len(), w.bytes().next().unwrap_or(0))
    })
}

/// The slot of a trigger's category and part of speech in [`ArgumentRules::patterns_for`]'s
/// index.
fn trigger_slot(category: Plover, pos: Upos) -> usize {
    category as usize * Upos::COUNT + pos as usize
}

/// [`ArgumentRules::patterns_for`]'s index: for every category and part of speech, the
/// patterns whose category test (any kind) and part-of-speech test a trigger so tagged passes.
fn index_by_trigger(patterns: &[Pattern]) -> Vec<Vec<usize>> {
    let mut index = vec![Vec::new(); Plover::ALL.len() * Upos::COUNT];
    for category in Plover::ALL {
        for pos in Upos::ALL {
            index[trigger_slot(category, pos)] = (0..patterns.len())
                .filter(|&i| {
                    let p = &patterns[i];
                    (p.categories.is_empty() || p.categories.contains(&category))
                        && !p.not_categories.contains(&category)
                        && (p.pos.is_empty() || p.pos.contains(&pos))
                })
                .collect();
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::super::tests::EMBEDDED;
    use super::*;

    #[test]
    fn the_approximators_are_their_list_split_and_idioms_start_where_one_does() {
        let rules = ArgumentRules::from_json(EMBEDDED).expect("valid");
        let split = &rules.idioms;
        let approximators: Vec<Vec<String>> = rules
            .list("unparsed_approximators")
            .map(|p| p.split(' ').map(str::to_owned).collect())
            .collect();
        assert_eq!(rules.approximators(), approximators);
        // Every word that opens an idiom is let through, and all the idioms with it.
        for words in split {
            assert_eq!(rules.idioms_at(&words[0]), rules.idioms.as_slice());
        }
        // Words whose length and first byte no idiom's first word has are turned away (the
        // filter has 64 bits, so a few others get through and are compared in full).
        let others = [
            "ministers",
            "talks",
            "said",
            "Norway",
            "demanded",
            "a",
            "peace",
        ];
        assert!(others.iter().any(|w| rules.idioms_at(w).is_empty()));
    }

    #[test]
    fn every_list_is_found_by_its_name_and_names_alike_apart() {
        let rules = ArgumentRules::from_json(EMBEDDED).expect("valid");
        for (name, list) in &rules.lists {
            let found = rules.lists.get(name.as_str()).expect("found by its name");
            assert!(std::ptr::eq(found, list), "{name}");
        }
        // Names with the same length, first and last eight bytes hash alike and are told
        // apart by the comparison; a short name is hashed whole.
        let mut lists = WordLists::default();
        for name in ["reporting_x_verbs", "reporting_y_verbs", "verbs", "verb"] {
            lists.insert(name.to_owned(), [name.to_owned()].into_iter().collect());
        }
        for name in ["reporting_x_verbs", "reporting_y_verbs", "verbs", "verb"] {
            assert!(lists[name].contains(name), "{name}");
        }
        assert!(!lists.contains_key("reporting_z_verbs") && !lists.contains_key("verbz"));
    }

    #[test]
    fn a_trigger_reads_the_patterns_whose_category_and_tag_tests_it_passes() {
        let rules = ArgumentRules::from_json(EMBEDDED).expect("valid");
        let mut kinds: Vec<&str> = (rules.patterns.iter())
            .flat_map(|p| p.kinds.iter().chain(&p.not_kinds))
            .map(String::as_str)
            .collect();
        kinds.push("");
        // For any trigger, the patterns that apply are the same read from the index or from
        // the whole list, in the same order.
        for category in Plover::ALL {
            for pos in Upos::ALL {
                for &kind in &kinds {
                    let applies = |p: &&Pattern| {
                        p.applies_to(category, kind) && (p.pos.is_empty() || p.pos.contains(&pos))
                    };
                    let indexed: Vec<&str> = (rules.patterns_for(category, pos))
                        .filter(applies)
                        .map(|p| p.id.as_str())
                        .collect();
                    let all: Vec<&str> = (rules.patterns.iter())
                        .filter(applies)
                        .map(|p| p.id.as_str())
                        .collect();
                    assert_eq!(indexed, all, "{category:?} {pos:?} {kind}");
                }
            }
        }
        let marked = rules.patterns.iter().find(|p| p.not_capitals);
        assert!(rules.reads_no_capitals(&marked.expect("a pattern is marked").id));
        assert!(!rules.reads_no_capitals("passive-agent"));
    }
}
