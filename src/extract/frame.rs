//! The frame of an event trigger: who acts and who is acted upon, read off the shallow
//! structure of the clause around it. A verb takes the actor right before it as its subject
//! ("Japan and the Philippines signed") and the actor right after it as its object
//! ("criticised Tony Blair"); a noun takes the actor naming it ("Chinese drills", "Beijing's
//! condemnation") and the parties it introduces ("talks with Reyes", "a rebuke from Beijing").
//! Actors elsewhere in a long sentence are not parties: "Mr Blair told his news conference in
//! Downing Street" says nothing about Goldsmith, named in the next clause.
//!
//! The rules know only function words, punctuation and where actor mentions are; no word list
//! names anything in particular.

use std::ops::Range;

use super::actors::{Found, Hit};
use super::doc::Doc;
use super::lexicon::CountryForm;

/// Plural nouns that, after "both" or "the two", stand for two parties just named.
const PAIRS: &[&str] = &[
    "sides",
    "men",
    "women",
    "leaders",
    "countries",
    "nations",
    "ministers",
    "officials",
    "governments",
    "delegations",
    "presidents",
    "parties",
    "allies",
    "neighbours",
    "neighbors",
    "states",
    "capitals",
    "rivals",
    "foes",
    "powers",
];

/// Words that may stand between a subject and its verb ("has also", "was", "on Monday").
const VERB_GROUP: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "shall",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "did",
    "does",
    "do",
    "also",
    "then",
    "now",
    "later",
    "jointly",
    "both",
    "all",
    "each",
    "again",
    "still",
    "already",
    "yesterday",
    "today",
    "tonight",
    "on",
    "last",
    "this",
    "week",
    "month",
    "year",
    "earlier",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "evening",
    "night",
    "afternoon",
    "to",
    "set",
    "going",
    "expected",
    "due",
    "about",
    "ready",
    "poised",
    "planning",
    "plans",
    "planned",
    "hoping",
    "hopes",
    "wants",
    "wanted",
    "want",
    "intends",
    "intend",
    "intended",
    "decided",
    "promised",
    "vowed",
    "agreed",
    "tried",
    "sought",
    "seeks",
    "even",
    "not",
    "never",
    "n't",
    "first",
    "once",
    "soon",
    "swiftly",
    "quickly",
    "no",
    "longer",
];

/// Words after which an auxiliary makes a past participle passive ("was condemned by").
const BE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];

/// Singular nouns for a group that acts, after the actor it belongs to ("the Chinese
/// government", "the Russian army").
const GROUP_NOUNS: &[&str] = &[
    "government",
    "army",
    "navy",
    "military",
    "delegation",
    "leadership",
    "side",
    "team",
    "administration",
    "regime",
    "coalition",
    "opposition",
    "embassy",
    "police",
];

/// Auxiliaries that start a predicate.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "shall", "can", "could", "may", "might", "must",
    "should", "did", "does", "do",
];

/// Third-person pronouns that can be a subject, and whether they stand for a person.
const PRONOUNS: &[(&str, bool)] = &[("he", true), ("she", true), ("it", false), ("they", false)];

/// Words that make the next words a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "any",
    "such", "no", "'s", "’s", "new", "fresh", "further", "more", "another", "first", "second",
    "last",
];

/// Prepositions that introduce the parties of an act ("talks with Iran", "a rebuke from
/// Beijing", "provided ships to the coast guard").
const INTRODUCERS: &[&str] = &[
    "between",
    "with",
    "by",
    "from",
    "of",
    "against",
    "among",
    "involving",
    "on",
    "to",
    "toward",
    "towards",
    "at",
    "for",
];

/// Words that start a new clause: nothing after them is the subject or object of what comes
/// before, and nothing before them the subject of what follows.
const CLAUSE_WORDS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "whereas",
    "because",
    "although",
    "though",
    "but",
    "if",
    "unless",
    "whether",
    "since",
    "after",
    "before",
    "as",
    "amid",
    "said",
    "says",
    "told",
    "tells",
    "saying",
    "added",
    "so",
    "say",
    "argue",
    "argues",
    "argued",
    "believe",
    "believes",
    "think",
    "thinks",
    "suggest",
    "suggests",
    "suggested",
];

/// Other words that do not make a noun phrase ("drills off the coast", "talks and").
const FUNCTION_WORDS: &[&str] = &[
    "and",
    "or",
    "nor",
    "off",
    "near",
    "in",
    "over",
    "across",
    "around",
    "into",
    "under",
    "out",
    "up",
    "down",
    "within",
    "without",
    "through",
    "via",
    "per",
    "than",
    "like",
    "outside",
    "inside",
    "beyond",
    "along",
    "until",
    "despite",
    "during",
    "following",
    "including",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "took",
    "began",
    "went",
    "came",
    "continue",
    "continues",
    "remain",
    "remains",
    "begin",
    "begins",
    "follow",
    "follows",
    "collapse",
    "collapses",
];

/// Words that open a noun phrase referring back to what someone just said or did ("a
/// statement that drew condemnation", "condemned the remarks").
const REFERRING: &[&str] = &[
    "statement",
    "statements",
    "remarks",
    "remark",
    "comments",
    "comment",
    "move",
    "moves",
    "decision",
    "step",
    "speech",
    "words",
    "claims",
    "claim",
    "plan",
    "plans",
    "agreement",
    "deal",
    "pact",
    "accord",
    "visit",
    "announcement",
];

