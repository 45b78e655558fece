//! Parsing HTML into a DOM with html5ever, with its cost kept linear in the input.
//!
//! html5ever follows the HTML standard, and the standard's tree construction looks through the
//! stack of open elements for many tags: a page of 200,000 nested `<div>`s or 50,000 stray end
//! tags costs time in the square of its length. [`parse`] puts a filter between html5ever's
//! tokenizer and its tree builder that keeps a model of the open elements and drops the tags that
//! would make that stack deep: start tags past [`MAX_DEPTH`] (with their end tags) and end tags
//! that close nothing near the top of the stack. Text is never dropped, so a hostile page keeps
//! its words and loses only structure no real page has.

use std::cell::RefCell;
use std::collections::HashMap;

use dom_query::Document;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, TokenizerResult};

/// Deepest element nesting kept; real pages stay far below it (the 130 development pages
/// reach 53, see docs/ingest.md).
pub(super) const MAX_DEPTH: usize = 160;

/// Most formatting elements (`<b>`, `<a>`, `<font>`, ...) open at once. The standard reopens the
/// unclosed ones in every new paragraph, so a page of 20,000 distinct unclosed `<b class=..>`
/// would cost 20,000 new elements per paragraph.
const MAX_FORMATTING: usize = 32;

/// The standard's formatting elements.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// How far down the open elements an end tag looks for the element it closes.
const MAX_SCAN: usize = 48;

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame",
];

/// Elements whose content the tokenizer reads as raw text: their start tags always pass, since
/// the tree builder switches the tokenizer's state on them.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Where a search for an element in scope stops, as in the standard's "has an element in scope".
const SCOPE_BOUNDARY: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

/// Start tags that close an open `<p>` (the standard's list, with the headings).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "dd",
    "dt",
];

/// The model of the open elements that the filter keeps.
#[derive(Default)]
struct Model {
    open: Vec<LocalName>,
    /// Open `<svg>` and `<math>` elements: inside them `<x/>` closes itself.
    foreign: usize,
    /// Formatting elements opened and not yet closed by their end tag.
    formatting: usize,
    /// Start tags dropped for depth, by name, whose end tags are still to come.
    dropped: HashMap<LocalName, usize>,
    /// Start tags dropped for depth, for the warning (stray end tags are dropped silently:
    /// the tree builder would ignore them too).
    dropped_deep: usize,
}

impl Model {
    fn pop_to(&mut self, at: usize) {
        for name in self.open.drain(at..) {
            if matches!(&*name, "svg" | "math") {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
    }

    /// Index of the open `name` among the top few, stopping at scope boundaries.
    fn find_open(&self, name: &str, stop_at: &[&str]) -> Option<usize> {
        for (i, open) in self.open.iter().enumerate().rev().take(MAX_SCAN) {
            if &**open == name {
                return Some(i);
            }
            if stop_at.contains(&&**open) {
                return None;
            }
        }
        None
    }

    /// Applies the closes a start tag implies (a `<p>` ended by a `<div>`, an `<li>` by the next).
    fn implied_closes(&mut self, name: &str) {
        if CLOSES_P.contains(&name)
            && let Some(i) = self.find_open("p", &["button"])
        {
            self.pop_to(i);
        }
        let same_kind: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "option" => &["option"],
            "td" | "th" => &["td", "th"],
            "tr" => &["tr", "td", "th"],
            _ => &[],
        };
        for kind in same_kind {
            let boundaries: &[&str] = if name == "li" {
                &["ul", "ol", "table", "html"]
            } else {
                &["table", "html", "select", "dl"]
            };
            if let Some(i) = self.find_open(kind, boundaries) {
                self.pop_to(i);
            }
        }
    }

    /// Whether the tag goes on to the tree builder.
    fn admit(&mut self, tag: &Tag) -> bool {
        let name = &*tag.name;
        match tag.kind {
            TagKind::StartTag => {
                if VOID.contains(&name) || (tag.self_closing && self.foreign > 0) {
                    return true;
                }
                self.implied_closes(name);
                let formatting = FORMATTING.contains(&name);
                if (self.open.len() >= MAX_DEPTH && !RAW.contains(&name))
                    || (formatting && self.formatting >= MAX_FORMATTING)
                {
                    *self.dropped.entry(tag.name.clone()).or_default() += 1;
                    self.dropped_deep += 1;
                    return false;
                }
                if matches!(name, "svg" | "math") {
                    self.foreign += 1;
                }
                self.formatting += usize::from(formatting);
                self.open.push(tag.name.clone());
                true
            }
            TagKind::EndTag => {
                if let Some(n) = self.dropped.get_mut(&tag.name)
                    && *n > 0
                {
                    *n -= 1;
                    return false;
                }
                if FORMATTING.contains(&name) && self.formatting > 0 {
                    // The tree builder needs it to end the element's formatting, even when a
                    // paragraph end already closed the element itself.
                    self.formatting -= 1;
                    if let Some(i) = self.find_open(name, SCOPE_BOUNDARY) {
                        self.pop_to(i);
                    }
                    return true;
                }
                let stop_at = if SCOPE_BOUNDARY.contains(&name) {
                    &["html", "template"][..]
                } else {
                    SCOPE_BOUNDARY
                };
                if let Some(i) = self.find_open(name, stop_at) {
                    self.pop_to(i);
                    return true;
                }
                // The tree builder gives these meaning even when nothing is open; they cost it
                // one bounded look at the stack.
                if matches!(name, "p" | "br" | "body" | "html") {
                    return true;
                }
                false
            }
        }
    }
}

/// The filter between tokenizer and tree builder.
struct Bounded<S> {
    inner: S,
    model: RefCell<Model>,
}

impl<S: TokenSink> TokenSink for Bounded<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token
            && !self.model.borrow_mut().admit(tag)
        {
            return TokenSinkResult::Continue;
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// A parsed page and how many tags the depth limits dropped from it.
pub(super) struct Parsed {
    /// The DOM, as html5ever built it from the admitted tokens.
    pub(super) document: Document,
    /// Start tags left out to keep the nesting bounded; 0 for every ordinary page.
    pub(super) dropped_tags: usize,
}

/// Parses a whole HTML document, in time linear in its length.
pub(super) fn parse(html: &str) -> Parsed {
    let builder = TreeBuilder::new(
        Document::default(),
        TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
    );
    let tokenizer = Tokenizer::new(
        Bounded {
            inner: builder,
            model: RefCell::new(Model::default()),
        },
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The tokenizer pauses for scripts and for `<meta charset>`; the text is decoded already and
    // no script runs, so it simply goes on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let dropped_tags = tokenizer.sink.model.borrow().dropped_deep;
    Parsed {
        document: tokenizer.sink.inner.sink,
        dropped_tags,
    }
}
