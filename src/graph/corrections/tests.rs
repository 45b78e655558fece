//! Each correction on a graph extracted from real sentences.

use super::*;
use crate::extract::{Lexicon, extract};
use crate::ingest::{Format, parse};

const TALKS: &str = "Talks in Washington\n\n\
    Pakistani President Pervez Musharraf met US President George W. Bush in Washington on \
    Monday. Gen Musharraf said the talks had gone well. China condemned Japan over the \
    drills. Tony Blair praised Gordon Brown on Tuesday.\n";

fn graph_of(texts: &[&str]) -> NewsGraph {
    let lex = Lexicon::embedded();
    let mut graph = NewsGraph::new();
    for (i, text) in texts.iter().enumerate() {
        let article = parse(&format!("a{i}.txt"), text.as_bytes(), Format::Text).expect("parses");
        graph.add_article(&article, &extract(&article, &lex));
    }
    graph
}

fn key_named(graph: &NewsGraph, name: &str) -> NodeKey {
    graph
        .nodes_sorted()
        .into_iter()
        .find(|n| n.name == name)
        .map_or_else(
            || {
                let names: Vec<&str> = graph
                    .nodes_sorted()
                    .iter()
                    .map(|n| n.name.as_str())
                    .collect();
                panic!("no node named {name}: {names:?}")
            },
            |n| n.key.clone(),
        )
}

fn event_with(graph: &NewsGraph, category: Plover) -> NodeKey {
    graph
        .nodes_sorted()
        .into_iter()
        .find(|n| n.event.as_ref().is_some_and(|e| e.category == category))
        .map(|n| n.key.clone())
        .expect("an event of that category")
}

fn neighbours(graph: &NewsGraph, key: &NodeKey) -> BTreeSet<NodeKey> {
    let i = graph.index(key).expect("node");
    graph
        .neighbours(i)
        .into_iter()
        .map(|(_, o, _)| graph.graph()[o].key.clone())
        .collect()
}

#[test]
fn merging_combines_names_evidence_and_edges() {
    let mut g = graph_of(&[TALKS]);
    let general = key_named(&g, "Gen Musharraf");
    let pervez = key_named(&g, "Pervez Musharraf");
    let before = g.node(&pervez).unwrap().mentions + g.node(&general).unwrap().mentions;
    let linked: BTreeSet<NodeKey> = neighbours(&g, &general)
        .union(&neighbours(&g, &pervez))
        .filter(|k| **k != general && **k != pervez)
        .cloned()
        .collect();
    g.correct(&Correction::Merge {
        from: general.clone(),
        into: pervez.clone(),
    })
    .unwrap();
    assert!(g.node(&general).is_none());
    let node = g.node(&pervez).unwrap();
    assert!(node.aliases.contains("Gen Musharraf"), "{:?}", node.aliases);
    assert_eq!(node.mentions, before);
    assert_eq!(node.evidence.len(), before as usize);
    assert_eq!(neighbours(&g, &pervez), linked);
    assert!(g.is_consistent());
    // No event or role still names the node that went.
    for n in g.nodes_sorted() {
        assert!(
            !format!("{:?}", n.event).contains(&general.0),
            "{:?}",
            n.event
        );
        assert!(
            n.evidence
                .iter()
                .all(|e| e.roles.iter().all(|r| r.key != general))
        );
    }
}

#[test]
fn actors_do_not_merge_with_events_and_nothing_changes() {
    let mut g = graph_of(&[TALKS]);
    let china = key_named(&g, "China");
    let event = event_with(&g, Plover::Disapprove);
    let before = canonical(&g);
    let err = g
        .correct(&Correction::Merge {
            from: china,
            into: event,
        })
        .unwrap_err();
    assert!(matches!(err, CorrectionError::Invalid(_)), "{err}");
    assert_eq!(canonical(&g), before);
    assert!(matches!(
        g.correct(&Correction::Delete {
            key: NodeKey::from("person:nobody")
        }),
        Err(CorrectionError::NoNode(_))
    ));
}

