//! Within-article resolution: surnames to full names, aliases to known people, ministries to
//! their country, and later mentions by role alone.

use crate::extract::Actor;
use crate::extract::ActorKind;
use crate::extract::Mention;
use crate::extract::doc::Doc;
use crate::extract::lexicon::Lexicon;
use crate::extract::lexicon::Target;
use crate::extract::lexicon::WordHasher;
use crate::extract::rules::Named;
use crate::extract::slug;
use crate::extract::tokenize::TokenKind;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasherDefault;

/// Keys of people by a word of their names.
type KeysByWord = HashMap<String, Vec<String>, BuildHasherDefault<WordHasher>>;

use super::passes::{
    bracketed_acronyms, broadcast_programmes, buildings, named_groups, whole_body_names,
};
use super::{Found, Hit, is_capitalized};

/// Groups hits into actors: resolves surnames to full names, aliases to known people and
/// unqualified ministries to the one qualified ministry of the article; finds lone surnames.
pub fn resolve(doc: &Doc<'_>, lex: &Lexicon, hits: &mut Vec<Hit>) -> Vec<Actor> {
    named_groups(doc, lex, hits);
    let people = People::of(lex, hits);
    retype_by_article(doc, lex, &people, hits);
    lone_surnames(doc, lex, &people, hits);
    hits.sort_by_key(|h| h.tokens.start);
    buildings(doc, lex, hits);
    broadcast_programmes(doc, lex, hits);
    drop_lone_acronyms(doc, lex, hits);
    whole_body_names(doc, lex, hits);
    bracketed_acronyms(doc, lex, hits);
    let mut actors = actors_of(doc, lex, &people, hits);
    role_mentions(doc, lex, hits, &mut actors);
    let mut out: Vec<Actor> = actors.into_values().collect();
    for a in &mut out {
        a.aliases.sort();
        a.mentions.sort_by_key(|m| m.span.start);
    }
    out
}

/// Full names seen in the article: key -> (name, known index).
struct People<'l> {
    lex: &'l Lexicon,
    by_key: BTreeMap<String, (String, Option<usize>)>,
    /// The keys of the people each word ends the name of or is an alias of, each person once
    /// a word (read for every lone name: one look-up, not a walk over the people).
    by_last_word: KeysByWord,
    /// The keys of the people with a two-word name that each word starts.
    by_first_of_two: KeysByWord,
}

/// Who a surname names among the people of an article.
enum Owners {
    /// No one.
    NoOne,
    /// One person, by key.
    One(String),
    /// Several people: the surname alone names no one.
    Several,
}

impl<'l> People<'l> {
    /// The people the hits name in full (or by a lexicon entry).
    fn of(lex: &'l Lexicon, hits: &[Hit]) -> Self {
        let mut people: BTreeMap<String, (String, Option<usize>)> = BTreeMap::new();
        for h in hits {
            if let Found::Person { name, known, .. } = &h.found {
                let full = known.map_or_else(|| name.clone(), |k| lex.people[k].name.clone());
                if full.split_whitespace().count() >= 2 || known.is_some() {
                    people.entry(person_key(&full)).or_insert((full, *known));
                }
            }
        }
        let mut by_last_word = KeysByWord::default();
        let mut by_first_of_two = KeysByWord::default();
        for (key, (name, known)) in &people {
            let mut words: Vec<&str> = name.split_whitespace().next_back().into_iter().collect();
            if let Some(k) = known {
                words.extend(lex.people[*k].aliases.iter().map(String::as_str));
            }
            words.sort_unstable();
            words.dedup();
            for w in words {
                by_last_word
                    .entry(w.to_string())
                    .or_default()
                    .push(key.clone());
            }
            let mut parts = name.split_whitespace();
            if let (Some(first), Some(_), None) = (parts.next(), parts.next(), parts.next()) {
                by_first_of_two
                    .entry(first.to_string())
                    .or_default()
                    .push(key.clone());
            }
        }
        People {
            lex,
            by_key: people,
            by_last_word,
            by_first_of_two,
        }
    }

    fn get(&self, key: &str) -> Option<&(String, Option<usize>)> {
        self.by_key.get(key)
    }

