//! Stage tests for constructions of wire news found by invented probe sentences: fines, the
//! victims of a raid's consequence, warnings against an act, sums pledged in aid, protests
//! at remarks by someone else.

use super::tests::{act, acts, run};

#[test]
fn a_fine_is_a_sanction_on_the_one_fined() {
    let x = run("The Norwegian competition authority fined Chile's state oil company on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "SANCTION"
                && s.as_deref() == Some("country:NOR")
                && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    let y = run("A Norwegian court fined Ola Berg for insulting the president.");
    assert!(
        acts(&y).iter().any(|(c, _, _)| c == "SANCTION"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn those_killed_by_a_raid_are_its_target_when_it_names_none() {
    let x = run("Norwegian troops raided a village near the border on Monday, killing three Chileans.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "FIGHT"
                && s.as_deref() == Some("country:NOR")
                && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
    // A raid that names whom it hit keeps that target.
    let y = run("Norwegian troops attacked Peru, killing three Chileans.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "FIGHT"
                && s.as_deref() == Some("country:NOR")
                && t == &vec!["country:PER".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_warning_against_an_act_warns_the_one_who_would_do_it() {
    let x = run("Norway warned Chile against supplying weapons to Peru.");
    let got = acts(&x);
    assert!(
        got.contains(&act("THREATEN", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    assert!(
        got.contains(&act("AID", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_sum_pledged_in_aid_is_pledged_and_given_by_the_one_who_pledged_it() {
    let x = run("Norway pledged 500 million euros in military aid to Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    assert!(
        got.contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn a_protest_at_remarks_by_someone_is_made_by_the_one_protesting() {
    let x = run("Norway recalled its ambassador from Chile in protest at remarks by Ola Berg.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("person:ola-berg")),
        "{got:?}"
    );
}
