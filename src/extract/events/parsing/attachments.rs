//! Parse repairs for where a clause belongs: to the noun whose content or plan it gives,
//! or, for a noun phrase the parser made a later clause's subject, the verb before it.

use super::{children_of, list_test, lower_case, reaches_the_root};
use crate::extract::events::patterns::ArgumentRules;
use crate::extract::parse::{Deprel, Upos};

/// The repairs of this file, in order (run last among the parse repairs).
pub(super) fn repair(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    a_sentence_of_a_noun_and_its_past_form_is_a_clause(rules, forms, upos, heads, deprels);
    an_object_with_a_clause_is_no_subject_of_the_clause_after(rules, forms, upos, heads, deprels);
    a_word_inside_a_quotation_is_no_subject_of_the_verb_outside(forms, heads, deprels);
    a_document_read_as_the_subject_of_its_participle_is_the_object_issued(
        rules, forms, upos, heads, deprels,
    );
    an_infinitive_after_a_plan_in_a_phrase_is_the_plans(rules, forms, upos, heads, deprels);
    a_bare_gerund_after_that_is_the_subject_of_a_content_clause(forms, upos, heads, deprels);
    a_noun_after_with_before_an_ing_verb_is_its_subject(rules, forms, upos, heads, deprels);
    a_name_before_a_noun_s_own_modifiers_is_the_first_object(rules, forms, upos, heads, deprels);
    a_verb_joined_to_a_noun_is_joined_to_the_verb_above(forms, upos, heads, deprels);
    a_participle_after_a_subject_describes_it(forms, upos, heads, deprels);
}

/// "a ruling that detaining suspects is unlawful": "that" before a bare "-ing" verb is no
/// relative pronoun (a relative clause would need "that is detaining"), but the marker of a
/// clause saying what the noun holds, whose subject is the act named by the "-ing" form. The
/// parser reads "that" as the subject of a relative clause "detaining suspects", which makes
/// the ruling's author the detainer. The clause's own verb is the first word after the "-ing"
/// form's phrase (past adverbs): a verb ("breaks the law"), or the word a linking verb or an
/// auxiliary there hangs from ("is unlawful").
pub(super) fn a_bare_gerund_after_that_is_the_subject_of_a_content_clause(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::ACL_RELCL) {
        return;
    }
    let children = children_of(heads);
    let n = heads.len();
    let mut moves = Vec::new();
    for act in 1..n {
        let that = act - 1;
        let Some(noun) = heads[act].checked_sub(1) else {
            continue;
        };
        if deprels[act] != Deprel::ACL_RELCL
            || upos[act] != Upos::Verb
            || heads[that] != act + 1
            || deprels[that] != Deprel::NSUBJ
            || !forms[that].eq_ignore_ascii_case("that")
            || !lower_case(forms[act]).ends_with("ing")
            || children[act]
                .iter()
                .any(|&k| matches!(deprels[k], Deprel::AUX | Deprel::AUX_PASS | Deprel::COP))
        {
            continue;
        }
        let mut next = children.span(act).1 + 1;
        while next < n && upos[next] == Upos::Adv {
            next += 1;
        }
        let verb = if next >= n {
            None
        } else if matches!(deprels[next], Deprel::COP | Deprel::AUX) {
            heads[next].checked_sub(1).filter(|&v| v > next)
        } else {
            (upos[next] == Upos::Verb).then_some(next)
        };
        // The clause's verb must not be the root, nor hold the noun in its own phrase.
        let verb = verb.filter(|&v| heads[v] != 0 && reaches_the_root(heads, noun + 1, v + 1));
        moves.push((noun, that, act, verb));
    }
    for (noun, that, act, verb) in moves {
        deprels[that] = Deprel::MARK;
        match verb {
            Some(verb) => {
                heads[verb] = noun + 1;
                deprels[verb] = Deprel::ACL;
                heads[act] = verb + 1;
                deprels[act] = Deprel::CSUBJ;
                heads[that] = verb + 1;
            }
            // The clause's verb is lost in the parse ("that detaining suspects without trial
            // breaks the law", "breaks" read as a noun): the "-ing" form heads the clause.
            None => deprels[act] = Deprel::ACL,
        }
    }
}

