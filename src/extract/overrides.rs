//! The user's corrections as a lexicon override: `corrections.json` in the folder
//! `NEWSGRAPH_LEXICON_DIR` names (the window writes it with File ▸ Export corrections…). After
//! an article's actors, events and issues are found, actors named in it take the key, name and
//! kind the user gave them (a merge, a rename, a change of kind), and those the user said are
//! not actors leave the extraction with every reference to them. Pure: the same article and
//! file always give the same result.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::{ActorKind, Extraction, Skipped};

/// Format name of the file.
pub const FORMAT: &str = "newsgraph-lexicon-corrections";
/// Its current version.
pub const FORMAT_VERSION: u32 = 1;
/// Its file name inside the lexicon folder.
pub const FILE_NAME: &str = "corrections.json";

/// The corrections file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overrides {
    /// Always [`FORMAT`].
    #[serde(default)]
    pub format: String,
    /// [`FORMAT_VERSION`].
    #[serde(default)]
    pub format_version: u32,
    /// Actors that are another actor, or have another name or kind.
    #[serde(default)]
    pub aliases: Vec<AliasEntry>,
    /// Names that are no actors.
    #[serde(default)]
    pub not_actors: Vec<NotActor>,
}

/// An actor found under `alias` (or with the key `from_key`) is the actor `key`, called `name`,
/// of `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasEntry {
    /// The name as extraction gives it ("Gen Musharraf").
    pub alias: String,
    /// The key extraction gives it ("person:gen-musharraf").
    pub from_key: String,
    /// The actor it is ("person:pervez-musharraf").
    pub key: String,
    /// That actor's name.
    pub name: String,
    /// That actor's kind.
    pub kind: ActorKind,
}

/// Something extraction takes for an actor that is none ("Opus Dei" as a person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotActor {
    /// Its name as extraction gives it.
    pub name: String,
    /// Its key as extraction gives it.
    pub key: String,
}

impl Overrides {
    /// An empty file of the current version.
    pub fn new() -> Self {
        Self {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            aliases: Vec::new(),
            not_actors: Vec::new(),
        }
    }

    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.aliases.is_empty() && self.not_actors.is_empty()
    }

    /// Reads the file's text, checking that it is ours.
    ///
    /// # Errors
    /// The reason, when it is not valid JSON of this shape or of a newer version.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let file: Self = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if file.format != FORMAT {
            return Err(format!("it has no \"format\": \"{FORMAT}\""));
        }
        if file.format_version == 0 || file.format_version > FORMAT_VERSION {
            return Err(format!(
                "format version {} (this newsgraph reads up to {FORMAT_VERSION})",
                file.format_version
            ));
        }
        Ok(file)
    }
}

