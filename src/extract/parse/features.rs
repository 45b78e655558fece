//! Sparse features for the tagger, the parser and the arc labeller, hashed to 64-bit keys.
//! Each word is read once into a few hashes ([`WordInfo`]: the lower-cased form with digits
//! folded to 0, suffixes, a prefix, the shape); templates then combine those hashes with tags,
//! labels and distances by mixing integers, so no feature builds a string.

use super::transition::{NO, State};
use crate::extract::clusters::{LEVELS, WordClasses};

/// The tag id of a missing word (before the start, past the end, an absent child).
pub const NONE_TAG: u8 = 17;
/// The tag id of the artificial root.
pub const ROOT_TAG: u8 = 18;
/// The label id of a missing word or an unlabelled arc.
pub const NONE_LABEL: u8 = u8::MAX;

/// Number of tagger features per word.
pub const TAG_FEATURES: usize = 28;
/// Number of features per word of the tagger's second pass.
pub const TAG2_FEATURES: usize = TAG_FEATURES + 4;
/// Number of parser features per state.
pub const PARSE_FEATURES: usize = 58;
/// The stack and buffer positions whose word alone some parser templates read, in the order
/// of [`parse_role_features`]: s0, s1, b0, b1, s2, b2.
pub const ROLES: usize = 6;
/// Where each role's templates start in [`parse_role_features`] (and where the last ends).
pub const ROLE_STARTS: [usize; ROLES + 1] = [0, 4, 8, 12, 16, 17, 18];
/// Number of parser templates that read one position's word alone.
pub const PARSE_ROLE_FEATURES: usize = 18;
/// Number of parser templates that read more of the state.
pub const PARSE_STATE_FEATURES: usize = PARSE_FEATURES - PARSE_ROLE_FEATURES;
/// Number of labeller features per arc.
pub const LABEL_FEATURES: usize = 23;

const NONE_WORD: u64 = 0x6e6f_6e65;
/// The class of a word the word classes do not list.
const UNKNOWN_CLASS: u64 = 0x756e_6b6e;
const ROOT_WORD: u64 = 0x726f_6f74;

/// Mixes `x` into `h` (a multiply-rotate step). The rotation brings the product's top bits,
/// which depend on all of its input's bits, down to the low ones.
#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
}

/// The final avalanche (`MurmurHash3`'s), so the hash's low and high bits are both uniform.
#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// [`finish`] undone: each step of it is invertible (a shift by more than half the word
/// xored in, a multiplication by an odd number).
fn unfinish(mut h: u64) -> u64 {
    // The inverses of the two multipliers modulo 2^64 (tested).
    h ^= h >> 33;
    h = h.wrapping_mul(0x9cb4_b2f8_1293_37db);
    h ^= h >> 33;
    h = h.wrapping_mul(0x4f74_430c_22a5_4005);
    h ^= h >> 33;
    h
}

/// A feature key from a template id and its parts, mixed in turn. The weight tables index
/// with the key as it is ([`super::table::Table`]: the low bits are the top of the last
/// product, the check word its middle); the model file stores each key finished
/// ([`file_key`]), the form the keys had when the finish was part of every key (it cost
/// some 10 instructions for each of about 22 million keys a `bench extract`).
#[inline]
pub fn key(template: u8, parts: &[u64]) -> u64 {
    let mut h = u64::from(template).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5851_f42d_4c95_7f2d;
    for &p in parts {
        h = mix(h, p);
    }
    h
}

/// A key ([`key`]) as the model file stores it.
pub(super) fn file_key(key: u64) -> u64 {
    finish(key)
}

/// A model file's key as [`key`] gives it.
pub(super) fn key_of_file(stored: u64) -> u64 {
    unfinish(stored)
}

/// FNV-1a over bytes.
fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The normalized form a word is known by: lower case, every digit 0.
fn normalize(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Word shape: letters to X/x, digits to d, other characters kept, runs longer than two
/// collapsed, at most 12 symbols ("Xxx" for "Peter", "dd.dd" for "12.50").
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = s;
        }
        out.push(s);
        if out.len() >= 12 {
            break;
        }
    }
    out
}

/// A word's identity for caches: the same written form gives the same id (the features read
/// nothing else of a word).
pub fn word_id(word: &str) -> u64 {
    finish(hash_str(word))
}

fn hash_str(s: &str) -> u64 {
    fnv(s.bytes())
}

