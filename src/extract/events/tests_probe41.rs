//! Stage tests for the wire constructions the stop-41 probe found: feelings caused "by"
//! someone, someone wanted to act, phrasal forms (downed tools, teamed up, took issue, fell
//! back, interrogated, pounded, beefed up), killings "to death", rallying behind a side,
//! accounts blocked, charges dropped, fighting alongside, people captured, support for
//! someone's bid, and warnings about what someone passed.

use super::tests::{act, acts, kinds, run};

#[test]
fn a_feeling_caused_by_someone_is_their_disapproval_by_who_feels_it() {
    // "was alarmed by Peru's decision" gave Peru as the source (the passive's agent) and
    // Chile as the target (`feeling-subject`, `feeling-cause-target`).
    for text in [
        "Chile was alarmed by Peru's decision.",
        "Chile said it was dismayed by Peru's decision.",
        "Chile said it was disappointed with Peru's decision.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn someone_wanted_to_act_is_bidden() {
    // "wants Peru to extradite" was no act at all (kind `bidding`).
    let got = acts(&run("Chile wants Peru to extradite the former president."));
    assert!(
        got.contains(&act("DEMAND", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    // Wanting to act oneself, wanting a thing, wishing someone to be something, bid no one.
    for text in [
        "Chile wants to join the alliance.",
        "Chile wants a seat on the council.",
        "Ravi Menon wants Chile to be prosperous and strong.",
    ] {
        let got = acts(&run(text));
        assert!(got.iter().all(|(c, _, _)| c != "DEMAND"), "{text}: {got:?}");
    }
}

#[test]
fn phrasal_forms_are_read() {
    for (text, category) in [
        ("Chilean nurses downed tools over pay.", "PROTEST"),
        (
            "Chile teamed up with Peru to fight drug smuggling.",
            "COOPERATE",
        ),
        ("Chile took issue with Peru's plan.", "DISAPPROVE"),
        (
            "Chilean police interrogated two Peruvian sailors.",
            "INVESTIGATE",
        ),
        (
            "Chilean warplanes pounded rebel positions in Peru.",
            "FIGHT",
        ),
        (
            "Chile beefed up its troops on the border with Peru.",
            "MOBILIZE",
        ),
        ("Chilean troops fell back from the border.", "RETREAT"),
    ] {
        let got = kinds(text);
        assert!(got.iter().any(|(c, ..)| c == category), "{text}: {got:?}");
    }
}

#[test]
fn falling_back_on_something_is_no_retreat() {
    // `fell-back-on`: the parse hangs "on its reserves" on "back", so the sense's
    // `child_cases` steps through a child ("advmod>obl").
    let got = kinds("Chile fell back on its reserves in the crisis.");
    assert!(got.iter().all(|(c, ..)| c != "RETREAT"), "{got:?}");
}

#[test]
fn hacked_to_death_is_a_killing() {
    // "hacked" was read as a cyberattack only.
    for text in [
        "Rebels hacked to death twelve Peruvian farmers.",
        "Rebels hacked three Peruvian farmers to death near the border.",
    ] {
        let got = kinds(text);
        assert!(
            got.iter()
                .any(|(c, k, ..)| c == "ASSAULT" && k == "killing"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn rallying_behind_a_side_supports_it() {
    // "rallied" was a demonstration.
    let got = acts(&run(
        "Norway rallied behind Chile in its dispute with Peru.",
    ));
    assert!(
        got.contains(&act("SUPPORT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "PROTEST"), "{got:?}");
}

#[test]
fn accounts_blocked_charges_dropped_and_people_captured() {
    let got = kinds("Norway blocked the bank accounts of two Chilean businessmen.");
    assert!(got.iter().any(|(c, ..)| c == "SANCTION"), "{got:?}");
    assert!(got.iter().all(|(c, ..)| c != "REJECT"), "{got:?}");
    let got = kinds("Chile dropped charges against three Peruvian fishermen.");
    assert!(got.iter().any(|(c, ..)| c == "CONCEDE"), "{got:?}");
    assert!(got.iter().all(|(c, ..)| c != "DISAPPROVE"), "{got:?}");
    let got = kinds("Chilean forces captured forty rebels near the border.");
    assert!(got.iter().any(|(c, ..)| c == "COERCE"), "{got:?}");
    // Ground captured stays fighting.
    let got = kinds("Chilean forces captured the town of Arica.");
    assert!(got.iter().any(|(c, ..)| c == "FIGHT"), "{got:?}");
}

#[test]
fn fighting_alongside_is_cooperation() {
    let got = acts(&run(
        "Chilean troops were fighting alongside Peruvian forces in the north.",
    ));
    assert!(got.iter().any(|(c, _, _)| c == "COOPERATE"), "{got:?}");
    assert!(got.iter().all(|(c, _, _)| c != "FIGHT"), "{got:?}");
}

#[test]
fn support_for_someones_bid_and_a_warning_about_what_someone_passed() {
    let got = acts(&run(
        "Chile voiced support for Peru's request to host the summit.",
    ));
    assert!(
        got.contains(&act("SUPPORT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let got = acts(&run(
        "Chile's senate approved a bill that Peru warned would trigger new sanctions.",
    ));
    assert!(
        got.iter().any(|(c, s, t)| c == "THREATEN"
            && s.as_deref() == Some("country:PER")
            && !t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn insisting_in_the_subjunctive_is_a_demand() {
    // "insisted that Peru withdraw" gave Peru's withdrawal as done, and no demand (kind
    // `insistence`, sense `insisted-nothing-bidden`, `subjunctive.rs`).
    let got = acts(&run(
        "Chile insisted that Peru withdraw its troops from the border.",
    ));
    assert!(
        got.contains(&act("DEMAND", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "RETREAT"), "{got:?}");
    // Insisting that something is or was so states it.
    for text in [
        "Ravi Menon insisted that the plan was fair.",
        "Ravi Menon insisted Peru withdrew its troops last year.",
        "Ravi Menon insisted voters face higher taxes.",
        "Ravi Menon insisted the election will be fought on the economy.",
    ] {
        let got = acts(&run(text));
        assert!(got.iter().all(|(c, _, _)| c != "DEMAND"), "{text}: {got:?}");
    }
}

#[test]
fn a_vote_against_is_a_rejection() {
    let got = acts(&run(
        "Chilean lawmakers voted against the trade deal with Peru.",
    ));
    assert!(
        got.contains(&act("REJECT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let got = kinds("The Chilean senate voted down Peru's proposal.");
    assert!(got.iter().any(|(c, ..)| c == "REJECT"), "{got:?}");
}
