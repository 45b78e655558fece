//! Markdown articles through `pulldown-cmark` (`CommonMark`, with tables, strikethrough and
//! footnotes), rendered to plain text: markers, emphasis, link syntax, raw HTML and front matter
//! are removed, while headings, list items, table rows and links are kept as structure.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::build::{Builder, Doc, Parsed};
use super::util::{collapse_ws, iso_date};
use super::{Block, BlockKind};

/// What the YAML front matter told us.
#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
}

/// Renders a Markdown document; None when it has neither text nor a title.
pub(super) fn parse(src: &str) -> Option<Parsed> {
    let (front, body) = front_matter(src);
    let mut doc = render(body);
    let heading = (0..doc.blocks.len())
        .find(|&i| matches!(doc.blocks[i].kind, BlockKind::Heading { .. }))
        .map(|i| collapse_ws(doc.block_text(i)));
    let title = if let Some(title) = front.title.or(heading) {
        title
    } else {
        first_line_title(&mut doc)?
    };
    if title.is_empty() {
        return None;
    }
    doc.place_title(&title);
    doc.add_bare_links();
    Some(Parsed {
        title,
        doc,
        meta: super::build::Meta {
            date: front.date,
            ..super::build::Meta::default()
        },
    })
}

/// Writes the events of pulldown-cmark into blocks: a paragraph, heading, list item, table row
/// or code block each; the first paragraph of a list item is the item's own text.
fn render(body: &str) -> Doc {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut b = Builder::new(false);
    // The kind of block that text at this point belongs to, innermost last.
    let mut kinds: Vec<BlockKind> = Vec::new();
    // Inside an item whose text has not started a block yet.
    let mut fresh_item = false;
    // Inside a table cell after the first of its row.
    let mut cells_in_row = 0usize;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    if !fresh_item {
                        b.begin(kinds.last().copied().unwrap_or(BlockKind::Paragraph));
                    }
                    fresh_item = false;
                }
                Tag::Heading { level, .. } => {
                    let level = u8::try_from(level as usize).unwrap_or(6);
                    b.begin(BlockKind::Heading { level });
                    kinds.push(BlockKind::Heading { level });
                    fresh_item = false;
                }
                Tag::Item => {
                    b.begin(BlockKind::ListItem);
                    kinds.push(BlockKind::ListItem);
                    fresh_item = true;
                }
                Tag::List(_) | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) => {
                    b.end();
                    kinds.push(BlockKind::Paragraph);
                    fresh_item = false;
                }
                Tag::CodeBlock(_) | Tag::TableHead | Tag::TableRow => {
                    b.begin(BlockKind::Paragraph);
                    kinds.push(BlockKind::Paragraph);
                    cells_in_row = 0;
                    fresh_item = false;
                }
                Tag::TableCell => {
                    if cells_in_row > 0 {
                        b.push_char(' ');
                    }
                    cells_in_row += 1;
                }
                Tag::Link { dest_url, .. } => {
                    let url = dest_url.trim();
                    b.open_link(if url.starts_with('#') {
                        String::new()
                    } else {
                        url.to_owned()
                    });
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph if kinds.last() != Some(&BlockKind::ListItem) => b.end(),
                TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::CodeBlock
                | TagEnd::TableHead
                | TagEnd::TableRow => {
                    b.end();
                    kinds.pop();
                    fresh_item = false;
                }
                TagEnd::Link => b.close_link(),
                _ => {}
            },
            // An image's alt text stands for it, as in the text a reader would see.
            Event::Text(text) | Event::Code(text) => {
                b.ensure_open(kinds.last().copied().unwrap_or(BlockKind::Paragraph));
                b.push_str(&text);
            }
            Event::SoftBreak | Event::HardBreak => b.push_char('\n'),
            Event::Rule => b.end(),
            _ => {}
        }
    }
    b.finish()
}

/// With no heading anywhere the first line is the title: it becomes a block of its own, and the
/// rest of its block a paragraph.
fn first_line_title(doc: &mut Doc) -> Option<String> {
    let first = doc.blocks.first()?.span.clone();
    let line_end = doc.text[first.clone()]
        .find('\n')
        .map_or(first.end, |i| first.start + i);
    let title_end = first.start + doc.text[first.start..line_end].trim_end().len();
    let rest = doc.text[line_end..first.end].trim_start();
    if !rest.is_empty() {
        let rest_start = first.end - rest.len();
        doc.blocks[0].span = first.start..title_end;
        doc.blocks.insert(
            1,
            Block {
                kind: BlockKind::Paragraph,
                span: rest_start..first.end,
            },
        );
    }
    Some(collapse_ws(&doc.text[first.start..title_end]))
}

/// Splits off YAML front matter ("---" lines at the very top) and reads its title and date.
fn front_matter(src: &str) -> (FrontMatter, &str) {
    let mut front = FrontMatter::default();
    let Some(rest) = src
        .strip_prefix("---")
        .and_then(|r| r.trim_start_matches([' ', '\t']).strip_prefix('\n'))
    else {
        return (front, src);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            for entry in rest[..offset].lines() {
                let Some((key, value)) = entry.split_once(':') else {
                    continue;
                };
                if key.starts_with(char::is_whitespace) {
                    continue;
                }
                let value = unquote(value);
                match key.trim().to_ascii_lowercase().as_str() {
                    "title" if !matches!(value, "" | ">" | "|" | ">-" | "|-") => {
                        front.title = Some(collapse_ws(value)).filter(|t| !t.is_empty());
                    }
                    "date" | "published" | "pubdate" | "publish_date" | "published_at" => {
                        front.date = front.date.or_else(|| {
                            iso_date(value).or_else(|| super::dates::first_date(value))
                        });
                    }
                    _ => {}
                }
            }
            return (front, &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (front, src)
}

fn unquote(value: &str) -> &str {
    let v = value.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    v
}
