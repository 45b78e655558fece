//! Issues: phrases from the issues lexicon, and labels that open a bullet item ("Taiwan: ...")
//! when the item discusses at least one actor. Each issue is linked to the actors and events of
//! the sentences (or the whole item) that discuss it.

use std::collections::BTreeMap;
use std::ops::Range;

use super::actors::Hit;
use super::doc::Doc;
use super::lexicon::{Lexicon, PhraseTable, Target};
use super::{Event, Issue, Mention, slug};
use crate::ingest::BlockKind;

/// What the issues lexicon names in an article, found in one walk over each sentence's words:
/// the issue phrases [`detect`] links (as the actor stage matched them), and the territories
/// ([`territories`]) that stand for their countries.
pub struct Scan<'l> {
    /// Each issue phrase: its sentence, its tokens and its issue, in text order.
    phrases: Vec<(usize, Range<usize>, usize)>,
    /// Each territory: its sentence, then as [`territories`] gives it, in text order.
    pub territories: Vec<(usize, Territory<'l>)>,
}

/// Reads the issue phrases and territories of every sentence of `doc` ([`Scan`]); `issues_at`
/// holds the issue table's match at each token, read by the actor stage
/// ([`super::actors::detect_with_issues`]).
pub fn scan<'l>(
    doc: &Doc<'_>,
    lex: &'l Lexicon,
    hits: &[Hit],
    issues_at: &[Option<(usize, Target)>],
) -> Scan<'l> {
    let mut out = Scan {
        phrases: Vec::new(),
        territories: Vec::new(),
    };
    let any_territory = has_territories(lex);
    let mut words: Vec<&str> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        words.clear();
        words.extend(sentence.tokens.clone().map(|i| doc.word(i)));
        // Each walk steps over its own matches; a word either walk stands on is read once.
        let mut next_phrase = 0;
        let mut next_territory = if any_territory { 0 } else { usize::MAX };
        for i in 0..words.len() {
            if i != next_phrase && i != next_territory {
                continue;
            }
            let g = sentence.tokens.start + i;
            if i == next_phrase {
                next_phrase = match issue_phrase(lex, hits, s, &words, i, issues_at[g]) {
                    Some((len, k)) => {
                        out.phrases.push((s, g..g + len, k));
                        i + len
                    }
                    None => i + 1,
                };
            }
            if i == next_territory {
                let key = PhraseTable::folded_key(words[i]);
                let found = lex.territory_table.longest_at_folded(&words, i, key);
                next_territory = match territory(doc, lex, g, found) {
                    Some((len, named)) => {
                        if let Some(named) = named {
                            out.territories.push((s, named));
                        }
                        i + len
                    }
                    None => i + 1,
                };
            }
        }
    }
    out
}

/// The issue phrase `found` at `words[i]` of sentence `s` (its length and issue), unless a
/// lexicon acronym is written in lower case there or a name that needs an actor has none in
/// the sentence.
fn issue_phrase(
    lex: &Lexicon,
    hits: &[Hit],
    s: usize,
    words: &[&str],
    i: usize,
    found: Option<(usize, Target)>,
) -> Option<(usize, usize)> {
    let Some((len, Target::Issue(k))) = found else {
        return None;
    };
    let (entry, phrase) = (&lex.issues[k], &words[i..i + len]);
    if lowercase_acronym(&entry.phrases, phrase) {
        return None;
    }
    let needs_actor = entry.name_needs_actor
        && phrase.join(" ").eq_ignore_ascii_case(&entry.name)
        && !hits.iter().any(|h| {
            h.sentence == s && (h.key.starts_with("country:") || h.key.starts_with("org:"))
        });
    (!needs_actor).then_some((len, k))
}

