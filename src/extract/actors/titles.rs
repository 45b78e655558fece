//! People named by their title, honorific, office counterpart or kin, appositions that give a
//! role, and untitled given-name patterns.

use crate::extract::lexicon::Target;
use crate::extract::slug;
use crate::extract::tokenize::TokenKind;

use crate::extract::rules::Named;

use super::sentence::SentenceCtx;
use super::words::member_word;
use super::{Found, is_capitalized};

/// People named after a title or honorific: "US defense Secretary Pete Hegseth", "Mr Blair",
/// "Presidents Xi Jinping and Donald Trump".
pub(super) fn titled_people(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        let Some((len, target)) = ctx.titles_at[i] else {
            i += 1;
            continue;
        };
        if !ctx.free(i..i + len) {
            i += 1;
            continue;
        }
        // "the major Leeds hotels": a rank that is also an adjective is a title only when
        // capitalized or after a capitalized word or qualifier ("England captain Tom Hale").
        if len == 1
            && ctx
                .lex
                .rules
                .set(Named::RankAdjectives)
                .contains(ctx.words[i])
            && !(i > 0
                && ((is_capitalized(ctx.words[i - 1])
                    && ctx.kind(i - 1) == TokenKind::Word
                    && !(i == 1 && ctx.lex.is_common_word(ctx.words[0])))
                    || ctx
                        .lex
                        .rules
                        .set(Named::RoleQualifiers)
                        .contains(ctx.words[i - 1])))
        {
            i += 1;
            continue;
        }
        // ("Princess", "Baroness": no plural.)
        let last_word = ctx.words[i + len - 1];
        let plural =
            last_word.ends_with('s') && !last_word.ends_with("ss") && target != Target::Honorific;
        // "deputy defense secretary", "acting president": the qualifier is part of the role.
        let qualifier = (i > 0 && !ctx.taken[i - 1])
            .then(|| ctx.words[i - 1].to_lowercase())
            .filter(|w| ctx.lex.rules.set(Named::RoleQualifiers).contains(w));
        let title_start = if qualifier.is_some() { i - 1 } else { i };
        let country_hit = ctx.country_before(title_start);
        let (role, org_country) = title_role(ctx, target, title_start, qualifier.as_deref());
        let mut j = i + len;
        // "Lord Chancellor Lord Falconer", "London mayor Mr Livingstone": an honorific between
        // an office and the name leaves the office to the name.
        if target != Target::Honorific
            && let Some((hl, Target::Honorific)) = ctx.titles_at.get(j).copied().flatten()
            && ctx.free(j..j + hl)
        {
            j += hl;
        }
        let title_end = j;
        let mut people = 0;
        loop {
            // A known person right after the title takes the role.
            if let Some(h) = ctx.hits.iter().position(|h| {
                h.tokens.start == j + ctx.start && matches!(h.found, Found::Person { .. })
            }) {
                if let Found::Person { role: r, .. } = &mut ctx.hits[h].found {
                    r.clone_from(&role);
                }
                j = ctx.hits[h].tokens.end - ctx.start;
            } else {
                // ("PRINCE NASEEM RETAINS WBO TITLE": in capitals case does not show where the
                // name after a title ends; the tagger's person does.)
                let run = if ctx.in_capitals() {
                    ctx.tagged_person_at(j)
                } else {
                    ctx.name_run(j)
                };
                if run == 0 {
                    break;
                }
                // (After a skipped honorific the name is read as after that honorific:
                // "Lord Falconer" is a surname, whatever "falconer" means.)
                let (name_target, after) = if title_end > i + len {
                    (Target::Honorific, i + len)
                } else {
                    (target, i)
                };
                if ends_the_title(ctx, name_target, (after, j, run), plural && people == 0) {
                    break;
                }
                let name = ctx.text_of(j..j + run);
                let known = (run == 1)
                    .then(|| {
                        ctx.lex
                            .names
                            .longest_at(&ctx.words, j)
                            .and_then(|(l, t)| match t {
                                Target::PersonAlias(p) | Target::Person(p) if l == 1 => Some(p),
                                _ => None,
                            })
                    })
                    .flatten();
                ctx.take(
                    j..j + run,
                    Found::Person {
                        name,
                        role: role.clone(),
                        country: None,
                        known,
                    },
                );
                j += run;
            }
            people += 1;
            if plural && j + 1 < n && matches!(ctx.words[j], "and" | ",") {
                j += 1;
                continue;
            }
            break;
        }
        if people > 0 {
            for t in &mut ctx.taken[title_start..title_end] {
                *t = true;
            }
            let country = match country_hit {
                Some(h) => ctx.mark_modifier(h),
                None => org_country,
            };
            if let Some(c) = country {
                let first_new = ctx.hits.len() - people;
                for hit in &mut ctx.hits[first_new..] {
                    if let Found::Person { country, .. } = &mut hit.found {
                        *country = Some(c);
                    }
                }
            }
            if people == 1 {
                j = peer_seat(ctx, i, j, target);
            }
            i = j;
        } else {
            i += len;
        }
    }
}

