//! Parse repairs: the two objects of a verb of giving ("offered the Chilean government a
//! loan"), which the parser, having seen few such sentences with a common noun first, reads
//! as one noun phrase, a noun and its complement, or two conjuncts.

use super::{children_of, lower_case};
use crate::extract::events::patterns::ArgumentRules;
use crate::extract::parse::{Deprel, Upos};

/// The end (exclusive) of the run of modifiers and nouns from `k`, and the last noun in it.
fn noun_run(upos: &[Upos], mut k: usize) -> (usize, Option<usize>) {
    let mut noun = None;
    while k < upos.len() && matches!(upos[k], Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn) {
        // A number or an adjective after a noun opens the next phrase ("the navy two patrol
        // boats", "the army new helicopters").
        if matches!(upos[k], Upos::Num | Upos::Adj) && noun.is_some() {
            break;
        }
        if matches!(upos[k], Upos::Noun | Upos::Propn) {
            noun = Some(k);
        }
        k += 1;
    }
    (k, noun)
}

/// The relation a word inside a noun phrase takes to the phrase's noun.
fn inner_relation(upos: Upos) -> Deprel {
    match upos {
        Upos::Det => Deprel::DET,
        Upos::Pron => Deprel::NMOD_POSS,
        Upos::Adj => Deprel::AMOD,
        Upos::Num => Deprel::NUMMOD,
        _ => Deprel::COMPOUND,
    }
}

/// "Norway offered the Chilean government a loan", "sent the navy two patrol boats": a verb of
/// `double_object_verbs` followed at once by a noun phrase opened by a determiner or a
/// possessive, or by a name, and right after its noun by a second one opened by a determiner, a possessive
/// (`double_object_openers`), a number or an adjective, has two objects: the first is whom
/// it is given to (`iobj`), the second what (`obj`). A second phrase that is a span of time
/// ("sent the troops two days ago", `time_spans`) is no object.
pub(super) fn two_noun_phrases_after_a_giving_verb_are_its_objects(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    let opens = |k: usize, second: bool| {
        k < n
            && (matches!(upos[k], Upos::Det | Upos::Pron)
                && (rules.has("double_object_openers", &lower_case(forms[k]))
                    || rules.has("possessive_pronouns", &lower_case(forms[k])))
                || second && matches!(upos[k], Upos::Num | Upos::Adj))
    };
    for v in 0..n.saturating_sub(2) {
        if upos[v] != Upos::Verb || !rules.has("double_object_verbs", &lower_case(forms[v])) {
            continue;
        }
        // The first phrase: opened by a determiner or a possessive, or a name alone ("gave
        // Chile full support").
        let (end1, first) = if opens(v + 1, false) {
            noun_run(upos, v + 2)
        } else if upos[v + 1] == Upos::Propn {
            (v + 2, Some(v + 1))
        } else {
            continue;
        };
        let Some(n1) = first else {
            continue;
        };
        let start2 = n1 + 1;
        // The first phrase ends with its noun, and the second starts right after it.
        if end1 != start2 || !opens(start2, true) {
            continue;
        }
        let first_inner = if matches!(upos[start2], Upos::Num | Upos::Adj) {
            start2
        } else {
            start2 + 1
        };
        let (end2, Some(n2)) = noun_run(upos, first_inner) else {
            continue;
        };
        let after = forms.get(end2).map(|f| lower_case(f));
        if rules.has("time_spans", &lower_case(forms[n2])) || after.as_deref() == Some("ago") {
            continue;
        }
        // Already read so, or the verb hangs inside the phrases (no tree to mend).
        if heads[n1] == v + 1 && deprels[n1] == Deprel::IOBJ && heads[n2] == v + 1 {
            continue;
        }
        if (v + 1..end2).contains(&heads[v].wrapping_sub(1)) {
            continue;
        }
        // Whatever hung from the phrases' other words from outside them stays with them.
        let children = children_of(heads);
        let outside = (v + 1..end2)
            .filter(|&k| k != n1 && k != n2)
            .any(|k| children[k].iter().any(|&c| !(v + 1..end2).contains(&c)));
        if outside {
            continue;
        }
        for (range, noun, rel) in [(v + 1..n1, n1, Deprel::IOBJ), (start2..n2, n2, Deprel::OBJ)] {
            for k in range {
                heads[k] = noun + 1;
                deprels[k] = inner_relation(upos[k]);
            }
            heads[noun] = v + 1;
            deprels[noun] = rel;
        }
        return;
    }
}

/// "offered his congratulations, as did X", "I give you this promise - with Labour, ...": an
/// indirect object comes before the object, and no preposition introduces it. One after its
/// verb's object is the parser's mistake: with a preposition it is an oblique, without one a
/// word hung there for want of a better place (`dep`), so that nothing reads it as whom the
/// verb gives to.
pub(super) fn an_indirect_object_after_the_object_is_none(
    upos: &[Upos],
    heads: &[usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::IOBJ) {
        return;
    }
    let children = children_of(heads);
    for k in 0..heads.len() {
        if deprels[k] != Deprel::IOBJ {
            continue;
        }
        let Some(v) = heads[k].checked_sub(1) else {
            continue;
        };
        let cased = children[k].iter().any(|&c| deprels[c] == Deprel::CASE);
        let after_object = children[v]
            .iter()
            .any(|&o| o < k && deprels[o] == Deprel::OBJ && upos[o] != Upos::Pron);
        if cased {
            deprels[k] = Deprel::OBL;
        } else if after_object {
            deprels[k] = Deprel::DEP;
        }
    }
}
