//! Markdown articles, rendered to plain text: markers, emphasis, link syntax and front matter
//! are removed, while headings, list items and links are kept as structure.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::build::{Builder, Doc, Parsed};
use super::entities::decode_entities;
use super::util::{collapse_ws, iso_date};
use super::{Block, BlockKind};

/// How deeply links may nest inside link text before we stop looking inside them.
const MAX_NESTING: usize = 8;

/// Longest `(url "title")` part we look through; longer ones are not links, and the bound keeps
/// text full of unclosed brackets from taking quadratic time.
const MAX_DESTINATION: usize = 2048;

/// What the YAML front matter told us.
#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
}

/// A block of source lines, markers already removed.
struct MdBlock<'a> {
    kind: BlockKind,
    lines: Vec<&'a str>,
    /// Fenced code: written as is, without inline processing.
    code: bool,
}

impl<'a> MdBlock<'a> {
    fn new(kind: BlockKind, first: Option<&'a str>, code: bool) -> Self {
        MdBlock {
            kind,
            lines: first.into_iter().collect(),
            code,
        }
    }
}

/// Renders a Markdown document; None when it has neither text nor a title.
pub(super) fn parse(src: &str) -> Option<Parsed> {
    let (front, body) = front_matter(src);
    let lines: Vec<&str> = body.split('\n').collect();
    let (refs, definitions) = reference_definitions(&lines);
    let mut b = Builder::new(false);
    for block in block_structure(&lines, &definitions) {
        b.begin(block.kind);
        if block.code {
            for (i, line) in block.lines.iter().enumerate() {
                if i > 0 {
                    b.push_char('\n');
                }
                b.push_str(line);
            }
        } else {
            let joined = block.lines.join("\n");
            Inline::new(&joined, &refs).render(0..joined.len(), &mut b, 0);
        }
        b.end();
    }
    let mut doc = b.finish();
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
        date: front.date,
    })
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
                        front.date = front.date.or_else(|| iso_date(value));
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

/// Collects `[label]: url` definitions and the lines they sit on, which are not text.
fn reference_definitions(lines: &[&str]) -> (HashMap<String, String>, HashSet<usize>) {
    let mut refs = HashMap::new();
    let mut at = HashSet::new();
    let mut fence = None;
    for (n, line) in lines.iter().enumerate() {
        let t = strip_quote(line).1.trim();
        if let Some(open) = fence {
            if closes_fence(t, open) {
                fence = None;
            }
            continue;
        }
        if let Some(open) = opens_fence(t) {
            fence = Some(open);
            continue;
        }
        if let Some((label, url)) = definition(t) {
            refs.entry(normalize_label(label)).or_insert(url);
            at.insert(n);
        }
    }
    (refs, at)
}

fn definition(t: &str) -> Option<(&str, String)> {
    let rest = t.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    if label.trim().is_empty() || label.starts_with('^') || label.contains(['[', ']']) {
        return None;
    }
    let after = rest[close + 2..].trim();
    let url = match after.strip_prefix('<') {
        Some(r) => &r[..r.find('>')?],
        None => after.split_whitespace().next()?,
    };
    (!url.is_empty()).then(|| (label, url.to_owned()))
}

fn normalize_label(label: &str) -> String {
    collapse_ws(label).to_lowercase()
}

/// Removes blockquote markers; the flag says whether there were any.
fn strip_quote(line: &str) -> (bool, &str) {
    let mut rest = line;
    let mut quoted = false;
    while let Some(r) = rest.trim_start().strip_prefix('>') {
        quoted = true;
        rest = r.strip_prefix(' ').unwrap_or(r);
    }
    (quoted, rest)
}

/// A code fence's character and length when `t` opens one.
fn opens_fence(t: &str) -> Option<(char, usize)> {
    let ch = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = t.chars().take_while(|&c| c == ch).count();
    (len >= 3 && !(ch == '`' && t[len..].contains('`'))).then_some((ch, len))
}

fn closes_fence(t: &str, (ch, len): (char, usize)) -> bool {
    t.chars().count() >= len && t.chars().all(|c| c == ch)
}