/// Who takes part in one trigger's act, as indices into the sentence's hits.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts about one clause, read by separate rules"
)]
pub struct Frame {
    /// Those who act: the subject of a verb, the actor naming a noun ("Chinese drills"), the
    /// agent after "by"/"from".
    pub agents: Vec<usize>,
    /// Those acted upon or taking part otherwise: objects and introduced parties.
    pub others: Vec<usize>,
    /// The subject is a pronoun or "both sides": the caller resolves it.
    pub pronoun: Option<bool>,
    /// "both sides", "the two men": the subject is the two parties named just before.
    pub pair_anaphor: bool,
    /// The trigger is used as a noun.
    pub noun: bool,
    /// The trigger only qualifies the noun after it ("patrol vessels"): no act.
    pub compound: bool,
    /// The trigger is a passive verb ("was condemned by"), or a noun after a verb of undergoing
    /// ("faces charges"): its subject is acted upon.
    pub passive: bool,
    /// The clause refers back to something said or done just before ("a statement that drew
    /// condemnation from Beijing"): the act is aimed at whoever said or did it.
    pub reaction: bool,
}

/// The actor mentions of one sentence, with the lookups the frame rules need.
pub struct Sentence<'h, 'd, 'a> {
    doc: &'d Doc<'a>,
    hits: &'h [&'h Hit],
    range: Range<usize>,
    /// Every word of the sentence in lower case, looked up over and over by the rules.
    lowered: Vec<String>,
}