/// What the features read of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// The normalized form.
    pub form: u64,
    /// The form as written (case kept).
    pub cased: u64,
    /// Last three characters of the normalized form.
    pub suffix3: u64,
    /// Last two characters.
    pub suffix2: u64,
    /// Last four characters.
    pub suffix4: u64,
    /// First character, case kept.
    pub prefix1: u64,
    /// Word shape.
    pub shape: u64,
    /// The word's class at each granularity of [`WordClasses`], finest first (a value of
    /// its own for a word without classes).
    pub class: [u64; LEVELS],
}

impl WordInfo {
    /// Reads a word; `scratch` is reused between calls.
    pub fn new(word: &str, classes: &WordClasses, scratch: &mut String) -> Self {
        normalize(word, scratch);
        let form = hash_str(scratch);
        let tail = |n: usize| {
            let start = scratch
                .char_indices()
                .rev()
                .nth(n - 1)
                .map_or(0, |(i, _)| i);
            hash_str(&scratch[start..])
        };
        let suffix3 = tail(3);
        let suffix2 = tail(2);
        let suffix4 = tail(4);
        let prefix1 = word.chars().next().map_or(0, u64::from);
        Self {
            form,
            cased: hash_str(word),
            suffix3,
            suffix2,
            suffix4,
            prefix1,
            shape: hash_str(&shape(word)),
            class: classes
                .classes(word)
                .map_or([UNKNOWN_CLASS; LEVELS], |p| p.map(|c| u64::from(c) + 1)),
        }
    }

    /// The stand-in for positions outside the sentence.
    pub const NONE: WordInfo = WordInfo {
        form: NONE_WORD,
        cased: NONE_WORD,
        suffix3: NONE_WORD,
        suffix2: NONE_WORD,
        suffix4: NONE_WORD,
        prefix1: NONE_WORD,
        shape: NONE_WORD,
        class: [NONE_WORD; LEVELS],
    };
}

/// Number of tagger features that read word `i` alone ([`tag_word_features`]): the same for
/// every occurrence of a word, so their scores can be kept per word.
pub const TAG_WORD_FEATURES: usize = 12;
/// Number of tagger features that read the context ([`tag_context_features`]).
pub const TAG_CONTEXT_FEATURES: usize = TAG_FEATURES - TAG_WORD_FEATURES;

/// The tagger's features of a word that read nothing but the word.
pub fn tag_word_features(w: &WordInfo) -> [u64; TAG_WORD_FEATURES] {
    [
        key(0, &[]),
        key(1, &[w.form]),
        key(2, &[w.suffix3]),
        key(3, &[w.suffix2]),
        key(4, &[w.prefix1]),
        key(5, &[w.shape]),
        key(15, &[w.cased]),
        key(17, &[w.suffix4]),
        key(21, &[w.class[0]]),
        key(22, &[w.class[1]]),
        key(23, &[w.class[2]]),
        key(27, &[w.class[0], w.suffix3]),
    ]
}

/// The tagger's features for word `i` of `words` that read its neighbours or the tags of the
/// words before it (`tags[..i]`).
pub fn tag_context_features(
    words: &[WordInfo],
    tags: &[u8],
    i: usize,
) -> [u64; TAG_CONTEXT_FEATURES] {
    let at = |j: isize| -> &WordInfo {
        usize::try_from(j)
            .ok()
            .and_then(|j| words.get(j))
            .unwrap_or(&WordInfo::NONE)
    };
    let tag = |j: usize| u64::from(tags.get(j).copied().unwrap_or(NONE_TAG));
    #[allow(clippy::cast_possible_wrap, reason = "sentences are short")]
    let pos = i as isize;
    let w = at(pos);
    let p1 = if i >= 1 {
        tag(i - 1)
    } else {
        u64::from(NONE_TAG)
    };
    let p2 = if i >= 2 {
        tag(i - 2)
    } else {
        u64::from(NONE_TAG)
    };
    let prev = at(pos - 1);
    let next = at(pos + 1);
    [
        key(6, &[p1]),
        key(7, &[p2, p1]),
        key(8, &[prev.form]),
        key(9, &[prev.suffix3]),
        key(10, &[next.form]),
        key(11, &[next.suffix3]),
        key(12, &[at(pos - 2).form]),
        key(13, &[at(pos + 2).form]),
        key(14, &[p1, w.form]),
        key(16, &[next.shape, w.shape]),
        key(18, &[prev.form, w.form]),
        key(19, &[w.form, next.form]),
        key(20, &[p1, next.form]),
        key(24, &[prev.class[1]]),
        key(25, &[next.class[1]]),
        key(26, &[p1, w.class[1]]),
    ]
}

