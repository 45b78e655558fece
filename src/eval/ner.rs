//! Entity-recognition evaluation on CoNLL-style files (`TOKEN TAG` per line, IOB2 tags, blank
//! lines between sentences, `-DOCSTART-` lines between documents): the pipeline tags each
//! document, and exact-span precision, recall and F1 are computed per type with conlleval's
//! chunking rules. Our kinds map to CoNLL types: person → PER, organization → ORG, country and
//! place → LOC. MISC is never predicted, so it is reported apart from the headline figure.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use crate::extract::lexicon::{CountryForm, Target};
use crate::extract::ner::train::TrainSentence;
use crate::extract::ner::{DocContext, FeatureSet, NerModel, label_index, sentence_features};
use crate::extract::tokenize::tokenize;
use crate::extract::{ActorKind, Lexicon, extract};
use crate::ingest::{Format, parse};

/// The entity types of the headline figure.
pub const HEADLINE_TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// One sentence: its tokens and their gold tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// Gold IOB2 tags, one per token.
    pub gold: Vec<String>,
}

/// The sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Whether the file's tokenization splits hyphenated words ("Jean - Louis", as GUM and
    /// `OntoNotes` do) rather than keeping them whole ("London-based", as CoNLL-2003 does): the
    /// article text joins such hyphens back to their words.
    pub hyphens_split: bool,
}

/// Why a CoNLL file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    /// A line with fewer than two columns.
    #[error("line {line} has no tag column (expected 'TOKEN TAG')")]
    MissingTag {
        /// 1-based line number.
        line: usize,
    },
}

/// Reads a CoNLL file. The last column is the tag; earlier extra columns are ignored.
///
/// # Errors
/// When a non-blank line has a single column.
pub fn read_conll(text: &str) -> Result<Vec<Document>, ConllError> {
    let mut docs = vec![Document::default()];
    let mut current = Sentence {
        tokens: Vec::new(),
        gold: Vec::new(),
    };
    let flush = |current: &mut Sentence, docs: &mut Vec<Document>| {
        if !current.tokens.is_empty() {
            let done = std::mem::replace(
                current,
                Sentence {
                    tokens: Vec::new(),
                    gold: Vec::new(),
                },
            );
            if let Some(doc) = docs.last_mut() {
                doc.sentences.push(done);
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split_whitespace();
        let Some(token) = cols.next() else {
            flush(&mut current, &mut docs);
            continue;
        };
        if token == "-DOCSTART-" {
            flush(&mut current, &mut docs);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let tag = cols.last().ok_or(ConllError::MissingTag { line: n + 1 })?;
        current.tokens.push(token.to_string());
        current.gold.push(tag.to_string());
    }
    flush(&mut current, &mut docs);
    docs.retain(|d| !d.sentences.is_empty());
    // (Most of a file's hyphens tell: GUM keeps a few words whole, CoNLL splits a few dashes.)
    let whole = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .flat_map(|s| &s.tokens)
        .filter(|t| hyphenated(t))
        .count();
    let split = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| {
            (0..s.tokens.len())
                .filter(|&k| split_hyphen(&s.tokens, k))
                .count()
        })
        .sum::<usize>();
    for d in &mut docs {
        d.hyphens_split = split > whole;
    }
    Ok(docs)
}

/// Whether a token holds a hyphen between two letters or digits ("London-based", "1-0").
fn hyphenated(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == '-' && w[0].is_alphanumeric() && w[2].is_alphanumeric())
}

/// Whether token `k` of `tokens` is a hyphen split off a hyphenated word: a lone "-" between
/// two tokens that end and start with a letter or digit.
fn split_hyphen(tokens: &[String], k: usize) -> bool {
    k > 0
        && tokens[k] == "-"
        && tokens[k - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphanumeric)
        && tokens
            .get(k + 1)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_alphanumeric)
}

/// The document as an article: the first sentence is the title line, every sentence its own
/// paragraph, tokens separated by single spaces. Returns the text and each token's byte range.
pub fn document_text(doc: &Document) -> (String, Vec<Vec<Range<usize>>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(doc.sentences.len());
    for (i, s) in doc.sentences.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        let mut ranges = Vec::with_capacity(s.tokens.len());
        // ("Jean - Louis" is "Jean-Louis" when the file splits hyphenated words.)
        let joined = |k: usize| doc.hyphens_split && split_hyphen(&s.tokens, k);
        for (k, t) in s.tokens.iter().enumerate() {
            if k > 0 && !joined(k) && !joined(k - 1) {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(t);
            ranges.push(start..text.len());
        }
        spans.push(ranges);
    }
    text.push('\n');
    (text, spans)
}

