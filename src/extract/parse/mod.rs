//! The part-of-speech tagger and the labelled dependency parser, trained on Universal
//! Dependencies English EWT. A greedy averaged-perceptron tagger gives each word its UPOS tag;
//! a greedy arc-hybrid transition parser ([`transition`]) builds the tree with a three-way
//! structural classifier, and a separate classifier labels each arc as it is made. All three
//! score sparse hashed features ([`features`]) with 16-bit weights ([`model`]).
//!
//! The parser reads UD words, not our tokens: [`ud_words`] maps the tokenizer's output to UD
//! conventions ("don't" is do + n't, "long-term" one word), each word keeping its byte span in
//! the document's text. `newsgraph train parse` writes the model; `assets/models/parse.bin` is
//! the one the binary embeds.

pub mod average;
pub mod beam;
pub mod conllu;
pub mod dense;
pub mod dense_tags;
pub mod features;
pub mod model;
pub mod relabel;
pub mod score;
pub mod table;
pub mod train;
pub mod transition;
pub mod ud_words;

use std::ops::Range;

use super::doc::Doc;
pub use model::{ParseModelError, Parser};

/// Universal part-of-speech tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition.
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

impl Upos {
    /// Every tag, in model order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];
    /// Number of tags.
    pub const COUNT: usize = 17;

    /// The UD name ("NOUN").
    pub fn name(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag of a UD name, if it is one.
    pub fn from_name(name: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.name() == name)
    }

    /// The tag's index in model order.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag at a model index (out of range reads as `X`).
    pub fn from_index(i: usize) -> Upos {
        Upos::ALL.get(i).copied().unwrap_or(Upos::X)
    }
}

/// The relation labels the parser knows: every basic label of UD English EWT with its
/// subtypes, plus a few older or rarer ones other English treebanks use.
pub const DEPREL_NAMES: [&str; 57] = [
    "root",
    "punct",
    "case",
    "nsubj",
    "det",
    "advmod",
    "obj",
    "amod",
    "obl",
    "conj",
    "compound",
    "mark",
    "nmod",
    "cc",
    "aux",
    "cop",
    "advcl",
    "nmod:poss",
    "xcomp",
    "ccomp",
    "flat",
    "acl:relcl",
    "parataxis",
    "appos",
    "nummod",
    "acl",
    "aux:pass",
    "nsubj:pass",
    "obl:unmarked",
    "nmod:unmarked",
    "discourse",
    "list",
    "compound:prt",
    "iobj",
    "expl",
    "fixed",
    "nmod:desc",
    "obl:agent",
    "csubj",
    "nsubj:outer",
    "det:predet",
    "vocative",
    "goeswith",
    "advcl:relcl",
    "cc:preconj",
    "reparandum",
    "orphan",
    "csubj:pass",
    "dislocated",
    "dep",
    "csubj:outer",
    "obl:tmod",
    "obl:npmod",
    "nmod:tmod",
    "nmod:npmod",
    "flat:foreign",
    "clf",
];

/// A dependency relation label: an index into [`DEPREL_NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Deprel(u8);