/// Number of the tagger's context features that read one neighbour's word alone
/// ([`tag_neighbour_features`]).
pub const TAG_NEIGHBOUR_FEATURES: usize = 8;
/// Number of the neighbour places in [`tag_neighbour_features`]: the word before the word
/// tagged, the word after it, two before, two after.
pub const NEIGHBOURS: usize = 4;
/// Where each neighbour place's templates start in [`tag_neighbour_features`] (and where the
/// last ends).
pub const NEIGHBOUR_STARTS: [usize; NEIGHBOURS + 1] = [0, 3, 6, 7, 8];
/// The positions of the neighbour places of word `i`, in [`NEIGHBOUR_STARTS`]'s order: the
/// word before, the word after, two before, two after (`None` before the first word).
pub fn neighbour_places(i: usize) -> [Option<usize>; NEIGHBOURS] {
    [
        i.checked_sub(1),
        i.checked_add(1),
        i.checked_sub(2),
        i.checked_add(2),
    ]
}
/// Number of the other context features ([`tag_pair_features`]).
pub const TAG_PAIR_FEATURES: usize = TAG_CONTEXT_FEATURES - TAG_NEIGHBOUR_FEATURES;

/// The context features of [`tag_context_features`] that read one neighbour's word alone,
/// for word `w` standing in each neighbour place ([`NEIGHBOUR_STARTS`]) of the word tagged.
/// They are the same for every occurrence of the word, so their scores can be kept per word.
pub fn tag_neighbour_features(w: &WordInfo) -> [u64; TAG_NEIGHBOUR_FEATURES] {
    [
        // The word before.
        key(8, &[w.form]),
        key(9, &[w.suffix3]),
        key(24, &[w.class[1]]),
        // The word after.
        key(10, &[w.form]),
        key(11, &[w.suffix3]),
        key(25, &[w.class[1]]),
        // Two before, two after.
        key(12, &[w.form]),
        key(13, &[w.form]),
    ]
}

/// The rest of [`tag_context_features`]: the ones that read the tags before word `i` or a
/// pair of words.
pub fn tag_pair_features(words: &[WordInfo], tags: &[u8], i: usize) -> [u64; TAG_PAIR_FEATURES] {
    let at = |j: Option<usize>| j.and_then(|j| words.get(j)).unwrap_or(&WordInfo::NONE);
    let tag =
        |j: Option<usize>| u64::from(j.and_then(|j| tags.get(j)).copied().unwrap_or(NONE_TAG));
    let (w, prev, next) = (at(Some(i)), at(i.checked_sub(1)), at(i.checked_add(1)));
    let (p1, p2) = (tag(i.checked_sub(1)), tag(i.checked_sub(2)));
    [
        key(6, &[p1]),
        key(7, &[p2, p1]),
        key(14, &[p1, w.form]),
        key(16, &[next.shape, w.shape]),
        key(18, &[prev.form, w.form]),
        key(19, &[w.form, next.form]),
        key(20, &[p1, next.form]),
        key(26, &[p1, w.class[1]]),
    ]
}

/// The tagger's features for word `i` of `words`, given the tags of the words before it
/// (`tags[..i]`), written into `out`: the word's own, then the context's.
pub fn tag_features(words: &[WordInfo], tags: &[u8], i: usize, out: &mut [u64; TAG_FEATURES]) {
    let w = words.get(i).unwrap_or(&WordInfo::NONE);
    out[..TAG_WORD_FEATURES].copy_from_slice(&tag_word_features(w));
    out[TAG_WORD_FEATURES..].copy_from_slice(&tag_context_features(words, tags, i));
}

/// Number of context features of the tagger's second pass.
pub const TAG2_CONTEXT_FEATURES: usize = TAG2_FEATURES - TAG_WORD_FEATURES;

