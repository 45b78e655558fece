//! Tokenizer: splits text into word, number, punctuation and URL tokens, each a byte range into
//! the original text. Built for scraped news: it splits "year,Secretary" and "invasion.The",
//! keeps "U.S." and "Gen." whole, splits possessive "’s" and hyphenated compounds, and keeps
//! inline URLs as single tokens.

use std::ops::Range;

use super::token_words::token_words;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed in), or an abbreviation such as "U.S." or "Gen.".
    Word,
    /// Digits, possibly with inner "." or "," ("3.5", "1,400").
    Number,
    /// One punctuation character, or a possessive "'s".
    Punct,
    /// A URL.
    Url,
    /// Never produced by [`tokenize`]; kept so callers can filter uniformly.
    Space,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What it is.
    pub kind: TokenKind,
    /// Whether whitespace comes right before it.
    pub space_before: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Whether `s` opens with "http://", "https://" or "www." in any case (checked on the bytes:
/// this runs for every whitespace-delimited chunk, so it allocates no lower-case copy).
fn url_start(s: &str) -> bool {
    let opens = |prefix: &str| {
        s.as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    opens("http://") || opens("https://") || opens("www.")
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    // News runs about five bytes a token: room for most texts at once, where growing the
    // list token by token copied it some ten times over.
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut pos = 0;
    let bytes_len = text.len();
    let mut space_before = true;
    while pos < bytes_len {
        let rest = &text[pos..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            pos += c.len_utf8();
            space_before = true;
            continue;
        }
        // A whitespace-delimited chunk.
        let chunk_len = chunk_len(rest);
        let chunk = &rest[..chunk_len];
        if url_start(chunk) {
            let trimmed = chunk.trim_end_matches(|c: char| {
                matches!(
                    c,
                    '.' | ',' | ';' | ':' | ')' | ']' | '\'' | '"' | '\u{2019}' | '\u{201d}'
                )
            });
            tokens.push(Token {
                span: pos..pos + trimmed.len(),
                kind: TokenKind::Url,
                space_before,
            });
            let after = pos + trimmed.len();
            split_chunk(text, after, pos + chunk_len, false, &mut tokens);
        } else {
            split_chunk(text, pos, pos + chunk_len, space_before, &mut tokens);
        }
        pos += chunk_len;
        space_before = false;
    }
    tokens
}

/// Length of the run of non-whitespace characters `rest` starts with: ASCII bytes are tested
/// as bytes (the ASCII whitespace characters are tab to carriage return and the space), the
/// rest as characters from the first non-ASCII byte on.
fn chunk_len(rest: &str) -> usize {
    for (i, &b) in rest.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            // Bytes before `i` are ASCII, so `i` starts a character.
            return i + rest[i..]
                .find(char::is_whitespace)
                .unwrap_or(rest.len() - i);
        }
        if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            return i;
        }
    }
    rest.len()
}

/// Splits one whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, start: usize, end: usize, mut space_before: bool, out: &mut Vec<Token>) {
    let mut pos = start;
    while pos < end {
        let rest = &text[pos..end];
        let Some(c) = rest.chars().next() else { break };
        let (len, kind) = if c.is_alphabetic() {
            word_len(rest)
        } else if c.is_ascii_digit() {
            (number_len(rest), TokenKind::Number)
        } else if is_apostrophe(c) {
            // Possessive "'s" / "’s" after a word.
            let after = &rest[c.len_utf8()..];
            let next = after.chars().next();
            let follows = after.chars().nth(1);
            if matches!(next, Some('s' | 'S'))
                && !follows.is_some_and(char::is_alphanumeric)
                && pos > start
            {
                (c.len_utf8() + 1, TokenKind::Punct)
            } else {
                (c.len_utf8(), TokenKind::Punct)
            }
        } else {
            (c.len_utf8(), TokenKind::Punct)
        };
        out.push(Token {
            span: pos..pos + len,
            kind,
            space_before,
        });
        space_before = false;
        pos += len;
    }
}

