//! Events: trigger words and phrases from the trigger lexicon, typed with PLOVER categories;
//! who acts and who is acted on read off the dependency parse of the sentence by the argument
//! patterns of `assets/lexicon/arguments.json` ([`patterns`], [`reading`]); the actors those
//! words name ([`arguments`]); place, date and how the act is stated. One event per category
//! and participant set within an article.

pub mod arguments;
mod foreign;
pub mod parsing;
pub mod patterns;
pub mod reading;
mod report;
pub mod senses;
mod sentence;
mod subjunctive;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_acted_on;
#[cfg(test)]
mod tests_aims;
#[cfg(test)]
mod tests_answers;
#[cfg(test)]
mod tests_appositions;
#[cfg(test)]
mod tests_asked;
#[cfg(test)]
mod tests_ends40;
#[cfg(test)]
mod tests_kinds;
#[cfg(test)]
mod tests_lead35;
#[cfg(test)]
mod tests_lead36;
#[cfg(test)]
mod tests_lead37;
#[cfg(test)]
mod tests_lead38;
#[cfg(test)]
mod tests_lead39;
#[cfg(test)]
mod tests_lead40;
#[cfg(test)]
mod tests_lead41;
#[cfg(test)]
mod tests_left35;
#[cfg(test)]
mod tests_left36;
#[cfg(test)]
mod tests_left37;
#[cfg(test)]
mod tests_left38;
#[cfg(test)]
mod tests_left39;
#[cfg(test)]
mod tests_missions;
#[cfg(test)]
mod tests_names;
#[cfg(test)]
mod tests_owners;
#[cfg(test)]
mod tests_particles;
#[cfg(test)]
mod tests_places;
#[cfg(test)]
mod tests_probe;
#[cfg(test)]
mod tests_probe36;
#[cfg(test)]
mod tests_probe37;
#[cfg(test)]
mod tests_probe38;
#[cfg(test)]
mod tests_probe39;
#[cfg(test)]
mod tests_probe40;
#[cfg(test)]
mod tests_probe41;
#[cfg(test)]
mod tests_speaker;
#[cfg(test)]
mod tests_stated;
#[cfg(test)]
mod tests_targets;
#[cfg(test)]
mod tests_unnamed;
#[cfg(test)]
mod tests_who;
#[cfg(test)]
mod tests_wire;
#[cfg(test)]
mod tests_wire34;
#[cfg(test)]
mod tests_wire35;

use std::collections::BTreeMap;
use std::ops::Range;

use super::actors::Hit;
use super::doc::Doc;
use super::lexicon::Lexicon;
use super::parse::{Deprel, ParsedSentence, Upos};
use super::plover::Plover;
use super::{Event, EventReading, Mention, Modality, Skipped, slug};
use arguments::Resolver;
use patterns::ArgumentRules;
use reading::Tree;
use sentence::Article;

/// One trigger found in a sentence.
struct Match {
    /// Token range.
    tokens: Range<usize>,
    /// Index into the lexicon's triggers.
    trigger: usize,
    /// Its category.
    category: Option<Plover>,
}

/// One report of an event, as its sentence reads it. The sentences are read each on its own
/// (in parallel); their reports become events afterwards, in sentence order.
struct Report<'l> {
    key: String,
    category: Plover,
    kind: &'l str,
    modality: Option<Modality>,
    participants: Vec<String>,
    place: Option<String>,
    date: Option<String>,
    mention: Mention,
    reading: EventReading,
}

/// Finds events in every sentence. `hits` must be resolved (keys set); `affiliations` maps
/// actor keys to the country keys they belong to.
pub fn detect(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[Hit],
    names: &BTreeMap<String, String>,
    article_slug: &str,
    affiliations: &BTreeMap<String, String>,
    control: super::Control<'_>,
) -> (Vec<Event>, Vec<Skipped>) {
    let mut by_sentence: Vec<Vec<&Hit>> = vec![Vec::new(); doc.sentences.len()];
    for h in hits {
        if let Some(list) = by_sentence.get_mut(h.sentence) {
            list.push(h);
        }
    }
    let mut covered = vec![false; doc.tokens.len()];
    for h in hits {
        for t in h.tokens.clone() {
            if let Some(c) = covered.get_mut(t) {
                *c = true;
            }
        }
    }
    let home = arguments::home_country(affiliations, hits);
    let resolver = Resolver::new(doc, lex, hits, &by_sentence, home);
    let article = Article {
        doc,
        lex,
        by_sentence: &by_sentence,
        covered: &covered,
        resolver: &resolver,
        names,
        affiliations,
        slug: article_slug,
        has_body: (0..doc.sentences.len()).any(|s| !doc.is_heading(s)),
    };
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    let merge = |(reports, mut more): (Vec<Report<'_>>, Vec<Skipped>)| {
        skipped.append(&mut more);
        for report in reports {
            merge_report(&mut events, report);
        }
    };
    super::each_sentence(
        doc,
        control,
        super::EVENTS_STAGE,
        |s, sentence| article.read_sentence(s, sentence),
        merge,
    );
    let mut out: Vec<Event> = events.into_values().collect();
    for e in &mut out {
        finish_event(lex, e, names, article_slug, affiliations);
    }
    (out, skipped)
}

