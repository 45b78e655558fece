//! Dates written as text: a date line near the top of a plain-text or Markdown article
//! ("Published 4 March 2025", "March 4, 2025 | 10:30 GMT", "2025-03-04"). Month names are data
//! in `assets/ingest/metadata.json`, with example articles the tests read.

use super::build::Doc;
use super::util::iso_date;

/// How many blocks after the title may hold the date line.
const LINES_NEAR_TOP: usize = 4;

/// A date line is short: a byline, a time, a place may share it, a sentence may not.
const MAX_LINE_WORDS: usize = 14;

/// The publication date from a date line among the first blocks after the title.
pub(super) fn date_line(doc: &Doc) -> Option<String> {
    (1..doc.blocks.len().min(LINES_NEAR_TOP + 1))
        .flat_map(|i| doc.block_text(i).lines())
        .find_map(line_date)
}

/// The date a short line states, if it is a date line (not a sentence that mentions a date).
pub(super) fn line_date(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty()
        || line.ends_with(['.', '!', '?', ';'])
        || line.split_whitespace().count() > MAX_LINE_WORDS
    {
        return None;
    }
    first_date(line)
}

/// The first full calendar date in `s`: ISO ("2025-03-04"), day-month-year ("4 March 2025",
/// "4 Mar 2025") or month-day-year ("March 4, 2025").
pub(super) fn first_date(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        if word.len() >= 10
            && let Some(date) = iso_date(word)
        {
            return Some(date);
        }
        let Some(month) = month_number(word) else {
            continue;
        };
        let number = |j: Option<usize>, digits: std::ops::RangeInclusive<usize>| {
            let w = words.get(j?)?;
            let w = w
                .strip_suffix("st")
                .or_else(|| w.strip_suffix("nd"))
                .or_else(|| w.strip_suffix("rd"))
                .or_else(|| w.strip_suffix("th"))
                .unwrap_or(w);
            (digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
                .then(|| w.parse::<u32>().ok())
                .flatten()
        };
        let found = number(i.checked_sub(1), 1..=2)
            .zip(number(Some(i + 1), 4..=4))
            .or_else(|| number(Some(i + 1), 1..=2).zip(number(Some(i + 2), 4..=4)));
        if let Some((day, year)) = found
            && let Some(date) = iso_date(&format!("{year:04}-{month:02}-{day:02}"))
        {
            return Some(date);
        }
    }
    None
}

/// 1 to 12 for a month's English name or its abbreviation ("Mar", "Sept"), any case.
fn month_number(word: &str) -> Option<u32> {
    if !(3..=9).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let word = word.to_ascii_lowercase();
    let months = &super::html::meta::rules().months;
    months
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(&word) && word.len() <= 4))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, parse};

    #[test]
    fn date_line_examples_from_the_rules_file() {
        let rules = crate::ingest::html::meta::rules();
        assert!(!rules.date_line_examples.is_empty());
        for example in &rules.date_line_examples {
            for format in [Format::Text, Format::Markdown] {
                let article = parse("d", example.text.as_bytes(), format)
                    .unwrap_or_else(|e| panic!("{}: {e}", example.id));
                let expect = Some(example.expect.as_str()).filter(|e| !e.is_empty());
                assert_eq!(
                    article.date.as_deref(),
                    expect,
                    "{} ({format:?})",
                    example.id
                );
            }
        }
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            first_date("Monday 14th February 2005").as_deref(),
            Some("2005-02-14")
        );
        assert_eq!(
            first_date("Sept 9, 2001, 10:00").as_deref(),
            Some("2001-09-09")
        );
        assert_eq!(first_date("May 2005"), None);
        assert_eq!(first_date("Mayor 4 2005"), None);
        assert_eq!(
            line_date("Thursday 3 December 2026"),
            Some("2026-12-03".to_owned())
        );
        assert_eq!(line_date("It rained on 3 December 2026."), None);
    }
}