/// "UKIP suspended a candidate for allegedly suggesting the insane should be killed": the
/// parser makes the one acted on the subject of the clause at the sentence's end, reaching
/// over the candidate's own clause ("for allegedly suggesting ..."), and leaves the verb with
/// no object. When a verb that takes no clause (not in `clause_verb_lists`) has no object nor
/// any word after it but that clause, and the noun phrase right after it carries a clause of
/// its own and is the subject of the later clause, which has no marker, the noun is the
/// verb's object.
pub(super) fn an_object_with_a_clause_is_no_subject_of_the_clause_after(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels
        .iter()
        .any(|d| matches!(*d, Deprel::ACL | Deprel::ACL_RELCL))
    {
        return;
    }
    let children = children_of(heads);
    let mut moves = Vec::new();
    for subject in 1..heads.len() {
        let Some(clause) = heads[subject].checked_sub(1) else {
            continue;
        };
        if !matches!(deprels[subject], Deprel::NSUBJ | Deprel::NSUBJ_PASS)
            || upos[subject] != Upos::Noun
            || clause < subject
        {
            continue;
        }
        let Some(verb) = children.span(subject).0.checked_sub(1) else {
            continue;
        };
        let clause_of_its_own = children[subject]
            .iter()
            .any(|&k| matches!(deprels[k], Deprel::ACL | Deprel::ACL_RELCL) && k < clause);
        if upos[verb] != Upos::Verb
            || verb == clause
            || !clause_of_its_own
            || children[clause].iter().any(|&k| deprels[k] == Deprel::MARK)
            || children[verb]
                .iter()
                .any(|&k| k > verb && k != clause && deprels[k] != Deprel::PUNCT)
            || children[verb].iter().any(|&k| deprels[k] == Deprel::OBJ)
        {
            continue;
        }
        if rules.has_in_any("clause_verb_lists", forms[verb]) {
            continue;
        }
        moves.push((verb, subject));
    }
    for (verb, subject) in moves {
        heads[subject] = verb + 1;
        deprels[subject] = Deprel::OBJ;
    }
}

/// "Mr Fox's comments follow the controversy over plans to allow pubs to open": the parser
/// hangs the infinitive from the main verb, as the subject's purpose, so that Mr Fox allows.
/// An infinitive ("to" and a verb with no subject of its own) right after a noun of plans or
/// acts (`act_nouns`, `intent_nouns`) is that noun's when the noun sits in a phrase of another
/// noun, or in a phrase of the verb about a topic (`topic_cases`: "over", "against"); a plan
/// that is the verb's object ("launched a bid to ...") or its means ("in a bid to ...") is the
/// subject's own, and its infinitive stays with the verb.
pub(super) fn an_infinitive_after_a_plan_in_a_phrase_is_the_plans(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels
        .iter()
        .any(|d| matches!(*d, Deprel::ADVCL | Deprel::XCOMP))
    {
        return;
    }
    let plan_noun = |w: &str| rules.has("act_nouns", w) || rules.has("intent_nouns", w);
    let topic = list_test(rules, "topic_cases");
    let mut children = None;
    let mut moves = Vec::new();
    for act in 2..heads.len() {
        let (mark, noun) = (act - 1, act - 2);
        if !matches!(deprels[act], Deprel::ADVCL | Deprel::XCOMP)
            || upos[act] != Upos::Verb
            || upos[noun] != Upos::Noun
            || heads[mark] != act + 1
            || !forms[mark].eq_ignore_ascii_case("to")
            || heads[noun] == act + 1
            || !plan_noun(&lower_case(forms[noun]))
        {
            continue;
        }
        let children = children.get_or_insert_with(|| children_of(heads));
        let own = &children[act];
        if own.iter().any(|&k| {
            matches!(
                deprels[k],
                Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CSUBJ
            )
        }) {
            continue;
        }
        // (Not a phrase of a name: "told Mr Brown of his intention to stand down" is a phrase
        // of the telling that the parser hung on the name.)
        let in_a_phrase = match deprels[noun] {
            Deprel::NMOD => heads[noun]
                .checked_sub(1)
                .is_some_and(|h| upos[h] == Upos::Noun),
            Deprel::OBL => children[noun]
                .iter()
                .any(|&c| deprels[c] == Deprel::CASE && topic(&lower_case(forms[c]))),
            _ => false,
        };
        // The noun must not hang below the infinitive, or the move would make a cycle.
        if in_a_phrase && reaches_the_root(heads, noun + 1, act + 1) {
            moves.push((noun, act));
        }
    }
    for (noun, act) in moves {
        heads[act] = noun + 1;
        deprels[act] = Deprel::ACL;
    }
}

