//! `newsgraph explain FILE NAME [--rules-off PACK]`: the chain of decisions behind each mention
//! of NAME in FILE (the tagger's label, each rule id or check and its action, the result).

use std::io::Write;
use std::process::ExitCode;

use super::{USAGE, load_lexicon_with, split_args};
use crate::extract::explain::explain as explain_name;
use crate::ingest::read_file;

/// Prints why each mention of the name came out as it did; exit code 1 when the name is not
/// in the file.
pub(super) fn explain(args: &[String]) -> Result<ExitCode, String> {
    let (paths, options) = split_args(args, &["--rules-off"])?;
    let [file, name] = paths.as_slice() else {
        return Err(format!("explain takes a file and a name\n\n{USAGE}"));
    };
    let name = name.to_string_lossy();
    let lex = load_lexicon_with(&options)?;
    let article = read_file(file).map_err(|e| format!("{e}"))?;
    let found = explain_name(&article, &lex, &name);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "\"{name}\" in {}: {} occurrence{}",
        file.display(),
        found.len(),
        if found.len() == 1 { "" } else { "s" }
    );
    for e in &found {
        let _ = writeln!(
            out,
            "\nsentence {}, bytes {}..{}: {}",
            e.sentence + 1,
            e.span.start,
            e.span.end,
            e.context
        );
        match &e.tagger {
            Some((label, words)) => {
                let _ = writeln!(out, "  tagger                 {label} \"{words}\"");
            }
            None => {
                let _ = writeln!(out, "  tagger                 no name here");
            }
        }
        for d in &e.decisions {
            let _ = writeln!(out, "  {:<22} {} \"{}\"", d.by, d.action, d.words);
        }
        let _ = writeln!(out, "  result                 {}", e.outcome);
    }
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
