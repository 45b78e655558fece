//! The extraction pipeline: one article in, its actors, events and issues out, each with the
//! byte spans of the sentences behind it. Stages run in order over one [`Doc`]: tokenize and
//! split sentences, detect actor mentions, resolve them into actors, find events, find issues.
//! Pure and deterministic: no global state, the same article always gives the same result.

pub mod actors;
mod check;
pub mod clusters;
pub mod doc;
pub mod events;
pub mod explain;
pub mod gazetteer;
pub mod groups;
pub mod issues;
pub mod lexicon;
pub mod ner;
pub mod overrides;
pub mod parse;
pub mod plover;
pub mod rules;
#[cfg(test)]
mod stage_tests;
mod table_memory;
mod token_words;
pub mod tokenize;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::ingest::Article;
pub use check::check_extraction;
pub use doc::Doc;
pub use lexicon::Lexicon;
pub use plover::{Plover, QuadClass};

/// The kind of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A country or territory.
    Country,
    /// An organization.
    Organization,
    /// A country's people of one kind, not its state ("Sudanese rebels", "Chadian refugees").
    Group,
}

/// Where in the article something is said: a byte span and the sentence containing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte range of the mention itself.
    pub span: Range<usize>,
    /// Index of the sentence in [`Extraction::sentences`].
    pub sentence: usize,
}

/// An actor of one article, with every mention resolved to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable node key (`person:pete-hegseth`, `country:CHN`, `org:nato`).
    pub key: String,
    /// Person, country or organization.
    pub kind: ActorKind,
    /// Display name.
    pub name: String,
    /// Other surface forms seen in the text, sorted.
    pub aliases: Vec<String>,
    /// Role, when the text (or the people lexicon) gives one.
    pub role: Option<String>,
    /// Key of the country it belongs to.
    pub affiliation: Option<String>,
    /// That country's name (it may not be mentioned in the article itself).
    pub affiliation_name: Option<String>,
    /// Every mention.
    pub mentions: Vec<Mention>,
}

/// How an event is stated, when it is not simply reported as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Announced for later ("will visit", "is set to meet").
    Planned,
    /// Only possible ("a possible attack", "would meet").
    Hypothetical,
    /// Put forward by someone ("proposed talks").
    Proposed,
    /// Asked for ("called for a ceasefire").
    CalledFor,
    /// Agreed on, not yet done ("agreed on talks").
    Agreed,
    /// Said not to have happened ("denied a meeting").
    Denied,
    /// Called off ("cancelled the visit").
    Cancelled,
}

impl Modality {
    /// Plain words for labels.
    pub fn label(self) -> &'static str {
        match self {
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Proposed => "proposed",
            Modality::CalledFor => "called for",
            Modality::Agreed => "agreed",
            Modality::Denied => "denied",
            Modality::Cancelled => "cancelled",
        }
    }
}

/// An event of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable node key.
    pub key: String,
    /// PLOVER category.
    pub category: Plover,
    /// Plain-words kind (`meeting`, `condemnation`).
    pub kind: String,
    /// Readable label.
    pub label: String,
    /// Keys of the participating actors, sorted.
    pub participants: Vec<String>,
    /// Countries and bodies the participants act for ("Japanese Defense Minister Haruto Sakai
    /// signed": Japan; "foreign ministry spokesperson Lin Wenhao": the ministry), sorted. They
    /// take part too, but meet or agree with nobody themselves.
    pub represented: Vec<String>,
    /// The actor that acts, when the sentence gives a direction.
    pub source: Option<String>,
    /// The actors acted upon.
    pub targets: Vec<String>,
    /// Where it happened, when stated.
    pub place: Option<String>,
    /// When it happened (`2022`, `2026-03`, `2026-03-02`), when stated.
    pub date: Option<String>,
    /// How it is stated, when not simply reported as done.
    pub modality: Option<Modality>,
    /// Who says it happened, when every report of it is someone's claim ("X said Y attacked
    /// Z": a claim of X's).
    pub claimed_by: Option<String>,
    /// The trigger words, one per report of the event.
    pub mentions: Vec<Mention>,
    /// How each report was read off its sentence, parallel to `mentions`.
    pub readings: Vec<EventReading>,
}

/// An actor's words in one report of an event, and why they take that role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSpan {
    /// The actor's key.
    pub key: String,
    /// Byte range of its words in the text.
    pub span: Range<usize>,
    /// Why, in words ("subject of 'condemned'").
    pub why: String,
}

