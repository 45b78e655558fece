//! Stage tests for reactions that answer the clause before them: "…, a charge Santiago
//! denied", "…, which Santiago denied", "…, a move Lima condemned"; and two readings the
//! stop-34 sample showed wrong (a word in quotation marks, a state of mind one "should" be in).

use super::tests::{act, acts, run};

#[test]
fn a_charge_denied_after_a_comma_answers_the_accuser() {
    let x = run("Norway accused Chile of violating the treaty, a charge Santiago denied.");
    let got = acts(&x);
    assert!(
        got.contains(&act("REJECT", Some("country:CHL"), &["country:NOR"])),
        "{got:?}"
    );
    // The accusation keeps its target, which the parser had given to the denial as subject.
    let y = run(
        "Norway accused Chile on Tuesday of shelling villages along the border, a charge Santiago denied.",
    );
    let got = acts(&y);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    assert!(
        got.contains(&act("REJECT", Some("country:CHL"), &["country:NOR"])),
        "{got:?}"
    );
    let z = run("Norway accused Chile of violating the treaty, which Santiago denied.");
    let got = acts(&z);
    assert!(
        got.contains(&act("REJECT", Some("country:CHL"), &["country:NOR"])),
        "{got:?}"
    );
}

#[test]
fn a_move_condemned_after_a_comma_is_aimed_at_who_made_it() {
    let x = run("Norway sent two frigates to the disputed islands, a move Lima condemned.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:PER"), &["country:NOR"])),
        "{got:?}"
    );
    // Without the comma and the summing noun, the reaction is no answer to the clause.
    let y = run("Norway sent two frigates to the islands and Lima condemned the fishing quotas.");
    let got = acts(&y);
    assert!(
        got.iter()
            .all(|(c, _, t)| c != "DISAPPROVE" || !t.contains(&"country:NOR".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_noun_alone_in_quotation_marks_is_a_figure_of_speech() {
    let x = run("Ana Ruiz said there had been an \"explosion\" of Chilean agencies.");
    let got = acts(&x);
    assert!(got.iter().all(|(c, _, _)| c != "ASSAULT"), "{got:?}");
    // Without the marks, a blast is reported as one.
    let y = run("Norwegian rebels caused an explosion at a Chilean army base.");
    let got = acts(&y);
    assert!(got.iter().any(|(c, _, _)| c == "ASSAULT"), "{got:?}");
}

#[test]
fn a_state_of_mind_one_should_be_in_is_no_demand() {
    let x = run("Ana Ruiz said Chilean ministers should expect the bill to be re-written.");
    let got = acts(&x);
    assert!(got.iter().all(|(c, _, _)| c != "DEMAND"), "{got:?}");
    // An act one should do still is.
    let y = run("Ana Ruiz said Chilean ministers should withdraw the bill.");
    let got = acts(&y);
    assert!(got.iter().any(|(c, _, _)| c == "DEMAND"), "{got:?}");
}
