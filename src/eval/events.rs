//! Scoring events against sentences coded by hand (`events.jsonl` in the PLOVER gold-standard
//! layout: one sentence, its PLOVER type, source and target actors with country codes).
//!
//! Each sentence is extracted on its own as a one-paragraph article. A system event *matches*
//! the sentence's coding when its category is the coded type. Reported figures:
//! - type recall: codings for which the sentence gave an event of the coded type;
//! - type precision: events whose category is their sentence's coded type;
//! - source and target precision and recall, over the matching events (a reciprocal coding,
//!   "A and B agreed", lists its actors as sources only: either side of the event may hold them);
//! - triple precision, recall and F1: type, source and target all right (an event's target is
//!   right when the coding has none and the event has none either, or when one of the event's
//!   targets is a coded target).
//!
//! Actors match by any name or alias (either string containing the other on word boundaries) or
//! by country code.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::extract::{Actor, Event, Extraction, Lexicon, Plover, extract};
use crate::ingest::{Format, parse};

/// One hand-coded sentence.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// PLOVER type.
    pub event_type: String,
    /// Source actors as written.
    #[serde(default)]
    pub source: Vec<String>,
    /// Their codes (country or actor codes), parallel to `source`.
    #[serde(default)]
    pub source_codes: Vec<Option<String>>,
    /// Target actors as written.
    #[serde(default)]
    pub target: Vec<String>,
    /// Their codes, parallel to `target`.
    #[serde(default)]
    pub target_codes: Vec<Option<String>>,
    /// "A and B agreed": the actors are all under `source`.
    #[serde(default)]
    pub reciprocal: bool,
}

/// Reads a JSON Lines file of codings.
///
/// # Errors
/// The line number and what is wrong, for the first line that is not a coding.
pub fn read_jsonl(text: &str) -> Result<Vec<GoldEvent>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// Counts behind one row of the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Codings.
    pub gold: usize,
    /// Events the system produced for those sentences.
    pub events: usize,
    /// Codings with an event of the coded type.
    pub type_found: usize,
    /// Events whose category is the coded type.
    pub type_right: usize,
    /// Matching events that name a source / of those, right.
    pub source_given: usize,
    /// Of `source_given`, a coded source.
    pub source_right: usize,
    /// Codings with a source / of those, found by a matching event.
    pub source_gold: usize,
    /// Of `source_gold`, found.
    pub source_found: usize,
    /// Same for targets.
    pub target_given: usize,
    /// Of `target_given`, a coded target.
    pub target_right: usize,
    /// Codings with a target.
    pub target_gold: usize,
    /// Of `target_gold`, found.
    pub target_found: usize,
    /// Events with type, source and target right.
    pub triple_right: usize,
    /// Codings with such an event.
    pub triple_found: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.events += o.events;
        self.type_found += o.type_found;
        self.type_right += o.type_right;
        self.source_given += o.source_given;
        self.source_right += o.source_right;
        self.source_gold += o.source_gold;
        self.source_found += o.source_found;
        self.target_given += o.target_given;
        self.target_right += o.target_right;
        self.target_gold += o.target_gold;
        self.target_found += o.target_found;
        self.triple_right += o.triple_right;
        self.triple_found += o.triple_found;
    }

    /// Share of codings whose sentence gave an event of the coded type.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_found, self.gold)
    }

    /// Triple precision, recall and F1.
    pub fn triple_prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.triple_right, self.events);
        let r = ratio(self.triple_found, self.gold);
        (p, r, f1(p, r))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// One coding the system missed in part, for `--errors`.
#[derive(Debug, Clone)]
pub struct Miss {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// What was coded.
    pub gold: String,
    /// What the system said, one event per entry.
    pub system: Vec<String>,
    /// Triggers found that gave no event, with why.
    pub skipped: Vec<String>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per coded type.
    pub by_type: BTreeMap<String, Counts>,
    /// All codings.
    pub overall: Counts,
    /// Codings without a right triple.
    pub misses: Vec<Miss>,
    /// Sentences that could not be read as an article.
    pub unreadable: Vec<String>,
}

/// Normalized words of a name: lower case, letters and digits, apostrophes dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty() && w != "the")
        .collect()
}

/// Whether `inner`'s words appear in a row inside `outer`'s.
fn contains_words(outer: &[String], inner: &[String]) -> bool {
    !inner.is_empty() && outer.windows(inner.len()).any(|w| w == inner)
}