/// Whether the run of `run` capitalized words at local `j`, after the title at `i`, is no
/// name the title goes with. `first_of_plural`: the title is plural and names no one yet.
fn ends_the_title(
    ctx: &SentenceCtx<'_, '_>,
    target: Target,
    (i, j, run): (usize, usize, usize),
    first_of_plural: bool,
) -> bool {
    // A single capitalized word after a bare office head ("Secretary General") is
    // not enough on its own in headings.
    if ctx.heading && run == 1 && target != Target::Honorific {
        return true;
    }
    // "the Queen Mother", "Prime Minister Question Time": one plain word after a
    // title is part of a phrase, not a name.
    // ("Mr Younger", "Mrs Green": after Mr and the like, any word is a surname.)
    let plain_honorific = target == Target::Honorific
        && ctx
            .lex
            .rules
            .set(Named::PlainHonorifics)
            .contains(ctx.words[i].trim_end_matches('.'));
    // ("Mr P.": an initial alone is no surname.)
    if run == 1 && ctx.words[j].trim_end_matches('.').chars().count() == 1 {
        return true;
    }
    if run == 1
        && !plain_honorific
        && ctx.lex.is_common_word(ctx.words[j])
        && ctx.lex.names.longest_at(&ctx.words, j).is_none()
    {
        return true;
    }
    // "General Motors", "Admiral Insurance": a name that ends in a company's word
    // or a body's head after a title names the company.
    let run_end = ctx.words[j + run - 1].to_lowercase();
    if ctx.lex.rules.set(Named::CompanyWords).contains(&run_end)
        || ctx
            .lex
            .rules
            .set(Named::OrganizationHeads)
            .contains(&run_end)
    {
        return true;
    }
    // ("Presidents Bush and Clinton": a plural title names a list; "Queens Park
    // Rangers" names no one.)
    if first_of_plural && !matches!(ctx.words.get(j + run).copied(), Some("and" | ",")) {
        return true;
    }
    false
}

/// The role a title at `title_start` gives (with its qualifier, "deputy", and the office of
/// the organization named right before it), and that organization's country.
fn title_role(
    ctx: &SentenceCtx<'_, '_>,
    target: Target,
    title_start: usize,
    qualifier: Option<&str>,
) -> (Option<String>, Option<usize>) {
    // "Kremlin spokesman Yuri Malkov", "Chinese foreign ministry spokesperson Lin Wenhao":
    // the organization names the office and, through its country, the affiliation.
    let org_hit = ctx.organization_before(title_start);
    let (role, org_country) = match org_hit {
        Some((office, country)) => (
            ctx.lex.role_of(target).map(|r| format!("{office} {r}")),
            country,
        ),
        None => (ctx.lex.role_of(target), None),
    };
    let role = match (qualifier, role) {
        (Some(q), Some(r)) => {
            let mut chars = q.chars();
            let q: String = chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().collect::<String>() + chars.as_str()
            });
            Some(format!("{q} {r}"))
        }
        (_, r) => r,
    };
    (role, org_country)
}

/// "Lord Menon of Tarnwick", "Baroness Hale of Ashby": a peer's title (at `i`, the name ending
/// at `j`) ends with a place, taken here; returns where the title ends.
fn peer_seat(ctx: &mut SentenceCtx<'_, '_>, i: usize, j: usize, target: Target) -> usize {
    let n = ctx.words.len();
    if target == Target::Honorific
        && ctx
            .lex
            .rules
            .set(Named::PeerHonorifics)
            .contains(ctx.words[i])
        && j + 1 < n
        && ctx.words[j] == "of"
    {
        let mut k = j + 1;
        while k < n
            && k < j + 4
            && !ctx.taken[k]
            && ctx.kind(k) == TokenKind::Word
            && is_capitalized(ctx.words[k])
        {
            k += 1;
        }
        if k > j + 1 {
            let name = ctx.text_of(j + 1..k);
            ctx.take(j + 1..k, Found::Place { name });
            return k;
        }
    }
    j
}

