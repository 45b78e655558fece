//! Layout files: where each node sits, whether it is pinned, and the view (zoom, pan), keyed by
//! `NodeKey` so a layout survives rebuilding the graph. Versioned JSON; anything that is not a
//! newsgraph layout of a version we read is refused with a reason, before anything changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::graph::NodeKey;

/// Format name written into every layout file.
pub const FORMAT: &str = "newsgraph-layout";
/// Current version.
pub const FORMAT_VERSION: u32 = 1;
/// Layout files larger than this are refused (a layout of 100,000 nodes is about 10 MB).
pub const MAX_LAYOUT_BYTES: u64 = 256 * 1024 * 1024;

/// Where one node sits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// Canvas position.
    pub pos: [f32; 2],
    /// Whether the layout may move it.
    #[serde(default)]
    pub pinned: bool,
}

/// The view.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ViewState {
    /// Zoom factor.
    pub zoom: f32,
    /// Pan, in screen points.
    pub pan: [f32; 2],
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: [0.0, 0.0],
        }
    }
}

/// A layout file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The view.
    pub view: ViewState,
    /// Node placements by key (sorted, so files diff well).
    pub nodes: BTreeMap<NodeKey, Placement>,
}

impl LayoutFile {
    /// A layout of the current version.
    pub fn new(view: ViewState, nodes: BTreeMap<NodeKey, Placement>) -> Self {
        Self {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            view,
            nodes,
        }
    }
}

/// Why a layout file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LayoutFileError {
    /// Reading or writing failed.
    #[error("Could not access the layout file ({source}): {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Too big to be a layout.
    #[error(
        "The file is too large to be a newsgraph layout. Choose a layout saved by newsgraph: {path}"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// A folder, device or FIFO.
    #[error("This is not a regular file. Choose a layout saved by newsgraph: {path}")]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// Not JSON at all.
    #[error(
        "This is not a newsgraph layout (not valid JSON: {reason}). Choose a file saved with Save layout…: {path}"
    )]
    NotJson {
        /// What the parser said.
        reason: String,
        /// The file.
        path: PathBuf,
    },
    /// JSON, but not ours.
    #[error(
        "This JSON file is not a newsgraph layout (it has no \"format\": \"newsgraph-layout\"). Choose a file saved with Save layout…: {path}"
    )]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// Ours, but from a newer version.
    #[error(
        "This layout was saved by a newer newsgraph (format version {found}; this one reads up to {FORMAT_VERSION}). Update newsgraph to open it: {path}"
    )]
    Version {
        /// The version in the file.
        found: u64,
        /// The file.
        path: PathBuf,
    },
    /// Ours, but damaged.
    #[error("The layout file is damaged ({reason}). Nothing was changed: {path}")]
    Invalid {
        /// What is wrong.
        reason: String,
        /// The file.
        path: PathBuf,
    },
}

/// Parses and validates a layout file's bytes. `path` is used in messages only.
///
/// # Errors
/// When the bytes are not a valid layout of a supported version.
pub fn parse(bytes: &[u8], path: &Path) -> Result<LayoutFile, LayoutFileError> {
    let path = path.to_path_buf();
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| LayoutFileError::NotJson {
            reason: e.to_string(),
            path: path.clone(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(LayoutFileError::Foreign { path });
    }
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| LayoutFileError::Invalid {
            reason: "no format_version".into(),
            path: path.clone(),
        })?;
    if version > u64::from(FORMAT_VERSION) || version == 0 {
        return Err(LayoutFileError::Version {
            found: version,
            path,
        });
    }
    let file: LayoutFile = serde_json::from_value(value).map_err(|e| LayoutFileError::Invalid {
        reason: e.to_string(),
        path: path.clone(),
    })?;
    let finite = |v: [f32; 2]| v.iter().all(|x| x.is_finite());
    if !file.view.zoom.is_finite() || file.view.zoom <= 0.0 || !finite(file.view.pan) {
        return Err(LayoutFileError::Invalid {
            reason: "the view has an impossible zoom or pan".into(),
            path,
        });
    }
    if let Some((key, _)) = file.nodes.iter().find(|(_, p)| !finite(p.pos)) {
        return Err(LayoutFileError::Invalid {
            reason: format!("node {key} has no valid position"),
            path,
        });
    }
    Ok(file)
}

