//! The word lists of the tokenizer, the sentence splitter and the mapping to Universal
//! Dependencies words, read once from `assets/tokenize/words.json`. They come before any
//! lexicon is loaded (a document is split before names are looked for), so they live in a
//! file of their own rather than in the rule sets.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

const FILE: &str = include_str!("../../assets/tokenize/words.json");
const FORMAT: &str = "newsgraph-tokenizer-words";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    format: String,
    sets: Vec<SetEntry>,
}

/// One named list of the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SetEntry {
    pub name: String,
    /// What the list is for (read by people).
    #[allow(dead_code)]
    pub description: String,
    /// Sentences the list must decide (the tests run them).
    pub examples: Vec<String>,
    pub words: Vec<String>,
}

/// The lists, ready to look words up in.
pub(crate) struct TokenWords {
    /// Lower-case abbreviations, without their full stop, that keep it ("gen", "sept").
    pub abbreviations: HashSet<String>,
    /// Capitalized words that start a sentence after a dotted abbreviation ("The").
    pub sentence_starters: HashSet<String>,
    /// Lower-case verbs of saying that keep a short attribution after a quoted question in
    /// the quotation's sentence ("said", "asked").
    pub attribution_verbs: HashSet<String>,
    /// Endings UD splits off, longest first ("'ll").
    pub ud_clitics: Vec<String>,
    /// Whole lower-case words UD writes as two, with the byte offset of the split.
    pub ud_splits: Vec<(String, usize)>,
    /// Lower-case words the parser reads as another word of the same syntax it knows better
    /// ("amid" as "among"), with that word.
    pub ud_stand_ins: Vec<(String, String)>,
    /// The file's sets, for the tests of their examples.
    #[cfg(test)]
    pub sets: Vec<SetEntry>,
}

/// The embedded lists.
///
/// # Panics
/// Only if the embedded file is invalid, which the test suite rules out.
pub(crate) fn token_words() -> &'static TokenWords {
    static WORDS: LazyLock<TokenWords> =
        LazyLock::new(|| parse(FILE).expect("assets/tokenize/words.json is valid (tested)"));
    &WORDS
}

/// The form the tagger and the parser read for `word`: the stand-in `ud_stand_ins` gives
/// it, capitalized as `word` is ("Amid" reads as "Among"), or `word` itself.
pub(crate) fn parser_form(word: &str) -> std::borrow::Cow<'_, str> {
    let found = token_words()
        .ud_stand_ins
        .iter()
        .find(|(w, _)| w.len() == word.len() && w.eq_ignore_ascii_case(word));
    let Some((_, stand_in)) = found else {
        return word.into();
    };
    if word.starts_with(|c: char| c.is_uppercase()) {
        let mut chars = stand_in.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
            .into()
    } else {
        stand_in.as_str().into()
    }
}

