//! Pronouns: whom "he", "she", "it" and "they" stand for in an act's sentence.

use std::ops::Range;

use super::SentenceResolver;
use super::with_conjuncts;
use crate::extract::actors::{Found, Hit};
use crate::extract::parse::{Deprel, Upos};
use crate::extract::tokenize::TokenKind;

mod described;

impl SentenceResolver<'_, '_, '_, '_> {
    /// The actors a pronoun or determiner `w` stands for: a relative pronoun's noun, else
    /// what [`Self::pronoun`] finds.
    pub(super) fn pronoun_actors(&self, w: usize) -> Vec<(String, Range<usize>)> {
        if let Some(noun) = self.described_by_relative(w) {
            return self.actors_of(noun);
        }
        let found: Vec<_> = self.pronoun(w).into_iter().collect();
        self.with_conjoined_antecedents(w, found)
    }

    /// "Chile and Peru held their first talks": a plural pronoun (`plural_pronouns`) whose
    /// antecedent is named in its sentence with others joined to it ("Chile and Peru")
    /// stands for all of them, in the order they are named.
    fn with_conjoined_antecedents(
        &self,
        w: usize,
        mut found: Vec<(String, Range<usize>)>,
    ) -> Vec<(String, Range<usize>)> {
        let tree = self.tree;
        if found.len() != 1 || !self.rules.has("plural_pronouns", &tree.lower[w]) {
            return found;
        }
        let hits = self.hits();
        let key = found[0].0.clone();
        let Some(antecedent) =
            (0..w).find(|&a| self.hit_of_word[a].is_some_and(|h| hits[h].key == key))
        else {
            return found;
        };
        let span = found[0].1.clone();
        for c in with_conjuncts(tree, antecedent).into_iter().skip(1) {
            if let Some(h) = self.hit_of_word[c]
                && c < w
                && !found.iter().any(|(k, _)| *k == hits[h].key)
            {
                found.push((hits[h].key.clone(), span.clone()));
            }
        }
        found
    }

    /// "Ana Ruiz, who was criticised by Norway", "Ana Ruiz, whom Norway criticised": a
    /// relative pronoun of people (`people_relatives`) that is the subject or object of a
    /// relative clause stands for the noun the clause describes; one that is only ever an
    /// object (`object_relatives`: "whom") only as the object. "Which" and "that" are left
    /// alone: a thing they stand for ("a resolution that aims to …", "a party which had
    /// learned to occupy …") would lend its names to acts it does not do. Only a relative of
    /// `name_relatives` ("which") set off by a comma right after a country or body named
    /// ("Chile, which accuses Peru of …") stands for that name.
    fn described_by_relative(&self, w: usize) -> Option<usize> {
        let tree = self.tree;
        let rel = tree.parse.words[w].deprel.name();
        let people = self.rules.has("people_relatives", &tree.lower[w]);
        if !matches!(rel, "nsubj" | "nsubj:pass" | "obj")
            || !people && !self.rules.has("name_relatives", &tree.lower[w])
            || rel != "obj" && self.rules.has("object_relatives", &tree.lower[w])
        {
            return None;
        }
        let verb = tree.parse.words[w].head?;
        if tree.parse.words[verb].deprel != Deprel::ACL_RELCL {
            return None;
        }
        let noun = tree.parse.words[verb].head?;
        if !people {
            let set_off = w == noun + 2 && tree.lower[noun + 1] == ",";
            return (set_off && self.hit_of_word[noun].is_some()).then_some(noun);
        }
        (!self.rules.has("people_relatives", &tree.lower[noun])).then_some(noun)
    }

    /// The subject of clause `h`; for an "-ing" clause with none of its own that shares the
    /// subject above ("Chile expelled the diplomats, accusing them of spying"), that one.
    fn clause_subject(&self, h: usize) -> Option<usize> {
        let tree = self.tree;
        let subject_of = |h: usize| {
            tree.children[h]
                .iter()
                .copied()
                .find(|&c| matches!(tree.parse.words[c].deprel.name(), "nsubj" | "nsubj:pass"))
        };
        subject_of(h).or_else(|| {
            let shared =
                tree.parse.words[h].deprel == Deprel::ADVCL && tree.lower[h].ends_with("ing");
            tree.parse.words[h]
                .head
                .filter(|_| shared)
                .and_then(subject_of)
        })
    }

