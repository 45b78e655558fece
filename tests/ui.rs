//! The window, driven through `egui_kittest` by accessibility label: open the example, click a
//! node on the canvas and read its details, use the menu and the path field, save and load
//! layouts, and check that a settled graph stops asking for frames.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Event, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use newsgraph::app::{AppOptions, Level, NewsgraphApp};
use newsgraph::graph::{NodeKey, NodeKind};
use newsgraph::ui::Action;

#[path = "ui/corrections.rs"]
mod corrections;
#[path = "ui/explore_paths.rs"]
mod explore_paths;
#[path = "ui/explore_views.rs"]
mod explore_views;
#[path = "ui/project_explore.rs"]
mod project_explore;
#[path = "ui/recovery.rs"]
mod recovery;
#[path = "ui/why.rs"]
mod why;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn harness(files: Vec<PathBuf>, open_example: bool) -> Harness<'static, NewsgraphApp> {
    harness_in(files, open_example, None)
}

fn harness_in(
    files: Vec<PathBuf>,
    open_example: bool,
    data_dir: Option<PathBuf>,
) -> Harness<'static, NewsgraphApp> {
    let ctx = egui::Context::default();
    let app = NewsgraphApp::new(
        &ctx,
        AppOptions {
            files,
            open_example,
            system_dialogs: false,
            data_dir,
        },
    );
    Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut NewsgraphApp| app.show(ui), app)
}

/// Steps until the background extraction is done.
fn wait_for_job(h: &mut Harness<'_, NewsgraphApp>) {
    let start = Instant::now();
    h.step();
    while h.state().is_busy() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "extraction did not finish"
        );
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run_steps(3);
}

/// Loads a layout as the menu does: it is read on a worker, and these steps end on the frame
/// that took it (no extra frames, so an unpinned node has not moved on yet).
fn load_layout(h: &mut Harness<'_, NewsgraphApp>, path: &Path) {
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::LoadLayoutFrom(path.to_path_buf()));
    wait_until_read(h, path);
}

/// Steps until the read under way is taken, and no further.
fn wait_until_read(h: &mut Harness<'_, NewsgraphApp>, path: &Path) {
    let start = Instant::now();
    while h.state().is_busy() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the file was not read: {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(2));
        h.step();
    }
}

fn click_at(h: &mut Harness<'_, NewsgraphApp>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    h.run_steps(2);
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    h.step();
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    h.run_steps(2);
}

#[test]
fn example_opens_and_a_clicked_node_shows_its_details() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    assert!(
        h.state().graph().node_count() > 10,
        "the example yields a graph"
    );
    // Let the layout run a little, then click the best-connected country on the canvas.
    h.run_steps(30);
    let key = {
        let g = h.state().graph();
        g.nodes_sorted()
            .into_iter()
            .filter(|n| n.kind == NodeKind::Country)
            .max_by_key(|n| n.mentions)
            .map(|n| n.key.clone())
            .expect("the example names countries")
    };
    // Pause so the node stays where we click.
    h.state_mut()
        .apply(&egui::Context::default(), Action::ToggleLayout);
    h.run_steps(3);
    let pos = h
        .state()
        .panel()
        .screen_position(&key)
        .expect("the node is drawn");
    click_at(&mut h, pos);
    assert_eq!(
        h.state().selected(),
        Some(&key),
        "clicking the node selects it"
    );
    assert_eq!(
        h.state().panel().pinned_count(),
        0,
        "a click without a move pins nothing"
    );
    let name = h.state().graph().node(&key).expect("node").name.clone();
    h.get_by_label(&name);
    assert!(
        !h.query_all_by_label("Read in article")
            .collect::<Vec<_>>()
            .is_empty(),
        "evidence sentences are listed"
    );
    // Reading the article opens the reader window: its title shows up once more.
    let title = h.state().graph().articles()[0].title.clone();
    let before = h.query_all_by_label_contains(&title).count();
    // The first sentence may sit below the fold of the pane: click through accesskit.
    h.get_all_by_label("Read in article")
        .next()
        .expect("button")
        .click_accesskit();
    h.run_steps(3);
    assert!(h.state().reader().is_some(), "the reader is open");
    let after = h.query_all_by_label_contains(&title).count();
    assert!(
        after > before,
        "the reader shows the article ({before} -> {after} labels)"
    );
}

