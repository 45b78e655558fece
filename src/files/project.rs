//! Project files: everything a session made, in one self-contained, versioned JSON file. It
//! holds the articles as read (text, blocks, links, date: re-extracted on opening, so the file
//! opens on another machine and with a newer extractor), the layout (positions, pins, view),
//! the selection, the user's corrections (replayed over the re-extracted graph) and how the
//! graph was being explored (filters, actor view, sizes, community colours). Keys are
//! `NodeKey`s, never petgraph indices. Files from older format versions are migrated on
//! reading (version 1 had no corrections, version 2 no exploration); newer or damaged ones are
//! refused before anything changes.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::layout_file::{Placement, ViewState};
use crate::extract::Extraction;
use crate::graph::NodeKey;
use crate::graph::corrections::Correction;
use crate::graph::structure::SizeBy;
use crate::graph::view_filter::ViewFilter;
use crate::ingest::{Article, Block, BlockKind, Link};

/// Format name written into every project file.
pub const FORMAT: &str = "newsgraph-project";
/// Current version. 1: articles, layout, view, selection; 2: and corrections; 3: and the
/// exploration (filters, actor view, sizes, community colours).
pub const FORMAT_VERSION: u32 = 3;
/// Project files larger than this are refused (1,000 articles make about 5 MB).
pub const MAX_PROJECT_BYTES: u64 = 1024 * 1024 * 1024;
/// The file name extension of projects.
pub const EXTENSION: &str = "newsgraph";

/// A project file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The articles in the order they were added (that order makes the graph). Shared, so
    /// the window hands them to the saving thread without copying them.
    #[serde(with = "shared")]
    pub articles: Arc<Vec<SavedArticle>>,
    /// The view: zoom and pan.
    pub view: ViewState,
    /// Node placements by key.
    pub nodes: BTreeMap<NodeKey, Placement>,
    /// The selected node.
    #[serde(default)]
    pub selection: Option<NodeKey>,
    /// The user's corrections, in the order they were made.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// When each correction was made (seconds since 1970, UTC; `null` when not known), in
    /// the corrections' order. Optional: a list of another length is ignored, and older files
    /// have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections_made: Vec<Option<u64>>,
    /// How the graph was being explored: what the filters hide and how nodes are drawn.
    #[serde(default)]
    pub exploration: Exploration,
    /// The articles' extractions, so a project opens without extracting again while the
    /// extractor is the one that made them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractions: Option<StoredExtractions>,
}

/// How the graph was being explored when the project was saved; every field defaults to the
/// window's start, so a file without them (versions 1 and 2) opens unfiltered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Exploration {
    /// What the filter panel hides.
    pub filter: ViewFilter,
    /// Whether the filter panel was open.
    pub show_filters: bool,
    /// Whether the actor view (events folded into actor–actor edges) was shown.
    pub actor_view: bool,
    /// What decided a node's size.
    pub size_by: SizeBy,
    /// Whether nodes were coloured by community.
    pub communities: bool,
}

/// Extractions kept in a project, one per article, with the extractor that made them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredExtractions {
    /// Which build and lexicons extracted them; any other extractor extracts again.
    pub extractor: String,
    /// One per article, in the articles' order (shared, as the articles are).
    #[serde(with = "shared")]
    pub items: Arc<Vec<Extraction>>,
}

impl ProjectFile {
    /// A project of the current version.
    pub fn new(
        articles: impl Into<Arc<Vec<SavedArticle>>>,
        view: ViewState,
        nodes: BTreeMap<NodeKey, Placement>,
        selection: Option<NodeKey>,
        corrections: Vec<Correction>,
    ) -> Self {
        Self {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            articles: articles.into(),
            view,
            nodes,
            selection,
            corrections,
            corrections_made: Vec::new(),
            exploration: Exploration::default(),
            extractions: None,
        }
    }

    /// The same project with how the graph was being explored.
    #[must_use]
    pub fn with_exploration(mut self, exploration: Exploration) -> Self {
        self.exploration = exploration;
        self
    }