    /// The actor a pronoun stands for: for "he" and "she", the nearest person before it in
    /// the sentence (of the same sex when known), else the first person of the sentence
    /// before; for "it" and "they", the nearest country or body before it in the sentence,
    /// else, when the pronoun opens its sentence, the country or body that opened the one
    /// before.
    pub(super) fn pronoun(&self, w: usize) -> Option<(String, Range<usize>)> {
        let word = self.tree.lower[w].as_ref();
        if self.rules.has("speaker_pronouns", word) {
            return self.speaker(w);
        }
        if self.rules.has("body_speaker_pronouns", word) {
            return self.speakers_body(w);
        }
        let person = if self.rules.has("person_pronouns", word) {
            true
        } else if self.rules.has("body_pronouns", word) {
            false
        } else {
            return None;
        };
        let female_word = self.rules.has("female_pronouns", word);
        let hits = self.hits();
        let tree = self.tree;
        // "Ravi Menon accused him": an object pronoun never names the subject of its own
        // clause, nor that subject's conjuncts (that would be "himself").
        let disjoint = self.rules.has(
            "disjoint_pronoun_relations",
            tree.parse.words[w].deprel.name(),
        );
        let answered = self.answering_verb(w);
        let mut clausemates: Vec<&str> = answered
            .or(tree.parse.words[w].head.filter(|_| disjoint))
            .and_then(|h| self.clause_subject(h))
            .map(|c| with_conjuncts(tree, c))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| self.hit_of_word[c])
            .map(|h| hits[h].key.as_str())
            .collect();
        clausemates.extend(self.named_in_its_object(w));
        let commanded = self.commanded(w);
        let kind_fits = |h: &&&Hit| {
            !clausemates.contains(&h.key.as_str())
                && match h.found {
                    Found::Person { .. } => {
                        person
                            && self
                                .base
                                .female
                                .get(h.key.as_str())
                                .is_none_or(|&f| f == female_word)
                    }
                    Found::Country { modifier, .. } => !person && !modifier,
                    Found::Organization { .. } => !person,
                    Found::Place { .. } => false,
                }
        };
        let fits = |h: &&&Hit| !commanded.contains(&h.key) && kind_fits(h);
        if let Some(key) = self.owner_of_the_reason(w, &fits) {
            return Some((key, self.tree.parse.words[w].span.clone()));
        }
        // The subject of a clause the pronoun's clause hangs from ("Ravi Menon said he ...",
        // "X told Y he would ..."): a named one is the antecedent; an unnamed one ("The party
        // leader said he ...") means the pronoun names no one we know.
        let mut x = w;
        // Whether the subject of a clause the pronoun's clause is only coordinated with was
        // passed over for naming no one we know.
        let mut unnamed_conjunct = false;
        for _ in 0..6 {
            let Some(h) = tree.parse.words[x].head else {
                break;
            };
            let subjects: Vec<usize> = tree.children[h]
                .iter()
                .copied()
                .filter(|&c| {
                    c != x
                        && c < w
                        && matches!(tree.parse.words[c].deprel.name(), "nsubj" | "nsubj:pass")
                })
                .collect();
            if let Some(subject) = subjects
                .first()
                .map(|&s| self.titled_name(s, &subjects).unwrap_or(s))
            {
                if let Some(hit) = self.hit_of_word[subject] {
                    let hit = hits[hit];
                    // "Iraq said it would let them remove doubts Iraq has arms": a name
                    // repeated in the pronoun's clause does not bar the subject above (but
                    // a report set beside it does: "Why will X not wait, he demanded").
                    let above = tree.parse.words[x].deprel != Deprel::PARATAXIS;
                    if if above { kind_fits(&&hit) } else { fits(&&hit) } {
                        return Some((hit.key.clone(), self.tree.parse.words[w].span.clone()));
                    }
                } else if let Some(group) = self.people_pronoun(w, subject, h) {
                    // "Chilean students said they would ...", "... until their demands are
                    // met": "they" are the people the subject names, not their country's
                    // state.
                    return Some(group);
                } else if matches!(tree.parse.words[subject].upos, Upos::Noun)
                    && h != w
                    && (person || tree.parse.words[w].deprel.name() != "nmod:poss")
                {
                    // "Ana Ruiz said a delay would be disastrous and she accused ...": the
                    // subject of a clause the pronoun's clause is coordinated with is not
                    // its antecedent; a clause higher up may name it.
                    if person && tree.parse.words[x].deprel == Deprel::CONJ {
                        unnamed_conjunct = true;
                        x = h;
                        continue;
                    }
                    if person {
                        // "The chancellor said he would ...": a role the article gave one
                        // person is that person; any other unnamed subject is no one known.
                        return self
                            .role_holder(subject)
                            .filter(|&key| {
                                !clausemates.contains(&key)
                                    && !commanded.iter().any(|c| c == key)
                                    && self.base.female.get(key).is_none_or(|&f| f == female_word)
                            })
                            .map(|key| (key.to_owned(), self.tree.parse.words[w].span.clone()));
                    }
                    // "The government said it would ...", "the rules were unlawful as they
                    // allowed ...": "it" is what the noun names, known only by a name that
                    // qualifies it ("Chile's government"), else unknown. A possessive may
                    // still look further ("materials kept during their inquiries").
                    // "The government said it would ...", "the party said it": whom the
                    // reader takes the bare government or party for, when that is one.
                    return tree.children[subject]
                        .iter()
                        .filter_map(|&c| self.hit_of_word[c])
                        .map(|k| hits[k])
                        .find(|hit| fits(&hit))
                        .map(|hit| (hit.key.clone(), self.tree.parse.words[w].span.clone()))
                        .or_else(|| self.government_antecedent(w, subject));
                }
            }
            x = h;
        }
        if unnamed_conjunct {
            return None;
        }
        let hit = self
            .earlier_in_sentence(w, word, &fits)
            .or_else(|| self.in_sentence_before(w, word, person, &fits))?;
        Some((hit.key.clone(), self.tree.parse.words[w].span.clone()))
    }

    /// The one actor the bare government or party noun `subject` stands for, as the pronoun
    /// `w`'s antecedent.
    fn government_antecedent(&self, w: usize, subject: usize) -> Option<(String, Range<usize>)> {
        let word = self.tree.lower[subject].as_ref();
        if !self.rules.has("government_nouns", word) && !self.rules.has("party_nouns", word) {
            return None;
        }
        match self.anaphor(subject).as_slice() {
            [(key, _)] => Some((key.clone(), self.tree.parse.words[w].span.clone())),
            _ => None,
        }
    }

    /// "Tory peer Lord Tebbit said he ...": when the parser makes a title's noun and the
    /// name right after it two subjects of one verb, the name is the subject. Only a noun
    /// with no determiner ("the election the prime minister will ..." is two phrases) before
    /// a capitalized name, with nothing but spaces between.
    fn titled_name(&self, noun: usize, subjects: &[usize]) -> Option<usize> {
        let tree = self.tree;
        let text = self.base.doc.text;
        if self.hit_of_word[noun].is_some()
            || tree.parse.words[noun].upos != Upos::Noun
            || tree.children[noun]
                .iter()
                .any(|&c| tree.parse.words[c].deprel == Deprel::DET)
        {
            return None;
        }
        let end = tree.parse.words[noun].span.end;
        subjects.iter().copied().find(|&c| {
            let start = tree.parse.words[c].span.start;
            self.hit_of_word[c].is_some()
                && start > end
                && text
                    .get(end..start)
                    .is_some_and(|gap| gap.trim().is_empty())
                && text[start..].starts_with(|ch: char| ch.is_uppercase())
        })
    }

    /// The people group ("group:CHL:students") that the unnamed noun `subject`, the subject
    /// of `h`, names, when the pronoun `w` is a plural one ("they", "their") and not `h`.
    fn people_pronoun(&self, w: usize, subject: usize, h: usize) -> Option<(String, Range<usize>)> {
        let tree = self.tree;
        if h == w
            || tree.parse.words[subject].upos != Upos::Noun
            || !self.rules.has("plural_pronouns", &tree.lower[w])
        {
            return None;
        }
        self.actors_of(subject)
            .into_iter()
            .find(|(key, _)| crate::extract::groups::parts(key).is_some())
            .map(|(key, _)| (key, tree.parse.words[w].span.clone()))
    }

    /// The nearest fitting name before the pronoun in its sentence, leaving out names before
    /// an earlier same pronoun, outside its quotation or naming where someone speaks.
    fn earlier_in_sentence(
        &self,
        w: usize,
        word: &str,
        fits: &dyn Fn(&&&Hit) -> bool,
    ) -> Option<&Hit> {
        let doc = self.base.doc;
        let tree = self.tree;
        let hits = self.hits();
        let start = tree.parse.words[w].span.start;
        // A pronoun repeating one before it in the sentence stands for the same one: only
        // names before the first can be it.
        let first_same = tree.lower[..w]
            .iter()
            .position(|l| l == word)
            .map_or(start, |k| tree.parse.words[k].span.start);
        // Inside a quotation ("X, of Y, told Z: 'We have long urged them'"), the words
        // that frame it (who speaks, for whom, to whom) are not who the quote's "them" is.
        let quote_start = opening_quote(doc.text, doc.sentences[self.sentence].span.start, start);
        // "Speaking at the Commonwealth Club, X said ... what it promised": where someone
        // speaks is not who the pronoun is.
        let venue = |i: usize| {
            (0..self.hit_of_word.len()).any(|k| {
                self.hit_of_word[k] == Some(i)
                    && tree.children[k].iter().any(|&c| {
                        tree.parse.words[c].deprel == Deprel::CASE
                            && self.rules.has("venue_cases", &tree.lower[c])
                    })
            })
        };
        // "the death of a Peruvian student in Oslo, it organised ...": a country named only
        // by the adjective of a person or thing is not what "it" or "they" stands for, unless
        // the noun acts for the country ("the Chilean government", "Chilean troops").
        let only_qualifies = |i: usize| {
            matches!(hits[i].found, Found::Country { .. })
                && (0..self.hit_of_word.len()).any(|k| {
                    self.hit_of_word[k] == Some(i)
                        && tree.parse.words[k].upos == Upos::Adj
                        && tree.parse.words[k].deprel == Deprel::AMOD
                        && tree.parse.words[k].head.is_some_and(|n| {
                            matches!(tree.parse.words[n].upos, Upos::Noun | Upos::Propn)
                                && self.hit_of_word[n].is_none()
                                && !self
                                    .rules
                                    .has_in_any("country_acting_noun_lists", &tree.lower[n])
                        })
                })
        };
        // "After the death of leader John Smith in 1994 he stood aside": a name inside a
        // phrase (not a clause) set before the pronoun's verb is not who its subject is.
        let verb = tree.parse.words[w]
            .head
            .filter(|_| matches!(tree.parse.words[w].deprel.name(), "nsubj" | "nsubj:pass"));
        let fronted = |i: usize| {
            let Some(v) = verb else {
                return false;
            };
            (0..w).any(|k| {
                if self.hit_of_word[k] != Some(i) {
                    return false;
                }
                let mut a = k;
                for _ in 0..8 {
                    match tree.parse.words[a].head {
                        Some(h) if h == v => {
                            return tree.parse.words[a].deprel == Deprel::OBL
                                && matches!(tree.parse.words[a].upos, Upos::Noun | Upos::Propn);
                        }
                        Some(h) if h < w => a = h,
                        _ => return false,
                    }
                }
                false
            })
        };
        hits.iter()
            .enumerate()
            .filter(|&(i, _)| !venue(i) && !only_qualifies(i) && !fronted(i))
            .map(|(_, h)| h)
            .filter(|h| doc.tokens[h.tokens.end - 1].span.end <= first_same)
            .filter(|h| quote_start.is_none_or(|q| doc.tokens[h.tokens.start].span.start >= q))
            .filter(fits)
            .max_by_key(|h| h.tokens.start)
            .copied()
    }

    /// When nothing fits before it in its sentence: the first fitting name of the sentence
    /// before, for "he" and "she" anywhere and for "it" and "they" opening their sentence.
    pub(super) fn in_sentence_before(
        &self,
        w: usize,
        word: &str,
        person: bool,
        fits: &dyn Fn(&&&Hit) -> bool,
    ) -> Option<&Hit> {
        let doc = self.base.doc;
        let s = self.sentence;
        let prev = s.checked_sub(1)?;
        // ("But he …", "And then he …": a conjunction or an adverb before "he" or "she"
        // still opens. Not before "they": "They said they would press Labour. And they
        // pledged …" is no act of Labour's.)
        let opens = self.tree.parse.words[..w]
            .iter()
            .all(|x| x.upos == Upos::Punct || person && matches!(x.upos, Upos::Cconj | Upos::Adv));
        // "He" opening a paragraph goes on from the paragraph before (news paragraphs
        // are often one sentence long); anything else stays inside its paragraph.
        let carries_on = person && opens && !doc.is_heading(prev);
        if doc.sentences[prev].block != doc.sentences[s].block && !carries_on {
            return None;
        }
        if !person && !opens {
            return None;
        }
        // "Four men from London have been held by the US. They were detained ...": a
        // plural pronoun opening its sentence goes on with who the sentence before was
        // first about; people named first are not a country or body named after them.
        let first = self.base.by_sentence[prev]
            .iter()
            .min_by_key(|h| h.tokens.start);
        if self.rules.has("plural_pronouns", word)
            && first.is_some_and(|f| matches!(f.found, Found::Person { .. }))
        {
            return None;
        }
        let first_fitting = |p: usize| {
            self.base.by_sentence[p]
                .iter()
                .filter(fits)
                .min_by_key(|h| h.tokens.start)
                .copied()
        };
        if !person {
            return first_fitting(prev);
        }
        // "Mr Kennedy said … . And he said … . But he brushed off …": a sentence opening
        // with the same "he" or "she" goes on with whom that one stood for, not with the
        // names after it ("He arrived … where he met President Bush. He is due to visit …"
        // is not Bush). A sentence that names no fitting person and is all quotation, or
        // where the same pronoun speaks ("'…,' he told the conference. He also attacked
        // …"), is passed over the same way. At most three sentences back, never past a
        // heading.
        let mut p = prev;
        for _ in 0..3 {
            // "…, the party leader said.": whom the description stands for.
            if let Some(hit) = self.described_speaker(p, fits) {
                return Some(hit);
            }
            let found = first_fitting(p);
            let goes_on = self.opens_with(p, word)
                || found.is_none() && (self.all_quoted(p) || self.spoken_by(p, word))
                || found.is_some_and(|f| self.same_pronoun_before(p, f, word));
            if !goes_on {
                return found;
            }
            p = p.checked_sub(1).filter(|&b| !doc.is_heading(b))?;
        }
        None
    }

    /// "The party leader insisted that his work with Ola Berg was lawful. But he said …", "In
    /// a letter he wrote: '… Ola Berg …'. He also said …": whether sentence `s` speaks of
    /// someone of the same sex as `word` before the name `found` (a "he" or "she" before it,
    /// or any such pronoun when the sentence opens with a description, `description_openers`);
    /// that sentence is about someone before the name, and a "he" going on from it is not the
    /// name. ("During his speech Ravi Menon said …": a possessive before the name in a phrase
    /// set before it is the name.)
    fn same_pronoun_before(&self, s: usize, found: &Hit, word: &str) -> bool {
        let doc = self.base.doc;
        let female = self.rules.has("female_pronouns", word);
        let mut words = doc.tokens[doc.sentences[s].tokens.start..found.tokens.start]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .filter_map(|t| doc.text.get(t.span.clone()));
        let Some(first) = words.next() else {
            return false;
        };
        let described = self.rules.has("description_openers", first);
        std::iter::once(first).chain(words).any(|t| {
            self.rules.has("person_pronouns", t)
                && self.rules.has("female_pronouns", t) == female
                && (described || self.rules.has("person_subject_pronouns", t))
        })
    }

    /// Whether every word of sentence `s` is inside a quotation.
    fn all_quoted(&self, s: usize) -> bool {
        let doc = self.base.doc;
        let span = &doc.sentences[s].span;
        let Some(quotes) = quotations(doc.text, span) else {
            return false;
        };
        !quotes.is_empty()
            && doc.tokens[doc.sentences[s].tokens.clone()]
                .iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .all(|t| quotes.iter().any(|q| q.contains(&t.span.start)))
    }

    /// Whether sentence `s` gives its words to `word` after a comma or a closing quotation
    /// mark ("…, he said.", "'…,' she told the BBC.").
    fn spoken_by(&self, s: usize, word: &str) -> bool {
        let doc = self.base.doc;
        let tokens = &doc.tokens[doc.sentences[s].tokens.clone()];
        let text = |k: usize| doc.text.get(tokens[k].span.clone()).unwrap_or("");
        (1..tokens.len().saturating_sub(1)).any(|k| {
            text(k).eq_ignore_ascii_case(word)
                && matches!(text(k - 1), "," | "\"" | "\u{201d}")
                && self.rules.has("reporting_verbs", text(k + 1))
        })
    }

    /// Whether sentence `s` opens with `word` (any case), after punctuation and the words
    /// that may stand before a sentence's subject (`subject_openers`: "and", "but", "as").
    fn opens_with(&self, s: usize, word: &str) -> bool {
        let doc = self.base.doc;
        doc.tokens[doc.sentences[s].tokens.clone()]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .filter_map(|t| doc.text.get(t.span.clone()))
            .find(|t| !self.rules.has("subject_openers", t))
            .is_some_and(|t| t.eq_ignore_ascii_case(word))
    }
}