#[test]
fn rename_keeps_the_old_name_as_an_alias_and_kind_changes_keep_the_key() {
    let mut g = graph_of(&[TALKS]);
    let brown = key_named(&g, "Gordon Brown");
    g.correct(&Correction::Rename {
        key: brown.clone(),
        name: "Chancellor Gordon Brown".into(),
    })
    .unwrap();
    g.correct(&Correction::SetKind {
        key: brown.clone(),
        kind: NodeKind::Organization,
    })
    .unwrap();
    let node = g.node(&brown).unwrap();
    assert_eq!(node.name, "Chancellor Gordon Brown");
    assert!(node.aliases.contains("Gordon Brown"));
    assert_eq!(node.kind, NodeKind::Organization);
    let event = event_with(&g, Plover::Disapprove);
    assert!(
        g.correct(&Correction::SetKind {
            key: event,
            kind: NodeKind::Person
        })
        .is_err()
    );
}

#[test]
fn deleting_removes_the_node_its_edges_and_every_reference() {
    let mut g = graph_of(&[TALKS]);
    let brown = key_named(&g, "Gordon Brown");
    let edges = g.edge_count();
    let degree = neighbours(&g, &brown).len();
    assert!(degree > 0);
    g.correct(&Correction::Delete { key: brown.clone() })
        .unwrap();
    assert!(g.node(&brown).is_none());
    assert!(g.edge_count() <= edges - degree);
    assert!(g.is_consistent());
    for n in g.nodes_sorted() {
        if let Some(info) = &n.event {
            assert!(info.source.as_ref() != Some(&brown) && !info.targets.contains(&brown));
        }
    }
}

#[test]
fn an_event_changes_category_and_its_actor_edges_follow() {
    let mut g = graph_of(&[TALKS]);
    let event = event_with(&g, Plover::Disapprove);
    let (china, japan) = (key_named(&g, "China"), key_named(&g, "Japan"));
    let acted = |g: &NewsGraph, p: Plover| {
        let (a, b) = (g.index(&china).unwrap(), g.index(&japan).unwrap());
        g.graph()
            .edges_connecting(a, b)
            .any(|e| e.weight().kind == EdgeKind::Acted(p))
    };
    assert!(acted(&g, Plover::Disapprove));
    g.correct(&Correction::SetCategory {
        key: event.clone(),
        category: Plover::Threaten,
    })
    .unwrap();
    assert!(!acted(&g, Plover::Disapprove));
    assert!(acted(&g, Plover::Threaten));
    assert_eq!(
        g.node(&event).unwrap().event.as_ref().unwrap().category,
        Plover::Threaten
    );
    // Swapping who acts turns the edge around.
    g.correct(&Correction::SetRoles {
        key: event.clone(),
        source: Some(japan.clone()),
        targets: vec![china.clone()],
    })
    .unwrap();
    assert!(!acted(&g, Plover::Threaten));
    let (a, b) = (g.index(&japan).unwrap(), g.index(&china).unwrap());
    assert!(
        g.graph()
            .edges_connecting(a, b)
            .any(|e| e.weight().kind == EdgeKind::Acted(Plover::Threaten))
    );
    assert!(g.is_consistent());
    assert!(
        g.correct(&Correction::SetRoles {
            key: event,
            source: Some(japan.clone()),
            targets: vec![japan],
        })
        .is_err(),
        "nobody acts on themselves"
    );
}

#[test]
fn an_alias_split_off_takes_the_mentions_that_read_it() {
    // "Maguire" alone names the Maguire Seven here, not Anne Maguire.
    let text = "Apology\n\nAnne Maguire welcomed the apology on Friday. Tony Blair met \
        Anne Maguire in London. Maguire said the family had waited thirty years.\n";
    let mut g = graph_of(&[text]);
    let anne = key_named(&g, "Anne Maguire");
    let node = g.node(&anne).unwrap().clone();
    assert!(node.aliases.contains("Maguire"), "{:?}", node.aliases);
    let new_key = split_key(&g, &anne, "Maguire");
    assert_eq!(new_key, NodeKey::from("person:maguire"));
    g.correct(&Correction::Split {
        key: anne.clone(),
        alias: "Maguire".into(),
        new_key: new_key.clone(),
    })
    .unwrap();
    let split = g.node(&new_key).expect("the new node");
    assert_eq!(split.name, "Maguire");
    assert!(split.mentions >= 1);
    let anne_now = g.node(&anne).unwrap();
    assert!(!anne_now.aliases.contains("Maguire"));
    assert_eq!(anne_now.mentions + split.mentions, node.mentions);
    assert!(g.is_consistent());
    assert!(
        g.correct(&Correction::Split {
            key: anne,
            alias: "Nobody".into(),
            new_key: NodeKey::from("person:nobody"),
        })
        .is_err()
    );
}

