//! Assembling an article's text and spans: the builder the Markdown and HTML renderers write
//! into, putting the title block first, adding bare-URL links, and the final span checks that
//! every format goes through.

use super::util::{collapse_ws, find_urls};
use super::{Block, BlockKind, Link};

/// Text with its blocks and links, before it becomes an `Article`.
#[derive(Debug, Default)]
pub(super) struct Doc {
    pub(super) text: String,
    pub(super) blocks: Vec<Block>,
    pub(super) links: Vec<Link>,
}

/// What a document says about itself, besides its title.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Meta {
    /// Publication date, "YYYY-MM-DD".
    pub(super) date: Option<String>,
    /// Who wrote it, as the page states it.
    pub(super) byline: Option<String>,
    /// The publication or site.
    pub(super) site: Option<String>,
    /// Primary language subtag, lower case ("en").
    pub(super) language: Option<String>,
}

/// What a format parser hands back to `parse`.
pub(super) struct Parsed {
    pub(super) title: String,
    pub(super) doc: Doc,
    pub(super) meta: Meta,
}

/// Whitespace waiting to be written until we know more text follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Newline,
}

struct OpenBlock {
    kind: BlockKind,
    /// Where the block's first non-blank character went; None while it has none.
    start: Option<usize>,
}

struct OpenLink {
    url: String,
    start: Option<usize>,
}

/// Writes blocks into one text, separated by a blank line, keeping block and link spans trimmed.
pub(super) struct Builder {
    doc: Doc,
    block: Option<OpenBlock>,
    open_links: Vec<OpenLink>,
    gap: Gap,
    /// Collapse runs of whitespace to one space (HTML outside <pre>), or keep them (Markdown).
    collapse: bool,
}

impl Builder {
    pub(super) fn new(collapse: bool) -> Self {
        Builder {
            doc: Doc::default(),
            block: None,
            open_links: Vec::new(),
            gap: Gap::None,
            collapse,
        }
    }

    pub(super) fn set_collapse(&mut self, collapse: bool) {
        self.collapse = collapse;
    }

    /// Ends the current block and starts one of `kind`.
    pub(super) fn begin(&mut self, kind: BlockKind) {
        self.end();
        self.block = Some(OpenBlock { kind, start: None });
    }

    /// Starts a block of `kind` unless one is already open.
    pub(super) fn ensure_open(&mut self, kind: BlockKind) {
        if self.block.is_none() {
            self.block = Some(OpenBlock { kind, start: None });
        }
    }

    /// Ends the current block; a block that got no visible text leaves no trace.
    pub(super) fn end(&mut self) {
        if let Some(OpenBlock {
            kind,
            start: Some(start),
        }) = self.block.take()
        {
            let keep = start + self.doc.text[start..].trim_end().len();
            self.doc.text.truncate(keep);
            self.doc.blocks.push(Block {
                kind,
                span: start..keep,
            });
        }
        self.gap = Gap::None;
    }

    pub(super) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }

    pub(super) fn push_char(&mut self, c: char) {
        let c = if self.collapse && c == '\u{a0}' {
            ' '
        } else {
            c
        };
        if c.is_control() && !matches!(c, '\t' | '\n' | '\x0c') {
            return;
        }
        let block = self.block.get_or_insert(OpenBlock {
            kind: BlockKind::Paragraph,
            start: None,
        });
        let text = &mut self.doc.text;
        if c.is_whitespace() {
            if block.start.is_some() {
                if self.collapse {
                    self.gap = self.gap.max(Gap::Space);
                } else {
                    text.push(c);
                }
            }
            return;
        }
        if block.start.is_none() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            block.start = Some(text.len());
        } else {
            match self.gap {
                Gap::None => {}
                Gap::Space => text.push(' '),
                Gap::Newline => text.push('\n'),
            }
        }
        self.gap = Gap::None;
        for link in &mut self.open_links {
            link.start.get_or_insert(text.len());
        }
        text.push(c);
    }

    /// Whitespace between words, collapsed with any around it.
    pub(super) fn space(&mut self) {
        if self.block.as_ref().is_some_and(|b| b.start.is_some()) {
            self.gap = self.gap.max(Gap::Space);
        }
    }

    /// A line break inside the current block.
    pub(super) fn line_break(&mut self) {
        if self.collapse {
            if self.block.as_ref().is_some_and(|b| b.start.is_some()) {
                self.gap = Gap::Newline;
            }
        } else {
            self.push_char('\n');
        }
    }

    pub(super) fn open_link(&mut self, url: String) {
        self.open_links.push(OpenLink { url, start: None });
    }

    /// Closes the innermost open link; its span covers the visible text written since it opened.
    pub(super) fn close_link(&mut self) {
        if let Some(OpenLink { url, start }) = self.open_links.pop() {
            let end = self.doc.text.trim_end().len();
            let span = start.filter(|&s| s < end).map(|s| s..end);
            if !url.is_empty() {
                self.doc.links.push(Link { url, span });
            }
        }
    }

    pub(super) fn has_open_links(&self) -> bool {
        !self.open_links.is_empty()
    }

    pub(super) fn finish(mut self) -> Doc {
        self.end();
        while self.has_open_links() {
            self.close_link();
        }
        self.doc
    }
}

impl Doc {
    /// The text of block `i`.
    pub(super) fn block_text(&self, i: usize) -> &str {
        self.blocks
            .get(i)
            .and_then(|b| self.text.get(b.span.clone()))
            .unwrap_or("")
    }

