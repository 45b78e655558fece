//! Stage tests for the families the stop-37 probe left: an "-ing" word between a possessive
//! and its noun ("its remaining border crossings"), and a plural noun opening the sentence
//! read as its verb ("Envoys from Chile met ...").

use super::tests::{act, acts, run};

#[test]
fn an_ing_word_after_a_possessive_describes_the_noun_after_it() {
    // "its remaining border crossings": the parser read "remaining" as a verb, the
    // complement of "close", with the crossings as its object, so the closing had no object
    // and no target (the repair
    // `an_ing_word_after_a_possessive_before_a_bare_noun_describes_it`). With the word the
    // sentence now reads as it does without it (a closing announced is a threat).
    let with = acts(&run(
        "Peru will close its remaining border crossings with Chile, the government said.",
    ));
    let without = acts(&run(
        "Peru will close its border crossings with Chile, the government said.",
    ));
    assert!(
        with.contains(&act("THREATEN", Some("country:PER"), &["country:CHL"])),
        "{with:?}"
    );
    assert_eq!(with, without);
}

#[test]
fn an_opening_plural_read_as_a_verb_is_the_subject() {
    // "Envoys" opening the sentence was read as the main verb and "met" as a clause below
    // it, so the meeting had no one meeting (the repair
    // `an_opening_plural_read_as_a_verb_is_the_subject`).
    let got = acts(&run(
        "Envoys from Chile and Peru met Norwegian leaders in Oslo.",
    ));
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "CONSULT" && s.is_some() && t.iter().any(|k| k == "country:NOR")),
        "{got:?}"
    );
}
