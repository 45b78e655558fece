//! Emission scores at tagging time: the keys of [`super::features`], summed by the word they
//! read. Most of a token's features read one word alone: the word itself (its form, case,
//! shape, affixes, length) or one neighbour (the word or shape before or after it, two before
//! or after). Their scores depend on the word only, so each thread keeps them per word type
//! ([`WordRows`]) and a token adds five rows and looks up only the rest (bigrams, the shape
//! trigram, lexicon classes, flags). Weights are summed as integers, so the order of the sums
//! does not matter and the scores equal those of [`super::NerModel::decode`] exactly (a test
//! holds them equal).
//!
//! The cache belongs to one model ([`super::NerModel`]'s cache id): another model, or one
//! being trained (id 0), never reads its rows. It is bounded ([`KNOWN_WORDS`]) and starts
//! afresh when full.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};

use super::features::{
    DocContext, T, hash, length_class, lexicon_classes_into, prefix, push_lower, shape_into,
    short_shape_into, suffix,
};
use super::table::EmitTable;
use super::{KeyHasher, L, NerModel};
use crate::extract::lexicon::{Lexicon, Target, WordHasher};

/// What one word adds to the scores of the tokens around it, in units of the model's scale.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct WordRows {
    /// To its own token: the features of the word alone.
    own: [i32; L],
    /// To the token after it (`PrevLower`, `PrevShape`).
    as_prev: [i32; L],
    /// To the token before it (`NextLower`, `NextShape`).
    as_next: [i32; L],
    /// To the token two after it (`Prev2Lower`).
    as_prev2: [i32; L],
    /// To the token two before it (`Next2Lower`).
    as_next2: [i32; L],
}

/// Most word types a thread keeps rows for before it starts afresh: news repeats its words,
/// so a few thousand cover most tokens, and 16,384 rows (3 MB) stay mostly in cache.
const KNOWN_WORDS: usize = 16_384;

/// The rows of the sentence boundaries (`<s>` before the first word, `</s>` after the last),
/// which stand where a neighbour is missing.
pub(super) fn boundary_rows(table: &EmitTable) -> WordRows {
    let mut rows = WordRows::default();
    let start = "<s>";
    let end = "</s>";
    table.add_scores(
        &[hash(T::PrevLower, &[start]), hash(T::PrevShape, &[start])],
        &mut rows.as_prev,
    );
    table.add_scores(&[hash(T::Prev2Lower, &[start])], &mut rows.as_prev2);
    table.add_scores(
        &[hash(T::NextLower, &[end]), hash(T::NextShape, &[end])],
        &mut rows.as_next,
    );
    table.add_scores(&[hash(T::Next2Lower, &[end])], &mut rows.as_next2);
    rows
}

/// The rows of word `w` (lower case `lw`, shape `sh`).
fn word_rows(table: &EmitTable, w: &str, lw: &str, sh: &str, short: &mut String) -> WordRows {
    short_shape_into(sh, short);
    let own = [
        hash(T::Bias, &[]),
        hash(T::Word, &[w]),
        hash(T::Lower, &[lw]),
        hash(T::Shape, &[sh]),
        hash(T::ShortShape, &[short]),
        hash(T::Prefix1, &[prefix(w, 1)]),
        hash(T::Prefix2, &[prefix(lw, 2)]),
        hash(T::Prefix3, &[prefix(lw, 3)]),
        hash(T::Prefix4, &[prefix(lw, 4)]),
        hash(T::Suffix1, &[suffix(lw, 1)]),
        hash(T::Suffix2, &[suffix(lw, 2)]),
        hash(T::Suffix3, &[suffix(lw, 3)]),
        hash(T::Suffix4, &[suffix(lw, 4)]),
        hash(T::Length, &[length_class(w)]),
    ];
    let mut rows = WordRows::default();
    table.add_scores(&own, &mut rows.own);
    table.add_scores(
        &[hash(T::PrevLower, &[lw]), hash(T::PrevShape, &[sh])],
        &mut rows.as_prev,
    );
    table.add_scores(
        &[hash(T::NextLower, &[lw]), hash(T::NextShape, &[sh])],
        &mut rows.as_next,
    );
    table.add_scores(&[hash(T::Prev2Lower, &[lw])], &mut rows.as_prev2);
    table.add_scores(&[hash(T::Next2Lower, &[lw])], &mut rows.as_next2);
    rows
}

