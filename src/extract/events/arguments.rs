//! From a word of the parse to the actors it names: the actor mention the word belongs to;
//! else the names that qualify it ("Chinese officials", "the government of Japan", "Britain
//! and France's leaders"); else, for a pronoun, the actor it stands for.

use std::collections::BTreeMap;
use std::ops::Range;

use super::patterns::ArgumentRules;
use super::reading::{Tree, with_conjuncts};
use crate::extract::actors::{Found, Hit};
use crate::extract::doc::Doc;
use crate::extract::lexicon::CountryForm;
use crate::extract::parse::{Deprel, Upos};

mod people;
mod pronoun;
mod speaker;

/// A place an act happens in, as the sentence names it.
pub struct PlaceHit {
    /// The actor or place key.
    pub key: String,
    /// Its display name.
    pub name: String,
    /// Byte range of the name in the text.
    pub span: Range<usize>,
    /// Whether it is a country (an actor), not a town or region.
    pub country: bool,
    /// Whether it names a country by its capital ("Algiers").
    pub capital: bool,
    /// Whether it is a territory of the country `key` ("the West Bank"), not the country.
    pub territory: bool,
}

/// Relations through which a noun's modifiers name who it is.
const NAMING: &[&str] = &[
    "flat",
    "compound",
    "appos",
    "amod",
    "nmod:poss",
    "nmod",
    "conj",
    "flat:foreign",
];

