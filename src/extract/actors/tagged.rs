//! Names the trained tagger finds where no lexicon entry or title did.

use crate::extract::gazetteer::Gazetteer;
use crate::extract::lexicon::{CountryForm, Target};
use crate::extract::ner::LABELS;
use crate::extract::slug;
use crate::extract::tokenize::TokenKind;

use super::claimed::{
    absorb_countries, countries_inside, country_leads, grow_organization, grow_person,
    holds_shorter_organization, holds_shorter_person, place_issue, take_place_issue,
};
use super::organizations::{organization_tail, possessive_institution};
use super::sentence::SentenceCtx;
use super::words::{follower_word, is_geographic};
use super::{Found, SpanTrace, TraceStep, is_capitalized};
use crate::extract::rules::{Action, Label, Named, Site, Stage};
use std::ops::Range;

/// Names the trained tagger finds where no lexicon entry or title did: people, organizations,
/// and locations that are not countries (cities, regions: places, not actors). The lexicons
/// keep the last word on what a name is; the tagger finds the names they do not list.
///
/// Stages for each span the tagger labels: [`trimmed_end`] (what is not part of the name),
/// [`extended`] (what the tagger left out of it), [`dropped_by_context`] (names that are no
/// actor here), then [`accept`] (the kind the span's surroundings give it).
pub(super) fn tagged_names(ctx: &mut SentenceCtx<'_, '_>) {
    if is_byline(ctx) {
        return;
    }
    let in_issue = issue_words(ctx);
    let margins = std::mem::take(&mut ctx.tagged.1);
    let labels: Vec<&str> = ctx.tagged.0.iter().map(|&l| LABELS[l]).collect();
    let mut i = 0;
    while i < labels.len() {
        let Some(kind) = labels[i].strip_prefix("B-") else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < labels.len() && labels[end].strip_prefix("I-") == Some(kind) {
            end += 1;
        }
        tagged_span(ctx, &in_issue, &margins, i, end, kind);
        i = end;
    }
}

/// "By Horn Ledger staff — Addis Ababa": a byline names the writer, not an actor.
fn is_byline(ctx: &SentenceCtx<'_, '_>) -> bool {
    ctx.words.first().is_some_and(|w| *w == "By") && ctx.words.len() <= 12
}

/// Words inside an issue phrase ("Nile dam", "Taiwan Strait") are the issue, not names.
fn issue_words(ctx: &SentenceCtx<'_, '_>) -> Vec<bool> {
    let mut in_issue = vec![false; ctx.words.len()];
    let mut k = 0;
    while k < ctx.words.len() {
        if let Some((len, Target::Issue(_))) = ctx.issues_at[k] {
            for flag in &mut in_issue[k..k + len] {
                *flag = true;
            }
            k += len;
        } else {
            k += 1;
        }
    }
    in_issue
}

/// One span the tagger labelled `kind`, tokens `i..end`, through every stage; what decided it
/// goes to `ctx.traces`.
fn tagged_span(
    ctx: &mut SentenceCtx<'_, '_>,
    in_issue: &[bool],
    margins: &[f32],
    i: usize,
    end: usize,
    kind: &'static str,
) {
    let mut trace = SpanTrace {
        sentence: ctx.sentence,
        tokens: ctx.global(i..end),
        label: kind,
        steps: Vec::new(),
    };
    decide(ctx, in_issue, margins, i, end, kind, &mut trace);
    if ctx.tracing {
        ctx.traces.push(trace);
    }
}

/// The action of the first rule of `stage` that fires on the local span `i..last` read as
/// `kind`, noted in the trace; `None` when no rule fires (or `kind` is no tagger label).
fn stage_rule(
    ctx: &SentenceCtx<'_, '_>,
    stage: Stage,
    (i, last): (usize, usize),
    kind: &str,
    trace: &mut SpanTrace,
) -> Option<Action> {
    let label = Label::parse(kind)?;
    let site = Site {
        words: &ctx.words,
        start: i,
        end: last,
        label,
    };
    let rule = &ctx.lex.rules.rules()[ctx.lex.rules.first(stage, ctx.lex, &site)?];
    trace.note(ctx, &rule.id, rule.action, i..last);
    Some(rule.action)
}

