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
    super::wire::a_sentence_of_a_noun_and_its_past_form_is_a_clause(
        rules, forms, upos, heads, deprels,
    );
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
    a_noun_after_a_clause_opener_is_the_subject_of_the_verb_after(
        rules, forms, upos, heads, deprels,
    );
    a_participle_after_a_comma_is_the_subjects(forms, upos, heads, deprels);
}

/// "Chile expelled two Peruvian diplomats, accusing them of spying": an "-ing" form set off
/// by a comma after the object says what the subject did besides, as "…, killing three" does;
/// the parser sometimes reads it as describing the object, so that the diplomats accuse. Such
/// a form hung from the object of a verb with a subject, right after the object's phrase and
/// its comma, becomes an adverbial clause of that verb. `heads` are 1-based, 0 the root.
fn a_participle_after_a_comma_is_the_subjects(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    let candidate = |v: usize| {
        deprels[v] == Deprel::ACL
            && upos[v] == Upos::Verb
            && forms[v - 1] == ","
            && forms[v].ends_with("ing")
    };
    if !(2..n).any(candidate) {
        return;
    }
    let children = children_of(heads);
    let mut moves = Vec::new();
    for v in 2..n {
        if !candidate(v) {
            continue;
        }
        let Some(object) = heads[v].checked_sub(1) else {
            continue;
        };
        if deprels[object] != Deprel::OBJ || heads[object] == 0 {
            continue;
        }
        let verb = heads[object] - 1;
        let has_subject = children[verb]
            .iter()
            .any(|&k| deprels[k] == Deprel::NSUBJ && k < object);
        // The object's own words end at the comma: the form follows its whole phrase.
        let ends = children[object]
            .iter()
            .filter(|&&k| k != v)
            .map(|&k| children.span(k).1)
            .chain([object])
            .max()
            .unwrap_or(object);
        if has_subject && ends + 2 == v {
            moves.push((v, verb));
        }
    }
    for (v, verb) in moves {
        heads[v] = verb + 1;
        deprels[v] = Deprel::ADVCL;
    }
}

/// "pledged aid, days after Chilean missiles struck Lima's port", "a day after a Chilean
/// attack killed 12 people": a word that opens a clause as well as a phrase
/// (`clause_openers`: "after", "before", "since", "until") is read as the preposition of the
/// noun after it, and the verb after that noun's phrase as a clause of something else, so the
/// act has no one doing it. A verb right after such a noun's phrase, with no subject or
/// marker of its own and an object or an auxiliary (so no participle describing the noun:
/// "after talks held in May", "after reports citing officials"), has the noun as its subject and the opening word as its marker.
/// `heads` are 1-based, 0 the root.
fn a_noun_after_a_clause_opener_is_the_subject_of_the_verb_after(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let opener = list_test(rules, "clause_openers");
    let n = forms.len();
    if !(0..n).any(|k| deprels[k] == Deprel::CASE && opener(&lower_case(forms[k]))) {
        return;
    }
    let children = children_of(heads);
    let mut moves = Vec::new();
    for case in 0..n {
        if deprels[case] != Deprel::CASE || !opener(&lower_case(forms[case])) {
            continue;
        }
        let noun = heads[case].wrapping_sub(1);
        if noun >= n
            || noun < case
            || !matches!(upos[noun], Upos::Noun | Upos::Propn)
            || !matches!(deprels[noun], Deprel::NMOD | Deprel::OBL)
        {
            continue;
        }
        let verb = children.span(noun).1 + 1;
        if verb >= n || upos[verb] != Upos::Verb || heads[verb] == 0 {
            continue;
        }
        let own = &children[verb];
        let free = !own.iter().any(|&k| {
            matches!(
                deprels[k],
                Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CSUBJ | Deprel::EXPL | Deprel::MARK
            )
        });
        let auxiliary = own.iter().any(|&k| deprels[k] == Deprel::AUX);
        let object = own.iter().any(|&k| deprels[k] == Deprel::OBJ);
        // (An "-ing" form with an object describes: "after reports citing officials".)
        let finite = auxiliary || object && !forms[verb].ends_with("ing");
        if free && finite && reaches_the_root(heads, verb + 1, noun + 1) {
            moves.push((case, noun, verb));
        }
    }
    for (case, noun, verb) in moves {
        heads[noun] = verb + 1;
        deprels[noun] = Deprel::NSUBJ;
        heads[case] = verb + 1;
        deprels[case] = Deprel::MARK;
    }
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
