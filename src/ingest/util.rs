//! Small text helpers shared by the format parsers: bare-URL detection, whitespace collapsing and
//! reading dates.

use std::ops::Range;

/// Characters a bare URL does not end with: in prose they belong to the sentence around it.
const URL_TRAILERS: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"', '’', '”'];

/// Byte ranges of the bare URLs (http://, https://, www.) in `text`, in order.
pub(super) fn find_urls(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Every prefix starts with an "h" or a "w"; most bytes are neither.
        if !matches!(bytes[i], b'h' | b'H' | b'w' | b'W') {
            i += 1;
            continue;
        }
        // Only ASCII bytes can start a prefix, so `i` is on a char boundary whenever one matches.
        if let Some(prefix) = url_prefix(&bytes[i..])
            && starts_word(text, i, prefix == 4)
        {
            let end = url_end(text, i, prefix);
            if end > i + prefix {
                found.push(i..end);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Length of the URL prefix at the start of `rest`, if any; 4 means "www.".
fn url_prefix(rest: &[u8]) -> Option<usize> {
    ["https://", "http://", "www."]
        .iter()
        .map(|p| p.as_bytes())
        .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
        .map(<[u8]>::len)
}

/// Whether a URL may start at `at`: not glued to the end of a word or a longer address.
fn starts_word(text: &str, at: usize, www: bool) -> bool {
    match text[..at].chars().next_back() {
        None => true,
        Some(c) => {
            !(c.is_alphanumeric() || matches!(c, '/' | '@' | '_' | '-') || (www && c == '.'))
        }
    }
}

fn url_end(text: &str, start: usize, prefix: usize) -> usize {
    let body = start + prefix;
    if !text[body..].starts_with(|c: char| c.is_alphanumeric() || c == '[') {
        return body;
    }
    let mut end = body;
    for c in text[body..].chars() {
        if c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>' | '"' | '“' | '”' | '‘' | '«' | '»' | '`' | '{' | '}' | '|' | '\\' | '^'
            )
        {
            break;
        }
        end += c.len_utf8();
    }
    while let Some(last) = text[body..end].chars().next_back() {
        let url = &text[start..end];
        // A closing bracket is part of the URL only when it closes one opened inside it,
        // as in Wikipedia's "Foo_(bar)".
        let strip = URL_TRAILERS.contains(&last)
            || (last == ')' && url.matches(')').count() > url.matches('(').count())
            || (last == ']' && url.matches(']').count() > url.matches('[').count());
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

/// `s` with every run of whitespace turned into one space and no whitespace at either end.
pub(super) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// "YYYY-MM-DD" when `s` starts with a valid calendar date in that form (a time may follow).
pub(super) fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let number = |r: Range<usize>| -> Option<u32> {
        let digits = s.get(r)?;
        if digits.bytes().all(|d| d.is_ascii_digit()) {
            digits.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then(|| s[..10].to_owned())
}
