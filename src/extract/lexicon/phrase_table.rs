//! The phrase matcher: a trie over normalized tokens with a filter of first tokens, and the
//! fast word hash the lexicons' maps and sets use.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::{Target, normalize_apostrophes};
use crate::extract::tokenize::{TokenKind, tokenize};

/// One node of a phrase table's trie: what the phrase ending here names (the first one
/// inserted), and the nodes one (normalized) token further on.
#[derive(Debug, Default)]
struct TrieNode {
    target: Option<Target>,
    next: HashMap<Box<str>, u32, BuildHasherDefault<WordHasher>>,
}

/// A word's first-token filter hash with ASCII capitals folded, and whether it is ASCII
/// ([`PhraseTable::folded_key`]).
#[derive(Debug, Clone, Copy)]
pub struct FilterKey((u64, bool));

/// One bit (of 64) for a word of `len` bytes opening with byte `first`: word sets keep the
/// bits of their words, and turn away a word whose bit they lack without hashing it.
#[inline]
pub fn shape_bit(len: usize, first: u8) -> u64 {
    let x = u64::from(first) | (len as u64) << 8;
    1 << (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
}

/// A phrase table: a trie over normalized tokens, matched longest-first.
#[derive(Debug)]
pub struct PhraseTable {
    /// Node 0 is the root.
    nodes: Vec<TrieNode>,
    case_insensitive: bool,
    /// A one-hash Bloom filter of the phrases' first tokens ([`FIRST_BITS`] bits, 8 KB, so it
    /// stays in the processor's nearest cache): most tokens start no phrase, and most of those
    /// are turned away here without a probe of the root's map, whose entries are scattered in
    /// memory.
    first: Vec<u64>,
}

/// Bits of a phrase table's first-token filter.
const FIRST_BITS: usize = 1 << 16;

/// The filter bit of a normalized first token.
fn first_bit(token: &str) -> (usize, u64) {
    bit_of_hash(filter_hash(token.as_bytes(), false))
}

/// The filter bit of a token of filter hash `hash` ([`filter_hash`]): its high bits.
fn bit_of_hash(hash: u64) -> (usize, u64) {
    #[allow(clippy::cast_possible_truncation, reason = "shifted below FIRST_BITS")]
    let bit = (hash >> 48) as usize & (FIRST_BITS - 1);
    (bit / 64, 1 << (bit % 64))
}

/// Eight bytes as a little-endian word.
#[inline]
fn load8(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(word)
}

/// The first-token filter's hash of a token's bytes, with ASCII capitals read as lower case
/// when `fold` is set (the hash of `to_ascii_lowercase`, without the copy), and whether the
/// token is ASCII. Only the filter reads it, so it is cheap rather than thorough: the first
/// and last eight bytes (or the whole of a shorter token) and the length, mixed once; tokens
/// that agree there share a bit, and the trie still tells them apart.
#[allow(
    clippy::inline_always,
    reason = "runs for every token and table; left out of line, its call cost a third of it"
)]
#[inline(always)]
fn filter_hash_ascii(bytes: &[u8], fold: bool) -> (u64, bool) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let fold = |w: u64| if fold { ascii_lower8(w) } else { w };
    let n = bytes.len();
    let (head, tail) = match n {
        0 => (0, 0),
        1..8 => (padded_tail(bytes), 0),
        _ => (load8(bytes), load8(&bytes[n - 8..])),
    };
    // (up to 16 bytes, the two words hold every byte)
    let ascii = if n <= 16 {
        (head | tail) & HIGH == 0
    } else {
        bytes.is_ascii()
    };
    let x =
        fold(head) ^ fold(tail).rotate_left(32) ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let h = (x ^ (x >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    (h ^ (h >> 32), ascii)
}

/// [`filter_hash_ascii`]'s hash alone.
fn filter_hash(bytes: &[u8], fold: bool) -> u64 {
    filter_hash_ascii(bytes, fold).0
}

/// Eight bytes with the ASCII capitals among them lower-cased (other bytes, UTF-8 ones too,
/// kept): each byte's high bit marks, without carries between bytes, whether it is an ASCII
/// byte from `A` to `Z`, and moves down to its 0x20 bit.
#[inline]
fn ascii_lower8(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = w & LOW7;
    let at_least_a = low + 0x3f3f_3f3f_3f3f_3f3f; // high bit where the byte is >= b'A'
    let past_z = low + 0x2525_2525_2525_2525; // high bit where the byte is > b'Z'
    let capital = at_least_a & !past_z & !w & HIGH;
    w | (capital >> 2)
}

impl Default for PhraseTable {
    fn default() -> Self {
        Self::new(false)
    }
}

/// A fast hash for the short token strings the lexicons are keyed by: eight bytes at a time,
/// then a final mix so every input bit reaches the low bits the tables index by (the tables
/// hold our own lexicons, so flooding is not a concern).
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

/// A set of words hashed with [`WordHasher`]: looked up for almost every token, so the hash is
/// cheap.
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

impl Default for WordHasher {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl WordHasher {
    fn mix(&mut self, x: u64) {
        self.0 = (self.0 ^ x)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
}

/// 1 to 7 bytes as a zero-padded little-endian word, read as two overlapping loads (4 bytes
/// from each end, or the first, middle and last byte): the bytes they share are the same, so
/// or-ing them in place gives each byte once, with no loop over the bytes.
#[inline]
fn padded_tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!((1..8).contains(&n));
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else {
        u64::from(rest[0])
            | u64::from(rest[n / 2]) << (8 * (n / 2))
            | u64::from(rest[n - 1]) << (8 * (n - 1))
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The 64-bit finalizer of MurmurHash3.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes as a zero-padded little-endian word (a copy of a length known
            // only at run time is a call to `memcpy`, and most words end here).
            let word = padded_tail(rest);
            // The length tells "ab" from "ab\0".
            self.mix(word ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b) | 0x100);
    }
}

impl PhraseTable {
    pub(super) fn new(case_insensitive: bool) -> Self {
        Self {
            nodes: vec![TrieNode::default()],
            case_insensitive,
            first: vec![0; FIRST_BITS / 64],
        }
    }

    /// The form a token is looked up by; borrowed when nothing needs changing, which is
    /// nearly always.
    fn norm<'s>(&self, s: &'s str) -> Cow<'s, str> {
        if s.is_ascii() {
            // No typographic apostrophes, and case folds by ASCII rules.
            return if self.case_insensitive && s.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(s.to_ascii_lowercase())
            } else {
                Cow::Borrowed(s)
            };
        }
        let needs_case = self.case_insensitive && s.chars().any(char::is_uppercase);
        if !needs_case && !s.contains(['\u{2019}', '\u{2018}']) {
            return Cow::Borrowed(s);
        }
        let s = normalize_apostrophes(s);
        Cow::Owned(if self.case_insensitive {
            s.to_lowercase()
        } else {
            s
        })
    }

    pub(super) fn insert(&mut self, phrase: &str, target: Target) {
        let mut node = 0;
        let mut any = false;
        for t in tokenize(phrase) {
            if t.kind == TokenKind::Space {
                continue;
            }
            let token: Box<str> = self.norm(&phrase[t.span.clone()]).into();
            if !any {
                let (word, bit) = first_bit(&token);
                self.first[word] |= bit;
            }
            any = true;
            node = if let Some(&child) = self.nodes[node].next.get(&token) {
                child as usize
            } else {
                let child = self.nodes.len();
                self.nodes.push(TrieNode::default());
                let id =
                    u32::try_from(child).expect("phrase tables stay far below 4 billion nodes");
                self.nodes[node].next.insert(token, id);
                child
            };
        }
        // The first phrase inserted with these tokens keeps them.
        if any && self.nodes[node].target.is_none() {
            self.nodes[node].target = Some(target);
        }
    }

    /// Calls `f` with the form `s` is looked up by. Short ASCII words (nearly all of them)
    /// are folded on the stack: this runs for every token and every table.
    fn with_norm<R>(&self, s: &str, f: impl FnOnce(&str) -> R) -> R {
        if !s.is_ascii() {
            return f(&self.norm(s));
        }
        // ASCII: no typographic apostrophes, and case folds by ASCII rules.
        if !self.case_insensitive || !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(s);
        }
        let mut buf = [0u8; 32];
        if s.len() <= buf.len() {
            let folded = &mut buf[..s.len()];
            folded.copy_from_slice(s.as_bytes());
            folded.make_ascii_lowercase();
            if let Ok(folded) = std::str::from_utf8(folded) {
                return f(folded);
            }
        }
        f(&s.to_ascii_lowercase())
    }

    /// Longest phrase starting at `words[start]`: (token count, target).
    pub fn longest_at(&self, words: &[&str], start: usize) -> Option<(usize, Target)> {
        self.longest_and_filter_at(words, start).0
    }

    /// [`Self::longest_at`], and whether `words[start]` got past the first-token filter:
    /// `false` says that no phrase starts with that word, whatever follows it.
    #[inline]
    pub fn longest_and_filter_at(
        &self,
        words: &[&str],
        start: usize,
    ) -> (Option<(usize, Target)>, bool) {
        let Some(first) = words.get(start) else {
            return (None, false);
        };
        let key = filter_hash_ascii(first.as_bytes(), self.case_insensitive);
        self.longest_from(words, start, key)
    }

    /// How the first-token filters of case-insensitive tables read `word`: computed once, it
    /// serves every such table ([`Self::longest_at_folded`]).
    #[inline]
    pub fn folded_key(word: &str) -> FilterKey {
        FilterKey(filter_hash_ascii(word.as_bytes(), true))
    }

    /// [`Self::longest_at`] for a case-insensitive table, given the [`Self::folded_key`] of
    /// `words[start]`.
    #[inline]
    pub fn longest_at_folded(
        &self,
        words: &[&str],
        start: usize,
        key: FilterKey,
    ) -> Option<(usize, Target)> {
        debug_assert!(
            self.case_insensitive,
            "folded keys serve case-insensitive tables"
        );
        if start >= words.len() {
            return None;
        }
        self.longest_from(words, start, key.0).0
    }

    /// The walk of [`Self::longest_and_filter_at`], given the first word's filter hash and
    /// whether it is ASCII (`start` is within `words`).
    #[allow(
        clippy::inline_always,
        reason = "runs for every token and table; out of line it cost more than the walk"
    )]
    #[inline(always)]
    fn longest_from(
        &self,
        words: &[&str],
        start: usize,
        (hash, checked): (u64, bool),
    ) -> (Option<(usize, Target)>, bool) {
        let rest = &words[start..];
        // Most words start no phrase: an ASCII word (nearly all) is turned away by the filter
        // on a hash of its folded bytes, with no folded copy made.
        if checked {
            let (word, bit) = bit_of_hash(hash);
            if self.first[word] & bit == 0 {
                return (None, false);
            }
        }
        let mut node = 0;
        let mut best = None;
        let mut passed = checked;
        for (k, word) in rest.iter().enumerate() {
            let child = self.with_norm(word, |w| {
                if k == 0 && !checked {
                    let (word, bit) = first_bit(w);
                    if self.first[word] & bit == 0 {
                        return None;
                    }
                    passed = true;
                }
                self.nodes[node].next.get(w)
            });
            let Some(&child) = child else {
                break;
            };
            node = child as usize;
            if let Some(target) = self.nodes[node].target {
                best = Some((k + 1, target));
            }
        }
        (best, passed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher;

    #[test]
    fn a_word_hashes_as_its_zero_padded_eight_byte_words() {
        for word in [
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "Erdoğan’s",
            "North Atlantic",
        ] {
            let mut expected = WordHasher::default();
            let bytes = word.as_bytes();
            for chunk in bytes.chunks(8) {
                let mut padded = [0u8; 8];
                padded[..chunk.len()].copy_from_slice(chunk);
                let x = u64::from_le_bytes(padded);
                expected.mix(if chunk.len() == 8 {
                    x
                } else {
                    x ^ ((chunk.len() as u64) << 59)
                });
            }
            let mut h = WordHasher::default();
            h.write(bytes);
            assert_eq!(h.finish(), expected.finish(), "{word}");
        }
    }

    #[test]
    fn the_folded_filter_hash_is_the_hash_of_the_lower_case_copy() {
        for word in [
            "",
            "a",
            "Z",
            "@[`{",
            "talks",
            "TALKS",
            "Secretary-General",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "abcdefghijklmnopqrstuvwxyz",
            "0123456789!?",
            "U.S.",
            "McDonald's",
            "Erdoğan’s",
            "ÀÉÎ",
            "\u{7f}\u{80}",
            "Istanbul",
            "NATO's",
            "abcdéfghij",
            "abcdefghijklmnopé",
            "éabcdefghijklmnopq",
            "Internationally-Recognised",
        ] {
            let lower = word.to_ascii_lowercase();
            assert_eq!(
                filter_hash_ascii(word.as_bytes(), true),
                (filter_hash(lower.as_bytes(), false), word.is_ascii()),
                "{word}"
            );
        }
        // Every byte value, alone and among others.
        for b in 0..=255u8 {
            let bytes = [b'x', b, b'Q', b, b'a', b'[', b, b'@', b, b'Z'];
            for w in bytes.windows(8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(w);
                let mut lower = word;
                lower.make_ascii_lowercase();
                assert_eq!(
                    ascii_lower8(u64::from_le_bytes(word)),
                    u64::from_le_bytes(lower),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn a_short_tail_reads_as_its_bytes_zero_padded() {
        let bytes = b"abcdefg";
        for n in 1..8 {
            let expected = bytes[..n]
                .iter()
                .enumerate()
                .fold(0u64, |w, (i, &b)| w | u64::from(b) << (8 * i));
            assert_eq!(padded_tail(&bytes[..n]), expected, "{n} bytes");
        }
        assert_eq!(padded_tail(&[0xff, 0, 0x80]), 0x0080_00ff);
    }

    #[test]
    fn the_first_token_filter_lets_every_phrase_through() {
        let mut table = PhraseTable::new(true);
        table.insert("South China Sea", Target::Issue(0));
        table.insert("Taiwan", Target::Issue(1));
        table.insert("South Sudan", Target::Issue(2));
        let words = [
            "the", "SOUTH", "China", "Sea", "and", "taiwan", "south", "sudan",
        ];
        let found: Vec<_> = (0..words.len())
            .map(|i| table.longest_at(&words, i).map(|(n, _)| n))
            .collect();
        assert_eq!(
            found,
            [None, Some(3), None, None, None, Some(1), Some(2), None]
        );
        assert_eq!(table.longest_at(&["Sea"], 0), None);
        // The filter lets every phrase's first word through, whatever comes after it.
        let passed = |words: &[&str]| table.longest_and_filter_at(words, 0).1;
        for first in [
            &["SOUTH", "Korea"][..],
            &["south"],
            &["Taiwan"],
            &["TAIWAN", "Strait"],
        ] {
            assert!(passed(first), "{first:?}");
        }
        // (a filter may let a word through that starts nothing; these three hash apart)
        for other in ["the", "Sea", "Erdoğan"] {
            assert!(!passed(&[other]), "{other}");
        }
        // A case-sensitive table keeps the case of first tokens.
        let mut names = PhraseTable::new(false);
        names.insert("Taiwan", Target::Issue(1));
        assert_eq!(names.longest_at(&["taiwan"], 0), None);
        assert!(names.longest_at(&["Taiwan"], 0).is_some());
    }
}