impl SpanTrace {
    /// Records that `by` (a rule id, or `code:` and the check's name) did `action` to the
    /// local tokens `local`.
    /// Nothing is written (or formatted) when the sentence is read without traces.
    fn note(
        &mut self,
        ctx: &SentenceCtx<'_, '_>,
        by: &str,
        action: impl std::fmt::Display,
        local: Range<usize>,
    ) {
        if !ctx.tracing {
            return;
        }
        self.steps.push(TraceStep {
            by: by.to_string(),
            action: action.to_string(),
            tokens: ctx.global(local),
        });
    }
}

/// The stages of one span: trim, extend, context, then the kind.
fn decide(
    ctx: &mut SentenceCtx<'_, '_>,
    in_issue: &[bool],
    margins: &[f32],
    i: usize,
    end: usize,
    kind: &'static str,
    trace: &mut SpanTrace,
) {
    if kind == "MISC" {
        drop_countries_in_misc(ctx, i..end, trace);
    }
    let Some(last) = trimmed_end(ctx, i, end, kind, trace) else {
        return;
    };
    let (last, kind, holder) = extended(ctx, i, end, last, kind);
    if kind != trace.label {
        trace.note(
            ctx,
            "code:extended",
            format_args!("relabel {kind}"),
            i..last,
        );
    }
    if dropped_by_context(ctx, i, end, last, kind, trace) {
        return;
    }
    accept(ctx, in_issue, margins, i, end, last, kind, trace);
    if let Some(person) = holder
        && ctx.free(person.clone())
    {
        let name = ctx.text_of(person.clone());
        ctx.take(
            person,
            Found::Person {
                name,
                role: None,
                country: None,
                known: None,
            },
        );
    }
}

/// The end of the name once punctuation, dashes and post-nominals are cut off; `None` when the
/// span names nothing (a possessive, a post-nominal or a title alone, a work's title), or was
/// taken here as the person after a describing word.
fn trimmed_end(
    ctx: &mut SentenceCtx<'_, '_>,
    i: usize,
    end: usize,
    kind: &str,
    trace: &mut SpanTrace,
) -> Option<usize> {
    // "Radio 4's Woman's Hour": a span that starts on a possessive is a piece of a name.
    if matches!(ctx.words[i], "'s" | "’s") {
        trace.note(ctx, "code:possessive-start", "drop", i..end);
        return None;
    }
    // Trailing punctuation and possessives are not part of the name.
    let mut last = end;
    // "a party called Veritas - Latin for truth": a spaced dash ends a name.
    if let Some(dash) = (i + 1..last).find(|&t| {
        matches!(ctx.words[t], "-" | "–" | "—") && ctx.doc.tokens[ctx.start + t].space_before
    }) {
        last = dash;
    }

    // ("Mladost (L)": a closing bracket whose opening one the name holds stays.)
    let closes_inside = |last: usize| {
        matches!(ctx.words[last - 1], ")" | "]")
            && ctx.words[i..last - 1]
                .iter()
                .any(|w| matches!(*w, "(" | "["))
    };
    while last > i && ctx.kind(last - 1) != TokenKind::Word && !closes_inside(last) {
        last -= 1;
    }
    // The rules of the trim stage: post-nominals ("Tom McCabe MSP"), titles after a name.
    while stage_rule(ctx, Stage::Trim, (i, last), kind, trace) == Some(Action::TrimEnd) {
        last -= 1;
    }
    // A post-nominal alone is no name at all.
    if ctx
        .lex
        .rules
        .set(Named::PostNominals)
        .contains(ctx.words[i])
    {
        trace.note(ctx, "code:post-nominal-alone", "drop", i..last);
        return None;
    }
    // "Blairite Owen Pryce", "fellow Welshman Ray Lee": a word for a follower or a
    // countryman before a given name and a surname describes the person; it is no part
    // of the name.
    if kind == "PER"
        && last >= i + 3
        && last <= i + 4
        && (follower_word(ctx.words[i])
            || ((ctx.words[i].ends_with("man") || ctx.words[i].ends_with("woman"))
                && !ctx.lex.is_given_name(ctx.words[i])))
        && ctx.lex.is_given_name(ctx.words[i + 1])
        && ctx.free(i + 1..last)
    {
        let name = ctx.text_of(i + 1..last);
        ctx.take(
            i + 1..last,
            Found::Person {
                name,
                role: None,
                country: None,
                known: None,
            },
        );
        trace.note(ctx, "code:describing-word", "person after it", i + 1..last);
        return None;
    }
    // "Both the Cardinal and the Archbishop": a title alone names no one.
    if last == i + 1 && ctx.titles_at[i].is_some_and(|(len, _)| len == 1) {
        trace.note(ctx, "code:title-alone", "drop", i..last);
        return None;
    }
    // "In his new book, Lawless World, Philippe Sands": the title of a work.
    if i >= 1 && {
        let before = if ctx.words[i - 1] == "," && i >= 2 {
            i - 2
        } else {
            i - 1
        };
        ctx.lex
            .rules
            .set(Named::WorkWords)
            .contains(ctx.words[before])
    } {
        trace.note(ctx, "code:title-of-a-work", "drop", i..last);
        return None;
    }
    Some(last)
}

