//! Reading the events of one sentence: its trigger words, the parse (only for a sentence that
//! has a trigger), each trigger's reading, and what the act a trigger is about lends to it.
//! Each reading then becomes a report ([`super::report`]) or a skipped trigger.

use std::collections::BTreeMap;
use std::ops::Range;

use super::arguments::Resolver;
use super::patterns::{self, Role};
use super::reading::{self, Tree};
use super::report::SentenceCtx;
use super::{Match, Report, foreign, is_month, obligation_matches, parsing, senses};
use crate::extract::actors::Hit;
use crate::extract::doc::{Doc, Sentence};
use crate::extract::lexicon::{Lexicon, Target};
use crate::extract::parse::{ParsedSentence, Upos};
use crate::extract::plover::Plover;
use crate::extract::{Mention, Skipped};

/// What the reading of every sentence of an article shares.
pub(super) struct Article<'a> {
    pub(super) doc: &'a Doc<'a>,
    pub(super) lex: &'a Lexicon,
    /// The actors found in each sentence.
    pub(super) by_sentence: &'a [Vec<&'a Hit>],
    /// Whether each token is part of an actor's name (no trigger there).
    pub(super) covered: &'a [bool],
    pub(super) resolver: &'a Resolver<'a, 'a>,
    /// Display names by actor key.
    pub(super) names: &'a BTreeMap<String, String>,
    /// Actor keys to the keys of the countries they belong to.
    pub(super) affiliations: &'a BTreeMap<String, String>,
    /// The article's slug, which event keys start with.
    pub(super) slug: &'a str,
    /// An article that is all headline (a one-line file) still has its acts read.
    pub(super) has_body: bool,
}

