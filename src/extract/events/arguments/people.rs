//! People groups named in a sentence: "Sudanese rebels", "demonstrators in Baghdad",
//! "Darfur rebels" (the country's people of a kind, not its state).

use std::ops::Range;

use super::SentenceResolver;
use crate::extract::actors::Found;
use crate::extract::parse::Deprel;

mod home_forces;

impl SentenceResolver<'_, '_, '_, '_> {
    /// "Egyptian protesters" read as a protest: the country word `w` that qualifies a group
    /// noun names the group, not the state.
    pub(super) fn group_of_modifier(&self, w: usize) -> Option<Vec<(String, Range<usize>)>> {
        let h = self.tree.parse.words[w].head?;
        if !matches!(
            self.tree.parse.words[w].deprel,
            Deprel::AMOD | Deprel::COMPOUND
        ) || self.hit_of_word[h].is_some()
            || self.group_noun(h).is_none()
        {
            return None;
        }
        let qualifier: Vec<usize> = self.hit_of_word[w].into_iter().collect();
        self.people_of(h, &qualifier)
    }

    /// "Sudanese rebels", "refugees from Chad": a group noun (the lexicon's people groups)
    /// qualified by countries only names those countries' people of that kind, one group per
    /// country, not their states. `found` holds the hits that qualify word `w`.
    pub(super) fn people_of(
        &self,
        w: usize,
        found: &[usize],
    ) -> Option<Vec<(String, Range<usize>)>> {
        if self.hit_of_word[w].is_some() {
            return None;
        }
        // "Police are investigating": the home country's police (`home_force_nouns`).
        if found.is_empty()
            && let Some(home) = self.home_force(w)
        {
            return Some(home);
        }
        let group = self.group_noun(w)?;
        self.group_people(w, &group.id, found)
    }

    /// The kind of people word `w` names: a group noun ("rebels"), or a noun a modifier
    /// makes one ("armed groups", "militant groups": two-word nouns of the group lists).
    fn group_noun(&self, w: usize) -> Option<&crate::extract::events::patterns::PeopleGroup> {
        let tree = self.tree;
        self.rules.people_group(&tree.lower[w]).or_else(|| {
            tree.children[w].iter().find_map(|&c| {
                (c < w
                    && self.hit_of_word[c].is_none()
                    && matches!(tree.parse.words[c].deprel, Deprel::AMOD | Deprel::COMPOUND))
                .then(|| {
                    self.rules
                        .people_group(&format!("{} {}", tree.lower[c], tree.lower[w]))
                })
                .flatten()
            })
        })
    }

    /// "A Karen guerrilla stronghold", "Kampuchean guerrilla camps": a place a group holds
    /// (`holding_nouns`) with a group noun among its modifiers (a plural one, or one that is
    /// in the plural with an "s") is that group's, of the country the names before the group
    /// noun give; the parser hangs those names from the place noun `x`.
    pub(super) fn group_of_holding(&self, x: usize) -> Option<Vec<(String, Range<usize>)>> {
        let tree = self.tree;
        if self.hit_of_word[x].is_some() || !self.rules.has("holding_nouns", &tree.lower[x]) {
            return None;
        }
        let modifiers: Vec<usize> = tree.children[x]
            .iter()
            .copied()
            .filter(|&c| {
                c < x && matches!(tree.parse.words[c].deprel, Deprel::AMOD | Deprel::COMPOUND)
            })
            .collect();
        let (g, group) = modifiers.iter().find_map(|&c| {
            let word = tree.lower[c].as_ref();
            let group = self
                .rules
                .people_group(word)
                .or_else(|| self.rules.people_group(&format!("{word}s")))?;
            self.hit_of_word[c].is_none().then_some((c, group))
        })?;
        let found: Vec<usize> = modifiers
            .iter()
            .chain(&tree.children[g])
            .copied()
            .filter(|&c| c < g)
            .filter_map(|c| self.hit_of_word[c])
            .collect();
        self.group_people(x, &group.id, &found)
    }