#[test]
fn the_menu_opens_articles_through_the_path_field() {
    let mut h = harness(Vec::new(), false);
    h.run_steps(2);
    h.get_by_label("File").click();
    h.run_steps(2);
    // Menu items carry their shortcut in the label ("Open articles… Ctrl+O").
    h.get(by().role(Role::Button).label_contains("Open articles…"))
        .click();
    h.run_steps(2);
    let field = h.get_by_label("Path");
    field.click();
    field.type_text(fixture("messy.txt").to_str().expect("utf-8 path"));
    h.run_steps(2);
    h.get_by_label("Open").click();
    wait_for_job(&mut h);
    let app = h.state();
    assert_eq!(app.graph().articles().len(), 1);
    assert!(
        app.graph().node(&NodeKey::from("country:POL")).is_some(),
        "Poland is found in the messy article"
    );
}

#[test]
fn bad_files_get_a_message_and_the_graph_survives() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let before = h.state().graph().node_count();
    let dir = std::env::temp_dir().join(format!("newsgraph-ui-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let binary = dir.join("picture.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 0]).expect("write");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::OpenPaths(vec![binary.clone()]));
    wait_for_job(&mut h);
    let app = h.state();
    assert_eq!(app.graph().node_count(), before, "the graph is unchanged");
    let msg = app
        .messages()
        .iter()
        .find(|m| m.level == Level::Error)
        .expect("an error message");
    assert!(
        msg.text.contains("picture.txt"),
        "the message names the file: {}",
        msg.text
    );

    // Bytes that are not UTF-8 are read as Windows-1252, with a warning that names the file.
    let latin = dir.join("cafe.txt");
    std::fs::write(
        &latin,
        b"Caf\xe9 diplomacy\n\nFrance and Germany held talks in a caf\xe9.\n",
    )
    .expect("write");
    h.state_mut().apply(&ctx, Action::OpenPaths(vec![latin]));
    wait_for_job(&mut h);
    let app = h.state();
    // The user's first own article replaces the bundled example (issue 11).
    assert!(
        app.graph().articles().len() == 1 && app.graph().articles()[0].source.ends_with("cafe.txt"),
        "the article is read"
    );
    let warning = app
        .messages()
        .iter()
        .find(|m| m.level == Level::Warning)
        .expect("a warning");
    assert!(
        warning.text.contains("Windows-1252") && warning.text.contains("cafe.txt"),
        "{}",
        warning.text
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn layouts_round_trip_and_broken_files_change_nothing() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.run_steps(40);
    let ctx = h.ctx.clone();
    let dir = std::env::temp_dir().join(format!("newsgraph-ui-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("layout.json");
    h.state_mut()
        .apply(&ctx, Action::SaveLayoutTo(path.clone()));
    // The file holds the positions of the moment Save was asked for; it is written on a
    // thread of its own.
    let saved = h.state().panel().snapshot();
    wait_for_message(&mut h, "Saved the layout of");
    assert!(path.exists());

    // Move on: the layout keeps running, positions change; then pause it so the positions
    // loaded can be compared after the frames the read takes.
    h.state_mut().apply(&ctx, Action::UnpinAll);
    h.run_steps(60);
    h.state_mut().apply(&ctx, Action::ToggleLayout);

    // Loading puts every node back; only the nodes pinned when saved come back pinned
    // (issue 12).
    load_layout(&mut h, &path);
    let loaded = h.state().panel().snapshot();
    for (key, p) in &saved.nodes {
        let q = loaded.nodes[key];
        assert!(
            (p.pos[0] - q.pos[0]).abs() < 1e-3 && (p.pos[1] - q.pos[1]).abs() < 1e-3,
            "{key} moved"
        );
        assert_eq!(p.pinned, q.pinned, "{key} pin");
    }
    h.run_steps(20);

    // A layout naming nodes this graph does not have: they are reported.
    let mut foreign = saved.clone();
    foreign.nodes.insert(
        NodeKey::from("person:nobody-here"),
        newsgraph::files::layout_file::Placement {
            pos: [1.0, 2.0],
            pinned: false,
        },
    );
    let other = dir.join("other.json");
    newsgraph::files::layout_file::write(&other, &foreign).expect("write");
    load_layout(&mut h, &other);
    let warn = h.state().messages().last().expect("a message").clone();
    assert_eq!(warn.level, Level::Warning);
    assert!(warn.text.contains("person:nobody-here"), "{}", warn.text);

    // A broken file: an error naming it, and no node moves.
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        b"{\"format\": \"newsgraph-layout\", \"format_version\": 1, \"nodes\": ",
    )
    .expect("write");
    let before = h.state().panel().snapshot();
    load_layout(&mut h, &broken);
    let err = h.state().messages().last().expect("a message").clone();
    assert_eq!(err.level, Level::Error);
    assert!(err.text.contains("broken.json"), "{}", err.text);
    assert_eq!(h.state().panel().snapshot().nodes, before.nodes);
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 12, item 7: a layout is read on a worker, bounded and from regular files only, so a
/// FIFO or a link to `/dev/zero` named as a layout gets a message naming it while the window
/// keeps drawing (both once froze it: one blocked for ever, the other read 24 GB).
#[test]
fn a_fifo_or_a_link_to_dev_zero_as_a_layout_is_refused_without_freezing_the_window() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::ToggleLayout);
    h.run_steps(2);
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo-layout.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let zero = dir.path().join("zero-layout.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let mut hostile = vec![zero];
    if made.is_ok_and(|s| s.success()) {
        hostile.push(fifo);
    } else {
        eprintln!("mkfifo is not available: only the link to /dev/zero is tried");
    }
    let before = h.state().panel().snapshot();
    for path in hostile {
        h.state_mut()
            .apply(&ctx, Action::LoadLayoutFrom(path.clone()));
        // The UI thread only started the read: it returned at once, with the read under way.
        assert!(h.state().is_busy(), "the layout is read off the UI thread");
        h.step();
        wait_until_read(&mut h, &path);
        let err = h.state().messages().last().expect("a message").clone();
        assert_eq!(err.level, Level::Error, "{}", err.text);
        assert!(
            err.text.contains("not a regular file") && err.text.contains(&*path.to_string_lossy()),
            "{}",
            err.text
        );
        assert_eq!(h.state().panel().snapshot().nodes, before.nodes);
    }
}

#[test]
fn a_settled_graph_stops_asking_for_frames() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    // Run until the layout settles (simulated time advances each step).
    for _ in 0..3000 {
        if h.state().panel().is_settled() {
            break;
        }
        h.step();
    }
    assert!(h.state().panel().is_settled(), "the layout settles");
    h.run_steps(120);
    let (_, still_before) = h.state().panel().frame_counts();
    h.step();
    assert!(
        !h.ctx.has_requested_repaint(),
        "nothing asks for another frame once settled and idle"
    );
    let (_, still_after) = h.state().panel().frame_counts();
    assert!(
        still_after > still_before,
        "the canvas is drawn without the live widget"
    );
    // Moving the pointer over the canvas brings the live widget back.
    let center = h
        .state()
        .panel()
        .screen_position(&h.state().graph().nodes_sorted()[0].key)
        .expect("drawn");
    h.event(Event::PointerMoved(center + egui::vec2(3.0, 3.0)));
    h.step();
    assert!(
        h.ctx.has_requested_repaint(),
        "interaction wakes the canvas"
    );
}

