//! Passes over the whole article's hits once every sentence is read: broadcast programmes,
//! buildings, named groups, whole body names and bracketed acronyms.

use crate::extract::doc::Doc;
use crate::extract::lexicon::Lexicon;
use crate::extract::rules::Named;
use crate::extract::slug;

use super::{Found, Hit, is_capitalized};

/// "told BBC One's Breakfast with Frost", "appearing on ITV's Celebrity Fit Club": a name that
/// a broadcaster owns is one of its programmes, not an actor (people after it, "the BBC's Nick
/// Robinson", stay). `hits` are in text order.
pub(super) fn broadcast_programmes(doc: &Doc<'_>, lex: &Lexicon, hits: &mut Vec<Hit>) {
    let owned = |t: usize| {
        t >= 2
            && matches!(doc.word(t - 1), "'s" | "’s")
            && (lex.rules.set(Named::Broadcasters).contains(doc.word(t - 2))
                || (t >= 3
                    && lex.rules.set(Named::Broadcasters).contains(doc.word(t - 3))
                    && lex
                        .rules
                        .set(Named::ChannelNumbers)
                        .contains(doc.word(t - 2))))
    };
    let unlisted_body = |h: &Hit| matches!(&h.found, Found::Organization { key, .. } if lex.organization(key).is_none());
    let mut programme_end: Option<usize> = None;
    hits.retain(|h| {
        let programme = unlisted_body(h)
            && (owned(h.tokens.start)
                || programme_end.is_some_and(|end| {
                    h.tokens.start == end + 1 && doc.word(end).eq_ignore_ascii_case("with")
                }));
        if programme {
            programme_end = Some(h.tokens.end);
        }
        !programme
    });
}

