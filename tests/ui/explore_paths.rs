//! Paths, the community legend and the canvas's theme (issue 11): every shortest path between
//! two invented envoys, a community picked in the legend, light and dark canvas colours.

use egui_kittest::kittest::Queryable;
use newsgraph::graph::NodeKey;
use newsgraph::ui::Action;
use newsgraph::ui::explore::Explore;

use super::explore_views::wait_for_structure;
use super::{fixture, harness, key_named, wait_for_job};

#[test]
fn every_shortest_path_between_two_invented_envoys_is_drawn_and_told() {
    // Lena Varga met Oskar Brandt and Ines Falk; each of them met Tomas Rieger.
    let mut h = harness(vec![fixture("two-routes.txt")], false);
    wait_for_job(&mut h);
    let ctx = egui::Context::default();
    let [varga, brandt, falk, rieger] =
        ["Lena Varga", "Oskar Brandt", "Ines Falk", "Tomas Rieger"].map(|n| key_named(&h, n));
    h.state_mut()
        .apply(&ctx, Action::Select(Some(varga.clone())));
    h.run_steps(2);
    h.get_by_label("Path from here").click();
    h.run_steps(2);
    h.state_mut()
        .apply(&ctx, Action::Select(Some(rieger.clone())));
    h.run_steps(2);
    h.get_by_label("Path to here").click();
    h.run_steps(3);

    let paths = h.state().explorer().paths_keys(h.state().graph());
    assert_eq!(h.state().explorer().path_count(), 2, "{paths:?}");
    let mut middles: Vec<&NodeKey> = paths.iter().map(|p| &p[1]).collect();
    middles.sort();
    let mut want = vec![&brandt, &falk];
    want.sort();
    assert_eq!(middles, want, "one path through each envoy");
    for p in &paths {
        assert_eq!(
            (p.len(), p.first(), p.last()),
            (3, Some(&varga), Some(&rieger))
        );
    }
    h.get_by_label("Lena Varga to Tomas Rieger in 2 steps");
    h.get_by_label("2 shortest paths, the most mentioned first");
    h.get_by_label_contains("1. via ");
    h.get_by_label_contains("2. via ");
    // The first path is open with the sentence of each step.
    let first_middle = h
        .state()
        .graph()
        .node(&paths[0][1])
        .expect("in the graph")
        .name
        .clone();
    let sentence = format!("{first_middle} met Tomas Rieger in Graz");
    assert!(
        h.query_all_by_label_contains(&sentence).next().is_some(),
        "{sentence}"
    );
    // Both paths are stressed on the canvas; the meetings' event nodes are not on them.
    for k in [&varga, &brandt, &falk, &rieger] {
        assert!(h.state().panel().is_stressed(k), "{k} is on a path");
    }
    let event = h
        .state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .find(|n| n.event.is_some())
        .map(|n| n.key.clone())
        .expect("the meetings are events");
    assert!(!h.state().panel().is_stressed(&event));
    h.get_by_label("Clear path").click();
    h.run_steps(2);
    assert!(
        h.state()
            .explorer()
            .paths_keys(h.state().graph())
            .is_empty()
    );
    assert_eq!(h.state().explorer().path_count(), 0);
}

#[test]
fn a_click_on_a_community_in_the_legend_stresses_it_and_show_all_lets_go() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.get_by_label("Communities").click();
    wait_for_structure(&mut h);
    let graph = h.state().shown_graph().clone();
    let computed = h
        .state()
        .explorer()
        .structure
        .ready(graph.revision())
        .expect("computed");
    assert!(computed.legend.len() >= 2, "the example has communities");
    let (size, names) = computed.legend[1].clone();
    let member = |k: &NodeKey| {
        computed
            .of(&graph, k)
            .map(|v| computed.figures.community[v])
    };
    let nodes: Vec<(NodeKey, Option<u32>)> = graph
        .nodes_sorted()
        .into_iter()
        .map(|n| (n.key.clone(), member(&n.key)))
        .collect();
    h.get_by_label(&format!("{names} ({size})")).click();
    h.run_steps(3);
    assert_eq!(h.state().explorer().state.community, Some(1));
    for (k, c) in &nodes {
        assert_eq!(
            h.state().panel().is_stressed(k),
            *c == Some(1),
            "{k} stressed only in the second community"
        );
    }
    // A click on the picked community lets it go.
    h.get_by_label(&format!("{names} ({size})")).click();
    h.run_steps(3);
    assert_eq!(h.state().explorer().state.community, None);
    assert!(nodes.iter().all(|(k, _)| h.state().panel().is_stressed(k)));
    // So does Show all.
    h.get_by_label(&format!("{names} ({size})")).click();
    h.run_steps(3);
    h.get_by_label("Show all").click();
    h.run_steps(3);
    assert_eq!(h.state().explorer().state.community, None);
    assert!(nodes.iter().all(|(k, _)| h.state().panel().is_stressed(k)));
}

/// Perceived brightness, 0–255.
fn luma(c: egui::Color32) -> f32 {
    0.299 * f32::from(c.r()) + 0.587 * f32::from(c.g()) + 0.114 * f32::from(c.b())
}

#[test]
fn the_light_theme_draws_the_canvas_in_light_colours() {
    use newsgraph::ui::help::ThemeChoice;
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.run_steps(2);
    let dark = h.state().panel().colors();
    let background = h.ctx.global_style().visuals.panel_fill;
    assert!(dark.dark, "dark where the system says nothing");
    assert!(
        luma(dark.label) - luma(background) > 150.0,
        "light labels on dark"
    );
    h.state_mut().apply(
        &egui::Context::default(),
        Action::Explore(Explore::SetTheme(ThemeChoice::Light)),
    );
    h.run_steps(3);
    let light = h.state().panel().colors();
    let background = h.ctx.global_style().visuals.panel_fill;
    assert!(!light.dark, "the canvas follows the theme");
    assert!(
        luma(background) - luma(light.label) > 150.0,
        "dark labels on light"
    );
    assert_ne!(light.selected, dark.selected);
    // Node outlines are a darker shade of their fill, so pale fills keep an edge.
    let fill = newsgraph::ui::theme::node_color(newsgraph::graph::NodeKind::Person);
    assert!(luma(light.outline(fill)) < luma(fill) - 40.0);
    h.state_mut().apply(
        &egui::Context::default(),
        Action::Explore(Explore::SetTheme(ThemeChoice::Dark)),
    );
    h.run_steps(3);
    assert_eq!(h.state().panel().colors(), dark, "and back");
}
