//! Stage tests for the families stop 38 left: an act introduced by "without" is not done,
//! a reaction with no target after a clause with a named subject answers that subject,
//! and a participle hung on the object of a verb is done by that verb's subject.

use super::tests::{act, acts, run};

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

#[test]
fn a_reaction_after_a_clause_with_a_named_subject_answers_that_subject() {
    // "lodged a protest after Chilean warships entered its waters": the protest had no
    // target; it answers what the subject of the "after" clause did (the patterns
    // `reaction-after-clause-subject` and `reaction-noun-after-clause-subject`).
    let got = acts(&run(
        "Norway lodged a protest after Chilean warships entered its territorial waters.",
    ));
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    let got = acts(&run(
        "Peru complained after Chilean troops crossed the border.",
    ));
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:PER"), &["country:CHL"])),
        "{got:?}"
    );
    // A reaction that names its target keeps it.
    let got = acts(&run(
        "Norway condemned Peru after Chilean warships entered its territorial waters.",
    ));
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_participle_hung_on_what_a_verb_names_is_done_by_that_verb_s_subject() {
    // "filed a case at the tribunal accusing Chile": the parser hangs the participle on the
    // tribunal; the accusation is the filer's (the pattern
    // `participle-on-object-verb-subject`).
    let got = acts(&run(
        "Peru filed a case at the tribunal accusing Chile of spying.",
    ));
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:PER"), &["country:CHL"])),
        "{got:?}"
    );
}
