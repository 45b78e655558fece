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
