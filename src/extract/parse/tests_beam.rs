//! Tests of the beam decoder and its global training.

use std::collections::HashSet;

use super::*;
use crate::extract::clusters::WordClasses;
use crate::extract::parse::transition::NO;

/// The words of a sentence written with spaces between them.
fn split_words(text: &'static str) -> Vec<&'static str> {
    text.split(' ').collect()
}

/// An invented sentence: words, tags, heads (the head's index, `n` for the root), labels.
type Toy = (Vec<&'static str>, Vec<u8>, Vec<u16>, Vec<u8>);

/// Invented sentences with their trees.
fn toy() -> Vec<Toy> {
    // Tags by index (ADJ 0, ADP 1, DET 5, NOUN 7, PROPN 11, PUNCT 12, VERB 15).
    let l = |name: &str| Deprel::from_name(name).map_or(0, |d| d.0);
    vec![
        (
            split_words("Ministers met in Zorvath ."),
            vec![7, 15, 1, 11, 12],
            vec![1, 5, 3, 1, 1],
            vec![l("nsubj"), l("root"), l("case"), l("obl"), l("punct")],
        ),
        (
            split_words("The envoy of Quellia left early ."),
            vec![5, 7, 1, 11, 15, 0, 12],
            vec![1, 4, 3, 1, 7, 4, 4],
            vec![
                l("det"),
                l("nsubj"),
                l("case"),
                l("nmod"),
                l("root"),
                l("advmod"),
                l("punct"),
            ],
        ),
        (
            split_words("Troops crossed the old border ."),
            vec![7, 15, 5, 0, 7, 12],
            vec![1, 6, 4, 4, 1, 1],
            vec![
                l("nsubj"),
                l("root"),
                l("det"),
                l("amod"),
                l("obj"),
                l("punct"),
            ],
        ),
    ]
}

fn infos(words: &[&str]) -> Vec<WordInfo> {
    let classes = WordClasses::embedded();
    let mut scratch = String::new();
    words
        .iter()
        .map(|w| WordInfo::new(w, &classes, &mut scratch))
        .collect()
}

#[test]
fn a_beam_of_one_parses_as_the_greedy_parser() {
    let parser = Parser::embedded();
    let sentences = [
        "Officials gave him the report in Lisbon .",
        "The talks , which ended late , failed .",
        "Rebels said they had seized the town and two bases",
        "Yes .",
        "He was accused by the court of fraud on Monday .",
    ];
    for text in sentences {
        let words = split_words(text);
        let info = infos(&words);
        let mut tags = Vec::new();
        parser.tag_into(&info, &mut tags);
        let (mut greedy, mut beam) = (State::default(), State::default());
        let (mut gw, mut bw) = (ChunkWork::default(), ChunkWork::default());
        parser.parse_chunk(&info, &tags, &mut greedy, &mut gw);
        parser.beam_decode(&info, &tags, &mut beam, &mut bw, 1);
        for i in 0..words.len() {
            let x = u16::try_from(i).unwrap_or(NO);
            assert_eq!(greedy.head(i), beam.head(i), "{words:?} word {i}");
            assert_eq!(greedy.label(x), beam.label(x), "{words:?} word {i}");
        }
        assert_eq!(gw.margins, bw.margins, "{words:?}");
    }
}

/// Trains on the toy sentences with the beam, then parses them with a beam of `width`.
fn trained_on_toy(width: usize, update: Update) -> Parser {
    let data = toy();
    let mut moves = Perceptron::new(4);
    let mut labels = Perceptron::new(Deprel::COUNT);
    let mut trainer = BeamTrainer::default();
    for _ in 0..20 {
        for (words, tags, heads, gold) in &data {
            let info = infos(words);
            let s = Sentence {
                info: &info,
                tags,
                heads,
                labels: gold,
            };
            trainer.train_sentence(&s, &mut moves, &mut labels, width, update);
            moves.tick();
            labels.tick();
        }
    }
    Parser {
        moves: moves.table(1),
        labels: labels.table(1),
        beam: width,
        ..Parser::default()
    }
}

#[test]
fn a_model_trained_globally_rebuilds_the_gold_trees() {
    for update in [Update::Early, Update::MaxViolation] {
        let parser = trained_on_toy(4, update);
        for (words, tags, heads, labels) in toy() {
            let info = infos(&words);
            let mut state = State::default();
            let mut work = ChunkWork::default();
            parser.parse_chunk(&info, &tags, &mut state, &mut work);
            for (i, (&h, &l)) in heads.iter().zip(&labels).enumerate() {
                assert_eq!(state.head(i), h, "{update:?} {words:?} word {i}");
                let x = u16::try_from(i).unwrap_or(NO);
                assert_eq!(state.label(x), l, "{update:?} {words:?} word {i}");
            }
        }
    }
}

/// The score of a move sequence under `moves`: each scored step's features and move.
fn sequence_score(moves: &Perceptron, steps: &[(Option<&[u64; PARSE_FEATURES]>, u8)]) -> i64 {
    steps
        .iter()
        .filter_map(|(f, t)| f.map(|f| (f, t)))
        .map(|(f, &t)| {
            f.iter()
                .map(|&k| i64::from(moves.weights(k)[usize::from(t)]))
                .sum::<i64>()
        })
        .sum()
}

#[test]
fn an_update_touches_only_the_two_sequences_and_favours_the_gold_one() {
    let data = toy();
    let (words, tags, heads, gold) = &data[1];
    let info = infos(words);
    let s = Sentence {
        info: &info,
        tags,
        heads,
        labels: gold,
    };
    for update in [Update::Early, Update::MaxViolation] {
        let mut moves = Perceptron::new(4);
        let mut labels = Perceptron::new(Deprel::COUNT);
        let mut trainer = BeamTrainer::default();
        trainer.train_sentence(&s, &mut moves, &mut labels, 2, update);
        let (len, node) = trainer
            .last_update
            .expect("untrained weights lose the gold sequence");
        let nodes = &trainer.nodes;
        let mut path = Vec::new();
        let mut at = node;
        while at != START {
            path.push(nodes[at as usize]);
            at = nodes[at as usize].parent;
        }
        path.reverse();
        assert_eq!(path.len(), len);
        let feats = |i: u32| (i != FORCED).then(|| &trainer.feats[i as usize]);
        let gold_steps: Vec<_> = (0..len)
            .map(|i| (feats(trainer.gold_feats[i]), trainer.gold_moves[i]))
            .collect();
        let pred_steps: Vec<_> = path.iter().map(|n| (feats(n.feats), n.t)).collect();
        let mut allowed = HashSet::new();
        for (f, _) in gold_steps.iter().chain(&pred_steps) {
            if let Some(f) = f {
                allowed.extend(f.iter().copied());
            }
        }
        let every: HashSet<u64> = trainer.feats.iter().flatten().copied().collect();
        assert!(every.len() > allowed.len(), "other parses were scored too");
        let touched = moves.keys();
        assert!(!touched.is_empty());
        for k in touched {
            assert!(
                allowed.contains(&k),
                "{update:?}: key {k:x} of neither sequence"
            );
        }
        assert!(
            sequence_score(&moves, &gold_steps) > sequence_score(&moves, &pred_steps),
            "{update:?}"
        );
    }
}

#[test]
fn a_restarted_average_leaves_out_the_steps_before() {
    let k = 7 << 40 | 7;
    let mut p = Perceptron::new(2);
    p.add(&[k], 0, 4);
    for _ in 0..9 {
        p.tick();
    }
    let mut q = Perceptron::new(2);
    q.add(&[k], 0, 4);
    for _ in 0..9 {
        q.tick();
    }
    q.restart_average();
    for x in [&mut p, &mut q] {
        x.add(&[k], 0, 4);
        x.tick();
    }
    // Then the weight goes to 8 for one step: averaged over every step it stays near the
    // earlier 4 (the first step counts as 0), restarted it is the mean of 4 and 8.
    assert!((p.averaged(k)[0] - 4.0).abs() < 1e-9, "{:?}", p.averaged(k));
    assert!((q.averaged(k)[0] - 6.0).abs() < 1e-9, "{:?}", q.averaged(k));
}
