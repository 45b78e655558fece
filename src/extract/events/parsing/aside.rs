//! Parse repairs: a relative clause after a comma describes the noun before it, the subject
//! named before an aside set off by commas is the subject of the verb after it, and the one
//! who told it at the end of a sentence is the subject of the telling.

use super::{list_test, lower_case};
use crate::extract::events::patterns::ArgumentRules;
use crate::extract::parse::{Deprel, Upos};

/// "Ana Ruiz, a former minister, warned ...", "the day after Ana Ruiz, a former minister,
/// warned ...", "Ana Ruiz, who quit last year, backed ...": a name right before an aside
/// between commas (a phrase with no verb, or a relative clause) is the subject of the verb
/// right after the aside when that verb has none. The parser often hangs the name elsewhere
/// (an oblique of the clause before, an apposition of the noun before, an address) and the
/// verb as a conjunct. A word that introduced the name as a clause ("as", "after":
/// `aside_subject_marks`) then introduces the verb's clause. `heads` are 1-based, 0 the root.
pub(super) fn a_name_before_an_aside_is_the_subject_after_it(
    rules: &ArgumentRules,
    forms: &[&str],
    names: &[Option<usize>],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    if n < 6 || !forms.contains(&",") {
        return;
    }
    let marks = list_test(rules, "aside_subject_marks");
    let relative = list_test(rules, "reflexive_or_relative");
    let people_relative = list_test(rules, "people_relatives");
    let reporting = list_test(rules, "reporting_verbs");
    for v in 4..n {
        if upos[v] != Upos::Verb || forms[v].ends_with("ing") {
            continue;
        }
        let Some(close) = closing_comma(forms, upos, heads, v) else {
            continue;
        };
        // The comma that opens the aside, and the name before it.
        let Some(open) = (v.saturating_sub(16)..close)
            .rev()
            .find(|&k| forms[k] == ",")
        else {
            continue;
        };
        let aside = open + 1..close;
        if aside.is_empty() || open == 0 {
            continue;
        }
        let has_subject = (0..n).any(|k| {
            heads[k] == v + 1
                && !aside.contains(&k)
                && matches!(
                    deprels[k],
                    Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CSUBJ | Deprel::EXPL
                )
        });
        if has_subject {
            continue;
        }
        let name = open - 1;
        let first = lower_case(forms[aside.start]);
        let is_relative = relative(&first) && first != "that";
        let phrase = aside
            .clone()
            .all(|k| !matches!(upos[k], Upos::Verb | Upos::Aux));
        // "officials said", "diplomats say": who told it, set in the middle of the sentence.
        let attribution = aside.len() <= 6
            && upos[close - 1] == Upos::Verb
            && reporting(&lower_case(forms[close - 1]));
        // Past auxiliaries only after an attribution: after another aside the parser's
        // subject is often right elsewhere ("Officials at the house, Chevening, will plan").
        if close + 1 < v && !attribution {
            continue;
        }
        // "The MP, who was expelled last year, accused …": before a relative of people any
        // noun is the one described, named or not. A name, or a noun whose phrase holds a
        // name right before it ("the Peruvian government, which has long opposed the plan,
        // condemned ...").
        let described = names[name].is_some()
            || people_relative(&first) && matches!(upos[name], Upos::Propn | Upos::Noun)
            || upos[name] == Upos::Noun && name > 0 && names[name - 1].is_some();
        // (A subject already, unless of the aside's own verb: the parser then made the
        // relative clause the main one.)
        let subject_of_aside = deprels[name] == Deprel::NSUBJ
            && heads[name]
                .checked_sub(1)
                .is_some_and(|h| aside.contains(&h));
        if !described
            || !(is_relative || phrase || attribution)
            || !subject_of_aside
                && matches!(
                    deprels[name],
                    Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CONJ | Deprel::FLAT
                )
        {
            continue;
        }
        // Only a clause's opening word may stand before the name ("after Ana Ruiz"); a
        // preposition makes it a phrase of its own ("in an interview with Ana Ruiz").
        let cases: Vec<usize> = (0..n)
            .filter(|&k| heads[k] == name + 1 && deprels[k] == Deprel::CASE)
            .collect();
        if cases.iter().any(|&c| !marks(&lower_case(forms[c]))) {
            continue;
        }
        // The aside's own head: its one word hung from outside it.
        let tops: Vec<usize> = aside
            .clone()
            .filter(|&k| !aside.contains(&(heads[k].wrapping_sub(1))))
            .collect();
        let [top] = tops.as_slice() else {
            continue;
        };
        let (saved_heads, saved_deprels) = (heads.to_vec(), deprels.to_vec());
        // The verb leaves the name and the aside if it hung there: it takes the first head
        // above them, or becomes the root.
        let inside = |k: usize| k == name || aside.contains(&k);
        let mut up = heads[v];
        let mut steps = 0;
        while up != 0 && inside(up - 1) && steps < n {
            up = heads[up - 1];
            steps += 1;
        }
        if up != heads[v] {
            heads[v] = up;
            if up == 0 {
                deprels[v] = Deprel::ROOT;
            }
        }
        if !cases.is_empty() && up != 0 {
            deprels[v] = Deprel::ADVCL;
        }
        for &c in &cases {
            heads[c] = v + 1;
            deprels[c] = Deprel::MARK;
        }
        // "if Hamas, which opposes the treaty, ran": a marker before the name that the
        // parser gave the aside's verb opens the verb's clause.
        for k in 0..name {
            if heads[k] == top + 1 && deprels[k] == Deprel::MARK {
                heads[k] = v + 1;
            }
        }
        heads[name] = v + 1;
        deprels[name] = Deprel::NSUBJ;
        if attribution {
            heads[*top] = v + 1;
            deprels[*top] = Deprel::PARATAXIS;
        } else if heads[*top] != name + 1 {
            heads[*top] = name + 1;
            deprels[*top] = if is_relative {
                Deprel::ACL_RELCL
            } else {
                Deprel::APPOS
            };
        }
        if !is_tree(heads) {
            heads.copy_from_slice(&saved_heads);
            deprels.copy_from_slice(&saved_deprels);
        }
    }
}

