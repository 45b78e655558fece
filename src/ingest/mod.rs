//! Article ingest: everything between a file the user picked and an [`Article`].
//!
//! This module owns choosing which files to read ([`expand_inputs`]), reading them with size and
//! binary checks ([`read_file`]), decoding bytes ([`decode`]) and the three format parsers
//! (plain text, Markdown, HTML). Its output is plain text plus structure: blocks and links whose
//! byte ranges all point into `Article::text`, which nothing changes after ingest.

mod build;
mod dates;
mod encoding;
mod entities;
mod html;
pub mod invariants;
mod markdown;
pub mod report;
#[cfg(test)]
mod tests;
mod text;
mod util;
mod walk;

use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

pub use encoding::decode;
pub use walk::expand_inputs;

/// Largest article file we accept.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// The kinds of article file newsgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (.txt, .text).
    Text,
    /// Markdown (.md, .markdown).
    Markdown,
    /// HTML (.html, .htm, .xhtml).
    Html,
}

impl Format {
    /// From the file extension, case-insensitive: txt/text -> Text, md/markdown -> Markdown, html/htm/xhtml -> Html.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// One article: plain text plus structure. Every byte range in it points into `text`, which never changes after ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Where it came from, as given (e.g. the path's display string).
    pub source: String,
    /// The article's title, whitespace collapsed.
    pub title: String,
    /// Normalized plain text; every span in this article points into it.
    pub text: String,
    /// In document order, non-overlapping, each span non-empty and trimmed; the first is the title.
    pub blocks: Vec<Block>,
    /// Hyperlinks and bare URLs found in the article.
    pub links: Vec<Link>,
    /// "YYYY-MM-DD" when the document states its own publication date: in metadata (HTML
    /// `<meta>`, JSON-LD, `<time>`; Markdown front matter) or on a date line near the top.
    pub date: Option<String>,
    /// Who wrote it, as the document states it ("By Ana Ruiz"), when it does.
    pub byline: Option<String>,
    /// The publication or site it comes from, when the page names it.
    pub site: Option<String>,
    /// The primary language subtag ("en", "fr") when the page declares one.
    pub language: Option<String>,
    /// Human-readable notes about problems met while reading the article.
    pub warnings: Vec<String>,
}

/// One structural block of an article: a title, heading, paragraph or list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The block's text in `Article::text`.
    pub span: Range<usize>,
}

/// The kinds of block an article is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title; always the first block.
    Title,
    /// A section heading, level 1 (largest) to 6.
    Heading {
        /// 1 to 6, as in HTML's h1..h6.
        level: u8,
    },
    /// Running text.
    Paragraph,
    /// One item of a bulleted or numbered list, without its marker.
    ListItem,
}

/// A hyperlink or bare URL in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Where the link points, as written in the document.
    pub url: String,
    /// The anchor text in `text`, or the bare URL itself when it appears in `text`.
    pub span: Option<Range<usize>>,
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file system refused to give us the file or folder.
    #[error("Could not read the file ({source}): {path}")]
    Io {
        /// The file or folder that failed.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The file is bigger than [`MAX_ARTICLE_BYTES`].
    #[error(
        "The file is {size_mib:.1} MiB, over the {limit_mib} MiB limit for one article. Split it or open a smaller file: {path}"
    )]
    TooLarge {
        /// The file that is too large.
        path: PathBuf,
        /// Its size in MiB.
        size_mib: f64,
        /// The limit in MiB.
        limit_mib: u64,
    },
    /// The bytes do not look like text.
    #[error("The file looks binary, not like text. Open a .txt, .md or .html article: {path}")]
    Binary {
        /// The file that looks binary.
        path: PathBuf,
    },
    /// The extension is not one newsgraph reads.
    #[error("Unsupported file type. newsgraph reads .txt, .md and .html articles: {path}")]
    Unsupported {
        /// The file with the unsupported extension.
        path: PathBuf,
    },
    /// A pipe, socket or device: reading it could block forever or never end.
    #[error(
        "This is not a regular file (a pipe, socket or device); newsgraph reads only article files: {path}"
    )]
    NotAFile {
        /// The path that is not a regular file.
        path: PathBuf,
    },
    /// A link inside an opened folder that points out of it.
    #[error(
        "This link points outside the folder that was opened, so it was not followed. Open its target directly if you want it: {path}"
    )]
    OutsideFolder {
        /// The link.
        path: PathBuf,
    },
    /// Nothing readable was left after decoding and parsing.
    #[error("The file has no text in it: {path}")]
    Empty {
        /// The empty file.
        path: PathBuf,
    },
}

