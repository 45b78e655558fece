//! Parse repairs: noun phrases the parser splits or joins wrongly around a name.

use super::{children_of, list_test, lower_case, reaches_the_root};
use crate::extract::events::patterns::ArgumentRules;
use crate::extract::parse::{Deprel, Upos};

/// "Norway reduced food supplies to Peru", "... to the camp, officials said": with the name
/// standing in as a proper noun, the parser reads name, past form and noun as one noun phrase
/// ("Norway" a compound, "reduced" an adjective). When a noun that is the root, or the subject
/// of the verb it comes before, has a name right before a past form ("-ed") among its
/// modifiers and no verb of its own, the past form heads the clause in the noun's place, the
/// name is its subject and the noun its object. A clause in a subject's place is what was said.
pub(super) fn a_name_before_a_past_form_is_its_subject(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::AMOD) || !deprels.contains(&Deprel::COMPOUND) {
        return;
    }
    let children = children_of(heads);
    let Some(verb) = (1..forms.len()).find(|&v| {
        let n = v - 1;
        let noun = heads[v].wrapping_sub(1);
        deprels[v] == Deprel::AMOD
            && upos[v] == Upos::Verb
            && lower_case(forms[v]).ends_with("ed")
            && heads[n] == heads[v]
            && upos[n] == Upos::Propn
            && deprels[n] == Deprel::COMPOUND
            && noun < forms.len()
            && matches!(upos[noun], Upos::Noun | Upos::Propn)
            && (heads[noun] == 0 || deprels[noun] == Deprel::NSUBJ && heads[noun] > noun + 1)
    }) else {
        return;
    };
    let (name, noun) = (verb - 1, heads[verb] - 1);
    // The noun's own words hold no other verb (else the past form may well describe it),
    // besides a clause with a marker of its own ("because ..."), which goes to the verb.
    let marked = |w: usize| {
        deprels[w] == Deprel::ADVCL && children[w].iter().any(|&k| deprels[k] == Deprel::MARK)
    };
    let mut stack = vec![noun];
    while let Some(w) = stack.pop() {
        if w != verb && matches!(upos[w], Upos::Verb | Upos::Aux) {
            return;
        }
        stack.extend(children[w].iter().copied().filter(|&k| !marked(k)));
    }
    let moved: Vec<usize> = children[noun]
        .iter()
        .copied()
        .filter(|&k| k < verb || marked(k))
        .collect();
    heads[verb] = heads[noun];
    deprels[verb] = if heads[noun] == 0 {
        Deprel::ROOT
    } else {
        Deprel::CCOMP
    };
    for k in moved {
        heads[k] = verb + 1;
    }
    deprels[name] = Deprel::NSUBJ;
    heads[noun] = verb + 1;
    deprels[noun] = Deprel::OBJ;
}

/// "Smith has told voters his Liberal Democrats will offer them a choice": the parser makes
/// "his" the object of "offer" and the name after it the subject. An object never comes
/// before its verb and that verb's subject in a statement; a possessive pronoun
/// (`possessive_pronouns`) so placed, right before the subject's phrase, is the subject's
/// owner. `heads` are 1-based, 0 the root.
pub(super) fn a_possessive_before_a_subject_is_its_determiner(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let possessive = list_test(rules, "possessive_pronouns");
    for p in 0..forms.len().saturating_sub(1) {
        if !matches!(deprels[p], Deprel::OBJ | Deprel::IOBJ)
            || heads[p] <= p + 1
            || !possessive(&lower_case(forms[p]))
        {
            continue;
        }
        let verb = heads[p];
        // The subject's head, with every word between the pronoun and it inside its phrase.
        let Some(subject) =
            (p + 1..verb - 1).find(|&s| deprels[s] == Deprel::NSUBJ && heads[s] == verb)
        else {
            continue;
        };
        if (p + 1..subject).all(|k| heads[k] == subject + 1) {
            heads[p] = subject + 1;
            deprels[p] = Deprel::NMOD_POSS;
        }
    }
}

