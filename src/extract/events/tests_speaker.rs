//! Stage tests for the speaker of a quotation ("I", "me", "my" inside it) and the reader's
//! mistakes a named first person shows: a duty the speaker owns, a passive under an
//! adjective, "have X done", "have support from", a stance participle.

use super::tests::{acts, run};

const RUIZ: &str = "person:ana-ruiz";

/// Whether an act of `category` has `source` as its source (and `target` among its targets,
/// when given).
fn has(text: &str, category: &str, source: Option<&str>, target: Option<&str>) -> bool {
    let x = run(text);
    acts(&x).iter().any(|(c, s, t)| {
        c == category && s.as_deref() == source && target.is_none_or(|k| t.iter().any(|x| x == k))
    })
}

fn sources_of(text: &str) -> Vec<Option<String>> {
    acts(&run(text)).into_iter().map(|(_, s, _)| s).collect()
}

#[test]
fn the_first_person_inside_a_quotation_is_its_speaker() {
    for text in [
        "Ana Ruiz said: \"I will ask Norway to withdraw its troops.\"",
        "\"I will ask Norway to withdraw its troops,\" Ana Ruiz said.",
        "Ana Ruiz arrived in Lima on Monday. \"I will ask Norway to withdraw its troops,\" \
         she said.",
        // A reporting verb with no subject of its own speaks for the verb it hangs on.
        "Ana Ruiz criticised the plans, saying: \"I will ask Norway to withdraw its troops.\"",
    ] {
        assert!(
            has(text, "DEMAND", Some(RUIZ), Some("country:NOR")),
            "{text}: {:?}",
            acts(&run(text))
        );
    }
}

#[test]
fn a_quotation_running_on_over_sentences_keeps_its_speaker() {
    for text in [
        "Ana Ruiz told reporters: \"Peru must leave. I will ask Norway to withdraw its troops.\"",
        // A new paragraph of a quotation opens with a mark of its own after one left open.
        "Ana Ruiz told reporters: \"Peru must leave. \"I will ask Norway to withdraw its \
         troops.\"",
        // The opening sentence's speaker is a pronoun, found as a "she" going on.
        "Ana Ruiz arrived in Lima on Monday. She said: \"Peru must leave. \"I will ask Norway \
         to withdraw its troops.\"",
    ] {
        assert!(
            has(text, "DEMAND", Some(RUIZ), Some("country:NOR")),
            "{text}: {:?}",
            acts(&run(text))
        );
    }
}

#[test]
fn an_unnamed_speaker_or_one_quoting_another_gives_the_first_person_no_one() {
    for text in [
        "A Foreign Office spokesman said: \"I will ask Norway to withdraw its troops.\"",
        "Ana Ruiz said: \"He told me, 'I will ask Norway to withdraw its troops.'\"",
    ] {
        assert!(
            !sources_of(text).iter().any(|s| s.as_deref() == Some(RUIZ)),
            "{text}: {:?}",
            acts(&run(text))
        );
    }
    // Outside quotation marks (a reader's letter), "I" is no one.
    let text = "I will ask Norway to withdraw its troops.";
    assert!(
        sources_of(text).iter().all(Option::is_none),
        "{:?}",
        acts(&run(text))
    );
}

#[test]
fn a_duty_the_speaker_owns_is_no_demand() {
    // "I must tell you …": the obligation is the speaker's own; no one is asked to act.
    let text = "Ana Ruiz said: \"I must tell you that Peru has decided to stay.\"";
    assert!(
        !acts(&run(text)).iter().any(|(c, _, _)| c == "DEMAND"),
        "{:?}",
        acts(&run(text))
    );
    // Another's duty still is.
    let text = "Ana Ruiz said Peru must tell Chile that the talks have failed.";
    assert!(
        has(text, "DEMAND", Some(RUIZ), Some("country:PER")),
        "{:?}",
        acts(&run(text))
    );
}

#[test]
fn who_is_asked_or_has_things_done_to_them_does_not_do_it() {
    // A passive infinitive under an adjective, and "have X done": the subject undergoes.
    for text in [
        "Ana Ruiz is honoured to be asked to lead the talks.",
        "Ana Ruiz has had doors slammed in her face.",
        // "Have support from": who has it is given it.
        "Ana Ruiz has strong support from the farmers.",
        "Ana Ruiz does have spiritual support from Norway.",
    ] {
        assert!(
            !sources_of(text).iter().any(|s| s.as_deref() == Some(RUIZ)),
            "{text}: {:?}",
            acts(&run(text))
        );
    }
    let text = "Ana Ruiz does have spiritual support from Norway.";
    assert!(
        has(text, "SUPPORT", Some("country:NOR"), Some(RUIZ)),
        "{:?}",
        acts(&run(text))
    );
    // Had with an act of its own subject's is still that subject's.
    let text = "Norway had a meeting with Peru on Monday.";
    assert!(
        has(text, "CONSULT", Some("country:NOR"), Some("country:PER")),
        "{:?}",
        acts(&run(text))
    );
}

#[test]
fn a_stance_participle_after_be_is_held_by_its_subject() {
    // The parser reads "am opposed" after "I" as a passive; the speaker holds the stance.
    let text = "Ana Ruiz said: \"I am opposed to the plans of Peru.\"";
    assert!(
        has(text, "REJECT", Some(RUIZ), Some("country:PER")),
        "{:?}",
        acts(&run(text))
    );
}

#[test]
fn a_he_going_on_from_a_sentence_about_someone_before_its_name_is_not_that_name() {
    // The sentence before speaks of the leader ("his work") before it names Ola Berg; the
    // "he" after goes on to Ravi Menon.
    let text = "Ravi Menon quit on Monday. The party leader had insisted that his work with Ola \
                Berg was lawful. But he criticised Peru.";
    assert!(
        has(
            text,
            "DISAPPROVE",
            Some("person:ravi-menon"),
            Some("country:PER")
        ),
        "{:?}",
        acts(&run(text))
    );
    // A possessive in a phrase before the name is the name's own.
    let text = "Ravi Menon quit on Monday. During his speech Ola Berg criticised Chile. He also \
                criticised Peru.";
    assert!(
        has(
            text,
            "DISAPPROVE",
            Some("person:ola-berg"),
            Some("country:PER")
        ),
        "{:?}",
        acts(&run(text))
    );
}

#[test]
fn we_inside_a_quotation_is_the_one_organization_its_speaker_is_tied_to() {
    for text in [
        "A Greenpeace spokesman said: \"We will ask Norway to withdraw its troops.\"",
        "Ravi Menon, of Greenpeace, said: \"We will ask Norway to withdraw its troops.\"",
        "Greenpeace said: \"We will ask Norway to withdraw its troops.\"",
    ] {
        assert!(
            has(text, "DEMAND", Some("org:greenpeace"), Some("country:NOR")),
            "{text}: {:?}",
            acts(&run(text))
        );
    }
    // A speaker tied to no organization, or to a country only: "we" may be the government,
    // the party or everyone.
    for text in [
        "Ravi Menon said: \"We will ask Norway to withdraw its troops.\"",
        "British Foreign Secretary Ravi Menon said: \"We will ask Norway to withdraw its troops.\"",
    ] {
        assert!(
            sources_of(text).iter().all(Option::is_none),
            "{text}: {:?}",
            acts(&run(text))
        );
    }
}
