//! Parsing a sentence for the event reader with its actor names as single words. A parser
//! trained on web text splits long names it has never seen ("European Community foreign
//! ministers" read as an adjective, a noun and a second noun phrase); the entity stage already
//! knows where each name begins and ends, so each name is parsed as one word: a common proper
//! noun of its kind (a country adjective as a common nationality adjective), which the tagger
//! knows well, keeping the span of the whole name.

mod aside;
mod attachments;
mod clauses;
mod dateline;
mod objects;
mod phrases;
mod places;
mod possessives;
mod subjects;
mod wire;
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use super::patterns::{ArgumentRules, in_list};
use crate::extract::actors::{Found, Hit};
use crate::extract::doc::Doc;
use crate::extract::lexicon::{CountryForm, Lexicon, Target};
use crate::extract::parse::ud_words::{UdWord, ud_words};
use crate::extract::parse::{Deprel, ParsedSentence, Parser, Upos, Word};
use crate::extract::rules::Named;

/// `word` in lower case (`str::to_lowercase`), borrowed when it is ASCII without capitals,
/// as most words are: no string is made for them.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// A stand-in the parser reads as a proper noun of the name's kind; `surface` is the name as
/// written.
fn stand_in(found: &Found, surface: &str) -> &'static str {
    match found {
        Found::Person { .. } => "Smith",
        // "Palestinians and Israelis failed": a people, a plural noun, not an adjective.
        // ("Young Americans blocked roads" reads "blocked" as an adjective; "Iraqis" does not.)
        Found::Country {
            form: CountryForm::Adjective,
            ..
        } if surface.ends_with('s') && !surface.ends_with("ss") => "Iraqis",
        Found::Country {
            form: CountryForm::Adjective,
            ..
        } => "French",
        Found::Country { .. } => "France",
        Found::Organization { .. } => "Microsoft",
        Found::Place { .. } => "London",
    }
}

/// The first token of a person's name with the title and the country or body words before it
/// ("US defense Secretary Pete Hegseth"): the whole is one noun phrase naming one person.
fn titled_start(lex: &Lexicon, doc: &Doc<'_>, hits: &[&Hit], h: &Hit, first: usize) -> usize {
    let mut start = h.tokens.start;
    if !matches!(h.found, Found::Person { .. }) {
        return start;
    }
    let mut after_title = false;
    loop {
        let words: Vec<&str> = (first..start).map(|t| doc.word(t)).collect();
        // A title phrase ending right before.
        let title = (start.saturating_sub(4).max(first)..start).find(|&k| {
            matches!(
                lex.titles.longest_at(&words, k - first),
                Some((len, _)) if k + len == start
            )
        });
        // A country word qualifying the title, or the body whose title it is ("Liberal
        // Democrat leader Charles Kennedy", "Hamas leader ...").
        let country = hits.iter().find(|o| {
            o.tokens.end == start
                && (matches!(o.found, Found::Country { modifier: true, .. })
                    || after_title && matches!(o.found, Found::Organization { .. }))
        });
        match (title, country) {
            (Some(k), _) => {
                start = k;
                after_title = true;
            }
            (None, Some(o)) => {
                start = o.tokens.start;
                after_title = false;
            }
            (None, None) => return start,
        }
    }
}

/// Where a country's office named without a person ends ("Taiwan's foreign minister",
/// "Iraq's envoys"): the whole is one noun phrase standing for the country.
/// `None` when no title follows the country `h`, or a person's name follows the title (then
/// the person's own phrase takes it in).
fn office_end(
    lex: &Lexicon,
    doc: &Doc<'_>,
    hits: &[&Hit],
    h: &Hit,
    sentence_end: usize,
) -> Option<usize> {
    if !matches!(h.found, Found::Country { .. }) {
        return None;
    }
    // Only the possessive: "French and German envoys" parses well as it is, and merging
    // one conjunct would break the coordination.
    let mut t = h.tokens.end;
    if t < sentence_end && matches!(doc.word(t), "'s" | "\u{2019}s") {
        t += 1;
    } else {
        return None;
    }
    let words: Vec<&str> = (t..sentence_end).map(|x| doc.word(x)).collect();
    // "Taiwan's Vice Foreign Minister": a qualifier before the title belongs to the office.
    let qualified = usize::from(words.first().is_some_and(|w| {
        lex.rules
            .set(Named::RoleQualifiers)
            .contains(&lower_case(w))
    }));
    let (len, target) = lex.titles.longest_at(&words, qualified)?;
    if target == Target::Honorific {
        return None;
    }
    let last = t + qualified + len;
    let person_follows = hits
        .iter()
        .any(|o| o.tokens.start == last && matches!(o.found, Found::Person { .. }));
    (!person_follows).then(|| doc.tokens[last - 1].span.end)
}