/// The name's end and kind once what the tagger left out is added back (an institution a name
/// owns, a hyphenated surname, an organization's tail) and a person named inside an
/// organization's span is cut off: `(last, kind, holder)`.
fn extended(
    ctx: &SentenceCtx<'_, '_>,
    i: usize,
    end: usize,
    last: usize,
    kind: &'static str,
) -> (usize, &'static str, Option<std::ops::Range<usize>>) {
    let mut last = last;
    // "St Egwin's Middle School", "Lewis Boys' School": a name that owns an institution's
    // name is part of it.
    let mut kind = kind;
    if (kind != "LOC" || matches!(ctx.words[i], "St" | "Saint"))
        && let Some(k) = possessive_institution(ctx.lex, &ctx.words, last)
        && (last..k).all(|t| !ctx.taken[t])
    {
        last = k;
        kind = "ORG";
    }
    // "Hulme-Cross": a hyphenated surname goes on past the hyphen.
    if kind == "PER"
        && last == end
        && last + 1 < ctx.words.len()
        && ctx.words[last] == "-"
        && !ctx.doc.tokens[ctx.start + last].space_before
        && !ctx.doc.tokens[ctx.start + last + 1].space_before
        && is_capitalized(ctx.words[last + 1])
        && !ctx.taken[last + 1]
    {
        last += 2;
    }
    // "the Joint Council for the Welfare of Immigrants", "Charing Cross Police Station":
    // an organization's name goes on through "for"/"of" and capitalized words.
    // ("entered Parliament for Sheffield Brightside": a seat, not part of the name.)
    // (An empty span, which the fuzzer reached, has no last word.)
    let legislature = last.checked_sub(1).is_some_and(|k| {
        ctx.lex
            .rules
            .set(Named::Legislatures)
            .contains(ctx.words[k])
    });
    // ("Benetton of Italy", "Kia Motor Corp of South Korea": after a name that is whole
    // already, "of" and a place say where the body is; a plain word such as "Council" or
    // "Bank" asks for what follows.)
    let asks_for_more = last.checked_sub(1).is_some_and(|k| ctx.asks_for_more(k));
    if kind == "ORG" && last == end && !legislature {
        if asks_for_more {
            last = organization_tail(ctx.lex, &ctx.words, last);
        }
        last = capitalized_tail(ctx, last);
    }
    // "Liberal Democrat Paul Tyler": a party's name and a person's run together; the
    // organization ends before the given name.
    // ("Liberal Democrat David Laws": a surname that is also a plain word may fall
    // outside the span, after the given name that ends it.)
    // (What is left before the given name must be able to name a body: two words or more, an
    // acronym, or a name an earlier stage found; "San" of "San Diego Padres" is none.)
    let surname_after = ctx
        .words
        .get(last)
        .is_some_and(|w| is_capitalized(w) && w.chars().all(char::is_alphabetic));
    let cut_end = if surname_after {
        last
    } else {
        last.saturating_sub(1)
    };
    let body_before = |k: usize| {
        k - i >= 2
            || ctx.taken[i]
            || (ctx.words[i].chars().count() >= 2 && ctx.words[i].chars().all(char::is_uppercase))
    };
    if kind == "ORG"
        && let Some(k) = (i + 1..cut_end).find(|&k| {
            ctx.lex.is_given_name(ctx.words[k])
                && body_before(k)
                && last - k <= 3
                && ctx.words[k + 1..last].iter().all(|w| {
                    is_capitalized(w) && !ctx.lex.rules.set(Named::OrganizationHeads).contains(w)
                })
        })
    {
        last = k;
    }
    // "the Fabian Society's Ann Lee", "Capital Radio DJ Ann Lee", "City Councillor Ann
    // Lee": a possessive, a title or a post-nominal inside the span ends the body's name,
    // and the capitalized words after a title are the person holding it.
    let mut holder = None;
    if kind == "ORG"
        && let Some(k) = (i + 1..last.saturating_sub(1)).find(|&k| {
            (matches!(ctx.words[k], "'s" | "’s")
                && ctx.words[k + 1..last].len() == 2
                && ctx.words[k + 1..last].iter().all(|w| {
                    is_capitalized(w)
                        && (ctx.lex.is_given_name(w) || !ctx.lex.is_common_word(w))
                        && !ctx.lex.rules.set(Named::OrganizationHeads).contains(w)
                        && !ctx.lex.rules.set(Named::CompanyWords).contains(w)
                        && !ctx.lex.rules.set(Named::InstitutionHeads).contains(w)
                }))
                || ctx
                    .lex
                    .rules
                    .set(Named::TitlesAfterBodies)
                    .contains(ctx.words[k])
                || ctx
                    .lex
                    .rules
                    .set(Named::PostNominals)
                    .contains(ctx.words[k])
                || ctx.titles_at[k].is_some_and(|(_, t)| t != Target::Honorific)
        })
    {
        let title_end = match ctx.titles_at[k] {
            Some((tl, _)) => k + tl,
            None => k + 1,
        };
        if !matches!(ctx.words[k], "'s" | "’s")
            && last >= title_end + 2
            && last - title_end <= 3
            && ctx.words[title_end..last]
                .iter()
                .all(|w| is_capitalized(w) && w.chars().all(char::is_alphabetic))
        {
            holder = Some(title_end..last);
        }
        // ("the Lord Chancellor's Department": a title inside a body's name with no
        // person after it belongs to the name.)
        if holder.is_some() || ctx.titles_at[k].is_none() {
            last = k;
        }
    }
    (last, kind, holder)
}

