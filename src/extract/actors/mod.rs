//! Actor detection and within-article resolution.
//!
//! Stages, each over every sentence: lexicon names (countries, organizations, known people),
//! role titles and honorifics followed by names ("US defense Secretary Pete Hegseth"),
//! organization phrases headed by Ministry/Department/Party/... ("Chinese defense ministry"),
//! given-name patterns, and finally surname-only mentions resolved to the full names found
//! elsewhere in the article. Capitals in titles and headings are ignored for the pattern stages:
//! title case makes them meaningless there.

mod claimed;
mod lexicon_names;
mod organizations;
mod passes;
mod resolve;
mod sentence;
mod tagged;
mod titles;
mod words;

use crate::extract::doc::Doc;
use crate::extract::lexicon::{CountryForm, Lexicon, PhraseTable, Target};
use crate::extract::ner::DocContext;
use crate::extract::rules::Named;
use std::ops::Range;

pub use resolve::{person_key, resolve};
#[cfg(test)]
pub(crate) use words::is_geographic;

use lexicon_names::{block_places, lexicon_names, place_lists};
use organizations::organizations;
use sentence::SentenceCtx;
use tagged::tagged_names;
use titles::{
    appositions, counterparts, kin_names, named_people, titled_people, titles_before_a_name,
};

/// What a stretch of tokens refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A country by lexicon index; `modifier` when it only qualifies a person or organization.
    Country {
        /// Index into the lexicon's countries.
        index: usize,
        /// How it was named.
        form: CountryForm,
        /// True when it only qualifies a person or organization next to it.
        modifier: bool,
    },
    /// An organization.
    Organization {
        /// Node key.
        key: String,
        /// Display name.
        name: String,
        /// Country index it belongs to.
        country: Option<usize>,
    },
    /// A capital named as a place, not as its government: "talks in Manila", the dateline
    /// "BRUSSELS —". Places are where events happen; they are not actors.
    Place {
        /// The name as written.
        name: String,
    },
    /// A person, possibly by surname only (resolved later).
    Person {
        /// The name as written.
        name: String,
        /// Role given with this mention.
        role: Option<String>,
        /// Country given with this mention.
        country: Option<usize>,
        /// Lexicon index when it is a known person.
        known: Option<usize>,
    },
}

/// One detected mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Token range.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// What it refers to.
    pub found: Found,
    /// Resolved actor key, set by [`resolve`].
    pub key: String,
}

/// How one span the tagger labelled was decided: each rule or check that changed it, in order.
/// The mention it became (if any) is the hit over its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanTrace {
    /// Sentence index.
    pub sentence: usize,
    /// The tagger's span, as document token indices.
    pub tokens: Range<usize>,
    /// The tagger's label (`PER`, `ORG`, `LOC`, `MISC`).
    pub label: &'static str,
    /// The decisions on it, in order.
    pub steps: Vec<TraceStep>,
}

/// One decision on a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceStep {
    /// The rule's id (`seat-or-ward`), or `code:` and the name of a check still written in
    /// Rust (`code:after-locative`).
    pub by: String,
    /// What it did (`drop`, `place`, `trim the last word`, `relabel ORG`).
    pub action: String,
    /// The document tokens it looked at.
    pub tokens: Range<usize>,
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Finds every actor mention in the document.
/// Stops early (with what it has) once `control` is cancelled.
pub fn detect(doc: &Doc<'_>, lex: &Lexicon, control: super::Control<'_>) -> Vec<Hit> {
    detect_with(doc, lex, control, false).0
}

/// The issues lexicon's longest phrase starting at each token of a document (its length and
/// target; `None` outside sentences), as the actor stage reads it.
pub type IssuesAt = Vec<Option<(usize, Target)>>;

/// [`detect`], with the issue phrase at each token that the actor stage read on its way
/// ([`IssuesAt`]), so that [`crate::extract::issues::scan`] does not match them again.
pub fn detect_with_issues(
    doc: &Doc<'_>,
    lex: &Lexicon,
    control: super::Control<'_>,
) -> (Vec<Hit>, IssuesAt) {
    let (hits, _, issues_at) = detect_with(doc, lex, control, false);
    (hits, issues_at)
}

/// [`detect`], with how each span the tagger labelled was decided.
pub fn detect_traced(
    doc: &Doc<'_>,
    lex: &Lexicon,
    control: super::Control<'_>,
) -> (Vec<Hit>, Vec<SpanTrace>) {
    let (hits, traces, _) = detect_with(doc, lex, control, true);
    (hits, traces)
}