/// How one report of an event was read off the parse of its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EventReading {
    /// Ids of the argument patterns that gave its roles (`assets/lexicon/arguments.json`).
    pub patterns: Vec<String>,
    /// Who acts.
    pub source: Option<RoleSpan>,
    /// Who is acted on.
    pub targets: Vec<RoleSpan>,
    /// The sides of a mutual act named without direction ("talks between A and B").
    pub parties: Vec<RoleSpan>,
    /// Who reports it, when the sentence gives it as someone's claim.
    pub claimed_by: Option<String>,
}

/// An issue discussed in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Stable node key (`issue:south-china-sea`).
    pub key: String,
    /// Display name.
    pub name: String,
    /// Other names used for it in the text.
    pub aliases: Vec<String>,
    /// Every mention.
    pub mentions: Vec<Mention>,
    /// Keys of the actors discussed with it.
    pub actors: Vec<String>,
    /// Keys of the events discussed with it.
    pub events: Vec<String>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Extraction {
    /// Byte range of every sentence.
    pub sentences: Vec<Range<usize>>,
    /// Actors.
    pub actors: Vec<Actor>,
    /// Events.
    pub events: Vec<Event>,
    /// Issues.
    pub issues: Vec<Issue>,
    /// Places named as places, not actors ("talks in Manila"), in text order.
    pub places: Vec<Mention>,
    /// Number of tokens (for throughput figures).
    pub token_count: usize,
    /// Triggers that gave no event, with why (for `eval events --errors` and the tests).
    pub skipped: Vec<Skipped>,
}

/// A trigger that gave no event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Byte range of the trigger words.
    pub span: Range<usize>,
    /// Why: how the sentence states it ("negated", "conditional", ...), the id of the sense
    /// rule that dropped it, or that no actor takes part.
    pub reason: String,
}

/// The extraction was stopped by its caller before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the extraction was cancelled")]
pub struct Cancelled;

/// What the caller of [`extract_with`] sees of one extraction under way, and how it stops
/// it: a flag checked between sentences, and a report of the fraction of the article done.
#[derive(Clone, Copy)]
pub struct Control<'a> {
    cancel: Option<&'a AtomicBool>,
    progress: Option<&'a (dyn Fn(f32) + Sync)>,
}

impl Control<'static> {
    /// Runs to the end and tells nobody.
    pub const NONE: Self = Control {
        cancel: None,
        progress: None,
    };
}

impl<'a> Control<'a> {
    /// Stops soon after `cancel` becomes true; `progress` gets the fraction done (0 to 1).
    pub fn new(cancel: &'a AtomicBool, progress: &'a (dyn Fn(f32) + Sync)) -> Self {
        Self {
            cancel: Some(cancel),
            progress: Some(progress),
        }
    }

    /// Whether the caller asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }

    /// Reports that sentence `done` of `total` of the stage between `from` and `to` (fractions
    /// of the whole extraction) is reached; whether to go on.
    pub fn step(&self, (from, to): (f32, f32), done: usize, total: usize) -> bool {
        if let Some(report) = self.progress {
            #[allow(clippy::cast_precision_loss, reason = "a fraction for a progress bar")]
            let within = done as f32 / total.max(1) as f32;
            report(from + (to - from) * within.min(1.0));
        }
        !self.is_cancelled()
    }
}

/// The share of the work each stage takes, as fractions of the whole (measured on long
/// articles: the tagger in actor detection and the parser in event detection take most).
pub const ACTORS_STAGE: (f32, f32) = (0.0, 0.55);
/// Event detection's share (see [`ACTORS_STAGE`]).
pub const EVENTS_STAGE: (f32, f32) = (0.6, 0.95);

/// Sentences read in parallel at a time by [`each_sentence`]: enough to keep every core busy,
/// few enough that their results stay small (an article of 100,000 sentences would otherwise
/// hold the results of all of them at once). An article shorter than one batch is read on
/// the calling thread: it takes a few milliseconds, and articles opened together already
/// keep the cores busy.
const SENTENCE_BATCH: usize = 256;

