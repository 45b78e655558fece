//! Stage tests for constructions the lead found in stop 40: phrase triggers in every tense
//! (a form listed in one tense and missing in another gave nothing), the two sides of a
//! mutual act with a place after it, and what is given against whom it is given to.

use super::tests::kinds;
use super::tests_lead39::{country, only};

#[test]
fn a_phrase_trigger_is_read_in_every_tense() {
    // Each phrase was listed in some tenses and not in these.
    for (text, category, kind) in [
        (
            "Chile broke off diplomatic relations with Peru.",
            "SANCTION",
            "diplomatic_downgrade",
        ),
        (
            "Chile is breaking off relations with Peru.",
            "SANCTION",
            "diplomatic_downgrade",
        ),
        (
            "Chile cut off diplomatic ties with Peru.",
            "SANCTION",
            "diplomatic_downgrade",
        ),
        (
            "Chilean troops traded fire with Peruvian soldiers.",
            "FIGHT",
            "clash",
        ),
        (
            "Chile is threatening sanctions against Peru.",
            "THREATEN",
            "sanction_threat",
        ),
    ] {
        let (got_category, got_kind, source, targets) = only(text);
        assert_eq!(
            (got_category.as_str(), got_kind.as_str()),
            (category, kind),
            "{text}"
        );
        assert_eq!(source, Some(country("CHL")), "{text}");
        assert_eq!(targets, [country("PER")], "{text}");
    }
    // A strike, with no one struck against named.
    let (category, kind, source, targets) = only("Chilean nurses walked off the job over pay.");
    assert_eq!((category.as_str(), kind.as_str()), ("PROTEST", "strike"));
    assert_eq!(source, Some(country("CHL")));
    assert!(targets.is_empty(), "{targets:?}");
}

#[test]
fn a_place_after_a_mutual_act_is_no_side_of_it() {
    // "on the border" is where they fired, not whom at: the two subjects are the sides.
    for text in [
        "Chile and Peru exchanged fire on the border.",
        "Chilean and Peruvian troops traded fire on the border.",
    ] {
        let (category, _, source, targets) = only(text);
        assert_eq!(category, "FIGHT", "{text}");
        assert_eq!(source, Some(country("CHL")), "{text}");
        assert_eq!(targets, [country("PER")], "{text}");
    }
    // Someone fired on is still the one acted on: the subjects are not each other's target.
    let (category, _, source, targets) = only("Chile and Peru opened fire on the protesters.");
    assert_eq!(category, "FIGHT");
    assert_eq!(source, Some(country("CHL")));
    assert!(targets.is_empty(), "{targets:?}");
}

#[test]
fn a_country_qualifying_what_is_given_is_not_whom_it_is_given_to() {
    // What is pledged, sent or delivered is the object; a country qualifying it says where the
    // goods come from, and the one given to is after "to".
    for (text, category) in [
        ("Chile promised American weapons to Peru.", "AGREE"),
        ("Chile sent American weapons to Peru.", "AID"),
        ("Chile delivered Russian helicopters to Peru.", "AID"),
    ] {
        let (got, _, source, targets) = only(text);
        assert_eq!(got, category, "{text}");
        assert_eq!(source, Some(country("CHL")), "{text}");
        assert_eq!(targets, [country("PER")], "{text}");
    }
    // With nothing given to anyone named, the pledge has no target.
    let (category, _, source, targets) = only("Chile will offer Peruvian wine at the fair.");
    assert_eq!(category, "AGREE");
    assert_eq!(source, Some(country("CHL")));
    assert!(targets.is_empty(), "{targets:?}");
    // A name as the object is whom it is given to.
    let (category, _, source, targets) = only("Chile offered Peru a loan.");
    assert_eq!(category, "AGREE");
    assert_eq!(source, Some(country("CHL")));
    assert_eq!(targets, [country("PER")]);
}

#[test]
fn who_is_supplied_with_something_material_gets_it() {
    // The object of "provided ... with weapons" is who gets them: the provision is aid to
    // them, not a provision of something immaterial dropped.
    for text in [
        "Chile provided the Peruvian army with weapons.",
        "Chile supplied Peruvian farmers with food.",
    ] {
        let (category, _, source, targets) = only(text);
        assert_eq!(category, "AID", "{text}");
        assert_eq!(source, Some(country("CHL")), "{text}");
        assert!(!targets.is_empty(), "{text}");
    }
    // Something immaterial given "with" is still no aid.
    assert_eq!(
        kinds("Chile provided the Peruvian army with the latest figures."),
        []
    );
}
