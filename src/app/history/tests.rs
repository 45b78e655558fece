//! Undo and redo over random sequences of corrections, and corrections surviving new articles.

use super::*;
use crate::extract::{Lexicon, Plover, extract};
use crate::graph::NodeKind;
use crate::graph::corrections::{canonical, split_key};
use crate::ingest::{Format, parse};

fn results(texts: &[(&str, &str)]) -> Vec<FileResult> {
    let lex = Lexicon::embedded();
    texts
        .iter()
        .map(|(name, text)| {
            let article = parse(name, text.as_bytes(), Format::Markdown).expect("parses");
            let extraction = extract(&article, &lex);
            Ok((article, extraction))
        })
        .collect()
}

fn articles() -> Vec<(&'static str, String)> {
    let summit = String::from_utf8_lossy(include_bytes!("../../../tests/fixtures/summit.html"));
    // The summit page as plain text is enough for extraction here.
    let summit_text = summit
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, t)| t))
        .collect::<String>();
    vec![
        (
            "welcome.md",
            String::from_utf8_lossy(crate::app::EXAMPLE).into_owned(),
        ),
        (
            "talks.md",
            "# Talks in Washington\n\nPakistani President Pervez Musharraf met US President \
             George W. Bush in Washington on Monday. Gen Musharraf said the talks had gone well. \
             China condemned Japan over the drills. Tony Blair praised Opus Dei. Anne Maguire \
             met Tony Blair. Maguire said the family had waited.\n"
                .to_owned(),
        ),
        ("summit.txt", summit_text),
    ]
}

/// A small deterministic generator (xorshift64*), so every run tries the same sequences.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let r = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        usize::try_from(r % (n.max(1) as u64)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// A random correction that makes sense for `graph` (most of the time: some are refused, as a
/// user's would be).
fn random_correction(graph: &NewsGraph, dice: &mut Dice) -> Option<Correction> {
    let nodes = graph.nodes_sorted();
    let actors: Vec<&crate::graph::Node> = nodes
        .iter()
        .copied()
        .filter(|n| n.kind.is_actor())
        .collect();
    let events: Vec<&crate::graph::Node> = nodes
        .iter()
        .copied()
        .filter(|n| n.kind == NodeKind::Event)
        .collect();
    let any = dice.pick(&nodes)?;
    Some(match dice.below(7) {
        0 => Correction::Rename {
            key: any.key.clone(),
            name: format!("Renamed {}", dice.below(1000)),
        },
        1 => Correction::SetKind {
            key: dice.pick(&actors)?.key.clone(),
            kind: *dice.pick(&[NodeKind::Person, NodeKind::Organization, NodeKind::Country])?,
        },
        2 => {
            let (a, b) = if dice.below(2) == 0 {
                (dice.pick(&actors)?, dice.pick(&actors)?)
            } else {
                (dice.pick(&events)?, dice.pick(&events)?)
            };
            Correction::Merge {
                from: a.key.clone(),
                into: b.key.clone(),
            }
        }
        3 => {
            let with: Vec<&&crate::graph::Node> =
                nodes.iter().filter(|n| !n.aliases.is_empty()).collect();
            let node = dice.pick(&with)?;
            let aliases: Vec<&String> = node.aliases.iter().collect();
            let alias = (*dice.pick(&aliases)?).clone();
            Correction::Split {
                key: node.key.clone(),
                new_key: split_key(graph, &node.key, &alias),
                alias,
            }
        }
        4 => Correction::Delete {
            key: any.key.clone(),
        },
        5 => Correction::SetCategory {
            key: dice.pick(&events)?.key.clone(),
            category: *dice.pick(&Plover::ALL)?,
        },
        _ => {
            let event = dice.pick(&events)?;
            let source = (dice.below(4) > 0)
                .then(|| dice.pick(&actors).map(|a| a.key.clone()))
                .flatten();
            let targets = (0..dice.below(3))
                .filter_map(|_| dice.pick(&actors).map(|a| a.key.clone()))
                .collect();
            Correction::SetRoles {
                key: event.key.clone(),
                source,
                targets,
            }
        }
    })
}

