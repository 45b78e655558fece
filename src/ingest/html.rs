//! HTML articles: a small tolerant tokenizer and a renderer that keeps the readable body text
//! (the first `<article>` when there is one) and drops page furniture such as navigation,
//! scripts, forms and footers. Also reads the title and publication date from the page.

use super::BlockKind;
use super::build::{Builder, Doc, Parsed};
use super::entities::decode_entities;
use super::util::{collapse_ws, iso_date};

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form",
    "button", "select", "textarea", "iframe", "object", "canvas", "video", "audio", "math",
    "title", "dialog", "noembed", "noframes",
];

/// Skipped elements that sit in the text flow, so skipping them leaves a space, not a break.
const INLINE_SKIP: &[&str] = &[
    "script", "style", "button", "select", "textarea", "svg", "math", "iframe", "object", "canvas",
    "video", "audio", "noscript", "template", "title", "head", "noembed", "noframes",
];

/// Elements that start a new block.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "hr",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "hgroup",
    "fieldset",
    "legend",
    "menu",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Block-level elements, counting the skipped ones like <nav> that break the text flow.
fn is_blockish(name: &str) -> bool {
    BLOCK.contains(&name) || (SKIP.contains(&name) && !INLINE_SKIP.contains(&name))
}

/// Elements whose content is raw text up to their end tag; the second value says whether
/// character references in it still count (RCDATA) or not (RAWTEXT).
const RAW_CONTENT: &[(&str, bool)] = &[
    ("script", false),
    ("style", false),
    ("xmp", false),
    ("iframe", false),
    ("noembed", false),
    ("noframes", false),
    ("noscript", false),
    ("title", true),
    ("textarea", true),
];

/// Meta names that give the publication date, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "datepublished",
];

#[derive(Debug)]
enum Token<'a> {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    /// Text whose character references still need decoding.
    Text(&'a str),
    /// Text to take literally (CDATA, script bodies).
    Raw(&'a str),
    /// Comments, doctypes and processing instructions.
    Other,
}

/// Splits HTML into tokens without ever failing: anything it cannot read as markup is text.
struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// After a start tag like <script>: the element whose end tag ends raw content.
    raw_until: Option<(String, bool)>,
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw_until: None,
        }
    }

    fn raw_content(&mut self, name: &str, rcdata: bool) -> Option<Token<'a>> {
        let rest = &self.src[self.pos..];
        let end = find_end_tag(rest, name).unwrap_or(rest.len());
        self.pos += end;
        let content = &rest[..end];
        match (content.is_empty(), rcdata) {
            (true, _) => None,
            (false, true) => Some(Token::Text(content)),
            (false, false) => Some(Token::Raw(content)),
        }
    }

    /// Reads the markup at `self.pos` (a '<'), or None when it is a literal '<'.
    fn markup(&mut self) -> Option<Token<'a>> {
        let rest = &self.src[self.pos..];
        let bytes = rest.as_bytes();
        if let Some(body) = rest.strip_prefix("<!--") {
            let end = body.find("-->").map_or(rest.len(), |i| 4 + i + 3);
            self.pos += end;
            return Some(Token::Other);
        }
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let (content, end) = match body.find("]]>") {
                Some(i) => (&body[..i], 9 + i + 3),
                None => (body, rest.len()),
            };
            self.pos += end;
            return Some(Token::Raw(content));
        }
        match bytes.get(1) {
            Some(b'!' | b'?') => {
                self.pos += rest.find('>').map_or(rest.len(), |i| i + 1);
                Some(Token::Other)
            }
            Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => {
                let name = tag_name(&rest[2..]);
                self.pos += rest.find('>').map_or(rest.len(), |i| i + 1);
                Some(Token::End { name })
            }
            Some(b'/') => {
                // "</>" and "</ x>" are not end tags; browsers drop them.
                self.pos += rest.find('>').map_or(rest.len(), |i| i + 1);
                Some(Token::Other)
            }
            Some(b) if b.is_ascii_alphabetic() => Some(self.start_tag()),
            _ => None,
        }
    }

    fn start_tag(&mut self) -> Token<'a> {
        let src = self.src;
        let name = tag_name(&src[self.pos + 1..]);
        let mut i = self.pos + 1 + name.len();
        let bytes = src.as_bytes();
        let skip_ws = |mut i: usize| {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            i
        };
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            i = skip_ws(i);
            match bytes.get(i) {
                None => break,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    if bytes.get(i + 1) == Some(&b'>') {
                        self_closing = true;
                        i += 2;
                        break;
                    }
                    i += 1;
                    continue;
                }
                Some(_) => {}
            }
            // Attribute names end at whitespace, '=', '>' or '/', but always take at least one
            // byte so that a stray '=' cannot stall the loop.
            let name_start = i;
            i += 1;
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let attr_name = src[name_start..i].to_ascii_lowercase();
            let after_name = skip_ws(i);
            let mut value = "";
            if bytes.get(after_name) == Some(&b'=') {
                i = skip_ws(after_name + 1);
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
                    let end = src[i + 1..]
                        .find(char::from(q))
                        .map_or(src.len(), |k| i + 1 + k);
                    value = &src[i + 1..end];
                    i = (end + 1).min(src.len());
                } else {
                    let start = i;
                    while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &src[start..i];
                }
            }
            attrs.push((attr_name, decode_entities(value).into_owned()));
        }
        self.pos = i;
        if !self_closing && let Some(&(raw, rcdata)) = RAW_CONTENT.iter().find(|(n, _)| *n == name)
        {
            self.raw_until = Some((raw.to_owned(), rcdata));
        }
        Token::Start {
            name,
            attrs,
            self_closing,
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some((name, rcdata)) = self.raw_until.take()
            && let Some(token) = self.raw_content(&name, rcdata)
        {
            return Some(token);
        }
        let rest = &self.src[self.pos..];
        if rest.is_empty() {
            return None;
        }
        if rest.starts_with('<')
            && let Some(token) = self.markup()
        {
            return Some(token);
        }
        // Text runs to the next '<'; a literal '<' at the start belongs to this run.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        self.pos += end;
        Some(Token::Text(&rest[..end]))
    }
}