/// Where the quotation holding byte `at` opens, when an odd number of quotation marks
/// stands between the sentence's start and `at`.
fn opening_quote(text: &str, sentence_start: usize, at: usize) -> Option<usize> {
    let mut open = None;
    for (i, c) in text.get(sentence_start..at)?.char_indices() {
        match c {
            '"' => {
                open = if open.is_some() {
                    None
                } else {
                    Some(sentence_start + i)
                }
            }
            '\u{201c}' => open = Some(sentence_start + i),
            '\u{201d}' => open = None,
            _ => {}
        }
    }
    open
}

/// The byte ranges of the quotations of a sentence. A straight mark opens after a space, an
/// opening bracket or a colon and before a word; it closes after a word or a punctuation
/// mark and before a space, punctuation or the end. A quotation closing with no opening
/// mark began before the sentence; one opening with no closing mark runs to its end; a lone
/// mark at the end after a space opens the next sentence's. `None` when a mark is neither
/// or the marks do not pair up.
pub(super) fn quotations(text: &str, span: &Range<usize>) -> Option<Vec<Range<usize>>> {
    let body = text.get(span.clone())?;
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut first = true;
    // Only the marks are visited; the characters beside each are read from the text.
    for (i, mark) in body.match_indices(['"', '\u{201c}', '\u{201d}']) {
        let c = mark.chars().next().unwrap_or('"');
        let before = body[..i].chars().next_back();
        let after = body[i + mark.len()..].chars().next();
        let opening = match c {
            '\u{201c}' => true,
            '\u{201d}' => false,
            _ => {
                let opens = before.is_none_or(|b| b.is_whitespace() || "([:".contains(b))
                    && after.is_some_and(|a| !a.is_whitespace());
                let closes = before.is_some_and(|b| !b.is_whitespace())
                    && after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation());
                match (opens, closes) {
                    (true, false) => true,
                    (false, true) => false,
                    _ if after.is_none() => continue,
                    _ => return None,
                }
            }
        };
        let at = span.start + i;
        match (opening, open) {
            (true, None) => open = Some(at),
            (false, Some(start)) => {
                out.push(start..at + c.len_utf8());
                open = None;
            }
            (false, None) if first => out.push(span.start..at + c.len_utf8()),
            _ => return None,
        }
        first = false;
    }
    if let Some(start) = open {
        out.push(start..span.end);
    }
    Some(out)
}

