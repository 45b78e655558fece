//! Several models trained with different seeds, averaged into one. Every classifier is
//! linear, so a table whose weights are the mean of the models' weights scores each decision
//! as the mean of the models' scores: an ensemble of `k` models at the cost of one. The
//! seeds change the order the perceptrons see the sentences and which mistakes the parser
//! explores, and models trained alike differ by a few tenths of a point on EWT dev
//! (docs/parsing.md, Stop 24); their mean is steadier than any one of them.
//!
//! The tables keep the features that at least `keep_in` of the models have, so the file and
//! the tables in memory stay about the size of one model's.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use super::conllu::ConlluSentence;
use super::features::file_key;
use super::model::{Parser, Table};
use super::train::{TrainOptions, train};
use crate::extract::clusters::WordClasses;
use crate::extract::ner::KeyHasher;

/// The mean of `tables`' weights (a missing row counts as zeros), over the keys at least
/// `keep_in` of them have; rows whose mean rounds to zero are left out.
pub(super) fn average_tables<const C: usize, const B: usize>(
    tables: &[&Table<C, B>],
    keep_in: usize,
) -> Table<C, B> {
    let mut sums: HashMap<u64, ([i32; C], usize), BuildHasherDefault<KeyHasher>> =
        HashMap::default();
    for table in tables {
        for (key, weights) in table.rows() {
            let (sum, count) = sums.entry(key).or_insert(([0; C], 0));
            for (s, &w) in sum.iter_mut().zip(weights.iter()) {
                *s += i32::from(w);
            }
            *count += 1;
        }
    }
    let k = i32::try_from(tables.len().max(1)).unwrap_or(i32::MAX);
    let mut rows: Vec<(u64, [i16; C])> = sums
        .into_iter()
        .filter(|(_, (_, count))| *count >= keep_in)
        .map(|(key, (sum, _))| {
            // Rounded to the nearest step, halves away from zero.
            let mean = sum.map(|s| {
                let q = (2 * s + s.signum() * k) / (2 * k);
                i16::try_from(q).unwrap_or(if q < 0 { i16::MIN } else { i16::MAX })
            });
            (key, mean)
        })
        .filter(|(_, w)| w.iter().any(|&q| q != 0))
        .collect();
    // In the model file's order, as reading the file inserts them.
    rows.sort_unstable_by_key(|&(key, _)| file_key(key));
    Table::from_rows(rows)
}

/// The average of `models` (all trained with the same word classes): each table the mean of
/// theirs, over the features at least `keep_in` of them have; the second labelling pass's
/// margin is the models' mean margin.
///
/// # Panics
/// When `models` is empty.
pub fn average(models: &[Parser], keep_in: usize, tagger_of_first: bool) -> Parser {
    let first = models.first().expect("at least one model to average");
    let of = |pick: fn(&Parser) -> &Table<{ super::Upos::COUNT }>| {
        if tagger_of_first {
            pick(first).clone()
        } else {
            average_tables(&models.iter().map(pick).collect::<Vec<_>>(), keep_in)
        }
    };
    let tagger = of(|m| &m.tagger);
    let tagger2 = of(|m| &m.tagger2);
    let moves = average_tables(
        &models.iter().map(|m| &m.moves).collect::<Vec<_>>(),
        keep_in,
    );
    let labels = average_tables(
        &models.iter().map(|m| &m.labels).collect::<Vec<_>>(),
        keep_in,
    );
    let relabels = average_tables(
        &models.iter().map(|m| &m.relabels).collect::<Vec<_>>(),
        keep_in,
    );
    let margins: i64 = models.iter().map(|m| i64::from(m.relabel_margin)).sum();
    let count = i64::try_from(models.len()).unwrap_or(1);
    let mut parser = Parser {
        tagger,
        tagger2,
        moves,
        labels,
        relabels,
        relabel_margin: i32::try_from(margins / count).unwrap_or(i32::MAX),
        beam: first.beam,
        word_classes: Arc::clone(&first.word_classes),
        cache_id: 0,
        dense: super::dense::DenseMoves::default(),
        dense_tags: super::dense_tags::DenseTags::default(),
        dense_labels: super::dense::DenseLabels::default(),
    };
    parser.finish_tables();
    parser
}

