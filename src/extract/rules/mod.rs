//! Rules as data: what the surroundings of a name the tagger found say about it.
//!
//! Rules live in `assets/rules/*.json` (a core file and optional packs, such as the UK one);
//! named word sets live in `assets/rules/word_sets.json`. A rule matches a span by the tokens
//! right before it, the span's own words, and the tokens right after it (exact words, word
//! sets, shape, suffix, lexicon membership, the tagger's label), and names one action. Rules
//! run in declared [`Stage`]s; in each stage the first rule that fires decides, and the caller
//! records its id, so every decision on a span can be explained (`newsgraph explain`).
//!
//! A pack that is switched off empties its word sets as well as its rules: the code that
//! looks a word up in a pack's set then finds nothing, so the whole pack goes at once.

mod named;
mod pattern;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use named::Named;

use super::lexicon::{Lexicon, WordSet, shape_bit};
pub use pattern::{Label, Site};
use pattern::{SpanTest, TokenTest};

/// The embedded rule files: word sets first, then the rule files in the order they run.
pub const FILES: [(&str, &str); 3] = [
    (
        "rules/word_sets.json",
        include_str!("../../../assets/rules/word_sets.json"),
    ),
    (
        "rules/core.json",
        include_str!("../../../assets/rules/core.json"),
    ),
    (
        "rules/uk.json",
        include_str!("../../../assets/rules/uk.json"),
    ),
];

/// The stages rules run in, in this order, for each span the tagger labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// What is not part of the name is cut off its end.
    Trim,
    /// Whether the name is an actor at all here.
    Context,
    /// Which kind the name's surroundings give it.
    Kind,
}

/// What a rule does to the span it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// No actor and no place: the span is left alone.
    Drop,
    /// A place, not an actor.
    Place,
    /// The span keeps the tagger's reading: later rules of the stage do not run.
    Veto,
    /// The last token is not part of the name.
    TrimEnd,
    /// The span is of this kind instead.
    Relabel(Label),
}

/// Plain words for traces.
impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::Drop => f.write_str("drop"),
            Action::Place => f.write_str("place"),
            Action::Veto => f.write_str("veto"),
            Action::TrimEnd => f.write_str("trim the last word"),
            Action::Relabel(label) => write!(f, "relabel {}", label.as_str()),
        }
    }
}

/// A rule file or the word sets could not be read.
#[derive(Debug, thiserror::Error)]
#[error("The rule file {file} is not valid: {message}")]
pub struct RulesError {
    /// The file, as named under the lexicon folder (`rules/core.json`).
    pub file: String,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordSetsFile {
    format: String,
    sets: Vec<WordSetEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordSetEntry {
    name: String,
    description: String,
    /// The pack the set belongs to; `core` when absent.
    #[serde(default = "core_pack")]
    pack: String,
    /// Match whatever the case (the words are then written in lower case).
    #[serde(default)]
    ignore_case: bool,
    words: Vec<String>,
}

fn core_pack() -> String {
    "core".to_string()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    format: String,
    pack: String,
    /// What the pack is for (read by people; kept so the files say it).
    #[allow(dead_code)]
    description: String,
    rules: Vec<RuleEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    id: String,
    description: String,
    stage: Stage,
    /// Tagger labels the rule applies to.
    labels: Vec<Label>,
    #[serde(default)]
    before: Vec<pattern::TokenEntry>,
    #[serde(default)]
    span: pattern::SpanEntry,
    #[serde(default)]
    after: Vec<pattern::TokenEntry>,
    /// The rule does not fire when these match right after the span.
    #[serde(default)]
    not_after: Vec<pattern::TokenEntry>,
    action: Action,
    examples: Vec<Example>,
}

/// A sentence a rule must decide as stated: the tests run every example.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// The words of the span, as in the sentence.
    pub span: String,
    /// The tagger's label for the span.
    pub label: Label,
    /// The action expected, or `None` when the rule must not fire.
    pub expect: Option<Action>,
}

/// One word set.
#[derive(Debug, Clone)]
pub struct NamedSet {
    name: String,
    description: String,
    pack: String,
    ignore_case: bool,
    words: WordSet,
    /// One bit for the length and first byte of each word ([`shape_bit`]): an ASCII
    /// word whose bit is clear is in no set, and is turned away without hashing it.
    shapes: u64,
    enabled: bool,
}

impl NamedSet {
    /// A set of `words`, matched in any case when `ignore_case` (its words are lower case).
    fn new(
        name: String,
        description: String,
        pack: String,
        ignore_case: bool,
        words: WordSet,
    ) -> Self {
        let shapes = words.iter().fold(0, |bits, w| {
            bits | shape_bit(w.len(), w.bytes().next().unwrap_or(0))
        });
        Self {
            name,
            description,
            pack,
            ignore_case,
            words,
            shapes,
            enabled: true,
        }
    }

