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
