//! Token features for the entity tagger, chosen to carry across domains: the word and its
//! neighbours, word shape, prefixes and suffixes, capitalization in context (a capitalized
//! word that the same document also writes in lower case is probably not a name), membership
//! in the lexicons, and position. Features are hashed to 64-bit keys.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::extract::clusters::{ClassPath, WordClasses};
use crate::extract::gazetteer::{self, Gazetteer};
use crate::extract::lexicon::{CountryForm, Lexicon, Target, WordHasher};

/// Feature templates; the discriminant goes into the hash so templates never collide.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
pub(super) enum T {
    Bias,
    Word,
    Lower,
    Shape,
    ShortShape,
    Prefix1,
    Prefix2,
    Prefix3,
    Prefix4,
    Suffix1,
    Suffix2,
    Suffix3,
    Suffix4,
    PrevLower,
    NextLower,
    Prev2Lower,
    Next2Lower,
    PrevShape,
    NextShape,
    PrevWordBigram,
    NextWordBigram,
    ShapeTrigram,
    First,
    FirstShape,
    Headline,
    HeadlineLower,
    SeenLower,
    Lexicon,
    PrevLexicon,
    NextLexicon,
    Common,
    GivenName,
    PrevGivenName,
    Title,
    PrevTitle,
    Length,
    /// The word's class at one level of the word classes.
    Class,
    /// The word's class at one level with its short shape ("a capitalized word of class 17").
    ClassShape,
    /// A word the word classes do not list, with its short shape.
    NoClass,
    /// The class of the word before, at one level.
    PrevClass,
    /// The class of the word after, at one level.
    NextClass,
    /// The token's place in a gazetteer name ("B-city1m").
    Gazetteer,
    /// The token's place in a gazetteer name with its short shape.
    GazetteerShape,
}

/// A fast, deterministic 64-bit hash (FNV-1a over the template and the parts).
pub(super) fn hash(template: T, parts: &[&str]) -> u64 {
    hash_with(template, parts, &[])
}

/// One byte of FNV-1a.
#[inline]
fn fnv_eat(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// The state of [`hash_with`] after `template` alone: [`hash_part`] goes on from it, so
/// `hash_part(hash_part(hash_start(t), a), b) == hash(t, &[a, b])`. A state kept after the
/// first part lets a key be finished from it for every second part (FNV is sequential).
#[inline]
pub(super) fn hash_start(template: T) -> u64 {
    fnv_eat(0xcbf2_9ce4_8422_2325, template as u8)
}

/// State `h` of [`hash_with`] carried over one more string part.
#[inline]
pub(super) fn hash_part(mut h: u64, part: &str) -> u64 {
    h = fnv_eat(h, 0xff);
    // Four bytes a round, then the rest: the same steps in the same order, with a quarter
    // of the loop's own counting (the tagger hashes some 50 bytes a token).
    let mut fours = part.as_bytes().chunks_exact(4);
    for four in &mut fours {
        h = fnv_eat(h, four[0]);
        h = fnv_eat(h, four[1]);
        h = fnv_eat(h, four[2]);
        h = fnv_eat(h, four[3]);
    }
    for &b in fours.remainder() {
        h = fnv_eat(h, b);
    }
    h
}

/// [`hash`] over string parts and then numbers (each marked apart from the strings, so a
/// number never collides with a string).
pub(super) fn hash_with(template: T, parts: &[&str], numbers: &[u32]) -> u64 {
    let mut h = hash_start(template);
    for p in parts {
        h = hash_part(h, p);
    }
    let mut eat = |b: u8| h = fnv_eat(h, b);
    for n in numbers {
        eat(0xfe);
        for b in n.to_le_bytes() {
            eat(b);
        }
    }
    h
}

/// The optional groups of features a model was trained with (recorded in its file, so tagging
/// computes the same ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeatureSet(u32);

impl FeatureSet {
    /// Word classes of the word and its neighbours ([`crate::extract::clusters`]).
    pub const CLASSES: Self = Self(1);
    /// Place names of the gazetteer ([`crate::extract::gazetteer`]).
    pub const GAZETTEER: Self = Self(2);
    /// Every group, with its name on the command line.
    pub const GROUPS: [(&'static str, Self); 2] =
        [("classes", Self::CLASSES), ("gazetteer", Self::GAZETTEER)];

    /// The groups of a comma-separated list of names ("" or "none" for none).
    ///
    /// # Errors
    /// On a name that is no group, with the names there are.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut set = Self::default();
        for name in list.split(',').map(str::trim) {
            if name.is_empty() || name == "none" {
                continue;
            }
            let Some((_, group)) = Self::GROUPS.iter().find(|(n, _)| *n == name) else {
                let names: Vec<&str> = Self::GROUPS.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "no feature group '{name}' (there are: {})",
                    names.join(", ")
                ));
            };
            set.0 |= group.0;
        }
        Ok(set)
    }

    /// Every group this build knows.
    pub fn all() -> Self {
        Self(Self::GROUPS.iter().fold(0, |bits, (_, g)| bits | g.0))
    }

    /// Whether the set holds every group of `group`.
    pub fn has(self, group: Self) -> bool {
        self.0 & group.0 == group.0 && group.0 != 0
    }

    /// The set as stored in a model file.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// The set a model file stores, if this build knows all its groups.
    pub fn from_bits(bits: u32) -> Option<Self> {
        (bits & !Self::all().0 == 0).then_some(Self(bits))
    }

    /// A hash of the data files the set's groups read (the word classes, the gazetteer): a
    /// model records it, and runs only with the same files.
    pub fn data_fingerprint(self) -> u64 {
        let mut h = 0;
        if self.has(Self::CLASSES) {
            h ^= WordClasses::shared().fingerprint();
        }
        if self.has(Self::GAZETTEER) {
            h ^= Gazetteer::shared().fingerprint().rotate_left(17);
        }
        h
    }
}

