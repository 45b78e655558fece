//! Training the tagger and the parser: averaged perceptrons (Collins 2002) over the features
//! of [`super::features`].
//!
//! The tagger is trained greedily, left to right, on its own previous predictions. The parser
//! is trained on tags the tagger predicted for sentences it was not trained on (jackknifing:
//! each fold tagged by a tagger trained on the other folds), so it learns to live with tagging
//! errors. Each parser step asks the dynamic oracle ([`super::transition::State::costs`])
//! which moves lose no gold arc; after the first epoch it sometimes follows its own mistakes
//! (error exploration) and learns to recover from them. Arcs are labelled by a separate
//! classifier trained on each arc whose head is right.
//!
//! Deterministic: the same data and options give the same model bytes.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use super::beam::{BeamTrainer, Sentence, Update};
use super::conllu::ConlluSentence;
use super::features::{
    LABEL_FEATURES, PARSE_FEATURES, Positions, TAG_FEATURES, TAG2_FEATURES, WordInfo, file_key,
    label_features, parse_features, tag_features, tag2_features,
};
use super::model::{ChunkWork, Parser, Table, best};
use super::relabel::{Children, RELABEL_FEATURES, relabel_features};
use super::transition::{MOVES, State};
use super::{Deprel, Upos};
use crate::extract::clusters::WordClasses;
use crate::extract::ner::KeyHasher;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes of the tagger over the data.
    pub tag_epochs: usize,
    /// Passes of the parser over the data.
    pub parse_epochs: usize,
    /// Folds for the jackknifed tags the parser trains on.
    pub folds: usize,
    /// Chance (in 1/1000) of following a wrong predicted move after the first epoch.
    pub explore_per_mille: u64,
    /// Seed of the visiting order and the exploration.
    pub seed: u64,
    /// Parser features fewer updates than this touched are left out of the model.
    pub min_updates: u32,
    /// The same for the tagger.
    pub tag_min_updates: u32,
    /// Passes of the second labelling pass over the jackknifed trees (0: no second pass).
    pub relabel_epochs: usize,
    /// Share (in %) of the arcs, the least confident, that the second pass labels again.
    pub relabel_share: usize,
    /// Parses kept at each step (1: the greedy parser with the dynamic oracle; more: a beam
    /// trained globally, [`super::beam`]). The model records it and parses with it.
    pub beam: usize,
    /// How the beam's training corrects the model.
    pub update: Update,
    /// With a beam, the first epochs trained greedily (dynamic oracle) before the global
    /// training starts from their weights.
    pub greedy_epochs: usize,
    /// Whether the averaged weights leave out the greedy epochs (the global training's
    /// average only).
    pub restart_average: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            tag_epochs: 8,
            parse_epochs: 12,
            folds: 4,
            explore_per_mille: 900,
            seed: 0x7061_7273,
            min_updates: 3,
            tag_min_updates: 1,
            relabel_epochs: 0,
            relabel_share: 100,
            beam: 1,
            update: Update::MaxViolation,
            greedy_epochs: 0,
            restart_average: false,
        }
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        #[allow(clippy::cast_possible_truncation, reason = "reduced modulo n")]
        let r = (self.next() % n as u64) as usize;
        r
    }

    fn shuffle(&mut self, order: &mut [usize]) {
        for i in (1..order.len()).rev() {
            let j = self.below(i + 1);
            order.swap(i, j);
        }
    }
}

/// A multi-class averaged perceptron with integer weights, rows made on first update.
pub(super) struct Perceptron {
    classes: usize,
    index: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    /// Current weights.
    w: Vec<i32>,
    /// Sum of step × update, so the average is `w - u / step`.
    u: Vec<i64>,
    /// How many updates touched each row (rows touched rarely are noise, dropped on export).
    touched: Vec<u32>,
    step: i64,
}

impl Perceptron {
    pub(super) fn new(classes: usize) -> Self {
        Self {
            classes,
            index: HashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            touched: Vec::new(),
            step: 1,
        }
    }