/// Runs `work` on every sentence of `doc` and hands each result to `merge` in sentence order,
/// so what is made of them never depends on how many threads there were. A long article's
/// sentences are worked on by the threads of the current rayon pool, a batch at a time;
/// a short one's (or any in a one-thread pool) one after the other on this thread.
/// Progress counts the sentences begun, one at a time under a lock, so the fraction reported
/// never goes back whichever thread takes which sentence. Returns `false` when `control` was
/// cancelled: no sentence is begun after that, and the batch under way is not merged.
pub(crate) fn each_sentence<T: Send>(
    doc: &Doc<'_>,
    control: Control<'_>,
    stage: (f32, f32),
    work: impl Fn(usize, &doc::Sentence) -> T + Sync,
    mut merge: impl FnMut(T),
) -> bool {
    use rayon::prelude::*;
    let total = doc.sentences.len();
    if total < SENTENCE_BATCH || rayon::current_num_threads() == 1 {
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if !control.step(stage, s, total) {
                return false;
            }
            merge(work(s, sentence));
        }
        return true;
    }
    let begun = Mutex::new(0_usize);
    for first in (0..total).step_by(SENTENCE_BATCH) {
        let batch = &doc.sentences[first..total.min(first + SENTENCE_BATCH)];
        let results: Option<Vec<T>> = batch
            .par_iter()
            .enumerate()
            .map(|(k, sentence)| {
                {
                    let mut begun = begun.lock().unwrap_or_else(PoisonError::into_inner);
                    if !control.step(stage, *begun, total) {
                        return None;
                    }
                    *begun += 1;
                }
                Some(work(first + k, sentence))
            })
            .collect();
        let Some(results) = results else {
            return false;
        };
        results.into_iter().for_each(&mut merge);
    }
    true
}

/// Runs the whole pipeline on one article.
///
/// # Panics
/// Never: with no cancel flag, nothing stops the extraction.
pub fn extract(article: &Article, lex: &Lexicon) -> Extraction {
    extract_with(article, lex, Control::NONE)
        .expect("an extraction with no cancel flag always finishes")
}

/// Runs the whole pipeline on one article, reporting progress and stopping between sentences
/// once `control` is cancelled.
///
/// # Errors
/// [`Cancelled`] when the caller's flag was set before the extraction finished.
pub fn extract_with(
    article: &Article,
    lex: &Lexicon,
    control: Control<'_>,
) -> Result<Extraction, Cancelled> {
    let doc = Doc::new(article);
    let (mut hits, issues_at) = actors::detect_with_issues(&doc, lex, control);
    if control.is_cancelled() {
        return Err(Cancelled);
    }
    let mut actors = actors::resolve(&doc, lex, &mut hits);
    for a in &mut actors {
        a.affiliation_name = a
            .affiliation
            .as_deref()
            .and_then(|k| k.strip_prefix("country:"))
            .and_then(|iso| lex.country_by_iso(iso))
            .map(|c| lex.countries[c].name.clone());
    }
    let mut names: BTreeMap<String, String> = actors
        .iter()
        .map(|a| (a.key.clone(), a.name.clone()))
        .collect();
    let issue_scan = issues::scan(&doc, lex, &hits, &issues_at);
    let (capital_places, town_places) =
        country_places(&doc, lex, &hits, &issue_scan.territories, &mut names);
    let affiliations: BTreeMap<String, String> = actors
        .iter()
        .filter_map(|a| a.affiliation.clone().map(|c| (a.key.clone(), c)))
        .collect();
    // The country the article's actors belong to: "the government" of an article that names
    // none is its government, even where the article never names the country itself.
    let home = events::arguments::home_country(&affiliations, &hits);
    if let Some(key) = &home {
        name_country(lex, &mut names, key);
    }
    // "Sudanese rebels", "Chadian refugees": the people groups of every country named, or
    // whose capital is named as a place ("demonstrators in Baghdad"), or one of whose regional
    // peoples the article names ("Darfur rebels").
    let capitals = Capitals::of(doc.text);
    let regional: Vec<String> = lex
        .arguments
        .peoples
        .iter()
        .filter(|p| p.words.iter().any(|w| names_word(doc.text, &capitals, w)))
        .map(|p| format!("country:{}", p.country))
        .collect();
    // (their country is named after them where it takes part: "Burmese rebels" of Myanmar)
    for key in &regional {
        name_country(lex, &mut names, key);
    }
    let countries: std::collections::BTreeSet<&str> = hits
        .iter()
        .filter(|h| matches!(h.found, actors::Found::Country { .. }))
        .map(|h| h.key.as_str())
        .chain(capital_places.iter().map(|(key, _)| key.as_str()))
        .chain(regional.iter().map(String::as_str))
        .collect();
    for key in countries {
        for (group, name) in groups::names(lex, key) {
            names.entry(group).or_insert(name);
        }
    }
    let slug = events::article_slug(&article.title);
    let (events, skipped) = events::detect(&doc, lex, &hits, &names, &slug, &affiliations, control);
    if control.is_cancelled() {
        return Err(Cancelled);
    }
    let named_before: std::collections::BTreeSet<String> =
        actors.iter().map(|a| a.key.clone()).collect();
    for (key, mention) in capital_places.into_iter().chain(town_places) {
        if named_before.contains(&key) {
            continue;
        }
        let takes_part = events.iter().any(|e| {
            e.source.as_ref() == Some(&key)
                || e.targets.contains(&key)
                || e.participants.contains(&key)
        });
        if !takes_part {
            continue;
        }
        match actors.iter_mut().find(|a| a.key == key) {
            Some(a) => a.mentions.push(mention),
            None => actors.push(country_actor(key, &names, vec![mention])),
        }
    }
    add_home_country(&mut actors, home, &named_before, &names, &events);
    groups::add_actors(&mut actors, &names, &events);
    let issues = issues::detect(&doc, lex, &hits, &events, &issue_scan);
    let places = hits
        .iter()
        .filter(|h| matches!(h.found, actors::Found::Place { .. }))
        .map(|h| Mention {
            span: doc.tokens[h.tokens.start].span.start..doc.tokens[h.tokens.end - 1].span.end,
            sentence: h.sentence,
        })
        .collect();
    let mut extraction = Extraction {
        sentences: doc.sentences.iter().map(|s| s.span.clone()).collect(),
        places,
        actors,
        events,
        issues,
        token_count: doc.tokens.len(),
        skipped,
    };
    // The user's corrections from the override folder, when there are any.
    overrides::apply(&mut extraction, &lex.corrections);
    control.step((1.0, 1.0), 1, 1);
    Ok(extraction)
}

