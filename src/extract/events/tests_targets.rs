//! Stage tests for who an act is aimed at and who does it where the parse alone does not say:
//! a demand's clause, places, appositives, spokesmen, the people of an official's country,
//! protests made to protest.

use super::tests::{act, acts, name_of, run};

#[test]
fn a_demand_that_someone_act_aims_at_the_name_after_that() {
    // The parser reads the subjunctive verb "end" as a noun and loses the clause's subject.
    let x =
        run("Amnesty International demanded that the Chilean government end curbs on the press.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "DEMAND" && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    // Given, not only money or aid: what is given must be material.
    let y = run("Norway gave Chile 5 million dollars of aid.");
    assert!(
        acts(&y).contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_town_of_an_officials_country_and_the_place_of_whom_an_act_aims_at_are_acted_on() {
    // The official's own country, through its capital, is still acted on.
    let x = run("Norwegian President Ola Berg extended the curfew in Oslo on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("COERCE", Some("person:ola-berg"), &["country:NOR"])),
        "{got:?}"
    );
    // A measure over a whole area falls on the official's own country named as the place;
    // an arrest there does not.
    let z = run("Norwegian President Ola Berg declared a state of siege in Norway on Monday.");
    let got = acts(&z);
    assert!(
        got.contains(&act("COERCE", Some("person:ola-berg"), &["country:NOR"])),
        "{got:?}"
    );
    let w = run("Norwegian President Ola Berg arrested ten students in Norway on Monday.");
    let got = acts(&w);
    assert!(
        !got.iter()
            .any(|(_, _, t)| t.contains(&"country:NOR".to_owned())),
        "{got:?}"
    );
    // "to a force in Chile": the place of whom the act is aimed at.
    let y = run("Norway is ready to contribute troops to a peacekeeping force in Chile.");
    let got = acts(&y);
    assert!(
        got.contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn a_protest_made_to_protest_is_one_protest_aimed_at_what_it_protests() {
    let x = run(
        "Hundreds of Chilean farmers began a hunger strike on Monday to protest against Norway's decision to close its ports.",
    );
    let got = acts(&x);
    assert_eq!(
        got.iter().filter(|(c, _, _)| c == "PROTEST").count(),
        1,
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "PROTEST".to_owned(),
            Some("group:CHL:farmers".to_owned()),
            vec!["country:NOR".to_owned()]
        )),
        "{got:?}"
    );
}

#[test]
fn retreating_in_a_place_is_not_done_to_it() {
    let x = run("Norwegian rebels declared a unilateral ceasefire on Wednesday in northern Chile.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "RETREAT" && s.is_some() && t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn a_name_before_an_appositive_acts_and_a_spokesman_speaks_for_whom_he_is_for() {
    // The parser hung the verb on the name as a conjunct: the name before the appositive acts.
    let x = run("Yesterday Ola Berg, Norway's foreign minister, condemned Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:ola-berg"),
            &["country:CHL"]
        )),
        "{got:?}"
    );
    let y = run("A spokesman for Norway called on Chile to withdraw its troops.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.as_deref() == Some("country:NOR")
            && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
}

#[test]
fn an_official_acts_on_the_people_of_his_country_not_on_its_state() {
    let x =
        run("Norwegian President Ola Berg has threatened to jail Norwegian opposition leaders.");
    let got = acts(&x);
    assert!(
        got.contains(&act("THREATEN", Some("person:ola-berg"), &["country:NOR"])),
        "{got:?}"
    );
    let y = run("Norwegian President Ola Berg criticised the Norwegian government on Monday.");
    let got = acts(&y);
    assert!(got.iter().all(|(_, _, t)| t.is_empty()), "{got:?}");
}

#[test]
fn a_place_named_by_the_name_before_it_is_where_the_act_happens() {
    let x = run("Chile eased emergency measures on Wednesday in Norway province.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONCEDE", Some("country:CHL"), &["country:NOR"])),
        "{got:?}"
    );
}