/// Finds issues and links them to actors and events; `found` holds the article's issue
/// phrases ([`scan`]).
pub fn detect(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[Hit],
    events: &[Event],
    found: &Scan<'_>,
) -> Vec<Issue> {
    let mut issues: BTreeMap<String, Issue> = BTreeMap::new();
    // Sentences each issue is discussed in (for linking).
    let mut context: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (s, tokens, k) in &found.phrases {
        let entry = &lex.issues[*k];
        let span = doc.tokens[tokens.start].span.start..doc.tokens[tokens.end - 1].span.end;
        add(
            &mut issues,
            &mut context,
            &format!("issue:{}", entry.key),
            &entry.name,
            span,
            *s,
            &[*s],
        );
    }
    bullet_labels(doc, lex, hits, &mut issues, &mut context);

    for (key, issue) in &mut issues {
        let sentences = &context[key];
        let actor_keys = |within: &dyn Fn(usize) -> bool| -> Vec<String> {
            hits.iter()
                .filter(|h| within(h.sentence) && !h.key.starts_with("place:"))
                .map(|h| h.key.clone())
                .collect()
        };
        let mut actors = actor_keys(&|s| sentences.contains(&s));
        // "concerns over intellectual property theft continue to strain the relationship":
        // when its own sentences name nobody, the paragraph or item around them does.
        if actors.is_empty() {
            let blocks: Vec<usize> = sentences.iter().map(|&s| doc.sentences[s].block).collect();
            actors = actor_keys(&|s| blocks.contains(&doc.sentences[s].block));
        }
        actors.sort();
        actors.dedup();
        issue.actors = actors;
        let mut linked: Vec<String> = events
            .iter()
            .filter(|e| e.mentions.iter().any(|m| sentences.contains(&m.sentence)))
            .map(|e| e.key.clone())
            .collect();
        linked.sort();
        linked.dedup();
        issue.events = linked;
    }
    issues.into_values().collect()
}

/// A place of the issues lexicon that lies in one country, where it is named: its byte span,
/// its country's key (`country:PSE`) and its name ("West Bank").
pub type Territory<'l> = (Range<usize>, String, &'l str);

/// Whether the issues lexicon has places that lie in one country.
fn has_territories(lex: &Lexicon) -> bool {
    lex.issues.iter().any(|e| e.place && e.country.is_some())
}

/// The places of the issues lexicon that lie in one country ("the West Bank": Palestine),
/// named in the token range `tokens` of `doc`: each one's byte span, its country's key
/// (`country:PSE`) and the place's name.
pub fn territories<'l>(
    doc: &Doc<'_>,
    lex: &'l Lexicon,
    tokens: Range<usize>,
) -> Vec<Territory<'l>> {
    let mut out = Vec::new();
    if !has_territories(lex) {
        return out;
    }
    let words: Vec<&str> = tokens.clone().map(|i| doc.word(i)).collect();
    let mut i = 0;
    while i < words.len() {
        let found = lex.territory_table.longest_at(&words, i);
        let Some((len, named)) = territory(doc, lex, tokens.start + i, found) else {
            i += 1;
            continue;
        };
        out.extend(named);
        i += len;
    }
    out
}

/// The territories of one country named at the article's places that are no capital ("Gaza",
/// "the West Bank"), with the word before each place: byte span and the country's key. (Only
/// there, where the event reader asks, rather than over the whole article.)
pub fn territories_at_places(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[crate::extract::actors::Hit],
) -> Vec<(Range<usize>, String)> {
    hits.iter()
        .filter(|h| match &h.found {
            crate::extract::actors::Found::Place { name } => lex.country_of_capital(name).is_none(),
            _ => false,
        })
        .flat_map(|h| territories(doc, lex, h.tokens.start.saturating_sub(1)..h.tokens.end))
        .map(|(span, key, _)| (span, key))
        .collect()
}

/// The territory phrase `found` at token `g` of `doc`: its length, and its byte span, its
/// country's key and its name when the lexicon gives a place of a known country.
fn territory<'l>(
    doc: &Doc<'_>,
    lex: &'l Lexicon,
    g: usize,
    found: Option<(usize, Target)>,
) -> Option<(usize, Option<Territory<'l>>)> {
    let Some((len, Target::Issue(k))) = found else {
        return None;
    };
    let entry = &lex.issues[k];
    let named = entry
        .country
        .as_deref()
        .filter(|_| entry.place)
        .and_then(|iso| lex.country_by_iso(iso))
        .map(|c| {
            (
                doc.tokens[g].span.start..doc.tokens[g + len - 1].span.end,
                format!("country:{}", lex.countries[c].iso3),
                entry.name.as_str(),
            )
        });
    Some((len, named))
}

