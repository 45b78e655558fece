//! Whose forces an order is given to. "Norway ordered its troops to withdraw" is Norway's own
//! withdrawal, and the order no demand on anyone; "Mali ordered French troops to leave" is a
//! demand on France. A sense rule that drops orders to forces (`unless_foreign_object`) holds
//! only when no object of the order belongs to a country other than its subject's.

use std::collections::BTreeMap;

use super::reading::Tree;
use crate::extract::actors::Hit;
use crate::extract::groups;

/// The country key of each parse word that names an actor: a country itself, a group of one
/// ("Kenyan troops"), or a person or body the article ties to one (`affiliations`). `names`
/// gives each word's index into `hits`, the sentence's actors.
pub(super) fn word_countries<'h>(
    names: &[Option<usize>],
    hits: &[&'h Hit],
    affiliations: &'h BTreeMap<String, String>,
) -> Vec<Option<String>> {
    names
        .iter()
        .map(|n| {
            let key = &hits.get((*n)?)?.key;
            if key.starts_with("country:") {
                Some(key.clone())
            } else {
                groups::country_of(key).or_else(|| affiliations.get(key).cloned())
            }
        })
        .collect()
}

/// The country word `x` names, or that qualifies it ("French troops", "Peru's navy", "the
/// Malian junta").
fn country_at<'c>(tree: &Tree<'_>, x: usize, countries: &'c [Option<String>]) -> Option<&'c str> {
    if let Some(c) = countries.get(x).and_then(Option::as_deref) {
        return Some(c);
    }
    tree.children_named(x, &["amod", "compound", "nmod:poss", "nmod"])
        .find_map(|k| countries.get(k).and_then(Option::as_deref))
}

/// Whether an object of trigger `w` belongs to a country, and its subject (or the subject of
/// the verb it is conjoined to) to another: "Mali ordered French troops to leave".
pub(super) fn object_of_another_country(
    tree: &Tree<'_>,
    w: usize,
    countries: &[Option<String>],
) -> bool {
    let subject = tree.children_named(w, &["nsubj"]).next().or_else(|| {
        let word = &tree.parse.words[w];
        (word.deprel.name() == "conj")
            .then_some(word.head)
            .flatten()
            .filter(|&h| h < tree.lower.len())
            .and_then(|h| tree.children_named(h, &["nsubj"]).next())
    });
    let Some(own) = subject.and_then(|s| country_at(tree, s, countries)) else {
        return false;
    };
    tree.children_named(w, &["obj"])
        .any(|o| country_at(tree, o, countries).is_some_and(|c| c != own))
}
