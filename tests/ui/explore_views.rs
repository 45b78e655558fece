//! Views of the graph beyond find, focus and path (issue 11): the actor view.

use egui_kittest::kittest::Queryable;
use newsgraph::graph::{EdgeKind, NodeKey};
use newsgraph::ui::Action;
use newsgraph::ui::edge_detail::EdgeKey;
use newsgraph::ui::explore::Explore;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::{harness, key_named, wait_for_job};

#[test]
fn the_actor_view_folds_events_into_toned_actor_edges_and_back() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let full = h.state().graph().clone();
    // The actors taking part in an event with another actor.
    let g = full.graph();
    let actors: Vec<NodeKey> = full
        .nodes_sorted()
        .into_iter()
        .filter(|n| {
            n.kind.is_actor()
                && g.neighbors(full.index(&n.key).expect("in the graph"))
                    .filter(|&e| g[e].event.is_some())
                    .any(|e| {
                        g.neighbors_directed(e, petgraph::Direction::Incoming)
                            .any(|m| g[m].kind.is_actor() && g[m].key != n.key)
                    })
        })
        .map(|n| n.key.clone())
        .collect();
    let event = full
        .nodes_sorted()
        .into_iter()
        .find(|n| n.event.is_some())
        .map(|n| n.key.clone())
        .expect("the example has events");
    h.state_mut()
        .apply(&egui::Context::default(), Action::ToggleLayout);
    h.run_steps(3);
    let event_place = h.state().panel().position(&event).expect("drawn");

    h.get_by_label("Actor view").click();
    h.run_steps(3);
    let shown = h.state().shown_graph().clone();
    let keys: Vec<NodeKey> = shown.nodes_sorted().iter().map(|n| n.key.clone()).collect();
    assert_eq!(
        keys, actors,
        "the actor view shows the actors who share an event, and only them"
    );
    assert_eq!(h.state().panel().shown_count(), actors.len());
    assert!(!h.state().panel().is_shown(&event));
    let g = shown.graph();
    assert!(shown.edge_count() > 0, "actors share events");
    assert!(
        g.edge_weights()
            .all(|e| matches!(e.kind, EdgeKind::SharedEvents { .. })),
        "every edge is folded from events"
    );
    h.get_by_label("Mean tone:");
    // The kind legend counts what is drawn: no events.
    h.get_by_label("Event 0");

    // The pane of a folded edge lists the events behind it with their sentences.
    let reyes = key_named(&h, "Maria Reyes");
    let i = shown.index(&reyes).expect("Reyes is an actor");
    let e = g
        .edges(i)
        .next()
        .or_else(|| g.edges_directed(i, petgraph::Direction::Incoming).next())
        .expect("Reyes shares an event");
    let key = EdgeKey {
        source: g[e.source()].key.clone(),
        target: g[e.target()].key.clone(),
        kind: e.weight().kind,
    };
    let weight = e.weight().mentions;
    h.state_mut().apply(
        &egui::Context::default(),
        Action::Explore(Explore::SelectEdge(Some(key))),
    );
    h.run_steps(3);
    h.get_by_label(&format!("Events in common · {weight}"));
    h.get_by_label("Mean tone");
    assert!(
        !h.query_all_by_label_contains("Evidence ·")
            .collect::<Vec<_>>()
            .is_empty(),
        "the events' sentences are listed"
    );

    // A (the shortcut) brings the full graph back, events where they were.
    h.key_press(egui::Key::A);
    h.run_steps(3);
    assert!(!h.state().explorer().state.actor_view);
    assert_eq!(h.state().shown_graph().node_count(), full.node_count());
    assert!(h.state().panel().is_shown(&event));
    assert_eq!(
        h.state().panel().position(&event),
        Some(event_place),
        "the layout is kept across the toggle"
    );
}