    /// Who among the people of the article `word` ends the name of (or is an alias of).
    fn last_name_owner(&self, word: &str) -> Owners {
        match self.by_last_word.get(word).map(Vec::as_slice) {
            None | Some([]) => Owners::NoOne,
            Some([key]) => Owners::One(key.clone()),
            Some(_) => Owners::Several,
        }
    }

    /// The key of the one person of the article that `word` (a surname, an alias, or a
    /// family name written first) names.
    fn surname_owner(&self, word: &str) -> Option<String> {
        match self.last_name_owner(word) {
            Owners::One(key) => return Some(key),
            Owners::Several => return None,
            Owners::NoOne => {}
        }
        // "Lin Wenhao ... Lin also warned": names written family name first (and the odd
        // given name used alone, which within one article means the same person).
        if self.lex.is_common_word(word) {
            return None;
        }
        match self.by_first_of_two.get(word).map(Vec::as_slice) {
            Some([key]) => Some(key.clone()),
            _ => None,
        }
    }
}

/// Changes what a hit names once the whole article is read: lone places and lone unlisted
/// organizations that are surnames of its people, lone organizations it also names as places.
fn retype_by_article(doc: &Doc<'_>, lex: &Lexicon, people: &People<'_>, hits: &mut [Hit]) {
    let surname_owner = |word: &str| people.surname_owner(word);
    // "received Sakai at the palace": a lone word taken for a place that is the surname of a
    // person named in full in this article is that person.
    // (A first name only when it is a given name: "Nigel" is Nigel Farage, but "York" is no
    // person for "York Minster".)
    // ("Yeltsin endorses Lebed Chechnya peace plan ... peace in Chechnya": a word the article
    // names as a place after "in", "at" and the like more often than it names that person in
    // full stays a place.)
    // (Counted once by name: a scan of every hit for each would be quadratic in an article
    // naming the same thing thousands of times.)
    let after_locative = |h: &Hit| {
        h.tokens.start > 0
            && lex
                .rules
                .set(Named::Locatives)
                .contains(doc.word(h.tokens.start - 1))
    };
    let located_places = tally(hits.iter().filter_map(|h| match &h.found {
        Found::Place { name } if !name.contains(' ') && after_locative(h) => Some(name.clone()),
        _ => None,
    }));
    let person_keys = tally(hits.iter().filter_map(|h| match &h.found {
        Found::Person { name, .. } => Some(person_key(name)),
        _ => None,
    }));
    let count = |words: &BTreeMap<String, usize>, name: &str| words.get(name).copied().unwrap_or(0);
    let mostly_place =
        |name: &str, key: &str| count(&located_places, name) > count(&person_keys, key);
    for h in hits.iter_mut() {
        if let Found::Place { name } = &h.found
            && h.tokens.len() == 1
            && let Some(key) = match people.last_name_owner(name) {
                Owners::One(key) => Some(key),
                Owners::NoOne if lex.is_given_name(name) => surname_owner(name),
                Owners::NoOne | Owners::Several => None,
            }
            && !mostly_place(name, &key)
        {
            h.found = Found::Person {
                name: name.clone(),
                role: None,
                country: None,
                known: None,
            };
            h.key = key;
        }
    }

    // "the conference in Tarnwick ... Tarnwick was chosen": a lone word the tagger took for an
    // unlisted organization is a place when the article also names it as a place.
    let place_words = tally(hits.iter().filter_map(|h| match &h.found {
        Found::Place { name } if !name.contains(' ') => Some(name.clone()),
        _ => None,
    }));
    // ("Essex beat Surrey ... in Essex": a club named after its town more often than the town
    // stays a club.)
    let lone_org = |found: &Found| match found {
        Found::Organization { key, name, .. }
            if !name.contains(' ')
                && !name.chars().all(|c| !c.is_lowercase())
                && lex.organization(key).is_none() =>
        {
            Some(name.clone())
        }
        _ => None,
    };
    let org_words = tally(hits.iter().filter_map(|h| lone_org(&h.found)));
    for h in hits.iter_mut() {
        if let Some(name) = lone_org(&h.found)
            && count(&place_words, &name) >= count(&org_words, &name)
        {
            h.found = Found::Place { name: name.clone() };
        }
    }

    // "People like Forsyth", "Plaid Cymru's Elfyn Llwyd": a name the tagger took for an
    // organization that is the surname of a person of this article ("Frederick Forsyth", "Mr
    // Llwyd") is that person.
    let lone_surnames: BTreeSet<String> = hits
        .iter()
        .filter_map(|h| match &h.found {
            Found::Person { name, .. } => name.split_whitespace().last().map(str::to_string),
            _ => None,
        })
        .collect();
    for h in hits.iter_mut() {
        let Found::Organization { key, name, .. } = &h.found else {
            continue;
        };
        let listed = lex.organization(key).is_some();
        let words: Vec<&str> = name.split_whitespace().collect();
        let headed = words.iter().any(|w| {
            lex.rules.set(Named::OrganizationHeads).contains(w)
                || lex.rules.set(Named::CompanyWords).contains(w)
        });
        if listed || headed || name.chars().all(|c| !c.is_lowercase()) {
            continue;
        }
        let owner = match words.as_slice() {
            [one] => surname_owner(one),
            [_, last] | [_, _, last] if lone_surnames.contains(*last) => Some(person_key(name)),
            _ => None,
        };
        if let Some(owner) = owner {
            let name = name.clone();
            h.found = Found::Person {
                name,
                role: None,
                country: None,
                known: None,
            };
            h.key = owner;
        }
    }
}

