//! Scoring the tagger and parser against CoNLL-U gold trees, two ways.
//!
//! - **Gold tokens**: the parser reads the gold words; UPOS accuracy over all words, UAS and
//!   LAS over words whose gold relation is not `punct`.
//! - **Our tokenization**: the sentence text is tokenized by our tokenizer and mapped to UD
//!   words ([`super::ud_words`]); system and gold words are aligned by their character spans,
//!   as the CoNLL 2018 shared task does, and each score is an F1 of correct over system words
//!   (precision) and over gold words (recall). A head is right when the system head is aligned
//!   to the gold head (or both are the root).

use super::Parser;
use super::conllu::ConlluSentence;
use super::ud_words::ud_words;
use super::{Deprel, Upos};
use crate::extract::tokenize::tokenize;

/// Counts on gold tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GoldScores {
    /// Words.
    pub words: usize,
    /// Words with the right UPOS.
    pub upos_right: usize,
    /// Words whose gold relation is not `punct`.
    pub scored: usize,
    /// Of those, words with the right head.
    pub head_right: usize,
    /// Of those, words with the right head and relation.
    pub label_right: usize,
    /// All words with the right head (punctuation included).
    pub head_right_all: usize,
    /// All words with the right head and relation (punctuation included).
    pub label_right_all: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl GoldScores {
    /// UPOS accuracy over all words.
    pub fn upos(&self) -> f64 {
        ratio(self.upos_right, self.words)
    }
    /// Unlabelled attachment score, punctuation excluded.
    pub fn uas(&self) -> f64 {
        ratio(self.head_right, self.scored)
    }
    /// Labelled attachment score, punctuation excluded.
    pub fn las(&self) -> f64 {
        ratio(self.label_right, self.scored)
    }
    /// UAS with punctuation.
    pub fn uas_all(&self) -> f64 {
        ratio(self.head_right_all, self.words)
    }
    /// LAS with punctuation.
    pub fn las_all(&self) -> f64 {
        ratio(self.label_right_all, self.words)
    }
}

/// Parses every sentence from its gold words and counts.
pub fn score_gold(parser: &Parser, sentences: &[ConlluSentence]) -> GoldScores {
    let mut s = GoldScores::default();
    for sentence in sentences {
        let forms = sentence.forms();
        let (upos, heads, deprels) = parser.parse_words(&forms);
        for (i, gold) in sentence.words.iter().enumerate() {
            s.words += 1;
            s.upos_right += usize::from(upos[i] == gold.upos);
            let head = heads[i] == gold.head;
            let label = head && deprels[i] == gold.deprel;
            s.head_right_all += usize::from(head);
            s.label_right_all += usize::from(label);
            if gold.deprel != Deprel::PUNCT {
                s.scored += 1;
                s.head_right += usize::from(head);
                s.label_right += usize::from(label);
            }
        }
    }
    s
}

/// Counts on our own tokenization, aligned to the gold words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlignedScores {
    /// Gold words.
    pub gold_words: usize,
    /// System words.
    pub system_words: usize,
    /// Words aligned (same character span).
    pub aligned: usize,
    /// Aligned words with the right UPOS.
    pub upos_right: usize,
    /// Gold words that are not punctuation.
    pub gold_scored: usize,
    /// System words that are not punctuation.
    pub system_scored: usize,
    /// Aligned non-punctuation words with the right head.
    pub head_right: usize,
    /// Aligned non-punctuation words with the right head and relation.
    pub label_right: usize,
}

fn f1(right: usize, system: usize, gold: usize) -> f64 {
    let p = ratio(right, system);
    let r = ratio(right, gold);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl AlignedScores {
    /// Word segmentation F1.
    pub fn words_f1(&self) -> f64 {
        f1(self.aligned, self.system_words, self.gold_words)
    }
    /// UPOS F1.
    pub fn upos(&self) -> f64 {
        f1(self.upos_right, self.system_words, self.gold_words)
    }
    /// UAS F1, punctuation excluded.
    pub fn uas(&self) -> f64 {
        f1(self.head_right, self.system_scored, self.gold_scored)
    }
    /// LAS F1, punctuation excluded.
    pub fn las(&self) -> f64 {
        f1(self.label_right, self.system_scored, self.gold_scored)
    }
}

/// Character spans of the gold words in `text`: each token's form found in order; the words
/// of a multiword token get sub-spans when their forms spell it, else its whole span. `None`
/// for words whose token cannot be found in the text.
fn gold_spans(sentence: &ConlluSentence, text: &str) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; sentence.words.len()];
    let mut pos = 0;
    for t in &sentence.tokens {
        let Some(found) = text.get(pos..).and_then(|rest| rest.find(t.form.as_str())) else {
            continue;
        };
        let start = pos + found;
        let end = start + t.form.len();
        pos = end;
        let words = &sentence.words[t.words.clone()];
        let spelled: String = words.iter().map(|w| w.form.as_str()).collect();
        if spelled == t.form {
            let mut at = start;
            for (k, w) in words.iter().enumerate() {
                out[t.words.start + k] = Some((at, at + w.form.len()));
                at += w.form.len();
            }
        } else {
            for k in t.words.clone() {
                out[k] = Some((start, end));
            }
        }
    }
    out
}

