//! Parse repairs around named places: the phrases a place's name keeps, and an adjective
//! before a name that the parser reads as a verb (moved here from parsing.rs as it grew).

use super::{children_of, lower_case};
use crate::extract::events::patterns::ArgumentRules;
use crate::extract::parse::{Deprel, Upos};

/// "Fishermen marched in Lima against Peru", "met in Oslo with the minister": a phrase after a
/// place named as where something happened says more about the act than about the place. A
/// proper noun hanging from a verb by a place case keeps only its "of" phrases ("the town of
/// Arica") and its own places ("in Arica in northern Peru"); its other phrases go to the verb.
pub(super) fn a_named_place_has_no_phrases_of_its_own(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    // Its cue: a proper noun hung from a verb as an oblique.
    if !(0..heads.len()).any(|p| upos[p] == Upos::Propn && deprels[p] == Deprel::OBL) {
        return;
    }
    let children = children_of(heads);
    for p in 0..heads.len() {
        if upos[p] != Upos::Propn || deprels[p] != Deprel::OBL {
            continue;
        }
        let verb = heads[p];
        let in_place = children_of_case(&children[p], deprels, forms)
            .is_some_and(|case| rules.has("place_cases", &case));
        if !in_place {
            continue;
        }
        for &c in &children[p] {
            if deprels[c] != Deprel::NMOD || c < p {
                continue;
            }
            let case = children_of_case(&children[c], deprels, forms);
            if case.is_none_or(|case| case == "of" || rules.has("place_cases", &case)) {
                continue;
            }
            heads[c] = verb;
            deprels[c] = Deprel::OBL;
        }
    }
}

/// "Aid to neighbouring Chile", "troops from war-torn Chile": the parser reads an adjective
/// before a name as a verb, the preposition as its mark and the name as its object. An
/// adjective of the list `attributive_adjectives`, so read right after a preposition of
/// `target_cases`, `withdrawal_cases` or `place_cases`, becomes the name's modifier, the
/// preposition its case, and the name takes the adjective's place in the sentence.
pub(super) fn an_adjective_before_a_name_is_no_verb(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    for v in 1..heads.len().saturating_sub(1) {
        let (m, n) = (v - 1, v + 1);
        // The tags and relations first, the word list last.
        if upos[v] != Upos::Verb
            || upos[n] != Upos::Propn
            || heads[n] != v + 1
            || deprels[n] != Deprel::OBJ
            || heads[m] != v + 1
            || deprels[m] != Deprel::MARK
            || !rules.has("attributive_adjectives", &lower_case(forms[v]))
        {
            continue;
        }
        let case = lower_case(forms[m]);
        if !["target_cases", "withdrawal_cases", "place_cases"]
            .iter()
            .any(|list| rules.has(list, &case))
        {
            continue;
        }
        heads[n] = heads[v];
        deprels[n] = if matches!(deprels[v], Deprel::ACL | Deprel::ACL_RELCL) {
            Deprel::NMOD
        } else {
            Deprel::OBL
        };
        for (k, h) in heads.iter_mut().enumerate() {
            if k != n && *h == v + 1 {
                *h = n + 1;
            }
        }
        deprels[m] = Deprel::CASE;
        heads[v] = n + 1;
        deprels[v] = Deprel::AMOD;
        upos[v] = Upos::Adj;
    }
}

/// The lower-cased case word among `children`, if there is one.
fn children_of_case(children: &[usize], deprels: &[Deprel], forms: &[&str]) -> Option<String> {
    children
        .iter()
        .find(|&&k| deprels[k] == Deprel::CASE)
        .map(|&k| forms[k].to_lowercase())
}

/// "India banned imports from China", "halted shipments from Peru": a phrase of
/// `goods_origin_cases` right after an object that names goods on the move (`flow_nouns`) says
/// where they come from. The parser may hang it on the verb, where it reads as whom the act
/// keeps from something ("banned candidates from standing"); it becomes the object's.
pub(super) fn where_traded_goods_come_from_is_theirs(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    // Its cue: an oblique of one of those cases.
    let children = children_of(heads);
    for k in 0..heads.len() {
        if deprels[k] != Deprel::OBL || heads[k] == 0 {
            continue;
        }
        let verb = heads[k] - 1;
        if !children_of_case(&children[k], deprels, forms)
            .is_some_and(|case| rules.has("goods_origin_cases", &case))
        {
            continue;
        }
        let Some(&object) = children[verb]
            .iter()
            .rfind(|&&o| o < k && deprels[o] == Deprel::OBJ)
        else {
            continue;
        };
        if children[verb].iter().any(|&c| c > object && c < k)
            || !rules.has("flow_nouns", &lower_case(forms[object]))
        {
            continue;
        }
        heads[k] = object + 1;
        deprels[k] = Deprel::NMOD;
    }
}