impl<'a> Article<'a> {
    /// The reports of the events sentence `s` states, and the triggers it gives no event.
    pub(super) fn read_sentence(
        &self,
        s: usize,
        sentence: &Sentence,
    ) -> (Vec<Report<'a>>, Vec<Skipped>) {
        let (doc, lex) = (self.doc, self.lex);
        let rules = &lex.arguments;
        let mut skipped: Vec<Skipped> = Vec::new();
        let mut reports: Vec<Report<'a>> = Vec::new();
        let words: Vec<&str> = sentence.tokens.clone().map(|i| doc.word(i)).collect();
        let mut matches = self.trigger_matches(sentence, &words);
        // "Russia said Sudan must return the helicopter": what one says another must do is a
        // demand, whatever the verb; such sentences are parsed too.
        let mentions_obligation = rules
            .lists
            .get("obligation_modals")
            .is_some_and(|modals| words.iter().any(|w| patterns::in_list(modals, w)));
        // Headlines are written in a shorthand the parser was not trained on ("Labour
        // accused of broken pledge"); their acts are told again in the text.
        if (matches.is_empty() && !mentions_obligation) || (doc.is_heading(s) && self.has_body) {
            return (reports, skipped);
        }
        // A trigger that a sense drops before reading, whatever the parse, needs none ("sent
        // a letter" with no goods, arms or rescuers anywhere in the sentence).
        let dropped_early = surely_dropped((doc, lex), sentence, &mut matches, &mut skipped);
        if !mentions_obligation && dropped_early.iter().all(|&d| d) {
            return (reports, skipped);
        }
        // Only sentences with a trigger are parsed: the parse serves the events alone.
        let (parse, names_of_words) = parsing::parse_sentence(lex, doc, s, &self.by_sentence[s]);
        let mut tree = Tree::new(doc, &parse);
        if mentions_obligation {
            obligation_matches(lex, &parse, &tree, &mut matches);
        }
        let ranges: Vec<Option<Range<usize>>> = matches
            .iter()
            .map(|m| word_range(doc, &parse, &m.tokens))
            .collect();
        // Which words are names, before any sense reads the parse ("received Peru's foreign
        // minister", one name, receives a visitor).
        for (k, n) in names_of_words.iter().enumerate() {
            tree.is_name[k] = n.is_some();
        }
        let countries = std::cell::OnceCell::new();
        let countries = || {
            countries
                .get_or_init(|| {
                    foreign::word_countries(
                        &names_of_words,
                        &self.by_sentence[s],
                        self.affiliations,
                    )
                })
                .as_slice()
        };
        let dropped = drop_before_reading(
            (doc, lex),
            (&tree, &countries),
            &mut matches,
            &ranges,
            &mut skipped,
        );
        for (m, r) in ranges.iter().enumerate() {
            if dropped[m] || dropped_early.get(m).copied().unwrap_or(false) {
                continue;
            }
            for w in r.clone().into_iter().flatten() {
                tree.trigger_of[w] = Some(m);
            }
        }
        let categories: Vec<Option<Plover>> = matches.iter().map(|m| m.category).collect();
        if log::log_enabled!(log::Level::Debug) {
            log_parse(s, &parse, &tree);
        }
        let sentence_resolver = self.resolver.sentence(s, &tree, rules, &names_of_words);
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
        lend_content(&tree, lex, &matches, &ranges, &categories, &mut readings);
        let ctx = SentenceCtx {
            article: self,
            tokens: &sentence.tokens,
            tree: &tree,
            resolver: &sentence_resolver,
            matches: &matches,
        };
        // The head word of each report's trigger, parallel to `reports`.
        let mut report_words: Vec<usize> = Vec::new();
        for ((m, range), r) in matches.iter().zip(&ranges).zip(readings.iter_mut()) {
            let (Some(category), Some(range), Some(r)) = (m.category, range, r.take()) else {
                continue;
            };
            let span = doc.tokens[m.tokens.start].span.start..doc.tokens[m.tokens.end - 1].span.end;
            match ctx.report(
                m,
                range,
                &r,
                category,
                Mention {
                    span: span.clone(),
                    sentence: s,
                },
            ) {
                Ok(report) => {
                    reports.push(report);
                    report_words.push(tree.head_of(range));
                }
                Err(Some(reason)) => skipped.push(Skipped { span, reason }),
                Err(None) => {}
            }
        }
        drop_acts_named_again(&tree, &mut reports, &report_words);
        (reports, skipped)
    }

    /// A phrase trigger with a possessive after its first word ("upgraded their diplomatic
    /// ties", `phrase_possessives`): its length in tokens, the possessive included.
    /// `possessives` is the list `phrase_possessives` (looked up once per sentence).
    fn through_possessive(
        &self,
        words: &[&str],
        i: usize,
        possessives: Option<&patterns::WordList>,
    ) -> Option<(usize, Target)> {
        // (Lower case only: a possessive after a trigger's first word is mid-sentence.)
        if !words
            .get(i + 1)
            .is_some_and(|w| possessives.is_some_and(|l| patterns::in_list(l, w)))
        {
            return None;
        }
        let mut joined: Vec<&str> = Vec::with_capacity(words.len() - i);
        joined.push(words[i]);
        joined.extend_from_slice(&words[i + 2..]);
        let (len, target) = self.lex.trigger_table.longest_at(&joined, 0)?;
        (len >= 2).then_some((len + 1, target))
    }

    /// The longest trigger at each word of the sentence, outside actors' names and dates.
    fn trigger_matches(&self, sentence: &Sentence, words: &[&str]) -> Vec<Match> {
        let lex = self.lex;
        let mut matches: Vec<Match> = Vec::new();
        let possessives = lex.arguments.lists.get("phrase_possessives");
        let mut i = 0;
        while i < words.len() {
            let (direct, may_start) = lex.trigger_table.longest_and_filter_at(words, i);
            // (a word the table's filter turns away starts no trigger, possessive or not)
            let Some((len, Target::Trigger(t))) = may_start
                .then(|| self.through_possessive(words, i, possessives))
                .flatten()
                .filter(|&(l, _)| direct.is_none_or(|(d, _)| l > d))
                .or(direct)
            else {
                i += 1;
                continue;
            };
            let global = sentence.tokens.start + i;
            if !(global..global + len).any(|g| self.covered[g])
                && !is_month(&lex.arguments, words, i)
            {
                matches.push(Match {
                    tokens: global..global + len,
                    trigger: t,
                    category: Plover::from_name(&lex.triggers[t].category),
                });
            }
            i += len;
        }
        matches
    }
}

