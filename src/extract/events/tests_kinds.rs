//! Stage tests for what kind of act a trigger is when the words around it change it: acts
//! called off, demands given in to, crowds dispersed.

use super::tests::{act, acts, run};

#[test]
fn a_strike_called_off_is_a_concession_and_a_strike_called_is_a_strike() {
    let x = run("The Dockers Union called off a strike on Monday.");
    assert!(
        acts(&x).contains(&act("CONCEDE", Some("org:dockers-union"), &[])),
        "{:?}",
        acts(&x)
    );
    let y = run("The Dockers Union called a strike on Monday.");
    assert!(
        acts(&y).contains(&act("PROTEST", Some("org:dockers-union"), &[])),
        "{:?}",
        acts(&y)
    );
    // Talks called off are cooperation halted, a sanction on the other side.
    let z = run("Peru called off talks with Chile on Monday.");
    assert!(
        acts(&z).contains(&act("SANCTION", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn demands_accepted_are_a_concession_and_an_invitation_accepted_an_agreement() {
    let x = run("Norway agreed to Chile's demands after a week of talks.");
    assert!(
        acts(&x).contains(&act("CONCEDE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway accepted Chile's invitation to talks.");
    assert!(
        acts(&y).contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn police_dispersing_a_crowd_coerce_it_and_talks_breaking_up_coerce_no_one() {
    let x = run("Chilean police dispersed Chilean protesters with tear gas.");
    assert!(
        acts(&x).contains(&act(
            "COERCE",
            Some("country:CHL"),
            &["group:CHL:protesters"]
        )),
        "{:?}",
        acts(&x)
    );
    let y = run("The protest was broken up by Chilean police.");
    assert!(
        acts(&y).contains(&act("COERCE", Some("country:CHL"), &[])),
        "{:?}",
        acts(&y)
    );
    let z = run("The talks between Norway and Chile broke up without agreement.");
    assert!(
        !acts(&z).iter().any(|(c, _, _)| c == "COERCE"),
        "{:?}",
        acts(&z)
    );
    assert!(
        acts(&z).iter().any(|(c, _, _)| c == "CONSULT"),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn an_act_resumed_is_that_act_again_not_an_agreement() {
    let x = run("Norway resumed shelling Chilean positions on Monday.");
    assert!(
        acts(&x).contains(&act("FIGHT", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    assert!(
        !acts(&x).iter().any(|(c, _, _)| c == "AGREE"),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway resumed aid to Chile.");
    assert!(
        acts(&y).contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
    assert!(
        !acts(&y).iter().any(|(c, _, _)| c == "AGREE"),
        "{:?}",
        acts(&y)
    );
}