/// Regression: a graph rebuilt while the canvas is idle was drawn from stale shapes (every node
/// piled up where the widget had last seen it) until the pointer moved over it.
#[test]
fn a_rebuilt_graph_is_drawn_where_the_layout_put_it() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::ToggleLayout);
    h.run_steps(150);
    h.state_mut()
        .apply(&ctx, Action::OpenPaths(vec![fixture("messy.txt")]));
    wait_for_job(&mut h);
    h.run_steps(150);
    let app = h.state();
    let (_, still) = app.panel().frame_counts();
    assert!(
        still > 0,
        "the idle canvas is drawn without the live widget"
    );
    let mut checked = 0;
    for node in app.graph().nodes_sorted() {
        let want = app.panel().position(&node.key).expect("laid out");
        let drawn = app.panel().drawn_position(&node.key).expect("drawn");
        assert!(
            (want[0] - drawn[0]).abs() < 1e-3 && (want[1] - drawn[1]).abs() < 1e-3,
            "{} drawn at {drawn:?}, laid out at {want:?}",
            node.key
        );
        checked += 1;
    }
    assert!(checked > 20);
}

#[test]
fn dragging_a_node_moves_and_pins_it() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::ToggleLayout);
    h.run_steps(3);
    let key = h.state().graph().nodes_sorted()[0].key.clone();
    let before = h.state().panel().position(&key).expect("laid out");
    let start = h.state().panel().screen_position(&key).expect("drawn");
    h.event(Event::PointerMoved(start));
    h.run_steps(2);
    h.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    h.step();
    for k in 1..=8u8 {
        h.event(Event::PointerMoved(
            start + egui::vec2(6.0 * f32::from(k), 4.0 * f32::from(k)),
        ));
        h.step();
    }
    let end = start + egui::vec2(48.0, 32.0);
    h.event(Event::PointerButton {
        pos: end,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    h.run_steps(3);
    let after = h.state().panel().position(&key).expect("laid out");
    assert!(
        (after[0] - before[0]).abs() + (after[1] - before[1]).abs() > 10.0,
        "{before:?} -> {after:?}"
    );
    assert_eq!(
        h.state().panel().pinned_count(),
        1,
        "the dragged node stays where it was dropped"
    );
}

#[test]
fn dropped_files_are_opened() {
    let mut h = harness(Vec::new(), false);
    h.run_steps(2);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(fixture("summit.html"))));
    wait_for_job(&mut h);
    let app = h.state();
    assert_eq!(app.graph().articles().len(), 1);
    assert!(
        app.graph().node(&NodeKey::from("country:ETH")).is_some(),
        "Ethiopia is found in the dropped page"
    );
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn plus_and_minus_zoom_the_canvas_around_its_middle() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    // The first view is fitted over a few frames (more of them in a slow debug build, where
    // two equal frames in a row could still be mid-fit): wait until the zoom holds still.
    let mut before = h.state().panel().zoom();
    let mut still = 0;
    for _ in 0..500 {
        h.run_steps(2);
        let now = h.state().panel().zoom();
        still = if (now - before).abs() < 1e-6 {
            still + 1
        } else {
            0
        };
        before = now;
        if still >= 10 {
            break;
        }
    }
    h.key_press(egui::Key::Plus);
    h.run_steps(3);
    let zoomed = h.state().panel().zoom();
    assert!(
        (zoomed / before - 1.25).abs() < 0.01,
        "+ zooms in by a step: {before} -> {zoomed}"
    );
    h.key_press(egui::Key::Minus);
    h.key_press(egui::Key::Minus);
    h.run_steps(3);
    let out = h.state().panel().zoom();
    assert!(out < before, "- zooms out: {before} -> {out}");
}