    /// The same project with when each correction was made (a list of another length than
    /// the corrections is not kept).
    #[must_use]
    pub fn with_corrections_made(mut self, made: Vec<Option<u64>>) -> Self {
        if made.len() == self.corrections.len() {
            self.corrections_made = made;
        }
        self
    }

    /// When each correction was made, as far as the file says: one entry per correction.
    pub fn corrections_made(&self) -> Vec<Option<u64>> {
        if self.corrections_made.len() == self.corrections.len() {
            self.corrections_made.clone()
        } else {
            vec![None; self.corrections.len()]
        }
    }

    /// The same project with the articles' extractions kept.
    #[must_use]
    pub fn with_extractions(
        mut self,
        extractor: String,
        items: impl Into<Arc<Vec<Extraction>>>,
    ) -> Self {
        let items = items.into();
        if items.len() == self.articles.len() {
            self.extractions = Some(StoredExtractions { extractor, items });
        }
        self
    }

    /// The stored extractions, when `extractor` made them (else the articles are extracted
    /// again).
    pub fn extractions_by(&self, extractor: &str) -> Option<&[Extraction]> {
        self.extractions
            .as_ref()
            .filter(|s| s.extractor == extractor && s.items.len() == self.articles.len())
            .map(|s| s.items.as_slice())
    }
}

/// Serde for a shared value: written and read as the value itself (the file does not change).
mod shared {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(value: &Arc<T>, s: S) -> Result<S::Ok, S::Error> {
        T::serialize(value, s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Arc<T>, D::Error> {
        T::deserialize(d).map(Arc::new)
    }
}

/// An article as read: what extraction needs to run again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedArticle {
    /// Where it came from.
    pub source: String,
    /// Title.
    pub title: String,
    /// The text every range points into.
    pub text: String,
    /// Structure: title, headings, paragraphs, list items.
    pub blocks: Vec<SavedBlock>,
    /// Links.
    #[serde(default)]
    pub links: Vec<SavedLink>,
    /// Publication date ("YYYY-MM-DD"), when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Who wrote it, when the document says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The publication or site, when the page names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The declared language subtag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// One block of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedBlock {
    /// `title`, `heading`, `paragraph` or `list_item`.
    pub kind: SavedBlockKind,
    /// Heading level 1–6 (headings only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Byte range in the text.
    pub span: Range<usize>,
}

/// The kind of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedBlockKind {
    /// The title.
    Title,
    /// A heading.
    Heading,
    /// Running text.
    Paragraph,
    /// A list item.
    ListItem,
}

/// A link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedLink {
    /// Target.
    pub url: String,
    /// Anchor text range, when in the text.
    #[serde(default)]
    pub span: Option<Range<usize>>,
}

impl From<&Article> for SavedArticle {
    fn from(a: &Article) -> Self {
        let blocks = a
            .blocks
            .iter()
            .map(|b| {
                let (kind, level) = match b.kind {
                    BlockKind::Title => (SavedBlockKind::Title, None),
                    BlockKind::Heading { level } => (SavedBlockKind::Heading, Some(level)),
                    BlockKind::Paragraph => (SavedBlockKind::Paragraph, None),
                    BlockKind::ListItem => (SavedBlockKind::ListItem, None),
                };
                SavedBlock {
                    kind,
                    level,
                    span: b.span.clone(),
                }
            })
            .collect();
        Self {
            source: a.source.clone(),
            title: a.title.clone(),
            text: a.text.clone(),
            blocks,
            links: a
                .links
                .iter()
                .map(|l| SavedLink {
                    url: l.url.clone(),
                    span: l.span.clone(),
                })
                .collect(),
            date: a.date.clone(),
            byline: a.byline.clone(),
            site: a.site.clone(),
            language: a.language.clone(),
        }
    }
}

