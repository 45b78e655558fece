//! The trained model: three weight tables (tagger, transitions, labels) and the parse of one
//! sentence with them. Weights are 16-bit steps summed as integers, so scores are exact and
//! the same on every machine.
//!
//! The file: magic, the fingerprint of the word classes the model was trained with
//! ([`WordClasses::fingerprint`]), then the tables (tagger, second tagger pass, transitions,
//! labels, second labelling pass), each as its class count, row count and rows (key u64, then
//! one i16 per class), little-endian, sorted by key; the second labelling pass's margin (i32)
//! comes before its table. A model that decodes with a beam ([`super::beam`]) is written as
//! format 5: format 4 followed by the beam width (u32); a greedy model stays format 4. Format
//! 3 files (no second labelling pass) are read too.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::dense_tags::{PAIR_REST, pair_rest, word_next_key};
use super::features::{
    LABEL_FEATURES, NEIGHBOUR_STARTS, NEIGHBOURS, Positions, ROLE_STARTS, ROLES, TAG_PAIR_FEATURES,
    TAG_VALUES, TAG2_FIRST_PASS_FEATURES, WORD_ROLES, WordInfo, neighbour_places,
    parse_role_features, parse_role_tag_features, parse_role_word_features,
    parse_role_word_tag_features, tag_neighbour_features, tag_pair_features, tag_word_features,
    tag2_first_pass_features,
};
use super::relabel::{Children, RELABEL_FEATURES, relabel_features};
pub use super::table::Table;
use super::transition::{LEFT, MOVES, NO, RIGHT, SHIFT, State};
use super::ud_words::{self, UdWord};
use super::{Deprel, ParsedSentence, Upos, Word};
use crate::extract::clusters::WordClasses;
use crate::extract::doc::Doc;
use crate::extract::ner::KeyHasher;

const MAGIC: &[u8; 8] = b"NGPARSE\x04";
/// Format 4 followed by the beam width.
const MAGIC_5: &[u8; 8] = b"NGPARSE\x05";
/// The previous format: the same tables without the second labelling pass.
const MAGIC_3: &[u8; 8] = b"NGPARSE\x03";

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
    /// The model was trained with other word classes than the ones given.
    #[error("the parser model was trained with other word classes; retrain it with these")]
    WordClasses,
}

/// Index of the best class among those `allowed` (the first on ties; `usize::MAX` when none
/// is allowed). The first allowed class is found before the loop, so the loop itself is a
/// plain comparison (the labeller calls this twice for each arc over 57 classes).
#[inline]
pub(super) fn best<const C: usize>(scores: &[i32; C], allowed: impl Fn(usize) -> bool) -> usize {
    let Some(first) = (0..C).find(|&c| allowed(c)) else {
        return usize::MAX;
    };
    let mut arg = first;
    let mut top = scores[first];
    for (c, &s) in scores.iter().enumerate().skip(first + 1) {
        if s > top && allowed(c) {
            arg = c;
            top = s;
        }
    }
    arg
}

/// The best and the second best class among those `allowed`, as [`best`] would give them in
/// two calls (the second with the best left out): one pass over the scores, in which a
/// class beaten by the second best costs one comparison.
#[inline]
pub(super) fn best_two<const C: usize>(
    scores: &[i32; C],
    allowed: impl Fn(usize) -> bool,
) -> (usize, usize) {
    let Some(a) = (0..C).find(|&c| allowed(c)) else {
        return (usize::MAX, usize::MAX);
    };
    let Some(b) = (a + 1..C).find(|&c| allowed(c)) else {
        return (a, usize::MAX);
    };
    let (mut first, mut second) = if scores[b] > scores[a] {
        (b, a)
    } else {
        (a, b)
    };
    let (mut top, mut next) = (scores[first], scores[second]);
    for (c, &s) in scores.iter().enumerate().skip(b + 1) {
        if s > next && allowed(c) {
            if s > top {
                (second, next) = (first, top);
                (first, top) = (c, s);
            } else {
                (second, next) = (c, s);
            }
        }
    }
    (first, second)
}