/// '"How can it be right in Britain today that …?" he asked.': the parser may take a word
/// inside the quotation, here the head of the quoted clause, for a second subject of the verb
/// of saying outside it. A verb outside any quotation that has a subject outside it too has
/// no subject inside one: that word heads (or hangs in) what is said, its clause.
pub(super) fn a_word_inside_a_quotation_is_no_subject_of_the_verb_outside(
    forms: &[&str],
    heads: &[usize],
    deprels: &mut [Deprel],
) {
    if !forms.iter().any(|f| is_quote(f)) {
        return;
    }
    let mut inside = vec![false; forms.len()];
    // A quotation opened in a sentence before: an odd number of straight marks, the first
    // one closing what came before it ("…?\" he asked").
    let straight: Vec<usize> = (0..forms.len()).filter(|&i| forms[i] == "\"").collect();
    let mut open = straight.len() % 2 == 1
        && straight[0]
            .checked_sub(1)
            .is_some_and(|p| matches!(forms[p], "?" | "!" | "." | ","));
    for (i, f) in forms.iter().enumerate() {
        match *f {
            "\"" => open = !open,
            "\u{201c}" => open = true,
            "\u{201d}" => open = false,
            _ => inside[i] = open,
        }
    }
    let subject = |k: usize| matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS);
    let mut moves = Vec::new();
    for q in 0..heads.len() {
        let Some(verb) = heads[q].checked_sub(1) else {
            continue;
        };
        if !subject(q) || !inside[q] || inside[verb] {
            continue;
        }
        let outer =
            (0..heads.len()).any(|k| k != q && heads[k] == verb + 1 && subject(k) && !inside[k]);
        if outer {
            moves.push(q);
        }
    }
    for q in moves {
        deprels[q] = Deprel::CCOMP;
    }
}

fn is_quote(form: &str) -> bool {
    matches!(form, "\"" | "\u{201c}" | "\u{201d}")
}

/// "The Kurdistan Workers' Party issued a declaration demanding that …": the parser may make
/// the document the subject of the "-ing" form after it and that form a clause of the verb,
/// so the demand is the declaration's, with no one behind it. A noun of `document_nouns` right
/// after an objectless verb, read as the subject of an "-ing" form that follows it at once and
/// hangs from that verb, is the verb's object, and the "-ing" form describes it (as the
/// treebank has "issued a statement condemning …"); the issuer is then its author.
pub(super) fn a_document_read_as_the_subject_of_its_participle_is_the_object_issued(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let documents = list_test(rules, "document_nouns");
    let mut children = None;
    let mut moves = Vec::new();
    for act in 1..heads.len() {
        let document = act - 1;
        let Some(verb) = heads[act].checked_sub(1) else {
            continue;
        };
        if !matches!(deprels[act], Deprel::CCOMP | Deprel::ADVCL)
            || upos[act] != Upos::Verb
            || upos[verb] != Upos::Verb
            || verb >= document
            || heads[document] != act + 1
            || deprels[document] != Deprel::NSUBJ
            || !lower_case(forms[act]).ends_with("ing")
            || !documents(&lower_case(forms[document]))
        {
            continue;
        }
        let children = children.get_or_insert_with(|| children_of(heads));
        if children.span(document).0 != verb + 1
            || children[verb]
                .iter()
                .any(|&k| k > verb && deprels[k] == Deprel::OBJ)
        {
            continue;
        }
        moves.push((verb, document, act));
    }
    for (verb, document, act) in moves {
        heads[document] = verb + 1;
        deprels[document] = Deprel::OBJ;
        heads[act] = document + 1;
        deprels[act] = Deprel::ACL;
    }
}

