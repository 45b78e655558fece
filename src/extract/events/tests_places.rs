//! Stage tests for places and groups an act is aimed at: a town's country, a group's country.

use super::tests::{act, acts, run};

#[test]
fn a_town_of_another_country_is_its_country_acted_on() {
    // A town across the border: its country is acted on, though the article never names it.
    let x = run("Norwegian tanks fired four shell bombs at targets in Gothenburg, witnesses said.");
    let got = acts(&x);
    assert!(
        got.contains(&act("FIGHT", Some("country:NOR"), &["country:SWE"])),
        "{got:?}"
    );
    assert!(
        x.actors.iter().any(|a| a.key == "country:SWE"),
        "the town's country becomes an actor"
    );
    // A town far off, of a country the article does not name, may be a place at home of the
    // same name: no one is acted on.
    let y = run("Chilean tanks fired four shell bombs at targets in Gothenburg, witnesses said.");
    let got = acts(&y);
    assert!(
        !got.iter()
            .any(|(_, _, t)| t.contains(&"country:SWE".to_owned())),
        "{got:?}"
    );
    // Named in the article, it is.
    let z = run(
        "Sweden has protested to Chile. Chilean tanks fired four shell bombs at targets in Gothenburg, witnesses said.",
    );
    let got = acts(&z);
    assert!(
        got.contains(&act("FIGHT", Some("country:CHL"), &["country:SWE"])),
        "{got:?}"
    );
    // A town of the actor's own country is no act on that country.
    let w = run("Norwegian President Ola Berg arrived in Bergen on a visit on Monday.");
    let got = acts(&w);
    assert!(
        !got.iter()
            .any(|(_, _, t)| t.contains(&"country:NOR".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_territory_of_one_country_is_that_country_acted_on() {
    // "the West Bank" is an issue place that lies in one country (`country` in issues.json).
    let x = run("Norway on Friday reimposed blockades in the West Bank, a spokesman said.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("country:NOR"), &["country:PSE"])),
        "{got:?}"
    );
    // The country's own territory is not acted on by it.
    let y = run("Sudan on Friday imposed a curfew in Darfur, a spokesman said.");
    let got = acts(&y);
    assert!(
        !got.iter()
            .any(|(_, _, t)| t.contains(&"country:SDN".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_place_a_group_holds_and_the_names_of_a_group_are_that_groups() {
    // "a Karen guerrilla stronghold": the parser hangs "Karen" and "guerrilla" both from the
    // place noun; the group noun is singular.
    let x = run(
        "Thai troops have captured part of a Karen guerrilla stronghold on the border after five days of fighting.",
    );
    let got = acts(&x);
    assert!(
        got.contains(&act("FIGHT", Some("country:THA"), &["group:MMR:rebels"])),
        "{got:?}"
    );
    // The country of a regional people is named for what it is.
    assert!(
        x.actors.iter().any(
            |a| a.key == "group:MMR:rebels" && a.affiliation_name.as_deref() == Some("Myanmar")
        ),
        "{:?}",
        x.actors
    );
    let y = run("Norwegian troops shelled Chilean guerrilla camps near the border on Monday.");
    let got = acts(&y);
    assert!(
        got.contains(&act("FIGHT", Some("country:NOR"), &["group:CHL:rebels"])),
        "{got:?}"
    );
    // "the leaders of Chilean rebels": the names that qualify a group noun name the group,
    // however deep the group noun.
    let z = run("Norway condemned the leaders of Chilean rebels on Monday.");
    let got = acts(&z);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("country:NOR"),
            &["group:CHL:rebels"]
        )),
        "{got:?}"
    );
}

#[test]
fn a_noun_a_modifier_makes_a_group_noun_names_the_group() {
    // "armed groups" is a two-word noun of the rebels; "from X" hangs from the object.
    let x = run(
        "In an unprecedented move, Norwegian police confiscated weapons and explosives from Norwegian armed groups, the army said Friday.",
    );
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("country:NOR"), &["group:NOR:rebels"])),
        "{got:?}"
    );
    let y = run("Norway condemned Chilean militant groups on Monday.");
    let got = acts(&y);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("country:NOR"),
            &["group:CHL:rebels"]
        )),
        "{got:?}"
    );
}
