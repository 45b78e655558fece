//! Stage tests for what kind of act a trigger is when the words around it change it: acts
//! called off, demands given in to, crowds dispersed.

use super::tests::{act, acts, run};

#[test]
fn a_strike_called_off_is_a_concession_and_a_strike_called_is_a_strike() {
    let x = run("The Dockers Union called off a strike on Monday.");
    assert!(
        acts(&x).contains(&act("CONCEDE", Some("org:dockers-union"), &[])),
        "{:?}",
        acts(&x)
    );
    let y = run("The Dockers Union called a strike on Monday.");
    assert!(
        acts(&y).contains(&act("PROTEST", Some("org:dockers-union"), &[])),
        "{:?}",
        acts(&y)
    );
    // Talks called off are cooperation halted, a sanction on the other side.
    let z = run("Peru called off talks with Chile on Monday.");
    assert!(
        acts(&z).contains(&act("SANCTION", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn demands_accepted_are_a_concession_and_an_invitation_accepted_an_agreement() {
    let x = run("Norway agreed to Chile's demands after a week of talks.");
    assert!(
        acts(&x).contains(&act("CONCEDE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway accepted Chile's invitation to talks.");
    assert!(
        acts(&y).contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn police_dispersing_a_crowd_coerce_it_and_talks_breaking_up_coerce_no_one() {
    let x = run("Chilean police dispersed Chilean protesters with tear gas.");
    assert!(
        acts(&x).contains(&act(
            "COERCE",
            Some("country:CHL"),
            &["group:CHL:protesters"]
        )),
        "{:?}",
        acts(&x)
    );
    let y = run("The protest was broken up by Chilean police.");
    assert!(
        acts(&y).contains(&act("COERCE", Some("country:CHL"), &[])),
        "{:?}",
        acts(&y)
    );
    let z = run("The talks between Norway and Chile broke up without agreement.");
    assert!(
        !acts(&z).iter().any(|(c, _, _)| c == "COERCE"),
        "{:?}",
        acts(&z)
    );
    assert!(
        acts(&z).iter().any(|(c, _, _)| c == "CONSULT"),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn an_act_resumed_is_that_act_again_not_an_agreement() {
    let x = run("Norway resumed shelling Chilean positions on Monday.");
    assert!(
        acts(&x).contains(&act("FIGHT", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    assert!(
        !acts(&x).iter().any(|(c, _, _)| c == "AGREE"),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway resumed aid to Chile.");
    assert!(
        acts(&y).contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
    assert!(
        !acts(&y).iter().any(|(c, _, _)| c == "AGREE"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_sense_rule_with_an_unknown_target_kind_is_refused_and_a_known_one_read() {
    let lists = super::patterns::WordLists::default();
    let spec = |kind: &str| {
        serde_json::json!([{
            "id": "test-rule",
            "kinds": ["suspension"],
            "when": {"target_kinds": [kind]},
            "then": {"kind": "suspension_from_post"},
            "why": "a test",
            "examples": [{"text": "Ana Ruiz was suspended.", "category": "SANCTION"}]
        }])
    };
    let err = super::senses::read(Some(&spec("country")), &lists)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("unknown target kind 'country'"), "{err}");
    let read = super::senses::read(Some(&spec("person")), &lists)
        .map(|s| s.len())
        .map_err(|e| e.to_string());
    assert_eq!(read, Ok(1));
}

#[test]
fn a_person_suspended_is_sanctioned_and_operations_suspended_a_step_back() {
    let x = run("Ana Ruiz was suspended by the Chilean Socialist Party on Monday.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, _, t)| c == "SANCTION" && t.iter().any(|k| k.starts_with("person:"))),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway suspended its operations in Chile.");
    assert!(
        acts(&y).contains(&act("RETREAT", Some("country:NOR"), &[])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_name_then_a_past_form_then_a_noun_is_a_clause_not_a_noun_phrase() {
    // The parser reads "Norway reduced food supplies" as one noun phrase.
    let x = run("Norway reduced food supplies to Peru.");
    assert!(
        acts(&x).contains(&act("SANCTION", Some("country:NOR"), &["country:PER"])),
        "{:?}",
        acts(&x)
    );
    let y = run(
        "Norway reduced food supplies to Peru on Monday because rice was being diverted, officials said.",
    );
    assert!(
        acts(&y).contains(&act("SANCTION", Some("country:NOR"), &["country:PER"])),
        "{:?}",
        acts(&y)
    );
    // Supplies sent are aid.
    let z = run("Norway sent food supplies to Peru.");
    assert!(
        acts(&z).contains(&act("AID", Some("country:NOR"), &["country:PER"])),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_schedule_told_by_the_writer_is_no_pledge_or_threat() {
    // "are set to protest": planned, still a protest; "will blockade": a threat of the actor's.
    let x = run("Chilean farmers are set to protest at the Peruvian embassy in Lima.");
    let y = run("Chilean farmers will blockade the Peruvian embassy in Lima.");
    let category = |x: &crate::extract::Extraction| {
        x.events
            .iter()
            .map(|e| (e.category.name(), e.modality))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        category(&x),
        [("PROTEST", Some(crate::extract::Modality::Planned))]
    );
    assert_eq!(category(&y), [("THREATEN", None)]);
    // "is due to stand down": a planned step back, not a promise.
    let z = run("Smith is due to stand down at the next election.");
    assert_eq!(
        category(&z),
        [("RETREAT", Some(crate::extract::Modality::Planned))]
    );
}

#[test]
fn a_trigger_naming_the_kind_of_an_act_noun_takes_its_place() {
    // "mediation" hangs from "efforts", the object of "ended".
    let x = run("Chile ended its mediation efforts between Peru and Bolivia on Monday.");
    assert!(
        acts(&x).contains(&act(
            "SANCTION",
            Some("country:CHL"),
            &["country:PER", "country:BOL"]
        )),
        "{:?}",
        acts(&x)
    );
}

#[test]
fn a_possessive_before_the_subject_is_no_object() {
    // The parser makes "her" the object of "offer": the pledge would be made to Ana Ruiz.
    let x = run("Ana Ruiz told voters her Farmers Union would offer them an honest choice.");
    assert_eq!(
        acts(&x),
        [act("AGREE", Some("org:farmers-union"), &[])],
        "{:?}",
        acts(&x)
    );
}

#[test]
fn the_speaker_is_the_subject_set_off_by_a_comma_before_the_verb() {
    // The parser gives "said" two subjects, Ana Ruiz and Ola Berg.
    let x = run(
        "The Dockers Union should steer away from \"demonising\" ex-Lima media chief Ana Ruiz, Ola Berg has said.",
    );
    assert_eq!(
        acts(&x),
        [act(
            "DEMAND",
            Some("person:ola-berg"),
            &["org:dockers-union"]
        )],
        "{:?}",
        acts(&x)
    );
}

#[test]
fn weapons_fired_frozen_assets_and_suspended_members_have_both_ends() {
    let x = run("Chilean tanks fired four shells at Peru on Monday.");
    assert!(
        acts(&x).contains(&act("FIGHT", Some("country:CHL"), &["country:PER"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway froze the assets of three Chilean banks.");
    assert!(
        acts(&y).contains(&act("SANCTION", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
    let z = run("The Andean Community suspended Peru after the coup.");
    assert!(
        acts(&z)
            .iter()
            .any(|(c, s, t)| c == "SANCTION" && s.is_some() && t == &["country:PER".to_owned()]),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_halted_act_named_by_its_object_is_one_halt() {
    // "halted" and "aid" both read as a halt of cooperation; the noun's own event had no
    // source and was a second event of the one act.
    for text in [
        "Norway halted aid to Chile.",
        "Norway suspended talks with Chile.",
    ] {
        let x = run(text);
        assert_eq!(
            acts(&x),
            [act("SANCTION", Some("country:NOR"), &["country:CHL"])],
            "{text}"
        );
    }
}

#[test]
fn wounds_healed_are_no_attack_and_soldiers_wounded_are() {
    // "wounds" is the noun of healing and dying ("heal wounds", "died of his wounds"); the
    // verb's forms ("wounded", "wounding") still name an attack.
    let x = run("Norway is helping to heal wounds after Chile wounded three Peruvian soldiers.");
    let got = acts(&x);
    assert_eq!(
        got,
        vec![act("ASSAULT", Some("country:CHL"), &["country:PER"])],
        "{got:?}"
    );
}

#[test]
fn keeping_quiet_or_granting_a_point_is_no_act_but_refusing_aid_and_recognising_a_state_are() {
    // Senses `declined-to-give-a-view` and `recognised-as-true`: what the view was of, or
    // that something is so, is no one refused or recognised.
    let x = run("She declined to give her view of Mr Ola Berg at this point.");
    assert!(acts(&x).is_empty(), "{:?}", acts(&x));
    let y = run("Ana Voss recognised that the talks with Chile had failed.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
    // A refusal of something material, and a state recognised, stay.
    let z = run("Peru refused to give aid to Chile.");
    assert!(
        acts(&z).contains(&act("REJECT", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&z)
    );
    let w = run("Peru recognised the new government of Chile on Monday.");
    assert!(
        acts(&w).contains(&act("AGREE", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&w)
    );
}