    pub(super) fn scores<const C: usize>(&self, keys: &[u64]) -> [i32; C] {
        let mut out = [0; C];
        for k in keys {
            if let Some(&row) = self.index.get(k) {
                let base = row as usize * self.classes;
                for (o, &x) in out.iter_mut().zip(&self.w[base..base + self.classes]) {
                    *o += x;
                }
            }
        }
        out
    }

    pub(super) fn update(&mut self, keys: &[u64], gold: usize, pred: usize) {
        for &k in keys {
            let base = self.row_of(k);
            self.w[base + gold] += 1;
            self.u[base + gold] += self.step;
            self.w[base + pred] -= 1;
            self.u[base + pred] -= self.step;
        }
    }

    /// Adds `delta` to the weights of class `class` of `keys` (one half of an update over
    /// whole transition sequences, [`super::beam`]).
    pub(super) fn add(&mut self, keys: &[u64], class: usize, delta: i32) {
        for &k in keys {
            let base = self.row_of(k);
            self.w[base + class] += delta;
            self.u[base + class] += i64::from(delta) * self.step;
        }
    }

    /// The start of key `k`'s row, made on first use; counts the update.
    fn row_of(&mut self, k: u64) -> usize {
        let next = u32::try_from(self.index.len()).unwrap_or(u32::MAX);
        let row = *self.index.entry(k).or_insert(next) as usize;
        let base = row * self.classes;
        if self.w.len() < base + self.classes {
            self.w.resize(base + self.classes, 0);
            self.u.resize(base + self.classes, 0);
            self.touched.resize(row + 1, 0);
        }
        self.touched[row] = self.touched[row].saturating_add(1);
        base
    }

    /// The averaged weights of key `k`.
    #[cfg(test)]
    pub(super) fn averaged(&self, k: u64) -> Vec<f64> {
        let Some(&row) = self.index.get(&k) else {
            return vec![0.0; self.classes];
        };
        let base = row as usize * self.classes;
        #[allow(clippy::cast_precision_loss, reason = "small test sums")]
        (base..base + self.classes)
            .map(|i| f64::from(self.w[i]) - self.u[i] as f64 / self.step as f64)
            .collect()
    }

    /// The keys some update touched.
    #[cfg(test)]
    pub(super) fn keys(&self) -> Vec<u64> {
        self.index.keys().copied().collect()
    }

    /// The current weights of key `k` (zeros when no update touched it).
    #[cfg(test)]
    pub(super) fn weights(&self, k: u64) -> Vec<i32> {
        self.index.get(&k).map_or_else(
            || vec![0; self.classes],
            |&row| {
                let base = row as usize * self.classes;
                self.w[base..base + self.classes].to_vec()
            },
        )
    }

    /// Starts the average afresh: the weights now are the start of the averaged run.
    pub(super) fn restart_average(&mut self) {
        self.u.fill(0);
        self.step = 1;
    }

    pub(super) fn tick(&mut self) {
        self.step += 1;
    }

    /// The averaged weights, rounded to 16-bit steps; rows left all zero, and rows fewer
    /// than `min_updates` updates touched, are dropped.
    pub(super) fn table<const C: usize, const B: usize>(&self, min_updates: u32) -> Table<C, B> {
        let step = self.step as f64;
        #[allow(clippy::cast_precision_loss, reason = "sums far below 2^52")]
        let avg = |i: usize| f64::from(self.w[i]) - self.u[i] as f64 / step;
        let max = (0..self.w.len()).fold(0.0_f64, |m, i| m.max(avg(i).abs()));
        let scale = if max > 0.0 {
            f64::from(i16::MAX) / max
        } else {
            1.0
        };
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        // In the model file's order, as reading the file inserts them.
        keys.sort_unstable_by_key(|&(k, _)| file_key(k));
        Table::from_rows(keys.into_iter().filter_map(|(k, row)| {
            if self.touched[row as usize] < min_updates {
                return None;
            }
            let base = row as usize * self.classes;
            let mut out = [0i16; C];
            for (c, q) in out.iter_mut().enumerate().take(self.classes) {
                #[allow(clippy::cast_possible_truncation, reason = "scaled into i16 range")]
                {
                    *q = (avg(base + c) * scale).round() as i16;
                }
            }
            out.iter().any(|&q| q != 0).then_some((k, out))
        }))
    }
}