/// Tags every token of `doc` with the pipeline's entities (IOB2).
pub fn pipeline_tags(doc: &Document, lex: &Lexicon) -> Vec<Vec<String>> {
    let (text, spans) = document_text(doc);
    let mut tags: Vec<Vec<String>> = doc
        .sentences
        .iter()
        .map(|s| vec!["O".to_string(); s.tokens.len()])
        .collect();
    let Ok(article) = parse("conll", text.as_bytes(), Format::Text) else {
        return tags;
    };
    let extraction = extract(&article, lex);
    let mut mentions: Vec<(Range<usize>, &str)> = Vec::new();
    // People groups ("Sudanese rebels") are no names; their country's word is one already.
    for actor in extraction
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::Group)
    {
        // "the defense minister", "the Secretary" refer to a person but are no names: CoNLL
        // tags names only.
        for m in actor.mentions.iter().filter(|m| {
            let written = &article.text[m.span.clone()];
            written.chars().any(char::is_uppercase)
                && !(actor.kind == ActorKind::Person && is_title(written, lex))
        }) {
            let kind = match actor.kind {
                ActorKind::Person => "PER",
                ActorKind::Organization => "ORG",
                // "German", "Chinese": CoNLL's guidelines make nationality words MISC.
                ActorKind::Country if is_demonym(&article.text[m.span.clone()], lex) => "MISC",
                ActorKind::Country | ActorKind::Group => "LOC",
            };
            mentions.push((m.span.clone(), kind));
        }
    }
    mentions.extend(extraction.places.iter().map(|m| (m.span.clone(), "LOC")));
    mentions.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    // Token positions in text order, for the byte-range lookups.
    let mut index: Vec<(Range<usize>, usize, usize)> = Vec::new();
    for (s, ranges) in spans.iter().enumerate() {
        for (t, r) in ranges.iter().enumerate() {
            index.push((r.clone(), s, t));
        }
    }
    for (span, kind) in mentions {
        let first = index.partition_point(|(r, _, _)| r.end <= span.start);
        let tokens: Vec<&(Range<usize>, usize, usize)> = index[first..]
            .iter()
            .take_while(|(r, _, _)| r.start < span.end)
            .collect();
        let covered: Vec<(usize, usize)> = tokens.iter().map(|&&(_, s, t)| (s, t)).collect();
        let Some(&(s0, _)) = covered.first() else {
            continue;
        };
        // "London-based", "U.S.-led": CoNLL keeps such a compound one token and, by its
        // guidelines, a name fused into a longer word makes it MISC. ("Fla." is no compound:
        // only a stop is left out.)
        let has_word = |r: Range<usize>| text[r].chars().any(char::is_alphanumeric);
        let fused = tokens
            .first()
            .is_some_and(|(r, _, _)| r.start < span.start && has_word(r.start..span.start))
            || tokens
                .last()
                .is_some_and(|(r, _, _)| r.end > span.end && has_word(span.end..r.end));
        let kind = if fused { "MISC" } else { kind };
        // One entity never crosses a sentence, nor overwrites another.
        if covered.iter().any(|&(s, t)| s != s0 || tags[s][t] != "O") {
            continue;
        }
        for (k, &(s, t)) in covered.iter().enumerate() {
            let prefix = if k == 0 { "B" } else { "I" };
            tags[s][t] = format!("{prefix}-{kind}");
        }
    }
    tags
}

/// A CoNLL sentence as the pipeline's tokenizer splits it ("US-China" is three tokens there,
/// one in CoNLL), so the tagger learns from the tokens it will see in articles.
struct Retokenized {
    /// The pipeline's tokens.
    words: Vec<String>,
    /// For each, the CoNLL token it comes from, and whether it starts that token.
    owner: Vec<(usize, bool)>,
}

