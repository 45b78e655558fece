//! Stage tests for appositions the parser misreads: an "-ing" adjective after a possessive
//! ("Chile's leading rights activist") is no verb, and the name before the apposition stays
//! the subject of the main verb.

use super::tests::{act, acts, run};

#[test]
fn an_ing_adjective_after_a_possessive_leaves_the_subject_its_verb() {
    let x = run("Juan Perez, Chile's leading human rights activist, criticised Peru.");
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:juan-perez"),
            &["country:PER"]
        )),
        "{got:?}"
    );
}

#[test]
fn an_ing_adjective_after_a_possessive_read_as_is_leaves_the_subject_its_verb() {
    // The parser reads "'s" as "is" and "outgoing" as its verb: the meeting had one party.
    let x = run("Ana Diaz, Chile's outgoing foreign minister, met Peru's president.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONSULT", Some("person:ana-diaz"), &["country:PER"])),
        "{got:?}"
    );
}
