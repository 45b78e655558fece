//! Reading one trigger off the parse of its sentence: the argument patterns give the words that
//! act and are acted on; the trigger's own dependents and its governors say whether the act is
//! stated as done (negation, conditions, modals), only intended or asked for, the content of
//! another act ("agreed to lift sanctions": the lifting is what was agreed), or someone's claim
//! ("X said Y attacked Z").

mod passive;
mod stated;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use super::patterns::{ArgumentRules, Direction, Pattern, Role, Step, Voice};
use crate::extract::Modality;
use crate::extract::doc::Doc;
use crate::extract::parse::{Deprel, ParsedSentence, Upos};
use crate::extract::plover::Plover;

/// A parsed sentence with what the patterns look up often: children lists, lower-case forms,
/// and which words belong to which trigger.
pub struct Tree<'s> {
    /// The parse.
    pub parse: &'s ParsedSentence,
    /// Children of each word, in text order (`children[w]` is a slice).
    pub children: ChildLists,
    /// Lower-case text of each word (borrowed where the text is lower case already).
    pub lower: Vec<Cow<'s, str>>,
    /// Text of each word as written.
    pub text: Vec<&'s str>,
    /// For each word, the index of the trigger match it belongs to.
    pub trigger_of: Vec<Option<usize>>,
    /// Whether each word is a name the entity stage found.
    pub is_name: Vec<bool>,
}

/// The children of each word of a sentence, in text order, in one block: one allocation a
/// sentence where a list for each word grew some ten a sentence.
pub struct ChildLists {
    /// Where each word's children start in `list`; the last entry is the end.
    start: Vec<usize>,
    list: Vec<usize>,
}

impl ChildLists {
    /// The children lists of `n` words whose heads are `heads` (a head past the last word
    /// is none).
    fn new(n: usize, heads: impl Iterator<Item = Option<usize>> + Clone) -> Self {
        let mut start = vec![0; n + 1];
        for h in heads.clone().flatten().filter(|&h| h < n) {
            start[h + 1] += 1;
        }
        for v in 0..n {
            start[v + 1] += start[v];
        }
        let mut next = start.clone();
        let mut list = vec![0; start[n]];
        for (i, h) in heads.enumerate() {
            if let Some(h) = h.filter(|&h| h < n) {
                list[next[h]] = i;
                next[h] += 1;
            }
        }
        Self { start, list }
    }
}

impl std::ops::Index<usize> for ChildLists {
    type Output = [usize];
    fn index(&self, w: usize) -> &[usize] {
        &self.list[self.start[w]..self.start[w + 1]]
    }
}

impl<'s> Tree<'s> {
    /// Indexes a parsed sentence of `doc`.
    pub fn new(doc: &Doc<'s>, parse: &'s ParsedSentence) -> Self {
        let n = parse.words.len();
        let children = ChildLists::new(n, parse.words.iter().map(|w| w.head));
        let text: Vec<&str> = parse
            .words
            .iter()
            .map(|w| doc.text.get(w.span.clone()).unwrap_or(""))
            .collect();
        // A copy only of a word with capitals or outside ASCII (ASCII has no curly apostrophe
        // and folds by ASCII rules).
        let lower = text
            .iter()
            .map(|&t| {
                if !t.is_ascii() {
                    Cow::Owned(t.replace('’', "'").to_lowercase())
                } else if t.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(t.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(t)
                }
            })
            .collect();
        Self {
            parse,
            children,
            lower,
            text,
            trigger_of: vec![None; n],
            is_name: vec![false; n],
        }
    }

    fn rel(&self, i: usize) -> Deprel {
        self.parse.words[i].deprel
    }

    pub fn pos(&self, i: usize) -> Upos {
        self.parse.words[i].upos
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.parse.words[i].head.filter(|&h| h < self.lower.len())
    }