/// Steps until no save or export is running and a message starting with `prefix` is shown.
fn wait_for_message(h: &mut Harness<'_, NewsgraphApp>, prefix: &str) -> newsgraph::app::Message {
    let start = Instant::now();
    loop {
        h.step();
        if let Some(m) = h
            .state()
            .messages()
            .iter()
            .find(|m| m.text.starts_with(prefix))
        {
            return m.clone();
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no message {prefix:?}; messages: {:?}",
            h.state().messages()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn node_keys(app: &NewsgraphApp) -> Vec<NodeKey> {
    app.graph()
        .nodes_sorted()
        .into_iter()
        .map(|n| n.key.clone())
        .collect()
}

#[test]
fn projects_round_trip_and_newer_or_broken_files_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness_in(
        vec![fixture("summit.html")],
        false,
        Some(dir.path().join("data")),
    );
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::OpenPaths(vec![fixture("messy.txt")]));
    wait_for_job(&mut h);
    assert!(
        h.state().project().is_dirty(),
        "a second article is unsaved work"
    );
    // Pin every node where it is (through a layout file), so positions can be compared exactly.
    let layout = dir.path().join("pinned.json");
    let mut all_pinned = h.state().panel().snapshot();
    for p in all_pinned.nodes.values_mut() {
        p.pinned = true;
    }
    newsgraph::files::layout_file::write(&layout, &all_pinned).expect("write");
    load_layout(&mut h, &layout);
    let keys = node_keys(h.state());
    let selected = keys[keys.len() / 2].clone();
    h.state_mut()
        .apply(&ctx, Action::Select(Some(selected.clone())));
    h.run_steps(20);
    let path = dir.path().join("work.newsgraph");
    h.state_mut()
        .apply(&ctx, Action::SaveProjectTo(path.clone()));
    wait_for_message(&mut h, "Saved the project");
    assert!(!h.state().project().is_dirty());
    assert_eq!(h.state().project().title(), "work.newsgraph — newsgraph");
    assert_eq!(h.state().project().recent(), std::slice::from_ref(&path));
    let saved_layout = h.state().panel().snapshot();

    // New: an empty graph, without a question (nothing unsaved).
    h.state_mut().apply(&ctx, Action::NewProject);
    h.run_steps(2);
    assert_eq!(h.state().graph().node_count(), 0);
    assert!(h.state().project().question().is_none());

    // Open: the same graph, layout, view and selection.
    h.state_mut()
        .apply(&ctx, Action::OpenProjectFrom(path.clone()));
    wait_for_job(&mut h);
    assert_eq!(node_keys(h.state()), keys);
    assert_eq!(h.state().graph().articles().len(), 2);
    assert_eq!(h.state().selected(), Some(&selected));
    let opened = h.state().panel().snapshot();
    // The canvas follows the running layout, so the view comes back close, not bit-exact.
    let close = |a: f32, b: f32, tolerance: f32| (a - b).abs() <= tolerance * b.abs().max(1.0);
    assert!(
        close(opened.view.zoom, saved_layout.view.zoom, 0.05)
            && close(opened.view.pan[0], saved_layout.view.pan[0], 0.1)
            && close(opened.view.pan[1], saved_layout.view.pan[1], 0.1),
        "{:?} vs {:?}",
        opened.view,
        saved_layout.view
    );
    for (key, p) in &saved_layout.nodes {
        let q = opened.nodes[key];
        assert!(
            (p.pos[0] - q.pos[0]).abs() < 1e-3 && (p.pos[1] - q.pos[1]).abs() < 1e-3,
            "{key}"
        );
        assert_eq!(p.pinned, q.pinned, "{key}");
    }
    assert!(
        !h.state().project().is_dirty(),
        "a project just opened has no changes"
    );

    // A file from a newer newsgraph, and a damaged one: refused, nothing changes.
    let newer = dir.path().join("newer.newsgraph");
    std::fs::write(
        &newer,
        br#"{"format":"newsgraph-project","format_version":99}"#,
    )
    .expect("write");
    let damaged = dir.path().join("damaged.newsgraph");
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).expect("write");
    for (bad, words) in [
        (newer, "newer newsgraph"),
        (damaged, "not a newsgraph project"),
    ] {
        h.state_mut()
            .apply(&ctx, Action::OpenProjectFrom(bad.clone()));
        wait_for_job(&mut h);
        let err = h.state().messages().last().expect("a message").clone();
        assert_eq!(err.level, Level::Error, "{}", err.text);
        assert!(
            err.text.contains(words) && err.text.contains("Nothing was changed"),
            "{}",
            err.text
        );
        assert_eq!(node_keys(h.state()), keys);
        assert_eq!(h.state().project().path(), Some(path.as_path()));
    }
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut h = harness(vec![fixture("summit.html")], false);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    // The articles of the start count as saved: quitting does not ask.
    assert!(!h.state().project().is_dirty());
    h.state_mut()
        .apply(&ctx, Action::OpenPaths(vec![fixture("messy.txt")]));
    wait_for_job(&mut h);
    h.state_mut().apply(&ctx, Action::Quit);
    h.run_steps(2);
    assert!(!h.state().quit_requested(), "unsaved changes: ask first");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().project().question().is_none());
    assert!(!h.state().quit_requested());
    assert_eq!(h.state().graph().articles().len(), 2);
    // Ctrl+Q asks again; this time the changes are given up.
    h.state_mut().apply(&ctx, Action::Quit);
    h.run_steps(2);
    h.get_by_label("Don't save").click();
    h.run_steps(2);
    assert!(h.state().quit_requested());
}