/// Per-article state for resolving argument words.
pub struct Resolver<'a, 'h> {
    doc: &'a Doc<'a>,
    by_sentence: &'a [Vec<&'h Hit>],
    /// Whether each person is a woman (true) or a man, when an honorific anywhere in the
    /// article says so ("Mrs Quinn" then "Kimberly Quinn").
    female: BTreeMap<&'h str, bool>,
    /// Each role given to a person with a mention ("Chancellor Gordon Brown"), in lower case:
    /// the sentence of each such mention and the person's key.
    roles: BTreeMap<String, Vec<(usize, &'h str)>>,
    /// Where the article names a country's government ("the Sudanese government"), in text
    /// order: the end of those words and the country's key.
    governments: Vec<(usize, &'h str)>,
    /// The roles of `roles` that a qualifier starts ("deputy mayor", "shadow chancellor"):
    /// "the mayor" alone never means their holders.
    qualified: std::collections::BTreeSet<String>,
    /// The country most of the article's actors belong to (see [`home_country`]): whose
    /// government "the government" is when the article names none.
    home: Option<String>,
    /// Where the article names a political party, in text order: the sentence, the end of
    /// the name and the party's key.
    parties: Vec<(usize, usize, &'h str)>,
    /// The country code of each capital the article names as a place ("in Baghdad"), by the
    /// place's key: "demonstrators in Baghdad" are Iraq's.
    capitals: BTreeMap<&'h str, String>,
    /// The territories of one country the article names ("Gaza", "the West Bank"): byte
    /// span and the country's key.
    territories: Vec<(Range<usize>, String)>,
}

/// The country the article's actors belong to: the one that more of its people and bodies
/// are affiliated with, or that is itself named, than any other, when at least two such
/// actors point to it (each country named counts once, however often). "The government" of
/// a news report that names no government is that country's ("Labour", "the Tories" and "Mr
/// Blair" make it Britain's), whatever other countries it speaks of.
pub fn home_country(affiliations: &BTreeMap<String, String>, hits: &[Hit]) -> Option<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for country in affiliations.values() {
        *count.entry(country.as_str()).or_default() += 1;
    }
    let mut named: Vec<&str> = hits
        .iter()
        .filter(|h| matches!(h.found, Found::Country { .. }) && !h.key.is_empty())
        .map(|h| h.key.as_str())
        .collect();
    named.sort_unstable();
    named.dedup();
    for country in named {
        *count.entry(country).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = count.into_iter().collect();
    ranked.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match ranked.as_slice() {
        [(top, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| m < n) => {
            Some((*top).to_owned())
        }
        _ => None,
    }
}

/// The resolver for one parsed sentence.
pub struct SentenceResolver<'r, 'a, 'h, 't> {
    base: &'r Resolver<'a, 'h>,
    rules: &'r ArgumentRules,
    sentence: usize,
    tree: &'r Tree<'t>,
    /// The hit each word belongs to (index into the sentence's hits).
    hit_of_word: Vec<Option<usize>>,
}

impl<'a, 'h> Resolver<'a, 'h> {
    /// Prepares an article.
    pub fn new(
        doc: &'a Doc<'a>,
        lex: &crate::extract::Lexicon,
        hits: &'h [Hit],
        by_sentence: &'a [Vec<&'h Hit>],
        home: Option<String>,
    ) -> Self {
        let lists = &lex.arguments;
        let mut female = BTreeMap::new();
        for h in hits {
            if !matches!(h.found, Found::Person { .. }) || h.tokens.start == 0 {
                continue;
            }
            let before = doc
                .word(h.tokens.start - 1)
                .trim_end_matches('.')
                .to_lowercase();
            let said = if lists.has("male_honorifics", &before) {
                Some(false)
            } else if lists.has("female_honorifics", &before) {
                Some(true)
            } else {
                None
            };
            if let Some(f) = said {
                female.entry(h.key.as_str()).or_insert(f);
            }
        }
        let mut roles: BTreeMap<String, Vec<(usize, &'h str)>> = BTreeMap::new();
        for h in hits {
            if let Found::Person {
                role: Some(role), ..
            } = &h.found
                && !h.key.is_empty()
            {
                roles
                    .entry(role.to_lowercase())
                    .or_default()
                    .push((h.sentence, h.key.as_str()));
            }
        }
        // "the Sudanese government", "Britain's government": a country named with its
        // government, where the government's words end.
        let mut governments: Vec<(usize, &'h str)> = Vec::new();
        for h in hits {
            if !matches!(h.found, Found::Country { .. }) || h.key.is_empty() {
                continue;
            }
            let last = h.tokens.end - 1;
            if lists.has("government_nouns", &doc.word(last).to_lowercase()) {
                governments.push((doc.tokens[last].span.end, h.key.as_str()));
                continue;
            }
            let mut next = h.tokens.end;
            if next < doc.tokens.len() && matches!(doc.word(next), "'s" | "’s") {
                next += 1;
            }
            if next < doc.tokens.len()
                && lists.has("government_nouns", &doc.word(next).to_lowercase())
            {
                governments.push((doc.tokens[next].span.end, h.key.as_str()));
            }
        }
        governments.sort_unstable();
        let mut parties: Vec<(usize, usize, &'h str)> = hits
            .iter()
            .filter(|h| {
                matches!(h.found, Found::Organization { .. })
                    && lex.organization(&h.key).is_some_and(|o| o.kind == "party")
            })
            .map(|h| {
                (
                    h.sentence,
                    doc.tokens[h.tokens.end - 1].span.end,
                    h.key.as_str(),
                )
            })
            .collect();
        parties.sort_unstable();
        let qualified = roles
            .keys()
            .filter(|role| {
                // ("Lord Chancellor": an office opening with an honorific is never "the
                // chancellor".)
                role.split(' ').next().is_some_and(|first| {
                    lex.rules
                        .set(crate::extract::rules::Named::RoleQualifiers)
                        .contains(first)
                        || (role.contains(' ')
                            && (lists.has("male_honorifics", first)
                                || lists.has("female_honorifics", first)))
                })
            })
            .cloned()
            .collect();
        let capitals = hits
            .iter()
            .filter_map(|h| match &h.found {
                Found::Place { name } => lex
                    .country_of_capital(name)
                    .map(|c| (h.key.as_str(), c.iso3.clone())),
                _ => None,
            })
            .collect();
        let territories = crate::extract::issues::territories_at_places(doc, lex, hits);
        Self {
            doc,
            by_sentence,
            female,
            roles,
            governments,
            qualified,
            home,
            parties,
            capitals,
            territories,
        }
    }

    /// The resolver for sentence `s`, parsed as `tree`.
    pub fn sentence<'r, 't>(
        &'r self,
        s: usize,
        tree: &'r Tree<'t>,
        rules: &'r ArgumentRules,
        names: &[Option<usize>],
    ) -> SentenceResolver<'r, 'a, 'h, 't> {
        let hits = &self.by_sentence[s];
        let hit_of_word = tree
            .parse
            .words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                if let Some(Some(h)) = names.get(k) {
                    return Some(*h);
                }
                // A word inside a name, or the whole name; not a word that only contains
                // one ("UK-wide" is no name of the country).
                hits.iter().position(|h| {
                    let span = self.doc.tokens[h.tokens.start].span.start
                        ..self.doc.tokens[h.tokens.end - 1].span.end;
                    span.start <= w.span.start && w.span.end <= span.end
                })
            })
            .collect();
        SentenceResolver {
            base: self,
            rules,
            sentence: s,
            tree,
            hit_of_word,
        }
    }
}

impl<'h> SentenceResolver<'_, '_, 'h, '_> {
    fn hits(&self) -> &[&Hit] {
        &self.base.by_sentence[self.sentence]
    }

    fn span_of(&self, h: &Hit) -> Range<usize> {
        self.base.doc.tokens[h.tokens.start].span.start
            ..self.base.doc.tokens[h.tokens.end - 1].span.end
    }

    /// "Tens of thousands of students", "some of the rebels": a quantity names no one; the
    /// words it counts do. Returns the counted word (`w` itself when it counts nothing).
    fn counted(&self, w: usize) -> usize {
        let mut w = w;
        for _ in 0..3 {
            if self.hit_of_word[w].is_some()
                || !self.rules.has("quantity_nouns", &self.tree.lower[w])
            {
                break;
            }
            let counted = self.tree.children[w].iter().copied().find(|&c| {
                self.tree.parse.words[c].deprel == Deprel::NMOD
                    && self.tree.children[c].iter().any(|&k| {
                        self.tree.parse.words[k].deprel == Deprel::CASE
                            && self.tree.lower[k] == "of"
                    })
            });
            match counted {
                Some(c) => w = c,
                None => break,
            }
        }
        w
    }

    /// The actors (key and text span) word `w` names, in text order.
    pub fn actors_of(&self, w: usize) -> Vec<(String, Range<usize>)> {
        let hits = self.hits();
        if let Some(groups) = self.group_of_modifier(w) {
            return groups;
        }
        let w = self.counted(w);
        let mut found: Vec<usize> = Vec::new();
        let mut former = false;
        // The word whose modifiers gave the names: "a camp for Congolese refugees" names the
        // refugees, not Congo's state.
        let mut owner = None;
        if let Some(h) = self.hit_of_word[w] {
            found.push(h);
        } else if matches!(self.tree.parse.words[w].upos, Upos::Pron | Upos::Det) {
            return self.pronoun_actors(w);
        } else {
            // "A former Home Office minister", "a retired Chilean diplomat": who held a post
            // no longer acts for its body or country, nor is its present holder.
            former = self.tree.children[w].iter().any(|&c| {
                matches!(self.tree.parse.words[c].deprel.name(), "amod" | "advmod")
                    && self.rules.has("former_words", &self.tree.lower[c])
            });
            // A title right before a name ("prime minister Andreas Papandreou"), however the
            // parser attached the name.
            let end = self.tree.parse.words[w].span.end;
            for &c in &self.tree.children[w] {
                let start = self.tree.parse.words[c].span.start;
                if let Some(h) = self.hit_of_word[c]
                    && start > end
                    && self
                        .base
                        .doc
                        .text
                        .get(end..start)
                        .is_some_and(|gap| gap.trim().is_empty())
                {
                    found.push(h);
                }
            }
            found.extend(self.seat_of(w).filter(|_| found.is_empty() && !former));
            // The names that qualify the word, breadth first, two steps deep.
            let mut frontier = if found.is_empty() && !former {
                vec![w]
            } else {
                Vec::new()
            };
            for _ in 0..2 {
                let mut next = Vec::new();
                for &x in &frontier {
                    if let Some(groups) = self.group_of_holding(x) {
                        return groups;
                    }
                    for &c in &self.tree.children[x] {
                        if !self.names_who(x, c) {
                            continue;
                        }
                        if self.hit_of_word[c].is_some() {
                            // "Hungarian and Romanian officials": a name's conjuncts too.
                            for k in with_conjuncts(self.tree, c) {
                                if let Some(h) = self.hit_of_word[k]
                                    && !found.contains(&h)
                                {
                                    found.push(h);
                                    // (not a conjunct's: "inspectors and workers from Iraq")
                                    if self.tree.parse.words[x].deprel != Deprel::CONJ {
                                        owner.get_or_insert(x);
                                    }
                                }
                            }
                        } else {
                            next.push(c);
                        }
                    }
                }
                if !found.is_empty() {
                    break;
                }
                frontier = next;
            }
        }
        if found.is_empty() {
            if former {
                return Vec::new();
            }
            return self.unnamed(w);
        }
        if let Some(groups) = self.people_of(w, &found).or_else(|| {
            owner
                .filter(|&o| o != w)
                .and_then(|o| self.people_of(o, &found))
        }) {
            return groups;
        }
        let mut out: Vec<(String, Range<usize>)> = Vec::new();
        for h in found {
            let hit = hits[h];
            // "blocked transport into Abidjan": a capital read as a place is its country when
            // an act takes it as a party, as its object or after a preposition; not where it
            // only says where ("the Madrid bombing") nor a dateline ("MOSCOW — ...").
            let acted_on = || {
                (0..self.hit_of_word.len()).any(|k| {
                    self.hit_of_word[k] == Some(h)
                        && (self.tree.parse.words[k].deprel == Deprel::OBJ
                            || self.tree.children[k]
                                .iter()
                                .any(|&c| self.tree.parse.words[c].deprel == Deprel::CASE))
                })
            };
            // ("Israel struck Gaza", "food aid to Gaza": a territory of one country, as an
            // object or after a preposition of acts, is that country too; "settlers in the
            // West Bank" are not its people.)
            let territory = || {
                let at = (0..self.hit_of_word.len()).find(|&k| self.hit_of_word[k] == Some(h))?;
                let words = &self.tree.parse.words;
                let taken = words[at].deprel == Deprel::OBJ
                    || self.tree.children[at].iter().any(|&c| {
                        words[c].deprel == Deprel::CASE
                            && self.rules.has("target_cases", &self.tree.lower[c])
                    });
                if !taken {
                    return None;
                }
                let span = self.span_of(hit);
                self.base
                    .territories
                    .iter()
                    .find(|(t, _)| t.start <= span.start && span.end <= t.end)
                    .map(|(_, key)| key.clone())
            };
            let key = match hit.found {
                Found::Place { .. } => match self.base.capitals.get(hit.key.as_str()) {
                    Some(iso) if acted_on() => format!("country:{iso}"),
                    None if acted_on() => match territory() {
                        Some(key) => key,
                        None => continue,
                    },
                    _ => continue,
                },
                _ if hit.key.is_empty() => continue,
                _ => hit.key.clone(),
            };
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, self.span_of(hit)));
            }
        }
        out
    }

    /// Whether `c`, a child of the noun `x`, says who `x` is.
    fn names_who(&self, x: usize, c: usize) -> bool {
        let word = self.tree.lower[x].as_ref();
        let rel = self.tree.parse.words[c].deprel;
        // "Troops loyal to Ana Ruiz", "workers affiliated with the union": people bound to
        // someone (`affiliation_words`) are theirs.
        if rel == Deprel::ACL && self.rules.has("affiliation_words", &self.tree.lower[c]) {
            return true;
        }
        if self.rules.has("affiliation_words", word) {
            return rel == Deprel::OBL
                && self.tree.children[c].iter().any(|&k| {
                    self.tree.parse.words[k].deprel == Deprel::CASE
                        && self.rules.has("affiliation_cases", &self.tree.lower[k])
                });
        }
        if !NAMING.contains(&rel.name()) {
            return false;
        }
        // "The parents of Ola Berg", "Berg's wife", "Berg's closest ally": a relative or
        // associate of someone is someone else; only a name in apposition is theirs ("his
        // wife Ana Ruiz", "his rival Ana Ruiz"). An associate's own side may qualify it ("a
        // Conservative challenger"): only who it is an associate of is someone else.
        if self.rules.has("relative_nouns", word)
            && !matches!(rel.name(), "appos" | "flat" | "flat:foreign")
        {
            return false;
        }
        if self.rules.has("associate_nouns", word) && matches!(rel.name(), "nmod:poss" | "nmod") {
            return false;
        }
        if rel != Deprel::NMOD {
            return true;
        }
        // "the leader of the opposition in Russia", "remarks by Jane Doe": only "of", "by" and
        // "from" name who. "Rebels in the Ivory Coast": people of a place are that country's.
        // "A spokesman for Norway": who speaks for someone is theirs. "A camp for refugees":
        // the people a place holds.
        let group = self.rules.has("group_nouns", word);
        let speaks = self.rules.has("representative_nouns", word);
        let holding = self.rules.has("holding_nouns", word);
        self.tree.children[c].iter().any(|&k| {
            let case = self.tree.lower[k].as_ref();
            self.tree.parse.words[k].deprel == Deprel::CASE
                && (self.rules.has("naming_cases", case)
                    || group && self.rules.has("group_place_cases", case)
                    || speaks && self.rules.has("representative_cases", case)
                    || holding && self.rules.has("holding_cases", case))
        })
    }

    /// Who word `w` names when no name qualifies it: a regional people's group ("Darfur
    /// rebels"), the holder of a role ("the chancellor"), what an anaphor points back to, or
    /// whom a common noun owning it stands for ("the government's plans").
    fn unnamed(&self, w: usize) -> Vec<(String, Range<usize>)> {
        if let Some(groups) = self.people_of(w, &[]) {
            return groups;
        }
        if let Some(key) = self.role_holder(w) {
            return vec![(key.to_owned(), self.tree.parse.words[w].span.clone())];
        }
        let own = self.anaphor(w);
        if !own.is_empty() {
            return own;
        }
        // "Ukraine said its drones struck ...", "Norway said its government backed ...", "Ola
        // Berg said his country would ...": the forces, government or country of a pronoun,
        // as the subject, act for whom the pronoun stands. (Not as an object: "withdraw its
        // troops from Lebanon" is done to no one but the place it leaves.)
        if let Some(owner) = self.owning_pronoun(w) {
            return vec![owner];
        }
        // "the government's plans", "the chancellor's budget": a common noun that owns
        // the word names whom it stands for the same way; "the government plans",
        // "government proposals": so does a government before an act it owns (not
        // "government jobs", "government red tape").
        let owned_act = self.rules.has("owned_acts", &self.tree.lower[w]);
        let government_before = |c: usize| {
            owned_act
                && self.tree.parse.words[c].deprel == Deprel::COMPOUND
                && self.rules.has("government_nouns", &self.tree.lower[c])
        };
        self.tree.children[w]
            .iter()
            .copied()
            .filter(|&c| {
                (self.tree.parse.words[c].deprel == Deprel::NMOD_POSS || government_before(c))
                    && matches!(self.tree.parse.words[c].upos, Upos::Noun)
            })
            .find_map(|c| {
                if government_before(c) {
                    return self.government_or_party(c, &["the"]);
                }
                self.role_holder(c)
                    .map(|key| vec![(key.to_owned(), self.tree.parse.words[c].span.clone())])
                    .or_else(|| {
                        // Only a government: "the party's website" is no act on the party.
                        Some(self.anaphor(c)).filter(|v| {
                            !v.is_empty() && self.rules.has("government_nouns", &self.tree.lower[c])
                        })
                    })
            })
            .unwrap_or_default()
    }

    /// For a subject `w` that is an armed force, a government or a country owned by a
    /// pronoun ("its drones", "his government"), whom the pronoun stands for: a country's
    /// office named without a person speaking in the clause above ("Norway's foreign
    /// minister said his government ...") is its country; else what [`Self::pronoun`] finds.
    fn owning_pronoun(&self, w: usize) -> Option<(String, Range<usize>)> {
        let tree = self.tree;
        let word = tree.lower[w].as_ref();
        let owned = self.rules.has("armed_force_nouns", word)
            || self.rules.has("government_nouns", word)
            || self.rules.has("country_nouns", word);
        if tree.parse.words[w].deprel != Deprel::NSUBJ || !owned {
            return None;
        }
        let c = tree.children[w].iter().copied().find(|&c| {
            tree.parse.words[c].deprel == Deprel::NMOD_POSS
                && self.rules.has("possessive_pronouns", &tree.lower[c])
        })?;
        if self.rules.has("person_pronouns", &tree.lower[c]) {
            let mut x = w;
            for _ in 0..6 {
                let Some(h) = tree.parse.words[x].head else {
                    break;
                };
                let subject = tree.children[h].iter().copied().find(|&s| {
                    s != x && s < w && matches!(tree.parse.words[s].deprel.name(), "nsubj")
                });
                if let Some(s) = subject {
                    let hits = self.hits();
                    match self.hit_of_word[s].map(|k| hits[k]) {
                        Some(hit) if matches!(hit.found, Found::Country { .. }) => {
                            return Some((hit.key.clone(), tree.parse.words[c].span.clone()));
                        }
                        _ => break,
                    }
                }
                x = h;
            }
        }
        self.pronoun(c)
    }

    /// "The chancellor", "his home secretary": the one person of the article given that role
    /// so far (in an earlier sentence or this one).
    fn role_holder(&self, w: usize) -> Option<&'h str> {
        let tree = self.tree;
        if !matches!(tree.parse.words[w].upos, Upos::Noun | Upos::Propn) {
            return None;
        }
        let definite = tree.children[w].iter().any(|&c| {
            let rel = tree.parse.words[c].deprel.name();
            (rel == "det" && tree.lower[c] == "the")
                || (rel == "nmod:poss" && tree.parse.words[c].upos == Upos::Pron)
        });
        if !definite {
            return None;
        }
        let mut phrase: Vec<&str> = tree.children[w]
            .iter()
            .filter(|&&c| c < w && matches!(tree.parse.words[c].deprel.name(), "compound" | "amod"))
            .map(|&c| tree.lower[c].as_ref())
            .collect();
        phrase.push(tree.lower[w].as_ref());
        let phrase = phrase.join(" ");
        let mut holders: Vec<&'h str> = Vec::new();
        let mut take = |list: &Vec<(usize, &'h str)>| {
            for &(s, key) in list {
                if s <= self.sentence && !holders.contains(&key) {
                    holders.push(key);
                }
            }
        };
        match self.base.roles.get(&phrase) {
            Some(list) => take(list),
            // "the secretary" for a "Home Secretary": only when one person fits (and never
            // a "Deputy Mayor" for "the mayor").
            None if !phrase.contains(' ') => {
                for (role, list) in &self.base.roles {
                    if role.rsplit(' ').next() == Some(phrase.as_str())
                        && !self.base.qualified.contains(role)
                    {
                        take(list);
                    }
                }
            }
            None => {}
        }
        (holders.len() == 1).then(|| holders[0])
    }

    /// "Both sides", "the two leaders": the actors named before in the sentence, or else in
    /// the sentence before. "These claims": the first actor of the sentence before.
    fn anaphor(&self, w: usize) -> Vec<(String, Range<usize>)> {
        let tree = self.tree;
        let word = tree.lower[w].as_ref();
        let dets: Vec<&str> = tree.children[w]
            .iter()
            .filter(|&&c| {
                matches!(
                    tree.parse.words[c].deprel.name(),
                    "det" | "nummod" | "det:predet"
                )
            })
            .map(|&c| tree.lower[c].as_ref())
            .collect();
        let pair = self.rules.has("pair_words", word)
            && (self.rules.has("pair_quantifiers", word)
                || dets.iter().any(|d| self.rules.has("pair_quantifiers", d)));
        // "this country", "these groups", "this agreement", "these claims": a pointing word
        // before a noun that can name who acts, an act or what someone said points at them;
        // "this year", "that policy" point at no one.
        let pointing = dets.iter().any(|d| self.rules.has("anaphors", d))
            && (tree.trigger_of[w].is_some()
                || [
                    "actor_nouns",
                    "group_nouns",
                    "country_nouns",
                    "government_nouns",
                    "said_nouns",
                ]
                .iter()
                .any(|list| self.rules.has(list, word)));
        let doc = self.base.doc;
        // "near the island", "the country's leaders": the country named last before it, in this
        // sentence or the one before.
        if self.rules.has("country_nouns", word) && dets.contains(&"the") {
            let start = tree.parse.words[w].span.start;
            let named = |h: &&&Hit| {
                matches!(
                    h.found,
                    Found::Country {
                        modifier: false,
                        form: CountryForm::Name | CountryForm::Short,
                        ..
                    }
                )
            };
            let here = self
                .hits()
                .iter()
                .filter(named)
                .filter(|h| doc.tokens[h.tokens.end - 1].span.end <= start)
                .max_by_key(|h| h.tokens.end);
            let before = || {
                let prev = self.sentence.checked_sub(1)?;
                (doc.sentences[prev].block == doc.sentences[self.sentence].block).then_some(())?;
                self.base.by_sentence[prev]
                    .iter()
                    .filter(named)
                    .max_by_key(|h| h.tokens.end)
            };
            return here
                .or_else(before)
                .map(|h| (h.key.clone(), tree.parse.words[w].span.clone()))
                .into_iter()
                .collect();
        }
        if let Some(found) = self.government_or_party(w, &dets) {
            return found;
        }
        if !pair && !pointing {
            return Vec::new();
        }
        let acting = |h: &&&Hit| {
            !matches!(
                h.found,
                Found::Place { .. } | Found::Country { modifier: true, .. }
            )
        };
        let start = tree.parse.words[w].span.start;
        let span = tree.parse.words[w].span.clone();
        let take = |list: &[&Hit], before: Option<usize>| {
            let mut out: Vec<(String, Range<usize>)> = Vec::new();
            for h in list.iter().filter(acting) {
                if before.is_some_and(|b| doc.tokens[h.tokens.end - 1].span.end > b) {
                    continue;
                }
                if !out.iter().any(|(k, _)| *k == h.key) {
                    out.push((h.key.clone(), span.clone()));
                }
            }
            out
        };
        if pair {
            let out = take(self.hits(), Some(start));
            if out.len() >= 2 {
                return out;
            }
        }
        let s = self.sentence;
        let Some(prev) = s.checked_sub(1) else {
            return Vec::new();
        };
        if doc.sentences[prev].block != doc.sentences[s].block {
            return Vec::new();
        }
        let mut out = take(&self.base.by_sentence[prev], None);
        if pair && out.len() >= 2 {
            out
        } else if pointing {
            out.truncate(1);
            out
        } else {
            Vec::new()
        }
    }

    /// "The government", "the party": the one named last, or for a government the home
    /// country's; `None` when the word is neither, or is qualified by words of its own.
    fn government_or_party(&self, w: usize, dets: &[&str]) -> Option<Vec<(String, Range<usize>)>> {
        let tree = self.tree;
        let word = tree.lower[w].as_ref();
        // "accused ministers of ...": members of the government named by no one else are
        // the government (`government_member_nouns`, with no determiner).
        let members = dets.is_empty() && self.rules.has("government_member_nouns", word);
        // "asked Parliament to renew the law", "the parliament voted": the bare word is the
        // legislature of the article's own country (`legislature_nouns`).
        let capital = tree.text[w].starts_with(|c: char| c.is_uppercase());
        let legislature = self.rules.has("legislature_nouns", word)
            && (dets == ["the"] || dets.is_empty() && capital);
        if dets != ["the"] && !members && !legislature {
            return None;
        }
        let bare = |qualifiers: &[&str]| {
            tree.children[w]
                .iter()
                .all(|&c| !qualifiers.contains(&tree.parse.words[c].deprel.name()))
        };
        let start = tree.parse.words[w].span.start;
        let span = tree.parse.words[w].span.clone();
        if legislature && bare(&["amod", "compound", "nmod:poss", "nmod", "flat"]) {
            return Some(
                self.base
                    .home
                    .clone()
                    .map(|key| (key, span))
                    .into_iter()
                    .collect(),
            );
        }
        // "the government", after "the Sudanese government" earlier in the article: the
        // government named last; none named before, the government of the country the
        // article's actors belong to. Only the bare words: "the new government" or "the
        // Chilean government" name their own ("the government of Chile" never comes here:
        // Chile is found under it).
        // ("accused ministers of wasting money": what they did may hang on them.)
        if (members && bare(&["amod", "compound", "nmod:poss", "nmod", "acl:relcl", "flat"]))
            || (self.rules.has("government_nouns", word)
                && bare(&["amod", "compound", "nmod:poss", "acl", "acl:relcl", "flat"]))
        {
            return Some(
                self.base
                    .governments
                    .iter()
                    .rev()
                    .find(|(end, _)| *end <= start)
                    .map(|(_, key)| (*key).to_owned())
                    .or_else(|| self.base.home.clone())
                    .map(|key| (key, span))
                    .into_iter()
                    .collect(),
            );
        }
        // "Critics accused the party of ...": the party named last, in this sentence or the
        // one before ("the party of low taxes" is not pointed back to).
        if self.rules.has("party_nouns", word)
            && bare(&["amod", "compound", "nmod:poss", "nmod", "flat"])
        {
            let s = self.sentence;
            return Some(
                self.base
                    .parties
                    .iter()
                    .rev()
                    .find(|&&(sentence, end, _)| {
                        (sentence == s && end <= start)
                            || (sentence + 1 == s && !self.base.doc.is_heading(sentence))
                    })
                    .map(|&(_, _, key)| (key.to_owned(), span))
                    .into_iter()
                    .collect(),
            );
        }
        None
    }

    /// Whether word `w` is a capital, standing for its country ("Lisbon") or read as a place.
    pub fn is_capital(&self, w: usize) -> bool {
        self.hit_of_word[w].is_some_and(|h| {
            let hit = self.hits()[h];
            match hit.found {
                Found::Country { form, .. } => form == CountryForm::Capital,
                // "the Madrid rail bombing": a capital read as a place.
                Found::Place { .. } => self.base.capitals.contains_key(hit.key.as_str()),
                _ => false,
            }
        })
    }

    /// The places word `w` names, with their display names: a place mention, or a country.
    pub fn places_of(&self, w: usize, names: &BTreeMap<String, String>) -> Vec<PlaceHit> {
        let hits = self.hits();
        with_conjuncts(self.tree, w)
            .into_iter()
            // "in Montenegro province", "the Darfur region": a common noun of place named
            // by the name before it.
            .flat_map(|x| {
                // "the southern Lebanese town of Nabatieh": a town, city or village a
                // country's adjective qualifies lies in that country.
                let place_noun = self.rules.has("place_nouns", &self.tree.lower[x]);
                let naming: Vec<usize> = if self.hit_of_word[x].is_some() {
                    Vec::new()
                } else {
                    self.tree.children[x]
                        .iter()
                        .copied()
                        .filter(|&c| {
                            c < x
                                && match self.tree.parse.words[c].deprel {
                                    Deprel::COMPOUND => true,
                                    Deprel::AMOD => {
                                        place_noun
                                            && self.hit_of_word[c].is_some_and(|h| {
                                                matches!(
                                                    hits[h].found,
                                                    Found::Country {
                                                        form: CountryForm::Adjective,
                                                        ..
                                                    }
                                                )
                                            })
                                    }
                                    // "in Afghanistan's Khost province": the country
                                    // that owns the place.
                                    Deprel::NMOD_POSS => {
                                        place_noun
                                            && self.hit_of_word[c].is_some_and(|h| {
                                                matches!(hits[h].found, Found::Country { .. })
                                            })
                                    }
                                    _ => false,
                                }
                        })
                        .collect()
                };
                std::iter::once(x).chain(naming)
            })
            .filter_map(|x| self.hit_of_word[x])
            .filter_map(|h| {
                let hit = hits[h];
                let (name, country, capital) = match &hit.found {
                    Found::Place { name } => (name.clone(), false, false),
                    Found::Country { form, .. } => (
                        names.get(&hit.key).cloned().unwrap_or_default(),
                        true,
                        *form == CountryForm::Capital,
                    ),
                    _ => return None,
                };
                Some(PlaceHit {
                    key: hit.key.clone(),
                    name,
                    span: self.span_of(hit),
                    country,
                    capital,
                    territory: false,
                })
            })
            .collect()
    }

    /// The actors the pronoun `w` cannot stand for because it commands a name of theirs:
    /// "Why will the minister not wait, he demanded". A singular subject pronoun names no one
    /// inside its own clause (that would be "the minister himself"); "they" may stand for a
    /// group the name is one of.
    fn commanded(&self, w: usize) -> Vec<String> {
        let tree = self.tree;
        let word = self.tree.lower[w].as_ref();
        let hits = self.hits();
        tree.parse.words[w]
            .head
            .filter(|_| {
                self.rules.has("commanding_pronouns", word)
                    && matches!(tree.parse.words[w].deprel.name(), "nsubj" | "nsubj:pass")
            })
            .map(|h| {
                let mut domain = subtree_without(tree, h, w);
                // "Why will the minister not wait, he demanded": a reporting clause the
                // parse hangs from what is reported (a bare "he demanded", or a verb of
                // saying) commands the report as well.
                let bare = !tree.children[h].iter().any(|&c| {
                    matches!(tree.parse.words[c].deprel.name(), "obj" | "ccomp" | "xcomp")
                });
                if tree.parse.words[h].deprel.name() == "parataxis"
                    && (bare || self.rules.has("reporting_verbs", &tree.lower[h]))
                    && let Some(p) = tree.parse.words[h].head
                {
                    domain.extend(subtree_without(tree, p, h));
                }
                domain
            })
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| {
                // Only a name in a core role or a possessor: "deny entry to the United
                // States" and a town's country are places, not the one meant.
                let hit = self.hit_of_word[c]?;
                let mut top = c;
                while let Some(h) = tree.parse.words[top].head
                    && self.hit_of_word[h] == Some(hit)
                {
                    top = h;
                }
                self.rules
                    .has("commanded_relations", tree.parse.words[top].deprel.name())
                    .then_some(hit)
            })
            .map(|h| hits[h].key.clone())
            .collect()
    }
}

/// The words under `top` in the parse, `top` itself among them, leaving out `skip` and the
/// words under it, and a clause that is the subject of `top` ("What Ravi does not say is that
/// he was offered ...", read with "what Ravi does not say" as the outer subject of "offered").
fn subtree_without(tree: &Tree<'_>, top: usize, skip: usize) -> Vec<usize> {
    let mut out = vec![top];
    let mut i = 0;
    while i < out.len() {
        let cur = out[i];
        out.extend(tree.children[cur].iter().copied().filter(|&c| {
            let rel = tree.parse.words[c].deprel.name();
            c != skip && !(cur == top && (rel.starts_with("csubj") || rel == "nsubj:outer"))
        }));
        i += 1;
    }
    out
}