impl<'h, 'd, 'a> Sentence<'h, 'd, 'a> {
    /// `hits` are the sentence's resolved mentions, in text order or not.
    pub fn new(doc: &'d Doc<'a>, hits: &'h [&'h Hit], range: Range<usize>) -> Self {
        let lowered = range.clone().map(|t| doc.word(t).to_lowercase()).collect();
        Self {
            doc,
            hits,
            range,
            lowered,
        }
    }

    fn capitalized(&self, t: usize) -> bool {
        self.doc
            .word(t)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    fn lower(&self, t: usize) -> &str {
        &self.lowered[t - self.range.start]
    }

    /// A hit that can take part in an act (not a country that only qualifies a name).
    fn usable(&self, h: usize) -> bool {
        !matches!(
            self.hits[h].found,
            Found::Country { modifier: true, .. } | Found::Place { .. }
        )
    }

    fn ending_at(&self, end: usize) -> Option<usize> {
        (0..self.hits.len()).find(|&h| self.hits[h].tokens.end == end && self.usable(h))
    }

    fn starting_at(&self, start: usize) -> Option<usize> {
        (0..self.hits.len()).find(|&h| self.hits[h].tokens.start == start && self.usable(h))
    }

    fn is_adjective_country(&self, h: usize) -> bool {
        matches!(
            self.hits[h].found,
            Found::Country {
                form: CountryForm::Adjective,
                ..
            }
        )
    }

    /// Punctuation that ends a phrase.
    fn is_break(&self, t: usize) -> bool {
        let w = self.doc.word(t);
        matches!(
            w,
            "," | ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”" | "." | "?" | "!"
        ) || (w == "-"
            && self.doc.tokens[t].space_before
            && self.doc.tokens.get(t + 1).is_some_and(|n| n.space_before))
    }

    /// Hits joined to `h` by "and" or commas before it ("Japan and the Philippines"), then `h`.
    fn coordinated_before(&self, h: usize) -> Vec<usize> {
        let mut out = vec![h];
        let mut start = self.hits[h].tokens.start;
        loop {
            let mut j = start;
            // "Japan and the Philippines", "Japanese, Philippine and American".
            if j > self.range.start && self.lower(j - 1) == "the" {
                j -= 1;
            }
            // "Karim Fahmy and Ethiopian Foreign Minister Dawit Mekonnen": titles between.
            let mut titles = 0;
            while titles < 4
                && j > self.range.start + 1
                && self.capitalized(j - 1)
                && self.ending_at(j - 1).is_none()
                && !matches!(self.lower(j - 2), "and" | "," | "&")
            {
                j -= 1;
                titles += 1;
            }
            if titles > 0
                && j > self.range.start + 1
                && matches!(self.lower(j - 2), "and" | "," | "&")
                && self.capitalized(j - 1)
            {
                j -= 1;
            }
            if j <= self.range.start + 1 {
                break;
            }
            let w = self.lower(j - 1);
            // A list ends with "and" ("Japanese, Philippine and American"); a comma right
            // before the last name closes an opening phrase ("writing in the Telegraph, the
            // prime minister conceded").
            let joins = w == "and" || w == "&" || (w == "," && out.len() > 1);
            if !joins {
                break;
            }
            let Some(prev) = self.ending_at(j - 1) else {
                break;
            };
            out.push(prev);
            start = self.hits[prev].tokens.start;
        }
        out.reverse();
        out
    }

    /// `h` and the hits joined to it by "and" or commas after it ("Tony Blair and Gordon Brown").
    fn coordinated_after(&self, h: usize, end: usize) -> Vec<usize> {
        let mut out = vec![h];
        let mut next = self.hits[h].tokens.end;
        loop {
            // "Tokyo and Manila", "X, Y and Z", "X's and Y's".
            if next < end && matches!(self.doc.word(next), "'s" | "’s") {
                next += 1;
            }
            if next + 1 >= end {
                break;
            }
            let w = self.lower(next);
            if w != "and" && w != "," && w != "&" {
                break;
            }
            let Some(h2) = self.name_within(next + 1, end) else {
                break;
            };
            out.push(h2);
            next = self.hits[h2].tokens.end;
        }
        out
    }

    /// The subject of a verb at token `verb`: the nearest actor before it with only auxiliaries,
    /// adverbs, time words and appositions in between, and the actors coordinated with it.
    /// Also says whether the verb is passive ("was condemned").
    fn subject_before(&self, verb: usize, frame: &mut Frame) -> (Vec<usize>, bool) {
        let mut j = verb;
        let mut passive = false;
        let mut heads = 0;
        while j > self.range.start {
            let k = j - 1;
            // Past a plain noun ("Labour MPs"), only a body or a country adjective is the
            // group acting; "Blair dismisses quit" has no subject for "quit".
            if heads == 0
                && let Some(h) = self.ending_at(j)
            {
                return (self.coordinated_before(h), passive);
            }
            let w = self.lower(k);
            if BE.contains(&w) {
                passive = true;
            }
            // "Washington “strongly supports”": an opening quote right before the verb.
            let quote = w == "“"
                || (w == "\"" && self.doc.tokens.get(k + 1).is_some_and(|n| !n.space_before));
            if VERB_GROUP.contains(&w) || is_adverb(w) || quote {
                j = k;
                continue;
            }
            // "Mr Balls, who stepped down": the name the relative clause hangs on.
            if matches!(w, "who" | "which")
                && heads == 0
                && k >= self.range.start + 2
                && self.doc.word(k - 1) == ","
                && let Some(h) = self.ending_at(k - 1)
            {
                return (self.coordinated_before(h), passive);
            }
            if w == "," {
                // "Maria Reyes, the Philippine foreign secretary, signed": skip the apposition.
                if let Some(open) = self.apposition_start(k) {
                    j = open;
                    continue;
                }
                // "Anna Kowalska and her German counterpart, Markus Brenner, agreed": the name
                // in apposition is the subject, with whoever is joined to its description.
                if let Some(h) = self.ending_at(k)
                    && let open = self.hits[h].tokens.start
                    && open > self.range.start
                    && self.doc.word(open - 1) == ","
                {
                    let mut subject = vec![h];
                    let lo = open.saturating_sub(6).max(self.range.start + 1);
                    if let Some(and) = (lo..open - 1).rev().find(|&t| self.lower(t) == "and")
                        && (and..open - 1).all(|t| !self.is_break(t))
                        && let Some(first) = self.ending_at(and)
                    {
                        subject.splice(0..0, self.coordinated_before(first));
                    }
                    return (subject, passive);
                }
                break;
            }
            // "it had found wide support": a pronoun only right before its verb group.
            if let Some(&(_, person)) = PRONOUNS.iter().find(|(p, _)| *p == w) {
                if heads == 0 {
                    frame.pronoun = Some(person);
                }
                break;
            }
            if PAIRS.contains(&w)
                && k > self.range.start
                && matches!(self.lower(k - 1), "both" | "two")
            {
                frame.pair_anaphor = true;
                break;
            }
            // "Labour MPs", "Chinese vessels", "Russian troops": the actor named right before
            // a plain noun is the group that acts.
            // (Not "dismissed": a past tense is a verb of its own.)
            let plain_noun = self.doc.word(k).chars().all(char::is_alphabetic)
                && !w.ends_with("ed")
                && (self.doc.word(k).chars().all(char::is_lowercase)
                    || self.doc.word(k).ends_with('s'));
            if plain_noun && heads < 2 && !CLAUSE_WORDS.contains(&w) {
                heads += 1;
                // People and forces act ("Chinese vessels", "the Chinese government"); "the
                // Ethiopian capital" does not.
                let group = (w.ends_with('s') && !w.ends_with("ss")) || GROUP_NOUNS.contains(&w);
                if group
                    && let Some(h) = self.ending_at(k)
                    && (self.is_adjective_country(h)
                        || matches!(self.hits[h].found, Found::Organization { .. }))
                {
                    return (self.coordinated_before(h), passive);
                }
                j = k;
                continue;
            }
            break;
        }
        (Vec::new(), passive)
    }

    /// Start of an apposition closed by the comma at `close` ("Reyes, the foreign secretary,"),
    /// as the token index of the actor's end, when there is one.
    fn apposition_start(&self, close: usize) -> Option<usize> {
        let lo = close.saturating_sub(12).max(self.range.start);
        let open = (lo..close).rev().find(|&t| self.doc.word(t) == ",")?;
        let first = self.lower(open + 1);
        let opens_apposition = DETERMINERS.contains(&first)
            || matches!(first, "who" | "which" | "whose" | "himself" | "herself")
            || self
                .doc
                .word(open + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        let no_break = (open + 1..close).all(|t| !self.is_break(t));
        (opens_apposition && no_break && self.ending_at(open).is_some()).then_some(open)
    }

    /// The first actor right after `start` (past determiners, numbers and one introducer) and
    /// those coordinated with it, within `end`.
    fn object_after(&self, start: usize, end: usize) -> Vec<usize> {
        let mut j = start;
        // "met with", "turned on", "the", "two".
        while j < end && j < start + 3 {
            let w = self.lower(j);
            let skippable = DETERMINERS.contains(&w)
                || matches!(w, "with" | "to" | "on" | "against" | "into" | "up")
                || w.chars().all(|c| c.is_ascii_digit());
            if !skippable {
                break;
            }
            j += 1;
        }
        // "met Chinese Defense Minister Dong Jun": past the title to the name.
        let lo = j;
        while j < end && j < lo + 5 {
            if let Some(h) = self.starting_at(j) {
                // "called for Commons leader Peter Hain to": a body naming the title of the
                // person after it only qualifies that person, who is the object.
                let mut h = h;
                if !matches!(self.hits[h].found, Found::Person { .. }) {
                    let after = self.hits[h].tokens.end;
                    if let Some(p) = (after + 1..(after + 4).min(end)).find_map(|t| {
                        self.starting_at(t)
                            .filter(|&p| matches!(self.hits[p].found, Found::Person { .. }))
                    }) && (after..self.hits[p].tokens.start)
                        .all(|t| !self.is_break(t) && self.lower(t) != "and")
                    {
                        h = p;
                    }
                }
                let objects = self.coordinated_after(h, end);
                // "denied Mr Yeo, his spokesman, said ...": the name is the subject of what
                // was denied, not the one denied.
                let last = objects.last().map_or(h, |&o| o);
                if self.opens_clause(self.hits[last].tokens.end) {
                    return Vec::new();
                }
                return objects;
            }
            let title_word = self.capitalized(j) || self.hits.iter().any(|h| h.tokens.contains(&j));
            if !title_word {
                break;
            }
            j += 1;
        }
        Vec::new()
    }

    /// Whether a verb follows at `t`, directly or after an apposition (", his spokesman,").
    fn opens_clause(&self, t: usize) -> bool {
        let verb_at = |t: usize| {
            t < self.range.end && {
                let w = self.lower(t);
                BE.contains(&w)
                    || AUXILIARIES.contains(&w)
                    || matches!(w, "said" | "says" | "told")
                    || (w.ends_with("ed") && self.is_verb_like(t))
            }
        };
        if verb_at(t) {
            return true;
        }
        if t < self.range.end && self.doc.word(t) == "," {
            let close = (t + 1..(t + 9).min(self.range.end)).find(|&c| self.doc.word(c) == ",");
            return close.is_some_and(|c| verb_at(c + 1));
        }
        false
    }

    /// End of the phrase that starts at `start`: the next break or clause word, except that a
    /// participle after a comma continues it (", financed by a loan from ...").
    fn phrase_end(&self, start: usize) -> usize {
        let mut t = start;
        while t < self.range.end {
            let w = self.lower(t);
            if CLAUSE_WORDS.contains(&w) {
                return t;
            }
            if self.is_break(t) {
                let participle =
                    w == "," && self.doc.tokens.get(t + 1).is_some() && t + 1 < self.range.end && {
                        let n = self.doc.word(t + 1);
                        n.chars().all(|c| c.is_ascii_lowercase()) && n.ends_with("ed")
                    };
                if !participle {
                    return t;
                }
            }
            t += 1;
        }
        self.range.end
    }

    /// Parties introduced by a preposition in `range` ("with Iran", "from Beijing"), with
    /// whether the preposition names the agent ("by", "from").
    ///
    /// With `chained` (a noun's parties), each preposition must follow the noun or the party
    /// before it closely: "the forum in Brighton with an attack on Labour" names no party of
    /// the forum.
    fn introduced(&self, range: Range<usize>, chained: bool) -> Vec<(usize, bool)> {
        let mut out = Vec::new();
        let mut reach = range.start + 3;
        for t in range.clone() {
            let w = self.lower(t);
            if !INTRODUCERS.contains(&w) || (chained && t > reach) {
                continue;
            }
            // "talks on the future of Gibraltar", "an inquiry into the death of Dr Kelly": a
            // name owning the topic of a noun's own phrase is what it is about, not a party.
            let topic = chained && w == "of" && t > range.start + 1 && {
                let noun = self.doc.word(t - 1);
                noun.chars().all(|c| c.is_ascii_lowercase())
                    && !DETERMINERS.contains(&self.lower(t - 1))
                    && DETERMINERS.contains(&self.lower(t - 2))
            };
            if topic {
                continue;
            }
            if let Some(h) = self.name_within(t + 1, range.end) {
                // "at Labour's spring conference", "at Ms Reyes's country house": the owner of
                // the place where it happens takes no part for that.
                let owner_of_place = w == "at"
                    && self.hits[h].tokens.end + 1 < self.range.end
                    && matches!(self.doc.word(self.hits[h].tokens.end), "'s" | "’s")
                    && self
                        .doc
                        .word(self.hits[h].tokens.end + 1)
                        .chars()
                        .all(|c| c.is_ascii_lowercase());
                if owner_of_place {
                    continue;
                }
                let agent = matches!(w, "by" | "from");
                for c in self.coordinated_after(h, range.end) {
                    reach = reach.max(self.hits[c].tokens.end + 2);
                    out.push((c, agent));
                }
            }
        }
        out
    }

    /// The first actor starting within a few tokens of `start` ("by than-US House Speaker
    /// Nancy Pelosi", "between US defense Secretary Pete Hegseth"), past titles and
    /// determiners but not past a break, a clause word or another preposition.
    fn name_within(&self, start: usize, end: usize) -> Option<usize> {
        let mut j = start;
        while j < end && j < start + 6 {
            if let Some(h) = self.starting_at(j) {
                return Some(h);
            }
            let w = self.lower(j);
            // "then-US", "pro-Beijing", "ex-UK": a prefix glued to the next word by a hyphen.
            let prefix = j + 2 < end
                && self.doc.word(j + 1) == "-"
                && !self.doc.tokens[j + 1].space_before
                && !self.doc.tokens[j + 2].space_before;
            if prefix {
                j += 2;
                continue;
            }
            if self.is_break(j)
                || CLAUSE_WORDS.contains(&w)
                || INTRODUCERS.contains(&w)
                || VERB_GROUP.contains(&w)
                || FUNCTION_WORDS.contains(&w)
            {
                return None;
            }
            // Determiners and titles ("the", "US defense Secretary"), but no plain noun of
            // its own ("of the market into the NHS").
            let raw = self.doc.word(j);
            let lowercase = raw.chars().next().is_some_and(char::is_lowercase);
            if lowercase
                && !DETERMINERS.contains(&w)
                && !(j + 1 < end && (self.capitalized(j + 1) || self.doc.word(j + 1) == "-"))
            {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Whether the trigger at `trigger` is used as a noun: after a determiner, a possessive,
    /// a preposition, an adjective run, or an actor naming it.
    fn is_noun_use(&self, trigger: usize) -> bool {
        if trigger == self.range.start {
            return false;
        }
        let prev = self.lower(trigger - 1);
        DETERMINERS.contains(&prev)
            || INTRODUCERS.contains(&prev)
            || matches!(
                prev,
                "in" | "after" | "following" | "during" | "over" | "about" | "amid" | "despite"
            )
            || prev.chars().all(|c| c.is_ascii_digit())
            || prev.contains('-')
            // "Chinese drills"; but "China protests" is a verb.
            || self.ending_at(trigger).is_some_and(|h| self.is_adjective_country(h))
            || self.after_determiner(trigger)
    }

    /// "a low-interest loan", "the new reciprocal access agreement": a few plain words after
    /// a determiner.
    fn after_determiner(&self, trigger: usize) -> bool {
        // "the two men discussed", "the ministers met": a past tense is a verb.
        let word = self.lower(trigger);
        if word.ends_with("ed") || matches!(word, "met" | "held" | "struck" | "sent") {
            return false;
        }
        let mut j = trigger;
        while j > self.range.start && trigger - j < 5 {
            let w = self.lower(j - 1);
            if DETERMINERS.contains(&w) || w.chars().all(|c| c.is_ascii_digit()) {
                return true;
            }
            let plain = w.chars().all(|c| c.is_lowercase() || c == '-')
                && !VERB_GROUP.contains(&w)
                && !INTRODUCERS.contains(&w)
                && !CLAUSE_WORDS.contains(&w)
                && !FUNCTION_WORDS.contains(&w);
            // "the two ministers met": a plural noun before the trigger is its subject.
            let plural = w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !matches!(w, "arms" | "rights" | "sanctions" | "affairs" | "news");
            if !plain || plural {
                return false;
            }
            j -= 1;
        }
        false
    }

    /// Whether the word at `next` is a plain noun that a trigger before it would qualify.
    fn qualifies_next(&self, next: usize) -> bool {
        if next >= self.range.end {
            return false;
        }
        let raw = self.doc.word(next);
        let w = self.lower(next);
        raw.chars().all(|c| c.is_ascii_lowercase())
            && raw.len() > 2
            && !w.ends_with("ed")
            && !is_adverb(w)
            && !DETERMINERS.contains(&w)
            && !INTRODUCERS.contains(&w)
            && !CLAUSE_WORDS.contains(&w)
            && !VERB_GROUP.contains(&w)
            && !FUNCTION_WORDS.contains(&w)
    }

    /// The frame of the trigger at `trigger..trigger_end`.
    pub fn frame(&self, trigger: usize, trigger_end: usize) -> Frame {
        let mut frame = Frame::default();
        // "the group "congratulated" Mr Howard": a quotation mark closing on the verb itself
        // does not end its phrase.
        // (Only a quotation of the verb alone: in "a "humiliating retreat" by the Tories" the
        // phrase ends with the quotation.)
        let quote = |w: &str| matches!(w, "\"" | "”" | "“" | "’" | "‘" | "'");
        let after = if trigger > self.range.start
            && trigger_end + 1 < self.range.end
            && quote(self.doc.word(trigger - 1))
            && !self.doc.tokens[trigger].space_before
            && quote(self.doc.word(trigger_end))
            && !self.doc.tokens[trigger_end].space_before
        {
            trigger_end + 1
        } else {
            trigger_end
        };
        let end = self.phrase_end(after);
        // A verb when it has a subject ("the coast guard accused"); otherwise a noun, whose
        // parties are named around it or are the subject of the verb it follows.
        // "Terror detainees win Lords appeal": a name between a verb and the trigger names
        // the trigger, a noun.
        // A past tense is the verb itself ("the charity Oxfam criticised").
        let past = {
            let w = self.lower(trigger_end - 1);
            w.ends_with("ed") || matches!(w, "met" | "held" | "struck" | "sent" | "won")
        };
        let named_after_verb = !past
            && self.ending_at(trigger).is_some_and(|h| {
                let start = self.hits[h].tokens.start;
                !matches!(self.hits[h].found, Found::Person { .. })
                    && start > self.range.start
                    && self.is_verb_like(start - 1)
            });
        if self.is_noun_use(trigger) || named_after_verb {
            frame.noun = true;
        } else {
            let (subject, passive) = self.subject_before(trigger, &mut frame);
            if !subject.is_empty() || frame.pronoun.is_some() || frame.pair_anaphor {
                let object = self.object_after(after, end);
                // "Labour accused of broken pledge": a headline's passive without its "is".
                let reduced = trigger_end < self.range.end
                    && matches!(
                        self.lower(trigger_end - 1),
                        "accused" | "charged" | "cleared" | "convicted" | "suspected"
                    )
                    && matches!(self.lower(trigger_end), "of" | "with");
                // "Labour attacked over poster", "Minister criticised for delay": in a headline
                // a participle with "over", "for", "on" or "by" after it is passive too.
                let heading = self
                    .doc
                    .sentences
                    .binary_search_by_key(&self.range.start, |s| s.tokens.start)
                    .is_ok_and(|k| self.doc.is_heading(k));
                let reduced = reduced
                    || (heading
                        && trigger_end < self.range.end
                        && self.lower(trigger_end - 1).ends_with("ed")
                        && matches!(self.lower(trigger_end), "over" | "for" | "on" | "by"));
                if (passive || reduced) && is_participle(self.doc.word(trigger_end - 1)) {
                    frame.passive = true;
                    frame.others.extend(subject);
                } else {
                    frame.agents.extend(subject);
                }
                for h in object {
                    push(&mut frame.others, h);
                }
            } else if self.lower(trigger_end - 1).ends_with("ing")
                || self.lower(trigger_end - 1).ends_with("ed")
            {
                // "for invading Iraq", "which opposed the war": a gerund or a past tense with no
                // subject names no act of anyone here.
                frame.compound = true;
                return frame;
            } else {
                frame.noun = true;
            }
        }
        if frame.noun {
            // "patrol vessels", "strike action": the word only qualifies the noun after it.
            if self.qualifies_next(trigger_end) {
                frame.compound = true;
                return frame;
            }
            self.noun_frame(trigger, &mut frame);
        }
        // A noun's parties come before its own verb ("closer co-operation did not mean ...",
        // "the trip follows claims of infighting between ...").
        let end = if frame.noun {
            (trigger_end..end)
                .find(|&t| {
                    let w = self.lower(t);
                    BE.contains(&w)
                        || AUXILIARIES.contains(&w)
                        || (self.is_verb_like(t)
                            && (t == trigger_end || {
                                let prev = self.doc.word(t - 1);
                                prev.chars().all(char::is_lowercase)
                                    && !DETERMINERS.contains(&prev)
                                    && !INTRODUCERS.contains(&prev)
                            }))
                })
                .unwrap_or(end)
        } else {
            // "rejected the idea Mr Kilroy-Silk posed a threat to UKIP": a name followed by a
            // verb opens a clause of its own.
            // "backed Mr Howard's stance and distanced himself from Labour": a second verb
            // after "and" has parties of its own.
            (trigger_end + 1..end)
                .find(|&t| {
                    (self.is_verb_like(t) && self.hits.iter().any(|h| h.tokens.end == t))
                        || (self.lower(t) == "and"
                            && t + 1 < end
                            && self.is_verb_like(t + 1)
                            && self.lower(t + 1).ends_with("ed"))
                })
                .unwrap_or(end)
        };
        for (h, agent) in self.introduced(trigger_end..end, frame.noun) {
            // "criticised its record on the NHS": after a verb's object, "on", "of", "for" and
            // "at" belong to the object.
            // ("support for Taiwan", right after the verb, still names a party).
            if !frame.noun
                && (trigger_end..self.hits[h].tokens.start)
                    .rev()
                    .find(|&t| INTRODUCERS.contains(&self.lower(t)))
                    .is_some_and(|t| {
                        t > trigger_end && matches!(self.lower(t), "on" | "of" | "for" | "at")
                    })
            {
                continue;
            }
            if agent && (frame.noun || frame.passive) {
                push(&mut frame.agents, h);
            } else {
                push(&mut frame.others, h);
            }
        }
        frame.others.retain(|h| !frame.agents.contains(h));
        if frame.noun
            && frame.agents.is_empty()
            && frame.pronoun.is_none()
            && !frame.others.is_empty()
        {
            frame.pronoun = self.clause_pronoun(trigger);
        }
        // "accused Tokyo of ... that", "voiced concerns that China was preparing": the subject of
        // what is said is aimed at.
        if end < self.range.end && self.lower(end) == "that" {
            let mut t = end + 1;
            if t < self.range.end && self.lower(t) == "the" {
                t += 1;
            }
            // The subject itself ("that China was"), not a word built on a name
            // ("that a Madrid-style bombing").
            if let Some(h) = self.starting_at(t)
                && let after = self.hits[h].tokens.end
                && after < self.range.end
                && {
                    // "that China was preparing", not "that the Iraq war could be".
                    let next = self.lower(after);
                    BE.contains(&next) || AUXILIARIES.contains(&next) || next.ends_with("ed")
                }
            {
                push(&mut frame.others, h);
            }
        }
        let segment_start = (self.range.start..trigger)
            .rev()
            .find(|&t| self.is_break(t))
            .map_or(self.range.start, |t| t + 1);
        // ", financed by a loan from the agency": a participle phrase qualifies what the clause
        // before it did, and that clause's parties take part.
        if frame.noun
            && segment_start > self.range.start + 1
            && self.doc.word(segment_start - 1) == ","
            && is_participle(self.doc.word(segment_start))
            && self
                .doc
                .word(segment_start)
                .chars()
                .all(|c| c.is_ascii_lowercase())
        {
            let prev_start = (self.range.start..segment_start - 1)
                .rev()
                .find(|&t| self.is_break(t))
                .map_or(self.range.start, |t| t + 1);
            for h in 0..self.hits.len() {
                let t = self.hits[h].tokens.start;
                if (prev_start..segment_start - 1).contains(&t) && self.usable(h) {
                    push(&mut frame.others, h);
                }
            }
            frame.others.retain(|h| !frame.agents.contains(h));
        }
        // The referring noun opens the clause ("a statement that drew ...") or is the object
        // ("condemned the remarks"), not anywhere later ("declined to say what form the
        // statement should take").
        let object_end = (trigger_end + 4).min(end);
        frame.reaction = (segment_start..trigger)
            .chain(trigger_end..object_end)
            .any(|t| {
                let owned_by_someone_else = t >= 2
                    && matches!(self.doc.word(t - 1), "'s" | "’s")
                    && self.ending_at(t - 1).is_none();
                REFERRING.contains(&self.lower(t)) && !owned_by_someone_else
            });
        frame
    }

    fn noun_frame(&self, trigger: usize, frame: &mut Frame) {
        // Walk back over the words qualifying the noun ("the 2022", "large-scale Chinese
        // military") to the actor naming it and to the word before the noun phrase.
        let mut j = trigger;
        let mut steps = 0;
        let mut name_verb = None;
        while j > self.range.start && steps < 5 {
            if let Some(h) = self.ending_at(j) {
                for c in self.coordinated_before(h) {
                    push(&mut frame.agents, c);
                }
                // "US-China talks".
                let start = self.hits[h].tokens.start;
                if start > self.range.start + 1
                    && self.doc.word(start - 1) == "-"
                    && let Some(h2) = self.ending_at(start - 1)
                {
                    push(&mut frame.agents, h2);
                }
                j = self.hits[frame.agents[0]].tokens.start;
                break;
            }
            let w = self.lower(j - 1);
            if matches!(w, "'s" | "’s") {
                j -= 1;
                continue;
            }
            // "Ms Lee and Mr Tam all face individual charges": the names before a verb of
            // undergoing are its subject, and the act is done to them.
            if UNDERGOING.contains(&w) {
                let mut probe = Frame::default();
                let (subject, passive) = self.subject_before(j - 1, &mut probe);
                if !passive && !subject.is_empty() {
                    frame.passive = true;
                    for h in subject {
                        push(&mut frame.others, h);
                    }
                }
                return;
            }
            // "posters attacking Mr Howard - recently withdrawn": a dash standing apart is
            // punctuation; what comes before it does not qualify the word after it.
            if matches!(w, "-" | "–" | "—") && self.doc.tokens[j - 1].space_before {
                break;
            }
            // "the UK-wide strike", "an EU-wide ban": a name before "-wide" gives the reach of
            // the act, not who does it.
            if w == "wide" && j >= 3 && self.doc.word(j - 2) == "-" {
                break;
            }
            // "Ms Khan highlighted detentions": a word between a name and the noun is the
            // name's verb, not a qualifier of the noun.
            // "Boris opposes mayor apology": in a headline, a present-tense verb.
            if j >= 2
                && self.ending_at(j - 1).is_some()
                && (w.ends_with("ed") || self.headline_verb(j - 1))
            {
                name_verb = Some(j - 1);
                break;
            }
            let qualifier = DETERMINERS.contains(&w)
                || w.chars().all(|c| c.is_ascii_digit())
                || (w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !INTRODUCERS.contains(&w)
                    && !CLAUSE_WORDS.contains(&w)
                    && !VERB_GROUP.contains(&w)
                    && !FUNCTION_WORDS.contains(&w));
            if !qualifier {
                break;
            }
            j -= 1;
            steps += 1;
            if DETERMINERS.contains(&w) && w != "'s" {
                break;
            }
        }
        if !frame.agents.is_empty() {
            // "Ukraine fears a Russian invasion": the subject of the verb is the one it is
            // aimed at.
            let mut np = j;
            while np > self.range.start && DETERMINERS.contains(&self.lower(np - 1)) {
                np -= 1;
            }
            if let Some(verb) = self.governing_verb(np) {
                let mut probe = Frame::default();
                let (subject, passive) = self.subject_before(verb, &mut probe);
                if !passive {
                    for h in subject {
                        if !frame.agents.contains(&h) {
                            push(&mut frame.others, h);
                        }
                    }
                }
            }
            return;
        }
        // "Clarke wants house arrest": the name's own verb governs the noun; only a verb of
        // doing ("Khan held talks") makes the name its agent.
        if let Some(verb) = name_verb {
            if performs(self.lower(verb)) {
                let (subject, passive) = self.subject_before(verb, frame);
                if !passive {
                    frame.agents.extend(subject);
                }
            }
            return;
        }
        // "signed a reciprocal access agreement": the verb right before the noun phrase has
        // the subject; "challenges these claims through freedom of navigation operations" too,
        // past one preposition and its noun phrase.
        if let Some(verb) = self.governing_verb(j) {
            // "three managers face charges", "suffered an attack", "received a warning": the
            // subject of a verb of undergoing is the one it is done to.
            if UNDERGOING.contains(&self.lower(verb)) {
                let mut probe = Frame::default();
                let (subject, passive) = self.subject_before(verb, &mut probe);
                if !passive && !subject.is_empty() {
                    frame.passive = true;
                    for h in subject {
                        push(&mut frame.others, h);
                    }
                }
                return;
            }
            // "signed an agreement", "held talks": the subject does the act; "described the
            // ban as ridiculous" is about an act, not doing it.
            let direct = verb + 1 == j;
            if !direct || performs(self.lower(verb)) {
                let (subject, passive) = self.subject_before(verb, frame);
                if !passive {
                    frame.agents.extend(subject);
                }
            }
            return;
        }
        // "warships will hold joint naval drills": with no determiner, the verb may be among
        // the words taken for qualifiers.
        for p in j..trigger {
            if self.is_verb_like(p) {
                let mut probe = Frame::default();
                let (subject, passive) = self.subject_before(p, &mut probe);
                if !passive && !subject.is_empty() {
                    frame.agents.extend(subject);
                    return;
                }
            }
        }
    }

    fn is_verb_like(&self, t: usize) -> bool {
        let raw = self.doc.word(t);
        let w = self.lower(t);
        raw.chars().all(|c| c.is_ascii_lowercase())
            && raw.len() > 2
            && !DETERMINERS.contains(&w)
            && !INTRODUCERS.contains(&w)
            && !CLAUSE_WORDS.contains(&w)
            && !FUNCTION_WORDS.contains(&w)
            && !VERB_GROUP.contains(&w)
            && !self.is_break(t)
    }

    /// The pronoun nearest before `trigger` in its clause ("he", "she", "it", "they").
    pub fn subject_pronoun(&self, trigger: usize) -> Option<String> {
        (self.range.start..trigger)
            .rev()
            .take_while(|&t| !self.is_break(t))
            .map(|t| self.lower(t))
            .find(|w| PRONOUNS.iter().any(|(p, _)| p == w))
            .map(str::to_string)
    }

    /// "he would fly to Manila for talks with Reyes": the pronoun subject of the clause a noun
    /// sits in, when nothing else names who acts.
    pub fn clause_pronoun(&self, trigger: usize) -> Option<bool> {
        let mut t = trigger;
        while t > self.range.start && trigger - t < 12 {
            t -= 1;
            let w = self.lower(t);
            if self.is_break(t)
                || CLAUSE_WORDS.contains(&w)
                || self
                    .hits
                    .iter()
                    .any(|h| h.tokens.contains(&t) && !matches!(h.found, Found::Place { .. }))
            {
                return None;
            }
            if let Some(&(_, person)) = PRONOUNS.iter().find(|(p, _)| *p == w) {
                return Some(person);
            }
        }
        None
    }

    /// The verb whose object is the noun phrase starting at `np`, if the word before it is one.
    fn governing_verb(&self, np: usize) -> Option<usize> {
        let verb_like = |t: usize| self.is_verb_like(t);
        let before = np.checked_sub(1).filter(|&t| t >= self.range.start)?;
        if verb_like(before) {
            return Some(before);
        }
        if !matches!(self.lower(before), "through" | "with" | "via" | "in" | "of") {
            return None;
        }
        // Past "these claims", "a new package": determiners and up to two words.
        let mut t = before;
        for _ in 0..3 {
            t = t.checked_sub(1).filter(|&t| t > self.range.start)?;
            if DETERMINERS.contains(&self.lower(t)) {
                while t > self.range.start + 1 && DETERMINERS.contains(&self.lower(t - 1)) {
                    t -= 1;
                }
                let v = t - 1;
                return verb_like(v).then_some(v);
            }
        }
        None
    }

    /// Whether the word at `t`, right after a name, reads as a present-tense verb ("Boris
    /// opposes"), not as a plural noun the name qualifies ("US troops", "Labour MPs").
    fn headline_verb(&self, t: usize) -> bool {
        const PLURAL_GROUPS: &[&str] = &[
            "forces",
            "troops",
            "officials",
            "ministers",
            "leaders",
            "workers",
            "soldiers",
            "rebels",
            "militants",
            "lawmakers",
            "diplomats",
            "members",
            "voters",
            "talks",
            "claims",
            "plans",
            "policies",
            "relations",
            "ties",
            "elections",
            "affairs",
            "services",
            "authorities",
            "delegates",
            "supporters",
            "activists",
            "protesters",
            "students",
        ];
        let w = self.doc.word(t);
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ous")
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !PLURAL_GROUPS.contains(&w)
    }

    /// The subject of the sentence: the first actor (and those joined to it) when it opens a
    /// clause, for reactions to what it said or did.
    pub fn opening_subject(&self, before: usize) -> Vec<usize> {
        let mut t = self.range.start;
        while t < before {
            if let Some(h) = self.starting_at(t) {
                return self.coordinated_after(h, before);
            }
            t += 1;
        }
        Vec::new()
    }
}

/// Verbs whose subject carries out the act named by their object ("signed an agreement",
/// "imposed sanctions", "held talks"), by stem.
/// Verbs whose subject undergoes the act named by their object ("faces charges", "suffered
/// an attack", "received a warning").
const UNDERGOING: &[&str] = &[
    "face",
    "faces",
    "faced",
    "facing",
    "suffer",
    "suffers",
    "suffered",
    "receive",
    "receives",
    "received",
    "undergo",
    "underwent",
    "survive",
    "survives",
    "survived",
];

const PERFORMING_STEMS: &[&str] = &[
    "sign", "announc", "impos", "hold", "held", "launch", "adopt", "conduct", "carr", "issu",
    "mak", "made", "began", "begin", "stag", "lift", "unveil", "propos", "order", "approv",
    "introduc", "deliver", "mount", "wag", "open", "start", "complet", "deploy", "offer", "seek",
    "sought", "giv", "gave", "provid", "agree", "reach", "struck", "host", "attend", "join",
    "resum", "continu", "suspend", "end", "call", "led", "lead", "organis", "organiz", "plan",
    "increas", "expand", "extend", "renew", "sent", "send", "pledg", "promis", "vow", "threaten",
    "authoris", "authoriz", "declar", "escalat", "intensif", "kept", "keep", "took", "take", "won",
    "win", "broker", "negotiat", "finali", "conclud", "ratif", "back", "voic", "express", "rais",
    "lodg", "file", "brought", "bring", "put", "press", "push", "step", "halt", "cancel",
    "postpon", "resum", "stage", "ran", "run", "set", "lay", "laid", "level", "fire", "fir",
];

fn performs(verb: &str) -> bool {
    PERFORMING_STEMS.iter().any(|s| verb.starts_with(s))
}

fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
}

fn is_participle(w: &str) -> bool {
    let w = w.to_lowercase();
    w.ends_with("ed") || w.ends_with("en") || matches!(w.as_str(), "met" | "held" | "struck")
}

fn push(v: &mut Vec<usize>, h: usize) {
    if !v.contains(&h) {
        v.push(h);
    }
}
