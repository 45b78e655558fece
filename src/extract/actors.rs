//! Actor detection and within-article resolution.
//!
//! Stages, each over every sentence: lexicon names (countries, organizations, known people),
//! role titles and honorifics followed by names ("US defense Secretary Pete Hegseth"),
//! organization phrases headed by Ministry/Department/Party/... ("Chinese defense ministry"),
//! given-name patterns, and finally surname-only mentions resolved to the full names found
//! elsewhere in the article. Capitals in titles and headings are ignored for the pattern stages:
//! title case makes them meaningless there.

use std::collections::BTreeMap;
use std::ops::Range;

use super::doc::Doc;
use super::lexicon::{CountryForm, Lexicon, Target};
use super::ner::{DocContext, LABELS};
use super::tokenize::TokenKind;
use super::{Actor, ActorKind, Mention, slug};

/// Words that head an organization name.
const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "council",
    "party",
    "army",
    "navy",
    "agency",
    "commission",
    "committee",
    "court",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "bank",
    "office",
    "bureau",
    "service",
    "forces",
    "force",
    "guard",
    "police",
    "corporation",
    "institute",
    "university",
    "authority",
    "federation",
    "fund",
    "front",
    "movement",
    "league",
    "alliance",
    "union",
    "organization",
    "organisation",
    "association",
    "coalition",
    "command",
    "corps",
    "administration",
    "cabinet",
    "embassy",
    "consulate",
    "tribunal",
    "secretariat",
    "directorate",
    "executive",
    "board",
    "centre",
    "center",
];

/// Last words of company and media names ("Stanley Leisure", "Rank Group"): a name that ends
/// with one is an organization, whatever the tagger thought.
const COMPANY_WORDS: &[&str] = &[
    "group",
    "leisure",
    "international",
    "holdings",
    "plc",
    "ltd",
    "limited",
    "inc",
    "securities",
    "trust",
    "partners",
    "media",
    "airways",
    "airlines",
    "energy",
    "capital",
    "foundation",
    "society",
    "club",
    "clubs",
    "network",
    "press",
    "times",
    "post",
    "news",
    "telegraph",
    "herald",
    "motors",
    "industries",
    "systems",
    "technologies",
    "pharmaceuticals",
    "bank",
    "insurance",
    "railways",
    "rail",
    "television",
    "radio",
    "magazine",
    "journal",
    "house",
    "chambers",
    "fellowship",
    "chronicle",
    "gazette",
    "mirror",
    "express",
    "observer",
    "echo",
];

/// Members of faiths and peoples, singular (plurals are folded before the lookup).
const FAITH_WORDS: &[&str] = &[
    "Sikh",
    "Hindu",
    "Muslim",
    "Christian",
    "Jew",
    "Jewish",
    "Catholic",
    "Protestant",
    "Buddhist",
    "Anglican",
    "Methodist",
    "Sunni",
    "Shia",
    "Shiite",
    "Evangelical",
    "Mormon",
    "Gypsy",
    "Traveller",
    "Kurd",
];

/// Whether `w` names the followers of someone or the people of somewhere by its suffix:
/// "Blairite", "Trotskyites", "Glaswegians", "Asians". Such a word stands for a loose group,
/// never for one person or one body.
fn follower_word(w: &str) -> bool {
    let stem = w
        .strip_suffix("ites")
        .or_else(|| w.strip_suffix("ite"))
        .or_else(|| w.strip_suffix("ians"));
    stem.is_some_and(|s| {
        s.chars().count() >= 2 && is_capitalized(s) && s.chars().all(char::is_alphabetic)
    })
}

/// Whether `w` names members of a faith or people ("Sikhs", "Catholic", "Roman").
fn member_word(w: &str) -> bool {
    let singular = w.strip_suffix("ies").map_or_else(
        || w.trim_end_matches('s').to_string(),
        |stem| format!("{stem}y"),
    );
    FAITH_WORDS.contains(&singular.as_str()) || matches!(w, "Roman" | "British")
}

/// Letters after a name that are not part of it.
const POST_NOMINALS: &[&str] = &[
    "MP", "MPs", "MSP", "MEP", "AM", "MLA", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "PhD",
];

/// Last words of the names of documents, laws and plans, which are not actors.
const DOCUMENT_WORDS: &[&str] = &[
    "declaration",
    "treaty",
    "convention",
    "act",
    "bill",
    "charter",
    "protocol",
    "accord",
    "agreement",
    "plan",
    "strategy",
    "initiative",
    "manifesto",
    "report",
    "review",
    "white",
    "paper",
    "directive",
    "constitution",
    "programme",
    "program",
];

/// Nouns after a lone name that make it a place ("a Yorkshire man", "the Rosyth naval base").
const PLACE_NOUNS: &[&str] = &[
    "man",
    "woman",
    "men",
    "women",
    "people",
    "base",
    "town",
    "city",
    "village",
    "area",
    "county",
    "region",
    "constituency",
    "seat",
    "airport",
    "port",
    "station",
    "street",
    "road",
    "residents",
    "voters",
    "accent",
    "born",
    "home",
    "homes",
    "hotel",
    "hotels",
    "farm",
    "estate",
    "constituents",
    "ward",
    "wards",
    "house",
    "millionaire",
    "businessman",
    "businesswoman",
    "farmer",
    "student",
    "students",
    "nurse",
    "pensioner",
    "pensioners",
    "schoolboy",
    "schoolgirl",
    "teenager",
    "headquarters",
    "prison",
    "jail",
    "unit",
];

/// Heads that, with a country in front and a portfolio, form a ministry-like body whose key
/// ignores word order ("defense ministry" = "Ministry of Defense").
const MINISTRY_HEADS: &[&str] = &["ministry", "department", "office", "agency", "bureau"];

/// Reporting verbs: a capitalized pair right before one of these is a person.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "warned",
    "argued",
    "insisted",
    "claimed",
    "stated",
    "wrote",
    "tweeted",
    "explained",
    "noted",
];

/// Prepositions after which a capital is where something happens, not who does it.
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "to", "into", "outside", "around", "across", "inside", "via",
];

/// Last words of seats of government that are also buildings ("Élysée Palace", "White House").
const BUILDING_WORDS: &[&str] = &["palace", "house", "street", "kremlin", "building", "hall"];

/// Whether an organization named `name`, last written as `last_word`, is also a building.
fn is_building(name: &str, last_word: &str) -> bool {
    let last = last_word.to_lowercase();
    BUILDING_WORDS.contains(&last.as_str())
        || name
            .split_whitespace()
            .last()
            .is_some_and(|w| BUILDING_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Words that make a name a feature of the land or sea ("River Tyne", "Gulf of Aden",
/// "Golan Heights"), whatever the tagger thinks.
const GEOGRAPHIC_WORDS: &[&str] = &[
    "river",
    "sea",
    "strait",
    "straits",
    "lake",
    "mount",
    "mountains",
    "valley",
    "island",
    "islands",
    "bay",
    "gulf",
    "peninsula",
    "desert",
    "channel",
    "canal",
    "basin",
    "plateau",
    "coast",
    "heights",
    "delta",
    "ocean",
    "archipelago",
    "tower",
    "market",
    "abbey",
    "cathedral",
    "chapel",
    "bridge",
    "square",
    "stadium",
    "airport",
    "hq",
    "headquarters",
    "street",
    "road",
    "avenue",
    "lane",
    "land",
];

/// Whether a name is a geographic feature: its last word is one ("Golan Heights"), or it is
/// one followed by a single name ("River Tyne", "Lake Chad"; but "Gulf Coast Authority" is
/// an organization).
pub(crate) fn is_geographic(words: &[&str]) -> bool {
    let geographic = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && GEOGRAPHIC_WORDS.contains(&w.to_lowercase().as_str())
    };
    // "Bristol West", "Leeds North West", "Cardiff Central": constituencies and districts.
    let compass = |w: &&str| {
        matches!(
            *w,
            "West"
                | "East"
                | "North"
                | "South"
                | "Central"
                | "Northwest"
                | "Northeast"
                | "Southwest"
                | "Southeast"
        )
    };
    let district = words.len() >= 2
        && words.len() <= 3
        && words.last().is_some_and(compass)
        && !words[0].chars().all(char::is_uppercase);
    district || words.last().is_some_and(geographic) || (words.len() == 2 && geographic(&words[0]))
}

/// Prepositions after which a name the tagger calls a person is a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "around", "across", "inside"];

/// Lower-case particles inside personal names.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "van", "von", "der", "den", "bin", "al", "el", "la", "le",
    "du", "di", "ibn", "ben",
];

/// What a stretch of tokens refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A country by lexicon index; `modifier` when it only qualifies a person or organization.
    Country {
        /// Index into the lexicon's countries.
        index: usize,
        /// How it was named.
        form: CountryForm,
        /// True when it only qualifies a person or organization next to it.
        modifier: bool,
    },
    /// An organization.
    Organization {
        /// Node key.
        key: String,
        /// Display name.
        name: String,
        /// Country index it belongs to.
        country: Option<usize>,
    },
    /// A capital named as a place, not as its government: "talks in Manila", the dateline
    /// "BRUSSELS —". Places are where events happen; they are not actors.
    Place {
        /// The name as written.
        name: String,
    },
    /// A person, possibly by surname only (resolved later).
    Person {
        /// The name as written.
        name: String,
        /// Role given with this mention.
        role: Option<String>,
        /// Country given with this mention.
        country: Option<usize>,
        /// Lexicon index when it is a known person.
        known: Option<usize>,
    },
}

/// One detected mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Token range.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// What it refers to.
    pub found: Found,
    /// Resolved actor key, set by [`resolve`].
    pub key: String,
}