fn atx_heading(t: &str) -> Option<(u8, &str)> {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    let level = u8::try_from(hashes).ok().filter(|l| (1..=6).contains(l))?;
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    let content = if without_closing.is_empty() {
        ""
    } else if without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        rest
    };
    Some((level, content))
}

fn setext_level(t: &str) -> Option<u8> {
    if !t.is_empty() && t.chars().all(|c| c == '=') {
        Some(1)
    } else if !t.is_empty() && t.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

fn is_thematic_break(t: &str) -> bool {
    let Some(ch) = t.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    t.chars().all(|c| c == ch || c == ' ' || c == '\t')
        && t.chars().filter(|&c| c == ch).count() >= 3
}

/// A table's header rule, like "|---|:--:|".
fn is_table_rule(t: &str) -> bool {
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The text of a list item when `t` starts one.
fn list_item(t: &str) -> Option<&str> {
    let rest = if let Some(r) = t.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=9).contains(&digits) {
            return None;
        }
        t[digits..].strip_prefix(['.', ')'])?
    };
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim();
    let content = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|box_| content.strip_prefix(box_))
        .unwrap_or(content);
    Some(content)
}

/// Where a multi-line raw HTML region that is not text (a comment, script or style) ends.
fn html_region_end(t: &str) -> Option<&'static str> {
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    let end = if lower.starts_with("<!--") {
        "-->"
    } else if lower.starts_with("<script") {
        "</script"
    } else if lower.starts_with("<style") {
        "</style"
    } else {
        return None;
    };
    Some(end)
}

