//! Parse repairs: clauses the parser joins to the wrong verb, and lists it reads as clauses.

use std::borrow::Cow;

use super::{children_of, list_test, lower_case, reaches_the_root};
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
            || !lower_case(forms[v]).ends_with("ed")
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
                .all(|&k| deprels[k] == Deprel::AUX && modal(&lower_case(forms[k])))
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
    let candidate = |v: usize| {
        upos[v] == Upos::Verb
            && matches!(deprels[v], Deprel::ROOT | Deprel::PARATAXIS | Deprel::CONJ)
            && suffered(&lower_case(forms[v]))
    };
    if !(0..forms.len()).any(candidate) {
        return;
    }
    let children = children_of(heads);
    for v in 0..forms.len() {
        if upos[v] != Upos::Verb
            || !matches!(deprels[v], Deprel::ROOT | Deprel::PARATAXIS | Deprel::CONJ)
            || !suffered(&lower_case(forms[v]))
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

/// "Milburn denied the party was trying to hide him": the parser makes "the party" the object
/// of "denied" and leaves the reported clause after it with no subject. When a verb that
/// reports or denies (`reporting_verbs`, `denying_verbs`) has an object followed at once by a
/// finite clause of its own (an auxiliary or copula, no subject, no "to"), the object is that
/// clause's subject.
pub(super) fn an_object_before_a_clause_without_subject_is_its_subject(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::CCOMP)
        && !deprels.contains(&Deprel::ADVCL)
        && !deprels.contains(&Deprel::CONJ)
    {
        return;
    }
    let reports = list_test(rules, "reporting_verbs");
    let denies = list_test(rules, "denying_verbs");
    let children = children_of(heads);
    // The last word of each word's subtree.
    let last = |w: usize| children.span(w).1;
    let mut moves = Vec::new();
    for (verb, kids) in children.iter().enumerate() {
        let Some(object) = kids.iter().copied().find(|&k| deprels[k] == Deprel::OBJ) else {
            continue;
        };
        // The verb's cue first: it reports or denies.
        let lower = lower_case(forms[verb]);
        if !reports(&lower) && !denies(&lower) {
            continue;
        }
        // (A clause with no marker hung as an adverbial one is a reported clause too; so is
        // one the parser coordinated with a clause higher up, with no "and" of its own:
        // "suggested it would demand a response".)
        let after = last(object) + 1;
        let Some(clause) = kids
            .iter()
            .copied()
            .find(|&k| {
                k > object
                    && (deprels[k] == Deprel::CCOMP
                        || deprels[k] == Deprel::ADVCL
                            && !children[k].iter().any(|&m| deprels[m] == Deprel::MARK))
            })
            .or_else(|| {
                (after..heads.len()).find(|&k| {
                    deprels[k] == Deprel::CONJ
                        && children[k].iter().copied().min().unwrap_or(k) == after
                        && !children[k].iter().any(|&m| deprels[m] == Deprel::CC)
                })
            })
        else {
            continue;
        };
        let own = &children[clause];
        let subjectless = !own.iter().any(|&k| {
            matches!(
                deprels[k],
                Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CSUBJ | Deprel::EXPL
            ) || deprels[k] == Deprel::MARK && forms[k].eq_ignore_ascii_case("to")
        });
        let finite = own
            .iter()
            .any(|&k| matches!(deprels[k], Deprel::AUX | Deprel::AUX_PASS | Deprel::COP));
        let first = own.iter().copied().chain([clause]).min().unwrap_or(clause);
        if subjectless && finite && first == last(object) + 1 {
            moves.push((verb, object, clause));
        }
    }
    for (verb, object, clause) in moves {
        heads[object] = clause + 1;
        deprels[object] = Deprel::NSUBJ;
        heads[clause] = verb + 1;
        deprels[clause] = Deprel::CCOMP;
    }
}