/// Adds one report to the event of its key, made on its first report.
fn merge_report(events: &mut BTreeMap<String, Event>, report: Report<'_>) {
    let Report {
        key,
        category,
        kind,
        modality,
        participants,
        place,
        date,
        mention,
        reading,
    } = report;
    let asserted = modality.is_none();
    let event = events.entry(key.clone()).or_insert_with(|| Event {
        modality,
        key,
        category,
        kind: kind.to_owned(),
        label: String::new(),
        participants,
        represented: Vec::new(),
        source: None,
        targets: Vec::new(),
        place: None,
        date: None,
        claimed_by: reading.claimed_by.clone(),
        mentions: Vec::new(),
        readings: Vec::new(),
    });
    if event.source.is_none() && (reading.source.is_some() || event.targets.is_empty()) {
        event.source = reading.source.as_ref().map(|s| s.key.clone());
        event.targets = reading.targets.iter().map(|t| t.key.clone()).collect();
    }
    if event.place.is_none() {
        event.place = place;
    }
    // Reported once as done, it was done; stated once as fact, it is no mere claim.
    if asserted {
        event.modality = None;
    }
    if reading.claimed_by.is_none() {
        event.claimed_by = None;
    }
    if event.date.is_none() {
        event.date = date;
    }
    event.mentions.push(mention);
    event.readings.push(reading);
}

/// An event once all its reports are in: its key across articles, its label, and the
/// countries its officials act for.
fn finish_event(
    lex: &Lexicon,
    e: &mut Event,
    names: &BTreeMap<String, String>,
    article_slug: &str,
    affiliations: &BTreeMap<String, String>,
) {
    // The same act reported by several articles is one node: the key names the category,
    // the participants and the date when stated, not the article.
    let article_part = format!("event:{article_slug}/");
    if let Some(rest) = e.key.strip_prefix(&article_part) {
        e.key = match &e.date {
            Some(date) => format!("event:{rest}@{date}"),
            None => format!("event:{rest}"),
        };
    }
    e.label = label(lex, e, names);
    // Officials act for their countries: "Japanese Defense Minister Haruto Sakai signed"
    // makes Japan a party too. The key and label keep to the people named.
    let countries: Vec<String> = e
        .participants
        .iter()
        .filter_map(|p| affiliations.get(p))
        .filter(|c| c.starts_with("country:"))
        .cloned()
        .collect();
    for c in countries {
        if !e.participants.contains(&c) && !e.represented.contains(&c) {
            e.represented.push(c);
        }
    }
    e.represented.sort();
}

/// The verbs said to be obligations ("said Sudan must return"), under a verb of saying and
/// holding no trigger of their own, each added as a demand: the reading makes the speaker its
/// source and the one who must act its target.
fn obligation_matches(
    lex: &Lexicon,
    parse: &ParsedSentence,
    tree: &Tree<'_>,
    matches: &mut Vec<Match>,
) {
    let rules = &lex.arguments;
    let Some(demand) = lex.triggers.iter().position(|t| t.kind == "demand") else {
        return;
    };
    for (k, w) in parse.words.iter().enumerate() {
        let aux = |list: &str| {
            tree.children[k]
                .iter()
                .any(|&c| parse.words[c].deprel == Deprel::AUX && rules.has(list, &tree.lower[c]))
        };
        let obliged = aux("obligation_modals");
        let said = w.deprel == Deprel::CCOMP
            && w.head
                .is_some_and(|h| rules.has("reporting_verbs", &tree.lower[h]));
        let taken = matches.iter().any(|m| m.tokens.contains(&w.token));
        // '"I must tell you …", she said', '"We should act now"': a duty the speaker owns is
        // no demand on anyone.
        let own = || {
            tree.children[k].iter().any(|&c| {
                parse.words[c].deprel == Deprel::NSUBJ
                    && rules.has("own_duty_subjects", &tree.lower[c])
            })
        };
        // "Ministers should expect it to be re-written", "should know that": a state of mind
        // one is told to be in is a forecast or a warning, not an act demanded.
        if obliged
            && said
            && !taken
            && !own()
            && matches!(w.upos, Upos::Verb | Upos::Aux | Upos::Adj)
            && !rules.has("mind_verbs", &tree.lower[k])
        {
            matches.push(Match {
                tokens: w.token..w.token + 1,
                trigger: demand,
                category: Plover::from_name(&lex.triggers[demand].category),
            });
        }
    }
    matches.sort_by_key(|m| m.tokens.start);
}