/// "Polish defense minister Anna Kowalska and her German counterpart, Markus Brenner": the
/// counterpart holds the same office for the country named before the word.
pub(super) fn counterparts(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    for i in 0..n {
        // Folded by ASCII rules without a copy: no other character lower-cases to one of
        // these letters, so this is the same test as on the word's `to_lowercase`.
        let w = ctx.words[i];
        if !w.eq_ignore_ascii_case("counterpart") && !w.eq_ignore_ascii_case("counterparts") {
            continue;
        }
        let mut j = i + 1;
        if ctx.words.get(j) == Some(&",") {
            j += 1;
        }
        let run = ctx.name_run(j);
        if run < 2 {
            continue;
        }
        // The office of the person named before, in this sentence.
        let role = ctx.hits.iter().rev().find_map(|h| match &h.found {
            Found::Person { role: Some(r), .. } if h.tokens.end <= i + ctx.start => Some(r.clone()),
            _ => None,
        });
        let country = ctx.country_before(i).and_then(|h| ctx.mark_modifier(h));
        let name = ctx.text_of(j..j + run);
        ctx.take(
            j..j + run,
            Found::Person {
                name,
                role,
                country,
                known: None,
            },
        );
    }
}

/// "start a family with wife Ffion", "his son Dafydd": a name right after a word for a
/// relative, itself after a possessive or a linking word, is a person.
pub(super) fn kin_names(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    for i in 1..n.saturating_sub(1) {
        if !ctx.lex.rules.set(Named::KinWords).contains(ctx.words[i]) || ctx.taken[i] {
            continue;
        }
        if !ctx
            .lex
            .rules
            .set(Named::KinOpeners)
            .contains(ctx.words[i - 1])
        {
            continue;
        }
        let run = ctx.name_run(i + 1);
        let first = ctx.words[i + 1];
        if run == 0 || run > 3 || (ctx.lex.is_common_word(first) && !ctx.lex.is_given_name(first)) {
            continue;
        }
        let name = ctx.text_of(i + 1..i + 1 + run);
        ctx.take(
            i + 1..i + 1 + run,
            Found::Person {
                name,
                role: None,
                country: None,
                known: None,
            },
        );
    }
}

/// Roles given after the name: "Maria Reyes, the Philippine foreign secretary, said", "Dong
/// Jun, China's defense minister". The title must end the phrase, so "Reyes, President
/// Castillo's envoy" gives Reyes nothing.
pub(super) fn appositions(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let people: Vec<usize> = (0..ctx.hits.len())
        .filter(|&h| matches!(ctx.hits[h].found, Found::Person { role: None, .. }))
        .collect();
    for h in people {
        let mut j = ctx.hits[h].tokens.end - ctx.start;
        if ctx.words.get(j) != Some(&",") {
            continue;
        }
        j += 1;
        if j < n
            && ctx
                .lex
                .rules
                .set(Named::AppositionDeterminers)
                .contains(ctx.words[j])
        {
            j += 1;
        }
        let country_hit = ctx.hits.iter().position(|c| {
            c.tokens.start == j + ctx.start && matches!(c.found, Found::Country { .. })
        });
        if let Some(c) = country_hit {
            j = ctx.hits[c].tokens.end - ctx.start;
            if j < n && matches!(ctx.words[j], "'s" | "’s") {
                j += 1;
            }
        }
        let Some((len, target)) = ctx.titles_at.get(j).copied().flatten() else {
            continue;
        };
        if target == Target::Honorific || !ctx.free(j..j + len) {
            continue;
        }
        let end = j + len;
        if !apposition_ends_at(ctx, end) {
            continue;
        }
        let role = ctx.lex.role_of(target);
        let country = country_hit.and_then(|c| ctx.mark_modifier(c));
        for t in &mut ctx.taken[j..end] {
            *t = true;
        }
        if let Found::Person {
            role: r,
            country: k,
            ..
        } = &mut ctx.hits[h].found
        {
            *r = role;
            if k.is_none() {
                *k = country;
            }
        }
    }
}