/// "The saga ended with Mr Blunkett quitting", "with prices rising": after "with" or
/// "without" (`absolute_cases`), a noun followed at once by an "-ing" verb that has no
/// subject is that verb's subject, and the whole is an adverbial clause of the verb the noun
/// hung from, "with" its marker. The parser hangs the noun on the verb before as an oblique
/// and the "-ing" verb beside it (or on a word far away), which leaves the act with no one
/// doing it.
pub(super) fn a_noun_after_with_before_an_ing_verb_is_its_subject(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let absolute = list_test(rules, "absolute_cases");
    let n = heads.len();
    let gerund = |v: usize| {
        upos[v] == Upos::Verb
            && matches!(
                deprels[v],
                Deprel::XCOMP | Deprel::ADVCL | Deprel::ACL | Deprel::CONJ
            )
            && lower_case(forms[v]).ends_with("ing")
    };
    if !(1..n).any(gerund) || !forms.iter().any(|f| absolute(&lower_case(f))) {
        return;
    }
    let children = children_of(heads);
    let mut moves = Vec::new();
    for v in 1..n {
        if !gerund(v)
            || children[v].iter().any(|&k| {
                matches!(
                    deprels[k],
                    Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::AUX | Deprel::MARK
                )
            })
        {
            continue;
        }
        // The noun after "with" whose phrase ends right before the verb.
        // A name, a pronoun or a definite noun ("with the government refusing"): after an
        // indefinite one the "-ing" form more often describes it ("with a speech
        // criticising X", the speaker's).
        let qualifies = |w: usize| {
            let definite = || {
                children[w].iter().any(|&k| {
                    deprels[k] == Deprel::NMOD_POSS
                        || deprels[k] == Deprel::DET && forms[k].eq_ignore_ascii_case("the")
                })
            };
            matches!(deprels[w], Deprel::OBL | Deprel::NMOD)
                && match upos[w] {
                    Upos::Propn | Upos::Pron => true,
                    Upos::Noun => definite(),
                    _ => false,
                }
        };
        let case_of = |w: usize| {
            children[w]
                .iter()
                .copied()
                .find(|&k| deprels[k] == Deprel::CASE && absolute(&lower_case(forms[k])))
        };
        let mut noun = v - 1;
        let mut found = None;
        loop {
            if qualifies(noun)
                && let Some(case) = case_of(noun)
            {
                found = Some((noun, case));
                break;
            }
            match heads[noun].checked_sub(1) {
                Some(h) if h != v && children.span(h).1 == v - 1 => noun = h,
                _ => break,
            }
        }
        let Some((noun, case)) = found else {
            continue;
        };
        let head = heads[noun];
        // A verb the parser hung on the noun itself describes it ("with a speech criticising
        // X"); nor may the verb hold the noun's head in its own phrase.
        if heads[v] == noun + 1 || head == 0 || !reaches_the_root(heads, head, v + 1) {
            continue;
        }
        moves.push((noun, case, v, head));
    }
    for (noun, case, v, head) in moves {
        heads[v] = head;
        deprels[v] = Deprel::ADVCL;
        heads[noun] = v + 1;
        deprels[noun] = Deprel::NSUBJ;
        heads[case] = v + 1;
        deprels[case] = Deprel::MARK;
    }
}