/// The end of an organization's name carried on over up to three capitalized words after
/// `last` ("Charing Cross Police Station"), stopping at what is not part of a body's name.
fn capitalized_tail(ctx: &SentenceCtx<'_, '_>, last: usize) -> usize {
    let mut last = last;
    let mut more = 0;
    // ("Bolton West MP", "Capital Radio DJ Ann Lee", "City Councillor Ann Lee": a
    // post-nominal, a title or a person's name after the body is not part of it.)
    while more < 3
        && last < ctx.words.len()
        && !ctx.taken[last]
        && ctx.words[last].chars().all(char::is_alphabetic)
        && is_capitalized(ctx.words[last])
        && (!ctx.lex.is_common_word(ctx.words[last])
            || ctx
                .lex
                .rules
                .set(Named::OrganizationHeads)
                .contains(ctx.words[last]))
        && !ctx
            .lex
            .rules
            .set(Named::PostNominals)
            .contains(ctx.words[last])
        && !ctx
            .lex
            .rules
            .set(Named::TitlesAfterBodies)
            .contains(ctx.words[last])
        && ctx.titles_at[last].is_none()
        && !ctx
            .lex
            .rules
            .set(Named::CalendarWords)
            .contains(ctx.words[last])
        && !(ctx.lex.is_given_name(ctx.words[last])
            && ctx.words.get(last + 1).is_some_and(|w| is_capitalized(w)))
    {
        last += 1;
        more += 1;
    }
    last
}