    /// Whether `word` is in the set (always false when its pack is off).
    pub fn contains(&self, word: &str) -> bool {
        if !self.enabled {
            return false;
        }
        // An ASCII word is looked for as it is or folded by ASCII rules, which keep its
        // length and fold its first byte alone; other words may change length when folded.
        if word.is_ascii() {
            let first = word.bytes().next().unwrap_or(0);
            let first = if self.ignore_case {
                first.to_ascii_lowercase()
            } else {
                first
            };
            if self.shapes & shape_bit(word.len(), first) == 0 {
                return false;
            }
            if !self.ignore_case || !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return self.words.contains(word);
            }
            // Short words (nearly every capitalized word) are lowered on the stack: the actor
            // stage asks this for every capitalized token.
            if word.len() <= 32 {
                let mut buf = [0u8; 32];
                let lower = &mut buf[..word.len()];
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                return std::str::from_utf8(lower).is_ok_and(|w| self.words.contains(w));
            }
        }
        if self.ignore_case && word.chars().any(char::is_uppercase) {
            self.words.contains(word.to_lowercase().as_str())
        } else {
            self.words.contains(word)
        }
    }

    /// Whether `word` is longer than one of the set's words and ends with it, matching case
    /// ("I'm" ends with "'m"; always false when its pack is off).
    pub fn ends_one(&self, word: &str) -> bool {
        self.enabled
            && self
                .words
                .iter()
                .any(|w| word.len() > w.len() && word.ends_with(w.as_str()))
    }
}

/// One rule, compiled.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Unique id, printed in traces.
    pub id: String,
    /// What the rule says, in a sentence.
    pub description: String,
    /// The pack it belongs to.
    pub pack: String,
    /// When it runs.
    pub stage: Stage,
    labels: Vec<Label>,
    before: Vec<TokenTest>,
    span: SpanTest,
    after: Vec<TokenTest>,
    not_after: Vec<TokenTest>,
    /// What it does.
    pub action: Action,
    /// Sentences it must decide as stated.
    pub examples: Vec<Example>,
}

/// Index of a rule in its [`RuleSet`].
pub type RuleId = usize;

/// Every rule and word set, in the order they run.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    sets: Vec<NamedSet>,
    /// Index in `sets` of each [`Named`] set, in [`Named::ALL`] order.
    named: Vec<usize>,
    /// Packs switched off.
    off: Vec<String>,
    /// For each stage and label ([`site_slot`]), the rules (indices into `rules`, in order)
    /// of that stage that read that label: [`Self::first`] tries only these.
    by_site: Vec<Vec<RuleId>>,
}

/// The slot of a stage and a label in [`RuleSet`]'s `by_site`.
fn site_slot(stage: Stage, label: Label) -> usize {
    const LABELS: usize = 4;
    stage as usize * LABELS + label as usize
}