/// Where a text's ASCII capitals are, letter by letter: the offsets of the `A`s, then of the
/// `B`s, and so on, each letter's run in text order.
struct Capitals {
    offsets: Vec<usize>,
    /// Where each letter's run starts in `offsets` (and where the last ends).
    starts: [usize; 27],
}

impl Capitals {
    fn of(text: &str) -> Self {
        let mut starts = [0; 27];
        for b in text.bytes().filter(u8::is_ascii_uppercase) {
            starts[usize::from(b - b'A') + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts;
        let mut offsets = vec![0; starts[26]];
        for (i, b) in text.bytes().enumerate() {
            if b.is_ascii_uppercase() {
                let k = usize::from(b - b'A');
                offsets[next[k]] = i;
                next[k] += 1;
            }
        }
        Self { offsets, starts }
    }

    /// The offsets of `letter` (an ASCII capital).
    fn of_letter(&self, letter: u8) -> &[usize] {
        let k = usize::from(letter - b'A');
        &self.offsets[self.starts[k]..self.starts[k + 1]]
    }
}

/// Whether `text` contains `word` as written or in capitals, wherever `str::contains` finds
/// them (inside longer words too). An ASCII word that opens with a capital (every regional
/// people's word) can start only where `capitals` has that letter, so the text is not
/// searched once for each word and each form.
fn names_word(text: &str, capitals: &Capitals, word: &str) -> bool {
    let w = word.as_bytes();
    let Some(&first) = w
        .first()
        .filter(|b| b.is_ascii_uppercase() && word.is_ascii())
    else {
        return text.contains(word) || text.contains(word.to_uppercase().as_str());
    };
    let t = text.as_bytes();
    capitals.of_letter(first).iter().any(|&i| {
        t.get(i..i + w.len()).is_some_and(|s| {
            s.iter().zip(w).all(|(a, b)| a == b)
                || s.iter().zip(w).all(|(&a, b)| a == b.to_ascii_uppercase())
        })
    })
}

/// A country's key and where a place of it is named.
type CountryPlace = (String, Mention);

/// Gives the country `key` (`country:ISO`) its lexicon name in `names` when it has none.
fn name_country(lex: &Lexicon, names: &mut BTreeMap<String, String>, key: &str) {
    if !names.contains_key(key)
        && let Some(c) = key
            .strip_prefix("country:")
            .and_then(|iso| lex.country_by_iso(iso))
    {
        names.insert(key.to_owned(), lex.countries[c].name.clone());
    }
}

/// A capital named as a place ("arrived in Amman") stands for its country where an act is
/// aimed at it, and so may a town of another country than the actor's ("fired at targets in
/// Jericho") or a territory of one country ("the West Bank"); such a country becomes an actor
/// only when an event takes it as a party. Returns the capitals' countries and the towns' and
/// territories' (`territories`, from [`issues::scan`]) with where they are named, each
/// country named in `names`.
fn country_places(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[actors::Hit],
    territories: &[(usize, issues::Territory<'_>)],
    names: &mut BTreeMap<String, String>,
) -> (Vec<CountryPlace>, Vec<CountryPlace>) {
    let mut town_places: Vec<CountryPlace> = Vec::new();
    let capital_places: Vec<CountryPlace> = hits
        .iter()
        .filter_map(|h| {
            let actors::Found::Place { name } = &h.found else {
                return None;
            };
            let mention = Mention {
                span: doc.tokens[h.tokens.start].span.start..doc.tokens[h.tokens.end - 1].span.end,
                sentence: h.sentence,
            };
            let Some(country) = lex.country_of_capital(name) else {
                if let Some(country) = lex.country_of_town(name) {
                    town_places.push((format!("country:{}", country.iso3), mention));
                }
                return None;
            };
            Some((format!("country:{}", country.iso3), mention))
        })
        .collect();
    for (s, (span, key, _)) in territories {
        town_places.push((
            key.clone(),
            Mention {
                span: span.clone(),
                sentence: *s,
            },
        ));
    }
    for (key, _) in capital_places.iter().chain(&town_places) {
        name_country(lex, names, key);
    }
    (capital_places, town_places)
}

/// A country that takes part in an event as an actor, named by the lexicon's name for `key`.
fn country_actor(key: String, names: &BTreeMap<String, String>, mentions: Vec<Mention>) -> Actor {
    Actor {
        name: names.get(&key).cloned().unwrap_or_else(|| key.clone()),
        key,
        kind: ActorKind::Country,
        aliases: Vec::new(),
        role: None,
        affiliation: None,
        affiliation_name: None,
        mentions,
    }
}

/// A home country (see [`events::arguments::home_country`]) the article never names becomes
/// an actor where an event takes it as a party, its mentions the words that stood for it
/// ("the government").
fn add_home_country(
    actors: &mut Vec<Actor>,
    home: Option<String>,
    named_before: &std::collections::BTreeSet<String>,
    names: &BTreeMap<String, String>,
    events: &[Event],
) {
    let Some(key) = home.filter(|k| !named_before.contains(k)) else {
        return;
    };
    let mut mentions = groups::role_mentions(events, &key);
    match actors.iter_mut().find(|a| a.key == key) {
        // A capital named as a place made it an actor already.
        Some(a) => {
            for m in mentions {
                if !a.mentions.contains(&m) {
                    a.mentions.push(m);
                }
            }
            a.mentions.sort_by_key(|m| m.span.start);
        }
        None if !mentions.is_empty() => {
            mentions.sort_by_key(|m| m.span.start);
            actors.push(country_actor(key, names, mentions));
        }
        None => {}
    }
}

/// Lower-case slug: letters and digits kept, everything else folded into single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        let c = match c {
            '\'' | '\u{2019}' | '.' => continue,
            _ => c,
        };
        // (ASCII, nearly every letter of a name, by ASCII rules: the same answers, without
        // the Unicode tables.)
        let kept = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if kept {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_named_as_written_or_in_capitals() {
        let text = "Rebels from DARFUR and Darfuri refugees met a tamil MP; ça va";
        let capitals = Capitals::of(text);
        for word in [
            "Darfur", "Darfuri", "Tamil", "MP", "Rebels", "Ça", "ça", "va", "DARFURI", "Fur",
        ] {
            assert_eq!(
                names_word(text, &capitals, word),
                text.contains(word) || text.contains(word.to_uppercase().as_str()),
                "{word}"
            );
        }
    }

    #[test]
    fn slug_folds_punctuation() {
        assert_eq!(slug("Pete Hegseth"), "pete-hegseth");
        assert_eq!(slug("People's Liberation Army"), "peoples-liberation-army");
        assert_eq!(slug("  U.S.  Navy "), "us-navy");
        assert_eq!(slug("Erdoğan"), "erdoğan");
        assert_eq!(slug("ÇA-va 2024, ÉTÉ"), "ça-va-2024-été");
        // The ASCII path keeps and folds as the Unicode rules do.
        for c in (0u8..=127).map(char::from) {
            assert_eq!(c.is_ascii_alphanumeric(), c.is_alphanumeric(), "{c:?}");
            assert_eq!(
                c.to_ascii_lowercase().to_string(),
                c.to_lowercase().to_string()
            );
        }
    }
}