/// "Ana Ruiz accused Ravi Menon of using 'fancy figures'", "accused the three men of being
/// 'deeply involved'": the parser makes the accused the subject of the clause after "of",
/// leaving the verb with no object. A subject that stands before the marker of its own
/// clause (`object_clause_marks`: "of"), right after the verb above that has no object, is
/// that verb's object; the clause stays the verb's.
pub(super) fn a_subject_before_the_marker_of_its_clause_is_the_object_above(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels
        .iter()
        .any(|d| matches!(*d, Deprel::ADVCL | Deprel::CCOMP | Deprel::ACL))
    {
        return;
    }
    let marks = list_test(rules, "object_clause_marks");
    let children = children_of(heads);
    let last = |w: usize| children.span(w).1;
    let mut moves = Vec::new();
    for clause in 0..heads.len() {
        if heads[clause] == 0
            || !matches!(deprels[clause], Deprel::ADVCL | Deprel::CCOMP | Deprel::ACL)
        {
            continue;
        }
        let verb = heads[clause] - 1;
        let Some(subject) = children[clause]
            .iter()
            .copied()
            .find(|&k| matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS))
        else {
            continue;
        };
        // The verb above comes before the subject (tested again below, with the rest).
        if upos[verb] != Upos::Verb || subject <= verb {
            continue;
        }
        let mark = last(subject) + 1;
        if mark >= clause {
            continue;
        }
        // The marker is the clause's, on it or on a word of it ("of being involved").
        let on_clause =
            heads[mark] == clause + 1 || heads[mark] > 0 && heads[heads[mark] - 1] == clause + 1;
        let first = children[verb]
            .iter()
            .copied()
            .filter(|&k| k > verb && deprels[k] != Deprel::PUNCT)
            .min();
        if marks(&lower_case(forms[mark]))
            && on_clause
            && upos[verb] == Upos::Verb
            && first.is_some_and(|f| f == subject || f == clause)
            && subject > verb
            && !children[verb].iter().any(|&k| deprels[k] == Deprel::OBJ)
        {
            moves.push((verb, subject));
        }
    }
    for (verb, subject) in moves {
        heads[subject] = verb + 1;
        deprels[subject] = Deprel::OBJ;
    }
}

