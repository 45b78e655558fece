//! Stage tests for the families stop 39's probe left: the "at" phrase of a criticism is whom it
//! is aimed at, not a place; drills held with a partner are cooperation with it.

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

#[test]
fn drills_held_with_a_partner_are_cooperation() {
    // The partner after "with" was read as the one the drills were aimed at (MOBILIZE,
    // `joint-drill-aimed`); drills held with someone are cooperation (`drill-with-a-partner`).
    let x = run("Chile held joint exercises with Peru on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COOPERATE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("Norway's navy conducted drills with the Chilean navy.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|a| a.0 == "COOPERATE" && a.2.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
}

#[test]
fn drills_near_someone_stay_a_show_of_force() {
    // Guards (main passes): drills near someone, or near a border "with" them, or with
    // warships off them, are aimed at them.
    for text in [
        "Chile held military exercises near Peru.",
        "Norway conducted artillery drills near its border with Chile.",
        "Chile held drills with warships off Peru.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter().any(|a| a.0 == "MOBILIZE") && !got.iter().any(|a| a.0 == "COOPERATE"),
            "{text}: {got:?}"
        );
    }
}
