//! How an act is stated and whom it is aimed at, on invented sentences: abilities, rumours,
//! warnings, kinds of things, denials of one's own act, inquiries, a trigger's own preposition
//! and the place of what is threatened or promised.

use super::tests::{act, acts, run};

#[test]
fn a_triggers_own_preposition_names_whom_it_is_aimed_at_never_who_acts() {
    // "war on": the country after it undergoes the war.
    let x = run("Norway said the war on Peru was a mistake.");
    let got = acts(&x);
    assert!(
        got.contains(&act("FIGHT", None, &["country:PER"])),
        "{got:?}"
    );
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:PER")),
        "{got:?}"
    );
}

#[test]
fn a_threat_or_promise_of_an_act_in_a_country_is_aimed_at_it() {
    // The place of what is threatened, whether a trigger of its own ("resume") or a plain
    // verb ("open"), is who the threat is aimed at.
    let x = run("Norway threatened to resume attacks in Chile.");
    assert!(
        acts(&x).contains(&(
            "THREATEN".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:CHL".to_owned()]
        )),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway refused to open an embassy in Chile.");
    assert!(
        acts(&y).contains(&(
            "REJECT".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:CHL".to_owned()]
        )),
        "{:?}",
        acts(&y)
    );
    // A meeting's place stays a place when the meeting is what was agreed.
    let z = run("Norway agreed to hold talks with Peru in Chile.");
    let got = acts(&z);
    assert!(
        got.iter()
            .all(|(_, _, t)| !t.iter().any(|k| k == "country:CHL"))
            && got
                .iter()
                .any(|(c, s, _)| c == "AGREE" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn what_someone_is_able_to_do_is_not_done() {
    let x = run("Norway condemned Peru and said it was able to attack Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
    assert!(
        got.iter()
            .all(|(_, _, t)| !t.iter().any(|k| k == "country:CHL")),
        "{got:?}"
    );
    assert!(
        x.skipped
            .iter()
            .any(|s| s.reason == "an ability, not an act"),
        "{:?}",
        x.skipped
    );
}

#[test]
fn a_denial_of_ones_own_act_is_not_aimed_at_whom_the_act_was_done_to() {
    let x = run("Norway denied accusing Peru of lying.");
    let got = acts(&x);
    assert!(
        got.contains(&act("REJECT", Some("country:NOR"), &[])),
        "{got:?}"
    );
    // Denying what another did still answers them.
    let y = run("Norway denied that Peru had attacked Chile.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "REJECT" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_trigger_naming_a_kind_of_thing_is_no_act_unless_the_thing_is_an_act() {
    let x = run("Norway condemned Peru and met aid charities.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "AID"), "{got:?}");
    // "a mediation mission": the kind of act it is.
    let y = run("Norway began a mediation mission between Peru and Chile.");
    assert!(
        acts(&y).iter().any(|(c, _, _)| c == "CONSULT"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_warning_is_a_threat_when_it_says_what_will_follow() {
    for text in [
        "Norway warned that it would attack Chile.",
        "Norway warned Chile that there could be strikes unless it paid.",
    ] {
        let x = run(text);
        assert!(
            acts(&x)
                .iter()
                .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("country:NOR")),
            "{text}: {:?}",
            acts(&x)
        );
    }
    // What may go wrong, with nothing that will follow, is a remark.
    let y = run("Norway warned that the plan might harm Chile.");
    assert!(
        acts(&y).iter().all(|(c, _, _)| c != "THREATEN")
            && y.skipped
                .iter()
                .any(|s| s.reason == "warning-without-threat"),
        "{:?} {:?}",
        acts(&y),
        y.skipped
    );
}

#[test]
fn what_is_rumoured_is_not_reported_as_done() {
    for text in [
        "Amid speculation that Norway will attack Chile, Peru condemned Chile.",
        "Peru condemned Chile amid rumours of an attack by Norway.",
    ] {
        let x = run(text);
        let got = acts(&x);
        assert!(
            got.contains(&act("DISAPPROVE", Some("country:PER"), &["country:CHL"])),
            "{text}: {got:?}"
        );
        assert!(
            got.iter()
                .all(|(c, s, _)| c == "DISAPPROVE" && s.as_deref() == Some("country:PER")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn an_inquiry_into_an_act_is_aimed_at_whoever_did_it() {
    let x = run("Norway is investigating attacks by Chile on Peru.");
    let got = acts(&x);
    assert!(
        got.contains(&act("INVESTIGATE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn a_pointing_word_points_at_someone_only_before_a_noun_that_can_stand_for_them() {
    // "these claims": the claims of the one named before.
    let x = run("Chile criticised the treaty. Peru condemned these claims.");
    assert!(
        acts(&x).contains(&(
            "DISAPPROVE".to_owned(),
            Some("country:PER".to_owned()),
            vec!["country:CHL".to_owned()]
        )),
        "{:?}",
        acts(&x)
    );
    // "this year", "that policy": no one.
    for text in [
        "Chile criticised the treaty. Peru condemned this year.",
        "Chile criticised the treaty. Peru condemned that policy.",
    ] {
        let y = run(text);
        assert!(
            acts(&y).contains(&(
                "DISAPPROVE".to_owned(),
                Some("country:PER".to_owned()),
                vec![]
            )),
            "{text}: {:?}",
            acts(&y)
        );
    }
}

#[test]
fn an_attempt_is_the_act_attempted_not_a_plan() {
    // "tried to hack": the attempt was made; it is the act (PLOVER codes attempts as the
    // act), not a threat or a pledge of it.
    let x = run("Chile tried to hack into the computers of Peruvian army officers.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "COERCE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "THREATEN"), "{got:?}");
    let y = run("Norway is trying to reassure Chile about the new fishing rules.");
    let got = acts(&y);
    assert!(
        got.contains(&act("SUPPORT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn setting_fire_to_property_destroys_it() {
    let x = run("Chilean settlers set fire to the offices of the Peruvian embassy on Monday.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "COERCE"
            && s.as_deref() == Some("group:CHL:settlers")
            && t.iter().any(|k| k == "country:PER")),
        "{got:?}"
    );
}

#[test]
fn a_sanction_declared_decided_is_the_sanction_not_a_threat() {
    // Announced or decided by whoever takes it, a future sanction is that sanction, planned.
    for text in [
        "Norway announced on Wednesday it would prohibit all aid to Chilean rebels.",
        "Norway decided to impose sanctions on Chile.",
    ] {
        let x = run(text);
        let got = acts(&x);
        assert!(
            got.iter()
                .any(|(c, s, _)| c == "SANCTION" && s.as_deref() == Some("country:NOR")),
            "{text}: {got:?}"
        );
        assert!(
            got.iter().all(|(c, _, _)| c != "THREATEN"),
            "{text}: {got:?}"
        );
    }
    // Said, or merely prepared, it stays a threat.
    for text in [
        "Norway said it would impose sanctions on Chile.",
        "Norway announced that it is prepared to impose sanctions on Chile.",
    ] {
        let x = run(text);
        assert!(
            acts(&x)
                .iter()
                .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("country:NOR")),
            "{text}: {:?}",
            acts(&x)
        );
    }
}

#[test]
fn a_verb_after_a_long_subject_is_its_main_verb() {
    // The parser hung "killed" on "gunships" as a clause describing them and made
    // "aircraft" the root: the aircraft killed, and an army's aircraft fight (FIGHT).
    let x = run(
        "Norwegian aircraft including helicopter gunships killed 46 Chilean civilians in an attack on a village.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:NOR")
            && t.iter().any(|k| k == "group:CHL:civilians")),
        "{got:?}"
    );
}

#[test]
fn a_verb_the_parser_hangs_as_an_adjective_or_aside_is_the_main_verb() {
    // Read as "criticised Chile" (an adjective) with "Chile" the root.
    let x = run("Members of the Norwegian Labour Party criticised Chile.");
    assert!(
        acts(&x).contains(&act(
            "DISAPPROVE",
            Some("org:nor-labour-party"),
            &["country:CHL"]
        )),
        "{:?}",
        acts(&x)
    );
    // Read as an aside (parataxis) of "Supporters".
    let y = run("Supporters of the Norwegian Labour Party attacked Chile.");
    assert!(
        acts(&y)
            .iter()
            .any(|(_, s, t)| s.as_deref() == Some("org:nor-labour-party")
                && t.contains(&"country:CHL".to_owned())),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn people_held_are_released_things_made_public_are_not() {
    // Said of the future, releasing people held is a pledge (AGREE) to them.
    let x = run("The Chilean rebels said they will release Ola Berg and 30 members of his staff.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "AGREE"
            && s.is_some()
            && t.iter().any(|k| k == "person:ola-berg")),
        "{got:?}"
    );
    let y = run("Chile released Ola Berg on Monday.");
    assert!(
        acts(&y).contains(&act("RETREAT", Some("country:CHL"), &["person:ola-berg"])),
        "{:?}",
        acts(&y)
    );
    // A report, figures or documents released free no one.
    for text in [
        "Norway released a report on the fishing dispute with Chile.",
        "The figures were released by Chile on Monday.",
    ] {
        let z = run(text);
        assert!(
            acts(&z).iter().all(|(c, _, _)| c != "RETREAT"),
            "{text}: {:?}",
            acts(&z)
        );
    }
}

#[test]
fn an_order_to_someone_is_a_demand_on_them() {
    let x = run(
        "A Peruvian judge has ordered former president Ola Berg to appear in court in October.",
    );
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "DEMAND" && t.iter().any(|k| k == "person:ola-berg")),
        "{got:?}"
    );
}

#[test]
fn agreeing_that_something_is_so_is_no_agreement_but_agreeing_on_what_will_be_done_is() {
    for view in [
        "Ana Voss agreed the new law was unfair.",
        "Ana Voss agreed and said the figures had to be read with care.",
    ] {
        let x = run(view);
        assert!(
            !acts(&x).iter().any(|(c, _, _)| c == "AGREE"),
            "{view}: {:?}",
            acts(&x)
        );
    }
    for deal in [
        "Chile agreed that Norway would monitor the truce.",
        "Chilean and Peruvian officials agreed that their countries should cooperate on trade.",
        "Chile agreed to lift sanctions on Peru.",
        "Chile and Peru agreed on a ceasefire.",
    ] {
        let x = run(deal);
        assert!(
            acts(&x).iter().any(|(c, _, _)| c == "AGREE"),
            "{deal}: {:?}",
            acts(&x)
        );
    }
}

#[test]
fn an_act_foretold_in_the_passive_is_no_pledge_or_threat_of_its_doer() {
    // A prediction of how someone will be received, not a promise of the receivers.
    let x = run("Ravi Menon would be warmly welcomed by Norway.");
    assert!(
        acts(&x).contains(&act("SUPPORT", Some("country:NOR"), &["person:ravi-menon"])),
        "{:?}",
        acts(&x)
    );
    // Said in the active, the same future act is the doer's pledge.
    let y = run("Norway will warmly welcome Ravi Menon.");
    assert!(
        acts(&y).contains(&act("AGREE", Some("country:NOR"), &["person:ravi-menon"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn bombarding_with_words_is_no_shelling_but_with_rockets_it_is() {
    let x = run("Chilean MPs bombarded Ravi Menon with requests for a meeting.");
    assert!(
        !acts(&x).iter().any(|(c, _, _)| c == "FIGHT"),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway bombarded Chile with rockets.");
    assert!(
        acts(&y).contains(&act("FIGHT", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn an_infinitive_hung_from_the_object_of_a_demand_is_what_it_asks() {
    // The parser hangs "to step down" from "the men": still what is urged, no resignation
    // told as done, and the council is not who is urged.
    let x = run("Ana Voss urged the men to step down from the Chile Trade Council in a letter.");
    let got = acts(&x);
    assert!(!got.iter().any(|(c, _, _)| c == "RETREAT"), "{got:?}");
    assert!(
        got.contains(&act("DEMAND", Some("person:ana-voss"), &[])),
        "{got:?}"
    );
    // Without an object of its own the act is aimed at whom its content names.
    let y = run("Norway agreed to lift sanctions on Chile.");
    assert!(
        acts(&y).contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn forces_deployed_and_troops_clashing_stay_acts_of_force() {
    // Beside the senses that drop wisdom deployed and a cup clash between clubs.
    let x = run("Norway deployed 500 troops to the border with Chile.");
    assert!(
        acts(&x).contains(&act("MOBILIZE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norwegian troops clashed with Chilean soldiers near the border.");
    assert!(
        acts(&y).iter().any(|(c, _, _)| c == "FIGHT"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_permission_is_given_by_someone_named() {
    let x = run("Chile allowed Norwegian inspectors to visit the site on Monday.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, s, _)| c == "CONCEDE" && s.as_deref() == Some("country:CHL")),
        "{:?}",
        acts(&x)
    );
    // Said of the future, it is a pledge.
    let y = run("Chile will allow Peruvian refugees to return home.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "AGREE" && s.as_deref() == Some("country:CHL")),
        "{:?}",
        acts(&y)
    );
    // What a rule lets happen is no one's act.
    let z = run("Chilean trawlers were allowed into Norwegian waters on Monday.");
    assert!(
        !acts(&z).iter().any(|(c, _, _)| c == "CONCEDE"),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn what_a_denied_or_rejected_claim_says_is_not_established() {
    for text in [
        "Ana Ruiz denied claims that Chile attacked Peru.",
        "Ana Ruiz rejected the idea that Chile posed a threat to Peru.",
    ] {
        let x = run(text);
        let got = acts(&x);
        assert!(
            got.iter().all(|(c, _, _)| c == "REJECT") && !got.is_empty(),
            "{text}: {got:?}"
        );
    }
    // A claim welcomed is not doubted.
    let y = run("Ana Ruiz welcomed the claims and said Chile attacked Peru.");
    assert!(
        acts(&y).iter().any(|(c, _, _)| c == "ASSAULT"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn an_act_someone_wants_or_weighs_is_not_done() {
    // Ravi Menon asks for an inquiry and weighs a treaty: he neither inquires nor agrees.
    for text in [
        "Ravi Menon wants a public inquiry into the Dockers Union.",
        "Ravi Menon was considering a new treaty with Chile.",
    ] {
        let x = run(text);
        assert!(
            !acts(&x)
                .iter()
                .any(|(_, s, _)| s.as_deref() == Some("person:ravi-menon")),
            "{text}: {:?}",
            acts(&x)
        );
    }
    // The inquiry he holds is his.
    let y = run("Ravi Menon opened a public inquiry into the Dockers Union.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "INVESTIGATE" && s.as_deref() == Some("person:ravi-menon")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn an_act_no_one_plans_or_that_is_ruled_out_is_not_done() {
    for text in [
        "Norway has no plans to attack Chile.",
        "Norway has no intention of attacking Chile.",
        "Ana Ruiz insisted there was no plan for an invasion of Chile.",
        "Norway has abandoned plans to impose sanctions on Chile.",
        "Norway ruled out an invasion of Chile.",
    ] {
        let x = run(text);
        assert!(
            !acts(&x)
                .iter()
                .any(|(c, _, _)| matches!(c.as_str(), "ASSAULT" | "FIGHT" | "SANCTION")),
            "{text}: {:?}",
            acts(&x)
        );
    }
    // A plan no one gave up is still a threat; a bomb dropped still fell.
    let x = run("Norway has plans to attack Chile.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway dropped bombs on Chile.");
    assert!(
        acts(&y).iter().any(|(c, _, _)| c == "ASSAULT"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn an_act_avoided_put_off_or_stopped_short_of_is_not_done() {
    for text in [
        "Norway refrained from attacking Chile.",
        "Norway refrained from military action against Chile.",
        "Norway stopped short of imposing sanctions on Chile.",
        "Norway avoided criticising Chile.",
        "Norway held off on sanctions against Chile.",
        "Norway postponed talks with Chile.",
        "Norway delayed sanctions against Chile.",
        "Norway put off its visit to Chile.",
        "Talks between Norway and Chile were postponed.",
    ] {
        let x = run(text);
        assert!(
            !acts(&x).iter().any(|(c, _, _)| matches!(
                c.as_str(),
                "ASSAULT" | "FIGHT" | "SANCTION" | "DISAPPROVE" | "CONSULT"
            )),
            "{text}: {:?}",
            acts(&x)
        );
    }
    // An attack held off was made, and so were the talks that averted a war.
    let x = run("Norway held off an attack by Chile.");
    assert!(
        acts(&x).iter().any(|(c, _, _)| c == "ASSAULT"),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway avoided a war by holding talks with Chile.");
    assert!(
        acts(&y).iter().any(|(c, _, _)| c == "CONSULT"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn arms_received_are_aid_from_the_giver_to_the_receiver() {
    let x = run("Norway received weapons from Chile.");
    assert!(
        acts(&x).iter().any(|(c, s, t)| c == "AID"
            && s.as_deref() == Some("country:CHL")
            && t.iter().any(|k| k == "country:NOR")),
        "{:?}",
        acts(&x)
    );
    // With no giver named, the receiver is still no giver.
    let y = run("Norway received weapons.");
    assert!(
        !acts(&y)
            .iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn the_act_a_ruling_holds_unlawful_is_no_act_of_the_ruling_court() {
    // "that" before a bare "-ing" form opens what the ruling holds: the court detains no one.
    for text in [
        "Peru rejected a Chilean ruling that detaining suspects indefinitely is unlawful.",
        "Norway attacked the decision by Chile's highest court that detaining foreign suspects without trial breaks human rights laws.",
    ] {
        let x = run(text);
        let got = acts(&x);
        assert!(
            got.iter().all(|(c, _, _)| c != "COERCE"),
            "{text:?}: {got:?}"
        );
        assert!(
            got.iter()
                .any(|(c, s, t)| matches!(c.as_str(), "REJECT" | "DISAPPROVE")
                    && s.is_some()
                    && t.contains(&"country:CHL".to_owned())),
            "{text:?}: {got:?}"
        );
    }
    // A relative clause with a verb of its own still says what the noun's person did.
    let y = run("Peru met the Norwegian minister that criticised Chile.");
    assert!(
        acts(&y).contains(&act("DISAPPROVE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}