/// "Peru, Chile and Norway met": after a list of names the tagger may take the verb for a
/// noun, to which the parser still gives the names as their clause's subject. A common noun
/// heading a clause never takes a subject of its own in English except through a copula
/// ("Peru is the host"), so such a noun with a name or pronoun as its subject before it (at
/// the root, any noun) and no copula is read as the verb it is. A noun that is itself a subject or object is left
/// alone: there the subject is the parser's mistake, not the tag. Runs after the other
/// repairs, which turn some such nouns into objects ("Members criticised the plans").
pub(super) fn a_noun_with_a_subject_is_a_verb(
    upos: &mut [Upos],
    heads: &[usize],
    deprels: &[Deprel],
) {
    if !deprels.contains(&Deprel::NSUBJ) {
        return;
    }
    let children = children_of(heads);
    for w in 0..upos.len() {
        let clause = matches!(
            deprels[w],
            Deprel::ROOT | Deprel::CONJ | Deprel::CCOMP | Deprel::ADVCL | Deprel::PARATAXIS
        );
        if upos[w] != Upos::Noun || !clause {
            continue;
        }
        // (At the root, any noun phrase: "Officials from Peru and Chile met".)
        let subject = children[w].iter().any(|&k| {
            k < w
                && deprels[k] == Deprel::NSUBJ
                && (matches!(upos[k], Upos::Propn | Upos::Pron)
                    || deprels[w] == Deprel::ROOT && upos[k] == Upos::Noun)
        });
        let copula = children[w].iter().any(|&k| deprels[k] == Deprel::COP);
        if subject && !copula {
            upos[w] = Upos::Verb;
        }
    }
}

/// "Finland applied to join NATO after Russia invaded Ukraine": with the name standing in as a
/// proper noun, the parser reads "after Russia" as a phrase of the noun before and the verb
/// after it as a clause of the one before that, so the invasion is NATO's. A word that opens
/// clauses (`aside_subject_marks`: "after", "as", "since") right before a name or pronoun, and
/// a verb right after it (auxiliaries between) with no subject of its own, make a clause:
/// the name is the verb's subject, the word its marker, and the verb an adverbial clause of
/// the nearest verb above the phrase. `heads` are 1-based, 0 the root.
pub(super) fn a_name_after_a_clause_word_is_the_subject_of_the_verb_after_it(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let opens = list_test(rules, "aside_subject_marks");
    for i in 0..forms.len().saturating_sub(2) {
        let n = i + 1;
        if deprels[i] != Deprel::CASE
            || heads[i] != n + 1
            || !matches!(upos[n], Upos::Propn | Upos::Pron)
            || !matches!(deprels[n], Deprel::NMOD | Deprel::OBL)
            || !opens(&lower_case(forms[i]))
        {
            continue;
        }
        let Some(v) = (n + 1..forms.len()).find(|&k| upos[k] != Upos::Aux) else {
            continue;
        };
        let children = children_of(heads);
        let own_subject = children[v]
            .iter()
            .any(|&k| matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS));
        if upos[v] != Upos::Verb || own_subject || (n + 1..v).any(|k| heads[k] != v + 1) {
            continue;
        }
        // The nearest verb above the name's phrase, which the new clause modifies.
        let mut h = heads[n];
        while h != 0 && upos[h - 1] != Upos::Verb {
            h = heads[h - 1];
        }
        if h == 0 || h == v + 1 {
            continue;
        }
        let saved = (
            heads[n], deprels[n], heads[i], deprels[i], heads[v], deprels[v],
        );
        heads[n] = v + 1;
        deprels[n] = Deprel::NSUBJ;
        heads[i] = v + 1;
        deprels[i] = Deprel::MARK;
        heads[v] = h;
        deprels[v] = Deprel::ADVCL;
        // No cycle: the verb above must not now hang below the clause.
        if !reaches_the_root(heads, h, v + 1) {
            (
                heads[n], deprels[n], heads[i], deprels[i], heads[v], deprels[v],
            ) = saved;
        }
    }
}

/// "He argued that the EU was moving …, and would eventually recognise the need …": a verb
/// with a modal of its own (`modal_auxiliaries`) and no subject, coordinated with a reporting
/// verb (`reporting_verbs`) after that verb's reported clause, goes on with that clause: what
/// the EU would do, not what the one who argues would. The parser hangs it on the reporting
/// verb, so the reporter became its subject. `heads` are 1-based, 0 the root.
pub(super) fn a_modal_conjunct_after_a_reported_clause_is_part_of_it(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &mut [usize],
    deprels: &[Deprel],
) {
    if !deprels.contains(&Deprel::CCOMP) || !deprels.contains(&Deprel::CONJ) {
        return;
    }
    let reporting = list_test(rules, "reporting_verbs");
    let modal = list_test(rules, "modal_auxiliaries");
    let children = children_of(heads);
    for v in 0..forms.len() {
        if !reporting(&lower_case(forms[v])) {
            continue;
        }
        let Some(&clause) = children[v]
            .iter()
            .find(|&&c| c > v && deprels[c] == Deprel::CCOMP)
        else {
            continue;
        };
        for &k in &children[v] {
            let own_subject = children[k].iter().any(|&c| {
                matches!(
                    deprels[c],
                    Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::CSUBJ | Deprel::EXPL
                )
            });
            let own_modal = children[k]
                .iter()
                .any(|&c| deprels[c] == Deprel::AUX && modal(&lower_case(forms[c])));
            if k > clause && deprels[k] == Deprel::CONJ && !own_subject && own_modal {
                heads[k] = clause + 1;
            }
        }
    }
}

