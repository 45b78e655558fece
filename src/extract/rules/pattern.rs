//! The token patterns of rules: tests on one token, on the span's words, and on the tokens
//! right before and after the span.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::NamedSet;
use crate::extract::lexicon::Lexicon;

/// A tagger label a rule applies to or gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organization.
    #[serde(rename = "ORG")]
    Org,
    /// A location.
    #[serde(rename = "LOC")]
    Loc,
    /// Any other name (nationalities, events, works).
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    /// The tagger's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }

    /// The label named `name` (`PER`, `ORG`, `LOC`), if any.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "PER" => Some(Label::Per),
            "ORG" => Some(Label::Org),
            "LOC" => Some(Label::Loc),
            "MISC" => Some(Label::Misc),
            _ => None,
        }
    }
}

/// Where a rule is tried: a sentence's words and a span of them with the tagger's label.
#[derive(Debug, Clone, Copy)]
pub struct Site<'w> {
    /// The sentence's words.
    pub words: &'w [&'w str],
    /// First word of the span.
    pub start: usize,
    /// One past its last word.
    pub end: usize,
    /// The tagger's label for it.
    pub label: Label,
}

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Shape {
    /// Starts with a capital letter.
    Capitalized,
    /// Only lower-case letters.
    Lower,
    /// Only ASCII capitals ("NATO"; not "G-7").
    Upper,
    /// No lower-case letter: letters are ASCII capitals, anything else goes ("G-7", "UK").
    Caps,
    /// Only letters.
    Alphabetic,
}

impl Shape {
    fn of(self, w: &str) -> bool {
        match self {
            Shape::Capitalized => w.chars().next().is_some_and(char::is_uppercase),
            Shape::Lower => w.chars().all(char::is_lowercase),
            Shape::Upper => w.chars().all(|c| c.is_ascii_uppercase()),
            Shape::Caps => w
                .chars()
                .all(|c| c.is_ascii_uppercase() || !c.is_alphabetic()),
            Shape::Alphabetic => w.chars().all(char::is_alphabetic),
        }
    }
}

/// What the lexicons say of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum LexiconTest {
    /// A given name.
    GivenName,
    /// A plain word of the language.
    CommonWord,
    /// The first word of a place the gazetteer lists (a city, a US state, a continent).
    GazetteerPlace,
}

impl LexiconTest {
    fn of(self, lex: &Lexicon, w: &str) -> bool {
        match self {
            LexiconTest::GivenName => lex.is_given_name(w),
            LexiconTest::CommonWord => lex.is_common_word(w),
            LexiconTest::GazetteerPlace => {
                crate::extract::gazetteer::Gazetteer::shared().starts_name(w)
            }
        }
    }
}

/// A test on one token, as written in a rule file: every field given must hold.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TokenEntry {
    #[serde(default)]
    words: Vec<String>,
    set: Option<String>,
    not_set: Option<String>,
    shape: Option<Shape>,
    not_shape: Option<Shape>,
    suffix: Option<String>,
    lexicon: Option<LexiconTest>,
    not_lexicon: Option<LexiconTest>,
    /// In `before` and `after`: the token may be absent.
    #[serde(default)]
    optional: bool,
}

/// A test on one token, with word sets resolved.
#[derive(Debug, Clone)]
pub(super) struct TokenTest {
    words: Vec<String>,
    set: Option<usize>,
    not_set: Option<usize>,
    shape: Option<Shape>,
    not_shape: Option<Shape>,
    suffix: Option<String>,
    lexicon: Option<LexiconTest>,
    not_lexicon: Option<LexiconTest>,
    optional: bool,
}

fn set_index(
    index: &HashMap<String, usize>,
    name: Option<&String>,
) -> Result<Option<usize>, String> {
    name.map(|n| {
        index
            .get(n)
            .copied()
            .ok_or_else(|| format!("unknown word set {n}"))
    })
    .transpose()
}

impl TokenEntry {
    fn compile(&self, index: &HashMap<String, usize>) -> Result<TokenTest, String> {
        Ok(TokenTest {
            words: self.words.clone(),
            set: set_index(index, self.set.as_ref())?,
            not_set: set_index(index, self.not_set.as_ref())?,
            shape: self.shape,
            not_shape: self.not_shape,
            suffix: self.suffix.clone(),
            lexicon: self.lexicon,
            not_lexicon: self.not_lexicon,
            optional: self.optional,
        })
    }
}