/// Drops, before the parse, the triggers whose first before-reading sense that applies surely
/// holds ([`senses::Sense::holds_without_a_parse`]), each skipped with the sense's id, as
/// [`drop_before_reading`] would after it. Whether each match was so dropped (a match
/// without a category to begin with was not: it may still be read through the parse).
fn surely_dropped(
    (doc, lex): (&Doc<'_>, &Lexicon),
    sentence: &Sentence,
    matches: &mut [Match],
    skipped: &mut Vec<Skipped>,
) -> Vec<bool> {
    let mut dropped = vec![false; matches.len()];
    let mut lower: Option<String> = None;
    for (m, gone) in matches.iter_mut().zip(dropped.iter_mut()) {
        let Some(category) = m.category else {
            continue;
        };
        let kind = &lex.triggers[m.trigger].kind;
        let Some(sense) = lex
            .arguments
            .senses
            .iter()
            .find(|sense| sense.before_reading && sense.applies_to(kind, category.name()))
        else {
            continue;
        };
        let lower = lower.get_or_insert_with(|| doc.text[sentence.span.clone()].to_lowercase());
        let next =
            (m.tokens.end < sentence.tokens.end).then(|| doc.word(m.tokens.end).to_lowercase());
        if sense.holds_without_a_parse(lower, next.as_deref()) {
            drop_by_sense(doc, m, sense, skipped);
            *gone = true;
        }
    }
    dropped
}

/// Drops the triggers a sense takes for no trigger at all (`before_reading`: "sent a letter",
/// "closed the case"), before any act is read, so that they stand in the way of no act around
/// them; each is skipped with the sense's id. Whether each match was dropped.
fn drop_before_reading<'c>(
    (doc, lex): (&Doc<'_>, &Lexicon),
    (tree, countries): (&Tree<'_>, &dyn Fn() -> &'c [Option<String>]),
    matches: &mut [Match],
    ranges: &[Option<Range<usize>>],
    skipped: &mut Vec<Skipped>,
) -> Vec<bool> {
    let mut dropped = vec![false; matches.len()];
    let no_arguments = senses::ArgumentWords {
        sources: Vec::new(),
        targets: Vec::new(),
        target_kinds: Vec::new(),
        any_target: false,
        named_targets: Vec::new(),
    };
    for ((m, range), gone) in matches.iter_mut().zip(ranges).zip(dropped.iter_mut()) {
        let (Some(category), Some(range)) = (m.category, range) else {
            continue;
        };
        let kind = &lex.triggers[m.trigger].kind;
        let head = tree.head_of(range);
        if let Some(sense) = lex.arguments.senses.iter().find(|sense| {
            sense.before_reading
                && sense.applies_to(kind, category.name())
                && sense.holds(tree, head, &no_arguments, None)
                && !(sense.unless_foreign_object
                    && foreign::object_of_another_country(tree, head, countries()))
        }) {
            drop_by_sense(doc, m, sense, skipped);
            *gone = true;
        }
    }
    dropped
}

/// Takes `m` for no trigger, skipped with the id of the sense that drops it.
fn drop_by_sense(doc: &Doc<'_>, m: &mut Match, sense: &senses::Sense, skipped: &mut Vec<Skipped>) {
    let span = doc.tokens[m.tokens.start].span.start..doc.tokens[m.tokens.end - 1].span.end;
    skipped.push(Skipped {
        span,
        reason: sense.id.clone(),
    });
    m.category = None;
}

/// The parse words a trigger's tokens overlap.
fn word_range(
    doc: &Doc<'_>,
    parse: &ParsedSentence,
    tokens: &Range<usize>,
) -> Option<Range<usize>> {
    let span = doc.tokens[tokens.start].span.start..doc.tokens[tokens.end - 1].span.end;
    let inside: Vec<usize> = parse
        .words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.span.start < span.end && span.start < w.span.end)
        .map(|(k, _)| k)
        .collect();
    Some(*inside.first()?..*inside.last()? + 1)
}

