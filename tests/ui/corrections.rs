//! Corrections in the detail pane, undo and redo by key, undoable drags and layouts, and the
//! question before a layout that fits under half of the graph (issue 12).

use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::kittest::Queryable;
use newsgraph::app::history::Step;
use newsgraph::files::layout_file::{self, LayoutFile, Placement, ViewState};
use newsgraph::graph::corrections::Correction;
use newsgraph::graph::{NodeKey, NodeKind};
use newsgraph::ui::Action;

use super::{harness, key_named, load_layout, wait_for_job, wait_for_message};

fn name_of(
    h: &egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>,
    key: &NodeKey,
) -> Option<String> {
    h.state().graph().node(key).map(|n| n.name.clone())
}

fn undo(h: &mut egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
}

fn redo(h: &mut egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
}

#[test]
fn the_detail_pane_corrects_a_node_and_ctrl_z_takes_it_back() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let whitfield = key_named(&h, "Daniel Whitfield");
    let reyes = key_named(&h, "Maria Reyes");
    let nodes = h.state().graph().node_count();
    h.state_mut()
        .apply(&ctx, Action::Select(Some(whitfield.clone())));
    h.run_steps(2);
    h.get_by_label("✏ Correct").click();
    h.run_steps(2);

    // Rename: the typed name, the old one kept as an alias.
    h.get_by_label("Name").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name").type_text("Dan Whitfield");
    h.run_steps(1);
    h.get_by_label("Rename").click();
    h.run_steps(2);
    assert_eq!(name_of(&h, &whitfield).as_deref(), Some("Dan Whitfield"));
    assert!(
        h.state()
            .graph()
            .node(&whitfield)
            .unwrap()
            .aliases
            .contains("Daniel Whitfield")
    );
    assert!(
        h.state().project().is_dirty(),
        "a correction is unsaved work"
    );

    // Ctrl+Z and Ctrl+Shift+Z.
    undo(&mut h);
    assert_eq!(name_of(&h, &whitfield).as_deref(), Some("Daniel Whitfield"));
    redo(&mut h);
    assert_eq!(name_of(&h, &whitfield).as_deref(), Some("Dan Whitfield"));

    // Kind.
    h.get_by_label("Organization").click();
    h.run_steps(2);
    assert_eq!(
        h.state().graph().node(&whitfield).unwrap().kind,
        NodeKind::Organization
    );

    // Merge, found by typing: the selection follows into the node that stays.
    h.get_by_label("Merge into").focus();
    h.get_by_label("Merge into").type_text("Reyes");
    h.run_steps(2);
    h.get_by_label("Merge into Maria Reyes").click();
    h.run_steps(2);
    assert!(h.state().graph().node(&whitfield).is_none());
    assert_eq!(h.state().selected(), Some(&reyes));
    assert!(
        h.state()
            .graph()
            .node(&reyes)
            .unwrap()
            .aliases
            .contains("Dan Whitfield"),
        "{:?}",
        h.state().graph().node(&reyes).unwrap().aliases
    );
    assert_eq!(h.state().graph().node_count(), nodes - 1);

    // Delete, then the Edit menu names what Undo takes back.
    h.get_by_label("🗑 Not an actor: delete").click();
    h.run_steps(2);
    assert!(h.state().graph().node(&reyes).is_none());
    assert_eq!(h.state().selected(), None);
    h.get_by_label("Edit").click();
    h.run_steps(1);
    h.get_by_label("Undo delete Maria Reyes Ctrl+Z").click();
    h.run_steps(2);
    assert!(h.state().graph().node(&reyes).is_some());

    // Undo everything: the graph the articles gave.
    for _ in 0..3 {
        undo(&mut h);
    }
    assert_eq!(h.state().graph().node_count(), nodes);
    assert_eq!(name_of(&h, &whitfield).as_deref(), Some("Daniel Whitfield"));
    assert_eq!(
        h.state().graph().node(&whitfield).unwrap().kind,
        NodeKind::Person
    );
    assert!(h.state().history().log().is_empty());
}

/// The event's name as the detail pane's heading shows it (arrows in the font it has).
fn shown(name: &str) -> String {
    newsgraph::ui::theme::displayable(name)
}

