//! Stage tests for constructions the lead found in stop 39: agreements ended or revoked
//! (defence pacts too), and orders to one's own troops, police or ships.

use super::tests::kinds;

/// The single event of `text` as (category, kind, source, targets), with country codes.
pub(super) fn only(text: &str) -> (String, String, Option<String>, Vec<String>) {
    let got = kinds(text);
    assert_eq!(got.len(), 1, "{text}: {got:?}");
    got.into_iter().next().unwrap_or_default()
}

pub(super) fn country(code: &str) -> String {
    format!("country:{code}")
}

#[test]
fn an_agreement_ended_or_a_defence_pact_revoked_is_reneged_on() {
    // "ended" joins the verbs of scrapping; a defence or security pact, which the lexicon
    // reads as military cooperation, is reneged on as any agreement is.
    for text in [
        "Chile ended its fishing agreement with Peru.",
        "Chile terminated its security pact with Peru.",
        "Chile's military rulers revoked a defence pact with Peru.",
        "Chile ended its defence cooperation agreement with Peru, calling it outdated.",
    ] {
        let (category, kind, source, targets) = only(text);
        assert_eq!(
            (category.as_str(), kind.as_str()),
            ("REJECT", "reneging"),
            "{text}"
        );
        assert_eq!(source, Some(country("CHL")), "{text}");
        assert_eq!(targets, [country("PER")], "{text}");
    }
    // Talks that end with an agreement end nothing agreed: the talks are read, no reneging.
    let got = kinds("The talks between Chile and Peru ended with an agreement.");
    assert!(got.iter().all(|(c, ..)| c != "REJECT"), "{got:?}");
    assert!(got.iter().any(|(c, ..)| c == "CONSULT"), "{got:?}");
}

#[test]
fn an_order_to_ones_own_forces_is_the_ordered_act() {
    // The order is no demand on the army; what the army is ordered to do is the act of
    // whoever orders it.
    let (category, kind, source, targets) =
        only("The Chilean president ordered the army to deploy along the border with Peru.");
    assert_eq!(
        (category.as_str(), kind.as_str()),
        ("MOBILIZE", "deployment")
    );
    assert_eq!(source, Some(country("CHL")));
    assert_eq!(targets, [country("PER")]);
    let (category, _, source, _) =
        only("Norway ordered its troops to withdraw from the border with Chile.");
    assert_eq!(category, "RETREAT");
    assert_eq!(source, Some(country("NOR")));
    // A leader's troops ordered to attack use force, not words.
    let (category, _, source, targets) =
        only("The Chilean president ordered his forces to attack Peru.");
    assert_eq!(category, "ASSAULT");
    assert_eq!(source, Some(country("CHL")));
    assert_eq!(targets, [country("PER")]);
    // Ordering another state is still a demand on it, and its act is only asked.
    let (category, kind, source, targets) = only("Peru ordered Chile to withdraw its troops.");
    assert_eq!((category.as_str(), kind.as_str()), ("DEMAND", "order"));
    assert_eq!(source, Some(country("PER")));
    assert_eq!(targets, [country("CHL")]);
}

#[test]
fn a_politicians_proposal_put_to_no_one_is_no_demand() {
    // A plan of one's own proposed to no one named is no demand; put to another side, it is.
    assert_eq!(kinds("Labour proposed a cap on immigration."), []);
    let (category, kind, source, targets) = only("Chile proposed a ceasefire to Peru.");
    assert_eq!((category.as_str(), kind.as_str()), ("DEMAND", "proposal"));
    assert_eq!(source, Some(country("CHL")));
    assert_eq!(targets, [country("PER")]);
    // A state's proposal keeps its reading, addressee or not.
    let (category, _, source, _) = only("Chile proposed a ceasefire.");
    assert_eq!(category, "DEMAND");
    assert_eq!(source, Some(country("CHL")));
}
