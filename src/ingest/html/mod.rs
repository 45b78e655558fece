//! HTML articles: html5ever parses the page (with its nesting bounded, see [`dom`]), the page's
//! metadata is read ([`meta`]), a port of Readability (`dom_smoothie`) picks the article's main
//! content out of the page furniture, and [`render`] writes that content as our text, blocks
//! and links. A page where no article stands out is written whole, minus its furniture.

mod dom;
pub(crate) mod meta;
mod render;
#[cfg(test)]
mod tests;

use dom_query::Document;

use super::build::{Builder, Doc, Meta, Parsed};
use super::util::collapse_ws;

/// Renders an HTML page; None when it has neither body text nor a title.
pub(super) fn parse(src: &str, warnings: &mut Vec<String>) -> Option<Parsed> {
    let dom::Parsed {
        document,
        dropped_tags,
    } = dom::parse(src);
    if dropped_tags > 0 {
        warnings.push(format!(
            "The page nests its markup deeper than {} levels; {dropped_tags} tags were left out, \
             so some structure may be lost (the text is kept).",
            dom::MAX_DEPTH
        ));
    }
    let page = meta::read(&document);
    let page_title = page_title(&document);
    let headline = first_h1(&document);
    let mut b = Builder::new(true);
    let config = dom_smoothie::Config {
        // The page's own words decide; we never fetch or resolve anything.
        disable_json_ld: false,
        ..dom_smoothie::Config::default()
    };
    let extracted = dom_smoothie::Readability::with_document(document, None, Some(config))
        .and_then(|mut readability| readability.parse());
    let (title, byline, site, language, date) = match extracted {
        Ok(article) => {
            let content = dom::parse(&article.content).document;
            if let Some(body) = body(&content) {
                render::render(&body, &mut b, false);
            }
            (
                Some(collapse_ws(&article.title)).filter(|t| !t.is_empty()),
                article
                    .byline
                    .map(|s| collapse_ws(&s))
                    .filter(|s| !s.is_empty()),
                article
                    .site_name
                    .map(|s| collapse_ws(&s))
                    .filter(|s| !s.is_empty()),
                article.lang.as_deref().and_then(meta::primary_language),
                article
                    .published_time
                    .as_deref()
                    .and_then(super::util::iso_date),
            )
        }
        Err(error) => {
            log::debug!("no main content found ({error}); writing the whole page");
            let whole = dom::parse(src).document;
            if let Some(body) = body(&whole) {
                render::render(&body, &mut b, true);
            }
            (None, None, None, None, None)
        }
    };
    let mut doc = b.finish();
    let title = choose_title(page_title.as_deref(), headline.as_deref())
        .or(title)
        .or_else(|| first_block(&doc))?;
    if doc.blocks.is_empty() {
        warnings.push("The page has no readable body text; only its title was found.".to_owned());
    }
    doc.place_title(&title);
    doc.add_bare_links();
    Some(Parsed {
        title,
        doc,
        meta: Meta {
            date: date.or(page.date),
            byline: byline.or(page.byline),
            site: site.or(page.site),
            language: language.or(page.language),
        },
    })
}

/// The `<body>` of a parsed document (html5ever always makes one).
fn body(document: &Document) -> Option<dom_query::NodeRef<'_>> {
    document.select("body").nodes().first().copied()
}

/// The page's `<title>`, whitespace collapsed; not a `<title>` inside an SVG image.
fn page_title(document: &Document) -> Option<String> {
    document
        .select("head title, title")
        .nodes()
        .iter()
        .filter(|t| {
            !t.ancestors_it(None)
                .any(|a| matches!(a.node_name().as_deref(), Some("svg" | "math")))
        })
        .map(|t| collapse_ws(&t.text()))
        .find(|t| !t.is_empty())
}

/// The page's <title>, but the headline itself when the <title> is the headline plus the site's
/// name; else the first <h1>.
fn choose_title(page_title: Option<&str>, h1: Option<&str>) -> Option<String> {
    if let Some(page) = page_title {
        if let Some(h1) = h1.filter(|h| !h.is_empty() && headline_of(page, h)) {
            return Some(h1.to_owned());
        }
        return Some(without_site_name(page).to_owned());
    }
    h1.filter(|h| !h.is_empty()).map(str::to_owned)
}

/// The first `<h1>` of the page with any text, whitespace collapsed.
fn first_h1(document: &Document) -> Option<String> {
    document
        .select("h1")
        .nodes()
        .iter()
        .map(|h| collapse_ws(&h.text()))
        .find(|t| !t.is_empty())
}

/// The first block's text, the title of last resort.
fn first_block(doc: &Doc) -> Option<String> {
    doc.blocks
        .first()
        .map(|_| collapse_ws(doc.block_text(0)))
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