/// The comma that closes an aside before verb `v`: right before the verb, or before its
/// auxiliaries (allowed only when the aside says who told it: "The Philippines, officials
/// said, has called on China"). `heads` are 1-based.
fn closing_comma(forms: &[&str], upos: &[Upos], heads: &[usize], v: usize) -> Option<usize> {
    let mut close = v - 1;
    while close > 0 && upos[close] == Upos::Aux && heads[close] == v + 1 {
        close -= 1;
    }
    (forms[close] == ",").then_some(close)
}

/// "Ana Ruiz, who backs the plan, said ...", "The minister, who quit last year, wants ...": a
/// relative pronoun of people (`people_relatives`) right after a noun and a comma opens a
/// clause that describes that noun; so does one of `name_relatives` ("which") right after a
/// name and a comma ("Chile, which accuses Peru of ..., said"). The parser often hangs that clause's verb elsewhere (as
/// the content of the main verb, or as a clause of its own beside the noun); it becomes a
/// relative clause of the noun, unless the noun is inside a phrase of a preposition ("the
/// leader of the party, who …" may describe the leader) or the tree would break. `heads` are
/// 1-based, 0 the root.
pub(super) fn a_relative_after_a_comma_describes_the_noun_before(
    rules: &ArgumentRules,
    forms: &[&str],
    names: &[Option<usize>],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    if n < 4 || !forms.contains(&",") {
        return;
    }
    let people_relative = list_test(rules, "people_relatives");
    let name_relative = list_test(rules, "name_relatives");
    for k in 2..n {
        if forms[k - 1] != "," {
            continue;
        }
        let noun = k - 2;
        let relative = lower_case(forms[k]);
        let described =
            people_relative(&relative) || names[noun].is_some() && name_relative(&relative);
        if !described {
            continue;
        }
        let verb = heads[k].wrapping_sub(1);
        if !matches!(upos[noun], Upos::Propn | Upos::Noun)
            || !matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::OBJ)
            || verb >= n
            || verb <= k
            || heads[verb] == 0
            || (0..n).any(|c| heads[c] == noun + 1 && deprels[c] == Deprel::CASE)
            || (heads[verb] == noun + 1 && deprels[verb] == Deprel::ACL_RELCL)
        {
            continue;
        }
        let (head, deprel) = (heads[verb], deprels[verb]);
        heads[verb] = noun + 1;
        deprels[verb] = Deprel::ACL_RELCL;
        if !is_tree(heads) {
            heads[verb] = head;
            deprels[verb] = deprel;
        }
    }
}