impl TokenTest {
    fn matches(&self, sets: &[NamedSet], lex: &Lexicon, w: &str) -> bool {
        (self.words.is_empty() || self.words.iter().any(|x| x == w))
            && self.set.is_none_or(|s| sets[s].contains(w))
            && self.not_set.is_none_or(|s| !sets[s].contains(w))
            && self.shape.is_none_or(|s| s.of(w))
            && self.not_shape.is_none_or(|s| !s.of(w))
            && self.suffix.as_ref().is_none_or(|s| w.ends_with(s.as_str()))
            && self.lexicon.is_none_or(|t| t.of(lex, w))
            && self.not_lexicon.is_none_or(|t| !t.of(lex, w))
    }
}

/// Compiles the tests of `before` or `after`.
pub(super) fn compile_tokens(
    entries: &[TokenEntry],
    index: &HashMap<String, usize>,
) -> Result<Vec<TokenTest>, String> {
    entries.iter().map(|e| e.compile(index)).collect()
}

/// Tests on the span's own words, as written in a rule file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SpanEntry {
    /// Fewest words.
    min_len: Option<usize>,
    /// Most words.
    max_len: Option<usize>,
    first: Option<TokenEntry>,
    last: Option<TokenEntry>,
    /// Every word passes.
    every: Option<TokenEntry>,
    /// Not every word passes.
    not_every: Option<TokenEntry>,
}

/// Tests on the span's own words, compiled.
#[derive(Debug, Clone)]
pub(super) struct SpanTest {
    min_len: usize,
    max_len: usize,
    first: Option<TokenTest>,
    last: Option<TokenTest>,
    every: Option<TokenTest>,
    not_every: Option<TokenTest>,
}

impl SpanEntry {
    pub(super) fn compile(&self, index: &HashMap<String, usize>) -> Result<SpanTest, String> {
        let one = |e: &Option<TokenEntry>| e.as_ref().map(|e| e.compile(index)).transpose();
        Ok(SpanTest {
            min_len: self.min_len.unwrap_or(1),
            max_len: self.max_len.unwrap_or(usize::MAX),
            first: one(&self.first)?,
            last: one(&self.last)?,
            every: one(&self.every)?,
            not_every: one(&self.not_every)?,
        })
    }
}

impl SpanTest {
    pub(super) fn matches(&self, sets: &[NamedSet], lex: &Lexicon, site: &Site<'_>) -> bool {
        let Some(words) = site.words.get(site.start..site.end) else {
            return false;
        };
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        (self.min_len..=self.max_len).contains(&words.len())
            && self
                .first
                .as_ref()
                .is_none_or(|t| t.matches(sets, lex, first))
            && self
                .last
                .as_ref()
                .is_none_or(|t| t.matches(sets, lex, last))
            && self
                .every
                .as_ref()
                .is_none_or(|t| words.iter().all(|w| t.matches(sets, lex, w)))
            && self
                .not_every
                .as_ref()
                .is_none_or(|t| !words.iter().all(|w| t.matches(sets, lex, w)))
    }
}

/// Whether `tests`, taken outward from the span, match the tokens `at(0)`, `at(1)`, ... (an
/// optional test may match nothing).
fn outward<'w>(
    tests: &[TokenTest],
    backward: bool,
    steps: usize,
    sets: &[NamedSet],
    lex: &Lexicon,
    at: &dyn Fn(usize) -> Option<&'w str>,
) -> bool {
    // Backward, the test nearest the span is the last one.
    let next = if backward {
        tests.split_last()
    } else {
        tests.split_first()
    };
    let Some((test, rest)) = next else {
        return true;
    };
    let here = at(steps).is_some_and(|w| test.matches(sets, lex, w))
        && outward(rest, backward, steps + 1, sets, lex, at);
    here || (test.optional && outward(rest, backward, steps, sets, lex, at))
}

/// Whether `tests` (in reading order) match the words right before the span.
pub(super) fn matches_before(
    tests: &[TokenTest],
    sets: &[NamedSet],
    lex: &Lexicon,
    site: &Site<'_>,
) -> bool {
    if tests.is_empty() {
        return true;
    }
    let at = |k: usize| {
        site.start
            .checked_sub(k + 1)
            .and_then(|p| site.words.get(p).copied())
    };
    outward(tests, true, 0, sets, lex, &at)
}

/// Whether `tests` match the words right after the span.
pub(super) fn matches_after(
    tests: &[TokenTest],
    sets: &[NamedSet],
    lex: &Lexicon,
    site: &Site<'_>,
) -> bool {
    if tests.is_empty() {
        return true;
    }
    let at = |k: usize| site.words.get(site.end + k).copied();
    outward(tests, false, 0, sets, lex, &at)
}
