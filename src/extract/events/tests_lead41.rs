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
