//! Training the tagger: the averaged structured perceptron. Each epoch visits the sentences in
//! a seeded random order, decodes each with the current weights and, where the best sequence
//! differs from the gold one, moves weight from the predicted labels to the gold labels. The
//! final weights are the average over every step, which generalizes far better than the last
//! ones. Deterministic: the same data and options give the same model bytes.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::history::History;
use super::{FeatureIndex, FeatureSet, L, NerModel, START, SentenceFeatures, viterbi};

/// One training sentence: its features and gold label indices.
pub struct TrainSentence {
    /// Hashed features per token.
    pub features: SentenceFeatures,
    /// Gold labels, one per token.
    pub labels: Vec<usize>,
    /// The number of its document: a document's sentences follow one another, in order.
    pub document: usize,
    /// Each token's key in the prediction history ([`super::history::word_key`]).
    pub mentions: Vec<Option<u64>>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped (keeps the model small).
    pub min_count: u32,
    /// The optional feature groups; the training sentences' features must have been computed
    /// with the same ones.
    pub features: FeatureSet,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            epochs: 12,
            seed: 0x6e65_7773,
            min_count: 3,
            features: FeatureSet::all(),
        }
    }
}

/// Weights with the running sums the average needs.
struct Averaged {
    w: Vec<f32>,
    /// Sum of `step × update`, so that average = w - u / steps.
    u: Vec<f64>,
}

impl Averaged {
    fn new(n: usize) -> Self {
        Self {
            w: vec![0.0; n],
            u: vec![0.0; n],
        }
    }

    fn update(&mut self, i: usize, delta: f32, step: f64) {
        self.w[i] += delta;
        self.u[i] += step * f64::from(delta);
    }

    fn average(&self, steps: f64) -> Vec<f32> {
        #[allow(clippy::cast_possible_truncation, reason = "weights are small")]
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (f64::from(w) - u / steps) as f32)
            .collect()
    }
}

/// A small deterministic generator for the visiting order (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        #[allow(clippy::cast_possible_truncation, reason = "reduced modulo n")]
        let r = (x % n as u64) as usize;
        r
    }
}

/// Folds of the first pass that gives the training sentences their prediction history.
const HISTORY_FOLDS: usize = 5;

/// Trains a model. `report(epoch, model)` is called after every epoch with the averaged model
/// so far (for progress and dev scores).
///
/// A model with the history group reads, at each mention of a capitalized word, the labels
/// the tagger gave its earlier mentions in the document. Its training sentences get theirs
/// from a first pass: the documents are cut into [`HISTORY_FOLDS`] folds, and each fold is
/// tagged, in document order, by a model without history trained on the other folds. The
/// labels are predictions on unseen text, as at tagging time (the gold labels, or those of a
/// model that has seen the sentence, would be right far more often than the tagger is).
pub fn train(
    data: &[TrainSentence],
    options: TrainOptions,
    report: &mut dyn FnMut(usize, &NerModel),
) -> NerModel {
    let all: Vec<usize> = (0..data.len()).collect();
    if !options.features.has(FeatureSet::HISTORY) {
        return fit(data, &all, None, options, report);
    }
    let with_history = cross_fold_history(data, options);
    fit(data, &all, Some(&with_history), options, report)
}

/// Each training sentence's features with its prediction history from the first pass (see
/// [`train`]).
fn cross_fold_history(data: &[TrainSentence], options: TrainOptions) -> Vec<SentenceFeatures> {
    let without = TrainOptions {
        features: FeatureSet::from_bits(options.features.bits() & !FeatureSet::HISTORY.bits())
            .unwrap_or_default(),
        ..options
    };
    let mut predicted: Vec<Vec<usize>> = vec![Vec::new(); data.len()];
    for fold in 0..HISTORY_FOLDS {
        let (held, rest): (Vec<usize>, Vec<usize>) =
            (0..data.len()).partition(|&s| data[s].document % HISTORY_FOLDS == fold);
        let model = fit(data, &rest, None, without, &mut |_, _| {});
        for s in held {
            predicted[s] = model.decode(&data[s].features);
        }
    }
    let mut out = Vec::with_capacity(data.len());
    let mut before = History::default();
    for (s, sentence) in data.iter().enumerate() {
        if s > 0 && data[s - 1].document != sentence.document {
            before = History::default();
        }
        out.push(
            sentence
                .features
                .extended(|i, f| before.keys(sentence.mentions[i], f)),
        );
        before.record(&sentence.mentions, &predicted[s]);
    }
    out
}

