//! The trained model: three weight tables (tagger, transitions, labels) and the parse of one
//! sentence with them. Weights are 16-bit steps summed as integers, so scores are exact and
//! the same on every machine.
//!
//! The file: magic, then the three tables, each as its class count, row count and rows
//! (key u64, then one i16 per class), little-endian, sorted by key.

use super::features::{
    LABEL_FEATURES, PARSE_FEATURES, POSITION_FEATURES, ROLES, TAG_FEATURES, TEMPLATE_ROLE,
    WordInfo, label_features, position_keys, role_positions, state_features, tag_features,
    word_tag,
};
use super::table::{DenseTable, Reader, Table};
use super::transition::{LEFT, MOVES, NO, RIGHT, SHIFT, State};
use super::ud_words::{self, UdWord};
use super::{Deprel, ParsedSentence, Upos, Word};
use crate::extract::doc::Doc;

const MAGIC: &[u8; 8] = b"NGPARSE\x02";

/// Longest run of words parsed as one tree; longer sentences are parsed in pieces of this
/// size, each piece's root attached to the first piece's root, so a sentence without full
/// stops costs linear time and bounded memory.
pub const MAX_PARSE_WORDS: usize = 200;

/// Why a parser model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ParseModelError {
    /// Not a newsgraph parser model, or a version this build does not read.
    #[error("not a newsgraph parser model of a version this build reads")]
    Format,
    /// The file ends early.
    #[error("the parser model file is cut short")]
    Truncated,
}

/// Index of the best class among those `allowed`.
#[inline]
pub(super) fn best<const C: usize>(scores: &[i32; C], allowed: impl Fn(usize) -> bool) -> usize {
    let mut arg = usize::MAX;
    let mut top = i32::MIN;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && (arg == usize::MAX || s > top) {
            arg = c;
            top = s;
        }
    }
    arg
}

/// Per-sentence working memory, reused from sentence to sentence (one per thread).
#[derive(Debug, Default)]
struct Scratch {
    info: Vec<WordInfo>,
    tags: Vec<u8>,
    state: State,
    text: String,
    /// Per word (then the root, then "no word"): its position templates' scores in each role.
    roles: Vec<[[i32; MOVES]; ROLES]>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// The trained tagger and parser.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    /// Tagger weights (one per UPOS tag).
    pub(super) tagger: DenseTable<{ Upos::COUNT }>,
    /// Transition weights (SHIFT, LEFT, RIGHT).
    pub(super) moves: Table<MOVES>,
    /// Arc label weights.
    pub(super) labels: DenseTable<{ Deprel::COUNT }>,
}