    /// Children of `i` whose relation has one of these names.
    pub(super) fn children_named<'a>(
        &'a self,
        i: usize,
        names: &'a [&str],
    ) -> impl Iterator<Item = usize> + 'a {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| names.contains(&self.rel(c).name()))
    }

    /// The `case` words of `i` ("against" in "against Chile").
    pub fn case_of(&self, i: usize) -> Option<&str> {
        self.children[i]
            .iter()
            .find(|&&c| self.rel(c) == Deprel::CASE)
            .map(|&c| self.lower[c].as_ref())
    }

    /// The word of a span of words that the others hang from.
    pub fn head_of(&self, words: &Range<usize>) -> usize {
        words
            .clone()
            .find(|&w| self.head(w).is_none_or(|h| !words.contains(&h)))
            .unwrap_or(words.start)
    }

    /// Whether word `w` is a verb marked with "to" (an infinitive).
    pub fn is_infinitive(&self, w: usize) -> bool {
        self.children_named(w, &["mark"])
            .any(|m| self.lower[m] == "to")
    }

    /// Whether the trigger word is in the passive: a passive subject or auxiliary, or an
    /// agent, hangs from it.
    pub fn is_passive(&self, w: usize) -> bool {
        let has = |names: &[&str]| {
            self.children[w]
                .iter()
                .any(|&c| names.contains(&self.rel(c).name()))
        };
        // An agent alone makes a passive only with no subject or object beside it ("remarks
        // by X" misread as an agent of an active verb stays active).
        // "journalists arrested in Lima": a past participle describing a noun, with no
        // object, is a reduced passive.
        let reduced = self.rel(w) == Deprel::ACL
            && (self.lower[w].ends_with("ed") || self.lower[w].ends_with("en"))
            && !has(&["nsubj", "obj", "mark"]);
        // "has had doors slammed in her face", "wanted the leaders arrested": a bare past
        // participle said of its head verb's object is passive too; the object is what the
        // act is done to.
        let of_the_object = || {
            self.rel(w) == Deprel::XCOMP
                && self.lower[w].ends_with("ed")
                && !self.lower[w].ends_with("eed")
                && !has(&["nsubj", "obj", "mark", "aux"])
                && self.head(w).is_some_and(|h| {
                    self.children[h]
                        .iter()
                        .any(|&c| c < w && self.rel(c) == Deprel::OBJ)
                })
        };
        has(&["nsubj:pass", "aux:pass", "csubj:pass"])
            || (has(&["obl:agent"]) && (!has(&["nsubj", "obj"]) || self.misread_reduced_passive(w)))
            || reduced
            || of_the_object()
    }
}

/// One role given by a pattern.
#[derive(Debug, Clone)]
pub struct Argument {
    /// The role.
    pub role: Role,
    /// The word reached.
    pub word: usize,
    /// The pattern's id.
    pub pattern: String,
    /// Why, in words.
    pub why: String,
}

/// How a trigger's reading hangs from the act that governs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Governed {
    /// What the governing act is about ("lift sanctions" in "agreed to lift sanctions").
    #[default]
    Content,
    /// The noun naming the act its verb does ("aid" in "provided aid").
    SameAct,
}

/// Whose places a reading's places are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PlacesFrom {
    /// The act's own ("imposed a curfew in Abidjan").
    #[default]
    Own,
    /// Lent by the act this one is about, of this category ("threatened to impose a curfew
    /// in Algiers").
    Act(Plover),
    /// Those of a plain verb this act is about, no trigger of its own ("threatened to resume
    /// attacks in Israel").
    PlainVerb,
}

/// An act stated as a duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Obligation {
    /// Still to be done ("must return").
    Due,
    /// Said of the past, not done ("should have returned").
    Unmet,
}

