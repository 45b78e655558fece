//! Names the tagger reads whole where an earlier stage claimed a piece of them: a country at
//! the start of an organization's name ("Tokyo Stock Exchange"), an organization found
//! shorter than it is ("Iraqi News Agency" found as "News Agency" qualified by Iraq), a place
//! an issue phrase hid ("West Bank"), countries and places inside a longer name ("Air France",
//! "Gulf of Mexico", "Washington City").

use std::ops::Range;

use crate::extract::gazetteer::Gazetteer;
use crate::extract::lexicon::{CountryForm, Target};
use crate::extract::rules::Named;

use super::sentence::SentenceCtx;
use super::words::is_geographic;
use super::{Found, Hit, is_capitalized};

/// The hits that overlap the local tokens `span`.
pub(super) fn overlapping<'h>(ctx: &'h SentenceCtx<'_, '_>, span: &Range<usize>) -> Vec<&'h Hit> {
    let global = ctx.global(span.clone());
    ctx.hits
        .iter()
        .filter(|h| h.tokens.start < global.end && global.start < h.tokens.end)
        .collect()
}

/// Whether every token of `span` is free or inside one of `hits`.
fn free_but(ctx: &SentenceCtx<'_, '_>, span: &Range<usize>, hits: &[&Hit]) -> bool {
    span.clone()
        .all(|t| !ctx.taken[t] || hits.iter().any(|h| h.tokens.contains(&(t + ctx.start))))
}

/// "Tokyo Stock Exchange", "US Census Bureau", "American Airlines": the tagger's organization
/// starts with a country (or capital) the lexicon found, and the rest of it is free. The
/// organization takes the whole name, with the country as its country. Not when the rest only
/// says who in the country acts ("British Government", "UK authorities": the country is the
/// actor) or names a feature of the land ("British Isles").
pub(super) fn country_leads(ctx: &SentenceCtx<'_, '_>, kind: &str, span: &Range<usize>) -> bool {
    if kind != "ORG" || span.len() < 2 {
        return false;
    }
    let global = ctx.global(span.clone());
    let hits = overlapping(ctx, span);
    let Some(lead) = hits.iter().find(|h| h.tokens.start == global.start) else {
        return false;
    };
    if !matches!(lead.found, Found::Country { .. }) || lead.tokens.end >= global.end {
        return false;
    }
    let rest = &ctx.words[lead.tokens.end - ctx.start..span.end];
    let governs = rest
        .iter()
        .all(|w| ctx.lex.rules.set(Named::GovernmentWords).contains(w));
    let countries_only = hits.iter().all(|h| {
        matches!(h.found, Found::Country { .. })
            && h.tokens.start >= global.start
            && h.tokens.end <= global.end
    });
    !governs && !is_geographic(ctx.lex, rest) && countries_only && free_but(ctx, span, &hits)
}

/// "Iraqi News Agency", "U.S. Treasury Department", "Royal Institute of British Architects":
/// the tagger's organization holds exactly one organization an earlier stage found, or several
/// side by side (with, at most, the countries qualifying them), and the rest of it is free
/// capitalized words and the small words of names.
pub(super) fn holds_shorter_organization(
    ctx: &SentenceCtx<'_, '_>,
    kind: &str,
    span: &Range<usize>,
) -> bool {
    if kind != "ORG" || span.len() < 2 {
        return false;
    }
    let global = ctx.global(span.clone());
    let hits = overlapping(ctx, span);
    let organizations = hits
        .iter()
        .filter(|h| matches!(h.found, Found::Organization { .. }))
        .count();
    let within = hits
        .iter()
        .all(|h| h.tokens.start >= global.start && h.tokens.end <= global.end);
    // ("Washington State University": a place may lead the name.)
    let kinds = hits.iter().all(|h| match h.found {
        Found::Organization { .. } | Found::Country { .. } => true,
        Found::Place { .. } => h.tokens.start == global.start,
        Found::Person { .. } => false,
    });
    // ("Kurdistan Democratic Party": a place an issue phrase hid may start the name, or end
    // it after "of": "Patriotic Union of Darfur".)
    let first_hit = hits
        .iter()
        .map(|h| h.tokens.start)
        .min()
        .unwrap_or(global.end);
    let rest_named = span.clone().all(|t| {
        hits.iter().any(|h| h.tokens.contains(&(t + ctx.start)))
            || ((!ctx.taken[t]
                || ((t + ctx.start < first_hit || (t > span.start && ctx.words[t - 1] == "of"))
                    && place_issue_word(ctx, t)))
                && (is_capitalized(ctx.words[t])
                    || ctx.lex.rules.set(Named::NameJoiners).contains(ctx.words[t])))
    });
    // ("United Nations Industrial Development Organization": bodies side by side, the last
    // one qualified by those before it.)
    let side_by_side = {
        let mut orgs: Vec<_> = hits
            .iter()
            .filter(|h| matches!(h.found, Found::Organization { .. }))
            .map(|h| h.tokens.clone())
            .collect();
        orgs.sort_by_key(|r| r.start);
        orgs.windows(2).all(|w| w[0].end == w[1].start)
    };
    (organizations == 1 || (organizations > 1 && side_by_side)) && within && kinds && rest_named
}

