//! People groups as actors: "Sudanese rebels", "Chadian refugees", "Peruvian students". The
//! kinds of people are data (`groups` in `assets/lexicon/arguments.json`); the event reader
//! gives a group noun qualified by a country the key `group:ISO:id` (see
//! `events::arguments`), and the groups that take part in an event become actors here,
//! belonging to their country without being its state.

use std::collections::BTreeMap;

use super::{Actor, ActorKind, Event, Lexicon, Mention};

/// The key and display name of every people group of the country `country_key`
/// (`country:SDN`): the country's adjective and the group's label ("Sudanese rebels"), or its
/// name when it has no adjective.
pub fn names(lex: &Lexicon, country_key: &str) -> Vec<(String, String)> {
    let Some(entry) = country_key
        .strip_prefix("country:")
        .and_then(|iso| lex.country_by_iso(iso))
        .map(|c| &lex.countries[c])
    else {
        return Vec::new();
    };
    let qualifier = entry.adjectives.first().unwrap_or(&entry.name);
    lex.arguments
        .groups
        .iter()
        .map(|g| (key(&entry.iso3, &g.id), format!("{qualifier} {}", g.label)))
        .collect()
}

/// The key of the people group `id` of the country with code `iso` (`group:SDN:rebels`).
pub fn key(iso: &str, id: &str) -> String {
    format!("group:{iso}:{id}")
}

/// A group key's country code and group id (`group:SDN:rebels` → `SDN`, `rebels`); `None`
/// for any other key.
pub fn parts(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix("group:")?.split_once(':')
}

/// The country a group key belongs to (`group:SDN:rebels` → `country:SDN`).
pub fn country_of(key: &str) -> Option<String> {
    parts(key).map(|(iso, _)| format!("country:{iso}"))
}

/// Where the events' readings name the actor `key` as a source, target or party, in text
/// order, each once.
pub fn role_mentions(events: &[Event], key: &str) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    for e in events {
        for (m, r) in e.mentions.iter().zip(&e.readings) {
            for role in r.source.iter().chain(&r.targets).chain(&r.parties) {
                let mention = Mention {
                    span: role.span.clone(),
                    sentence: m.sentence,
                };
                if role.key == key && !mentions.contains(&mention) {
                    mentions.push(mention);
                }
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    mentions
}

/// Every people group an event takes as a participant becomes an actor of kind
/// [`ActorKind::Group`], with its country as affiliation and the words that named it as
/// mentions.
pub fn add_actors(actors: &mut Vec<Actor>, names: &BTreeMap<String, String>, events: &[Event]) {
    let mut keys: Vec<&String> = events
        .iter()
        .flat_map(|e| e.participants.iter())
        .filter(|k| parts(k).is_some())
        .collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        if actors.iter().any(|a| &a.key == key) {
            continue;
        }
        let mentions = role_mentions(events, key);
        let affiliation = country_of(key);
        actors.push(Actor {
            name: names.get(key).cloned().unwrap_or_else(|| key.clone()),
            key: key.clone(),
            kind: ActorKind::Group,
            aliases: Vec::new(),
            role: None,
            affiliation_name: affiliation.as_ref().and_then(|c| names.get(c)).cloned(),
            affiliation,
            mentions,
        });
    }
}