impl SentenceResolver<'_, '_, '_, '_> {
    /// "The UN condemned Chile for its attacks", "Norway imposed sanctions on Chile over their
    /// crackdown": a possessive pronoun in the reason an act gives (a phrase of
    /// `reason_cases` on the verb) stands for whom the act is aimed at, named as the verb's
    /// object or after one of `target_cases`, not for its subject.
    fn owner_of_the_reason(&self, w: usize, fits: &dyn Fn(&&&Hit) -> bool) -> Option<String> {
        let tree = self.tree;
        let words = &tree.parse.words;
        if words[w].deprel != Deprel::NMOD_POSS {
            return None;
        }
        let reason = words[w].head?;
        let case_of = |x: usize, list: &str| {
            tree.children[x]
                .iter()
                .any(|&k| words[k].deprel == Deprel::CASE && self.rules.has(list, &tree.lower[k]))
        };
        if words[reason].deprel != Deprel::OBL || !case_of(reason, "reason_cases") {
            return None;
        }
        let verb = words[reason].head?;
        let hits = self.hits();
        tree.children[verb]
            .iter()
            .copied()
            .filter(|&c| {
                c < w
                    && (words[c].deprel == Deprel::OBJ
                        || words[c].deprel == Deprel::OBL && case_of(c, "target_cases"))
            })
            .filter_map(|c| self.hit_of_word[c])
            .map(|h| hits[h])
            .find(|hit| fits(&hit))
            .map(|hit| hit.key.clone())
    }

