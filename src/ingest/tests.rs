//! Tests for the ingest module: decoding, the three formats, file and folder handling, and a
//! property-style check that no input breaks the span guarantees.

use std::fs;
use std::path::{Path, PathBuf};

use crate::layout::rng::XorShift;

use super::util::{find_urls, iso_date};
use super::{
    Article, BlockKind, Format, IngestError, MAX_ARTICLE_BYTES, decode, expand_inputs, parse,
    read_file,
};

const MESSY_TXT: &[u8] = include_bytes!("../../tests/fixtures/ingest/messy.txt");
const ARTICLE_MD: &[u8] = include_bytes!("../../tests/fixtures/ingest/article.md");
pub(super) const ARTICLE_HTML: &[u8] = include_bytes!("../../tests/fixtures/ingest/article.html");

pub(super) const PARAGRAPH: BlockKind = BlockKind::Paragraph;
pub(super) const ITEM: BlockKind = BlockKind::ListItem;
pub(super) const TITLE: BlockKind = BlockKind::Title;
pub(super) const H1: BlockKind = BlockKind::Heading { level: 1 };
pub(super) const H2: BlockKind = BlockKind::Heading { level: 2 };

pub(super) fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
    a.blocks
        .iter()
        .map(|b| (b.kind, &a.text[b.span.clone()]))
        .collect()
}

pub(super) fn links(a: &Article) -> Vec<(&str, Option<&str>)> {
    a.links
        .iter()
        .map(|l| (l.url.as_str(), l.span.clone().map(|s| &a.text[s])))
        .collect()
}

pub(super) fn parse_ok(name: &str, input: &str, format: Format) -> Article {
    let article = parse(name, input.as_bytes(), format).expect("test input parses");
    check_invariants(&article, format);
    article
}

/// The guarantees every `Article` makes to the rest of newsgraph.
pub(super) fn check_invariants(a: &Article, format: Format) {
    if let Err(broken) = super::invariants::check(a, format) {
        panic!("{broken}");
    }
}

/// A fresh folder under the system temp folder, removed again when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "newsgraph-ingest-{tag}-{}-{nanos}",
            std::process::id()
        ));
        fs::create_dir_all(&dir).expect("create temp folder");
        TempDir(dir)
    }

    fn write(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create temp subfolder");
        }
        fs::write(&path, bytes).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Best effort: a leftover temp folder is not worth failing a test over.
        let _ = fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------- decoding

#[test]
fn decodes_utf8_with_and_without_bom() {
    let plain = decode("Zelenskyy met Erdoğan “today”".as_bytes()).expect("text");
    assert_eq!(plain, ("Zelenskyy met Erdoğan “today”".to_owned(), None));
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice("Café talks".as_bytes());
    assert_eq!(
        decode(&with_bom).expect("text"),
        ("Café talks".to_owned(), None)
    );
}

#[test]
fn decodes_utf16_with_bom() {
    let source = "Señor “Ortega” spoke.\r\nNext line";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in source.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(decode(&le).expect("utf-16le"), (source.to_owned(), None));
    assert_eq!(decode(&be).expect("utf-16be"), (source.to_owned(), None));
    let article = parse("le.txt", &le, Format::Text).expect("utf-16 article");
    assert_eq!(article.text, "Señor “Ortega” spoke.\nNext line");
    assert!(article.warnings.is_empty());
}

#[test]
fn decodes_utf16_without_bom_issue_13() {
    let source = "Talks in Genève resumed.\nThe delegations met.";
    let (mut le, mut be) = (Vec::new(), Vec::new());
    for unit in source.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(decode(&le).expect("utf-16le").0, source);
    assert_eq!(decode(&be).expect("utf-16be").0, source);
    let article = parse("le.txt", &le, Format::Text).expect("utf-16 article");
    assert_eq!(article.title, "Talks in Genève resumed.");
    // Zeros on both sides are binary, not UTF-16.
    let mixed: Vec<u8> = (0..400u32)
        .map(|i| if i % 3 == 0 { 0 } else { b'x' })
        .collect();
    assert!(decode(&mixed).is_none());
}

