//! Typed lexicons (countries, organizations, people, role titles, event triggers, issues, word
//! lists) read from the JSON files in `assets/lexicon/`, embedded in the binary and overridable
//! from a folder, plus the phrase matcher that finds their entries in token streams
//! ([`phrase_table`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Deserialize;

use super::clusters::WordClasses;
use super::events::patterns::ArgumentRules;
use super::ner::NerModel;
use super::parse::Parser;

mod phrase_table;

pub use phrase_table::{FilterKey, PhraseTable, WordHasher, WordSet, shape_bit};

/// A country or territory.
#[derive(Debug, Clone, Deserialize)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-3 code (or a user-assigned code for entities without one).
    pub iso3: String,
    /// Display name.
    pub name: String,
    /// `country` or `territory`.
    #[serde(default)]
    pub kind: String,
    /// Full and common names.
    #[serde(default)]
    pub names: Vec<String>,
    /// Acronyms and short forms (US, UK, PRC).
    #[serde(default)]
    pub short: Vec<String>,
    /// Adjectives and demonyms (Chinese, Americans).
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Capitals used as metonyms for the government (Beijing, Washington).
    #[serde(default)]
    pub capitals: Vec<String>,
}

/// An organization with a fixed name.
#[derive(Debug, Clone, Deserialize)]
pub struct OrganizationEntry {
    /// Slug used in the node key.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Every name form.
    #[serde(default)]
    pub names: Vec<String>,
    /// International, government, party, ...
    #[serde(default)]
    pub kind: String,
    /// ISO3 code of the country it belongs to.
    #[serde(default)]
    pub country: Option<String>,
    /// Cities that stand for the body when they act ("Brussels fined Apple": the European
    /// Union); named as a place ("talks in Brussels") they stay the place.
    #[serde(default)]
    pub seats: Vec<String>,
}

/// A well-known person (heads of state and government).
#[derive(Debug, Clone, Deserialize)]
pub struct PersonEntry {
    /// Slug used in the node key.
    pub key: String,
    /// Full display name.
    pub name: String,
    /// Forms used alone (usually the surname).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO3 code of the country they lead or belong to.
    #[serde(default)]
    pub country: Option<String>,
    /// Their best-known office.
    #[serde(default)]
    pub role: Option<String>,
}

/// A fixed title phrase ("prime minister") and the role it names.
#[derive(Debug, Clone, Deserialize)]
pub struct TitleEntry {
    /// Lower-case phrases.
    pub phrases: Vec<String>,
    /// Canonical role.
    pub role: String,
}

/// An office that combines with a portfolio ("defense minister", "secretary of state").
#[derive(Debug, Clone, Deserialize)]
pub struct OfficeEntry {
    /// The head word ("minister").
    pub head: String,
    /// Its plural ("ministers").
    #[serde(default)]
    pub plural: Option<String>,
    /// Phrase patterns with `{d}` for the portfolio.
    pub patterns: Vec<String>,
    /// Role pattern with `{D}` for the portfolio's canonical name.
    pub role: String,
}

/// A portfolio ("defense", "foreign affairs").
#[derive(Debug, Clone, Deserialize)]
pub struct DomainEntry {
    /// Lower-case forms.
    pub forms: Vec<String>,
    /// Canonical name.
    pub name: String,
    /// The portfolio goes before the office in every role ("Foreign Secretary", never
    /// "Secretary of Foreign").
    #[serde(default)]
    pub before_head: bool,
}

/// The role lexicon.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RolesFile {
    /// Fixed titles.
    #[serde(default)]
    pub titles: Vec<TitleEntry>,
    /// Offices combined with domains.
    #[serde(default)]
    pub offices: Vec<OfficeEntry>,
    /// Portfolios.
    #[serde(default)]
    pub domains: Vec<DomainEntry>,
    /// Mr, Mrs, Dr, ...
    #[serde(default)]
    pub honorifics: Vec<String>,
}

