//! Argument patterns (`assets/lexicon/arguments.json`): small dependency patterns, in the spirit
//! of spaCy's `DependencyMatcher`, that start at an event's trigger word and say which word of
//! the parse acts, which is acted on, and why. Read and checked once when the lexicons load;
//! unknown relation or tag names, unknown word lists and empty paths are refused with the
//! pattern's id.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasherDefault;

use crate::extract::lexicon::{WordSet, shape_bit};

/// The file's named word lists (lower case), by name. A list is found by its name some twenty
/// times for every parsed sentence, so the names are hashed with [`lookups::NameHasher`] (a
/// few instructions for any name); the words with the lexicons' fast word hash.
pub type WordLists = HashMap<String, WordList, BuildHasherDefault<lookups::NameHasher>>;

/// One word list (lower case): its words, and one bit for the length and first byte of each
/// ([`shape_bit`]), so that [`in_list`] turns most words away without hashing them.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    words: WordSet,
    shapes: u64,
}

impl FromIterator<String> for WordList {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let words: WordSet = words.into_iter().collect();
        let shapes = words.iter().fold(0, |bits, w| {
            bits | shape_bit(w.len(), w.bytes().next().unwrap_or(0))
        });
        Self { words, shapes }
    }
}

impl std::ops::Deref for WordList {
    type Target = WordSet;
    fn deref(&self) -> &WordSet {
        &self.words
    }
}

impl<'a> IntoIterator for &'a WordList {
    type Item = &'a String;
    type IntoIter = std::collections::hash_set::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

use serde::Deserialize;

use crate::extract::parse::{Deprel, Upos};
use crate::extract::plover::Plover;

mod lookups;

/// The role a pattern gives the word it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Who acts.
    Source,
    /// Who is acted on.
    Target,
    /// Either side of a mutual act ("talks between A and B").
    Party,
}

/// Whether the trigger is in the passive voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// "Norway condemned Chile".
    Active,
    /// "Chile was condemned by Norway".
    Passive,
}

/// An example a pattern must handle: run through the whole pipeline by the tests.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// The trigger words as written.
    pub trigger: String,
    /// Expected source (a name of the actor), if the example checks it.
    #[serde(default)]
    pub source: Option<String>,
    /// Expected target, if checked.
    #[serde(default)]
    pub target: Option<String>,
    /// Expected parties of a mutual act, if checked.
    #[serde(default)]
    pub parties: Vec<String>,
}

/// Conditions on the trigger word, as written in the file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerSpec {
    #[serde(default)]
    pos: Vec<String>,
    #[serde(default)]
    voice: Option<Voice>,
    #[serde(default)]
    deprel: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    not_categories: Vec<String>,
    #[serde(default)]
    lacks: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    not_kinds: Vec<String>,
    #[serde(default)]
    case: Vec<String>,
    #[serde(default)]
    not_case: Vec<String>,
    #[serde(default)]
    mark: Vec<String>,
    #[serde(default)]
    endings: Vec<String>,
    /// The word list of prepositions none of the trigger's children is introduced by.
    #[serde(default)]
    lacks_case_list: Option<String>,
    /// The word list of prepositions one of the trigger's children is introduced by.
    #[serde(default)]
    needs_case_list: Option<String>,
}

