//! Stage tests of events: their categories, parties, direction, dates and how they are stated.

use super::*;

#[test]
fn a_past_tense_after_a_described_name_is_its_verb() {
    let x = run("Aid row\n\nBut the aid charity Oxfam criticised Mr Dalby's plans for the fund.\n");
    let criticism = events_of(&x, Plover::Disapprove);
    assert_eq!(criticism.len(), 1, "{:?}", x.events);
    assert_eq!(criticism[0].source.as_deref(), Some("org:oxfam"));
    assert_eq!(criticism[0].targets, vec!["person:dalby".to_string()]);
}

#[test]
fn a_repeated_pronoun_keeps_its_person() {
    let x = run(
        "Bill row\n\nHome Office minister Tom Varley spoke on Monday. He did not rule out change but said if Lord Amberley's bill passed, he would urge MPs to oppose it.\n",
    );
    let appeals = events_of(&x, Plover::Demand);
    assert_eq!(appeals.len(), 1, "{:?}", x.events);
    assert_eq!(appeals[0].source.as_deref(), Some("person:tom-varley"));
}

#[test]
fn buildings_and_venues_are_places() {
    let x = run(
        "Venues\n\nThe show could be held at the Tarnvale Exhibition and Conference Centre or in the Marsh Memorial. The Centre for Tarn Studies said so. Ann Lee, who had been selected to fight the Tarnvale Coastal seat, quit.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("coastal")),
        "{:?}",
        keys(&x)
    );
    let k = keys(&x);
    assert!(
        x.actors
            .iter()
            .all(|a| !a.name.contains("Conference Centre") && !a.name.contains("Memorial")),
        "{k:?}"
    );
    assert!(
        x.events.iter().all(|e| e.place.is_none()),
        "a seat is no event place: {:?}",
        x.events
    );
}

#[test]
fn a_capital_is_the_government_unless_it_is_a_place() {
    let acting = run("Row\n\nBeijing condemned the visit on Monday.\n");
    assert_eq!(actor(&acting, "country:CHN").kind, ActorKind::Country);

    let place = run("Talks\n\nFrench and German envoys held talks in Beijing on Monday.\n");
    assert!(!keys(&place).contains(&"country:CHN"), "{:?}", keys(&place));
    let talks = events_of(&place, Plover::Consult);
    assert_eq!(talks.len(), 1);
    assert_eq!(talks[0].place.as_deref(), Some("Beijing"));

    let dateline = run("Deal\n\nMOSCOW — Turkey and Iran signed a gas agreement.\n");
    assert!(
        !keys(&dateline).contains(&"country:RUS"),
        "{:?}",
        keys(&dateline)
    );
}

#[test]
fn a_country_adjective_names_who_acts() {
    let x = run("Fears\n\nUkraine fears a Russian invasion this winter.\n");
    let acts: Vec<&Event> = x.events.iter().filter(|e| e.source.is_some()).collect();
    assert!(!acts.is_empty(), "{:?}", x.events);
    assert_eq!(acts[0].source.as_deref(), Some("country:RUS"));
    assert_eq!(acts[0].targets, vec!["country:UKR".to_string()]);
}

#[test]
fn meeting_takes_two() {
    let x = run("Plans\n\nThe German foreign ministry held a meeting on Tuesday.\n");
    assert!(events_of(&x, Plover::Consult).is_empty(), "{:?}", x.events);
    let y = run("Plans\n\nGermany and France held a meeting on Tuesday.\n");
    let meetings = events_of(&y, Plover::Consult);
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].participants, vec!["country:DEU", "country:FRA"]);
}

#[test]
fn condemnation_is_directed() {
    let x = run("Row\n\nBeijing condemned remarks by Secretary Jane Doe of the United States.\n");
    let e = x
        .events
        .iter()
        .find(|e| matches!(e.category, Plover::Reject | Plover::Disapprove))
        .expect("a condemnation");
    assert_eq!(e.source.as_deref(), Some("country:CHN"));
    assert!(
        e.targets.iter().any(|t| t == "person:jane-doe"),
        "{:?}",
        e.targets
    );
}