/// This sentence's names, each with where it starts once its title is taken in.
struct SentenceNames<'a, 't> {
    lex: &'a Lexicon,
    doc: &'a Doc<'t>,
    hits: &'a [&'a Hit],
    /// Byte where each name (with its title) starts.
    starts: Vec<usize>,
}

impl<'a, 't> SentenceNames<'a, 't> {
    fn new(lex: &'a Lexicon, doc: &'a Doc<'t>, hits: &'a [&'a Hit], first: usize) -> Self {
        let starts = hits
            .iter()
            .map(|h| {
                let t = titled_start(lex, doc, hits, h, first);
                doc.tokens[t].span.start
            })
            .collect();
        Self {
            lex,
            doc,
            hits,
            starts,
        }
    }

    /// The longest name starting at word `i` ("US defense Secretary Pete Hegseth", not "US"),
    /// with its index in `hits`.
    fn name_at(&self, ud: &[UdWord], i: usize) -> Option<(usize, &'a Hit)> {
        let w: &UdWord = ud.get(i)?;
        self.hits
            .iter()
            .enumerate()
            .filter(|(k, h)| {
                let end = self.doc.tokens[h.tokens.end - 1].span.end;
                // ("then-US House Speaker ...": a person's title may start inside a word;
                // "anti-Syria" is no name of Syria.)
                let inside = matches!(h.found, Found::Person { .. })
                    && (w.span.start..w.span.end).contains(&self.starts[*k]);
                if self.starts[*k] != w.span.start && !inside {
                    return false;
                }
                // ("US-led forces": the country that leads them, as "American forces" would;
                // "a Greek-owned ship", "a British-flagged tanker": the country's, as "a
                // Greek ship" is. Looked up only for a name that starts the word.)
                end >= w.span.end
                    || matches!(h.found, Found::Country { .. })
                        && self.doc.text.get(end..w.span.end).is_some_and(|rest| {
                            let args = &self.lex.arguments;
                            args.has("led_endings", rest) || args.has("owned_endings", rest)
                        })
            })
            .max_by_key(|(_, h)| h.tokens.end)
            .map(|(k, h)| (k, *h))
    }

    /// Whether word `w` overlaps a name.
    fn covers(&self, w: &UdWord) -> bool {
        let doc = self.doc;
        self.hits.iter().any(|h| {
            let span = doc.tokens[h.tokens.start].span.start..doc.tokens[h.tokens.end - 1].span.end;
            span.start < w.span.end && w.span.start < span.end
        })
    }

    /// The words the parser reads: the words not `hidden`, each name (with its title, or a
    /// country's office) one word read as its stand-in. Returns the words, their forms and,
    /// for each, the index in `hits` of the name it stands for.
    fn merged(
        &self,
        ud: &[UdWord],
        hidden: &[bool],
        sentence_end: usize,
    ) -> (Vec<UdWord>, Vec<&'t str>, Vec<Option<usize>>) {
        let doc = self.doc;
        let mut words: Vec<UdWord> = Vec::with_capacity(ud.len());
        let mut forms: Vec<&str> = Vec::with_capacity(ud.len());
        let mut names: Vec<Option<usize>> = Vec::with_capacity(ud.len());
        let mut i = 0;
        while i < ud.len() {
            if hidden[i] {
                i += 1;
                continue;
            }
            let w = &ud[i];
            // "the" before a name goes into it: "the US" read as "the France" is a common noun
            // to the tagger, "France" alone a proper one ("the French" is fine as it is).
            let name = self.name_at(ud, i).or_else(|| {
                w.form(doc.text)
                    .eq_ignore_ascii_case("the")
                    .then(|| self.name_at(ud, i + 1))
                    .flatten()
                    .filter(|(_, h)| {
                        !matches!(
                            h.found,
                            Found::Country {
                                form: CountryForm::Adjective,
                                ..
                            }
                        )
                    })
            });
            if let Some((k, h)) = name {
                let surface_end = doc.tokens[h.tokens.end - 1].span.end;
                let end =
                    office_end(self.lex, doc, self.hits, h, sentence_end).unwrap_or(surface_end);
                let mut j = i + 1;
                while j < ud.len() && ud[j].span.end <= end {
                    j += 1;
                }
                words.push(UdWord {
                    span: w.span.start..ud[j - 1].span.end,
                    token: w.token,
                });
                let surface = doc
                    .text
                    .get(doc.tokens[h.tokens.start].span.start..surface_end)
                    .unwrap_or("");
                // A country's office stands for the country but reads as a person does.
                // A country that leads ("Saudi-led coalition airstrikes") reads as the country's
                // noun: the adjective stand-in before two nouns makes the parser split them.
                // ("a Greek-owned ship" keeps the adjective: the ship is no place in Greece.)
                let led = matches!(h.found, Found::Country { .. })
                    && ud[j - 1].span.end > end
                    && doc
                        .text
                        .get(end..ud[j - 1].span.end)
                        .is_some_and(|rest| self.lex.arguments.has("led_endings", rest));
                forms.push(if end == surface_end && led {
                    "France"
                } else if end == surface_end {
                    stand_in(&h.found, surface)
                } else if doc.text[..end].ends_with('s') && !doc.text[..end].ends_with("ss") {
                    "officials"
                } else {
                    "Smith"
                });
                names.push(Some(k));
                i = j;
            } else {
                // "Iranian-backed rebels": one word the parser would take for a verb; it reads
                // as a plain adjective, and the backer is no one in the clause.
                let form = w.form(doc.text);
                let backed = self.covers(w)
                    && form
                        .rfind('-')
                        .is_some_and(|k| self.lex.arguments.has("backed_endings", &form[k..]));
                forms.push(if backed { "foreign" } else { form });
                words.push(w.clone());
                names.push(None);
                i += 1;
            }
        }
        (words, forms, names)
    }
}

/// Parses sentence `s` of `doc`, each name of `hits` (this sentence's) read as one word.
/// Returns the parse and, for each word, the index in `hits` of the name it stands for.
pub fn parse_sentence(
    lex: &Lexicon,
    doc: &Doc<'_>,
    s: usize,
    hits: &[&Hit],
) -> (ParsedSentence, Vec<Option<usize>>) {
    let parser: &Parser = &lex.parser;
    let Some(sentence) = doc.sentences.get(s) else {
        return (ParsedSentence::default(), Vec::new());
    };
    let ud = ud_words(doc.text, &doc.tokens, sentence.tokens.clone());
    let sentence_names = SentenceNames::new(lex, doc, hits, sentence.tokens.start);
    let rules = &lex.arguments;
    let lower: Vec<Cow<'_, str>> = ud.iter().map(|w| lower_case(w.form(doc.text))).collect();
    let in_name = |w: &UdWord| sentence_names.covers(w);
    let hidden = unparsed_words(rules, doc.text, &ud, &lower, &in_name);
    let (words, forms, names) = sentence_names.merged(&ud, &hidden, sentence.tokens.end);
    let (mut upos, mut heads, mut deprels) = parser.parse_words(&forms);
    if let Some(k) =
        possessives::an_ing_word_after_a_possessive_read_as_a_verb(&forms, &upos, &heads, &deprels)
    {
        let mut forms = forms.clone();
        forms[k] = possessives::ADJECTIVE_STAND_IN;
        (upos, heads, deprels) = parser.parse_words(&forms);
    }
    repair(rules, &forms, &names, &mut upos, &mut heads, &mut deprels);
    let parse = ParsedSentence {
        words: words
            .into_iter()
            .zip(upos)
            .zip(heads)
            .zip(deprels)
            .map(|(((w, upos), head), deprel)| Word {
                span: w.span,
                token: w.token,
                upos,
                head: head.checked_sub(1),
                deprel,
            })
            .collect(),
    };
    (parse, names)
}

/// The parse repairs, in order: each mends one kind of parser error that news sentences show
/// (see each function's comment). `heads` are 1-based, 0 the root.
fn repair(
    rules: &ArgumentRules,
    forms: &[&str],
    names: &[Option<usize>],
    upos: &mut [Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    places::an_adjective_before_a_name_is_no_verb(rules, forms, upos, heads, deprels);
    wire::repair(rules, forms, upos, heads, deprels);
    passive_only_with_an_auxiliary(rules, forms, heads, deprels);
    clauses::a_stance_participle_is_no_passive(rules, forms, heads, deprels);
    a_participle_after_a_linking_verb_is_passive(rules, forms, upos, heads, deprels);
    places::a_named_place_has_no_phrases_of_its_own(rules, forms, upos, heads, deprels);
    places::where_traded_goods_come_from_is_theirs(rules, forms, heads, deprels);
    a_verb_after_its_subject_is_the_main_verb(forms, upos, heads, deprels);
    a_verb_before_its_object_is_no_adjective(forms, upos, heads, deprels);
    objects::two_noun_phrases_after_a_giving_verb_are_its_objects(
        rules, forms, upos, heads, deprels,
    );
    objects::an_indirect_object_after_the_object_is_none(upos, heads, deprels);
    phrases::a_name_before_a_past_form_is_its_subject(forms, upos, heads, deprels);
    phrases::a_noun_read_as_an_adverb_heads_its_phrase(rules, forms, upos, heads, deprels);
    phrases::a_name_before_a_possessive_owns_the_name_after_it(forms, names, upos, heads, deprels);
    phrases::a_possessive_before_a_subject_is_its_determiner(rules, forms, heads, deprels);
    clauses::an_object_before_a_clause_without_subject_is_its_subject(rules, forms, heads, deprels);
    phrases::a_participle_before_an_object_is_its_adjective(forms, upos, heads, deprels);
    clauses::a_past_form_after_an_object_describes_it(rules, forms, upos, heads, deprels);
    clauses::a_conjoined_noun_before_a_clause_without_subject_is_its_subject(upos, heads, deprels);
    clauses::a_quotation_after_a_colon_belongs_to_the_saying_before_it(
        rules, forms, heads, deprels,
    );
    clauses::a_subject_before_the_marker_of_its_clause_is_the_object_above(
        rules, forms, upos, heads, deprels,
    );
    phrases::a_modal_conjunct_after_a_reported_clause_is_part_of_it(rules, forms, heads, deprels);
    aside::a_relative_after_a_comma_describes_the_noun_before(
        rules, forms, names, upos, heads, deprels,
    );
    clauses::a_past_form_after_a_modal_clause_joins_the_verb_above(
        rules, forms, upos, heads, deprels,
    );
    aside::an_object_before_who_told_it_is_no_subject_of_the_telling(
        rules, forms, upos, heads, deprels,
    );
    aside::a_name_before_an_aside_is_the_subject_after_it(
        rules, forms, names, upos, heads, deprels,
    );
    phrases::a_name_after_a_clause_word_is_the_subject_of_the_verb_after_it(
        rules, forms, upos, heads, deprels,
    );
    clauses::a_harm_done_to_people_without_its_auxiliary_is_passive(
        rules, forms, upos, heads, deprels,
    );
    clauses::a_past_form_set_off_after_its_subject_is_passive(forms, upos, heads, deprels);
    phrases::a_verb_below_a_described_root_noun_is_the_main_verb(forms, upos, heads, deprels);
    clauses::a_subject_bound_to_someone_is_the_subject_of_the_verb_after(
        rules, forms, upos, heads, deprels,
    );
    clauses::what_one_is_told_to_do_is_a_clause_of_the_telling(rules, forms, upos, heads, deprels);
    phrases::the_one_asked_for_is_the_subject_of_the_act_asked(rules, forms, upos, heads, deprels);
    phrases::an_indefinite_name_after_a_comma_describes(rules, forms, upos, heads, deprels);
    clauses::a_name_in_apposition_before_a_main_verb_without_subject_is_its_subject(
        upos, heads, deprels,
    );
    clauses::a_particle_read_as_a_preposition_leaves_the_verb_its_object(
        rules, forms, heads, deprels,
    );
    clauses::a_harm_participle_after_a_comma_is_no_conjunct(rules, forms, upos, heads, deprels);
    clauses::a_verb_after_a_relative_word_read_as_a_noun(rules, forms, upos, heads, deprels);
    phrases::a_subjects_phrase_before_its_verb(rules, forms, upos, heads, deprels);
    phrases::a_phrase_between_a_subject_and_its_verb_is_the_subjects(
        rules, forms, upos, heads, deprels,
    );
    phrases::a_noun_with_a_subject_is_a_verb(upos, heads, deprels);
    attachments::repair(rules, forms, upos, heads, deprels);
}

/// `rules.has(list, word)` with the list looked up once, for tests run on every word.
fn list_test<'r>(rules: &'r ArgumentRules, list: &str) -> impl Fn(&str) -> bool + 'r {
    let set = rules.lists.get(list);
    move |word| set.is_some_and(|l| in_list(l, word))
}

