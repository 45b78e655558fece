//! The trained entity tagger: a first-order structured perceptron (Collins 2002) with averaged
//! weights, over BIO labels for PER, ORG, LOC and MISC. Emission scores come from hashed token
//! features ([`features`]); a transition matrix scores label pairs; Viterbi decoding finds the
//! best sequence, never letting `I-X` follow anything but `B-X` or `I-X`.
//!
//! The model file is compact binary (see [`NerModel::to_bytes`]); `newsgraph train ner`
//! writes it and `assets/models/ner.bin` is the one the binary embeds.

mod emit;
pub mod features;
mod table;
pub mod train;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

pub use features::{DocContext, FeatureSet, SentenceFeatures, sentence_features};

use super::lexicon::{Lexicon, Target};
use emit::WordRows;
use table::EmitTable;

/// The labels, in model order.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
/// Number of labels.
pub const L: usize = LABELS.len();
/// Row of the transition matrix used for the sentence start.
const START: usize = L;

/// The file's first bytes; the last is the version: 1 without optional features, 2 with the
/// feature set and the word classes' fingerprint after the magic.
const MAGIC: &[u8; 8] = b"NGNER\0\0\x02";
const MAGIC_V1: &[u8; 8] = b"NGNER\0\0\x01";

/// Label index of a tag string (unknown tags read as `O`).
pub fn label_index(tag: &str) -> usize {
    LABELS.iter().position(|l| *l == tag).unwrap_or(0)
}

/// Whether label `b` may follow label `a` (`a == START` for the first token).
fn allowed(a: usize, b: usize) -> bool {
    let tag = LABELS[b];
    match tag.strip_prefix("I-") {
        None => true,
        Some(kind) => a != START && LABELS[a].get(2..) == Some(kind),
    }
}

/// For each label `b`, the labels that may come before it, ascending, and how many there are
/// (Viterbi looks at only these). Labels are `O`, then `B-X`, `I-X` pairs, so `I-X` is an even
/// index above 0, preceded by its `B-X` or itself; a test checks this against [`allowed`].
const PREDECESSORS: [([usize; L], usize); L] = {
    let mut out = [([0; L], 0); L];
    let mut b = 0;
    while b < L {
        let mut a = 0;
        while a < L {
            let inside = b % 2 == 0 && b > 0;
            if !inside || a == b - 1 || a == b {
                let count = out[b].1;
                out[b].0[count] = a;
                out[b].1 = count + 1;
            }
            a += 1;
        }
        b += 1;
    }
    out
};

/// Feature keys are hashes already, so the map hashes them no further.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map from feature key to weight row (training).
pub type FeatureIndex = HashMap<u64, u32, BuildHasherDefault<KeyHasher>>;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a newsgraph tagger model, or a version this build does not read.
    #[error("not a newsgraph entity-tagger model of a version this build reads")]
    Format,
    /// The file ends early.
    #[error("the model file is cut short")]
    Truncated,
    /// The model reads word classes or a gazetteer other than the ones this build embeds.
    #[error("the model was trained with other word classes or another gazetteer than this build's")]
    Data,
}

/// A trained tagger. Its weights never change once built, so a clone shares its cache id.
#[derive(Debug, Clone)]
pub struct NerModel {
    /// Emission weights per feature, one per label, in units of `scale`.
    weights: EmitTable,
    /// The value of one unit of `weights`.
    scale: f32,
    /// `(L + 1) × L` transition weights; the last row is the sentence start.
    transitions: Vec<f32>,
    /// The scores the sentence boundaries add in place of a missing neighbour.
    bounds: WordRows,
    /// The optional feature groups the model was trained with.
    features: FeatureSet,
    /// Which weights a thread's per-word scores belong to ([`emit`]); each model built gets
    /// its own, so no model reads another's.
    cache_id: u64,
}

/// A model that knows no feature: every word is `O` (a placeholder while the real model is
/// lent out, see [`crate::extract::Lexicon::with_file`]).
impl Default for NerModel {
    fn default() -> Self {
        Self::new(
            EmitTable::default(),
            1.0,
            vec![0.0; (L + 1) * L],
            FeatureSet::default(),
        )
    }
}