fn retokenize(sentence: &Sentence) -> Retokenized {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(sentence.tokens.len());
    for (k, t) in sentence.tokens.iter().enumerate() {
        if k > 0 {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(t);
    }
    let mut words = Vec::new();
    let mut owner = Vec::new();
    for token in tokenize(&text) {
        let o = starts
            .partition_point(|&s| s <= token.span.start)
            .saturating_sub(1);
        owner.push((o, starts[o] == token.span.start));
        words.push(text[token.span].to_string());
    }
    Retokenized { words, owner }
}

/// Gold labels for the pipeline's tokens: a token that continues a CoNLL entity token is
/// inside that entity.
fn retokenized_labels(r: &Retokenized, gold: &[String]) -> Vec<usize> {
    r.owner
        .iter()
        .map(|&(o, starts)| {
            let tag = gold[o].as_str();
            match (starts, tag.split_once('-')) {
                (true, _) | (_, None) => label_index(tag),
                (false, Some((_, kind))) => label_index(&format!("I-{kind}")),
            }
        })
        .collect()
}

/// Visits each sentence of `doc` as the pipeline's tokenizer splits it, with the document's
/// context (the words it writes in lower case) built from those tokens.
fn each_retokenized(
    doc: &Document,
    mut visit: impl FnMut(&Retokenized, &[&str], &Sentence, &DocContext),
) {
    let pieces: Vec<Retokenized> = doc.sentences.iter().map(retokenize).collect();
    let words: Vec<Vec<&str>> = pieces
        .iter()
        .map(|r| r.words.iter().map(String::as_str).collect())
        .collect();
    let context = DocContext::new(words.iter().map(Vec::as_slice));
    for ((r, w), sentence) in pieces.iter().zip(&words).zip(&doc.sentences) {
        visit(r, w, sentence, &context);
    }
}

/// Tags every token of `doc` with the trained tagger alone (no lexicon rules, no resolution),
/// on the pipeline's tokens; each CoNLL token takes the label of its first piece.
pub fn tagger_tags(doc: &Document, model: &NerModel, lex: &Lexicon) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    each_retokenized(doc, |r, words, sentence, context| {
        let mut tags = vec!["O".to_string(); sentence.tokens.len()];
        for (&(o, starts), label) in r.owner.iter().zip(model.tag(words, lex, context)) {
            if starts {
                tags[o] = label.to_string();
            }
        }
        out.push(tags);
    });
    out
}

/// Training sentences from CoNLL documents, on the pipeline's tokens: features (with the
/// optional groups of `set`) in document context, gold label indices.
pub fn training_data(docs: &[Document], lex: &Lexicon, set: FeatureSet) -> Vec<TrainSentence> {
    let mut out = Vec::new();
    for doc in docs {
        each_retokenized(doc, |r, words, sentence, context| {
            out.push(TrainSentence {
                features: sentence_features(words, lex, context, set),
                labels: retokenized_labels(r, &sentence.gold),
            });
        });
    }
    out
}

/// Whether `surface` is a country adjective or demonym in the lexicon.
/// Whether `surface` is a title and nothing more ("Secretary", "Madam Speaker").
fn is_title(surface: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = crate::extract::tokenize::tokenize(surface)
        .into_iter()
        .map(|t| &surface[t.span])
        .collect();
    !words.is_empty()
        && lex
            .titles
            .longest_at(&words, 0)
            .is_some_and(|(len, _)| len == words.len())
}

fn is_demonym(surface: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    matches!(
        lex.names.longest_at(&words, 0),
        Some((n, Target::Country(_, CountryForm::Adjective))) if n == words.len()
    )
}

/// The chunks of one sentence's tags as (start, end, type), by conlleval's rules (IOB1, IOB2
/// and IOBES prefixes all read).
pub fn chunks(tags: &[String]) -> Vec<(usize, usize, String)> {
    fn split(tag: &str) -> (&str, &str) {
        if tag == "O" || tag.is_empty() {
            ("O", "")
        } else {
            tag.split_once('-').unwrap_or(("I", tag))
        }
    }
    let mut out = Vec::new();
    let (mut prev_prefix, mut prev_type) = ("O", "");
    let mut open: Option<(usize, &str)> = None;
    for i in 0..=tags.len() {
        let (prefix, kind) = tags.get(i).map_or(("O", ""), |t| split(t));
        let ends = matches!(
            (prev_prefix, prefix),
            ("B" | "I", "B" | "O") | ("E" | "S", _)
        ) || (prev_prefix != "O" && prev_type != kind);
        if let Some((start, t)) = open
            && ends
        {
            out.push((start, i, t.to_string()));
            open = None;
        }
        let starts = matches!(
            (prev_prefix, prefix),
            (_, "B" | "S") | ("O" | "E" | "S", "I" | "E")
        ) || (prefix != "O" && prev_type != kind);
        if starts && prefix != "O" {
            open = Some((i, kind));
        }
        prev_prefix = prefix;
        prev_type = kind;
    }
    out
}

