//! Stage tests for the families the stop-37 probe left: an "-ing" word between a possessive
//! and its noun ("its remaining border crossings").

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