/// An event trigger word or phrase.
#[derive(Debug, Clone, Deserialize)]
pub struct TriggerEntry {
    /// Lower-case surface forms.
    pub forms: Vec<String>,
    /// PLOVER category name.
    pub category: String,
    /// Plain-words kind (`meeting`).
    pub kind: String,
    /// Display label ("Meeting").
    pub label: String,
}

/// An issue.
#[derive(Debug, Clone, Deserialize)]
pub struct IssueEntry {
    /// Slug used in the node key.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Topic category.
    #[serde(default)]
    pub category: String,
    /// True for named places (seas, straits): actor names inside them are not actor mentions.
    #[serde(default)]
    pub place: bool,
    /// Surface forms, matched case-insensitively.
    pub phrases: Vec<String>,
    /// For a place wholly inside one country that no other state claims ("West Bank":
    /// `PSE`), that country's ISO3 code: an act done there is done to that country.
    #[serde(default)]
    pub country: Option<String>,
    /// The name alone is an everyday word too ("sanctions" a school or a party may impose):
    /// it names the issue only in a sentence that names a country or a body.
    #[serde(default)]
    pub name_needs_actor: bool,
}

/// General word lists.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct WordsFile {
    /// Frequent lower-case English words.
    #[serde(default)]
    pub common_words: Vec<String>,
    /// Capitalized words that never start a name.
    #[serde(default)]
    pub never_names: Vec<String>,
    /// Given names from many cultures.
    #[serde(default)]
    pub given_names: Vec<String>,
}

/// What a lexicon phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A country, by index into `Lexicon::countries`, and how it was named.
    Country(usize, CountryForm),
    /// An organization, by index.
    Organization(usize),
    /// A known person by full name, by index.
    Person(usize),
    /// A known person by alias only (needs support from context).
    PersonAlias(usize),
    /// A fixed title, by index into `Lexicon::roles.titles`.
    Title(usize),
    /// An office with a portfolio: (office index, domain index).
    Office(usize, usize),
    /// A bare office head ("minister"), by office index.
    OfficeHead(usize),
    /// An honorific (Mr, Dr).
    Honorific,
    /// An event trigger, by index.
    Trigger(usize),
    /// An issue, by index.
    Issue(usize),
}

/// How a country was named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountryForm {
    /// A full or common name.
    Name,
    /// An acronym or short form.
    Short,
    /// An adjective or demonym.
    Adjective,
    /// Its capital, standing for the government.
    Capital,
}

/// Replaces typographic apostrophes with ASCII ones so "China’s" and "China's" match alike.
pub fn normalize_apostrophes(s: &str) -> String {
    if s.contains(['\u{2019}', '\u{2018}']) {
        s.replace(['\u{2019}', '\u{2018}'], "'")
    } else {
        s.to_string()
    }
}

/// A portfolio form split into words, with its domain's index.
type DomainForm = (usize, Vec<String>);