#[test]
fn an_event_names_its_actor_as_renamed_and_ctrl_z_brings_the_old_name_back() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    // An event whose name gives who acts by name.
    let (event, actor, old_event_name, old_actor_name) = h
        .state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .find_map(|n| {
            let source = n.event.as_ref()?.source.clone()?;
            let actor = h.state().graph().node(&source)?.name.clone();
            n.name
                .contains(&actor)
                .then(|| (n.key.clone(), source, n.name.clone(), actor))
        })
        .expect("the example has an event naming who acts");
    let new_event_name = old_event_name.replace(&old_actor_name, "Renamed Actor");

    // Rename the actor in its pane.
    h.state_mut()
        .apply(&ctx, Action::Select(Some(actor.clone())));
    h.run_steps(2);
    // The actor's pane lists the event by its name.
    assert!(h.query_by_label(&shown(&old_event_name)).is_some());
    h.get_by_label("✏ Correct").click();
    h.run_steps(2);
    h.get_by_label("Name").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name").type_text("Renamed Actor");
    h.run_steps(1);
    h.get_by_label("Rename").click();
    h.run_steps(2);
    assert_eq!(
        name_of(&h, &event).as_deref(),
        Some(new_event_name.as_str())
    );
    assert!(
        h.query_by_label(&shown(&new_event_name)).is_some(),
        "the actor's pane lists the event by its new name"
    );
    assert!(h.query_by_label(&shown(&old_event_name)).is_none());

    // The event's own pane: its heading, and the name its Correct section offers to change.
    h.state_mut()
        .apply(&ctx, Action::Select(Some(event.clone())));
    h.run_steps(2);
    assert!(h.query_by_label(&shown(&new_event_name)).is_some());
    assert!(h.query_by_label(&shown(&old_event_name)).is_none());
    let field = |h: &egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>| {
        h.get_by_label("Name").value()
    };
    assert_eq!(field(&h), Some(shown(&new_event_name)));
    // The Edit menu and the message after Ctrl+Z tell the rename with the names before it.
    let told = format!("rename {old_actor_name} to Renamed Actor");
    h.get_by_label("Edit").click();
    h.run_steps(1);
    h.get_by_label(&format!("Undo {told} Ctrl+Z"));
    h.get_by_label("Edit").click();
    h.run_steps(2);

    // Ctrl+Z: the old name in the pane; Ctrl+Shift+Z: the new one again.
    undo(&mut h);
    wait_for_message(&mut h, &format!("Undone: {told}."));
    assert!(
        h.query_by_label(&shown(&old_event_name)).is_some(),
        "{:?}",
        name_of(&h, &event)
    );
    assert!(h.query_by_label(&shown(&new_event_name)).is_none());
    assert_eq!(
        field(&h),
        Some(shown(&old_event_name)),
        "the field follows the name"
    );
    redo(&mut h);
    assert!(h.query_by_label(&shown(&new_event_name)).is_some());
    assert_eq!(field(&h), Some(shown(&new_event_name)));

    // Find matches the event by its actor's new name.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.get_by_label("Find").type_text("Renamed Actor");
    h.run_steps(2);
    let hits: Vec<String> = h
        .state()
        .explorer()
        .search
        .hits()
        .iter()
        .map(|hit| hit.name.clone())
        .collect();
    assert!(hits.contains(&new_event_name), "{hits:?}");
}

#[test]
fn events_swap_who_acts_and_the_delete_key_removes_the_selection() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    // An event with someone who acts and someone acted on.
    let (harassment, source, targets) = h
        .state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .find_map(|n| {
            let info = n.event.as_ref()?;
            Some((n.key.clone(), info.source.clone()?, info.targets.clone()))
                .filter(|(_, _, t)| !t.is_empty())
        })
        .expect("the example has a directed event");
    let roles = |h: &egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>| {
        let info = h
            .state()
            .graph()
            .node(&harassment)
            .unwrap()
            .event
            .clone()
            .unwrap();
        (info.source, info.targets)
    };
    h.state_mut()
        .apply(&ctx, Action::Select(Some(harassment.clone())));
    h.run_steps(2);
    h.get_by_label("✏ Correct").click();
    h.run_steps(2);
    h.get_by_label("⇄ Swap who acts and who is acted on")
        .click();
    h.run_steps(2);
    let mut swapped = vec![source.clone()];
    swapped.extend(targets.iter().skip(1).cloned());
    assert_eq!(roles(&h), (Some(targets[0].clone()), swapped));
    undo(&mut h);
    assert_eq!(roles(&h), (Some(source), targets));

    // The Delete key deletes the selected node; Ctrl+Z brings it back.
    h.key_press(Key::Delete);
    h.run_steps(2);
    assert!(h.state().graph().node(&harassment).is_none());
    undo(&mut h);
    assert!(h.state().graph().node(&harassment).is_some());
}