#[cfg(unix)]
#[test]
fn pipes_are_refused_not_read_issue_13() {
    let tmp = TempDir::new("fifo");
    let fifo = tmp.0.join("x.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping: mkfifo is not available");
        return;
    }
    // Nobody ever writes to the pipe: reading it would block the test forever.
    let err = read_file(&fifo).expect_err("a pipe is no article");
    assert!(matches!(err, IngestError::NotAFile { .. }), "{err}");
    assert!(err.to_string().ends_with("x.txt"), "{err}");
    let (files, errors) = expand_inputs(std::slice::from_ref(&tmp.0));
    assert!(files.is_empty());
    assert!(matches!(errors.as_slice(), [IngestError::NotAFile { .. }]));
    let (files, errors) = expand_inputs(std::slice::from_ref(&fifo));
    assert!(files.is_empty());
    assert_eq!(errors.len(), 1);
}

#[cfg(unix)]
#[test]
fn links_out_of_an_opened_folder_are_not_followed_issue_13() {
    let outside = TempDir::new("outside");
    let secret = outside.write("secret.txt", b"Secret\n\nNot for the graph.");
    let tmp = TempDir::new("inside");
    let kept = tmp.write("a.txt", b"Title\n\nBody.");
    std::os::unix::fs::symlink(&secret, tmp.0.join("passwd.txt")).expect("symlink");
    std::os::unix::fs::symlink(&kept, tmp.0.join("b.txt")).expect("symlink");
    let (files, errors) = expand_inputs(std::slice::from_ref(&tmp.0));
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|f| !f.ends_with("passwd.txt")));
    assert!(
        matches!(errors.as_slice(), [IngestError::OutsideFolder { .. }]),
        "{errors:?}"
    );
}

#[test]
fn decodes_windows_1252_with_a_warning() {
    let bytes = b"\x93Peace first,\x94 said the caf\xe9 owner \x96 again.";
    let (text, warning) = decode(bytes).expect("1252 text");
    assert_eq!(text, "“Peace first,” said the café owner – again.");
    assert!(warning.expect("a warning").contains("Windows-1252"));
    let article = parse("old.txt", bytes, Format::Text).expect("article");
    assert_eq!(article.warnings.len(), 1);
    assert!(article.text.starts_with('“'));
}

#[test]
fn refuses_binary_bytes() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 1, 0]);
    assert!(decode(&png).is_none());
    assert!(matches!(
        parse("photo.txt", &png, Format::Text),
        Err(IngestError::Binary { .. })
    ));
    assert!(
        decode(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n").is_none()
    );
    assert!(decode(b"PK\x03\x04\x14\x00\x06\x00").is_none());
    assert!(decode(b"plain words and then a NUL\0 byte").is_none());
    let controls: Vec<u8> = (0..200u8)
        .map(|i| if i % 4 == 0 { 1 } else { b'a' })
        .collect();
    assert!(decode(&controls).is_none(), "25% control characters");
    let few: Vec<u8> = (0..200u8)
        .map(|i| if i % 20 == 0 { 1 } else { b'a' })
        .collect();
    assert!(
        decode(&few).is_some(),
        "5% control characters is still text"
    );
}

#[test]
fn refuses_empty_and_whitespace_only() {
    for format in [Format::Text, Format::Markdown, Format::Html] {
        for input in [&b""[..], b"   \r\n\t\n  \x0c", b"\xEF\xBB\xBF \n"] {
            let err = parse("blank", input, format).expect_err("nothing to read");
            assert!(
                matches!(err, IngestError::Empty { .. }),
                "{format:?}: {err}"
            );
        }
    }
    let err = parse(
        "s.html",
        b"<html><script>var a = 1;</script></html>",
        Format::Html,
    )
    .expect_err("no text");
    assert!(matches!(err, IngestError::Empty { .. }));
    let err = parse("fm.md", b"---\nauthor: x\n---\n\n", Format::Markdown).expect_err("no text");
    assert!(matches!(err, IngestError::Empty { .. }));
}

#[test]
fn refuses_oversize_bytes() {
    let limit = usize::try_from(MAX_ARTICLE_BYTES).expect("8 MiB fits in usize");
    let big = vec![b'a'; limit + 1];
    let err = parse("big.txt", &big, Format::Text).expect_err("too large");
    assert!(matches!(err, IngestError::TooLarge { limit_mib: 8, .. }));
    assert_eq!(err.path(), Path::new("big.txt"));
    let message = err.to_string();
    assert!(
        message.starts_with("The file is 8.0 MiB, over the 8 MiB limit"),
        "{message}"
    );
    assert!(message.ends_with(": big.txt"));
    let exactly = vec![b'a'; limit];
    assert!(parse("max.txt", &exactly, Format::Text).is_ok());
}

