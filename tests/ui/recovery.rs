//! Saving safely and coming back: the path field's questions before writing, the recovery
//! files of windows that were killed (one per window), and what the command line named
//! meanwhile (issue 12).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsgraph::app::NewsgraphApp;
use newsgraph::ui::Action;

use super::{fixture, harness, harness_in, node_keys, wait_for_job, wait_for_message};

/// The recovery files in the data folder, and the locks beside them.
fn recovery_files(data: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut files = Vec::new();
    let mut locks = Vec::new();
    for entry in std::fs::read_dir(data).into_iter().flatten().flatten() {
        let path = entry.path();
        let ours = entry.file_name().to_string_lossy().starts_with("recovery");
        match path.extension().and_then(|e| e.to_str()) {
            Some("newsgraph") if ours => files.push(path),
            Some("lock") if ours => locks.push(path),
            _ => {}
        }
    }
    files.sort();
    locks.sort();
    (files, locks)
}

/// Runs the window until its autosave has written a recovery file that `known` does not list.
fn wait_for_autosave(h: &mut Harness<'_, NewsgraphApp>, data: &Path, known: &[PathBuf]) -> PathBuf {
    let start = Instant::now();
    loop {
        if let Some(new) = recovery_files(data)
            .0
            .into_iter()
            .find(|p| !known.contains(p))
        {
            return new;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no recovery file"
        );
        h.run_steps(10);
    }
}

/// Replaces the path field's text and presses its Save button.
fn submit_path(h: &mut Harness<'_, NewsgraphApp>, text: &str) {
    h.get_by_label("Path").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_label("Path").type_text(text);
    h.run_steps(1);
    h.get_by_label("Save").click_accesskit();
    h.run_steps(2);
}

#[test]
fn the_path_field_asks_before_writing_over_a_file_and_turns_folders_into_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::write(&article, b"An article the user wrote.").expect("write");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::SaveLayout);
    h.run_steps(2);
    // A folder: a file name inside it is offered, nothing is written yet.
    submit_path(&mut h, &dir.path().display().to_string());
    let offered = dir.path().join("layout.newsgraph.json");
    assert_eq!(
        h.get_by_label("Path").value().as_deref(),
        Some(offered.display().to_string().as_str())
    );
    assert!(!offered.exists());
    h.get_by_label("Save").click_accesskit();
    wait_for_message(&mut h, "Saved the layout of");
    assert!(
        offered.exists(),
        "the layout is saved under the offered name"
    );
    // An article where the layout would go: asked, in strong words, and left alone.
    h.state_mut().apply(&ctx, Action::SaveLayout);
    h.run_steps(2);
    submit_path(&mut h, &article.display().to_string());
    h.get_by_label("Replace it anyway");
    h.get_by_label("Choose another name");
    assert_eq!(
        std::fs::read(&article).expect("read"),
        b"An article the user wrote."
    );
}

#[test]
fn unsaved_work_is_kept_for_recovery_and_offered_at_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let mut h = harness_in(vec![fixture("summit.html")], false, Some(data.clone()));
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::OpenPaths(vec![fixture("messy.txt")]));
    wait_for_job(&mut h);
    let keys = node_keys(h.state());
    // The autosave runs every few seconds of the window's clock.
    wait_for_autosave(&mut h, &data, &[]);
    // The process dies here (the harness is dropped without closing). Next start:
    drop(h);
    let mut h = harness_in(Vec::new(), true, Some(data.clone()));
    h.run_steps(2);
    assert!(
        h.state().graph().node_count() == 0 && !h.state().is_busy(),
        "nothing opens before the answer"
    );
    h.get_by_label("Restore").click();
    wait_for_job(&mut h);
    assert_eq!(node_keys(h.state()), keys);
    assert!(
        h.state().project().is_dirty(),
        "restored work is still unsaved"
    );
    assert_eq!(h.state().project().path(), None);
}