    /// The people of the group `id` that word `w` names, qualified by the hits `found` or,
    /// with none, by a regional people among its modifiers.
    fn group_people(
        &self,
        w: usize,
        id: &str,
        found: &[usize],
    ) -> Option<Vec<(String, Range<usize>)>> {
        if found.is_empty() {
            return self.regional_people(w, id);
        }
        let hits = self.hits();
        let word = self.tree.parse.words[w].span.clone();
        let mut out: Vec<(String, Range<usize>)> = Vec::new();
        for &h in found {
            let hit = hits[h];
            let iso = match &hit.found {
                Found::Country { .. } => hit.key.strip_prefix("country:")?,
                // "Demonstrators in Baghdad": a capital named as a place; "rebels in
                // Darfur": a region of the lexicon's regional peoples.
                Found::Place { name } => self
                    .base
                    .capitals
                    .get(hit.key.as_str())
                    .map(String::as_str)
                    .or_else(|| self.rules.people_country(name))?,
                // "Karen guerrillas": a people's one word the tagger took for a person.
                Found::Person { name, .. } if hit.tokens.len() == 1 => {
                    self.rules.people_country(name)?
                }
                _ => return None,
            };
            let key = crate::extract::groups::key(iso, id);
            let name = self.span_of(hit);
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, name.start.min(word.start)..name.end.max(word.end)));
            }
        }
        Some(out)
    }

    /// "Darfur rebels", "Tamil refugees": a regional people (`peoples` in the argument rules)
    /// the parse gives the group noun `w` as a modifier, with no name found in it, names that
    /// country's people of the group `id`.
    fn regional_people(&self, w: usize, id: &str) -> Option<Vec<(String, Range<usize>)>> {
        let tree = self.tree;
        let word = tree.parse.words[w].span.clone();
        let out: Vec<(String, Range<usize>)> = tree.children[w]
            .iter()
            .copied()
            .filter(|&c| {
                c < w
                    && self.hit_of_word[c].is_none()
                    && matches!(tree.parse.words[c].deprel, Deprel::AMOD | Deprel::COMPOUND)
            })
            .filter_map(|c| {
                let iso = self.rules.people_country(tree.text[c])?;
                let start = tree.parse.words[c].span.start;
                Some((
                    crate::extract::groups::key(iso, id),
                    start.min(word.start)..word.end,
                ))
            })
            .take(1)
            .collect();
        (!out.is_empty()).then_some(out)
    }

    /// "The government in Kabul", "the authorities in Beijing", "the regime in Damascus": a
    /// government or authority noun (`seat_nouns`) that no name qualifies, with a capital or
    /// a country after "in" (`seat_cases`), is that country's. The parser often hangs the
    /// "in" phrase of an object on the verb ("criticised the government in Kabul"); one that
    /// opens right after the noun's phrase is taken too. Rebels or protesters in a capital are
    /// that country's people (`group_place_cases`), never its state.
    pub(super) fn seat_of(&self, w: usize) -> Option<usize> {
        let tree = self.tree;
        if !self.rules.has("seat_nouns", &tree.lower[w]) {
            return None;
        }
        let hits = self.hits();
        let seat = |c: usize| {
            let h = self.hit_of_word[c]?;
            let case = tree.children[c]
                .iter()
                .copied()
                .find(|&k| tree.parse.words[k].deprel == Deprel::CASE)?;
            let ok = self.rules.has("seat_cases", &tree.lower[case])
                && match &hits[h].found {
                    Found::Country { .. } => true,
                    Found::Place { .. } => self.base.capitals.contains_key(hits[h].key.as_str()),
                    _ => false,
                };
            ok.then_some((h, case))
        };
        // "UN officials in Baghdad", "the officials of the UN in Baghdad": another name says
        // whose they are.
        if tree.children[w]
            .iter()
            .any(|&c| self.hit_of_word[c].is_some() && seat(c).is_none())
        {
            return None;
        }
        if let Some(h) = tree.children[w]
            .iter()
            .filter(|&&c| c > w && tree.parse.words[c].deprel == Deprel::NMOD)
            .find_map(|&c| seat(c))
        {
            return Some(h.0);
        }
        // The last word of the noun's phrase, for an "in" phrase hung on its verb.
        let mut last = w;
        let mut stack = vec![w];
        while let Some(x) = stack.pop() {
            for &c in &tree.children[x] {
                last = last.max(c);
                stack.push(c);
            }
        }
        let verb = tree.parse.words[w].head?;
        tree.children[verb]
            .iter()
            .filter(|&&c| c > w && tree.parse.words[c].deprel == Deprel::OBL)
            .find_map(|&c| seat(c).filter(|&(_, case)| case == last + 1))
            .map(|(h, _)| h)
    }
}
