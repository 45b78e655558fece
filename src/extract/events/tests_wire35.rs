//! Stage tests for wire-news constructions found in stop 35: the one at whose request or on
//! whose orders an act is done.

use super::tests::{act, acts, run};

#[test]
fn whoever_asked_for_or_ordered_an_act_is_not_its_target() {
    // "at the request of Norway", "on the orders of Peru's president", "on behalf of Norway":
    // the oblique's noun is someone's will, and the one named after it stands behind the
    // act; the act is still done to its object.
    for (text, has_target) in [
        ("Chile detained the men at the request of Norway.", false),
        (
            "Chile expelled two diplomats on the orders of Norway's president.",
            false,
        ),
        ("Chile arrested the activists on behalf of Norway.", false),
        (
            "Chile arrested two Peruvian activists on behalf of Norway.",
            true,
        ),
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter()
                .any(|(c, s, _)| matches!(c.as_str(), "COERCE" | "SANCTION")
                    && s.as_deref() == Some("country:CHL")),
            "{text}: {got:?}"
        );
        assert!(
            got.iter()
                .all(|(_, _, t)| !t.contains(&"country:NOR".to_owned())),
            "{text}: {got:?}"
        );
        if has_target {
            assert!(
                got.iter().any(|(c, _, t)| c == "COERCE" && !t.is_empty()),
                "{text}: {got:?}"
            );
        }
    }
    // Done "on" someone, the act still has its target.
    let got = acts(&run("Chile imposed sanctions on Norway."));
    assert!(
        got.contains(&act("SANCTION", Some("country:CHL"), &["country:NOR"])),
        "{got:?}"
    );
}