/// The second tagger pass's context features for word `i`: the first pass's, plus the tags
/// the first pass gave the next two words (`first`), so a word followed by a verb is less
/// likely one.
pub fn tag2_context_features(
    words: &[WordInfo],
    tags: &[u8],
    first: &[u8],
    i: usize,
) -> [u64; TAG2_CONTEXT_FEATURES] {
    let mut out = [0u64; TAG2_CONTEXT_FEATURES];
    out[..TAG_CONTEXT_FEATURES].copy_from_slice(&tag_context_features(words, tags, i));
    out[TAG_CONTEXT_FEATURES..].copy_from_slice(&tag2_first_pass_features(words, tags, first, i));
    out
}

/// Number of the second pass's features that read the first pass's tags.
pub const TAG2_FIRST_PASS_FEATURES: usize = TAG2_CONTEXT_FEATURES - TAG_CONTEXT_FEATURES;

/// The second pass's features for word `i` that read the tags the first pass gave the next
/// two words (`first`).
pub fn tag2_first_pass_features(
    words: &[WordInfo],
    tags: &[u8],
    first: &[u8],
    i: usize,
) -> [u64; TAG2_FIRST_PASS_FEATURES] {
    let tag = |j: usize| u64::from(first.get(j).copied().unwrap_or(NONE_TAG));
    let p1 = if i >= 1 {
        u64::from(tags.get(i - 1).copied().unwrap_or(NONE_TAG))
    } else {
        u64::from(NONE_TAG)
    };
    let (n1, n2) = (tag(i + 1), tag(i + 2));
    let w = words.get(i).unwrap_or(&WordInfo::NONE);
    [
        key(100, &[n1]),
        key(101, &[n1, n2]),
        key(102, &[p1, n1]),
        key(103, &[w.form, n1]),
    ]
}

/// The second tagger pass's features for word `i`: the word's own, then the context's
/// ([`tag2_context_features`]).
pub fn tag2_features(
    words: &[WordInfo],
    tags: &[u8],
    first: &[u8],
    i: usize,
    out: &mut [u64; TAG2_FEATURES],
) {
    let w = words.get(i).unwrap_or(&WordInfo::NONE);
    out[..TAG_WORD_FEATURES].copy_from_slice(&tag_word_features(w));
    out[TAG_WORD_FEATURES..].copy_from_slice(&tag2_context_features(words, tags, first, i));
}

/// Distance buckets: 1, 2, 3, 4, 5–9, 10+.
pub(super) fn distance(a: usize, b: usize) -> u64 {
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

/// The word hash and tag at a state position (`NO`: none; `n`: the root).
#[inline]
pub(super) fn word_tag(words: &[WordInfo], tags: &[u8], n: usize, x: u16) -> (u64, u64) {
    if x == NO {
        (NONE_WORD, u64::from(NONE_TAG))
    } else if usize::from(x) == n {
        (ROOT_WORD, u64::from(ROOT_TAG))
    } else {
        let x = usize::from(x);
        (words[x].form, u64::from(tags[x]))
    }
}

/// The class at `level` of the word at a state position.
#[inline]
pub(super) fn class_at(words: &[WordInfo], n: usize, x: u16, level: usize) -> u64 {
    if x == NO {
        NONE_WORD
    } else if usize::from(x) == n {
        ROOT_WORD
    } else {
        words[usize::from(x)].class[level]
    }
}

/// What the parser's templates read of one state position: the word's form and tag, and its
/// classes at each level.
#[derive(Debug, Clone, Copy)]
pub struct Position {
    /// The normalized form's hash.
    pub word: u64,
    /// The tag.
    pub tag: u64,
    /// The classes, finest first.
    pub class: [u64; LEVELS],
}

/// The positions of a chunk as the parser's templates read them ([`word_tag`], [`class_at`]):
/// its words, then the root (`n`), then no word ([`NO`], read at `n + 1`), so a state's
/// position is read with one look-up and no branch on which kind it is.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    at: Vec<Position>,
}

impl Positions {
    /// The positions of `words` tagged `tags`.
    pub fn new(words: &[WordInfo], tags: &[u8]) -> Self {
        let mut at = Self::default();
        at.fill(words, tags);
        at
    }

    /// Reads `words` tagged `tags` in place of the positions held.
    pub fn fill(&mut self, words: &[WordInfo], tags: &[u8]) {
        self.at.clear();
        self.at
            .extend(words.iter().zip(tags).map(|(w, &t)| Position {
                word: w.form,
                tag: u64::from(t),
                class: w.class,
            }));
        self.at.push(Position {
            word: ROOT_WORD,
            tag: u64::from(ROOT_TAG),
            class: [ROOT_WORD; LEVELS],
        });
        self.at.push(Position {
            word: NONE_WORD,
            tag: u64::from(NONE_TAG),
            class: [NONE_WORD; LEVELS],
        });
    }