/// "Jordan's King Abdullah criticised Israel", "Britain's Tony Blair met George Bush", "met
/// Peru's Ola Berg": with both names standing in as proper nouns, the parser often makes the
/// possessor a second subject of the verb, or the head of the owned name (a "flat" or
/// conjoined part of it), or the root with the verb hung under the object or the possessor
/// (the object then a conjunct of the possessor). A name followed by "'s" and another name
/// is that name's owner, and the owned name takes the possessor's place in the clause; in
/// the last case the verb whose subject the owned name is heads the clause, and a word that
/// hung from the possessor after the verb, the verb hanging from it, is its object.
/// `heads` are 1-based, 0 the root.
pub(super) fn a_name_before_a_possessive_owns_the_name_after_it(
    forms: &[&str],
    names: &[Option<usize>],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = forms.len();
    for p in 0..n.saturating_sub(2) {
        let owned = p + 2;
        if names[p].is_none()
            || names[owned].is_none()
            || !matches!(forms[p + 1], "'s" | "\u{2019}s")
            || heads[p + 1] != p + 1
            || heads[p] == owned + 1
            // ("the Scottish National Party's Holyrood leader": the owned name only
            // qualifies the noun after it.)
            || upos
                .get(owned + 1)
                .is_some_and(|u| matches!(u, Upos::Noun | Upos::Propn))
        {
            continue;
        }
        if heads[owned] == p + 1 && heads[p] != 0 {
            // The owned name hangs from the possessor: it takes the possessor's place, and
            // the possessor's other words.
            heads[owned] = heads[p];
            deprels[owned] = deprels[p];
            for (k, h) in heads.iter_mut().enumerate() {
                if *h == p + 1 && k != p + 1 && k != owned {
                    *h = owned + 1;
                }
            }
        } else if heads[owned] == heads[p] && heads[p] != 0 {
            // Both hang from one word ("Peru" and "Ana Ruiz" both subjects of "met"): the
            // owned name keeps its relation unless it was read as a part of the possessor's
            // name, when the possessor's relation is the phrase's.
            if matches!(
                deprels[owned],
                Deprel::FLAT | Deprel::COMPOUND | Deprel::APPOS | Deprel::DEP
            ) {
                deprels[owned] = deprels[p];
            }
        } else if heads[p] == 0 && deprels[owned] == Deprel::NSUBJ && heads[owned] > owned + 1 {
            // The possessor as the root: the verb hangs from it, or from a word after the
            // verb that hangs from it.
            let verb = heads[owned] - 1;
            if upos[verb] != Upos::Verb {
                continue;
            }
            let object = (heads[verb] != p + 1)
                .then(|| heads[verb].wrapping_sub(1))
                .filter(|&x| x > verb && x < n && heads[x] == p + 1);
            if heads[verb] != p + 1 && object.is_none() {
                continue;
            }
            heads[verb] = 0;
            deprels[verb] = Deprel::ROOT;
            if let Some(x) = object {
                heads[x] = verb + 1;
                deprels[x] = Deprel::OBJ;
            }
            for (k, h) in heads.iter_mut().enumerate() {
                if *h == p + 1 && k != p + 1 && k != owned {
                    *h = verb + 1;
                }
            }
        } else {
            continue;
        }
        heads[p] = owned + 1;
        deprels[p] = Deprel::NMOD_POSS;
    }
}

