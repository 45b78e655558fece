//! Stage tests of names: actors, their kinds, roles and affiliations, places, resolution within
//! the article, and issues.

use super::*;

#[test]
fn a_title_gives_a_person_role_and_affiliation() {
    let x = run("Talks\n\nUS defense Secretary Pete Hegseth arrived on Monday.\n");
    let p = actor(&x, "person:pete-hegseth");
    assert_eq!(p.kind, ActorKind::Person);
    assert_eq!(p.role.as_deref(), Some("Secretary of Defense"));
    assert_eq!(p.affiliation.as_deref(), Some("country:USA"));
}

#[test]
fn an_acronym_in_brackets_after_a_body_is_that_body() {
    let x = run(
        "Fish quotas\n\nThe Regional Fisheries Council (RFC) met in Hull. Later the RFC said quotas would fall.\n",
    );
    let council = actor(&x, "org:regional-fisheries-council");
    assert_eq!(council.mentions.len(), 3, "{:?}", keys(&x));
    assert!(
        council.aliases.iter().any(|a| a == "RFC"),
        "{:?}",
        council.aliases
    );
    assert!(!keys(&x).contains(&"org:rfc"), "{:?}", keys(&x));
}

#[test]
fn a_spaced_dash_ends_a_name() {
    let x = run("Party news\n\nAnn Tarrow - Tarnvale's MP - said so.\n");
    assert!(keys(&x).contains(&"person:ann-tarrow"), "{:?}", keys(&x));
    assert!(
        x.actors.iter().all(|a| !a.name.contains("Tarnvale")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_name_a_group_word_introduces_is_a_group() {
    let x = run(
        "Fire attacks\n\nThe fires were attributed to a shadowy group known as Meibion Tarren. Police said Meibion Tarren had gone quiet.\n",
    );
    let group = actor(&x, "org:meibion-tarren");
    assert_eq!(group.kind, ActorKind::Organization);
    assert_eq!(group.mentions.len(), 2);
    assert!(
        !keys(&x).contains(&"person:meibion-tarren"),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_body_name_takes_back_its_head_and_possessor() {
    let x = run(
        "Rail plans\n\nCampaign for Tarnvale Rail is the biggest lobby group in the county. Members of the Builders' Christian Fellowship said the plan was sound.\n",
    );
    let k = keys(&x);
    assert!(k.contains(&"org:campaign-for-tarnvale-rail"), "{k:?}");
    assert!(k.contains(&"org:builders-christian-fellowship"), "{k:?}");
    assert!(!k.contains(&"org:builders"), "{k:?}");
    assert!(!k.contains(&"org:christian-fellowship"), "{k:?}");
}

#[test]
fn a_legislature_for_a_place_is_a_seat() {
    let x = run(
        "Profile\n\nBefore the furore, Mr Dalby had seemed more interested in politics. Mr Dalby entered Parliament for Tarnvale Brightwater in 1987, after first contesting the Tarnvale Hallam seat in 1974.\n",
    );
    assert!(
        x.actors.iter().all(|a| !a.name.contains("Tarnvale")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_name_a_broadcaster_owns_is_a_programme() {
    let x = run(
        "Interview\n\nShe told BBC One's Morning with Marsh: \"We will win.\" He had appeared on ITV's Celebrity Cook Club. The BBC's Tom Varley said so.\n",
    );
    let k = keys(&x);
    assert!(
        x.actors.iter().all(|a| !a.name.contains("Morning")
            && !a.name.contains("Marsh")
            && !a.name.contains("Cook Club")),
        "{k:?}"
    );
    assert!(k.contains(&"person:tom-varley"), "{k:?}");
}

#[test]
fn an_acronym_after_a_names_a_kind_of_person() {
    let x = run(
        "Profile\n\nDr Dalby, who was a GP in Tarnvale before becoming an AM, joined a UKIP campaign.\n",
    );
    let k = keys(&x);
    assert!(!k.contains(&"org:gp"), "{k:?}");
}

#[test]
fn sanctions_alone_need_a_country_or_body_to_be_the_issue() {
    let school = run("Discipline\n\nPupils who skip lessons will face sanctions, the head said.\n");
    assert!(school.issues.is_empty(), "{:?}", school.issues);
    let world = run("Talks\n\nThe EU agreed new sanctions on Monday.\n");
    assert!(
        world.issues.iter().any(|i| i.key == "issue:sanctions"),
        "{:?}",
        world.issues
    );
}

#[test]
fn surnames_and_short_forms_resolve_within_the_article() {
    let x = run(
        "Visit\n\nPolish Defense Minister Anna Kowalska flew to Berlin. Later, Kowalska said the U.S. and the United States army agreed. Minister Kowalska left.\n",
    );
    let p = actor(&x, "person:anna-kowalska");
    assert_eq!(p.mentions.len(), 3, "{:?}", p.aliases);
    assert!(p.aliases.iter().any(|a| a == "Kowalska"));
    let us: Vec<_> = x.actors.iter().filter(|a| a.key == "country:USA").collect();
    assert_eq!(us.len(), 1, "U.S. and United States are one country");
}

#[test]
fn roles_after_the_name_and_counterparts() {
    let x = run(
        "Pact\n\nMaria Reyes, the Philippine foreign secretary, spoke first. Spanish Defense Minister Ana Ruiz met her Italian counterpart, Marco Bellini, in Rome.\n",
    );
    let reyes = actor(&x, "person:maria-reyes");
    assert_eq!(reyes.role.as_deref(), Some("Foreign Secretary"));
    assert_eq!(reyes.affiliation.as_deref(), Some("country:PHL"));
    let bellini = actor(&x, "person:marco-bellini");
    assert_eq!(bellini.role.as_deref(), Some("Defense Minister"));
    assert_eq!(bellini.affiliation.as_deref(), Some("country:ITA"));
}

#[test]
fn qualifiers_and_organizations_belong_to_the_role() {
    let x = run(
        "Briefing\n\nThe delegation was led by deputy defense secretary Robert Haines. Kremlin spokesman Yuri Malkov disagreed.\n",
    );
    assert_eq!(
        actor(&x, "person:robert-haines").role.as_deref(),
        Some("Deputy Secretary of Defense")
    );
    let malkov = actor(&x, "person:yuri-malkov");
    assert_eq!(malkov.affiliation.as_deref(), Some("country:RUS"));
    assert!(
        malkov
            .role
            .as_deref()
            .is_some_and(|r| r.starts_with("Kremlin")),
        "{:?}",
        malkov.role
    );
}

#[test]
fn capitalized_sentence_openers_are_not_people() {
    let x = run(
        "Outlook\n\nDespite Recent Gains the talks stalled. However Several Officials said nothing.\nRegular Dialogue: more is needed.\n",
    );
    for a in &x.actors {
        assert_ne!(a.kind, ActorKind::Person, "{} is not a person", a.name);
    }
}

#[test]
fn scraped_text_without_spaces_still_splits() {
    let x =
        run("Note\n\nEarlier this year,Secretary Hegseth spoke.The Chinese ministry replied.\n");
    assert!(x.sentences.len() >= 3, "{:?}", x.sentences);
    assert!(keys(&x).contains(&"person:hegseth"), "{:?}", keys(&x));
}

#[test]
fn issues_come_from_the_lexicon_and_from_labelled_bullets() {
    let x = run(
        "Tensions\n\nChina patrols the South China Sea.\n\n* Taiwan: Beijing claims the island.\n",
    );
    let issue_keys: Vec<&str> = x.issues.iter().map(|i| i.key.as_str()).collect();
    assert!(
        issue_keys.contains(&"issue:south-china-sea"),
        "{issue_keys:?}"
    );
    assert!(issue_keys.contains(&"issue:taiwan"), "{issue_keys:?}");
    let scs = x
        .issues
        .iter()
        .find(|i| i.key == "issue:south-china-sea")
        .expect("issue");
    assert!(scs.actors.iter().any(|a| a == "country:CHN"));
}

#[test]
fn an_affiliation_carries_its_country_name_even_when_unmentioned() {
    let x = run("Deal\n\nOfficials from Gazprom signed the contract on Tuesday.\n");
    let gazprom = actor(&x, "org:gazprom");
    assert_eq!(gazprom.affiliation.as_deref(), Some("country:RUS"));
    assert_eq!(gazprom.affiliation_name.as_deref(), Some("Russia"));
}

#[test]
fn the_tagger_finds_names_no_lexicon_lists() {
    let x = run(
        "Talks\n\nNegotiators led by Oubrou Benhaddou met representatives of Sonelgaz Holdings in Oran.\n",
    );
    let kinds: Vec<(ActorKind, &str)> =
        x.actors.iter().map(|a| (a.kind, a.name.as_str())).collect();
    assert!(
        kinds.contains(&(ActorKind::Person, "Oubrou Benhaddou")),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|(k, n)| *k == ActorKind::Organization && n.contains("Sonelgaz")),
        "{kinds:?}"
    );
    assert!(!x.places.is_empty(), "Oran is a place");
}

#[test]
fn capitalized_common_words_in_headings_are_not_organizations() {
    let x = run(
        "Outlook\n\nThe talks went well.\n\nkey Areas of Concern & Potential for Conflict\n\nChina and Vietnam disagree.\n",
    );
    for a in &x.actors {
        assert_ne!(
            a.kind,
            ActorKind::Organization,
            "{} is not an organization",
            a.name
        );
        assert_ne!(a.kind, ActorKind::Person, "{} is not a person", a.name);
    }
}

#[test]
fn a_later_mention_by_role_is_the_person_who_holds_it() {
    let x = run(
        "Talks\n\nChinese Defense Minister Dong Jun met officials in Hanoi. Later the defense minister said talks would continue.\n",
    );
    let dong = actor(&x, "person:dong-jun");
    assert_eq!(dong.mentions.len(), 2, "{:?}", dong.mentions);
    assert!(!dong.aliases.iter().any(|a| a.contains("minister")));
    // Two people with the role: "the president" is nobody in particular.
    let y = run(
        "Summit\n\nPresident Ramon Castillo met President Ana Lobo. Then the president left.\n",
    );
    assert_eq!(actor(&y, "person:ramon-castillo").mentions.len(), 1);
}

#[test]
fn rivers_and_gulfs_are_places() {
    let x = run(
        "Site\n\nProtesters gathered on the banks of the River Tyne near the Gulf Coast Authority.\n",
    );
    assert!(
        !x.actors.iter().any(|a| a.name.contains("Tyne")),
        "{:?}",
        x.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    let lex = lexicon();
    assert!(
        is_geographic_name(lex, &["River", "Tyne"])
            && is_geographic_name(lex, &["Golan", "Heights"])
    );
    assert!(!is_geographic_name(lex, &["Gulf", "Coast", "Authority"]));
}

#[test]
fn names_lose_post_nominals_and_keep_hyphenated_surnames() {
    let x = run(
        "Row\n\nScottish Finance Minister Tom McCabe MSP said the plan was wrong. Peter Hulme-Cross agreed with him.\n",
    );
    let k = keys(&x);
    assert!(k.contains(&"person:tom-mccabe"), "{k:?}");
    assert!(k.contains(&"person:peter-hulme-cross"), "{k:?}");
}

#[test]
fn a_lone_name_in_a_place_context_is_a_place() {
    let x = run("Towns\n\nHe is a plain-speaking Yorkshire man from a city like Peterborough.\n");
    let k = keys(&x);
    assert!(!k.iter().any(|k| k.contains("yorkshire")), "{k:?}");
    assert!(!k.iter().any(|k| k.contains("peterborough")), "{k:?}");
}

#[test]
fn another_countrys_word_before_a_national_party_names_another_party() {
    let x = run("Parties\n\nNeither the English Democrats nor the New Party would take him.\n");
    assert!(
        !keys(&x).iter().any(|k| k.contains("democratic")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn another_countrys_name_with_a_possessive_before_a_national_body_names_its_own_body() {
    // "Supreme Court" alone is the US court; Peru's is Peru's.
    let x = run("Ruling\n\nPeru's Supreme Court condemned Chile on Monday.\n");
    assert!(
        keys(&x).contains(&"org:per-supreme-court"),
        "{:?}",
        keys(&x)
    );
    assert!(
        !keys(&x).iter().any(|k| k.starts_with("org:us-")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn streets_and_reverends_are_not_actors() {
    let x = run(
        "Rally\n\nThe office on Harold Street has been empty since 1990. The Rt Rev Ravi Menon led the service.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("street")),
        "{:?}",
        keys(&x)
    );
    assert!(
        !keys(&x).iter().any(|k| k.starts_with("org:rt")),
        "{:?}",
        keys(&x)
    );
    actor(&x, "person:ravi-menon");
}

#[test]
fn works_titles_and_lone_titles_are_no_actors() {
    let x = run(
        "Books\n\nIn her latest novel, Silent Harbour, Anna Kowalska writes about the war. Both the Cardinal and Bishop Ravi Menon spoke.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("harbour")),
        "{:?}",
        keys(&x)
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("cardinal")),
        "{:?}",
        keys(&x)
    );
    actor(&x, "person:anna-kowalska");
}

#[test]
fn a_name_owning_a_school_is_part_of_its_name() {
    let x = run(
        "Visit\n\nShe met pupils from St Oswald's Primary School and Kingsley Girls' School in Leeds.\n",
    );
    for name in ["St Oswald's Primary School", "Kingsley Girls' School"] {
        assert!(
            x.actors
                .iter()
                .any(|a| a.name == name && a.kind == ActorKind::Organization),
            "{name} among {:?}",
            keys(&x)
        );
    }
}

#[test]
fn two_portfolios_joined_by_and_make_one_committee() {
    let x =
        run("Inquiry\n\nShe will report to the Standards and Privileges Committee on Monday.\n");
    assert!(
        x.actors
            .iter()
            .any(|a| a.name == "Standards and Privileges Committee"),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_lower_case_rank_that_is_an_adjective_is_no_title() {
    let x = run(
        "Hotels\n\nRooms at the major Tarnwick hotels are full. Major Tom Hale led the patrol.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("tarnwick")),
        "{:?}",
        keys(&x)
    );
    assert_eq!(actor(&x, "person:tom-hale").role.as_deref(), Some("Major"));
}

#[test]
fn a_name_after_a_word_for_a_relative_is_a_person() {
    let x = run(
        "Family\n\nHe lives in Cardiff with wife Ffion. Anna Kowalska was joined by her son Dafydd.\n",
    );
    assert_eq!(actor(&x, "person:ffion").kind, ActorKind::Person);
    assert_eq!(actor(&x, "person:dafydd").kind, ActorKind::Person);
    assert!(!keys(&x).contains(&"org:ffion"), "{:?}", keys(&x));
}

#[test]
fn a_peers_title_ends_with_a_place() {
    let x = run(
        "Peers\n\nHe will sit in the Lords as Lord Menon of Bedwas - after his old constituency.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("bedwas")),
        "{:?}",
        keys(&x)
    );
    actor(&x, "person:menon");
}

#[test]
fn a_plain_word_opening_the_sentence_may_start_an_organization() {
    let x = run(
        "Schools\n\nFamily Planning Association chief executive Anna Kowalska welcomed the report. Medical Research Council Professor Ravi Menon spoke first. Refugee Council Chief Executive Tom Hale agreed. Former Labour Party leader Ian Dale did not.\n",
    );
    for key in [
        "org:family-planning-association",
        "org:medical-research-council",
        "org:refugee-council",
    ] {
        assert_eq!(actor(&x, key).kind, ActorKind::Organization);
    }
    assert!(
        !keys(&x)
            .iter()
            .any(|k| k.contains("chief-executive") || k.contains("former")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_name_after_seat_of_or_island_of_is_a_place() {
    let x = run(
        "Vote\n\nAnna Kowalska will stand in the Yorkshire seat of Bedwas in May. She spent a week on the island of Koh Tarn with friends.\n",
    );
    assert!(
        !keys(&x)
            .iter()
            .any(|k| k.contains("bedwas") || k.contains("koh")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_reported_pair_ending_in_a_plain_word_is_a_body() {
    let x = run(
        "Care\n\nBut Elder Concern argued the plan was too costly. Campaigners from Elder Concern met the minister.\n",
    );
    assert_eq!(actor(&x, "org:elder-concern").kind, ActorKind::Organization);
    assert!(
        !keys(&x).iter().any(|k| k.starts_with("person:")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_name_glued_to_a_plain_compound_is_a_modifier() {
    let x = run(
        "Dogs\n\nTheir dog Rex is a black Tarnwick-long-haired terrier cross. The Kremlin-backed candidate won.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("tarnwick")),
        "{:?}",
        keys(&x)
    );
    assert!(keys(&x).contains(&"org:kremlin"), "{:?}", keys(&x));
}

#[test]
fn any_word_after_mr_is_a_surname() {
    let x = run("Register\n\nMr Younger said the register was accurate. Mrs Green agreed.\n");
    assert_eq!(actor(&x, "person:younger").kind, ActorKind::Person);
    assert_eq!(actor(&x, "person:green").kind, ActorKind::Person);
}

#[test]
fn a_county_before_a_plain_noun_is_a_place() {
    let x = run(
        "Plans\n\nThe talks were held at Mr Hale's Tarnshire home on Sunday. Much of the money came from Tarnshire businessman Ravi Menon.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("tarnshire")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_portfolio_goes_on_through_and() {
    let x = run(
        "Trade\n\nThe Department of Trade and Industry said the rules would change. Officials at the Department for Culture, Media and Sport agreed.\n",
    );
    for name in [
        "Department of Trade and Industry",
        "Department for Culture, Media and Sport",
    ] {
        assert!(
            x.actors.iter().any(|a| a.name == name),
            "{name} among {:?}",
            keys(&x)
        );
    }
}

#[test]
fn shadow_belongs_to_the_role() {
    let x = run(
        "Bill\n\nShadow health secretary Anna Kowalska said the bill was flawed. Later, shadow home secretary Ravi Menon agreed.\n",
    );
    assert_eq!(
        actor(&x, "person:ravi-menon").role.as_deref(),
        Some("Shadow Home Secretary")
    );
}

#[test]
fn proliferation_alone_is_no_nuclear_issue() {
    let x =
        run("Crime\n\nThe proliferation of speed cameras has angered drivers, Ravi Menon said.\n");
    assert!(x.issues.is_empty(), "{:?}", x.issues);
}

#[test]
fn a_lone_name_also_named_as_a_place_is_a_place() {
    let x = run(
        "Conference\n\nThe party will meet in Brightmouth this autumn. Tarnwick won the vote against Brightmouth, officials said.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("brightmouth")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_head_after_a_head_and_a_closing_and_go_on_with_the_name() {
    let x = run(
        "Unions\n\nThe Trades Union Congress is discussing the issue. Funds went to the Global Alliance for Vaccines and Immunisation this year.\n",
    );
    for name in [
        "Trades Union Congress",
        "Global Alliance for Vaccines and Immunisation",
    ] {
        assert!(
            x.actors.iter().any(|a| a.name == name),
            "{name} among {:?}",
            keys(&x)
        );
    }
    assert!(!keys(&x).contains(&"org:us-congress"), "{:?}", keys(&x));
}

#[test]
fn a_faith_after_a_given_name_is_no_person() {
    let x = run(
        "Church\n\nThe Roman Catholic Archbishop of Tarnwick, the Most Reverend Ravi Menon, told the BBC that voters should reflect.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| k.contains("catholic")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_lone_name_before_ward_is_a_place() {
    let x = run("Fraud\n\nThe men, elected to the Brightmouth ward, deny fraud.\n");
    assert!(
        !keys(&x).iter().any(|k| k.contains("brightmouth")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_disease_named_after_someone_is_no_actor() {
    let x = run(
        "Science\n\nThe research could help victims of Alzheimer's, Huntington's and Motor Neurone disease, Ravi Menon said.\n",
    );
    assert!(
        !keys(&x)
            .iter()
            .any(|k| k.contains("alzheimer") || k.contains("huntington") || k.contains("motor")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn id_and_a_county_house_are_no_bodies() {
    let x = run(
        "Cards\n\nRavi Menon has branded the ID scheme a waste of money. The summit at the minister's official Tarnshire house, Bedwas Hall, will plan a forum.\n",
    );
    assert!(
        !keys(&x)
            .iter()
            .any(|k| *k == "org:id" || k.contains("tarnshire")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_name_before_of_opens_an_institute_name() {
    let x =
        run("Report\n\nA report by the Menon of Kowalska Institute says the plan was flawed.\n");
    assert!(
        x.actors
            .iter()
            .any(|a| a.name == "Menon of Kowalska Institute"),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_body_before_a_member_or_mayor_is_their_seat() {
    let x = run(
        "Row\n\nMs Kelly, a Cabinet Office minister and Hexley South MP, arrived. The Brinmouth MP told the committee. The Brinmouth mayor Ravi Menon agreed. He clashed with Carbury nurse Ellen Marsh outside its Carbury headquarters.\n",
    );
    assert!(
        !keys(&x)
            .iter()
            .any(|k| k.contains("hexley") || k.contains("brinmouth") || k.contains("carbury")),
        "{:?}",
        keys(&x)
    );
    assert!(keys(&x).contains(&"person:ellen-marsh"), "{:?}", keys(&x));
}

#[test]
fn a_title_or_a_possessive_inside_a_body_name_starts_a_person() {
    let x = run(
        "Panel\n\nThe Harlow Society's Priya Danes said the change was overdue. Wave Radio DJ Ellen Marsh will pick questions, said Tarnwick City Councillor Owen Pryce.\n",
    );
    let ks = keys(&x);
    assert!(ks.contains(&"org:harlow-society"), "{ks:?}");
    assert!(ks.contains(&"person:priya-danes"), "{ks:?}");
    assert!(ks.contains(&"person:ellen-marsh"), "{ks:?}");
    assert!(ks.contains(&"person:owen-pryce"), "{ks:?}");
    assert!(
        !ks.iter()
            .any(|k| k.contains("dj") || k.contains("councillor") || k.contains("tarnwick")),
        "{ks:?}"
    );
}

#[test]
fn followers_speakers_styles_and_illnesses_are_no_actors() {
    let x = run(
        "Notes\n\nA fresh row began after Kestonite Owen Pryce was chosen. His fellow Dunmoreman Ray Tarrant won. Dunmorians were twice as likely to vote. She replied: \"No, I'm Catholic, I am not a spy.\" He plans Rialto style resorts. Many suffer from Multiple Sclerosis, Ravi Menon said.\n",
    );
    assert!(
        !keys(&x).iter().any(|k| {
            k.contains("keston")
                || k.contains("dunmor")
                || k.contains("catholic")
                || k.contains("rialto")
                || k.contains("sclerosis")
        }),
        "{:?}",
        keys(&x)
    );
    assert!(keys(&x).contains(&"person:owen-pryce"), "{:?}", keys(&x));
    assert!(keys(&x).contains(&"person:ray-tarrant"), "{:?}", keys(&x));
}

#[test]
fn police_ranks_plural_titles_and_co_chairs_are_titles() {
    let x = run(
        "Police\n\nAssistant Chief Constable Owen Pryce spoke. The appeal went to Lord Justices Menon and Tarrant. Party Co-Chairman Ellen Marsh agreed.\n",
    );
    let ks = keys(&x);
    assert!(ks.contains(&"person:owen-pryce"), "{ks:?}");
    assert!(ks.contains(&"person:ellen-marsh"), "{ks:?}");
    assert!(
        !ks.iter().any(|k| k.contains("constable")
            || k.contains("justices")
            || k.contains("co-chairman")),
        "{ks:?}"
    );
}

#[test]
fn initials_regions_destinations_groups_and_buildings_are_no_people() {
    let x = run(
        "Letters\n\nYou share the humour of your star presenter Mr P. The seat most at risk was Kestle Green, in east London. He paid for a sightseeing trip to Wadi Tarn. Campaigners for the Birchley Four say the men were innocent. The Dunmore Chronicle reported it.\n",
    );
    let ks = keys(&x);
    assert!(
        !ks.iter()
            .any(|k| k.starts_with("person:") || k.contains("birchley")),
        "{ks:?}"
    );
    assert!(ks.contains(&"org:dunmore-chronicle"), "{ks:?}");
}

#[test]
fn plural_and_spelled_out_acronyms_and_lands_are_no_bodies() {
    let x = run(
        "Police\n\nThe minister will hire 9,000 Neighbourhood Safety Officers (NSOs) and give NSOs new powers. Ravi Menon said crashes happen where a driver's BAL [blood alcohol level] is near the limit. Christians in Egypt or in the Holy Land feel the strain.\n",
    );
    let ks = keys(&x);
    assert!(
        !ks.iter()
            .any(|k| *k == "org:nsos" || *k == "org:bal" || k.contains("holy")),
        "{ks:?}"
    );
}

#[test]
fn a_name_before_a_service_or_a_camp_is_where_it_is_held() {
    let x = run(
        "Row\n\nRavi Menon will lead the Dachau ceremony on Monday. The Belsen commemoration drew Ellen Marsh.\n",
    );
    assert!(
        !keys(&x)
            .iter()
            .any(|k| k.contains("dachau") || k.contains("belsen")),
        "{:?}",
        keys(&x)
    );
}

#[test]
fn a_capital_after_a_given_name_and_a_family_plural() {
    let x = run(
        "Row\n\nAfter the announcement finance spokesman Bob Wellington, of Torfaen, said it was vital. The birth of the Obamas' second child was news.\n",
    );
    let ks = keys(&x);
    assert!(ks.contains(&"person:bob-wellington"), "{ks:?}");
    assert!(!ks.iter().any(|k| k.contains("obamas")), "{ks:?}");
}

#[test]
fn national_security_and_data_protection_are_issues_of_their_own() {
    let x = run(
        "Cards\n\nRavi Menon said the cards were about national security. Critics cited data protection fears. Satellites measured the waves.\n",
    );
    let issue_keys: Vec<&str> = x.issues.iter().map(|i| i.key.as_str()).collect();
    assert!(
        issue_keys.contains(&"issue:national-security"),
        "{issue_keys:?}"
    );
    assert!(
        issue_keys.contains(&"issue:data-protection"),
        "{issue_keys:?}"
    );
    assert!(
        !issue_keys.iter().any(|k| matches!(
            *k,
            "issue:regional-stability" | "issue:social-media" | "issue:space-exploration"
        )),
        "{issue_keys:?}"
    );
}

#[test]
fn a_lone_surname_the_tagger_reads_is_a_person_but_no_acronym_or_plural_is() {
    let x = run(
        "Profile\n\nByron received his early education in Aberdeen. Officials from Acpo and MSPs met him.\n",
    );
    let ks = keys(&x);
    assert!(ks.contains(&"person:byron"), "{ks:?}");
    assert!(
        !ks.iter()
            .any(|k| *k == "person:acpo" || *k == "person:msps"),
        "{ks:?}"
    );
}

#[test]
fn a_place_reading_with_a_title_in_apposition_is_a_person() {
    let x = run("News\n\nAmara Diallo, the AU commissioner, said so.\n");
    let ks = keys(&x);
    assert!(ks.contains(&"person:amara-diallo"), "{ks:?}");
    assert!(!ks.iter().any(|k| k.starts_with("place:")), "{ks:?}");
}

#[test]
fn a_country_inside_a_body_name_is_the_body() {
    let x = run("Strike\n\nAir France workers protested. Real Madrid won on Sunday.\n");
    let ks = keys(&x);
    assert!(ks.contains(&"org:air-france"), "{ks:?}");
    assert!(ks.contains(&"org:real-madrid"), "{ks:?}");
    assert!(
        x.events
            .iter()
            .all(|e| e.source.as_deref() != Some("country:FRA")),
        "{:?}",
        x.events
    );
}

#[test]
fn a_country_named_inside_an_event_name_is_no_mention_of_it() {
    let x = run(
        "Tennis\n\nOn Friday she won the Hong Kong Open. Iraqi Kurds demonstrated in Kirkuk.\n",
    );
    let ks = keys(&x);
    assert!(!ks.contains(&"country:HKG"), "{ks:?}");
    assert!(ks.contains(&"country:IRQ"), "{ks:?}");
}

#[test]
fn a_place_named_after_in_more_often_than_a_headline_person_stays_a_place() {
    // The headline runs a surname and a place together; the body names the place after "in"
    // and "to" more often than it names that "person".
    let text = "Kremlin backs Orlov Tarnistan peace plan\n\nPresident Ivan Petrov backed security chief Dmitri Orlov's peace plan for Tarnistan on Friday. \"Orlov is now in Tarnistan solving problems,\" an aide said. Orlov, whom Petrov sent to restore peace in Tarnistan, struck a deal with rebels. Troops came to Tarnistan in 1994.\n";
    let x = run(text);
    let places: Vec<&str> = x.places.iter().map(|m| &text[m.span.clone()]).collect();
    let tarnistan = places.iter().filter(|p| **p == "Tarnistan").count();
    assert_eq!(tarnistan, 4, "places {places:?}, actors {:?}", keys(&x));
    assert_eq!(actor(&x, "person:orlov-tarnistan").mentions.len(), 1);
    assert!(keys(&x).contains(&"person:dmitri-orlov"), "{:?}", keys(&x));
}

#[test]
fn one_word_before_a_given_name_is_no_body_of_its_own() {
    // "Liberal Democrat Paul Tyler" splits into a party and a person; "San Pedro Bulletin"
    // does not split into "San" and a person "Pedro Bulletin".
    let x = run(
        "Press\n\nFans of the Santa Lucia Bulletin read it. The San Pedro Bulletin reported the vote.\n",
    );
    let ks = keys(&x);
    assert!(ks.contains(&"org:santa-lucia-bulletin"), "{ks:?}");
    assert!(ks.contains(&"org:san-pedro-bulletin"), "{ks:?}");
    assert!(!ks.iter().any(|k| k.starts_with("person:")), "{ks:?}");
}

#[test]
fn a_plural_title_names_a_list_of_people_or_no_one() {
    let text = "Cup\n\nKings Hill Wanderers beat Tarnwick on Saturday. Presidents Ana Lobo and Dax Orlo watched with Princess Ilsa of Tarnia.\n";
    let x = run(text);
    let ks = keys(&x);
    assert!(ks.contains(&"person:ana-lobo"), "{ks:?}");
    assert!(ks.contains(&"person:dax-orlo"), "{ks:?}");
    assert!(ks.contains(&"person:ilsa"), "{ks:?}");
    assert!(!ks.contains(&"person:hill-wanderers"), "{ks:?}");
}

#[test]
fn a_body_named_with_of_or_for_keeps_its_whole_name_and_a_place_after_a_whole_name_stays_apart() {
    let x = run(
        "Moth survey\n\nMembers of the Tarnvale Society for the Study of Moths met on Monday. Cars made by Pellworth Motor Corp of Norway arrived at the port. Talks with the Dunmore Chamber of Commerce ended. Later the Duke of Tarnvale opened the reserve.\n",
    );
    let k = keys(&x);
    assert!(
        k.contains(&"org:tarnvale-society-for-the-study-of-moths"),
        "{k:?}"
    );
    assert!(k.contains(&"org:pellworth-motor-corp"), "{k:?}");
    assert!(k.contains(&"org:dunmore-chamber-of-commerce"), "{k:?}");
    assert!(k.contains(&"country:NOR"), "{k:?}");
    // A title of a place is no body.
    assert!(
        x.actors
            .iter()
            .all(|a| a.kind != ActorKind::Organization || !a.name.contains("Duke")),
        "{k:?}"
    );
}

#[test]
fn a_hyphenated_name_keeps_its_lower_case_parts_and_a_compound_stays_apart() {
    let x = run(
        "Border talks\n\nThe envoy met Ghulam Abd-ul-Tarin in Geneva on Monday. A Tarrow-led panel said so.\n",
    );
    let k = keys(&x);
    assert!(k.contains(&"person:ghulam-abd-ul-tarin"), "{k:?}");
    assert!(x.actors.iter().all(|a| !a.name.contains("led")), "{k:?}");
}

#[test]
fn a_name_before_a_national_party_of_another_country_makes_another_party() {
    let x = run(
        "Party news\n\nThe Kurdistan Democratic Party said it would fight. The Tarnavian Democratic Party left the coalition. Former Democratic Party leaders met.\n",
    );
    let k = keys(&x);
    assert!(k.contains(&"org:kurdistan-democratic-party"), "{k:?}");
    assert!(k.contains(&"org:tarnavian-democratic-party"), "{k:?}");
    // A plain word before it leaves the party as it is.
    let us = actor(&x, "org:democratic-party-us");
    assert_eq!(us.mentions.len(), 1, "{k:?}");
}

#[test]
fn a_country_inside_a_named_event_followed_by_a_plain_word_is_no_mention() {
    let x = run("Tennis\n\nAnna Tarrow won the Chile Open on Sunday in Peru.\n");
    let k = keys(&x);
    assert!(k.contains(&"person:anna-tarrow"), "{k:?}");
    assert!(k.contains(&"country:PER"), "{k:?}");
    assert!(!k.contains(&"country:CHL"), "{k:?}");
}

#[test]
fn a_country_inside_a_place_or_a_persons_name_is_no_mention_of_the_country_but_a_part_of_it_is() {
    let text = "Oil rigs\n\nRigs in the U.S. Gulf were idle on Monday. Exports to North America rose. The pitcher Chad Morrison allowed two runs in Peru. Troops moved into South Lebanon.\n";
    let x = run(text);
    let k = keys(&x);
    assert!(k.contains(&"person:chad-morrison"), "{k:?}");
    assert!(k.contains(&"country:PER"), "{k:?}");
    assert!(!k.contains(&"country:USA"), "{k:?}");
    assert!(!k.contains(&"country:TCD"), "{k:?}");
    // A compass word before a country names a part of it, which stays the country.
    assert!(k.contains(&"country:LBN"), "{k:?}");
    assert!(
        x.places
            .iter()
            .any(|p| &text[p.span.clone()] == "North America"),
        "{:?}",
        x.places
    );
}

#[test]
fn an_acronym_spelled_out_in_plain_words_is_a_term_and_one_after_a_name_is_the_body() {
    let x = run(
        "Sea data\n\nThe satellite maps sea surface salinity (SSS) from orbit. Later SSS maps were shared with the Tarnvale Maritime Agency (TMA). Officials said the TMA would publish them.\n",
    );
    let k = keys(&x);
    assert_eq!(
        actor(&x, "org:tarnvale-maritime-agency").mentions.len(),
        3,
        "{k:?}"
    );
    assert!(!k.contains(&"org:sss"), "{k:?}");
}

#[test]
fn a_former_state_is_a_country_not_a_body() {
    let text = "History\n\nWhen the Soviet Union collapsed, Russia took its seat. Yugoslavia broke apart later.\n";
    let x = run(text);
    let k = keys(&x);
    assert!(k.contains(&"country:SUN"), "{k:?}");
    assert!(k.contains(&"country:YUG"), "{k:?}");
    assert!(k.contains(&"country:RUS"), "{k:?}");
    assert!(!k.contains(&"org:soviet-union"), "{k:?}");
}

#[test]
fn an_article_never_ends_a_persons_name() {
    // "I." reads as an initial and "The" as a surname; Peter Such's surname is a plain word.
    let x = run(
        "Speech\n\nAna Lobo spoke to us. It is to you and I. The terrorists aim to kill anyone. Peter Such bowled.\n",
    );
    let people: Vec<&str> = x
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(people, ["Ana Lobo", "Peter Such"], "{people:?}");
}