    /// The number of words.
    pub fn words(&self) -> usize {
        self.at.len().saturating_sub(2)
    }

    /// State position `x` (a word, `n` for the root, [`NO`] for none).
    #[inline]
    pub fn of(&self, x: u16) -> &Position {
        let none = self.at.len() - 1;
        &self.at[usize::from(x).min(none)]
    }
}

/// The keys of the parser templates that read one position alone, for the word at state
/// position `x` (`NO`: none; `n`: the root) standing in each role ([`ROLE_STARTS`]). They do
/// not change while a sentence is parsed, so their scores can be summed once per word. Each
/// role's last template reads the tag alone ([`parse_role_tag_features`]).
pub fn parse_role_features(at: &Positions, x: u16) -> [u64; PARSE_ROLE_FEATURES] {
    let &Position { word, tag, class } = at.of(x);
    let [w0, w1, w2, w3] = parse_role_word_features(word, class[1]);
    let [t0, t1, t2, t3] = parse_role_word_tag_features(word, tag);
    let [s0, s1, b0, b1, s2, b2] = parse_role_tag_features(tag);
    [
        w0[0], t0, w0[1], s0, w1[0], t1, w1[1], s1, w2[0], t2, w2[1], b0, w3[0], t3, w3[1], b1, s2,
        b2,
    ]
}

/// Number of roles of [`parse_role_features`] with templates that read the word alone
/// (s0, s1, b0, b1).
pub const WORD_ROLES: usize = 4;

/// The keys of the templates of [`parse_role_features`] that read the word alone (its form,
/// its class), two for each of the first [`WORD_ROLES`] roles: the same wherever the word
/// stands, so their scores can be kept with the word.
pub fn parse_role_word_features(word: u64, class: u64) -> [[u64; 2]; WORD_ROLES] {
    [
        [key(0, &[word]), key(48, &[class])],
        [key(3, &[word]), key(50, &[class])],
        [key(6, &[word]), key(49, &[class])],
        [key(9, &[word]), key(51, &[class])],
    ]
}

/// The keys of the templates of [`parse_role_features`] that read the word with its tag, one
/// for each of the first [`WORD_ROLES`] roles.
pub fn parse_role_word_tag_features(word: u64, tag: u64) -> [u64; WORD_ROLES] {
    [
        key(2, &[word, tag]),
        key(5, &[word, tag]),
        key(8, &[word, tag]),
        key(11, &[word, tag]),
    ]
}

/// Number of tag values a position can have: the tags, then [`NONE_TAG`] and [`ROOT_TAG`].
pub const TAG_VALUES: usize = ROOT_TAG as usize + 1;

/// The keys of the templates of [`parse_role_features`] that read the tag alone, one for
/// each role (s0, s1, b0, b1, s2, b2): the same for every position with the tag, so their
/// scores can be summed once per tag value.
pub fn parse_role_tag_features(tag: u64) -> [u64; ROLES] {
    [
        key(1, &[tag]),
        key(4, &[tag]),
        key(7, &[tag]),
        key(10, &[tag]),
        key(13, &[tag]),
        key(12, &[tag]),
    ]
}

/// The positions standing in each role of [`parse_role_features`] in a state.
pub fn role_positions(state: &State) -> [u16; ROLES] {
    [
        state.stack_at(0),
        state.stack_at(1),
        state.buffer_at(0),
        state.buffer_at(1),
        state.stack_at(2),
        state.buffer_at(2),
    ]
}

/// The parser's features for a state, written into `out`: each role's one-position
/// templates, then the rest ([`parse_state_features`]).
pub fn parse_features(state: &State, at: &Positions, out: &mut [u64; PARSE_FEATURES]) {
    for (r, x) in role_positions(state).into_iter().enumerate() {
        let all = parse_role_features(at, x);
        out[ROLE_STARTS[r]..ROLE_STARTS[r + 1]]
            .copy_from_slice(&all[ROLE_STARTS[r]..ROLE_STARTS[r + 1]]);
    }
    out[PARSE_ROLE_FEATURES..].copy_from_slice(&parse_state_features(state, at));
}

