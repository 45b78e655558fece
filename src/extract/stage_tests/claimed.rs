//! Stage tests of names the tagger reads whole where an earlier stage claimed a piece of them
//! (`extract/actors/claimed.rs`), and of the organization tail's end.

use super::*;

/// The text of each mention of `key`.
fn mentions_of(x: &Extraction, text: &str, key: &str) -> Vec<String> {
    actor(x, key)
        .mentions
        .iter()
        .map(|m| text[m.span.clone()].to_string())
        .collect()
}

#[test]
fn a_country_leading_a_body_name_is_the_body_country() {
    let text =
        "Markets\n\nThe Tokyo Stock Exchange fell on Monday. The British Government would act.\n";
    let x = run(text);
    let exchange = actor(&x, "org:tokyo-stock-exchange");
    assert_eq!(exchange.affiliation.as_deref(), Some("country:JPN"));
    assert_eq!(
        mentions_of(&x, text, "org:tokyo-stock-exchange"),
        ["Tokyo Stock Exchange"]
    );
    // "Government" after a country names the country's government: the country acts.
    assert!(
        !keys(&x).contains(&"org:british-government"),
        "{:?}",
        keys(&x)
    );
    assert_eq!(mentions_of(&x, text, "country:GBR"), ["British"]);
}

#[test]
fn a_body_found_short_grows_to_the_name_the_tagger_reads() {
    let text = "News\n\nThe Iraqi News Agency said the army had moved.\n";
    let x = run(text);
    assert_eq!(
        mentions_of(&x, text, "org:irq-news-agency"),
        ["Iraqi News Agency"]
    );
    assert_eq!(
        actor(&x, "org:irq-news-agency").affiliation.as_deref(),
        Some("country:IRQ")
    );
}

#[test]
fn a_day_ends_a_body_name() {
    let text = "Rates\n\nHe told CNBC Friday that rates would rise.\n";
    let x = run(text);
    assert_eq!(mentions_of(&x, text, "org:cnbc"), ["CNBC"]);
    assert!(!keys(&x).contains(&"org:cnbc-friday"), "{:?}", keys(&x));
}

#[test]
fn a_place_an_issue_phrase_hid_is_a_place() {
    let text = "Troops\n\nIsraeli troops left the West Bank on Monday.\n";
    let x = run(text);
    let places: Vec<&str> = x.places.iter().map(|m| &text[m.span.clone()]).collect();
    assert_eq!(places, ["West Bank"]);
    assert!(keys(&x).contains(&"country:ISR"), "{:?}", keys(&x));
}

#[test]
fn a_body_name_holding_an_issue_word_is_a_body() {
    let text = "Baseball\n\nThe Pittsburgh Pirates won again on Sunday.\n";
    let x = run(text);
    assert_eq!(
        mentions_of(&x, text, "org:pittsburgh-pirates"),
        ["Pittsburgh Pirates"]
    );
}

#[test]
fn a_lone_surname_in_a_line_of_capitals_is_a_person() {
    let text = "Football\n\nSOCCER - SHEARER SCORES TWICE AS NEWCASTLE WIN .\n";
    let x = run(text);
    assert_eq!(actor(&x, "person:shearer").kind, ActorKind::Person);
    assert_eq!(mentions_of(&x, text, "person:shearer"), ["SHEARER"]);
}

#[test]
fn plain_words_ending_in_a_company_word_name_a_body() {
    let text = "Report\n\nSky News reported that the Rank Group had sold its clubs.\n";
    let x = run(text);
    assert_eq!(mentions_of(&x, text, "org:sky-news"), ["Sky News"]);
    assert_eq!(mentions_of(&x, text, "org:rank-group"), ["Rank Group"]);
}

#[test]
fn a_word_of_speech_is_no_surname_of_a_name_it_starts() {
    let text = "Letters\n\nHi Kat! How are you?\n\nHi! We are well.\n";
    let x = run(text);
    let mentions: Vec<&str> = x
        .actors
        .iter()
        .flat_map(|a| a.mentions.iter().map(|m| &text[m.span.clone()]))
        .collect();
    assert!(!mentions.contains(&"Hi"), "{mentions:?}");
    assert!(mentions.iter().any(|m| m.contains("Kat")), "{mentions:?}");
}

#[test]
fn a_person_found_short_grows_to_the_name_the_tagger_reads() {
    // "Jordan" is a country to the lexicon; the tagger reads the whole name.
    let text = "Film\n\nFilm director Neil Jordan agreed on Sunday.\n";
    let x = run(text);
    assert_eq!(mentions_of(&x, text, "person:neil-jordan"), ["Neil Jordan"]);
    assert!(!keys(&x).contains(&"person:neil"), "{:?}", keys(&x));
    assert!(!keys(&x).contains(&"country:JOR"), "{:?}", keys(&x));
}

