//! Stage tests for who a mention stands for when the parse or the article misleads: a noun
//! read as an adverb ("ally"), and pronouns whose antecedent is named by a role.

use super::tests::{acts, run};

#[test]
fn an_ally_read_as_an_adverb_is_not_the_one_it_is_an_ally_of() {
    // "ally" ends in "-ly": the tagger reads an adverb and the parser gives the denial to the
    // possessor. The ally denies, not the minister.
    for text in [
        "Minister Ravi Menon's closest ally has denied suggestions of a rift.",
        "Ravi Menon's closest ally has denied suggestions of a rift.",
    ] {
        let x = run(text);
        assert!(
            !acts(&x)
                .iter()
                .any(|(_, s, _)| s.as_deref() == Some("person:ravi-menon")),
            "{text}: {:?}",
            acts(&x)
        );
    }
}

#[test]
fn a_role_with_its_body_names_the_holder_for_the_pronoun_after_it() {
    // "the Labour leader" is Ravi Menon, named "Labour leader Ravi Menon" before; the "he"
    // of the next sentence is the leader's, not the name that opens the sentence before.
    let x = run(
        "Labour leader Ravi Menon spoke in Leeds on Monday. Mr Telford's plan was \
         not about growth, the Labour leader said. He went on to accuse Mr Telford of waste.",
    );
    assert!(
        acts(&x).iter().any(|(c, s, t)| c == "DISAPPROVE"
            && s.as_deref() == Some("person:ravi-menon")
            && t.iter().any(|k| k.ends_with("telford"))),
        "{:?}",
        acts(&x)
    );
}