#[test]
fn a_log_replays_over_a_graph_with_more_articles() {
    let more = "Visit\n\nGen Musharraf visited Beijing on Friday. China praised Gen Musharraf.\n";
    let base = graph_of(&[TALKS]);
    let general = key_named(&base, "Gen Musharraf");
    let pervez = key_named(&base, "Pervez Musharraf");
    let brown = key_named(&base, "Gordon Brown");
    let log = vec![
        Correction::Merge {
            from: general.clone(),
            into: pervez.clone(),
        },
        Correction::Delete { key: brown.clone() },
    ];
    let (corrected, skipped) = replay(&graph_of(&[TALKS, more]), &log);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert!(corrected.node(&general).is_none());
    assert!(corrected.node(&brown).is_none());
    let node = corrected.node(&pervez).unwrap();
    let articles: BTreeSet<ArticleId> = node.evidence.iter().map(|e| e.article).collect();
    assert_eq!(
        articles.len(),
        2,
        "the new article's mentions joined Pervez Musharraf"
    );
    // A log that names a node the graph no longer has skips that step and goes on.
    let rename = Correction::Rename {
        key: general.clone(),
        name: "General Musharraf".into(),
    };
    let (only_more, skipped) = replay(
        &graph_of(&[more]),
        &[Correction::Delete { key: brown }, rename],
    );
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].index, 0);
    assert_eq!(only_more.node(&general).unwrap().name, "General Musharraf");
}

#[test]
fn corrections_are_json_with_an_op_tag() {
    let c = Correction::SetRoles {
        key: NodeKey::from("event:x"),
        source: Some(NodeKey::from("country:CHN")),
        targets: vec![NodeKey::from("country:JPN")],
    };
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(
        json,
        r#"{"op":"set_roles","key":"event:x","source":"country:CHN","targets":["country:JPN"]}"#
    );
    assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
}

#[test]
fn exported_corrections_apply_to_future_articles_through_the_lexicon_folder() {
    let base = graph_of(&[TALKS]);
    let general = key_named(&base, "Gen Musharraf");
    let pervez = key_named(&base, "Pervez Musharraf");
    let brown = key_named(&base, "Gordon Brown");
    let bush = key_named(&base, "George W. Bush");
    let log = vec![
        Correction::Merge {
            from: general.clone(),
            into: pervez.clone(),
        },
        Correction::Delete { key: brown.clone() },
        Correction::Rename {
            key: bush.clone(),
            name: "George W Bush".into(),
        },
        Correction::SetCategory {
            key: event_with(&base, Plover::Disapprove),
            category: Plover::Threaten,
        },
    ];
    let (corrected, skipped) = replay(&base, &log);
    assert!(skipped.is_empty());
    let (file, left_out) = lexicon_overrides(&base, &corrected, &log);
    assert_eq!(left_out, 1, "the event fix stays in the project");
    assert_eq!(file.aliases.len(), 2, "{:?}", file.aliases);
    assert_eq!(file.not_actors.len(), 1);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(crate::extract::overrides::FILE_NAME),
        serde_json::to_vec_pretty(&file).unwrap(),
    )
    .unwrap();
    let lex = Lexicon::with_overrides(dir.path()).unwrap();
    let later = "Visit\n\nGen Musharraf visited Beijing on Friday. Tony Blair praised Gordon Brown \
        and George W. Bush.\n";
    let article = parse("later.txt", later.as_bytes(), Format::Text).unwrap();
    let mut g = NewsGraph::new();
    g.add_article(&article, &extract(&article, &lex));
    assert!(g.node(&general).is_none());
    assert!(g.node(&brown).is_none());
    assert!(g.node(&pervez).is_some());
    assert_eq!(
        g.node(&bush).map(|n| n.name.as_str()),
        Some("George W Bush")
    );

    // A damaged file is refused with its name.
    std::fs::write(dir.path().join("corrections.json"), b"{\"format\": 1}").unwrap();
    let err = Lexicon::with_overrides(dir.path()).unwrap_err().to_string();
    assert!(err.contains("corrections.json"), "{err}");
}