/// "Norway promised Chile more time", "sent Ukraine two frigates": a name right after a verb
/// that the parser made a compound of the noun after it, although a determiner, a number or
/// an adjective of quantity (`quantity_adjectives`: "more", "extra") of that noun stands
/// between them, is no compound (those come first in a noun phrase), but the verb's first
/// object. The parser reads "Chile more time" as one phrase, which leaves the promise with no
/// one it is made to. Other adjectives may follow a noun modifier ("UK bilateral aid",
/// "British militant X"), so they do not count.
pub(super) fn a_name_before_a_noun_s_own_modifiers_is_the_first_object(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::COMPOUND) {
        return;
    }
    let quantity = list_test(rules, "quantity_adjectives");
    let children = children_of(heads);
    let mut moves = Vec::new();
    for c in 0..heads.len() {
        let Some(noun) = heads[c].checked_sub(1) else {
            continue;
        };
        if deprels[c] != Deprel::COMPOUND
            || upos[c] != Upos::Propn
            || noun <= c
            || !matches!(deprels[noun], Deprel::OBJ | Deprel::OBL_UNMARKED)
        {
            continue;
        }
        let Some(verb) = heads[noun].checked_sub(1) else {
            continue;
        };
        let between = children[noun].iter().any(|&k| {
            c < k
                && k < noun
                && (matches!(deprels[k], Deprel::DET | Deprel::NUMMOD)
                    || deprels[k] == Deprel::AMOD && quantity(&lower_case(forms[k])))
        });
        if !between
            || upos[verb] != Upos::Verb
            || verb + 1 != c
            || children[verb].iter().any(|&k| deprels[k] == Deprel::IOBJ)
        {
            continue;
        }
        moves.push((c, noun, verb));
    }
    for (c, noun, verb) in moves {
        heads[c] = verb + 1;
        deprels[c] = Deprel::IOBJ;
        deprels[noun] = Deprel::OBJ;
    }
}

/// "Actionaid criticised Mr Brown's preoccupation with finding a vaccine and called on G8
/// nations to ...": a verb with no subject of its own that the parser joined with "and" to a
/// noun (here "vaccine") is joined to a verb above that noun, and shares that verb's subject:
/// an "-ing" form to the nearest "-ing" form above, any other form to the nearest verb above
/// that has a subject. Left on the noun, the call has no one making it.
pub(super) fn a_verb_joined_to_a_noun_is_joined_to_the_verb_above(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::CONJ) {
        return;
    }
    let children = children_of(heads);
    let mut moves = Vec::new();
    for v in 0..heads.len() {
        let Some(noun) = heads[v].checked_sub(1) else {
            continue;
        };
        if deprels[v] != Deprel::CONJ
            || upos[v] != Upos::Verb
            || !matches!(upos[noun], Upos::Noun | Upos::Propn)
            || !children[v].iter().any(|&k| deprels[k] == Deprel::CC)
            || children[v].iter().any(|&k| {
                matches!(
                    deprels[k],
                    Deprel::NSUBJ
                        | Deprel::NSUBJ_PASS
                        | Deprel::AUX
                        | Deprel::AUX_PASS
                        | Deprel::MARK
                )
            })
        {
            continue;
        }
        let gerund = lower_case(forms[v]).ends_with("ing");
        let mut up = heads[noun];
        let mut found = None;
        for _ in 0..heads.len() {
            let Some(h) = up.checked_sub(1) else {
                break;
            };
            if upos[h] == Upos::Verb {
                let fits = if gerund {
                    lower_case(forms[h]).ends_with("ing")
                } else {
                    children[h]
                        .iter()
                        .any(|&k| matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS))
                };
                if fits {
                    found = Some(h);
                    break;
                }
            }
            up = heads[h];
        }
        if let Some(h) = found.filter(|&h| h < v) {
            moves.push((v, h));
        }
    }
    for (v, h) in moves {
        heads[v] = h + 1;
    }
}

