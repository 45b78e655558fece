//! Tests for the HTML reader: structure, furniture, titles, metadata, and the bounded parser.

use super::super::tests::{
    ARTICLE_HTML, H2, ITEM, PARAGRAPH, TITLE, blocks, check_invariants, links, parse_ok,
};
use super::super::{Format, parse};
use super::meta;
use std::fmt::Write as _;

#[test]
fn html_fixture_structure() {
    let a = parse("article.html", ARTICLE_HTML, Format::Html).expect("fixture parses");
    check_invariants(&a, Format::Html);
    assert_eq!(a.title, "Arctic Council resumes work after two-year pause");
    assert_eq!(a.date.as_deref(), Some("2025-03-04"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(
        a.byline.as_deref(),
        Some("By Ingrid Solberg · 4 March 2025")
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    // Navigation, banners, bylines, related links, scripts, forms, teasers and footers are
    // page furniture, not article text.
    for noise in [
        "Home",
        "Subscribe",
        "Ingrid",
        "dataLayer",
        "advert",
        "Related",
        "Ice roads",
        "Sign up",
        "JavaScript",
        "Other news",
        "teaser",
        "All rights",
        "font-family",
    ] {
        assert!(!a.text.contains(noise), "{noise:?} should be left out");
    }
    let b = blocks(&a);
    assert_eq!(
        b[0],
        (TITLE, "Arctic Council resumes work after two-year pause")
    );
    assert_eq!(
        b[1].1,
        "Senior officials from the eight Arctic states met in Tromsø on Monday, the first full \
         session of the council since its work was frozen in 2022. Norway’s foreign minister \
         called the meeting “a cautious restart, not a reset”."
    );
    assert!(b[2].1.starts_with("The agenda covered") && b[2].1.ends_with("since 2010."));
    assert_eq!(b[3], (H2, "Who was there"));
    assert_eq!(b[4].0, ITEM);
    assert_eq!(
        b[5],
        (
            ITEM,
            "Russia was represented by its ambassador in Oslo, Pavel Orlov."
        )
    );
    assert_eq!(b[6].0, ITEM);
    assert!(b[7].1.starts_with("“The ice does not care") && b[7].1.contains("Sámi"));
    assert_eq!(b[8], (PARAGRAPH, "Delegates arrive at the Fram Centre."));
    assert_eq!(
        b[9].1,
        "The next meeting is planned for Reykjavík in October, subject to approval by all \
         members.\nFull statement: arctic.example.org — reported with help from our café desk \
         — &unknown; entities stay."
    );
    assert_eq!(b.len(), 10);
    assert_eq!(
        links(&a),
        vec![
            (
                "https://arctic.example.org/permafrost?year=2025&lang=en",
                Some("permafrost monitoring report")
            ),
            (
                "https://arctic.example.org/statements/2025-03",
                Some("arctic.example.org")
            ),
        ]
    );
}

#[test]
fn html_entities() {
    let a = parse_ok(
        "e.html",
        "<h1>E</h1><p>&amp; &lt; &gt; &quot; &apos; a&nbsp;b &ndash; &mdash; &lsquo;&rsquo; \
         &ldquo;&rdquo; &hellip; &laquo;&raquo; &copy;&reg;&trade; &euro;&pound;&yen;&cent; \
         &deg;&middot;&bull;&times;&divide; &#8217;&#x2019;&#X2014;&#150; &eacute;&Eacute;\
         &szlig;&ntilde;&Ntilde;&oslash;&Aring; &amp &lt3 &bogus; &#; &#xZZ; &#1114112;</p>",
        Format::Html,
    );
    assert_eq!(
        blocks(&a)[1].1,
        "& < > \" ' a b – — ‘’ “” … «» ©®™ €£¥¢ °·•×÷ ’’—– éÉßñÑøÅ & <3 &bogus; &#; &#xZZ; \u{FFFD}"
    );
}

#[test]
fn html_broken_markup_is_read_as_browsers_read_it() {
    let input = "<HTML><BODY><H1 CLASS=big>Coup attempt fails</H1>\
        <P>First paragraph<P>Second <B>bold <I>and</B> italic</I> text</div>\
        <DIV>Third</span> block<br>after break</DIV>\
        <p>Unterminated <a href=https://u.example/x?a=1&amp;b=2>link text\
        <p>Next para <img src=x.png/> with <!-- a comment --> more\
        <p>Tail <![CDATA[1 < 2]]> end <unknown-tag attr='1'>inside</unknown-tag>\
        <p>Broken <b attr=\"unterminated>tag";
    let a = parse_ok("b.html", input, Format::Html);
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Coup attempt fails"),
            (PARAGRAPH, "First paragraph"),
            (PARAGRAPH, "Second bold and italic text"),
            (PARAGRAPH, "Third block\nafter break"),
            (PARAGRAPH, "Unterminated link text"),
            (PARAGRAPH, "Next para with more"),
            // CDATA outside SVG and MathML is a comment in HTML.
            (PARAGRAPH, "Tail end inside"),
            (PARAGRAPH, "Broken"),
        ]
    );
    // An unclosed link goes on into the following paragraphs, as the HTML standard's
    // formatting-element rules (and every browser) have it.
    assert_eq!(
        links(&a)[0],
        ("https://u.example/x?a=1&b=2", Some("link text"))
    );
    assert!(
        links(&a)[1..]
            .iter()
            .all(|(url, _)| *url == "https://u.example/x?a=1&b=2")
    );
}

#[test]
fn html_links_and_skipped_hrefs() {
    let input = "<title>Links</title><p>Read <a href=\"#top\">this</a>, \
        <a href=\"JavaScript:go()\">that</a>, <a href=\"/world/story\"> the <em>story</em> </a>, \
        <a href='https://x.example/?q=&quot;a&quot;'>quoted</a> and https://bare.example/path.</p>";
    let a = parse_ok("l.html", input, Format::Html);
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Links"),
            (
                PARAGRAPH,
                "Read this, that, the story , quoted and https://bare.example/path."
            )
        ]
    );
    assert_eq!(
        links(&a),
        vec![
            ("/world/story", Some("the story")),
            ("https://x.example/?q=\"a\"", Some("quoted")),
            (
                "https://bare.example/path",
                Some("https://bare.example/path")
            ),
        ]
    );
}