/// "Gordon Brown's closest ally has denied", "Israel's militia ally in southern Lebanon": the
/// tagger reads a noun ending in "-ly" as an adverb, the parser hangs it on the verb and gives
/// the verb the word before it (the possessor, an adjective, a noun) as subject or object. A
/// word of `relative_nouns` or `associate_nouns` so read, right after a phrase whose head the
/// parser gave that verb, is the head of the phrase: it takes the phrase head's place, and the
/// old head becomes its possessor (after "'s" or a possessive pronoun), adjective or compound.
pub(super) fn a_noun_read_as_an_adverb_heads_its_phrase(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let noun = |w: &str| rules.has("associate_nouns", w) || rules.has("relative_nouns", w);
    let possessive = list_test(rules, "possessive_pronouns");
    for x in 1..forms.len() {
        let verb = heads[x];
        if upos[x] != Upos::Adv
            || deprels[x] != Deprel::ADVMOD
            || verb == 0
            || !noun(&lower_case(forms[x]))
        {
            continue;
        }
        // The nearest word before it that the parser gave the verb as a noun phrase's head,
        // with every word between inside that phrase.
        // (The parser may hang an adjective between on the verb too: "closest".)
        let loose = |k: usize| heads[k] == verb && upos[k] == Upos::Adj;
        let Some(p) = (0..x).rev().find(|&k| heads[k] == verb && !loose(k)) else {
            continue;
        };
        let nominal = matches!(
            deprels[p],
            Deprel::NSUBJ | Deprel::NSUBJ_PASS | Deprel::OBJ | Deprel::IOBJ | Deprel::OBL
        );
        let inside = |k: usize| heads[k] > p && heads[k] <= x + 1;
        if !nominal || (p + 1..x).any(|k| !inside(k) && !loose(k)) {
            continue;
        }
        let owned = (p + 1..x).any(|k| matches!(forms[k], "'s" | "’s" | "'"))
            || possessive(&lower_case(forms[p]));
        upos[x] = Upos::Noun;
        deprels[x] = deprels[p];
        deprels[p] = if owned {
            Deprel::NMOD_POSS
        } else if upos[p] == Upos::Adj {
            Deprel::AMOD
        } else {
            Deprel::COMPOUND
        };
        heads[p] = x + 1;
        // The old head's adjectives after it ("closest"), and the possessive or determiner
        // the parser also hung on the verb ("Her closest ally"), are the noun's.
        for k in 0..x {
            let adjective = k > p
                && (heads[k] == p + 1 && deprels[k] == Deprel::AMOD
                    || heads[k] == verb && upos[k] == Upos::Adj);
            if k > p && heads[k] == verb {
                deprels[k] = Deprel::AMOD;
            }
            let before = k < p
                && heads[k] == verb
                && matches!(deprels[k], Deprel::NMOD_POSS | Deprel::DET | Deprel::AMOD);
            if adjective || before {
                heads[k] = x + 1;
            }
        }
    }
}

/// "Mr Blair repeated calls for the mayor to apologise", "a call for him to pause from Mr
/// Kennedy": the parser hangs the one asked as a phrase of the noun of asking and the asked
/// act as a clause of the main verb, so the mayor's apology became Mr Blair's, done. A noun of
/// asking (`asking_nouns`), then "for", a noun phrase, "to" and a verb with no subject of its
/// own: the verb is a clause of the noun, the phrase its subject and "for" its marker, as in
/// the treebank. `heads` are 1-based, 0 the root.
pub(super) fn the_one_asked_for_is_the_subject_of_the_act_asked(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let asking = list_test(rules, "asking_nouns");
    for n in 0..forms.len().saturating_sub(4) {
        let f = n + 1;
        if upos[n] != Upos::Noun
            || !forms[f].eq_ignore_ascii_case("for")
            || !asking(&lower_case(forms[n]))
        {
            continue;
        }
        // The phrase after "for": the word "for" hangs from, with every word up to it its own.
        let x = heads[f].wrapping_sub(1);
        if x <= f
            || x + 2 >= forms.len()
            || !matches!(upos[x], Upos::Noun | Upos::Propn | Upos::Pron)
            || (f + 1..x).any(|k| heads[k] != x + 1)
            || !forms[x + 1].eq_ignore_ascii_case("to")
        {
            continue;
        }
        // The verb "to" marks (quotes may stand between them).
        let v = heads[x + 1].wrapping_sub(1);
        if v <= x + 1
            || v >= forms.len()
            || upos[v] != Upos::Verb
            || (x + 2..v).any(|k| upos[k] != Upos::Punct)
            || heads[x] == v + 1
        {
            continue;
        }
        let children = children_of(heads);
        if children[v]
            .iter()
            .any(|&k| matches!(deprels[k], Deprel::NSUBJ | Deprel::NSUBJ_PASS))
        {
            continue;
        }
        // No cycle: the noun must not hang below the verb.
        if !reaches_the_root(heads, n + 1, v + 1) {
            continue;
        }
        heads[v] = n + 1;
        deprels[v] = Deprel::ACL;
        heads[x] = v + 1;
        deprels[x] = Deprel::NSUBJ;
        heads[f] = v + 1;
        deprels[f] = Deprel::MARK;
    }
}