/// "Mamdouh Habib, previously accused of terrorist offences, will be released": a past form
/// set off by commas right after a name or noun phrase is a participle describing it, a
/// passive with "who was" left out, but the parser reads the phrase as the verb's active
/// subject, so that Habib accuses. When a past form ("-ed") with no auxiliary, object or
/// passive subject has a subject before it from which only one comma and adverbs part it,
/// and a comma closes the verb's own phrase, the subject becomes the passive subject. "Peru,
/// meanwhile, accused Chile" (two commas) and "Peru accused Chile" are left alone.
/// `heads` are 1-based, 0 the root.
pub(super) fn a_past_form_set_off_after_its_subject_is_passive(
    forms: &[&str],
    upos: &[Upos],
    heads: &[usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    // Only with a comma, and a past form after it.
    let Some(comma) = forms.iter().position(|f| *f == ",") else {
        return;
    };
    if !(comma..n).any(|v| upos[v] == Upos::Verb && forms[v].ends_with("ed")) {
        return;
    }
    let children = children_of(heads);
    // Whether `k` is `v` or hangs under it.
    let under = |mut k: usize, v: usize| {
        for _ in 0..n {
            if k == v {
                return true;
            }
            match heads[k].checked_sub(1).filter(|&h| h < n) {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    };
    for v in 0..n {
        if upos[v] != Upos::Verb || !lower_case(forms[v]).ends_with("ed") {
            continue;
        }
        if children[v].iter().any(|&k| {
            matches!(
                deprels[k],
                Deprel::OBJ | Deprel::IOBJ | Deprel::AUX | Deprel::AUX_PASS | Deprel::NSUBJ_PASS
            )
        }) {
            continue;
        }
        let Some(&s) = children[v]
            .iter()
            .find(|&&k| deprels[k] == Deprel::NSUBJ && k < v)
        else {
            continue;
        };
        let set_off = s + 1 < v && forms[s + 1] == "," && (s + 2..v).all(|k| upos[k] == Upos::Adv);
        // The phrase is closed by a comma: the first word after the verb that is not under
        // it is one.
        let closed = (v + 1..n)
            .find(|&k| !under(k, v) || forms[k] == ",")
            .is_some_and(|k| forms[k] == ",");
        if set_off && closed {
            deprels[s] = Deprel::NSUBJ_PASS;
        }
    }
}

/// "The spokesman rejected the claims, saying: "Lord Hale made it clear …"": the parser hangs
/// the quotation on the main verb, so the quoted subject becomes what was rejected. A clause
/// whose first word follows a colon (and opening quotation marks) right after a verb of
/// saying (`reporting_verbs`) that is itself a dependent clause belongs to that verb.
pub(super) fn a_quotation_after_a_colon_belongs_to_the_saying_before_it(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(colon) = forms.iter().position(|f| *f == ":") else {
        return;
    };
    if colon == 0 {
        return;
    }
    let saying = colon - 1;
    let reports = list_test(rules, "reporting_verbs");
    if !reports(&lower_case(forms[saying]))
        || heads[saying] == 0
        || !matches!(
            deprels[saying],
            Deprel::ACL | Deprel::ADVCL | Deprel::XCOMP | Deprel::CONJ
        )
    {
        return;
    }
    let mut first = colon + 1;
    while first < forms.len() && matches!(forms[first], "\"" | "“" | "'" | "‘") {
        first += 1;
    }
    let children = children_of(heads);
    let start = |w: usize| children.span(w).0;
    let Some(clause) = (first..forms.len()).find(|&k| {
        heads[k] > 0
            && heads[k] - 1 < saying
            && matches!(deprels[k], Deprel::CCOMP | Deprel::PARATAXIS | Deprel::CONJ)
            && (colon..=first).contains(&start(k))
    }) else {
        return;
    };
    heads[clause] = saying + 1;
    deprels[clause] = Deprel::CCOMP;
}

/// "Fox opened the forum with an attack on Labour's record and party leader Michael Howard is
/// due to speak later": the parser joins the noun after "and" to the noun before it, and the
/// clause after that noun to the main verb with no subject, so that Howard is attacked. A
/// finite clause (with an auxiliary or a copula of its own) joined to a verb with no subject,
/// no "and" of its own and starting right after a noun conjunct that has the "and" and hangs
/// below that same verb, has that noun as its subject: the noun and its "and" move to it.
pub(super) fn a_conjoined_noun_before_a_clause_without_subject_is_its_subject(
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if deprels.iter().filter(|&&d| d == Deprel::CONJ).count() < 2 {
        return;
    }
    let children = children_of(heads);
    let first = |w: usize| children[w].iter().copied().chain([w]).min().unwrap_or(w);
    let last = |w: usize| children.span(w).1;
    let mut moves = Vec::new();
    for noun in 0..heads.len() {
        if deprels[noun] != Deprel::CONJ || !matches!(upos[noun], Upos::Noun | Upos::Propn) {
            continue;
        }
        let Some(and) = children[noun]
            .iter()
            .copied()
            .find(|&k| k < noun && deprels[k] == Deprel::CC)
        else {
            continue;
        };
        let after = last(noun) + 1;
        let Some(clause) = (after..heads.len())
            .find(|&k| deprels[k] == Deprel::CONJ && first(k) == after && heads[k] > 0)
        else {
            continue;
        };
        let verb = heads[clause] - 1;
        let own = &children[clause];
        // (An infinitive after "due" or "likely" that the parser made a clausal subject is
        // no subject: "is due to speak".)
        let subjectless = !own.iter().any(|&k| {
            matches!(
                deprels[k],
                Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::EXPL | Deprel::CC
            ) || deprels[k] == Deprel::CSUBJ && k < clause
        });
        let finite = own
            .iter()
            .any(|&k| matches!(deprels[k], Deprel::AUX | Deprel::AUX_PASS | Deprel::COP));
        if subjectless && finite && !reaches_the_root(heads, noun + 1, verb + 1) {
            moves.push((noun, and, clause));
        }
    }
    for (noun, and, clause) in moves {
        heads[noun] = clause + 1;
        deprels[noun] = Deprel::NSUBJ;
        heads[and] = clause + 1;
    }
}

/// "Troops loyal to President Ana Ruiz attacked Chile", "workers affiliated with the union
/// went on strike", "fighters linked to Hamas fired rockets": the parser makes the word that
/// binds the subject to someone (`affiliation_words`) the main verb, and the real verb a clause
/// of it, so the attack has no subject (or, when "to" is read as an infinitive's marker, the
/// one they are loyal to does it). A root from that list with a subject before it, no
/// auxiliary or copula (that would make it a clause: "they are loyal to Ruiz and attacked"),
/// then one of `affiliation_cases` and a phrase, then a verb hung from the root: that verb is
/// the root, the subject its subject, the binding word describes the subject and the phrase
/// hangs from it. `heads` are 1-based, 0 the root.
pub(super) fn a_subject_bound_to_someone_is_the_subject_of_the_verb_after(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(root) = heads.iter().position(|&h| h == 0) else {
        return;
    };
    let case = root + 1;
    if case + 2 >= forms.len()
        || !rules.has("affiliation_words", &lower_case(forms[root]))
        || !rules.has("affiliation_cases", &lower_case(forms[case]))
    {
        return;
    }
    let children = children_of(heads);
    let own = &children[root];
    let subject = own.iter().copied().find(|&k| {
        k < root
            && matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS)
            && matches!(upos[k], Upos::Noun | Upos::Propn)
    });
    let Some(subject) = subject else {
        return;
    };
    if own
        .iter()
        .any(|&k| matches!(deprels[k], Deprel::AUX | Deprel::AUX_PASS | Deprel::COP))
    {
        return;
    }
    let Some(verb) = own.iter().copied().find(|&k| {
        k > case + 1
            && upos[k] == Upos::Verb
            && matches!(
                deprels[k],
                Deprel::ADVCL | Deprel::CONJ | Deprel::PARATAXIS | Deprel::CCOMP | Deprel::XCOMP
            )
    }) else {
        return;
    };
    // The phrase's head: the root's own phrase, or the verb's subject when "to" was read as
    // the verb's marker.
    let in_phrase = |k: usize| case < k && k < verb;
    let phrase = own
        .iter()
        .copied()
        .find(|&k| in_phrase(k) && matches!(deprels[k], Deprel::OBL | Deprel::OBJ | Deprel::NMOD))
        .or_else(|| {
            children[verb]
                .iter()
                .copied()
                .find(|&k| in_phrase(k) && deprels[k] == Deprel::NSUBJ)
        });
    let Some(phrase) = phrase else {
        return;
    };
    let verb_kids = &children[verb];
    if verb_kids.iter().any(|&k| {
        k != phrase && matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CC)
    }) {
        return;
    }
    let passive = verb_kids.iter().any(|&k| deprels[k] == Deprel::AUX_PASS);
    let moved: Vec<usize> = own
        .iter()
        .copied()
        .filter(|&k| k != subject && k != verb && !(root < k && k < verb))
        .collect();
    heads[verb] = 0;
    deprels[verb] = Deprel::ROOT;
    heads[subject] = verb + 1;
    deprels[subject] = if passive {
        Deprel::NSUBJ_PASS
    } else {
        Deprel::NSUBJ
    };
    heads[root] = subject + 1;
    deprels[root] = if upos[root] == Upos::Adj {
        Deprel::AMOD
    } else {
        Deprel::ACL
    };
    heads[phrase] = root + 1;
    deprels[phrase] = Deprel::OBL;
    heads[case] = phrase + 1;
    deprels[case] = Deprel::CASE;
    for k in moved {
        heads[k] = verb + 1;
    }
}

/// "The government ordered the opposition newspaper La Prensa to suspend publication": the
/// parser hangs the infinitive from the object noun, as if it said which newspaper, so the
/// order tells no one to do anything. An infinitive ("to" and a verb with no subject of its
/// own) right after the object of a verb of persuading or ordering (`persuading_verbs`),
/// hung from that object and with no other clause on the verb, is what the verb asks of the
/// object: a clause of the verb, as the treebank has "urged them to act". After the object of
/// a verb of using (`using_verbs`: "police used tear gas to disperse the crowd") it is the
/// purpose of the verb's subject: an adverbial clause of the verb. `heads` 1-based.
pub(super) fn what_one_is_told_to_do_is_a_clause_of_the_telling(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::ACL) {
        return;
    }
    let persuading = list_test(rules, "persuading_verbs");
    let using = list_test(rules, "using_verbs");
    let children = children_of(heads);
    for (v, kids) in children.iter().enumerate() {
        if upos[v] != Upos::Verb
            || kids.iter().any(|&k| {
                matches!(deprels[k], Deprel::XCOMP | Deprel::CCOMP)
                    || deprels[k] == Deprel::ADVCL && k > v
            })
        {
            continue;
        }
        let lower = lower_case(forms[v]);
        let rel = if persuading(&lower) {
            Deprel::XCOMP
        } else if using(&lower) {
            Deprel::ADVCL
        } else {
            continue;
        };
        let Some(object) = kids
            .iter()
            .copied()
            .find(|&k| k > v && deprels[k] == Deprel::OBJ)
        else {
            continue;
        };
        let infinitive = children[object].iter().copied().find(|&i| {
            i > object
                && deprels[i] == Deprel::ACL
                && upos[i] == Upos::Verb
                && children[i].iter().any(|&m| {
                    deprels[m] == Deprel::MARK && m + 1 == i && forms[m].eq_ignore_ascii_case("to")
                })
                && !children[i]
                    .iter()
                    .any(|&k| matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS))
        });
        if let Some(i) = infinitive {
            heads[i] = v + 1;
            deprels[i] = rel;
        }
    }
}

