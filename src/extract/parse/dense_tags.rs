//! The tagger's context templates that read tags alone, summed in dense blocks indexed by
//! the tags, so tagging a word reads them without hashing keys or probing the hashed tables.
//!
//! Both passes read the tags given to the two words before (templates 6 and 7); the second
//! pass also the first pass's tags of the next two words (100, 101) and the word before's
//! with the next word's (102). Each block holds, for every value of its tags, the sum of its
//! templates' rows, looked up once when the model is finished; a missing key adds nothing,
//! as in the table. A word then adds one block row for the first pass and three for the
//! second, in place of two and five look-ups; the sums are the same integers, added in
//! another order. The rest of the keys ([`pair_rest`]) are read from the tables as before.

use super::Upos;
use super::features::{NONE_TAG, TAG_VALUES, WordInfo, key};
use super::table::Table;

/// A block row: a sum of weight rows, one per tag.
type Row = [i32; Upos::COUNT];

/// Number of context keys of the tagger that a word still reads from the tables.
pub const PAIR_REST: usize = 6;

/// The blocks of [`DenseTags`], each [`TAG_VALUES`]² rows.
#[derive(Debug, Clone, Default)]
pub struct DenseTags {
    /// First pass: templates 6 and 7 by (two before, one before).
    before: Vec<Row>,
    /// Second pass: templates 6 and 7 by (two before, one before).
    before2: Vec<Row>,
    /// Second pass: templates 100 and 102 by (one before, next).
    around2: Vec<Row>,
    /// Second pass: template 101 by (next, the one after).
    after2: Vec<Row>,
    /// The parser's `cache_id` the blocks were built for (0: none).
    built_for: u64,
}

const T: usize = TAG_VALUES;

/// The block of `TAG_VALUES`² rows, row `a * T + b` the sum of `keys(a, b)`'s rows.
fn block<const K: usize>(
    table: &Table<{ Upos::COUNT }>,
    keys: impl Fn(u64, u64) -> [u64; K],
) -> Vec<Row> {
    let mut rows = Vec::with_capacity(T * T);
    for a in 0..T as u64 {
        for b in 0..T as u64 {
            let mut sums = [0i32; Upos::COUNT];
            table.add_scores(&keys(a, b), &mut sums);
            rows.push(sums);
        }
    }
    rows
}

impl DenseTags {
    /// The blocks of the two tagger tables (`second` empty: one pass).
    pub fn build(
        first: &Table<{ Upos::COUNT }>,
        second: &Table<{ Upos::COUNT }>,
        cache_id: u64,
    ) -> Self {
        let pair = |p2, p1| [key(6, &[p1]), key(7, &[p2, p1])];
        Self {
            before: block(first, pair),
            before2: block(second, pair),
            around2: block(second, |p1, n1| [key(100, &[n1]), key(102, &[p1, n1])]),
            after2: block(second, |n1, n2| [key(101, &[n1, n2])]),
            built_for: cache_id,
        }
    }

    /// Whether the blocks were built for the model with `cache_id` (never for 0, a model
    /// being trained).
    pub fn is_built_for(&self, cache_id: u64) -> bool {
        cache_id != 0 && self.built_for == cache_id
    }

    /// Adds the first pass's block row for word `i` given the tags before it.
    #[inline]
    pub fn add_first(&self, tags: &[u8], i: usize, scores: &mut Row) {
        let (p2, p1) = before(tags, i);
        add(&self.before, p2 * T + p1, scores);
    }

    /// Adds the second pass's block rows for word `i` given the tags before it and the
    /// first pass's tags (`first`).
    #[inline]
    pub fn add_second(&self, tags: &[u8], first: &[u8], i: usize, scores: &mut Row) {
        let (p2, p1) = before(tags, i);
        let tag = |j: usize| usize::from(first.get(j).copied().unwrap_or(NONE_TAG));
        let (n1, n2) = (tag(i + 1), tag(i + 2));
        add(&self.before2, p2 * T + p1, scores);
        add(&self.around2, p1 * T + n1, scores);
        add(&self.after2, n1 * T + n2, scores);
    }
}

/// The tags of the two words before word `i` ([`NONE_TAG`] before the first).
#[inline]
fn before(tags: &[u8], i: usize) -> (usize, usize) {
    let tag =
        |j: Option<usize>| usize::from(j.and_then(|j| tags.get(j)).copied().unwrap_or(NONE_TAG));
    (tag(i.checked_sub(2)), tag(i.checked_sub(1)))
}

