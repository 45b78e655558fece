//! The path field shown where no system file dialog runs. It expands `~`, offers completions
//! from the folder being typed, turns a folder into a file name inside it, adds the kind's
//! extension, and asks before writing over any file (in stronger words when the file is not
//! of the kind being saved). It never writes anything itself: it hands back the chosen paths.

use std::io::Read;
use std::path::{Path, PathBuf};

use egui::{Key, RichText};

use super::jobs::Purpose;

/// The path field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPrompt {
    /// What it is for.
    pub purpose: Purpose,
    /// The typed path.
    pub text: String,
    /// Why the field is shown, or what is wrong with the last path.
    pub note: Option<String>,
    /// A file the user is asked about before it is written over.
    pub confirm: Option<Overwrite>,
}

/// The question before writing over a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overwrite {
    /// The file.
    pub path: PathBuf,
    /// True when the file does not look like the kind being saved.
    pub foreign: bool,
}

/// What the user did with the prompt this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptOutcome {
    /// Still open.
    Open,
    /// These paths were chosen (and any overwrite confirmed).
    Chosen(Vec<PathBuf>),
    /// Closed without a choice.
    Cancelled,
}

/// Where a typed save path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveTarget {
    /// A new file in an existing folder: write it.
    New(PathBuf),
    /// An existing file: ask first.
    Exists(Overwrite),
    /// A folder: ask for a name inside it (the suggested full path).
    Folder(PathBuf),
    /// The folder it would go into does not exist.
    NoFolder(PathBuf),
    /// Something that is neither file nor folder (device, FIFO): refused.
    NotAFile(PathBuf),
}

impl PathPrompt {
    /// A prompt for `purpose` with `text` typed in.
    pub fn new(purpose: Purpose, text: String, note: Option<String>) -> Self {
        Self {
            purpose,
            text,
            note,
            confirm: None,
        }
    }

    /// Draws the prompt (or its overwrite question).
    pub fn show(&mut self, ctx: &egui::Context) -> PromptOutcome {
        if self.confirm.is_some() {
            return self.show_confirm(ctx);
        }
        let mut outcome = PromptOutcome::Open;
        let mut submit = false;
        egui::Window::new(self.purpose.title())
            .id(egui::Id::new("path-prompt"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                if let Some(note) = &self.note {
                    ui.label(note);
                    ui.add_space(4.0);
                }
                ui.label(self.purpose.path_hint());
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.text)
                        .desired_width(460.0)
                        .hint_text("~/news/article.txt"),
                );
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::WidgetType::TextEdit, true, "Path")
                });
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    submit = true;
                }
                field.request_focus();
                let matches = completions(&self.text, 8);
                if !matches.is_empty() {
                    ui.label(RichText::new("Matching names (click to complete):").weak());
                    for m in matches {
                        if ui.small_button(&m).clicked() {
                            self.text = m;
                        }
                    }
                }
                ui.horizontal(|ui| {
                    let verb = if self.purpose.is_save() {
                        "Save"
                    } else {
                        "Open"
                    };
                    if ui.button(verb).clicked() {
                        submit = true;
                    }
                    if ui.button("Cancel").clicked() {
                        outcome = PromptOutcome::Cancelled;
                    }
                });
            });
        if submit {
            outcome = self.submit();
        }
        outcome
    }

    fn submit(&mut self) -> PromptOutcome {
        let paths: Vec<PathBuf> = self
            .text
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(expand_home)
            .collect();
        let Some(first) = paths.first() else {
            self.note = Some("Type a path first.".into());
            return PromptOutcome::Open;
        };
        if !self.purpose.is_save() {
            return PromptOutcome::Chosen(paths);
        }
        match save_target(first, self.purpose) {
            SaveTarget::New(path) => PromptOutcome::Chosen(vec![path]),
            SaveTarget::Exists(question) => {
                self.confirm = Some(question);
                PromptOutcome::Open
            }
            SaveTarget::Folder(suggested) => {
                self.note = Some(format!(
                    "{} is a folder. Give the file a name inside it:",
                    first.display()
                ));
                self.text = suggested.display().to_string();
                PromptOutcome::Open
            }
            SaveTarget::NoFolder(dir) => {
                self.note = Some(format!(
                    "There is no folder {}. Type the path of an existing folder.",
                    dir.display()
                ));
                PromptOutcome::Open
            }
            SaveTarget::NotAFile(path) => {
                self.note = Some(format!(
                    "{} is not a regular file and cannot be written to. Choose another name.",
                    path.display()
                ));
                PromptOutcome::Open
            }
        }
    }

    fn show_confirm(&mut self, ctx: &egui::Context) -> PromptOutcome {
        let Some(question) = &self.confirm else {
            return PromptOutcome::Open;
        };
        let mut outcome = PromptOutcome::Open;
        let mut back = false;
        egui::Window::new("Replace the file?")
            .id(egui::Id::new("overwrite-question"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(format!("{} already exists.", question.path.display()));
                let replace = if question.foreign {
                    ui.label(
                        RichText::new(format!(
                            "It does not look like a {}: replacing it destroys what it holds.",
                            self.purpose.kind_name()
                        ))
                        .color(ui.visuals().warn_fg_color),
                    );
                    "Replace it anyway"
                } else {
                    ui.label("Replacing it loses what it held before.");
                    "Replace"
                };
                ui.horizontal(|ui| {
                    if ui.button(replace).clicked() {
                        outcome = PromptOutcome::Chosen(vec![question.path.clone()]);
                    }
                    if ui.button("Choose another name").clicked() {
                        back = true;
                    }
                });
            });
        if back {
            self.confirm = None;
        }
        outcome
    }
}