#[test]
fn bodies_side_by_side_and_names_joined_by_and_or_of_are_one_body() {
    let text = "Oceans\n\nThe United Nations Coastal Fisheries Organization met on Monday. Vera Lund lectured at the Congress of Arts and Sciences in Tarnwick. The National Rivers and Canals Administration launched a survey.\n";
    let x = run(text);
    // The last body names the one the tagger reads whole; the one before qualifies it.
    assert_eq!(
        mentions_of(&x, text, "org:coastal-fisheries-organization"),
        ["United Nations Coastal Fisheries Organization"]
    );
    // A national body's name that goes on with "of" is another body.
    assert_eq!(
        mentions_of(&x, text, "org:congress-of-arts-and-sciences"),
        ["Congress of Arts and Sciences"]
    );
    assert!(!keys(&x).contains(&"org:congress-us"), "{:?}", keys(&x));
    assert_eq!(
        mentions_of(&x, text, "org:canals-administration"),
        ["National Rivers and Canals Administration"]
    );
    assert!(keys(&x).contains(&"person:vera-lund"), "{:?}", keys(&x));
}

#[test]
fn a_title_before_a_company_word_is_part_of_the_company_name() {
    let text = "Cars\n\nThe General Motors plant in Tarnwick was closed. General Vera Lund said the army would help.\n";
    let x = run(text);
    assert_eq!(
        mentions_of(&x, text, "org:general-motors"),
        ["General Motors"]
    );
    assert!(!keys(&x).contains(&"person:motors"), "{:?}", keys(&x));
    // A title before a person's name still makes the person.
    assert!(keys(&x).contains(&"person:vera-lund"), "{:?}", keys(&x));
}

#[test]
fn a_place_named_for_an_institution_is_the_institution() {
    let text = "Schools\n\nVera Lund was educated at Tarnwick School, an independent school in Devon. She later joined the Tarnwick Hospital board.\n";
    let x = run(text);
    let k = keys(&x);
    assert!(k.contains(&"org:tarnwick-school"), "{k:?}");
    assert!(k.contains(&"org:tarnwick-hospital"), "{k:?}");
    let places: Vec<&str> = x.places.iter().map(|m| &text[m.span.clone()]).collect();
    assert!(!places.contains(&"Tarnwick School"), "{places:?}");
    assert!(k.contains(&"person:vera-lund"), "{k:?}");
}

#[test]
fn a_place_leading_a_body_found_short_is_part_of_its_name() {
    let text = "Campus\n\nVera Lund teaches at Washington Coastal University in Pullman.\n";
    let x = run(text);
    assert_eq!(
        mentions_of(&x, text, "org:washington-coastal-university"),
        ["Washington Coastal University"]
    );
    let k = keys(&x);
    let places: Vec<&str> = x.places.iter().map(|m| &text[m.span.clone()]).collect();
    assert!(!places.contains(&"Washington"), "{places:?}");
    assert!(!k.contains(&"org:coastal-university"), "{k:?}");
    assert!(k.contains(&"person:vera-lund"), "{k:?}");
}

#[test]
fn plain_words_the_tagger_is_sure_name_a_body_are_a_body() {
    let text = "Papers\n\nVera Lund told the Daily Record newspaper that she would stand. Troops of the Black Watch returned. Alan Brook wrote in the Evening Star on Monday.\n";
    let x = run(text);
    let k = keys(&x);
    assert_eq!(mentions_of(&x, text, "org:daily-record"), ["Daily Record"]);
    assert_eq!(mentions_of(&x, text, "org:black-watch"), ["Black Watch"]);
    // Plain words the tagger does not call an organization stay no name.
    assert!(!k.contains(&"org:evening-star"), "{k:?}");
    assert!(k.contains(&"person:vera-lund"), "{k:?}");
    assert!(k.contains(&"person:alan-brook"), "{k:?}");
}

#[test]
fn a_place_named_with_of_and_a_country_is_a_place() {
    let text = "Coast\n\nThe cool breezes from the Gulf of Mexico drift into the city. Mexico sent a coastguard vessel.\n";
    let x = run(text);
    assert_eq!(mentions_of(&x, text, "country:MEX"), ["Mexico"]);
    let places: Vec<&str> = x.places.iter().map(|m| &text[m.span.clone()]).collect();
    assert_eq!(places, ["Gulf of Mexico"]);
}

