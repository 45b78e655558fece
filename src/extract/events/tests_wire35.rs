//! Stage tests for constructions of wire news found by the stop-35 probe sentences: a city
//! that stands for a body ("Brussels"), police that use water cannon, a court named by its
//! city, an object set after its judgement, and a place "in" a country's region.

use super::tests::{act, acts, run};

#[test]
fn brussels_acting_is_the_european_union() {
    // "Brussels" had been Belgium, its capital.
    let x = run("Brussels fined a Chilean bank for breaching competition rules.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SANCTION", Some("org:eu"), &["country:CHL"])),
        "{got:?}"
    );
    // Named as the place, it is no party.
    let y = run("Thousands of farmers marched in Brussels on Monday to protest against Chile.");
    assert!(
        acts(&y)
            .iter()
            .all(|(_, s, t)| s.as_deref() != Some("org:eu") && !t.contains(&"org:eu".to_owned())),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn police_that_used_water_cannon_to_disperse_protesters_coerce() {
    // The parser read "police used water cannon" as one noun phrase ("used cars").
    let x = run("Chilean police used water cannon to disperse protesters in Santiago.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "COERCE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    // Supporters dispersed are a gathering too.
    let y = run("Chilean police used tear gas to disperse supporters of the opposition leader.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "COERCE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
}

#[test]
fn a_court_in_a_capital_is_that_countrys() {
    let x = run("A court in Lima sentenced a Chilean journalist to three years in prison.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("country:PER"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn an_object_after_as_and_its_judgement_is_the_verbs() {
    // "as groundless" had taken the report as its own object.
    let x = run("Chile rejected as groundless a report by Peru on human rights.");
    let got = acts(&x);
    assert!(
        got.contains(&act("REJECT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_place_in_a_countrys_region_is_in_that_country() {
    // The parser hung "village" on "state" as a compound, across "in".
    let x = run("Gunmen attacked a village in Peru's Loreto state.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "ASSAULT" && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
    let y = run("Chilean drones struck a power plant in Peru's Cusco region overnight.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:CHL")
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
    // The country that owns the province of an "in" phrase on the verb.
    let z = run("Chilean jets bombed hideouts in Peru's Loreto province.");
    let got = acts(&z);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:CHL")
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
}