    /// "He urged the chancellor to admit …", "it would allow the return of U.N. inspectors":
    /// a subject pronoun `w` never names one its own verb's object names (that would be
    /// "himself", "its own"). The keys of the names and role holders in that object.
    fn named_in_its_object(&self, w: usize) -> Vec<&str> {
        let tree = self.tree;
        let hits = self.hits();
        let mut out = Vec::new();
        if tree.parse.words[w].deprel != Deprel::NSUBJ {
            return out;
        }
        let Some(h) = tree.parse.words[w].head else {
            return out;
        };
        let mut stack: Vec<usize> = tree.children[h]
            .iter()
            .copied()
            .filter(|&c| matches!(tree.parse.words[c].deprel.name(), "obj" | "iobj"))
            .collect();
        while let Some(x) = stack.pop() {
            if let Some(k) = self.hit_of_word[x] {
                out.push(hits[k].key.as_str());
            } else if let Some(key) = self.role_holder(x) {
                out.push(key);
            }
            stack.extend(tree.children[x].iter().copied());
        }
        out
    }

    /// "Ravi Menon welcomed his apology": the verb that answers an act the possessive `w`
    /// owns (welcomed, criticised, accepted); its subject is someone else than the owner,
    /// unless the act is their "own".
    fn answering_verb(&self, w: usize) -> Option<usize> {
        let tree = self.tree;
        (tree.parse.words[w].deprel == Deprel::NMOD_POSS)
            .then_some(tree.parse.words[w].head)
            .flatten()
            .filter(|&a| {
                tree.parse.words[a].deprel == Deprel::OBJ
                    && self.rules.has("owned_acts", &tree.lower[a])
                    && !tree.children[a].iter().any(|&c| tree.lower[c] == "own")
            })
            .and_then(|a| tree.parse.words[a].head)
            .filter(|&v| self.rules.has("answering_verbs", &tree.lower[v]))
    }
}