#[test]
fn dates_are_read_from_the_sentence() {
    let x = run("Summit\n\nJapan and South Korea held talks on March 2, 2026 in Seoul.\n");
    let talks = events_of(&x, Plover::Consult);
    assert_eq!(talks.len(), 1, "{:?}", x.events);
    assert_eq!(talks[0].date.as_deref(), Some("2026-03-02"));
    assert_eq!(talks[0].place.as_deref(), Some("Seoul"));
}

#[test]
fn what_was_asked_or_denied_is_not_a_second_event() {
    let x = run("Row\n\nGermany called on France to withdraw its envoy.\n");
    assert!(!events_of(&x, Plover::Demand).is_empty(), "{:?}", x.events);
    assert!(events_of(&x, Plover::Retreat).is_empty(), "{:?}", x.events);
    let y = run("Row\n\nGermany did not condemn France on Monday.\n");
    assert!(events_of(&y, Plover::Reject).is_empty(), "{:?}", y.events);
}

#[test]
fn hypothetical_acts_and_bare_nouns_make_no_events() {
    let x = run("Plans\n\nGermany said it could support France next year.\n");
    assert!(events_of(&x, Plover::Support).is_empty(), "{:?}", x.events);
    // "the military action" names no party; Britain and Iraq are the vote's, not its.
    let y = run(
        "Vote\n\nBritain held a vote in parliament on the military action against nobody in particular, said Iraq.\n",
    );
    assert!(
        !y.events
            .iter()
            .any(|e| e.category == Plover::Assault
                && e.participants.iter().any(|p| p == "country:GBR")),
        "{:?}",
        y.events
    );
    // "a meeting between X and Y": the parties the noun introduces.
    let z = run("Talks\n\nThe news came after a meeting between Germany and France in Berlin.\n");
    let meetings = events_of(&z, Plover::Consult);
    assert_eq!(meetings.len(), 1, "{:?}", z.events);
    assert_eq!(meetings[0].participants, vec!["country:DEU", "country:FRA"]);
}

#[test]
fn words_are_attacked_in_words_and_workers_strike_on_the_ground() {
    let x = run("Row\n\nGermany attacked French plans on asylum.\n");
    assert!(events_of(&x, Plover::Assault).is_empty(), "{:?}", x.events);
    assert!(
        !events_of(&x, Plover::Disapprove).is_empty(),
        "{:?}",
        x.events
    );
    let y = run("Strike\n\nThe strike action by the Polish union Solidarity began in Gdansk.\n");
    assert!(events_of(&y, Plover::Assault).is_empty(), "{:?}", y.events);
}

#[test]
fn an_act_takes_the_parties_of_its_own_clause() {
    let x = run("Row\n\nGermany criticised France on Monday, while Spain said nothing at all.\n");
    let criticism = events_of(&x, Plover::Disapprove);
    assert_eq!(criticism.len(), 1, "{:?}", x.events);
    assert_eq!(
        criticism[0].participants,
        vec!["country:DEU", "country:FRA"]
    );
    assert_eq!(criticism[0].source.as_deref(), Some("country:DEU"));
    // A verb with nobody doing it is no act of anyone named elsewhere in the sentence.
    let y = run("Row\n\nSpain said that critics slammed the plan.\n");
    assert!(
        events_of(&y, Plover::Disapprove).is_empty(),
        "{:?}",
        y.events
    );
}

#[test]
fn a_pronoun_subject_is_the_actor_named_before() {
    let x = run("Row\n\nGermany was angry. It condemned France on Monday.\n");
    let condemnation = events_of(&x, Plover::Disapprove);
    assert_eq!(condemnation.len(), 1, "{:?}", x.events);
    assert_eq!(condemnation[0].source.as_deref(), Some("country:DEU"));
    assert_eq!(condemnation[0].targets, vec!["country:FRA".to_string()]);
}