/// Applies the corrections to one article's extraction.
pub fn apply(extraction: &mut Extraction, overrides: &Overrides) {
    if overrides.is_empty() {
        return;
    }
    let by_key: HashMap<&str, &AliasEntry> = overrides
        .aliases
        .iter()
        .map(|a| (a.from_key.as_str(), a))
        .collect();
    let by_name: HashMap<&str, &AliasEntry> = overrides
        .aliases
        .iter()
        .map(|a| (a.alias.as_str(), a))
        .collect();
    let not_keys: BTreeSet<&str> = overrides
        .not_actors
        .iter()
        .map(|n| n.key.as_str())
        .collect();
    let not_names: BTreeSet<&str> = overrides
        .not_actors
        .iter()
        .map(|n| n.name.as_str())
        .collect();

    // Old key -> new key (None: removed).
    let mut moved: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut actors: Vec<super::Actor> = Vec::with_capacity(extraction.actors.len());
    for mut actor in std::mem::take(&mut extraction.actors) {
        if not_keys.contains(actor.key.as_str()) || not_names.contains(actor.name.as_str()) {
            moved.insert(actor.key.clone(), None);
            continue;
        }
        let entry = by_key
            .get(actor.key.as_str())
            .or_else(|| by_name.get(actor.name.as_str()));
        if let Some(entry) = entry {
            if entry.key != actor.key {
                moved.insert(actor.key.clone(), Some(entry.key.clone()));
            }
            if actor.name != entry.name {
                let old = std::mem::replace(&mut actor.name, entry.name.clone());
                actor.aliases.push(old);
            }
            actor.key.clone_from(&entry.key);
            actor.kind = entry.kind;
        }
        // Two actors of the article that became one join.
        if let Some(same) = actors.iter_mut().find(|a| a.key == actor.key) {
            same.mentions.extend(actor.mentions);
            same.mentions.sort_by_key(|m| (m.span.start, m.span.end));
            same.aliases.extend(actor.aliases);
            same.aliases.push(actor.name);
            if same.role.is_none() {
                same.role = actor.role;
            }
            if same.affiliation.is_none() {
                same.affiliation = actor.affiliation;
                same.affiliation_name = actor.affiliation_name;
            }
        } else {
            actors.push(actor);
        }
    }
    if moved.is_empty() {
        extraction.actors = actors;
        return;
    }
    let map = |k: &str| -> Option<String> {
        match moved.get(k) {
            Some(to) => to.clone(),
            None => Some(k.to_owned()),
        }
    };
    let map_list = |list: &mut Vec<String>| {
        let mut out: Vec<String> = list.iter().filter_map(|k| map(k)).collect();
        out.sort();
        out.dedup();
        *list = out;
    };
    for a in &mut actors {
        a.aliases.retain(|x| *x != a.name);
        a.aliases.sort();
        a.aliases.dedup();
        if let Some(aff) = a.affiliation.take() {
            a.affiliation = map(&aff).filter(|k| *k != a.key);
            if a.affiliation.is_none() {
                a.affiliation_name = None;
            }
        }
    }
    extraction.actors = actors;

    let mut dropped_events = BTreeSet::new();
    let mut events = Vec::with_capacity(extraction.events.len());
    for mut event in std::mem::take(&mut extraction.events) {
        map_list(&mut event.participants);
        map_list(&mut event.represented);
        event.source = event.source.as_deref().and_then(map);
        let targets: Vec<String> = event.targets.iter().filter_map(|k| map(k)).collect();
        event.targets = Vec::new();
        for t in targets {
            if !event.targets.contains(&t) && event.source.as_ref() != Some(&t) {
                event.targets.push(t);
            }
        }
        event.claimed_by = event.claimed_by.as_deref().and_then(map);
        for r in &mut event.readings {
            r.source = r.source.take().and_then(|mut s| {
                s.key = map(&s.key)?;
                Some(s)
            });
            for list in [&mut r.targets, &mut r.parties] {
                *list = std::mem::take(list)
                    .into_iter()
                    .filter_map(|mut s| {
                        s.key = map(&s.key)?;
                        Some(s)
                    })
                    .collect();
            }
            r.claimed_by = r.claimed_by.as_deref().and_then(map);
        }
        if event.participants.is_empty() && event.source.is_none() && event.targets.is_empty() {
            if let Some(m) = event.mentions.first() {
                extraction.skipped.push(Skipped {
                    span: m.span.clone(),
                    reason: "no actor takes part once the corrections are applied".into(),
                });
            }
            dropped_events.insert(event.key);
            continue;
        }
        events.push(event);
    }
    extraction.events = events;
    for issue in &mut extraction.issues {
        map_list(&mut issue.actors);
        issue.events.retain(|e| !dropped_events.contains(e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Lexicon, extract};
    use crate::ingest::{Format, parse};

    const TEXT: &str = "Talks\n\nGen Musharraf met Tony Blair in London on Monday. \
        Tony Blair praised Gordon Brown on Tuesday.\n";

    fn overrides() -> Overrides {
        let mut o = Overrides::new();
        o.aliases.push(AliasEntry {
            alias: "Gen Musharraf".into(),
            from_key: "person:gen-musharraf".into(),
            key: "person:pervez-musharraf".into(),
            name: "Pervez Musharraf".into(),
            kind: ActorKind::Person,
        });
        o.not_actors.push(NotActor {
            name: "Gordon Brown".into(),
            key: "person:gordon-brown".into(),
        });
        o
    }

    #[test]
    fn aliases_and_not_actors_change_the_extraction() {
        let article = parse("t.txt", TEXT.as_bytes(), Format::Text).unwrap();
        let lex = Lexicon::embedded();
        let plain = extract(&article, &lex);
        let keys =
            |e: &Extraction| -> Vec<String> { e.actors.iter().map(|a| a.key.clone()).collect() };
        assert!(
            keys(&plain).contains(&"person:gen-musharraf".to_owned()),
            "{:?}",
            keys(&plain)
        );
        assert!(
            keys(&plain).contains(&"person:gordon-brown".to_owned()),
            "{:?}",
            keys(&plain)
        );
        let mut fixed = plain.clone();
        apply(&mut fixed, &overrides());
        let now = keys(&fixed);
        assert!(
            now.contains(&"person:pervez-musharraf".to_owned()),
            "{now:?}"
        );
        assert!(
            !now.iter()
                .any(|k| k == "person:gen-musharraf" || k == "person:gordon-brown")
        );
        let all = format!("{:?}{:?}", fixed.events, fixed.issues);
        assert!(!all.contains("person:gordon-brown") && !all.contains("\"person:gen-musharraf\""));
        let pervez = fixed
            .actors
            .iter()
            .find(|a| a.key == "person:pervez-musharraf")
            .unwrap();
        assert_eq!(pervez.name, "Pervez Musharraf");
        assert!(pervez.aliases.contains(&"Gen Musharraf".to_owned()));
    }

    #[test]
    fn the_file_must_be_ours_and_not_newer() {
        let json = serde_json::to_string(&overrides()).unwrap();
        assert_eq!(Overrides::from_json(&json).unwrap(), overrides());
        assert!(Overrides::from_json("{}").is_err());
        let newer = json.replace("\"format_version\":1", "\"format_version\":9");
        assert!(Overrides::from_json(&newer).is_err());
    }
}
