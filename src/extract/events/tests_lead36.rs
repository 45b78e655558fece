//! Stage tests for constructions the lead found in stop 36: the sides of a mutual act named
//! together as its subjects.

use super::tests::{act, acts, run};

#[test]
fn the_sides_of_a_mutual_act_named_as_its_subjects_act_on_each_other() {
    // A meeting, talks, an agreement or a signing whose sides are all its subjects is done
    // between them: the first named acts on the second, as a coder writes the pair.
    for (text, category) in [
        ("Chile and Peru agreed to restore diplomatic ties.", "AGREE"),
        ("Chile and Peru signed a trade pact.", "AGREE"),
        (
            "Chile and Peru reached an agreement on fishing rights.",
            "AGREE",
        ),
        ("Chile and Peru held talks in Lima.", "CONSULT"),
    ] {
        let got = acts(&run(text));
        assert!(
            got.contains(&act(category, Some("country:CHL"), &["country:PER"])),
            "{text}: {got:?}"
        );
    }
    let got = acts(&run("Ana Ruiz and Ola Berg met in Lima on Monday."));
    assert!(
        got.contains(&act(
            "CONSULT",
            Some("person:ana-ruiz"),
            &["person:ola-berg"]
        )),
        "{got:?}"
    );
    // Joint acts aimed at no one are not mutual: both sides pledge, neither to the other.
    let got = acts(&run("Chile and Peru pledged more aid."));
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "AGREE" && s.as_deref() == Some("country:CHL") && t.is_empty()),
        "{got:?}"
    );
    // Someone else met, even unnamed, is the meeting's other side.
    let got = acts(&run(
        "Ana Ruiz and Ola Berg met union representatives in Lima.",
    ));
    assert!(
        got.iter().any(|(c, s, t)| c == "CONSULT"
            && s.as_deref() == Some("person:ana-ruiz")
            && t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn a_town_attacked_is_where_the_attack_happens_and_its_country_is_acted_on() {
    // A town as the object names no actor: it is the attack's place, and a town of another
    // country than the attacker's makes that country the target.
    for text in [
        "Chilean drones attacked the port of Tacna.",
        "Chilean forces shelled Cusco overnight.",
        "Chilean forces shelled the city of Tacna, Peru said.",
    ] {
        let x = run(text);
        let got = acts(&x);
        assert!(
            got.contains(&act("FIGHT", Some("country:CHL"), &["country:PER"])),
            "{text}: {got:?}"
        );
        assert!(
            x.events.iter().any(|e| e.place.is_some()),
            "{text}: no place"
        );
    }
    // A town of the attacker's own country is its place only.
    let x = run("Chilean forces shelled Antofagasta.");
    assert!(
        x.events
            .iter()
            .any(|e| e.place.as_deref() == Some("Antofagasta") && e.targets.is_empty()),
        "{:?}",
        acts(&x)
    );
}

#[test]
fn weapons_fired_into_the_sea_are_a_show_of_force_and_fired_at_ships_an_attack() {
    for text in [
        "Chile fired two ballistic missiles into the sea off its northern coast.",
        "Peruvian artillery fired shells into waters near the maritime border.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter().any(|(c, _, _)| c == "MOBILIZE") && got.iter().all(|(c, _, _)| c != "FIGHT"),
            "{text}: {got:?}"
        );
    }
    let got = acts(&run(
        "Chile fired missiles at Peruvian ships in the Pacific Ocean.",
    ));
    assert!(
        got.contains(&act("FIGHT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}
