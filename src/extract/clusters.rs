//! Word classes: each known word's class at several granularities (1024, 256, 64 and 16
//! classes, nested), so a statistical model can generalize from words it saw in training to
//! rarer words of the same class. The classes come from clustering public word vectors
//! (`tools/word_classes.py` regenerates `assets/clusters/word_classes.tsv`); the tagger and
//! parser read them, and any other model may.
//!
//! Words are looked up lower-cased; a word the file does not list has no class.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, OnceLock};

use super::ner::KeyHasher;

/// Number of granularities every word has a class at, finest first.
pub const LEVELS: usize = 4;

/// The classes of a word, finest first (the class at level `l` is below `levels()[l]`).
pub type ClassPath = [u16; LEVELS];

/// Why a word-class file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WordClassesError {
    /// A line is not one of the file's three kinds, or its numbers are out of range.
    #[error("line {line}: {reason}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The `@levels` line is missing, or some fine class has no `@class` line.
    #[error("{0}")]
    Incomplete(String),
}

/// Word → class paths, read from a word-class file.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    levels: [u16; LEVELS],
    /// Each fine class's path through the coarser levels.
    paths: Vec<ClassPath>,
    /// Hash of the lower-cased word → fine class.
    words: HashMap<u64, u16, BuildHasherDefault<KeyHasher>>,
    fingerprint: u64,
}

