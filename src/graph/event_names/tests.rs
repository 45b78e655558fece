//! Event names following corrections to their actors, on real sentences.

use super::*;
use crate::graph::corrections::{Correction, replay};
use crate::graph::tests::graph_of;

const TALKS: &str = "Talks in Washington\n\n\
    Pakistani President Pervez Musharraf met US President George W. Bush in Washington on \
    Monday. Gen Musharraf said the talks had gone well. China condemned Japan over the \
    drills. Tony Blair praised Gordon Brown on Tuesday.\n";

/// Every event's name, in key order.
fn event_names(g: &NewsGraph) -> Vec<String> {
    g.nodes_sorted()
        .into_iter()
        .filter(|n| n.event.is_some())
        .map(|n| n.name.clone())
        .collect()
}

fn key(g: &NewsGraph, name: &str) -> NodeKey {
    g.nodes_sorted()
        .into_iter()
        .find(|n| n.name == name)
        .map_or_else(
            || panic!("no node named {name}: {:?}", event_names(g)),
            |n| n.key.clone(),
        )
}

/// The graph of `texts` with `log` replayed, every correction applying.
fn corrected(texts: &[&str], log: &[Correction]) -> NewsGraph {
    let (g, skipped) = replay(&graph_of(texts), log);
    assert!(skipped.is_empty(), "{skipped:?}");
    g
}

#[test]
fn extracted_names_are_read_as_worded_and_word_the_same() {
    let g = graph_of(&[TALKS]);
    assert_eq!(
        event_names(&g),
        [
            "Meeting: Pervez Musharraf → George W. Bush in Washington",
            "Condemnation: China → Japan",
            "Praise: Tony Blair → Gordon Brown",
        ]
    );
    for n in g.nodes_sorted() {
        if let Some(info) = &n.event {
            let title = info.title.as_ref().expect("worded as extraction words it");
            assert_eq!(title.word(info, |_| None), n.name);
        }
    }
}

#[test]
fn a_renamed_actor_is_named_in_its_events_and_the_log_without_it_gives_the_old_name() {
    let base = graph_of(&[TALKS]);
    let blair = key(&base, "Tony Blair");
    let log = [Correction::Rename {
        key: blair.clone(),
        name: "Prime Minister Blair".into(),
    }];
    let (g, skipped) = replay(&base, &log);
    assert!(skipped.is_empty());
    assert!(
        event_names(&g).contains(&"Praise: Prime Minister Blair → Gordon Brown".to_owned()),
        "{:?}",
        event_names(&g)
    );
    // Events that do not name him keep their names.
    assert!(event_names(&g).contains(&"Condemnation: China → Japan".to_owned()));
    // Undoing is replaying the log without it over the articles' graph.
    assert_eq!(event_names(&replay(&base, &[]).0), event_names(&base));
    assert!(event_names(&base).contains(&"Praise: Tony Blair → Gordon Brown".to_owned()));
    // The same log over more articles names him in the new article's events too.
    let more = "Visit\n\nTony Blair visited Beijing on Friday. China praised Tony Blair.\n";
    let names = event_names(&corrected(&[TALKS, more], &log));
    assert!(
        names
            .iter()
            .filter(|n| n.contains("Prime Minister Blair"))
            .count()
            >= 2,
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.contains("Tony Blair")), "{names:?}");
}

#[test]
fn merged_deleted_and_split_actors_are_named_as_they_are_now() {
    let base = graph_of(&[TALKS]);
    let (pervez, general) = (key(&base, "Pervez Musharraf"), key(&base, "Gen Musharraf"));
    let brown = key(&base, "Gordon Brown");
    let g = corrected(
        &[TALKS],
        &[
            Correction::Merge {
                from: pervez,
                into: general,
            },
            Correction::Delete { key: brown },
        ],
    );
    let names = event_names(&g);
    assert!(
        names.contains(&"Meeting: Gen Musharraf → George W. Bush in Washington".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"Praise: Tony Blair".to_owned()),
        "{names:?}"
    );
    // Who acts deleted: the one acted on stays the one acted on.
    let blair = key(&base, "Tony Blair");
    let names = event_names(&corrected(&[TALKS], &[Correction::Delete { key: blair }]));
    assert!(
        names.contains(&"Praise → Gordon Brown".to_owned()),
        "{names:?}"
    );

    // "Maguire" alone is someone else: her meeting with Blair follows the new node.
    let text = "Apology\n\nAnne Maguire welcomed the apology on Friday. Tony Blair met \
        Maguire in London.\n";
    let base = graph_of(&[text]);
    let anne = key(&base, "Anne Maguire");
    let before = event_names(&base);
    assert!(
        before.iter().any(|n| n.contains("Anne Maguire")),
        "{before:?}"
    );
    let g = corrected(
        &[text],
        &[Correction::Split {
            key: anne.clone(),
            alias: "Maguire".into(),
            new_key: crate::graph::corrections::split_key(&base, &anne, "Maguire"),
        }],
    );
    let names = event_names(&g);
    assert!(
        names
            .iter()
            .any(|n| n.contains("Maguire") && !n.contains("Anne")),
        "{names:?}"
    );
}

