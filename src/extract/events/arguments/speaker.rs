//! The speaker of a quotation: whom "I", "me" and "my" inside it stand for.

use std::ops::Range;

use super::SentenceResolver;
use super::pronoun::quotations;
use crate::extract::actors::{Found, Hit};
use crate::extract::events::patterns::in_list;
use crate::extract::parse::Deprel;
use crate::extract::tokenize::TokenKind;

/// Whom the reporting verbs of a sentence give its words to.
enum Said {
    /// No reporting verb with a subject stands outside the quotation.
    NoVerb,
    /// They name different ones.
    Unknown,
    /// Their subject (this word) names no person we know.
    Unnamed(usize),
    /// This person, named by this word.
    By(String, usize),
}

impl SentenceResolver<'_, '_, '_, '_> {
    /// "Ravi Menon said: 'I will ask Parliament …'", "'I have resigned,' he said": a first
    /// person pronoun (`speaker_pronouns`) inside a quotation stands for the person the
    /// sentence gives the words to, the subject of its reporting verbs outside the quotation
    /// when they all name the same one; a quotation that runs on from an earlier sentence
    /// with no reporting verb here is the opening sentence's speaker. An unnamed speaker ("a
    /// spokesman said"), one that is not a person, or a first person outside quotation
    /// marks: no one.
    pub(super) fn speaker(&self, w: usize) -> Option<(String, Range<usize>)> {
        let (said, ran_on) = self.said(w)?;
        let key = match said {
            Said::By(key, _) => key,
            Said::NoVerb if ran_on => self.opening_speaker()?,
            Said::NoVerb | Said::Unnamed(_) | Said::Unknown => return None,
        };
        Some((key, self.tree.parse.words[w].span.clone()))
    }

    /// "Ravi Menon, of the Farmers Union, said: 'We will …'", "A Farmers Union spokesman said:
    /// 'We …'", "The Farmers Union said: 'We …'": "we", "us", "our" (`body_speaker_pronouns`)
    /// inside a quotation stand for the one organization the sentence ties its speaker to:
    /// the speaker itself, or one named in the speaker's own phrase (before a role noun, in
    /// an "of" phrase or a possessive). A speaker tied to no organization: the country that
    /// speaks, or the one country named in the phrase of a state's office or body that
    /// speaks ("'We will support Peru,' the Chilean president said": `state_nouns`). A
    /// person tied to a country by no such office ("we" of a party's minister may be the
    /// government, the party or everyone): no one.
    pub(super) fn speakers_body(&self, w: usize) -> Option<(String, Range<usize>)> {
        let (said, _) = self.said(w)?;
        let subject = match said {
            Said::By(_, subject) | Said::Unnamed(subject) => subject,
            Said::NoVerb | Said::Unknown => return None,
        };
        let key = self
            .body_of(subject)
            .or_else(|| self.country_of_office(subject))?;
        Some((key, self.tree.parse.words[w].span.clone()))
    }

    /// The country `subject` is, or the one country named right under it (an adjective, a
    /// possessive, a compound or an "of" phrase) when it is a state's office or body
    /// (`state_nouns`: "the Chilean president", "Peru's foreign ministry").
    fn country_of_office(&self, subject: usize) -> Option<String> {
        let tree = self.tree;
        let hits = self.hits();
        let country = |x: usize| {
            self.hit_of_word[x]
                .map(|h| hits[h])
                .filter(|h| matches!(h.found, Found::Country { .. }))
        };
        if let Some(h) = country(subject) {
            return Some(h.key.clone());
        }
        if self.hit_of_word[subject].is_some()
            || !self.rules.has("state_nouns", &tree.lower[subject])
        {
            return None;
        }
        let mut found: Option<&str> = None;
        for &c in &tree.children[subject] {
            let rel = tree.parse.words[c].deprel;
            if !matches!(
                rel,
                Deprel::AMOD | Deprel::NMOD_POSS | Deprel::COMPOUND | Deprel::NMOD
            ) {
                continue;
            }
            match country(c) {
                Some(h) if found.is_some_and(|k| k != h.key) => return None,
                Some(h) => found = Some(h.key.as_str()),
                None => {}
            }
        }
        found.map(str::to_owned)
    }

