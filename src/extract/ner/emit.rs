//! Emission scores at tagging time: the keys of [`super::features`], summed by the word they
//! read. Most of a token's features read one word alone: the word itself (its form, case,
//! shape, affixes, length) or one neighbour (the word or shape before or after it, two before
//! or after). Their scores depend on the word only, so each thread keeps them per word type
//! ([`WordRows`]) and a token adds five rows and looks up only the rest (bigrams, the shape
//! trigram, lexicon classes, flags). Weights are summed as integers, so the order of the sums
//! does not matter and the scores equal those of [`super::NerModel::decode`] exactly (a test
//! holds them equal). The rows also keep whether the lexicon lists the word as a given name or
//! a common word.
//!
//! The cache belongs to one model and one lexicon's word lists ([`super::NerModel`]'s cache id,
//! [`Lexicon::words_id`]); every model built gets its own id (each epoch of training too), so
//! no other model or lexicon reads its rows. It is bounded ([`KNOWN_WORDS`]) and starts afresh
//! when full.

use std::cell::RefCell;
use std::hash::{BuildHasher, BuildHasherDefault};

use super::features::{
    DocContext, FeatureSet, T, class_keys, gazetteer_keys, hash, hash_part, hash_start,
    is_capitals_headline, length_class, lexicon_classes_into, next_class_key, prefix,
    prev_class_key, push_lower, shape_into, short_shape_into, suffix,
};
use super::table::{EmitTable, Home};
use super::{L, NerModel};
use crate::extract::clusters::WordClasses;
use crate::extract::gazetteer::{self, Gazetteer};
use crate::extract::lexicon::{Lexicon, Target, WordHasher};

/// What one word adds to the scores of the tokens around it, in units of the model's scale
/// (three cache lines).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
pub(super) struct WordRows {
    /// To its own token: the features of the word alone.
    own: [i32; L],
    /// Where the word is spelled in [`Scratch::spelled`] (`u32::MAX`: not kept there).
    spelled_at: u32,
    /// Whether the lexicon lists the word as a given name.
    given: bool,
    /// Whether the lexicon lists the word as a common word.
    common: bool,
    /// Whether some gazetteer name starts with the word.
    place_start: bool,
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

/// Slots of the index of known words: at most half full.
const INDEX_SLOTS: usize = 2 * KNOWN_WORDS;

/// Marks the end of a word in [`Scratch::spelled`] (never a byte of UTF-8 text).
const END: u8 = 0xff;

/// One slot of the index of known words: the upper half of the word's hash and its row
/// (`u32::MAX`: a free slot).
#[derive(Debug, Clone, Copy)]
struct Known {
    check: u32,
    row: u32,
}

const NO_WORD: Known = Known {
    check: 0,
    row: u32::MAX,
};

/// A word's hash, as the index of known words reads it.
fn word_hash(w: &str) -> u64 {
    BuildHasherDefault::<WordHasher>::default().hash_one(w)
}

/// The upper half of a word's hash.
fn check_of(hash: u64) -> u32 {
    u32::try_from(hash >> 32).unwrap_or(0)
}

/// The home slot of a word's hash in the index.
fn home_of(hash: u64) -> usize {
    #[allow(clippy::cast_possible_truncation, reason = "masked to the index size")]
    let i = hash as usize & (INDEX_SLOTS - 1);
    i
}

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

/// The rows of word `w` (lower case `lw`, shape `sh`) for a model with the feature groups
/// `set`.
fn word_rows(
    table: &EmitTable,
    set: FeatureSet,
    lex: &Lexicon,
    w: &str,
    lw: &str,
    sh: &str,
    short: &mut String,
) -> WordRows {
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
    let mut rows = WordRows {
        spelled_at: u32::MAX,
        given: lex.is_given_name(w),
        common: lex.is_common_word(w),
        place_start: set.has(FeatureSet::GAZETTEER) && Gazetteer::shared().starts_name(w),
        ..WordRows::default()
    };
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
    if set.has(FeatureSet::CLASSES) {
        let classes = WordClasses::shared().classes(w);
        let mut keys = [0; 4];
        let mut count = 0;
        class_keys(classes, short, |k| {
            keys[count] = k;
            count += 1;
        });
        table.add_scores(&keys[..count], &mut rows.own);
        table.add_scores(&[prev_class_key(classes)], &mut rows.as_prev);
        table.add_scores(&[next_class_key(classes)], &mut rows.as_next);
    }
    rows
}

/// The hash states ([`hash_start`], [`hash_part`]) of the keys a word begins: the word
/// bigram with the word after it (as the word before, `PrevWordBigram` of the next token; as
/// the token itself, `NextWordBigram`) and the shape trigram of the token after it. A key is
/// then finished with the other words' bytes alone, the same key as [`hash`] makes.
#[derive(Debug, Clone, Copy)]
struct Starts {
    prev_bigram: u64,
    next_bigram: u64,
    shape_trigram: u64,
}

impl Starts {
    /// The states of a word of lower-case form `lw` and shape `sh` (`<s>` for the start of a
    /// sentence).
    fn of(lw: &str, sh: &str) -> Self {
        Self {
            prev_bigram: hash_part(hash_start(T::PrevWordBigram), lw),
            next_bigram: hash_part(hash_start(T::NextWordBigram), lw),
            shape_trigram: hash_part(hash_start(T::ShapeTrigram), sh),
        }
    }
}

/// The place of a lexicon class among those most tokens have: `#` (no word: a sentence's
/// edge) and `-` (in no lexicon name; [`lexicon_classes_into`]).
fn plain_class(class: &str) -> Option<usize> {
    match class {
        "#" => Some(0),
        "-" => Some(1),
        _ => None,
    }
}

/// The keys of the lexicon class templates (`Lexicon`, `PrevLexicon`, `NextLexicon`) for the
/// classes of [`plain_class`] and their pairs, hashed once: most tokens' three keys are then
/// read, not hashed.
struct LexiconKeys {
    own: [u64; 2],
    /// By the class before, then the token's.
    prev: [[u64; 2]; 2],
    /// By the token's class, then the class after.
    next: [[u64; 2]; 2],
}

impl LexiconKeys {
    fn shared() -> &'static Self {
        static KEYS: std::sync::OnceLock<LexiconKeys> = std::sync::OnceLock::new();
        KEYS.get_or_init(|| {
            let classes = ["#", "-"];
            Self {
                own: classes.map(|c| hash(T::Lexicon, &[c])),
                prev: classes.map(|a| classes.map(|b| hash(T::PrevLexicon, &[a, b]))),
                next: classes.map(|a| classes.map(|b| hash(T::NextLexicon, &[a, b]))),
            }
        })
    }