#[test]
fn nul_characters_are_removed_with_a_warning() {
    let mut le = vec![0xFF, 0xFE];
    for unit in "Title\0\nBody".encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
    }
    let article = parse("nul.txt", &le, Format::Text).expect("article");
    assert_eq!(article.text, "Title\nBody");
    assert!(article.warnings.iter().any(|w| w.contains("NUL")));
}

// ---------------------------------------------------------------- plain text

#[test]
fn messy_txt_structure() {
    let a = parse("messy.txt", MESSY_TXT, Format::Text).expect("fixture parses");
    check_invariants(&a, Format::Text);
    assert_eq!(a.source, "messy.txt");
    assert_eq!(
        a.title,
        "Foreign ministers meet in Geneva as Black Sea talks resume"
    );
    assert_eq!(a.date, None);
    assert!(a.warnings.is_empty());
    // The text is kept as it came, scraping faults and trailing blank lines included.
    let original = std::str::from_utf8(MESSY_TXT).expect("fixture is UTF-8");
    assert_eq!(a.text, original);
    assert!(a.text.contains("year,Secretary") && a.text.contains("invasion.The"));
    assert!(a.text.ends_with(".\n\n\n\n"));

    let b = blocks(&a);
    assert_eq!(b[0], (TITLE, a.title.as_str()));
    assert_eq!(b[1], (H2, "By Staff Reporter"));
    assert_eq!(b[2], (H2, "Updated 14 March"));
    assert_eq!(b[3].0, PARAGRAPH);
    assert!(b[3].1.contains("year,Secretary") && b[3].1.ends_with("quiet.”"));
    assert_eq!(b[4].0, PARAGRAPH);
    assert!(b[4].1.contains("invasion.The") && b[4].1.ends_with("‘deliberately boring’."));
    assert_eq!(b[5], (H2, "What is on the table"));
    assert_eq!(
        b[6],
        (
            ITEM,
            "Grain: Ukraine wants guaranteed passage for forty ships a month."
        )
    );
    assert_eq!(
        b[7],
        (
            ITEM,
            "Taiwan: Beijing views any mention of the strait in the final text as interference."
        )
    );
    assert!(b[8].0 == ITEM && b[8].1.starts_with("Fertiliser: Moscow"));
    assert_eq!(b[9], (PARAGRAPH, "The full agenda was published online:"));
    assert_eq!(
        b[10],
        (PARAGRAPH, "https://www.example.org/geneva/agenda-2025.pdf")
    );
    // Four hand-wrapped lines make one paragraph; the line breaks stay in the text.
    assert_eq!(b[11].0, PARAGRAPH);
    assert!(b[11].1.starts_with("Analysts at the Kestrel Institute"));
    assert!(b[11].1.ends_with("(see www.example.com.tr/news)."));
    assert_eq!(b[11].1.matches('\n').count(), 3);
    assert_eq!(b.len(), 12);

    assert_eq!(
        links(&a),
        vec![
            (
                "https://www.example.org/geneva/agenda-2025.pdf",
                Some("https://www.example.org/geneva/agenda-2025.pdf")
            ),
            ("www.example.com.tr/news", Some("www.example.com.tr/news")),
        ]
    );
}

#[test]
fn txt_hard_wrapped_paragraphs_are_joined() {
    let input = "Ceasefire holds in the north\n\n\
        The truce agreed on Sunday held through its first night, according\n\
        to observers from the monitoring mission, who reported only two\n\
        minor violations near the border.\n\n\
        Aid convoys are expected on Thursday.\n";
    let a = parse_ok("wrap.txt", input, Format::Text);
    let b = blocks(&a);
    assert_eq!(b.len(), 3);
    assert_eq!(b[1].0, PARAGRAPH);
    assert!(b[1].1.starts_with("The truce") && b[1].1.ends_with("the border."));
    assert_eq!(b[2], (PARAGRAPH, "Aid convoys are expected on Thursday."));
}