#[test]
fn a_countrys_qualified_office_stands_for_the_country() {
    let x = run("Norway's Deputy Foreign Minister visited Chile on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONSULT", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn a_phrase_trigger_reads_through_a_possessive() {
    let x = run("Norway and Chile upgraded their diplomatic ties on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "SUPPORT" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn who_acts_between_two_other_sides_acts_on_both() {
    let x = run("Norway launched a mediation effort between Chile and Peru on Monday.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "CONSULT"
            && s.as_deref() == Some("country:NOR")
            && t.contains(&"country:CHL".to_owned())
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
    // Talks between two sides, with no one else acting, keep no direction.
    let y = run("Talks between Chile and Peru resumed on Monday.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, _, t)| c == "CONSULT" && t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn an_adjective_before_a_name_after_a_preposition_is_no_verb() {
    // The parser reads "neighbouring" as a verb with "to" as its mark and Chile as its object.
    let x = run("Norway sent aid to neighbouring Chile on Monday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AID", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
    let y = run("Norway is willing to withdraw its troops from war-torn Chile.");
    let got = acts(&y);
    assert!(
        got.contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{got:?}"
    );
}

#[test]
fn an_object_pronoun_never_names_the_subject_of_its_own_clause() {
    // "him" is not Ravi Menon (that would be "himself"): the man named before is meant.
    let x = run("Owen Pryce spoke in Oslo on Friday. Ravi Menon accused him of lying.");
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:ravi-menon"),
            &["person:owen-pryce"]
        )),
        "{got:?}"
    );
    // A possessive may name the subject: "his plans" are his own, and nobody acts on
    // themselves.
    let y = run("Owen Pryce spoke in Oslo on Friday. Ravi Menon defended his plans.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "SUPPORT"
            && s.as_deref() == Some("person:ravi-menon")
            && t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn who_acts_with_the_source_is_not_acted_on() {
    let x =
        run("Owen Pryce came home on Friday. Both Ravi Menon and Ana Ruiz welcomed his return.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, _, _)| c == "SUPPORT")
            && got
                .iter()
                .all(|(_, _, t)| !t.contains(&"person:ana-ruiz".to_owned())),
        "{got:?}"
    );
}

#[test]
fn the_government_of_an_article_that_names_none_is_that_of_its_actors_country() {
    // Both parties belong to Britain, which the article never names: "the government" is
    // Britain's, and Britain becomes an actor through those words.
    let text = "Labour and the Conservatives clashed over schools on Monday. Owen Pryce accused the government of neglect.";
    let x = run(text);
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:owen-pryce"),
            &["country:GBR"]
        )),
        "{got:?}"
    );
    let full = format!("Report\n\n{text}\n");
    let britain = x.actors.iter().find(|a| a.key == "country:GBR");
    assert!(
        britain.is_some_and(|a| a
            .mentions
            .iter()
            .all(|m| full.get(m.span.clone()) == Some("government"))),
        "{:?}",
        x.actors
    );
    // With no actor of any country, "the government" names no one.
    let y = run("Owen Pryce accused the government of neglect on Monday.");
    assert!(
        acts(&y).iter().all(|(_, _, t)| t.is_empty()),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn he_opening_a_paragraph_goes_on_from_the_paragraph_before() {
    let x = run("Ravi Menon spoke in Oslo on Monday.\n\nHe accused Chile of lying.");
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:ravi-menon"),
            &["country:CHL"]
        )),
        "{got:?}"
    );
    // "It" does not: only a person named before carries on across paragraphs.
    let y = run("Norway held talks in Oslo on Monday.\n\nIt accused Chile of lying.");
    assert!(
        acts(&y)
            .iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_party_and_its_spokesmen_act_on_their_own_countrys_government() {
    // The Conservatives are British and so is "the government"; a party is not the state.
    let x = run(
        "Labour and the Conservatives clashed over schools on Monday. The Conservatives accused the government of neglect.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("org:conservative-party-uk")
            && t.contains(&"country:GBR".to_owned())),
        "{got:?}"
    );
    // A head of state criticising his own government still acts on no one else.
    let y = run("Norwegian President Ola Berg criticised the Norwegian government on Monday.");
    assert!(
        acts(&y).iter().all(|(_, _, t)| t.is_empty()),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn the_party_is_the_party_named_last() {
    let x = run(
        "The Liberal Democrats published their spending plans on Monday. Owen Pryce accused the party of hiding the costs.",
    );
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:owen-pryce"),
            &["org:lib-dems"]
        )),
        "{got:?}"
    );
    // A party qualified by its own words ("the party of low taxes") is not pointed back to.
    let y = run(
        "The Liberal Democrats published their spending plans on Monday. Owen Pryce praised the party of low taxes.",
    );
    assert!(
        acts(&y).iter().all(|(_, _, t)| t.is_empty()),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn ministers_named_by_no_one_else_are_the_government() {
    let x = run(
        "Labour and the Conservatives clashed over schools on Monday. The Conservatives criticised ministers on Tuesday.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("org:conservative-party-uk")
            && t.contains(&"country:GBR".to_owned())),
        "{got:?}"
    );
    // Ministers of somewhere else are not.
    let y = run(
        "Labour and the Conservatives clashed over schools on Monday. The Conservatives criticised ministers in Chile on Tuesday.",
    );
    assert!(
        acts(&y)
            .iter()
            .all(|(_, _, t)| !t.contains(&"country:GBR".to_owned())),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_subject_pronoun_never_names_someone_inside_its_own_clause() {
    // "he" asks about Ravi Menon, so he is not Ravi Menon: the man named before is meant.
    let x = run("Owen Pryce spoke in Oslo on Friday. \
         Why will Ravi Menon not simply wait for the report, he demanded.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "DEMAND" && s.as_deref() == Some("person:owen-pryce")),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(_, s, _)| s.as_deref() == Some("person:ravi-menon")),
        "{got:?}"
    );
}

#[test]
fn to_demonstrate_something_is_to_show_it_and_to_demonstrate_is_to_protest() {
    let x = run("Chilean students demonstrated outside the Norwegian embassy in Oslo.");
    assert!(
        acts(&x).iter().any(|(c, _, _)| c == "PROTEST"),
        "{:?}",
        acts(&x)
    );
    let y = run("The Norwegian Labour Party has demonstrated that it can win seats from Chile.");
    assert!(
        !acts(&y).iter().any(|(c, _, _)| c == "PROTEST"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn an_act_wished_of_another_is_neither_done_nor_pledged() {
    let x = run("Chilean unions want the Norwegian government to withdraw its troops from Peru.");
    assert!(
        !acts(&x)
            .iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&x)
    );
    // Wanting to do it oneself is still an intent.
    let y = run("The Norwegian government wants to withdraw its troops from Peru.");
    assert!(
        acts(&y)
            .iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn sanctioning_an_act_allows_it_and_sanctioning_a_country_punishes_it() {
    let x = run("The United Nations sanctioned Chile over its nuclear programme.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, _, t)| c == "SANCTION" && t.contains(&"country:CHL".to_owned())),
        "{:?}",
        acts(&x)
    );
    let y = run("The United Nations sanctioned the use of force in Chile.");
    assert!(
        !acts(&y).iter().any(|(c, _, _)| c == "SANCTION"),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_pronoun_after_an_unnamed_subject_is_that_subject() {
    // "it" is the government, not the party named before it.
    let x = run(
        "In a reply to Ravi Menon of the Norwegian Labour Party, the government said it would \
         invite observers to the election.",
    );
    assert!(
        !acts(&x)
            .iter()
            .any(|(_, s, _)| s.as_deref().is_some_and(|s| s.contains("labour"))),
        "{:?}",
        acts(&x)
    );
    // A name that qualifies the subject is what the pronoun stands for.
    let y = run("Chile's government said it would invite Norway to the talks.");
    assert!(
        acts(&y)
            .iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:CHL")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn who_draws_up_proposals_makes_them_and_who_draws_criticism_undergoes_it() {
    // A verb with a particle is another verb: "drew up" makes, "drew" undergoes.
    let x = run("Peru and Chile drew up proposals for new elections.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.as_deref() == Some("country:PER")
            && !t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
    let y = run("Chile drew criticism from Peru.");
    assert!(
        acts(&y).contains(&act("DISAPPROVE", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn every_people_group_takes_part_in_its_examples() {
    let lex = super::tests::lexicon();
    let mut failures = Vec::new();
    for g in &lex.arguments.groups {
        for ex in &g.examples {
            let x = run(&ex.text);
            let named =
                |key: &str, want: &str| super::tests::name_of(&x, key).iter().any(|n| n == want);
            // The event of the example's trigger, with its roles.
            let reading = x.events.iter().find_map(|e| {
                e.mentions
                    .iter()
                    .zip(&e.readings)
                    .find(|(m, _)| {
                        x.sentences.get(m.sentence).is_some()
                            && format!("Report\n\n{}\n", ex.text).get(m.span.clone())
                                == Some(ex.trigger.as_str())
                    })
                    .map(|(_, r)| r)
            });
            let Some(r) = reading else {
                failures.push(format!(
                    "{}: no event on '{}' in {:?}",
                    g.id, ex.trigger, ex.text
                ));
                continue;
            };
            let source_ok = ex
                .source
                .as_ref()
                .is_none_or(|want| r.source.as_ref().is_some_and(|s| named(&s.key, want)));
            let target_ok = ex
                .target
                .as_ref()
                .is_none_or(|want| r.targets.iter().any(|t| named(&t.key, want)));
            let group_in = r
                .source
                .iter()
                .chain(&r.targets)
                .any(|t| t.key.ends_with(&format!(":{}", g.id)) && t.key.starts_with("group:"));
            if !(source_ok && target_ok && group_in) {
                failures.push(format!(
                    "{}: {:?} read as {:?} → {:?}",
                    g.id, ex.text, r.source, r.targets
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_regional_people_names_its_countrys_group_in_its_examples() {
    let lex = super::tests::lexicon();
    let mut failures = Vec::new();
    for p in &lex.arguments.peoples {
        for ex in &p.examples {
            let x = run(&ex.text);
            let named =
                |key: &str, want: &str| super::tests::name_of(&x, key).iter().any(|n| n == want);
            let group = |key: &str| key.starts_with(&format!("group:{}:", p.country));
            let found = x.events.iter().flat_map(|e| &e.readings).any(|r| {
                let source_ok = ex
                    .source
                    .as_ref()
                    .is_none_or(|want| r.source.as_ref().is_some_and(|s| named(&s.key, want)));
                let target_ok = ex
                    .target
                    .as_ref()
                    .is_none_or(|want| r.targets.iter().any(|t| named(&t.key, want)));
                let group_in = r.source.iter().chain(&r.targets).any(|t| group(&t.key));
                source_ok && target_ok && group_in
            });
            if !found {
                failures.push(format!("{}: {:?} gave {:?}", p.country, ex.text, acts(&x)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_country_acts_on_its_own_rebels_and_its_people_on_their_state() {
    let x = run("The Sudanese government accused Sudanese rebels of attacking the town.");
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("country:SDN"),
            &["group:SDN:rebels"]
        )),
        "{got:?}"
    );
    let rebels = x.actors.iter().find(|a| a.key == "group:SDN:rebels");
    assert!(
        rebels.is_some_and(|a| a.name == "Sudanese rebels"
            && a.affiliation.as_deref() == Some("country:SDN")
            && a.mentions.len() == 1),
        "{:?}",
        x.actors
    );
    // Officials and troops are the state: no group.
    let y = run("Sudanese troops attacked Chadian soldiers near the border.");
    let got = acts(&y);
    assert!(
        got.iter().any(
            |(_, s, t)| s.as_deref() == Some("country:SDN") && t == &["country:TCD".to_owned()]
        ),
        "{got:?}"
    );
    assert!(y.actors.iter().all(|a| !a.key.starts_with("group:")));
}

#[test]
fn the_role_of_another_country_is_not_the_holder_named_before() {
    let x = run(
        "Norwegian President Ola Berg arrived in Lima. Berg offered to negotiate with the president of Chile.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "AGREE"
            && s.as_deref() == Some("person:ola-berg")
            && t == &["country:CHL".to_owned()]),
        "{got:?}"
    );
    // The role of his own country is still his.
    let y = run(
        "Norwegian President Ola Berg arrived in Lima. The president of Norway condemned Chile.",
    );
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("person:ola-berg")
            && t == &["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_participle_after_remain_is_done_to_the_subject() {
    let x = run("Ola Berg will remain suspended while the claims are investigated.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(_, s, t)| s.is_none() && t == &["person:ola-berg".to_owned()]),
        "{got:?}"
    );
    // "Seemed to agree" is no participle: the subject still acts.
    let y = run("Norway seemed to agree with Chile on Monday.");
    assert!(
        acts(&y).contains(&act("AGREE", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn an_act_someone_finds_or_sees_is_not_theirs() {
    let x = run("Norway found wide support among Peruvian voters for the plan.");
    let got = acts(&x);
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:NOR")),
        "{got:?}"
    );
    let y = run("Norway saw an attack on Peru.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, t)| c == "ASSAULT" && s.is_none() && t == &["country:PER".to_owned()]),
        "{got:?}"
    );
    // An act the subject carries out is still its own.
    let z = run("Norway launched an attack on Peru.");
    assert!(
        acts(&z).contains(&act("ASSAULT", Some("country:NOR"), &["country:PER"])),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn who_a_denied_report_speaks_of_is_not_acted_on() {
    let x = run("Ola Berg denied reports that Ana Ruiz was preparing to resign.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "REJECT"
            && s.as_deref() == Some("person:ola-berg")
            && t.is_empty()),
        "{got:?}"
    );
    // A concern about what someone does is still aimed at them.
    let y = run("Ola Berg voiced concerns that Ana Ruiz was preparing to resign.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("person:ola-berg")
            && t == &["person:ana-ruiz".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn what_someone_should_have_done_is_a_criticism_of_them() {
    let x = run("Ola Berg said Chile should have returned the money sooner.");
    assert!(
        acts(&x).contains(&act(
            "DISAPPROVE",
            Some("person:ola-berg"),
            &["country:CHL"]
        )),
        "{:?}",
        acts(&x)
    );
    // What someone must still do is a demand.
    let y = run("Ola Berg said Chile should return the money.");
    assert!(
        acts(&y).contains(&act("DEMAND", Some("person:ola-berg"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_relative_of_someone_is_not_them() {
    for text in [
        "The wife of Ola Berg criticised Chile on Monday.",
        "Ola Berg's parents criticised Chile on Monday.",
        "Ola Berg's closest ally criticised Chile on Monday.",
        "Critics of Ola Berg criticised Chile on Monday.",
        "President Ola Berg's allies condemned Chile on Monday.",
    ] {
        let x = run(text);
        let got = acts(&x);
        assert!(
            got.iter().any(|(c, s, t)| c == "DISAPPROVE"
                && s.is_none()
                && t == &["country:CHL".to_owned()]),
            "{text}: {got:?}"
        );
    }
    // A relative or associate named in apposition acts.
    for text in [
        "His wife Ana Ruiz criticised Chile on Monday.",
        "His closest ally Ana Ruiz criticised Chile on Monday.",
    ] {
        let y = run(text);
        assert!(
            acts(&y).contains(&act(
                "DISAPPROVE",
                Some("person:ana-ruiz"),
                &["country:CHL"]
            )),
            "{text}: {:?}",
            acts(&y)
        );
    }
}

#[test]
fn a_groups_protest_is_the_groups_and_its_capital_is_not_its_target() {
    let x = run("Bolivian protesters rallied in La Paz on Monday.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "PROTEST"
            && s.as_deref() == Some("group:BOL:protesters")
            && t.is_empty()),
        "{got:?}"
    );
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:BOL")),
        "{got:?}"
    );
}

#[test]
fn people_in_a_capital_are_that_countrys() {
    // A capital named as a place ("in Lima") is not an actor, but the group of people in it
    // is its country's, named as such.
    let x = run("Demonstrators in Lima blocked a road on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "PROTEST" && s.as_deref() == Some("group:PER:protesters")),
        "{got:?}"
    );
    assert!(
        name_of(&x, "group:PER:protesters")
            .iter()
            .any(|n| n == "Peruvian protesters"),
        "{:?}",
        x.actors
    );
}

#[test]
fn a_capital_read_as_a_place_is_its_country_when_acted_on() {
    // "into Lima" makes the capital a place; the act is still aimed at its country.
    let x = run("Chilean rebels on Tuesday blocked transport into Lima.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "PROTEST"
            && s.as_deref() == Some("group:CHL:rebels")
            && t.iter().any(|k| k == "country:PER")),
        "{got:?}"
    );
    // A capital that only says where ("the Lima bombing") names no one condemned.
    let y = run("Norway condemned the Lima bombing on Monday.");
    assert!(
        acts(&y)
            .iter()
            .all(|(_, _, t)| !t.iter().any(|k| k == "country:PER")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn opening_the_borders_to_people_takes_them_in() {
    let x =
        run("Norway opened its borders today to thousands of Chilean refugees fleeing the war.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AID", Some("country:NOR"), &["group:CHL:refugees"])),
        "{got:?}"
    );
}

#[test]
fn a_name_before_more_of_something_is_whom_it_is_promised_to() {
    // "promised Chile more time": the parser makes "Chile" a compound of "time".
    let got = acts(&run("Norway promised Chile more time."));
    assert!(
        got.iter().any(|(c, s, t)| c == "AGREE"
            && s.as_deref() == Some("country:NOR")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}
