//! The guarantees every [`Article`] makes to the rest of newsgraph, checked in one place: the
//! unit tests of each reader and the fuzz harnesses ([`crate::fuzz`]) call it on what the
//! readers make of their inputs.

use super::util::{collapse_ws, iso_date};
use super::{Article, BlockKind, Format};

/// The first guarantee `article` (read as `format`) breaks, in words.
///
/// # Errors
/// When a guarantee is broken: a range outside the text or inside a character, blocks out of
/// order, overlapping or untrimmed, no single title block first, or a date not in ISO form.
pub fn check(a: &Article, format: Format) -> Result<(), String> {
    let text = &a.text;
    if text.contains(['\r', '\0']) {
        return Err("line endings and NULs are not normalized".into());
    }
    let Some(first) = a.blocks.first() else {
        return Err("an article has at least its title block".into());
    };
    if first.kind != BlockKind::Title {
        return Err("the first block is not the title".into());
    }
    if a.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .count()
        != 1
    {
        return Err("not exactly one title block".into());
    }
    let mut last_end = 0;
    for b in &a.blocks {
        let r = b.span.clone();
        if !(r.start < r.end && r.end <= text.len()) {
            return Err(format!("block span {r:?} out of bounds"));
        }
        if !(text.is_char_boundary(r.start) && text.is_char_boundary(r.end)) {
            return Err(format!("block span {r:?} cuts a character"));
        }
        if r.start < last_end {
            return Err(format!("block {r:?} overlaps the one before"));
        }
        if text[r.clone()].trim() != &text[r.clone()] {
            return Err(format!("block {r:?} is not trimmed"));
        }
        last_end = r.end;
    }
    if collapse_ws(&text[first.span.clone()]) != collapse_ws(&a.title) {
        return Err("the title block is not the title".into());
    }
    if format != Format::Text && first.span.start != 0 {
        return Err("rendered text does not start with its title block".into());
    }
    for link in &a.links {
        if link.url.is_empty() {
            return Err("a link with no address".into());
        }
        if let Some(r) = link.span.clone()
            && !(r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end))
        {
            return Err(format!(
                "link span {r:?} out of bounds or inside a character"
            ));
        }
    }
    if let Some(date) = &a.date
        && iso_date(date).as_deref() != Some(date.as_str())
    {
        return Err(format!("date {date:?} is not an ISO date"));
    }
    Ok(())
}