/// What the parser's state templates read off a state: the stack's and buffer's positions,
/// their words and tags, their nearest children and those children's labels, two distances
/// and two valencies. One read-out serves the full templates ([`parse_state_features`]) and
/// the split ones of the dense rows (`dense::split_state_features`).
#[allow(
    clippy::similar_names,
    reason = "positions named as in the parsing literature (s0, s1, b0)"
)]
#[derive(Debug, Clone, Copy)]
pub struct StateView {
    pub s0: u16,
    pub s1: u16,
    pub b0: u16,
    pub s0w: u64,
    pub s0p: u64,
    pub s1w: u64,
    pub s1p: u64,
    pub s2p: u64,
    pub b0w: u64,
    pub b0p: u64,
    pub b1w: u64,
    pub b1p: u64,
    pub b2p: u64,
    pub s0lcw: u64,
    pub s0lcp: u64,
    pub s0rcw: u64,
    pub s0rcp: u64,
    pub b0lcw: u64,
    pub b0lcp: u64,
    pub s1rcp: u64,
    pub s0lc2p: u64,
    pub s0rc2p: u64,
    pub b0lc2p: u64,
    /// The labels of b0's and s0's leftmost, s0's and s1's rightmost child.
    pub b0lc_label: u64,
    pub s0lc_label: u64,
    pub s0rc_label: u64,
    pub s1rc_label: u64,
    pub d_s0b0: u64,
    pub d_s1s0: u64,
    pub s0l: u64,
    pub s0r: u64,
    pub b0l: u64,
}

impl StateView {
    /// Reads the view off `state`, with each position's word and tag from `at`.
    #[inline(always)]
    #[allow(
        clippy::similar_names,
        clippy::inline_always,
        reason = "positions named as in the parsing literature; inlined into both callers (speed40)"
    )]
    pub fn read(state: &State, at: &Positions) -> Self {
        let s0 = state.stack_at(0);
        let s1 = state.stack_at(1);
        let s2 = state.stack_at(2);
        let b0 = state.buffer_at(0);
        let b1 = state.buffer_at(1);
        let b2 = state.buffer_at(2);
        let wt = |x: u16| {
            let p = at.of(x);
            (p.word, p.tag)
        };
        let (s0w, s0p) = wt(s0);
        let (s1w, s1p) = wt(s1);
        let (_, s2p) = wt(s2);
        let (b0w, b0p) = wt(b0);
        let (b1w, b1p) = wt(b1);
        let (_, b2p) = wt(b2);
        let s0lc = state.left_child(s0, 0);
        let s0rc = state.right_child(s0, 0);
        let b0lc = state.left_child(b0, 0);
        let s1rc = state.right_child(s1, 0);
        let (s0lcw, s0lcp) = wt(s0lc);
        let (s0rcw, s0rcp) = wt(s0rc);
        let (b0lcw, b0lcp) = wt(b0lc);
        let (_, s1rcp) = wt(s1rc);
        let (_, s0lc2p) = wt(state.left_child(s0, 1));
        let (_, s0rc2p) = wt(state.right_child(s0, 1));
        let (_, b0lc2p) = wt(state.left_child(b0, 1));
        let label = |x: u16| u64::from(state.label(x));
        let d_s0b0 = if s0 == NO || b0 == NO {
            7
        } else {
            distance(usize::from(s0), usize::from(b0))
        };
        let d_s1s0 = if s1 == NO || s0 == NO {
            7
        } else {
            distance(usize::from(s1), usize::from(s0))
        };
        let (s0l, s0r) = state.valency(s0);
        let (b0l, _) = state.valency(b0);
        Self {
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
            b0lc_label: label(b0lc),
            s0lc_label: label(s0lc),
            s0rc_label: label(s0rc),
            s1rc_label: label(s1rc),
            d_s0b0,
            d_s1s0,
            s0l,
            s0r,
            b0l,
        }
    }
}

