//! Stage tests for verbs with a particle the parser reads as a preposition ("cut off aid to
//! Chile"): the noun after the particle is the verb's object, so stopping aid or talks is read
//! as stopping them, not as giving or holding them.

use super::tests::{act, acts, run};

#[test]
fn aid_cut_off_is_a_sanction_not_aid() {
    let x = run("Norway cut off aid to Chile.");
    let got = acts(&x);
    assert_eq!(
        got,
        [act("SANCTION", Some("country:NOR"), &["country:CHL"])],
        "{got:?}"
    );
    let y = run("Norway cut off fuel supplies to Chile.");
    let got = acts(&y);
    assert_eq!(
        got,
        [act("SANCTION", Some("country:NOR"), &["country:CHL"])],
        "{got:?}"
    );
}