/// One step of a path, as written in the file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepSpec {
    #[serde(default)]
    child: Vec<String>,
    #[serde(default)]
    up: Vec<String>,
    #[serde(default)]
    case: Vec<String>,
    #[serde(default)]
    case_list: Option<String>,
    #[serde(default)]
    word_list: Option<String>,
    #[serde(default)]
    not_word_list: Vec<String>,
    #[serde(default)]
    not_trigger: bool,
    /// The word reached must be a name the entity stage found.
    #[serde(default)]
    name: bool,
    #[serde(default)]
    lacks: Vec<String>,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    mark: Vec<String>,
    /// The word list of prepositions none of the reached word's children is introduced by
    /// (nor, on an upward step, the children of the word it leaves).
    #[serde(default)]
    lacks_case_list: Option<String>,
    /// The word list of prepositions one of the reached word's children is introduced by
    /// (or, on an upward step, one of the word it leaves).
    #[serde(default)]
    needs_case_list: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternSpec {
    id: String,
    #[serde(default)]
    trigger: TriggerSpec,
    path: Vec<StepSpec>,
    role: Role,
    why: String,
    #[serde(default)]
    not_capitals: bool,
    #[serde(default)]
    examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
struct FileSpec {
    #[serde(default)]
    word_lists: BTreeMap<String, Vec<String>>,
    patterns: Vec<PatternSpec>,
    #[serde(default)]
    senses: Option<serde_json::Value>,
    #[serde(default)]
    groups: Vec<PeopleGroup>,
    #[serde(default)]
    peoples: Vec<RegionalPeople>,
}

/// A kind of people a country's name can qualify ("Sudanese rebels", "refugees from Syria"):
/// not the state, so the state acts on them and they on it. Such a phrase is an actor of its
/// own, keyed by the country and the group's id (`group:SDN:rebels`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleGroup {
    /// Stable id, part of the actor key.
    pub id: String,
    /// The plural the actor is named with, after the country's adjective.
    pub label: String,
    /// The nouns (lower case) that name such people.
    pub nouns: Vec<String>,
    /// Sentences whose event must take the group as a participant.
    pub examples: Vec<Example>,
}

/// Peoples and regions of a country that are no name of it ("Darfur", "Tamil", "Karen"): before
/// a group noun they name that country's people of the group ("Darfur rebels" are Sudanese
/// rebels), and nothing anywhere else (a "Karen" alone stays whoever the article names so).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalPeople {
    /// The country's ISO3 code.
    pub country: String,
    /// The words, as written (any case matches).
    pub words: Vec<String>,
    /// Sentences whose event must take the country's group as a participant.
    pub examples: Vec<Example>,
}

/// Which way a step goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Direction {
    /// To a child with one of these relations.
    Child(Vec<Deprel>),
    /// To the head, when the current word hangs from it by one of these relations.
    Up(Vec<Deprel>),
}

/// One checked step.
#[derive(Debug, Clone)]
pub struct Step {
    /// Where it goes.
    pub direction: Direction,
    /// The word reached must have a `case` child with one of these words (lower case); empty
    /// for no condition.
    pub cases: HashSet<String>,
    /// The word reached must be one of these (lower case); empty for no condition.
    pub words: HashSet<String>,
    /// The word reached must not be one of these.
    pub not_words: HashSet<String>,
    /// The word reached must not be an event trigger itself.
    pub not_trigger: bool,
    /// The word reached must be a name ("offered Chile a loan"), not a common noun a name
    /// qualifies ("offered Chilean wine").
    pub name: bool,
    /// The word reached must have no child with these relations ("drew up proposals": a verb
    /// with a particle is another verb).
    pub lacks: Vec<Deprel>,
    /// The word reached must have a child with one of these relations; empty for no condition.
    pub needs: Vec<Deprel>,
    /// The word reached (a clause) must be introduced by one of these words ("whether",
    /// "that"); empty for no condition.
    pub marks: HashSet<String>,
    /// No child of the word reached, nor on an upward step of the word left, may be
    /// introduced by one of these prepositions ("has support from X": who has it is not who
    /// gives it); empty for no condition.
    pub lacks_cases: HashSet<String>,
    /// A child of the word reached, or on an upward step of the word left, must be
    /// introduced by one of these prepositions; empty for no condition.
    pub needs_cases: HashSet<String>,
}

