//! Stage tests for who an act is by and whom it is at where the sentence's form misleads:
//! acts with one end, reactions, former holders of a post, content clauses, pronouns (in
//! quotations, opening a sentence, after a venue), describing verbs, conjoined verbs and
//! participle clauses.

use super::tests::{act, acts, run};

#[test]
fn an_act_by_someone_and_an_act_on_them_stay_two_events() {
    // One end named in each: Norway praises a plan, someone praises Norway. The same
    // category and the same one actor, but not the same act, and not the same direction.
    let x = run("Norway praised the plan on Monday. The plan drew praise for Norway from many.");
    let praise: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.category.name() == "SUPPORT")
        .map(|e| (e.key.clone(), e.source.clone(), e.targets.clone()))
        .collect();
    assert_eq!(praise.len(), 2, "{praise:?}");
    assert!(
        praise.iter().any(|(k, s, t)| k.ends_with("/NOR>")
            && s.as_deref() == Some("country:NOR")
            && t.is_empty()),
        "{praise:?}"
    );
    assert!(
        praise.iter().any(|(k, s, t)| k.ends_with("/>NOR")
            && s.is_none()
            && t == &vec!["country:NOR".to_owned()]),
        "{praise:?}"
    );
}

#[test]
fn a_reaction_in_a_reported_clause_is_not_aimed_at_who_reports_it() {
    // The complaints went to the company; the one who says so drew none.
    let x = run("Ravi Menon said the company received very few complaints about the plan.");
    assert!(
        !acts(&x)
            .iter()
            .any(|(_, _, t)| t.contains(&"person:ravi-menon".to_owned())),
        "{:?}",
        acts(&x)
    );
    // The main subject's own words still draw the reaction.
    let y = run("Ravi Menon made a speech on Monday that drew criticism.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, _, t)| c == "DISAPPROVE" && t.contains(&"person:ravi-menon".to_owned())),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn who_held_a_post_no_longer_acts_for_its_country_or_body() {
    // A former diplomat is nobody's envoy: the country does not condemn.
    let x = run("A former Chilean diplomat condemned Peru on Monday.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "DISAPPROVE" && t == &vec!["country:PER".to_owned()]),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    // A serving one still does.
    let y = run("A Chilean diplomat condemned Peru on Monday.");
    assert!(
        acts(&y).contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_content_clause_names_no_target_when_the_act_has_its_own_object() {
    // Voters are urged; Norway is only in what they are urged to do.
    let x = run("Ravi Menon urged voters not to let Norway win the vote.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.as_deref() == Some("person:ravi-menon")
            && t.is_empty()),
        "{got:?}"
    );
    // Without an object of its own, the act aims at the content's object.
    let y = run("Norway threatened to attack Chile.");
    assert!(
        acts(&y).contains(&act("THREATEN", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_pronoun_in_a_quotation_is_not_who_frames_it() {
    // "them" inside the quote is neither the broadcaster told nor the speaker's body.
    let x = run(
        "Ravi Menon, of the Chile Trade Council, told the BBC: \"We have long urged them to stop the hunt.\"",
    );
    let got = acts(&x);
    assert!(
        !got.iter().any(|(_, _, t)| t
            .iter()
            .any(|k| k.contains("bbc") || k.contains("trade-council"))),
        "{got:?}"
    );
    // Outside a quotation the nearest body before the pronoun still is.
    let y = run("The talks with the Chile Trade Council failed, and Norway urged them to return.");
    assert!(
        acts(&y).contains(&act(
            "DEMAND",
            Some("country:NOR"),
            &["org:chl-trade-council"]
        )),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn who_describes_an_act_does_not_do_it() {
    // France judges the attack; someone else made it.
    let x = run("France described the attack on Chile as barbaric.");
    let got = acts(&x);
    assert!(
        got.contains(&act("ASSAULT", None, &["country:CHL"])),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(_, s, _)| s.as_deref() == Some("country:FRA")),
        "{got:?}"
    );
    // A verb that does the act with its noun still makes its subject the doer.
    let y = run("France launched an attack on Chile.");
    assert!(
        acts(&y).contains(&act("ASSAULT", Some("country:FRA"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_conjoined_verb_with_its_own_subject_does_not_share_the_first() {
    // The queen invites, not Ravi Menon, though "invited" is a conjunct of "told".
    let x = run(
        "Ravi Menon told the nation he was resigning and the Queen invited Ana Voss to form a new government.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.is_none()
            && t == &vec!["person:ana-voss".to_owned()]),
        "{got:?}"
    );
    // Without a subject of its own it still shares it.
    let y = run("Norway condemned Chile and threatened Peru.");
    assert!(
        acts(&y).contains(&act("THREATEN", Some("country:NOR"), &["country:PER"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_present_participle_clause_is_done_by_the_subject_of_its_clause() {
    let x = run("Welcoming the decision, Norway said the talks would go on.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SUPPORT", Some("country:NOR"), &[])),
        "{got:?}"
    );
    // A past participle is undergone: who is asked does not ask.
    let y = run("Asked about the talks, Norway replied that it was hopeful.");
    let got = acts(&y);
    assert!(!got.iter().any(|(c, _, _)| c == "DEMAND"), "{got:?}");
}

#[test]
fn a_pronoun_in_a_clause_coordinated_with_a_report_names_the_reporter() {
    // "she accused" is coordinated with what Ruiz said, whose unnamed subject ("a delay") is
    // not its antecedent.
    let x = run(
        "Foreign Minister Ana Ruiz said a delay would be disastrous and she accused Chile of bias.",
    );
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:ana-ruiz"),
            &["country:CHL"]
        )),
        "{got:?}"
    );
}

#[test]
fn they_opening_a_sentence_about_people_named_first_is_not_a_country() {
    // "They" are the two men, not Chile, named after them.
    let x = run(
        "Ravi Menon and Ana Voss, from Santiago, have been held by Chile for a year. They were detained in a camp near the border.",
    );
    let got = acts(&x);
    assert!(
        !got.iter()
            .any(|(c, _, t)| c == "COERCE" && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    // A country named first is still who "they" are.
    let y = run("Norway has closed its border. They later expelled two Chilean diplomats.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "SANCTION" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn where_someone_speaks_is_not_who_a_pronoun_is() {
    let x = run(
        "Speaking at the Chile Trade Council, Ravi Menon said it was critical for a party to be trusted, both on what it promised and on what it delivered.",
    );
    assert!(
        !acts(&x)
            .iter()
            .any(|(_, s, _)| s.as_deref() == Some("org:chl-trade-council")),
        "{:?}",
        acts(&x)
    );
    // Named as who acts, the same body is still what "it" is.
    let y = run("The Chile Trade Council met on Monday and it promised to help Peru.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "AGREE" && s.as_deref() == Some("org:chl-trade-council")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn who_backs_an_act_of_force_does_not_back_its_victim() {
    let x = run("Norwegian MPs backed the invasion of Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SUPPORT", Some("country:NOR"), &[])),
        "{got:?}"
    );
    // Backing someone's proposal still backs them.
    let y = run("Ana Voss backs Ravi Menon's proposal of shortlists.");
    assert!(
        acts(&y).contains(&act(
            "SUPPORT",
            Some("person:ana-voss"),
            &["person:ravi-menon"]
        )),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn who_a_denial_says_did_nothing_is_not_its_target() {
    // The parser makes "Chile" the object of "denied" and leaves "was trying" without a
    // subject; the repair gives the clause its subject back, and the denial has no target.
    let x = run("Ana Voss denied Chile was trying to hide the report.");
    assert!(
        acts(&x).contains(&act("REJECT", Some("person:ana-voss"), &[])),
        "{:?}",
        acts(&x)
    );
    // A denial of someone's claim named as its object still has that object.
    let y = run("Ana Voss denied the claims by Chile on Monday.");
    assert!(
        acts(&y).contains(&act("REJECT", Some("person:ana-voss"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn what_a_record_or_a_report_is_on_is_its_topic_not_who_is_criticised() {
    let x = run("Ola Berg criticised Norway's record on Chile.");
    assert!(
        acts(&x).contains(&act(
            "DISAPPROVE",
            Some("person:ola-berg"),
            &["country:NOR"]
        )),
        "{:?}",
        acts(&x)
    );
    let y = run("Ola Berg attacked the report on Chile.");
    assert!(
        acts(&y).contains(&act("DISAPPROVE", Some("person:ola-berg"), &[])),
        "{:?}",
        acts(&y)
    );
    // Reprisals against Chile are aimed at Chile.
    let z = run("Norway threatened reprisals against Chile.");
    assert!(
        acts(&z).contains(&act("THREATEN", Some("country:NOR"), &["country:CHL"])),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn who_welcomes_an_agreement_between_two_others_is_no_party_to_it() {
    let x = run("Norway welcomed the agreement between Chile and Peru.");
    let agree: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.category.name() == "AGREE")
        .collect();
    assert_eq!(agree.len(), 1, "{:?}", acts(&x));
    assert!(
        agree[0].source.is_none() && agree[0].targets.is_empty(),
        "{:?}",
        acts(&x)
    );
    let mut parties = agree[0].participants.clone();
    parties.sort();
    assert_eq!(
        parties,
        vec!["country:CHL".to_owned(), "country:PER".to_owned()]
    );
    // Without the two sides named, who receives an offer is the one it is made to.
    let y = run("Chile received an offer of talks from Peru.");
    assert!(
        acts(&y).contains(&act("AGREE", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn who_highlights_or_cites_an_act_does_not_do_it() {
    let x = run("Ana Ruiz highlighted detentions without trial in Chile.");
    assert!(
        !acts(&x)
            .iter()
            .any(|(_, s, _)| s.as_deref() == Some("person:ana-ruiz")),
        "{:?}",
        acts(&x)
    );
    let y = run("Chilean police detained Ana Ruiz on Monday.");
    assert!(
        acts(&y).contains(&act("COERCE", Some("country:CHL"), &["person:ana-ruiz"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn they_after_a_people_group_are_those_people() {
    // "They" reporting a group's own intent stands for the group, not for its country's
    // state.
    let x = run("Chilean students said on Friday they would boycott the elections.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("group:CHL:students")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:CHL")),
        "{got:?}"
    );
}

#[test]
fn their_after_a_people_group_is_those_peoples() {
    // "Their demands" in a clause of the group's own act are the group's, not those of a
    // country named on the way.
    let x = run(
        "Chilean rebels on Friday rejected a Peruvian peace plan and said they opposed the deployment of troops until their demands are met.",
    );
    let got = acts(&x);
    assert!(
        got.iter()
            .filter(|(c, _, _)| c == "DEMAND")
            .all(|(_, s, _)| s.as_deref() != Some("country:PER")),
        "{got:?}"
    );
}

#[test]
fn what_one_is_challenged_or_told_to_do_is_not_done() {
    // Asked of another, however the parse hangs the clause: no resignation by Ola Berg.
    for text in [
        "Ana Ruiz challenged Ola Berg to resign.",
        "Ana Ruiz, a former minister, challenged Ola Berg to deny the reports.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter()
                .all(|(_, s, _)| s.as_deref() != Some("person:ola-berg")),
            "{text}: {got:?}"
        );
    }
    // Forced to, it was done.
    let got = acts(&run("Ana Ruiz forced Ola Berg to resign."));
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "RETREAT" && s.as_deref() == Some("person:ola-berg")),
        "{got:?}"
    );
}

#[test]
fn a_name_before_an_aside_between_commas_is_the_subject_after_it() {
    // The parser hangs the name on "after" as an oblique of "revealed" and makes "warned" a
    // conjunct of it, with no subject.
    let got = acts(&run(
        "The e-mail was revealed the day after Ana Ruiz, former Labour minister, warned the BBC to steer away from the story.",
    ));
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("person:ana-ruiz")),
        "{got:?}"
    );
    // Read as an apposition of "the ruling", the name was what was welcomed.
    let got = acts(&run(
        "Welcoming the ruling, Ana Ruiz, chief executive of the Norwegian Refugee Council, said the abuses were well documented.",
    ));
    assert!(
        got.iter()
            .all(|(_, _, t)| !t.contains(&"person:ana-ruiz".to_owned())),
        "{got:?}"
    );
}

#[test]
fn the_role_of_another_body_is_not_the_holder_named_before() {
    let x = run(
        "FNU chairman Ana Ruiz spoke on Monday. The chairman of the Dockers Union condemned Peru.",
    );
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "DISAPPROVE" && s.as_deref() == Some("org:dockers-union")),
        "{got:?}"
    );
    // The role of the body named beside the holder is still the holder's.
    for text in [
        "FNU chairman Ana Ruiz spoke on Monday. The chairman of the FNU condemned Peru.",
        "FNU chairman Ana Ruiz spoke on Monday. The chairman of the Farmers National Union condemned Peru.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter()
                .any(|(c, s, _)| c == "DISAPPROVE" && s.as_deref() == Some("person:ana-ruiz")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_list_of_names_that_met_all_take_part() {
    // The tagger takes "met" after a list of names for a noun; the parser still gives it the
    // names as its subject.
    for (text, keys) in [
        (
            "Peru, Chile and Norway met on Monday.",
            &["country:PER", "country:CHL", "country:NOR"][..],
        ),
        (
            "Officials from Peru and Chile met on Monday.",
            &["country:PER", "country:CHL"][..],
        ),
    ] {
        let x = run(text);
        let meeting = x
            .events
            .iter()
            .find(|e| e.category.name() == "CONSULT")
            .unwrap_or_else(|| panic!("{text}: no meeting: {:?}", acts(&x)));
        for key in keys {
            assert!(
                meeting.participants.iter().any(|p| p == key),
                "{text}: {key}: {:?}",
                meeting.participants
            );
        }
    }
}

#[test]
fn a_name_after_a_clause_word_acts_in_the_clause_it_opens() {
    // The parser reads "after Chile" as a phrase of the noun before it, and the verb after
    // it as a clause of the verb before: the invasion became NATO's.
    let x = run("Norway applied to join NATO after Chile invaded Peru.");
    assert!(
        acts(&x).contains(&act("FIGHT", Some("country:CHL"), &["country:PER"])),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway cut ties with Peru after Chile attacked Bolivia.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "ASSAULT"
            && s.as_deref() == Some("country:CHL")
            && t == &["country:BOL".to_owned()]),
        "{got:?}"
    );
    assert!(
        got.contains(&act("SANCTION", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_relative_clause_after_a_comma_describes_the_noun_before_it() {
    // The parser hangs "backs" as the content of "said": the one who backs is Ana Ruiz.
    let x =
        run("Ana Ruiz, who backs Ola Berg's proposal of shortlists, said she had been elected.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, s, _)| c == "SUPPORT" && s.as_deref() == Some("person:ana-ruiz")),
        "{:?}",
        acts(&x)
    );
    // "who" in a passive relative clause is the one acted on.
    let y = run("Ana Ruiz, who was criticised by Norway last week, said she had been elected.");
    assert!(
        acts(&y).contains(&act(
            "DISAPPROVE",
            Some("country:NOR"),
            &["person:ana-ruiz"]
        )),
        "{:?}",
        acts(&y)
    );
    // The verb after the clause has the noun before it as its subject, named or not.
    let z = run(
        "The Norwegian minister, who was expelled from the party last year, accused Ravi Menon of lying.",
    );
    assert!(
        acts(&z).contains(&act(
            "DISAPPROVE",
            Some("country:NOR"),
            &["person:ravi-menon"]
        )),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_run_of_sentences_opening_with_he_goes_on_with_the_person_before_it() {
    // The sentence before names no one and opens with the same "he": the person named
    // before it is meant.
    let x = run(
        "Ravi Menon spoke in Oslo on Monday. He said the plan was costly. But he criticised Norway's government.",
    );
    assert!(
        acts(&x).contains(&act(
            "DISAPPROVE",
            Some("person:ravi-menon"),
            &["country:NOR"]
        )),
        "{:?}",
        acts(&x)
    );
    // "But he" opening a paragraph goes on from the paragraph before, as "He" does.
    let y = run("Ravi Menon spoke in Oslo on Monday.\n\nBut he criticised Norway's government.");
    assert!(
        acts(&y).contains(&act(
            "DISAPPROVE",
            Some("person:ravi-menon"),
            &["country:NOR"]
        )),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_by_phrase_hung_on_an_act_noun_is_that_acts_author_not_the_agent_of_the_passive() {
    // "by Peru" is the attack's author; who condemned Chile is not named.
    let x = run("Chile was condemned for the attack by Peru.");
    assert!(
        !acts(&x)
            .iter()
            .any(|(c, s, _)| c == "DISAPPROVE" && s.as_deref() == Some("country:PER")),
        "{:?}",
        acts(&x)
    );
    // Hung on a noun that is no act, it is the passive's agent.
    let y = run("Chile was criticised in a speech by Peru.");
    assert!(
        acts(&y).contains(&act("DISAPPROVE", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_modal_conjunct_after_a_reported_clause_is_done_by_that_clauses_subject() {
    // Norway would recognise the need; Ravi Menon only argues so.
    let x = run(
        "Ravi Menon argued that Norway was moving in the right direction, and would eventually recognise the need to consider budget deficits.",
    );
    let got = acts(&x);
    assert!(
        !got.iter()
            .any(|(_, s, _)| s.as_deref() == Some("person:ravi-menon")),
        "{got:?}"
    );
}

#[test]
fn a_name_before_a_possessive_is_the_owner_of_the_name_after_it() {
    // The parser made Peru the root and Chile a conjunct of it: the condemnation lost its
    // target.
    let x = run("Peru's Ravi Menon condemned Chile.");
    assert!(
        acts(&x).contains(&act(
            "DISAPPROVE",
            Some("person:ravi-menon"),
            &["country:CHL"]
        )),
        "{:?}",
        acts(&x)
    );
    // The parser made Norway a second subject of "met": the meeting was Norway's.
    let y = run("Norway's Ana Ruiz met Ravi Menon.");
    assert!(
        acts(&y).contains(&act(
            "CONSULT",
            Some("person:ana-ruiz"),
            &["person:ravi-menon"]
        )),
        "{:?}",
        acts(&y)
    );
    // The parser made Ola Berg a part of Peru's name, the object: the meeting was with Peru.
    let z = run("Chile's Ana Ruiz met Peru's Ola Berg in Lima.");
    assert!(
        acts(&z).contains(&act(
            "CONSULT",
            Some("person:ana-ruiz"),
            &["person:ola-berg"]
        )),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_past_form_after_a_modal_clause_is_done_by_who_speaks() {
    // The parser joined "condemned" to "send", under "would": Norway condemned Chile.
    let x = run("Ravi Menon said Norway would send aid to Peru and condemned Chile.");
    let got = acts(&x);
    assert!(
        got.contains(&act(
            "DISAPPROVE",
            Some("person:ravi-menon"),
            &["country:CHL"]
        )),
        "{got:?}"
    );
    // Under "would have" the participle may share the modal: left alone.
    let y = run("Ravi Menon said Norway would have attacked Peru and condemned Chile.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "DISAPPROVE" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_noun_phrase_before_a_relative_aside_is_the_subject_after_it() {
    // The parser made the relative clause the main one and "condemned" its adverbial clause:
    // the condemnation had no one acting.
    let x =
        run("The Peruvian government, which has long opposed the plan, condemned Chile on Monday.");
    assert!(
        acts(&x).contains(&act("DISAPPROVE", Some("country:PER"), &["country:CHL"])),
        "{:?}",
        acts(&x)
    );
    // A marker the parser gave the aside's verb still opens the clause after it: the
    // threat is aimed at whom its condition names.
    let y = run(
        "Norway threatened to ban voting in Bergen if the Dockers Union, which opposes the treaty, ran in the election.",
    );
    assert!(
        acts(&y).contains(&act(
            "THREATEN",
            Some("country:NOR"),
            &["org:dockers-union"]
        )),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_noun_after_and_that_starts_a_clause_of_its_own_is_not_acted_on() {
    // Ravi Menon speaks later; the attack is on Norway's record alone.
    let x = run(
        "Ana Ruiz opened the forum in Bergen with an attack on Norway's record and party \
         leader Ravi Menon is due to speak later.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("person:ana-ruiz")
            && t == &vec!["country:NOR".to_owned()]),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(_, _, t)| t.contains(&"person:ravi-menon".to_owned())),
        "{got:?}"
    );
}

#[test]
fn its_in_the_reason_for_an_act_is_whom_the_act_is_aimed_at() {
    // "its attacks" are Chile's: the United Nations condemns, Chile attacked.
    let x = run("The United Nations condemned Chile for its attacks on civilians.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "ASSAULT" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(c, s, _)| c == "ASSAULT" && s.as_deref() == Some("org:united-nations")),
        "{got:?}"
    );
    // With no one acted on before it, "its" still goes to the subject.
    let y = run("Norway said on Monday that its forces had attacked Chile.");
    assert!(
        acts(&y)
            .iter()
            .any(|(_, s, t)| s.as_deref() == Some("country:NOR")
                && t == &vec!["country:CHL".to_owned()]),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_country_named_by_the_adjective_of_a_person_is_no_antecedent_of_it() {
    // "a Peruvian student" is a person, not Peru: "it" does not stand for the country.
    let x =
        run("Following the death of a Peruvian student in Oslo, it organised a march in the city.");
    assert!(
        acts(&x)
            .iter()
            .all(|(_, s, _)| s.as_deref() != Some("country:PER")),
        "{:?}",
        acts(&x)
    );
    // A noun that acts for its country still lets the pronoun stand for it.
    let y = run("Chilean troops crossed the border and it condemned Peru.");
    assert!(
        acts(&y).contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_declaration_issued_demanding_something_is_its_issuers_demand() {
    // The parser made "declaration" the subject of "demanding", so the demand had no one
    // behind it.
    let x = run(
        "The rebel Chilean Farmers Party issued a declaration demanding that the Peruvian government provide information on the safety of its leader Ana Ruiz.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.as_deref().is_some_and(|s| s.contains("farmers-party"))
            && t.contains(&"country:PER".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_name_after_with_before_an_ing_verb_does_it() {
    // "with X quitting": X quits, whatever the parser hung the "-ing" verb on.
    for text in [
        "The long row ended with Ola Berg quitting.",
        "Ana Ruiz was Foreign Office permanent secretary during the saga which ended with Ola Berg quitting.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter()
                .any(|(c, s, _)| c == "RETREAT" && s.as_deref() == Some("person:ola-berg")),
            "{text}: {got:?}"
        );
    }
    let got = acts(&run(
        "The row ended with Ola Berg resigning from the Norwegian cabinet.",
    ));
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "RETREAT" && s.as_deref() == Some("person:ola-berg")),
        "{got:?}"
    );
}

#[test]
fn a_speech_after_with_is_its_speakers() {
    // After an indefinite noun the "-ing" form is the speaker's, not the speech's own.
    let got = acts(&run(
        "Ola Berg has opened proceedings with a speech criticising Chile's record in government.",
    ));
    assert!(
        got.iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("person:ola-berg")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_name_in_a_phrase_before_the_verb_is_not_its_pronoun_subject() {
    // "In a letter to X, he ...": the one written to is not the one who writes.
    let got = acts(&run(
        "Ola Berg arrived in Oslo on Monday. In a letter to Lars Dahl, he criticised Chile.",
    ));
    assert!(
        got.iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("person:ola-berg")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_verb_after_and_shares_the_subject_of_the_verb_above_the_noun_before_it() {
    // The parser joins "called" to "vaccine"; the call is Norway's, as the criticism is.
    let got = acts(&run(
        "Norway criticised Ola Berg's preoccupation with finding a vaccine and called on Chilean ministers to fund treatments.",
    ));
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "DEMAND" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn an_ing_phrase_after_a_subject_describes_it_and_the_verb_after_is_its() {
    // "The Red Cross operating in X said …": the Red Cross says, whether the parser made
    // "operating" the root or a clause of "said".
    for text in [
        "The Red Cross operating in Chile said Peru must open its border.",
        "The Red Cross working in Peru said Chilean and Norwegian forces must guard the roads.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter().any(|(c, s, t)| c == "DEMAND"
                && s.as_deref() == Some("org:icrc")
                && !t.is_empty()),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn who_registers_a_donation_receives_it() {
    let got = acts(&run(
        "Ola Berg registered donations from Chilean businessmen to his office.",
    ));
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "AID" && t == &vec!["person:ola-berg".to_owned()]),
        "{got:?}"
    );
}