/// Whether a system actor is the coded actor `name` (with code `code`).
fn same_actor(actor: &Actor, name: &str, code: Option<&str>) -> bool {
    let gold = words(name);
    let code_matches = |key: &str| {
        code.is_some_and(|c| {
            // A people group ("group:SDN:rebels") has its country's code too.
            key.strip_prefix("country:")
                .or_else(|| crate::extract::groups::parts(key).map(|(iso, _)| iso))
                .is_some_and(|iso| iso.eq_ignore_ascii_case(c))
        })
    };
    if code_matches(&actor.key) {
        return true;
    }
    std::iter::once(&actor.name).chain(&actor.aliases).any(|n| {
        let sys = words(n);
        contains_words(&gold, &sys) || contains_words(&sys, &gold)
    })
}

fn describe(e: &Event, actors: &BTreeMap<&str, &Actor>) -> String {
    let name = |k: &String| {
        actors
            .get(k.as_str())
            .map_or_else(|| k.clone(), |a| a.name.clone())
    };
    let targets: Vec<String> = e.targets.iter().map(name).collect();
    format!(
        "{} {} → {} [{}]",
        e.category.name(),
        e.source.as_ref().map_or_else(|| "?".to_owned(), name),
        if targets.is_empty() {
            "?".to_owned()
        } else {
            targets.join(", ")
        },
        e.participants
            .iter()
            .map(name)
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The code of the `i`-th coded actor, when it has one.
fn code(codes: &[Option<String>], i: usize) -> Option<&str> {
    codes.get(i).and_then(|c| c.as_deref())
}

/// Scores one coding against the events extracted from its sentence.
fn score_one(g: &GoldEvent, x: &Extraction, text: &str) -> (Counts, Option<Miss>) {
    let actors: BTreeMap<&str, &Actor> = x.actors.iter().map(|a| (a.key.as_str(), a)).collect();
    let gold_type = Plover::from_name(&g.event_type);
    let is_source = |key: &str| {
        actors.get(key).is_some_and(|a| {
            g.source
                .iter()
                .enumerate()
                .any(|(i, n)| same_actor(a, n, code(&g.source_codes, i)))
        })
    };
    let is_target = |key: &str| {
        actors.get(key).is_some_and(|a| {
            g.target
                .iter()
                .enumerate()
                .any(|(i, n)| same_actor(a, n, code(&g.target_codes, i)))
        })
    };
    let mut c = Counts {
        gold: 1,
        events: x.events.len(),
        source_gold: usize::from(!g.source.is_empty()),
        target_gold: usize::from(!g.target.is_empty()),
        ..Counts::default()
    };
    let (mut source_found, mut target_found, mut triple_found) = (false, false, false);
    for e in &x.events {
        if Some(e.category) != gold_type {
            continue;
        }
        c.type_right += 1;
        // A reciprocal coding puts both sides under `source`: the event may hold them as its
        // source, its targets or its undirected participants.
        let (source_ok, target_ok) = if g.reciprocal {
            let sides: Vec<&String> = e
                .source
                .iter()
                .chain(&e.targets)
                .chain(&e.participants)
                .collect();
            let hits = sides.iter().filter(|k| is_source(k)).count();
            (
                hits >= 1,
                g.target.is_empty() || e.targets.iter().any(|k| is_target(k)),
            )
        } else {
            (
                e.source.as_deref().is_some_and(is_source),
                if g.target.is_empty() {
                    e.targets.is_empty()
                } else {
                    e.targets.iter().any(|k| is_target(k))
                },
            )
        };
        if e.source.is_some() {
            c.source_given += 1;
            c.source_right += usize::from(source_ok);
        }
        if !e.targets.is_empty() {
            c.target_given += 1;
            c.target_right += usize::from(e.targets.iter().any(|k| is_target(k)));
        }
        source_found |= source_ok && !g.source.is_empty();
        target_found |= !g.target.is_empty() && e.targets.iter().any(|k| is_target(k));
        if source_ok && target_ok {
            c.triple_right += 1;
            triple_found = true;
        }
    }
    c.type_found = usize::from(c.type_right > 0);
    c.source_found = usize::from(source_found);
    c.target_found = usize::from(target_found);
    c.triple_found = usize::from(triple_found);
    let miss = (!triple_found).then(|| Miss {
        id: g.id.clone(),
        text: g.text.clone(),
        gold: format!(
            "{} {} → {}{}",
            g.event_type,
            g.source.join(", "),
            if g.target.is_empty() {
                "?".to_owned()
            } else {
                g.target.join(", ")
            },
            if g.reciprocal { " (reciprocal)" } else { "" }
        ),
        system: x.events.iter().map(|e| describe(e, &actors)).collect(),
        skipped: x
            .skipped
            .iter()
            .map(|k| format!("{:?}: {}", text.get(k.span.clone()).unwrap_or(""), k.reason))
            .collect(),
    });
    (c, miss)
}

/// Extracts every coded sentence and scores it.
pub fn evaluate(gold: &[GoldEvent], lex: &Lexicon) -> Report {
    let mut report = Report::default();
    for g in gold {
        // A neutral title line: the sentence itself is the article's one paragraph.
        let text = format!("Report\n\n{}\n", g.text);
        let Ok(article) = parse(&g.id, text.as_bytes(), Format::Text) else {
            report.unreadable.push(g.id.clone());
            continue;
        };
        let x = extract(&article, lex);
        let (c, miss) = score_one(g, &x, &text);
        report.overall.add(&c);
        report
            .by_type
            .entry(g.event_type.clone())
            .or_default()
            .add(&c);
        report.misses.extend(miss);
    }
    report
}

impl Report {
    /// The table printed by `newsgraph eval events`.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<12} {:>5} {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>6} {:>6} | {:>6} {:>6} {:>6}",
            "type",
            "gold",
            "events",
            "type_r",
            "type_p",
            "src_p",
            "src_r",
            "tgt_p",
            "tgt_r",
            "tri_p",
            "tri_r",
            "tri_f1"
        );
        let row = |out: &mut String, name: &str, c: &Counts| {
            let (p, r, f) = c.triple_prf();
            let _ = writeln!(
                out,
                "{:<12} {:>5} {:>6} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} | {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}",
                name,
                c.gold,
                c.events,
                c.type_accuracy(),
                ratio(c.type_right, c.events),
                ratio(c.source_right, c.source_given),
                ratio(c.source_found, c.source_gold),
                ratio(c.target_right, c.target_given),
                ratio(c.target_found, c.target_gold),
                p,
                r,
                f
            );
        };
        for (name, c) in &self.by_type {
            row(&mut out, name, c);
        }
        row(&mut out, "overall", &self.overall);
        let (p, r, f) = self.overall.triple_prf();
        let _ = writeln!(
            out,
            "\ntype accuracy {:.3} (codings whose sentence gave an event of the coded type)\n\
             triple P {p:.3} R {r:.3} F1 {f:.3} (type, source and target all right)",
            self.overall.type_accuracy()
        );
        if !self.unreadable.is_empty() {
            let _ = writeln!(out, "unreadable: {}", self.unreadable.join(", "));
        }
        out
    }

    /// The misses, one block each, for `--errors`.
    pub fn errors(&self) -> String {
        let mut out = String::new();
        for m in &self.misses {
            let _ = writeln!(out, "{}\n  text:   {}\n  gold:   {}", m.id, m.text, m.gold);
            if m.system.is_empty() {
                let _ = writeln!(out, "  system: (no event)");
            }
            for s in &m.system {
                let _ = writeln!(out, "  system: {s}");
            }
            for s in &m.skipped {
                let _ = writeln!(out, "  skipped: {s}");
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_on_word_boundaries() {
        assert!(contains_words(
            &words("Zimbabwean Prime Minister Robert Mugabe"),
            &words("Robert Mugabe")
        ));
        assert!(!contains_words(&words("Roberta Mugabeh"), &words("Robert")));
        assert_eq!(
            words("the U.S. army's plan"),
            vec!["u", "s", "army", "plan"]
        );
    }

    #[test]
    fn a_coded_sentence_is_scored_by_type_source_and_target() {
        let lex = Lexicon::embedded();
        let gold = read_jsonl(
            r#"{"id": "t1", "text": "Norway condemned Chile on Monday.", "event_type": "DISAPPROVE", "source": ["Norway"], "source_codes": [null], "target": ["Chile"], "target_codes": [null], "reciprocal": false}
{"id": "t2", "text": "The weather was fine on Monday.", "event_type": "AGREE", "source": ["Ruritania"], "source_codes": [null], "target": [], "target_codes": [], "reciprocal": false}"#,
        )
        .expect("valid codings");
        let r = evaluate(&gold, &lex);
        assert_eq!(r.overall.gold, 2);
        // The second sentence has no event at all: one miss, listed.
        assert_eq!(r.misses.len(), 1, "{}", r.errors());
        assert_eq!(r.misses[0].id, "t2");
        assert!(r.misses[0].system.is_empty());
        assert_eq!(r.overall.triple_found, 1, "{}", r.table());
        assert!(r.table().contains("DISAPPROVE"));
    }
}