/// Reads and checks the file.
fn parse(text: &str) -> Result<TokenWords, String> {
    let file: WordsFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if file.format != FORMAT {
        return Err(format!("format must be \"{FORMAT}\""));
    }
    let set = |name: &str| -> Result<&SetEntry, String> {
        let mut found = file.sets.iter().filter(|s| s.name == name);
        match (found.next(), found.next()) {
            (Some(s), None) if !s.examples.is_empty() => Ok(s),
            (Some(_), None) => Err(format!("the set {name} has no examples")),
            (Some(_), Some(_)) => Err(format!("the set {name} is defined twice")),
            (None, _) => Err(format!("the set {name} is missing")),
        }
    };
    let lower = |name: &str| -> Result<Vec<String>, String> {
        let words = &set(name)?.words;
        match words
            .iter()
            .find(|w| w.to_lowercase() != **w || w.is_empty())
        {
            Some(w) => Err(format!("{name}: \"{w}\" must be written in lower case")),
            None => Ok(words.clone()),
        }
    };
    let clitics = lower("ud_clitics")?;
    if let Some(c) = clitics.iter().find(|c| !c.starts_with('\'') || c.len() < 2) {
        return Err(format!(
            "ud_clitics: \"{c}\" must be an apostrophe and letters"
        ));
    }
    let mut splits = Vec::new();
    for w in lower("ud_splits")? {
        match w.split_once('|') {
            Some((a, b)) if !a.is_empty() && !b.is_empty() && !b.contains('|') => {
                splits.push((format!("{a}{b}"), a.len()));
            }
            _ => {
                return Err(format!(
                    "ud_splits: \"{w}\" needs one bar between two parts"
                ));
            }
        }
    }
    let mut stand_ins = Vec::new();
    for w in lower("ud_stand_ins")? {
        match w.split_once('>') {
            Some((a, b)) if !a.is_empty() && !b.is_empty() && a != b && !b.contains('>') => {
                stand_ins.push((a.to_owned(), b.to_owned()));
            }
            _ => {
                return Err(format!(
                    "ud_stand_ins: \"{w}\" needs a word, '>' and another word"
                ));
            }
        }
    }
    Ok(TokenWords {
        abbreviations: lower("abbreviations")?.into_iter().collect(),
        sentence_starters: set("sentence_starters")?.words.iter().cloned().collect(),
        attribution_verbs: lower("attribution_verbs")?.into_iter().collect(),
        ud_clitics: clitics,
        ud_splits: splits,
        ud_stand_ins: stand_ins,
        #[cfg(test)]
        sets: file.sets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Format;

    #[test]
    fn the_embedded_file_reads() {
        let words = token_words();
        assert!(words.abbreviations.contains("sept"));
        assert!(words.sentence_starters.contains("However"));
        assert_eq!(words.ud_splits[0], ("cannot".to_string(), 3));
    }

    fn examples(name: &str) -> &'static [String] {
        let set = token_words().sets.iter().find(|s| s.name == name);
        &set.expect("the set exists").examples
    }

    fn token_texts(text: &str) -> Vec<&str> {
        crate::extract::tokenize::tokenize(text)
            .into_iter()
            .map(|t| &text[t.span])
            .collect()
    }

    fn ud_forms(text: &str) -> Vec<String> {
        let tokens = crate::extract::tokenize::tokenize(text);
        crate::extract::parse::ud_words::ud_words(text, &tokens, 0..tokens.len())
            .iter()
            .map(|w| w.form(text).to_lowercase())
            .collect()
    }

    #[test]
    fn every_abbreviation_example_keeps_its_full_stop() {
        let words = token_words();
        for example in examples("abbreviations") {
            let kept = token_texts(example).into_iter().any(|t| {
                t.strip_suffix('.')
                    .is_some_and(|stem| words.abbreviations.contains(&stem.to_lowercase()))
            });
            assert!(kept, "no listed abbreviation kept whole in {example:?}");
        }
    }

    /// The sentences `example` splits into, read as the body of a text file.
    fn body_sentences(example: &str) -> Vec<String> {
        // (The first line of a text file is its title, a block of its own.)
        let text = format!("Title\n\n{example}");
        let article =
            crate::ingest::parse("example.txt", text.as_bytes(), Format::Text).expect("reads");
        let doc = crate::extract::doc::Doc::new(&article);
        doc.sentences
            .iter()
            .map(|s| article.text[s.span.clone()].to_owned())
            .filter(|s| s != "Title")
            .collect()
    }

    #[test]
    fn every_sentence_starter_example_is_two_sentences() {
        for example in examples("sentence_starters") {
            let body = body_sentences(example);
            assert_eq!(body.len(), 2, "{example:?} splits as {body:?}");
        }
    }

    #[test]
    fn every_attribution_example_keeps_its_speaker_with_the_quotation() {
        for example in examples("attribution_verbs") {
            let body = body_sentences(example);
            assert_eq!(body.len(), 2, "{example:?} splits as {body:?}");
            let verbs = &token_words().attribution_verbs;
            assert!(
                body[0]
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| verbs.contains(w)),
                "the first sentence of {example:?} lacks its verb of saying: {body:?}"
            );
        }
    }

    #[test]
    fn every_ud_example_splits_as_listed() {
        let words = token_words();
        for example in examples("ud_clitics") {
            let forms = ud_forms(example);
            assert!(
                words.ud_clitics.iter().any(|c| forms.contains(c)),
                "no clitic split off in {example:?}: {forms:?}"
            );
        }
        for example in examples("ud_splits") {
            let forms = ud_forms(example);
            let split = words.ud_splits.iter().any(|(w, at)| {
                forms
                    .windows(2)
                    .any(|p| p[0] == w[..*at] && p[1] == w[*at..])
            });
            assert!(split, "no listed word split in {example:?}: {forms:?}");
        }
    }

    /// The UD words of `text`, as written.
    fn ud_words_as_written(text: &str) -> Vec<String> {
        let tokens = crate::extract::tokenize::tokenize(text);
        crate::extract::parse::ud_words::ud_words(text, &tokens, 0..tokens.len())
            .iter()
            .map(|w| w.form(text).to_owned())
            .collect()
    }

    #[test]
    fn every_stand_in_example_parses_as_with_the_stand_in_written() {
        let parser = crate::extract::parse::model::Parser::embedded();
        for example in examples("ud_stand_ins") {
            let words = ud_words_as_written(example);
            let written: Vec<String> = words.iter().map(|w| parser_form(w).into_owned()).collect();
            assert_ne!(words, written, "no listed word in {example:?}");
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let written: Vec<&str> = written.iter().map(String::as_str).collect();
            assert_eq!(
                parser.parse_words(&words),
                parser.parse_words(&written),
                "{example:?} parses otherwise than with its stand-ins written in"
            );
        }
        assert_eq!(parser_form("Amid"), "Among");
        assert_eq!(parser_form("amidst"), "among");
        assert_eq!(parser_form("pyramid"), "pyramid");
    }

    #[test]
    fn amid_after_a_noun_is_a_preposition() {
        // EWT's training words have "amid" once: without its stand-in the tagger read it as
        // a noun ("a curfew amid protests" as a compound) and the curfew was lost.
        let parser = crate::extract::parse::model::Parser::embedded();
        let words = ud_words_as_written("Peru imposed a curfew amid protests in Lima.");
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let (tags, heads, deprels) = parser.parse_words(&words);
        let amid = words.iter().position(|w| *w == "amid").expect("amid");
        let curfew = words.iter().position(|w| *w == "curfew").expect("curfew");
        assert_eq!(tags[amid], crate::extract::parse::Upos::Adp, "{tags:?}");
        assert_eq!(tags[curfew], crate::extract::parse::Upos::Noun, "{tags:?}");
        assert_eq!(
            deprels[amid],
            crate::extract::parse::Deprel::CASE,
            "{deprels:?}"
        );
        assert_eq!(
            heads[curfew], 2,
            "the curfew is what was imposed: {heads:?}"
        );
    }

    #[test]
    fn a_broken_file_is_refused_with_the_reason() {
        let good: serde_json::Value = serde_json::from_str(FILE).expect("json");
        let with = |name: &str, words: serde_json::Value| {
            let mut v = good.clone();
            for s in v["sets"].as_array_mut().expect("sets") {
                if s["name"] == name {
                    s["words"] = words.clone();
                }
            }
            parse(&v.to_string()).err().unwrap_or_default()
        };
        assert!(with("ud_splits", serde_json::json!(["cannot"])).contains("one bar"));
        assert!(with("abbreviations", serde_json::json!(["Gen"])).contains("lower case"));
        assert!(with("ud_clitics", serde_json::json!(["ll"])).contains("apostrophe"));
        assert!(with("ud_stand_ins", serde_json::json!(["amid"])).contains("'>'"));
        assert!(with("ud_stand_ins", serde_json::json!(["amid>amid"])).contains("'>'"));
        let mut missing = good.clone();
        missing["sets"].as_array_mut().expect("sets").remove(0);
        assert!(
            parse(&missing.to_string())
                .err()
                .unwrap_or_default()
                .contains("abbreviations is missing")
        );
    }
}