#[test]
fn how_an_act_is_stated_is_kept() {
    // What is proposed is the content of the proposal, not an event of its own; the
    // proposal is aimed at the other side of the talks.
    let x = run("Plans\n\nGermany proposed talks with France.\n");
    assert!(events_of(&x, Plover::Consult).is_empty(), "{:?}", x.events);
    let proposal = events_of(&x, Plover::Demand);
    assert_eq!(proposal.len(), 1, "{:?}", x.events);
    assert_eq!(proposal[0].source.as_deref(), Some("country:DEU"));
    assert_eq!(proposal[0].targets, vec!["country:FRA".to_string()]);
    // A meeting said of the future is the intent to meet: a pledge (PLOVER's AGREE, as its
    // coders code "will visit"), aimed at the one to be met; no meeting yet.
    let w = run("Plans\n\nGermany will meet France next year.\n");
    assert!(events_of(&w, Plover::Consult).is_empty(), "{:?}", w.events);
    let pledge = events_of(&w, Plover::Agree);
    assert_eq!(pledge.len(), 1, "{:?}", w.events);
    assert_eq!(pledge[0].source.as_deref(), Some("country:DEU"));
    assert_eq!(pledge[0].targets, vec!["country:FRA".to_string()]);
    // Force said of the future is a threat (PLOVER's THREATEN), done it is a fight.
    let y = run("Plans\n\nGermany will invade France next year.\n");
    assert!(events_of(&y, Plover::Fight).is_empty(), "{:?}", y.events);
    let threat = events_of(&y, Plover::Threaten);
    assert_eq!(threat.len(), 1, "{:?}", y.events);
    assert_eq!(threat[0].targets, vec!["country:FRA".to_string()]);
    let z = run("Plans\n\nGermany invaded France.\n");
    assert_eq!(events_of(&z, Plover::Fight)[0].modality, None);
}

#[test]
fn the_same_act_in_two_articles_has_one_key() {
    let a = run("First report\n\nGermany condemned France on Monday.\n");
    let b = run("Another title\n\nIn Berlin, Germany condemned France.\n");
    let key = |x: &Extraction| events_of(x, Plover::Disapprove)[0].key.clone();
    assert_eq!(key(&a), key(&b));
    // A stated date keeps different occasions apart.
    let c = run("Old news\n\nGermany condemned France in March 1999.\n");
    assert_ne!(key(&a), key(&c));
}

#[test]
fn a_second_verb_has_parties_of_its_own() {
    let x = run("Row\n\nGermany backed the plan and distanced itself from Spain.\n");
    let support = events_of(&x, Plover::Support);
    assert_eq!(support.len(), 1, "{:?}", x.events);
    assert_eq!(support[0].participants, vec!["country:DEU"]);
}

#[test]
#[ignore = "issue 10: the parser (UAS 0.835) misreads this sentence; the parse-based event reader loses what the word-order reader had"]
fn where_points_back_to_the_place_before_it() {
    let x = run(
        "Tour\n\nRavi Menon landed in Kenya on Friday after a stop in Egypt, where he met President Anna Kowalska.\n",
    );
    let meetings = events_of(&x, Plover::Consult);
    assert_eq!(meetings.len(), 1, "{:?}", x.events);
    assert_eq!(meetings[0].place.as_deref(), Some("Egypt"));
}

#[test]
fn a_pronoun_after_an_unnamed_office_holder_is_that_person() {
    let x = run(
        "Row\n\nThe Green leader had said that his work with Ravi Menon did not shape the groups he supports.\n",
    );
    assert!(events_of(&x, Plover::Support).is_empty(), "{:?}", x.events);
    // A named speaker still resolves.
    let named = run("Row\n\nMinister Ravi Menon said he supports the plan of Germany.\n");
    let support = events_of(&named, Plover::Support);
    assert_eq!(support.len(), 1, "{:?}", named.events);
    assert_eq!(support[0].source.as_deref(), Some("person:ravi-menon"));
}

#[test]
fn a_headline_verb_is_no_qualifier_of_the_noun_after_it() {
    let x = run("Ravi Menon opposes mayor apology\n\nRavi Menon said the row should end.\n");
    assert!(
        !events_of(&x, Plover::Concede)
            .iter()
            .any(|e| e.participants.iter().any(|p| p.contains("menon"))),
        "{:?}",
        x.events
    );
}