/// "The Red Cross operating in Iraq said US forces must …", "a group representing the
/// farmers said": the parser makes the "-ing" form after a subject a clause of the verb that
/// follows, with the subject as its own, and leaves that verb with no subject. An "-ing" form
/// with a subject before it and no auxiliary or marker, whose phrase ends right before a verb
/// (or a comma before it) that has no subject, describes that subject, which is the verb's.
/// When the parser made the "-ing" form the root and the verb its clause instead, the verb
/// becomes the root the same way.
pub(super) fn a_participle_after_a_subject_describes_it(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    let candidate = |c: usize| {
        upos[c] == Upos::Verb
            && matches!(
                deprels[c],
                Deprel::CCOMP | Deprel::ADVCL | Deprel::PARATAXIS | Deprel::ROOT
            )
            && lower_case(forms[c]).ends_with("ing")
    };
    if !(0..n).any(candidate) {
        return;
    }
    let children = children_of(heads);
    let mut moves = Vec::new();
    for c in 0..n {
        if !candidate(c) {
            continue;
        }
        let has =
            |w: usize, rels: &[Deprel]| children[w].iter().any(|&k| rels.contains(&deprels[k]));
        // As the root, the verb is the first clause after the "-ing" phrase.
        let root = deprels[c] == Deprel::ROOT;
        let verb = if root {
            children[c]
                .iter()
                .copied()
                .find(|&k| k > c && matches!(deprels[k], Deprel::CCOMP | Deprel::PARATAXIS))
        } else {
            heads[c].checked_sub(1)
        };
        let Some(verb) = verb else {
            continue;
        };
        if verb <= c || upos[verb] != Upos::Verb {
            continue;
        }
        if has(
            verb,
            &[
                Deprel::NSUBJ,
                Deprel::NSUBJ_PASS,
                Deprel::CSUBJ,
                Deprel::EXPL,
            ],
        ) || has(
            c,
            &[Deprel::AUX, Deprel::AUX_PASS, Deprel::MARK, Deprel::COP],
        ) {
            continue;
        }
        let Some(subject) = children[c]
            .iter()
            .copied()
            .find(|&k| deprels[k] == Deprel::NSUBJ && k < c)
        else {
            continue;
        };
        if !matches!(upos[subject], Upos::Noun | Upos::Propn) {
            continue;
        }
        // The "-ing" phrase reaches the verb, but for a comma.
        let phrase_end = if root {
            children[c]
                .iter()
                .filter(|&&k| k < verb)
                .map(|&k| children.span(k).1)
                .max()
                .unwrap_or(c)
                .max(c)
        } else {
            children.span(c).1
        };
        let mut end = phrase_end + 1;
        while end < verb && deprels[end] == Deprel::PUNCT {
            end += 1;
        }
        if end != verb {
            continue;
        }
        moves.push((c, subject, verb, root));
    }
    for (c, subject, verb, root) in moves {
        if root {
            heads[verb] = 0;
            deprels[verb] = Deprel::ROOT;
            // What the "-ing" form held after the verb (the final stop) is the verb's.
            for &k in &children[c] {
                if k > verb {
                    heads[k] = verb + 1;
                }
            }
        }
        heads[subject] = verb + 1;
        deprels[subject] = Deprel::NSUBJ;
        heads[c] = subject + 1;
        deprels[c] = Deprel::ACL;
    }
}

