//! Organization phrases headed by Ministry/Department/Party/... ("Chinese defense ministry"),
//! and how an organization's name runs on.

use crate::extract::lexicon::CountryForm;
use crate::extract::lexicon::Lexicon;
use crate::extract::lexicon::Target;
use crate::extract::slug;
use crate::extract::tokenize::TokenKind;

use super::passes::domain_at;
use super::sentence::SentenceCtx;
use super::{Found, is_capitalized};
use crate::extract::rules::Named;

/// Whether a plain word opening the sentence starts the name of the organization after it:
/// "Family Planning Association", "Refugee Council", but not "The", "Yesterday" or "Former".
pub(super) fn opens_name(lex: &Lexicon, word: &str) -> bool {
    !lex.rules.set(Named::SentenceOpeners).contains(word)
        && !word.ends_with("ing")
        && word.chars().all(char::is_alphabetic)
}

/// "Chinese defense ministry", "the Ministry of National Defense", "Electoral Commission".
pub(super) fn organizations(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        if ctx.taken[i]
            || ctx.kind(i) != TokenKind::Word
            || !ctx
                .lex
                .rules
                .set(Named::OrganizationHeads)
                .contains(ctx.words[i])
        {
            i += 1;
            continue;
        }
        // "Refugee Council Chief Executive Tom Hale": a head that ends a title is the title's.
        if (i.saturating_sub(3)..i).any(|k| {
            ctx.titles_at[k].is_some_and(|(tl, t)| t != Target::Honorific && k + tl == i + 1)
        }) {
            i += 1;
            continue;
        }
        let head_cap = is_capitalized(ctx.words[i]);
        let (mut start, mut domain) = name_start(ctx, i, head_cap);
        // "Trades Union Congress", "Local Government Association Council": a capitalized head
        // right after the head goes on with the name.
        while head_cap
            && i + 1 < n
            && !ctx.taken[i + 1]
            && is_capitalized(ctx.words[i + 1])
            && ctx
                .lex
                .rules
                .set(Named::OrganizationHeads)
                .contains(ctx.words[i + 1])
            && !(i + 1..(i + 3).min(n)).any(|k| {
                ctx.titles_at[k].is_some_and(|(tl, t)| t != Target::Honorific && k + tl > i + 1)
            })
        {
            i += 1;
        }
        let lower = ctx.words[i].to_lowercase();
        let mut end = name_end(ctx, i, head_cap, &mut domain);
        // "the Muslim Council of Britain", "the Bank of Japan": a country closing the name
        // belongs to it, and the body belongs to the country.
        let mut country_after = None;
        if head_cap && end + 1 < n && ctx.words[end] == "of" {
            let at = ctx.start + end + 1;
            if let Some(h) = ctx.hits.iter().position(|h| {
                h.tokens.start == at
                    && matches!(h.found, Found::Country { form, .. } if form != CountryForm::Adjective)
            }) {
                let hit = ctx.hits.remove(h);
                if let Found::Country { index, .. } = hit.found {
                    country_after = Some(index);
                }
                end = hit.tokens.end - ctx.start;
            }
        }
        // "the Pro-Life Alliance": a prefix glued on by a hyphen.
        if start >= 2
            && ctx.words[start - 1] == "-"
            && !ctx.taken[start - 1]
            && !ctx.taken[start - 2]
            && ctx.joined_to_previous(start - 1)
            && ctx.joined_to_previous(start)
            && is_capitalized(ctx.words[start - 2])
        {
            start -= 2;
        }
        let country_hit = ctx.country_before(start);
        // "Kenyan and Somali security forces": the forces of two countries, no one body; the
        // common noun is left to the reader, which gives both countries a part.
        if !head_cap && country_hit.is_some_and(|h| after_joined_country(ctx, h)) {
            i += 1;
            continue;
        }
        let has_modifier = start < i || end > i + 1;
        if !has_modifier
            || (country_hit.is_none() && !head_cap)
            || (ctx.heading && country_hit.is_none())
        {
            i += 1;
            continue;
        }
        let country = country_hit
            .and_then(|h| ctx.mark_modifier(h))
            .or(country_after);
        let surface_start = country_hit.map_or(start, |h| ctx.hits[h].tokens.start - ctx.start);
        let name = ctx.text_of(surface_start..end);
        let key = match (country, domain) {
            (Some(c), Some(d)) if ctx.lex.rules.set(Named::MinistryHeads).contains(&lower) => {
                format!(
                    "org:{}-{}-ministry",
                    ctx.lex.countries[c].iso3.to_lowercase(),
                    slug(&ctx.lex.roles.domains[d].name)
                )
            }
            (Some(c), _) => format!(
                "org:{}-{}",
                ctx.lex.countries[c].iso3.to_lowercase(),
                slug(&ctx.text_of(start..end))
            ),
            (None, _) => format!("org:{}", slug(&ctx.text_of(start..end))),
        };
        ctx.take(start..end, Found::Organization { key, name, country });
        i = end;
    }
}