/// FNV-1a over a string's bytes.
fn fnv(bytes: impl Iterator<Item = u8>, mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The lookup hash of a word: FNV-1a over its lower-cased UTF-8, without allocating.
fn word_hash(word: &str) -> u64 {
    let mut h = FNV_START;
    let mut buf = [0u8; 4];
    for c in word.chars() {
        if c.is_ascii() {
            h = fnv(std::iter::once(c.to_ascii_lowercase() as u8), h);
        } else {
            for l in c.to_lowercase() {
                h = fnv(l.encode_utf8(&mut buf).bytes(), h);
            }
        }
    }
    h
}

impl WordClasses {
    /// The classes the binary embeds (`assets/clusters/word_classes.tsv`), read once per
    /// process.
    ///
    /// # Panics
    /// Never for the committed file: a test reads it.
    pub fn embedded() -> Arc<WordClasses> {
        static EMBEDDED: OnceLock<Arc<WordClasses>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                Arc::new(
                    Self::parse(include_str!("../../assets/clusters/word_classes.tsv"))
                        .expect("the embedded word classes are a valid file (tested)"),
                )
            })
            .clone()
    }

    /// The embedded classes ([`Self::embedded`]) by reference, for code that reads them per
    /// word.
    pub fn shared() -> &'static WordClasses {
        static SHARED: OnceLock<Arc<WordClasses>> = OnceLock::new();
        SHARED.get_or_init(Self::embedded)
    }

    /// Reads a word-class file: `#` comments, one `@levels` line (the number of classes at
    /// each level, finest first), one `@class` line per fine class (its id, then its class
    /// at each coarser level), then one `word<TAB>fine class` line per word.
    ///
    /// # Errors
    /// On a malformed line, a class out of range, or a fine class without its `class` line.
    pub fn parse(text: &str) -> Result<Self, WordClassesError> {
        let mut levels: Option<[u16; LEVELS]> = None;
        let mut paths: Vec<Option<ClassPath>> = Vec::new();
        let mut words = HashMap::default();
        for (i, line) in text.lines().enumerate() {
            let bad = |reason: &str| WordClassesError::Line {
                line: i + 1,
                reason: reason.to_owned(),
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let numbers = |from: usize| -> Result<Vec<u16>, WordClassesError> {
                fields[from..]
                    .iter()
                    .map(|f| f.parse::<u16>().map_err(|_| bad("expected a class number")))
                    .collect()
            };
            match fields[0] {
                "@levels" if levels.is_none() => {
                    let n = numbers(1)?;
                    let l: [u16; LEVELS] = n
                        .try_into()
                        .map_err(|_| bad("the levels line needs four class counts"))?;
                    if l.contains(&0) {
                        return Err(bad("a level needs at least one class"));
                    }
                    levels = Some(l);
                    paths = vec![None; usize::from(l[0])];
                }
                "@class" => {
                    let l = levels.ok_or_else(|| bad("a class line before the levels line"))?;
                    let n = numbers(1)?;
                    let path: ClassPath = n
                        .try_into()
                        .map_err(|_| bad("a class line needs a class at each of four levels"))?;
                    if path.iter().zip(l).any(|(&c, k)| c >= k) {
                        return Err(bad("class number out of range"));
                    }
                    paths[usize::from(path[0])] = Some(path);
                }
                word => {
                    let l = levels.ok_or_else(|| bad("a word line before the levels line"))?;
                    let [_, class] = fields.as_slice() else {
                        return Err(bad("a word line is the word, a tab and its class"));
                    };
                    let class: u16 = class.parse().map_err(|_| bad("expected a class number"))?;
                    if class >= l[0] {
                        return Err(bad("class number out of range"));
                    }
                    words.insert(word_hash(word), class);
                }
            }
        }
        let levels = levels.ok_or_else(|| {
            WordClassesError::Incomplete("the file has no levels line".to_owned())
        })?;
        let paths = paths
            .into_iter()
            .enumerate()
            .map(|(c, p)| {
                p.ok_or_else(|| {
                    WordClassesError::Incomplete(format!("fine class {c} has no class line"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            levels,
            paths,
            words,
            fingerprint: fnv(text.bytes(), FNV_START),
        })
    }

    /// The number of classes at each level, finest first.
    pub fn levels(&self) -> [u16; LEVELS] {
        self.levels
    }

    /// Number of words with a class.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word has a class.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// A hash of the file the classes were read from: a model trained with one set of
    /// classes records it, and refuses to run with another.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The classes of `word` (any case), finest first; `None` for a word the file does not
    /// list.
    pub fn classes(&self, word: &str) -> Option<ClassPath> {
        let fine = *self.words.get(&word_hash(word))?;
        self.paths.get(usize::from(fine)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_classes_group_alike_words() {
        let classes = WordClasses::embedded();
        assert_eq!(classes.levels(), [1024, 256, 64, 16]);
        assert!(classes.len() > 50_000);
        let of = |w: &str| classes.classes(w).expect("a common word has classes");
        // Countries share a fine class; case does not matter.
        assert_eq!(of("Germany")[0], of("france")[0]);
        assert_eq!(of("bishop")[0], of("cardinal")[0]);
        assert_ne!(of("germany")[1], of("the")[1]);
        // Levels nest: the same fine class means the same coarse classes.
        assert_eq!(of("GERMANY"), of("France"));
        assert_eq!(classes.classes("xqzzyv-not-a-word"), None);
    }

    #[test]
    fn a_small_file_reads_and_bad_lines_name_their_line() {
        let text = "# test\n@levels\t2\t1\t1\t1\n@class\t0\t0\t0\t0\n@class\t1\t0\t0\t0\n\
                    Talks\t1\nrun\t0\n";
        let classes = WordClasses::parse(text).expect("valid");
        assert_eq!(classes.classes("talks"), Some([1, 0, 0, 0]));
        assert_eq!(classes.classes("RUN"), Some([0, 0, 0, 0]));
        assert_eq!(classes.len(), 2);
        let err = WordClasses::parse("@levels\t2\t1\t1\t1\n@class\t0\t0\t0\t0\nword\t7\n")
            .expect_err("class 7 of 2");
        assert!(err.to_string().starts_with("line 3:"), "{err}");
        let err = WordClasses::parse("@levels\t2\t1\t1\t1\n@class\t0\t0\t0\t0\n")
            .expect_err("class 1 missing");
        assert!(err.to_string().contains("fine class 1"), "{err}");
        assert!(WordClasses::parse("word\t0\n").is_err());
    }
}