/// Length and kind of the word starting `s`.
fn word_len(s: &str) -> (usize, TokenKind) {
    // Dotted initials first: "U.S.", "U.K.", "e.g.".
    let dotted = dotted_initials_len(s);
    if dotted > 0 {
        return (dotted, TokenKind::Word);
    }
    // Most words are ASCII letters and digits throughout: that run is taken as bytes, and the
    // characters after it one by one (an ASCII letter or digit is alphanumeric as a character).
    let ascii = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let mut len = ascii;
    for (i, c) in s[ascii..].char_indices() {
        let i = ascii + i;
        if c.is_alphanumeric() || is_combining_mark(c) {
            len = i + c.len_utf8();
        } else if is_apostrophe(c) && len > 0 {
            // "O’Brien" continues; possessive "’s" and a closing quote end the word.
            let mut rest = s[i + c.len_utf8()..].chars();
            let n1 = rest.next();
            let n2 = rest.next();
            let possessive =
                matches!(n1, Some('s' | 'S')) && !n2.is_some_and(char::is_alphanumeric);
            if !possessive && n1.is_some_and(char::is_alphabetic) {
                len = i + c.len_utf8();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let len = len.max(s.chars().next().map_or(1, char::len_utf8));
    let word = &s[..len];
    if s[len..].starts_with('.') {
        let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if single_capital
            || token_words()
                .abbreviations
                .contains(word.to_lowercase().as_str())
        {
            return (len + 1, TokenKind::Word);
        }
    }
    (len, TokenKind::Word)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// Length of a run of two or more "X." pairs at the start of `s`, else 0.
fn dotted_initials_len(s: &str) -> usize {
    let mut pairs = 0;
    let mut len = 0;
    let mut chars = s.char_indices();
    while let Some((_, c)) = chars.next() {
        if !c.is_alphabetic() {
            break;
        }
        let Some((j, '.')) = chars.next() else { break };
        pairs += 1;
        len = j + 1;
    }
    if pairs >= 2 && !s[len..].starts_with(char::is_alphabetic) {
        len
    } else {
        0
    }
}

fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut len = 0;
    while len < b.len() {
        let inner_separator =
            (b[len] == b'.' || b[len] == b',') && len + 1 < b.len() && b[len + 1].is_ascii_digit();
        if b[len].is_ascii_digit() || inner_separator {
            len += 1;
        } else {
            break;
        }
    }
    len.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.span.clone()])
            .collect()
    }

    #[test]
    fn a_chunk_ends_where_the_first_whitespace_character_starts() {
        for text in [
            "word rest",
            "word\trest",
            "word\u{b}rest",
            "word\u{1c}rest",
            "Erdoğan\u{a0}said",
            "naïve\u{2003}x",
            "ends",
            "",
            "\u{85}",
            "a\u{3000}b",
            "www.example.com/x\ny",
        ] {
            assert_eq!(
                chunk_len(text),
                text.find(char::is_whitespace).unwrap_or(text.len()),
                "{text:?}"
            );
        }
        assert!(url_start("HTTPS://example.com"));
        assert!(url_start("Www.bbc.co.uk"));
        assert!(!url_start("http:/x"));
        assert!(!url_start("wwwx"));
    }

    #[test]
    fn splits_missing_spaces_after_punctuation() {
        assert_eq!(words("year,Secretary"), ["year", ",", "Secretary"]);
        assert_eq!(words("invasion.The"), ["invasion", ".", "The"]);
    }

    #[test]
    fn keeps_abbreviations_whole() {
        assert_eq!(words("the U.S. Navy"), ["the", "U.S.", "Navy"]);
        assert_eq!(words("Gen. Smith"), ["Gen.", "Smith"]);
        assert_eq!(words("on Jan. 5"), ["on", "Jan.", "5"]);
        assert_eq!(words("U.K."), ["U.K."]);
    }

    #[test]
    fn splits_possessives_and_hyphens() {
        assert_eq!(words("China’s navy"), ["China", "’s", "navy"]);
        assert_eq!(words("China's"), ["China", "'s"]);
        assert_eq!(words("US-China"), ["US", "-", "China"]);
        assert_eq!(words("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn keeps_numbers_and_urls() {
        assert_eq!(words("3.5 billion"), ["3.5", "billion"]);
        assert_eq!(words("1,400 troops"), ["1,400", "troops"]);
        let t = "see https://example.org/a-b?c=1. Next";
        assert_eq!(
            words(t),
            ["see", "https://example.org/a-b?c=1", ".", "Next"]
        );
        assert_eq!(tokenize(t)[1].kind, TokenKind::Url);
    }

    #[test]
    fn handles_curly_quotes_and_records_spacing() {
        let t = "“deconflict and deescalate” tensions";
        let toks = tokenize(t);
        assert_eq!(&t[toks[0].span.clone()], "“");
        assert_eq!(&t[toks[1].span.clone()], "deconflict");
        assert!(!toks[1].space_before);
        assert!(toks[2].space_before);
    }

    #[test]
    fn spans_are_valid_for_arbitrary_text() {
        let samples = [
            "", " ", "é", "a.b.c", "...", "’’", "x’", "U.S", "https://", "ü.ö.",
        ];
        for s in samples {
            for t in tokenize(s) {
                assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
                assert!(t.span.start < t.span.end, "empty token in {s:?}");
            }
        }
    }
}