/// The features of a token's place in a gazetteer name (`label` from
/// [`Gazetteer::labels_into`]), given its short shape.
pub(super) fn gazetteer_keys(label: &str, short: &str, mut f: impl FnMut(u64)) {
    if label != gazetteer::OUTSIDE {
        f(hash(T::Gazetteer, &[label]));
        f(hash(T::GazetteerShape, &[label, short]));
    }
}

/// The word-class levels the features read (indices into a [`ClassPath`], finest first): the
/// finest level separates words too thinly for 200,000 tokens of training.
const CLASS_LEVELS: [usize; 3] = [1, 2, 3];

/// The level the neighbours' classes and the class-with-shape feature read.
const CONTEXT_LEVEL: usize = 2;

/// The features of a word's own classes (or of its having none), given its short shape.
pub(super) fn class_keys(classes: Option<ClassPath>, short: &str, mut f: impl FnMut(u64)) {
    match classes {
        Some(path) => {
            for l in CLASS_LEVELS {
                f(hash_with(T::Class, &[], &[level_id(l), u32::from(path[l])]));
            }
            f(hash_with(
                T::ClassShape,
                &[short],
                &[u32::from(path[CONTEXT_LEVEL])],
            ));
        }
        None => f(hash(T::NoClass, &[short])),
    }
}

/// The feature a word's class gives the token after it.
pub(super) fn prev_class_key(classes: Option<ClassPath>) -> u64 {
    hash_with(T::PrevClass, &[], &[context_class(classes)])
}

/// The feature a word's class gives the token before it.
pub(super) fn next_class_key(classes: Option<ClassPath>) -> u64 {
    hash_with(T::NextClass, &[], &[context_class(classes)])
}

fn context_class(classes: Option<ClassPath>) -> u32 {
    classes.map_or(u32::MAX, |p| u32::from(p[CONTEXT_LEVEL]))
}

fn level_id(l: usize) -> u32 {
    u32::try_from(l).unwrap_or(u32::MAX)
}

/// Word shape: letters to X/x, digits to d, runs longer than two collapsed ("Xxx" for "Peter",
/// "dd-dd" for "12-05").
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    shape_into(word, &mut out);
    out
}

/// [`shape`], appended to `out`.
pub(super) fn shape_into(word: &str, out: &mut String) {
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
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
    }
}

/// Shape with every run collapsed to one symbol ("Xx" for "Peter"), written into `out`.
pub(super) fn short_shape_into(shape: &str, out: &mut String) {
    out.clear();
    for c in shape.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
}