/// The tagger's scores of the features that read one word alone, in both passes: the word's
/// own, and what it adds to the word tagged in each neighbour place ([`NEIGHBOURS`]); and
/// the parser's transition scores of the templates that read the word alone, in each role
/// that has them ([`WordRoles`]).
#[derive(Debug, Clone, Copy)]
struct WordScores {
    own: [[i32; Upos::COUNT]; 2],
    around: [[[i32; Upos::COUNT]; NEIGHBOURS]; 2],
    roles: WordRoles,
}

/// A word's transition scores of the one-position templates that read the word alone (form,
/// class), in each of the first [`WORD_ROLES`] roles ([`parse_role_word_features`]).
pub(super) type WordRoles = [[i32; 4]; WORD_ROLES];

/// What the tagger keeps of a word it has seen: the features' reading of it and its scores.
#[derive(Debug, Clone, Copy)]
struct KnownWord {
    info: WordInfo,
    scores: WordScores,
}

/// A sentence's words as rows of the known words.
#[derive(Clone, Copy)]
struct WordRows<'a> {
    known: &'a [KnownWord],
    /// Each word's row in `known`.
    rows: &'a [u32],
}

impl WordRows<'_> {
    /// The scores of word `i` (none past the last).
    fn scores(&self, i: usize) -> Option<&WordScores> {
        let row = *self.rows.get(i)?;
        Some(&self.known[row as usize].scores)
    }
}

/// Most words a thread's tagger keeps ([`KnownWord`]) before it starts afresh: news repeats
/// its words, so a few thousand cover most tokens, and the cache stays small enough to stay
/// in the processor's caches.
const KNOWN_WORDS: usize = 16_384;

/// Per-thread working memory of the parser, reused from sentence to sentence: no allocation
/// per sentence once it has grown.
#[derive(Debug, Default)]
struct Scratch {
    info: Vec<WordInfo>,
    tags: Vec<u8>,
    first: Vec<u8>,
    state: State,
    /// The chunk parser's working memory.
    chunk: ChunkWork,
    text: String,
    /// The model the known words were scored with ([`Parser::cache_id`]).
    model: u64,
    /// The known words' rows in `known_words`, by word id.
    known: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    /// The known words (and, without a cache, the sentence's words).
    known_words: Vec<KnownWord>,
    /// Each word's row in `known_words`, for the sentence being tagged: read in place,
    /// where a copy of its scores (some 750 bytes) cost two copies a word.
    word_rows: Vec<u32>,
    /// The scores of no word (before the first word, past the last) for the model.
    no_word: Option<WordScores>,
    relabel: RelabelScratch,
}

/// A finished chunk's heads (the chunk's length for its root) and first labels, its children
/// and its second labels, for the second labelling pass.
#[derive(Debug, Default)]
struct RelabelScratch {
    heads: Vec<u16>,
    labels: Vec<u8>,
    children: Children,
    relabelled: Vec<u8>,
}

