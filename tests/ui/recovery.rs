//! Saving safely and coming back: the path field's questions before writing, the recovery
//! file of a session that was killed, and what the command line named meanwhile (issue 12).

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsgraph::app::NewsgraphApp;
use newsgraph::ui::Action;

use super::{fixture, harness, harness_in, node_keys, wait_for_job, wait_for_message};

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
    let recovery = data.join("recovery.newsgraph");
    let start = Instant::now();
    while !recovery.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no recovery file"
        );
        h.run_steps(10);
    }
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