fn add(
    issues: &mut BTreeMap<String, Issue>,
    context: &mut BTreeMap<String, Vec<usize>>,
    key: &str,
    name: &str,
    span: Range<usize>,
    sentence: usize,
    sentences: &[usize],
) {
    let issue = issues.entry(key.to_string()).or_insert_with(|| Issue {
        key: key.to_string(),
        name: name.to_string(),
        aliases: Vec::new(),
        mentions: Vec::new(),
        actors: Vec::new(),
        events: Vec::new(),
    });
    issue.mentions.push(Mention { span, sentence });
    let ctx = context.entry(key.to_string()).or_default();
    for &s in sentences {
        if !ctx.contains(&s) {
            ctx.push(s);
        }
    }
}

/// "* Taiwan: Beijing views ..." makes "Taiwan" an issue of that item.
fn bullet_labels(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[Hit],
    issues: &mut BTreeMap<String, Issue>,
    context: &mut BTreeMap<String, Vec<usize>>,
) {
    let mut s = 0;
    while s < doc.sentences.len() {
        let block = doc.sentences[s].block;
        let item: Vec<usize> = (s..doc.sentences.len())
            .take_while(|&k| doc.sentences[k].block == block)
            .collect();
        let next = s + item.len().max(1);
        if doc.block_kinds.get(block) != Some(&BlockKind::ListItem) {
            s = next;
            continue;
        }
        let first = &doc.sentences[s];
        let colon = first
            .tokens
            .clone()
            .take(8)
            .position(|t| doc.word(t) == ":");
        let has_actor = hits.iter().any(|h| item.contains(&h.sentence));
        if let Some(c) = colon.filter(|&c| c > 0)
            && has_actor
        {
            let label_tokens = first.tokens.start..first.tokens.start + c;
            let span = doc.tokens[label_tokens.start].span.start
                ..doc.tokens[label_tokens.end - 1].span.end;
            let label = &doc.text[span.clone()];
            let starts_capital = label.chars().next().is_some_and(char::is_uppercase);
            // "Michael Howard: ..." names an actor, "Source: ..." is page furniture.
            let names_actor = hits
                .iter()
                .any(|h| h.tokens.start == label_tokens.start && h.tokens.end >= label_tokens.end);
            let plain_word = c == 1 && lex.is_common_word(label);
            if starts_capital && !names_actor && !plain_word {
                let words: Vec<&str> = label_tokens.clone().map(|t| doc.word(t)).collect();
                // A label that contains or names a lexicon issue is that issue.
                let from_lexicon =
                    (0..words.len()).find_map(|i| match lex.issue_table.longest_at(&words, i) {
                        Some((_, Target::Issue(k))) => Some(k),
                        _ => None,
                    });
                let by_key = lex.issues.iter().position(|e| e.key == slug(label));
                let (key, name) = match from_lexicon.or(by_key) {
                    Some(k) => (
                        format!("issue:{}", lex.issues[k].key),
                        lex.issues[k].name.clone(),
                    ),
                    None => (format!("issue:{}", slug(label)), label.to_string()),
                };
                add(issues, context, &key, &name, span, s, &item);
                if let Some(issue) = issues.get_mut(&key)
                    && issue.name != label
                    && !issue.aliases.iter().any(|a| a == label)
                {
                    issue.aliases.push(label.to_string());
                }
            }
        }
        s = next;
    }
}

/// "swift" is not SWIFT: a phrase the lexicon writes in capitals matches only in capitals.
fn lowercase_acronym(phrases: &[String], words: &[&str]) -> bool {
    let text = words.join(" ");
    phrases.iter().any(|p| {
        p.chars().any(char::is_alphabetic)
            && p.chars().all(|c| !c.is_lowercase())
            && p.eq_ignore_ascii_case(&text)
            && *p != text
    })
}