/// The parser's templates that read more than one position's word: pairs, children,
/// labels, distances, valencies.
#[allow(
    clippy::similar_names,
    reason = "positions named as in the parsing literature (s0, s1, b0)"
)]
pub fn parse_state_features(state: &State, at: &Positions) -> [u64; PARSE_STATE_FEATURES] {
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
    [
        key(14, &[s0w, b0w]),
        key(15, &[s0w, s0p, b0p]),
        key(16, &[s0p, b0w, b0p]),
        key(17, &[s0p, b0p]),
        key(18, &[s1p, s0p]),
        key(19, &[s1w, s1p, s0p]),
        key(20, &[s1p, s0w, s0p]),
        key(21, &[s0p, b0p, b1p]),
        key(22, &[s1p, s0p, b0p]),
        key(23, &[b0p, b1p, b2p]),
        key(24, &[s2p, s1p, s0p]),
        key(25, &[s0p, s0lcp, s0rcp]),
        key(26, &[b0p, b0lcp, b0lc_label]),
        key(27, &[s0p, s0lc_label, s0rc_label]),
        key(28, &[s1p, s1rcp, s1rc_label]),
        key(29, &[s0p, b0p, d_s0b0]),
        key(30, &[s1p, s0p, d_s1s0]),
        key(31, &[s0w, s0l, s0r]),
        key(32, &[b0w, b0l]),
        key(33, &[s0w, s0p, b0w, b0p]),
        key(34, &[s1w, s0w]),
        key(35, &[b0w, b1w]),
        key(36, &[b0w, b0p, b1p]),
        key(37, &[s0p, s0lcp, b0p]),
        key(38, &[s0p, s0rcp, b0p]),
        key(39, &[s0p, b0p, b0lcp]),
        key(40, &[s1p, s1rcp, s0p]),
        key(41, &[s0p, s0lcw]),
        key(42, &[s0p, s0rcw]),
        key(43, &[b0p, b0lcw]),
        key(44, &[s0p, s0lcp, s0lc2p]),
        key(45, &[s0p, s0rcp, s0rc2p]),
        key(46, &[b0p, b0lcp, b0lc2p]),
        key(47, &[s0w, b0w, d_s0b0]),
        key(52, &[c(s0, 2), c(b0, 2)]),
        key(53, &[s0p, c(b0, 0)]),
        key(54, &[c(s0, 0), b0p]),
        key(55, &[c(s0, 1), s0p, c(b0, 1), b0p]),
        key(56, &[c(s1, 2), c(s0, 2)]),
        key(57, &[c(b0, 1), b0p, b1p]),
    ]
}

