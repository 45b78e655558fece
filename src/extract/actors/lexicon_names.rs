//! Names the lexicons list (countries, organizations, known people), places hidden inside issue
//! phrases, and lists of places.

use crate::extract::lexicon::CountryForm;
use crate::extract::lexicon::Target;
use crate::extract::tokenize::TokenKind;

use crate::extract::rules::Named;

use super::sentence::SentenceCtx;
use super::words::{is_building, is_geographic};
use super::{Found, is_capitalized};

/// "Bristol West, Cardiff Central, Manchester Gorton and Oxford East": in a list of three or
/// more names where places are at least half, the names taken for people (without a role) or
/// for unlisted bodies are places too.
pub(super) fn place_lists(ctx: &mut SentenceCtx<'_, '_>) {
    let mut order: Vec<usize> = (0..ctx.hits.len()).collect();
    order.sort_by_key(|&h| ctx.hits[h].tokens.start);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &h in &order {
        if let Some(group) = groups.last_mut()
            && let Some(&prev) = group.last()
        {
            let gap = ctx.hits[prev].tokens.end..ctx.hits[h].tokens.start;
            let joined = !gap.is_empty()
                && gap.len() <= 2
                && gap
                    .clone()
                    .all(|t| matches!(ctx.words[t - ctx.start], "," | "and" | "or"));
            if joined {
                group.push(h);
                continue;
            }
        }
        groups.push(vec![h]);
    }
    for group in groups {
        if group.len() < 3 {
            continue;
        }
        let places = group
            .iter()
            .filter(|&&h| matches!(ctx.hits[h].found, Found::Place { .. }))
            .count();
        if places * 2 < group.len() {
            continue;
        }
        for h in group {
            let name = match &ctx.hits[h].found {
                Found::Person {
                    name,
                    role: None,
                    known: None,
                    ..
                } => name.clone(),
                Found::Organization { key, name, .. } if ctx.lex.organization(key).is_none() => {
                    name.clone()
                }
                _ => continue,
            };
            ctx.hits[h].found = Found::Place { name };
        }
    }
}

