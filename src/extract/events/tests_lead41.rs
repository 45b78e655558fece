//! Stage tests for constructions the lead found in stop 41: orders to another country's
//! forces.

use super::tests::kinds;
use super::tests_lead39::{country, only};

#[test]
fn an_order_to_another_countrys_forces_is_a_demand_on_that_country() {
    // The forces belong to a country other than the one giving the order: a demand on it.
    for (text, source, target) in [
        (
            "Chile ordered Peruvian troops to leave within 72 hours.",
            "CHL",
            "PER",
        ),
        (
            "The Chilean junta ordered Peruvian troops to leave the country.",
            "CHL",
            "PER",
        ),
        ("Chile ordered Peru's navy to leave the bay.", "CHL", "PER"),
        (
            "Norway ordered Chilean warships to leave its waters.",
            "NOR",
            "CHL",
        ),
    ] {
        let (category, kind, got_source, targets) = only(text);
        assert_eq!(
            (category.as_str(), kind.as_str()),
            ("DEMAND", "order"),
            "{text}"
        );
        assert_eq!(got_source, Some(country(source)), "{text}");
        assert_eq!(targets, [country(target)], "{text}");
    }
    // One's own forces, named by the same country or by none, are no one asked: the order is
    // dropped, and what it orders is the commander's act.
    for text in [
        "Norway ordered Norwegian warships to leave the disputed waters.",
        "The Peruvian president ordered the navy to leave the disputed waters.",
    ] {
        assert!(
            !kinds(text).iter().any(|(_, kind, _, _)| kind == "order"),
            "{text}: {:?}",
            kinds(text)
        );
    }
    let (category, _, source, targets) =
        only("Norway ordered its troops to withdraw from the border with Chile.");
    assert_eq!(category, "RETREAT");
    assert_eq!(source, Some(country("NOR")));
    assert_eq!(targets, [country("CHL")]);
}

#[test]
fn the_first_of_two_objects_of_a_verb_of_giving_is_whom_it_goes_to() {
    // A common noun first: the parser read the two phrases as one, or the second as a
    // complement or a conjunct of the first.
    for (text, category, kind) in [
        (
            "Norway offered the Chilean government a loan of 50 million dollars.",
            "AGREE",
            "pledge",
        ),
        (
            "Norway gave the Chilean army new helicopters.",
            "AID",
            "giving",
        ),
        (
            "Norway promised the Chilean government fresh funds.",
            "AGREE",
            "pledge",
        ),
        // A name first, and an act given.
        ("Norway gave Chile full support.", "SUPPORT", "support"),
        ("Norway granted Chile a loan.", "AID", "loan"),
    ] {
        let got = kinds(text);
        let found = got.iter().find(|(c, k, _, _)| c == category && k == kind);
        let Some((_, _, source, targets)) = found else {
            panic!("{text}: {got:?}");
        };
        assert_eq!(source.as_deref(), Some("country:NOR"), "{text}");
        assert_eq!(targets, &[country("CHL")], "{text}");
    }
    // A span of time after the first phrase is no second object.
    let (category, _, source, targets) = only("Norway sent the troops two days ago.");
    assert_eq!(category, "MOBILIZE");
    assert_eq!(source, Some(country("NOR")));
    assert!(targets.is_empty(), "{targets:?}");
}

#[test]
fn a_name_after_the_object_is_not_whom_it_is_given_to() {
    // "as did X" after the object: X gave it too, and was given nothing.
    let text = "Ana Ruiz offered her congratulations, as did Chilean President Ravi Menon.";
    for (_, _, _, targets) in kinds(text) {
        assert!(
            !targets.iter().any(|t| t.contains("menon")),
            "{text}: {targets:?}"
        );
    }
    assert!(!kinds("Ana Ruiz offered her congratulations to Ravi Menon.").is_empty());
}

#[test]
fn wanting_to_act_oneself_is_known_before_the_parse() {
    // "wants to" is dropped on the word after it, so the sentence need not be parsed for it;
    // "wants Peru to …" still needs the parse, and is a bidding.
    let senses = &super::tests::lexicon().arguments.senses;
    let own = senses
        .iter()
        .find(|s| s.id == "wanted-to-act-oneself")
        .expect("the sense wanted-to-act-oneself");
    assert!(own.before_reading);
    assert!(own.holds_without_a_parse("chile wants to join the bloc.", Some("to")));
    assert!(!own.holds_without_a_parse("chile wants peru to leave.", Some("peru")));
    let aims = kinds("Chile wants to win the vote next year.");
    assert!(!aims.iter().any(|(_, k, _, _)| k == "bidding"), "{aims:?}");
    let (category, kind, source, targets) = only("Chile wants Peru to withdraw its troops.");
    assert_eq!((category.as_str(), kind.as_str()), ("DEMAND", "bidding"));
    assert_eq!(source, Some(country("CHL")));
    assert_eq!(targets, [country("PER")]);
}