/// Whether the span's context says it names no actor (a qualifier, an event's place, a creed,
/// a compound, a disease, a style, an observance, a document). An event's place is taken here.
fn dropped_by_context(
    ctx: &mut SentenceCtx<'_, '_>,
    i: usize,
    end: usize,
    last: usize,
    kind: &str,
    trace: &mut SpanTrace,
) -> bool {
    // The rules of the context stage first: qualifiers, where an event happened, creeds,
    // documents, styles, observances.
    if let Some(action) = stage_rule(ctx, Stage::Context, (i, last), kind, trace) {
        match action {
            Action::Place => {
                if ctx.free(i..last) {
                    let name = ctx.text_of(i..last);
                    ctx.take(i..last, Found::Place { name });
                }
                return true;
            }
            Action::Drop => return true,
            Action::Veto | Action::TrimEnd | Action::Relabel(_) => {}
        }
    }
    // "a Labrador-long-haired cross", "a Chelsea-style deal": a name glued by a
    // hyphen to the plain words of a compound qualifies it; "Kremlin-backed" and
    // "Labour-run" still name who backs and runs.
    if kind != "LOC"
        && last == end
        && last + 1 < ctx.words.len()
        && ctx.words[last] == "-"
        && ctx.joined_to_previous(last)
        && ctx.joined_to_previous(last + 1)
        && ctx.words[last + 1].chars().all(char::is_lowercase)
        && !(ctx.words[last + 1].ends_with("ed")
            && ctx.words.get(last + 2).is_none_or(|w| *w != "-"))
        && !ctx
            .lex
            .rules
            .set(Named::CompoundParticiples)
            .contains(ctx.words[last + 1])
    {
        trace.note(ctx, "code:hyphenated-compound", "drop", i..last);
        return true;
    }
    // "victims of Alzheimer's, Tarn's and Motor Neurone disease": a disease named after
    // someone, or named like a name, is no actor.
    let disease = |w: &&str| ctx.lex.rules.set(Named::DiseaseHeads).contains(w);
    let ends_in_disease = ctx
        .lex
        .rules
        .set(Named::DiseaseEnds)
        .contains(ctx.words[last.max(i + 1) - 1]);
    if kind != "LOC"
        && (ends_in_disease
            || ctx.words.get(last).is_some_and(disease)
            || (last == i + 1
                && ctx
                    .words
                    .get(last)
                    .is_some_and(|w| matches!(*w, "'s" | "’s"))
                && ctx.words[last + 1..]
                    .iter()
                    .take(10)
                    .take_while(|w| !matches!(**w, "." | ";" | ":" | "(" | "\""))
                    .any(disease)))
    {
        trace.note(ctx, "code:disease", "drop", i..last);
        return true;
    }
    false
}

/// Takes the span when the tagger is confident and the name plausible, as the kind its
/// surroundings give it.
#[allow(clippy::too_many_arguments)]
fn accept(
    ctx: &mut SentenceCtx<'_, '_>,
    in_issue: &[bool],
    margins: &[f32],
    i: usize,
    end: usize,
    last: usize,
    kind: &'static str,
    trace: &mut SpanTrace,
) {
    // The words' own evidence, summed over the span, must favour the name over `O`: the
    // transitions that carry a name on once it has begun cannot make one alone.
    let first = if kind == "ORG" {
        ctx.organization_head(i, last)
    } else {
        i
    };
    let evidence = margins[i..end].iter().sum::<f32>();
    let confident = evidence > 0.0;
    #[allow(
        clippy::cast_precision_loss,
        reason = "a name's length in words is far below f32's exact range"
    )]
    let sure = evidence >= SURE_MARGIN * (end - i) as f32;
    // "West Bank", "Gaza": a place an issue phrase hid from the earlier stages.
    if kind == "LOC" && confident && last > first && place_issue(ctx, &(first..last)) {
        take_place_issue(ctx, first..last);
        trace.note(ctx, "code:place-issue", "place", first..last);
        return;
    }
    let refused = refusal(ctx, in_issue, (confident, sure), kind, first..last);
    if let Some(reason) = refused {
        trace.note(ctx, "code:accept", format_args!("drop: {reason}"), i..last);
        return;
    }
    let i = first;
    if !ctx.free(i..last) && holds_shorter_organization(ctx, kind, &(i..last)) {
        trace.note(ctx, "code:grow-organization", "organization", i..last);
        grow_organization(ctx, i..last);
        return;
    }
    if !ctx.free(i..last) && holds_shorter_person(ctx, kind, &(i..last)) {
        trace.note(ctx, "code:grow-person", "person", i..last);
        grow_person(ctx, i..last);
        return;
    }
    let inside = if ctx.free(i..last) {
        None
    } else {
        trace.note(
            ctx,
            "code:country-inside",
            "organization keeps the country",
            i..last,
        );
        absorb_countries(ctx, i..last)
    };
    let name = ctx.text_of(i..last);
    // (Where case tells nothing, the tagger's kind, read from the line's figures and
    // layout, stands: "Ross County 3 0 0 3", "Queen of South 2".)
    let blind = ctx.case_blind;
    let retyped = if blind {
        kind
    } else {
        retyped(ctx, i, last, kind)
    };
    if retyped != kind {
        trace.note(
            ctx,
            "code:retyped",
            format_args!("relabel {retyped}"),
            i..last,
        );
    }
    let kind = retyped;
    // "Charles Dickens' Oliver Twist": a name owned by a person is a work or a thing of
    // theirs, not another person.
    let owned_by_person = kind == "PER"
        && i >= 2
        && matches!(ctx.words[i - 1], "'s" | "’s" | "'" | "’")
        && ctx
            .hits
            .iter()
            .any(|h| matches!(h.found, Found::Person { .. }) && h.tokens.end + 1 == i + ctx.start);
    // "the Tarnwick Four": a group of people named by their number is no one person
    // and no body ("Channel Four", "Group of Seven" are).
    let numbered_group = kind != "LOC"
        && last - i >= 2
        && !ctx
            .lex
            .rules
            .set(Named::NumberedNameHeads)
            .contains(ctx.words[last - 2])
        && ctx
            .lex
            .rules
            .set(Named::NumberWords)
            .contains(ctx.words[last - 1]);
    // (Their words are claimed, so that no later stage reads a person into them.)
    if owned_by_person || numbered_group {
        for t in &mut ctx.taken[i..last] {
            *t = true;
        }
        let why = if owned_by_person {
            "owned by a person"
        } else {
            "a numbered group"
        };
        trace.note(ctx, "code:accept", format_args!("drop: {why}"), i..last);
        return;
    }
    let place =
        matches!(kind, "PER" | "ORG") && !blind && place_by_context(ctx, i, last, kind, trace);
    let found = match kind {
        _ if place => Some(Found::Place { name }),
        "PER" => Some(Found::Person {
            known: (last - i == 1)
                .then(|| match ctx.names_at[i] {
                    Some((1, Target::PersonAlias(p) | Target::Person(p))) => Some(p),
                    _ => None,
                })
                .flatten(),
            name,
            role: None,
            country: None,
        }),
        "ORG" => {
            let country =
                inside.or_else(|| ctx.country_before(i).and_then(|h| ctx.mark_modifier(h)));
            Some(Found::Organization {
                key: format!("org:{}", slug(&name)),
                name,
                country,
            })
        }
        "LOC" => Some(Found::Place { name }),
        _ => None,
    };
    match found {
        Some(found) => ctx.take(i..last, found),
        None => trace.note(
            ctx,
            "code:accept",
            format_args!("drop: {kind} is no actor"),
            i..last,
        ),
    }
}

