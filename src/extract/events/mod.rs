//! Events: trigger words and phrases from the trigger lexicon, typed with PLOVER categories;
//! who acts and who is acted on read off the dependency parse of the sentence by the argument
//! patterns of `assets/lexicon/arguments.json` ([`patterns`], [`reading`]); the actors those
//! words name ([`arguments`]); place, date and how the act is stated. One event per category
//! and participant set within an article.

pub mod arguments;
pub mod parsing;
pub mod patterns;
pub mod reading;
pub mod senses;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::ops::Range;

use super::actors::Hit;
use super::doc::Doc;
use super::lexicon::{Lexicon, Target};
use super::parse::{Deprel, ParsedSentence, Upos};
use super::plover::{Plover, QuadClass};
use super::{Event, EventReading, Mention, Modality, RoleSpan, Skipped, slug};
use arguments::{PlaceHit, Resolver};
use patterns::Role;
use reading::Tree;
use senses::Effect;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

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
    let resolver = Resolver::new(doc, &lex.arguments, hits, &by_sentence);
    let rules = &lex.arguments;
    // An article that is all headline (a one-line file) still has its acts read.
    let has_body = (0..doc.sentences.len()).any(|s| !doc.is_heading(s));
    let read = |s: usize, sentence: &super::doc::Sentence| {
        let mut skipped: Vec<Skipped> = Vec::new();
        let mut reports: Vec<Report<'_>> = Vec::new();
        let words: Vec<&str> = sentence.tokens.clone().map(|i| doc.word(i)).collect();
        let mut matches: Vec<Match> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some((len, Target::Trigger(t))) = lex.trigger_table.longest_at(&words, i) else {
                i += 1;
                continue;
            };
            let global = sentence.tokens.start + i;
            if !(global..global + len).any(|g| covered[g]) && !is_month(&words, i) {
                matches.push(Match {
                    tokens: global..global + len,
                    trigger: t,
                    category: Plover::from_name(&lex.triggers[t].category),
                });
            }
            i += len;
        }
        // "Russia said Sudan must return the helicopter": what one says another must do is a
        // demand, whatever the verb; such sentences are parsed too.
        let mentions_obligation = words
            .iter()
            .any(|w| rules.has("obligation_modals", &w.to_lowercase()));
        // Headlines are written in a shorthand the parser was not trained on ("Labour
        // accused of broken pledge"); their acts are told again in the text.
        if (matches.is_empty() && !mentions_obligation) || (doc.is_heading(s) && has_body) {
            return (reports, skipped);
        }
        // Only sentences with a trigger are parsed: the parse serves the events alone.
        let (parse, names_of_words) = parsing::parse_sentence(lex, doc, s, &by_sentence[s]);
        let mut tree = Tree::new(doc, &parse);
        if mentions_obligation {
            obligation_matches(lex, &parse, &tree, &mut matches);
        }
        let word_range = |tokens: &Range<usize>| -> Option<Range<usize>> {
            let span = doc.tokens[tokens.start].span.start..doc.tokens[tokens.end - 1].span.end;
            let inside: Vec<usize> = parse
                .words
                .iter()
                .enumerate()
                .filter(|(_, w)| w.span.start < span.end && span.start < w.span.end)
                .map(|(k, _)| k)
                .collect();
            Some(*inside.first()?..*inside.last()? + 1)
        };
        let ranges: Vec<Option<Range<usize>>> =
            matches.iter().map(|m| word_range(&m.tokens)).collect();
        for (m, r) in ranges.iter().enumerate() {
            for w in r.clone().into_iter().flatten() {
                tree.trigger_of[w] = Some(m);
            }
        }
        for (k, n) in names_of_words.iter().enumerate() {
            tree.is_name[k] = n.is_some();
        }
        let categories: Vec<Option<Plover>> = matches.iter().map(|m| m.category).collect();
        if log::log_enabled!(log::Level::Debug) {
            let lines: Vec<String> = parse
                .words
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    format!(
                        "{k:>3} {:<14} {:<5} {:<10} -> {}",
                        tree.text[k],
                        w.upos.name(),
                        w.deprel.name(),
                        w.head.map_or_else(|| "root".to_owned(), |h| h.to_string())
                    )
                })
                .collect();
            log::debug!("parse of sentence {s}:\n{}", lines.join("\n"));
        }
        let sentence_resolver = resolver.sentence(s, &tree, rules, &names_of_words);
        // First every trigger's reading; then what a trigger is about (its content: "agreed
        // to lift sanctions on Iran") lends its targets to it.
        let mut readings: Vec<Option<reading::Reading>> = matches
            .iter()
            .zip(&ranges)
            .map(|(m, range)| {
                let (Some(category), Some(range)) = (m.category, range) else {
                    return None;
                };
                Some(reading::read(
                    &tree,
                    rules,
                    range,
                    (category, &lex.triggers[m.trigger].kind),
                    &categories,
                ))
            })
            .collect();
        // Deepest first, so what is lent along a chain ("agreed to provide aid for X") reaches
        // the top.
        let depth = |k: usize| {
            let mut x = ranges[k].as_ref().map_or(0, |r| tree.head_of(r));
            let mut d = 0;
            while let Some(h) = parse.words[x].head
                && d < parse.words.len()
            {
                x = h;
                d += 1;
            }
            d
        };
        let mut order: Vec<usize> = (0..readings.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(depth(k)));
        for k in order {
            let Some(inner) = readings[k].as_ref() else {
                continue;
            };
            let Some(g) = inner.governor.and_then(|w| tree.trigger_of[w]) else {
                continue;
            };
            // An answer to a proposal, a demand or an offer ("rejected calls by Ecuador") is
            // aimed at whoever made it.
            let inner_word = ranges[k].as_ref().map(|r| tree.head_of(r));
            let outer_word = ranges[g].as_ref().map(|r| tree.head_of(r));
            let answers = inner_word
                .is_some_and(|w| matches!(tree.pos(w), Upos::Noun | Upos::Propn))
                && categories[g].is_some_and(|c| rules.has("answering_categories", c.name()));
            let same_act = inner.governed_as == reading::Governed::SameAct;
            // "denied accusing Germany": a denial of one's own act is aimed at whoever
            // charged them with it, not at the one that act was done to.
            let own_act_denied = inner_word.is_some_and(|w| {
                tree.pos(w) == Upos::Verb && tree.children_named(w, &["nsubj"]).next().is_none()
            }) && rules
                .has("own_act_denials", &lex.triggers[matches[g].trigger].kind);
            // "investigating war crimes by X against Y": an inquiry into an act is aimed at
            // whoever did it, not at whom it was done to.
            let probes = !same_act
                && categories[g].is_some_and(|c| rules.has("probing_categories", c.name()));
            let lent: Vec<reading::Argument> = inner
                .arguments
                .iter()
                .filter(|a| {
                    if probes {
                        return a.role == Role::Source;
                    }
                    a.role == Role::Target && !own_act_denied
                        || (answers || same_act) && a.role == Role::Source
                })
                .map(|a| reading::Argument {
                    role: if same_act { a.role } else { Role::Target },
                    word: a.word,
                    pattern: format!("content:{}", a.pattern),
                    why: if same_act {
                        format!("{}, in the act's own words", a.why)
                    } else if probes {
                        format!(
                            "{}, whose act '{}' looks into",
                            a.why,
                            outer_word.map_or("", |w| tree.text[w])
                        )
                    } else if a.role == Role::Source {
                        format!(
                            "{}, which '{}' answers",
                            a.why,
                            outer_word.map_or("", |w| tree.text[w])
                        )
                    } else {
                        format!("{}, in what it is about", a.why)
                    },
                })
                .collect();
            // Where the act it is about happens is where this one is aimed, when it names
            // no place of its own ("threatened to impose a curfew in Algiers").
            let lent_places = (
                inner.places.clone(),
                match inner.places_from {
                    reading::PlacesFrom::Act(c) => Some(c),
                    _ => categories[k],
                },
            );
            if let Some(Some(outer)) = readings.get_mut(g) {
                if outer.places.is_empty() && !lent_places.0.is_empty() {
                    outer.places = lent_places.0;
                    outer.places_from = lent_places
                        .1
                        .map_or(reading::PlacesFrom::Own, reading::PlacesFrom::Act);
                }
                outer.arguments.extend(lent);
                if same_act {
                    outer.named_by = Some(k);
                }
            }
        }
        for ((m, range), r) in matches.iter().zip(&ranges).zip(readings.iter_mut()) {
            let (Some(category), Some(range), Some(r)) = (m.category, range, r.take()) else {
                continue;
            };
            // "provided military aid": the noun names the act the verb does.
            let mut trigger = &lex.triggers[r.named_by.map_or(m.trigger, |k| matches[k].trigger)];
            let mut category = category;
            let span = doc.tokens[m.tokens.start].span.start..doc.tokens[m.tokens.end - 1].span.end;
            let mut skip = |reason: &str| {
                skipped.push(Skipped {
                    span: span.clone(),
                    reason: reason.to_owned(),
                });
            };
            log::debug!("{:?}: {:?}", trigger.kind, r);
            if let Some(why) = r.unreal {
                skip(why);
                continue;
            }
            // Each role's actors, in the order the patterns gave them.
            let mut source: Option<RoleSpan> = None;
            let mut co_sources: Vec<String> = Vec::new();
            let mut targets: Vec<RoleSpan> = Vec::new();
            let mut parties: Vec<RoleSpan> = Vec::new();
            let mut patterns_used: Vec<String> = Vec::new();
            let mut filled_by: BTreeMap<&'static str, String> = BTreeMap::new();
            for a in &r.arguments {
                let slot = match a.role {
                    Role::Source => "source",
                    Role::Target => "target",
                    Role::Party => "party",
                };
                // A role filled by an earlier pattern is not filled again; the conjuncts of
                // the same pattern add up.
                if filled_by.get(slot).is_some_and(|p| *p != a.pattern) {
                    continue;
                }
                let not_capitals = rules
                    .patterns
                    .iter()
                    .any(|p| p.id == a.pattern && p.not_capitals);
                if not_capitals && sentence_resolver.is_capital(a.word) {
                    continue;
                }
                let mut found = sentence_resolver.actors_of(a.word);
                // Nobody acts on themselves: a target that is the source leaves the slot to
                // the next pattern.
                if a.role == Role::Target
                    && let Some(src) = &source
                {
                    found.retain(|(k, _)| *k != src.key);
                }
                if found.is_empty() {
                    continue;
                }
                filled_by.insert(slot, a.pattern.clone());
                if !patterns_used.contains(&a.pattern) {
                    patterns_used.push(a.pattern.clone());
                }
                for (key, span) in found {
                    let role = RoleSpan {
                        key,
                        span,
                        why: a.why.clone(),
                    };
                    match a.role {
                        Role::Source => match &source {
                            None => source = Some(role),
                            Some(first) if first.key != role.key => {
                                if !co_sources.contains(&role.key) {
                                    co_sources.push(role.key);
                                }
                            }
                            Some(_) => {}
                        },
                        Role::Target => {
                            if !targets.iter().any(|t| t.key == role.key) {
                                targets.push(role);
                            }
                        }
                        Role::Party => {
                            if !parties.iter().any(|t| t.key == role.key) {
                                parties.push(role);
                            }
                        }
                    }
                }
            }
            // "a statement that drew condemnation from Beijing": a reaction with no target named
            // is aimed at whoever the sentence is about, its main subject.
            if targets.is_empty()
                && matches!(
                    category,
                    Plover::Disapprove | Plover::Reject | Plover::Support
                )
            {
                let w = tree.head_of(range);
                let reaction = parse.words[w].deprel.name() == "obj"
                    && parse.words[w]
                        .head
                        .is_some_and(|h| rules.has("reaction_verbs", &tree.lower[h]));
                if reaction && let Some(root) = parse.root() {
                    let subject = tree.children[root]
                        .iter()
                        .copied()
                        .find(|&c| parse.words[c].deprel.name() == "nsubj");
                    for (key, span) in subject
                        .map(|c| sentence_resolver.actors_of(c))
                        .unwrap_or_default()
                    {
                        if source.as_ref().is_none_or(|s| s.key != key) {
                            patterns_used.push("reaction-to-subject".to_owned());
                            targets.push(RoleSpan {
                                key,
                                span,
                                why: format!(
                                    "main subject of the sentence, whose words drew the '{}'",
                                    tree.text[w]
                                ),
                            });
                        }
                    }
                }
            }
            // A trigger with several senses: its place in the parse and who takes part say which.
            let head_word = tree.head_of(range);
            let words_of = |role: Role| -> Vec<usize> {
                r.arguments
                    .iter()
                    .filter(|a| a.role == role)
                    .map(|a| a.word)
                    .collect()
            };
            let argument_words = senses::ArgumentWords {
                sources: words_of(Role::Source),
                targets: words_of(Role::Target),
            };
            let source_kind = source.as_ref().and_then(|s| {
                if s.key.starts_with("person:") {
                    Some("person")
                } else if !s.key.starts_with("org:") {
                    None
                } else {
                    match lex.organization(&s.key).map(|o| o.kind.as_str()) {
                        Some("party") => Some("party"),
                        Some("military") => Some("military"),
                        Some(
                            "armed_group" | "government" | "international" | "agency"
                            | "legislature" | "court",
                        ) => None,
                        _ => Some("civil_body"),
                    }
                }
            });
            let mut dropped = false;
            for sense in &rules.senses {
                if !sense.applies_to(&trigger.kind, category.name())
                    || !sense.holds(&tree, head_word, &argument_words, source_kind)
                {
                    continue;
                }
                patterns_used.push(sense.id.clone());
                match &sense.effect {
                    Effect::Drop => {
                        skip(&sense.id);
                        dropped = true;
                    }
                    Effect::Kind(k) => {
                        if let Some(t) = lex.triggers.iter().find(|t| &t.kind == k)
                            && let Some(c) = Plover::from_name(&t.category)
                        {
                            trigger = t;
                            category = c;
                        }
                    }
                }
                break;
            }
            if dropped {
                continue;
            }
            // "Russia said Sudan must return the helicopter": what one says another must do is
            // a demand of the speaker's on the one who must act.
            if r.obligation {
                let speaker = r
                    .reporter
                    .and_then(|w| sentence_resolver.actors_of(w).into_iter().next());
                let Some((speaker, speaker_span)) = speaker else {
                    skip("an obligation no one in the sentence states");
                    continue;
                };
                let Some(demand) = lex.triggers.iter().find(|t| t.kind == "demand") else {
                    continue;
                };
                let Some(c) = Plover::from_name(&demand.category) else {
                    continue;
                };
                // A duty of no one named ("it should be clear", "the money should have been
                // used") is an opinion, not a demand on anyone; an act someone must undergo
                // ("sanctions on Iran must be lifted") is demanded for those it touches.
                let obliged: Vec<RoleSpan> = source.take().into_iter().collect();
                if obliged.is_empty() && (trigger.kind == "demand" || targets.is_empty()) {
                    skip("an obligation on no one named");
                    continue;
                }
                patterns_used.push(format!("obligation:{}", trigger.kind));
                if !obliged.is_empty() {
                    let why = format!(
                        "the one who must '{}'",
                        doc.text.get(span.clone()).unwrap_or("")
                    );
                    targets = obliged
                        .into_iter()
                        .map(|s| RoleSpan {
                            why: why.clone(),
                            ..s
                        })
                        .collect();
                }
                co_sources.clear();
                source = Some(RoleSpan {
                    key: speaker,
                    span: speaker_span,
                    why: "who says it must be done".to_owned(),
                });
                trigger = demand;
                category = c;
            }
            // An agreement tried for and not reached.
            if r.failed_agreement
                && let Some(t) = lex.triggers.iter().find(|t| t.kind == "failed_agreement")
                && let Some(c) = Plover::from_name(&t.category)
            {
                patterns_used.push(format!("failed:{}", trigger.kind));
                trigger = t;
                category = c;
            }
            // Said of the future, a cooperative act is a pledge ("will provide aid", "will
            // visit Chile": an AGREE of PLOVER's, the intent to cooperate) and a hostile one a
            // threat ("would blockade Paris": THREATEN).
            let mut modality = r.modality;
            let acted = category;
            if r.ultimatum || matches!(modality, Some(Modality::Planned | Modality::Hypothetical)) {
                let intent = match category.quad() {
                    _ if r.ultimatum && category != Plover::Threaten => Some("threat"),
                    QuadClass::VerbalCooperation | QuadClass::MaterialCooperation
                        if category != Plover::Agree =>
                    {
                        Some("pledge")
                    }
                    // Planned exercises and deployments are no threat in themselves.
                    QuadClass::MaterialConflict if category != Plover::Mobilize => Some("threat"),
                    _ => None,
                };
                if let Some(kind) = intent
                    && let Some(t) = lex.triggers.iter().find(|t| t.kind == kind)
                    && let Some(c) = Plover::from_name(&t.category)
                {
                    patterns_used.push(format!("intent:{}", trigger.kind));
                    trigger = t;
                    category = c;
                    modality = None;
                }
            }
            // The place: an actor named after "in" or "at" is where it happens, not a party.
            // ("Turkish authorities imposed a curfew in Turkey": the same country by another
            // word still acts.)
            let mut place: Option<String> = None;
            let mut places = Vec::new();
            for &w in &r.places {
                for hit in sentence_resolver.places_of(w, names) {
                    place.get_or_insert_with(|| hit.name.clone());
                    places.push(hit);
                }
            }
            let is_place = |role: &RoleSpan| {
                places.iter().any(|p| {
                    p.key == role.key
                        && p.span.start < role.span.end
                        && role.span.start < p.span.end
                })
            };
            if source.as_ref().is_some_and(is_place) {
                source = None;
            }
            targets.retain(|t| !is_place(t));
            parties.retain(|t| !is_place(t));
            // Nobody acts on themselves, and an official's own country is on their side.
            if let Some(src) = &source {
                let own = affiliations.get(&src.key);
                targets.retain(|t| t.key != src.key && Some(&t.key) != own);
                co_sources.retain(|k| k != &src.key);
            }
            // A material act on nobody named is done to the country it happens in ("imposed a
            // curfew in Lebanon", "arrived in Jordan on a visit"), as event coders read it.
            if let Some(src) = &source
                && targets.is_empty()
                && parties.is_empty()
                && co_sources.is_empty()
                && (r.places_from != reading::PlacesFrom::PlainVerb
                    && rules.has("place_target_categories", acted.name())
                    || matches!(r.places_from, reading::PlacesFrom::Act(c)
                        if rules.has("place_target_categories", c.name()))
                    || r.places_from != reading::PlacesFrom::Own
                        && rules.has("content_place_categories", acted.name()))
            {
                let own = affiliations.get(&src.key);
                // A capital named as the place stands for its country here.
                let country_key = |p: &PlaceHit| {
                    if p.country {
                        Some(p.key.clone())
                    } else {
                        // (only a country the article names as an actor)
                        lex.country_of_capital(&p.name)
                            .map(|c| format!("country:{}", c.iso3))
                            .filter(|k| names.contains_key(k))
                    }
                };
                if let Some((p, key)) = places
                    .iter()
                    .filter_map(|p| country_key(p).map(|k| (p, k)))
                    // A city of the actor's own country is still acted on ("the president
                    // extended the curfew in the capital"); the country itself is not.
                    .find(|(p, k)| k != &src.key && (Some(k) != own || !p.country || p.capital))
                {
                    patterns_used.push("place-target".to_owned());
                    targets.push(RoleSpan {
                        key,
                        span: p.span.clone(),
                        why: format!(
                            "where the '{}' happens",
                            doc.text.get(span.clone()).unwrap_or("")
                        ),
                    });
                }
            }
            // A country whose official is a party already takes part through them.
            let party_keys: Vec<String> = source
                .iter()
                .map(|s| s.key.clone())
                .chain(targets.iter().map(|t| t.key.clone()))
                .chain(parties.iter().map(|t| t.key.clone()))
                .chain(co_sources.iter().cloned())
                .collect();
            let through_official = |k: &str| {
                party_keys
                    .iter()
                    .any(|n| affiliations.get(n).is_some_and(|c| c == k))
            };
            parties.retain(|t| !through_official(&t.key));
            targets.retain(|t| !through_official(&t.key));
            co_sources.retain(|k| !through_official(k));
            let mut keys: Vec<String> = Vec::new();
            for k in source
                .iter()
                .map(|s| &s.key)
                .chain(&co_sources)
                .chain(targets.iter().map(|t| &t.key))
                .chain(parties.iter().map(|t| &t.key))
            {
                if !keys.contains(k) {
                    keys.push(k.clone());
                }
            }
            if keys.is_empty() {
                skip("no actor takes part");
                continue;
            }
            // Meeting and working together take two.
            if matches!(category, Plover::Consult | Plover::Cooperate) && keys.len() < 2 {
                skip("a meeting with one party");
                continue;
            }
            // "Talks between A and B": the parties of a mutual act have no direction; one
            // side named as the subject still acts on the other ("A met B").
            if !parties.is_empty() && source.is_none() && targets.is_empty() {
                // Undirected: parties only.
            } else if !parties.is_empty() && source.is_none() {
                source = Some(parties.remove(0));
            }
            let claimed_by = r
                .reporter
                .and_then(|w| sentence_resolver.actors_of(w).into_iter().next())
                .map(|(k, _)| k)
                .filter(|k| source.as_ref().is_none_or(|s| &s.key != k));
            let date = date_in(doc, &sentence.tokens);
            keys.sort();
            // The key names the category and who takes part; with a direction, who acts comes
            // first ("A>B"), so that A's condemnation of B and B's of A stay two acts.
            let short = |k: &String| k.split(':').nth(1).unwrap_or(k).to_owned();
            let who = match &source {
                Some(src) if !targets.is_empty() => {
                    let rest: Vec<String> =
                        keys.iter().filter(|k| **k != src.key).map(short).collect();
                    format!("{}>{}", short(&src.key), rest.join("+"))
                }
                _ => keys.iter().map(short).collect::<Vec<_>>().join("+"),
            };
            let key = format!(
                "event:{article_slug}/{}/{who}",
                category.name().to_lowercase(),
            );
            reports.push(Report {
                key,
                category,
                kind: &trigger.kind,
                modality,
                participants: keys,
                place,
                date,
                mention: Mention { span, sentence: s },
                reading: EventReading {
                    patterns: patterns_used,
                    source,
                    targets,
                    parties,
                    claimed_by,
                },
            });
        }
        (reports, skipped)
    };
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    let merge = |(reports, mut more): (Vec<Report<'_>>, Vec<Skipped>)| {
        skipped.append(&mut more);
        for report in reports {
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
    };
    super::each_sentence(doc, control, super::EVENTS_STAGE, read, merge);
    let mut out: Vec<Event> = events.into_values().collect();
    for e in &mut out {
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
    (out, skipped)
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
        let obliged = tree.children[k].iter().any(|&c| {
            parse.words[c].deprel == Deprel::AUX && rules.has("obligation_modals", &tree.lower[c])
        });
        let said = w.deprel == Deprel::CCOMP
            && w.head
                .is_some_and(|h| rules.has("reporting_verbs", &tree.lower[h]));
        let taken = matches.iter().any(|m| m.tokens.contains(&w.token));
        if obliged && said && !taken && matches!(w.upos, Upos::Verb | Upos::Aux | Upos::Adj) {
            matches.push(Match {
                tokens: w.token..w.token + 1,
                trigger: demand,
                category: Plover::from_name(&lex.triggers[demand].category),
            });
        }
    }
    matches.sort_by_key(|m| m.tokens.start);
}