/// A tag's name, lower-cased: everything up to whitespace, '/' or '>'.
fn tag_name(s: &str) -> String {
    let end = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    s[..end].to_ascii_lowercase()
}

/// Where the end tag of raw-content element `name` starts in `s`, ignoring case.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("</").map(|i| from + i) {
        let name_end = i + 2 + name.len();
        if bytes.len() >= name_end
            && bytes[i + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(name_end)
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return Some(i);
        }
        from = i + 2;
    }
    None
}

fn attr<'t>(attrs: &'t [(String, String)], name: &str) -> Option<&'t str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// An element we are inside of.
struct Open {
    name: String,
    skip: bool,
    link: bool,
}

/// Walks the tokens once, writing visible text into a builder.
struct Renderer {
    b: Builder,
    stack: Vec<Open>,
    skip: usize,
    pre: usize,
    /// When set, only text inside the `<article>` started by this token counts.
    scope: Option<usize>,
    /// The stack depth of that article while we are inside it.
    scope_level: Option<usize>,
    first_article: Option<usize>,
    title: Option<String>,
    title_buf: Option<String>,
    meta_date: Option<(usize, String)>,
    time_in_text: Option<String>,
    time_anywhere: Option<String>,
}

impl Renderer {
    fn new(scope: Option<usize>) -> Self {
        Renderer {
            b: Builder::new(true),
            stack: Vec::new(),
            skip: 0,
            pre: 0,
            scope,
            scope_level: None,
            first_article: None,
            title: None,
            title_buf: None,
            meta_date: None,
            time_in_text: None,
            time_anywhere: None,
        }
    }