/// The key of the node called `name` in the example.
fn key_named(h: &Harness<'_, NewsgraphApp>, name: &str) -> NodeKey {
    h.state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .find(|n| n.name == name)
        .map_or_else(|| panic!("the example has {name}"), |n| n.key.clone())
}

#[test]
fn find_lists_ranked_matches_and_enter_selects_and_centres() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.run_steps(5);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    h.get_by_label("Find").type_text("ramon cast");
    h.run_steps(2);
    let hits: Vec<String> = h
        .state()
        .explorer()
        .search
        .hits()
        .iter()
        .map(|hit| hit.name.clone())
        .collect();
    assert_eq!(
        hits.first().map(String::as_str),
        Some("Ramon Castillo"),
        "the person ranks first: {hits:?}"
    );
    // The list under the field shows the result by name.
    h.get_by_label("Ramon Castillo");
    let key = key_named(&h, "Ramon Castillo");
    assert_ne!(h.state().selected(), Some(&key));
    // Pause the layout so the node stays where the view glides to (on a slow machine the
    // layout is still moving nodes when the glide ends).
    h.state_mut()
        .apply(&egui::Context::default(), Action::ToggleLayout);
    h.run_steps(3);
    h.key_press(egui::Key::Enter);
    // The glide takes about half a second of frames; give it up to three seconds and stop as
    // soon as the node is centred.
    let centred = |h: &Harness<'_, NewsgraphApp>| {
        let canvas = h.state().panel().canvas_rect();
        h.state()
            .panel()
            .screen_position(&key)
            .is_some_and(|pos| (pos - canvas.center()).length() < 40.0)
    };
    for step in 0..300 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
        if step >= 60 && centred(&h) {
            break;
        }
    }
    assert_eq!(h.state().selected(), Some(&key), "Enter selects the match");
    assert!(
        h.state().explorer().search.query().is_empty(),
        "the field is cleared"
    );
    let pos = h
        .state()
        .panel()
        .screen_position(&key)
        .expect("the node is drawn");
    let canvas = h.state().panel().canvas_rect();
    let off = pos - canvas.center();
    assert!(
        off.length() < 40.0,
        "the view glided to the node: {pos:?} vs the middle {:?}",
        canvas.center()
    );
}