#[test]
fn files_named_at_start_open_once_the_recovery_question_is_thrown_away() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data folder");
    let recovery = data.join("recovery.newsgraph");
    std::fs::write(&recovery, b"left by a session that was killed").expect("write");
    let mut h = harness_in(vec![fixture("summit.html")], false, Some(data.clone()));
    h.run_steps(2);
    assert!(
        h.state().graph().node_count() == 0 && !h.state().is_busy(),
        "nothing opens before the answer"
    );
    h.get_by_label("Discard").click();
    wait_for_job(&mut h);
    assert!(
        h.state().graph().node_count() > 0,
        "the file named at start opens once the old work is thrown away"
    );
    assert!(!recovery.exists(), "the recovery file is gone");
}

#[test]
fn two_windows_keep_their_own_recovery_files_and_a_start_offers_only_those_of_dead_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    // Two windows at once, each with unsaved work of its own.
    let mut one = harness_in(vec![fixture("summit.html")], false, Some(data.clone()));
    wait_for_job(&mut one);
    let ctx = one.ctx.clone();
    one.state_mut()
        .apply(&ctx, Action::OpenPaths(vec![fixture("messy.txt")]));
    wait_for_job(&mut one);
    let a_file = wait_for_autosave(&mut one, &data, &[]);
    let mut two = harness_in(vec![fixture("summit.html")], false, Some(data.clone()));
    wait_for_job(&mut two);
    let ctx = two.ctx.clone();
    two.state_mut()
        .apply(&ctx, Action::OpenPaths(vec![fixture("two-routes.txt")]));
    wait_for_job(&mut two);
    let b_file = wait_for_autosave(&mut two, &data, std::slice::from_ref(&a_file));
    let (a_keys, b_keys) = (node_keys(one.state()), node_keys(two.state()));
    assert_ne!(a_keys, b_keys);
    // Both keep saving, each to its own file.
    one.run_steps(10);
    assert!(a_file.exists() && b_file.exists());

    // A third window started while both are open offers nothing of theirs.
    let mut three = harness_in(Vec::new(), false, Some(data.clone()));
    three.run_steps(2);
    assert!(!three.state().project().offers_recovery());
    drop(three);

    // Both die. The next start lists both; restoring the second brings back b's work.
    drop(one);
    drop(two);
    let mut four = harness_in(vec![fixture("summit.html")], false, Some(data.clone()));
    four.run_steps(2);
    assert!(four.state().project().offers_recovery());
    four.get_by_label("2 newsgraph windows did not close normally.");
    assert_eq!(four.get_all_by_label("Restore").count(), 2);
    four.get_all_by_label("Restore")
        .nth(1)
        .expect("a second Restore")
        .click();
    wait_for_job(&mut four);
    assert_eq!(node_keys(four.state()), b_keys);
    assert!(four.state().project().is_dirty());
    wait_for_message(&mut four, "The unsaved work of 1 other window was kept");

    // Meanwhile another start offers a's work alone: d took b's file over.
    let mut five = harness_in(Vec::new(), false, Some(data.clone()));
    five.run_steps(2);
    five.get_by_label("newsgraph did not close normally last time.");
    five.get_by_label("Discard").click();
    five.run_steps(2);
    assert!(!a_file.exists(), "thrown away");
    assert!(!five.state().project().offers_recovery());
    drop(five);

    // d keeps saving its work to b's file, and removes it when it closes normally.
    four.run_steps(10);
    assert_eq!(recovery_files(&data).0, std::slice::from_ref(&b_file));
    let ctx = four.ctx.clone();
    four.state_mut().apply(&ctx, Action::Quit);
    four.run_steps(2);
    four.get_by_label("Don't save").click();
    four.run_steps(2);
    assert_eq!(
        recovery_files(&data),
        (Vec::new(), Vec::new()),
        "a window closing normally leaves no recovery file or lock"
    );
}

#[test]
fn work_undone_back_to_the_saved_state_leaves_nothing_to_recover() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let mut h = harness_in(vec![fixture("summit.html")], false, Some(data.clone()));
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let key = h.state().graph().nodes_sorted()[0].key.clone();
    h.state_mut().apply(
        &ctx,
        Action::Correct(newsgraph::graph::corrections::Correction::Delete { key }),
    );
    let file = wait_for_autosave(&mut h, &data, &[]);
    h.state_mut().apply(&ctx, Action::Undo);
    assert!(!h.state().project().is_dirty());
    let start = Instant::now();
    while file.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the recovery file of work undone stays"
        );
        h.run_steps(10);
    }
}