/// Per-thread working memory of the tagger, reused from sentence to sentence: once grown, a
/// sentence allocates nothing here.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The model `rows` were scored with (its cache id).
    model: u64,
    /// Row of each known word, by the word's hash.
    index: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    rows: Vec<WordRows>,
    /// Each row's word, as a range of `spelled`, to tell words with the same hash apart.
    words: Vec<(u32, u32)>,
    spelled: String,
    /// The sentence's lower-case forms and shapes, one buffer each; `ends` closes each word's.
    lower_text: String,
    shape_text: String,
    ends: Vec<(usize, usize)>,
    /// Each token's row.
    slot: Vec<u32>,
    classes: Vec<&'static str>,
    given: Vec<bool>,
    keys: Vec<u64>,
    short: String,
    /// The sentence's emission scores.
    pub(super) emissions: Vec<[f32; L]>,
    /// Viterbi's working rows.
    pub(super) score: Vec<[f32; L]>,
    pub(super) back: Vec<[u8; L]>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Runs `f` with this thread's scratch (a fresh one if the thread's is in use).
pub(super) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

impl Scratch {
    fn forget_words(&mut self) {
        self.index.clear();
        self.rows.clear();
        self.words.clear();
        self.spelled.clear();
    }

    /// The row of `w`, scored now if the thread does not know it yet.
    fn row_of(&mut self, table: &EmitTable, w: &str, lw: &str, sh: &str) -> u32 {
        let key = BuildHasherDefault::<WordHasher>::default().hash_one(w);
        if let Some(&row) = self.index.get(&key) {
            let (start, end) = self.words[row as usize];
            if &self.spelled[start as usize..end as usize] == w {
                return row;
            }
        }
        let rows = word_rows(table, w, lw, sh, &mut self.short);
        let row = u32::try_from(self.rows.len()).expect("rows stay below KNOWN_WORDS + a sentence");
        let start = u32::try_from(self.spelled.len()).unwrap_or(u32::MAX);
        self.spelled.push_str(w);
        let end = u32::try_from(self.spelled.len()).unwrap_or(u32::MAX);
        self.rows.push(rows);
        self.words.push((start, end));
        // Another word with the same hash keeps the entry; this one is scored again each time.
        self.index.entry(key).or_insert(row);
        row
    }
}

/// Word `i`'s lower-case form and shape, out of the sentence's buffers.
fn piece<'t>(
    lower_text: &'t str,
    shape_text: &'t str,
    ends: &[(usize, usize)],
    i: usize,
) -> (&'t str, &'t str) {
    let (l0, s0) = if i == 0 { (0, 0) } else { ends[i - 1] };
    let (l1, s1) = ends[i];
    (&lower_text[l0..l1], &shape_text[s0..s1])
}