/// One checked pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Stable id, recorded on the events it builds.
    pub id: String,
    /// Parts of speech the trigger may have; empty for any.
    pub pos: Vec<Upos>,
    /// Required voice.
    pub voice: Option<Voice>,
    /// Relations the trigger may hang from; empty for any.
    pub deprel: Vec<Deprel>,
    /// Categories it applies to; empty for all.
    pub categories: Vec<Plover>,
    /// Categories it does not apply to.
    pub not_categories: Vec<Plover>,
    /// Relations the trigger must have no child with.
    pub lacks: Vec<Deprel>,
    /// Trigger kinds it applies to; empty for all.
    pub kinds: Vec<String>,
    /// Trigger kinds it does not apply to.
    pub not_kinds: Vec<String>,
    /// A capital reached by it names a place, not the government ("the Lisbon bombing").
    pub not_capitals: bool,
    /// The trigger must be introduced by one of these prepositions; empty for any.
    pub trigger_cases: Vec<String>,
    /// The trigger must not be introduced by any of these ("in support of X": X is not
    /// who supports).
    pub trigger_not_cases: Vec<String>,
    /// The trigger (a clause) must be introduced by one of these words ("to", "by"); empty
    /// for any.
    pub trigger_marks: Vec<String>,
    /// The trigger word (lower case) must end with one of these ("ing": a present
    /// participle, not "asked"); empty for any.
    pub endings: Vec<String>,
    /// Prepositions none of the trigger's children is introduced by ("Ola Berg's arrest",
    /// not "Chile's arrest of Ola Berg"); empty for no such test.
    pub trigger_lacks_cases: HashSet<String>,
    /// Prepositions one of the trigger's children is introduced by; empty for no such test.
    pub trigger_needs_cases: HashSet<String>,
    /// The path from the trigger.
    pub path: Vec<Step>,
    /// The role given to the word reached.
    pub role: Role,
    /// Why, for people: `{trigger}`, `{head}` (what an upward step reached), `{via}` (what the
    /// first step reached), `{case}` and `{word}` are filled in.
    pub why: String,
    /// Sentences it must handle.
    pub examples: Vec<Example>,
}

impl Pattern {
    /// Whether the pattern applies to a trigger of this category and kind.
    pub fn applies_to(&self, category: Plover, kind: &str) -> bool {
        (self.categories.is_empty() || self.categories.contains(&category))
            && !self.not_categories.contains(&category)
            && (self.kinds.is_empty() || self.kinds.iter().any(|k| k == kind))
            && !self.not_kinds.iter().any(|k| k == kind)
    }
}

/// The patterns and word lists, checked.
#[derive(Debug, Clone, Default)]
pub struct ArgumentRules {
    /// Patterns, in the order they apply.
    pub patterns: Vec<Pattern>,
    /// Look-ups made from the patterns and lists when they load, for the reader's hot paths.
    lookups: lookups::Lookups,
    /// Named word lists (lower case).
    pub lists: WordLists,
    /// The list `unparsed_idioms` split into words, in the list's order ([`Self::list`]):
    /// split once here, not for every parsed sentence.
    pub idioms: Vec<Vec<String>>,
    /// Sense rules, in the order they apply.
    pub senses: Vec<super::senses::Sense>,
    /// The word list `months` in its order, January first: a month's number is its place.
    pub months: Vec<String>,
    /// Kinds of people a country's name can qualify, in file order.
    pub groups: Vec<PeopleGroup>,
    /// Each group noun's group (index into `groups`).
    group_of_noun: HashMap<String, usize>,
    /// Regional peoples, in file order.
    pub peoples: Vec<RegionalPeople>,
    /// Each regional people's word (lower case) → its country's code.
    country_of_people: HashMap<String, String>,
}

/// Why the argument patterns could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PatternError {
    /// Not JSON of the expected shape.
    #[error("not valid JSON of the expected shape: {0}")]
    Json(#[from] serde_json::Error),
    /// A pattern names something that does not exist.
    #[error("pattern '{id}': {problem}")]
    Invalid {
        /// The pattern's id.
        id: String,
        /// What is wrong.
        problem: String,
    },
}