/// A sentence ready for training: word features, gold tags, heads (`n` for the root) and labels.
struct Prepared {
    info: Vec<WordInfo>,
    tags: Vec<u8>,
    heads: Vec<u16>,
    labels: Vec<u8>,
}

fn prepare(sentences: &[ConlluSentence], classes: &WordClasses) -> Vec<Prepared> {
    let mut scratch = String::new();
    sentences
        .iter()
        .filter(|s| !s.words.is_empty() && s.words.len() < usize::from(u16::MAX) - 1)
        .map(|s| {
            let n = s.words.len();
            Prepared {
                info: s
                    .words
                    .iter()
                    .map(|w| WordInfo::new(&w.form, classes, &mut scratch))
                    .collect(),
                tags: s
                    .words
                    .iter()
                    .map(|w| u8::try_from(w.upos.index()).unwrap_or(0))
                    .collect(),
                heads: s
                    .words
                    .iter()
                    .map(|w| {
                        let h = if w.head == 0 { n } else { w.head - 1 };
                        u16::try_from(h).unwrap_or(0)
                    })
                    .collect(),
                labels: s
                    .words
                    .iter()
                    .map(|w| u8::try_from(w.deprel.index()).unwrap_or(0))
                    .collect(),
            }
        })
        .collect()
}

/// Trains a tagger on `data[i]` for `i` in `which`.
fn train_tagger(data: &[Prepared], which: &[usize], epochs: usize, rng: &mut Rng) -> Perceptron {
    let mut p = Perceptron::new(Upos::COUNT);
    let mut order = which.to_vec();
    let mut tags = Vec::new();
    let mut feats = [0u64; TAG_FEATURES];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let sentence = &data[s];
            tags.clear();
            for (i, &gold) in sentence.tags.iter().enumerate() {
                tag_features(&sentence.info, &tags, i, &mut feats);
                let scores: [i32; Upos::COUNT] = p.scores(&feats);
                let pred = best(&scores, |_| true);
                if pred != usize::from(gold) {
                    p.update(&feats, usize::from(gold), pred);
                }
                tags.push(u8::try_from(pred).unwrap_or(0));
            }
            p.tick();
        }
    }
    p
}

/// Trains the second tagger pass on `data[i]` for `i` in `which`, its next-word tags from
/// `first` (tags the first pass predicted for sentences it was not trained on).
fn train_tagger2(
    data: &[Prepared],
    first: &[Vec<u8>],
    which: &[usize],
    epochs: usize,
    rng: &mut Rng,
) -> Perceptron {
    let mut p = Perceptron::new(Upos::COUNT);
    let mut order = which.to_vec();
    let mut tags = Vec::new();
    let mut feats = [0u64; TAG2_FEATURES];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let sentence = &data[s];
            tags.clear();
            for (i, &gold) in sentence.tags.iter().enumerate() {
                tag2_features(&sentence.info, &tags, &first[s], i, &mut feats);
                let scores: [i32; Upos::COUNT] = p.scores(&feats);
                let pred = best(&scores, |_| true);
                if pred != usize::from(gold) {
                    p.update(&feats, usize::from(gold), pred);
                }
                tags.push(u8::try_from(pred).unwrap_or(0));
            }
            p.tick();
        }
    }
    p
}