/// The perceptron over the sentences `which` of `data`, with their features from `features`
/// when given (else their own).
fn fit(
    data: &[TrainSentence],
    which: &[usize],
    features: Option<&[SentenceFeatures]>,
    options: TrainOptions,
    report: &mut dyn FnMut(usize, &NerModel),
) -> NerModel {
    let features_of = |s: usize| features.map_or(&data[s].features, |f| &f[s]);
    // Keep features seen often enough; rows in first-seen order, so the model is deterministic.
    let mut counts: HashMap<u64, u32, BuildHasherDefault<super::KeyHasher>> = HashMap::default();
    for &s in which {
        for f in features_of(s).all() {
            *counts.entry(*f).or_default() += 1;
        }
    }
    let mut index = FeatureIndex::default();
    for &s in which {
        for &f in features_of(s).all() {
            if counts[&f] >= options.min_count && !index.contains_key(&f) {
                let row = u32::try_from(index.len()).unwrap_or(u32::MAX);
                index.insert(f, row);
            }
        }
    }
    drop(counts);
    if options.features.has(FeatureSet::HISTORY) {
        for key in History::all_keys() {
            let row = u32::try_from(index.len()).unwrap_or(u32::MAX);
            index.entry(key).or_insert(row);
        }
    }
    let rows = index.len();
    let mut weights = Averaged::new(rows * L);
    let mut transitions = Averaged::new((L + 1) * L);
    let mut order = which.to_vec();
    let mut rng = Rng(options.seed | 1);
    let mut step = 1.0_f64;
    let emit_with = |w: &[f32], index: &FeatureIndex, f: &[u64]| {
        let mut out = [0.0; L];
        for k in f {
            if let Some(&row) = index.get(k) {
                let base = row as usize * L;
                for (o, x) in out.iter_mut().zip(&w[base..base + L]) {
                    *o += x;
                }
            }
        }
        out
    };
    let mut model =
        NerModel::from_rows(&FeatureIndex::default(), &[], Vec::new(), options.features);
    for epoch in 1..=options.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        for &s in &order {
            let sentence = &data[s];
            let features = features_of(s);
            let emissions: Vec<[f32; L]> = features
                .tokens()
                .map(|f| emit_with(&weights.w, &index, f))
                .collect();
            let predicted = viterbi(&emissions, &transitions.w);
            for (t, (&gold, &pred)) in sentence.labels.iter().zip(&predicted).enumerate() {
                let gold_prev = if t == 0 {
                    START
                } else {
                    sentence.labels[t - 1]
                };
                let pred_prev = if t == 0 { START } else { predicted[t - 1] };
                if gold != pred {
                    for f in features.token(t) {
                        if let Some(&row) = index.get(f) {
                            let base = row as usize * L;
                            weights.update(base + gold, 1.0, step);
                            weights.update(base + pred, -1.0, step);
                        }
                    }
                }
                if (gold_prev, gold) != (pred_prev, pred) {
                    transitions.update(gold_prev * L + gold, 1.0, step);
                    transitions.update(pred_prev * L + pred, -1.0, step);
                }
            }
            step += 1.0;
        }
        model = NerModel::from_rows(
            &index,
            &weights.average(step),
            transitions.average(step),
            options.features,
        );
        report(epoch, &model);
    }
    model
}
