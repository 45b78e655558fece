//! The whole headless pipeline on articles the project wrote, scored against their hand-made
//! references (`*.expected.json`): the bundled example, a deliberately messy scraped text and
//! an HTML page. The floors are what the extractor reaches today; a change that loses any of
//! it fails here.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use newsgraph::eval::{Gold, Score, score};
use newsgraph::extract::Lexicon;
use newsgraph::files::export;
use newsgraph::graph::{NewsGraph, NodeKey, NodeKind};
use newsgraph::pipeline;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn graph_of(paths: &[PathBuf]) -> NewsGraph {
    let lex = Lexicon::embedded();
    let results = pipeline::run(paths, &lex, &AtomicBool::new(false), &|_, _| {});
    let mut graph = NewsGraph::new();
    let errors = pipeline::merge(&mut graph, results);
    assert!(errors.is_empty(), "every fixture reads: {errors:?}");
    graph
}

fn scored(article: &str, reference: &str) -> (NewsGraph, Score) {
    let graph = graph_of(&[root().join(article)]);
    let text = std::fs::read_to_string(root().join(reference)).expect("reference is readable");
    let gold: Gold = serde_json::from_str(&text).expect("reference is valid");
    let s = score(&graph, &gold);
    println!("{article}\n{}", s.report());
    (graph, s)
}

/// What an article must keep: at least this many reference actors, events and issues found,
/// at most this many of its `not_actors` taken for actors.
#[derive(Clone, Copy)]
struct Floors {
    actors: usize,
    false_actors: usize,
    events: usize,
    issues: usize,
}

fn assert_floors(s: &Score, floors: Floors) {
    assert!(
        s.actors_found >= floors.actors,
        "actors: {} (missing {:?})",
        s.actors_found,
        s.missing_actors
    );
    assert!(
        s.false_actors.len() <= floors.false_actors,
        "not actors: {:?}",
        s.false_actors
    );
    assert!(
        s.events_found >= floors.events,
        "events: {}",
        s.events_found
    );
    assert!(
        s.issues_found >= floors.issues,
        "issues: {}",
        s.issues_found
    );
}

fn node<'g>(graph: &'g NewsGraph, key: &str) -> &'g newsgraph::graph::Node {
    graph
        .node(&NodeKey::from(key))
        .unwrap_or_else(|| panic!("{key} is in the graph"))
}

#[test]
fn the_bundled_example_yields_its_actors_events_and_issues() {
    let (graph, s) = scored(
        "assets/examples/welcome.md",
        "assets/examples/welcome.expected.json",
    );
    assert!(
        s.missing_actors.is_empty(),
        "missing actors: {:?}",
        s.missing_actors
    );
    assert!(
        s.false_actors.is_empty(),
        "not actors: {:?}",
        s.false_actors
    );
    // Issue 10 (open): since events are read off the dependency parse, this example keeps 3
    // of its 9 reference events with their participants (the word-order reading, fitted to
    // it, kept all 9; on hand-coded news the parse-based reading does better, see
    // docs/events.md). The floor guards what is kept until the parser improves.
    assert!(
        s.events_found >= 3,
        "events with their participants: {} of {}",
        s.events_found,
        s.events_total
    );
    assert!(
        s.events_with_category >= 2,
        "events with an accepted category: {}",
        s.events_with_category
    );
    assert!(
        s.issues_found >= 5,
        "issues: {} (missing {:?})",
        s.issues_found,
        s.missing_issues
    );

    let sakai = node(&graph, "person:haruto-sakai");
    assert_eq!(sakai.kind, NodeKind::Person);
    assert_eq!(sakai.role.as_deref(), Some("Defense Minister"));
    assert_eq!(sakai.affiliation, Some(NodeKey::from("country:JPN")));
    // "Maria Reyes, the Philippine foreign secretary": a role given after the name.
    let reyes = node(&graph, "person:maria-reyes");
    assert_eq!(reyes.role.as_deref(), Some("Foreign Secretary"));
    assert_eq!(reyes.affiliation, Some(NodeKey::from("country:PHL")));
    // "Chinese foreign ministry spokesperson Lin Wenhao": the office comes from the ministry.
    let lin = node(&graph, "person:lin-wenhao");
    assert_eq!(lin.affiliation, Some(NodeKey::from("country:CHN")));
    assert_eq!(node(&graph, "country:CHN").kind, NodeKind::Country);
    assert_eq!(
        node(&graph, "org:philippine-coast-guard").kind,
        NodeKind::Organization
    );
    assert_eq!(node(&graph, "issue:south-china-sea").kind, NodeKind::Issue);
    // "in Manila" and "at Malacañang Palace" are places, not actors.
    let places: Vec<&str> = graph
        .nodes_sorted()
        .into_iter()
        .filter_map(|n| n.event.as_ref().and_then(|e| e.place.as_deref()))
        .collect();
    assert!(
        places.contains(&"Manila"),
        "events keep the city as their place: {places:?}"
    );
    assert!(
        graph.node(&NodeKey::from("org:malacanang")).is_none(),
        "a palace named as a place is not an actor"
    );
}