/// How many times each of `names` comes.
fn tally(names: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    counts
}

/// Lone capitalized words that are surnames of people in this article, or lexicon aliases.
fn lone_surnames(doc: &Doc<'_>, lex: &Lexicon, people: &People<'_>, hits: &mut Vec<Hit>) {
    let surname_owner = |word: &str| people.surname_owner(word);
    let mut covered = vec![false; doc.tokens.len()];
    for h in hits.iter() {
        for t in h.tokens.clone() {
            covered[t] = true;
        }
    }
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for t in sentence.tokens.clone() {
            let w = doc.word(t);
            // ("Speaker" for "Madam Speaker", "Hi" for "Hi Kat": a title or a word of speech
            // alone is no surname.)
            if covered[t]
                || !is_capitalized(w)
                || doc.tokens[t].kind != TokenKind::Word
                || lex.rules.set(Named::Interjections).contains(w)
                || (matches!(lex.titles.longest_at(&[w], 0), Some((1, _)))
                    && !(t > sentence.tokens.start
                        && lex
                            .rules
                            .set(Named::HonorificsBeforeSurname)
                            .contains(doc.word(t - 1))))
            {
                continue;
            }
            if let Some(key) = surname_owner(w) {
                hits.push(Hit {
                    tokens: t..t + 1,
                    sentence: s,
                    found: Found::Person {
                        name: w.to_string(),
                        role: None,
                        country: None,
                        known: None,
                    },
                    key,
                });
                continue;
            }
            let words = [w];
            if let Some((1, Target::PersonAlias(p))) = lex.names.longest_at(&words, 0)
                && w.chars().count() >= 4
                && !(t == sentence.tokens.start && lex.is_common_word(w))
                && !lex.is_common_word(w)
            {
                hits.push(Hit {
                    tokens: t..t + 1,
                    sentence: s,
                    found: Found::Person {
                        name: w.to_string(),
                        role: None,
                        country: None,
                        known: Some(p),
                    },
                    key: String::new(),
                });
            }
        }
    }
}

/// "who was a GP in Blaengwynfi", "became a QC": an acronym after "a" that qualifies no noun
/// is a kind of person, not a body ("a UKIP candidate" names the party).
fn drop_lone_acronyms(doc: &Doc<'_>, lex: &Lexicon, hits: &mut Vec<Hit>) {
    hits.retain(|h| {
        let t = h.tokens.start;
        let lone_acronym = h.tokens.len() == 1
            && matches!(&h.found, Found::Organization { key, name, .. }
                if lex.organization(key).is_none()
                    && (2..=4).contains(&name.len())
                    && name.chars().all(|c| c.is_ascii_uppercase()));
        let after_article = t > 0
            && lex
                .rules
                .set(Named::IndefiniteArticles)
                .contains(doc.word(t - 1));
        let qualifies = h.tokens.end < doc.tokens.len()
            && doc.tokens[h.tokens.end].kind == TokenKind::Word
            && !lex
                .rules
                .set(Named::PhraseEnders)
                .contains(doc.word(h.tokens.end));
        !(lone_acronym && after_article && !qualifies)
    });
}