/// "the World Trade Center", "the Scottish Exhibition and Conference Centre", "St George's
/// Chapel", "the National Holocaust Memorial": buildings, venues and constituencies are
/// places, where things happen, not bodies or people that act ("the Centre for Policy Studies" and "the Foreign Policy Centre"
/// stay bodies).
pub(super) fn buildings(doc: &Doc<'_>, lex: &Lexicon, hits: &mut [Hit]) {
    for h in hits.iter_mut() {
        // "to fight the Suffolk Coastal seat", "the Stepney Green ward": a constituency.
        let seat = h.tokens.end < doc.tokens.len()
            && lex
                .rules
                .set(Named::SeatNouns)
                .contains(doc.word(h.tokens.end));
        let name = match &h.found {
            Found::Organization { key, name, .. } if lex.organization(key).is_none() => name,
            Found::Person {
                name,
                role: None,
                known: None,
                ..
            } if seat => name,
            _ => continue,
        };
        if seat {
            h.found = Found::Place { name: name.clone() };
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let building = match words.as_slice() {
            [.., before, last] if matches!(*last, "Centre" | "Center") => {
                lex.rules.set(Named::VenueKinds).contains(before)
            }
            [_, .., last] => lex.rules.set(Named::Buildings).contains(last),
            _ => false,
        };
        if building {
            h.found = Found::Place { name: name.clone() };
        }
    }
}

/// "a shadowy group known as Sons of Tarn", "a movement called Clearwater": a name that a
/// group word introduces is that group, whatever the tagger took it for, in all its mentions
/// (run before names are matched to people).
pub(super) fn named_groups(doc: &Doc<'_>, lex: &Lexicon, hits: &mut [Hit]) {
    let lower = |k: usize| doc.word(k).to_lowercase();
    let groups: Vec<String> = hits
        .iter()
        .filter_map(|h| match &h.found {
            Found::Person {
                name, known: None, ..
            }
            | Found::Organization { name, .. } => Some((h.tokens.start, name)),
            _ => None,
        })
        .filter(|&(t, _)| match t.checked_sub(1).map(lower).as_deref() {
            Some("called" | "named") => {
                t >= 2 && lex.rules.set(Named::GroupWords).contains(doc.word(t - 2))
            }
            Some("as") => {
                t >= 3
                    && lower(t - 2) == "known"
                    && lex.rules.set(Named::GroupWords).contains(doc.word(t - 3))
            }
            _ => false,
        })
        .map(|(_, name)| name.clone())
        .collect();
    // Every mention of the name in the article is the group.
    for h in hits.iter_mut() {
        if let Found::Person { name, .. } = &h.found
            && groups.contains(name)
        {
            let name = name.clone();
            h.found = Found::Organization {
                key: format!("org:{}", slug(&name)),
                name,
                country: None,
            };
        }
    }
}

/// "Campaign for Borders Rail", "Lawyers' Christian Fellowship": a body's name that the tagger
/// began too late takes back a head word and "for"/"of" before it, or a plural possessive
/// glued to it, when no other name holds those words. `hits` are in text order.
pub(super) fn whole_body_names(doc: &Doc<'_>, lex: &Lexicon, hits: &mut Vec<Hit>) {
    // Token -> the hit covering it.
    let mut owner = vec![None; doc.tokens.len()];
    for (n, h) in hits.iter().enumerate() {
        for t in h.tokens.clone() {
            owner[t] = Some(n);
        }
    }
    let mut absorbed = vec![false; hits.len()];
    for n in 0..hits.len() {
        let Found::Organization { key, country, .. } = &hits[n].found else {
            continue;
        };
        if lex.organization(key).is_some() {
            continue;
        }
        let country = *country;
        let first = doc.sentences[hits[n].sentence].tokens.start;
        let mut start = hits[n].tokens.start;
        while let Some(k) = start.checked_sub(2).filter(|&k| k >= first) {
            let head = doc.word(k);
            let plain = is_capitalized(head) && head.chars().all(char::is_alphabetic);
            // ("entered Parliament for Sheffield Brightside": a legislature's seat.)
            let legislature =
                lex.rules.set(Named::Legislatures).contains(head) && doc.word(k + 1) == "for";
            let linked = matches!(doc.word(k + 1), "for" | "of")
                && plain
                && owner[k].is_none()
                && !legislature
                && (lex.rules.set(Named::OrganizationHeads).contains(head)
                    || lex.rules.set(Named::PossessorHeads).contains(head));
            // The possessor may have been tagged as a body of its own ("Lawyers").
            let lone_body = owner[k].filter(|&o| {
                hits[o].tokens == (k..k + 1)
                    && matches!(&hits[o].found, Found::Organization { key, .. } if lex.organization(key).is_none())
            });
            let possessor = matches!(doc.word(k + 1), "'" | "’")
                && !doc.tokens[k + 1].space_before
                && plain
                && head.len() > 3
                && head.ends_with('s')
                && (owner[k].is_none() || lone_body.is_some());
            if !(linked || possessor) {
                break;
            }
            if let Some(o) = lone_body.filter(|_| possessor) {
                absorbed[o] = true;
            }
            start = k;
        }
        if start < hits[n].tokens.start {
            let span = doc.tokens[start].span.start..doc.tokens[hits[n].tokens.end - 1].span.end;
            let name = doc.text[span].to_string();
            hits[n].found = Found::Organization {
                key: format!("org:{}", slug(&name)),
                name,
                country,
            };
            hits[n].tokens.start = start;
        }
    }
    let mut n = 0;
    hits.retain(|_| {
        n += 1;
        !absorbed[n - 1]
    });
}

/// "the Regional Fisheries Council (RFC) ... the RFC said": an acronym given in brackets right
/// after a body's name, spelling the initials of its capitalized words, is that body wherever
/// the article uses it. `hits` are in text order.
pub(super) fn bracketed_acronyms(doc: &Doc<'_>, lex: &Lexicon, hits: &mut [Hit]) {
    let initials = |name: &str| -> String {
        name.split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect()
    };
    let mut expansions: Vec<(String, Found)> = Vec::new();
    for pair in hits.windows(2) {
        let (full, short) = (&pair[0], &pair[1]);
        let (
            Found::Organization { name, .. },
            Found::Organization {
                key: short_key,
                name: acronym,
                ..
            },
        ) = (&full.found, &short.found)
        else {
            continue;
        };
        let bracketed = short.tokens.start == full.tokens.end + 1
            && doc.word(full.tokens.end) == "("
            && short.tokens.end < doc.tokens.len()
            && doc.word(short.tokens.end) == ")";
        if bracketed
            && acronym.chars().count() >= 2
            && acronym.chars().all(|c| c.is_ascii_uppercase())
            && lex.organization(short_key).is_none()
            && initials(name) == *acronym
        {
            expansions.push((acronym.clone(), full.found.clone()));
        }
    }
    if expansions.is_empty() {
        return;
    }
    for h in hits.iter_mut() {
        if let Found::Organization { name, .. } = &h.found
            && let Some((_, full)) = expansions.iter().find(|(a, _)| a == name)
        {
            h.found = full.clone();
        }
    }
}

/// The portfolio named by `words[i..]`, with its length.
pub(super) fn domain_at(lex: &Lexicon, words: &[&str], i: usize) -> Option<(usize, usize)> {
    lex.domain_at(words, i)
}