/// Whether local token `t` is inside an issue phrase that names a place ("Kurdistan").
fn place_issue_word(ctx: &SentenceCtx<'_, '_>, t: usize) -> bool {
    (0..=t).any(|k| {
        matches!(
            ctx.lex.issue_table.longest_at(&ctx.words, k),
            Some((len, Target::Issue(i))) if k + len > t && ctx.lex.issues[i].place
        )
    })
}

/// Grows the one organization inside `span` (see [`holds_shorter_organization`]) to the whole
/// span: it keeps its key (unless the words before it make another body), takes the span's
/// words as its name, and the countries inside become its country when it had none.
pub(super) fn grow_organization(ctx: &mut SentenceCtx<'_, '_>, span: Range<usize>) {
    let global = ctx.global(span.clone());
    let mut country = None;
    let mut organization = None;
    let mut place_led = false;
    ctx.hits.retain(|h| {
        if h.tokens.start < global.start || h.tokens.end > global.end {
            return true;
        }
        match &h.found {
            Found::Country { index, .. } => country = country.or(Some(*index)),
            Found::Place { .. } => place_led = true,
            Found::Organization {
                key, country: own, ..
            } => {
                // Of several organizations side by side ("United Nations Industrial
                // Development Organization"), the last names the body.
                if organization
                    .as_ref()
                    .is_none_or(|(_, _, start, _)| *start < h.tokens.start)
                {
                    organization = Some((key.clone(), *own, h.tokens.start, h.tokens.end));
                }
            }
            Found::Person { .. } => return true,
        }
        false
    });
    let Some((key, own, start, end)) = organization else {
        return;
    };
    // (Only a name before it, no plain word or person: "Former Downing Street", "Blair
    // Labour" are the same bodies.)
    let first = span.start;
    let grown_before = start > global.start && {
        let w = ctx.words[first];
        !ctx.lex.is_common_word(w)
            && !ctx.lex.is_given_name(w)
            && !matches!(
                ctx.names_at[first],
                Some((_, Target::Person(_) | Target::PersonAlias(_)))
            )
    };
    // "Congress of Arts and Sciences": a national body's name that goes on with "of" or "for"
    // names another body.
    let grown_after = end < global.end
        && ctx
            .lex
            .rules
            .set(Named::NameJoiners)
            .contains(ctx.words[end - ctx.start]);
    let name = ctx.text_of(span.clone());
    // "Kurdistan Democratic Party", "Tarnavian Democratic Party": words before a national
    // body that do not name its own country make another body, with a key of its own.
    // ("Washington State University", "Tarnwick State University": a body the lexicon does
    // not know, led by a place, is keyed by its whole name.)
    let unknown_led = place_led && ctx.lex.organization(&key).is_none();
    let (key, own) =
        if unknown_led || (own.is_some() && ((grown_before && country != own) || grown_after)) {
            (format!("org:{}", crate::extract::slug(&name)), None)
        } else {
            (key, own)
        };
    for t in &mut ctx.taken[span.clone()] {
        *t = false;
    }
    ctx.take(
        span,
        Found::Organization {
            key,
            name,
            country: own.or(country),
        },
    );
}

/// Whether `span` is exactly an issue phrase that names a place ("West Bank", "Gaza"), which
/// hid its words from every stage before the tagger's, with no hit over it.
pub(super) fn place_issue(ctx: &SentenceCtx<'_, '_>, span: &Range<usize>) -> bool {
    overlapping(ctx, span).is_empty()
        && matches!(
            ctx.lex.issue_table.longest_at(&ctx.words, span.start),
            Some((len, Target::Issue(k))) if len == span.len() && ctx.lex.issues[k].place
        )
}

