//! Stage tests for the author of what a reaction answers: who made the plan, the offer, the
//! decision or the remark that is rejected, criticised or backed is the one acted on.

use super::tests::{acts, run};

fn targets_of(text: &str, category: &str) -> Vec<Vec<String>> {
    acts(&run(text))
        .into_iter()
        .filter(|(c, _, _)| c == category)
        .map(|(_, _, t)| t)
        .collect()
}

#[test]
fn an_attack_in_words_on_a_decision_aims_at_whoever_made_it() {
    // "Attacked" is read as force first; once a sense makes it criticism, criticism's own
    // patterns ("by" after what it answers) fill the target left empty.
    let got = targets_of(
        "Ravi Menon attacked the ruling by the Chilean Supreme Court on Monday.",
        "DISAPPROVE",
    );
    assert!(
        got.iter()
            .any(|t| t.iter().any(|k| k == "org:chl-supreme-court")),
        "{got:?}"
    );
}

#[test]
fn a_government_before_a_plan_owns_it() {
    // "government plans" names the government as "the government's plans" does ...
    let got = targets_of(
        "The Norwegian government met on Monday. Ravi Menon defended government plans to close the ports.",
        "SUPPORT",
    );
    assert!(
        got.iter().any(|t| t.contains(&"country:NOR".to_owned())),
        "{got:?}"
    );
    // ... but not what is no act of its own: jobs, red tape.
    let got = targets_of(
        "The Norwegian government met on Monday. Ravi Menon defended government jobs in the north.",
        "SUPPORT",
    );
    assert!(got.iter().all(Vec::is_empty), "{got:?}");
}

#[test]
fn his_act_that_another_answers_is_someone_elses() {
    // The owner of a decision or a return that someone welcomes or accepts is not the one
    // who answers it ...
    let got = targets_of(
        "Ola Berg resigned on Monday. Ravi Menon accepted his decision with regret.",
        "AGREE",
    );
    assert!(
        got.iter()
            .any(|t| t.contains(&"person:ola-berg".to_owned())),
        "{got:?}"
    );
    let got = targets_of(
        "Ola Berg came home on Monday. Ravi Menon welcomed his return.",
        "SUPPORT",
    );
    assert!(
        got.iter()
            .any(|t| t.contains(&"person:ola-berg".to_owned())),
        "{got:?}"
    );
    // ... but one defends their own record, and criticises their own party.
    for (text, category) in [
        (
            "Ola Berg came home on Monday. Ravi Menon defended his record.",
            "SUPPORT",
        ),
        (
            "Ola Berg came home on Monday. Ravi Menon criticised his own party.",
            "DISAPPROVE",
        ),
    ] {
        let got = targets_of(text, category);
        assert!(got.iter().all(Vec::is_empty), "{text}: {got:?}");
    }
}

#[test]
fn a_party_named_by_its_adjective_owns_its_plans() {
    // "Conservative spending plans", "Liberal Democrat proposals": the adjective names the
    // party as "Tory" does.
    let got = targets_of(
        "Ravi Menon launched an attack on Conservative spending plans.",
        "DISAPPROVE",
    );
    assert!(
        got.iter()
            .any(|t| t.contains(&"org:conservative-party-uk".to_owned())),
        "{got:?}"
    );
    let got = targets_of(
        "Ravi Menon criticised the Liberal Democrat proposals.",
        "DISAPPROVE",
    );
    assert!(
        got.iter().any(|t| t.contains(&"org:lib-dems".to_owned())),
        "{got:?}"
    );
}

#[test]
fn a_proposal_with_no_determiner_is_what_is_rejected() {
    // The parser makes "proposed" a clause of "rejected" when no "the" comes before it; the
    // repaired parse reads it as with "the": Chile's changes are rejected, and "proposed"
    // describes them.
    for text in [
        "Norway rejected proposed Chilean changes to the deal.",
        "Norway rejected the proposed Chilean changes to the deal.",
    ] {
        let got = acts(&run(text));
        assert!(
            got.iter()
                .any(|(c, _, t)| c == "REJECT" && t.contains(&"country:CHL".to_owned())),
            "{text}: {got:?}"
        );
        assert!(got.iter().all(|(c, _, _)| c != "DEMAND"), "{text}: {got:?}");
    }
}
