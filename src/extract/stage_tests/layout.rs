//! Names where case tells nothing (headlines in capitals, results lines, lists of names), and
//! names inside other names (bodies, countries).

use super::{actor, keys, run};

#[test]
fn in_capitals_the_person_after_a_title_is_the_taggers_and_its_names_stand() {
    let x = run(
        "Results\n\nBOXING - PRINCE KALEBO RETAINS WBO TITLE .\n\nSOCCER - TARNVALE BEAT ROVERS 2-1 .\n",
    );
    let k = keys(&x);
    // The title's person ends where the tagger's does, not at the last capitalized word.
    assert_eq!(actor(&x, "person:kalebo").name, "KALEBO", "{k:?}");
    assert!(!k.iter().any(|k| k.contains("retains")), "{k:?}");
    assert!(k.contains(&"org:tarnvale"), "{k:?}");
}

#[test]
fn in_a_results_line_the_taggers_teams_stand_even_when_they_are_plain_words() {
    let x = run(
        "Results\n\nReading 2 Ostrava Athletic 1\n\nNice 3 1 1 1 6 8 4\n\nMladost ( L ) 4 2 1 1 8 5 7\n",
    );
    let k = keys(&x);
    assert!(k.contains(&"org:reading"), "{k:?}");
    assert!(k.contains(&"org:nice"), "{k:?}");
    assert!(k.contains(&"org:ostrava-athletic"), "{k:?}");
    // The tagger's kind stands there too: a given name and one more word stay a team.
    let x2 = run("Results\n\nMontrose 2 Ross County 1\n");
    let k2 = keys(&x2);
    assert!(k2.contains(&"org:ross-county"), "{k2:?}");
    assert!(!k2.contains(&"person:ross-county"), "{k2:?}");
    // A closing bracket whose opening one the name holds is part of it.
    assert_eq!(actor(&x, "org:mladost-l").name, "Mladost ( L )", "{k:?}");
}

#[test]
fn a_body_that_starts_a_thing_named_with_plain_words_or_is_counted_is_no_actor() {
    let x = run(
        "Sport\n\nThe victory marked the Fed Cup debut of Monica Sallis. Markets were closed for Labour Day. Carl Berrio had six RBI in one game. New Labour praised the Law Lords.\n",
    );
    let k = keys(&x);
    assert!(k.contains(&"person:monica-sallis"), "{k:?}");
    assert!(k.contains(&"person:carl-berrio"), "{k:?}");
    assert!(!k.contains(&"org:federal-reserve"), "{k:?}");
    assert!(!k.contains(&"org:rbi"), "{k:?}");
    // "Labour Day" names no party; "New Labour" (a word before the body) still does.
    assert_eq!(actor(&x, "org:labour-uk").mentions.len(), 1, "{k:?}");
    assert!(k.contains(&"org:house-of-lords"), "{k:?}");
}

#[test]
fn a_centre_named_for_a_sport_is_a_venue() {
    let text =
        "Tennis\n\nResults from the open at the Tarnvale Tennis Centre on Friday. Ana Voss won.\n";
    let x = run(text);
    let k = keys(&x);
    assert!(!k.iter().any(|k| k.contains("tennis-centre")), "{k:?}");
    assert!(
        x.places
            .iter()
            .any(|p| &text[p.span.clone()] == "Tarnvale Tennis Centre"),
        "{:?}",
        x.places
    );
    assert!(k.contains(&"person:ana-voss"), "{k:?}");
}

#[test]
fn a_country_the_article_gives_a_person_as_surname_is_that_person_where_the_tagger_reads_one() {
    let x = run(
        "Film\n\nDublin-born director Neil Jordan says he never lost sleep over the film. \"The film spares no one,\" Jordan said in a statement. Jordan and Syria signed a trade deal on Monday.\n",
    );
    let k = keys(&x);
    assert_eq!(actor(&x, "person:neil-jordan").mentions.len(), 2, "{k:?}");
    // The country keeps the mention the tagger reads as a place.
    assert_eq!(actor(&x, "country:JOR").mentions.len(), 1, "{k:?}");
    assert!(k.contains(&"country:SYR"), "{k:?}");
}

#[test]
fn a_country_adjective_before_a_sea_names_the_sea_not_the_country() {
    let text = "Aid\n\nThe Indian Ocean tsunami killed thousands. Trawlers left the Irish Sea for the British Isles. Tarnvale and India signed a deal.\n";
    let x = run(text);
    let k = keys(&x);
    // Only the last sentence names India; Ireland is not named at all.
    assert_eq!(actor(&x, "country:IND").mentions.len(), 1, "{k:?}");
    assert!(!k.contains(&"country:IRL"), "{k:?}");
    assert!(!k.iter().any(|k| k.contains("isles")), "{k:?}");
    for sea in ["Indian Ocean", "Irish Sea", "British Isles"] {
        assert!(
            x.places.iter().any(|p| &text[p.span.clone()] == sea),
            "{sea}: {:?}",
            x.places
        );
    }
}

#[test]
fn a_body_named_after_a_place_is_the_body_even_where_the_place_is_read_first() {
    let text = "News\n\nDoctors delivered goods to Oslo University Medical School on Monday. Ana Voss flew to Oslo.\n";
    let x = run(text);
    let k = keys(&x);
    assert!(k.contains(&"org:oslo-university-medical-school"), "{k:?}");
    // The city alone is still a place.
    assert!(
        x.places.iter().any(|p| &text[p.span.clone()] == "Oslo"),
        "{:?}",
        x.places
    );
}

#[test]
fn a_newspaper_named_after_the_word_is_a_body_but_a_novel_is_a_work() {
    let x = run(
        "Culture\n\nThe poet Jose Varga died at 79, the official newspaper Granmora reported on Saturday. Varga wrote the novel Cold Harbour.\n",
    );
    let k = keys(&x);
    assert!(k.contains(&"org:granmora"), "{k:?}");
    assert_eq!(actor(&x, "person:jose-varga").mentions.len(), 2, "{k:?}");
    assert!(!k.iter().any(|k| k.contains("harbour")), "{k:?}");
}

#[test]
fn the_european_community_is_a_body_of_its_own() {
    let x = run("Aid\n\nThe European Community on Monday gave Norway 5 million dollars of aid.\n");
    let k = keys(&x);
    assert!(k.contains(&"org:eec"), "{k:?}");
    assert!(!k.contains(&"org:eu"), "{k:?}");
    assert!(k.contains(&"country:NOR"), "{k:?}");
}

#[test]
fn a_charity_whose_name_holds_an_act_is_a_body_and_no_act() {
    let x = run("Trade\n\nWar on Want's Ana Voss said the plan was wrong.\n");
    let k = keys(&x);
    assert!(k.contains(&"org:war-on-want"), "{k:?}");
    assert!(k.contains(&"person:ana-voss"), "{k:?}");
    assert!(x.events.is_empty(), "{:?}", x.events);
}