    /// The three keys of a token of lexicon class `class` between `prev` and `next`.
    fn of(&self, prev: &str, class: &str, next: &str) -> [u64; 3] {
        if let (Some(p), Some(c), Some(n)) =
            (plain_class(prev), plain_class(class), plain_class(next))
        {
            return [self.own[c], self.prev[p][c], self.next[c][n]];
        }
        [
            hash(T::Lexicon, &[class]),
            hash(T::PrevLexicon, &[prev, class]),
            hash(T::NextLexicon, &[class, next]),
        ]
    }
}

/// Per-thread working memory of the tagger, reused from sentence to sentence: once grown, a
/// sentence allocates nothing here.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The model `rows` were scored with and the word lists their flags come from (their
    /// cache id and [`Lexicon::words_id`]).
    model: (u64, u64),
    /// The known words, by hash (open addressing, linear probing; empty until first used).
    index: Vec<Known>,
    /// Words in `index`.
    indexed: usize,
    rows: Vec<WordRows>,
    /// Beside each row, the hash states of its word as the first part of a key
    /// ([`Starts`]).
    starts: Vec<Starts>,
    /// The known words, each followed by [`END`], to tell words with the same hash apart.
    spelled: Vec<u8>,
    /// The sentence's lower-case forms and shapes, one buffer each; `ends` closes each word's.
    lower_text: String,
    shape_text: String,
    ends: Vec<(usize, usize)>,
    /// Each token's word hash and home slot in `index`, then its row.
    homes: Vec<(u64, Known)>,
    slot: Vec<u32>,
    classes: Vec<&'static str>,
    /// Each token's place in a gazetteer name.
    places: Vec<&'static str>,
    /// Context keys of the sentence's tokens; token `i` ends at `key_ends[i]`.
    keys: Vec<u64>,
    key_ends: Vec<usize>,
    /// The table's home slot keys of `keys` (see [`EmitTable::add_scores_grouped`]).
    seen: Vec<Home>,
    units: Vec<[i32; L]>,
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
        self.index.resize(INDEX_SLOTS, NO_WORD);
        self.indexed = 0;
        self.rows.clear();
        self.starts.clear();
        self.spelled.clear();
    }

    /// Whether index slot `slot` is `w`'s (of hash `hash`).
    fn holds(&self, slot: Known, hash: u64, w: &str) -> bool {
        if slot.row == u32::MAX || slot.check != check_of(hash) {
            return false;
        }
        let start = self.rows[slot.row as usize].spelled_at as usize;
        self.spelled.get(start..start + w.len()) == Some(w.as_bytes())
            && self.spelled.get(start + w.len()) == Some(&END)
    }

    /// The row of `w` (of hash `hash`), scored now if the thread does not know it yet.
    fn row_of(&mut self, model: &NerModel, lex: &Lexicon, hash: u64, forms: Forms) -> u32 {
        let Forms {
            word: w,
            lower: lw,
            shape: sh,
        } = forms;
        let mut i = home_of(hash);
        let free = loop {
            let slot = self.index[i];
            if slot.row == u32::MAX {
                break i;
            }
            if self.holds(slot, hash, w) {
                return slot.row;
            }
            i = (i + 1) & (INDEX_SLOTS - 1);
        };
        let row = u32::try_from(self.rows.len()).expect("rows stay below KNOWN_WORDS + a sentence");
        let mut rows = word_rows(
            &model.weights,
            model.features,
            lex,
            w,
            lw,
            sh,
            &mut self.short,
        );
        // A sentence longer than the index's spare room is scored without indexing the rest.
        if let Ok(start) = u32::try_from(self.spelled.len())
            && self.indexed < INDEX_SLOTS / 2
        {
            self.spelled.extend_from_slice(w.as_bytes());
            self.spelled.push(END);
            rows.spelled_at = start;
            self.index[free] = Known {
                check: check_of(hash),
                row,
            };
            self.indexed += 1;
        }
        self.rows.push(rows);
        self.starts.push(Starts::of(lw, sh));
        row
    }
}