/// The tagger's evidence for a name over `O`, per word and in its own score units, from which
/// its organization of plain capitalized words stands ("Red Star", "Daily Record", "Black
/// Watch"): below it such a name is a heading's or a code name's words. Chosen on both dev
/// sets (docs/names.md, stop 23: 12 to 30 give the same CoNLL dev F1; 20 raises `gum_ood`'s
/// organization recall most without lowering its F1).
const SURE_MARGIN: f32 = 20.0;

/// Why the tagger's `kind` over the local tokens `span` (its start moved to an organization's
/// head) is no name, if it is not.
fn refusal(
    ctx: &SentenceCtx<'_, '_>,
    in_issue: &[bool],
    (confident, sure): (bool, bool),
    kind: &str,
    span: Range<usize>,
) -> Option<&'static str> {
    // ("Pittsburgh Pirates", "Smart Taiwan": a name that only holds an issue's words is a name.)
    // ("the Pirates' affiliate", "the second Raiders player": nor is a lone capitalized plural
    // inside a sentence that the tagger is sure names an organization, a team's name.)
    let team = kind == "ORG"
        && sure
        && span.len() == 1
        && span.start > 0
        && !is_capitalized(ctx.words[span.start - 1])
        && ctx.words[span.start].len() > 3
        && ctx.words[span.start].ends_with('s')
        && ctx.words[span.start].chars().any(char::is_lowercase);
    let in_issue_phrase =
        kind != "LOC" && !span.is_empty() && in_issue[span.clone()].iter().all(|&f| f) && !team;
    // ("the regions, the Parliament, despite...": a chamber or a service named by its head
    // alone stands whenever the tagger reads an organization; its evidence is its context's.)
    let lone_body = kind == "ORG"
        && span.len() == 1
        && ctx
            .lex
            .rules
            .set(Named::LoneBodies)
            .contains(ctx.words[span.start]);
    let blind = ctx.case_blind;
    if !confident && !lone_body && !blind {
        Some("the tagger is not confident")
    } else if in_issue_phrase {
        Some("inside an issue phrase")
    } else if span.is_empty()
        || !(ctx.free(span.clone())
            || countries_inside(ctx, kind, span.clone())
            || country_leads(ctx, kind, &span)
            || holds_shorter_organization(ctx, kind, &span)
            || holds_shorter_person(ctx, kind, &span))
    {
        Some("taken by an earlier stage")
    } else if span.len() == 1 && ctx.terms.contains(ctx.words[span.start]) {
        Some("a term the article spells out in plain words")
    } else if !blind && !ctx.plausible_name(kind, span, sure) {
        Some("not a plausible name")
    } else {
        None
    }
}

