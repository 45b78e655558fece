//! One sentence under detection: its words, the tokens already claimed, the hits found so far,
//! and the questions every stage asks of them.

use crate::extract::doc::Doc;
use crate::extract::gazetteer::Gazetteer;
use crate::extract::lexicon::CountryForm;
use crate::extract::lexicon::Lexicon;
use crate::extract::lexicon::Target;
use crate::extract::tokenize::TokenKind;
use std::ops::Range;

use super::words::{follower_word, member_word};
use crate::extract::rules::Named;

use super::{Found, Hit, SpanTrace, is_capitalized};

pub(super) struct SentenceCtx<'d, 'a> {
    pub(super) doc: &'d Doc<'a>,
    pub(super) lex: &'d Lexicon,
    pub(super) words: Vec<&'a str>,
    pub(super) start: usize,
    pub(super) sentence: usize,
    pub(super) heading: bool,
    pub(super) taken: Vec<bool>,
    pub(super) hits: Vec<Hit>,
    /// How each span the tagger labelled was decided.
    pub(super) traces: Vec<SpanTrace>,
    /// `lex.names.longest_at` for every word, looked up once.
    pub(super) names_at: Vec<Option<(usize, Target)>>,
    /// `lex.titles.longest_at` for every word, looked up once.
    pub(super) titles_at: Vec<Option<(usize, Target)>>,
    /// `lex.issue_table.longest_at` for every word, looked up once.
    pub(super) issues_at: Vec<Option<(usize, Target)>>,
    /// The entity tagger's label for every word (ids into `ner::LABELS`) and how much more
    /// that label scored than `O` on the word's own evidence.
    pub(super) tagged: (Vec<usize>, Vec<f32>),
    /// Acronyms the article spells out in plain words ("gross domestic product (GDP)"): terms,
    /// not names.
    pub(super) terms: &'d std::collections::HashSet<&'a str>,
    /// Words the article writes right after a given name ("Neil Jordan"): a surname there,
    /// which may stand alone later ("Jordan said").
    pub(super) surnames: &'d std::collections::HashSet<&'a str>,
    /// Whether case tells nothing of names in this sentence ([`Self::reads_case_blind`]),
    /// read once when the context is built.
    pub(super) case_blind: bool,
    /// Whether the spans' decisions are written to `traces` ([`super::detect_traced`]).
    pub(super) tracing: bool,
}

impl SentenceCtx<'_, '_> {
    /// How many words the tagger's person starting at local `j` has (0: none starts there).
    pub(super) fn tagged_person_at(&self, j: usize) -> usize {
        let label = |k: usize| {
            self.tagged
                .0
                .get(k)
                .map(|&l| crate::extract::ner::LABELS[l])
        };
        if label(j) != Some("B-PER") {
            return 0;
        }
        1 + (j + 1..self.words.len())
            .take_while(|&k| label(k) == Some("I-PER"))
            .count()
    }