/// Reads and validates a layout file.
///
/// # Errors
/// When it cannot be read or is not a valid layout.
pub fn read(path: &Path) -> Result<LayoutFile, LayoutFileError> {
    let bytes = super::atomic::read_bounded(path, MAX_LAYOUT_BYTES).map_err(|e| match e {
        super::atomic::ReadError::TooLarge { path, .. } => LayoutFileError::TooLarge { path },
        super::atomic::ReadError::NotAFile { path } => LayoutFileError::NotAFile { path },
        super::atomic::ReadError::Io { path, source } => LayoutFileError::Io { path, source },
    })?;
    parse(&bytes, path)
}

/// Serializes a layout (pretty JSON, trailing newline).
pub fn to_bytes(file: &LayoutFile) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(file).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Writes a layout atomically.
///
/// # Errors
/// When the file cannot be written.
pub fn write(path: &Path, file: &LayoutFile) -> Result<(), LayoutFileError> {
    super::write_atomic(path, &to_bytes(file)).map_err(|source| LayoutFileError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// What applying a layout to a graph did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyReport {
    /// Nodes that took their saved place.
    pub matched: usize,
    /// Graph nodes the file does not know (placed near their neighbours).
    pub new_nodes: usize,
    /// Keys in the file that are not in the graph, sorted.
    pub unknown: Vec<NodeKey>,
}

/// Matches a layout against the graph's keys: the saved placement of each key (or `None`), and
/// the report.
pub fn match_keys(file: &LayoutFile, keys: &[NodeKey]) -> (Vec<Option<Placement>>, ApplyReport) {
    let placements: Vec<Option<Placement>> =
        keys.iter().map(|k| file.nodes.get(k).copied()).collect();
    let matched = placements.iter().filter(|p| p.is_some()).count();
    let known: std::collections::HashSet<&NodeKey> = keys.iter().collect();
    let unknown: Vec<NodeKey> = file
        .nodes
        .keys()
        .filter(|k| !known.contains(k))
        .cloned()
        .collect();
    let report = ApplyReport {
        matched,
        new_nodes: keys.len() - matched,
        unknown,
    };
    (placements, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> LayoutFile {
        let mut nodes = BTreeMap::new();
        nodes.insert(
            NodeKey::from("country:CHN"),
            Placement {
                pos: [1.5, -2.0],
                pinned: true,
            },
        );
        nodes.insert(
            NodeKey::from("person:pete-hegseth"),
            Placement {
                pos: [10.0, 20.0],
                pinned: false,
            },
        );
        LayoutFile::new(
            ViewState {
                zoom: 1.25,
                pan: [3.0, 4.0],
            },
            nodes,
        )
    }

    #[test]
    fn round_trips() {
        let f = sample();
        let back = parse(&to_bytes(&f), Path::new("x.json")).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn refuses_foreign_and_broken_files() {
        let p = Path::new("x.json");
        assert!(matches!(
            parse(b"{not json", p),
            Err(LayoutFileError::NotJson { .. })
        ));
        assert!(matches!(
            parse(b"{\"nodes\": {}}", p),
            Err(LayoutFileError::Foreign { .. })
        ));
        assert!(matches!(
            parse(b"[1,2,3]", p),
            Err(LayoutFileError::Foreign { .. })
        ));
        let newer = br#"{"format":"newsgraph-layout","format_version":99,"view":{"zoom":1,"pan":[0,0]},"nodes":{}}"#;
        assert!(matches!(
            parse(newer, p),
            Err(LayoutFileError::Version { found: 99, .. })
        ));
        let bad_zoom = br#"{"format":"newsgraph-layout","format_version":1,"view":{"zoom":0,"pan":[0,0]},"nodes":{}}"#;
        assert!(matches!(
            parse(bad_zoom, p),
            Err(LayoutFileError::Invalid { .. })
        ));
        let bad_node = br#"{"format":"newsgraph-layout","format_version":1,"view":{"zoom":1,"pan":[0,0]},"nodes":{"a":{"pos":"x"}}}"#;
        assert!(matches!(
            parse(bad_node, p),
            Err(LayoutFileError::Invalid { .. })
        ));
        let msg = parse(b"{}", Path::new("/tmp/foo.json"))
            .unwrap_err()
            .to_string();
        assert!(msg.ends_with("/tmp/foo.json"), "{msg}");
    }

    #[test]
    fn reports_unknown_and_new_keys() {
        let f = sample();
        let keys = vec![NodeKey::from("country:CHN"), NodeKey::from("country:USA")];
        let (placements, report) = match_keys(&f, &keys);
        assert_eq!(placements[0].map(|p| p.pos), Some([1.5, -2.0]));
        assert!(placements[1].is_none());
        assert_eq!(report.matched, 1);
        assert_eq!(report.new_nodes, 1);
        assert_eq!(report.unknown, vec![NodeKey::from("person:pete-hegseth")]);
    }
}
