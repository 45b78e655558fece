//! From our tokens to the syntactic words of Universal Dependencies. Our tokenizer is built
//! for finding names; UD English splits and joins differently, and the parser was trained on
//! UD's words:
//!
//! - negation and clitics are words of their own: "don't" is do + n't, "can't" ca + n't,
//!   "I'm" I + 'm, "they've" they + 've, "cannot" can + not, "gonna" gon + na;
//! - hyphenated compounds are one word ("long-term", "US-China", "5-year"), where we split
//!   them into three tokens;
//! - "..." and "--" are one word, where we have one token per character.
//!
//! Possessive "'s", "U.S." and abbreviations already agree. Every word keeps its byte span in
//! the text; a split token gives words that tile it, a join gives one word over its tokens.

use std::ops::Range;

use super::super::token_words::token_words;
use super::super::tokenize::{Token, TokenKind};

/// One UD word over our tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdWord {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The (first) token it comes from.
    pub token: usize,
}

impl UdWord {
    /// The word's text.
    pub fn form<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.clone()).unwrap_or("")
    }
}

/// Where a word token splits into two UD words (a byte offset inside it), if it does.
fn split_point(word: &str) -> Option<usize> {
    let words = token_words();
    // The cheap test first (this runs for every word of every parsed sentence): "n't" and
    // the clitics need an apostrophe, and without one the folded word is as long as `word`,
    // so a whole-word split needs one of the split words' lengths.
    if !word.contains(['\'', '\u{2019}'])
        && !words.ud_splits.iter().any(|(w, _)| w.len() == word.len())
    {
        return None;
    }
    // The word folded by ASCII rules with curly apostrophes straightened: on the stack when
    // it fits (this runs for every word of every parsed sentence; folding never lengthens it).
    let fold = |c: char| {
        if c == '\u{2019}' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    };
    let mut buf = [0u8; 48];
    let long: String;
    let lower = if word.len() <= buf.len() {
        let mut len = 0;
        for c in word.chars().map(fold) {
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    } else {
        long = word.chars().map(fold).collect();
        long.as_str()
    };
    // The curly apostrophe is three bytes, the straight one one: offsets count back from
    // the end of `word` itself.
    let tail_bytes = |chars: usize| word.char_indices().rev().nth(chars - 1).map(|(i, _)| i);
    if lower.ends_with("n't") && lower.chars().count() > 3 {
        return tail_bytes(3);
    }
    for c in &words.ud_clitics {
        if lower.ends_with(c.as_str()) && lower.len() > c.len() {
            return tail_bytes(c.chars().count());
        }
    }
    words
        .ud_splits
        .iter()
        .find(|(w, _)| lower == *w)
        .map(|&(_, at)| at)
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

/// The UD words of the tokens `range` of `tokens` (the tokens of `text`).
pub fn ud_words(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<UdWord> {
    let mut out = Vec::with_capacity(range.len() + 4);
    let word = |i: usize| text.get(tokens[i].span.clone()).unwrap_or("");
    let glued = |i: usize| !tokens[i].space_before;
    let wordlike = |i: usize| matches!(tokens[i].kind, TokenKind::Word | TokenKind::Number);
    let end = range.end.min(tokens.len());
    let mut i = range.start;
    while i < end {
        let t = &tokens[i];
        // Joins: word-hyphen-word chains, "...", "--".
        let mut last = i;
        if wordlike(i) {
            while last + 2 < end
                && is_hyphen(word(last + 1))
                && glued(last + 1)
                && glued(last + 2)
                && wordlike(last + 2)
            {
                last += 2;
            }
        } else if matches!(word(i), "." | "-") {
            let w = word(i);
            while last + 1 < end && word(last + 1) == w && glued(last + 1) {
                last += 1;
            }
        }
        if last > i {
            out.push(UdWord {
                span: t.span.start..tokens[last].span.end,
                token: i,
            });
            i = last + 1;
            continue;
        }
        if t.kind == TokenKind::Word
            && let Some(at) = split_point(word(i))
        {
            out.push(UdWord {
                span: t.span.start..t.span.start + at,
                token: i,
            });
            out.push(UdWord {
                span: t.span.start + at..t.span.end,
                token: i,
            });
        } else {
            out.push(UdWord {
                span: t.span.clone(),
                token: i,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokenize::tokenize;

    fn words(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        ud_words(text, &tokens, 0..tokens.len())
            .iter()
            .map(|w| w.form(text))
            .collect()
    }

    #[test]
    fn negation_and_clitics_are_words() {
        assert_eq!(words("They don't agree"), ["They", "do", "n't", "agree"]);
        assert_eq!(
            words("We can't and won't"),
            ["We", "ca", "n't", "and", "wo", "n't"]
        );
        assert_eq!(
            words("I'm sure they’ve left"),
            ["I", "'m", "sure", "they", "’ve", "left"]
        );
        assert_eq!(words("It cannot"), ["It", "can", "not"]);
        assert_eq!(
            words("She’ll say he'd go"),
            ["She", "’ll", "say", "he", "'d", "go"]
        );
        assert_eq!(words("DIDN'T"), ["DID", "N'T"]);
    }

    #[test]
    fn names_with_apostrophes_stay_whole() {
        assert_eq!(
            words("O'Brien met d'Alembert"),
            ["O'Brien", "met", "d'Alembert"]
        );
        assert_eq!(words("China's navy"), ["China", "'s", "navy"]);
    }

    #[test]
    fn hyphenated_compounds_and_dots_are_joined() {
        assert_eq!(
            words("a long-term US-China deal"),
            ["a", "long-term", "US-China", "deal"]
        );
        assert_eq!(
            words("a state-of-the-art 5-year plan"),
            ["a", "state-of-the-art", "5-year", "plan"]
        );
        assert_eq!(
            words("wait... and - see"),
            ["wait", "...", "and", "-", "see"]
        );
        assert_eq!(words("U.S. troops"), ["U.S.", "troops"]);
        assert_eq!(words("yes -- no"), ["yes", "--", "no"]);
    }

    #[test]
    fn spans_tile_the_text_and_name_their_tokens() {
        let text = "Officials didn't say, “long-term” talks…";
        let tokens = tokenize(text);
        let ud = ud_words(text, &tokens, 0..tokens.len());
        for w in &ud {
            assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
            assert!(tokens[w.token].span.start <= w.span.start);
        }
        for pair in ud.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
            assert!(pair[0].token <= pair[1].token);
        }
        let did = ud
            .iter()
            .position(|w| w.form(text) == "did")
            .expect("split");
        assert_eq!(ud[did].token, ud[did + 1].token);
    }
}