/// A new number for each model built, for [`NerModel::cache_id`].
fn next_cache_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl NerModel {
    fn new(weights: EmitTable, scale: f32, transitions: Vec<f32>, features: FeatureSet) -> Self {
        Self {
            bounds: emit::boundary_rows(&weights),
            weights,
            scale,
            transitions,
            features,
            cache_id: next_cache_id(),
        }
    }

    /// The optional feature groups the model reads.
    pub fn features(&self) -> FeatureSet {
        self.features
    }

    /// The model the binary embeds (`assets/models/ner.bin`).
    ///
    /// # Panics
    /// Never for the committed file: a test loads it.
    pub fn embedded() -> Self {
        Self::from_bytes(include_bytes!("../../../assets/models/ner.bin"))
            .expect("the embedded model is a valid model file (tested)")
    }

    /// A model from trained weights: `rows` holds `L` weights for each row of `index`.
    /// The weights are rounded to the file's `i16` steps, so training reports the scores of
    /// the model it writes.
    fn from_rows(
        index: &FeatureIndex,
        rows: &[f32],
        transitions: Vec<f32>,
        features: FeatureSet,
    ) -> Self {
        let max = index
            .values()
            .flat_map(|&row| &rows[row as usize * L..row as usize * L + L])
            .fold(0.0_f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut weights = EmitTable::with_capacity(index.len());
        for (&key, &row) in index {
            let base = row as usize * L;
            let mut w = [0; L];
            for (q, x) in w.iter_mut().zip(&rows[base..base + L]) {
                #[allow(
                    clippy::cast_possible_truncation,
                    reason = "rounded into i16 range by the scale"
                )]
                {
                    *q = (x / scale)
                        .round()
                        .clamp(f32::from(i16::MIN), f32::from(i16::MAX))
                        as i16;
                }
            }
            weights.insert(key, w);
        }
        Self::new(weights, scale, transitions, features)
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Scores summed in units of the scale, as label scores.
    fn scaled(&self, units: &[i32; L]) -> [f32; L] {
        #[allow(
            clippy::cast_precision_loss,
            reason = "a token's sum of a few dozen i16 weights stays far below 2^24, exact in f32"
        )]
        units.map(|u| u as f32 * self.scale)
    }

    fn emissions(&self, feats: &[u64]) -> [f32; L] {
        let mut units = [0; L];
        self.weights.add_scores(feats, &mut units);
        self.scaled(&units)
    }

    /// The best label sequence for one sentence's features.
    pub fn decode(&self, sentence: &SentenceFeatures) -> Vec<usize> {
        self.decode_with_margins(sentence).0
    }

    /// The best label sequence and, for each token, how much more its label scored than `O`
    /// on the token's own evidence (0 for tokens labelled `O`): a low margin means the tagger
    /// was unsure.
    pub fn decode_with_margins(&self, sentence: &SentenceFeatures) -> (Vec<usize>, Vec<f32>) {
        let emissions: Vec<[f32; L]> = sentence.tokens().map(|f| self.emissions(f)).collect();
        self.labels_and_margins(&emissions)
    }

    /// Viterbi over `emissions`, and each label's margin over `O` on the token's own scores.
    fn labels_and_margins(&self, emissions: &[[f32; L]]) -> (Vec<usize>, Vec<f32>) {
        let labels = viterbi(emissions, &self.transitions);
        let margins = margins(&labels, emissions);
        (labels, margins)
    }

    /// The best label sequence and its margins (as [`Self::decode_with_margins`]) for one
    /// sentence of a document, with the lexicon lookups of every word already done. The
    /// scores of the features that read one word alone are kept per word type by each thread
    /// ([`emit`]), which gives the same scores as summing them again.
    pub fn decode_words(
        &self,
        words: &[&str],
        names_at: &[Option<(usize, Target)>],
        titles_at: &[Option<(usize, Target)>],
        lex: &Lexicon,
        doc: &DocContext,
    ) -> (Vec<usize>, Vec<f32>) {
        emit::with_scratch(|scratch| {
            emit::sentence_emissions(self, words, names_at, titles_at, lex, doc, scratch);
            let labels = viterbi_with(
                &scratch.emissions,
                &self.transitions,
                &mut scratch.score,
                &mut scratch.back,
            );
            let margins = margins(&labels, &scratch.emissions);
            (labels, margins)
        })
    }

    /// Tags one sentence: label strings, one per word.
    pub fn tag(&self, words: &[&str], lex: &Lexicon, doc: &DocContext) -> Vec<&'static str> {
        let features = sentence_features(words, lex, doc, self.features);
        self.decode(&features)
            .into_iter()
            .map(|l| LABELS[l])
            .collect()
    }

    /// The file: magic, the feature set (u32) and the fingerprint of the data files it
    /// reads ([`FeatureSet::data_fingerprint`], u64), feature count, scale, transitions as f32, then per feature its
    /// key (u64) and `L` weights as i16 (times `scale`), little-endian, sorted by key so the
    /// same model gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<(u64, &[i16; L])> = self.weights.iter().collect();
        rows.sort_unstable_by_key(|(k, _)| *k);
        let mut out = Vec::with_capacity(48 + rows.len() * (8 + 2 * L));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.features.bits().to_le_bytes());
        out.extend_from_slice(&self.features.data_fingerprint().to_le_bytes());
        out.extend_from_slice(&u32::try_from(rows.len()).unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for (key, weights) in rows {
            out.extend_from_slice(&key.to_le_bytes());
            for q in weights {
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// When the bytes are not a model of a version this build reads, are cut short, or read
    /// word classes other than the embedded ones.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        let magic = r.take(MAGIC.len())?;
        let features = if magic == MAGIC {
            let features =
                FeatureSet::from_bits(u32::from_le_bytes(r.array()?)).ok_or(ModelError::Format)?;
            if u64::from_le_bytes(r.array()?) != features.data_fingerprint() {
                return Err(ModelError::Data);
            }
            features
        } else if magic == MAGIC_V1 {
            FeatureSet::default()
        } else {
            return Err(ModelError::Format);
        };
        let n = u32::from_le_bytes(r.array()?) as usize;
        let scale = f32::from_le_bytes(r.array()?);
        let mut transitions = Vec::with_capacity((L + 1) * L);
        for _ in 0..(L + 1) * L {
            transitions.push(f32::from_le_bytes(r.array()?));
        }
        if bytes.len().saturating_sub(r.pos) < n * (8 + 2 * L) {
            return Err(ModelError::Truncated);
        }
        let mut weights = EmitTable::with_capacity(n);
        for _ in 0..n {
            let key = u64::from_le_bytes(r.array()?);
            let mut w = [0; L];
            for q in &mut w {
                *q = i16::from_le_bytes(r.array()?);
            }
            weights.insert(key, w);
        }
        Ok(Self::new(weights, scale, transitions, features))
    }
}

/// Each token's margin: how much more its label scored than `O` on its own evidence.
fn margins(labels: &[usize], emissions: &[[f32; L]]) -> Vec<f32> {
    labels
        .iter()
        .zip(emissions)
        .map(|(&l, e)| e[l] - e[0])
        .collect()
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let slice = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
}

/// Viterbi over per-token emission scores and `transitions` (`(L + 1) × L`, the last row for
/// the start), obeying the BIO constraints.
fn viterbi(emissions: &[[f32; L]], transitions: &[f32]) -> Vec<usize> {
    viterbi_with(emissions, transitions, &mut Vec::new(), &mut Vec::new())
}

/// [`viterbi`] with its working rows in `score` and `back`, reused from call to call.
fn viterbi_with(
    emissions: &[[f32; L]],
    transitions: &[f32],
    score: &mut Vec<[f32; L]>,
    back: &mut Vec<[u8; L]>,
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    score.clear();
    score.resize(n, [f32::NEG_INFINITY; L]);
    back.clear();
    back.resize(n, [0u8; L]);
    for b in 0..L {
        if allowed(START, b) {
            score[0][b] = emissions[0][b] + transitions[START * L + b];
        }
    }
    for t in 1..n {
        let prev = score[t - 1];
        for b in 0..L {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            let (list, count) = &PREDECESSORS[b];
            for &a in &list[..*count] {
                let s = prev[a] + transitions[a * L + b];
                if s > best {
                    best = s;
                    arg = a;
                }
            }
            score[t][b] = best + emissions[t][b];
            #[allow(clippy::cast_possible_truncation, reason = "L is 9")]
            {
                back[t][b] = arg as u8;
            }
        }
    }
    let mut last = 0;
    for b in 1..L {
        if score[n - 1][b] > score[n - 1][last] {
            last = b;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = last;
    for t in (1..n).rev() {
        out[t - 1] = back[t][out[t]] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_labels_need_their_beginning() {
        let b_per = label_index("B-PER");
        let i_per = label_index("I-PER");
        assert!(allowed(b_per, i_per));
        assert!(allowed(i_per, i_per));
        assert!(!allowed(label_index("B-ORG"), i_per));
        assert!(!allowed(START, i_per));
        assert!(allowed(START, b_per));
    }

    #[test]
    fn the_predecessor_table_follows_the_bio_rules() {
        for (b, (list, count)) in PREDECESSORS.iter().enumerate() {
            let expected: Vec<usize> = (0..L).filter(|&a| allowed(a, b)).collect();
            assert_eq!(&list[..*count], expected.as_slice(), "before {}", LABELS[b]);
        }
    }

    #[test]
    fn viterbi_obeys_the_constraints() {
        // Emissions prefer I-PER everywhere; the start forbids it, so B-PER comes first.
        let i_per = label_index("I-PER");
        let mut e = [0.0; L];
        e[i_per] = 5.0;
        e[label_index("B-PER")] = 1.0;
        let path = viterbi(&[e, e], &vec![0.0; (L + 1) * L]);
        assert_eq!(path, vec![label_index("B-PER"), i_per]);
    }

    #[test]
    fn a_model_records_its_feature_groups_and_their_data() {
        let set = FeatureSet::parse("classes, gazetteer").expect("known groups");
        assert_eq!(set, FeatureSet::all());
        assert_eq!(FeatureSet::parse("none"), Ok(FeatureSet::default()));
        let err = FeatureSet::parse("classes,brown").expect_err("no such group");
        assert!(err.contains("brown") && err.contains("gazetteer"), "{err}");
        let model = NerModel::from_rows(
            &FeatureIndex::default(),
            &[],
            vec![0.5; (L + 1) * L],
            FeatureSet::CLASSES,
        );
        let bytes = model.to_bytes();
        let again = NerModel::from_bytes(&bytes).expect("reads its own bytes");
        assert_eq!(again.features(), FeatureSet::CLASSES);
        // Trained with other word classes: the fingerprint after the feature set differs.
        let mut other = bytes.clone();
        other[MAGIC.len() + 4] ^= 1;
        assert!(matches!(
            NerModel::from_bytes(&other),
            Err(ModelError::Data)
        ));
        // A feature group this build does not know.
        let mut unknown = bytes.clone();
        unknown[MAGIC.len()] |= 0x80;
        assert!(matches!(
            NerModel::from_bytes(&unknown),
            Err(ModelError::Format)
        ));
        // A file of the first version reads as a model without optional groups.
        let mut v1 = MAGIC_V1.to_vec();
        v1.extend_from_slice(&bytes[MAGIC.len() + 12..]);
        let old = NerModel::from_bytes(&v1).expect("version 1 reads");
        assert_eq!(old.features(), FeatureSet::default());
    }

    #[test]
    fn the_embedded_model_loads_and_round_trips() {
        let model = NerModel::embedded();
        assert!(model.feature_count() > 1000);
        let again = NerModel::from_bytes(&model.to_bytes()).expect("reads its own bytes");
        assert_eq!(again.feature_count(), model.feature_count());
        assert!(NerModel::from_bytes(b"not a model").is_err());
        assert!(NerModel::from_bytes(&model.to_bytes()[..100]).is_err());
    }
}
