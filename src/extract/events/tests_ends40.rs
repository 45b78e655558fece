//! Stage tests for stop 40's one-ended events: an end the sentence names that the reader
//! missed or put on the wrong side.

use super::tests::kinds;

fn country(code: &str) -> String {
    format!("country:{code}")
}

/// The events of `text` of category `category`, as (source, targets).
fn of(text: &str, category: &str) -> Vec<(Option<String>, Vec<String>)> {
    kinds(text)
        .into_iter()
        .filter(|(c, ..)| c == category)
        .map(|(_, _, s, t)| (s, t))
        .collect()
}

#[test]
fn a_reduced_passive_the_parser_gives_a_subject_keeps_its_agent_as_the_source() {
    // "The resolution backed by Norway was adopted": the parser reads "the resolution
    // backed" as a clause with a subject; the agent after "by" is who backs, never whom.
    for text in [
        "The resolution backed by Norway was adopted on Monday.",
        "The policy supported by Norway is one we would commend.",
        "Ana Ruiz said: \"The policy supported by Norway is one that we would commend.\"",
    ] {
        let got = kinds(text);
        assert!(
            got.iter().all(|(.., t)| !t.contains(&country("NOR"))),
            "{text}: {got:?}"
        );
        assert!(
            got.iter()
                .any(|(_, _, s, _)| s.as_deref() == Some(&*country("NOR"))),
            "{text}: {got:?}"
        );
    }
    // An agent is still read after an active verb with an object ("remarks by ...").
    let got = kinds("Peru condemned remarks by the foreign minister of Chile.");
    assert!(
        got.iter().any(|(c, _, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some(&*country("PER"))
            && t.contains(&country("CHL"))),
        "{got:?}"
    );
}

#[test]
fn police_of_no_named_country_are_the_home_countrys() {
    // A report whose actors are Chile's: its bare police, like its "government", are Chile's.
    let home = "The Chilean interior minister, Ana Ruiz, spoke in Santiago on Monday. ";
    for (text, category) in [
        (
            "Police are investigating the Workers Party of Chile.",
            "INVESTIGATE",
        ),
        (
            "The police criticised the Workers Party of Chile.",
            "DISAPPROVE",
        ),
        (
            "The security services and police backed the plans of the Workers Party of Chile.",
            "SUPPORT",
        ),
    ] {
        let got = of(&format!("{home}{text}"), category);
        assert!(
            got.iter()
                .any(|(s, _)| s.as_deref() == Some(&*country("CHL"))),
            "{text}: {got:?}"
        );
    }
    // Another country's police stay that country's; with no home country, no one's.
    let got = of(
        &format!("{home}Peruvian police criticised Ana Ruiz."),
        "DISAPPROVE",
    );
    assert!(
        got.iter()
            .all(|(s, _)| s.as_deref() == Some(&*country("PER"))),
        "{got:?}"
    );
    let got = of(
        "Police criticised the Workers Party of Chile.",
        "DISAPPROVE",
    );
    assert!(got.iter().all(|(s, _)| s.is_none()), "{got:?}");
}

#[test]
fn a_he_going_on_from_words_a_description_gives_is_whom_it_describes() {
    // "…, the party leader said. He urged …": the description's one holder, not the first
    // name of the sentence the description speaks.
    let text = "Party leader Ola Berg has dismissed the budget of Kari Lund as a waste. \
                Mr Lund's plan was not good for the country, the party leader said on Monday. \
                He urged Chile to reject the plan.";
    let got = of(text, "DEMAND");
    assert_eq!(
        got,
        [(Some("person:ola-berg".to_owned()), vec![country("CHL")])],
        "{got:?}"
    );
}

#[test]
fn a_he_going_on_from_a_sentence_opening_with_a_description_is_whom_it_describes() {
    let text = "Party leader Ola Berg has dismissed the budget of Kari Lund as a waste. \
                The party leader also attacked Mr Lund on Monday. \
                He urged Chile to reject the plan.";
    let got = of(text, "DEMAND");
    assert_eq!(
        got,
        [(Some("person:ola-berg".to_owned()), vec![country("CHL")])],
        "{got:?}"
    );
}