#[test]
fn txt_headings_lists_and_short_lines() {
    let input = "Election results\n\
        \n\
        Background\n\
        Short lines are paragraphs.\n\
        Another one, also a paragraph.\n\
        \n\
        The opposition alliance won the capital for the first\n\
        time in two decades, officials said late on Sunday.\n\
        \n\
        1. Turnout rose to 71 percent.\n\
        2) The ruling party lost nine seats.\n\
        • Observers reported few irregularities\n   across the southern provinces.\n\
        – Results are final on Friday.\n\
        · Markets were calm.\n\
        *not a bullet\n\
        \n\
        “What comes next?”\n\
        lowercase line without punctuation\n";
    let a = parse_ok("e.txt", input, Format::Text);
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Election results"),
            (H2, "Background"),
            (PARAGRAPH, "Short lines are paragraphs."),
            (PARAGRAPH, "Another one, also a paragraph."),
            (
                PARAGRAPH,
                "The opposition alliance won the capital for the first\n\
                 time in two decades, officials said late on Sunday."
            ),
            (ITEM, "Turnout rose to 71 percent."),
            (ITEM, "The ruling party lost nine seats."),
            (
                ITEM,
                "Observers reported few irregularities\n   across the southern provinces."
            ),
            (ITEM, "Results are final on Friday."),
            (ITEM, "Markets were calm."),
            (PARAGRAPH, "*not a bullet"),
            (PARAGRAPH, "“What comes next?”"),
            (PARAGRAPH, "lowercase line without punctuation"),
        ]
    );
}

#[test]
fn txt_lines_of_wrap_length_join_even_when_they_end_sentences() {
    let input = "Title\n\nThis sentence is long enough to look hard-wrapped.\nNext one.\n";
    let a = parse_ok("w.txt", input, Format::Text);
    assert_eq!(
        blocks(&a)[1],
        (
            PARAGRAPH,
            "This sentence is long enough to look hard-wrapped.\nNext one."
        )
    );
}

#[test]
fn txt_line_endings_are_normalized() {
    let a = parse(
        "crlf.txt",
        b"Title\r\n\r\nBody one.\rBody two.\r\n",
        Format::Text,
    )
    .expect("ok");
    assert_eq!(a.text, "Title\n\nBody one.\nBody two.\n");
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Title"),
            (PARAGRAPH, "Body one."),
            (PARAGRAPH, "Body two.")
        ]
    );
}

#[test]
fn txt_title_skips_leading_rules() {
    let a = parse_ok(
        "r.txt",
        "\n\n=========\n  Sanctions widened  \n\nText.",
        Format::Text,
    );
    assert_eq!(a.title, "Sanctions widened");
    assert_eq!(blocks(&a)[0], (TITLE, "Sanctions widened"));
}

#[test]
fn bare_urls_lose_trailing_punctuation() {
    let text = "See https://example.com/a_(b), www.example.org. And (http://x.org/y). \
        Or “https://q.example/p”; emailme@www.example.com and http:// alone.";
    let urls: Vec<&str> = find_urls(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        urls,
        vec![
            "https://example.com/a_(b)",
            "www.example.org",
            "http://x.org/y",
            "https://q.example/p"
        ]
    );
}