/// How many models to train and how to average them.
#[derive(Debug, Clone, Copy)]
pub struct Averaging {
    /// Models trained, with the seeds `seed`, `seed + 2`, …
    pub models: usize,
    /// A feature is kept when at least this many models have it.
    pub keep_in: usize,
    /// Keep the first model's taggers instead of averaging them.
    pub tagger_of_first: bool,
}

/// Trains `averaging.models` models with the seeds `options.seed`, `options.seed + 2`, … and
/// averages them ([`average`]); `report` gets the progress lines, and the average's dev
/// scores for each `keep_in` when `dev` is not empty.
pub fn train_averaged(
    train_set: &[ConlluSentence],
    dev: &[ConlluSentence],
    word_classes: &Arc<WordClasses>,
    options: TrainOptions,
    averaging: Averaging,
    report: &mut dyn FnMut(&str),
) -> Parser {
    let Averaging {
        models,
        keep_in,
        tagger_of_first,
    } = averaging;
    let trained: Vec<Parser> = (0..models.max(1))
        .map(|i| {
            let seed = options.seed.wrapping_add(2 * u64::try_from(i).unwrap_or(0));
            report(&format!("model {} of {models} (seed {seed})", i + 1));
            train(
                train_set,
                dev,
                word_classes,
                TrainOptions { seed, ..options },
                report,
            )
        })
        .collect();
    if trained.len() == 1 {
        return trained.into_iter().next().unwrap_or_default();
    }
    if !dev.is_empty() {
        for keep in 1..=trained.len() {
            let parser = average(&trained, keep, tagger_of_first);
            let s = super::score::score_gold(&parser, dev);
            #[allow(clippy::cast_precision_loss, reason = "a file size")]
            let megabytes = parser.to_bytes().len() as f64 / 1e6;
            report(&format!(
                "average of {} models, features in at least {keep}: dev UPOS {:.4} UAS {:.4} \
                 LAS {:.4}, {megabytes:.1} MB",
                trained.len(),
                s.upos(),
                s.uas(),
                s.las()
            ));
        }
    }
    average(&trained, keep_in, tagger_of_first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_table_scores_as_the_mean_of_the_scores() {
        let a = Table::<2>::from_rows([(1 << 40 | 1, [10, -4]), (2 << 40 | 2, [6, 6])]);
        let b = Table::<2>::from_rows([(1 << 40 | 1, [20, 0]), (3 << 40 | 3, [-9, 3])]);
        let mean = average_tables(&[&a, &b], 1);
        let keys = [1 << 40 | 1, 2 << 40 | 2, 3 << 40 | 3];
        let (sa, sb) = (a.scores(&keys), b.scores(&keys));
        let sm = mean.scores(&keys);
        for c in 0..2 {
            assert!(
                (2 * sm[c] - (sa[c] + sb[c])).abs() <= 2,
                "{sm:?} {sa:?} {sb:?}"
            );
        }
        assert_eq!(mean.len(), 3);
        // Only the key both tables have is kept when both must have it.
        let shared = average_tables(&[&a, &b], 2);
        assert_eq!(shared.len(), 1);
        assert_eq!(shared.scores(&[1 << 40 | 1]), [15, -2]);
    }

    #[test]
    fn averaging_one_model_gives_its_parses() {
        let parser = Parser::embedded();
        let words = [
            "Officials",
            "gave",
            "him",
            "the",
            "report",
            "in",
            "Lisbon",
            ".",
        ];
        let alone = average(std::slice::from_ref(&parser), 1, false);
        assert_eq!(alone.parse_words(&words), parser.parse_words(&words));
        assert_eq!(alone.feature_counts(), parser.feature_counts());
    }
}
