//! Parse repairs for sentence shapes of wire news the parser has seen few of: a past form
//! opening the sentence before its subject ("Unidentified gunmen attacked"), a plural noun
//! opening it read as its verb ("Envoys from Chile met"), a past form read
//! as a noun that still takes an object ("police shot three protesters"), a noun summing up
//! the clause before with a relative clause of its own ("…, a charge Santiago denied"), and a
//! sentence of a noun and a past form of motion ("Kenyan troops crossed into Somalia"), a
//! past form read as a noun between two nouns ("warplanes struck targets"), a verb of using
//! read as an adjective ("police used water cannon to disperse"), an object set after the
//! judgement that qualifies it ("rejected as groundless a report by …"), and a noun before
//! "in" and a country's place ("a village in Nigeria's Zamfara state"), and a condition read
//! as the owner of a noun ("if Chile reimposed sanctions"), and "by" after the deed an
//! inquiry looks into ("an inquiry into crimes by Chilean soldiers"), and "persona non grata"
//! after what a verb declares it of ("declared the ambassador persona non grata"), and an
//! "-ing" word between a possessive and its noun ("its remaining border crossings"), and a
//! plural naming what was said read as a verb before "by" ("denounced remarks by …"), and
//! two names a headline joins with a comma ("Chile, Peru agree …").

use super::{children_of, list_test, lower_case};
use crate::extract::events::patterns::ArgumentRules;
use crate::extract::parse::{Deprel, Upos};

/// The repairs of this file that run first among the parse repairs, in order.
pub(super) fn repair(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    an_opening_past_form_before_a_subject_describes_it(forms, upos, heads, deprels);
    an_opening_plural_read_as_a_verb_is_the_subject(forms, upos, heads, deprels);
    a_past_form_read_as_a_compound_between_two_nouns_is_the_verb(
        rules, forms, upos, heads, deprels,
    );
    a_root_noun_with_an_object_is_a_verb(upos, heads, deprels);
    a_using_verb_inside_a_noun_phrase_is_the_verb(rules, forms, upos, heads, deprels);
    an_object_after_as_and_a_judgement_is_the_verbs(forms, upos, heads, deprels);
    a_noun_before_a_place_in_a_country_is_no_compound(rules, forms, upos, heads, deprels);
    a_noun_summing_up_the_clause_has_a_relative_clause(rules, forms, upos, heads, deprels);
    a_condition_read_as_an_owner_is_a_clause(rules, forms, upos, heads, deprels);
    a_by_phrase_after_the_deed_looked_into_is_the_deeds(rules, forms, upos, heads, deprels);
    persona_non_grata_is_what_the_verb_declares(forms, upos, heads, deprels);
    an_ing_word_after_a_possessive_before_a_bare_noun_describes_it(forms, upos, heads, deprels);
    super::subjects::a_second_subject_before_a_reported_clause_is_its_own(upos, heads, deprels);
    a_said_noun_read_as_a_verb_before_by_is_the_object(rules, forms, upos, heads, deprels);
    a_name_comma_name_before_their_verb_are_its_subjects(forms, upos, heads, deprels);
}

/// "Chile, Peru agree to reopen border crossings": a headline joins two subjects with a
/// comma where a sentence has "and". The parser reads the first name as a loose phrase of the
/// verb (an unmarked oblique, a vocative) and the second as its only subject, so the act has
/// one side. A name opening the sentence, a comma, and a name that is the subject of the
/// verb right after it, with the first name hung on that verb too: the first name is the
/// subject and the second its conjunct.
fn a_name_comma_name_before_their_verb_are_its_subjects(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if heads.len() < 4
        || upos[0] != Upos::Propn
        || forms[1] != ","
        || upos[2] != Upos::Propn
        || upos[3] != Upos::Verb
        || deprels[2] != Deprel::NSUBJ
        || heads[2] != 4
        || heads[0] != 4
        || !matches!(
            deprels[0].name(),
            "obl:unmarked" | "nmod:unmarked" | "vocative" | "dep" | "appos"
        )
    {
        return;
    }
    deprels[0] = Deprel::NSUBJ;
    (heads[2], deprels[2]) = (1, Deprel::CONJ);
    (heads[1], deprels[1]) = (3, Deprel::PUNCT);
}