#[test]
fn reads_iso_dates() {
    assert_eq!(
        iso_date("2024-02-29T10:00:00Z").as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(iso_date(" 2025-12-31 ").as_deref(), Some("2025-12-31"));
    assert_eq!(iso_date("2023-02-29"), None);
    assert_eq!(iso_date("2025-13-01"), None);
    assert_eq!(iso_date("2025-1-01"), None);
    assert_eq!(iso_date("2025-01-011"), None);
    assert_eq!(iso_date("March 3, 2025"), None);
}

#[test]
fn format_from_extension() {
    let f = |p: &str| Format::from_path(Path::new(p));
    assert_eq!(f("a.txt"), Some(Format::Text));
    assert_eq!(f("a.TEXT"), Some(Format::Text));
    assert_eq!(f("dir.v2/a.Md"), Some(Format::Markdown));
    assert_eq!(f("a.markdown"), Some(Format::Markdown));
    assert_eq!(f("a.HTM"), Some(Format::Html));
    assert_eq!(f("a.xhtml"), Some(Format::Html));
    assert_eq!(f("a.pdf"), None);
    assert_eq!(f("README"), None);
    assert_eq!(f(".txt"), None);
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_fixture_structure() {
    let a = parse("article.md", ARTICLE_MD, Format::Markdown).expect("fixture parses");
    check_invariants(&a, Format::Markdown);
    assert_eq!(
        a.title,
        "Sahel states sign water-sharing pact after decade of drought"
    );
    assert_eq!(a.date.as_deref(), Some("2025-02-11"));
    assert!(!a.text.contains("author:") && !a.text.contains("editor:"));
    assert!(
        !a.text.contains(['*', '#', '`', '[', ']', '>']),
        "markers are removed"
    );
    assert!(a.text.contains("basin_watch") && a.text.contains("the_joint_secretariat"));
    let b = blocks(&a);
    let kinds: Vec<BlockKind> = b.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        vec![
            TITLE, PARAGRAPH, PARAGRAPH, PARAGRAPH, H2, ITEM, ITEM, ITEM, H2, PARAGRAPH, PARAGRAPH,
            PARAGRAPH, ITEM, ITEM
        ]
    );
    assert_eq!(b[1].1, "A reservoir near Niamey at low water");
    assert!(
        b[2].1
            .starts_with("Ministers from Niger, Mali and Burkina Faso signed")
    );
    assert!(
        b[2].1.contains("agreement in\nNiamey"),
        "line breaks stay inside the block"
    );
    assert_eq!(b[4].1, "Key terms");
    assert_eq!(
        b[5].1,
        "Each state reports upstream withdrawals every month."
    );
    assert_eq!(b[8].1, "Reactions");
    assert!(b[9].1.starts_with("\"This is the first time") && b[9].1.contains("on anything since"));
    assert_eq!(
        b[13].1,
        "A first joint report on river levels, due in September."
    );
    assert_eq!(
        links(&a),
        vec![
            ("https://au.example.org/water", Some("African Union")),
            (
                "https://ecowas.example.int/",
                Some("Economic Community of West African States")
            ),
            (
                "https://water.example.net/pact-2025",
                Some("https://water.example.net/pact-2025")
            ),
        ]
    );
}

#[test]
fn markdown_inline_syntax() {
    let input = "# Talks *resume* in **Doha**\n\n\
        Envoys _from_ __both__ sides met; snake_case and 2*3*4 stay, as does a * b.\n\
        See [the report](https://r.example/x?a=1 \"Report\") and ![a map](map.png).\n\
        Also <https://auto.example/p>, [ref link][R1], [R1][], [r1] and [missing][nope].\n\
        Code: `let x = a_b * 2;` and \\*escaped\\* with <span class=\"x\">inline html</span>.\n\
        Ampersands: AT&amp;T &mdash; done.\n\n\
        [r1]: https://ref.example/one\n";
    let a = parse_ok("i.md", input, Format::Markdown);
    let b = blocks(&a);
    assert_eq!(b[0], (TITLE, "Talks resume in Doha"));
    assert_eq!(
        b[1].1,
        "Envoys from both sides met; snake_case and 234 stay, as does a * b.\n\
         See the report and a map.\n\
         Also https://auto.example/p, ref link, R1, r1 and [missing][nope].\n\
         Code: let x = a_b * 2; and *escaped* with inline html.\n\
         Ampersands: AT&T — done."
    );
    assert_eq!(b.len(), 2, "the definition line is not text");
    assert_eq!(
        links(&a),
        vec![
            ("https://r.example/x?a=1", Some("the report")),
            ("https://auto.example/p", Some("https://auto.example/p")),
            ("https://ref.example/one", Some("ref link")),
            ("https://ref.example/one", Some("R1")),
            ("https://ref.example/one", Some("r1")),
        ]
    );
}

#[test]
fn markdown_setext_code_and_quotes() {
    let input = "Summit ends\n===========\n\n\
        Leaders left Nairobi.\n\n\
        Outcomes\n--------\n\n\
        ```rust\nlet deal = *signed_by* + 2;\n\n    indented();\n```\n\n\
        > Quoted **words** here\n> over two lines.\n\n\
        ---\n\n\
        + plus item\n";
    let a = parse_ok("s.md", input, Format::Markdown);
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Summit ends"),
            (PARAGRAPH, "Leaders left Nairobi."),
            (H2, "Outcomes"),
            (PARAGRAPH, "let deal = *signed_by* + 2;\n\n    indented();"),
            (PARAGRAPH, "Quoted words here\nover two lines."),
            (ITEM, "plus item"),
        ]
    );
}