fn is_punctuation(form: &str) -> bool {
    !form.is_empty() && form.chars().all(|c| !c.is_alphanumeric())
}

/// Tokenizes each sentence's text ourselves, parses it, and counts against the gold words.
pub fn score_tokenized(parser: &Parser, sentences: &[ConlluSentence]) -> AlignedScores {
    let mut s = AlignedScores::default();
    for sentence in sentences {
        let text = sentence.text();
        let tokens = tokenize(&text);
        let ud = ud_words(&text, &tokens, 0..tokens.len());
        let forms: Vec<&str> = ud.iter().map(|w| w.form(&text)).collect();
        let (upos, heads, deprels) = parser.parse_words(&forms);
        let gold = gold_spans(sentence, &text);
        // System word → gold word, by identical span (the k-th system word with a span meets
        // the k-th gold word with it, for multiword tokens the forms do not spell).
        let mut to_gold: Vec<Option<usize>> = vec![None; ud.len()];
        let mut taken = vec![false; gold.len()];
        for (i, w) in ud.iter().enumerate() {
            let span = Some((w.span.start, w.span.end));
            if let Some(g) = (0..gold.len()).find(|&g| !taken[g] && gold[g] == span) {
                taken[g] = true;
                to_gold[i] = Some(g);
            }
        }
        s.gold_words += gold.len();
        s.system_words += ud.len();
        s.gold_scored += sentence
            .words
            .iter()
            .filter(|w| w.deprel != Deprel::PUNCT)
            .count();
        for (i, g) in to_gold.iter().enumerate() {
            let punct = match g {
                Some(g) => sentence.words[*g].deprel == Deprel::PUNCT,
                None => is_punctuation(forms[i]) || upos[i] == Upos::Punct,
            };
            if !punct {
                s.system_scored += 1;
            }
            let Some(g) = *g else { continue };
            let gw = &sentence.words[g];
            s.aligned += 1;
            s.upos_right += usize::from(upos[i] == gw.upos);
            if punct {
                continue;
            }
            let head = match (heads[i], gw.head) {
                (0, 0) => true,
                (0, _) | (_, 0) => false,
                (h, gh) => to_gold[h - 1] == Some(gh - 1),
            };
            s.head_right += usize::from(head);
            s.label_right += usize::from(head && deprels[i] == gw.deprel);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::parse::conllu::read_conllu;

    const SENTENCE: &str = "# text = Kovar didn't sign.
1\tKovar\tKovar\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tsign\tsign\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";

    #[test]
    fn gold_spans_follow_the_text() {
        let s = &read_conllu(SENTENCE).expect("valid")[0];
        let spans = gold_spans(s, &s.text());
        assert_eq!(
            spans,
            [
                Some((0, 5)),
                Some((6, 9)),
                Some((9, 12)),
                Some((13, 17)),
                Some((17, 18))
            ]
        );
    }

    #[test]
    fn our_tokens_align_with_gold_words() {
        let sentences = read_conllu(SENTENCE).expect("valid");
        let parser = Parser::embedded();
        let s = score_tokenized(&parser, &sentences);
        assert_eq!((s.gold_words, s.system_words, s.aligned), (5, 5, 5));
        assert_eq!(s.gold_scored, 4);
        assert!((s.words_f1() - 1.0).abs() < 1e-9);
        let g = score_gold(&parser, &sentences);
        assert_eq!((g.words, g.scored), (5, 4));
    }

    /// The hand-written news sentences of `tests/fixtures/parse/news.conllu` (invented names):
    /// the committed model must keep parsing them well, from gold words and from our tokens.
    #[test]
    fn the_news_regression_set_stays_above_its_floor() {
        let text = include_str!("../../../tests/fixtures/parse/news.conllu");
        let sentences = read_conllu(text).expect("the fixture is valid CoNLL-U");
        assert_eq!(sentences.len(), 14);
        let parser = Parser::embedded();
        let gold = score_gold(&parser, &sentences);
        assert!(gold.upos() >= 0.95, "UPOS {}", gold.upos());
        assert!(gold.uas() >= 0.85, "UAS {}", gold.uas());
        assert!(gold.las() >= 0.82, "LAS {}", gold.las());
        let ours = score_tokenized(&parser, &sentences);
        assert!(ours.words_f1() >= 0.99, "words F1 {}", ours.words_f1());
        assert!(ours.las() >= 0.82, "LAS on our tokens {}", ours.las());
    }
}
