//! The parser's state templates that read tags alone (and one a distance): their transition
//! rows laid out in dense blocks indexed by the tag values, so a state reads them without
//! hashing a key or probing the hashed table.
//!
//! Sixteen of the forty templates of [`super::features::parse_state_features`] read nothing
//! but tags (19 values: the tags, [`NONE_TAG`], [`ROOT_TAG`]) and at most a distance (8
//! values). Each such template's rows for every value of its parts are looked up once, when
//! the model is finished, in the hashed table the other templates read; a missing key keeps
//! a row of zeros, as the table adds nothing for it. A state then adds those rows by index
//! ([`split_state_features`]), and the sums are the same integers: the same rows, added in
//! 32-bit sums in another order. Some 0.7 MB, against the table's 6.3 MB read at random.
//! Three more (26–28) read two tags and a label, or a tag and two labels (58 values: the
//! labels and none yet): 105,792 rows more, 0.85 MB (speed40).

use super::features::{
    LABEL_FEATURES, NONE_TAG, Positions, ROOT_TAG, StateView, TAG_VALUES, key, label_features,
};
use super::table::Table;
use super::transition::State;
use super::{Deprel, Parser};

/// Number of distance values a template reads (0–6, and 7 when a position is missing).
const DISTANCES: usize = 8;

/// Number of label values a template reads: the labels, and the last for no arc yet
/// (`u8::MAX`, [`State::label`]).
const LABELS: usize = Deprel::COUNT + 1;

const _: () = assert!(LABELS != T && LABELS != DISTANCES);

/// The key part of the value `v` of a part with `radix` values: a label part's last value
/// stands for `u8::MAX` (no arc yet).
fn part_value(v: usize, radix: usize) -> u64 {
    if radix == LABELS && v == LABELS - 1 {
        u64::from(u8::MAX)
    } else {
        v as u64
    }
}

/// The index of label `l` among a label part's values (the last for `u8::MAX`).
#[inline]
fn label_value(l: u64) -> u64 {
    debug_assert!(l < Deprel::COUNT as u64 || l == u64::from(u8::MAX));
    l.min(LABELS as u64 - 1)
}

/// A dense template: its id (as [`key`] reads it) and the number of values of each part.
struct Template {
    id: u8,
    radix: &'static [usize],
}

const T: usize = TAG_VALUES;

/// The dense templates, in the order of [`split_state_features`]'s indices.
const TEMPLATES: [Template; DENSE_FEATURES] = [
    Template {
        id: 17,
        radix: &[T, T],
    },
    Template {
        id: 18,
        radix: &[T, T],
    },
    Template {
        id: 21,
        radix: &[T, T, T],
    },
    Template {
        id: 22,
        radix: &[T, T, T],
    },
    Template {
        id: 23,
        radix: &[T, T, T],
    },
    Template {
        id: 24,
        radix: &[T, T, T],
    },
    Template {
        id: 25,
        radix: &[T, T, T],
    },
    Template {
        id: 26,
        radix: &[T, T, LABELS],
    },
    Template {
        id: 27,
        radix: &[T, LABELS, LABELS],
    },
    Template {
        id: 28,
        radix: &[T, T, LABELS],
    },
    Template {
        id: 29,
        radix: &[T, T, DISTANCES],
    },
    Template {
        id: 30,
        radix: &[T, T, DISTANCES],
    },
    Template {
        id: 37,
        radix: &[T, T, T],
    },
    Template {
        id: 38,
        radix: &[T, T, T],
    },
    Template {
        id: 39,
        radix: &[T, T, T],
    },
    Template {
        id: 40,
        radix: &[T, T, T],
    },
    Template {
        id: 44,
        radix: &[T, T, T],
    },
    Template {
        id: 45,
        radix: &[T, T, T],
    },
    Template {
        id: 46,
        radix: &[T, T, T],
    },
];

/// Number of dense templates.
pub const DENSE_FEATURES: usize = 19;
/// Number of state templates still read through the hashed table.
pub const HASHED_FEATURES: usize = 21;

/// Where each dense template's block starts in [`DenseMoves::rows`].
const fn block_starts() -> [usize; DENSE_FEATURES + 1] {
    let mut starts = [0; DENSE_FEATURES + 1];
    let mut t = 0;
    while t < DENSE_FEATURES {
        let radix = TEMPLATES[t].radix;
        let mut size = 1;
        let mut p = 0;
        while p < radix.len() {
            size *= radix[p];
            p += 1;
        }
        starts[t + 1] = starts[t] + size;
        t += 1;
    }
    starts
}