/// The words left out of the parse: a wire dateline, time phrases, approximations of numbers,
/// counts opening the sentence and fixed adverbials, none inside a name (`in_name`). `lower`
/// holds the words lower-cased.
fn unparsed_words(
    rules: &ArgumentRules,
    text: &str,
    ud: &[UdWord],
    lower: &[Cow<'_, str>],
    in_name: &dyn Fn(&UdWord) -> bool,
) -> Vec<bool> {
    let mut hidden = vec![false; ud.len()];
    let forms: Vec<&str> = ud.iter().map(|w| w.form(text)).collect();
    dateline::hide_dateline(rules, &forms, &mut hidden);
    hide_times(rules, ud, lower, in_name, &mut hidden);
    hide_approximations(rules, lower, &mut hidden);
    // "Thousands of people marched", "Tens of thousands of students staged protests": the
    // parser's web text hardly opens a sentence with a count, and it reads the verb as a
    // clause describing the count. The counted people act; the count is left out of the parse
    // ("hundreds of" before "thousands" too, the last count stays when nothing follows it).
    let is_count = list_test(rules, "unparsed_counts");
    for k in 0..ud.len().saturating_sub(2) {
        if is_count(&lower[k])
            && lower[k + 1] == "of"
            && lower[k + 2].starts_with(char::is_alphanumeric)
            && !in_name(&ud[k])
        {
            hidden[k] = true;
            hidden[k + 1] = true;
        }
    }
    // "agreed in principle to provide aid", "conceded at last to demands": a fixed adverbial
    // read word by word gives the parser a noun to hang the rest of the clause on.
    for k in 0..ud.len() {
        for phrase in rules.idioms_at(&lower[k]) {
            let n = phrase.len();
            if k + n <= ud.len()
                && lower[k..k + n].iter().zip(phrase).all(|(w, p)| w == p)
                && !ud[k..k + n].iter().any(in_name)
            {
                hidden[k..k + n].fill(true);
                break;
            }
        }
    }
    clauses::hide_serial_commas(ud, lower, in_name, &mut hidden);
    // "On Tuesday, Norway ...": the comma after an opening time phrase goes with it.
    if let Some(k) = hidden.iter().position(|&h| !h)
        && k > 0
        && lower[k] == ","
    {
        hidden[k] = true;
    }
    // A sentence that is nothing else keeps its words.
    if hidden.iter().all(|&h| h) {
        hidden.fill(false);
    }
    hidden
}

/// "staged demonstrations Saturday to demand ...", "held talks near Taiwan on Monday": news
/// states the day anywhere, bare or after a preposition, where web text (the parser's
/// training) hardly does, and the parser hangs the rest of the clause on it. Such time
/// phrases are left out of the parse; the date is read off the words (`date_in`).
fn hide_times(
    rules: &ArgumentRules,
    ud: &[UdWord],
    lower: &[Cow<'_, str>],
    in_name: &dyn Fn(&UdWord) -> bool,
    hidden: &mut [bool],
) {
    let is_time = list_test(rules, "unparsed_times");
    for k in 0..ud.len() {
        let possessive = lower.get(k + 1).is_some_and(|n| n == "'s" || n == "'");
        // "the 2022 visit", "in 1994": a year reads to the tagger as anything but a date.
        let year = lower[k].len() == 4
            && lower[k].bytes().all(|b| b.is_ascii_digit())
            && (lower[k].starts_with("19") || lower[k].starts_with("20"));
        if !(year || is_time(&lower[k])) || possessive || in_name(&ud[k]) {
            continue;
        }
        hidden[k] = true;
        if year {
            if k > 0 && rules.has("unparsed_year_openers", &lower[k - 1]) {
                hidden[k - 1] = true;
            }
            continue;
        }
        // "on Friday night", "yesterday morning".
        if lower
            .get(k + 1)
            .is_some_and(|n| rules.has("unparsed_time_followers", n))
        {
            hidden[k + 1] = true;
        }
        let mut j = k;
        while j > 0 && k - j < 2 && rules.has("unparsed_time_openers", &lower[j - 1]) {
            j -= 1;
            hidden[j] = true;
        }
    }
}

/// "Up to 100 ethnic Albanians demonstrated", "at least three civilians": a number's
/// approximation reads to the parser as a preposition heading the noun phrase; the number
/// alone keeps the phrase a subject.
fn hide_approximations(rules: &ArgumentRules, lower: &[Cow<'_, str>], hidden: &mut [bool]) {
    let is_number_word = list_test(rules, "number_words");
    for k in 1..lower.len() {
        let number =
            lower[k].starts_with(|c: char| c.is_ascii_digit()) || is_number_word(&lower[k]);
        if !number {
            continue;
        }
        // An approximation ends right before the number (split once, when the list loads).
        for phrase in rules.approximators() {
            let n = phrase.len();
            if n <= k && lower[k - n..k].iter().zip(phrase).all(|(w, p)| w == p) {
                hidden[k - n..k].fill(true);
                break;
            }
        }
    }
}

/// "The Chancellor agreed", "BAA is offering", "MPs had called": the parser sometimes labels an
/// active subject as passive. A passive needs a form of "be" or "get" as its auxiliary and a
/// verb that is no "-ing" form; without them the subject is active, and so is the auxiliary.
/// `heads` are 1-based (0 is the root), as the parser gives them.
fn passive_only_with_an_auxiliary(
    rules: &ArgumentRules,
    forms: &[&str],
    heads: &[usize],
    deprels: &mut [Deprel],
) {
    // Its cue: a word labelled passive, or a copula "being" or "been" (`passive_copulas`).
    let cue = |c: usize| match deprels[c] {
        Deprel::NSUBJ_PASS | Deprel::AUX_PASS => true,
        Deprel::COP => rules.has("passive_copulas", &lower_case(forms[c])),
        _ => false,
    };
    if !(0..forms.len()).any(cue) {
        return;
    }
    let n = forms.len();
    let mut labelled_passive = vec![false; n];
    let mut auxiliary = vec![false; n];
    for c in 0..n {
        let Some(v) = heads[c].checked_sub(1).filter(|&v| v < n) else {
            continue;
        };
        labelled_passive[v] |= matches!(deprels[c], Deprel::NSUBJ_PASS | Deprel::AUX_PASS);
        auxiliary[v] |= matches!(deprels[c], Deprel::AUX | Deprel::AUX_PASS)
            && rules.has("passive_auxiliaries", &lower_case(forms[c]));
    }
    // "Blair is being urged", "has been accused": a participle read as an adjective after
    // "being" or "been" is a passive all the same.
    let mut copular_participle = vec![false; n];
    for c in 0..n {
        if let Some(v) = heads[c].checked_sub(1).filter(|&v| v < n)
            && deprels[c] == Deprel::COP
            && rules.has("passive_copulas", &lower_case(forms[c]))
        {
            let verb = lower_case(forms[v]);
            copular_participle[v] = verb.ends_with("ed") || verb.ends_with("en");
        }
    }
    for c in 0..n {
        if heads[c]
            .checked_sub(1)
            .is_some_and(|v| v < n && copular_participle[v])
        {
            match deprels[c] {
                Deprel::NSUBJ => deprels[c] = Deprel::NSUBJ_PASS,
                Deprel::COP => deprels[c] = Deprel::AUX_PASS,
                _ => {}
            }
        }
    }
    let active: Vec<bool> = (0..n)
        .map(|v| labelled_passive[v] && (!auxiliary[v] || lower_case(forms[v]).ends_with("ing")))
        .collect();
    for c in 0..n {
        if heads[c].checked_sub(1).is_some_and(|v| v < n && active[v]) {
            match deprels[c] {
                Deprel::NSUBJ_PASS => deprels[c] = Deprel::NSUBJ,
                Deprel::AUX_PASS => deprels[c] = Deprel::AUX,
                _ => {}
            }
        }
    }
}

/// "He will remain suspended", "they stayed banned": a past participle completing a linking
/// verb (`linking_verbs`), with no "to", object, subject or clause of its own, is a passive whose
/// subject is the linking verb's: that subject is acted on. The subject is moved to the
/// participle as its passive subject. `heads` are 1-based, as the parser gives them.
fn a_participle_after_a_linking_verb_is_passive(
    rules: &ArgumentRules,
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    if !deprels.contains(&Deprel::XCOMP) {
        return;
    }
    let children = children_of(heads);
    for c in 0..forms.len() {
        let Some(v) = heads[c].checked_sub(1).filter(|&v| v < forms.len()) else {
            continue;
        };
        if deprels[c] != Deprel::XCOMP {
            continue;
        }
        let form = lower_case(forms[c]);
        let participle = deprels[c] == Deprel::XCOMP
            && upos[c] == Upos::Verb
            && (form.ends_with("ed") || form.ends_with("en"))
            && rules.has("linking_verbs", &lower_case(forms[v]))
            && !children[c].iter().any(|&k| {
                matches!(
                    deprels[k],
                    Deprel::MARK
                        | Deprel::OBJ
                        | Deprel::NSUBJ
                        | Deprel::NSUBJ_PASS
                        | Deprel::XCOMP
                        | Deprel::CCOMP
                )
            });
        if !participle {
            continue;
        }
        if let Some(&subject) = children[v].iter().find(|&&k| deprels[k] == Deprel::NSUBJ) {
            heads[subject] = c + 1;
            deprels[subject] = Deprel::NSUBJ_PASS;
        }
    }
}

/// "Russian aircraft including helicopter gunships killed 46 civilians", "The work and
/// pensions committee launched their inquiry": after a subject long or unusual enough, the
/// parser reads the main verb as a clause describing the last noun, and the subject as the
/// root. When the root is a noun with no subject, copula, auxiliary or marker of its own, the
/// first verb hanging as such a clause (`acl`) from the root's noun phrase, with an object or
/// an infinitive and no subject, marker or auxiliary of its own, is the root, and the noun its
/// subject. A present participle ("comments comparing him to a guard") still describes.
fn a_verb_after_its_subject_is_the_main_verb(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(root) = heads.iter().position(|&h| h == 0) else {
        return;
    };
    if !matches!(upos[root], Upos::Noun | Upos::Propn)
        || !deprels.contains(&Deprel::ACL) && !deprels.contains(&Deprel::PARATAXIS)
    {
        return;
    }
    let children = children_of(heads);
    let has = |w: usize, rels: &[Deprel]| children[w].iter().any(|&k| rels.contains(&deprels[k]));
    let own_clause = [
        Deprel::NSUBJ,
        Deprel::NSUBJ_PASS,
        Deprel::CSUBJ,
        Deprel::COP,
        Deprel::AUX,
        Deprel::AUX_PASS,
        Deprel::MARK,
    ];
    if has(root, &own_clause) {
        return;
    }
    // The root's noun phrase: the words reached from it through nominal relations.
    let mut phrase = vec![false; forms.len()];
    let mut stack = vec![root];
    while let Some(w) = stack.pop() {
        phrase[w] = true;
        stack.extend(children[w].iter().copied().filter(|&k| {
            matches!(
                deprels[k],
                Deprel::NMOD | Deprel::APPOS | Deprel::CONJ | Deprel::COMPOUND | Deprel::FLAT
            )
        }));
    }
    let Some(verb) = (root + 1..forms.len()).find(|&v| {
        matches!(deprels[v], Deprel::ACL | Deprel::PARATAXIS)
            && upos[v] == Upos::Verb
            && heads[v].checked_sub(1).is_some_and(|h| phrase[h])
    }) else {
        return;
    };
    if lower_case(forms[verb]).ends_with("ing")
        || has(verb, &own_clause)
        || !has(verb, &[Deprel::OBJ, Deprel::XCOMP])
    {
        return;
    }
    for &k in &children[root] {
        if k > verb {
            heads[k] = verb + 1;
        }
    }
    verb_for_noun_root(verb, root, Deprel::NSUBJ, heads, deprels);
}

/// "Members of the Farmers Union criticised Chile": the parser reads the verb as an adjective
/// of the name after it, which it makes the root with the real subject as its subject. When
/// the root is a noun with a subject before it and no copula or auxiliary, a past form ("-ed")
/// hanging from it as an adjective between the two is the root, the noun its object.
fn a_verb_before_its_object_is_no_adjective(
    forms: &[&str],
    upos: &[Upos],
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    let Some(root) = heads.iter().position(|&h| h == 0) else {
        return;
    };
    if !matches!(upos[root], Upos::Noun | Upos::Propn) || !deprels.contains(&Deprel::AMOD) {
        return;
    }
    let children = children_of(heads);
    if children[root]
        .iter()
        .any(|&k| matches!(deprels[k], Deprel::COP | Deprel::AUX | Deprel::AUX_PASS))
    {
        return;
    }
    let Some(subject) = children[root]
        .iter()
        .copied()
        .find(|&k| k < root && deprels[k] == Deprel::NSUBJ)
    else {
        return;
    };
    let Some(verb) = children[root].iter().copied().find(|&k| {
        subject < k
            && k < root
            && deprels[k] == Deprel::AMOD
            && upos[k] == Upos::Verb
            && lower_case(forms[k]).ends_with("ed")
    }) else {
        return;
    };
    // The subject and whatever came before the verb go with it; the rest stays with the noun.
    for &k in &children[root] {
        if k < verb {
            heads[k] = verb + 1;
        }
    }
    verb_for_noun_root(verb, root, Deprel::OBJ, heads, deprels);
}

/// The verb a repair found becomes the root, and the noun the parser had made the root hangs
/// from it as `rel` (its subject or its object).
fn verb_for_noun_root(
    verb: usize,
    root: usize,
    rel: Deprel,
    heads: &mut [usize],
    deprels: &mut [Deprel],
) {
    heads[verb] = 0;
    deprels[verb] = Deprel::ROOT;
    heads[root] = verb + 1;
    deprels[root] = rel;
}

/// The children of each word, in text order, in one block (the repairs build it often, for
/// every sentence: one allocation rather than one per word). `children[v]` is a slice.
#[derive(Default)]
struct Children {
    /// Where each word's children start in `list`; the last entry is the end.
    start: Vec<usize>,
    list: Vec<usize>,
}

impl Children {
    /// Each word's children, word by word.
    fn iter(&self) -> impl Iterator<Item = &[usize]> {
        self.start.windows(2).map(|w| &self.list[w[0]..w[1]])
    }

    /// The first and last word of the subtree word `w` heads.
    fn span(&self, w: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (w, w);
        let mut stack = vec![w];
        while let Some(k) = stack.pop() {
            lo = lo.min(k);
            hi = hi.max(k);
            stack.extend(self[k].iter().copied());
        }
        (lo, hi)
    }
}

/// Whether the head chain from `from` reaches the root without passing `avoid` (both
/// 1-based, as `heads` are): false when `from` hangs below `avoid`, or on a cycle.
fn reaches_the_root(heads: &[usize], from: usize, avoid: usize) -> bool {
    let mut up = from;
    for _ in 0..=heads.len() {
        if up == 0 {
            return true;
        }
        if up == avoid {
            return false;
        }
        up = heads[up - 1];
    }
    false
}

impl std::ops::Index<usize> for Children {
    type Output = [usize];
    fn index(&self, v: usize) -> &[usize] {
        &self.list[self.start[v]..self.start[v + 1]]
    }
}

thread_local! {
    /// The heads the children table was last built for on this thread, and that table
    /// (see [`children_of`]).
    static LAST_CHILDREN: RefCell<(Vec<usize>, Rc<Children>)> = RefCell::default();
}

/// The children of each word (`heads` 1-based, as the parser gives them). The repairs ask
/// for them one after another, and most change no head: the table last built on this thread
/// is handed out again as long as the heads are the same, and built anew once a repair has
/// moved one.
fn children_of(heads: &[usize]) -> Rc<Children> {
    LAST_CHILDREN.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != heads {
            last.0.clear();
            last.0.extend_from_slice(heads);
            last.1 = Rc::new(build_children(heads));
        }
        Rc::clone(&last.1)
    })
}

/// The children table of `heads`, built.
fn build_children(heads: &[usize]) -> Children {
    let n = heads.len();
    let head = |c: usize| heads[c].checked_sub(1).filter(|&v| v < n);
    let mut start = vec![0; n + 1];
    for c in 0..n {
        if let Some(v) = head(c) {
            start[v + 1] += 1;
        }
    }
    for v in 0..n {
        start[v + 1] += start[v];
    }
    let mut fill = start.clone();
    let mut list = vec![0; start[n]];
    for c in 0..n {
        if let Some(v) = head(c) {
            list[fill[v]] = c;
            fill[v] += 1;
        }
    }
    Children { start, list }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_to_lowercase_and_borrows_plain_words() {
        for word in [
            "talks",
            "Talks",
            "NATO's",
            "İstanbul",
            "ΣΟΦΊΑ",
            "ǅemal",
            "élan",
            "1990s",
        ] {
            assert_eq!(lower_case(word), word.to_lowercase(), "{word}");
        }
        assert!(matches!(lower_case("talks"), Cow::Borrowed(_)));
    }
}