/// The actors of the hits, each hit given its actor's key.
fn actors_of(
    doc: &Doc<'_>,
    lex: &Lexicon,
    people: &People<'_>,
    hits: &mut [Hit],
) -> BTreeMap<String, Actor> {
    // Ministries named without their country take the article's only matching one.
    let qualified: Vec<String> = hits
        .iter()
        .filter_map(|h| match &h.found {
            Found::Organization {
                key,
                country: Some(_),
                ..
            } => Some(key.clone()),
            _ => None,
        })
        .collect();

    let mut actors: BTreeMap<String, Actor> = BTreeMap::new();
    // The actors whose role the article itself stated.
    let mut stated: BTreeSet<String> = BTreeSet::new();
    for h in hits.iter_mut() {
        let span = doc.tokens[h.tokens.start].span.start..doc.tokens[h.tokens.end - 1].span.end;
        let surface = doc.text[span.clone()].to_string();
        let mention = Mention {
            span,
            sentence: h.sentence,
        };
        let (key, kind, name, role, affiliation) = match &h.found {
            Found::Place { name } => {
                // Not an actor; events read the place from the hit.
                h.key = format!("place:{}", slug(name));
                continue;
            }
            Found::Country { index, .. } => {
                let c = &lex.countries[*index];
                (
                    format!("country:{}", c.iso3),
                    ActorKind::Country,
                    c.name.clone(),
                    None,
                    None,
                )
            }
            Found::Organization { key, name, country } => {
                let mut key = key.clone();
                if country.is_none() {
                    let suffix = key.trim_start_matches("org:").to_string();
                    let mut same = qualified
                        .iter()
                        .filter(|q| q.strip_suffix(&suffix).is_some_and(|r| r.ends_with('-')));
                    if let (Some(q), None) = (same.next(), same.next()) {
                        key.clone_from(q);
                    }
                }
                let country_key = country.map(|c| format!("country:{}", lex.countries[c].iso3));
                (
                    key,
                    ActorKind::Organization,
                    name.clone(),
                    None,
                    country_key,
                )
            }
            Found::Person {
                name,
                role,
                country,
                known,
            } => {
                let (full, lexicon_role, lexicon_country) =
                    full_name(doc, lex, people, h, name, *known);
                let affiliation = country
                    .map(|c| format!("country:{}", lex.countries[c].iso3))
                    .or_else(|| lexicon_country.map(|c| format!("country:{c}")));
                (
                    person_key(&full),
                    ActorKind::Person,
                    full,
                    role.clone().or(lexicon_role),
                    affiliation,
                )
            }
        };
        h.key.clone_from(&key);
        let actor = actors.entry(key.clone()).or_insert_with(|| Actor {
            key,
            kind,
            name: name.clone(),
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            affiliation_name: None,
            mentions: Vec::new(),
        });
        // The text's own role beats the lexicon's, whatever their lengths ("Chancellor Gordon
        // Brown" after a heading's "Brown", whom the lexicon gives a later office); among the
        // text's roles the first stated one wins, unless a longer one follows.
        let from_text = matches!(&h.found, Found::Person { role: Some(_), .. });
        if let Some(r) = role
            && actor.role.as_deref() != Some(r.as_str())
            && (actor.role.is_none()
                || from_text && !stated.contains(&actor.key)
                || from_text && actor.role.as_deref().is_some_and(|old| r.len() > old.len()))
        {
            actor.role = Some(r);
            if from_text {
                stated.insert(actor.key.clone());
            }
        }
        if actor.affiliation.is_none() {
            actor.affiliation = affiliation;
        }
        if surface != actor.name && !actor.aliases.contains(&surface) {
            actor.aliases.push(surface);
        }
        actor.mentions.push(mention);
    }
    actors
}