    /// Makes the block equal to `title` the first block, of kind Title, inserting one if needed.
    ///
    /// Only for rendered text (Markdown, HTML), whose blocks are joined by blank lines, so that a
    /// block can be moved without losing anything.
    pub(super) fn place_title(&mut self, title: &str) {
        let title = collapse_ws(title);
        if title.is_empty() {
            if let Some(first) = self.blocks.first_mut() {
                first.kind = BlockKind::Title;
            }
            return;
        }
        let is_title = |i: usize| collapse_ws(self.block_text(i)) == title;
        let heading = |kind: BlockKind, level_one: bool| match kind {
            BlockKind::Heading { level } => !level_one || level == 1,
            _ => false,
        };
        let found = (0..self.blocks.len())
            .find(|&i| heading(self.blocks[i].kind, true) && is_title(i))
            .or_else(|| {
                (0..self.blocks.len()).find(|&i| heading(self.blocks[i].kind, false) && is_title(i))
            })
            .or_else(|| (!self.blocks.is_empty() && is_title(0)).then_some(0));
        match found {
            Some(i) => {
                if i > 0 {
                    self.move_to_front(i);
                }
                self.blocks[0].kind = BlockKind::Title;
            }
            None => self.insert_title(&title),
        }
    }

    /// Moves block `i` (not the first) to the start of the text, shifting every span.
    fn move_to_front(&mut self, i: usize) {
        let moved = self.blocks[i].span.clone();
        let before_end = self.blocks[i - 1].span.end;
        let mut text = String::with_capacity(self.text.len() + 2);
        text.push_str(&self.text[moved.clone()]);
        text.push_str("\n\n");
        text.push_str(&self.text[..before_end]);
        let after_shift = text.len();
        text.push_str(&self.text[moved.end..]);
        let head = moved.len() + 2;
        // Where an old position lands; None for the gap between the blocks that moved apart.
        let map = |p: usize, is_end: bool| -> Option<(u8, usize)> {
            if p < before_end || (is_end && p == before_end) {
                Some((0, p + head))
            } else if p >= moved.start && (p < moved.end || (is_end && p == moved.end)) {
                Some((1, p - moved.start))
            } else if p >= moved.end {
                Some((2, p - moved.end + after_shift))
            } else {
                None
            }
        };
        let remap = |r: &std::ops::Range<usize>| -> Option<std::ops::Range<usize>> {
            let (a, start) = map(r.start, false)?;
            let (b, end) = map(r.end, true)?;
            (a == b).then_some(start..end)
        };
        let mut blocks = Vec::with_capacity(self.blocks.len());
        blocks.push(Block {
            kind: self.blocks[i].kind,
            span: 0..moved.len(),
        });
        for (j, block) in self.blocks.iter().enumerate() {
            if j != i
                && let Some(span) = remap(&block.span)
            {
                blocks.push(Block {
                    kind: block.kind,
                    span,
                });
            }
        }
        for link in &mut self.links {
            link.span = link.span.as_ref().and_then(remap);
        }
        self.text = text;
        self.blocks = blocks;
    }

    fn insert_title(&mut self, title: &str) {
        let shift = title.len() + 2;
        let mut text = String::with_capacity(self.text.len() + shift);
        text.push_str(title);
        if !self.text.is_empty() {
            text.push_str("\n\n");
            text.push_str(&self.text);
        }
        for block in &mut self.blocks {
            block.span = block.span.start + shift..block.span.end + shift;
        }
        for link in &mut self.links {
            if let Some(span) = &mut link.span {
                *span = span.start + shift..span.end + shift;
            }
        }
        self.blocks.insert(
            0,
            Block {
                kind: BlockKind::Title,
                span: 0..title.len(),
            },
        );
        self.text = text;
    }

    /// Adds a link for every bare URL in the text that no existing link already covers.
    pub(super) fn add_bare_links(&mut self) {
        let taken: Vec<_> = self.links.iter().filter_map(|l| l.span.clone()).collect();
        for url in find_urls(&self.text) {
            if !taken.iter().any(|t| t.start < url.end && url.start < t.end) {
                self.links.push(Link {
                    url: self.text[url.clone()].to_owned(),
                    span: Some(url),
                });
            }
        }
        self.links
            .sort_by_key(|l| l.span.as_ref().map_or(usize::MAX, |s| s.start));
    }
}

/// Drops any span that breaks the `Article` guarantees, so that a parser bug costs a block, not a
/// panic further down; in debug builds it fails loudly instead.
pub(super) fn checked(mut doc: Doc) -> Doc {
    let text = &doc.text;
    let valid = |r: &std::ops::Range<usize>| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
            && text[r.clone()].trim().len() == r.len()
    };
    let mut last_end = 0;
    let before = doc.blocks.len();
    doc.blocks.retain(|b| {
        let keep = valid(&b.span) && b.span.start >= last_end;
        if keep {
            last_end = b.span.end;
        }
        keep
    });
    for link in &mut doc.links {
        if link.span.as_ref().is_some_and(|s| !valid(s)) {
            log::error!("dropping an invalid link span {:?}", link.span);
            debug_assert!(false, "invalid link span {:?}", link.span);
            link.span = None;
        }
    }
    if doc.blocks.len() != before {
        log::error!("dropped {} invalid block spans", before - doc.blocks.len());
        debug_assert!(false, "invalid block spans");
    }
    doc
}
