//! Sense rules (`senses` in `assets/lexicon/arguments.json`): a trigger word with more than one
//! sense is told apart by its place in the parse and by who takes part ("attacked the plans"
//! is criticism, "strike action" a workers' strike, "a news conference" no meeting of parties).
//! Each rule names the trigger kinds it applies to, its conditions (all must hold; most rules
//! have one), and what it does: change the kind (and with it the category) or drop the
//! trigger.

use std::collections::HashSet;

use serde::Deserialize;

use super::patterns::PatternError;
use crate::extract::parse::Deprel;

/// What a rule checks.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WhenSpec {
    #[serde(default)]
    target_words: Option<String>,
    /// Prepositions one of those acted on is introduced by, itself or the noun it names, on
    /// the trigger or its head ("held drills with Peru", "with the Chilean navy"), and none
    /// by another ("drills with Peru near Bolivia").
    #[serde(default)]
    target_cases: Vec<String>,
    #[serde(default)]
    source_kinds: Vec<String>,
    /// Kinds of actor one of those acted on is (`person`, `party`, `military`, `civil_body`,
    /// `any` for whoever is named, or `none` when no one is): "suspended Mr Houston" suspends
    /// a person from a post.
    #[serde(default)]
    target_kinds: Vec<String>,
    /// The word list the source's head word must be in ("forces", "aircraft").
    #[serde(default)]
    source_words: Option<String>,
    /// The word list no source's head word is in: "Russian troops entered Ukraine" is an
    /// incursion, "Russia entered talks" none.
    #[serde(default)]
    source_not_words: Option<String>,
    #[serde(default)]
    head_rel: Vec<String>,
    /// The words the trigger's head is (any, when empty); "called off", a verb and its
    /// particle, for a phrasal verb.
    #[serde(default)]
    head_words: Vec<String>,
    /// Relations of the trigger's children the child conditions look at; "obj>nmod" steps
    /// through a child (the `nmod` children of its object).
    #[serde(default)]
    child_rel: Vec<String>,
    #[serde(default)]
    child_words: Vec<String>,
    /// A child of one of `child_rel`'s relations introduced by one of these prepositions or
    /// subordinators ("seize on the reports", "asked whether it would").
    #[serde(default)]
    child_cases: Vec<String>,
    /// The word list a child of one of `child_rel`'s relations is not in, when that child is
    /// a common noun naming no actor ("delivered a rebuff": no aid); with `child_cases`, only
    /// a child one of them introduces ("provided Peru with a report").
    #[serde(default)]
    child_not_in: Option<String>,
    /// With `child_not_in`: an object given something of that list 'with' (on the object or
    /// on the verb, `supplying_cases`) is who gets it, not what is given ("provided the
    /// farmers with food").
    #[serde(default)]
    recipient_given_with: bool,
    /// The word list none of the children by one of `child_rel`'s relations is in (nor any
    /// of their conjuncts): "gave a chance", "the advice he gave" give nothing material.
    #[serde(default)]
    no_child_in: Option<String>,
    /// The word list a child of one of `child_rel`'s relations is in (instead of
    /// `child_words`): "handed over 700 kg of medicine".
    #[serde(default)]
    child_in: Option<String>,
    /// The word list an object of that child (one of `child_words` by one of `child_rel`'s
    /// relations) is in: "declined to give her view" keeps quiet, as "declined to comment".
    #[serde(default)]
    child_object_in: Option<String>,
    /// The word list of auxiliaries and markers that make a clause under the trigger say what
    /// will happen ("will", "unless"): the rule holds when no clause under it has one, nor
    /// is an infinitive ("warned that the plan might fail", "warned of delays").
    #[serde(default)]
    no_clause_with: Option<String>,
    /// Relations by which the trigger and a clause ending in a question mark are joined, in
    /// either direction: '"Who will pay?" he asked' is a question, not a request.
    #[serde(default)]
    question_rel: Vec<String>,
    /// Relations the trigger has no child by: "ordered an inquiry" gives no one an order, as
    /// "ordered the army to withdraw" does.
    #[serde(default)]
    no_child_rel: Vec<String>,
    /// Parts of speech the trigger word has: "agreed" the verb, not "an agreement".
    #[serde(default)]
    pos: Vec<String>,
    /// Words one of which comes right after the trigger ("wants to"): known before the parse.
    #[serde(default)]
    next_words: Vec<String>,
    /// The rule does not hold when an object of the trigger belongs to a country and its
    /// subject to another ("Mali ordered French troops to leave"; see `foreign.rs`). Only
    /// before reading.
    #[serde(default)]
    unless_foreign_object: bool,
    /// The word list of past forms that do not end in "-ed": the rule holds when no clause
    /// under the trigger is in the subjunctive ("insisted that Peru withdraw", a bidding;
    /// not "insisted that Peru withdrew").
    #[serde(default)]
    no_subjunctive_clause: Option<String>,
}