/// Issue phrases that are places ("South China Sea") hide the names inside them.
pub(super) fn block_places(ctx: &mut SentenceCtx<'_, '_>) {
    let mut i = 0;
    while i < ctx.words.len() {
        if let Some((len, Target::Issue(k))) = ctx.issues_at[i]
            && ctx.lex.issues[k].place
        {
            for t in &mut ctx.taken[i..i + len] {
                *t = true;
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

/// Names the lexicons list: countries (or their capitals as places), organizations, known
/// people; aliases wait for context.
pub(super) fn lexicon_names(ctx: &mut SentenceCtx<'_, '_>) {
    let mut i = 0;
    while i < ctx.words.len() {
        let Some((len, target)) = ctx.names_at[i] else {
            i += 1;
            continue;
        };
        if !ctx.free(i..i + len) {
            i += 1;
            continue;
        }
        let found = match target {
            Target::Country(index, form) => country_at(ctx, i, len, index, form),
            Target::Organization(_)
                if len == 1
                    && i > 0
                    && !ctx.taken[i - 1]
                    && ctx
                        .lex
                        .rules
                        .set(Named::OrganizationHeads)
                        .contains(ctx.words[i])
                    && is_capitalized(ctx.words[i - 1])
                    && ctx.kind(i - 1) == TokenKind::Word
                    && ctx.names_at[i - 1].is_none()
                    && !(i == 1 && ctx.lex.never_names.contains(ctx.words[0])) =>
            {
                // "the Trades Union Congress": a listed body's one-word name ("Congress") after
                // other capitalized words is the end of a longer name.
                None
            }
            Target::Organization(o) => {
                // "US House Speaker Nancy Pelosi": a title followed by a name wins over an
                // organization name that overlaps it.
                if (i..i + len).any(|k| {
                    ctx.lex
                        .titles
                        .longest_at(&ctx.words, k)
                        .is_some_and(|(tl, t)| {
                            t != Target::Honorific
                                && k + tl > i + len - 1
                                && ctx.name_run(k + tl) > 0
                        })
                }) {
                    // "than-US House Speaker": the country at the start still counts.
                    let words = [ctx.words[i]];
                    if let Some((1, Target::Country(index, form))) =
                        ctx.lex.names.longest_at(&words, 0)
                        && form != CountryForm::Capital
                    {
                        ctx.take(
                            i..i + 1,
                            Found::Country {
                                index,
                                form,
                                modifier: false,
                            },
                        );
                    }
                    i += 1;
                    continue;
                }
                // "six RBI", "his 121 RBI": an acronym counted by the number before it, which
                // the tagger reads as no name, is a unit, not the body of that acronym.
                if len == 1 && i > 0 && counted_unit(ctx, i) {
                    i += 1;
                    continue;
                }
                let org = &ctx.lex.organizations[o];
                // "the English Democrats" are not the US Democratic Party, nor "Peru's Supreme
                // Court" the US one: a country word, or a country's name with "'s", right
                // before a national body of another country names a different body.
                let owner = |k: usize| {
                    (0..k).rev().take(4).find_map(|j| match ctx.names_at[j] {
                        Some((l, Target::Country(c, _))) if j + l == k => Some(c),
                        _ => None,
                    })
                };
                let before = match i.checked_sub(1) {
                    Some(k) if matches!(ctx.words[k], "'s" | "\u{2019}s") => owner(k),
                    Some(k) => match ctx.names_at[k] {
                        Some((1, Target::Country(c, CountryForm::Adjective))) => Some(c),
                        _ => None,
                    },
                    None => None,
                };
                if let Some(home) = org
                    .country
                    .as_deref()
                    .and_then(|c| ctx.lex.country_by_iso(c))
                    && let Some(other) = before
                    && other != home
                {
                    i += len;
                    continue;
                }
                // "received him at Malacañang Palace": a seat of government named as the
                // building where something happens.
                // "a summit in Brussels": a city that stands for a body when it acts
                // (`seats`) is the place where something happens.
                let building = (org.kind == "government"
                    && is_building(ctx.lex, &org.name, ctx.words[i + len - 1]))
                    || (!org.seats.is_empty()
                        && org
                            .seats
                            .iter()
                            .any(|s| s.eq_ignore_ascii_case(&ctx.text_of(i..i + len))));
                if building && ctx.is_place_use(i, len) {
                    ctx.take(
                        i..i + len,
                        Found::Place {
                            name: ctx.text_of(i..i + len),
                        },
                    );
                    i += len;
                    continue;
                }
                Some(Found::Organization {
                    key: format!("org:{}", org.key),
                    name: org.name.clone(),
                    country: org
                        .country
                        .as_deref()
                        .and_then(|c| ctx.lex.country_by_iso(c)),
                })
            }
            Target::Person(p) => Some(Found::Person {
                name: ctx.lex.people[p].name.clone(),
                role: None,
                country: None,
                known: Some(p),
            }),
            // Aliases and everything else wait for context.
            _ => None,
        };
        if let Some(found) = found {
            ctx.take(i..i + len, found);
        }
        i += len;
    }
}

/// What the country (or capital) name at `i..i + len` names here: `None` when it is part of a
/// person's name, or a region ("Northern Ireland", taken here as a place).
fn country_at(
    ctx: &mut SentenceCtx<'_, '_>,
    i: usize,
    len: usize,
    index: usize,
    form: CountryForm,
) -> Option<Found> {
    // A capital or a country word preceded by a given name or an honorific is a
    // person's surname ("George Washington", "Mike German", "Mr German").
    let honorific = i > 0
        && ctx
            .lex
            .rules
            .set(Named::HonorificsBeforeSurname)
            .contains(ctx.words[i - 1].trim_end_matches('.'));
    if honorific
        || (i > 0
            && ctx.lex.is_given_name(ctx.words[i - 1])
            && (form == CountryForm::Capital || !ctx.lex.is_common_word(ctx.words[i - 1])))
    {
        return None;
    }
    // "Neil Jordan ... Jordan said": a country's name that the article gives a person as a
    // surname is that person where the tagger reads a person.
    if len == 1
        && ctx.surnames.contains(ctx.words[i])
        && crate::extract::ner::LABELS[ctx.tagged.0[i]] == "B-PER"
        && ctx
            .tagged
            .0
            .get(i + 1)
            .is_none_or(|&l| crate::extract::ner::LABELS[l] != "I-PER")
    {
        return None;
    }
    // "the Indian Ocean", "the Irish Sea": a country's adjective before a capitalized feature
    // of the land or sea (and no more name after it) names the feature, a place.
    if form == CountryForm::Adjective
        && len == 1
        && ctx.free(i..i + 2)
        && ctx
            .words
            .get(i + 1)
            .is_some_and(|w| is_geographic(ctx.lex, &[w]))
        && !ctx.words.get(i + 2).is_some_and(|w| is_capitalized(w))
    {
        let name = ctx.text_of(i..i + 2);
        ctx.take(i..i + 2, Found::Place { name });
        return None;
    }
    // "Northern Ireland", "Southern Sudan": a region named after a country is a
    // place of its own.
    if form == CountryForm::Name
        && i > 0
        && !ctx.taken[i - 1]
        && ctx
            .lex
            .rules
            .set(Named::RegionCompass)
            .contains(ctx.words[i - 1])
    {
        let name = ctx.text_of(i - 1..i + len);
        ctx.take(i - 1..i + len, Found::Place { name });
        return None;
    }
    // "Male MPs jeered": a capital that is also a plain word, opening a sentence.
    if form == CountryForm::Capital && i == 0 && len == 1 && ctx.lex.is_common_word(ctx.words[i]) {
        return None;
    }
    if form == CountryForm::Capital && ctx.is_place_use(i, len) {
        Some(Found::Place {
            name: ctx.text_of(i..i + len),
        })
    } else {
        Some(Found::Country {
            index,
            form,
            modifier: false,
        })
    }
}

/// Whether the acronym at local `i` is counted by the number right before it ("three RBI")
/// and the tagger does not read it as an organization.
fn counted_unit(ctx: &SentenceCtx<'_, '_>, i: usize) -> bool {
    let word = ctx.words[i];
    let before = ctx.words[i - 1];
    word.len() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase())
        && (before.chars().all(|c| c.is_ascii_digit())
            || ctx.lex.rules.set(Named::CountWords).contains(before))
        && !matches!(
            crate::extract::ner::LABELS[ctx.tagged.0[i]],
            "B-ORG" | "I-ORG"
        )
}
