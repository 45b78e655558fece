//! Stage tests for missions sent to look into a country: inspectors, observers, monitors and
//! investigators sent or dispatched somewhere are an investigation of the country they go to,
//! even when the destination is a site named like a body ("the Ravna Chemical Plant").

use super::tests::{act, acts, run};

#[test]
fn inspectors_sent_to_a_country_investigate_it() {
    let x = run("Norway sent inspectors to Chile on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("INVESTIGATE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    let y = run("Norway dispatched a team of investigators to Peru.");
    let got = acts(&y);
    assert!(
        got.contains(&act("INVESTIGATE", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_site_named_like_a_body_is_a_place_of_its_country() {
    // The plant is a place, not an organization acted on; the country it is in is the target.
    let x = run(
        "Norway has dispatched inspectors to Ravna Chemical Plant in central Chile to monitor its work.",
    );
    let got = acts(&x);
    assert!(
        got.contains(&act("INVESTIGATE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    assert!(
        x.events
            .iter()
            .all(|e| e.participants.iter().all(|p| !p.contains("ravna"))),
        "{got:?}"
    );
}