/// "Unidentified gunmen attacked a police station", "Masked men abducted two workers": a
/// past form opening the sentence, capitalized only because it comes first and followed at
/// once by a noun and then a verb, describes that noun. The parser, which has seen few such
/// openings, makes the past form the main verb and the real verb a clause below it, so the
/// attack has no subject. The noun (with its own modifiers) must come right after the past
/// form, and the verb right after the noun's phrase but for auxiliaries and adverbs of its
/// own; the verb must have no subject of its own.
pub(super) fn an_opening_past_form_before_a_subject_describes_it(
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    if n < 3
        || upos[0] != Upos::Verb
        || deprels[0] != Deprel::ROOT
        || !forms[0].starts_with(|c: char| c.is_ascii_uppercase())
        || !forms[0].as_bytes().ends_with(b"ed")
    {
        return;
    }
    let children = children_of(heads);
    // The noun: the first noun after the past form, with only its own modifiers before it.
    let Some(subject) = (1..n).find(|&k| matches!(upos[k], Upos::Noun | Upos::Propn)) else {
        return;
    };
    if (1..subject).any(|k| heads[k] != subject + 1) {
        return;
    }
    let (_, phrase_end) = children.span(subject);
    let Some(verb) = (phrase_end + 1..n).find(|&k| upos[k] == Upos::Verb) else {
        return;
    };
    let below_opening = heads[verb] == 1
        && matches!(
            deprels[verb],
            Deprel::CCOMP | Deprel::XCOMP | Deprel::CONJ | Deprel::PARATAXIS | Deprel::ADVCL
        );
    if upos[verb] != Upos::Verb
        || !below_opening
        || (phrase_end + 1..verb)
            .any(|k| heads[k] != verb + 1 || !matches!(deprels[k], Deprel::AUX | Deprel::ADVMOD))
        || !(heads[subject] == 1 || heads[subject] == verb + 1)
        || children[verb]
            .iter()
            .any(|&k| k != subject && matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS))
    {
        return;
    }
    for &k in &children[0] {
        if k != subject && k != verb {
            heads[k] = verb + 1;
        }
    }
    heads[verb] = 0;
    deprels[verb] = Deprel::ROOT;
    heads[subject] = verb + 1;
    deprels[subject] = Deprel::NSUBJ;
    heads[0] = subject + 1;
    deprels[0] = Deprel::AMOD;
    upos[0] = Upos::Adj;
}

/// "Nigerian police shot three protesters": the tagger may read a past form after a noun as
/// a noun ("a police shot"), yet the parser still gives it an object, which no noun takes. A
/// root noun with an object after it and no copula is the verb it is, and the noun right
/// before it that the parser hung on it as a compound is its subject, with the words before
/// that noun that described the compound ("Nigerian").
pub(super) fn a_root_noun_with_an_object_is_a_verb(
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(w) = deprels.iter().position(|&d| d == Deprel::ROOT) else {
        return;
    };
    if upos[w] != Upos::Noun || w == 0 || !deprels.contains(&Deprel::OBJ) {
        return;
    }
    let children = children_of(heads);
    let object = children[w]
        .iter()
        .any(|&k| k > w && deprels[k] == Deprel::OBJ);
    let copula = children[w]
        .iter()
        .any(|&k| matches!(deprels[k], Deprel::COP | Deprel::NSUBJ | Deprel::NSUBJ_PASS));
    let subject = w - 1;
    if !object
        || copula
        || heads[subject] != w + 1
        || deprels[subject] != Deprel::COMPOUND
        || !matches!(upos[subject], Upos::Noun | Upos::Propn)
    {
        return;
    }
    for &k in &children[w] {
        if k < subject {
            heads[k] = subject + 1;
        }
    }
    deprels[subject] = Deprel::NSUBJ;
    upos[w] = Upos::Verb;
}

