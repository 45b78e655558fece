//! Stage tests for violence by attackers no one names ("Gunmen attacked a village in Chile"),
//! the openings and tags that hid it from the reader, and shooting as a verb.

use super::tests::{act, acts, run};

#[test]
fn an_attack_by_unnamed_gunmen_is_done_to_the_country_it_happens_in() {
    let x = run("Gunmen attacked a village in southern Chile on Sunday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("ASSAULT", None, &["country:CHL"])),
        "{got:?}"
    );
    // An act of another kind by no one named may be the country's own: no one is acted on.
    let y = run("Officers raided a warehouse in southern Chile on Sunday.");
    let got = acts(&y);
    assert!(got.iter().all(|(_, _, t)| t.is_empty()), "{got:?}");
    // A killing with no subject names its victims another way; the place is no target.
    let z = run("A Chilean judge was killed in a car bomb explosion in Peru.");
    let got = acts(&z);
    assert!(
        got.iter()
            .all(|(_, _, t)| !t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_past_form_opening_the_sentence_describes_the_attackers() {
    // "Unidentified" had been the main verb and the attack a clause below it, with no
    // subject and so no event.
    let x = run("Unidentified gunmen attacked a police station in northern Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("ASSAULT", None, &["country:CHL"])),
        "{got:?}"
    );
    let y = run("Masked gunmen abducted two Chilean engineers in Peru.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "ASSAULT" && s.is_none() && !t.is_empty()),
        "{got:?}"
    );
    // A sentence whose first word is its verb is left as it is.
    let z = run("Welcomed by crowds, Norway's prime minister visited Chile.");
    let got = acts(&z);
    assert!(
        got.contains(&act("CONSULT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn police_who_shot_people_used_force_on_them() {
    // "police shot" had been read as one noun, "a police shot", with no verb.
    let x = run("Chilean police shot three unarmed protesters in Santiago.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "FIGHT" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    // The protesters are shot: no protest of the police's.
    assert!(got.iter().all(|(c, _, _)| c != "PROTEST"), "{got:?}");
}

#[test]
fn abduction_is_an_assault_whoever_abducts() {
    // PLOVER's codebook (and CAMEO's 181) put abduction and hostage-taking under ASSAULT.
    let x = run("Norwegian rebels kidnapped two Chilean engineers on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "ASSAULT" && s.as_deref().is_some_and(|s| s.contains("NOR"))),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "COERCE"), "{got:?}");
}

#[test]
fn a_ship_owned_or_flagged_by_a_country_is_that_countrys() {
    // "Greek-owned", "British-flagged": the country stands for its ship, as "US-led" forces
    // stand for the country that leads them.
    let x = run("Norwegian pirates hijacked a Chilean-owned cargo ship off the coast of Peru.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "ASSAULT"
            && s.as_deref().is_some_and(|s| s.contains("NOR"))
            && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    let y = run("Norway seized a Chilean-flagged tanker on Monday.");
    let got = acts(&y);
    assert!(
        got.contains(&act("COERCE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn troops_crossing_into_a_country_make_an_incursion() {
    // "Norwegian troops crossed into Chile" had been read as a noun phrase ("troops who were
    // crossed"), and "crossed" was no trigger.
    let x = run("Norwegian troops crossed into Chile on Friday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("FIGHT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    let y = run("Norwegian tanks rolled into Chile on Friday.");
    let got = acts(&y);
    assert!(
        got.contains(&act("FIGHT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    // A country entering talks, or a person crossing the floor, invades no one.
    for text in [
        "Norway entered talks with Chile on fishing.",
        "Ana Ruiz crossed the floor to join Chile's Labour party.",
    ] {
        let got = acts(&run(text));
        assert!(got.iter().all(|(c, _, _)| c != "FIGHT"), "{text}: {got:?}");
    }
}

#[test]
fn migrants_pushed_back_over_a_border_are_a_forced_return() {
    let x = run("Norway pushed back hundreds of migrants into Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn forces_trained_for_another_country_are_aid_to_it() {
    let x = run("Norway has trained 3,000 Chilean soldiers since 2020.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn a_call_for_protests_against_a_result_is_no_lawsuit() {
    // Only an appeal against a ruling is legal action; a call for protests against one is
    // a call.
    let x = run("Chile's opposition called for mass protests against the election result.");
    let got = acts(&x);
    assert!(got.iter().any(|(c, _, _)| c == "DEMAND"), "{got:?}");
    assert!(got.iter().all(|(c, _, _)| c != "DISAPPROVE"), "{got:?}");
}