/// A word with its lower-case form and shape.
#[derive(Clone, Copy)]
struct Forms<'w> {
    word: &'w str,
    lower: &'w str,
    shape: &'w str,
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
    let owner = (model.cache_id, lex.words_id());
    if scratch.model != owner || scratch.rows.len() + n > KNOWN_WORDS || scratch.index.is_empty() {
        scratch.forget_words();
        scratch.model = owner;
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
    // Each word's forms cut out once (a token reads its neighbours' too).
    let pieces: Vec<(&str, &str)> = (0..n)
        .map(|i| piece(&lower_text, &shape_text, &scratch.ends, i))
        .collect();
    fill_slots(model, lex, words, (&lower_text, &shape_text), scratch);
    lexicon_classes_into(names_at, &mut scratch.classes);
    let gazetteer = model.features.has(FeatureSet::GAZETTEER);
    if gazetteer {
        let (rows, slot) = (&scratch.rows, &scratch.slot);
        Gazetteer::shared().labels_into_where(
            words,
            |i| rows[slot[i] as usize].place_start,
            &mut scratch.places,
        );
    }
    let headline = is_capitals_headline(words);
    let Scratch {
        rows,
        starts,
        slot,
        classes,
        places,
        short,
        keys,
        key_ends,
        seen,
        units,
        emissions,
        ..
    } = scratch;
    // First every token's own row, then what its neighbours add, then its context features,
    // each over the whole sentence: the loads of a pass do not wait on one another.
    neighbour_units(rows, slot, &model.bounds, units);
    keys.clear();
    key_ends.clear();
    let lexicon_keys = LexiconKeys::shared();
    let sentence_start = Starts::of("<s>", "<s>");
    for i in 0..n {
        let w = words[i];
        let (lw, sh) = pieces[i];
        let before = i
            .checked_sub(1)
            .map_or(&sentence_start, |j| &starts[slot[j] as usize]);
        let next = pieces.get(i + 1).copied().unwrap_or(("</s>", "</s>"));
        let class = classes[i];
        let class_prev = i.checked_sub(1).map_or("#", |j| classes[j]);
        let class_next = classes.get(i + 1).copied().unwrap_or("#");
        keys.extend([
            hash_part(before.prev_bigram, lw),
            hash_part(starts[slot[i] as usize].next_bigram, next.0),
            hash_part(hash_part(before.shape_trigram, sh), next.1),
        ]);
        keys.extend(lexicon_keys.of(class_prev, class, class_next));
        if i == 0 {
            keys.extend([hash(T::First, &[]), hash(T::FirstShape, &[sh])]);
        }
        if headline {
            keys.extend([hash(T::Headline, &[]), hash(T::HeadlineLower, &[lw])]);
        }
        if w.chars().next().is_some_and(char::is_uppercase) && doc.lower_seen.contains(lw) {
            keys.push(hash(T::SeenLower, &[]));
        }
        let word = &rows[slot[i] as usize];
        if word.common {
            keys.push(hash(T::Common, &[]));
        }
        if word.given {
            keys.push(hash(T::GivenName, &[]));
        }
        if i > 0 && rows[slot[i - 1] as usize].given {
            keys.push(hash(T::PrevGivenName, &[]));
        }
        if titles_at[i].is_some() {
            keys.push(hash(T::Title, &[]));
        }
        if i > 0 && titles_at[i - 1].is_some() {
            keys.push(hash(T::PrevTitle, &[]));
        }
        if gazetteer && places[i] != gazetteer::OUTSIDE {
            short_shape_into(sh, short);
            gazetteer_keys(places[i], short, |k| keys.push(k));
        }
        key_ends.push(keys.len());
    }
    model
        .weights
        .add_scores_grouped(keys, key_ends, seen, units);
    emissions.clear();
    emissions.extend(units.iter().map(|u| model.scaled(u)));
    scratch.lower_text = lower_text;
    scratch.shape_text = shape_text;
}