#[inline]
fn add(block: &[Row], at: usize, scores: &mut Row) {
    if let Some(row) = block.get(at) {
        for (s, &v) in scores.iter_mut().zip(row) {
            *s += v;
        }
    }
}

/// The keys of [`super::features::tag_pair_features`] that read a word, in its order
/// (templates 14, 16, 18, 19, 20, 26).
#[inline]
pub fn pair_rest(words: &[WordInfo], tags: &[u8], i: usize) -> [u64; PAIR_REST] {
    let at = |j: Option<usize>| j.and_then(|j| words.get(j)).unwrap_or(&WordInfo::NONE);
    let (w, prev, next) = (at(Some(i)), at(i.checked_sub(1)), at(i.checked_add(1)));
    let p1 = u64::from(
        i.checked_sub(1)
            .and_then(|j| tags.get(j))
            .copied()
            .unwrap_or(NONE_TAG),
    );
    [
        key(14, &[p1, w.form]),
        key(16, &[next.shape, w.shape]),
        key(18, &[prev.form, w.form]),
        key(19, &[w.form, next.form]),
        key(20, &[p1, next.form]),
        key(26, &[p1, w.class[1]]),
    ]
}

/// The key of [`super::features::tag2_first_pass_features`] that reads a word: template 103,
/// word `i` with the first pass's tag of the next word.
#[inline]
pub fn word_next_key(words: &[WordInfo], first: &[u8], i: usize) -> u64 {
    let n1 = u64::from(first.get(i + 1).copied().unwrap_or(NONE_TAG));
    key(103, &[words.get(i).unwrap_or(&WordInfo::NONE).form, n1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clusters::WordClasses;
    use crate::extract::parse::Parser;
    use crate::extract::parse::features::{tag_pair_features, tag2_first_pass_features};

    /// For every word of a few sentences, under tags of every value before and after it,
    /// the blocks and the rest of the keys add up to what the tables give for all the keys.
    #[test]
    fn the_blocks_and_the_rest_sum_as_the_tables_do() {
        let parser = Parser::embedded();
        assert!(parser.dense_tags.is_built_for(parser.cache_id));
        assert!(!parser.tagger2.is_empty());
        let dense = &parser.dense_tags;
        let classes = WordClasses::embedded();
        let mut scratch = String::new();
        for sentence in [
            "Norway sent two ships to Chile on Monday , officials said .",
            "Ana Ruiz told reporters that Peru would not sign .",
        ] {
            let words: Vec<WordInfo> = sentence
                .split(' ')
                .map(|w| WordInfo::new(w, &classes, &mut scratch))
                .collect();
            let n = words.len();
            for shift in 0..T {
                // Tags of every value, in turn, at every place (the pass's and the first's).
                let tags: Vec<u8> = (0..n)
                    .map(|j| u8::try_from((j + shift) % T).unwrap())
                    .collect();
                let first: Vec<u8> = (0..n)
                    .map(|j| u8::try_from((j * 7 + shift) % T).unwrap())
                    .collect();
                for i in 0..n {
                    let mut full = [0i32; Upos::COUNT];
                    parser
                        .tagger
                        .add_scores(&tag_pair_features(&words, &tags, i), &mut full);
                    let mut split = [0i32; Upos::COUNT];
                    dense.add_first(&tags, i, &mut split);
                    parser
                        .tagger
                        .add_scores(&pair_rest(&words, &tags, i), &mut split);
                    assert_eq!(full, split);
                    let mut full = [0i32; Upos::COUNT];
                    parser
                        .tagger2
                        .add_scores(&tag_pair_features(&words, &tags, i), &mut full);
                    parser.tagger2.add_scores(
                        &tag2_first_pass_features(&words, &tags, &first, i),
                        &mut full,
                    );
                    let mut split = [0i32; Upos::COUNT];
                    dense.add_second(&tags, &first, i, &mut split);
                    parser
                        .tagger2
                        .add_scores(&pair_rest(&words, &tags, i), &mut split);
                    parser
                        .tagger2
                        .add_scores(&[word_next_key(&words, &first, i)], &mut split);
                    assert_eq!(full, split);
                }
            }
        }
    }
}