/// "the U.S. Open", "the Tour of the Netherlands": a country named (not an adjective) inside
/// a name the tagger reads as an event, a title or a thing, with another capitalized word in
/// that name, is part of the name and no mention of the country; so is a one-word
/// organization among plain words ("the Fed Cup", "Labour Day"). (Its words stay taken, so
/// that no later stage reads a person into them.) These keep their country: "US-China" (no
/// other word), "the US President's" (a title), "Iraqi Kurds" (an adjective) and "US Predator
/// attacks" (a name that qualifies the act named after it, which the events read).
fn drop_countries_in_misc(
    ctx: &mut SentenceCtx<'_, '_>,
    span: Range<usize>,
    trace: &mut SpanTrace,
) {
    if ctx
        .words
        .get(span.end)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        && ctx
            .lex
            .trigger_table
            .longest_at(&ctx.words, span.end)
            .is_some()
    {
        return;
    }
    let global = ctx.global(span.clone());
    let inside = |h: &super::Hit| {
        (matches!(h.found, Found::Country { form, .. } if form != CountryForm::Adjective)
            || (matches!(h.found, Found::Organization { .. })
                && h.tokens.len() == 1
                && misc_of_plain_words(ctx, &span, h.tokens.start - ctx.start)))
            && h.tokens.start >= global.start
            && h.tokens.end <= global.end
    };
    if !ctx.hits.iter().any(inside) {
        return;
    }
    let by_country = |t: usize| {
        ctx.hits
            .iter()
            .any(|h| inside(h) && h.tokens.contains(&(t + ctx.start)))
    };
    let other_word = span.clone().any(|t| {
        !by_country(t)
            && is_capitalized(ctx.words[t])
            && ctx.words[t].chars().all(char::is_alphabetic)
            && ctx.titles_at[t].is_none()
    });
    if other_word {
        let dropped: Vec<Range<usize>> = ctx
            .hits
            .iter()
            .filter(|h| inside(h))
            .map(|h| h.tokens.clone())
            .collect();
        ctx.hits.retain(|h| !dropped.contains(&h.tokens));
        trace.note(ctx, "code:country-in-misc", "drop the country", span);
    }
}

/// Whether the one word at `t` starts a name the tagger reads as an event or a thing, the
/// rest of it plain capitalized words, with only figures before it ("Fed Cup", "1997 Fed
/// Cup", "Labour Day"; not "New Labour", "Law Lords", "OSCE Chechnya"): it names a piece of
/// that name, not the body.
fn misc_of_plain_words(ctx: &SentenceCtx<'_, '_>, span: &Range<usize>, t: usize) -> bool {
    let plain = |k: usize| {
        let w = ctx.words[k];
        is_capitalized(w) && w.chars().all(char::is_alphabetic) && ctx.lex.is_common_word(w)
    };
    t + 1 < span.end
        && (span.start..t).all(|k| ctx.words[k].chars().all(|c| c.is_ascii_digit()))
        && (t + 1..span.end).all(plain)
}