#[test]
fn selection_dims_the_rest_and_focus_shows_one_and_two_hops() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = egui::Context::default();
    let sakai = key_named(&h, "Haruto Sakai");
    h.state_mut()
        .apply(&ctx, Action::Select(Some(sakai.clone())));
    h.run_steps(3);
    let graph = h.state().graph().clone();
    let index = graph.index(&sakai).expect("in the graph");
    let near: Vec<NodeKey> = graph
        .graph()
        .neighbors_undirected(index)
        .map(|n| graph.graph()[n].key.clone())
        .collect();
    assert!(!near.is_empty(), "Sakai has neighbours");
    let panel = h.state().panel();
    assert!(panel.is_stressed(&sakai));
    for k in &near {
        assert!(panel.is_stressed(k), "neighbour {k} is highlighted");
    }
    let far: Vec<&NodeKey> = graph
        .nodes_sorted()
        .into_iter()
        .map(|n| &n.key)
        .filter(|k| **k != sakai && !near.contains(k))
        .collect();
    assert!(!far.is_empty(), "some nodes are not neighbours");
    for k in &far {
        assert!(!panel.is_stressed(k), "{k} is dimmed");
    }

    h.get_by_label("1 hop").click();
    h.run_steps(3);
    let one = h.state().panel().shown_count();
    assert_eq!(one, near.len() + 1, "1 hop: Sakai and his neighbours");
    assert!(h.state().panel().is_shown(&near[0]));
    assert!(!h.state().panel().is_shown(far[0]));
    h.get_by_label_contains("nodes outside the focus");
    h.get_by_label("2 hops").click();
    h.run_steps(3);
    let two = h.state().panel().shown_count();
    assert!(two > one, "2 hops show more: {one} -> {two}");
    assert!(two <= graph.node_count());
    h.get_by_label("All").click();
    h.run_steps(3);
    assert_eq!(h.state().panel().shown_count(), graph.node_count());
}

#[test]
fn a_path_between_two_invented_people_is_drawn_and_told_step_by_step() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = egui::Context::default();
    let reyes = key_named(&h, "Maria Reyes");
    let castillo = key_named(&h, "Ramon Castillo");
    h.state_mut()
        .apply(&ctx, Action::Select(Some(reyes.clone())));
    h.run_steps(2);
    h.get_by_label("Path from here").click();
    h.run_steps(2);
    h.get_by_label_contains("select the other end");
    h.state_mut()
        .apply(&ctx, Action::Select(Some(castillo.clone())));
    h.run_steps(2);
    h.get_by_label("Path to here").click();
    h.run_steps(3);
    let path = h.state().explorer().path_keys(h.state().graph());
    assert!(path.len() >= 2, "a path: {path:?}");
    assert_eq!(path.first(), Some(&reyes));
    assert_eq!(path.last(), Some(&castillo));
    let steps = path.len() - 1;
    let unit = if steps == 1 { "step" } else { "steps" };
    h.get_by_label(&format!("Maria Reyes to Ramon Castillo in {steps} {unit}"));
    for k in &path {
        assert!(h.state().panel().is_stressed(k), "{k} on the path is drawn");
    }
    let off_path = h
        .state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .find(|n| !path.contains(&n.key))
        .map(|n| n.key.clone())
        .expect("nodes off the path");
    assert!(!h.state().panel().is_stressed(&off_path));
    h.get_by_label("Clear path").click();
    h.run_steps(2);
    assert!(h.state().explorer().path_keys(h.state().graph()).is_empty());
}