#[test]
fn markdown_title_rules() {
    // No heading: the first line is the title, the rest of its block a paragraph.
    let a = parse_ok(
        "n.md",
        "First line of it\nsecond line.\n\nMore text.",
        Format::Markdown,
    );
    assert_eq!(a.title, "First line of it");
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "First line of it"),
            (PARAGRAPH, "second line."),
            (PARAGRAPH, "More text.")
        ]
    );
    // A front-matter title that is not in the text is put in front of it.
    let a = parse_ok(
        "f.md",
        "---\ntitle: 'Grain deal extended'\ndate: \"2024-07-18\"\n---\nBody text here.\n\n# Details\n",
        Format::Markdown,
    );
    assert_eq!(a.title, "Grain deal extended");
    assert_eq!(a.date.as_deref(), Some("2024-07-18"));
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "Grain deal extended"),
            (PARAGRAPH, "Body text here."),
            (H1, "Details")
        ]
    );
    // A heading that is the title but not first is moved to the front, links and all.
    let a = parse_ok(
        "m.md",
        "Intro with [a link](https://l.example).\n\n## The [real](https://t.example) title\n\nEnd.",
        Format::Markdown,
    );
    assert_eq!(
        blocks(&a),
        vec![
            (TITLE, "The real title"),
            (PARAGRAPH, "Intro with a link."),
            (PARAGRAPH, "End.")
        ]
    );
    assert_eq!(
        links(&a),
        vec![
            ("https://t.example", Some("real")),
            ("https://l.example", Some("a link"))
        ]
    );
}

// ---------------------------------------------------------------- files and folders

#[test]
fn expand_inputs_walks_folders() {
    let tmp = TempDir::new("expand");
    let root = tmp.0.clone();
    let a = tmp.write("a.txt", b"A");
    tmp.write("B.MD", b"B");
    tmp.write("notes.pdf", b"%PDF-1.4");
    tmp.write(".hidden.txt", b"hidden");
    tmp.write(".git/config.txt", b"hidden folder");
    tmp.write("sub/c.html", b"C");
    tmp.write("sub/deeper/d.htm", b"D");
    tmp.write("sub/deeper/e.docx", b"E");
    // A folder's own documentation is not an article, unless named on its own.
    tmp.write("README.md", b"About these files");
    let license = tmp.write("sub/License.txt", b"Terms");
    let pdf = root.join("notes.pdf");
    let missing = root.join("missing.txt");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&root, root.join("sub/loop")).expect("symlink to folder");
        std::os::unix::fs::symlink(&a, root.join("sub/link.txt")).expect("symlink to file");
    }
    let inputs = vec![
        root.clone(),
        a.clone(),
        pdf.clone(),
        missing.clone(),
        root.join("sub"),
        license.clone(),
    ];
    let (files, errors) = expand_inputs(&inputs);
    let mut expected = vec![
        root.join("B.MD"),
        a,
        license,
        root.join("sub/c.html"),
        root.join("sub/deeper/d.htm"),
    ];
    if cfg!(unix) {
        expected.push(root.join("sub/link.txt"));
    }
    expected.sort();
    assert_eq!(files, expected);
    assert_eq!(errors.len(), 2);
    assert!(matches!(&errors[0], IngestError::Unsupported { path } if *path == pdf));
    assert!(matches!(&errors[1], IngestError::Io { path, .. } if *path == missing));
    assert!(
        errors[1]
            .to_string()
            .ends_with(&missing.display().to_string())
    );
}