/// "Chile denounced remarks by a Peruvian minister": a plural that names what someone said
/// (`said_nouns`: remarks, claims, statements) right after a verb may be tagged a verb
/// ("remarks", "claims"), the complement or clause of the verb before, with the "by" phrase
/// as its agent, so the verb has no object and its act no target. When that word has no
/// subject, object, complement, auxiliary or marker of its own, and the verb before no
/// object, the word is the noun it is, that verb's object, and the "by" phrase names its
/// author on the verb (as the parser reads "dismissed remarks by the Peruvian president").
fn a_said_noun_read_as_a_verb_before_by_is_the_object(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let said = list_test(rules, "said_nouns");
    for w in 1..heads.len() {
        if upos[w] != Upos::Verb
            || heads[w] != w
            || upos[w - 1] != Upos::Verb
            || !matches!(deprels[w], Deprel::XCOMP | Deprel::ADVCL | Deprel::CCOMP)
            || !said(&lower_case(forms[w]))
        {
            continue;
        }
        let children = children_of(heads);
        let own_clause = [
            Deprel::NSUBJ,
            Deprel::NSUBJ_PASS,
            Deprel::OBJ,
            Deprel::IOBJ,
            Deprel::CCOMP,
            Deprel::XCOMP,
            Deprel::AUX,
            Deprel::AUX_PASS,
            Deprel::MARK,
        ];
        if children[w]
            .iter()
            .any(|&k| own_clause.contains(&deprels[k]))
            || children[w - 1].iter().any(|&k| deprels[k] == Deprel::OBJ)
        {
            continue;
        }
        let by = |k: usize| {
            children[k]
                .iter()
                .any(|&c| deprels[c] == Deprel::CASE && lower_case(forms[c]) == "by")
        };
        let Some(agent) = children[w]
            .iter()
            .copied()
            .find(|&k| deprels[k] == Deprel::OBL_AGENT && by(k))
        else {
            continue;
        };
        upos[w] = Upos::Noun;
        deprels[w] = Deprel::OBJ;
        heads[agent] = w;
    }
}

/// "Chile will close its remaining border crossings with Peru": an "-ing" word right after a
/// possessive ("its", "Chile's") and right before a noun phrase with no determiner of its
/// own describes that noun, as "its remaining", "their existing", "its ruling" do. The
/// parser reads it as a verb (a complement of the verb above) with the possessive as its
/// owner and the noun as its object, so the verb above has no object and the closing no
/// target. The noun takes the "-ing" word's place (a complement becomes the object, a clause
/// subject the subject), the "-ing" word and the possessive hang from it, and the phrases
/// after the noun go with it. A gerund with an object of its own keeps its reading when the
/// object has a determiner ("opposed his joining the talks"). The "-ing" word must have no
/// other children.
fn an_ing_word_after_a_possessive_before_a_bare_noun_describes_it(
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    let candidate = |k: usize| {
        k >= 1
            && k + 1 < n
            && upos[k] == Upos::Verb
            && lower_case(forms[k]).ends_with("ing")
            && deprels[k - 1] == Deprel::NMOD_POSS
            && heads[k - 1] == k + 1
    };
    let found: Vec<usize> = (1..n).filter(|&k| candidate(k)).collect();
    if found.is_empty() {
        return;
    }
    let children = children_of(heads);
    for k in found {
        let d = deprels[k];
        let new_rel = if d == Deprel::CCOMP || d == Deprel::XCOMP {
            Deprel::OBJ
        } else if d == Deprel::CSUBJ {
            Deprel::NSUBJ
        } else if [
            Deprel::OBJ,
            Deprel::NSUBJ,
            Deprel::OBL,
            Deprel::NMOD,
            Deprel::CONJ,
        ]
        .contains(&d)
        {
            d
        } else {
            continue;
        };
        let Some(object) = children[k]
            .iter()
            .copied()
            .find(|&c| c > k && deprels[c] == Deprel::OBJ)
        else {
            continue;
        };
        // The object's phrase starts right after the "-ing" word, with no determiner.
        if !matches!(upos[object], Upos::Noun | Upos::Propn)
            || children[object]
                .iter()
                .any(|&c| c < object && (c <= k || deprels[c] == Deprel::DET))
            || (k + 1..object).any(|w| heads[w] != object + 1 && heads[w] <= k + 1)
        {
            continue;
        }
        let mut after = Vec::new();
        let mut other = false;
        for &c in &children[k] {
            if c == k - 1 || c == object {
            } else if c > object && deprels[c] == Deprel::OBL {
                after.push(c);
            } else {
                other = true;
            }
        }
        if other {
            continue;
        }
        heads[object] = heads[k];
        deprels[object] = new_rel;
        heads[k] = object + 1;
        deprels[k] = Deprel::AMOD;
        upos[k] = Upos::Adj;
        heads[k - 1] = object + 1;
        for c in after {
            heads[c] = object + 1;
            deprels[c] = Deprel::NMOD;
        }
    }
}

