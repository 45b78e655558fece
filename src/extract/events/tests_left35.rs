//! Stage tests for the wire constructions the stop-35 probe left: a suspect extradited to a
//! country, people held handed back, a sanction inside an "if" condition, a boat seized on
//! a river.

use super::tests::{act, acts, run};

#[test]
fn an_extradition_is_aimed_at_the_country_the_suspect_is_handed_to() {
    // It was aimed at the suspect's own country, read off "Chilean".
    let x = run("Norway extradited a suspected Chilean smuggler to Peru on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COOPERATE", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn people_held_handed_over_or_returned_are_released() {
    // "handed over" took "soldiers" for material aid (AID).
    let x = run("Peru handed over 20 Chilean soldiers to Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("RETREAT", Some("country:PER"), &["country:CHL"])),
        "{got:?}"
    );
    let y = run("Peru returned the captured soldiers to Chile on Monday.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "RETREAT" && s.as_deref() == Some("country:PER")),
        "{got:?}"
    );
    // Coming back is no act.
    let z = run("Dozens of Chileans returned to Chile on Friday.");
    assert!(acts(&z).is_empty(), "{:?}", acts(&z));
}

#[test]
fn a_sanction_inside_an_if_condition_is_no_act() {
    // The parser read "if Chile, Peru and Bolivia reimposed sanctions" as the three
    // countries' "reimposed sanctions", a sanction by Chile.
    let x = run(
        "Norway threatened to expel Chilean inspectors if Chile, Peru and Bolivia reimposed sanctions.",
    );
    let got = acts(&x);
    assert!(got.iter().all(|(c, _, _)| c != "SANCTION"), "{got:?}");
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn a_boat_seized_on_a_river_is_seized() {
    // "seize on" (make use of) had dropped it.
    let x = run("Chilean coastguards seized a Peruvian fishing boat on the Loa river.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}