/// Working memory of [`Parser::parse_chunk`] besides the state.
#[derive(Debug, Default)]
pub(super) struct ChunkWork {
    /// The chunk's positions as the features read them.
    pub(super) positions: Positions,
    /// For each word of the chunk, then the root, then no word: the transition scores of the
    /// one-position templates in each role.
    pub(super) roles: Vec<[[i32; 4]; ROLES]>,
    /// For each tag value ([`TAG_VALUES`]), the transition scores of the one-position
    /// templates that read the tag alone, in each role; and the model they were summed with
    /// ([`Parser::cache_id`]; 0: none yet).
    pub(super) tag_roles: (u64, Vec<[[i32; 4]; ROLES]>),
    /// For each word of the chunk, its [`WordRoles`] from the thread's word cache, set
    /// before [`Parser::parse_chunk`] and used up by it; when they are not set (their number
    /// is not the chunk's), [`Parser::fill_roles`] looks them up.
    pub(super) word_roles: Vec<WordRoles>,
    /// The beam decoder's hypotheses.
    pub(super) beam: super::beam::BeamWork,
    /// How far each word's first label led the next best.
    pub(super) margins: Vec<i32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Gives each loaded or trained model its own number, so a thread's word cache is never
/// read with another model's weights.
fn next_cache_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The trained tagger and parser.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    /// Tagger weights (one per UPOS tag).
    pub(super) tagger: Table<{ Upos::COUNT }>,
    /// Second tagger pass weights (empty: one pass).
    pub(super) tagger2: Table<{ Upos::COUNT }>,
    /// Transition weights (SHIFT, LEFT, RIGHT, unused).
    pub(super) moves: Table<4>,
    /// Arc label weights.
    pub(super) labels: Table<{ Deprel::COUNT }, 1>,
    /// Weights of the second labelling pass over the finished tree (empty: one pass).
    pub(super) relabels: Table<{ Deprel::COUNT }, 1>,
    /// The second pass labels again only the arcs whose first label led the next best by
    /// less than this (the others it would rarely change).
    pub(super) relabel_margin: i32,
    /// Hypotheses the parser keeps at each step (0 or 1: greedy; more: [`super::beam`]).
    pub(super) beam: usize,
    /// The word classes the features read.
    pub(super) word_classes: Arc<WordClasses>,
    /// Which tables the tagger's word cache belongs to; 0 (a model being trained) turns
    /// the cache off.
    pub(super) cache_id: u64,
    /// The transition rows of the templates that read tags alone, built for `cache_id`.
    pub(super) dense: super::dense::DenseMoves,
    /// The tagger's rows of the templates that read tags alone, built for `cache_id`.
    pub(super) dense_tags: super::dense_tags::DenseTags,
    /// The labeller's rows of the templates that read two tags and a direction, built for
    /// `cache_id`.
    pub(super) dense_labels: super::dense::DenseLabels,
}

impl Parser {
    /// The model the binary embeds (`assets/models/parse.bin`).
    ///
    /// # Panics
    /// Never for the committed file: a test loads it.
    pub fn embedded() -> Self {
        Self::from_bytes(
            include_bytes!("../../../assets/models/parse.bin"),
            WordClasses::embedded(),
        )
        .expect("the embedded parser model is a valid model file for the embedded classes (tested)")
    }

    /// Reads a model file trained with `word_classes`.
    ///
    /// # Errors
    /// When the bytes are not a parser model of this version, are cut short, or were trained
    /// with other word classes.
    pub fn from_bytes(
        bytes: &[u8],
        word_classes: Arc<WordClasses>,
    ) -> Result<Self, ParseModelError> {
        let mut r = Reader::new(bytes);
        let magic = r.take(MAGIC.len())?;
        let format_3 = magic == MAGIC_3;
        let format_5 = magic == MAGIC_5;
        if magic != MAGIC && !format_3 && !format_5 {
            return Err(ParseModelError::Format);
        }
        if u64::from_le_bytes(r.array()?) != word_classes.fingerprint() {
            return Err(ParseModelError::WordClasses);
        }
        let tagger = Table::read(&mut r)?;
        let tagger2 = Table::read(&mut r)?;
        let moves = Table::read(&mut r)?;
        let labels = Table::read(&mut r)?;
        let (relabel_margin, relabels) = if format_3 {
            (0, Table::default())
        } else {
            (i32::from_le_bytes(r.array()?), Table::read(&mut r)?)
        };
        let beam = if format_5 {
            u32::from_le_bytes(r.array()?) as usize
        } else {
            1
        };
        if r.remaining() != 0 {
            return Err(ParseModelError::Format);
        }
        let mut parser = Self {
            tagger,
            tagger2,
            moves,
            labels,
            relabels,
            relabel_margin,
            beam,
            word_classes,
            cache_id: 0,
            dense: super::dense::DenseMoves::default(),
            dense_tags: super::dense_tags::DenseTags::default(),
            dense_labels: super::dense::DenseLabels::default(),
        };
        parser.finish_tables();
        Ok(parser)
    }