    /// Whether the sentence is written in capitals ("SOUTH AFRICA BEAT ALL BLACKS 32-22"):
    /// two words with letters or more, none in lower case.
    pub(super) fn in_capitals(&self) -> bool {
        let mut lettered = self
            .words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic));
        lettered.clone().count() >= 2 && lettered.all(|w| !w.chars().any(char::is_lowercase))
    }

    /// Whether the sentence is written so that case tells nothing of names: in capitals, a
    /// line of names and figures with at most one word starting in lower case ("Reading 2
    /// Stoke 2", "Queen of South 3 2 0 1 5 4 6"), or a list of names with no such word
    /// ("Green, Jerry Kelly, Tim Simpson").
    pub(super) fn reads_case_blind(&self) -> bool {
        let mut lettered = 0;
        let mut lower_initial = 0;
        let mut figures = 0;
        let mut separators = 0;
        for w in &self.words {
            if w.chars().any(char::is_alphabetic) {
                lettered += 1;
                if w.chars().next().is_some_and(char::is_lowercase) {
                    lower_initial += 1;
                }
            } else if w.chars().any(|c| c.is_ascii_digit()) {
                figures += 1;
            } else if matches!(*w, "," | ";") {
                separators += 1;
            }
        }
        let listing = (figures >= 2 && lower_initial <= 1 && lettered >= 1)
            || (separators >= 2 && lower_initial == 0);
        self.in_capitals() || listing
    }

    pub(super) fn global(&self, local: Range<usize>) -> Range<usize> {
        local.start + self.start..local.end + self.start
    }

    pub(super) fn free(&self, r: Range<usize>) -> bool {
        r.end <= self.taken.len() && !self.taken[r].iter().any(|&t| t)
    }

    pub(super) fn take(&mut self, r: Range<usize>, found: Found) {
        for t in &mut self.taken[r.clone()] {
            *t = true;
        }
        let tokens = self.global(r);
        self.hits.push(Hit {
            tokens,
            sentence: self.sentence,
            found,
            key: String::new(),
        });
    }

    pub(super) fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[self.start + i].kind
    }

    pub(super) fn joined_to_previous(&self, i: usize) -> bool {
        !self.doc.tokens[self.start + i].space_before
    }

    /// Could `words[i]` start or continue a personal name?
    pub(super) fn name_word(&self, i: usize) -> bool {
        let w = self.words[i];
        self.kind(i) == TokenKind::Word
            && is_capitalized(w)
            && !self.taken[i]
            && !self.lex.never_names.contains(w)
            && self.titles_at[i].is_none()
            && match self.names_at[i] {
                // "spokesman Bob Wellington": a capital after a given name is a surname.
                Some((1, Target::Country(_, CountryForm::Capital))) => {
                    i > 0 && self.lex.is_given_name(self.words[i - 1])
                }
                Some((_, Target::Country(..) | Target::Organization(_))) => false,
                _ => true,
            }
    }

    /// Length of the personal name starting at `i` (0 if none), up to four words; hyphenated
    /// parts ("Jae-myung") and particles ("bin", "van") stay inside.
    /// The start of an organization's name that the tagger began too late: "Pro-Life
    /// Alliance", "Workers' Educational Association", "Fraser of Allander Institute".
    pub(super) fn organization_head(&self, start: usize, end: usize) -> usize {
        let headed = end > start
            && self
                .lex
                .rules
                .set(Named::OrganizationHeads)
                .contains(self.words[end - 1]);
        let mut i = start;
        while i >= 2 && !self.taken[i - 1] && !self.taken[i - 2] {
            let before = self.words[i - 2];
            let glued = matches!(self.words[i - 1], "-" | "'" | "’")
                && self.joined_to_previous(i - 1)
                && (self.words[i - 1] != "-" || self.joined_to_previous(i));
            let of = self.words[i - 1] == "of"
                && !self.lex.is_common_word(before)
                && (i == 2 || !is_capitalized(self.words[i - 3]));
            // "Health and Safety Executive", "Public and Commercial Services Union",
            // "the Commons Standards and Privileges Committee".
            let and = self.words[i - 1] == "and"
                && headed
                && (i == 2
                    || !is_capitalized(self.words[i - 3])
                    || self.lex.is_common_word(before));
            if is_capitalized(before)
                && before.chars().all(char::is_alphabetic)
                && (glued || of || and)
            {
                i -= 2;
            } else {
                break;
            }
        }
        // "Greater Manchester Police", "Royal Mail": a qualifier that starts names.
        if i >= 1
            && !self.taken[i - 1]
            && self
                .lex
                .rules
                .set(Named::NameQualifiers)
                .contains(self.words[i - 1])
        {
            i -= 1;
        }
        i
    }

    pub(super) fn name_run(&self, i: usize) -> usize {
        if i >= self.words.len() || !self.name_word(i) {
            return 0;
        }
        let mut j = i + 1;
        let mut words = 1;
        while j < self.words.len() && words < 4 {
            let w = self.words[j];
            // (Only a capitalized part here, where no tagger vouches for the name: "Oscar-
            // nominated" is no one.)
            if w == "-"
                && j + 1 < self.words.len()
                && self.hyphenated_piece(j + 1)
                && is_capitalized(self.words[j + 1])
            {
                j += 2;
                continue;
            }
            // "Tom McCabe MSP": letters after a name end it.
            if self.lex.rules.set(Named::PostNominals).contains(w) {
                break;
            }
            if self.lex.rules.set(Named::NameParticles).contains(w)
                && j + 1 < self.words.len()
                && self.name_word(j + 1)
            {
                j += 2;
                words += 1;
                continue;
            }
            if self.name_word(j) {
                j += 1;
                words += 1;
            } else {
                break;
            }
        }
        j - i
    }

    /// Whether the name at `i..i + len` is used as a place: after a locative preposition
    /// ("in Manila", "near Beijing"), or as the dateline that opens a paragraph ("MANILA, March
    /// 2 —", "BRUSSELS –").
    pub(super) fn is_place_use(&self, i: usize, len: usize) -> bool {
        let locative = i > 0 && {
            let mut k = i - 1;
            if self.words[k].eq_ignore_ascii_case("the") && k > 0 {
                k -= 1;
            }
            self.lex.rules.set(Named::Locatives).contains(self.words[k])
        };
        let dateline = i == 0 && self.opens_block() && {
            let all_caps = self.words[..len]
                .iter()
                .all(|w| w.chars().all(|c| !c.is_lowercase()));
            let next = self.words.get(len).copied().unwrap_or("");
            all_caps || matches!(next, "—" | "–" | "-")
        };
        // "By staff — Addis Ababa": a name after a dash that ends the sentence.
        let byline = i > 0
            && i + len == self.words.len()
            && matches!(self.words[i - 1], "—" | "–" | "-" | "|");
        // "the Brussels talks", "the Malaysia meeting": the name says where they are held;
        // "the Madrid rail bombing", "the Berlin blockade": where the blow fell.
        let venue_at = |k: usize, meetings: bool| {
            matches!(
                self.lex.trigger_table.longest_at(&self.words, k),
                Some((_, Target::Trigger(t)))
                    if (meetings
                        && matches!(self.lex.triggers[t].category.as_str(), "CONSULT" | "AGREE"))
                        || self.lex.triggers[t].category == "ASSAULT"
                        || self.lex.triggers[t].kind == "blockade"
            )
        };
        // (Only as a noun's qualifier after a determiner: "Moscow attacked" is Moscow acting,
        // and so are "Kyiv held talks", "Tokyo pledged", "Moscow agreed": a meeting's or an
        // agreement's trigger is a verb as often as a noun.)
        let determined = i > 0
            && (self
                .lex
                .rules
                .set(Named::QualifierDeterminers)
                .contains(self.words[i - 1])
                || self.words[i - 1].chars().all(|c| c.is_ascii_digit()));
        let venue = (determined && venue_at(i + len, true))
            || (determined
                && i + len + 1 < self.words.len()
                && self.words[i + len].chars().all(|c| c.is_ascii_lowercase())
                && venue_at(i + len + 1, false));
        locative || dateline || byline || venue
    }

    /// "before Eid al-Fitr": holidays and other words that never start a name; "you and I.
    /// The terrorist": articles never end a person's.
    fn starts_or_ends_with_no_name(&self, kind: &str, words: &[&str]) -> bool {
        (kind != "LOC" && self.lex.never_names.contains(words[0]))
            || kind == "PER"
                && words.len() > 1
                && self
                    .lex
                    .rules
                    .set(Named::Articles)
                    .contains(words[words.len() - 1])
    }

    /// Whether a span the tagger calls `kind` looks like a name of that kind on its own (`sure`:
    /// the tagger's evidence for it reaches `SURE_MARGIN` per word). A
    /// lone capitalized word is too weak for a person or an organization (a surname comes
    /// back through resolution when the full name is in the article; an acronym is enough
    /// for an organization), and a person's name does not start with a common word.
    pub(super) fn plausible_name(&self, kind: &str, span: Range<usize>, sure: bool) -> bool {
        let words = &self.words[span.clone()];
        let first = words[0];
        // "SHEARER", "WOODS": in a sentence written in capitals (a headline, a results line)
        // case tells nothing and a surname may be a plain word too; the tagger's lone person
        // stands.
        if kind == "PER"
            && words.len() == 1
            && self
                .words
                .iter()
                .all(|w| !w.chars().any(char::is_lowercase))
        {
            return true;
        }
        if self.starts_or_ends_with_no_name(kind, words) {
            return false;
        }
        // "Hindus and Sikhs", "the top Catholic": members of a faith are no actor; "Muslim
        // Council of Britain" is, so only spans of nothing else are refused.
        if kind != "LOC" && words.iter().all(|w| member_word(self.lex, w)) {
            return false;
        }
        // "Blairite Alan Milburn", "Asians were more likely": a lone word for followers or
        // inhabitants is no actor (a given name such as "Marguerite" still may be).
        if kind != "LOC"
            && words.len() == 1
            && follower_word(first)
            && !self.lex.is_given_name(first)
        {
            return false;
        }
        // "the Blairs' fourth child": a known surname in the plural is the family.
        if kind != "LOC"
            && words.len() == 1
            && span.start > 0
            && self.words[span.start - 1].eq_ignore_ascii_case("the")
            && first.strip_suffix('s').is_some_and(|stem| {
                matches!(
                    self.lex.names.longest_at(&[stem], 0),
                    Some((1, Target::PersonAlias(_) | Target::Person(_)))
                )
            })
        {
            return false;
        }
        // "No, I'm Jewish": a speaker's own words ("I'm", "we're") start no name.
        if kind == "PER"
            && words
                .iter()
                .any(|w| *w == "I" || self.lex.rules.set(Named::SpeakerContractions).ends_one(w))
        {
            return false;
        }
        // "Areas of Concern & Potential", "Eastern Shield": capitalized common words are a
        // heading's or a code name's, not a person's or an organization's.
        let all_common = words
            .iter()
            .filter(|w| {
                w.chars().any(char::is_alphabetic)
                    && !self.lex.rules.set(Named::NameParticles).contains(w)
            })
            .all(|w| self.lex.is_common_word(w));
        let headed = kind == "ORG" && self.headed_body(words);
        let lone_body = kind == "ORG" && self.lone_body(words);
        if kind != "LOC"
            && all_common
            && !headed
            && !(kind == "ORG" && self.sure_body(words, sure))
            && !lone_body
        {
            return false;
        }
        // ("Council for the Welfare of Immigrants": an organization's name may join its
        // capitalized words with "of", "for", "and".)
        // (Only after a plain word such as "Council" or "Bank", not after a surname or a title:
        // "Ann Lee of Amnesty", "Duke of Edinburgh".)
        // (In a body's name, "and" and "&" join any two capitalized words: "National
        // Aeronautics and Space Administration".)
        let joiner = |k: usize| {
            kind == "ORG"
                && k > 0
                && k + 1 < words.len()
                && self.lex.rules.set(Named::NameJoiners).contains(words[k])
                && (self.asks_for_more(span.start + k - 1)
                    || (sure && self.sure_joiner(span.start, k))
                    || (matches!(words[k], "and" | "&")
                        && headed
                        && is_capitalized(words[k - 1])
                        && is_capitalized(words[k + 1])))
        };
        let hyphenated = |k: usize| k >= 2 && self.hyphenated_piece(span.start + k);
        let capitalized = words.iter().enumerate().all(|(k, w)| {
            joiner(k)
                || hyphenated(k)
                || self.lex.rules.set(Named::NameParticles).contains(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        });
        match kind {
            // A lone word is a person only when it is written like a name ("Byron", not
            // "ACPO", "MSPs", "Licensees" or "P") and no given name before it was left out of the span
            // ("Jan Shaw": a later stage takes the whole name).
            "PER" if words.len() == 1 => {
                let letters = first.trim_end_matches('s');
                capitalized
                    && first.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && letters.chars().any(char::is_lowercase)
                    && !self.lex.is_common_word(first)
                    && !(first.len() > letters.len() && self.lex.is_common_word(letters))
                    && !span.start.checked_sub(1).is_some_and(|k| {
                        let before = self.words[k];
                        self.lex.is_given_name(before) && is_capitalized(before)
                    })
            }
            // "Lower Saxony" is not a person because "Lower" is a word, not a name.
            "PER" => {
                capitalized && (self.lex.is_given_name(first) || !self.lex.is_common_word(first))
            }
            // "Community Support Officers (CSOs)", "GPs": an acronym in the plural counts
            // people of a kind; "the driver's BAC [blood alcohol content]": an acronym spelled
            // out in plain words is a term.
            "ORG"
                if words.len() == 1
                    && (first.strip_suffix('s').is_some_and(|stem| {
                        stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
                    }) || (first.chars().all(|c| c.is_ascii_uppercase())
                        && matches!(self.words.get(span.end), Some(&("(" | "[")))
                        && self
                            .words
                            .get(span.end + 1..span.end + 3)
                            .is_some_and(|ws| {
                                ws.iter().all(|w| {
                                    w.chars().all(|c| c.is_ascii_lowercase())
                                        && !self.lex.rules.set(Named::Articles).contains(w)
                                })
                            }))) =>
            {
                false
            }
            "ORG" => {
                let acronym = first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase());
                capitalized
                    && (words.len() >= 2 || acronym || lone_body || !self.lex.is_common_word(first))
            }
            _ => true,
        }
    }

    /// Whether plain words the tagger reads as an organization and is sure of name one: two
    /// words or more with no "of" or "and" between them ("Red Star", "Daily Record").
    fn sure_body(&self, words: &[&str], sure: bool) -> bool {
        sure && words.len() >= 2
            && !words
                .iter()
                .any(|w| self.lex.rules.set(Named::NameJoiners).contains(w))
    }

    /// Whether the words are a chamber or an armed service named by its head alone ("the
    /// House passed the bill", "summoned the Army").
    fn lone_body(&self, words: &[&str]) -> bool {
        words.len() == 1 && self.lex.rules.set(Named::LoneBodies).contains(words[0])
    }

    /// Whether the words (two or more) of a name end in a body's head, a company's word or an
    /// institution's head ("National Union", "Home Office"), or have one before their first
    /// "of", "for" or "and" ("Congress of Arts and Sciences").
    pub(super) fn headed_body(&self, words: &[&str]) -> bool {
        let head_word = |w: &str| {
            let w = w.to_lowercase();
            self.lex.rules.set(Named::OrganizationHeads).contains(&w)
                || self.lex.rules.set(Named::CompanyWords).contains(&w)
                || self.lex.rules.set(Named::InstitutionHeads).contains(&w)
        };
        words.len() >= 2
            && (head_word(words[words.len() - 1])
                || words
                    .iter()
                    .position(|w| self.lex.rules.set(Named::NameJoiners).contains(w))
                    .is_some_and(|j| j > 0 && head_word(words[j - 1])))
    }

    /// Whether the word at local `k` is a plain word that is no title ("Council", "Bank",
    /// "Institute"): a body's name may go on after it with "of" or "for" ("Bank of Ghana"),
    /// where after a whole name ("Benetton of Italy") or a title ("Duke of Edinburgh") "of"
    /// starts something else.
    /// (A body's head or a company's word asks for more whatever its case: "Journal of
    /// Coastal Weather", where "Journal" is no plain word of the lexicon.)
    pub(super) fn asks_for_more(&self, k: usize) -> bool {
        let word = self.words[k];
        let head = |w: &str| {
            self.lex.rules.set(Named::OrganizationHeads).contains(w)
                || self.lex.rules.set(Named::InstitutionHeads).contains(w)
                || self.lex.rules.set(Named::CompanyWords).contains(w)
        };
        (self.lex.is_common_word(word)
            || head(word)
            || (is_capitalized(word) && head(&word.to_lowercase())))
            && self.titles_at[k].is_none()
    }

    /// Whether "of" or "for" at `k` of the name starting at local `start`, which the tagger is
    /// sure of, joins its words although the word before it is no plain word: after two
    /// words or more of a name that starts with no given name ("Ann Tarn of Vote Watch" is a
    /// person of a body), a word that names no one and nothing in the lexicon, and
    /// before a word that starts no place ("Northern Brotherhood of Lamplighters"; not a
    /// person of a place, "Aldric of Tarnmouth", nor a club of a city, "Sporting Tarnos of
    /// Madrid").
    fn sure_joiner(&self, start: usize, k: usize) -> bool {
        let (before, after) = (start + k - 1, start + k + 1);
        k >= 2
            && matches!(self.words[start + k], "of" | "for")
            && !self.lex.is_given_name(self.words[start])
            && !self.lex.is_given_name(self.words[before])
            && self.names_at[before].is_none()
            && self.titles_at[before].is_none()
            && !Gazetteer::shared().starts_name(self.words[after])
            && !matches!(self.names_at[after], Some((_, Target::Country(..))))
    }

    /// Whether local token `j` continues a name across a hyphen written without spaces:
    /// "Hulme-Cross", and the lower-case later parts of "Ata-ur-Rehman" or "Chen Chun-yeh"
    /// (but not "Blair-led": a common word after the hyphen makes a compound).
    pub(super) fn hyphenated_piece(&self, j: usize) -> bool {
        let w = self.words[j];
        j >= 1
            && self.words[j - 1] == "-"
            && self.joined_to_previous(j - 1)
            && self.joined_to_previous(j)
            && self.kind(j) == TokenKind::Word
            && (is_capitalized(w)
                || (w.chars().all(char::is_lowercase) && !self.lex.is_common_word(w)))
    }

    /// Whether this sentence is the first of its block.
    pub(super) fn opens_block(&self) -> bool {
        let s = self.sentence;
        s == 0 || self.doc.sentences[s - 1].block != self.doc.sentences[s].block
    }

    pub(super) fn text_of(&self, local: Range<usize>) -> String {
        let g = self.global(local);
        let span = self.doc.tokens[g.start].span.start..self.doc.tokens[g.end - 1].span.end;
        self.doc.text[span].to_string()
    }

    /// The country mention that ends right before local token `i` (allowing "'s" and "-").
    pub(super) fn country_before(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0 && matches!(self.words[j - 1], "'s" | "’s" | "-") {
            j -= 1;
        }
        self.hits.iter().rposition(|h| {
            matches!(h.found, Found::Country { .. }) && h.tokens.end == j + self.start
        })
    }

    /// The organization mention that ends right before local token `i`: its name without the
    /// country in front, title-cased ("Foreign Ministry"), and its country.
    pub(super) fn organization_before(&self, i: usize) -> Option<(String, Option<usize>)> {
        let h = self.hits.iter().rfind(|h| {
            matches!(h.found, Found::Organization { .. }) && h.tokens.end == i + self.start
        })?;
        let Found::Organization { country, .. } = &h.found else {
            return None;
        };
        let mut start = h.tokens.start - self.start;
        if let Some(c) = self
            .hits
            .iter()
            .find(|c| matches!(c.found, Found::Country { .. }) && c.tokens.start == h.tokens.start)
        {
            start = c.tokens.end - self.start;
        }
        while start < i && matches!(self.words[start], "'s" | "’s" | "-") {
            start += 1;
        }
        if start >= i {
            return None;
        }
        let office: Vec<String> = self.words[start..i]
            .iter()
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or_else(String::new, |c| {
                    c.to_uppercase().collect::<String>() + chars.as_str()
                })
            })
            .collect();
        Some((office.join(" "), *country))
    }

    pub(super) fn mark_modifier(&mut self, hit: usize) -> Option<usize> {
        if let Found::Country {
            index, modifier, ..
        } = &mut self.hits[hit].found
        {
            *modifier = true;
            Some(*index)
        } else {
            None
        }
    }
}
