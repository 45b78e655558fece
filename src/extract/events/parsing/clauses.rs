//! Parse repairs: clauses the parser joins to the wrong verb, and lists it reads as clauses.

use std::borrow::Cow;

use super::{children_of, list_test};
use crate::extract::events::patterns::ArgumentRules;
use crate::extract::parse::ud_words::UdWord;
use crate::extract::parse::{Deprel, Upos};

/// "Ana Ruiz said Norway would send aid to Peru and condemned Chile": the parser joins the
/// past form after "and" to the verb under the modal, so that Norway condemns. A verb under a
/// modal ("would", "will", "should", "could": the lists `future_modals`,
/// `hypothetical_modals`, `obligation_modals`, `doubtful_modals`) is in its plain form, and
/// a past form ("-ed") with no subject or auxiliary of its own cannot share them: it goes
/// with the verb whose content that clause is, and shares that verb's subject. A verb under
/// "would have" or a passive ("should have been attached and demanded") is left alone.
/// `heads` are 1-based, 0 the root.
pub(super) fn a_past_form_after_a_modal_clause_joins_the_verb_above(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::CONJ) || !deprels.contains(&Deprel::CCOMP) {
        return;
    }
    let modal_lists = [
        list_test(rules, "future_modals"),
        list_test(rules, "hypothetical_modals"),
        list_test(rules, "obligation_modals"),
        list_test(rules, "doubtful_modals"),
    ];
    let modal = |w: &str| modal_lists.iter().any(|l| l(w));
    let children = children_of(heads);
    for v in 0..forms.len() {
        if deprels[v] != Deprel::CONJ
            || upos[v] != Upos::Verb
            || !forms[v].to_lowercase().ends_with("ed")
            || heads[v] == 0
        {
            continue;
        }
        let u = heads[v] - 1;
        if u >= v || deprels[u] != Deprel::CCOMP || heads[u] == 0 || forms[u].ends_with("ed") {
            continue;
        }
        let above = heads[u] - 1;
        if upos[above] != Upos::Verb {
            continue;
        }
        // The clause's auxiliaries are modals only (no "have", no "be"), and the past form
        // has none, nor a subject, of its own.
        let auxiliaries: Vec<usize> = children[u]
            .iter()
            .copied()
            .filter(|&k| matches!(deprels[k], Deprel::AUX | Deprel::AUX_PASS))
            .collect();
        if auxiliaries.is_empty()
            || !auxiliaries
                .iter()
                .all(|&k| deprels[k] == Deprel::AUX && modal(&forms[k].to_lowercase()))
            || children[v].iter().any(|&k| {
                matches!(
                    deprels[k],
                    Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::AUX | Deprel::AUX_PASS
                )
            })
        {
            continue;
        }
        heads[v] = above + 1;
    }
}

/// "The US, Russia, and Switzerland met": a serial comma before the last of three or more
/// names makes the parser read the verb as an apposition; the list is read without it.
pub(super) fn hide_serial_commas(
    ud: &[UdWord],
    lower: &[Cow<'_, str>],
    in_name: &dyn Fn(&UdWord) -> bool,
    hidden: &mut [bool],
) {
    let names_around =
        |k: usize| k > 0 && k + 1 < ud.len() && in_name(&ud[k - 1]) && in_name(&ud[k + 1]);
    for k in 1..ud.len().saturating_sub(2) {
        if lower[k] == ","
            && matches!(lower[k + 1].as_ref(), "and" | "or")
            && in_name(&ud[k - 1])
            && in_name(&ud[k + 2])
            && (0..k).any(|j| lower[j] == "," && names_around(j))
        {
            hidden[k] = true;
        }
    }
}

/// "10 Russian soldiers killed in Ukraine", "Three hostages freed": in headlines and captions
/// a past form of harm or release (`suffered_past_forms`) heading a clause with people for
/// its subject and no object or auxiliary is a passive with "were" left out; the parser
/// reads the victims as the ones who killed. Their subject becomes the passive subject.
/// `heads` are 1-based, 0 the root.
pub(super) fn a_harm_done_to_people_without_its_auxiliary_is_passive(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &[usize],
    deprels: &mut [Deprel],
) {
    let suffered = list_test(rules, "suffered_past_forms");
    let children = children_of(heads);
    for v in 0..forms.len() {
        if upos[v] != Upos::Verb
            || !matches!(deprels[v], Deprel::ROOT | Deprel::PARATAXIS | Deprel::CONJ)
            || !suffered(&forms[v].to_lowercase())
        {
            continue;
        }
        let has = |rels: &[Deprel]| children[v].iter().any(|&k| rels.contains(&deprels[k]));
        if has(&[
            Deprel::OBJ,
            Deprel::IOBJ,
            Deprel::AUX,
            Deprel::AUX_PASS,
            Deprel::NSUBJ_PASS,
            Deprel::CCOMP,
            Deprel::XCOMP,
        ]) {
            continue;
        }
        // The subject: common nouns (people), before the verb.
        let Some(&s) = children[v]
            .iter()
            .find(|&&k| deprels[k] == Deprel::NSUBJ && k < v)
        else {
            continue;
        };
        if upos[s] == Upos::Noun {
            deprels[s] = Deprel::NSUBJ_PASS;
        }
    }
}