/// "British aircraft using precision guided missiles killed 4 Iraqis": the parser makes the
/// subject noun the root, the "-ing" phrase describing it a clause, and the main verb a
/// clause of that phrase, so the killing has no subject. A root noun (no copula) with a
/// describing clause, and after it a verb with an object (or any verb, after a participle
/// with its agent), no subject and no marker hanging below that clause, is that verb's
/// subject; the verb is the root. `heads` are 1-based.
pub(super) fn a_verb_below_a_described_root_noun_is_the_main_verb(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(r) = deprels.iter().position(|&d| d == Deprel::ROOT) else {
        return;
    };
    // Only a root noun with a describing clause, or a root participle with an agent.
    let below_root = |rel: Deprel| (0..forms.len()).any(|k| heads[k] == r + 1 && deprels[k] == rel);
    let noun_root = matches!(upos[r], Upos::Noun | Upos::Propn)
        && (0..forms.len()).any(|k| describes(heads, deprels, k, r));
    let participle_root = upos[r] == Upos::Verb && below_root(Deprel::OBL_AGENT);
    if !noun_root && !participle_root {
        return;
    }
    let children = children_of(heads);
    // "Chilean troops backed by tanks attacked three villages": the root is the participle,
    // its subject the noun it describes. Read from its subject, as the noun case below.
    if upos[r] == Upos::Verb
        && lower_case(forms[r]).ends_with("ed")
        && children[r].iter().any(|&k| deprels[k] == Deprel::OBL_AGENT)
        && !children[r]
            .iter()
            .any(|&k| matches!(deprels[k], Deprel::AUX | Deprel::AUX_PASS | Deprel::OBJ))
        && let Some(&s) = children[r]
            .iter()
            .find(|&&k| k < r && deprels[k] == Deprel::NSUBJ)
    {
        heads[r] = s + 1;
        deprels[r] = Deprel::ACL;
        heads[s] = 0;
        deprels[s] = Deprel::ROOT;
        if !a_verb_below_the_root_noun_is_the_main_verb(forms, upos, heads, deprels, s) {
            heads[s] = r + 1;
            deprels[s] = Deprel::NSUBJ;
            heads[r] = 0;
            deprels[r] = Deprel::ROOT;
        }
        return;
    }
    a_verb_below_the_root_noun_is_the_main_verb(forms, upos, heads, deprels, r);
}

/// Whether word `k` is a clause describing the noun `r` or a noun in its phrase ("members of
/// the association, a body linked to …": the clause of the apposition of the noun's "of"
/// phrase describes the subject too). `heads` are 1-based.
fn describes(heads: &[usize], deprels: &[Deprel], k: usize, r: usize) -> bool {
    if deprels[k] != Deprel::ACL {
        return false;
    }
    let mut w = k;
    for _ in 0..heads.len() {
        match heads[w].checked_sub(1) {
            Some(h) if h == r => return true,
            Some(h) if matches!(deprels[h], Deprel::NMOD | Deprel::APPOS) => w = h,
            _ => return false,
        }
    }
    false
}

/// The noun case of [`a_verb_below_a_described_root_noun_is_the_main_verb`], for the root
/// noun `r`; whether it moved anything.
fn a_verb_below_the_root_noun_is_the_main_verb(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
    r: usize,
) -> bool {
    if !matches!(upos[r], Upos::Noun | Upos::Propn) {
        return false;
    }
    let children = children_of(heads);
    if children[r].iter().any(|&k| deprels[k] == Deprel::COP) {
        return false;
    }
    let Some(a) =
        (r + 1..forms.len()).find(|&k| upos[k] == Upos::Verb && describes(heads, deprels, k, r))
    else {
        return false;
    };
    let Some(&v) = children[a].iter().find(|&&k| {
        k > a
            && upos[k] == Upos::Verb
            && matches!(deprels[k], Deprel::ADVCL | Deprel::CONJ | Deprel::PARATAXIS)
            && !lower_case(forms[k]).ends_with("ing")
    }) else {
        return false;
    };
    let own = |rels: &[Deprel]| children[v].iter().any(|&k| rels.contains(&deprels[k]));
    // "Aid sent by Chile arrived in Lima": after a passive participle with its agent, a verb
    // with no object of its own is the main verb as well.
    let agent = children[a].iter().any(|&k| deprels[k] == Deprel::OBL_AGENT);
    if !(own(&[Deprel::OBJ]) || agent)
        || own(&[
            Deprel::NSUBJ,
            Deprel::NSUBJ_PASS,
            Deprel::MARK,
            Deprel::CC,
            Deprel::AUX_PASS,
        ])
    {
        return false;
    }
    heads[v] = 0;
    deprels[v] = Deprel::ROOT;
    heads[r] = v + 1;
    deprels[r] = Deprel::NSUBJ;
    for &k in &children[r] {
        if k > v {
            heads[k] = v + 1;
        }
    }
    true
}

