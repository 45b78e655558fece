//! Training the tagger: the averaged structured perceptron. Each epoch visits the sentences in
//! a seeded random order, decodes each with the current weights and, where the best sequence
//! differs from the gold one, moves weight from the predicted labels to the gold labels. The
//! final weights are the average over every step, which generalizes far better than the last
//! ones. Deterministic: the same data and options give the same model bytes.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::{FeatureIndex, FeatureSet, L, NerModel, START, SentenceFeatures, viterbi};

/// One training sentence: its features and gold label indices.
pub struct TrainSentence {
    /// Hashed features per token.
    pub features: SentenceFeatures,
    /// Gold labels, one per token.
    pub labels: Vec<usize>,
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

/// Trains a model. `report(epoch, model)` is called after every epoch with the averaged model
/// so far (for progress and dev scores).
pub fn train(
    data: &[TrainSentence],
    options: TrainOptions,
    report: &mut dyn FnMut(usize, &NerModel),
) -> NerModel {
    // Keep features seen often enough; rows in first-seen order, so the model is deterministic.
    let mut counts: HashMap<u64, u32, BuildHasherDefault<super::KeyHasher>> = HashMap::default();
    for s in data {
        for f in s.features.all() {
            *counts.entry(*f).or_default() += 1;
        }
    }
    let mut index = FeatureIndex::default();
    for s in data {
        for &f in s.features.all() {
            if counts[&f] >= options.min_count && !index.contains_key(&f) {
                let row = u32::try_from(index.len()).unwrap_or(u32::MAX);
                index.insert(f, row);
            }
        }
    }
    drop(counts);
    let rows = index.len();
    let mut weights = Averaged::new(rows * L);
    let mut transitions = Averaged::new((L + 1) * L);
    let mut order: Vec<usize> = (0..data.len()).collect();
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
            let emissions: Vec<[f32; L]> = sentence
                .features
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
                    for f in sentence.features.token(t) {
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