/// "Peru has agreed to release 20 Chilean fishermen detained last week": the parser reads the
/// object and the past participle after it as a clause ("fishermen detained"), so the
/// fishermen detain. A clause with no marker, auxiliary or object of its own, headed by a
/// past form ("-ed") whose subject stands right after a verb with no object, is a reduced
/// passive describing that verb's object, unless the verb takes clauses (the lists of
/// `clause_verb_lists`: "said fishermen drowned"). `heads` are 1-based.
pub(super) fn a_past_form_after_an_object_describes_it(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::CCOMP) {
        return;
    }
    let children = children_of(heads);
    let first = |w: usize| children.span(w).0;
    let mut moves = Vec::new();
    for clause in 0..heads.len() {
        let Some(verb) = heads[clause].checked_sub(1) else {
            continue;
        };
        if deprels[clause] != Deprel::CCOMP
            || upos[clause] != Upos::Verb
            || upos[verb] != Upos::Verb
            || clause < verb
            || !lower_case(forms[clause]).ends_with("ed")
            || children[verb].iter().any(|&k| deprels[k] == Deprel::OBJ)
        {
            continue;
        }
        let own = &children[clause];
        let Some(subject) = own
            .iter()
            .copied()
            .find(|&k| k < clause && deprels[k] == Deprel::NSUBJ)
        else {
            continue;
        };
        let bare = !own.iter().any(|&k| {
            matches!(
                deprels[k],
                Deprel::MARK
                    | Deprel::AUX
                    | Deprel::AUX_PASS
                    | Deprel::COP
                    | Deprel::OBJ
                    | Deprel::CCOMP
                    | Deprel::XCOMP
                    | Deprel::EXPL
            )
        });
        // ("forget that killings occurred": "that" read as a determiner opens a clause.)
        if !bare
            || first(subject) != verb + 1
            || !matches!(upos[subject], Upos::Noun | Upos::Propn)
            || forms[verb + 1].eq_ignore_ascii_case("that")
        {
            continue;
        }
        if !rules.has_in_any("clause_verb_lists", forms[verb]) {
            moves.push((verb, subject, clause));
        }
    }
    for (verb, subject, clause) in moves {
        heads[subject] = verb + 1;
        deprels[subject] = Deprel::OBJ;
        heads[clause] = subject + 1;
        deprels[clause] = Deprel::ACL;
    }
}