/// Each word's row of static scores into `scratch.slot`: the cached row when the word's home
/// slot holds it, else scored now and cached. `texts` are the sentence's lower-case and shape
/// forms, cut by `scratch.ends`.
fn fill_slots(
    model: &NerModel,
    lex: &Lexicon,
    words: &[&str],
    (lower_text, shape_text): (&str, &str),
    scratch: &mut Scratch,
) {
    // The words' home slots first (loads that do not wait on one another), then their rows.
    scratch.homes.clear();
    scratch.homes.extend(words.iter().map(|w| {
        let hash = word_hash(w);
        (hash, scratch.index[home_of(hash)])
    }));
    scratch.slot.clear();
    for (i, w) in words.iter().enumerate() {
        let (hash, home) = scratch.homes[i];
        let row = if scratch.holds(home, hash, w) {
            home.row
        } else {
            let (lower, shape) = piece(lower_text, shape_text, &scratch.ends, i);
            let word = Forms {
                word: w,
                lower,
                shape,
            };
            scratch.row_of(model, lex, hash, word)
        };
        scratch.slot.push(row);
    }
}

/// Every token's own row plus what its neighbours' rows add to it, and the sentence
/// boundaries' rows at its ends, into `units`.
fn neighbour_units(rows: &[WordRows], slot: &[u32], bounds: &WordRows, units: &mut Vec<[i32; L]>) {
    let n = slot.len();
    units.clear();
    units.extend(slot.iter().map(|&r| rows[r as usize].own));
    let add = |to: &mut [i32; L], row: &[i32; L]| {
        for (s, &x) in to.iter_mut().zip(row) {
            *s += x;
        }
    };
    for (i, &r) in slot.iter().enumerate() {
        let word = &rows[r as usize];
        if let Some(after) = units.get_mut(i + 1) {
            add(after, &word.as_prev);
        }
        if let Some(after2) = units.get_mut(i + 2) {
            add(after2, &word.as_prev2);
        }
        if let Some(before) = i.checked_sub(1).map(|j| &mut units[j]) {
            add(before, &word.as_next);
        }
        if let Some(before2) = i.checked_sub(2).map(|j| &mut units[j]) {
            add(before2, &word.as_next2);
        }
    }
    for (i, u) in units.iter_mut().enumerate() {
        if i < 1 {
            add(u, &bounds.as_prev);
        }
        if i < 2 {
            add(u, &bounds.as_prev2);
        }
        if i + 1 >= n {
            add(u, &bounds.as_next);
        }
        if i + 2 >= n {
            add(u, &bounds.as_next2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::{FeatureIndex, sentence_features};

    /// Invented sentences, split into tokens: names, titles, given names, a headline in
    /// capitals, a word the document also writes in lower case, repeats, one-word sentences.
    const TEXT: &[&str] = &[
        "PRESIDENT MARTA VELLO VISITS KESTRAVIA",
        "Foreign Minister Anna Lind of Sweden met Marta Vello in Oslo on Monday .",
        "The talks , Vello said , were \u{201c} open \u{201d} and the Talks will go on .",
        "Reuters",
        "NATO 's secretary general , Jens Stoltenberg , urged China and the U.S. to talk .",
        "Said the minister : \" We are 100 % sure . \"",
        "Kestravia",
        "Talks in Rio de Janeiro , Ohio and Lagos ended ; Rio stayed quiet .",
        "Anna met Anna ; Lind met Lind .",
    ];

    fn sentences() -> Vec<Vec<&'static str>> {
        TEXT.iter().map(|s| s.split(' ').collect()).collect()
    }

    /// The reference scores (from the training features) and the cached ones, for every
    /// sentence of `doc`, as bit patterns.
    fn both(model: &NerModel, lex: &Lexicon, doc: &[Vec<&str>]) -> (Vec<u32>, Vec<u32>) {
        let context = DocContext::new(doc.iter().map(Vec::as_slice));
        let (mut reference, mut cached) = (Vec::new(), Vec::new());
        for words in doc {
            let features = sentence_features(words, lex, &context, model.features);
            for token in features.tokens() {
                reference.extend(model.emissions(token).map(f32::to_bits));
            }
            let names_at: Vec<_> = (0..words.len())
                .map(|i| lex.names.longest_at(words, i))
                .collect();
            let titles_at: Vec<_> = (0..words.len())
                .map(|i| lex.titles.longest_at(words, i))
                .collect();
            with_scratch(|scratch| {
                sentence_emissions(model, words, &names_at, &titles_at, lex, &context, scratch);
                cached.extend(scratch.emissions.iter().flat_map(|e| e.map(f32::to_bits)));
            });
        }
        (reference, cached)
    }

    #[test]
    fn cached_rows_give_the_training_features_scores() {
        let lex = Lexicon::embedded();
        let doc = sentences();
        // Twice: scored afresh, then from the thread's rows.
        for _ in 0..2 {
            let (reference, cached) = both(&lex.tagger, &lex, &doc);
            assert_eq!(reference, cached);
        }
        // The first tokens' scores are not all zero: the test reads real weights.
        let (reference, _) = both(&lex.tagger, &lex, &doc[..1]);
        assert!(reference.iter().any(|&b| b != 0));
    }

    #[test]
    fn another_model_never_reads_the_first_ones_rows() {
        let lex = Lexicon::embedded();
        let doc = sentences();
        // A second model: weights of its own on the features of the document.
        let context = DocContext::new(doc.iter().map(Vec::as_slice));
        let mut index = FeatureIndex::default();
        for words in &doc {
            for &key in sentence_features(words, &lex, &context, FeatureSet::all()).all() {
                let row = u32::try_from(index.len()).unwrap_or(u32::MAX);
                index.entry(key).or_insert(row);
            }
        }
        #[allow(clippy::cast_precision_loss, reason = "small test numbers")]
        let rows: Vec<f32> = (0..index.len() * L)
            .map(|i| ((i * 7919) % 23) as f32 - 11.0)
            .collect();
        let other = NerModel::from_rows(&index, &rows, vec![0.0; (L + 1) * L], FeatureSet::all());
        for model in [&lex.tagger, &other, &lex.tagger, &other] {
            let (reference, cached) = both(model, &lex, &doc);
            assert_eq!(reference, cached);
        }
        let (first, _) = both(&lex.tagger, &lex, &doc);
        let (second, _) = both(&other, &lex, &doc);
        assert_ne!(first, second);
    }

    #[test]
    fn a_full_cache_starts_afresh_and_scores_stay_the_same() {
        let lex = Lexicon::embedded();
        // More distinct words than the cache keeps, in sentences of 500.
        let words: Vec<String> = (0..KNOWN_WORDS + 3000).map(|i| format!("w{i}x")).collect();
        let doc: Vec<Vec<&str>> = words
            .chunks(500)
            .map(|c| c.iter().map(String::as_str).collect())
            .collect();
        let (reference, cached) = both(&lex.tagger, &lex, &doc);
        assert_eq!(reference, cached);
        with_scratch(|scratch| assert!(scratch.rows.len() <= KNOWN_WORDS));
    }
}