    /// Whom the reporting verbs of `w`'s sentence give the quotation holding `w` to, and
    /// whether that quotation began before the sentence. `None` when `w` is in no quotation
    /// or in one the speaker quotes.
    fn said(&self, w: usize) -> Option<(Said, bool)> {
        let doc = self.base.doc;
        let span = &doc.sentences[self.sentence].span;
        let quotes = quotations(doc.text, span)?;
        let at = self.tree.parse.words[w].span.start;
        // Whether the quotation began before this sentence: it closes with no mark opening
        // it here, or the sentence has no marks and one opened before is still open.
        let ran_on = match quotes.iter().find(|q| q.contains(&at)) {
            // A first person in a quotation the speaker quotes is someone else.
            Some(q) if nested(doc.text, q, at) => return None,
            Some(q) => q.start == span.start,
            None if quotes.is_empty() && self.opening_sentence(self.sentence).is_some() => true,
            None => return None,
        };
        let inside = |x: usize| {
            let at = self.tree.parse.words[x].span.start;
            quotes.iter().any(|q| q.contains(&at)) || quotes.is_empty()
        };
        Some((self.speaker_here(&inside), ran_on))
    }

    /// The one organization word `subject` is or names in its own phrase.
    fn body_of(&self, subject: usize) -> Option<String> {
        let tree = self.tree;
        let hits = self.hits();
        let organization = |x: usize| {
            self.hit_of_word[x]
                .map(|h| hits[h])
                .filter(|h| matches!(h.found, Found::Organization { .. }))
        };
        if let Some(h) = organization(subject) {
            return Some(h.key.clone());
        }
        let mut found: Option<&str> = None;
        let mut stack = vec![(subject, true)];
        while let Some((x, top)) = stack.pop() {
            for &c in &tree.children[x] {
                if !self
                    .rules
                    .has("speaker_body_relations", tree.parse.words[c].deprel.name())
                {
                    continue;
                }
                match organization(c) {
                    Some(h) if found.is_some_and(|k| k != h.key) => return None,
                    Some(h) => found = Some(h.key.as_str()),
                    // Through one role noun: "Salvation Army spokesman Ravi Menon".
                    None if top && self.hit_of_word[c].is_none() => stack.push((c, false)),
                    None => {}
                }
            }
        }
        found.map(str::to_owned)
    }

    /// The person the reporting verbs outside the quotation give the words to.
    fn speaker_here(&self, inside: &dyn Fn(usize) -> bool) -> Said {
        let tree = self.tree;
        let hits = self.hits();
        let mut speaker = Said::NoVerb;
        // (The list is looked up once, not for every word.)
        let Some(reporting) = self.rules.lists.get("reporting_verbs") else {
            return speaker;
        };
        for v in 0..tree.lower.len() {
            if inside(v) || !in_list(reporting, &tree.lower[v]) {
                continue;
            }
            let subject_of = |x: usize| {
                tree.children[x]
                    .iter()
                    .copied()
                    .find(|&c| tree.parse.words[c].deprel.name() == "nsubj")
            };
            // "Ana Ruiz criticised the plans, saying: '…'": a reporting verb with no subject
            // of its own, hung on a verb's clause, speaks for that verb's subject.
            let Some(subject) = subject_of(v).or_else(|| {
                tree.parse.words[v]
                    .head
                    .filter(|_| {
                        self.rules.has(
                            "speaking_clause_relations",
                            tree.parse.words[v].deprel.name(),
                        )
                    })
                    .filter(|&h| !inside(h))
                    .and_then(subject_of)
            }) else {
                continue;
            };
            let key = match self.hit_of_word[subject] {
                Some(h) => {
                    let hit = hits[h];
                    matches!(hit.found, Found::Person { .. }).then(|| hit.key.clone())
                }
                None if self.rules.has("person_pronouns", &tree.lower[subject]) => {
                    self.pronoun(subject).map(|(key, _)| key)
                }
                // "The prime minister said: '…'": a role the article gave one person.
                None => self.role_holder(subject).map(str::to_owned),
            };
            match (&speaker, key) {
                (Said::NoVerb, Some(k)) => speaker = Said::By(k, subject),
                (Said::NoVerb, None) => speaker = Said::Unnamed(subject),
                (Said::By(s, _), Some(k)) if *s == k => {}
                (Said::Unnamed(s), None) if *s == subject => {}
                _ => return Said::Unknown,
            }
        }
        speaker
    }