/// Shape with every run collapsed to one symbol ("Xx" for "Peter").
#[cfg(test)]
fn short_shape(shape: &str) -> String {
    let mut out = String::new();
    short_shape_into(shape, &mut out);
    out
}

pub(super) fn prefix(word: &str, n: usize) -> &str {
    word.char_indices().nth(n).map_or(word, |(i, _)| &word[..i])
}

pub(super) fn suffix(word: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        Some(back) => word
            .char_indices()
            .rev()
            .nth(back)
            .map_or(word, |(i, _)| &word[i..]),
        None => "",
    }
}

/// What the lexicons say of each token of a sentence: `B-`/`I-` plus a class name.
/// A headline written in capitals (two or more words with letters, none lower case): case
/// says nothing there.
/// (A lower-case letter is a letter: the first word with one answers, most often the first.)
pub(super) fn is_capitals_headline(words: &[&str]) -> bool {
    let mut letters = 0;
    for w in words {
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        if w.chars().any(char::is_alphabetic) {
            letters += 1;
        }
    }
    letters >= 2
}

fn lexicon_classes(names_at: &[Option<(usize, Target)>]) -> Vec<&'static str> {
    let mut out = Vec::new();
    lexicon_classes_into(names_at, &mut out);
    out
}

/// [`lexicon_classes`], written into `out`.
pub(super) fn lexicon_classes_into(
    names_at: &[Option<(usize, Target)>],
    out: &mut Vec<&'static str>,
) {
    out.clear();
    out.resize(names_at.len(), "-");
    let mut i = 0;
    while i < names_at.len() {
        if let Some((len, target)) = names_at[i] {
            let (b, inside) = match target {
                Target::Country(_, CountryForm::Name | CountryForm::Short) => ("B-cty", "I-cty"),
                Target::Country(_, CountryForm::Adjective) => ("B-adj", "I-adj"),
                Target::Country(_, CountryForm::Capital) => ("B-cap", "I-cap"),
                Target::Organization(_) => ("B-org", "I-org"),
                Target::Person(_) | Target::PersonAlias(_) => ("B-per", "I-per"),
                _ => ("B-oth", "I-oth"),
            };
            out[i] = b;
            for o in &mut out[i + 1..i + len] {
                *o = inside;
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

/// Per-document context: the words the document also writes in lower case (borrowed from the
/// document's text).
#[derive(Debug, Default)]
pub struct DocContext<'a> {
    pub(super) lower_seen: HashSet<&'a str, BuildHasherDefault<WordHasher>>,
}

impl<'a> DocContext<'a> {
    /// Collects the lower-case words of all `sentences`.
    pub fn new<'s>(sentences: impl IntoIterator<Item = &'s [&'a str]>) -> Self
    where
        'a: 's,
    {
        let mut lower_seen = HashSet::default();
        for s in sentences {
            for w in s {
                if w.chars().next().is_some_and(char::is_lowercase) {
                    lower_seen.insert(*w);
                }
            }
        }
        Self { lower_seen }
    }
}

/// The word at `i`, or a boundary marker outside the sentence.
pub(super) fn at<'v>(v: &[&'v str], i: isize) -> &'v str {
    usize::try_from(i)
        .ok()
        .and_then(|i| v.get(i))
        .map_or(if i < 0 { "<s>" } else { "</s>" }, |w| w)
}

/// The hashed features of one sentence's tokens, stored flat: token `i` has
/// `keys[ends[i - 1]..ends[i]]`.
#[derive(Debug, Default)]
pub struct SentenceFeatures {
    keys: Vec<u64>,
    ends: Vec<usize>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The features of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.keys[start..self.ends[i]]
    }

    /// The features of every token, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &[u64]> {
        (0..self.len()).map(|i| self.token(i))
    }

    /// Every feature of every token.
    pub fn all(&self) -> &[u64] {
        &self.keys
    }
}

/// Appends `w` in lower case to `out` (by ASCII rules when it is ASCII, as nearly all words
/// are).
pub(super) fn push_lower(w: &str, out: &mut String) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&w.to_lowercase());
    }
}

