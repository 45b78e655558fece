//! Stage tests for constructions the lead found in stop 35: the one at whose request an act
//! is done, acts said to be lacking, "Parliament" alone, a past form read as a noun between
//! two nouns, and ships or guns supplied.

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

#[test]
fn support_said_to_be_lacking_is_no_support() {
    for text in [
        "Norway said that support from Chile had been lacking.",
        "Norway said Chile's support was absent.",
        "Norway lacked the support of Chile.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter().all(|(c, _, _)| c != "SUPPORT"),
            "{text}: {got:?}"
        );
    }
    // Given, if not enough, it is support.
    let got = acts(&run("Norway said Chile's support was insufficient."));
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "SUPPORT" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
}

#[test]
fn parliament_alone_is_the_legislature_of_the_articles_country() {
    let x = run(
        "Norwegian Foreign Minister Ola Berg met Chile's president in Oslo on Monday. \
         Norway's prime minister, Ana Ruiz, visited Bergen. \
         Campaigner Pedro Soto urged Parliament to reject the treaty.",
    );
    let got = acts(&x);
    assert!(
        got.contains(&act("DEMAND", Some("person:pedro-soto"), &["country:NOR"])),
        "{got:?}"
    );
    // Named with its own qualifier, a parliament is its own.
    let y = run("Campaigner Pedro Soto criticised the European Parliament.");
    assert!(
        acts(&y)
            .iter()
            .all(|(_, _, t)| t.iter().all(|k| !k.starts_with("country:"))),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_past_form_read_as_a_noun_between_two_nouns_is_the_verb() {
    // With no verb in sight, "warplanes struck targets" had been read as one noun phrase.
    let got = acts(&run("Chilean warplanes struck targets in southern Peru."));
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:CHL")
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
    // A sentence with its own verb keeps its noun compounds.
    let got = acts(&run(
        "Chile said the warplane strikes on Peru were a mistake.",
    ));
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:PER")),
        "{got:?}"
    );
}

#[test]
fn ships_and_guns_supplied_are_aid() {
    // "with" names what is given: ships, boats and guns are material (`material_aid_nouns`).
    for text in [
        "Norway supplied Chile with six coast guard vessels.",
        "Norway provided Chile with rifles and artillery.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_verb_joined_to_the_one_before_shares_its_auxiliaries() {
    // The parse hangs "will", "may", "would not" on the first verb only.
    let got = acts(&run(
        "Norway will impose sanctions on Chile and expel its diplomats.",
    ));
    assert!(
        got.iter().all(|(c, _, _)| c == "THREATEN") && !got.is_empty(),
        "{got:?}"
    );
    let got = acts(&run("Norway may attack Chile and blockade its ports."));
    assert!(got.iter().all(|(c, _, _)| c != "COERCE"), "{got:?}");
    let got = acts(&run(
        "Norway would not condemn Chile or recall its ambassador.",
    ));
    assert!(got.iter().all(|(c, _, _)| c != "SANCTION"), "{got:?}");
    // Told as done, both are done.
    let got = acts(&run("Norway attacked Chile and blockaded its ports."));
    assert!(got.iter().any(|(c, _, _)| c == "COERCE"), "{got:?}");
}