/// "In a letter handed over to the United Nations on Monday, Iraq said …", "Responding to the
/// claims Tory co-chairman Liam Fox said …": after an opening phrase the parser may read the
/// subject's name as an apposition of the last noun of that phrase, leaving the main verb with
/// no subject. A main verb needs one, and an apposition is not followed at once by the verb
/// of the clause: a name in apposition whose phrase ends right before a root verb with no
/// subject is that verb's subject. `heads` are 1-based, 0 the root.
pub(super) fn a_name_in_apposition_before_a_main_verb_without_subject_is_its_subject(
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    // The cheap cue first: a name in apposition.
    if !(0..heads.len()).any(|p| deprels[p] == Deprel::APPOS && upos[p] == Upos::Propn) {
        return;
    }
    let children = children_of(heads);
    let mut moves = Vec::new();
    for p in 0..heads.len() {
        if deprels[p] != Deprel::APPOS || upos[p] != Upos::Propn || heads[p] == 0 || heads[p] > p {
            continue;
        }
        let verb = children.span(p).1 + 1;
        if verb >= heads.len()
            || heads[verb] != 0
            || upos[verb] != Upos::Verb
            || children[verb].iter().any(|&k| {
                matches!(
                    deprels[k],
                    Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CSUBJ | Deprel::EXPL
                )
            })
        {
            continue;
        }
        moves.push((p, verb));
    }
    for (p, verb) in moves {
        heads[p] = verb + 1;
        deprels[p] = Deprel::NSUBJ;
    }
}