/// "Rory Bremner's impression": a given name and one more name make a person, and so does a
/// place no city list knows with a title in apposition; a person's name ending in a company
/// word or an organization's head is an organization.
fn retyped(ctx: &SentenceCtx<'_, '_>, i: usize, last: usize, kind: &'static str) -> &'static str {
    let last_word = ctx.words[last - 1].to_lowercase();
    // "Amara Diallo, the AU commissioner": a name of two or more words that the tagger took
    // for a place no city list starts with, followed by a title in apposition, is a person.
    if kind == "LOC"
        && last - i >= 2
        && ctx.names_at[i].is_none()
        && !Gazetteer::shared().starts_name(ctx.words[i])
        && title_in_apposition(ctx, last)
    {
        return "PER";
    }
    let kind = if kind == "ORG"
        && last - i == 2
        && ctx.lex.is_given_name(ctx.words[i])
        && !ctx.lex.is_common_word(ctx.words[i])
        && !ctx
            .lex
            .rules
            .set(Named::OrganizationHeads)
            .contains(&last_word)
        && !ctx.lex.rules.set(Named::CompanyWords).contains(&last_word)
    {
        "PER"
    } else {
        kind
    };
    // "Exeter School", "the Lutheran Church": a place's name that ends in an institution's
    // head names the institution.
    if kind == "LOC"
        && last - i >= 2
        && ctx
            .lex
            .rules
            .set(Named::InstitutionHeads)
            .contains(&last_word)
    {
        return "ORG";
    }
    if kind == "PER"
        && last - i >= 2
        && (ctx.lex.rules.set(Named::CompanyWords).contains(&last_word)
            || ctx
                .lex
                .rules
                .set(Named::OrganizationHeads)
                .contains(&last_word))
    {
        "ORG"
    } else {
        kind
    }
}

/// Whether a title follows local token `end` in apposition: ", the AU commissioner", ", a
/// minister" (an article and one capitalized word, such as a body's acronym, may come first).
fn title_in_apposition(ctx: &SentenceCtx<'_, '_>, end: usize) -> bool {
    if ctx.words.get(end) != Some(&",") {
        return false;
    }
    let mut j = end + 1;
    if ctx
        .words
        .get(j)
        .is_some_and(|w| ctx.lex.rules.set(Named::Articles).contains(w))
    {
        j += 1;
    }
    let title_at = |k: usize| {
        ctx.titles_at
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|(_, t)| t != Target::Honorific)
    };
    title_at(j) || (ctx.words.get(j).is_some_and(|w| is_capitalized(w)) && title_at(j + 1))
}

/// Whether the surroundings of the person or organization at `i..last` make it a place: the
/// rules of the kind stage first, then what is still code (after a locative, joined to a
/// place, a geographic word). Records what decided.
fn place_by_context(
    ctx: &SentenceCtx<'_, '_>,
    i: usize,
    last: usize,
    kind: &str,
    trace: &mut SpanTrace,
) -> bool {
    if stage_rule(ctx, Stage::Kind, (i, last), kind, trace) == Some(Action::Place) {
        return true;
    }
    // "in Lower Saxony": whatever the tagger thinks, a name after "in" is a place.
    // ("in James Callaghan's administration": a name that owns something is no place.)
    let after_locative = i > 0
        && ctx
            .lex
            .rules
            .set(Named::PlacePrepositions)
            .contains(ctx.words[i - 1])
        && !ctx
            .words
            .get(last)
            .is_some_and(|w| matches!(*w, "'s" | "’s"));
    // "crossed into Chad at Adre": a lone unknown word after "at" is a place; an acronym
    // ("talks at NATO") stays an organization.
    let lone_after_locative = after_locative
        && (kind == "PER"
            || (last - i == 1 && !ctx.words[i].chars().all(|c| c.is_ascii_uppercase())));
    if lone_after_locative {
        trace.note(ctx, "code:after-locative", "place", i..last);
        return true;
    }
    if joined_to_place(ctx, i, last) {
        trace.note(ctx, "code:joined-to-place", "place", i..last);
        return true;
    }
    if is_geographic(ctx.lex, &ctx.words[i..last]) {
        trace.note(ctx, "code:geographic", "place", i..last);
        return true;
    }
    false
}

/// "in Bavaria and Lower Saxony", "Ashfield, Nottinghamshire": a name joined to a place is a
/// place too. ("Hinckley, Leicestershire": a county after a town, whatever the town is.)
fn joined_to_place(ctx: &SentenceCtx<'_, '_>, i: usize, last: usize) -> bool {
    let county_after_town = i > 1
        && ctx.words[i - 1] == ","
        && is_capitalized(ctx.words[i - 2])
        && last - i == 1
        && ctx.words[i].len() > 6
        && ctx.words[i].ends_with("shire");
    let town_county = i > 0
        && ctx.words[i - 1] == ","
        && last - i == 1
        && ctx
            .words
            .get(last)
            .is_none_or(|w| matches!(*w, "." | "," | ")" | ";"));
    county_after_town
        || i > 0
            && (matches!(ctx.words[i - 1], "and" | "or") || town_county)
            && ctx.hits.iter().any(|h| {
                matches!(h.found, Found::Place { .. }) && h.tokens.end + 1 == i + ctx.start
            })
}