/// The labeller's features for an arc from `head` to `dep` (`head == n` is the root), with
/// the dependent's own children already attached, written into `out`.
#[allow(
    clippy::similar_names,
    reason = "positions named as in the parsing literature"
)]
pub fn label_features(
    state: &State,
    at: &Positions,
    head: u16,
    dep: u16,
    out: &mut [u64; LABEL_FEATURES],
) {
    let n = state.len();
    let wt = |x: u16| {
        let p = at.of(x);
        (p.word, p.tag)
    };
    let (hw, hp) = wt(head);
    let (dw, dp) = wt(dep);
    let dir = u64::from(head < dep);
    let dist = distance(usize::from(head), usize::from(dep));
    let dlc = state.left_child(dep, 0);
    let drc = state.right_child(dep, 0);
    let (dlcw, dlcp) = wt(dlc);
    let (_, drcp) = wt(drc);
    let label = |x: u16| u64::from(state.label(x));
    let hlc = state.left_child(head, 0);
    let hrc = state.right_child(head, 0);
    let before = dep.checked_sub(1).map_or(NO, |x| x);
    let (_, dprev) = wt(before);
    let after = if usize::from(dep) + 1 < n {
        dep + 1
    } else {
        NO
    };
    let (_, dnext) = wt(after);
    let (dl, dr) = state.valency(dep);
    let c = |x: u16, level: usize| at.of(x).class[level];
    *out = [
        key(0, &[dw]),
        key(1, &[dp]),
        key(2, &[dw, dp]),
        key(3, &[hw]),
        key(4, &[hp]),
        key(5, &[hw, hp]),
        key(6, &[dp, hp, dir]),
        key(7, &[dw, hp, dir]),
        key(8, &[dp, hw, dir]),
        key(9, &[dp, hp, dist, dir]),
        key(10, &[dp, dlcw]),
        key(11, &[dp, hp, dlcw]),
        key(12, &[dp, dlcp, label(dlc)]),
        key(13, &[dp, drcp, label(drc)]),
        key(14, &[hp, dp, label(hlc), label(hrc)]),
        key(15, &[dw, hw]),
        key(16, &[dp, dprev, dnext, dir]),
        key(17, &[dp, hp, dl, dr]),
        key(18, &[c(dep, 0)]),
        key(19, &[c(head, 0)]),
        key(20, &[c(dep, 1), hp, dir]),
        key(21, &[dp, c(head, 1), dir]),
        key(22, &[c(dep, 2), c(head, 2), dir]),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(w: &str) -> WordInfo {
        WordInfo::new(w, &WordClasses::embedded(), &mut String::new())
    }

    #[test]
    fn normalized_forms_fold_case_and_digits() {
        assert_eq!(info("Troops").form, info("troops").form);
        assert_eq!(info("1,400").form, info("2,715").form);
        assert_ne!(info("troops").form, info("troop").form);
        assert_ne!(info("Troops").cased, info("troops").cased);
        assert_eq!(info("going").suffix3, info("making").suffix3);
    }

    #[test]
    fn shapes_collapse_long_runs() {
        assert_eq!(shape("Peter"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("12.50"), "dd.dd");
        assert_eq!(shape("long-term"), "xx-xx");
    }

    #[test]
    fn file_keys_turn_back_into_keys() {
        let mut x: u64 = 0x1234_5678_9abc_def0;
        for _ in 0..1_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            assert_eq!(key_of_file(file_key(x)), x);
            assert_eq!(file_key(key_of_file(x)), x);
        }
    }

    #[test]
    fn keys_depend_on_template_and_order() {
        assert_ne!(key(1, &[5]), key(2, &[5]));
        assert_ne!(key(1, &[5, 6]), key(1, &[6, 5]));
        assert_eq!(key(3, &[7, 8]), key(3, &[7, 8]));
    }

    #[test]
    fn tagger_features_see_the_previous_tags() {
        let words: Vec<WordInfo> = ["the", "talks", "ended"].iter().map(|w| info(w)).collect();
        let mut a = [0; TAG_FEATURES];
        let mut b = [0; TAG_FEATURES];
        tag_features(&words, &[5, 7], 2, &mut a);
        tag_features(&words, &[5, 15], 2, &mut b);
        // Word features agree; the previous-tag features differ.
        assert_eq!(a[1], b[1]);
        assert_eq!(a[..TAG_WORD_FEATURES], b[..TAG_WORD_FEATURES]);
        assert_ne!(a[TAG_WORD_FEATURES], b[TAG_WORD_FEATURES]);
        assert_ne!(a[TAG_WORD_FEATURES + 8], b[TAG_WORD_FEATURES + 8]);
        // Every template gives its own key.
        let mut sorted = a.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), TAG_FEATURES);
    }

    /// The context features split into a word's neighbour features and the rest are the
    /// context features.
    #[test]
    fn neighbour_and_pair_features_make_the_context_features() {
        let words: Vec<WordInfo> = ["The", "talks", "in", "Lima", "ended", "."]
            .iter()
            .map(|w| info(w))
            .collect();
        let tags = [5, 7, 1, 11, 15, 12];
        for i in 0..words.len() {
            let mut whole = tag_context_features(&words, &tags[..i], i).to_vec();
            let mut parts = tag_pair_features(&words, &tags[..i], i).to_vec();
            for (r, j) in neighbour_places(i).into_iter().enumerate() {
                let w = j.and_then(|j| words.get(j)).unwrap_or(&WordInfo::NONE);
                let near = tag_neighbour_features(w);
                parts.extend_from_slice(&near[NEIGHBOUR_STARTS[r]..NEIGHBOUR_STARTS[r + 1]]);
            }
            whole.sort_unstable();
            parts.sort_unstable();
            assert_eq!(whole, parts, "word {i}");
        }
    }

    #[test]
    fn parser_features_follow_the_state() {
        let words: Vec<WordInfo> = ["ministers", "met", "today"]
            .iter()
            .map(|w| info(w))
            .collect();
        let tags = [7, 15, 7];
        let mut state = State::default();
        state.reset(3);
        let mut before = [0; PARSE_FEATURES];
        let at = Positions::new(&words, &tags);
        parse_features(&state, &at, &mut before);
        state.apply(super::super::transition::SHIFT, NONE_LABEL);
        let mut after = [0; PARSE_FEATURES];
        parse_features(&state, &at, &mut after);
        // b0 was "ministers"; now s0 is, and b0 is "met".
        let b0 = ROLE_STARTS[2];
        assert_ne!(before[b0], after[b0]);
        assert_eq!(after[0], key(0, &[words[0].form]));
        assert_eq!(after[b0], key(6, &[words[1].form]));
    }
}