/// Steps until the structure of the shown graph is computed (it runs on a worker thread).
pub(super) fn wait_for_structure(h: &mut egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>) {
    let start = std::time::Instant::now();
    loop {
        h.step();
        let revision = h.state().shown_graph().revision();
        if h.state().explorer().structure.ready(revision).is_some() {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "the structure was not computed"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run_steps(2);
}

#[test]
fn communities_colour_the_nodes_with_a_legend_and_pagerank_sizes_them() {
    use newsgraph::ui::structure_view::{SizeBy, community_color};
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let reyes = key_named(&h, "Maria Reyes");
    let kind_fill = h.state().panel().fill_of(&reyes).expect("drawn");
    h.get_by_label("Communities").click();
    wait_for_structure(&mut h);
    let graph = h.state().shown_graph().clone();
    let computed = h
        .state()
        .explorer()
        .structure
        .ready(graph.revision())
        .expect("computed");
    let v = computed.of(&graph, &reyes).expect("a vertex");
    let community = computed.figures.community[v];
    assert_eq!(
        h.state().panel().fill_of(&reyes),
        Some(community_color(community)),
        "coloured by community"
    );
    for n in graph.nodes_sorted() {
        let c = computed
            .of(&graph, &n.key)
            .map(|v| computed.figures.community[v]);
        assert_eq!(
            h.state().panel().fill_of(&n.key),
            c.map(community_color),
            "{} in its community's colour",
            n.key
        );
    }
    h.get_by_label_contains("communities · modularity");
    // The legend names the largest community by its best-known actors.
    let (size, names) = computed.legend[0].clone();
    h.get_by_label(&format!("{names} ({size})"));
    // The toolbar's kind legend now speaks of shapes: its tooltip says colours are communities.
    h.get_by_label_contains("Person ").hover();
    h.run_steps(30);
    h.get_by_label_contains("colours show communities; the shape shows the kind");

    // PageRank: the node of highest rank is drawn largest.
    h.state_mut().apply(
        &egui::Context::default(),
        Action::Explore(Explore::SizeBy(SizeBy::PageRank)),
    );
    h.run_steps(3);
    let computed = h
        .state()
        .explorer()
        .structure
        .ready(graph.revision())
        .expect("still computed");
    let pr = &computed.figures.pagerank;
    let top = graph
        .nodes_sorted()
        .into_iter()
        .max_by(|a, b| {
            let rank = |k: &NodeKey| computed.of(&graph, k).map_or(0.0, |v| pr[v]);
            rank(&a.key).total_cmp(&rank(&b.key))
        })
        .map(|n| n.key.clone())
        .expect("nodes");
    let largest = graph
        .nodes_sorted()
        .into_iter()
        .map(|n| h.state().panel().radius_of(&n.key).unwrap_or(0.0))
        .fold(0.0_f32, f32::max);
    assert_eq!(h.state().panel().radius_of(&top), Some(largest));
    h.key_press(egui::Key::C);
    h.run_steps(2);
    assert_eq!(
        h.state().panel().fill_of(&reyes),
        Some(kind_fill),
        "C: back to kinds"
    );
    for n in graph.nodes_sorted() {
        assert_eq!(
            h.state().panel().fill_of(&n.key),
            Some(newsgraph::ui::theme::node_color(n.kind))
        );
    }
}

#[test]
fn the_table_sorts_selects_and_copies_as_csv() {
    use newsgraph::ui::table::RowKey;
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.get_by_label("Table").click();
    wait_for_structure(&mut h);
    let graph = h.state().shown_graph().clone();
    let rows = |h: &egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>| -> Vec<NodeKey> {
        h.state()
            .explorer()
            .table
            .rows()
            .iter()
            .filter_map(|r| match &r.key {
                RowKey::Node(k) => Some(k.clone()),
                RowKey::Edge(_) => None,
            })
            .collect()
    };
    let mentions = |k: &NodeKey| graph.node(k).map_or(0, |n| n.mentions);
    let order = rows(&h);
    assert_eq!(order.len(), graph.node_count());
    assert!(
        order.windows(2).all(|w| mentions(&w[0]) >= mentions(&w[1])),
        "most mentioned first"
    );
    // Sort by name, A to Z.
    h.get_by_label("Name").click();
    h.run_steps(2);
    let names: Vec<String> = rows(&h)
        .iter()
        .map(|k| {
            graph
                .node(k)
                .map(|n| n.name.to_lowercase())
                .unwrap_or_default()
        })
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    // Click a row: its node is selected. (The row shows the name as the fonts can draw it:
    // an event's "→" as "➡".)
    let first = rows(&h)[0].clone();
    let name = graph.node(&first).map(|n| n.name.clone()).expect("a node");
    h.get_by_label(&newsgraph::ui::theme::displayable(&name))
        .click();
    h.run_steps(3);
    assert_eq!(h.state().selected(), Some(&first));
    // Copy as CSV: a header and one line per node.
    h.get_by_label("Copy as CSV").click();
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let csv = copied.last().expect("the table was copied");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("Name,Kind,Mentions,Degree,PageRank,Betweenness,Community,First date,Last date")
    );
    assert_eq!(lines.count(), graph.node_count());
    // The edges tab.
    h.get_by_label(&format!("Edges ({})", graph.edge_count()))
        .click();
    h.run_steps(2);
    assert_eq!(h.state().explorer().table.rows().len(), graph.edge_count());
}

#[test]
fn own_articles_replace_the_example_are_not_added_twice_and_can_be_removed() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    assert_eq!(h.state().graph().articles().len(), 1, "the example");
    let ctx = egui::Context::default();
    let open = |h: &mut egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>, files: &[&str]| {
        let paths = files.iter().map(|f| super::fixture(f)).collect();
        h.state_mut()
            .apply(&egui::Context::default(), Action::OpenPaths(paths));
        wait_for_job(h);
    };
    open(&mut h, &["summit.html"]);
    let titles: Vec<String> = h
        .state()
        .graph()
        .articles()
        .iter()
        .map(|a| a.source.clone())
        .collect();
    assert_eq!(titles.len(), 1, "the example gave way: {titles:?}");
    assert!(titles[0].ends_with("summit.html"));
    // The same content again (and a new one): only the new one is added.
    open(&mut h, &["summit.html", "messy.txt"]);
    assert_eq!(h.state().graph().articles().len(), 2);
    assert!(
        h.state().messages().iter().any(|m| m
            .text
            .starts_with("Already in the graph, so not added again")),
        "the user is told"
    );
    // Remove the first from the list of articles: the graph is the second's alone, and the
    // nodes that stay keep their places.
    h.state_mut().apply(&ctx, Action::ToggleLayout);
    h.get_by_label("Articles").click();
    h.run_steps(3);
    let second = h.state().graph().articles()[1].title.clone();
    let kept: Vec<(NodeKey, [f32; 2])> = h
        .state()
        .graph()
        .nodes_sorted()
        .iter()
        .filter(|n| n.evidence.iter().all(|e| e.article.0 == 1))
        .filter_map(|n| Some((n.key.clone(), h.state().panel().position(&n.key)?)))
        .collect();
    assert!(!kept.is_empty(), "the second article has nodes of its own");
    h.query_all_by_label("Remove")
        .next()
        .expect("a Remove button per article")
        .click();
    h.run_steps(3);
    let graph = h.state().graph().clone();
    assert_eq!(graph.articles().len(), 1);
    assert_eq!(graph.articles()[0].title, second);
    for (k, p) in &kept {
        assert_eq!(
            h.state().panel().position(k),
            Some(*p),
            "{k} kept its place"
        );
    }
}