impl Parser {
    /// The model the binary embeds (`assets/models/parse.bin`).
    ///
    /// # Panics
    /// Never for the committed file: a test loads it.
    pub fn embedded() -> Self {
        Self::from_bytes(include_bytes!("../../../assets/models/parse.bin"))
            .expect("the embedded parser model is a valid model file (tested)")
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// When the bytes are not a parser model of this version, or are cut short.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ParseModelError> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ParseModelError::Format);
        }
        let tagger = DenseTable::read(&mut r)?;
        let moves = Table::read(&mut r)?;
        let labels = DenseTable::read(&mut r)?;
        if r.remaining() != 0 {
            return Err(ParseModelError::Format);
        }
        Ok(Self {
            tagger,
            moves,
            labels,
        })
    }

    /// The model file's bytes (the same model gives the same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        self.tagger.write(&mut out);
        self.moves.write(&mut out);
        self.labels.write(&mut out);
        out
    }

    /// Feature counts of the tagger, transition and label tables.
    pub fn feature_counts(&self) -> [usize; 3] {
        [self.tagger.len(), self.moves.len(), self.labels.len()]
    }

    /// Parses sentence `sentence` of `doc`: its tokens mapped to UD words, tagged and parsed.
    pub fn parse_sentence(&self, doc: &Doc, sentence: usize) -> ParsedSentence {
        let Some(s) = doc.sentences.get(sentence) else {
            return ParsedSentence::default();
        };
        let ud = ud_words::ud_words(doc.text, &doc.tokens, s.tokens.clone());
        let forms: Vec<&str> = ud.iter().map(|w| w.form(doc.text)).collect();
        let (upos, heads, deprels) = self.parse_words(&forms);
        let words = ud
            .into_iter()
            .zip(upos)
            .zip(heads)
            .zip(deprels)
            .map(
                |(((UdWord { span, token, .. }, upos), head), deprel)| Word {
                    span,
                    token,
                    upos,
                    head: head.checked_sub(1),
                    deprel,
                },
            )
            .collect();
        ParsedSentence { words }
    }

    /// Tags and parses a sentence given as UD words: the tags, the heads (0 for the root,
    /// else the 1-based index of the head) and the relations.
    pub fn parse_words(&self, words: &[&str]) -> (Vec<Upos>, Vec<usize>, Vec<Deprel>) {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.parse_words_with(words, &mut scratch),
            // Only a re-entrant call (none today) would find it taken.
            Err(_) => self.parse_words_with(words, &mut Scratch::default()),
        })
    }

    fn parse_words_with(
        &self,
        words: &[&str],
        scratch: &mut Scratch,
    ) -> (Vec<Upos>, Vec<usize>, Vec<Deprel>) {
        let n = words.len();
        scratch.info.clear();
        for w in words {
            let info = WordInfo::new(w, &mut scratch.text);
            scratch.info.push(info);
        }
        self.tag_into(&scratch.info, &mut scratch.tags);
        let upos = scratch
            .tags
            .iter()
            .map(|&t| Upos::from_index(usize::from(t)))
            .collect();
        let mut heads = vec![0; n];
        let mut deprels = vec![Deprel::ROOT; n];
        let mut first_root = None;
        let mut start = 0;
        while start < n {
            let end = (start + MAX_PARSE_WORDS).min(n);
            let Scratch {
                info,
                tags,
                state,
                roles,
                ..
            } = &mut *scratch;
            self.parse_chunk(&info[start..end], &tags[start..end], state, roles);
            for i in 0..end - start {
                let h = usize::from(state.head(i));
                if h >= end - start {
                    // The chunk's root: the sentence's root, or attached to it.
                    if let Some(r) = first_root {
                        heads[start + i] = r + 1;
                        deprels[start + i] = Deprel::PARATAXIS;
                    } else {
                        first_root = Some(start + i);
                    }
                } else {
                    heads[start + i] = start + h + 1;
                    deprels[start + i] = Deprel::from_index(usize::from(
                        state.label(u16::try_from(i).unwrap_or(NO)),
                    ));
                }
            }
            start = end;
        }
        (upos, heads, deprels)
    }

    /// Greedy left-to-right tagging.
    pub(super) fn tag_into(&self, info: &[WordInfo], tags: &mut Vec<u8>) {
        tags.clear();
        let mut feats = [0u64; TAG_FEATURES];
        for i in 0..info.len() {
            tag_features(info, tags, i, &mut feats);
            let scores = self.tagger.scores(&feats);
            let t = best(&scores, |_| true);
            tags.push(u8::try_from(t).unwrap_or(0));
        }
    }

    /// The label of the arc from `head` to `dep` (never the root's label: it belongs to the
    /// root's arc alone). Kept out of line, as is [`Self::position_scores`], so that
    /// profiles (`valgrind --tool=callgrind`) show their cost apart.
    #[inline(never)]
    fn label_arc(
        &self,
        state: &State,
        info: &[WordInfo],
        tags: &[u8],
        head: u16,
        dep: u16,
        feats: &mut [u64; LABEL_FEATURES],
    ) -> u8 {
        label_features(state, info, tags, head, dep, feats);
        let scores = self.labels.scores(feats);
        let l = best(&scores, |c| c != Deprel::ROOT.index());
        u8::try_from(l).unwrap_or(Deprel::DEP.0)
    }

    /// Sums the position templates' scores of every word of a chunk, then the root, then "no
    /// word", in each role, into `roles`: a word is s0, b0... in several states.
    #[inline(never)]
    fn position_scores(
        &self,
        info: &[WordInfo],
        tags: &[u8],
        roles: &mut Vec<[[i32; MOVES]; ROLES]>,
    ) {
        let n = info.len();
        roles.clear();
        for x in 0..=n + 1 {
            let x = if x > n {
                NO
            } else {
                u16::try_from(x).unwrap_or(NO)
            };
            let (w, p) = word_tag(info, tags, n, x);
            let keys = position_keys(w, p);
            let mut scores = [[0i32; MOVES]; ROLES];
            for (t, &k) in keys.iter().enumerate() {
                if let Some(w) = self.moves.get(k) {
                    for (o, &q) in scores[TEMPLATE_ROLE[t]].iter_mut().zip(w) {
                        *o += i32::from(q);
                    }
                }
            }
            roles.push(scores);
        }
    }

    /// Parses one chunk (at most [`MAX_PARSE_WORDS`] words) into `state`.
    fn parse_chunk(
        &self,
        info: &[WordInfo],
        tags: &[u8],
        state: &mut State,
        roles: &mut Vec<[[i32; MOVES]; ROLES]>,
    ) {
        let n = info.len();
        state.reset(n);
        self.position_scores(info, tags, roles);
        let role_of = |x: u16| if x == NO { n + 1 } else { usize::from(x) };
        let mut feats = [0u64; PARSE_FEATURES - POSITION_FEATURES];
        let mut label_feats = [0u64; LABEL_FEATURES];
        while !state.is_terminal() {
            state_features(state, info, tags, &mut feats);
            let mut scores = [0i32; MOVES];
            for (r, &x) in role_positions(state).iter().enumerate() {
                for (o, &q) in scores.iter_mut().zip(&roles[role_of(x)][r]) {
                    *o += q;
                }
            }
            self.moves.add_scores(&feats, &mut scores);
            let t = best(&scores, |c| state.valid(c));
            let label = match state.arc(t) {
                Some((head, _)) if usize::from(head) == n => Deprel::ROOT.0,
                Some((head, dep)) => self.label_arc(state, info, tags, head, dep, &mut label_feats),
                None => u8::MAX,
            };
            debug_assert!(t == SHIFT || t == LEFT || t == RIGHT);
            state.apply(t, label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::parse_features;
    use super::*;

    /// Parsing sums the position templates once per word and role; training sums every
    /// template at every state. Both must give the same scores.
    #[test]
    fn position_scores_summed_once_equal_the_full_feature_sum() {
        let parser = Parser::embedded();
        let words = [
            "Ministers",
            "from",
            "both",
            "countries",
            "signed",
            "the",
            "accord",
            "in",
            "Manila",
            "on",
            "Monday",
            ".",
        ];
        let mut text = String::new();
        let info: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w, &mut text)).collect();
        let mut tags = Vec::new();
        parser.tag_into(&info, &mut tags);
        let mut roles = Vec::new();
        parser.position_scores(&info, &tags, &mut roles);
        let n = info.len();
        let mut state = State::default();
        state.reset(n);
        let mut all = [0u64; PARSE_FEATURES];
        let mut rest = [0u64; PARSE_FEATURES - POSITION_FEATURES];
        let mut steps = 0;
        while !state.is_terminal() {
            parse_features(&state, &info, &tags, &mut all);
            let full = parser.moves.scores(&all);
            state_features(&state, &info, &tags, &mut rest);
            let mut split = parser.moves.scores(&rest);
            for (r, &x) in role_positions(&state).iter().enumerate() {
                let at = if x == NO { n + 1 } else { usize::from(x) };
                for (o, &q) in split.iter_mut().zip(&roles[at][r]) {
                    *o += q;
                }
            }
            assert_eq!(full, split, "step {steps}");
            let t = best(&full, |c| state.valid(c));
            state.apply(t, 0);
            steps += 1;
        }
        assert_eq!(steps, 2 * n);
    }

    #[test]
    fn the_embedded_model_loads_and_round_trips() {
        let parser = Parser::embedded();
        let [tags, moves, labels] = parser.feature_counts();
        assert!(tags > 1000 && moves > 1000 && labels > 1000);
        let bytes = parser.to_bytes();
        let again = Parser::from_bytes(&bytes).expect("reads its own bytes");
        assert_eq!(again.feature_counts(), parser.feature_counts());
        assert!(Parser::from_bytes(b"not a model").is_err());
        assert!(Parser::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn every_sentence_is_one_tree() {
        let parser = Parser::embedded();
        let words = [
            "The",
            "minister",
            "met",
            "her",
            "counterpart",
            "in",
            "Lisbon",
            "on",
            "Monday",
            ".",
        ];
        let (upos, heads, deprels) = parser.parse_words(&words);
        assert_eq!(upos.len(), words.len());
        assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
        for (i, &h) in heads.iter().enumerate() {
            assert!(h <= words.len() && h != i + 1);
            assert_eq!(h == 0, deprels[i] == Deprel::ROOT);
        }
    }

    #[test]
    fn a_sentence_without_full_stops_is_parsed_in_pieces() {
        let parser = Parser::embedded();
        let words: Vec<&str> = std::iter::repeat_n(["troops", "moved", "and"], 300)
            .flatten()
            .collect();
        let (_, heads, _) = parser.parse_words(&words);
        assert_eq!(heads.len(), 900);
        assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
        // Following heads from any word reaches the root without a cycle.
        for start in 0..heads.len() {
            let mut at = start + 1;
            let mut steps = 0;
            while heads[at - 1] != 0 {
                at = heads[at - 1];
                steps += 1;
                assert!(steps <= heads.len(), "cycle from word {start}");
            }
        }
    }
}