/// Computes the features of every token of `words`, with the optional groups of `set`.
pub fn sentence_features(
    words: &[&str],
    lex: &Lexicon,
    doc: &DocContext,
    set: FeatureSet,
) -> SentenceFeatures {
    let names_at: Vec<_> = (0..words.len())
        .map(|i| lex.names.longest_at(words, i))
        .collect();
    let titles_at: Vec<_> = (0..words.len())
        .map(|i| lex.titles.longest_at(words, i))
        .collect();
    sentence_features_with(words, &names_at, &titles_at, lex, doc, set)
}

/// [`sentence_features`] with the lexicon lookups of every word already done (the actor stage
/// has them).
pub fn sentence_features_with(
    words: &[&str],
    names_at: &[Option<(usize, Target)>],
    titles_at: &[Option<(usize, Target)>],
    lex: &Lexicon,
    doc: &DocContext,
    set: FeatureSet,
) -> SentenceFeatures {
    let mut out = SentenceFeatures {
        keys: Vec::with_capacity(words.len() * 36),
        ends: Vec::with_capacity(words.len()),
    };
    visit_features(words, names_at, titles_at, lex, doc, set, &mut out);
    out
}

/// Appends the features of every token of `words` to `out`, in a fixed order (training sums
/// them in this order). This is the features' definition; tagging computes the same keys
/// grouped by the word they read ([`super::emit`]), and a test holds the two equal.
fn visit_features(
    words: &[&str],
    names_at: &[Option<(usize, Target)>],
    titles_at: &[Option<(usize, Target)>],
    lex: &Lexicon,
    doc: &DocContext,
    set: FeatureSet,
    out: &mut SentenceFeatures,
) {
    let n = words.len();
    let word_classes: Vec<Option<ClassPath>> = if set.has(FeatureSet::CLASSES) {
        let table = WordClasses::shared();
        words.iter().map(|w| table.classes(w)).collect()
    } else {
        Vec::new()
    };
    let mut places = Vec::new();
    if set.has(FeatureSet::GAZETTEER) {
        Gazetteer::shared().labels_into(words, &mut places);
    }
    // Lower-case forms and shapes, each written into one buffer for the whole sentence.
    let mut lower_text = String::with_capacity(words.iter().map(|w| w.len()).sum());
    let mut shape_text = String::with_capacity(n * 4);
    let mut ends = Vec::with_capacity(n);
    for w in words {
        push_lower(w, &mut lower_text);
        shape_into(w, &mut shape_text);
        ends.push((lower_text.len(), shape_text.len()));
    }
    let mut lower: Vec<&str> = Vec::with_capacity(n);
    let mut shapes: Vec<&str> = Vec::with_capacity(n);
    let mut from = (0, 0);
    for &(l, sh) in &ends {
        lower.push(&lower_text[from.0..l]);
        shapes.push(&shape_text[from.1..sh]);
        from = (l, sh);
    }
    let classes = lexicon_classes(names_at);
    let headline = is_capitals_headline(words);
    let class_at = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| classes.get(i))
            .copied()
            .unwrap_or("#")
    };
    let flag_at = |flags: &[bool], i: isize| -> bool {
        usize::try_from(i)
            .ok()
            .and_then(|i| flags.get(i))
            .copied()
            .unwrap_or(false)
    };
    let titles: Vec<bool> = titles_at.iter().map(Option::is_some).collect();
    let given: Vec<bool> = words.iter().map(|w| lex.is_given_name(w)).collect();
    let mut short = String::with_capacity(8);
    for i in 0..n {
        let k = isize::try_from(i).unwrap_or(isize::MAX);
        let w = words[i];
        let lw = lower[i];
        let sh = shapes[i];
        let prev = at(&lower, k - 1);
        let next = at(&lower, k + 1);
        let mut f = |key: u64| out.keys.push(key);
        {
            short_shape_into(sh, &mut short);
            f(hash(T::Bias, &[]));
            f(hash(T::Word, &[w]));
            f(hash(T::Lower, &[lw]));
            f(hash(T::Shape, &[sh]));
            f(hash(T::ShortShape, &[&short]));
            f(hash(T::Prefix1, &[prefix(w, 1)]));
            f(hash(T::Prefix2, &[prefix(lw, 2)]));
            f(hash(T::Prefix3, &[prefix(lw, 3)]));
            f(hash(T::Prefix4, &[prefix(lw, 4)]));
            f(hash(T::Suffix1, &[suffix(lw, 1)]));
            f(hash(T::Suffix2, &[suffix(lw, 2)]));
            f(hash(T::Suffix3, &[suffix(lw, 3)]));
            f(hash(T::Suffix4, &[suffix(lw, 4)]));
        }
        f(hash(T::PrevLower, &[prev]));
        f(hash(T::NextLower, &[next]));
        f(hash(T::Prev2Lower, &[at(&lower, k - 2)]));
        f(hash(T::Next2Lower, &[at(&lower, k + 2)]));
        f(hash(T::PrevShape, &[at(&shapes, k - 1)]));
        f(hash(T::NextShape, &[at(&shapes, k + 1)]));
        f(hash(T::PrevWordBigram, &[prev, lw]));
        f(hash(T::NextWordBigram, &[lw, next]));
        f(hash(
            T::ShapeTrigram,
            &[at(&shapes, k - 1), sh, at(&shapes, k + 1)],
        ));
        if i == 0 {
            f(hash(T::First, &[]));
            f(hash(T::FirstShape, &[sh]));
        }
        if headline {
            f(hash(T::Headline, &[]));
            f(hash(T::HeadlineLower, &[lw]));
        }
        if w.chars().next().is_some_and(char::is_uppercase) && doc.lower_seen.contains(lw) {
            f(hash(T::SeenLower, &[]));
        }
        f(hash(T::Lexicon, &[classes[i]]));
        f(hash(T::PrevLexicon, &[class_at(k - 1), classes[i]]));
        f(hash(T::NextLexicon, &[classes[i], class_at(k + 1)]));
        if lex.is_common_word(w) {
            f(hash(T::Common, &[]));
        }
        if given[i] {
            f(hash(T::GivenName, &[]));
        }
        if flag_at(&given, k - 1) {
            f(hash(T::PrevGivenName, &[]));
        }
        if titles[i] {
            f(hash(T::Title, &[]));
        }
        if flag_at(&titles, k - 1) {
            f(hash(T::PrevTitle, &[]));
        }
        f(hash(T::Length, &[length_class(w)]));
        if set.has(FeatureSet::CLASSES) {
            class_keys(word_classes[i], &short, &mut f);
            if i > 0 {
                f(prev_class_key(word_classes[i - 1]));
            }
            if i + 1 < n {
                f(next_class_key(word_classes[i + 1]));
            }
        }
        if set.has(FeatureSet::GAZETTEER) {
            gazetteer_keys(places[i], &short, &mut f);
        }
        out.ends.push(out.keys.len());
    }
}