impl SavedArticle {
    /// The article again, after checking that every range lies on character boundaries of the
    /// text (a hand-edited file must not crash extraction).
    ///
    /// # Errors
    /// The reason, when a range is out of place.
    pub fn to_article(&self) -> Result<Article, String> {
        let text = &self.text;
        let check = |r: &Range<usize>, what: &str| {
            if r.start <= r.end && text.get(r.clone()).is_some() {
                Ok(())
            } else {
                Err(format!(
                    "a {what} of article \"{}\" points outside its text ({}..{})",
                    self.source, r.start, r.end
                ))
            }
        };
        let mut blocks = Vec::with_capacity(self.blocks.len());
        for b in &self.blocks {
            check(&b.span, "block")?;
            let kind = match b.kind {
                SavedBlockKind::Title => BlockKind::Title,
                SavedBlockKind::Heading => BlockKind::Heading {
                    level: b.level.unwrap_or(1).clamp(1, 6),
                },
                SavedBlockKind::Paragraph => BlockKind::Paragraph,
                SavedBlockKind::ListItem => BlockKind::ListItem,
            };
            blocks.push(Block {
                kind,
                span: b.span.clone(),
            });
        }
        let mut links = Vec::with_capacity(self.links.len());
        for l in &self.links {
            if let Some(span) = &l.span {
                check(span, "link")?;
            }
            links.push(Link {
                url: l.url.clone(),
                span: l.span.clone(),
            });
        }
        Ok(Article {
            source: self.source.clone(),
            title: self.title.clone(),
            text: self.text.clone(),
            blocks,
            links,
            date: self.date.clone(),
            byline: self.byline.clone(),
            site: self.site.clone(),
            language: self.language.clone(),
            warnings: Vec::new(),
        })
    }
}

/// Why a project file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// Not JSON at all.
    #[error(
        "This is not a newsgraph project (not valid JSON: {reason}). Nothing was changed. Choose a file saved with Save project: {path}"
    )]
    NotJson {
        /// What the parser said.
        reason: String,
        /// The file.
        path: PathBuf,
    },
    /// JSON, but not ours.
    #[error(
        "This file is not a newsgraph project (it has no \"format\": \"newsgraph-project\"). Nothing was changed. Choose a file saved with Save project: {path}"
    )]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// Ours, but from a newer version.
    #[error(
        "This project was saved by a newer newsgraph (format version {found}; this one reads up to {FORMAT_VERSION}). Nothing was changed. Update newsgraph to open it: {path}"
    )]
    Version {
        /// The version in the file.
        found: u64,
        /// The file.
        path: PathBuf,
    },
    /// Ours, but damaged.
    #[error("The project file is damaged ({reason}). Nothing was changed: {path}")]
    Invalid {
        /// What is wrong.
        reason: String,
        /// The file.
        path: PathBuf,
    },
}

/// Parses, migrates and validates a project file's bytes. `path` is used in messages only.
///
/// # Errors
/// When the bytes are not a valid project of a supported version.
pub fn parse(bytes: &[u8], path: &Path) -> Result<(ProjectFile, Vec<Article>), ProjectError> {
    let path = path.to_path_buf();
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ProjectError::NotJson {
            reason: e.to_string(),
            path: path.clone(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ProjectError::Foreign { path });
    }
    let invalid = |reason: String| ProjectError::Invalid {
        reason,
        path: path.clone(),
    };
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| invalid("no format_version".into()))?;
    if version > u64::from(FORMAT_VERSION) || version == 0 {
        return Err(ProjectError::Version {
            found: version,
            path,
        });
    }
    let value = migrate(value, version);
    let mut file: ProjectFile =
        serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
    let finite = |v: [f32; 2]| v.iter().all(|x| x.is_finite());
    if !file.view.zoom.is_finite() || file.view.zoom <= 0.0 || !finite(file.view.pan) {
        return Err(invalid("the view has an impossible zoom or pan".into()));
    }
    if let Some((key, _)) = file.nodes.iter().find(|(_, p)| !finite(p.pos)) {
        return Err(invalid(format!("node {key} has no valid position")));
    }
    let count = file.articles.len();
    if let Some(a) = file
        .exploration
        .filter
        .hidden_articles
        .iter()
        .find(|&&a| a as usize >= count)
    {
        return Err(invalid(format!(
            "the filter hides article {} but the project has {count}",
            u64::from(*a) + 1
        )));
    }
    let articles = file
        .articles
        .iter()
        .map(SavedArticle::to_article)
        .collect::<Result<Vec<_>, _>>()
        .map_err(invalid)?;
    // Stored extractions are a cache: when they do not fit their articles (one per article,
    // every range inside its text) they are dropped and the articles extracted again, rather
    // than trusted into the graph.
    let fits = file.extractions.as_ref().is_none_or(|stored| {
        stored.items.len() == articles.len()
            && stored
                .items
                .iter()
                .zip(&articles)
                .all(|(x, a)| crate::extract::check_extraction(&a.text, x).is_ok())
    });
    if !fits {
        log::warn!(
            "the project's stored extractions do not fit its articles; extracting again: {}",
            path.display()
        );
        file.extractions = None;
    }
    Ok((file, articles))
}

