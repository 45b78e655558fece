//! The house rules, read off the sources. Only `ui/` and `app/` may name egui, eframe,
//! egui_graphs or rfd, so the pipeline runs headless; extraction files and functions stay
//! short; and extraction code holds no word list (`word_lists`).

use std::path::{Path, PathBuf};

#[path = "architecture/word_lists.rs"]
mod word_lists;

const GUI_CRATES: &[&str] = &["egui", "eframe", "egui_graphs", "rfd", "egui_kittest"];
const ALLOWED: &[&str] = &["ui", "app"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `line` names one of the GUI crates as a path root or in a `use`.
fn names_gui_crate(line: &str) -> Option<&'static str> {
    let code = line.split("//").next().unwrap_or("");
    GUI_CRATES.iter().copied().find(|krate| {
        let bytes = code.as_bytes();
        code.match_indices(krate).any(|(i, _)| {
            let before = i.checked_sub(1).map(|b| bytes[b]);
            let after = bytes.get(i + krate.len()).copied();
            let starts = before.is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_'));
            // egui::..., use egui;, egui_graphs::...; not egui_graphs when looking for egui.
            starts
                && matches!(after, Some(b':' | b';' | b' ' | b'{'))
                && !(krate == &"egui" && code[i..].starts_with("egui_"))
        })
    })
}

#[test]
fn gui_crates_stay_in_ui_and_app() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10, "the source tree was not found");
    let mut offenders = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("inside src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        if ALLOWED.contains(&top) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(krate) = names_gui_crate(line) {
                offenders.push(format!("{}:{}: names {krate}", rel.display(), n + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "GUI crates named outside ui/ and app/:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_checker_catches_a_violation() {
    assert_eq!(names_gui_crate("use egui::Color32;"), Some("egui"));
    assert_eq!(
        names_gui_crate("let x = egui_graphs::Graph::new();"),
        Some("egui_graphs")
    );
    assert_eq!(names_gui_crate("    rfd::FileDialog::new()"), Some("rfd"));
    assert_eq!(names_gui_crate("// egui:: in a comment"), None);
    assert_eq!(names_gui_crate("let regui = 1;"), None);
}

/// Longest Rust file the extraction pipeline may hold: past this, a file holds more than one
/// family of rules and nobody can read it whole.
const MAX_EXTRACT_FILE_LINES: usize = 1_000;

/// Files under `dir` longer than `limit` lines, as `path: N lines`.
fn long_files(dir: &Path, limit: usize) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(file)
                .expect("source is UTF-8")
                .lines()
                .count();
            (lines > limit).then(|| format!("{}: {lines} lines", file.display()))
        })
        .collect()
}

#[test]
fn no_extraction_file_over_a_thousand_lines() {
    let extract = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
    let long = long_files(&extract, MAX_EXTRACT_FILE_LINES);
    assert!(
        long.is_empty(),
        "files in src/extract over {MAX_EXTRACT_FILE_LINES} lines (split them by family):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_length_check_catches_a_long_file() {
    let dir = std::env::temp_dir().join(format!("newsgraph-arch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("short.rs"), "fn a() {}\n".repeat(10)).expect("write");
    std::fs::write(dir.join("long.rs"), "fn a() {}\n".repeat(11)).expect("write");
    let long = long_files(&dir, 10);
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(long.len(), 1, "{long:?}");
    assert!(long[0].ends_with("long.rs: 11 lines"), "{long:?}");
}

/// Longest function the extraction stages may hold: past this, a stage does several things and
/// reads as none of them.
const MAX_FUNCTION_LINES: usize = 150;

/// The whole extraction pipeline is held to [`MAX_FUNCTION_LINES`] (issue 14).
const SHORT_FUNCTION_DIR: &str = "src/extract";

/// Folders under [`SHORT_FUNCTION_DIR`] not held to it yet: none since
/// `ner::emit::sentence_emissions` was split into stages. A folder listed here must exist.
const LONG_FUNCTION_EXCEPTIONS: &[&str] = &[];

/// Functions in `text` longer than `limit` lines, as `name: N lines`. A function runs from its
/// `fn` line to the first line that closes it at the same indentation.
fn long_functions(text: &str, limit: usize) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = line.len() - code.len();
        let signature = code
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("const ");
        let Some(rest) = signature.strip_prefix("fn ") else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        let Some(end) = lines[i..].iter().position(|l| l.trim_end() == close) else {
            continue;
        };
        if end + 1 > limit {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            long.push(format!("{name}: {} lines", end + 1));
        }
    }
    long
}

/// Functions over `limit` lines in the Rust files under `dir`, except those under the
/// `except` folders, as `path: name: N lines`.
fn long_functions_under(dir: &Path, except: &[PathBuf], limit: usize) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    files.sort();
    let mut offenders = Vec::new();
    for file in files {
        if except.iter().any(|e| file.starts_with(e)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source is UTF-8");
        for f in long_functions(&text, limit) {
            offenders.push(format!("{}: {f}", file.display()));
        }
    }
    offenders
}

#[test]
fn no_extraction_stage_function_over_150_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let except: Vec<PathBuf> = LONG_FUNCTION_EXCEPTIONS
        .iter()
        .map(|e| root.join(e))
        .collect();
    for e in &except {
        assert!(e.is_dir(), "{} was not found", e.display());
    }
    let offenders =
        long_functions_under(&root.join(SHORT_FUNCTION_DIR), &except, MAX_FUNCTION_LINES);
    assert!(
        offenders.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (break them into named stages):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_function_check_skips_only_the_exceptions() {
    let dir = std::env::temp_dir().join(format!("newsgraph-arch-fn-{}", std::process::id()));
    let body = "    let x = 1;\n".repeat(5);
    let long = format!("fn long_one() {{\n{body}}}\n");
    for sub in ["held", "excepted"] {
        std::fs::create_dir_all(dir.join(sub)).expect("temp dir");
        std::fs::write(dir.join(sub).join("stage.rs"), &long).expect("write");
    }
    let offenders = long_functions_under(&dir, &[dir.join("excepted")], 6);
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(offenders.len(), 1, "{offenders:?}");
    assert!(
        offenders[0].ends_with("stage.rs: long_one: 7 lines") && offenders[0].contains("held"),
        "{offenders:?}"
    );
}

#[test]
fn the_function_check_catches_a_long_function() {
    let body = "    let x = 1;\n".repeat(5);
    let short = format!("fn short() {{\n{body}}}\n");
    let long = format!("    pub(super) fn long_one(a: usize) -> usize {{\n{body}{body}    }}\n");
    assert!(long_functions(&short, 7).is_empty());
    assert_eq!(
        long_functions(&long, 7),
        vec!["long_one: 12 lines".to_string()]
    );
    assert!(long_functions("fn declared();\n", 0).is_empty());
}
