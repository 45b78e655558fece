//! Recovery files, one per window. Each window autosaves its unsaved work to a file of its own
//! in the data folder, `recovery-<id>.newsgraph`, and holds an exclusive lock on
//! `recovery-<id>.lock` while it lives; the system lets go of the lock when the process ends,
//! however it ends (a crash, `kill -9`). A start offers the recovery files whose lock nobody
//! holds, so the work of a window still open is never offered to another, and it claims them
//! while it asks, so two starts do not offer the same work. A window that closes normally
//! removes its file and its lock.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use egui::RichText;

use super::jobs::JobInput;
use super::{Level, NewsgraphApp};

/// The start of every recovery file's name; `recovery.newsgraph`, the one file of versions
/// before windows had their own, is offered too.
const PREFIX: &str = "recovery";
const EXTENSION: &str = "newsgraph";
const LOCK_EXTENSION: &str = "lock";

/// A recovery file this window holds: its lock is held while the value lives, and dropping it
/// lets go of the lock but leaves both files (as a killed process would).
#[derive(Debug)]
pub struct Claim {
    path: PathBuf,
    lock_path: PathBuf,
    _lock: File,
    gate: Arc<Mutex<Gate>>,
}

/// What autosaves still running on their threads may do: writes and removals take turns
/// under its lock, so an autosave that finishes after the file was removed (the work saved,
/// the window closed) does not bring it back.
#[derive(Debug, Default)]
struct Gate {
    /// Bumped whenever the file is removed: autosaves started before write nothing.
    generation: u64,
    /// The window closed normally: nothing more is written.
    closed: bool,
}

/// Writes one autosave to a window's recovery file, from any thread.
#[derive(Debug)]
pub struct Writer {
    path: PathBuf,
    gate: Arc<Mutex<Gate>>,
    generation: u64,
}

impl Writer {
    /// The file it writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `bytes` atomically, unless the file was removed since this autosave started;
    /// `Ok(false)` then.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn write(&self, bytes: &[u8]) -> io::Result<bool> {
        let gate = self.gate.lock().unwrap_or_else(PoisonError::into_inner);
        if gate.closed || gate.generation != self.generation {
            return Ok(false);
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::files::atomic::write_atomic(&self.path, bytes)?;
        Ok(true)
    }
}

impl Claim {
    /// A recovery file of this window's own in `dir`, named by an id no other window has.
    ///
    /// # Errors
    /// When the folder or the lock file cannot be made.
    pub fn new(dir: &Path) -> io::Result<Self> {
        static MADE: AtomicU32 = AtomicU32::new(0);
        std::fs::create_dir_all(dir)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        loop {
            let n = MADE.fetch_add(1, Ordering::Relaxed);
            let id = format!("{}-{nanos:x}-{n}", std::process::id());
            let path = dir.join(format!("{PREFIX}-{id}.{EXTENSION}"));
            let lock_path = path.with_extension(LOCK_EXTENSION);
            let lock = match open_lock(&lock_path, true) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                other => other?,
            };
            lock.try_lock().map_err(io::Error::from)?;
            return Ok(Self::held(path, lock_path, lock));
        }
    }

    fn held(path: PathBuf, lock_path: PathBuf, lock: File) -> Self {
        Self {
            path,
            lock_path,
            _lock: lock,
            gate: Arc::default(),
        }
    }

    /// Where this window's unsaved work goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A writer for the next autosave.
    pub fn writer(&self) -> Writer {
        let generation = self
            .gate
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .generation;
        Writer {
            path: self.path.clone(),
            gate: Arc::clone(&self.gate),
            generation,
        }
    }

    /// Removes the recovery file and keeps the claim (the work was saved or thrown away).
    pub fn clear(&self) {
        let mut gate = self.gate.lock().unwrap_or_else(PoisonError::into_inner);
        gate.generation += 1;
        remove(&self.path);
    }

    /// Removes the recovery file and its lock: the window closed normally.
    pub fn release(self) {
        let mut gate = self.gate.lock().unwrap_or_else(PoisonError::into_inner);
        gate.closed = true;
        remove(&self.path);
        remove(&self.lock_path);
    }
}