/// "The Attorney General, Lord Goldsmith, said": a title after "the", a comma, and a person
/// with no role closed by an apposition's end gives that person the title's role. Only
/// "the" (`title_apposition_determiners`): "the then Lord Chancellor, Lord Irvine" names a
/// past holder, whom a later "the Lord Chancellor" does not mean.
pub(super) fn titles_before_a_name(ctx: &mut SentenceCtx<'_, '_>) {
    let people: Vec<usize> = (0..ctx.hits.len())
        .filter(|&h| matches!(ctx.hits[h].found, Found::Person { role: None, .. }))
        .collect();
    for h in people {
        let mut start = ctx.hits[h].tokens.start - ctx.start;
        let end = ctx.hits[h].tokens.end - ctx.start;
        // ("…, Lord Goldsmith,": the honorific stands outside the name.)
        if let Some(k) = (start.saturating_sub(3)..start).find(|&k| {
            ctx.titles_at[k].is_some_and(|(len, t)| t == Target::Honorific && k + len == start)
        }) {
            start = k;
        }
        if start < 3 || ctx.words[start - 1] != "," {
            continue;
        }
        if !apposition_ends_at(ctx, end) {
            continue;
        }
        let comma = start - 1;
        let Some((title, target)) = (comma.saturating_sub(4)..comma).find_map(|k| {
            ctx.titles_at[k]
                .filter(|&(len, t)| k + len == comma && t != Target::Honorific)
                .map(|(_, t)| (k, t))
        }) else {
            continue;
        };
        if title == 0
            || !ctx.free(title..comma)
            || !ctx
                .lex
                .rules
                .set(Named::TitleAppositionDeterminers)
                .contains(ctx.words[title - 1])
        {
            continue;
        }
        let role = ctx.lex.role_of(target);
        for t in &mut ctx.taken[title..comma] {
            *t = true;
        }
        if let Found::Person { role: r, .. } = &mut ctx.hits[h].found {
            *r = role;
        }
    }
}

/// Untitled people: a given name followed by capitalized words ("Gordon Brown"), or a
/// capitalized pair before a reporting verb ("Ana Lobo said").
pub(super) fn named_people(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        let run = ctx.name_run(i);
        if run < 2 {
            i += 1;
            continue;
        }
        let first = ctx.words[i];
        let given = ctx.lex.is_given_name(first);
        let reported = ctx
            .lex
            .rules
            .set(Named::ReportingVerbs)
            .contains(ctx.words.get(i + run).copied().unwrap_or(""));
        let initial_common = i == 0 && ctx.lex.is_common_word(first);
        // "The Roman Catholic Archbishop": a faith is no name, even after a given name.
        if ctx.words[i..i + run]
            .iter()
            .all(|w| member_word(ctx.lex, w))
        {
            i += run;
            continue;
        }
        // "Age Concern argued", "Royal Mail says": a pair ending in a plain word is a body.
        let plain_last = !given && ctx.lex.is_common_word(ctx.words[i + run - 1]);
        let titled = (i..i + run).any(|k| ctx.titles_at[k].is_some());
        if reported && !initial_common && plain_last && !titled {
            // "the Welsh Assembly Government said": with the country in front.
            let country_hit = ctx.country_before(i);
            let surface_start = country_hit.map_or(i, |h| ctx.hits[h].tokens.start - ctx.start);
            let country = country_hit.and_then(|h| ctx.mark_modifier(h));
            let name = ctx.text_of(surface_start..i + run);
            ctx.take(
                i..i + run,
                Found::Organization {
                    key: format!("org:{}", slug(&name)),
                    name,
                    country,
                },
            );
        } else if (given || reported) && !initial_common {
            let name = ctx.text_of(i..i + run);
            ctx.take(
                i..i + run,
                Found::Person {
                    name,
                    role: None,
                    country: None,
                    known: None,
                },
            );
        }
        i += run;
    }
}

/// Whether an apposition may end before word `end`: at the sentence's end or before a word
/// that closes one (`apposition_ends`: a comma, "and", "said", "who"...).
fn apposition_ends_at(ctx: &SentenceCtx<'_, '_>, end: usize) -> bool {
    end >= ctx.words.len()
        || ctx
            .lex
            .rules
            .set(Named::AppositionEnds)
            .contains(ctx.words[end])
}