/// What a rule does.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThenSpec {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    drop: bool,
    /// With `drop`: the word is no trigger at all, dropped before any act of the sentence is
    /// read, so it stands in the way of none ("sent twenty experts to Chile to investigate":
    /// who investigates is the subject of "sent", a verb, not another act). Only conditions
    /// on the parse, none on the act's arguments.
    #[serde(default)]
    before_reading: bool,
}

/// An example sentence for a rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SenseExample {
    /// The sentence.
    pub text: String,
    /// The category the sentence must give.
    #[serde(default)]
    pub category: Option<String>,
    /// The trigger word that must give no event.
    #[serde(default)]
    pub no_event: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SenseSpec {
    id: String,
    #[serde(default)]
    kinds: Vec<String>,
    /// Every trigger of these categories, besides the kinds named.
    #[serde(default)]
    categories: Vec<String>,
    when: WhenSpec,
    then: ThenSpec,
    why: String,
    examples: Vec<SenseExample>,
}

/// The condition of a checked rule.
#[derive(Debug, Clone)]
pub enum Condition {
    /// A target's head word is in this list.
    TargetWords(HashSet<String>),
    /// A target, or the noun it names, is introduced by one of these words, on the trigger
    /// or on the word the trigger hangs from; and no target there by another.
    TargetCases(HashSet<String>),
    /// The source is a person (`person`), a political party (`party`), an army (`military`)
    /// or a body that bears no arms and governs nothing (`civil_body`: a union, a company, a
    /// charity), or no one named acts (`none`).
    SourceKinds(Vec<String>),
    TargetKinds(Vec<String>),
    /// A source's head word is in this list ("Serb forces", "British aircraft").
    SourceWords(HashSet<String>),
    /// No source's head word is in this list (or no one acts).
    SourceNotWords(HashSet<String>),
    /// The trigger hangs from its head by one of these relations, and the head is one of
    /// these words.
    /// Relations, head words, and phrasal head verbs split into verb and particle.
    Head(Vec<String>, HashSet<String>, Vec<(String, String)>),
    /// The trigger has a child by one of these relations that is one of these words.
    Child(Vec<String>, HashSet<String>),
    /// The trigger has no child by any of these relations.
    NoChildRel(Vec<String>),
    /// The word right after the trigger is one of these.
    NextWord(HashSet<String>),
    /// The trigger word has one of these parts of speech.
    Pos(Vec<crate::extract::parse::Upos>),
    /// The trigger has a child by one of these relations introduced by one of these words.
    ChildCase(Vec<String>, HashSet<String>),
    /// The trigger has a child by one of these relations that is a common noun naming no
    /// actor, and not in this list (nor is any of its conjuncts); when cases are given, one
    /// that such a word introduces.
    ChildNotIn(
        Vec<String>,
        HashSet<String>,
        HashSet<String>,
        HashSet<String>,
    ),
    /// The trigger has a child by one of these relations that is one of these words, and
    /// that child has an object in the last list.
    ChildObject(Vec<String>, HashSet<String>, HashSet<String>),
    /// No child by one of these relations, nor a conjunct of one, is in this list.
    NoChildIn(Vec<String>, HashSet<String>),
    /// No clause under the trigger is an infinitive or has an auxiliary or marker in this
    /// list, itself or in a clause of its own.
    NoClauseWith(HashSet<String>, HashSet<String>),
    /// The trigger's head, when the trigger hangs from it by one of these relations, or a
    /// child of the trigger by one of them, ends in a question mark.
    QuotedQuestion(Vec<String>),
    /// No clause under the trigger is in the subjunctive (the lists: past forms not in
    /// "-ed", and the singular pronouns such a verb shows itself after).
    NoSubjunctiveClause(HashSet<String>, HashSet<String>),
}

/// The words of a trigger's arguments, by role.
pub struct ArgumentWords {
    /// Words that name who acts.
    pub sources: Vec<usize>,
    /// Words that name who is acted on.
    pub targets: Vec<usize>,
    /// Those of `targets` that name someone found ("with Peru", not "with warships").
    pub named_targets: Vec<usize>,
    /// The kinds of the actors acted on (`person`, `party`...; see `source_kinds`).
    pub target_kinds: Vec<&'static str>,
    /// Whether anyone named at all is acted on (the target kind `any`): "fired rockets at
    /// Peru", not "into the sea".
    pub any_target: bool,
}