/// The parse of sentence `s`, one word a line, to the debug log.
fn log_parse(s: usize, parse: &ParsedSentence, tree: &Tree<'_>) {
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

/// What a trigger's reading is about (its content) or the noun naming its act lends to the
/// trigger that governs it: targets, the source of what it answers, places, its kind.
fn lend_content(
    tree: &Tree<'_>,
    lex: &Lexicon,
    matches: &[Match],
    ranges: &[Option<Range<usize>>],
    categories: &[Option<Plover>],
    readings: &mut [Option<reading::Reading>],
) {
    let (rules, triggers) = (&lex.arguments, &lex.triggers);
    let parse = tree.parse;
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
        let answers = inner_word.is_some_and(|w| matches!(tree.pos(w), Upos::Noun | Upos::Propn))
            && categories[g].is_some_and(|c| rules.has("answering_categories", c.name()));
        let same_act = inner.governed_as == reading::Governed::SameAct;
        // "denied accusing Germany": a denial of one's own act is aimed at whoever
        // charged them with it, not at the one that act was done to.
        let own_act_denied = inner_word.is_some_and(|w| {
            tree.pos(w) == Upos::Verb && tree.children_named(w, &["nsubj"]).next().is_none()
        }) && rules.has("own_act_denials", &triggers[matches[g].trigger].kind);
        // "investigating war crimes by X against Y": an inquiry into an act is aimed at
        // whoever did it, not at whom it was done to.
        let probes =
            !same_act && categories[g].is_some_and(|c| rules.has("probing_categories", c.name()));
        // "urged the men to step down from the GLA", "accused Y of attacking Z": an act with
        // an object of its own is aimed at that object, not at whom its content names.
        let own_object = outer_word.is_some_and(|o| {
            tree.children_named(o, &["obj", "iobj"])
                .any(|c| Some(c) != inner_word)
        });
        let lent: Vec<reading::Argument> = inner
            .arguments
            .iter()
            .filter(|a| {
                if probes {
                    return a.role == Role::Source;
                }
                a.role == Role::Target && !own_act_denied && (same_act || !own_object)
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
}

/// "Japan halted economic aid to Serbia", "Norway suspended talks with Peru": a noun that hangs
/// from another trigger and that its sense reads as the same kind of act as that trigger (both
/// a halt of cooperation) names the governing act again. With no one acting of its own and no
/// one acted on that the governing act lacks, it is no second event. `words` holds each
/// report's trigger head word.
fn drop_acts_named_again(tree: &Tree<'_>, reports: &mut Vec<Report<'_>>, words: &[usize]) {
    let again: Vec<bool> = (0..reports.len())
        .map(|n| {
            let noun = &reports[n];
            noun.reading.source.is_none()
                && (0..reports.len()).any(|v| {
                    let verb = &reports[v];
                    v != n
                        && verb.category == noun.category
                        && verb.kind == noun.kind
                        && verb.reading.source.is_some()
                        && tree.parse.words[words[n]].head == Some(words[v])
                        && noun
                            .reading
                            .targets
                            .iter()
                            .all(|t| verb.reading.targets.iter().any(|u| u.key == t.key))
                })
        })
        .collect();
    let mut k = 0;
    reports.retain(|_| {
        k += 1;
        !again[k - 1]
    });
}