/// Whether `w` in lower case is one of `list` (lower-case words), without allocating for ASCII
/// words: this runs for every token.
fn lower_in(list: &[&str], w: &str) -> bool {
    debug_assert!(
        list.iter()
            .all(|x| !x.bytes().any(|b| b.is_ascii_uppercase()))
    );
    if w.is_ascii() {
        list.iter().any(|x| x.eq_ignore_ascii_case(w))
    } else {
        list.contains(&w.to_lowercase().as_str())
    }
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

struct SentenceCtx<'d, 'a> {
    doc: &'d Doc<'a>,
    lex: &'d Lexicon,
    words: Vec<&'a str>,
    start: usize,
    sentence: usize,
    heading: bool,
    taken: Vec<bool>,
    hits: Vec<Hit>,
    /// `lex.names.longest_at` for every word, looked up once.
    names_at: Vec<Option<(usize, Target)>>,
    /// `lex.titles.longest_at` for every word, looked up once.
    titles_at: Vec<Option<(usize, Target)>>,
}

impl SentenceCtx<'_, '_> {
    fn global(&self, local: Range<usize>) -> Range<usize> {
        local.start + self.start..local.end + self.start
    }

    fn free(&self, r: Range<usize>) -> bool {
        r.end <= self.taken.len() && !self.taken[r].iter().any(|&t| t)
    }

    fn take(&mut self, r: Range<usize>, found: Found) {
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

    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[self.start + i].kind
    }

    fn joined_to_previous(&self, i: usize) -> bool {
        !self.doc.tokens[self.start + i].space_before
    }

    /// Could `words[i]` start or continue a personal name?
    fn name_word(&self, i: usize) -> bool {
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
    fn organization_head(&self, start: usize, end: usize) -> usize {
        let headed =
            end > start && ORG_HEADS.contains(&self.words[end - 1].to_lowercase().as_str());
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
            && matches!(
                self.words[i - 1],
                "Greater"
                    | "Royal"
                    | "National"
                    | "Metropolitan"
                    | "Central"
                    | "Northern"
                    | "Southern"
                    | "Eastern"
                    | "Western"
                    | "United"
                    | "General"
                    | "Supreme"
                    | "High"
            )
        {
            i -= 1;
        }
        i
    }

    fn name_run(&self, i: usize) -> usize {
        if i >= self.words.len() || !self.name_word(i) {
            return 0;
        }
        let mut j = i + 1;
        let mut words = 1;
        while j < self.words.len() && words < 4 {
            let w = self.words[j];
            if w == "-"
                && self.joined_to_previous(j)
                && j + 1 < self.words.len()
                && self.joined_to_previous(j + 1)
                && self.kind(j + 1) == TokenKind::Word
                && is_capitalized(self.words[j + 1])
            {
                j += 2;
                continue;
            }
            // "Tom McCabe MSP": letters after a name end it.
            if POST_NOMINALS.contains(&w) {
                break;
            }
            if NAME_PARTICLES.contains(&w) && j + 1 < self.words.len() && self.name_word(j + 1) {
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
    fn is_place_use(&self, i: usize, len: usize) -> bool {
        let locative = i > 0 && {
            let mut k = i - 1;
            if self.words[k].eq_ignore_ascii_case("the") && k > 0 {
                k -= 1;
            }
            LOCATIVES.contains(&self.words[k].to_lowercase().as_str())
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
        // (Only as a noun's qualifier after a determiner: "Moscow attacked" is Moscow acting.)
        let determined = i > 0
            && (matches!(
                self.words[i - 1].to_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "that" | "last" | "recent"
            ) || self.words[i - 1].chars().all(|c| c.is_ascii_digit()));
        let venue = matches!(
            self.lex.trigger_table.longest_at(&self.words, i + len),
            Some((_, Target::Trigger(t)))
                if matches!(self.lex.triggers[t].category.as_str(), "CONSULT" | "AGREE")
        ) || (determined && venue_at(i + len, false))
            || (determined
                && i + len + 1 < self.words.len()
                && self.words[i + len].chars().all(|c| c.is_ascii_lowercase())
                && venue_at(i + len + 1, false));
        locative || dateline || byline || venue
    }

    /// Whether a span the tagger calls `kind` looks like a name of that kind on its own. A
    /// lone capitalized word is too weak for a person or an organization (a surname comes
    /// back through resolution when the full name is in the article; an acronym is enough
    /// for an organization), and a person's name does not start with a common word.
    fn plausible_name(&self, kind: &str, span: Range<usize>) -> bool {
        let words = &self.words[span.clone()];
        let first = words[0];
        // "before Eid al-Fitr": holidays and other words that never start a name.
        if kind != "LOC" && self.lex.never_names.contains(first) {
            return false;
        }
        // "Hindus and Sikhs", "the top Catholic": members of a faith are no actor; "Muslim
        // Council of Britain" is, so only spans of nothing else are refused.
        if kind != "LOC" && words.iter().all(|w| member_word(w)) {
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
            && words.iter().any(|w| {
                *w == "I"
                    || ["'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll"]
                        .iter()
                        .any(|c| w.len() > c.len() && w.ends_with(c))
            })
        {
            return false;
        }
        // "Areas of Concern & Potential", "Eastern Shield": capitalized common words are a
        // heading's or a code name's, not a person's or an organization's.
        let all_common = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic) && !NAME_PARTICLES.contains(w))
            .all(|w| self.lex.is_common_word(w));
        if kind != "LOC" && all_common {
            return false;
        }
        let capitalized = words.iter().all(|w| {
            NAME_PARTICLES.contains(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        });
        match kind {
            // A lone surname comes back through resolution when the article names the person
            // in full; "Lower Saxony" is not a person because "Lower" is a word, not a name.
            "PER" => {
                capitalized
                    && words.len() >= 2
                    && (self.lex.is_given_name(first) || !self.lex.is_common_word(first))
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
                                        && !matches!(*w, "the" | "a" | "an")
                                })
                            }))) =>
            {
                false
            }
            "ORG" => {
                let acronym = first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase());
                capitalized && (words.len() >= 2 || acronym || !self.lex.is_common_word(first))
            }
            _ => true,
        }
    }

    /// Whether this sentence is the first of its block.
    fn opens_block(&self) -> bool {
        let s = self.sentence;
        s == 0 || self.doc.sentences[s - 1].block != self.doc.sentences[s].block
    }

    fn text_of(&self, local: Range<usize>) -> String {
        let g = self.global(local);
        let span = self.doc.tokens[g.start].span.start..self.doc.tokens[g.end - 1].span.end;
        self.doc.text[span].to_string()
    }

    /// The country mention that ends right before local token `i` (allowing "'s" and "-").
    fn country_before(&self, i: usize) -> Option<usize> {
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
    fn organization_before(&self, i: usize) -> Option<(String, Option<usize>)> {
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

    fn mark_modifier(&mut self, hit: usize) -> Option<usize> {
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

/// Finds every actor mention in the document.
/// Stops early (with what it has) once `control` is cancelled.
pub fn detect(doc: &Doc<'_>, lex: &Lexicon, control: super::Control<'_>) -> Vec<Hit> {
    let mut all = Vec::new();
    let sentence_words: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| s.tokens.clone().map(|i| doc.word(i)).collect())
        .collect();
    let context = DocContext::new(sentence_words.iter().map(Vec::as_slice));
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if !control.step(super::ACTORS_STAGE, s, doc.sentences.len()) {
            break;
        }
        let words: Vec<&str> = sentence.tokens.clone().map(|i| doc.word(i)).collect();
        let names_at = (0..words.len())
            .map(|i| lex.names.longest_at(&words, i))
            .collect();
        let titles_at = (0..words.len())
            .map(|i| lex.titles.longest_at(&words, i))
            .collect();
        let mut ctx = SentenceCtx {
            doc,
            lex,
            names_at,
            titles_at,
            taken: vec![false; words.len()],
            words,
            start: sentence.tokens.start,
            sentence: s,
            heading: doc.is_heading(s),
            hits: Vec::new(),
        };
        block_places(&mut ctx);
        lexicon_names(&mut ctx);
        organizations(&mut ctx);
        titled_people(&mut ctx);
        if !ctx.heading {
            counterparts(&mut ctx);
            kin_names(&mut ctx);
        }
        tagged_names(&mut ctx, &context);
        if !ctx.heading {
            named_people(&mut ctx);
            appositions(&mut ctx);
        }
        place_lists(&mut ctx);
        all.append(&mut ctx.hits);
    }
    all.sort_by_key(|h| h.tokens.start);
    all
}

/// "Bristol West, Cardiff Central, Manchester Gorton and Oxford East": in a list of three or
/// more names where places are at least half, the names taken for people (without a role) or
/// for unlisted bodies are places too.
fn place_lists(ctx: &mut SentenceCtx<'_, '_>) {
    let mut order: Vec<usize> = (0..ctx.hits.len()).collect();
    order.sort_by_key(|&h| ctx.hits[h].tokens.start);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &h in &order {
        if let Some(group) = groups.last_mut()
            && let Some(&prev) = group.last()
        {
            let gap = ctx.hits[prev].tokens.end..ctx.hits[h].tokens.start;
            let joined = !gap.is_empty()
                && gap.len() <= 2
                && gap
                    .clone()
                    .all(|t| matches!(ctx.words[t - ctx.start], "," | "and" | "or"));
            if joined {
                group.push(h);
                continue;
            }
        }
        groups.push(vec![h]);
    }
    for group in groups {
        if group.len() < 3 {
            continue;
        }
        let places = group
            .iter()
            .filter(|&&h| matches!(ctx.hits[h].found, Found::Place { .. }))
            .count();
        if places * 2 < group.len() {
            continue;
        }
        for h in group {
            let name = match &ctx.hits[h].found {
                Found::Person {
                    name,
                    role: None,
                    known: None,
                    ..
                } => name.clone(),
                Found::Organization { key, name, .. } if ctx.lex.organization(key).is_none() => {
                    name.clone()
                }
                _ => continue,
            };
            ctx.hits[h].found = Found::Place { name };
        }
    }
}

/// Issue phrases that are places ("South China Sea") hide the names inside them.
fn block_places(ctx: &mut SentenceCtx<'_, '_>) {
    let mut i = 0;
    while i < ctx.words.len() {
        if let Some((len, Target::Issue(k))) = ctx.lex.issue_table.longest_at(&ctx.words, i)
            && ctx.lex.issues[k].place
        {
            for t in &mut ctx.taken[i..i + len] {
                *t = true;
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

fn lexicon_names(ctx: &mut SentenceCtx<'_, '_>) {
    let mut i = 0;
    while i < ctx.words.len() {
        let Some((len, target)) = ctx.names_at[i] else {
            i += 1;
            continue;
        };
        if !ctx.free(i..i + len) {
            i += 1;
            continue;
        }
        let found = match target {
            Target::Country(index, form) => {
                // A capital or a country word preceded by a given name or an honorific is a
                // person's surname ("George Washington", "Mike German", "Mr German").
                let honorific = i > 0
                    && matches!(
                        ctx.words[i - 1].trim_end_matches('.'),
                        "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Lord" | "Lady" | "Dame"
                    );
                if honorific
                    || (i > 0
                        && ctx.lex.is_given_name(ctx.words[i - 1])
                        && (form == CountryForm::Capital
                            || !ctx.lex.is_common_word(ctx.words[i - 1])))
                {
                    i += len;
                    continue;
                }
                // "Northern Ireland", "Southern Sudan": a region named after a country is a
                // place of its own.
                if form == CountryForm::Name
                    && i > 0
                    && !ctx.taken[i - 1]
                    && matches!(
                        ctx.words[i - 1],
                        "Northern" | "Southern" | "Eastern" | "Western"
                    )
                {
                    let name = ctx.text_of(i - 1..i + len);
                    ctx.take(i - 1..i + len, Found::Place { name });
                    i += len;
                    continue;
                }
                // "Male MPs jeered": a capital that is also a plain word, opening a sentence.
                if form == CountryForm::Capital
                    && i == 0
                    && len == 1
                    && ctx.lex.is_common_word(ctx.words[i])
                {
                    i += len;
                    continue;
                }
                if form == CountryForm::Capital && ctx.is_place_use(i, len) {
                    Some(Found::Place {
                        name: ctx.text_of(i..i + len),
                    })
                } else {
                    Some(Found::Country {
                        index,
                        form,
                        modifier: false,
                    })
                }
            }
            Target::Organization(_)
                if len == 1
                    && i > 0
                    && !ctx.taken[i - 1]
                    && ORG_HEADS.contains(&ctx.words[i].to_lowercase().as_str())
                    && is_capitalized(ctx.words[i - 1])
                    && ctx.kind(i - 1) == TokenKind::Word
                    && ctx.names_at[i - 1].is_none()
                    && !(i == 1 && ctx.lex.never_names.contains(ctx.words[0])) =>
            {
                // "the Trades Union Congress": a listed body's one-word name ("Congress") after
                // other capitalized words is the end of a longer name.
                None
            }
            Target::Organization(o) => {
                // "US House Speaker Nancy Pelosi": a title followed by a name wins over an
                // organization name that overlaps it.
                if (i..i + len).any(|k| {
                    ctx.lex
                        .titles
                        .longest_at(&ctx.words, k)
                        .is_some_and(|(tl, t)| {
                            t != Target::Honorific
                                && k + tl > i + len - 1
                                && ctx.name_run(k + tl) > 0
                        })
                }) {
                    // "than-US House Speaker": the country at the start still counts.
                    let words = [ctx.words[i]];
                    if let Some((1, Target::Country(index, form))) =
                        ctx.lex.names.longest_at(&words, 0)
                        && form != CountryForm::Capital
                    {
                        ctx.take(
                            i..i + 1,
                            Found::Country {
                                index,
                                form,
                                modifier: false,
                            },
                        );
                    }
                    i += 1;
                    continue;
                }
                let org = &ctx.lex.organizations[o];
                // "the English Democrats" are not the US Democratic Party: a country word right
                // before a national body of another country names a different body.
                if let Some(home) = org
                    .country
                    .as_deref()
                    .and_then(|c| ctx.lex.country_by_iso(c))
                    && i > 0
                    && let Some((1, Target::Country(other, CountryForm::Adjective))) =
                        ctx.names_at[i - 1]
                    && other != home
                {
                    i += len;
                    continue;
                }
                // "received him at Malacañang Palace": a seat of government named as the
                // building where something happens.
                let building =
                    org.kind == "government" && is_building(&org.name, ctx.words[i + len - 1]);
                if building && ctx.is_place_use(i, len) {
                    ctx.take(
                        i..i + len,
                        Found::Place {
                            name: ctx.text_of(i..i + len),
                        },
                    );
                    i += len;
                    continue;
                }
                Some(Found::Organization {
                    key: format!("org:{}", org.key),
                    name: org.name.clone(),
                    country: org
                        .country
                        .as_deref()
                        .and_then(|c| ctx.lex.country_by_iso(c)),
                })
            }
            Target::Person(p) => Some(Found::Person {
                name: ctx.lex.people[p].name.clone(),
                role: None,
                country: None,
                known: Some(p),
            }),
            // Aliases and everything else wait for context.
            _ => None,
        };
        if let Some(found) = found {
            ctx.take(i..i + len, found);
        }
        i += len;
    }
}

/// "told BBC One's Breakfast with Frost", "appearing on ITV's Celebrity Fit Club": a name that
/// a broadcaster owns is one of its programmes, not an actor (people after it, "the BBC's Nick
/// Robinson", stay). `hits` are in text order.
fn broadcast_programmes(doc: &Doc<'_>, lex: &Lexicon, hits: &mut Vec<Hit>) {
    const BROADCASTERS: &[&str] = &["BBC", "ITV", "Sky", "CNN", "S4C", "RTE", "Channel", "Radio"];
    let owned = |t: usize| {
        t >= 2
            && matches!(doc.word(t - 1), "'s" | "’s")
            && (BROADCASTERS.contains(&doc.word(t - 2))
                || (t >= 3
                    && BROADCASTERS.contains(&doc.word(t - 3))
                    && matches!(
                        doc.word(t - 2),
                        "One"
                            | "Two"
                            | "Three"
                            | "Four"
                            | "Five"
                            | "1"
                            | "2"
                            | "3"
                            | "4"
                            | "5"
                            | "Scotland"
                            | "Wales"
                            | "News"
                    )))
    };
    let unlisted_body = |h: &Hit| matches!(&h.found, Found::Organization { key, .. } if lex.organization(key).is_none());
    let mut programme_end: Option<usize> = None;
    hits.retain(|h| {
        let programme = unlisted_body(h)
            && (owned(h.tokens.start)
                || programme_end.is_some_and(|end| {
                    h.tokens.start == end + 1 && doc.word(end).eq_ignore_ascii_case("with")
                }));
        if programme {
            programme_end = Some(h.tokens.end);
        }
        !programme
    });
}

/// "the World Trade Center", "the Scottish Exhibition and Conference Centre", "St George's
/// Chapel", "the National Holocaust Memorial": buildings, venues and constituencies are
/// places, where things happen, not bodies or people that act ("the Centre for Policy Studies" and "the Foreign Policy Centre"
/// stay bodies).
fn buildings(doc: &Doc<'_>, lex: &Lexicon, hits: &mut [Hit]) {
    const VENUE_KINDS: &[&str] = &[
        "trade",
        "conference",
        "exhibition",
        "shopping",
        "leisure",
        "sports",
        "arts",
        "community",
        "civic",
        "visitor",
        "visitors",
        "detention",
        "convention",
    ];
    const BUILDINGS: &[&str] = &[
        "memorial",
        "chapel",
        "cathedral",
        "abbey",
        "stadium",
        "arena",
        "mosque",
        "temple",
    ];
    for h in hits.iter_mut() {
        // "to fight the Suffolk Coastal seat", "the Stepney Green ward": a constituency.
        let seat = h.tokens.end < doc.tokens.len()
            && matches!(
                doc.word(h.tokens.end),
                "seat" | "constituency" | "ward" | "by-election"
            );
        let name = match &h.found {
            Found::Organization { key, name, .. } if lex.organization(key).is_none() => name,
            Found::Person {
                name,
                role: None,
                known: None,
                ..
            } if seat => name,
            _ => continue,
        };
        if seat {
            h.found = Found::Place { name: name.clone() };
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let building = match words.as_slice() {
            [.., before, last] if matches!(*last, "Centre" | "Center") => {
                lower_in(VENUE_KINDS, before)
            }
            [_, .., last] => lower_in(BUILDINGS, last),
            _ => false,
        };
        if building {
            h.found = Found::Place { name: name.clone() };
        }
    }
}

/// Bodies whose name "for" a place names a seat in them ("MP for", "entered Parliament for").
const LEGISLATURES: &[&str] = &["parliament", "commons", "assembly", "senate", "congress"];

/// "a shadowy group known as Sons of Tarn", "a movement called Clearwater": a name that a
/// group word introduces is that group, whatever the tagger took it for, in all its mentions
/// (run before names are matched to people).
fn named_groups(doc: &Doc<'_>, hits: &mut [Hit]) {
    const GROUPS: &[&str] = &[
        "group",
        "groups",
        "organisation",
        "organization",
        "movement",
        "network",
        "gang",
        "faction",
        "party",
        "cell",
    ];
    let lower = |k: usize| doc.word(k).to_lowercase();
    let groups: Vec<String> = hits
        .iter()
        .filter_map(|h| match &h.found {
            Found::Person {
                name, known: None, ..
            }
            | Found::Organization { name, .. } => Some((h.tokens.start, name)),
            _ => None,
        })
        .filter(|&(t, _)| match t.checked_sub(1).map(lower).as_deref() {
            Some("called" | "named") => t >= 2 && lower_in(GROUPS, doc.word(t - 2)),
            Some("as") => t >= 3 && lower(t - 2) == "known" && lower_in(GROUPS, doc.word(t - 3)),
            _ => false,
        })
        .map(|(_, name)| name.clone())
        .collect();
    // Every mention of the name in the article is the group.
    for h in hits.iter_mut() {
        if let Found::Person { name, .. } = &h.found
            && groups.contains(name)
        {
            let name = name.clone();
            h.found = Found::Organization {
                key: format!("org:{}", slug(&name)),
                name,
                country: None,
            };
        }
    }
}

/// "Campaign for Borders Rail", "Lawyers' Christian Fellowship": a body's name that the tagger
/// began too late takes back a head word and "for"/"of" before it, or a plural possessive
/// glued to it, when no other name holds those words. `hits` are in text order.
fn whole_body_names(doc: &Doc<'_>, lex: &Lexicon, hits: &mut Vec<Hit>) {
    const HEADS: &[&str] = &[
        "campaign",
        "friends",
        "society",
        "trust",
        "foundation",
        "fellowship",
    ];
    // Token -> the hit covering it.
    let mut owner = vec![None; doc.tokens.len()];
    for (n, h) in hits.iter().enumerate() {
        for t in h.tokens.clone() {
            owner[t] = Some(n);
        }
    }
    let mut absorbed = vec![false; hits.len()];
    for n in 0..hits.len() {
        let Found::Organization { key, country, .. } = &hits[n].found else {
            continue;
        };
        if lex.organization(key).is_some() {
            continue;
        }
        let country = *country;
        let first = doc.sentences[hits[n].sentence].tokens.start;
        let mut start = hits[n].tokens.start;
        while let Some(k) = start.checked_sub(2).filter(|&k| k >= first) {
            let head = doc.word(k);
            let plain = is_capitalized(head) && head.chars().all(char::is_alphabetic);
            // ("entered Parliament for Sheffield Brightside": a legislature's seat.)
            let legislature = lower_in(LEGISLATURES, head) && doc.word(k + 1) == "for";
            let linked = matches!(doc.word(k + 1), "for" | "of")
                && plain
                && owner[k].is_none()
                && !legislature
                && (lower_in(ORG_HEADS, head) || lower_in(HEADS, head));
            // The possessor may have been tagged as a body of its own ("Lawyers").
            let lone_body = owner[k].filter(|&o| {
                hits[o].tokens == (k..k + 1)
                    && matches!(&hits[o].found, Found::Organization { key, .. } if lex.organization(key).is_none())
            });
            let possessor = matches!(doc.word(k + 1), "'" | "’")
                && !doc.tokens[k + 1].space_before
                && plain
                && head.len() > 3
                && head.ends_with('s')
                && (owner[k].is_none() || lone_body.is_some());
            if !(linked || possessor) {
                break;
            }
            if let Some(o) = lone_body.filter(|_| possessor) {
                absorbed[o] = true;
            }
            start = k;
        }
        if start < hits[n].tokens.start {
            let span = doc.tokens[start].span.start..doc.tokens[hits[n].tokens.end - 1].span.end;
            let name = doc.text[span].to_string();
            hits[n].found = Found::Organization {
                key: format!("org:{}", slug(&name)),
                name,
                country,
            };
            hits[n].tokens.start = start;
        }
    }
    let mut n = 0;
    hits.retain(|_| {
        n += 1;
        !absorbed[n - 1]
    });
}

/// "the Regional Fisheries Council (RFC) ... the RFC said": an acronym given in brackets right
/// after a body's name, spelling the initials of its capitalized words, is that body wherever
/// the article uses it. `hits` are in text order.
fn bracketed_acronyms(doc: &Doc<'_>, lex: &Lexicon, hits: &mut [Hit]) {
    let initials = |name: &str| -> String {
        name.split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect()
    };
    let mut expansions: Vec<(String, Found)> = Vec::new();
    for pair in hits.windows(2) {
        let (full, short) = (&pair[0], &pair[1]);
        let (
            Found::Organization { name, .. },
            Found::Organization {
                key: short_key,
                name: acronym,
                ..
            },
        ) = (&full.found, &short.found)
        else {
            continue;
        };
        let bracketed = short.tokens.start == full.tokens.end + 1
            && doc.word(full.tokens.end) == "("
            && short.tokens.end < doc.tokens.len()
            && doc.word(short.tokens.end) == ")";
        if bracketed
            && acronym.chars().count() >= 2
            && acronym.chars().all(|c| c.is_ascii_uppercase())
            && lex.organization(short_key).is_none()
            && initials(name) == *acronym
        {
            expansions.push((acronym.clone(), full.found.clone()));
        }
    }
    if expansions.is_empty() {
        return;
    }
    for h in hits.iter_mut() {
        if let Found::Organization { name, .. } = &h.found
            && let Some((_, full)) = expansions.iter().find(|(a, _)| a == name)
        {
            h.found = full.clone();
        }
    }
}

/// The portfolio named by `words[i..]`, with its length.
fn domain_at(lex: &Lexicon, words: &[&str], i: usize) -> Option<(usize, usize)> {
    lex.domain_at(words, i)
}

/// Capitalized words that open a sentence before a name but are not part of it ("Former
/// Labour Party leader", "Senior Liberal Party figures").
const OPENERS: &[&str] = &[
    "Former", "Senior", "Top", "Leading", "Junior", "Shadow", "Retired", "Veteran", "Rebel",
    "Fellow", "Ex", "Deputy", "Acting", "Some", "Young", "Speaking", "Critics", "Leaked", "New",
];

/// Whether a plain word opening the sentence starts the name of the organization after it:
/// "Family Planning Association", "Refugee Council", but not "The", "Yesterday" or "Former".
fn opens_name(word: &str) -> bool {
    !OPENERS.contains(&word) && !word.ends_with("ing") && word.chars().all(char::is_alphabetic)
}

/// "Chinese defense ministry", "the Ministry of National Defense", "Electoral Commission".
fn organizations(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        if ctx.taken[i] || ctx.kind(i) != TokenKind::Word || !lower_in(ORG_HEADS, ctx.words[i]) {
            i += 1;
            continue;
        }
        // "Refugee Council Chief Executive Tom Hale": a head that ends a title is the title's.
        if (i.saturating_sub(3)..i).any(|k| {
            ctx.titles_at[k].is_some_and(|(tl, t)| t != Target::Honorific && k + tl == i + 1)
        }) {
            i += 1;
            continue;
        }
        let head_cap = is_capitalized(ctx.words[i]);
        // Modifiers before the head: portfolios (any case) or capitalized words.
        let mut start = i;
        let mut domain: Option<usize> = None;
        while start > 0 && !ctx.taken[start - 1] {
            if let Some((d, len)) = (1..=2)
                .filter(|&l| l <= start)
                .find_map(|l| domain_at(ctx.lex, &ctx.words, start - l).filter(|&(_, dl)| dl == l))
            {
                domain = Some(d);
                start -= len;
            } else if !ctx.heading
                && is_capitalized(ctx.words[start - 1])
                && ctx.kind(start - 1) == TokenKind::Word
                && !ctx.lex.never_names.contains(ctx.words[start - 1])
                && !(start - 1 == 0
                    && ctx.lex.is_common_word(ctx.words[start - 1])
                    && !opens_name(ctx.words[0]))
            {
                start -= 1;
            } else if head_cap
                && start < i
                && start >= 2
                && ctx.words[start - 1] == "and"
                && !ctx.taken[start - 2]
                && is_capitalized(ctx.words[start - 2])
                && ctx.lex.is_common_word(ctx.words[start - 2])
            {
                // "Standards and Privileges Committee", "Health and Safety Executive".
                start -= 2;
            } else if head_cap
                && start < i
                && start >= 2
                && ctx.words[start - 1] == "of"
                && !ctx.taken[start - 2]
                && is_capitalized(ctx.words[start - 2])
                && !ctx.lex.is_common_word(ctx.words[start - 2])
                && ctx.titles_at[start - 2].is_none()
                && (start == 2 || !is_capitalized(ctx.words[start - 3]))
            {
                // "the Fraser of Allander Institute": a founder's name before "of".
                start -= 2;
            } else {
                break;
            }
        }
        // "Trades Union Congress", "Local Government Association Council": a capitalized head
        // right after the head goes on with the name.
        while head_cap
            && i + 1 < n
            && !ctx.taken[i + 1]
            && is_capitalized(ctx.words[i + 1])
            && ORG_HEADS.contains(&ctx.words[i + 1].to_lowercase().as_str())
            && !(i + 1..(i + 3).min(n)).any(|k| {
                ctx.titles_at[k].is_some_and(|(tl, t)| t != Target::Honorific && k + tl > i + 1)
            })
        {
            i += 1;
        }
        let lower = ctx.words[i].to_lowercase();
        // "of (the) X" or "for X" after the head, as often as it comes ("Association of
        // Directors of Social Services", "Department for International Development").
        let mut end = i + 1;
        // "entered Parliament for Sheffield Brightside": a legislature "for" a place names the
        // seat, not a body.
        let legislature = LEGISLATURES.contains(&lower.as_str());
        while end + 1 < n && (ctx.words[end] == "of" || (ctx.words[end] == "for" && !legislature)) {
            let mut k = end + 1;
            if ctx.words[k].eq_ignore_ascii_case("the") && k + 1 < n {
                k += 1;
            }
            if let Some((d, len)) = domain_at(ctx.lex, &ctx.words, k) {
                domain = domain.or(Some(d));
                end = k + len;
                // "Association of Police Authorities": the portfolio may start a longer name.
                while end < n
                    && end < k + len + 3
                    && is_capitalized(ctx.words[k])
                    && is_capitalized(ctx.words[end])
                    && ctx.words[end].chars().all(char::is_alphabetic)
                    && !ctx.taken[end]
                {
                    end += 1;
                }
            } else {
                let mut m = k;
                while m < n
                    && m < k + 4
                    && is_capitalized(ctx.words[m])
                    && ctx.words[m].chars().all(char::is_alphabetic)
                    && !ctx.taken[m]
                    && !ctx.heading
                {
                    m += 1;
                }
                if m == k {
                    break;
                }
                end = m;
            }
        }
        // "Department of Trade and Industry", "Department for Culture, Media and Sport": the
        // portfolio goes on through commas and a closing "and" with plain capitalized words.
        if end > i + 1 && head_cap {
            let mut k = end;
            while k + 1 < n && matches!(ctx.words[k], "," | "and") {
                let sep = ctx.words[k];
                let mut m = k + 1;
                while m < n
                    && m < k + 4
                    && !ctx.taken[m]
                    && is_capitalized(ctx.words[m])
                    && ctx.words[m].chars().all(char::is_alphabetic)
                    && ctx.titles_at[m].is_none()
                    && !ctx.lex.is_given_name(ctx.words[m])
                    && !ORG_HEADS.contains(&ctx.words[m].to_lowercase().as_str())
                {
                    m += 1;
                }
                if m == k + 1 {
                    break;
                }
                k = m;
                // ("the Health and Education select committees": two bodies, not one.)
                let plural_heads = ctx.words[k..n.min(k + 2)].iter().any(|w| {
                    matches!(
                        *w,
                        "committees" | "departments" | "ministries" | "offices" | "teams"
                    )
                });
                if sep == "and" {
                    if !plural_heads {
                        end = k;
                    }
                    break;
                }
            }
        }
        // "the Muslim Council of Britain", "the Bank of Japan": a country closing the name
        // belongs to it, and the body belongs to the country.
        let mut country_after = None;
        if head_cap && end + 1 < n && ctx.words[end] == "of" {
            let at = ctx.start + end + 1;
            if let Some(h) = ctx.hits.iter().position(|h| {
                h.tokens.start == at
                    && matches!(h.found, Found::Country { form, .. } if form != CountryForm::Adjective)
            }) {
                let hit = ctx.hits.remove(h);
                if let Found::Country { index, .. } = hit.found {
                    country_after = Some(index);
                }
                end = hit.tokens.end - ctx.start;
            }
        }
        // "the Pro-Life Alliance": a prefix glued on by a hyphen.
        if start >= 2
            && ctx.words[start - 1] == "-"
            && !ctx.taken[start - 1]
            && !ctx.taken[start - 2]
            && ctx.joined_to_previous(start - 1)
            && ctx.joined_to_previous(start)
            && is_capitalized(ctx.words[start - 2])
        {
            start -= 2;
        }
        let country_hit = ctx.country_before(start);
        let has_modifier = start < i || end > i + 1;
        if !has_modifier
            || (country_hit.is_none() && !head_cap)
            || (ctx.heading && country_hit.is_none())
        {
            i += 1;
            continue;
        }
        let country = country_hit
            .and_then(|h| ctx.mark_modifier(h))
            .or(country_after);
        let surface_start = country_hit.map_or(start, |h| ctx.hits[h].tokens.start - ctx.start);
        let name = ctx.text_of(surface_start..end);
        let key = match (country, domain) {
            (Some(c), Some(d)) if MINISTRY_HEADS.contains(&lower.as_str()) => format!(
                "org:{}-{}-ministry",
                ctx.lex.countries[c].iso3.to_lowercase(),
                slug(&ctx.lex.roles.domains[d].name)
            ),
            (Some(c), _) => format!(
                "org:{}-{}",
                ctx.lex.countries[c].iso3.to_lowercase(),
                slug(&ctx.text_of(start..end))
            ),
            (None, _) => format!("org:{}", slug(&ctx.text_of(start..end))),
        };
        ctx.take(start..end, Found::Organization { key, name, country });
        i = end;
    }
}

/// People named after a title or honorific: "US defense Secretary Pete Hegseth", "Mr Blair",
/// "Presidents Xi Jinping and Donald Trump".
fn titled_people(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        let Some((len, target)) = ctx.titles_at[i] else {
            i += 1;
            continue;
        };
        if !ctx.free(i..i + len) {
            i += 1;
            continue;
        }
        // "the major Leeds hotels": a rank that is also an adjective is a title only when
        // capitalized or after a capitalized word or qualifier ("England captain Tom Hale").
        if len == 1
            && RANK_ADJECTIVES.contains(&ctx.words[i])
            && !(i > 0
                && ((is_capitalized(ctx.words[i - 1])
                    && ctx.kind(i - 1) == TokenKind::Word
                    && !(i == 1 && ctx.lex.is_common_word(ctx.words[0])))
                    || ROLE_QUALIFIERS.contains(&ctx.words[i - 1].to_lowercase().as_str())))
        {
            i += 1;
            continue;
        }
        let plural = ctx.words[i + len - 1].ends_with('s') && target != Target::Honorific;
        // "deputy defense secretary", "acting president": the qualifier is part of the role.
        let qualifier = (i > 0 && !ctx.taken[i - 1])
            .then(|| ctx.words[i - 1].to_lowercase())
            .filter(|w| ROLE_QUALIFIERS.contains(&w.as_str()));
        let title_start = if qualifier.is_some() { i - 1 } else { i };
        let country_hit = ctx.country_before(title_start);
        // "Kremlin spokesman Yuri Malkov", "Chinese foreign ministry spokesperson Lin Wenhao":
        // the organization names the office and, through its country, the affiliation.
        let org_hit = ctx.organization_before(title_start);
        let (role, org_country) = match org_hit {
            Some((office, country)) => (
                ctx.lex.role_of(target).map(|r| format!("{office} {r}")),
                country,
            ),
            None => (ctx.lex.role_of(target), None),
        };
        let role = match (&qualifier, role) {
            (Some(q), Some(r)) => {
                let mut chars = q.chars();
                let q: String = chars.next().map_or_else(String::new, |c| {
                    c.to_uppercase().collect::<String>() + chars.as_str()
                });
                Some(format!("{q} {r}"))
            }
            (_, r) => r,
        };
        let mut j = i + len;
        let mut people = 0;
        loop {
            // A known person right after the title takes the role.
            if let Some(h) = ctx.hits.iter().position(|h| {
                h.tokens.start == j + ctx.start && matches!(h.found, Found::Person { .. })
            }) {
                if let Found::Person { role: r, .. } = &mut ctx.hits[h].found {
                    r.clone_from(&role);
                }
                j = ctx.hits[h].tokens.end - ctx.start;
            } else {
                let run = ctx.name_run(j);
                if run == 0 {
                    break;
                }
                // A single capitalized word after a bare office head ("Secretary General") is
                // not enough on its own in headings.
                if ctx.heading && run == 1 && target != Target::Honorific {
                    break;
                }
                // "the Queen Mother", "Prime Minister Question Time": one plain word after a
                // title is part of a phrase, not a name.
                // ("Mr Younger", "Mrs Green": after Mr and the like, any word is a surname.)
                let plain_honorific = target == Target::Honorific
                    && matches!(
                        ctx.words[i].trim_end_matches('.'),
                        "Mr" | "Mrs" | "Ms" | "Miss" | "Dr"
                    );
                // ("Mr P.": an initial alone is no surname.)
                if run == 1 && ctx.words[j].trim_end_matches('.').chars().count() == 1 {
                    break;
                }
                if run == 1
                    && !plain_honorific
                    && ctx.lex.is_common_word(ctx.words[j])
                    && ctx.lex.names.longest_at(&ctx.words, j).is_none()
                {
                    break;
                }
                let name = ctx.text_of(j..j + run);
                let known = (run == 1)
                    .then(|| {
                        ctx.lex
                            .names
                            .longest_at(&ctx.words, j)
                            .and_then(|(l, t)| match t {
                                Target::PersonAlias(p) | Target::Person(p) if l == 1 => Some(p),
                                _ => None,
                            })
                    })
                    .flatten();
                ctx.take(
                    j..j + run,
                    Found::Person {
                        name,
                        role: role.clone(),
                        country: None,
                        known,
                    },
                );
                j += run;
            }
            people += 1;
            if plural && j + 1 < n && matches!(ctx.words[j], "and" | ",") {
                j += 1;
                continue;
            }
            break;
        }
        if people > 0 {
            for t in &mut ctx.taken[title_start..i + len] {
                *t = true;
            }
            let country = match country_hit {
                Some(h) => ctx.mark_modifier(h),
                None => org_country,
            };
            if let Some(c) = country {
                let first_new = ctx.hits.len() - people;
                for hit in &mut ctx.hits[first_new..] {
                    if let Found::Person { country, .. } = &mut hit.found {
                        *country = Some(c);
                    }
                }
            }
            // "Lord Menon of Tarnwick", "Baroness Hale of Ashby": a peer's title ends with a place.
            if people == 1
                && target == Target::Honorific
                && matches!(
                    ctx.words[i].to_lowercase().as_str(),
                    "lord" | "lady" | "baroness" | "baron"
                )
                && j + 1 < n
                && ctx.words[j] == "of"
            {
                let mut k = j + 1;
                while k < n
                    && k < j + 4
                    && !ctx.taken[k]
                    && ctx.kind(k) == TokenKind::Word
                    && is_capitalized(ctx.words[k])
                {
                    k += 1;
                }
                if k > j + 1 {
                    let name = ctx.text_of(j + 1..k);
                    ctx.take(j + 1..k, Found::Place { name });
                    j = k;
                }
            }
            i = j;
        } else {
            i += len;
        }
    }
}

/// The end of an organization's name that continues past `end` with "for"/"of", an optional
/// "the", and capitalized words ("Council for the Welfare of Immigrants"); `end` if it does not.
fn organization_tail(lex: &Lexicon, words: &[&str], end: usize) -> usize {
    let mut last = end;
    let mut j = end;
    while j < words.len() && matches!(words[j], "for" | "of") {
        let mut k = j + 1;
        if k < words.len() && words[k] == "the" {
            k += 1;
        }
        let start = k;
        while k < words.len()
            && words[k].chars().next().is_some_and(char::is_uppercase)
            && words[k].chars().all(char::is_alphabetic)
            && k - start < 4
        {
            k += 1;
        }
        if k == start {
            break;
        }
        last = k;
        j = k;
    }
    // Nothing but capitalized words follows: "of State Daniel Whitfield" is a title and a name.
    if last < words.len() && words[last].chars().next().is_some_and(char::is_uppercase) {
        return end;
    }
    // "Alliance for Vaccines and Immunisation": plain capitalized words after "and" close it.
    if last > end && last + 1 < words.len() && words[last] == "and" {
        let mut k = last + 1;
        while k < words.len()
            && k < last + 3
            && is_capitalized(words[k])
            && words[k].chars().all(char::is_alphabetic)
            && lex.is_common_word(words[k])
            && !lex.is_given_name(words[k])
        {
            k += 1;
        }
        if k > last + 1 && words.get(k).is_none_or(|w| !is_capitalized(w)) {
            return k;
        }
    }
    last
}

/// Words for works whose titles are capitalized like names ("his book, Lawless World").
const WORK_WORDS: &[&str] = &[
    "book",
    "novel",
    "memoir",
    "memoirs",
    "autobiography",
    "biography",
    "film",
    "documentary",
    "album",
    "play",
    "song",
    "poem",
    "pamphlet",
    "newspaper",
    "magazine",
    "programme",
    "series",
    "titled",
    "entitled",
];

/// Words that end the name of an institution owned by a name ("St Mary's Hospital").
const INSTITUTION_HEADS: &[&str] = &[
    "school",
    "college",
    "hospital",
    "church",
    "academy",
    "infirmary",
    "cathedral",
];

/// The end of "'s Middle School" right after a name at `end`, if that is what follows.
fn possessive_institution(words: &[&str], end: usize) -> Option<usize> {
    if !words
        .get(end)
        .is_some_and(|w| matches!(*w, "'s" | "’s" | "'" | "’"))
    {
        return None;
    }
    let mut j = end + 1;
    while j < words.len() && j <= end + 4 && is_capitalized(words[j]) {
        if INSTITUTION_HEADS.contains(&words[j].to_lowercase().as_str()) {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// Names the trained tagger finds where no lexicon entry or title did: people, organizations,
/// and locations that are not countries (cities, regions: places, not actors). The lexicons
/// keep the last word on what a name is; the tagger finds the names they do not list.
fn tagged_names(ctx: &mut SentenceCtx<'_, '_>, context: &DocContext<'_>) {
    // "By Horn Ledger staff — Addis Ababa": a byline names the writer, not an actor.
    if ctx.words.first().is_some_and(|w| *w == "By") && ctx.words.len() <= 12 {
        return;
    }
    // Words inside an issue phrase ("Nile dam", "Taiwan Strait") are the issue, not names.
    let mut in_issue = vec![false; ctx.words.len()];
    let mut k = 0;
    while k < ctx.words.len() {
        if let Some((len, Target::Issue(_))) = ctx.lex.issue_table.longest_at(&ctx.words, k) {
            for flag in &mut in_issue[k..k + len] {
                *flag = true;
            }
            k += len;
        } else {
            k += 1;
        }
    }
    let (label_ids, margins) =
        ctx.lex
            .tagger
            .decode_words(&ctx.words, &ctx.names_at, &ctx.titles_at, ctx.lex, context);
    let labels: Vec<&str> = label_ids.iter().map(|&l| LABELS[l]).collect();
    let mut i = 0;
    while i < labels.len() {
        let Some(kind) = labels[i].strip_prefix("B-") else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < labels.len() && labels[end].strip_prefix("I-") == Some(kind) {
            end += 1;
        }
        // "Radio 4's Woman's Hour": a span that starts on a possessive is a piece of a name.
        if matches!(ctx.words[i], "'s" | "’s") {
            i = end;
            continue;
        }
        // Trailing punctuation and possessives are not part of the name.
        let mut last = end;
        // "a party called Veritas - Latin for truth": a spaced dash ends a name.
        if let Some(dash) = (i + 1..last).find(|&t| {
            matches!(ctx.words[t], "-" | "–" | "—") && ctx.doc.tokens[ctx.start + t].space_before
        }) {
            last = dash;
        }

        while last > i && ctx.kind(last - 1) != TokenKind::Word {
            last -= 1;
        }
        // Post-nominals are not part of a name ("Tom McCabe MSP", "Guy Mansfield QC"); alone
        // they are no name at all.
        while last > i + 1
            && (POST_NOMINALS.contains(&ctx.words[last - 1])
                || matches!(ctx.words[last - 1], "Councillor" | "Cllr" | "DJ"))
        {
            last -= 1;
        }
        if POST_NOMINALS.contains(&ctx.words[i]) {
            i = end;
            continue;
        }
        // "Blairite Owen Pryce", "fellow Welshman Ray Lee": a word for a follower or a
        // countryman before a given name and a surname describes the person; it is no part
        // of the name.
        if kind == "PER"
            && last >= i + 3
            && last <= i + 4
            && (follower_word(ctx.words[i])
                || ((ctx.words[i].ends_with("man") || ctx.words[i].ends_with("woman"))
                    && !ctx.lex.is_given_name(ctx.words[i])))
            && ctx.lex.is_given_name(ctx.words[i + 1])
            && ctx.free(i + 1..last)
        {
            let name = ctx.text_of(i + 1..last);
            ctx.take(
                i + 1..last,
                Found::Person {
                    name,
                    role: None,
                    country: None,
                    known: None,
                },
            );
            i = end;
            continue;
        }
        // "Both the Cardinal and the Archbishop": a title alone names no one.
        if last == i + 1 && ctx.titles_at[i].is_some_and(|(len, _)| len == 1) {
            i = end;
            continue;
        }
        // "In his new book, Lawless World, Philippe Sands": the title of a work.
        if i >= 1 && {
            let before = if ctx.words[i - 1] == "," && i >= 2 {
                i - 2
            } else {
                i - 1
            };
            WORK_WORDS.contains(&ctx.words[before].to_lowercase().as_str())
        } {
            i = end;
            continue;
        }
        // "St Egwin's Middle School", "Lewis Boys' School": a name that owns an institution's
        // name is part of it.
        let mut kind = kind;
        if (kind != "LOC" || matches!(ctx.words[i], "St" | "Saint"))
            && let Some(k) = possessive_institution(&ctx.words, last)
            && (last..k).all(|t| !ctx.taken[t])
        {
            last = k;
            kind = "ORG";
        }
        // "Hulme-Cross": a hyphenated surname goes on past the hyphen.
        if kind == "PER"
            && last == end
            && last + 1 < ctx.words.len()
            && ctx.words[last] == "-"
            && !ctx.doc.tokens[ctx.start + last].space_before
            && !ctx.doc.tokens[ctx.start + last + 1].space_before
            && is_capitalized(ctx.words[last + 1])
            && !ctx.taken[last + 1]
        {
            last += 2;
        }
        // "the Joint Council for the Welfare of Immigrants", "Charing Cross Police Station":
        // an organization's name goes on through "for"/"of" and capitalized words.
        // ("entered Parliament for Sheffield Brightside": a seat, not part of the name.)
        let legislature = matches!(
            ctx.words[last - 1].to_lowercase().as_str(),
            "parliament" | "commons" | "assembly" | "senate" | "congress"
        );
        if kind == "ORG" && last == end && !legislature {
            last = organization_tail(ctx.lex, &ctx.words, last);
            let mut more = 0;
            // ("Bolton West MP", "Capital Radio DJ Ann Lee", "City Councillor Ann Lee": a
            // post-nominal, a title or a person's name after the body is not part of it.)
            while more < 3
                && last < ctx.words.len()
                && !ctx.taken[last]
                && ctx.words[last].chars().all(char::is_alphabetic)
                && is_capitalized(ctx.words[last])
                && (!ctx.lex.is_common_word(ctx.words[last])
                    || ORG_HEADS.contains(&ctx.words[last].to_lowercase().as_str()))
                && !POST_NOMINALS.contains(&ctx.words[last])
                && !matches!(ctx.words[last], "DJ" | "Councillor" | "Cllr")
                && ctx.titles_at[last].is_none()
                && !(ctx.lex.is_given_name(ctx.words[last])
                    && ctx.words.get(last + 1).is_some_and(|w| is_capitalized(w)))
            {
                last += 1;
                more += 1;
            }
        }
        // "Liberal Democrat Paul Tyler": a party's name and a person's run together; the
        // organization ends before the given name.
        // ("Liberal Democrat David Laws": a surname that is also a plain word may fall
        // outside the span, after the given name that ends it.)
        let surname_after = ctx
            .words
            .get(last)
            .is_some_and(|w| is_capitalized(w) && w.chars().all(char::is_alphabetic));
        let cut_end = if surname_after {
            last
        } else {
            last.saturating_sub(1)
        };
        if kind == "ORG"
            && let Some(k) = (i + 1..cut_end).find(|&k| {
                ctx.lex.is_given_name(ctx.words[k])
                    && last - k <= 3
                    && ctx.words[k + 1..last].iter().all(|w| {
                        is_capitalized(w) && !ORG_HEADS.contains(&w.to_lowercase().as_str())
                    })
            })
        {
            last = k;
        }
        // "the Fabian Society's Ann Lee", "Capital Radio DJ Ann Lee", "City Councillor Ann
        // Lee": a possessive, a title or a post-nominal inside the span ends the body's name,
        // and the capitalized words after a title are the person holding it.
        let mut holder = None;
        if kind == "ORG"
            && let Some(k) = (i + 1..last.saturating_sub(1)).find(|&k| {
                (matches!(ctx.words[k], "'s" | "’s")
                    && ctx.words[k + 1..last].len() == 2
                    && ctx.words[k + 1..last].iter().all(|w| {
                        is_capitalized(w)
                            && (ctx.lex.is_given_name(w) || !ctx.lex.is_common_word(w))
                            && !ORG_HEADS.contains(&w.to_lowercase().as_str())
                            && !COMPANY_WORDS.contains(&w.to_lowercase().as_str())
                            && !INSTITUTION_HEADS.contains(&w.to_lowercase().as_str())
                    }))
                    || matches!(ctx.words[k], "DJ" | "Councillor" | "Cllr")
                    || POST_NOMINALS.contains(&ctx.words[k])
                    || ctx.titles_at[k].is_some_and(|(_, t)| t != Target::Honorific)
            })
        {
            let title_end = match ctx.titles_at[k] {
                Some((tl, _)) => k + tl,
                None => k + 1,
            };
            if !matches!(ctx.words[k], "'s" | "’s")
                && last >= title_end + 2
                && last - title_end <= 3
                && ctx.words[title_end..last]
                    .iter()
                    .all(|w| is_capitalized(w) && w.chars().all(char::is_alphabetic))
            {
                holder = Some(title_end..last);
            }
            // ("the Lord Chancellor's Department": a title inside a body's name with no
            // person after it belongs to the name.)
            if holder.is_some() || ctx.titles_at[k].is_none() {
                last = k;
            }
        }
        // "Eurosceptic party UKIP", "Labour-run council": a lone word qualifying the group noun
        // after it is no name.
        if kind != "LOC"
            && last == i + 1
            && ctx.words[i].ends_with("ic")
            && ctx.words.get(last).is_some_and(|w| {
                matches!(
                    *w,
                    "party"
                        | "group"
                        | "groups"
                        | "campaign"
                        | "campaigners"
                        | "movement"
                        | "lobby"
                )
            })
            && ctx.words.get(last + 1).is_some_and(|w| is_capitalized(w))
        {
            i = end;
            continue;
        }
        // "the 1981 Brixton riots", "the Lockerbie bombing": where something happened.
        if kind != "LOC"
            && last == i + 1
            && !ctx.words[i].chars().all(|c| c.is_ascii_uppercase())
            && ctx.words.get(last).is_some_and(|w| {
                matches!(
                    *w,
                    "riots"
                        | "riot"
                        | "bombing"
                        | "bombings"
                        | "attack"
                        | "attacks"
                        | "disaster"
                        | "massacre"
                        | "crash"
                        | "siege"
                        | "summit"
                        | "talks"
                        | "accord"
                        | "by-election"
                        | "agreement"
                        | "declaration"
                        | "protocol"
                )
            })
        {
            let name = ctx.text_of(i..last);
            if ctx.free(i..last) {
                ctx.take(i..last, Found::Place { name });
            }
            i = end;
            continue;
        }
        // "the Lyons review", "Thatcherism": a name of a document or a creed is no actor.
        let lone = last == i + 1;
        if kind != "LOC"
            && lone
            && (ctx.words[i].ends_with("ism")
                || ctx.words.get(last).is_some_and(|w| {
                    matches!(
                        *w,
                        "review" | "report" | "inquiry" | "programme" | "show" | "doctrine"
                    )
                }))
        {
            i = end;
            continue;
        }
        // "a Labrador-long-haired cross", "a Chelsea-style deal": a name glued by a
        // hyphen to the plain words of a compound qualifies it; "Kremlin-backed" and
        // "Labour-run" still name who backs and runs.
        if kind != "LOC"
            && last == end
            && last + 1 < ctx.words.len()
            && ctx.words[last] == "-"
            && ctx.joined_to_previous(last)
            && ctx.joined_to_previous(last + 1)
            && ctx.words[last + 1].chars().all(char::is_lowercase)
            && !(ctx.words[last + 1].ends_with("ed")
                && ctx.words.get(last + 2).is_none_or(|w| *w != "-"))
            && !matches!(
                ctx.words[last + 1],
                "led" | "run" | "held" | "built" | "made" | "driven"
            )
        {
            i = end;
            continue;
        }
        // "victims of Alzheimer's, Tarn's and Motor Neurone disease": a disease named after
        // someone, or named like a name, is no actor.
        let disease = |w: &&str| {
            matches!(
                w.to_lowercase().as_str(),
                "disease" | "diseases" | "syndrome"
            )
        };
        let ends_in_disease = matches!(
            ctx.words[last.max(i + 1) - 1].to_lowercase().as_str(),
            "disease" | "diseases" | "syndrome" | "sclerosis" | "fever"
        );
        if kind != "LOC"
            && (ends_in_disease
                || ctx.words.get(last).is_some_and(disease)
                || (last == i + 1
                    && ctx
                        .words
                        .get(last)
                        .is_some_and(|w| matches!(*w, "'s" | "’s"))
                    && ctx.words[last + 1..]
                        .iter()
                        .take(10)
                        .take_while(|w| !matches!(**w, "." | ";" | ":" | "(" | "\""))
                        .any(disease)))
        {
            i = end;
            continue;
        }
        // "Las Vegas style resorts", "a Soviet-style plan": a name that gives a style only
        // describes.
        let style_at = |k: usize| {
            ctx.words
                .get(k)
                .is_some_and(|w| w.eq_ignore_ascii_case("style"))
        };
        if kind != "LOC"
            && (style_at(last) || (ctx.words.get(last) == Some(&"-") && style_at(last + 1)))
        {
            i = end;
            continue;
        }
        // "for Holocaust Memorial Day", "Armistice Day": a name before "Day" or "Week" is
        // an observance.
        if kind != "LOC"
            && ctx
                .words
                .get(last)
                .is_some_and(|w| matches!(*w, "Day" | "Week"))
        {
            i = end;
            continue;
        }
        // "the 2000 Millennium Declaration", "the Hunting Act": documents are not bodies.
        if kind == "ORG"
            && DOCUMENT_WORDS.contains(&ctx.words[last.max(i + 1) - 1].to_lowercase().as_str())
        {
            i = end;
            continue;
        }
        // The words' own evidence, summed over the span, must favour the name over `O`: the
        // transitions that carry a name on once it has begun cannot make one alone.
        let first = if kind == "ORG" {
            ctx.organization_head(i, last)
        } else {
            i
        };
        let confident = margins[i..end].iter().sum::<f32>() > 0.0;
        let in_issue_phrase = kind != "LOC" && in_issue[first..last.max(first)].iter().any(|&f| f);
        if confident
            && !in_issue_phrase
            && last > first
            && ctx.free(first..last)
            && ctx.plausible_name(kind, first..last)
        {
            let i = first;
            let name = ctx.text_of(i..last);
            // "in Lower Saxony": whatever the tagger thinks, a name after "in" is a place.
            // ("in James Callaghan's administration": a name that owns something is no place.)
            let after_locative = i > 0
                && PLACE_PREPOSITIONS.contains(&ctx.words[i - 1].to_lowercase().as_str())
                && !ctx
                    .words
                    .get(last)
                    .is_some_and(|w| matches!(*w, "'s" | "’s"));
            // "in Bavaria and Lower Saxony", "Ashfield, Nottinghamshire": a name joined to a
            // place is a place too.
            // ("Hinckley, Leicestershire": a county after a town, whatever the town is.)
            let county_after_town = i > 1
                && ctx.words[i - 1] == ","
                && is_capitalized(ctx.words[i - 2])
                && last - i == 1
                && ctx.words[i].len() > 6
                && ctx.words[i].ends_with("shire");
            let town_county = i > 0
                && ctx.words[i - 1] == ","
                && last - i == 1
                && ctx
                    .words
                    .get(last)
                    .is_none_or(|w| matches!(*w, "." | "," | ")" | ";"));
            let joined_to_place = county_after_town
                || i > 0
                    && (matches!(ctx.words[i - 1], "and" | "or") || town_county)
                    && ctx.hits.iter().any(|h| {
                        matches!(h.found, Found::Place { .. }) && h.tokens.end + 1 == i + ctx.start
                    });
            let last_word = ctx.words[last - 1].to_lowercase();
            // "Rory Bremner's impression": a given name and one more name make a person.
            let kind = if kind == "ORG"
                && last - i == 2
                && ctx.lex.is_given_name(ctx.words[i])
                && !ctx.lex.is_common_word(ctx.words[i])
                && !ORG_HEADS.contains(&last_word.as_str())
                && !COMPANY_WORDS.contains(&last_word.as_str())
            {
                "PER"
            } else {
                kind
            };
            let kind = if kind == "PER"
                && last - i >= 2
                && (COMPANY_WORDS.contains(&last_word.as_str())
                    || ORG_HEADS.contains(&last_word.as_str()))
            {
                "ORG"
            } else {
                kind
            };
            // "MP for Henley-on-Thames", "the member for Loch Ness West": a constituency.
            let constituency = (i >= 2
                && ctx.words[i - 1] == "for"
                && (matches!(
                    ctx.words[i - 2],
                    "MP" | "MSP" | "MEP" | "AM" | "MLA" | "member" | "candidate" | "councillor"
                ) || LEGISLATURES.contains(&ctx.words[i - 2].to_lowercase().as_str())))
                || (i >= 3
                    && ctx.words[i - 1] == "the"
                    && ctx.words[i - 2] == "for"
                    && matches!(ctx.words[i - 3], "member" | "MP" | "MSP"));
            // "from Pease Pottage, West Sussex": where someone comes from, then its county.
            let from_place = i > 0
                && ctx.words[i - 1] == "from"
                && ctx.words.get(last) == Some(&",")
                && ctx
                    .words
                    .get(last + 1)
                    .is_some_and(|w| is_capitalized(w) && !ctx.lex.is_given_name(w));
            // "the constituency of Tarnwick West", "the town of Hexham".
            let of_place = i >= 2
                && ctx.words[i - 1] == "of"
                && matches!(
                    ctx.words[i - 2].to_lowercase().as_str(),
                    "constituency"
                        | "seat"
                        | "town"
                        | "city"
                        | "village"
                        | "county"
                        | "borough"
                        | "district"
                        | "ward"
                        | "region"
                        | "island"
                        | "suburb"
                        | "parish"
                );
            // "Bolton West MP", "the Salford MP", "Middlesbrough mayor Ray Mallon": a body the
            // lexicons do not list, named before a member or mayor, is the seat or town they
            // hold (parties before "MP" are in the lexicons and taken already).
            let seat_holder = kind == "ORG"
                && !name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || !c.is_alphabetic())
                && ctx.words.get(last).is_some_and(|w| {
                    matches!(
                        *w,
                        "MP" | "MPs"
                            | "MSP"
                            | "MSPs"
                            | "AM"
                            | "MEP"
                            | "MEPs"
                            | "MLA"
                            | "mayor"
                            | "Mayor"
                            | "councillor"
                            | "councillors"
                            | "Councillor"
                    )
                });
            // "Bethnal Green, in east London": a name placed inside a region is a place.
            let placed_in_region = ctx.words.get(last) == Some(&",")
                && ctx.words.get(last + 1) == Some(&"in")
                && ctx.words.get(last + 2).is_some_and(|w| {
                    matches!(
                        *w,
                        "north"
                            | "south"
                            | "east"
                            | "west"
                            | "central"
                            | "northern"
                            | "southern"
                            | "eastern"
                            | "western"
                    )
                });
            // "a sightseeing trip to Wadi Rum", "had to travel to Llanelli": where one goes.
            let destination = i >= 2
                && ctx.words[i - 1] == "to"
                && matches!(
                    ctx.words[i - 2].to_lowercase().as_str(),
                    "trip"
                        | "trips"
                        | "tour"
                        | "journey"
                        | "travel"
                        | "travels"
                        | "travelled"
                        | "traveled"
                        | "travelling"
                        | "traveling"
                        | "flew"
                        | "fly"
                        | "flying"
                        | "drove"
                        | "returned"
                        | "spread"
                        | "spreading"
                        | "went"
                )
                && !name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || !c.is_alphabetic())
                && !ctx
                    .words
                    .get(last)
                    .is_some_and(|w| matches!(*w, "'s" | "’s" | "'" | "’"));
            // "Charles Dickens' Oliver Twist": a name owned by a person is a work or a thing of
            // theirs, not another person.
            let owned_by_person = kind == "PER"
                && i >= 2
                && matches!(ctx.words[i - 1], "'s" | "’s" | "'" | "’")
                && ctx.hits.iter().any(|h| {
                    matches!(h.found, Found::Person { .. }) && h.tokens.end + 1 == i + ctx.start
                });
            // "the Tarnwick Four": a group of people named by their number is no one person
            // and no body ("Channel Four", "Group of Seven" are).
            let numbered_group = kind != "LOC"
                && last - i >= 2
                && !matches!(
                    ctx.words[last - 2],
                    "of" | "Channel" | "Radio" | "BBC" | "ITV"
                )
                && matches!(
                    ctx.words[last - 1],
                    "Two"
                        | "Three"
                        | "Four"
                        | "Five"
                        | "Six"
                        | "Seven"
                        | "Eight"
                        | "Nine"
                        | "Ten"
                        | "Eleven"
                        | "Twelve"
                );
            // (Their words are claimed, so that no later stage reads a person into them.)
            if owned_by_person || numbered_group {
                for t in &mut ctx.taken[i..last] {
                    *t = true;
                }
            }
            // "won the Folkestone & Hythe seat", "the Tarn Green ward": whatever its length, a
            // name before "seat" or "ward" is a constituency.
            let seat_named = ctx.words.get(last).is_some_and(|w| {
                matches!(
                    *w,
                    "seat" | "seats" | "constituency" | "ward" | "wards" | "by-election"
                )
            });
            let found = match kind {
                _ if owned_by_person || numbered_group => None,
                "PER" | "ORG" if seat_named => Some(Found::Place { name }),
                "PER" | "ORG" if placed_in_region || destination => Some(Found::Place { name }),
                "PER" | "ORG" if constituency || from_place || of_place || seat_holder => {
                    Some(Found::Place { name })
                }
                "PER" | "ORG" if joined_to_place || is_geographic(&ctx.words[i..last]) => {
                    Some(Found::Place { name })
                }
                "PER" if after_locative => Some(Found::Place { name }),
                // "a city like Peterborough", "a Yorkshire man", "including Rosyth naval base":
                // a lone name in a place's context is a place.
                "ORG" | "PER"
                    if last - i == 1
                        && !name.chars().all(|c| c.is_ascii_uppercase())
                        && ((i > 0
                            && matches!(
                                ctx.words[i - 1].to_lowercase().as_str(),
                                "like" | "including" | "near" | "outside"
                            ))
                            || ctx.words.get(last).is_some_and(|w| {
                                PLACE_NOUNS.contains(&w.to_lowercase().as_str())
                                    // "to attend the Tarnow service": a gathering held there.
                                    || matches!(
                                        *w,
                                        "service" | "ceremony" | "commemoration" | "memorial"
                                            | "vigil" | "camp" | "camps"
                                    )
                                    || (w.chars().all(char::is_lowercase)
                                        && ctx.words.get(last + 1).is_some_and(|n| {
                                            PLACE_NOUNS.contains(&n.to_lowercase().as_str())
                                        }))
                            })) =>
                {
                    Some(Found::Place { name })
                }
                // "crossed into Chad at Adre": a lone unknown word after "at" is a place; an
                // acronym ("talks at NATO") stays an organization.
                "ORG"
                    if after_locative
                        && last - i == 1
                        && !name.chars().all(|c| c.is_ascii_uppercase()) =>
                {
                    Some(Found::Place { name })
                }
                "PER" => Some(Found::Person {
                    known: (last - i == 1)
                        .then(|| match ctx.names_at[i] {
                            Some((1, Target::PersonAlias(p) | Target::Person(p))) => Some(p),
                            _ => None,
                        })
                        .flatten(),
                    name,
                    role: None,
                    country: None,
                }),
                "ORG" => {
                    let country = ctx.country_before(i).and_then(|h| ctx.mark_modifier(h));
                    Some(Found::Organization {
                        key: format!("org:{}", slug(&name)),
                        name,
                        country,
                    })
                }
                "LOC" => Some(Found::Place { name }),
                _ => None,
            };
            if let Some(found) = found {
                ctx.take(i..last, found);
            }
        }
        if let Some(person) = holder
            && ctx.free(person.clone())
        {
            let name = ctx.text_of(person.clone());
            ctx.take(
                person,
                Found::Person {
                    name,
                    role: None,
                    country: None,
                    known: None,
                },
            );
        }
        i = end;
    }
}

/// Military ranks that are also plain adjectives or nouns, written lower case.
const RANK_ADJECTIVES: &[&str] = &["major", "general", "marshal", "private", "captain"];

/// Words before a title that belong to the role.
const ROLE_QUALIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "acting",
    "assistant",
    "former",
    "interim",
    "junior",
    "under",
    "shadow",
];

/// "Polish defense minister Anna Kowalska and her German counterpart, Markus Brenner": the
/// counterpart holds the same office for the country named before the word.
fn counterparts(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    for i in 0..n {
        if !matches!(
            ctx.words[i].to_lowercase().as_str(),
            "counterpart" | "counterparts"
        ) {
            continue;
        }
        let mut j = i + 1;
        if ctx.words.get(j) == Some(&",") {
            j += 1;
        }
        let run = ctx.name_run(j);
        if run < 2 {
            continue;
        }
        // The office of the person named before, in this sentence.
        let role = ctx.hits.iter().rev().find_map(|h| match &h.found {
            Found::Person { role: Some(r), .. } if h.tokens.end <= i + ctx.start => Some(r.clone()),
            _ => None,
        });
        let country = ctx.country_before(i).and_then(|h| ctx.mark_modifier(h));
        let name = ctx.text_of(j..j + run);
        ctx.take(
            j..j + run,
            Found::Person {
                name,
                role,
                country,
                known: None,
            },
        );
    }
}

/// Words for relatives, after which a name is a person's ("with wife Ffion").
const KIN_WORDS: &[&str] = &[
    "wife",
    "husband",
    "son",
    "sons",
    "daughter",
    "daughters",
    "brother",
    "sister",
    "partner",
    "mother",
    "father",
    "widow",
    "widower",
    "fiancee",
    "fiancée",
    "fiance",
    "fiancé",
    "girlfriend",
    "boyfriend",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "cousin",
    "stepson",
    "stepdaughter",
];

/// "start a family with wife Ffion", "his son Dafydd": a name right after a word for a
/// relative, itself after a possessive or a linking word, is a person.
fn kin_names(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    for i in 1..n.saturating_sub(1) {
        if !KIN_WORDS.contains(&ctx.words[i]) || ctx.taken[i] {
            continue;
        }
        let before = ctx.words[i - 1].to_lowercase();
        if !matches!(
            before.as_str(),
            "his" | "her" | "their" | "my" | "our" | "your" | "'s" | "’s" | "with" | "and" | "by"
        ) {
            continue;
        }
        let run = ctx.name_run(i + 1);
        let first = ctx.words[i + 1];
        if run == 0 || run > 3 || (ctx.lex.is_common_word(first) && !ctx.lex.is_given_name(first)) {
            continue;
        }
        let name = ctx.text_of(i + 1..i + 1 + run);
        ctx.take(
            i + 1..i + 1 + run,
            Found::Person {
                name,
                role: None,
                country: None,
                known: None,
            },
        );
    }
}

/// Words that may close an apposition after its title.
const APPOSITION_ENDS: &[&str] = &[
    ",", ".", ";", ":", ")", "and", "said", "says", "told", "who",
];

/// Roles given after the name: "Maria Reyes, the Philippine foreign secretary, said", "Dong
/// Jun, China's defense minister". The title must end the phrase, so "Reyes, President
/// Castillo's envoy" gives Reyes nothing.
fn appositions(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let people: Vec<usize> = (0..ctx.hits.len())
        .filter(|&h| matches!(ctx.hits[h].found, Found::Person { role: None, .. }))
        .collect();
    for h in people {
        let mut j = ctx.hits[h].tokens.end - ctx.start;
        if ctx.words.get(j) != Some(&",") {
            continue;
        }
        j += 1;
        if j < n
            && matches!(
                ctx.words[j].to_lowercase().as_str(),
                "the" | "a" | "an" | "its" | "their"
            )
        {
            j += 1;
        }
        let country_hit = ctx.hits.iter().position(|c| {
            c.tokens.start == j + ctx.start && matches!(c.found, Found::Country { .. })
        });
        if let Some(c) = country_hit {
            j = ctx.hits[c].tokens.end - ctx.start;
            if j < n && matches!(ctx.words[j], "'s" | "’s") {
                j += 1;
            }
        }
        let Some((len, target)) = ctx.titles_at.get(j).copied().flatten() else {
            continue;
        };
        if target == Target::Honorific || !ctx.free(j..j + len) {
            continue;
        }
        let end = j + len;
        if end < n && !APPOSITION_ENDS.contains(&ctx.words[end]) {
            continue;
        }
        let role = ctx.lex.role_of(target);
        let country = country_hit.and_then(|c| ctx.mark_modifier(c));
        for t in &mut ctx.taken[j..end] {
            *t = true;
        }
        if let Found::Person {
            role: r,
            country: k,
            ..
        } = &mut ctx.hits[h].found
        {
            *r = role;
            if k.is_none() {
                *k = country;
            }
        }
    }
}

/// Untitled people: a given name followed by capitalized words ("Gordon Brown"), or a
/// capitalized pair before a reporting verb ("Ana Lobo said").
fn named_people(ctx: &mut SentenceCtx<'_, '_>) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        let run = ctx.name_run(i);
        if run < 2 {
            i += 1;
            continue;
        }
        let first = ctx.words[i];
        let given = ctx.lex.is_given_name(first);
        let reported = REPORTING_VERBS.contains(&ctx.words.get(i + run).copied().unwrap_or(""));
        let initial_common = i == 0 && ctx.lex.is_common_word(first);
        // "The Roman Catholic Archbishop": a faith is no name, even after a given name.
        if ctx.words[i..i + run].iter().all(|w| member_word(w)) {
            i += run;
            continue;
        }
        // "Age Concern argued", "Royal Mail says": a pair ending in a plain word is a body.
        let plain_last = !given && ctx.lex.is_common_word(ctx.words[i + run - 1]);
        let titled = (i..i + run).any(|k| ctx.titles_at[k].is_some());
        if reported && !initial_common && plain_last && !titled {
            // "the Welsh Assembly Government said": with the country in front.
            let country_hit = ctx.country_before(i);
            let surface_start = country_hit.map_or(i, |h| ctx.hits[h].tokens.start - ctx.start);
            let country = country_hit.and_then(|h| ctx.mark_modifier(h));
            let name = ctx.text_of(surface_start..i + run);
            ctx.take(
                i..i + run,
                Found::Organization {
                    key: format!("org:{}", slug(&name)),
                    name,
                    country,
                },
            );
        } else if (given || reported) && !initial_common {
            let name = ctx.text_of(i..i + run);
            ctx.take(
                i..i + run,
                Found::Person {
                    name,
                    role: None,
                    country: None,
                    known: None,
                },
            );
        }
        i += run;
    }
}

/// Groups hits into actors: resolves surnames to full names, aliases to known people and
/// unqualified ministries to the one qualified ministry of the article; finds lone surnames.
pub fn resolve(doc: &Doc<'_>, lex: &Lexicon, hits: &mut Vec<Hit>) -> Vec<Actor> {
    named_groups(doc, hits);
    // Full names seen in the article: key -> (name, known index).
    let mut people: BTreeMap<String, (String, Option<usize>)> = BTreeMap::new();
    for h in hits.iter() {
        if let Found::Person { name, known, .. } = &h.found {
            let full = known.map_or_else(|| name.clone(), |k| lex.people[k].name.clone());
            if full.split_whitespace().count() >= 2 || known.is_some() {
                people.entry(person_key(&full)).or_insert((full, *known));
            }
        }
    }
    let surname_owner = |word: &str| -> Option<String> {
        let mut owners = people.iter().filter(|(_, (name, known))| {
            let parts: Vec<&str> = name.split_whitespace().collect();
            parts.last() == Some(&word)
                || known.is_some_and(|k| lex.people[k].aliases.iter().any(|a| a == word))
        });
        if let Some(first) = owners.next() {
            return owners.next().is_none().then(|| first.0.clone());
        }
        // "Lin Wenhao ... Lin also warned": names written family name first (and the odd
        // given name used alone, which within one article means the same person).
        if lex.is_common_word(word) {
            return None;
        }
        let mut owners = people.iter().filter(|(_, (name, _))| {
            let parts: Vec<&str> = name.split_whitespace().collect();
            parts.len() == 2 && parts[0] == word
        });
        let first = owners.next()?;
        owners.next().is_none().then(|| first.0.clone())
    };

    // "received Sakai at the palace": a lone word taken for a place that is the surname of a
    // person named in full in this article is that person.
    for h in hits.iter_mut() {
        if let Found::Place { name } = &h.found
            && h.tokens.len() == 1
            && let Some(key) = surname_owner(name)
        {
            h.found = Found::Person {
                name: name.clone(),
                role: None,
                country: None,
                known: None,
            };
            h.key = key;
        }
    }

    // "the conference in Tarnwick ... Tarnwick was chosen": a lone word the tagger took for an
    // unlisted organization is a place when the article also names it as a place.
    let place_words: Vec<String> = hits
        .iter()
        .filter_map(|h| match &h.found {
            Found::Place { name } if !name.contains(' ') => Some(name.clone()),
            _ => None,
        })
        .collect();
    // ("Essex beat Surrey ... in Essex": a club named after its town more often than the town
    // stays a club.)
    let lone_org = |found: &Found| match found {
        Found::Organization { key, name, .. }
            if !name.contains(' ')
                && !name.chars().all(|c| !c.is_lowercase())
                && lex.organization(key).is_none() =>
        {
            Some(name.clone())
        }
        _ => None,
    };
    let org_words: Vec<String> = hits.iter().filter_map(|h| lone_org(&h.found)).collect();
    for h in hits.iter_mut() {
        if let Some(name) = lone_org(&h.found)
            && place_words.iter().filter(|p| **p == name).count()
                >= org_words.iter().filter(|o| **o == name).count()
        {
            h.found = Found::Place { name: name.clone() };
        }
    }

    // "People like Forsyth", "Plaid Cymru's Elfyn Llwyd": a name the tagger took for an
    // organization that is the surname of a person of this article ("Frederick Forsyth", "Mr
    // Llwyd") is that person.
    let lone_surnames: Vec<String> = hits
        .iter()
        .filter_map(|h| match &h.found {
            Found::Person { name, .. } => name.split_whitespace().last().map(str::to_string),
            _ => None,
        })
        .collect();
    for h in hits.iter_mut() {
        let Found::Organization { key, name, .. } = &h.found else {
            continue;
        };
        let listed = lex.organization(key).is_some();
        let words: Vec<&str> = name.split_whitespace().collect();
        let headed = words.iter().any(|w| {
            ORG_HEADS.contains(&w.to_lowercase().as_str())
                || COMPANY_WORDS.contains(&w.to_lowercase().as_str())
        });
        if listed || headed || name.chars().all(|c| !c.is_lowercase()) {
            continue;
        }
        let owner = match words.as_slice() {
            [one] => surname_owner(one),
            [_, last] | [_, _, last] if lone_surnames.iter().any(|s| s == last) => {
                Some(person_key(name))
            }
            _ => None,
        };
        if let Some(owner) = owner {
            let name = name.clone();
            h.found = Found::Person {
                name,
                role: None,
                country: None,
                known: None,
            };
            h.key = owner;
        }
    }

    // Lone capitalized words that are surnames of people in this article, or lexicon aliases.
    let mut covered = vec![false; doc.tokens.len()];
    for h in hits.iter() {
        for t in h.tokens.clone() {
            covered[t] = true;
        }
    }
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for t in sentence.tokens.clone() {
            let w = doc.word(t);
            if covered[t] || !is_capitalized(w) || doc.tokens[t].kind != TokenKind::Word {
                continue;
            }
            if let Some(key) = surname_owner(w) {
                hits.push(Hit {
                    tokens: t..t + 1,
                    sentence: s,
                    found: Found::Person {
                        name: w.to_string(),
                        role: None,
                        country: None,
                        known: None,
                    },
                    key,
                });
                continue;
            }
            let words = [w];
            if let Some((1, Target::PersonAlias(p))) = lex.names.longest_at(&words, 0)
                && w.chars().count() >= 4
                && !(t == sentence.tokens.start && lex.is_common_word(w))
                && !lex.is_common_word(w)
            {
                hits.push(Hit {
                    tokens: t..t + 1,
                    sentence: s,
                    found: Found::Person {
                        name: w.to_string(),
                        role: None,
                        country: None,
                        known: Some(p),
                    },
                    key: String::new(),
                });
            }
        }
    }
    hits.sort_by_key(|h| h.tokens.start);
    buildings(doc, lex, hits);
    broadcast_programmes(doc, lex, hits);
    // "who was a GP in Blaengwynfi", "became a QC": an acronym after "a" that qualifies no
    // noun is a kind of person, not a body ("a UKIP candidate" names the party).
    hits.retain(|h| {
        let t = h.tokens.start;
        let lone_acronym = h.tokens.len() == 1
            && matches!(&h.found, Found::Organization { key, name, .. }
                if lex.organization(key).is_none()
                    && (2..=4).contains(&name.len())
                    && name.chars().all(|c| c.is_ascii_uppercase()));
        let after_article = t > 0 && matches!(doc.word(t - 1), "a" | "an" | "A" | "An");
        let qualifies = h.tokens.end < doc.tokens.len()
            && doc.tokens[h.tokens.end].kind == TokenKind::Word
            && !matches!(
                doc.word(h.tokens.end),
                "in" | "at" | "for" | "who" | "and" | "or" | "with" | "from" | "to" | "on" | "of"
            );
        !(lone_acronym && after_article && !qualifies)
    });
    whole_body_names(doc, lex, hits);
    bracketed_acronyms(doc, lex, hits);

    // Ministries named without their country take the article's only matching one.
    let qualified: Vec<String> = hits
        .iter()
        .filter_map(|h| match &h.found {
            Found::Organization {
                key,
                country: Some(_),
                ..
            } => Some(key.clone()),
            _ => None,
        })
        .collect();

    let mut actors: BTreeMap<String, Actor> = BTreeMap::new();
    for h in hits.iter_mut() {
        let span = doc.tokens[h.tokens.start].span.start..doc.tokens[h.tokens.end - 1].span.end;
        let surface = doc.text[span.clone()].to_string();
        let mention = Mention {
            span,
            sentence: h.sentence,
        };
        let (key, kind, name, role, affiliation) = match &h.found {
            Found::Place { name } => {
                // Not an actor; events read the place from the hit.
                h.key = format!("place:{}", slug(name));
                continue;
            }
            Found::Country { index, .. } => {
                let c = &lex.countries[*index];
                (
                    format!("country:{}", c.iso3),
                    ActorKind::Country,
                    c.name.clone(),
                    None,
                    None,
                )
            }
            Found::Organization { key, name, country } => {
                let mut key = key.clone();
                if country.is_none() {
                    let suffix = key.trim_start_matches("org:").to_string();
                    let mut same = qualified
                        .iter()
                        .filter(|q| q.ends_with(&format!("-{suffix}")));
                    if let (Some(q), None) = (same.next(), same.next()) {
                        key.clone_from(q);
                    }
                }
                let country_key = country.map(|c| format!("country:{}", lex.countries[c].iso3));
                (
                    key,
                    ActorKind::Organization,
                    name.clone(),
                    None,
                    country_key,
                )
            }
            Found::Person {
                name,
                role,
                country,
                known,
            } => {
                let (full, lexicon_role, lexicon_country) = if let Some(k) = known {
                    let p = &lex.people[*k];
                    (p.name.clone(), p.role.clone(), p.country.clone())
                } else if !h.key.is_empty() {
                    let full = people
                        .get(&h.key)
                        .map_or_else(|| name.clone(), |(n, _)| n.clone());
                    (full, None, None)
                } else if name.split_whitespace().count() == 1 {
                    let full = surname_owner(name)
                        .and_then(|k| people.get(&k).map(|(n, _)| n.clone()))
                        .unwrap_or_else(|| name.clone());
                    (full, None, None)
                } else {
                    (name.clone(), None, None)
                };
                let affiliation = country
                    .map(|c| format!("country:{}", lex.countries[c].iso3))
                    .or_else(|| lexicon_country.map(|c| format!("country:{c}")));
                (
                    person_key(&full),
                    ActorKind::Person,
                    full,
                    role.clone().or(lexicon_role),
                    affiliation,
                )
            }
        };
        h.key.clone_from(&key);
        let actor = actors.entry(key.clone()).or_insert_with(|| Actor {
            key,
            kind,
            name: name.clone(),
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            affiliation_name: None,
            mentions: Vec::new(),
        });
        // The text's own role beats the lexicon's; the first stated one wins.
        if let Some(r) = role
            && (actor.role.is_none() || matches!(&h.found, Found::Person { role: Some(_), .. }))
            && actor.role.as_deref() != Some(r.as_str())
            && (actor.role.is_none()
                || actor.role.as_deref().is_some_and(|old| r.len() > old.len()))
        {
            actor.role = Some(r);
        }
        if actor.affiliation.is_none() {
            actor.affiliation = affiliation;
        }
        if surface != actor.name && !actor.aliases.contains(&surface) {
            actor.aliases.push(surface);
        }
        actor.mentions.push(mention);
    }
    role_mentions(doc, lex, hits, &mut actors);
    let mut out: Vec<Actor> = actors.into_values().collect();
    for a in &mut out {
        a.aliases.sort();
        a.mentions.sort_by_key(|m| m.span.start);
    }
    out
}

/// "The defense minister said": a later mention by role alone is the one person of the
/// article who holds that role. Only after that person has been named, and only when exactly
/// one person holds it.
fn role_mentions(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &mut Vec<Hit>,
    actors: &mut BTreeMap<String, Actor>,
) {
    let mut covered = vec![false; doc.tokens.len()];
    for h in hits.iter() {
        for t in h.tokens.clone() {
            covered[t] = true;
        }
    }
    let mut found = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words: Vec<&str> = sentence.tokens.clone().map(|t| doc.word(t)).collect();
        for i in 1..words.len() {
            if !words[i - 1].eq_ignore_ascii_case("the") {
                continue;
            }
            let Some((len, target)) = lex.titles.longest_at(&words, i) else {
                continue;
            };
            let g = sentence.tokens.start + i;
            if target == Target::Honorific || (g..g + len).any(|t| covered[t]) {
                continue;
            }
            // "the minister Dong Jun" is a titled name, found already.
            if words.get(i + len).is_some_and(|w| is_capitalized(w)) {
                continue;
            }
            let Some(role) = lex.role_of(target) else {
                continue;
            };
            let start = doc.tokens[g].span.start;
            let holders: Vec<&String> = actors
                .values()
                .filter(|a| {
                    a.kind == ActorKind::Person
                        && a.role
                            .as_deref()
                            .is_some_and(|r| r.eq_ignore_ascii_case(&role))
                        && a.mentions.iter().any(|m| m.span.start < start)
                })
                .map(|a| &a.key)
                .collect();
            if let [key] = holders.as_slice() {
                found.push((g..g + len, s, (*key).clone()));
            }
        }
    }
    for (tokens, sentence, key) in found {
        let span = doc.tokens[tokens.start].span.start..doc.tokens[tokens.end - 1].span.end;
        let surface = doc.text[span.clone()].to_string();
        // The role phrase is a mention, not another name of the person.
        if let Some(actor) = actors.get_mut(&key) {
            actor.mentions.push(Mention { span, sentence });
        }
        hits.push(Hit {
            tokens,
            sentence,
            found: Found::Person {
                name: surface,
                role: None,
                country: None,
                known: None,
            },
            key,
        });
    }
    hits.sort_by_key(|h| h.tokens.start);
}

/// Node key of a person.
pub fn person_key(name: &str) -> String {
    format!("person:{}", slug(name))
}