const STARTS: [usize; DENSE_FEATURES + 1] = block_starts();

/// The dense templates' transition rows (empty: not built; the hashed table is read for all
/// templates, as while a model is trained).
#[derive(Debug, Clone, Default)]
pub struct DenseMoves {
    rows: Vec<[i16; 4]>,
    /// The [`super::Parser`]'s `cache_id` the rows were built for (0: none).
    built_for: u64,
}

impl DenseMoves {
    /// Every dense template's row for every value of its parts, from `moves`.
    pub fn build(moves: &Table<4>, cache_id: u64) -> Self {
        let mut rows = vec![[0i16; 4]; STARTS[DENSE_FEATURES]];
        for (t, template) in TEMPLATES.iter().enumerate() {
            let mut parts = vec![0u64; template.radix.len()];
            for i in 0..STARTS[t + 1] - STARTS[t] {
                // Part values from the index, the last part varying fastest.
                let mut rest = i;
                for (p, &r) in parts.iter_mut().zip(template.radix).rev() {
                    *p = part_value(rest % r, r);
                    rest /= r;
                }
                let mut sums = [0i32; 4];
                moves.add_scores(&[key(template.id, &parts)], &mut sums);
                rows[STARTS[t] + i] = sums.map(|s| i16::try_from(s).unwrap_or(0));
            }
        }
        Self {
            rows,
            built_for: cache_id,
        }
    }

    /// Whether the rows were built for the model with `cache_id` (never for 0, a model
    /// being trained).
    pub fn is_built_for(&self, cache_id: u64) -> bool {
        cache_id != 0 && self.built_for == cache_id
    }

    /// Adds the rows at `indices` ([`split_state_features`]) to `scores`.
    #[inline]
    pub fn add_scores(&self, indices: &[u32; DENSE_FEATURES], scores: &mut [i32; 4]) {
        for &i in indices {
            if let Some(row) = self.rows.get(i as usize) {
                for (s, &v) in scores.iter_mut().zip(row) {
                    *s += i32::from(v);
                }
            }
        }
    }
}