/// "Chile declared the Peruvian ambassador persona non grata": the Latin phrase says what the
/// verb before it declares its object to be. The parser knows none of its words and hangs them
/// on the object in many ways (as adjectives, a clause, an apposition, "goes with"), so the
/// expulsion the phrase names has neither who declares nor who is declared. The phrase
/// becomes one word group ("non" and "grata" fixed under "persona"), a complement (`xcomp`)
/// of the nearest verb before it, as the parser reads the passive ("was declared persona non
/// grata"); what hung from its words hangs from the verb.
fn persona_non_grata_is_what_the_verb_declares(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    let Some(p) = (0..n.saturating_sub(2)).find(|&k| {
        lower_case(forms[k]) == "persona"
            && lower_case(forms[k + 1]) == "non"
            && lower_case(forms[k + 2]) == "grata"
    }) else {
        return;
    };
    let Some(v) = (0..p).rev().find(|&k| upos[k] == Upos::Verb) else {
        return;
    };
    // The verb must not hang below the phrase (no cycle).
    let mut up = heads[v];
    let mut steps = 0;
    while up != 0 && steps < n {
        if (p + 1..=p + 3).contains(&up) {
            return;
        }
        up = heads[up - 1];
        steps += 1;
    }
    for k in (0..n).filter(|k| !(p..p + 3).contains(k)) {
        if (p + 1..=p + 3).contains(&heads[k]) {
            heads[k] = v + 1;
        }
    }
    heads[p] = v + 1;
    deprels[p] = Deprel::XCOMP;
    for k in [p + 1, p + 2] {
        heads[k] = p + 1;
        deprels[k] = Deprel::FIXED;
    }
}