/// Counts of one entity type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted chunks that match a gold chunk exactly.
    pub correct: usize,
    /// Predicted chunks.
    pub predicted: usize,
    /// Gold chunks.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1.
    pub fn prf(self) -> (f64, f64, f64) {
        #[allow(clippy::cast_precision_loss, reason = "counts are far below 2^52")]
        let (c, p, g) = (self.correct as f64, self.predicted as f64, self.gold as f64);
        let precision = if p > 0.0 { c / p } else { 0.0 };
        let recall = if g > 0.0 { c / g } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        (precision, recall, f1)
    }

    fn add(&mut self, other: Counts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// Scores of a whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NerScore {
    /// Per entity type.
    pub by_type: BTreeMap<String, Counts>,
    /// Tokens scored.
    pub tokens: usize,
    /// Sentences scored.
    pub sentences: usize,
    /// Documents scored.
    pub documents: usize,
}

impl NerScore {
    /// Adds one sentence.
    pub fn add_sentence(&mut self, gold: &[String], predicted: &[String]) {
        self.tokens += gold.len();
        self.sentences += 1;
        let gold_chunks = chunks(gold);
        let predicted_chunks = chunks(predicted);
        for (_, _, t) in &gold_chunks {
            self.by_type.entry(t.clone()).or_default().gold += 1;
        }
        for chunk in &predicted_chunks {
            let counts = self.by_type.entry(chunk.2.clone()).or_default();
            counts.predicted += 1;
            if gold_chunks.contains(chunk) {
                counts.correct += 1;
            }
        }
    }

    /// The counts summed over `types`.
    pub fn over(&self, types: &[&str]) -> Counts {
        let mut total = Counts::default();
        for t in types {
            if let Some(c) = self.by_type.get(*t) {
                total.add(*c);
            }
        }
        total
    }

    /// A conlleval-like table.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} tokens, {} sentences, {} documents; exact-span scores",
            self.tokens, self.sentences, self.documents
        );
        let _ = writeln!(
            out,
            "{:<12} {:>9} {:>7} {:>7} {:>7} {:>9}",
            "type", "precision", "recall", "F1", "gold", "predicted"
        );
        let mut row = |name: &str, c: Counts| {
            let (p, r, f) = c.prf();
            let _ = writeln!(
                out,
                "{name:<12} {p:>9.3} {r:>7.3} {f:>7.3} {:>7} {:>9}",
                c.gold, c.predicted
            );
        };
        for t in HEADLINE_TYPES {
            row(t, self.over(&[t]));
        }
        row("PER+ORG+LOC", self.over(&HEADLINE_TYPES));
        let others: Vec<&String> = self
            .by_type
            .keys()
            .filter(|t| !HEADLINE_TYPES.contains(&t.as_str()))
            .collect();
        for t in others {
            row(&format!("{t} (apart)"), self.by_type[t]);
        }
        out
    }
}

/// Scores predictions against the gold tags of `docs`.
pub fn score(docs: &[Document], predicted: &[Vec<Vec<String>>]) -> NerScore {
    let mut s = NerScore {
        documents: docs.len(),
        ..NerScore::default()
    };
    for (doc, pred) in docs.iter().zip(predicted) {
        for (sentence, tags) in doc.sentences.iter().zip(pred) {
            s.add_sentence(&sentence.gold, tags);
        }
    }
    s
}