/// The state's keys of the templates the dense rows do not hold, in the order of
/// [`super::features::parse_state_features`], and the indices of the dense templates' rows.
#[allow(
    clippy::similar_names,
    reason = "positions named as in the parsing literature (s0, s1, b0)"
)]
pub fn split_state_features(
    state: &State,
    at: &Positions,
) -> ([u64; HASHED_FEATURES], [u32; DENSE_FEATURES]) {
    let StateView {
        s0,
        s1,
        b0,
        s0w,
        s0p,
        s1w,
        s1p,
        s2p,
        b0w,
        b0p,
        b1w,
        b1p,
        b2p,
        s0lcw,
        s0lcp,
        s0rcw,
        s0rcp,
        b0lcw,
        b0lcp,
        s1rcp,
        s0lc2p,
        s0rc2p,
        b0lc2p,
        b0lc_label,
        s0lc_label,
        s0rc_label,
        s1rc_label,
        d_s0b0,
        d_s1s0,
        s0l,
        s0r,
        b0l,
    } = StateView::read(state, at);
    let c = |x: u16, level: usize| at.of(x).class[level];
    let hashed = [
        key(14, &[s0w, b0w]),
        key(15, &[s0w, s0p, b0p]),
        key(16, &[s0p, b0w, b0p]),
        key(19, &[s1w, s1p, s0p]),
        key(20, &[s1p, s0w, s0p]),
        key(31, &[s0w, s0l, s0r]),
        key(32, &[b0w, b0l]),
        key(33, &[s0w, s0p, b0w, b0p]),
        key(34, &[s1w, s0w]),
        key(35, &[b0w, b1w]),
        key(36, &[b0w, b0p, b1p]),
        key(41, &[s0p, s0lcw]),
        key(42, &[s0p, s0rcw]),
        key(43, &[b0p, b0lcw]),
        key(47, &[s0w, b0w, d_s0b0]),
        key(52, &[c(s0, 2), c(b0, 2)]),
        key(53, &[s0p, c(b0, 0)]),
        key(54, &[c(s0, 0), b0p]),
        key(55, &[c(s0, 1), s0p, c(b0, 1), b0p]),
        key(56, &[c(s1, 2), c(s0, 2)]),
        key(57, &[c(b0, 1), b0p, b1p]),
    ];
    debug_assert!(
        [s0p, s1p, s2p, b0p, b1p, b2p, s0lcp, s0rcp, b0lcp, s1rcp]
            .iter()
            .all(|&t| t < TAG_VALUES as u64)
    );
    let t = TAG_VALUES as u64;
    let two = |a: u64, b: u64| a * t + b;
    let three = |a: u64, b: u64, c: u64| (a * t + b) * t + c;
    let dist = |a: u64, b: u64, d: u64| (a * t + b) * DISTANCES as u64 + d;
    let l = LABELS as u64;
    let (b0lc_label, s0lc_label, s0rc_label, s1rc_label) = (
        label_value(b0lc_label),
        label_value(s0lc_label),
        label_value(s0rc_label),
        label_value(s1rc_label),
    );
    let within = [
        two(s0p, b0p),
        two(s1p, s0p),
        three(s0p, b0p, b1p),
        three(s1p, s0p, b0p),
        three(b0p, b1p, b2p),
        three(s2p, s1p, s0p),
        three(s0p, s0lcp, s0rcp),
        (b0p * t + b0lcp) * l + b0lc_label,
        (s0p * l + s0lc_label) * l + s0rc_label,
        (s1p * t + s1rcp) * l + s1rc_label,
        dist(s0p, b0p, d_s0b0),
        dist(s1p, s0p, d_s1s0),
        three(s0p, s0lcp, b0p),
        three(s0p, s0rcp, b0p),
        three(s0p, b0p, b0lcp),
        three(s1p, s1rcp, s0p),
        three(s0p, s0lcp, s0lc2p),
        three(s0p, s0rcp, s0rc2p),
        three(b0p, b0lcp, b0lc2p),
    ];
    let mut dense = [0u32; DENSE_FEATURES];
    for ((d, w), start) in dense.iter_mut().zip(within).zip(STARTS) {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "below the blocks' 0.2 million rows"
        )]
        let i = (start as u64 + w) as u32;
        *d = i;
    }
    (hashed, dense)
}

const _: () = assert!(NONE_TAG < ROOT_TAG && (ROOT_TAG as usize) < TAG_VALUES);

/// The labeller's templates that read the two tags and the direction alone (1: the
/// dependent's tag, 4: the head's, 6: both with the direction), summed by (dependent's tag,
/// head's tag, direction): 722 rows, 165 KB. An arc adds one such row and reads its other 20
/// keys from the table; the sums are the same integers.
#[derive(Debug, Clone, Default)]
pub struct DenseLabels {
    rows: Vec<[i32; Deprel::COUNT]>,
    /// The parser's `cache_id` the rows were built for (0: none).
    built_for: u64,
}

/// Where the keys of templates 1, 4 and 6 stand in [`label_features`]'s list.
const LABEL_DENSE: [usize; 3] = [1, 4, 6];

impl DenseLabels {
    /// The rows of `labels` for every (dependent's tag, head's tag, direction).
    pub fn build(labels: &Table<{ Deprel::COUNT }, 1>, cache_id: u64) -> Self {
        let mut rows = Vec::with_capacity(T * T * 2);
        for dp in 0..T as u64 {
            for hp in 0..T as u64 {
                for dir in 0..2 {
                    let mut sums = [0i32; Deprel::COUNT];
                    labels.add_scores(
                        &[key(1, &[dp]), key(4, &[hp]), key(6, &[dp, hp, dir])],
                        &mut sums,
                    );
                    rows.push(sums);
                }
            }
        }
        Self {
            rows,
            built_for: cache_id,
        }
    }

    /// Whether the rows were built for the model with `cache_id` (never for 0).
    pub fn is_built_for(&self, cache_id: u64) -> bool {
        cache_id != 0 && self.built_for == cache_id
    }
}

