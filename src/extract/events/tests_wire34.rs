//! Stage tests for constructions of wire news found by the stop-34 probe sentences: a body
//! named before "which", who told it set in the middle of a sentence, the act after "days
//! after", and protests named by an idiom.

use super::tests::{act, acts, run};

#[test]
fn which_after_a_name_and_a_comma_stands_for_the_name() {
    // The parser hung the relative clause beside the name; "which" stood for no one.
    let x =
        run("Chile, which accuses Peru of harbouring rebels, criticised the Bolivian government.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    // "which" after a thing still stands for no one.
    let y = run("Chile signed a resolution which condemns Peru.");
    assert!(
        acts(&y)
            .iter()
            .all(|(c, s, _)| c != "DISAPPROVE" || s.as_deref() != Some("country:CHL")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn who_told_it_set_in_the_middle_leaves_the_subject_its_verb() {
    // "officials said" between the subject and its auxiliary: the parser made "said" the
    // subject of "called".
    let x = run("Chile, officials said, has called on Peru to stop harassing its fishermen.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DEMAND", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn the_noun_after_days_after_is_the_subject_of_the_verb_after_it() {
    // "after" read as the preposition of "missiles", and "struck" as a clause of "days".
    let x = run(
        "Norway pledged aid to Chile, days after Peruvian missiles struck Santiago's power grid.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:PER")
            && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    // The attack is Peru's, not the same act as Chile's shooting down.
    let y = run(
        "Chile said it had shot down 40 Peruvian drones, a day after a Peruvian missile attack killed 12 people in Arica.",
    );
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "FIGHT" && s.as_deref() == Some("country:PER")),
        "{got:?}"
    );
}

#[test]
fn taking_to_the_streets_is_a_protest() {
    let x = run("Chilean opposition supporters took to the streets on Sunday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
}

#[test]
fn a_participle_after_the_object_and_a_comma_is_the_subjects() {
    // The parser hung "accusing" on "diplomats": Peru accused Chile.
    let x = run("Chile expelled two Peruvian diplomats, accusing them of spying.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(c, s, _)| c == "DISAPPROVE" && s.as_deref() == Some("country:PER")),
        "{got:?}"
    );
}

#[test]
fn an_answer_to_a_mutual_act_is_aimed_at_its_sides() {
    // The accord's sides were only its parties; the welcome had no target.
    let x = run("Norway welcomed the peace accord between Chile and Peru.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "SUPPORT"
            && s.as_deref() == Some("country:NOR")
            && t.contains(&"country:CHL".to_owned())
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
}

#[test]
fn the_object_before_who_told_it_is_the_reported_verbs() {
    // The parser made "diplomat" the subject of "said" and Lima an apposition of it.
    let x = run("Chile expelled a Peruvian diplomat from the embassy in Santiago, Lima said.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SANCTION", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_rejected_proposal_is_aimed_at_whoever_put_it_forward() {
    // The "by" phrase hung on "put"; the rejection was aimed at no one.
    let x = run("Chile rejected a ceasefire proposal put forward by Norway and Peru.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "REJECT"
            && s.as_deref() == Some("country:CHL")
            && t.contains(&"country:NOR".to_owned())),
        "{got:?}"
    );
}

#[test]
fn blocking_a_ship_or_a_mission_is_a_blockade() {
    let x =
        run("Chilean coast guard vessels blocked a Peruvian resupply mission near the islands.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_ship_owned_or_flagged_by_a_country_is_that_countrys() {
    // "Peruvian-owned" was one word of no one.
    let x = run("Chilean rebels fired missiles at a Peruvian-owned cargo ship.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "FIGHT" && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
    let y = run("Chile seized a Norwegian-flagged oil tanker in the strait.");
    let got = acts(&y);
    assert!(
        got.contains(&act("COERCE", Some("country:CHL"), &["country:NOR"])),
        "{got:?}"
    );
}

#[test]
fn protesters_in_a_country_are_its_people() {
    let x = run("Opposition supporters in Chile took to the streets on Sunday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    // A rally held in a country is not done by it.
    let y = run("Norwegian campaigners will join a rally in Chile in the spring.");
    assert!(
        acts(&y)
            .iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:CHL")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn the_subject_of_an_act_does_what_it_did_after_or_before_it() {
    // "visiting" hangs from "spoke", itself an act: the pattern stopped there.
    let x = run(
        "Norway's prime minister spoke by telephone with Chile's president, days after visiting Peru.",
    );
    let got = acts(&x);
    assert!(
        got.contains(&act("CONSULT", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_warning_of_what_one_would_do_if_another_acts_is_aimed_at_the_other() {
    // The condition hangs from the warned clause ("that it would use force"), which the
    // search for conditions did not enter.
    let x = run(
        "Chile warned that it would use force to retake the islands if Peru did not withdraw its troops.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "THREATEN"
            && s.as_deref() == Some("country:CHL")
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
}