#[test]
fn html_title_choice() {
    // A <title> that is not in the body is put in front of it.
    let a = parse_ok(
        "t.html",
        "<title> Page\n title </title><p>Body text.</p>",
        Format::Html,
    );
    assert_eq!(a.title, "Page title");
    assert_eq!(a.text, "Page title\n\nBody text.");
    // The site name before the headline is dropped when the <h1> is the headline.
    let a = parse_ok(
        "s.html",
        "<title>Site — Floods in Dhaka</title><p>Kicker</p><h1>Floods in Dhaka</h1><p>Rain.</p>",
        Format::Html,
    );
    assert_eq!(a.title, "Floods in Dhaka");
    assert_eq!(blocks(&a)[0], (TITLE, "Floods in Dhaka"));
    assert!(!a.text.contains("Site"));
    // A site name after a bar goes, even when the <h1> words the headline differently.
    let a = parse_ok(
        "b.html",
        "<title>Talks resume in Cairo | Nile Post</title><h1>Egypt and Ethiopia talk again</h1><p>Text.</p>",
        Format::Html,
    );
    assert_eq!(a.title, "Talks resume in Cairo");
    // No <title>: the first <h1>; no <h1> either: the first block.
    let a = parse_ok("h.html", "<h2>Sub</h2><h1>Main</h1><p>x</p>", Format::Html);
    assert_eq!(a.title, "Main");
    assert_eq!(blocks(&a)[0], (TITLE, "Main"));
    let a = parse_ok(
        "p.html",
        "<p>Only a paragraph.</p><p>Two.</p>",
        Format::Html,
    );
    assert_eq!(
        blocks(&a),
        vec![(TITLE, "Only a paragraph."), (PARAGRAPH, "Two.")]
    );
    // A title but no body text still makes an article, with a warning.
    let a = parse_ok(
        "o.html",
        "<head><title>Only title</title></head><body></body>",
        Format::Html,
    );
    assert_eq!(a.text, "Only title");
    assert_eq!(a.warnings.len(), 1);
    // <title> inside an inline SVG is not the page title.
    let a = parse_ok(
        "v.html",
        "<svg><title>icon</title></svg><h1>Real</h1>",
        Format::Html,
    );
    assert_eq!(a.title, "Real");
}

#[test]
fn html_dates() {
    let date = |html: &str| parse_ok("d.html", html, Format::Html).date;
    assert_eq!(
        date("<meta name=\"DC.date\" content=\"2023-05-06\"><p>x</p>").as_deref(),
        Some("2023-05-06")
    );
    assert_eq!(
        date("<meta name=pubdate content=2021-01-02T00:00><meta property=article:published_time content=2022-03-04><p>x</p>")
            .as_deref(),
        Some("2022-03-04")
    );
    assert_eq!(
        date("<p>On <time datetime=\"2020-10-11T08:00\">Sunday</time></p>").as_deref(),
        Some("2020-10-11")
    );
    assert_eq!(
        date(
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
             \"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-12-31T23:00:00Z\",\
             \"author\":{\"@type\":\"Person\",\"name\":\"Lea Kim\"}}]}</script><p>x</p>"
        )
        .as_deref(),
        Some("2019-12-31")
    );
    assert_eq!(
        date("<meta name=date content=\"2023-02-30\"><p>x</p>"),
        None
    );
    assert_eq!(date("<p>No date here, 2024-01-01 is only text.</p>"), None);
}