fn is_month(words: &[&str], i: usize) -> bool {
    let w = words[i];
    if !MONTHS.contains(&w.to_lowercase().as_str()) {
        return false;
    }
    let capitalized = w.chars().next().is_some_and(char::is_uppercase);
    let number_next = words.get(i + 1).is_some_and(|n| n.parse::<u32>().is_ok());
    let number_before = i > 0 && words[i - 1].parse::<u32>().is_ok();
    (capitalized && i > 0) || number_next || number_before
}

/// A year ("2022") or a day and month ("2 March 2026", "March 2, 2026") stated in the range.
fn date_in(doc: &Doc<'_>, tokens: &Range<usize>) -> Option<String> {
    let words: Vec<&str> = tokens.clone().map(|t| doc.word(t)).collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if let Some(m) = MONTHS.iter().position(|&m| m == lower) {
            let day_before = i.checked_sub(1).and_then(|p| words[p].parse::<u32>().ok());
            let day_after = words.get(i + 1).and_then(|n| n.parse::<u32>().ok());
            let day = day_before.or(day_after).filter(|d| (1..=31).contains(d));
            let year = words[i + 1..words.len().min(i + 4)]
                .iter()
                .find_map(|n| n.parse::<u32>().ok().filter(|y| (1900..2100).contains(y)));
            let month = m + 1;
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
