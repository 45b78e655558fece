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

/// An article's sentences are read on all cores; the graph is the same whatever their number.
#[test]
fn the_graph_does_not_depend_on_the_thread_count_issue_13() {
    let paths = [
        root().join("assets/examples/welcome.md"),
        root().join("tests/fixtures/messy.txt"),
        root().join("tests/fixtures/summit.html"),
        root().join("tests/fixtures/two-routes.txt"),
    ];
    let with_threads = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        pool.install(|| export::to_json(&graph_of(&paths)).expect("export"))
    };
    let one = with_threads(1);
    assert_eq!(one, with_threads(2), "2 threads");
    assert_eq!(one, with_threads(5), "5 threads");
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

/// The committed bad-input corpus (`tests/fixtures/bad`: binary, truncated, bad entities, wrong
/// encodings, broken layout and project files) and inputs too big to commit, made here (over the
/// size limit, nested past any parser's depth, broken lexicon and model files): each is read the
/// way the app reads it, nothing panics, and every refusal is a message naming the file. What
/// reads anyway keeps its guarantees through the whole pipeline.
#[test]
fn bad_inputs_get_a_message_naming_the_file_issue_13() {
    use newsgraph::files::{atomic, layout_file, project};
    use newsgraph::ingest::read_file;

    let lex = Lexicon::embedded();
    let named = |message: String, path: &Path| {
        assert!(
            message.contains(&path.display().to_string()),
            "the message does not name the file: {message}"
        );
        assert!(
            message.len() > path.display().to_string().len() + 10,
            "{message}"
        );
    };
    let read_article = |path: &Path| -> bool {
        match read_file(path) {
            Ok(article) => {
                let x = newsgraph::extract::extract(&article, &lex);
                newsgraph::extract::check_extraction(&article.text, &x)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                true
            }
            Err(e) => {
                named(e.to_string(), path);
                false
            }
        }
    };
    let read_project = |path: &Path| -> Result<(), String> {
        let bytes =
            atomic::read_bounded(path, project::MAX_PROJECT_BYTES).map_err(|e| e.to_string())?;
        project::parse(&bytes, path)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };

    let folder = root().join("tests/fixtures/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the corpus is there")
        .map(|e| e.expect("listable").path())
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{} files", files.len());
    let mut refused = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let ok = if name.starts_with("layout-") {
            layout_file::read(path)
                .map_err(|e| named(e.to_string(), path))
                .is_ok()
        } else if name.starts_with("project-") {
            read_project(path).map_err(|e| named(e, path)).is_ok()
        } else {
            read_article(path)
        };
        if !ok {
            refused.push(name.to_owned());
        }
    }
    // Every broken layout and project is refused; of the articles, those with no text.
    let expected_articles = [
        "binary-png.txt",
        "binary-zeros.md",
        // Mostly control characters: taken for binary.
        "control-characters.txt",
        "empty.txt",
        "tags-only.html",
        "whitespace-only.md",
    ];
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let should_refuse = name.starts_with("layout-")
            || name.starts_with("project-")
            || expected_articles.contains(&name);
        assert_eq!(
            refused.iter().any(|r| r == name),
            should_refuse,
            "{name}: refused {refused:?}"
        );
    }

    // Too big to commit, made here.
    let dir = tempfile::tempdir().expect("temp folder");
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, "China met Japan. ".repeat(8 * 1024 * 1024 / 17 + 1)).expect("written");
    assert!(!read_article(&huge), "over the 8 MiB limit");
    let deep = dir.path().join("deep.html");
    std::fs::write(
        &deep,
        format!("{}China met Japan.", "<div>".repeat(300_000)),
    )
    .expect("written");
    assert!(read_article(&deep), "deep nesting still reads");
    let deep_layout = dir.path().join("deep.json");
    std::fs::write(&deep_layout, "[".repeat(100_000)).expect("written");
    named(
        layout_file::read(&deep_layout)
            .expect_err("refused")
            .to_string(),
        &deep_layout,
    );
    let deep_project = dir.path().join("deep.newsgraph");
    std::fs::write(&deep_project, "{\"a\":".repeat(100_000)).expect("written");
    named(
        read_project(&deep_project).expect_err("refused"),
        &deep_project,
    );

    // Broken lexicon and model files in an override folder: the message names the file.
    for (file, bytes) in [
        ("countries.json", &b"[{\"name\": \"Nowhere\""[..]),
        ("events.json", b"{\"not\": \"a list\"}"),
        ("corrections.json", b"{\"format\": 1}"),
        ("ner.bin", b"NGNER\0\0\x01\x05\0\0\0"),
        ("parse.bin", b"\x89PNG\r\n\x1a\n"),
    ] {
        let folder = tempfile::tempdir().expect("temp folder");
        std::fs::write(folder.path().join(file), bytes).expect("written");
        let message = Lexicon::with_overrides(folder.path())
            .err()
            .unwrap_or_else(|| panic!("a broken {file} is refused"))
            .to_string();
        assert!(message.contains(file), "{message}");
    }
}

/// The reliability report's long runs of text with no full stop, its Markdown table and its
/// combining marks (`../shared/reliability`): read, extracted and exported, every sentence
/// within the length cap, and the export linear in the text: the whole file's JSON at most
/// three times its first half's (a 77 KB run once wrote a 383 MB JSON, each mention copying
/// the whole run, so twice the text gave four times the bytes).
#[test]
fn reliability_reproducers_extract_with_bounded_output_issue_13() {
    let shared = std::env::var("NEWSGRAPH_SHARED").unwrap_or_else(|_| "../shared".to_owned());
    let folder = root().join(shared).join("reliability");
    let lex = Lexicon::embedded();
    let exported = |name: &str, text: &str, format| -> usize {
        let article = newsgraph::ingest::parse(name, text.as_bytes(), format)
            .unwrap_or_else(|e| panic!("the reproducer reads: {e}"));
        let x = newsgraph::extract::extract(&article, &lex);
        newsgraph::extract::check_extraction(&article.text, &x)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let longest = x
            .sentences
            .iter()
            .map(|s| newsgraph::extract::tokenize::tokenize(&article.text[s.clone()]).len())
            .max()
            .unwrap_or(0);
        assert!(
            longest <= newsgraph::extract::doc::MAX_SENTENCE_TOKENS,
            "{name}: a sentence of {longest} tokens"
        );
        let mut graph = NewsGraph::new();
        graph.add_article(&article, &x);
        serde_json::to_vec(&export::export(&graph))
            .expect("serializes")
            .len()
    };
    for name in [
        "long-sentence-capitalised-77KB.txt",
        "long-sentence-names-38KB.txt",
        "md-table-2000-rows-48KB.md",
        "zalgo-52KB.txt",
    ] {
        let path = folder.join(name);
        let text = std::fs::read_to_string(&path).expect("the reproducer is UTF-8 text");
        let format = newsgraph::ingest::Format::from_path(&path).expect("a known format");
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half -= 1;
        }
        let whole = exported(name, &text, format);
        let first_half = exported(name, &text[..half], format);
        assert!(
            whole <= 3 * first_half,
            "{name}: {whole} bytes of JSON, {first_half} for its first half"
        );
    }
}
