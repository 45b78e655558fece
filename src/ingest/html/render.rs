//! Writing a DOM subtree as article text: blocks for block elements, headings and list items by
//! kind, links with their anchor text, `<pre>` kept as written, and everything that is not text
//! (scripts, forms, media, hidden elements) left out. The walk keeps its own stack, so a deep
//! tree cannot overflow the thread's.

use dom_query::NodeRef;

use super::super::BlockKind;
use super::super::build::Builder;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title", "button", "select",
    "textarea", "iframe", "object", "canvas", "video", "audio", "noembed", "noframes", "input",
    "dialog", "nav", "form", "embed", "map",
];

/// Skipped elements that sit in the text flow, so skipping them leaves a space, not a break.
const INLINE_SKIP: &[&str] = &[
    "script", "style", "button", "select", "textarea", "svg", "iframe", "object", "canvas",
    "video", "audio", "noscript", "template", "title", "noembed", "noframes", "input", "embed",
    "map",
];

/// Elements that start and end a block.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
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
    "nav",
    "form",
];

/// Whether an element is hidden the ways the page's own markup says (`hidden`, `display:none`,
/// `visibility:hidden`).
fn hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// A link target worth keeping: not empty, not a fragment, not a script.
fn kept_href(href: &str) -> bool {
    !href.is_empty()
        && !href.starts_with('#')
        && !href
            .get(..11)
            .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave {
        block: bool,
        link: bool,
        pre: bool,
        kind: bool,
    },
}

/// Page furniture left out when a whole page is written, not the article a content extractor chose.
const FURNITURE: &[&str] = &["header", "footer", "aside"];

/// Writes the text under `root` (not `root`'s own tag) into `b`; with `skip_furniture`, headers,
/// footers and asides are left out too.
pub(super) fn render(root: &NodeRef, b: &mut Builder, skip_furniture: bool) {
    let mut steps: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    let mut kinds: Vec<BlockKind> = Vec::new();
    let mut pre = 0usize;
    while let Some(step) = steps.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    let text = node.text();
                    if pre == 0 && text.trim().is_empty() {
                        b.space();
                        continue;
                    }
                    b.ensure_open(kinds.last().copied().unwrap_or(BlockKind::Paragraph));
                    b.push_str(&text);
                    continue;
                }
                if !node.is_element() {
                    continue;
                }
                let Some(name) = node.node_name() else {
                    continue;
                };
                let name: &str = &name.to_ascii_lowercase();
                let block = BLOCK.contains(&name);
                if SKIP.contains(&name)
                    || (skip_furniture && FURNITURE.contains(&name))
                    || hidden(&node)
                {
                    if INLINE_SKIP.contains(&name) && !block {
                        b.space();
                    } else {
                        b.end();
                    }
                    continue;
                }
                if block {
                    b.end();
                }
                match name {
                    "br" => b.line_break(),
                    "td" | "th" | "img" | "wbr" => b.space(),
                    _ => {}
                }
                let link = name == "a"
                    && node
                        .attr("href")
                        .map(|h| h.trim().to_owned())
                        .filter(|h| kept_href(h))
                        .map(|href| b.open_link(href))
                        .is_some();
                let is_pre = matches!(name, "pre" | "listing" | "xmp");
                if is_pre {
                    pre += 1;
                    b.set_collapse(false);
                }
                let kind = match name {
                    "li" => Some(BlockKind::ListItem),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading {
                        level: name.as_bytes()[1] - b'0',
                    }),
                    "blockquote" | "td" | "th" | "tr" | "dd" | "dt" | "figcaption" | "pre"
                    | "ul" | "ol" | "table" | "dl" => Some(BlockKind::Paragraph),
                    _ => None,
                };
                if let Some(kind) = kind {
                    kinds.push(kind);
                }
                steps.push(Step::Leave {
                    block,
                    link,
                    pre: is_pre,
                    kind: kind.is_some(),
                });
                steps.extend(node.children_it(true).map(Step::Enter));
            }
            Step::Leave {
                block,
                link,
                pre: was_pre,
                kind,
            } => {
                if link {
                    b.close_link();
                }
                if was_pre {
                    pre -= 1;
                    if pre == 0 {
                        b.set_collapse(true);
                    }
                }
                if kind {
                    kinds.pop();
                }
                if block {
                    b.end();
                }
            }
        }
    }
}
