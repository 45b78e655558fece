//! A project keeps how the graph was being explored: filters set in the panel and community
//! colours come back when it is opened in a fresh window, and the panel says what they hide
//! (issue 12).

use egui::accesskit::Toggled;
use egui_kittest::kittest::{NodeT, Queryable};
use newsgraph::graph::NodeKind;
use newsgraph::ui::Action;
use newsgraph::ui::explore::Explore;
use newsgraph::ui::structure_view::SizeBy;

use super::{fixture, harness, wait_for_job, wait_for_message};

/// Whether the checkbox or selectable button with this label is on.
fn toggled(h: &egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>, label: &str) -> bool {
    let node = h.get_by_label(label).accesskit_node();
    node.toggled() == Some(Toggled::True) || node.is_selected() == Some(true)
}

#[test]
fn filters_set_in_the_panel_come_back_with_the_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let total = h.state().graph().node_count();
    let orgs = h
        .state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Organization)
        .count();
    assert!(orgs > 0, "the example has organizations");
    let organizations = format!("Organization ({orgs})");

    h.get_by_label("Filter").click();
    h.run_steps(2);
    assert!(toggled(&h, &organizations), "shown before");
    assert!(!toggled(&h, "Hide isolates"));
    h.get_by_label(&organizations).click();
    h.run_steps(2);
    h.get_by_label("Hide isolates").click();
    h.run_steps(2);
    h.get_by_label("Communities").click();
    h.run_steps(3);
    let set = h.state().explorer().state.clone();
    assert_eq!(set.filter.hidden_kinds, vec![NodeKind::Organization]);
    assert!(set.filter.hide_isolates);
    assert!(set.communities);
    let shown = h.state().panel().shown_count();
    assert!(shown + orgs <= total, "{shown} of {total} shown");
    let hidden = total - shown;
    h.get_by_label(&format!("Filter ({hidden} hidden)"));
    assert!(
        h.state().project().is_dirty(),
        "a filter is a change the project keeps"
    );

    let path = dir.path().join("filtered.newsgraph");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::SaveProjectTo(path.clone()));
    wait_for_message(&mut h, "Saved the project");
    assert!(!h.state().project().is_dirty());

    // A fresh window, without the example: nothing filtered until the project opens.
    let mut h = harness(Vec::new(), false);
    assert!(!h.state().explorer().state.filter.is_active());
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::OpenProjectFrom(path));
    wait_for_job(&mut h);
    let opened = wait_for_message(&mut h, "Opened the project");
    assert!(
        opened.text.contains("Its filters are on"),
        "the message says so: {}",
        opened.text
    );
    h.run_steps(3);
    let back = h.state().explorer().state.clone();
    assert_eq!(back.filter, set.filter);
    assert!(back.communities);
    assert!(back.show_filters, "the panel is open");
    assert_eq!(h.state().graph().node_count(), total);
    assert_eq!(h.state().panel().shown_count(), shown);
    // The panel shows the filter as it was set, with the counts of what it hides.
    h.get_by_label(&format!("Filter ({hidden} hidden)"));
    h.get_by_label_contains(&format!("{hidden} of {total} nodes hidden"));
    assert!(!toggled(&h, &organizations), "organizations stay hidden");
    assert!(toggled(&h, "Hide isolates"));
    assert!(!h.state().project().is_dirty(), "opened as saved");

    // Showing everything again is a change to save.
    h.get_by_label("Show everything").click();
    h.run_steps(3);
    assert_eq!(h.state().panel().shown_count(), total);
    assert!(h.state().project().is_dirty());
}

#[test]
fn the_actor_view_and_sizes_come_back_with_the_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    assert!(!toggled(&h, "Actor view"));
    h.get_by_label("Actor view").click();
    h.run_steps(3);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::Explore(Explore::SizeBy(SizeBy::Degree)));
    h.run_steps(3);
    let actors = h.state().shown_graph().node_count();
    assert!(
        actors < h.state().graph().node_count(),
        "the actor view folds the events"
    );
    assert!(h.state().project().is_dirty());
    let path = dir.path().join("actors.newsgraph");
    h.state_mut()
        .apply(&ctx, Action::SaveProjectTo(path.clone()));
    wait_for_message(&mut h, "Saved the project");

    let mut h = harness(Vec::new(), false);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::OpenProjectFrom(path));
    wait_for_job(&mut h);
    let opened = wait_for_message(&mut h, "Opened the project");
    assert!(!opened.text.contains("filters"), "{}", opened.text);
    h.run_steps(3);
    let back = h.state().explorer().state.clone();
    assert!(back.actor_view);
    assert_eq!(back.size_by, SizeBy::Degree);
    assert!(!back.show_filters, "nothing filtered, the panel stays shut");
    let shown = h.state().shown_graph();
    assert_eq!(shown.node_count(), actors);
    assert!(
        shown
            .nodes_sorted()
            .iter()
            .all(|n| n.kind != NodeKind::Event)
    );
    assert_eq!(h.state().panel().shown_count(), actors);
    assert!(
        toggled(&h, "Actor view"),
        "the focus bar shows the actor view on"
    );
    assert!(!h.state().project().is_dirty(), "opened as saved");
}

#[test]
fn a_countrys_rebels_are_a_group_the_filter_can_hide() {
    let mut h = harness(vec![fixture("rebels.txt")], false);
    wait_for_job(&mut h);
    let groups: Vec<String> = h
        .state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Group)
        .map(|n| n.name.clone())
        .collect();
    assert_eq!(groups, vec!["Sudanese rebels".to_owned()]);
    h.get_by_label("Filter").click();
    h.run_steps(2);
    assert!(toggled(&h, "Group (1)"), "shown before");
    h.get_by_label("Group (1)").click();
    h.run_steps(2);
    assert_eq!(
        h.state().explorer().state.filter.hidden_kinds,
        vec![NodeKind::Group]
    );
    // Sudan itself stays shown.
    assert!(toggled(&h, "Country (1)"));
}