/// Takes the local tokens `span` (see [`place_issue`]) as a place.
pub(super) fn take_place_issue(ctx: &mut SentenceCtx<'_, '_>, span: Range<usize>) {
    for t in &mut ctx.taken[span.clone()] {
        *t = false;
    }
    let name = ctx.text_of(span.clone());
    ctx.take(span, Found::Place { name });
}

/// "Francis Moreau", "Billie Jean King", "Zine al-Abidine Ben Ali": the tagger's person starts
/// with a person an earlier stage found shorter (a given name alone, stopped by a word it did
/// not know, or a one-word name the lexicon gives someone else), and the rest of the span is
/// free words. "Chad Curtis", "Malivai Washington": a country's or capital's name is one word
/// of the person's name, beside words that name no one else.
pub(super) fn holds_shorter_person(
    ctx: &SentenceCtx<'_, '_>,
    kind: &str,
    span: &Range<usize>,
) -> bool {
    if kind != "PER" || span.len() < 2 {
        return false;
    }
    let global = ctx.global(span.clone());
    let hits = overlapping(ctx, span);
    let [h] = hits.as_slice() else {
        return false;
    };
    let inside = h.tokens.start >= global.start && h.tokens.end <= global.end;
    let shorter_person = h.tokens.start == global.start
        && h.tokens.end < global.end
        && match h.found {
            Found::Person { known: None, .. } => true,
            Found::Person { known: Some(_), .. } => h.tokens.len() == 1,
            _ => false,
        };
    let country_word = inside
        && h.tokens.len() == 1
        && span.len() <= 4
        && matches!(h.found, Found::Country { form, .. } if form != CountryForm::Adjective)
        && span.clone().all(|t| {
            h.tokens.contains(&(t + ctx.start))
                || (is_capitalized(ctx.words[t])
                    && ctx.words[t].chars().all(char::is_alphabetic)
                    && ctx.titles_at[t].is_none())
        })
        && span
            .clone()
            .any(|t| !h.tokens.contains(&(t + ctx.start)) && !ctx.lex.is_common_word(ctx.words[t]));
    (shorter_person || country_word) && free_but(ctx, span, &hits)
}

/// Grows the person (or takes the country's word) inside `span` (see
/// [`holds_shorter_person`]) to a person of the whole span.
pub(super) fn grow_person(ctx: &mut SentenceCtx<'_, '_>, span: Range<usize>) {
    let global = ctx.global(span.clone());
    let Some(at) = ctx
        .hits
        .iter()
        .position(|h| h.tokens.start >= global.start && h.tokens.end <= global.end)
    else {
        return;
    };
    let hit = ctx.hits.remove(at);
    let (role, country) = match hit.found {
        Found::Person { role, country, .. } => (role, country),
        Found::Country { .. } => (None, None),
        _ => {
            ctx.hits.insert(at, hit);
            return;
        }
    };
    let name = ctx.text_of(span.clone());
    for t in &mut ctx.taken[span.clone()] {
        *t = false;
    }
    ctx.take(
        span,
        Found::Person {
            name,
            role,
            country,
            known: None,
        },
    );
}

/// Whether the only names already taken inside the organization `span` are countries (or
/// capitals) the lexicon found after its first word: "Air France", "Dynamo Moscow",
/// "University College London" name a body, not the country. (A country that starts the
/// span, "British Government", "UK Treasury", keeps qualifying what follows it, as before.)
/// A place's name may hold one country or capital anywhere: "South China", "U.S. Gulf",
/// "Santiago de Cuba" are places, not the countries.
pub(super) fn countries_inside(ctx: &SentenceCtx<'_, '_>, kind: &str, span: Range<usize>) -> bool {
    if span.len() < 2 {
        return false;
    }
    if kind == "LOC" {
        return country_in_place(ctx, &span) || place_in_place(ctx, &span);
    }
    if kind != "ORG" {
        return false;
    }
    if place_leads_body(ctx, &span) {
        return true;
    }
    let global = ctx.global(span.clone());
    let overlapping = overlapping(ctx, &span);
    let all_countries_after_first = overlapping.iter().all(|h| {
        matches!(h.found, Found::Country { .. })
            && h.tokens.start > global.start
            && h.tokens.end <= global.end
    });
    let by_hit = |t: usize| {
        overlapping
            .iter()
            .any(|h| h.tokens.contains(&(t + ctx.start)))
    };
    all_countries_after_first && span.clone().all(|t| !ctx.taken[t] || by_hit(t))
}