/// Brings a project of an older version up to the current one, step by step.
fn migrate(mut value: serde_json::Value, version: u64) -> serde_json::Value {
    if version < 2
        && let Some(map) = value.as_object_mut()
    {
        // Version 1 had no corrections.
        map.insert("corrections".into(), serde_json::Value::Array(Vec::new()));
    }
    // Version 2 had no exploration: the `exploration` field's default (nothing filtered, the
    // full graph sized by mentions and coloured by kind) is what it showed on opening.
    if let Some(map) = value.as_object_mut() {
        map.insert("format_version".into(), FORMAT_VERSION.into());
    }
    value
}

/// Serializes a project: compact JSON (the texts dominate; pretty printing would only add
/// spaces), keys sorted, trailing newline. The same project gives the same bytes.
pub fn to_bytes(file: &ProjectFile) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(file).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, parse as ingest};

    fn sample() -> (ProjectFile, Article) {
        let md = "# Talks in Manila\n\nPete Hegseth met [Maria Reyes](https://example.org) in Manila.\n\n## Drills\n\n- China held drills.\n";
        let article = ingest("talks.md", md.as_bytes(), Format::Markdown).unwrap();
        let mut nodes = BTreeMap::new();
        nodes.insert(
            NodeKey::from("country:CHN"),
            Placement {
                pos: [1.0, 2.0],
                pinned: true,
            },
        );
        let file = ProjectFile::new(
            vec![SavedArticle::from(&article)],
            ViewState {
                zoom: 2.0,
                pan: [5.0, -5.0],
            },
            nodes,
            Some(NodeKey::from("country:CHN")),
            vec![Correction::Rename {
                key: NodeKey::from("country:CHN"),
                name: "People's Republic of China".into(),
            }],
        );
        (file, article)
    }

    #[test]
    fn round_trips_the_article_exactly() {
        let (file, mut article) = sample();
        let bytes = to_bytes(&file);
        assert_eq!(bytes, to_bytes(&file), "same project, same bytes");
        let (back, articles) = parse(&bytes, Path::new("p.newsgraph")).unwrap();
        assert_eq!(back, file);
        article.warnings.clear();
        assert_eq!(articles, vec![article]);
    }

    #[test]
    fn refuses_newer_foreign_and_damaged_files() {
        let p = Path::new("/tmp/p.newsgraph");
        assert!(matches!(
            parse(b"PK\x03\x04", p),
            Err(ProjectError::NotJson { .. })
        ));
        assert!(matches!(
            parse(br#"{"format":"newsgraph-layout","format_version":1}"#, p),
            Err(ProjectError::Foreign { .. })
        ));
        let newer = br#"{"format":"newsgraph-project","format_version":99}"#;
        let err = parse(newer, p).unwrap_err();
        assert!(matches!(err, ProjectError::Version { found: 99, .. }));
        assert!(err.to_string().ends_with("/tmp/p.newsgraph"), "{err}");
        // A block that cuts a character in two would crash extraction: refused.
        let (mut file, _) = sample();
        let articles = Arc::make_mut(&mut file.articles);
        articles[0].text = "é".into();
        articles[0].blocks = vec![SavedBlock {
            kind: SavedBlockKind::Title,
            level: None,
            span: 0..1,
        }];
        assert!(matches!(
            parse(&to_bytes(&file), p),
            Err(ProjectError::Invalid { .. })
        ));
        let (mut file, _) = sample();
        file.view.zoom = -1.0;
        assert!(matches!(
            parse(&to_bytes(&file), p),
            Err(ProjectError::Invalid { .. })
        ));
    }

    #[test]
    fn a_version_1_project_is_migrated_and_keeps_everything() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/project-v1.newsgraph");
        let bytes = std::fs::read(&path).unwrap();
        let old: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            old["format_version"], 1,
            "the fixture stays a version 1 file"
        );
        let (file, articles) = parse(&bytes, &path).unwrap();
        assert_eq!(file.format_version, FORMAT_VERSION);
        assert!(file.corrections.is_empty());
        assert_eq!(file.exploration, Exploration::default());
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].source, "summit.html");
        assert_eq!(file.nodes.len(), 36);
        assert!((file.view.zoom - 1.5).abs() < f32::EPSILON);
        assert_eq!(file.selection, Some(NodeKey::from("country:EGY")));
        assert_eq!(file.nodes.values().filter(|p| p.pinned).count(), 1);
        // Saved again, it is a current file that reads back the same.
        let (again, _) = parse(&to_bytes(&file), &path).unwrap();
        assert_eq!(again, file);
    }

    fn explored() -> Exploration {
        let mut filter = ViewFilter {
            min_mentions: 2,
            hide_isolates: true,
            period: Some(crate::graph::timeline::Period {
                from: "2024-01-01".into(),
                to: "2024-06-30".into(),
            }),
            ..ViewFilter::default()
        };
        filter.set_kind(crate::graph::NodeKind::Organization, false);
        filter.set_category(crate::extract::Plover::Fight, false);
        filter.set_article(0, false);
        Exploration {
            filter,
            show_filters: true,
            actor_view: true,
            size_by: SizeBy::PageRank,
            communities: true,
        }
    }

    #[test]
    fn when_corrections_were_made_round_trips_and_a_list_that_does_not_fit_is_ignored() {
        let (file, _) = sample();
        assert_eq!(
            file.corrections_made(),
            vec![None],
            "not known: one entry each"
        );
        let file = file.with_corrections_made(vec![Some(1_796_353_549)]);
        let bytes = to_bytes(&file);
        let (back, _) = parse(&bytes, Path::new("p.newsgraph")).unwrap();
        assert_eq!(back.corrections_made(), vec![Some(1_796_353_549)]);
        assert_eq!(back, file);
        // Two times for one correction: not kept when made, not trusted when read.
        let (file, _) = sample();
        let file = file.with_corrections_made(vec![Some(1), Some(2)]);
        assert!(file.corrections_made.is_empty());
        let mut value: serde_json::Value = serde_json::from_slice(&to_bytes(&file)).unwrap();
        value["corrections_made"] = serde_json::json!([1, 2]);
        let (back, _) = parse(value.to_string().as_bytes(), Path::new("p.newsgraph")).unwrap();
        assert_eq!(back.corrections_made(), vec![None]);
    }

    #[test]
    fn the_exploration_round_trips() {
        let (file, _) = sample();
        let file = file.with_exploration(explored());
        let bytes = to_bytes(&file);
        let (back, _) = parse(&bytes, Path::new("p.newsgraph")).unwrap();
        assert_eq!(back.exploration, explored());
        assert_ne!(back.exploration, Exploration::default());
        assert_eq!(back, file);
        // Written under names a reader can follow.
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["exploration"]["size_by"], "page_rank");
        assert_eq!(value["exploration"]["filter"]["min_mentions"], 2);
    }

    #[test]
    fn a_filter_naming_a_missing_article_is_refused_naming_the_file() {
        let (file, _) = sample();
        let mut exploration = explored();
        exploration.filter.set_article(4, false);
        let bytes = to_bytes(&file.with_exploration(exploration));
        let err = parse(&bytes, Path::new("/tmp/f.newsgraph")).unwrap_err();
        assert!(matches!(err, ProjectError::Invalid { .. }), "{err}");
        let text = err.to_string();
        assert!(
            text.contains("hides article 5 but the project has 1"),
            "{text}"
        );
        assert!(text.ends_with("/tmp/f.newsgraph"), "{text}");
        // An unknown kind is refused too, not dropped.
        let text = String::from_utf8(to_bytes(&sample().0.with_exploration(explored()))).unwrap();
        let broken = text.replacen("\"organization\"", "\"planet\"", 1);
        assert_ne!(broken, text);
        assert!(matches!(
            parse(broken.as_bytes(), Path::new("f.newsgraph")),
            Err(ProjectError::Invalid { .. })
        ));
    }

    #[test]
    fn a_version_2_project_opens_with_its_corrections_and_nothing_filtered() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/project-v2.newsgraph");
        let bytes = std::fs::read(&path).unwrap();
        let old: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            old["format_version"], 2,
            "the fixture stays a version 2 file"
        );
        assert!(old.get("exploration").is_none());
        let (file, articles) = parse(&bytes, &path).unwrap();
        assert_eq!(file.format_version, FORMAT_VERSION);
        assert_eq!(
            file.corrections,
            vec![Correction::Rename {
                key: NodeKey::from("country:EGY"),
                name: "Arab Republic of Egypt".into(),
            }]
        );
        assert_eq!(articles.len(), 1);
        assert_eq!(file.nodes.len(), 36);
        assert_eq!(file.exploration, Exploration::default());
        assert!(!file.exploration.filter.is_active());
        let (again, _) = parse(&to_bytes(&file), &path).unwrap();
        assert_eq!(again, file);
    }

    #[test]
    fn extractions_are_used_only_by_the_extractor_that_made_them() {
        let (file, article) = sample();
        let extraction = crate::extract::extract(&article, &crate::extract::Lexicon::embedded());
        let kept = file
            .clone()
            .with_extractions("build A".into(), vec![extraction.clone()]);
        let (back, _) = parse(&to_bytes(&kept), Path::new("p.newsgraph")).unwrap();
        assert_eq!(back.extractions_by("build A"), Some(&[extraction][..]));
        assert_eq!(back.extractions_by("build B"), None);
        // A list that does not match the articles is not kept.
        assert!(
            file.with_extractions("build A".into(), Vec::new())
                .extractions
                .is_none()
        );
    }
}