/// Whether the country hit `h` is the second of two joined by "and" or "or" ("Kenyan and
/// Somali").
fn after_joined_country(ctx: &SentenceCtx<'_, '_>, h: usize) -> bool {
    let s = ctx.hits[h].tokens.start - ctx.start;
    s >= 2
        && matches!(ctx.words[s - 1], "and" | "or")
        && ctx
            .country_before(s - 1)
            .is_some_and(|c| matches!(ctx.hits[c].found, Found::Country { .. }))
}

/// "the Republican Senate", "a Labour Parliament": a party's adjective right before a chamber
/// says who holds it and is no part of its name.
fn party_before_chamber(ctx: &SentenceCtx<'_, '_>, k: usize, head: usize) -> bool {
    k + 1 == head
        && ctx
            .lex
            .rules
            .set(Named::PartyAdjectives)
            .contains(ctx.words[k])
        && ctx.lex.rules.set(Named::Chambers).contains(ctx.words[head])
}

/// Where the name of the organization headed at `i` starts, with the portfolio named before
/// the head: modifiers before it are portfolios (any case) or capitalized words.
fn name_start(ctx: &SentenceCtx<'_, '_>, i: usize, head_cap: bool) -> (usize, Option<usize>) {
    let mut start = i;
    let mut domain: Option<usize> = None;
    while start > 0 && !ctx.taken[start - 1] {
        if let Some((d, len)) = (1..=2)
            .filter(|&l| l <= start)
            .find_map(|l| domain_at(ctx.lex, &ctx.words, start - l).filter(|&(_, dl)| dl == l))
        {
            domain = Some(d);
            start -= len;
        } else if !ctx.heading
            && is_capitalized(ctx.words[start - 1])
            && ctx.kind(start - 1) == TokenKind::Word
            && !ctx.lex.never_names.contains(ctx.words[start - 1])
            && !party_before_chamber(ctx, start - 1, i)
            && !(start - 1 == 0
                && ctx.lex.is_common_word(ctx.words[start - 1])
                && !opens_name(ctx.lex, ctx.words[0]))
        {
            start -= 1;
        } else if head_cap
            && start < i
            && start >= 2
            && ctx.words[start - 1] == "and"
            && !ctx.taken[start - 2]
            && is_capitalized(ctx.words[start - 2])
            && ctx.lex.is_common_word(ctx.words[start - 2])
        {
            // "Standards and Privileges Committee", "Health and Safety Executive".
            start -= 2;
        } else if head_cap
            && start < i
            && start >= 2
            && ctx.words[start - 1] == "of"
            && !ctx.taken[start - 2]
            && is_capitalized(ctx.words[start - 2])
            && !ctx.lex.is_common_word(ctx.words[start - 2])
            && ctx.titles_at[start - 2].is_none()
            && (start == 2 || !is_capitalized(ctx.words[start - 3]))
        {
            // "the Fraser of Allander Institute": a founder's name before "of".
            start -= 2;
        } else {
            break;
        }
    }
    (start, domain)
}