#[test]
fn a_spokesperson_does_not_react_to_his_own_party() {
    let x = run(
        "Wages\n\nThe Labour Party's economics spokesman Ravi Menon said he supported the move to raise pay.\n",
    );
    for e in &x.events {
        assert!(e.targets.is_empty(), "{e:?}");
    }
}

#[test]
fn both_and_joins_names_and_borrows_no_one() {
    let x = run(
        "Appeal\n\nRavi Menon met Anna Kowalska. Both the Cardinal and Bishop Tom Hale appealed for calm.\n",
    );
    let appeals = events_of(&x, Plover::Demand);
    assert_eq!(appeals.len(), 1, "{:?}", x.events);
    assert_eq!(appeals[0].participants, vec!["person:tom-hale"]);
}

#[test]
fn a_union_strikes_by_stopping_work() {
    let x = run(
        "Walkout\n\nThe Prison Officers Union strike closed two jails. NATO strikes hit Serbia.\n",
    );
    let protests = events_of(&x, Plover::Protest);
    assert_eq!(protests.len(), 1, "{:?}", x.events);
    assert!(
        protests[0].participants[0].contains("union"),
        "{:?}",
        protests[0]
    );
    // Air strikes are conventional military force: PLOVER's FIGHT.
    let strikes = events_of(&x, Plover::Fight);
    assert_eq!(strikes.len(), 1, "{:?}", x.events);
    assert_eq!(strikes[0].source.as_deref(), Some("org:nato"));
}

#[test]
fn a_vow_to_do_good_is_no_threat() {
    let x = run("Aid\n\nMinister Ravi Menon has vowed to put Kenya at the top of his agenda.\n");
    assert!(events_of(&x, Plover::Threaten).is_empty(), "{:?}", x.events);
}

#[test]
fn declining_to_comment_is_no_refusal() {
    let x = run(
        "Row\n\nMinister Ravi Menon declined to comment on the reports. Anna Kowalska refused to say whether she would stand.\n",
    );
    assert!(events_of(&x, Plover::Reject).is_empty(), "{:?}", x.events);
}

#[test]
fn marching_up_to_someone_is_no_protest() {
    let x = run("Show\n\nAnna Kowalska marched up to Ravi Menon and complained.\n");
    assert!(events_of(&x, Plover::Protest).is_empty(), "{:?}", x.events);
}

#[test]
fn a_headline_accused_of_is_passive() {
    let x = run("Labour accused of broken pledge\n\nThe party denied it.\n");
    for e in events_of(&x, Plover::Disapprove) {
        assert_ne!(e.source.as_deref(), Some("org:labour-uk"), "{e:?}");
    }
}

#[test]
fn a_seat_is_not_where_an_event_happens() {
    let x = run(
        "Attack\n\nRavi Menon, the MP for Tarnwick and Bedwas, was attacked in a park in Nairobi.\n",
    );
    for e in &x.events {
        assert_ne!(e.place.as_deref(), Some("Bedwas"), "{e:?}");
        assert_ne!(e.place.as_deref(), Some("Tarnwick"), "{e:?}");
    }
}

#[test]
fn offering_thanks_is_thanking_and_no_proposal() {
    let x = run("Wedding\n\nPrime Minister Ravi Menon also offered his congratulations.\n");
    assert!(events_of(&x, Plover::Demand).is_empty(), "{:?}", x.events);
    let thanks = events_of(&x, Plover::Support);
    assert_eq!(thanks.len(), 1, "{:?}", x.events);
    assert_eq!(thanks[0].modality, None);
}

#[test]
fn the_teller_of_an_intention_is_the_one_who_will_act() {
    let x = run(
        "Book\n\nThe book says Ravi Menon told Owen Pryce he would stand down before the election.\n",
    );
    assert!(events_of(&x, Plover::Retreat).is_empty(), "{:?}", x.events);
    // Said of the future, standing down is a pledge (PLOVER's AGREE) by the teller.
    let quit: Vec<&Event> = x
        .events
        .iter()
        .filter(|e| matches!(e.category, Plover::Concede | Plover::Agree))
        .collect();
    assert_eq!(quit.len(), 1, "{:?}", x.events);
    assert_eq!(quit[0].source.as_deref(), Some("person:ravi-menon"));
}