/// The full name a person's hit names, with the lexicon's role and country when it is a known
/// person: a surname joins the one person of the article it ends the name of.
fn full_name(
    doc: &Doc<'_>,
    lex: &Lexicon,
    people: &People<'_>,
    h: &Hit,
    name: &str,
    known: Option<usize>,
) -> (String, Option<String>, Option<String>) {
    let surname_owner = |word: &str| people.surname_owner(word);
    // "Mrs Howard" is not Michael Howard, "Lord Justice May" not Theresa May: an
    // honorific of one sex before a lone name keeps it from a person whose given
    // name says the other.
    // (Kept apart under the name with its honorific, "Mrs Howard", so that the
    // graph does not join a lone surname to the full name either.)
    let honorific = honorific_sex(doc, lex, h);
    let said = honorific.map(|(f, _)| f);
    let fits = |full: &str| said.is_none() || given_name_sex(lex, full) != said.map(|f| !f);
    let own = || {
        let from = honorific.map_or(h.tokens.start, |(_, t)| t);
        doc.text[doc.tokens[from].span.start..doc.tokens[h.tokens.end - 1].span.end].to_string()
    };
    let lone = name.split_whitespace().count() == 1;
    let kept_from_known = known.is_some_and(|k| lone && !fits(&lex.people[k].name));
    let known = known.filter(|_| !kept_from_known);
    if let Some(k) = known {
        let p = &lex.people[k];
        (p.name.clone(), p.role.clone(), p.country.clone())
    } else if !h.key.is_empty() {
        let full = match people.get(&h.key) {
            Some((n, _)) if !lone || fits(n) => n.clone(),
            Some(_) => own(),
            None => name.to_string(),
        };
        (full, None, None)
    } else if lone {
        let full = surname_owner(name)
            .and_then(|k| people.get(&k).map(|(n, _)| n.clone()))
            .filter(|n| fits(n))
            .unwrap_or_else(|| {
                if kept_from_known || surname_owner(name).is_some() {
                    own()
                } else {
                    name.to_string()
                }
            });
        (full, None, None)
    } else {
        (name.to_string(), None, None)
    }
}

/// The sex a gendered honorific says of the person `h` names (`true` for a woman): the word
/// right before the name, or before the title words between ("Lord Justice May"); with the
/// honorific's token.
fn honorific_sex(doc: &Doc<'_>, lex: &Lexicon, h: &Hit) -> Option<(bool, usize)> {
    let first = doc.sentences[h.sentence].tokens.start;
    let mut t = h.tokens.start;
    for _ in 0..3 {
        if t <= first {
            return None;
        }
        t -= 1;
        let w = doc.word(t).trim_end_matches('.');
        if lex.arguments.has("female_honorifics", w) {
            return Some((true, t));
        }
        if lex.arguments.has("male_honorifics", w) {
            return Some((false, t));
        }
        if !is_capitalized(w) || lex.titles.longest_at(&[w], 0).is_none() {
            return None;
        }
    }
    None
}

/// The sex a person's first given name says (`true` for a woman), when the lists know it.
fn given_name_sex(lex: &Lexicon, full: &str) -> Option<bool> {
    let given = full.split_whitespace().next()?;
    if lex.arguments.has("female_given_names", given) {
        Some(true)
    } else if lex.arguments.has("male_given_names", given) {
        Some(false)
    } else {
        None
    }
}

