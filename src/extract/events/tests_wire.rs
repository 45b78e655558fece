//! Stage tests for constructions of wire news found by the stop-30 probe sentences: datelines,
//! acts held out under a condition, moves of forces, demands pressed, towns placed by a
//! country's adjective, "its forces", "his government" acting for whom the pronoun stands, and
//! territories acted on; people bound to someone ("troops loyal to X") acting for them.

use super::tests::{act, acts, run};

#[test]
fn a_wire_dateline_is_no_part_of_the_clause() {
    // With the agency in brackets, the parser took the agency or nothing as the subject.
    let x = run("LIMA (Reuters) - Norway signed a trade agreement with Chile.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(_, s, t)| s.as_deref() == Some("country:NOR")
                && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    assert!(
        x.events
            .iter()
            .all(|e| e.participants.iter().all(|p| !p.contains("reuters"))),
        "{got:?}"
    );
    let y = run(
        "SANTIAGO, March 3 (Reuters) - Norway signed a memorandum of understanding with Chile on fishing.",
    );
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "AGREE" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn a_possible_act_under_a_condition_is_held_out() {
    // "could impose sanctions ... if": a threat, as "would impose" is.
    let x = run("Norway could impose new sanctions on Chilean officials if the law is passed.");
    let got = acts(&x);
    assert!(
        got.contains(&act("THREATEN", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    // Without a condition, a possible act is no event.
    let y = run("Norway could impose new sanctions on Chilean officials.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
}

#[test]
fn forces_moved_or_called_up_are_mobilized() {
    let x = run("Norway moved additional troops and armoured vehicles to its border with Chile.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, s, _)| c == "MOBILIZE" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway called up 30,000 reservists on Monday.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "MOBILIZE" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn pressing_someone_to_act_is_a_demand() {
    let x = run("Norway is pressing Chile and Peru to secure the release of the hostages.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.as_deref() == Some("country:NOR")
            && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_town_a_country_adjective_qualifies_lies_in_that_country() {
    // The gazetteer does not know the town; the text says where it is.
    // (Airstrikes that kill are one act of military force, FIGHT: stop 36, left.)
    let x = run("Norwegian airstrikes killed 20 people in the southern Chilean town of Quelbrook.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:NOR")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
    // A town of the actor's own country is acted on by no one.
    let y = run("Norwegian troops shelled the northern Norwegian town of Quelbrook on Monday.");
    assert!(
        acts(&y).iter().all(|(_, _, t)| t.is_empty()),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn its_or_his_forces_or_government_as_the_subject_act_for_whom_the_pronoun_stands() {
    let x = run("Norway said its drones struck two Chilean airfields overnight.");
    assert!(
        acts(&x).contains(&act("FIGHT", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway said its government backed Chile's bid to join the alliance.");
    assert!(
        acts(&y).contains(&act("SUPPORT", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
    // "his government": a country's office named without a person speaks for the country;
    // a named official for themselves (and so for their country).
    let z = run(
        "Norway's foreign minister said his government backed Chile's bid to join the alliance.",
    );
    assert!(
        acts(&z).contains(&act("SUPPORT", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&z)
    );
    let v = run(
        "Norwegian Foreign Minister Ola Berg said his government backed Chile's bid to join the alliance.",
    );
    assert!(
        acts(&v).contains(&act("SUPPORT", Some("person:ola-berg"), &["country:CHL"])),
        "{:?}",
        acts(&v)
    );
}

#[test]
fn a_territory_acted_on_is_its_country() {
    let x = run("Norway delivered food aid to Gaza.");
    assert!(
        acts(&x).contains(&act("AID", Some("country:NOR"), &["country:PSE"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway struck the Gaza Strip overnight.");
    assert!(
        acts(&y).iter().any(|(c, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:NOR")
            && t == &vec!["country:PSE".to_owned()]),
        "{:?}",
        acts(&y)
    );
    // People in a territory are not its country's.
    let z = run("Chilean settlers in the West Bank set fire to the offices of Norway.");
    assert!(
        acts(&z).contains(&act("COERCE", Some("country:CHL"), &["country:NOR"])),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_past_form_set_off_after_a_name_describes_it() {
    // "X, accused of ..., was arrested": the participle is a passive with "who was" left
    // out; the parser made X the accuser.
    let x = run("General Ana Ruiz, accused of torture by Peru, was arrested in London.");
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("country:PER"),
            &["person:ana-ruiz"]
        )),
        "{got:?}"
    );
    let y = run("Ola Berg, previously accused of spying, will be released by Chile.");
    let got = acts(&y);
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() != Some("person:ola-berg")),
        "{got:?}"
    );
    // Two commas set off an adverb, not a participle: the verb stays active.
    let z = run("Peru, meanwhile, accused Chile of lying.");
    assert!(
        acts(&z).contains(&act("DISAPPROVE", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn people_loyal_to_or_affiliated_with_someone_act_for_them() {
    // The parser makes "loyal" and "affiliated" the main verbs; the attack and the strike are
    // the troops' and the workers', that is, Ana Ruiz's and the union's.
    let x = run("Troops loyal to President Ana Ruiz attacked Chile on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(_, s, t)| s.as_deref() == Some("person:ana-ruiz")
                && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
    let y = run("Some 5,000 workers affiliated with the Norwegian Transport Union went on strike.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("org:nor-transport-union")),
        "{got:?}"
    );
    // Who is only loyal does nothing: "are loyal to" is a clause of its own.
    let z = run("The troops are loyal to President Ana Ruiz and attacked Chile on Monday.");
    assert!(
        !acts(&z)
            .iter()
            .any(|(_, s, _)| s.as_deref() == Some("person:ana-ruiz")),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_clause_describing_a_noun_in_the_subject_phrase_is_not_the_main_verb() {
    // "investigated" hangs from "linked" in the parse; the members (of the association) did it.
    let x = run(
        "Members of the Association of Nordic Jurists, a body linked to the Organization of \
         African Unity, investigated welfare of nearly 2,000 Libyans.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, _)| c == "INVESTIGATE"
            && s.as_deref() == Some("org:association-of-nordic-jurists")),
        "{got:?}"
    );
}

#[test]
fn what_force_is_used_for_is_done_by_who_uses_it() {
    // The parser hangs "to disperse" on the gas, as if it said which gas; the police disperse.
    let x = run("Chilean police used tear gas to disperse protesters in Santiago.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "COERCE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
}

#[test]
fn a_hand_back_is_a_retreat() {
    // "handed back ... to": territory or people returned to the one named after "to".
    let x = run("Norway handed back three border villages to Chile on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("RETREAT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn joint_drills_aimed_at_someone_keep_their_target() {
    // Joint drills aimed at no one are cooperation of the partners; held near a third
    // country, they are a show of force at it.
    let x = run("Chile and Peru held joint naval drills near Bolivia on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "MOBILIZE" && t.contains(&"country:BOL".to_owned())),
        "{got:?}"
    );
    let y = run("Chile and Peru began joint naval exercises in the Pacific on Sunday.");
    assert!(
        y.events.iter().any(|e| e.category.name() == "COOPERATE"
            && e.participants.contains(&"country:CHL".to_owned())
            && e.participants.contains(&"country:PER".to_owned())),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn forces_of_two_countries_keep_both() {
    // "Chilean and Peruvian security forces" had been one body of Peru's, and Chile was lost.
    let x = run("Chilean and Peruvian security forces are sharing intelligence on the rebels.");
    assert!(
        x.events.iter().any(|e| e.category.name() == "COOPERATE"
            && e.participants.contains(&"country:CHL".to_owned())
            && e.participants.contains(&"country:PER".to_owned())),
        "{:?}",
        acts(&x)
    );
}

#[test]
fn a_by_or_between_phrase_before_the_verb_is_the_subject_nouns() {
    // The parser had hung "by the Chilean president" on the verb: the visit had no visitor.
    let x = run("A two-day visit by the Chilean foreign minister to Lima ended on Wednesday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONSULT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    // "and Hamas" had been a second subject of "took": one side of the agreement was lost.
    let y = run("An agreement between Chile and Hamas took effect on Sunday.");
    assert!(
        y.events.iter().any(|e| e.category.name() == "AGREE"
            && e.participants.contains(&"country:CHL".to_owned())
            && e.participants.contains(&"org:hamas".to_owned())),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_count_and_a_past_form_before_the_object_describe_it() {
    // "six jailed Peruvians": the parser made "six" the subject of "jailed" and "Peruvians"
    // its object; the release lost its target and an arrest with no one arresting came out.
    let x = run("Chile freed six jailed Peruvians on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("RETREAT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "COERCE"), "{got:?}");
}

#[test]
fn fighters_hand_over_arms_to_disarm_but_supply_them_as_aid() {
    let x = run("Chilean rebels handed over their weapons to United Nations peacekeepers.");
    assert!(
        acts(&x).iter().any(|(c, _, _)| c == "RETREAT"),
        "{:?}",
        acts(&x)
    );
    let y = run("Chilean rebels supplied weapons to Peruvian militants.");
    assert!(
        acts(&y).iter().all(|(c, _, _)| c == "AID"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_past_participle_after_an_object_describes_it() {
    // "fishermen detained last week" were detained; they did not detain anyone.
    let x = run("Peru has agreed to release 20 Chilean fishermen detained last week.");
    let got = acts(&x);
    assert!(
        !got.iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(c, s, t)| c == "AGREE"
            && s.as_deref() == Some("country:PER")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_government_located_by_its_seat_is_that_country() {
    // The "in" phrase on the object, which the parser hangs on the verb, and on a subject.
    for text in [
        "Norway criticised the government in Kabul on Monday.",
        "Norway condemned the regime in Damascus.",
        "Norway criticised the authorities in Beijing.",
    ] {
        let got = acts(&run(text));
        let want = if text.contains("Kabul") {
            "country:AFG"
        } else if text.contains("Damascus") {
            "country:SYR"
        } else {
            "country:CHN"
        };
        assert!(
            got.iter().any(
                |(_, s, t)| s.as_deref() == Some("country:NOR") && t.contains(&want.to_owned())
            ),
            "{text}: {got:?}"
        );
    }
    let got = acts(&run("The government in Kabul criticised Norway on Monday."));
    assert!(
        got.iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:AFG")),
        "{got:?}"
    );
    // Another name says whose officials they are; rebels in a capital are no state.
    let got = acts(&run("Norway criticised Chilean officials in Kabul."));
    assert!(
        got.iter()
            .all(|(_, _, t)| !t.contains(&"country:AFG".to_owned())),
        "{got:?}"
    );
    let got = acts(&run("Norway criticised rebels in Kabul."));
    assert!(
        got.iter()
            .all(|(_, _, t)| !t.contains(&"country:AFG".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_name_read_as_an_apposition_before_a_main_verb_is_its_subject() {
    // After an opening phrase, "Chile" hung on the United Nations as an apposition left
    // "said" without a subject; "it" then took the UN. The Chile repeated inside the
    // pronoun's clause does not bar "it" from being the Chile that said it.
    let got = acts(&run(
        "In a letter sent to the United Nations on Monday, Chile said it would allow the return of U.N. inspectors to remove any doubts Chile still has the weapons.",
    ));
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "AGREE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    assert!(
        got.iter().all(|(_, s, _)| s.as_deref() != Some("org:un")),
        "{got:?}"
    );
}

#[test]
fn a_subject_pronoun_is_no_one_its_verbs_object_names() {
    // "they would not allow a row to damage Labour": "they" are not Labour.
    let got = acts(&run(
        "Former Labour leader Ola Berg said Mr Ruiz and Mr Menon could only deal with the media frenzy by continuing to say they would not allow a row to damage Labour or British interests.",
    ));
    assert!(
        got.iter()
            .all(|(_, s, _)| !s.as_deref().is_some_and(|s| s.contains("labour"))),
        "{got:?}"
    );
}

#[test]
fn a_particle_read_as_a_preposition_leaves_the_verb_its_object() {
    // "over" was the case of "the suspects", so "to Peru" was lost below an oblique.
    let got = acts(&run("Chile refused to hand over the suspects to Peru."));
    assert!(
        got.contains(&act("REJECT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let got = acts(&run("Chile handed over the suspects to Peru."));
    assert!(
        got.iter()
            .any(|(_, s, t)| s.as_deref() == Some("country:CHL")
                && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_particle_read_as_a_preposition_still_leaves_what_was_shot_down_or_called_off() {
    // The parser read "down a Chilean jet" as a phrase, so the shooting down downed nothing.
    let got = acts(&run("Peru shot down a Chilean jet."));
    assert!(
        got.contains(&act("FIGHT", Some("country:PER"), &["country:CHL"])),
        "{got:?}"
    );
    // Shooting down a proposal is rejecting it (sense `shot-down-a-proposal`).
    let got = acts(&run("Peru shot down the Chilean proposal on Monday."));
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "REJECT" && s.as_deref() == Some("country:PER")),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "FIGHT"), "{got:?}");
}
