//! Stage tests of the roles an article itself pairs with a name (`extract/actors/resolve.rs`),
//! and of later mentions by that role alone.

use super::*;

#[test]
fn the_article_s_own_title_beats_the_lexicon_s_role_after_a_heading() {
    // The heading names a known person by surname (the lexicon gives him a later office);
    // the article's "Chancellor Gordon Brown" is his role here, so "the chancellor" is him.
    let x = run(
        "Fuel duty frozen, Brown says\n\nChancellor Gordon Brown has announced a freeze \
         on fuel duty. The chancellor criticised the Ruritanian government.\n",
    );
    let brown = actor(&x, "person:gordon-brown");
    assert_eq!(brown.role.as_deref(), Some("Chancellor"));
    // The heading, the titled name and "the chancellor".
    assert_eq!(brown.mentions.len(), 3);
    let criticism = events_of(&x, Plover::Disapprove);
    assert!(
        criticism
            .iter()
            .any(|e| e.source.as_deref() == Some("person:gordon-brown")),
        "{criticism:?}"
    );
}

#[test]
fn an_honorific_between_an_office_and_the_name_leaves_the_office_to_the_name() {
    let x = run(
        "Judges warned\n\nLord Chancellor Lord Harwood said the plans were fair. \
         Attorney General Lord Penrose backed them. Ruritania mayor Mr Sendra spoke too. \
         The Lord Chancellor criticised the Ruritanian government.\n",
    );
    assert_eq!(
        actor(&x, "person:harwood").role.as_deref(),
        Some("Lord Chancellor")
    );
    assert_eq!(
        actor(&x, "person:penrose").role.as_deref(),
        Some("Attorney General")
    );
    assert_eq!(actor(&x, "person:sendra").role.as_deref(), Some("Mayor"));
}

#[test]
fn the_chancellor_alone_is_never_the_lord_chancellor() {
    // An office opening with an honorific is a role of its own: "the chancellor" goes to
    // the chancellor, not to the "Lord Chancellor" named after him.
    let x = run(
        "Budget row\n\nChancellor Gordon Brown spoke on Monday. Lord Chancellor Lord Harwood \
         said the plans were fair. The chancellor criticised the Ruritanian government.\n",
    );
    let criticism = events_of(&x, Plover::Disapprove);
    assert!(
        criticism
            .iter()
            .any(|e| e.source.as_deref() == Some("person:gordon-brown")),
        "{criticism:?}"
    );
}

#[test]
fn the_title_before_a_name_in_apposition_is_its_role_but_not_a_past_one() {
    let x = run(
        "War advice\n\nThe Attorney General, Lord Penrose, said the war was legal. \
         The then Lord Chancellor, Lord Harwood, disagreed.\n",
    );
    assert_eq!(
        actor(&x, "person:penrose").role.as_deref(),
        Some("Attorney General")
    );
    assert_eq!(actor(&x, "person:harwood").role, None);
}