#[test]
fn undo_all_after_random_corrections_gives_back_the_original_graph() {
    let texts = articles();
    let inputs: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let mut base = NewsGraph::new();
    pipeline::merge(&mut base, results(&inputs));
    let original = canonical(&base);
    assert!(original.nodes.len() > 40, "{} nodes", original.nodes.len());
    let (mut applied_total, mut reverted_total) = (0, 0);
    for seed in 1..=24_u64 {
        let mut dice = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let (mut history, mut graph) = History::start(base.clone(), Vec::new());
        for _ in 0..40 {
            match dice.below(11) {
                0..=5 => {
                    if let Some(c) = random_correction(&graph, &mut dice) {
                        let before = canonical(&graph);
                        match history.correct(&mut graph, c.clone()) {
                            Ok(()) => applied_total += 1,
                            // A refused correction leaves the graph exactly as it was.
                            Err(e) => assert_eq!(canonical(&graph), before, "{c}: {e}"),
                        }
                    }
                }
                6 | 7 => {
                    history.undo(&mut graph);
                }
                8 => {
                    history.redo(&mut graph);
                }
                10 => {
                    // Revert any correction of the log, the oldest included (undoable).
                    let n = history.entries().len();
                    if n > 0 {
                        let index = dice.below(n);
                        let entry = history.entries()[index].clone();
                        assert_eq!(history.revert(&mut graph, index), Some(entry));
                        assert_eq!(history.entries().len(), n - 1);
                        reverted_total += 1;
                    }
                }
                _ => {
                    let key = graph.nodes_sorted()[0].key.clone();
                    let at = |x: f32| Placement {
                        pos: [x, -x],
                        pinned: x > 0.0,
                    };
                    history.record(Step::Move {
                        key,
                        from: at(0.0),
                        to: at(1.0),
                    });
                }
            }
            assert!(graph.is_consistent(), "seed {seed}");
            // The graph on screen is always the base with the log applied.
            let (replayed, _) = replay(history.base(), &history.log());
            assert_eq!(canonical(&graph), canonical(&replayed), "seed {seed}");
        }
        let peak = canonical(&graph);
        let mut undone = 0;
        while history.undo(&mut graph).is_some() {
            undone += 1;
        }
        assert_eq!(canonical(&graph), original, "seed {seed}: undo all");
        for _ in 0..undone {
            history.redo(&mut graph);
        }
        assert_eq!(canonical(&graph), peak, "seed {seed}: redo all");
    }
    assert!(
        applied_total > 200,
        "only {applied_total} corrections applied"
    );
    assert!(reverted_total > 20, "only {reverted_total} reverted");
}

#[test]
fn corrections_survive_adding_an_article() {
    let texts = articles();
    let first: Vec<(&str, &str)> = texts[..2].iter().map(|(n, t)| (*n, t.as_str())).collect();
    let (mut history, mut graph) = History::start(NewsGraph::new(), Vec::new());
    history.add_results(&mut graph, results(&first));
    let key = |g: &NewsGraph, name: &str| {
        g.nodes_sorted()
            .into_iter()
            .find(|n| n.name == name)
            .map_or_else(|| panic!("no {name}"), |n| n.key.clone())
    };
    let general = key(&graph, "Gen Musharraf");
    let pervez = key(&graph, "Pervez Musharraf");
    let opus = key(&graph, "Opus Dei");
    for c in [
        Correction::Merge {
            from: general.clone(),
            into: pervez.clone(),
        },
        Correction::Delete { key: opus.clone() },
        Correction::SetKind {
            key: pervez.clone(),
            kind: NodeKind::Organization,
        },
    ] {
        history.correct(&mut graph, c).unwrap();
    }
    let revision = graph.revision();
    let more = "# Visit\n\nGen Musharraf visited Beijing on Friday. Tony Blair praised Opus Dei \
        again.\n";
    history.add_results(&mut graph, results(&[("visit.md", more)]));
    assert!(graph.revision() > revision, "views see the rebuilt graph");
    assert_eq!(graph.articles().len(), 3);
    assert!(
        history.base().node(&general).is_some(),
        "the new article names him again"
    );
    assert!(graph.node(&general).is_none());
    assert!(graph.node(&opus).is_none());
    let node = graph.node(&pervez).unwrap();
    assert_eq!(node.kind, NodeKind::Organization);
    assert!(
        node.evidence.iter().any(|e| e.article.0 == 2),
        "the new mention joined"
    );
    assert!(history.skipped().is_empty());
    // And undo still steps back through them.
    history.undo(&mut graph);
    assert_eq!(graph.node(&pervez).unwrap().kind, NodeKind::Person);
}