/// "A camp for Congolese refugees was attacked by …", "Support for a ban has fallen": the
/// parser sometimes hangs a phrase standing between a subject and its verb on the verb. In a
/// statement a phrase that follows the subject's own words at once, with only auxiliaries and
/// adverbs after it before the verb, is the subject's (`subject_phrase_cases`: "for", "of",
/// "in", …; not "with" or "along", which add a partner to the act). Only for a noun subject: "we in South
/// Africa" says where the speakers are. `heads` are 1-based, 0 the root.
pub(super) fn a_subjects_phrase_before_its_verb(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    // The cheap cue first: an oblique before its verb.
    if !(0..forms.len()).any(|p| deprels[p] == Deprel::OBL && heads[p] > p + 1) {
        return;
    }
    let cases = list_test(rules, "subject_phrase_cases");
    let children = children_of(heads);
    // The last word of `w`'s phrase.
    let last_of = |w: usize| children.span(w).1;
    let mut moves = Vec::new();
    for p in 0..forms.len() {
        if deprels[p] != Deprel::OBL
            || heads[p] <= p + 1
            || !matches!(upos[p], Upos::Noun | Upos::Propn)
        {
            continue;
        }
        let verb = heads[p] - 1;
        let Some(subject) = children[verb].iter().copied().find(|&s| {
            s < p
                && matches!(deprels[s], Deprel::NSUBJ | Deprel::NSUBJ_PASS)
                && matches!(upos[s], Upos::Noun | Upos::Propn)
        }) else {
            continue;
        };
        // The phrase opens with its case word right after the subject's last word.
        let first = children[p].first().copied().unwrap_or(p).min(p);
        let case_ok =
            first < p && deprels[first] == Deprel::CASE && cases(&lower_case(forms[first]));
        if !case_ok || first != last_of(subject) + 1 {
            continue;
        }
        // Nothing but auxiliaries and adverbs of the verb between the phrase and the verb.
        let end = last_of(p);
        let clear = (end + 1..verb).all(|k| {
            heads[k] == verb + 1
                && matches!(deprels[k], Deprel::AUX | Deprel::AUX_PASS | Deprel::ADVMOD)
        });
        if clear && end < verb {
            moves.push((p, subject));
        }
    }
    for (p, subject) in moves {
        heads[p] = subject + 1;
        deprels[p] = Deprel::NMOD;
    }
}

/// "Pakistan, a key U.S. ally in the war, has refused …": after a comma the parser may read a
/// name with an indefinite article (`indefinite_articles`) as a conjunct of the name before,
/// so the two act together. A name in a list takes no "a" of its own, and a conjunct after a
/// comma with no "and" or "or" is a description: the name before is what it describes.
/// `heads` are 1-based, 0 the root.
pub(super) fn an_indefinite_name_after_a_comma_describes(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &[usize],
    deprels: &mut [Deprel],
) {
    let indefinite = list_test(rules, "indefinite_articles");
    for d in 1..forms.len() {
        if deprels[d] != Deprel::DET || forms[d - 1] != "," || !indefinite(&lower_case(forms[d])) {
            continue;
        }
        let Some(name) = heads[d].checked_sub(1) else {
            continue;
        };
        if name <= d || deprels[name] != Deprel::CONJ || upos[name] != Upos::Propn {
            continue;
        }
        // (a conjunct of a list has its "and" or "or", or a comma of its own before "a")
        let joined = (0..forms.len()).any(|k| heads[k] == name + 1 && deprels[k] == Deprel::CC);
        if !joined {
            deprels[name] = Deprel::APPOS;
        }
    }
}

