//! A clause in the subjunctive under a verb of insisting: "insisted that Peru withdraw its
//! troops" bids Peru act (a demand), where "insisted that the plan was fair" or "insisted
//! Peru would win" states something. English shows the subjunctive only in the bare form
//! of the verb with a singular subject ("Peru withdraw", not "Peru withdraws" or "Peru
//! withdrew") or in a bare "be" ("that the prisoners be released").

use std::collections::HashSet;

use super::reading::Tree;
use crate::extract::parse::Upos;

/// Whether a clause under `w` (a `ccomp`) is in the subjunctive: a verb with no auxiliary but
/// a bare passive "be", whose subject is a singular name, a singular common noun or one of
/// `pronouns` (he, she, it), and whose form is bare (not "-s", not "-ed", not one of
/// `past_forms`); or a clause whose auxiliary is a bare "be" ("that the prisoners be
/// released").
pub(super) fn has_subjunctive_clause(
    tree: &Tree<'_>,
    w: usize,
    past_forms: &HashSet<String>,
    pronouns: &HashSet<String>,
) -> bool {
    tree.children[w].iter().any(|&c| {
        if tree.parse.words[c].deprel.name() != "ccomp" || tree.pos(c) != Upos::Verb {
            return false;
        }
        let rel = |k: usize| tree.parse.words[k].deprel.name();
        let auxiliaries: Vec<usize> = tree.children[c]
            .iter()
            .copied()
            .filter(|&k| matches!(rel(k), "aux" | "aux:pass" | "cop"))
            .collect();
        if !auxiliaries.is_empty() {
            // "that the prisoners be released": one bare "be" and nothing else.
            return auxiliaries.len() == 1 && tree.lower[auxiliaries[0]] == "be";
        }
        let Some(subject) = tree.children[c]
            .iter()
            .copied()
            .find(|&k| matches!(rel(k), "nsubj" | "nsubj:pass"))
        else {
            return false;
        };
        let s = &*tree.lower[subject];
        let singular = match tree.pos(subject) {
            Upos::Propn => true,
            Upos::Noun => !s.ends_with('s') || s.ends_with("ss"),
            Upos::Pron => pronouns.contains(s),
            _ => false,
        };
        let v = &*tree.lower[c];
        let third_person = v.ends_with('s') && !v.ends_with("ss");
        let bare = !(third_person || v.ends_with("ed") || past_forms.contains(v));
        singular && bare
    })
}