#[allow(missing_docs, reason = "the names are the UD labels")]
impl Deprel {
    pub const ROOT: Deprel = Deprel(0);
    pub const PUNCT: Deprel = Deprel(1);
    pub const CASE: Deprel = Deprel(2);
    pub const NSUBJ: Deprel = Deprel(3);
    pub const DET: Deprel = Deprel(4);
    pub const ADVMOD: Deprel = Deprel(5);
    pub const OBJ: Deprel = Deprel(6);
    pub const AMOD: Deprel = Deprel(7);
    pub const OBL: Deprel = Deprel(8);
    pub const CONJ: Deprel = Deprel(9);
    pub const COMPOUND: Deprel = Deprel(10);
    pub const MARK: Deprel = Deprel(11);
    pub const NMOD: Deprel = Deprel(12);
    pub const CC: Deprel = Deprel(13);
    pub const AUX: Deprel = Deprel(14);
    pub const COP: Deprel = Deprel(15);
    pub const ADVCL: Deprel = Deprel(16);
    pub const NMOD_POSS: Deprel = Deprel(17);
    pub const XCOMP: Deprel = Deprel(18);
    pub const CCOMP: Deprel = Deprel(19);
    pub const FLAT: Deprel = Deprel(20);
    pub const ACL_RELCL: Deprel = Deprel(21);
    pub const PARATAXIS: Deprel = Deprel(22);
    pub const APPOS: Deprel = Deprel(23);
    pub const NUMMOD: Deprel = Deprel(24);
    pub const ACL: Deprel = Deprel(25);
    pub const AUX_PASS: Deprel = Deprel(26);
    pub const NSUBJ_PASS: Deprel = Deprel(27);
    pub const OBL_UNMARKED: Deprel = Deprel(28);
    pub const NMOD_UNMARKED: Deprel = Deprel(29);
    pub const COMPOUND_PRT: Deprel = Deprel(32);
    pub const IOBJ: Deprel = Deprel(33);
    pub const EXPL: Deprel = Deprel(34);
    pub const FIXED: Deprel = Deprel(35);
    pub const OBL_AGENT: Deprel = Deprel(37);
    pub const CSUBJ: Deprel = Deprel(38);
    pub const DEP: Deprel = Deprel(49);
    pub const OBL_TMOD: Deprel = Deprel(51);
}

impl Deprel {
    /// Number of labels.
    pub const COUNT: usize = DEPREL_NAMES.len();

    /// The UD name ("nsubj:pass").
    pub fn name(self) -> &'static str {
        DEPREL_NAMES[usize::from(self.0)]
    }

    /// The label of a UD name. An unknown subtype reads as its base label ("obl:foo" is
    /// "obl"); `None` for an unknown base.
    pub fn from_name(name: &str) -> Option<Deprel> {
        let find = |n: &str| {
            DEPREL_NAMES
                .iter()
                .position(|d| *d == n)
                .and_then(|i| u8::try_from(i).ok())
                .map(Deprel)
        };
        find(name).or_else(|| name.split_once(':').and_then(|(base, _)| find(base)))
    }

    /// The label without its subtype ("nsubj" for "nsubj:pass").
    pub fn base(self) -> &'static str {
        let name = self.name();
        name.split_once(':').map_or(name, |(base, _)| base)
    }

    /// The label's index in model order.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The label at a model index (out of range reads as `dep`).
    pub fn from_index(i: usize) -> Deprel {
        if i < Self::COUNT {
            u8::try_from(i).map_or(Deprel::DEP, Deprel)
        } else {
            Deprel::DEP
        }
    }
}

/// One syntactic word of a parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the document's text.
    pub span: Range<usize>,
    /// Index of the document token it comes from (the first, when it joins several, as
    /// "long-term" joins three).
    pub token: usize,
    /// Part of speech.
    pub upos: Upos,
    /// Index of the head word in the same sentence's word list; `None` for the root.
    pub head: Option<usize>,
    /// Relation to the head (`root` for the root).
    pub deprel: Deprel,
}

/// A parsed sentence: its words, in text order, forming one tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedSentence {
    /// The words.
    pub words: Vec<Word>,
}

impl ParsedSentence {
    /// Indices of the words whose head is word `i`, in text order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == Some(i))
            .map(|(j, _)| j)
    }

    /// Indices of the children of word `i` with relation `deprel`.
    pub fn children_with(&self, i: usize, deprel: Deprel) -> impl Iterator<Item = usize> + '_ {
        self.children(i)
            .filter(move |&j| self.words[j].deprel == deprel)
    }

    /// The text of word `i`.
    pub fn text<'a>(&self, doc: &Doc<'a>, i: usize) -> &'a str {
        doc.text.get(self.words[i].span.clone()).unwrap_or("")
    }

    /// The root word (the first, should a sentence ever have several).
    pub fn root(&self) -> Option<usize> {
        self.words.iter().position(|w| w.head.is_none())
    }

    /// The word that token `token` of `doc` belongs to (the first, when the token was split
    /// into several words, as "don't" is do + n't).
    pub fn word_of_token(&self, doc: &Doc, token: usize) -> Option<usize> {
        let span = doc.tokens.get(token)?.span.clone();
        self.words
            .iter()
            .position(|w| w.span.start < span.end && span.start < w.span.end)
    }
}