/// "Norway accused Chile of spying, a charge Santiago denied": a noun summing up the clause
/// before (`summing_nouns`: a charge, a claim, a move), set off by a comma at the end of the
/// sentence with its own subject and verb after it, is a relative clause without "that".
/// The parser, which sees few of these, reads the noun as an adjective, the name as a
/// subject or a compound and the verb as a clause of the first one, even taking the first
/// clause's object as that verb's subject. The verb becomes the noun's relative clause with
/// the name as its subject; the noun hangs from the main verb; the main verb's object the
/// verb after had taken is given back.
pub(super) fn a_noun_summing_up_the_clause_has_a_relative_clause(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    let end = if n > 0 && deprels[n - 1] == Deprel::PUNCT {
        n - 1
    } else {
        n
    };
    // The verb ends the sentence; before it the name, the noun, the article and the comma.
    if end < 6 {
        return;
    }
    let (verb, name, noun, article, comma) = (end - 1, end - 2, end - 3, end - 4, end - 5);
    let summing = list_test(rules, "summing_nouns");
    let articles = list_test(rules, "indefinite_articles");
    if forms[comma] != ","
        || !articles(&lower_case(forms[article]))
        || !summing(&lower_case(forms[noun]))
        || !matches!(upos[name], Upos::Propn | Upos::Pron)
        || !matches!(upos[verb], Upos::Verb | Upos::Noun)
    {
        return;
    }
    let Some(root) = deprels[..comma].iter().position(|&d| d == Deprel::ROOT) else {
        return;
    };
    if upos[root] != Upos::Verb {
        return;
    }
    let children = children_of(heads);
    let has_object = children[root].iter().any(|&k| deprels[k] == Deprel::OBJ);
    // What the verb after had taken from the first clause goes back to its main verb.
    for &k in &children[verb] {
        if k < comma {
            heads[k] = root + 1;
            if deprels[k] == Deprel::NSUBJ {
                deprels[k] = if has_object { Deprel::DEP } else { Deprel::OBJ };
            }
        }
    }
    for k in [comma, article] {
        heads[k] = noun + 1;
    }
    deprels[comma] = Deprel::PUNCT;
    deprels[article] = Deprel::DET;
    heads[noun] = root + 1;
    deprels[noun] = Deprel::PARATAXIS;
    upos[noun] = Upos::Noun;
    heads[name] = verb + 1;
    deprels[name] = Deprel::NSUBJ;
    heads[verb] = noun + 1;
    deprels[verb] = Deprel::ACL_RELCL;
    upos[verb] = Upos::Verb;
    if end < n {
        heads[end] = root + 1;
    }
}

/// "Kenyan troops crossed into Somalia": the parser may read a past form right after the
/// subject noun as a reduced relative ("troops crossed into Somalia" as "troops who were
/// crossed"), leaving a sentence of one noun phrase. A root noun followed at once by a
/// describing past form, with no copula, no agent ("backed by tanks" is a reduced passive)
/// and no auxiliary, in a sentence with no verb outside that past form's clause, is the
/// subject of the past form, which is the main verb, when the past form moves somewhere
/// (an oblique of `motion_cases`: "into", "across"); a headline's "Two journalists arrested
/// in Lima" stays a passive.
pub(super) fn a_sentence_of_a_noun_and_its_past_form_is_a_clause(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(r) = deprels.iter().position(|&d| d == Deprel::ROOT) else {
        return;
    };
    let a = r + 1;
    if !matches!(upos[r], Upos::Noun | Upos::Propn)
        || a >= heads.len()
        || upos[a] != Upos::Verb
        || heads[a] != r + 1
        || deprels[a] != Deprel::ACL
        || !lower_case(forms[a]).ends_with("ed")
    {
        return;
    }
    let children = children_of(heads);
    let of = |w: usize, rels: &[Deprel]| children[w].iter().any(|&k| rels.contains(&deprels[k]));
    if of(r, &[Deprel::COP])
        || of(
            a,
            &[
                Deprel::OBL_AGENT,
                Deprel::AUX,
                Deprel::AUX_PASS,
                Deprel::MARK,
            ],
        )
    {
        return;
    }
    let motion = list_test(rules, "motion_cases");
    let moves = children[a].iter().any(|&k| {
        deprels[k] == Deprel::OBL
            && children[k]
                .iter()
                .any(|&c| deprels[c] == Deprel::CASE && motion(&lower_case(forms[c])))
    });
    if !moves {
        return;
    }
    // No other verb: every verb lies in the past form's own clause.
    let (lo, hi) = children.span(a);
    if (0..heads.len()).any(|k| upos[k] == Upos::Verb && !(lo..=hi).contains(&k)) {
        return;
    }
    for &k in &children[r] {
        if k > a {
            heads[k] = a + 1;
        }
    }
    heads[a] = 0;
    deprels[a] = Deprel::ROOT;
    heads[r] = a + 1;
    deprels[r] = Deprel::NSUBJ;
}