#[test]
fn a_reach_a_venue_or_a_topic_takes_no_part() {
    let x = run(
        "Strikes\n\nCivil servants joined the UK-wide strike. Such schemes did not stop the Lisbon rail bombing. Talks on the future of Bermuda begin at Ravi Menon's country house.\n",
    );
    assert!(
        x.events.iter().all(|e| {
            !e.participants.iter().any(|p| {
                matches!(
                    p.as_str(),
                    "country:GBR" | "country:PRT" | "country:BMU" | "person:ravi-menon"
                )
            })
        }),
        "{:?}",
        x.events
    );
}

#[test]
fn a_claim_is_no_accusation_and_the_one_jailed_is_the_target() {
    let x = run(
        "Court\n\nEllen Marsh claimed that the figures did not add up. Owen Pryce was jailed for life.\n",
    );
    assert!(
        events_of(&x, Plover::Disapprove).is_empty(),
        "{:?}",
        x.events
    );
    let jailed = events_of(&x, Plover::Coerce);
    assert_eq!(jailed.len(), 1, "{:?}", x.events);
    assert_eq!(jailed[0].source, None);
    assert_eq!(jailed[0].targets, vec!["person:owen-pryce".to_string()]);
}

#[test]
fn who_asks_for_an_act_does_not_do_it() {
    let x = run("Tory leader urges costume apology\n\nThe prince wore a costume.\n");
    assert!(events_of(&x, Plover::Concede).is_empty(), "{:?}", x.events);
}

#[test]
fn he_attacks_in_words_and_a_poll_advantage_is_seized_from_no_one() {
    let x = run(
        "Speech\n\nRavi Menon spoke on Monday. He also attacked the government's failure to act. Strategists saw the Tories seizing a poll advantage.\n",
    );
    assert!(events_of(&x, Plover::Assault).is_empty(), "{:?}", x.events);
    assert!(events_of(&x, Plover::Coerce).is_empty(), "{:?}", x.events);
    assert_eq!(events_of(&x, Plover::Disapprove).len(), 1, "{:?}", x.events);
}

#[test]
fn a_country_naming_a_terror_attack_is_struck_not_striking() {
    let x =
        run("Laws\n\nThe laws came in after the Canadian terror attacks on 11 September 2001.\n");
    assert!(
        x.events
            .iter()
            .all(|e| e.source.as_deref() != Some("country:CAN")),
        "{:?}",
        x.events
    );
}

#[test]
fn a_quoted_verb_keeps_its_object_and_a_headline_participle_is_passive() {
    let x = run(
        "Labour attacked over Menon poster\n\nThe Harlow Alliance \"congratulated\" Mr Ravi Menon on his stance.\n",
    );
    let praise = events_of(&x, Plover::Support);
    assert_eq!(praise.len(), 1, "{:?}", x.events);
    assert_eq!(praise[0].targets, vec!["person:ravi-menon".to_string()]);
    assert!(events_of(&x, Plover::Assault).is_empty(), "{:?}", x.events);
    assert!(
        x.events
            .iter()
            .all(|e| e.source.as_deref() != Some("org:labour-uk")),
        "{:?}",
        x.events
    );
}

#[test]
fn he_is_not_a_woman_named_mrs_elsewhere() {
    let x = run(
        "Row\n\nMrs Tarn had asked for help. The watchdog is looking at his decision to give Ellen Tarn free tickets. He is also being investigated over the visa.\n",
    );
    assert!(
        x.events
            .iter()
            .all(|e| !e.participants.iter().any(|p| p == "person:ellen-tarn")
                || e.category != Plover::Disapprove),
        "{:?}",
        x.events
    );
}

#[test]
#[ignore = "issue 10: the parser (UAS 0.835) misreads this sentence; the parse-based event reader loses what the word-order reader had"]
fn who_faces_charges_is_charged() {
    let x = run(
        "Rail\n\nDepot managers Owen Pryce and Ravi Menon all face individual charges. Ellen Marsh suffered a skin complaint.\n",
    );
    let charges = events_of(&x, Plover::Disapprove);
    assert_eq!(charges.len(), 1, "{:?}", x.events);
    assert_eq!(charges[0].source, None);
    assert_eq!(
        charges[0].targets,
        vec![
            "person:owen-pryce".to_string(),
            "person:ravi-menon".to_string()
        ]
    );
}