#[test]
fn the_time_strip_brush_filters_to_a_period_and_steps_along() {
    use egui::{Event, PointerButton};
    let mut h = harness(
        vec![super::fixture("summit.html"), super::fixture("messy.txt")],
        false,
    );
    wait_for_job(&mut h);
    let graph = h.state().graph().clone();
    let dates: Vec<Option<String>> = graph.articles().iter().map(|a| a.date.clone()).collect();
    assert_eq!(
        dates,
        vec![
            Some("2026-01-15".to_string()),
            Some("2026-03-14".to_string())
        ],
        "the fixtures' publication dates"
    );
    let events_of = |article: u32| -> Vec<NodeKey> {
        graph
            .nodes_sorted()
            .into_iter()
            .filter(|n| n.event.is_some() && n.evidence.iter().all(|e| e.article.0 == article))
            .map(|n| n.key.clone())
            .collect()
    };
    let (january, march) = (events_of(0), events_of(1));
    assert!(!january.is_empty() && !march.is_empty());
    h.get_by_label("Timeline").click();
    h.run_steps(3);
    h.get_by_label_contains("dated events");
    let bars = h
        .state()
        .explorer()
        .time
        .bars_rect()
        .expect("the bars are drawn");
    // Drag across the first bar only (of twelve months).
    let w = bars.width() / 12.0;
    let (from, to) = (
        egui::pos2(bars.left() + w * 0.2, bars.center().y),
        egui::pos2(bars.left() + w * 0.8, bars.center().y),
    );
    h.event(Event::PointerMoved(from));
    h.step();
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    for k in 1..=5 {
        h.event(Event::PointerMoved(from + (to - from) * (k as f32 / 5.0)));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(3);
    let period = h.state().explorer().state.filter.period.clone();
    let period = period.expect("the brush set a period");
    assert_eq!(
        (period.from.as_str(), period.to.as_str()),
        ("2026-01-01", "2026-01-31")
    );
    assert!(
        h.state().panel().is_shown(&january[0]),
        "January's events show"
    );
    assert!(!h.state().panel().is_shown(&march[0]), "March's are hidden");
    h.get_by_label_contains("Showing 2026-01-01 to 2026-01-31 ·");
    // Two steps forward: March.
    h.get_by_label("▶").click();
    h.run_steps(2);
    h.get_by_label("▶").click();
    h.run_steps(3);
    assert!(h.state().panel().is_shown(&march[0]));
    assert!(!h.state().panel().is_shown(&january[0]));
    h.get_by_label("All time").click();
    h.run_steps(3);
    assert!(h.state().panel().is_shown(&january[0]) && h.state().panel().is_shown(&march[0]));
}

#[test]
fn help_lists_the_shortcuts_and_the_theme_can_be_chosen() {
    use newsgraph::ui::help::ThemeChoice;
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    h.get_by_label("Help").click();
    h.run_steps(2);
    // Menu items carry their shortcut in the label ("Keyboard shortcuts F1").
    h.get_by_label_contains("Keyboard shortcuts").click();
    h.run_steps(3);
    h.get_by_label("Actor view on or off");
    h.get_by_label("Find a node by name, other name or role");
    h.key_press(egui::Key::F1);
    h.run_steps(2);
    assert!(
        h.query_by_label("Actor view on or off").is_none(),
        "F1 closes it"
    );
    // Follows the system by default (dark where it says nothing); Light on request.
    assert_eq!(h.state().explorer().state.theme, ThemeChoice::System);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    h.state_mut().apply(
        &egui::Context::default(),
        Action::Explore(Explore::SetTheme(ThemeChoice::Light)),
    );
    h.run_steps(3);
    assert_eq!(h.ctx.theme(), egui::Theme::Light, "light");
}

/// The actor pairs (smaller key first) sharing an event that `keep` accepts, walked here from
/// the domain graph's `ParticipatesIn` edges rather than through the fold.
fn pairs_sharing(
    graph: &newsgraph::graph::NewsGraph,
    keep: impl Fn(&newsgraph::graph::Node) -> bool,
) -> std::collections::BTreeSet<(NodeKey, NodeKey)> {
    let g = graph.graph();
    let mut pairs = std::collections::BTreeSet::new();
    for e in g
        .node_indices()
        .filter(|&e| g[e].event.is_some() && keep(&g[e]))
    {
        let mut actors: Vec<NodeKey> = g
            .edges_directed(e, petgraph::Direction::Incoming)
            .filter(|r| {
                r.weight().kind == EdgeKind::ParticipatesIn && g[r.source()].kind.is_actor()
            })
            .map(|r| g[r.source()].key.clone())
            .collect();
        actors.sort();
        actors.dedup();
        for (k, a) in actors.iter().enumerate() {
            for b in &actors[k + 1..] {
                pairs.insert((a.clone(), b.clone()));
            }
        }
    }
    pairs
}

#[test]
fn the_period_folds_only_its_events_into_the_actor_view_and_counts_the_actors_left_out() {
    use newsgraph::graph::timeline::Period;
    use newsgraph::graph::view_filter::ViewFilter;
    let mut h = harness(
        vec![super::fixture("summit.html"), super::fixture("messy.txt")],
        false,
    );
    wait_for_job(&mut h);
    let domain = h.state().graph().clone();
    // The fixtures' events carry the articles' publication dates: January and March.
    let in_january = |n: &newsgraph::graph::Node| n.evidence.iter().all(|e| e.article.0 == 0);
    let everyone = pairs_sharing(&domain, |_| true);
    let january = pairs_sharing(&domain, in_january);
    assert!(!january.is_empty(), "January's actors share events");
    assert!(
        everyone.len() > january.len(),
        "March's events join other pairs"
    );
    let actors_of = |pairs: &std::collections::BTreeSet<(NodeKey, NodeKey)>| {
        pairs
            .iter()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .collect::<std::collections::BTreeSet<NodeKey>>()
    };
    h.state_mut().apply(
        &egui::Context::default(),
        Action::Explore(Explore::SetFilter(ViewFilter {
            period: Some(Period {
                from: "2026-01-01".into(),
                to: "2026-01-31".into(),
            }),
            ..ViewFilter::default()
        })),
    );
    h.run_steps(3);
    // The full graph: the direct actor–actor edges (acts) go with their events' dates.
    let g = domain.graph();
    let acts: Vec<_> = g
        .edge_references()
        .filter(|e| matches!(e.weight().kind, EdgeKind::Acted(_)))
        .collect();
    let march_acts = acts
        .iter()
        .filter(|e| e.weight().evidence.iter().all(|v| v.article.0 == 1))
        .count();
    assert!(march_acts > 0, "March has acts");
    for e in &acts {
        let in_january = e.weight().evidence.iter().any(|v| v.article.0 == 0);
        assert_eq!(
            h.state()
                .panel()
                .edge_is_shown(&g[e.source()].key, &g[e.target()].key),
            in_january,
            "{} {} {}",
            g[e.source()].name,
            e.weight().kind.label(),
            g[e.target()].name
        );
    }

    h.get_by_label("Actor view").click();
    h.run_steps(3);
    let shown = h.state().shown_graph().clone();
    let g = shown.graph();
    let drawn: std::collections::BTreeSet<(NodeKey, NodeKey)> = g
        .edge_references()
        .filter(|e| {
            h.state()
                .panel()
                .edge_is_shown(&g[e.source()].key, &g[e.target()].key)
        })
        .map(|e| {
            let (a, b) = (g[e.source()].key.clone(), g[e.target()].key.clone());
            if a <= b { (a, b) } else { (b, a) }
        })
        .collect();
    assert_eq!(drawn, january, "only January's shared events are drawn");
    let shown_actors: std::collections::BTreeSet<NodeKey> = shown
        .nodes_sorted()
        .into_iter()
        .map(|n| n.key.clone())
        .filter(|k| h.state().panel().is_shown(k))
        .collect();
    assert_eq!(shown_actors, actors_of(&january));
    // The actors who share only March's events are counted as hidden by the period.
    let left_out = actors_of(&everyone).len() - actors_of(&january).len();
    assert!(left_out > 0);
    h.get_by_label(&format!("Filter ({left_out} hidden)"))
        .click();
    h.run_steps(3);
    h.get_by_label_contains(&format!(
        "{left_out} of {} nodes hidden: 0 by kind, 0 by category, {left_out} by period,",
        actors_of(&everyone).len()
    ));
}

#[test]
fn exported_pictures_follow_the_theme_and_show_what_the_canvas_shows() {
    use newsgraph::files::ImageExport;
    use newsgraph::ui::help::ThemeChoice;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let export =
        |h: &mut egui_kittest::Harness<'_, newsgraph::app::NewsgraphApp>, name: &str, png: bool| {
            let path = dir.path().join(name);
            h.state_mut().apply(
                &ctx,
                Action::ExportImageTo(
                    ImageExport {
                        size: [320, 200],
                        png,
                    },
                    path.clone(),
                ),
            );
            super::wait_for_message(
                h,
                &format!(
                    "Saved a 320 × 200 picture of the {}",
                    if png { "view" } else { "graph" }
                ),
            );
            while !h.state().messages().is_empty() {
                h.state_mut().apply(&ctx, Action::DismissMessage(0));
            }
            std::fs::read(&path).expect("written")
        };
    let corner = |png: &[u8]| {
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).expect("a PNG");
        let p = pixmap.pixel(1, 1).expect("in the picture");
        [p.red(), p.green(), p.blue()]
    };
    let fill = |v: &egui::Visuals| [v.panel_fill.r(), v.panel_fill.g(), v.panel_fill.b()];
    for (choice, visuals) in [
        (ThemeChoice::Light, egui::Visuals::light()),
        (ThemeChoice::Dark, egui::Visuals::dark()),
    ] {
        h.state_mut()
            .apply(&ctx, Action::Explore(Explore::SetTheme(choice)));
        h.run_steps(3);
        let png = export(&mut h, &format!("{choice:?}.png"), true);
        assert_eq!(corner(&png), fill(&visuals), "{choice:?} background");
        let svg =
            String::from_utf8(export(&mut h, &format!("{choice:?}.svg"), false)).expect("text");
        let [r, g, b] = fill(&visuals);
        assert!(
            svg.contains(&format!("fill=\"#{r:02x}{g:02x}{b:02x}\"")),
            "{choice:?} SVG background"
        );
    }
    // Events and issues are drawn as polygons; the actor view has none of them.
    let whole = String::from_utf8(export(&mut h, "full.svg", false)).expect("text");
    assert!(whole.contains("<polygon"));
    h.get_by_label("Actor view").click();
    h.run_steps(3);
    let actors = String::from_utf8(export(&mut h, "actors.svg", false)).expect("text");
    assert!(
        !actors.contains("<polygon"),
        "only actors in the actor view's picture"
    );
    assert_eq!(
        actors.matches("<circle").count() + actors.matches("<rect x=").count(),
        h.state().shown_graph().node_count()
    );
}