#[test]
fn read_file_checks_type_size_and_content() {
    let tmp = TempDir::new("read");
    let md = tmp.write("story.md", ARTICLE_MD);
    let article = read_file(&md).expect("markdown fixture");
    assert_eq!(article.source, md.display().to_string());
    assert_eq!(
        article.title,
        "Sahel states sign water-sharing pact after decade of drought"
    );

    let html = tmp.write("page.HTM", ARTICLE_HTML);
    assert_eq!(
        read_file(&html).expect("html fixture").date.as_deref(),
        Some("2025-03-04")
    );

    let docx = tmp.write("notes.docx", b"text");
    let err = read_file(&docx).expect_err("unsupported");
    assert!(matches!(err, IngestError::Unsupported { .. }));
    assert!(err.to_string().ends_with(&docx.display().to_string()));

    let png = tmp.write("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    assert!(matches!(read_file(&png), Err(IngestError::Binary { path }) if path == png));

    let empty = tmp.write("empty.txt", b"");
    assert!(matches!(read_file(&empty), Err(IngestError::Empty { .. })));

    // A sparse file: the size check must come from metadata, before any reading.
    let big = tmp.0.join("huge.txt");
    let file = fs::File::create(&big).expect("create");
    file.set_len(MAX_ARTICLE_BYTES * 4).expect("set length");
    let err = read_file(&big).expect_err("too large");
    assert!(
        matches!(&err, IngestError::TooLarge { size_mib, .. } if (*size_mib - 32.0).abs() < 1e-9)
    );
    assert_eq!(err.path(), big);

    let missing = tmp.0.join("gone.txt");
    assert!(matches!(read_file(&missing), Err(IngestError::Io { path, .. }) if path == missing));
    let folder = tmp.0.join("folder.txt");
    fs::create_dir(&folder).expect("mkdir");
    assert!(matches!(read_file(&folder), Err(IngestError::Io { .. })));
}

// ---------------------------------------------------------------- robustness

/// Fragments of every syntax the parsers know, to build inputs that reach deep into them.
const FRAGMENTS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<a href=\"http://x.org\">",
    "</a>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<li>",
    "<ul>",
    "</ul>",
    "<br>",
    "<pre>",
    "</pre>",
    "<article>",
    "</article>",
    "<script>",
    "</script>",
    "<title>",
    "</title>",
    "<nav>",
    "</nav>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x2019;",
    "&#",
    "&nbsp;",
    "&bogus",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "/",
    "# ",
    "## ",
    "===",
    "---",
    "- ",
    "* ",
    "1. ",
    "> ",
    "```",
    "`",
    "**",
    "*",
    "_",
    "__",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "[r]: http://r.org",
    "<http://a.b>",
    "http://",
    "https://e.org/x",
    "www.",
    "www.e.org",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "  ",
    "\u{a0}",
    "é",
    "“",
    "’",
    "—",
    "日本",
    "🙂",
    "\0",
    "word",
    "Title",
    "year,Secretary",
    "invasion.The",
    ".",
    ",",
    ":",
    "\\",
    "|",
    "|---|",
];

#[test]
fn random_inputs_never_break_the_guarantees() {
    let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
    let formats = [Format::Text, Format::Markdown, Format::Html];
    for case in 0..600 {
        let len = rng.below(400);
        let bytes: Vec<u8> = match case % 3 {
            // Raw bytes: mostly refused, but never a panic.
            0 => (0..len).map(|_| rng.next_u64().to_le_bytes()[0]).collect(),
            // Printable ASCII with newlines and the odd high byte.
            1 => (0..len)
                .map(|_| {
                    let r = rng.below(100);
                    let byte = rng.next_u64().to_le_bytes()[1];
                    match r {
                        0..=9 => b'\n',
                        10 => 0x80 | (byte & 0x7F),
                        _ => 0x20 + byte % 95,
                    }
                })
                .collect(),
            // A soup of syntax fragments.
            _ => {
                let mut s = String::new();
                for _ in 0..len / 4 {
                    s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
                }
                s.into_bytes()
            }
        };
        for format in formats {
            match parse("random", &bytes, format) {
                Ok(article) => check_invariants(&article, format),
                Err(IngestError::Binary { .. } | IngestError::Empty { .. }) => {}
                Err(other) => panic!("case {case} {format:?}: unexpected error {other}"),
            }
        }
    }
}

#[test]
fn pathological_inputs_finish_quickly() {
    let started = std::time::Instant::now();
    for input in [
        "[".repeat(50_000),
        "`".repeat(50_000),
        "<".repeat(50_000),
        "*a ".repeat(20_000),
        "[a](".repeat(20_000),
        "<p><b>".repeat(20_000),
        "&#".repeat(30_000),
    ] {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            if let Ok(article) = parse("p", input.as_bytes(), format) {
                check_invariants(&article, format);
            }
        }
    }
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