#[test]
fn a_spaced_dash_ends_a_qualifier() {
    let x = run(
        "Row\n\nTarrant said the poster plans attacking Mr Ravi Menon - recently withdrawn from the website - were abusive.\n",
    );
    assert!(events_of(&x, Plover::Retreat).is_empty(), "{:?}", x.events);
}

#[test]
fn a_body_naming_a_title_qualifies_the_object_and_a_seat_is_a_place() {
    let x = run(
        "Row\n\nThe Lib Dems called for Commons leader Ravi Menon to make a statement. In 2001, Owen Pryce won the Tarnley & Hythe seat with 20,645 votes.\n",
    );
    let appeal = events_of(&x, Plover::Demand);
    assert_eq!(appeal.len(), 1, "{:?}", x.events);
    assert_eq!(appeal[0].targets, vec!["person:ravi-menon".to_string()]);
    assert!(
        !keys(&x).iter().any(|k| k.contains("tarnley")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_cup_clash_and_a_memorial_day_have_no_actors() {
    let x = run(
        "Football\n\nRavi Menon spoke ahead of the Scottish Cup clash between the two clubs. Envoys will join the delegation for National Holocaust Memorial Day.\n",
    );
    assert!(events_of(&x, Plover::Assault).is_empty(), "{:?}", x.events);
    assert!(
        !keys(&x).iter().any(|k| k.contains("holocaust")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn he_and_she_stand_for_a_person_of_their_sex() {
    // The first person of the sentence before is the other one: the honorifics say who
    // "she" and "he" can be (`person_pronouns`, `female_pronouns`).
    let x = run("Row\n\nMr Ravi Menon met Mrs Anna Kowalska on Monday. She condemned Germany.\n");
    let condemnation = events_of(&x, Plover::Disapprove);
    assert_eq!(condemnation.len(), 1, "{:?}", x.events);
    assert_eq!(
        condemnation[0].source.as_deref(),
        Some("person:anna-kowalska")
    );
    assert_eq!(condemnation[0].targets, vec!["country:DEU".to_string()]);
    let y = run("Row\n\nMrs Anna Kowalska met Mr Ravi Menon on Monday. He condemned Germany.\n");
    let condemnation = events_of(&y, Plover::Disapprove);
    assert_eq!(condemnation.len(), 1, "{:?}", y.events);
    assert_eq!(condemnation[0].source.as_deref(), Some("person:ravi-menon"));
}

#[test]
fn both_sides_are_the_parties_named_before() {
    // "both" makes "sides" the two named before (`pair_quantifiers`, `pair_words`).
    let x = run("Row\n\nGermany met France on Monday. Both sides later condemned Russia.\n");
    let condemnation = events_of(&x, Plover::Disapprove);
    assert_eq!(condemnation.len(), 1, "{:?}", x.events);
    assert_eq!(condemnation[0].source.as_deref(), Some("country:DEU"));
    assert_eq!(condemnation[0].targets, vec!["country:RUS".to_string()]);
    assert!(
        condemnation[0]
            .participants
            .contains(&"country:FRA".to_string()),
        "{:?}",
        condemnation[0]
    );
}

#[test]
fn the_time_of_a_threatened_act_is_not_its_target() {
    // "on the eve of a visit by X" dates the act; the parser may hang it on the content verb
    // (the right reading) or on its object, and neither makes X what the act is about
    // (`occasion_nouns`).
    let x = run(
        "Row\n\nNorway threatened to cut off fuel supplies to Chile on the eve of a visit here by Peruvian President Ana Ruiz.\n",
    );
    let threats = events_of(&x, Plover::Threaten);
    assert_eq!(threats.len(), 1, "{:?}", x.events);
    assert_eq!(threats[0].source.as_deref(), Some("country:NOR"));
    assert_eq!(threats[0].targets, vec!["country:CHL".to_string()]);
    let y = run(
        "Row\n\nNorway refused to sell arms to Chile on the anniversary of the Peruvian invasion.\n",
    );
    let refusals = events_of(&y, Plover::Reject);
    assert_eq!(refusals.len(), 1, "{:?}", y.events);
    assert_eq!(refusals[0].targets, vec!["country:CHL".to_string()]);
}

#[test]
fn forces_a_country_leads_are_that_country_acting_but_not_forces_it_backs() {
    let x = run(
        "War\n\nNorwegian-led forces shelled the town of Tarnvale on Monday. Danish-backed militias shelled it too.\n",
    );
    let attacks = events_of(&x, Plover::Fight);
    assert_eq!(attacks.len(), 1, "{:?}", x.events);
    assert_eq!(attacks[0].source.as_deref(), Some("country:NOR"));
    // Militias a country backs act on their own: no attack by Denmark.
    assert!(
        !x.events
            .iter()
            .any(|e| e.source.as_deref() == Some("country:DNK")),
        "{:?}",
        x.events
    );
}

#[test]
fn a_people_named_by_its_plural_acts_after_an_adjective_and_fighting_between_two_takes_both() {
    let x = run(
        "Unrest\n\nYoung Norwegians blocked roads leading to the city centre on Sunday. Russia closed its borders because of fighting between Chileans and Peruvians.\n",
    );
    let protests = events_of(&x, Plover::Protest);
    assert_eq!(protests.len(), 1, "{:?}", x.events);
    assert_eq!(protests[0].source.as_deref(), Some("country:NOR"));
    let fights = events_of(&x, Plover::Fight);
    assert_eq!(fights.len(), 1, "{:?}", x.events);
    let mut parties = fights[0].participants.clone();
    parties.sort();
    assert_eq!(
        parties,
        vec!["country:CHL".to_string(), "country:PER".to_string()]
    );
}

#[test]
fn what_one_will_not_give_is_refused_and_what_one_did_not_give_is_no_act() {
    let x = run(
        "Plans\n\nNorway will not support the Chilean plan, its minister said. Peru did not support the Bolivian plan.\n",
    );
    let refusals = events_of(&x, Plover::Reject);
    assert_eq!(refusals.len(), 1, "{:?}", x.events);
    assert_eq!(refusals[0].source.as_deref(), Some("country:NOR"));
    assert_eq!(refusals[0].targets, vec!["country:CHL".to_string()]);
    // A support not given in the past reports no act at all.
    assert!(events_of(&x, Plover::Support).is_empty(), "{:?}", x.events);
    assert!(
        x.skipped.iter().any(|s| s.reason == "negated"),
        "{:?}",
        x.skipped
    );
}

#[test]
fn what_a_rumour_noun_introduces_is_rumoured_wherever_the_parse_hangs_it() {
    let x = run(
        "Jobs\n\nAna Voss stayed in Oslo, amid speculation she will be offered the job of foreign minister. Norway offered Chile a loan.\n",
    );
    let pledges = events_of(&x, Plover::Agree);
    assert!(
        !pledges
            .iter()
            .any(|e| e.targets.contains(&"person:ana-voss".to_string())),
        "{:?}",
        x.events
    );
    assert!(
        x.skipped
            .iter()
            .any(|s| s.reason == "rumoured, not reported as done"),
        "{:?}",
        x.skipped
    );
    // The plain offer of the next sentence is still read.
    assert!(
        x.events
            .iter()
            .any(|e| e.source.as_deref() == Some("country:NOR")),
        "{:?}",
        x.events
    );
}

#[test]
fn an_invitation_accepted_is_an_agreement_and_a_point_accepted_is_not() {
    let x = run(
        "Talks\n\nNorway accepted Chile's invitation to the summit. Ana Voss accepted that the talks with Peru had failed.\n",
    );
    let agreements = events_of(&x, Plover::Agree);
    assert_eq!(agreements.len(), 1, "{:?}", x.events);
    assert_eq!(agreements[0].source.as_deref(), Some("country:NOR"));
    assert_eq!(agreements[0].targets, vec!["country:CHL".to_string()]);
    assert!(
        !x.events
            .iter()
            .any(|e| e.source.as_deref() == Some("person:ana-voss")),
        "{:?}",
        x.events
    );
}
