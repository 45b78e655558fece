//! Which extractor this is, for the extractions a project keeps: newsgraph's version, this
//! build of the program (its file's size and modification time: any rebuild counts as another
//! extractor) and the override folder's files (`NEWSGRAPH_LEXICON_DIR`). Computed once.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::OnceLock;
use std::time::SystemTime;

/// The identity of the running extractor.
pub fn extractor_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        if let Ok(exe) = std::env::current_exe() {
            stamp(&exe, &mut h);
        }
        if let Some(dir) = std::env::var_os("NEWSGRAPH_LEXICON_DIR") {
            let dir = Path::new(&dir);
            let mut names: Vec<_> = std::fs::read_dir(dir)
                .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            names.sort();
            for path in names {
                path.hash(&mut h);
                stamp(&path, &mut h);
            }
        }
        format!(
            "newsgraph {} build {:016x}",
            env!("CARGO_PKG_VERSION"),
            h.finish()
        )
    })
}

fn stamp(path: &Path, h: &mut impl Hasher) {
    if let Ok(meta) = std::fs::metadata(path) {
        meta.len().hash(h);
        meta.modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .hash(h);
    }
}