/// "Chile refused to hand over the suspects to Peru": the parser may read the particle of a
/// verb that takes one (`particle_verbs`: "hand over", "turn over") as the preposition of the
/// noun after it, so the verb has no object and the noun's "to" phrase hangs from an oblique.
/// Such a verb needs its object ("hand over the suspects" is "hand the suspects over"): a
/// particle right after it, read as the case of a noun that hangs from that verb while the
/// verb has no object, is the verb's particle and the noun its object. `heads` are 1-based,
/// 0 the root.
pub(super) fn a_particle_read_as_a_preposition_leaves_the_verb_its_object(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let verbs = list_test(rules, "particle_verbs");
    let particles = list_test(rules, "verb_particles");
    let mut moves = Vec::new();
    for p in 1..heads.len() {
        // The cheap cues first: a particle read as the case of an oblique of the verb
        // right before it, and that verb without an object.
        if deprels[p] != Deprel::CASE || heads[p] == 0 || !particles(&lower_case(forms[p])) {
            continue;
        }
        let noun = heads[p] - 1;
        let verb = p - 1;
        if heads[noun] != verb + 1
            || deprels[noun] != Deprel::OBL
            || (0..heads.len()).any(|k| heads[k] == verb + 1 && deprels[k] == Deprel::OBJ)
            || !verbs(&format!(
                "{} {}",
                lower_case(forms[verb]),
                lower_case(forms[p])
            ))
        {
            continue;
        }
        moves.push((p, noun, verb));
    }
    for (p, noun, verb) in moves {
        heads[p] = verb + 1;
        deprels[p] = Deprel::COMPOUND_PRT;
        deprels[noun] = Deprel::OBJ;
    }
}

