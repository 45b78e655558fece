//! Stage tests for the wire constructions the stop-36 probe found: capitals acting in
//! meetings and agreements, police in a city using force, a reopened border crossing.

use super::tests::{act, acts, run};

#[test]
fn a_capital_before_a_meeting_or_agreement_verb_acts() {
    // "Quito held talks": "held talks" is a CONSULT trigger right after the capital, which
    // read it as the talks' venue ("the Quito talks"), a place; no event was left.
    let x = run("Quito held talks with Lima on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONSULT", Some("country:ECU"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("Quito agreed to the Peruvian plan.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "AGREE" && s.as_deref() == Some("country:ECU")),
        "{got:?}"
    );
    // With a determiner the capital still says where the talks are held.
    let z = run("Peru and Chile walked out of the Quito talks.");
    let got = acts(&z);
    assert!(
        got.iter()
            .all(|(_, s, t)| s.as_deref() != Some("country:ECU")
                && !t.iter().any(|k| k == "country:ECU")),
        "{got:?}"
    );
}

#[test]
fn police_in_a_city_using_force_to_disperse_is_a_clause() {
    // "Police in Lima used rubber bullets" was one noun phrase ("used" an adjective of
    // "bullets"), as stop 35's "Israeli police used water cannon" was; the phrase "in Lima"
    // between the noun and the verb kept the repair from seeing the subject, so the
    // dispersal had no source.
    let x = run("Police in Lima used rubber bullets to disperse Chilean protesters.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "COERCE" && s.as_deref() == Some("country:PER")),
        "{got:?}"
    );
}

#[test]
fn a_reopened_border_crossing_is_a_concession() {
    // "reopened" was no trigger; a reopened case or school stays none (the sense
    // `reopened-no-crossing`).
    let x = run("Peru reopened its main border crossing with Chile on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONCEDE", Some("country:PER"), &["country:CHL"])),
        "{got:?}"
    );
}
