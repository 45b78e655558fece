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