    /// Marks the tables as final, so tagging may keep per-word scores (training sets the
    /// tables of an unmarked parser piece by piece).
    pub(super) fn finish_tables(&mut self) {
        self.cache_id = next_cache_id();
        self.dense = super::dense::DenseMoves::build(&self.moves, self.cache_id);
        self.dense_tags =
            super::dense_tags::DenseTags::build(&self.tagger, &self.tagger2, self.cache_id);
        self.dense_labels = super::dense::DenseLabels::build(&self.labels, self.cache_id);
    }

    /// The model file's bytes (the same model gives the same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(if self.beam > 1 { MAGIC_5 } else { MAGIC });
        out.extend_from_slice(&self.word_classes.fingerprint().to_le_bytes());
        self.tagger.write(&mut out);
        self.tagger2.write(&mut out);
        self.moves.write(&mut out);
        self.labels.write(&mut out);
        out.extend_from_slice(&self.relabel_margin.to_le_bytes());
        self.relabels.write(&mut out);
        if self.beam > 1 {
            out.extend_from_slice(&u32::try_from(self.beam).unwrap_or(u32::MAX).to_le_bytes());
        }
        out
    }

    /// The word classes the model reads.
    pub fn word_classes(&self) -> &Arc<WordClasses> {
        &self.word_classes
    }

    /// Feature counts of the tagger, transition, label and second-pass label tables.
    pub fn feature_counts(&self) -> [usize; 4] {
        [
            self.tagger.len(),
            self.moves.len(),
            self.labels.len(),
            self.relabels.len(),
        ]
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
            Err(_) => self.parse_words_with(words, &mut Scratch::default()),
        })
    }

    fn parse_words_with(
        &self,
        words: &[&str],
        scratch: &mut Scratch,
    ) -> (Vec<Upos>, Vec<usize>, Vec<Deprel>) {
        let n = words.len();
        self.read_words(words, scratch);
        let Scratch {
            info,
            tags,
            first,
            known_words,
            word_rows,
            no_word,
            ..
        } = scratch;
        let no_word = *no_word.get_or_insert_with(|| self.word_scores(&WordInfo::NONE));
        let words = WordRows {
            known: known_words,
            rows: word_rows,
        };
        self.tag_with(info, words, &no_word, first, tags);
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
                chunk,
                relabel,
                known_words,
                word_rows,
                ..
            } = &mut *scratch;
            chunk.word_roles.clear();
            chunk.word_roles.extend(
                word_rows[start..end]
                    .iter()
                    .map(|&r| known_words[r as usize].scores.roles),
            );
            self.parse_chunk(&info[start..end], &tags[start..end], state, chunk);
            self.relabel_chunk(
                &info[start..end],
                &tags[start..end],
                state,
                &chunk.margins,
                relabel,
            );
            let relabelled = &relabel.relabelled;
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
                    deprels[start + i] = Deprel::from_index(usize::from(relabelled[i]));
                }
            }
            start = end;
        }
        (upos, heads, deprels)
    }

    /// Labels the chunk just parsed into `state` again with the second pass, into
    /// `scratch.relabelled` (the first labels when the model has no second pass).
    fn relabel_chunk(
        &self,
        info: &[WordInfo],
        tags: &[u8],
        state: &State,
        margins: &[i32],
        scratch: &mut RelabelScratch,
    ) {
        let RelabelScratch {
            heads,
            labels,
            children,
            relabelled,
        } = scratch;
        let n = info.len();
        relabelled.clear();
        relabelled.extend((0..n).map(|i| state.label(u16::try_from(i).unwrap_or(NO))));
        if self.relabels.is_empty() {
            return;
        }
        heads.clear();
        heads.extend((0..n).map(|i| state.head(i)));
        labels.clear();
        labels.extend_from_slice(relabelled);
        children.build(heads);
        let mut feats = [0u64; RELABEL_FEATURES];
        for d in 0..n {
            if usize::from(heads[d]) >= n || margins[d] >= self.relabel_margin {
                continue;
            }
            relabel_features(info, tags, heads, labels, children, d, &mut feats);
            let scores = self.relabels.scores(&feats);
            let l = best(&scores, |c| c != Deprel::ROOT.index());
            relabelled[d] = u8::try_from(l).unwrap_or(Deprel::DEP.0);
        }
    }

    /// Reads the words into `scratch.info`, with the scores of the tagger's one-word
    /// features in `scratch.word_scores`, from the thread's cache when the word was seen.
    fn read_words(&self, words: &[&str], scratch: &mut Scratch) {
        let Scratch {
            info,
            text,
            model,
            known,
            known_words,
            word_rows,
            no_word,
            ..
        } = scratch;
        info.clear();
        word_rows.clear();
        if self.cache_id == 0 || *model != self.cache_id || known.len() >= KNOWN_WORDS {
            known.clear();
            known_words.clear();
            *no_word = None;
            *model = self.cache_id;
        }
        for w in words {
            let id = super::features::word_id(w);
            let cached = if self.cache_id == 0 {
                None
            } else {
                known.get(&id).copied()
            };
            let row = cached.unwrap_or_else(|| {
                // A word the treebank barely has reads as its stand-in ("amid" as "among").
                let form = crate::extract::token_words::parser_form(w);
                let word = WordInfo::new(&form, &self.word_classes, text);
                let row = u32::try_from(known_words.len())
                    .expect("known words stay below KNOWN_WORDS + a sentence");
                known_words.push(KnownWord {
                    info: word,
                    scores: self.word_scores(&word),
                });
                if self.cache_id != 0 {
                    known.insert(id, row);
                }
                row
            });
            info.push(known_words[row as usize].info);
            word_rows.push(row);
        }
    }

    /// The tagger's scores of the features that read word `w` alone.
    fn word_scores(&self, w: &WordInfo) -> WordScores {
        let own = tag_word_features(w);
        let near = tag_neighbour_features(w);
        let mut scores = WordScores {
            own: [self.tagger.scores(&own), self.tagger2.scores(&own)],
            around: [[[0; Upos::COUNT]; NEIGHBOURS]; 2],
            roles: self.word_roles(w.form, w.class[1]),
        };
        for (table, around) in [&self.tagger, &self.tagger2]
            .into_iter()
            .zip(&mut scores.around)
        {
            for (r, sums) in around.iter_mut().enumerate() {
                table.add_scores(&near[NEIGHBOUR_STARTS[r]..NEIGHBOUR_STARTS[r + 1]], sums);
            }
        }
        scores
    }

    /// The transition scores of the templates that read word `word` (class `class`) alone.
    fn word_roles(&self, word: u64, class: u64) -> WordRoles {
        let mut roles = [[0; 4]; WORD_ROLES];
        for (scores, keys) in roles.iter_mut().zip(parse_role_word_features(word, class)) {
            self.moves.add_scores(&keys, scores);
        }
        roles
    }

    /// Greedy left-to-right tagging (one or two passes).
    pub(super) fn tag_into(&self, info: &[WordInfo], tags: &mut Vec<u8>) {
        let known: Vec<KnownWord> = info
            .iter()
            .map(|w| KnownWord {
                info: *w,
                scores: self.word_scores(w),
            })
            .collect();
        let rows: Vec<u32> = (0..info.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        let no_word = self.word_scores(&WordInfo::NONE);
        let words = WordRows {
            known: &known,
            rows: &rows,
        };
        self.tag_with(info, words, &no_word, &mut Vec::new(), tags);
    }

    /// Tags `info` given each word's one-word feature scores (`no_word`'s stand before the
    /// first word and past the last); `first` is working memory. The scores of the features
    /// that read one word alone are added from those, the rest looked up.
    fn tag_with(
        &self,
        info: &[WordInfo],
        words: WordRows<'_>,
        no_word: &WordScores,
        first: &mut Vec<u8>,
        tags: &mut Vec<u8>,
    ) {
        let n = info.len().min(words.rows.len());
        let word_scores = |i: usize| words.scores(i);
        // Word `i`'s own scores in `pass` with what its neighbours add.
        let from_words = |i: usize, pass: usize| {
            let mut sums = word_scores(i).unwrap_or(no_word).own[pass];
            for (r, j) in neighbour_places(i).into_iter().enumerate() {
                let near = j.and_then(word_scores).unwrap_or(no_word);
                for (s, &v) in sums.iter_mut().zip(&near.around[pass][r]) {
                    *s += v;
                }
            }
            sums
        };
        let dense = &self.dense_tags;
        let dense = dense.is_built_for(self.cache_id).then_some(dense);
        tags.clear();
        for i in 0..n {
            let mut scores = from_words(i, 0);
            if let Some(dense) = dense {
                dense.add_first(tags, i, &mut scores);
                self.tagger
                    .add_scores(&pair_rest(info, tags, i), &mut scores);
                let t = best(&scores, |_| true);
                tags.push(u8::try_from(t).unwrap_or(0));
                continue;
            }
            self.tagger
                .add_scores(&tag_pair_features(info, tags, i), &mut scores);
            let t = best(&scores, |_| true);
            tags.push(u8::try_from(t).unwrap_or(0));
        }
        if self.tagger2.is_empty() {
            return;
        }
        std::mem::swap(first, tags);
        tags.clear();
        let mut keys = [0u64; TAG_PAIR_FEATURES + TAG2_FIRST_PASS_FEATURES];
        for i in 0..n {
            let mut scores = from_words(i, 1);
            if let Some(dense) = dense {
                dense.add_second(tags, first, i, &mut scores);
                let mut rest = [0u64; PAIR_REST + 1];
                rest[..PAIR_REST].copy_from_slice(&pair_rest(info, tags, i));
                rest[PAIR_REST] = word_next_key(info, first, i);
                self.tagger2.add_scores(&rest, &mut scores);
                let t = best(&scores, |_| true);
                tags.push(u8::try_from(t).unwrap_or(0));
                continue;
            }
            keys[..TAG_PAIR_FEATURES].copy_from_slice(&tag_pair_features(info, tags, i));
            keys[TAG_PAIR_FEATURES..]
                .copy_from_slice(&tag2_first_pass_features(info, tags, first, i));
            self.tagger2.add_scores(&keys, &mut scores);
            let t = best(&scores, |_| true);
            tags.push(u8::try_from(t).unwrap_or(0));
        }
    }

    /// Parses one chunk (at most [`MAX_PARSE_WORDS`] words) into `state`, with how far each
    /// word's label led the next best in `work.margins`.
    pub(super) fn parse_chunk(
        &self,
        info: &[WordInfo],
        tags: &[u8],
        state: &mut State,
        work: &mut ChunkWork,
    ) {
        if self.beam > 1 {
            self.parse_chunk_beam(info, tags, state, work);
            return;
        }
        let ChunkWork {
            positions,
            roles,
            tag_roles,
            word_roles,
            margins,
            ..
        } = work;
        let n = info.len();
        state.reset(n);
        margins.clear();
        margins.resize(n, i32::MAX);
        positions.fill(info, tags);
        self.fill_roles(positions, roles, tag_roles, word_roles);
        let mut label_feats = [0u64; LABEL_FEATURES];
        while !state.is_terminal() {
            // A state with one valid move (one in eleven in news) needs no scores.
            let t = state.only_valid().unwrap_or_else(|| {
                let scores = self.move_scores(state, positions, roles);
                best(&scores, |c| c < MOVES && state.valid(c))
            });
            let label = match state.arc(t) {
                Some((head, _)) if usize::from(head) == n => Deprel::ROOT.0,
                Some((head, dep)) => {
                    let scores = self.label_scores(state, positions, (head, dep), &mut label_feats);
                    // The root label belongs to the root's arc alone.
                    let (l, next) = best_two(&scores, |c| c != Deprel::ROOT.index());
                    margins[usize::from(dep)] = scores[l].saturating_sub(scores[next]);
                    u8::try_from(l).unwrap_or(Deprel::DEP.0)
                }
                None => u8::MAX,
            };
            debug_assert!(t == SHIFT || t == LEFT || t == RIGHT);
            state.apply(t, label);
        }
    }

    /// The transition scores of the one-position templates for each word of the chunk, then
    /// the root, then no word, in each role ([`ChunkWork::roles`]). The templates that read
    /// the tag alone are summed once per tag value and model, in `tag_roles`
    /// ([`ChunkWork::tag_roles`]); those that read the word alone are taken from
    /// `word_roles` ([`ChunkWork::word_roles`]) when it holds one entry per word, else looked
    /// up; either way `word_roles` is left empty.
    pub(super) fn fill_roles(
        &self,
        positions: &Positions,
        roles: &mut Vec<[[i32; 4]; ROLES]>,
        tag_roles: &mut (u64, Vec<[[i32; 4]; ROLES]>),
        word_roles: &mut Vec<WordRoles>,
    ) {
        // A model being trained (`cache_id` 0) changes from chunk to chunk.
        if self.cache_id == 0 || tag_roles.0 != self.cache_id {
            tag_roles.0 = self.cache_id;
            tag_roles.1.clear();
            tag_roles.1.extend((0..TAG_VALUES as u64).map(|tag| {
                let keys = parse_role_tag_features(tag);
                let mut by_role = [[0i32; 4]; ROLES];
                for (scores, k) in by_role.iter_mut().zip(keys) {
                    self.moves.add_scores(&[k], scores);
                }
                by_role
            }));
        }
        let n = positions.words();
        if word_roles.len() != n {
            word_roles.clear();
            word_roles.extend((0..n).map(|x| {
                let p = positions.of(u16::try_from(x).unwrap_or(NO));
                self.word_roles(p.word, p.class[1])
            }));
        }
        roles.clear();
        for (x, word) in word_roles.iter().enumerate() {
            let p = positions.of(u16::try_from(x).unwrap_or(NO));
            let tag = usize::try_from(p.tag).unwrap_or(usize::MAX);
            let mut by_role = tag_roles.1[tag];
            let keys = parse_role_word_tag_features(p.word, p.tag);
            for ((scores, from_word), k) in by_role.iter_mut().zip(word).zip(keys) {
                for (s, &v) in scores.iter_mut().zip(from_word) {
                    *s += v;
                }
                self.moves.add_scores(&[k], scores);
            }
            roles.push(by_role);
        }
        word_roles.clear();
        // The root and no word: every template looked up.
        for at in [u16::try_from(n).unwrap_or(NO), NO] {
            let keys = parse_role_features(positions, at);
            let tag = usize::try_from(positions.of(at).tag).unwrap_or(usize::MAX);
            let mut by_role = tag_roles.1[tag];
            for (r, scores) in by_role.iter_mut().enumerate() {
                // Each role's last template reads the tag alone: summed above.
                self.moves
                    .add_scores(&keys[ROLE_STARTS[r]..ROLE_STARTS[r + 1] - 1], scores);
            }
            roles.push(by_role);
        }
    }
}