impl IngestError {
    /// The file or folder this error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::Binary { path }
            | IngestError::Unsupported { path }
            | IngestError::NotAFile { path }
            | IngestError::OutsideFolder { path }
            | IngestError::Empty { path } => path,
        }
    }

    /// Re-points the error at `path`, for errors built from a display string of it.
    fn with_path(mut self, new_path: &Path) -> Self {
        match &mut self {
            IngestError::Io { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::Binary { path }
            | IngestError::Unsupported { path }
            | IngestError::NotAFile { path }
            | IngestError::OutsideFolder { path }
            | IngestError::Empty { path } => new_path.clone_into(path),
        }
        self
    }
}

fn too_large(path: PathBuf, size: u64) -> IngestError {
    #[allow(
        clippy::cast_precision_loss,
        reason = "the size is only shown to a person, with one decimal"
    )]
    let size_mib = size as f64 / (1024.0 * 1024.0);
    IngestError::TooLarge {
        path,
        size_mib,
        limit_mib: MAX_ARTICLE_BYTES / (1024 * 1024),
    }
}

/// Parses an article from bytes already in memory (`source` is used for messages and `Article::source`).
///
/// # Errors
///
/// `TooLarge` over [`MAX_ARTICLE_BYTES`], `Binary` when [`decode`] refuses the bytes, `Empty`
/// when no text is left. Errors carry `PathBuf::from(source)`.
pub fn parse(source: &str, bytes: &[u8], format: Format) -> Result<Article, IngestError> {
    let path = || PathBuf::from(source);
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_ARTICLE_BYTES {
        return Err(too_large(path(), size));
    }
    let (decoded, warning) = decode(bytes).ok_or_else(|| IngestError::Binary { path: path() })?;
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let normalized = normalize(&decoded, &mut warnings);
    if normalized.trim().is_empty() {
        return Err(IngestError::Empty { path: path() });
    }
    let parsed = match format {
        Format::Text => text::parse(
            entities::decode_glued_numeric_references(&normalized).unwrap_or(normalized),
        ),
        Format::Markdown => markdown::parse(&normalized),
        Format::Html => html::parse(&normalized, &mut warnings),
    };
    let Some(parsed) = parsed else {
        return Err(IngestError::Empty { path: path() });
    };
    let build::Parsed {
        title,
        doc,
        mut meta,
    } = parsed;
    let doc = build::checked(doc);
    if doc.blocks.is_empty() {
        return Err(IngestError::Empty { path: path() });
    }
    if meta.date.is_none() && format != Format::Html {
        meta.date = dates::date_line(&doc);
    }
    Ok(Article {
        source: source.to_owned(),
        title,
        text: doc.text,
        blocks: doc.blocks,
        links: doc.links,
        date: meta.date,
        byline: meta.byline,
        site: meta.site,
        language: meta.language,
        warnings,
    })
}

/// Makes line endings LF and drops NUL characters, which no later stage wants to see.
fn normalize(decoded: &str, warnings: &mut Vec<String>) -> String {
    if !decoded.contains(['\r', '\0']) {
        return decoded.to_owned();
    }
    let mut out = String::with_capacity(decoded.len());
    let mut chars = decoded.chars().peekable();
    let mut dropped_nul = false;
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' => dropped_nul = true,
            _ => out.push(c),
        }
    }
    if dropped_nul {
        warnings.push("The file contained NUL characters; they were removed.".to_owned());
    }
    out
}

/// Reads and parses one file (checks the size from metadata before reading; the format from the extension).
///
/// # Errors
///
/// `Unsupported` for an extension newsgraph does not read, `Io` when the file cannot be read,
/// and every error [`parse`] returns.
pub fn read_file(path: &Path) -> Result<Article, IngestError> {
    let format = Format::from_path(path).ok_or_else(|| IngestError::Unsupported {
        path: path.to_path_buf(),
    })?;
    let io_error = |source: io::Error| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(io_error(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder, not a file",
        )));
    }
    if !meta.is_file() {
        return Err(IngestError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(path.to_path_buf(), meta.len()));
    }
    let file = open_regular(path).map_err(io_error)?;
    // The path may have been swapped for a pipe or device since the check above.
    let opened = file.metadata().map_err(io_error)?;
    if !opened.is_file() {
        return Err(IngestError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if opened.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(path.to_path_buf(), opened.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow between the metadata check and the read; `take` keeps the limit honest.
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    parse(&path.display().to_string(), &bytes, format).map_err(|e| e.with_path(path))
}

/// Opens a file for reading without waiting on it: a pipe put where a file was does not block
/// the open (`O_NONBLOCK`), and the caller refuses it once it sees what it opened.
fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}