#[cfg(test)]
mod stored_extraction_tests {
    use super::*;

    /// A project whose stored extraction points outside its article (a damaged or hand-made
    /// file) opens with the extraction dropped, so the article is extracted again instead of
    /// its ranges reaching the graph and the detail pane (found by the `project` harness).
    #[test]
    fn stored_extractions_that_do_not_fit_are_dropped_issue_13() {
        let seed = include_bytes!("../../fuzz/seeds/project/with-extractions.newsgraph");
        let path = Path::new("p.newsgraph");
        let (file, _) = parse(seed, path).expect("the seed project reads");
        assert!(
            file.extractions_by("fuzz").is_some(),
            "a fitting extraction is kept"
        );
        let text = String::from_utf8(seed.to_vec()).expect("JSON text");
        for broken in [
            // A mention past the end of the text.
            text.replacen("\"mentions\": [{\"span\": {\"start\": ", "\"mentions\": [{\"span\": {\"start\": 99999", 1),
            // A sentence that does not exist.
            text.replacen("\"sentence\": 0", "\"sentence\": 7", 1),
            // Two extractions for one article.
            text.replacen("\"items\": [", "\"items\": [{\"sentences\": [], \"actors\": [], \"events\": [], \"issues\": [], \"places\": [], \"token_count\": 0, \"skipped\": []}, ", 1),
        ] {
            assert_ne!(broken, text, "the damage was made");
            let (file, articles) = parse(broken.as_bytes(), path).expect("still a project");
            assert_eq!(articles.len(), 1);
            assert!(file.extractions.is_none(), "{}", &broken[..80]);
        }
    }
}