/// How a trigger stands in its sentence.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Roles, in the order the patterns gave them.
    pub arguments: Vec<Argument>,
    /// Not stated as happening: negated, under a condition or a doubtful modal, or the
    /// content of another act.
    pub unreal: Option<&'static str>,
    /// How it is stated, when not simply as done.
    pub modality: Option<Modality>,
    /// The word of whoever reports it ("X said ..."), when it is reported speech.
    pub reporter: Option<usize>,
    /// Places where it happens: words after "in", "at" ... on the trigger, its verb or
    /// their object.
    pub places: Vec<usize>,
    /// Whose places `places` are: this act's own, or those of what it is about.
    pub places_from: PlacesFrom,
    /// For the content of another act, the word of that act's trigger ("agreed" in "agreed
    /// to lift sanctions").
    pub governor: Option<usize>,
    /// Stated as what someone must or should do: a demand of whoever says so ("Sudan must
    /// return the helicopter"), or, not met, their criticism ("should have acted sooner").
    pub obligation: Option<Obligation>,
    /// Done only unless another does something ("will withdraw unless a ceasefire is
    /// arranged"): an ultimatum, a threat whatever the act.
    pub ultimatum: bool,
    /// Said of the future as decided by whoever takes it ("announced it would ban", "decided
    /// to impose sanctions"): a measure of `declared_measure_categories` stays that measure,
    /// not a threat of it.
    pub declared: bool,
    /// Said of the future as a schedule or a forecast of the writer's ("are set to protest",
    /// "is due to visit", "is expected to impose"): planned, but no one's pledge or threat.
    pub scheduled: bool,
    /// The kind of trigger the act is read as instead, with the word the pattern ids get:
    /// an agreement tried for and not reached ("failed to reach an agreement") is a
    /// `failed_agreement`, a rejection between the parties; a concession, an agreement, a
    /// meeting or support its subject will not give ("will not accept", "would not meet their
    /// demands") is a `refusal`.
    pub read_as: Option<(&'static str, &'static str)>,
    /// How it hangs from `governor`: as what that act is about, or as the noun naming the
    /// act that verb does ("aid" in "provide aid to X"), whose roles the verb takes as they are.
    pub governed_as: Governed,
    /// The match whose noun names this verb's act ("military aid" for "provided"): the
    /// event's kind comes from it.
    pub named_by: Option<usize>,
}

fn step(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    (trigger, role): (usize, Role),
    from: usize,
    s: &Step,
) -> Vec<(usize, Option<String>)> {
    let own = tree.trigger_of[trigger];
    let ok = |w: usize| -> Option<Option<String>> {
        // The words of a trigger phrase ("freedom of navigation operations") are not its
        // arguments.
        if own.is_some() && tree.trigger_of[w] == own {
            return None;
        }
        if s.not_trigger && tree.trigger_of[w].is_some() && tree.trigger_of[w] != own {
            return None;
        }
        if !s.words.is_empty() && !s.words.contains(&*tree.lower[w]) || s.name && !tree.is_name[w] {
            return None;
        }
        if s.not_words.contains(&*tree.lower[w]) {
            return None;
        }
        if tree.children[w]
            .iter()
            .any(|&c| s.lacks.contains(&tree.rel(c)))
            || (!s.needs.is_empty()
                && !tree.children[w]
                    .iter()
                    .any(|&c| s.needs.contains(&tree.rel(c))))
        {
            return None;
        }
        // "has support from X": the phrase hangs from the noun or from the verb; an upward
        // step's conditions on cases look at both the word it leaves and the word it reaches.
        if !s.lacks_cases.is_empty() || !s.needs_cases.is_empty() {
            let cased = |cases: &HashSet<String>| {
                has_case_child(tree, w, cases)
                    || matches!(s.direction, Direction::Up(_)) && has_case_child(tree, from, cases)
            };
            if !s.lacks_cases.is_empty() && cased(&s.lacks_cases)
                || !s.needs_cases.is_empty() && !cased(&s.needs_cases)
            {
                return None;
            }
        }
        if !s.marks.is_empty()
            && !tree
                .children_named(w, &["mark"])
                .any(|m| s.marks.iter().any(|k| *k == tree.lower[m]))
        {
            return None;
        }
        if s.cases.is_empty() {
            return Some(None);
        }
        let k = tree.children[w]
            .iter()
            .copied()
            .find(|&c| tree.rel(c) == Deprel::CASE)?;
        let case = tree.lower[k].as_ref();
        // "called for X", "met with X": a preposition that is part of the trigger phrase
        // introduces what the act is aimed at, whatever the list says; never who acts ("the
        // war on Iraq").
        let own_case = role == Role::Target && own.is_some() && tree.trigger_of[k] == own;
        (own_case || s.cases.contains(case)).then(|| Some(case.to_owned()))
    };
    let _ = rules;
    match &s.direction {
        Direction::Child(rels) => tree.children[from]
            .iter()
            .copied()
            .filter(|&c| rels.contains(&tree.rel(c)))
            .filter_map(|c| ok(c).map(|case| (c, case)))
            .collect(),
        Direction::Up(rels) => {
            if !rels.contains(&tree.rel(from)) {
                return Vec::new();
            }
            tree.head(from)
                .and_then(|h| ok(h).map(|case| (h, case)))
                .into_iter()
                .collect()
        }
    }
}