impl RuleSet {
    /// Reads the word sets and the rule files of [`FILES`] through `get` (file name → text).
    ///
    /// # Errors
    /// When a file is not valid JSON of the expected shape, a rule names an unknown word set, two
    /// rules share an id, or a word set the code needs is missing.
    pub fn from_texts(get: &dyn Fn(&str) -> String) -> Result<Self, RulesError> {
        let (sets_file, sets_text) = (FILES[0].0, get(FILES[0].0));
        let err = |file: &str, message: String| RulesError {
            file: file.to_string(),
            message,
        };
        let parsed: WordSetsFile =
            serde_json::from_str(&sets_text).map_err(|e| err(sets_file, e.to_string()))?;
        if parsed.format != "newsgraph-word-sets" {
            return Err(err(
                sets_file,
                "format must be \"newsgraph-word-sets\"".into(),
            ));
        }
        let mut sets = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for entry in parsed.sets {
            if index.insert(entry.name.clone(), sets.len()).is_some() {
                return Err(err(
                    sets_file,
                    format!("word set {} defined twice", entry.name),
                ));
            }
            if entry.ignore_case
                && entry
                    .words
                    .iter()
                    .any(|w| w.chars().any(char::is_uppercase))
            {
                return Err(err(
                    sets_file,
                    format!(
                        "word set {} ignores case: write its words in lower case",
                        entry.name
                    ),
                ));
            }
            sets.push(NamedSet::new(
                entry.name,
                entry.description,
                entry.pack,
                entry.ignore_case,
                entry.words.into_iter().collect(),
            ));
        }
        let named = Named::ALL
            .iter()
            .map(|(_, name)| {
                index
                    .get(*name)
                    .copied()
                    .ok_or_else(|| err(sets_file, format!("the word set {name} is missing")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut rules: Vec<Rule> = Vec::new();
        for (file, _) in &FILES[1..] {
            let parsed: RulesFile =
                serde_json::from_str(&get(file)).map_err(|e| err(file, e.to_string()))?;
            if parsed.format != "newsgraph-rules" {
                return Err(err(file, "format must be \"newsgraph-rules\"".into()));
            }
            for entry in parsed.rules {
                if rules.iter().any(|r| r.id == entry.id) {
                    return Err(err(file, format!("rule id {} used twice", entry.id)));
                }
                let context = |e: String| err(file, format!("rule {}: {e}", entry.id));
                let rule = Rule {
                    before: pattern::compile_tokens(&entry.before, &index).map_err(context)?,
                    span: entry.span.compile(&index).map_err(context)?,
                    after: pattern::compile_tokens(&entry.after, &index).map_err(context)?,
                    not_after: pattern::compile_tokens(&entry.not_after, &index)
                        .map_err(context)?,
                    id: entry.id,
                    description: entry.description,
                    pack: parsed.pack.clone(),
                    stage: entry.stage,
                    labels: entry.labels,
                    action: entry.action,
                    examples: entry.examples,
                };
                rules.push(rule);
            }
        }
        let mut by_site: Vec<Vec<RuleId>> = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            for &label in &rule.labels {
                let slot = site_slot(rule.stage, label);
                if by_site.len() <= slot {
                    by_site.resize(slot + 1, Vec::new());
                }
                if !by_site[slot].contains(&i) {
                    by_site[slot].push(i);
                }
            }
        }
        Ok(RuleSet {
            rules,
            sets,
            named,
            off: Vec::new(),
            by_site,
        })
    }

    /// The embedded rules and word sets.
    ///
    /// # Panics
    /// Only if the embedded files are invalid, which the test suite rules out.
    pub fn embedded() -> Self {
        Self::from_texts(&|name| {
            FILES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| (*t).to_string())
                .unwrap_or_default()
        })
        .expect("embedded rules are valid (checked by tests)")
    }

    /// Switches a pack's rules and word sets on or off (`uk`); false if no such pack exists.
    pub fn set_pack(&mut self, pack: &str, on: bool) -> bool {
        let exists =
            self.sets.iter().any(|s| s.pack == pack) || self.rules.iter().any(|r| r.pack == pack);
        if exists {
            for set in self.sets.iter_mut().filter(|s| s.pack == pack) {
                set.enabled = on;
            }
            self.off.retain(|p| p != pack);
            if !on {
                self.off.push(pack.to_string());
            }
        }
        exists
    }

    /// The packs of rules and word sets there are, in the order first seen.
    pub fn packs(&self) -> Vec<&str> {
        let mut packs: Vec<&str> = Vec::new();
        for p in self
            .sets
            .iter()
            .map(|s| s.pack.as_str())
            .chain(self.rules.iter().map(|r| r.pack.as_str()))
        {
            if !packs.contains(&p) {
                packs.push(p);
            }
        }
        packs
    }

    /// The named word set the code looks up.
    pub fn set(&self, named: Named) -> &NamedSet {
        &self.sets[self.named[named as usize]]
    }

    /// Every rule, in the order they run.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Every word set: name, description, pack and size.
    pub fn word_sets(&self) -> impl Iterator<Item = (&str, &str, &str, usize)> {
        self.sets.iter().map(|s| {
            (
                s.name.as_str(),
                s.description.as_str(),
                s.pack.as_str(),
                s.words.len(),
            )
        })
    }

    /// The first rule of `stage` (of a pack that is on) that fires on `site`.
    /// Only the rules of the stage that read the site's label can fire, so only they are tried.
    pub fn first(&self, stage: Stage, lex: &Lexicon, site: &Site<'_>) -> Option<RuleId> {
        let candidates = self.by_site.get(site_slot(stage, site.label));
        candidates.into_iter().flatten().copied().find(|&i| {
            let r = &self.rules[i];
            r.stage == stage && !self.off.contains(&r.pack) && self.fires(r, lex, site)
        })
    }

    /// Whether `rule` matches `site`, whatever its stage and pack.
    pub fn fires(&self, rule: &Rule, lex: &Lexicon, site: &Site<'_>) -> bool {
        rule.labels.contains(&site.label)
            && rule.span.matches(&self.sets, lex, site)
            && pattern::matches_before(&rule.before, &self.sets, lex, site)
            && pattern::matches_after(&rule.after, &self.sets, lex, site)
            && (rule.not_after.is_empty()
                || !pattern::matches_after(&rule.not_after, &self.sets, lex, site))
    }
}