/// The word's length in characters, in four classes.
pub(super) fn length_class(w: &str) -> &'static str {
    match w.chars().count() {
        0..=1 => "1",
        2..=3 => "2-3",
        4..=6 => "4-6",
        _ => "7+",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitals_headline_has_two_words_with_letters_and_none_in_lower_case() {
        assert!(is_capitals_headline(&["NATO", "CHIEF", "-", "1996"]));
        assert!(!is_capitals_headline(&["NATO", "chief", "SAYS"]));
        assert!(!is_capitals_headline(&["NATO", "SAYS", "ÉLU", "é"]));
        assert!(!is_capitals_headline(&["NATO", "1996"]));
    }

    #[test]
    fn shapes_collapse_long_runs() {
        assert_eq!(shape("Peter"), "Xxx");
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("1996-08-30"), "dd-dd-dd");
        assert_eq!(shape("McDonald's"), "XxXxx'x");
        assert_eq!(short_shape("Xxx"), "Xx");
    }

    #[test]
    fn affixes_respect_characters() {
        assert_eq!(prefix("Erdoğan", 4), "Erdo");
        assert_eq!(suffix("Erdoğan", 3), "ğan");
        assert_eq!(suffix("EU", 3), "EU");
    }

    #[test]
    fn features_differ_by_template() {
        assert_ne!(hash(T::Word, &["x"]), hash(T::Lower, &["x"]));
        assert_ne!(
            hash(T::PrevWordBigram, &["a", "bc"]),
            hash(T::PrevWordBigram, &["ab", "c"])
        );
    }
}
