//! Stage tests for acts that are only asked for, wished or doubted: the one asked is not the
//! one who asks, and the act asked for is not done.

use super::tests::{acts, run};

#[test]
fn an_act_called_for_is_not_done_and_is_not_the_callers() {
    let x = run("Ola Berg has resisted calls for him to apologise to Chile.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.is_none()
            && t == &vec!["person:ola-berg".to_owned()]),
        "{got:?}"
    );
    assert!(!got.iter().any(|(c, _, _)| c == "CONCEDE"), "{got:?}");
    // The caller's own act after such a call is kept.
    let y = run("Ola Berg ignored calls for him to quit and apologised to Chile on Monday.");
    let got = acts(&y);
    assert!(
        got.iter().any(|(c, s, t)| c == "CONCEDE"
            && s.as_deref() == Some("person:ola-berg")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn an_act_judged_unlikely_is_not_done() {
    for text in [
        "Chile is unlikely to attack Peru.",
        "Officials said it was doubtful that Chile would sign the treaty with Peru.",
        "A spokesman said it was highly unlikely Ola Berg would give Chile more money.",
    ] {
        let got = acts(&run(text));
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // Judged likely, it stays, as planned.
    let got = acts(&run("Chile is likely to attack Peru."));
    assert!(
        got.iter().any(|(c, s, t)| c == "ASSAULT"
            && s.as_deref() == Some("country:CHL")
            && t == &vec!["country:PER".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_clause_asking_who_acted_states_no_act() {
    let got = acts(&run(
        "Peru wants to know who supplied weapons to the Chilean rebels.",
    ));
    assert!(!got.iter().any(|(c, _, _)| c == "AID"), "{got:?}");
    // A relative "who" after its noun still tells what that noun did.
    let got = acts(&run("Peru, who attacked Chile on Monday, denied it."));
    assert!(
        got.iter().any(|(c, s, t)| c == "ASSAULT"
            && s.as_deref() == Some("country:PER")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn what_a_body_is_ordered_to_do_makes_the_order_a_demand_on_it() {
    // The parser hangs "to suspend" on the newspaper, as if it said which one; the order
    // still tells the newspaper to do something.
    let x = run(
        "The Peruvian government today ordered the opposition newspaper La Voz to suspend \
         publication indefinitely.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.as_deref() == Some("country:PER")
            && t.iter().any(|t| t.contains("la-voz"))),
        "{got:?}"
    );
}

#[test]
fn what_one_is_called_on_to_stop_is_not_done_by_the_caller() {
    // The build-up is Chile's, asked of it; Peru mobilizes nothing.
    let x = run("Peru called on Chile to halt its military buildup.");
    let got = acts(&x);
    assert!(!got.iter().any(|(c, _, _)| c == "MOBILIZE"), "{got:?}");
    assert!(
        got.iter().any(|(c, s, t)| c == "DEMAND"
            && s.as_deref() == Some("country:PER")
            && t == &vec!["country:CHL".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn a_quoted_question_before_he_asked_is_no_request_even_when_its_words_look_like_a_subject() {
    // The parser made "Chile", inside the quotation, a second subject of "asked", so the
    // question read as a request by Chile.
    for text in [
        "\"How can it be right in Chile today that the poorest 20% pay more in tax, as a proportion of their income, than the richest 20%?\" he asked.",
        "How can it be right in Chile today that the poorest 20% pay more in tax than the richest 20%?\" he asked.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter().all(|(c, _, _)| c != "DEMAND"),
            "{text:?}: {got:?}"
        );
    }
    // A quotation that names who acts still gives its act.
    let got = acts(&run("\"Peru will never accept this,\" Ola Berg said."));
    assert!(got.iter().any(|(c, _, _)| c == "REJECT"), "{got:?}");
}
