//! Stage tests for the families stop 39's probe left: the "at" phrase of a criticism is whom it
//! is aimed at, not a place.

use super::tests::{act, acts, run};

#[test]
fn the_at_phrase_of_a_criticism_is_its_target() {
    // "at Peru" after a criticism with no object was read as where it happened, and the
    // criticism had no target (`aimed_at_kinds`).
    let x = run("Chile lashed out at Peru over the border dispute.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    // "hit out at" is criticism, not a blow; "railed" likewise.
    let y = run("Norway hit out at Chile's decision.");
    let got = acts(&y);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    let z = run("The Norwegian minister railed against Peru on Monday.");
    let got = acts(&z);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn the_at_phrase_of_a_criticism_with_an_object_stays_a_place() {
    // Guard (main passes): with an object, "at" is where the criticism was made.
    let x = run("Chile criticised Peru at a summit in Quito.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|a| a.2.iter().any(|t| t == "country:ECU")),
        "{got:?}"
    );
}
