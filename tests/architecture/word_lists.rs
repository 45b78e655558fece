//! Rules are data: no word list in extraction code. A word list is a run of three or more
//! string literals holding words (`"the" | "a" | "an"`, `["seat", "ward", "constituency"]`) with
//! nothing but commas, bars and white space between them. Such a run may name only the
//! grammar's own labels (UD relations and parts of speech, the tagger's labels, actor kinds,
//! gazetteer categories) or the names of the word lists in `assets/`; any other word belongs in
//! a named word set there. Tests, stage tests and `#[cfg(test)]` modules may hold examples.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many words in one run make a list.
const MIN_LIST: usize = 3;

/// Universal Dependencies relations (with the subtypes the parser uses) and parts of speech.
const UD_LABELS: &[&str] = &[
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "clf",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "dep",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "flat:foreign",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "neg",
    "nmod",
    "nmod:desc",
    "nmod:npmod",
    "nmod:poss",
    "nmod:tmod",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:npmod",
    "obl:tmod",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
    "ADJ",
    "ADP",
    "ADV",
    "AUX",
    "CCONJ",
    "DET",
    "INTJ",
    "NOUN",
    "NUM",
    "PART",
    "PRON",
    "PROPN",
    "PUNCT",
    "SCONJ",
    "SYM",
    "VERB",
    "X",
];

/// The tagger's labels and the gazetteer's categories (each also with B- and I-), the kinds
/// of actor, and `none` (a sense rule's source kind when no one named acts).
const OTHER_LABELS: &[&str] = &[
    "O",
    "PER",
    "ORG",
    "LOC",
    "MISC",
    "continent",
    "state",
    "city1m",
    "city100k",
    "city15k",
    "person",
    "party",
    "military",
    "civil_body",
    "none",
    "armed_group",
    "government",
    "international",
    "agency",
    "legislature",
    "court",
];

/// The string literals of Rust source `text` outside comments, each with its line, and
/// whether only commas, bars and white space separate it from the one before.
fn literals(text: &str) -> Vec<(String, usize, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut joined) = (0, 1, false);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
        }
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
            joined = false;
            continue;
        }
        if c == '\'' {
            // A character literal ('"', '\'', 'x'), or a lifetime ('a), which ends at no quote.
            let close = if next == Some('\\') {
                let escaped = i + 3;
                chars
                    .get(escaped..)
                    .and_then(|rest| rest.iter().position(|&d| d == '\''))
                    .map(|p| escaped + p)
            } else {
                (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            joined = false;
            i = close.map_or(i + 1, |e| e + 1);
            continue;
        }
        if c == '"' {
            let start_line = line;
            let mut s = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                line += usize::from(chars.get(i) == Some(&'\n'));
                s.extend(chars.get(i));
                i += 1;
            }
            out.push((s, start_line, joined));
            joined = true;
            i += 1;
            continue;
        }
        if !(c.is_whitespace() || c == ',' || c == '|') {
            joined = false;
        }
        i += 1;
    }
    out
}

/// Whether a literal is a word (letters, perhaps with apostrophes, hyphens, dots, spaces or an
/// ampersand), as opposed to punctuation, a number or a format string.
fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || " '’-.&".contains(c))
}

/// The word lists in `text`, as `line N: "a" "b" "c"`, ignoring words in `allowed`.
fn word_lists(text: &str, allowed: &HashSet<String>) -> Vec<String> {
    let text = text.split("#[cfg(test)]\nmod ").next().unwrap_or(text);
    let mut runs: Vec<Vec<(String, usize)>> = Vec::new();
    for (s, line, joined) in literals(text) {
        match runs.last_mut() {
            Some(run) if joined => run.push((s, line)),
            _ => runs.push(vec![(s, line)]),
        }
    }
    runs.into_iter()
        .filter_map(|run| {
            let words: Vec<&(String, usize)> = run.iter().filter(|(s, _)| is_word(s)).collect();
            let foreign = words.iter().any(|(s, _)| !allowed.contains(s));
            (words.len() >= MIN_LIST && foreign).then(|| {
                let shown: Vec<String> = words.iter().map(|(s, _)| format!("{s:?}")).collect();
                format!("line {}: {}", run[0].1, shown.join(" "))
            })
        })
        .collect()
}

/// The grammar's labels and the names of the word lists the assets define.
fn allowed_words(root: &Path) -> HashSet<String> {
    let mut allowed: HashSet<String> = UD_LABELS.iter().map(|s| (*s).to_string()).collect();
    for label in OTHER_LABELS {
        allowed.extend([
            (*label).to_string(),
            format!("B-{label}"),
            format!("I-{label}"),
        ]);
    }
    let json = |path: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(root.join(path)).expect("asset readable");
        serde_json::from_str(&text).expect("asset is JSON")
    };
    for path in ["assets/rules/word_sets.json", "assets/tokenize/words.json"] {
        let sets = json(path)["sets"].as_array().cloned().unwrap_or_default();
        allowed.extend(
            sets.iter()
                .filter_map(|s| s["name"].as_str().map(String::from)),
        );
    }
    let lists = json("assets/lexicon/arguments.json")["word_lists"].clone();
    allowed.extend(
        lists
            .as_object()
            .into_iter()
            .flat_map(|o| o.keys().cloned()),
    );
    allowed
}

fn extraction_code(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() && name != "stage_tests" {
            extraction_code(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !name.starts_with("tests") {
            out.push(path);
        }
    }
}

#[test]
fn no_word_list_in_extraction_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let allowed = allowed_words(root);
    let mut files = Vec::new();
    extraction_code(&root.join("src/extract"), &mut files);
    files.sort();
    assert!(files.len() > 20, "the extraction code is found: {files:?}");
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).expect("source is UTF-8");
            word_lists(&text, &allowed)
                .into_iter()
                .map(move |l| format!("{}: {l}", f.display()))
        })
        .collect();
    assert!(
        found.is_empty(),
        "word lists in src/extract (move them into a named word set in assets/):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_word_list_check_catches_lists_and_passes_labels() {
    let allowed: HashSet<String> = ["nsubj", "obj", "iobj", "anaphors"]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let code = r#"
fn f(w: &str, c: char) -> bool {
    // "the" | "a" | "an" in a comment is no list.
    let quote = c == '"' || c == '\'';
    let x: &'static str = "x";
    matches!(w, "nsubj" | "obj" | "iobj")
        || ["by", "to"].contains(&w)
        || matches!(w, "-" | "–" | "—")
        || matches!(w, "the" | "a"
            | "an")
}
"#;
    let found = word_lists(code, &allowed);
    assert_eq!(
        found,
        vec![r#"line 9: "the" "a" "an""#.to_string()],
        "{found:?}"
    );
    let tested = format!(
        "{code}\n#[cfg(test)]\nmod tests {{ const L: [&str; 3] = [\"x\", \"y\", \"z\"]; }}"
    );
    assert_eq!(
        word_lists(&tested, &allowed).len(),
        1,
        "test modules may hold examples"
    );
    let separated = r#"let a = ["one", "two"]; let b = "three";"#;
    assert!(
        word_lists(separated, &allowed).is_empty(),
        "two runs, neither a list"
    );
}