/// All lexicons, with their phrase tables built.
#[derive(Debug)]
pub struct Lexicon {
    /// Countries and territories.
    pub countries: Vec<CountryEntry>,
    /// Organizations with fixed names.
    pub organizations: Vec<OrganizationEntry>,
    /// Well-known people.
    pub people: Vec<PersonEntry>,
    /// Titles, offices and portfolios.
    pub roles: RolesFile,
    /// Event triggers.
    pub triggers: Vec<TriggerEntry>,
    /// Issues.
    pub issues: Vec<IssueEntry>,
    /// Frequent lower-case words ([`Lexicon::is_common_word`]). Like the given names, never
    /// changed once the lexicon is built: the entity tagger keeps each word's membership per
    /// thread under [`Lexicon::words_id`].
    common_words: WordSet,
    /// Capitalized words that never start a name.
    pub never_names: WordSet,
    /// Given names ([`Lexicon::is_given_name`]).
    given_names: WordSet,
    /// Identifies `common_words` and `given_names` ([`Lexicon::words_id`]).
    words_id: u64,
    /// Names of countries, organizations and people (case-sensitive, plus ALL CAPS).
    pub names: PhraseTable,
    /// Role titles and honorifics (case-insensitive).
    pub titles: PhraseTable,
    /// Event triggers (case-insensitive).
    pub trigger_table: PhraseTable,
    /// Issue phrases (case-insensitive).
    pub issue_table: PhraseTable,
    /// The phrases of the issue places that lie in one country ("the West Bank"), alone: most
    /// words are turned away by its first-word filter, which the whole issue table's common
    /// words pass.
    pub territory_table: PhraseTable,
    country_by_iso: HashMap<String, usize>,
    organization_by_key: HashMap<String, usize>,
    /// Portfolio forms split into words, by their first word folded to ASCII lower case:
    /// (domain index, words), in lexicon order.
    domain_forms: HashMap<String, Vec<DomainForm>, BuildHasherDefault<WordHasher>>,
    /// The trained entity tagger (`assets/models/ner.bin`, or `ner.bin` in the override folder).
    pub tagger: NerModel,
    /// The part-of-speech tagger and dependency parser (`assets/models/parse.bin`, or
    /// `parse.bin` in the override folder).
    pub parser: Parser,
    /// Argument patterns and the word lists the event reader uses (`arguments.json`).
    pub arguments: ArgumentRules,
    /// The user's corrections (`corrections.json` in the override folder; none embedded).
    pub corrections: super::overrides::Overrides,
    /// Rules on the tagger's names and the word sets the extraction code looks up.
    pub rules: super::rules::RuleSet,
}