/// Predictions in conlleval's input layout: `TOKEN GOLD PRED`, sentences and `-DOCSTART-`
/// lines kept, so any standard scorer can check the figures.
pub fn predictions_file(docs: &[Document], predicted: &[Vec<Vec<String>>]) -> String {
    let mut out = String::new();
    for (doc, pred) in docs.iter().zip(predicted) {
        out.push_str("-DOCSTART- O O\n\n");
        for (sentence, tags) in doc.sentences.iter().zip(pred) {
            for ((token, gold), tag) in sentence.tokens.iter().zip(&sentence.gold).zip(tags) {
                let _ = writeln!(out, "{token} {gold} {tag}");
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn hyphens_split_off_words_are_joined_back_only_where_the_file_splits_them() {
        // GUM-like: hyphenated words split into three tokens.
        let split = "-DOCSTART- O\n\nJean B-PER\n- I-PER\nLouis I-PER\nmet O\nfive O\n- O\nyear O\n- O\nolds O\n. O\n";
        let docs = read_conll(split).expect("reads");
        assert!(docs[0].hyphens_split);
        let (text, spans) = document_text(&docs[0]);
        assert_eq!(text, "Jean-Louis met five-year-olds .\n");
        assert_eq!(&text[spans[0][2].clone()], "Louis");
        // CoNLL-like: hyphenated words kept whole, so a lone "-" is a dash.
        let whole = "-DOCSTART- O\n\nSOCCER O\n- O\nLondon-based B-MISC\nclub O\n. O\n";
        let docs = read_conll(whole).expect("reads");
        assert!(!docs[0].hyphens_split);
        assert_eq!(document_text(&docs[0]).0, "SOCCER - London-based club .\n");
    }

    #[test]
    fn chunks_follow_conlleval() {
        assert_eq!(
            chunks(&tags("B-PER I-PER O B-LOC B-LOC I-ORG")),
            vec![
                (0, 2, "PER".into()),
                (3, 4, "LOC".into()),
                (4, 5, "LOC".into()),
                (5, 6, "ORG".into())
            ]
        );
        // IOB1: an I- after O starts a chunk; a type change ends one.
        assert_eq!(
            chunks(&tags("I-ORG I-ORG I-PER O")),
            vec![(0, 2, "ORG".into()), (2, 3, "PER".into())]
        );
    }

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\nBlackburn I-PER\n\n-DOCSTART- O\n\nBRUSSELS B-LOC\n";
        let docs = read_conll(text).expect("reads");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[1].sentences[0].tokens, vec!["BRUSSELS"]);
        assert!(read_conll("token\n").is_err());
    }

    #[test]
    fn scores_exact_spans_only() {
        let mut s = NerScore::default();
        s.add_sentence(&tags("B-PER I-PER O B-LOC"), &tags("B-PER O O B-LOC"));
        let per = s.over(&["PER"]);
        assert_eq!((per.correct, per.predicted, per.gold), (0, 1, 1));
        let loc = s.over(&["LOC"]);
        assert_eq!((loc.correct, loc.predicted, loc.gold), (1, 1, 1));
        let (p, r, f) = s.over(&HEADLINE_TYPES).prf();
        assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.5).abs() < 1e-9);
    }

    #[test]
    fn the_pipeline_tags_conll_tokens() {
        let docs = read_conll(
            "-DOCSTART- O\n\nTALKS O\nRESUME O\n\nGerman B-MISC\nChancellor O\nHelmut B-PER\nKohl I-PER\nmet O\nofficials O\nin O\nParis B-LOC\n. O\n",
        )
        .expect("reads");
        let lex = Lexicon::embedded();
        let pred = pipeline_tags(&docs[0], &lex);
        assert_eq!(pred[1][2..4], ["B-PER".to_string(), "I-PER".to_string()]);
        assert_eq!(pred[1][7], "B-LOC");
        let file = predictions_file(&docs, &[pred]);
        assert!(file.starts_with("-DOCSTART- O O\n\nTALKS O O\n"));
        assert!(file.contains("Helmut B-PER B-PER\n"));
    }

    #[test]
    fn a_name_fused_into_a_longer_token_is_misc_and_a_stop_after_it_is_no_fusion() {
        let docs = read_conll(
            "-DOCSTART- O\n\nParis-based B-MISC\nbankers O\nmet O\nin O\nTampa B-LOC\n, O\nFla. B-LOC\n, O\non O\nMonday O\n. O\n",
        )
        .expect("reads");
        let lex = Lexicon::embedded();
        let pred = pipeline_tags(&docs[0], &lex);
        assert_eq!(pred[0][0], "B-MISC", "{pred:?}");
        assert_eq!(pred[0][4], "B-LOC", "{pred:?}");
        assert_eq!(pred[0][6], "B-LOC", "{pred:?}");
    }

    #[test]
    fn a_person_named_by_a_title_alone_is_no_name() {
        let docs = read_conll(
            "-DOCSTART- O\n\nSecretary O\nAnn B-PER\nTarrow I-PER\nsigned O\nthe O\nwaiver O\n. O\n\nLater O\nthe O\nSecretary O\nsaid O\nso O\n. O\n",
        )
        .expect("reads");
        let lex = Lexicon::embedded();
        let pred = pipeline_tags(&docs[0], &lex);
        assert_eq!(pred[0][1..3], ["B-PER".to_string(), "I-PER".to_string()]);
        // The pipeline knows "the Secretary" is Ann Tarrow; it is still no name.
        assert_eq!(pred[1][2], "O", "{pred:?}");
    }
}