/// "A two-day visit by the Turkish foreign minister to Baghdad ended", "An agreement between
/// Chile and Hamas took effect": the parser hangs the phrase after a subject noun on the verb,
/// as an oblique or a second subject ("by the minister", "and Hamas"). Between a subject
/// and its verb, a phrase introduced by "by" or by a word of `mutual_cases` that follows the
/// subject's own words directly belongs to the subject; a second subject joined by "and"
/// right after the subject's "between" phrase is that phrase's second side. `heads` are
/// 1-based, 0 the root.
pub(super) fn a_phrase_between_a_subject_and_its_verb_is_the_subjects(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let mutual_case = list_test(rules, "mutual_cases");
    let mutual = |w: usize| mutual_case(forms[w]);
    let cue = |w: usize| forms[w].eq_ignore_ascii_case("by") || mutual(w);
    let n = forms.len();
    if !(0..n).any(cue) {
        return;
    }
    let children = children_of(heads);
    // The first and last word of the phrase `w` heads.
    let extent = |w: usize| children.span(w);
    let opened_by = |w: usize, lo: usize, test: &dyn Fn(usize) -> bool| {
        children[w]
            .iter()
            .any(|&k| k == lo && deprels[k] == Deprel::CASE && test(k))
    };
    let mut moves: Vec<(usize, usize, Deprel)> = Vec::new();
    for s in 0..n {
        if !matches!(deprels[s], Deprel::NSUBJ | Deprel::NSUBJ_PASS) || upos[s] != Upos::Noun {
            continue;
        }
        let Some(v) = heads[s].checked_sub(1).filter(|&v| v > s && v < n) else {
            continue;
        };
        let (_, end) = extent(s);
        for &o in &children[v] {
            if o <= end || o >= v {
                continue;
            }
            let (lo, hi) = extent(o);
            let phrase = matches!(
                deprels[o],
                Deprel::OBL | Deprel::OBL_AGENT | Deprel::NSUBJ | Deprel::NSUBJ_PASS
            );
            if phrase && lo == end + 1 && hi < v && opened_by(o, lo, &cue) {
                moves.push((o, s, Deprel::NMOD));
            }
        }
        // "between Chile and Hamas took effect": the second side read as a second subject.
        for &b in &children[s] {
            let (lo, hi) = extent(b);
            if deprels[b] != Deprel::NMOD || !opened_by(b, lo, &mutual) || hi + 2 >= v {
                continue;
            }
            let and = hi + 1;
            if !forms[and].eq_ignore_ascii_case("and") {
                continue;
            }
            if let Some(&s2) = children[v].iter().find(|&&k| {
                k > and && deprels[k] == Deprel::NSUBJ && extent(k) == (and + 1, extent(k).1)
            }) && extent(s2).1 < v
            {
                moves.push((s2, b, Deprel::CONJ));
                moves.push((and, s2, Deprel::CC));
            }
        }
    }
    for (w, head, rel) in moves {
        heads[w] = head + 1;
        deprels[w] = rel;
    }
}