/// Whether the trigger word `w` meets pattern `p`'s tests; `passive` keeps whether `w` is
/// passive once a pattern has asked (a trigger reads several patterns with a voice).
fn applies(
    tree: &Tree<'_>,
    p: &Pattern,
    (w, passive): (usize, &OnceCell<bool>),
    category: Plover,
    kind: &str,
) -> bool {
    if !p.applies_to(category, kind) {
        return false;
    }
    if !p.pos.is_empty() && !p.pos.contains(&tree.pos(w)) {
        return false;
    }
    if !p.deprel.is_empty() && !p.deprel.contains(&tree.rel(w)) {
        return false;
    }
    if let Some(v) = p.voice {
        let passive = *passive.get_or_init(|| tree.is_passive(w));
        if (v == Voice::Passive) != passive {
            return false;
        }
    }
    if !p.trigger_cases.is_empty()
        && !tree
            .case_of(w)
            .is_some_and(|c| p.trigger_cases.iter().any(|x| x == c))
    {
        return false;
    }
    if !p.trigger_not_cases.is_empty()
        && tree
            .case_of(w)
            .is_some_and(|c| p.trigger_not_cases.iter().any(|x| x == c))
    {
        return false;
    }
    if !p.trigger_marks.is_empty()
        && !tree
            .children_named(w, &["mark"])
            .any(|m| p.trigger_marks.iter().any(|t| *t == tree.lower[m]))
    {
        return false;
    }
    if !p.endings.is_empty()
        && !p
            .endings
            .iter()
            .any(|e| tree.lower[w].ends_with(e.as_str()))
    {
        return false;
    }
    if !p.trigger_lacks_cases.is_empty() && has_case_child(tree, w, &p.trigger_lacks_cases)
        || !p.trigger_needs_cases.is_empty() && !has_case_child(tree, w, &p.trigger_needs_cases)
    {
        return false;
    }
    !tree.children[w]
        .iter()
        .any(|&c| p.lacks.contains(&tree.rel(c)))
}

/// Whether a child of `w` is introduced by one of the prepositions `cases`.
fn has_case_child(tree: &Tree<'_>, w: usize, cases: &HashSet<String>) -> bool {
    tree.children[w].iter().any(|&c| {
        tree.children[c]
            .iter()
            .any(|&k| tree.rel(k) == Deprel::CASE && cases.contains(tree.lower[k].as_ref()))
    })
}

/// Words that share a role with `w` through coordination ("Norway and Chile").
pub fn with_conjuncts(tree: &Tree<'_>, w: usize) -> Vec<usize> {
    let mut out = vec![w];
    let mut i = 0;
    while i < out.len() && out.len() < 16 {
        let cur = out[i];
        for &c in &tree.children[cur] {
            if tree.rel(c) == Deprel::CONJ && !out.contains(&c) && tree.pos(c) != Upos::Verb {
                out.push(c);
            }
        }
        i += 1;
    }
    out
}

/// A word a pattern's path reached, with what it passed on the way.
struct Reached {
    word: usize,
    /// The preposition that introduced it or a word before it on the path.
    case: Option<String>,
    /// The word an upward step reached.
    head: Option<usize>,
    /// The word the first step reached.
    via: Option<usize>,
}