/// The emission scores of one sentence's tokens, into `scratch.emissions` (the same as
/// [`super::NerModel::decode`] computes from [`super::sentence_features`]).
pub(super) fn sentence_emissions(
    model: &NerModel,
    words: &[&str],
    names_at: &[Option<(usize, Target)>],
    titles_at: &[Option<(usize, Target)>],
    lex: &Lexicon,
    doc: &DocContext,
    scratch: &mut Scratch,
) {
    let n = words.len();
    if scratch.model != model.cache_id
        || model.cache_id == 0
        || scratch.rows.len() + n > KNOWN_WORDS
    {
        scratch.forget_words();
        scratch.model = model.cache_id;
    }
    scratch.lower_text.clear();
    scratch.shape_text.clear();
    scratch.ends.clear();
    for w in words {
        push_lower(w, &mut scratch.lower_text);
        shape_into(w, &mut scratch.shape_text);
        scratch
            .ends
            .push((scratch.lower_text.len(), scratch.shape_text.len()));
    }
    // Taken out so that the word strings can be borrowed while the rows are filled in.
    let lower_text = std::mem::take(&mut scratch.lower_text);
    let shape_text = std::mem::take(&mut scratch.shape_text);
    let forms = |ends: &[(usize, usize)], i: usize| piece(&lower_text, &shape_text, ends, i);
    scratch.slot.clear();
    for (i, w) in words.iter().enumerate() {
        let (lw, sh) = forms(&scratch.ends, i);
        let row = scratch.row_of(&model.weights, w, lw, sh);
        scratch.slot.push(row);
    }
    lexicon_classes_into(names_at, &mut scratch.classes);
    scratch.given.clear();
    scratch
        .given
        .extend(words.iter().map(|w| lex.given_names.contains(*w)));
    let mut letters = 0;
    let mut any_lower = false;
    for w in words {
        if w.chars().any(char::is_alphabetic) {
            letters += 1;
            any_lower |= w.chars().any(char::is_lowercase);
        }
    }
    // A headline written in capitals: case says nothing there.
    let headline = letters >= 2 && !any_lower;
    let Scratch {
        rows,
        ends,
        slot,
        classes,
        given,
        keys,
        emissions,
        ..
    } = scratch;
    let bounds = &model.bounds;
    let row = |i: usize| &rows[slot[i] as usize];
    emissions.clear();
    for i in 0..n {
        let w = words[i];
        let (lw, sh) = forms(ends, i);
        let mut score = row(i).own;
        let neighbours = [
            i.checked_sub(1)
                .map_or(&bounds.as_prev, |j| &row(j).as_prev),
            i.checked_sub(2)
                .map_or(&bounds.as_prev2, |j| &row(j).as_prev2),
            if i + 1 < n {
                &row(i + 1).as_next
            } else {
                &bounds.as_next
            },
            if i + 2 < n {
                &row(i + 2).as_next2
            } else {
                &bounds.as_next2
            },
        ];
        for r in neighbours {
            for (s, &x) in score.iter_mut().zip(r) {
                *s += x;
            }
        }
        let prev = i.checked_sub(1).map_or(("<s>", "<s>"), |j| forms(ends, j));
        let next = if i + 1 < n {
            forms(ends, i + 1)
        } else {
            ("</s>", "</s>")
        };
        let class = classes[i];
        let class_prev = i.checked_sub(1).map_or("#", |j| classes[j]);
        let class_next = classes.get(i + 1).copied().unwrap_or("#");
        keys.clear();
        keys.extend([
            hash(T::PrevWordBigram, &[prev.0, lw]),
            hash(T::NextWordBigram, &[lw, next.0]),
            hash(T::ShapeTrigram, &[prev.1, sh, next.1]),
            hash(T::Lexicon, &[class]),
            hash(T::PrevLexicon, &[class_prev, class]),
            hash(T::NextLexicon, &[class, class_next]),
        ]);
        if i == 0 {
            keys.extend([hash(T::First, &[]), hash(T::FirstShape, &[sh])]);
        }
        if headline {
            keys.extend([hash(T::Headline, &[]), hash(T::HeadlineLower, &[lw])]);
        }
        if w.chars().next().is_some_and(char::is_uppercase) && doc.lower_seen.contains(lw) {
            keys.push(hash(T::SeenLower, &[]));
        }
        if lex.is_common_word(w) {
            keys.push(hash(T::Common, &[]));
        }
        if given[i] {
            keys.push(hash(T::GivenName, &[]));
        }
        if i > 0 && given[i - 1] {
            keys.push(hash(T::PrevGivenName, &[]));
        }
        if titles_at[i].is_some() {
            keys.push(hash(T::Title, &[]));
        }
        if i > 0 && titles_at[i - 1].is_some() {
            keys.push(hash(T::PrevTitle, &[]));
        }
        model.weights.add_scores(keys, &mut score);
        emissions.push(model.scaled(&score));
    }
    scratch.lower_text = lower_text;
    scratch.shape_text = shape_text;
}
