//! Parsing a sentence for the event reader with its actor names as single words. A parser
//! trained on web text splits long names it has never seen ("European Community foreign
//! ministers" read as an adjective, a noun and a second noun phrase); the entity stage already
//! knows where each name begins and ends, so each name is parsed as one word: a common proper
//! noun of its kind (a country adjective as a common nationality adjective), which the tagger
//! knows well, keeping the span of the whole name.

use crate::extract::actors::{Found, Hit};
use crate::extract::doc::Doc;
use crate::extract::lexicon::{CountryForm, Lexicon};
use crate::extract::parse::ud_words::{UdWord, ud_words};
use crate::extract::parse::{ParsedSentence, Parser, Word};

/// A stand-in the parser reads as a proper noun of the name's kind; `surface` is the name as
/// written.
fn stand_in(found: &Found, surface: &str) -> &'static str {
    match found {
        Found::Person { .. } => "Smith",
        // "Palestinians and Israelis failed": a people, a plural noun, not an adjective.
        Found::Country {
            form: CountryForm::Adjective,
            ..
        } if surface.ends_with('s') && !surface.ends_with("ss") => "Americans",
        Found::Country {
            form: CountryForm::Adjective,
            ..
        } => "French",
        Found::Country { .. } => "France",
        Found::Organization { .. } => "Microsoft",
        Found::Place { .. } => "London",
    }
}

/// The first token of a person's name with the title and country words before it ("US
/// defense Secretary Pete Hegseth"): the whole is one noun phrase naming one person.
fn titled_start(lex: &Lexicon, doc: &Doc<'_>, hits: &[&Hit], h: &Hit, first: usize) -> usize {
    let mut start = h.tokens.start;
    if !matches!(h.found, Found::Person { .. }) {
        return start;
    }
    loop {
        let words: Vec<&str> = (first..start).map(|t| doc.word(t)).collect();
        // A title phrase ending right before.
        let title = (start.saturating_sub(4).max(first)..start).find(|&k| {
            matches!(
                lex.titles.longest_at(&words, k - first),
                Some((len, _)) if k + len == start
            )
        });
        // A country word qualifying the title.
        let country = hits.iter().find(|o| {
            o.tokens.end == start && matches!(o.found, Found::Country { modifier: true, .. })
        });
        match (title, country) {
            (Some(k), _) => start = k,
            (None, Some(o)) => start = o.tokens.start,
            (None, None) => return start,
        }
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
    let mut words: Vec<UdWord> = Vec::with_capacity(ud.len());
    let mut forms: Vec<&str> = Vec::with_capacity(ud.len());
    let mut names: Vec<Option<usize>> = Vec::with_capacity(ud.len());
    // Where each name (with its title) starts.
    let starts: Vec<usize> = hits
        .iter()
        .map(|h| {
            let t = titled_start(lex, doc, hits, h, sentence.tokens.start);
            doc.tokens[t].span.start
        })
        .collect();
    // The longest name starting at word `i` ("US defense Secretary Pete Hegseth", not "US").
    let name_at = |i: usize| {
        let w: &UdWord = ud.get(i)?;
        hits.iter()
            .enumerate()
            .filter(|(k, h)| {
                let end = doc.tokens[h.tokens.end - 1].span.end;
                starts[*k] == w.span.start && end >= w.span.end
            })
            .max_by_key(|(_, h)| h.tokens.end)
    };
    // "staged demonstrations Saturday to demand ...", "held talks near Taiwan on Monday": news
    // states the day anywhere, bare or after a preposition, where web text (the parser's
    // training) hardly does, and the parser hangs the rest of the clause on it. Such time
    // phrases are left out of the parse; the date is read off the words (`date_in`).
    let rules = &lex.arguments;
    let lower: Vec<String> = ud.iter().map(|w| w.form(doc.text).to_lowercase()).collect();
    let in_name = |w: &UdWord| {
        hits.iter().any(|h| {
            let span = doc.tokens[h.tokens.start].span.start..doc.tokens[h.tokens.end - 1].span.end;
            span.start < w.span.end && w.span.start < span.end
        })
    };
    let mut hidden = vec![false; ud.len()];
    for k in 0..ud.len() {
        let possessive = lower.get(k + 1).is_some_and(|n| n == "'s" || n == "'");
        if !rules.has("unparsed_times", &lower[k]) || possessive || in_name(&ud[k]) {
            continue;
        }
        hidden[k] = true;
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
    // "Up to 100 ethnic Albanians demonstrated", "at least three civilians": a number's
    // approximation reads to the parser as a preposition heading the noun phrase; the number
    // alone keeps the phrase a subject.
    let approximators: Vec<Vec<&str>> = rules
        .list("unparsed_approximators")
        .map(|p| p.split(' ').collect())
        .collect();
    for k in 1..ud.len() {
        let number = lower[k].starts_with(|c: char| c.is_ascii_digit())
            || rules.has("number_words", &lower[k]);
        if !number {
            continue;
        }
        for phrase in &approximators {
            let n = phrase.len();
            if n <= k && lower[k - n..k].iter().zip(phrase).all(|(w, p)| w == p) {
                hidden[k - n..k].fill(true);
                break;
            }
        }
    }
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
    let mut i = 0;
    while i < ud.len() {
        if hidden[i] {
            i += 1;
            continue;
        }
        let w = &ud[i];
        // "the" before a name goes into it: "the US" read as "the France" is a common noun
        // to the tagger, "France" alone a proper one ("the French" is fine as it is).
        let name = name_at(i).or_else(|| {
            w.form(doc.text)
                .eq_ignore_ascii_case("the")
                .then(|| name_at(i + 1))
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
            let end = doc.tokens[h.tokens.end - 1].span.end;
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
                .get(doc.tokens[h.tokens.start].span.start..end)
                .unwrap_or("");
            forms.push(stand_in(&h.found, surface));
            names.push(Some(k));
            i = j;
        } else {
            forms.push(w.form(doc.text));
            words.push(w.clone());
            names.push(None);
            i += 1;
        }
    }
    let (upos, heads, deprels) = parser.parse_words(&forms);
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