/// One parser training pass over a sentence in epoch `epoch` (from 1): greedy with the
/// dynamic oracle, or with the beam and global updates when `options.beam` is above 1.
#[allow(
    clippy::too_many_arguments,
    reason = "the training loop's state, passed once"
)]
fn train_parse_sentence(
    sentence: &Prepared,
    tags: &[u8],
    moves: &mut Perceptron,
    labels: &mut Perceptron,
    (state, trainer): (&mut State, &mut BeamTrainer),
    epoch: usize,
    options: TrainOptions,
    rng: &mut Rng,
) {
    if options.beam > 1 && epoch > options.greedy_epochs {
        let s = Sentence {
            info: &sentence.info,
            tags,
            heads: &sentence.heads,
            labels: &sentence.labels,
        };
        trainer.train_sentence(&s, moves, labels, options.beam, options.update);
        moves.tick();
        labels.tick();
        return;
    }
    train_greedy_sentence(
        sentence,
        tags,
        moves,
        labels,
        state,
        epoch > 1,
        options.explore_per_mille,
        rng,
    );
}

/// One greedy training pass over a sentence, with the dynamic oracle and, when `explore`,
/// error exploration.
#[allow(
    clippy::too_many_arguments,
    reason = "the training loop's state, passed once"
)]
fn train_greedy_sentence(
    sentence: &Prepared,
    tags: &[u8],
    moves: &mut Perceptron,
    labels: &mut Perceptron,
    state: &mut State,
    explore: bool,
    explore_per_mille: u64,
    rng: &mut Rng,
) {
    let n = sentence.info.len();
    state.reset(n);
    let positions = Positions::new(&sentence.info, tags);
    let mut feats = [0u64; PARSE_FEATURES];
    let mut label_feats = [0u64; LABEL_FEATURES];
    while !state.is_terminal() {
        parse_features(state, &positions, &mut feats);
        let scores: [i32; 4] = moves.scores(&feats);
        let costs = state.costs(&sentence.heads);
        let pred = best(&scores, |c| c < MOVES && costs[c] != u32::MAX);
        let min = costs.iter().copied().min().unwrap_or(0);
        let gold = best(&scores, |c| c < MOVES && costs[c] == min);
        let t = if costs[pred] == min {
            pred
        } else {
            moves.update(&feats, gold, pred);
            if explore && rng.next() % 1000 < explore_per_mille {
                pred
            } else {
                gold
            }
        };
        let label = match state.arc(t) {
            Some((head, _)) if usize::from(head) == n => Deprel::ROOT.index(),
            Some((head, dep)) => {
                let right = usize::from(sentence.labels[usize::from(dep)]);
                if sentence.heads[usize::from(dep)] == head {
                    label_features(state, &positions, head, dep, &mut label_feats);
                    let scores: [i32; Deprel::COUNT] = labels.scores(&label_feats);
                    let guess = best(&scores, |c| c != Deprel::ROOT.index());
                    if guess != right {
                        labels.update(&label_feats, right, guess);
                    }
                }
                right
            }
            None => usize::from(u8::MAX),
        };
        state.apply(t, u8::try_from(label).unwrap_or(u8::MAX));
    }
    moves.tick();
    labels.tick();
}