#[test]
fn metadata_rules_find_their_examples() {
    let rules = meta::rules();
    let groups = [
        ("date", &rules.date_meta),
        ("byline", &rules.byline_meta),
        ("site", &rules.site_meta),
        ("language", &rules.language_meta),
    ];
    for (field, list) in groups {
        assert!(!list.is_empty(), "{field}");
        for rule in list {
            let page = format!(
                "<html><head>{}<title>Page</title></head><body><p>Text.</p></body></html>",
                rule.example
            );
            let a = parse_ok("m.html", &page, Format::Html);
            let got = match field {
                "date" => a.date,
                "byline" => a.byline,
                "site" => a.site,
                _ => a.language,
            };
            assert_eq!(
                got.as_deref(),
                Some(rule.expect.as_str()),
                "rule {}",
                rule.id
            );
            assert!(
                rule.example.to_ascii_lowercase().contains(&rule.key),
                "rule {} shows its key",
                rule.id
            );
        }
    }
}

#[test]
fn html_pre_tables_lists_and_math() {
    let input = "<h1>Data</h1><pre>  col_a   col_b\n  1       2\n</pre>\
        <table><tr><th>Country</th><th>Votes</th></tr><tr><td>Chile</td><td>12</td></tr></table>\
        <ol><li>One<ul><li>Nested</li></ul>tail</li></ol><dl><dt>Term</dt><dd>Meaning</dd></dl>\
        <p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math> holds.</p>";
    let a = parse_ok("p.html", input, Format::Html);
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Data"),
            (PARAGRAPH, "col_a   col_b\n  1       2"),
            (PARAGRAPH, "Country Votes"),
            (PARAGRAPH, "Chile 12"),
            (ITEM, "One"),
            (ITEM, "Nested"),
            (ITEM, "tail"),
            (PARAGRAPH, "Term"),
            (PARAGRAPH, "Meaning"),
            (PARAGRAPH, "When a≠0 holds."),
        ]
    );
}

#[test]
fn html_page_furniture_stays_out() {
    let input = "<html><head><title>Port strike spreads</title>\
        <body><header><a href=/>The Daily</a></header><nav>Menu</nav>\
        <main><h1>Port strike spreads</h1><p>Dockers in Antwerp joined.</p>\
        <select><option>EN</option></select><p>More.</p>\
        <p hidden>Hidden by attribute.</p><div style=\"display: none\">Hidden by style.</div></main>\
        <template><p>hidden</p></template><footer>Contact</footer>";
    let a = parse_ok("n.html", input, Format::Html);
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Port strike spreads"),
            (PARAGRAPH, "Dockers in Antwerp joined."),
            (PARAGRAPH, "More."),
        ]
    );
}

/// The shapes of the reliability reproducers: each once cost time in the square of its length.
#[test]
fn deep_nesting_and_stray_end_tags_stay_linear_issue_13() {
    let depth = 100_000;
    let nested = format!(
        "<html><body>{}China condemned Japan.{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let stray = format!(
        "{}text{}",
        "<div>".repeat(20_000),
        "</section>".repeat(40_000)
    );
    let div_text = "<div>China met Japan. ".repeat(50_000);
    let mut formatting = String::new();
    for i in 0..20_000 {
        let _ = write!(formatting, "<b class=c{i}><p>x");
    }
    let started = std::time::Instant::now();
    let a = parse_ok("nested.html", &nested, Format::Html);
    assert!(a.text.contains("China condemned Japan."));
    assert!(
        a.warnings.iter().any(|w| w.contains("deeper than")),
        "{:?}",
        a.warnings
    );
    let a = parse_ok("stray.html", &stray, Format::Html);
    assert!(a.text.contains("text"));
    // The parser keeps every word, whatever the content extraction then chooses.
    let parsed = super::dom::parse(&div_text);
    assert_eq!(
        parsed
            .document
            .root()
            .text()
            .matches("China met Japan.")
            .count(),
        50_000
    );
    parse_ok("div-text.html", &div_text, Format::Html);
    parse_ok("formatting.html", &formatting, Format::Html);
    // Quadratic cost took minutes here; linear takes well under a second in a release build.
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}