impl Parser {
    /// The labeller's scores of the arc from `head` to `dep` (its keys written to `feats`),
    /// through [`DenseLabels`] when they were built for this model.
    #[inline]
    pub(super) fn label_scores(
        &self,
        state: &State,
        at: &Positions,
        (head, dep): (u16, u16),
        feats: &mut [u64; LABEL_FEATURES],
    ) -> [i32; Deprel::COUNT] {
        label_features(state, at, head, dep, feats);
        if !self.dense_labels.is_built_for(self.cache_id) {
            return self.labels.scores(feats);
        }
        let mut rest = [0u64; LABEL_FEATURES - LABEL_DENSE.len()];
        let mut r = 0;
        for (k, &f) in feats.iter().enumerate() {
            if !LABEL_DENSE.contains(&k) {
                rest[r] = f;
                r += 1;
            }
        }
        let mut scores = self.labels.scores(&rest);
        let (dp, hp) = (at.of(dep).tag, at.of(head).tag);
        #[allow(clippy::cast_possible_truncation, reason = "tags below TAG_VALUES")]
        let i = ((dp * T as u64 + hp) * 2 + u64::from(head < dep)) as usize;
        if let Some(row) = self.dense_labels.rows.get(i) {
            for (s, &v) in scores.iter_mut().zip(row) {
                *s += v;
            }
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clusters::WordClasses;
    use crate::extract::parse::Parser;
    use crate::extract::parse::features::{WordInfo, parse_state_features};
    use crate::extract::parse::model::best;

    /// At every state of greedy parses (each move taken in turn, so states of every shape
    /// are seen, arcs labelled in turn with every label), the dense rows and the hashed rest
    /// add up to the hashed table's sums.
    #[test]
    fn the_dense_rows_and_the_rest_sum_as_the_table_does() {
        let parser = Parser::embedded();
        assert!(parser.dense.is_built_for(parser.cache_id));
        let classes = WordClasses::embedded();
        let mut scratch = String::new();
        let mut states = 0;
        for sentence in [
            "Norway sent two ships to Chile on Monday , officials said .",
            "Ana Ruiz , the minister , told reporters that Peru would not sign the deal .",
            "They met .",
        ] {
            let words: Vec<&str> = sentence.split(' ').collect();
            let info: Vec<WordInfo> = words
                .iter()
                .map(|w| WordInfo::new(w, &classes, &mut scratch))
                .collect();
            let (upos, _, _) = parser.parse_words(&words);
            let tags: Vec<u8> = upos
                .iter()
                .map(|u| u8::try_from(u.index()).unwrap())
                .collect();
            let at = Positions::new(&info, &tags);
            for first_choice in 0..3 {
                let mut state = State::default();
                state.reset(words.len());
                while !state.is_terminal() {
                    let mut full = [0i32; 4];
                    parser
                        .moves
                        .add_scores(&parse_state_features(&state, &at), &mut full);
                    let (hashed, dense) = split_state_features(&state, &at);
                    let mut split = [0i32; 4];
                    parser.dense.add_scores(&dense, &mut split);
                    parser.moves.add_scores(&hashed, &mut split);
                    assert_eq!(full, split);
                    states += 1;
                    let t = if state.valid(first_choice) {
                        first_choice
                    } else {
                        best(&full, |c| c < 3 && state.valid(c))
                    };
                    // Labels of every value, so the blocks with a label part are read
                    // at many of their values.
                    state.apply(t, u8::try_from(states % Deprel::COUNT).unwrap());
                }
            }
        }
        assert!(states > 60);
    }

    /// For arcs between every two words of a sentence, in both directions and under every
    /// pair of tags, the dense row and the other keys sum as the table does for all keys.
    #[test]
    fn the_label_rows_and_the_rest_sum_as_the_table_does() {
        let parser = Parser::embedded();
        assert!(parser.dense_labels.is_built_for(parser.cache_id));
        let classes = WordClasses::embedded();
        let mut scratch = String::new();
        let words = ["Chile", "recalled", "its", "envoy", "from", "Peru", "."];
        let info: Vec<WordInfo> = words
            .iter()
            .map(|w| WordInfo::new(w, &classes, &mut scratch))
            .collect();
        let mut state = State::default();
        state.reset(words.len());
        let n = u16::try_from(words.len()).unwrap();
        for shift in 0..T {
            let tags: Vec<u8> = (0..words.len())
                .map(|j| u8::try_from((j * 5 + shift) % T).unwrap())
                .collect();
            let at = Positions::new(&info, &tags);
            for head in 0..=n {
                for dep in (0..n).filter(|&d| d != head) {
                    let mut feats = [0u64; LABEL_FEATURES];
                    let split = parser.label_scores(&state, &at, (head, dep), &mut feats);
                    assert_eq!(split, parser.labels.scores(&feats));
                }
            }
        }
    }
}