/// Names of the word lists the engine itself reads; the file must define them.
pub const ENGINE_LISTS: [&str; 148] = [
    "double_object_verbs",
    "double_object_openers",
    "supplying_cases",
    "singular_subject_pronouns",
    "aimed_at_kinds",
    "privative_marks",
    "harm_participles",
    "flow_nouns",
    "goods_origin_cases",
    "probe_nouns",
    "suspicion_nouns",
    "calling_verbs",
    "topic_cases",
    "foretelling_adverbs",
    "clause_verb_lists",
    "country_acting_noun_lists",
    "reason_cases",
    "intent_nouns",
    "dropping_verbs",
    "ruling_verbs",
    "avoiding_verbs",
    "putting_off_verbs",
    "holding_off_verbs",
    "short_words",
    "using_verbs",
    "affiliation_words",
    "affiliation_cases",
    "place_nouns",
    "conditional_offer_modals",
    "dateline_dashes",
    "area_measure_kinds",
    "months",
    "person_pronouns",
    "female_pronouns",
    "body_pronouns",
    "pair_quantifiers",
    "male_honorifics",
    "female_honorifics",
    "male_given_names",
    "female_given_names",
    "government_nouns",
    "unparsed_year_openers",
    "unparsed_counts",
    "passive_copulas",
    "passive_auxiliaries",
    "unparsed_idioms",
    "unparsed_approximators",
    "number_words",
    "quantity_nouns",
    "unparsed_time_followers",
    "unparsed_times",
    "unparsed_time_openers",
    "negations",
    "nominal_content_cases",
    "conditionals",
    "ultimatum_marks",
    "doubtful_modals",
    "obligation_modals",
    "future_modals",
    "hypothetical_modals",
    "planning_verbs",
    "decision_verbs",
    "declared_measure_categories",
    "asked_place_kinds",
    "reporting_verbs",
    "undergoing_verbs",
    "content_categories",
    "nominal_content_categories",
    "answering_categories",
    "place_cases",
    "behest_nouns",
    "place_target_categories",
    "sourceless_place_target_categories",
    "unnamed_attacker_nouns",
    "summing_nouns",
    "irregular_past_forms",
    "motion_cases",
    "mind_verbs",
    "content_place_categories",
    "that_clause_target_categories",
    "protest_aim_categories",
    "failure_words",
    "legislature_nouns",
    "absence_words",
    "ability_words",
    "doubt_words",
    "question_words",
    "suffered_past_forms",
    "absolute_cases",
    "quantity_adjectives",
    "actor_nouns",
    "said_nouns",
    "rumour_nouns",
    "probing_categories",
    "threat_marks",
    "alternative_marks",
    "comparison_marks",
    "act_nouns",
    "own_act_denials",
    "demanding_verbs",
    "naming_cases",
    "former_words",
    "plural_pronouns",
    "venue_cases",
    "telling_verbs",
    "pair_words",
    "country_nouns",
    "group_nouns",
    "group_place_cases",
    "holding_nouns",
    "holding_cases",
    "representative_nouns",
    "representative_cases",
    "state_nouns",
    "phrase_possessives",
    "anaphors",
    "reaction_verbs",
    "attributive_adjectives",
    "disjoint_pronoun_relations",
    "commanding_pronouns",
    "wishing_verbs",
    "wanted_act_verbs",
    "commanded_relations",
    "opposition_words",
    "state_body_kinds",
    "party_nouns",
    "government_member_nouns",
    "home_force_nouns",
    "linking_verbs",
    "perfect_auxiliaries",
    "relative_nouns",
    "associate_nouns",
    "aside_subject_marks",
    "asking_nouns",
    "reflexive_or_relative",
    "people_relatives",
    "name_relatives",
    "clause_openers",
    "object_relatives",
    "subject_openers",
    "modal_auxiliaries",
    "persuading_verbs",
    "commanding_verbs",
    "content_clause_marks",
    "subject_phrase_cases",
    "indefinite_articles",
    "mutual_kinds",
    "mutual_content_kinds",
];

/// Every list the engine reads is defined, and `months` names twelve.
fn check_engine_lists(lists: &WordLists, months: &[String]) -> Result<(), PatternError> {
    for name in ENGINE_LISTS {
        if !lists.contains_key(name) {
            return Err(PatternError::Invalid {
                id: "word_lists".to_owned(),
                problem: format!("the engine needs the word list '{name}'"),
            });
        }
    }
    if months.len() != 12 {
        return Err(PatternError::Invalid {
            id: "word_lists".to_owned(),
            problem: "the word list 'months' must name the twelve months, January first".to_owned(),
        });
    }
    Ok(())
}

/// Each group has an id of lower-case letters used once, a label, nouns no other group
/// claims and an example. Returns the group of each noun.
fn check_groups(groups: &[PeopleGroup]) -> Result<HashMap<String, usize>, PatternError> {
    let mut of_noun = HashMap::new();
    let mut ids = HashSet::new();
    for (i, g) in groups.iter().enumerate() {
        let bad = |problem: String| PatternError::Invalid {
            id: format!("group '{}'", g.id),
            problem,
        };
        if g.id.is_empty() || !g.id.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(bad("the id must be lower-case letters".to_owned()));
        }
        if !ids.insert(g.id.as_str()) {
            return Err(bad("the id is used twice".to_owned()));
        }
        if g.label.trim().is_empty() || g.nouns.is_empty() || g.examples.is_empty() {
            return Err(bad("a group needs a label, nouns and an example".to_owned()));
        }
        for n in &g.nouns {
            if of_noun.insert(n.to_lowercase(), i).is_some() {
                return Err(bad(format!("the noun '{n}' belongs to two groups")));
            }
        }
    }
    Ok(of_noun)
}