#[test]
fn a_plain_mouse_wheel_zooms_around_the_pointer() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.state_mut()
        .apply(&egui::Context::default(), Action::ToggleLayout);
    h.run_steps(5);
    let canvas = h.state().panel().canvas_rect();
    let pointer = canvas.center() + egui::vec2(120.0, 60.0);
    let before = h.state().panel().zoom();
    let under = h.state().panel().canvas_at(pointer);
    h.event(Event::PointerMoved(pointer));
    h.step();
    h.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(20);
    let after = h.state().panel().zoom();
    assert!(
        after > before * 1.2,
        "the wheel zoomed in: {before} -> {after}"
    );
    let still = h.state().panel().canvas_at(pointer);
    assert!(
        (still - under).length() * after < 2.0,
        "the point under the pointer stays: {under:?} -> {still:?}"
    );
}

#[test]
fn the_filter_hides_a_kind_and_says_how_many() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.get_by_label("Filter").click();
    h.run_steps(2);
    h.get_by_label("Everything is shown.");
    let graph = h.state().graph().clone();
    let total = graph.node_count();
    let events: Vec<NodeKey> = graph
        .nodes_sorted()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Event)
        .map(|n| n.key.clone())
        .collect();
    assert!(!events.is_empty(), "the example has events");
    h.get_by_label(&format!("Event ({})", events.len())).click();
    h.run_steps(3);
    assert_eq!(h.state().panel().shown_count(), total - events.len());
    assert!(!h.state().panel().is_shown(&events[0]), "events are hidden");
    assert!(
        h.state().panel().is_shown(&key_named(&h, "Maria Reyes")),
        "people still show"
    );
    h.get_by_label_contains(&format!("{} of {total} nodes hidden", events.len()));
    h.get_by_label(&format!("Filter ({} hidden)", events.len()));
    h.get_by_label("Show everything").click();
    h.run_steps(3);
    assert_eq!(h.state().panel().shown_count(), total);
}

#[test]
fn clicking_an_edge_selects_it_and_the_pane_tells_it() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.run_steps(60);
    h.state_mut()
        .apply(&egui::Context::default(), Action::ToggleLayout);
    h.run_steps(3);
    let graph = h.state().graph().clone();
    let g = graph.graph();
    let at = |i: petgraph::stable_graph::NodeIndex| {
        h.state().panel().screen_position(&g[i].key).expect("drawn")
    };
    let segments: Vec<(Pos2, Pos2)> = g
        .edge_indices()
        .filter_map(|e| g.edge_endpoints(e))
        .map(|(a, b)| (at(a), at(b)))
        .collect();
    let nodes: Vec<Pos2> = g.node_indices().map(at).collect();
    let dist = |p: Pos2, (a, b): (Pos2, Pos2)| {
        let ab = b - a;
        let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
        (p - (a + ab * t)).length()
    };
    // An edge whose middle is clear of every node and of every other edge.
    let (edge, mid) = g
        .edge_indices()
        .zip(&segments)
        .map(|(e, &(a, b))| (e, a + (b - a) / 2.0))
        .find(|&(e, mid)| {
            nodes.iter().all(|n| (*n - mid).length() > 24.0)
                && segments
                    .iter()
                    .enumerate()
                    .all(|(j, s)| j == e.index() || dist(mid, *s) > 8.0)
                && h.state().panel().canvas_rect().shrink(20.0).contains(mid)
        })
        .expect("an edge stands clear");
    click_at(&mut h, mid);
    let selected = h.state().explorer().state.selected_edge.clone();
    let (a, b) = g.edge_endpoints(edge).expect("ends");
    let sel = selected.expect("clicking the edge selects it");
    assert_eq!((&sel.source, &sel.target), (&g[a].key, &g[b].key));
    assert_eq!(sel.kind, g[edge].kind);
    h.get_by_label("Direction");
    h.get_by_label_contains("Evidence ·");
    assert!(h.state().panel().is_stressed(&g[a].key));
}