#[test]
fn corrections_are_saved_in_the_project_and_replayed_on_opening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let lin = key_named(&h, "Lin Wenhao");
    h.state_mut().apply(
        &ctx,
        Action::Correct(Correction::Rename {
            key: lin.clone(),
            name: "Spokesman Lin".into(),
        }),
    );
    let path = dir.path().join("p.newsgraph");
    h.state_mut()
        .apply(&ctx, Action::SaveProjectTo(path.clone()));
    wait_for_message(&mut h, "Saved the project");
    let mut h = harness(Vec::new(), false);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::OpenProjectFrom(path));
    wait_for_job(&mut h);
    assert_eq!(
        name_of(&h, &lin).as_deref(),
        Some("Spokesman Lin"),
        "{:?} {}",
        h.state().messages(),
        h.state().graph().node_count()
    );
    assert_eq!(h.state().history().log().len(), 1);
    assert!(!h.state().project().is_dirty());
}

fn drag(h: &mut egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>, key: &NodeKey) {
    let start = h.state().panel().screen_position(key).expect("drawn");
    h.event(Event::PointerMoved(start));
    h.run_steps(2);
    h.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::default(),
    });
    h.step();
    for k in 1..=8u8 {
        h.event(Event::PointerMoved(
            start + egui::vec2(6.0 * f32::from(k), 4.0 * f32::from(k)),
        ));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: start + egui::vec2(48.0, 32.0),
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::default(),
    });
    h.run_steps(3);
}

#[test]
fn a_drag_is_undone_and_redone() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::ToggleLayout);
    h.run_steps(3);
    let key = h.state().graph().nodes_sorted()[0].key.clone();
    let before = h.state().panel().placement(&key).expect("laid out");
    drag(&mut h, &key);
    let after = h.state().panel().placement(&key).expect("laid out");
    let moved = (after.pos[0] - before.pos[0]).abs() + (after.pos[1] - before.pos[1]).abs();
    assert!(after.pinned && moved > 1.0, "{before:?} -> {after:?}");
    undo(&mut h);
    assert_eq!(h.state().panel().placement(&key), Some(before));
    redo(&mut h);
    assert_eq!(h.state().panel().placement(&key), Some(after));
}

#[test]
fn a_layout_for_other_articles_asks_first_restores_the_view_and_is_undoable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::ToggleLayout);
    h.run_steps(3);
    let before = h.state().panel().snapshot();
    // Three nodes of the graph and many it does not have.
    let mut nodes: std::collections::BTreeMap<NodeKey, Placement> = before
        .nodes
        .keys()
        .take(3)
        .map(|k| {
            (
                k.clone(),
                Placement {
                    pos: [500.0, 500.0],
                    pinned: true,
                },
            )
        })
        .collect();
    for i in 0..40 {
        nodes.insert(
            NodeKey(format!("person:elsewhere-{i}")),
            Placement {
                pos: [0.0, 0.0],
                pinned: false,
            },
        );
    }
    let view = ViewState {
        zoom: 0.5,
        pan: [120.0, 80.0],
    };
    let path = dir.path().join("other.json");
    layout_file::write(&path, &LayoutFile::new(view, nodes.clone())).expect("write");

    load_layout(&mut h, &path);
    h.run_steps(2);
    assert!(h.state().asks_about_layout());
    assert_eq!(
        h.state().panel().snapshot().nodes,
        before.nodes,
        "nothing moved yet"
    );
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(!h.state().asks_about_layout());
    assert_eq!(h.state().panel().snapshot().nodes, before.nodes);

    h.run_steps(5);
    let before = h.state().panel().snapshot();
    load_layout(&mut h, &path);
    h.run_steps(2);
    h.get_by_label("Load it").click();
    h.run_steps(3);
    let loaded = h.state().panel().snapshot();
    let first = nodes.keys().next().unwrap();
    let at = loaded.nodes[first].pos;
    assert!(
        (at[0] - 500.0).abs() < 1e-3 && (at[1] - 500.0).abs() < 1e-3,
        "{at:?}"
    );
    assert!(loaded.nodes[first].pinned);
    assert_eq!(
        loaded.nodes.values().filter(|p| p.pinned).count(),
        3,
        "only the saved pins"
    );
    assert!(
        (h.state().panel().zoom() - 0.5).abs() < 1e-4,
        "the saved zoom"
    );
    assert_eq!(loaded.view, view, "the saved pan");

    undo(&mut h);
    let back = h.state().panel().snapshot();
    assert_eq!(back.nodes, before.nodes);
    // The view the load replaced comes back too.
    let Some(Step::Layout {
        before: replaced, ..
    }) = h.state().history().next_redo()
    else {
        panic!("the load is the step to redo");
    };
    assert_eq!(replaced.nodes, before.nodes);
    assert!(
        (h.state().panel().zoom() - replaced.view.zoom).abs() < 1e-4,
        "{} vs {:?}",
        h.state().panel().zoom(),
        replaced.view
    );
}