/// A lexicon file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The override file could not be read.
    #[error("Could not read the lexicon file ({source}): {path}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The tagger model in the override folder is not one this build reads.
    #[error("The tagger model is not valid ({source}): {path}")]
    Model {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        source: super::ner::ModelError,
    },
    /// The parser model in the override folder is not one this build reads.
    #[error("The parser model is not valid ({source}): {path}")]
    ParseModel {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        source: super::parse::ParseModelError,
    },
    /// The argument patterns are not valid.
    #[error("The argument patterns in {file} are not valid: {source}")]
    Patterns {
        /// The file name.
        file: String,
        /// Why.
        #[source]
        source: super::events::patterns::PatternError,
    },
    /// The corrections file is not one this build reads.
    #[error("The corrections file is not valid ({reason}): {path}")]
    Corrections {
        /// Why.
        reason: String,
        /// The file.
        path: std::path::PathBuf,
    },
    /// A rule file or the word sets are not valid.
    #[error(transparent)]
    Rules(#[from] super::rules::RulesError),
    /// The file is not valid JSON of the expected shape.
    #[error("The lexicon file {file} is not valid: {source}")]
    Json {
        /// The file name.
        file: String,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
}

const FILES: [(&str, &str); 8] = [
    (
        "countries.json",
        include_str!("../../assets/lexicon/countries.json"),
    ),
    (
        "organizations.json",
        include_str!("../../assets/lexicon/organizations.json"),
    ),
    (
        "people.json",
        include_str!("../../assets/lexicon/people.json"),
    ),
    (
        "roles.json",
        include_str!("../../assets/lexicon/roles.json"),
    ),
    (
        "events.json",
        include_str!("../../assets/lexicon/events.json"),
    ),
    (
        "issues.json",
        include_str!("../../assets/lexicon/issues.json"),
    ),
    (
        "words.json",
        include_str!("../../assets/lexicon/words.json"),
    ),
    (
        "arguments.json",
        include_str!("../../assets/lexicon/arguments.json"),
    ),
];

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LexiconError> {
    serde_json::from_str(text).map_err(|source| LexiconError::Json {
        file: file.to_string(),
        source,
    })
}

/// Sense rules name trigger kinds: each must be one the trigger lexicon has.
fn check_sense_kinds(
    arguments: &ArgumentRules,
    triggers: &[TriggerEntry],
) -> Result<(), LexiconError> {
    for sense in &arguments.senses {
        let target = match &sense.effect {
            super::events::senses::Effect::Kind(k) => Some(k),
            super::events::senses::Effect::Drop => None,
        };
        if let Some(k) = sense
            .kinds
            .iter()
            .chain(target)
            .find(|k| !triggers.iter().any(|t| &t.kind == *k))
        {
            return Err(LexiconError::Patterns {
                file: "arguments.json".to_owned(),
                source: super::events::patterns::PatternError::Invalid {
                    id: sense.id.clone(),
                    problem: format!("no trigger in events.json has the kind '{k}'"),
                },
            });
        }
    }
    Ok(())
}

/// The names of countries, organizations and people, each also in ALL CAPS.
fn name_table(
    countries: &[CountryEntry],
    organizations: &[OrganizationEntry],
    people: &[PersonEntry],
) -> PhraseTable {
    let mut names = PhraseTable::new(false);
    let mut add_name = |phrase: &str, target: Target| {
        names.insert(phrase, target);
        let upper = phrase.to_uppercase();
        if upper != phrase {
            names.insert(&upper, target);
        }
    };
    // A body's seat first: the first phrase inserted keeps its tokens, and a seat is also
    // a country's capital ("Brussels").
    for (i, o) in organizations.iter().enumerate() {
        for n in &o.seats {
            add_name(n, Target::Organization(i));
        }
    }
    for (i, c) in countries.iter().enumerate() {
        add_name(&c.name, Target::Country(i, CountryForm::Name));
        for n in &c.names {
            add_name(n, Target::Country(i, CountryForm::Name));
        }
        for n in &c.short {
            add_name(n, Target::Country(i, CountryForm::Short));
        }
        for n in &c.adjectives {
            add_name(n, Target::Country(i, CountryForm::Adjective));
        }
        for n in &c.capitals {
            add_name(n, Target::Country(i, CountryForm::Capital));
        }
    }
    for (i, o) in organizations.iter().enumerate() {
        add_name(&o.name, Target::Organization(i));
        for n in &o.names {
            add_name(n, Target::Organization(i));
        }
    }
    for (i, p) in people.iter().enumerate() {
        add_name(&p.name, Target::Person(i));
        for a in &p.aliases {
            if a != &p.name {
                add_name(a, Target::PersonAlias(i));
            }
        }
    }
    names
}

/// Titles, offices with every portfolio (and their plurals) and honorifics.
fn title_table(roles: &RolesFile) -> PhraseTable {
    let mut titles = PhraseTable::new(true);
    for (i, t) in roles.titles.iter().enumerate() {
        for p in &t.phrases {
            titles.insert(p, Target::Title(i));
        }
    }
    for (oi, office) in roles.offices.iter().enumerate() {
        titles.insert(&office.head, Target::OfficeHead(oi));
        if let Some(pl) = &office.plural {
            titles.insert(pl, Target::OfficeHead(oi));
        }
        for (di, domain) in roles.domains.iter().enumerate() {
            for form in &domain.forms {
                for pattern in &office.patterns {
                    titles.insert(&pattern.replace("{d}", form), Target::Office(oi, di));
                    if let Some(pl) = &office.plural
                        && pattern.contains(&office.head)
                    {
                        titles.insert(
                            &pattern.replace(&office.head, pl).replace("{d}", form),
                            Target::Office(oi, di),
                        );
                    }
                }
            }
        }
    }
    for h in &roles.honorifics {
        titles.insert(h, Target::Honorific);
    }
    titles
}

/// Each issue's name and phrases; with `territories`, only those of places in one country.
fn issue_table(issues: &[IssueEntry], territories: bool) -> PhraseTable {
    let mut issue_table = PhraseTable::new(true);
    for (i, t) in issues.iter().enumerate() {
        if territories && !(t.place && t.country.is_some()) {
            continue;
        }
        issue_table.insert(&t.name, Target::Issue(i));
        for f in &t.phrases {
            issue_table.insert(f, Target::Issue(i));
        }
    }
    issue_table
}

/// Portfolio forms split into words, by their first word folded to ASCII lower case.
fn domain_forms(
    roles: &RolesFile,
) -> HashMap<String, Vec<DomainForm>, BuildHasherDefault<WordHasher>> {
    let mut domain_forms: HashMap<_, Vec<_>, _> = HashMap::default();
    for (d, domain) in roles.domains.iter().enumerate() {
        for form in &domain.forms {
            let parts: Vec<String> = form.split(' ').map(str::to_string).collect();
            domain_forms
                .entry(parts[0].to_ascii_lowercase())
                .or_default()
                .push((d, parts));
        }
    }
    domain_forms
}

impl Lexicon {
    /// The lexicons embedded in the binary.
    ///
    /// # Panics
    /// Only if the embedded files are invalid, which the test suite rules out.
    pub fn embedded() -> Self {
        let get = |name: &str| -> String {
            FILES
                .iter()
                .chain(super::rules::FILES.iter())
                .find(|(n, _)| *n == name)
                .map(|(_, t)| (*t).to_string())
                .unwrap_or_default()
        };
        Self::from_texts(&get, || (NerModel::embedded(), Parser::embedded()))
            .expect("embedded lexicons are valid (checked by tests)")
    }

    /// The embedded lexicons, with any file of the same name in `folder` taking precedence.
    ///
    /// # Errors
    /// When an override file cannot be read or parsed.
    pub fn with_overrides(folder: &Path) -> Result<Self, LexiconError> {
        let mut texts: HashMap<&str, String> = HashMap::new();
        for (name, embedded) in FILES.into_iter().chain(super::rules::FILES) {
            let path = folder.join(name);
            let text = if path.is_file() {
                std::fs::read_to_string(&path)
                    .map_err(|source| LexiconError::Io { path, source })?
            } else {
                embedded.to_string()
            };
            texts.insert(name, text);
        }
        let mut lexicon =
            Self::from_texts(&|name| texts.get(name).cloned().unwrap_or_default(), || {
                (NerModel::embedded(), Parser::embedded())
            })?;
        let corrections = folder.join(super::overrides::FILE_NAME);
        if corrections.is_file() {
            let text =
                std::fs::read_to_string(&corrections).map_err(|source| LexiconError::Io {
                    path: corrections.clone(),
                    source,
                })?;
            lexicon.corrections =
                super::overrides::Overrides::from_json(&text).map_err(|reason| {
                    LexiconError::Corrections {
                        reason,
                        path: corrections,
                    }
                })?;
        }
        let model = folder.join("ner.bin");
        if model.is_file() {
            let bytes = std::fs::read(&model).map_err(|source| LexiconError::Io {
                path: model.clone(),
                source,
            })?;
            lexicon.tagger =
                NerModel::from_bytes(&bytes).map_err(|source| LexiconError::Model {
                    path: model,
                    source,
                })?;
        }
        let model = folder.join("parse.bin");
        if model.is_file() {
            let bytes = std::fs::read(&model).map_err(|source| LexiconError::Io {
                path: model.clone(),
                source,
            })?;
            lexicon.parser =
                Parser::from_bytes(&bytes, WordClasses::embedded()).map_err(|source| {
                    LexiconError::ParseModel {
                        path: model,
                        source,
                    }
                })?;
        }
        Ok(lexicon)
    }

    /// The names of the files an override folder may hold (the lexicons and the
    /// corrections; the models are read by [`crate::extract::ner::NerModel::from_bytes`] and
    /// [`crate::extract::parse::Parser::from_bytes`]).
    pub fn file_names() -> Vec<&'static str> {
        FILES
            .iter()
            .map(|(name, _)| *name)
            .chain([super::overrides::FILE_NAME])
            .collect()
    }

    /// The embedded lexicons with the file `name` (one of [`Lexicon::file_names`]) read from
    /// `text`, taking the models out of `models_from` (give them back with
    /// [`Lexicon::give_models_back`]): what an override folder holding only that file gives,
    /// without loading the models again.
    ///
    /// # Errors
    /// When `text` is not a valid file of that name; the message names the file.
    pub fn with_file(
        name: &str,
        text: &str,
        models_from: &mut Lexicon,
    ) -> Result<Self, LexiconError> {
        let get = |file: &str| -> String {
            if file == name {
                return text.to_owned();
            }
            FILES
                .iter()
                .chain(super::rules::FILES.iter())
                .find(|(n, _)| *n == file)
                .map(|(_, t)| (*t).to_string())
                .unwrap_or_default()
        };
        let mut lexicon = Self::from_texts(&get, || {
            (
                std::mem::take(&mut models_from.tagger),
                std::mem::take(&mut models_from.parser),
            )
        })?;
        if name == super::overrides::FILE_NAME {
            match super::overrides::Overrides::from_json(text) {
                Ok(corrections) => lexicon.corrections = corrections,
                Err(reason) => {
                    lexicon.give_models_back(models_from);
                    return Err(LexiconError::Corrections {
                        reason,
                        path: std::path::PathBuf::from(name),
                    });
                }
            }
        }
        Ok(lexicon)
    }

    /// Moves the models back into `owner` (see [`Lexicon::with_file`]).
    pub fn give_models_back(&mut self, owner: &mut Lexicon) {
        owner.tagger = std::mem::take(&mut self.tagger);
        owner.parser = std::mem::take(&mut self.parser);
    }

    /// Builds the lexicon from each file's text; `models` is called only once the texts are
    /// all valid.
    fn from_texts(
        get: &dyn Fn(&str) -> String,
        models: impl FnOnce() -> (NerModel, Parser),
    ) -> Result<Self, LexiconError> {
        let countries: Vec<CountryEntry> = parse("countries.json", &get("countries.json"))?;
        let organizations: Vec<OrganizationEntry> =
            parse("organizations.json", &get("organizations.json"))?;
        let people: Vec<PersonEntry> = parse("people.json", &get("people.json"))?;
        let roles: RolesFile = parse("roles.json", &get("roles.json"))?;
        let triggers: Vec<TriggerEntry> = parse("events.json", &get("events.json"))?;
        let issues: Vec<IssueEntry> = parse("issues.json", &get("issues.json"))?;
        let words: WordsFile = parse("words.json", &get("words.json"))?;
        let arguments = ArgumentRules::from_json(&get("arguments.json")).map_err(|source| {
            LexiconError::Patterns {
                file: "arguments.json".to_owned(),
                source,
            }
        })?;
        check_sense_kinds(&arguments, &triggers)?;
        let names = name_table(&countries, &organizations, &people);
        let titles = title_table(&roles);
        let mut trigger_table = PhraseTable::new(true);
        for (i, t) in triggers.iter().enumerate() {
            for f in &t.forms {
                trigger_table.insert(f, Target::Trigger(i));
            }
        }
        let territory_table = issue_table(&issues, true);
        let issue_table = issue_table(&issues, false);
        let organization_by_key = organizations
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("org:{}", o.key), i))
            .collect();
        let country_by_iso = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        let domain_forms = domain_forms(&roles);
        let (tagger, parser) = models();
        Ok(Self {
            countries,
            organizations,
            people,
            roles,
            triggers,
            issues,
            common_words: words.common_words.into_iter().collect(),
            never_names: words.never_names.into_iter().collect(),
            given_names: words.given_names.into_iter().collect(),
            words_id: {
                static NEXT: AtomicU64 = AtomicU64::new(1);
                NEXT.fetch_add(1, Ordering::Relaxed)
            },
            names,
            titles,
            trigger_table,
            issue_table,
            territory_table,
            country_by_iso,
            organization_by_key,
            domain_forms,
            tagger,
            parser,
            arguments,
            corrections: super::overrides::Overrides::default(),
            rules: super::rules::RuleSet::from_texts(get)?,
        })
    }

    /// The country with this ISO3 code.
    pub fn country_by_iso(&self, iso3: &str) -> Option<usize> {
        self.country_by_iso.get(iso3).copied()
    }

    /// The country whose capital has this name ("Amman": Jordan).
    pub fn country_of_capital(&self, name: &str) -> Option<&CountryEntry> {
        self.countries
            .iter()
            .find(|c| c.capitals.iter().any(|k| k.eq_ignore_ascii_case(name)))
    }

    /// The country a town that is no capital lies in ("Jericho": Palestine), by the
    /// gazetteer's table, when the lexicon lists that country.
    pub fn country_of_town(&self, name: &str) -> Option<&CountryEntry> {
        super::gazetteer::PlaceCountries::shared()
            .country_of(name)
            .and_then(|iso| self.country_by_iso(iso))
            .map(|c| &self.countries[c])
    }

    /// The listed organization with this node key (`org:nato`), if the lexicon has it.
    pub fn organization(&self, key: &str) -> Option<&OrganizationEntry> {
        self.organization_by_key
            .get(key)
            .map(|&i| &self.organizations[i])
    }

    /// The canonical role named by a title or office match.
    pub fn role_of(&self, target: Target) -> Option<String> {
        match target {
            Target::Title(i) => self.roles.titles.get(i).map(|t| t.role.clone()),
            Target::Office(o, d) => {
                let office = self.roles.offices.get(o)?;
                let domain = self.roles.domains.get(d)?;
                if domain.before_head {
                    let mut head = office.head.chars();
                    let head = head.next().map_or_else(String::new, |c| {
                        c.to_uppercase().collect::<String>() + head.as_str()
                    });
                    return Some(format!("{} {head}", domain.name));
                }
                Some(office.role.replace("{D}", &domain.name))
            }
            Target::OfficeHead(o) => self.roles.offices.get(o).map(|office| {
                let mut chars = office.head.chars();
                chars.next().map_or_else(String::new, |c| {
                    c.to_uppercase().collect::<String>() + chars.as_str()
                })
            }),
            _ => None,
        }
    }

    /// The portfolio named by `words[i..]` ("foreign affairs", "Defence"), as (domain index,
    /// word count): the longest form, the first listed among equals; compared without ASCII
    /// case.
    pub fn domain_at(&self, words: &[&str], i: usize) -> Option<(usize, usize)> {
        let word = words.get(i)?;
        let mut buf = [0u8; 32];
        let key: Cow<'_, str> = if word.len() <= buf.len() {
            let folded = &mut buf[..word.len()];
            folded.copy_from_slice(word.as_bytes());
            folded.make_ascii_lowercase();
            match std::str::from_utf8(folded) {
                Ok(k) => Cow::Borrowed(k),
                Err(_) => Cow::Owned(word.to_ascii_lowercase()),
            }
        } else {
            Cow::Owned(word.to_ascii_lowercase())
        };
        let mut best: Option<(usize, usize)> = None;
        for (d, parts) in self.domain_forms.get(key.as_ref())? {
            if i + parts.len() <= words.len()
                && parts
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words[i + k].eq_ignore_ascii_case(p))
                && best.is_none_or(|(_, l)| parts.len() > l)
            {
                best = Some((*d, parts.len()));
            }
        }
        best
    }

    /// True when `word` is a listed given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// A number of this lexicon's own, naming its common words and given names: each
    /// lexicon built gets another, so what is kept of those lists under it never goes stale.
    pub fn words_id(&self) -> u64 {
        self.words_id
    }

    /// True when the lower-case form of `word` is a frequent English word.
    pub fn is_common_word(&self, word: &str) -> bool {
        if word.chars().any(char::is_uppercase) {
            // Most such words are ASCII and short: fold them on the stack.
            let mut buf = [0u8; 32];
            if word.is_ascii() && word.len() <= buf.len() {
                let folded = &mut buf[..word.len()];
                folded.copy_from_slice(word.as_bytes());
                folded.make_ascii_lowercase();
                return std::str::from_utf8(folded).is_ok_and(|w| self.common_words.contains(w));
            }
            self.common_words.contains(&word.to_lowercase())
        } else {
            self.common_words.contains(word)
        }
    }
}
