//! Why a name came out as it did: for each place an article writes it, the tagger's label, each
//! rule or check that decided on it (by id), and what it became. Pure, like the pipeline, so
//! the command line (`newsgraph explain`) and the detail pane can both ask.

use std::ops::Range;

use super::actors::{self, Found, Hit};
use super::lexicon::Lexicon;
use super::tokenize::tokenize;
use super::{Control, Doc};
use crate::ingest::Article;

/// One decision on a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The rule's id, or `code:` and the name of a check written in Rust.
    pub by: String,
    /// What it did.
    pub action: String,
    /// The words it looked at.
    pub words: String,
}

/// Why one occurrence of a name came out as it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// Sentence index.
    pub sentence: usize,
    /// Byte range of the occurrence in the article's text.
    pub span: Range<usize>,
    /// The sentence, as written.
    pub context: String,
    /// The tagger's label and the words it labelled, when it labelled words here.
    pub tagger: Option<(String, String)>,
    /// The decisions, in order.
    pub decisions: Vec<Decision>,
    /// What the mention became: `person person:ann-lee`, `place`, or `no mention`.
    pub outcome: String,
}

/// Every occurrence of `name` (the same words, in one sentence) in `article`, explained.
pub fn explain(article: &Article, lex: &Lexicon, name: &str) -> Vec<Explanation> {
    let doc = Doc::new(article);
    let (mut hits, traces) = actors::detect_traced(&doc, lex, Control::NONE);
    let detected = hits.clone();
    actors::resolve(&doc, lex, &mut hits);
    let wanted: Vec<&str> = tokenize(name).into_iter().map(|t| &name[t.span]).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let words_of = |r: &Range<usize>| -> String {
        if r.is_empty() {
            return String::new();
        }
        doc.text[doc.tokens[r.start].span.start..doc.tokens[r.end - 1].span.end].to_string()
    };
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let tokens = sentence.tokens.clone();
        for start in tokens.clone() {
            let end = start + wanted.len();
            if end > tokens.end || !(start..end).zip(&wanted).all(|(t, w)| doc.word(t) == *w) {
                continue;
            }
            let at = start..end;
            let overlaps = |r: &Range<usize>| r.start < at.end && at.start < r.end;
            let trace = traces.iter().find(|t| overlaps(&t.tokens));
            let mut decisions: Vec<Decision> = trace
                .map(|t| {
                    t.steps
                        .iter()
                        .map(|step| Decision {
                            by: step.by.clone(),
                            action: step.action.clone(),
                            words: words_of(&step.tokens),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let before = detected.iter().find(|h| overlaps(&h.tokens));
            let after = hits.iter().find(|h| overlaps(&h.tokens));
            if trace.is_none() && before.is_some() {
                decisions.push(Decision {
                    by: "stage:lexicon-or-pattern".to_string(),
                    action: "found before the tagger's names".to_string(),
                    words: before.map(|h| words_of(&h.tokens)).unwrap_or_default(),
                });
            }
            if let (Some(b), Some(a)) = (before, after)
                && kind_of(&b.found) != kind_of(&a.found)
            {
                decisions.push(Decision {
                    by: "code:resolve".to_string(),
                    action: format!("{} once the whole article is read", kind_of(&a.found)),
                    words: words_of(&a.tokens),
                });
            }
            if before.is_none()
                && let Some(a) = after
            {
                decisions.push(Decision {
                    by: "code:resolve".to_string(),
                    action: format!("{} found once the whole article is read", kind_of(&a.found)),
                    words: words_of(&a.tokens),
                });
            }
            let span = doc.tokens[start].span.start..doc.tokens[end - 1].span.end;
            out.push(Explanation {
                sentence: s,
                span,
                context: words_of(&tokens).trim().to_string(),
                tagger: trace.map(|t| (t.label.to_string(), words_of(&t.tokens))),
                decisions,
                outcome: after.map_or_else(|| "no mention".to_string(), outcome),
            });
        }
    }
    out
}

/// The kind of what a hit names, in words.
fn kind_of(found: &Found) -> &'static str {
    match found {
        Found::Country { modifier: true, .. } => "country (qualifying a name)",
        Found::Country { .. } => "country",
        Found::Organization { .. } => "organization",
        Found::Place { .. } => "place",
        Found::Person { .. } => "person",
    }
}

/// What a resolved hit became: its kind, its words and its key.
fn outcome(hit: &Hit) -> String {
    let kind = kind_of(&hit.found);
    if hit.key.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} {}", hit.key)
    }
}

#[cfg(test)]
mod tests {
    use super::explain;
    use crate::extract::{Control, Lexicon};
    use crate::ingest::{Format, parse};

    fn article(text: &str) -> crate::ingest::Article {
        parse("explain.txt", text.as_bytes(), Format::Text).expect("plain text reads")
    }

    #[test]
    fn a_rule_that_decides_a_mention_is_named_by_its_id_and_goes_with_its_pack() {
        let text = "Blunkett returns\n\nMr Blunkett entered Parliament for Sheffield Brightside \
                    in 1987, after first contesting the Sheffield Hallam seat in 1974.";
        let mut lex = Lexicon::embedded();
        let read = article(text);
        let found = explain(&read, &lex, "Sheffield Brightside");
        assert_eq!(found.len(), 1, "{found:?}");
        let e = &found[0];
        assert_eq!(&read.text[e.span.clone()], "Sheffield Brightside");
        assert!(e.tagger.is_some(), "{e:?}");
        assert!(
            e.decisions
                .iter()
                .any(|d| d.by == "legislature-for" && d.action == "place"),
            "{e:?}"
        );
        assert_eq!(e.outcome, "place place:sheffield-brightside");
        // Without the UK pack, no UK rule decides it.
        lex.rules.set_pack("uk", false);
        let found = explain(&article(text), &lex, "Sheffield Brightside");
        assert!(
            found[0].decisions.iter().all(|d| d.by != "legislature-for"),
            "{found:?}"
        );
    }

    #[test]
    fn mentions_are_the_same_read_with_or_without_traces() {
        let text = "Talks\n\nMr Blunkett entered Parliament for Sheffield Brightside in 1987. \
                    Ann Lee of the Daily Bugle met Tom Hale in Ruritania.";
        let lex = Lexicon::embedded();
        let read = article(text);
        let doc = crate::extract::Doc::new(&read);
        let (hits, traces) = crate::extract::actors::detect_traced(&doc, &lex, Control::NONE);
        let plain = crate::extract::actors::detect(&doc, &lex, Control::NONE);
        assert_eq!(plain, hits);
        assert!(traces.iter().any(|t| !t.steps.is_empty()), "{traces:?}");
    }

    #[test]
    fn every_occurrence_is_listed_even_when_it_became_nothing() {
        let text = "Talks\n\nAnn Lee met Tom Hale. Later Ann Lee left.";
        let found = explain(&article(text), &Lexicon::embedded(), "Ann Lee");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().all(|e| e.outcome == "person person:ann-lee"),
            "{found:?}"
        );
        assert_eq!(found[1].sentence, found[0].sentence + 1);
        assert!(explain(&article(text), &Lexicon::embedded(), "Nobody Here").is_empty());
    }
}