#[test]
fn a_place_found_short_grows_to_the_place_the_tagger_reads() {
    let text = "Session\n\nA body of men calling themselves the National Congress are now in session in Washington City, in violation of our edict.\n";
    let x = run(text);
    let places: Vec<&str> = x.places.iter().map(|m| &text[m.span.clone()]).collect();
    assert_eq!(places, ["Washington City"]);
}

#[test]
fn a_chamber_or_service_named_by_its_head_alone_is_a_body() {
    let text = "Vote\n\nThe bill then passed the House in a weakened form, and Vera Lund said the Navy would wait. The Harvest Report came out on Monday.\n";
    let x = run(text);
    let k = keys(&x);
    assert_eq!(mentions_of(&x, text, "org:house"), ["House"]);
    assert_eq!(mentions_of(&x, text, "org:navy"), ["Navy"]);
    // Other plain capitalized words stay no name.
    assert!(!k.iter().any(|k| k.contains("harvest")), "{k:?}");
    assert!(k.contains(&"person:vera-lund"), "{k:?}");
}

#[test]
fn a_body_the_tagger_is_sure_of_goes_on_through_of_after_an_unlisted_word() {
    let text = "Guilds\n\nVera Lund spoke with members of the Northern Brotherhood of Lamplighters about the craft. The Quarterly Journal of Coastal Weather printed her letter. Alan Brook joined Sporting Tarnos of Madrid last year. Ann Tarnwell of Operation Fair Count said the vote was close.\n";
    let x = run(text);
    let k = keys(&x);
    assert_eq!(
        mentions_of(&x, text, "org:northern-brotherhood-of-lamplighters"),
        ["Northern Brotherhood of Lamplighters"]
    );
    assert_eq!(
        mentions_of(&x, text, "org:quarterly-journal-of-coastal-weather"),
        ["Quarterly Journal of Coastal Weather"]
    );
    // Before a place, "of" starts something else: the club is not read through it.
    assert!(!k.iter().any(|k| k.contains("tarnos-of")), "{k:?}");
    assert!(k.contains(&"person:vera-lund"), "{k:?}");
    assert!(k.contains(&"person:alan-brook"), "{k:?}");
    // A person of a body is no body.
    assert!(k.contains(&"person:ann-tarnwell"), "{k:?}");
}

#[test]
fn a_lone_capitalized_plural_the_tagger_is_sure_of_is_a_team_even_when_an_issue_word() {
    let text = "Baseball\n\nAlan Brook opened the season with the Pirates' minor league affiliate in Tarnmouth. Brook became the first Pirates pitcher since 1950 to strike out twelve batters. Vera Lund said pirates attacked a ship off the coast.\n";
    let x = run(text);
    let k = keys(&x);
    assert_eq!(mentions_of(&x, text, "org:pirates"), ["Pirates", "Pirates"]);
    assert!(k.contains(&"person:alan-brook"), "{k:?}");
    assert!(k.contains(&"person:vera-lund"), "{k:?}");
}

#[test]
fn a_chamber_named_by_its_head_alone_stands_when_the_tagger_is_unsure() {
    let text = "Powers\n\nThat is why the regions, the Parliament, despite the delay, must act together, Vera Lund said.\n";
    let x = run(text);
    assert_eq!(mentions_of(&x, text, "org:parliament"), ["Parliament"]);
    assert!(keys(&x).contains(&"person:vera-lund"), "{:?}", keys(&x));
}

#[test]
fn a_place_an_issue_phrase_holds_may_end_a_body_after_of() {
    let text = "Rivals\n\nVera Lund said the rival Patriotic Union of Darfur, which took control of the town in March, had outside backing.\n";
    let x = run(text);
    assert_eq!(
        mentions_of(&x, text, "org:patriotic-union"),
        ["Patriotic Union of Darfur"]
    );
    assert!(keys(&x).contains(&"person:vera-lund"), "{:?}", keys(&x));
}

#[test]
fn a_party_adjective_before_a_chamber_is_no_part_of_its_name() {
    let text = "Majority\n\nThe Republican Senate voted on Tuesday, Vera Lund said. The Democratic Party met on Monday.\n";
    let x = run(text);
    let k = keys(&x);
    assert_eq!(mentions_of(&x, text, "org:senate"), ["Senate"]);
    assert!(!k.contains(&"org:republican-senate"), "{k:?}");
    // Before another head the adjective names the party.
    assert_eq!(
        mentions_of(&x, text, "org:democratic-party-us"),
        ["Democratic Party"]
    );
    assert!(k.contains(&"person:vera-lund"), "{k:?}");
}