#[test]
fn a_picture_draws_edges_in_the_canvas_colours_and_leaves_out_the_acts_the_filter_hides() {
    use newsgraph::files::ImageExport;
    use newsgraph::graph::timeline::Period;
    use newsgraph::graph::view_filter::ViewFilter;
    use newsgraph::ui::help::ThemeChoice;
    use newsgraph::ui::theme;
    use std::collections::BTreeMap;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(
        vec![super::fixture("summit.html"), super::fixture("messy.txt")],
        false,
    );
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::Explore(Explore::SetTheme(ThemeChoice::Light)));
    // January only: March's acts are hidden though both their actors stay shown.
    let filter = ViewFilter {
        period: Some(Period {
            from: "2026-01-01".into(),
            to: "2026-01-31".into(),
        }),
        ..ViewFilter::default()
    };
    h.state_mut()
        .apply(&ctx, Action::Explore(Explore::SetFilter(filter.clone())));
    h.run_steps(3);
    let graph = h.state().graph().clone();
    let g = graph.graph();
    let between_shown: Vec<_> = g
        .edge_references()
        .filter(|e| {
            let panel = h.state().panel();
            panel.is_shown(&g[e.source()].key) && panel.is_shown(&g[e.target()].key)
        })
        .collect();
    let drawn: Vec<_> = between_shown
        .iter()
        .filter(|e| filter.act_passes(&graph, e.id()))
        .collect();
    assert!(
        drawn.len() < between_shown.len(),
        "the filter hides an act between two shown actors"
    );
    assert!(
        drawn
            .iter()
            .any(|e| matches!(e.weight().kind, EdgeKind::Acted(_)))
    );
    // Lines per stroke colour: what the canvas draws, in its colours.
    let hex = |c: egui::Color32| {
        let [r, g, b, _] = c.to_srgba_unmultiplied();
        format!("#{r:02x}{g:02x}{b:02x}")
    };
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for e in &drawn {
        *expected
            .entry(hex(theme::edge_color(e.weight().kind, false)))
            .or_default() += 1;
    }
    assert!(expected.len() >= 2, "edges of two colours: {expected:?}");
    let path = dir.path().join("january.svg");
    h.state_mut().apply(
        &ctx,
        Action::ExportImageTo(
            ImageExport {
                size: [640, 400],
                png: false,
            },
            path.clone(),
        ),
    );
    super::wait_for_message(&mut h, "Saved a 640 × 400 picture of the graph");
    let svg = std::fs::read_to_string(&path).expect("written");
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut stroke = String::new();
    for l in svg.lines() {
        if let Some(rest) = l.strip_prefix("<g stroke=\"") {
            stroke = rest[..rest.find('"').expect("closed")].to_string();
        } else if l.starts_with("<line") {
            *lines.entry(stroke.clone()).or_default() += 1;
        }
    }
    assert_eq!(lines, expected, "{svg}");
}