#[test]
fn corrections_export_as_a_lexicon_file_and_the_view_as_a_png() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let castillo = key_named(&h, "Ramon Castillo");
    let reyes = key_named(&h, "Maria Reyes");
    h.state_mut().apply(
        &ctx,
        Action::Correct(Correction::Merge {
            from: castillo.clone(),
            into: reyes.clone(),
        }),
    );
    let lexicon = dir.path().join("corrections.json");
    h.state_mut()
        .apply(&ctx, Action::ExportCorrectionsTo(lexicon.clone()));
    wait_for_message(&mut h, "Exported 1 alias and 0 not-actors");
    let file = newsgraph::extract::overrides::Overrides::from_json(
        &std::fs::read_to_string(&lexicon).expect("written"),
    )
    .expect("a corrections file");
    assert_eq!(file.aliases[0].from_key, castillo.0);
    assert_eq!(file.aliases[0].key, reyes.0);

    let png = dir.path().join("view.png");
    h.state_mut().apply(
        &ctx,
        Action::ExportImageTo(
            newsgraph::files::ImageExport {
                size: [320, 200],
                png: true,
            },
            png.clone(),
        ),
    );
    wait_for_message(&mut h, "Saved a 320 × 200 picture of the view");
    let bytes = std::fs::read(&png).expect("written");
    assert_eq!(&bytes[1..4], b"PNG");
    assert_eq!(
        u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]),
        320
    );
}

/// Issue 12: a correction saved in an earlier session is listed under Edit › Corrections…
/// with what it did and when, can be reverted there, and the revert is undone and redone
/// like any other step; the project saved after it no longer holds the correction.
#[test]
fn a_correction_of_an_earlier_session_is_reverted_from_the_list_and_ctrl_z_puts_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let lin = key_named(&h, "Lin Wenhao");
    let reyes = key_named(&h, "Maria Reyes");
    h.state_mut().apply(
        &ctx,
        Action::Correct(Correction::Rename {
            key: lin.clone(),
            name: "Spokesman Lin".into(),
        }),
    );
    h.state_mut().apply(
        &ctx,
        Action::Correct(Correction::Delete { key: reyes.clone() }),
    );
    let path = dir.path().join("last-week.newsgraph");
    h.state_mut()
        .apply(&ctx, Action::SaveProjectTo(path.clone()));
    wait_for_message(&mut h, "Saved the project");

    // The next session: the corrections came with the project, so Ctrl+Z has nothing to undo.
    let mut h = harness(Vec::new(), false);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::OpenProjectFrom(path.clone()));
    wait_for_job(&mut h);
    assert_eq!(name_of(&h, &lin).as_deref(), Some("Spokesman Lin"));
    assert!(!h.state().history().can_undo());
    let made = h.state().history().entries()[0].clone();
    assert!(made.made_secs.is_some(), "the time was saved with it");

    h.get_by_label("Edit").click();
    h.run_steps(1);
    h.get_by_label("Corrections…").click();
    h.run_steps(2);
    h.get_by_label("Rename Lin Wenhao to Spokesman Lin");
    h.get_by_label("Delete Maria Reyes");
    assert_eq!(h.get_all_by_label("Revert").count(), 2);
    h.get_all_by_label("Revert")
        .next()
        .expect("a button")
        .click_accesskit();
    h.run_steps(2);
    assert_eq!(name_of(&h, &lin).as_deref(), Some("Lin Wenhao"));
    assert!(
        h.state().graph().node(&reyes).is_none(),
        "the later one stays"
    );
    assert_eq!(
        h.state().history().log(),
        vec![Correction::Delete { key: reyes.clone() }]
    );
    assert!(h.state().project().is_dirty());
    assert_eq!(h.get_all_by_label("Revert").count(), 1);

    // Ctrl+Z puts it back where it was in the log, with its time; Ctrl+Shift+Z reverts again.
    undo(&mut h);
    assert_eq!(name_of(&h, &lin).as_deref(), Some("Spokesman Lin"));
    assert_eq!(h.state().history().entries()[0].made_secs, made.made_secs);
    assert_eq!(h.state().history().log().len(), 2);
    redo(&mut h);
    assert_eq!(name_of(&h, &lin).as_deref(), Some("Lin Wenhao"));

    // Saved and opened again: only the delete is left.
    h.state_mut()
        .apply(&ctx, Action::SaveProjectTo(path.clone()));
    wait_for_message(&mut h, "Saved the project");
    let mut h = harness(Vec::new(), false);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::OpenProjectFrom(path));
    wait_for_job(&mut h);
    assert_eq!(name_of(&h, &lin).as_deref(), Some("Lin Wenhao"));
    assert!(h.state().graph().node(&reyes).is_none());
    assert_eq!(h.state().history().log().len(), 1);
}
