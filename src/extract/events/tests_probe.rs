//! Stage tests for constructions of wire news found by invented probe sentences: fines, the
//! victims of a raid's consequence, warnings against an act, sums pledged in aid, protests
//! at remarks by someone else.

use super::tests::{act, acts, run};

#[test]
fn a_fine_is_a_sanction_on_the_one_fined() {
    let x = run("The Norwegian competition authority fined Chile's state oil company on Monday.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "SANCTION"
            && s.as_deref() == Some("country:NOR")
            && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    let y = run("A Norwegian court fined Ola Berg for insulting the president.");
    assert!(
        acts(&y).iter().any(|(c, _, _)| c == "SANCTION"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn those_killed_by_a_raid_are_its_target_when_it_names_none() {
    let x =
        run("Norwegian troops raided a village near the border on Monday, killing three Chileans.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:NOR")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
    // A raid that names whom it hit keeps that target.
    let y = run("Norwegian troops attacked Peru, killing three Chileans.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:NOR")
            && t == &vec!["country:PER".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_warning_against_an_act_warns_the_one_who_would_do_it() {
    // The act warned against is what the warning is about, not an act that happened: no aid
    // from Chile to Peru is stated.
    let x = run("Norway warned Chile against supplying weapons to Peru.");
    let got = acts(&x);
    assert!(
        got.contains(&act("THREATEN", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "AID"), "{got:?}");
}

#[test]
fn a_sum_pledged_in_aid_is_pledged_and_given_by_the_one_who_pledged_it() {
    let x = run("Norway pledged 500 million euros in military aid to Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    assert!(
        got.contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn a_protest_at_remarks_by_someone_is_made_by_the_one_protesting() {
    let x = run("Norway recalled its ambassador from Chile in protest at remarks by Ola Berg.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("person:ola-berg")),
        "{got:?}"
    );
}

#[test]
fn arms_that_hit_strike_and_a_scandal_that_hits_does_not() {
    let x = run("Norwegian drones hit an oil depot in southern Chile.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, s, _)| c == "FIGHT" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&x)
    );
    let y = run("A Chilean oil depot was hit by Norwegian missiles on Monday.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "FIGHT" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
    let z = run("Norway hit back at Chile over its tax plans.");
    assert!(
        !acts(&z).iter().any(|(c, _, _)| c == "FIGHT"),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_country_that_leads_a_coalition_strikes_through_it() {
    let x = run("Norwegian-led coalition airstrikes killed dozens of civilians in Chile.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "FIGHT" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn cut_ties_and_envoys_recalled_are_downgrades() {
    let x = run("Norway cut diplomatic ties with Chile on Monday.");
    assert!(
        acts(&x).contains(&act("SANCTION", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway recalled its envoy from Chile.");
    assert!(
        acts(&y).contains(&act("SANCTION", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_group_a_country_backs_acts_itself() {
    // "Norwegian-backed" read as the clause's verb lost the attack.
    let x = run("Norwegian-backed Hezbollah fighters attacked a cargo ship on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "ASSAULT" && s.as_deref() == Some("org:hezbollah")),
        "{got:?}"
    );
}

#[test]
fn a_mediator_between_two_sides_acts_on_both() {
    for text in [
        "Norway mediated talks between Chile and Peru in Oslo.",
        "Norway has been mediating between Chile and Peru for months.",
    ] {
        let x = run(text);
        assert!(
            acts(&x).contains(&act(
                "CONSULT",
                Some("country:NOR"),
                &["country:CHL", "country:PER"]
            )),
            "{text}: {:?}",
            acts(&x)
        );
    }
}

#[test]
fn a_serial_comma_keeps_a_list_of_names_the_subject() {
    let x = run("Norway, Chile, and Peru met in Lima on Monday.");
    let keys: Vec<&str> = x.events.iter().map(|e| e.key.as_str()).collect();
    assert!(
        keys.iter()
            .any(|k| k.starts_with("event:consult/CHL+NOR+PER")),
        "{keys:?}"
    );
}

#[test]
fn batteries_and_salvos_fired_at_a_country_are_fire() {
    let x = run("Norway fired anti-aircraft batteries at Chile.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:NOR")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn people_killed_or_arrested_in_a_headline_are_acted_on() {
    // A headline's past form without "were": the soldiers were killed.
    let got = acts(&run("10 Chilean soldiers killed in Peru."));
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "ASSAULT" && s.is_none() && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
    // A past participle describing them: the journalists were arrested.
    let got = acts(&run("Two Chilean journalists arrested in Lima."));
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "COERCE" && s.is_none() && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
    // With an object the past form is active.
    let got = acts(&run("Chilean soldiers killed three Peruvians on Monday."));
    assert!(
        got.iter()
            .any(|(_, s, t)| s.as_deref() == Some("country:CHL")
                && t == &vec!["country:PER".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_subject_described_by_a_participle_phrase_still_acts() {
    for text in [
        "Chilean jets using cluster bombs killed 12 Peruvians near the border.",
        "Chilean troops backed by tanks attacked three Peruvian villages.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter().any(|(c, s, t)| c == "FIGHT"
                && s.as_deref() == Some("country:CHL")
                && t == &vec!["country:PER".to_owned()]),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_meeting_that_will_do_something_is_scheduled_not_pledged() {
    let got = acts(&run(
        "The Andean Community summit in Lima will use the report as the basis for talks on Chile.",
    ));
    assert!(!got.iter().any(|(c, _, _)| c == "AGREE"), "{got:?}");
    assert!(got.iter().any(|(c, _, _)| c == "CONSULT"), "{got:?}");
}

#[test]
fn a_quotation_after_saying_and_a_colon_is_no_object_of_the_verb_above() {
    // The parser hung the quotation on "rejected", so its subject became what was rejected.
    let x = run("Ola Berg rejected the claims, saying: \"Lars Dahl has lied to the party.\"");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "REJECT" && s.is_some() && t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn what_will_probably_happen_is_foretold_not_pledged() {
    // A hedged future is a forecast: no one pledges or threatens it.
    let x = run("Ola Berg said a meeting of the Andean Council would probably discuss the ruling.");
    let got = acts(&x);
    assert!(got.iter().all(|(c, _, _)| c != "AGREE"), "{got:?}");
    let y = run("Peru will probably attack Chile.");
    let got = acts(&y);
    assert!(got.iter().all(|(c, _, _)| c != "THREATEN"), "{got:?}");
    // Unhedged, the same future is still a threat.
    let z = run("Peru will attack Chile.");
    assert!(
        acts(&z).iter().any(|(c, _, _)| c == "THREATEN"),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn an_act_planned_in_a_phrase_is_not_the_subjects_purpose() {
    // "to allow" belongs to the plans the controversy is over, not to Ola Berg's comments.
    let x = run(
        "Ola Berg's comments follow the controversy over plans to allow Chilean boats to fish there.",
    );
    let got = acts(&x);
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() != Some("person:ola-berg")),
        "{got:?}"
    );
    // The plans of someone named still give the act its owner.
    let y = run("Peru attacked Chile's plans to close the border.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "DISAPPROVE" && s.as_deref() == Some("country:PER")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_decided_or_announced_easing_is_the_measure_not_a_pledge() {
    // As a declared sanction is the sanction: deciding to allow is allowing, announcing a
    // withdrawal that will be made is the withdrawal (planned), not a promise of one.
    let got = acts(&run(
        "The Chilean Supreme Court decided to allow candidate Ana Ruiz to take part in the elections.",
    ));
    assert!(got.iter().any(|(c, _, _)| c == "CONCEDE"), "{got:?}");
    assert!(got.iter().all(|(c, _, _)| c != "AGREE"), "{got:?}");
    let got = acts(&run(
        "Norway announced on Monday that it would withdraw its troops from Chile.",
    ));
    assert!(
        got.contains(&act("RETREAT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}