/// Each regional people's word (lower case) with its country's code; a word of two
/// countries, an empty list or a code that is not three capitals is refused.
fn check_peoples(peoples: &[RegionalPeople]) -> Result<HashMap<String, String>, PatternError> {
    let mut of_word = HashMap::new();
    for p in peoples {
        let bad = |problem: String| PatternError::Invalid {
            id: format!("people of '{}'", p.country),
            problem,
        };
        if p.country.len() != 3 || !p.country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad("the country must be an ISO3 code".to_owned()));
        }
        if p.words.is_empty() || p.examples.is_empty() {
            return Err(bad("a people needs words and an example".to_owned()));
        }
        for w in &p.words {
            if of_word
                .insert(w.to_lowercase(), p.country.clone())
                .is_some()
            {
                return Err(bad(format!("the word '{w}' is listed twice")));
            }
        }
    }
    Ok(of_word)
}

impl ArgumentRules {
    /// Reads and checks `arguments.json`.
    ///
    /// # Errors
    /// When the text is not the expected JSON, or a pattern names an unknown relation, tag,
    /// category or word list, or has an empty path or a repeated id.
    pub fn from_json(text: &str) -> Result<Self, PatternError> {
        let spec: FileSpec = serde_json::from_str(text)?;
        let months: Vec<String> = spec
            .word_lists
            .get("months")
            .into_iter()
            .flatten()
            .map(|w| w.to_lowercase())
            .collect();
        let lists: WordLists = spec
            .word_lists
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().map(|w| w.to_lowercase()).collect()))
            .collect();
        check_engine_lists(&lists, &months)?;
        let mut seen = HashSet::new();
        let mut patterns = Vec::with_capacity(spec.patterns.len());
        for p in spec.patterns {
            let bad = |problem: String| PatternError::Invalid {
                id: p.id.clone(),
                problem,
            };
            if !seen.insert(p.id.clone()) {
                return Err(bad("the id is used twice".to_owned()));
            }
            if p.path.is_empty() {
                return Err(bad("the path is empty".to_owned()));
            }
            let deprels = |names: &[String]| -> Result<Vec<Deprel>, PatternError> {
                names
                    .iter()
                    .map(|n| {
                        Deprel::from_name(n)
                            .filter(|d| d.name() == n)
                            .ok_or_else(|| bad(format!("unknown relation '{n}'")))
                    })
                    .collect()
            };
            let categories = |names: &[String]| -> Result<Vec<Plover>, PatternError> {
                names
                    .iter()
                    .map(|n| {
                        Plover::from_name(n).ok_or_else(|| bad(format!("unknown category '{n}'")))
                    })
                    .collect()
            };
            let list = |name: &str| -> Result<HashSet<String>, PatternError> {
                lists
                    .get(name)
                    .map(|l| l.iter().cloned().collect())
                    .ok_or_else(|| bad(format!("unknown word list '{name}'")))
            };
            let optional_list =
                |name: &Option<String>| name.as_deref().map_or(Ok(HashSet::new()), list);
            let pos = p
                .trigger
                .pos
                .iter()
                .map(|n| Upos::from_name(n).ok_or_else(|| bad(format!("unknown tag '{n}'"))))
                .collect::<Result<Vec<_>, _>>()?;
            let mut path = Vec::with_capacity(p.path.len());
            for s in &p.path {
                let direction = match (s.child.is_empty(), s.up.is_empty()) {
                    (false, true) => Direction::Child(deprels(&s.child)?),
                    (true, false) => Direction::Up(deprels(&s.up)?),
                    _ => return Err(bad("each step needs either 'child' or 'up'".to_owned())),
                };
                let mut cases: HashSet<String> = s.case.iter().map(|c| c.to_lowercase()).collect();
                if let Some(name) = &s.case_list {
                    cases.extend(list(name)?);
                }
                let words = optional_list(&s.word_list)?;
                let mut not_words = HashSet::new();
                for name in &s.not_word_list {
                    not_words.extend(list(name)?);
                }
                path.push(Step {
                    direction,
                    cases,
                    words,
                    not_words,
                    not_trigger: s.not_trigger,
                    name: s.name,
                    lacks: deprels(&s.lacks)?,
                    needs: deprels(&s.needs)?,
                    marks: s.mark.iter().map(|m| m.to_lowercase()).collect(),
                    lacks_cases: optional_list(&s.lacks_case_list)?,
                    needs_cases: optional_list(&s.needs_case_list)?,
                });
            }
            if p.examples.is_empty() {
                return Err(bad("a pattern needs at least one example".to_owned()));
            }
            patterns.push(Pattern {
                pos,
                voice: p.trigger.voice,
                deprel: deprels(&p.trigger.deprel)?,
                categories: categories(&p.trigger.categories)?,
                not_categories: categories(&p.trigger.not_categories)?,
                lacks: deprels(&p.trigger.lacks)?,
                kinds: p.trigger.kinds.clone(),
                not_kinds: p.trigger.not_kinds.clone(),
                not_capitals: p.not_capitals,
                trigger_cases: lower_all(&p.trigger.case),
                trigger_not_cases: lower_all(&p.trigger.not_case),
                trigger_marks: lower_all(&p.trigger.mark),
                endings: lower_all(&p.trigger.endings),
                trigger_lacks_cases: optional_list(&p.trigger.lacks_case_list)?,
                trigger_needs_cases: optional_list(&p.trigger.needs_case_list)?,
                path,
                role: p.role,
                why: p.why.clone(),
                examples: p.examples.clone(),
                id: p.id,
            });
        }
        for c in [
            "content_categories",
            "nominal_content_categories",
            "answering_categories",
        ]
        .iter()
        .filter_map(|n| lists.get(*n))
        .flatten()
        {
            if Plover::from_name(c).is_none() {
                return Err(PatternError::Invalid {
                    id: "word_lists".to_owned(),
                    problem: format!("content_categories names unknown category '{c}'"),
                });
            }
        }
        let idioms = lookups::split(&lists, "unparsed_idioms");
        let senses = super::senses::read(spec.senses.as_ref(), &lists)?;
        let group_of_noun = check_groups(&spec.groups)?;
        let country_of_people = check_peoples(&spec.peoples)?;
        Ok(Self {
            lookups: lookups::Lookups::new(&patterns, &lists, &idioms),
            patterns,
            lists,
            idioms,
            senses,
            months,
            groups: spec.groups,
            group_of_noun,
            peoples: spec.peoples,
            country_of_people,
        })
    }

    /// The kind of people the noun `word` (any case) names, if it is a group noun.
    pub fn people_group(&self, word: &str) -> Option<&PeopleGroup> {
        let found = self.group_of_noun.get(word).or_else(|| {
            (word.bytes().any(|b| b.is_ascii_uppercase()))
                .then(|| self.group_of_noun.get(&word.to_lowercase()))
                .flatten()
        });
        found.map(|&i| &self.groups[i])
    }

    /// The country code of the regional people `word` (any case) names ("Darfur": `SDN`).
    pub fn people_country(&self, word: &str) -> Option<&str> {
        self.country_of_people
            .get(&word.to_lowercase())
            .map(String::as_str)
    }

    /// The number of the month `word` (any case) names, January 1.
    /// Asked for every word of a dated sentence: an ASCII word is compared folded, not copied.
    pub fn month(&self, word: &str) -> Option<usize> {
        let found = if word.is_ascii() {
            // The months are lower case, so this is `to_lowercase` and a comparison.
            (self.months.iter()).position(|m| m.eq_ignore_ascii_case(word))
        } else {
            let lower = word.to_lowercase();
            self.months.iter().position(|m| *m == lower)
        };
        found.map(|m| m + 1)
    }

    /// The entries of a word list (none for an unknown list), in no set order.
    pub fn list(&self, list: &str) -> impl Iterator<Item = &str> {
        self.lists
            .get(list)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// Whether `word` (any case) is in the named list.
    pub fn has(&self, list: &str, word: &str) -> bool {
        self.lists.get(list).is_some_and(|l| in_list(l, word))
    }

    /// Whether `word` (any case) is in one of the lists that the list `lists` names
    /// (`clause_verb_lists`: the verbs that take clauses, list by list).
    pub fn has_in_any(&self, lists: &str, word: &str) -> bool {
        self.list(lists).any(|list| self.has(list, word))
    }
}