#[test]
fn swapped_and_edited_roles_are_named_and_a_name_the_user_gives_stays() {
    let base = graph_of(&[TALKS]);
    let event = key(&base, "Condemnation: China → Japan");
    let (china, japan) = (key(&base, "China"), key(&base, "Japan"));
    let swap = Correction::SetRoles {
        key: event.clone(),
        source: Some(japan.clone()),
        targets: vec![china.clone()],
    };
    let g = corrected(&[TALKS], std::slice::from_ref(&swap));
    assert_eq!(g.node(&event).unwrap().name, "Condemnation: Japan → China");
    // Nobody acting: the parties, as extraction found them.
    let g = corrected(
        &[TALKS],
        &[Correction::SetRoles {
            key: event.clone(),
            source: None,
            targets: Vec::new(),
        }],
    );
    assert_eq!(
        g.node(&event).unwrap().name,
        "Condemnation: China and Japan"
    );
    // Renamed by the user, the event keeps that name whatever its actors are called.
    let g = corrected(
        &[TALKS],
        &[
            Correction::Rename {
                key: event.clone(),
                name: "Tokyo drills protest".into(),
            },
            swap,
            Correction::Rename {
                key: japan,
                name: "Nippon".into(),
            },
        ],
    );
    assert_eq!(g.node(&event).unwrap().name, "Tokyo drills protest");
}

#[test]
fn a_name_worded_otherwise_stays_as_extracted() {
    let lex = crate::extract::Lexicon::embedded();
    let article =
        crate::ingest::parse("a.txt", TALKS.as_bytes(), crate::ingest::Format::Text).unwrap();
    let mut extraction = crate::extract::extract(&article, &lex);
    for e in &mut extraction.events {
        e.label = format!("{} (edited)", e.label.replace(": ", " — "));
    }
    let mut g = NewsGraph::new();
    g.add_article(&article, &extraction);
    let blair = key(&g, "Tony Blair");
    g.correct(&Correction::Rename {
        key: blair,
        name: "Prime Minister Blair".into(),
    })
    .unwrap();
    assert!(
        event_names(&g).contains(&"Praise — Tony Blair → Gordon Brown (edited)".to_owned()),
        "{:?}",
        event_names(&g)
    );
}

/// Extraction's labels and this module's wording agree on real news: a label worded another
/// way would leave its event's name behind when its actors are corrected.
#[test]
fn every_event_of_the_news_archive_is_read_as_worded() {
    let shared = std::env::var("NEWSGRAPH_SHARED").unwrap_or_else(|_| "../shared".to_owned());
    let Ok(entries) = std::fs::read_dir(std::path::Path::new(&shared).join("data/news")) else {
        eprintln!("the news archive is not in {shared}/data/news: skipped");
        return;
    };
    let mut paths: Vec<std::path::PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    // Every seventh article: 43 of the 300, quick in a debug build too.
    let paths: Vec<_> = paths.into_iter().step_by(7).collect();
    let lex = crate::extract::Lexicon::embedded();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut g = NewsGraph::new();
    for (article, extraction) in crate::pipeline::run(&paths, &lex, &cancel, &|_, _| {})
        .into_iter()
        .flatten()
    {
        g.add_article(&article, &extraction);
    }
    let events: Vec<&crate::graph::Node> = g
        .nodes_sorted()
        .into_iter()
        .filter(|n| n.event.is_some())
        .collect();
    assert!(events.len() > 50, "{} events", events.len());
    let unread: Vec<&str> = events
        .iter()
        .filter(|n| n.event.as_ref().is_some_and(|e| e.title.is_none()))
        .map(|n| n.name.as_str())
        .collect();
    assert!(unread.is_empty(), "{unread:?}");
}
