//! Parse repairs of who a clause's subject is.

use super::children_of;
use crate::extract::parse::{Deprel, Upos};

/// "Chinese ships used water cannon against a Philippine vessel, Manila said": the parser may
/// hang both subjects on the reporting verb, leaving the reported clause ("used") with no
/// one acting. A verb has one subject: when it has two, and a reported clause (`ccomp`,
/// `parataxis`) with no subject of its own stands between them, the first subject is that
/// clause's, provided only its own phrase and the clause's auxiliaries and adverbs come
/// between it and the clause's verb.
pub(super) fn a_second_subject_before_a_reported_clause_is_its_own(
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &[Deprel],
) {
    let n = heads.len();
    let children = children_of(heads);
    for h in 0..n {
        let mut subjects = children[h]
            .iter()
            .copied()
            .filter(|&k| deprels[k] == Deprel::NSUBJ);
        let (Some(first), Some(second)) = (subjects.next(), subjects.next()) else {
            continue;
        };
        let own_subject = |v: usize| {
            children[v].iter().any(|&k| {
                matches!(
                    deprels[k],
                    Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CSUBJ | Deprel::EXPL
                )
            })
        };
        let Some(verb) = children[h].iter().copied().find(|&v| {
            first < v
                && v < second
                && upos[v] == Upos::Verb
                && matches!(deprels[v], Deprel::CCOMP | Deprel::PARATAXIS)
                && !own_subject(v)
        }) else {
            continue;
        };
        let (_, phrase_end) = children.span(first);
        if phrase_end >= verb
            || (phrase_end + 1..verb).any(|k| {
                heads[k] != verb + 1 || !matches!(deprels[k], Deprel::AUX | Deprel::ADVMOD)
            })
        {
            continue;
        }
        heads[first] = verb + 1;
        return;
    }
}