/// "Chile expelled a Peruvian diplomat from the embassy, Lima said": the parser reads the
/// object of the reported clause as the subject of the telling verb (`reporting_verbs`) at the
/// end, and the name between the comma and that verb as an apposition of the object, so the
/// expulsion has no one expelled and the diplomat tells it. A telling verb whose subject
/// comes after a reported clause hung from it (with a subject and no object of its own), with
/// a comma and a noun right before the verb hung inside the subject's phrase: the subject is
/// the reported verb's object, and the noun after the comma the telling verb's subject.
/// `heads` are 1-based, 0 the root.
pub(super) fn an_object_before_who_told_it_is_no_subject_of_the_telling(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    if n < 6 || !forms.contains(&",") {
        return;
    }
    let reporting = list_test(rules, "reporting_verbs");
    for say in 3..n {
        if upos[say] != Upos::Verb || forms[say - 2] != "," || !reporting(&lower_case(forms[say])) {
            continue;
        }
        let teller = say - 1;
        if !matches!(upos[teller], Upos::Propn | Upos::Noun) || deprels[teller] != Deprel::APPOS {
            continue;
        }
        let Some(subject) = (0..say).find(|&k| heads[k] == say + 1 && deprels[k] == Deprel::NSUBJ)
        else {
            continue;
        };
        // The teller hangs inside the subject's phrase.
        let mut up = heads[teller];
        let mut steps = 0;
        while up != 0 && up - 1 != subject && steps < n {
            up = heads[up - 1];
            steps += 1;
        }
        if up != subject + 1 {
            continue;
        }
        let Some(reported) = (0..subject).find(|&k| {
            heads[k] == say + 1
                && deprels[k] == Deprel::CCOMP
                && upos[k] == Upos::Verb
                && (0..n).any(|c| heads[c] == k + 1 && deprels[c] == Deprel::NSUBJ)
                && !(0..n).any(|c| heads[c] == k + 1 && deprels[c] == Deprel::OBJ)
        }) else {
            continue;
        };
        let (saved_heads, saved_deprels) = (heads.to_vec(), deprels.to_vec());
        heads[subject] = reported + 1;
        deprels[subject] = Deprel::OBJ;
        heads[teller] = say + 1;
        deprels[teller] = Deprel::NSUBJ;
        heads[say - 2] = say + 1;
        if !is_tree(heads) {
            heads.copy_from_slice(&saved_heads);
            deprels.copy_from_slice(&saved_deprels);
        }
    }
}

/// Whether `heads` (1-based, 0 the root) have exactly one root and no cycle.
fn is_tree(heads: &[usize]) -> bool {
    if heads.iter().filter(|&&h| h == 0).count() != 1 {
        return false;
    }
    (0..heads.len()).all(|start| {
        let mut at = start;
        for _ in 0..=heads.len() {
            match heads[at] {
                0 => return true,
                h => at = h - 1,
            }
        }
        false
    })
}