/// "The defense minister said": a later mention by role alone is the one person of the
/// article who holds that role. Only after that person has been named, and only when exactly
/// one person holds it.
pub(super) fn role_mentions(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &mut Vec<Hit>,
    actors: &mut BTreeMap<String, Actor>,
) {
    let mut covered = vec![false; doc.tokens.len()];
    for h in hits.iter() {
        for t in h.tokens.clone() {
            covered[t] = true;
        }
    }
    let mut found = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words: Vec<&str> = sentence.tokens.clone().map(|t| doc.word(t)).collect();
        for i in 1..words.len() {
            // "the Tory leader": one name of a body between "the" and the title, whose
            // holder the article named with that body before the title ("Tory leader
            // Michael Howard", role "Tory Leader").
            let body = (i >= 2
                && words[i - 2].eq_ignore_ascii_case("the")
                && covered[sentence.tokens.start + i - 1]
                && is_capitalized(words[i - 1])
                && hits.iter().any(|h| {
                    h.tokens == (sentence.tokens.start + i - 1..sentence.tokens.start + i)
                        && matches!(h.found, Found::Organization { .. })
                }))
            .then_some(words[i - 1]);
            if !words[i - 1].eq_ignore_ascii_case("the") && body.is_none() {
                continue;
            }
            let Some((len, target)) = lex.titles.longest_at(&words, i) else {
                continue;
            };
            let g = sentence.tokens.start + i;
            if target == Target::Honorific || (g..g + len).any(|t| covered[t]) {
                continue;
            }
            // "the minister Dong Jun" is a titled name, found already.
            if words.get(i + len).is_some_and(|w| is_capitalized(w)) {
                continue;
            }
            let Some(role) = lex.role_of(target) else {
                continue;
            };
            let role = body.map_or_else(|| role.clone(), |b| format!("{b} {role}"));
            // "the president of Armenia": a role of a named country is its holder's only when
            // that holder belongs to it. "The chairman of the Commission for Racial Equality":
            // a role of a named body is no one's named before (a person's body is not known).
            let of_whom = (words
                .get(i + len)
                .is_some_and(|w| w.eq_ignore_ascii_case("of")))
            .then(|| {
                let next = sentence.tokens.start + i + len + 1;
                hits.iter()
                    .find(|h| {
                        (h.tokens.start == next || h.tokens.start == next + 1)
                            && matches!(h.found, Found::Country { .. } | Found::Organization { .. })
                    })
                    .map(|h| (h.key.clone(), matches!(h.found, Found::Country { .. })))
            })
            .flatten();
            let (of_whom, of_body) = match of_whom {
                Some((key, true)) => (Some(key), None),
                Some((key, false)) => (None, Some(key)),
                None => (None, None),
            };
            let start = doc.tokens[g].span.start;
            let holders: Vec<&String> = actors
                .values()
                .filter(|a| {
                    a.kind == ActorKind::Person
                        && a.role
                            .as_deref()
                            .is_some_and(|r| r.eq_ignore_ascii_case(&role))
                        && a.mentions.iter().any(|m| m.span.start < start)
                        && of_whom
                            .as_ref()
                            .is_none_or(|k| a.affiliation.as_ref() == Some(k))
                        && of_body
                            .as_ref()
                            .is_none_or(|k| named_with(doc, hits, actors, a, k))
                })
                .map(|a| &a.key)
                .collect();
            if let [key] = holders.as_slice() {
                found.push((g..g + len, s, (*key).clone()));
            }
        }
    }
    for (tokens, sentence, key) in found {
        let span = doc.tokens[tokens.start].span.start..doc.tokens[tokens.end - 1].span.end;
        let surface = doc.text[span.clone()].to_string();
        // The role phrase is a mention, not another name of the person.
        if let Some(actor) = actors.get_mut(&key) {
            actor.mentions.push(Mention { span, sentence });
        }
        hits.push(Hit {
            tokens,
            sentence,
            found: Found::Person {
                name: surface,
                role: None,
                country: None,
                known: None,
            },
            key,
        });
    }
    hits.sort_by_key(|h| h.tokens.start);
}

/// Whether person `a` was named beside body `body` ("BNP leader Nick Griffin", "Nick
/// Griffin, the leader of the BNP"): a body's name ending at most three words before one of
/// the person's mentions, or starting at most six words after it, in the same sentence.
fn named_with(
    doc: &Doc<'_>,
    hits: &[Hit],
    actors: &BTreeMap<String, Actor>,
    a: &Actor,
    body: &str,
) -> bool {
    let token_at = |byte: usize| doc.tokens.partition_point(|t| t.span.start < byte);
    // The body by its key, or by a name it also goes by ("BNP" for the British National
    // Party).
    let names: Vec<&str> = actors.get(body).map_or_else(Vec::new, |b| {
        std::iter::once(&b.name)
            .chain(&b.aliases)
            .map(String::as_str)
            .collect()
    });
    // Or by its initials ("BNP").
    let initials: Vec<String> = names
        .iter()
        .map(|n| {
            n.split_whitespace()
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect()
        })
        .filter(|i: &String| i.chars().count() > 1)
        .collect();
    let is_body = |h: &Hit| {
        h.key == body || {
            let span = doc.tokens[h.tokens.start].span.start..doc.tokens[h.tokens.end - 1].span.end;
            let surface = &doc.text[span];
            names.contains(&surface) || initials.iter().any(|i| i == surface)
        }
    };
    a.mentions.iter().any(|m| {
        let (first, last) = (token_at(m.span.start), token_at(m.span.end));
        hits.iter().any(|h| {
            is_body(h)
                && h.sentence == m.sentence
                && (h.tokens.end <= first && first - h.tokens.end <= 3
                    || h.tokens.start >= last && h.tokens.start - last <= 6)
        })
    })
}

/// Node key of a person.
pub fn person_key(name: &str) -> String {
    format!("person:{}", slug(name))
}