/// Where the name of the organization headed at `i` ends: "of (the) X" or "for X" after the
/// head, as often as it comes ("Association of Directors of Social Services", "Department for
/// International Development"); sets the portfolio when one is named there.
fn name_end(
    ctx: &SentenceCtx<'_, '_>,
    i: usize,
    head_cap: bool,
    domain: &mut Option<usize>,
) -> usize {
    let n = ctx.words.len();
    let mut end = i + 1;
    // "entered Parliament for Sheffield Brightside": a legislature "for" a place names the
    // seat, not a body.
    let legislature = ctx
        .lex
        .rules
        .set(Named::Legislatures)
        .contains(ctx.words[i]);
    while end + 1 < n && (ctx.words[end] == "of" || (ctx.words[end] == "for" && !legislature)) {
        let mut k = end + 1;
        if ctx.words[k].eq_ignore_ascii_case("the") && k + 1 < n {
            k += 1;
        }
        if let Some((d, len)) = domain_at(ctx.lex, &ctx.words, k) {
            *domain = domain.or(Some(d));
            end = k + len;
            // "Association of Police Authorities": the portfolio may start a longer name.
            while end < n
                && end < k + len + 3
                && is_capitalized(ctx.words[k])
                && is_capitalized(ctx.words[end])
                && ctx.words[end].chars().all(char::is_alphabetic)
                && !ctx.taken[end]
            {
                end += 1;
            }
        } else {
            let mut m = k;
            while m < n
                && m < k + 4
                && is_capitalized(ctx.words[m])
                && ctx.words[m].chars().all(char::is_alphabetic)
                && !ctx.taken[m]
                && !ctx.heading
            {
                m += 1;
            }
            if m == k {
                break;
            }
            end = m;
        }
    }
    // "Department of Trade and Industry", "Department for Culture, Media and Sport": the
    // portfolio goes on through commas and a closing "and" with plain capitalized words.
    if end > i + 1 && head_cap {
        let mut k = end;
        while k + 1 < n && matches!(ctx.words[k], "," | "and") {
            let sep = ctx.words[k];
            let mut m = k + 1;
            while m < n
                && m < k + 4
                && !ctx.taken[m]
                && is_capitalized(ctx.words[m])
                && ctx.words[m].chars().all(char::is_alphabetic)
                && ctx.titles_at[m].is_none()
                && !ctx.lex.is_given_name(ctx.words[m])
                && !ctx
                    .lex
                    .rules
                    .set(Named::OrganizationHeads)
                    .contains(ctx.words[m])
            {
                m += 1;
            }
            if m == k + 1 {
                break;
            }
            k = m;
            // ("the Health and Education select committees": two bodies, not one.)
            let plural_heads = ctx.words[k..n.min(k + 2)]
                .iter()
                .any(|w| ctx.lex.rules.set(Named::PluralBodyHeads).contains(w));
            if sep == "and" {
                if !plural_heads {
                    end = k;
                }
                break;
            }
        }
    }
    end
}

/// The end of an organization's name that continues past `end` with "for"/"of", an optional
/// "the", and capitalized words ("Council for the Welfare of Immigrants"); `end` if it does not.
pub(super) fn organization_tail(lex: &Lexicon, words: &[&str], end: usize) -> usize {
    let mut last = end;
    let mut j = end;
    while j < words.len() && matches!(words[j], "for" | "of") {
        let mut k = j + 1;
        if k < words.len() && words[k] == "the" {
            k += 1;
        }
        let start = k;
        while k < words.len()
            && words[k].chars().next().is_some_and(char::is_uppercase)
            && words[k].chars().all(char::is_alphabetic)
            && k - start < 4
        {
            k += 1;
        }
        if k == start {
            break;
        }
        last = k;
        j = k;
    }
    // Nothing but capitalized words follows: "of State Daniel Whitfield" is a title and a name.
    if last < words.len() && words[last].chars().next().is_some_and(char::is_uppercase) {
        return end;
    }
    // "Alliance for Vaccines and Immunisation": plain capitalized words after "and" close it.
    if last > end && last + 1 < words.len() && words[last] == "and" {
        let mut k = last + 1;
        while k < words.len()
            && k < last + 3
            && is_capitalized(words[k])
            && words[k].chars().all(char::is_alphabetic)
            && lex.is_common_word(words[k])
            && !lex.is_given_name(words[k])
        {
            k += 1;
        }
        if k > last + 1 && words.get(k).is_none_or(|w| !is_capitalized(w)) {
            return k;
        }
    }
    last
}

/// The end of "'s Middle School" right after a name at `end`, if that is what follows.
pub(super) fn possessive_institution(lex: &Lexicon, words: &[&str], end: usize) -> Option<usize> {
    if !words
        .get(end)
        .is_some_and(|w| matches!(*w, "'s" | "’s" | "'" | "’"))
    {
        return None;
    }
    let mut j = end + 1;
    while j < words.len() && j <= end + 4 && is_capitalized(words[j]) {
        if lex.rules.set(Named::InstitutionHeads).contains(words[j]) {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}
