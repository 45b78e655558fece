//! Page metadata: publication date, byline, site name and language from `<meta>` tags (Open
//! Graph, Dublin Core, `itemprop`), JSON-LD (`NewsArticle` and kin) and `<time datetime>`.
//! Which keys count, best first, is data: `assets/ingest/metadata.json`.

use std::sync::OnceLock;

use dom_query::{Document, NodeRef};
use serde::Deserialize;

use super::super::util::{collapse_ws, iso_date};

/// One metadata key and a page that shows it.
#[derive(Debug, Deserialize)]
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "the examples are read by the tests")
)]
pub(super) struct Rule {
    /// A stable name for the rule, for messages.
    pub(super) id: String,
    /// The `name`, `property`, `itemprop` or `http-equiv` value, lower case.
    pub(super) key: String,
    /// A page fragment the tests read.
    pub(super) example: String,
    /// What the example must give.
    pub(super) expect: String,
}

/// The metadata rules, as `assets/ingest/metadata.json` states them.
#[derive(Debug, Deserialize)]
pub(crate) struct Rules {
    pub(super) date_meta: Vec<Rule>,
    pub(super) date_json_ld: Vec<String>,
    pub(super) byline_meta: Vec<Rule>,
    pub(super) site_meta: Vec<Rule>,
    pub(super) language_meta: Vec<Rule>,
    /// English month names, January first; their first three or four letters count too.
    pub(crate) months: Vec<String>,
    /// Articles with and without a date line, and the date each must give ("" for none).
    #[cfg_attr(not(test), allow(dead_code, reason = "read by the tests"))]
    pub(crate) date_line_examples: Vec<LineExample>,
}

/// An article whose date line the tests check.
#[derive(Debug, Deserialize)]
#[cfg_attr(not(test), allow(dead_code, reason = "read by the tests"))]
pub(crate) struct LineExample {
    /// A stable name for the example.
    pub(crate) id: String,
    /// The whole article.
    pub(crate) text: String,
    /// The date it must give, "" for none.
    pub(crate) expect: String,
}

/// The embedded rules; the file is part of the binary and checked by a test, so failing to read
/// it is a build mistake.
pub(crate) fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        serde_json::from_str(include_str!("../../../assets/ingest/metadata.json"))
            .expect("assets/ingest/metadata.json is embedded and checked by the tests")
    })
}

/// What a page says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct PageMeta {
    /// "YYYY-MM-DD".
    pub(crate) date: Option<String>,
    pub(crate) byline: Option<String>,
    pub(crate) site: Option<String>,
    /// A BCP 47 primary language subtag, lower case ("en", "fr").
    pub(crate) language: Option<String>,
}

/// Reads the page's metadata before the content extraction changes the document.
pub(super) fn read(doc: &Document) -> PageMeta {
    let rules = rules();
    let metas: Vec<(String, String)> = doc
        .select("meta")
        .nodes()
        .iter()
        .filter_map(|m| {
            let content = m.attr("content")?;
            let key = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .find_map(|k| m.attr(k))?;
            Some((key.trim().to_ascii_lowercase(), content.trim().to_owned()))
        })
        .collect();
    let first = |list: &[Rule], accept: &dyn Fn(&str) -> Option<String>| {
        list.iter().find_map(|rule| {
            metas
                .iter()
                .filter(|(k, _)| *k == rule.key)
                .find_map(|(_, v)| accept(v))
        })
    };
    let json_ld = json_ld(doc);
    let date = json_ld
        .iter()
        .find_map(|v| find_key(v, &rules.date_json_ld, 0))
        .and_then(|s| iso_date(&s))
        .or_else(|| first(&rules.date_meta, &|v| iso_date(v)))
        .or_else(|| time_element(doc));
    let text = |v: &str| Some(collapse_ws(v)).filter(|s| !s.is_empty() && !s.starts_with("http"));
    let byline = first(&rules.byline_meta, &text).or_else(|| {
        json_ld
            .iter()
            .find_map(|v| find_key(v, &["author".to_owned()], 0))
            .and_then(|s| text(&s))
    });
    let site = first(&rules.site_meta, &text).or_else(|| {
        json_ld
            .iter()
            .find_map(|v| find_key(v, &["publisher".to_owned()], 0))
            .and_then(|s| text(&s))
    });
    let html_lang = doc
        .select("html")
        .nodes()
        .first()
        .and_then(|n| n.attr("lang").or_else(|| n.attr("xml:lang")))
        .map(|s| s.to_string());
    let language = html_lang
        .as_deref()
        .and_then(primary_language)
        .or_else(|| first(&rules.language_meta, &primary_language));
    PageMeta {
        date,
        byline,
        site,
        language,
    }
}

/// "en" from "en-GB", "`en_US`" or "EN"; None for anything that is not a language tag.
pub(super) fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// The JSON-LD blocks of the page that parse.
fn json_ld(doc: &Document) -> Vec<serde_json::Value> {
    doc.select("script")
        .nodes()
        .iter()
        .filter(|s| {
            s.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .filter_map(|s| serde_json::from_str(s.text().trim()).ok())
        .collect()
}

/// The first value of any of `keys` in a JSON-LD tree, breadth first by key order: a string, or
/// the `name` of an object (an author or publisher), or the first of a list.
fn find_key(value: &serde_json::Value, keys: &[String], depth: usize) -> Option<String> {
    use serde_json::Value;
    if depth > 8 {
        return None;
    }
    match value {
        Value::Object(map) => {
            for key in keys {
                if let Some(found) = map.get(key).and_then(|v| as_text(v, 0)) {
                    return Some(found);
                }
            }
            map.values().find_map(|v| find_key(v, keys, depth + 1))
        }
        Value::Array(items) => items.iter().find_map(|v| find_key(v, keys, depth + 1)),
        _ => None,
    }
}

fn as_text(value: &serde_json::Value, depth: usize) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Object(map) if depth < 3 => map.get("name").and_then(|v| as_text(v, depth + 1)),
        Value::Array(items) if depth < 3 => {
            let names: Vec<String> = items.iter().filter_map(|v| as_text(v, depth + 1)).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// A `<time datetime>` that marks publication (`pubdate`, `itemprop=datePublished`), else the
/// first one inside an `<article>`, else the first on the page.
fn time_element(doc: &Document) -> Option<String> {
    let times = doc.select("time[datetime]");
    let nodes = times.nodes();
    let date = |n: &NodeRef| n.attr("datetime").and_then(|d| iso_date(&d));
    let marked = |n: &&NodeRef| {
        n.has_attr("pubdate")
            || n.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
    };
    nodes
        .iter()
        .filter(marked)
        .find_map(date)
        .or_else(|| {
            nodes
                .iter()
                .filter(|n| {
                    n.ancestors_it(None)
                        .any(|a| a.node_name().as_deref() == Some("article"))
                })
                .find_map(date)
        })
        .or_else(|| nodes.iter().find_map(date))
}