/// Trains the tagger and the parser, with features reading `word_classes`. `report` gets a
/// progress line after each epoch, with scores on `dev` when it is not empty.
pub fn train(
    train_set: &[ConlluSentence],
    dev: &[ConlluSentence],
    word_classes: &Arc<WordClasses>,
    options: TrainOptions,
    report: &mut dyn FnMut(&str),
) -> Parser {
    let data = prepare(train_set, word_classes);
    let mut rng = Rng(options.seed | 1);
    let all: Vec<usize> = (0..data.len()).collect();
    let tagger = train_tagger(&data, &all, options.tag_epochs, &mut rng);
    let mut parser = Parser {
        tagger: tagger.table(options.tag_min_updates),
        word_classes: word_classes.clone(),
        ..Parser::default()
    };
    if !dev.is_empty() {
        let s = super::score::score_gold(&parser, dev);
        report(&format!("tagger: dev UPOS {:.4}", s.upos()));
    }
    // Jackknifed tags for the parser's training data: each fold tagged by a first-pass
    // tagger trained on the other folds. (Jackknifing the second pass too, so the parser
    // trains on the tags it reads when parsing, gave no gain on dev: docs/parsing.md.)
    let folds = options.folds.max(2);
    let mut predicted: Vec<Vec<u8>> = vec![Vec::new(); data.len()];
    for f in 0..folds {
        let train_on: Vec<usize> = all.iter().copied().filter(|i| i % folds != f).collect();
        let held = Parser {
            tagger: train_tagger(&data, &train_on, options.tag_epochs, &mut rng)
                .table(options.tag_min_updates),
            ..Parser::default()
        };
        for i in all.iter().copied().filter(|i| i % folds == f) {
            held.tag_into(&data[i].info, &mut predicted[i]);
        }
    }
    report("jackknifed tags ready");
    parser.tagger2 = train_tagger2(&data, &predicted, &all, options.tag_epochs, &mut rng)
        .table(options.tag_min_updates);
    if !dev.is_empty() {
        let s = super::score::score_gold(&parser, dev);
        report(&format!("second tagger pass: dev UPOS {:.4}", s.upos()));
    }
    let mut moves = Perceptron::new(4);
    let mut labels = Perceptron::new(Deprel::COUNT);
    let mut state = State::default();
    let mut trainer = BeamTrainer::default();
    let mut order = all.clone();
    parser.beam = options.beam;
    for epoch in 1..=options.parse_epochs {
        if options.beam > 1 && options.restart_average && epoch == options.greedy_epochs + 1 {
            moves.restart_average();
            labels.restart_average();
        }
        rng.shuffle(&mut order);
        for &s in &order {
            train_parse_sentence(
                &data[s],
                &predicted[s],
                &mut moves,
                &mut labels,
                (&mut state, &mut trainer),
                epoch,
                options,
                &mut rng,
            );
        }
        parser.moves = moves.table(options.min_updates);
        parser.labels = labels.table(options.min_updates);
        let line = if dev.is_empty() {
            String::new()
        } else {
            let s = super::score::score_gold(&parser, dev);
            format!(
                ": dev UPOS {:.4} UAS {:.4} LAS {:.4}",
                s.upos(),
                s.uas(),
                s.las()
            )
        };
        report(&format!("parser epoch {epoch}{line}"));
    }
    if options.relabel_epochs > 0 {
        let trees = jackknifed_trees(&data, &predicted, options, &mut rng);
        report("jackknifed trees ready");
        train_relabeller(
            &data,
            &predicted,
            &trees,
            &mut parser,
            dev,
            options,
            &mut rng,
            report,
        );
        // The margin below which arcs are labelled again: the least confident share of the
        // jackknifed trees' arcs.
        let mut margins: Vec<i32> = trees
            .iter()
            .flat_map(|t| t.margins.iter().copied().filter(|&m| m != i32::MAX))
            .collect();
        margins.sort_unstable();
        let at_share = |per_cent: usize| {
            margins
                .get(margins.len() * per_cent.min(100) / 100)
                .copied()
                .unwrap_or(i32::MAX)
        };
        if !dev.is_empty() {
            for per_cent in [5, 10, 15, 20, 30, 40, 50, 70, 100] {
                parser.relabel_margin = at_share(per_cent);
                let s = super::score::score_gold(&parser, dev);
                report(&format!(
                    "second labelling of the {per_cent} % least confident arcs (margin < {}): \
                     dev LAS {:.4}",
                    parser.relabel_margin,
                    s.las()
                ));
            }
        }
        parser.relabel_margin = at_share(options.relabel_share);
    }
    parser.finish_tables();
    parser
}

/// Trains the parser on `data[i]` for `i` in `which` (tags from `tags`).
fn train_moves(
    data: &[Prepared],
    tags: &[Vec<u8>],
    which: &[usize],
    options: TrainOptions,
    rng: &mut Rng,
) -> (Perceptron, Perceptron) {
    let mut moves = Perceptron::new(4);
    let mut labels = Perceptron::new(Deprel::COUNT);
    let mut state = State::default();
    let mut trainer = BeamTrainer::default();
    let mut order = which.to_vec();
    for epoch in 1..=options.parse_epochs {
        if options.beam > 1 && options.restart_average && epoch == options.greedy_epochs + 1 {
            moves.restart_average();
            labels.restart_average();
        }
        rng.shuffle(&mut order);
        for &s in &order {
            train_parse_sentence(
                &data[s],
                &tags[s],
                &mut moves,
                &mut labels,
                (&mut state, &mut trainer),
                epoch,
                options,
                rng,
            );
        }
    }
    (moves, labels)
}