#[test]
fn a_messy_scraped_article_still_reads() {
    let (graph, s) = scored(
        "tests/fixtures/messy.txt",
        "tests/fixtures/messy.expected.json",
    );
    // Known miss: the tagger takes the plan's code name "Eastern Shield" for an organization.
    // Events take only the parties their clause gives them, so the reference's wider groupings
    // (Warsaw named as a place; Belarus in a participle phrase; Haines only as the delegation's
    // leader) are not all linked to one node.
    assert_floors(
        &s,
        Floors {
            actors: 19,
            false_actors: 1,
            // 4 with the word-order reading; 3 read off the parse (issue 10, docs/events.md).
            events: 3,
            issues: 2,
        },
    );
    // "her German counterpart,Markus Brenner" (no space after the comma).
    let brenner = node(&graph, "person:markus-brenner");
    assert_eq!(brenner.affiliation, Some(NodeKey::from("country:DEU")));
    assert_eq!(brenner.role.as_deref(), Some("Defense Minister"));
    // The dateline "BRUSSELS –" and "the Brussels talks" name a place.
    assert!(
        graph.node(&NodeKey::from("country:BEL")).is_none(),
        "Brussels as a place is not Belgium acting"
    );
}

#[test]
fn an_html_page_reads_without_its_furniture() {
    let (_, s) = scored(
        "tests/fixtures/summit.html",
        "tests/fixtures/summit.expected.json",
    );
    // Known miss: the tagger takes the border town in "the Adre crossing" for an
    // organization. The summit's backing of a push to end the war in Sudan is linked to no
    // node: the one that used to link it was a wrong event ("Suspension" from "halt the war").
    assert_floors(
        &s,
        Floors {
            actors: 12,
            false_actors: 1,
            events: 4,
            issues: 3,
        },
    );
}

#[test]
fn articles_merge_into_one_graph_by_key() {
    let example = root().join("assets/examples/welcome.md");
    let messy = root().join("tests/fixtures/messy.txt");
    let one = graph_of(std::slice::from_ref(&example));
    let both = graph_of(&[example, messy]);
    assert_eq!(both.articles().len(), 2);
    // "US" in the example and "U.S."/"Washington" in the messy text: one node, two articles.
    let usa = node(&both, "country:USA");
    let articles: std::collections::BTreeSet<_> = usa.evidence.iter().map(|e| e.article).collect();
    assert_eq!(articles.len(), 2, "evidence from both articles");
    assert!(usa.mentions > node(&one, "country:USA").mentions);
    assert!(both.node_count() > one.node_count());
}

#[test]
fn the_same_articles_give_the_same_bytes() {
    let paths = [
        root().join("assets/examples/welcome.md"),
        root().join("tests/fixtures/messy.txt"),
        root().join("tests/fixtures/summit.html"),
    ];
    let a = export::to_json(&graph_of(&paths)).expect("export");
    let b = export::to_json(&graph_of(&paths)).expect("export");
    assert_eq!(a, b);
}

#[test]
fn every_piece_of_evidence_points_into_its_article() {
    let graph = graph_of(&[root().join("tests/fixtures/messy.txt")]);
    for n in graph.nodes_sorted() {
        assert!(!n.evidence.is_empty(), "{} has evidence", n.key);
        for ev in &n.evidence {
            let text = &graph.article(ev.article).expect("article").text;
            let sentence = text.get(ev.sentence.clone()).expect("sentence in bounds");
            assert!(
                ev.mention.start >= ev.sentence.start && ev.mention.end <= ev.sentence.end,
                "{}",
                n.key
            );
            assert!(!sentence.trim().is_empty());
        }
    }
}