/// "I am opposed to any detention", "we are opposed to the plan": a participle that names a
/// stance (`stance_participles`) after a form of "be" is an adjective, not a passive, unless
/// an agent hangs from it ("was opposed by Peru"): its subject holds the stance. The parser
/// reads "am opposed" as a passive auxiliary after "I" and as a copula after a name. `heads`
/// are 1-based, 0 the root.
pub(super) fn a_stance_participle_is_no_passive(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &[usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    // The list is looked up at the first passive auxiliary only.
    let mut stance = None;
    for c in 0..n {
        if deprels[c] != Deprel::AUX_PASS {
            continue;
        }
        let Some(v) = heads[c].checked_sub(1).filter(|&v| v < n) else {
            continue;
        };
        let is_stance = stance.get_or_insert_with(|| list_test(rules, "stance_participles"));
        if !is_stance(forms[v])
            || (0..n).any(|k| heads[k] == v + 1 && deprels[k] == Deprel::OBL_AGENT)
        {
            continue;
        }
        deprels[c] = Deprel::COP;
        for k in 0..n {
            if heads[k] == v + 1 && deprels[k] == Deprel::NSUBJ_PASS {
                deprels[k] = Deprel::NSUBJ;
            }
        }
    }
}

/// "Chilean troops fired on a village, wounding a farmer": a harm participle
/// (`harm_participles`: killing, wounding, injuring) set off by a comma after the verb tells
/// what the act did, as an adverbial clause; the parser may read it as a second verb joined
/// to the first with no "and", which shares its subject and tells a second attack. A
/// conjunct that is such a participle, right after a comma, with no conjunction, subject or
/// auxiliary of its own, hung on a verb before it, is that verb's adverbial clause (as the
/// parser reads "…, killing a farmer").
pub(super) fn a_harm_participle_after_a_comma_is_no_conjunct(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::CONJ) {
        return;
    }
    let harm = list_test(rules, "harm_participles");
    let children = children_of(heads);
    let own = [
        Deprel::CC,
        Deprel::NSUBJ,
        Deprel::NSUBJ_PASS,
        Deprel::AUX,
        Deprel::AUX_PASS,
    ];
    let mut found = Vec::new();
    for w in 1..forms.len() {
        if deprels[w] != Deprel::CONJ
            || upos[w] != Upos::Verb
            || forms[w - 1] != ","
            || heads[w] == 0
            || heads[w] > w
            || upos[heads[w] - 1] != Upos::Verb
            || !harm(&lower_case(forms[w]))
            || children[w].iter().any(|&k| own.contains(&deprels[k]))
        {
            continue;
        }
        found.push(w);
    }
    for w in found {
        deprels[w] = Deprel::ADVCL;
    }
}

/// "Rwanda, which denies backing the rebels, accused Chile": after a relative word the tagger
/// may read a present form ending in "-s" as a noun ("which denies" as "which" determining
/// "denies"), so that the "-ing" clause after it is the relative clause itself, "backing the
/// rebels" is Rwanda's act and the denial is lost. A noun ending in "-s" right after a
/// relative word (`reflexive_or_relative`: "which", "who", "that") hung on it, right before an "-ing" verb, where one of the two is the
/// relative clause of the word before and the other hangs on it as its subject or its clause,
/// is the verb of the relative clause: the relative word is its subject and the "-ing" verb
/// its complement (as the parser reads "which has denied backing the rebels").
pub(super) fn a_verb_after_a_relative_word_read_as_a_noun(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::ACL_RELCL) {
        return;
    }
    let relative = list_test(rules, "reflexive_or_relative");
    for d in 1..forms.len().saturating_sub(1) {
        let g = d + 1;
        let word = lower_case(forms[d]);
        if upos[d] != Upos::Noun
            || !word.ends_with('s')
            || word.ends_with("ss")
            || upos[g] != Upos::Verb
            || !lower_case(forms[g]).ends_with("ing")
            || !relative(&lower_case(forms[d - 1]))
            || heads[d - 1] != d + 1
        {
            continue;
        }
        // "which denies" the subject of the "-ing" relative clause, or the relative clause
        // with the "-ing" verb as its clause.
        let antecedent = if deprels[d] == Deprel::NSUBJ
            && heads[d] == g + 1
            && deprels[g] == Deprel::ACL_RELCL
        {
            heads[g]
        } else if deprels[d] == Deprel::ACL_RELCL
            && heads[g] == d + 1
            && matches!(deprels[g], Deprel::ACL | Deprel::XCOMP | Deprel::CCOMP)
        {
            heads[d]
        } else {
            continue;
        };
        upos[d] = Upos::Verb;
        (heads[d], deprels[d]) = (antecedent, Deprel::ACL_RELCL);
        (heads[d - 1], deprels[d - 1]) = (d + 1, Deprel::NSUBJ);
        (heads[g], deprels[g]) = (d + 1, Deprel::XCOMP);
        return;
    }
}