/// Reads little-endian values from a byte slice.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, pos: 0 }
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&[u8], ParseModelError> {
        let end = self.pos.checked_add(n).ok_or(ParseModelError::Truncated)?;
        let slice = self
            .bytes
            .get(self.pos..end)
            .ok_or(ParseModelError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }

    pub(super) fn array<const N: usize>(&mut self) -> Result<[u8; N], ParseModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    pub(super) fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_takes_the_first_allowed_maximum() {
        let scores = [i32::MIN, 5, -3, 5, 9, 9, i32::MIN];
        assert_eq!(best(&scores, |_| true), 4, "the first of two ties");
        assert_eq!(best(&scores, |c| c != 4), 5);
        assert_eq!(best(&scores, |c| c < 4), 1);
        assert_eq!(
            best(&scores, |c| c == 0 || c == 6),
            0,
            "the first when all are least"
        );
        assert_eq!(best(&scores, |c| c == 2), 2);
        assert_eq!(best(&scores, |_| false), usize::MAX);
    }

    #[test]
    fn best_two_is_best_twice() {
        let mut x: u32 = 12_345;
        for round in 0..2_000 {
            let mut scores = [0i32; 9];
            for s in &mut scores {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                // Few values, so ties are common; some rounds with the least value.
                *s = if round % 7 == 0 {
                    i32::MIN
                } else {
                    i32::try_from(x >> 28).unwrap_or(0) - 8
                };
            }
            let skip = round % 11;
            let allowed = |c: usize| c != skip && c != (skip + 3) % 11;
            let l = best(&scores, allowed);
            let next = best(&scores, |c| allowed(c) && c != l);
            assert_eq!(best_two(&scores, allowed), (l, next), "{scores:?} {skip}");
        }
        assert_eq!(best_two(&[3, 1], |c| c == 1), (1, usize::MAX));
        assert_eq!(best_two(&[3, 1], |_| false), (usize::MAX, usize::MAX));
    }

    #[test]
    fn the_embedded_model_loads_and_round_trips() {
        let parser = Parser::embedded();
        let [tags, moves, labels, _] = parser.feature_counts();
        assert!(tags > 1000 && moves > 1000 && labels > 1000);
        let bytes = parser.to_bytes();
        // Every row read back under its own key: the tables find each key of the file.
        assert!(bytes == include_bytes!("../../../assets/models/parse.bin"));
        let classes = WordClasses::embedded();
        let again = Parser::from_bytes(&bytes, classes.clone()).expect("reads its own bytes");
        assert_eq!(again.feature_counts(), parser.feature_counts());
        assert!(Parser::from_bytes(b"not a model", classes.clone()).is_err());
        assert!(Parser::from_bytes(&bytes[..bytes.len() / 2], classes).is_err());
        let other = WordClasses::parse("@levels\t1\t1\t1\t1\n@class\t0\t0\t0\t0\n")
            .expect("a valid class file");
        assert!(matches!(
            Parser::from_bytes(&bytes, Arc::new(other)),
            Err(ParseModelError::WordClasses)
        ));
    }

    #[test]
    fn a_format_3_file_reads_without_the_second_labelling_pass() {
        let classes = WordClasses::embedded();
        let mut parser = Parser::embedded();
        parser.relabels = Table::default();
        let bytes = parser.to_bytes();
        // Format 3 is format 4 without the margin and the (here empty) last table.
        let empty_table = 8;
        let mut old = bytes[..bytes.len() - 4 - empty_table].to_vec();
        old[..MAGIC_3.len()].copy_from_slice(MAGIC_3);
        let read = Parser::from_bytes(&old, classes).expect("format 3 reads");
        assert_eq!(read.feature_counts(), parser.feature_counts());
        assert_eq!(read.feature_counts()[3], 0);
        let words = ["Officials", "gave", "him", "the", "report", "."];
        assert_eq!(read.parse_words(&words), parser.parse_words(&words));
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
