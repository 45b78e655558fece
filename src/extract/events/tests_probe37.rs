//! Stage tests for the wire constructions the stop-37 probe found: who holds an arrest
//! or a release that names its captive after "of", a border or crossing closed, goods or
//! rescuers sent, and an envoy declared persona non grata.

use super::tests::{act, acts, run};

#[test]
fn a_possessive_before_an_arrest_of_someone_is_who_arrests() {
    // "Chile's arrest of two Peruvian journalists": the possessive was read as the one
    // arrested (as in "Ola Berg's arrest"), so the arrest had no source and Chile was its
    // target; with an "of" phrase naming the captive, the possessive holds the arrest.
    let x = run("Norway condemned Chile's arrest of two Peruvian journalists.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    // Without an "of" phrase the possessive is still the one arrested.
    let y = run("Ola Berg's arrest in Lima angered Norway.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "COERCE" && s.is_none() && !t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn a_closed_border_crossing_is_a_sanction() {
    // "closed" was no trigger; a closed case or school stays none (the sense
    // `closed-no-crossing`).
    let x = run("Peru closed its border crossings with Chile on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SANCTION", Some("country:PER"), &["country:CHL"])),
        "{got:?}"
    );
    let y = run("Peru closed two schools in Lima on Monday.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
}

#[test]
fn goods_or_rescuers_sent_to_a_country_are_aid() {
    // "sent" was no trigger unless next to "arms", "weapons" or "troops"; what is sent
    // must be goods, arms, money or rescuers (the sense `sent-no-aid`).
    let x = run("Norway has sent three more air defence systems to Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    let y = run("Norway sent 60 firefighters to Chile on Monday.");
    let got = acts(&y);
    assert!(
        got.contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    let z = run("Norway sent a letter to Chile on Monday.");
    assert!(acts(&z).is_empty(), "{:?}", acts(&z));
}

#[test]
fn a_sent_word_that_is_no_aid_stands_in_the_way_of_no_act() {
    // The sense `sent-no-aid` drops "sent" before any act is read: the experts' inquiry is
    // still the subject's, as when "sent" was no trigger (the pattern `purpose-subject`
    // stops at another trigger).
    let x = run("Norway has sent twenty experts to Chile to investigate the killings.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "INVESTIGATE" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn a_declared_persona_non_grata_is_an_expulsion_of_the_declared() {
    // The parser hung "persona non grata" on the object in ways of its own (here "goes
    // with"), so the expulsion had no arguments; the repair
    // `persona_non_grata_is_what_the_verb_declares` makes it the verb's complement.
    for text in [
        "Chile declared Peru's ambassador persona non grata on Thursday.",
        "Chile declared the Peruvian ambassador persona non grata.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.contains(&act("SANCTION", Some("country:CHL"), &["country:PER"])),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn troops_sent_or_massed_with_a_number_are_a_deployment() {
    // "sent troops" and "massed troops" were phrase triggers that a number between the words
    // broke ("sent 500 soldiers", "massed 5,000 troops"): no event.
    for text in [
        "Chile sent 500 soldiers to its border with Peru.",
        "Chile has massed 5,000 troops near the border with Peru.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.contains(&act("MOBILIZE", Some("country:CHL"), &["country:PER"])),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn receiving_a_counterpart_is_a_meeting_and_received_backing_stays_the_backers() {
    // "received" was no trigger; receiving a counterpart, a delegation or an envoy is a
    // meeting. Anything else received is dropped before reading (`received-no-visitor`), so
    // the praise or backing received is still the giver's act, not the content of a meeting.
    let x = run("The Chilean president received his Peruvian counterpart in Santiago.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "CONSULT"
            && s.as_deref() == Some("country:CHL")
            && t.iter().any(|k| k == "country:PER")),
        "{got:?}"
    );
    let y = run("Peru received strong praise from Norway for its treatment of refugees.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "SUPPORT" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}
