//! Stage tests for the families stop 38 left: an act introduced by "without" is not done,
//! a reaction with no target after a clause with a named subject answers that subject,
//! and a participle hung on the object of a verb is done by that verb's subject.

use super::tests::{acts, run};

#[test]
fn an_act_introduced_by_without_is_not_done() {
    // "ended without an agreement", "left without meeting": the agreement and the meeting
    // did not happen, as "did not agree" (the list `privative_marks`).
    let got = acts(&run(
        "The talks ended without an agreement between Norway and Chile.",
    ));
    assert!(!got.iter().any(|(c, _, _)| c == "AGREE"), "{got:?}");
    let got = acts(&run(
        "Peru left Oslo without meeting the Chilean president.",
    ));
    assert!(!got.iter().any(|(c, _, _)| c == "CONSULT"), "{got:?}");
    let got = acts(&run(
        "Peru left the summit without signing an agreement with Chile.",
    ));
    assert!(got.is_empty(), "{got:?}");
    // An act done without something is still done.
    let got = acts(&run("Chile attacked Peru without warning."));
    assert!(got.iter().any(|(c, _, _)| c == "ASSAULT"), "{got:?}");
}