/// "Norway rejected proposed Chilean changes": with no determiner before it, the parser hangs
/// the participle as a clause of the verb and the noun as the participle's object, leaving the
/// verb without one. A past form ("-ed") right after a verb with no object of its own, hung
/// from it as an adverbial clause with an object and nothing else (no subject, marker,
/// auxiliary or oblique), describes that object, which is the verb's. "Chile freed six jailed
/// Peruvians in a swap": a count between them, read as the past form's subject (the clause
/// then a complement), counts the object, and the past form's phrases after the object go to
/// the verb.
pub(super) fn a_participle_before_an_object_is_its_adjective(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let past = |k: usize| {
        let b = forms[k].as_bytes();
        b.len() > 2 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
    };
    // The cheap cue first: a past form hung as a clause (as a complement, after a count).
    let candidate = |k: usize| {
        upos[k] == Upos::Verb
            && (deprels[k] == Deprel::ADVCL
                || deprels[k] == Deprel::CCOMP && k >= 2 && upos[k - 1] == Upos::Num)
            && past(k)
    };
    if !(1..forms.len()).any(candidate) {
        return;
    }
    let children = children_of(heads);
    for k in 1..forms.len() {
        let count = (k >= 2
            && upos[k - 1] == Upos::Num
            && deprels[k - 1] == Deprel::NSUBJ
            && heads[k - 1] == k + 1)
            .then_some(k - 1);
        let verb = count.map_or(k - 1, |c| c - 1);
        let clause = deprels[k] == Deprel::ADVCL || count.is_some() && deprels[k] == Deprel::CCOMP;
        if !clause
            || heads[k] != verb + 1
            || upos[k] != Upos::Verb
            || upos[verb] != Upos::Verb
            || !past(k)
            || children[verb].iter().any(|&c| deprels[c] == Deprel::OBJ)
        {
            continue;
        }
        let mut object = None;
        let mut after = Vec::new();
        let mut other = false;
        for &c in &children[k] {
            if deprels[c] == Deprel::OBJ && c > k && object.is_none() {
                object = Some(c);
            } else if Some(c) == count {
            } else if count.is_some() && deprels[c] == Deprel::OBL && object.is_some_and(|o| c > o)
            {
                after.push(c);
            } else {
                other = true;
            }
        }
        let (Some(object), false) = (object, other) else {
            continue;
        };
        heads[object] = verb + 1;
        deprels[object] = Deprel::OBJ;
        heads[k] = object + 1;
        deprels[k] = Deprel::AMOD;
        if let Some(c) = count {
            heads[c] = object + 1;
            deprels[c] = Deprel::NUMMOD;
        }
        for c in after {
            heads[c] = verb + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;

    /// Runs the repair on a hand-made parse (`heads` 1-based) and gives the heads after it.
    fn repaired(forms: &[&str], upos: &[Upos], heads: &[usize], deprels: &[Deprel]) -> Vec<usize> {
        let lex = Lexicon::embedded();
        let (mut heads, mut deprels) = (heads.to_vec(), deprels.to_vec());
        a_subjects_phrase_before_its_verb(&lex.arguments, forms, upos, &mut heads, &mut deprels);
        heads
    }

    #[test]
    fn a_phrase_right_after_a_noun_subject_is_the_subjects_own() {
        use Upos::{Adp, Aux, Noun, Pron, Verb};
        let d = |s: &str| Deprel::from_name(s).expect("a known relation");
        // "Camps for refugees were shelled": "for refugees" moves to "camps".
        let heads = repaired(
            &["Camps", "for", "refugees", "were", "shelled"],
            &[Noun, Adp, Noun, Aux, Verb],
            &[5, 3, 5, 5, 0],
            &[
                d("nsubj:pass"),
                d("case"),
                d("obl"),
                d("aux:pass"),
                d("root"),
            ],
        );
        assert_eq!(heads, vec![5, 3, 1, 5, 0]);
        // A pronoun subject keeps it: "We in Chile protested".
        let heads = repaired(
            &["We", "in", "Chile", "protested"],
            &[Pron, Adp, Noun, Verb],
            &[4, 3, 4, 0],
            &[d("nsubj"), d("case"), d("obl"), d("root")],
        );
        assert_eq!(heads, vec![4, 3, 4, 0]);
        // "With" adds a partner to the act: "Norway with its allies protested".
        let heads = repaired(
            &["Norway", "with", "allies", "protested"],
            &[Noun, Adp, Noun, Verb],
            &[4, 3, 4, 0],
            &[d("nsubj"), d("case"), d("obl"), d("root")],
        );
        assert_eq!(heads, vec![4, 3, 4, 0]);
    }

    #[test]
    fn a_name_after_a_comma_and_an_article_is_no_conjunct() {
        use Upos::{Det, Noun, Propn, Punct, Verb};
        let lex = Lexicon::embedded();
        let d = |s: &str| Deprel::from_name(s).expect("a known relation");
        // "Norway , a Chilean ally , refused": "Chilean" (a name) read as a conjunct.
        let forms = ["Norway", ",", "a", "Chile", "ally", ",", "refused"];
        let upos = [Propn, Punct, Det, Propn, Noun, Punct, Verb];
        let heads = [7, 4, 4, 1, 1, 7, 0];
        let mut deprels = [
            d("nsubj"),
            d("punct"),
            d("det"),
            d("conj"),
            d("advmod"),
            d("punct"),
            d("root"),
        ];
        an_indefinite_name_after_a_comma_describes(
            &lex.arguments,
            &forms,
            &upos,
            &heads,
            &mut deprels,
        );
        assert_eq!(deprels[3], d("appos"));
        // A common noun so read is left to the parser: "Norway , a Chilean delegation".
        let upos = [Propn, Punct, Det, Propn, Noun, Punct, Verb];
        let heads = [7, 4, 5, 5, 1, 7, 0];
        let mut deprels = [
            d("nsubj"),
            d("punct"),
            d("det"),
            d("amod"),
            d("conj"),
            d("punct"),
            d("root"),
        ];
        an_indefinite_name_after_a_comma_describes(
            &lex.arguments,
            &forms,
            &upos,
            &heads,
            &mut deprels,
        );
        assert_eq!(deprels[4], d("conj"));
    }
}