/// What a checked rule does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The trigger is of this kind instead.
    Kind(String),
    /// The trigger names no event.
    Drop,
}

/// One checked rule.
#[derive(Debug, Clone)]
pub struct Sense {
    /// Stable id.
    pub id: String,
    /// Trigger kinds it applies to.
    pub kinds: Vec<String>,
    /// Trigger categories it applies to, whatever the kind.
    pub categories: Vec<String>,
    /// When: all of them hold.
    pub conditions: Vec<Condition>,
    /// What.
    pub effect: Effect,
    /// A drop that takes the word for no trigger before any act is read (`before_reading`).
    pub before_reading: bool,
    /// Not when an object belongs to another country than the subject (`unless_foreign_object`).
    pub unless_foreign_object: bool,
    /// Why, for people.
    pub why: String,
    /// Sentences it must handle.
    pub examples: Vec<SenseExample>,
}

/// The condition on the trigger's children a rule sets (`child_rel` with `child_words`,
/// `child_cases`, `child_in`, `child_not_in`, `no_child_in` or `child_object_in`), if any.
fn child_condition(
    w: &WhenSpec,
    lists: &super::patterns::WordLists,
    bad: &dyn Fn(&str) -> PatternError,
) -> Result<Option<Condition>, PatternError> {
    let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
    let mut conditions = Vec::new();
    if w.child_not_in.is_some() && w.no_child_in.is_some() {
        return Err(bad("child_not_in and no_child_in cannot be read together"));
    }
    if let Some(name) = &w.child_not_in {
        let list = lists
            .get(name)
            .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
        if w.child_rel.is_empty() {
            return Err(bad("child_not_in needs child_rel"));
        }
        let supplying = if w.recipient_given_with {
            (lists.get("supplying_cases"))
                .ok_or_else(|| bad("unknown word list 'supplying_cases'"))?
                .iter()
                .cloned()
                .collect()
        } else {
            HashSet::new()
        };
        conditions.push(Condition::ChildNotIn(
            w.child_rel.clone(),
            list.iter().cloned().collect(),
            lower(&w.child_cases),
            supplying,
        ));
    } else if let Some(name) = &w.no_child_in {
        let list = lists
            .get(name)
            .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
        if w.child_rel.is_empty() {
            return Err(bad("no_child_in needs child_rel"));
        }
        conditions.push(Condition::NoChildIn(
            w.child_rel.clone(),
            list.iter().cloned().collect(),
        ));
    } else if !w.child_rel.is_empty() && !w.child_cases.is_empty() {
        conditions.push(Condition::ChildCase(
            w.child_rel.clone(),
            lower(&w.child_cases),
        ));
    } else if let Some(name) = &w.child_in {
        let list = lists
            .get(name)
            .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
        if w.child_rel.is_empty() || !w.child_words.is_empty() {
            return Err(bad("child_in needs child_rel and no child_words"));
        }
        conditions.push(Condition::Child(
            w.child_rel.clone(),
            list.iter().cloned().collect(),
        ));
    } else if let Some(name) = &w.child_object_in {
        let list = lists
            .get(name)
            .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
        if w.child_rel.is_empty() || w.child_words.is_empty() {
            return Err(bad("child_object_in needs child_rel and child_words"));
        }
        conditions.push(Condition::ChildObject(
            w.child_rel.clone(),
            lower(&w.child_words),
            list.iter().cloned().collect(),
        ));
    } else if !w.child_rel.is_empty() {
        conditions.push(Condition::Child(w.child_rel.clone(), lower(&w.child_words)));
    }
    Ok(conditions.pop())
}

/// The condition `no_subjunctive_clause` sets, if any: its list of past forms, and the
/// engine's list of the singular pronouns a verb in the subjunctive shows itself after ("that
/// he resign").
fn subjunctive_condition(
    w: &WhenSpec,
    lists: &super::patterns::WordLists,
    bad: &dyn Fn(&str) -> PatternError,
) -> Result<Option<Condition>, PatternError> {
    let Some(name) = &w.no_subjunctive_clause else {
        return Ok(None);
    };
    let list = lists
        .get(name)
        .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
    let pronouns = lists
        .get("singular_subject_pronouns")
        .ok_or_else(|| bad("unknown word list 'singular_subject_pronouns'"))?;
    Ok(Some(Condition::NoSubjunctiveClause(
        list.iter().cloned().collect(),
        pronouns.iter().cloned().collect(),
    )))
}