/// Whether `words[i]` is a month named in a date ("in May 2026", "on 2 March"), no trigger.
fn is_month(rules: &ArgumentRules, words: &[&str], i: usize) -> bool {
    let w = words[i];
    if rules.month(w).is_none() {
        return false;
    }
    let capitalized = w.chars().next().is_some_and(char::is_uppercase);
    let number_next = words.get(i + 1).is_some_and(|n| n.parse::<u32>().is_ok());
    let number_before = i > 0 && words[i - 1].parse::<u32>().is_ok();
    (capitalized && i > 0) || number_next || number_before
}

/// A year ("2022") or a day and month ("2 March 2026", "March 2, 2026") stated in the range.
fn date_in(rules: &ArgumentRules, doc: &Doc<'_>, tokens: &Range<usize>) -> Option<String> {
    let words: Vec<&str> = tokens.clone().map(|t| doc.word(t)).collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(month) = rules.month(w) {
            let day_before = i.checked_sub(1).and_then(|p| words[p].parse::<u32>().ok());
            let day_after = words.get(i + 1).and_then(|n| n.parse::<u32>().ok());
            let day = day_before.or(day_after).filter(|d| (1..=31).contains(d));
            let year = words[i + 1..words.len().min(i + 4)]
                .iter()
                .find_map(|n| n.parse::<u32>().ok().filter(|y| (1900..2100).contains(y)));
            return match (year, day) {
                (Some(y), Some(d)) => Some(format!("{y}-{month:02}-{d:02}")),
                (Some(y), None) => Some(format!("{y}-{month:02}")),
                _ => None,
            };
        }
    }
    words
        .iter()
        .filter(|w| w.len() == 4)
        .find_map(|w| w.parse::<u32>().ok().filter(|y| (1900..2100).contains(y)))
        .map(|y| y.to_string())
}

fn label(lex: &Lexicon, e: &Event, names: &BTreeMap<String, String>) -> String {
    let kind = lex
        .triggers
        .iter()
        .find(|t| t.kind == e.kind)
        .map_or_else(|| e.kind.replace('_', " "), |t| t.label.clone());
    let name = |k: &String| names.get(k).cloned().unwrap_or_else(|| k.clone());
    let who = if let Some(source) = &e.source {
        let targets: Vec<String> = e.targets.iter().map(name).collect();
        if targets.is_empty() {
            name(source)
        } else {
            format!("{} → {}", name(source), join_names(&targets))
        }
    } else {
        join_names(&e.participants.iter().map(name).collect::<Vec<_>>())
    };
    let mut out = match e.modality {
        Some(m) => format!("{kind} ({}): {who}", m.label()),
        None => format!("{kind}: {who}"),
    };
    out.push_str(&label_tail(e.place.as_deref(), e.date.as_deref()));
    out
}

/// The end of an event's label: " in {place} ({date})", each part when known.
pub fn label_tail(place: Option<&str>, date: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(place) = place {
        out.push_str(" in ");
        out.push_str(place);
    }
    if let Some(date) = date {
        out.push_str(" (");
        out.push_str(date);
        out.push(')');
    }
    out
}

/// Names as a label lists them: "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Slug of an article title, for event keys.
pub fn article_slug(title: &str) -> String {
    let s = slug(title);
    let cut: String = s.split('-').take(6).collect::<Vec<_>>().join("-");
    if cut.is_empty() {
        "article".into()
    } else {
        cut
    }
}