    /// The sentence before the current one where the quotation it is in opened: the nearest
    /// one before whose last quotation runs to its end, passing over sentences with no
    /// marks; at most three back, in the same paragraph.
    fn opening_sentence(&self, s: usize) -> Option<usize> {
        let doc = self.base.doc;
        let mut p = s;
        for _ in 0..3 {
            p = p.checked_sub(1)?;
            if doc.sentences[p].block != doc.sentences[s].block || doc.is_heading(p) {
                return None;
            }
            let span = &doc.sentences[p].span;
            // A lone mark after a space at the sentence's end opens the next one's quotation.
            let body = doc.text.get(span.clone())?.trim_end();
            if body
                .strip_suffix(['"', '\u{201c}'])
                .is_some_and(|b| b.ends_with(char::is_whitespace))
            {
                return Some(p);
            }
            let quotes = quotations(doc.text, span)?;
            let Some(last) = quotes.last() else {
                continue;
            };
            let body = doc.text.get(last.clone()).unwrap_or("");
            let closed = body.ends_with(['"', '\u{201d}']) && body.len() > 1;
            let opened_here = last.start > span.start || quotes.len() > 1;
            return (!closed && opened_here).then_some(p);
        }
        None
    }

    /// The speaker of the sentence where the current sentence's quotation opened, read from
    /// its words alone (it may have no parse): the one person named outside its quotation,
    /// right before or after a reporting verb outside it ("Ravi Menon said: '…", "…, said
    /// Ravi Menon").
    fn opening_speaker(&self) -> Option<String> {
        let doc = self.base.doc;
        let p = self.opening_sentence(self.sentence)?;
        let quotes = quotations(doc.text, &doc.sentences[p].span)?;
        let outside = |at: usize| !quotes.iter().any(|q| q.contains(&at));
        let tokens = doc.sentences[p].tokens.clone();
        let words: Vec<usize> = tokens
            .filter(|&t| {
                doc.tokens[t].kind != TokenKind::Punct && outside(doc.tokens[t].span.start)
            })
            .collect();
        let text = |t: usize| doc.text.get(doc.tokens[t].span.clone()).unwrap_or("");
        let people: Vec<_> = self.base.by_sentence[p]
            .iter()
            .filter(|h| matches!(h.found, Found::Person { .. }))
            .filter(|h| outside(doc.tokens[h.tokens.start].span.start))
            .collect();
        let Some(first) = people.first() else {
            return self.opening_pronoun_speaker(&words);
        };
        if people.iter().any(|h| h.key != first.key) {
            return None;
        }
        let next_to_verb = |h: &&&Hit| {
            let before = words.iter().position(|&t| t == h.tokens.end - 1);
            let after = words.iter().position(|&t| t == h.tokens.start);
            before.is_some_and(|k| {
                words[k + 1..]
                    .iter()
                    .take(2)
                    .any(|&t| self.rules.has("reporting_verbs", text(t)))
            }) || after
                .is_some_and(|k| k > 0 && self.rules.has("reporting_verbs", text(words[k - 1])))
        };
        people.iter().any(next_to_verb).then(|| first.key.clone())
    }

    /// The person a "he" or "she" gives the words to among the opening sentence's `words`
    /// outside its quotation ("She added: '…"), found as for a "he" or "she" opening the
    /// current sentence that goes on from the sentences before.
    fn opening_pronoun_speaker(&self, words: &[usize]) -> Option<String> {
        let doc = self.base.doc;
        let text = |t: usize| doc.text.get(doc.tokens[t].span.clone()).unwrap_or("");
        let k = (0..words.len().saturating_sub(1)).find(|&k| {
            self.rules.has("person_subject_pronouns", text(words[k]))
                && self.rules.has("reporting_verbs", text(words[k + 1]))
        })?;
        let word = text(words[k]).to_ascii_lowercase();
        let female = self.rules.has("female_pronouns", &word);
        let fits = |h: &&&Hit| {
            matches!(h.found, Found::Person { .. })
                && self
                    .base
                    .female
                    .get(h.key.as_str())
                    .is_none_or(|&f| f == female)
        };
        // (As a pronoun opening the current sentence: before its word 0.)
        self.in_sentence_before(0, &word, true, &fits)
            .map(|h| h.key.clone())
    }
}

/// "'… he said, 'look, I need your help,'" …": whether the first person at byte `at` stands
/// inside a quotation nested in `quote` with single marks (one opening after a space or
/// colon before it, or one closing right before a double mark after it); its "I" is someone
/// the speaker quotes.
fn nested(text: &str, quote: &Range<usize>, at: usize) -> bool {
    let Some(body) = text.get(quote.clone()) else {
        return false;
    };
    body.match_indices(['\'', '\u{2018}', '\u{2019}'])
        .any(|(i, mark)| {
            let before = body[..i].chars().next_back();
            let after = body[i + mark.len()..].chars().next();
            let opens = before.is_none_or(|b| b.is_whitespace() || b == ':')
                && after.is_some_and(char::is_alphanumeric);
            let closes_the_outer = after.is_some_and(|a| matches!(a, '"' | '\u{201d}'));
            opens && quote.start + i < at || closes_the_outer && quote.start + i > at
        })
}