/// A training sentence's tree as a parser trained on the other folds builds it.
#[derive(Debug, Clone, Default)]
struct Tree {
    /// Heads (`n` for the root).
    heads: Vec<u16>,
    /// First labels.
    labels: Vec<u8>,
    /// How far each first label led the next best.
    margins: Vec<i32>,
}

/// Each training sentence's tree as a parser trained on the other folds builds it, from the
/// jackknifed tags.
fn jackknifed_trees(
    data: &[Prepared],
    tags: &[Vec<u8>],
    options: TrainOptions,
    rng: &mut Rng,
) -> Vec<Tree> {
    let folds = options.folds.max(2);
    let mut trees = vec![Tree::default(); data.len()];
    let mut state = State::default();
    let mut work = ChunkWork::default();
    for f in 0..folds {
        let train_on: Vec<usize> = (0..data.len()).filter(|i| i % folds != f).collect();
        let (moves, labels) = train_moves(data, tags, &train_on, options, rng);
        let held = Parser {
            moves: moves.table(options.min_updates),
            labels: labels.table(options.min_updates),
            beam: options.beam,
            ..Parser::default()
        };
        for i in (0..data.len()).filter(|i| i % folds == f) {
            let n = data[i].info.len();
            held.parse_chunk(&data[i].info, &tags[i], &mut state, &mut work);
            let to = |x: usize| u16::try_from(x).unwrap_or(u16::MAX);
            trees[i] = Tree {
                heads: (0..n).map(|d| state.head(d)).collect(),
                labels: (0..n).map(|d| state.label(to(d))).collect(),
                margins: work.margins.clone(),
            };
        }
    }
    trees
}

/// Trains the second labelling pass on the jackknifed `trees`: each arc whose head is right
/// is labelled again, reading the first labels of the rest of the tree.
#[allow(
    clippy::too_many_arguments,
    reason = "the training's state, passed once"
)]
fn train_relabeller(
    data: &[Prepared],
    tags: &[Vec<u8>],
    trees: &[Tree],
    parser: &mut Parser,
    dev: &[ConlluSentence],
    options: TrainOptions,
    rng: &mut Rng,
    report: &mut dyn FnMut(&str),
) {
    let mut relabels = Perceptron::new(Deprel::COUNT);
    let mut children = Children::default();
    let mut feats = [0u64; RELABEL_FEATURES];
    let mut order: Vec<usize> = (0..data.len()).collect();
    for epoch in 1..=options.relabel_epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let Tree { heads, labels, .. } = &trees[s];
            let n = heads.len();
            children.build(heads);
            for d in 0..n {
                if usize::from(heads[d]) >= n || heads[d] != data[s].heads[d] {
                    continue;
                }
                relabel_features(
                    &data[s].info,
                    &tags[s],
                    heads,
                    labels,
                    &children,
                    d,
                    &mut feats,
                );
                let scores: [i32; Deprel::COUNT] = relabels.scores(&feats);
                let guess = best(&scores, |c| c != Deprel::ROOT.index());
                let right = usize::from(data[s].labels[d]);
                if guess != right {
                    relabels.update(&feats, right, guess);
                }
            }
            relabels.tick();
        }
        parser.relabels = relabels.table(options.min_updates);
        parser.relabel_margin = i32::MAX;
        if !dev.is_empty() {
            let s = super::score::score_gold(parser, dev);
            report(&format!(
                "second labelling epoch {epoch}: dev UAS {:.4} LAS {:.4}",
                s.uas(),
                s.las()
            ));
        }
    }
}
