//! The detail pane's "why" (issue 14): how an actor's mentions came out as they did.

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use newsgraph::graph::NodeKind;
use newsgraph::ui::Action;

use super::{fixture, harness, key_named, wait_for_job};

#[test]
fn the_detail_pane_says_why_a_person_is_a_person_and_events_have_no_such_section() {
    let mut h = harness(Vec::new(), true);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let person = key_named(&h, "Daniel Whitfield");
    h.state_mut()
        .apply(&ctx, Action::Select(Some(person.clone())));
    h.run_steps(2);
    h.get_by_label("Why a person?").click();
    // The articles are read again on a worker: step until its answer is drawn.
    let start = Instant::now();
    h.step();
    while h.query_by_label("result").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no answer to why"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run_steps(2);
    // The chain: the tagger's row, and an outcome naming this very node.
    assert!(h.query_by_label("tagger").is_some());
    let outcome = format!("person {}", person.0);
    assert!(
        h.query_by_label(&outcome).is_some(),
        "the answer ends with {outcome}"
    );

    // An event is no actor: it has its pane, without the section.
    let event = h
        .state()
        .graph()
        .nodes_sorted()
        .into_iter()
        .find(|n| n.kind == NodeKind::Event)
        .map(|n| n.key.clone())
        .expect("the example has events");
    h.state_mut().apply(&ctx, Action::Select(Some(event)));
    h.run_steps(2);
    assert!(h.query_by_label("Who ➡ whom").is_some() || h.query_by_label("Type").is_some());
    assert!(h.query_by_label_contains("Why a").is_none());
}

#[test]
fn the_detail_pane_says_why_a_group_is_a_group() {
    let mut h = harness(vec![fixture("rebels.txt")], false);
    wait_for_job(&mut h);
    let ctx = h.ctx.clone();
    let group = key_named(&h, "Sudanese rebels");
    h.state_mut().apply(&ctx, Action::Select(Some(group)));
    h.run_steps(2);
    h.get_by_label("Why a group?").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("people group 'rebels'").is_some(),
        "the section names the lexicon's group"
    );
    assert!(
        h.query_by_label_contains("qualified by Sudan alone")
            .is_some()
    );
}
