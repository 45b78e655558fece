//! A second parse for sentences whose first parse read an "-ing" adjective after a possessive
//! as a verb ("Juan Perez, Chile's leading rights activist, criticised Peru").

use crate::extract::parse::{Deprel, Upos};

/// What the parser reads in place of an "-ing" adjective it took for a verb: a plain
/// adjective it tags as such before a noun.
pub(super) const ADJECTIVE_STAND_IN: &str = "senior";

/// "Juan Perez, Chile's leading rights activist, criticised Peru", "Labour's ruling body": the
/// parser sometimes reads an "-ing" word right after a possessive as a verb whose subject is
/// the possessor and whose object is the noun after it, which turns an apposition into a
/// clause and leaves the main verb without its subject ("'s" may be read as "is" too: "Chile's
/// outgoing foreign minister"). A possessor does not own a verb with an object of its own in
/// news; the "-ing" word describes the noun. Returns the word to parse again as an adjective:
/// an "-ing" verb right after "'s", whose subject is the word before the "'s", with an object
/// whose phrase starts right after it and has no determiner ("Chile's leading the talks", "is"
/// contracted, keeps its verb). `heads` are 1-based, 0 the root.
pub(super) fn an_ing_word_after_a_possessive_read_as_a_verb(
    forms: &[&str],
    upos: &[Upos],
    heads: &[usize],
    deprels: &[Deprel],
) -> Option<usize> {
    let n = forms.len();
    // The cheap cue first: an "-ing" verb right after a possessive marker.
    (2..n).find(|&k| {
        upos[k] == Upos::Verb
            && (deprels[k - 1] == Deprel::CASE && heads[k - 1] == k - 1
                || deprels[k - 1] == Deprel::AUX && heads[k - 1] == k + 1)
            && matches!(forms[k - 1], "'s" | "’s")
            && ends_in_ing(forms[k])
            && deprels[k - 2] == Deprel::NSUBJ
            && heads[k - 2] == k + 1
            && (k + 1..n).any(|o| {
                deprels[o] == Deprel::OBJ
                    && heads[o] == k + 1
                    && (k + 1..o)
                        .all(|j| (k + 2..=o + 1).contains(&heads[j]) && upos[j] != Upos::Det)
            })
    })
}

fn ends_in_ing(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 5 && b[b.len() - 3..].eq_ignore_ascii_case(b"ing")
}