/// Whether `word` (any case) is in `list`, whose words are lower case. Runs for every word
/// of a sentence, so short ASCII words are folded on the stack rather than allocated.
pub fn in_list(list: &WordList, word: &str) -> bool {
    // An ASCII word is in the list as it is or folded, of the same length and with its
    // first byte folded alone: when neither shape is the list's, it is not.
    if let Some(&first) = word.as_bytes().first()
        && word.is_ascii()
        && list.shapes
            & (shape_bit(word.len(), first) | shape_bit(word.len(), first.to_ascii_lowercase()))
            == 0
    {
        return false;
    }
    if list.contains(word) {
        return true;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let folded = &mut buf[..word.len()];
        folded.copy_from_slice(word.as_bytes());
        folded.make_ascii_lowercase();
        return std::str::from_utf8(folded).is_ok_and(|w| list.contains(w));
    }
    list.contains(&word.to_lowercase())
}

/// The words in lower case.
fn lower_all(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const EMBEDDED: &str = include_str!("../../../assets/lexicon/arguments.json");

    #[test]
    fn the_embedded_patterns_are_valid() {
        let rules = ArgumentRules::from_json(EMBEDDED).expect("valid");
        assert!(rules.patterns.len() >= 20);
        assert!(rules.patterns.iter().any(|p| p.id == "passive-agent"));
        assert!(rules.has("negations", "never"));
    }

    #[test]
    fn the_idioms_are_their_list_split_in_its_order() {
        let rules = ArgumentRules::from_json(EMBEDDED).expect("valid");
        let split: Vec<Vec<String>> = rules
            .list("unparsed_idioms")
            .map(|p| p.split(' ').map(str::to_owned).collect())
            .collect();
        assert!(split.iter().any(|words| words.len() > 1));
        assert_eq!(rules.idioms, split);
    }

    #[test]
    fn list_words_match_in_any_case() {
        let list: WordList = ["must", "\u{e9}lu", "n't", "a"]
            .iter()
            .map(|w| (*w).to_owned())
            .collect();
        for (word, expected) in [
            ("must", true),
            ("Must", true),
            ("MUST", true),
            ("musts", false),
            ("\u{e9}lu", true),
            ("\u{c9}LU", true),
            ("A-much-longer-word-than-the-stack-buffer-holds", false),
            ("", false),
            ("N'T", true),
            ("A", true),
            ("b", false),
            ("Mist", false),
        ] {
            assert_eq!(in_list(&list, word), expected, "{word}");
        }
    }

    #[test]
    fn unknown_names_are_refused_with_the_pattern_id() {
        let base: serde_json::Value = serde_json::from_str(EMBEDDED).expect("json");
        let mut broken = base.clone();
        broken["patterns"][0]["path"][0]["child"][0] = "subject".into();
        let err = ArgumentRules::from_json(&broken.to_string()).expect_err("refused");
        assert!(err.to_string().contains("active-subject"), "{err}");
        assert!(err.to_string().contains("subject"), "{err}");
        let mut no_list = base.clone();
        no_list["patterns"][4]["path"][0]["case_list"] = "nowhere".into();
        let err = ArgumentRules::from_json(&no_list.to_string()).expect_err("refused");
        assert!(err.to_string().contains("nowhere"), "{err}");
        let mut twice = base;
        twice["patterns"][1]["id"] = "active-subject".into();
        assert!(ArgumentRules::from_json(&twice.to_string()).is_err());
    }

    #[test]
    fn a_month_is_numbered_by_its_place_in_the_list() {
        let rules = ArgumentRules::from_json(EMBEDDED).expect("valid");
        assert_eq!(rules.month("January"), Some(1));
        assert_eq!(rules.month("MAY"), Some(5));
        assert_eq!(rules.month("december"), Some(12));
        assert_eq!(rules.month("Monday"), None);
        let mut base: serde_json::Value = serde_json::from_str(EMBEDDED).expect("json");
        base["word_lists"]["months"] = serde_json::json!(["january", "february"]);
        let err = ArgumentRules::from_json(&base.to_string()).expect_err("refused");
        assert!(err.to_string().contains("twelve months"), "{err}");
    }
}