    fn run(mut self, src: &str) -> Self {
        for (index, token) in Tokenizer::new(src).enumerate() {
            match token {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                } => self.start(index, name, &attrs, self_closing),
                Token::End { name } => self.end(&name),
                Token::Text(raw) => self.text(&decode_entities(raw)),
                Token::Raw(raw) => self.text(raw),
                Token::Other => {}
            }
        }
        self
    }

    fn in_text(&self) -> bool {
        self.skip == 0 && (self.scope.is_none() || self.scope_level.is_some())
    }

    fn is_open(&self, name: &str) -> bool {
        self.stack.iter().any(|o| o.name == name)
    }

    fn start(
        &mut self,
        index: usize,
        name: String,
        attrs: &[(String, String)],
        self_closing: bool,
    ) {
        match name.as_str() {
            "meta" => self.meta(attrs),
            "title" if self.title.is_none() && !self.is_open("svg") => {
                self.title_buf = Some(String::new());
            }
            "time" => {
                if let Some(date) = attr(attrs, "datetime").and_then(iso_date) {
                    if self.in_text() {
                        self.time_in_text.get_or_insert_with(|| date.clone());
                    }
                    self.time_anywhere.get_or_insert(date);
                }
            }
            "html" => return,
            _ => {}
        }
        let block = BLOCK.contains(&name.as_str());
        if (block || name == "body") && self.is_open("head") {
            // A page that forgot </head> still has its body here.
            self.pop_through("head");
        }
        if name == "body" {
            return;
        }
        self.close_implied(&name);
        if name == "article" && self.first_article.is_none() && self.skip == 0 {
            self.first_article = Some(index);
        }
        let skip = SKIP.contains(&name.as_str());
        if is_blockish(&name) || name == "hr" {
            self.b.end();
        } else if skip {
            self.b.space();
        }
        match name.as_str() {
            "br" if self.in_text() => self.b.line_break(),
            "td" | "th" | "img" if self.in_text() => self.b.space(),
            _ => {}
        }
        if VOID.contains(&name.as_str()) || self_closing {
            return;
        }
        let mut link = false;
        if name == "a" {
            self.pop_through("a");
            if let Some(href) = attr(attrs, "href").map(str::trim)
                && self.in_text()
                && !href.is_empty()
                && !href.starts_with('#')
                && !href
                    .get(..11)
                    .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
            {
                self.b.open_link(href.to_owned());
                link = true;
            }
        }
        if skip {
            self.skip += 1;
        }
        if name == "pre" {
            self.pre += 1;
            self.b.set_collapse(false);
        }
        self.stack.push(Open { name, skip, link });
        if self.scope == Some(index) {
            self.scope_level = Some(self.stack.len() - 1);
        }
    }

    /// Closes elements that a new start tag ends implicitly, like an open <p> before a <div>.
    fn close_implied(&mut self, name: &str) {
        let innermost = |r: &Renderer, within: &[&str]| -> Option<String> {
            r.stack
                .iter()
                .rev()
                .find(|o| within.contains(&o.name.as_str()))
                .map(|o| o.name.clone())
        };
        if is_blockish(name) && name != "body" {
            let innermost_block = self.stack.iter().rev().find(|o| is_blockish(&o.name));
            if innermost_block.is_some_and(|o| o.name == "p") {
                self.pop_through("p");
            }
        }
        let heading = |n: &str| matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        // A heading cannot hold another heading: an unclosed one ends here.
        if heading(name)
            && let Some(top) = self.stack.last().map(|o| o.name.clone())
            && heading(&top)
        {
            self.pop_through(&top);
        }
        let (own, within): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["li", "ul", "ol", "menu"]),
            "dt" | "dd" => (&["dt", "dd"], &["dt", "dd", "dl"]),
            "tr" => (&["tr", "td", "th"], &["tr", "td", "th", "table"]),
            "td" | "th" => (&["td", "th"], &["td", "th", "tr", "table"]),
            "option" => (&["option"], &["option", "select"]),
            _ => return,
        };
        if let Some(open) = innermost(self, within)
            && own.contains(&open.as_str())
        {
            self.pop_through(&open);
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" => {
                if self.in_text() {
                    self.b.line_break();
                }
                return;
            }
            "body" | "html" => return,
            _ => {}
        }
        // An inline end tag like </b> never closes a block it was not opened in; browsers ignore it.
        let target = self
            .stack
            .iter()
            .rev()
            .find(|o| o.name == name || (!is_blockish(name) && is_blockish(&o.name)));
        let popped = target.is_some_and(|o| o.name == name) && self.pop_through(name);
        let skip = SKIP.contains(&name);
        // A stray </div> is ignored, as browsers do; a stray </p> still breaks the text.
        if (popped && is_blockish(name)) || name == "p" {
            self.b.end();
        } else if popped && skip {
            self.b.space();
        }
    }

    /// Pops open elements down to and including the innermost `name`; false if it is not open.
    fn pop_through(&mut self, name: &str) -> bool {
        let Some(at) = self.stack.iter().rposition(|o| o.name == name) else {
            return false;
        };
        while self.stack.len() > at {
            let Some(open) = self.stack.pop() else { break };
            if open.link {
                self.b.close_link();
            }
            if open.skip {
                self.skip -= 1;
            }
            if open.name == "pre" {
                self.pre -= 1;
                if self.pre == 0 {
                    self.b.set_collapse(true);
                }
            }
            if open.name == "title"
                && let Some(buf) = self.title_buf.take()
            {
                let title = collapse_ws(&buf);
                if !title.is_empty() {
                    self.title = Some(title);
                }
            }
            if self.scope_level == Some(self.stack.len()) {
                self.scope_level = None;
                // Nothing after the chosen article counts, even another copy of it.
                self.scope = Some(usize::MAX);
            }
        }
        true
    }

    fn text(&mut self, text: &str) {
        if self.stack.last().is_some_and(|o| o.name == "title") {
            if let Some(buf) = &mut self.title_buf {
                buf.push_str(text);
            }
            return;
        }
        if !self.in_text() {
            return;
        }
        self.b.ensure_open(self.block_kind());
        self.b.push_str(text);
    }

    /// The kind of block that text at this point belongs to.
    fn block_kind(&self) -> BlockKind {
        for open in self.stack.iter().rev() {
            match open.name.as_str() {
                "li" => return BlockKind::ListItem,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    let level = open.name.as_bytes()[1] - b'0';
                    return BlockKind::Heading { level };
                }
                "blockquote" | "td" | "th" | "tr" | "dd" | "dt" | "figcaption" | "pre" | "ul"
                | "ol" | "table" | "dl" => return BlockKind::Paragraph,
                _ => {}
            }
        }
        BlockKind::Paragraph
    }

    fn meta(&mut self, attrs: &[(String, String)]) {
        let Some(content) = attr(attrs, "content") else {
            return;
        };
        let key = ["property", "name", "itemprop"]
            .iter()
            .filter_map(|k| attr(attrs, k))
            .filter_map(|v| {
                let v = v.trim().to_ascii_lowercase();
                DATE_META.iter().position(|m| *m == v)
            })
            .min();
        if let Some(rank) = key
            && let Some(date) = iso_date(content)
            && self.meta_date.as_ref().is_none_or(|(best, _)| rank < *best)
        {
            self.meta_date = Some((rank, date));
        }
    }
}