/// Unsaved work of a window that did not close normally, claimed by this start.
#[derive(Debug)]
pub struct Orphan {
    /// The claim on it.
    pub claim: Claim,
    /// When it was last saved.
    pub saved: Option<SystemTime>,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The recovery files in `dir` that no live window holds, oldest first, each claimed so that
/// another start does not offer it too. Locks left without a recovery file by windows that
/// ended are removed.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut locks = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(PREFIX));
        // Regular files only: a link or a folder of that name is none of ours.
        if !ours || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some(EXTENSION) => files.push(path),
            Some(LOCK_EXTENSION) => locks.push(path),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for path in files {
        let lock_path = path.with_extension(LOCK_EXTENSION);
        let Ok(lock) = open_lock(&lock_path, false) else {
            continue;
        };
        if lock.try_lock().is_err() {
            // A window that is still open.
            continue;
        }
        // Its window may have closed (and removed it) since the folder was listed.
        let Some(meta) = std::fs::symlink_metadata(&path)
            .ok()
            .filter(std::fs::Metadata::is_file)
        else {
            remove(&lock_path);
            continue;
        };
        out.push(Orphan {
            claim: Claim::held(path, lock_path, lock),
            saved: meta.modified().ok(),
            bytes: meta.len(),
        });
    }
    for lock_path in locks {
        if lock_path.with_extension(EXTENSION).exists() {
            continue;
        }
        if let Ok(lock) = open_lock(&lock_path, false)
            && lock.try_lock().is_ok()
        {
            remove(&lock_path);
        }
    }
    out.sort_by_key(|o| o.saved);
    out
}

