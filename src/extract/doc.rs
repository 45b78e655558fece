//! `Doc`: an article's text with its tokens and sentences, all byte ranges into the text. Tokens
//! never cross block boundaries (a heading is never glued to the paragraph after it).

use std::ops::Range;

use super::token_words::token_words;
use super::tokenize::{Token, TokenKind, tokenize};
use crate::ingest::{Article, BlockKind};

/// One sentence: a run of tokens inside one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Index of the block it belongs to.
    pub block: usize,
}

/// The annotated text of one article.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The article's text; every range points into it.
    pub text: &'a str,
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// All sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Block kind of each block (by block index).
    pub block_kinds: Vec<BlockKind>,
}

impl<'a> Doc<'a> {
    /// Tokenizes and sentence-splits an article.
    pub fn new(article: &'a Article) -> Self {
        let text = article.text.as_str();
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        let mut block_kinds = Vec::with_capacity(article.blocks.len());
        for (block_index, block) in article.blocks.iter().enumerate() {
            block_kinds.push(block.kind);
            let Some(block_text) = text.get(block.span.clone()) else {
                continue;
            };
            let first = tokens.len();
            tokens.extend(tokenize(block_text).into_iter().map(|mut t| {
                t.span = t.span.start + block.span.start..t.span.end + block.span.start;
                t
            }));
            let whole_block = matches!(block.kind, BlockKind::Title | BlockKind::Heading { .. });
            split_sentences(
                text,
                &tokens,
                first,
                whole_block,
                block_index,
                &mut sentences,
            );
        }
        Self {
            text,
            tokens,
            sentences,
            block_kinds,
        }
    }

    /// Text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span.clone()]
    }

    /// Whether sentence `s` is a title or heading (title case makes capitals meaningless there).
    pub fn is_heading(&self, s: usize) -> bool {
        matches!(
            self.block_kinds.get(self.sentences[s].block),
            Some(BlockKind::Title | BlockKind::Heading { .. })
        )
    }
}

fn is_terminal(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "…")
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

/// Most tokens one sentence may have. Every later stage works sentence by sentence, and some
/// (the tagger's features, the parser, the scans for a trigger's actors) cost more than linear
/// in a sentence's length, so a run of text with no full stop ("China, China, ..." for a
/// megabyte, a Markdown table read as one paragraph) is cut into pieces of at most this many
/// tokens. News sentences stay far below it: the longest of the 300 BBC articles has about 110.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Where a run that is too long is cut: after the last clause mark (`;`, `:`, `,`, a dash, a
/// bar) in the second half of the window, else at the window's end.
fn cut_point(text: &str, tokens: &[Token], start: usize) -> usize {
    let end = start + MAX_SENTENCE_TOKENS;
    (start + MAX_SENTENCE_TOKENS / 2..end)
        .rev()
        .find(|&i| {
            tokens[i].kind == TokenKind::Punct
                && matches!(
                    &text[tokens[i].span.clone()],
                    ";" | ":" | "," | "—" | "–" | "|"
                )
        })
        .map_or(end, |i| i + 1)
}

fn push(text: &str, tokens: &[Token], range: Range<usize>, block: usize, out: &mut Vec<Sentence>) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let cut = cut_point(text, tokens, start);
        push_one(text, tokens, start..cut, block, out);
        start = cut;
    }
    push_one(text, tokens, start..range.end, block, out);
}

fn push_one(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    block: usize,
    out: &mut Vec<Sentence>,
) {
    // A run with no letter at all (a line of backticks, a rule of dashes, a table's bars)
    // names no one and states nothing: it is no sentence, and no stage spends time on it.
    let has_letter = tokens[range.clone()]
        .iter()
        .any(|t| text[t.span.clone()].chars().any(char::is_alphabetic));
    if !has_letter {
        return;
    }
    let span = tokens[range.start].span.start..tokens[range.end - 1].span.end;
    out.push(Sentence {
        tokens: range,
        span,
        block,
    });
}

fn split_sentences(
    text: &str,
    tokens: &[Token],
    first: usize,
    whole_block: bool,
    block: usize,
    out: &mut Vec<Sentence>,
) {
    let end = tokens.len();
    if whole_block {
        push(text, tokens, first..end, block, out);
        return;
    }
    let word = |i: usize| &text[tokens[i].span.clone()];
    let starts_sentence = |i: usize| {
        let w = word(i);
        let c = w.chars().next().unwrap_or(' ');
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '*' | '•' | '-')
            || tokens[i].kind == TokenKind::Url
    };
    // '"Why now?" Mr Tarn asked.': a few capitalized words and a verb of saying, then the
    // end of the sentence or a comma, say who spoke the quotation before them.
    let attribution = |j: usize| {
        let names = (j..end.min(j + 6))
            .take_while(|&k| {
                tokens[k].kind == TokenKind::Word
                    && word(k).chars().next().is_some_and(char::is_uppercase)
            })
            .count();
        let verb = j + names;
        names > 0
            && verb < end
            && token_words().attribution_verbs.contains(word(verb))
            && (verb + 1 == end || matches!(word(verb + 1), "." | "," | "!"))
    };
    let mut start = first;
    let mut i = first;
    while i < end {
        let w = word(i);
        let mut boundary = None;
        if tokens[i].kind == TokenKind::Punct && is_terminal(w) {
            let mut j = i + 1;
            while j < end && (is_terminal(word(j)) || is_closer(word(j))) {
                j += 1;
            }
            let quoted_question = matches!(w, "?" | "!") && j > i + 1;
            if j == end || (starts_sentence(j) && !(quoted_question && attribution(j))) {
                boundary = Some(j);
            }
        } else if tokens[i].kind == TokenKind::Word
            && w.ends_with('.')
            && w.chars().filter(|&c| c == '.').count() >= 2
            && i + 1 < end
            && token_words().sentence_starters.contains(word(i + 1))
        {
            // "... in the U.S. The next ..." ends a sentence on the abbreviation.
            boundary = Some(i + 1);
        } else if tokens[i].kind == TokenKind::Url
            && i + 1 < end
            && tokens[i + 1].space_before
            && word(i + 1).chars().next().is_some_and(char::is_uppercase)
        {
            // A URL pasted at the end of a paragraph, with no full stop before the next sentence.
            boundary = Some(i + 1);
        }
        if let Some(b) = boundary {
            push(text, tokens, start..b, block, out);
            start = b;
            i = b;
        } else {
            i += 1;
        }
    }
    push(text, tokens, start..end, block, out);
}