fn block_structure<'a>(lines: &[&'a str], definitions: &HashSet<usize>) -> Vec<MdBlock<'a>> {
    let mut out = Vec::new();
    let mut cur: Option<MdBlock<'a>> = None;
    let flush = |cur: &mut Option<MdBlock<'a>>, out: &mut Vec<MdBlock<'a>>| {
        if let Some(block) = cur.take() {
            out.push(block);
        }
    };
    let mut fence = None;
    let mut region_end: Option<&str> = None;
    let mut prev_quoted = false;
    for (n, &line) in lines.iter().enumerate() {
        let (quoted, line) = strip_quote(line);
        let t = line.trim();
        if let Some(open) = fence {
            if closes_fence(t, open) {
                fence = None;
                flush(&mut cur, &mut out);
            } else if let Some(block) = &mut cur {
                block.lines.push(line);
            }
            continue;
        }
        if let Some(end) = region_end {
            if t.to_ascii_lowercase().contains(end) {
                region_end = None;
            }
            continue;
        }
        if quoted != prev_quoted || definitions.contains(&n) {
            flush(&mut cur, &mut out);
        }
        prev_quoted = quoted;
        if t.is_empty() || definitions.contains(&n) {
            flush(&mut cur, &mut out);
            continue;
        }
        if let Some(open) = opens_fence(t) {
            flush(&mut cur, &mut out);
            fence = Some(open);
            cur = Some(MdBlock::new(BlockKind::Paragraph, None, true));
            continue;
        }
        if let Some(end) = html_region_end(t) {
            if !t.to_ascii_lowercase().contains(end) {
                flush(&mut cur, &mut out);
                region_end = Some(end);
                continue;
            }
            if !t.starts_with("<!--") {
                // A one-line script or style element.
                continue;
            }
        }
        if let Some((level, content)) = atx_heading(t) {
            flush(&mut cur, &mut out);
            out.push(MdBlock::new(
                BlockKind::Heading { level },
                Some(content),
                false,
            ));
            continue;
        }
        if let Some(level) = setext_level(t)
            && let Some(block) = cur
                .as_mut()
                .filter(|b| b.kind == BlockKind::Paragraph && !b.code)
        {
            block.kind = BlockKind::Heading { level };
            flush(&mut cur, &mut out);
            continue;
        }
        if is_thematic_break(t) || is_table_rule(t) {
            flush(&mut cur, &mut out);
            continue;
        }
        if let Some(content) = list_item(t) {
            flush(&mut cur, &mut out);
            cur = Some(MdBlock::new(BlockKind::ListItem, Some(content), false));
            continue;
        }
        match &mut cur {
            Some(block) if !block.code => block.lines.push(t),
            _ => {
                flush(&mut cur, &mut out);
                cur = Some(MdBlock::new(BlockKind::Paragraph, Some(t), false));
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// A piece of inline Markdown.
enum Seg {
    /// Text to write, with character references decoded.
    Text(Range<usize>),
    /// Text to write exactly as it is (code, escaped characters).
    Literal(Range<usize>),
    /// A run of `*` or `_` that may be emphasis.
    Delim {
        range: Range<usize>,
        ch: u8,
        open: bool,
        close: bool,
        matched: bool,
    },
    /// A link (or, with no URL, an image) whose text is rendered from `inner`.
    Link {
        inner: Range<usize>,
        url: Option<String>,
    },
    /// `<http://...>`: the address is both the text and the link.
    Auto {
        text: Range<usize>,
        url: String,
    },
    Break,
}

/// Renders the inline syntax of one block.
struct Inline<'a> {
    src: &'a str,
    refs: &'a HashMap<String, String>,
    /// The matching ']' for each '[' that has one.
    brackets: HashMap<usize, usize>,
}

/// The cached answer to "where is the next `byte` at or after some position".
type Found = Option<usize>;

impl<'a> Inline<'a> {
    fn new(src: &'a str, refs: &'a HashMap<String, String>) -> Self {
        let bytes = src.as_bytes();
        let mut brackets = HashMap::new();
        let mut open = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 1,
                b'[' => open.push(i),
                b']' => {
                    if let Some(o) = open.pop() {
                        brackets.insert(o, i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        Inline {
            src,
            refs,
            brackets,
        }
    }

    fn render(&self, range: Range<usize>, b: &mut Builder, depth: usize) {
        let mut segs = self.segments(range);
        match_emphasis(&mut segs);
        for seg in segs {
            match seg {
                Seg::Text(r) => b.push_str(&decode_entities(&self.src[r])),
                Seg::Literal(r)
                | Seg::Delim {
                    range: r,
                    matched: false,
                    ..
                } => b.push_str(&self.src[r]),
                Seg::Delim { .. } => {}
                Seg::Link { inner, url } => {
                    let url = url.filter(|u| !u.is_empty());
                    let linked = url.is_some();
                    if let Some(url) = url {
                        b.open_link(url);
                    }
                    if depth < MAX_NESTING {
                        self.render(inner, b, depth + 1);
                    } else {
                        b.push_str(&self.src[inner]);
                    }
                    if linked {
                        b.close_link();
                    }
                }
                Seg::Auto { text, url } => {
                    b.open_link(url);
                    b.push_str(&self.src[text]);
                    b.close_link();
                }
                Seg::Break => b.push_char('\n'),
            }
        }
    }

    fn segments(&self, range: Range<usize>) -> Vec<Seg> {
        let bytes = self.src.as_bytes();
        let end = range.end;
        let mut segs = Vec::new();
        let mut text_start = range.start;
        let mut i = range.start;
        let mut failed_code = Vec::new();
        let mut close_angle: Found = None;
        let mut open_angle: Found = None;
        while i < end {
            let found = match bytes[i] {
                b'\\' => match bytes.get(i + 1) {
                    Some(c) if i + 1 < end && (c.is_ascii_punctuation() || *c == b'\n') => {
                        Some((Some(Seg::Literal(i + 1..i + 2)), i + 2))
                    }
                    _ => None,
                },
                b'`' => Some(self.code_span(i, end, &mut failed_code)),
                b'!' if bytes.get(i + 1) == Some(&b'[') => self
                    .link_at(i + 1, end)
                    .map(|(inner, _, next)| (Some(Seg::Link { inner, url: None }), next)),
                b'[' => self.link_at(i, end).map(|(inner, url, next)| {
                    (
                        Some(Seg::Link {
                            inner,
                            url: Some(url),
                        }),
                        next,
                    )
                }),
                b'<' => self.angle(i, end, &mut close_angle, &mut open_angle),
                b'*' | b'_' => Some(self.delim_run(i, range.start, end)),
                _ => None,
            };
            match found {
                Some((seg, next)) => {
                    if text_start < i {
                        segs.push(Seg::Text(text_start..i));
                    }
                    segs.extend(seg);
                    i = next;
                    text_start = next;
                }
                None => i += 1,
            }
        }
        if text_start < end {
            segs.push(Seg::Text(text_start..end));
        }
        segs
    }

    /// A code span starting at `i`, or the backticks as literal text when nothing closes them.
    fn code_span(&self, i: usize, end: usize, failed: &mut Vec<usize>) -> (Option<Seg>, usize) {
        let bytes = self.src.as_bytes();
        let run = |at: usize| bytes[at..end].iter().take_while(|&&b| b == b'`').count();
        let n = run(i);
        if !failed.contains(&n) {
            let mut j = i + n;
            while let Some(k) = self.src[j..end].find('`').map(|k| j + k) {
                let m = run(k);
                if m == n {
                    let mut content = i + n..k;
                    let inner = &self.src[content.clone()];
                    if inner.len() >= 2
                        && inner.starts_with(' ')
                        && inner.ends_with(' ')
                        && !inner.trim().is_empty()
                    {
                        content = content.start + 1..content.end - 1;
                    }
                    return (Some(Seg::Literal(content)), k + n);
                }
                j = k + m;
            }
            // Later runs of the same length cannot find a closer either.
            failed.push(n);
        }
        (Some(Seg::Literal(i..i + n)), i + n)
    }

    /// A link at the '[' at `open`: its text range, URL and where it ends.
    fn link_at(&self, open: usize, end: usize) -> Option<(Range<usize>, String, usize)> {
        let close = *self.brackets.get(&open).filter(|&&c| c < end)?;
        let inner = open + 1..close;
        let after = close + 1;
        let bytes = self.src.as_bytes();
        if after < end && bytes[after] == b'(' {
            if let Some((url, next)) = self.destination(after + 1, end) {
                return Some((inner, url, next));
            }
        } else if after < end && bytes[after] == b'[' {
            let label_close = *self.brackets.get(&after).filter(|&&c| c < end)?;
            let label = if label_close == after + 1 {
                &self.src[inner.clone()]
            } else {
                &self.src[after + 1..label_close]
            };
            return self
                .reference(label)
                .map(|url| (inner, url, label_close + 1));
        }
        self.reference(&self.src[inner.clone()])
            .map(|url| (inner, url, after))
    }

    fn reference(&self, label: &str) -> Option<String> {
        if self.refs.is_empty() {
            return None;
        }
        self.refs.get(&normalize_label(label)).cloned()
    }

    /// Reads `url "title")` starting just after the '('.
    fn destination(&self, start: usize, end: usize) -> Option<(String, usize)> {
        let bytes = self.src.as_bytes();
        let mut end = end.min(start + MAX_DESTINATION);
        while !self.src.is_char_boundary(end) {
            end -= 1;
        }
        let skip_ws = |mut i: usize| {
            while i < end && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            i
        };
        let mut i = skip_ws(start);
        let url;
        if i < end && bytes[i] == b'<' {
            let close = self.src[i + 1..end].find(['>', '\n']).map(|k| i + 1 + k)?;
            if bytes[close] != b'>' {
                return None;
            }
            url = &self.src[i + 1..close];
            i = close + 1;
        } else {
            let url_start = i;
            let mut depth = 0usize;
            while i < end {
                match bytes[i] {
                    b'(' => depth += 1,
                    b')' if depth == 0 => break,
                    b')' => depth -= 1,
                    b'\\' => i += 1,
                    b if b.is_ascii_whitespace() => break,
                    _ => {}
                }
                i += 1;
            }
            i = i.min(end);
            url = &self.src[url_start..i];
        }
        i = skip_ws(i);
        if i < end && matches!(bytes[i], b'"' | b'\'' | b'(') {
            let closer = if bytes[i] == b'(' {
                ')'
            } else {
                char::from(bytes[i])
            };
            i = self.src[i + 1..end].find(closer).map(|k| i + 1 + k + 1)?;
            i = skip_ws(i);
        }
        (i < end && bytes[i] == b')').then(|| (url.to_owned(), i + 1))
    }

    /// `<...>` at `i`: an autolink, an HTML tag to drop, or None for a literal '<'.
    fn angle(
        &self,
        i: usize,
        end: usize,
        close_angle: &mut Found,
        open_angle: &mut Found,
    ) -> Option<(Option<Seg>, usize)> {
        let close = self.find_from(b'>', i + 1, end, close_angle)?;
        if self
            .find_from(b'<', i + 1, end, open_angle)
            .is_some_and(|lt| lt < close)
        {
            return None;
        }
        let inner = &self.src[i + 1..close];
        if inner.is_empty() || inner.contains(char::is_whitespace) {
            return is_tag(inner).then_some((None, close + 1));
        }
        let scheme = inner.find(':').map(|c| &inner[..c]);
        if scheme.is_some_and(|s| {
            (2..=32).contains(&s.len())
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        }) {
            let url = inner.to_owned();
            return Some((
                Some(Seg::Auto {
                    text: i + 1..close,
                    url,
                }),
                close + 1,
            ));
        }
        if inner.contains('@') && !inner.starts_with(['/', '!', '?']) && inner.contains('.') {
            let url = format!("mailto:{inner}");
            return Some((
                Some(Seg::Auto {
                    text: i + 1..close,
                    url,
                }),
                close + 1,
            ));
        }
        if !is_tag(inner) {
            return None;
        }
        let name = inner.trim_end_matches('/').to_ascii_lowercase();
        Some((
            matches!(name.as_str(), "br").then_some(Seg::Break),
            close + 1,
        ))
    }

    /// The next `byte` in `from..end`, reusing the last answer while it is still ahead of us.
    fn find_from(&self, byte: u8, from: usize, end: usize, cache: &mut Found) -> Option<usize> {
        if let Some(at) = *cache
            && at >= from
        {
            return (at < end).then_some(at);
        }
        let at = self.src.as_bytes()[from.min(end)..end]
            .iter()
            .position(|&b| b == byte)
            .map_or(end, |k| from + k);
        *cache = Some(at);
        (at < end).then_some(at)
    }

    fn delim_run(&self, i: usize, start: usize, end: usize) -> (Option<Seg>, usize) {
        let bytes = self.src.as_bytes();
        let ch = bytes[i];
        let n = bytes[i..end].iter().take_while(|&&b| b == ch).count();
        let prev = self.src[start..i].chars().next_back();
        let next = self.src[i + n..end].chars().next();
        // Markers glued to letters on the outside (snake_case, 2*3*4) are not emphasis.
        let open =
            next.is_some_and(|c| !c.is_whitespace()) && !prev.is_some_and(char::is_alphanumeric);
        let close =
            prev.is_some_and(|c| !c.is_whitespace()) && !next.is_some_and(char::is_alphanumeric);
        let seg = Seg::Delim {
            range: i..i + n,
            ch,
            open,
            close,
            matched: false,
        };
        (Some(seg), i + n)
    }
}

/// Whether `<inner>` looks like an HTML tag, comment or declaration.
fn is_tag(inner: &str) -> bool {
    inner
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
}

/// Pairs emphasis markers; the paired ones are dropped from the text, the rest stay literal.
fn match_emphasis(segs: &mut [Seg]) {
    let mut stacks: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for i in 0..segs.len() {
        let Seg::Delim {
            ch, open, close, ..
        } = segs[i]
        else {
            continue;
        };
        let stack = &mut stacks[usize::from(ch == b'_')];
        if close && let Some(o) = stack.pop() {
            for at in [o, i] {
                if let Seg::Delim { matched, .. } = &mut segs[at] {
                    *matched = true;
                }
            }
            continue;
        }
        if open {
            stack.push(i);
        }
    }
}
