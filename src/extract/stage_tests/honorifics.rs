//! Stage tests of who a surname after an honorific names (`extract/actors/resolve.rs`): an
//! honorific of one sex does not join a person whose given name says the other.

use super::*;

#[test]
fn a_female_honorific_does_not_join_a_man_named_in_full() {
    let x = run(
        "Campaign\n\nGareth Pelham toured the north on Monday. Mrs Pelham said she \
         often criticised her husband. Mr Pelham denied it.\n",
    );
    let wife = actor(&x, "person:mrs-pelham");
    assert_eq!(wife.name, "Mrs Pelham");
    assert_eq!(wife.mentions.len(), 1);
    // "Mr Pelham" is still the man named in full.
    assert_eq!(actor(&x, "person:gareth-pelham").mentions.len(), 2);
    let criticism = events_of(&x, Plover::Disapprove);
    assert!(
        criticism
            .iter()
            .any(|e| e.source.as_deref() == Some("person:mrs-pelham")),
        "{criticism:?}"
    );
}

#[test]
fn a_male_honorific_and_title_do_not_join_a_woman_named_in_full() {
    let x = run(
        "Ruling\n\nSandra Quenby lost her seat in May. Lord Justice Quenby ruled on \
         the appeal. Ms Quenby said nothing.\n",
    );
    assert_eq!(
        actor(&x, "person:lord-justice-quenby").name,
        "Lord Justice Quenby"
    );
    assert_eq!(actor(&x, "person:sandra-quenby").mentions.len(), 2);
}

#[test]
fn a_judge_title_before_a_known_surname_is_not_the_known_woman() {
    let x = run(
        "Ruling\n\nTheresa May spoke on Monday. Lord Justice May ruled on the \
         appeal.\n",
    );
    assert_eq!(actor(&x, "person:lord-justice-may").mentions.len(), 1);
    assert_eq!(actor(&x, "person:theresa-may").mentions.len(), 1);
}

#[test]
fn an_honorific_joins_a_full_name_whose_given_name_says_nothing() {
    let x = run(
        "Campaign\n\nOzan Telford toured the north on Monday. Mrs Telford said the \
         tour went well.\n",
    );
    assert_eq!(actor(&x, "person:ozan-telford").mentions.len(), 2);
}