/// "Unidentified gunmen attacked a police station", "Masked men abducted two workers": a
/// past form opening the sentence, capitalized only because it comes first and followed at
/// once by a noun and then a verb, describes that noun. The parser, which has seen few such
/// openings, makes the past form the main verb and the real verb a clause below it, so the
/// attack has no subject. The noun (with its own modifiers) must come right after the past
/// form, and the verb right after the noun's phrase but for auxiliaries and adverbs of its
/// own; the verb must have no subject of its own.
fn an_opening_past_form_before_a_subject_describes_it(
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

/// "Envoys from Chile and Peru met Norwegian officials": a plural noun opening the sentence,
/// capitalized only because it comes first, is read by the parser as the main verb (a verb
/// in "-s" with no subject), and the real verb as a clause below it, so the meeting has no
/// one meeting. When the opening word ends in "s" (not "-ss", "-us", "-is"), has no subject,
/// auxiliary or marker of its own, and a verb hangs from it later with no subject, marker or
/// conjunction of its own, that verb is the root and the opening word its subject; only
/// phrases ("from Chile and Peru"), punctuation and that verb's own auxiliaries and adverbs
/// may stand between them. The phrases stay with the noun; what hung from it after the verb
/// goes to the verb.
fn an_opening_plural_read_as_a_verb_is_the_subject(
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    let first = lower_case(forms[0]);
    if n < 3
        || upos[0] != Upos::Verb
        || deprels[0] != Deprel::ROOT
        || !forms[0].starts_with(|c: char| c.is_ascii_uppercase())
        || !first.ends_with('s')
        || first.ends_with("ss")
        || first.ends_with("us")
        || first.ends_with("is")
    {
        return;
    }
    let children = children_of(heads);
    let own_clause = [
        Deprel::NSUBJ,
        Deprel::NSUBJ_PASS,
        Deprel::CSUBJ,
        Deprel::EXPL,
        Deprel::AUX,
        Deprel::AUX_PASS,
        Deprel::MARK,
        Deprel::CC,
    ];
    if children[0]
        .iter()
        .any(|&k| own_clause.contains(&deprels[k]))
    {
        return;
    }
    let Some(verb) = children[0].iter().copied().find(|&k| {
        upos[k] == Upos::Verb
            && matches!(
                deprels[k],
                Deprel::PARATAXIS | Deprel::CCOMP | Deprel::CONJ | Deprel::XCOMP | Deprel::ADVCL
            )
    }) else {
        return;
    };
    if children[verb].iter().any(|&k| {
        own_clause[..3].contains(&deprels[k])
            || deprels[k] == Deprel::MARK
            || deprels[k] == Deprel::CC
    }) {
        return;
    }
    // Between the two: phrases of the noun (and what hangs from them) or the verb's own
    // auxiliaries and adverbs.
    for k in 1..verb {
        let ok = if heads[k] == 1 {
            matches!(deprels[k], Deprel::OBL | Deprel::NMOD | Deprel::PUNCT)
        } else if heads[k] == verb + 1 {
            matches!(deprels[k], Deprel::AUX | Deprel::ADVMOD)
        } else {
            (1..verb).contains(&(heads[k].wrapping_sub(1)))
        };
        if !ok {
            return;
        }
    }
    for &k in &children[0] {
        if k > verb {
            heads[k] = verb + 1;
        } else if k != verb && deprels[k] == Deprel::OBL {
            deprels[k] = Deprel::NMOD;
        }
    }
    heads[verb] = 0;
    deprels[verb] = Deprel::ROOT;
    heads[0] = verb + 1;
    deprels[0] = Deprel::NSUBJ;
    upos[0] = Upos::Noun;
}

/// "Israeli warplanes struck targets in Lebanon": with no verb in sight, the tagger may read
/// every word as a noun, and the parser make one noun phrase of them ("warplanes struck
/// targets" as "struck targets" of warplanes). In a sentence without a verb or auxiliary, a
/// past form (ending in "-ed", or an irregular one of `irregular_past_forms`) hung as a
/// compound on the root noun right after it, with a noun compound right before it, is the
/// verb: the noun before is its subject, with the words that described the phrase, and the
/// root its object. The same holds for the clause a reporting verb after it governs
/// ("Israeli jets struck targets in Gaza overnight, the army said"), with no verb before
/// that reporting verb but its own auxiliaries: the past form takes the noun's place. Up to
/// two nouns or adjectives hung on the root right before it may stand between the past form
/// and the root ("Chilean jets struck rebel camps in Peru"): they stay with the object.
fn a_past_form_read_as_a_compound_between_two_nouns_is_the_verb(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some((r, place)) = a_verbless_clause_read_as_a_noun(upos, heads, deprels) else {
        return;
    };
    // The object may have words of its own before it ("struck rebel camps", "struck
    // suspected militant hideouts"): the past form is the first word before them.
    let described = |k: usize| {
        heads[k] == r + 1
            && matches!(deprels[k], Deprel::COMPOUND | Deprel::AMOD)
            && matches!(upos[k], Upos::Noun | Upos::Adj)
    };
    let mut v = r.saturating_sub(1);
    while v > 1
        && v + 3 > r
        && described(v)
        && !(upos[v] == Upos::Noun && is_past_form(rules, forms[v]))
    {
        v -= 1;
    }
    if v < 1 {
        return;
    }
    let s = v - 1;
    if upos[v] != Upos::Noun
        || heads[v] != r + 1
        || deprels[v] != Deprel::COMPOUND
        || !matches!(upos[s], Upos::Noun | Upos::Propn)
        || !(heads[s] == v + 1 || heads[s] == r + 1)
        || deprels[s] != Deprel::COMPOUND
    {
        return;
    }
    if !is_past_form(rules, forms[v]) {
        return;
    }
    upos[v] = Upos::Verb;
    a_verb_between_its_subject_and_object(heads, deprels, (s, v, r));
    (heads[v], deprels[v]) = place;
}

/// Whether `form` is a past form: one ending in "-ed" (not "-eed") of five letters or more,
/// or one of `irregular_past_forms`.
fn is_past_form(rules: &ArgumentRules, form: &str) -> bool {
    let past = lower_case(form);
    let regular = past.len() >= 5 && past.ends_with("ed") && !past.ends_with("eed");
    regular || list_test(rules, "irregular_past_forms")(&past)
}

/// The noun that stands where a clause's verb should be, with the head and relation it has:
/// the root of a sentence with no verb or auxiliary, or the complement of a reporting verb
/// after it ("…, the army said") with no verb or auxiliary before that verb but its own.
fn a_verbless_clause_read_as_a_noun(
    upos: &[Upos],
    heads: &[usize],
    deprels: &[Deprel],
) -> Option<(usize, (usize, Deprel))> {
    let is_verb = |k: usize| matches!(upos[k], Upos::Verb | Upos::Aux);
    let r = deprels.iter().position(|&d| d == Deprel::ROOT)?;
    if upos[r] == Upos::Noun {
        return (!(0..upos.len()).any(is_verb)).then_some((r, (0, Deprel::ROOT)));
    }
    if upos[r] != Upos::Verb {
        return None;
    }
    let c = (0..r).find(|&k| {
        heads[k] == r + 1 && upos[k] == Upos::Noun && matches!(deprels[k], Deprel::CCOMP)
    })?;
    let verbless = !(0..r).any(|k| is_verb(k) && heads[k] != r + 1);
    verbless.then_some((c, (r + 1, Deprel::CCOMP)))
}

/// Makes `verb` the root between the nouns a one-noun-phrase parse had hung on `object` (the
/// root): `subject` is its subject, with the words before it that described the phrase, and
/// `object` its object; the closing punctuation goes to the verb.
fn a_verb_between_its_subject_and_object(
    heads: &mut [usize],
    deprels: &mut [Deprel],
    (subject, verb, object): (usize, usize, usize),
) {
    for k in 0..heads.len() {
        if k < subject && matches!(heads[k], h if h == object + 1 || h == verb + 1) {
            heads[k] = subject + 1;
        } else if k > object && heads[k] == object + 1 && deprels[k] == Deprel::PUNCT {
            heads[k] = verb + 1;
        }
    }
    heads[subject] = verb + 1;
    deprels[subject] = Deprel::NSUBJ;
    heads[verb] = 0;
    deprels[verb] = Deprel::ROOT;
    heads[object] = verb + 1;
    deprels[object] = Deprel::OBJ;
}

/// "Nigerian police shot three protesters": the tagger may read a past form after a noun as
/// a noun ("a police shot"), yet the parser still gives it an object, which no noun takes. A
/// root noun with an object after it and no copula is the verb it is, and the noun right
/// before it that the parser hung on it as a compound is its subject, with the words before
/// that noun that described the compound ("Nigerian").
fn a_root_noun_with_an_object_is_a_verb(
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

/// "Israeli police used water cannon to disperse protesters": the parser may read a verb of
/// using (`using_verbs`) between two nouns as an adjective ("used cars"), making the sentence
/// one noun phrase, "police used water cannon", with the infinitive describing "cannon". In
/// a root noun phrase with no copula and no subject, such a verb tagged as a verb, right
/// after a noun the parser hung on the root as a compound (or after that noun's own phrase,
/// "police in Tbilisi used rubber bullets"), is the main verb: that noun (with the words
/// before it) its subject, the root noun its object. The purpose repair then gives the
/// infinitive to the verb.
fn a_using_verb_inside_a_noun_phrase_is_the_verb(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(r) = deprels.iter().position(|&d| d == Deprel::ROOT) else {
        return;
    };
    if upos[r] != Upos::Noun {
        return;
    }
    let Some(u) =
        (1..r).find(|&k| upos[k] == Upos::Verb && deprels[k] == Deprel::AMOD && heads[k] == r + 1)
    else {
        return;
    };
    // "Police in Tbilisi used rubber bullets": the subject noun may carry a phrase of its
    // own ("in Tbilisi") that ends right before the verb; climb from the word before the verb
    // to the noun the phrase hangs on.
    let mut subject = u - 1;
    while heads[subject] != r + 1 && heads[subject] > 0 && heads[subject] - 1 < subject {
        subject = heads[subject] - 1;
    }
    if heads[subject] != r + 1
        || deprels[subject] != Deprel::COMPOUND
        || !matches!(upos[subject], Upos::Noun | Upos::Propn)
        || !list_test(rules, "using_verbs")(&lower_case(forms[u]))
    {
        return;
    }
    let children = children_of(heads);
    if children[r]
        .iter()
        .any(|&k| matches!(deprels[k], Deprel::COP | Deprel::NSUBJ | Deprel::NSUBJ_PASS))
    {
        return;
    }
    a_verb_between_its_subject_and_object(heads, deprels, (subject, u, r));
}

/// "Beijing rejected as groundless a report by the U.S. State Department": wire news sets a
/// long object after the judgement its verb passes on it ("dismissed as baseless a
/// statement by …"). The parser makes the judgement a clause of the verb ("as groundless")
/// with the object as its own, so the rejection has no object and no one whose report it
/// was. An object of a word introduced by "as" right after a verb that has no object of its
/// own is that verb's; what the parser hung on the judgement after the object describes the
/// object.
fn an_object_after_as_and_a_judgement_is_the_verbs(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    for k in 1..n.saturating_sub(2) {
        let (v, a) = (k - 1, k + 1);
        if !forms[k].eq_ignore_ascii_case("as")
            || upos[v] != Upos::Verb
            || heads[k] != a + 1
            || heads[a] != v + 1
            || !matches!(upos[a], Upos::Verb | Upos::Adj)
        {
            continue;
        }
        let children = children_of(heads);
        if children[v].iter().any(|&c| deprels[c] == Deprel::OBJ) {
            continue;
        }
        let Some(object) = children[a]
            .iter()
            .copied()
            .find(|&c| c > a && deprels[c] == Deprel::OBJ)
        else {
            continue;
        };
        heads[object] = v + 1;
        for &c in &children[a] {
            if c > object && matches!(deprels[c], Deprel::OBL | Deprel::NMOD) {
                heads[c] = object + 1;
                deprels[c] = Deprel::NMOD;
            }
        }
        return;
    }
}

/// "Gunmen attacked a village in Nigeria's Zamfara state": the parser may hang the noun
/// before "in" on the place noun at the end (`place_nouns`: "village … state", "plant …
/// region") as a compound, across the preposition, so the noun of place becomes the object
/// and the "in" phrase is lost. A noun hung as a compound on a place noun further on, with a
/// preposition right after it that introduces a word between them, takes the place noun's
/// role; the place noun becomes its modifier, introduced by that preposition, and the name
/// before the place noun ("Zamfara", "Kharkiv") describes it.
fn a_noun_before_a_place_in_a_country_is_no_compound(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    for c in 0..n.saturating_sub(3) {
        let k = c + 1;
        if deprels[c] != Deprel::COMPOUND
            || upos[c] != Upos::Noun
            || deprels[k] != Deprel::CASE
            || upos[k] != Upos::Adp
            || heads[c] <= k + 2
        {
            continue;
        }
        let h = heads[c] - 1;
        let q = heads[k].wrapping_sub(1);
        if !(k < q && q < h) || upos[h] != Upos::Noun {
            continue;
        }
        // The preposition's word hangs on the place noun, through the words between.
        let mut up = q;
        while k < up && up < h && heads[up] > 0 {
            up = heads[up] - 1;
        }
        if !(up == h || up == c && heads[q] == c + 1 && q + 1 == h)
            || !list_test(rules, "place_nouns")(&lower_case(forms[h]))
        {
            continue;
        }
        if heads[q] == c + 1 {
            heads[q] = h + 1;
            deprels[q] = Deprel::COMPOUND;
        } else if deprels[q] == Deprel::NMOD_POSS {
            // ("Nigeria's Zamfara state": the country owns the place, not its name.)
            heads[q] = h + 1;
        }
        for head in heads.iter_mut().take(c) {
            if *head == h + 1 {
                *head = c + 1;
            }
        }
        heads[c] = heads[h];
        deprels[c] = deprels[h];
        heads[h] = c + 1;
        deprels[h] = Deprel::NMOD;
        heads[k] = h + 1;
        return;
    }
}

/// "Norway accused Chile of spying, a charge Santiago denied": a noun summing up the clause
/// before (`summing_nouns`: a charge, a claim, a move), set off by a comma at the end of the
/// sentence with its own subject and verb after it, is a relative clause without "that".
/// The parser, which sees few of these, reads the noun as an adjective, the name as a
/// subject or a compound and the verb as a clause of the first one, even taking the first
/// clause's object as that verb's subject. The verb becomes the noun's relative clause with
/// the name as its subject; the noun hangs from the main verb; the main verb's object the
/// verb after had taken is given back.
fn a_noun_summing_up_the_clause_has_a_relative_clause(
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

/// "threatened to expel inspectors if Chile, Peru and Bolivia reimposed sanctions": the
/// parser, taking the past form for an adjective ("reimposed sanctions"), reads the names
/// as the noun's owners and hangs "if" on the first of them, so the sanction is Chile's act
/// and no condition is above it. A conditional (`conditionals`) marking an owner of a noun,
/// with a past form as that noun's modifier between them, opens a clause: the past form is
/// its verb (an adverbial clause where the noun hung), the owner its subject, the noun its
/// object.
fn a_condition_read_as_an_owner_is_a_clause(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let n = heads.len();
    for m in 0..n {
        if deprels[m] != Deprel::MARK || heads[m] <= m + 1 {
            continue;
        }
        let owner = heads[m] - 1;
        if deprels[owner] != Deprel::NMOD_POSS || heads[owner] <= owner + 1 {
            continue;
        }
        let noun = heads[owner] - 1;
        if upos[noun] != Upos::Noun || !list_test(rules, "conditionals")(&lower_case(forms[m])) {
            continue;
        }
        let Some(verb) = (owner + 1..noun).find(|&k| {
            heads[k] == noun + 1
                && deprels[k] == Deprel::AMOD
                && upos[k] == Upos::Verb
                && forms[k].ends_with("ed")
        }) else {
            continue;
        };
        heads[verb] = heads[noun];
        deprels[verb] = if heads[noun] == 0 {
            Deprel::ROOT
        } else {
            Deprel::ADVCL
        };
        heads[owner] = verb + 1;
        deprels[owner] = Deprel::NSUBJ;
        heads[m] = verb + 1;
        heads[noun] = verb + 1;
        deprels[noun] = Deprel::OBJ;
        return;
    }
}

/// "Norway opened an inquiry into war crimes by Chilean soldiers": the parser hangs "by" on
/// the inquiry, so the soldiers would hold it; they did the crimes, which the inquiry looks
/// into. A "by" phrase of a noun in `probe_nouns` that comes after the noun's own "into"
/// phrase belongs to that phrase's noun. Not when that noun is a claim ("an inquiry into an
/// allegation by Peru": Peru alleges, and is no one looked into), and not when "by" comes
/// first ("an inquiry by Norway into crimes": Norway holds it).
fn a_by_phrase_after_the_deed_looked_into_is_the_deeds(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &[Deprel],
) {
    let probe = list_test(rules, "probe_nouns");
    if !forms.iter().any(|f| probe(&lower_case(f))) {
        return;
    }
    let claim = list_test(rules, "suspicion_nouns");
    let children = children_of(heads);
    let case_is = |w: usize, case: &str| {
        children[w]
            .iter()
            .any(|&c| deprels[c] == Deprel::CASE && forms[c].eq_ignore_ascii_case(case))
    };
    let mut moves = Vec::new();
    for by in 0..heads.len() {
        let Some(noun) = heads[by].checked_sub(1) else {
            continue;
        };
        if deprels[by] != Deprel::NMOD
            || upos[noun] != Upos::Noun
            || !probe(&lower_case(forms[noun]))
            || !case_is(by, "by")
        {
            continue;
        }
        let deed = children[noun].iter().copied().find(|&d| {
            d < by
                && d > noun
                && deprels[d] == Deprel::NMOD
                && upos[d] == Upos::Noun
                && case_is(d, "into")
        });
        if let Some(deed) = deed.filter(|&d| !claim(&lower_case(forms[d]))) {
            moves.push((by, deed));
        }
    }
    for (by, deed) in moves {
        heads[by] = deed + 1;
    }
}