/// Renders an HTML page; None when it has neither body text nor a title.
pub(super) fn parse(src: &str, warnings: &mut Vec<String>) -> Option<Parsed> {
    let whole = Renderer::new(None).run(src);
    let rendered = match whole.first_article {
        Some(index) => {
            let scoped = Renderer::new(Some(index)).run(src);
            if scoped.b.is_empty() { whole } else { scoped }
        }
        None => whole,
    };
    let date = rendered
        .meta_date
        .clone()
        .map(|(_, d)| d)
        .or_else(|| rendered.time_in_text.clone())
        .or_else(|| rendered.time_anywhere.clone());
    let page_title = rendered.title.clone();
    let mut doc = rendered.b.finish();
    let title = choose_title(page_title.as_deref(), &doc)?;
    if doc.blocks.is_empty() {
        warnings.push("The page has no readable body text; only its title was found.".to_owned());
    }
    doc.place_title(&title);
    doc.add_bare_links();
    Some(Parsed { title, doc, date })
}

/// The page's <title>, but the headline itself when the <title> is the headline plus the site's
/// name; else the first <h1>; else the first block.
fn choose_title(page_title: Option<&str>, doc: &Doc) -> Option<String> {
    let h1 = (0..doc.blocks.len())
        .find(|&i| doc.blocks[i].kind == BlockKind::Heading { level: 1 })
        .map(|i| collapse_ws(doc.block_text(i)));
    if let Some(page) = page_title {
        if let Some(h1) = h1
            .as_deref()
            .filter(|h| !h.is_empty() && headline_of(page, h))
        {
            return Some(h1.to_owned());
        }
        return Some(without_site_name(page).to_owned());
    }
    h1.filter(|h| !h.is_empty())
        .or_else(|| doc.blocks.first().map(|_| collapse_ws(doc.block_text(0))))
        .filter(|t| !t.is_empty())
}

/// A page title without the site name that follows a bar: "Talks resume | Horn Ledger" is
/// "Talks resume". Only short tails go, so a title that merely contains a bar stays whole.
fn without_site_name(page: &str) -> &str {
    match page.rsplit_once(" | ") {
        Some((head, site))
            if !head.trim().is_empty() && (1..=5).contains(&site.split_whitespace().count()) =>
        {
            head.trim_end()
        }
        _ => page,
    }
}

/// Whether `page` is `headline` with a site name before or after it, like "Headline | Site".
fn headline_of(page: &str, headline: &str) -> bool {
    const SEPARATORS: &[char] = &['|', '-', '–', '—', ':', '·', '•', '/'];
    if page == headline {
        return true;
    }
    let after = page
        .strip_prefix(headline)
        .map(|rest| rest.trim_start().starts_with(SEPARATORS));
    let before = page
        .strip_suffix(headline)
        .map(|rest| rest.trim_end().ends_with(SEPARATORS));
    after == Some(true) || before == Some(true)
}
