//! Plain-text articles. The text stays exactly as decoded (line endings aside); structure is
//! guessed from the shape of its lines: the title, headings, bullets and hard-wrapped paragraphs.

use std::ops::Range;

use super::build::{Doc, Parsed};
use super::util::find_urls;
use super::{Block, BlockKind, Link};

/// One line of the text: where it is, and where its non-blank part is.
struct Line {
    raw: Range<usize>,
    trim: Range<usize>,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.trim.is_empty()
    }
}

/// Finds the structure of `text`; None when it has no visible text.
pub(super) fn parse(text: String) -> Option<Parsed> {
    let all_lines = split_lines(&text);
    let visible: Vec<&Line> = all_lines.iter().filter(|l| !l.is_blank()).collect();
    // Scraped files sometimes open with a rule of dashes or stars; the title is the first line
    // with words in it when there is one.
    let title_line = visible
        .iter()
        .find(|l| has_alnum(&text[l.trim.clone()]))
        .or_else(|| visible.first())?;
    let title = text[title_line.trim.clone()].to_owned();
    let mut blocks = vec![Block {
        kind: BlockKind::Title,
        span: title_line.trim.clone(),
    }];
    let mut group: Vec<&Line> = Vec::new();
    for line in all_lines
        .iter()
        .filter(|l| l.raw.start > title_line.raw.start)
    {
        if line.is_blank() {
            classify_group(&text, &group, &mut blocks);
            group.clear();
        } else {
            group.push(line);
        }
    }
    classify_group(&text, &group, &mut blocks);
    let links = find_urls(&text)
        .into_iter()
        .map(|span| Link {
            url: text[span.clone()].to_owned(),
            span: Some(span),
        })
        .collect();
    Some(Parsed {
        title,
        doc: Doc {
            text,
            blocks,
            links,
        },
        meta: super::build::Meta::default(),
    })
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        let end = start + piece.len();
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        lines.push(Line {
            raw: start..end,
            trim: start + lead..start + lead + trimmed.len(),
        });
        start = end + 1;
    }
    lines
}

/// Turns one group of consecutive non-blank lines into blocks.
fn classify_group(text: &str, group: &[&Line], blocks: &mut Vec<Block>) {
    let line_text = |l: &Line| &text[l.trim.clone()];
    let mut i = 0;
    while i < group.len() {
        let line = group[i];
        let s = line_text(line);
        if !has_alnum(s) {
            i += 1;
            continue;
        }
        if let Some(offset) = bullet_content(s) {
            let mut end = line.trim.end;
            i += 1;
            // Indented lines under a bullet carry on its item.
            while let Some(next) = group.get(i) {
                let indented = text[next.raw.clone()].starts_with(char::is_whitespace);
                if !indented || bullet_content(line_text(next)).is_some() {
                    break;
                }
                end = next.trim.end;
                i += 1;
            }
            blocks.push(Block {
                kind: BlockKind::ListItem,
                span: line.trim.start + offset..end,
            });
            continue;
        }
        if is_url_only(s) {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: line.trim.clone(),
            });
            i += 1;
            continue;
        }
        let mut last = i;
        // Hard-wrapped text has no line longer than its wrap width, so a short line followed
        // by a long one (a heading above a paragraph) is not a wrapped line.
        while last + 1 < group.len()
            && wrap_length(line_text(group[last]))
            && continues_paragraph(line_text(group[last + 1]))
            && line_text(group[last + 1]).chars().count() <= MAX_WRAP
        {
            last += 1;
        }
        let kind = if last == i && looks_like_heading(s) {
            BlockKind::Heading { level: 2 }
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            span: line.trim.start..group[last].trim.end,
        });
        i = last + 1;
    }
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Byte offset in the trimmed line where a bulleted or numbered item's text starts.
fn bullet_content(s: &str) -> Option<usize> {
    let after_marker = if let Some(rest) = s.strip_prefix(['*', '-', '•', '–', '·']) {
        rest
    } else {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        s[digits..].strip_prefix(['.', ')'])?
    };
    if !after_marker.starts_with(char::is_whitespace) {
        return None;
    }
    let content = after_marker.trim_start();
    (!content.is_empty()).then(|| s.len() - content.len())
}

fn is_url_only(s: &str) -> bool {
    match find_urls(s).as_slice() {
        [url] => url.start == 0 && !has_alnum(&s[url.end..]),
        _ => false,
    }
}

/// The longest line a hand- or mail-wrapped paragraph has.
const MAX_WRAP: usize = 100;

/// Line lengths typical of text wrapped by hand or by a mail program.
fn wrap_length(s: &str) -> bool {
    (40..=MAX_WRAP).contains(&s.chars().count())
}

fn continues_paragraph(s: &str) -> bool {
    has_alnum(s) && bullet_content(s).is_none() && !is_url_only(s)
}

fn looks_like_heading(s: &str) -> bool {
    let first_letter = s.chars().find(|c| c.is_alphabetic());
    s.split_whitespace().count() <= 12
        && s.chars().count() < 100
        && first_letter.is_some_and(|c| !c.is_lowercase())
        && !ends_like_sentence(s)
}

/// Ends with sentence or clause punctuation, possibly followed by closing quotes or brackets.
fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .ends_with(['.', '!', '?', ',', ';', ':', '…'])
}