/// Expands a leading `~` to the home folder.
pub fn expand_home(text: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    if text == "~" {
        if let Some(h) = home() {
            return h;
        }
    } else if let Some(rest) = text.strip_prefix("~/")
        && let Some(h) = home()
    {
        return h.join(rest);
    }
    PathBuf::from(text)
}

/// Decides what a typed save path means (see [`SaveTarget`]); adds the kind's extension to a
/// name without one.
pub fn save_target(typed: &Path, purpose: Purpose) -> SaveTarget {
    let meta = std::fs::metadata(typed);
    if meta.as_ref().is_ok_and(std::fs::Metadata::is_dir) {
        return SaveTarget::Folder(typed.join(purpose.default_file_name()));
    }
    let path = if typed.extension().is_none() && meta.is_err() {
        typed.with_extension(purpose.extension())
    } else {
        typed.to_path_buf()
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    if !dir.is_dir() {
        return SaveTarget::NoFolder(dir.to_path_buf());
    }
    match std::fs::metadata(&path) {
        Ok(m) if m.is_file() => SaveTarget::Exists(Overwrite {
            foreign: !looks_like(&path, purpose),
            path,
        }),
        Ok(_) => SaveTarget::NotAFile(path),
        Err(_) => SaveTarget::New(path),
    }
}

/// Whether an existing file looks like the kind `purpose` saves: the right extension and,
/// for newsgraph's own files, its format name near the start.
fn looks_like(path: &Path, purpose: Purpose) -> bool {
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(purpose.extension()));
    if !ext_ok {
        return false;
    }
    let Some(marker) = purpose.format_marker() else {
        return true;
    };
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    read.is_ok() && String::from_utf8_lossy(&head).contains(marker)
}

/// Up to `limit` completions of a partly typed path: entries of its folder whose names start
/// with what follows the last `/`, sorted, folders ending in `/`. The typed text itself is
/// left out when it already names an entry exactly.
pub fn completions(text: &str, limit: usize) -> Vec<String> {
    let last = text.rsplit(';').next().unwrap_or("").trim_start();
    if last.is_empty() {
        return Vec::new();
    }
    let expanded = expand_home(last);
    let (dir, stem) = if last.ends_with('/') {
        (expanded.clone(), String::new())
    } else {
        let stem = expanded
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = expanded
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        (dir, stem)
    };
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        &dir
    }) else {
        return Vec::new();
    };
    let prefix = &text[..text.len() - last.len()];
    let typed_dir = &last[..last.len() - last.rsplit('/').next().map_or(0, str::len)];
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let hidden = name.starts_with('.') && !stem.starts_with('.');
            if hidden || !name.starts_with(&stem) || name == stem {
                return None;
            }
            let slash = if e.path().is_dir() { "/" } else { "" };
            Some(format!("{prefix}{typed_dir}{name}{slash}"))
        })
        .collect();
    names.sort();
    names.truncate(limit);
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_targets_protect_existing_files_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("article.txt"), b"An article").unwrap();
        std::fs::write(
            d.join("old.json"),
            br#"{"format": "newsgraph-layout", "format_version": 1}"#,
        )
        .unwrap();
        std::fs::write(d.join("other.json"), b"{}").unwrap();
        let p = Purpose::SaveLayout;
        assert_eq!(
            save_target(&d.join("fresh"), p),
            SaveTarget::New(d.join("fresh.json"))
        );
        assert_eq!(
            save_target(d, p),
            SaveTarget::Folder(d.join(p.default_file_name()))
        );
        assert_eq!(
            save_target(&d.join("article.txt"), p),
            SaveTarget::Exists(Overwrite {
                path: d.join("article.txt"),
                foreign: true
            })
        );
        assert_eq!(
            save_target(&d.join("other.json"), p),
            SaveTarget::Exists(Overwrite {
                path: d.join("other.json"),
                foreign: true
            })
        );
        assert_eq!(
            save_target(&d.join("old.json"), p),
            SaveTarget::Exists(Overwrite {
                path: d.join("old.json"),
                foreign: false
            })
        );
        assert_eq!(
            save_target(&d.join("missing/x.json"), p),
            SaveTarget::NoFolder(d.join("missing"))
        );
    }

    #[test]
    fn completes_names_in_the_typed_folder() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("alpha.txt"), b"").unwrap();
        std::fs::write(d.join("alps.md"), b"").unwrap();
        std::fs::create_dir(d.join("albums")).unwrap();
        std::fs::write(d.join("beta.txt"), b"").unwrap();
        let typed = format!("{}/al", d.display());
        let got = completions(&typed, 8);
        let base = d.display();
        assert_eq!(
            got,
            vec![
                format!("{base}/albums/"),
                format!("{base}/alpha.txt"),
                format!("{base}/alps.md"),
            ]
        );
        assert_eq!(completions(&typed, 1).len(), 1);
    }

    #[test]
    fn expands_the_home_folder() {
        let home = directories::BaseDirs::new()
            .unwrap()
            .home_dir()
            .to_path_buf();
        assert_eq!(expand_home("~/x.json"), home.join("x.json"));
        assert_eq!(expand_home("/a/~/b"), PathBuf::from("/a/~/b"));
    }
}