/// [`detect`], with the spans' traces when `tracing` (none are written otherwise) and the
/// issue phrases ([`IssuesAt`]).
fn detect_with(
    doc: &Doc<'_>,
    lex: &Lexicon,
    control: super::Control<'_>,
    tracing: bool,
) -> (Vec<Hit>, Vec<SpanTrace>, IssuesAt) {
    let mut all = Vec::new();
    let mut traces = Vec::new();
    let mut doc_issues: IssuesAt = vec![None; doc.tokens.len()];
    let sentence_words: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| s.tokens.clone().map(|i| doc.word(i)).collect())
        .collect();
    let context = DocContext::new(sentence_words.iter().map(Vec::as_slice));
    let terms = spelled_out_terms(doc, lex);
    let surnames = surnames(doc, lex);
    // Each sentence on its own (the article's context is read, never written), on all cores.
    let read = |s: usize, sentence: &super::doc::Sentence| {
        let words: Vec<&str> = sentence.tokens.clone().map(|i| doc.word(i)).collect();
        let names_at: Vec<_> = (0..words.len())
            .map(|i| lex.names.longest_at(&words, i))
            .collect();
        // Titles and issue phrases are matched in any case: each word's filter key serves both.
        let (titles_at, issues_at): (Vec<_>, Vec<_>) = (0..words.len())
            .map(|i| {
                let key = PhraseTable::folded_key(words[i]);
                (
                    lex.titles.longest_at_folded(&words, i, key),
                    lex.issue_table.longest_at_folded(&words, i, key),
                )
            })
            .unzip();
        let tagged = lex
            .tagger
            .decode_words(&words, &names_at, &titles_at, lex, &context);
        let mut ctx = SentenceCtx {
            doc,
            lex,
            tagged,
            names_at,
            titles_at,
            issues_at,
            taken: vec![false; words.len()],
            words,
            start: sentence.tokens.start,
            sentence: s,
            heading: doc.is_heading(s),
            hits: Vec::new(),
            traces: Vec::new(),
            terms: &terms,
            surnames: &surnames,
            case_blind: false,
            tracing,
        };
        ctx.case_blind = ctx.reads_case_blind();
        block_places(&mut ctx);
        lexicon_names(&mut ctx);
        organizations(&mut ctx);
        titled_people(&mut ctx);
        if !ctx.heading {
            counterparts(&mut ctx);
            kin_names(&mut ctx);
        }
        tagged_names(&mut ctx);
        if !ctx.heading {
            named_people(&mut ctx);
            appositions(&mut ctx);
            titles_before_a_name(&mut ctx);
        }
        place_lists(&mut ctx);
        (ctx.hits, ctx.traces, ctx.start, ctx.issues_at)
    };
    super::each_sentence(
        doc,
        control,
        super::ACTORS_STAGE,
        read,
        |(mut hits, mut more, start, issues)| {
            all.append(&mut hits);
            traces.append(&mut more);
            doc_issues[start..start + issues.len()].copy_from_slice(&issues);
        },
    );
    all.sort_by_key(|h| h.tokens.start);
    (all, traces, doc_issues)
}

/// Capitalized words the article writes right after a given name ("Neil Jordan", "Idriss
/// Chad"): surnames, whatever else they name.
fn surnames<'a>(doc: &Doc<'a>, lex: &Lexicon) -> std::collections::HashSet<&'a str> {
    let n = doc.tokens.len();
    (1..n)
        .filter(|&k| {
            let (before, word) = (doc.word(k - 1), doc.word(k));
            is_capitalized(word)
                && is_capitalized(before)
                && word.chars().any(char::is_lowercase)
                && lex.is_given_name(before)
        })
        .map(|k| doc.word(k))
        .collect()
}

/// Acronyms the article spells out in plain lower-case words right before them, in brackets:
/// "gross domestic product (GDP)", "weapons of mass destruction (WMD)". Each letter is the
/// first of a word, in order, with the small words of names ("of", "and") skipped.
fn spelled_out_terms<'a>(doc: &Doc<'a>, lex: &Lexicon) -> std::collections::HashSet<&'a str> {
    let mut terms = std::collections::HashSet::new();
    let n = doc.tokens.len();
    for k in 1..n.saturating_sub(2) {
        let acronym = doc.word(k + 1);
        if doc.word(k) != "(" || doc.word(k + 2) != ")" {
            continue;
        }
        let letters: Vec<char> = acronym.trim_end_matches('s').chars().collect();
        if letters.len() < 2 || letters.len() > 6 || !letters.iter().all(char::is_ascii_uppercase) {
            continue;
        }
        let mut j = k;
        let mut matched = 0;
        while matched < letters.len() && j > 0 {
            j -= 1;
            let w = doc.word(j);
            if lex.rules.set(Named::NameJoiners).contains(w) {
                continue;
            }
            let wanted = letters[letters.len() - 1 - matched].to_ascii_lowercase();
            if !w.chars().all(char::is_lowercase) || !w.starts_with(wanted) {
                break;
            }
            matched += 1;
        }
        if matched == letters.len() {
            terms.insert(acronym);
        }
    }
    terms
}