/// Opens a lock file for writing, never through a link: `new` makes it and fails when it is
/// there; otherwise it is made when missing.
fn open_lock(path: &Path, new: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    if new {
        options.create_new(true);
    } else {
        options.create(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

fn remove(path: &Path) {
    if let Err(e) = std::fs::remove_file(path)
        && e.kind() != io::ErrorKind::NotFound
    {
        log::warn!("Could not remove a recovery file ({e}): {}", path.display());
    }
}

/// What the user chose in the recovery question.
enum Answer {
    Restore(usize),
    Discard(usize),
    DiscardAll,
}

/// "3 minutes ago · 1.2 MB", for telling recovery files apart.
fn describe(orphan: &Orphan) -> String {
    let ago = orphan
        .saved
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .map_or_else(String::new, |d| match d.as_secs() / 60 {
            0 => "less than a minute ago · ".into(),
            1 => "1 minute ago · ".into(),
            m => format!("{m} minutes ago · "),
        });
    let size = if orphan.bytes < 1_000_000 {
        format!("{} KB", orphan.bytes.div_ceil(1000))
    } else {
        #[allow(clippy::cast_precision_loss, reason = "a size shown to one decimal")]
        let mb = orphan.bytes as f64 / 1_000_000.0;
        format!("{mb:.1} MB")
    };
    format!("saved {ago}{size}")
}

impl NewsgraphApp {
    /// The question after windows ended without closing: restore one's work into this
    /// window, or throw it away. Several are listed; those not restored are offered again at
    /// the next start.
    pub(super) fn recovery_window(&mut self, ctx: &egui::Context) {
        let mut answer = None;
        let orphans = &self.project.orphans;
        egui::Window::new("Restore unsaved work?")
            .id(egui::Id::new("project-question"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                if let [one] = orphans.as_slice() {
                    ui.label(RichText::new("newsgraph did not close normally last time.").strong());
                    ui.label(format!(
                        "Its unsaved work was kept ({}). Restore it, or throw it away?",
                        describe(one)
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            answer = Some(Answer::Restore(0));
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(Answer::Discard(0));
                        }
                    });
                    return;
                }
                ui.label(
                    RichText::new(format!(
                        "{} newsgraph windows did not close normally.",
                        orphans.len()
                    ))
                    .strong(),
                );
                ui.label(
                    "The unsaved work of each was kept. Restore one into this window (the \
                     others are offered again when newsgraph next starts), or throw it away.",
                );
                egui::Grid::new("recovery-list")
                    .num_columns(3)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        for (i, o) in orphans.iter().enumerate() {
                            ui.label(format!("Window {}: {}", i + 1, describe(o)));
                            if ui.button("Restore").clicked() {
                                answer = Some(Answer::Restore(i));
                            }
                            if ui.button("Discard").clicked() {
                                answer = Some(Answer::Discard(i));
                            }
                            ui.end_row();
                        }
                    });
                if ui.button("Discard all").clicked() {
                    answer = Some(Answer::DiscardAll);
                }
            });
        match answer {
            Some(Answer::Restore(i)) if i < self.project.orphans.len() => self.restore(ctx, i),
            Some(Answer::Discard(i)) if i < self.project.orphans.len() => {
                self.project.orphans.remove(i).claim.release();
                self.after_discarding(ctx);
            }
            Some(Answer::DiscardAll) => {
                for o in std::mem::take(&mut self.project.orphans) {
                    o.claim.release();
                }
                self.after_discarding(ctx);
            }
            _ => {}
        }
    }

    /// Opens the `i`th recovery file into this window, which keeps saving to it from then
    /// on; the others are let go, for the next start.
    fn restore(&mut self, ctx: &egui::Context, i: usize) {
        let mut orphans = std::mem::take(&mut self.project.orphans);
        let chosen = orphans.remove(i);
        self.project.question = None;
        let path = chosen.claim.path().to_path_buf();
        if let Some(own) = self.project.claim.replace(chosen.claim) {
            own.release();
        }
        self.project.restoring = true;
        self.start_job(ctx, JobInput::Project(path));
        if !orphans.is_empty() {
            let n = orphans.len();
            self.say(
                Level::Info,
                format!(
                    "The unsaved work of {n} other {} was kept: start newsgraph again to restore {}.",
                    if n == 1 { "window" } else { "windows" },
                    if n == 1 { "it" } else { "them" },
                ),
            );
        }
        drop(orphans);
        let named = std::mem::take(&mut self.project.deferred_files);
        if !named.is_empty() {
            self.say(
                Level::Info,
                format!(
                    "Restored the unsaved work; the {} named when newsgraph started {} not opened. Open {} with File › Open articles… (Ctrl+O).",
                    if named.len() == 1 { "file" } else { "files" },
                    if named.len() == 1 { "was" } else { "were" },
                    if named.len() == 1 { "it" } else { "them" },
                ),
            );
        }
    }

    /// Once every recovery file is thrown away, what the command line named opens.
    fn after_discarding(&mut self, ctx: &egui::Context) {
        if !self.project.orphans.is_empty() {
            return;
        }
        self.project.question = None;
        let named = std::mem::take(&mut self.project.deferred_files);
        if !named.is_empty() {
            self.start_job(ctx, JobInput::Paths(named));
            self.project.baseline_pending = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn two_windows_keep_two_files_and_a_live_one_is_never_offered() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            Claim::new(dir.path()).unwrap(),
            Claim::new(dir.path()).unwrap(),
        );
        assert_ne!(a.path(), b.path());
        std::fs::write(a.path(), b"work of a").unwrap();
        std::fs::write(b.path(), b"work of b").unwrap();
        assert!(orphans(dir.path()).is_empty(), "both windows are open");
        // Window b dies: only its work is offered; a start that holds it keeps it from others.
        let b_path = b.path().to_path_buf();
        drop(b);
        let found = orphans(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].claim.path(), b_path);
        assert_eq!(found[0].bytes, 9);
        assert!(orphans(dir.path()).is_empty(), "claimed by the first start");
        drop(found);
        drop(a);
        let found = orphans(dir.path());
        assert_eq!(found.len(), 2, "both, once nobody holds them");
        for o in found {
            assert_eq!(std::fs::read(o.claim.path()).unwrap().len(), 9);
        }
    }

    #[test]
    fn a_clean_close_removes_the_file_and_its_lock_and_a_restored_claim_lives_on() {
        let dir = tempfile::tempdir().unwrap();
        let a = Claim::new(dir.path()).unwrap();
        std::fs::write(a.path(), b"saved").unwrap();
        a.clear();
        assert_eq!(
            names(dir.path()).len(),
            1,
            "the lock stays: {:?}",
            names(dir.path())
        );
        std::fs::write(a.path(), b"more").unwrap();
        a.release();
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
        // Work taken over by a start is that window's own from then on.
        let b = Claim::new(dir.path()).unwrap();
        std::fs::write(b.path(), b"work").unwrap();
        drop(b);
        let mut found = orphans(dir.path());
        let adopted = found.pop().unwrap().claim;
        assert!(orphans(dir.path()).is_empty());
        adopted.release();
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_lock_left_without_work_goes_and_the_single_file_of_older_versions_is_offered() {
        let dir = tempfile::tempdir().unwrap();
        let a = Claim::new(dir.path()).unwrap();
        let waiting = Claim::new(dir.path()).unwrap();
        drop(a);
        std::fs::write(dir.path().join("recovery.newsgraph"), b"old").unwrap();
        std::fs::write(dir.path().join("recent-projects.json"), b"[]").unwrap();
        let found = orphans(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].claim.path(), dir.path().join("recovery.newsgraph"));
        // The dead window's lock is gone; the live one's (no work saved yet) stays.
        let lock = waiting
            .lock_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_eq!(
            names(dir.path()),
            [
                "recent-projects.json",
                &lock,
                "recovery.lock",
                "recovery.newsgraph"
            ]
        );
    }

    #[test]
    fn an_autosave_finishing_after_the_file_was_removed_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let claim = Claim::new(dir.path()).unwrap();
        let started = claim.writer();
        assert!(started.write(b"first").unwrap());
        let late = claim.writer();
        claim.clear();
        assert!(!late.write(b"saved meanwhile").unwrap());
        assert!(!claim.path().exists());
        let next = claim.writer();
        assert!(next.write(b"new work").unwrap());
        let closing = claim.writer();
        let path = claim.path().to_path_buf();
        claim.release();
        assert!(!closing.write(b"after the close").unwrap());
        assert!(!path.exists());
        assert!(names(dir.path()).is_empty());
    }

    /// Set in the child process of the test below: the folder it saves in.
    const CHILD: &str = "NEWSGRAPH_RECOVERY_TEST_DIR";

    /// A second window in another process: its work is not offered while it runs, and is
    /// once it is killed with SIGKILL.
    #[test]
    fn a_window_killed_in_another_process_leaves_work_that_is_offered() {
        if let Some(dir) = std::env::var_os(CHILD) {
            let claim = Claim::new(Path::new(&dir)).unwrap();
            crate::files::atomic::write_atomic(claim.path(), b"unsaved work").unwrap();
            std::thread::sleep(Duration::from_secs(60));
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "app::recovery::tests::a_window_killed_in_another_process_leaves_work_that_is_offered",
                "--test-threads=1",
            ])
            .env(CHILD, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let saved = || names(dir.path()).iter().any(|n| n.ends_with(".newsgraph"));
        while !saved() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the child saved nothing"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(orphans(dir.path()).is_empty(), "the other window is open");
        child.kill().unwrap();
        child.wait().unwrap();
        let found = orphans(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(
            std::fs::read(found[0].claim.path()).unwrap(),
            b"unsaved work"
        );
    }
}