/// "Baghdad University Medical School": the tagger's organization starts with a place an
/// earlier stage found ("delivered goods to Baghdad"), the rest of it is free capitalized
/// words, and it ends in a body's or an institution's head.
fn place_leads_body(ctx: &SentenceCtx<'_, '_>, span: &Range<usize>) -> bool {
    place_in_place(ctx, span) && ctx.headed_body(&ctx.words[span.clone()])
}

/// "Washington City", "Washington D.C.": the tagger's place starts with a shorter place an
/// earlier stage found, and the rest of it is free capitalized words.
fn place_in_place(ctx: &SentenceCtx<'_, '_>, span: &Range<usize>) -> bool {
    let global = ctx.global(span.clone());
    let overlapping = overlapping(ctx, span);
    let [h] = overlapping.as_slice() else {
        return false;
    };
    matches!(h.found, Found::Place { .. })
        && h.tokens.start == global.start
        && h.tokens.end < global.end
        && (h.tokens.end - ctx.start..span.end)
            .all(|t| !ctx.taken[t] && is_capitalized(ctx.words[t]))
}

/// See [`countries_inside`]: the tagger's place holds exactly one country or capital named
/// (not an adjective), and its other words are free capitalized words or particles, not words
/// for who governs ("US Government" stays the country).
fn country_in_place(ctx: &SentenceCtx<'_, '_>, span: &Range<usize>) -> bool {
    let global = ctx.global(span.clone());
    let overlapping = overlapping(ctx, span);
    let [h] = overlapping.as_slice() else {
        return false;
    };
    let one_country = matches!(h.found, Found::Country { form, .. } if form != CountryForm::Adjective)
        && h.tokens.start >= global.start
        && h.tokens.end <= global.end;
    let rest: Vec<usize> = span
        .clone()
        .filter(|&t| !h.tokens.contains(&(t + ctx.start)))
        .collect();
    // ("Gulf of Mexico", "Bay of Bengal": "of" joins a place's name to the country.)
    let joined_by_of = |t: usize| ctx.words[t] == "of" && t > span.start && t + 1 < span.end;
    one_country
        && rest.iter().all(|&t| {
            let w = ctx.words[t];
            !ctx.taken[t]
                && (is_capitalized(w)
                    || ctx.lex.rules.set(Named::NameParticles).contains(w)
                    || joined_by_of(t))
        })
        && rest.iter().any(|&t| is_capitalized(ctx.words[t]))
        // ("Israel Varnholt": after a country, a word that is no plain word is more likely a
        // surname the tagger misread than part of a place.)
        && (h.tokens.start > global.start
            || rest.iter().any(|&t| {
                ctx.lex.is_common_word(ctx.words[t]) || is_geographic(ctx.lex, &ctx.words[t..=t])
            }))
        && !rest
            .iter()
            .filter(|&&t| !joined_by_of(t))
            .all(|&t| ctx.lex.rules.set(Named::GovernmentWords).contains(ctx.words[t]))
        // ("South Lebanon" is a part of the country, which events on it act on; "North
        // America", a place the gazetteer knows, is not.)
        && !(rest.iter().all(|&t| {
            ctx.lex
                .rules
                .set(Named::LowerCompass)
                .contains(&ctx.words[t].to_lowercase())
        }) && Gazetteer::shared()
            .longest_at(&ctx.words[span.clone()], 0)
            .is_none_or(|(len, _)| len != span.len()))
}

/// Removes the country hits inside `span` (see [`countries_inside`]) and frees their tokens;
/// returns the first one's country, the organization's.
pub(super) fn absorb_countries(ctx: &mut SentenceCtx<'_, '_>, span: Range<usize>) -> Option<usize> {
    let global = ctx.global(span);
    let mut country = None;
    ctx.hits.retain(|h| {
        let inside = h.tokens.start >= global.start && h.tokens.end <= global.end;
        match h.found {
            Found::Country { index, .. } if inside => {
                country = country.or(Some(index));
                false
            }
            // (A shorter place inside the tagger's: see `place_in_place`.)
            Found::Place { .. } if inside => false,
            _ => true,
        }
    });
    for t in &mut ctx.taken[global.start - ctx.start..global.end - ctx.start] {
        *t = false;
    }
    country
}
