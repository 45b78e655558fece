//! Stage tests for who is acted on where the parse hides it inside what the act is about: the
//! one an inquiry suspects, named in the claim or the question it looks into.

use super::tests::{acts, run};

#[test]
fn an_inquiry_into_a_claim_suspects_its_subject_not_its_author() {
    // The parse hangs the claim's clause on the verb of the inquiry; the one who made the
    // claim ("by Peru") is not the one looked into.
    let x = run(
        "Norway completed its investigation into an allegation by Peru that Chile had bombed the city.",
    );
    let got = acts(&x);
    let inquiry: Vec<_> = got.iter().filter(|(c, _, _)| c == "INVESTIGATE").collect();
    assert!(
        inquiry
            .iter()
            .any(|(_, s, t)| s.as_deref() == Some("country:NOR")
                && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
    // A question looked into: its subject is whose deed is in doubt.
    let y = run("Norway is investigating whether Chilean officials helped the rebels.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "INVESTIGATE" && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    // A relative clause of the inquiry names no suspect.
    let z = run("Peru criticised the investigation that Norway launched into the Chilean bombing.");
    let got = acts(&z);
    assert!(
        got.iter()
            .all(|(c, _, t)| c != "INVESTIGATE" || !t.contains(&"country:NOR".to_owned())),
        "{got:?}"
    );
}

#[test]
fn macedonia_is_the_country_it_named_before_its_new_name() {
    // News before 2019 calls North Macedonia "Macedonia" (or "the Former Yugoslav Republic of
    // Macedonia").
    let x = run("Norway is providing military intelligence to Macedonia.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "AID" && t.contains(&"country:MKD".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_union_acts_on_its_own_government_named_by_an_adjective() {
    // The name found is the adjective alone ("Chilean"); the government noun after it still
    // makes the country's state the one acted on by a body that does not speak for it.
    let x = run(
        "The Chilean Union of Dockers called off a four-day strike after talks with the Chilean government.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "CONCEDE"
            && s.as_deref() == Some("org:chl-union-of-dockers")
            && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
    let y = run("The Chilean Union of Dockers criticised the Chilean government on Monday.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "DISAPPROVE" && t.contains(&"country:CHL".to_owned())),
        "{got:?}"
    );
}

#[test]
fn an_act_on_a_people_group_and_one_on_its_state_are_two_events() {
    // The event key names a group with its kind: blaming Chilean rebels and blaming the
    // Chilean government are not one act aimed at "CHL".
    let x = run(
        "Norway blamed Chilean rebels for the attack on Monday. On Tuesday Norway blamed the Chilean government for the floods.",
    );
    let got = acts(&x);
    let blamed: Vec<&Vec<String>> = got
        .iter()
        .filter(|(c, _, _)| c == "DISAPPROVE")
        .map(|(_, _, t)| t)
        .collect();
    assert!(
        blamed.contains(&&vec!["group:CHL:rebels".to_owned()])
            && blamed.contains(&&vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_phrase_between_a_subject_and_its_verb_qualifies_the_subject() {
    // The parser hangs "for Chilean refugees" on "attacked"; it says whom the camp holds, so
    // the refugees are the ones attacked.
    let x = run(
        "A temporary camp for Chilean refugees was attacked by Peruvian militiamen armed with machetes, killing at least 156 people, the UN refugee agency reported.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "ASSAULT"
            && s.as_deref() == Some("group:PER:rebels")
            && t == &vec!["group:CHL:refugees".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_name_with_an_article_after_a_comma_describes_the_subject() {
    // "a key Chilean ally" is read by the parser as a second subject ("Chile") beside Norway;
    // it only describes Norway, which alone refuses, and the place of the deployment is the
    // one acted on.
    let x = run(
        "Norway, a key Chilean ally in the war against terrorism, has refused to deploy peacekeepers in Peru.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "REJECT"
            && s.as_deref() == Some("country:NOR")
            && t == &vec!["country:PER".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_member_suspended_for_what_he_suggested_is_the_object_not_a_later_subject() {
    // The parser made "candidate" the subject of "killed", so the suspension had no one
    // suspended and read as the party stepping back.
    for text in [
        "The Chilean Farmers Party has suspended a candidate for allegedly suggesting the criminally insane should be killed.",
        "The news came after the Chilean Farmers Party suspended a candidate for allegedly suggesting the criminally insane should be killed.",
    ] {
        let x = run(text);
        let got = acts(&x);
        assert!(
            got.iter().any(|(c, s, _)| c == "SANCTION" && s.is_some()),
            "{text:?}: {got:?}"
        );
        assert!(
            got.iter().all(|(c, _, _)| c != "RETREAT"),
            "{text:?}: {got:?}"
        );
    }
}

#[test]
fn the_victim_of_a_deed_looked_into_or_condemned_is_not_its_target() {
    // Who died or was held is not who is investigated, condemned or protested against; the
    // deed itself keeps its victim.
    for (text, category) in [
        (
            "Police in Norway are investigating Ola Berg's murder.",
            "INVESTIGATE",
        ),
        (
            "Norway opened an inquiry into the death of Ola Berg.",
            "INVESTIGATE",
        ),
        ("Norway condemned the killing of Ola Berg.", "DISAPPROVE"),
        (
            "Norway protested against the arrest of Ola Berg.",
            "PROTEST",
        ),
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter().any(|(c, s, t)| c == category
                && s.as_deref() == Some("country:NOR")
                && t.is_empty()),
            "{text}: {got:?}"
        );
    }
    let got = acts(&run("Norway condemned the killing of Ola Berg."));
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "ASSAULT" && t == &vec!["person:ola-berg".to_owned()]),
        "{got:?}"
    );
    // Whoever the deed is laid to stays the one looked into or condemned.
    let got = acts(&run(
        "Norway is investigating killings by Chilean soldiers.",
    ));
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "INVESTIGATE" && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn where_people_are_deported_to_is_not_whom_the_deportation_is_done_to() {
    let got = acts(&run("Norway said it would deport them to Chile."));
    assert!(
        got.iter().any(|(c, s, t)| c == "THREATEN"
            && s.as_deref() == Some("country:NOR")
            && t.is_empty()),
        "{got:?}"
    );
    // Those deported, when named, are.
    let got = acts(&run("Norway deported Peruvian activists to Chile."));
    assert!(
        got.iter().any(|(c, _, t)| c == "COERCE"
            && !t.contains(&"country:CHL".to_owned())
            && !t.is_empty()),
        "{got:?}"
    );
}
