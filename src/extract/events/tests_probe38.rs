//! Stage tests for the wire constructions the stop-38 probe found: a plural naming what was
//! said read as a verb before "by", "we" in a quotation of a state's office, forces
//! dispatched or being sent, a place stormed, and words of blame and of relations.

use super::tests::{act, acts, run};

#[test]
fn remarks_by_someone_read_as_a_verb_are_the_object() {
    // "remarks" after the verb was tagged a verb with the "by" phrase as its agent, so the
    // criticism had no object and no target (parse repair
    // `a_said_noun_read_as_a_verb_before_by_is_the_object`).
    let x = run("Chile criticised remarks by a Peruvian minister.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("Norway rejected claims by a Chilean general on Monday.");
    let got = acts(&y);
    assert!(
        got.contains(&act("REJECT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn we_in_a_quotation_of_a_states_office_is_its_country() {
    // "We" of "the Chilean president" had stood for no one: a speaker tied to a country
    // was left unresolved; a state's office or body speaks for its country.
    let x = run("\"We will continue to support Peru,\" the Chilean president said.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SUPPORT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    // A person named with no office still stands for no one.
    let y = run("\"We will continue to support Peru,\" Ana Ruiz said.");
    let got = acts(&y);
    assert!(got.iter().all(|(_, s, _)| s.is_none()), "{got:?}");
}

#[test]
fn forces_dispatched_or_being_sent_are_deployed() {
    // "dispatched" and "sending" were no triggers ("sent", "sends", "send" were).
    let x = run("Chile dispatched 300 soldiers to its border with Peru.");
    let got = acts(&x);
    assert!(
        got.contains(&act("MOBILIZE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("Chile is sending reinforcements to its border with Peru.");
    let got = acts(&y);
    assert!(
        got.contains(&act("MOBILIZE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let z = run("Norway is sending a letter to Peru.");
    assert!(acts(&z).is_empty(), "{:?}", acts(&z));
}

#[test]
fn a_place_stormed_is_attacked() {
    // "stormed" was no trigger; a crowd that storms protests, and one who storms out walks
    // out (the senses `crowd-storming`, `stormed-out`).
    let x = run("Chilean gunmen stormed a hotel in Lima on Friday.");
    let got = acts(&x);
    assert!(got.iter().any(|(c, _, _)| c == "ASSAULT"), "{got:?}");
    let y = run("Ana Ruiz stormed out of the talks with Peru on Monday.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
}

#[test]
fn blame_and_relations_in_wire_words() {
    // "faulted" and "exchanged ambassadors" were no triggers.
    let x = run("Norway faulted Peru for its handling of the crisis.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("Chile and Peru exchanged ambassadors on Monday.");
    let got = acts(&y);
    assert!(got.iter().any(|(c, _, _)| c == "SUPPORT"), "{got:?}");
}

#[test]
fn two_names_a_headline_joins_with_a_comma_both_act() {
    // "Chile, Peru agree": the first name was a loose phrase of the verb, so the agreement
    // had one side (parse repair `a_name_comma_name_before_their_verb_are_its_subjects`).
    let x = run("Chile, Peru agree to reopen border crossings after protests");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "AGREE"
            && s.as_deref() == Some("country:CHL")
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
}

#[test]
fn what_one_orders_done_is_ones_own_act() {
    // "ordered the expulsion of two diplomats" gave nothing: the order tells no one named
    // (the sense `order-to-no-one`), and the expulsion was only its content. The order is
    // now no trigger before any act is read, so the expulsion is the orderer's.
    let x = run("Chile ordered the expulsion of two Peruvian diplomats.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SANCTION", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("Norway ordered an investigation into the killing of a Chilean journalist.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "INVESTIGATE" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
    // An order to someone named is still a demand.
    let z = run("Norway ordered Chile to withdraw its troops.");
    let got = acts(&z);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "DEMAND" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn a_harm_participle_after_a_comma_tells_the_same_attack() {
    // ", wounding a farmer" was read as a second verb joined to "fired" with no "and", which
    // shared its subject and told a second attack aimed at no one named (parse repair
    // `a_harm_participle_after_a_comma_is_no_conjunct`); ", killing a farmer" was one act.
    let x = run("Chilean troops fired on a Peruvian village, wounding a farmer.");
    let got = acts(&x);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn what_a_relative_clause_denies_is_not_done() {
    // "which denies" was tagged a determiner and a noun, so "backing the rebels" was the
    // relative clause itself: Norway's support of them (parse repair
    // `a_verb_after_a_relative_word_read_as_a_noun`).
    let x = run("Norway, which denies supporting the Chilean rebels, criticised the report.");
    let got = acts(&x);
    assert!(got.iter().all(|(c, _, _)| c != "SUPPORT"), "{got:?}");
}
