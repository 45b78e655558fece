//! Names the trained tagger finds where no lexicon entry or title did.

use crate::extract::lexicon::Target;
use crate::extract::ner::DocContext;
use crate::extract::ner::LABELS;
use crate::extract::slug;
use crate::extract::tokenize::TokenKind;

use super::organizations::{
    INSTITUTION_HEADS, WORK_WORDS, organization_tail, possessive_institution,
};
use super::passes::LEGISLATURES;
use super::sentence::SentenceCtx;
use super::words::{
    COMPANY_WORDS, DOCUMENT_WORDS, ORG_HEADS, PLACE_NOUNS, PLACE_PREPOSITIONS, POST_NOMINALS,
    follower_word, is_geographic,
};
use super::{Found, is_capitalized};

/// Names the trained tagger finds where no lexicon entry or title did: people, organizations,
/// and locations that are not countries (cities, regions: places, not actors). The lexicons
/// keep the last word on what a name is; the tagger finds the names they do not list.
///
/// Stages for each span the tagger labels: [`trimmed_end`] (what is not part of the name),
/// [`extended`] (what the tagger left out of it), [`dropped_by_context`] (names that are no
/// actor here), then [`accept`] (the kind the span's surroundings give it).
pub(super) fn tagged_names(ctx: &mut SentenceCtx<'_, '_>, context: &DocContext<'_>) {
    if is_byline(ctx) {
        return;
    }
    let in_issue = issue_words(ctx);
    let (label_ids, margins) =
        ctx.lex
            .tagger
            .decode_words(&ctx.words, &ctx.names_at, &ctx.titles_at, ctx.lex, context);
    let labels: Vec<&str> = label_ids.iter().map(|&l| LABELS[l]).collect();
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
        if let Some((len, Target::Issue(_))) = ctx.lex.issue_table.longest_at(&ctx.words, k) {
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

/// One span the tagger labelled `kind`, tokens `i..end`, through every stage.
fn tagged_span(
    ctx: &mut SentenceCtx<'_, '_>,
    in_issue: &[bool],
    margins: &[f32],
    i: usize,
    end: usize,
    kind: &'static str,
) {
    let Some(last) = trimmed_end(ctx, i, end, kind) else {
        return;
    };
    let (last, kind, holder) = extended(ctx, i, end, last, kind);
    if dropped_by_context(ctx, i, end, last, kind) {
        return;
    }
    accept(ctx, in_issue, margins, i, end, last, kind);
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
fn trimmed_end(ctx: &mut SentenceCtx<'_, '_>, i: usize, end: usize, kind: &str) -> Option<usize> {
    // "Radio 4's Woman's Hour": a span that starts on a possessive is a piece of a name.
    if matches!(ctx.words[i], "'s" | "’s") {
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

    while last > i && ctx.kind(last - 1) != TokenKind::Word {
        last -= 1;
    }
    // Post-nominals are not part of a name ("Tom McCabe MSP", "Guy Mansfield QC"); alone
    // they are no name at all.
    while last > i + 1
        && (POST_NOMINALS.contains(&ctx.words[last - 1])
            || matches!(ctx.words[last - 1], "Councillor" | "Cllr" | "DJ"))
    {
        last -= 1;
    }
    if POST_NOMINALS.contains(&ctx.words[i]) {
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
        return None;
    }
    // "Both the Cardinal and the Archbishop": a title alone names no one.
    if last == i + 1 && ctx.titles_at[i].is_some_and(|(len, _)| len == 1) {
        return None;
    }
    // "In his new book, Lawless World, Philippe Sands": the title of a work.
    if i >= 1 && {
        let before = if ctx.words[i - 1] == "," && i >= 2 {
            i - 2
        } else {
            i - 1
        };
        WORK_WORDS.contains(&ctx.words[before].to_lowercase().as_str())
    } {
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
        && let Some(k) = possessive_institution(&ctx.words, last)
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
    let legislature = matches!(
        ctx.words[last - 1].to_lowercase().as_str(),
        "parliament" | "commons" | "assembly" | "senate" | "congress"
    );
    if kind == "ORG" && last == end && !legislature {
        last = organization_tail(ctx.lex, &ctx.words, last);
        let mut more = 0;
        // ("Bolton West MP", "Capital Radio DJ Ann Lee", "City Councillor Ann Lee": a
        // post-nominal, a title or a person's name after the body is not part of it.)
        while more < 3
            && last < ctx.words.len()
            && !ctx.taken[last]
            && ctx.words[last].chars().all(char::is_alphabetic)
            && is_capitalized(ctx.words[last])
            && (!ctx.lex.is_common_word(ctx.words[last])
                || ORG_HEADS.contains(&ctx.words[last].to_lowercase().as_str()))
            && !POST_NOMINALS.contains(&ctx.words[last])
            && !matches!(ctx.words[last], "DJ" | "Councillor" | "Cllr")
            && ctx.titles_at[last].is_none()
            && !(ctx.lex.is_given_name(ctx.words[last])
                && ctx.words.get(last + 1).is_some_and(|w| is_capitalized(w)))
        {
            last += 1;
            more += 1;
        }
    }
    // "Liberal Democrat Paul Tyler": a party's name and a person's run together; the
    // organization ends before the given name.
    // ("Liberal Democrat David Laws": a surname that is also a plain word may fall
    // outside the span, after the given name that ends it.)
    let surname_after = ctx
        .words
        .get(last)
        .is_some_and(|w| is_capitalized(w) && w.chars().all(char::is_alphabetic));
    let cut_end = if surname_after {
        last
    } else {
        last.saturating_sub(1)
    };
    if kind == "ORG"
        && let Some(k) = (i + 1..cut_end).find(|&k| {
            ctx.lex.is_given_name(ctx.words[k])
                && last - k <= 3
                && ctx.words[k + 1..last]
                    .iter()
                    .all(|w| is_capitalized(w) && !ORG_HEADS.contains(&w.to_lowercase().as_str()))
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
                        && !ORG_HEADS.contains(&w.to_lowercase().as_str())
                        && !COMPANY_WORDS.contains(&w.to_lowercase().as_str())
                        && !INSTITUTION_HEADS.contains(&w.to_lowercase().as_str())
                }))
                || matches!(ctx.words[k], "DJ" | "Councillor" | "Cllr")
                || POST_NOMINALS.contains(&ctx.words[k])
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

/// Whether the span's context says it names no actor (a qualifier, an event's place, a creed,
/// a compound, a disease, a style, an observance, a document). An event's place is taken here.
fn dropped_by_context(
    ctx: &mut SentenceCtx<'_, '_>,
    i: usize,
    end: usize,
    last: usize,
    kind: &str,
) -> bool {
    // "Eurosceptic party UKIP", "Labour-run council": a lone word qualifying the group noun
    // after it is no name.
    if kind != "LOC"
        && last == i + 1
        && ctx.words[i].ends_with("ic")
        && ctx.words.get(last).is_some_and(|w| {
            matches!(
                *w,
                "party" | "group" | "groups" | "campaign" | "campaigners" | "movement" | "lobby"
            )
        })
        && ctx.words.get(last + 1).is_some_and(|w| is_capitalized(w))
    {
        return true;
    }
    // "the 1981 Brixton riots", "the Lockerbie bombing": where something happened.
    if kind != "LOC"
        && last == i + 1
        && !ctx.words[i].chars().all(|c| c.is_ascii_uppercase())
        && ctx.words.get(last).is_some_and(|w| {
            matches!(
                *w,
                "riots"
                    | "riot"
                    | "bombing"
                    | "bombings"
                    | "attack"
                    | "attacks"
                    | "disaster"
                    | "massacre"
                    | "crash"
                    | "siege"
                    | "summit"
                    | "talks"
                    | "accord"
                    | "by-election"
                    | "agreement"
                    | "declaration"
                    | "protocol"
            )
        })
    {
        let name = ctx.text_of(i..last);
        if ctx.free(i..last) {
            ctx.take(i..last, Found::Place { name });
        }
        return true;
    }
    // "the Lyons review", "Thatcherism": a name of a document or a creed is no actor.
    let lone = last == i + 1;
    if kind != "LOC"
        && lone
        && (ctx.words[i].ends_with("ism")
            || ctx.words.get(last).is_some_and(|w| {
                matches!(
                    *w,
                    "review" | "report" | "inquiry" | "programme" | "show" | "doctrine"
                )
            }))
    {
        return true;
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
        && !matches!(
            ctx.words[last + 1],
            "led" | "run" | "held" | "built" | "made" | "driven"
        )
    {
        return true;
    }
    // "victims of Alzheimer's, Tarn's and Motor Neurone disease": a disease named after
    // someone, or named like a name, is no actor.
    let disease = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "disease" | "diseases" | "syndrome"
        )
    };
    let ends_in_disease = matches!(
        ctx.words[last.max(i + 1) - 1].to_lowercase().as_str(),
        "disease" | "diseases" | "syndrome" | "sclerosis" | "fever"
    );
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
        return true;
    }
    // "Las Vegas style resorts", "a Soviet-style plan": a name that gives a style only
    // describes.
    let style_at = |k: usize| {
        ctx.words
            .get(k)
            .is_some_and(|w| w.eq_ignore_ascii_case("style"))
    };
    if kind != "LOC"
        && (style_at(last) || (ctx.words.get(last) == Some(&"-") && style_at(last + 1)))
    {
        return true;
    }
    // "for Holocaust Memorial Day", "Armistice Day": a name before "Day" or "Week" is
    // an observance.
    if kind != "LOC"
        && ctx
            .words
            .get(last)
            .is_some_and(|w| matches!(*w, "Day" | "Week"))
    {
        return true;
    }
    // "the 2000 Millennium Declaration", "the Hunting Act": documents are not bodies.
    if kind == "ORG"
        && DOCUMENT_WORDS.contains(&ctx.words[last.max(i + 1) - 1].to_lowercase().as_str())
    {
        return true;
    }
    false
}

/// Takes the span when the tagger is confident and the name plausible, as the kind its
/// surroundings give it.
fn accept(
    ctx: &mut SentenceCtx<'_, '_>,
    in_issue: &[bool],
    margins: &[f32],
    i: usize,
    end: usize,
    last: usize,
    kind: &'static str,
) {
    // The words' own evidence, summed over the span, must favour the name over `O`: the
    // transitions that carry a name on once it has begun cannot make one alone.
    let first = if kind == "ORG" {
        ctx.organization_head(i, last)
    } else {
        i
    };
    let confident = margins[i..end].iter().sum::<f32>() > 0.0;
    let in_issue_phrase = kind != "LOC" && in_issue[first..last.max(first)].iter().any(|&f| f);
    if !confident
        || in_issue_phrase
        || last <= first
        || !ctx.free(first..last)
        || !ctx.plausible_name(kind, first..last)
    {
        return;
    }
    let i = first;
    let name = ctx.text_of(i..last);
    let kind = retyped(ctx, i, last, kind);
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
        && !matches!(
            ctx.words[last - 2],
            "of" | "Channel" | "Radio" | "BBC" | "ITV"
        )
        && matches!(
            ctx.words[last - 1],
            "Two"
                | "Three"
                | "Four"
                | "Five"
                | "Six"
                | "Seven"
                | "Eight"
                | "Nine"
                | "Ten"
                | "Eleven"
                | "Twelve"
        );
    // (Their words are claimed, so that no later stage reads a person into them.)
    if owned_by_person || numbered_group {
        for t in &mut ctx.taken[i..last] {
            *t = true;
        }
        return;
    }
    let found = match kind {
        "PER" | "ORG"
            if place_by_what_comes_before(ctx, i, last, kind, &name)
                || place_by_what_follows(ctx, i, last, kind, &name) =>
        {
            Some(Found::Place { name })
        }
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
            let country = ctx.country_before(i).and_then(|h| ctx.mark_modifier(h));
            Some(Found::Organization {
                key: format!("org:{}", slug(&name)),
                name,
                country,
            })
        }
        "LOC" => Some(Found::Place { name }),
        _ => None,
    };
    if let Some(found) = found {
        ctx.take(i..last, found);
    }
}

/// "Rory Bremner's impression": a given name and one more name make a person; a person's
/// name ending in a company word or an organization's head is an organization.
fn retyped(ctx: &SentenceCtx<'_, '_>, i: usize, last: usize, kind: &'static str) -> &'static str {
    let last_word = ctx.words[last - 1].to_lowercase();
    let kind = if kind == "ORG"
        && last - i == 2
        && ctx.lex.is_given_name(ctx.words[i])
        && !ctx.lex.is_common_word(ctx.words[i])
        && !ORG_HEADS.contains(&last_word.as_str())
        && !COMPANY_WORDS.contains(&last_word.as_str())
    {
        "PER"
    } else {
        kind
    };
    if kind == "PER"
        && last - i >= 2
        && (COMPANY_WORDS.contains(&last_word.as_str()) || ORG_HEADS.contains(&last_word.as_str()))
    {
        "ORG"
    } else {
        kind
    }
}

/// Whether the words before a lone name or the place it joins make it a place: after a
/// locative ("in Lower Saxony"), joined to a place, a constituency ("MP for Henley"), where one
/// comes from or goes to, "the town of Hexham".
fn place_by_what_comes_before(
    ctx: &SentenceCtx<'_, '_>,
    i: usize,
    last: usize,
    kind: &str,
    name: &str,
) -> bool {
    // "in Lower Saxony": whatever the tagger thinks, a name after "in" is a place.
    // ("in James Callaghan's administration": a name that owns something is no place.)
    let after_locative = i > 0
        && PLACE_PREPOSITIONS.contains(&ctx.words[i - 1].to_lowercase().as_str())
        && !ctx
            .words
            .get(last)
            .is_some_and(|w| matches!(*w, "'s" | "’s"));
    // "in Bavaria and Lower Saxony", "Ashfield, Nottinghamshire": a name joined to a
    // place is a place too.
    // ("Hinckley, Leicestershire": a county after a town, whatever the town is.)
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
    let joined_to_place = county_after_town
        || i > 0
            && (matches!(ctx.words[i - 1], "and" | "or") || town_county)
            && ctx.hits.iter().any(|h| {
                matches!(h.found, Found::Place { .. }) && h.tokens.end + 1 == i + ctx.start
            });
    // "MP for Henley-on-Thames", "the member for Loch Ness West": a constituency.
    let constituency = (i >= 2
        && ctx.words[i - 1] == "for"
        && (matches!(
            ctx.words[i - 2],
            "MP" | "MSP" | "MEP" | "AM" | "MLA" | "member" | "candidate" | "councillor"
        ) || LEGISLATURES.contains(&ctx.words[i - 2].to_lowercase().as_str())))
        || (i >= 3
            && ctx.words[i - 1] == "the"
            && ctx.words[i - 2] == "for"
            && matches!(ctx.words[i - 3], "member" | "MP" | "MSP"));
    // "from Pease Pottage, West Sussex": where someone comes from, then its county.
    let from_place = i > 0
        && ctx.words[i - 1] == "from"
        && ctx.words.get(last) == Some(&",")
        && ctx
            .words
            .get(last + 1)
            .is_some_and(|w| is_capitalized(w) && !ctx.lex.is_given_name(w));
    // "the constituency of Tarnwick West", "the town of Hexham".
    let of_place = i >= 2
        && ctx.words[i - 1] == "of"
        && matches!(
            ctx.words[i - 2].to_lowercase().as_str(),
            "constituency"
                | "seat"
                | "town"
                | "city"
                | "village"
                | "county"
                | "borough"
                | "district"
                | "ward"
                | "region"
                | "island"
                | "suburb"
                | "parish"
        );
    // "a sightseeing trip to Wadi Rum", "had to travel to Llanelli": where one goes.
    let destination = i >= 2
        && ctx.words[i - 1] == "to"
        && matches!(
            ctx.words[i - 2].to_lowercase().as_str(),
            "trip"
                | "trips"
                | "tour"
                | "journey"
                | "travel"
                | "travels"
                | "travelled"
                | "traveled"
                | "travelling"
                | "traveling"
                | "flew"
                | "fly"
                | "flying"
                | "drove"
                | "returned"
                | "spread"
                | "spreading"
                | "went"
        )
        && !name
            .chars()
            .all(|c| c.is_ascii_uppercase() || !c.is_alphabetic())
        && !ctx
            .words
            .get(last)
            .is_some_and(|w| matches!(*w, "'s" | "’s" | "'" | "’"));
    // "crossed into Chad at Adre": a lone unknown word after "at" is a place; an acronym
    // ("talks at NATO") stays an organization.
    let lone_after_locative = after_locative
        && (kind == "PER" || (last - i == 1 && !name.chars().all(|c| c.is_ascii_uppercase())));
    constituency || from_place || of_place || destination || joined_to_place || lone_after_locative
}

/// Whether what follows a name makes it a place: a seat's holder ("Bolton West MP"), a region
/// it lies in, "seat" or "ward", a place noun ("a Yorkshire man"), or a geographic word of its
/// own ("River Tyne").
fn place_by_what_follows(
    ctx: &SentenceCtx<'_, '_>,
    i: usize,
    last: usize,
    kind: &str,
    name: &str,
) -> bool {
    // "Bolton West MP", "the Salford MP", "Middlesbrough mayor Ray Mallon": a body the
    // lexicons do not list, named before a member or mayor, is the seat or town they
    // hold (parties before "MP" are in the lexicons and taken already).
    let seat_holder = kind == "ORG"
        && !name
            .chars()
            .all(|c| c.is_ascii_uppercase() || !c.is_alphabetic())
        && ctx.words.get(last).is_some_and(|w| {
            matches!(
                *w,
                "MP" | "MPs"
                    | "MSP"
                    | "MSPs"
                    | "AM"
                    | "MEP"
                    | "MEPs"
                    | "MLA"
                    | "mayor"
                    | "Mayor"
                    | "councillor"
                    | "councillors"
                    | "Councillor"
            )
        });
    // "Bethnal Green, in east London": a name placed inside a region is a place.
    let placed_in_region = ctx.words.get(last) == Some(&",")
        && ctx.words.get(last + 1) == Some(&"in")
        && ctx.words.get(last + 2).is_some_and(|w| {
            matches!(
                *w,
                "north"
                    | "south"
                    | "east"
                    | "west"
                    | "central"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
            )
        });
    // "won the Folkestone & Hythe seat", "the Tarn Green ward": whatever its length, a
    // name before "seat" or "ward" is a constituency.
    let seat_named = ctx.words.get(last).is_some_and(|w| {
        matches!(
            *w,
            "seat" | "seats" | "constituency" | "ward" | "wards" | "by-election"
        )
    });
    // "a city like Peterborough", "a Yorkshire man", "including Rosyth naval base": a lone
    // name in a place's context is a place.
    let lone_in_place_context = last - i == 1
        && !name.chars().all(|c| c.is_ascii_uppercase())
        && ((i > 0
            && matches!(
                ctx.words[i - 1].to_lowercase().as_str(),
                "like" | "including" | "near" | "outside"
            ))
            || ctx.words.get(last).is_some_and(|w| {
                PLACE_NOUNS.contains(&w.to_lowercase().as_str())
                                    // "to attend the Tarnow service": a gathering held there.
                                    || matches!(
                                        *w,
                                        "service" | "ceremony" | "commemoration" | "memorial"
                                            | "vigil" | "camp" | "camps"
                                    )
                                    || (w.chars().all(char::is_lowercase)
                                        && ctx.words.get(last + 1).is_some_and(|n| {
                                            PLACE_NOUNS.contains(&n.to_lowercase().as_str())
                                        }))
            }));
    seat_named
        || placed_in_region
        || seat_holder
        || is_geographic(&ctx.words[i..last])
        || lone_in_place_context
}
