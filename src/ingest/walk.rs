//! Turning the user's selection of files and folders into the list of article files to read.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Format, IngestError};

/// Expands the user's selection into article files, sorted and without duplicates.
///
/// Files are kept as they are (an `Unsupported` error when the extension is not one we read).
/// Folders are walked recursively, keeping files with supported extensions and skipping hidden
/// entries (names starting with '.'). Symlinked folders are not followed, so link loops cannot
/// trap the walk. A folder that cannot be read becomes an `Io` error and the walk goes on.
#[must_use]
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match fs::metadata(input) {
            Err(source) => errors.push(IngestError::Io {
                path: input.clone(),
                source,
            }),
            Ok(meta) if meta.is_dir() => walk(input, &mut files, &mut errors),
            Ok(meta) if !meta.is_file() => errors.push(IngestError::NotAFile {
                path: input.clone(),
            }),
            Ok(_) if Format::from_path(input).is_some() => files.push(input.clone()),
            Ok(_) => errors.push(IngestError::Unsupported {
                path: input.clone(),
            }),
        }
    }
    files.sort();
    files.dedup();
    // A link that leaves one opened folder may lie inside another that was opened too.
    errors.retain(
        |e| !matches!(e, IngestError::OutsideFolder { path } if files.binary_search(path).is_ok()),
    );
    (files, errors)
}

/// README, LICENSE and their kin, by file stem in any case.
fn is_documentation(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| {
            matches!(
                stem.to_ascii_uppercase().as_str(),
                "README"
                    | "LICENSE"
                    | "LICENCE"
                    | "CHANGELOG"
                    | "CHANGES"
                    | "CONTRIBUTING"
                    | "COPYING"
                    | "NOTICE"
                    | "AUTHORS"
            )
        })
}

fn walk(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) {
    // Links may point anywhere; only those whose target stays inside the opened folder count.
    let real_root = fs::canonicalize(root).ok();
    // An explicit list instead of recursion, so that very deep trees cannot exhaust the stack.
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(source) => {
                errors.push(IngestError::Io { path: dir, source });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(source) => {
                    errors.push(IngestError::Io {
                        path: dir.clone(),
                        source,
                    });
                    continue;
                }
            };
            if entry.file_name().as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = entry.path();
            let file_type = match entry.file_type() {
                Ok(t) => t,
                Err(source) => {
                    errors.push(IngestError::Io { path, source });
                    continue;
                }
            };
            if file_type.is_dir() {
                pending.push(path);
            } else if Format::from_path(&path).is_none() {
                log::trace!("skipping {}: not an article type", path.display());
            } else if is_documentation(&path) {
                // A folder's README or LICENSE describes the folder; it is no article. Named
                // on its own, it is read like any file.
                log::debug!("skipping {}: the folder's documentation", path.display());
            } else if file_type.is_symlink() {
                // A link to a file inside the folder is fine; links to folders are not followed,
                // and links out of the folder are reported, not read.
                let inside = fs::canonicalize(&path)
                    .ok()
                    .zip(real_root.as_ref())
                    .is_some_and(|(target, root)| target.starts_with(root));
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() && inside => files.push(path),
                    Ok(meta) if meta.is_file() => errors.push(IngestError::OutsideFolder { path }),
                    Ok(meta) if meta.is_dir() => {
                        log::debug!("not following linked folder {}", path.display());
                    }
                    Ok(_) => errors.push(IngestError::NotAFile { path }),
                    Err(e) => log::debug!("skipping broken link {}: {e}", path.display()),
                }
            } else if file_type.is_file() {
                files.push(path);
            } else {
                errors.push(IngestError::NotAFile { path });
            }
        }
    }
}