/// Runs every pattern on the trigger word `w`.
fn arguments(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    w: usize,
    (category, kind): (Plover, &str),
    out: &mut Vec<Argument>,
) {
    let passive = OnceCell::new();
    // Each reached word with the case that introduced it, the head an upward step reached
    // and the word the first step reached ("lift" in "agreed to lift sanctions on Iran"); the
    // two lists are reused from pattern to pattern and step to step.
    let mut frontier = Vec::new();
    let mut next = Vec::new();
    for p in rules.patterns_for(category, tree.pos(w)) {
        if !applies(tree, p, (w, &passive), category, kind) {
            continue;
        }
        frontier.clear();
        frontier.push(Reached {
            word: w,
            case: None,
            head: None,
            via: None,
        });
        for s in &p.path {
            next.clear();
            for r in &frontier {
                for (to, c) in step(tree, rules, (w, p.role), r.word, s) {
                    next.push(Reached {
                        word: to,
                        case: c.or_else(|| r.case.clone()),
                        head: match s.direction {
                            Direction::Up(_) => Some(to),
                            Direction::Child(_) => r.head,
                        },
                        via: r.via.or(Some(to)),
                    });
                }
            }
            std::mem::swap(&mut frontier, &mut next);
            if frontier.is_empty() {
                break;
            }
        }
        for Reached {
            word,
            case,
            head,
            via,
        } in frontier.drain(..)
        {
            if word == w {
                continue;
            }
            let why = fill_why(
                &p.why,
                [
                    ("{trigger}", tree.text[w]),
                    ("{head}", head.map_or("", |h| tree.text[h])),
                    ("{via}", via.map_or("", |h| tree.text[h])),
                    ("{case}", case.as_deref().unwrap_or("")),
                    ("{word}", tree.text[word]),
                ],
            );
            for c in with_conjuncts(tree, word) {
                out.push(Argument {
                    role: p.role,
                    word: c,
                    pattern: p.id.clone(),
                    why: why.clone(),
                });
            }
        }
    }
}