/// The first of `kinds` that is no kind of actor sense rules know (`none`, no one named, only
/// where `none_too`; `any`, whoever is named, only where `any_too`).
fn unknown_kind(kinds: &[String], none_too: bool, any_too: bool) -> Option<&String> {
    kinds.iter().find(|k| {
        let known = matches!(k.as_str(), "person" | "party" | "military" | "civil_body");
        !(known || none_too && k.as_str() == "none" || any_too && k.as_str() == "any")
    })
}

/// Whether the rule's source and target kinds are all known; what is wrong if not.
fn check_kinds(w: &WhenSpec) -> Result<(), String> {
    for (kinds, any_too, what) in [
        (&w.source_kinds, false, "source"),
        (&w.target_kinds, true, "target"),
    ] {
        if let Some(k) = unknown_kind(kinds, true, any_too) {
            return Err(format!(
                "unknown {what} kind '{k}' (person, party, military, civil_body{})",
                if any_too { ", any or none" } else { " or none" }
            ));
        }
    }
    Ok(())
}

/// Reads the `senses` array. `lists` are the file's word lists; `kinds` the trigger kinds of
/// the trigger lexicon.
///
/// # Errors
/// An unknown word list or kind, a rule with no condition, or no effect.
pub fn read(
    value: Option<&serde_json::Value>,
    lists: &super::patterns::WordLists,
) -> Result<Vec<Sense>, PatternError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let specs: Vec<SenseSpec> = serde_json::from_value(value.clone())?;
    let mut out = Vec::with_capacity(specs.len());
    for s in specs {
        let bad = |problem: &str| PatternError::Invalid {
            id: s.id.clone(),
            problem: problem.to_owned(),
        };
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        let w = &s.when;
        let mut conditions = Vec::new();
        if let Some(name) = &w.target_words {
            let list = lists
                .get(name)
                .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
            conditions.push(Condition::TargetWords(list.iter().cloned().collect()));
        }
        if let Some(name) = &w.source_words {
            let list = lists
                .get(name)
                .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
            conditions.push(Condition::SourceWords(list.iter().cloned().collect()));
        }
        if let Some(name) = &w.source_not_words {
            let list = lists
                .get(name)
                .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
            conditions.push(Condition::SourceNotWords(list.iter().cloned().collect()));
        }
        if !w.target_cases.is_empty() {
            conditions.push(Condition::TargetCases(lower(&w.target_cases)));
        }
        check_kinds(w).map_err(|problem| bad(&problem))?;
        if !w.source_kinds.is_empty() {
            conditions.push(Condition::SourceKinds(w.source_kinds.clone()));
        }
        if !w.target_kinds.is_empty() {
            conditions.push(Condition::TargetKinds(w.target_kinds.clone()));
        }
        if let Some(name) = &w.no_clause_with {
            let list = lists
                .get(name)
                .ok_or_else(|| bad(&format!("unknown word list '{name}'")))?;
            // A comparison's own modal ("as he would like") marks nothing to come.
            let comparisons = lists
                .get("comparison_marks")
                .ok_or_else(|| bad("unknown word list 'comparison_marks'"))?;
            conditions.push(Condition::NoClauseWith(
                list.iter().cloned().collect(),
                comparisons.iter().cloned().collect(),
            ));
        }
        if let Some(c) = subjunctive_condition(w, lists, &bad)? {
            conditions.push(c);
        }
        if !w.head_rel.is_empty() {
            let words = lower(&w.head_words);
            let phrasal = words
                .iter()
                .filter_map(|p| p.split_once(' '))
                .map(|(v, p)| (v.to_owned(), p.to_owned()))
                .collect();
            conditions.push(Condition::Head(w.head_rel.clone(), words, phrasal));
        }
        if !w.question_rel.is_empty() {
            conditions.push(Condition::QuotedQuestion(w.question_rel.clone()));
        }
        if !w.no_child_rel.is_empty() {
            conditions.push(Condition::NoChildRel(w.no_child_rel.clone()));
        }
        if !w.next_words.is_empty() {
            conditions.push(Condition::NextWord(lower(&w.next_words)));
        }
        if !w.pos.is_empty() {
            let tags = w
                .pos
                .iter()
                .map(|n| {
                    crate::extract::parse::Upos::from_name(n)
                        .ok_or_else(|| bad(&format!("unknown tag '{n}'")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            conditions.push(Condition::Pos(tags));
        }
        if let Some(c) = child_condition(w, lists, &bad)? {
            conditions.push(c);
        }
        if conditions.is_empty() {
            return Err(bad("a rule needs a condition"));
        }
        let effect = match (&s.then.kind, s.then.drop) {
            (Some(k), false) => Effect::Kind(k.clone()),
            (None, true) => Effect::Drop,
            _ => return Err(bad("a rule either changes the kind or drops the trigger")),
        };
        let on_arguments = |c: &Condition| {
            matches!(
                c,
                Condition::TargetWords(_)
                    | Condition::TargetCases(_)
                    | Condition::SourceKinds(_)
                    | Condition::TargetKinds(_)
                    | Condition::SourceWords(_)
                    | Condition::SourceNotWords(_)
            )
        };
        if s.then.before_reading && (effect != Effect::Drop || conditions.iter().any(on_arguments))
        {
            return Err(bad(
                "a rule applied before reading drops the trigger on conditions on the parse alone",
            ));
        }
        if w.unless_foreign_object && !s.then.before_reading {
            return Err(bad("unless_foreign_object is read before reading only"));
        }
        if s.examples.is_empty() {
            return Err(bad("a rule needs at least one example"));
        }
        if s.kinds.is_empty() && s.categories.is_empty() {
            return Err(bad(
                "a rule names the kinds or the categories it applies to",
            ));
        }
        if let Some(c) = s
            .categories
            .iter()
            .find(|c| crate::extract::plover::Plover::from_name(c).is_none())
        {
            return Err(bad(&format!("unknown category '{c}'")));
        }
        out.push(Sense {
            conditions,
            id: s.id,
            kinds: s.kinds,
            categories: s.categories,
            effect,
            before_reading: s.then.before_reading,
            unless_foreign_object: w.unless_foreign_object,
            why: s.why,
            examples: s.examples,
        });
    }
    Ok(out)
}

impl Sense {
    /// Whether the rule is about triggers of this kind and category.
    pub fn applies_to(&self, kind: &str, category: &str) -> bool {
        self.kinds.iter().any(|k| k == kind) || self.categories.iter().any(|c| c == category)
    }

    /// Whether the rule is about triggers of this kind and category once their arguments are
    /// read: a rule on whose forces an object is (`unless_foreign_object`) is decided before
    /// reading only, where the sentence's actors are at hand.
    pub fn applies_after_reading(&self, kind: &str, category: &str) -> bool {
        !self.unless_foreign_object && self.applies_to(kind, category)
    }

    /// Whether the rule surely holds in a sentence whose lower-cased text is `lower`, whatever
    /// its parse: every condition asks that no child be one of its words, and none of those
    /// words is anywhere in the sentence (a parse word's text is part of the sentence's), or
    /// asks for the word after the trigger, and `next` (lower case) is one of them.
    pub fn holds_without_a_parse(&self, lower: &str, next: Option<&str>) -> bool {
        !self.unless_foreign_object
            && self.conditions.iter().all(|c| match c {
                Condition::NoChildIn(_, words) => !words.iter().any(|w| lower.contains(w.as_str())),
                Condition::NextWord(words) => next.is_some_and(|n| words.contains(n)),
                _ => false,
            })
    }

    /// Whether the rule's conditions all hold for the trigger word `w` of `tree`, whose
    /// target and source words are `args` and whose source is of kind `source_kind`
    /// (`person`, `party`).
    pub fn holds(
        &self,
        tree: &super::reading::Tree<'_>,
        w: usize,
        args: &ArgumentWords,
        source_kind: Option<&str>,
    ) -> bool {
        self.conditions
            .iter()
            .all(|c| one_holds(c, tree, w, args, source_kind))
    }
}

/// Whether one condition holds (see [`Sense::holds`]).
fn one_holds(
    condition: &Condition,
    tree: &super::reading::Tree<'_>,
    w: usize,
    args: &ArgumentWords,
    source_kind: Option<&str>,
) -> bool {
    match condition {
        Condition::TargetWords(list) => {
            args.targets.iter().any(|&t| list.contains(&*tree.lower[t]))
        }
        Condition::TargetCases(cases) => {
            // The case on the act or its verb of the phrase a target names (a name inside a
            // noun phrase: "with the Chilean navy").
            let words = &tree.parse.words;
            let case = |t: usize| {
                let mut x = t;
                while matches!(
                    words[x].deprel.name(),
                    "amod" | "compound" | "nmod:poss" | "flat"
                ) && let Some(h) = words[x].head
                {
                    x = h;
                }
                (words[x].head == Some(w) || words[x].head == words[w].head)
                    .then(|| tree.case_of(x))
                    .flatten()
            };
            // ... and none acted on by another ("drills with Peru near its border with Chile").
            args.named_targets
                .iter()
                .any(|&t| case(t).is_some_and(|k| cases.contains(k)))
                && !(args.targets.iter()).any(|&t| case(t).is_some_and(|k| !cases.contains(k)))
        }
        Condition::SourceWords(list) => {
            args.sources.iter().any(|&t| list.contains(&*tree.lower[t]))
        }
        // (A group named with its country, "Kenyan troops", is one word to the parser: its
        // last word is its head.)
        Condition::SourceNotWords(list) => !args.sources.iter().any(|&t| {
            list.contains(&*tree.lower[t])
                || tree.text[t]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| list.contains(&last.to_lowercase()))
        }),
        Condition::SourceKinds(kinds) => source_kind.is_some_and(|k| kinds.iter().any(|x| x == k)),
        Condition::TargetKinds(kinds) => {
            !args.any_target && kinds.iter().any(|x| x == "none")
                || args.any_target && kinds.iter().any(|x| x == "any")
                || args
                    .target_kinds
                    .iter()
                    .any(|k| kinds.iter().any(|x| x == k))
        }
        Condition::QuotedQuestion(rels) => {
            let asks = |c: usize| {
                tree.children[c]
                    .iter()
                    .any(|&k| tree.parse.words[k].deprel == Deprel::PUNCT && tree.lower[k] == "?")
            };
            let word = &tree.parse.words[w];
            let by_head = rels.iter().any(|r| r == word.deprel.name())
                && word.head.is_some_and(|h| h < tree.lower.len() && asks(h));
            by_head
                || tree.children[w].iter().any(|&c| {
                    rels.iter().any(|r| r == tree.parse.words[c].deprel.name()) && asks(c)
                })
                || quotes_a_question_after(tree, w)
                || follows_a_quoted_question(tree, w)
        }
        Condition::Head(rels, words, phrasal) => {
            let word = &tree.parse.words[w];
            rels.iter().any(|r| r == word.deprel.name())
                && word
                    .head
                    .filter(|&h| h < tree.lower.len())
                    .is_some_and(|h| {
                        words.is_empty()
                            || words.contains(&*tree.lower[h])
                            || phrasal_head(tree, w, h, phrasal)
                    })
        }
        // "obl>nmod" steps through a child, as for `child_words` ("fell back on its
        // reserves": the parse hangs "on its reserves" on "back").
        Condition::ChildCase(rels, cases) => {
            rels.iter().flat_map(|r| children_by(tree, w, r)).any(|c| {
                tree.children[c].iter().any(|&k| {
                    // The marker, or the question word that opens the clause ("asked why
                    // ...", "asked what ...").
                    let opens = k < c
                        && matches!(
                            tree.parse.words[k].deprel.name(),
                            "advmod" | "obj" | "nsubj" | "nsubj:pass" | "det"
                        );
                    (opens || matches!(tree.parse.words[k].deprel.name(), "case" | "mark"))
                        && cases.contains(&*tree.lower[k])
                })
            })
        }
        Condition::ChildNotIn(rels, words, cases, supplying) => {
            child_not_in(tree, w, rels, (words, cases, supplying))
        }
        Condition::NoChildIn(rels, words) => !tree.children[w].iter().any(|&c| {
            rels.iter().any(|r| r == tree.parse.words[c].deprel.name())
                && std::iter::once(c)
                    .chain(
                        tree.children[c]
                            .iter()
                            .copied()
                            .filter(|&k| tree.parse.words[k].deprel.name() == "conj"),
                    )
                    .any(|k| listed_or_named_by(tree, k, words))
        }),
        Condition::NoClauseWith(words, comparisons) => no_clause_with(tree, w, words, comparisons),
        Condition::NoSubjunctiveClause(past, pronouns) => {
            !super::subjunctive::has_subjunctive_clause(tree, w, past, pronouns)
        }
        Condition::Pos(tags) => tags.contains(&tree.pos(w)),
        Condition::NextWord(words) => tree.lower.get(w + 1).is_some_and(|n| words.contains(&**n)),
        Condition::NoChildRel(rels) => !tree.children[w]
            .iter()
            .any(|&c| rels.iter().any(|r| r == tree.parse.words[c].deprel.name())),
        Condition::Child(rels, words) => rels.iter().any(|r| {
            children_by(tree, w, r)
                .into_iter()
                .any(|c| words.is_empty() || words.contains(&*tree.lower[c]))
        }),
        Condition::ChildObject(rels, words, objects) => tree.children[w].iter().any(|&c| {
            rels.iter().any(|r| r == tree.parse.words[c].deprel.name())
                && words.contains(&*tree.lower[c])
                && tree.children[c].iter().any(|&k| {
                    tree.parse.words[k].deprel == Deprel::OBJ && objects.contains(&*tree.lower[k])
                })
        }),
    }
}

/// Whether a child of `w` by one of `rels` is a common noun naming no actor and not in
/// `words` (nor any of its conjuncts); with `cases`, only a child they introduce. The
/// condition `child_not_in` ([`Condition::ChildNotIn`]).
fn child_not_in(
    tree: &super::reading::Tree<'_>,
    w: usize,
    rels: &[String],
    (words, cases, supplying): (&HashSet<String>, &HashSet<String>, &HashSet<String>),
) -> bool {
    // "provided the farmers with food", "supplied the army with arms": something of
    // the list given 'with' (`supplying_cases`), on the object or on the verb, makes
    // the object who gets it, not what is given.
    // (Only for the rules that ask: the others never look at the children's children.)
    let given_with = |x: usize| {
        !supplying.is_empty()
            && tree.children[x].iter().any(|&k| {
                words.contains(&*tree.lower[k])
                    && tree.children[k].iter().any(|&m| {
                        tree.parse.words[m].deprel.name() == "case"
                            && supplying.contains(&*tree.lower[m])
                    })
            })
    };
    let supplied = given_with(w);
    children_with_controller(tree, w).any(|(c, rel)| {
        // "photographs and other military intelligence": one listed conjunct is enough.
        let plain = |k: usize| {
            tree.pos(k) == crate::extract::parse::Upos::Noun
                && !tree.is_name[k]
                && !words.contains(&*tree.lower[k])
        };
        // With cases, only a child they introduce ("provided Peru with a report").
        let introduced = cases.is_empty()
            || tree.children[c].iter().any(|&k| {
                tree.parse.words[k].deprel.name() == "case" && cases.contains(&*tree.lower[k])
            });
        rels.iter().any(|r| r == rel)
            && introduced
            && plain(c)
            && !(rel == "obj" && (supplied || given_with(c)))
            && tree.children[c]
                .iter()
                .filter(|&&k| tree.parse.words[k].deprel.name() == "conj")
                .all(|&k| plain(k))
    })
}

/// The children of `w` by the relation `rel`; "obj>nmod", a step through a child, names the
/// children by `nmod` of its children by `obj` ("fired missiles into the sea", however the
/// parse hung "into the sea").
fn children_by(tree: &super::reading::Tree<'_>, w: usize, rel: &str) -> Vec<usize> {
    let by = |x: usize, r: &str| {
        tree.children[x]
            .iter()
            .copied()
            .filter(|&c| tree.parse.words[c].deprel.name() == r)
            .collect::<Vec<_>>()
    };
    match rel.split_once('>') {
        Some((first, then)) => by(w, first).into_iter().flat_map(|c| by(c, then)).collect(),
        None => by(w, rel),
    }
}

/// Whether no clause under `w` is an infinitive or marked by one of `words`, itself or in a
/// clause of its own that is no comparison (one marked by `comparisons`).
fn no_clause_with(
    tree: &super::reading::Tree<'_>,
    w: usize,
    words: &HashSet<String>,
    comparisons: &HashSet<String>,
) -> bool {
    let clause = |c: usize| {
        matches!(
            tree.parse.words[c].deprel.name(),
            "ccomp" | "xcomp" | "acl" | "advcl"
        )
    };
    let marked = |c: usize| {
        tree.children[c].iter().any(|&k| {
            matches!(tree.parse.words[k].deprel.name(), "aux" | "mark")
                && words.contains(&*tree.lower[k])
        })
    };
    // "not as rosy as Mr Brown would like": a comparison's own "would" marks nothing
    // that will follow (`comparison_marks`).
    let compared = |c: usize| {
        tree.children[c].iter().any(|&k| {
            tree.parse.words[k].deprel.name() == "mark" && comparisons.contains(&*tree.lower[k])
        })
    };
    !tree.children[w].iter().any(|&c| {
        clause(c)
            && (tree.parse.words[c].deprel.name() == "xcomp"
                || marked(c)
                || tree.children[c]
                    .iter()
                    .any(|&k| clause(k) && marked(k) && !compared(k)))
    })
}

/// Whether word `k` is in `words`, or is a name the parser took as one word whose words
/// include one of them: "received Peru's foreign minister", "received Peruvian Foreign
/// Minister Ana Ruiz" (one name each) receive a minister.
fn listed_or_named_by(tree: &super::reading::Tree<'_>, k: usize, words: &HashSet<String>) -> bool {
    words.contains(&*tree.lower[k])
        || tree.is_name[k] && tree.lower[k].split_whitespace().any(|p| words.contains(p))
}

/// Whether the head `h` of trigger `w` is one of the `phrasal` verbs ("called off"): the
/// verb with its particle, which the parser hangs on the verb ("called off their strike",
/// "the strike was called off") or, now and then, on the trigger as a preposition ("called
/// off a four-day strike").
fn phrasal_head(
    tree: &super::reading::Tree<'_>,
    w: usize,
    h: usize,
    phrasal: &[(String, String)],
) -> bool {
    let particle = |of: usize, rel: &str, p: &str| {
        tree.children[of]
            .iter()
            .any(|&k| tree.parse.words[k].deprel.name() == rel && tree.lower[k] == p)
    };
    phrasal.iter().any(|(verb, p)| {
        *verb == tree.lower[h]
            && (particle(h, "compound:prt", p) || (h < w && particle(w, "case", p)))
    })
}

/// "She asked: \"What is the benefit?\"": a colon right after the trigger (or after the phrase
/// the trigger takes, "asked of the war:") opens a quotation that ends with a question mark,
/// however the parser hangs it.
fn quotes_a_question_after(tree: &super::reading::Tree<'_>, w: usize) -> bool {
    let n = tree.lower.len();
    let Some(colon) = (w + 1..n.min(w + 6)).find(|&k| tree.lower[k] == ":") else {
        return false;
    };
    let quoted = (colon + 1..n).take(2).any(|k| {
        matches!(
            tree.lower[k].as_ref(),
            "\"" | "\u{201c}" | "'" | "\u{2018}" | "``"
        )
    });
    // The question mark closes the quotation: nothing but quotes and punctuation after it.
    let asks = (colon + 1..n)
        .rev()
        .find(|&k| !(closing_quote(&tree.lower[k]) || tree.lower[k] == "."));
    quoted && asks.is_some_and(|k| tree.lower[k] == "?")
}

/// '"…, and why do we need this law?" he asked': the trigger comes right after its subject,
/// which comes right after a quotation closed by a question mark (whatever the parser made
/// of the clauses inside it).
fn follows_a_quoted_question(tree: &super::reading::Tree<'_>, w: usize) -> bool {
    let Some(before) = w.checked_sub(2) else {
        return false;
    };
    if !matches!(tree.parse.words[w - 1].deprel.name(), "nsubj") {
        return false;
    }
    closing_quote(&tree.lower[before]) && before >= 1 && tree.lower[before - 1] == "?"
}

/// Whether a word is a mark that can close a quotation (straight, curly or doubled).
fn closing_quote(word: &str) -> bool {
    matches!(word, "\"" | "\u{201d}" | "'" | "\u{2019}" | "''")
}

/// The trigger's children with their relations, and for a trigger in an open clause with no
/// subject of its own ("wisdom needs to be deployed"), the subject of the word it hangs from,
/// as the trigger's own subject (passive when the trigger is).
fn children_with_controller<'t>(
    tree: &'t super::reading::Tree<'_>,
    w: usize,
) -> impl Iterator<Item = (usize, &'static str)> + 't {
    let subject = |k: usize| matches!(tree.parse.words[k].deprel.name(), "nsubj" | "nsubj:pass");
    let controlled = tree.parse.words[w].deprel.name() == "xcomp"
        && !tree.children[w].iter().any(|&k| subject(k));
    let passive = tree.children[w]
        .iter()
        .any(|&k| tree.parse.words[k].deprel.name() == "aux:pass");
    let inherited = tree.parse.words[w]
        .head
        .filter(|_| controlled)
        .into_iter()
        .flat_map(move |h| {
            tree.children[h]
                .iter()
                .copied()
                .filter(move |&k| subject(k))
        })
        .map(move |k| (k, if passive { "nsubj:pass" } else { "nsubj" }));
    tree.children[w]
        .iter()
        .map(|&c| (c, tree.parse.words[c].deprel.name()))
        .chain(inherited)
}
