//! Word lists of actor detection, and the small tests built on them.

use super::is_capitalized;
use crate::extract::lexicon::Lexicon;
use crate::extract::rules::Named;

/// Whether `w` names the followers of someone or the people of somewhere by its suffix:
/// "Blairite", "Trotskyites", "Glaswegians", "Asians". Such a word stands for a loose group,
/// never for one person or one body.
pub(super) fn follower_word(w: &str) -> bool {
    let stem = w
        .strip_suffix("ites")
        .or_else(|| w.strip_suffix("ite"))
        .or_else(|| w.strip_suffix("ians"));
    stem.is_some_and(|s| {
        s.chars().count() >= 2 && is_capitalized(s) && s.chars().all(char::is_alphabetic)
    })
}

/// Whether `w` names members of a faith or people ("Sikhs", "Catholic", "Roman").
pub(super) fn member_word(lex: &Lexicon, w: &str) -> bool {
    let singular = w.strip_suffix("ies").map_or_else(
        || w.trim_end_matches('s').to_string(),
        |stem| format!("{stem}y"),
    );
    lex.rules.set(Named::FaithWords).contains(&singular)
        || lex.rules.set(Named::MemberAdjectives).contains(w)
}

/// Whether an organization named `name`, last written as `last_word`, is also a building.
pub(super) fn is_building(lex: &Lexicon, name: &str, last_word: &str) -> bool {
    let set = lex.rules.set(Named::BuildingWords);
    set.contains(last_word)
        || name
            .split_whitespace()
            .last()
            .is_some_and(|w| set.contains(w))
}

/// Whether a name is a geographic feature: its last word is one ("Golan Heights"), or it is
/// one followed by a single name ("River Tyne", "Lake Chad"; but "Gulf Coast Authority" is
/// an organization).
pub(crate) fn is_geographic(lex: &Lexicon, words: &[&str]) -> bool {
    let geographic = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && lex.rules.set(Named::GeographicWords).contains(w)
    };
    // "Bristol West", "Leeds North West", "Cardiff Central": constituencies and districts.
    let compass = |w: &&str| lex.rules.set(Named::CompassDistricts).contains(w);
    let district = words.len() >= 2
        && words.len() <= 3
        && words.last().is_some_and(compass)
        && !words[0].chars().all(char::is_uppercase);
    district || words.last().is_some_and(geographic) || (words.len() == 2 && geographic(&words[0]))
}