/// A pattern's `why` with each `{name}` placeholder replaced by its word, in one pass over the
/// text (five `str::replace` calls made five strings). A placeholder's word is not searched
/// again for placeholders.
fn fill_why(text: &str, words: [(&str, &str); 5]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(&(name, word)) = words.iter().find(|(name, _)| rest.starts_with(name)) {
            out.push_str(word);
            rest = &rest[name.len()..];
        } else {
            out.push('{');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// For an active verb the parse gave no subject, a name right before it (adverbs,
/// auxiliaries and a bare time word aside) that is no one else's subject: "Last month the Coast Guard accused",
/// where the parser hung the name on "month". English puts the subject there.
fn adjacent_subject(tree: &Tree<'_>, w: usize) -> Option<usize> {
    if tree.pos(w) != Upos::Verb
        || tree.is_passive(w)
        || !matches!(tree.rel(w).name(), "root" | "conj" | "ccomp" | "parataxis")
        || tree.children[w].iter().any(|&c| {
            matches!(
                tree.rel(c).name(),
                "nsubj" | "nsubj:pass" | "csubj" | "expl" | "mark"
            )
        })
    {
        return None;
    }
    let mut k = w.checked_sub(1)?;
    // "Jane Doe, a former minister, warned": an appositive between commas, a few words
    // without a verb of their own.
    if tree.text[k] == "," {
        let open = (k.saturating_sub(10)..k)
            .rev()
            .find(|&j| tree.text[j] == ",")?;
        if open == 0
            || (open + 1..k).any(|j| {
                matches!(
                    tree.pos(j),
                    Upos::Verb | Upos::Aux | Upos::Punct | Upos::Pron
                )
            })
        {
            return None;
        }
        k = open - 1;
    }
    // Adverbs, auxiliaries and a bare time word ("Iran today threatened").
    while matches!(tree.pos(k), Upos::Adv | Upos::Aux)
        || matches!(
            tree.rel(k).name(),
            "obl:unmarked" | "obl:tmod" | "nmod:tmod"
        ) && !tree.children[k]
            .iter()
            .any(|&c| tree.rel(c) == Deprel::CASE)
    {
        k = k.checked_sub(1)?;
    }
    let prepositional = tree.children[k]
        .iter()
        .any(|&c| tree.rel(c) == Deprel::CASE);
    (tree.is_name[k]
        && !prepositional
        && !matches!(tree.rel(k).name(), "nsubj" | "nsubj:pass" | "obj" | "conj"))
    .then_some(k)
}

/// For a noun trigger, a name right after it and a preposition that aims it ("support for
/// Taiwan", "sanctions on Iran") when the parse hung that name elsewhere: the words say it.
fn adjacent_target<'t>(
    tree: &'t Tree<'_>,
    rules: &ArgumentRules,
    w: usize,
    end: usize,
) -> Option<(usize, &'t str)> {
    if !matches!(tree.pos(w), Upos::Noun | Upos::Propn) {
        return None;
    }
    let case = end;
    if tree.parse.words.get(case)?.upos != Upos::Adp
        || !rules.has("noun_target_cases", &tree.lower[case])
    {
        return None;
    }
    let mut k = case + 1;
    if tree.lower.get(k).is_some_and(|d| d == "the") {
        k += 1;
    }
    // ("talks on the" may end the sentence: nothing follows the case.)
    let name = tree.is_name.get(k) == Some(&true);
    (name && tree.head(k) != Some(w)).then_some((k, tree.text[case]))
}

/// For a demand, the name right after "that" that follows it ("demanded that the Chilean
/// government end curbs", "its demand that Peru ease restrictions") when the parse read the
/// clause's verb as a noun and lost its subject: the one who must act is named there.
fn adjacent_clause_subject(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    end: usize,
    category: Plover,
) -> Option<usize> {
    if !rules.has("that_clause_target_categories", category.name())
        || tree.lower.get(end).is_none_or(|t| t != "that")
    {
        return None;
    }
    let mut k = end + 1;
    if tree.lower.get(k).is_some_and(|d| d == "the") {
        k += 1;
    }
    (tree.is_name.get(k) == Some(&true)).then_some(k)
}

/// The verb a trigger's clause is built on: the trigger itself, or for a noun the verb whose
/// object or subject it is ("held talks", "sanctions were imposed").
fn clause_verb(tree: &Tree<'_>, w: usize) -> usize {
    if matches!(tree.pos(w), Upos::Noun | Upos::Propn)
        && matches!(tree.rel(w).name(), "obj" | "nsubj:pass" | "nsubj")
        && let Some(h) = tree.head(w)
        && matches!(tree.pos(h), Upos::Verb | Upos::Aux)
    {
        return h;
    }
    w
}

fn has_child_word(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    w: usize,
    rels: &[&str],
    list: &str,
) -> bool {
    tree.children_named(w, rels)
        .any(|c| rules.has(list, &tree.lower[c]))
        || rels.contains(&"aux")
            && auxiliaries_shared_with(tree, w).is_some_and(|h| {
                tree.children_named(h, &["aux"])
                    .any(|c| rules.has(list, &tree.lower[c]))
            })
}

/// "will impose sanctions and expel its diplomats", "may attack Chile and blockade its
/// ports": a verb joined to the one before with no auxiliary or subject of its own shares
/// that verb's auxiliaries (the parse hangs them on the first only). Returns that verb.
fn auxiliaries_shared_with(tree: &Tree<'_>, w: usize) -> Option<usize> {
    if tree.rel(w) != Deprel::CONJ || tree.pos(w) != Upos::Verb {
        return None;
    }
    let h = tree.head(w).filter(|&h| tree.pos(h) == Upos::Verb)?;
    // "should not foment a debate … and attacking his proposals": a gerund joined to a plain
    // verb is no second verb under the same auxiliaries (the parse joined the wrong ones).
    if tree.lower[w].ends_with("ing") != tree.lower[h].ends_with("ing") {
        return None;
    }
    let own = tree
        .children_named(w, &["aux", "aux:pass", "cop", "nsubj", "nsubj:pass"])
        .next()
        .is_some();
    (!own).then_some(h)
}

/// Reads the trigger spanning `words` (word indices) of category `category`.
pub fn read(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    words: &Range<usize>,
    (category, kind): (Plover, &str),
    categories: &[Option<Plover>],
) -> Reading {
    let mut r = Reading::default();
    let w = tree.head_of(words);
    read_roles(tree, rules, words, (category, kind), &mut r);
    let verb = clause_verb(tree, w);
    // "sought refuge in Germany": the country asked for refuge is a party, not a place.
    if !rules.has("asked_place_kinds", kind) {
        read_places(tree, rules, (w, words), (verb, kind), &mut r);
    }
    let site = stated::Site {
        tree,
        rules,
        w,
        verb,
        category,
        categories,
    };
    // Each stage may find the act not stated as happening (`unreal`); the reading ends there.
    site.negation_and_failure(&mut r);
    if r.unreal.is_none() {
        site.doubted_or_asked(&mut r);
    }
    if r.unreal.is_some() {
        return r;
    }
    site.conditions_on_the_target(&mut r);
    site.modals_and_conditions(&mut r);
    if r.unreal.is_some() {
        return r;
    }
    site.content_of_another_act(&mut r);
    if r.unreal.is_some() {
        return r;
    }
    site.same_act_as_its_verb(&mut r);
    if r.unreal.is_some() {
        return r;
    }
    site.aim_of_a_protest(&mut r);
    if r.unreal.is_some() {
        return r;
    }
    site.modality(&mut r);
    site.reporter(&mut r);
    r
}

/// What the patterns of the trigger spanning `words`, read as `category` and `kind`, give: its
/// head word's, then its other words', then those of the noun it names a kind of.
pub fn pattern_arguments(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    words: &Range<usize>,
    (category, kind): (Plover, &str),
) -> Vec<Argument> {
    let w = tree.head_of(words);
    let mut out = Vec::new();
    arguments(tree, rules, w, (category, kind), &mut out);
    // The other words of a phrase trigger ("held talks": "talks") read their own patterns;
    // what the head word already gave comes first.
    for o in words.clone().filter(|&o| o != w) {
        if matches!(tree.pos(o), Upos::Noun | Upos::Propn | Upos::Verb) {
            arguments(tree, rules, o, (category, kind), &mut out);
        }
    }
    // "strike action", "the arms deal": a trigger naming a kind of the noun after it shares
    // that noun's arguments.
    if tree.rel(w) == Deprel::COMPOUND
        && let Some(h) = tree.head(w)
        && matches!(tree.pos(h), Upos::Noun | Upos::Propn)
        && tree.trigger_of[h].is_none()
    {
        arguments(tree, rules, h, (category, kind), &mut out);
    }
    out
}

/// The roles of the trigger spanning `words`: its head word's patterns, then its other words',
/// then the noun it names a kind of, then a name right before or after it.
fn read_roles(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    words: &Range<usize>,
    (category, kind): (Plover, &str),
    r: &mut Reading,
) {
    let w = tree.head_of(words);
    r.arguments
        .extend(pattern_arguments(tree, rules, words, (category, kind)));
    if let Some(name) = adjacent_subject(tree, w)
        && !r.arguments.iter().any(|a| a.role == Role::Source)
    {
        r.arguments.push(Argument {
            role: Role::Source,
            word: name,
            pattern: "adjacent-subject".to_owned(),
            why: format!(
                "the name right before '{}', which has no subject in the parse",
                tree.text[w]
            ),
        });
    }
    // ("that" itself, read as the object, names no one.)
    if let Some(name) = adjacent_clause_subject(tree, rules, words.end, category)
        && !r
            .arguments
            .iter()
            .any(|a| a.role == Role::Target && a.word != words.end)
    {
        r.arguments.push(Argument {
            role: Role::Target,
            word: name,
            pattern: "adjacent-clause-subject".to_owned(),
            why: format!(
                "the name after '{} that', who must act; the parse lost that clause's verb",
                tree.text[w]
            ),
        });
    }
    if let Some((name, case)) = adjacent_target(tree, rules, w, words.end)
        && !r.arguments.iter().any(|a| a.role == Role::Target)
    {
        r.arguments.push(Argument {
            role: Role::Target,
            word: name,
            pattern: "adjacent-target".to_owned(),
            why: format!(
                "the name after '{} {case}', which the parse hung elsewhere",
                tree.text[w]
            ),
        });
    }
}

/// Where the act of trigger `w` (in the clause of `verb`) happens: an oblique after "in", "at"
/// ... of the trigger, its verb or their object, and the places those lie in.
fn read_places(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    (w, words): (usize, &Range<usize>),
    (verb, kind): (usize, &str),
    r: &mut Reading,
) {
    // "a stop in Egypt, where he met": the place "where" points back to.
    if tree.rel(verb) == Deprel::ACL_RELCL
        && tree.children[verb]
            .iter()
            .any(|&c| tree.lower[c] == "where")
        && let Some(h) = tree.head(verb)
    {
        r.places.push(h);
    }
    // Where: an oblique of the trigger (any word of it: "a state of siege in Haiti") or its
    // verb after "in", "at" ..., or of what it is done to ("evacuate the settlements in
    // Gaza", "a curfew in Abidjan").
    let bases: Vec<usize> = [w, verb]
        .into_iter()
        .chain(words.clone().filter(|&x| x != w && x != verb))
        .collect();
    // "Chile lashed out at Peru": the "at" phrase of a criticism with no object is whom it
    // is aimed at, not where it happens (`aimed_at_kinds`).
    let aimed: Vec<usize> = if rules.has("aimed_at_kinds", kind) {
        bases
            .iter()
            .filter(|&&b| tree.children_named(b, &["obj"]).next().is_none())
            .flat_map(|&b| tree.children_named(b, &["obl"]))
            .filter(|&c| {
                tree.case_of(c)
                    .is_some_and(|k| rules.has("target_cases", k))
            })
            .collect()
    } else {
        Vec::new()
    };
    places_under(tree, rules, &bases, &aimed, r);
    // None of its own: those of a plain verb it is about ("threatened to resume attacks in
    // Israel", "agreed to set up a centre in Tokyo"); a verb that is a trigger lends its
    // places as an act of its own.
    if r.places.is_empty() {
        let content: Vec<usize> = [w, verb]
            .iter()
            .flat_map(|&b| tree.children_named(b, &["xcomp"]))
            .filter(|&x| tree.trigger_of[x].is_none())
            .collect();
        places_under(tree, rules, &content, &[], r);
        if !r.places.is_empty() {
            r.places_from = PlacesFrom::PlainVerb;
        }
    }
}

/// The places of `bases` and of their objects, into `r.places`, but for the phrases `aimed`.
fn places_under(
    tree: &Tree<'_>,
    rules: &ArgumentRules,
    bases: &[usize],
    aimed: &[usize],
    r: &mut Reading,
) {
    // What it is done to: the object, or whom it is aimed at ("contribute troops to a force
    // in Liberia").
    let objects: Vec<usize> = bases
        .iter()
        .flat_map(|&b| tree.children_named(b, &["obj", "obl"]))
        .filter(|&o| {
            tree.rel(o).name() == "obj"
                || tree
                    .case_of(o)
                    .is_some_and(|k| rules.has("target_cases", k))
        })
        .collect();
    for base in bases.iter().copied().chain(objects) {
        for &c in &tree.children[base] {
            // "at the request of Norway" tells who asked, not where (`behest_nouns`).
            if matches!(tree.rel(c).name(), "obl" | "nmod")
                && tree.case_of(c).is_some_and(|k| rules.has("place_cases", k))
                && !r.places.contains(&c)
                && !aimed.contains(&c)
                && !rules.has("behest_nouns", &tree.lower[c])
            {
                r.places.push(c);
                // "at a ceremony in Manila", "in the town of Arica in northern Peru": the
                // places a place is named by or lies in, however the parse hung them.
                let mut frontier = vec![c];
                for _ in 0..3 {
                    let mut next = Vec::new();
                    for &p in &frontier {
                        for &k in &tree.children[p] {
                            if tree.rel(k) == Deprel::NMOD
                                && tree
                                    .case_of(k)
                                    .is_some_and(|x| x == "of" || rules.has("place_cases", x))
                                && !r.places.contains(&k)
                            {
                                r.places.push(k);
                                next.push(k);
                            }
                        }
                    }
                    frontier = next;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fill_why;

    #[test]
    fn fill_why_is_the_five_replacements_in_one_pass() {
        let words = [
            ("{trigger}", "accused"),
            ("{head}", "talks"),
            ("{via}", ""),
            ("{case}", "of"),
            ("{word}", "Ruritania"),
        ];
        for text in [
            "subject of '{trigger}'",
            "'{case}' {word} under '{head}' of '{trigger}' via '{via}'",
            "no placeholder",
            "{d} days, {{head}}, {trigger",
            "",
        ] {
            let chained = words
                .iter()
                .fold(text.to_owned(), |t, (name, word)| t.replace(name, word));
            assert_eq!(fill_why(text, words), chained, "{text}");
        }
    }
}
